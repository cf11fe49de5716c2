/*
 * feed_json.h: JSON Feed 1.0 and 1.1 (https://jsonfeed.org) to the feed model.
 */
#ifndef DATELINE_FEED_JSON_H
#define DATELINE_FEED_JSON_H

#include <stddef.h>

struct feed;

/*
 * Parses the UTF-8 JSON document data[0..len). base_url (or NULL) resolves
 * relative URLs. Returns 0 with *out set (caller frees with feed_free()), or
 * -1 with a message in err.
 */
int feed_json_parse(const char *data, size_t len, const char *base_url, struct feed **out, char *err, size_t errlen);

#endif
