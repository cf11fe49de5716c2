/*
 * store_int.h: what the store_*.c modules share and nobody else sees: the
 * connection, the statement cache, transactions and error reporting.
 */
#ifndef DATELINE_STORE_INT_H
#define DATELINE_STORE_INT_H

#include "store.h"
#include "model.h"

#include <sqlite3.h>
#include <stddef.h>

#define STORE_MAX_STMTS 64
#define STORE_FUTURE_SLACK 86400 /* seconds a date may lie ahead (clocks and zones differ) before it counts as wrong */

struct store {
	sqlite3 *db;                            /* the connection */
	char *path;                             /* where it was opened */
	int readonly;                           /* opened with STORE_READONLY */
	int tx_depth;                           /* nesting of store_tx_begin() */
	int batch;                              /* 1 while store_batch_begin()'s transaction is open */
	struct store_fts_row *fts;              /* text index rows waiting for the commit (store_fts.c) */
	size_t n_fts, cap_fts;                  /* rows queued, allocated */
	struct store_retention retention;       /* bounds store_apply_feed() applies */
	const char *sql[STORE_MAX_STMTS];       /* cache keys: static SQL strings, compared by address */
	sqlite3_stmt *stmt[STORE_MAX_STMTS];    /* prepared statements for sql[] */
	size_t n_stmt;                          /* cache entries used */
	long long data_version;                 /* PRAGMA data_version last seen (store_changed_elsewhere) */
	unsigned long long snippet_work;        /* hits weighed and tokens read by dl_snippet (the tests count it) */
};

/*
 * The prepared statement for sql (a string literal: the cache compares
 * addresses), reset with its bindings cleared, or NULL with err set.
 */
sqlite3_stmt *store_stmt(struct store *s, const char *sql, char *err, size_t errlen);

/* Writes "what: <sqlite's reason, in words a user can act on>" to err; returns -1. */
int store_fail(struct store *s, const char *what, char *err, size_t errlen);

/*
 * Checks the file is a dateline store of a version this build knows and
 * migrates an older one (store_schema.c). 0; -1 with err; -2 when it could
 * not even be read for want of write access (a WAL store's -shm index).
 */
int store_schema_check(struct store *s, char *err, size_t errlen);

/* Write transactions (BEGIN IMMEDIATE), nestable: only the outermost pair commits. */
int store_tx_begin(struct store *s, char *err, size_t errlen);
int store_tx_commit(struct store *s, char *err, size_t errlen);
void store_tx_rollback(struct store *s);
/* Refuses when the store was opened read-only. */
int store_writable(struct store *s, char *err, size_t errlen);

/* Binding helpers: NULL binds SQL NULL. Return sqlite's code. */
int store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* A malloc'd copy of column i, NULL when SQL NULL; sets *oom on allocation failure. */
char *store_col_dup(sqlite3_stmt *st, int i, int *oom);

/*
 * The time of ISO text the store keeps (a loaded article's published date,
 * its dateline's date, a --since date), read by base's calendar_iso_read(),
 * the ISO part of the one date parser; MOMENT_UNKNOWN when iso is NULL or
 * no ISO date. Dates coming in come with their times (the model's _at fields).
 */
struct moment store_moment(const char *iso);

/*
 * Registers dl_snippet(articles_fts), the search snippet whose work per
 * document is bounded (store_snippet.c): at most STORE_SNIPPET_HITS hits weighed.
 */
#define STORE_SNIPPET_HITS 32
int store_snippet_register(struct store *s, char *err, size_t errlen);

/* Date-ordered keys: the first key of the given unix time (clamped to what fits). */
#define STORE_KEY_BITS 20
long long store_date_key(long long date);

/*
 * The text indexes' rows, queued and written at the commit (store_fts.c):
 * add queues a row of articles_fts (quotes 0: headline a, byline b, body c)
 * or quotes_fts (quotes 1: text a, speaker b), copying a and b and taking c
 * (malloc'd or NULL). flush writes the queue (store_tx_commit() does it);
 * flush_item first when a row of item_id waits (an index row must exist
 * before it is deleted); discard drops all but the first keep rows (a
 * rollback). 0, or -1 with err.
 */
int store_fts_add(struct store *s, int quotes, long long item_id, long long rowid, const char *a, const char *b,
                  char *c, char *err, size_t errlen);
int store_fts_flush(struct store *s, char *err, size_t errlen);
int store_fts_flush_item(struct store *s, long long item_id, char *err, size_t errlen);
void store_fts_discard(struct store *s, size_t keep);

/* Articles (store_articles.c), inside the caller's transaction. */
int store_article_write(struct store *s, long long item_id, const struct article *a,
                        char *err, size_t errlen);
int store_article_delete(struct store *s, long long item_id, char *err, size_t errlen);
/* 1 when item_id has an article (or the store could not tell), 0 when it has none. */
int store_article_exists(struct store *s, long long item_id);
/* Adds the analysis of a (dateline, derived headline, quotes, entities) to item_id's stored article. */
int store_article_write_analysis(struct store *s, long long item_id, const struct article *a,
                                 char *err, size_t errlen);

/* Writes a refresh's state (keep_validators keeps ETag and Last-Modified), in the caller's transaction. */
int store_feed_write_state(struct store *s, long long feed_id, const struct store_feed_state *st,
                           int keep_validators, char *err, size_t errlen);

/* Purges one feed's items beyond the bounds, inside the caller's transaction. */
int store_purge_feed(struct store *s, long long feed_id, const struct store_retention *r,
                     int *n_purged, char *err, size_t errlen);

#endif
