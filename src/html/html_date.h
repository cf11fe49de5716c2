/*
 * html_date.h: finding the dates web pages write, as ISO 8601 text. The
 * html stage only finds where a date is written; reading it (which day, is it
 * a real one) is the one date parser's (decode.h date_parse_forms(), then
 * date_read() for its time).
 */
#ifndef DATELINE_HTML_DATE_H
#define DATELINE_HTML_DATE_H

#include <libxml/tree.h>
#include <stddef.h>

/*
 * Normalises a date as written in metadata ("2018-04-05T06:00",
 * "Thu, 05 Apr 2018 06:00:00 GMT", "April 5, 2018", "2018/04/05") to ISO 8601
 * in out (cap >= 11): the full timestamp when given as ISO, else YYYY-MM-DD;
 * failing those, the first whole date among other words (html_date_find()).
 * Years 1900-2200. Returns 0, or -1 when it is not a date.
 */
int html_date_iso(const char *in, char *out, size_t cap);

/* 1 when text is a date and nothing else ("March 17, 2025", "Updated 10:05 am"). */
int html_date_only(const char *text);

/*
 * The page's own publication date, normalised into out: itemprop
 * datePublished, <time pubdate>, the first <time datetime> under root, a
 * date written in a small element named like a date or byline, a date in
 * url's path (url may be NULL), a date on a short line under the <h1>.
 * 0, or -1 when there is none.
 */
int html_date_in_page(xmlNode *root, const char *url, char *out, size_t cap);

/*
 * The first whole date written in text ("25.08.2015", "5. Januar 2020",
 * "January 5, 2020", "5 de enero de 2020", "2020-01-05"; month names in
 * English, German, French, Spanish, Italian, Portuguese, Dutch and Polish)
 * as YYYY-MM-DD in out (cap >= 11). 0, or -1 when text holds none.
 */
int html_date_find(const char *text, char *out, size_t cap);

/*
 * Where the html stage finds a date and the one date parser (decode.h
 * date_parse_forms() with the page forms) reads it: the whole day written in
 * s[0..len), as YYYY-MM-DD in out (cap >= 11) when its year is one of
 * first_year..last_year. 0, or -1 when s[0..len) is no such date.
 */
int html_date_day(const char *s, size_t len, int first_year, int last_year, char *out, size_t cap);
/* The years a date written in a page's text may name: older or later ones are something else. */
#define NEWS_FIRST_YEAR 1990
#define NEWS_LAST_YEAR 2100

/* The length of a numeric date at s ("25.08.2015", "2018/4/5": three runs of
 * digits between two of one separator of ". / -"), else 0. */
size_t html_date_numeric_len(const char *s);

#endif
