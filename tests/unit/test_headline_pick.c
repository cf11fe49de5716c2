/* test_headline_pick.c: whose headline an item keeps once its page is fetched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "pipeline.h"

#include <string.h>

static void test_feed_title_stays(void **state)
{
	(void)state;
	/* the page only adds its site's name, or rewords the title */
	assert_false(headline_page_is_better("Harbour board approves ferry timetable",
	                                     "Harbour board approves ferry timetable | Coastal Wire"));
	assert_false(headline_page_is_better("Harbour board approves ferry timetable",
	                                     "Harbour board approves ferry timetable \xE2\x80\x93 Coastal Wire"));
	assert_false(headline_page_is_better("Ferry timetable approved",
	                                     "Why the harbour board finally approved a ferry timetable"));
	assert_false(headline_page_is_better("Ferry timetable approved", NULL));
	assert_false(headline_page_is_better("Ferry timetable approved", ""));
}

static void test_page_wins_when_better(void **state)
{
	(void)state;
	assert_true(headline_page_is_better(NULL, "Harbour board approves ferry timetable"));
	assert_true(headline_page_is_better("", "Harbour board approves ferry timetable"));
	/* the feed cut its title short: with an ellipsis, or without one */
	assert_true(headline_page_is_better("Harbour board approves new ferry\xE2\x80\xA6",
	                                    "Harbour board approves new ferry timetable after months of talks"));
	assert_true(headline_page_is_better("Harbour board approves new ferry ...",
	                                    "Harbour board approves new ferry timetable"));
	assert_true(headline_page_is_better("Harbour board approves new ferry",
	                                    "Harbour board approves new ferry timetable"));
}

static void test_article_keeps_feed_title(void **state)
{
	(void)state;
	struct article *a = article_new();
	assert_non_null(a);
	const char *page = "Harbour board approves ferry timetable - Coastal Wire";
	assert_int_equal(article_set(&a->headline, page, strlen(page)), 0);
	assert_int_equal(headline_keep_feed_title(a, "Harbour board approves ferry timetable"), 0);
	assert_string_equal(a->headline, "Harbour board approves ferry timetable");
	assert_int_equal(headline_keep_feed_title(a, "Harbour board approves"), 0);
	assert_string_equal(a->headline, "Harbour board approves ferry timetable"); /* the feed's was cut short */
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed_title_stays),
		cmocka_unit_test(test_page_wins_when_better),
		cmocka_unit_test(test_article_keeps_feed_title),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
