/*
 * tui_lists.c: the Feeds screen (virtual "All unread", "Saved", "Starred",
 * then each feed with unread/total and its last refresh) and the Articles
 * screen (newest first, marks, date, source, quote count, headline, a
 * filter line). Only the visible rows are drawn; the filter runs over the
 * list in memory.
 */
#include "tui_app.h"
#include "tui.h"
#include "base.h"
#include "store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_VIRTUAL 3

void lists_free(struct app *ap)
{
	store_feeds_free(ap->fv.feeds, ap->fv.n_feeds);
	ap->fv.feeds = NULL;
	ap->fv.n_feeds = 0;
	store_items_free(ap->av.items, ap->av.n_items);
	free(ap->av.shown);
	ap->av.items = NULL;
	ap->av.shown = NULL;
	ap->av.n_items = ap->av.n_shown = 0;
}

/* Counted by the store from its indexes: loading every item to count them took most of a second at 100k. */
static long long count_items(struct app *ap, int flags)
{
	struct store_list_opts o = {flags, 0, 0, 0};
	long long n = 0;
	char err[256];
	if (store_items_count(ap->st, &o, &n, err, sizeof err))
		return 0;
	return n;
}

int feeds_load(struct app *ap)
{
	struct store_feed *f;
	size_t n;
	char err[300];
	if (store_feeds_list(ap->st, &f, &n, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return -1;
	}
	store_feeds_free(ap->fv.feeds, ap->fv.n_feeds);
	ap->fv.feeds = f;
	ap->fv.n_feeds = n;
	ap->fv.unread = count_items(ap, STORE_LIST_UNREAD); /* saved articles outside feeds count too */
	ap->fv.saved = count_items(ap, STORE_LIST_SAVED);
	ap->fv.starred = count_items(ap, STORE_LIST_STARRED);
	if (ap->fv.sel >= N_VIRTUAL + n)
		ap->fv.sel = N_VIRTUAL + n - 1;
	return 0;
}

/* Draws a list row: text left, right part right-aligned; selected rows in reverse. */
static void draw_row(int y, int sel, const char *mark, unsigned long mark_attr, const char *left,
                     unsigned long left_attr, const char *right, unsigned long right_attr)
{
	unsigned long sa = theme_attr(TH_SELECTED);
	if (sel) {
		attrset((attr_t)sa);
		mvhline(y, 0, ' ', COLS);
		attrset(A_NORMAL);
	}
	int rw = right ? wrap_width(right, strlen(right)) : 0;
	tui_put(y, 1, mark, strlen(mark), 2, sel ? sa : mark_attr);
	tui_put(y, 4, left, strlen(left), COLS - 6 - rw, sel ? sa : left_attr);
	if (right)
		tui_put(y, COLS - 1 - rw, right, strlen(right), rw, sel ? sa : right_attr);
}

static void keep_visible(size_t sel, size_t *top, size_t vis)
{
	if (sel < *top)
		*top = sel;
	if (sel >= *top + vis)
		*top = sel + 1 - vis;
}

void feeds_draw(struct app *ap, int rows)
{
	struct feeds_view *fv = &ap->fv;
	char title[64];
	snprintf(title, sizeof title, "Feeds (%zu)", fv->n_feeds);
	tui_put(0, 1, title, strlen(title), COLS - 2, theme_attr(TH_TITLE));
	size_t total = N_VIRTUAL + fv->n_feeds, vis = rows > 2 ? (size_t)rows - 2 : 1;
	keep_visible(fv->sel, &fv->top, vis);
	for (size_t i = 0; i < vis && fv->top + i < total; i++) {
		size_t r = fv->top + i;
		int y = 2 + (int)i, sel = r == fv->sel;
		char right[320];
		if (r < N_VIRTUAL) {
			static const char *const names[N_VIRTUAL] = {"All unread", "Saved", "Starred"};
			long long c = r == 0 ? fv->unread : r == 1 ? fv->saved : fv->starred;
			snprintf(right, sizeof right, "%lld", c);
			draw_row(y, sel, "", 0, names[r], theme_attr(r == 0 && c ? TH_UNREAD : TH_NORMAL), right,
			         theme_attr(TH_DIM));
			continue;
		}
		const struct store_feed *f = &fv->feeds[r - N_VIRTUAL];
		char *t = sanitize_str(f->title && *f->title ? f->title : f->url, 0);
		char *e = f->last_error ? sanitize_str(f->last_error, 0) : NULL;
		char when[32] = "never refreshed";
		if (f->last_refresh) {
			time_t tt = (time_t)f->last_refresh;
			struct tm tm;
			if (localtime_r(&tt, &tm))
				strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		}
		if (e)
			snprintf(right, sizeof right, "%lld/%lld  %.60s", f->n_unread, f->n_items, e);
		else
			snprintf(right, sizeof right, "%lld/%lld  %s", f->n_unread, f->n_items, when);
		draw_row(y, sel, e ? "!" : f->n_unread ? "N" : "", theme_attr(e ? TH_ERROR : TH_UNREAD), t ? t : "",
		         theme_attr(f->n_unread ? TH_UNREAD : TH_NORMAL), right, theme_attr(e ? TH_ERROR : TH_DIM));
		free(t);
		free(e);
	}
}

static void move_sel(size_t *sel, size_t n, long d)
{
	if (!n) {
		*sel = 0;
		return;
	}
	if (d < 0)
		*sel = (size_t)-d > *sel ? 0 : *sel - (size_t)-d;
	else
		*sel = *sel + (size_t)d >= n ? n - 1 : *sel + (size_t)d;
}

int feeds_action(struct app *ap, enum action act)
{
	struct feeds_view *fv = &ap->fv;
	size_t n = N_VIRTUAL + fv->n_feeds;
	long page = LINES > 4 ? LINES - 4 : 1;
	switch (act) {
	case ACT_DOWN: move_sel(&fv->sel, n, 1); return 1;
	case ACT_UP: move_sel(&fv->sel, n, -1); return 1;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: move_sel(&fv->sel, n, page); return 1;
	case ACT_PAGE_UP: case ACT_HALF_UP: move_sel(&fv->sel, n, -page); return 1;
	case ACT_TOP: fv->sel = 0; return 1;
	case ACT_BOTTOM: fv->sel = n - 1; return 1;
	case ACT_SELECT: {
		static const char *const names[N_VIRTUAL] = {"All unread", "Saved", "Starred"};
		static const int flags[N_VIRTUAL] = {STORE_LIST_UNREAD, STORE_LIST_SAVED, STORE_LIST_STARRED};
		if (fv->sel < N_VIRTUAL) {
			if (!articles_load(ap, names[fv->sel], flags[fv->sel], 0))
				app_push(ap, SCR_ARTICLES);
		} else {
			const struct store_feed *f = &fv->feeds[fv->sel - N_VIRTUAL];
			char *t = sanitize_str(f->title && *f->title ? f->title : f->url, 0);
			if (t && !articles_load(ap, t, 0, f->id))
				app_push(ap, SCR_ARTICLES);
			free(t);
		}
		return 1;
	}
	default:
		return 0;
	}
}

int articles_load(struct app *ap, const char *title, int flags, long long feed_id)
{
	struct articles_view *av = &ap->av;
	struct store_list_opts o = {flags, feed_id, 0, 0};
	struct store_item *items;
	size_t n;
	char err[300], t[sizeof av->title], filter[sizeof av->filter];
	if (store_items_list(ap->st, &o, &items, &n, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return -1;
	}
	size_t *shown = malloc((n ? n : 1) * sizeof *shown);
	if (!shown) {
		store_items_free(items, n);
		app_msg(ap, 1, "out of memory");
		return -1;
	}
	long long keep = av->n_shown && av->sel < av->n_shown ? av->items[av->shown[av->sel]].id : 0;
	int same = av->feed_id == feed_id && av->flags == flags && !strcmp(av->title, title);
	snprintf(t, sizeof t, "%s", title);
	snprintf(filter, sizeof filter, "%s", same ? av->filter : "");
	store_items_free(av->items, av->n_items);
	free(av->shown);
	av->items = items;
	av->n_items = n;
	av->shown = shown;
	memcpy(av->title, t, sizeof t);
	av->flags = flags;
	av->feed_id = feed_id;
	if (!same)
		av->sel = av->top = 0;
	articles_filter(ap, filter);
	for (size_t i = 0; keep && i < av->n_shown; i++)
		if (av->items[av->shown[i]].id == keep)
			av->sel = i;
	return 0;
}

/* Case-insensitive (ASCII) substring test; needle is already lower case. */
static int contains(const char *hay, const char *needle, size_t n)
{
	if (!hay)
		return 0;
	unsigned char f = (unsigned char)needle[0], fu = f >= 'a' && f <= 'z' ? f - 32 : f;
	for (; *hay; hay++) {
		if ((unsigned char)*hay != f && (unsigned char)*hay != fu)
			continue;
		size_t k = 1;
		while (k < n && hay[k] && (hay[k] >= 'A' && hay[k] <= 'Z' ? hay[k] + 32 : hay[k]) == needle[k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

void articles_filter(struct app *ap, const char *filter)
{
	struct articles_view *av = &ap->av;
	char low[sizeof av->filter];
	size_t n = 0;
	for (; filter[n] && n + 1 < sizeof low; n++)
		low[n] = filter[n] >= 'A' && filter[n] <= 'Z' ? filter[n] + 32 : filter[n];
	low[n] = 0;
	/* typing one more letter only narrows: look at what is shown, not the whole list */
	int narrow = av->filter[0] && n > strlen(av->filter) && !strncmp(low, av->filter, strlen(av->filter));
	snprintf(av->filter, sizeof av->filter, "%s", low);
	if (narrow) {
		size_t k = 0;
		for (size_t i = 0; i < av->n_shown; i++) {
			const struct store_item *it = &av->items[av->shown[i]];
			if (contains(it->title, low, n) || contains(it->feed_title, low, n))
				av->shown[k++] = av->shown[i];
		}
		av->n_shown = k;
	} else {
		av->n_shown = 0;
		for (size_t i = 0; i < av->n_items; i++)
			if (!n || contains(av->items[i].title, low, n) || contains(av->items[i].feed_title, low, n))
				av->shown[av->n_shown++] = i;
	}
	if (av->sel >= av->n_shown)
		av->sel = av->n_shown ? av->n_shown - 1 : 0;
}

static void item_day(const struct store_item *it, char out[11])
{
	if (it->published && strlen(it->published) >= 10 && it->published[4] == '-') {
		memcpy(out, it->published, 10);
		out[10] = 0;
		return;
	}
	time_t t = (time_t)it->date;
	struct tm tm;
	if (!t || !gmtime_r(&t, &tm) || !strftime(out, 11, "%Y-%m-%d", &tm))
		snprintf(out, 11, "          ");
}

void articles_draw(struct app *ap, int rows)
{
	struct articles_view *av = &ap->av;
	char head[480];
	snprintf(head, sizeof head, "%s (%zu)%s%s", av->title, av->n_shown, av->filter[0] ? "   filter: " : "",
	         av->filter);
	tui_put(0, 1, head, strlen(head), COLS - 2, theme_attr(TH_TITLE));
	size_t vis = rows > 2 ? (size_t)rows - 2 : 1;
	keep_visible(av->sel, &av->top, vis);
	int src_w = COLS >= 100 ? 18 : COLS >= 70 ? 12 : 0;
	for (size_t i = 0; i < vis && av->top + i < av->n_shown; i++) {
		size_t r = av->top + i;
		const struct store_item *it = &av->items[av->shown[r]];
		int y = 2 + (int)i, sel = r == av->sel, x = 1;
		unsigned long sa = theme_attr(TH_SELECTED);
		if (sel) {
			attrset((attr_t)sa);
			mvhline(y, 0, ' ', COLS);
			attrset(A_NORMAL);
		}
		char marks[4] = {it->read ? ' ' : 'N', it->starred ? '*' : ' ', it->saved ? 'S' : ' ', 0}, day[11];
		x += tui_put(y, x, marks, 3, 3, sel ? sa : theme_attr(TH_UNREAD)) + 1;
		item_day(it, day);
		x += tui_put(y, x, day, strlen(day), 10, sel ? sa : theme_attr(TH_DIM)) + 2;
		if (src_w) {
			char *s = sanitize_str(it->feed_title ? it->feed_title : "saved", 0);
			if (s)
				tui_put(y, x, s, strlen(s), src_w - 1, sel ? sa : theme_attr(TH_META));
			free(s);
			x += src_w;
		}
		char q[16];
		snprintf(q, sizeof q, "%3d\xE2\x9D\x9D", it->n_quotes > 999 ? 999 : it->n_quotes);
		x += tui_put(y, x, q, strlen(q), 4, sel ? sa : theme_attr(it->n_quotes ? TH_QUOTE : TH_DIM)) + 2;
		char *h = sanitize_str(it->title ? it->title : "(no title)", 0);
		if (h)
			tui_put(y, x, h, strlen(h), COLS - x - 1, sel ? sa : theme_attr(it->read ? TH_NORMAL : TH_UNREAD));
		free(h);
	}
	if (!av->n_shown) {
		const char *m = av->filter[0] ? "nothing matches the filter" : "no articles here";
		tui_put(2, 4, m, strlen(m), COLS - 5, theme_attr(TH_DIM));
	}
}

void app_mark(struct app *ap, long long id, enum action act)
{
	struct store_item *it;
	char err[300];
	if (store_item_get(ap->st, id, &it, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return;
	}
	enum store_mark m = act == ACT_SAVE ? (it->saved ? STORE_MARK_UNSAVE : STORE_MARK_SAVE)
	                  : act == ACT_STAR ? (it->starred ? STORE_MARK_UNSTAR : STORE_MARK_STAR)
	                  : (it->read ? STORE_MARK_UNREAD : STORE_MARK_READ);
	store_items_free(it, 1);
	if (store_item_mark(ap->st, id, m, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return;
	}
	ap->feeds_stale = 1;
	static const char *const said[] = {"marked read", "marked unread", "starred", "unstarred", "saved", "unsaved"};
	app_msg(ap, 0, "%s", said[m]);
	for (size_t i = 0; i < ap->av.n_items; i++)
		if (ap->av.items[i].id == id) {
			struct store_item *x = &ap->av.items[i];
			if (m == STORE_MARK_READ || m == STORE_MARK_UNREAD)
				x->read = m == STORE_MARK_READ;
			else if (m == STORE_MARK_STAR || m == STORE_MARK_UNSTAR)
				x->starred = m == STORE_MARK_STAR;
			else
				x->saved = m == STORE_MARK_SAVE;
		}
}

int articles_action(struct app *ap, enum action act)
{
	struct articles_view *av = &ap->av;
	long page = LINES > 4 ? LINES - 4 : 1;
	long long id = av->n_shown ? av->items[av->shown[av->sel]].id : 0;
	switch (act) {
	case ACT_DOWN: move_sel(&av->sel, av->n_shown, 1); return 1;
	case ACT_UP: move_sel(&av->sel, av->n_shown, -1); return 1;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: move_sel(&av->sel, av->n_shown, page); return 1;
	case ACT_PAGE_UP: case ACT_HALF_UP: move_sel(&av->sel, av->n_shown, -page); return 1;
	case ACT_TOP: av->sel = 0; return 1;
	case ACT_BOTTOM: move_sel(&av->sel, av->n_shown, (long)av->n_shown); return 1;
	case ACT_SELECT:
		if (id)
			app_open_item(ap, id, -1);
		return 1;
	case ACT_NEXT_ARTICLE:
	case ACT_PREV_ARTICLE: {
		size_t before = av->sel;
		move_sel(&av->sel, av->n_shown, act == ACT_NEXT_ARTICLE ? 1 : -1);
		if (av->sel == before || !av->n_shown)
			app_msg(ap, 1, act == ACT_NEXT_ARTICLE ? "this is the last article" : "this is the first article");
		else
			app_open_item(ap, av->items[av->shown[av->sel]].id, -1);
		return 1;
	}
	case ACT_SAVE: case ACT_READ: case ACT_STAR:
		if (id)
			app_mark(ap, id, act);
		return 1;
	case ACT_FETCH: {
		const char *url = av->n_shown ? av->items[av->shown[av->sel]].link : NULL;
		if (!url || !tui_is_web_url(url))
			app_msg(ap, 1, "this article has no web address to fetch");
		else
			job_start(ap, 2, url, id);
		return 1;
	}
	default:
		return 0;
	}
}
