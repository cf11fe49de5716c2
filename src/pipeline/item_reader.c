/*
 * item_reader.c: a feed item as an article for the store. Its HTML content
 * goes through the HTML reader, plain text through the text reader, both
 * with the analysis. When the pipeline cannot read it the store keeps the
 * headline alone (the item's summary stays in the items table), so no item
 * is ever lost.
 */
#include "pipeline.h"
#include "base.h"
#include "model.h"
#include "store.h"

#include <ctype.h>
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

static void html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		default: buf_putc(b, *s);
		}
	}
}

static struct article *item_read(const struct feed_item *it, const char *feed_url, void *ctx)
{
	(void)ctx;
	const char *body = it->content && *it->content ? it->content : it->summary;
	const char *title = it->title ? it->title : "";
	struct buf doc = BUF_INIT;
	int html = body && looks_html(body);
	if (html) {
		buf_puts(&doc, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>");
		html_escape(&doc, title);
		buf_puts(&doc, "</title></head><body><article><h1>");
		html_escape(&doc, title);
		buf_puts(&doc, "</h1>\n");
		buf_puts(&doc, body);
		buf_puts(&doc, "\n</article></body></html>\n");
	} else {
		buf_puts(&doc, title);
		if (body && *body) {
			buf_puts(&doc, "\n\n");
			buf_puts(&doc, body);
		}
		buf_putc(&doc, '\n');
	}
	struct article *a = NULL;
	const char *pub = it->published ? it->published : it->updated;
	if (!doc.failed) {
		struct ingest_opts o = {it->link ? it->link : feed_url, it->link,
		                        html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", pub};
		char ierr[256];
		if (ingest_article(doc.data, doc.len, &o, &a, ierr, sizeof ierr))
			a = NULL;
	}
	buf_free(&doc);
	if (a && !a->published && pub && article_set(&a->published, pub, strlen(pub))) {
		article_free(a);
		return NULL;
	}
	return a;
}

const struct store_item_reader ingest_item_reader = {.read = item_read, .ctx = NULL};
