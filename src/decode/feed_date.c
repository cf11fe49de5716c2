/* feed_date.c: feed and page dates to "YYYY-MM-DDTHH:MM:SSZ" (see feed_date.h). */
#include "decode.h"
#include "base.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct dt {
	int y, mo, d, h, mi, s; /* as written */
	int off;                /* minutes east of UTC */
};

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

static int emit(const struct dt *t, char *out)
{
	if (t->y < 1 || t->y > 9999 || t->mo < 1 || t->mo > 12 || t->d < 1 || t->d > calendar_month_days(t->y, t->mo) ||
	    t->h < 0 || t->h > 23 || t->mi < 0 || t->mi > 59 || t->s < 0 || t->s > 60)
		return -1;
	long long secs = calendar_time(t->y, t->mo, t->d, t->h, t->mi, t->s == 60 ? 59 : t->s) - (long long)t->off * 60;
	long long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	long long rem = secs - days * 86400, y;
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
			*o++ = (char)('0' + v[0] / 1000), *o++ = (char)('0' + v[0] / 100 % 10);
		}
		*o++ = (char)('0' + v[k] / 10 % 10), *o++ = (char)('0' + v[k] % 10);
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

/* "Z", "+05", "+0530", "+05:30", optionally after "GMT"/"UTC"; -1 when malformed. */
static int numeric_zone(const char *p, int *off)
{
	int h, m = 0;
	if ((*p == 'Z' || *p == 'z') && !p[1])
		return *off = 0, 0;
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
	*off = sign * (h * 60 + m);
	return 0;
}

static int zone(const char *tok, int *off)
{
	if (!strncasecmp(tok, "Etc/", 4))
		tok += 4;
	if (*tok == '+' || *tok == '-' || (*tok == 'Z' && !tok[1]))
		return numeric_zone(tok, off);
	for (const char *pre = "GMT\0UTC\0UT\0"; *pre; pre += strlen(pre) + 1) {
		size_t l = strlen(pre);
		if (!strncasecmp(tok, pre, l) && (tok[l] == '+' || tok[l] == '-'))
			return numeric_zone(tok + l, off);
	}
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (!strcasecmp(tok, zones[i].name))
			return *off = zones[i].off, 0;
	for (const char *c = tok; *c; c++)
		if (!isalpha((unsigned char)*c))
			return -1;
	*off = 0; /* an unknown zone name: better UTC than no date */
	return 0;
}

/* ISO 8601 / W3C-DTF, including reduced, ordinal and two-digit-year forms. */
static int parse_iso(const char *p, struct dt *t)
{
	int v, n;
	memset(t, 0, sizeof *t);
	t->mo = t->d = 1;
	while (*p == ' ')
		p++;
	if (*p == '-') { /* -YYMM, -YY-MM, -YY */
		p++;
		if (digits(&p, 2, &v) != 2)
			return -1;
		t->y = 2000 + v;
		if (*p == '-')
			p++;
		if (*p && digits(&p, 2, &t->mo) != 2)
			return -1;
	} else {
		const char *s = p;
		n = digits(&p, 8, &v);
		if (n == 4 || (n == 2 && *p == '-')) {
			t->y = n == 2 ? 2000 + v : v;
			if (*p == '-' && isdigit((unsigned char)p[1])) {
				p++;
				int m = digits(&p, 3, &v);
				if (m == 3 && *p != '-') { /* YYYY-DDD */
					if (v < 1 || v > 365 + calendar_leap(t->y))
						return -1;
					for (t->mo = 1; v > calendar_month_days(t->y, t->mo); t->mo++)
						v -= calendar_month_days(t->y, t->mo);
					t->d = v;
				} else {
					t->mo = v;
					if (*p == '-' && isdigit((unsigned char)p[1])) {
						p++;
						if (digits(&p, 2, &t->d) == 0)
							return -1;
					}
				}
			}
		} else if (n == 8 || n == 6) { /* YYYYMMDD, YYMMDD */
			int k = n == 8 ? 4 : 2;
			p = s;
			digits(&p, k, &t->y);
			t->y += k == 2 ? 2000 : 0;
			digits(&p, 2, &t->mo);
			digits(&p, 2, &t->d);
		} else if (n == 7 || n == 5) { /* YYYYDDD, YYDDD */
			int k = n == 7 ? 4 : 2, o;
			p = s;
			digits(&p, k, &t->y);
			t->y += k == 2 ? 2000 : 0;
			digits(&p, 3, &o);
			if (o < 1 || o > 365 + calendar_leap(t->y))
				return -1;
			for (t->mo = 1; o > calendar_month_days(t->y, t->mo); t->mo++)
				o -= calendar_month_days(t->y, t->mo);
			t->d = o;
		} else {
			return -1;
		}
	}
	if ((*p == 'T' || *p == 't' || *p == ' ') && isdigit((unsigned char)p[1])) {
		p++;
		while (*p == ' ')
			p++;
		if (digits(&p, 2, &t->h) == 0 || *p != ':')
			return -1;
		p++;
		if (digits(&p, 2, &t->mi) != 2)
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &t->s) != 2)
				return -1;
			if (*p == '.' || *p == ',') {
				p++;
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		while (*p == ' ')
			p++;
		if (*p) {
			char tz[16];
			size_t l = strlen(p);
			while (l && p[l - 1] == ' ')
				l--;
			if (l >= sizeof tz)
				return -1;
			memcpy(tz, p, l);
			tz[l] = '\0';
			if (numeric_zone(tz, &t->off))
				return -1;
			p += strlen(p);
		}
	}
	while (*p == ' ')
		p++;
	return *p ? -1 : 0;
}

static int month_of(const char *tok)
{
	size_t l = strlen(tok);
	if (l && tok[l - 1] == '.')
		l--;
	return calendar_month(tok, l);
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

static int read_time(const char *tok, struct dt *t)
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
	t->h = parts[0];
	t->mi = parts[1];
	t->s = parts[2];
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

/* RFC 822 and relatives: tokens separated by spaces and commas. */
static int parse_rfc822(const char *s, struct dt *t)
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
	int i = 0;
	memset(t, 0, sizeof *t);
	if (i < n && is_weekday(tok[i]))
		i++;
	if (i < n && strchr(tok[i], '/')) { /* Perforce: 2006/09/15 */
		if (sscanf(tok[i], "%4d/%2d/%2d", &t->y, &t->mo, &t->d) != 3)
			return -1;
		i++;
	} else if (i + 1 < n && all_digits(tok[i], 1, 2) && month_of(tok[i + 1])) {
		t->d = (tok[i][0] - '0') * (tok[i][1] ? 10 : 1) + (tok[i][1] ? tok[i][1] - '0' : 0);
		t->mo = month_of(tok[i + 1]);
		i += 2;
		if (i >= n || year_of(tok[i], &t->y))
			return -1;
		i++;
	} else if (i + 1 < n && month_of(tok[i]) && all_digits(tok[i + 1], 1, 2)) {
		t->mo = month_of(tok[i]);
		t->d = (tok[i + 1][0] - '0') * (tok[i + 1][1] ? 10 : 1) + (tok[i + 1][1] ? tok[i + 1][1] - '0' : 0);
		i += 2;
		if (i < n && !strchr(tok[i], ':')) { /* JavaScript: Aug 30 2012 17:26:16 */
			if (year_of(tok[i], &t->y))
				return -1;
			i++;
		} else { /* asctime: Jan  4 16:29:06 [zone] 2004 */
			if (i >= n || read_time(tok[i], t))
				return -1;
			i++;
			if (i + 1 < n && zone(tok[i], &t->off) == 0)
				i++;
			if (i >= n || year_of(tok[i], &t->y) || i + 1 != n)
				return -1;
			return 0;
		}
	} else {
		return -1;
	}
	if (i < n && strchr(tok[i], ':')) {
		if (read_time(tok[i], t))
			return -1;
		i++;
	}
	if (i < n) {
		if (zone(tok[i], &t->off))
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
static int parse_korean(const char *s, struct dt *t)
{
	char ampm[8] = "";
	memset(t, 0, sizeof *t);
	t->off = 540;
	if (sscanf(s, "%4d년 %2d월 %2d일 %2d:%2d:%2d", &t->y, &t->mo, &t->d, &t->h, &t->mi, &t->s) == 6)
		return 0;
	if (sscanf(s, "%4d-%2d-%2d %6s %2d:%2d:%2d", &t->y, &t->mo, &t->d, ampm, &t->h, &t->mi, &t->s) == 7) {
		if (!strcmp(ampm, "오후") && t->h < 12)
			t->h += 12;
		else if (!strcmp(ampm, "오전") && t->h == 12)
			t->h = 0;
		else if (strcmp(ampm, "오후") && strcmp(ampm, "오전"))
			return -1;
		return 0;
	}
	return -1;
}

int feed_date_parse(const char *s, char *out)
{
	struct dt t;
	char tr[128];
	out[0] = '\0';
	if (!s)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	size_t l = strlen(s);
	while (l && isspace((unsigned char)s[l - 1]))
		l--;
	if (!l || l >= sizeof tr)
		return -1;
	char in[128];
	memcpy(in, s, l);
	in[l] = '\0';
	if (!parse_iso(in, &t) && !emit(&t, out))
		return 0;
	if (!parse_rfc822(in, &t) && !emit(&t, out))
		return 0;
	int ascii = 1;
	for (const char *c = in; *c; c++)
		ascii &= (unsigned char)*c < 0x80;
	if (!ascii) { /* the localised forms */
		if (!parse_korean(in, &t) && !emit(&t, out))
			return 0;
		if (!translate(in, greek, sizeof greek / sizeof *greek, tr, sizeof tr) && strcmp(tr, in) &&
		    !parse_rfc822(tr, &t) && !emit(&t, out))
			return 0;
		if (!translate(in, hungarian, sizeof hungarian / sizeof *hungarian, tr, sizeof tr) && strcmp(tr, in) &&
		    !parse_iso(tr, &t) && !emit(&t, out))
			return 0;
	}
	out[0] = '\0';
	return -1;
}
