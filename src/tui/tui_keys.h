/*
 * tui_keys.h: actions, their default keys, and `bind KEY ACTION` from the
 * config. Key codes are curses codes (get_wch() values; function keys are
 * KEY_*). The keymap is a plain table owned by the caller.
 */
#ifndef DATELINE_TUI_KEYS_H
#define DATELINE_TUI_KEYS_H

#include <stddef.h>

struct config;

enum action {
	ACT_NONE,
	ACT_QUIT, ACT_BACK, ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_HALF_DOWN, ACT_HALF_UP,
	ACT_TOP, ACT_BOTTOM, ACT_SELECT, ACT_PANEL, ACT_FOCUS, ACT_QUOTES, ACT_SEARCH, ACT_NEXT, ACT_PREV,
	ACT_OPEN, ACT_HELP, ACT_NEXT_ARTICLE, ACT_PREV_ARTICLE, ACT_QUOTE_SEARCH, ACT_SAVE, ACT_READ,
	ACT_STAR, ACT_FETCH, ACT_REFRESH, ACT_REFRESH_ALL, ACT_REDRAW, ACT_FILTER, ACT_CLEAR,
	ACT_MARK_FEED_READ, ACT_MARK_ALL_READ, ACT_NEXT_UNREAD, ACT_UNREAD_ONLY, ACT_REMOVE_FEED, ACT_TAG, ACT_EXPORT,
	ACT_COUNT
};

#define KEYMAP_SIZE 1024 /* key codes below this are bindable (covers KEY_MAX) */

struct keymap {
	unsigned char act[KEYMAP_SIZE]; /* action for each key code */
};

/* The action's name in the config ("page-down") and its one-line description. */
const char *action_name(enum action a);
const char *action_help(enum action a);
/* The action named name, or -1. */
int action_from_name(const char *name);

/* Key code for a key name ("j", "C-d", "PgDn", "Enter", "Space", "F1"), or -1. */
int keys_key_code(const char *name);
/* Writes a readable name for key code k into out. */
void keys_key_name(int k, char *out, size_t cap);

/* The built-in bindings. */
void keymap_default(struct keymap *m);
/* Applies c's bind lines over m. 0, or -1 with "line N: ..." in err. */
int keymap_apply_config(struct keymap *m, const struct config *c, char *err, size_t errlen);
/* The action bound to key k (ACT_NONE when none). */
enum action keymap_lookup(const struct keymap *m, int k);
/* Writes into out the names of the keys bound to a, comma-separated ("" when none). */
void keymap_keys_for(const struct keymap *m, enum action a, char *out, size_t cap);

#endif
