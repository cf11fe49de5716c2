/*
 * html_score.h: choosing the main content of a pruned page.
 *
 * Paragraph-like blocks score by length and commas; each hands its score to
 * its ancestors (less the further up). Containers named like articles, and
 * <article>, <main> and itemprop=articleBody, start ahead; a container's
 * final score is cut by its link density. The best container wins, its
 * qualifying siblings join it.
 *
 * Ownership: html_pick owns the nodes array (free with html_pick_free());
 * the nodes themselves belong to the document.
 */
#ifndef DATELINE_HTML_SCORE_H
#define DATELINE_HTML_SCORE_H

#include <libxml/tree.h>
#include <stddef.h>

struct html_pick {
	xmlNode **nodes; /* chosen blocks in document order (tree-owned) */
	size_t n;        /* number of nodes */
	xmlNode *top;    /* the best container (one of nodes) */
};

/*
 * Chooses the content under root. Elements must be measured (dom_measure).
 * Returns 0 (pick->n may be 0 when the page has no prose) or -1 (memory).
 */
int html_score_pick(xmlNode *root, struct html_pick *pick);
void html_pick_free(struct html_pick *pick);

/* -25, 0 or +25 from class and id names (article-like or boilerplate-like). */
int html_score_class_weight(const xmlNode *n);

#endif
