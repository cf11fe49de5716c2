/* ascii.c: the one case-insensitive search (base.h); the character classes are inline there. */
#include "base.h"

#include <string.h>
#include <strings.h>

const char *ascii_strcasestr(const char *s, const char *needle)
{
	size_t n = strlen(needle);
	for (; *s; s++)
		if (!strncasecmp(s, needle, n))
			return s;
	return NULL;
}
