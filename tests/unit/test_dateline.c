/* Unit tests for the dateline parser: every wire form, and sentences that are not datelines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "dateline.h"

struct expect {
	const char *text;      /* paragraph start */
	const char *published; /* or NULL */
	const char *place, *date, *agency, *raw;
};

static void check(const struct expect *e)
{
	struct dateline_match m;
	int found = dateline_parse(e->text, strlen(e->text), e->published, &m);
	if (!found)
		fail_msg("no dateline found in \"%s\"", e->text);
	assert_string_equal(m.place, e->place);
	assert_string_equal(m.date, e->date);
	assert_string_equal(m.agency, e->agency);
	assert_string_equal(m.raw, e->raw);
	/* the body starts at the first word after the dash */
	assert_true(m.body_start > m.raw_len - 1);
	assert_true(e->text[m.body_start] != ' ');
}

static void test_place_full_date(void **state)
{
	(void)state;
	check(&(struct expect){"Washington, March 17, 2025 \xE2\x80\x93 U.S. President Donald Trump said.", NULL,
	                       "Washington", "2025-03-17", "", "Washington, March 17, 2025 \xE2\x80\x93"});
}

static void test_caps_agency(void **state)
{
	(void)state;
	check(&(struct expect){"WASHINGTON (AP) \xE2\x80\x94 The Senate voted.", NULL,
	                       "Washington", "", "AP", "WASHINGTON (AP) \xE2\x80\x94"});
}

static void test_date_agency_year_from_published(void **state)
{
	(void)state;
	check(&(struct expect){"MOSCOW, March 17 (Reuters) - The Kremlin said.", "2025-03-18T09:00:00Z",
	                       "Moscow", "2025-03-17", "Reuters", "MOSCOW, March 17 (Reuters) -"});
}

static void test_year_rolls_back_in_january(void **state)
{
	(void)state;
	check(&(struct expect){"KYIV, Dec. 31 (Reuters) - Sirens sounded.", "2025-01-01",
	                       "Kyiv", "2024-12-31", "Reuters", "KYIV, Dec. 31 (Reuters) -"});
}

/* With no published date the year stays unknown: "XXXX-MM-DD" (ISO 8601-2 unspecified digits). */
static void test_no_year_no_published_gives_unknown_year(void **state)
{
	(void)state;
	check(&(struct expect){"MOSCOW, March 17 (Reuters) - The Kremlin said.", NULL,
	                       "Moscow", "XXXX-03-17", "Reuters", "MOSCOW, March 17 (Reuters) -"});
}

static void test_title_case_agency(void **state)
{
	(void)state;
	check(&(struct expect){"Washington (AFP) \xE2\x80\x93 Talks resumed.", NULL,
	                       "Washington", "", "AFP", "Washington (AFP) \xE2\x80\x93"});
}

static void test_place_with_state(void **state)
{
	(void)state;
	check(&(struct expect){"BUFFALO, N.Y. \xE2\x80\x94 Snow fell.", NULL,
	                       "Buffalo, N.Y.", "", "", "BUFFALO, N.Y. \xE2\x80\x94"});
}

static void test_caps_place_only(void **state)
{
	(void)state;
	check(&(struct expect){"LONDON \xE2\x80\x94 Britain's prime minister said.", NULL,
	                       "London", "", "", "LONDON \xE2\x80\x94"});
}

static void test_multiword_and_hyphen(void **state)
{
	(void)state;
	check(&(struct expect){"WILKES-BARRE, Pa. (AP) \xE2\x80\x94 Voters lined up.", NULL,
	                       "Wilkes-Barre, Pa.", "", "AP", "WILKES-BARRE, Pa. (AP) \xE2\x80\x94"});
	check(&(struct expect){"RIO DE JANEIRO (Reuters) - Rain fell.", NULL,
	                       "Rio de Janeiro", "", "Reuters", "RIO DE JANEIRO (Reuters) -"});
	check(&(struct expect){"KYIV, Ukraine (AP) \xE2\x80\x94 Drones struck.", NULL,
	                       "Kyiv, Ukraine", "", "AP", "KYIV, Ukraine (AP) \xE2\x80\x94"});
}

static void test_day_month_order_and_double_hyphen(void **state)
{
	(void)state;
	check(&(struct expect){"PARIS, 17 March 2025 -- Ministers met.", NULL,
	                       "Paris", "2025-03-17", "", "PARIS, 17 March 2025 --"});
}

static void test_city_country_and_plain_hyphen(void **state)
{
	(void)state;
	check(&(struct expect){"Mumbai, India \xE2\x80\x93 In February last year, she left home.", NULL,
	                       "Mumbai, India", "", "", "Mumbai, India \xE2\x80\x93"});
	check(&(struct expect){"NEWPORT NEWS, Va. - In a tradition he has kept for 40 years.", NULL,
	                       "Newport News, Va.", "", "", "NEWPORT NEWS, Va. -"});
	check(&(struct expect){"BULAWAYO, Jun 10 2022 (IPS) - Onions and rice.", NULL,
	                       "Bulawayo", "2022-06-10", "IPS", "BULAWAYO, Jun 10 2022 (IPS) -"});
}

/* The Gulf and South Asian colon forms, capitals or title case, with or without a date. */
static void test_colon_forms(void **state)
{
	(void)state;
	check(&(struct expect){"KUWAIT CITY, July 24: A local driver finished third in the rally.", NULL,
	                       "Kuwait City", "XXXX-07-24", "", "KUWAIT CITY, July 24:"});
	check(&(struct expect){"KUWAIT CITY, July 24: A local driver finished third.", "2022-07-25T08:00:00+03:00",
	                       "Kuwait City", "2022-07-24", "", "KUWAIT CITY, July 24:"});
	check(&(struct expect){"ISLAMABAD, Mar 03: Officials of both sides met on Wednesday.", NULL,
	                       "Islamabad", "XXXX-03-03", "", "ISLAMABAD, Mar 03:"});
	check(&(struct expect){"RAIPUR: Two men were arrested on Tuesday, police said.", NULL,
	                       "Raipur", "", "", "RAIPUR:"});
	check(&(struct expect){"Doha: A charity handed over wheelchairs to a centre.", NULL,
	                       "Doha", "", "", "Doha:"});
	check(&(struct expect){"Muscat: The civil defence chief honoured a citizen.", NULL,
	                       "Muscat", "", "", "Muscat:"});
	check(&(struct expect){"KUWAIT: A new cabinet will be formed soon, a source said.", NULL,
	                       "Kuwait", "", "", "KUWAIT:"});
}

/* A title-case place and a dash: the gazetteers vouch for it. */
static void test_title_case_place_dash(void **state)
{
	(void)state;
	check(&(struct expect){"Srinagar - Two bodies were recovered on Friday.", NULL,
	                       "Srinagar", "", "", "Srinagar -"});
	check(&(struct expect){"Cape Town - Following the announcement, researchers spoke.", NULL,
	                       "Cape Town", "", "", "Cape Town -"});
	check(&(struct expect){"Pretoria \xE2\x80\x93 The high court dismissed the application.", NULL,
	                       "Pretoria", "", "", "Pretoria \xE2\x80\x93"});
}

/* A place in capitals the gazetteers do not know, none of its words an English word. */
static void test_unknown_caps_place(void **state)
{
	(void)state;
	check(&(struct expect){"ZORVATHI \xE2\x80\x94 The mayor opened the bridge.", NULL,
	                       "Zorvathi", "", "", "ZORVATHI \xE2\x80\x94"});
	/* an unknown title-case name stands beside a known country */
	check(&(struct expect){"Zorvathi, Kenya \xE2\x80\x93 The mayor opened the bridge.", NULL,
	                       "Zorvathi, Kenya", "", "", "Zorvathi, Kenya \xE2\x80\x93"});
}

/* Source-only openings: the source is the agency, no place. */
static void test_source_openings(void **state)
{
	(void)state;
	check(&(struct expect){"afrol News, 27 January - A court in Kampala ruled on the case.", NULL,
	                       "", "XXXX-01-27", "afrol News", "afrol News, 27 January -"});
	check(&(struct expect){"afrol News - The architect thought it was a joke.", NULL,
	                       "", "", "afrol News", "afrol News -"});
	check(&(struct expect){"TODAY NICARAGUA \xE2\x80\x93 The government expressed its solidarity.", NULL,
	                       "", "", "Today Nicaragua", "TODAY NICARAGUA \xE2\x80\x93"});
	/* a section name after the source's */
	check(&(struct expect){"TODAY NICARAGUA TRAVEL \xE2\x80\x93 Seen from the ferry, the island rises.", NULL,
	                       "", "", "Today Nicaragua", "TODAY NICARAGUA TRAVEL \xE2\x80\x93"});
	/* a bracketed agency after the source, and no dash */
	check(&(struct expect){"TODAY NICARAGUA (EFE) The regulator ordered the channel off the air.", NULL,
	                       "", "", "EFE", "TODAY NICARAGUA (EFE)"});
}

/* Agencies alone, in brackets or between slashes. */
static void test_agency_forms(void **state)
{
	(void)state;
	check(&(struct expect){"(Reuters) - The athletics body will add a new round.", NULL,
	                       "", "", "Reuters", "(Reuters) -"});
	check(&(struct expect){"GENEVA (AFP/Reuters) - Talks resumed.", NULL,
	                       "Geneva", "", "AFP/Reuters", "GENEVA (AFP/Reuters) -"});
	check(&(struct expect){"(American Thinker) Remember the singer?", NULL,
	                       "", "", "American Thinker", "(American Thinker)"});
	check(&(struct expect){"Ulaanbaatar / MONTSAME /. The cabinet decided to spend the reserve.", NULL,
	                       "Ulaanbaatar", "", "MONTSAME", "Ulaanbaatar / MONTSAME /."});
	check(&(struct expect){"Ulaanbaatar / MONTSAME / The President received the visitor.", NULL,
	                       "Ulaanbaatar", "", "MONTSAME", "Ulaanbaatar / MONTSAME /"});
	check(&(struct expect){"BEIJING, July 18 (Xinhua) - - Prosecutors reported on their work.", "2022-07-19",
	                       "Beijing", "2022-07-18", "Xinhua", "BEIJING, July 18 (Xinhua) - -"});
}

/* Dates in any written order and place: after a dash, in brackets, with a weekday, month and year only. */
/* The date's time beside its text: a day, a year-less day, none; a day no calendar has is no date. */
static void test_date_times(void **state)
{
	(void)state;
	struct dateline_match m;
	const char *t = "MOSCOW, March 17 (Reuters) - The Kremlin said.";
	assert_int_equal(dateline_parse(t, strlen(t), "2025-03-18T09:00:00Z", &m), 1);
	assert_int_equal(m.at.precision, DATE_DAY);
	assert_true(m.at.time == 1742169600LL); /* 2025-03-17T00:00:00Z */
	assert_int_equal(dateline_parse(t, strlen(t), NULL, &m), 1);
	assert_string_equal(m.date, "XXXX-03-17");
	assert_int_equal(m.at.precision, DATE_NO_YEAR);
	assert_true(m.at.time == DATE_UNKNOWN);
	/* the published date's year as written there, not as UTC has it */
	t = "KYIV, Jan. 1 (Reuters) - Sirens sounded.";
	assert_int_equal(dateline_parse(t, strlen(t), "2025-01-01T01:00:00+03:00", &m), 1);
	assert_string_equal(m.date, "2025-01-01");
	t = "WASHINGTON (AP) \xE2\x80\x94 The Senate voted.";
	assert_int_equal(dateline_parse(t, strlen(t), NULL, &m), 1);
	assert_int_equal(m.at.precision, DATE_NONE);
	t = "LONDON, Feb. 30 (Reuters) - Nothing happened.";
	assert_int_equal(dateline_parse(t, strlen(t), "2025-03-01", &m), 1); /* still the dateline's date part... */
	assert_string_equal(m.place, "London");
	assert_string_equal(m.agency, "Reuters");
	assert_string_equal(m.date, ""); /* ...but no day any calendar has */
	assert_int_equal(m.at.precision, DATE_NONE);
}

static void test_date_forms(void **state)
{
	(void)state;
	check(&(struct expect){"CAIRO \xE2\x80\x93 26 July 2022: The minister received a call.", NULL,
	                       "Cairo", "2022-07-26", "", "CAIRO \xE2\x80\x93 26 July 2022:"});
	check(&(struct expect){"CAIRO - 17 July 2022: The regulator kept its seat.", NULL,
	                       "Cairo", "2022-07-17", "", "CAIRO - 17 July 2022:"});
	check(&(struct expect){"SINGAPORE (Feb. 25, 2021) \xE2\x80\x94 The port reopened.", NULL,
	                       "Singapore", "2021-02-25", "", "SINGAPORE (Feb. 25, 2021) \xE2\x80\x94"});
	check(&(struct expect){"LAGOS, Tuesday, July 26th, 2022 \xE2\x80\x93 Traders closed their stalls.", NULL,
	                       "Lagos", "2022-07-26", "", "LAGOS, Tuesday, July 26th, 2022 \xE2\x80\x93"});
	/* a month and year name no day; the country written first */
	check(&(struct expect){"Egypt, Cairo, June 2022: The platform held a forum.", NULL,
	                       "Cairo, Egypt", "", "", "Egypt, Cairo, June 2022:"});
	check(&(struct expect){"YAOUND\xC3\x89, May 13 2022 (IPS) - The forest was our home.", NULL,
	                       "Yaound\xC3\xA9", "2022-05-13", "IPS", "YAOUND\xC3\x89, May 13 2022 (IPS) -"});
}

/* US state abbreviations, and a closing dash of any kind. */
static void test_states_and_dashes(void **state)
{
	(void)state;
	check(&(struct expect){"ANAHEIM, Calif. - Fans lined up overnight.", NULL,
	                       "Anaheim, Calif.", "", "", "ANAHEIM, Calif. -"});
	check(&(struct expect){"RIYADH \xE2\x80\x95 The authority fined drivers.", NULL,
	                       "Riyadh", "", "", "RIYADH \xE2\x80\x95"});
	check(&(struct expect){"TEHRAN \xE2\x88\x92 Talks resumed.", NULL,
	                       "Tehran", "", "", "TEHRAN \xE2\x88\x92"});
}

/* A place in brackets, capitals meant as written, a source named by its known form. */
static void test_bracketed_place_and_kept_capitals(void **state)
{
	(void)state;
	check(&(struct expect){"(Leipzig) - Die Messe beginnt am Montag.", NULL,
	                       "Leipzig", "", "", "(Leipzig) -"});
	check(&(struct expect){"Washington, DC, United States: Getting to the Moon has been done.", NULL,
	                       "Washington, DC, United States", "", "", "Washington, DC, United States:"});
	check(&(struct expect){"New York, NY \xE2\x80\x93 Spending on ads rose again.", NULL,
	                       "New York, NY", "", "", "New York, NY \xE2\x80\x93"});
}

/* Near misses: capitalised first words, topic labels, a place as a sentence's subject. */
static void test_near_misses(void **state)
{
	(void)state;
	static const char *const prose[] = {
		"THREE pupils from the coast started a business - during the lockdown.",
		"IT seems that the decline is completing its course: the rulers look on.",
		"Bengal school jobs case: Court orders an inquiry into the hiring.",
		"Dubai is now the busiest airport \xE2\x80\x93 by far.",
		"Dubai: is now the busiest airport.",
		"LED BY IIT - Madras, the institutes lead the list.",
		"Uruguay's National Directorate (DINARA) Chief Jaime Coronel said.",
		"Egypt's President Abdel - Fattah El - Sisi met his guest.",
		"Kenya - based firms raised prices.",
		"SOCIAL activist Paulus Simuku was arrested: police said so.",
		"Note: prices include tax.",
		"BREAKING: A strong earthquake struck the region.",
		"(Updated) Police said the road was closed.",
		"Today - the day after the vote - the count began.",
		"Mehmet Oz, Ivy League \xE2\x80\x93 trained surgeon, was named.",
		"MICHELLE McLean has been announced as patron: the board said.",
		"Kremlin: Talks will go on.",
		"Reuters: Markets Fall Again.",
		"Nigeria: Strike Goes On as Talks Fail",
		"Doha: a city transformed",
		/* scripts without capitals say nothing by their shape: "Interview:", "Beijing (Weibo)" */
		"\xD8\xAD\xD9\x88\xD8\xA7\xD8\xB1: \xD9\x82\xD8\xA7\xD9\x84",
		"\xE8\xB0\xB7\xE6\xAD\x8C(\xE5\xBE\xAE\xE5\x8D\x9A) Google said.",
		"",
	};
	for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
		struct dateline_match m;
		if (dateline_parse(prose[i], strlen(prose[i]), "2025-03-17", &m))
			fail_msg("false dateline in \"%s\": raw \"%s\"", prose[i], m.raw);
	}
}

static void test_not_datelines(void **state)
{
	(void)state;
	static const char *const prose[] = {
		"However, the proposal was rejected by the Kremlin.",
		"President Trump \xE2\x80\x94 who spoke on Sunday \xE2\x80\x94 said talks went well.",
		"Last week, Witkoff met with Putin in Moscow.",
		"The vote - held on Tuesday - passed narrowly.",
		"On March 17 \xE2\x80\x94 a Monday \xE2\x80\x94 the talks began.",
		"\xE2\x80\x9CI\xE2\x80\x99ll be speaking to President Putin,\xE2\x80\x9D Trump said.",
		"Kremlin spokesperson Dmitry Peskov confirmed the call.",
		"Despite the tensions, officials insist talks are essential.",
		"In 2019 \xE2\x80\x94 long before the war \xE2\x80\x94 the deal collapsed.",
		"Mr. Smith \xE2\x80\x94 the senator from Ohio \xE2\x80\x94 declined to comment.",
		"BREAKING \xE2\x80\x94 A strong earthquake struck the region.",
		"Prices rose 3.2% - the fastest pace in a decade.",
		"Adding to the controversy, Trump made critical remarks.",
		"the city (which had no power) - was dark.",
		"Mehmet Oz \xE2\x80\x94 Ivy League-trained surgeon \xE2\x80\x94 has been named.",
		"",
	};
	for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
		struct dateline_match m;
		if (dateline_parse(prose[i], strlen(prose[i]), "2025-03-17", &m))
			fail_msg("false dateline in \"%s\": place \"%s\"", prose[i], m.place);
	}
}

static void test_dash_far_away_is_not_a_dateline(void **state)
{
	(void)state;
	char text[400];
	memset(text, 'A', 300);
	memcpy(text + 300, " \xE2\x80\x94 end", 8);
	text[308] = '\0';
	struct dateline_match m;
	assert_int_equal(dateline_parse(text, strlen(text), NULL, &m), 0);
}

/* Found by fuzz_dateline: control bytes and NULs before a dash must not make a dateline. */
static void test_controls_inside_prefix(void **state)
{
	(void)state;
	static const char crash[] = "JuJune\342\015(Ju\377\377\377\001\000\000\377\377n-)\342)-\015";
	static const char nul[] = "LONDON\0X \xE2\x80\x94 text";
	static const char cr[] = "LONDON\rPARIS \xE2\x80\x94 text";
	struct dateline_match m;
	assert_int_equal(dateline_parse(crash, sizeof crash - 1, NULL, &m), 0);
	assert_int_equal(dateline_parse(nul, sizeof nul - 1, NULL, &m), 0);
	assert_int_equal(dateline_parse(cr, sizeof cr - 1, NULL, &m), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place_full_date),
		cmocka_unit_test(test_caps_agency),
		cmocka_unit_test(test_date_agency_year_from_published),
		cmocka_unit_test(test_year_rolls_back_in_january),
		cmocka_unit_test(test_no_year_no_published_gives_unknown_year),
		cmocka_unit_test(test_title_case_agency),
		cmocka_unit_test(test_place_with_state),
		cmocka_unit_test(test_caps_place_only),
		cmocka_unit_test(test_multiword_and_hyphen),
		cmocka_unit_test(test_day_month_order_and_double_hyphen),
		cmocka_unit_test(test_city_country_and_plain_hyphen),
		cmocka_unit_test(test_colon_forms),
		cmocka_unit_test(test_title_case_place_dash),
		cmocka_unit_test(test_unknown_caps_place),
		cmocka_unit_test(test_source_openings),
		cmocka_unit_test(test_agency_forms),
		cmocka_unit_test(test_date_forms),
		cmocka_unit_test(test_date_times),
		cmocka_unit_test(test_states_and_dashes),
		cmocka_unit_test(test_bracketed_place_and_kept_capitals),
		cmocka_unit_test(test_near_misses),
		cmocka_unit_test(test_not_datelines),
		cmocka_unit_test(test_dash_far_away_is_not_a_dateline),
		cmocka_unit_test(test_controls_inside_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
