/* speakers.c: who said a quotation (see speakers.h). */
#include "speakers.h"
#include "sentence.h"
#include "speaker_cues.h"

#include <string.h>

#define POST_WINDOW 30 /* tokens after a quotation searched for "he said" (appositives included) */
#define INVERSION_REACH 7 /* "said 9/11 widow Terry Strada": tokens after the verb */
#define VERBS_TRIED 8     /* reporting verbs of a sentence tried per pass: bounds the work per quotation */

/* What speaks for its author: "a report from", "a spokesman for". */
static const char *const document_nouns[] = {
	"report", "statement", "note", "letter", "memo", "release", "filing", "analysis", "study",
	"spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative", NULL,
};

/* Words between a subject and its verb: "Fiona Hill, had dubbed". */
static const char *const auxiliaries[] = {
	"had", "has", "have", "was", "is", "once", "also", "then", "later", "previously", "reportedly", NULL,
};

/* The subject of verb v in [lo, v): the nearest name not governed by a preposition. */
static int subject_before(const struct speaker_para *p, size_t lo, size_t v, int *found)
{
	int fallback = -1, np;
	*found = 0;
	if (v > lo && sentence_is_punct(p, v - 1, ',') && sentence_is_participle(p, v)) {
		/* ", calling him": the sentence's subject speaks */
		int e = sentence_subject(p, lo, v, found);
		if (*found)
			return e;
	}
	size_t c = v; /* "…, Charles, has reportedly told": the verb's auxiliaries aside */
	while (c > lo + 1 && sentence_in_list(p, c - 1, auxiliaries))
		c--;
	if (c > lo + 1 && sentence_is_punct(p, c - 1, ',')) {
		/* "Rob Goldman, President Ascom North America, says": the name before the appositive */
		for (size_t k = lo; k + 1 < c; k++) {
			int e = sentence_candidate(p, k, &np);
			if (!np)
				continue;
			size_t end = k;
			while (end + 1 < c && p->entity[k] >= 0 && p->entity[end + 1] == p->entity[k])
				end++;
			if (e >= 0 && p->entity_type[k] == 0 && sentence_is_punct(p, end + 1, ',') &&
			    !sentence_governed(p, lo, sentence_mention_start(p, k))) {
				*found = 1;
				return e;
			}
			break; /* only the sentence's first name */
		}
	}
	for (size_t k = v; k > lo; k--) {
		int e = sentence_candidate(p, k - 1, &np);
		if (!np)
			continue;
		size_t ms = sentence_mention_start(p, k - 1);
		if (sentence_governed(p, lo, ms) || sentence_in_phrase(p, lo, ms)) {
			/* "China's ambassador to Britain accused": a place after a preposition says nothing */
			if (fallback < 0 && !(p->entity[ms] >= 0 && p->entity_type[ms] == 2))
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
		if (k > v + 1 && sentence_in_list(p, k - 1, document_nouns) &&
		    (sentence_word_is(p, k, "from") || sentence_word_is(p, k, "by") || sentence_word_is(p, k, "of")))
			continue; /* "said a report from Kotak", "said a statement by the ministry" */
		if (sentence_word_is(p, k, "that") || p->tl->v[k].kind == TOK_QUOTE || sentence_in_list(p, k, sentence_prepositions) ||
		    (k == v + 1 && sentence_is_punct(p, k, ',')))
			break; /* "said in an interview with CNN's Wolf Blitzer", "said, per Feng": not the speaker */
		if (sentence_word_is(p, k, "it") || sentence_word_is(p, k, "they") || sentence_word_is(p, k, "he") ||
		    sentence_word_is(p, k, "she"))
			break; /* "said it was a mistake", "said they would": the reported clause's subject */
		int e = sentence_candidate(p, k, &np);
		if (np) {
			*found = 1;
			return e;
		}
	}
	return -1;
}

/* "according to Smith" within [lo, hi). */
static int according_to(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r)
{
	for (size_t k = lo; k + 1 < hi; k++) {
		if (p->in_quote[k] || !sentence_word_is(p, k, "according") || !sentence_word_is(p, k + 1, "to"))
			continue;
		int np;
		for (size_t j = k + 2; j < hi && j < k + 8; j++) {
			int e = sentence_candidate(p, j, &np);
			if (np) {
				speaker_cues_set(p, k, 2, r);
				r->entity = e;
				return 1;
			}
		}
		speaker_cues_set(p, k, 2, r);
		return 1;
	}
	return 0;
}

/* QUOTE, SPEAKER VERB / QUOTE, VERB SPEAKER. */
static int after(const struct speaker_para *p, size_t close, struct speaker_result *r)
{
	size_t n = p->tl->n, k = close + 1, hi = k;
	int depth = 0; /* "(R-Utah.)" does not end the sentence */
	while (hi < n && hi < k + POST_WINDOW) {
		const struct token *t = &p->tl->v[hi];
		if (t->kind == TOK_QUOTE) {
			size_t e = hi + 1; /* the “Pose” actor said: a short title in capitals goes on */
			while (e < n && e < hi + 6 && p->tl->v[e].kind == TOK_WORD && (p->tl->v[e].flags & TOKF_CAP))
				e++;
			if (e == hi + 1 || e >= n || p->tl->v[e].kind != TOK_QUOTE)
				break;
			hi = e + 1;
			continue;
		}
		if (t->kind == TOK_PUNCT && t->punct == '(')
			depth++;
		else if (t->kind == TOK_PUNCT && t->punct == ')' && depth)
			depth--;
		else if (!depth && t->kind == TOK_PUNCT && strchr(".!?;", t->punct) &&
		         !(t->punct == '.' && hi + 1 < n && sentence_is_punct(p, hi + 1, ',')))
			break; /* "Mitch McConnell, R-Ky., said" goes on */
		hi++;
	}
	/* “…,” he said: without that punctuation, a verb after a quotation is the sentence's own */
	size_t last = close;
	while (last > 0 && p->tl->v[last - 1].kind == TOK_QUOTE)
		last--; /* “… ‘…,’” */
	int punctuated = (last > 0 && p->tl->v[last - 1].kind == TOK_PUNCT && strchr(",?!.-", p->tl->v[last - 1].punct)) ||
	                 sentence_is_punct(p, close + 1, ',') || sentence_is_punct(p, close + 1, '-');
	if (!punctuated) {
		/* “… efficiency” says André Neu: only an inverted cue right after it */
		int found;
		if (!sentence_is_verb(p, close + 1) || !sentence_in_list(p, close + 1, sentence_say_verbs))
			return 0;
		int e = subject_after(p, close + 1, hi, &found);
		if (!found || e < 0)
			return 0;
		speaker_cues_set(p, close + 1, 1, r);
		r->entity = e;
		return 1;
	}
	/* “….” ends its sentence: only an attribution right after it belongs to it */
	size_t reach = last > 0 && sentence_is_punct(p, last - 1, '.') ? 3 : POST_WINDOW;
	if (reach != POST_WINDOW && close + 1 < n && p->tl->v[close + 1].kind == TOK_WORD &&
	    (p->tl->v[close + 1].flags & TOKF_CAP) && !sentence_word_is(p, close + 1, "said") &&
	    !sentence_word_is(p, close + 1, "says"))
		return 0; /* “… neighborhood.” Russia insisted ...: a new sentence */
	if (k < hi && sentence_is_punct(p, k, ','))
		k++;
	int found, np;
	/* “…” ― Pamela Padilla */
	if (k < hi && sentence_is_punct(p, k, '-') && k + 1 < hi) {
		int e = sentence_candidate(p, k + 1, &np);
		if (np && e >= 0) {
			speaker_cues_set(p, k, 1, r);
			r->entity = e;
			return 1;
		}
	}
	if (speaker_cues_as_named(p, k, hi, r) || speaker_cues_speech_of(p, k, hi, r))
		return 1;
	int named = 0; /* a name or pronoun came first: what follows may be its appositive */
	for (size_t v = k; v < hi; v++) {
		int np_v;
		sentence_candidate(p, v, &np_v);
		named |= np_v;
		if (!named && v <= k + 1 && sentence_in_list(p, v, sentence_clause_openers) && !p->in_quote[v])
			return 0; /* "“absolutely right” when he said" (not "chairman, CEO and president X said") */
		if (!sentence_is_verb(p, v))
			continue;
		if (sentence_is_participle(p, v) || v - k > reach)
			return 0;
		/* SPEAKER VERB: the first name after the quotation, appositives aside */
		for (size_t j = k; j < v; j++) {
			int e = sentence_candidate(p, j, &np);
			if (np) {
				speaker_cues_set(p, v, 1, r);
				r->entity = e;
				return 1;
			}
		}
		int e = subject_after(p, v, hi, &found);
		if (found || v - k <= 4) {
			speaker_cues_set(p, v, 1, r);
			r->entity = e;
			return 1;
		}
		return 0;
	}
	return reach == POST_WINDOW && according_to(p, k, hi, r);
}


/*
 * "He said his predecessor, Fiona Hill, had dubbed it “the Gordon problem”":
 * a reporting verb between the sentence's verb v and the quotation whose
 * subject is a name, not a pronoun, said the quoted words. Returns that verb
 * (and sets *e), or v.
 */
static size_t embedded_speaker(const struct speaker_para *p, size_t v, size_t open, int *e)
{
	for (size_t w = open; w > v + 2; w--) {
		size_t u = w - 1;
		if (sentence_word_is(p, u, "was") || sentence_word_is(p, u, "is") || sentence_word_is(p, u, "were") ||
		    sentence_word_is(p, u, "are"))
			break; /* "the letter Mike wrote was “kind”": the quotation is not what the verb reports */
		if (!sentence_is_verb(p, u) || sentence_is_participle(p, u))
			continue;
		if (!sentence_in_list(p, u, sentence_say_verbs) && !sentence_in_list(p, u, speaker_cues_naming_verbs))
			break; /* "stated that Trump believes “…”": a belief reports nobody's words */
		/* its subject right before it, auxiliaries and commas aside: "Fiona Hill, had dubbed" */
		size_t k = u;
		while (k > v + 1 && (sentence_is_punct(p, k - 1, ',') || sentence_in_list(p, k - 1, auxiliaries)))
			k--;
		if (k > v + 1 && p->entity[k - 1] >= 0 && p->entity_type[k - 1] == 0 && p->entity[k - 1] != *e &&
		    !sentence_governed(p, v + 1, sentence_mention_start(p, k - 1))) {
			*e = p->entity[k - 1];
			return u;
		}
		break; /* only the verb nearest the quotation */
	}
	return v;
}

/* Whether entity e, named or referred to in [lo, hi), is a person. */
static int is_person(const struct speaker_para *p, size_t lo, size_t hi, int e)
{
	for (size_t k = lo; k < hi; k++)
		if (p->entity[k] == e)
			return p->entity_type[k] == 0;
	return hi == 0 || p->last_org[hi - 1] != e; /* "they", "the network": the last body; "he", "she": a person */
}

/* Words of the quotation opening at token open, counted up to 4. */
static size_t quoted_words(const struct speaker_para *p, size_t open)
{
	size_t words = 0;
	for (size_t j = open + 1; j < p->tl->n && p->tl->v[j].kind != TOK_QUOTE && words < 4; j++)
		words += p->tl->v[j].kind == TOK_WORD;
	return words;
}

/*
 * Whether verb v (in [lo, open)) is passive: "has been portrayed as" (by
 * no one named: *agent -1), "was described by Smith as" (*agent Smith).
 */
static int passive(const struct speaker_para *p, size_t lo, size_t v, size_t open, int *agent)
{
	static const char *const be[] = {"been", "being", "be", "is", "was", "were", "are", NULL};
	int np;
	*agent = -1;
	if (v <= lo || !sentence_in_list(p, v - 1, be) || sentence_is_participle(p, v))
		return 0;
	if (sentence_word_is(p, v + 1, "by") && v + 2 < open) {
		*agent = sentence_candidate(p, v + 2, &np);
		if (!np)
			*agent = -1;
	}
	return 1;
}

/* SPEAKER VERB: QUOTE / SPEAKER VERB (that) ... QUOTE, in the sentence before the quote. */
static int before(const struct speaker_para *p, size_t open, struct speaker_result *r)
{
	size_t lo = sentence_start(p, open);
	int found;
	if (speaker_cues_as_put_it(p, lo, open, r))
		return 1;
	size_t d = open; /* "--" may be two dashes */
	while (d > lo + 1 && d + 2 > open && sentence_is_punct(p, d - 1, '-'))
		d--;
	size_t ms = d > lo ? sentence_mention_start(p, d - 1) : d;
	while (ms > lo && p->tl->v[ms - 1].kind == TOK_WORD && (p->tl->v[ms - 1].flags & TOKF_CAP))
		ms--; /* "of Mr. Trump": the honorific belongs to the phrase */
	if (d < open && d > lo && p->entity[d - 1] >= 0 && p->entity_type[d - 1] == 0 && !p->in_quote[d - 1] &&
	    !sentence_governed(p, lo, ms)) {
		/* "including the former candidate Mitt Romney -- “It is disqualifying …” --": the name it stands by */
		r->entity = p->entity[d - 1];
		r->attributed = 1;
		r->cue_start = r->cue_end = 0;
		return 1;
	}
	for (int pass = 0; pass < 2; pass++) {
		int tried = 0;
		for (size_t i = lo; i < open && tried < VERBS_TRIED; i++) {
			/* plain saying verbs: the sentence's first; others: the one nearest the quotation */
			size_t v = pass == 1 ? open - 1 - (i - lo) : i;
			if (!sentence_is_verb(p, v) || (pass == 0 && !sentence_in_list(p, v, sentence_say_verbs)))
				continue;
			tried++;
			int agent;
			if (pass == 1 && passive(p, lo, v, open, &agent)) {
				speaker_cues_set(p, v, 1, r); /* "what's been portrayed as an “irregular” channel": by no one named */
				r->entity = agent;
				return 1;
			}
			int e = subject_before(p, lo, v, &found);
			int unnamed = !found && pass == 0 && v > lo && p->tl->v[v - 1].kind == TOK_WORD && !p->in_quote[v - 1] &&
			              (!(p->tl->v[v - 1].flags & TOKF_CAP) || (p->tl->v[v - 1].flags & TOKF_SENT_START)) &&
			              !sentence_is_participle(p, v) && !sentence_in_list(p, v - 1, sentence_prepositions) &&
			              !sentence_in_list(p, v - 1, sentence_clause_openers);
			/* "Police say they have ...": "they" is the police, not the last organisation */
			if (unnamed && (sentence_word_is(p, v + 1, "they") || sentence_word_is(p, v + 1, "we"))) {
				speaker_cues_set(p, v, 1, r);
				return 1;
			}
			if (!found)
				e = subject_after(p, v, open, &found);
			if (!found && unnamed) {
				speaker_cues_set(p, v, 1, r); /* "Police say ...": someone unnamed said it */
				return 1;
			}
			if (!found)
				continue;
			if (e == SENTENCE_WRITER && !sentence_in_list(p, v, sentence_say_verbs) && !sentence_word_is(p, v, "telling"))
				continue; /* "I think this will be ...": the writer's opinion quotes nobody */
			if (pass == 0)
				v = embedded_speaker(p, v, open, &e);
			speaker_cues_set(p, v, 1, r);
			r->entity = e;
			return 1;
		}
	}
	if (according_to(p, lo, open, r) || speaker_cues_speech_owner(p, lo, open, r))
		return 1;
	/* no reporting verb: "X has been pounding Trump as a “con artist”" and
	 * "Obama is rolling out a message: “It's about me.”" are X's words */
	int open_colon = open > 0 && sentence_is_punct(p, open - 1, ':');
	if (p->subject_fallback || open_colon) {
		int e = sentence_subject(p, lo, open, &found);
		if (found && e >= 0 && !open_colon && !is_person(p, lo, open, e) && quoted_words(p, open) < 4)
			found = 0; /* "the agency's “deliveries”": a body using a term is no one's quotation */
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
	for (size_t v = lo, tried = 0; v < end && tried < VERBS_TRIED; v++) {
		if (!sentence_is_verb(p, v))
			continue;
		tried++;
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
		size_t ms = sentence_mention_start(p, k);
		if (sentence_governed(p, lo, ms))
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
		if (sentence_is_punct(p, end, ','))
			comma = end;
		end++;
	}
	if (!comma || end - comma > 9 || (end < n && p->tl->v[end].kind == TOK_QUOTE))
		return 0;
	int np, found;
	for (size_t v = comma + 1; v < end; v++) {
		if (!sentence_is_verb(p, v) || sentence_is_participle(p, v))
			continue;
		for (size_t j = comma + 1; j < v; j++) {
			int e = sentence_candidate(p, j, &np);
			if (np) {
				speaker_cues_set(p, v, 1, r);
				r->entity = e;
				return 1;
			}
		}
		int e = subject_after(p, v, end, &found);
		if (found) {
			speaker_cues_set(p, v, 1, r);
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
