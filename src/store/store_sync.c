/*
 * store_sync.c: what the store keeps for reading from an aggregator (Tiny
 * Tiny RSS, a Google Reader API server): which feeds are the aggregator's,
 * the queue of read/unread/star changes made here and not yet delivered, and
 * a few values of the sync itself. The aggregator's items are told from any
 * other item of the same feed (one the feeds file brought before) by their
 * guid, STORE_SYNC_GUID_PREFIX and the aggregator's id ("aggregator:1234").
 *
 * The tables are made on first use (store_sync_begin()) rather than by a
 * schema version, so a store that never syncs is unchanged. The queue is
 * filled by the database (triggers on items), so every writer, the TUI and
 * `dateline mark` alike, queues its changes without knowing about the sync;
 * the sync's own changes (store_sync_apply_state()) run under a marker row
 * the triggers see, inside one transaction, so they are never queued back.
 */
#include "store_int.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sql_tables[] =
	"CREATE TABLE IF NOT EXISTS sync_feeds(feed_id INTEGER PRIMARY KEY, remote TEXT NOT NULL UNIQUE);"
	"CREATE TABLE IF NOT EXISTS sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS sync_queue(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL,"
	" field INTEGER NOT NULL, value INTEGER NOT NULL, time INTEGER NOT NULL);"
	"CREATE TRIGGER IF NOT EXISTS sync_queue_read AFTER UPDATE OF read ON items"
	" WHEN NEW.read IS NOT OLD.read AND NEW.purged = 0 AND NEW.guid LIKE 'aggregator:%'"
	" AND NEW.feed_id IN (SELECT feed_id FROM sync_feeds)"
	" AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')"
	" BEGIN INSERT INTO sync_queue(item_id, field, value, time)"
	" VALUES (NEW.id, 0, NEW.read, CAST(strftime('%s', 'now') AS INTEGER)); END;"
	"CREATE TRIGGER IF NOT EXISTS sync_queue_star AFTER UPDATE OF starred ON items"
	" WHEN NEW.starred IS NOT OLD.starred AND NEW.purged = 0 AND NEW.guid LIKE 'aggregator:%'"
	" AND NEW.feed_id IN (SELECT feed_id FROM sync_feeds)"
	" AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')"
	" BEGIN INSERT INTO sync_queue(item_id, field, value, time)"
	" VALUES (NEW.id, 1, NEW.starred, CAST(strftime('%s', 'now') AS INTEGER)); END;";

static const char sql_state_get[] = "SELECT value FROM sync_state WHERE key = ?";
static const char sql_state_set[] =
	"INSERT INTO sync_state(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2";
static const char sql_state_del[] = "DELETE FROM sync_state WHERE key = ?";
/* the latest change of each (item, flag), with the item's id at the aggregator */
static const char sql_pending[] =
	"SELECT q.item_id, q.field, q.value, substr(i.guid, 12) FROM sync_queue q JOIN items i ON i.id = q.item_id"
	" WHERE q.id = (SELECT max(id) FROM sync_queue r WHERE r.item_id = q.item_id AND r.field = q.field)"
	" AND q.id <= ?1 AND i.guid LIKE 'aggregator:%' ORDER BY q.id";
static const char sql_queue_max[] = "SELECT coalesce(max(id), 0) FROM sync_queue";
static const char sql_delivered[] = "DELETE FROM sync_queue WHERE id <= ?1 AND item_id = ?2 AND field = ?3";
static const char sql_map_feed[] =
	"INSERT INTO sync_feeds(feed_id, remote) VALUES(?1, ?2) ON CONFLICT(feed_id) DO UPDATE SET remote = ?2";
static const char sql_unmap_feed[] = "DELETE FROM sync_feeds WHERE feed_id = ?";
static const char sql_remote_feeds[] = "SELECT feed_id, remote FROM sync_feeds";

int store_sync_get(struct store *s, const char *key, char **value, char *err, size_t errlen)
{
	*value = NULL;
	sqlite3_stmt *st = store_stmt(s, sql_state_get, err, errlen);
	if (!st)
		return -1;
	store_bind_text(st, 1, key);
	int rc = sqlite3_step(st), oom = 0;
	if (rc == SQLITE_ROW)
		*value = store_col_dup(st, 0, &oom);
	sqlite3_reset(st);
	if (oom) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, "reading the sync state", err, errlen);
}

int store_sync_set(struct store *s, const char *key, const char *value, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, value ? sql_state_set : sql_state_del, err, errlen);
	if (!st)
		return -1;
	store_bind_text(st, 1, key);
	if (value)
		store_bind_text(st, 2, value);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_fail(s, "writing the sync state", err, errlen);
	return 0;
}

int store_sync_begin(struct store *s, const char *source, char *err, size_t errlen)
{
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	if (sqlite3_exec(s->db, sql_tables, NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(s, "preparing the store for the aggregator", err, errlen);
		store_tx_rollback(s);
		return -1;
	}
	char *was = NULL;
	if (store_sync_get(s, "source", &was, err, errlen)) {
		store_tx_rollback(s);
		return -1;
	}
	if (was && strcmp(was, source)) {
		snprintf(err, errlen, "the store %s reads from %s, not %s: use another store (--db PATH) "
		         "for this aggregator", s->path, was, source);
		free(was);
		store_tx_rollback(s);
		return -1;
	}
	free(was);
	/* a sync that died while applying must not leave the queue switched off */
	if (store_sync_set(s, "applying", NULL, err, errlen)) {
		store_tx_rollback(s);
		return -1;
	}
	return store_tx_commit(s, err, errlen);
}

void store_sync_changes_free(struct store_sync_change *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++)
		free(c[i].remote);
	free(c);
}

int store_sync_pending(struct store *s, struct store_sync_change **out, size_t *n, long long *upto,
                       char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, sql_queue_max, err, errlen);
	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW)
		return store_fail(s, "reading the queue of changes", err, errlen);
	*upto = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (!(st = store_stmt(s, sql_pending, err, errlen)))
		return -1;
	sqlite3_bind_int64(st, 1, *upto);
	size_t cap = 0;
	int rc, oom = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !oom) {
		if (array_grow((void **)out, &cap, *n + 1, sizeof **out)) {
			oom = 1;
			break;
		}
		struct store_sync_change *c = &(*out)[*n];
		c->item_id = sqlite3_column_int64(st, 0);
		c->field = sqlite3_column_int(st, 1) ? STORE_SYNC_STAR : STORE_SYNC_READ;
		c->value = sqlite3_column_int(st, 2);
		c->remote = store_col_dup(st, 3, &oom);
		(*n)++;
	}
	sqlite3_reset(st);
	if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		store_sync_changes_free(*out, *n);
		*out = NULL;
		*n = 0;
		if (oom) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		return store_fail(s, "reading the queue of changes", err, errlen);
	}
	return 0;
}

int store_sync_delivered(struct store *s, const struct store_sync_change *c, size_t n, long long upto,
                         char *err, size_t errlen)
{
	if (!n)
		return 0;
	if (store_tx_begin(s, err, errlen))
		return -1;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = store_stmt(s, sql_delivered, err, errlen);
		if (!st) {
			store_tx_rollback(s);
			return -1;
		}
		sqlite3_bind_int64(st, 1, upto);
		sqlite3_bind_int64(st, 2, c[i].item_id);
		sqlite3_bind_int(st, 3, c[i].field == STORE_SYNC_STAR);
		if (sqlite3_step(st) != SQLITE_DONE) {
			store_fail(s, "emptying the queue of changes", err, errlen);
			store_tx_rollback(s);
			return -1;
		}
	}
	return store_tx_commit(s, err, errlen);
}

int store_sync_feed(struct store *s, const char *remote, const char *url, const char *title, const char *tags,
                    long long *feed_id, char *err, size_t errlen)
{
	if (store_tx_begin(s, err, errlen))
		return -1;
	if (store_feed_upsert(s, url, title, tags ? tags : "", feed_id, err, errlen)) {
		store_tx_rollback(s);
		return -1;
	}
	sqlite3_stmt *st = store_stmt(s, sql_map_feed, err, errlen);
	if (!st) {
		store_tx_rollback(s);
		return -1;
	}
	sqlite3_bind_int64(st, 1, *feed_id);
	store_bind_text(st, 2, remote);
	if (sqlite3_step(st) != SQLITE_DONE) {
		store_fail(s, "recording the aggregator's feed", err, errlen);
		store_tx_rollback(s);
		return -1;
	}
	return store_tx_commit(s, err, errlen);
}

static int in_list(const char *v, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v, list[i]))
			return 1;
	return 0;
}

int store_sync_feeds_keep(struct store *s, const char *const *remotes, size_t n, int *n_removed,
                          char *err, size_t errlen)
{
	*n_removed = 0;
	sqlite3_stmt *st = store_stmt(s, sql_remote_feeds, err, errlen);
	if (!st)
		return -1;
	long long *gone = NULL;
	size_t n_gone = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 1);
		if (r && in_list(r, remotes, n))
			continue;
		if (array_grow((void **)&gone, &cap, n_gone + 1, sizeof *gone)) {
			sqlite3_reset(st);
			free(gone);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		gone[n_gone++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(gone);
		return store_fail(s, "reading the aggregator's feeds", err, errlen);
	}
	for (size_t i = 0; i < n_gone; i++) {
		if (store_feed_delete(s, gone[i], err, errlen)) {
			free(gone);
			return -1;
		}
		sqlite3_stmt *del = store_stmt(s, sql_unmap_feed, err, errlen);
		if (del)
			sqlite3_bind_int64(del, 1, gone[i]);
		if (!del || sqlite3_step(del) != SQLITE_DONE) {
			free(gone);
			return store_fail(s, "forgetting a feed the aggregator dropped", err, errlen);
		}
		(*n_removed)++;
	}
	free(gone);
	return 0;
}

/* Fills temp table name with ids[0..n). */
static int fill_ids(struct store *s, const char *table, const char *const *ids, size_t n, char *err, size_t errlen)
{
	char sql[160];
	snprintf(sql, sizeof sql, "CREATE TEMP TABLE IF NOT EXISTS %s(remote TEXT PRIMARY KEY) WITHOUT ROWID;"
	         "DELETE FROM %s;", table, table);
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "reading the aggregator's state", err, errlen);
	snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO %s(remote) VALUES('" STORE_SYNC_GUID_PREFIX "' || ?)", table);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "reading the aggregator's state", err, errlen);
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(st);
		store_bind_text(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, "reading the aggregator's state", err, errlen);
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/*
 * The flags of every item of the synced feeds, from the aggregator's sets,
 * except on items with a change still queued: those were not delivered (the
 * aggregator could not be told), so they are newer than what it says.
 */
static const char sql_apply_read[] =
	"UPDATE items SET read = NOT EXISTS (SELECT 1 FROM temp.sync_unread u WHERE u.remote = items.guid)"
	" WHERE feed_id IN (SELECT feed_id FROM sync_feeds) AND purged = 0 AND guid LIKE 'aggregator:%'"
	" AND id NOT IN (SELECT item_id FROM sync_queue WHERE field = 0)"
	" AND read IS NOT (NOT EXISTS (SELECT 1 FROM temp.sync_unread u WHERE u.remote = items.guid))";
static const char sql_apply_star[] =
	"UPDATE items SET starred = EXISTS (SELECT 1 FROM temp.sync_starred u WHERE u.remote = items.guid)"
	" WHERE feed_id IN (SELECT feed_id FROM sync_feeds) AND purged = 0 AND guid LIKE 'aggregator:%'"
	" AND id NOT IN (SELECT item_id FROM sync_queue WHERE field = 1)"
	" AND starred IS NOT (EXISTS (SELECT 1 FROM temp.sync_starred u WHERE u.remote = items.guid))";

int store_sync_apply_state(struct store *s, const char *const *unread, size_t n_unread,
                           const char *const *starred, size_t n_starred, struct store_sync_stats *stats,
                           char *err, size_t errlen)
{
	memset(stats, 0, sizeof *stats);
	if (store_tx_begin(s, err, errlen))
		return -1;
	if (store_sync_set(s, "applying", "1", err, errlen) ||
	    fill_ids(s, "sync_unread", unread, n_unread, err, errlen) ||
	    fill_ids(s, "sync_starred", starred, n_starred, err, errlen))
		goto fail;
	if (sqlite3_exec(s->db, sql_apply_read, NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(s, "applying the aggregator's read state", err, errlen);
		goto fail;
	}
	stats->read_changed = sqlite3_changes(s->db);
	if (sqlite3_exec(s->db, sql_apply_star, NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(s, "applying the aggregator's stars", err, errlen);
		goto fail;
	}
	stats->star_changed = sqlite3_changes(s->db);
	if (store_sync_set(s, "applying", NULL, err, errlen))
		goto fail;
	return store_tx_commit(s, err, errlen);
fail:
	store_tx_rollback(s);
	return -1;
}

int store_sync_queued(struct store *s, long long *n, char *err, size_t errlen)
{
	*n = 0;
	sqlite3_stmt *st;
	/* a store that never synced has no queue: nothing is waiting */
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM (SELECT DISTINCT item_id, field FROM sync_queue)", -1,
	                       &st, NULL) != SQLITE_OK)
		return 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_fail(s, "reading the queue of changes", err, errlen);
}
