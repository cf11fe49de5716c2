/*
 * html.h: web pages to articles (main-content extraction and metadata).
 */
#ifndef DATELINE_HTML_H
#define DATELINE_HTML_H

#include <stddef.h>

struct article;

/*
 * Fills a (new, empty) article from the HTML page data[0..len). url (may be
 * NULL) resolves relative links; content_type (may be NULL) is the HTTP
 * header's value, whose charset wins over the page's own. Returns 0, or -1
 * with a message in err ("no article found", ...).
 */
int html_parse(const char *data, size_t len, const char *url, const char *content_type,
               struct article *a, char *err, size_t errlen);

#endif
