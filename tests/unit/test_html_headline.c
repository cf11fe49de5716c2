/* test_html_headline.c: the article's own headline among <h1>s and metadata titles, never the site's name. */
#include "html_testlib.h"
#include "html_headline.h"

static void test_site_suffix_and_logo_h1(void **state)
{
	(void)state;
	struct article *a = parse_page("headline_site.html", "https://www.hafenbote.example/verkehr/faehre.html");
	/* the logo's <h1> links home; the kicker inside the article's <h1> is not the headline */
	assert_string_equal(a->headline, "Neue F\xC3\xA4hre verbindet die Inseln ab Mai");
	assert_string_equal(a->site, "Hafenbote");
	/* <meta name=author> names the site: the page's own byline line wins */
	assert_string_equal(a->byline, "Marta Lindqvist");
	assert_string_equal(a->published, "2024-03-05");
	article_free(a);
}

static void test_metadata_titles_lose_site_parts(void **state)
{
	(void)state;
	struct headline_sources src = {{NULL}, {"Valley Times", NULL, NULL}, "news.valleytimes.example"};
	char out[256];
	assert_int_equal(html_headline_strip_site("Council votes on budget | Valley Times", &src, out, sizeof out), 1);
	assert_string_equal(out, "Council votes on budget");
	assert_int_equal(html_headline_strip_site("Valley Times - Council votes on budget", &src, out, sizeof out), 1);
	assert_string_equal(out, "Council votes on budget");
	/* the host's name counts as the site's, whatever the separator */
	assert_int_equal(html_headline_strip_site("Council votes on budget \xC2\xBB valleytimes.example", &src, out,
	                                          sizeof out), 1);
	assert_string_equal(out, "Council votes on budget");
	/* a separator inside the headline stays when neither side names the site */
	assert_int_equal(html_headline_strip_site("Rain - and more rain - for the weekend", &src, out, sizeof out), 0);
	assert_string_equal(out, "Rain - and more rain - for the weekend");
}

static void test_h1_repeated_by_titles_wins(void **state)
{
	(void)state;
	/* og:title shortened for shares; the <h1> the titles repeat is the headline */
	struct article *a = meta_only(
		"<html><head><title>Storm closes the coast road - Coast Herald</title>"
		"<meta property=\"og:title\" content=\"Storm closes coast road\">"
		"<meta property=\"og:site_name\" content=\"Coast Herald\"></head><body>"
		"<h1><a href=\"https://coastherald.example/\">Coast Herald</a></h1>"
		"<h1>Storm closes the coast road</h1><p>Text.</p></body></html>",
		"https://coastherald.example/2024/storm");
	assert_string_equal(a->headline, "Storm closes the coast road");
	assert_string_equal(a->site, "Coast Herald");
	article_free(a);
}

static void test_unrelated_h1_gives_way_to_titles(void **state)
{
	(void)state;
	/* an <h1> that shares nothing with the titles is a section's name */
	struct article *a = meta_only(
		"<html><head><title>Schools reopen after the floods | Northside Post</title>"
		"<meta property=\"og:site_name\" content=\"Northside Post\"></head><body>"
		"<h1>Education</h1><p>Text.</p></body></html>", NULL);
	assert_string_equal(a->headline, "Schools reopen after the floods");
	article_free(a);
	/* a blog that sets its headline in an <h2> still repeats it in <title> */
	a = meta_only("<html><head><title>Kim's Notes | Porting the parser to C11</title></head><body>"
	            "<h1><a href=\"/\">Kim's Notes</a></h1><h2>Porting the parser to C11</h2><h2>Archive</h2>"
	            "<p>Text.</p></body></html>", "https://kimsnotes.example/porting");
	assert_string_equal(a->headline, "Porting the parser to C11");
	article_free(a);
}

static void test_only_h1_without_titles(void **state)
{
	(void)state;
	struct article *a = meta_only("<html><body><h1>Willkommen!</h1><p>Text.</p></body></html>", NULL);
	assert_string_equal(a->headline, "Willkommen!");
	article_free(a);
}

static void test_kicker_in_heading_goes(void **state)
{
	(void)state;
	/* the kicker is named; the title repeats it with the headline */
	struct article *a = meta_only("<html><head><title>Nach dem Sturm: Die F\xC3\xA4hre f\xC3\xA4hrt wieder"
	                              "</title></head><body>"
	                              "<h1><span class=\"dachzeile\">Nach dem Sturm</span> "
	                              "<span class=\"headline\">Die F\xC3\xA4hre f\xC3\xA4hrt wieder</span></h1>"
	                              "<p>Text.</p></body></html>", NULL);
	assert_string_equal(a->headline, "Die F\xC3\xA4hre f\xC3\xA4hrt wieder");
	article_free(a);
	a = meta_only("<html><body><h1 class=\"entry-title\"><span class=\"roofline\">Hafen </span>"
	              "Neue Kr\xC3\xA4ne f\xC3\xBCr den Kai</h1><p>Text.</p></body></html>", NULL);
	assert_string_equal(a->headline, "Neue Kr\xC3\xA4ne f\xC3\xBCr den Kai");
	article_free(a);
}

static void test_alike(void **state)
{
	(void)state;
	assert_true(html_headline_alike("Storm closes the coast road", "storm CLOSES the coast road") > 0.99);
	assert_true(html_headline_alike("Storm closes the coast road", "Coast Herald") < 0.3);
	assert_true(html_headline_alike("", "x") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_site_suffix_and_logo_h1),
		cmocka_unit_test(test_metadata_titles_lose_site_parts),
		cmocka_unit_test(test_h1_repeated_by_titles_wins),
		cmocka_unit_test(test_unrelated_h1_gives_way_to_titles),
		cmocka_unit_test(test_only_h1_without_titles),
		cmocka_unit_test(test_kicker_in_heading_goes),
		cmocka_unit_test(test_alike),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
