/*
 * store_sink.c: refresh's sink writing into the store: items browsable
 * (text, links, full-text index) as each feed arrives, many feeds to a
 * transaction (a batch), committed once it is SINK_BATCH_MS old (looked at
 * as feeds arrive and while the refresh waits for the network) and at the
 * end, so a reader sees new items about that late at most and a crash loses at most one batch, which the
 * next refresh fetches again (its validators were in it too). Their
 * analysis waits for analysis_pending() (analyse.c).
 */
#include "pipeline.h"
#include "base.h"
#include "subs.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A batch's longest life: how late new items may show in a reader running beside the refresh. */
#define SINK_BATCH_MS 200
/* No feed for this long: the refresh waits for the network, and the analysis may write meanwhile. */
#define SINK_QUIET_MS 100

struct seen {
	char *url;            /* a feed's URL as refresh named it */
	long long seq;        /* its refresh_seq when this refresh began */
};

struct store_sink {
	struct store *store;  /* borrowed */
	char **kept;          /* validator strings handed to refresh, freed at the end */
	size_t n_kept;        /* number of them */
	size_t cap_kept;      /* allocated */
	struct seen *seen;    /* each known feed's refresh count at the start, to detect a refresh that ran alongside */
	size_t n_seen;        /* number of them */
	size_t cap_seen;      /* allocated */
	double batch_t0;      /* when the open batch began (clock_seconds()) */
	size_t batch_feeds;   /* feeds written in the open batch */
	char batch_err[256];  /* why a batch could not be committed, reported by finish */
	struct analysis_worker *worker; /* held back while feeds arrive (store_sink_hold_analysis()), or NULL */
	double last_feed;     /* when the last feed arrived (clock_seconds()) */
};

struct store_sink *store_sink_new(struct store *s)
{
	struct store_sink *k = calloc(1, sizeof *k);
	if (k)
		k->store = s;
	return k;
}

void store_sink_free(struct store_sink *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n_kept; i++)
		free(k->kept[i]);
	free(k->kept);
	for (size_t i = 0; i < k->n_seen; i++)
		free(k->seen[i].url);
	free(k->seen);
	free(k);
}

/* Hands out s (taking it over), keeping it alive until the sink is freed. */
static const char *keep(struct store_sink *k, char *s)
{
	if (!s)
		return NULL;
	if (array_grow((void **)&k->kept, &k->cap_kept, k->n_kept + 1, sizeof *k->kept)) {
		free(s);
		return NULL;
	}
	k->kept[k->n_kept++] = s;
	return s;
}

static int sink_validators(void *ctx, const char *url, const char **etag, const char **last_modified,
                           char *err, size_t errlen)
{
	struct store_sink *k = ctx;
	long long id;
	*etag = *last_modified = NULL;
	if (store_feed_find(k->store, url, &id, err, errlen))
		return -1;
	if (!id)
		return 0;
	struct store_feed f;
	if (store_feed_get(k->store, id, &f, err, errlen))
		return -1;
	*etag = keep(k, f.etag);
	*last_modified = keep(k, f.last_modified);
	f.etag = f.last_modified = NULL;
	/* without room the refresh only loses the check, not its data */
	if (!array_grow((void **)&k->seen, &k->cap_seen, k->n_seen + 1, sizeof *k->seen) &&
	    (k->seen[k->n_seen].url = strdup(url)) != NULL)
		k->seen[k->n_seen++].seq = f.refresh_seq;
	store_feed_clear(&f);
	return 0;
}

/* The subscription's tags as one space-separated string (malloc'd), NULL when it has none. */
static char *join_tags(const struct feedlist_entry *e)
{
	if (!e || !e->n_tags)
		return NULL;
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < e->n_tags; i++) {
		if (i)
			buf_putc(&b, ' ');
		buf_puts(&b, e->tags[i]);
	}
	if (b.failed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* 1 when the store has a feed whose URL is url; 0 when not, or on an error (the move itself then reports it). */
static int feed_at_url(struct store *s, const char *url)
{
	char ignored[256];
	long long id;
	struct store_feed f;
	if (store_feed_find(s, url, &id, ignored, sizeof ignored) || !id ||
	    store_feed_get(s, id, &f, ignored, sizeof ignored))
		return 0;
	int same = f.url && !strcmp(f.url, url); /* find also matches titles */
	store_feed_clear(&f);
	return same;
}

/* One feed's outcome written into the open batch. */
static int sink_feed_write(struct store_sink *k, const struct refresh_result *r, const struct feed *f,
                           struct refresh_counts *counts, char *err, size_t errlen)
{
	const struct feedlist_entry *e = r->sub;
	char *tags = join_tags(e);
	long long id;
	int moved_onto = r->new_url ? feed_at_url(k->store, r->new_url) : 0;
	/* the new address already has its feed (both subscribed, an old OPML, a refresh killed mid-move): use it */
	int rc = store_feed_upsert(k->store, moved_onto ? r->new_url : e->url, e->title, tags, &id, err, errlen);
	free(tags);
	if (rc)
		return -1;
	if (r->new_url && !moved_onto && store_feed_set_url(k->store, id, r->new_url, err, errlen))
		return -1;
	struct store_feed_state st = {(int)r->http_code, r->etag, r->last_modified,
	                              r->outcome == REFRESH_FAILED ? (r->error ? r->error : "failed") : NULL,
	                              (long long)time(NULL), 0};
	if (r->outcome == REFRESH_NOT_MODIFIED && !st.status)
		st.status = 304;
	for (size_t i = 0; i < k->n_seen && !moved_onto; i++)
		if (!strcmp(k->seen[i].url, e->url))
			st.expect_seq = k->seen[i].seq;
	struct store_apply_result res;
	if (store_apply_feed(k->store, id, r->outcome == REFRESH_FETCHED ? f : NULL, &st, &ingest_item_parser, &res, err, errlen)) {
		/* nothing of the refresh was kept: remember why, with the old validators */
		char ignored[256];
		struct store_feed_state fail = {st.status, NULL, NULL, err, st.time, 0};
		store_feed_update_state(k->store, id, &fail, ignored, sizeof ignored);
		return -1;
	}
	counts->new_items = (size_t)res.n_new;
	counts->changed_items = (size_t)res.n_changed;
	return 0;
}

/* Commits the open batch; a failure is kept for finish() (its feeds were already counted as kept). */
static int batch_commit(struct store_sink *k)
{
	char err[256];
	k->batch_feeds = 0;
	if (!store_batch_open(k->store) || !store_batch_commit(k->store, err, sizeof err))
		return 0;
	if (!k->batch_err[0])
		snprintf(k->batch_err, sizeof k->batch_err, "%s", err);
	return -1;
}

static int sink_feed_done(void *ctx, const struct refresh_result *r, const struct feed *f,
                          struct refresh_counts *counts, char *err, size_t errlen)
{
	struct store_sink *k = ctx;
	k->last_feed = clock_seconds();
	if (k->worker) /* the items first: the analysis writes when feeds stop coming for a while */
		analysis_worker_hold(k->worker, 1);
	if (!store_batch_open(k->store)) {
		if (store_batch_begin(k->store, err, errlen))
			return -1;
		k->batch_t0 = clock_seconds();
	}
	int rc = sink_feed_write(k, r, f, counts, err, errlen);
	if (store_batch_open(k->store))
		k->batch_feeds++;
	else if (k->batch_feeds && !k->batch_err[0]) /* an I/O error or a full disk undid the batch */
		snprintf(k->batch_err, sizeof k->batch_err, "%zu feeds were not kept: %s", k->batch_feeds, err);
	/* refresh moves the feed in the feeds file once this returns: the store's move must be committed first */
	if ((r->new_url || clock_seconds() - k->batch_t0 >= SINK_BATCH_MS / 1000.0) && batch_commit(k) && !rc) {
		snprintf(err, errlen, "%s", k->batch_err);
		rc = -1;
	}
	return rc;
}

/* Milliseconds from now until t seconds after since (at least 1), or 0 when that is past. */
static long ms_until(double since, double t)
{
	double left = t - (clock_seconds() - since);
	return left > 0 ? (long)(left * 1000) + 1 : 0;
}

static long sink_idle(void *ctx)
{
	struct store_sink *k = ctx;
	long wait;
	if (store_batch_open(k->store)) {
		if ((wait = ms_until(k->batch_t0, SINK_BATCH_MS / 1000.0)) > 0)
			return wait;
		batch_commit(k);
	}
	if (!k->worker)
		return -1;
	if ((wait = ms_until(k->last_feed, SINK_QUIET_MS / 1000.0)) > 0)
		return wait;
	analysis_worker_hold(k->worker, 0); /* a slow server keeps the others' articles waiting no longer */
	return -1;
}

void store_sink_hold_analysis(struct store_sink *k, struct analysis_worker *w)
{
	k->worker = w;
	k->last_feed = clock_seconds();
	if (w)
		analysis_worker_hold(w, 1);
}

static int sink_finish(void *ctx, char *err, size_t errlen)
{
	struct store_sink *k = ctx;
	batch_commit(k);
	if (!k->batch_err[0])
		return 0;
	snprintf(err, errlen, "%s", k->batch_err);
	return -1;
}

void store_sink_fill(struct store_sink *k, struct refresh_sink *sink)
{
	memset(sink, 0, sizeof *sink);
	sink->ctx = k;
	sink->validators = sink_validators;
	sink->feed_done = sink_feed_done;
	sink->finish = sink_finish;
	sink->idle = sink_idle;
}
