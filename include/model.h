/*
 * model.h: the public interface of src/model/: the article and the feed as the rest of the pipeline sees them.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_MODEL_H
#define DATELINE_MODEL_H

#include "base.h" /* enum date_precision, DATE_UNKNOWN */

#include <stddef.h>
#include <stdint.h>

/*
 * A date in the model: the time beside the string it was read from, so that
 * nothing downstream parses a date again. time is UTC seconds since
 * 1970-01-01 (64-bit), DATE_UNKNOWN when precision is DATE_NONE (no date) or
 * DATE_NO_YEAR (a month and day only); precision says what the source gave
 * (base.h: a day-only date is 00:00 UTC of that day). The parsers fill it
 * (decode.h date_read()); a new article, feed or item starts unknown.
 */
struct moment {
	int64_t time;
	enum date_precision precision;
};
#define MOMENT_UNKNOWN ((struct moment){.time = DATE_UNKNOWN, .precision = DATE_NONE})
/* 1 when m names an instant (a year at least). */
static inline int moment_known(struct moment m) { return m.precision >= DATE_YEAR; }

/*
 * article.h: the article model every stage of dateline speaks.
 *
 * Depends on base (array_grow()) and libc. Parsers fill it, analysis adds quotes and
 * entities, the store saves and loads it, interfaces render it.
 *
 * Ownership: an article owns every string and array reachable from it. All
 * strings are NUL-terminated UTF-8, allocated with malloc, and freed by
 * article_free(). Setters copy their arguments; pointers returned by the
 * adders (article_add_section(), ...) stay valid only until the next call that
 * adds to the same array, because arrays grow with realloc (array_grow():
 * code that fills an array itself keeps its cap_ count true).
 *
 * Positions: a quote or mention is located by section index, paragraph index
 * within that section, and byte offsets [start, end) into that paragraph's
 * text. Section index -1 in a mention means the headline; paragraph index -1
 * in a section means that section's heading.
 */
enum entity_type {
	ENTITY_PERSON,
	ENTITY_ORGANIZATION,
	ENTITY_PLACE,
	ENTITY_OTHER /* a work, event, law, product or vehicle: named, but none of the three above */
};

struct dateline {
	char *place;   /* title-cased place ("Buffalo, N.Y."), or NULL */
	char *date;    /* ISO "YYYY-MM-DD", "XXXX-MM-DD" when the year is unknown, or NULL */
	struct moment date_at; /* date's day (DATE_DAY), or DATE_NO_YEAR / DATE_NONE */
	char *agency;  /* "AP", "Reuters", the opening source ("afrol News"), or NULL */
	char *raw;     /* the dateline as written, dash included */
};

struct section {
	char *heading;        /* section heading, or NULL for the untitled lead */
	char **paragraphs;    /* paragraph texts, one line each */
	size_t n_paragraphs;  /* number of paragraphs */
	size_t cap_paragraphs;/* allocated slots */
};

struct quote {
	char *text;        /* the quotation without its marks */
	char *speaker;     /* canonical entity name of who said it, or NULL */
	char *cue;         /* reporting verb ("said"), or NULL */
	int partial;       /* 1 when a fragment inside a sentence */
	int section;       /* section index */
	int paragraph;     /* paragraph index within the section (first one if several) */
	size_t start;      /* byte offset of text in the paragraph */
	size_t end;        /* byte offset one past the text, in paragraph end_paragraph */
	int end_paragraph; /* paragraph where the quote ends (multi-paragraph quotes) */
};

struct mention {
	int section;       /* section index, -1 for the headline */
	int paragraph;     /* paragraph index within the section */
	size_t start;      /* byte offset in the paragraph */
	size_t end;        /* one past the last byte */
};

struct entity {
	char *name;                /* canonical name: "Donald Trump" */
	enum entity_type type;     /* person, organization, place or other */
	char **aliases;            /* other names it goes by in the text */
	size_t n_aliases;          /* number of aliases */
	size_t cap_aliases;        /* allocated slots */
	char *role;                /* "U.S. President", or NULL */
	struct mention *mentions;  /* every mention, in text order */
	size_t n_mentions;         /* number of mentions */
	size_t cap_mentions;       /* allocated slots */
};

struct link {
	char *url;   /* absolute URL */
	char *text;  /* anchor text, or NULL */
};

struct article {
	char *source;          /* where it was read from: a path, "-" or a URL */
	char *url;             /* canonical URL, or NULL */
	char *site;            /* site name ("Reuters"), or NULL */
	char *headline;        /* headline, or NULL */
	int headline_derived;  /* 1 when made from the lede, not given */
	char *byline;          /* "By Jane Doe", or NULL */
	char *published;       /* "YYYY-MM-DD" or full ISO 8601, or NULL */
	struct moment published_at; /* published's time and precision (unknown when NULL) */
	struct dateline *dateline; /* NULL when the article has none */

	struct section *sections;  /* body in reading order */
	size_t n_sections;         /* number of sections */
	size_t cap_sections;       /* allocated slots */

	struct quote *quotes;      /* quotations in text order */
	size_t n_quotes;           /* number of quotations */
	size_t cap_quotes;         /* allocated slots */

	struct entity *entities;   /* people, organisations, places */
	size_t n_entities;         /* number of entities */
	size_t cap_entities;       /* allocated slots */

	struct link *links;        /* numbered references, [1] is links[0] */
	size_t n_links;            /* number of links */
	size_t cap_links;          /* allocated slots */
};

/* A new empty article, or NULL when out of memory. Free with article_free(). */
struct article *article_new(void);
/* Frees the article and everything it owns. NULL is allowed. */
void article_free(struct article *a);

/*
 * Replaces *field (one of the article's string fields) with a copy of the
 * first len bytes of s (NULL clears it). Returns 0, or -1 when out of memory
 * (the field is then unchanged).
 */
int article_set(char **field, const char *s, size_t len);

/* Sets the published date: a copy of s (NULL clears it) and its time at (kept only with s). 0 or -1. */
int article_set_published(struct article *a, const char *s, struct moment at);

/* Appends a section; heading may be NULL. Returns it, or NULL when out of memory. */
struct section *article_add_section(struct article *a, const char *heading);
/* Appends a copy of text[0..len) as a paragraph. Returns 0 or -1 (out of memory). */
int section_add_paragraph(struct section *s, const char *text, size_t len);

/* Sets the dateline (copies every field; NULLs allowed but raw; date_at starts unknown). 0 or -1. */
int article_set_dateline(struct article *a, const char *place, const char *date,
                         const char *agency, const char *raw);

/* Appends a zeroed quote whose strings the caller fills with article_set(). */
struct quote *article_add_quote(struct article *a);
/* Appends an entity named name of the given type. NULL when out of memory. */
struct entity *article_add_entity(struct article *a, const char *name, enum entity_type type);
/* Frees entity i and closes the gap; later entities move down one index. */
void article_remove_entity(struct article *a, size_t i);
/* Adds alias to e unless it equals the name or an existing alias. 0 or -1. */
int entity_add_alias(struct entity *e, const char *alias);
/* Appends a mention. 0 or -1. */
int entity_add_mention(struct entity *e, int section, int paragraph, size_t start, size_t end);
/* Appends a link; text may be NULL. Returns its 1-based number, or -1. */
int article_add_link(struct article *a, const char *url, const char *text);

/* "person", "organization", "place" or "other". */
const char *entity_type_name(enum entity_type t);
/* Total paragraphs across all sections. */
size_t article_paragraph_count(const struct article *a);
/* The paragraph at (section, paragraph), or NULL when out of range. */
const char *article_paragraph(const struct article *a, int section, int paragraph);

/*
 * feed.h: the feed model (RSS, RDF, Atom and JSON Feed alike).
 *
 * Depends on base (array_grow()) and libc. Ownership: a feed owns every string and array
 * reachable from it; all strings are NUL-terminated UTF-8 from malloc, freed
 * by feed_free(). Absent values are NULL. Pointers returned by the adders
 * stay valid until the next add to the same array (arrays grow by realloc).
 */
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
	struct moment published_at; /* their times, as the feed gave them ("2024" is DATE_YEAR) */
	struct moment updated_at;
	char *summary;    /* HTML or text as given; the content when the item has no summary */
	char *content;    /* full content (content:encoded, atom:content, JSON content_html/_text), or NULL */
	char **categories;          /* category terms */
	size_t n_categories;        /* number of categories */
	size_t cap_categories;      /* allocated slots */
	struct enclosure *enclosures; /* enclosures and media:content */
	size_t n_enclosures;        /* number of enclosures */
	size_t cap_enclosures;      /* allocated slots */
};

struct feed {
	char *format;      /* "rss2.0", "rss1.0", "rss0.90", "rss0.91", "atom1.0", "atom0.3", "jsonfeed1.1", ... */
	char *encoding;    /* charset of the source, lower case ("utf-8", "windows-1251") */
	char *title;       /* feed title, text or HTML as given (feed_text_plain() for display) */
	char *link;        /* the site's URL */
	char *description; /* subtitle / description */
	char *language;    /* "en-us", or NULL */
	char *updated;     /* "YYYY-MM-DDTHH:MM:SSZ", or NULL */
	struct moment updated_at; /* its time */
	struct feed_item *items; /* items in document order */
	size_t n_items;          /* number of items */
	size_t cap_items;        /* allocated slots */
};

/* A new empty feed, or NULL when out of memory. */
struct feed *feed_new(void);
/* Frees the feed and all it owns; NULL allowed. */
void feed_free(struct feed *f);
/* Appends an empty item (NULLs, zeroes, unknown dates); NULL when out of memory. */
struct feed_item *feed_add_item(struct feed *f);
/* The item's date: published, else updated (NULL when neither), its time in *at. */
const char *feed_item_date(const struct feed_item *it, struct moment *at);
/* Appends a copy of term unless already present. 0 or -1. */
int feed_item_add_category(struct feed_item *it, const char *term);
/* Appends an enclosure (type may be NULL, length -1 for unknown). 0 or -1. */
int feed_item_add_enclosure(struct feed_item *it, const char *url, const char *type, long long length);
/* Replaces *field with a copy of s (NULL clears). 0 or -1. */
int feed_set(char **field, const char *s);

#endif
