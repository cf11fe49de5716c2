/* feed.c: construction and destruction of the feed model. */
#include "model.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>

struct feed *feed_new(void)
{
	struct feed *f = calloc(1, sizeof *f);
	if (f)
		f->updated_at = MOMENT_UNKNOWN;
	return f;
}

int feed_set(char **field, const char *s)
{
	char *p = NULL;
	if (s && !(p = strdup(s)))
		return -1;
	free(*field);
	*field = p;
	return 0;
}

struct feed_item *feed_add_item(struct feed *f)
{
	if (array_grow((void **)&f->items, &f->cap_items, f->n_items + 1, sizeof *f->items))
		return NULL;
	struct feed_item *it = &f->items[f->n_items++];
	memset(it, 0, sizeof *it);
	it->published_at = it->updated_at = MOMENT_UNKNOWN;
	return it;
}

const char *feed_item_date(const struct feed_item *it, struct moment *at)
{
	*at = it->published ? it->published_at : it->updated ? it->updated_at : MOMENT_UNKNOWN;
	return it->published ? it->published : it->updated;
}

int feed_item_add_category(struct feed_item *it, const char *term)
{
	for (size_t i = 0; i < it->n_categories; i++)
		if (!strcmp(it->categories[i], term))
			return 0;
	if (array_grow((void **)&it->categories, &it->cap_categories, it->n_categories + 1, sizeof *it->categories))
		return -1;
	if (!(it->categories[it->n_categories] = strdup(term)))
		return -1;
	it->n_categories++;
	return 0;
}

int feed_item_add_enclosure(struct feed_item *it, const char *url, const char *type, long long length)
{
	if (array_grow((void **)&it->enclosures, &it->cap_enclosures, it->n_enclosures + 1, sizeof *it->enclosures))
		return -1;
	struct enclosure *e = &it->enclosures[it->n_enclosures];
	e->url = strdup(url);
	e->type = type ? strdup(type) : NULL;
	e->length = length;
	if (!e->url || (type && !e->type)) {
		free(e->url);
		free(e->type);
		return -1;
	}
	it->n_enclosures++;
	return 0;
}

static void item_free(struct feed_item *it)
{
	free(it->id);
	free(it->title);
	free(it->link);
	free(it->author);
	free(it->published);
	free(it->updated);
	free(it->summary);
	free(it->content);
	for (size_t i = 0; i < it->n_categories; i++)
		free(it->categories[i]);
	free(it->categories);
	for (size_t i = 0; i < it->n_enclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
}

void feed_free(struct feed *f)
{
	if (!f)
		return;
	free(f->format);
	free(f->encoding);
	free(f->title);
	free(f->link);
	free(f->description);
	free(f->language);
	free(f->updated);
	for (size_t i = 0; i < f->n_items; i++)
		item_free(&f->items[i]);
	free(f->items);
	free(f);
}
