/* wrap.c: display-width-aware word wrapping. */
#include "base.h"

#include <wchar.h>

static int cp_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return cp < 0x20 ? 0 : 1;
	return w;
}

int wrap_width(const char *s, size_t len)
{
	int w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		w += n ? cp_width(cp) : 1;
		i += n ? n : 1;
	}
	return w;
}

size_t wrap_line(const char *s, size_t len, int width, size_t *next)
{
	if (width < 1)
		width = 1;
	size_t i = 0, last_space = 0, end = 0;
	int cols = 0, have_space = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int w = n ? cp_width(cp) : 1;
		if (!n) {
			n = 1;
			cp = 0xFFFD;
		}
		if (cp == '\n') {
			end = i;
			*next = i + 1;
			return end;
		}
		if (cols + w > width && cp != ' ') {
			if (have_space) {
				end = last_space;
			} else {
				end = i ? i : n; /* a word wider than the line is cut */
			}
			break;
		}
		if (cp == ' ') {
			last_space = i;
			have_space = 1;
		}
		cols += w;
		i += n;
		end = i;
	}
	size_t nx = end;
	if (i >= len)
		end = nx = len;
	while (nx < len && s[nx] == ' ')
		nx++;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	*next = nx > 0 ? nx : 1;
	return end;
}
