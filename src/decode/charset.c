/* charset.c: RFC 3023 charset precedence and iconv conversion to UTF-8. */
#include "decode.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdint.h>

#include "base.h"

/*
 * The one alias table: labels feeds write (IANA, WHATWG Encoding Standard,
 * Python codec spellings) for the decoder iconv or charset_sbcs.c knows; the
 * right-hand name is used and reported. Labels are compared lower case with
 * '_' read as '-' ("windows_1251", "ebcdic_cp_us"); a label not here goes to
 * iconv as it is, which knows most IANA names itself.
 */
static const struct {
	const char *label, *name;
} aliases[] = {
	{"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
	{"gb2312", "gb18030"}, {"gbk", "gb18030"}, {"x-gbk", "gb18030"}, {"gb-2312-80", "gb18030"},
	{"csgb2312", "gb18030"}, {"euc-cn", "gb18030"}, {"chinese", "gb18030"}, {"cp936", "gb18030"},
	{"sjis", "shift_jis"}, {"shift-jis", "shift_jis"}, {"x-sjis", "shift_jis"}, {"ms-kanji", "shift_jis"},
	{"csshiftjis", "shift_jis"}, {"big5-hkscs", "big5-hkscs"}, {"x-x-big5", "big5"}, {"cn-big5", "big5"},
	{"latin1", "iso-8859-1"}, {"iso8859-1", "iso-8859-1"}, {"l1", "iso-8859-1"},
	{"ascii", "us-ascii"}, {"ansi-x3.4-1968", "us-ascii"}, {"cp1252", "windows-1252"},
	{"x-cp1252", "windows-1252"}, {"cp819", "iso-8859-1"}, {"ibm819", "iso-8859-1"},
	{"cp1251", "windows-1251"}, {"win-1251", "windows-1251"}, {"x-cp1251", "windows-1251"},
	{"koi8r", "koi8-r"}, {"ks-c-5601-1987", "cp949"}, {"ksc5601", "cp949"}, {"euckr", "euc-kr"},
	{"eucjp", "euc-jp"}, {"x-euc-jp", "euc-jp"}, {"tis620", "tis-620"},
	{"utf16", "utf-16"}, {"utf32", "utf-32"}, {"ucs-2", "utf-16"}, {"iso-10646-ucs-2", "utf-16"},
	{"csunicode", "utf-16"}, {"ucs-4", "utf-32"}, {"iso-10646-ucs-4", "utf-32"}, {"csucs4", "utf-32"},
	/* Mac charsets: iconv's names, WHATWG's x-mac-*, Python's spellings */
	{"macroman", "macintosh"}, {"mac-roman", "macintosh"}, {"x-mac-roman", "macintosh"},
	{"maccentraleurope", "mac-centraleurope"}, {"maclatin2", "mac-centraleurope"},
	{"mac-latin2", "mac-centraleurope"}, {"mac-centeuro", "mac-centraleurope"}, {"x-mac-ce", "mac-centraleurope"},
	{"maciceland", "x-mac-icelandic"}, {"mac-iceland", "x-mac-icelandic"},
	{"maccyrillic", "mac-cyrillic"}, {"x-mac-cyrillic", "mac-cyrillic"}, {"x-mac-ukrainian", "mac-cyrillic"},
	{"macgreek", "x-mac-greek"}, {"mac-greek", "x-mac-greek"},
	{"macturkish", "x-mac-turkish"}, {"mac-turkish", "x-mac-turkish"},
	/* IBM code pages under Python's names */
	{"cp-is", "cp861"}, {"csibm861", "cp861"}, {"ibm039", "cp037"}, {"037", "cp037"}, {"500", "cp500"},
	{"1140", "cp1140"},
};

void charset_canonical(const char *label, char *out, size_t outlen)
{
	size_t n = 0;
	if (!outlen)
		return;
	while (*label && isspace((unsigned char)*label))
		label++;
	for (; *label && n + 1 < outlen; label++)
		if (*label != '\'' && *label != '"' && !isspace((unsigned char)*label))
			out[n++] = *label == '_' ? '-' : (char)tolower((unsigned char)*label);
	out[n] = '\0';
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (!strcmp(out, aliases[i].label)) {
			snprintf(out, outlen, "%s", aliases[i].name);
			return;
		}
}

void charset_parse_content_type(const char *ct, char *mime, size_t mimelen, char *charset, size_t charsetlen)
{
	size_t n = 0;
	mime[0] = charset[0] = '\0';
	if (!ct)
		return;
	while (*ct && isspace((unsigned char)*ct))
		ct++;
	for (; *ct && *ct != ';' && !isspace((unsigned char)*ct); ct++)
		if (n + 1 < mimelen)
			mime[n++] = (char)tolower((unsigned char)*ct);
	mime[n] = '\0';
	/* parameters: name = value, values may be quoted with ' or " */
	while ((ct = strchr(ct, ';'))) {
		ct++;
		while (isspace((unsigned char)*ct))
			ct++;
		const char *name = ct;
		while (*ct && *ct != '=' && *ct != ';' && !isspace((unsigned char)*ct))
			ct++;
		size_t nl = (size_t)(ct - name);
		while (isspace((unsigned char)*ct))
			ct++;
		if (*ct != '=')
			continue;
		ct++;
		while (isspace((unsigned char)*ct))
			ct++;
		char q = (*ct == '"' || *ct == '\'') ? *ct++ : 0;
		const char *v = ct;
		while (*ct && (q ? *ct != q : (*ct != ';' && !isspace((unsigned char)*ct))))
			ct++;
		if (nl == 7 && !strncasecmp(name, "charset", 7)) {
			char raw[64];
			size_t vl = (size_t)(ct - v) < sizeof raw - 1 ? (size_t)(ct - v) : sizeof raw - 1;
			memcpy(raw, v, vl);
			raw[vl] = '\0';
			charset_canonical(raw, charset, charsetlen);
		}
		if (q && *ct)
			ct++;
	}
}

/* The charset the bytes announce by themselves: a BOM or the UTF-16/32 shape of "<?". */
static const char *sniff_bom(const unsigned char *s, size_t len, size_t *bomlen)
{
	*bomlen = 0;
	if (len >= 4 && !memcmp(s, "\x00\x00\xFE\xFF", 4))
		return *bomlen = 4, "utf-32be";
	if (len >= 4 && !memcmp(s, "\xFF\xFE\x00\x00", 4))
		return *bomlen = 4, "utf-32le";
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		return *bomlen = 3, "utf-8";
	if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		return *bomlen = 2, "utf-16be";
	if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		return *bomlen = 2, "utf-16le";
	if (len >= 4 && !memcmp(s, "\x00\x00\x00\x3C", 4))
		return "utf-32be";
	if (len >= 4 && !memcmp(s, "\x3C\x00\x00\x00", 4))
		return "utf-32le";
	if (len >= 4 && !memcmp(s, "\x00\x3C\x00\x3F", 4))
		return "utf-16be";
	if (len >= 4 && !memcmp(s, "\x3C\x00\x3F\x00", 4))
		return "utf-16le";
	return NULL;
}

/* The encoding="..." of an ASCII-compatible XML declaration, canonical, or "". */
static void xml_decl_encoding(const char *s, size_t len, char *out, size_t outlen)
{
	out[0] = '\0';
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
		s += 3;
		len -= 3;
	}
	if (len < 6 || memcmp(s, "<?xml", 5))
		return;
	size_t end = 5;
	while (end + 1 < len && end < 512 && !(s[end] == '?' && s[end + 1] == '>'))
		end++;
	for (size_t i = 5; i + 8 < end; i++) {
		if (memcmp(s + i, "encoding", 8))
			continue;
		size_t j = i + 8;
		while (j < end && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n' || s[j] == '='))
			j++;
		if (j >= end || (s[j] != '"' && s[j] != '\''))
			return;
		char q = s[j++], raw[64];
		size_t k = 0;
		while (j < end && s[j] != q && k + 1 < sizeof raw)
			raw[k++] = s[j++];
		raw[k] = '\0';
		charset_canonical(raw, out, outlen);
		return;
	}
}

/* "<?xm" in the EBCDIC code pages (XML 1.0, appendix F): the declaration tells which one. */
static const char ebcdic_xml[4] = {0x4C, 0x6F, (char)0xA7, (char)0x94};

/* 1 when cs is an EBCDIC code page: it reads ebcdic_xml as "<?xm". */
static int is_ebcdic(const char *cs)
{
	char *u;
	size_t ul;
	if (!cs[0] || charset_convert(cs, ebcdic_xml, sizeof ebcdic_xml, &u, &ul))
		return 0;
	int yes = ul == 4 && !memcmp(u, "<?xm", 4);
	free(u);
	return yes;
}

/* The encoding="..." of an EBCDIC document's declaration, read through cp037 (its characters are invariant). */
static void ebcdic_decl_encoding(const char *s, size_t len, char *out, size_t outlen)
{
	char *u;
	size_t ul;
	out[0] = '\0';
	if (charset_convert("cp037", s, len < 512 ? len : 512, &u, &ul))
		return;
	xml_decl_encoding(u, ul, out, outlen);
	free(u);
	if (!is_ebcdic(out))
		snprintf(out, outlen, "cp037");
}

static int is_wide(const char *cs)
{
	return !strncmp(cs, "utf-16", 6) || !strncmp(cs, "utf-32", 6) || !strncmp(cs, "ucs", 3);
}

int charset_is_utf8(const char *s, size_t len, int ascii_only)
{
	size_t i = 0;
	while (i < len) {
		/* eight ASCII bytes at a time: the common case in feeds */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if (!((unsigned char)s[i] & 0x80)) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = ascii_only ? 0 : utf8_decode(s + i, len - i, &cp);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

int charset_decode_xml(const char *data, size_t len, const char *content_type, const char **text, size_t *textlen,
                       char **owned, char *encoding, size_t enclen, char *err, size_t errlen)
{
	*owned = NULL;
	char mime[128], http[64], decl[64];
	size_t bomlen;
	const char *bom = sniff_bom((const unsigned char *)data, len, &bomlen);
	charset_parse_content_type(content_type, mime, sizeof mime, http, sizeof http);
	xml_decl_encoding(data, len, decl, sizeof decl);
	/* "utf-16" in a declaration of a UTF-16 document: the byte order comes from the bytes */
	if (bom && is_wide(bom) && (!decl[0] || is_wide(decl)))
		snprintf(decl, sizeof decl, "%s", bom);
	const char *rfc3023;
	size_t ml = strlen(mime);
	int app_xml = !strcmp(mime, "application/xml") || !strcmp(mime, "application/xml-dtd") ||
	              !strcmp(mime, "application/xml-external-parsed-entity") ||
	              (!strncmp(mime, "application/", 12) && ml > 4 && !strcmp(mime + ml - 4, "+xml"));
	if (!mime[0])
		rfc3023 = decl[0] ? decl : "utf-8";
	else if (app_xml)
		rfc3023 = http[0] ? http : decl[0] ? decl : "utf-8";
	else if (!strncmp(mime, "text/", 5))
		rfc3023 = http[0] ? http : "us-ascii";
	else
		rfc3023 = http[0] ? http : decl[0] ? decl : "utf-8";
	/* a BOM or a UTF-16/32 shape cannot be overruled by a label for an ASCII-compatible set */
	const char *cand[5] = {rfc3023, decl, "utf-8", "windows-1252", NULL};
	if (!bom && len >= 4 && !memcmp(data, ebcdic_xml, 4)) {
		/* EBCDIC: only an EBCDIC label can be right; the declaration names the code page */
		ebcdic_decl_encoding(data, len, decl, sizeof decl);
		cand[0] = is_ebcdic(rfc3023) ? rfc3023 : decl;
		cand[2] = "cp037";
		cand[3] = NULL;
	}
	/* labelled nowhere: UTF-8 unless the bytes read better as another charset */
	else if (!bom && !http[0] && !decl[0] && !charset_is_utf8(data, len, 0))
		cand[0] = charset_undeclared(data, len);
	if (bom && (!strcmp(bom, "utf-8") ? strcmp(rfc3023, "utf-8") != 0 : !is_wide(rfc3023)))
		cand[0] = bom;
	/* a UTF-8 BOM is authoritative: broken sequences become U+FFFD, as browsers do */
	if (bom && !strcmp(bom, "utf-8") && !strcmp(cand[0], "utf-8"))
		cand[1] = NULL;
	for (int i = 0; cand[i]; i++) {
		if (!cand[i][0])
			continue;
		const char *from = cand[i];
		if (!strcmp(from, "utf-16") || !strcmp(from, "utf-32"))
			from = bom && is_wide(bom) ? bom : from;
		const char *src = data;
		size_t srclen = len;
		if (bom && (!strcmp(from, bom) || !strcmp(bom, "utf-8"))) {
			src += bomlen;
			srclen -= bomlen;
		}
		/* UTF-8 and ASCII that are what they claim are used in place */
		int ascii = !strcmp(from, "us-ascii");
		if ((ascii || !strcmp(from, "utf-8")) && charset_is_utf8(src, srclen, ascii)) {
			if (!ascii && srclen >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) {
				src += 3;
				srclen -= 3;
			}
			*text = src, *textlen = srclen;
			snprintf(encoding, enclen, "%s", from);
			return 0;
		}
		/* the shared decoder: what it cannot read becomes U+FFFD; a label reading nothing right yields to the next */
		size_t nbad;
		int rc = charset_decode(from, src, srclen, owned, textlen, &nbad);
		if (rc == -2)
			break;
		if (rc == 0 && (!cand[i + 1] || charset_reading_holds(*owned, *textlen, nbad))) {
			*text = *owned;
			snprintf(encoding, enclen, "%s", from);
			return 0;
		}
		if (rc == 0)
			free(*owned);
		*owned = NULL;
	}
	snprintf(err, errlen, "cannot decode the feed's characters");
	return -1;
}
