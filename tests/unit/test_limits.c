/*
 * test_limits.c: every limit on hostile input gives its own clear error:
 * nesting depth (XML feed, JSON Feed, OPML, HTML), items per feed; and the
 * analysis limits (text analysed, quotations and entities kept per article),
 * which keep the article and say what was left out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "model.h"
#include "base.h"
#include "feed_xml.h"
#include "subs.h"
#include "feed.h"
#include "html.h"

/* open, repeated n times, then middle, then close n times */
static char *nest(const char *head, const char *open, const char *middle, const char *close, const char *tail, size_t n)
{
	struct buf b = {0};
	buf_puts(&b, head);
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, open);
	buf_puts(&b, middle);
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, close);
	buf_puts(&b, tail);
	assert_false(b.failed);
	return b.data;
}

static int parse_feed(const char *doc, char *err, size_t errlen)
{
	struct feed *f = NULL;
	int rc = feed_parse(doc, strlen(doc), NULL, "https://limits.example/", &f, err, errlen);
	feed_free(f);
	return rc;
}

static void test_feed_xml_depth(void **state)
{
	(void)state;
	char err[256];
	char *ok = nest("<rss version=\"2.0\"><channel><title>D</title><item><title>t</title>", "<x>", "y", "</x>",
	                "</item></channel></rss>", FEED_MAX_DEPTH - 10);
	assert_int_equal(parse_feed(ok, err, sizeof err), 0);
	char *deep = nest("<rss version=\"2.0\"><channel><title>D</title><item><title>t</title>", "<x>", "y", "</x>",
	                  "</item></channel></rss>", FEED_MAX_DEPTH + 10);
	assert_int_equal(parse_feed(deep, err, sizeof err), -1);
	assert_string_equal(err, "the feed nests elements too deeply");
	free(ok);
	free(deep);
}

static void test_feed_json_depth(void **state)
{
	(void)state;
	char err[256];
	char *deep = nest("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"D\",\"items\":[{\"id\":\"1\",\"_x\":",
	                  "[", "", "]", "}]}", 40);
	assert_int_equal(parse_feed(deep, err, sizeof err), -1);
	assert_non_null(strstr(err, "nesting too deep"));
	free(deep);
}

static void test_feed_items(void **state)
{
	(void)state;
	char err[256];
	struct buf b = {0};
	buf_puts(&b, "<rss version=\"2.0\"><channel><title>Many</title>");
	for (int i = 0; i <= FEED_MAX_ITEMS; i++)
		buf_puts(&b, "<item><title>i</title></item>");
	buf_puts(&b, "</channel></rss>");
	assert_false(b.failed);
	assert_int_equal(parse_feed(b.data, err, sizeof err), -1);
	assert_string_equal(err, "the feed has more than 10000 items");
	buf_free(&b);
}

/* Feeds nested deeper than the limit were dropped without a word; now the import says why. */
static void test_opml_depth(void **state)
{
	(void)state;
	char err[256];
	struct opml_stats st;
	const char *head = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>";
	const char *feed = "<outline text=\"a\" xmlUrl=\"https://a.example/f\"/>";
	for (int named = 0; named < 2; named++) {
		char *ok = nest(head, named ? "<outline text=\"f\">" : "<outline>", feed, "</outline>", "</body></opml>", 20);
		struct feedlist fl = FEEDLIST_INIT;
		char **links = NULL;
		assert_int_equal(opml_parse(ok, strlen(ok), &fl, &links, &st, err, sizeof err), 0);
		assert_int_equal(fl.n, 1);
		opml_free_links(links, fl.n);
		feedlist_free(&fl);
		free(ok);
		/* 40 is past our limit, 300 past libxml2's own (the document is cut at 256) */
		for (size_t depth = 40; depth <= 300; depth += 260) {
			char *deep = nest(head, named ? "<outline text=\"f\">" : "<outline>", feed, "</outline>", "</body></opml>",
			                  depth);
			struct feedlist dl = FEEDLIST_INIT;
			assert_int_equal(opml_parse(deep, strlen(deep), &dl, &links, &st, err, sizeof err), -1);
			assert_string_equal(err, "the outlines nest more than 32 folders deep");
			feedlist_free(&dl);
			free(deep);
		}
	}
}

static void test_html_depth(void **state)
{
	(void)state;
	char err[256];
	const char *p = "<p>PARIS (AP) - The mayor opened the new bridge over the river on Tuesday, officials said, "
	                "after four years of work and two floods that delayed it.</p>";
	char *ok = nest("<!DOCTYPE html><html><body>", "<div>", p, "</div>", "</body></html>", 100);
	struct article *a = article_new();
	assert_non_null(a);
	assert_int_equal(html_parse(ok, strlen(ok), NULL, "text/html", a, err, sizeof err), 0);
	article_free(a);
	char *deep = nest("<!DOCTYPE html><html><body>", "<div>", p, "</div>", "</body></html>", 5000);
	a = article_new();
	assert_non_null(a);
	assert_int_equal(html_parse(deep, strlen(deep), NULL, "text/html", a, err, sizeof err), -1);
	assert_string_equal(err, "no article found: the page nests elements more than 256 deep");
	article_free(a);
	free(ok);
	free(deep);
}

/* An article of n paragraphs, each the text line. */
static struct article *article_of(const char *line, size_t n)
{
	struct article *a = article_new();
	assert_non_null(a);
	struct section *s = article_add_section(a, NULL);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(section_add_paragraph(s, line, strlen(line)), 0);
	return a;
}

/* A long article is kept whole; the analysis covers its first ANALYSIS_MAX_TEXT bytes and says so. */
static void test_analysis_text(void **state)
{
	(void)state;
	char err[256], note[200];
	const char *q = "\"We will rebuild the bridge,\" the mayor said, and the council agreed on a date for it.";
	size_t n = ANALYSIS_MAX_TEXT / strlen(q) + 1000;
	struct article *a = article_of(q, n);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	assert_int_equal(a->sections[0].n_paragraphs, n); /* nothing lost */
	assert_int_equal(a->n_quotes, ANALYSIS_MAX_QUOTES);
	assert_int_equal(analysis_limit_note(a, note, sizeof note), 1);
	assert_non_null(strstr(note, "only the first 4096 KiB of "));
	/* quotations only ever point inside the analysed window */
	for (size_t i = 0; i < a->n_quotes; i++)
		assert_true((size_t)a->quotes[i].paragraph < n);
	article_free(a);
	a = article_of(q, 10);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	assert_int_equal(analysis_limit_note(a, note, sizeof note), 0);
	article_free(a);
}

/* One paragraph past the limit: its first ANALYSIS_MAX_TEXT bytes are analysed, as the note says, and it is kept whole. */
static void test_analysis_huge_first_paragraph(void **state)
{
	(void)state;
	char err[256], note[200];
	const char *head = "\"We will rebuild the bridge,\" Mayor Ana Reyes said on Tuesday.";
	const char *fill = " The river rose again and the fields lay under water for a week";
	size_t hl = strlen(head), fl = strlen(fill), len = hl + (ANALYSIS_MAX_TEXT / fl + 1000) * fl;
	char *text = malloc(len + 1);
	assert_non_null(text);
	memcpy(text, head, hl);
	for (size_t o = hl; o < len; o += fl)
		memcpy(text + o, fill, fl);
	text[len] = '\0';
	struct article *a = article_of(text, 1);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	assert_int_equal(strlen(a->sections[0].paragraphs[0]), len); /* restored whole */
	assert_int_equal(a->n_quotes, 1);
	assert_non_null(a->quotes[0].speaker);
	assert_non_null(strstr(a->quotes[0].speaker, "Reyes"));
	assert_int_equal(analysis_limit_note(a, note, sizeof note), 1);
	assert_non_null(strstr(note, "only the first 4096 KiB of "));
	article_free(a);
	free(text);
}

static void test_analysis_quotes(void **state)
{
	(void)state;
	char err[256], note[200];
	const char *q = "\"We will rebuild the bridge,\" the mayor said.";
	struct article *a = article_of(q, 100);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	assert_int_equal(a->n_quotes, 100);
	article_free(a);
	a = article_of(q, ANALYSIS_MAX_QUOTES + 500);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	assert_int_equal(a->n_quotes, ANALYSIS_MAX_QUOTES);
	assert_int_equal(a->quotes[ANALYSIS_MAX_QUOTES - 1].paragraph, ANALYSIS_MAX_QUOTES - 1); /* the first ones */
	assert_int_equal(analysis_limit_note(a, note, sizeof note), 1);
	assert_string_equal(note, "only the first 2000 quotations are kept");
	article_free(a);
}

static void test_analysis_entities(void **state)
{
	(void)state;
	char err[256], note[200];
	struct article *a = article_new();
	assert_non_null(a);
	struct section *s = article_add_section(a, NULL);
	assert_non_null(s);
	/* distinct made-up names, each introduced with a title */
	static const char *const syl[] = {"ka", "lo", "mi", "ren", "dor", "sa", "vel", "tin", "bar", "quo", "zen", "pra"};
	unsigned r = 7;
	for (int i = 0; i < 3000; i++) {
		char name[4][16], line[200];
		for (int k = 0; k < 4; k++) {
			name[k][0] = '\0';
			for (int j = 0; j < 3; j++) {
				r = r * 1103515245u + 12345u;
				strcat(name[k], syl[(r >> 16) % 12]);
			}
			name[k][0] = (char)(name[k][0] - 'a' + 'A');
		}
		snprintf(line, sizeof line, "Mayor %s %s met Governor %s %s on Monday, officials said.", name[0], name[1],
		         name[2], name[3]);
		assert_int_equal(section_add_paragraph(s, line, strlen(line)), 0);
	}
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	assert_int_equal(a->n_entities, ANALYSIS_MAX_ENTITIES);
	assert_int_equal(analysis_limit_note(a, note, sizeof note), 1);
	assert_string_equal(note, "only the first 2000 people, organisations and places are kept");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed_xml_depth),    cmocka_unit_test(test_feed_json_depth),
		cmocka_unit_test(test_feed_items),        cmocka_unit_test(test_opml_depth),
		cmocka_unit_test(test_html_depth),        cmocka_unit_test(test_analysis_text),
		cmocka_unit_test(test_analysis_huge_first_paragraph),
		cmocka_unit_test(test_analysis_quotes),   cmocka_unit_test(test_analysis_entities),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
