/* tui_keys.c: action names, default bindings, and key names both ways. */
#include "tui_keys.h"
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct action_info {
	const char *name; /* as written in `bind` */
	const char *help; /* for the help screen */
};

static const struct action_info actions[ACT_COUNT] = {
	[ACT_NONE] = {"none", "nothing (unbinds the key)"},
	[ACT_QUIT] = {"quit", "quit dateline"},
	[ACT_BACK] = {"back", "close the view, go back, quit at the top"},
	[ACT_DOWN] = {"down", "scroll or move down"},
	[ACT_UP] = {"up", "scroll or move up"},
	[ACT_PAGE_DOWN] = {"page-down", "one page down"},
	[ACT_PAGE_UP] = {"page-up", "one page up"},
	[ACT_HALF_DOWN] = {"half-page-down", "half a page down"},
	[ACT_HALF_UP] = {"half-page-up", "half a page up"},
	[ACT_TOP] = {"top", "go to the top"},
	[ACT_BOTTOM] = {"bottom", "go to the end"},
	[ACT_SELECT] = {"select", "open; on an entity, highlight its mentions"},
	[ACT_PANEL] = {"toggle-panel", "show or hide the entity panel"},
	[ACT_FOCUS] = {"focus", "move between the text and the panel"},
	[ACT_QUOTES] = {"quotes", "list the article's quotations"},
	[ACT_SEARCH] = {"search", "search in the article"},
	[ACT_NEXT] = {"next", "next match or mention; in lists, the next unread"},
	[ACT_PREV] = {"prev", "previous match or mention"},
	[ACT_OPEN] = {"open", "open the article (or link [N] with a count: 3o) in the browser"},
	[ACT_HELP] = {"help", "this help"},
	[ACT_NEXT_ARTICLE] = {"next-article", "next article"},
	[ACT_PREV_ARTICLE] = {"prev-article", "previous article"},
	[ACT_QUOTE_SEARCH] = {"quote-search", "search every stored quotation (@name: by speaker)"},
	[ACT_SAVE] = {"save", "save the article, fetching the full page (toggle)"},
	[ACT_READ] = {"toggle-read", "mark read or unread (N in the reader while matches show: previous match)"},
	[ACT_STAR] = {"star", "star or unstar"},
	[ACT_FETCH] = {"fetch", "fetch the full article"},
	[ACT_REFRESH] = {"refresh", "refresh the feed in view in the background"},
	[ACT_REFRESH_ALL] = {"refresh-all", "refresh every feed in the background"},
	[ACT_REDRAW] = {"redraw", "redraw the screen"},
	[ACT_FILTER] = {"filter", "filter the list"},
	[ACT_CLEAR] = {"clear", "clear highlights or the filter, close a view (never quits)"},
	[ACT_MARK_FEED_READ] = {"mark-feed-read", "mark every article of the feed (or the list) read"},
	[ACT_MARK_ALL_READ] = {"mark-all-read", "mark every article read (asks first)"},
	[ACT_NEXT_UNREAD] = {"next-unread", "go to (in the reader: open) the next unread article"},
	[ACT_UNREAD_ONLY] = {"toggle-unread-only", "show only unread articles and feeds, or all"},
	[ACT_REMOVE_FEED] = {"remove-feed", "unsubscribe from the selected feed (asks first)"},
	[ACT_TAG] = {"tag", "Feeds screen: only the feeds of the next tag (after the last: all)"},
	[ACT_EXPORT] = {"export", "write the article to a Markdown file (asks where)"},
};

const char *action_name(enum action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].name : "none";
}

const char *action_help(enum action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].help : "";
}

int action_from_name(const char *name)
{
	for (int i = 0; i < ACT_COUNT; i++)
		if (!strcmp(name, actions[i].name))
			return i;
	return -1;
}

struct named_key {
	const char *name; /* as written */
	int code;         /* curses code */
};

static const struct named_key named[] = {
	{"Enter", '\n'}, {"Return", '\r'}, {"Tab", '\t'}, {"Esc", 27}, {"Space", ' '},
	{"Backspace", KEY_BACKSPACE}, {"Up", KEY_UP}, {"Down", KEY_DOWN}, {"Left", KEY_LEFT},
	{"Right", KEY_RIGHT}, {"PgUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME},
	{"End", KEY_END}, {"Insert", KEY_IC}, {"Delete", KEY_DC}, {"BackTab", KEY_BTAB},
	{"KpEnter", KEY_ENTER}, {"Hash", '#'},
};

int keys_key_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 1 && (unsigned char)s[0] > ' ' && (unsigned char)s[0] < 127)
		return (unsigned char)s[0];
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (!strcasecmp(s, named[i].name))
			return named[i].code;
	if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		int c = s[2] | 0x20;
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
	}
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3) {
		int k = 0;
		for (size_t i = 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			k = k * 10 + s[i] - '0';
		}
		if (k >= 1 && k <= 12)
			return KEY_F(k);
	}
	return -1;
}

void keys_key_name(int k, char *out, size_t cap)
{
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (named[i].code == k && k != '#') {
			snprintf(out, cap, "%s", named[i].name);
			return;
		}
	if (k >= 1 && k <= 26)
		snprintf(out, cap, "C-%c", 'a' + k - 1);
	else if (k > ' ' && k < 127)
		snprintf(out, cap, "%c", k);
	else if (k >= KEY_F(1) && k <= KEY_F(12))
		snprintf(out, cap, "F%d", k - KEY_F(0));
	else
		snprintf(out, cap, "#%d", k);
}

void keymap_default(struct keymap *m)
{
	static const struct { int key; enum action a; } defs[] = {
		{'q', ACT_BACK}, {'X', ACT_QUIT}, {27, ACT_CLEAR}, {'Q', ACT_QUOTE_SEARCH}, {'j', ACT_DOWN}, {KEY_DOWN, ACT_DOWN},
		{'k', ACT_UP}, {KEY_UP, ACT_UP}, {' ', ACT_PAGE_DOWN}, {KEY_NPAGE, ACT_PAGE_DOWN},
		{6, ACT_PAGE_DOWN}, {'b', ACT_PAGE_UP}, {KEY_PPAGE, ACT_PAGE_UP}, {2, ACT_PAGE_UP},
		{4, ACT_HALF_DOWN}, {21, ACT_HALF_UP}, {'g', ACT_TOP}, {KEY_HOME, ACT_TOP},
		{'G', ACT_BOTTOM}, {KEY_END, ACT_BOTTOM}, {'\n', ACT_SELECT}, {'\r', ACT_SELECT},
		{KEY_ENTER, ACT_SELECT}, {'l', ACT_SELECT}, {KEY_RIGHT, ACT_SELECT}, {'h', ACT_BACK},
		{KEY_LEFT, ACT_BACK}, {'e', ACT_PANEL}, {'\t', ACT_FOCUS}, {KEY_BTAB, ACT_FOCUS},
		{'"', ACT_QUOTES}, {'/', ACT_SEARCH}, {'n', ACT_NEXT}, {'p', ACT_PREV}, {'o', ACT_OPEN},
		{'?', ACT_HELP}, {KEY_F(1), ACT_HELP}, {']', ACT_NEXT_ARTICLE}, {'[', ACT_PREV_ARTICLE},
		{'J', ACT_NEXT_ARTICLE}, {'K', ACT_PREV_ARTICLE}, {'s', ACT_SAVE}, {'m', ACT_READ},
		{'*', ACT_STAR}, {'f', ACT_FETCH}, {'r', ACT_REFRESH}, {'R', ACT_REFRESH_ALL},
		{12, ACT_REDRAW}, {'F', ACT_FILTER}, {'N', ACT_READ}, {'A', ACT_MARK_FEED_READ},
		{'C', ACT_MARK_ALL_READ}, {'u', ACT_NEXT_UNREAD}, {'U', ACT_UNREAD_ONLY}, {'D', ACT_REMOVE_FEED},
		{'t', ACT_TAG}, {'E', ACT_EXPORT},
	};
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < sizeof defs / sizeof *defs; i++)
		m->act[defs[i].key] = (unsigned char)defs[i].a;
}

int keymap_apply_config(struct keymap *m, const struct config *c, char *err, size_t errlen)
{
	for (size_t i = 0; i < c->n_binds; i++) {
		const struct config_bind *b = &c->binds[i];
		int k = keys_key_code(b->key), a = action_from_name(b->action);
		if (k < 0 || k >= KEYMAP_SIZE) {
			snprintf(err, errlen, "line %d: unknown key '%s' (a character, C-x, Enter, Tab, Esc, Space, "
			         "Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, F1-F12)", b->line, b->key);
			return -1;
		}
		if (a < 0) {
			snprintf(err, errlen, "line %d: unknown action '%s' (see dateline(1) or the help screen)",
			         b->line, b->action);
			return -1;
		}
		m->act[k] = (unsigned char)a;
	}
	return 0;
}

enum action keymap_lookup(const struct keymap *m, int k)
{
	return k >= 0 && k < KEYMAP_SIZE ? (enum action)m->act[k] : ACT_NONE;
}

void keymap_keys_for(const struct keymap *m, enum action a, char *out, size_t cap)
{
	size_t len = 0;
	out[0] = 0;
	for (int k = 0; k < KEYMAP_SIZE; k++) {
		if (m->act[k] != a || k == '\r' || k == KEY_ENTER)
			continue;
		char n[16];
		keys_key_name(k, n, sizeof n);
		int w = snprintf(out + len, cap - len, "%s%s", len ? " " : "", n);
		if (w < 0 || (size_t)w >= cap - len)
			break;
		len += (size_t)w;
	}
}
