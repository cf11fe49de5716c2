/*
 * sentence.h: reading the sentence around a quotation, for speakers.c: its
 * words (reporting verbs, prepositions, clause openers), where it starts,
 * and the names and pronouns in it that may be its subject (he / she / it /
 * they and "the senator" resolved to the last compatible person or body).
 *
 * Internal to the analysis stage; works on a struct speaker_para (see
 * speakers.h) and allocates nothing.
 */
#ifndef DATELINE_SENTENCE_H
#define DATELINE_SENTENCE_H

#include <stddef.h>

#include "speakers.h"

/* What sentence_candidate() gives for "I" outside quotations: the article's writer, no entity. */
#define SENTENCE_WRITER (-3)

/* Word lists (NULL-terminated): clause openers, plain saying verbs, prepositions. */
extern const char *const sentence_clause_openers[];
extern const char *const sentence_say_verbs[];
extern const char *const sentence_prepositions[];
/* Nouns for a body read like "it": "the group added", "the company said". */
extern const char *const sentence_body_nouns[];

/* 1 when token k is the ASCII word w (any case). */
int sentence_word_is(const struct speaker_para *p, size_t k, const char *w);
/* 1 when token k is the punctuation c. */
int sentence_is_punct(const struct speaker_para *p, size_t k, char c);
/* 1 when token k is one of the words of list. */
int sentence_in_list(const struct speaker_para *p, size_t k, const char *const *list);
/* 1 when token k is a reporting verb used as a verb (not "his remarks"), outside quotations. */
int sentence_is_verb(const struct speaker_para *p, size_t k);
/* 1 when token k is an -ing form ("saying", "calling"). */
int sentence_is_participle(const struct speaker_para *p, size_t k);
/*
 * The entity token k stands for as a possible speaker: a person or body
 * named there (not a possessor, not a place or body qualifying someone), or a
 * pronoun or "the senator" resolved; SENTENCE_WRITER for "I"; -1 when none. *np is set when k is such
 * a name or pronoun, even one that resolves to nobody.
 */
int sentence_candidate(const struct speaker_para *p, size_t k, int *np);
/* 1 when the mention starting at ms is the object of a preposition ("with the Kremlin"). */
int sentence_governed(const struct speaker_para *p, size_t lo, size_t ms);
/* Whether a preposition in [start, ms), no comma after it, governs the name at ms ("The merger of X"). */
int sentence_in_phrase(const struct speaker_para *p, size_t start, size_t ms);
/* First token of the mention holding token k. */
size_t sentence_mention_start(const struct speaker_para *p, size_t k);
/* First token of the sentence holding token k (quotations and parentheses do not end it). */
size_t sentence_start(const struct speaker_para *p, size_t k);
/*
 * The sentence's subject in [lo, hi): the first name or pronoun, at its start
 * or after an introductory phrase, not governed by a preposition; *found
 * says whether one was seen (it may resolve to nobody: -1).
 */
int sentence_subject(const struct speaker_para *p, size_t lo, size_t hi, int *found);

#endif
