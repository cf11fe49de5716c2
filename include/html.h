/*
 * html.h: the public interface of src/html/: web pages into articles: main-content extraction and metadata.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_HTML_H
#define DATELINE_HTML_H

#include <stddef.h>

/*
 * html.h: web pages to articles (main-content extraction and metadata).
 *
 * The stages, one module each: html.c (this entry: charset, parsing with
 * libxml2, fallbacks), html_meta.c (headline, byline, date, site, with
 * html_jsonld.c, html_title.c, html_date.c and html_byline.c), html_clean.c
 * (pruning what is never content), html_score.c (choosing the main
 * content), html_text.c (sections, paragraphs, links); html_dom.c holds the
 * tree helpers they share.
 */
struct article;

/*
 * Fills a (new, empty) article from the HTML page data[0..len). url (may be
 * NULL) resolves relative links; content_type (may be NULL) is the HTTP
 * header's value, whose charset wins over the page's own. Fields of a that
 * are already set (url, published from a feed) are kept. Returns 0, or -1
 * with a message in err ("no article found", ...). The article's strings are
 * valid UTF-8 without control characters.
 */
int html_parse(const char *data, size_t len, const char *url, const char *content_type,
               struct article *a, char *err, size_t errlen);

/*
 * Fills a from an HTML fragment data[0..len) in UTF-8, such as a feed
 * item's content: parsed once, scripts and other non-content removed, the
 * whole of it kept as sections and paragraphs (no main-content choice, no
 * page metadata). Fields of a already set (headline, url, published) are
 * kept; an h1 repeating the headline is dropped. url (may be NULL) resolves
 * relative links. 0, or -1 with err ("no text in the content", ...).
 */
int html_fragment_parse(const char *data, size_t len, const char *url, struct article *a,
                        char *err, size_t errlen);

/*
 * Writes to enc (cap bytes) the charset of the page: the Content-Type
 * header's (may be NULL), else the byte-order mark's, else <meta charset> or
 * http-equiv's in the first 64 KB, else decode.h charset_undeclared()'s
 * reading of the bytes. Labels come canonical (charset_canonical()), mapped as browsers do (latin1 and ascii are
 * windows-1252). Exposed for tests.
 */
void html_charset(const char *data, size_t len, const char *content_type, char *enc, size_t cap);

/*
 * A page's text in UTF-8: html_charset()'s choice read by the shared decoder
 * (decode.h charset_decode_best(), so the same bytes give the text a feed
 * gives). *text points into data when it already was clean UTF-8 (*owned
 * NULL), else to *owned, which the caller frees. 0, or -1 out of memory.
 */
int html_decode(const char *data, size_t len, const char *content_type, const char **text, size_t *textlen,
                char **owned);

#endif
