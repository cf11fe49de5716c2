/*
 * discover.h: a web page's own feeds, from its
 * <link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>.
 */
#ifndef DATELINE_DISCOVER_H
#define DATELINE_DISCOVER_H

#include <stddef.h>

struct discovered_feed {
	char *url;   /* absolute http(s) URL */
	char *type;  /* the link's type attribute, lower case */
	char *title; /* the link's title attribute, or NULL */
};

/*
 * Reads html[0..len) (libxml2's HTML parser, NONET) and lists its feed
 * links in page order, each href resolved against <base href> and base_url.
 * Non-http(s) results are dropped. Returns 0 with *out (n entries, possibly
 * none; free with discover_free()), or -1 with err when the page cannot be
 * read at all.
 */
int discover_feeds(const char *html, size_t len, const char *base_url, struct discovered_feed **out,
                   size_t *n, char *err, size_t errlen);
void discover_free(struct discovered_feed *feeds, size_t n);

#endif
