/*
 * tui_theme.h: colour themes for the interface.
 *
 * A theme file has one line per element: NAME FG [BG] [ATTR...], where a
 * colour is "default", a name (black red green yellow blue magenta cyan
 * white, bright-prefixed for 8-15), a palette number 0-255, or #rrggbb; and
 * ATTR is bold, dim, italic, underline or reverse. Parsing knows nothing of
 * the terminal; theme_attr() maps the theme onto what the terminal has:
 * true colour, 256 colours (nearest palette entry), 8 colours (nearest ANSI
 * colour), or none (NO_COLOR: attributes only, with a fallback per element
 * so quotes and matches still stand out).
 *
 * Ownership: plain values, nothing to free.
 */
#ifndef DATELINE_TUI_THEME_H
#define DATELINE_TUI_THEME_H

#include <stddef.h>
#include <stdint.h>

enum theme_elem {
	TH_NORMAL,      /* body text */
	TH_HEADLINE,    /* the article's headline */
	TH_META,        /* dateline, byline, date */
	TH_HEADING,     /* section headings */
	TH_QUOTE,       /* quotations */
	TH_SPEAKER,     /* the speaker after a quotation */
	TH_MENTION,     /* mentions of the chosen entity */
	TH_MATCH,       /* search matches */
	TH_CURRENT,     /* the match or quotation jumped to */
	TH_LINK,        /* numbered links */
	TH_STATUS,      /* status line */
	TH_ERROR,       /* error messages and marks */
	TH_PANEL,       /* panel text */
	TH_TITLE,       /* panel and list titles */
	TH_SELECTED,    /* the selected row */
	TH_DIM,         /* roles, counts, secondary text */
	TH_KEY,         /* key names in the help */
	TH_BORDER,      /* separators */
	TH_UNREAD,      /* unread marks and rows */
	TH_COUNT        /* number of elements */
};

enum { THEME_BOLD = 1, THEME_DIM = 2, THEME_ITALIC = 4, THEME_UNDERLINE = 8, THEME_REVERSE = 16 };

struct theme_color {
	int kind;    /* 0 terminal default, 1 palette index, 2 rgb */
	uint32_t v;  /* palette index 0-255, or 0xRRGGBB */
};

struct theme_style {
	struct theme_color fg; /* foreground */
	struct theme_color bg; /* background */
	unsigned attrs;        /* THEME_* bits */
};

struct theme {
	char name[64];                     /* as selected */
	struct theme_style style[TH_COUNT]; /* one per element */
};

/* The built-in default dark theme (used when no file is found). */
void theme_default(struct theme *t);
/* Element name as written in theme files ("quote"), or NULL. */
const char *theme_elem_name(enum theme_elem e);
/*
 * Parses theme text over t (which holds a base, usually the default).
 * 0, or -1 with "line N: ..." in err.
 */
int theme_parse(struct theme *t, const char *s, size_t len, char *err, size_t errlen);
/*
 * Loads theme name: a path when it contains '/', else NAME.theme looked for
 * in $DATELINE_THEMES, $XDG_CONFIG_HOME/dateline/themes (or
 * ~/.config/dateline/themes), ./themes and the installed themes directory.
 * "default" needs no file. 0, or -1 with err set (t then holds the default).
 */
int theme_load(struct theme *t, const char *name, char *err, size_t errlen);

/* Nearest xterm-256 palette entry (16-255) to an rgb colour. */
int theme_rgb_to_256(uint32_t rgb);
/* Nearest of the 8 ANSI colours (0-7) to an rgb colour; *bright set when 8-15 fits better. */
int theme_rgb_to_8(uint32_t rgb, int *bright);

/*
 * Curses side. theme_start() picks the depth (colors: enum config_colors;
 * NO_COLOR in the environment forces none) and sets up colour pairs;
 * call after initscr(). theme_attr() gives the attributes for an element.
 */
void theme_start(const struct theme *t, int colors);
unsigned long theme_attr(enum theme_elem e);
/* Colour depth in use: 0 none, 8, 256 or 16777216. */
long theme_depth(void);

#endif
