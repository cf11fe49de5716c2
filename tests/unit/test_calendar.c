/* test_calendar.c: the calendar every date reader shares (base.h calendar_*), and the readers agreeing through it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base.h"
#include "decode.h"
#include "store_int.h"

#include <string.h>

static void test_days_and_times(void **state)
{
	(void)state;
	assert_true(calendar_time(1970, 1, 1, 0, 0, 0) == 0);
	assert_true(calendar_time(2000, 2, 29, 0, 0, 0) == 951782400LL);
	assert_true(calendar_time(2038, 1, 19, 3, 14, 8) == 2147483648LL); /* past 32 bits */
	assert_true(calendar_time(1969, 12, 31, 23, 59, 59) == -1);
	/* a day past the month's end runs on, as timegm() does */
	assert_true(calendar_days(2023, 2, 31) == calendar_days(2023, 3, 3));
	assert_int_equal(calendar_month_days(1900, 2), 28);
	assert_int_equal(calendar_month_days(2000, 2), 29);
	assert_int_equal(calendar_month_days(2024, 13), 0);
	/* calendar_civil undoes calendar_days across four centuries */
	for (long long z = -150000; z < 150000; z += 97) {
		long long y;
		int m, d;
		calendar_civil(z, &y, &m, &d);
		assert_true(calendar_days(y, m, d) == z);
		assert_true(d >= 1 && d <= calendar_month_days(y, m));
	}
}

static void test_month_names(void **state)
{
	(void)state;
	assert_int_equal(calendar_month("Sept", 4), 9);
	assert_int_equal(calendar_month("JUN", 3), 6);
	assert_int_equal(calendar_month("december", 8), 12);
	assert_int_equal(calendar_month("ju", 2), 0);   /* two letters name no month */
	assert_int_equal(calendar_month("junk", 4), 0); /* not a prefix */
	assert_int_equal(calendar_month("Mayday", 6), 0);
	assert_string_equal(calendar_month_name(7), "july");
	assert_string_equal(calendar_month_name(0), "");
}

/* A feed's date, normalised by the decode stage, is the same instant when the store reads it back. */
static void test_feed_and_store_agree(void **state)
{
	(void)state;
	static const char *const dates[] = {
		"Wed, 24 Jul 2024 10:00:00 +0200", "2024-02-29T23:30:00-05:00", "Sun, 06 Dec 2026 21:10:06 GMT",
		"1999-12-31T23:59:60Z",
	};
	static const long long want[] = {1721808000LL, 1709267400LL, 1796591406LL, 946684799LL};
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		char utc[FEED_DATE_LEN + 1];
		assert_int_equal(feed_date_parse(dates[i], utc), 0);
		assert_true(store_moment(utc).time == want[i]);
		struct moment m;
		assert_int_equal(date_read(dates[i], &m), 0);
		assert_true(m.time == want[i]);
	}
	/* the store reads the page forms too: a bare day, an offset without a colon */
	assert_true(store_moment("2024-07-24").time == calendar_time(2024, 7, 24, 0, 0, 0));
	assert_int_equal(store_moment("2024-07-24").precision, DATE_DAY);
	assert_true(store_moment("2024-07-24T10:00+0200").time == calendar_time(2024, 7, 24, 8, 0, 0));
	assert_int_equal(store_moment("2024-13-01").precision, DATE_NONE);
	assert_true(store_moment("2024-13-01").time == DATE_UNKNOWN);
	assert_int_equal(store_moment("XXXX-07-24").precision, DATE_NO_YEAR); /* a dateline's year-less day */
	assert_int_equal(store_moment(NULL).precision, DATE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_and_times),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_feed_and_store_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
