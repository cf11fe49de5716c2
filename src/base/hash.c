/* hash.c: FNV-1a over a byte range (base.h); the running forms chain ranges into one digest. */
#include "base.h"

uint32_t hash_fnv1a32(const void *p, size_t n, uint32_t h)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = hash_fnv1a32_step(h, s[i]);
	return h;
}

uint64_t hash_fnv1a64(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = hash_fnv1a64_step(h, s[i]);
	return h;
}
