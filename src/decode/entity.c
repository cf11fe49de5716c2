/* entity.c: the one decoder of HTML/XML character references (see decode.h). */
#include "decode.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>

#include "html_entities.h"

static int cmp_entity(const void *key, const void *elem)
{
	const char *k = key;
	const struct html_entity *e = elem;
	return strcmp(k, e->name);
}

unsigned html_entity_lookup(const char *name, size_t n)
{
	char key[16];
	if (n == 0 || n >= sizeof key)
		return 0;
	memcpy(key, name, n);
	key[n] = '\0';
	const struct html_entity *e =
		bsearch(key, html_entities, sizeof html_entities / sizeof *html_entities, sizeof *html_entities, cmp_entity);
	return e ? e->cp : 0;
}

size_t entity_number(const char *s, size_t len, unsigned long *cp)
{
	if (len < 3 || s[0] != '&' || s[1] != '#')
		return 0;
	int hex = s[2] == 'x' || s[2] == 'X';
	size_t d = 2 + (size_t)hex, i = d;
	unsigned long v = 0;
	for (; i < len && i - d < 8; i++) {
		char c = s[i];
		int x = ascii_isdigit(c) ? c - '0' : hex && (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
		if (x < 0)
			break;
		v = v * (hex ? 16 : 10) + (unsigned long)x;
	}
	if (i == d || i >= len || s[i] != ';')
		return 0;
	*cp = v;
	return i + 1;
}

size_t entity_decode(const char *s, size_t len, uint32_t *cp)
{
	if (len < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		unsigned long v;
		size_t n = entity_number(s, len, &v);
		if (!n || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = (uint32_t)v;
		return n;
	}
	size_t i = 1;
	while (i < len && i < 40 && ascii_isalnum(s[i]))
		i++;
	if (i == 1 || i >= len || s[i] != ';')
		return 0;
	static const struct {
		const char *n;
		uint32_t cp;
	} xml[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
	for (size_t k = 0; k < sizeof xml / sizeof *xml; k++)
		if (strlen(xml[k].n) == i - 1 && !memcmp(s + 1, xml[k].n, i - 1)) {
			*cp = xml[k].cp;
			return i + 1;
		}
	unsigned v = html_entity_lookup(s + 1, i - 1);
	if (!v)
		return 0;
	*cp = v;
	return i + 1;
}
