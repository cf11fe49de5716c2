/*
 * strindex.h: string -> array index, for finding a feed by URL among
 * thousands without a linear scan. Open addressing, FNV-1a.
 *
 * Ownership: the index borrows its keys (they must outlive it or be
 * re-put after they move); strindex_free() releases only the table.
 */
#ifndef DATELINE_STRINDEX_H
#define DATELINE_STRINDEX_H

#include <stddef.h>

struct strindex {
	const char **keys; /* borrowed key per slot, NULL when empty */
	size_t *vals;      /* index per slot */
	size_t cap;        /* slots, a power of two (0 before the first put) */
	size_t n;          /* keys held */
};

#define STRINDEX_INIT {NULL, NULL, 0, 0}

/* Maps key to val (replacing an earlier value). 0, or -1 when out of memory. */
int strindex_put(struct strindex *ix, const char *key, size_t val);
/* The value for key, or -1 when absent. */
long strindex_get(const struct strindex *ix, const char *key);
void strindex_free(struct strindex *ix);

#endif
