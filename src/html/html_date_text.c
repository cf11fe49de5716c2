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

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Month names, full (genitive where a language declines them), lower case;
 * any prefix of three letters or more names the month too ("Sept", "janv"). */
static const struct {
	const char *name;
	int month;
} months[] = {
	/* English is the shared calendar's (base.h calendar_month()) */
	/* German */
	{"januar", 1}, {"j\xC3\xA4nner", 1}, {"februar", 2}, {"m\xC3\xA4rz", 3}, {"mrz", 3}, {"mai", 5},
	{"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
	/* French */
	{"janvier", 1}, {"f\xC3\xA9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
	{"juillet", 7}, {"ao\xC3\xBBt", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
	{"novembre", 11}, {"d\xC3\xA9" "cembre", 12}, {"decembre", 12},
	/* Spanish, Italian, Portuguese */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
	{"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
	{"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4},
	{"maggio", 5}, {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2}, {"mar\xC3\xA7o", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
	/* Dutch */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
	/* Polish, genitive then nominative */
	{"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
	{"lipca", 7}, {"sierpnia", 8}, {"wrze\xC5\x9Bnia", 9}, {"pa\xC5\xBA" "dziernika", 10},
	{"listopada", 11}, {"grudnia", 12}, {"stycze\xC5\x84", 1}, {"luty", 2}, {"marzec", 3},
	{"kwiecie\xC5\x84", 4}, {"maj", 5}, {"czerwiec", 6}, {"lipiec", 7}, {"sierpie\xC5\x84", 8},
	{"wrzesie\xC5\x84", 9}, {"pa\xC5\xBA" "dziernik", 10}, {"listopad", 11}, {"grudzie\xC5\x84", 12},
};

int html_date_month(const char *w, size_t len)
{
	char low[32];
	if (len < 3 || len >= sizeof low)
		return 0;
	int english = calendar_month(w, len);
	if (english)
		return english;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	/* capital umlauts and accents in UTF-8: only the first letter is ever one */
	if (len >= 2 && (unsigned char)low[0] == 0xC3 && (unsigned char)low[1] >= 0x80 && (unsigned char)low[1] < 0xA0)
		low[1] = (char)((unsigned char)low[1] + 0x20);
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		size_t nl = strlen(months[i].name);
		if (len <= nl && !strncmp(months[i].name, low, len))
			return months[i].month;
	}
	return 0;
}

/* Words that may stand between a date's parts ("5 de enero de 2020", "le 5 mai"). */
static int filler(const char *w, size_t len)
{
	static const char *const words[] = {"de", "del", "of", "the", "th", "st", "nd", "rd", "im", NULL};
	for (const char *const *f = words; *f; f++)
		if (strlen(*f) == len && !strncasecmp(w, *f, len))
			return 1;
	return 0;
}

static int valid(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
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

static int write_day(int y, int m, int d, char *out, size_t cap)
{
	if (!valid(y, m, d))
		return -1;
	snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* Numeric dates at s: "25.08.2015", "5/8/2015", "2015-08-25". 0 when one is found. */
static int numeric_at(const char *s, char *out, size_t cap)
{
	int a, b, c, n = 0;
	char s1, s2;
	if (sscanf(s, "%4d%c%2d%c%4d%n", &a, &s1, &b, &s2, &c, &n) != 5 || s1 != s2 ||
	    !strchr("./-", s1) || isdigit((unsigned char)s[n]))
		return -1;
	size_t la = strspn(s, "0123456789");
	if (la == 4)
		return write_day(a, b, c, out, cap);
	if (la > 2 || c < 1000)
		return -1;
	/* day first, as most of the world writes it; month first where day-first cannot be */
	if (!write_day(c, b, a, out, cap))
		return 0;
	return s1 == '/' ? write_day(c, a, b, out, cap) : -1;
}

int html_date_find(const char *text, char *out, size_t cap)
{
	if (!text || cap < 11)
		return -1;
	for (const char *p = text; *p; p++)
		if (isdigit((unsigned char)*p) && (p == text || !isdigit((unsigned char)p[-1])) && !numeric_at(p, out, cap))
			return 0;
	struct tok t[MAX_TOKS];
	int n = tokenize(text, t);
	for (int i = 0; i < n; i++) {
		int m = t[i].kind == T_WORD ? html_date_month(t[i].s, t[i].len) : 0;
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
		if (day && j < n && t[j].kind == T_NUM && t[j].len == 4 && !write_day(t[j].value, m, day, out, cap))
			return 0;
	}
	return -1;
}
