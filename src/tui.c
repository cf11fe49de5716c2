/*
 * tui.c: the application: terminal set-up, the main loop, the prompt, the
 * help screen and the status line. The screen state lives in one struct app
 * on tui_read()'s stack.
 */
#include "tui.h"
#include "tui_keys.h"
#include "tui_reader.h"
#include "tui_theme.h"
#include "article.h"
#include "config.h"
#include "sanitize.h"
#include "utf8.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MIN_COLS 40
#define MIN_ROWS 10

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH };

struct app {
	struct config cfg;        /* settings (owned) */
	struct theme theme;       /* colours */
	struct keymap keys;       /* bindings */
	struct article **arts;    /* borrowed */
	size_t n_arts, cur;       /* articles and the one shown */
	struct reader rd;         /* the reader on arts[cur] */
	int help;                 /* 1 while the help screen shows */
	size_t help_top;          /* its first visible row */
	int prompt;               /* enum prompt_kind */
	char input[256];          /* the prompt's text */
	size_t input_len;         /* its bytes */
	int count;                /* typed count prefix */
	char msg[256];            /* status message */
	int msg_error;            /* 1 for an error */
};

static void app_msg(struct app *ap, int error, const char *m)
{
	snprintf(ap->msg, sizeof ap->msg, "%s", m);
	ap->msg_error = error;
}

static void draw_help(struct app *ap, int rows)
{
	int w = COLS;
	erase();
	const char *title = "dateline: keys (q or ? to close; bind KEY ACTION in the config changes them)";
	tui_put(0, 1, title, strlen(title), w - 2, theme_attr(TH_TITLE));
	size_t n = ACT_COUNT - 1, vis = rows > 2 ? (size_t)rows - 2 : 1;
	if (ap->help_top + vis > n)
		ap->help_top = n > vis ? n - vis : 0;
	for (size_t i = 0; i < vis && ap->help_top + i < n; i++) {
		enum action a = (enum action)(ap->help_top + i + 1);
		char keys[128];
		keymap_keys_for(&ap->keys, a, keys, sizeof keys);
		int y = 2 + (int)i;
		tui_put(y, 1, keys[0] ? keys : "(unbound)", strlen(keys[0] ? keys : "(unbound)"), 22,
		        keys[0] ? theme_attr(TH_KEY) : theme_attr(TH_DIM));
		const char *h = action_help(a);
		int c = tui_put(y, 24, h, strlen(h), w - 25, theme_attr(TH_NORMAL));
		const char *name = action_name(a);
		if (w - 25 - c > (int)strlen(name) + 3)
			tui_put(y, w - 1 - (int)strlen(name), name, strlen(name), (int)strlen(name), theme_attr(TH_DIM));
	}
}

static void draw_status(struct app *ap)
{
	int y = LINES - 1;
	attrset((attr_t)theme_attr(TH_STATUS));
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
	if (ap->prompt) {
		int c = tui_put(y, 0, "/", 1, 1, theme_attr(TH_STATUS));
		c += tui_put(y, c, ap->input, ap->input_len, COLS - 2, theme_attr(TH_STATUS));
		move(y, c);
		return;
	}
	char right[160];
	reader_status(&ap->rd, right, sizeof right);
	if (ap->count) {
		size_t l = strlen(right);
		snprintf(right + l, sizeof right - l, "  %d", ap->count);
	}
	int rw = (int)strlen(right);
	const char *left = ap->rd.msg[0] ? ap->rd.msg : ap->msg;
	int err = ap->rd.msg[0] ? ap->rd.msg_error : ap->msg_error;
	char deflt[320];
	if (!left[0]) {
		char *h = sanitize_str(ap->arts[ap->cur]->headline ? ap->arts[ap->cur]->headline : "", 0);
		snprintf(deflt, sizeof deflt, "%s%s  ? help", ap->n_arts > 1 ? "[ ] articles  " : "", h ? h : "");
		free(h);
		left = deflt;
	}
	if (rw + 2 < COLS)
		tui_put(y, COLS - rw - 1, right, (size_t)rw, rw, theme_attr(TH_STATUS));
	tui_put(y, 1, left, strlen(left), COLS - rw - 4, err ? theme_attr(TH_ERROR) | A_REVERSE : theme_attr(TH_STATUS));
}

static int draw(struct app *ap)
{
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		erase();
		const char *m = "terminal too small";
		mvaddnstr(0, 0, m, COLS);
		refresh();
		return 0;
	}
	int rows = LINES - 1;
	erase();
	if (ap->help)
		draw_help(ap, rows);
	else if (reader_draw(&ap->rd, rows))
		return -1;
	draw_status(ap);
	curs_set(ap->prompt ? 1 : 0);
	refresh();
	return 0;
}

static int open_article(struct app *ap, size_t i)
{
	struct reader nr;
	if (reader_open(&nr, ap->arts[i], &ap->cfg)) {
		app_msg(ap, 1, "out of memory opening the article");
		return -1;
	}
	nr.panel_on = ap->rd.a ? ap->rd.panel_on : ap->cfg.panel;
	reader_close(&ap->rd);
	ap->rd = nr;
	ap->cur = i;
	return 0;
}

/* A key while the prompt is open. */
static void prompt_key(struct app *ap, int key, int is_char)
{
	if (is_char && (key == '\n' || key == '\r')) {
		ap->prompt = PROMPT_NONE;
		return;
	}
	if (is_char && key == 27) {
		ap->prompt = PROMPT_NONE;
		reader_search(&ap->rd, "");
		ap->rd.msg[0] = 0;
		return;
	}
	if ((!is_char && key == KEY_BACKSPACE) || (is_char && (key == 127 || key == 8))) {
		while (ap->input_len && ((unsigned char)ap->input[ap->input_len - 1] & 0xC0) == 0x80)
			ap->input_len--;
		if (ap->input_len)
			ap->input_len--;
		else
			ap->prompt = PROMPT_NONE;
	} else if (is_char && key >= ' ' && key != 127) {
		char enc[4];
		size_t n = utf8_encode((uint32_t)key, enc);
		if (ap->input_len + n < sizeof ap->input) {
			memcpy(ap->input + ap->input_len, enc, n);
			ap->input_len += n;
		}
	} else {
		return;
	}
	ap->input[ap->input_len] = 0;
	/* the search runs as you type */
	char *clean = sanitize_str(ap->input, 0);
	if (clean) {
		reader_search(&ap->rd, clean);
		free(clean);
	}
}

/* Returns 1 to quit. */
static int app_action(struct app *ap, enum action act, int count)
{
	ap->msg[0] = 0;
	if (ap->help) {
		switch (act) {
		case ACT_DOWN: ap->help_top++; break;
		case ACT_UP: ap->help_top = ap->help_top ? ap->help_top - 1 : 0; break;
		case ACT_PAGE_DOWN: ap->help_top += (size_t)(LINES / 2); break;
		case ACT_PAGE_UP: ap->help_top = ap->help_top > (size_t)LINES / 2 ? ap->help_top - (size_t)LINES / 2 : 0; break;
		case ACT_TOP: ap->help_top = 0; break;
		case ACT_BOTTOM: ap->help_top = ACT_COUNT; break;
		case ACT_QUIT: return 1;
		case ACT_BACK: case ACT_HELP: ap->help = 0; break;
		default: break;
		}
		return 0;
	}
	switch (act) {
	case ACT_QUIT:
		return 1;
	case ACT_HELP:
		ap->help = 1;
		ap->help_top = 0;
		return 0;
	case ACT_SEARCH:
		ap->prompt = PROMPT_SEARCH;
		ap->input_len = 0;
		ap->input[0] = 0;
		return 0;
	case ACT_NEXT_ARTICLE:
	case ACT_PREV_ARTICLE: {
		size_t to = ap->cur;
		if (act == ACT_NEXT_ARTICLE && ap->cur + 1 < ap->n_arts)
			to = ap->cur + 1;
		else if (act == ACT_PREV_ARTICLE && ap->cur > 0)
			to = ap->cur - 1;
		if (to == ap->cur)
			app_msg(ap, 1, act == ACT_NEXT_ARTICLE ? "this is the last article" : "this is the first article");
		else
			open_article(ap, to);
		return 0;
	}
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	case ACT_QUOTE_SEARCH: case ACT_SAVE: case ACT_READ: case ACT_STAR: case ACT_FETCH:
	case ACT_REFRESH: case ACT_REFRESH_ALL: case ACT_FILTER:
		app_msg(ap, 1, "needs the store: open dateline without a file to use feeds, saving and quote search");
		return 0;
	default:
		return reader_action(&ap->rd, act, count);
	}
}

static void handle_mouse(struct app *ap)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	int dir = 0;
	if (ev.bstate & BUTTON4_PRESSED)
		dir = -1;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		dir = 1;
#endif
	if (!dir)
		return;
	if (ap->help)
		app_action(ap, dir > 0 ? ACT_DOWN : ACT_UP, 0);
	else
		reader_wheel(&ap->rd, ev.y, ev.x, dir);
}

static int run(struct app *ap, char *err, size_t errlen)
{
	if (open_article(ap, 0)) {
		snprintf(err, errlen, "out of memory opening the article");
		return -1;
	}
	for (;;) {
		if (draw(ap)) {
			snprintf(err, errlen, "out of memory laying out the article");
			return -1;
		}
		wint_t wc;
		int r = get_wch(&wc);
		if (r == ERR)
			continue;
		int key = (int)wc, is_char = r == OK;
		if (!is_char && key == KEY_RESIZE)
			continue; /* ncurses has the new size; the next draw lays out again */
		if (!is_char && key == KEY_MOUSE) {
			handle_mouse(ap);
			continue;
		}
		if (ap->prompt) {
			prompt_key(ap, key, is_char);
			continue;
		}
		enum action act = key < KEYMAP_SIZE ? keymap_lookup(&ap->keys, key) : ACT_NONE;
		if (act == ACT_NONE && is_char && key >= '0' && key <= '9' && (key != '0' || ap->count)) {
			if (ap->count < 100000)
				ap->count = ap->count * 10 + (key - '0');
			continue;
		}
		int count = ap->count;
		ap->count = 0;
		if (act != ACT_NONE && app_action(ap, act, count))
			return 0;
	}
}

int tui_read(struct article **arts, size_t n, char *err, size_t errlen)
{
	if (!n)
		return 0;
	struct app *ap = calloc(1, sizeof *ap);
	if (!ap) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	ap->arts = arts;
	ap->n_arts = n;
	config_defaults(&ap->cfg);
	keymap_default(&ap->keys);
	char e[512];
	int rc = -1;
	if (config_load(&ap->cfg, NULL, e, sizeof e) || keymap_apply_config(&ap->keys, &ap->cfg, e, sizeof e) ||
	    theme_load(&ap->theme, ap->cfg.theme, e, sizeof e)) {
		snprintf(err, errlen, "%s", e);
		goto out;
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		snprintf(err, errlen, "cannot use the terminal (is TERM set?)");
		goto out;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (ap->cfg.mouse) {
#ifdef BUTTON5_PRESSED
		mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
#else
		mousemask(BUTTON4_PRESSED, NULL);
#endif
		mouseinterval(0);
	}
	theme_start(&ap->theme, (int)ap->cfg.colors);
	rc = run(ap, err, errlen);
	endwin();
	delscreen(scr);
out:
	reader_close(&ap->rd);
	config_free(&ap->cfg);
	free(ap);
	return rc;
}
