/*
 * strmap.h: a small string-to-int hash map for per-article bookkeeping in the
 * analysis stage (which words appear capitalised mid-sentence, which surname
 * belongs to which person). Open addressing, linear probing, grows at 1/2 load.
 *
 * Ownership: the map owns copies of its keys; strmap_free() releases them.
 */
#ifndef DATELINE_STRMAP_H
#define DATELINE_STRMAP_H

#include <stddef.h>

struct strmap_slot {
	char *key;     /* owned copy, NUL-terminated, or NULL when empty */
	size_t len;    /* key length in bytes */
	int value;     /* the caller's value */
};

struct strmap {
	struct strmap_slot *slots; /* cap slots (owned) */
	size_t cap;                /* a power of two, or 0 before the first put */
	size_t n;                  /* keys stored */
};

/* Pointer to the value of key[0..len) (compared without regard to ASCII case), or NULL. */
int *strmap_get(const struct strmap *m, const char *key, size_t len);
/* Pointer to the value of key, inserting it with value init when new; NULL when out of memory. */
int *strmap_put(struct strmap *m, const char *key, size_t len, int init);
/* Frees every key and the table; the map is empty afterwards. */
void strmap_free(struct strmap *m);

#endif
