/*
 * feedparse.h: bytes to the feed model (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed).
 */
#ifndef DATELINE_FEEDPARSE_H
#define DATELINE_FEEDPARSE_H

#include <stddef.h>

struct feed;

/*
 * Parses data[0..len). content_type is the HTTP header's value (its charset
 * takes part in charset detection) or NULL; base_url resolves relative links
 * (or NULL). Returns 0 with *out set (caller frees with feed_free()), or -1
 * with a message in err a user can act on ("not a feed: HTML page",
 * "XML error line 3: ...").
 */
int feed_parse(const char *data, size_t len, const char *content_type, const char *base_url,
               struct feed **out, char *err, size_t errlen);

#endif
