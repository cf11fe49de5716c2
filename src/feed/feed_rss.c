/* feed_rss.c: RSS 0.9x / 2.0 and RDF (RSS 0.90 / 1.0) elements, and the extension vocabularies. */
#include "model.h"
#include "feed_xml.h"

#include <stdlib.h>
#include <string.h>

static int is(const char *a, const char *b) { return !strcmp(a, b); }

/* Media RSS <media:content> and RSS <enclosure>: attributes only. */
static void add_enclosure(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na, const char *lenattr)
{
	char *url = fx_attr_get(a, na, NULL, "url");
	if (!url || !*fx_trim(url) || !x->item) {
		free(url);
		return;
	}
	char *type = fx_attr_get(a, na, NULL, "type"), *len = fx_attr_get(a, na, NULL, lenattr);
	char *abs = fx_resolve(f, url);
	long long n = -1;
	if (len) {
		char *end;
		n = strtoll(fx_trim(len), &end, 10);
		if (end == len || *end || n < 0)
			n = -1;
	}
	if (!abs || fx_add_enclosure(x->item, abs, type && *fx_trim(type) ? type : NULL, n))
		fx_stop(x, "out of memory");
	free(url);
	free(type);
	free(len);
	free(abs);
}

enum fx_role fx_ext_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	const char *n = f->name;
	switch (f->ns) {
	case FX_NS_DC:
		if (is(n, "title") || is(n, "creator") || is(n, "author") || is(n, "date") || is(n, "subject") ||
		    is(n, "language") || is(n, "contributor"))
			return FX_FIELD;
		if (is(n, "description"))
			return f->text = FX_HTML, FX_FIELD;
		return FX_SKIP;
	case FX_NS_DCTERMS:
		return is(n, "issued") || is(n, "modified") || is(n, "created") ? FX_FIELD : FX_SKIP;
	case FX_NS_CONTENT:
		return is(n, "encoded") && x->item ? (f->text = FX_HTML, FX_FIELD) : FX_SKIP;
	case FX_NS_XHTML:
		return is(n, "body") && x->item ? (f->text = FX_XHTML, FX_FIELD) : FX_SKIP;
	case FX_NS_ITUNES: /* podcasts: fill what the core elements left empty */
		if (is(n, "author") || is(n, "summary") || is(n, "subtitle"))
			return FX_FIELD;
		if (is(n, "category") && x->item) {
			char *t = fx_attr_get(a, na, NULL, "text");
			if (t && *fx_trim(t) && fx_add_category(x->item, t))
				fx_stop(x, "out of memory");
			free(t);
		}
		return FX_SKIP;
	case FX_NS_MEDIA:
		if (!x->item)
			return FX_SKIP;
		if (is(n, "group"))
			return FX_GROUP;
		if (is(n, "content"))
			add_enclosure(x, f, a, na, "fileSize");
		return FX_SKIP;
	default:
		return FX_SKIP;
	}
}

static void set_date(char **field, const char *v)
{
	char *d = fx_date(v);
	if (d)
		fx_take(field, d);
}

void fx_ext_end(struct fx *x, struct fx_frame *f, char *v)
{
	struct feed_item *it = x->item;
	struct feed *feed = x->feed;
	const char *n = f->name;
	if (f->text == FX_HTML || (f->text == FX_XHTML && !x->markup)) {
		if (!(v = fx_clean_html(v, f->base))) {
			fx_stop(x, "out of memory");
			return;
		}
	}
	fx_trim(v);
	if (f->ns == FX_NS_DC && is(n, "title")) {
		fx_take(it ? &it->title : &feed->title, v);
		v = NULL;
	} else if (f->ns == FX_NS_DC && (is(n, "creator") || is(n, "author") || (is(n, "contributor") && it && !it->author))) {
		if (it && *v)
			fx_take(&it->author, fx_author_name(v));
	} else if (f->ns == FX_NS_DC && is(n, "date"))
		set_date(it ? &it->updated : &feed->updated, v);
	else if (f->ns == FX_NS_DC && is(n, "subject")) {
		if (it && *v && fx_add_category(it, v))
			fx_stop(x, "out of memory");
	} else if (f->ns == FX_NS_DC && is(n, "language")) {
		if (!it) {
			fx_take(&feed->language, v);
			v = NULL;
		}
	} else if (f->ns == FX_NS_DC && is(n, "description")) {
		if (it && !it->summary) {
			fx_take(&it->summary, v);
			v = NULL;
		} else if (!it && !feed->description) {
			fx_take(&feed->description, v);
			v = NULL;
		}
	} else if (f->ns == FX_NS_DCTERMS) {
		if (!it && is(n, "modified"))
			set_date(&feed->updated, v);
		else if (it && is(n, "modified"))
			set_date(&it->updated, v);
		else if (it && (is(n, "issued") || (is(n, "created") && !it->published)))
			set_date(&it->published, v);
	} else if (f->ns == FX_NS_ITUNES) {
		char **dst = is(n, "author") ? (it ? &it->author : NULL)
		           : is(n, "summary") ? (it ? &it->summary : &feed->description)
		                              : (it ? NULL : &feed->description);
		if (dst && !*dst && *v) {
			fx_take(dst, v);
			v = NULL;
		}
	} else if ((f->ns == FX_NS_CONTENT || f->ns == FX_NS_XHTML) && it) {
		fx_take(&it->content, v);
		v = NULL;
	}
	free(v);
}

/*
 * The core RSS vocabulary as a table, sorted by name for bsearch (as sfeed
 * keeps its tag tables): how an element's text reads, whether it counts
 * outside an item, and the handler that takes its value (and owns it) when
 * the element closes. An element with an open handler but no end handler
 * is read from its attributes alone.
 */
enum rss_scope { RSS_ANYWHERE, RSS_IN_ITEM };
struct rss_elem {
	const char *name;
	enum fx_text text;
	enum rss_scope scope;
	void (*open)(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na);
	void (*end)(struct fx *x, struct fx_frame *f, char *v);
};

static void end_title(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	fx_take(x->item ? &x->item->title : &x->feed->title, v);
}

static void end_link(struct fx *x, struct fx_frame *f, char *v)
{
	if (*v)
		fx_take(x->item ? &x->item->link : &x->feed->link, fx_resolve(f, v));
	free(v);
}

static void end_language(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (!x->item)
		fx_take(&x->feed->language, v);
	else
		free(v);
}

/* The channel's date: lastBuildDate is better than pubDate, whichever order they come in. */
static void channel_date(struct fx *x, char *v, int rank)
{
	if (rank >= x->updated_rank) {
		char *d = fx_date(v);
		if (d) {
			fx_take(&x->feed->updated, d);
			x->updated_rank = rank;
		}
	}
	free(v);
}

static void end_build_date(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (!x->item)
		channel_date(x, v, 2);
	else
		free(v);
}

static void end_pub_date(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (!x->item) {
		channel_date(x, v, 1);
		return;
	}
	char *d = fx_date(v);
	if (d)
		fx_take(&x->item->published, d);
	free(v);
}

/* In an item the first of description / summary is the summary, a second one the content. */
static void item_text(struct feed_item *it, char *v)
{
	if (!it->summary)
		fx_take(&it->summary, v);
	else if (!it->content)
		fx_take(&it->content, v);
	else
		free(v);
}

static void end_description(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (x->item)
		item_text(x->item, v);
	else
		fx_take(&x->feed->description, v);
}

static void end_summary(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (x->item)
		item_text(x->item, v);
	else
		free(v); /* not a channel element */
}

static void end_content(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (x->item)
		fx_take(&x->item->content, v);
	else
		free(v);
}

static void open_guid(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	(void)x;
	f->flag = !fx_attr_is(a, na, "isPermaLink", "false");
}

static void end_guid(struct fx *x, struct fx_frame *f, char *v)
{
	x->guid_is_link = f->flag;
	fx_take(&x->item->id, v);
}

static void end_author(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (*v)
		fx_take(&x->item->author, fx_author_name(v));
	free(v);
}

static void end_category(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (*v && fx_add_category(x->item, v))
		fx_stop(x, "out of memory");
	free(v);
}

static void open_enclosure(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	add_enclosure(x, f, a, na, "length");
}

static const struct rss_elem rss_core[] = {
	{.name = "author", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_author},
	{.name = "body", .text = FX_XHTML, .scope = RSS_IN_ITEM, .end = end_content}, /* XHTML without its namespace */
	{.name = "category", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_category},
	{.name = "description", .text = FX_HTML, .scope = RSS_ANYWHERE, .end = end_description},
	{.name = "enclosure", .text = FX_TEXT, .scope = RSS_IN_ITEM, .open = open_enclosure},
	{.name = "fullitem", .text = FX_HTML, .scope = RSS_ANYWHERE, .end = end_content},
	{.name = "guid", .text = FX_TEXT, .scope = RSS_IN_ITEM, .open = open_guid, .end = end_guid},
	{.name = "language", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_language},
	{.name = "lastBuildDate", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_build_date},
	{.name = "link", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_link},
	{.name = "pubDate", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_pub_date},
	{.name = "summary", .text = FX_HTML, .scope = RSS_ANYWHERE, .end = end_summary},
	{.name = "title", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_title},
};

static int elem_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct rss_elem *)elem)->name);
}

static const struct rss_elem *rss_elem_find(const char *name)
{
	return bsearch(name, rss_core, sizeof rss_core / sizeof *rss_core, sizeof *rss_core, elem_cmp);
}

enum fx_role fx_rss_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	const char *n = f->name;
	struct feed_item *it = x->item;
	if (f->ns == FX_NS_ATOM) { /* <atom:link rel="alternate"> stands in for a missing <link> */
		if (is(n, "link") && !it && !x->feed->link && fx_attr_is(a, na, "rel", "alternate")) {
			char *href = fx_attr_get(a, na, NULL, "href");
			if (href)
				fx_take(&x->feed->link, fx_resolve(f, fx_trim(href)));
			free(href);
		}
		return FX_SKIP;
	}
	if (f->ns != FX_NS_CORE)
		return fx_ext_start(x, f, a, na);
	const struct rss_elem *e = rss_elem_find(n);
	if (!e || (e->scope == RSS_IN_ITEM && !it))
		return FX_SKIP;
	if (e->open)
		e->open(x, f, a, na);
	if (!e->end)
		return FX_SKIP;
	f->text = e->text;
	return FX_FIELD;
}

void fx_rss_end(struct fx *x, struct fx_frame *f, char *v)
{
	if (f->ns != FX_NS_CORE) {
		fx_ext_end(x, f, v);
		return;
	}
	if (f->text == FX_HTML || (f->text == FX_XHTML && !x->markup)) {
		if (!(v = fx_clean_html(v, f->base))) {
			fx_stop(x, "out of memory");
			return;
		}
	}
	const struct rss_elem *e = rss_elem_find(f->name);
	if (e && e->end && (e->scope == RSS_ANYWHERE || x->item))
		e->end(x, f, fx_trim(v));
	else
		free(v);
}

void fx_rss_item_end(struct fx *x, struct fx_frame *f)
{
	struct feed_item *it = x->item;
	/* a permalink guid is the link when the item has none */
	if (it && !it->link && it->id && x->guid_is_link && (strstr(it->id, "://") || it->id[0] == '/'))
		fx_take(&it->link, fx_resolve(f, it->id));
	x->guid_is_link = 0;
}
