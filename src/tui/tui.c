/*
 * tui.c: the application: terminal set-up, the main loop, the screen stack,
 * the prompt, the help screen and the status line. The screen state lives
 * in one struct app (tui_app.h) allocated by tui_read() / tui_browse().
 */
#include "tui.h"
#include "tui_app.h"
#include "model.h"
#include "base.h"
#include "analysis.h"
#include "store.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MIN_COLS 40
#define MIN_ROWS 10
#define POLL_MS 100 /* how often a running job is looked at while no key comes */
#define WATCH_MS 1000 /* how often, while idle, the store is looked at for another process's commits */

void app_msg(struct app *ap, int error, const char *fmt, ...)
{
	va_list va;
	va_start(va, fmt);
	vsnprintf(ap->msg, sizeof ap->msg, fmt, va);
	va_end(va);
	ap->msg_error = error;
}

int app_screen(const struct app *ap)
{
	return ap->depth ? ap->stack[ap->depth - 1] : SCR_READER;
}

void app_push(struct app *ap, int screen)
{
	if (ap->depth && ap->stack[ap->depth - 1] == screen)
		return;
	if (ap->depth < (int)(sizeof ap->stack / sizeof *ap->stack))
		ap->stack[ap->depth++] = screen;
	else
		ap->stack[ap->depth - 1] = screen;
}

void app_pop(struct app *ap)
{
	if (ap->depth)
		ap->depth--;
}

int app_draw(struct app *ap)
{
	erase();
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		const char *m = "terminal too small";
		mvaddnstr(0, 0, m, COLS);
		refresh();
		return 0;
	}
	int rows = LINES - 1;
	if (ap->help)
		app_draw_help(ap, rows);
	else switch (app_screen(ap)) {
	case SCR_FEEDS: feeds_draw(ap, rows); break;
	case SCR_ARTICLES: articles_draw(ap, rows); break;
	case SCR_QSEARCH: qsearch_draw(ap, rows); break;
	default:
		if (ap->rd.a && reader_draw(&ap->rd, rows))
			return -1;
	}
	app_draw_status(ap);
	int typing = app_screen(ap) == SCR_QSEARCH && !ap->help && !ap->qv.browse;
	curs_set(ap->prompt || typing ? 1 : 0);
	if (typing && !ap->prompt)
		move(0, 3 + wrap_width(ap->qv.input, strlen(ap->qv.input)));
	refresh();
	return 0;
}

static int reader_show(struct app *ap, const struct article *a)
{
	struct reader nr;
	if (reader_open(&nr, a, &ap->cfg)) {
		app_msg(ap, 1, "out of memory opening the article");
		return -1;
	}
	if (ap->rd.a)
		nr.panel_on = ap->rd.panel_on;
	reader_close(&ap->rd);
	ap->rd = nr;
	return 0;
}

static int open_article(struct app *ap, size_t i)
{
	if (reader_show(ap, ap->arts[i]))
		return -1;
	ap->cur = i;
	return 0;
}

int app_open_item(struct app *ap, long long id, int quote_index)
{
	struct article *a;
	char err[300];
	if (store_article_load(ap->st, id, &a, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return -1;
	}
	/*
	 * opened before the analysis phase reached it: analysed here, in memory
	 * (the phase stores it; a write now could wait on a refresh's lock)
	 */
	int analysed;
	if (!store_item_analysed(ap->st, id, &analysed, err, sizeof err) && !analysed)
		analysis_run(a, err, sizeof err);
	if (reader_show(ap, a)) {
		article_free(a);
		return -1;
	}
	article_free(ap->owned_article);
	ap->owned_article = a;
	ap->item_id = id;
	if (store_item_mark(ap->st, id, STORE_MARK_READ, err, sizeof err))
		app_msg(ap, 1, "%s", err);
	ap->feeds_stale = 1;
	app_push(ap, SCR_READER);
	if (quote_index >= 0) {
		/* lay out first so the jump knows the screen */
		if (COLS >= MIN_COLS && LINES >= MIN_ROWS)
			reader_draw(&ap->rd, LINES - 1);
		reader_goto_quote(&ap->rd, (size_t)quote_index);
	}
	return 0;
}

/* A key while the prompt is open. */
static void prompt_key(struct app *ap, int key, int is_char)
{
	int kind = ap->prompt;
	if (kind == PROMPT_CONFIRM) {
		marks_confirm_key(ap, key, is_char);
		return;
	}
	if (is_char && (key == '\n' || key == '\r')) {
		ap->prompt = PROMPT_NONE;
		if (kind == PROMPT_EXPORT)
			export_start(ap, ap->input);
		return;
	}
	if (is_char && key == 27 && kind == PROMPT_EXPORT) {
		ap->prompt = PROMPT_NONE;
		app_msg(ap, 0, "not exported");
		return;
	}
	if (is_char && key == 27) {
		ap->prompt = PROMPT_NONE;
		ap->input_len = 0;
		ap->input[0] = 0;
	} else if ((!is_char && key == KEY_BACKSPACE) || (is_char && (key == 127 || key == 8))) {
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
	/* what is typed or pasted is drawn on the status line: keep only what is safe to draw */
	char *clean = sanitize_str(ap->input, 0);
	if (!clean)
		return;
	snprintf(ap->input, sizeof ap->input, "%s", clean);
	ap->input_len = strlen(ap->input);
	/* filter and search run as you type */
	if (kind == PROMPT_EXPORT) {
		/* a path: nothing runs before Enter */
	} else if (kind == PROMPT_FILTER && app_screen(ap) == SCR_FEEDS) {
		feeds_filter(ap, clean);
	} else if (kind == PROMPT_FILTER) {
		articles_filter(ap, clean);
	} else {
		reader_search(&ap->rd, clean);
		if (!ap->input_len)
			ap->rd.msg[0] = 0;
	}
	free(clean);
}

static void open_prompt(struct app *ap, int kind)
{
	ap->prompt = kind;
	ap->input_len = 0;
	ap->input[0] = 0;
	if (kind == PROMPT_FILTER && app_screen(ap) == SCR_FEEDS)
		feeds_filter(ap, "");
	else if (kind == PROMPT_FILTER)
		articles_filter(ap, "");
}

/*
 * The URL of the feed the user is looking at (the selected feed, the feed whose
 * list is open, or the open article's feed), or NULL for every feed.
 */
static const char *feed_in_view(struct app *ap)
{
	long long id = 0;
	const struct feeds_view *fv = &ap->fv;
	switch (app_screen(ap)) {
	case SCR_FEEDS: {
		const struct store_feed *f = feeds_selected(ap);
		return f ? f->url : NULL;
	}
	case SCR_ARTICLES:
		id = ap->av.feed_id;
		break;
	case SCR_READER:
		for (size_t i = 0; i < ap->av.n_items && !id; i++)
			if (ap->av.items[i].id == ap->item_id)
				id = ap->av.items[i].feed_id;
		break;
	default:
		break;
	}
	for (size_t i = 0; id && i < fv->n_feeds; i++)
		if (fv->feeds[i].id == id)
			return fv->feeds[i].url;
	return NULL;
}


/* Actions every screen shares. Returns 1 when handled. */
static int common_action(struct app *ap, enum action act, int *quit)
{
	int scr = app_screen(ap);
	switch (act) {
	case ACT_QUIT:
		*quit = 1;
		return 1;
	case ACT_HELP:
		ap->help = 1;
		ap->help_top = 0;
		return 1;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case ACT_MARK_FEED_READ: case ACT_MARK_ALL_READ: case ACT_NEXT_UNREAD: case ACT_UNREAD_ONLY:
	case ACT_REMOVE_FEED: case ACT_TAG: case ACT_EXPORT:
		return marks_action(ap, act);
	case ACT_QUOTE_SEARCH:
		if (!ap->st) {
			app_msg(ap, 1, "quote search needs the store: run dateline without a file");
			return 1;
		}
		if (scr != SCR_QSEARCH)
			qsearch_open(ap);
		return 1;
	case ACT_REFRESH:
	case ACT_REFRESH_ALL:
		if (!ap->st) {
			app_msg(ap, 1, "refresh needs the store: run dateline without a file");
			return 1;
		}
		job_start(ap, 1, act == ACT_REFRESH ? feed_in_view(ap) : NULL, 0);
		return 1;
	default:
		return 0;
	}
}

/* Returns 1 to quit. */
static int app_action(struct app *ap, enum action act, int count)
{
	int quit = 0, scr = app_screen(ap);
	ap->msg[0] = 0;
	if (act == ACT_CLEAR && (ap->help || (scr != SCR_READER && scr != SCR_FEEDS)))
		act = ACT_BACK; /* only the reader has highlights to clear; Feeds is the top, where back quits */
	if (ap->help) {
		switch (act) {
		case ACT_DOWN: ap->help_top++; break;
		case ACT_UP: ap->help_top = ap->help_top ? ap->help_top - 1 : 0; break;
		case ACT_PAGE_DOWN: ap->help_top += (size_t)(LINES / 2); break;
		case ACT_PAGE_UP: ap->help_top = ap->help_top > (size_t)LINES / 2 ? ap->help_top - (size_t)LINES / 2 : 0; break;
		case ACT_TOP: ap->help_top = 0; break;
		case ACT_BOTTOM: ap->help_top = (size_t)-1 / 2; break; /* the draw clamps it */
		case ACT_QUIT: return 1;
		case ACT_BACK: case ACT_HELP: ap->help = 0; break;
		default: break;
		}
		return 0;
	}
	if (common_action(ap, act, &quit))
		return quit;
	if (scr == SCR_QSEARCH)
		return 0; /* its keys are qsearch_key()'s */
	if (scr == SCR_FEEDS) {
		if (act == ACT_SEARCH || act == ACT_FILTER) {
			open_prompt(ap, PROMPT_FILTER);
			return 0;
		}
		if ((act == ACT_BACK || act == ACT_CLEAR) && ap->fv.filter[0]) {
			feeds_filter(ap, "");
			return 0;
		}
		if (act == ACT_CLEAR) /* Esc never quits: a stray one (or one after /) must not drop to the shell */
			return 0;
		if (act == ACT_BACK)
			return 1;
		if (!feeds_action(ap, act, count) && act == ACT_OPEN)
			app_msg(ap, 1, "o opens an article: open a feed first (Enter)");
		if (act == ACT_SAVE || act == ACT_READ || act == ACT_STAR || act == ACT_FETCH)
			app_msg(ap, 1, "%s works on an article: open a feed first (Enter)", action_name(act));
		return 0;
	}
	if (scr == SCR_ARTICLES) {
		if (act == ACT_SEARCH || act == ACT_FILTER) {
			open_prompt(ap, PROMPT_FILTER);
			return 0;
		}
		if (act == ACT_BACK && ap->av.filter[0]) {
			articles_filter(ap, "");
			return 0;
		}
		if (act == ACT_BACK) {
			app_pop(ap);
			if (!ap->depth)
				return 1;
			if (ap->feeds_stale && !feeds_load(ap))
				ap->feeds_stale = 0;
			return 0;
		}
		articles_action(ap, act, count);
		return 0;
	}
	/* the reader */
	switch (act) {
	case ACT_SEARCH:
		open_prompt(ap, PROMPT_SEARCH);
		return 0;
	case ACT_NEXT_ARTICLE:
	case ACT_PREV_ARTICLE: {
		if (ap->st && ap->item_id) {
			articles_action(ap, act, 0); /* moves in the list and opens the next item */
			return 0;
		}
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
	case ACT_SAVE: case ACT_READ: case ACT_STAR:
		if (ap->st && ap->item_id)
			app_mark(ap, ap->item_id, act);
		else
			app_msg(ap, 1, "only articles from the store can be saved or marked");
		return 0;
	case ACT_FETCH: {
		const char *url = ap->rd.a ? ap->rd.a->url : NULL;
		if (!ap->st || !ap->item_id)
			app_msg(ap, 1, "only articles from the store are fetched in full");
		else if (!url || !tui_is_web_url(url))
			app_msg(ap, 1, "this article has no web address to fetch");
		else
			job_start(ap, 2, url, ap->item_id);
		return 0;
	}
	default:
		break;
	}
	if (reader_action(&ap->rd, act, count)) {
		if (ap->depth > 1) {
			app_pop(ap);
			if (app_screen(ap) == SCR_ARTICLES)
				articles_load(ap, ap->av.title, ap->av.flags, ap->av.feed_id);
			if (app_screen(ap) == SCR_QSEARCH)
				ap->qv.browse = 1; /* q was for leaving the article: it must not land in the query */
			return 0;
		}
		return 1;
	}
	return 0;
}

static void handle_mouse(struct app *ap)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	int dir = 0, scr = app_screen(ap);
	if ((ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) && !ap->help && !ap->prompt &&
	    (scr == SCR_FEEDS || scr == SCR_ARTICLES) && ev.y >= 2 && ev.y < LINES - 1) {
		/* a click selects the row; a click on the selected row opens it */
		size_t *sel = scr == SCR_FEEDS ? &ap->fv.sel : &ap->av.sel;
		size_t row = (scr == SCR_FEEDS ? ap->fv.top : ap->av.top) + (size_t)(ev.y - 2);
		size_t n = scr == SCR_FEEDS ? feeds_n_rows(ap) : ap->av.n_shown;
		if (row >= n)
			return;
		if (row == *sel)
			app_action(ap, ACT_SELECT, 0);
		else
			*sel = row;
		return;
	}
	if (ev.bstate & BUTTON4_PRESSED)
		dir = -1;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		dir = 1;
#endif
	if (!dir)
		return;
	if (!ap->help && app_screen(ap) == SCR_READER)
		reader_wheel(&ap->rd, ev.y, ev.x, dir);
	else
		app_action(ap, dir > 0 ? ACT_DOWN : ACT_UP, 0);
}

/* One key; returns 1 to quit. */
int tui_key(struct app *ap, int key, int is_char)
{
	if (!is_char && key == KEY_RESIZE)
		return 0; /* ncurses has the new size; the next draw lays out again */
	if (!is_char && key == KEY_MOUSE) {
		handle_mouse(ap);
		return 0;
	}
	if (ap->prompt) {
		prompt_key(ap, key, is_char);
		return 0;
	}
	if (!ap->help && app_screen(ap) == SCR_QSEARCH && qsearch_key(ap, key, is_char))
		return 0;
	enum action act = key >= 0 && key < KEYMAP_SIZE ? keymap_lookup(&ap->keys, key) : ACT_NONE;
	if (act == ACT_NONE && is_char && key >= '0' && key <= '9' && (key != '0' || ap->count)) {
		if (ap->count < 100000)
			ap->count = ap->count * 10 + (key - '0');
		return 0;
	}
	int count = ap->count;
	ap->count = 0;
	/* N is newsboat's toggle-read, and vi's previous match: while matches or mentions are highlighted
	   in the reader it stays the latter (p always is) */
	if (act == ACT_READ && key == 'N' && is_char && !ap->help && app_screen(ap) == SCR_READER && ap->rd.n_targets)
		act = ACT_PREV;
	return act != ACT_NONE ? app_action(ap, act, count) : 0;
}

static int run(struct app *ap, char *err, size_t errlen)
{
	for (;;) {
		if (app_draw(ap)) {
			snprintf(err, errlen, "out of memory laying out the article");
			return -1;
		}
		int wait = job_auto_wait_ms(ap), every = ap->av.more ? 0 : ap->job.pid ? POLL_MS : WATCH_MS;
		timeout(wait < 0 || wait > every ? every : wait);
		wint_t wc;
		int r = get_wch(&wc);
		job_auto_refresh(ap, 0);
		/* a refresh of our own, or one run beside us (`dateline refresh` in another terminal, cron):
		 * the Feeds screen shows its new items at once, the other screens when the user comes back */
		int finished = ap->job.pid && job_poll(ap), changed = 0;
		double now = clock_seconds();
		if (ap->st && now >= ap->next_watch) { /* at most once a WATCH_MS: a refresh commits often */
			ap->next_watch = now + WATCH_MS / 1000.0;
			changed = store_changed_elsewhere(ap->st);
		}
		if (changed || finished) {
			ap->feeds_stale = 1;
			if (app_screen(ap) == SCR_FEEDS && !feeds_load(ap))
				ap->feeds_stale = 0;
		}
		if (ap->av.more) /* the rest of a long list: while the user looks at its first rows, and before a key acts */
			articles_load_rest(ap);
		if (r == ERR)
			continue;
		if (tui_key(ap, (int)wc, r == OK))
			return 0;
	}
}

int app_init(struct app *ap, char *err, size_t errlen)
{
	config_defaults(&ap->cfg);
	keymap_default(&ap->keys);
	ap->job.fd = -1;
	char e[512];
	if (config_load(&ap->cfg, NULL, e, sizeof e) || keymap_apply_config(&ap->keys, &ap->cfg, e, sizeof e) ||
	    theme_load(&ap->theme, ap->cfg.theme, e, sizeof e)) {
		snprintf(err, errlen, "%s", e);
		return -1;
	}
	return 0;
}

void app_free(struct app *ap)
{
	job_stop(ap);
	reader_close(&ap->rd);
	lists_free(ap);
	qsearch_free(ap);
	article_free(ap->owned_article);
	config_free(&ap->cfg);
	free(ap);
}

/* Sets the terminal up, runs the loop, puts the terminal back. */
static int app_run(struct app *ap, char *err, size_t errlen)
{
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		snprintf(err, errlen, "cannot use the terminal (is TERM set?)");
		return -1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (ap->cfg.mouse) {
#ifdef BUTTON5_PRESSED
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
#else
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED, NULL);
#endif
		mouseinterval(0);
	}
	theme_start(&ap->theme, (int)ap->cfg.colors);
	int rc = 0;
	if (app_screen(ap) == SCR_READER && !ap->rd.a && open_article(ap, 0)) {
		snprintf(err, errlen, "out of memory opening the article");
		rc = -1;
	}
	if (!rc)
		rc = run(ap, err, errlen);
	endwin();
	delscreen(scr);
	return rc;
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
	int rc = app_init(ap, err, errlen);
	if (!rc) {
		app_push(ap, SCR_READER);
		rc = app_run(ap, err, errlen);
	}
	app_free(ap);
	return rc;
}

int tui_browse(struct store *st, const char *self, char *err, size_t errlen)
{
	struct app *ap = calloc(1, sizeof *ap);
	if (!ap) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	ap->st = st;
	ap->self = self;
	int rc = app_init(ap, err, errlen);
	if (!rc && feeds_load(ap)) {
		snprintf(err, errlen, "%s", ap->msg);
		rc = -1;
	}
	if (!rc) {
		app_push(ap, SCR_FEEDS);
		ap->unread_only = ap->cfg.unread_only;
		feeds_filter(ap, "");
		job_auto_refresh(ap, 1);
		rc = app_run(ap, err, errlen);
	}
	app_free(ap);
	return rc;
}
