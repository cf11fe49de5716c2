/* libFuzzer target: the sanitiser's output is clean, and cleaning it again changes nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int flags = 0; flags <= SANITIZE_KEEP_NEWLINES; flags++) {
		char *s = sanitize_text((const char *)data, size, flags);
		if (!s)
			return 0;
		size_t n = strlen(s);
		if (!utf8_valid(s, n) || !sanitize_is_clean(s, n, flags))
			__builtin_trap();
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)s[i] < 0x20 && !(s[i] == '\n' && flags))
				__builtin_trap();
		free(s);
	}
	return 0;
}
