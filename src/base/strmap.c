/* strmap.c: string-to-int hash map, by ASCII case or exact bytes (see base.h). */
#include "base.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* FNV-1a over the bytes, case-folded unless the map compares exactly. */
static size_t hash(const struct strmap *m, const char *s, size_t len)
{
	uint32_t h = HASH_FNV1A32_INIT;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		h = hash_fnv1a32_step(h, m->exact ? c : (unsigned char)ascii_tolower(c));
	}
	return h;
}

static int same(const struct strmap *m, const struct strmap_slot *s, const char *key, size_t len)
{
	if (s->len != len)
		return 0;
	return m->exact ? !memcmp(s->key, key, len) : !strncasecmp(s->key, key, len);
}

static struct strmap_slot *find(const struct strmap *m, const char *key, size_t len)
{
	size_t mask = m->cap - 1;
	for (size_t i = hash(m, key, len) & mask;; i = (i + 1) & mask) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key || same(m, s, key, len))
			return s;
	}
}

int *strmap_get(const struct strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	struct strmap_slot *s = find(m, key, len);
	return s->key ? &s->value : NULL;
}

static int grow(struct strmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	struct strmap_slot *old = m->slots;
	size_t ocap = m->cap;
	m->slots = calloc(ncap, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return -1;
	}
	m->cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].len) = old[i];
	free(old);
	return 0;
}

int *strmap_put(struct strmap *m, const char *key, size_t len, int init)
{
	if ((m->n + 1) * 2 > m->cap && grow(m))
		return NULL;
	struct strmap_slot *s = find(m, key, len);
	if (s->key)
		return &s->value;
	if (!(s->key = malloc(len + 1)))
		return NULL;
	memcpy(s->key, key, len);
	s->key[len] = '\0';
	s->len = len;
	s->value = init;
	m->n++;
	return &s->value;
}

int strmap_set(struct strmap *m, const char *key, int value)
{
	int *v = strmap_put(m, key, strlen(key), value);
	if (!v)
		return -1;
	*v = value;
	return 0;
}

int strmap_find(const struct strmap *m, const char *key)
{
	const int *v = strmap_get(m, key, strlen(key));
	return v ? *v : -1;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
