/* cli_sync.c: `dateline refresh` when the subscriptions come from an aggregator (source ttrss|greader). */
#include "cli.h"
#include "subs.h"
#include "pipeline.h"
#include "store.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_source(struct source_config *cfg)
{
	char err[1024];
	if (source_config_load(cfg, err, sizeof err)) {
		cli_error("%s", err);
		return -1;
	}
	return cfg->kind == SOURCE_FEEDS ? 0 : 1;
}

int cli_refresh_aggregator(const struct source_config *cfg, const struct fetch_opts *fo, int quiet, int verbose,
                           int progress)
{
	char err[1024], password[1024];
	if (source_check(cfg, err, sizeof err) || source_password(cfg, password, sizeof password, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	struct store *st = NULL;
	if (store_open(NULL, 0, &st, err, sizeof err)) {
		memset(password, 0, sizeof password);
		cli_error("%s", err);
		return CLI_FAIL;
	}
	struct sync_summary sum;
	int rc = sync_run(st, cfg, password, fo, stderr, verbose ? stderr : NULL, progress && !verbose ? stderr : NULL,
	                  &sum, err, sizeof err);
	memset(password, 0, sizeof password);
	if (rc) {
		char *e = sanitize_str(err, 0);
		cli_error("%s%s", e ? e : "sync failed",
		          sum.queued ? " (changes made here stay queued for the next refresh)" : "");
		free(e);
	} else if (!quiet) {
		char line[512];
		sync_format_summary(&sum, line, sizeof line);
		puts(line);
		if (sum.fulltext.wanted)
			printf("full text: %zu of %zu articles fetched%s\n", sum.fulltext.stored, sum.fulltext.wanted,
			       sum.fulltext.failed ? " (failures above)" : "");
	}
	store_close(st);
	return rc || sum.failed || sum.fulltext.failed ? CLI_FAIL : CLI_OK;
}
