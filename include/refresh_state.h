/*
 * refresh_state.h: what refresh remembers between runs until the store
 * exists: per feed, the validators (ETag, Last-Modified) and a digest of
 * each item and the site's URL, so a refresh sends conditional requests and can tell new and
 * changed items apart. Kept in a small text file in the data directory
 * ("refresh-state"), replaced atomically at the end of each refresh.
 *
 * Ownership: a refresh_state owns all it holds; refresh_state_free()
 * releases it. The sink it fills borrows the state.
 */
#ifndef DATELINE_REFRESH_STATE_H
#define DATELINE_REFRESH_STATE_H

#include <stddef.h>

struct refresh_sink;
struct refresh_state;

/* Path of the state file in the data directory. 0 or -1 with err. */
int refresh_state_path(char *out, size_t n, char *err, size_t errlen);
/* Loads path (a missing file is an empty state). 0 with *out set, or -1 with err. */
int refresh_state_open(const char *path, struct refresh_state **out, char *err, size_t errlen);
/*
 * Fills sink with callbacks on st: validators from the file, item digests
 * compared to count new and changed items, and the file written back at
 * finish(), holding only the feeds of this refresh.
 */
void refresh_state_sink(struct refresh_state *st, struct refresh_sink *sink);
void refresh_state_free(struct refresh_state *st);
/* The site URL last seen for a feed (OPML htmlUrl), or NULL; borrowed from st. */
const char *refresh_state_link(struct refresh_state *st, const char *url);
/* Records a feed's site URL (from an OPML import). 0 or -1 when out of memory. */
int refresh_state_set_link(struct refresh_state *st, const char *url, const char *link);
/* Writes every feed held to the file, atomically. 0 or -1 with err. */
int refresh_state_save(struct refresh_state *st, char *err, size_t errlen);

#endif
