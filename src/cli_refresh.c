/* cli_refresh.c: `dateline refresh`, every subscribed feed fetched in parallel and handed to the sink. */
#include "cli.h"
#include "feedlist.h"
#include "feedparse.h"
#include "refresh.h"
#include "refresh_state.h"
#include "store.h"
#include "store_sink.h"
#include "sanitize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char refresh_usage[] =
	"usage: dateline refresh [--jobs N] [--timeout SECONDS] [--no-progress] [--quiet] [--verbose]";

/* Positive integer option value in [1, max]; -1 when not. */
static long int_arg(const char *v, long max)
{
	char *end;
	long n = strtol(v, &end, 10);
	return *v && !*end && n >= 1 && n <= max ? n : -1;
}

/* Reads the feeds file, warning about lines it cannot use. */
static int load_list(char *path, size_t pathlen, struct feedlist *fl)
{
	char err[512];
	if (feedlist_path(path, pathlen, err, sizeof err) || feedlist_load(path, fl, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	if (fl->n_bad) {
		char *b = sanitize_str(fl->bad, 0);
		cli_error("%s: %s%s", path, b ? b : "", fl->n_bad > 1 ? " (and more lines skipped)" : "");
		free(b);
	}
	return CLI_OK;
}

int cmd_refresh(int argc, char **argv)
{
	struct refresh_opts o;
	memset(&o, 0, sizeof o);
	int rc = cli_fetch_opts(&o.fetch), progress = isatty(STDERR_FILENO), quiet = 0, verbose = 0;
	if (rc)
		return rc;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--jobs") || !strcmp(a, "-j") || !strcmp(a, "--timeout")) {
			if (i + 1 >= argc) {
				cli_error("%s needs a value; %s", a, refresh_usage);
				return CLI_USAGE;
			}
			const char *v = argv[++i];
			if (a[2] == 't') {
				char *end;
				double s = strtod(v, &end);
				if (*end || !(s > 0) || s > 3600) {
					cli_error("--timeout wants seconds (0.1 to 3600), not '%s'", v);
					return CLI_USAGE;
				}
				o.fetch.timeout_ms = (long)(s * 1000 + 0.5);
			} else {
				long n = int_arg(v, 256);
				if (n < 0) {
					cli_error("--jobs wants a number from 1 to 256, not '%s'", v);
					return CLI_USAGE;
				}
				o.fetch.max_parallel = (int)n;
			}
		} else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
			verbose = 1;
		} else if (!strcmp(a, "--no-progress")) {
			progress = 0;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			quiet = 1;
			progress = 0;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			puts(refresh_usage);
			return CLI_OK;
		} else {
			cli_error("unknown argument %s; %s", a, refresh_usage);
			return CLI_USAGE;
		}
	}
	char path[4096], spath[4096], err[512];
	struct feedlist fl = FEEDLIST_INIT;
	if ((rc = load_list(path, sizeof path, &fl))) {
		feedlist_free(&fl);
		return rc;
	}
	if (!fl.n) {
		if (!quiet)
			printf("no feeds yet: add one with 'dateline add URL' or 'dateline import FILE.opml' (%s)\n", path);
		feedlist_free(&fl);
		return CLI_OK;
	}
	/* The store keeps validators, items and articles: one transaction per feed (store_sink.h). */
	struct store *st = NULL;
	struct store_sink *ssink = NULL;
	(void)spath;
	if (store_open(NULL, 0, &st, err, sizeof err) || !(ssink = store_sink_new(st))) {
		cli_error("%s", st ? "out of memory" : err);
		store_close(st);
		feedlist_free(&fl);
		return CLI_FAIL;
	}
	struct refresh_sink sink;
	store_sink_fill(ssink, &sink);
	o.parse = feed_parse;
	o.progress = progress ? stderr : NULL;
	o.report = stderr;
	o.log = verbose ? stderr : NULL;
	o.feeds_path = path;
	struct refresh_summary sum;
	if (refresh_run(&fl, &o, &sink, &sum, err, sizeof err)) {
		cli_error("refresh: %s", err);
		rc = CLI_FAIL;
	} else {
		if (!quiet) {
			char line[256];
			refresh_format_summary(&sum, line, sizeof line);
			puts(line);
		}
		rc = sum.failed ? CLI_FAIL : CLI_OK;
	}
	store_sink_free(ssink);
	store_close(st);
	feedlist_free(&fl);
	if (fflush(stdout) && !rc) {
		cli_error("writing the output failed");
		rc = CLI_FAIL;
	}
	return rc;
}
