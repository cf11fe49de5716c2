/*
 * tui_theme.c: theme files and their mapping onto the terminal's colours.
 *
 * The computed attributes live in a static table: it is part of the TUI's
 * screen state, set once by theme_start() after initscr().
 */
#include "tui_theme.h"
#include "config.h"
#include "base.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>


static const char *const elem_names[TH_COUNT] = {
	"normal", "headline", "meta", "heading", "quote", "speaker", "mention", "match", "current",
	"link", "status", "error", "panel", "title", "selected", "dim", "key", "border", "unread",
};

/* How an element still stands out with no colour at all. */
static const unsigned mono_attrs[TH_COUNT] = {
	[TH_HEADLINE] = THEME_BOLD, [TH_META] = THEME_DIM, [TH_HEADING] = THEME_BOLD | THEME_UNDERLINE,
	[TH_QUOTE] = THEME_BOLD, [TH_SPEAKER] = THEME_DIM, [TH_MENTION] = THEME_UNDERLINE | THEME_BOLD,
	[TH_MATCH] = THEME_REVERSE, [TH_CURRENT] = THEME_REVERSE | THEME_BOLD, [TH_LINK] = THEME_UNDERLINE,
	[TH_STATUS] = THEME_REVERSE, [TH_ERROR] = THEME_BOLD, [TH_TITLE] = THEME_BOLD,
	[TH_SELECTED] = THEME_REVERSE, [TH_DIM] = THEME_DIM, [TH_KEY] = THEME_BOLD, [TH_UNREAD] = THEME_BOLD,
};

static unsigned long attr_table[TH_COUNT]; /* screen state: set by theme_start() */
static long depth;                         /* screen state: colours in use */

const char *theme_elem_name(enum theme_elem e)
{
	return (unsigned)e < TH_COUNT ? elem_names[e] : NULL;
}

#define RGB(x) {2, (uint32_t)(x)}
#define DEF {0, 0}

void theme_default(struct theme *t)
{
	static const struct theme_style dark[TH_COUNT] = {
		[TH_NORMAL] = {DEF, DEF, 0},
		[TH_HEADLINE] = {RGB(0xffffff), DEF, THEME_BOLD},
		[TH_META] = {RGB(0x87afd7), DEF, 0},
		[TH_HEADING] = {RGB(0x87afff), DEF, THEME_BOLD},
		[TH_QUOTE] = {RGB(0xffd75f), DEF, 0},
		[TH_SPEAKER] = {RGB(0x808080), DEF, THEME_ITALIC},
		[TH_MENTION] = {RGB(0x000000), RGB(0x87d7af), 0},
		[TH_MATCH] = {RGB(0x000000), RGB(0xffaf00), 0},
		[TH_CURRENT] = {RGB(0x000000), RGB(0xff5f5f), THEME_BOLD},
		[TH_LINK] = {RGB(0x5fafff), DEF, THEME_UNDERLINE},
		[TH_STATUS] = {RGB(0xffffff), RGB(0x3a3a3a), 0},
		[TH_ERROR] = {RGB(0xff5f5f), DEF, THEME_BOLD},
		[TH_PANEL] = {DEF, DEF, 0},
		[TH_TITLE] = {RGB(0x87afff), DEF, THEME_BOLD},
		[TH_SELECTED] = {RGB(0x000000), RGB(0x87afff), 0},
		[TH_DIM] = {RGB(0x808080), DEF, 0},
		[TH_KEY] = {RGB(0xffd75f), DEF, THEME_BOLD},
		[TH_BORDER] = {RGB(0x4e4e4e), DEF, 0},
		[TH_UNREAD] = {RGB(0xffffff), DEF, THEME_BOLD},
	};
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "default");
	memcpy(t->style, dark, sizeof dark);
}

static int parse_color(const char *w, struct theme_color *c)
{
	static const char *const names[8] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
	if (!strcasecmp(w, "default"))
		return *c = (struct theme_color){0, 0}, 0;
	if (w[0] == '#') {
		char *end;
		unsigned long v = strtoul(w + 1, &end, 16);
		if (strlen(w) != 7 || *end)
			return -1;
		return *c = (struct theme_color){2, (uint32_t)v}, 0;
	}
	if (w[0] >= '0' && w[0] <= '9') {
		char *end;
		unsigned long v = strtoul(w, &end, 10);
		if (*end || v > 255)
			return -1;
		return *c = (struct theme_color){1, (uint32_t)v}, 0;
	}
	int bright = !strncasecmp(w, "bright", 6);
	const char *n = w + (bright ? 6 : 0);
	if (*n == '-')
		n++;
	for (int i = 0; i < 8; i++)
		if (!strcasecmp(n, names[i]))
			return *c = (struct theme_color){1, (uint32_t)(i + (bright ? 8 : 0))}, 0;
	return -1;
}

static int parse_attr(const char *w, unsigned *a)
{
	static const char *const names[] = {"bold", "dim", "italic", "underline", "reverse"};
	for (unsigned i = 0; i < 5; i++)
		if (!strcasecmp(w, names[i]))
			return *a |= 1u << i, 0;
	if (!strcasecmp(w, "normal") || !strcasecmp(w, "none"))
		return 0;
	return -1;
}

int theme_parse(struct theme *t, const char *s, size_t len, char *err, size_t errlen)
{
	int lineno = 0;
	for (size_t pos = 0; pos < len;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len, n = end - pos;
		char line[512], *save = NULL;
		lineno++;
		if (n >= sizeof line) {
			snprintf(err, errlen, "line %d: too long", lineno);
			return -1;
		}
		memcpy(line, s + pos, n);
		line[n] = 0;
		pos = end + 1;
		char *hash = strchr(line, '#');
		/* '#' starts a comment only at the start of a word that is not a colour */
		while (hash && !(hash == line || hash[-1] == ' ' || hash[-1] == '\t'))
			hash = strchr(hash + 1, '#');
		if (hash && (hash == line || strlen(hash) < 7 || strspn(hash + 1, "0123456789abcdefABCDEF") != 6))
			*hash = 0;
		char *w = strtok_r(line, " \t\r", &save);
		if (!w)
			continue;
		int e = -1;
		for (int i = 0; i < TH_COUNT; i++)
			if (!strcmp(w, elem_names[i]))
				e = i;
		if (e < 0) {
			snprintf(err, errlen, "line %d: unknown element '%.40s'", lineno, w);
			return -1;
		}
		struct theme_style st = {{0, 0}, {0, 0}, 0};
		int ncol = 0;
		while ((w = strtok_r(NULL, " \t\r", &save))) {
			if (ncol < 2 && !parse_color(w, ncol ? &st.bg : &st.fg)) {
				ncol++;
				continue;
			}
			if (parse_attr(w, &st.attrs)) {
				snprintf(err, errlen, "line %d: '%.40s' is not a colour or an attribute", lineno, w);
				return -1;
			}
			ncol = 2;
		}
		t->style[e] = st;
	}
	return 0;
}

int theme_load(struct theme *t, const char *name, char *err, size_t errlen)
{
	theme_default(t);
	if (!name || !*name || !strcmp(name, "default"))
		return 0;
	char path[PATH_MAX] = "";
	if (strchr(name, '/')) {
		snprintf(path, sizeof path, "%s", name);
	} else {
		const char *env = getenv("DATELINE_THEMES"), *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
		char dirs[4][PATH_MAX] = {"", "", "themes", ""};
		snprintf(dirs[3], sizeof dirs[3], "%s/themes", appdirs_installed());
		if (env && *env)
			snprintf(dirs[0], sizeof dirs[0], "%s", env);
		if (xdg && *xdg)
			snprintf(dirs[1], sizeof dirs[1], "%s/dateline/themes", xdg);
		else if (home && *home)
			snprintf(dirs[1], sizeof dirs[1], "%s/.config/dateline/themes", home);
		for (int i = 0; i < 4 && !*path; i++) {
			if (!*dirs[i])
				continue;
			int w = snprintf(path, sizeof path, "%s/%s.theme", dirs[i], name);
			if (w < 0 || (size_t)w >= sizeof path || access(path, R_OK) != 0)
				path[0] = 0;
		}
		if (!*path) {
			snprintf(err, errlen, "theme '%s' not found (looked for %s.theme in $DATELINE_THEMES, "
			         "~/.config/dateline/themes, ./themes, %s/themes)", name, name, appdirs_installed());
			return -1;
		}
	}
	char *data, ferr[256], perr[256];
	size_t len;
	if (file_read(path, 1 << 16, &data, &len, ferr, sizeof ferr)) {
		snprintf(err, errlen, "%s", ferr);
		return -1;
	}
	int rc = theme_parse(t, data, len, perr, sizeof perr);
	free(data);
	if (rc) {
		snprintf(err, errlen, "%s: %s", path, perr);
		theme_default(t);
		return -1;
	}
	snprintf(t->name, sizeof t->name, "%s", name);
	return 0;
}

static const uint8_t cube[6] = {0, 95, 135, 175, 215, 255};

static long dist2(uint32_t a, int r, int g, int b)
{
	long dr = (long)((a >> 16) & 255) - r, dg = (long)((a >> 8) & 255) - g, db = (long)(a & 255) - b;
	return dr * dr * 3 + dg * dg * 4 + db * db * 2; /* weights roughly follow perceived brightness */
}

int theme_rgb_to_256(uint32_t rgb)
{
	int best = 16;
	long bd = -1;
	for (int i = 0; i < 216; i++) {
		long d = dist2(rgb, cube[i / 36], cube[(i / 6) % 6], cube[i % 6]);
		if (bd < 0 || d < bd) {
			bd = d;
			best = 16 + i;
		}
	}
	for (int i = 0; i < 24; i++) {
		int v = 8 + 10 * i;
		long d = dist2(rgb, v, v, v);
		if (d < bd) {
			bd = d;
			best = 232 + i;
		}
	}
	return best;
}

/* The xterm defaults for the sixteen ANSI colours. */
static const uint32_t ansi16[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};

int theme_rgb_to_8(uint32_t rgb, int *bright)
{
	int best = 0;
	long bd = -1;
	for (int i = 0; i < 16; i++) {
		uint32_t c = ansi16[i];
		long d = dist2(rgb, (int)(c >> 16), (int)((c >> 8) & 255), (int)(c & 255));
		if (bd < 0 || d < bd) {
			bd = d;
			best = i;
		}
	}
	*bright = best >= 8;
	return best & 7;
}

static uint32_t palette_rgb(uint32_t idx)
{
	if (idx < 16)
		return ansi16[idx];
	if (idx < 232) {
		idx -= 16;
		return (uint32_t)cube[idx / 36] << 16 | (uint32_t)cube[(idx / 6) % 6] << 8 | cube[idx % 6];
	}
	uint32_t v = 8 + 10 * (idx - 232);
	return v << 16 | v << 8 | v;
}

static int direct; /* screen state: the terminal takes 24-bit colour numbers, not palette indices */

static int map_palette(struct theme_color c, int *bright);

/* The colour number for c at the current depth; *bright set when only brightness says it. */
static int map_color(struct theme_color c, int *bright)
{
	int n = map_palette(c, bright);
	/* a direct-colour terminal limited by the config: the palette entry's own rgb */
	if (direct && depth < 0x1000000 && n >= 0)
		return (int)palette_rgb((uint32_t)n + (*bright ? 8 : 0));
	return n;
}

static int map_palette(struct theme_color c, int *bright)
{
	*bright = 0;
	if (c.kind == 0)
		return -1;
	if (depth >= 0x1000000)
		return (int)(c.kind == 2 ? c.v : palette_rgb(c.v));
	if (depth >= 256)
		return c.kind == 2 ? theme_rgb_to_256(c.v) : (int)c.v;
	if (c.kind == 1 && c.v < 8)
		return (int)c.v;
	if (c.kind == 1 && c.v < 16 && depth >= 16)
		return (int)c.v;
	return theme_rgb_to_8(c.kind == 2 ? c.v : palette_rgb(c.v), bright);
}

static unsigned long curses_attrs(unsigned a)
{
	unsigned long r = 0;
	if (a & THEME_BOLD) r |= A_BOLD;
	if (a & THEME_DIM) r |= A_DIM;
#ifdef A_ITALIC
	if (a & THEME_ITALIC) r |= A_ITALIC;
#endif
	if (a & THEME_UNDERLINE) r |= A_UNDERLINE;
	if (a & THEME_REVERSE) r |= A_REVERSE;
	return r;
}

void theme_start(const struct theme *t, int colors)
{
	const char *nc = getenv("NO_COLOR");
	depth = 0;
	direct = 0;
	if (has_colors() && !(nc && *nc) && colors != CONFIG_COLORS_NONE && start_color() == OK) {
		depth = COLORS >= 0x1000000 ? 0x1000000 : COLORS >= 256 ? 256 : COLORS >= 16 ? 16 : COLORS >= 8 ? 8 : 0;
		direct = depth == 0x1000000;
		if (colors == CONFIG_COLORS_8 && depth > 8)
			depth = 8;
		if (colors == CONFIG_COLORS_256 && depth > 256)
			depth = 256;
		use_default_colors();
	}
	for (int e = 0; e < TH_COUNT; e++) {
		const struct theme_style *s = &t->style[e];
		if (!depth) {
			attr_table[e] = curses_attrs(s->attrs | mono_attrs[e]);
			continue;
		}
		int bf, bb;
		int fg = map_color(s->fg, &bf), bg = map_color(s->bg, &bb);
		/* a pair per element; extended pairs carry 24-bit colour numbers */
		if (init_extended_pair(e + 1, fg, bg) != OK)
			init_pair((short)(e + 1), (short)(fg > 255 ? -1 : fg), (short)(bg > 255 ? -1 : bg));
		attr_table[e] = COLOR_PAIR(e + 1) | curses_attrs(s->attrs) | (bf ? A_BOLD : 0);
	}
}

unsigned long theme_attr(enum theme_elem e)
{
	return (unsigned)e < TH_COUNT ? attr_table[e] : 0;
}

long theme_depth(void)
{
	return depth;
}
