/*
 * store_reader.c: what the reader asks of the store beyond items and marks:
 * unsubscribing a feed while keeping what the user chose to keep.
 */
#include "store_int.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const feed_remove_sql[] = {
	"SELECT id FROM items WHERE feed_id = ?1 AND saved = 0 AND starred = 0",
	"DELETE FROM items WHERE feed_id = ?1 AND saved = 0 AND starred = 0",
	/* saved and starred items become articles saved on their own (feed 0); their guid goes, so no
	   two kept items of different feeds can collide on (feed_id, guid) */
	"UPDATE items SET feed_id = 0, guid = NULL, purged = 0 WHERE feed_id = ?1",
	"DELETE FROM feeds WHERE id = ?1",
};

/* Ids of the items sql (bound to id) selects, malloc'd into *out. 0 or -1. */
static int select_ids(struct store *s, const char *sql, long long id, long long **out, size_t *n,
                      char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)out, &cap, *n + 1, sizeof **out)) {
			sqlite3_reset(st);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "removing a feed", err, errlen);
	return 0;
}

int store_feed_remove(struct store *s, long long id, long long *n_kept, char *err, size_t errlen)
{
	if (n_kept)
		*n_kept = 0;
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	long long *ids = NULL;
	size_t n = 0;
	if (select_ids(s, feed_remove_sql[0], id, &ids, &n, err, errlen))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if (store_article_delete(s, ids[i], err, errlen))
			goto fail;
	for (size_t i = 1; i < sizeof feed_remove_sql / sizeof *feed_remove_sql; i++) {
		sqlite3_stmt *st = store_stmt(s, feed_remove_sql[i], err, errlen);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			store_fail(s, "removing a feed", err, errlen);
			goto fail;
		}
		if (i == 2 && n_kept)
			*n_kept = sqlite3_changes(s->db);
	}
	free(ids);
	return store_tx_commit(s, err, errlen);
fail:
	free(ids);
	store_tx_rollback(s);
	return -1;
}

int store_item_find_link(struct store *s, const char *url, long long *id, char *err, size_t errlen)
{
	/* a saved or full copy is the better one to read offline */
	static const char sql[] = "SELECT id FROM items WHERE link = ?1 ORDER BY saved DESC, full DESC, date DESC LIMIT 1";
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	*id = 0;
	if (!st)
		return -1;
	store_bind_text(st, 1, url);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "looking up an article", err, errlen);
	return 0;
}
