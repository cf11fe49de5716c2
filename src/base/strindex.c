/* strindex.c: a small open-addressing hash from strings to indices. */
#include "base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Slot of key, or of the empty slot where it would go. */
static size_t slot(const struct strindex *ix, const char *key)
{
	size_t m = ix->cap - 1, i = (size_t)hash(key) & m;
	while (ix->keys[i] && strcmp(ix->keys[i], key))
		i = (i + 1) & m;
	return i;
}

static int grow(struct strindex *ix)
{
	size_t cap = ix->cap ? ix->cap * 2 : 64;
	struct strindex nx = {calloc(cap, sizeof *nx.keys), calloc(cap, sizeof *nx.vals), cap, 0};
	if (!nx.keys || !nx.vals) {
		free(nx.keys);
		free(nx.vals);
		return -1;
	}
	for (size_t i = 0; i < ix->cap; i++) {
		if (!ix->keys[i])
			continue;
		size_t s = slot(&nx, ix->keys[i]);
		nx.keys[s] = ix->keys[i];
		nx.vals[s] = ix->vals[i];
		nx.n++;
	}
	free(ix->keys);
	free(ix->vals);
	*ix = nx;
	return 0;
}

int strindex_put(struct strindex *ix, const char *key, size_t val)
{
	/* Kept at most half full so probes stay short. */
	if ((ix->n + 1) * 2 > ix->cap && grow(ix))
		return -1;
	size_t s = slot(ix, key);
	if (!ix->keys[s]) {
		ix->keys[s] = key;
		ix->n++;
	}
	ix->vals[s] = val;
	return 0;
}

long strindex_get(const struct strindex *ix, const char *key)
{
	if (!ix->cap)
		return -1;
	size_t s = slot(ix, key);
	return ix->keys[s] ? (long)ix->vals[s] : -1;
}

void strindex_free(struct strindex *ix)
{
	free(ix->keys);
	free(ix->vals);
	ix->keys = NULL;
	ix->vals = NULL;
	ix->cap = ix->n = 0;
}
