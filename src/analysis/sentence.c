/*
 * sentence.c: reading a sentence around a quotation: its words, where it
 * starts, the names and pronouns that may be its subject (see sentence.h).
 */
#include "sentence.h"
#include "lexicon.h"

#include <string.h>

#define SUBJECT_REACH 8  /* tokens from a sentence's (or clause's) start to its subject */
/* The look-backs below are bounded so that the work per quotation or pronoun
 * is constant and a paragraph is analysed in time linear in its length, even
 * one long run without a full stop (issue 19, F1 and F2). */
#define SENTENCE_WINDOW 80 /* tokens a sentence reaches back from any of its tokens */
#define OFFICE_WINDOW 200  /* tokens searched back for the holder of "the governor" */

/* Words that open a clause of their own: a verb after them is not the quotation's. */
const char *const sentence_clause_openers[] = {
	"when", "because", "that", "which", "who", "if", "while", "after", "before", "as", "but",
	"and", "since", "although", "though", "whether", "where", "until", "unless", NULL,
};

/* The verbs of plain reporting: preferred over "posted", "called" when a sentence has both. */
const char *const sentence_say_verbs[] = {
	"said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated", "states",
	"asked", "asks", "wrote", "writes", "explained", "explains", "continued", "replied", NULL,
};

/* Prepositions whose object is not the subject of the sentence. */
const char *const sentence_prepositions[] = {
	"to", "with", "about", "of", "for", "by", "from", "on", "at", "in", "against", "than",
	"between", "toward", "towards", "over", "under", "into", "like", "and", "or", "per", NULL,
};

int sentence_word_is(const struct speaker_para *p, size_t k, const char *w)
{
	return k < p->tl->n && p->tl->v[k].kind == TOK_WORD && tokens_is(p->text, &p->tl->v[k], w);
}

int sentence_is_punct(const struct speaker_para *p, size_t k, char c)
{
	return k < p->tl->n && p->tl->v[k].kind == TOK_PUNCT && p->tl->v[k].punct == c;
}

/* Words after which "remarks", "hopes", "claims" are nouns. */
static const char *const determiners[] = {
	"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "in", "of", "these",
	"those", "some", "many", "several", "new", "such", "any", "no", "and", "one", "each", "every",
	"another", NULL,
};


static int word_in(const struct speaker_para *p, size_t k, const char *const *list);

/* Nouns for the people who speak for someone: "Clinton's campaign", "the mayor's office". */
static const char *const camp_nouns[] = {
	"campaign", "camp", "team", "aides", "aide", "office", "spokesman", "spokeswoman",
	"spokesperson", "spokespeople", "lawyer", "lawyers", "attorney", "attorneys", "family",
	"staff", "representatives", "representative", "ministry", "government", "embassy",
	"military", "army", "police", "cabinet", "administration", NULL,
};

/* Verbs that only help another: "The UK has urged", "Russia will respond". */
static const char *const auxiliaries[] = {
	"has", "have", "had", "is", "was", "will", "would", "could", "should", "can", "may", "might",
	"must", "did", "does", "also", NULL,
};

/* "the group added": a body referred to by what it is, read like "it". */
const char *const sentence_body_nouns[] = {
	"group", "company", "firm", "agency", "organization", "organisation", "coalition", "union",
	"ministry", "department", "committee", "council", "commission", "network", "bank", "board",
	"institute", "university", "club", "charity", "regulator", "watchdog", "startup", NULL,
};

int sentence_is_verb(const struct speaker_para *p, size_t k)
{
	if (k >= p->tl->n)
		return 0; /* callers look one past a closing mark, which may end the paragraph */
	const struct token *t = &p->tl->v[k];
	if (t->kind != TOK_WORD || p->in_quote[k] || (t->flags & TOKF_CAP && !(t->flags & TOKF_SENT_START)))
		return 0;
	if (k > 0 && (word_in(p, k - 1, determiners) || p->tl->v[k - 1].kind == TOK_POSS))
		return 0; /* "the remarks", "Trump's claim": nouns */
	return (lexicon_lookup(p->text + t->start, t->end - t->start, NULL) & LEX_VERB) != 0;
}

int sentence_is_participle(const struct speaker_para *p, size_t k)
{
	if (k >= p->tl->n)
		return 0;
	const struct token *t = &p->tl->v[k];
	size_t n = t->end - t->start;
	return n > 4 && !memcmp(p->text + t->end - 3, "ing", 3);
}

static int word_in(const struct speaker_para *p, size_t k, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (sentence_word_is(p, k, *w))
			return 1;
	return 0;
}

int sentence_in_list(const struct speaker_para *p, size_t k, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (sentence_word_is(p, k, *w))
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
	for (size_t j = k, steps = 0; j > 0 && steps < 4; j--, steps++) {
		if (p->entity[j - 1] >= 0 && p->entity_type[j - 1] == 1 && (t->flags & TOKF_CAP))
			return 0; /* "the United Nations High Commissioner": an office of that body, named for the first time */
		if (sentence_word_is(p, j - 1, "the"))
			return 1;
	}
	return 0;
}

/*
 * "the governor said": the person last named whose role holds that office
 * (Gov. Mike Pence), in this paragraph before k, then in earlier ones; -1.
 */
static int office_holder(const struct speaker_para *p, size_t k)
{
	if (!p->role_has)
		return -1;
	const char *w = p->text + p->tl->v[k].start;
	size_t n = p->tl->v[k].end - p->tl->v[k].start;
	size_t stop = k > OFFICE_WINDOW ? k - OFFICE_WINDOW : 0;
	for (size_t j = k; j > stop; j--)
		if (p->entity[j - 1] >= 0 && p->entity_type[j - 1] == 0 && p->role_has(p->role_ctx, p->entity[j - 1], w, n))
			return p->entity[j - 1];
	for (size_t i = 0; i < p->n_recent; i++)
		if (p->role_has(p->role_ctx, p->recent[i], w, n))
			return p->recent[i];
	return -1;
}

/*
 * The entity token k stands for: a name, or a pronoun resolved to the last
 * person (he, she) or organisation (it, they) before it. -1 when none;
 * *np is set when k is a pronoun or a name, i.e. a possible subject.
 */
int sentence_candidate(const struct speaker_para *p, size_t k, int *np)
{
	*np = 0;
	if (p->in_quote[k])
		return -1;
	if (p->entity[k] >= 0) {
		size_t last = k;
		while (last + 1 < p->tl->n && p->entity[last + 1] == p->entity[k])
			last++;
		if (p->entity_type[k] != 0 && last + 1 < p->tl->n && (k = last, 1) &&
		    p->tl->v[k + 1].kind == TOK_WORD && !sentence_is_verb(p, k + 1) && !word_in(p, k + 1, auxiliaries)) {
			/* "the California congressman", "Senate Minority Leader Harry Reid",
			 * "IMF chief economist": a place or body qualifying someone */
			const struct token *u = &p->tl->v[k + 1];
			unsigned f = lexicon_lookup(p->text + u->start, u->end - u->start, NULL);
			if (p->entity_type[k] == 2 || (f & (LEX_TITLE | LEX_MODIFIER)) || p->entity[k + 1] >= 0 ||
			    (u->flags & TOKF_CAP))
				return -1;
		}
		if (k + 1 < p->tl->n && p->tl->v[k + 1].kind == TOK_POSS) {
			/* "Clinton's campaign said": the camp speaks for its head */
			size_t c = k + 2; /* "Russia's foreign ministry" */
			if (c + 1 < p->tl->n && p->tl->v[c].kind == TOK_WORD && !word_in(p, c, camp_nouns) &&
			    (lexicon_lookup(p->text + p->tl->v[c].start, p->tl->v[c].end - p->tl->v[c].start, NULL) & LEX_MODIFIER))
				c++;
			if (c < p->tl->n && word_in(p, c, camp_nouns) &&
			    !(c + 1 < p->tl->n && p->entity[c + 1] >= 0)) {
				*np = 1;
				return p->entity[k];
			}
			return -1; /* "Trump's push": a possessor, not a speaker */
		}
		*np = 1;
		return p->entity[k];
	}
	if (k > 0 && sentence_word_is(p, k - 1, "the") && word_in(p, k, sentence_body_nouns) && p->entity[k] < 0 &&
	    !(k + 1 < p->tl->n && (p->tl->v[k + 1].kind == TOK_POSS || sentence_word_is(p, k + 1, "of")))) {
		*np = 1; /* "the group added": the organisation last named */
		return p->last_org[k];
	}
	if (title_anaphor(p, k)) {
		/* "the businessman" is a he, "the congresswoman" a she */
		const struct token *t = &p->tl->v[k];
		size_t n = t->end - t->start;
		*np = 1;
		int holder = office_holder(p, k);
		if (holder >= 0)
			return holder;
		if (n > 5 && !memcmp(p->text + t->end - 5, "woman", 5))
			return p->last_she[k];
		if (n > 3 && !memcmp(p->text + t->end - 3, "man", 3))
			return p->last_he[k];
		return p->last_person[k];
	}
	if (sentence_word_is(p, k, "he")) {
		*np = 1;
		return p->last_he[k];
	}
	if (sentence_word_is(p, k, "she")) {
		*np = 1;
		return p->last_she[k];
	}
	if (sentence_word_is(p, k, "they")) {
		/* "Clinton's campaign ... what they call": the camp of its sentence */
		*np = 1;
		for (size_t j = sentence_start(p, k); j + 2 < k; j++)
			if (p->entity[j] >= 0 && !p->in_quote[j] && p->tl->v[j + 1].kind == TOK_POSS &&
			    word_in(p, j + 2, camp_nouns))
				return p->entity[j];
		return p->last_org[k];
	}
	if (sentence_word_is(p, k, "it")) {
		*np = 1;
		return p->last_org[k];
	}
	if (p->tl->v[k].end - p->tl->v[k].start == 1 && p->text[p->tl->v[k].start] == 'I') {
		*np = 1; /* "I told myself, “…”": the writer, outside any quotation */
		return SENTENCE_WRITER;
	}
	return -1;
}

/* Whether the mention starting at ms is the object of a preposition ("with the Security Council"). */
int sentence_governed(const struct speaker_para *p, size_t lo, size_t ms)
{
	size_t j = ms;
	while (j > lo && (sentence_word_is(p, j - 1, "the") || sentence_word_is(p, j - 1, "a") || sentence_word_is(p, j - 1, "an")))
		j--;
	return j > lo && sentence_in_list(p, j - 1, sentence_prepositions);
}

/* Start of the mention containing token k (names span several tokens). */
size_t sentence_mention_start(const struct speaker_para *p, size_t k)
{
	while (k > 0 && p->entity[k] >= 0 && p->entity[k - 1] == p->entity[k])
		k--;
	return k;
}

/* First token of the sentence holding token k (quotations do not end sentences). */
size_t sentence_start(const struct speaker_para *p, size_t k)
{
	size_t bound = k > SENTENCE_WINDOW ? k - SENTENCE_WINDOW : 0;
	while (k > bound) {
		const struct token *t = &p->tl->v[k - 1];
		if (t->kind == TOK_PUNCT && t->punct == ')') {
			/* "(D-Mo.)": a parenthesis never ends the sentence around it */
			size_t j = k - 1, limit = k > bound + 12 ? k - 12 : bound;
			while (j > limit && !sentence_is_punct(p, j, '('))
				j--;
			if (sentence_is_punct(p, j, '(')) {
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

/*
 * Whether a preposition in [start, ms) governs the phrase holding the name
 * at ms: "The merger of the big chains Gannett and GateHouse will create":
 * the subject is the merger. An appositive after a comma, or a clause
 * after the phrase, has its own subject ("The head of the agency, John
 * Smith, said:").
 */
int sentence_in_phrase(const struct speaker_para *p, size_t start, size_t ms)
{
	int governed = 0;
	for (size_t k = start; k < ms; k++) {
		if (p->in_quote[k])
			continue;
		if (sentence_is_punct(p, k, ',') || sentence_in_list(p, k, sentence_clause_openers) ||
		    sentence_word_is(p, k, "what") || sentence_is_verb(p, k))
			governed = 0; /* "in what host Tom Bergeron described": a clause of its own */
		else if (sentence_in_list(p, k, sentence_prepositions) && !sentence_word_is(p, k, "and") &&
		         !sentence_word_is(p, k, "or"))
			governed = 1;
	}
	return governed;
}

/* The first name in [lo, hi) not governed by a preposition: the sentence's subject. */
int sentence_subject(const struct speaker_para *p, size_t lo, size_t hi, int *found)
{
	int np;
	*found = 0;
	/* the subject opens the sentence, after an introductory phrase at most
	 * ("During a speech in Ohio, Trump attacked ..."); quotations do not count */
	size_t start = lo;
	for (size_t k = lo; k < hi; k++)
		if (sentence_is_punct(p, k, ',') && !p->in_quote[k]) {
			start = k + 1;
			break;
		}
	size_t from_lo = 0, from_start = 0;
	/* "The couple hired Ford as a “games consultant”": a common noun opens the sentence and is its subject */
	int common = (sentence_word_is(p, lo, "the") || sentence_word_is(p, lo, "a") || sentence_word_is(p, lo, "an")) &&
	             lo + 1 < hi && p->tl->v[lo + 1].kind == TOK_WORD && !(p->tl->v[lo + 1].flags & TOKF_CAP) &&
	             p->entity[lo + 1] < 0 && !p->in_quote[lo + 1];
	for (size_t k = lo; k < hi; k++) {
		if (p->in_quote[k])
			continue;
		from_lo++;
		if (k >= start)
			from_start++;
		if (from_lo > SUBJECT_REACH && (k < start || from_start > SUBJECT_REACH))
			continue;
		if (k < start && start > lo && sentence_in_list(p, lo, sentence_prepositions))
			continue; /* "In his Instagram post, Van Der Beek noted": the phrase has no subject */
		int e = sentence_candidate(p, k, &np);
		if (!np)
			continue;
		size_t ms = sentence_mention_start(p, k);
		if (sentence_governed(p, lo, ms) || sentence_in_phrase(p, lo, ms))
			continue;
		if (common && p->entity[k] >= 0 && ms > lo && !sentence_is_punct(p, ms - 1, ',') &&
		    p->tl->v[ms - 1].kind == TOK_WORD && !(p->tl->v[ms - 1].flags & TOKF_CAP) &&
		    !(lexicon_lookup(p->text + p->tl->v[ms - 1].start, p->tl->v[ms - 1].end - p->tl->v[ms - 1].start, NULL) &
		      (LEX_TITLE | LEX_MODIFIER)))
			continue; /* (but "the former president Obama", "the group, WeWorkers Coalition,") */
		if (p->entity[k] < 0 && k > lo && p->tl->v[k - 1].kind == TOK_WORD && !(p->tl->v[k - 1].flags & TOKF_CAP) &&
		    !sentence_in_list(p, k - 1, sentence_clause_openers) && !sentence_in_list(p, k - 1, sentence_say_verbs))
			continue; /* "analysts called it the “end of an era”": a pronoun after a verb is its object */
		*found = 1;
		return e;
	}
	return -1;
}
