/*
 * test_store_batch.c: several feeds in one write transaction (store_batch_begin(),
 * as refresh's sink does): nothing shows before the commit, everything after;
 * a feed that fails inside the batch is undone alone; the text indexes, whose
 * rows wait for the commit, stay sound when an item is written twice or
 * purged within the same batch.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "analysis.h"
#include "model.h"
#include "pipeline.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store_testlib.h"

/* A feed of n items "<tag>-<j>" whose text names word. */
static struct feed *make_feed(const char *tag, int n, const char *word)
{
	struct feed *f = feed_new();
	char buf[256];
	assert_non_null(f);
	for (int j = 0; j < n; j++) {
		struct feed_item *it = feed_add_item(f);
		assert_non_null(it);
		snprintf(buf, sizeof buf, "%s-%d", tag, j);
		feed_set(&it->id, buf);
		snprintf(buf, sizeof buf, "Story %d of %s", j, tag);
		feed_set(&it->title, buf);
		snprintf(buf, sizeof buf, "<p>The %s committee met on the quay. \"We will rebuild it,\" said Ann Lee.</p>", word);
		feed_set(&it->content, buf);
		/* each tag its own dates: index rows of different feeds never share a key */
		snprintf(buf, sizeof buf, "2025-04-%02dT%02d:00:00Z", 1 + j % 28, (int)(unsigned char)tag[0] % 24);
		feed_set(&it->published, buf);
	}
	return f;
}

static long long q1(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return v;
}

static void exec_sql(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
	assert_int_equal(rc, SQLITE_OK);
	sqlite3_close(db);
}

static void indexes_sound(void)
{
	exec_sql("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check');"
	         "INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');");
	assert_int_equal(q1("PRAGMA quick_check = 1") == -1, 0);
}

static size_t hits(struct store *s, const char *query)
{
	struct store_hit *h;
	size_t n;
	assert_int_equal(store_search(s, query, 100, &h, &n, err, sizeof err), 0);
	store_hits_free(h, n);
	return n;
}

/* Applies f as feed url inside the open batch; returns store_apply_feed()'s result. */
static int apply(struct store *s, const char *url, struct feed *f, const struct store_item_reader *rd)
{
	long long id;
	assert_int_equal(store_feed_upsert(s, url, NULL, NULL, &id, err, sizeof err), 0);
	struct store_feed_state st = {200, "etag", NULL, NULL, 0, 0};
	int rc = store_apply_feed(s, id, f, &st, rd, NULL, err, sizeof err);
	feed_free(f);
	return rc;
}

static void test_batch_visible_at_commit(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_batch_begin(s, err, sizeof err), 0);
	assert_true(store_batch_open(s));
	assert_int_equal(apply(s, "https://a.example/feed", make_feed("a", 5, "harbour"), &ingest_item_parser), 0);
	assert_int_equal(apply(s, "https://b.example/feed", make_feed("b", 4, "lighthouse"), &ingest_item_parser), 0);
	assert_int_equal(q1("SELECT count(*) FROM items"), 0); /* another connection sees nothing yet */
	assert_int_equal(store_batch_commit(s, err, sizeof err), 0);
	assert_false(store_batch_open(s));
	assert_int_equal(q1("SELECT count(*) FROM items"), 9);
	assert_int_equal(q1("SELECT n_items FROM feeds WHERE url = 'https://b.example/feed'"), 4);
	assert_int_equal(hits(s, "harbour"), 5);
	assert_int_equal(hits(s, "lighthouse"), 4);
	/* another process loads an article to analyse it before this one's analysis phase gets to it */
	long long id = q1("SELECT min(id) FROM items");
	struct article *a;
	assert_int_equal(store_article_load(s, id, &a, err, sizeof err), 0);
	/* the analysis, queued the same way, finds the quotations */
	assert_int_equal(analysis_pending(s, NULL, NULL, err, sizeof err), 0);
	assert_int_equal(q1("SELECT count(*) FROM quotes"), 9);
	assert_int_equal(q1("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'rebuild'"), 9);
	/* and writes its analysis after: it replaces the first, not adds to it */
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	struct article *arts[1] = {a};
	assert_int_equal(store_analysis_write(s, &id, arts, 1, err, sizeof err), 0);
	article_free(a);
	assert_int_equal(q1("SELECT count(*) FROM quotes"), 9);
	assert_int_equal(q1("SELECT count(*) FROM items i WHERE n_quotes != (SELECT count(*) FROM quotes q"
	                    " WHERE q.item_id = i.id)"), 0);
	assert_int_equal(q1("SELECT count(*) FROM entities WHERE item_id = (SELECT min(id) FROM items)"),
	                 q1("SELECT count(*) FROM entities WHERE item_id = (SELECT max(id) FROM items)"));
	assert_int_equal(q1("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'rebuild'"), 9);
	indexes_sound();
	store_close(s);
}

static void test_failed_feed_undone_alone(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	store_close(s);
	/* the store refuses one item: its feed fails half-way through its items */
	exec_sql("CREATE TRIGGER refuse BEFORE INSERT ON items WHEN new.guid = 'bad-2'"
	         " BEGIN SELECT RAISE(ABORT, 'refused'); END;");
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_batch_begin(s, err, sizeof err), 0);
	assert_int_equal(apply(s, "https://a.example/feed", make_feed("a", 3, "harbour"), &ingest_item_parser), 0);
	assert_int_not_equal(apply(s, "https://bad.example/feed", make_feed("bad", 4, "harbour"), &ingest_item_parser), 0);
	assert_true(store_batch_open(s)); /* the batch goes on */
	assert_int_equal(apply(s, "https://c.example/feed", make_feed("c", 2, "harbour"), &ingest_item_parser), 0);
	assert_int_equal(store_batch_commit(s, err, sizeof err), 0);
	assert_int_equal(q1("SELECT count(*) FROM items"), 5);
	assert_int_equal(q1("SELECT count(*) FROM items WHERE guid LIKE 'bad-%'"), 0);
	assert_int_equal(q1("SELECT count(*) FROM articles"), 5);
	assert_int_equal(hits(s, "harbour"), 5);
	/* the index itself, not only its join with the articles, holds the five */
	assert_int_equal(q1("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"), 5);
	indexes_sound();
	store_close(s);
}

static void test_rewritten_and_purged_in_batch(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct store_retention r = {0, 3};
	store_set_retention(s, &r);
	assert_int_equal(store_batch_begin(s, err, sizeof err), 0);
	/* eight items, three kept: five purged right after they were written, before their index rows were */
	assert_int_equal(apply(s, "https://a.example/feed", make_feed("a", 8, "harbour"), &ingest_item_reader), 0);
	/* the same feed again with other text: every kept item rewritten within the batch */
	assert_int_equal(apply(s, "https://a.example/feed", make_feed("a", 8, "granary"), &ingest_item_reader), 0);
	assert_int_equal(store_batch_commit(s, err, sizeof err), 0);
	assert_int_equal(q1("SELECT count(*) FROM items WHERE purged = 0"), 3);
	assert_int_equal(hits(s, "harbour"), 0);
	assert_int_equal(hits(s, "granary"), 3);
	assert_int_equal(q1("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour OR granary'"), 3);
	assert_int_equal(q1("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'rebuild'"), 3);
	indexes_sound();
	store_close(s);
}

static void test_guid_twice_in_a_feed(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct feed *f = make_feed("a", 3, "harbour");
	struct feed *g = make_feed("a", 1, "granary"); /* its one item has guid a-0 again, with other text */
	struct feed_item *it = feed_add_item(f);
	assert_non_null(it);
	*it = g->items[0]; /* moved over: g's copy is emptied before g is freed */
	memset(&g->items[0], 0, sizeof g->items[0]);
	feed_free(g);
	assert_int_equal(store_batch_begin(s, err, sizeof err), 0);
	assert_int_equal(apply(s, "https://a.example/feed", f, &ingest_item_parser), 0);
	assert_int_equal(store_batch_commit(s, err, sizeof err), 0);
	assert_int_equal(q1("SELECT count(*) FROM items"), 3);
	assert_int_equal(q1("SELECT count(*) FROM articles"), 3);
	/* the later copy wins, and the index holds its text alone */
	assert_int_equal(q1("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'granary'"), 1);
	assert_int_equal(q1("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"), 2);
	indexes_sound();
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_batch_visible_at_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_feed_undone_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rewritten_and_purged_in_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_guid_twice_in_a_feed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
