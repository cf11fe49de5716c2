/*
 * tui_dates.c: dates as people read them: stored dates are ISO 8601 (often
 * UTC, "2019-11-18T18:54:53.000Z"); the interface shows them in local time
 * through the user's strftime format (datetime-format, list-date-format).
 */
#include "tui_app.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), without the C library's time zone. */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Reads n digits at s into *v; 0 when they are not all digits. */
static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

long long tui_parse_iso(const char *s, int *has_time)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	*has_time = 0;
	if (!s || strlen(s) < 10 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
	    !digits(s + 8, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	const char *p = s + 10;
	long long off = 0;
	if ((*p == 'T' || *p == ' ') && digits(p + 1, 2, &h) && p[3] == ':' && digits(p + 4, 2, &mi)) {
		*has_time = 1;
		p += 6;
		if (*p == ':' && digits(p + 1, 2, &se))
			p += 3;
		if (*p == '.' || *p == ',')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		int oh, om;
		if ((*p == '+' || *p == '-') && digits(p + 1, 2, &oh)) {
			const char *q = p + 3;
			if (*q == ':')
				q++;
			om = digits(q, 2, &om) ? om : 0;
			off = (*p == '+' ? 1 : -1) * (oh * 3600LL + om * 60LL);
		}
	}
	return days_from_civil(y, mo, d) * 86400 + h * 3600LL + mi * 60LL + se - off;
}

void tui_format_time(long long t, const char *fmt, char *out, size_t cap)
{
	time_t tt = (time_t)t;
	struct tm tm;
	out[0] = 0;
	if (!t || !localtime_r(&tt, &tm) || !strftime(out, cap, fmt, &tm))
		out[0] = 0;
}

void tui_format_day(const char *published, long long fallback, const char *fmt, char *out, size_t cap)
{
	int has_time = 0;
	long long t = tui_parse_iso(published, &has_time);
	if (t && !has_time)
		t += 12 * 3600; /* noon UTC is the same day in every zone people live in */
	tui_format_time(t ? t : fallback, fmt, out, cap);
}
