/*
 * entity_testlib.h: what the entity tests share: an article analysed from
 * plain text, and looking its entities up by name and alias. Include after
 * cmocka.h. The article returned is the caller's to free (article_free).
 */
#ifndef DATELINE_ENTITY_TESTLIB_H
#define DATELINE_ENTITY_TESTLIB_H

#include <string.h>

#include "analysis.h"
#include "model.h"
#include "text.h"

static struct article *analyse(const char *text)
{
	struct article *a = article_new();
	char err[256];
	assert_non_null(a);
	assert_int_equal(text_parse(text, strlen(text), a, err, sizeof err), 0);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	return a;
}

static const struct entity *find(const struct article *a, const char *name)
{
	for (size_t i = 0; i < a->n_entities; i++)
		if (!strcmp(a->entities[i].name, name))
			return &a->entities[i];
	return NULL;
}

static inline int has_alias(const struct entity *e, const char *alias)
{
	for (size_t i = 0; i < e->n_aliases; i++)
		if (!strcmp(e->aliases[i], alias))
			return 1;
	return 0;
}

/* No entity's name or alias contains word (to check that junk stays out). */
static inline void assert_no_word(const struct article *a, const char *word)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *e = &a->entities[i];
		if (strstr(e->name, word))
			fail_msg("'%s' should not be in the panel (entity '%s')", word, e->name);
		for (size_t j = 0; j < e->n_aliases; j++)
			if (strstr(e->aliases[j], word))
				fail_msg("'%s' should not be in the panel (alias of '%s')", word, e->name);
	}
}

static inline void expect(const struct article *a, const char *name, enum entity_type type)
{
	const struct entity *e = find(a, name);
	if (!e)
		fail_msg("'%s' is missing from the panel", name);
	assert_int_equal(e->type, type);
}

#endif
