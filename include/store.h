/*
 * store.h: the public interface of src/store/: the SQLite store: feeds, items, articles, quotes and their search.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_STORE_H
#define DATELINE_STORE_H

#include <stddef.h>

/*
 * store.h: the local SQLite store (feeds, items, analysed articles, quotes,
 * entities, full-text indexes), so dateline reads offline and searches fast.
 *
 * One database file, by default $XDG_DATA_HOME/dateline/dateline.db
 * (~/.local/share/dateline/dateline.db; $DATELINE_DATA_DIR moves the data
 * directory), or $DATELINE_DB, or --db PATH. It is
 * created with mode 0600 in a 0700 directory, runs in WAL mode with a busy
 * timeout so a reader and a cron `dateline refresh` work at once, and is
 * versioned with PRAGMA user_version (forward migrations run on open).
 * The store knows neither curl nor libxml2: it takes the models of article.h
 * and feed.h, and turns feed items into articles through ingest_article().
 *
 * Identifiers: every stored article is an item. An item either belongs to a
 * feed (feed_id > 0) or was saved on its own (`dateline save`, feed_id 0).
 * The item id is THE id users see (`dateline export ID`, `mark ID`), the TUI
 * opens, and quote hits point to.
 *
 * Ownership: struct store is opaque, made by store_open(), freed by
 * store_close(); one per thread. Arrays and strings returned through out
 * parameters are malloc'd and belong to the caller, who frees them with the
 * matching *_free() function. const char * arguments are borrowed for the
 * duration of the call only. Every function returns 0 on success or -1 with
 * a message a user can act on in err (errlen bytes, always NUL-terminated).
 * Strings coming from the store are raw (untrusted) text: sanitise before
 * printing them as text.
 */
struct article;
struct feed;
struct store; /* opaque: one open database connection */

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 7

enum store_open_flags {
	STORE_READONLY = 1 /* open for reading only; never creates or migrates */
};

/*
 * Writes the database path to use into out (cap bytes): $DATELINE_DB when
 * set and not empty, else dateline.db in the data directory of appdirs.h
 * ($DATELINE_DATA_DIR, $XDG_DATA_HOME/dateline, ~/.local/share/dateline).
 * 0, or -1 (no HOME, too long).
 */
int store_default_path(char *out, size_t cap, char *err, size_t errlen);

/*
 * Opens (creating it, and its directory with mode 0700, when missing) the
 * store at path (NULL: store_default_path()), migrates an older schema
 * forward, and sets *out. Refuses a database newer than this build, a file
 * that is not a dateline database, and a corrupt one, each with a clear
 * message; it never overwrites or deletes an existing file.
 */
int store_open(const char *path, int flags, struct store **out, char *err, size_t errlen);
/* Closes the store; NULL allowed. */
void store_close(struct store *s);
/*
 * 1 when another connection (another dateline: a refresh beside the
 * interface) has committed to the store since the previous call, else 0
 * (the first call only takes note). Costs a read of the WAL index, no I/O.
 */
int store_changed_elsewhere(struct store *s);
/* The path the store was opened at (owned by the store). */
const char *store_path(const struct store *s);

/* ---- feeds (store_feeds.c) ---- */

struct store_feed {
	long long id;            /* feed id (> 0) */
	char *url;               /* the feed's URL (unique) */
	char *title;             /* title from the feed or the user, or NULL */
	char *tags;              /* space-separated tags, or NULL */
	char *etag;              /* ETag of the last 200 response, or NULL */
	char *last_modified;     /* Last-Modified of the last 200 response, or NULL */
	int last_status;         /* HTTP status of the last refresh, 0 never / no response */
	char *last_error;        /* message of the last failed refresh, NULL when it went well */
	long long last_refresh;  /* unix time of the last refresh, 0 never */
	long long n_items;       /* items shown (not purged) */
	long long n_unread;      /* of which unread */
	long long refresh_seq;   /* counts the refreshes that brought content (store_feed_state.expect_seq) */
};

/*
 * Adds the feed at url, or finds it when already there, and sets *id. title
 * and tags (NULL: leave as is) are written when given.
 */
int store_feed_upsert(struct store *s, const char *url, const char *title, const char *tags,
                      long long *id, char *err, size_t errlen);
/* Looks up a feed by id (when key is all digits), exact URL, or title (case-insensitive). *id = 0 when none. */
int store_feed_find(struct store *s, const char *key, long long *id, char *err, size_t errlen);
/* Every feed, ordered by title then URL, with item counts. Free with store_feeds_free(). */
int store_feeds_list(struct store *s, struct store_feed **out, size_t *n, char *err, size_t errlen);
/* Fills *out with feed id (-1 when absent); free its strings with store_feed_clear(). */
int store_feed_get(struct store *s, long long id, struct store_feed *out, char *err, size_t errlen);
/* Frees the strings of one feed record (not the record). */
void store_feed_clear(struct store_feed *f);
/* Frees an array from store_feeds_list(). */
void store_feeds_free(struct store_feed *f, size_t n);
/* Moves feed id to new_url (a permanent redirect); -1 when another feed already has that URL. */
int store_feed_set_url(struct store *s, long long id, const char *new_url, char *err, size_t errlen);
/* Removes a feed and its items, saved and starred ones included (the user asked). */
int store_feed_delete(struct store *s, long long id, char *err, size_t errlen);

/* What one refresh of one feed found out, as the fetcher saw it. */
struct store_feed_state {
	int status;                /* HTTP status (200, 304, 404, ...), 0 when no response (file, network error) */
	const char *etag;          /* ETag header of a 200 response, or NULL */
	const char *last_modified; /* Last-Modified header of a 200 response, or NULL */
	const char *error;         /* why the refresh failed, or NULL when it went well */
	long long time;            /* unix time of the refresh, 0 for now */
	long long expect_seq;      /* the feed's refresh_seq when this refresh began: when another refresh
	                              brought content since, this one's feed is dropped (res->stale); 0: no check */
};

/*
 * Records a refresh that brought no feed (304, or an error): status, error
 * and time are written; ETag and Last-Modified are kept when st->status is
 * 304 or st->error is set, otherwise written as given (NULL clears).
 */
int store_feed_update_state(struct store *s, long long feed_id, const struct store_feed_state *st,
                            char *err, size_t errlen);

/* Bounds on what is kept of each feed; saved and starred items are never purged. */
struct store_retention {
	int days;       /* purge items older than this many days (by date), 0 keeps all */
	int max_items;  /* keep at most this many items per feed (newest first), 0 for no bound */
};
/*
 * Sets the bounds store_apply_feed() applies for this connection (a config
 * file's retention-days / max-items-per-feed, a command-line option). The
 * default is what store_save_retention() last saved in the store, else
 * keep everything.
 */
void store_set_retention(struct store *s, const struct store_retention *r);
/* The bounds in force. */
void store_get_retention(const struct store *s, struct store_retention *r);
/* Saves r in the store as the default of every later refresh, and applies it to this connection. */
int store_save_retention(struct store *s, const struct store_retention *r, char *err, size_t errlen);

/* Counts of what store_apply_feed() did. */
struct store_apply_result {
	int n_new;       /* items not seen before */
	int n_changed;   /* items whose content changed (read state kept) */
	int n_unchanged; /* items already stored as they are */
	int n_purged;    /* items dropped by retention */
	int stale;       /* 1 when another refresh of the feed was applied first: nothing written */
};

/*
 * How a feed item becomes an article: the pipeline's reader (pipeline.h,
 * ingest_item_reader) parses its content and runs the analysis. read()
 * returns an article the store then owns, or NULL when it cannot read the
 * item, and the store keeps the item's headline, link and date alone.
 */
struct feed_item;
struct store_item_reader {
	struct article *(*read)(const struct feed_item *it, const char *feed_url, void *ctx);
	void *ctx;
	int analysed; /* 1: read() returns analysed articles; 0: their analysis waits (store_analysis_next()) */
	/*
	 * May be NULL. Otherwise reads items[0..n) into out[0..n) at once, each
	 * as read() would (NULL where it would give NULL), so that a reader may
	 * spread a feed's items over threads.
	 */
	void (*read_all)(const struct feed_item *const *items, size_t n, const char *feed_url, struct article **out,
	                 void *ctx);
};

/*
 * Applies one refresh of feed feed_id in ONE transaction: f (may be NULL for
 * a 304 or a failed fetch) gives the feed title and items; a changed item
 * whose article is a full page (full = 1: fetched or saved) gets its feed
 * fields updated and keeps its text; other new and changed
 * items are turned into articles by rd (NULL: headline, link and date only)
 * before the write lock is taken;
 * then items, articles, quotes, entities, indexes, retention and st are
 * written together, or nothing is. res may be NULL. Inside a batch
 * (store_batch_begin()) the feed is a savepoint of the batch's transaction:
 * a failed feed leaves the others of the batch as they were.
 */
int store_apply_feed(struct store *s, long long feed_id, const struct feed *f,
                     const struct store_feed_state *st, const struct store_item_reader *rd,
                     struct store_apply_result *res, char *err, size_t errlen);

/*
 * Batches: many feeds' store_apply_feed() in one write transaction, so a
 * refresh pays one commit (and one full-text index flush) per batch instead
 * of per feed. begin takes the write lock (BEGIN IMMEDIATE); commit makes
 * everything since visible and durable, and ends the batch (nothing to do
 * when none is open). A batch never committed (a crash, store_close()) is
 * rolled back whole: what earlier batches committed stays. 0, or -1 with err.
 */
int store_batch_begin(struct store *s, char *err, size_t errlen);
int store_batch_commit(struct store *s, char *err, size_t errlen);
/* 1 while a batch is open. */
int store_batch_open(const struct store *s);

/* Applies the retention bounds to feed_id (0: every feed). *n_purged may be NULL. */
int store_purge(struct store *s, long long feed_id, const struct store_retention *r,
                int *n_purged, char *err, size_t errlen);

/* ---- items (store_items.c) ---- */

struct store_item {
	long long id;          /* item id: what export, mark and the TUI use */
	long long feed_id;     /* feed, or 0 for an article saved on its own */
	char *feed_title;      /* the feed's title (or URL), NULL when feed_id is 0 */
	char *guid;            /* the feed's id for it (guid, link or title), or NULL */
	char *link;            /* URL of the article, or NULL */
	char *title;           /* title (item title, else the article's headline), or NULL */
	char *author;          /* author from the feed or byline, or NULL */
	char *published;       /* date as given ("YYYY-MM-DD" or ISO 8601), or NULL */
	long long date;        /* unix time used for ordering: published, else when stored */
	int read;              /* 1 when read */
	int starred;           /* 1 when starred */
	int saved;             /* 1 when saved for offline reading */
	int full;              /* 1 when the stored article is the full page, 0 when made from the feed */
	int n_quotes;          /* quotations found in its article */
};

enum store_list_flags {
	STORE_LIST_UNREAD = 1,  /* only unread items */
	STORE_LIST_SAVED = 2,   /* only saved items */
	STORE_LIST_STARRED = 4  /* only starred items */
};

struct store_list_opts {
	int flags;         /* STORE_LIST_* */
	long long feed_id; /* only this feed, 0 for all */
	size_t limit;      /* at most this many, 0 for no bound */
	size_t offset;     /* skip this many (paging) */
};

/* Items newest first. Free with store_items_free(). */
int store_items_list(struct store *s, const struct store_list_opts *o, struct store_item **out,
                     size_t *n, char *err, size_t errlen);
/*
 * The items of the same list that come after `after` (one it gave: its date
 * and id count), so a long list is read in parts that neither repeat nor
 * miss an item when others come or go in between. after NULL: from the top.
 */
int store_items_list_after(struct store *s, const struct store_list_opts *o, const struct store_item *after,
                           struct store_item **out, size_t *n, char *err, size_t errlen);
/* How many items o selects (limit and offset ignored): the counts of "All unread", "Saved", "Starred". */
int store_items_count(struct store *s, const struct store_list_opts *o, long long *n, char *err, size_t errlen);
/* One item by id; -1 with "no item ID" when absent. Free with store_items_free(out, 1). */
int store_item_get(struct store *s, long long id, struct store_item **out, char *err, size_t errlen);
void store_items_free(struct store_item *items, size_t n);

enum store_mark {
	STORE_MARK_READ,
	STORE_MARK_UNREAD,
	STORE_MARK_STAR,
	STORE_MARK_UNSTAR,
	STORE_MARK_SAVE,
	STORE_MARK_UNSAVE
};
/* Sets a flag on item id; -1 when there is no such item. */
int store_item_mark(struct store *s, long long id, enum store_mark m, char *err, size_t errlen);
/* Marks every item of feed_id (0: all) read. */
int store_mark_all_read(struct store *s, long long feed_id, char *err, size_t errlen);

/* ---- articles (store_articles.c) ---- */

/*
 * Stores an analysed article on its own, as a saved item (the `save`
 * command): its own item (no feed), whatever feed item has the same link.
 * Saving the same URL again replaces that saved copy. Sets *item_id.
 */
int store_save_article(struct store *s, const struct article *a, long long *item_id,
                       char *err, size_t errlen);
/*
 * Replaces the article of item id (the TUI's `f`: full page fetched for an
 * item that only had its summary); full says which it is. a is taken as
 * analysed (the item no longer waits for store_analysis_next()); so is the
 * article store_save_article() takes.
 */
int store_article_replace(struct store *s, long long item_id, const struct article *a, int full,
                          char *err, size_t errlen);
/*
 * Loads item id's article with every field as stored: sections, paragraphs,
 * dateline, quotes, entities with aliases and mentions, links. The caller
 * frees *out with article_free().
 */
int store_article_load(struct store *s, long long item_id, struct article **out,
                       char *err, size_t errlen);

/* ---- the analysis that follows a refresh (store_analysis.c) ---- */

/*
 * A refresh stores items browsable first (text, links, full-text index)
 * with their analysis waiting when its reader says so (store_item_reader
 * .analysed = 0); the pipeline's analysis phase then loads each waiting
 * article (store_article_load()), analyses it and hands it back here.
 */

/* How many stored articles wait for their analysis (`dateline status`). */
int store_analysis_count(struct store *s, long long *n, char *err, size_t errlen);
/* Up to max item ids whose analysis waits, newest first; *ids is malloc'd (the caller frees it). */
int store_analysis_next(struct store *s, size_t max, long long **ids, size_t *n, char *err, size_t errlen);
/* The same among the ids equal to part modulo parts: threads analysing side by side take different ones. */
int store_analysis_next_part(struct store *s, size_t max, unsigned part, unsigned parts, long long **ids, size_t *n,
                             char *err, size_t errlen);
/*
 * Writes the analyses of items ids[0..n) in ONE transaction: arts[i] is the
 * item's article after analysis_run() (dateline, derived headline, quotes,
 * entities are stored; its text is not rewritten), or NULL when it could
 * not be analysed (it is marked done all the same). Arrays borrowed.
 */
int store_analysis_write(struct store *s, const long long *ids, struct article *const *arts, size_t n,
                         char *err, size_t errlen);
/* *analysed = 0 when item id's analysis still waits, 1 otherwise (also when there is no such item). */
int store_item_analysed(struct store *s, long long id, int *analysed, char *err, size_t errlen);

/* ---- search (store_search.c) ---- */

struct store_hit {
	long long item_id;  /* the item found */
	char *title;        /* its title, or NULL */
	char *feed_title;   /* its feed's title, or NULL */
	char *published;    /* its date as given, or NULL */
	long long date;     /* its ordering date (unix time) */
	char *snippet;      /* matching text with the match between \x02 and \x03 (strip or highlight them);
	                       made from the first 32 hits of the article at most, so its cost is bounded */
};

/*
 * Full-text search over headlines, bylines and bodies (FTS5 syntax: words,
 * "phrases", prefix*, AND/OR/NOT, NEAR). A query that is not valid FTS5 is
 * retried as plain words; only when that fails too is it an error, said
 * plainly. Newest first; its cost follows limit, not the number of matches.
 * limit 0 means 50.
 */
int store_search(struct store *s, const char *query, size_t limit, struct store_hit **out,
                 size_t *n, char *err, size_t errlen);
/* The same, best matches first (BM25) among the newest 2,000 matches, which bounds its cost. */
int store_search_ranked(struct store *s, const char *query, size_t limit, struct store_hit **out,
                        size_t *n, char *err, size_t errlen);
void store_hits_free(struct store_hit *h, size_t n);

struct store_quote_query {
	const char *match;   /* words in the quotation (FTS5 syntax), or NULL for all */
	const char *speaker; /* words of the speaker's name ("Peskov", "dmitry pes"), or NULL */
	int prefix;          /* 1 (type-ahead): words taken literally, the last one a prefix unless followed by a space;
	                        while that last word (its last token) is one character it is left out: it waits
	                        for a second one (the index has no 1-character prefixes: too slow at any size) */
	long long since;     /* only articles dated at or after this unix time, 0 for all */
	size_t limit;        /* at most this many, 0 means 50 */
	size_t offset;       /* skip this many (paging) */
};

struct store_quote_hit {
	long long quote_id;  /* the quotation's row id */
	long long item_id;   /* the item whose article holds it */
	int index;           /* its index in that article's quotes[] (store_article_load()) */
	char *text;          /* the quotation */
	char *speaker;       /* who said it, or NULL */
	char *cue;           /* reporting verb, or NULL */
	int partial;         /* 1 when a fragment */
	char *headline;      /* the article's title, or NULL */
	char *published;     /* the article's date as given, or NULL */
	long long date;      /* the article's ordering date (unix time) */
};

/*
 * Every quotation matching q across the store, newest article first (then in
 * text order); its cost follows limit, not the number of matches. Free with
 * store_quote_hits_free().
 */
int store_quotes_search(struct store *s, const struct store_quote_query *q, struct store_quote_hit **out,
                        size_t *n, char *err, size_t errlen);
void store_quote_hits_free(struct store_quote_hit *h, size_t n);

/*
 * Parses a date for --since: ISO 8601 ("YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z|+hh:mm]",
 * also "YYYY-MM" and "YYYY": their first day; base.h calendar_iso_read()),
 * or a relative "7d" / "2w" / "1m" / "1y" back from now. 0 with *t set, -1.
 */
int store_parse_date(const char *s, long long *t);

/* ---- the reader's requests (store_reader.c) ---- */

/*
 * Unsubscribes feed id: removes the feed and its items, except saved and
 * starred ones, which stay as articles saved on their own (feed 0, listed
 * under "Saved" / "Starred"). *n_kept (may be NULL) says how many stayed.
 */
int store_feed_remove(struct store *s, long long id, long long *n_kept, char *err, size_t errlen);
/* The stored item whose link is url (a saved or full copy first), *id = 0 when none. */
int store_item_find_link(struct store *s, const char *url, long long *id, char *err, size_t errlen);
/* ---- reading from an aggregator (store_sync.c) ---- */

/*
 * When the subscriptions come from an aggregator (Tiny Tiny RSS, a Google
 * Reader API server), the store keeps which feeds are the aggregator's (the
 * guid of their items is STORE_SYNC_GUID_PREFIX and the aggregator's item
 * id: only those items are synced), a queue of the
 * read/unread/star changes made here and not yet delivered, and a few
 * values of the sync. The tables are made by store_sync_begin(), outside the
 * schema versions (a store that never syncs is unchanged). From then on the
 * database itself queues every change of read or starred on an item of a
 * synced feed, whoever makes it (the TUI, `dateline mark`), except the
 * changes store_sync_apply_state() brings from the aggregator.
 */

/*
 * Makes the sync tables when missing and checks the store syncs with source
 * (a string naming the aggregator: kind, URL, user): a store already tied to
 * another aggregator (its "source" value, which the caller sets once the
 * aggregator accepted the login) is refused with a message. 0 or -1.
 */
int store_sync_begin(struct store *s, const char *source, char *err, size_t errlen);
/* A sync value by key (malloc'd into *value, NULL when unset). */
int store_sync_get(struct store *s, const char *key, char **value, char *err, size_t errlen);
/* Sets (value NULL: removes) a sync value. */
int store_sync_set(struct store *s, const char *key, const char *value, char *err, size_t errlen);

#define STORE_SYNC_GUID_PREFIX "aggregator:" /* 11 characters; guid of an aggregator's item: prefix + its id */

enum store_sync_field { STORE_SYNC_READ, STORE_SYNC_STAR };

/* One change waiting for the aggregator: the latest of an item's flag. */
struct store_sync_change {
	long long item_id;           /* the local item */
	char *remote;                /* its id at the aggregator (the item's guid without the prefix) */
	enum store_sync_field field; /* which flag */
	int value;                   /* 1: read / starred, 0: unread / not starred */
};
/*
 * The changes queued so far, one per item and flag (the latest wins), in
 * the order they were made; *upto is the queue position they cover. Free
 * with store_sync_changes_free().
 */
int store_sync_pending(struct store *s, struct store_sync_change **out, size_t *n, long long *upto,
                       char *err, size_t errlen);
/*
 * Removes c[0..n) from the queue once the aggregator has them: the rows up
 * to upto for those items and flags (a change made since stays queued).
 */
int store_sync_delivered(struct store *s, const struct store_sync_change *c, size_t n, long long upto,
                         char *err, size_t errlen);
void store_sync_changes_free(struct store_sync_change *c, size_t n);
/* How many changes wait in the queue, one per item and flag (0 in a store that never synced). */
int store_sync_queued(struct store *s, long long *n, char *err, size_t errlen);

/*
 * Adds or updates the aggregator's feed remote (its id there) at url with
 * title and tags (space-separated, its category), and sets *feed_id.
 */
int store_sync_feed(struct store *s, const char *remote, const char *url, const char *title, const char *tags,
                    long long *feed_id, char *err, size_t errlen);
/* Deletes the synced feeds (and their items) whose remote id is not in remotes[0..n). */
int store_sync_feeds_keep(struct store *s, const char *const *remotes, size_t n, int *n_removed,
                          char *err, size_t errlen);

struct store_sync_stats {
	int read_changed; /* items whose read flag the aggregator changed */
	int star_changed; /* items whose star the aggregator changed */
};
/*
 * Sets read and starred on every item of the synced feeds from the
 * aggregator's state: unread[0..n_unread) are its unread item ids, starred[]
 * its starred ones; every other item is read and not starred. Items with a
 * change still queued keep theirs. One transaction; nothing is queued.
 */
int store_sync_apply_state(struct store *s, const char *const *unread, size_t n_unread,
                           const char *const *starred, size_t n_starred, struct store_sync_stats *stats,
                           char *err, size_t errlen);

#endif
