/*
 * feed_date.h: the dates feeds and pages write, normalised to UTC.
 *
 * Reads RFC 822 / RFC 2822 and their common breakages (missing seconds or
 * time, two-digit years, full month names, "GMT-01:00", North American zone
 * names, a comma after the month), W3C-DTF / ISO 8601 (with reduced and
 * ordinal forms, fractions and offsets), asctime(), JavaScript's Date
 * string, Perforce's "2006/09/15", and the Greek, Hungarian and Korean
 * (Nate, OnBlog) forms feedparser knows. Reusable by any module (HTML
 * metadata); depends on libc only and keeps no state.
 */
#ifndef DATELINE_FEED_DATE_H
#define DATELINE_FEED_DATE_H

#define FEED_DATE_LEN 20 /* strlen("YYYY-MM-DDTHH:MM:SSZ") */

/*
 * Parses s and writes "YYYY-MM-DDTHH:MM:SSZ" (UTC) and a NUL into
 * out[FEED_DATE_LEN + 1]. Returns 0, or -1 when s is not a date it can read
 * (out is then "").
 */
int feed_date_parse(const char *s, char *out);

#endif
