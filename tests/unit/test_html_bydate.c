/* test_html_bydate.c: bylines and dates as pages write them, in several languages. */
#include "html_testlib.h"
#include "html_byline.h"
#include "html_date.h"

/* reader(text) gives want (NULL: no date). */
static void expect_read(int (*reader)(const char *, char *, size_t), const char *text, const char *want)
{
	char out[40] = "";
	int rc = reader(text, out, sizeof out);
	if (!want) {
		if (rc == 0)
			fail_msg("'%s' read as %s", text, out);
		return;
	}
	if (rc)
		fail_msg("'%s': no date found", text);
	assert_string_equal(out, want);
}

static void expect_date(const char *text, const char *want) { expect_read(html_date_find, text, want); }
static void expect_iso(const char *text, const char *want) { expect_read(html_date_iso, text, want); }

static void test_dates_in_text(void **state)
{
	(void)state;
	expect_date("Ver\xC3\xB6" "ffentlicht am 25.08.2015 um 10:05", "2015-08-25");
	expect_date("5. Januar 2020", "2020-01-05");
	expect_date("Dienstag, 3. M\xC3\xA4rz 2020", "2020-03-03");
	expect_date("January 5, 2020", "2020-01-05");
	expect_date("Posted Sept. 12th, 2019 at 9:00", "2019-09-12");
	expect_date("le 7 f\xC3\xA9vrier 2021", "2021-02-07");
	expect_date("12 de enero de 2023", "2023-01-12");
	expect_date("4 pa\xC5\xBA" "dziernika 2022", "2022-10-04");
	expect_date("2019-11-10", "2019-11-10");
	expect_date("Stand: 1/31/2022", "2022-01-31"); /* month first where day first cannot be */
	/* a month and a year name no day; a time is no day either */
	expect_date("Mai 2020", NULL);
	expect_date("um 10:05 Uhr 2020", NULL);
	expect_date("31.02.2020", NULL);
	expect_date("", NULL);
	/* the one date parser's calendar: real days only, leap years counted */
	expect_date("am 29.02.2020", "2020-02-29");
	expect_date("am 29.02.2021", NULL);
	expect_date("31.04.2020 oder 30.04.2020", "2020-04-30");
	expect_date("31 avril 2020", NULL);
	expect_date("Stand: 8/25/2015.", "2015-08-25");
	expect_date("Stand: 5/8/2015.", "2015-08-05"); /* day first where both can be */
	expect_date("08-25-2015", NULL);                /* month first only with "/" */
	expect_date("1.2.3 und 25.08.2015", "2015-08-25");
	expect_date("am 25.08.1989", NULL); /* older than news on the web */
	expect_date("1 J\xC3\xA4nner 2013", "2013-01-01");
	expect_date("3 giugno del 2019", "2019-06-03");
}

/* Dates in metadata, read by the one date parser once found. */
static void test_metadata_dates(void **state)
{
	(void)state;
	expect_iso("2018-04-05T06:00:00+02:00", "2018-04-05T06:00:00+02:00"); /* a timestamp kept as written */
	expect_iso("2018.04.05", "2018-04-05");
	expect_iso("2018-4-5 bis 2018-4-6", "2018-04-05");
	expect_iso("201804051230", "2018-04-05");
	expect_iso("2018-02-31", NULL); /* no such day */
	expect_iso("2018-02-29T10:00", NULL);
	expect_iso("2016-02-29T10:00", "2016-02-29T10:00");
	expect_iso("1899-12-31", NULL);
	expect_iso("Mon Oct 11 14:57:21 CEST 2021", "2021-10-11");
	expect_iso("01:38:07 PM IST Nov 20, 2019", "2019-11-20"); /* the time's digits are no day */
	expect_iso("25 November 1947", "1947-11-25");
	expect_iso("21.01.2022, 10:05", "2022-01-21");
	expect_iso("9. Dezember 2013", "2013-12-09");
	expect_iso("Jan24", NULL);
	expect_iso("September 2013/2014", NULL);
}

/* A date in the URL's path, the whole day checked. */
static void test_url_dates(void **state)
{
	(void)state;
	static const struct {
		const char *url, *want;
	} c[] = {
		{"https://port.example/news/2021/6/3/pier", "2021-06-03"},
		{"https://port.example/2021-06-30-pier", "2021-06-30"},
		{"https://port.example/2021/02/30/pier", NULL},
		{"https://port.example/2021/02/28/pier", "2021-02-28"},
		{"https://port.example/1989/02/28/pier", NULL},
		{"https://port.example/12021/02/28/pier", NULL},
		{"https://port.example/28.02.2021/pier", NULL},
	};
	const char *page = "<html><head><title>Harbour news</title></head><body><h1>Harbour news</h1>"
	                   "<p>The harbour opened a new pier for ferries and fishing boats this week, the port said.</p>"
	                   "</body></html>";
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct article *a = parse_string(page, c[i].url);
		if (c[i].want && (!a->published || strcmp(a->published, c[i].want)))
			fail_msg("%s: want %s, got %s", c[i].url, c[i].want, a->published ? a->published : "none");
		if (!c[i].want && a->published)
			fail_msg("%s: want no date, got %s", c[i].url, a->published);
		article_free(a);
	}
}

static void test_date_labels_are_not_names(void **state)
{
	(void)state;
	assert_true(html_date_only("Ver\xC3\xB6" "ffentlicht am"));
	assert_true(html_date_only("Posted on"));
	assert_true(html_date_only("5. M\xC3\xA4rz 2024"));
	assert_true(html_date_only("Publi\xC3\xA9 le 3 mars 2021"));
	assert_false(html_date_only("Marc"));
	assert_false(html_date_only("Jana Novak"));
}

static void test_byline_lines(void **state)
{
	(void)state;
	assert_true(html_byline_line("Von Marta Lindqvist"));
	assert_true(html_byline_line("By Ada Okafor and Liam Chen"));
	assert_true(html_byline_line("Por Luc\xC3\xAD" "a Fern\xC3\xA1ndez"));
	assert_true(html_byline_line("Autor: Jan Kowalski"));
	/* prose that opens like a byline */
	assert_false(html_byline_line("Von Atemschutzmaske \xC3\xBC" "ber Exit-Strategie bis Zoonose"));
	assert_false(html_byline_line("By the end of the week the river had risen"));
	assert_false(html_byline_line("Marta Lindqvist"));

	struct buf b = BUF_INIT;
	buf_puts(&b, "Von J\xC3\xB6rn Mecher am 08.12.2022");
	html_byline_clean(&b);
	assert_string_equal(b.data, "J\xC3\xB6rn Mecher");
	buf_reset(&b);
	buf_puts(&b, "By Jane Doe | 5 min read");
	html_byline_clean(&b);
	assert_string_equal(b.data, "Jane Doe");
	buf_reset(&b);
	buf_puts(&b, "Par Lo\xC3\xAF" "c Le Clerc"); /* "Le" before a name is no date's */
	html_byline_clean(&b);
	assert_string_equal(b.data, "Lo\xC3\xAF" "c Le Clerc");
	buf_reset(&b);
	buf_puts(&b, "Stefanus Stahl 26. Januar 2022 Werkstatt");
	html_byline_clean(&b);
	assert_string_equal(b.data, "Stefanus Stahl");
	buf_free(&b);
	assert_true(html_byline_line("Text von Christian Seiler"));
	assert_false(html_date_only("Standard"));
	assert_true(html_byline_same_source("AP", "Associated Press"));
	assert_true(html_byline_same_source("dpa", "Deutsche Presse-Agentur"));
	assert_true(html_byline_same_source("Reuters", "reuters"));
	assert_false(html_byline_same_source("AP", "Anna Peters Berg"));
	assert_false(html_byline_same_source("Jane Doe", "John Doe"));
}

static void test_jsonld_author_by_reference_and_card(void **state)
{
	(void)state;
	/* an article's author given as a reference to a Person elsewhere in the @graph */
	const char *page =
		"<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\","
		"\"headline\":\"Ferry news\",\"author\":{\"@id\":\"https://x.example/#p1\"}},"
		"{\"@type\":\"Person\",\"@id\":\"https://x.example/#p1\",\"name\":\"Doris Brandt\"}]}</script>"
		"</head><body><h1>Ferry news</h1><p>The ferry leaves at nine on weekdays and at ten on Sundays, "
		"the operator said.</p></body></html>";
	struct article *a = parse_string(page, NULL);
	assert_string_equal(a->byline, "Doris Brandt");
	article_free(a);
	/* one agency, once */
	page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Quake\","
	       "\"author\":[{\"name\":\"Mia Lund\"},{\"name\":\"AP\"},{\"name\":\"Associated Press\"}]}</script>"
	       "</head><body><h1>Quake</h1><p>A small earthquake shook the coast on Sunday morning, with no damage "
	       "reported, the authorities said.</p></body></html>";
	a = parse_string(page, NULL);
	assert_string_equal(a->byline, "Mia Lund, Associated Press");
	article_free(a);
	/* a share card's "Verfasst von" label and its value */
	page = "<html><head><meta name=\"twitter:label1\" content=\"Verfasst von\">"
	       "<meta name=\"twitter:data1\" content=\"Karla Berg\"><title>Notizen</title></head><body><h1>Notizen</h1>"
	       "<p>Heute war ein langer Tag am Hafen, mit vielen Schiffen und noch mehr Besuchern.</p></body></html>";
	a = parse_string(page, NULL);
	assert_string_equal(a->byline, "Karla Berg");
	article_free(a);
}

static void test_spanish_byline_and_url_date(void **state)
{
	(void)state;
	struct article *a = parse_page("byline_text.html", "https://diariodelsur.example/2023/01/12/puerto.html");
	assert_string_equal(a->headline, "El puerto ampl\xC3\xAD" "a su horario de invierno");
	assert_string_equal(a->byline, "Luc\xC3\xAD" "a Fern\xC3\xA1ndez");
	assert_string_equal(a->published, "2023-01-12");
	char *body = body_text(a);
	assert_null(strstr(body, "Por Luc")); /* the byline line is not body text */
	free(body);
	article_free(a);
	/* without a date in the text, the URL's path gives the day */
	const char *page = "<html><head><title>Harbour news</title></head><body><h1>Harbour news</h1>"
	                   "<p>The harbour opened a new pier for ferries and fishing boats this week, the port said.</p>"
	                   "</body></html>";
	struct article *b = parse_string(page, "https://port.example/news/2021/06/30/pier");
	assert_string_equal(b->published, "2021-06-30");
	article_free(b);
}

static void test_written_date_under_headline(void **state)
{
	(void)state;
	const char *page = "<html><head><title>Neue Br\xC3\xBC" "cke</title></head><body><h1>Neue Br\xC3\xBC" "cke</h1>"
	                   "<div><p>Publi\xC3\xA9 le 3 mars 2021</p></div>"
	                   "<p>Die neue Br\xC3\xBC" "cke \xC3\xBC" "ber den Fluss ist fertig und wird am Montag f\xC3\xBC"
	                   "r den Verkehr freigegeben, sagte die Stadt.</p></body></html>";
	struct article *a = parse_string(page, NULL);
	assert_string_equal(a->published, "2021-03-03");
	char *body = body_text(a);
	assert_null(strstr(body, "Publi")); /* a date line alone is not body text */
	free(body);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_in_text),
		cmocka_unit_test(test_metadata_dates),
		cmocka_unit_test(test_url_dates),
		cmocka_unit_test(test_date_labels_are_not_names),
		cmocka_unit_test(test_byline_lines),
		cmocka_unit_test(test_jsonld_author_by_reference_and_card),
		cmocka_unit_test(test_spanish_byline_and_url_date),
		cmocka_unit_test(test_written_date_under_headline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
