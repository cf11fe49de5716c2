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
/*
 * A list opened afresh shows its first rows at once; the rest is read on the
 * next turn without a key, or before the next key acts: a feed of 10,000
 * items in a store of a million is a read per item, 0.05 to 0.1 s.
 */
#define FIRST_ROWS 200

void lists_free(struct app *ap)
{
	feeds_free(ap);
	store_items_free(ap->av.items, ap->av.n_items);
	free(ap->av.shown);
	ap->av.items = NULL;
	ap->av.shown = NULL;
	ap->av.n_items = ap->av.n_shown = 0;
	ap->av.more = 0;
}

/* Draws a list row: text left, right part right-aligned; selected rows in reverse. */
void list_draw_row(int y, int sel, const char *mark, unsigned long mark_attr, const char *left,
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

void list_keep_visible(size_t sel, size_t *top, size_t vis)
{
	if (sel < *top)
		*top = sel;
	if (sel >= *top + vis)
		*top = sel + 1 - vis;
}

void list_move(size_t *sel, size_t n, long d)
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

int articles_load(struct app *ap, const char *title, int flags, long long feed_id)
{
	struct articles_view *av = &ap->av;
	int same = av->feed_id == feed_id && av->flags == flags && !strcmp(av->title, title);
	struct store_list_opts o = {flags, feed_id, same ? 0 : FIRST_ROWS, 0};
	struct store_item *items;
	size_t n;
	char err[300], t[sizeof av->title], filter[sizeof av->filter];
	if (feed_id < 0) { /* a query feed: -1 - its index in the config */
		if (query_items(ap, (size_t)(-1 - feed_id), &items, &n))
			return -1;
	} else if (store_items_list(ap->st, &o, &items, &n, err, sizeof err)) {
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
	av->more = feed_id >= 0 && o.limit && n == o.limit;
	if (!same)
		av->sel = av->top = 0;
	articles_filter(ap, filter);
	for (size_t i = 0; keep && i < av->n_shown; i++)
		if (av->items[av->shown[i]].id == keep)
			av->sel = i;
	return 0;
}

int articles_load_rest(struct app *ap)
{
	struct articles_view *av = &ap->av;
	if (!av->more)
		return 0;
	av->more = 0;
	struct store_list_opts o = {av->flags, av->feed_id, 0, 0};
	struct store_item *rest;
	size_t n;
	char err[300];
	if (store_items_list_after(ap->st, &o, av->n_items ? &av->items[av->n_items - 1] : NULL, &rest, &n,
	                           err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return -1;
	}
	struct store_item *all = n ? realloc(av->items, (av->n_items + n) * sizeof *all) : av->items;
	size_t *shown = n ? realloc(av->shown, (av->n_items + n) * sizeof *shown) : av->shown;
	if (all)
		av->items = all;
	if (shown)
		av->shown = shown;
	if (!all || !shown) {
		store_items_free(rest, n);
		app_msg(ap, 1, "out of memory reading the rest of the list");
		return -1;
	}
	memcpy(av->items + av->n_items, rest, n * sizeof *rest);
	free(rest); /* its strings now belong to av->items */
	long long keep = av->n_shown && av->sel < av->n_shown ? av->items[av->shown[av->sel]].id : 0;
	av->n_items += n;
	char filter[sizeof av->filter];
	snprintf(filter, sizeof filter, "%s", av->filter);
	av->filter[0] = '\0'; /* the whole list filtered again, not only what was shown */
	articles_filter(ap, filter);
	for (size_t i = 0; keep && i < av->n_shown; i++)
		if (av->items[av->shown[i]].id == keep)
			av->sel = i;
	return 0;
}

/* Case-insensitive (ASCII) substring test; needle is already lower case. */
int list_contains(const char *hay, const char *needle, size_t n)
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
			if ((!ap->unread_only || !it->read) && !query_ignored(ap, it) &&
			    (list_contains(it->title, low, n) || list_contains(it->feed_title, low, n)))
				av->shown[k++] = av->shown[i];
		}
		av->n_shown = k;
	} else {
		av->n_shown = 0;
		for (size_t i = 0; i < av->n_items; i++)
			if ((!ap->unread_only || !av->items[i].read) && !query_ignored(ap, &av->items[i]) &&
			    (!n || list_contains(av->items[i].title, low, n) || list_contains(av->items[i].feed_title, low, n)))
				av->shown[av->n_shown++] = i;
	}
	if (av->sel >= av->n_shown)
		av->sel = av->n_shown ? av->n_shown - 1 : 0;
}

void articles_draw(struct app *ap, int rows)
{
	struct articles_view *av = &ap->av;
	char head[480];
	snprintf(head, sizeof head, "%s (%zu)%s%s%s", av->title, av->n_shown, ap->unread_only ? "   unread only" : "",
	         av->filter[0] ? "   filter: " : "", av->filter);
	tui_put(0, 1, head, strlen(head), COLS - 2, theme_attr(TH_TITLE));
	size_t vis = rows > 2 ? (size_t)rows - 2 : 1;
	list_keep_visible(av->sel, &av->top, vis);
	int src_w = COLS >= 100 ? 18 : COLS >= 70 ? 12 : 0;
	char day[64];
	tui_format_time((long long)time(NULL), ap->cfg.list_date_format, day, sizeof day);
	int day_w = wrap_width(day, strlen(day));
	if (day_w > COLS / 3)
		day_w = COLS / 3;
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
		char marks[4] = {it->read ? ' ' : 'N', it->starred ? '*' : ' ', it->saved ? 'S' : ' ', 0};
		x += tui_put(y, x, marks, 3, 3, sel ? sa : theme_attr(TH_UNREAD)) + 1;
		tui_format_day(it->published, it->date, ap->cfg.list_date_format, day, sizeof day);
		tui_put(y, x, day, strlen(day), day_w, sel ? sa : theme_attr(TH_DIM));
		x += day_w + 2;
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
		const char *m = av->filter[0] ? "nothing matches the filter (Esc clears it)"
		              : ap->unread_only && av->n_items ? "no unread articles here (U shows all)" : "no articles here";
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
	/* saving is for reading offline: a summary-only item gets its page, as f does */
	int fetch = m == STORE_MARK_SAVE && !it->full && it->link && tui_is_web_url(it->link);
	char *link = fetch ? strdup(it->link) : NULL;
	store_items_free(it, 1);
	if (store_item_mark(ap->st, id, m, err, sizeof err)) {
		free(link);
		app_msg(ap, 1, "%s", err);
		return;
	}
	ap->feeds_stale = 1;
	static const char *const said[] = {"marked read", "marked unread", "starred", "unstarred", "saved", "unsaved"};
	app_msg(ap, 0, "%s", said[m]);
	if (fetch && (!link || job_start(ap, 2, link, id)))
		app_msg(ap, 1, "saved the summary only: %s (f fetches the full article later)",
		        link ? ap->msg : "out of memory");
	else if (fetch)
		app_msg(ap, 0, "saved; fetching the full article to keep");
	free(link);
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

/* Index in shown of the first unread item after row from, or (size_t)-1. */
size_t articles_next_unread(const struct app *ap, size_t from)
{
	const struct articles_view *av = &ap->av;
	for (size_t r = from + 1; r < av->n_shown; r++)
		if (!av->items[av->shown[r]].read)
			return r;
	return (size_t)-1;
}

int articles_action(struct app *ap, enum action act, int count)
{
	struct articles_view *av = &ap->av;
	long c = count > 0 ? count : 1, page = LINES > 4 ? LINES - 4 : 1;
	const struct store_item *it = av->n_shown ? &av->items[av->shown[av->sel]] : NULL;
	long long id = it ? it->id : 0;
	switch (act) {
	case ACT_DOWN: list_move(&av->sel, av->n_shown, c); return 1;
	case ACT_UP: list_move(&av->sel, av->n_shown, -c); return 1;
	case ACT_PAGE_DOWN: list_move(&av->sel, av->n_shown, c * page); return 1;
	case ACT_PAGE_UP: list_move(&av->sel, av->n_shown, -c * page); return 1;
	case ACT_HALF_DOWN: list_move(&av->sel, av->n_shown, c * (page / 2 + 1)); return 1;
	case ACT_HALF_UP: list_move(&av->sel, av->n_shown, -c * (page / 2 + 1)); return 1;
	case ACT_TOP: av->sel = 0; return 1;
	case ACT_BOTTOM: list_move(&av->sel, av->n_shown, (long)av->n_shown); return 1;
	case ACT_SELECT:
		if (id)
			app_open_item(ap, id, -1);
		return 1;
	case ACT_NEXT:
	case ACT_NEXT_UNREAD: {
		size_t r = articles_next_unread(ap, av->sel);
		if (r == (size_t)-1)
			app_msg(ap, 0, "no unread article below");
		else
			av->sel = r;
		return 1;
	}
	case ACT_NEXT_ARTICLE:
	case ACT_PREV_ARTICLE: {
		size_t before = av->sel;
		list_move(&av->sel, av->n_shown, act == ACT_NEXT_ARTICLE ? 1 : -1);
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
	case ACT_OPEN: {
		char err[300];
		if (!it || !it->link || !tui_is_web_url(it->link)) {
			app_msg(ap, 1, "this article has no web address to open");
		} else if (tui_open_url(&ap->cfg, it->link, err, sizeof err)) {
			app_msg(ap, 1, "%s", err);
		} else {
			if (!it->read)
				app_mark(ap, id, ACT_READ);
			app_msg(ap, 0, "opened in the browser");
		}
		return 1;
	}
	case ACT_FETCH:
		if (!it || !it->link || !tui_is_web_url(it->link))
			app_msg(ap, 1, "this article has no web address to fetch");
		else
			job_start(ap, 2, it->link, id);
		return 1;
	default:
		return 0;
	}
}
