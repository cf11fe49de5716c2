/*
 * tui_dates.c: dates as people read them: stored dates are ISO 8601 (often
 * UTC, "2019-11-18T18:54:53.000Z"); the interface shows them in local time
 * through the user's strftime format (datetime-format, list-date-format).
 */
#include "tui_app.h"
#include "decode.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

long long tui_parse_iso(const char *s, int *has_time)
{
	char utc[FEED_DATE_LEN + 1];
	struct tm tm = {0};
	*has_time = 0;
	/* the feed stage's reader normalises it ("YYYY-MM-DDTHH:MM:SSZ"); stored dates come from it */
	if (!s || feed_date_parse(s, utc) ||
	    sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	           &tm.tm_sec) != 6)
		return 0;
	*has_time = strlen(s) > 10 && (s[10] == 'T' || s[10] == ' ' || s[10] == 't');
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	return t == (time_t)-1 ? 0 : (long long)t;
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
	if (t && !has_time) {
		/* a date without a time of day is that day everywhere: no zone to convert from */
		time_t tt = (time_t)t;
		struct tm tm;
		out[0] = 0;
		if (!gmtime_r(&tt, &tm) || !strftime(out, cap, fmt, &tm))
			out[0] = 0;
		return;
	}
	tui_format_time(t ? t : fallback, fmt, out, cap);
}
