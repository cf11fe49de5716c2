/*
 * store_schema.c: the schema, versioned with PRAGMA user_version, and its
 * forward migrations, one transaction each.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

/* "DLNE": tells a dateline store from any other SQLite file. */
#define STORE_APP_ID 0x444c4e45

/*
 * Version 1: feeds, items, articles with their sections, quotes, entities,
 * mentions, links, and the article text index. Kept verbatim: migrations
 * start from it, and the tests build a version-1 file from it.
 */
static const char schema_v1[] =
	"CREATE TABLE feeds(id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, tags TEXT,"
	" etag TEXT, last_modified TEXT, last_status INTEGER NOT NULL DEFAULT 0, last_error TEXT,"
	" last_refresh INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items(id INTEGER PRIMARY KEY, feed_id INTEGER, guid TEXT, link TEXT, title TEXT,"
	" author TEXT, published TEXT, updated TEXT, summary TEXT, content TEXT, hash TEXT,"
	" date INTEGER NOT NULL, added INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0,"
	" starred INTEGER NOT NULL DEFAULT 0, purged INTEGER NOT NULL DEFAULT 0, UNIQUE(feed_id, guid));"
	"CREATE INDEX items_feed_date ON items(feed_id, date);"
	"CREATE TABLE articles(item_id INTEGER PRIMARY KEY, source TEXT, url TEXT, site TEXT,"
	" headline TEXT, headline_derived INTEGER NOT NULL DEFAULT 0, byline TEXT, published TEXT,"
	" has_dateline INTEGER NOT NULL DEFAULT 0, dl_place TEXT, dl_date TEXT, dl_agency TEXT,"
	" dl_raw TEXT, body TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE sections(item_id INTEGER NOT NULL, pos INTEGER NOT NULL, heading TEXT,"
	" lens TEXT NOT NULL, PRIMARY KEY(item_id, pos)) WITHOUT ROWID;"
	"CREATE TABLE quotes(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, pos INTEGER NOT NULL,"
	" text TEXT NOT NULL, speaker TEXT, cue TEXT, partial INTEGER NOT NULL DEFAULT 0,"
	" section INTEGER NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL,"
	" end INTEGER NOT NULL, end_paragraph INTEGER NOT NULL);"
	"CREATE INDEX quotes_item ON quotes(item_id, pos);"
	"CREATE TABLE entities(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, pos INTEGER NOT NULL,"
	" name TEXT NOT NULL, type INTEGER NOT NULL, role TEXT);"
	"CREATE INDEX entities_item ON entities(item_id, pos);"
	"CREATE TABLE aliases(entity_id INTEGER NOT NULL, pos INTEGER NOT NULL, alias TEXT NOT NULL,"
	" PRIMARY KEY(entity_id, pos)) WITHOUT ROWID;"
	"CREATE TABLE mentions(entity_id INTEGER NOT NULL, pos INTEGER NOT NULL, section INTEGER NOT NULL,"
	" paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
	" PRIMARY KEY(entity_id, pos)) WITHOUT ROWID;"
	"CREATE TABLE links(item_id INTEGER NOT NULL, pos INTEGER NOT NULL, url TEXT NOT NULL, text TEXT,"
	" PRIMARY KEY(item_id, pos)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(headline, byline, body,"
	" content='articles', content_rowid='item_id');";

/*
 * Version 2: saved items and full-page flags, quote counts, the quotation
 * index (speaker as a column), the indexes the lists and retention need.
 */
static const char migrate_v2[] =
	"ALTER TABLE items ADD COLUMN saved INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN full INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN n_quotes INTEGER NOT NULL DEFAULT 0;"
	"UPDATE items SET n_quotes = (SELECT count(*) FROM quotes q WHERE q.item_id = items.id);"
	"CREATE INDEX items_date ON items(date);"
	"CREATE INDEX items_link ON items(link);"
	"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id');"
	"INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');";

/*
 * Version 3: date-ordered keys. An article's text-index row and its
 * quotations are numbered (item date << 20) + n, so "newest first" is the
 * indexes' own order and a search stops after the rows it shows instead of
 * sorting every match (fast at any size); prefix indexes on the quotation
 * index for type-ahead; the settings table (retention); and a count of each
 * feed's refreshes, so that of two refreshes running at once the one that
 * commits second does not mix an older fetch into the newer one.
 */
static const char migrate_v3[] =
	"DROP TABLE articles_fts;"
	"ALTER TABLE articles RENAME TO articles_v2;"
	"CREATE TABLE articles(doc INTEGER PRIMARY KEY, item_id INTEGER NOT NULL UNIQUE, source TEXT, url TEXT,"
	" site TEXT, headline TEXT, headline_derived INTEGER NOT NULL DEFAULT 0, byline TEXT, published TEXT,"
	" has_dateline INTEGER NOT NULL DEFAULT 0, dl_place TEXT, dl_date TEXT, dl_agency TEXT, dl_raw TEXT,"
	" body TEXT NOT NULL DEFAULT '');"
	"INSERT INTO articles SELECT (max(i.date, 0) << 20) + row_number() OVER (PARTITION BY i.date ORDER BY a.item_id) - 1,"
	" a.item_id, a.source, a.url, a.site, a.headline, a.headline_derived, a.byline, a.published, a.has_dateline,"
	" a.dl_place, a.dl_date, a.dl_agency, a.dl_raw, a.body FROM articles_v2 a JOIN items i ON i.id = a.item_id;"
	"DROP TABLE articles_v2;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(headline, byline, body, content='articles', content_rowid='doc');"
	"INSERT INTO articles_fts(articles_fts) VALUES('rebuild');"
	"DROP TABLE quotes_fts;"
	"ALTER TABLE quotes RENAME TO quotes_v2;"
	"DROP INDEX quotes_item;"
	"CREATE TABLE quotes(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, pos INTEGER NOT NULL,"
	" text TEXT NOT NULL, speaker TEXT, cue TEXT, partial INTEGER NOT NULL DEFAULT 0,"
	" section INTEGER NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL,"
	" end INTEGER NOT NULL, end_paragraph INTEGER NOT NULL);"
	"INSERT INTO quotes SELECT (max(i.date, 0) << 20) + row_number() OVER (PARTITION BY i.date ORDER BY q.item_id, q.pos DESC) - 1,"
	" q.item_id, q.pos, q.text, q.speaker, q.cue, q.partial, q.section, q.paragraph, q.start, q.end, q.end_paragraph"
	" FROM quotes_v2 q JOIN items i ON i.id = q.item_id;"
	"DROP TABLE quotes_v2;"
	"CREATE INDEX quotes_item ON quotes(item_id, pos);"
	/* prefix indexes: a type-ahead word of up to 4 characters reads one list instead of merging many */
	"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id',"
	" prefix='1 2 3 4');"
	"INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');"
	"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"ALTER TABLE feeds ADD COLUMN refresh_seq INTEGER NOT NULL DEFAULT 1;";

/*
 * Version 4: covering indexes for the counts the Feeds screen shows (total and
 * unread per feed, and the "All unread" / "Saved" / "Starred" entries), so they
 * are read from the index instead of from every item row: the first screen on
 * 100,000 articles went from the better part of a second to milliseconds.
 */
static const char migrate_v4[] =
	"CREATE INDEX IF NOT EXISTS items_feed_state ON items(feed_id, purged, read);"
	"CREATE INDEX IF NOT EXISTS items_state ON items(purged, read, starred, saved, feed_id);";

/*
 * Version 5: browsable first, analysed after. Items carry whether their
 * article has been through the analysis (everything stored before was), so
 * a refresh commits text and index first and the analysis catches up, and
 * resumes after an interruption. Each feed keeps its item and unread counts,
 * kept right by triggers, and the saved and starred have partial indexes of
 * their own, so the Feeds screen's counts cost the same at any store size. A feed item's text is stored once: its article holds it, the
 * feed's copy of it (summary, content) is kept only for items without one.
 */
static const char migrate_v5[] =
	"ALTER TABLE items ADD COLUMN analysed INTEGER NOT NULL DEFAULT 1;"
	"CREATE INDEX items_pending ON items(id) WHERE analysed = 0 AND purged = 0;"
	"ALTER TABLE feeds ADD COLUMN n_items INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN n_unread INTEGER NOT NULL DEFAULT 0;"
	"UPDATE feeds SET n_items = (SELECT count(*) FROM items i WHERE i.feed_id = feeds.id AND i.purged = 0),"
	" n_unread = (SELECT count(*) FROM items i WHERE i.feed_id = feeds.id AND i.purged = 0 AND i.read = 0);"
	"CREATE TRIGGER items_count_ins AFTER INSERT ON items WHEN new.feed_id IS NOT NULL BEGIN"
	" UPDATE feeds SET n_items = n_items + (new.purged = 0), n_unread = n_unread + (new.purged = 0 AND new.read = 0)"
	" WHERE id = new.feed_id; END;"
	"CREATE TRIGGER items_count_del AFTER DELETE ON items WHEN old.feed_id IS NOT NULL BEGIN"
	" UPDATE feeds SET n_items = n_items - (old.purged = 0), n_unread = n_unread - (old.purged = 0 AND old.read = 0)"
	" WHERE id = old.feed_id; END;"
	"CREATE TRIGGER items_count_upd AFTER UPDATE OF purged, read, feed_id ON items"
	" WHEN old.purged IS NOT new.purged OR old.read IS NOT new.read OR old.feed_id IS NOT new.feed_id BEGIN"
	" UPDATE feeds SET n_items = n_items - (old.purged = 0), n_unread = n_unread - (old.purged = 0 AND old.read = 0)"
	" WHERE id = old.feed_id;"
	" UPDATE feeds SET n_items = n_items + (new.purged = 0), n_unread = n_unread + (new.purged = 0 AND new.read = 0)"
	" WHERE id = new.feed_id; END;"
	"CREATE INDEX items_saved ON items(feed_id) WHERE saved = 1 AND purged = 0;"
	"CREATE INDEX items_starred ON items(feed_id) WHERE starred = 1 AND purged = 0;"
	"UPDATE items SET summary = NULL, content = NULL"
	" WHERE (summary IS NOT NULL OR content IS NOT NULL) AND id IN (SELECT item_id FROM articles WHERE body <> '');";

/*
 * Version 6: the unread in date order, on their own. "All unread" read every
 * item of the date index to find them (0.4 s at 1,000,000 articles with
 * 2,000 unread); this index holds just the unread, newest last, so the list
 * costs what it shows whether few items or all of them are unread.
 */
static const char migrate_v6[] =
	"CREATE INDEX IF NOT EXISTS items_unread ON items(date, id) WHERE read = 0 AND purged = 0;";

/*
 * Version 7: a smaller quotation index, chosen by measurement (bench/store_size.sh on the
 * full-text refresh: 100 feeds x 50 articles, 31 MB of feeds). Its prefix indexes 1-4 were
 * 18.6 MB of a 74.6 MB store. A prefix index is kept where the type-ahead needs one:
 * 2 and 3 characters, which without an index merge every matching word's list (a 2-letter
 * prefix 100 ms at 1,000,000 articles, with one 0.5 ms); a longer prefix matches few words
 * and is cheap without (4 letters: 2 ms), and a 1-letter one is not searched (it waits for the
 * second letter). Quote search never ranks, so no column sizes (columnsize=0: 0.7 MB).
 * detail=full stays: quote search takes "phrases", and a literal "U.S." is a phrase too.
 * And a quotation's text is stored once: a quotation the body holds byte for
 * byte keeps only its offset there (at); the view quotes_text gives every
 * quotation's text, and the index reads its content through it. Rows written
 * before keep their text (at NULL).
 */
static const char migrate_v7[] =
	"DROP TABLE quotes_fts;"
	"ALTER TABLE quotes ADD COLUMN at INTEGER;"
	"CREATE VIEW quotes_text(id, text, speaker) AS SELECT q.id, CASE WHEN q.at IS NULL THEN q.text"
	" ELSE CAST(substr(CAST(a.body AS BLOB), q.at + 1, q.end - q.start) AS TEXT) END, q.speaker"
	" FROM quotes q LEFT JOIN articles a ON a.item_id = q.item_id;"
	"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes_text', content_rowid='id',"
	" prefix='2 3', columnsize=0);"
	"INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');";

static const char *const migrations[] = {schema_v1, migrate_v2, migrate_v3, migrate_v4, migrate_v5, migrate_v6,
                                         migrate_v7};

static int pragma_int(struct store *s, const char *sql, int *v, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "reading the store", err, errlen);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "reading the store", err, errlen);
	return 0;
}

/* Brings the schema from version `from` to STORE_SCHEMA_VERSION, one transaction per step. */
static int migrate(struct store *s, int from, char *err, size_t errlen)
{
	for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
		char sql[64], what[64];
		snprintf(what, sizeof what, "upgrading the store to version %d", v + 1);
		if (store_tx_begin(s, err, errlen))
			return -1;
		int cur;
		/* another process may have migrated while we waited for the lock */
		if (pragma_int(s, "PRAGMA user_version", &cur, err, errlen)) {
			store_tx_rollback(s);
			return -1;
		}
		if (cur > v) {
			store_tx_commit(s, err, errlen);
			v = cur - 1;
			continue;
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if (sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
		    (v == 0 && sqlite3_exec(s->db, "PRAGMA application_id = 1145851461", NULL, NULL, NULL) != SQLITE_OK)) {
			store_fail(s, what, err, errlen);
			store_tx_rollback(s);
			return -1;
		}
		if (store_tx_commit(s, err, errlen))
			return -1;
	}
	return 0;
}

int store_schema_check(struct store *s, char *err, size_t errlen)
{
	int version, app, tables;
	/* one snapshot: another process may be creating the store this very moment */
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "reading the store", err, errlen);
	int rc = pragma_int(s, "PRAGMA user_version", &version, err, errlen) ||
	         pragma_int(s, "PRAGMA application_id", &app, err, errlen) ||
	         pragma_int(s, "SELECT count(*) FROM sqlite_master", &tables, err, errlen);
	int code = sqlite3_extended_errcode(s->db) & 0xff;
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc) /* -2: could not even read for want of write access (a WAL store's -shm) */
		return code == SQLITE_READONLY || code == SQLITE_CANTOPEN ? -2 : -1;
	if ((app && app != STORE_APP_ID) || (!version && tables)) {
		snprintf(err, errlen, "%s is an SQLite database but not a dateline store; dateline leaves it "
		         "untouched (choose another file with --db)", s->path);
		return -1;
	}
	if (version > STORE_SCHEMA_VERSION) {
		snprintf(err, errlen, "the store %s was written by a newer dateline (schema %d, this one knows %d): "
		         "upgrade dateline", s->path, version, STORE_SCHEMA_VERSION);
		return -1;
	}
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (s->readonly) {
		snprintf(err, errlen, "the store %s has an older schema (%d) and was opened read-only: "
		         "run any dateline command that writes to upgrade it", s->path, version);
		return -1;
	}
	return migrate(s, version, err, errlen);
}

