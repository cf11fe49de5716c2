/*
 * name_context.h: what the words around a name span say about it, for
 * names.c: the role words before it ("Kremlin spokesperson") or after it
 * ("Dmitry Peskov, the Kremlin spokesman,"), and the NAMEF_* flags its
 * neighbours give (a reporting verb, "in", "the", "the daily ...").
 *
 * Internal to the analysis stage. Tokens index the caller's text s; nothing
 * is allocated.
 */
#ifndef DATELINE_NAME_CONTEXT_H
#define DATELINE_NAME_CONTEXT_H

#include <stddef.h>

#include "tokens.h"

/* 1 when lexicon flags f make a word that may stand in a role (title, honorific, modifier, demonym, body word). */
int names_role_word(unsigned f);
/*
 * Role words to the left of b, not before lo ("Kremlin spokesperson",
 * "White House special envoy"): sets *rb to the first; 1 when they hold a title.
 */
int names_left_role(const char *s, const struct token *v, size_t lo, size_t b, size_t *rb);
/*
 * An appositive role after the name ending at e, n tokens in all: "Dmitry
 * Peskov, the Kremlin spokesman, said"; sets [*rb, *re) and returns 1, or 0.
 */
int names_right_role(const char *s, const struct token *v, size_t n, size_t e, size_t *rb, size_t *re);
/* NAMEF_* context flags of the name [b, e): speaks, after a place preposition, a body's context. */
unsigned names_context(const char *s, const struct token *v, size_t n, size_t b, size_t e);

#endif
