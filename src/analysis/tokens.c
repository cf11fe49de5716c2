/* tokens.c: the analysis tokenizer (see tokens.h). */
#include "tokens.h"
#include "base.h"
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


/* Words whose period is an abbreviation's, not a full stop. */
static const char *const abbreviations[] = {
	"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "St",
	"Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Prof", "Rev", "Adm", "Maj", "Mt",
	"Ft", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Gov", "Atty", "Supt",
	"Cmdr", "Brig", "Lt", "Pres", "Sens", "Reps", "Govs", "Msgr", "Fr", "etc", "approx", "Del",
	"Det", "Amb", "Insp", "Sgt", NULL,
};

/* Length of the UTF-8 punctuation or quote mark at s[i], with its kind; 0 when none. */
static size_t special(const unsigned char *s, size_t i, size_t len, unsigned char *kind,
                      unsigned char *mark, char *punct)
{
	*mark = QM_NONE;
	*punct = 0;
	if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80) {
		switch (s[i + 2]) {
		case 0x9C: *kind = TOK_QUOTE, *mark = QM_OPEN; return 3;        /* “ */
		case 0x9D: *kind = TOK_QUOTE, *mark = QM_CLOSE; return 3;       /* ” */
		case 0x9E: *kind = TOK_QUOTE, *mark = QM_LOW_OPEN; return 3;    /* „ */
		case 0x98: *kind = TOK_QUOTE, *mark = QM_SINGLE_OPEN; return 3; /* ‘ */
		case 0x99: *kind = TOK_QUOTE, *mark = QM_SINGLE_CLOSE; return 3;/* ’ */
		case 0x93: case 0x94: case 0x92: case 0x95:
			*kind = TOK_PUNCT, *punct = '-'; return 3;              /* – — */
		case 0xA6: *kind = TOK_PUNCT, *punct = '.'; return 3;           /* … */
		}
		return 0;
	}
	if (s[i] == 0xC2 && i + 1 < len && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) {
		*kind = TOK_QUOTE;
		*mark = s[i + 1] == 0xAB ? QM_OPEN : QM_CLOSE; /* « » */
		return 2;
	}
	if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
		return 0; /* no-break space: handled as space by the caller */
	return 0;
}

static int is_space_at(const unsigned char *s, size_t i, size_t len, size_t *n)
{
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		*n = 1;
		return 1;
	}
	if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
		*n = 2;
		return 1;
	}
	return 0;
}

/* A byte that can be part of a word: ASCII letters and digits, any non-ASCII but marks. */
static int is_word_at(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i];
	if (ascii_isupper(c) || ascii_islower(c) || ascii_isdigit(c))
		return 1;
	if (c < 0x80)
		return 0;
	unsigned char k, m;
	char p;
	size_t n;
	if (special(s, i, len, &k, &m, &p) || is_space_at(s, i, len, &n))
		return 0;
	if (c == 0xC2)
		return 0; /* Latin-1 punctuation and symbols */
	return 1;
}

/* Capital letter at s[i]: ASCII, Latin-1 (À–Þ), Latin Extended-A (even code points), Cyrillic. */
static int is_upper_at(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i];
	if (ascii_isupper(c))
		return 1;
	if (i + 1 >= len)
		return 0;
	unsigned char d = s[i + 1];
	if (c == 0xC3)
		return d >= 0x80 && d <= 0x9E && d != 0x97;
	if (c == 0xC4 || c == 0xC5)
		return !(d & 1);
	if (c == 0xD0)
		return d >= 0x80 && d <= 0xAF;
	return 0;
}

static int is_abbreviation(const char *s, size_t start, size_t end)
{
	size_t n = end - start;
	if (n == 1 && ascii_isupper((unsigned char)s[start]))
		return 1; /* an initial */
	for (const char *const *a = abbreviations; *a; a++)
		if (strlen(*a) == n && !memcmp(*a, s + start, n))
			return 1;
	return 0;
}

/*
 * Length of a double mark typed as two single ones at s[i]: '' and ’’ (the
 * NYT's convention, and some sites' closing), `` (TeX's opening); 0 when
 * none. Of three marks after a word the first is a nested quotation's
 * closing apostrophe, left to the caller.
 */
static size_t doubled_mark(const unsigned char *s, size_t i, size_t len, int space)
{
	size_t a = s[i] == '\'' ? 1 : (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x99) ? 3 : 0;
	if (s[i] == '`')
		return i + 1 < len && s[i + 1] == '`' ? 2 : 0;
	if (!a || i + 2 * a > len || memcmp(s + i, s + i + a, a))
		return 0;
	if (!space && i + 3 * a <= len && !memcmp(s + i, s + i + 2 * a, a))
		return 0; /* ’’’ after a word: ’ then ’’ */
	return 2 * a;
}

static int push(struct token_list *l, struct token t)
{
	if (array_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return -1;
	l->v[l->n++] = t;
	return 0;
}

/* Prefixes that join a name rather than pair two: Sub-Saharan, Pan-African, Anti-Trump. */
static const char *const hyphen_prefixes[] = {
	"Sub", "Pan", "Anti", "Pro", "Non", "Post", "Pre", "Mid", "Trans", "Inter", "Afro", "Euro",
	"Indo", "Sino", "Anglo", "Franco", "Greco", "Austro", "Russo", "Neo", "Ex", "Vice", "Co",
	"Jean", "Marie", "Anne", "Pierre", "Louis", "Jose", "Maria", "Ana", "Hans", "Karl", "Abdel",
	"Abd", "Mary", "Kim", "Ali", NULL,
};

static const char *text_of(const unsigned char *s)
{
	return (const char *)s;
}

static int is_prefix(const char *s, size_t start, size_t end)
{
	for (const char *const *p = hyphen_prefixes; *p; p++)
		if (strlen(*p) == end - start && !memcmp(*p, s + start, end - start))
			return 1;
	return 0;
}

/* Whether both sides of the hyphen at h are names the lexicon knows ("Trump-Putin", "Russia-Ukraine"). */
static int pairs_names(const unsigned char *s, size_t start, size_t h, size_t len)
{
	size_t e = h + 1;
	while (e < len && is_word_at(s, e, len))
		e++;
	unsigned known = LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG;
	unsigned a = lexicon_lookup((const char *)s + start, h - start, NULL);
	unsigned b = lexicon_lookup((const char *)s + h + 1, e - h - 1, NULL);
	if (!(a & known) || !(b & known))
		return 0;
	/*
	 * Two person names joined and followed by a capitalised word are one
	 * hyphenated given name before its surname ("Sui-Lee Wee", "Jean-Luc
	 * Picard"); a pair of people stands before a common word ("Trump-Putin
	 * meeting"). Places and bodies always pair ("Russia-Ukraine War").
	 */
	unsigned place_org = LEX_ANY_PLACE | LEX_ANY_ORG;
	if (!(a & place_org) && !(b & place_org) && e + 1 < len && s[e] == ' ' && is_upper_at(s, e + 1, len))
		return 0;
	return 1;
}

/* End of the word starting at i (which is a word byte). */
static size_t scan_word(const unsigned char *s, size_t i, size_t len, int *dotted)
{
	size_t start = i;
	*dotted = 0;
	for (;;) {
		while (i < len && is_word_at(s, i, len))
			i++;
		if (i >= len)
			break;
		/* inner apostrophe: I’ll, don't, O'Brien (but not the possessive ’s) */
		size_t al = s[i] == '\'' ? 1 : (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x99) ? 3 : 0;
		if (al && i + al < len && is_word_at(s, i + al, len)) {
			size_t j = i + al;
			int poss = (s[j] == 's' || s[j] == 'S') && (j + 1 >= len || !is_word_at(s, j + 1, len));
			if (poss)
				break;
			i = j;
			continue;
		}
		/* inner hyphen, unless it joins two names (Trump-Putin, Russia-Ukraine) */
		if (s[i] == '-' && i + 1 < len && is_word_at(s, i + 1, len)) {
			if (is_upper_at(s, start, len) && is_upper_at(s, i + 1, len) && i - start >= 3 &&
			    !is_prefix(text_of(s), start, i) && !memchr(s + start, '-', i - start) &&
			    pairs_names(s, start, i, len))
				break; /* but "Commander-in-Chief", "AFL-CIO", "Crouse-Mays" stay one word */
			i++;
			continue;
		}
		/* inner period: U.S., a.m., N.Y. (single letters between dots) */
		if (s[i] == '.' && i + 1 < len && is_word_at(s, i + 1, len) && (i - start == 1 || *dotted) &&
		    (i + 2 >= len || s[i + 2] == '.')) {
			*dotted = 1;
			i++;
			continue;
		}
		break;
	}
	if (*dotted && i < len && s[i] == '.')
		i++; /* the abbreviation's final period */
	return i;
}

int tokens_split(const char *text, size_t len, struct token_list *out)
{
	const unsigned char *s = (const unsigned char *)text;
	out->n = 0;
	int sentence_start = 1, space = 1;
	size_t i = 0;
	while (i < len) {
		size_t n;
		if (is_space_at(s, i, len, &n)) {
			i += n;
			space = 1;
			continue;
		}
		struct token t = {i, i + 1, TOK_PUNCT, 0, QM_NONE, 0};
		if (space)
			t.flags |= TOKF_SPACE_BEFORE;
		unsigned char kind, mark;
		char punct;
		size_t sl = special(s, i, len, &kind, &mark, &punct);
		size_t dl = doubled_mark(s, i, len, space);
		if (dl) {
			/* '' ’’ ``: a double quotation mark typed as two single ones */
			t.end = i + dl;
			t.kind = TOK_QUOTE;
			t.mark = s[i] == '`' ? QM_OPEN : QM_STRAIGHT;
			if (space)
				sentence_start = 1;
		} else if (is_word_at(s, i, len)) {
			int dotted;
			t.end = scan_word(s, i, len, &dotted);
			t.kind = TOK_WORD;
			if (is_upper_at(s, i, len))
				t.flags |= TOKF_CAP;
			int upper = 0, lower = 0;
			for (size_t k = i; k < t.end; k++) {
				upper += ascii_isupper(s[k]);
				lower += ascii_islower(s[k]);
			}
			if (upper >= 2 && !lower)
				t.flags |= TOKF_ALLCAPS;
			if (dotted) {
				t.flags |= TOKF_ABBREV;
			} else if (t.end < len && s[t.end] == '.' && is_abbreviation(text, i, t.end)) {
				t.end++;
				t.flags |= TOKF_ABBREV;
			}
			if (sentence_start)
				t.flags |= TOKF_SENT_START;
			sentence_start = 0;
		} else if (sl) {
			t.end = i + sl;
			t.kind = kind;
			t.mark = mark;
			t.punct = punct;
			if (kind == TOK_QUOTE && mark == QM_SINGLE_CLOSE && out->n &&
			    out->v[out->n - 1].kind == TOK_WORD && out->v[out->n - 1].end == i &&
			    s[i - 1] == 's') {
				t.kind = TOK_POSS; /* Ukrainians’ */
				t.mark = QM_NONE;
			}
			if (kind == TOK_QUOTE && (mark == QM_OPEN || mark == QM_LOW_OPEN))
				sentence_start = 1;
		} else if (s[i] == '"') {
			t.kind = TOK_QUOTE;
			t.mark = QM_STRAIGHT;
			if (space)
				sentence_start = 1;
		} else if (s[i] == '\'') {
			t.kind = TOK_QUOTE;
			t.mark = space ? QM_SINGLE_OPEN : QM_SINGLE_CLOSE;
			if (!space && out->n && out->v[out->n - 1].kind == TOK_WORD && s[i - 1] == 's' &&
			    (i + 1 >= len || !is_word_at(s, i + 1, len))) {
				t.kind = TOK_POSS;
				t.mark = QM_NONE;
			}
		} else {
			if (s[i] >= 0x80) { /* some other symbol: skip the whole character */
				size_t k = i + 1;
				while (k < len && (s[k] & 0xC0) == 0x80)
					k++;
				t.end = k;
			}
			t.punct = (char)s[i];
			if (s[i] == '.' || s[i] == '!' || s[i] == '?')
				sentence_start = 1;
			if (s[i] == ')' && out->n && out->v[out->n - 1].kind == TOK_PUNCT && out->v[out->n - 1].punct == '.')
				sentence_start = 0; /* "(D-Mo.) said" */
		}
		if (push(out, t))
			return -1;
		i = t.end;
		space = 0;
		/* split the possessive that scan_word left */
		if (t.kind == TOK_WORD && i < len) {
			size_t al = s[i] == '\'' ? 1 : (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x99) ? 3 : 0;
			if (al && i + al < len && (s[i + al] == 's' || s[i + al] == 'S') &&
			    (i + al + 1 >= len || !is_word_at(s, i + al + 1, len))) {
				struct token p = {i, i + al + 1, TOK_POSS, 0, QM_NONE, 0};
				if (push(out, p))
					return -1;
				i += al + 1;
			}
		}
	}
	/* an abbreviation's period also ends a sentence when a common word follows ("in the U.S. The ...") */
	for (size_t k = 0; k + 1 < out->n; k++) {
		struct token *a = &out->v[k], *b = &out->v[k + 1];
		if (!(a->flags & TOKF_ABBREV) || b->kind != TOK_WORD || !(b->flags & TOKF_CAP))
			continue;
		if (a->end - a->start <= 2)
			continue; /* an initial: "John F. Kennedy" */
		unsigned f = lexicon_lookup(text + b->start, b->end - b->start, NULL);
		if (a->end - a->start == 4 && text[a->start + 1] == '.' && ascii_isupper(text[a->start + 2]) &&
		    !(f & LEX_STOP) && !(lexicon_lookup(text + a->start, a->end - a->start, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG)))
			continue; /* two initials nobody's list knows: "Coach P.J. Fleck said" (but "in the U.S. The") */
		if ((f & LEX_STOP) || ((f & LEX_COMMON) && !(f & (LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG))))
			if (!(lexicon_lookup(text + a->start, a->end - a->start - 1, NULL) & (LEX_HONORIFIC | LEX_TITLE)))
				b->flags |= TOKF_SENT_START;
	}
	return 0;
}

void tokens_free(struct token_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int tokens_is_slow(const char *s, const struct token *t, const char *w)
{
	size_t n = t->end - t->start;
	return !strncasecmp(s + t->start, w, n) && !w[n];
}
