/*
 * test_date.c: the one date parser (decode.h date_parse(), date_read(),
 * date_format_utc()) and its ISO part in base (calendar_iso_read(),
 * calendar_fields_time()): every form, the precision each gives, real and
 * impossible days, leap days and seconds, time zones, year-less dates.
 * Expected times are written out as numbers (worked out apart from this code).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base.h"
#include "decode.h"
#include "model.h"

#include <string.h>

struct read_case {
	const char *in;
	long long time;                /* UTC seconds; ignored for DATE_NO_YEAR and DATE_NONE */
	enum date_precision precision; /* DATE_NONE: not a date */
};

static void check(const struct read_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct moment m;
		int rc = date_read(c[i].in, &m);
		if (c[i].precision == DATE_NONE) {
			if (rc != -1 || m.precision != DATE_NONE || m.time != DATE_UNKNOWN)
				fail_msg("\"%s\": want no date, got rc %d precision %d time %lld", c[i].in, rc, (int)m.precision,
				         (long long)m.time);
			continue;
		}
		if (rc || m.precision != c[i].precision)
			fail_msg("\"%s\": want precision %d, got rc %d precision %d", c[i].in, (int)c[i].precision, rc,
			         (int)m.precision);
		long long want = c[i].precision == DATE_NO_YEAR ? (long long)DATE_UNKNOWN : c[i].time;
		if (m.time != want)
			fail_msg("\"%s\": want time %lld, got %lld", c[i].in, want, (long long)m.time);
	}
}

static void test_iso_forms(void **state)
{
	(void)state;
	static const struct read_case c[] = {
		{"2024", 1704067200LL, DATE_YEAR},
		{"2024-07", 1719792000LL, DATE_MONTH},
		{"2024-07-24", 1721779200LL, DATE_DAY},
		{"20240724", 1721779200LL, DATE_DAY},
		{"240724", 1721779200LL, DATE_DAY},          /* YYMMDD: this century */
		{"24-07-24", 1721779200LL, DATE_DAY},
		{"-24", 1704067200LL, DATE_YEAR},
		{"-2407", 1719792000LL, DATE_MONTH},
		{"-24-07", 1719792000LL, DATE_MONTH},
		{"2024-206", 1721779200LL, DATE_DAY},        /* ordinal: day 206 of a leap year */
		{"2024206", 1721779200LL, DATE_DAY},
		{"2024-366", 1735603200LL, DATE_DAY},
		{"2025-03-04T09:30:00Z", 1741080600LL, DATE_TIME},
		{"2025-03-04T09:30Z", 1741080600LL, DATE_TIME},
		{"2025-03-04 09:30:00", 1741080600LL, DATE_TIME},  /* no zone: UTC */
		{"2025-03-04t09:30:00z", 1741080600LL, DATE_TIME},
		{"2025-03-04T09:30:00.999999Z", 1741080600LL, DATE_TIME}, /* kept to the second */
		{"2025-03-04T09:30:00,5Z", 1741080600LL, DATE_TIME},
		{"  2025-03-04T09:30:00Z  ", 1741080600LL, DATE_TIME},
	};
	check(c, sizeof c / sizeof *c);
}

static void test_time_zones(void **state)
{
	(void)state;
	static const struct read_case c[] = {
		{"2025-03-04T09:30:00+05:30", 1741060800LL, DATE_TIME},
		{"2025-03-04T09:30:00+0530", 1741060800LL, DATE_TIME},
		{"2025-03-04T14:30:00+05", 1741080600LL, DATE_TIME},
		{"2025-03-04T04:30:00-05:00", 1741080600LL, DATE_TIME},
		{"Tue, 04 Mar 2025 09:30:00 +0000", 1741080600LL, DATE_TIME},
		{"Tue, 04 Mar 2025 09:30:00 GMT", 1741080600LL, DATE_TIME},
		{"Tue, 04 Mar 2025 09:30:00 PST", 1741109400LL, DATE_TIME},    /* -8 */
		{"Tue, 04 Mar 2025 04:30:00 EST", 1741080600LL, DATE_TIME},    /* -5 */
		{"Tue, 04 Mar 2025 10:30:00 CET", 1741080600LL, DATE_TIME},    /* +1 */
		{"Tue, 04 Mar 2025 10:30:00 GMT+01:00", 1741080600LL, DATE_TIME},
		{"Tue, 04 Mar 2025 10:30:00 Etc/GMT+01", 1741080600LL, DATE_TIME},
		{"Tue, 04 Mar 2025 09:30:00 XYZT", 1741080600LL, DATE_TIME},   /* an unknown name: UTC */
		{"Tue, 04 Mar 2025 23:30:00 -0330", 1741143600LL, DATE_TIME},  /* the next day in UTC */
		{"Tue, 04 Mar 2025 09:30:00 +0000 (UTC)", 1741080600LL, DATE_TIME},
		{"2025-03-04T09:30:00+24:00", 0, DATE_NONE},
		{"2025-03-04T09:30:00+05:60", 0, DATE_NONE},
		{"2025-03-04T09:30:00+5:30", 0, DATE_NONE},
		{"Tue, 04 Mar 2025 09:30:00 +01x0", 0, DATE_NONE},
	};
	check(c, sizeof c / sizeof *c);
}

static void test_word_forms(void **state)
{
	(void)state;
	static const struct read_case c[] = {
		{"Tue, 04 Mar 2025 09:30:00", 1741080600LL, DATE_TIME},
		{"Tue, 04 Mar 2025", 1741046400LL, DATE_DAY},
		{"4 March 2025", 1741046400LL, DATE_DAY},
		{"4th March 2025", 1741046400LL, DATE_DAY},
		{"March 4, 2025", 1741046400LL, DATE_DAY},
		{"Mar. 4, 2025", 1741046400LL, DATE_DAY},
		{"Sept. 1, 2024", 1725148800LL, DATE_DAY},
		{"Tuesday, March 4th, 2025", 1741046400LL, DATE_DAY},
		{"March 2025", 1740787200LL, DATE_MONTH},
		{"Tue Mar  4 09:30:00 2025", 1741080600LL, DATE_TIME},            /* asctime */
		{"Tue Mar 04 2025 09:30:00 -0500", 1741098600LL, DATE_TIME},      /* JavaScript */
		{"2025/03/04 09:30:00", 1741080600LL, DATE_TIME},                 /* Perforce */
		{"Τρι, 04 Μάρ 2025 09:30:00 GMT", 1741080600LL, DATE_TIME},       /* Greek */
		{"2025-március-04T09:30+00:00", 1741080600LL, DATE_TIME},         /* Hungarian */
		{"2025년 03월 04일 18:30:00", 1741080600LL, DATE_TIME},           /* OnBlog, Korea time */
		{"2025-03-04 오후 06:30:00", 1741080600LL, DATE_TIME},            /* Nate */
		{"Tue, 04 Mar 99 09:30:00 GMT", 920539800LL, DATE_TIME},          /* two-digit year >= 50: 1900s */
		{"yesterday", 0, DATE_NONE},
		{"March", 0, DATE_NONE},
		{"4 Mrz 2025", 0, DATE_NONE},
		{"", 0, DATE_NONE},
		{NULL, 0, DATE_NONE},
	};
	check(c, sizeof c / sizeof *c);
}

static void test_year_less(void **state)
{
	(void)state;
	static const struct read_case c[] = {
		{"--07-24", 0, DATE_NO_YEAR},
		{"--0724", 0, DATE_NO_YEAR},
		{"XXXX-07-24", 0, DATE_NO_YEAR}, /* the dateline's written form */
		{"July 24", 0, DATE_NO_YEAR},
		{"Jul. 24th", 0, DATE_NO_YEAR},
		{"24 July", 0, DATE_NO_YEAR},
		{"Monday, July 24", 0, DATE_NO_YEAR},
		{"--02-29", 0, DATE_NO_YEAR}, /* some year has it */
		{"Feb. 29", 0, DATE_NO_YEAR},
		{"--02-30", 0, DATE_NONE},    /* no year has it */
		{"Feb. 30", 0, DATE_NONE},
		{"--13-01", 0, DATE_NONE},
		{"April 31", 0, DATE_NONE},
		{"XXXX-7-24", 0, DATE_NONE},
	};
	check(c, sizeof c / sizeof *c);
	/* the fields as written: month and day, no year */
	struct date_fields t;
	assert_int_equal(date_parse("Jul. 24th", &t), 0);
	assert_int_equal(t.precision, DATE_NO_YEAR);
	assert_int_equal(t.year, 0);
	assert_int_equal(t.month, 7);
	assert_int_equal(t.day, 24);
	/* year-less has no normal form with a year */
	char out[FEED_DATE_LEN + 1];
	assert_int_equal(feed_date_parse("July 24", out), -1);
	assert_string_equal(out, "");
}

static void test_impossible_and_leap(void **state)
{
	(void)state;
	static const struct read_case c[] = {
		{"2024-02-29", 1709164800LL, DATE_DAY},          /* divisible by 4 */
		{"2000-02-29T12:00:00Z", 951825600LL, DATE_TIME}, /* divisible by 400 */
		{"2023-02-29", 0, DATE_NONE},
		{"1900-02-29", 0, DATE_NONE},                    /* divisible by 100 only */
		{"Thu, 29 Feb 2024 00:00:00 GMT", 1709164800LL, DATE_TIME},
		{"Sun, 29 Feb 2025 00:00:00 GMT", 0, DATE_NONE},
		{"2023-365", 1703980800LL, DATE_DAY},
		{"2023-366", 0, DATE_NONE},
		{"2025-04-31", 0, DATE_NONE},
		{"2025-13-01", 0, DATE_NONE},
		{"2025-00-10", 0, DATE_NONE},
		{"2025-01-00", 0, DATE_NONE},
		{"2025-03-04T24:00:00Z", 0, DATE_NONE},
		{"2025-03-04T23:60:00Z", 0, DATE_NONE},
		{"2016-12-31T23:59:60Z", 1483228799LL, DATE_TIME}, /* a leap second counts as the one before */
		{"2016-12-31T23:59:61Z", 0, DATE_NONE},
		{"0000-01-01", 0, DATE_NONE},
		{"9999-12-31T23:59:59Z", 253402300799LL, DATE_TIME},
		{"0001-01-01", -62135596800LL, DATE_DAY},
		{"1969-12-31T23:59:59Z", -1, DATE_TIME},  /* before 1970: negative, still known */
		{"2025-03-04T09:30:00Z and more", 0, DATE_NONE},
		{"2025-3x-04", 0, DATE_NONE},
		{"2025-03-04T9", 0, DATE_NONE},
	};
	check(c, sizeof c / sizeof *c);
}

/* Base's ISO reader is the parser's ISO part: they agree, and it keeps the fields as written. */
static void test_iso_in_base(void **state)
{
	(void)state;
	static const char *const same[] = {
		"2024", "2024-07", "2024-07-24", "2024-206", "20240724", "--07-24", "XXXX-07-24",
		"2025-03-04T09:30:00.5+05:30", "2025-03-04 09:30", "2023-02-29", "2025-03-04T24:00Z", "July 24",
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		struct date_fields a, b;
		int ra = calendar_iso_read(same[i], &a), rb = date_parse(same[i], &b);
		if (strchr(same[i], 'J')) { /* words are the decode stage's, not base's */
			assert_int_equal(ra, -1);
			assert_int_equal(rb, 0);
			continue;
		}
		assert_int_equal(ra, rb);
		assert_int_equal(a.precision, b.precision);
		assert_memory_equal(&a, &b, sizeof a);
	}
	struct date_fields t;
	assert_int_equal(calendar_iso_read("2025-03-04T09:30:07+05:30", &t), 0);
	assert_int_equal(t.year, 2025);
	assert_int_equal(t.month, 3);
	assert_int_equal(t.day, 4);
	assert_int_equal(t.hour, 9); /* as written, not converted */
	assert_int_equal(t.minute, 30);
	assert_int_equal(t.second, 7);
	assert_int_equal(t.offset, 330);
	int64_t time;
	assert_int_equal(calendar_fields_time(&t, &time), 0);
	assert_true(time == 1741060800LL + 7);
	int off;
	assert_int_equal(calendar_zone_read("-03:30", &off), 0);
	assert_int_equal(off, -210);
	assert_int_equal(calendar_zone_read("Z", &off), 0);
	assert_int_equal(off, 0);
	assert_int_equal(calendar_zone_read("Zulu", &off), -1);
	struct date_fields none = {0};
	assert_int_equal(calendar_fields_time(&none, &time), -1);
	assert_true(time == DATE_UNKNOWN);
}

struct fields_case {
	const char *in;
	int year, month, day, hour, minute;
	enum date_precision precision; /* DATE_NONE: not a date in the page forms either */
	int feed;                      /* 1 when date_parse() (a feed's date) reads it too */
};

/* The forms only pages write: read by date_parse_forms(DATE_FORMS_PAGE), left to feeds' date_parse() as feedparser leaves them. */
static void test_page_forms(void **state)
{
	(void)state;
	static const struct fields_case c[] = {
		{"2015.08.25", 2015, 8, 25, 0, 0, DATE_DAY, 0},
		{"2018/4/5", 2018, 4, 5, 0, 0, DATE_DAY, 1}, /* Perforce's form, which feeds read already */
		{"2018-4-5", 2018, 4, 5, 0, 0, DATE_DAY, 1}, /* ISO's reader is lenient here */
		{"20180405", 2018, 4, 5, 0, 0, DATE_DAY, 1}, /* ISO's basic form */
		{"25.08.2015", 2015, 8, 25, 0, 0, DATE_DAY, 0},
		{"5/8/2015", 2015, 8, 5, 0, 0, DATE_DAY, 0},   /* day first (a feed read it as the year 5 once) */
		{"8/25/2015", 2015, 8, 25, 0, 0, DATE_DAY, 0},  /* month first where day first cannot be */
		{"25-08-2015", 2015, 8, 25, 0, 0, DATE_DAY, 0},
		{"08-25-2015", 0, 0, 0, 0, 0, DATE_NONE, 0},    /* month first only with "/" */
		{"22.06.2018 10:20", 2018, 6, 22, 10, 20, DATE_TIME, 0},
		{"Mon, 22.06.2018", 2018, 6, 22, 0, 0, DATE_DAY, 0},
		{"29.02.2020", 2020, 2, 29, 0, 0, DATE_DAY, 0},
		{"29.02.2021", 0, 0, 0, 0, 0, DATE_NONE, 0},    /* no leap year */
		{"31.04.2020", 0, 0, 0, 0, 0, DATE_NONE, 0},
		{"13/13/2020", 0, 0, 0, 0, 0, DATE_NONE, 0},
		{"25.08.15", 0, 0, 0, 0, 0, DATE_NONE, 0},      /* a two-digit year is no page's numeric date */
		{"2015-08/25", 0, 0, 0, 0, 0, DATE_NONE, 0},    /* two separators */
		{"1.2.3", 0, 0, 0, 0, 0, DATE_NONE, 0},
		{"123.4.2015", 0, 0, 0, 0, 0, DATE_NONE, 0},
		{"25.08.2015x", 0, 0, 0, 0, 0, DATE_NONE, 0},
		{"5 Mai 2020", 2020, 5, 5, 0, 0, DATE_DAY, 0},
		{"3 M\xC3\xA4rz 2020", 2020, 3, 3, 0, 0, DATE_DAY, 0},
		{"7 f\xC3\xA9vrier 2021", 2021, 2, 7, 0, 0, DATE_DAY, 0},
		{"12 enero 2023", 2023, 1, 12, 0, 0, DATE_DAY, 0},
		{"4 pa\xC5\xBA" "dziernika 2022", 2022, 10, 4, 0, 0, DATE_DAY, 0},
		{"1 J\xC3\xA4nner 2013", 2013, 1, 1, 0, 0, DATE_DAY, 0},
		{"giugno 2 2019", 2019, 6, 2, 0, 0, DATE_DAY, 0},
		{"5 Sept. 2019", 2019, 9, 5, 0, 0, DATE_DAY, 1},
		{"5 Mai", 0, 5, 5, 0, 0, DATE_NO_YEAR, 0},
		{"31 Mai 2021", 2021, 5, 31, 0, 0, DATE_DAY, 0},
		{"31 juin 2021", 0, 0, 0, 0, 0, DATE_NONE, 0},
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct date_fields t, f;
		int rc = date_parse_forms(c[i].in, DATE_FORMS_PAGE, &t);
		int frc = date_parse(c[i].in, &f);
		if (c[i].precision == DATE_NONE) {
			if (rc != -1 || t.precision != DATE_NONE)
				fail_msg("\"%s\": want no date, got %04d-%02d-%02d", c[i].in, t.year, t.month, t.day);
		} else if (rc || t.precision != c[i].precision || t.year != c[i].year || t.month != c[i].month ||
		           t.day != c[i].day || t.hour != c[i].hour || t.minute != c[i].minute) {
			fail_msg("\"%s\": want %04d-%02d-%02d %02d:%02d precision %d, got rc %d %04d-%02d-%02d %02d:%02d precision %d",
			         c[i].in, c[i].year, c[i].month, c[i].day, c[i].hour, c[i].minute, (int)c[i].precision, rc,
			         t.year, t.month, t.day, t.hour, t.minute, (int)t.precision);
		}
		if ((frc == 0) != c[i].feed)
			fail_msg("\"%s\": a feed's date_parse() %s it", c[i].in, frc ? "does not read" : "reads");
	}
	/* each form alone */
	struct date_fields t;
	assert_int_equal(date_parse_forms("25.08.2015", DATE_MONTHS_EUROPE, &t), -1);
	assert_int_equal(date_parse_forms("25.08.2015", DATE_NUMERIC_ANY, &t), 0);
	assert_int_equal(date_parse_forms("5 Mai 2020", DATE_NUMERIC_ANY, &t), -1);
	assert_int_equal(date_parse_forms("5 Mai 2020", DATE_MONTHS_EUROPE, &t), 0);
	assert_int_equal(date_parse_forms(NULL, DATE_FORMS_PAGE, &t), -1);
}

static void test_month_names(void **state)
{
	(void)state;
	static const struct {
		const char *w;
		int month;
	} c[] = {
		{"January", 1}, {"Sept", 9}, {"sep", 9}, {"M\xC3\xA4rz", 3}, {"Mrz", 3}, {"J\xC3\xA4nner", 1},
		{"\xC3\x84pril", 0}, {"ao\xC3\xBBt", 8}, {"Oktober", 10}, {"dic", 12}, {"maio", 5}, {"Mei", 5},
		{"stycznia", 1}, {"pa\xC5\xBA" "dziernika", 10}, {"grudzie\xC5\x84", 12}, {"Mon", 0}, {"de", 0},
		{"Monday", 0}, {"ma", 0},
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		if (date_month_name(c[i].w, strlen(c[i].w)) != c[i].month)
			fail_msg("\"%s\": want month %d, got %d", c[i].w, c[i].month, date_month_name(c[i].w, strlen(c[i].w)));
}

static void test_format(void **state)
{
	(void)state;
	char out[FEED_DATE_LEN + 1];
	assert_int_equal(date_format_utc(1741080600LL, out), 0);
	assert_string_equal(out, "2025-03-04T09:30:00Z");
	assert_int_equal(date_format_utc(-1, out), 0);
	assert_string_equal(out, "1969-12-31T23:59:59Z");
	assert_int_equal(date_format_utc(253402300799LL, out), 0);
	assert_string_equal(out, "9999-12-31T23:59:59Z");
	assert_int_equal(date_format_utc(253402300800LL, out), -1); /* year 10000 */
	assert_string_equal(out, "");
	assert_int_equal(date_format_utc(DATE_UNKNOWN, out), -1);
	/* a day given with an offset that moves it past the last writable year */
	assert_int_equal(feed_date_parse("9999-12-31T23:00:00-05:00", out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_forms),   cmocka_unit_test(test_time_zones),
		cmocka_unit_test(test_word_forms),  cmocka_unit_test(test_year_less),
		cmocka_unit_test(test_impossible_and_leap), cmocka_unit_test(test_iso_in_base),
		cmocka_unit_test(test_format),      cmocka_unit_test(test_page_forms),
		cmocka_unit_test(test_month_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
