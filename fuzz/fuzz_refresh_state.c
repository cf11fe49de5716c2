/*
 * libFuzzer target: the refresh state file (validators and item digests per
 * feed, kept between refreshes in the data directory). refresh_state_open()
 * reads from a path, so the input goes through a private temporary file.
# seeds: fuzz/seeds/refresh_state
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/dateline-fuzz-state-%ld", (long)getpid());
	FILE *f = fopen(path, "w");
	if (!f)
		return 0;
	if (fwrite(data, 1, size, f) != size) {
		fclose(f);
		return 0;
	}
	fclose(f);
	char err[256];
	struct refresh_state *st;
	if (refresh_state_open(path, &st, err, sizeof err) == 0) {
		refresh_state_link(st, "https://gazette.example/feed.xml");
		refresh_state_free(st);
	}
	unlink(path);
	return 0;
}
