/*
 * feed_xml.h: the SAX engine shared by the RSS/RDF and Atom readers.
 *
 * feed_xml_parse() streams a UTF-8 document prepared by xmlprep (no DTD,
 * CDATA sections lifted out and handed back whole) through libxml2's SAX2
 * push parser in 64 KB slices (RECOVER | NONET, never NOENT/DTDLOAD/HUGE)
 * and keeps only a stack of open elements and the text of the one field
 * being read, so memory grows with the feed model, not the document tree. Each element
 * below the channel or an item is given a role by the format's reader
 * (feed_rss.c, feed_atom.c); a field's text, or its child markup serialised
 * as HTML, is handed back to the reader when the field ends.
 *
 * Ownership: struct fx and its frames belong to feed_xml_parse(); frame names
 * point into libxml2's dictionary and live for the parse only; frame bases
 * are owned by the frame that set them (own_base).
 */
#ifndef DATELINE_FEED_XML_H
#define DATELINE_FEED_XML_H

#include "base.h"

#include <stddef.h>

struct feed;
struct feed_item;

#define FEED_MAX_ITEMS 10000 /* items read from one feed */
#define FEED_MAX_DEPTH 128   /* element nesting */
#define FEED_MAX_CATEGORIES 256 /* categories kept per item; more are ignored */
#define FEED_MAX_ENCLOSURES 64  /* enclosures kept per item; more are ignored */

enum fx_ns {
	FX_NS_CORE, FX_NS_ATOM, FX_NS_DC, FX_NS_DCTERMS, FX_NS_CONTENT, FX_NS_MEDIA, FX_NS_XHTML, FX_NS_RDF, FX_NS_ITUNES,
	FX_NS_OTHER
};
/* FX_WRAP: an element around the feed (an XHTML page holding an Atom <feed>), searched for one */
enum fx_role { FX_SKIP, FX_ROOT, FX_CHANNEL, FX_ITEM, FX_PERSON, FX_GROUP, FX_FIELD, FX_MARKUP, FX_WRAP };
enum fx_text { FX_TEXT, FX_HTML, FX_XHTML, FX_XHTML_WRAPPED, FX_BASE64 };
enum fx_kind { FX_RSS, FX_RDF, FX_ATOM };

struct fx_frame {
	const char *name; /* local name */
	enum fx_ns ns;
	enum fx_role role;
	enum fx_text text; /* FIELD: how its value reads */
	int quiet;        /* MARKUP: an XHTML wrapper <div>, not serialised */
	int flag;         /* reader's own mark (RSS guid isPermaLink) */
	char *base;       /* xml:base in effect, or NULL */
	int own_base;     /* 1 when this frame allocated base */
};

/* One attribute as libxml2's SAX2 gives it (value not NUL-terminated). */
struct fx_attr {
	const char *name, *uri;       /* local name, namespace URI or NULL */
	const char *value, *value_end; /* the value's bytes */
};

struct fx {
	void *ctxt;               /* the xmlParserCtxtPtr */
	struct feed *feed;        /* being filled */
	struct feed_item *item;   /* current item, or NULL */
	enum fx_kind kind;
	struct fx_frame stack[FEED_MAX_DEPTH]; /* open elements */
	int depth;                /* number open */
	struct buf text;          /* the current field's text or markup */
	int markup;               /* 1 once the field had a child element */
	enum fx_text field_text;  /* how the open field's value reads */
	int guid_is_link;         /* RSS: the item's guid is a permalink */
	int updated_rank;         /* RSS channel: how good the date in feed->updated is */
	char *person_name;        /* Atom author/contributor being read */
	char *person_email;       /* its email */
	char *feed_author;        /* Atom feed-level author, inherited by entries without one */
	int item_author_rank;     /* 2 author, 1 contributor, 0 none yet */
	int stopped;              /* 1 after a limit stopped the parse */
	char err[256];            /* why it stopped */
	char xml_err[200];        /* first XML error, for refusals */
	int xml_err_line;         /* its line */
	const struct xmlprep *prep; /* the prepared document and its lifted CDATA */
};

struct xmlprep;
/* Parses the prepared UTF-8 document (see xmlprep.h); 0 with f filled or -1 with err. */
int feed_xml_parse(const struct xmlprep *doc, const char *base_url, struct feed *f, char *err, size_t errlen);

/*
 * The values side (feed_values.c). A copy of the attribute value s..e
 * (libxml2 hands "&" over as "&#38;" without entity substitution; undone).
 */
char *fx_attr_copy(const char *s, const char *e);
/* s resolved against base (NULL or "" for none), malloc'd; s as given when it does not parse. */
char *fx_resolve_url(const char *base, const char *s);
/* 1 for attributes that hold URLs (href, src, ...). */
int fx_is_url_attr(const char *name, size_t len);
/* The value of attribute (uri or NULL for none, name) as a malloc'd string, or NULL. */
char *fx_attr_get(const struct fx_attr *a, int n, const char *uri, const char *name);
/* 1 when the attribute is present with this value (ASCII case-insensitive). */
int fx_attr_is(const struct fx_attr *a, int n, const char *name, const char *value);
/* s resolved against the frame's base: malloc'd, or NULL when out of memory. */
char *fx_resolve(const struct fx_frame *f, const char *s);
/*
 * Takes the malloc'd HTML and returns it with stray '<' escaped and href/src
 * resolved against base (may be NULL): html itself when nothing changes,
 * else a new string (html is freed). NULL when out of memory.
 */
char *fx_clean_html(char *html, const char *base);
/* Replaces *field with v (taking ownership); v may be NULL. */
void fx_take(char **field, char *v);
/* Trims white space around s in place; returns s. */
char *fx_trim(char *s);
struct moment;
/*
 * When s (NULL allowed) is a date with a year (decode.h date_read()), sets
 * *field to its normal form "YYYY-MM-DDTHH:MM:SSZ" and *at to its time and
 * returns 1; else leaves both and returns 0. -1 when out of memory.
 */
int fx_set_date(char **field, struct moment *at, const char *s);
/* fx_set_date() of the current item's updated date, or the feed's outside an item; 1 when set (stops the parse when out of memory). */
int fx_set_updated(struct fx *x, const char *s);
/* fx_set_date() of the current item's published date (none outside an item); 1 when set. */
int fx_set_published(struct fx *x, const char *s);
/* The name in "me@example.com (Name)" or "Name <me@example.com>", else s; malloc'd. */
char *fx_author_name(const char *s);
/* Decodes base64 text (white space ignored); malloc'd, NULL when invalid. */
char *fx_base64(const char *s);
/*
 * feed_item_add_category() / _enclosure() up to the limits above: past them
 * the value is dropped (returning 0), so a hostile item cannot make the
 * de-duplication quadratic. -1 only when out of memory.
 */
int fx_add_category(struct feed_item *it, const char *term);
int fx_add_enclosure(struct feed_item *it, const char *url, const char *type, long long length);
/* Stops the parse with a message. */
void fx_stop(struct fx *x, const char *msg);

/* Extension vocabularies shared by both readers (Dublin Core, content, Media RSS, XHTML body). */
enum fx_role fx_ext_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na);
void fx_ext_end(struct fx *x, struct fx_frame *f, char *value);

/* The format readers: role of an element under channel/item/group, and the end of a field or item. */
enum fx_role fx_rss_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na);
void fx_rss_end(struct fx *x, struct fx_frame *f, char *value);
void fx_rss_item_end(struct fx *x, struct fx_frame *f);
enum fx_role fx_atom_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na);
void fx_atom_end(struct fx *x, struct fx_frame *f, char *value);
void fx_atom_item_end(struct fx *x, struct fx_frame *f);

#endif
