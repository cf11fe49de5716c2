/*
 * refresh.h: fetch every subscribed feed at once, parse each as it arrives,
 * and hand the result to a sink: the store (or, until there is one, the
 * small state file of refresh_state.h). Refresh knows nothing of SQL; the
 * sink knows nothing of curl.
 *
 * The order of calls for one refresh_run():
 *   sink->validators(url)  once per feed, before any transfer starts
 *   sink->feed_done(...)   once per feed, in completion order, from the
 *                          calling thread (everything runs there); f is the
 *                          parsed feed for a fetched one, NULL for a 304 or
 *                          a failure
 *   sink->finish()         once, after the last feed (commit, write files)
 * A sink error for one feed is reported as that feed's failure; the others go on.
 *
 * Ownership: everything passed to the sink is borrowed for the duration of
 * the call (copy what you keep). Strings the sink returns from validators()
 * are the sink's and must stay valid until feed_done() for that feed.
 */
#ifndef DATELINE_REFRESH_H
#define DATELINE_REFRESH_H

#include "fetch.h"

#include <stdio.h>

struct feed;
struct feedlist;
struct feedlist_entry;

enum refresh_outcome {
	REFRESH_FETCHED,      /* new content arrived and parsed (f is set) */
	REFRESH_NOT_MODIFIED, /* 304: nothing to do */
	REFRESH_FAILED        /* error holds why */
};

struct refresh_result {
	const struct feedlist_entry *sub; /* the subscription: url, user's title, tags */
	enum refresh_outcome outcome;     /* what happened */
	long http_code;                   /* final HTTP status, 0 when none */
	const char *new_url;              /* where a permanent redirect (301/308) moved the feed, or NULL */
	const char *content_type;         /* Content-Type of the answer, or NULL */
	const char *etag;                 /* validator to send next time, or NULL (always NULL
	                                     for a failure: keep the ones you have) */
	const char *last_modified;        /* the same for Last-Modified */
	size_t bytes;                     /* decoded body bytes */
	double seconds;                   /* fetch time, redirects included */
	const char *error;                /* one line when outcome is REFRESH_FAILED, else NULL */
	int http_version;                 /* 2 for HTTP/2, 1 for HTTP/1.x, 0 when no answer */
};

/* What the sink found in a fetched feed, for the summary. */
struct refresh_counts {
	size_t new_items;     /* items it had never seen */
	size_t changed_items; /* items seen before whose content changed */
};

struct refresh_sink {
	void *ctx; /* handed back to every call */
	/*
	 * The validators last kept for url: sets *etag and *last_modified (each
	 * may be left NULL). Returns 0, or -1 with err (the feed is then fetched
	 * unconditionally; not fatal). May be NULL: no conditional requests.
	 */
	int (*validators)(void *ctx, const char *url, const char **etag, const char **last_modified,
	                  char *err, size_t errlen);
	/*
	 * One feed is done. For REFRESH_FETCHED, f is the parsed feed: keep what
	 * is new or changed and count it in *counts (zeroed before the call). Keep
	 * r->etag / r->last_modified for the next run, and move the feed when
	 * r->new_url is set. Returns 0, or -1 with err: the feed is then counted
	 * as failed with that message.
	 */
	int (*feed_done)(void *ctx, const struct refresh_result *r, const struct feed *f,
	                 struct refresh_counts *counts, char *err, size_t errlen);
	/* Called once at the end (commit). 0, or -1 with err. May be NULL. */
	int (*finish)(void *ctx, char *err, size_t errlen);
};

/* Parses a fetched body; feed_parse() of feedparse.h has this shape. */
typedef int (*refresh_parse_fn)(const char *data, size_t len, const char *content_type,
                                const char *base_url, struct feed **out, char *err, size_t errlen);

struct refresh_opts {
	struct fetch_opts fetch;   /* parallelism, timeouts, size cap */
	refresh_parse_fn parse;    /* the feed parser (feed_parse in the program) */
	FILE *progress;            /* where the progress bar goes (a terminal), or NULL for none */
	FILE *report;              /* where failure lines go (stderr), or NULL */
	const char *feeds_path;    /* feeds file to rewrite when feeds move (301/308), or NULL */
	FILE *log;                 /* one line per feed that did not fail (--verbose), or NULL */
};

struct refresh_summary {
	size_t feeds;         /* feeds in the list */
	size_t fetched;       /* got new content */
	size_t not_modified;  /* answered 304 */
	size_t failed;        /* fetch, parse or sink failure */
	size_t moved;         /* permanently redirected (feeds file updated) */
	size_t new_items;     /* sum over feeds, as counted by the sink */
	size_t changed_items; /* sum over feeds, as counted by the sink */
	size_t bytes;         /* decoded bytes received */
	double seconds;       /* wall time of the whole refresh */
};

/*
 * Refreshes every entry of list through the sink. Each failed feed gets one
 * line on o->report ("URL: HTTP 404"). Returns 0 when the refresh ran (feeds
 * may have failed: see *sum), or -1 with err when it could not run at all or
 * the sink's finish() failed.
 */
int refresh_run(const struct feedlist *list, const struct refresh_opts *o, const struct refresh_sink *sink,
                struct refresh_summary *sum, char *err, size_t errlen);

/* The one-line summary ("200 feeds: 3 updated, 196 unchanged, 1 failed; 12 new items; 1.2 MiB in 0.4 s"). */
void refresh_format_summary(const struct refresh_summary *sum, char *out, size_t outlen);

/*
 * Decides whether a fetched body can be a feed before parsing it: 0, or -1
 * with "not a feed: text/html" in err for a web page or other document.
 */
int refresh_check_feed(const char *data, size_t len, const char *content_type, char *err, size_t errlen);

#endif
