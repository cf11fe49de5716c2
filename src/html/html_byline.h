/*
 * html_byline.h: the byline a page shows in its markup (rel=author,
 * itemprop=author, byline- and author-named blocks), for pages whose
 * metadata names no author.
 */
#ifndef DATELINE_HTML_BYLINE_H
#define DATELINE_HTML_BYLINE_H

#include <libxml/tree.h>

struct buf;

/* Longest text taken as a byline; longer blocks are biographies or lists. */
#define HTML_BYLINE_MAX 100

/*
 * Writes into out (caller-owned, reset first) the first byline found under
 * root in document order, skipping hidden blocks, forms and comment
 * sections; out stays empty when there is none. 0, or -1 (memory).
 */
int html_byline_in_page(xmlNode *root, struct buf *out);

/*
 * Writes into out (reset first) a byline set as a line of text, "Von Jane
 * Doe", "By Jane Doe", "Por Juan Pérez", "Autor: ...", among the first
 * lines of the page, cleaned as html_byline_clean() does; empty when there
 * is none. 0, or -1 (memory).
 */
int html_byline_in_text(xmlNode *root, struct buf *out);

/* 1 when text is a byline line and nothing more ("Von Jane Doe", "By A and B"). */
int html_byline_line(const char *text);

/* 1 when a and b name the same source: equal but for case, or one the
 * other's initials ("AP" and "Associated Press", "dpa" and "Deutsche Presse-Agentur"). */
int html_byline_same_source(const char *a, const char *b);

/* Cuts from b the word that opens a byline ("By", "Von", "Por", "Autor:")
 * and what follows the name (" am 08.12.2022", " | 5 min"). */
void html_byline_clean(struct buf *b);

#endif
