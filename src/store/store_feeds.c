/* store_feeds.c: the feeds table: subscriptions and what each refresh left. */
#include "store_int.h"
#include "base.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char sql_feed_ins[] =
	"INSERT INTO feeds(url, title, tags) VALUES(?1, ?2, ?3) ON CONFLICT(url) DO UPDATE SET"
	" title = coalesce(?2, title), tags = coalesce(?3, tags)";
static const char sql_feed_id[] = "SELECT id FROM feeds WHERE url = ?";
static const char sql_feed_find[] =
	"SELECT id FROM feeds WHERE id = ?1 OR url = ?2 OR title = ?2 COLLATE NOCASE"
	" ORDER BY id = ?1 DESC, url = ?2 DESC LIMIT 1";
#define FEED_COLS "f.id, f.url, f.title, f.tags, f.etag, f.last_modified, f.last_status, f.last_error," \
	" f.last_refresh, f.n_items, f.n_unread, f.refresh_seq" /* counts kept by triggers (schema v5) */
static const char sql_feed_list[] =
	"SELECT " FEED_COLS " FROM feeds f ORDER BY coalesce(f.title, f.url) COLLATE NOCASE, f.url";
static const char sql_feed_get[] = "SELECT " FEED_COLS " FROM feeds f WHERE f.id = ?";
static const char sql_feed_state[] =
	"UPDATE feeds SET last_status = ?2, last_error = ?3, last_refresh = ?4, refresh_seq = refresh_seq + (?6 = 0),"
	" etag = CASE WHEN ?6 THEN etag ELSE ?5 END,"
	" last_modified = CASE WHEN ?6 THEN last_modified ELSE ?7 END WHERE id = ?1";

int store_feed_upsert(struct store *s, const char *url, const char *title, const char *tags,
                      long long *id, char *err, size_t errlen)
{
	if (!url || !*url) {
		snprintf(err, errlen, "a feed needs a URL");
		return -1;
	}
	if (store_writable(s, err, errlen))
		return -1;
	sqlite3_stmt *st = store_stmt(s, sql_feed_ins, err, errlen);
	if (!st)
		return -1;
	store_bind_text(st, 1, url);
	store_bind_text(st, 2, title);
	store_bind_text(st, 3, tags);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_fail(s, "adding a feed", err, errlen);
	if (!(st = store_stmt(s, sql_feed_id, err, errlen)))
		return -1;
	store_bind_text(st, 1, url);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : store_fail(s, "adding a feed", err, errlen);
}

int store_feed_find(struct store *s, const char *key, long long *id, char *err, size_t errlen)
{
	*id = 0;
	long long num = 0;
	int digits = *key != '\0';
	for (const char *p = key; *p; p++)
		digits &= isdigit((unsigned char)*p) != 0;
	if (digits)
		num = strtoll(key, NULL, 10);
	sqlite3_stmt *st = store_stmt(s, sql_feed_find, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, num);
	store_bind_text(st, 2, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, "finding a feed", err, errlen);
}

static int feed_row(sqlite3_stmt *st, struct store_feed *f)
{
	int oom = 0;
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->url = store_col_dup(st, 1, &oom);
	f->title = store_col_dup(st, 2, &oom);
	f->tags = store_col_dup(st, 3, &oom);
	f->etag = store_col_dup(st, 4, &oom);
	f->last_modified = store_col_dup(st, 5, &oom);
	f->last_status = sqlite3_column_int(st, 6);
	f->last_error = store_col_dup(st, 7, &oom);
	f->last_refresh = sqlite3_column_int64(st, 8);
	f->n_items = sqlite3_column_int64(st, 9);
	f->n_unread = sqlite3_column_int64(st, 10);
	f->refresh_seq = sqlite3_column_int64(st, 11);
	return oom ? -1 : 0;
}

void store_feed_clear(struct store_feed *f)
{
	if (!f)
		return;
	free(f->url);
	free(f->title);
	free(f->tags);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	memset(f, 0, sizeof *f);
}

void store_feeds_free(struct store_feed *f, size_t n)
{
	for (size_t i = 0; f && i < n; i++)
		store_feed_clear(&f[i]);
	free(f);
}

int store_feeds_list(struct store *s, struct store_feed **out, size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, sql_feed_list, err, errlen);
	if (!st)
		return -1;
	struct store_feed *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)&arr, &cap, cnt + 1, sizeof *arr))
			goto oom;
		if (feed_row(st, &arr[cnt++]))
			goto oom;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_feeds_free(arr, cnt);
		return store_fail(s, "listing feeds", err, errlen);
	}
	*out = arr;
	*n = cnt;
	return 0;
oom:
	sqlite3_reset(st);
	store_feeds_free(arr, cnt);
	snprintf(err, errlen, "out of memory");
	return -1;
}

int store_feed_get(struct store *s, long long id, struct store_feed *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt(s, sql_feed_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && feed_row(st, out)) {
		sqlite3_reset(st);
		store_feed_clear(out);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		snprintf(err, errlen, "no feed %lld in the store", id);
		return -1;
	}
	return rc == SQLITE_ROW ? 0 : store_fail(s, "reading a feed", err, errlen);
}

static const char sql_feed_url[] = "UPDATE feeds SET url = ?2 WHERE id = ?1";

int store_feed_set_url(struct store *s, long long id, const char *new_url, char *err, size_t errlen)
{
	if (store_writable(s, err, errlen))
		return -1;
	sqlite3_stmt *st = store_stmt(s, sql_feed_url, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, new_url);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT || (sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_CONSTRAINT) {
		snprintf(err, errlen, "another feed already has the URL %s", new_url);
		return -1;
	}
	return rc == SQLITE_DONE ? 0 : store_fail(s, "moving the feed", err, errlen);
}

static const char *const feed_delete_sql[] = {
	"SELECT id FROM items WHERE feed_id = ?1",
	"DELETE FROM items WHERE feed_id = ?1",
	"DELETE FROM feeds WHERE id = ?1",
};

int store_feed_delete(struct store *s, long long id, char *err, size_t errlen)
{
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st = store_stmt(s, feed_delete_sql[0], err, errlen);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)&ids, &cap, n + 1, sizeof *ids)) {
			sqlite3_reset(st);
			snprintf(err, errlen, "out of memory");
			goto fail;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, "removing a feed", err, errlen);
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		if (store_article_delete(s, ids[i], err, errlen))
			goto fail;
	for (size_t i = 1; i < 3; i++) {
		if (!(st = store_stmt(s, feed_delete_sql[i], err, errlen)))
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			store_fail(s, "removing a feed", err, errlen);
			goto fail;
		}
	}
	free(ids);
	return store_tx_commit(s, err, errlen);
fail:
	free(ids);
	store_tx_rollback(s);
	return -1;
}

/* Writes st into feed feed_id; keep_validators keeps ETag and Last-Modified. Inside or outside a transaction. */
static int write_state(struct store *s, long long feed_id, const struct store_feed_state *stt,
                       int keep_validators, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_feed_state, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int(st, 2, stt->status);
	store_bind_text(st, 3, stt->error);
	sqlite3_bind_int64(st, 4, stt->time ? stt->time : (long long)time(NULL));
	store_bind_text(st, 5, stt->etag);
	sqlite3_bind_int(st, 6, keep_validators);
	store_bind_text(st, 7, stt->last_modified);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_fail(s, "recording the refresh", err, errlen);
	if (!sqlite3_changes(s->db)) {
		snprintf(err, errlen, "no feed %lld in the store", feed_id);
		return -1;
	}
	return 0;
}

int store_feed_update_state(struct store *s, long long feed_id, const struct store_feed_state *st,
                            char *err, size_t errlen)
{
	if (store_writable(s, err, errlen))
		return -1;
	return write_state(s, feed_id, st, st->status == 304 || st->error, err, errlen);
}

int store_feed_write_state(struct store *s, long long feed_id, const struct store_feed_state *st,
                           int keep_validators, char *err, size_t errlen)
{
	return write_state(s, feed_id, st, keep_validators, err, errlen);
}

void store_set_retention(struct store *s, const struct store_retention *r)
{
	s->retention = *r;
}

void store_get_retention(const struct store *s, struct store_retention *r)
{
	*r = s->retention;
}

static const char sql_setting[] = "INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?)";

int store_save_retention(struct store *s, const struct store_retention *r, char *err, size_t errlen)
{
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	const char *keys[2] = {"retention-days", "max-items-per-feed"};
	int vals[2] = {r->days, r->max_items};
	for (int i = 0; i < 2; i++) {
		char v[16];
		sqlite3_stmt *st = store_stmt(s, sql_setting, err, errlen);
		if (!st)
			goto fail;
		snprintf(v, sizeof v, "%d", vals[i] > 0 ? vals[i] : 0);
		store_bind_text(st, 1, keys[i]);
		store_bind_text(st, 2, v);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			store_fail(s, "saving the retention setting", err, errlen);
			goto fail;
		}
	}
	if (store_tx_commit(s, err, errlen))
		return -1;
	s->retention = *r;
	return 0;
fail:
	store_tx_rollback(s);
	return -1;
}
