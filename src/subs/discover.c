/* discover.c: feed autodiscovery from <link rel="alternate"> with libxml2's HTML parser. */
#include "subs.h"
#include "base.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const feed_types[] = {
	"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
};

struct found {
	struct discovered_feed *v; /* results */
	size_t n, cap;             /* used, allocated */
	xmlChar *base;             /* <base href> resolved against the page URL, or NULL */
	const char *page;          /* the page's URL, or NULL */
	int oom;                   /* 1 after an allocation failed */
};

/* 1 when the space-separated rel list holds "alternate". */
static int rel_alternate(const char *rel)
{
	const char *p = rel;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t l = strcspn(p, " \t\n");
		if (l == 9 && !strncasecmp(p, "alternate", 9))
			return 1;
		p += l;
	}
	return 0;
}

/* The value of attribute name in a start tag's list, or NULL. */
static const char *attr(const xmlChar **atts, const char *name)
{
	for (size_t i = 0; atts && atts[i]; i += 2)
		if (!strcasecmp((const char *)atts[i], name))
			return atts[i + 1] ? (const char *)atts[i + 1] : "";
	return NULL;
}

static char *prop(const xmlChar **atts, const char *name)
{
	const char *v = attr(atts, name);
	return v ? strdup(v) : NULL;
}

static void take_link(struct found *f, const xmlChar **atts)
{
	char *rel = prop(atts, "rel"), *type = prop(atts, "type"), *href = prop(atts, "href"), *title = NULL;
	xmlChar *abs = NULL;
	if (!rel || !type || !href || !*href || !rel_alternate(rel))
		goto out;
	for (char *p = type; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	type[strcspn(type, "; ")] = '\0';
	size_t k = 0;
	while (k < sizeof feed_types / sizeof *feed_types && strcmp(type, feed_types[k]))
		k++;
	if (k == sizeof feed_types / sizeof *feed_types)
		goto out;
	const xmlChar *base = f->base ? f->base : (const xmlChar *)f->page;
	abs = base ? xmlBuildURI((const xmlChar *)href, base) : xmlStrdup((const xmlChar *)href);
	if (!abs || !feedlist_url_ok((const char *)abs))
		goto out;
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].url, (const char *)abs))
			goto out;
	if (array_grow((void **)&f->v, &f->cap, f->n + 1, sizeof *f->v)) {
		f->oom = 1;
		goto out;
	}
	title = prop(atts, "title");
	struct discovered_feed *d = &f->v[f->n];
	d->url = strdup((const char *)abs);
	d->type = type;
	d->title = title;
	if (!d->url) {
		f->oom = 1;
		goto out;
	}
	f->n++;
	type = NULL;
	title = NULL;
out:
	xmlFree(abs);
	free(rel);
	free(type);
	free(href);
	free(title);
}

/* Every start tag, in document order: <base> sets the base of the links after it. */
static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct found *f = ((htmlParserCtxtPtr)ctx)->_private;
	if (!strcmp((const char *)name, "base") && !f->base) {
		const char *href = attr(atts, "href");
		if (href) {
			f->base = f->page ? xmlBuildURI((const xmlChar *)href, (const xmlChar *)f->page)
			                  : xmlStrdup((const xmlChar *)href);
		}
	} else if (!strcmp((const char *)name, "link") || !strcmp((const char *)name, "a")) {
		/* <a rel="alternate" type=...> is rare but means the same. */
		take_link(f, atts);
	}
}

int discover_feeds(const char *html, size_t len, const char *base_url, struct discovered_feed **out,
                   size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	if (len > INT_MAX) {
		snprintf(err, errlen, "page too large");
		return -1;
	}
	/* Start tags are all discovery needs: no tree is built, so a page of a
	 * million elements costs the parser's buffers, not a tree 30 times its size. */
	xmlInitParser(); /* as htmlReadMemory() does */
	htmlParserCtxtPtr ctxt = len ? htmlCreateMemoryParserCtxt(html, (int)len) : NULL;
	if (!ctxt) {
		snprintf(err, errlen, "cannot read the page as HTML");
		return -1;
	}
	struct found f;
	memset(&f, 0, sizeof f);
	f.page = base_url;
	memset(ctxt->sax, 0, sizeof *ctxt->sax);
	ctxt->sax->startElement = on_start;
	ctxt->_private = &f;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	htmlParseDocument(ctxt);
	htmlFreeParserCtxt(ctxt);
	xmlFree(f.base);
	if (f.oom) {
		discover_free(f.v, f.n);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*out = f.v;
	*n = f.n;
	return 0;
}

void discover_free(struct discovered_feed *feeds, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].type);
		free(feeds[i].title);
	}
	free(feeds);
}
