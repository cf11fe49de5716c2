/* refresh.c: every feed fetched in parallel, parsed as it lands, handed to the sink. */
#include "pipeline.h"
#include "model.h"
#include "subs.h"
#include "base.h"
#include "decode.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct run {
	const struct feedlist *list;     /* the subscriptions */
	const struct refresh_opts *o;    /* options */
	const struct refresh_sink *sink; /* where results go, or NULL */
	struct refresh_summary *sum;     /* running totals */
	const struct fetch_request *reqs; /* the requests, with the validators sent */
	double last_draw;                /* monotonic time the bar was last drawn */
	int drawn;                       /* 1 while a bar is on screen */
};

int refresh_check_feed(const char *data, size_t len, const char *content_type, char *err, size_t errlen)
{
	char mt[64], charset[64];
	charset_parse_content_type(content_type, mt, sizeof mt, charset, sizeof charset);
	if (!len) {
		snprintf(err, errlen, "empty answer");
		return -1;
	}
	switch (sniff(data, len, content_type)) {
	case SNIFF_FEED_XML:
	case SNIFF_FEED_JSON:
		return 0;
	case SNIFF_HTML:
		snprintf(err, errlen, "not a feed: %s", mt[0] ? mt : "an HTML page");
		return -1;
	case SNIFF_BINARY:
		snprintf(err, errlen, "not a feed: %s", mt[0] ? mt : "binary data");
		return -1;
	case SNIFF_TEXT:
		/* Served as XML or JSON: let the parser say what is wrong with it. */
		if (strstr(mt, "xml") || strstr(mt, "json") || strstr(mt, "rss") || strstr(mt, "atom"))
			return 0;
		snprintf(err, errlen, "not a feed: %s", mt[0] ? mt : "plain text");
		return -1;
	}
	return 0;
}

static void human_bytes(size_t n, char *out, size_t outlen)
{
	if (n >= (size_t)1 << 20)
		snprintf(out, outlen, "%.1f MiB", n / 1048576.0);
	else if (n >= 1024)
		snprintf(out, outlen, "%.1f KiB", n / 1024.0);
	else
		snprintf(out, outlen, "%zu B", n);
}

void refresh_format_summary(const struct refresh_summary *s, char *out, size_t outlen)
{
	char b[32];
	human_bytes(s->bytes, b, sizeof b);
	snprintf(out, outlen, "%zu feed%s: %zu updated, %zu unchanged, %zu failed%s; %zu new item%s, %zu changed; %s in %.2f s",
	         s->feeds, s->feeds == 1 ? "" : "s", s->fetched, s->not_modified, s->failed,
	         s->moved ? " (some moved: feeds file updated)" : "", s->new_items, s->new_items == 1 ? "" : "s",
	         s->changed_items, b, s->seconds);
}

enum { PROGRESS_THROTTLED, PROGRESS_NOW, PROGRESS_CLEAR };

/* The bar: "[#######.......]  57/200 feeds  1.2 MiB  2 errors", redrawn in place. */
static void draw_progress(struct run *run, int mode)
{
	FILE *f = run->o->progress;
	if (!f)
		return;
	int final = mode == PROGRESS_CLEAR;
	double t = clock_seconds();
	if (mode == PROGRESS_THROTTLED && t - run->last_draw < 0.05)
		return;
	run->last_draw = t;
	const struct refresh_summary *s = run->sum;
	size_t done = s->fetched + s->not_modified + s->failed;
	int width = 24, fill = s->feeds ? (int)(done * (size_t)width / s->feeds) : width;
	char bar[32], b[32];
	for (int i = 0; i < width; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[width] = '\0';
	human_bytes(s->bytes, b, sizeof b);
	fprintf(f, "\r\033[K[%s] %zu/%zu feeds  %s  %zu error%s", bar, done, s->feeds, b, s->failed,
	        s->failed == 1 ? "" : "s");
	run->drawn = 1;
	if (final) {
		fputs("\r\033[K", f);
		run->drawn = 0;
	}
	fflush(f);
}

static void report_failure(struct run *run, const char *url, const char *error)
{
	FILE *f = run->o->report;
	if (!f)
		return;
	if (run->drawn && run->o->progress == f)
		fputs("\r\033[K", f);
	/* The URL is the user's own, but the error may quote a server's words. */
	char *u = sanitize_str(url, 0), *e = sanitize_str(error, 0);
	fprintf(f, "dateline: %s: %s\n", u ? u : "?", e ? e : "?");
	free(u);
	free(e);
	run->drawn = 0;
}

/* --verbose: "URL: 200 HTTP/2, 12.3 KiB in 0.04 s, 50 items (3 new, 1 changed)". */
static void log_feed(struct run *run, const struct refresh_result *r, const struct feed *f,
                     const struct refresh_counts *c)
{
	FILE *out = run->o->log;
	char b[32];
	human_bytes(r->bytes, b, sizeof b);
	if (run->drawn && run->o->progress == out)
		fputs("\r\033[K", out);
	char *u = sanitize_str(r->sub->url, 0);
	fprintf(out, "%s: %ld HTTP/%d, %s in %.2f s", u ? u : "?", r->http_code, r->http_version, b, r->seconds);
	if (f)
		fprintf(out, ", %zu item%s (%zu new, %zu changed)", f->n_items, f->n_items == 1 ? "" : "s",
		        c->new_items, c->changed_items);
	else
		fputs(", not modified", out);
	fputc('\n', out);
	free(u);
	run->drawn = 0;
}

/*
 * The store has just committed the feed at its new address: the feeds file
 * follows at once, not at the end of the run, so a refresh stopped in
 * between (SIGTERM from the interface, SIGKILL, a full disk) leaves at most
 * this one feed behind, and the sink adopts the store's row for it next time.
 */
static void move_in_file(struct run *run, const char *from, const char *to)
{
	const char *pair[2] = {from, to};
	char err[512];
	if (run->o->feeds_path && feedlist_update_file(run->o->feeds_path, NULL, 0, pair, 1, err, sizeof err)) {
		char why[600];
		snprintf(why, sizeof why, "moved to %s, but the feeds file was not updated: %s", to, err);
		report_failure(run, from, why);
		return;
	}
	run->sum->moved++;
}

/*
 * Ends one feed on the calling thread: the sink, the totals, the failure
 * line, the progress bar. r->error is set for a failure; f is the parsed
 * feed or NULL (freed by the caller).
 */
static void finish_feed(struct run *run, struct refresh_result *r, struct feed *f, char *err, size_t errlen)
{
	const struct feedlist_entry *sub = r->sub;
	struct refresh_summary *sum = run->sum;
	if (r->outcome == REFRESH_FAILED) {
		/* Keep the old validators: a failed answer's ETag says nothing about what we hold. */
		r->etag = r->last_modified = NULL;
		if (!r->error || !*r->error)
			r->error = "failed";
	}
	struct refresh_counts counts = {0, 0};
	if (run->sink && run->sink->feed_done) {
		char serr[256] = "";
		if (run->sink->feed_done(run->sink->ctx, r, f, &counts, serr, sizeof serr)) {
			if (r->outcome != REFRESH_FAILED) {
				snprintf(err, errlen, "could not keep it: %s", serr[0] ? serr : "store failed");
				r->error = err;
			}
			r->outcome = REFRESH_FAILED;
		}
	}
	sum->bytes += r->bytes;
	if (r->outcome == REFRESH_FETCHED)
		sum->fetched++;
	else if (r->outcome == REFRESH_NOT_MODIFIED)
		sum->not_modified++;
	else
		sum->failed++;
	sum->new_items += counts.new_items;
	sum->changed_items += counts.changed_items;
	if (r->new_url && strcmp(r->new_url, sub->url) && r->outcome != REFRESH_FAILED)
		move_in_file(run, sub->url, r->new_url);
	int reported = r->outcome == REFRESH_FAILED;
	if (reported)
		report_failure(run, sub->url, r->error);
	else if (run->o->log)
		log_feed(run, r, f, &counts);
	/* After a failure line the bar is gone: draw it again at once. */
	draw_progress(run, reported ? PROGRESS_NOW : PROGRESS_THROTTLED);
}

static int on_fetched(void *ctx, struct fetch_result *fr)
{
	struct run *run = ctx;
	const struct feedlist_entry *sub = &run->list->entries[fr->index];
	char err[256] = "";
	struct feed *f = NULL;
	struct refresh_result r = {sub, REFRESH_FAILED, fr->http_code, NULL, fr->content_type, fr->etag,
	                           fr->last_modified, fr->body_len, fr->seconds, NULL, fr->http_version};
	/* A permanent redirect whose target failed does not move the feed. */
	if (fr->permanent_url && feedlist_url_ok(fr->permanent_url) &&
	    (fr->status == FETCH_OK || fr->status == FETCH_NOT_MODIFIED))
		r.new_url = fr->permanent_url;
	if (fr->status == FETCH_OK) {
		const char *base = fr->final_url ? fr->final_url : sub->url;
		/* Parsed here, between transfers: a parser thread measured slower on a busy 2-core machine. */
		if (refresh_check_feed(fr->body, fr->body_len, fr->content_type, err, sizeof err) == 0 &&
		    run->o->parse(fr->body, fr->body_len, fr->content_type, base, &f, err, sizeof err) == 0)
			r.outcome = REFRESH_FETCHED;
	} else if (fr->status == FETCH_NOT_MODIFIED) {
		r.outcome = REFRESH_NOT_MODIFIED;
		/* Many servers leave the validators out of a 304: the ones we sent still hold. */
		const struct fetch_request *req = &run->reqs[fr->index];
		if (!r.etag)
			r.etag = req->etag;
		if (!r.last_modified)
			r.last_modified = req->last_modified;
	} else {
		snprintf(err, sizeof err, "%s", fr->error);
	}
	if (r.outcome == REFRESH_FAILED)
		r.error = err;
	finish_feed(run, &r, f, err, sizeof err);
	feed_free(f);
	return 0;
}

static long on_idle(void *ctx)
{
	struct run *run = ctx;
	return run->sink->idle(run->sink->ctx);
}

int refresh_run(const struct feedlist *list, const struct refresh_opts *o, const struct refresh_sink *sink,
                struct refresh_summary *sum, char *err, size_t errlen)
{
	memset(sum, 0, sizeof *sum);
	sum->feeds = list->n;
	double t0 = clock_seconds();
	struct fetch_request *reqs = list->n ? calloc(list->n, sizeof *reqs) : NULL;
	if (list->n && !reqs) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < list->n; i++) {
		reqs[i].url = list->entries[i].url;
		reqs[i].accept = FETCH_ACCEPT_FEED;
		if (sink && sink->validators) {
			char verr[256];
			if (sink->validators(sink->ctx, reqs[i].url, &reqs[i].etag, &reqs[i].last_modified, verr,
			                     sizeof verr)) {
				reqs[i].etag = reqs[i].last_modified = NULL;
			}
		}
	}
	struct run run = {list, o, sink, sum, reqs, 0, 0};
	struct fetch_opts fo = o->fetch;
	if (sink && sink->idle)
		fo.idle = on_idle;
	draw_progress(&run, PROGRESS_NOW);
	int rc = fetch_run(reqs, list->n, &fo, on_fetched, &run, err, errlen);
	draw_progress(&run, PROGRESS_CLEAR);
	free(reqs);
	if (rc == 0 && sink && sink->finish && sink->finish(sink->ctx, err, errlen))
		rc = -1;
	sum->seconds = clock_seconds() - t0;
	return rc;
}
