/* sanitize.c: strip everything a terminal would act on from untrusted text. */
#include "base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Invisible characters that change how the text around them reads or lays
 * out: bidi embeddings, overrides, isolates and marks (LRM, RLM, ALM), the
 * tag characters (they hide text inside other text) and the interlinear
 * annotation controls.
 */
static int is_invisible_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
	       c == 0x061C || (c >= 0xE0000 && c <= 0xE007F) || (c >= 0xFFF9 && c <= 0xFFFB);
}

/*
 * Returns the length of the escape sequence starting at s[i] (ESC or an
 * 8-bit C1 introducer already decoded as cp, n bytes), so the whole sequence
 * goes, not only its first byte: "ESC[31m" must not leave "[31m" behind.
 */
static size_t escape_len(const char *s, size_t len, size_t i, uint32_t cp, size_t n)
{
	size_t j = i + n;
	int kind = 0; /* 'C' CSI, 'S' string (OSC/DCS/APC/PM/SOS) */
	if (cp == 0x1B) {
		if (j >= len)
			return n;
		unsigned char c = (unsigned char)s[j];
		if (c == '[')
			kind = 'C';
		else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X')
			kind = 'S';
		else
			return (c >= 0x20 && c < 0x7F) ? n + 1 : n;
		j++;
	} else if (cp == 0x9B) {
		kind = 'C';
	} else if (cp == 0x9D || cp == 0x90 || cp == 0x9F || cp == 0x9E || cp == 0x98) {
		kind = 'S';
	} else {
		return n;
	}
	if (kind == 'C') {
		/* parameters and intermediates, then one final byte 0x40-0x7E */
		while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] <= 0x3F)
			j++;
		if (j < len && (unsigned char)s[j] >= 0x40 && (unsigned char)s[j] <= 0x7E)
			j++;
		return j - i;
	}
	/* a string ends at BEL, ST (ESC \) or 8-bit ST; an unterminated one runs to the line end */
	while (j < len) {
		unsigned char c = (unsigned char)s[j];
		if (c == 0x07)
			return j + 1 - i;
		if (c == 0x1B && j + 1 < len && s[j + 1] == '\\')
			return j + 2 - i;
		if (c == 0xC2 && j + 1 < len && (unsigned char)s[j + 1] == 0x9C)
			return j + 2 - i;
		if (c == '\n')
			return j - i;
		j++;
	}
	return j - i;
}

char *sanitize_text(const char *s, size_t len, int flags)
{
	if (len > ((size_t)-1 - 1) / 3)
		return NULL;
	char *out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!n) {
			o += utf8_encode(0xFFFD, out + o);
			i++;
			continue;
		}
		if (cp == 0x1B || (cp >= 0x80 && cp <= 0x9F)) {
			i += escape_len(s, len, i, cp, n);
			continue;
		}
		if (cp == '\n' || cp == 0x2028 || cp == 0x2029) { /* line and paragraph separators end lines too */
			out[o++] = (flags & SANITIZE_KEEP_NEWLINES) ? '\n' : ' ';
		} else if (cp == '\t') {
			out[o++] = ' ';
		} else if (cp < 0x20 || cp == 0x7F || is_invisible_control(cp)) {
			/* dropped: CR, BS, BEL and the rest would move the cursor or worse */
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

char *sanitize_str(const char *s, int flags)
{
	return sanitize_text(s ? s : "", s ? strlen(s) : 0, flags);
}

int sanitize_is_clean(const char *s, size_t len, int flags)
{
	char *t = sanitize_text(s, len, flags);
	int same = t && strlen(t) == len && !memcmp(t, s, len);
	free(t);
	return same;
}

/* Code point of the 2- or 3-byte UTF-8 sequence at s that JSON output must escape, or 0. */
static unsigned json_unsafe(const unsigned char *s)
{
	if (s[0] == 0x7F)
		return 0x7F;
	if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
		return s[1];
	if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0xAA && s[2] <= 0xAE) || s[2] == 0xA8 || s[2] == 0xA9))
		return 0x2000u + (s[2] & 0x3Fu);
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x8E || s[2] == 0x8F))
		return 0x2000u + (s[2] & 0x3Fu);
	if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9)
		return 0x2040u + (s[2] & 0x3Fu);
	if (s[0] == 0xD8 && s[1] == 0x9C)
		return 0x061C;
	if (s[0] == 0xEF && s[1] == 0xBF && s[2] >= 0xB9 && s[2] <= 0xBB)
		return 0xFFC0u + (s[2] & 0x3Fu);
	return 0;
}

char *sanitize_json(const char *json)
{
	size_t n = strlen(json), extra = 0;
	const unsigned char *u = (const unsigned char *)json;
	/* each escape is six bytes for one to three: count first, allocate once */
	for (size_t i = 0; i < n; i++)
		if (json_unsafe(u + i))
			extra += 6;
	char *out = malloc(n + extra + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		unsigned cp = json_unsafe(u + i);
		if (!cp) {
			*o++ = json[i++];
			continue;
		}
		static const char hex[] = "0123456789abcdef";
		*o++ = '\\';
		*o++ = 'u';
		for (int sh = 12; sh >= 0; sh -= 4)
			*o++ = hex[(cp >> sh) & 0xF];
		i += cp == 0x7F ? 1 : cp < 0x800 ? 2 : 3;
	}
	*o = '\0';
	return out;
}
