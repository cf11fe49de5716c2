/* libFuzzer target: the dateline parser, with and without a publication date. */
#include <stdint.h>
#include <string.h>

#include "dateline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dateline_match m;
	if (dateline_parse((const char *)data, size, "2025-01-05", &m)) {
		/* what it reports must lie inside the input */
		if (m.raw_len > size || m.body_start > size || strlen(m.raw) != m.raw_len)
			__builtin_trap();
	}
	dateline_parse((const char *)data, size, NULL, &m);
	return 0;
}
