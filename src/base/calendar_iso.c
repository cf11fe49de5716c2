/*
 * calendar_iso.c: ISO 8601 dates to fields, and fields to a UTC time (see
 * base.h). The ISO part of decode's date_parse(), kept here so that the store
 * reads its stored ISO text back with the very same code.
 */
#include "base.h"

#include <string.h>

/* Reads up to max digits at *p; returns the count read (value in *v). */
static int digits(const char **p, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && ascii_isdigit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

int calendar_zone_read(const char *p, int *minutes)
{
	int h, m = 0;
	if ((*p == 'Z' || *p == 'z') && !p[1]) {
		*minutes = 0;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	int sign = *p++ == '-' ? -1 : 1;
	int n = digits(&p, 2, &h);
	if (n == 0)
		return -1;
	if (*p == ':')
		p++;
	if (*p && digits(&p, 2, &m) != 2)
		return -1;
	if (*p || h > 23 || m > 59 || (n == 1 && m))
		return -1;
	*minutes = sign * (h * 60 + m);
	return 0;
}

int calendar_fields_time(const struct date_fields *t, int64_t *time)
{
	*time = DATE_UNKNOWN;
	if (t->precision == DATE_NONE || t->month < 1 || t->month > 12 || t->hour < 0 || t->hour > 23 ||
	    t->minute < 0 || t->minute > 59 || t->second < 0 || t->second > 60)
		return -1;
	if (t->precision == DATE_NO_YEAR) /* a leap year's calendar: 29 February happens */
		return t->day >= 1 && t->day <= calendar_month_days(2000, t->month) ? 0 : -1;
	if (t->year < 1 || t->year > 9999 || t->day < 1 || t->day > calendar_month_days(t->year, t->month))
		return -1;
	*time = calendar_time(t->year, t->month, t->day, t->hour, t->minute, t->second == 60 ? 59 : t->second) -
	        (long long)t->offset * 60;
	return 0;
}

/* Day d of year y (1-366) as month and day; -1 when the year has no such day. */
static int ordinal_day(struct date_fields *t, int d)
{
	if (d < 1 || d > 365 + calendar_leap(t->year))
		return -1;
	for (t->month = 1; d > calendar_month_days(t->year, t->month); t->month++)
		d -= calendar_month_days(t->year, t->month);
	t->day = d;
	t->precision = DATE_DAY;
	return 0;
}

/* "-YYMM", "-YY-MM", "-YY" (two-digit years in this century) and the year-less "--MM-DD", "--MMDD". */
static int read_dashed(const char **pp, struct date_fields *t)
{
	const char *p = *pp + 1;
	int v;
	if (*p == '-') {
		p++;
		if (digits(&p, 2, &t->month) != 2)
			return -1;
		if (*p == '-')
			p++;
		if (digits(&p, 2, &t->day) != 2)
			return -1;
		t->precision = DATE_NO_YEAR;
		*pp = p;
		return 0;
	}
	if (digits(&p, 2, &v) != 2)
		return -1;
	t->year = 2000 + v;
	t->precision = DATE_YEAR;
	if (*p == '-')
		p++;
	if (*p) {
		if (digits(&p, 2, &t->month) != 2)
			return -1;
		t->precision = DATE_MONTH;
	}
	*pp = p;
	return 0;
}

/* The calendar date: extended ("2024-07-24", "2024-206", "24-07-24", "XXXX-07-24") or basic ("20240724", "2024206"). */
static int read_date(const char **pp, struct date_fields *t)
{
	const char *p = *pp, *s = p;
	int v, n;
	if (*p == '-')
		return read_dashed(pp, t);
	if (!strncmp(p, "XXXX-", 5) && ascii_isdigit((unsigned char)p[5])) { /* year unknown, as EDTF writes it */
		p += 5;
		if (digits(&p, 2, &t->month) != 2 || *p++ != '-' || digits(&p, 2, &t->day) != 2)
			return -1;
		t->precision = DATE_NO_YEAR;
	} else if ((n = digits(&p, 8, &v)) == 4 || (n == 2 && *p == '-')) {
		t->year = n == 2 ? 2000 + v : v;
		t->precision = DATE_YEAR;
		if (*p == '-' && ascii_isdigit((unsigned char)p[1])) {
			p++;
			int m = digits(&p, 3, &v);
			if (m == 3 && *p != '-') {
				if (ordinal_day(t, v))
					return -1;
			} else {
				t->month = v;
				t->precision = DATE_MONTH;
				if (*p == '-' && ascii_isdigit((unsigned char)p[1])) {
					p++;
					digits(&p, 2, &t->day);
					t->precision = DATE_DAY;
				}
			}
		}
	} else if (n >= 5 && n <= 8) { /* basic: YYYYMMDD, YYMMDD; ordinal YYYYDDD, YYDDD */
		int k = n >= 7 ? 4 : 2;
		p = s;
		digits(&p, k, &t->year);
		t->year += k == 2 ? 2000 : 0;
		if (n % 2) {
			digits(&p, 3, &v);
			if (ordinal_day(t, v))
				return -1;
		} else {
			digits(&p, 2, &t->month);
			digits(&p, 2, &t->day);
			t->precision = DATE_DAY;
		}
	} else {
		return -1;
	}
	*pp = p;
	return 0;
}

/* "HH:MM[:SS[.fff]]" and an optional zone, to the end of the text. */
static int read_time(const char *p, struct date_fields *t)
{
	if (digits(&p, 2, &t->hour) == 0 || *p != ':')
		return -1;
	p++;
	if (digits(&p, 2, &t->minute) != 2)
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &t->second) != 2)
			return -1;
		if (*p == '.' || *p == ',') /* fractions of a second: the time is kept to the second */
			for (p++; ascii_isdigit((unsigned char)*p); p++)
				;
	}
	while (*p == ' ')
		p++;
	if (t->precision != DATE_NO_YEAR) /* a time of a year-less day is still only that day */
		t->precision = DATE_TIME;
	if (!*p)
		return 0;
	char tz[16];
	size_t l = strlen(p);
	while (l && p[l - 1] == ' ')
		l--;
	if (l >= sizeof tz)
		return -1;
	memcpy(tz, p, l);
	tz[l] = '\0';
	return calendar_zone_read(tz, &t->offset);
}

int calendar_iso_read(const char *s, struct date_fields *t)
{
	const char *p = s;
	int64_t time;
	memset(t, 0, sizeof *t);
	t->month = t->day = 1;
	while (*p == ' ')
		p++;
	int rc = read_date(&p, t);
	if (!rc && (*p == 'T' || *p == 't' || *p == ' ') && ascii_isdigit((unsigned char)p[1])) {
		for (p++; *p == ' '; p++)
			;
		rc = read_time(p, t);
		p += strlen(p);
	}
	while (!rc && *p == ' ')
		p++;
	if (rc || *p || calendar_fields_time(t, &time)) {
		memset(t, 0, sizeof *t); /* DATE_NONE */
		return -1;
	}
	return 0;
}
