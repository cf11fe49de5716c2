/*
 * store_inproc.c: the store's own cost, without the process around it:
 * median time of each query on an open store (what the TUI pays per
 * keystroke or screen), and of opening the store. For bench/bench_store.sh.
 *
 * usage: store_inproc DB [RUNS]
 */
#include "model.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

enum what { OPEN, LIST, LIST_UNREAD, LIST_FEED_FIRST, LIST_FEED, SEARCH, SEARCH_RANK, QUOTES_SPEAKER, QUOTES_ALL, TYPEAHEAD, LOAD };
static const char *const names[] = {
	"store_open + store_close", "list 50 newest", "list every unread (All unread)",
	"list one feed, first 200 (drawn first)", "list one feed, every item", "search ceasefire (newest)", "search ceasefire (ranked)",
	"quotes, speaker Peskov", "quotes, all (newest 50)", "type-ahead: 'we', 'we w', 'we wi', 'we wil'",
	"load one article (item 4242)"};

static int run(struct store *s, const char *db, enum what w, char *err, size_t errlen)
{
	size_t n;
	switch (w) {
	case OPEN: {
		struct store *t;
		if (store_open(db, 0, &t, err, errlen))
			return -1;
		store_close(t);
		return 0;
	}
	case LIST:
	case LIST_UNREAD:
	case LIST_FEED_FIRST:
	case LIST_FEED: { /* what the interface loads on opening "All unread" or a feed (its first rows, then all) */
		int feed = w == LIST_FEED || w == LIST_FEED_FIRST;
		struct store_list_opts o = {w == LIST_UNREAD ? STORE_LIST_UNREAD : 0, feed ? 2 : 0,
		                            w == LIST ? 50 : w == LIST_FEED_FIRST ? 200 : 0, 0};
		struct store_item *it;
		if (store_items_list(s, &o, &it, &n, err, errlen))
			return -1;
		store_items_free(it, n);
		return 0;
	}
	case SEARCH:
	case SEARCH_RANK: {
		struct store_hit *h;
		if ((w == SEARCH ? store_search : store_search_ranked)(s, "ceasefire", 20, &h, &n, err, errlen))
			return -1;
		store_hits_free(h, n);
		return 0;
	}
	case QUOTES_SPEAKER:
	case QUOTES_ALL: {
		struct store_quote_query q = {0};
		struct store_quote_hit *h;
		q.speaker = w == QUOTES_SPEAKER ? "Peskov" : NULL;
		if (store_quotes_search(s, &q, &h, &n, err, errlen))
			return -1;
		store_quote_hits_free(h, n);
		return 0;
	}
	case TYPEAHEAD: {
		static const char *const typed[] = {"we", "we w", "we wi", "we wil"};
		for (int i = 0; i < 4; i++) {
			struct store_quote_query q = {0};
			struct store_quote_hit *h;
			q.match = typed[i];
			q.prefix = 1;
			if (store_quotes_search(s, &q, &h, &n, err, errlen))
				return -1;
			store_quote_hits_free(h, n);
		}
		return 0;
	}
	case LOAD: {
		struct article *a;
		if (store_article_load(s, 4242, &a, err, errlen))
			return -1;
		article_free(a);
		return 0;
	}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: store_inproc DB [RUNS]\n");
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 50;
	char err[1024];
	struct store *s;
	if (store_open(argv[1], 0, &s, err, sizeof err)) {
		fprintf(stderr, "store_inproc: %s\n", err);
		return 1;
	}
	double *t = calloc((size_t)runs, sizeof *t);
	for (int w = OPEN; w <= LOAD; w++) {
		for (int i = 0; i < 3; i++) /* warm-up */
			if (run(s, argv[1], (enum what)w, err, sizeof err)) {
				fprintf(stderr, "store_inproc: %s: %s\n", names[w], err);
				return 1;
			}
		for (int i = 0; i < runs; i++) {
			double a = now_ms();
			run(s, argv[1], (enum what)w, err, sizeof err);
			t[i] = now_ms() - a;
		}
		qsort(t, (size_t)runs, sizeof *t, cmp);
		printf("%s\t%.3f\t%.3f\n", names[w], t[runs / 2], t[runs * 95 / 100]);
	}
	free(t);
	store_close(s);
	return 0;
}
