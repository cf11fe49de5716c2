/* ingest.c: sniff, parse (ingest_parse), analyse (ingest_article). */
#include "pipeline.h"
#include "analysis.h"
#include "model.h"
#include "html.h"
#include "decode.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest page a compressed document may expand to (the CLI reads 64 MB). */
#define INFLATE_MAX ((size_t)64 << 20)

/* The date known from elsewhere, its time read by the one date parser. */
static int set_published(struct article *a, const char *s)
{
	struct moment at;
	date_read(s, &at);
	return article_set_published(a, s, at);
}

int ingest_parse(const char *data, size_t len, const struct ingest_opts *o,
                 struct article **out, char *err, size_t errlen)
{
	struct article *a = article_new();
	if (!a) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int rc = -1;
	char *inflated = NULL;
	/* a saved page.html.gz, or a body compressed without a Content-Encoding */
	if (decode_is_gzip(data, len)) {
		if (decode_gunzip(data, len, INFLATE_MAX, &inflated, &len, err, errlen))
			goto done;
		data = inflated;
	}
	enum sniff_kind k = sniff(data, len, o ? o->content_type : NULL);
	if ((o && o->source && article_set(&a->source, o->source, strlen(o->source))) ||
	    (o && o->url && article_set(&a->url, o->url, strlen(o->url))) ||
	    (o && o->published && set_published(a, o->published))) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	switch (k) {
	case SNIFF_TEXT:
		rc = text_parse(data, len, a, err, errlen);
		break;
	case SNIFF_HTML:
		rc = html_parse(data, len, o ? o->url : NULL, o ? o->content_type : NULL, a, err, errlen);
		break;
	case SNIFF_FEED_XML:
	case SNIFF_FEED_JSON:
		snprintf(err, errlen, "this is a feed, not an article: read it with 'dateline feed'");
		break;
	case SNIFF_BINARY:
		snprintf(err, errlen, "binary data, not an article");
		break;
	}
done:
	free(inflated);
	if (rc) {
		article_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

int ingest_article(const char *data, size_t len, const struct ingest_opts *o,
                   struct article **out, char *err, size_t errlen)
{
	if (ingest_parse(data, len, o, out, err, errlen))
		return -1;
	if (analysis_run(*out, err, errlen)) {
		article_free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}
