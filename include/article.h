/*
 * article.h: the article model every stage of dateline speaks.
 *
 * Depends on nothing but libc. Parsers fill it, analysis adds quotes and
 * entities, the store saves and loads it, interfaces render it.
 *
 * Ownership: an article owns every string and array reachable from it. All
 * strings are NUL-terminated UTF-8, allocated with malloc, and freed by
 * article_free(). Setters copy their arguments; pointers returned by the
 * adders (article_add_section(), ...) stay valid only until the next call that
 * adds to the same array, because arrays grow with realloc.
 *
 * Positions: a quote or mention is located by section index, paragraph index
 * within that section, and byte offsets [start, end) into that paragraph's
 * text. Section index -1 in a mention means the headline; paragraph index -1
 * in a section means that section's heading.
 */
#ifndef DATELINE_ARTICLE_H
#define DATELINE_ARTICLE_H

#include <stddef.h>

enum entity_type {
	ENTITY_PERSON,
	ENTITY_ORGANIZATION,
	ENTITY_PLACE
};

struct dateline {
	char *place;   /* title-cased place ("Buffalo, N.Y."), or NULL */
	char *date;    /* ISO "YYYY-MM-DD", or NULL when not given or year unknown */
	char *agency;  /* "AP", "Reuters", or NULL */
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
	enum entity_type type;     /* person, organization or place */
	char **aliases;            /* other names it goes by in the text */
	size_t n_aliases;          /* number of aliases */
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

/* Appends a section; heading may be NULL. Returns it, or NULL when out of memory. */
struct section *article_add_section(struct article *a, const char *heading);
/* Appends a copy of text[0..len) as a paragraph. Returns 0 or -1 (out of memory). */
int section_add_paragraph(struct section *s, const char *text, size_t len);

/* Sets the dateline (copies every field; NULLs allowed but raw). 0 or -1. */
int article_set_dateline(struct article *a, const char *place, const char *date,
                         const char *agency, const char *raw);

/* Appends a zeroed quote whose strings the caller fills with article_set(). */
struct quote *article_add_quote(struct article *a);
/* Appends an entity named name of the given type. NULL when out of memory. */
struct entity *article_add_entity(struct article *a, const char *name, enum entity_type type);
/* Adds alias to e unless it equals the name or an existing alias. 0 or -1. */
int entity_add_alias(struct entity *e, const char *alias);
/* Appends a mention. 0 or -1. */
int entity_add_mention(struct entity *e, int section, int paragraph, size_t start, size_t end);
/* Appends a link; text may be NULL. Returns its 1-based number, or -1. */
int article_add_link(struct article *a, const char *url, const char *text);

/* "person", "organization" or "place". */
const char *entity_type_name(enum entity_type t);
/* Total paragraphs across all sections. */
size_t article_paragraph_count(const struct article *a);
/* The paragraph at (section, paragraph), or NULL when out of range. */
const char *article_paragraph(const struct article *a, int section, int paragraph);

#endif
