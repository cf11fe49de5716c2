/* test_store_feeds.c: refreshes applied to the store, retention, and a store that cannot be written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "pipeline.h"
#include "store.h"
#include "store_int.h" /* the full-disk test caps the connection's page count */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_testlib.h"


/* A feed of n items numbered from first, dated one day apart back from 2025-03-20 (item first is newest). */
static struct feed *make_feed(int first, int n, const char *variant)
{
	struct feed *f = feed_new();
	assert_non_null(f);
	assert_int_equal(feed_set(&f->title, "Example News"), 0);
	for (int i = first; i < first + n; i++) {
		struct feed_item *it = feed_add_item(f);
		char buf[256];
		assert_non_null(it);
		snprintf(buf, sizeof buf, "urn:item:%d", i);
		assert_int_equal(feed_set(&it->id, buf), 0);
		snprintf(buf, sizeof buf, "Story number %d about the harbour %s", i, variant);
		assert_int_equal(feed_set(&it->title, buf), 0);
		snprintf(buf, sizeof buf, "https://example.org/story/%d", i);
		assert_int_equal(feed_set(&it->link, buf), 0);
		time_t t = 1742428800 - (time_t)(i - first) * 86400 - first * 86400;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
		assert_int_equal(item_set_published(it, buf), 0);
		snprintf(buf, sizeof buf, "The council met on story %d. The mayor spoke about the harbour.", i);
		assert_int_equal(feed_set(&it->summary, buf), 0);
	}
	return f;
}

static size_t count_items(struct store *s, int flags)
{
	struct store_list_opts o = {flags, 0, 0, 0};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	store_items_free(items, n);
	return n;
}

static void test_apply_feed(void **state)
{
	(void)state;
	struct store *s;
	long long fid, again;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_feed_upsert(s, "https://example.org/feed.xml", NULL, "news local", &fid, err, sizeof err), 0);
	assert_int_equal(store_feed_upsert(s, "https://example.org/feed.xml", NULL, NULL, &again, err, sizeof err), 0);
	assert_int_equal(fid, again);
	struct feed *f = make_feed(1, 5, "");
	struct store_feed_state st = {200, "\"etag-1\"", "Thu, 20 Mar 2025 00:00:00 GMT", NULL, 0, 0};
	struct store_apply_result r;
	assert_int_equal(store_apply_feed(s, fid, f, &st, &ingest_item_reader, &r, err, sizeof err), 0);
	assert_int_equal(r.n_new, 5);
	assert_int_equal(count_items(s, 0), 5);
	assert_int_equal(count_items(s, STORE_LIST_UNREAD), 5);
	/* newest first, and each item carries its article */
	struct store_list_opts o = {0, fid, 2, 0};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].title, "Story number 1 about the harbour ");
	assert_string_equal(items[0].feed_title, "Example News");
	assert_true(items[0].date > items[1].date);
	struct article *a;
	assert_int_equal(store_article_load(s, items[0].id, &a, err, sizeof err), 0);
	assert_true(article_paragraph_count(a) >= 1);
	article_free(a);
	assert_int_equal(store_item_mark(s, items[0].id, STORE_MARK_READ, err, sizeof err), 0);
	store_items_free(items, n);
	/* the same feed again: nothing new; one item changed keeps its read state */
	feed_set(&f->items[0].summary, "The council met again. The mayor spoke about the harbour and the ferry.");
	assert_int_equal(store_apply_feed(s, fid, f, &st, &ingest_item_reader, &r, err, sizeof err), 0);
	assert_int_equal(r.n_new, 0);
	assert_int_equal(r.n_changed, 1);
	assert_int_equal(r.n_unchanged, 4);
	assert_int_equal(count_items(s, STORE_LIST_UNREAD), 4);
	struct store_hit *h;
	assert_int_equal(store_search(s, "ferry", 5, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	store_hits_free(h, n);
	struct store_feed fd;
	assert_int_equal(store_feed_get(s, fid, &fd, err, sizeof err), 0);
	assert_string_equal(fd.etag, "\"etag-1\"");
	assert_string_equal(fd.title, "Example News");
	assert_string_equal(fd.tags, "news local");
	assert_int_equal(fd.n_items, 5);
	assert_int_equal(fd.n_unread, 4);
	store_feed_clear(&fd);
	/* a 304 and a failure keep the validators; a failure records its message */
	struct store_feed_state nm = {304, NULL, NULL, NULL, 0, 0};
	assert_int_equal(store_feed_update_state(s, fid, &nm, err, sizeof err), 0);
	struct store_feed_state bad = {503, NULL, NULL, "HTTP 503 Service Unavailable", 0, 0};
	assert_int_equal(store_apply_feed(s, fid, NULL, &bad, &ingest_item_reader, &r, err, sizeof err), 0);
	assert_int_equal(store_feed_get(s, fid, &fd, err, sizeof err), 0);
	assert_string_equal(fd.etag, "\"etag-1\"");
	assert_int_equal(fd.last_status, 503);
	assert_string_equal(fd.last_error, "HTTP 503 Service Unavailable");
	assert_true(fd.last_refresh > 0);
	store_feed_clear(&fd);
	/* two refreshes that began together: the one applied second is dropped, not mixed in */
	assert_int_equal(store_feed_get(s, fid, &fd, err, sizeof err), 0);
	long long seq = fd.refresh_seq;
	store_feed_clear(&fd);
	struct feed *one = make_feed(20, 2, "first"), *two = make_feed(20, 3, "second");
	struct store_feed_state s1 = {200, NULL, NULL, NULL, 0, seq}, s2 = {200, NULL, NULL, NULL, 0, seq};
	assert_int_equal(store_apply_feed(s, fid, one, &s1, &ingest_item_reader, &r, err, sizeof err), 0);
	assert_int_equal(r.stale, 0);
	assert_int_equal(r.n_new, 2);
	assert_int_equal(store_apply_feed(s, fid, two, &s2, &ingest_item_reader, &r, err, sizeof err), 0);
	assert_int_equal(r.stale, 1);
	assert_int_equal(r.n_new, 0);
	assert_int_equal(count_items(s, 0), 7);
	assert_int_equal(store_search(s, "second", 5, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	store_hits_free(h, n);
	feed_free(one);
	feed_free(two);
	long long found;
	assert_int_equal(store_feed_find(s, "example news", &found, err, sizeof err), 0);
	assert_int_equal(found, fid);
	assert_int_equal(store_feed_find(s, "nope", &found, err, sizeof err), 0);
	assert_int_equal(found, 0);
	assert_int_equal(store_apply_feed(s, 4242, f, &st, &ingest_item_reader, &r, err, sizeof err), -1);
	feed_free(f);
	assert_int_equal(store_feed_delete(s, fid, err, sizeof err), 0);
	assert_int_equal(count_items(s, 0), 0);
	store_close(s);
}

static void test_retention(void **state)
{
	(void)state;
	struct store *s;
	long long fid;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_feed_upsert(s, "https://example.org/r.xml", "R", NULL, &fid, err, sizeof err), 0);
	struct feed *f = make_feed(1, 10, "");
	assert_int_equal(store_apply_feed(s, fid, f, NULL, &ingest_item_reader, NULL, err, sizeof err), 0);
	struct store_list_opts o = {0, fid, 0, 0};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	assert_int_equal(n, 10);
	long long oldest = items[9].id, second = items[8].id;
	store_items_free(items, n);
	assert_int_equal(store_item_mark(s, oldest, STORE_MARK_STAR, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, second, STORE_MARK_SAVE, err, sizeof err), 0);
	struct store_retention r = {0, 3};
	int purged;
	assert_int_equal(store_purge(s, 0, &r, &purged, err, sizeof err), 0);
	assert_int_equal(purged, 5); /* 10 - 3 kept - starred - saved */
	assert_int_equal(count_items(s, 0), 5);
	assert_int_equal(count_items(s, STORE_LIST_STARRED), 1);
	assert_int_equal(count_items(s, STORE_LIST_SAVED), 1);
	long long cnt;
	struct store_list_opts co = {STORE_LIST_STARRED, fid, 1, 0};
	assert_int_equal(store_items_count(s, &co, &cnt, err, sizeof err), 0);
	assert_int_equal(cnt, 1);
	co.flags = 0;
	assert_int_equal(store_items_count(s, &co, &cnt, err, sizeof err), 0);
	assert_int_equal(cnt, 5);
	struct store_hit *h;
	assert_int_equal(store_search(s, "\"story 7\"", 5, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 0); /* purged articles leave the index */
	store_hits_free(h, n);
	/* the feed still carries purged items: they do not come back */
	struct store_apply_result res;
	store_set_retention(s, &r);
	assert_int_equal(store_apply_feed(s, fid, f, NULL, &ingest_item_reader, &res, err, sizeof err), 0);
	assert_int_equal(res.n_new, 0);
	assert_int_equal(res.n_changed, 0);
	assert_int_equal(res.n_unchanged, 10);
	assert_int_equal(count_items(s, 0), 5);
	/* not even when the feed rewrites them: only the 5 kept items count as changed */
	struct feed *f2 = make_feed(1, 10, "(updated)");
	assert_int_equal(store_apply_feed(s, fid, f2, NULL, &ingest_item_reader, &res, err, sizeof err), 0);
	assert_int_equal(res.n_new, 0);
	assert_int_equal(res.n_changed, 5);
	assert_int_equal(res.n_unchanged, 5);
	assert_int_equal(count_items(s, 0), 5);
	feed_free(f2);
	/* new items push older ones out as the feed moves on */
	struct feed *g = make_feed(-3, 3, "");
	assert_int_equal(store_apply_feed(s, fid, g, NULL, &ingest_item_reader, &res, err, sizeof err), 0);
	assert_int_equal(res.n_new, 3);
	assert_int_equal(res.n_purged, 3);
	assert_int_equal(count_items(s, 0), 5);
	/* by age: everything from 2025 is older than 30 days, but starred and saved stay */
	struct store_retention days = {30, 0};
	assert_int_equal(store_purge(s, fid, &days, &purged, err, sizeof err), 0);
	assert_int_equal(purged, 3);
	assert_int_equal(count_items(s, 0), 2);
	struct article *kept;
	assert_int_equal(store_article_load(s, oldest, &kept, err, sizeof err), 0);
	article_free(kept);
	/* a saved retention outlives the connection */
	struct store_retention saved = {10, 7}, got;
	assert_int_equal(store_save_retention(s, &saved, err, sizeof err), 0);
	store_close(s);
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	store_get_retention(s, &got);
	assert_int_equal(got.days, 10);
	assert_int_equal(got.max_items, 7);
	feed_free(f);
	feed_free(g);
	store_close(s);
}

static void test_readonly_and_corrupt(void **state)
{
	(void)state;
	struct store *s;
	long long fid;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_feed_upsert(s, "https://example.org/ro.xml", "RO", NULL, &fid, err, sizeof err), 0);
	struct feed *f = make_feed(1, 3, "");
	assert_int_equal(store_apply_feed(s, fid, f, NULL, &ingest_item_reader, NULL, err, sizeof err), 0);
	store_close(s);
	/* read-only file and directory: reading works, writing says why it cannot */
	assert_int_equal(chmod(path, 0400), 0);
	assert_int_equal(chmod(dir, 0500), 0);
	if (geteuid() == 0) {
		/* root writes whatever the mode: the read-only open is what is tested then */
		assert_int_equal(store_open(path, STORE_READONLY, &s, err, sizeof err), 0);
	} else {
		assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	}
	assert_int_equal(count_items(s, 0), 3);
	assert_int_equal(store_item_mark(s, 1, STORE_MARK_STAR, err, sizeof err), -1);
	assert_non_null(strstr(err, "read-only"));
	assert_int_equal(store_apply_feed(s, fid, f, NULL, &ingest_item_reader, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "read-only"));
	store_close(s);
	chmod(dir, 0700);
	chmod(path, 0600);
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(count_items(s, 0), 3);
	store_close(s);
	/* a file that is not a database: a clear error and the file untouched */
	char junk[512];
	snprintf(junk, sizeof junk, "%s/junk.db", dir);
	FILE *fp = fopen(junk, "wb");
	assert_non_null(fp);
	for (int i = 0; i < 2000; i++)
		fputs("this is not a database at all\n", fp);
	fclose(fp);
	struct stat before, after;
	stat(junk, &before);
	assert_int_equal(store_open(junk, 0, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "damaged or not a database"));
	stat(junk, &after);
	assert_int_equal(before.st_size, after.st_size);
	/* a damaged store: the header survives, a page in the middle is overwritten */
	char bad[512], cmd[2048];
	snprintf(bad, sizeof bad, "%s/bad.db", dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && dd if=/dev/urandom of='%s' bs=4096 seek=2 count=3 conv=notrunc 2>/dev/null",
	         path, bad, bad);
	assert_int_equal(system(cmd), 0);
	int opened = store_open(bad, 0, &s, err, sizeof err);
	if (opened == 0) { /* the schema pages survived: the damage shows when the data is read */
		struct store_list_opts o = {0, 0, 0, 0};
		struct store_item *items = NULL;
		size_t n = 0;
		int rc = store_items_list(s, &o, &items, &n, err, sizeof err);
		struct article *a = NULL;
		for (size_t i = 0; !rc && i < n; i++) {
			if (store_article_load(s, items[i].id, &a, err, sizeof err))
				rc = -1;
			article_free(a);
			a = NULL;
		}
		store_items_free(items, n);
		store_close(s);
		if (rc)
			assert_non_null(strstr(err, "damaged"));
	} else {
		assert_non_null(strstr(err, "damaged"));
	}
	/* a foreign SQLite database is refused, not adopted */
	char other[512];
	snprintf(other, sizeof other, "%s/other.db", dir);
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'CREATE TABLE t(x); INSERT INTO t VALUES(1);' 2>/dev/null", other);
	if (system(cmd) == 0) {
		assert_int_equal(store_open(other, 0, &s, err, sizeof err), -1);
		assert_non_null(strstr(err, "not a dateline store"));
	}
	feed_free(f);
}

static void test_full_disk(void **state)
{
	(void)state;
	struct store *s;
	long long fid;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_feed_upsert(s, "https://example.org/full.xml", "Full", NULL, &fid, err, sizeof err), 0);
	struct feed *f = make_feed(1, 3, "");
	assert_int_equal(store_apply_feed(s, fid, f, NULL, &ingest_item_reader, NULL, err, sizeof err), 0);
	/* the disk fills: no more pages than the store has now */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int pages = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", pages);
	assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	struct feed *big = make_feed(100, 400, "with a much longer text that takes room in every page of the store");
	assert_int_equal(store_apply_feed(s, fid, big, NULL, &ingest_item_reader, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "disk is full"));
	assert_int_equal(count_items(s, 0), 3); /* nothing half-written, nothing lost */
	store_close(s);
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(count_items(s, 0), 3);
	assert_int_equal(store_apply_feed(s, fid, big, NULL, &ingest_item_reader, NULL, err, sizeof err), 0); /* room again */
	assert_int_equal(count_items(s, 0), 403);
	store_close(s);
	feed_free(f);
	feed_free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_apply_feed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retention, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_and_corrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_disk, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
