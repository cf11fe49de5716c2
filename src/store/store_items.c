/* store_items.c: item lists, flags, and the dates they are ordered by. */
#include "store_int.h"
#include "base.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ITEM_COLS "i.id, coalesce(i.feed_id, 0), coalesce(f.title, f.url), i.guid, i.link, i.title, i.author," \
	" i.published, i.date, i.read, i.starred, i.saved, i.full, i.n_quotes"
/*
 * One statement per filter shape keeps each one's plan on the right index.
 * The unary + on purged keeps the count indexes (items_state,
 * items_feed_state) out of these plans: newest first must walk a date index
 * and stop after LIMIT rows, not collect every match and sort it.
 */
static const char sql_list[] =
	"SELECT " ITEM_COLS " FROM items i LEFT JOIN feeds f ON f.id = i.feed_id"
	" WHERE +i.purged = 0 AND (?1 = 0 OR i.read = 0) AND (?2 = 0 OR i.saved = 1) AND (?3 = 0 OR i.starred = 1)"
	" AND (i.date, i.id) < (?7, ?8) ORDER BY i.date DESC, i.id DESC LIMIT ?5 OFFSET ?6";
static const char sql_list_feed[] =
	"SELECT " ITEM_COLS " FROM items i LEFT JOIN feeds f ON f.id = i.feed_id"
	" WHERE i.feed_id = ?4 AND +i.purged = 0 AND (?1 = 0 OR i.read = 0) AND (?2 = 0 OR i.saved = 1)"
	" AND (?3 = 0 OR i.starred = 1) AND (i.date, i.id) < (?7, ?8) ORDER BY i.date DESC, i.id DESC LIMIT ?5 OFFSET ?6";
/* every unread item (no other filter): from the unread's own index (schema 6), newest first */
static const char sql_list_unread[] =
	"SELECT " ITEM_COLS " FROM items i INDEXED BY items_unread LEFT JOIN feeds f ON f.id = i.feed_id"
	" WHERE i.read = 0 AND i.purged = 0 AND (i.date, i.id) < (?7, ?8) ORDER BY i.date DESC, i.id DESC LIMIT ?5 OFFSET ?6";
static const char sql_item_get[] =
	"SELECT " ITEM_COLS " FROM items i LEFT JOIN feeds f ON f.id = i.feed_id WHERE i.id = ? AND i.purged = 0";

static int item_row(sqlite3_stmt *st, struct store_item *it)
{
	int oom = 0;
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->feed_id = sqlite3_column_int64(st, 1);
	it->feed_title = store_col_dup(st, 2, &oom);
	it->guid = store_col_dup(st, 3, &oom);
	it->link = store_col_dup(st, 4, &oom);
	it->title = store_col_dup(st, 5, &oom);
	it->author = store_col_dup(st, 6, &oom);
	it->published = store_col_dup(st, 7, &oom);
	it->date = sqlite3_column_int64(st, 8);
	it->read = sqlite3_column_int(st, 9);
	it->starred = sqlite3_column_int(st, 10);
	it->saved = sqlite3_column_int(st, 11);
	it->full = sqlite3_column_int(st, 12);
	it->n_quotes = sqlite3_column_int(st, 13);
	return oom ? -1 : 0;
}

void store_items_free(struct store_item *items, size_t n)
{
	for (size_t i = 0; items && i < n; i++) {
		free(items[i].feed_title);
		free(items[i].guid);
		free(items[i].link);
		free(items[i].title);
		free(items[i].author);
		free(items[i].published);
	}
	free(items);
}

/* Runs a prepared item query, collecting its rows. */
static int collect_items(struct store *s, sqlite3_stmt *st, struct store_item **out, size_t *n,
                         char *err, size_t errlen)
{
	struct store_item *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)&arr, &cap, cnt + 1, sizeof *arr))
			goto oom;
		if (item_row(st, &arr[cnt++]))
			goto oom;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_items_free(arr, cnt);
		return store_fail(s, "listing items", err, errlen);
	}
	*out = arr;
	*n = cnt;
	return 0;
oom:
	sqlite3_reset(st);
	store_items_free(arr, cnt);
	snprintf(err, errlen, "out of memory");
	return -1;
}

int store_items_list(struct store *s, const struct store_list_opts *o, struct store_item **out,
                     size_t *n, char *err, size_t errlen)
{
	return store_items_list_after(s, o, NULL, out, n, err, errlen);
}

int store_items_list_after(struct store *s, const struct store_list_opts *o, const struct store_item *after,
                           struct store_item **out, size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	const char *sql = o->feed_id ? sql_list_feed : o->flags == STORE_LIST_UNREAD ? sql_list_unread : sql_list;
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, !!(o->flags & STORE_LIST_UNREAD));
	sqlite3_bind_int(st, 2, !!(o->flags & STORE_LIST_SAVED));
	sqlite3_bind_int(st, 3, !!(o->flags & STORE_LIST_STARRED));
	sqlite3_bind_int64(st, 4, o->feed_id);
	sqlite3_bind_int64(st, 5, o->limit ? (long long)o->limit : -1);
	sqlite3_bind_int64(st, 6, (long long)o->offset);
	/* (date, id) below a bound: a range on the date indexes, not a filter over the rows before it */
	sqlite3_bind_int64(st, 7, after ? after->date : LLONG_MAX);
	sqlite3_bind_int64(st, 8, after ? after->id : LLONG_MAX);
	return collect_items(s, st, out, n, err, errlen);
}

static const char sql_count[] =
	"SELECT count(*) FROM items i WHERE i.purged = 0 AND (?4 = 0 OR i.feed_id = ?4) AND (?1 = 0 OR i.read = 0)"
	" AND (?2 = 0 OR i.saved = 1) AND (?3 = 0 OR i.starred = 1)";
/* the saved and the starred are few: their partial indexes (schema 5) hold just them */
static const char sql_count_saved[] =
	"SELECT count(*) FROM items i INDEXED BY items_saved WHERE i.saved = 1 AND i.purged = 0 AND (?4 = 0 OR i.feed_id = ?4)"
	" AND (?1 = 0 OR i.read = 0) AND (?3 = 0 OR i.starred = 1)";
static const char sql_count_starred[] =
	"SELECT count(*) FROM items i INDEXED BY items_starred WHERE i.starred = 1 AND i.purged = 0 AND (?4 = 0 OR i.feed_id = ?4)"
	" AND (?1 = 0 OR i.read = 0)";
/* all items, or the unread: the feeds' kept counts, and the few saved on their own */
static const char sql_count_kept[] =
	"SELECT (SELECT coalesce(sum(CASE WHEN ?1 THEN n_unread ELSE n_items END), 0) FROM feeds WHERE ?4 = 0 OR id = ?4)"
	" + (SELECT count(*) FROM items WHERE ?4 = 0 AND feed_id IS NULL AND purged = 0 AND (?1 = 0 OR read = 0))";

int store_items_count(struct store *s, const struct store_list_opts *o, long long *n, char *err, size_t errlen)
{
	*n = 0;
	const char *sql = o->flags & STORE_LIST_SAVED ? sql_count_saved
	                : o->flags & STORE_LIST_STARRED ? sql_count_starred
	                : !(o->flags & ~STORE_LIST_UNREAD) ? sql_count_kept : sql_count;
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	if (!st)
		return -1;
	/* every statement numbers its parameters alike (?4 the highest): the unused bind harmlessly */
	sqlite3_bind_int(st, 1, !!(o->flags & STORE_LIST_UNREAD));
	sqlite3_bind_int(st, 2, !!(o->flags & STORE_LIST_SAVED));
	sqlite3_bind_int(st, 3, !!(o->flags & STORE_LIST_STARRED));
	sqlite3_bind_int64(st, 4, o->feed_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : store_fail(s, "counting items", err, errlen);
}

int store_item_get(struct store *s, long long id, struct store_item **out, char *err, size_t errlen)
{
	size_t n;
	*out = NULL;
	sqlite3_stmt *st = store_stmt(s, sql_item_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (collect_items(s, st, out, &n, err, errlen))
		return -1;
	if (!n) {
		free(*out);
		*out = NULL;
		snprintf(err, errlen, "no item %lld in the store (see dateline list)", id);
		return -1;
	}
	return 0;
}

static const char *const mark_sql[] = {
	[STORE_MARK_READ] = "UPDATE items SET read = 1 WHERE id = ? AND purged = 0",
	[STORE_MARK_UNREAD] = "UPDATE items SET read = 0 WHERE id = ? AND purged = 0",
	[STORE_MARK_STAR] = "UPDATE items SET starred = 1 WHERE id = ? AND purged = 0",
	[STORE_MARK_UNSTAR] = "UPDATE items SET starred = 0 WHERE id = ? AND purged = 0",
	[STORE_MARK_SAVE] = "UPDATE items SET saved = 1 WHERE id = ? AND purged = 0",
	[STORE_MARK_UNSAVE] = "UPDATE items SET saved = 0 WHERE id = ? AND purged = 0",
};

int store_item_mark(struct store *s, long long id, enum store_mark m, char *err, size_t errlen)
{
	if ((unsigned)m >= sizeof mark_sql / sizeof *mark_sql) {
		snprintf(err, errlen, "unknown mark");
		return -1;
	}
	if (store_writable(s, err, errlen))
		return -1;
	sqlite3_stmt *st = store_stmt(s, mark_sql[m], err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "marking the item", err, errlen);
	if (!sqlite3_changes(s->db)) {
		snprintf(err, errlen, "no item %lld in the store (see dateline list)", id);
		return -1;
	}
	return 0;
}

/*
 * Each from an index: one feed's items (feed_id leads items_feed_state), or every
 * unread (the unread's own index, then the purged ones, which keep their
 * flag too). One statement with "?1 = 0 OR feed_id = ?1" read every item of
 * the store even for one feed: a quarter of a second at 1,000,000 articles.
 */
static const char sql_feed_read[] = "UPDATE items SET read = 1 WHERE feed_id = ?1 AND read = 0";
static const char sql_all_read[] = "UPDATE items INDEXED BY items_unread SET read = 1 WHERE read = 0 AND purged = 0";
static const char sql_all_read_purged[] = "UPDATE items SET read = 1 WHERE purged > 0 AND read = 0";

static int run_mark(struct store *s, const char *sql, long long feed_id, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	if (!st)
		return -1;
	if (feed_id)
		sqlite3_bind_int64(st, 1, feed_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "marking items read", err, errlen);
}

int store_mark_all_read(struct store *s, long long feed_id, char *err, size_t errlen)
{
	if (store_writable(s, err, errlen))
		return -1;
	if (feed_id)
		return run_mark(s, sql_feed_read, feed_id, err, errlen);
	if (store_tx_begin(s, err, errlen))
		return -1;
	if (run_mark(s, sql_all_read, 0, err, errlen) || run_mark(s, sql_all_read_purged, 0, err, errlen)) {
		store_tx_rollback(s);
		return -1;
	}
	return store_tx_commit(s, err, errlen);
}

struct moment store_moment(const char *iso)
{
	struct date_fields t;
	struct moment m = MOMENT_UNKNOWN;
	if (iso && !calendar_iso_read(iso, &t) && !calendar_fields_time(&t, &m.time))
		m.precision = t.precision;
	return m;
}

int store_parse_date(const char *s, long long *t)
{
	if (!s || !*s)
		return -1;
	char *end;
	long n = strtol(s, &end, 10);
	if (end != s && n >= 0 && end[0] && !end[1] && strchr("dwmy", end[0])) {
		long days = end[0] == 'd' ? 1 : end[0] == 'w' ? 7 : end[0] == 'm' ? 30 : 365;
		*t = (long long)time(NULL) - (long long)n * days * 86400;
		return 0;
	}
	struct moment m = store_moment(s);
	if (!moment_known(m))
		return -1;
	*t = m.time;
	return 0;
}
