/* test_store_sink.c: refresh_run() from a server on 127.0.0.1 into the store through the store sink. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "subs.h"
#include "feed.h"
#include "pipeline.h"
#include "store.h"
#include "testhttpd.h"

#include "store_testlib.h"
static struct testhttpd httpd;


static int run(struct store *s, const struct feedlist *fl, struct refresh_summary *sum)
{
	struct refresh_opts o;
	memset(&o, 0, sizeof o);
	fetch_opts_default(&o.fetch);
	o.fetch.timeout_ms = 10000;
	o.parse = feed_parse;
	struct store_sink *k = store_sink_new(s);
	assert_non_null(k);
	struct refresh_sink sink;
	store_sink_fill(k, &sink);
	int rc = refresh_run(fl, &o, &sink, sum, err, sizeof err);
	store_sink_free(k);
	return rc;
}

static void test_refresh_into_store(void **state)
{
	(void)state;
	if (testhttpd_start(&httpd, 60)) {
		skip();
		return;
	}
	char a[128], b[128], c[128];
	snprintf(a, sizeof a, "http://127.0.0.1:%d/feed/alpha?items=6", httpd.port);
	snprintf(b, sizeof b, "http://127.0.0.1:%d/status/404", httpd.port);
	snprintf(c, sizeof c, "http://127.0.0.1:%d/moved/gamma", httpd.port);
	struct feedlist fl = FEEDLIST_INIT;
	char *tags[] = {"news", "test"};
	assert_int_equal(feedlist_add(&fl, a, "My Alpha", tags, 2), 0);
	assert_int_equal(feedlist_add(&fl, b, NULL, NULL, 0), 0);
	assert_int_equal(feedlist_add(&fl, c, NULL, NULL, 0), 0);
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct refresh_summary sum;
	assert_int_equal(run(s, &fl, &sum), 0);
	assert_int_equal(sum.fetched, 2);
	assert_int_equal(sum.failed, 1);
	assert_true(sum.new_items >= 6);
	long long id;
	assert_int_equal(store_feed_find(s, a, &id, err, sizeof err), 0);
	assert_true(id > 0);
	struct store_feed f;
	assert_int_equal(store_feed_get(s, id, &f, err, sizeof err), 0);
	assert_string_equal(f.title, "My Alpha"); /* the user's title wins */
	assert_string_equal(f.tags, "news test");
	assert_non_null(f.etag);
	assert_int_equal(f.last_status, 200);
	assert_int_equal(f.n_items, 6);
	store_feed_clear(&f);
	assert_int_equal(store_feed_find(s, b, &id, err, sizeof err), 0);
	assert_int_equal(store_feed_get(s, id, &f, err, sizeof err), 0);
	assert_int_equal(f.last_status, 404);
	assert_non_null(f.last_error);
	store_feed_clear(&f);
	/* the moved feed now lives at its new address */
	char moved[128];
	snprintf(moved, sizeof moved, "http://127.0.0.1:%d/feed/gamma", httpd.port);
	assert_int_equal(store_feed_find(s, moved, &id, err, sizeof err), 0);
	assert_true(id > 0);
	/* browsable first: every item's text is searchable, its analysis waits */
	struct store_hit *h;
	size_t n;
	assert_int_equal(store_search(s, "spokesperson", 50, &h, &n, err, sizeof err), 0);
	assert_true(n >= 6);
	store_hits_free(h, n);
	long long waiting;
	assert_int_equal(store_analysis_count(s, &waiting, err, sizeof err), 0);
	assert_true(waiting >= 6);
	struct store_quote_query qq = {"here", NULL, 0, 0, 50, 0};
	struct store_quote_hit *qh;
	assert_int_equal(store_quotes_search(s, &qq, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	store_quote_hits_free(qh, n);
	/* analysed after: the quotation in every item is found, and searchable */
	size_t done;
	assert_int_equal(analysis_pending(s, NULL, &done, err, sizeof err), 0);
	assert_int_equal((long long)done, waiting);
	assert_int_equal(store_analysis_count(s, &waiting, err, sizeof err), 0);
	assert_int_equal(waiting, 0);
	assert_int_equal(store_quotes_search(s, &qq, &qh, &n, err, sizeof err), 0);
	assert_true(n >= 6);
	store_quote_hits_free(qh, n);
	/* again: the store's validators make it a 304, nothing new */
	struct feedlist fl2 = FEEDLIST_INIT;
	assert_int_equal(feedlist_add(&fl2, a, "My Alpha", tags, 2), 0);
	assert_int_equal(run(s, &fl2, &sum), 0);
	assert_int_equal(sum.not_modified, 1);
	assert_int_equal(sum.new_items, 0);
	feedlist_free(&fl);
	feedlist_free(&fl2);
	store_close(s);
	testhttpd_stop(&httpd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refresh_into_store, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
