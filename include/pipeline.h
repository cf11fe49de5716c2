/*
 * pipeline.h: the public interface of src/pipeline/: the stages joined: ingest (bytes to analysed article), refresh, full text, the store sink.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_PIPELINE_H
#define DATELINE_PIPELINE_H

#include "net.h"
#include <stddef.h>
#include <stdio.h>

/*
 * ingest.h: bytes in, analysed article out. The one path every input takes
 * (CLI, TUI, store), so a file, a URL and a feed item read the same way.
 */
struct article;

struct ingest_opts {
	const char *source;       /* where the bytes came from (path, "-" or URL), or NULL */
	const char *url;          /* the document's URL, or NULL */
	const char *content_type; /* HTTP Content-Type value, or NULL */
	const char *published;    /* publication date known from elsewhere (a feed), or NULL */
};

/*
 * Sniffs data[0..len), parses it with the text or HTML reader, and runs the
 * analysis. Returns 0 with *out set (the caller frees it with article_free()),
 * or -1 with a message in err.
 */
int ingest_article(const char *data, size_t len, const struct ingest_opts *o,
                   struct article **out, char *err, size_t errlen);
/* The same without the analysis: the article as the reader found it. */
int ingest_parse(const char *data, size_t len, const struct ingest_opts *o,
                 struct article **out, char *err, size_t errlen);

/*
 * The store's item reader (store.h): a feed item's fields as the article's,
 * its HTML content parsed once as a fragment (html_fragment_parse), plain
 * text by the text reader, with the analysis. The article returned is the
 * store's to free.
 */
struct store_item_reader;
extern const struct store_item_reader ingest_item_reader;
/* The same without the analysis: the refresh's reader (items browsable first, analysis_pending() after). */
extern const struct store_item_reader ingest_item_parser;

/*
 * The analysis phase that follows a refresh (analyse.c): every stored
 * article whose analysis waits (store_analysis_next()) is loaded, analysed
 * and written back, ANALYSE_BATCH articles per transaction, newest first,
 * until none waits or *stop becomes non-zero (may be NULL). Resumes where
 * an interrupted run stopped. *done (may be NULL) counts the articles
 * analysed. 0, or -1 with err.
 */
#define ANALYSE_BATCH 64
struct store;
int analysis_pending(struct store *s, const volatile int *stop, size_t *done, char *err, size_t errlen);
/*
 * The same phase in a thread of its own while a refresh runs: it opens its
 * own connection to the store at store_path (NULL: the default) and
 * analyses what the refresh stores as it comes. analysis_worker_finish()
 * tells it the refresh is over, waits for it to analyse what is left,
 * sets *done (may be NULL) to the articles it analysed and frees it.
 * Both 0, or -1 with err.
 */
struct analysis_worker;
int analysis_worker_start(const char *store_path, struct analysis_worker **out, char *err, size_t errlen);
int analysis_worker_finish(struct analysis_worker *w, size_t *done, char *err, size_t errlen);
/*
 * on = 1: the worker writes nothing until called with 0 (or finished); it
 * analyses one batch per thread meanwhile. A refresh holds it while feeds
 * arrive (store_sink_hold_analysis()): its items' writes would otherwise
 * wait for the analysis's (a second of a four-second refresh, measured).
 */
void analysis_worker_hold(struct analysis_worker *w, int on);

/*
 * The reader's turn: when item id's analysis still waits, runs it on a
 * (item id's article just loaded) and stores it, so an article opened
 * before the analysis phase reached it shows its quotes and dateline.
 * A store that cannot be written (another process's lock) only costs the
 * write: a is analysed all the same. 0, or -1 (memory) with err.
 */
int analysis_on_open(struct store *s, long long id, struct article *a, char *err, size_t errlen);

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
	/*
	 * Called whenever the refresh waits for the network: the longest wait
	 * in milliseconds before it is called again, or -1 for no limit (a sink
	 * batching its writes commits here). May be NULL.
	 */
	long (*idle)(void *ctx);
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

/*
 * refresh_state.h: what refresh remembers between runs until the store
 * exists: per feed, the validators (ETag, Last-Modified) and a digest of
 * each item and the site's URL, so a refresh sends conditional requests and can tell new and
 * changed items apart. Kept in a small text file in the data directory
 * ("refresh-state"), replaced atomically at the end of each refresh.
 *
 * Ownership: a refresh_state owns all it holds; refresh_state_free()
 * releases it. The sink it fills borrows the state.
 */
struct refresh_sink;
struct refresh_state;

/* Path of the state file in the data directory. 0 or -1 with err. */
int refresh_state_path(char *out, size_t n, char *err, size_t errlen);
/* Loads path (a missing file is an empty state). 0 with *out set, or -1 with err. */
int refresh_state_open(const char *path, struct refresh_state **out, char *err, size_t errlen);
/*
 * Fills sink with callbacks on st: validators from the file, item digests
 * compared to count new and changed items, and the file written back at
 * finish(), holding only the feeds of this refresh.
 */
void refresh_state_sink(struct refresh_state *st, struct refresh_sink *sink);
void refresh_state_free(struct refresh_state *st);
/* The site URL last seen for a feed (OPML htmlUrl), or NULL; borrowed from st. */
const char *refresh_state_link(struct refresh_state *st, const char *url);
/* Records a feed's site URL (from an OPML import). 0 or -1 when out of memory. */
int refresh_state_set_link(struct refresh_state *st, const char *url, const char *link);
/* Writes every feed held to the file, atomically. 0 or -1 with err. */
int refresh_state_save(struct refresh_state *st, char *err, size_t errlen);

/*
 * fulltext.h: full articles for feeds that carry only summaries.
 *
 * A feed tagged "fulltext" in the feeds file gets, after each refresh, the
 * web page behind every recent item whose stored article was made from the
 * feed's summary: fetched in parallel, extracted (html_parse via
 * ingest_article), analysed, and stored in place of the summary. It sits
 * beside refresh between the fetcher and the store, so neither the store nor
 * the parsers learn about the other.
 */
struct feedlist;
struct feedlist_entry;
struct fetch_opts;
struct store;

#define FULLTEXT_TAG "fulltext"       /* the feeds-file tag that asks for it */
#define FULLTEXT_DEFAULT_PER_FEED 50  /* newest items looked at per feed */

struct fulltext_summary {
	size_t wanted;  /* items that had only a summary */
	size_t stored;  /* full articles stored */
	size_t failed;  /* pages that could not be fetched or read */
};

/* 1 when the subscription asks for full articles. */
int fulltext_wanted(const struct feedlist_entry *e);

/*
 * For every entry of fl tagged FULLTEXT_TAG, replaces the summary-only
 * articles among its newest per_feed items with the full page. One line per
 * failed page goes to report (may be NULL). Returns 0 (page failures are
 * counted, not fatal), or -1 with err when the store or the fetcher cannot
 * work at all. Borrows everything.
 */
int fulltext_expand(struct store *st, const struct feedlist *fl, const struct fetch_opts *fo,
                    size_t per_feed, FILE *report, struct fulltext_summary *sum,
                    char *err, size_t errlen);

/*
 * store_sink.h: the store as the sink of `dateline refresh` (refresh.h).
 *
 * validators() reads each feed's ETag and Last-Modified from the store;
 * feed_done() writes one feed's refresh (its items turned into analysed
 * articles, its state, retention) as one transaction with
 * store_apply_feed(), subscribing the feed first when it is new (with the
 * feeds file's title and tags), and follows permanent redirects. When
 * another refresh of a feed is applied while this one runs, this one's
 * result for that feed is dropped rather than mixed into the other's.
 *
 * Ownership: the store_sink borrows the store (which must outlive it) and
 * owns the validator strings it hands out until store_sink_free().
 */
struct store;
struct refresh_sink;
struct store_sink;

/* A sink context on s; NULL when out of memory. */
struct store_sink *store_sink_new(struct store *s);
/* Fills sink's callbacks and context with k. */
void store_sink_fill(struct store_sink *k, struct refresh_sink *sink);
void store_sink_free(struct store_sink *k);
/*
 * Holds the analysis worker w (borrowed; NULL: none) back while feeds
 * arrive (analysis_worker_hold()), letting it write once none has come for
 * 100 ms, so the items' writes never wait for the analysis's and a slow
 * server does not keep every other article from being analysed. The caller
 * releases the hold once the refresh is over.
 */
void store_sink_hold_analysis(struct store_sink *k, struct analysis_worker *w);

/*
 * sync.h: subscriptions, items and read state from an aggregator (Tiny Tiny
 * RSS's JSON API, the Google Reader API), and dateline's read/unread/star
 * changes back to it: `dateline refresh` under `source ttrss|greader`
 * (subs.h). The changes come from the store's queue (store.h,
 * store_sync_*), which is sent first, in batches, and emptied only of what
 * the aggregator accepted; then the aggregator's feeds (categories as tags),
 * new items and unread/starred ids are pulled and written: items through
 * ingest_item_parser, then analysis_pending() (the same parsing and
 * analysis as fetched feeds), full text for feeds it holds only as
 * summaries (when the config allows).
 *
 * Conflict rule: a change made in dateline since the last refresh wins over
 * the aggregator's state of that flag (it is delivered before the state is
 * read back); every other flag becomes the aggregator's at each refresh.
 *
 * Nothing is written before the aggregator answers the login; a wrong
 * password, an unreachable server or an API error is one message in err and
 * leaves the store as it was. The password is borrowed, never stored,
 * printed or logged.
 */
struct source_config;

struct sync_summary {
	size_t feeds;          /* subscriptions at the aggregator */
	size_t feeds_removed;  /* synced feeds it no longer has (removed here) */
	size_t items;          /* items received */
	size_t new_items;      /* of which new here */
	size_t changed_items;  /* of which changed */
	size_t analysed;       /* articles analysed after they were stored */
	size_t failed;         /* feeds whose items could not be stored (reported) */
	size_t read_changed;   /* items whose read flag the aggregator changed */
	size_t star_changed;   /* items whose star it changed */
	size_t sent;           /* queued changes delivered */
	size_t queued;         /* changes still waiting (the aggregator could not take them) */
	size_t requests;       /* HTTP requests made */
	double seconds;        /* wall time */
	struct fulltext_summary fulltext; /* pages fetched for summary-only feeds */
};

/*
 * One sync of st with the aggregator of cfg, logging in with password.
 * Failed feeds and pages get a line on report (may be NULL); log (may be
 * NULL) gets one line per request; progress (a terminal, or NULL) a running
 * count redrawn in place and cleared at the end. 0, or -1 with err (the
 * queue keeps what was not delivered).
 */
int sync_run(struct store *st, const struct source_config *cfg, const char *password, const struct fetch_opts *fo,
             FILE *report, FILE *log, FILE *progress, struct sync_summary *sum, char *err, size_t errlen);
/* One line: "12 feeds from the aggregator: 30 new items, ...". */
void sync_format_summary(const struct sync_summary *s, char *out, size_t outlen);

/*
 * headline_pick.c: whose headline an item's fetched page keeps. 1 when the
 * page's headline is better than the feed's title (the feed gave none, or
 * cut it short); 0 when the feed's title should stay (the page's rewords it
 * or only adds the site's name).
 */
int headline_page_is_better(const char *feed_title, const char *page);
/* Sets a's headline back to feed_title unless the page's is better. 0, or -1 when out of memory. */
int headline_keep_feed_title(struct article *a, const char *feed_title);

#endif
