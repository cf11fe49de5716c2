/*
 * fetchonly.c: dateline's fetcher alone (fetch_run over a URL list, bodies
 * dropped), to tell the network layer's cost from parsing and state in
 * bench/bench_refresh.sh. Built by `make bench` against build/libdateline.a.
 *
 *   fetchonly URLS-FILE [JOBS]
 */
#include "net.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count(void *ctx, struct fetch_result *r)
{
	size_t *bad = ctx;
	*bad += r->status != FETCH_OK && r->status != FETCH_NOT_MODIFIED;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: fetchonly URLS-FILE [JOBS]\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	struct fetch_opts o;
	char err[256];
	fetch_opts_default(&o);
	if (fetch_opts_from_env(&o, err, sizeof err)) {
		fprintf(stderr, "fetchonly: %s\n", err);
		return 2;
	}
	if (argc > 2)
		o.max_parallel = atoi(argv[2]);
	struct fetch_request *reqs = NULL;
	size_t n = 0, cap = 0, bad = 0;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0])
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			struct fetch_request *r = realloc(reqs, cap * sizeof *r);
			if (!r)
				return 1;
			reqs = r;
		}
		reqs[n] = (struct fetch_request){.url = strdup(line), .accept = FETCH_ACCEPT_FEED};
		if (!reqs[n++].url)
			return 1;
	}
	fclose(f);
	int rc = fetch_run(reqs, n, &o, count, &bad, err, sizeof err);
	if (rc)
		fprintf(stderr, "fetchonly: %s\n", err);
	for (size_t i = 0; i < n; i++)
		free((char *)reqs[i].url);
	free(reqs);
	return rc || bad ? 1 : 0;
}
