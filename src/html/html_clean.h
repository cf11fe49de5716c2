/*
 * html_clean.h: removes from a parsed page what is never article content:
 * scripts and styles, navigation, asides, footers, forms, hidden blocks,
 * comment sections, share bars, related-article lists, newsletter boxes,
 * captions and credits, bylines and datelines set as metadata.
 *
 * Works in place on the tree (nodes are unlinked and freed); the caller
 * owns the document. Iterative, linear in the size of the page.
 */
#ifndef DATELINE_HTML_CLEAN_H
#define DATELINE_HTML_CLEAN_H

#include <libxml/tree.h>

enum {
	HTML_CLEAN_CLASSES = 1 /* also prune by class and id names (comments, share, ...) */
};

/*
 * Prunes root's subtree. Elements must have been measured (dom_measure):
 * a block holding most of the page's prose is kept even when its class
 * looks like boilerplate, since some sites name their whole layout oddly.
 */
void html_clean_prune(xmlNode *root, int flags);

/*
 * Cleans the chosen content after selection: drops blocks inside it that
 * are mostly links or controls (Readability's conditional cleaning in
 * spirit). Elements must be measured. 0, or -1 when out of memory.
 */
int html_clean_content(xmlNode *content);

#endif
