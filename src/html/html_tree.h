/*
 * html_tree.h: parses a page into a libxml2 tree whose size is bounded by the
 * page's, for the extraction stages (html_meta, html_clean, html_score, ...).
 *
 * libxml2's own tree builder spends about 270 bytes on every element and text
 * node: a page of <span>w</span> runs becomes a tree 20-30 times its size. The
 * builder here is libxml2's, behind a filter on its SAX events that
 *   - keeps only the attributes some extraction stage reads (HTML_TREE_ATTRS);
 *   - drops comments, processing instructions, and the text of <style> and of
 *     every <script> but JSON-LD;
 *   - stops at a budget of bytes (a multiple of the page's size, plus a floor):
 *     what follows is not read, as if the page ended there.
 * Normal pages stay far below the budget and get the tree they always had,
 * less the comments, the unread attributes and the script text.
 */
#ifndef DATELINE_HTML_TREE_H
#define DATELINE_HTML_TREE_H

#include <libxml/HTMLparser.h>
#include <stddef.h>

/* What one parse built, for tests and the bench. */
struct html_tree_stats {
	size_t elements;  /* elements created */
	int truncated;    /* 1 when the budget ended the page early */
	size_t cost;      /* estimated bytes of tree (and of the stats extraction hangs on it) */
	size_t budget;    /* the estimate's limit for this page */
	int deep;         /* 1 when the parse stopped at libxml2's nesting limit */
};

/*
 * Parses len bytes of UTF-8 HTML (url: the page's address for doc->URL, may
 * be NULL). clean: the caller knows the text is valid UTF-8 without NUL
 * bytes (html_decode() checked it); 0 has it checked here. Options are fixed
 * and safe: RECOVER, NONET, NOERROR, NOWARNING, COMPACT, IGNORE_ENC (never
 * NOENT, DTDLOAD or HUGE). stats may be NULL. Returns the document (caller
 * frees with xmlFreeDoc) or NULL (memory, or nothing libxml2 could read).
 */
xmlDoc *html_tree_parse(const char *text, size_t len, const char *url, int clean, struct html_tree_stats *stats);

/* 1 when text is valid UTF-8 without NUL bytes: what clean above promises. */
int html_tree_clean(const char *text, size_t len);

/* The tree budget for a page of len bytes. */
size_t html_tree_budget(size_t len);

#endif
