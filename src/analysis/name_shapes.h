/*
 * name_shapes.h: what the shape of a run of capitals says, for names.c:
 * which words may stand in a name, which runs join across "and", "&" or a
 * possessive, and which runs are no names at all (titles in title case,
 * the people of a place, a saint's town, adverbs opening a sentence).
 *
 * Internal to the analysis stage. Tokens index the caller's text s; nothing
 * is allocated.
 */
#ifndef DATELINE_NAME_SHAPES_H
#define DATELINE_NAME_SHAPES_H

#include <stddef.h>

#include "tokens.h"

/* 1 when word token t may stand in a name: capitalised, no "London-based", no measure like "8GB". */
int names_word_in_name(const char *s, const struct token *t);
/* 1 when a word after the first of [b, e) is "You", "Is", "With" ...: a title or a headline, not a name. */
int names_title_phrase(const char *s, const struct token *v, size_t b, size_t e);
/* 1 when [b, e) is the people of a place the lexicon knows: "South Dakotans", "Texans", "New Yorkers". */
int names_people_of_a_place(const char *s, const struct token *v, size_t b, size_t e);
/* 1 when t is a capitalised adverb of a common word ("Formerly", "Finally"), never a name's first word. */
int names_opening_adverb(const char *s, const struct token *t);
/* 1 when [b, e) opens with "St.", "Saint", "Mt." before a name: a place ("St. Louis"). */
int names_saint_opens(const char *s, const struct token *v, size_t b, size_t e);
/*
 * Whether capitalised common words [b, e) open a body's name that goes on
 * after "and" or a possessive at e ("Securities and Exchange Commission",
 * "Attorney General's Office"); tl->n must exceed e + 2.
 */
int names_joins_body(const char *s, const struct token_list *tl, size_t b, size_t e);
/* "Centers for Disease Control and Prevention": "and" at e inside what the body [b, e) is of or for. */
int names_joins_body_field(const char *s, const struct token_list *tl, size_t b, size_t e);
/* "Hong Kong Human Rights and Democracy Act": "and" at e inside the name of a law or an event. */
int names_joins_thing(const char *s, const struct token_list *tl, size_t e);

#endif
