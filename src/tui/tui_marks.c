/*
 * tui_marks.c: read state over many articles (A: a feed, C: everything),
 * the next unread article, the unread-only view, and unsubscribing from the
 * Feeds screen, with the y/n question the heavy ones ask first. Marks go
 * through the store's one function for each (store_item_mark(),
 * store_mark_all_read()), so whatever hooks them sees every change.
 */
#include "tui_app.h"
#include "tui.h"
#include "base.h"
#include "store.h"
#include "subs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long long app_current_item(const struct app *ap)
{
	if (app_screen(ap) == SCR_READER)
		return ap->item_id;
	if (app_screen(ap) == SCR_ARTICLES && ap->av.n_shown)
		return ap->av.items[ap->av.shown[ap->av.sel]].id;
	return 0;
}

/* The feed of item id as the Articles list knows it, 0 when none. */
static long long feed_of_item(const struct app *ap, long long id)
{
	for (size_t i = 0; i < ap->av.n_items; i++)
		if (ap->av.items[i].id == id)
			return ap->av.items[i].feed_id;
	return 0;
}

/* After marks: the list in memory and the Feeds screen's counts follow. */
static void marked_read(struct app *ap, long long feed_id)
{
	for (size_t i = 0; i < ap->av.n_items; i++)
		if (!feed_id || ap->av.items[i].feed_id == feed_id)
			ap->av.items[i].read = 1;
	ap->feeds_stale = 1;
	if (app_screen(ap) == SCR_FEEDS && !feeds_load(ap))
		ap->feeds_stale = 0;
}

static void ask(struct app *ap, enum action act, long long id, const char *question)
{
	ap->prompt = PROMPT_CONFIRM;
	ap->confirm_act = act;
	ap->confirm_id = id;
	snprintf(ap->input, sizeof ap->input, "%.240s (y/n)", question);
	ap->input_len = strlen(ap->input);
}

static void mark_feed_read(struct app *ap, long long feed_id, const char *name)
{
	char err[300];
	if (store_mark_all_read(ap->st, feed_id, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return;
	}
	marked_read(ap, feed_id);
	char *n = sanitize_str(name, 0);
	app_msg(ap, 0, "marked every article of %s read", n ? n : "the feed");
	free(n);
}

/* A in a list that is no one feed (All unread, Saved, Starred): the articles it shows. */
static void mark_shown_read(struct app *ap)
{
	struct articles_view *av = &ap->av;
	char err[300];
	size_t n = 0;
	for (size_t r = 0; r < av->n_shown; r++) {
		struct store_item *it = &av->items[av->shown[r]];
		if (it->read)
			continue;
		if (store_item_mark(ap->st, it->id, STORE_MARK_READ, err, sizeof err)) {
			app_msg(ap, 1, "%s", err);
			return;
		}
		it->read = 1;
		n++;
	}
	ap->feeds_stale = 1;
	app_msg(ap, 0, "marked %zu article%s read", n, n == 1 ? "" : "s");
}

static void feed_read_action(struct app *ap)
{
	int scr = app_screen(ap);
	if (scr == SCR_FEEDS) {
		const struct store_feed *f = feeds_selected(ap);
		if (f)
			mark_feed_read(ap, f->id, f->title && *f->title ? f->title : f->url);
		else if (ap->fv.sel == 0)
			ask(ap, ACT_MARK_ALL_READ, 0, "Mark every article read?");
		else
			app_msg(ap, 1, "select a feed to mark read (C marks everything)");
		return;
	}
	if (scr == SCR_ARTICLES && ap->av.feed_id <= 0) { /* All unread, Saved, Starred, a query feed */
		mark_shown_read(ap);
		return;
	}
	long long feed = scr == SCR_ARTICLES ? ap->av.feed_id : feed_of_item(ap, ap->item_id);
	if (!feed) {
		app_msg(ap, 1, "this article belongs to no feed");
		return;
	}
	for (size_t i = 0; i < ap->fv.n_feeds; i++)
		if (ap->fv.feeds[i].id == feed) {
			const struct store_feed *f = &ap->fv.feeds[i];
			mark_feed_read(ap, feed, f->title && *f->title ? f->title : f->url);
			return;
		}
	mark_feed_read(ap, feed, "the feed");
}

/* In the reader: opens the next unread article of the list it came from. */
static void open_next_unread(struct app *ap)
{
	struct articles_view *av = &ap->av;
	if (!ap->st || !ap->item_id) {
		app_msg(ap, 1, "only articles from the store have a read state");
		return;
	}
	size_t at = (size_t)-1;
	for (size_t r = 0; r < av->n_shown && at == (size_t)-1; r++)
		if (av->items[av->shown[r]].id == ap->item_id)
			at = r;
	size_t next = articles_next_unread(ap, at);
	if (next == (size_t)-1) {
		app_msg(ap, 0, "no unread article after this one in the list");
		return;
	}
	av->sel = next;
	app_open_item(ap, av->items[av->shown[next]].id, -1);
}

static void remove_feed(struct app *ap, long long id)
{
	char err[300], path[4096];
	const struct store_feed *f = NULL;
	for (size_t i = 0; i < ap->fv.n_feeds && !f; i++)
		if (ap->fv.feeds[i].id == id)
			f = &ap->fv.feeds[i];
	if (!f)
		return;
	char *name = sanitize_str(f->title && *f->title ? f->title : f->url, 0);
	const char *renames[2] = {f->url, NULL};
	struct feedlist fl = FEEDLIST_INIT;
	long long kept = 0;
	/* the file first: a feed left in it would come back at the next refresh */
	if (!feedlist_path(path, sizeof path, err, sizeof err) && !feedlist_load(path, &fl, err, sizeof err) &&
	    feedlist_find(&fl, f->url) >= 0 && feedlist_update_file(path, NULL, 0, renames, 1, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
	} else if (store_feed_remove(ap->st, id, &kept, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
	} else {
		app_msg(ap, 0, "removed %s%s", name ? name : "the feed",
		        kept ? " (its saved and starred articles stay)" : "");
		feeds_load(ap);
	}
	feedlist_free(&fl);
	free(name);
}

void marks_confirm_key(struct app *ap, int key, int is_char)
{
	ap->prompt = PROMPT_NONE;
	ap->input_len = 0;
	ap->input[0] = 0;
	if (!is_char || (key != 'y' && key != 'Y')) {
		app_msg(ap, 0, "cancelled");
		return;
	}
	if (ap->confirm_act == ACT_MARK_ALL_READ)
		mark_feed_read(ap, 0, "every feed");
	else if (ap->confirm_act == ACT_REMOVE_FEED)
		remove_feed(ap, ap->confirm_id);
}

int marks_action(struct app *ap, enum action act)
{
	int scr = app_screen(ap);
	if (!ap->st && act != ACT_NONE) {
		app_msg(ap, 1, "read state needs the store: run dateline without a file");
		return 1;
	}
	switch (act) {
	case ACT_MARK_FEED_READ:
		feed_read_action(ap);
		return 1;
	case ACT_MARK_ALL_READ:
		ask(ap, ACT_MARK_ALL_READ, 0, "Mark every article of every feed read?");
		return 1;
	case ACT_NEXT_UNREAD:
		if (scr == SCR_READER)
			open_next_unread(ap);
		else if (scr == SCR_FEEDS)
			feeds_action(ap, act, 0);
		else
			articles_action(ap, act, 0);
		return 1;
	case ACT_UNREAD_ONLY:
		ap->unread_only = !ap->unread_only;
		feeds_filter(ap, ap->fv.filter);
		if (ap->av.items) {
			char f[sizeof ap->av.filter];
			snprintf(f, sizeof f, "%s", ap->av.filter);
			ap->av.filter[0] = 0; /* a full pass: the view widened */
			articles_filter(ap, f);
		}
		app_msg(ap, 0, ap->unread_only ? "showing unread articles only (U shows all)" : "showing every article");
		return 1;
	case ACT_TAG:
		if (scr != SCR_FEEDS)
			app_msg(ap, 1, "t chooses a tag on the Feeds screen");
		else
			feeds_next_tag(ap);
		return 1;
	case ACT_EXPORT: {
		long long id = app_current_item(ap);
		const char *home = getenv("HOME");
		if (!id) {
			app_msg(ap, 1, "select an article to export");
			return 1;
		}
		ap->prompt = PROMPT_EXPORT;
		ap->confirm_id = id;
		snprintf(ap->input, sizeof ap->input, "%s/dateline-%lld.md", home && *home ? home : ".", id);
		ap->input_len = strlen(ap->input);
		return 1;
	}
	case ACT_REMOVE_FEED: {
		const struct store_feed *f = scr == SCR_FEEDS ? feeds_selected(ap) : NULL;
		if (!f) {
			app_msg(ap, 1, "select a feed on the Feeds screen to unsubscribe from it");
			return 1;
		}
		char q[300];
		char *n = sanitize_str(f->title && *f->title ? f->title : f->url, 0);
		snprintf(q, sizeof q, "Unsubscribe from %.200s? Saved and starred articles stay.", n ? n : "this feed");
		free(n);
		ask(ap, ACT_REMOVE_FEED, f->id, q);
		return 1;
	}
	default:
		return 0;
	}
}
