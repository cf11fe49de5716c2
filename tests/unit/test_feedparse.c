/* test_feedparse.c: feed_parse() on small feeds of our own in tests/data/feeds/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "feed.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static struct feed *parse_mem(const char *data, size_t len, const char *ct, char *err)
{
	struct feed *f = NULL;
	err[0] = '\0';
	if (feed_parse(data, len, ct, NULL, &f, err, 256))
		return NULL;
	return f;
}

static struct feed *parse_file(const char *name, const char *ct, char *err)
{
	char path[512], ferr[256], *data;
	size_t len;
	const char *root = getenv("DATELINE_ROOT");
	snprintf(path, sizeof path, "%s/tests/data/feeds/%s", root ? root : ".", name);
	if (file_read(path, 1 << 20, &data, &len, ferr, sizeof ferr))
		fail_msg("%s", ferr);
	struct feed *f = parse_mem(data, len, ct, err);
	free(data);
	return f;
}

static struct feed *must_parse(const char *name)
{
	char err[256];
	struct feed *f = parse_file(name, NULL, err);
	if (!f)
		fail_msg("%s: %s", name, err);
	return f;
}

static void test_rss2(void **state)
{
	(void)state;
	struct feed *f = must_parse("rss2.xml");
	assert_string_equal(f->format, "rss2.0");
	assert_string_equal(f->encoding, "utf-8");
	assert_string_equal(f->title, "Harbour Gazette \u2013 World"); /* &ndash; undeclared, decoded */
	assert_string_equal(f->link, "https://news.example.org/world/");
	assert_string_equal(f->language, "en-gb");
	assert_string_equal(f->updated, "2025-03-04T08:30:00Z");
	assert_int_equal(f->n_items, 2);
	struct feed_item *a = &f->items[0], *b = &f->items[1];
	assert_string_equal(a->title, "Caf\u00e9 owners & fishermen meet in Bilbao");
	assert_string_equal(a->link, "https://news.example.org/world/stories/cafe-owners"); /* xml:base */
	assert_string_equal(a->id, "gazette-1001");
	assert_string_equal(a->author, "Ana Etxeberria");
	assert_string_equal(a->published, "2025-03-03T22:05:00Z");
	assert_int_equal(a->n_categories, 2);
	assert_string_equal(a->categories[1], "Fishing");
	assert_non_null(strstr(a->summary, "href=\"https://news.example.org/more\""));
	assert_non_null(strstr(a->content, "<b>story</b>")); /* CDATA */
	assert_non_null(strstr(a->content, "https://news.example.org/world/photos/1.jpg"));
	assert_int_equal(a->n_enclosures, 1);
	assert_string_equal(a->enclosures[0].url, "https://news.example.org/world/audio/cafe.mp3");
	assert_string_equal(a->enclosures[0].type, "audio/mpeg");
	assert_int_equal(a->enclosures[0].length, 123456);
	/* a permalink guid is the link; media:title does not replace the title */
	assert_string_equal(b->link, "https://news.example.org/world/second");
	assert_string_equal(b->title, "Second item");
	assert_string_equal(b->author, "Night Desk");
	assert_string_equal(b->published, "2025-03-02T23:59:00Z");
	assert_int_equal(b->n_enclosures, 1);
	assert_string_equal(b->enclosures[0].url, "https://cdn.example.org/v.mp4");
	assert_int_equal(b->enclosures[0].length, 999);
	feed_free(f);
}

static void test_rss091_entities(void **state)
{
	(void)state;
	struct feed *f = must_parse("rss091.xml");
	assert_string_equal(f->format, "rss0.91");
	assert_string_equal(f->encoding, "iso-8859-1");
	assert_string_equal(f->description, "An RSS 0.91 channel with an \u00fcmlaut and \u00a0space");
	assert_string_equal(f->items[0].title, "Only a title \u00a9 1999");
	/* a bare '&' is recovered, not an error */
	assert_non_null(strstr(f->items[0].summary, "?a=1&b=2"));
	feed_free(f);
}

static void test_rdf(void **state)
{
	(void)state;
	struct feed *f = must_parse("rdf.xml");
	assert_string_equal(f->format, "rss1.0");
	assert_string_equal(f->language, "fr");
	assert_int_equal(f->n_items, 1);
	assert_string_equal(f->items[0].id, "http://rdf.example.net/a");
	assert_string_equal(f->items[0].summary, "R\u00e9sum\u00e9");
	assert_string_equal(f->items[0].updated, "2004-07-08T21:56:58Z");
	assert_string_equal(f->items[0].categories[0], "Politique");
	assert_string_equal(f->items[0].author, "Jeanne Martin");
	feed_free(f);
	char err[256];
	const char *rss090 = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                     "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>Old</title></channel>"
	                     "<item><title>First</title><link>http://n.example/1</link></item></rdf:RDF>";
	assert_non_null(f = parse_mem(rss090, strlen(rss090), NULL, err));
	assert_string_equal(f->format, "rss0.90");
	assert_string_equal(f->title, "Old");
	assert_string_equal(f->items[0].link, "http://n.example/1");
	feed_free(f);
}

static void test_atom10(void **state)
{
	(void)state;
	struct feed *f = must_parse("atom10.xml");
	assert_string_equal(f->format, "atom1.0");
	assert_string_equal(f->title, "Notes & Queries");
	assert_string_equal(f->description, "<em>Slow</em> news");
	assert_string_equal(f->link, "https://blog.example.com/");
	assert_string_equal(f->language, "en-US");
	assert_int_equal(f->n_items, 2);
	struct feed_item *a = &f->items[0], *b = &f->items[1];
	assert_string_equal(a->title, "On <i>tides</i>"); /* xhtml wrapper div removed */
	assert_string_equal(a->link, "https://blog.example.com/posts/2025/tides.html");
	assert_string_equal(a->id, "tag:blog.example.com,2025:1"); /* not the source's id */
	assert_string_equal(a->published, "2025-03-01T06:00:00Z");
	assert_string_equal(a->updated, "2025-03-02T13:00:00Z");
	assert_string_equal(a->author, "Maya Lind");
	assert_string_equal(a->summary, "Tides <explained>");
	assert_string_equal(a->content,
	                    "<p>See <a href=\"https://blog.example.com/posts/2025/chart.png\">the chart</a>.</p>");
	assert_string_equal(a->categories[0], "science");
	assert_string_equal(a->enclosures[0].url, "https://blog.example.com/posts/2025/tides.jpg");
	assert_int_equal(a->enclosures[0].length, 2048);
	assert_string_equal(b->title, "<b>Bold</b> claim");
	assert_string_equal(b->author, "anon@example.com");
	assert_non_null(strstr(b->content, "src=\"https://blog.example.com/i.png\""));
	feed_free(f);
}

static void test_podcast_and_inheritance(void **state)
{
	(void)state;
	struct feed *f = must_parse("podcast.xml");
	assert_string_equal(f->description, "Conversations on the quay"); /* itunes:subtitle */
	assert_string_equal(f->items[0].author, "Ana Etxeberria");
	assert_string_equal(f->items[0].summary, "Why nets are mended by hand.");
	assert_string_equal(f->items[0].categories[0], "Society & Culture");
	assert_int_equal(f->items[0].enclosures[0].length, 31415926);
	feed_free(f);
	f = must_parse("atom-inherit.xml");
	assert_string_equal(f->items[0].author, "Feed Author"); /* RFC 4287 4.2.1 */
	assert_string_equal(f->items[1].author, "Someone");
	assert_string_equal(f->items[0].link, "https://elsewhere.example/1"); /* content src */
	assert_null(f->items[0].content);
	feed_free(f);
}

static void test_atom03(void **state)
{
	(void)state;
	struct feed *f = must_parse("atom03.xml");
	assert_string_equal(f->format, "atom0.3");
	assert_string_equal(f->title, "Old <i>Atom</i>");
	assert_string_equal(f->description, "A tagline");
	assert_string_equal(f->updated, "2004-01-01T19:48:21Z");
	assert_string_equal(f->items[0].content, "<p>Hello <b>world</b></p>"); /* mode="base64" */
	assert_string_equal(f->items[0].published, "2003-12-31T10:14:55Z");
	feed_free(f);
}

static void test_jsonfeed(void **state)
{
	(void)state;
	struct feed *f = must_parse("jsonfeed11.json");
	assert_string_equal(f->format, "jsonfeed1.1");
	assert_string_equal(f->title, "Pocket Radio");
	assert_string_equal(f->link, "https://radio.example.net/");
	assert_int_equal(f->n_items, 2);
	assert_string_equal(f->items[0].published, "2025-02-01T09:00:00Z");
	assert_string_equal(f->items[0].author, "Radio Team");
	assert_string_equal(f->items[0].categories[1], "talk");
	assert_int_equal(f->items[0].enclosures[0].length, 4096);
	assert_string_equal(f->items[1].id, "1");
	assert_string_equal(f->items[1].author, "Guest");
	assert_string_equal(f->items[1].content, "Plain one");
	feed_free(f);
	/* 1.0: a single author object, inherited by the items; relative URLs against the base */
	char err[256], path[512], ferr[256], *data;
	size_t len;
	const char *root = getenv("DATELINE_ROOT");
	snprintf(path, sizeof path, "%s/tests/data/feeds/jsonfeed10.json", root ? root : ".");
	if (file_read(path, 1 << 20, &data, &len, ferr, sizeof ferr))
		fail_msg("%s", ferr);
	assert_int_equal(feed_parse(data, len, "application/feed+json", "https://harbour.example/feeds/tides.json", &f,
	                            err, sizeof err), 0);
	free(data);
	assert_string_equal(f->format, "jsonfeed1.0");
	assert_string_equal(f->link, "https://harbour.example/feeds/tides/");
	assert_string_equal(f->items[0].author, "Harbour Office");
	assert_string_equal(f->items[0].link, "https://harbour.example/feeds/tides/2025-03-07");
	assert_string_equal(f->items[0].published, "2025-03-07T05:00:00Z");
	feed_free(f);
	const char *notfeed = "{\"name\": \"just some JSON\"}";
	assert_null(parse_mem(notfeed, strlen(notfeed), NULL, err));
	assert_non_null(strstr(err, "not a feed"));
}

struct charset_case {
	const char *file, *content_type, *encoding, *title;
};

static void test_charsets(void **state)
{
	(void)state;
	static const struct charset_case cases[] = {
		{"charset-windows-1251.xml", NULL, "windows-1251", "Новости дня"},
		{"charset-koi8-r.xml", NULL, "koi8-r", "Новости дня"},
		{"charset-shift_jis.xml", NULL, "shift_jis", "今日のニュース"},
		{"charset-gb2312.xml", NULL, "gb18030", "今日新闻"},
		{"charset-big5.xml", NULL, "big5", "今日新聞"},
		{"charset-euc-kr.xml", NULL, "euc-kr", "오늘의 뉴스"},
		{"charset-iso-8859-2.xml", NULL, "iso-8859-2", "Zażółć gęślą jaźń"},
		{"charset-utf-16le-bom.xml", NULL, "utf-16le", "Ελληνικά νέα"},
		{"charset-utf-16be-nobom.xml", NULL, "utf-16be", "Ελληνικά νέα"},
		{"charset-utf-32le-bom.xml", NULL, "utf-32le", "Ελληνικά νέα"},
		/* no label at all, not UTF-8: windows-1252 */
		{"charset-undeclared-latin1.xml", NULL, "windows-1252", "Café ’s"},
		/* the HTTP charset wins over the XML declaration (RFC 3023) */
		{"charset-http-overrides.xml", "text/xml; charset=\"windows-1251\"", "windows-1251", "Новости дня"},
		{"charset-http-overrides.xml", "application/rss+xml;charset='WINDOWS-1251'", "windows-1251", "Новости дня"},
		/* a BOM outranks a wrong HTTP label */
		{"charset-utf-16le-bom.xml", "text/xml; charset=iso-8859-1", "utf-16le", "Ελληνικά νέα"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char err[256];
		struct feed *f = parse_file(cases[i].file, cases[i].content_type, err);
		if (!f)
			fail_msg("%s: %s", cases[i].file, err);
		if (strcmp(f->encoding, cases[i].encoding) || strcmp(f->title, cases[i].title))
			fail_msg("%s: got %s \"%s\"", cases[i].file, f->encoding, f->title);
		feed_free(f);
	}
}

static void test_entities(void **state)
{
	(void)state;
	char err[256];
	const char *doc = "<rss version=\"2.0\"><channel><title>&aacute;&hellip;&Omega;&nbsp;&amp;&lt;&#X41;&#146;"
	                  "&nosuch;</title><item><title><![CDATA[&aacute; stays]]></title></item></channel></rss>";
	struct feed *f = parse_mem(doc, strlen(doc), NULL, err);
	assert_non_null(f);
	assert_string_equal(f->title, "á…Ω\u00a0&<A’&nosuch;");
	assert_string_equal(f->items[0].title, "&aacute; stays");
	feed_free(f);
}

static void test_xml_base(void **state)
{
	(void)state;
	char err[256];
	const char *doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://a.example/x/\">"
	                  "<entry xml:base=\"../y/\"><link href=\"z.html\"/>"
	                  "<content type=\"html\" xml:base=\"http://b.example/\">&lt;a href=\"q\"&gt;q&lt;/a&gt;</content>"
	                  "</entry><entry><link href=\"//c.example/p\"/></entry></feed>";
	struct feed *f = NULL;
	assert_int_equal(feed_parse(doc, strlen(doc), NULL, "http://ignored.example/", &f, err, sizeof err), 0);
	assert_string_equal(f->items[0].link, "http://a.example/y/z.html");
	assert_string_equal(f->items[0].content, "<a href=\"http://b.example/q\">q</a>");
	assert_string_equal(f->items[1].link, "http://c.example/p");
	feed_free(f);
	/* without xml:base, the caller's base URL resolves */
	const char *rss = "<rss><channel><link>/home</link><item><link>a/b</link></item></channel></rss>";
	assert_int_equal(feed_parse(rss, strlen(rss), NULL, "https://d.example/feeds/rss", &f, err, sizeof err), 0);
	assert_string_equal(f->link, "https://d.example/home");
	assert_string_equal(f->items[0].link, "https://d.example/feeds/a/b");
	feed_free(f);
}

static long maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void test_xxe(void **state)
{
	(void)state;
	struct feed *f = must_parse("xxe.xml");
	assert_string_equal(f->title, "before&xxe;after");
	assert_string_equal(f->items[0].title, "&xxe;");
	assert_null(strstr(f->items[0].summary, "root:"));
	feed_free(f);
}

static void test_billion_laughs(void **state)
{
	(void)state;
	long before = maxrss_kb();
	struct feed *f = must_parse("billion_laughs.xml");
	/* nested entities are never expanded; a plain internal one is */
	assert_string_equal(f->title, "&lol9;");
	assert_string_equal(f->description, "Laughs Weekly");
	assert_true(maxrss_kb() - before < 32 * 1024);
	feed_free(f);
}

static void test_refusals(void **state)
{
	(void)state;
	char err[256];
	assert_null(parse_file("not-a-feed.html", "text/html", err));
	assert_string_equal(err, "not a feed: HTML page");
	assert_null(parse_file("broken.xml", NULL, err));
	assert_non_null(strstr(err, "XML error line 2"));
	assert_null(parse_mem("", 0, NULL, err));
	assert_non_null(strstr(err, "empty"));
	assert_null(parse_mem(" \n ", 3, NULL, err));
	assert_string_equal(err, "not a feed: the document is blank");
	assert_null(parse_mem("Hello\033[31m", 10, NULL, err));
	assert_string_equal(err, "not a feed: the document is not XML (it starts \"Hello\")"); /* no escape quoted */
	assert_null(parse_mem("<?xml version=\"1.0\"?>\n", 22, NULL, err));
	assert_string_equal(err, "not a feed: the document has no elements");
	const char *other = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>";
	assert_null(parse_mem(other, strlen(other), NULL, err));
	assert_non_null(strstr(err, "not a feed"));
	/* ill-formed but recoverable: the reader keeps what it can */
	const char *bad = "<rss><channel><title>a</title><item><title>b</titl></item>";
	struct feed *f = parse_mem(bad, strlen(bad), NULL, err);
	assert_non_null(f);
	assert_string_equal(f->items[0].title, "b");
	feed_free(f);
}

static void test_limits(void **state)
{
	(void)state;
	char err[256];
	size_t n = 10001, cap = 64 + n * 48;
	char *doc = malloc(cap), *p = doc;
	assert_non_null(doc);
	p += sprintf(p, "<rss><channel>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<item><title/></item>");
	p += sprintf(p, "</channel></rss>");
	assert_null(parse_mem(doc, (size_t)(p - doc), NULL, err));
	assert_non_null(strstr(err, "more than 10000 items"));
	/* one item with 10001 categories and enclosures: kept to the limits, in linear time */
	p = doc;
	p += sprintf(p, "<rss><channel><item>");
	for (size_t i = 0; i < n / 2; i++)
		p += sprintf(p, "<category>c%zu</category><enclosure url=\"e%zu\"/>", i, i);
	p += sprintf(p, "</item></channel></rss>");
	struct feed *f = parse_mem(doc, (size_t)(p - doc), NULL, err);
	assert_non_null(f);
	assert_int_equal(f->items[0].n_categories, 256);
	assert_int_equal(f->items[0].n_enclosures, 64);
	feed_free(f);
	p = doc;
	p += sprintf(p, "<rss><channel><item><description>");
	for (int i = 0; i < 300; i++)
		p += sprintf(p, "<b>");
	p += sprintf(p, "x");
	assert_null(parse_mem(doc, (size_t)(p - doc), NULL, err));
	assert_non_null(strstr(err, "deep"));
	/* thousands of attributes on one element (quadratic in libxml2) are refused up front */
	p = doc;
	p += sprintf(p, "<rss><channel><item");
	for (int i = 0; i < 2000; i++)
		p += sprintf(p, " a%d=\"&gt;\"", i);
	p += sprintf(p, "><title>x</title></item></channel></rss>");
	assert_null(parse_mem(doc, (size_t)(p - doc), NULL, err));
	assert_string_equal(err, "an element has more than 1024 attributes");
	free(doc);
	char *big = calloc(1, FEED_MAX_BYTES + 2);
	assert_non_null(big);
	assert_null(parse_mem(big, FEED_MAX_BYTES + 1, NULL, err));
	assert_non_null(strstr(err, "larger than"));
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),         cmocka_unit_test(test_rss091_entities),
		cmocka_unit_test(test_rdf),          cmocka_unit_test(test_atom10),
		cmocka_unit_test(test_atom03),       cmocka_unit_test(test_podcast_and_inheritance),       cmocka_unit_test(test_jsonfeed),
		cmocka_unit_test(test_charsets),     cmocka_unit_test(test_entities),
		cmocka_unit_test(test_xml_base),     cmocka_unit_test(test_xxe),
		cmocka_unit_test(test_billion_laughs), cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
