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

static void bodies_over_and_with_their_adjective(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Outbreak\n\n"
		"The Kenyan Institute for Water Research and Sanitation said the wells were safe.\n\n"
		"A letter from the Ministry of Roads and Transport reached the Ministry of Health and "
		"Finance Minister Ama Boateng on Friday.\n");
	expect(a, "Kenyan Institute for Water Research and Sanitation", ENTITY_ORGANIZATION);
	expect(a, "Ministry of Roads and Transport", ENTITY_ORGANIZATION);
	expect(a, "Ministry of Health", ENTITY_ORGANIZATION);
	expect(a, "Ama Boateng", ENTITY_PERSON);
	assert_null(find(a, "Sanitation"));
	article_free(a);
}

static void fields_studios_and_compass_surnames(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Awards\n\n"
		"Sheldon West said the show would go on, and Harbour Lights Productions agreed.\n\n"
		"The Regional Museum of Marine Science and the Coastal Institutes of Technology sent staff.\n");
	expect(a, "Sheldon West", ENTITY_PERSON);
	expect(a, "Harbour Lights Productions", ENTITY_ORGANIZATION);
	expect(a, "Coastal Institutes of Technology", ENTITY_ORGANIZATION);
	assert_null(find(a, "Marine Science"));
	article_free(a);
}

static void offices_openers_and_trailing_words(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Season\n\n"
		"Coach T.J. Halvorsen said the team was ready. Credits: Set Designer Kim Dahl, "
		"Art Director Lena Moss.\n\n"
		"The band was nominated for the Rock and Roll Hall of Fame, and the Polk County Sheriff spoke.\n\n"
		"Reviewed by: Ruth Ellery PSRP: 30 euros. We have an offer: Subscribe TODAYPLUS now.\n\n"
		"Week-by-week Halvorsen grew bolder, said a Regional Security Council Ukraine expert.\n");
	expect(a, "T.J. Halvorsen", ENTITY_PERSON);
	expect(a, "Ruth Ellery", ENTITY_PERSON);
	expect(a, "Regional Security Council", ENTITY_ORGANIZATION);
	expect(a, "Ukraine", ENTITY_PLACE);
	assert_non_null(find(a, "Rock and Roll Hall of Fame"));
	assert_no_word(a, "Art Director");
	assert_no_word(a, "Set Designer");
	assert_no_word(a, "Sheriff");
	assert_no_word(a, "PSRP");
	assert_no_word(a, "Subscribe");
	assert_no_word(a, "Week-by-week");
	assert_null(find(a, "T.J."));
	article_free(a);
}

/* "CDC": an acronym the lexicon knows but cannot expand is the body the article spells out. */
static void known_acronym_of_a_longer_body(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Plague\n\n"
		"The Mongolian National Center for Zoonotic Disease and Prevention traced the cases. "
		"The NCZD said the risk was low.\n\n"
		"Later the Chinese Center for Disease Control and Prevention wrote that the CDC had tested everyone.\n");
	const struct entity *e = find(a, "Chinese Center for Disease Control and Prevention");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_ORGANIZATION);
	assert_true(has_alias(e, "CDC"));
	assert_null(find(a, "CDC"));
	e = find(a, "Mongolian National Center for Zoonotic Disease and Prevention");
	assert_non_null(e);
	assert_true(has_alias(e, "NCZD"));
	article_free(a);
}

static void common_word_then_a_known_surname(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Match\n\n"
		"A statue of Mahatma Gandhi stood by the pitch where Ever Alvarado scored twice on Sunday.\n");
	expect(a, "Mahatma Gandhi", ENTITY_PERSON);
	expect(a, "Ever Alvarado", ENTITY_PERSON);
	article_free(a);
}

/* a hyphen set off by spaces inside one name: a campus of a body, a double surname */
static void names_across_a_spaced_hyphen(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Rankings\n\n"
		"Places went to NIT - Warangal and IIM - Lucknow, and Kwesi Mensah - Tiwaa said the list was fair.\n\n"
		"ACCRA - The minister agreed.\n");
	expect(a, "NIT - Warangal", ENTITY_ORGANIZATION);
	expect(a, "IIM - Lucknow", ENTITY_ORGANIZATION);
	expect(a, "Kwesi Mensah - Tiwaa", ENTITY_PERSON);
	assert_null(find(a, "Warangal"));
	assert_no_word(a, "The minister");
	article_free(a);
}

static void given_name_openers_and_rulers_eras(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Notes\n\n"
		"The club lost again. Tom Salmon sat out with a sore back. Rose Garden events were cancelled.\n\n"
		"The country changed little after the Stroessner era ended.\n");
	expect(a, "Tom Salmon", ENTITY_PERSON);
	expect(a, "Stroessner", ENTITY_PERSON);
	assert_null(find(a, "Rose Garden"));
	article_free(a);
}

/* a term spelled out in lower case before its acronym: the acronym names nothing anywhere */
static void acronyms_of_terms_stay_out(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Health\n\n"
		"Chronic fatigue syndrome (CFS) is hard to treat, the Lakeside Patients Trust (LPT) said.\n\n"
		"People with CFS sleep badly. CFS is still poorly understood, and LPT wants more money.\n");
	assert_no_word(a, "CFS");
	const struct entity *e = find(a, "Lakeside Patients Trust");
	assert_non_null(e);
	assert_true(has_alias(e, "LPT"));
	article_free(a);
}

static void possessions_of_a_person(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Party\n\n"
		"Thousands took part in Kandasamyar's birthday celebrations in Madurai on Sunday.\n");
	expect(a, "Kandasamyar", ENTITY_PERSON);
	article_free(a);
}

/* islands, deserts and old names from data/places.txt */
static void places_the_town_lists_leave_out(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Travel\n\n"
		"The ferry from Java reached Borneo late. Tourists from Timor Leste crossed the Sinai, "
		"and old maps still say Abyssinia. Rain fell across Saharan Africa.\n");
	expect(a, "Java", ENTITY_PLACE);
	expect(a, "Saharan Africa", ENTITY_PLACE); /* an adjective of a region no list knows, then the place */
	expect(a, "Borneo", ENTITY_PLACE);
	assert_non_null(find(a, "Timor-Leste"));
	expect(a, "Sinai", ENTITY_PLACE);
	expect(a, "Abyssinia", ENTITY_PLACE);
	article_free(a);
}

/* a place, then a plural: a team; a place's own plural words stay places */
static void teams_named_by_their_city(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Sport\n\n"
		"The Boston Comets beat the Denver Falcons 3-1 at home, and the fans drove back to Colorado Springs.\n");
	expect(a, "Boston Comets", ENTITY_ORGANIZATION);
	expect(a, "Denver Falcons", ENTITY_ORGANIZATION);
	expect(a, "Colorado Springs", ENTITY_PLACE);
	article_free(a);
}

static void bodies_named_in_full_at_a_sentence_start(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Vote\n\n"
		"Liberal Reform Party members met the Confederation of Kenyan Traders on Monday. "
		"Loans came from the Coastal Export - Import Bank.\n");
	expect(a, "Liberal Reform Party", ENTITY_ORGANIZATION);
	expect(a, "Confederation of Kenyan Traders", ENTITY_ORGANIZATION);
	expect(a, "Coastal Export - Import Bank", ENTITY_ORGANIZATION);
	article_free(a);
}

static void initials_and_names_in_capitals(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Column\n\n"
		"The pitcher matched T. J. Waddell on Sunday, and Min Jae CHOI watched from the stands. "
		"Scouts from Athletic Bilbao came, and the NRPLUS plan was dropped.\n\n"
		"Photographs: THANDEKA MOLEFE for the paper.\n");
	expect(a, "T. J. Waddell", ENTITY_PERSON);
	expect(a, "Min Jae CHOI", ENTITY_PERSON);
	expect(a, "Athletic Bilbao", ENTITY_ORGANIZATION);
	expect(a, "THANDEKA MOLEFE", ENTITY_PERSON);
	const struct entity *e = find(a, "NRPLUS");
	if (e)
		assert_int_not_equal(e->type, ENTITY_PERSON);
	article_free(a);
}

/* a lone word no list knows, then "his" or "her" before any other name: a person; a brand's capitals */
static void lone_names_by_pronoun_and_brand(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Squad\n\n"
		"The coach picked a young side. Okwuosa will have to rely on his speed. "
		"Tembisa and Kwazakhele hosted the matches.\n");
	expect(a, "Okwuosa", ENTITY_PERSON);
	article_free(a);
	/* a capital inside one word names a brand even after "via" or "in" */
	a = analyse("Phones\n\nThe photos spread via ChatNest overnight, from KwaMashu to Durban.\n");
	expect(a, "ChatNest", ENTITY_ORGANIZATION);
	article_free(a);
}

/* words that end bodies' names in South and Southeast Asia; a Latin-1 capital in a dateline */
static void bodies_of_many_languages(void **state)
{
	(void)state;
	struct article *a = analyse(
		"School\n\n"
		"YAOUNDÉ, Cameroon - Leaders of the Kisan Morcha and the Dewan Negara visited the Suryoday Vidyalaya, "
		"where Hindu Mahasabha members spoke.\n");
	expect(a, "Kisan Morcha", ENTITY_ORGANIZATION);
	expect(a, "Dewan Negara", ENTITY_ORGANIZATION);
	expect(a, "Suryoday Vidyalaya", ENTITY_ORGANIZATION);
	expect(a, "Hindu Mahasabha", ENTITY_ORGANIZATION);
	assert_non_null(find(a, "Yaounde")); /* the gazetteer's spelling, "YAOUNDÉ" its alias */
	article_free(a);
	a = analyse("Advert\n\nThe ministry paid Channel 14 for an advert that ran on Channel 9 twice.\n");
	expect(a, "Channel 14", ENTITY_ORGANIZATION);
	expect(a, "Channel 9", ENTITY_ORGANIZATION);
	article_free(a);
}

/* bodies ending in Music, Community or Team; a body's opening word before common words names nothing */
static void more_words_of_bodies(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Charts\n\n"
		"Data from Harmon Music showed the rise. The Coastal Fishing Community and the Ghanaian National Team "
		"met before an International Friendly in Accra.\n");
	expect(a, "Harmon Music", ENTITY_ORGANIZATION);
	expect(a, "Coastal Fishing Community", ENTITY_ORGANIZATION);
	assert_non_null(find(a, "Ghanaian National Team"));
	assert_no_word(a, "Friendly");
	article_free(a);
	a = analyse("Tour\n\nThe set list has “Hear The Music” again. A chest X-ray of his lungs looked normal.\n");
	assert_null(find(a, "The Music"));
	assert_no_word(a, "X-ray");
	article_free(a);
	/* short days, a DOI, words run together from markup */
	a = analyse("Notes\n\nOpen Sat & Mon from noon. Handbook (2018). DOI: 10.1000/182.\n\n"
	            "Written by Rosalind Okafor. Contact Rosalindgreenleafmarketing for more.\n");
	assert_no_word(a, "Mon");
	assert_no_word(a, "DOI");
	assert_no_word(a, "greenleaf");
	expect(a, "Rosalind Okafor", ENTITY_PERSON);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(person_after_a_beat_or_position),
		cmocka_unit_test(bodies_over_and_with_their_adjective),
		cmocka_unit_test(fields_studios_and_compass_surnames),
		cmocka_unit_test(offices_openers_and_trailing_words),
		cmocka_unit_test(known_acronym_of_a_longer_body),
		cmocka_unit_test(common_word_then_a_known_surname),
		cmocka_unit_test(names_across_a_spaced_hyphen),
		cmocka_unit_test(given_name_openers_and_rulers_eras),
		cmocka_unit_test(acronyms_of_terms_stay_out),
		cmocka_unit_test(possessions_of_a_person),
		cmocka_unit_test(places_the_town_lists_leave_out),
		cmocka_unit_test(teams_named_by_their_city),
		cmocka_unit_test(bodies_named_in_full_at_a_sentence_start),
		cmocka_unit_test(initials_and_names_in_capitals),
		cmocka_unit_test(lone_names_by_pronoun_and_brand),
		cmocka_unit_test(bodies_of_many_languages),
		cmocka_unit_test(more_words_of_bodies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
