/* tui_draw.c: putting UTF-8 text on the screen within a number of columns. */
#include "tui_reader.h"
#include "base.h"

#include <curses.h>
#include <wchar.h>

static int cp_cols(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t tui_fit(const char *s, size_t n, int cols)
{
	size_t i = 0;
	int used = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int w = k ? cp_cols(cp) : 1;
		if (used + w > cols)
			break;
		used += w;
		i += k ? k : 1;
	}
	return i;
}

int tui_put(int y, int x, const char *s, size_t n, int cols, unsigned long attr)
{
	if (cols <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + cols > COLS)
		cols = COLS - x;
	size_t k = tui_fit(s, n, cols);
	attrset((attr_t)attr);
	move(y, x);
	/*
	 * A character the locale calls unprintable (wcwidth -1: unassigned, some
	 * format characters) is counted as one column but curses would draw it as
	 * several ("~@", "<U+...>") and shift the rest of the row: draw U+FFFD instead.
	 */
	size_t run = 0;
	for (size_t i = 0; i < k;) {
		uint32_t cp;
		size_t m = utf8_decode(s + i, k - i, &cp);
		if (m && wcwidth((wchar_t)cp) < 0) {
			addnstr(s + run, (int)(i - run));
			addstr(wcwidth(0xFFFD) == 1 ? "\xEF\xBF\xBD" : "?");
			run = i + m;
		}
		i += m ? m : 1;
	}
	addnstr(s + run, (int)(k - run));
	attrset(A_NORMAL);
	int used = 0;
	for (size_t i = 0; i < k;) {
		uint32_t cp;
		size_t m = utf8_decode(s + i, k - i, &cp);
		used += m ? cp_cols(cp) : 1;
		i += m ? m : 1;
	}
	return used;
}
