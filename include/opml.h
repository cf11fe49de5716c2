/*
 * opml.h: subscriptions to and from OPML (newsboat, newsraft, most readers).
 *
 * Import: every <outline> with an xmlUrl is a feed; its title is the title
 * attribute (else text); the titles of the outlines it sits in, and the
 * OPML 2.0 category attribute ("/news,/tech" or "news,tech"), become its
 * tags. Only http and https URLs are accepted; the rest are counted and
 * skipped. libxml2 runs with NONET and without entity substitution or DTD
 * loading.
 *
 * Export: feeds without tags at the top level; a tagged feed sits in an
 * outline named after its first tag and carries every tag in category, so
 * both nesting readers and category readers get them back.
 */
#ifndef DATELINE_OPML_H
#define DATELINE_OPML_H

#include <stddef.h>

struct feedlist;

struct opml_stats {
	size_t feeds;        /* feeds read */
	size_t skipped;      /* outlines with an xmlUrl that is not http(s) */
	char first_skip[200]; /* the first of them, for the message */
};

/*
 * Parses data[0..len) into fl, which must be empty. *html_urls gets an
 * array of fl->n strings (each the feed's htmlUrl or NULL), index-aligned
 * with fl->entries; free it with opml_free_links(*html_urls, fl->n).
 * Returns 0, or -1 with err ("not an OPML file", "XML error line 3: ...").
 */
int opml_parse(const char *data, size_t len, struct feedlist *fl, char ***html_urls,
               struct opml_stats *stats, char *err, size_t errlen);
void opml_free_links(char **links, size_t n);

/* Gives the site URL of a feed for htmlUrl, or NULL. */
typedef const char *(*opml_link_fn)(void *ctx, const char *feed_url);

/*
 * The OPML 2.0 document for fl (title names the document). link may be
 * NULL. Returns a malloc'd NUL-terminated string (the caller frees it), or
 * NULL when out of memory.
 */
char *opml_format(const struct feedlist *fl, const char *title, opml_link_fn link, void *ctx);

#endif
