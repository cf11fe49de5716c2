/*
 * test_speakers.c: the stages of quotation finding tested one at a time,
 * without analysis_run: the tokenizer's quotation marks, the pairing and
 * shape of quotations (quote_marks.c), a speaker's fullest name
 * (speaker_names.c) on hand-built articles, and speakers_find() and
 * sentence_start() on hand-built paragraphs (speakers.c, sentence.c).
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
#include "sentence.h"
#include "speakers.h"
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

/* Tokens of s with entity e on every token whose text is one of names (NULL-terminated). */
struct hand {
	struct token_list tl;
	int entity[64], etype[64], none[64];
	unsigned char in_quote[64];
	struct quote_span sp[64];
	size_t ns;
	struct speaker_para p;
};

static void hand_build(struct hand *h, const char *s, const char *const *names, int type)
{
	memset(h, 0, sizeof *h);
	h->ns = spans_of(s, &h->tl, h->sp, h->in_quote);
	for (size_t k = 0; k < h->tl.n; k++) {
		h->entity[k] = h->etype[k] = h->none[k] = -1;
		for (const char *const *w = names; *w; w++)
			if (tokens_is(s, &h->tl.v[k], *w))
				h->entity[k] = 0, h->etype[k] = type;
	}
	h->p = (struct speaker_para){s, &h->tl, h->entity, h->etype, h->none, h->none, h->none, h->none,
	                             h->in_quote, 0, NULL, 0, NULL, NULL};
}

/* speakers_find on its own: the cue after the quotation, before it, and none at all. */
static void speakers_find_by_itself(void **state)
{
	(void)state;
	struct hand h;
	struct speaker_result r;
	const char *after = "\xE2\x80\x9CWe will win,\xE2\x80\x9D said Jo Park, the coach.";
	hand_build(&h, after, (const char *const[]){"Jo", "Park", NULL}, 0);
	assert_int_equal(h.ns, 1);
	speakers_find(&h.p, h.sp[0].open, h.sp[0].close, &r);
	assert_true(r.attributed);
	assert_int_equal(r.entity, 0);
	assert_memory_equal(after + r.cue_start, "said", 4);
	tokens_free(&h.tl);
	const char *before = "The Harbor Board said on Monday: \xE2\x80\x9CThe pier stays shut.\xE2\x80\x9D";
	hand_build(&h, before, (const char *const[]){"Harbor", "Board", NULL}, 1);
	speakers_find(&h.p, h.sp[0].open, h.sp[0].close, &r);
	assert_true(r.attributed);
	assert_int_equal(r.entity, 0);
	tokens_free(&h.tl);
	const char *none = "The pier was, locals agree, \xE2\x80\x9C" "a ruin\xE2\x80\x9D by May.";
	hand_build(&h, none, (const char *const[]){NULL}, 0);
	speakers_find(&h.p, h.sp[0].open, h.sp[0].close, &r);
	assert_int_equal(r.entity, -1);
	tokens_free(&h.tl);
}

/* speakers_find on the cues of this round: "as X dubbed it", "the saying of X", "X's claim", "I told myself". */
static void speakers_find_new_cues(void **state)
{
	(void)state;
	struct hand h;
	struct speaker_result r;
	const struct {
		const char *s, *cue;
		int entity;
	} cases[] = {
		{"The \xE2\x80\x9Cnew mill,\xE2\x80\x9D as Vik Lund dubbed the merger, opens.", "dubbed", 0},
		{"It is \xE2\x80\x9CLess is more,\xE2\x80\x9D the old saying of Vik Lund.", "saying", 0},
		{"That undercuts Vik Lund's claim that they were \xE2\x80\x9Cnever close.\xE2\x80\x9D", "claim", 0},
		{"I was telling myself, \xE2\x80\x9CThis will work.\xE2\x80\x9D", "telling", SENTENCE_WRITER},
		{"I think the \xE2\x80\x9Cslow year\xE2\x80\x9D is over.", NULL, -1},
		{"The \xE2\x80\x9Cnew mill,\xE2\x80\x9D as Vik Lund walked in, opened.", NULL, -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		hand_build(&h, cases[i].s, (const char *const[]){"Vik", "Lund", NULL}, 0);
		assert_int_equal(h.ns, 1);
		speakers_find(&h.p, h.sp[0].open, h.sp[0].close, &r);
		assert_int_equal(r.entity, cases[i].entity);
		if (cases[i].cue)
			assert_memory_equal(cases[i].s + r.cue_start, cases[i].cue, strlen(cases[i].cue));
		tokens_free(&h.tl);
	}
}

/* sentence_start reaches back a bounded window in a run with no full stop (issue 19, F1). */
static void sentence_start_is_bounded(void **state)
{
	(void)state;
	static char run[4000];
	for (size_t i = 0; i + 2 < sizeof run; i += 2)
		run[i] = 'a', run[i + 1] = ' ';
	run[sizeof run - 2] = 'a';
	struct token_list tl = {0};
	assert_int_equal(tokens_split(run, strlen(run), &tl), 0);
	unsigned char *inq = calloc(tl.n, 1);
	int *none = malloc(tl.n * sizeof *none);
	assert_non_null(inq);
	assert_non_null(none);
	for (size_t k = 0; k < tl.n; k++)
		none[k] = -1;
	struct speaker_para p = {run, &tl, none, none, none, none, none, none, inq, 0, NULL, 0, NULL, NULL};
	size_t k = tl.n - 1, lo = sentence_start(&p, k);
	assert_true(lo > 0 && k - lo <= 100); /* a window, not the paragraph's start */
	const char *two = "It rained. Then it stopped";
	struct token_list t2 = {0};
	assert_int_equal(tokens_split(two, strlen(two), &t2), 0);
	p.text = two, p.tl = &t2;
	assert_int_equal(sentence_start(&p, t2.n - 1), 3); /* "Then" */
	tokens_free(&t2);
	tokens_free(&tl);
	free(inq), free(none);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(doubled_apostrophes_are_marks),
		cmocka_unit_test(mentions_are_told_from_quotations),
		cmocka_unit_test(speakers_named_in_full),
		cmocka_unit_test(speakers_find_by_itself),
		cmocka_unit_test(speakers_find_new_cues),
		cmocka_unit_test(sentence_start_is_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
