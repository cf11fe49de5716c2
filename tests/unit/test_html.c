/* test_html.c: html_parse() end to end on the project's own pages, charsets, and hostile HTML. */
#include "html_testlib.h"
#include "html_text.h"
#include "pipeline.h"

static void test_comment_section_is_dropped(void **state)
{
	(void)state;
	struct article *a = parse_page("comments.html", "https://gazette.example/news/bridge.html");
	char *body = body_text(a);
	assert_non_null(strstr(body, "The old harbour bridge reopened"));
	assert_non_null(strstr(body, "We are glad to give the bridge back"));
	assert_null(strstr(body, "detour through the industrial estate"));
	assert_null(strstr(body, "harbourfan"));
	assert_null(strstr(body, "Copyright"));
	assert_null(strstr(body, "Sport"));
	int heading = 0;
	for (size_t i = 0; i < a->n_sections; i++)
		heading |= a->sections[i].heading && !strcmp(a->sections[i].heading, "Costs rose");
	assert_true(heading);
	assert_string_equal(a->headline, "Harbour bridge reopens after repairs");
	assert_clean_article(a);
	free(body);
	article_free(a);
}

static void test_related_rail_is_dropped(void **state)
{
	(void)state;
	struct article *a = parse_page("related.html", "https://valley.example/2025/03/frost.html");
	char *body = body_text(a);
	assert_non_null(strstr(body, "Apple growers in the upper valley"));
	assert_non_null(strstr(body, "within a fortnight"));
	assert_null(strstr(body, "Frost warning issued"));
	assert_null(strstr(body, "Most read"));
	assert_null(strstr(body, "ferry timetable"));
	assert_int_equal(a->n_links, 1);
	assert_string_equal(a->links[0].url, "https://example.org/coop/report");
	assert_string_equal(a->links[0].text, "cooperative's report");
	free(body);
	article_free(a);
}

static void test_no_article(void **state)
{
	(void)state;
	size_t len;
	char *data = read_page("noarticle.html", &len);
	struct article *a = article_new();
	char err[256] = "";
	assert_int_equal(html_parse(data, len, NULL, NULL, a, err, sizeof err), -1);
	assert_string_equal(err, "no article found");
	article_free(a);
	free(data);
}

static void test_empty_and_blank_pages(void **state)
{
	(void)state;
	const char *pages[] = {"", " ", "<html></html>", "<!-- nothing -->", "<body><script>x()</script></body>"};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		struct article *a = article_new();
		char err[256] = "";
		assert_int_equal(html_parse(pages[i], strlen(pages[i]), NULL, NULL, a, err, sizeof err), -1);
		assert_true(err[0] != '\0');
		article_free(a);
	}
}

static void test_dateline_paragraph_stays_in_body(void **state)
{
	(void)state;
	size_t len;
	char *data = read_page("dateline.html", &len);
	struct ingest_opts o = {"dateline.html", NULL, "text/html", NULL};
	struct article *a = NULL;
	char err[256] = "";
	if (ingest_article(data, len, &o, &a, err, sizeof err))
		fail_msg("%s", err);
	const char *first = article_paragraph(a, 0, 0);
	assert_non_null(first);
	assert_true(!strncmp(first, "WASHINGTON (AP) \xE2\x80\x94 The Senate", 22));
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->agency, "AP");
	assert_non_null(a->dateline->place);
	assert_null(a->byline); /* the "dateline" block held a date, not a name */
	assert_string_equal(a->published, "2025-03-17");
	article_free(a);
	free(data);
}

static void test_charset_cp1252_meta(void **state)
{
	(void)state;
	struct article *a = parse_page("cp1252.html", NULL);
	assert_string_equal(a->headline, "Caf\xC3\xA9 owners \xE2\x80\x9C" "cautious\xE2\x80\x9D");
	assert_non_null(strstr(a->sections[0].paragraphs[0], "Tuesday \xE2\x80\x93 despite"));
	assert_clean_article(a);
	article_free(a);
}

static void test_charset_header_wins(void **state)
{
	(void)state;
	const char *page = "<html><head><meta charset=\"utf-8\"><title>Caf\xC3\xA9 news</title></head>"
	                   "<body><p>Caf\xC3\xA9 owners met on Tuesday to talk about the summer season and the rents.</p></body></html>";
	struct article *a = article_new();
	char err[256];
	assert_int_equal(html_parse(page, strlen(page), NULL, "text/html; charset=ISO-8859-1", a, err, sizeof err), 0);
	/* read as latin-1 (windows-1252), the two bytes of é are two characters */
	assert_string_equal(a->headline, "Caf\xC3\x83\xC2\xA9 news");
	article_free(a);
}

static void test_charset_iconv_with_bad_bytes(void **state)
{
	(void)state;
	/* KOI8-R by <meta>, with a byte that means nothing in Shift_JIS given by the header */
	const char *page = "<html><head><meta charset=\"koi8-r\"><title>\xF0\xD2\xC9\xD7\xC5\xD4</title></head>"
	                   "<body><p>\xF0\xD2\xC9\xD7\xC5\xD4, a greeting long enough to be a paragraph of text.</p></body></html>";
	struct article *a = article_new();
	char err[256];
	assert_int_equal(html_parse(page, strlen(page), NULL, NULL, a, err, sizeof err), 0);
	assert_string_equal(a->headline, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
	article_free(a);
	const char *sjis = "<html><body><p>\x82\xA0 then a lone lead byte \x82 and \xFF, in a sentence long enough to count.</p></body></html>";
	a = article_new();
	assert_int_equal(html_parse(sjis, strlen(sjis), NULL, "text/html; charset=Shift_JIS", a, err, sizeof err), 0);
	assert_clean_article(a);
	assert_non_null(strstr(a->sections[0].paragraphs[0], "\xE3\x81\x82 then")); /* あ */
	assert_non_null(strstr(a->sections[0].paragraphs[0], "long enough to count"));
	article_free(a);
}

static void test_charset_detection(void **state)
{
	(void)state;
	char enc[64];
	html_charset("\xEF\xBB\xBF<html>", 9, NULL, enc, sizeof enc);
	assert_string_equal(enc, "utf-8");
	html_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", 68, NULL, enc, sizeof enc);
	assert_string_equal(enc, "koi8-r");
	html_charset("<meta charset='latin1'><p>caf\xE9</p>", 34, NULL, enc, sizeof enc);
	assert_string_equal(enc, "windows-1252");
	html_charset("<p>caf\xE9</p>", 11, NULL, enc, sizeof enc);
	assert_string_equal(enc, "windows-1252");
	html_charset("<p>caf\xC3\xA9</p>", 12, NULL, enc, sizeof enc);
	assert_string_equal(enc, "utf-8");
	html_charset("<p>x</p>", 8, "text/html; charset=\"Shift_JIS\"", enc, sizeof enc);
	assert_string_equal(enc, "shift_jis"); /* labels come folded from the one Content-Type parser */
	html_charset("<p>x</p>", 8, "text/html; charset=no-such-charset", enc, sizeof enc);
	assert_string_equal(enc, "utf-8");
}

/* ---- hostile HTML: bounded, no crash, clean output ---- */

static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(hl + ul * n + tl + 1);
	assert_non_null(s);
	memcpy(s, head, hl);
	for (size_t i = 0; i < n; i++)
		memcpy(s + hl + i * ul, unit, ul);
	memcpy(s + hl + ul * n, tail, tl + 1);
	*len = hl + ul * n + tl;
	return s;
}

static void parse_hostile(const char *data, size_t len, int must_succeed)
{
	struct article *a = article_new();
	char err[256] = "";
	int rc = html_parse(data, len, "https://example.org/x", NULL, a, err, sizeof err);
	if (must_succeed && rc)
		fail_msg("%s", err);
	if (rc)
		assert_true(err[0] != '\0');
	else
		assert_clean_article(a);
	article_free(a);
}

static void test_hostile_nested_divs(void **state)
{
	(void)state;
	size_t n1, n2;
	char *open = repeat("<html><body>", "<div>", 100000, "", &n1);
	char *page = malloc(n1 + 200 + 100000 * 6);
	assert_non_null(page);
	memcpy(page, open, n1);
	size_t len = n1;
	len += (size_t)sprintf(page + len, "<p>Deep inside, a sentence long enough to be a paragraph of its own.</p>");
	for (int i = 0; i < 100000; i++)
		memcpy(page + len, "</div>", 6), len += 6;
	page[len] = '\0';
	parse_hostile(page, len, 0);
	free(open);
	free(page);
	/* nested inline elements and lists, never closed */
	char *unclosed = repeat("<html><body>", "<div><p><b><i><span><a href='/x'><ul><li><table><tr><td>word, ", 20000, "", &n2);
	parse_hostile(unclosed, n2, 0);
	free(unclosed);
}

static void test_hostile_50mb_page(void **state)
{
	(void)state;
	size_t len;
	const char *para = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
	                   "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.</p>\n";
	char *page = repeat("<html><body><article>", para, (50u << 20) / strlen(para) + 1, "</article></body></html>", &len);
	assert_true(len >= (50u << 20));
	struct article *a = article_new();
	char err[256] = "";
	if (html_parse(page, len, NULL, NULL, a, err, sizeof err))
		fail_msg("%s", err);
	size_t total = 0;
	for (size_t i = 0; i < a->n_sections; i++)
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			total += strlen(a->sections[i].paragraphs[j]);
	assert_true(total > 0 && total <= HTML_TEXT_MAX + 4096);
	article_free(a);
	free(page);
}

static void test_hostile_invalid_utf8_and_controls(void **state)
{
	(void)state;
	const char page[] = "<html><head><meta charset=\"utf-8\"><title>Bad \xFF\xFE bytes \xC3</title>"
	                    "<meta name=\"author\" content=\"Eve \x1B[31mRed\x07\"></head><body><article>"
	                    "<p>Invalid \x80\x81 UTF-8 \xED\xA0\x80 surrogate, \xF4\x90\x80\x80 too big, and \x01\x1B[2J "
	                    "controls \xC2\x9B here, \xE2\x80\xAE bidi, in a sentence long enough to count.</p>"
	                    "<p>A NUL \0 in the middle of the second paragraph, which must not cut the page short.</p>"
	                    "<a href=\"http://x.example/\x1B]8;;evil\x07\">link \x1B[1m</a></article></body></html>";
	struct article *a = article_new();
	char err[256] = "";
	if (html_parse(page, sizeof page - 1, NULL, NULL, a, err, sizeof err))
		fail_msg("%s", err);
	assert_clean_article(a);
	char *body = body_text(a);
	assert_non_null(strstr(body, "must not cut the page short"));
	assert_null(strstr(body, "\xE2\x80\xAE"));
	free(body);
	article_free(a);
}

static void test_hostile_utf16_and_garbage(void **state)
{
	(void)state;
	/* UTF-16LE with a BOM */
	const char *ascii = "<html><body><p>A page in UTF-16, with commas, long enough to be read as an article.</p></body></html>";
	size_t n = strlen(ascii);
	char *u16 = malloc(2 + 2 * n);
	assert_non_null(u16);
	u16[0] = '\xFF', u16[1] = '\xFE';
	for (size_t i = 0; i < n; i++)
		u16[2 + 2 * i] = ascii[i], u16[3 + 2 * i] = 0;
	struct article *a = article_new();
	char err[256] = "";
	if (html_parse(u16, 2 + 2 * n, NULL, NULL, a, err, sizeof err))
		fail_msg("%s", err);
	assert_non_null(strstr(a->sections[0].paragraphs[0], "A page in UTF-16"));
	article_free(a);
	free(u16);
	/* random bytes */
	char junk[65536];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	parse_hostile(junk, sizeof junk, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comment_section_is_dropped),
		cmocka_unit_test(test_related_rail_is_dropped),
		cmocka_unit_test(test_no_article),
		cmocka_unit_test(test_empty_and_blank_pages),
		cmocka_unit_test(test_dateline_paragraph_stays_in_body),
		cmocka_unit_test(test_charset_cp1252_meta),
		cmocka_unit_test(test_charset_header_wins),
		cmocka_unit_test(test_charset_iconv_with_bad_bytes),
		cmocka_unit_test(test_charset_detection),
		cmocka_unit_test(test_hostile_nested_divs),
		cmocka_unit_test(test_hostile_50mb_page),
		cmocka_unit_test(test_hostile_invalid_utf8_and_controls),
		cmocka_unit_test(test_hostile_utf16_and_garbage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
