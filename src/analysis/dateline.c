/*
 * dateline.c: dateline recognition.
 *
 * The prefix before the first dash is split into a place, optional
 * comma-separated parts (state, country, date, year) and an optional
 * "(AGENCY)". It is accepted only when it carries evidence of being a
 * dateline: an agency, a date, a place in capitals, or a "City, Country"
 * pair ("Mumbai, India –"). A title-case name
 * alone before a dash ("President Trump — who ...") is prose, not a dateline.
 */
#include "dateline.h"

#include <stdio.h>
#include <string.h>

#define PREFIX_MAX 120

#define IS_UPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define IS_LOWER(c) ((c) >= 'a' && (c) <= 'z')
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define IS_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static const char *const months[12][2] = {
	{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
	{"may", "may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
	{"september", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
};

/* Words in capitals that open a paragraph before a dash but name no place. */
static const char *const not_places[] = {
	"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION",
	"EDITORIAL", "LIVE", "CORRECTION", "NEW", "VIDEO", "PHOTOS", "EDITOR'S NOTE",
	"URGENT", "FLASH", "ALERT", "REVIEW", "COMMENT", "PODCAST", "NOTE", NULL,
};

/* Lower-case words allowed inside a place name ("Rio de Janeiro"). */
static const char *const connectors[] = {
	"de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "el", "al",
	"of", "on", "upon", "am", "an", "im", "sur", "en", "y", "van", "von", "der", "den", NULL,
};

struct span {
	const char *p;
	size_t n;
};

static int ieq(const char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = a[i];
		if (IS_UPPER(c))
			c = (char)(c - 'A' + 'a');
		if (c != b[i])
			return 0;
	}
	return 1;
}

static int in_list(const char *const *list, const char *p, size_t n, int fold)
{
	for (; *list; list++)
		if (fold ? ieq(p, n, *list) : (strlen(*list) == n && !memcmp(p, *list, n)))
			return 1;
	return 0;
}

static struct span trim(const char *p, size_t n)
{
	while (n && IS_SPACE(*p))
		p++, n--;
	while (n && IS_SPACE(p[n - 1]))
		n--;
	return (struct span){p, n};
}

/* Next white-space separated word of s after *pos, or n == 0 at the end. */
static struct span next_word(struct span s, size_t *pos)
{
	while (*pos < s.n && IS_SPACE(s.p[*pos]))
		(*pos)++;
	size_t b = *pos;
	while (*pos < s.n && !IS_SPACE(s.p[*pos]))
		(*pos)++;
	return (struct span){s.p + b, *pos - b};
}

/* Month number 1-12 for "March", "Mar.", "Sept." (any case), else 0. */
static int month_of(struct span w)
{
	size_t n = w.n;
	if (n && w.p[n - 1] == '.')
		n--;
	if (ieq(w.p, n, "sept"))
		return 9;
	for (int m = 0; m < 12; m++)
		if (ieq(w.p, n, months[m][0]) || ieq(w.p, n, months[m][1]))
			return m + 1;
	return 0;
}

static int number_of(struct span w, int max_digits)
{
	if (!w.n || w.n > (size_t)max_digits)
		return -1;
	int v = 0;
	for (size_t i = 0; i < w.n; i++) {
		if (!IS_DIGIT(w.p[i]))
			return -1;
		v = v * 10 + (w.p[i] - '0');
	}
	return v;
}

/* "March 17", "17 March", "March 17 2025", "17 March 2025": 1 and month/day/year (0 if none). */
static int parse_date(struct span s, int *mon, int *day, int *year)
{
	struct span w[4];
	size_t pos = 0, k = 0;
	for (struct span x; (x = next_word(s, &pos)).n;) {
		if (k == 4)
			return 0;
		w[k++] = x;
	}
	if (k < 2 || k > 3)
		return 0;
	int m, d;
	if ((m = month_of(w[0])) && (d = number_of(w[1], 2)) >= 1 && d <= 31)
		;
	else if ((d = number_of(w[0], 2)) >= 1 && d <= 31 && (m = month_of(w[1])))
		;
	else
		return 0;
	*mon = m, *day = d, *year = 0;
	if (k == 3 && (*year = number_of(w[2], 4)) < 1000)
		return 0;
	return 1;
}

/*
 * A place phrase: one to six words, each capitalised (or a connector inside
 * the name), letters and . - ' only. *caps is set when no letter is lower case.
 */
static int is_place(struct span s, int *caps)
{
	size_t pos = 0, words = 0;
	int lower = 0, letters = 0;
	for (struct span w; (w = next_word(s, &pos)).n;) {
		if (++words > 6)
			return 0;
		unsigned char c0 = (unsigned char)w.p[0];
		if (in_list(connectors, w.p, w.n, 0) && words > 1)
			continue;
		if (!IS_UPPER(c0) && c0 < 0x80)
			return 0;
		for (size_t i = 0; i < w.n; i++) {
			unsigned char c = (unsigned char)w.p[i];
			if (IS_LOWER(c))
				lower = 1, letters++;
			else if (IS_UPPER(c) || c >= 0x80)
				letters++;
			else if (c != '.' && c != '-' && c != '\'')
				return 0;
		}
	}
	*caps = !lower;
	return words > 0 && letters >= 2;
}

/* Appends w to out in title case ("WILKES-BARRE" -> "Wilkes-Barre"; "N.Y." kept). */
static void title_word(struct span w, int first, char *out, size_t cap, size_t *o)
{
	int has_lower = 0, abbrev = 1;
	for (size_t i = 0; i < w.n; i++) {
		if (IS_LOWER(w.p[i]))
			has_lower = 1;
		if (!((i % 2 == 0 && IS_UPPER(w.p[i])) || (i % 2 == 1 && w.p[i] == '.')))
			abbrev = 0;
	}
	int lower_all = !first && in_list(connectors, w.p, w.n, 1);
	int start = 1;
	for (size_t i = 0; i < w.n && *o + 2 < cap; i++) {
		unsigned char c = (unsigned char)w.p[i];
		if (!has_lower && !abbrev && IS_UPPER(c) && (!start || lower_all))
			c = (unsigned char)(c - 'A' + 'a');
		/* Latin-1 capitals (two-byte U+00C0-U+00DE) inside a word go lower too */
		if (!has_lower && !abbrev && c == 0xC3 && i + 1 < w.n && !start) {
			unsigned char d = (unsigned char)w.p[i + 1];
			if (d >= 0x80 && d <= 0x9E && d != 0x97) {
				out[(*o)++] = (char)c;
				out[(*o)++] = (char)(d + 0x20);
				i++;
				start = 0;
				continue;
			}
		}
		out[(*o)++] = (char)c;
		start = (c == '-' || c == '\'');
	}
	out[*o] = '\0';
}

static void title_case(struct span s, char *out, size_t cap, size_t *o)
{
	size_t pos = 0;
	int first = 1;
	for (struct span w; (w = next_word(s, &pos)).n; first = 0) {
		if (!first && *o + 1 < cap)
			out[(*o)++] = ' ';
		title_word(w, first, out, cap, o);
	}
}

/* Finds the dash that ends a dateline; returns its offset and sets *dash_len. */
static int find_dash(const char *t, size_t len, size_t *at, size_t *dash_len)
{
	size_t lim = len < PREFIX_MAX ? len : PREFIX_MAX;
	if ((unsigned char)t[0] < 0x20)
		return 0;
	for (size_t i = 1; i < lim; i++) {
		const unsigned char *u = (const unsigned char *)t + i;
		if (i + 3 <= len && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x94 || u[2] == 0x93)) {
			*at = i, *dash_len = 3; /* em or en dash */
			return 1;
		}
		if (t[i] == '-' && i + 1 < len && (IS_SPACE(t[i - 1]) || t[i - 1] == ')')) {
			size_t n = (t[i + 1] == '-') ? 2 : 1;
			if (i + n < len && IS_SPACE(t[i + n])) {
				*at = i, *dash_len = n;
				return 1;
			}
		}
		if ((unsigned char)t[i] < 0x20 || t[i] == 0x7F)
			return 0; /* a dateline is one clean line */
	}
	return 0;
}

int dateline_parse(const char *text, size_t len, const char *published, struct dateline_match *m)
{
	size_t at, dlen;
	memset(m, 0, sizeof *m);
	if (!text || !find_dash(text, len, &at, &dlen))
		return 0;
	struct span pre = trim(text, at);
	if (pre.n < 2)
		return 0;

	/* "(AGENCY)" at the end */
	struct span agency = {NULL, 0};
	if (pre.p[pre.n - 1] == ')') {
		const char *open = NULL;
		for (size_t i = pre.n - 1; i-- > 0;)
			if (pre.p[i] == '(') {
				open = pre.p + i;
				break;
			}
		if (!open)
			return 0;
		agency = trim(open + 1, (size_t)(pre.p + pre.n - 1 - open - 1));
		size_t pos = 0, words = 0;
		if (!agency.n || agency.n >= sizeof m->agency)
			return 0;
		for (struct span w; (w = next_word(agency, &pos)).n; words++) {
			int lower_short = w.n <= 4;
			for (size_t i = 0; i < w.n; i++)
				lower_short &= IS_LOWER(w.p[i]);
			if (!IS_UPPER(w.p[0]) && !lower_short)
				return 0;
		}
		if (words > 4)
			return 0;
		pre = trim(pre.p, (size_t)(open - pre.p));
	}
	if (pre.n && pre.p[pre.n - 1] == ',')
		pre.n--;

	/* place, then comma-separated parts */
	int mon = 0, day = 0, year = 0, have_date = 0, caps = 0, first = 1, places = 0;
	size_t o = 0;
	for (size_t b = 0; b <= pre.n;) {
		size_t e = b;
		while (e < pre.n && pre.p[e] != ',')
			e++;
		struct span part = trim(pre.p + b, e - b);
		int pm, pd, py, c;
		if (!part.n)
			return 0;
		if (first) {
			if (!is_place(part, &caps) || (caps && in_list(not_places, part.p, part.n, 0)))
				return 0;
			title_case(part, m->place, sizeof m->place, &o);
			first = 0;
			places = 1;
		} else if (!have_date && parse_date(part, &pm, &pd, &py)) {
			mon = pm, day = pd, year = py, have_date = 1;
		} else if (have_date && !year && (py = number_of(part, 4)) >= 1000) {
			year = py;
		} else if (!have_date && is_place(part, &c) && ++places) {
			if (o + 2 < sizeof m->place)
				m->place[o++] = ',', m->place[o++] = ' ';
			title_case(part, m->place, sizeof m->place, &o);
		} else {
			return 0;
		}
		b = e + 1;
	}
	/* evidence: an agency, a date, a place in capitals, or "City, Country" */
	if (!agency.n && !have_date && !caps && places < 2)
		return 0;

	if (agency.n)
		memcpy(m->agency, agency.p, agency.n);
	if (have_date) {
		if (!year && published && strlen(published) >= 7 && IS_DIGIT(published[0])) {
			int py = 0, pmon = 0;
			if (sscanf(published, "%4d-%2d", &py, &pmon) == 2) {
				year = py;
				if (mon > pmon + 1) /* a December dateline published in January */
					year--;
			}
		}
		char iso[32];
		if (year) {
			snprintf(iso, sizeof iso, "%04d-%02d-%02d", year % 10000, mon, day);
			memcpy(m->date, iso, sizeof m->date - 1);
		}
	}
	size_t raw = at + dlen;
	if (raw >= sizeof m->raw)
		return 0;
	memcpy(m->raw, text, raw);
	m->raw_len = raw;
	size_t bs = raw;
	while (bs < len && IS_SPACE(text[bs]))
		bs++;
	m->body_start = bs;
	return 1;
}
