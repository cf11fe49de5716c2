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
	free(url), free(type), free(len), free(abs);
}

int fx_ext_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
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
	if (f->ns == FX_NS_DC && is(n, "title"))
		fx_take(it ? &it->title : &feed->title, v), v = NULL;
	else if (f->ns == FX_NS_DC && (is(n, "creator") || is(n, "author") || (is(n, "contributor") && it && !it->author))) {
		if (it && *v)
			fx_take(&it->author, fx_author_name(v));
	} else if (f->ns == FX_NS_DC && is(n, "date"))
		set_date(it ? &it->updated : &feed->updated, v);
	else if (f->ns == FX_NS_DC && is(n, "subject")) {
		if (it && *v && fx_add_category(it, v))
			fx_stop(x, "out of memory");
	} else if (f->ns == FX_NS_DC && is(n, "language")) {
		if (!it)
			fx_take(&feed->language, v), v = NULL;
	} else if (f->ns == FX_NS_DC && is(n, "description")) {
		if (it && !it->summary)
			fx_take(&it->summary, v), v = NULL;
		else if (!it && !feed->description)
			fx_take(&feed->description, v), v = NULL;
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
		if (dst && !*dst && *v)
			fx_take(dst, v), v = NULL;
	} else if ((f->ns == FX_NS_CONTENT || f->ns == FX_NS_XHTML) && it) {
		fx_take(&it->content, v), v = NULL;
	}
	free(v);
}

int fx_rss_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
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
	if (is(n, "title") || is(n, "link") || is(n, "pubDate") || is(n, "language") || is(n, "lastBuildDate"))
		return FX_FIELD;
	if (is(n, "description") || is(n, "fullitem") || is(n, "summary"))
		return f->text = FX_HTML, FX_FIELD;
	if (!it)
		return FX_SKIP;
	if (is(n, "guid")) {
		f->flag = !fx_attr_is(a, na, "isPermaLink", "false");
		return FX_FIELD;
	}
	if (is(n, "author") || is(n, "category"))
		return FX_FIELD;
	if (is(n, "body")) /* XHTML body written without its namespace */
		return f->text = FX_XHTML, FX_FIELD;
	if (is(n, "enclosure"))
		add_enclosure(x, f, a, na, "length");
	return FX_SKIP;
}

void fx_rss_end(struct fx *x, struct fx_frame *f, char *v)
{
	if (f->ns != FX_NS_CORE) {
		fx_ext_end(x, f, v);
		return;
	}
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
	if (is(n, "title")) {
		fx_take(it ? &it->title : &feed->title, v);
		return;
	}
	if (is(n, "link")) {
		if (*v)
			fx_take(it ? &it->link : &feed->link, fx_resolve(f, v));
	} else if (is(n, "language")) {
		if (!it)
			fx_take(&feed->language, v), v = NULL;
	} else if (!it && (is(n, "lastBuildDate") || is(n, "pubDate"))) {
		int rank = is(n, "lastBuildDate") ? 2 : 1;
		if (rank >= x->updated_rank) {
			char *d = fx_date(v);
			if (d)
				fx_take(&feed->updated, d), x->updated_rank = rank;
		}
	} else if (!it && is(n, "description")) {
		fx_take(&feed->description, v), v = NULL;
	} else if (!it) {
		/* other channel-level fields are not kept */
	} else if (is(n, "pubDate")) {
		char *d = fx_date(v);
		if (d)
			fx_take(&it->published, d);
	} else if (is(n, "description") || is(n, "summary")) {
		/* the first of description / summary is the summary, a second one the content */
		if (!it->summary)
			fx_take(&it->summary, v), v = NULL;
		else if (!it->content)
			fx_take(&it->content, v), v = NULL;
	} else if (is(n, "fullitem") || is(n, "body")) {
		fx_take(&it->content, v), v = NULL;
	} else if (is(n, "guid")) {
		x->guid_is_link = f->flag;
		fx_take(&it->id, v), v = NULL;
	} else if (is(n, "author")) {
		if (*v)
			fx_take(&it->author, fx_author_name(v));
	} else if (is(n, "category")) {
		if (*v && fx_add_category(it, v))
			fx_stop(x, "out of memory");
	}
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
