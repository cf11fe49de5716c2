/*
 * html_date_text.c: dates written out in a page's text, in the languages
 * news is written in: "25.08.2015", "5. Januar 2020", "January 5, 2020",
 * "5 de enero de 2020", "5 stycznia 2020", "2020-01-05".
 *
 * Only whole dates count (a day, a month and a four-digit year): a month
 * and a year alone name no day, and nothing is filled in.
 */
#include "html_date.h"
#include "base.h"
#include "decode.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words that may stand between a date's parts ("5 de enero de 2020", "le 5 mai"). */
static int filler(const char *w, size_t len)
{
	static const char *const words[] = {"de", "del", "of", "the", "th", "st", "nd", "rd", "im", NULL};
	for (const char *const *f = words; *f; f++)
		if (strlen(*f) == len && !strncasecmp(w, *f, len))
			return 1;
	return 0;
}

enum { T_NUM, T_WORD };
struct tok {
	int kind;
	const char *s;
	size_t len;
	int value;  /* T_NUM: the number */
	int clock;  /* T_NUM: part of a time of day ("10:05") */
};

#define MAX_TOKS 64

static int is_letter(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

static int tokenize(const char *text, struct tok *t)
{
	const char *s = text;
	int n = 0;
	while (*s && n < MAX_TOKS) {
		unsigned char c = (unsigned char)*s;
		if (isdigit(c)) {
			const char *b = s;
			while (isdigit((unsigned char)*s))
				s++;
			int clock = *s == ':' || (b > text && b[-1] == ':');
			t[n++] = (struct tok){T_NUM, b, (size_t)(s - b), (s - b) <= 4 ? atoi(b) : -1, clock};
		} else if (is_letter(c)) {
			const char *b = s;
			while (*s && is_letter((unsigned char)*s))
				s++;
			t[n++] = (struct tok){T_WORD, b, (size_t)(s - b), 0, 0};
		} else {
			s++;
		}
	}
	return n;
}

int html_date_day(const char *s, size_t len, int first_year, int last_year, char *out, size_t cap)
{
	char in[128];
	struct date_fields t;
	if (len >= sizeof in)
		return -1;
	memcpy(in, s, len);
	in[len] = '\0';
	if (date_parse_forms(in, DATE_FORMS_PAGE, &t) || t.precision < DATE_DAY || t.year < first_year ||
	    t.year > last_year)
		return -1;
	snprintf(out, cap, "%04d-%02d-%02d", t.year, t.month, t.day);
	return 0;
}

size_t html_date_numeric_len(const char *s)
{
	size_t n = strspn(s, "0123456789");
	if (!n || !s[n] || !strchr("./-", s[n]))
		return 0;
	char sep = s[n];
	size_t b = strspn(s + n + 1, "0123456789");
	if (!b || s[n + 1 + b] != sep)
		return 0;
	n += 1 + b + 1;
	size_t c = strspn(s + n, "0123456789");
	return c ? n + c : 0;
}

int html_date_find(const char *text, char *out, size_t cap)
{
	if (!text || cap < 11)
		return -1;
	/* "25.08.2015", "5/8/2015", "2015-08-25" */
	for (const char *p = text; *p; p++)
		if (isdigit((unsigned char)*p) && (p == text || !isdigit((unsigned char)p[-1])) &&
		    !html_date_day(p, html_date_numeric_len(p), NEWS_FIRST_YEAR, NEWS_LAST_YEAR, out, cap))
			return 0;
	struct tok t[MAX_TOKS];
	int n = tokenize(text, t);
	for (int i = 0; i < n; i++) {
		int m = t[i].kind == T_WORD ? date_month_name(t[i].s, t[i].len) : 0;
		if (!m)
			continue;
		/* the day before: "5. Januar 2020", "5 de enero de 2020" */
		int k = i - 1;
		while (k >= 0 && t[k].kind == T_WORD && filler(t[k].s, t[k].len))
			k--;
		int day = k >= 0 && t[k].kind == T_NUM && t[k].len <= 2 && !t[k].clock ? t[k].value : 0;
		/* then the year, or the day and the year: "January 5, 2020" */
		int j = i + 1;
		while (j < n && t[j].kind == T_WORD && filler(t[j].s, t[j].len))
			j++;
		if (!day && j < n && t[j].kind == T_NUM && t[j].len <= 2 && !t[j].clock) {
			day = t[j].value;
			j++;
			while (j < n && t[j].kind == T_WORD && filler(t[j].s, t[j].len))
				j++;
		}
		if (!day || j >= n || t[j].kind != T_NUM || t[j].len != 4)
			continue;
		/* the day, the month and the year found, for the one date parser to read */
		char words[96];
		int wl = snprintf(words, sizeof words, "%d %.*s %d", day, (int)t[i].len, t[i].s, t[j].value);
		if (wl > 0 && (size_t)wl < sizeof words &&
		    !html_date_day(words, (size_t)wl, NEWS_FIRST_YEAR, NEWS_LAST_YEAR, out, cap))
			return 0;
	}
	return -1;
}
