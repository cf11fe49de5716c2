/*
 * html.c: web page to article. Decides the charset, parses with libxml2's
 * forgiving HTML parser, reads metadata, then extracts the main content,
 * trying again less strictly when the first result is too short (some pages
 * name their article container like boilerplate).
 */
#include "html.h"
#include "decode.h"
#include "model.h"
#include "html_clean.h"
#include "html_dom.h"
#include "html_meta.h"
#include "html_score.h"
#include "html_text.h"
#include "html_tree.h"
#include "base.h"

#include <libxml/uri.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define META_SCAN ((size_t)64 << 10)
/* Below this many bytes of text the strict pass is distrusted (Readability uses 500 too). */
#define ENOUGH_TEXT 500
/* Below this much there is no article at all. */
#define MIN_ARTICLE_TEXT 1

/* Copies the charset label at s (quotes, blanks and ';' end it) into enc. */
static void take_label(const char *s, char *enc, size_t cap)
{
	while (*s == ' ' || *s == '"' || *s == '\'' || *s == '=')
		s++;
	size_t k = 0;
	for (; *s && !strchr(" \t\r\n\"';,>/", *s) && k < cap - 1; s++)
		enc[k++] = *s;
	enc[k] = '\0';
}

/* The charset named by a <meta> in the page's first bytes, or "" when none. */
static void meta_charset(const char *data, size_t len, char *enc, size_t cap)
{
	char head[4096 + 1];
	size_t n = len < META_SCAN ? len : META_SCAN;
	enc[0] = '\0';
	for (size_t i = 0; i + 5 < n; i++) {
		if (data[i] != '<' || strncasecmp(data + i + 1, "meta", 4))
			continue;
		size_t k = 0;
		for (size_t j = i; j < n && data[j] != '>' && k < sizeof head - 1; j++)
			head[k++] = data[j] ? data[j] : ' ';
		head[k] = '\0';
		const char *c = ascii_strcasestr(head, "charset");
		if (c) {
			take_label(c + 7, enc, cap);
			if (enc[0])
				return;
		}
	}
}

/* 1 when the shared decoder reads enc (canonical). */
static int label_known(const char *enc)
{
	char *t;
	size_t tl;
	if (charset_decode(enc, "", 0, &t, &tl, NULL))
		return 0;
	free(t);
	return 1;
}

static int has_high_bytes(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)data[i] >= 0x80)
			return 1;
	return 0;
}

void html_charset(const char *data, size_t len, const char *content_type, char *enc, size_t cap)
{
	char mime[64];
	charset_parse_content_type(content_type, mime, sizeof mime, enc, cap); /* enc "" when none */
	if (!enc[0] && len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		snprintf(enc, cap, "utf-8");
	else if (!enc[0] && len >= 2 && !memcmp(data, "\xFF\xFE", 2))
		snprintf(enc, cap, "utf-16le");
	else if (!enc[0] && len >= 2 && !memcmp(data, "\xFE\xFF", 2))
		snprintf(enc, cap, "utf-16be");
	if (!enc[0]) {
		meta_charset(data, len, enc, cap);
		/* Pages transcoded to UTF-8 often keep their old <meta charset>; bytes
		 * that are valid UTF-8 beyond ASCII are almost never anything else. */
		if (enc[0] && strcasecmp(enc, "utf-8") && has_high_bytes(data, len) && utf8_valid(data, len))
			snprintf(enc, cap, "utf-8");
	}
	char label[64];
	snprintf(label, sizeof label, "%s", enc);
	charset_canonical(label, enc, cap);
	/* the WHATWG Encoding Standard reads these labels as windows-1252 */
	if (!strcmp(enc, "iso-8859-1") || !strcmp(enc, "us-ascii"))
		snprintf(enc, cap, "windows-1252");
	/* A UTF-16 label on a page that is plainly 8-bit is a lie: browsers ignore it too. */
	if (enc[0] && !strncasecmp(enc, "utf-16", 6) && !(len >= 2 && (!memcmp(data, "\xFF\xFE", 2) ||
	                                                            !memcmp(data, "\xFE\xFF", 2))))
		enc[0] = '\0';
	if (enc[0] && !label_known(enc))
		enc[0] = '\0';
	if (!enc[0])
		snprintf(enc, cap, "%s", charset_undeclared(data, len));
}

static xmlNode *find_body(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	for (xmlNode *n = root; n; n = dom_next(n, root, 0))
		if (dom_is(n, "body"))
			return n;
	return root;
}

/* The base for relative links: <base href> resolved against the page's URL. */
static xmlChar *base_url(xmlDoc *doc, const char *url)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		if (dom_is(n, "body"))
			break;
		const char *href = dom_attr(n, "href");
		if (dom_is(n, "base") && href && *href)
			return xmlBuildURI((const xmlChar *)href, (const xmlChar *)url);
	}
	return url ? xmlStrdup((const xmlChar *)url) : NULL;
}

enum { PASS_STRICT, PASS_LOOSE, PASS_WHOLE };

/* One extraction pass over doc into a's sections and links. 0 or -1 (memory). */
static int extract(xmlDoc *doc, int pass, const char *base, struct article *a, char *err, size_t errlen)
{
	xmlNode *body = find_body(doc);
	if (!body)
		return 0;
	size_t n = dom_count(body);
	struct dom_stats *stats = calloc(n ? n : 1, sizeof *stats);
	if (!stats) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	dom_measure(body, stats, n);
	html_clean_prune(body, pass == PASS_STRICT ? HTML_CLEAN_CLASSES : 0);
	dom_measure(body, stats, n);
	struct html_pick pick;
	int rc = -1;
	if (pass == PASS_WHOLE) {
		xmlNode *one[1] = {body};
		rc = html_text_emit(one, 1, base, a, err, errlen);
	} else if (html_score_pick(body, &pick)) {
		snprintf(err, errlen, "out of memory");
	} else {
		rc = 0;
		for (size_t i = 0; i < pick.n && !rc; i++)
			rc = html_clean_content(pick.nodes[i]);
		if (rc)
			snprintf(err, errlen, "out of memory");
		else
			rc = html_text_emit(pick.nodes, pick.n, base, a, err, errlen);
		html_pick_free(&pick);
	}
	dom_unmeasure(body);
	free(stats);
	return rc;
}

static size_t body_bytes(const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_sections; i++) {
		const struct section *s = &a->sections[i];
		n += s->heading ? strlen(s->heading) : 0;
		for (size_t j = 0; j < s->n_paragraphs; j++)
			n += strlen(s->paragraphs[j]);
	}
	return n;
}

/* Moves the body (sections and links) of from into to, freeing to's. */
static void move_body(struct article *to, struct article *from)
{
	struct article tmp = *to;
	to->sections = from->sections;
	to->n_sections = from->n_sections;
	to->cap_sections = from->cap_sections;
	to->links = from->links;
	to->n_links = from->n_links;
	to->cap_links = from->cap_links;
	from->sections = tmp.sections;
	from->n_sections = tmp.n_sections;
	from->cap_sections = tmp.cap_sections;
	from->links = tmp.links;
	from->n_links = tmp.n_links;
	from->cap_links = tmp.cap_links;
}

int html_decode(const char *data, size_t len, const char *content_type, const char **text, size_t *textlen,
                char **owned)
{
	char enc[64], used[64];
	*owned = NULL;
	html_charset(data, len, content_type, enc, sizeof enc);
	*text = data;
	*textlen = len;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) && !strcmp(enc, "utf-8")) {
		*text += 3;
		*textlen -= 3;
	}
	/* clean UTF-8 is read in place: a copy of a 50 MB page is 50 MB */
	if (!strcmp(enc, "utf-8") && !memchr(*text, '\0', *textlen) && utf8_valid(*text, *textlen))
		return 0;
	/* the shared decoder, as feeds use it: a label that reads nothing right yields to UTF-8, then windows-1252 */
	const char *cands[] = {enc, "utf-8", "windows-1252", NULL};
	if (charset_decode_best(cands, data, len, owned, textlen, used, sizeof used))
		return -1;
	*text = *owned;
	return 0;
}

int html_parse(const char *data, size_t len, const char *url, const char *content_type,
               struct article *a, char *err, size_t errlen)
{
	if (len > INT_MAX) {
		snprintf(err, errlen, "page too large (%zu bytes)", len);
		return -1;
	}
	size_t ulen;
	char *utf8;
	const char *text;
	if (html_decode(data, len, content_type, &text, &ulen, &utf8)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (ulen > INT_MAX) {
		free(utf8);
		snprintf(err, errlen, "page too large (%zu bytes)", len);
		return -1;
	}
	/* st.deep: the parse stopped at libxml2's nesting limit (256 elements
	 * without XML_PARSE_HUGE, which we never set); st.truncated: at the tree's
	 * size budget. Either way the page is cut there, and a missing article
	 * gets that reason instead of a bare "no article found". */
	struct html_tree_stats st;
	/* read in place only once html_decode() found it valid UTF-8; decoded text is checked once for every pass */
	int clean = !utf8 || html_tree_clean(text, ulen);
	xmlDoc *doc = html_tree_parse(text, ulen, url, clean, &st);
	if (!doc) {
		free(utf8);
		snprintf(err, errlen, "not a readable HTML page");
		return -1;
	}
	xmlChar *base = base_url(doc, url);
	struct article *best = NULL;
	int rc = -1;
	if (html_meta_read(doc, a)) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	for (int pass = PASS_STRICT; pass <= PASS_WHOLE; pass++) {
		struct article *try = article_new();
		if (!try || article_set(&try->headline, a->headline, a->headline ? strlen(a->headline) : 0)) {
			article_free(try);
			snprintf(err, errlen, "out of memory");
			goto done;
		}
		if (pass > PASS_STRICT) {
			/* every pass prunes the tree it reads: start from fresh bytes */
			xmlFreeDoc(doc);
			if (!(doc = html_tree_parse(text, ulen, url, clean, &st))) {
				article_free(try);
				snprintf(err, errlen, "out of memory");
				goto done;
			}
		}
		if (extract(doc, pass, (const char *)base, try, err, errlen)) {
			article_free(try);
			goto done;
		}
		/* a looser pass must find much more to beat a stricter one: on a
		 * short page it mostly finds the bylines and share bars again */
		if (!best || body_bytes(try) > 2 * body_bytes(best)) {
			article_free(best);
			best = try;
		} else {
			article_free(try);
		}
		size_t got = body_bytes(best);
		if (got >= ENOUGH_TEXT || (pass == PASS_LOOSE && got >= MIN_ARTICLE_TEXT))
			break;
	}
	if (!best || body_bytes(best) < MIN_ARTICLE_TEXT) {
		snprintf(err, errlen, "%s", st.deep ? "no article found: the page nests elements more than 256 deep"
		                            : st.truncated ? "no article found in the part of the page read: the rest holds "
		                                             "more markup than the reader keeps"
		                                           : "no article found");
		goto done;
	}
	move_body(a, best);
	rc = 0;
done:
	article_free(best);
	xmlFree(base);
	xmlFreeDoc(doc);
	free(utf8);
	return rc;
}

int html_fragment_parse(const char *data, size_t len, const char *url, struct article *a,
                        char *err, size_t errlen)
{
	size_t ulen = len;
	char *utf8 = NULL;
	const char *text = data;
	if (len > INT_MAX) {
		snprintf(err, errlen, "content too large (%zu bytes)", len);
		return -1;
	}
	/* a feed parser hands over valid UTF-8; anything else is repaired, never trusted */
	if (memchr(data, '\0', len) || !utf8_valid(data, len)) {
		if (!(utf8 = utf8_repair(data, len, &ulen))) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		text = utf8;
	}
	/* libxml2 puts a fragment's nodes in an implied <html><body>: the body is the content */
	xmlDoc *doc = html_tree_parse(text, ulen, url, !utf8, NULL);
	int rc = -1;
	if (!doc) {
		snprintf(err, errlen, "not readable HTML");
	} else if (!extract(doc, PASS_WHOLE, url, a, err, errlen)) {
		rc = body_bytes(a) >= MIN_ARTICLE_TEXT ? 0 : -1;
		if (rc)
			snprintf(err, errlen, "no text in the content");
	}
	xmlFreeDoc(doc);
	free(utf8);
	return rc;
}
