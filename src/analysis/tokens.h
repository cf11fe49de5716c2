/*
 * tokens.h: splits a paragraph into words, punctuation and quotation marks,
 * with byte offsets and sentence starts, for the analysis stage.
 *
 * Apostrophes inside words stay in the word (I’ll, don't) and are never
 * quotation marks; a possessive ’s / 's is a token of its own so "Trump’s"
 * yields the name "Trump". Abbreviations (U.S., Mr., Sen., initials) keep
 * their period and do not end a sentence. One pass, linear in the input.
 *
 * Ownership: a token_list owns its array; tokens_free() releases it. Tokens
 * point into the caller's text by offset only.
 */
#ifndef DATELINE_TOKENS_H
#define DATELINE_TOKENS_H

#include <stddef.h>

enum token_kind {
	TOK_WORD,    /* letters and digits, with inner apostrophes, hyphens and dots */
	TOK_PUNCT,   /* one punctuation character or dash */
	TOK_QUOTE,   /* a quotation mark; see enum quote_mark */
	TOK_POSS     /* possessive ’s, 's or a trailing ’ */
};

enum quote_mark {
	QM_NONE,
	QM_OPEN,        /* “ « */
	QM_CLOSE,       /* ” » */
	QM_LOW_OPEN,    /* „ (closed by “ or ”) */
	QM_STRAIGHT,    /* " and '' ’’ : opening or closing decided by its neighbours */
	QM_SINGLE_OPEN, /* ‘ */
	QM_SINGLE_CLOSE /* ’ or ' standing alone */
};

enum {
	TOKF_CAP = 1,        /* word starts with a capital letter */
	TOKF_ALLCAPS = 2,    /* two or more letters, all capitals */
	TOKF_SENT_START = 4, /* first word of a sentence or of a quotation */
	TOKF_ABBREV = 8,     /* ends with an abbreviation's period (U.S., Mr.) */
	TOKF_SPACE_BEFORE = 16 /* white space precedes the token */
};

struct token {
	size_t start;        /* byte offset of the first byte */
	size_t end;          /* byte offset one past the last byte */
	unsigned char kind;  /* enum token_kind */
	unsigned char flags; /* TOKF_* bits */
	unsigned char mark;  /* enum quote_mark for TOK_QUOTE */
	char punct;          /* TOK_PUNCT: the ASCII character, '-' for dashes, '.' for … */
};

struct token_list {
	struct token *v;  /* tokens in text order (owned) */
	size_t n;         /* number of tokens */
	size_t cap;       /* allocated slots */
};

/*
 * Replaces the contents of out with the tokens of s[0..len). Returns 0, or -1
 * when out of memory (out then holds a prefix of the tokens).
 */
int tokens_split(const char *s, size_t len, struct token_list *out);

/* Frees the list's array and empties it. */
void tokens_free(struct token_list *l);

/* 1 when token t of s is exactly the ASCII word w, without regard to case. */
int tokens_is_slow(const char *s, const struct token *t, const char *w);
/*
 * Most calls hold a token against each word of a list, and the first
 * letter settles nearly all of them: that much is inline (the call was a
 * third of the analysis's instructions).
 */
static inline int tokens_is(const char *s, const struct token *t, const char *w)
{
	unsigned char a = (unsigned char)s[t->start], b = (unsigned char)w[0];
	if (t->end > t->start && a < 0x80 && b < 0x80 && (a | 0x20) != (b | 0x20))
		return 0; /* ASCII letters fold with 0x20; other bytes that differ by it are told apart below */
	return tokens_is_slow(s, t, w);
}

#endif
