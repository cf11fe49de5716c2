/*
 * item_reader.c: a feed item as an article for the store. The item's fields
 * are the article's; its HTML content is parsed once as a fragment, plain
 * text goes through the text reader; then the analysis. When the pipeline cannot read it the store keeps the
 * headline alone (the item's summary stays in the items table), so no item
 * is ever lost.
 */
#include "pipeline.h"
#include "base.h"
#include "model.h"
#include "store.h"
#include "analysis.h"
#include "html.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* 1 when s looks like markup rather than plain text (a tag or an entity). */
static int looks_html(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
		if (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!')
			return 1;
	const char *amp = strchr(s, '&');
	return amp && strchr(amp, ';') && strchr(amp, ';') - amp < 10;
}

/* Sets *field to s when s is given and *field is still empty; -1 when out of memory. */
static int set_missing(char **field, const char *s)
{
	return !s || *field ? 0 : article_set(field, s, strlen(s));
}

/*
 * An HTML item: its fields are the article's fields, its content one
 * fragment parsed once (no page made up around it, no page metadata read).
 */
static struct article *html_item(const struct feed_item *it, const char *body, const char *feed_url)
{
	struct article *a = article_new();
	struct moment at;
	const char *pub = feed_item_date(it, &at);
	char ierr[256];
	if (!a || set_missing(&a->source, it->link ? it->link : feed_url) || set_missing(&a->url, it->link) ||
	    (pub && article_set_published(a, pub, at)) || set_missing(&a->headline, it->title) ||
	    html_fragment_parse(body, strlen(body), it->link ? it->link : feed_url, a, ierr, sizeof ierr)) {
		article_free(a);
		return NULL;
	}
	return a;
}

/* A plain-text item: the text reader takes the title as the headline line and the body after it. */
static struct article *text_item(const struct feed_item *it, const char *body, const char *feed_url)
{
	struct buf doc = BUF_INIT;
	buf_puts(&doc, it->title ? it->title : "");
	if (body && *body) {
		buf_puts(&doc, "\n\n");
		buf_puts(&doc, body);
	}
	buf_putc(&doc, '\n');
	struct article *a = NULL;
	struct moment at;
	const char *pub = feed_item_date(it, &at);
	char ierr[256];
	if (!doc.failed) {
		struct ingest_opts o = {it->link ? it->link : feed_url, it->link, "text/plain; charset=utf-8", pub};
		if (ingest_parse(doc.data, doc.len, &o, &a, ierr, sizeof ierr))
			a = NULL;
	}
	buf_free(&doc);
	if (a && !a->published && pub && article_set_published(a, pub, at)) {
		article_free(a);
		return NULL;
	}
	return a;
}

static struct article *item_parse(const struct feed_item *it, const char *feed_url, void *ctx)
{
	(void)ctx;
	const char *body = it->content && *it->content ? it->content : it->summary;
	return body && looks_html(body) ? html_item(it, body, feed_url) : text_item(it, body, feed_url);
}

static struct article *item_read(const struct feed_item *it, const char *feed_url, void *ctx)
{
	struct article *a = item_parse(it, feed_url, ctx);
	char ierr[256];
	if (a && analysis_run(a, ierr, sizeof ierr)) {
		article_free(a);
		return NULL;
	}
	return a;
}

/*
 * A feed's items read on two threads: this one takes the first half, a
 * helper the second. The store's writes are what remains on the refresh's
 * thread; the parsing was about 40 % of it (measured with perf on 100 feeds
 * of whole articles). Fewer items than this are not worth a thread.
 */
#define READ_ALL_SPLIT 16

struct half {
	struct article *(*read)(const struct feed_item *, const char *, void *);
	const struct feed_item *const *items; /* the items to read */
	size_t n;                             /* how many */
	const char *feed_url;
	struct article **out;                 /* their articles */
};

static void *read_half(void *arg)
{
	struct half *h = arg;
	for (size_t i = 0; i < h->n; i++)
		h->out[i] = h->read(h->items[i], h->feed_url, NULL);
	return NULL;
}

static void read_split(struct article *(*read)(const struct feed_item *, const char *, void *),
                       const struct feed_item *const *items, size_t n, const char *feed_url, struct article **out)
{
	size_t first = n < READ_ALL_SPLIT ? n : n / 2;
	struct half mine = {read, items, first, feed_url, out};
	struct half other = {read, items + first, n - first, feed_url, out + first};
	pthread_t t;
	int helper = other.n && pthread_create(&t, NULL, read_half, &other) == 0;
	read_half(&mine);
	if (helper)
		pthread_join(t, NULL);
	else
		read_half(&other); /* no thread to be had: all of it here */
}

static void item_read_all(const struct feed_item *const *items, size_t n, const char *feed_url, struct article **out,
                          void *ctx)
{
	(void)ctx;
	read_split(item_read, items, n, feed_url, out);
}

static void item_parse_all(const struct feed_item *const *items, size_t n, const char *feed_url, struct article **out,
                           void *ctx)
{
	(void)ctx;
	read_split(item_parse, items, n, feed_url, out);
}

const struct store_item_reader ingest_item_reader = {.read = item_read, .ctx = NULL, .analysed = 1,
                                                     .read_all = item_read_all};
const struct store_item_reader ingest_item_parser = {.read = item_parse, .ctx = NULL, .analysed = 0,
                                                     .read_all = item_parse_all};
