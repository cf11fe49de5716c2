/* cli_refresh.c: `dateline refresh`, every subscribed feed fetched in parallel and handed to the sink. */
#include "cli.h"
#include "cli_opts.h"
#include "subs.h"
#include "feed.h"
#include "pipeline.h"
#include "store.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <strings.h>
#include <unistd.h>

static const struct cli_opt refresh_opts[] = {
	{.name = "jobs", .arg = "N", .val = 'j', .short_too = 1, .help = "feeds fetched at once (1 to 256)"},
	{.name = "timeout", .arg = "SECONDS", .val = 't', .help = "each fetch's limit (0.1 to 3600)"},
	{.name = "no-progress", .val = 'p', .help = "no progress line on the terminal"},
	{.name = "quiet", .val = 'q', .short_too = 1, .help = "only errors"},
	{.name = "verbose", .val = 'v', .short_too = 1, .help = "a line for every feed"},
	{0},
};
static const struct cli_cmd refresh_cmd = {
	.name = "refresh",
	.usage = "usage: dateline refresh [--jobs N] [--timeout SECONDS] [--no-progress] [--quiet] [--verbose] [FEED...]",
	.opts = refresh_opts,
};

struct selection {
	char **names; /* URLs or titles given on the command line */
	size_t n;     /* how many */
};

/* 1 when the subscription is one of the names (its URL, or its title in any case). */
static int is_selected(const struct feedlist_entry *e, void *ctx)
{
	const struct selection *sel = ctx;
	for (size_t k = 0; k < sel->n; k++)
		if (!strcmp(e->url, sel->names[k]) || (e->title && !strcasecmp(e->title, sel->names[k])))
			return 1;
	return 0;
}

/*
 * Keeps only the subscriptions named by sel[0..n). Returns CLI_OK, or
 * CLI_FAIL naming the first name that matches none.
 */
static int select_feeds(struct feedlist *fl, char **names, size_t n)
{
	if (!n)
		return CLI_OK;
	for (size_t k = 0; k < n; k++) {
		struct selection one = {&names[k], 1};
		int found = 0;
		for (size_t i = 0; i < fl->n && !found; i++)
			found = is_selected(&fl->entries[i], &one);
		if (!found) {
			char *s = sanitize_str(names[k], 0);
			cli_error("no subscription is '%s' (dateline feeds lists them)", s ? s : "?");
			free(s);
			return CLI_FAIL;
		}
	}
	struct selection all = {names, n};
	feedlist_keep(fl, is_selected, &all);
	return CLI_OK;
}

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

/* Feeds tagged "fulltext": the pages behind their summary-only items (fulltext.h). */
static int expand_fulltext(struct store *st, const struct feedlist *fl, const struct fetch_opts *fo, int quiet)
{
	int any = 0;
	for (size_t i = 0; i < fl->n && !any; i++)
		any = fulltext_wanted(&fl->entries[i]);
	if (!any)
		return CLI_OK;
	char err[512];
	struct fulltext_summary fs;
	if (!quiet) { /* the pages can take longer than the feeds did: say what runs now (the TUI shows this line) */
		printf("full text: fetching the pages of summary-only articles\n");
		fflush(stdout);
	}
	if (fulltext_expand(st, fl, fo, FULLTEXT_DEFAULT_PER_FEED, stderr, &fs, err, sizeof err)) {
		cli_error("full text: %s", err);
		return CLI_FAIL;
	}
	if (!quiet && fs.wanted)
		printf("full text: %zu of %zu articles fetched%s\n", fs.stored, fs.wanted,
		       fs.failed ? " (failures above)" : "");
	return fs.failed ? CLI_FAIL : CLI_OK;
}

/*
 * The analysis runs beside the fetch (analysis_worker_start(): every
 * article stored waiting, this refresh's and any an interrupted run left);
 * the summary line was the first moment, items browsable; this line is the
 * second, once the worker has finished.
 */
static int analysis_done(struct analysis_worker *w, double browsable, struct timespec *t0, int quiet)
{
	char err[512];
	size_t done = 0;
	int rc = analysis_worker_finish(w, &done, err, sizeof err);
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
	if (rc) {
		cli_error("analysis: %s (the next refresh resumes it)", err);
		return CLI_FAIL;
	}
	if (!quiet && done)
		printf("analysis: %zu article%s; items browsable after %.2f s, analysed after %.2f s\n", done,
		       done == 1 ? "" : "s", browsable, secs);
	return CLI_OK;
}

int cmd_refresh(int argc, char **argv)
{
	struct refresh_opts o;
	memset(&o, 0, sizeof o);
	int rc = cli_fetch_opts(&o.fetch), progress = isatty(STDERR_FILENO), quiet = 0, verbose = 0;
	size_t n_sel; /* feeds named on the command line */
	if (rc)
		return rc;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &refresh_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		const char *v = p.arg;
		if (c == 't') {
			char *end;
			double secs = strtod(v, &end);
			if (*end || !(secs > 0) || secs > 3600) {
				cli_error("--timeout wants seconds (0.1 to 3600), not '%s'", v);
				return CLI_USAGE;
			}
			o.fetch.timeout_ms = (long)(secs * 1000 + 0.5);
		} else if (c == 'j') {
			long n = int_arg(v, 256);
			if (n < 0) {
				cli_error("--jobs wants a number from 1 to 256, not '%s'", v);
				return CLI_USAGE;
			}
			o.fetch.max_parallel = (int)n;
		} else if (c == 'v') {
			verbose = 1;
		} else if (c == 'p' || c == 'q') {
			progress = 0;
			quiet |= c == 'q';
		}
	}
	if (c < 0)
		return cli_opts_status(c);
	n_sel = (size_t)(argc - p.ind); /* the feeds to refresh: getopt_long gathered them at the end */
	struct source_config src;
	int from = cli_source(&src);
	if (from < 0)
		return CLI_FAIL;
	if (from) /* the aggregator has the subscriptions: one sync brings every feed (FEED names too) */
		return cli_refresh_aggregator(&src, &o.fetch, quiet, verbose, progress);
	char path[4096], err[512];
	struct feedlist fl = FEEDLIST_INIT;
	if ((rc = load_list(path, sizeof path, &fl)) || (rc = select_feeds(&fl, argv + p.ind, n_sel))) {
		feedlist_free(&fl);
		return rc;
	}
	if (!fl.n) {
		if (!quiet)
			printf("no feeds yet: add one with 'dateline add URL' or 'dateline import FILE.opml' (%s)\n", path);
		feedlist_free(&fl);
		return CLI_OK;
	}
	/* The store keeps validators, items and articles: many feeds to a transaction (store_sink.c). */
	struct store *st = NULL;
	struct store_sink *ssink = NULL;
	if (store_open(NULL, 0, &st, err, sizeof err) || !(ssink = store_sink_new(st))) {
		cli_error("%s", st ? "out of memory" : err);
		store_close(st);
		feedlist_free(&fl);
		return CLI_FAIL;
	}
	struct refresh_sink sink;
	store_sink_fill(ssink, &sink);
	struct analysis_worker *worker = NULL;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (analysis_worker_start(store_path(st), &worker, err, sizeof err)) {
		cli_error("analysis: %s", err);
		store_sink_free(ssink);
		store_close(st);
		feedlist_free(&fl);
		return CLI_FAIL;
	}
	o.parse = feed_parse;
	o.progress = progress ? stderr : NULL;
	o.report = stderr;
	o.log = verbose ? stderr : NULL;
	o.feeds_path = path;
	struct refresh_summary sum;
	memset(&sum, 0, sizeof sum);
	store_sink_hold_analysis(ssink, worker); /* items browsable first: the analysis writes between feeds */
	int failed = refresh_run(&fl, &o, &sink, &sum, err, sizeof err);
	analysis_worker_hold(worker, 0);
	if (failed) {
		cli_error("refresh: %s", err);
		rc = CLI_FAIL;
	} else {
		if (!quiet) {
			char line[256];
			refresh_format_summary(&sum, line, sizeof line);
			puts(line);
		}
		rc = sum.failed ? CLI_FAIL : CLI_OK;
		rc |= expand_fulltext(st, &fl, &o.fetch, quiet);
	}
	rc |= analysis_done(worker, sum.seconds, &t0, quiet);
	store_sink_free(ssink);
	store_close(st);
	feedlist_free(&fl);
	return cli_flush(rc);
}
