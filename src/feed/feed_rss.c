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

/*
 * The RSS vocabulary and the extension vocabularies (Dublin Core, content,
 * XHTML body, iTunes, Media RSS) as tables, sorted for bsearch (as sfeed
 * keeps its tag tables): how an element's text reads, whether it counts
 * outside an item, and the handler that takes its value (and owns it) when
 * the element closes. An element with an open handler but no end handler
 * is read from its attributes alone.
 */
enum rss_scope { RSS_ANYWHERE, RSS_IN_ITEM };
struct rss_elem {
	enum fx_ns ns; /* FX_NS_CORE in the core table; the extension table is sorted by namespace first */
	const char *name;
	enum fx_text text;
	enum rss_scope scope;
	int group; /* 1 for a container whose children are read as the item's (media:group) */
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
	if (rank >= x->updated_rank && fx_set_updated(x, v))
		x->updated_rank = rank;
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
	fx_set_published(x, v);
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

/* Dublin Core, iTunes: values that fill only what the core elements left empty (field NULL: not taken). */
static void take_if_unset(char **field, char *v)
{
	if (field && !*field)
		fx_take(field, v);
	else
		free(v);
}

/* iTunes' text counts only when it says something. */
static void take_text_if_unset(char **field, char *v)
{
	take_if_unset(*v ? field : NULL, v);
}

static void end_dc_contributor(struct fx *x, struct fx_frame *f, char *v)
{
	if (!x->item->author)
		end_author(x, f, v);
	else
		free(v);
}

static void end_dc_date(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	fx_set_updated(x, v);
	free(v);
}

static void end_dc_description(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	take_if_unset(x->item ? &x->item->summary : &x->feed->description, v);
}

static void end_dcterms_issued(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	fx_set_published(x, v);
	free(v);
}

static void end_dcterms_created(struct fx *x, struct fx_frame *f, char *v)
{
	if (!x->item->published)
		end_dcterms_issued(x, f, v);
	else
		free(v);
}

static void end_itunes_author(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	take_text_if_unset(x->item ? &x->item->author : NULL, v);
}

static void end_itunes_summary(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	take_text_if_unset(x->item ? &x->item->summary : &x->feed->description, v);
}

static void end_itunes_subtitle(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	take_text_if_unset(x->item ? NULL : &x->feed->description, v);
}

static void open_itunes_category(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	(void)f;
	char *t = fx_attr_get(a, na, NULL, "text");
	if (t && *fx_trim(t) && fx_add_category(x->item, t))
		fx_stop(x, "out of memory");
	free(t);
}

static void open_media_content(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	add_enclosure(x, f, a, na, "fileSize");
}

/* Sorted by namespace (enum fx_ns order), then name. */
static const struct rss_elem rss_ext[] = {
	{.ns = FX_NS_DC, .name = "author", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_author},
	{.ns = FX_NS_DC, .name = "contributor", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_dc_contributor},
	{.ns = FX_NS_DC, .name = "creator", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_author},
	{.ns = FX_NS_DC, .name = "date", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_dc_date},
	{.ns = FX_NS_DC, .name = "description", .text = FX_HTML, .scope = RSS_ANYWHERE, .end = end_dc_description},
	{.ns = FX_NS_DC, .name = "language", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_language},
	{.ns = FX_NS_DC, .name = "subject", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_category},
	{.ns = FX_NS_DC, .name = "title", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_title},
	{.ns = FX_NS_DCTERMS, .name = "created", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_dcterms_created},
	{.ns = FX_NS_DCTERMS, .name = "issued", .text = FX_TEXT, .scope = RSS_IN_ITEM, .end = end_dcterms_issued},
	{.ns = FX_NS_DCTERMS, .name = "modified", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_dc_date},
	{.ns = FX_NS_CONTENT, .name = "encoded", .text = FX_HTML, .scope = RSS_IN_ITEM, .end = end_content},
	{.ns = FX_NS_MEDIA, .name = "content", .text = FX_TEXT, .scope = RSS_IN_ITEM, .open = open_media_content},
	{.ns = FX_NS_MEDIA, .name = "group", .text = FX_TEXT, .scope = RSS_IN_ITEM, .group = 1},
	{.ns = FX_NS_XHTML, .name = "body", .text = FX_XHTML, .scope = RSS_IN_ITEM, .end = end_content},
	{.ns = FX_NS_ITUNES, .name = "author", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_itunes_author},
	{.ns = FX_NS_ITUNES, .name = "category", .text = FX_TEXT, .scope = RSS_IN_ITEM, .open = open_itunes_category},
	{.ns = FX_NS_ITUNES, .name = "subtitle", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_itunes_subtitle},
	{.ns = FX_NS_ITUNES, .name = "summary", .text = FX_TEXT, .scope = RSS_ANYWHERE, .end = end_itunes_summary},
};

struct elem_key {
	enum fx_ns ns;
	const char *name;
};

static int elem_cmp(const void *key, const void *elem)
{
	const struct elem_key *k = key;
	const struct rss_elem *e = elem;
	return k->ns != e->ns ? (k->ns < e->ns ? -1 : 1) : strcmp(k->name, e->name);
}

static const struct rss_elem *elem_find(const struct rss_elem *table, size_t n, const struct fx_frame *f)
{
	struct elem_key k = {.ns = f->ns, .name = f->name};
	return bsearch(&k, table, n, sizeof *table, elem_cmp);
}

/* The role of an element found in a table (or not, e NULL), its open handler run. */
static enum fx_role elem_start(const struct rss_elem *e, struct fx *x, struct fx_frame *f, const struct fx_attr *a,
                               int na)
{
	if (!e || (e->scope == RSS_IN_ITEM && !x->item))
		return FX_SKIP;
	if (e->open)
		e->open(x, f, a, na);
	if (e->group)
		return FX_GROUP;
	if (!e->end)
		return FX_SKIP;
	f->text = e->text;
	return FX_FIELD;
}

/* A field of the table closes: its value, cleaned when it is HTML, to the end handler. */
static void elem_end(const struct rss_elem *e, struct fx *x, struct fx_frame *f, char *v)
{
	if (f->text == FX_HTML || (f->text == FX_XHTML && !x->markup)) {
		if (!(v = fx_clean_html(v, f->base))) {
			fx_stop(x, "out of memory");
			return;
		}
	}
	if (e && e->end && (e->scope == RSS_ANYWHERE || x->item))
		e->end(x, f, fx_trim(v));
	else
		free(v);
}

#define RSS_FIND(table, f) elem_find(table, sizeof table / sizeof *table, f)

enum fx_role fx_ext_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	return elem_start(RSS_FIND(rss_ext, f), x, f, a, na);
}

void fx_ext_end(struct fx *x, struct fx_frame *f, char *v)
{
	elem_end(RSS_FIND(rss_ext, f), x, f, v);
}

enum fx_role fx_rss_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	const char *n = f->name;
	if (f->ns == FX_NS_ATOM) { /* <atom:link rel="alternate"> stands in for a missing <link> */
		if (is(n, "link") && !x->item && !x->feed->link && fx_attr_is(a, na, "rel", "alternate")) {
			char *href = fx_attr_get(a, na, NULL, "href");
			if (href)
				fx_take(&x->feed->link, fx_resolve(f, fx_trim(href)));
			free(href);
		}
		return FX_SKIP;
	}
	if (f->ns != FX_NS_CORE)
		return fx_ext_start(x, f, a, na);
	return elem_start(RSS_FIND(rss_core, f), x, f, a, na);
}

void fx_rss_end(struct fx *x, struct fx_frame *f, char *v)
{
	if (f->ns != FX_NS_CORE)
		fx_ext_end(x, f, v);
	else
		elem_end(RSS_FIND(rss_core, f), x, f, v);
}

void fx_rss_item_end(struct fx *x, struct fx_frame *f)
{
	struct feed_item *it = x->item;
	/* a permalink guid is the link when the item has none */
	if (it && !it->link && it->id && x->guid_is_link && (strstr(it->id, "://") || it->id[0] == '/'))
		fx_take(&it->link, fx_resolve(f, it->id));
	x->guid_is_link = 0;
}
