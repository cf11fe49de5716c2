/*
 * tui_query.c: query feeds (saved searches shown as feeds, `query-feed` in
 * the config) and the killfile (`ignore-article`). A query is the full-text
 * search's (FTS5 words, phrases, AND/OR/NOT), or @name for every article
 * quoting that speaker, so `query-feed Peskov: @Peskov` collects each new
 * quotation of his as it is stored.
 */
#include "tui_app.h"
#include "base.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_LIMIT 1000 /* newest matches a query feed lists */

/* Appends item id (once) to the list. 0, or -1 with the message set. */
static int add_item(struct app *ap, long long id, struct store_item **items, size_t *n, size_t *cap)
{
	for (size_t i = 0; i < *n; i++)
		if ((*items)[i].id == id)
			return 0;
	struct store_item *it;
	char err[300];
	if (store_item_get(ap->st, id, &it, err, sizeof err)) {
		app_msg(ap, 1, "%s", err);
		return -1;
	}
	if (array_grow((void **)items, cap, *n + 1, sizeof **items)) {
		store_items_free(it, 1);
		app_msg(ap, 1, "out of memory");
		return -1;
	}
	(*items)[(*n)++] = *it; /* the strings move over; only the one-item array goes */
	free(it);
	return 0;
}

int query_items(struct app *ap, size_t qi, struct store_item **out, size_t *n_out)
{
	const char *q = ap->cfg.query_feeds[qi].query;
	struct store_item *items = NULL;
	size_t n = 0, cap = 0;
	char err[300];
	int rc = 0;
	if (q[0] == '@') {
		struct store_quote_query qq = {NULL, q + 1, 0, 0, QUERY_LIMIT, 0};
		struct store_quote_hit *h;
		size_t nh;
		if (store_quotes_search(ap->st, &qq, &h, &nh, err, sizeof err)) {
			app_msg(ap, 1, "query feed: %s", err);
			return -1;
		}
		for (size_t i = 0; i < nh && !rc; i++)
			rc = add_item(ap, h[i].item_id, &items, &n, &cap);
		store_quote_hits_free(h, nh);
	} else {
		struct store_hit *h;
		size_t nh;
		if (store_search(ap->st, q, QUERY_LIMIT, &h, &nh, err, sizeof err)) {
			app_msg(ap, 1, "query feed: %s", err);
			return -1;
		}
		for (size_t i = 0; i < nh && !rc; i++)
			rc = add_item(ap, h[i].item_id, &items, &n, &cap);
		store_hits_free(h, nh);
	}
	if (rc) {
		store_items_free(items, n);
		return -1;
	}
	*out = items;
	*n_out = n;
	return 0;
}

int query_ignored(const struct app *ap, const struct store_item *it)
{
	for (size_t i = 0; i < ap->cfg.n_ignores; i++) {
		const struct config_ignore *g = &ap->cfg.ignores[i];
		size_t n = strlen(g->words);
		if (((g->field == 0 || g->field == 1) && list_contains(it->title, g->words, n)) ||
		    ((g->field == 0 || g->field == 2) && list_contains(it->author, g->words, n)) ||
		    ((g->field == 0 || g->field == 3) && list_contains(it->feed_title, g->words, n)))
			return 1;
	}
	return 0;
}
