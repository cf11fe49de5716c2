/* article.c: construction and destruction of the article model. */
#include "model.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>

static char *copy(const char *s, size_t len)
{
	char *p = malloc(len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

struct article *article_new(void)
{
	struct article *a = calloc(1, sizeof *a);
	if (a)
		a->published_at = MOMENT_UNKNOWN;
	return a;
}

int article_set(char **field, const char *s, size_t len)
{
	char *p = NULL;
	if (s && !(p = copy(s, len)))
		return -1;
	free(*field);
	*field = p;
	return 0;
}

int article_set_published(struct article *a, const char *s, struct moment at)
{
	if (article_set(&a->published, s, s ? strlen(s) : 0))
		return -1;
	a->published_at = s ? at : MOMENT_UNKNOWN;
	return 0;
}

struct section *article_add_section(struct article *a, const char *heading)
{
	if (array_grow((void **)&a->sections, &a->cap_sections, a->n_sections + 1, sizeof *a->sections))
		return NULL;
	struct section *s = &a->sections[a->n_sections];
	memset(s, 0, sizeof *s);
	if (heading && !(s->heading = copy(heading, strlen(heading))))
		return NULL;
	a->n_sections++;
	return s;
}

int section_add_paragraph(struct section *s, const char *text, size_t len)
{
	if (array_grow((void **)&s->paragraphs, &s->cap_paragraphs, s->n_paragraphs + 1, sizeof *s->paragraphs))
		return -1;
	char *p = copy(text, len);
	if (!p)
		return -1;
	s->paragraphs[s->n_paragraphs++] = p;
	return 0;
}

int article_set_dateline(struct article *a, const char *place, const char *date,
                         const char *agency, const char *raw)
{
	struct dateline *d = calloc(1, sizeof *d);
	if (!d)
		return -1;
	d->date_at = MOMENT_UNKNOWN;
	if ((place && !(d->place = strdup(place))) || (date && !(d->date = strdup(date))) ||
	    (agency && !(d->agency = strdup(agency))) || !(d->raw = strdup(raw ? raw : ""))) {
		free(d->place);
		free(d->date);
		free(d->agency);
		free(d->raw);
		free(d);
		return -1;
	}
	if (a->dateline) {
		free(a->dateline->place);
		free(a->dateline->date);
		free(a->dateline->agency);
		free(a->dateline->raw);
		free(a->dateline);
	}
	a->dateline = d;
	return 0;
}

struct quote *article_add_quote(struct article *a)
{
	if (array_grow((void **)&a->quotes, &a->cap_quotes, a->n_quotes + 1, sizeof *a->quotes))
		return NULL;
	struct quote *q = &a->quotes[a->n_quotes++];
	memset(q, 0, sizeof *q);
	return q;
}

struct entity *article_add_entity(struct article *a, const char *name, enum entity_type type)
{
	if (array_grow((void **)&a->entities, &a->cap_entities, a->n_entities + 1, sizeof *a->entities))
		return NULL;
	struct entity *e = &a->entities[a->n_entities];
	memset(e, 0, sizeof *e);
	if (!(e->name = strdup(name)))
		return NULL;
	e->type = type;
	a->n_entities++;
	return e;
}

int entity_add_alias(struct entity *e, const char *alias)
{
	if (!strcmp(alias, e->name))
		return 0;
	for (size_t i = 0; i < e->n_aliases; i++)
		if (!strcmp(e->aliases[i], alias))
			return 0;
	if (array_grow((void **)&e->aliases, &e->cap_aliases, e->n_aliases + 1, sizeof *e->aliases))
		return -1;
	if (!(e->aliases[e->n_aliases] = strdup(alias)))
		return -1;
	e->n_aliases++;
	return 0;
}

int entity_add_mention(struct entity *e, int section, int paragraph, size_t start, size_t end)
{
	if (array_grow((void **)&e->mentions, &e->cap_mentions, e->n_mentions + 1, sizeof *e->mentions))
		return -1;
	e->mentions[e->n_mentions++] = (struct mention){section, paragraph, start, end};
	return 0;
}

int article_add_link(struct article *a, const char *url, const char *text)
{
	if (array_grow((void **)&a->links, &a->cap_links, a->n_links + 1, sizeof *a->links))
		return -1;
	struct link *l = &a->links[a->n_links];
	l->url = strdup(url);
	l->text = text ? strdup(text) : NULL;
	if (!l->url || (text && !l->text)) {
		free(l->url);
		free(l->text);
		l->url = l->text = NULL;
		return -1;
	}
	return (int)++a->n_links;
}

static void entity_clear(struct entity *e)
{
	for (size_t j = 0; j < e->n_aliases; j++)
		free(e->aliases[j]);
	free(e->aliases);
	free(e->name);
	free(e->role);
	free(e->mentions);
}

void article_remove_entity(struct article *a, size_t i)
{
	if (i >= a->n_entities)
		return;
	entity_clear(&a->entities[i]);
	memmove(&a->entities[i], &a->entities[i + 1], (a->n_entities - i - 1) * sizeof *a->entities);
	a->n_entities--;
}

const char *entity_type_name(enum entity_type t)
{
	switch (t) {
	case ENTITY_PERSON: return "person";
	case ENTITY_ORGANIZATION: return "organization";
	case ENTITY_PLACE: return "place";
	case ENTITY_OTHER: return "other";
	}
	return "unknown";
}

size_t article_paragraph_count(const struct article *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_sections; i++)
		n += a->sections[i].n_paragraphs;
	return n;
}

const char *article_paragraph(const struct article *a, int section, int paragraph)
{
	if (section < 0 || (size_t)section >= a->n_sections)
		return NULL;
	const struct section *s = &a->sections[section];
	if (paragraph < 0 || (size_t)paragraph >= s->n_paragraphs)
		return NULL;
	return s->paragraphs[paragraph];
}

void article_free(struct article *a)
{
	if (!a)
		return;
	free(a->source);
	free(a->url);
	free(a->site);
	free(a->headline);
	free(a->byline);
	free(a->published);
	if (a->dateline) {
		free(a->dateline->place);
		free(a->dateline->date);
		free(a->dateline->agency);
		free(a->dateline->raw);
		free(a->dateline);
	}
	for (size_t i = 0; i < a->n_sections; i++) {
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			free(a->sections[i].paragraphs[j]);
		free(a->sections[i].paragraphs);
		free(a->sections[i].heading);
	}
	free(a->sections);
	for (size_t i = 0; i < a->n_quotes; i++) {
		free(a->quotes[i].text);
		free(a->quotes[i].speaker);
		free(a->quotes[i].cue);
	}
	free(a->quotes);
	for (size_t i = 0; i < a->n_entities; i++)
		entity_clear(&a->entities[i]);
	free(a->entities);
	for (size_t i = 0; i < a->n_links; i++) {
		free(a->links[i].url);
		free(a->links[i].text);
	}
	free(a->links);
	free(a);
}
