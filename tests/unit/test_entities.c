/* test_entities.c: people, organisations and places with roles and aliases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "entity_testlib.h"

static const char article_text[] =
	"Leaders to talk on Tuesday\n\n"
	"U.S. President Donald Trump will speak with Russian President Vladimir Putin on Tuesday, "
	"the White House said.\n\n"
	"However, Trump\xE2\x80\x99s aides in Washington were cautious. President Trump said the US "
	"wanted a deal, and Kremlin spokesperson Dmitry Peskov agreed.\n\n"
	"Speaking in Moscow, Peskov said a Trump-Putin meeting was possible in March.\n";

static void people_roles_aliases(void **state)
{
	(void)state;
	struct article *a = analyse(article_text);
	const struct entity *t = find(a, "Donald Trump");
	assert_non_null(t);
	assert_int_equal(t->type, ENTITY_PERSON);
	assert_string_equal(t->role, "U.S. President");
	assert_true(has_alias(t, "Trump"));
	assert_true(has_alias(t, "President Trump"));
	const struct entity *p = find(a, "Dmitry Peskov");
	assert_non_null(p);
	assert_string_equal(p->role, "Kremlin spokesperson");
	assert_non_null(find(a, "Vladimir Putin"));
	assert_string_equal(find(a, "Vladimir Putin")->role, "Russian President");
	article_free(a);
}

static void places_and_organisations(void **state)
{
	(void)state;
	struct article *a = analyse(article_text);
	const struct entity *us = find(a, "United States");
	assert_non_null(us);
	assert_int_equal(us->type, ENTITY_PLACE);
	assert_true(has_alias(us, "U.S.") && has_alias(us, "US"));
	assert_non_null(find(a, "Washington"));
	assert_non_null(find(a, "Moscow"));
	assert_int_equal(find(a, "White House")->type, ENTITY_ORGANIZATION);
	assert_int_equal(find(a, "Kremlin")->type, ENTITY_ORGANIZATION);
	article_free(a);
}

static void never_entities(void **state)
{
	(void)state;
	struct article *a = analyse(article_text);
	const char *never[] = {"Tuesday", "March", "However", "Speaking", "President", "Trump-Putin",
	                       "Russian", "Leaders"};
	for (size_t i = 0; i < sizeof never / sizeof *never; i++)
		if (find(a, never[i]))
			fail_msg("\"%s\" is an entity", never[i]);
	article_free(a);
}

static void hyphenated_pair_names_two(void **state)
{
	(void)state;
	struct article *a = analyse(article_text);
	/* "Trump-Putin" adds a mention to each of them in the last paragraph */
	const struct entity *t = find(a, "Donald Trump"), *p = find(a, "Vladimir Putin");
	int tl = 0, pl = 0;
	for (size_t i = 0; i < t->n_mentions; i++)
		tl |= t->mentions[i].section == 0 && t->mentions[i].paragraph == 2;
	for (size_t i = 0; i < p->n_mentions; i++)
		pl |= p->mentions[i].section == 0 && p->mentions[i].paragraph == 2;
	assert_true(tl && pl);
	article_free(a);
}

/* A hyphenated given name before a surname is one name, not a pair of people. */
static void hyphenated_given_name_stays_whole(void **state)
{
	(void)state;
	struct article *a = analyse("The council met on Monday.\n"
	                            "Anna-Lena Braun, who chairs it, said the vote would pass. "
	                            "Rose-Marie Lund and Sarah-Jane Brook disagreed.\n"
	                            "A Trump-Putin meeting was not on the agenda.\n");
	const char *whole[] = {"Anna-Lena Braun", "Rose-Marie Lund", "Sarah-Jane Brook"};
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
		if (!find(a, whole[i]))
			fail_msg("\"%s\" is not an entity", whole[i]);
	assert_null(find(a, "Lena Braun"));
	assert_null(find(a, "Trump-Putin"));
	article_free(a);
}

/* A surname that is also a people's name (White, English) after a given name is a person. */
static void demonym_surname_after_given_name(void **state)
{
	(void)state;
	struct article *a = analyse("The council met on Monday.\n"
	                            "\"It will fail,\" said Lawrence White, a professor at the college. "
	                            "Rebecca English, a reporter, agreed.\n"
	                            "Many Black voters and South Sudanese families came.\n");
	const struct entity *w = find(a, "Lawrence White"), *e = find(a, "Rebecca English");
	assert_non_null(w);
	assert_non_null(e);
	assert_int_equal(w->type, ENTITY_PERSON);
	assert_int_equal(e->type, ENTITY_PERSON);
	assert_null(find(a, "Black"));
	assert_null(find(a, "South Sudanese"));
	article_free(a);
}

static void mentions_have_offsets(void **state)
{
	(void)state;
	struct article *a = analyse(article_text);
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *e = &a->entities[i];
		assert_true(e->n_mentions > 0);
		for (size_t j = 0; j < e->n_mentions; j++) {
			const struct mention *m = &e->mentions[j];
			const char *p = m->section < 0 ? a->headline : article_paragraph(a, m->section, m->paragraph);
			if (m->section >= 0 && m->paragraph < 0)
				p = a->sections[m->section].heading;
			assert_non_null(p);
			assert_true(m->start < m->end && m->end <= strlen(p));
		}
	}
	article_free(a);
}

static void headline_mentions(void **state)
{
	(void)state;
	struct article *a = analyse("Peskov Says Kremlin Open To Talks With Kyiv\n\n"
	                            "Kremlin spokesman Dmitry Peskov said on Monday that Moscow was open to talks "
	                            "with Kyiv.\n");
	const struct entity *p = find(a, "Dmitry Peskov");
	assert_non_null(p);
	assert_int_equal(p->mentions[0].section, -1);
	assert_non_null(find(a, "Kyiv"));
	assert_int_equal(find(a, "Kyiv")->mentions[0].section, -1);
	assert_null(find(a, "Says"));
	assert_null(find(a, "Open"));
	article_free(a);
}

static void kinds_by_their_words(void **state)
{
	(void)state;
	struct article *a = analyse("Forest talks\n\n"
	                            "Delegates met near the Congo Basin to discuss the Paris Agreement on Monday.\n\n"
	                            "The Operations Director of the UN Office said funding was short, and the Wakit Tama, "
	                            "a group of Chadian activists, protested outside Capital FM.\n");
	const struct entity *e = find(a, "Congo Basin");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_PLACE);
	assert_int_equal(find(a, "Paris Agreement")->type, ENTITY_OTHER); /* a law: none of the three */
	assert_null(find(a, "Chadian"));
	assert_non_null(find(a, "UN Office"));
	assert_int_equal(find(a, "UN Office")->type, ENTITY_ORGANIZATION);
	assert_null(find(a, "Operations Director of the UN Office"));
	assert_non_null(find(a, "Capital FM"));
	assert_int_equal(find(a, "Capital FM")->type, ENTITY_ORGANIZATION);
	for (size_t i = 0; i < a->n_entities; i++)
		assert_true(a->entities[i].type != ENTITY_PERSON);
	article_free(a);
}

static void list_of_names_is_not_a_title(void **state)
{
	(void)state;
	struct article *a = analyse("Squad named\n\nThe coach named his squad on Friday.\n\n"
	                            "Goalkeepers: Donis Escober, Luis Lopez, Harold Fonseca\n");
	assert_non_null(find(a, "Donis Escober"));
	assert_non_null(find(a, "Luis Lopez"));
	article_free(a);
}

/* A two-word name with no known given name, after "in", is a place, and
 * every mention of it reads the same ("Vendra Oskal" is invented). */
static void place_by_context_and_consistency(void **state)
{
	(void)state;
	struct article *a = analyse("Storm reaches the coast\n\n"
	                            "Vendra Oskal lost power overnight, officials said.\n\n"
	                            "Crews from the capital arrived in Vendra Oskal on Monday.\n");
	const struct entity *e = find(a, "Vendra Oskal");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_PLACE);
	for (size_t i = 0; i < a->n_entities; i++)
		if (!strcmp(a->entities[i].name, "Vendra Oskal"))
			assert_int_equal(a->entities[i].type, ENTITY_PLACE);
	assert_int_equal(e->n_mentions, 2);
	article_free(a);
}

/* ... but a person's title anywhere keeps the person. */
static void title_keeps_person_against_place_context(void **state)
{
	(void)state;
	struct article *a = analyse("Talks\n\nMinister Tarvo Lindqvar met farmers in the north.\n\n"
	                            "Crowds waited for Tarvo Lindqvar outside the hall.\n");
	const struct entity *e = find(a, "Tarvo Lindqvar");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_PERSON);
	article_free(a);
}

/* Organisation words opening a name, in English and in the languages news
 * keeps untranslated; place words opening or closing one. */
static void org_and_place_words_at_either_end(void **state)
{
	(void)state;
	struct article *a = analyse("Markets\n\nShares of Banque Veltrane rose after Frente Amplio Sur "
	                            "won the vote, while Orvin Capital said it would expand.\n\n"
	                            "Floods hit Puerto Calmes and Rampur Nagar last week.\n");
	assert_non_null(find(a, "Banque Veltrane"));
	assert_int_equal(find(a, "Banque Veltrane")->type, ENTITY_ORGANIZATION);
	assert_non_null(find(a, "Frente Amplio Sur"));
	assert_int_equal(find(a, "Frente Amplio Sur")->type, ENTITY_ORGANIZATION);
	assert_non_null(find(a, "Orvin Capital"));
	assert_int_equal(find(a, "Orvin Capital")->type, ENTITY_ORGANIZATION);
	assert_non_null(find(a, "Puerto Calmes"));
	assert_int_equal(find(a, "Puerto Calmes")->type, ENTITY_PLACE);
	assert_non_null(find(a, "Rampur Nagar"));
	assert_int_equal(find(a, "Rampur Nagar")->type, ENTITY_PLACE);
	article_free(a);
}

/* An acronym made of a name's initials is that name, wherever it stands,
 * and makes the name an organisation (invented names). */
static void acronym_by_initials(void **state)
{
	(void)state;
	struct article *a = analyse("Aid\n\nThe Halvard Relief Partners Organisation sent food on Monday.\n\n"
	                            "Later, HRPO said more would follow. Orsen Tavik Makers, a charity, "
	                            "agreed, and OTM sent water.\n");
	const struct entity *e = find(a, "Halvard Relief Partners Organisation");
	assert_non_null(e);
	assert_int_equal(e->type, ENTITY_ORGANIZATION);
	assert_true(has_alias(e, "HRPO"));
	assert_null(find(a, "HRPO"));
	const struct entity *o = find(a, "Orsen Tavik Makers");
	assert_non_null(o);
	assert_int_equal(o->type, ENTITY_ORGANIZATION);
	assert_true(has_alias(o, "OTM"));
	article_free(a);
}

/* A title word alone is an office, however capitalised, unless it is the
 * surname of someone the article names in full (invented names). */
static void lone_office_is_nobody(void **state)
{
	(void)state;
	struct article *a = analyse("Ban lifted\n\nPresident Orla Vantongeren lifted the ban on Monday.\n\n"
	                            "The Chilean President met governors. \"It is hard,\" the President said.\n\n"
	                            "Critic Lina Marshal disagreed. Marshal said the President was wrong.\n");
	assert_null(find(a, "President"));
	const struct entity *m = find(a, "Lina Marshal");
	assert_non_null(m);
	assert_true(m->n_mentions >= 2);
	article_free(a);
}

/* Towns from libgweather's list are places, alone or in context, but a
 * town's name as a person's surname stays the person's. */
static void towns_from_the_weather_list(void **state)
{
	(void)state;
	struct article *a = analyse("Rain\n\nPilgrims left Tirupati before dawn. Tirupati expects more rain.\n\n"
	                            "Farmer Orla Tamworth said the river rose. Tamworth said she had moved her sheep.\n");
	const struct entity *t = find(a, "Tirupati");
	assert_non_null(t);
	assert_int_equal(t->type, ENTITY_PLACE);
	const struct entity *p = find(a, "Orla Tamworth");
	assert_non_null(p);
	assert_int_equal(p->type, ENTITY_PERSON);
	assert_null(find(a, "Tamworth"));
	article_free(a);
}

/* A person named in full after an acronym, a common word or a place in the
 * same run of capitals is that person; "Madam" marks a person. */
static void person_after_a_qualifier_in_one_run(void **state)
{
	(void)state;
	struct article *a = analyse("Visit\n\nThe talks were opened by Chile John Tarrowby on Monday, and later "
	                            "Madam Orla Quenby spoke.\n");
	const struct entity *p = find(a, "John Tarrowby");
	assert_non_null(p);
	assert_int_equal(p->type, ENTITY_PERSON);
	assert_null(find(a, "Chile John Tarrowby"));
	assert_non_null(find(a, "Chile"));
	const struct entity *q = find(a, "Orla Quenby");
	assert_non_null(q);
	assert_int_equal(q->type, ENTITY_PERSON);
	article_free(a);
}

/* A given name from the project's list opens a person's name even when the
 * surname is also a known place (names invented, places real). */
static void given_name_makes_a_person(void **state)
{
	(void)state;
	struct article *a = analyse("Prize\n\nThe prize went to Yusuf Lagos on Monday, and Camila Dakar won too.\n");
	assert_non_null(find(a, "Yusuf Lagos"));
	assert_int_equal(find(a, "Yusuf Lagos")->type, ENTITY_PERSON);
	assert_non_null(find(a, "Camila Dakar"));
	assert_int_equal(find(a, "Camila Dakar")->type, ENTITY_PERSON);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(people_roles_aliases),
		cmocka_unit_test(places_and_organisations),
		cmocka_unit_test(never_entities),
		cmocka_unit_test(hyphenated_pair_names_two),
		cmocka_unit_test(hyphenated_given_name_stays_whole),
		cmocka_unit_test(demonym_surname_after_given_name),
		cmocka_unit_test(mentions_have_offsets),
		cmocka_unit_test(headline_mentions),
		cmocka_unit_test(kinds_by_their_words),
		cmocka_unit_test(list_of_names_is_not_a_title),
		cmocka_unit_test(place_by_context_and_consistency),
		cmocka_unit_test(title_keeps_person_against_place_context),
		cmocka_unit_test(org_and_place_words_at_either_end),
		cmocka_unit_test(acronym_by_initials),
		cmocka_unit_test(lone_office_is_nobody),
		cmocka_unit_test(towns_from_the_weather_list),
		cmocka_unit_test(person_after_a_qualifier_in_one_run),
		cmocka_unit_test(given_name_makes_a_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
