/*
 * test_store_crash.c: writers killed with SIGKILL at random moments leave a
 * consistent store in which every feed refresh is wholly there or wholly
 * absent, whether each feed is its own transaction or several share a batch
 * (store_batch_begin()); two writers at once both succeed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "pipeline.h"
#include "store.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ITEMS 12   /* items per refresh: one transaction */
#define FEEDS 3
#define ROUNDS 25  /* kills */

#include "store_testlib.h"


/* Refresh number round of writer w: ITEMS items tagged "W<w>R<round>-<j>", the same tag as ETag. */
static struct feed *round_feed(int w, int round)
{
	struct feed *f = feed_new();
	char buf[256];
	if (!f)
		return NULL;
	feed_set(&f->title, "Crash test feed");
	for (int j = 0; j < ITEMS; j++) {
		struct feed_item *it = feed_add_item(f);
		if (!it)
			break;
		snprintf(buf, sizeof buf, "W%dR%d-%d", w, round, j);
		feed_set(&it->id, buf);
		snprintf(buf, sizeof buf, "Writer %d refresh %d story %d on the harbour", w, round, j);
		feed_set(&it->title, buf);
		snprintf(buf, sizeof buf, "The council met for refresh %d. The mayor spoke about the harbour, the ferry "
		         "and the budget for story %d at length.", round, j);
		feed_set(&it->summary, buf);
		snprintf(buf, sizeof buf, "2025-03-%02dT%02d:00:00Z", 1 + round % 28, j % 24);
		item_set_published(it, buf);
	}
	return f;
}

/*
 * A writer: applies refreshes to the feeds in turn; exits 0 after n of them
 * (n < 0: until killed). batch > 0: that many feeds to a batch, as refresh does.
 */
static void writer(int w, int n, int batch)
{
	struct store *s;
	char err[1024];
	if (store_open(path, 0, &s, err, sizeof err)) {
		fprintf(stderr, "writer %d: %s\n", w, err);
		_exit(2);
	}
	for (int r = 0; n < 0 || r < n; r++) {
		long long fid;
		char url[64], tag[64];
		snprintf(url, sizeof url, "https://example.org/feed%d.xml", r % FEEDS);
		snprintf(tag, sizeof tag, "W%dR%d", w, r);
		struct feed *f = round_feed(w, r);
		struct store_feed_state st = {200, tag, NULL, NULL, 0, 0};
		if (!f || (batch > 0 && store_batch_begin(s, err, sizeof err)) ||
		    store_feed_upsert(s, url, NULL, NULL, &fid, err, sizeof err) ||
		    store_apply_feed(s, fid, f, &st, &ingest_item_reader, NULL, err, sizeof err) ||
		    (batch > 0 && (r + 1) % batch == 0 && store_batch_commit(s, err, sizeof err))) {
			fprintf(stderr, "writer %d round %d: %s\n", w, r, err);
			_exit(3);
		}
		feed_free(f);
	}
	if (store_batch_commit(s, err, sizeof err)) {
		fprintf(stderr, "writer %d: %s\n", w, err);
		_exit(3);
	}
	store_close(s);
	_exit(0);
}

static long long q1(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every check the crash test makes on what is left. */
static void check_consistent(void)
{
	/* a writer killed while it created the store leaves it to the next opener to finish */
	struct store *s;
	char err[1024];
	if (store_open(path, 0, &s, err, sizeof err))
		fprintf(stderr, "reopening after the kill: %s\n", err);
	assert_non_null(s);
	store_close(s);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	int rc = sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check');"
	                          "INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		fprintf(stderr, "text index check: %s (%d)\n", sqlite3_errmsg(db), sqlite3_extended_errcode(db));
	assert_int_equal(rc, SQLITE_OK);
	/* each refresh wholly present: ITEMS items per tag, never fewer */
	assert_int_equal(q1(db, "SELECT count(*) FROM (SELECT substr(guid, 1, instr(guid, '-') - 1) AS tag,"
	                        " count(*) AS n FROM items GROUP BY tag HAVING n != " "12" ")"), 0);
	/* every item has its article, indexed; quote counts match the quotes */
	assert_int_equal(q1(db, "SELECT count(*) FROM items i WHERE NOT EXISTS"
	                        " (SELECT 1 FROM articles a WHERE a.item_id = i.id)"), 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS"
	                        " (SELECT 1 FROM items i WHERE i.id = a.item_id)"), 0);
	assert_int_equal(q1(db, "SELECT count(*) FROM items i WHERE n_quotes !="
	                        " (SELECT count(*) FROM quotes q WHERE q.item_id = i.id)"), 0);
	/* the feed's state was written in the same transaction as its items */
	assert_int_equal(q1(db, "SELECT count(*) FROM feeds f WHERE f.etag IS NOT NULL AND NOT EXISTS"
	                        " (SELECT 1 FROM items i WHERE i.feed_id = f.id AND i.guid = f.etag || '-0')"), 0);
	sqlite3_close(db);
}

static void test_sigkill_while_writing(void **state)
{
	(void)state;
	assert_int_equal(ITEMS, 12); /* the tag check above spells it out */
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	srand(seed);
	printf("seed %u\n", seed);
	int killed_mid = 0;
	long long before = 0;
	for (int round = 0; round < ROUNDS; round++) {
		fflush(stdout);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0)
			writer(round, -1, round % 2 ? 3 : 0);
		struct timespec ts = {0, (long)(5 + rand() % 120) * 1000000L};
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		check_consistent();
		sqlite3 *db;
		sqlite3_open(path, &db);
		long long now = q1(db, "SELECT count(*) FROM items");
		sqlite3_close(db);
		killed_mid += now > before; /* the writer got somewhere before it died */
		before = now;
	}
	printf("%d of %d writers had committed refreshes when killed; %lld items\n", killed_mid, ROUNDS, before);
	assert_true(killed_mid > 0);
	/* the store still takes writes after all that */
	pid_t pid = fork();
	if (pid == 0)
		writer(1000, 2, 0);
	int status;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	check_consistent();
}

static void test_two_writers(void **state)
{
	(void)state;
	pid_t a = fork();
	if (a == 0)
		writer(1, 30, 0);
	pid_t b = fork();
	if (b == 0)
		writer(2, 30, 4);
	int sa, sb;
	assert_int_equal(waitpid(a, &sa, 0), a);
	assert_int_equal(waitpid(b, &sb, 0), b);
	assert_true(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
	assert_true(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
	check_consistent();
	sqlite3 *db;
	sqlite3_open(path, &db);
	assert_int_equal(q1(db, "SELECT count(*) FROM items"), 2 * 30 * ITEMS);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sigkill_while_writing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_writers, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
