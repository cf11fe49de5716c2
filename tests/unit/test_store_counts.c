/*
 * test_store_counts.c: the per-feed item and unread counts kept by the
 * store (schema 5) agree with counting the items after every kind of
 * change, and the migrations from schemas 4 and 6 keep every article, read
 * flag and saved item.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "pipeline.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_testlib.h"

static long long q1(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void exec(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *m = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &m);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s\n", m ? m : "?");
	sqlite3_free(m);
	sqlite3_close(db);
	assert_int_equal(rc, SQLITE_OK);
}

/* A feed of n items numbered from first, each with a paragraph of text. */
static struct feed *feed_of(int first, int n)
{
	struct feed *f = feed_new();
	assert_non_null(f);
	for (int i = first; i < first + n; i++) {
		struct feed_item *it = feed_add_item(f);
		char buf[160];
		assert_non_null(it);
		snprintf(buf, sizeof buf, "urn:%d", i);
		assert_int_equal(feed_set(&it->id, buf), 0);
		snprintf(buf, sizeof buf, "Story %d", i);
		assert_int_equal(feed_set(&it->title, buf), 0);
		snprintf(buf, sizeof buf, "https://example.org/%d", i);
		assert_int_equal(feed_set(&it->link, buf), 0);
		snprintf(buf, sizeof buf, "2025-03-%02dT10:00:00Z", 1 + i % 28);
		assert_int_equal(item_set_published(it, buf), 0);
		snprintf(buf, sizeof buf, "The council met about story %d. \"We agree,\" said Jane Smith.", i);
		assert_int_equal(feed_set(&it->summary, buf), 0);
	}
	return f;
}

/* Every feed's kept counts equal the counts of its items. */
static void assert_counts_right(struct store *s)
{
	struct store_feed *f;
	size_t n;
	assert_int_equal(store_feeds_list(s, &f, &n, err, sizeof err), 0);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM items WHERE feed_id = %lld AND purged = 0", f[i].id);
		assert_int_equal(f[i].n_items, q1(sql));
		snprintf(sql, sizeof sql, "SELECT count(*) FROM items WHERE feed_id = %lld AND purged = 0 AND read = 0",
		         f[i].id);
		assert_int_equal(f[i].n_unread, q1(sql));
	}
	store_feeds_free(f, n);
	/* the counts of "All", "All unread", "Saved", "Starred" and of one feed's lists, as the lists have them */
	static const int flag_sets[] = {0, STORE_LIST_UNREAD, STORE_LIST_SAVED, STORE_LIST_STARRED,
	                                 STORE_LIST_SAVED | STORE_LIST_UNREAD, STORE_LIST_STARRED | STORE_LIST_UNREAD};
	for (size_t i = 0; i < sizeof flag_sets / sizeof *flag_sets; i++)
		for (long long feed = 0; feed <= 1; feed++) {
			struct store_list_opts o = {flag_sets[i], feed, 0, 0};
			struct store_item *items;
			size_t listed;
			long long counted;
			assert_int_equal(store_items_list(s, &o, &items, &listed, err, sizeof err), 0);
			/* "All unread" reads its own index (schema 6): the very items, newest first, as a filter gives */
			for (size_t k = 0; flag_sets[i] == STORE_LIST_UNREAD && !feed && k < listed; k++) {
				char sql[200];
				snprintf(sql, sizeof sql, "SELECT id FROM items WHERE read = 0 AND purged = 0"
				         " ORDER BY date DESC, id DESC LIMIT 1 OFFSET %zu", k);
				assert_int_equal(items[k].id, q1(sql));
			}
			/* read in parts of 3, each after the last item of the one before: the same list */
			struct store_list_opts part = o;
			part.limit = 3;
			size_t got = 0;
			for (;;) {
				struct store_item *p;
				size_t np;
				assert_int_equal(store_items_list_after(s, &part, got ? &items[got - 1] : NULL, &p, &np,
				                                        err, sizeof err), 0);
				assert_true(got + np <= listed);
				for (size_t k = 0; k < np; k++)
					assert_int_equal(p[k].id, items[got + k].id);
				got += np;
				store_items_free(p, np);
				if (np < part.limit)
					break;
			}
			assert_int_equal(got, listed);
			store_items_free(items, listed);
			assert_int_equal(store_items_count(s, &o, &counted, err, sizeof err), 0);
			assert_int_equal(counted, (long long)listed);
		}
}

static long long add_feed(struct store *s, const char *url, int first, int n)
{
	long long id;
	assert_int_equal(store_feed_upsert(s, url, NULL, NULL, &id, err, sizeof err), 0);
	struct feed *f = feed_of(first, n);
	assert_int_equal(store_apply_feed(s, id, f, NULL, &ingest_item_reader, NULL, err, sizeof err), 0);
	feed_free(f);
	return id;
}

static void test_counts_follow_changes(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	long long a = add_feed(s, "https://example.org/a.xml", 0, 20);
	long long b = add_feed(s, "https://example.org/b.xml", 100, 5);
	assert_counts_right(s);
	struct store_feed fa;
	assert_int_equal(store_feed_get(s, a, &fa, err, sizeof err), 0);
	assert_int_equal(fa.n_items, 20);
	assert_int_equal(fa.n_unread, 20);
	store_feed_clear(&fa);
	/* read, unread again, all read */
	struct store_list_opts o = {0, a, 3, 0};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(store_item_mark(s, items[i].id, STORE_MARK_READ, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, items[0].id, STORE_MARK_READ, err, sizeof err), 0); /* twice */
	assert_int_equal(store_item_mark(s, items[1].id, STORE_MARK_UNREAD, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, items[1].id, STORE_MARK_STAR, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, items[2].id, STORE_MARK_SAVE, err, sizeof err), 0);
	store_items_free(items, n);
	assert_counts_right(s);
	struct article *own = article_new();
	assert_non_null(own);
	assert_int_equal(article_set(&own->url, "https://example.org/own", 22), 0);
	long long own_id;
	assert_int_equal(store_save_article(s, own, &own_id, err, sizeof err), 0); /* an item of no feed */
	article_free(own);
	assert_counts_right(s);
	assert_int_equal(store_mark_all_read(s, b, err, sizeof err), 0);
	assert_counts_right(s);
	/* a refresh that adds and changes items, retention that purges some */
	struct feed *f = feed_of(15, 10);
	assert_int_equal(feed_set(&f->items[0].summary, "Changed text."), 0);
	assert_int_equal(store_apply_feed(s, a, f, NULL, NULL, NULL, err, sizeof err), 0);
	feed_free(f);
	assert_counts_right(s);
	struct store_retention r = {0, 8};
	int purged;
	assert_int_equal(store_purge(s, 0, &r, &purged, err, sizeof err), 0);
	assert_true(purged > 0);
	assert_counts_right(s);
	/* everything read at once (each part from its index), the purged too, as one statement did */
	exec("UPDATE items SET read = 0 WHERE id = (SELECT min(id) FROM items WHERE purged = 1)");
	assert_int_equal(q1("SELECT count(*) FROM items WHERE purged = 1 AND read = 0"), 1);
	assert_true(q1("SELECT count(*) FROM items WHERE purged = 0 AND read = 0") > 0);
	assert_int_equal(store_mark_all_read(s, 0, err, sizeof err), 0);
	assert_int_equal(q1("SELECT count(*) FROM items WHERE read = 0"), 0);
	assert_counts_right(s);
	/* a feed removed; the other keeps its counts */
	assert_int_equal(store_feed_delete(s, b, err, sizeof err), 0);
	assert_counts_right(s);
	store_close(s);
}

/*
 * Schema 6 as it was: every quotation's text in its row, the quotation index
 * over the quotes table with prefix indexes 1 to 4. Made from a schema 7 store.
 */
static void make_v6(void)
{
	exec("DROP TABLE quotes_fts;"
	     "UPDATE quotes SET text = (SELECT text FROM quotes_text t WHERE t.id = quotes.id) WHERE at IS NOT NULL;"
	     "DROP VIEW quotes_text;"
	     "ALTER TABLE quotes DROP COLUMN at;"
	     "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id',"
	     " prefix='1 2 3 4');"
	     "INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');"
	     "PRAGMA user_version = 6;");
}

/*
 * Schema 4 as it was: no analysed flag, no kept counts, the feed's text
 * beside the article's. Made from a schema 6 store by taking those away.
 */
static void make_v4(void)
{
	make_v6();
	exec("DROP TRIGGER items_count_ins; DROP TRIGGER items_count_del; DROP TRIGGER items_count_upd;"
	     "DROP INDEX items_pending; DROP INDEX items_saved; DROP INDEX items_starred;"
	     "ALTER TABLE items DROP COLUMN analysed;"
	     "ALTER TABLE feeds DROP COLUMN n_items; ALTER TABLE feeds DROP COLUMN n_unread;"
	     "UPDATE items SET summary = 'feed copy of ' || title WHERE feed_id IS NOT NULL;"
	     "PRAGMA user_version = 4;");
}

/*
 * A store for a migration to start from: feed a (12 items, returned) and feed
 * b (4, when with_b), one item of a read and another saved (their ids out).
 */
static long long store_with_marks(int with_b, long long *read_id, long long *saved_id)
{
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	long long a = add_feed(s, "https://example.org/a.xml", 0, 12);
	if (with_b)
		add_feed(s, "https://example.org/b.xml", 100, 4);
	struct store_list_opts o = {0, a, 0, 0};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	assert_int_equal(n, 12);
	*read_id = items[2].id;
	*saved_id = items[5].id;
	store_items_free(items, n);
	assert_int_equal(store_item_mark(s, *read_id, STORE_MARK_READ, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, *saved_id, STORE_MARK_SAVE, err, sizeof err), 0);
	store_close(s);
	return a;
}

/* After a migration: the read item is still read, the saved one saved, the counts right. */
static void assert_marks_kept(struct store *s, long long read_id, long long saved_id)
{
	struct store_item *it;
	assert_int_equal(store_item_get(s, read_id, &it, err, sizeof err), 0);
	assert_int_equal(it->read, 1);
	store_items_free(it, 1);
	assert_int_equal(store_item_get(s, saved_id, &it, err, sizeof err), 0);
	assert_int_equal(it->saved, 1);
	store_items_free(it, 1);
	assert_counts_right(s);
}

static void test_migration_from_v4(void **state)
{
	(void)state;
	struct store *s;
	long long read_id, saved_id;
	long long a = store_with_marks(1, &read_id, &saved_id);
	long long articles = q1("SELECT count(*) FROM articles"), quotes = q1("SELECT count(*) FROM quotes");
	assert_int_equal(articles, 16);
	assert_true(quotes > 0);
	make_v4();
	assert_int_equal(q1("PRAGMA user_version"), 4);

	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(q1("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(q1("SELECT count(*) FROM sqlite_master WHERE name = 'items_unread'"), 1); /* version 6 */
	assert_int_equal(q1("SELECT count(*) FROM items INDEXED BY items_unread WHERE read = 0 AND purged = 0"), 15);
	assert_int_equal(q1("SELECT count(*) FROM articles"), articles);
	assert_int_equal(q1("SELECT count(*) FROM quotes"), quotes);
	long long waiting;
	assert_int_equal(store_analysis_count(s, &waiting, err, sizeof err), 0);
	assert_int_equal(waiting, 0); /* everything stored before was analysed */
	/* the feed's copy of a text its article holds is dropped */
	assert_int_equal(q1("SELECT count(*) FROM items WHERE summary IS NOT NULL"), 0);
	assert_marks_kept(s, read_id, saved_id);
	struct article *art;
	assert_int_equal(store_article_load(s, saved_id, &art, err, sizeof err), 0);
	assert_true(article_paragraph_count(art) > 0);
	article_free(art);
	struct store_feed fa;
	assert_int_equal(store_feed_get(s, a, &fa, err, sizeof err), 0);
	assert_int_equal(fa.n_items, 12);
	assert_int_equal(fa.n_unread, 11);
	store_feed_clear(&fa);
	store_close(s);
}

/*
 * Schema 6 to 7: the quotation index is rebuilt with its new prefix indexes;
 * every article, quotation, read flag and saved item stays, and the index
 * finds what it found.
 */
static void test_migration_from_v6(void **state)
{
	(void)state;
	struct store *s;
	long long read_id, saved_id;
	size_t n;
	store_with_marks(0, &read_id, &saved_id);
	long long articles = q1("SELECT count(*) FROM articles"), quotes = q1("SELECT count(*) FROM quotes");
	assert_int_equal(articles, 12);
	assert_true(quotes > 0);
	/* text stored once: a quotation of one paragraph keeps only where the body has it */
	assert_int_equal(q1("SELECT count(*) FROM quotes WHERE at IS NOT NULL AND text = ''"), quotes);
	assert_int_equal(q1("SELECT count(*) FROM quotes_text WHERE text = 'We agree'"), quotes);
	make_v6();
	assert_int_equal(q1("SELECT count(*) FROM quotes WHERE text = 'We agree'"), quotes);

	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(q1("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(q1("SELECT count(*) FROM sqlite_master WHERE name = 'quotes_fts'"
	                    " AND sql LIKE '%prefix=''2 3'', columnsize=0%'"), 1);
	/* the rows written before keep their text; the view gives it */
	assert_int_equal(q1("SELECT count(*) FROM quotes WHERE at IS NULL AND text = 'We agree'"), quotes);
	assert_int_equal(q1("SELECT count(*) FROM quotes_text WHERE text = 'We agree'"), quotes);
	assert_int_equal(q1("SELECT count(*) FROM sqlite_master WHERE name = 'quotes_fts_docsize'"), 0);
	exec("INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');");
	assert_int_equal(q1("SELECT count(*) FROM articles"), articles);
	assert_int_equal(q1("SELECT count(*) FROM quotes"), quotes);
	assert_int_equal(q1("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'agree'"), quotes);
	struct store_quote_query q = {"ag", "jane sm", 1, 0, 0, 0};
	struct store_quote_hit *h;
	assert_int_equal(store_quotes_search(s, &q, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, (size_t)quotes);
	store_quote_hits_free(h, n);
	assert_marks_kept(s, read_id, saved_id);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_follow_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_v4, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_v6, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
