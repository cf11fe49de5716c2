/*
 * charset_decode.c: the one conversion of bytes to UTF-8 that feeds, pages
 * and plain text share. Its policy for bytes a charset cannot read: each
 * becomes U+FFFD and the rest of the document is kept. A label is only
 * overruled when it reads nothing beyond ASCII correctly (charset_decode_best).
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "charset_sbcs.h"

#define FFFD "\xEF\xBF\xBD"

/* The growing output: every step leaves room for one more character. */
struct out {
	char *s;
	size_t len, cap;
};

static int out_room(struct out *o, size_t need)
{
	if (o->cap - o->len > need)
		return 0;
	size_t ncap = o->cap ? o->cap : 64;
	while (ncap - o->len <= need) {
		if (ncap > ((size_t)-1) / 2)
			return -1;
		ncap *= 2;
	}
	char *p = realloc(o->s, ncap);
	if (!p)
		return -1;
	o->s = p;
	o->cap = ncap;
	return 0;
}

/* Appends code point cp; NUL is dropped (libxml2 and the terminal must never see it). */
static int out_cp(struct out *o, uint32_t cp)
{
	if (!cp)
		return 0;
	if (out_room(o, 4))
		return -1;
	o->len += utf8_encode(cp, o->s + o->len);
	return 0;
}

/*
 * windows-1252, as browsers read it for the "iso-8859-1" and "us-ascii"
 * labels too: the five bytes it leaves undefined pass through as C1 code
 * points, so it never fails.
 */
static const unsigned short cp1252_80[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

unsigned charset_cp1252_c1(unsigned cp) { return cp >= 0x80 && cp < 0xA0 ? cp1252_80[cp - 0x80] : cp; }

/* A single-byte charset by its upper half (high == NULL: US-ASCII); 0 in high[] is undefined. */
static int decode_sbcs(const unsigned short *high, int cp1252, const char *data, size_t len, struct out *o,
                       size_t *bad)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		uint32_t cp = c < 0x80 ? c : cp1252 ? charset_cp1252_c1(c) : high ? high[c - 0x80] : 0;
		if (!cp && c) {
			cp = 0xFFFD;
			++*bad;
		}
		if (out_cp(o, cp))
			return -1;
	}
	return 0;
}

static int decode_utf8(const char *data, size_t len, struct out *o, size_t *bad)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(data + i, len - i, &cp);
		if (!n) {
			cp = 0xFFFD;
			++*bad;
			n = 1;
		}
		if (out_cp(o, cp))
			return -1;
		i += n;
	}
	return 0;
}

/* -1 out of memory, 1 charset unknown to iconv. */
static int decode_iconv(const char *from, const char *data, size_t len, struct out *o, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return 1;
	char *in = (char *)data;
	size_t left = len;
	int rc = 0;
	while (left && !rc) {
		if (out_room(o, left + 16)) {
			rc = -1;
			break;
		}
		char *w = o->s + o->len;
		size_t room = o->cap - o->len - 1;
		size_t r = iconv(cd, &in, &left, &w, &room);
		o->len = (size_t)(w - o->s);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (out_room(o, 3)) {
			rc = -1;
			break;
		}
		memcpy(o->s + o->len, FFFD, 3);
		o->len += 3;
		if (errno == EINVAL) /* a sequence cut short at the very end: not counted as a wrong charset */
			break;
		++*bad; /* EILSEQ: this one byte is unreadable; carry on after it */
		in++;
		left--;
	}
	iconv_close(cd);
	if (rc)
		return rc;
	/* iconv passes NUL through, and UTF-16 documents carry them */
	size_t k = 0;
	for (size_t i = 0; i < o->len; i++)
		if (o->s[i])
			o->s[k++] = o->s[i];
	o->len = k;
	return 0;
}

int charset_decode(const char *label, const char *data, size_t len, char **text, size_t *textlen, size_t *bad)
{
	char name[64];
	size_t nbad = 0;
	struct out o = {0};
	charset_canonical(label, name, sizeof name);
	if (!strcmp(name, "utf-16") || !strcmp(name, "utf-32")) {
		/* iconv's plain form wants a BOM; without one the XML and HTML rules say big-endian */
		const unsigned char *u = (const unsigned char *)data;
		int le = len >= 2 && u[0] == 0xFF && u[1] == 0xFE;
		int be = len >= 2 && u[0] == 0xFE && u[1] == 0xFF;
		if (!le && !be)
			strcat(name, "be");
	}
	const unsigned short *high = charset_sbcs_table(name);
	int rc;
	if (out_room(&o, len + 1))
		rc = -1;
	else if (!strcmp(name, "utf-8"))
		rc = decode_utf8(data, len, &o, &nbad);
	else if (!strcmp(name, "windows-1252") || !strcmp(name, "iso-8859-1"))
		rc = decode_sbcs(NULL, 1, data, len, &o, &nbad);
	else if (!strcmp(name, "us-ascii") || high)
		rc = decode_sbcs(high, 0, data, len, &o, &nbad);
	else
		rc = decode_iconv(name, data, len, &o, &nbad);
	if (rc) {
		free(o.s);
		return rc > 0 ? -1 : -2;
	}
	size_t skip = o.len >= 3 && !memcmp(o.s, "\xEF\xBB\xBF", 3) ? 3 : 0;
	memmove(o.s, o.s + skip, o.len - skip);
	o.len -= skip;
	o.s[o.len] = '\0';
	*text = o.s;
	*textlen = o.len;
	if (bad)
		*bad = nbad;
	return 0;
}

int charset_convert(const char *from, const char *data, size_t len, char **out, size_t *outlen)
{
	size_t bad;
	if (charset_decode(from, data, len, out, outlen, &bad))
		return -1;
	if (bad) {
		free(*out);
		return -1;
	}
	return 0;
}

int charset_reading_holds(const char *u, size_t ulen, size_t nbad)
{
	if (!nbad)
		return 1;
	for (size_t i = 0; i < ulen; i++)
		if ((unsigned char)u[i] >= 0xC0 && !(i + 2 < ulen && !memcmp(u + i, FFFD, 3)))
			return 1;
	return 0;
}

int charset_decode_best(const char *const *cands, const char *data, size_t len, char **text, size_t *textlen,
                        char *used, size_t usedlen)
{
	char *first = NULL;
	size_t firstlen = 0;
	const char *firstname = NULL;
	for (size_t i = 0; cands[i]; i++) {
		char *u;
		size_t ul, nbad;
		if (!cands[i][0])
			continue;
		int rc = charset_decode(cands[i], data, len, &u, &ul, &nbad);
		if (rc == -2) {
			free(first);
			return -1;
		}
		if (rc)
			continue;
		if (charset_reading_holds(u, ul, nbad)) {
			free(first);
			*text = u, *textlen = ul;
			snprintf(used, usedlen, "%s", cands[i]);
			return 0;
		}
		if (first)
			free(u);
		else {
			first = u;
			firstlen = ul;
			firstname = cands[i];
		}
	}
	if (!first)
		return 1;
	*text = first, *textlen = firstlen;
	snprintf(used, usedlen, "%s", firstname);
	return 0;
}

const char *charset_undeclared(const char *s, size_t len)
{
	size_t multi = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n)
			bad++;
		else if (n > 1)
			multi++;
		i += n ? n : 1;
	}
	return !bad || multi > bad ? "utf-8" : charset_guess(s, len);
}
