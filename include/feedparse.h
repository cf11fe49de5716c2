/*
 * feedparse.h: bytes to the feed model (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed).
 */
#ifndef DATELINE_FEEDPARSE_H
#define DATELINE_FEEDPARSE_H

#include <stddef.h>

struct feed;

/* Largest document feed_parse() reads. */
#define FEED_MAX_BYTES ((size_t)64 << 20)

/*
 * Parses data[0..len). content_type is the HTTP header's value (its charset
 * takes part in charset detection) or NULL; base_url resolves relative links
 * (or NULL). Returns 0 with *out set (caller frees with feed_free()), or -1
 * with a message in err a user can act on ("not a feed: HTML page",
 * "XML error line 3: ..."). Limits: FEED_MAX_BYTES of input, 10,000 items,
 * 128 levels of nesting; past them the feed is refused with a message saying
 * which. DTDs are never read: internal plain-text entities are substituted,
 * everything else in a DOCTYPE (external entities, nested expansions) is
 * ignored (see xmlprep.h).
 */
int feed_parse(const char *data, size_t len, const char *content_type, const char *base_url,
               struct feed **out, char *err, size_t errlen);

#endif
