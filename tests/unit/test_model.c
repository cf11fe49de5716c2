/* test_model.c: the article and feed models' arrays, grown by base's array_grow(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

#define MANY 100 /* past several doublings of any starting capacity */

static void test_feed_arrays_grow(void **state)
{
	(void)state;
	struct feed *f = feed_new();
	assert_non_null(f);
	char s[32];
	for (int i = 0; i < MANY; i++) {
		struct feed_item *it = feed_add_item(f);
		assert_non_null(it);
		assert_null(it->title); /* a new item starts empty */
		snprintf(s, sizeof s, "item %d", i);
		assert_int_equal(feed_set(&it->title, s), 0);
	}
	assert_int_equal(f->n_items, MANY);
	assert_true(f->cap_items >= f->n_items);
	for (int i = 0; i < MANY; i++) {
		snprintf(s, sizeof s, "item %d", i);
		assert_string_equal(f->items[i].title, s);
	}
	struct feed_item *it = &f->items[0];
	for (int i = 0; i < MANY; i++) {
		snprintf(s, sizeof s, "term %d", i % (MANY / 2)); /* each twice: the second is dropped */
		assert_int_equal(feed_item_add_category(it, s), 0);
		snprintf(s, sizeof s, "http://example.org/%d", i);
		assert_int_equal(feed_item_add_enclosure(it, s, i % 2 ? "audio/mpeg" : NULL, i), 0);
	}
	assert_int_equal(it->n_categories, MANY / 2);
	assert_true(it->cap_categories >= it->n_categories);
	assert_string_equal(it->categories[MANY / 2 - 1], "term 49");
	assert_int_equal(it->n_enclosures, MANY);
	assert_true(it->cap_enclosures >= it->n_enclosures);
	assert_string_equal(it->enclosures[MANY - 1].url, "http://example.org/99");
	assert_string_equal(it->enclosures[MANY - 1].type, "audio/mpeg");
	assert_null(it->enclosures[MANY - 2].type);
	assert_int_equal(it->enclosures[MANY - 2].length, MANY - 2);
	feed_free(f);
}

static void test_article_arrays_grow(void **state)
{
	(void)state;
	struct article *a = article_new();
	assert_non_null(a);
	char s[32];
	struct entity *e = NULL;
	for (int i = 0; i < MANY; i++) {
		struct section *sec = article_add_section(a, i ? "heading" : NULL);
		assert_non_null(sec);
		snprintf(s, sizeof s, "paragraph %d", i);
		assert_int_equal(section_add_paragraph(&a->sections[0], s, strlen(s)), 0);
		assert_non_null(article_add_quote(a));
		assert_int_equal(article_add_link(a, "http://example.org/", NULL), i + 1);
		snprintf(s, sizeof s, "Name %d", i);
		assert_non_null(e = article_add_entity(a, s, ENTITY_PERSON));
	}
	e = &a->entities[0];
	for (int i = 0; i < MANY; i++) {
		snprintf(s, sizeof s, "alias %d", i);
		assert_int_equal(entity_add_alias(e, s), 0);
		assert_int_equal(entity_add_mention(e, 0, i, 0, 1), 0);
	}
	assert_int_equal(entity_add_alias(e, "Name 0"), 0); /* the name itself is no alias */
	assert_int_equal(entity_add_alias(e, "alias 7"), 0);   /* nor is one it has */
	assert_int_equal(e->n_aliases, MANY);
	assert_true(e->cap_aliases >= e->n_aliases);
	assert_string_equal(e->aliases[MANY - 1], "alias 99");
	assert_int_equal(e->n_mentions, MANY);
	assert_int_equal(e->mentions[MANY - 1].paragraph, MANY - 1);
	assert_int_equal(a->n_sections, MANY);
	assert_null(a->sections[0].heading);
	assert_string_equal(a->sections[MANY - 1].heading, "heading");
	assert_int_equal(a->sections[0].n_paragraphs, MANY);
	assert_string_equal(article_paragraph(a, 0, MANY - 1), "paragraph 99");
	assert_int_equal(article_paragraph_count(a), MANY);
	assert_int_equal(a->n_quotes, MANY);
	assert_null(a->quotes[MANY - 1].text); /* added zeroed */
	assert_int_equal(a->n_links, MANY);
	assert_string_equal(a->entities[MANY - 1].name, "Name 99");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed_arrays_grow),
		cmocka_unit_test(test_article_arrays_grow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
