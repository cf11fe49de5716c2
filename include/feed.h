/*
 * feed.h: the public interface of src/feed/: RSS, Atom and JSON Feed parsing into the model.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_FEED_H
#define DATELINE_FEED_H

#include <stddef.h>

/*
 * feedparse.h: bytes to the feed model (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed).
 */
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

/*
 * feed_text.h: a feed field (plain text or HTML, as feeds mix them) as plain
 * text for display: tags dropped (block tags and <br> become a space),
 * character references decoded (the XML five, numeric ones and HTML's named
 * ones), white space collapsed, trimmed. The result still goes through the
 * sanitiser before it reaches a terminal.
 */
/*
 * A malloc'd plain-text rendering of s, cut after about max bytes (at a
 * character boundary, with "…" appended) when max > 0. NULL in gives NULL
 * out; NULL also when out of memory. The caller frees the result.
 */
char *feed_text_plain(const char *s, size_t max);

#endif
