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
#ifndef DATELINE_STORE_SINK_H
#define DATELINE_STORE_SINK_H

#include <stddef.h>

struct store;
struct refresh_sink;
struct store_sink;

/* A sink context on s; NULL when out of memory. */
struct store_sink *store_sink_new(struct store *s);
/* Fills sink's callbacks and context with k. */
void store_sink_fill(struct store_sink *k, struct refresh_sink *sink);
void store_sink_free(struct store_sink *k);

#endif
