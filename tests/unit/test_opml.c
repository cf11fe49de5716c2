/* test_opml.c: OPML parsing (nesting, categories, refusals, entities) and export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/resource.h>

#include "subs.h"

#include <stdlib.h>
#include <string.h>

static const char nested[] =
	"<?xml version=\"1.0\"?>\n"
	"<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY b \"bbbbbbbbbb\">"
	"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
	"<opml version=\"2.0\"><head><title>t</title></head><body>\n"
	"<outline text=\"News\"><outline title=\"World\" text=\"ignored\">\n"
	"  <outline text=\"Wire &amp; more\" xmlUrl=\" https://w.example/rss \" htmlUrl=\"https://w.example/\""
	" category=\"/politics,/News\"/>\n"
	"</outline></outline>\n"
	"<outline text=\"&x;\" xmlUrl=\"https://x.example/&x;\"/>\n"
	"<outline text=\"&c;\" xmlUrl=\"https://c.example/f\"/>\n"
	"<outline text=\"bad\" xmlUrl=\"javascript:alert(1)\"/>\n"
	"<outline text=\"same\" xmlUrl=\"https://w.example/rss\"/>\n"
	"</body></opml>\n";

static void test_parse_nested(void **state)
{
	(void)state;
	struct feedlist fl = FEEDLIST_INIT;
	char **links, err[256];
	struct opml_stats st;
	assert_int_equal(opml_parse(nested, strlen(nested), &fl, &links, &st, err, sizeof err), 0);
	assert_int_equal(st.skipped, 1);
	assert_string_equal(st.first_skip, "javascript:alert(1)");
	struct feedlist_entry *e = &fl.entries[0];
	assert_string_equal(e->url, "https://w.example/rss");
	assert_string_equal(e->title, "Wire & more");
	assert_int_equal(e->n_tags, 3);
	assert_string_equal(e->tags[0], "News");
	assert_string_equal(e->tags[1], "World");
	assert_string_equal(e->tags[2], "politics");
	assert_string_equal(links[0], "https://w.example/");
	/* The external entity is never fetched nor expanded into anything from the file. */
	for (size_t i = 0; i < fl.n; i++) {
		assert_null(strstr(fl.entries[i].url, "root:"));
		if (fl.entries[i].title)
			assert_null(strstr(fl.entries[i].title, "root:"));
	}
	/* Each URL once. */
	size_t same = 0;
	for (size_t i = 0; i < fl.n; i++)
		same += !strcmp(fl.entries[i].url, "https://w.example/rss");
	assert_int_equal(same, 1);
	opml_free_links(links, fl.n);
	feedlist_free(&fl);
}

static void test_refusals(void **state)
{
	(void)state;
	struct feedlist fl = FEEDLIST_INIT;
	char **links, err[256];
	struct opml_stats st;
	const char *rss = "<rss version=\"2.0\"><channel/></rss>";
	assert_int_equal(opml_parse(rss, strlen(rss), &fl, &links, &st, err, sizeof err), -1);
	assert_non_null(strstr(err, "not an OPML file"));
	assert_int_equal(opml_parse("", 0, &fl, &links, &st, err, sizeof err), -1);
}

static void test_export_round_trip(void **state)
{
	(void)state;
	struct feedlist fl = FEEDLIST_INIT, back = FEEDLIST_INIT;
	char *t1[] = {"tech", "linux"}, *t2[] = {"world"};
	assert_int_equal(feedlist_add(&fl, "https://a.example/f?x=1&y=2", "A <&> \"B\"", t1, 2), 0);
	assert_int_equal(feedlist_add(&fl, "https://b.example/f", NULL, NULL, 0), 0);
	assert_int_equal(feedlist_add(&fl, "https://c.example/f", "C", t2, 1), 0);
	assert_int_equal(feedlist_add(&fl, "https://d.example/f", "D", t1, 1), 0);
	char *xml = opml_format(&fl, "subs", NULL, NULL);
	assert_non_null(xml);
	char **links, err[256];
	struct opml_stats st;
	assert_int_equal(opml_parse(xml, strlen(xml), &back, &links, &st, err, sizeof err), 0);
	assert_int_equal(back.n, 4);
	for (size_t i = 0; i < fl.n; i++) {
		long k = feedlist_find(&back, fl.entries[i].url);
		assert_true(k >= 0);
		struct feedlist_entry *a = &fl.entries[i], *b = &back.entries[k];
		if (a->title)
			assert_string_equal(a->title, b->title);
		else
			assert_null(b->title);
		assert_int_equal(a->n_tags, b->n_tags);
		for (size_t t = 0; t < a->n_tags; t++)
			assert_string_equal(a->tags[t], b->tags[t]);
	}
	free(xml);
	opml_free_links(links, back.n);
	feedlist_free(&fl);
	feedlist_free(&back);
}

static void test_discover(void **state)
{
	(void)state;
	const char *page =
		"<html><head><base href=\"/blog/\">"
		"<link rel=\"stylesheet\" href=\"s.css\">"
		"<LINK REL=\"Alternate\" TYPE=\"Application/RSS+XML\" title=\"Posts\" href=\"feed.xml\">"
		"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../atom\">"
		"<link rel=\"alternate\" type=\"application/feed+json\" href=\"https://cdn.example/f.json\">"
		"<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">"
		"<link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr/\">"
		"<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">"
		"</head><body><p>x</p></body></html>";
	struct discovered_feed *d;
	size_t n;
	char err[256];
	assert_int_equal(discover_feeds(page, strlen(page), "https://site.example/a/b.html", &d, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(d[0].url, "https://site.example/blog/feed.xml");
	assert_string_equal(d[0].type, "application/rss+xml");
	assert_string_equal(d[0].title, "Posts");
	assert_string_equal(d[1].url, "https://site.example/atom");
	assert_string_equal(d[2].url, "https://cdn.example/f.json");
	discover_free(d, n);
	const char *none = "<html><body>no feeds</body></html>";
	assert_int_equal(discover_feeds(none, strlen(none), NULL, &d, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	discover_free(d, n);
}

/* Peak memory allowed per page byte: sanitizer builds pad and quarantine
 * every block libxml2 allocates (measured: 7.6 under ASan, 1 without). */
#if defined(__SANITIZE_ADDRESS__)
#define PER_PAGE_BYTE 16
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PER_PAGE_BYTE 16
#endif
#endif
#ifndef PER_PAGE_BYTE
#define PER_PAGE_BYTE 4
#endif

/* A page of half a million spans, then 300 unclosed divs, then its feed link:
 * found, and read without a tree (memory grows by a small multiple of the
 * page, where libxml2's tree of it is 30 times the page). */
static void test_discover_hostile_page(void **state)
{
	(void)state;
	static const char unit[] = "<span>w</span>", deep[] = "<div>",
	                  tail[] = "<link rel=alternate type=application/rss+xml href=/late.xml>";
	size_t spans = 500000, divs = 300;
	size_t len = spans * (sizeof unit - 1) + divs * (sizeof deep - 1) + sizeof tail - 1;
	char *page = malloc(len + 1), *p = page;
	assert_non_null(page);
	for (size_t i = 0; i < spans; i++, p += sizeof unit - 1)
		memcpy(p, unit, sizeof unit - 1);
	for (size_t i = 0; i < divs; i++, p += sizeof deep - 1)
		memcpy(p, deep, sizeof deep - 1);
	memcpy(p, tail, sizeof tail);
	struct rusage before, after;
	getrusage(RUSAGE_SELF, &before);
	struct discovered_feed *d;
	size_t n;
	char err[256];
	int rc = discover_feeds(page, len, "https://site.example/", &d, &n, err, sizeof err);
	getrusage(RUSAGE_SELF, &after);
	free(page);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].url, "https://site.example/late.xml");
	discover_free(d, n);
	long grown_kb = after.ru_maxrss - before.ru_maxrss, page_kb = (long)(len / 1024);
	print_message("page %ld KiB, peak grew %ld KiB\n", page_kb, grown_kb);
	assert_true(grown_kb <= PER_PAGE_BYTE * page_kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_nested),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_export_round_trip),
		cmocka_unit_test(test_discover),
		cmocka_unit_test(test_discover_hostile_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
