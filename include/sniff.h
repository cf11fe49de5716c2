/*
 * sniff.h: what kind of document a byte string is.
 */
#ifndef DATELINE_SNIFF_H
#define DATELINE_SNIFF_H

#include <stddef.h>

enum sniff_kind {
	SNIFF_TEXT,      /* plain-text article */
	SNIFF_HTML,      /* web page */
	SNIFF_FEED_XML,  /* RSS, RDF or Atom */
	SNIFF_FEED_JSON, /* JSON Feed */
	SNIFF_BINARY     /* none of the above */
};

/*
 * Decides from the bytes first, then the Content-Type header value (may be
 * NULL): a document that starts like a feed is a feed even when served as
 * text/html, and so on.
 */
enum sniff_kind sniff(const char *data, size_t len, const char *content_type);
/* "text", "html", "feed", "json feed", "binary". */
const char *sniff_name(enum sniff_kind k);

#endif
