/*
 * html_jsonld.h: the schema.org article description a page carries in
 * <script type="application/ld+json"> (top level, in arrays, in @graph).
 *
 * Ownership: every string in struct jsonld_article is malloc'd and owned by
 * it; html_jsonld_free() frees them.
 */
#ifndef DATELINE_HTML_JSONLD_H
#define DATELINE_HTML_JSONLD_H

#include <libxml/tree.h>

struct jsonld_article {
	char *headline;  /* "headline", or NULL */
	char *name;      /* "name", or NULL */
	char *byline;    /* author names joined with ", ", or NULL */
	char *published; /* "datePublished" as written, or NULL */
	char *site;      /* publisher's name, or NULL */
	char *url;       /* "url" or mainEntityOfPage's @id, or NULL */
	char *page_published; /* datePublished of another type (WebPage) when no article is described */
};

/* Reads the first article-typed JSON-LD object under root. 0, or -1 (memory). */
int html_jsonld_read(xmlNode *root, struct jsonld_article *out);
void html_jsonld_free(struct jsonld_article *j);

#endif
