/* html_jsonld.c: schema.org article metadata from JSON-LD scripts, via json-c. */
#include "html_jsonld.h"
#include "base.h"
#include "html_byline.h"
#include "html_dom.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

/* Scripts bigger than this are not metadata (and not worth parsing). */
#define JSONLD_MAX ((size_t)1 << 20)

static const char *const article_types[] = {
	"Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
	"BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
	"ReviewNewsArticle", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
	"SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting",
	"TechArticle", "APIReference", "Report", "AdvertiserContentArticle", NULL,
};

static int type_is_article(const char *t)
{
	/* "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type */
	const char *slash = strrchr(t, '/'), *colon = strrchr(t, ':');
	if (slash && (!colon || slash > colon))
		t = slash + 1;
	else if (colon)
		t = colon + 1;
	for (const char *const *p = article_types; *p; p++)
		if (!strcmp(t, *p))
			return 1;
	return 0;
}

static int is_article(struct json_object *o)
{
	struct json_object *t;
	if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "@type", &t))
		return 0;
	if (json_object_is_type(t, json_type_string))
		return type_is_article(json_object_get_string(t));
	if (json_object_is_type(t, json_type_array))
		for (size_t i = 0; i < json_object_array_length(t); i++) {
			struct json_object *e = json_object_array_get_idx(t, i);
			if (json_object_is_type(e, json_type_string) && type_is_article(json_object_get_string(e)))
				return 1;
		}
	return 0;
}

static const char *str_field(struct json_object *o, const char *key)
{
	struct json_object *v;
	if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	const char *s = json_object_get_string(v);
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	return *s ? s : NULL;
}

static int set(char **dst, const char *s)
{
	if (!s || *dst)
		return 0;
	return (*dst = strdup(s)) ? 0 : -1;
}

/* The object whose "@id" is id in the script's @graph (or top-level array), or NULL. */
static struct json_object *by_id(struct json_object *top, const char *id)
{
	struct json_object *list = top, *g;
	if (json_object_is_type(top, json_type_object) && json_object_object_get_ex(top, "@graph", &g))
		list = g;
	if (!id || !json_object_is_type(list, json_type_array))
		return NULL;
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		struct json_object *e = json_object_array_get_idx(list, i);
		const char *eid = str_field(e, "@id");
		if (eid && !strcmp(eid, id))
			return e;
	}
	return NULL;
}

/* One author: "Jane Doe", {"name": "Jane Doe"}, or {"@id": ...} naming a Person elsewhere in the graph. */
static const char *author_name(struct json_object *a, struct json_object *top)
{
	if (json_object_is_type(a, json_type_string))
		return json_object_get_string(a);
	const char *n = str_field(a, "name");
	if (!n && top)
		n = str_field(by_id(top, str_field(a, "@id")), "name");
	return n;
}

static int read_authors(struct json_object *o, struct json_object *top, char **dst)
{
	struct json_object *a;
	if (!json_object_object_get_ex(o, "author", &a) && !json_object_object_get_ex(o, "creator", &a))
		return 0;
	struct buf b = BUF_INIT;
	if (json_object_is_type(a, json_type_array)) {
		size_t n_all = json_object_array_length(a);
		for (size_t i = 0; i < n_all && i < 20; i++) {
			const char *n = author_name(json_object_array_get_idx(a, i), top);
			/* one agency, once: "AP" beside "Associated Press", a name twice */
			int again = 0;
			for (size_t k = 0; n && k < n_all && k < 20 && !again; k++) {
				const char *o2 = k == i ? NULL : author_name(json_object_array_get_idx(a, k), top);
				again = o2 && html_byline_same_source(n, o2) &&
				        (strlen(n) < strlen(o2) || (strlen(n) == strlen(o2) && k < i));
			}
			if (n && *n && !again) {
				if (b.len)
					buf_puts(&b, ", ");
				dom_text_append(&b, n, strlen(n));
			}
		}
	} else {
		const char *n = author_name(a, top);
		if (n)
			dom_text_append(&b, n, strlen(n));
	}
	dom_text_trim(&b);
	if (b.failed) {
		buf_free(&b);
		return -1;
	}
	int rc = b.len ? set(dst, b.data) : 0;
	buf_free(&b);
	return rc;
}

/* The first datePublished anywhere in a script (a WebPage's when no article is described). */
static const char *any_published(struct json_object *o, int depth)
{
	const char *v = str_field(o, "datePublished");
	if (v || depth > 4)
		return v;
	if (json_object_is_type(o, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(o) && !v; i++)
			v = any_published(json_object_array_get_idx(o, i), depth + 1);
	} else if (json_object_is_type(o, json_type_object)) {
		struct json_object *g;
		if (json_object_object_get_ex(o, "@graph", &g))
			v = any_published(g, depth + 1);
	}
	return v;
}

static int take(struct json_object *o, struct json_object *top, struct jsonld_article *out)
{
	struct json_object *p, *m;
	if (set(&out->headline, str_field(o, "headline")) || set(&out->name, str_field(o, "name")) ||
	    set(&out->published, str_field(o, "datePublished")) || read_authors(o, top, &out->byline) ||
	    set(&out->url, str_field(o, "url")))
		return -1;
	if (json_object_object_get_ex(o, "publisher", &p)) {
		if (json_object_is_type(p, json_type_array) && json_object_array_length(p))
			p = json_object_array_get_idx(p, 0);
		if (set(&out->site, str_field(p, "name")))
			return -1;
	}
	if (json_object_object_get_ex(o, "mainEntityOfPage", &m) && set(&out->url, str_field(m, "@id")))
		return -1;
	return 0;
}

/* The article object in a parsed script: itself, in an array, or in @graph. */
static struct json_object *find_article(struct json_object *top)
{
	struct json_object *lists[2] = {NULL, NULL}, *g;
	if (is_article(top))
		return top;
	if (json_object_is_type(top, json_type_array))
		lists[0] = top;
	else if (json_object_is_type(top, json_type_object) && json_object_object_get_ex(top, "@graph", &g) &&
	         json_object_is_type(g, json_type_array))
		lists[0] = g;
	for (int l = 0; l < 2 && lists[l]; l++)
		for (size_t i = 0; i < json_object_array_length(lists[l]); i++) {
			struct json_object *e = json_object_array_get_idx(lists[l], i);
			if (is_article(e))
				return e;
			if (!lists[1] && json_object_is_type(e, json_type_object) &&
			    json_object_object_get_ex(e, "@graph", &g) && json_object_is_type(g, json_type_array))
				lists[1] = g;
		}
	return NULL;
}

int html_jsonld_read(xmlNode *root, struct jsonld_article *out)
{
	memset(out, 0, sizeof *out);
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "script"))
			continue;
		const char *type = dom_attr(n, "type");
		if (!type || !dom_icontains(type, "ld+json"))
			continue;
		xmlChar *text = xmlNodeGetContent(n);
		if (!text)
			return -1;
		/* pages wrap the JSON in CDATA or comment markers for old browsers */
		const char *js = (const char *)text;
		for (int again = 1; again;) {
			again = 0;
			while (*js == ' ' || *js == '\n' || *js == '\r' || *js == '\t')
				js++;
			if (!strncmp(js, "<![CDATA[", 9)) {
				js += 9;
				again = 1;
			} else if (!strncmp(js, "<!--", 4)) {
				js += 4;
				again = 1;
			}
		}
		size_t len = strlen(js);
		struct json_object *top = NULL;
		if (len < JSONLD_MAX) {
			struct json_tokener *tok = json_tokener_new();
			if (!tok) {
				xmlFree(text);
				return -1;
			}
			top = json_tokener_parse_ex(tok, js, (int)len);
			json_tokener_free(tok);
		}
		xmlFree(text);
		struct json_object *art = top ? find_article(top) : NULL;
		int rc = art ? take(art, top, out) : 0;
		if (!rc && !art && top && !out->page_published)
			rc = set(&out->page_published, any_published(top, 0));
		json_object_put(top);
		if (rc)
			return -1;
		if (art)
			return 0;
	}
	return 0;
}

void html_jsonld_free(struct jsonld_article *j)
{
	free(j->headline);
	free(j->name);
	free(j->byline);
	free(j->published);
	free(j->site);
	free(j->url);
	free(j->page_published);
	memset(j, 0, sizeof *j);
}
