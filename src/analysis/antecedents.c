/* antecedents.c: who a pronoun or a description may stand for, token by token (see antecedents.h). */
#include "antecedents.h"
#include "lexicon.h"
#include "model.h"
#include "sentence.h"
#include "speaker_names.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Prepositions whose object is not the subject a pronoun later refers to ("called on Obama"). */
static const char *const object_preps[] = {
	"with", "to", "about", "of", "by", "for", "against", "on", "at", "from", "into", "than",
	"between", "over", "under", "toward", "towards", "in", NULL,
};

/* Words opening a clause of its own: "when I started", "as I asked". */
static const char *const clause_openers[] = {
	"when", "because", "if", "while", "after", "before", "as", "since", "although", "though",
	"until", "unless", "where", "that", "who", "which", "whom", NULL,
};

static int word_in(const char *text, const struct token *t, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (t->kind == TOK_WORD && tokens_is(text, t, *w))
			return 1;
	return 0;
}

#define SUBJECT_WRITER (-2) /* the sentence's subject is "I" */

/* Verbs that follow a subject: "Big Machine have twice denied". */
static const char *const subject_verbs[] = {
	"has", "have", "had", "is", "are", "was", "were", "will", "would", "also", "later", NULL,
};

/*
 * Whether the sentence opening at token k has for subject a name the article
 * knows nothing of: two capitalised words or more, no entity, then a verb
 * ("Big Machine have twice denied"). "They said" next means that unknown.
 */
static int unknown_subject(const char *text, const struct token_list *tl, const unsigned char *in_quote,
                           const int *entity, size_t k)
{
	size_t j = k;
	while (j < tl->n && j < k + 5 && tl->v[j].kind == TOK_WORD && (tl->v[j].flags & TOKF_CAP) && entity[j] < 0 &&
	       !in_quote[j])
		j++;
	if (j - k < 2 || j >= tl->n || tl->v[j].kind != TOK_WORD || (tl->v[j].flags & TOKF_CAP))
		return 0;
	const struct token *t = &tl->v[j];
	unsigned f = lexicon_lookup(text + t->start, t->end - t->start, NULL);
	if (lexicon_lookup(text + tl->v[k].start, tl->v[k].end - tl->v[k].start, NULL) & (LEX_STOP | LEX_TITLE | LEX_HONORIFIC))
		return 0; /* "The", "President": not a name */
	for (const char *const *w = subject_verbs; *w; w++)
		if (tokens_is(text, t, *w))
			return 1;
	return (f & LEX_VERB) != 0;
}

/* Whether a person is a woman (1) or a man (2) by given name, honorific or role; 0 unknown. */
static unsigned char gender_of(const struct entity *e)
{
	if (e->type != ENTITY_PERSON)
		return 0;
	size_t n = strcspn(e->name, " ");
	unsigned f = lexicon_lookup(e->name, n, NULL);
	if ((f & LEX_FEMALE) && !(f & LEX_MALE))
		return 1;
	if ((f & LEX_MALE) && !(f & LEX_FEMALE))
		return 2;
	for (size_t i = 0; i < e->n_aliases; i++) {
		if (!strncmp(e->aliases[i], "Mrs", 3) || !strncmp(e->aliases[i], "Ms", 2))
			return 1;
		if (!strncmp(e->aliases[i], "Mr", 2))
			return 2;
	}
	if (e->role && strstr(e->role, "woman"))
		return 1;
	if (e->role && (strstr(e->role, "man ") || (strlen(e->role) > 3 && !strcmp(e->role + strlen(e->role) - 3, "man"))))
		return 2;
	return 0;
}

/* Moves person e to the front of the list of people last named. */
static void remember(struct antecedents *an, int e)
{
	size_t i = 0;
	while (i < an->n_seen && an->seen[i] != e)
		i++;
	if (i == an->n_seen && an->n_seen < RECENT_MAX)
		an->n_seen++;
	if (i == RECENT_MAX)
		i = RECENT_MAX - 1;
	memmove(an->seen + 1, an->seen, i * sizeof *an->seen);
	an->seen[0] = e;
}

/* Whether entity e's role holds the office word w: "governor" in "Indiana Gov.", "senator" in "Sen.". */
int antecedents_role_has(const void *ctx, int e, const char *w, size_t n)
{
	const char *r = ((const struct article *)ctx)->entities[e].role;
	while (r && *r) {
		while (*r == ' ')
			r++;
		size_t l = strcspn(r, " ");
		size_t core = l && r[l - 1] == '.' ? l - 1 : l; /* "Gov." abbreviates "governor" */
		if (core >= 3 && (core == l ? core == n : core < n) && !strncasecmp(r, w, core))
			return 1;
		r += l;
	}
	return 0;
}

/* Person e becomes the last person named, and he or she as far as its gender allows. */
static void set_last(struct antecedents *an, int e)
{
	an->last_person = e;
	if (an->gender[e] != 1)
		an->last_he = e;
	if (an->gender[e] != 2)
		an->last_she = e;
}

int antecedents_init(struct antecedents *an, const struct article *a, const struct speaker_names *names)
{
	memset(an, 0, sizeof *an);
	an->a = a;
	an->names = names;
	an->last_person = an->last_org = an->last_he = an->last_she = -1;
	if (!(an->gender = calloc(a->n_entities + 1, 1)))
		return -1;
	for (size_t i = 0; i < a->n_entities; i++)
		an->gender[i] = gender_of(&a->entities[i]);
	return 0;
}

void antecedents_free(struct antecedents *an)
{
	free(an->gender);
	an->gender = NULL;
}

void antecedents_begin(struct antecedents *an)
{
	memcpy(an->recent, an->seen, an->n_seen * sizeof *an->seen);
	an->n_recent = an->n_seen;
	if (++an->org_age > 1)
		an->last_org = -1; /* "it" and "they" reach back one paragraph for a body not named again */
}

void antecedents_paragraph(struct antecedents *an, const char *text, const struct token_list *tl,
                           const unsigned char *in_quote, int *entity, int *etype, int *lp, int *lo, int *he, int *she)
{
	size_t n = tl->n, k;
	for (k = 0; k < n; k++) {
		const struct token *t = &tl->v[k];
		if (entity[k] < 0 && !in_quote[k] && (t->flags & TOKF_ALLCAPS) && !(t->flags & TOKF_ABBREV) &&
		    t->end - t->start <= 6) {
			/* "says WHO": an acronym of an organisation the article names in full */
			entity[k] = speaker_names_acronym(an->names, text + t->start, t->end - t->start);
			if (entity[k] >= 0)
				etype[k] = ENTITY_ORGANIZATION;
		}
	}
	int subj = -1; /* the person who is this sentence's subject, or -1 */
	int org_held = 0; /* the sentence's subject is a body: "The group announced that WeWork had" keeps it */
	for (k = 0; k < n; k++) {
		lp[k] = an->last_person;
		lo[k] = an->last_org;
		he[k] = an->last_he;
		she[k] = an->last_she;
		const struct token *t = &tl->v[k];
		if (!in_quote[k] && ((t->kind == TOK_PUNCT && strchr(".!?", t->punct)) ||
		                     (t->kind == TOK_WORD && (t->flags & TOKF_SENT_START)))) {
			subj = -1;
			org_held = t->kind == TOK_WORD && tokens_is(text, t, "the") && k + 1 < n &&
			           word_in(text, &tl->v[k + 1], sentence_body_nouns) && an->last_org >= 0;

			if (t->kind == TOK_WORD && unknown_subject(text, tl, in_quote, entity, k))
				an->last_org = lo[k] = -1, an->org_unknown = 1; /* "they" and "it" next are that unknown body */
		}
		if (!in_quote[k] && t->kind == TOK_WORD && an->last_org >= 0 && k + 1 < n && !in_quote[k + 1] &&
		    tokens_is(text, t, "the") && word_in(text, &tl->v[k + 1], sentence_body_nouns))
			an->org_age = 0; /* "the group": referred to again */
		if (!in_quote[k] && t->kind == TOK_WORD && an->last_org >= 0 && k + 1 < n && !in_quote[k + 1] &&
		    (tokens_is(text, t, "it") || tokens_is(text, t, "they")) && tl->v[k + 1].kind == TOK_WORD &&
		    (lexicon_lookup(text + tl->v[k + 1].start, tl->v[k + 1].end - tl->v[k + 1].start, NULL) & LEX_VERB))
			an->org_age = 0; /* "“…,” it added": speaking again, still the body spoken of */
		int she_word = !in_quote[k] && t->kind == TOK_WORD && (tokens_is(text, t, "she") || tokens_is(text, t, "her"));
		int he_word = !in_quote[k] && t->kind == TOK_WORD && (tokens_is(text, t, "he") || tokens_is(text, t, "his"));
		int p = an->last_person;
		if ((she_word || he_word) && p >= 0 && !an->gender[p] && (she_word ? she[k] : he[k]) == p) {
			/* "Elise Matthesen ... she": a person of unknown gender is referred to as a woman */
			an->gender[p] = she_word ? 1 : 2;
			int *other = she_word ? &an->last_he : &an->last_she;
			if (*other == p) {
				/* the slot it held goes back to the last person who may take it */
				*other = -1;
				for (size_t i = 0; i < an->n_seen && *other < 0; i++)
					if (an->seen[i] != p && an->gender[an->seen[i]] != (she_word ? 1 : 2))
						*other = an->seen[i];
			}
		}
		if (subj == -1 && !in_quote[k] && t->kind == TOK_WORD && entity[k] < 0) {
			/* "She gave me the address of Ford's sister, Martha Fry": a pronoun holds the subject;
			 * "I thought of Elise Matthesen": the writer's subject leaves the next person to be "she" */
			if (tokens_is(text, t, "she") && an->last_she >= 0)
				subj = an->last_she;
			else if (tokens_is(text, t, "he") && an->last_he >= 0)
				subj = an->last_he;
			else if (t->end - t->start == 1 && text[t->start] == 'I' &&
			         !(k > 0 && word_in(text, &tl->v[k - 1], clause_openers)))
				subj = SUBJECT_WRITER; /* (not "when I started": a clause of its own) */
		}
		if (entity[k] < 0 || (k > 0 && entity[k - 1] == entity[k]) || in_quote[k])
			continue;
		/* the word before the mention, its role and article aside ("with Russian President Putin") */
		size_t j = k;
		while (j > 0 && k - j < 5 && tl->v[j - 1].kind == TOK_WORD &&
		       ((tl->v[j - 1].flags & TOKF_CAP) || tokens_is(text, &tl->v[j - 1], "the") ||
		        (lexicon_lookup(text + tl->v[j - 1].start, tl->v[j - 1].end - tl->v[j - 1].start, NULL) &
		         (LEX_TITLE | LEX_MODIFIER | LEX_DEMONYM | LEX_HONORIFIC))))
			j--;
		while (j > 0 && (tokens_is(text, &tl->v[j - 1], "a") || tokens_is(text, &tl->v[j - 1], "an")))
			j--; /* "in a Tumblr post" */
		int object = 0;
		for (const char *const *w = object_preps; j > 0 && *w; w++)
			object |= tl->v[j - 1].kind == TOK_WORD && tokens_is(text, &tl->v[j - 1], *w);
		int e = entity[k];
		if (etype[k] == ENTITY_ORGANIZATION && !object && j > 0 && j < k && tl->v[j - 1].kind == TOK_WORD &&
		    !in_quote[j - 1] && !(tl->v[j - 1].flags & TOKF_CAP) && !word_in(text, &tl->v[j - 1], clause_openers) &&
		    !tokens_is(text, &tl->v[j - 1], "and") && !tokens_is(text, &tl->v[j - 1], "but") &&
		    !(lexicon_lookup(text + tl->v[j - 1].start, tl->v[j - 1].end - tl->v[j - 1].start, NULL) & LEX_VERB))
			object = 1; /* "the company that runs the AMAs": a verb's object ("said the company" is its subject) */
		if (etype[k] == ENTITY_PERSON) {
			remember(an, e);
			unsigned char g = an->gender[e];
			if ((!object && subj == -1) || subj == SUBJECT_WRITER) {
				subj = e; /* the subject: who he or she most likely means next */
				set_last(an, e);
			} else if (subj >= 0 && subj != e) {
				/* named later in the sentence: a pronoun the subject cannot take */
				if (an->gender[subj] == 1 && g != 1)
					an->last_he = e;
				if (an->gender[subj] == 2 && g != 2)
					an->last_she = e;
			} else if (an->last_person < 0) {
				set_last(an, e);
			}
		}
		else if (etype[k] == ENTITY_ORGANIZATION && (!object || (an->last_org < 0 && !an->org_unknown)) && !org_held) {
			org_held = !object;
			an->last_org = entity[k];
			an->org_unknown = 0;
			an->org_age = 0;
		}
	}
}
