/* speaker_cues.c: idioms that name who said a quotation (see speaker_cues.h). */
#include "speaker_cues.h"
#include "sentence.h"

#include <string.h>

void speaker_cues_set(const struct speaker_para *p, size_t k, size_t n, struct speaker_result *r)
{
	r->attributed = 1;
	r->cue_start = p->tl->v[k].start;
	r->cue_end = p->tl->v[k + n - 1].end;
}

/* Verbs that give someone's words a name: "had dubbed it “the Gordon problem”". */
const char *const speaker_cues_naming_verbs[] = {
	"called", "calls", "dubbed", "described", "describes", "labeled", "labelled", "termed", "branded",
	"named", NULL,
};

/* Nouns for what someone said: "his claim that the pair were “not close”". */
static const char *const speech_nouns[] = {
	"claim", "claims", "statement", "remark", "remarks", "comment", "comments", "words", "assertion",
	"insistence", "promise", "pledge", "vow", "warning", "tweet", "tweets", "boast", "description",
	"declaration", "admission", "quip", "retort", "reply", "response", "phrase", "motto", "dictum",
	"maxim", "saying", "line", "quote", "directive", "directives", "instruction", "instructions",
	"orders", "demand", "demands", "appeal", "message", NULL,
};

/* “…,” the famous dictum of Marshall McLuhan: a speech noun "by" or "of" a name right after the quotation. */
int speaker_cues_speech_of(const struct speaker_para *p, size_t k, size_t hi, struct speaker_result *r)
{
	int np;
	if (!(sentence_word_is(p, k, "the") || sentence_word_is(p, k, "a") || sentence_word_is(p, k, "an")))
		return 0;
	for (size_t w = k + 1; w + 1 < hi && w <= k + 3; w++) {
		if (!sentence_in_list(p, w, speech_nouns))
			continue;
		if (!sentence_word_is(p, w + 1, "by") && !sentence_word_is(p, w + 1, "of"))
			return 0;
		for (size_t j = w + 2; j < hi && j < w + 10; j++) {
			int e = sentence_candidate(p, j, &np);
			if (np && e >= 0 && p->entity_type[j] == 0) {
				speaker_cues_set(p, w, 1, r);
				r->entity = e;
				return 1;
			}
			if (sentence_is_punct(p, j, ','))
				break;
		}
		return 0;
	}
	return 0;
}

/*
 * “new Gannett,” as Reed dubbed it / as he put it / as Smith said: "as", a
 * name or pronoun, and a verb of saying or naming right after it, from k.
 */
int speaker_cues_as_named(const struct speaker_para *p, size_t k, size_t hi, struct speaker_result *r)
{
	int np;
	if (!sentence_word_is(p, k, "as") || p->in_quote[k])
		return 0;
	for (size_t j = k + 1; j + 1 < hi && j <= k + 4; j++) {
		int e = sentence_candidate(p, j, &np);
		if (!np)
			continue;
		size_t v = j + 1;
		while (v < hi && p->entity[v] >= 0 && p->entity[v] == p->entity[j])
			v++; /* the rest of the name */
		if (v < hi && (sentence_word_is(p, v, "has") || sentence_word_is(p, v, "had")))
			v++;
		if (v < hi && (sentence_in_list(p, v, sentence_say_verbs) || sentence_in_list(p, v, speaker_cues_naming_verbs) ||
		               (sentence_word_is(p, v, "put") && v + 1 < hi && sentence_word_is(p, v + 1, "it")))) {
			speaker_cues_set(p, v, 1, r);
			r->entity = e;
			return 1;
		}
		return 0;
	}
	return 0;
}

#define PUT_IT_REACH 24 /* "As Steven M. Rosenthal, a tax lawyer and senior fellow at ..., recently put it" */

/* "as The New Yorker put it, “…”": the idiom names who said it. */
int speaker_cues_as_put_it(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r)
{
	int np;
	for (size_t j = lo + 1; j + 1 < hi; j++) {
		if (p->in_quote[j] || !(sentence_word_is(p, j, "put") && sentence_word_is(p, j + 1, "it")))
			continue;
		/* the "as" nearest before it: "as a surgeon at the Center ... as The New Yorker put it" */
		size_t k = j, stop = j > lo + PUT_IT_REACH ? j - PUT_IT_REACH : lo;
		while (k > stop && !(sentence_word_is(p, k - 1, "as") && !p->in_quote[k - 1]))
			k--;
		if (k == stop)
			continue;
		for (size_t c = k; c < j; c++) {
			int e = sentence_candidate(p, c, &np);
			if (np) {
				speaker_cues_set(p, j, 2, r);
				r->entity = e;
				return 1;
			}
		}
	}
	return 0;
}

/*
 * "Smith's claim that …“…”" / "his remarks that “…”": the owner of a speech
 * noun in [lo, hi) said the quotation. Pronouns take their antecedent.
 */
int speaker_cues_speech_owner(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r)
{
	for (size_t k = hi; k > lo + 1; k--) {
		size_t w = k - 1;
		if (p->in_quote[w] || !sentence_in_list(p, w, speech_nouns))
			continue;
		int np;
		if ((sentence_word_is(p, w + 1, "from") || sentence_word_is(p, w + 1, "by")) && w + 2 < hi) {
			/* "directives from Xi to “show no mercy”": the name right before the quotation */
			size_t b = w + 2; /* "from Governor Tom Ridley", "from the ministry" */
			while (b + 1 < hi && b < w + 5 && p->entity[b] < 0 &&
			       (sentence_word_is(p, b, "the") || (p->tl->v[b].flags & TOKF_CAP)))
				b++;
			int e = sentence_candidate(p, b, &np);
			size_t end = b;
			while (end + 1 < hi && p->entity[end] >= 0 && p->entity[end + 1] == p->entity[end])
				end++;
			if (np && e >= 0 && p->entity[b] >= 0 && end + 3 >= hi) {
				speaker_cues_set(p, w, 1, r);
				r->entity = e;
				return 1;
			}
		}
		size_t o = w - 1; /* the owner, before the noun (one modifier allowed: "his repeated claims") */
		if (o > lo && p->tl->v[o].kind == TOK_WORD && p->entity[o] < 0 && !(p->tl->v[o].flags & TOKF_CAP) &&
		    !sentence_word_is(p, o, "his") && !sentence_word_is(p, o, "her") && !sentence_word_is(p, o, "their"))
			o--;
		int e = -1;
		if (p->tl->v[o].kind == TOK_POSS && o > lo && p->entity[o - 1] >= 0 && !p->in_quote[o - 1])
			e = p->entity[o - 1];
		else if (sentence_word_is(p, o, "his"))
			e = p->last_he[o];
		else if (sentence_word_is(p, o, "her"))
			e = p->last_she[o];
		else if (sentence_word_is(p, o, "its") || sentence_word_is(p, o, "their"))
			e = p->last_org[o];
		if (e < 0)
			return 0; /* only the noun nearest the quotation */
		speaker_cues_set(p, w, 1, r);
		r->entity = e;
		return 1;
	}
	return 0;
}

/* Demonstratives that open a sentence pointing back at what was just quoted. */
static const char *const pointing_back[] = {
	"that", "this", "those", "these", "such", NULL,
};

/* Forms of "be" after them, and "That’s" written as one word. */
static const char *const pointing_be[] = {
	"is", "was", "are", "were", "that's", "that\xE2\x80\x99s", NULL,
};

#define BACK_REACH 24 /* tokens of the sentence searched for "by" or "from" a name */

int speaker_cues_pointing_back(const struct speaker_para *p, struct speaker_result *r)
{
	size_t n = p->tl->n, k = 1;
	int np;
	if (!n || p->in_quote[0])
		return 0;
	if (sentence_word_is(p, 0, "so") && sentence_in_list(p, 1, sentence_say_verbs)) {
		/* "So says Ken Doctor." */
		int e = sentence_candidate(p, 2, &np);
		if (!np || e < 0)
			return 0;
		speaker_cues_set(p, 1, 1, r);
		r->entity = e;
		return 1;
	}
	if (!sentence_in_list(p, 0, pointing_back) && !sentence_in_list(p, 0, pointing_be))
		return 0;
	if (sentence_in_list(p, 0, pointing_back)) {
		if (!(n > 1 && (p->tl->v[1].kind == TOK_POSS || sentence_in_list(p, 1, pointing_be))))
			return 0;
		k = 2;
	}
	for (; k + 1 < n && k < BACK_REACH; k++) {
		if (p->in_quote[k] || (p->tl->v[k].kind == TOK_PUNCT && strchr(".!?;:", p->tl->v[k].punct)))
			return 0; /* its own quotation, or the sentence ended: it points at nobody's words */
		size_t c = k + 1;
		if (sentence_word_is(p, k, "according") && sentence_word_is(p, k + 1, "to"))
			c = k + 2;
		else if (!sentence_word_is(p, k, "by") && !sentence_word_is(p, k, "from"))
			continue;
		int e = sentence_candidate(p, c, &np);
		if (!np || e < 0 || p->entity[c] < 0)
			return 0; /* "from the start": not someone's words */
		speaker_cues_set(p, k, c - k, r);
		r->entity = e;
		return 1;
	}
	return 0;
}
