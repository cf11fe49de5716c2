/* sniff.c: content sniffing in the spirit of the WHATWG MIME sniffing rules. */
#include "decode.h"

#include <string.h>
#include <strings.h>

#define SNIFF_WINDOW 4096

static int has_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (!strncasecmp(s + i, needle, n))
			return 1;
	return 0;
}

/* s[0..len) starts with lit, ignoring case; never reads past len (the input need not end in a NUL). */
static int starts_ci(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);
	return len >= n && !strncasecmp(s, lit, n);
}

/* Skips a BOM, white space, and any number of <?xml ...?> / <!-- --> / <!DOCTYPE> prologues. */
static size_t skip_prologue(const char *s, size_t len)
{
	size_t i = 0;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			i++;
		if (i + 4 <= len && !memcmp(s + i, "<!--", 4)) {
			const char *e = NULL;
			for (size_t j = i + 4; j + 3 <= len; j++)
				if (!memcmp(s + j, "-->", 3)) {
					e = s + j + 3;
					break;
				}
			if (!e)
				return i;
			i = (size_t)(e - s);
		} else if (i + 14 <= len && !strncasecmp(s + i, "<!doctype html", 14)) {
			return i;
		} else if (i + 2 <= len && s[i] == '<' && (s[i + 1] == '?' || s[i + 1] == '!')) {
			const char *e = memchr(s + i, '>', len - i);
			if (!e)
				return i;
			i = (size_t)(e - s) + 1;
		} else {
			return i;
		}
	}
}

enum sniff_kind sniff(const char *data, size_t len, const char *ct)
{
	size_t w = len < SNIFF_WINDOW ? len : SNIFF_WINDOW;
	if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
	    ((unsigned char)data[1] == 0xFE || (unsigned char)data[1] == 0xFF))
		return (ct && strstr(ct, "html")) ? SNIFF_HTML : SNIFF_FEED_XML; /* UTF-16 markup */
	/* "<?" in UTF-16 or UTF-32 without a BOM, "<?xm" in EBCDIC (XML 1.0 appendix F) */
	if (len >= 4 && (!memcmp(data, "\x00\x3C\x00\x3F", 4) || !memcmp(data, "\x3C\x00\x3F\x00", 4) ||
	                 !memcmp(data, "\x00\x00\x00\x3C", 4) || !memcmp(data, "\x3C\x00\x00\x00", 4) ||
	                 !memcmp(data, "\x4C\x6F\xA7\x94", 4)))
		return SNIFF_FEED_XML;
	size_t i = skip_prologue(data, w);
	const char *s = data + i;
	size_t n = w - i;
	if (n && s[0] == '{')
		return has_ci(s, n, "jsonfeed.org") || has_ci(s, n, "\"items\"") ? SNIFF_FEED_JSON : SNIFF_BINARY;
	if (n && s[0] == '<') {
		if (starts_ci(s, n, "<rss") || starts_ci(s, n, "<feed") || starts_ci(s, n, "<rdf") ||
		    starts_ci(s, n, "<channel"))
			return SNIFF_FEED_XML;
		/* an Atom feed inside an XHTML page is still a feed (feed_xml.c finds it) */
		if (has_ci(s, n, "<feed") && (has_ci(s, n, "http://www.w3.org/2005/atom") || has_ci(s, n, "purl.org/atom/ns")))
			return SNIFF_FEED_XML;
		if (starts_ci(s, n, "<!doctype html") || starts_ci(s, n, "<html") ||
		    has_ci(s, n, "<body") || has_ci(s, n, "<head") || has_ci(s, n, "<div") || has_ci(s, n, "<p>"))
			return SNIFF_HTML;
		if (has_ci(data, w, "<rss") || has_ci(data, w, "<feed") || has_ci(data, w, "rdf:rdf"))
			return SNIFF_FEED_XML;
		if (ct && (strstr(ct, "xml") || strstr(ct, "rss") || strstr(ct, "atom")))
			return SNIFF_FEED_XML;
		return SNIFF_HTML;
	}
	if (ct && strstr(ct, "html") && memchr(data, '<', w))
		return SNIFF_HTML;
	for (size_t k = 0; k < w; k++)
		if (data[k] == '\0')
			return SNIFF_BINARY;
	return SNIFF_TEXT;
}

const char *sniff_name(enum sniff_kind k)
{
	switch (k) {
	case SNIFF_TEXT: return "text";
	case SNIFF_HTML: return "html";
	case SNIFF_FEED_XML: return "feed";
	case SNIFF_FEED_JSON: return "json feed";
	case SNIFF_BINARY: return "binary";
	}
	return "unknown";
}
