/*
 * names.h: finds the name spans of one paragraph for entities.c: runs of
 * capitalised words, trimmed of sentence openers and titles, split into the
 * role before a name ("U.S. President") and the name itself, and typed by the
 * lexicon and by the words around them.
 *
 * Internal to the analysis stage. Ownership: a name_list owns its array;
 * names_free() releases it. Spans refer to the caller's tokens by index.
 */
#ifndef DATELINE_NAMES_H
#define DATELINE_NAMES_H

#include <stddef.h>

#include "tokens.h"

struct strmap;

enum name_type {
	NAME_UNKNOWN = -1, /* capitalised, nothing says what it is */
	NAME_PERSON = 0,   /* same values as enum entity_type */
	NAME_ORG = 1,
	NAME_PLACE = 2,
	NAME_OTHER = 3     /* a work, event, law or product: "Paris Agreement", "Nintendo Switch" */
};

enum {
	NAMEF_TITLED = 1,    /* a title or honorific stands right before it */
	NAMEF_SPEAKS = 2,    /* subject or object of a reporting verb next to it */
	NAMEF_LEXICON = 4,   /* typed by the lexicon, not guessed */
	NAMEF_PLACE_CTX = 8, /* after in / at / near ...: a place if anything */
	NAMEF_ORG_CTX = 16,  /* after "the" or with an organisation word */
	NAMEF_NOT_NAME = 32, /* known not to be a name ("(GDP)" after lower-case words) */
	NAMEF_GUESSED = 64,  /* a person only for want of anything else: no given name known */
	NAMEF_OFFICE = 128,  /* a title word alone: a name only as the surname of someone named in full */
	NAMEF_BODY = 256     /* the words around say a body: "the boss of X", "X's shares", "X, a consulting firm" */
};

struct name_span {
	size_t b, e;          /* name tokens [b, e) */
	size_t role_b, role_e;/* role tokens [role_b, role_e), empty when none */
	int type;             /* enum name_type */
	unsigned flags;       /* NAMEF_* */
	const char *canon;    /* canonical name from the lexicon, or NULL (static) */
	size_t title_tok;     /* index of a single title right before the name, or (size_t)-1 */
	long alias_of;        /* "(PACJA)" after a name: index of that name's span in the list, or -1 */
	int entity;           /* entity index once entities.c placed it, or -1 */
};

struct name_list {
	struct name_span *v; /* spans in text order (owned) */
	size_t n;            /* number of spans */
	size_t cap;          /* allocated slots */
};

/*
 * Appends to out the name spans of text (tokenised as tl). caps maps words
 * (case-insensitive) to bit 1 when the article capitalises them mid-sentence
 * and bit 2 when it writes them in lower case. 0, or -1 when out of memory.
 */
int names_find(const char *text, const struct token_list *tl, const struct strmap *caps,
               struct name_list *out);

/*
 * 1 when the paragraph is mostly capitals, or (for a headline) in title case,
 * so that its capitals say nothing about names.
 */
int names_caps_uninformative(const char *text, const struct token_list *tl, int headline);

/*
 * In a transcript ("WALLACE: ..." opening several paragraphs), makes the
 * name of the paragraph's turn label a person who speaks, unless the
 * lexicon knows it ("KUWAIT:" opens a dateline) or it is a common word.
 */
void names_turn_speaker(const char *s, const struct token_list *tl, struct name_list *l);
void names_free(struct name_list *l);

#endif
