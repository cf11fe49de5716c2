/*
 * store_apply.c: one refresh of one feed, applied in one transaction, and
 * the retention bounds.
 *
 * New and changed items become articles through the caller's item reader
 * (the pipeline's, which parses and analyses them: the store knows neither
 * libxml2 nor the analysis) before the write lock is taken, so a long
 * analysis never blocks another process.
 */
#include "store_int.h"
#include "model.h"
#include "base.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct pending {
	const struct feed_item *it; /* the item as fetched (borrowed from the feed) */
	const char *guid;           /* its identity within the feed (borrowed) */
	char hash[17];              /* hex digest of its content */
	long long date;             /* its date, 0 when it gave none */
	long long id;               /* stored item id, 0 when new */
	struct article *art;        /* its article (owned), NULL when unchanged or kept */
	int analysed;               /* 1 when art has been through the analysis (or has nothing for it) */
	int keep;                   /* 1: changed, but its stored article is a full page (fetched or
	                               saved): only the item's feed fields are written, the text stays */
	int read;                   /* 1: new or changed, its article to be read */
};

static const char sql_item_look[] = "SELECT id, hash, purged, full FROM items WHERE feed_id = ? AND guid = ?";
static const char sql_item_upsert[] =
	"INSERT INTO items(feed_id, guid, link, title, author, published, updated, summary, content, hash,"
	" date, added, analysed) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(nullif(?11, 0), ?12), ?12,"
	" max(?13, 0))"
	" ON CONFLICT(feed_id, guid) DO UPDATE SET link = ?3, title = ?4, author = ?5, published = ?6,"
	" updated = ?7, summary = ?8, content = ?9, hash = ?10,"
	" date = CASE WHEN ?11 THEN ?11 ELSE date END, analysed = CASE WHEN ?13 < 0 THEN analysed ELSE ?13 END"
	" RETURNING id";
static const char sql_feed_title[] = "UPDATE feeds SET title = coalesce(title, ?2) WHERE id = ?1";
static const char sql_feed_seq[] = "SELECT refresh_seq FROM feeds WHERE id = ?";
static const char sql_tomb_drop[] =
	"DELETE FROM items WHERE feed_id = ?1 AND purged = 1 AND date < ?2";

/* FNV-1a over the fields that make an item's content; a change in any of them is a change. */
static void item_hash(const struct feed_item *it, char out[17])
{
	const char *f[] = {it->title, it->link, it->author, it->published, it->updated, it->summary, it->content};
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		for (const unsigned char *p = (const unsigned char *)(f[i] ? f[i] : ""); *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ 0xff) * 1099511628211ULL; /* field separator */
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The item's fields alone, for a caller that gives no reader (or whose reader failed). */
static struct article *item_headline(const struct feed_item *it, char *err, size_t errlen)
{
	struct moment at;
	const char *pub = feed_item_date(it, &at);
	struct article *a = article_new();
	if (!a || (it->title && article_set(&a->headline, it->title, strlen(it->title))) ||
	    (it->link && article_set(&a->url, it->link, strlen(it->link))) ||
	    (pub && article_set_published(a, pub, at))) {
		article_free(a);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	return a;
}

/* The articles of the items prepare() marked to read, all at once when the reader can. */
static int read_items(const struct feed *f, const char *feed_url, const struct store_item_reader *rd,
                      struct pending *p, char *err, size_t errlen)
{
	const struct feed_item **items = NULL;
	struct article **arts = NULL;
	size_t n = 0;
	if (rd && rd->read_all && f->n_items) {
		items = malloc(f->n_items * sizeof *items);
		arts = calloc(f->n_items, sizeof *arts);
		if (!items || !arts) { /* one by one, then */
			free(items);
			free(arts);
			items = NULL;
			arts = NULL;
		}
	}
	for (size_t i = 0; items && i < f->n_items; i++)
		if (p[i].read)
			items[n++] = p[i].it;
	if (items && n)
		rd->read_all(items, n, feed_url, arts, rd->ctx);
	int rc = 0;
	for (size_t i = 0, k = 0; i < f->n_items; i++) {
		if (!p[i].read)
			continue;
		if (items)
			p[i].art = arts[k++];
		else
			p[i].art = rd && rd->read ? rd->read(p[i].it, feed_url, rd->ctx) : NULL;
		p[i].analysed = !p[i].art || rd->analysed || !article_paragraph_count(p[i].art);
		if (!rc && !p[i].art && !(p[i].art = item_headline(p[i].it, err, errlen)))
			rc = -1; /* the rest are still taken, so that the caller frees them */
	}
	free(items);
	free(arts);
	return rc;
}

/* Reads what is stored of each item and prepares the articles of the new and changed ones. */
static int prepare(struct store *s, long long feed_id, const struct feed *f, const char *feed_url,
                   const struct store_item_reader *rd, struct pending *p, struct store_apply_result *res, char *err, size_t errlen)
{
	for (size_t i = 0; i < f->n_items; i++) {
		const struct feed_item *it = &f->items[i];
		p[i].it = it;
		p[i].guid = it->id ? it->id : it->link ? it->link : it->title;
		item_hash(it, p[i].hash);
		if (!p[i].guid)
			p[i].guid = p[i].hash; /* an item with nothing to name it by: its content is its name */
		struct moment at;
		feed_item_date(it, &at); /* the parser's time: the store reads no date text */
		p[i].date = moment_known(at) ? at.time : 0;
		/* a date in the future (a wrong year, a time zone read twice) would keep the item on top and never purged */
		if (p[i].date > (long long)time(NULL) + STORE_FUTURE_SLACK)
			p[i].date = (long long)time(NULL);
		sqlite3_stmt *st = store_stmt(s, sql_item_look, err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, feed_id);
		store_bind_text(st, 2, p[i].guid);
		int rc = sqlite3_step(st), same = 0, purged = 0;
		if (rc == SQLITE_ROW) {
			const char *h = (const char *)sqlite3_column_text(st, 1);
			p[i].id = sqlite3_column_int64(st, 0);
			same = h && !strcmp(h, p[i].hash);
			purged = sqlite3_column_int(st, 2);
			p[i].keep = sqlite3_column_int(st, 3) != 0;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(s, "reading the stored items", err, errlen);
		if (same || purged) { /* purged items stay gone while the feed still carries them */
			p[i].keep = 0;
			res->n_unchanged++;
			continue;
		}
		if (p[i].keep) { /* a feed's summary never replaces the full text the user has */
			res->n_changed++;
			continue;
		}
		p[i].read = 1;
		if (p[i].id)
			res->n_changed++;
		else
			res->n_new++;
	}
	return read_items(f, feed_url, rd, p, err, errlen);
}

static int write_item(struct store *s, long long feed_id, struct pending *p, long long now,
                      char *err, size_t errlen)
{
	const struct feed_item *it = p->it;
	sqlite3_stmt *st = store_stmt(s, sql_item_upsert, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	store_bind_text(st, 2, p->guid);
	store_bind_text(st, 3, it->link);
	store_bind_text(st, 4, it->title ? it->title : p->art ? p->art->headline : NULL);
	store_bind_text(st, 5, it->author);
	store_bind_text(st, 6, it->published ? it->published : it->updated);
	store_bind_text(st, 7, it->updated);
	/* the text is stored once: the article's, else the feed's (an item nothing could be read from) */
	int text_kept = p->keep || article_paragraph_count(p->art) > 0;
	store_bind_text(st, 8, text_kept ? NULL : it->summary);
	store_bind_text(st, 9, text_kept ? NULL : it->content);
	store_bind_text(st, 10, p->hash);
	sqlite3_bind_int64(st, 11, p->date);
	sqlite3_bind_int64(st, 12, now);
	sqlite3_bind_int(st, 13, p->keep ? -1 : p->analysed);
	int rc = sqlite3_step(st);
	long long id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "storing an item", err, errlen);
	if (p->keep)
		return 0;
	/* a new item has no article to replace (unless the feed carried its guid twice: then it has one) */
	if ((p->id || store_article_exists(s, id)) && store_article_delete(s, id, err, errlen))
		return -1;
	return store_article_write(s, id, p->art, err, errlen);
}

static int apply_locked(struct store *s, long long feed_id, const struct feed *f, struct pending *p,
                        const struct store_feed_state *stt, struct store_apply_result *res,
                        char *err, size_t errlen)
{
	long long now = stt && stt->time ? stt->time : (long long)time(NULL), oldest = 0;
	if (f && stt && stt->expect_seq) {
		/* another refresh that began with ours committed first: its data is as new; keep it whole */
		sqlite3_stmt *st = store_stmt(s, sql_feed_seq, err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, feed_id);
		int rc = sqlite3_step(st);
		long long seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return store_fail(s, "reading the feed", err, errlen);
		if (seq != stt->expect_seq) {
			res->stale = 1;
			res->n_new = res->n_changed = 0;
			res->n_unchanged = f ? (int)f->n_items : 0;
			return 0;
		}
	}
	if (f && f->title) {
		sqlite3_stmt *st = store_stmt(s, sql_feed_title, err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, feed_id);
		store_bind_text(st, 2, f->title);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_fail(s, "updating the feed", err, errlen);
	}
	for (size_t i = 0; f && i < f->n_items; i++) {
		if ((p[i].art || p[i].keep) && write_item(s, feed_id, &p[i], now, err, errlen))
			return -1;
		if (p[i].date && (!oldest || p[i].date < oldest))
			oldest = p[i].date;
	}
	if (f && f->n_items && oldest) { /* tombstones older than anything the feed carries cannot come back */
		sqlite3_stmt *st = store_stmt(s, sql_tomb_drop, err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, feed_id);
		sqlite3_bind_int64(st, 2, oldest);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_fail(s, "forgetting purged items", err, errlen);
	}
	if (store_purge_feed(s, feed_id, &s->retention, &res->n_purged, err, errlen))
		return -1;
	if (stt && store_feed_write_state(s, feed_id, stt, !f || stt->status == 304 || stt->error, err, errlen))
		return -1;
	return 0;
}

int store_apply_feed(struct store *s, long long feed_id, const struct feed *f,
                     const struct store_feed_state *stt, const struct store_item_reader *rd,
                     struct store_apply_result *res, char *err, size_t errlen)
{
	struct store_apply_result dummy;
	if (!res)
		res = &dummy;
	memset(res, 0, sizeof *res);
	if (store_writable(s, err, errlen))
		return -1;
	struct store_feed fd;
	if (store_feed_get(s, feed_id, &fd, err, errlen))
		return -1;
	struct pending *p = NULL;
	int rc = -1;
	if (f && f->n_items && !(p = calloc(f->n_items, sizeof *p))) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	if (f && prepare(s, feed_id, f, fd.url, rd, p, res, err, errlen))
		goto done;
	if (s->batch) { /* one feed of a batch: a savepoint, so that its failure undoes it alone */
		/* the earlier feeds' index rows go in first: a rollback to the savepoint then drops this feed's alone */
		rc = store_fts_flush(s, err, errlen) ? -1
		   : sqlite3_exec(s->db, "SAVEPOINT feed", NULL, NULL, NULL) == SQLITE_OK ? 0
		   : store_fail(s, "starting a transaction", err, errlen);
		if (!rc && apply_locked(s, feed_id, f, p, stt, res, err, errlen)) {
			rc = -1;
			sqlite3_exec(s->db, "ROLLBACK TO feed", NULL, NULL, NULL);
			store_fts_discard(s, 0);
		}
		if (sqlite3_get_autocommit(s->db)) /* an I/O error or a full disk ended the whole batch */
			s->batch = s->tx_depth = 0;
		else if (sqlite3_exec(s->db, "RELEASE feed", NULL, NULL, NULL) != SQLITE_OK && !rc)
			rc = store_fail(s, "saving the changes", err, errlen);
		goto done;
	}
	if (store_tx_begin(s, err, errlen))
		goto done;
	if (apply_locked(s, feed_id, f, p, stt, res, err, errlen)) {
		store_tx_rollback(s);
		goto done;
	}
	rc = store_tx_commit(s, err, errlen);
done:
	for (size_t i = 0; p && i < f->n_items; i++)
		article_free(p[i].art);
	free(p);
	store_feed_clear(&fd);
	return rc;
}

static const char sql_purge_old[] =
	"SELECT id FROM items WHERE feed_id = ?1 AND purged = 0 AND saved = 0 AND starred = 0 AND date < ?2";
static const char sql_purge_many[] =
	"SELECT id FROM items WHERE feed_id = ?1 AND purged = 0 AND saved = 0 AND starred = 0"
	" ORDER BY date DESC, id DESC LIMIT -1 OFFSET ?2";
static const char sql_purge_mark[] =
	"UPDATE items SET purged = 1, read = 1, summary = NULL, content = NULL WHERE id = ?";

/* Collects the ids a purge query returns. */
static int collect(struct store *s, const char *sql, long long feed_id, long long arg,
                   long long **ids, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, feed_id);
	sqlite3_bind_int64(st, 2, arg);
	int rc;
	size_t cap = *n; /* what earlier calls left: at least *n */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)ids, &cap, *n + 1, sizeof **ids)) {
			sqlite3_reset(st);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "applying retention", err, errlen);
}

int store_purge_feed(struct store *s, long long feed_id, const struct store_retention *r,
                     int *n_purged, char *err, size_t errlen)
{
	long long *ids = NULL;
	size_t n = 0;
	if ((r->days > 0 && collect(s, sql_purge_old, feed_id, (long long)time(NULL) - (long long)r->days * 86400,
	                            &ids, &n, err, errlen)) ||
	    (r->max_items > 0 && collect(s, sql_purge_many, feed_id, r->max_items, &ids, &n, err, errlen))) {
		free(ids);
		return -1;
	}
	int done = 0;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = store_stmt(s, sql_purge_mark, err, errlen);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			store_fail(s, "applying retention", err, errlen);
			goto fail;
		}
		if (!sqlite3_changes(s->db))
			continue;
		done++;
		if (store_article_delete(s, ids[i], err, errlen))
			goto fail;
	}
	free(ids);
	if (n_purged)
		*n_purged += done;
	return 0;
fail:
	free(ids);
	return -1;
}

int store_purge(struct store *s, long long feed_id, const struct store_retention *r,
                int *n_purged, char *err, size_t errlen)
{
	if (n_purged)
		*n_purged = 0;
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	if (feed_id) {
		if (store_purge_feed(s, feed_id, r, n_purged, err, errlen))
			goto fail;
		return store_tx_commit(s, err, errlen);
	}
	struct store_feed *fs;
	size_t n;
	if (store_feeds_list(s, &fs, &n, err, errlen))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if (store_purge_feed(s, fs[i].id, r, n_purged, err, errlen)) {
			store_feeds_free(fs, n);
			goto fail;
		}
	store_feeds_free(fs, n);
	return store_tx_commit(s, err, errlen);
fail:
	store_tx_rollback(s);
	return -1;
}
