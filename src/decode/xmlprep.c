/* xmlprep.c: DOCTYPE removal and entity repair ahead of the XML parser. */
#include "decode.h"
#include "base.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlprep_tags.h"

#define MAX_DECLS 64        /* internal entities kept from a DOCTYPE */
#define MAX_DECL_VALUE 1024 /* longest entity value substituted */

struct decl {
	const char *name, *value; /* point into the input */
	size_t nlen, vlen;
};

struct prep {
	struct decl decls[MAX_DECLS];
	int ndecls;
	struct tag_stack tags; /* elements open at the scan's position */
};

static int is_name_start(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ':';
}
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Finds needle in s[i..len); returns the index just past it, or len. */
static size_t skip_past(const char *s, size_t i, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	while (i + n <= len) {
		const char *p = memchr(s + i, needle[0], len - i - n + 1);
		if (!p)
			break;
		if (!memcmp(p, needle, n))
			return (size_t)(p - s) + n;
		i = (size_t)(p - s) + 1;
	}
	return len;
}

/* A value is safe to substitute when it can neither recurse nor carry markup. */
static int value_is_plain(const char *v, size_t n)
{
	if (n > MAX_DECL_VALUE)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (v[i] == '<' || v[i] == '%' || (v[i] == '&' && (i + 1 >= n || v[i + 1] != '#')))
			return 0;
	return 1;
}

/* Reads one <!ENTITY ...> starting at s[i] (just past "<!ENTITY"); returns the index past it. */
static size_t read_entity_decl(struct prep *p, const char *s, size_t i, size_t len)
{
	while (i < len && is_space((unsigned char)s[i]))
		i++;
	int param = i < len && s[i] == '%';
	if (param)
		i++;
	while (i < len && is_space((unsigned char)s[i]))
		i++;
	size_t ns = i;
	while (i < len && is_name_char((unsigned char)s[i]))
		i++;
	size_t ne = i;
	while (i < len && is_space((unsigned char)s[i]))
		i++;
	if (i < len && (s[i] == '"' || s[i] == '\'')) {
		char q = s[i++];
		size_t vs = i;
		const char *e = memchr(s + i, q, len - i);
		if (!e)
			return len;
		i = (size_t)(e - s) + 1;
		if (!param && ne > ns && p->ndecls < MAX_DECLS && value_is_plain(s + vs, (size_t)(e - s) - vs))
			p->decls[p->ndecls++] = (struct decl){s + ns, s + vs, ne - ns, (size_t)(e - s) - vs};
	}
	/* SYSTEM / PUBLIC identifiers and anything else are skipped with the declaration */
	while (i < len && s[i] != '>') {
		if (s[i] == '"' || s[i] == '\'') {
			const char *e = memchr(s + i + 1, s[i], len - i - 1);
			i = e ? (size_t)(e - s) : len;
		}
		if (i < len)
			i++;
	}
	return i < len ? i + 1 : len;
}

/* Skips a DOCTYPE starting at s[i] ("<!DOCTYPE"), recording plain internal entities. */
static size_t skip_doctype(struct prep *p, const char *s, size_t i, size_t len)
{
	i += 9;
	while (i < len && s[i] != '>' && s[i] != '[') {
		if (s[i] == '"' || s[i] == '\'') {
			const char *e = memchr(s + i + 1, s[i], len - i - 1);
			i = e ? (size_t)(e - s) : len;
		}
		if (i < len)
			i++;
	}
	if (i < len && s[i] == '[') {
		i++;
		while (i < len && s[i] != ']') {
			if (i + 8 <= len && !memcmp(s + i, "<!ENTITY", 8))
				i = read_entity_decl(p, s, i + 8, len);
			else if (i + 4 <= len && !memcmp(s + i, "<!--", 4))
				i = skip_past(s, i + 4, len, "-->");
			else if (s[i] == '"' || s[i] == '\'') {
				const char *e = memchr(s + i + 1, s[i], len - i - 1);
				i = e ? (size_t)(e - s) + 1 : len;
			} else
				i++;
		}
		const char *e = i < len ? memchr(s + i, '>', len - i) : NULL;
		return e ? (size_t)(e - s) + 1 : len;
	}
	return i < len ? i + 1 : len;
}

static const struct decl *find_decl(const struct prep *p, const char *name, size_t n)
{
	for (int k = 0; k < p->ndecls; k++)
		if (p->decls[k].nlen == n && !memcmp(p->decls[k].name, name, n))
			return &p->decls[k];
	return NULL;
}

/*
 * Handles the '&' at s[i]: returns the index after the reference and, when it
 * must change, appends the replacement to b and sets *changed.
 */
static size_t rewrite_ref(const struct prep *p, struct buf *b, const char *s, size_t i, size_t len, int *changed)
{
	size_t j = i + 1;
	*changed = 1;
	if (j < len && s[j] == '#') {
		unsigned long cp;
		size_t n = entity_number(s + i, len - i, &cp);
		if (!n) {
			buf_puts(b, "&amp;");
			return i + 1;
		}
		if ((cp < 0x20 && cp != 9 && cp != 10 && cp != 13) || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) {
			/* a character XML forbids (&#27; is ESC): libxml2 would stop being well-formed
			 * there and, recovering, lose every &lt; and &amp; after it; drop it */
		} else if (cp >= 0x80 && cp < 0xA0) { /* &#146; means windows-1252's quote, as in HTML */
			buf_printf(b, "&#%u;", charset_cp1252_c1((unsigned)cp));
		} else if (s[j + 1] == 'X') { /* XML wants a lower-case x; feeds write &#X41; too */
			buf_puts(b, "&#x");
			buf_append(b, s + i + 3, n - 3);
		} else {
			*changed = 0;
		}
		return i + n;
	}
	size_t ns = j;
	if (j < len && is_name_start((unsigned char)s[j]))
		while (j < len && is_name_char((unsigned char)s[j]) && j - ns < 64)
			j++;
	if (j == ns || j >= len || s[j] != ';') { /* a bare '&' */
		buf_puts(b, "&amp;");
		return i + 1;
	}
	size_t n = j - ns;
	const char *name = s + ns;
	if ((n == 3 && (!memcmp(name, "amp", 3))) || (n == 2 && (!memcmp(name, "lt", 2) || !memcmp(name, "gt", 2))) ||
	    (n == 4 && (!memcmp(name, "quot", 4) || !memcmp(name, "apos", 4)))) {
		*changed = 0;
		return j + 1;
	}
	const struct decl *d = find_decl(p, name, n);
	unsigned cp;
	if (d)
		buf_append(b, d->value, d->vlen);
	else if ((cp = html_entity_lookup(name, n)))
		buf_printf(b, "&#%u;", cp);
	else /* unknown: keep it visible as text rather than lose it */
		buf_printf(b, "&amp;%.*s;", (int)n, name);
	return j + 1;
}

/*
 * The number of attributes of the start tag at s[i] ('<' and a letter),
 * counting '=' outside quoted values up to the closing '>'. Stops counting
 * past limit.
 */
static size_t count_attrs(const char *s, size_t i, size_t len, size_t limit)
{
	size_t n = 0;
	char q = 0;
	for (i++; i < len && n <= limit; i++) {
		char c = s[i];
		if (q) {
			if (c == q)
				q = 0;
		} else if (c == '"' || c == '\'') {
			q = c;
		} else if (c == '=') {
			n++;
		} else if (c == '>' || c == '<') {
			break;
		}
	}
	return n;
}

/* Bytes that may start something to rewrite or skip: '&', '<', 0xC2 (C1 controls) and NUL. */
static const unsigned char special[256] = {['&'] = 1, ['<'] = 1, [0xC2] = 1, [0] = 1};

/* Nonzero when one of the eight bytes in w equals c (the classic zero-byte test). */
static uint64_t has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (0x0101010101010101ull * c);
	return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}

/* The index of the next special byte at or after i, or len: eight bytes at a time. */
static size_t next_special(const char *s, size_t i, size_t len)
{
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (has_byte(w, '&') | has_byte(w, '<') | has_byte(w, 0xC2) | has_byte(w, 0))
			break;
		i += 8;
	}
	while (i < len && !special[(unsigned char)s[i]])
		i++;
	return i;
}

void xmlprep_free(struct xmlprep *p)
{
	free(p->owned);
	free(p->cdata);
	memset(p, 0, sizeof *p);
}

static int add_cdata(struct xmlprep *p, const char *text, size_t len)
{
	if (array_grow((void **)&p->cdata, &p->cap_cdata, p->n_cdata + 1, sizeof *p->cdata))
		return -1;
	p->cdata[p->n_cdata++] = (struct xmlprep_span){text, len};
	return 0;
}

int xmlprep_rewrite(const char *s, size_t len, size_t maxlen, int lift_cdata, struct xmlprep *out)
{
	struct prep p;
	p.ndecls = 0;
	p.tags.n = 0;
	p.tags.off = 0;
	struct buf b = BUF_INIT;
	b.limit = maxlen;
	memset(out, 0, sizeof *out);
	size_t i = 0, run = 0; /* s[run..i) is not yet copied to b */
	int copying = 0, failed = 0;
	const size_t pil = strlen(XMLPREP_CDATA_PI);
	while ((i = next_special(s, i, len)) < len) {
		unsigned char c = (unsigned char)s[i];
		/* escaped HTML is full of &lt; &gt; &amp;: pass them by without the general path */
		if (c == '&' && i + 5 <= len) {
			if ((s[i + 1] == 'l' || s[i + 1] == 'g') && s[i + 2] == 't' && s[i + 3] == ';') {
				i += 4;
				continue;
			}
			if (!memcmp(s + i + 1, "amp;", 4)) {
				i += 5;
				continue;
			}
		}
		size_t at = i, next;
		int changed = 0;
		struct buf rep = BUF_INIT;
		if (c == 0) {
			next = i + 1;
			changed = 1; /* XML has no NUL; libxml2 would end the text at it ("(untitled)") */
		} else if (c == 0xC2) {
			if (!(i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xA0)) {
				i++;
				continue;
			}
			char u[4]; /* a C1 control is text mis-decoded from windows-1252 */
			buf_append(&rep, u, utf8_encode(charset_cp1252_c1((unsigned char)s[i + 1]), u));
			next = i + 2;
			changed = 1;
		} else if (c == '&') {
			next = rewrite_ref(&p, &rep, s, i, len, &changed);
		} else if (i + 1 < len && s[i + 1] == '/') {
			next = tags_end(&p.tags, s, i, len, &rep, &changed);
		} else if (i + 1 >= len || (s[i + 1] != '!' && s[i + 1] != '?')) {
			/* a long start tag may hide thousands of attributes: count them */
			if (i + 1 < len && (s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z') {
				const char *gt = memchr(s + i, '>', len - i < 4096 ? len - i : 4096);
				if ((!gt || memchr(s + i + 1, '"', (size_t)(gt - s) - i) || memchr(s + i + 1, '\'', (size_t)(gt - s) - i)) &&
				    count_attrs(s, i, len, XMLPREP_MAX_ATTRS) > XMLPREP_MAX_ATTRS) {
					failed = 1;
					out->error = "an element has more than 1024 attributes";
					break;
				}
				tags_start(&p.tags, s, i, len);
			}
			i++;
			continue;
		} else if (i + 4 <= len && !memcmp(s + i, "<!--", 4)) {
			next = skip_past(s, i + 4, len, "-->");
		} else if (i + 9 <= len && !memcmp(s + i, "<![CDATA[", 9)) {
			next = skip_past(s, i + 9, len, "]]>");
			if (lift_cdata) {
				size_t body = next - (i + 9) - (next >= i + 12 && !memcmp(s + next - 3, "]]>", 3) ? 3 : 0);
				failed |= add_cdata(out, s + i + 9, body);
				buf_printf(&rep, "<?" XMLPREP_CDATA_PI " %zu?>", out->n_cdata - 1);
				changed = 1;
			}
		} else if (s[i + 1] == '?') {
			next = skip_past(s, i + 2, len, "?>");
			changed = i + 2 + pil <= len && !memcmp(s + i + 2, XMLPREP_CDATA_PI, pil); /* not ours: dropped */
		} else if (i + 9 <= len && !memcmp(s + i, "<!DOCTYPE", 9)) {
			next = skip_doctype(&p, s, i, len);
			changed = 1;
		} else {
			next = i + 1;
		}
		if (changed) {
			buf_append(&b, s + run, at - run);
			buf_append(&b, rep.data ? rep.data : "", rep.len);
			run = next;
			copying = 1;
		}
		failed |= rep.failed;
		buf_free(&rep);
		i = next;
	}
	if (out->error) {
		const char *why = out->error;
		buf_free(&b);
		xmlprep_free(out);
		out->error = why;
		return -1;
	}
	if (p.tags.n && !p.tags.off) { /* cut short: the open elements are closed, as feedparser ends them */
		buf_append(&b, s + run, len - run);
		tags_close_all(&p.tags, &b);
		run = len;
		copying = 1;
	}
	if (!copying) { /* nothing to change: the document is used as it is */ {
		out->doc = s;
		out->len = len;
	}
		return 0;
	}
	buf_append(&b, s + run, len - run);
	if (b.failed || failed) {
		int too_large = b.limit && b.len + 65536 >= b.limit; /* else an allocation failed */
		buf_free(&b);
		xmlprep_free(out);
		out->error = too_large ? "the document grows too large when repaired" : "out of memory";
		return -1;
	}
	out->len = b.len;
	out->doc = out->owned = buf_detach(&b);
	return 0;
}
