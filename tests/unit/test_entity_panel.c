/*
 * test_entity_panel.c: what the entity panel keeps and how it names it:
 * gazetteer towns and given names, junk kept out (handles, link fragments,
 * plural surnames, common-noun acronyms, adjectives, lines in capitals),
 * things (works, laws, products) out of the three groups, one entry per
 * entity, bodies named across "and" or a possessive, roles from
 * pre-modifiers, one type per name. Every sentence is the project's own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "entity_testlib.h"

static void gazetteer_towns_and_given_names(void **state)
{
	(void)state;
	/* Giyani is only in GeoNames; Giorgio only in the given names of other languages */
	struct article *a = analyse("Water\n\nTrucks reached Giyani on Friday. Giyani has had no rain for a month, "
	                            "officials said, and Wichita East beat Salina South.\n\n"
	                            "Ambassador to the European Union Giorgio Bellandi testified on Monday.\n");
	expect(a, "Giyani", ENTITY_PLACE);
	expect(a, "Wichita East", ENTITY_PLACE); /* a town and a quarter of it, no person */
	expect(a, "Salina South", ENTITY_PLACE);
	expect(a, "Giorgio Bellandi", ENTITY_PERSON);
	expect(a, "European Union", ENTITY_ORGANIZATION);
	article_free(a);
}

static void junk_stays_out(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Notes\n\n"
		"Paul Henderson spoke first. The Hendersons left early, and Henderson stayed.\n\n"
		"Read more at pic.twitter.com/QzXyAbCdEf and follow @MaryJones or @TheCourier.\n\n"
		"GDP grew while the CEO bought an SUV with AI and a PC, the London-based Northwind Bank said.\n\n"
		"FRANCE WINS AGAIN was the line on every front page, and SD was in the small print.\n");
	expect(a, "Paul Henderson", ENTITY_PERSON);
	expect(a, "Northwind Bank", ENTITY_ORGANIZATION);
	expect(a, "France", ENTITY_PLACE);
	assert_no_word(a, "Hendersons");
	assert_no_word(a, "QzXyAbCdEf");
	assert_no_word(a, "MaryJones");
	assert_no_word(a, "TheCourier");
	assert_no_word(a, "GDP");
	assert_no_word(a, "SUV");
	assert_no_word(a, "AI");
	assert_no_word(a, "London");
	assert_no_word(a, "WINS");
	assert_no_word(a, "SD");
	article_free(a);
}

static void state_codes_and_abbreviations(void **state)
{
	(void)state;
	struct article *a = analyse("Plates\n\nShe grew up in Camden, NJ, and later lived in Santa Fe, N.M., "
	                            "where few cars carry NJ plates.\n");
	const struct entity *nj = find(a, "New Jersey"), *nm = find(a, "New Mexico");
	assert_non_null(nj);
	assert_non_null(nm);
	assert_int_equal(nj->type, ENTITY_PLACE);
	assert_true(has_alias(nm, "N.M."));
	assert_int_equal(nj->n_mentions, 1); /* "NJ plates" names no place */
	article_free(a);
}

/* No person, organisation or place has word in its name or aliases: a thing is named apart. */
static void assert_not_in_groups(const struct article *a, const char *word)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *e = &a->entities[i];
		if (e->type == ENTITY_OTHER)
			continue;
		if (strstr(e->name, word))
			fail_msg("'%s' should not be a %s (entity '%s')", word, entity_type_name(e->type), e->name);
		for (size_t j = 0; j < e->n_aliases; j++)
			if (strstr(e->aliases[j], word))
				fail_msg("'%s' should not be a %s (alias of '%s')", word, entity_type_name(e->type), e->name);
	}
}

static void things_are_kept_out(void **state)
{
	(void)state;
	struct article *a = analyse("Science\n\nThe James Webb Space Telescope and the Paris Agreement were discussed, "
	                            "and an Airbus A350-900 landed with the Hubble Space Telescope team.\n\n"
	                            "Then the Hong Kong Human Rights and Democracy Act was signed.\n");
	for (size_t i = 0; i < a->n_entities; i++)
		assert_int_not_equal(a->entities[i].type, ENTITY_PERSON);
	assert_not_in_groups(a, "Telescope");
	assert_not_in_groups(a, "Agreement");
	assert_not_in_groups(a, "A350");
	assert_not_in_groups(a, "Human Rights");
	assert_null(find(a, "Paris")); /* the place inside a law's name is no mention of the city */
	/* named all the same, as what they are */
	expect(a, "James Webb Space Telescope", ENTITY_OTHER);
	expect(a, "Paris Agreement", ENTITY_OTHER);
	expect(a, "Hong Kong Human Rights and Democracy Act", ENTITY_OTHER);
	article_free(a);
}

static void one_entry_per_person(void **state)
{
	(void)state;
	struct article *a = analyse(
		"Talks\n\n"
		"Ukrainian President Volodymyr Zelensky spoke to reporters. Later, Zelenskyy said the talks had "
		"failed, and Volodymyr Zelenskyy thanked the allies.\n\n"
		"Joe Biden spoke first. Joe Biden then laughed. His son Hunter Biden stayed home. "
		"Biden said nothing more.\n");
	const struct entity *z = find(a, "Volodymyr Zelensky");
	assert_non_null(z);
	assert_true(has_alias(z, "Zelenskyy"));
	assert_null(find(a, "Zelenskyy"));
	assert_null(find(a, "Volodymyr Zelenskyy"));
	const struct entity *joe = find(a, "Joe Biden"), *hunter = find(a, "Hunter Biden");
	assert_non_null(joe);
	assert_non_null(hunter); /* two people who share a surname stay two */
	assert_null(find(a, "Biden"));
	assert_int_equal(joe->n_mentions, 3); /* the lone "Biden" is the one most named */
	assert_int_equal(hunter->n_mentions, 1);
	article_free(a);
}

static void bodies_across_and_or_possessive(void **state)
{
	(void)state;
	struct article *a = analyse("Agencies\n\nThe Securities and Exchange Commission, the People's Liberation Army "
	                            "and the National Institute on Drug Abuse were named. The Cabinet approved "
	                            "the plan.\n\nThe United Nations and European Union agreed, an officer told "
	                            "The Daily Star.\n");
	expect(a, "Securities and Exchange Commission", ENTITY_ORGANIZATION);
	expect(a, "People's Liberation Army", ENTITY_ORGANIZATION);
	expect(a, "National Institute on Drug Abuse", ENTITY_ORGANIZATION);
	expect(a, "Cabinet", ENTITY_ORGANIZATION);
	assert_null(find(a, "Liberation Army"));
	assert_null(find(a, "Drug Abuse"));
	assert_null(find(a, "Exchange Commission"));
	expect(a, "The Daily Star", ENTITY_ORGANIZATION); /* "The" inside a sentence opens a name */
	expect(a, "United Nations", ENTITY_ORGANIZATION); /* two bodies listed, not one */
	expect(a, "European Union", ENTITY_ORGANIZATION);
	article_free(a);
}

static void roles_from_premodifiers_and_appositions(void **state)
{
	(void)state;
	struct article *a = analyse("Banks\n\nThe rate will rise, senior Labour figure Tom Hardacre said on Monday. "
	                            "Maria Kowalczyk, chief executive of Northwind Bank, said the bank would lend "
	                            "more.\n\nHe met Minister for Coastal Affairs Giorgio Bellandi on Friday.\n");
	const struct entity *t = find(a, "Tom Hardacre"), *m = find(a, "Maria Kowalczyk");
	const struct entity *g = find(a, "Giorgio Bellandi");
	assert_non_null(g);
	assert_int_equal(g->type, ENTITY_PERSON);
	assert_string_equal(g->role, "Minister for Coastal Affairs");
	assert_non_null(t);
	assert_non_null(m);
	assert_string_equal(t->role, "senior Labour figure");
	assert_string_equal(m->role, "chief executive of Northwind Bank");
	for (size_t i = 0; i < a->n_entities; i++)
		if (a->entities[i].type == ENTITY_PERSON)
			assert_true(strstr(a->entities[i].name, "Labour") == NULL);
	article_free(a);
}

static void one_type_from_all_mentions(void **state)
{
	(void)state;
	struct article *a = analyse("Hotels\n\nGuests stay at the Marta Velloso in winter. Marta Velloso has two "
	                            "hundred rooms and a garden.\n");
	expect(a, "Marta Velloso", ENTITY_ORGANIZATION);
	article_free(a);
}

static void bodies_by_context(void **state)
{
	(void)state;
	struct article *a = analyse("Business\n\nThe daily Nortecia reported the deal, and Grupo Vell, Taskor and "
	                            "Mirafell said nothing. Ramon Ortiga (Calderense) scored twice.\n");
	expect(a, "Nortecia", ENTITY_ORGANIZATION);  /* "the daily ..." */
	expect(a, "Taskor", ENTITY_ORGANIZATION);    /* listed with a body */
	expect(a, "Mirafell", ENTITY_ORGANIZATION);
	expect(a, "Calderense", ENTITY_ORGANIZATION); /* a player's club */
	expect(a, "Ramon Ortiga", ENTITY_PERSON);
	article_free(a);
	/* a line of names with commas is a list, not a heading in title case: its names count */
	a = analyse("Squad\n\nThe coach named his squad on Monday.\n\n"
	            "GOALKEEPERS: Tomas Ardeno (Calderense), Luis Pavon (Real Merida), Ricardo Olvan (Vida)\n\n"
	            "The squad meets on Friday.\n");
	expect(a, "Tomas Ardeno", ENTITY_PERSON);
	expect(a, "Ricardo Olvan", ENTITY_PERSON);
	article_free(a);
}

/* One-word bodies known only by what surrounds them, in every mention. */
static void one_word_bodies_by_their_cues(void **state)
{
	(void)state;
	struct article *a = analyse("Markets\n\nRebrab, the boss of Cevital, spoke on Monday. Estimates came from "
	                            "Ecoanalitza, a Venezuelan economic consulting firm, on Tuesday.\n\n"
	                            "Grindle's shares fell after the vote. Grindle said it would appeal. Analysts at "
	                            "Borvex were not surprised, and the Kestrova company denied it. Maria Tolvek, an "
	                            "employee at a technology company, said she had left.\n");
	expect(a, "Cevital", ENTITY_ORGANIZATION);     /* "the boss of ..." */
	expect(a, "Ecoanalitza", ENTITY_ORGANIZATION); /* "..., a consulting firm": not a place after "from" */
	expect(a, "Grindle", ENTITY_ORGANIZATION);     /* "...'s shares", and so "Grindle said" too */
	expect(a, "Borvex", ENTITY_ORGANIZATION);      /* "analysts at ..." */
	expect(a, "Kestrova", ENTITY_ORGANIZATION);    /* "the ... company" */
	expect(a, "Maria Tolvek", ENTITY_PERSON);      /* works at a company: still a person */
	assert_null(find(a, "Analysts"));
	assert_int_equal(find(a, "Grindle")->n_mentions, 2);
	article_free(a);
	/* "at X" alone would make a place: the founder and the board say a company, in every mention */
	a = analyse("Inquiry\n\nHal Breck worked at Vostrana for five years. He joined Vostrana's board in 2014, "
	            "and Ozerov, the founder of Vostrana, was questioned in Kyiv.\n");
	expect(a, "Vostrana", ENTITY_ORGANIZATION);
	assert_int_equal(find(a, "Vostrana")->n_mentions, 3);
	expect(a, "Kyiv", ENTITY_PLACE);
	article_free(a);
	/* common words in capitals are a body when the apposition says so, or when they speak */
	a = analyse("Visas\n\nOfficials at Border Fraud Investigations, a division of the agency, were worried. "
	            "Later, Harbour Safety Watch said the rules were weak.\n");
	expect(a, "Border Fraud Investigations", ENTITY_ORGANIZATION);
	expect(a, "Harbour Safety Watch", ENTITY_ORGANIZATION);
	article_free(a);
	/* a name of three words or more that an acronym abbreviates is a body, given name or not */
	a = analyse("Aid\n\nMoravian Rural Credit Associates trained growers on Monday, and Moravian Rural Credit "
	            "Associates paid them.\n\nLater, MRCA said yields rose.\n");
	expect(a, "Moravian Rural Credit Associates", ENTITY_ORGANIZATION);
	assert_null(find(a, "MRCA")); /* the acronym is the same body */
	article_free(a);
	/* a corporate suffix names the body with and without it: one entry, a body in both */
	a = analyse("Moon\n\nNASA chose Orvane Robotics for the work. Orvane Robotics Inc. will deliver in 2026.\n");
	expect(a, "Orvane Robotics", ENTITY_ORGANIZATION);
	assert_true(has_alias(find(a, "Orvane Robotics"), "Orvane Robotics Inc."));
	assert_null(find(a, "Orvane Robotics Inc."));
	article_free(a);
}

/* A party by its nickname and its country's name is one entry; thin roles are written out. */
static void parties_and_titles_as_readers_know_them(void **state)
{
	(void)state;
	struct article *a = analyse("Vote\n\nThe UK Tories won the seat. The Conservatives said the Tories would govern, "
	                            "and US Republicans cheered with the GOP.\n\n"
	                            "Gov. Marta Quillby spoke first. Later, North Dakota Gov. Marta Quillby said no. "
	                            "Rep. Dale Voskin, R-W.Va., visited the border.\n");
	expect(a, "Conservatives", ENTITY_ORGANIZATION);
	assert_int_equal(find(a, "Conservatives")->n_mentions, 3); /* "UK Tories", "Conservatives", "Tories" */
	assert_null(find(a, "UK Tories"));
	expect(a, "Republican Party", ENTITY_ORGANIZATION);
	assert_null(find(a, "GOP"));
	expect(a, "United Kingdom", ENTITY_PLACE);
	assert_string_equal(find(a, "Marta Quillby")->role, "North Dakota Governor"); /* the fuller role, written out */
	assert_string_equal(find(a, "Dale Voskin")->role, "Representative");
	assert_no_word(a, "R-W"); /* party and state after a lawmaker */
	article_free(a);
	/* a sentence opened by a place in a role; a party's letter in parentheses is no body */
	a = analyse("Vote\n\nNorth Dakota Gov. Marta Quillby (R) is defending the campaign.\n");
	expect(a, "North Dakota", ENTITY_PLACE);
	assert_string_equal(find(a, "Marta Quillby")->role, "North Dakota Governor");
	assert_null(find(a, "R"));
	article_free(a);
}

/* Saints' places, measures, titles in title case, adverbs: no people, no junk. */
/* A lone surname the gazetteers of names know, used as a name, is a person. */
static void lone_surnames_of_many_languages(void **state)
{
	(void)state;
	struct article *a = analyse("History\n\nThe march recalled the years under Robledo, when the junta ruled. "
	                            "Students said the past was still with them.\n");
	expect(a, "Robledo", ENTITY_PERSON);
	article_free(a);
	/* a town that is a surname too, named again and again but never placed: the person */
	a = analyse("Football\n\nThe crowd cheered for Chaves on Sunday. The coach praised Chaves, and the fans "
	            "carried Chaves off the pitch.\n");
	expect(a, "Chaves", ENTITY_PERSON);
	article_free(a);
	/* no given name and a common word for a surname: a phrase in capitals, nobody */
	a = analyse("Swimming\n\nShe won the 200 yard Individual Medley state title on Friday.\n");
	assert_no_word(a, "Medley");
	article_free(a);
}

static void places_of_saints_and_titles_of_works(void **state)
{
	(void)state;
	struct article *a = analyse("Tour\n\nThe band plays in St. Louis on Friday and sells its 8GB drives at 4PM. "
	                            "Its song Money You Will Ever Need was a hit, said Frost & Sullivan. "
	                            "Venues: Formerly Brandel Amphitheatre, Tampa.\n");
	expect(a, "St. Louis", ENTITY_PLACE);
	assert_null(find(a, "Louis"));
	expect(a, "Frost & Sullivan", ENTITY_ORGANIZATION);
	assert_no_word(a, "8GB");
	assert_no_word(a, "4PM");
	assert_no_word(a, "Money You");
	assert_no_word(a, "Formerly");
	article_free(a);
	/* a headline in capitals ending in an office is no name; an office holder inside a long run is */
	a = analyse("Tour\n\nNames Mobile Marketing Pioneer Orin Galt Chief Strategy Officer. The deal was signed by "
	            "Tarvo Airlines Chief Commercial Officer Roland Veski on Monday.\n");
	assert_no_word(a, "Pioneer");
	expect(a, "Roland Veski", ENTITY_PERSON);
	article_free(a);
	/* the people of a place, a lone pair of initials: no entries; a one-word event: named apart */
	a = analyse("Vote\n\nSouth Dakotans and Texans voted before Brexit, and New Yorkers too. P.J. scored twice "
	            "against Jorik van de Veldhoven in Washington, D.C. on Friday.\n");
	assert_no_word(a, "Dakotans");
	assert_no_word(a, "Texans");
	assert_no_word(a, "Yorkers");
	assert_no_word(a, "P.J.");
	expect(a, "Brexit", ENTITY_OTHER);
	expect(a, "Jorik van de Veldhoven", ENTITY_PERSON); /* two particles inside a name */
	expect(a, "D.C.", ENTITY_PLACE);                    /* initials after a town's comma are its state */
	article_free(a);
	/* a body or a thing whose name ends a longer one is that one; places keep theirs */
	a = analyse("Hearings\n\nThe House Oversight Committee met in Wichita East. The Oversight Committee heard "
	            "Wichita officials, and visitors of the Delmar Auto Show said the Auto Show was full. "
	            "The phone's Pro Max model sold out, and the American Music Awards were held.\n");
	expect(a, "House Oversight Committee", ENTITY_ORGANIZATION);
	assert_null(find(a, "Oversight Committee"));
	assert_true(has_alias(find(a, "House Oversight Committee"), "Oversight Committee"));
	assert_int_equal(find(a, "House Oversight Committee")->n_mentions, 2);
	expect(a, "Delmar Auto Show", ENTITY_OTHER);
	assert_no_word(a, "Pro Max"); /* no thing is named by its model's last words alone */
	assert_null(find(a, "Auto Show"));
	expect(a, "Wichita East", ENTITY_PLACE);
	expect(a, "Wichita", ENTITY_PLACE);
	expect(a, "American Music Awards", ENTITY_OTHER); /* the adjective stays in a thing's name */
	article_free(a);
	/* a state's abbreviation after a town is that state, and one entry with its full name */
	a = analyse("Trade\n\nHe spoke in Monroe, La., and in Santa Fe, N.M., on Friday. New Mexico voted.\n");
	expect(a, "Louisiana", ENTITY_PLACE);
	expect(a, "New Mexico", ENTITY_PLACE);
	assert_int_equal(find(a, "New Mexico")->n_mentions, 2);
	assert_null(find(a, "La"));
	article_free(a);
	/* an acronym in capitals is a body even where a town has the same letters */
	a = analyse("News\n\nThe agency KUNA reported the vote, KUNA said on Sunday.\n");
	expect(a, "KUNA", ENTITY_ORGANIZATION);
	article_free(a);
	a = analyse("News\n\nBAAR, Switzerland, Nov. 19 -- The firm reported on Tuesday.\n");
	expect(a, "BAAR", ENTITY_PLACE); /* a town in capitals, placed by its country */
	article_free(a);
	/* a country named with its article is that place; a plural of districts is still places */
	a = analyse("Trade\n\nExports from The Gambia rose, and the Jasikan Districts reported floods.\n");
	expect(a, "Gambia", ENTITY_PLACE);
	assert_true(has_alias(find(a, "Gambia"), "The Gambia"));
	expect(a, "Jasikan Districts", ENTITY_PLACE);
	article_free(a);
}

static void dateline_place_counts(void **state)
{
	(void)state;
	struct article *a = analyse("Snow in the north\n\nBUFFALO, N.Y. (AP) \xE2\x80\x94 Snow fell on the city on "
	                            "Monday, officials said.\n");
	expect(a, "Buffalo", ENTITY_PLACE);
	expect(a, "New York", ENTITY_PLACE);
	const struct entity *ny = find(a, "New York");
	assert_false(has_alias(ny, "AP")); /* the agency after the place is no alias of it */
	expect(a, "Associated Press", ENTITY_ORGANIZATION); /* the dateline's agency is a body of the story */
	assert_true(has_alias(find(a, "Associated Press"), "AP"));
	article_free(a);
	a = analyse("Harvest\n\nmaru Wire, 27 January - The harvest in the north was the best in a decade.\n");
	expect(a, "maru Wire", ENTITY_ORGANIZATION); /* an agency by its own spelling */
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gazetteer_towns_and_given_names),
		cmocka_unit_test(junk_stays_out),
		cmocka_unit_test(state_codes_and_abbreviations),
		cmocka_unit_test(things_are_kept_out),
		cmocka_unit_test(one_entry_per_person),
		cmocka_unit_test(bodies_across_and_or_possessive),
		cmocka_unit_test(roles_from_premodifiers_and_appositions),
		cmocka_unit_test(one_type_from_all_mentions),
		cmocka_unit_test(bodies_by_context),
		cmocka_unit_test(one_word_bodies_by_their_cues),
		cmocka_unit_test(parties_and_titles_as_readers_know_them),
		cmocka_unit_test(places_of_saints_and_titles_of_works),
		cmocka_unit_test(lone_surnames_of_many_languages),
		cmocka_unit_test(dateline_place_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
