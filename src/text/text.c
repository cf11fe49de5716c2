/*
 * text.c: plain-text article reader.
 *
 * The text is first made clean UTF-8 with one LF per line break and no
 * control characters; then it is cut into blocks (blank-line separated) or
 * lines (one paragraph a line), and each becomes a headline, a heading or a
 * paragraph.
 */
#include "text.h"
#include "model.h"
#include "decode.h"
#include "base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADING_MAX_BYTES 100
#define HEADING_MAX_WORDS 12
#define HEADLINE_MAX_BYTES 250


/* Small words that stay lower case in a Title Case heading. */
static const char *const minor_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
	"on", "or", "over", "the", "to", "up", "with", "vs", "via", "amid", "after", "is", NULL,
};

static int is_minor(const char *w, size_t n)
{
	for (const char *const *m = minor_words; *m; m++)
		if (strlen(*m) == n && !memcmp(*m, w, n))
			return 1;
	return 0;
}

/* Last code point of s[0..len) (s is valid UTF-8), 0 when empty. */
static uint32_t last_cp(const char *s, size_t len)
{
	if (!len)
		return 0;
	size_t i = len - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	uint32_t cp = 0;
	return utf8_decode(s + i, len - i, &cp) ? cp : 0;
}

int text_is_heading(const char *line, size_t len)
{
	if (!len || len > HEADING_MAX_BYTES)
		return 0;
	uint32_t end = last_cp(line, len);
	if (strchr(".!?,;:\"'", (int)(end < 0x80 ? end : 1)) && end < 0x80)
		return 0;
	if (end == 0x201D || end == 0x2019 || end == 0x2026 || end == 0xBB)
		return 0;
	unsigned char c0 = (unsigned char)line[0];
	if (!ascii_isupper(c0) && !ascii_isdigit(c0) && c0 < 0x80)
		return 0;
	size_t words = 0, major = 0, capital = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && ascii_isblank(line[i]))
			i++;
		size_t b = i;
		while (i < len && !ascii_isblank(line[i]))
			i++;
		if (i == b)
			break;
		words++;
		if (is_minor(line + b, i - b))
			continue;
		major++;
		unsigned char c = (unsigned char)line[b];
		if (ascii_isupper(c) || ascii_isdigit(c) || c >= 0x80)
			capital++;
	}
	if (!words || words > HEADING_MAX_WORDS)
		return 0;
	/* Title Case, or a short sentence-case label ("What happens next") */
	return capital * 10 >= major * 6 || words <= 5;
}

/*
 * Clean UTF-8 with LF line ends and no other controls, in *out (malloc'd).
 * Tabs become spaces. Returns 0 or -1 with err set.
 */
static int normalise(const char *text, size_t len, char **out, size_t *outlen, char *err, size_t errlen)
{
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	size_t probe = len < 8192 ? len : 8192, nul = 0, ctl = 0;
	for (size_t i = 0; i < probe; i++) {
		unsigned char c = (unsigned char)text[i];
		nul += c == 0;
		ctl += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
	}
	if (nul || ctl * 10 > probe) {
		snprintf(err, errlen, "binary data, not a text article");
		return -1;
	}
	char *u;
	size_t ulen;
	if (utf8_valid(text, len)) {
		u = malloc(len + 1);
		if (u) {
			memcpy(u, text, len);
			u[len] = '\0';
			ulen = len;
		}
	} else {
		/* some valid multi-byte sequences: UTF-8 with damage; none: a legacy 8-bit text */
		int multibyte = 0;
		uint32_t cp;
		for (size_t i = 0; i < len && !multibyte;) {
			size_t n = utf8_decode(text + i, len - i, &cp);
			multibyte = n > 1;
			i += n ? n : 1;
		}
		if (multibyte)
			u = utf8_repair(text, len, &ulen);
		else if (charset_decode("windows-1252", text, len, &u, &ulen, NULL))
			u = NULL;
	}
	if (!u) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* line ends first (CR LF and CR become LF), form feeds and vertical tabs become spaces ... */
	size_t o = 0;
	for (size_t i = 0; i < ulen; i++) {
		unsigned char c = (unsigned char)u[i];
		if (c == '\r') {
			u[o++] = '\n';
			if (i + 1 < ulen && u[i + 1] == '\n')
				i++;
		} else {
			u[o++] = (c == '\f' || c == '\v') ? ' ' : (char)c;
		}
	}
	/* ... then the sanitiser: escape sequences go whole ("ESC[31m" leaves no "[31m"),
	 * other controls and bidi overrides are dropped, so the model holds clean text */
	char *clean = sanitize_text(u, o, SANITIZE_KEEP_NEWLINES);
	free(u);
	if (!clean) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*out = clean;
	*outlen = strlen(clean);
	return 0;
}

struct line {
	const char *p;
	size_t n;
};

static struct line trim(const char *p, size_t n)
{
	while (n && (*p == ' ')) {
		p++;
		n--;
	}
	while (n && p[n - 1] == ' ')
		n--;
	return (struct line){p, n};
}

/* Adds a paragraph or heading to the article, opening sections as needed. */
struct builder {
	struct article *a;
	struct section *cur;
};

static int add_paragraph(struct builder *b, const char *p, size_t n)
{
	if (!b->cur && !(b->cur = article_add_section(b->a, NULL)))
		return -1;
	return section_add_paragraph(b->cur, p, n);
}

static int add_heading(struct builder *b, const char *p, size_t n)
{
	char *h = malloc(n + 1);
	if (!h)
		return -1;
	memcpy(h, p, n);
	h[n] = '\0';
	b->cur = article_add_section(b->a, h);
	free(h);
	return b->cur ? 0 : -1;
}

/* Bytes of the dash at p[0..n) followed by a space (- -- en em), else 0. */
static size_t spaced_dash(const char *p, size_t n)
{
	size_t d = 0;
	if (n && p[0] == '-')
		d = n > 1 && p[1] == '-' ? 2 : 1;
	else if (n >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	         ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94))
		d = 3;
	return d && d < n && p[d] == ' ' ? d : 0;
}

/*
 * A sentence that opens with a dateline ("KUWAIT CITY, July 24: A driver
 * ...", "WASHINGTON (AP) — The ...", "Doha: A charity ...") is the story's
 * first paragraph, not its headline: up to four words in capitals before a
 * comma, colon, bracket or dash, or capitalised words before a colon and a
 * sentence after it that is no title ("Politifact: Trump Is Right." is a
 * headline). The analysis stage reads the dateline itself.
 */
static int opens_with_dateline(struct line l)
{
	uint32_t end = last_cp(l.p, l.n);
	if (l.n < 40 || !(end == '.' || end == '!' || end == '?' || end == '"' || end == 0x201D))
		return 0;
	int caps = 1;
	for (size_t i = 0, words = 0; i < l.n && words < 4;) {
		size_t b = i;
		while (i < l.n && !ascii_isblank(l.p[i]) && l.p[i] != ',' && l.p[i] != ':')
			i++;
		if (i == b || (!ascii_isupper(l.p[b]) && (unsigned char)l.p[b] < 0x80))
			return 0;
		words++;
		for (size_t k = b; k < i; k++)
			caps &= !ascii_islower(l.p[k]);
		if (i < l.n && (l.p[i] == ',' || l.p[i] == ':'))
			return i + 3 <= l.n && l.p[i + 1] == ' ' &&
			       (caps || (l.p[i] == ':' && !text_is_heading(l.p + i + 2, l.n - i - 3)));
		while (i < l.n && ascii_isblank(l.p[i]))
			i++;
		if (i < l.n && (l.p[i] == '(' || spaced_dash(l.p + i, l.n - i)))
			return caps;
	}
	return 0;
}

/* A single line that reads as a headline: one sentence at most, not too long, no dateline. */
static int is_headline(struct line l)
{
	if (!l.n || l.n > HEADLINE_MAX_BYTES || opens_with_dateline(l))
		return 0;
	for (size_t i = 2; i + 2 < l.n; i++)
		if ((l.p[i] == '.' || l.p[i] == '?' || l.p[i] == '!') && l.p[i + 1] == ' ' &&
		    ascii_isupper(l.p[i + 2]) && ascii_islower(l.p[i - 1]) && ascii_islower(l.p[i - 2]))
			return 0;
	return 1;
}

/* Next line of u[*pos..len), trimmed; *pos moves past it. */
static struct line next_line(const char *u, size_t len, size_t *pos)
{
	size_t b = *pos, e = b;
	while (e < len && u[e] != '\n')
		e++;
	*pos = e + 1;
	return trim(u + b, e - b);
}

/* 1 when a blank line separates two lines of text. */
static int has_blank_separators(const char *u, size_t len)
{
	int seen_text = 0, blank = 0;
	for (size_t pos = 0; pos < len;) {
		struct line l = next_line(u, len, &pos);
		if (!l.n)
			blank = seen_text;
		else if (blank)
			return 1;
		else
			seen_text = 1;
	}
	return 0;
}

/*
 * A line too long to be hard-wrapped that ends a sentence is a paragraph of
 * its own, even without a blank line after it (the headline-then-one-
 * paragraph-a-line shape of many news exports).
 */
static int is_whole_paragraph(struct line l)
{
	if (l.n < 100)
		return 0;
	const unsigned char *e = (const unsigned char *)l.p + l.n;
	if (strchr(".!?:\"')", e[-1]))
		return 1;
	return l.n >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && (e[-1] == 0x9D || e[-1] == 0x99); /* ” ’ */
}

/*
 * Each unit is a paragraph candidate: a line, or in blank-line mode a block
 * of lines joined by spaces. The first unit may be the headline; a later
 * single-line unit shaped like a heading opens a section, unless it is last.
 */
static int parse_units(const char *u, size_t len, struct article *a)
{
	int blocks = has_blank_separators(u, len), first = 1, rc = 0;
	struct builder b = {a, NULL};
	struct buf unit = BUF_INIT;
	size_t pos = 0;
	while (pos < len && !rc) {
		int lines = 0;
		struct line prev = {NULL, 0};
		buf_reset(&unit);
		while (pos < len) {
			size_t save = pos;
			struct line l = next_line(u, len, &pos);
			if (!l.n) {
				if (lines)
					break;
				continue;
			}
			if (lines && (!blocks || is_whole_paragraph(prev))) {
				pos = save;
				break;
			}
			prev = l;
			if (lines++)
				buf_putc(&unit, ' ');
			buf_append(&unit, l.p, l.n);
			if (!blocks)
				break;
		}
		if (unit.failed)
			rc = -1;
		if (!lines || rc)
			break;
		struct line p = {unit.data, unit.len};
		size_t rest = pos;
		while (rest < len && (u[rest] == '\n' || u[rest] == ' '))
			rest++;
		int more = rest < len;
		if (first && more && lines == 1 && (blocks ? is_headline(p) : text_is_heading(p.p, p.n)))
			rc = article_set(&a->headline, p.p, p.n);
		else if (!first && more && lines == 1 && text_is_heading(p.p, p.n))
			rc = add_heading(&b, p.p, p.n);
		else
			rc = add_paragraph(&b, p.p, p.n);
		first = 0;
	}
	buf_free(&unit);
	return rc;
}

int text_parse(const char *text, size_t len, struct article *a, char *err, size_t errlen)
{
	char *u;
	size_t ulen;
	if (normalise(text, len, &u, &ulen, err, errlen))
		return -1;
	int rc = parse_units(u, ulen, a);
	free(u);
	if (rc) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (!article_paragraph_count(a)) {
		snprintf(err, errlen, a->headline ? "no article text after the headline" : "empty article: no text found");
		return -1;
	}
	return 0;
}
