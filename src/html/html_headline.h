/*
 * html_headline.h: the article's own headline among the page's title
 * sources (the <h1>s, JSON-LD headline, og:title, twitter:title, <title>),
 * never the site's name.
 *
 * What the sources share wins: an <h1> that the metadata titles repeat is
 * the headline; metadata titles lose the parts that name the site (the
 * og:site_name, the JSON-LD publisher, the host) before they are compared.
 * Ownership: out is the caller's buffer; nothing else is allocated.
 */
#ifndef DATELINE_HTML_HEADLINE_H
#define DATELINE_HTML_HEADLINE_H

#include <libxml/tree.h>
#include <stddef.h>

struct buf;

struct headline_sources {
	const char *titles[9]; /* metadata titles, best first (NULL where absent) */
	const char *sites[3];  /* the site's names (NULL where absent) */
	const char *host;      /* the page's host name, or NULL */
};

/*
 * Writes the headline to out (emptied first; left empty when the page has
 * none). root is the document's root element. 0, or -1 (memory).
 */
int html_headline_pick(xmlNode *root, const struct headline_sources *src, struct buf *out);

/*
 * Writes to out (cap bytes) title without the parts that name the site
 * (src's sites and host), cut at separators (" | ", " - ", " » "...) at
 * either end. Returns 1 when a part was cut, else 0 (out holds title).
 */
int html_headline_strip_site(const char *title, const struct headline_sources *src, char *out, size_t cap);

/* 1 when text names the site (one of src's sites, the host, a domain) rather than an article or a person. */
int html_headline_names_site(const char *text, const struct headline_sources *src);

/* Dice coefficient of the two texts' word sets (0..1), ignoring case. */
double html_headline_alike(const char *a, const char *b);

#endif
