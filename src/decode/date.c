/*
 * date.c: the one date parser (see decode.h): every form feeds, pages and
 * datelines write, to the date's fields and its UTC time. ISO 8601 is base's
 * calendar_iso_read(), which the store shares; the rest is read here.
 */
#include "decode.h"
#include "base.h"
#include "model.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* Zone names seen in feeds; minutes east of UTC. Unlisted letters read as UTC. */
static const struct {
	const char *name;
	int off;
} zones[] = {
	{"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"WET", 0}, {"WEST", 60}, {"BST", 60},
	{"CET", 60}, {"MET", 60}, {"CEST", 120}, {"MEST", 120}, {"MESZ", 120}, {"MEZ", 60},
	{"EET", 120}, {"EEST", 180}, {"MSK", 180}, {"IST", 330}, {"HKT", 480}, {"SGT", 480},
	{"JST", 540}, {"KST", 540}, {"AWST", 480}, {"ACST", 570}, {"AEST", 600}, {"AEDT", 660},
	{"NZST", 720}, {"NZDT", 780}, {"AT", -240}, {"AST", -240}, {"ADT", -180}, {"ET", -300},
	{"EST", -300}, {"EDT", -240}, {"CT", -360}, {"CST", -360}, {"CDT", -300}, {"MT", -420},
	{"MST", -420}, {"MDT", -360}, {"PT", -480}, {"PST", -480}, {"PDT", -420}, {"AKST", -540},
	{"AKDT", -480}, {"HST", -600},
};

int date_format_utc(int64_t time, char *out)
{
	out[0] = '\0';
	if (time == DATE_UNKNOWN)
		return -1;
	long long days = time >= 0 ? time / 86400 : -((-time + 86399) / 86400);
	long long rem = time - days * 86400, y;
	int m, d;
	calendar_civil(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return -1;
	/* written by hand: every feed item has a date or two, and snprintf showed in profiles */
	int v[6] = {(int)y, m, d, (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60)};
	static const char sep[] = "--T::Z";
	char *o = out;
	for (int k = 0; k < 6; k++) {
		if (k == 0) {
			*o++ = (char)('0' + v[0] / 1000);
			*o++ = (char)('0' + v[0] / 100 % 10);
		}
		*o++ = (char)('0' + v[k] / 10 % 10);
		*o++ = (char)('0' + v[k] % 10);
		*o++ = sep[k];
	}
	*o = '\0';
	return 0;
}

/* Reads up to max digits at *p; returns the count read (value in *v). */
static int digits(const char **p, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++, n++;
	}
	return n;
}

static int zone(const char *tok, int *off)
{
	if (!strncasecmp(tok, "Etc/", 4))
		tok += 4;
	if (*tok == '+' || *tok == '-' || (*tok == 'Z' && !tok[1]))
		return calendar_zone_read(tok, off);
	for (const char *pre = "GMT\0UTC\0UT\0"; *pre; pre += strlen(pre) + 1) {
		size_t l = strlen(pre);
		if (!strncasecmp(tok, pre, l) && (tok[l] == '+' || tok[l] == '-'))
			return calendar_zone_read(tok + l, off);
	}
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
		if (!strcasecmp(tok, zones[i].name)) {
			*off = zones[i].off;
			return 0;
		}
	}
	for (const char *c = tok; *c; c++)
		if (!isalpha((unsigned char)*c))
			return -1;
	*off = 0; /* an unknown zone name: better UTC than no date */
	return 0;
}

static int month_of(const char *tok, unsigned forms)
{
	size_t l = strlen(tok);
	if (l && tok[l - 1] == '.')
		l--;
	return forms & DATE_MONTHS_EUROPE ? date_month_name(tok, l) : calendar_month(tok, l);
}

static int is_weekday(const char *tok)
{
	size_t l = strlen(tok);
	if (l && tok[l - 1] == '.')
		l--;
	for (int i = 0; i < 7 && l >= 2; i++)
		if (l <= strlen(weekdays[i]) && !strncasecmp(tok, weekdays[i], l))
			return 1;
	return 0;
}

static int all_digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);
	if (n < min || n > max)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* "16:29", "16:29:06", "9:30": the time of day, to the second. */
static int read_clock(const char *tok, struct date_fields *t)
{
	const char *p = tok;
	int parts[3] = {0, 0, 0}, n = 0;
	while (n < 3) {
		if (digits(&p, 2, &parts[n]) == 0)
			return -1;
		n++;
		if (*p != ':')
			break;
		p++;
	}
	if (*p || n < 2)
		return -1;
	t->hour = parts[0];
	t->minute = parts[1];
	t->second = parts[2];
	t->precision = DATE_TIME;
	return 0;
}

static int year_of(const char *tok, int *y)
{
	if (!all_digits(tok, 2, 4) || strlen(tok) == 3)
		return -1;
	*y = 0;
	for (const char *c = tok; *c; c++)
		*y = *y * 10 + (*c - '0');
	if (strlen(tok) == 2)
		*y += *y < 50 ? 2000 : 1900;
	return 0;
}

/* A day of the month as written: "5", "05", "5th", "22nd": its number, else 0. */
static int day_of(const char *tok)
{
	size_t n = strspn(tok, "0123456789");
	if (n < 1 || n > 2)
		return 0;
	static const char *const suffixes[] = {"", "st", "nd", "rd", "th"};
	for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
		if (!strcasecmp(tok + n, suffixes[k]))
			return n == 1 ? tok[0] - '0' : (tok[0] - '0') * 10 + (tok[1] - '0');
	return 0;
}

/*
 * Perforce's "2006/09/15" (the year first, "/"), and with DATE_NUMERIC_ANY
 * "2015.08.25", "2018-4-5", "25.08.2015", "8/25/2015": one separator of
 * ". / -" twice, the year of four digits first or last. Fills the date of
 * *t only when it is a real day.
 */
static int read_numeric(const char *tok, unsigned forms, struct date_fields *t)
{
	const char *p = tok;
	int v[3], len[3];
	char sep = 0;
	for (int k = 0; k < 3; k++) {
		len[k] = digits(&p, 4, &v[k]);
		if (!len[k] || isdigit((unsigned char)*p))
			return -1;
		if (k == 2)
			break;
		if (!*p || !strchr("./-", *p) || (sep && *p != sep))
			return -1;
		sep = *p++;
	}
	if (*p || (!(forms & DATE_NUMERIC_ANY) && (sep != '/' || len[0] != 4)))
		return -1;
	int y, m, d;
	if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
		y = v[0];
		m = v[1];
		d = v[2];
	} else if (len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
		/* day first, as most of the world writes it; month first where a "/" date cannot be day first */
		y = v[2];
		m = v[1];
		d = v[0];
		if (sep == '/' && (d < 1 || d > calendar_month_days(y, m))) {
			m = v[0];
			d = v[1];
		}
	} else {
		return -1;
	}
	if (y < 1 || d < 1 || d > calendar_month_days(y, m))
		return -1;
	t->year = y;
	t->month = m;
	t->day = d;
	t->precision = DATE_DAY;
	return 0;
}

/*
 * Dates in words, tokens separated by spaces and commas: RFC 822 and its
 * relatives ("Tue, 04 Mar 2025 09:30:00 +0100", asctime, JavaScript's Date,
 * Perforce's "2006/09/15") and the forms datelines and pages write
 * ("March 17, 2025", "5th January", "July 24", "June 2022").
 */
static int read_words(const char *s, unsigned forms, struct date_fields *t)
{
	char buf[128], *tok[12];
	int n = 0;
	if (strlen(s) >= sizeof buf)
		return -1;
	strcpy(buf, s);
	for (char *p = strtok(buf, " ,\t"); p && n < 12; p = strtok(NULL, " ,\t")) {
		if (*p == '(') /* an RFC 2822 comment, "+0000 (UTC)": ignored */
			break;
		tok[n++] = p;
	}
	int i = 0, day;
	memset(t, 0, sizeof *t);
	if (i < n && is_weekday(tok[i]))
		i++;
	if (i < n && !read_numeric(tok[i], forms, t)) { /* Perforce: 2006/09/15 */
		i++;
	} else if (i + 1 < n && (day = day_of(tok[i])) && month_of(tok[i + 1], forms)) {
		t->day = day;
		t->month = month_of(tok[i + 1], forms);
		i += 2;
		if (i == n) { /* "24 July": no year */
			t->precision = DATE_NO_YEAR;
			return 0;
		}
		if (year_of(tok[i], &t->year))
			return -1;
		i++;
	} else if (i + 1 < n && month_of(tok[i], forms) && (day = day_of(tok[i + 1]))) {
		t->month = month_of(tok[i], forms);
		t->day = day;
		i += 2;
		if (i == n) { /* "July 24": no year */
			t->precision = DATE_NO_YEAR;
			return 0;
		}
		if (!strchr(tok[i], ':')) { /* JavaScript: Aug 30 2012 17:26:16 */
			if (year_of(tok[i], &t->year))
				return -1;
			i++;
		} else { /* asctime: Jan  4 16:29:06 [zone] 2004 */
			if (read_clock(tok[i], t))
				return -1;
			i++;
			if (i + 1 < n && zone(tok[i], &t->offset) == 0)
				i++;
			if (i >= n || year_of(tok[i], &t->year) || i + 1 != n)
				return -1;
			return 0;
		}
	} else if (i + 2 == n && month_of(tok[i], forms) && strlen(tok[i + 1]) == 4 && !year_of(tok[i + 1], &t->year)) {
		t->month = month_of(tok[i], forms); /* "June 2022": a month, no day */
		t->day = 1;
		t->precision = DATE_MONTH;
		return 0;
	} else {
		return -1;
	}
	t->precision = DATE_DAY;
	if (i < n && strchr(tok[i], ':')) {
		if (read_clock(tok[i], t))
			return -1;
		i++;
	}
	if (i < n) {
		if (zone(tok[i], &t->offset))
			return -1;
		i++;
	}
	return i == n ? 0 : -1;
}

/* Replaces each listed word in s by its English or numeric form. */
static int translate(const char *s, const char *const (*table)[2], size_t ntable, char *out, size_t outlen)
{
	size_t o = 0;
	while (*s) {
		size_t k;
		for (k = 0; k < ntable; k++) {
			size_t l = strlen(table[k][0]);
			if (!strncmp(s, table[k][0], l)) {
				size_t r = strlen(table[k][1]);
				if (o + r >= outlen)
					return -1;
				memcpy(out + o, table[k][1], r);
				o += r;
				s += l;
				break;
			}
		}
		if (k < ntable)
			continue;
		if (o + 1 >= outlen)
			return -1;
		out[o++] = *s++;
	}
	out[o] = '\0';
	return 0;
}

static const char *const greek[][2] = {
	{"Ιαν", "Jan"}, {"Φεβ", "Feb"}, {"Μάώ", "Mar"}, {"Μάρ", "Mar"}, {"Μαρ", "Mar"}, {"Απρ", "Apr"},
	{"Μάι", "May"}, {"Μαϊ", "May"}, {"Μάϊ", "May"}, {"Μαι", "May"}, {"Ιούν", "Jun"}, {"Ιουν", "Jun"},
	{"Ιον", "Jun"}, {"Ιούλ", "Jul"}, {"Ιουλ", "Jul"}, {"Ιολ", "Jul"}, {"Αύγ", "Aug"}, {"Αυγ", "Aug"},
	{"Σεπ", "Sep"}, {"Οκτ", "Oct"}, {"Νοέ", "Nov"}, {"Νοε", "Nov"}, {"Δεκ", "Dec"},
	{"Κυρ", "Sun"}, {"Δευ", "Mon"}, {"Τρι", "Tue"}, {"Τετ", "Wed"}, {"Πέμ", "Thu"}, {"Πεμ", "Thu"},
	{"Παρ", "Fri"}, {"Σάβ", "Sat"}, {"Σαβ", "Sat"},
};

static const char *const hungarian[][2] = {
	{"január", "01"}, {"február", "02"}, {"március", "03"}, {"április", "04"}, {"május", "05"},
	{"június", "06"}, {"július", "07"}, {"augusztus", "08"}, {"szeptember", "09"}, {"október", "10"},
	{"november", "11"}, {"december", "12"},
};

/* Korean blogs: "2004년 05월 28일 01:31:15" (OnBlog) and "2004-05-25 오후 11:23:17" (Nate), Korea time. */
static int read_korean(const char *s, struct date_fields *t)
{
	char ampm[8] = "";
	memset(t, 0, sizeof *t);
	t->offset = 540;
	t->precision = DATE_TIME;
	if (sscanf(s, "%4d년 %2d월 %2d일 %2d:%2d:%2d", &t->year, &t->month, &t->day, &t->hour, &t->minute,
	           &t->second) == 6)
		return 0;
	if (sscanf(s, "%4d-%2d-%2d %6s %2d:%2d:%2d", &t->year, &t->month, &t->day, ampm, &t->hour, &t->minute,
	           &t->second) == 7) {
		if (!strcmp(ampm, "오후") && t->hour < 12)
			t->hour += 12;
		else if (!strcmp(ampm, "오전") && t->hour == 12)
			t->hour = 0;
		else if (strcmp(ampm, "오후") && strcmp(ampm, "오전"))
			return -1;
		return 0;
	}
	return -1;
}

/* 0 when a reader read t and the fields are a real date. */
static int holds(int rc, const struct date_fields *t)
{
	int64_t time;
	return rc || calendar_fields_time(t, &time) ? -1 : 0;
}

int date_parse(const char *s, struct date_fields *t)
{
	return date_parse_forms(s, DATE_FORMS_FEED, t);
}

int date_parse_forms(const char *s, unsigned forms, struct date_fields *t)
{
	char in[128], tr[128];
	memset(t, 0, sizeof *t);
	if (!s)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	size_t l = strlen(s);
	while (l && isspace((unsigned char)s[l - 1]))
		l--;
	if (!l || l >= sizeof in)
		return -1;
	memcpy(in, s, l);
	in[l] = '\0';
	if (!calendar_iso_read(in, t) || !holds(read_words(in, forms, t), t))
		return 0;
	int ascii = 1;
	for (const char *c = in; *c; c++)
		ascii &= (unsigned char)*c < 0x80;
	if (!ascii) { /* the localised forms */
		if (!holds(read_korean(in, t), t))
			return 0;
		if (!translate(in, greek, sizeof greek / sizeof *greek, tr, sizeof tr) && strcmp(tr, in) &&
		    !holds(read_words(tr, forms, t), t))
			return 0;
		if (!translate(in, hungarian, sizeof hungarian / sizeof *hungarian, tr, sizeof tr) && strcmp(tr, in) &&
		    !calendar_iso_read(tr, t))
			return 0;
	}
	memset(t, 0, sizeof *t);
	return -1;
}

int date_read(const char *s, struct moment *m)
{
	struct date_fields t;
	*m = MOMENT_UNKNOWN;
	if (date_parse(s, &t) || calendar_fields_time(&t, &m->time))
		return -1;
	m->precision = t.precision;
	return 0;
}

int feed_date_parse(const char *s, char *out)
{
	struct moment m;
	out[0] = '\0';
	if (date_read(s, &m) || !moment_known(m))
		return -1;
	return date_format_utc(m.time, out);
}
