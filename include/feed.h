/*
 * feed.h: the feed model (RSS, RDF, Atom and JSON Feed alike).
 *
 * Depends on nothing but libc. Ownership: a feed owns every string and array
 * reachable from it; all strings are NUL-terminated UTF-8 from malloc, freed
 * by feed_free(). Absent values are NULL. Pointers returned by the adders
 * stay valid until the next add to the same array (arrays grow by realloc).
 */
#ifndef DATELINE_FEED_H
#define DATELINE_FEED_H

#include <stddef.h>

struct enclosure {
	char *url;        /* absolute URL */
	char *type;       /* MIME type, or NULL */
	long long length; /* bytes, or -1 when not given */
};

struct feed_item {
	char *id;         /* guid / id, or NULL */
	char *title;      /* as given: text, or HTML when the feed marks it so (Atom type="html"/"xhtml") */
	char *link;       /* absolute URL of the article */
	char *author;     /* name (and address when that is all there is) */
	char *published;  /* "YYYY-MM-DDTHH:MM:SSZ", or NULL */
	char *updated;    /* "YYYY-MM-DDTHH:MM:SSZ", or NULL */
	char *summary;    /* HTML or text as given; the content when the item has no summary */
	char *content;    /* full content (content:encoded, atom:content, JSON content_html/_text), or NULL */
	char **categories;          /* category terms */
	size_t n_categories;        /* number of categories */
	struct enclosure *enclosures; /* enclosures and media:content */
	size_t n_enclosures;        /* number of enclosures */
};

struct feed {
	char *format;      /* "rss2.0", "rss1.0", "rss0.90", "rss0.91", "atom1.0", "atom0.3", "jsonfeed1.1", ... */
	char *encoding;    /* charset of the source, lower case ("utf-8", "windows-1251") */
	char *title;       /* feed title, text or HTML as given (feed_text_plain() for display) */
	char *link;        /* the site's URL */
	char *description; /* subtitle / description */
	char *language;    /* "en-us", or NULL */
	char *updated;     /* "YYYY-MM-DDTHH:MM:SSZ", or NULL */
	struct feed_item *items; /* items in document order */
	size_t n_items;          /* number of items */
	size_t cap_items;        /* allocated slots */
};

/* A new empty feed, or NULL when out of memory. */
struct feed *feed_new(void);
/* Frees the feed and all it owns; NULL allowed. */
void feed_free(struct feed *f);
/* Appends a zeroed item; NULL when out of memory. */
struct feed_item *feed_add_item(struct feed *f);
/* Appends a copy of term unless already present. 0 or -1. */
int feed_item_add_category(struct feed_item *it, const char *term);
/* Appends an enclosure (type may be NULL, length -1 for unknown). 0 or -1. */
int feed_item_add_enclosure(struct feed_item *it, const char *url, const char *type, long long length);
/* Replaces *field with a copy of s (NULL clears). 0 or -1. */
int feed_set(char **field, const char *s);

#endif
