/* output_json.c: the article as JSON (the CLI contract other tools rely on). */
#include "output.h"
#include "cli_store.h"
#include "base.h"
#include "model.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

static int add(json_object *obj, const char *key, json_object *val)
{
	return json_object_object_add(obj, key, val);
}

static json_object *dateline_json(const struct dateline *d)
{
	if (!d)
		return NULL;
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	add(o, "place", cli_json_str(d->place));
	add(o, "date", cli_json_str(d->date));
	add(o, "agency", cli_json_str(d->agency));
	add(o, "raw", cli_json_str(d->raw));
	return o;
}

static json_object *sections_json(const struct article *a)
{
	json_object *arr = json_object_new_array();
	for (size_t i = 0; arr && i < a->n_sections; i++) {
		const struct section *s = &a->sections[i];
		json_object *o = json_object_new_object(), *ps = json_object_new_array();
		if (!o || !ps) {
			json_object_put(o);
			json_object_put(ps);
			json_object_put(arr);
			return NULL;
		}
		add(o, "heading", cli_json_str(s->heading));
		for (size_t j = 0; j < s->n_paragraphs; j++)
			json_object_array_add(ps, cli_json_str(s->paragraphs[j]));
		add(o, "paragraphs", ps);
		json_object_array_add(arr, o);
	}
	return arr;
}

static json_object *quotes_json(const struct article *a)
{
	json_object *arr = json_object_new_array();
	for (size_t i = 0; arr && i < a->n_quotes; i++) {
		const struct quote *q = &a->quotes[i];
		json_object *o = json_object_new_object();
		if (!o)
			break;
		add(o, "text", cli_json_str(q->text));
		add(o, "speaker", cli_json_str(q->speaker));
		add(o, "cue", cli_json_str(q->cue));
		add(o, "partial", json_object_new_boolean(q->partial));
		add(o, "section", json_object_new_int(q->section));
		add(o, "paragraph", json_object_new_int(q->paragraph));
		add(o, "start", json_object_new_int64((int64_t)q->start));
		add(o, "end", json_object_new_int64((int64_t)q->end));
		add(o, "end_paragraph", json_object_new_int(q->end_paragraph));
		json_object_array_add(arr, o);
	}
	return arr;
}

static json_object *entities_json(const struct article *a)
{
	json_object *arr = json_object_new_array();
	for (size_t i = 0; arr && i < a->n_entities; i++) {
		const struct entity *e = &a->entities[i];
		json_object *o = json_object_new_object(), *al = json_object_new_array();
		if (!o || !al) {
			json_object_put(o);
			json_object_put(al);
			break;
		}
		add(o, "name", cli_json_str(e->name));
		add(o, "type", json_object_new_string(entity_type_name(e->type)));
		for (size_t j = 0; j < e->n_aliases; j++)
			json_object_array_add(al, cli_json_str(e->aliases[j]));
		add(o, "aliases", al);
		add(o, "role", cli_json_str(e->role));
		add(o, "mentions", json_object_new_int((int)e->n_mentions));
		json_object_array_add(arr, o);
	}
	return arr;
}

static json_object *links_json(const struct article *a)
{
	json_object *arr = json_object_new_array();
	for (size_t i = 0; arr && i < a->n_links; i++) {
		json_object *o = json_object_new_object();
		if (!o)
			break;
		add(o, "url", cli_json_str(a->links[i].url));
		add(o, "text", cli_json_str(a->links[i].text));
		json_object_array_add(arr, o);
	}
	return arr;
}

char *article_to_json(const struct article *a, int pretty)
{
	json_object *o = json_object_new_object();
	if (!o)
		return NULL;
	add(o, "source", cli_json_str(a->source));
	add(o, "url", cli_json_str(a->url));
	add(o, "site", cli_json_str(a->site));
	add(o, "headline", cli_json_str(a->headline));
	add(o, "headline_derived", json_object_new_boolean(a->headline_derived));
	add(o, "byline", cli_json_str(a->byline));
	add(o, "published", cli_json_str(a->published));
	add(o, "dateline", dateline_json(a->dateline));
	add(o, "sections", sections_json(a));
	add(o, "quotes", quotes_json(a));
	add(o, "entities", entities_json(a));
	add(o, "links", links_json(a));
	int flags = (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED : JSON_C_TO_STRING_PLAIN) |
	            JSON_C_TO_STRING_NOSLASHESCAPE;
	const char *s = json_object_to_json_string_ext(o, flags);
	char *out = s ? sanitize_json(s) : NULL; /* bidi and C1 controls escaped, not raw */
	json_object_put(o);
	return out;
}
