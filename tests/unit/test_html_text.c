/* test_html_text.c: the chosen DOM to sections, paragraphs and numbered links. */
#include "html_testlib.h"
#include "html_dom.h"
#include "html_text.h"

#include <libxml/HTMLparser.h>
#include <strings.h>

/* Emits the whole body of an inline page. */
static struct article *emit(const char *html, const char *base, const char *headline)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlNode *root = xmlDocGetRootElement(doc), *body = root;
	for (xmlNode *n = root; n; n = dom_next(n, root, 0))
		if (dom_is(n, "body")) {
			body = n;
			break;
		}
	struct article *a = article_new();
	if (headline)
		article_set(&a->headline, headline, strlen(headline));
	char err[128];
	xmlNode *one[1] = {body};
	assert_int_equal(html_text_emit(one, 1, base, a, err, sizeof err), 0);
	xmlFreeDoc(doc);
	return a;
}

static void test_structure_page(void **state)
{
	(void)state;
	struct article *a = parse_page("structure.html", "https://tides.example/guide/tables.html");
	assert_int_equal(a->n_sections, 3);
	assert_null(a->sections[0].heading);
	assert_string_equal(a->sections[1].heading, "Reading the gauge");
	assert_string_equal(a->sections[2].heading, "Corrections");
	/* paragraph, two list items, the block quote */
	assert_int_equal(a->sections[1].n_paragraphs, 4);
	assert_string_equal(a->sections[1].paragraphs[1], "High water times");
	assert_string_equal(a->sections[1].paragraphs[2], "Low water times");
	assert_string_equal(a->sections[1].paragraphs[3], "The sea keeps better time than any clock in the harbour.");
	char *body = body_text(a);
	assert_null(strstr(body, "Photo: Harbour Office")); /* captions and credits */
	assert_null(strstr(body, "not content"));          /* scripts */
	assert_null(strstr(body, "Hidden text"));          /* display:none */
	free(body);
	/* links: resolved against <base>, numbered once each */
	assert_int_equal(a->n_links, 2);
	assert_string_equal(a->links[0].url, "https://tides.example/guide/readings.html");
	assert_string_equal(a->links[0].text, "raw readings");
	assert_string_equal(a->links[1].url, "https://tides.example/corrections");
	article_free(a);
}

static void test_whitespace_and_inline(void **state)
{
	(void)state;
	struct article *a = emit("<body><p>  One\n\t<b>bold</b>,<i> italic</i>&nbsp;and\u00a0 <a href=x>a\nlink</a>. </p>"
	                         "<div>Text<br>split by<br><br>breaks</div><pre>code   stays\nin one line</pre></body>",
	                         "https://e.example/d/", NULL);
	assert_int_equal(a->n_sections, 1);
	struct section *s = &a->sections[0];
	assert_string_equal(s->paragraphs[0], "One bold, italic and a link.");
	assert_string_equal(s->paragraphs[1], "Text");
	assert_string_equal(s->paragraphs[2], "split by");
	assert_string_equal(s->paragraphs[3], "breaks");
	assert_string_equal(s->paragraphs[4], "code stays in one line");
	assert_int_equal(a->n_links, 1);
	assert_string_equal(a->links[0].url, "https://e.example/d/x");
	assert_string_equal(a->links[0].text, "a link");
	article_free(a);
}

static void test_headings_and_title(void **state)
{
	(void)state;
	struct article *a = emit("<body><h1>The Headline</h1><p>First paragraph of the story.</p>"
	                         "<h2>  A  section </h2><p>More.</p><h1>Another h1 inside the text</h1><p>End.</p>"
	                         "<h4></h4><p>After an empty heading.</p></body>", NULL, "The headline");
	assert_null(a->sections[0].heading);
	assert_string_equal(a->sections[0].paragraphs[0], "First paragraph of the story.");
	assert_string_equal(a->sections[1].heading, "A section");
	assert_string_equal(a->sections[2].heading, "Another h1 inside the text");
	assert_string_equal(a->sections[2].paragraphs[1], "After an empty heading.");
	article_free(a);
}

static void test_links_only_http(void **state)
{
	(void)state;
	struct article *a = emit("<body><p><a href=\"javascript:alert(1)\">js</a> <a href=\"mailto:x@y.z\">mail</a> "
	                         "<a href=\"ftp://f.example/x\">ftp</a> <a href=\"#top\">top</a> "
	                         "<a href=\"https://ok.example/a b\">space</a> <a href=\"HTTPS://OK.example/\">ok</a></p></body>",
	                         "https://base.example/p/q.html", NULL);
	/* "#top" resolves to the page itself; only http(s) URLs without blanks are kept */
	for (size_t i = 0; i < a->n_links; i++) {
		assert_true(!strncasecmp(a->links[i].url, "http", 4));
		assert_null(strchr(a->links[i].url, ' '));
	}
	int ok = 0;
	for (size_t i = 0; i < a->n_links; i++)
		ok |= !strcmp(a->links[i].text, "ok");
	assert_true(ok);
	article_free(a);
}

static void test_trailing_calls_to_action(void **state)
{
	(void)state;
	struct article *a = emit("<body><p>Follow the money, the auditor told the committee on Tuesday.</p>"
	                         "<p>The report is due in May.</p><p>Follow us on Twitter @example.</p>"
	                         "<p>Subscribe to our newsletter for more stories like this.</p></body>", NULL, NULL);
	assert_int_equal(a->sections[0].n_paragraphs, 2);
	assert_string_equal(a->sections[0].paragraphs[0], "Follow the money, the auditor told the committee on Tuesday.");
	assert_string_equal(a->sections[0].paragraphs[1], "The report is due in May.");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure_page),
		cmocka_unit_test(test_whitespace_and_inline),
		cmocka_unit_test(test_headings_and_title),
		cmocka_unit_test(test_links_only_http),
		cmocka_unit_test(test_trailing_calls_to_action),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
