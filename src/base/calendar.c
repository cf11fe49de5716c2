/*
 * calendar.c: the proleptic Gregorian calendar every date reader shares (the
 * feed and page date parser in src/decode, the dateline grammar, the store's
 * date filters): month names, month lengths, and days since 1970 without
 * timegm(), which is neither C11 nor POSIX and reads the process's zone state.
 */
#include "base.h"

#include <ctype.h>
#include <string.h>

static const char *const month_names[12] = {"january", "february", "march",     "april",   "may",      "june",
                                            "july",    "august",   "september", "october", "november", "december"};

const char *calendar_month_name(int month) { return month >= 1 && month <= 12 ? month_names[month - 1] : ""; }

int calendar_month(const char *w, size_t len)
{
	if (len < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t nl = strlen(month_names[m]), i = 0;
		while (i < len && i < nl && tolower((unsigned char)w[i]) == month_names[m][i])
			i++;
		if (i == len)
			return m + 1;
	}
	return 0;
}

int calendar_leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int calendar_month_days(long long y, int m)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && calendar_leap(y) ? 29 : n[m - 1];
}

/* Howard Hinnant's days_from_civil: exact for every year, no table, no zone. */
long long calendar_days(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void calendar_civil(long long days, long long *y, int *m, int *d)
{
	days += 719468;
	long long era = (days >= 0 ? days : days - 146096) / 146097;
	long long doe = days - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

long long calendar_time(long long y, int m, int d, int h, int mi, int s)
{
	return calendar_days(y, m, d) * 86400 + (long long)h * 3600 + (long long)mi * 60 + s;
}
