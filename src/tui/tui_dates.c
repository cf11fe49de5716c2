/*
 * tui_dates.c: dates as people read them: stored dates are ISO 8601 (often
 * UTC, "2019-11-18T18:54:53.000Z"); the interface shows them in local time
 * through the user's strftime format (datetime-format, list-date-format).
 */
#include "tui_app.h"
#include "decode.h"
#include "model.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

long long tui_parse_iso(const char *s, int *has_time)
{
	struct moment m;
	*has_time = 0;
	/* stored dates are the parsers' ISO text; the one date parser reads it back */
	if (date_read(s, &m) || !moment_known(m))
		return 0;
	*has_time = m.precision == DATE_TIME;
	return m.time;
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
