/*
 * html_dom.h: small helpers over libxml2's HTML tree shared by the HTML
 * extraction stages (html_clean, html_score, html_meta, html_text).
 *
 * Every walk is iterative (parent/next pointers, no recursion, no stack), so
 * a page of 100,000 nested elements costs time, never the C stack.
 *
 * Ownership: nothing here allocates except dom_text(), which appends to a
 * caller-owned buf. Pointers returned by dom_attr() point into the tree and
 * live as long as the node.
 */
#ifndef DATELINE_HTML_DOM_H
#define DATELINE_HTML_DOM_H

#include "base.h"

#include <libxml/tree.h>
#include <stddef.h>

struct buf;

/* Per-element figures, hung on node->_private by dom_measure(). */
struct dom_stats {
	xmlNode *node;     /* the element measured */
	size_t text;      /* bytes of visible text (whitespace runs count one) */
	size_t own;       /* of which in the element's own text nodes */
	size_t flow;      /* of which outside child blocks (own text and inline elements') */
	size_t eff_text;  /* text left after html_clean_content's removals */
	size_t eff_link;  /* link text left after them */
	size_t eff_anchors; /* links left after them */
	size_t link;      /* bytes of that text inside <a> */
	size_t commas;    /* commas in the text, a sign of prose */
	size_t paras;     /* <p> elements inside (self included) */
	size_t lis;       /* <li> elements inside */
	size_t inputs;    /* form controls inside */
	size_t imgs;      /* images inside */
	double score;     /* content score given by html_score */
	int scored;       /* 1 once html_score initialised score */
	int picked;       /* 1 when html_score chose it as content */
};

/* The next element after n in document order within root; children are
 * skipped when skip_children is set. NULL at the end. */
xmlNode *dom_next(xmlNode *n, const xmlNode *root, int skip_children);
/* The first element in root's subtree (root itself). */
xmlNode *dom_first(xmlNode *root);

/* 1 when n is an element named tag (lower case, HTML names). */
int dom_is(const xmlNode *n, const char *tag);
/* 1 when n's name is in the NULL-terminated list. */
int dom_is_any(const xmlNode *n, const char *const *tags);
/* The attribute's value (pointer into the tree) or NULL. */
const char *dom_attr(const xmlNode *n, const char *name);
/* 1 when the element starts a new block of text (p, div, li, h2, ...). */
int dom_is_block(const xmlNode *n);
/* 1 when class or id contains one of the NULL-terminated words,
 * case-insensitively, as a substring ("^word": as a whole token, tokens
 * being split at blanks, '-' and '_'). */
int dom_class_has(const xmlNode *n, const char *const *words);

/*
 * Appends n's visible text to b, whitespace runs collapsed to one space,
 * control characters dropped, invalid UTF-8 replaced. Stops after max bytes
 * of b (0: no cap). Returns 0 or -1 (memory).
 */
int dom_text(const xmlNode *n, struct buf *b, size_t max);
/* Appends s the same way dom_text() does. 0 or -1. */
int dom_text_append(struct buf *b, const char *s, size_t len);
/* Removes leading and trailing spaces of b in place. */
void dom_text_trim(struct buf *b);

/*
 * Measures every element under root (post-order, iterative) into stats,
 * which must hold one entry per element (dom_count()); sets each element's
 * _private to its entry. Returns the number of entries used.
 */
size_t dom_measure(xmlNode *root, struct dom_stats *stats, size_t n);
/* Number of elements in root's subtree. */
size_t dom_count(xmlNode *root);
/* The element's stats, or NULL when not measured. */
struct dom_stats *dom_stats_of(const xmlNode *n);
/* Clears every _private under root (before the stats array is freed). */
void dom_unmeasure(xmlNode *root);

/* 1 when s contains w, ASCII case-insensitively (base.h's ascii_strcasestr). */
#define dom_icontains(s, w) (ascii_strcasestr((s), (w)) != NULL)

/* Unlinks and frees n (and its subtree). */
void dom_remove(xmlNode *n);

#endif
