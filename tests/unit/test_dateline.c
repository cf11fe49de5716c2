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

static void test_no_year_no_published_gives_no_date(void **state)
{
	(void)state;
	check(&(struct expect){"MOSCOW, March 17 (Reuters) - The Kremlin said.", NULL,
	                       "Moscow", "", "Reuters", "MOSCOW, March 17 (Reuters) -"});
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
		"afrol News - Even the architect thought it was a joke.",
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
		cmocka_unit_test(test_no_year_no_published_gives_no_date),
		cmocka_unit_test(test_title_case_agency),
		cmocka_unit_test(test_place_with_state),
		cmocka_unit_test(test_caps_place_only),
		cmocka_unit_test(test_multiword_and_hyphen),
		cmocka_unit_test(test_day_month_order_and_double_hyphen),
		cmocka_unit_test(test_city_country_and_plain_hyphen),
		cmocka_unit_test(test_not_datelines),
		cmocka_unit_test(test_dash_far_away_is_not_a_dateline),
		cmocka_unit_test(test_controls_inside_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
