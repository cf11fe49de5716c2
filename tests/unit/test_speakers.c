/*
 * test_speakers.c: the stages of quotation finding tested one at a time,
 * without analysis_run: the tokenizer's quotation marks, the pairing and
 * shape of quotations (quote_marks.c), and a speaker's fullest name
 * (speaker_names.c) on hand-built articles.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "quote_marks.h"
#include "speaker_names.h"
#include "tokens.h"

/* Pairs the marks of s; writes "open-close" word texts of each span into out. */
static size_t spans_of(const char *s, struct token_list *tl, struct quote_span *sp, unsigned char *in_quote)
{
	assert_int_equal(tokens_split(s, strlen(s), tl), 0);
	assert_true(tl->n < 64);
	memset(in_quote, 0, 64);
	return quote_marks_pair(s, tl, 0, 0, sp, in_quote);
}

static const char *span_text(const char *s, const struct token_list *tl, const struct quote_span *q, char *buf, size_t cap)
{
	size_t a = tl->v[q->open].end, b = q->close < tl->n ? tl->v[q->close].start : strlen(s);
	assert_true(b - a < cap);
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	return buf;
}

/* '' … '' (the NYT's marks), ’’ closing a curly quotation, `` … '' (TeX's). */
static void doubled_apostrophes_are_marks(void **state)
{
	(void)state;
	struct token_list tl = {0};
	struct quote_span sp[64];
	unsigned char inq[64];
	char buf[128];
	const char *nyt = "''We will not wait,'' said Mira Oduya. ''Not a day.''";
	assert_int_equal(spans_of(nyt, &tl, sp, inq), 2);
	assert_string_equal(span_text(nyt, &tl, &sp[0], buf, sizeof buf), "We will not wait,");
	assert_string_equal(span_text(nyt, &tl, &sp[1], buf, sizeof buf), "Not a day.");
	const char *curly = "\xE2\x80\x9CIt is over,\xE2\x80\x99\xE2\x80\x99 Tam Rees, the chief, told the board.";
	assert_int_equal(spans_of(curly, &tl, sp, inq), 1);
	assert_string_equal(span_text(curly, &tl, &sp[0], buf, sizeof buf), "It is over,");
	assert_false(inq[tl.n - 2]); /* the attribution after it is not swallowed */
	const char *tex = "He said ``no more'' twice.";
	assert_int_equal(spans_of(tex, &tl, sp, inq), 1);
	assert_string_equal(span_text(tex, &tl, &sp[0], buf, sizeof buf), "no more");
	/* a lone apostrophe stays one: O'Neill's and rock 'n' roll make no quotation */
	const char *apos = "O'Neill's band played rock 'n' roll all night.";
	assert_int_equal(spans_of(apos, &tl, sp, inq), 0);
	tokens_free(&tl);
}

/* Titles and terms in marks are mentions; words someone said are not. */
static void mentions_are_told_from_quotations(void **state)
{
	(void)state;
	struct token_list tl = {0};
	struct quote_span sp[64];
	unsigned char inq[64];
	const char *cases[][2] = {
		{"The band closed with \xE2\x80\x9C" "Rivers Of The North\xE2\x80\x9D on Friday.", "1"},
		{"The jail, dubbed the \xE2\x80\x9C" "old fortress\xE2\x80\x9D by inmates, shut.", "1"},
		{"It was known as the \xE2\x80\x9C" "grey winter\xE2\x80\x9D in the valley.", "1"},
		{"A set of kits called the \xE2\x80\x9C" "builder line\xE2\x80\x9D sold out.", "1"},
		{"She called the plan \xE2\x80\x9C" "a quiet disaster\xE2\x80\x9D on Monday.", "0"},
		{"It was what he called \xE2\x80\x9C" "a fair deal\xE2\x80\x9D at last.", "0"},
		{"\xE2\x80\x9CWe will build it again,\xE2\x80\x9D the mayor said.", "0"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(spans_of(cases[i][0], &tl, sp, inq), 1);
		int got = quote_marks_mention(cases[i][0], &tl, sp[0].open, sp[0].close);
		if (got != (cases[i][1][0] == '1'))
			fail_msg("mention(%s) = %d", cases[i][0], got);
	}
	tokens_free(&tl);
}

static struct article *article_with(const char *para, const char *const *names, const enum entity_type *types, size_t n)
{
	struct article *a = article_new();
	assert_non_null(a);
	struct section *s = article_add_section(a, NULL);
	assert_non_null(s);
	assert_int_equal(section_add_paragraph(s, para, strlen(para)), 0);
	for (size_t i = 0; i < n; i++)
		assert_non_null(article_add_entity(a, names[i], types[i]));
	return a;
}

static void assert_full(const char *para, const char *const *names, const enum entity_type *types, size_t n,
                        int e, const char *want)
{
	struct article *a = article_with(para, names, types, n);
	struct speaker_names sn;
	assert_int_equal(speaker_names_init(&sn, a), 0);
	const char *got = speaker_names_full(&sn, e);
	assert_non_null(got);
	assert_string_equal(got, want);
	speaker_names_free(&sn);
	article_free(a);
}

/* A surname, a short form or an acronym takes the article's fullest form. */
static void speakers_named_in_full(void **state)
{
	(void)state;
	const enum entity_type pp[] = {ENTITY_PERSON, ENTITY_PERSON, ENTITY_PERSON};
	const enum entity_type oo[] = {ENTITY_ORGANIZATION, ENTITY_ORGANIZATION};
	const enum entity_type po[] = {ENTITY_PERSON, ENTITY_ORGANIZATION};
	/* another entity ending with the surname */
	assert_full("x", (const char *const[]){"Van Der Hoek", "Elena Van Der Hoek"}, pp, 2, 0, "Elena Van Der Hoek");
	/* a given name before the surname in the text, where no entity holds it */
	assert_full("Analyst Matt Orwin, of Kell Partners, spoke.", (const char *const[]){"Orwin"}, pp, 1, 0, "Matt Orwin");
	/* two people sharing the surname: left as written */
	assert_full("x", (const char *const[]){"Orwin", "Matt Orwin", "Dana Orwin"}, pp, 3, 0, "Orwin");
	/* an organisation's short form and its acronym */
	assert_full("x", (const char *const[]){"Harlow", "Harlow Media"}, oo, 2, 0, "Harlow Media");
	assert_full("x", (const char *const[]){"FRB", "Federal Rail Board"}, oo, 2, 0, "Federal Rail Board");
	/* a country glued before a name is not part of it */
	assert_full("x", (const char *const[]){"Zhou", "Britain Zhou Wenbo"}, po, 2, 0, "Zhou Wenbo");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(doubled_apostrophes_are_marks),
		cmocka_unit_test(mentions_are_told_from_quotations),
		cmocka_unit_test(speakers_named_in_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
