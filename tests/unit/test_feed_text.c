/* test_feed_text.c: feed fields rendered as plain text for display. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "feed.h"

#include <stdlib.h>
#include <string.h>

static void expect(const char *in, size_t max, const char *want)
{
	char *got = feed_text_plain(in, max);
	assert_non_null(got);
	if (strcmp(got, want))
		fail_msg("\"%s\": want \"%s\", got \"%s\"", in, want, got);
	free(got);
}

static void test_plain(void **state)
{
	(void)state;
	expect("<p>One <b>bold</b> move.</p><p>Two</p>", 0, "One bold move. Two");
	expect("Tides <explained> &amp; 1 < 2", 0, "Tides <explained> & 1 < 2");
	expect("caf&eacute; &#233;&#x41; &nosuch; &", 0, "café éA &nosuch; &");
	expect("a<br/>b<br>c", 0, "a b c");
	expect("x<script>alert(1)</script>y<style>p{}</style>z<!-- note -->!", 0, "xyz!");
	expect("  lots \n\t of\u00a0 space  ", 0, "lots of space");
	expect("unfinished <a href=\"x", 0, "unfinished");
	expect("\u00e9\u00e9\u00e9\u00e9", 3, "\u00e9\u2026"); /* cut at a character boundary */
	assert_null(feed_text_plain(NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_plain)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
