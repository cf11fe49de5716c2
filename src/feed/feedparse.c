/* feedparse.c: feed_parse(), which picks the reader (JSON Feed or XML) and the charset. */
#include "feed.h"
#include "decode.h"
#include "model.h"
#include "feed_json.h"
#include "feed_xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JSON starts with '{' (or '[', to be refused as JSON) after an optional BOM and white space. */
static int looks_like_json(const char *s, size_t len)
{
	size_t i = len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i < len && (s[i] == '{' || s[i] == '[');
}

/* Refuses, with a reason, UTF-8 text that is blank or does not start like XML. */
static int check_starts_xml(const char *s, size_t len, char *err, size_t errlen)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i == len) {
		snprintf(err, errlen, "not a feed: the document is blank");
		return -1;
	}
	if (s[i] != '<') {
		/* quote the start only while it is printable ASCII: messages reach terminals */
		size_t n = 0;
		while (i + n < len && n < 24 && (unsigned char)s[i + n] >= ' ' && (unsigned char)s[i + n] < 0x7F)
			n++;
		if (n)
			snprintf(err, errlen, "not a feed: the document is not XML (it starts \"%.*s\")", (int)n, s + i);
		else
			snprintf(err, errlen, "not a feed: the document is not XML");
		return -1;
	}
	int xml_decl_only = 0;
	if (len - i >= 5 && !memcmp(s + i, "<?xml", 5)) { /* a declaration and nothing after it */
		const char *e = memchr(s + i, '>', len - i);
		size_t j = e ? (size_t)(e - s) + 1 : len;
		while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
			j++;
		xml_decl_only = j == len;
	}
	if (xml_decl_only) {
		snprintf(err, errlen, "not a feed: the document has no elements");
		return -1;
	}
	return 0;
}

int feed_parse(const char *data, size_t len, const char *content_type, const char *base_url,
               struct feed **out, char *err, size_t errlen)
{
	*out = NULL;
	if (len > FEED_MAX_BYTES) {
		snprintf(err, errlen, "the feed is larger than %zu MB", (size_t)FEED_MAX_BYTES >> 20);
		return -1;
	}
	if (!len) {
		snprintf(err, errlen, "not a feed: the document is empty");
		return -1;
	}
	if (looks_like_json(data, len))
		return feed_json_parse(data, len, base_url, out, err, errlen);
	char enc[64], *utf8_owned;
	const char *utf8;
	size_t ulen;
	struct xmlprep prep;
	if (charset_decode_xml(data, len, content_type, &utf8, &ulen, &utf8_owned, enc, sizeof enc, err, errlen))
		return -1;
	if (check_starts_xml(utf8, ulen, err, errlen)) {
		free(utf8_owned);
		return -1;
	}
	/* the rewrite may grow &x; into &#NNNNN; but never beyond twice the input plus slack */
	int rc = xmlprep_rewrite(utf8, ulen, ulen * 2 + 4096, 1, &prep);
	if (rc) {
		free(utf8_owned);
		snprintf(err, errlen, "%s", prep.error ? prep.error : "out of memory");
		return -1;
	}
	struct feed *f = feed_new();
	if (!f) {
		xmlprep_free(&prep);
		free(utf8_owned);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rc = feed_xml_parse(&prep, base_url, f, err, errlen);
	xmlprep_free(&prep);
	free(utf8_owned);
	if (!rc && feed_set(&f->encoding, enc)) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	}
	if (rc) {
		feed_free(f);
		return -1;
	}
	*out = f;
	return 0;
}
