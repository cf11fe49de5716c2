/* Unit tests for the terminal sanitiser and UTF-8 helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

static void expect_clean(const char *in, size_t len, int flags, const char *want)
{
	char *out = sanitize_text(in, len, flags);
	assert_non_null(out);
	assert_string_equal(out, want);
	assert_true(sanitize_is_clean(out, strlen(out), flags));
	free(out);
}

static void test_escape_sequences_removed_whole(void **state)
{
	(void)state;
	expect_clean("red \x1B[31mtext\x1B[0m", 17, 0, "red text");
	/* OSC 8 hyperlink, BEL- and ST-terminated */
	const char osc[] = "\x1B]8;;http://evil/\x07" "click\x1B]8;;\x1B\\ here";
	expect_clean(osc, sizeof osc - 1, 0, "click here");
	/* 8-bit CSI (U+009B) and OSC (U+009D) */
	expect_clean("a\xC2\x9B" "2J" "b", 6, 0, "ab");
	expect_clean("a\xC2\x9D" "0;title\x07" "b", 12, 0, "ab");
	/* window title set via OSC 0 with no terminator is dropped to the end of line */
	expect_clean("x\x1B]0;pwned", 10, 0, "x");
}

static void test_controls_and_bidi(void **state)
{
	(void)state;
	expect_clean("over\rwrite\b!\x07", 13, 0, "overwrite!");
	expect_clean("tab\there", 8, 0, "tab here");
	expect_clean("line\nbreak", 10, 0, "line break");
	expect_clean("line\nbreak", 10, SANITIZE_KEEP_NEWLINES, "line\nbreak");
	expect_clean("del\x7f!", 5, 0, "del!");
	/* U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LEFT-TO-RIGHT ISOLATE */
	expect_clean("file\xE2\x80\xAEtxt.exe", 14, 0, "filetxt.exe");
	expect_clean("a\xE2\x81\xA6" "b\xE2\x81\xA9" "c", 9, 0, "abc");
	/* LRM, RLM, ALM; tag characters (hidden text); interlinear annotation controls */
	expect_clean("a\xE2\x80\x8E" "b\xE2\x80\x8F" "c\xD8\x9C" "d", 12, 0, "abcd");
	expect_clean("x\xF3\xA0\x81\x81\xF3\xA0\x81\xBFy", 10, 0, "xy");
	expect_clean("\xEF\xBF\xB9" "base\xEF\xBF\xBA" "ruby\xEF\xBF\xBB", 17, 0, "baseruby");
	/* U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR end lines like '\n' */
	expect_clean("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", 9, 0, "a b c");
	expect_clean("a\xE2\x80\xA8" "b", 5, SANITIZE_KEEP_NEWLINES, "a\nb");
	/* ordinary non-ASCII text is kept */
	expect_clean("\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE4\xB8\xAD\xF0\x9F\x98\x80", 19, 0,
	             "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE4\xB8\xAD\xF0\x9F\x98\x80");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	expect_clean("a\xFF" "b", 3, 0, "a\xEF\xBF\xBD" "b");
	expect_clean("\xC0\xAF", 2, 0, "\xEF\xBF\xBD\xEF\xBF\xBD");          /* overlong '/' */
	expect_clean("\xED\xA0\x80", 3, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
	expect_clean("\xE2\x80", 2, 0, "\xEF\xBF\xBD\xEF\xBF\xBD");          /* truncated */
	char *s = sanitize_str(NULL, 0);
	assert_string_equal(s, "");
	free(s);
}

static void test_utf8_helpers(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
	assert_true(utf8_valid("plain", 5));
	assert_false(utf8_valid("\x80", 1));
	size_t n;
	char *r = utf8_repair("a\0b\xFE", 4, &n);
	assert_string_equal(r, "ab\xEF\xBF\xBD");
	free(r);
}

/* JSON keeps the text but escapes what json-c leaves raw and a terminal would act on. */
static void test_json_escapes(void **state)
{
	(void)state;
	const char in[] = "{\"t\":\"a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x81\xA9\xC2\x9B" "2Jd\x7F\xE2\x80\xA8"
	                  "e \xE2\x80\x94 \xC3\xA9\xE2\x80\xAF\"}";
	char *out = sanitize_json(in);
	assert_non_null(out);
	assert_string_equal(out, "{\"t\":\"a\\u202eb\\u2066c\\u2069\\u009b2Jd\\u007f\\u2028e \xE2\x80\x94 \xC3\xA9\xE2\x80\xAF\"}");
	free(out);
	out = sanitize_json("\"a\xE2\x80\x8F" "b\xD8\x9C" "c\xEF\xBF\xB9\"");
	assert_non_null(out);
	assert_string_equal(out, "\"a\\u200fb\\u061cc\\ufff9\"");
	free(out);
	out = sanitize_json("");
	assert_non_null(out);
	assert_string_equal(out, "");
	free(out);
	/* a lead byte at the very end is copied, never read past */
	out = sanitize_json("\"\xE2\x80");
	assert_non_null(out);
	assert_string_equal(out, "\"\xE2\x80");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_sequences_removed_whole),
		cmocka_unit_test(test_controls_and_bidi),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_utf8_helpers),
		cmocka_unit_test(test_json_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
