/* test_html_meta.c: headline, byline, date and site from JSON-LD, meta tags and the page. */
#include "html_testlib.h"
#include "html_date.h"
#include "html_meta.h"
#include "html_title.h"

#include <libxml/HTMLparser.h>

static void test_jsonld_graph_only_date(void **state)
{
	(void)state;
	struct article *a = parse_page("jsonld_date.html", NULL);
	assert_string_equal(a->published, "2024-11-02T10:15:00+01:00");
	assert_string_equal(a->byline, "Ada Okafor, Liam Chen");
	assert_string_equal(a->headline, "Library opens a seed exchange for local gardeners");
	assert_string_equal(a->site, "Northside Post");
	article_free(a);
}

static void test_byline_in_class(void **state)
{
	(void)state;
	struct article *a = parse_page("byline_class.html", NULL);
	assert_string_equal(a->byline, "Jonas Weber"); /* "By" opens the line, it is no part of the name */
	assert_string_equal(a->published, "2025-01-20");
	char *body = body_text(a);
	assert_null(strstr(body, "Jonas Weber")); /* a byline block is metadata, not body */
	assert_null(strstr(body, "20 January 2025"));
	free(body);
	article_free(a);
}

static void test_jsonld_variants(void **state)
{
	(void)state;
	struct article *a = meta_only(
		"<html><head><script type=\"application/ld+json\"><![CDATA[ [{\"@type\":\"BreadcrumbList\"},"
		"{\"@type\":[\"Thing\",\"http://schema.org/BlogPosting\"],\"headline\":\"Post title\","
		"\"author\":\"Kim Park\",\"datePublished\":\"Tue, 04 Mar 2025 09:00:00 GMT\","
		"\"publisher\":[{\"name\":\"Kim's Blog\"}]}] ]]></script>"
		"<meta property=\"og:title\" content=\"OG title\"></head><body></body></html>", NULL);
	assert_string_equal(a->headline, "Post title");
	assert_string_equal(a->byline, "Kim Park");
	assert_string_equal(a->published, "2025-03-04");
	assert_string_equal(a->site, "Kim's Blog");
	article_free(a);
	/* broken JSON-LD: the meta tags still answer */
	a = meta_only("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script>"
	            "<meta property=\"og:title\" content=\"OG title\"><meta property=\"article:published_time\" content=\"2023-07-01T12:00:00Z\">"
	            "<meta name=\"author\" content=\"  Sam   Lee \"></head><body></body></html>", NULL);
	assert_string_equal(a->headline, "OG title");
	assert_string_equal(a->published, "2023-07-01T12:00:00Z");
	assert_string_equal(a->byline, "Sam Lee");
	article_free(a);
}

static void test_known_fields_are_kept(void **state)
{
	(void)state;
	const char *page = "<html><head><meta property=\"article:published_time\" content=\"2023-07-01\">"
	                   "<link rel=\"canonical\" href=\"https://site.example/canon\"></head><body></body></html>";
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	struct article *a = article_new();
	article_set(&a->published, "2024-01-01", 10);
	assert_int_equal(html_meta_read(doc, a), 0);
	assert_string_equal(a->published, "2024-01-01"); /* what a feed said wins */
	assert_string_equal(a->url, "https://site.example/canon");
	xmlFreeDoc(doc);
	article_free(a);
}

static void test_title_cleaning(void **state)
{
	(void)state;
	char out[256];
	html_title_clean("Harbour bridge reopens after repairs | The Coastal Gazette", NULL, out, sizeof out);
	assert_string_equal(out, "Harbour bridge reopens after repairs");
	html_title_clean("Orchard growers count frost losses - Valley Times", NULL, out, sizeof out);
	assert_string_equal(out, "Orchard growers count frost losses");
	html_title_clean("Gazette \xC2\xBB Harbour bridge reopens after repairs", NULL, out, sizeof out);
	assert_string_equal(out, "Harbour bridge reopens after repairs");
	html_title_clean("A plain title without any site name", NULL, out, sizeof out);
	assert_string_equal(out, "A plain title without any site name");
	/* too little would be left: the separator belongs to the title */
	html_title_clean("Q&A - Part 2", NULL, out, sizeof out);
	assert_string_equal(out, "Q&A - Part 2");
	html_title_clean("Ferry timetable changes for the summer \xE2\x80\x94 Island News", "Island News", out, sizeof out);
	assert_string_equal(out, "Ferry timetable changes for the summer");
}

static void test_dates(void **state)
{
	(void)state;
	char d[40];
	assert_int_equal(html_date_iso("2018-04-05T06:00:00+02:00", d, sizeof d), 0);
	assert_string_equal(d, "2018-04-05T06:00:00+02:00");
	assert_int_equal(html_date_iso(" 2018-04-05 06:00", d, sizeof d), 0);
	assert_string_equal(d, "2018-04-05T06:00");
	assert_int_equal(html_date_iso("2018/4/5", d, sizeof d), 0);
	assert_string_equal(d, "2018-04-05");
	assert_int_equal(html_date_iso("20180405", d, sizeof d), 0);
	assert_string_equal(d, "2018-04-05");
	assert_int_equal(html_date_iso("Thu, 05 Apr 2018 06:00:00 GMT", d, sizeof d), 0);
	assert_string_equal(d, "2018-04-05");
	assert_int_equal(html_date_iso("April 5, 2018 at 10:30 am", d, sizeof d), 0);
	assert_string_equal(d, "2018-04-05");
	assert_int_equal(html_date_iso("5 septembre 2018", d, sizeof d), 0);
	assert_string_equal(d, "2018-09-05");
	assert_int_equal(html_date_iso("yesterday", d, sizeof d), -1);
	assert_int_equal(html_date_iso("2018-13-45", d, sizeof d), -1);
	assert_int_equal(html_date_iso("", d, sizeof d), -1);
}

static void test_dom_byline_sources(void **state)
{
	(void)state;
	struct article *a = meta_only("<html><body><div itemprop=\"author\" itemscope><span itemprop=\"name\">Rosa Diaz</span>"
	                            "<span itemprop=\"jobTitle\">Science editor</span></div><p>Text.</p></body></html>", NULL);
	assert_string_equal(a->byline, "Rosa Diaz");
	article_free(a);
	a = meta_only("<html><body><a rel=\"author\" href=\"/p/li\">Li Wei</a></body></html>", NULL);
	assert_string_equal(a->byline, "Li Wei");
	article_free(a);
	/* a block named "author" that is an author's biography is too long to be a byline */
	a = meta_only("<html><body><div class=\"author-bio\">Rosa Diaz has written about science for twenty years, "
	            "covering space, climate and medicine for papers on three continents.</div></body></html>", NULL);
	assert_null(a->byline);
	article_free(a);
}

static void test_escaped_metadata_and_prefixes(void **state)
{
	(void)state;
	struct article *a = meta_only("<html><head><meta property=\"og:title\" content=\"&amp;#8216;Quoted&amp;#8217; &amp;amp; more &amp;hellip;\">"
	                            "<meta property=\"og:article:author\" content=\"Noor Haddad\"></head><body></body></html>", NULL);
	assert_string_equal(a->headline, "\xE2\x80\x98Quoted\xE2\x80\x99 & more \xE2\x80\xA6");
	assert_string_equal(a->byline, "Noor Haddad");
	article_free(a);
	/* the name field of a comment form is labelled "author" too */
	a = meta_only("<html><body><form id=\"commentform\"><p class=\"comment-form-author\"><label>Name (required)</label></p></form>"
	            "<span class=\"author\">Pia Holm</span></body></html>", NULL);
	assert_string_equal(a->byline, "Pia Holm");
	article_free(a);
}

static void test_headline_from_h1_without_title(void **state)
{
	(void)state;
	struct article *a = meta_only("<html><body><nav>Menu</nav><h1> Flood  defences  hold </h1><p>Text.</p></body></html>", NULL);
	assert_string_equal(a->headline, "Flood defences hold");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonld_graph_only_date),
		cmocka_unit_test(test_byline_in_class),
		cmocka_unit_test(test_jsonld_variants),
		cmocka_unit_test(test_known_fields_are_kept),
		cmocka_unit_test(test_title_cleaning),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dom_byline_sources),
		cmocka_unit_test(test_escaped_metadata_and_prefixes),
		cmocka_unit_test(test_headline_from_h1_without_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
