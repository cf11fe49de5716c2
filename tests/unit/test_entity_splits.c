/*
 * test_entity_splits.c: where one run of capitals holds two entries: a
 * beat, a position or a place glued before a person's name, bodies whose
 * name goes on over "and" or starts with an acronym. Every sentence is the
 * project's own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "entity_testlib.h"

static void person_after_a_beat_or_position(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Trade\n\n"
		"Metro Radio NBA Reporter Jason Whitcombe first told of the deal on Sunday.\n\n"
		"Later Hawks PG Sheldon Marlow said he had asked to leave, and Kenya Ouma Wekesa agreed.\n");
	expect(a, "Jason Whitcombe", ENTITY_PERSON);
	expect(a, "Sheldon Marlow", ENTITY_PERSON);
	expect(a, "Ouma Wekesa", ENTITY_PERSON);
	expect(a, "Kenya", ENTITY_PLACE);
	assert_no_word(a, "Reporter");
	assert_no_word(a, "PG");
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(person_after_a_beat_or_position),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
