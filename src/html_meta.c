/*
 * html_meta.c: page metadata. The order of sources follows what readers
 * have come to expect from Mozilla Readability: structured data first
 * (JSON-LD, Dublin Core, OpenGraph), the page's own markup after.
 */
#include "html_meta.h"
#include "article.h"
#include "buf.h"
#include "html_dom.h"
#include "html_jsonld.h"
#include "utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BYLINE_MAX 100
#define TITLE_MAX 1024

/* The meta names read, in normalised form (lower case, no blanks, '.' as ':'). */
enum meta_key {
	M_DC_TITLE, M_DCTERM_TITLE, M_OG_TITLE, M_WEIBO_ARTICLE_TITLE, M_WEIBO_WEBPAGE_TITLE,
	M_TITLE, M_TWITTER_TITLE, M_PARSELY_TITLE,
	M_DC_CREATOR, M_DCTERM_CREATOR, M_AUTHOR, M_PARSELY_AUTHOR, M_ARTICLE_AUTHOR,
	M_OG_SITE_NAME, M_ARTICLE_PUBLISHED, M_PARSELY_PUB_DATE,
	M_DC_DATE, M_DCTERMS_CREATED, M_PUBDATE, M_PUBLISH_DATE, M_DATE, M_SAILTHRU_DATE,
	M_ITEMPROP_DATE, M_OG_URL, M_COUNT
};
static const char *const meta_names[M_COUNT] = {
	"dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
	"title", "twitter:title", "parsely-title",
	"dc:creator", "dcterm:creator", "author", "parsely-author", "article:author",
	"og:site_name", "article:published_time", "parsely-pub-date",
	"dc:date", "dcterms:created", "pubdate", "publish-date", "date", "sailthru:date",
	"itemprop:datepublished", "og:url",
};

struct meta {
	const char *v[M_COUNT]; /* values (tree-owned), first occurrence wins */
	const char *title;      /* <title> text, malloc'd through title_buf */
	struct buf title_buf;   /* owns title */
};

/* Records value under every key in the space-separated list names (the
 * last occurrence in the page wins, as in Readability). Returns 1 when one
 * of the names was a key read. */
static int meta_note(struct meta *m, const char *names, const char *value, const char *prefix)
{
	int hit = 0;
	char key[64];
	while (*names) {
		while (*names == ' ' || *names == '\t' || *names == '\n')
			names++;
		size_t k = 0;
		if (prefix)
			for (const char *p = prefix; *p && k < sizeof key - 1; p++)
				key[k++] = *p;
		for (; *names && *names != ' ' && *names != '\t' && *names != '\n'; names++)
			if (k < sizeof key - 1)
				key[k++] = *names == '.' ? ':' : (char)tolower((unsigned char)*names);
		key[k] = '\0';
		/* "og:article:author" is article:author with a needless prefix */
		const char *colon = strchr(key, ':');
		const char *alt = colon && strchr(colon + 1, ':') ? colon + 1 : NULL;
		for (int i = 0; i < M_COUNT; i++)
			if (!strcmp(key, meta_names[i]) || (alt && !strcmp(alt, meta_names[i])))
				m->v[i] = value, hit = 1;
	}
	return hit;
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static void meta_collect(xmlNode *root, struct meta *m)
{
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		if (dom_is(n, "title") && !m->title_buf.len) {
			dom_text(n, &m->title_buf, TITLE_MAX);
			dom_text_trim(&m->title_buf);
			continue;
		}
		if (!dom_is(n, "meta"))
			continue;
		const char *content = dom_attr(n, "content");
		if (blank(content))
			continue;
		const char *name = dom_attr(n, "name"), *prop = dom_attr(n, "property");
		const char *ip = dom_attr(n, "itemprop");
		if (!(prop && meta_note(m, prop, content, NULL)) && name)
			meta_note(m, name, content, NULL);
		if (ip)
			meta_note(m, ip, content, "itemprop:");
	}
	m->title = m->title_buf.data;
}

static int words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in++)
			n++;
	}
	return n;
}

/* Where a hierarchical separator (" | ", " - ", " » ", ...) starts at s, its length. */
static size_t separator_at(const char *s, int *hierarchical)
{
	static const char *const seps[] = {
		" | ", " - ", " \\ ", " / ", " > ", " \xC2\xBB ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		NULL,
	};
	for (int i = 0; seps[i]; i++)
		if (!strncmp(s, seps[i], strlen(seps[i]))) {
			if (hierarchical)
				*hierarchical = i >= 2 && i <= 5;
			return strlen(seps[i]);
		}
	return 0;
}

static size_t copy_out(const char *s, size_t len, char *out, size_t cap)
{
	while (len && *s == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (len >= cap)
		len = cap - 1;
	memcpy(out, s, len);
	out[len] = '\0';
	return len;
}

size_t html_meta_clean_title(const char *title, const char *site, char *out, size_t cap)
{
	size_t tl = strlen(title);
	if (!cap)
		return 0;
	/* A title that ends with the site's own name loses it first. */
	if (site && *site) {
		size_t sl = strlen(site);
		for (size_t i = 0; i + sl < tl; i++) {
			size_t k = separator_at(title + i, NULL);
			if (k && i + k + sl == tl && !strcasecmp(title + i + k, site) && words(title) - words(site) >= 3)
				return copy_out(title, i, out, cap);
		}
	}
	size_t last = 0, lastlen = 0, first = 0, firstlen = 0;
	int hier = 0, any = 0;
	for (size_t i = 0; i < tl; i++) {
		int h = 0;
		size_t k = separator_at(title + i, &h);
		if (!k)
			continue;
		if (!any++)
			first = i, firstlen = k;
		last = i, lastlen = k;
		hier |= h;
	}
	size_t len;
	if (any) {
		len = copy_out(title, last, out, cap);
		if (words(out) < 3)
			len = copy_out(title + first + firstlen, tl - first - firstlen, out, cap);
		(void)lastlen;
	} else if (strstr(title, ": ")) {
		const char *lc = strrchr(title, ':'), *fc = strchr(title, ':');
		len = copy_out(lc + 1, strlen(lc + 1), out, cap);
		if (words(out) < 3) {
			len = copy_out(fc + 1, strlen(fc + 1), out, cap);
		} else {
			char before[TITLE_MAX];
			copy_out(title, (size_t)(fc - title), before, sizeof before);
			if (words(before) > 5)
				len = copy_out(title, tl, out, cap);
		}
	} else {
		len = copy_out(title, tl, out, cap);
	}
	/* Too little left: the separators were part of the title after all. */
	int wc = words(out);
	if (wc <= 4 && any) {
		char stripped[TITLE_MAX];
		size_t k = 0;
		for (size_t i = 0; i < tl && k < sizeof stripped - 1; i++) {
			size_t s = separator_at(title + i, NULL);
			if (s) {
				stripped[k++] = ' ';
				i += s - 1;
			} else {
				stripped[k++] = title[i];
			}
		}
		stripped[k] = '\0';
		if (!hier || wc != words(stripped) - 1)
			len = copy_out(title, tl, out, cap);
	} else if (wc <= 4 && !any) {
		len = copy_out(title, tl, out, cap);
	}
	return len;
}

static const char *const month_names[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int valid_ymd(int y, int mo, int d)
{
	return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

int html_meta_date(const char *in, char *out, size_t cap)
{
	if (!in || cap < 11)
		return -1;
	while (isspace((unsigned char)*in))
		in++;
	int y, mo, d, n = 0;
	char s1, s2;
	if (sscanf(in, "%4d%c%2d%c%2d%n", &y, &s1, &mo, &s2, &d, &n) == 5 && s1 == s2 &&
	    (s1 == '-' || s1 == '/' || s1 == '.') && valid_ymd(y, mo, d) && isdigit((unsigned char)in[0])) {
		if (s1 == '-' && n == 10 && (in[10] == 'T' || in[10] == ' ') && isdigit((unsigned char)in[11])) {
			/* keep the full timestamp, as far as it is made of ISO characters */
			size_t k = 0;
			for (const char *p = in; *p && k < cap - 1 && k < 35; p++, k++) {
				if (!(isdigit((unsigned char)*p) || strchr("-:T.+Z", *p) || (k == 10 && *p == ' ')))
					break;
				out[k] = k == 10 ? 'T' : *p;
			}
			out[k] = '\0';
			return 0;
		}
		snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
		return 0;
	}
	if (sscanf(in, "%4d%2d%2d", &y, &mo, &d) == 3 && isdigit((unsigned char)in[7]) && valid_ymd(y, mo, d)) {
		snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
		return 0;
	}
	/* Words: a month name, a day and a year in any order ("Thu, 05 Apr 2018", "April 5, 2018"). */
	y = mo = d = 0;
	for (const char *p = in; *p && p - in < 80;) {
		if (isalpha((unsigned char)*p)) {
			const char *w = p;
			while (isalpha((unsigned char)*p))
				p++;
			if (!mo && p - w >= 3)
				for (int i = 0; i < 12; i++)
					if (!strncasecmp(w, month_names[i], 3))
						mo = i + 1;
		} else if (isdigit((unsigned char)*p)) {
			const char *w = p;
			while (isdigit((unsigned char)*p))
				p++;
			int v = atoi(w);
			if (*p == ':')
				continue; /* a time of day */
			if (p - w == 4 && !y)
				y = v;
			else if (p - w <= 2 && !d)
				d = v;
		} else {
			p++;
		}
	}
	if (!valid_ymd(y, mo, d))
		return -1;
	snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
	return 0;
}

/* Token similarity of b to a (share of b's text made of words a also has). */
static double similarity(const char *a, const char *b)
{
	size_t total = 0, unique = 0;
	for (const char *p = b; *p;) {
		while (*p && !isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80))
			p++;
		const char *w = p;
		while (*p && (isalnum((unsigned char)*p) || ((unsigned char)*p & 0x80)))
			p++;
		size_t wl = (size_t)(p - w);
		if (!wl)
			continue;
		total += wl;
		int found = 0;
		for (const char *q = a; *q && !found; q++)
			found = !strncasecmp(q, w, wl) && (q == a || !isalnum((unsigned char)q[-1])) &&
			        !isalnum((unsigned char)q[wl]);
		if (!found)
			unique += wl;
	}
	return total ? 1.0 - (double)unique / (double)total : 0;
}

static int is_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* Bytes of n's text as written, blanks inside included, the ends trimmed;
 * counting stops at cap. */
static size_t raw_text_len(const xmlNode *n, size_t cap)
{
	size_t len = 0, trail = 0;
	const xmlNode *c = n;
	while (c && len - trail < cap) {
		if (c->type == XML_TEXT_NODE && c->content)
			for (const char *p = (const char *)c->content; *p; p++) {
				int ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
				if (ws && !len)
					continue;
				len++;
				trail = ws ? trail + 1 : 0;
			}
		if (c->type == XML_ELEMENT_NODE && c->children) {
			c = c->children;
			continue;
		}
		while (c && c != n && !c->next)
			c = c->parent;
		if (!c || c == n)
			break;
		c = c->next;
	}
	return len - trail;
}

/* 1 when text is a date and nothing else ("March 17, 2025", "Updated 10:05 am"):
 * datelines set as page furniture are named like bylines. */
static int only_a_date(const char *text)
{
	static const char *const date_words[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm", "at", "on", "updated",
		"published", "posted", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "cest", "bst", NULL,
	};
	for (const char *p = text; *p;) {
		if (!isalpha((unsigned char)*p)) {
			if ((unsigned char)*p >= 0x80)
				return 0; /* letters of other scripts: assume a name */
			p++;
			continue;
		}
		const char *w = p;
		while (isalpha((unsigned char)*p) || *p == '.')
			p++;
		int known = 0;
		for (const char *const *d = date_words; *d && !known; d++) {
			size_t dl = strlen(*d), wl = (size_t)(p - w);
			known = wl >= dl && !strncasecmp(w, *d, dl) && (wl <= 2 || dl >= 3);
			if (dl == 2 && wl != 2)
				known = 0;
		}
		if (!known)
			return 0;
	}
	char iso[40];
	return !html_meta_date(text, iso, sizeof iso) || !strpbrk(text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

/* Subtrees where a byline-named block is a commenter's or a form's, not the article's. */
static int byline_skip(const xmlNode *n)
{
	static const char *const tags[] = {
		"head", "script", "style", "template", "form", "textarea", "select", NULL,
	};
	static const char *const names[] = {"comment", "respond", "reply", "replies", "disqus", NULL};
	const char *hidden = dom_attr(n, "aria-hidden");
	return dom_is_any(n, tags) || dom_attr(n, "hidden") || (hidden && !strcasecmp(hidden, "true")) ||
	       dom_class_has(n, names);
}

/* The byline-named element's text in out when it reads like one. 0 or -1 (memory). */
static int byline_text(xmlNode *n, struct buf *out)
{
	buf_reset(out);
	/* as written, spaces and all: a long block is not a byline however it is named */
	if (raw_text_len(n, BYLINE_MAX) >= BYLINE_MAX)
		return 0;
	/* itemprop=author wraps the name in itemprop=name, beside job titles */
	xmlNode *name = NULL;
	if (dom_attr(n, "itemprop"))
		for (xmlNode *c = n; c && !name; c = dom_next(c, n, 0)) {
			const char *cip = dom_attr(c, "itemprop");
			if (c != n && cip && !strcasecmp(cip, "name"))
				name = c;
		}
	if (dom_text(name ? name : n, out, BYLINE_MAX + 1))
		return -1;
	dom_text_trim(out);
	/* "By" and nothing after it names no one */
	int bare = out->len && out->len <= 3 && !strncasecmp(out->data, "by", 2);
	if (!out->len || out->len >= BYLINE_MAX || bare || only_a_date(out->data))
		buf_reset(out);
	return 0;
}

/* The page's own byline: rel=author, itemprop author, or a byline-named block. */
static int dom_byline(xmlNode *root, struct buf *out)
{
	static const char *const names[] = {"byline", "author", "dateline", "writtenby", "p-author", NULL};
	for (xmlNode *n = root; n;) {
		if (byline_skip(n)) {
			n = dom_next(n, root, 1);
			continue;
		}
		const char *rel = dom_attr(n, "rel"), *ip = dom_attr(n, "itemprop");
		if ((rel && !strcasecmp(rel, "author")) || (ip && dom_icontains(ip, "author")) ||
		    dom_class_has(n, names)) {
			if (byline_text(n, out))
				return -1;
			if (out->len)
				return 0;
		}
		n = dom_next(n, root, 0);
	}
	buf_reset(out);
	return 0;
}

/* The page's own date: itemprop datePublished, <time pubdate>, then the first <time datetime>. */
static int dom_date(xmlNode *root, char *out, size_t cap)
{
	const char *first = NULL;
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		const char *ip = dom_attr(n, "itemprop");
		const char *dt = dom_attr(n, "datetime");
		if (ip && !strcasecmp(ip, "datePublished")) {
			const char *v = dt ? dt : dom_attr(n, "content");
			if (v && !html_meta_date(v, out, cap))
				return 0;
		}
		if (dom_is(n, "time") && dt) {
			if (dom_attr(n, "pubdate") && !html_meta_date(dt, out, cap))
				return 0;
			if (!first)
				first = dt;
		}
	}
	return first ? html_meta_date(first, out, cap) : -1;
}

static const char *canonical_link(xmlNode *root)
{
	for (xmlNode *n = root; n; n = dom_next(n, root, 0))
		if (dom_is(n, "link")) {
			const char *rel = dom_attr(n, "rel"), *href = dom_attr(n, "href");
			if (rel && !strcasecmp(rel, "canonical") && href && is_url(href))
				return href;
		}
	return NULL;
}

/* Sets *field to a cleaned copy of s (whitespace collapsed, controls gone) when still NULL. */
/* Appends s to b with the character references HTML pages leave escaped in
 * metadata ("&#8217;", "&amp;") decoded. */
static void unescape(struct buf *b, const char *s)
{
	static const struct {
		const char *name, *utf8;
	} named[] = {
		{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
		{"hellip", "\xE2\x80\xA6"}, {"mdash", "\xE2\x80\x94"}, {"ndash", "\xE2\x80\x93"},
		{"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"}, {"ldquo", "\xE2\x80\x9C"},
		{"rdquo", "\xE2\x80\x9D"}, {"pound", "\xC2\xA3"}, {"euro", "\xE2\x82\xAC"},
		{"copy", "\xC2\xA9"},
	};
	while (*s) {
		const char *semi = *s == '&' ? strchr(s, ';') : NULL;
		if (semi && semi - s <= 10) {
			char out[8];
			size_t n = 0, nl = (size_t)(semi - s - 1);
			if (s[1] == '#') {
				char *end;
				unsigned long cp = s[2] == 'x' || s[2] == 'X' ? strtoul(s + 3, &end, 16) : strtoul(s + 2, &end, 10);
				if (end == semi && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
					n = utf8_encode((uint32_t)cp, out);
			} else {
				for (size_t i = 0; i < sizeof named / sizeof *named && !n; i++)
					if (nl == strlen(named[i].name) && !strncmp(s + 1, named[i].name, nl))
						n = strlen(named[i].utf8), memcpy(out, named[i].utf8, n);
			}
			if (n) {
				dom_text_append(b, out, n);
				s = semi + 1;
				continue;
			}
		}
		size_t run = strcspn(s + 1, "&") + 1; /* whole runs, so multi-byte characters stay whole */
		dom_text_append(b, s, run);
		s += run;
	}
}

static int fill(char **field, const char *s)
{
	if (*field || blank(s))
		return 0;
	struct buf b = BUF_INIT;
	unescape(&b, s);
	dom_text_trim(&b);
	int rc = b.failed ? -1 : b.len ? article_set(field, b.data, b.len) : 0;
	buf_free(&b);
	return rc;
}

static const char *first_of(const struct meta *m, const enum meta_key *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m->v[keys[i]])
			return m->v[keys[i]];
	return NULL;
}

/* 1 when an h1 or h2 of the page reads exactly title. */
static int heading_equals(xmlNode *root, const char *title)
{
	struct buf b = BUF_INIT;
	int eq = 0;
	for (xmlNode *n = root; n && !eq; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "h1") && !dom_is(n, "h2"))
			continue;
		buf_reset(&b);
		dom_text(n, &b, TITLE_MAX);
		dom_text_trim(&b);
		eq = b.data && !strcmp(b.data, title);
	}
	buf_free(&b);
	return eq;
}

static int read_title(xmlNode *root, struct article *a, const struct meta *m, const struct jsonld_article *j, const char *site)
{
	char clean[TITLE_MAX];
	clean[0] = '\0';
	if (m->title && strstr(m->title, ": ") && heading_equals(root, m->title))
		snprintf(clean, sizeof clean, "%s", m->title); /* the colon belongs to the headline */
	else if (m->title)
		html_meta_clean_title(m->title, site, clean, sizeof clean);
	const char *t = NULL;
	if (j->name && j->headline && strcmp(j->name, j->headline)) {
		int hm = similarity(j->headline, clean) > 0.75, nm = similarity(j->name, clean) > 0.75;
		t = hm && !nm ? j->headline : j->name;
	} else {
		t = j->name ? j->name : j->headline;
	}
	static const enum meta_key keys[] = {
		M_DC_TITLE, M_DCTERM_TITLE, M_OG_TITLE, M_WEIBO_ARTICLE_TITLE, M_WEIBO_WEBPAGE_TITLE,
		M_TITLE, M_TWITTER_TITLE, M_PARSELY_TITLE,
	};
	if (!t)
		t = first_of(m, keys, sizeof keys / sizeof *keys);
	if (!t && clean[0])
		t = clean;
	/* "Headline | Site": what the cleaning cut off names the site */
	size_t cl = strlen(clean);
	if (!a->site && m->title && cl && !strncmp(m->title, clean, cl)) {
		const char *rest = m->title + cl;
		size_t k = separator_at(rest, NULL);
		if (k && words(rest + k) >= 1 && words(rest + k) <= 4 && fill(&a->site, rest + k))
			return -1;
	}
	return fill(&a->headline, t);
}

int html_meta_read(xmlDoc *doc, struct article *a)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root)
		return 0;
	struct meta m;
	memset(&m, 0, sizeof m);
	struct jsonld_article j;
	memset(&j, 0, sizeof j);
	struct buf by = BUF_INIT;
	char date[40];
	int rc = -1;
	meta_collect(root, &m);
	if (m.title_buf.failed || html_jsonld_read(root, &j))
		goto done;
	const char *site = j.site ? j.site : m.v[M_OG_SITE_NAME];
	if (fill(&a->site, site) || read_title(root, a, &m, &j, site))
		goto done;
	static const enum meta_key by_keys[] = {M_DC_CREATOR, M_DCTERM_CREATOR, M_AUTHOR, M_PARSELY_AUTHOR};
	const char *byline = j.byline ? j.byline : first_of(&m, by_keys, sizeof by_keys / sizeof *by_keys);
	if (!byline && m.v[M_ARTICLE_AUTHOR] && !is_url(m.v[M_ARTICLE_AUTHOR]))
		byline = m.v[M_ARTICLE_AUTHOR];
	if (!byline && !a->byline) {
		if (dom_byline(root, &by))
			goto done;
		byline = by.len ? by.data : NULL;
	}
	if (fill(&a->byline, byline))
		goto done;
	if (!a->published) {
		static const enum meta_key date_keys[] = {
			M_ARTICLE_PUBLISHED, M_PARSELY_PUB_DATE, M_DC_DATE, M_DCTERMS_CREATED, M_PUBDATE,
			M_PUBLISH_DATE, M_SAILTHRU_DATE, M_ITEMPROP_DATE, M_DATE,
		};
		int found = j.published && !html_meta_date(j.published, date, sizeof date);
		for (size_t i = 0; !found && i < sizeof date_keys / sizeof *date_keys; i++)
			found = m.v[date_keys[i]] && !html_meta_date(m.v[date_keys[i]], date, sizeof date);
		if (!found)
			found = !dom_date(root, date, sizeof date);
		if (found && article_set(&a->published, date, strlen(date)))
			goto done;
	}
	if (!a->url) {
		const char *u = canonical_link(root);
		if (!u && m.v[M_OG_URL] && is_url(m.v[M_OG_URL]))
			u = m.v[M_OG_URL];
		if (!u && j.url && is_url(j.url))
			u = j.url;
		if (fill(&a->url, u))
			goto done;
	}
	rc = 0;
done:
	html_jsonld_free(&j);
	buf_free(&m.title_buf);
	buf_free(&by);
	return rc;
}
