/* test_feed_recover.c: feeds as real sites write them (issue 19): broken, wrapped, mislabelled; read as feedparser reads them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct feed *must_parse(const char *data, size_t len, const char *ct)
{
	struct feed *f = NULL;
	char err[256];
	if (feed_parse(data, len, ct, NULL, &f, err, sizeof err))
		fail_msg("%s", err);
	return f;
}

/* The titles of the items, joined by '|'. */
static void titles(const struct feed *f, char *out, size_t n)
{
	out[0] = '\0';
	for (size_t i = 0; i < f->n_items; i++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "|" : "", f->items[i].title ? f->items[i].title : "-");
}

static void test_jsonfeed_http_version(void **state)
{
	(void)state;
	const char *doc = "{\"version\":\"http://jsonfeed.org/version/1\",\"title\":\"Early\","
	                  "\"items\":[{\"id\":\"1\",\"title\":\"First\",\"content_text\":\"x\"}]}";
	struct feed *f = must_parse(doc, strlen(doc), NULL);
	assert_string_equal(f->format, "jsonfeed1.0");
	assert_int_equal(f->n_items, 1);
	feed_free(f);
}

static void test_atom_inside_xhtml(void **state)
{
	(void)state;
	const char *doc = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Page</title>"
	                  "</head><body><p>Our feed:</p><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Inner</title>"
	                  "<entry><title>First</title><id>1</id></entry><entry><title>Second</title><id>2</id></entry>"
	                  "</feed></body></html>";
	struct feed *f = must_parse(doc, strlen(doc), "application/xhtml+xml");
	char t[256];
	titles(f, t, sizeof t);
	assert_string_equal(f->format, "atom1.0");
	assert_string_equal(f->title, "Inner");
	assert_string_equal(t, "First|Second");
	feed_free(f);
	/* a page with no feed in it is still refused as one */
	const char *page = "<html><body><p>no feed</p></body></html>";
	char err[256];
	assert_int_equal(feed_parse(page, strlen(page), NULL, NULL, &f, err, sizeof err), -1);
	assert_string_equal(err, "not a feed: HTML page");
}

static void test_items_inside_unclosed_element(void **state)
{
	(void)state;
	const char *doc = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
	                  "<channel><title>Pod</title><itunes:category text='News'>"
	                  "<item><title>One</title><link>http://a.example/1</link></item>"
	                  "<item><title>Two</title><link>http://a.example/2</link></item></channel></rss>";
	struct feed *f = must_parse(doc, strlen(doc), NULL);
	char t[256];
	titles(f, t, sizeof t);
	assert_string_equal(t, "One|Two");
	assert_string_equal(f->items[1].link, "http://a.example/2");
	feed_free(f);
}

static void test_mismatched_tags(void **state)
{
	(void)state;
	const char *doc = "<rss version=\"2.0\"><channel><title>Broken</title>"
	                  "<item><title>One</title><link>http://a.example/1</link></item>"
	                  "<item><title>Two</b></title><link>http://a.example/2</link></item>"
	                  "<item><title>Three <i>x</title><link>http://a.example/3</link></item>"
	                  "<item><title>Four</title><link>http://a.example/4</link></item></channel></rss>";
	struct feed *f = must_parse(doc, strlen(doc), NULL);
	char t[256];
	titles(f, t, sizeof t);
	assert_string_equal(t, "One|Two|Three <i>x</i>|Four");
	for (size_t i = 0; i < f->n_items; i++) {
		char want[48];
		snprintf(want, sizeof want, "http://a.example/%zu", i + 1);
		assert_non_null(f->items[i].link);
		assert_string_equal(f->items[i].link, want);
	}
	feed_free(f);
	/* cut short: the last item is kept with what it has */
	const char *cut = "<rss version=\"2.0\"><channel><title>Cut</title><item><title>Whole</title></item>"
	                  "<item><title>Half</title><description>So far";
	f = must_parse(cut, strlen(cut), NULL);
	titles(f, t, sizeof t);
	assert_string_equal(t, "Whole|Half");
	assert_string_equal(f->items[1].summary, "So far");
	feed_free(f);
}

static void test_nul_and_stray_bytes(void **state)
{
	(void)state;
	static const char nul[] = "<rss version=\"2.0\"><channel><title>C</title><item><title>Before\0After</title></item>"
	                          "</channel></rss>";
	struct feed *f = must_parse(nul, sizeof nul - 1, NULL);
	assert_string_equal(f->items[0].title, "BeforeAfter");
	feed_free(f);
	/* UTF-16 (with its BOM) and one stray byte at the end */
	const char *ascii = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Wide</title>"
	                    "<item><title>One</title></item></channel></rss>\n";
	size_t n = strlen(ascii), len = 2 + 2 * n + 1;
	char *u16 = malloc(len);
	assert_non_null(u16);
	u16[0] = (char)0xFF, u16[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++)
		u16[2 + 2 * i] = ascii[i], u16[3 + 2 * i] = 0;
	u16[len - 1] = 'x';
	f = must_parse(u16, len, NULL);
	assert_string_equal(f->title, "Wide");
	assert_string_equal(f->items[0].title, "One");
	feed_free(f);
	free(u16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonfeed_http_version),
		cmocka_unit_test(test_atom_inside_xhtml),
		cmocka_unit_test(test_items_inside_unclosed_element),
		cmocka_unit_test(test_mismatched_tags),
		cmocka_unit_test(test_nul_and_stray_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
