/*
 * name_words.h: what the words of a capitalised run say about it, for
 * names.c: lexicon flags of a token or of a phrase of tokens, known places
 * and organisations inside a run, and the type of a name from its words
 * alone (a given name, an organisation word, an acronym, a place word ...).
 *
 * Internal to the analysis stage. Nothing here allocates; tokens index the
 * caller's text; canonical names point into the static lexicon.
 */
#ifndef DATELINE_NAME_WORDS_H
#define DATELINE_NAME_WORDS_H

#include <stddef.h>

#include "lexicon.h"
#include "tokens.h"

/* Whether lexicon flags f make a word a given name: Faker's names only when no place or body has that name. */
#define NAMES_GIVEN(f) (((f) & (LEX_FEMALE | LEX_MALE)) != 0 || \
	(((f) & LEX_GIVEN) && !((f) & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_DEMONYM))))

/* Lower-case particles inside people's names: de, van, bin ... (NULL-terminated). */
extern const char *const names_particles[];

/* 1 when token t of s is one of the ASCII words of list (NULL-terminated), any case. */
int names_in_list(const char *s, const struct token *t, const char *const *list);
/* Lexicon flags (LEX_*) of word token t; 0 for other tokens. */
unsigned names_word_flags(const char *s, const struct token *t);
/* 1 when t is a word starting with a capital, or in capitals. */
int names_is_cap(const struct token *t);
/*
 * Lexicon flags of the phrase of tokens [b, e) when they are words separated
 * by single spaces; 0 otherwise. *canon (may be NULL) gets its canonical name.
 */
unsigned names_phrase_flags(const char *s, const struct token *v, size_t b, size_t e, const char **canon);
/* Length in tokens of the longest known place or organisation starting at k within [k, e); 0 if none. */
size_t names_place_org_at(const char *s, const struct token *v, size_t k, size_t e, unsigned *fl,
                          const char **canon);
/* The same for one ending just before e and starting at or after lo. */
size_t names_place_org_before(const char *s, const struct token *v, size_t lo, size_t e);
/*
 * Type (enum name_type) of the name [b, e) from its words alone; *canon gets
 * the lexicon's canonical name when the lexicon knows it (and NAMEF_LEXICON
 * is set in *nf), else NULL.
 */
int names_classify(const char *s, const struct token *v, size_t b, size_t e, const char **canon, unsigned *nf);

/*
 * Writes into out (cap bytes, NUL-terminated) the initials of the
 * capitalised words of [b, e), skipping a leading "The" and lower-case
 * joiners: "International Monetary Fund" gives "IMF", "Bank of England"
 * "BE". Returns their number, 0 when a token is not a word or out is short.
 */
size_t names_initials(const char *s, const struct token *v, size_t b, size_t e, char *out, size_t cap);
/* 1 when word token t mixes letters and digits, four characters or more: a model ("A350", "RAV4"), not a name. */
int names_is_model(const char *s, const struct token *t);
/*
 * 1 when word token t is a social-media handle or a link's fragment rather
 * than a name: "MethWeAreOnIt", "Nc0nKoXGBP", "RobertMaguire", "TheHill".
 */
int names_is_handle(const char *s, const struct token *t);
/* 1 when word token t is written in capitals, 2 to 8 letters, as an acronym ("IMF", not "U.S."). */
int names_is_acronym(const char *s, const struct token *t);
/*
 * A transcript's turn: the paragraph opens (after quotation marks and a
 * bracketed stage direction such as "(CROSSTALK)") with one to three words
 * in capitals and a colon: "WALLACE: ...", "SEN. KAINE: ...". Returns the
 * number of label tokens and sets *b to the first; 0 when there is none.
 */
size_t names_turn_label(const char *s, const struct token_list *tl, size_t *b);
#endif
