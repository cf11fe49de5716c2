/* test_html_lines.c: furniture lines (credits, tags, dates, bylines, calls, teaser labels) out of the body. */
#include "html_testlib.h"
#include "html_lines.h"

static void test_furniture_lines(void **state)
{
	(void)state;
	assert_true(html_line_is_furniture("Foto: Jens Albers"));
	assert_true(html_line_is_furniture("Photo: Reuters"));
	assert_true(html_line_is_furniture("\xC2\xA9 dpa"));
	assert_true(html_line_is_furniture("Tags: Verkehr, Inseln"));
	assert_true(html_line_is_furniture("Schlagw\xC3\xB6rter: Hafen"));
	assert_true(html_line_is_furniture("23.10.2018"));
	assert_true(html_line_is_furniture("19:49"));
	assert_true(html_line_is_furniture("Aktualisiert am 5. Mai 2022"));
	assert_true(html_line_is_furniture("Von Marta Lindqvist"));
	/* sentences that merely start alike stay */
	assert_false(html_line_is_furniture("Fotografie war ihr Leben, sagte ihre Tochter am Montag."));
	assert_false(html_line_is_furniture("By the end of the week the river had risen two metres."));
	assert_false(html_line_is_furniture("2"));
	assert_false(html_line_is_furniture("Die Stadt steht schwarz und schweiget."));
}

static void test_calls_and_teaser_labels(void **state)
{
	(void)state;
	assert_true(html_line_is_call("Mehr zum Thema: Hafen"));
	assert_true(html_line_is_call("Lire aussi : la r\xC3\xA9" "forme"));
	assert_true(html_line_is_call("\xC2\xBFYa sab\xC3\xAD" "as que tenemos canal de Telegram?"));
	assert_true(html_line_is_call("Czytaj tak\xC5\xBC" "e: nowe przepisy"));
	assert_false(html_line_is_call("Die Fahrt dauert eine Stunde."));
	assert_true(html_line_opens_teasers("Das k\xC3\xB6nnte Sie auch interessieren"));
	assert_true(html_line_opens_teasers("Related"));
	assert_true(html_line_opens_teasers("Noticias relacionadas"));
	assert_false(html_line_opens_teasers("Related to this, the council said the plan would be ready in June."));
}

static void test_page_body_without_furniture(void **state)
{
	(void)state;
	struct article *a = parse_page("headline_site.html", NULL);
	char *body = body_text(a);
	assert_non_null(strstr(body, "Ab dem ersten Mai"));
	assert_non_null(strstr(body, "nun einen gefunden."));
	assert_null(strstr(body, "Foto:"));
	assert_null(strstr(body, "Tags:"));
	assert_null(strstr(body, "Ver\xC3\xB6" "ffentlicht"));
	assert_null(strstr(body, "Marta")); /* the byline line */
	assert_null(strstr(body, "Busse fahren")); /* the teasers after "Mehr zum Thema" */
	for (size_t i = 0; i < a->n_sections; i++)
		assert_true(!a->sections[i].heading || !strstr(a->sections[i].heading, "Mehr zum Thema"));
	free(body);
	article_free(a);
}

static void test_box_inside_article_loses_only_its_label(void **state)
{
	(void)state;
	struct article *a = parse_page("teaser_box.html", NULL);
	char *body = body_text(a);
	/* the article goes on after the box: its paragraphs stay */
	assert_non_null(strstr(body, "Organisers plan a second cleanup"));
	assert_non_null(strstr(body, "until the end of September"));
	assert_null(strstr(body, "Harbour opens a new pier"));
	for (size_t i = 0; i < a->n_sections; i++)
		assert_true(!a->sections[i].heading || strcmp(a->sections[i].heading, "Related"));
	free(body);
	article_free(a);
}

static void test_hidden_block_holding_the_article_stays(void **state)
{
	(void)state;
	/* a hidden menu left unclosed swallows the page: the prose is still the article */
	const char *page = "<html><body><div class=\"flyout\" aria-hidden=\"true\"><nav><a href=\"/\">Home</a></nav>"
	                   "<article><h1>Pier reopens</h1>"
	                   "<p>Ver\xC3\xB6" "ffentlichung: 2. Februar 2022</p>"
	                   "<p>The old pier reopened on Saturday after two years of repairs, and the first ferry "
	                   "tied up there at noon, to the applause of a few hundred people on the quay.</p>"
	                   "<p>The harbour master said the pier would take the larger ferries from the spring on, "
	                   "once the new fenders have been fitted along its northern side.</p></article></body></html>";
	struct article *a = parse_string(page, NULL);
	char *body = body_text(a);
	assert_non_null(strstr(body, "The old pier reopened"));
	assert_null(strstr(body, "Ver\xC3\xB6" "ffentlichung"));
	assert_string_equal(a->published, "2022-02-02");
	free(body);
	article_free(a);
	/* a small hidden block still goes */
	page = "<html><body><article><h1>Pier reopens</h1><div hidden><p>Sign in to read more stories like this one "
	       "today.</p></div><p>The old pier reopened on Saturday after two years of repairs, and the first ferry "
	       "tied up there at noon, to the applause of a few hundred people on the quay.</p></article></body></html>";
	a = parse_string(page, NULL);
	body = body_text(a);
	assert_null(strstr(body, "Sign in"));
	free(body);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_furniture_lines),
		cmocka_unit_test(test_calls_and_teaser_labels),
		cmocka_unit_test(test_page_body_without_furniture),
		cmocka_unit_test(test_box_inside_article_loses_only_its_label),
		cmocka_unit_test(test_hidden_block_holding_the_article_stays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
