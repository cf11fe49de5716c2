/* fulltext.c: fetch, extract and store the full page behind summary-only feed items. */
#include "pipeline.h"
#include "model.h"
#include "subs.h"
#include "net.h"
#include "base.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

#define ACCEPT_PAGE "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

struct pending {
	long long item_id; /* the stored item whose article is replaced */
	char *link;        /* its page */
	char *title;       /* the feed's title for it, or NULL */
};

struct run {
	struct store *st;
	struct pending *p;
	FILE *report;
	struct fulltext_summary *sum;
};

int fulltext_wanted(const struct feedlist_entry *e)
{
	for (size_t i = 0; i < e->n_tags; i++)
		if (!strcmp(e->tags[i], FULLTEXT_TAG))
			return 1;
	return 0;
}

static void say_failure(struct run *r, const char *url, const char *why)
{
	r->sum->failed++;
	if (!r->report)
		return;
	char *u = sanitize_str(url, 0), *w = sanitize_str(why, 0);
	fprintf(r->report, "fulltext: %s: %s\n", u ? u : "?", w ? w : "?");
	free(u);
	free(w);
}

/* Called by the fetcher as each page arrives: extract, analyse, store. */
static int page_done(void *ctx, struct fetch_result *res)
{
	struct run *r = ctx;
	const struct pending *p = &r->p[res->index];
	if (res->status != FETCH_OK || !res->body) {
		say_failure(r, p->link, res->error[0] ? res->error : "no page");
		return 0;
	}
	char err[512];
	struct article *a;
	const char *url = res->final_url ? res->final_url : p->link;
	struct ingest_opts o = {url, url, res->content_type, NULL};
	if (ingest_article(res->body, res->body_len, &o, &a, err, sizeof err)) {
		say_failure(r, p->link, err);
		return 0;
	}
	if (p->title && headline_keep_feed_title(a, p->title))
		say_failure(r, p->link, "out of memory");
	else if (store_article_replace(r->st, p->item_id, a, 1, err, sizeof err))
		say_failure(r, p->link, err);
	else
		r->sum->stored++;
	article_free(a);
	return 0;
}

/* Appends the summary-only items of one feed to *p. 0 or -1 with err. */
static int collect(struct store *st, const char *url, size_t per_feed, struct pending **p, size_t *n,
                   char *err, size_t errlen)
{
	long long feed_id = 0;
	if (store_feed_find(st, url, &feed_id, err, errlen))
		return -1;
	if (!feed_id)
		return 0; /* never fetched yet */
	struct store_list_opts lo = {0, feed_id, per_feed, 0};
	struct store_item *items;
	size_t k;
	if (store_items_list(st, &lo, &items, &k, err, errlen))
		return -1;
	int rc = 0;
	size_t cap = *n; /* what earlier calls left: at least *n */
	for (size_t i = 0; i < k && !rc; i++) {
		if (items[i].full || !items[i].link || !feedlist_url_ok(items[i].link))
			continue;
		int grown = !array_grow((void **)p, &cap, *n + 1, sizeof **p);
		char *link = strdup(items[i].link);
		char *title = items[i].title ? strdup(items[i].title) : NULL;
		if (!grown || !link || (items[i].title && !title)) {
			free(link);
			free(title);
			snprintf(err, errlen, "out of memory");
			rc = -1;
			break;
		}
		(*p)[*n].item_id = items[i].id;
		(*p)[*n].link = link;
		(*p)[*n].title = title;
		(*n)++;
	}
	store_items_free(items, k);
	return rc;
}

int fulltext_expand(struct store *st, const struct feedlist *fl, const struct fetch_opts *fo,
                    size_t per_feed, FILE *report, struct fulltext_summary *sum,
                    char *err, size_t errlen)
{
	memset(sum, 0, sizeof *sum);
	struct pending *p = NULL;
	size_t n = 0;
	int rc = 0;
	for (size_t i = 0; i < fl->n && !rc; i++)
		if (fulltext_wanted(&fl->entries[i]))
			rc = collect(st, fl->entries[i].url, per_feed, &p, &n, err, errlen);
	struct fetch_request *reqs = n ? calloc(n, sizeof *reqs) : NULL;
	if (!rc && n && !reqs) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	}
	if (!rc && n) {
		for (size_t i = 0; i < n; i++)
			reqs[i] = (struct fetch_request){.url = p[i].link, .accept = ACCEPT_PAGE};
		sum->wanted = n;
		struct run r = {st, p, report, sum};
		rc = fetch_run(reqs, n, fo, page_done, &r, err, errlen);
	}
	free(reqs);
	for (size_t i = 0; i < n; i++) {
		free(p[i].link);
		free(p[i].title);
	}
	free(p);
	return rc;
}
