/* Unit tests for the plain-text reader and headline derivation, including the seed's gold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "model.h"
#include "base.h"
#include "pipeline.h"
#include "text.h"

static struct article *parse(const char *s)
{
	char err[256];
	struct article *a;
	struct ingest_opts o = {"test", NULL, NULL, NULL};
	if (ingest_article(s, strlen(s), &o, &a, err, sizeof err))
		fail_msg("parse failed: %s", err);
	return a;
}

static void test_one_paragraph_a_line_with_headings(void **state)
{
	(void)state;
	struct article *a = parse(
		"LONDON \xE2\x80\x94 The first paragraph opens the story. It has two sentences.\n"
		"A second paragraph follows here.\n"
		"Markets React to the News\n"
		"Shares fell sharply in early trading.\n"
		"Analysts said the fall was expected.\n");
	assert_int_equal(a->n_sections, 2);
	assert_null(a->sections[0].heading);
	assert_int_equal(a->sections[0].n_paragraphs, 2);
	assert_string_equal(a->sections[1].heading, "Markets React to the News");
	assert_int_equal(a->sections[1].n_paragraphs, 2);
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->place, "London");
	assert_true(a->headline_derived);
	assert_string_equal(a->headline, "The first paragraph opens the story");
	article_free(a);
}

static void test_blank_line_blocks_with_headline_and_wrapping(void **state)
{
	(void)state;
	struct article *a = parse(
		"Council Approves New Budget.\r\n\r\n"
		"The city council approved the budget on Monday after a\r\n"
		"long debate that ran past midnight.\r\n\r\n"
		"Next Steps\r\n\r\n"
		"The mayor will sign it this week.\r\n");
	assert_string_equal(a->headline, "Council Approves New Budget.");
	assert_false(a->headline_derived);
	assert_int_equal(a->n_sections, 2);
	assert_string_equal(a->sections[0].paragraphs[0],
	                    "The city council approved the budget on Monday after a long debate that ran past midnight.");
	assert_string_equal(a->sections[1].heading, "Next Steps");
	assert_null(a->dateline);
	article_free(a);
}

/* A first line opening with a dateline is the story, not its headline, in either layout (issue 20). */
static void test_dateline_line_is_never_the_headline(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"KUWAIT CITY, July 24: A local driver won third place in the desert rally on Sunday.\n"
		"He said the race was hard.\n",
		"KUWAIT CITY, July 24: A local driver won third place in the desert rally on Sunday.\n\n"
		"He said the race was hard.\n",
		"Doha: A charity handed over wheelchairs to a centre for children on Monday.\n\n"
		"The centre thanked the donors.\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct article *a = parse(texts[i]);
		assert_non_null(a->dateline);
		assert_true(a->headline_derived);
		assert_true(a->headline[0] == 'A');
		assert_null(strstr(a->headline, "July 24"));
		assert_null(strstr(a->headline, "Doha:"));
		article_free(a);
	}
}

/* A dateline after a byline: found, and the headline is made from the story after it. */
static void test_dateline_after_byline(void **state)
{
	(void)state;
	struct article *a = parse("Council Approves New Budget\n\nBy Jane Roe\n\n"
	                          "RAIPUR: The council approved the budget on Monday.\n\nThe mayor will sign it.\n");
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->place, "Raipur");
	assert_string_equal(a->headline, "Council Approves New Budget");
	article_free(a);
	a = parse("By Jane Roe\nRAIPUR: The council approved the budget on Monday.\nThe mayor will sign it.\n");
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->raw, "RAIPUR:");
	article_free(a);
}

static void test_heading_rules(void **state)
{
	(void)state;
	assert_true(text_is_heading("Optimism from the Kremlin", 25));
	assert_true(text_is_heading("Trump\xE2\x80\x99s Approach Draws Criticism", 34));
	assert_false(text_is_heading("He said so.", 11));
	assert_false(text_is_heading("the lower case start", 20));
	assert_false(text_is_heading("\xE2\x80\x9C" "A quote" "\xE2\x80\x9D", 13));
	const char *long_line = "This line has far too many words to be a heading even without any punctuation at its end";
	assert_false(text_is_heading(long_line, strlen(long_line)));
}

static void test_derived_headline_cut_at_natural_break(void **state)
{
	(void)state;
	char h[128];
	const char *lede = "WASHINGTON (AP) \xE2\x80\x94 The Senate passed a sweeping bill on Tuesday that would overhaul "
	                   "the country's immigration system after months of negotiations between the parties.";
	size_t n = analysis_derive_headline(lede, 20, h, sizeof h);
	assert_true(n > 0 && n <= 100);
	assert_string_equal(h, "The Senate passed a sweeping bill on Tuesday that would overhaul the country's immigration system");
	/* abbreviations do not end the sentence */
	n = analysis_derive_headline("U.S. officials met Mr. Lee in Seoul. Then they left.", 0, h, sizeof h);
	assert_string_equal(h, "U.S. officials met Mr. Lee in Seoul");
}

static void test_bad_inputs(void **state)
{
	(void)state;
	char err[256];
	struct article *a = article_new();
	assert_int_equal(text_parse("", 0, a, err, sizeof err), -1);
	assert_non_null(strstr(err, "empty"));
	article_free(a);
	a = article_new();
	assert_int_equal(text_parse("  \n\n \t\n", 7, a, err, sizeof err), -1);
	article_free(a);
	a = article_new();
	static const char junk[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
	assert_int_equal(text_parse(junk, sizeof junk - 1, a, err, sizeof err), -1);
	assert_non_null(strstr(err, "binary"));
	article_free(a);
}

static void test_invalid_utf8_and_legacy_text(void **state)
{
	(void)state;
	/* damaged UTF-8: the bad byte becomes U+FFFD, the rest survives */
	struct article *a = parse("Caf\xC3\xA9 owners say \xFF prices rose.\nA second line.\n");
	assert_string_equal(a->sections[0].paragraphs[0], "Caf\xC3\xA9 owners say \xEF\xBF\xBD prices rose.");
	article_free(a);
	/* no UTF-8 at all: windows-1252 */
	a = parse("\x93Quoted\x94 caf\xE9 text.\nMore.\n");
	assert_string_equal(a->sections[0].paragraphs[0], "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9 text.");
	article_free(a);
	/* controls never reach the model */
	a = parse("Bell\x07 and escape\x1B[31m and backspace\x08 here.\nNext.\n");
	assert_null(strpbrk(a->sections[0].paragraphs[0], "\x07\x1B\x08"));
	/* an escape sequence goes whole, and so does a bidi override */
	assert_string_equal(a->sections[0].paragraphs[0], "Bell and escape and backspace here.");
	article_free(a);
	a = parse("Name \xE2\x80\xAEtxt.exe here.\nNext.\n");
	assert_string_equal(a->sections[0].paragraphs[0], "Name txt.exe here.");
	article_free(a);
}

/* The seed against its gold annotation, field by field, when ../shared is there. */
static void test_seed_gold(void **state)
{
	(void)state;
	const char *shared = getenv("DATELINE_SHARED");
	char path[1024], err[256];
	snprintf(path, sizeof path, "%s/gold/000_3b5eb6d7dac60fdc.json", shared ? shared : "../shared");
	json_object *gold = json_object_from_file(path);
	if (!gold) {
		printf("skip test_seed_gold: %s not found\n", path);
		skip();
	}
	snprintf(path, sizeof path, "%s/seeds/000_3b5eb6d7dac60fdc.txt", shared ? shared : "../shared");
	char *data;
	size_t len;
	assert_int_equal(file_read(path, 1 << 20, &data, &len, err, sizeof err), 0);
	struct article *a = parse(data);
	free(data);

	json_object *dl = json_object_object_get(gold, "dateline");
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->place, json_object_get_string(json_object_object_get(dl, "place")));
	assert_string_equal(a->dateline->date, json_object_get_string(json_object_object_get(dl, "date")));
	assert_string_equal(a->dateline->raw, json_object_get_string(json_object_object_get(dl, "raw")));
	assert_null(a->dateline->agency);

	json_object *secs = json_object_object_get(gold, "sections");
	assert_int_equal(a->n_sections, json_object_array_length(secs));
	for (size_t i = 0; i < a->n_sections; i++) {
		json_object *s = json_object_array_get_idx(secs, i);
		json_object *h = json_object_object_get(s, "heading");
		if (h)
			assert_string_equal(a->sections[i].heading, json_object_get_string(h));
		else
			assert_null(a->sections[i].heading);
		assert_int_equal(a->sections[i].n_paragraphs, json_object_get_int(json_object_object_get(s, "paragraphs")));
	}
	/* the gold has no headline: ours is derived from the lede and says so */
	assert_null(json_object_object_get(gold, "headline"));
	assert_true(a->headline_derived);
	assert_non_null(a->headline);
	assert_null(strstr(a->headline, "Washington, March"));
	article_free(a);
	json_object_put(gold);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_paragraph_a_line_with_headings),
		cmocka_unit_test(test_blank_line_blocks_with_headline_and_wrapping),
		cmocka_unit_test(test_dateline_line_is_never_the_headline),
		cmocka_unit_test(test_dateline_after_byline),
		cmocka_unit_test(test_heading_rules),
		cmocka_unit_test(test_derived_headline_cut_at_natural_break),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_invalid_utf8_and_legacy_text),
		cmocka_unit_test(test_seed_gold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
