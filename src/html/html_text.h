/*
 * html_text.h: the chosen part of a page to the article's sections,
 * paragraphs and numbered links.
 *
 * Headings h1-h4 open sections (an h1 repeating the headline is dropped),
 * paragraphs, list items, block quotes, preformatted blocks and table rows
 * become paragraphs (one line each), figures are skipped (their captions and
 * credits are not prose), and every http(s) link becomes a numbered
 * reference (article_add_link) with its anchor text, duplicates once.
 * The text is valid UTF-8 without control characters.
 */
#ifndef DATELINE_HTML_TEXT_H
#define DATELINE_HTML_TEXT_H

#include <libxml/tree.h>
#include <stddef.h>

struct article;

/* Bytes of body text kept at most; the rest of a giant page is dropped. */
#define HTML_TEXT_MAX ((size_t)2 << 20)
/* Links kept at most. */
#define HTML_LINKS_MAX 500

/*
 * Appends the text of nodes[0..n) (tree-owned) to a. base (may be NULL)
 * resolves relative links. Returns 0, or -1 with err set (out of memory).
 */
int html_text_emit(xmlNode *const *nodes, size_t n, const char *base, struct article *a,
                   char *err, size_t errlen);

#endif
