/*
 * test_store_keep.c: what the store must keep and what it must not spend.
 * A feed update never replaces a full or saved article by the feed's
 * summary; `save` keeps its own copy; a search snippet's work grows
 * linearly with an article's hits (issue 19, F3 and F4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "store.h"
#include "store_int.h" /* the snippet's work counter */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store_testlib.h"

/* A feed of one item whose description is summary. */
static struct feed *one_item_feed(const char *summary)
{
	struct feed *f = feed_new();
	assert_non_null(f);
	struct feed_item *it = feed_add_item(f);
	assert_non_null(it);
	assert_int_equal(feed_set(&it->id, "urn:item:1"), 0);
	assert_int_equal(feed_set(&it->title, "Harbour council meets"), 0);
	assert_int_equal(feed_set(&it->link, "https://example.org/harbour"), 0);
	assert_int_equal(item_set_published(it, "2025-03-20T10:00:00Z"), 0);
	assert_int_equal(feed_set(&it->summary, summary), 0);
	return f;
}

static struct article *article_with(const char *url, const char *headline, const char *para)
{
	struct article *a = article_new();
	assert_non_null(a);
	assert_int_equal(article_set(&a->url, url, strlen(url)), 0);
	assert_int_equal(article_set(&a->headline, headline, strlen(headline)), 0);
	struct section *sec = article_add_section(a, NULL);
	assert_non_null(sec);
	assert_int_equal(section_add_paragraph(sec, para, strlen(para)), 0);
	return a;
}

static const char *first_paragraph(struct store *s, long long id, char *out, size_t cap)
{
	struct article *a;
	assert_int_equal(store_article_load(s, id, &a, err, sizeof err), 0);
	assert_true(a->n_sections > 0 && a->sections[0].n_paragraphs > 0);
	snprintf(out, cap, "%s", a->sections[0].paragraphs[0]);
	article_free(a);
	return out;
}

static long long only_item(struct store *s, long long feed_id)
{
	struct store_list_opts o = {0, feed_id, 0, 0};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	long long id = items[0].id;
	store_items_free(items, n);
	return id;
}

/* Opens the store with one feed of one item; sets *fid and returns the item's id. */
static long long open_with_item(struct store **s, long long *fid)
{
	assert_int_equal(store_open(path, 0, s, err, sizeof err), 0);
	assert_int_equal(store_feed_upsert(*s, "https://example.org/feed", NULL, NULL, fid, err, sizeof err), 0);
	struct feed *f = one_item_feed("The council met.");
	assert_int_equal(store_apply_feed(*s, *fid, f, NULL, NULL, NULL, err, sizeof err), 0);
	feed_free(f);
	return only_item(*s, *fid);
}

/* F4: the full page fetched for an item (`f`, fulltext feeds) survives the feed changing its description. */
static void test_feed_update_keeps_full_text(void **state)
{
	(void)state;
	struct store *s;
	long long fid;
	char para[256];
	long long id = open_with_item(&s, &fid);
	struct feed *f;
	struct article *full = article_with("https://example.org/harbour", "Harbour council meets",
	                                    "The whole story of the harbour council, as the page tells it.");
	assert_int_equal(store_article_replace(s, id, full, 1, err, sizeof err), 0);
	article_free(full);

	f = one_item_feed("The council met again; a new summary.");
	struct store_apply_result res;
	assert_int_equal(store_apply_feed(s, fid, f, NULL, NULL, &res, err, sizeof err), 0);
	feed_free(f);
	assert_int_equal(res.n_changed, 1);
	assert_int_equal(only_item(s, fid), id);
	assert_string_equal(first_paragraph(s, id, para, sizeof para),
	                    "The whole story of the harbour council, as the page tells it.");
	struct store_item *it;
	assert_int_equal(store_item_get(s, id, &it, err, sizeof err), 0);
	assert_int_equal(it->full, 1);
	store_items_free(it, 1);
	store_close(s);
}

/* F4: `save URL` makes the user's own copy; a feed item with the same link is neither taken nor changed. */
static void test_save_keeps_own_copy(void **state)
{
	(void)state;
	struct store *s;
	long long fid, saved;
	char para[256];
	long long id = open_with_item(&s, &fid);
	struct feed *f;

	struct article *page = article_with("https://example.org/harbour", "Harbour council meets",
	                                    "The saved page, every word of it.");
	assert_int_equal(store_save_article(s, page, &saved, err, sizeof err), 0);
	article_free(page);
	assert_true(saved != id);
	struct store_item *it;
	assert_int_equal(store_item_get(s, id, &it, err, sizeof err), 0);
	assert_int_equal(it->saved, 0);
	store_items_free(it, 1);

	/* the feed changes the item: the saved copy is untouched */
	f = one_item_feed("A rewritten summary.");
	assert_int_equal(store_apply_feed(s, fid, f, NULL, NULL, NULL, err, sizeof err), 0);
	feed_free(f);
	assert_string_equal(first_paragraph(s, saved, para, sizeof para), "The saved page, every word of it.");
	assert_int_equal(store_item_get(s, saved, &it, err, sizeof err), 0);
	assert_int_equal(it->saved, 1);
	assert_int_equal(it->full, 1);
	store_items_free(it, 1);

	/* saving again replaces the saved copy, not the feed's item */
	long long again;
	page = article_with("https://example.org/harbour", "Harbour council meets", "The page, saved twice.");
	assert_int_equal(store_save_article(s, page, &again, err, sizeof err), 0);
	article_free(page);
	assert_int_equal(again, saved);
	assert_string_equal(first_paragraph(s, saved, para, sizeof para), "The page, saved twice.");
	store_close(s);
}

/* Stores an article whose body is "said " n times and returns the snippet work of `search said`. */
static unsigned long long snippet_work(int n, const char *query)
{
	char sub[600];
	snprintf(sub, sizeof sub, "%s/%d", dir, n);
	assert_int_equal(mkdir(sub, 0700), 0);
	char db[700];
	snprintf(db, sizeof db, "%s/dateline.db", sub);
	struct store *s;
	assert_int_equal(store_open(db, 0, &s, err, sizeof err), 0);
	char *body = malloc((size_t)n * 5 + 1);
	assert_non_null(body);
	for (int i = 0; i < n; i++)
		memcpy(body + i * 5, "said ", 5);
	body[n * 5] = '\0';
	struct article *a = article_with("https://example.org/said", "Words", body);
	free(body);
	long long id;
	assert_int_equal(store_save_article(s, a, &id, err, sizeof err), 0);
	article_free(a);
	s->snippet_work = 0;
	struct store_hit *h;
	size_t nh;
	assert_int_equal(store_search(s, query, 10, &h, &nh, err, sizeof err), 0);
	assert_int_equal(nh, 1);
	assert_non_null(strstr(h[0].snippet, "\x02said"));
	store_hits_free(h, nh);
	unsigned long long w = s->snippet_work;
	store_close(s);
	return w;
}

/*
 * F3: a snippet's work does not grow with an article's hits. FTS5's own
 * snippet() weighed every hit against every other (40,000 hits: 10 s);
 * four times the hits must cost no more than the same work here.
 */
static void test_snippet_work_linear(void **state)
{
	(void)state;
	unsigned long long small = snippet_work(5000, "said");
	unsigned long long big = snippet_work(20000, "said");
	assert_true(small > 0);
	assert_true(big <= small * 2);
	unsigned long long small4 = snippet_work(2500, "said said said said");
	unsigned long long big4 = snippet_work(10000, "said said said said");
	assert_true(small4 > 0);
	assert_true(big4 <= small4 * 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_feed_update_keeps_full_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_keeps_own_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snippet_work_linear, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
