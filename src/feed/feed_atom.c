/* feed_atom.c: Atom 1.0 (RFC 4287) and Atom 0.3 elements. */
#include "model.h"
#include "feed_xml.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is(const char *a, const char *b) { return !strcmp(a, b); }

/* How an Atom text construct's content reads, from its type (and 0.3's mode). */
static enum fx_text text_kind(struct fx *x, const struct fx_attr *a, int na)
{
	char *type = fx_attr_get(a, na, NULL, "type"), *mode = fx_attr_get(a, na, NULL, "mode");
	int atom10 = x->feed->format && is(x->feed->format, "atom1.0");
	enum fx_text k = FX_TEXT;
	const char *t = type ? fx_trim(type) : "";
	int html = !strcasecmp(t, "html") || !strcasecmp(t, "text/html");
	int xml = !strcasecmp(t, "xhtml") || strstr(t, "xml") != NULL;
	if (mode && !strcasecmp(fx_trim(mode), "base64"))
		k = FX_BASE64;
	else if (mode && !strcasecmp(mode, "escaped"))
		k = html || xml ? FX_HTML : FX_TEXT;
	else if (xml)
		k = atom10 ? FX_XHTML_WRAPPED : FX_XHTML;
	else if (html)
		k = FX_HTML;
	else if (atom10 && *t && strcasecmp(t, "text") && strncasecmp(t, "text/", 5))
		k = FX_BASE64; /* any other MIME type is base64 in Atom 1.0 */
	free(type);
	free(mode);
	return k;
}

/* The value of a text construct: markup as serialised, HTML with links resolved, base64 decoded. */
static char *text_value(struct fx *x, struct fx_frame *f, char *v)
{
	char *r = v;
	if (f->text == FX_BASE64 && !x->markup) {
		r = fx_base64(v);
		free(v);
		if (!r || !f->flag)
			return r;
		r = fx_clean_html(r, f->base);
	} else if (f->text == FX_HTML) {
		r = fx_clean_html(v, f->base);
	}
	return fx_trim(r);
}

/*
 * The Atom vocabulary as a table sorted by name (bsearch): open() gives an
 * element its role from its attributes (NULL: a plain field), end() takes
 * its value (and owns it) when it closes.
 */
struct atom_elem {
	const char *name;
	enum fx_role (*open)(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na);
	void (*end)(struct fx *x, struct fx_frame *f, char *v);
};

static enum fx_role open_text(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	struct feed_item *it = x->item;
	f->text = text_kind(x, a, na);
	char *src = is(f->name, "content") && it && !it->link ? fx_attr_get(a, na, NULL, "src") : NULL;
	if (src && *fx_trim(src)) /* out-of-line content: at least the reader can follow it */
		fx_take(&it->link, fx_resolve(f, src));
	free(src);
	if (f->text == FX_BASE64) {
		char *type = fx_attr_get(a, na, NULL, "type");
		f->flag = type && strstr(type, "html") != NULL;
		free(type);
	}
	return FX_FIELD;
}

/* A text construct's value into *dst (NULL: not kept here); an empty body is no content, an empty title a title. */
static void text_into(struct fx *x, struct fx_frame *f, char *v, char **dst, int keep_empty)
{
	if (!(v = text_value(x, f, v))) {
		fx_stop(x, "out of memory");
		return;
	}
	if (dst && (*v || keep_empty))
		fx_take(dst, v);
	else
		free(v);
}

static void end_title(struct fx *x, struct fx_frame *f, char *v)
{
	text_into(x, f, v, x->item ? &x->item->title : &x->feed->title, 1);
}

static void end_summary(struct fx *x, struct fx_frame *f, char *v)
{
	text_into(x, f, v, x->item ? &x->item->summary : &x->feed->description, 0);
}

static void end_content(struct fx *x, struct fx_frame *f, char *v)
{
	text_into(x, f, v, x->item ? &x->item->content : NULL, 0);
}

static void end_subtitle(struct fx *x, struct fx_frame *f, char *v) /* and 0.3's tagline */
{
	text_into(x, f, v, x->item ? NULL : &x->feed->description, 0);
}

static void end_id(struct fx *x, struct fx_frame *f, char *v)
{
	(void)f;
	if (x->item)
		fx_take(&x->item->id, fx_trim(v));
	else
		free(v);
}

static void item_published(struct fx *x, char *v)
{
	fx_set_published(x, fx_trim(v));
	free(v);
}

static void end_published(struct fx *x, struct fx_frame *f, char *v) /* and 0.3's issued */
{
	(void)f;
	item_published(x, v);
}

static void end_created(struct fx *x, struct fx_frame *f, char *v) /* 0.3: the date when nothing better came */
{
	(void)f;
	if (x->item && !x->item->published)
		item_published(x, v);
	else
		free(v);
}

static void end_updated(struct fx *x, struct fx_frame *f, char *v) /* and 0.3's modified */
{
	(void)f;
	fx_set_updated(x, fx_trim(v));
	free(v);
}

static enum fx_role open_person(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	(void)a, (void)na;
	free(x->person_name);
	free(x->person_email);
	x->person_name = x->person_email = NULL;
	f->flag = is(f->name, "author") ? 2 : 1; /* an author outranks a contributor */
	return FX_PERSON;
}

static enum fx_role open_category(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	(void)f;
	char *term = fx_attr_get(a, na, NULL, "term");
	if (!term)
		term = fx_attr_get(a, na, NULL, "label");
	if (x->item && term && *fx_trim(term) && fx_add_category(x->item, term))
		fx_stop(x, "out of memory");
	free(term);
	return FX_SKIP;
}

static void add_link_enclosure(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na, const char *href)
{
	char *type = fx_attr_get(a, na, NULL, "type"), *len = fx_attr_get(a, na, NULL, "length");
	char *abs = fx_resolve(f, href), *end = NULL;
	long long l = len ? strtoll(fx_trim(len), &end, 10) : -1;
	if (len && (end == len || *end || l < 0))
		l = -1;
	if (!abs || fx_add_enclosure(x->item, abs, type, l))
		fx_stop(x, "out of memory");
	free(type);
	free(len);
	free(abs);
}

static enum fx_role open_link(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	struct feed_item *it = x->item;
	char *rel = fx_attr_get(a, na, NULL, "rel"), *href = fx_attr_get(a, na, NULL, "href");
	int alternate = !rel || !strcasecmp(fx_trim(rel), "alternate");
	int enclosure = rel && !strcasecmp(rel, "enclosure");
	enum fx_role role = FX_SKIP;
	if (!href) { /* a link written as text: read it as the alternate when it says so */
		f->flag = alternate;
		role = FX_FIELD;
	} else if (alternate && !(it ? it->link : x->feed->link)) {
		fx_take(it ? &it->link : &x->feed->link, fx_resolve(f, fx_trim(href)));
	} else if (enclosure && it && *fx_trim(href)) {
		add_link_enclosure(x, f, a, na, href);
	}
	free(rel);
	free(href);
	return role;
}

static void end_link(struct fx *x, struct fx_frame *f, char *v)
{
	char **dst = x->item ? &x->item->link : &x->feed->link;
	if (f->flag && *fx_trim(v) && !*dst)
		fx_take(dst, fx_resolve(f, v));
	free(v);
}

static const struct atom_elem atom_core[] = {
	{.name = "author", .open = open_person},
	{.name = "category", .open = open_category},
	{.name = "content", .open = open_text, .end = end_content},
	{.name = "contributor", .open = open_person},
	{.name = "created", .end = end_created},
	{.name = "id", .end = end_id},
	{.name = "issued", .end = end_published},
	{.name = "link", .open = open_link, .end = end_link},
	{.name = "modified", .end = end_updated},
	{.name = "published", .end = end_published},
	{.name = "subtitle", .open = open_text, .end = end_subtitle},
	{.name = "summary", .open = open_text, .end = end_summary},
	{.name = "tagline", .open = open_text, .end = end_subtitle},
	{.name = "title", .open = open_text, .end = end_title},
	{.name = "updated", .end = end_updated},
};

static int elem_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct atom_elem *)elem)->name);
}

static const struct atom_elem *atom_elem_find(const char *name)
{
	return bsearch(name, atom_core, sizeof atom_core / sizeof *atom_core, sizeof *atom_core, elem_cmp);
}

enum fx_role fx_atom_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	if (f->ns != FX_NS_CORE)
		return fx_ext_start(x, f, a, na);
	const struct atom_elem *e = atom_elem_find(f->name);
	if (!e)
		return FX_SKIP; /* source, generator, rights, icon, ... */
	return e->open ? e->open(x, f, a, na) : FX_FIELD;
}

/* A person construct closes: its name (else email) is the item's author, or the feed's. */
static void end_person(struct fx *x, struct fx_frame *f)
{
	struct feed_item *it = x->item;
	const char *who = x->person_name && *x->person_name ? x->person_name : x->person_email;
	if (!who || !*who)
		return;
	if (it && f->flag >= x->item_author_rank) {
		if (feed_set(&it->author, who))
			fx_stop(x, "out of memory");
		x->item_author_rank = f->flag;
	} else if (!it && f->flag == 2 && !x->feed_author) {
		if (!(x->feed_author = strdup(who)))
			fx_stop(x, "out of memory");
	}
}

void fx_atom_end(struct fx *x, struct fx_frame *f, char *v)
{
	if (f->ns != FX_NS_CORE) {
		fx_ext_end(x, f, v);
		return;
	}
	if (f->role == FX_PERSON) {
		end_person(x, f);
		return;
	}
	if (f[-1].role == FX_PERSON) {
		if (is(f->name, "name"))
			fx_take(&x->person_name, fx_trim(v));
		else if (is(f->name, "email"))
			fx_take(&x->person_email, fx_trim(v));
		else
			free(v);
		return;
	}
	const struct atom_elem *e = atom_elem_find(f->name);
	if (e && e->end)
		e->end(x, f, v);
	else
		free(v);
}

void fx_atom_item_end(struct fx *x, struct fx_frame *f)
{
	(void)x, (void)f;
}
