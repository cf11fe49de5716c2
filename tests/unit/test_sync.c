/* test_sync.c: the aggregator settings (subs.h source_*) and the store's sync queue (store.h store_sync_*). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "store.h"
#include "subs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store_testlib.h"

static void test_config(void **state)
{
	(void)state;
	struct source_config c;
	source_config_init(&c);
	const char text[] = "theme light\n# comment\nsource ttrss\nttrss-url https://rss.example.org/tt-rss/\n"
	                    "ttrss-login alice\nttrss-passwordeval pass show ttrss\ngreader-login bob\n"
	                    "aggregator-fulltext no\nbind j down\n";
	assert_int_equal(source_config_parse(&c, text, sizeof text - 1, err, sizeof err), 0);
	assert_int_equal(c.kind, SOURCE_TTRSS);
	assert_string_equal(c.ttrss.url, "https://rss.example.org/tt-rss/");
	assert_string_equal(c.ttrss.login, "alice");
	assert_string_equal(c.ttrss.password_eval, "pass show ttrss");
	assert_string_equal(c.greader.login, "bob");
	assert_int_equal(c.fulltext, 0);
	assert_ptr_equal(source_account(&c), &c.ttrss);
	assert_int_equal(source_check(&c, err, sizeof err), 0);
	assert_true(source_config_name("ttrss-url") && source_config_name("greader-password-file") &&
	            source_config_name("source") && !source_config_name("theme"));

	/* a password in clear is refused, naming the line */
	const char clear[] = "source ttrss\nttrss-password hunter2\n";
	source_config_init(&c);
	assert_int_equal(source_config_parse(&c, clear, sizeof clear - 1, err, sizeof err), -1);
	assert_non_null(strstr(err, "line 2: ttrss-password"));
	assert_null(strstr(err, "hunter2"));
	const char bad[] = "urls-source nntp\n";
	assert_int_equal(source_config_parse(&c, bad, sizeof bad - 1, err, sizeof err), -1);

	/* incomplete settings say what is missing */
	const char partial[] = "source greader\ngreader-url https://example.org/api/greader.php\n";
	source_config_init(&c);
	assert_int_equal(source_config_parse(&c, partial, sizeof partial - 1, err, sizeof err), 0);
	assert_int_equal(source_check(&c, err, sizeof err), -1);
	assert_non_null(strstr(err, "greader-login"));
}

static void test_password(void **state)
{
	(void)state;
	struct source_config c;
	char pw[64];
	source_config_init(&c);
	c.kind = SOURCE_GREADER;
	snprintf(c.greader.password_eval, sizeof c.greader.password_eval, "printf 'correct horse\\nsecond line\\n'");
	assert_int_equal(source_password(&c, pw, sizeof pw, err, sizeof err), 0);
	assert_string_equal(pw, "correct horse");
	snprintf(c.greader.password_eval, sizeof c.greader.password_eval, "echo nope; exit 3");
	assert_int_equal(source_password(&c, pw, sizeof pw, err, sizeof err), -1);
	assert_non_null(strstr(err, "exit status 3"));
	assert_null(strstr(err, "nope"));
	snprintf(c.greader.password_eval, sizeof c.greader.password_eval, "true");
	assert_int_equal(source_password(&c, pw, sizeof pw, err, sizeof err), -1);
	assert_non_null(strstr(err, "empty password"));
	/* a password file: its first line */
	char file[600];
	snprintf(file, sizeof file, "%s/pw", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("s3cret\r\nignored\n", f);
	fclose(f);
	c.greader.password_eval[0] = 0;
	snprintf(c.greader.password_file, sizeof c.greader.password_file, "%s", file);
	assert_int_equal(source_password(&c, pw, sizeof pw, err, sizeof err), 0);
	assert_string_equal(pw, "s3cret");
}

/* A synced feed with items whose guids are the aggregator's ids 1..n; returns the feed id. */
static long long synced_feed(struct store *s, const char *remote, int n)
{
	long long id;
	char url[128];
	snprintf(url, sizeof url, "https://example.org/%s.xml", remote);
	assert_int_equal(store_sync_feed(s, remote, url, "Example", "World-News", &id, err, sizeof err), 0);
	struct feed *f = feed_new();
	for (int i = 1; i <= n; i++) {
		struct feed_item *it = feed_add_item(f);
		char buf[64];
		snprintf(buf, sizeof buf, STORE_SYNC_GUID_PREFIX "%d", i);
		feed_set(&it->id, buf);
		snprintf(buf, sizeof buf, "Story %d", i);
		feed_set(&it->title, buf);
		snprintf(buf, sizeof buf, "2025-03-%02dT10:00:00Z", 10 + i);
		item_set_published(it, buf);
	}
	struct store_feed_state st = {200, NULL, NULL, NULL, 0, 0};
	assert_int_equal(store_apply_feed(s, id, f, &st, NULL, NULL, err, sizeof err), 0);
	feed_free(f);
	return id;
}

/* The local id of the item with this guid. */
static long long item_of_guid(struct store *s, long long feed_id, const char *guid)
{
	struct store_list_opts o = {0, feed_id, 0, 0};
	struct store_item *items;
	size_t n;
	long long id = 0;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	for (size_t i = 0; i < n; i++)
		if (items[i].guid && !strcmp(items[i].guid, guid))
			id = items[i].id;
	store_items_free(items, n);
	assert_true(id > 0);
	return id;
}

/* The local id of the aggregator's item remote. */
static long long item_of(struct store *s, long long feed_id, const char *remote)
{
	char guid[64];
	snprintf(guid, sizeof guid, STORE_SYNC_GUID_PREFIX "%s", remote);
	return item_of_guid(s, feed_id, guid);
}

static int flag(struct store *s, long long id, int star)
{
	struct store_item *it;
	assert_int_equal(store_item_get(s, id, &it, err, sizeof err), 0);
	int v = star ? it->starred : it->read;
	store_items_free(it, 1);
	return v;
}

static void test_queue(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	assert_int_equal(store_sync_begin(s, "ttrss https://a alice", err, sizeof err), 0);
	assert_int_equal(store_sync_set(s, "source", "ttrss https://a alice", err, sizeof err), 0);
	long long feed = synced_feed(s, "12", 3);
	long long i1 = item_of(s, feed, "1"), i2 = item_of(s, feed, "2"), i3 = item_of(s, feed, "3");

	/* an item the feeds file brought to the same feed is not the aggregator's: never queued or changed */
	struct feed *lf = feed_new();
	struct feed_item *lit = feed_add_item(lf);
	feed_set(&lit->id, "https://example.org/story-from-the-feed");
	feed_set(&lit->title, "From the feed itself");
	struct store_feed_state lst = {200, NULL, NULL, NULL, 0, 0};
	assert_int_equal(store_apply_feed(s, feed, lf, &lst, NULL, NULL, err, sizeof err), 0);
	feed_free(lf);
	long long own = item_of_guid(s, feed, "https://example.org/story-from-the-feed");
	assert_int_equal(store_item_mark(s, own, STORE_MARK_STAR, err, sizeof err), 0);
	long long local;
	assert_int_equal(store_feed_upsert(s, "https://local.example/feed", NULL, NULL, &local, err, sizeof err), 0);

	/* read, unread, read again: one change, the latest; a star beside it */
	assert_int_equal(store_item_mark(s, i1, STORE_MARK_READ, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, i1, STORE_MARK_UNREAD, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, i1, STORE_MARK_READ, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, i2, STORE_MARK_STAR, err, sizeof err), 0);
	assert_int_equal(store_item_mark(s, i2, STORE_MARK_SAVE, err, sizeof err), 0); /* not the aggregator's */
	struct store_sync_change *c;
	size_t n;
	long long upto;
	assert_int_equal(store_sync_pending(s, &c, &n, &upto, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].item_id, i1);
	assert_int_equal(c[0].field, STORE_SYNC_READ);
	assert_int_equal(c[0].value, 1);
	assert_string_equal(c[0].remote, "1");
	assert_int_equal(c[1].field, STORE_SYNC_STAR);
	assert_string_equal(c[1].remote, "2");

	/* a change made while sending stays queued after the delivery */
	assert_int_equal(store_item_mark(s, i1, STORE_MARK_UNREAD, err, sizeof err), 0);
	assert_int_equal(store_sync_delivered(s, c, n, upto, err, sizeof err), 0);
	store_sync_changes_free(c, n);
	assert_int_equal(store_sync_pending(s, &c, &n, &upto, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].value, 0);

	/* the aggregator's state: item 3 read there, 2 unstarred there; item 1 keeps its queued flag */
	const char *unread[] = {"1", "2"}, *starred[] = {"3"};
	struct store_sync_stats ss;
	assert_int_equal(store_sync_apply_state(s, unread, 2, starred, 1, &ss, err, sizeof err), 0);
	assert_int_equal(flag(s, i3, 0), 1);
	assert_int_equal(flag(s, i3, 1), 1);
	assert_int_equal(flag(s, i2, 1), 0);
	assert_int_equal(flag(s, i1, 0), 0);
	assert_int_equal(flag(s, own, 0), 0);
	assert_int_equal(flag(s, own, 1), 1);
	assert_int_equal(ss.read_changed, 1);
	assert_int_equal(ss.star_changed, 2);
	/* ... and applying it queued nothing */
	long long q;
	assert_int_equal(store_sync_queued(s, &q, err, sizeof err), 0);
	assert_int_equal(q, 1);
	assert_int_equal(store_sync_delivered(s, c, n, upto, err, sizeof err), 0);
	store_sync_changes_free(c, n);

	/* retention purging a synced item queues nothing */
	struct store_retention r = {1, 0}; /* item 1, unread, is old: the purge marks it read */
	int purged = 0;
	assert_int_equal(store_purge(s, feed, &r, &purged, err, sizeof err), 0);
	assert_true(purged > 0);
	assert_int_equal(store_sync_queued(s, &q, err, sizeof err), 0);
	assert_int_equal(q, 0);

	/* another aggregator is refused; a feed the aggregator dropped goes */
	assert_int_equal(store_sync_begin(s, "greader https://b bob", err, sizeof err), -1);
	assert_non_null(strstr(err, "reads from ttrss https://a alice"));
	int removed;
	const char *keep[] = {"99"};
	assert_int_equal(store_sync_feeds_keep(s, keep, 1, &removed, err, sizeof err), 0);
	assert_int_equal(removed, 1);
	long long gone;
	assert_int_equal(store_feed_find(s, "https://example.org/12.xml", &gone, err, sizeof err), 0);
	assert_int_equal(gone, 0);
	assert_int_equal(store_feed_find(s, "https://local.example/feed", &gone, err, sizeof err), 0);
	assert_int_equal(gone, local);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config),
		cmocka_unit_test_setup_teardown(test_password, setup, teardown),
		cmocka_unit_test_setup_teardown(test_queue, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
