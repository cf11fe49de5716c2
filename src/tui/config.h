/*
 * config.h: the user's settings, read from a small line-oriented file.
 *
 *   # comment
 *   theme solarized
 *   bind J page-down
 *
 * Knows nothing about the terminal: key and action names are kept as text
 * and resolved by the interface (tui_keys.h), so the parser can be fuzzed and
 * tested alone. config.example documents every option with its default.
 *
 * Ownership: a struct config owns its binds array (free with config_free()).
 * Fixed-size strings are NUL-terminated.
 */
#ifndef DATELINE_CONFIG_H
#define DATELINE_CONFIG_H

#include <stddef.h>

enum config_colors {
	CONFIG_COLORS_AUTO = 0, /* what the terminal says it has */
	CONFIG_COLORS_NONE,     /* attributes only, as with NO_COLOR */
	CONFIG_COLORS_8,        /* the eight ANSI colours */
	CONFIG_COLORS_256,      /* the xterm 256-colour palette */
	CONFIG_COLORS_TRUE      /* 24-bit colour (direct colour terminals) */
};

enum config_feed_sort {
	FEED_SORT_FILE = 0, /* the order of the feeds file (feeds read from files last, by title) */
	FEED_SORT_TITLE,    /* by title */
	FEED_SORT_UNREAD    /* most unread first, then by title */
};

struct config_bind {
	char key[32];    /* key name as written: "j", "C-d", "PgDn", "Enter" */
	char action[32]; /* action name: "page-down", or "none" to unbind */
	int line;        /* line of the config file, for error messages */
};

#define CONFIG_MAX_QUERY_FEEDS 16
#define CONFIG_MAX_IGNORES 32

/* A saved search shown as a feed: `query-feed NAME: QUERY` (QUERY as the search or @speaker as quotes). */
struct config_query_feed {
	char name[64];
	char query[192];
};

/* A killfile line: `ignore-article FIELD WORDS` hides articles whose FIELD contains WORDS (any case). */
struct config_ignore {
	int field;       /* 0 any of them, 1 title, 2 author, 3 feed */
	char words[128]; /* lower case */
};

struct config {
	char theme[256];      /* theme name (themes/NAME.theme) or a path; "default" */
	char browser[512];    /* command that opens a URL; "" means $BROWSER, then xdg-open */
	enum config_colors colors; /* colour depth to use */
	int panel;            /* 1 to show the entity panel when an article opens */
	int panel_width;      /* columns of the side panel */
	int max_width;        /* widest text column (0: the whole width) */
	int mouse;            /* 1 to scroll with the mouse wheel */
	int speakers;         /* 1 to show the speaker after each quotation */
	enum config_feed_sort feed_sort; /* order of the Feeds screen */
	int unread_only;      /* 1 to start with only unread articles and feeds shown */
	char datetime_format[64];  /* strftime format of dates in the reader, quote search, Feeds screen */
	char list_date_format[64]; /* strftime format of the Articles list's date column */
	int refresh_on_startup;    /* 1 to refresh every feed in the background when the Feeds screen opens */
	double reload_time;        /* minutes between background refreshes while open (fractions allowed), 0 never */
	struct config_query_feed query_feeds[CONFIG_MAX_QUERY_FEEDS]; /* in file order */
	size_t n_query_feeds;
	struct config_ignore ignores[CONFIG_MAX_IGNORES];
	size_t n_ignores;
	struct config_bind *binds; /* bind lines in file order (later ones win) */
	size_t n_binds;       /* number of binds */
	size_t cap_binds;     /* allocated */
};

/* Fills c with the defaults (no binds). */
void config_defaults(struct config *c);

/*
 * Parses config text s[0..len) into c (which holds the defaults or earlier
 * settings). Returns 0, or -1 with "line N: what is wrong" in err; settings
 * before the bad line are kept.
 */
int config_parse(struct config *c, const char *s, size_t len, char *err, size_t errlen);

/*
 * Reads the config file: path when not NULL, else $DATELINE_CONFIG, else
 * $XDG_CONFIG_HOME/dateline/config, else ~/.config/dateline/config. A missing
 * file is not an error unless path or $DATELINE_CONFIG named it. 0 or -1.
 */
int config_load(struct config *c, const char *path, char *err, size_t errlen);

/* Frees what c owns and leaves it with the defaults. */
void config_free(struct config *c);

#endif
