/* feed_json.c: JSON Feed 1.0 / 1.1 with json-c. */
#include "feed_json.h"
#include "model.h"
#include "decode.h"
#include "feed_xml.h"

#include <json-c/json.h>
#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 32

static const char *str(struct json_object *o, const char *key)
{
	struct json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static char *absolute(const char *s, const char *base)
{
	if (!base)
		return strdup(s);
	xmlChar *r = xmlBuildURI((const xmlChar *)s, (const xmlChar *)base);
	char *out = strdup(r ? (const char *)r : s);
	xmlFree(r);
	return out;
}

static int set_url(char **field, const char *s, const char *base)
{
	if (!s || !*s)
		return 0;
	char *u = absolute(s, base);
	if (!u)
		return -1;
	free(*field);
	*field = u;
	return 0;
}

static int set_date(char **field, struct moment *at, const char *s)
{
	return fx_set_date(field, at, s) < 0 ? -1 : 0;
}

/* The first author's name: "authors" (1.1) or "author" (1.0), item first, then the feed's. */
static const char *author_of(struct json_object *o)
{
	struct json_object *v;
	if (json_object_object_get_ex(o, "authors", &v) && json_object_is_type(v, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			struct json_object *a = json_object_array_get_idx(v, i);
			if (json_object_is_type(a, json_type_object) && str(a, "name"))
				return str(a, "name");
		}
	}
	if (json_object_object_get_ex(o, "author", &v) && json_object_is_type(v, json_type_object))
		return str(v, "name");
	return NULL;
}

static int read_item(struct feed *f, struct json_object *o, const char *base, const char *feed_author)
{
	struct feed_item *it = feed_add_item(f);
	if (!it)
		return -1;
	struct json_object *v;
	int rc = 0;
	if (json_object_object_get_ex(o, "id", &v) && !json_object_is_type(v, json_type_null) &&
	    !json_object_is_type(v, json_type_object) && !json_object_is_type(v, json_type_array))
		rc |= feed_set(&it->id, json_object_get_string(v)); /* 1.0 allowed numbers */
	rc |= set_url(&it->link, str(o, "url") ? str(o, "url") : str(o, "external_url"), base);
	rc |= feed_set(&it->title, str(o, "title"));
	rc |= feed_set(&it->summary, str(o, "summary"));
	rc |= feed_set(&it->content, str(o, "content_html") ? str(o, "content_html") : str(o, "content_text"));
	rc |= set_date(&it->published, &it->published_at, str(o, "date_published"));
	rc |= set_date(&it->updated, &it->updated_at, str(o, "date_modified"));
	const char *who = author_of(o);
	rc |= feed_set(&it->author, who ? who : feed_author);
	if (json_object_object_get_ex(o, "tags", &v) && json_object_is_type(v, json_type_array))
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			struct json_object *t = json_object_array_get_idx(v, i);
			if (json_object_is_type(t, json_type_string) && *json_object_get_string(t))
				rc |= fx_add_category(it, json_object_get_string(t));
		}
	if (json_object_object_get_ex(o, "attachments", &v) && json_object_is_type(v, json_type_array))
		for (size_t i = 0; i < json_object_array_length(v); i++) {
			struct json_object *a = json_object_array_get_idx(v, i), *sz;
			if (!json_object_is_type(a, json_type_object) || !str(a, "url"))
				continue;
			long long len = -1;
			if (json_object_object_get_ex(a, "size_in_bytes", &sz) &&
			    (json_object_is_type(sz, json_type_int) || json_object_is_type(sz, json_type_double)))
				len = (long long)json_object_get_int64(sz);
			char *u = absolute(str(a, "url"), base);
			rc |= !u || fx_add_enclosure(it, u, str(a, "mime_type"), len < 0 ? -1 : len);
			free(u);
		}
	return rc ? -1 : 0;
}

int feed_json_parse(const char *data, size_t len, const char *base_url, struct feed **out, char *err, size_t errlen)
{
	*out = NULL;
	struct json_tokener *tok = json_tokener_new_ex(JSON_MAX_DEPTH);
	if (!tok) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	struct json_object *root = json_tokener_parse_ex(tok, data, (int)len);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (!root || jerr != json_tokener_success) {
		snprintf(err, errlen, "JSON error: %s", json_tokener_error_desc(jerr == json_tokener_success ? json_tokener_continue : jerr));
		json_object_put(root);
		return -1;
	}
	struct json_object *items = NULL;
	const char *version = json_object_is_type(root, json_type_object) ? str(root, "version") : NULL;
	/* the spec's own first examples wrote http://, and feeds still do: the scheme does not matter */
	const char *vnum = !version ? NULL
	                   : !strncmp(version, "https://jsonfeed.org/version/", 29) ? version + 29
	                   : !strncmp(version, "http://jsonfeed.org/version/", 28)  ? version + 28
	                                                                             : NULL;
	if (!json_object_is_type(root, json_type_object) || (!version && !json_object_object_get_ex(root, "items", &items)) ||
	    (version && !vnum)) {
		snprintf(err, errlen, "not a feed: JSON that is not a JSON Feed (no jsonfeed.org version)");
		json_object_put(root);
		return -1;
	}
	struct feed *f = feed_new();
	int rc = f ? 0 : -1;
	if (f) {
		const char *v = vnum ? vnum : "1.1";
		char fmt[32];
		snprintf(fmt, sizeof fmt, "jsonfeed%s", !strcmp(v, "1") ? "1.0" : v);
		rc |= feed_set(&f->format, fmt);
		rc |= feed_set(&f->encoding, "utf-8");
		rc |= feed_set(&f->title, str(root, "title"));
		rc |= set_url(&f->link, str(root, "home_page_url"), base_url);
		rc |= feed_set(&f->description, str(root, "description"));
		rc |= feed_set(&f->language, str(root, "language"));
		const char *fa = author_of(root);
		if (json_object_object_get_ex(root, "items", &items) && json_object_is_type(items, json_type_array)) {
			size_t n = json_object_array_length(items);
			if (n > FEED_MAX_ITEMS) {
				snprintf(err, errlen, "the feed has more than %d items", FEED_MAX_ITEMS);
				feed_free(f);
				json_object_put(root);
				return -1;
			}
			for (size_t i = 0; i < n && !rc; i++) {
				struct json_object *o = json_object_array_get_idx(items, i);
				if (json_object_is_type(o, json_type_object))
					rc |= read_item(f, o, base_url, fa);
			}
		}
	}
	json_object_put(root);
	if (rc) {
		feed_free(f);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*out = f;
	return 0;
}
