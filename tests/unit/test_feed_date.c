/* test_feed_date.c: feed_date_parse() on the date forms feeds write. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decode.h"

#include <string.h>

struct date_case {
	const char *in, *want; /* want NULL: unparseable */
};

static void check(const struct date_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char out[FEED_DATE_LEN + 1];
		int rc = feed_date_parse(c[i].in, out);
		if (c[i].want ? (rc || strcmp(out, c[i].want)) : rc != -1)
			fail_msg("\"%s\": want %s, got %s (rc %d)", c[i].in, c[i].want ? c[i].want : "none", out, rc);
	}
}

static void test_rfc822(void **state)
{
	(void)state;
	static const struct date_case c[] = {
		{"Tue, 04 Mar 2025 09:30:00 +0100", "2025-03-04T08:30:00Z"},
		{"Tue, 04 Mar 2025 09:30:00 GMT", "2025-03-04T09:30:00Z"},
		{"4 Mar 2025 09:30 PST", "2025-03-04T17:30:00Z"},
		{"Tuesday, 04 March 2025 23:30:00 -0330", "2025-03-05T03:00:00Z"},
		{"Tue,04 Mar 2025 09:30:00 EDT", "2025-03-04T13:30:00Z"},
		{"Tue, 04 Mar, 2025 09:30:00 UT", "2025-03-04T09:30:00Z"},
		{"Tue, 04 Mar 25 09:30:00 Z", "2025-03-04T09:30:00Z"},
		{"Tue, 04 Mar 2025", "2025-03-04T00:00:00Z"},
		{"Tue, 04 Mar 2025 09:30:00 GMT+02:00", "2025-03-04T07:30:00Z"},
		{"Sat, 31 Dec 2022 23:00:00 -0200", "2023-01-01T01:00:00Z"},
		{"Tue, 04 Mar 2025 09:30:00 CEST", "2025-03-04T07:30:00Z"},
		{"Tue, 04 Mar 2025 09:30:00 +0000 (UTC)", "2025-03-04T09:30:00Z"},
		{"Tue, 32 Mar 2025 09:30:00 GMT", NULL},
		{"Tue, 29 Feb 2025 09:30:00 GMT", NULL},
		{"Tue, 04 Mrz 2025 09:30:00 GMT", NULL},
		{"Tue, 04 Mar 2025 09:30:00 +01x0", NULL},
		{"Tue, 04 Mar 2025 9:30:0:0 GMT", NULL},
	};
	check(c, sizeof c / sizeof *c);
}

static void test_iso8601(void **state)
{
	(void)state;
	static const struct date_case c[] = {
		{"2025-03-04T09:30:00Z", "2025-03-04T09:30:00Z"},
		{"2025-03-04T09:30:00.123456+05:30", "2025-03-04T04:00:00Z"},
		{"2025-03-04T09:30+0100", "2025-03-04T08:30:00Z"},
		{"2025-03-04 09:30:00", "2025-03-04T09:30:00Z"},
		{"2025-03-04t09:30:00z", "2025-03-04T09:30:00Z"},
		{"2025-03-04", "2025-03-04T00:00:00Z"},
		{"2025-03", "2025-03-01T00:00:00Z"},
		{"2025", "2025-01-01T00:00:00Z"},
		{"20250304", "2025-03-04T00:00:00Z"},
		{"2024-366", "2024-12-31T00:00:00Z"},
		{"2024-02-29T23:59:59-00:01", "2024-03-01T00:00:59Z"},
		{"2025-02-29", NULL},
		{"2025-03-04T24:30:00Z", NULL},
		{"2025-03-04T09:30:00+25:00", NULL},
		{"2025-03-04T09:30:00Z and more", NULL},
		{"2025-3x-04", NULL},
		{"", NULL},
		{"yesterday", NULL},
	};
	check(c, sizeof c / sizeof *c);
}

static void test_other_forms(void **state)
{
	(void)state;
	static const struct date_case c[] = {
		{"Tue Mar  4 09:30:00 2025", "2025-03-04T09:30:00Z"},          /* asctime */
		{"Tue Mar 04 09:30:00 +0200 2025", "2025-03-04T07:30:00Z"},    /* Twitter */
		{"Tue Mar 04 2025 09:30:00 -0500", "2025-03-04T14:30:00Z"},    /* JavaScript */
		{"Tue, 2025/03/04 09:30:00 PST", "2025-03-04T17:30:00Z"},      /* Perforce */
		{"Τρι, 04 Μάρ 2025 09:30:00 GMT", "2025-03-04T09:30:00Z"},     /* Greek */
		{"2025-március-04T9:30+01:00", "2025-03-04T08:30:00Z"},        /* Hungarian */
		{"2025년 03월 04일 09:30:00", "2025-03-04T00:30:00Z"},         /* OnBlog, Korea time */
		{"2025-03-04 오전 12:10:00", "2025-03-03T15:10:00Z"},          /* Nate, midnight hour */
		{"2025-03-04 오후 01:10:00", "2025-03-04T04:10:00Z"},
	};
	check(c, sizeof c / sizeof *c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc822),
		cmocka_unit_test(test_iso8601),
		cmocka_unit_test(test_other_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
