/*
 * libFuzzer target: the config file and the theme file parsers (both
 * line-oriented, both read from the user's directories but often copied
 * from strangers). The first byte picks which one gets the rest.
# seeds: themes
 */
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "tui_theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	if (!size)
		return 0;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	if (data[0] & 1) {
		struct theme t;
		theme_default(&t);
		theme_parse(&t, s, n, err, sizeof err);
		for (int e = 0; e < TH_COUNT; e++)
			if (t.style[e].fg.kind == 1 && t.style[e].fg.v > 255)
				__builtin_trap();
	} else {
		struct config c;
		config_defaults(&c);
		config_parse(&c, s, n, err, sizeof err);
		if (memchr(c.theme, 0, sizeof c.theme) == NULL || memchr(c.browser, 0, sizeof c.browser) == NULL)
			__builtin_trap();
		config_free(&c);
	}
	return 0;
}
