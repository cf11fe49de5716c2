/* lexicon.c: lookups in the generated word tables (see lexicon.h). */
#include "lexicon.h"
#include "base.h"

#include <stdint.h>
#include <string.h>

struct lexicon_entry {
	const char *key;   /* lower-case phrase, or an acronym as written */
	unsigned flags;    /* LEX_* bits */
	int canon;         /* index in lexicon_canon, or -1 */
};

#include "lexicon_data.h"

#define LEXICON_KEY_MAX 64 /* the generator drops longer phrases */

/* The entry for key through the generated hash index (FNV-1a, linear probing), or NULL. */
static const struct lexicon_entry *find(const char *key)
{
	uint32_t h = hash_fnv1a32(key, strlen(key), HASH_FNV1A32_INIT); /* as scripts/gen-lexicon.sh hashes */
	for (uint32_t j = h & (LEXICON_SLOTS - 1);; j = (j + 1) & (LEXICON_SLOTS - 1)) {
		int i = lexicon_index[j];
		if (i < 0)
			return NULL;
		if (!strcmp(lexicon_entries[i].key, key))
			return &lexicon_entries[i];
	}
}

/* Copies s into buf with ’ as ', lower-cased when lower; 0 when it does not fit. */
static size_t normalise(const char *s, size_t len, char *buf, int lower)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			c = '\'';
			i += 2;
		} else if (lower && c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
		} else if (lower && c == 0xC3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		           (unsigned char)s[i + 1] <= 0x9E && (unsigned char)s[i + 1] != 0x97) {
			/* "YAOUNDÉ": Latin-1 capitals (U+00C0-U+00DE but ×) have their small letter 0x20 on */
			if (n + 2 >= LEXICON_KEY_MAX)
				return 0;
			buf[n++] = (char)c;
			c = (unsigned char)((unsigned char)s[++i] + 0x20);
		}
		if (n + 1 >= LEXICON_KEY_MAX)
			return 0;
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return n;
}

unsigned lexicon_lookup(const char *s, size_t len, const char **canon)
{
	char buf[LEXICON_KEY_MAX];
	unsigned flags = 0;
	int ci = -1;
	if (canon)
		*canon = NULL;
	if (!len || !normalise(s, len, buf, 0))
		return 0;
	const struct lexicon_entry *e = find(buf);
	if (e) {
		flags |= e->flags;
		ci = e->canon;
	}
	normalise(s, len, buf, 1);
	if ((e = find(buf))) {
		flags |= e->flags;
		if (ci < 0)
			ci = e->canon;
	}
	if (!flags && len > 2 && s[len - 1] == '.')
		return lexicon_lookup(s, len - 1, canon); /* "Sept." is "Sept" */
	if (canon && ci >= 0)
		*canon = lexicon_canon[ci];
	return flags;
}
