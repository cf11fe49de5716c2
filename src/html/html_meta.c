/*
 * html_meta.c: page metadata. The order of sources follows what readers
 * have come to expect from Mozilla Readability: structured data first
 * (JSON-LD, Dublin Core, OpenGraph), the page's own markup after.
 */
#include "html_meta.h"
#include "model.h"
#include "base.h"
#include "decode.h"
#include "html_dom.h"
#include "html_byline.h"
#include "html_date.h"
#include "html_headline.h"
#include "html_jsonld.h"
#include "html_title.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 1024

/* The meta names read, in normalised form (lower case, no blanks, '.' as ':'). */
enum meta_key {
	M_DC_TITLE, M_DCTERM_TITLE, M_OG_TITLE, M_WEIBO_ARTICLE_TITLE, M_WEIBO_WEBPAGE_TITLE,
	M_TITLE, M_TWITTER_TITLE, M_PARSELY_TITLE,
	M_DC_CREATOR, M_DCTERM_CREATOR, M_AUTHOR, M_PARSELY_AUTHOR, M_ARTICLE_AUTHOR,
	M_OG_SITE_NAME, M_ARTICLE_PUBLISHED, M_PARSELY_PUB_DATE,
	M_DC_DATE, M_DCTERMS_CREATED, M_PUBDATE, M_PUBLISH_DATE, M_DATE, M_SAILTHRU_DATE,
	M_ITEMPROP_DATE, M_OG_URL, M_TW_LABEL1, M_TW_DATA1, M_TW_LABEL2, M_TW_DATA2, M_COUNT
};
static const char *const meta_names[M_COUNT] = {
	"dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
	"title", "twitter:title", "parsely-title",
	"dc:creator", "dcterm:creator", "author", "parsely-author", "article:author",
	"og:site_name", "article:published_time", "parsely-pub-date",
	"dc:date", "dcterms:created", "pubdate", "publish-date", "date", "sailthru:date",
	"itemprop:datepublished", "og:url", "twitter:label1", "twitter:data1", "twitter:label2", "twitter:data2",
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
			if (!strcmp(key, meta_names[i]) || (alt && !strcmp(alt, meta_names[i]))) {
				m->v[i] = value;
				hit = 1;
			}
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

static int is_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
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
	const char *end = s + strlen(s);
	while (*s) {
		uint32_t cp;
		size_t n = *s == '&' ? entity_decode(s, (size_t)(end - s), &cp) : 0;
		if (n) {
			char out[4];
			dom_text_append(b, out, utf8_encode(cp, out));
			s += n;
			continue;
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

/* The host of the page's URL into out ("" when none). */
static void page_host(const xmlDoc *doc, char *out, size_t cap)
{
	const char *u = doc->URL ? (const char *)doc->URL : "";
	const char *h = strstr(u, "://");
	out[0] = '\0';
	if (h && cap)
		snprintf(out, cap, "%.*s", (int)strcspn(h + 3, "/:?#"), h + 3);
}

static int read_title(xmlNode *root, struct article *a, const struct meta *m, const struct headline_sources *src,
                      const char *site)
{
	char clean[TITLE_MAX];
	clean[0] = '\0';
	if (m->title && strstr(m->title, ": ") && heading_equals(root, m->title))
		snprintf(clean, sizeof clean, "%s", m->title); /* the colon belongs to the headline */
	else if (m->title)
		html_title_clean(m->title, site, clean, sizeof clean);
	struct buf h = BUF_INIT;
	if (html_headline_pick(root, src, &h)) {
		buf_free(&h);
		return -1;
	}
	/* "Headline | Site": what the cleaning cut off names the site */
	char site_part[TITLE_MAX];
	int rc = 0;
	if (!a->site && m->title && html_title_site(m->title, clean, site_part, sizeof site_part))
		rc = fill(&a->site, site_part);
	if (!rc)
		rc = fill(&a->headline, h.len ? h.data : NULL);
	buf_free(&h);
	return rc;
}

/*
 * The byline into by: the first author named in the metadata that is not
 * the site itself (pages put their own name in <meta name=author>), else
 * the page's byline markup, else a "By ..." line of text. 0 or -1 (memory).
 */
static int read_byline(xmlNode *root, const struct article *a, const struct meta *m,
                       const struct jsonld_article *j, const struct headline_sources *src, struct buf *by)
{
	const char *art = m->v[M_ARTICLE_AUTHOR] && !is_url(m->v[M_ARTICLE_AUTHOR]) ? m->v[M_ARTICLE_AUTHOR] : NULL;
	/* twitter:label1 "Written by" / "Verfasst von" with the name in twitter:data1 */
	const char *card = NULL;
	for (int k = 0; k < 2 && !card; k++) {
		const char *label = m->v[k ? M_TW_LABEL2 : M_TW_LABEL1], *data = m->v[k ? M_TW_DATA2 : M_TW_DATA1];
		if (label && data && (dom_icontains(label, "written") || dom_icontains(label, "verfasst") ||
		                      dom_icontains(label, "autor") || dom_icontains(label, "author") ||
		                      dom_icontains(label, "auteur") || dom_icontains(label, "escrito")))
			card = data;
	}
	const char *cands[] = {j->byline, m->v[M_DC_CREATOR], m->v[M_DCTERM_CREATOR], m->v[M_AUTHOR],
	                       m->v[M_PARSELY_AUTHOR], art, card};
	buf_reset(by);
	if (a->byline)
		return 0;
	/* the site's own name stands in only when no person is named anywhere */
	const char *site_named = NULL;
	for (size_t i = 0; i < sizeof cands / sizeof *cands && !by->len; i++) {
		if (blank(cands[i]) || html_date_only(cands[i]))
			continue;
		if (html_headline_names_site(cands[i], src)) {
			site_named = site_named ? site_named : cands[i];
			continue;
		}
		unescape(by, cands[i]);
		dom_text_trim(by);
	}
	if (!by->len && html_byline_in_page(root, by))
		return -1;
	struct buf fallback = BUF_INIT;
	if (by->len && html_headline_names_site(by->data, src)) {
		buf_puts(&fallback, by->data);
		buf_reset(by);
	}
	if (!by->len && html_byline_in_text(root, by)) {
		buf_free(&fallback);
		return -1;
	}
	if (!by->len && site_named) {
		unescape(by, site_named);
		dom_text_trim(by);
	} else if (!by->len && fallback.len) {
		buf_puts(by, fallback.data);
	}
	buf_free(&fallback);
	html_byline_clean(by);
	/* "Posted on" once its date is cut off names no one */
	if (by->len && html_date_only(by->data))
		buf_reset(by);
	return by->failed ? -1 : 0;
}

/* A page without any title still has its headline set in the first <h1>. */
static int first_h1(xmlNode *root, struct article *a)
{
	for (xmlNode *n = root; n; n = dom_next(n, root, 0))
		if (dom_is(n, "h1")) {
			struct buf b = BUF_INIT;
			dom_text(n, &b, TITLE_MAX);
			dom_text_trim(&b);
			int rc = b.failed ? -1 : b.len ? article_set(&a->headline, b.data, b.len) : 0;
			buf_free(&b);
			return rc;
		}
	return 0;
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
	char host[256];
	page_host(doc, host, sizeof host);
	struct headline_sources src = {
		{j.headline, m.v[M_DC_TITLE], m.v[M_DCTERM_TITLE], m.v[M_OG_TITLE], m.v[M_TITLE], m.v[M_TWITTER_TITLE],
		 m.v[M_PARSELY_TITLE], m.title, j.name},
		{m.v[M_OG_SITE_NAME], j.site, NULL},
		host[0] ? host : NULL,
	};
	if (fill(&a->site, site) || read_title(root, a, &m, &src, site) || (!a->headline && first_h1(root, a)))
		goto done;
	if (read_byline(root, a, &m, &j, &src, &by))
		goto done;
	const char *byline = by.len ? by.data : NULL;
	if (fill(&a->byline, byline))
		goto done;
	if (!a->published) {
		static const enum meta_key date_keys[] = {
			M_ARTICLE_PUBLISHED, M_PARSELY_PUB_DATE, M_DC_DATE, M_DCTERMS_CREATED, M_PUBDATE,
			M_PUBLISH_DATE, M_SAILTHRU_DATE, M_ITEMPROP_DATE, M_DATE,
		};
		int found = j.published && !html_date_iso(j.published, date, sizeof date);
		for (size_t i = 0; !found && i < sizeof date_keys / sizeof *date_keys; i++)
			found = m.v[date_keys[i]] && !html_date_iso(m.v[date_keys[i]], date, sizeof date);
		if (!found)
			found = j.page_published && !html_date_iso(j.page_published, date, sizeof date);
		if (!found)
			found = !html_date_in_page(root, (const char *)doc->URL, date, sizeof date);
		if (found) {
			struct moment at;
			date_read(date, &at); /* the date found, to its time by the one date parser */
			if (article_set_published(a, date, at))
				goto done;
		}
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
