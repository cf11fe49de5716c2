/*
 * html_title.h: a page's <title> without the site's name, and how alike two
 * titles are. Pure functions of their arguments; no allocation.
 */
#ifndef DATELINE_HTML_TITLE_H
#define DATELINE_HTML_TITLE_H

#include <stddef.h>

/*
 * Writes to out (cap bytes) the document title with the site's name cut off
 * (" | Site", " - Site", "Site: Title" handled as Readability does), site
 * (may be NULL) helping to decide. Returns the length.
 */
size_t html_title_clean(const char *title, const char *site, char *out, size_t cap);

/*
 * When clean (html_title_clean's result) is title minus a short trailing
 * part after a separator ("Headline | Valley Times"), writes that part (the
 * site's name) to out and returns 1; else 0.
 */
int html_title_site(const char *title, const char *clean, char *out, size_t cap);

/* Share of b's letters in words that a also has (0..1), ignoring case. */
double html_title_similarity(const char *a, const char *b);

#endif
