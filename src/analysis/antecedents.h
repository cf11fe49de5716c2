/*
 * antecedents.h: who a pronoun or a description may stand for, for
 * quotes.c and speakers.c.
 *
 * Walks the paragraphs in order and records, before each token, the last
 * person (any; not known to be a woman; not known to be a man) and the last
 * organisation that "he", "she", "it", "they" or "the senator" may refer to.
 * The sentence's subject holds: a person named later in it (an object, a
 * possessor, someone in a reported clause) only takes a pronoun the subject
 * cannot; a name inside a quotation is the speaker's word, no antecedent. A
 * person of unknown gender referred to as "she" or "he" keeps that gender
 * for the rest of the article. Capitals abbreviating an organisation the
 * article names in full ("WHO") stand for it. "It" and "they" reach an
 * organisation named as a subject (not a verb's or preposition's object) in
 * this paragraph or the one before, or referred to since ("it said", "the
 * group"); a sentence whose subject is a name the article does not know
 * ("Big Machine have denied") leaves them no organisation to stand for.
 *
 * Internal to the analysis stage. Ownership: antecedents_free() releases
 * what antecedents_init() allocated; the article and names are borrowed.
 */
#ifndef DATELINE_ANTECEDENTS_H
#define DATELINE_ANTECEDENTS_H

#include <stddef.h>

#include "tokens.h"

struct article;
struct speaker_names;

#define RECENT_MAX 8 /* people remembered for "the governor said" */

struct antecedents {
	const struct article *a;            /* borrowed */
	const struct speaker_names *names;  /* borrowed: acronyms */
	unsigned char *gender;              /* per entity: 0 unknown, 1 woman, 2 man (owned) */
	int last_person, last_org;          /* running state, -1 for none */
	int last_he, last_she;              /* last person not known to be a woman / a man */
	int org_age;                        /* paragraphs begun since last_org was named */
	int org_unknown;                    /* last_org is -1 for a body named but not known ("Big Machine have") */
	int recent[RECENT_MAX];             /* people named before the current paragraph, most recent first */
	size_t n_recent;                    /* their number */
	int seen[RECENT_MAX];               /* the same list, this paragraph included */
	size_t n_seen;                      /* its number */
};

/* Starts on article a. 0, or -1 when out of memory. */
int antecedents_init(struct antecedents *an, const struct article *a, const struct speaker_names *names);
void antecedents_free(struct antecedents *an);

/* Before a new paragraph: the people named so far become its "recent" list. */
void antecedents_begin(struct antecedents *an);

/*
 * For the paragraph text (tokens tl, in_quote from quote_marks_pair) whose
 * entity[] and etype[] hold the entity named at each token (or -1): adds
 * acronyms to them, and fills lp, lo, he, she with the last person,
 * organisation, he and she before each token, advancing the state.
 */
void antecedents_paragraph(struct antecedents *an, const char *text, const struct token_list *tl,
                           const unsigned char *in_quote, int *entity, int *etype, int *lp, int *lo, int *he, int *she);

/* 1 when entity e's role (ctx: the article) holds the office word w[0..n): "governor" in "Indiana Gov.". */
int antecedents_role_has(const void *ctx, int e, const char *w, size_t n);

#endif
