/*
 * quote_marks.h: the quotation marks of one paragraph, for quotes.c.
 *
 * Pairs “ ” " « » „ “ (a curly quotation inside a curly one nests; a
 * straight mark opens or closes by its neighbours), and tells the shape of a
 * quotation: partial or a full sentence, the title of a programme rather
 * than words someone said. Single marks (‘ ’) pair only in an article
 * written with no double marks (British style); otherwise, inside a
 * quotation they are nested quotes, elsewhere apostrophes.
 *
 * Internal to the analysis stage; nothing here allocates.
 */
#ifndef DATELINE_QUOTE_MARKS_H
#define DATELINE_QUOTE_MARKS_H

#include <stddef.h>

#include "tokens.h"

struct quote_span {
	size_t open, close;  /* mark tokens; close == n when it runs to the paragraph end */
	int continued;       /* continues a quotation from the paragraph before */
	int cut;             /* ended by another opening mark, not its own closer */
};

/*
 * Pairs the marks of tl (tokens of text) into out (room for tl->n + 1
 * spans); carried says a quotation is still open from the paragraph before,
 * which this one continues when it opens with a mark; singles says the
 * article quotes with ‘ ’ (it has no double marks), British style. Sets in_quote[k] = 1 for every token
 * of a quotation, marks included. Returns the number of spans. Linear.
 */
size_t quote_marks_pair(const char *text, const struct token_list *tl, int carried, int singles,
                        struct quote_span *out, unsigned char *in_quote);

/* 1 when the quotation opening at token open is partial (not a sentence of its own). */
int quote_marks_partial(const struct token_list *tl, size_t open);

/*
 * 1 when the quotation between the marks open and close is the title of a
 * programme or publication: title case, right after "on", "in" or a possessive.
 */
int quote_marks_title(const char *text, const struct token_list *tl, size_t open, size_t close);
/*
 * 1 when the quotation between the marks open and close mentions a name or
 * a term rather than reports words: in title case ("Takin' It to the
 * Streets", "Hanoi Hilton"), or after a naming word ("dubbed", "known as",
 * "so-called", a passive "called", a quoted word used as a modifier) or
 * an account name. Nobody is its speaker (but the one speaking in a
 * transcript's turn).
 */
int quote_marks_mention(const char *text, const struct token_list *tl, size_t open, size_t close);
/*
 * 1 when the marks open and close hold a nickname inside a person's name:
 * one or two capitalised words between capitalised name words, as in
 * Rep. Robert C. "Bobby" Scott. Such marks quote nobody.
 */
int quote_marks_nickname(const struct token_list *tl, size_t open, size_t close);

/* 1 when s[0..n) holds a letter (a quotation of punctuation alone is none). */
int quote_marks_has_letter(const char *s, size_t n);

/* 1 when s[0, n) opens with a speaker's label in capitals ("WALLACE: ", "MR. PENCE: "): a transcript's turn. */
int quote_marks_turn_label(const char *s, size_t n);

#endif
