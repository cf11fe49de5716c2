/*
 * tui_feeds.c: the Feeds screen: the virtual "All unread", "Saved",
 * "Starred", then each feed with unread/total and its last refresh, in the
 * order of the feeds file by default (feed-sort), narrowed by the filter
 * line and the unread-only view. A feed whose line left the feeds file
 * leaves the store here (its saved and starred articles stay).
 */
#include "tui_app.h"
#include "tui.h"
#include "base.h"
#include "store.h"
#include "subs.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define N_VIRTUAL 3 /* All unread, Saved, Starred; then the query feeds of the config */
#define N_FIXED(ap) (N_VIRTUAL + (ap)->cfg.n_query_feeds)

static const char *const virtual_names[N_VIRTUAL] = {"All unread", "Saved", "Starred"};

size_t feeds_n_rows(const struct app *ap)
{
	return N_FIXED(ap) + ap->fv.n_shown;
}

void feeds_free(struct app *ap)
{
	store_feeds_free(ap->fv.feeds, ap->fv.n_feeds);
	free(ap->fv.shown);
	free(ap->fv.rank);
	ap->fv.feeds = NULL;
	ap->fv.shown = NULL;
	ap->fv.rank = NULL;
	ap->fv.n_feeds = ap->fv.n_shown = 0;
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

/*
 * Removes from the store the web feeds whose line left the feeds file (the
 * user unsubscribed by editing it). Only when the file is there and names
 * at least one of the store's feeds: without one, the store is all there
 * is. Returns how many went.
 */
static int prune_unsubscribed(struct app *ap, const struct feedlist *fl, int have_file)
{
	int gone = 0, shared = 0;
	char err[300];
	/* the file must be this store's: an empty one, or one naming none of its feeds (another store
	   opened with --db), says nothing about what to remove */
	for (size_t i = 0; have_file && i < ap->fv.n_feeds && !shared; i++)
		shared = feedlist_find(fl, ap->fv.feeds[i].url) >= 0;
	if (!shared)
		return 0;
	/* with an aggregator as the source, the feeds file is not the list of subscriptions */
	struct source_config *src = malloc(sizeof *src);
	int feeds_file = src && !source_config_load(src, err, sizeof err) && src->kind == SOURCE_FEEDS;
	free(src);
	if (!feeds_file)
		return 0;
	for (size_t i = 0; i < ap->fv.n_feeds; i++) {
		const struct store_feed *f = &ap->fv.feeds[i];
		if (!tui_is_web_url(f->url) || feedlist_find(fl, f->url) >= 0)
			continue;
		if (store_feed_remove(ap->st, f->id, NULL, err, sizeof err))
			app_msg(ap, 1, "%s", err);
		else
			gone++;
	}
	return gone;
}

static const struct app *sort_ap; /* qsort has no context argument; set only around the call */

static int feed_cmp(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct feeds_view *fv = &sort_ap->fv;
	const struct store_feed *x = &fv->feeds[i], *y = &fv->feeds[j];
	int by = sort_ap->cfg.feed_sort;
	if (by == FEED_SORT_UNREAD && x->n_unread != y->n_unread)
		return x->n_unread > y->n_unread ? -1 : 1;
	if (by == FEED_SORT_FILE && fv->rank[i] != fv->rank[j])
		return fv->rank[i] < fv->rank[j] ? -1 : 1;
	const char *tx = x->title && *x->title ? x->title : x->url, *ty = y->title && *y->title ? y->title : y->url;
	int c = strcasecmp(tx, ty);
	return c ? c : (i > j) - (i < j);
}

/* 1 when the space-separated list tags holds tag (any case). */
static int has_tag(const char *tags, const char *tag)
{
	size_t n = strlen(tag);
	for (const char *p = tags; p && *p;) {
		size_t w = strcspn(p, " ");
		if (w == n && !strncasecmp(p, tag, n))
			return 1;
		p += w;
		p += strspn(p, " ");
	}
	return 0;
}

void feeds_next_tag(struct app *ap)
{
	struct feeds_view *fv = &ap->fv;
	/* the smallest tag after the current one, in byte order: cycling needs no list kept */
	const char *best = NULL;
	size_t best_n = 0;
	for (size_t i = 0; i < fv->n_feeds; i++)
		for (const char *p = fv->feeds[i].tags; p && *p;) {
			size_t w = strcspn(p, " ");
			int after = !fv->tag[0] || strncmp(p, fv->tag, w) > 0 ||
			            (!strncmp(p, fv->tag, w) && w > strlen(fv->tag));
			int before_best = !best || strncmp(p, best, w < best_n ? w : best_n) < 0 ||
			                  (!strncmp(p, best, w < best_n ? w : best_n) && w < best_n);
			if (w && w < sizeof fv->tag && after && before_best) {
				best = p;
				best_n = w;
			}
			p += w;
			p += strspn(p, " ");
		}
	if (best) {
		memcpy(fv->tag, best, best_n);
		fv->tag[best_n] = 0;
	} else {
		fv->tag[0] = 0;
	}
	char f[sizeof fv->filter];
	snprintf(f, sizeof f, "%s", fv->filter);
	feeds_filter(ap, f);
	if (fv->tag[0]) {
		char *t = sanitize_str(fv->tag, 0);
		app_msg(ap, 0, "feeds tagged %s (t: the next tag)", t ? t : "");
		free(t);
	} else {
		app_msg(ap, 0, "%s", best || !fv->n_feeds ? "every feed" : "no feed has a tag (tags follow the URL in the feeds file)");
	}
}

/* Rebuilds shown[] from the order, the filter and the unread-only view. */
void feeds_filter(struct app *ap, const char *filter)
{
	struct feeds_view *fv = &ap->fv;
	size_t n = 0;
	for (; filter[n] && n + 1 < sizeof fv->filter; n++)
		fv->filter[n] = filter[n] >= 'A' && filter[n] <= 'Z' ? filter[n] + 32 : filter[n];
	fv->filter[n] = 0;
	fv->n_shown = 0;
	for (size_t i = 0; i < fv->n_feeds; i++) {
		size_t k = fv->order[i];
		const struct store_feed *f = &fv->feeds[k];
		if (ap->unread_only && !f->n_unread)
			continue;
		if (fv->tag[0] && !has_tag(f->tags, fv->tag))
			continue;
		if (n && !list_contains(f->title, fv->filter, n) && !list_contains(f->url, fv->filter, n) &&
		    !list_contains(f->tags, fv->filter, n))
			continue;
		fv->shown[fv->n_shown++] = k;
	}
	if (fv->sel >= N_FIXED(ap) + fv->n_shown)
		fv->sel = N_FIXED(ap) + fv->n_shown - 1;
}

int feeds_load(struct app *ap)
{
	struct feeds_view *fv = &ap->fv;
	struct feedlist fl = FEEDLIST_INIT;
	char err[300], path[4096];
	int have_file = !feedlist_path(path, sizeof path, err, sizeof err) && access(path, R_OK) == 0 &&
	                !feedlist_load(path, &fl, err, sizeof err);
	long long keep = fv->sel >= N_FIXED(ap) && fv->sel - N_FIXED(ap) < fv->n_shown
	               ? fv->feeds[fv->shown[fv->sel - N_FIXED(ap)]].id : 0;
	for (int pass = 0; pass < 2; pass++) {
		struct store_feed *f;
		size_t n;
		if (store_feeds_list(ap->st, &f, &n, err, sizeof err)) {
			app_msg(ap, 1, "%s", err);
			feedlist_free(&fl);
			return -1;
		}
		feeds_free(ap);
		fv->feeds = f;
		fv->n_feeds = n;
		if (pass || !prune_unsubscribed(ap, &fl, have_file))
			break;
	}
	/* shown and order share one allocation's worth of work: both index feeds[] */
	size_t n = fv->n_feeds ? fv->n_feeds : 1;
	fv->shown = malloc(2 * n * sizeof *fv->shown);
	fv->rank = malloc(n * sizeof *fv->rank);
	if (!fv->shown || !fv->rank) {
		feeds_free(ap);
		feedlist_free(&fl);
		app_msg(ap, 1, "out of memory");
		return -1;
	}
	fv->order = fv->shown + n;
	for (size_t i = 0; i < fv->n_feeds; i++) {
		long at = feedlist_find(&fl, fv->feeds[i].url);
		fv->rank[i] = at >= 0 ? (size_t)at : (size_t)-1; /* feeds not in the file (read from files) last */
		fv->order[i] = i;
	}
	feedlist_free(&fl);
	sort_ap = ap;
	qsort(fv->order, fv->n_feeds, sizeof *fv->order, feed_cmp);
	sort_ap = NULL;
	fv->unread = count_items(ap, STORE_LIST_UNREAD); /* saved articles outside feeds count too */
	fv->saved = count_items(ap, STORE_LIST_SAVED);
	fv->starred = count_items(ap, STORE_LIST_STARRED);
	char filter[sizeof fv->filter];
	snprintf(filter, sizeof filter, "%s", fv->filter);
	feeds_filter(ap, filter);
	for (size_t i = 0; keep && i < fv->n_shown; i++)
		if (fv->feeds[fv->shown[i]].id == keep)
			fv->sel = N_FIXED(ap) + i;
	return 0;
}

const struct store_feed *feeds_selected(const struct app *ap)
{
	const struct feeds_view *fv = &ap->fv;
	if (fv->sel < N_FIXED(ap) || fv->sel - N_FIXED(ap) >= fv->n_shown)
		return NULL;
	return &fv->feeds[fv->shown[fv->sel - N_FIXED(ap)]];
}

void feeds_draw(struct app *ap, int rows)
{
	struct feeds_view *fv = &ap->fv;
	char title[400];
	char *tag = fv->tag[0] ? sanitize_str(fv->tag, 0) : NULL;
	snprintf(title, sizeof title, "Feeds (%zu)%s%s%s%s%s", fv->n_shown, ap->unread_only ? "   unread only" : "",
	         tag ? "   tag: " : "", tag ? tag : "", fv->filter[0] ? "   filter: " : "", fv->filter);
	free(tag);
	tui_put(0, 1, title, strlen(title), COLS - 2, theme_attr(TH_TITLE));
	size_t total = N_FIXED(ap) + fv->n_shown, vis = rows > 2 ? (size_t)rows - 2 : 1;
	list_keep_visible(fv->sel, &fv->top, vis);
	for (size_t i = 0; i < vis && fv->top + i < total; i++) {
		size_t r = fv->top + i;
		int y = 2 + (int)i, sel = r == fv->sel;
		char right[320];
		if (r < N_VIRTUAL) {
			long long c = r == 0 ? fv->unread : r == 1 ? fv->saved : fv->starred;
			snprintf(right, sizeof right, "%lld", c);
			list_draw_row(y, sel, "", 0, virtual_names[r], theme_attr(r == 0 && c ? TH_UNREAD : TH_NORMAL), right,
			              theme_attr(TH_DIM));
			continue;
		}
		if (r < N_FIXED(ap)) { /* counted when opened: a search per row would slow every redraw of this screen */
			const struct config_query_feed *q = &ap->cfg.query_feeds[r - N_VIRTUAL];
			char *nm = sanitize_str(q->name, 0), *qq = sanitize_str(q->query, 0);
			snprintf(right, sizeof right, "query: %.200s", qq ? qq : "");
			list_draw_row(y, sel, "?", theme_attr(TH_KEY), nm ? nm : "", theme_attr(TH_NORMAL), right, theme_attr(TH_DIM));
			free(nm);
			free(qq);
			continue;
		}
		const struct store_feed *f = &fv->feeds[fv->shown[r - N_FIXED(ap)]];
		char *t = sanitize_str(f->title && *f->title ? f->title : f->url, 0);
		char *e = f->last_error ? sanitize_str(f->last_error, 0) : NULL;
		char when[64] = "never refreshed";
		if (f->last_refresh)
			tui_format_time(f->last_refresh, ap->cfg.datetime_format, when, sizeof when);
		if (e)
			snprintf(right, sizeof right, "%lld/%lld  %.60s", f->n_unread, f->n_items, e);
		else
			snprintf(right, sizeof right, "%lld/%lld  %s", f->n_unread, f->n_items, when);
		list_draw_row(y, sel, e ? "!" : f->n_unread ? "N" : "", theme_attr(e ? TH_ERROR : TH_UNREAD), t ? t : "",
		              theme_attr(f->n_unread ? TH_UNREAD : TH_NORMAL), right, theme_attr(e ? TH_ERROR : TH_DIM));
		free(t);
		free(e);
	}
	int y = 2 + (int)(total > fv->top ? total - fv->top : 0) + 1;
	const char *hint = NULL;
	if (!fv->n_feeds)
		hint = "No feeds yet. Subscribe with `dateline add URL` or `dateline import FILE.opml` in a shell, "
		       "then press R here to refresh. Q searches quotations, ? lists every key.";
	else if (!fv->n_shown)
		hint = fv->filter[0] ? "No feed matches the filter (Esc clears it)." : "No feed has unread articles (U shows all).";
	if (hint && y < rows)
		tui_put(y, 4, hint, strlen(hint), COLS - 5, theme_attr(TH_DIM));
}

/* Opens the Articles screen on the selected row. */
static void open_selected(struct app *ap)
{
	static const int flags[N_VIRTUAL] = {STORE_LIST_UNREAD, STORE_LIST_SAVED, STORE_LIST_STARRED};
	const struct store_feed *f = feeds_selected(ap);
	if (!f) {
		size_t r = ap->fv.sel;
		if (r < N_VIRTUAL && !articles_load(ap, virtual_names[r], flags[r], 0))
			app_push(ap, SCR_ARTICLES);
		else if (r >= N_VIRTUAL && r < N_FIXED(ap) &&
		         !articles_load(ap, ap->cfg.query_feeds[r - N_VIRTUAL].name, 0, -1 - (long long)(r - N_VIRTUAL)))
			app_push(ap, SCR_ARTICLES);
		return;
	}
	char *t = sanitize_str(f->title && *f->title ? f->title : f->url, 0);
	if (t && !articles_load(ap, t, 0, f->id))
		app_push(ap, SCR_ARTICLES);
	free(t);
}

int feeds_action(struct app *ap, enum action act, int count)
{
	struct feeds_view *fv = &ap->fv;
	size_t n = N_FIXED(ap) + fv->n_shown;
	long c = count > 0 ? count : 1, page = LINES > 4 ? LINES - 4 : 1;
	switch (act) {
	case ACT_DOWN: list_move(&fv->sel, n, c); return 1;
	case ACT_UP: list_move(&fv->sel, n, -c); return 1;
	case ACT_PAGE_DOWN: list_move(&fv->sel, n, c * page); return 1;
	case ACT_PAGE_UP: list_move(&fv->sel, n, -c * page); return 1;
	case ACT_HALF_DOWN: list_move(&fv->sel, n, c * (page / 2 + 1)); return 1;
	case ACT_HALF_UP: list_move(&fv->sel, n, -c * (page / 2 + 1)); return 1;
	case ACT_TOP: fv->sel = count > 0 ? (size_t)count - 1 : 0; list_move(&fv->sel, n, 0); return 1;
	case ACT_BOTTOM: fv->sel = n - 1; return 1;
	case ACT_SELECT: open_selected(ap); return 1;
	case ACT_NEXT:
	case ACT_NEXT_UNREAD:
		for (size_t r = fv->sel + 1; r < n; r++)
			if (r >= N_FIXED(ap) && fv->feeds[fv->shown[r - N_FIXED(ap)]].n_unread) {
				fv->sel = r;
				return 1;
			}
		app_msg(ap, 0, "no feed below has unread articles");
		return 1;
	default:
		return 0;
	}
}
