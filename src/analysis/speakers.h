/*
 * speakers.h: who said a quotation, for quotes.c.
 *
 * Works on one paragraph's tokens where each token knows the entity it names
 * (or -1). Patterns: QUOTE, SPEAKER VERB / QUOTE, VERB SPEAKER / SPEAKER VERB:
 * QUOTE / SPEAKER VERB (that) ... QUOTE / according to SPEAKER, with the
 * reporting verbs of the lexicon; he / she / they / it resolved to the last
 * compatible person or organisation before them.
 *
 * Internal to the analysis stage; nothing here allocates.
 */
#ifndef DATELINE_SPEAKERS_H
#define DATELINE_SPEAKERS_H

#include <stddef.h>

#include "tokens.h"

struct speaker_para {
	const char *text;            /* the paragraph (borrowed) */
	const struct token_list *tl; /* its tokens (borrowed) */
	const int *entity;           /* per token: entity index named there, or -1 */
	const int *entity_type;      /* per token: that entity's type, or -1 */
	const int *last_person;      /* per token: last person named before it (any paragraph), or -1 */
	const int *last_he;          /* per token: the same, not known to be a woman */
	const int *last_she;         /* per token: the same, not known to be a man */
	const int *last_org;         /* per token: last organisation named before it, or -1 */
	const unsigned char *in_quote; /* per token: 1 inside a quotation (marks included), 2 inside a title */
	int subject_fallback;        /* with no reporting verb, the sentence's subject speaks */
	const int *recent;           /* people named before this paragraph, most recent first (borrowed) */
	size_t n_recent;             /* their number */
	/* 1 when entity e's role holds the office word w[0..n) ("the governor" and "Gov."); may be NULL */
	int (*role_has)(const void *ctx, int e, const char *w, size_t n);
	const void *role_ctx;        /* passed to role_has */
};

struct speaker_result {
	int entity;        /* speaker's entity index, or -1 */
	int attributed;    /* 1 when a reporting pattern was found (even with no named speaker) */
	size_t cue_start;  /* byte offsets of the cue in the paragraph, when attributed */
	size_t cue_end;
	int from_tail;     /* 1 when found at the end of the sentence, past other clauses (weaker) */
};

/*
 * Looks for the speaker of the quotation whose marks are tokens open and
 * close: after it first (QUOTE, SPEAKER VERB), then in its sentence before
 * it, then a closing ", X said" of the sentence (r->from_tail). close ==
 * tl->n (the quotation runs past the paragraph) skips the first and last;
 * open > tl->n skips the search before it.
 */
void speakers_find(const struct speaker_para *p, size_t open, size_t close, struct speaker_result *r);

/*
 * The speaker of the sentence ending just before token end when it reports
 * speech ("Schiff said."), so that a bare quotation after it can take it; -1.
 */
int speakers_sentence(const struct speaker_para *p, size_t end);

#endif
