/* feed_atom.c: Atom 1.0 (RFC 4287) and Atom 0.3 elements. */
#include "model.h"
#include "feed_xml.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is(const char *a, const char *b) { return !strcmp(a, b); }

/* How an Atom text construct's content reads, from its type (and 0.3's mode). */
static int text_kind(struct fx *x, const struct fx_attr *a, int na)
{
	char *type = fx_attr_get(a, na, NULL, "type"), *mode = fx_attr_get(a, na, NULL, "mode");
	int atom10 = x->feed->format && is(x->feed->format, "atom1.0");
	int k = FX_TEXT;
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
	free(type), free(mode);
	return k;
}

int fx_atom_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	const char *n = f->name;
	struct feed_item *it = x->item;
	if (f->ns != FX_NS_CORE)
		return fx_ext_start(x, f, a, na);
	if (is(n, "title") || is(n, "subtitle") || is(n, "tagline") || is(n, "summary") || is(n, "content")) {
		f->text = text_kind(x, a, na);
		char *src = is(n, "content") && it && !it->link ? fx_attr_get(a, na, NULL, "src") : NULL;
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
	if (is(n, "id") || is(n, "published") || is(n, "issued") || is(n, "created") || is(n, "updated") ||
	    is(n, "modified"))
		return FX_FIELD;
	if (is(n, "author") || is(n, "contributor")) {
		free(x->person_name), free(x->person_email);
		x->person_name = x->person_email = NULL;
		f->flag = is(n, "author") ? 2 : 1;
		return FX_PERSON;
	}
	if (is(n, "category")) {
		char *term = fx_attr_get(a, na, NULL, "term");
		if (!term)
			term = fx_attr_get(a, na, NULL, "label");
		if (it && term && *fx_trim(term) && fx_add_category(it, term))
			fx_stop(x, "out of memory");
		free(term);
		return FX_SKIP;
	}
	if (is(n, "link")) {
		char *rel = fx_attr_get(a, na, NULL, "rel"), *href = fx_attr_get(a, na, NULL, "href");
		int alternate = !rel || !strcasecmp(fx_trim(rel), "alternate");
		int enclosure = rel && !strcasecmp(rel, "enclosure");
		int role = FX_SKIP;
		if (!href) { /* a link written as text: read it as the alternate when it says so */
			f->flag = alternate;
			role = FX_FIELD;
		} else if (alternate && !(it ? it->link : x->feed->link)) {
			fx_take(it ? &it->link : &x->feed->link, fx_resolve(f, fx_trim(href)));
		} else if (enclosure && it && *fx_trim(href)) {
			char *type = fx_attr_get(a, na, NULL, "type"), *len = fx_attr_get(a, na, NULL, "length");
			char *abs = fx_resolve(f, href), *end = NULL;
			long long l = len ? strtoll(fx_trim(len), &end, 10) : -1;
			if (len && (end == len || *end || l < 0))
				l = -1;
			if (!abs || fx_add_enclosure(it, abs, type, l))
				fx_stop(x, "out of memory");
			free(type), free(len), free(abs);
		}
		free(rel), free(href);
		return role;
	}
	return FX_SKIP; /* source, generator, rights, icon, ... */
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

void fx_atom_end(struct fx *x, struct fx_frame *f, char *v)
{
	struct feed_item *it = x->item;
	struct feed *feed = x->feed;
	const char *n = f->name;
	if (f->ns != FX_NS_CORE) {
		fx_ext_end(x, f, v);
		return;
	}
	if (f->role == FX_PERSON) {
		const char *who = x->person_name && *x->person_name ? x->person_name : x->person_email;
		if (it && who && *who && f->flag >= x->item_author_rank) {
			if (feed_set(&it->author, who))
				fx_stop(x, "out of memory");
			x->item_author_rank = f->flag;
		} else if (!it && who && *who && f->flag == 2 && !x->feed_author) {
			if (!(x->feed_author = strdup(who)))
				fx_stop(x, "out of memory");
		}
		return;
	}
	if (f[-1].role == FX_PERSON) {
		if (is(n, "name"))
			fx_take(&x->person_name, fx_trim(v));
		else if (is(n, "email"))
			fx_take(&x->person_email, fx_trim(v));
		else
			free(v);
		return;
	}
	if (is(n, "title") || is(n, "subtitle") || is(n, "tagline") || is(n, "summary") || is(n, "content")) {
		if (!(v = text_value(x, f, v))) {
			fx_stop(x, "out of memory");
			return;
		}
		char **dst = is(n, "title") ? (it ? &it->title : &feed->title)
		           : is(n, "summary") ? (it ? &it->summary : &feed->description)
		           : is(n, "content") ? (it ? &it->content : NULL)
		                              : (it ? NULL : &feed->description);
		if (dst && (*v || is(n, "title"))) /* an empty body is no content; an empty title is a title */
			fx_take(dst, v), v = NULL;
		free(v);
		return;
	}
	fx_trim(v);
	if (is(n, "link")) {
		if (f->flag && *v && !(it ? it->link : feed->link))
			fx_take(it ? &it->link : &feed->link, fx_resolve(f, v));
	} else if (is(n, "id")) {
		if (it)
			fx_take(&it->id, v), v = NULL;
	} else if (is(n, "published") || is(n, "issued") || (is(n, "created") && it && !it->published)) {
		char *d = fx_date(v);
		if (d && it)
			fx_take(&it->published, d);
		else
			free(d);
	} else if (is(n, "updated") || is(n, "modified")) {
		char *d = fx_date(v);
		if (d)
			fx_take(it ? &it->updated : &feed->updated, d);
	}
	free(v);
}

void fx_atom_item_end(struct fx *x, struct fx_frame *f)
{
	(void)x, (void)f;
}
