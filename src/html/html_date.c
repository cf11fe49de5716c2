/* html_date.c: reading the dates web pages carry. */
#include "html_date.h"
#include "html_dom.h"
#include "base.h"
#include "decode.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The years a date in a page's metadata may name. */
#define META_FIRST_YEAR 1900
#define META_LAST_YEAR 2200

int html_date_iso(const char *in, char *out, size_t cap)
{
	if (!in || cap < 11)
		return -1;
	while (isspace((unsigned char)*in))
		in++;
	/* a numeric date, the year first, at the start ("2018-04-05T06:00", "2018/4/5 ...") */
	size_t n = html_date_numeric_len(in);
	if (n && strspn(in, "0123456789") == 4 && !html_date_day(in, n, META_FIRST_YEAR, META_LAST_YEAR, out, cap)) {
		if (in[4] == '-' && n == 10 && (in[10] == 'T' || in[10] == ' ') && isdigit((unsigned char)in[11])) {
			/* keep the full timestamp, as far as it is made of ISO characters */
			size_t k = 0;
			for (const char *p = in; *p && k < cap - 1 && k < 35; p++, k++) {
				if (!(isdigit((unsigned char)*p) || strchr("-:T.+Z", *p) || (k == 10 && *p == ' ')))
					break;
				out[k] = k == 10 ? 'T' : *p;
			}
			out[k] = '\0';
		}
		return 0;
	}
	/* "20180405", maybe a time of day run on */
	if (strspn(in, "0123456789") >= 8 && !html_date_day(in, 8, META_FIRST_YEAR, META_LAST_YEAR, out, cap))
		return 0;
	/* "Thu, 05 Apr 2018 06:00:00 GMT", "April 5, 2018", then a date written among other words */
	if (!html_date_day(in, strlen(in), META_FIRST_YEAR, META_LAST_YEAR, out, cap))
		return 0;
	return html_date_find(in, out, cap);
}

/* 1 when text is a date and nothing else ("March 17, 2025", "Updated 10:05 am"):
 * datelines set as page furniture are named like bylines. */
int html_date_only(const char *text)
{
	static const char *const date_words[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm", "at", "on", "le", "el", "il",
		"um", "uhr", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "cest", "bst", NULL,
	};
	/* "Posted on", "Veröffentlicht am": the label of a date whose value is elsewhere */
	static const char *const publishing[] = {
		"updated", "published", "posted", "publiziert", "ver\xC3\xB6" "ffentlicht", "erschienen",
		"aktualisiert", "stand", "datum", "ver\xC3\xB6" "ffentlichung", "publication", "publicaci\xC3\xB3n", "fecha", "publi\xC3\xA9", "publicado", "pubblicato", "opublikowano", NULL,
	};
	int labelled = 0;
	for (const char *p = text; *p;) {
		if (!isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		const char *w = p;
		while (isalpha((unsigned char)*p) || *p == '.' || (unsigned char)*p >= 0x80)
			p++;
		size_t wl = (size_t)(p - w);
		int known = 0;
		for (const char *const *d = date_words; *d && !known; d++) {
			size_t dl = strlen(*d);
			known = wl >= dl && !strncasecmp(w, *d, dl) && (wl <= 2 || dl >= 3);
			if (dl == 2 && wl != 2)
				known = 0;
		}
		if (!known && wl >= 3)
			known = date_month_name(w, wl) != 0;
		for (const char *const *d = publishing; *d && !known; d++)
			if (wl == strlen(*d) && !strncasecmp(w, *d, wl))
				known = labelled = 1;
		if (!known)
			return 0; /* a word of a name (other scripts' letters included) */
	}
	char iso[40];
	return labelled || !html_date_iso(text, iso, sizeof iso) || /* a date among other words too */
	       !strpbrk(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

/* Subtrees whose dates are not the article's: comments, lists of other posts. */
static int date_skip(const xmlNode *n)
{
	static const char *const tags[] = {"head", "script", "style", "nav", "aside", "footer", "form", "select", NULL};
	static const char *const names[] = {"comment", "respond", "reply", "^sidebar", "^related", NULL};
	return dom_is_any(n, tags) || dom_class_has(n, names);
}

/* A date written in the text of a small element named like a date or a byline. */
static int date_in_named(xmlNode *root, char *out, size_t cap)
{
	static const char *const names[] = {
		"date", "datum", "fecha", "time", "zeit", "publish", "posted", "byline", "meta", "dateline",
		"post-info", "postinfo", "info", "submitted", "author", NULL,
	};
	static const char *const changed[] = {"updated", "modified", "geaendert", NULL};
	struct buf b = BUF_INIT;
	int rc = -1;
	for (xmlNode *n = root; n && rc;) {
		if (date_skip(n)) {
			n = dom_next(n, root, 1);
			continue;
		}
		if ((dom_is(n, "time") || dom_class_has(n, names)) && !dom_class_has(n, changed)) {
			buf_reset(&b);
			if (!dom_text(n, &b, 201) && b.len && b.len <= 200 && !html_date_find(b.data, out, cap))
				rc = 0;
		}
		n = dom_next(n, root, 0);
	}
	buf_free(&b);
	return rc;
}

/* A date in the path of the page's URL ("/2020/01/05/", "/2020-01-05-"). */
static int date_in_url(const char *url, char *out, size_t cap)
{
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p || !(p = strchr(p + 3, '/')))
		return -1;
	for (; *p; p++) {
		if (*p != '/' || strspn(p + 1, "0123456789") != 4 || (p[5] != '/' && p[5] != '-'))
			continue;
		if (!html_date_day(p + 1, html_date_numeric_len(p + 1), NEWS_FIRST_YEAR, NEWS_LAST_YEAR, out, cap))
			return 0;
	}
	return -1;
}

/* A date on a short line of its own just after the headline ("Veröffentlicht am 5. Mai 2020"). */
static int date_under_headline(xmlNode *root, char *out, size_t cap)
{
	xmlNode *n = root;
	while (n && !dom_is(n, "h1"))
		n = date_skip(n) ? dom_next(n, root, 1) : dom_next(n, root, 0);
	if (!n)
		return -1;
	size_t seen = 0;
	struct buf b = BUF_INIT;
	int rc = -1;
	for (n = dom_next(n, root, 1); n && rc && seen < 1500;) {
		if (date_skip(n)) {
			n = dom_next(n, root, 1);
			continue;
		}
		if (!dom_is_block(n) || dom_is(n, "br")) {
			n = dom_next(n, root, 0);
			continue;
		}
		/* leaves of the block tree only: a line, not the whole article */
		int leaf = 1;
		for (xmlNode *c = n->children; c && leaf; c = c->next)
			leaf = !(c->type == XML_ELEMENT_NODE && dom_is_block(c) && !dom_is(c, "br"));
		if (!leaf) {
			n = dom_next(n, root, 0);
			continue;
		}
		buf_reset(&b);
		if (dom_text(n, &b, 4000))
			break;
		seen += b.len;
		if (b.len && b.len <= 200 && !html_date_find(b.data, out, cap))
			rc = 0;
		n = dom_next(n, root, 1);
	}
	buf_free(&b);
	return rc;
}

/* The page's own date: itemprop datePublished, <time pubdate>, then the first <time datetime>. */
int html_date_in_page(xmlNode *root, const char *url, char *out, size_t cap)
{
	const char *first = NULL;
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		const char *ip = dom_attr(n, "itemprop");
		const char *dt = dom_attr(n, "datetime");
		if (ip && !strcasecmp(ip, "datePublished")) {
			const char *v = dt ? dt : dom_attr(n, "content") ? dom_attr(n, "content") : dom_attr(n, "title");
			if (v && !html_date_iso(v, out, cap))
				return 0;
			/* the date written as the element's text ("May 19, 2020") */
			struct buf b = BUF_INIT;
			int found = !v && !dom_text(n, &b, 200) && b.len && !html_date_find(b.data, out, cap);
			buf_free(&b);
			if (found)
				return 0;
		}
		if (dom_is(n, "time") && dt) {
			if (dom_attr(n, "pubdate") && !html_date_iso(dt, out, cap))
				return 0;
			if (!first)
				first = dt;
		}
	}
	if (first && !html_date_iso(first, out, cap))
		return 0;
	if (!date_in_named(root, out, cap) || !date_in_url(url, out, cap))
		return 0;
	return date_under_headline(root, out, cap);
}
