/* speakers.c: who said a quotation (see speakers.h). */
#include "speakers.h"
#include "lexicon.h"

#include <string.h>

#define POST_WINDOW 30 /* tokens after a quotation searched for "he said" (appositives included) */
#define SUBJECT_REACH 8  /* tokens from a sentence's (or clause's) start to its subject */
#define INVERSION_REACH 7 /* "said 9/11 widow Terry Strada": tokens after the verb */

/* Words that open a clause of their own: a verb after them is not the quotation's. */
static const char *const clause_openers[] = {
	"when", "because", "that", "which", "who", "if", "while", "after", "before", "as", "but",
	"and", "since", "although", "though", "whether", "where", "until", "unless", NULL,
};

/* The verbs of plain reporting: preferred over "posted", "called" when a sentence has both. */
static const char *const say_verbs[] = {
	"said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated", "states",
	"asked", "asks", "wrote", "writes", "explained", "explains", "continued", "replied", NULL,
};

/* Prepositions whose object is not the subject of the sentence. */
static const char *const prepositions[] = {
	"to", "with", "about", "of", "for", "by", "from", "on", "at", "in", "against", "than",
	"between", "toward", "towards", "over", "under", "into", "like", "and", "or", NULL,
};

static int word_is(const struct speaker_para *p, size_t k, const char *w)
{
	return k < p->tl->n && p->tl->v[k].kind == TOK_WORD && tokens_is(p->text, &p->tl->v[k], w);
}

static int is_punct(const struct speaker_para *p, size_t k, char c)
{
	return k < p->tl->n && p->tl->v[k].kind == TOK_PUNCT && p->tl->v[k].punct == c;
}

/* Words after which "remarks", "hopes", "claims" are nouns. */
static const char *const determiners[] = {
	"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "in", "of", "these",
	"those", "some", "many", "several", "new", "such", "any", "no", "and", NULL,
};

static int word_in(const struct speaker_para *p, size_t k, const char *const *list);

static int is_verb(const struct speaker_para *p, size_t k)
{
	const struct token *t = &p->tl->v[k];
	if (t->kind != TOK_WORD || p->in_quote[k] || (t->flags & TOKF_CAP && !(t->flags & TOKF_SENT_START)))
		return 0;
	if (k > 0 && word_in(p, k - 1, determiners))
		return 0;
	return (lexicon_lookup(p->text + t->start, t->end - t->start, NULL) & LEX_VERB) != 0;
}

static int is_participle(const struct speaker_para *p, size_t k)
{
	const struct token *t = &p->tl->v[k];
	size_t n = t->end - t->start;
	return n > 4 && !memcmp(p->text + t->end - 3, "ing", 3);
}

static int word_in(const struct speaker_para *p, size_t k, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (word_is(p, k, *w))
			return 1;
	return 0;
}

static int in_list(const struct speaker_para *p, size_t k, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (word_is(p, k, *w))
			return 1;
	return 0;
}

/*
 * "the senator", "the former secretary of state", "the California
 * congressman": a definite description by office, read like "he".
 */
static int title_anaphor(const struct speaker_para *p, size_t k)
{
	const struct token *t = &p->tl->v[k];
	if (t->kind != TOK_WORD || p->entity[k] >= 0)
		return 0;
	unsigned f = lexicon_lookup(p->text + t->start, t->end - t->start, NULL);
	if (!(f & LEX_TITLE) || (f & LEX_VERB))
		return 0;
	if (k + 1 < p->tl->n && (p->entity[k + 1] >= 0 || p->tl->v[k + 1].kind == TOK_POSS ||
	                         (p->tl->v[k + 1].kind == TOK_WORD && (lexicon_lookup(p->text + p->tl->v[k + 1].start,
	                          p->tl->v[k + 1].end - p->tl->v[k + 1].start, NULL) & LEX_TITLE))))
		return 0; /* "spokesman Dmitry Peskov", "campaign's", "vice president" */
	for (size_t j = k, steps = 0; j > 0 && steps < 4; j--, steps++)
		if (word_is(p, j - 1, "the"))
			return 1;
	return 0;
}

/*
 * The entity token k stands for: a name, or a pronoun resolved to the last
 * person (he, she) or organisation (it, they) before it. -1 when none;
 * *np is set when k is a pronoun or a name, i.e. a possible subject.
 */
static int candidate(const struct speaker_para *p, size_t k, int *np)
{
	*np = 0;
	if (p->in_quote[k])
		return -1;
	if (p->entity[k] >= 0) {
		size_t last = k;
		while (last + 1 < p->tl->n && p->entity[last + 1] == p->entity[k])
			last++;
		if (p->entity_type[k] != 0 && last + 1 < p->tl->n && (k = last, 1) &&
		    p->tl->v[k + 1].kind == TOK_WORD && !is_verb(p, k + 1)) {
			/* "the California congressman", "Senate Minority Leader Harry Reid",
			 * "IMF chief economist": a place or body qualifying someone */
			const struct token *u = &p->tl->v[k + 1];
			unsigned f = lexicon_lookup(p->text + u->start, u->end - u->start, NULL);
			if (p->entity_type[k] == 2 || (f & (LEX_TITLE | LEX_MODIFIER)) || p->entity[k + 1] >= 0 ||
			    (u->flags & TOKF_CAP))
				return -1;
		}
		if (k + 1 < p->tl->n && p->tl->v[k + 1].kind == TOK_POSS)
			return -1; /* "Trump's push": a possessor, not a speaker */
		*np = 1;
		return p->entity[k];
	}
	if (title_anaphor(p, k)) {
		/* "the businessman" is a he, "the congresswoman" a she */
		const struct token *t = &p->tl->v[k];
		size_t n = t->end - t->start;
		*np = 1;
		if (n > 5 && !memcmp(p->text + t->end - 5, "woman", 5))
			return p->last_she[k];
		if (n > 3 && !memcmp(p->text + t->end - 3, "man", 3))
			return p->last_he[k];
		return p->last_person[k];
	}
	if (word_is(p, k, "he")) {
		*np = 1;
		return p->last_he[k];
	}
	if (word_is(p, k, "she")) {
		*np = 1;
		return p->last_she[k];
	}
	if (word_is(p, k, "it") || word_is(p, k, "they")) {
		*np = 1;
		return p->last_org[k];
	}
	return -1;
}

/* Whether the mention starting at ms is the object of a preposition ("with the Security Council"). */
static int governed(const struct speaker_para *p, size_t lo, size_t ms)
{
	size_t j = ms;
	while (j > lo && (word_is(p, j - 1, "the") || word_is(p, j - 1, "a") || word_is(p, j - 1, "an")))
		j--;
	return j > lo && in_list(p, j - 1, prepositions);
}

/* Start of the mention containing token k (names span several tokens). */
static size_t mention_start(const struct speaker_para *p, size_t k)
{
	while (k > 0 && p->entity[k] >= 0 && p->entity[k - 1] == p->entity[k])
		k--;
	return k;
}

/* First token of the sentence holding token k (quotations do not end sentences). */
static size_t sentence_start(const struct speaker_para *p, size_t k)
{
	while (k > 0) {
		const struct token *t = &p->tl->v[k - 1];
		if (t->kind == TOK_PUNCT && t->punct == ')') {
			/* "(D-Mo.)": a parenthesis never ends the sentence around it */
			size_t j = k - 1, limit = k > 12 ? k - 12 : 0;
			while (j > limit && !is_punct(p, j, '('))
				j--;
			if (is_punct(p, j, '(')) {
				k = j;
				continue;
			}
		}
		if (!p->in_quote[k - 1] && t->kind == TOK_PUNCT && (t->punct == '.' || t->punct == '!' || t->punct == '?'))
			break;
		if (!p->in_quote[k - 1] && t->kind == TOK_WORD && (t->flags & TOKF_SENT_START) && k - 1 > 0 &&
		    p->in_quote[k - 2])
			return k - 1; /* “…done.” Then he … */
		k--;
	}
	return k;
}

/* The first name in [lo, hi) not governed by a preposition: the sentence's subject. */
static int sentence_subject(const struct speaker_para *p, size_t lo, size_t hi, int *found)
{
	int np;
	*found = 0;
	/* the subject opens the sentence, after an introductory phrase at most
	 * ("During a speech in Ohio, Trump attacked ..."); quotations do not count */
	size_t start = lo;
	for (size_t k = lo; k < hi; k++)
		if (is_punct(p, k, ',') && !p->in_quote[k]) {
			start = k + 1;
			break;
		}
	size_t from_lo = 0, from_start = 0;
	for (size_t k = lo; k < hi; k++) {
		if (p->in_quote[k])
			continue;
		from_lo++;
		if (k >= start)
			from_start++;
		if (from_lo > SUBJECT_REACH && (k < start || from_start > SUBJECT_REACH))
			continue;
		int e = candidate(p, k, &np);
		if (!np)
			continue;
		size_t ms = mention_start(p, k);
		if (governed(p, lo, ms))
			continue;
		*found = 1;
		return e;
	}
	return -1;
}

/* The subject of verb v in [lo, v): the nearest name not governed by a preposition. */
static int subject_before(const struct speaker_para *p, size_t lo, size_t v, int *found)
{
	int fallback = -1, np;
	*found = 0;
	if (v > lo && is_punct(p, v - 1, ',') && is_participle(p, v)) {
		/* ", calling him": the sentence's subject speaks */
		int e = sentence_subject(p, lo, v, found);
		if (*found)
			return e;
	}
	for (size_t k = v; k > lo; k--) {
		int e = candidate(p, k - 1, &np);
		if (!np)
			continue;
		size_t ms = mention_start(p, k - 1);
		if (governed(p, lo, ms)) {
			if (fallback < 0)
				fallback = e;
			k = ms + 1;
			continue;
		}
		*found = 1;
		return e;
	}
	if (fallback >= 0)
		*found = 1;
	return fallback;
}

/* A name within INVERSION_REACH tokens after v ("said Smith", "told Smith"). */
static int subject_after(const struct speaker_para *p, size_t v, size_t hi, int *found)
{
	int np;
	*found = 0;
	for (size_t k = v + 1; k < hi && k <= v + INVERSION_REACH; k++) {
		if (word_is(p, k, "that") || p->tl->v[k].kind == TOK_QUOTE || in_list(p, k, prepositions))
			break; /* "said in an interview with CNN's Wolf Blitzer": not the speaker */
		int e = candidate(p, k, &np);
		if (np) {
			*found = 1;
			return e;
		}
	}
	return -1;
}

static void set_cue(const struct speaker_para *p, size_t k, size_t n, struct speaker_result *r)
{
	r->attributed = 1;
	r->cue_start = p->tl->v[k].start;
	r->cue_end = p->tl->v[k + n - 1].end;
}

/* "according to Smith" within [lo, hi). */
static int according_to(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r)
{
	for (size_t k = lo; k + 1 < hi; k++) {
		if (p->in_quote[k] || !word_is(p, k, "according") || !word_is(p, k + 1, "to"))
			continue;
		int np;
		for (size_t j = k + 2; j < hi && j < k + 8; j++) {
			int e = candidate(p, j, &np);
			if (np) {
				set_cue(p, k, 2, r);
				r->entity = e;
				return 1;
			}
		}
		set_cue(p, k, 2, r);
		return 1;
	}
	return 0;
}

/* QUOTE, SPEAKER VERB / QUOTE, VERB SPEAKER. */
static int after(const struct speaker_para *p, size_t close, struct speaker_result *r)
{
	size_t n = p->tl->n, k = close + 1, hi = k;
	int depth = 0; /* "(R-Utah.)" does not end the sentence */
	while (hi < n && hi < k + POST_WINDOW && p->tl->v[hi].kind != TOK_QUOTE) {
		const struct token *t = &p->tl->v[hi];
		if (t->kind == TOK_PUNCT && t->punct == '(')
			depth++;
		else if (t->kind == TOK_PUNCT && t->punct == ')' && depth)
			depth--;
		else if (!depth && t->kind == TOK_PUNCT && strchr(".!?;", t->punct) &&
		         !(t->punct == '.' && hi + 1 < n && is_punct(p, hi + 1, ',')))
			break; /* "Mitch McConnell, R-Ky., said" goes on */
		hi++;
	}
	/* “…,” he said: without that punctuation, a verb after a quotation is the sentence's own */
	size_t last = close;
	while (last > 0 && p->tl->v[last - 1].kind == TOK_QUOTE)
		last--; /* “… ‘…,’” */
	int punctuated = (last > 0 && p->tl->v[last - 1].kind == TOK_PUNCT && strchr(",?!.-", p->tl->v[last - 1].punct)) ||
	                 is_punct(p, close + 1, ',') || is_punct(p, close + 1, '-');
	if (!punctuated)
		return 0;
	/* “….” ends its sentence: only an attribution right after it belongs to it */
	size_t reach = last > 0 && is_punct(p, last - 1, '.') ? 3 : POST_WINDOW;
	if (reach != POST_WINDOW && close + 1 < n && p->tl->v[close + 1].kind == TOK_WORD &&
	    (p->tl->v[close + 1].flags & TOKF_CAP) && !word_is(p, close + 1, "said") &&
	    !word_is(p, close + 1, "says"))
		return 0; /* “… neighborhood.” Russia insisted ...: a new sentence */
	if (k < hi && is_punct(p, k, ','))
		k++;
	int found, np;
	/* “…” ― Pamela Padilla */
	if (k < hi && is_punct(p, k, '-') && k + 1 < hi) {
		int e = candidate(p, k + 1, &np);
		if (np && e >= 0) {
			set_cue(p, k, 1, r);
			r->entity = e;
			return 1;
		}
	}
	int named = 0; /* a name or pronoun came first: what follows may be its appositive */
	for (size_t v = k; v < hi; v++) {
		int np_v;
		candidate(p, v, &np_v);
		named |= np_v;
		if (!named && in_list(p, v, clause_openers) && !p->in_quote[v])
			return 0; /* "“absolutely right” when he said" */
		if (!is_verb(p, v))
			continue;
		if (is_participle(p, v) || v - k > reach)
			return 0;
		/* SPEAKER VERB: the first name after the quotation, appositives aside */
		for (size_t j = k; j < v; j++) {
			int e = candidate(p, j, &np);
			if (np) {
				set_cue(p, v, 1, r);
				r->entity = e;
				return 1;
			}
		}
		int e = subject_after(p, v, hi, &found);
		if (found || v - k <= 4) {
			set_cue(p, v, 1, r);
			r->entity = e;
			return 1;
		}
		return 0;
	}
	return reach == POST_WINDOW && according_to(p, k, hi, r);
}

/* "as The New Yorker put it, “…”": the idiom names who said it. */
static int as_put_it(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r)
{
	int np;
	for (size_t k = lo; k + 3 < hi; k++) {
		if (!word_is(p, k, "as") || p->in_quote[k])
			continue;
		for (size_t j = k + 1; j + 1 < hi && j < k + 8; j++) {
			if (!(word_is(p, j, "put") && word_is(p, j + 1, "it")))
				continue;
			for (size_t c = k + 1; c < j; c++) {
				int e = candidate(p, c, &np);
				if (np) {
					set_cue(p, j, 2, r);
					r->entity = e;
					return 1;
				}
			}
		}
	}
	return 0;
}

/* SPEAKER VERB: QUOTE / SPEAKER VERB (that) ... QUOTE, in the sentence before the quote. */
static int before(const struct speaker_para *p, size_t open, struct speaker_result *r)
{
	size_t lo = sentence_start(p, open);
	int found;
	if (as_put_it(p, lo, open, r))
		return 1;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = lo; i < open; i++) {
			/* plain saying verbs: the sentence's first; others: the one nearest the quotation */
			size_t v = pass == 1 ? open - 1 - (i - lo) : i;
			if (!is_verb(p, v) || (pass == 0 && !in_list(p, v, say_verbs)))
				continue;
			int e = subject_before(p, lo, v, &found);
			if (!found)
				e = subject_after(p, v, open, &found);
			if (!found && pass == 0 && v > lo && p->tl->v[v - 1].kind == TOK_WORD && !p->in_quote[v - 1] &&
			    !is_participle(p, v) && !in_list(p, v - 1, prepositions) && !in_list(p, v - 1, clause_openers)) {
				set_cue(p, v, 1, r); /* "Police say ...": someone unnamed said it */
				return 1;
			}
			if (!found)
				continue;
			set_cue(p, v, 1, r);
			r->entity = e;
			return 1;
		}
	}
	if (according_to(p, lo, open, r))
		return 1;
	/* no reporting verb: "X has been pounding Trump as a “con artist”" and
	 * "Obama is rolling out a message: “It's about me.”" are X's words */
	if (p->subject_fallback || (open > 0 && is_punct(p, open - 1, ':'))) {
		int e = sentence_subject(p, lo, open, &found);
		if (found && e >= 0) {
			r->entity = e;
			r->attributed = 1;
			r->cue_start = r->cue_end = 0;
			return 1;
		}
	}
	return 0;
}

int speakers_sentence(const struct speaker_para *p, size_t end)
{
	size_t lo = sentence_start(p, end);
	int found;
	for (size_t k = lo; k < end; k++)
		if (p->in_quote[k] == 1)
			return -1; /* its quotation has its speaker already */
	for (size_t v = lo; v < end; v++) {
		if (!is_verb(p, v))
			continue;
		int e = subject_before(p, lo, v, &found);
		if (!found)
			e = subject_after(p, v, end, &found);
		if (found)
			return e;
	}
	/* "Sen. Bernie Sanders identified ... . “The younger people are ...”" */
	for (size_t k = lo; k < end; k++) {
		if (p->entity[k] < 0 || p->in_quote[k])
			continue;
		size_t ms = mention_start(p, k);
		if (governed(p, lo, ms))
			continue;
		return p->entity_type[k] == 0 ? p->entity[k] : -1; /* people only */
	}
	return -1;
}

/* "A cashier who “steals” is held accountable, Warren said.": the sentence's closing attribution. */
static int sentence_tail(const struct speaker_para *p, size_t close, struct speaker_result *r)
{
	size_t n = p->tl->n, end = close + 1, comma = 0;
	while (end < n && !(p->tl->v[end].kind == TOK_PUNCT && strchr(".!?", p->tl->v[end].punct)) &&
	       p->tl->v[end].kind != TOK_QUOTE) {
		if (is_punct(p, end, ','))
			comma = end;
		end++;
	}
	if (!comma || end - comma > 9 || (end < n && p->tl->v[end].kind == TOK_QUOTE))
		return 0;
	int np, found;
	for (size_t v = comma + 1; v < end; v++) {
		if (!is_verb(p, v) || is_participle(p, v))
			continue;
		for (size_t j = comma + 1; j < v; j++) {
			int e = candidate(p, j, &np);
			if (np) {
				set_cue(p, v, 1, r);
				r->entity = e;
				return 1;
			}
		}
		int e = subject_after(p, v, end, &found);
		if (found) {
			set_cue(p, v, 1, r);
			r->entity = e;
			return 1;
		}
		return 0;
	}
	return 0;
}

void speakers_find(const struct speaker_para *p, size_t open, size_t close, struct speaker_result *r)
{
	r->entity = -1;
	r->attributed = 0;
	r->from_tail = 0;
	r->cue_start = r->cue_end = 0;
	if (close < p->tl->n && after(p, close, r))
		return;
	if (open <= p->tl->n && before(p, open, r))
		return;
	if (close < p->tl->n && sentence_tail(p, close, r))
		r->from_tail = 1;
}
