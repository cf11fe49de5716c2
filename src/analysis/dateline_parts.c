/*
 * dateline_parts.c: the words of a dateline (see dateline_parts.h).
 *
 * Places are judged by the gazetteers of lexicon.c (countries, regions,
 * cities, towns) and not by their shape alone: a phrase in capitals may be
 * a label ("BREAKING") or the first words of a sentence ("LED BY IIT"), a
 * title-case one a person or a topic. Only a capitalised phrase no word of
 * which is an English word or a name stands as an unknown place.
 */
#include "dateline_parts.h"
#include "lexicon.h"
#include "base.h"
#include "decode.h"

#include <string.h>

#define PHRASE_MAX 64

static const char *const weekdays[7][2] = {
	{"monday", "mon"}, {"tuesday", "tue"}, {"wednesday", "wed"}, {"thursday", "thu"},
	{"friday", "fri"}, {"saturday", "sat"}, {"sunday", "sun"},
};

/* Words in capitals that open a paragraph before a dash or colon but name no place. */
static const char *const labels[] = {
	"breaking", "update", "updated", "exclusive", "watch", "analysis", "opinion", "editorial",
	"live", "correction", "new", "video", "photos", "editor's note", "urgent", "flash", "alert",
	"review", "comment", "podcast", "note", "listen", "explainer", "factbox", "interview", NULL,
};

/* Lower-case words allowed inside a place name ("Rio de Janeiro"). */
static const char *const connectors[] = {
	"de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "el", "al",
	"of", "on", "upon", "am", "an", "im", "sur", "en", "y", "van", "von", "der", "den", NULL,
};

/* Words that make a name a news source: "afrol News", "TODAY NICARAGUA", "Kuwait Times". */
static const char *const news_words[] = {
	"news", "newswire", "times", "today", "daily", "post", "press", "herald", "tribune",
	"gazette", "journal", "chronicle", "observer", "telegraph", "express", "mail", "agency",
	"wire", "radio", "tv", "television", "weekly", "monitor", "courier", "reporter",
	"dispatch", "bulletin", "online", "media", NULL,
};

/* Section names a source's line may add after its name: "TODAY NICARAGUA TRAVEL". */
static const char *const sections[] = {
	"travel", "sport", "sports", "business", "opinion", "politics", "world", "health", "culture",
	"entertainment", "tech", "technology", "science", "economy", "lifestyle", "local", "national",
	"international", "features", "education", "environment", NULL,
};

/* US states as datelines shorten them (AP style), and their postal codes. */
static const char *const state_abbrevs[] = {
	"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
	"Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
	"Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
	"R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "W. Va.", "Wis.",
	"Wyo.", "D.C.", "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID",
	"IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
	"NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
	"TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", NULL,
};

static int ieq(const char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = a[i];
		if (DL_IS_UPPER(c))
			c = (char)(c - 'A' + 'a');
		if (c != b[i])
			return 0;
	}
	return 1;
}

static int in_list(const char *const *list, struct span w, int fold)
{
	for (; *list; list++)
		if (fold ? ieq(w.p, w.n, *list) : (strlen(*list) == w.n && !memcmp(w.p, *list, w.n)))
			return 1;
	return 0;
}

struct span dl_trim(const char *p, size_t n)
{
	while (n && DL_IS_SPACE(*p)) {
		p++;
		n--;
	}
	while (n && DL_IS_SPACE(p[n - 1]))
		n--;
	return (struct span){p, n};
}

struct span dl_next_word(struct span s, size_t *pos)
{
	while (*pos < s.n && DL_IS_SPACE(s.p[*pos]))
		(*pos)++;
	size_t b = *pos;
	while (*pos < s.n && !DL_IS_SPACE(s.p[*pos]))
		(*pos)++;
	return (struct span){s.p + b, *pos - b};
}

static struct span strip_dot(struct span w)
{
	if (w.n && w.p[w.n - 1] == '.')
		w.n--;
	return w;
}

/* Month 1-12 of "March", "Mar.", "Sept." (any case), else 0. */
static int month_of(struct span w)
{
	w = strip_dot(w);
	/* the shared month table; the grammar takes only the full name, the abbreviation and "Sept" */
	int m = calendar_month(w.p, w.n);
	if (m && (w.n == 3 || w.n == strlen(calendar_month_name(m)) || (m == 9 && w.n == 4)))
		return m;
	return 0;
}

int dl_is_weekday(struct span w)
{
	w = strip_dot(w);
	if (ieq(w.p, w.n, "tues") || ieq(w.p, w.n, "thur") || ieq(w.p, w.n, "thurs"))
		return 1;
	for (int d = 0; d < 7; d++)
		if (ieq(w.p, w.n, weekdays[d][0]) || ieq(w.p, w.n, weekdays[d][1]))
			return 1;
	return 0;
}

/* A day of the month, "3", "03", "24th": 1-31, else 0. */
static int day_of(struct span w)
{
	size_t digits = 0;
	int v = 0;
	while (digits < w.n && digits < 3 && DL_IS_DIGIT(w.p[digits]))
		v = v * 10 + (w.p[digits++] - '0');
	if (!digits || digits > 2 || v < 1 || v > 31)
		return 0;
	struct span rest = {w.p + digits, w.n - digits};
	if (!rest.n || ieq(rest.p, rest.n, "st") || ieq(rest.p, rest.n, "nd") ||
	    ieq(rest.p, rest.n, "rd") || ieq(rest.p, rest.n, "th"))
		return v;
	return 0;
}

int dl_parse_year(struct span w)
{
	if (w.n != 4)
		return 0;
	int v = 0;
	for (size_t i = 0; i < 4; i++) {
		if (!DL_IS_DIGIT(w.p[i]))
			return 0;
		v = v * 10 + (w.p[i] - '0');
	}
	return v >= 1900 && v <= 2099 ? v : 0;
}

int dl_parse_date(struct span s, struct dl_date *d)
{
	struct span w[6];
	size_t k = 0;
	for (size_t i = 0; i < s.n;) {
		while (i < s.n && (DL_IS_SPACE(s.p[i]) || s.p[i] == ','))
			i++;
		size_t b = i;
		while (i < s.n && !DL_IS_SPACE(s.p[i]) && s.p[i] != ',')
			i++;
		if (i == b)
			break;
		if (k == 6)
			return 0;
		w[k++] = (struct span){s.p + b, i - b};
	}
	size_t i = k && dl_is_weekday(w[0]) ? 1 : 0;
	if (k - i < 2 || k - i > 3)
		return 0;
	/* the shapes datelines write: month and day or day and month, a year after or not; a month and a year */
	int shape;
	if ((month_of(w[i]) && day_of(w[i + 1])) || (day_of(w[i]) && month_of(w[i + 1])))
		shape = k - i == 2 || dl_parse_year(w[i + 2]);
	else
		shape = k - i == 2 && month_of(w[i]) && dl_parse_year(w[i + 1]);
	if (!shape)
		return 0;
	/* the grammar found a date; turning it into one is the one date parser's job */
	char text[64];
	struct date_fields t;
	if (s.n >= sizeof text)
		return 0;
	for (size_t j = 0; j < s.n; j++)
		text[j] = DL_IS_SPACE(s.p[j]) ? ' ' : s.p[j];
	text[s.n] = '\0';
	if (date_parse(text, &t)) { /* "Feb. 30": written as a date, naming no day */
		d->year = d->mon = d->day = 0;
		return 1;
	}
	d->year = t.precision == DATE_NO_YEAR ? 0 : t.year;
	d->mon = t.month;
	d->day = t.precision == DATE_MONTH ? 0 : t.day;
	return 1;
}

enum dl_shape dl_place_shape(struct span s)
{
	size_t pos = 0, words = 0;
	int lower = 0, letters = 0, latin = 0;
	for (struct span w; (w = dl_next_word(s, &pos)).n;) {
		if (++words > 6)
			return DL_SHAPE_NONE;
		unsigned char c0 = (unsigned char)w.p[0];
		if (words > 1 && in_list(connectors, w, 0))
			continue;
		if (!DL_IS_UPPER(c0) && c0 < 0x80)
			return DL_SHAPE_NONE;
		if (w.n > 2 && (w.p[w.n - 1] == 's' || w.p[w.n - 1] == 'S') &&
		    (w.p[w.n - 2] == '\'' || (w.n > 4 && !memcmp(w.p + w.n - 4, "\xE2\x80\x99", 3))))
			return DL_SHAPE_NONE; /* "Uruguay's": a possessive opens a sentence */
		for (size_t i = 0; i < w.n; i++) {
			unsigned char c = (unsigned char)w.p[i];
			if (DL_IS_LOWER(c)) {
				lower = 1;
				letters++;
				latin++;
			} else if (DL_IS_UPPER(c) || c >= 0x80) {
				letters++;
				latin += c < 0x80;
			} else if (c != '.' && c != '-' && c != '\'')
				return DL_SHAPE_NONE;
		}
	}
	if (!words || letters < 2 || latin < 2)
		return DL_SHAPE_NONE; /* a script without capitals says nothing by its shape */
	return lower ? DL_SHAPE_TITLE : DL_SHAPE_CAPS;
}

/* s with its words one space apart, in buf; 0 when it does not fit. */
static size_t one_spaced(struct span s, char *buf, size_t cap)
{
	size_t pos = 0, n = 0;
	for (struct span w; (w = dl_next_word(s, &pos)).n;) {
		if (n + w.n + 2 > cap)
			return 0;
		if (n)
			buf[n++] = ' ';
		memcpy(buf + n, w.p, w.n);
		n += w.n;
	}
	buf[n] = '\0';
	return n;
}

unsigned dl_place_known(struct span s)
{
	char buf[PHRASE_MAX];
	size_t n = one_spaced(s, buf, sizeof buf);
	if (!n)
		return 0;
	unsigned bits = in_list(state_abbrevs, (struct span){buf, n}, 0) ? DL_STATE_ABBREV : 0;
	if (in_list(labels, (struct span){buf, n}, 1))
		return bits;
	unsigned f = lexicon_lookup(buf, n, NULL);
	if (f & (LEX_ANY_PLACE | LEX_TOWN))
		bits |= DL_KNOWN_PLACE;
	if (f & LEX_COUNTRY)
		bits |= DL_KNOWN_COUNTRY;
	return bits;
}

int dl_caps_unknown_place(struct span s)
{
	const unsigned not_a_place = LEX_COMMON | LEX_STOP | LEX_ANY_ORG | LEX_FEMALE | LEX_MALE |
	                             LEX_TITLE | LEX_HONORIFIC | LEX_VERB | LEX_DEMONYM | LEX_ORG_WORD;
	size_t pos = 0, words = 0, letters = 0;
	if (dl_place_shape(s) != DL_SHAPE_CAPS || in_list(labels, s, 1))
		return 0;
	for (struct span w; (w = dl_next_word(s, &pos)).n;) {
		if (++words > 3 || (lexicon_lookup(w.p, w.n, NULL) & not_a_place))
			return 0;
		for (size_t i = 0; i < w.n; i++)
			letters += DL_IS_UPPER(w.p[i]) || (unsigned char)w.p[i] >= 0x80;
		if (w.n < 3)
			return 0; /* initials and short acronyms: "IT", "UN" */
	}
	return letters >= 4;
}

static int is_news_word(struct span w)
{
	return in_list(news_words, w, 1);
}

size_t dl_source_len(struct span s)
{
	char buf[PHRASE_MAX];
	size_t n = one_spaced(s, buf, sizeof buf);
	if (n && (lexicon_lookup(buf, n, NULL) & LEX_NEWS))
		return s.n;
	size_t pos = 0, words = 0, news = 0, end = 0;
	for (struct span w; (w = dl_next_word(s, &pos)).n;) {
		int brand = words == 0;
		for (size_t i = 0; i < w.n && brand; i++)
			brand = DL_IS_LOWER(w.p[i]); /* "afrol News" */
		if (++words > 5 || (!DL_IS_UPPER(w.p[0]) && !brand && (unsigned char)w.p[0] < 0x80))
			return 0;
		if (is_news_word(w))
			news++;
		if (!in_list(sections, w, 1) || !news)
			end = (size_t)(w.p + w.n - s.p);
	}
	return news && words >= 2 ? end : 0;
}

void dl_source_name(struct span s, char *out, size_t cap)
{
	char buf[PHRASE_MAX];
	const char *canon = NULL;
	size_t n = one_spaced(s, buf, sizeof buf), o = 0;
	out[0] = '\0';
	if (n && (lexicon_lookup(buf, n, &canon) & LEX_NEWS) && canon && strlen(canon) < cap)
		memcpy(out, canon, strlen(canon) + 1);
	else if (dl_place_shape(s) == DL_SHAPE_CAPS && memchr(buf, ' ', n))
		dl_title_case(s, out, cap, &o);
	else if (n < cap)
		memcpy(out, buf, n + 1);
}

int dl_agency_shape(struct span s)
{
	size_t pos = 0, words = 0, latin = 0;
	if (!s.n || s.n >= 64)
		return 0;
	for (struct span w; (w = dl_next_word(s, &pos)).n;) {
		int lower_short = w.n <= 5;
		for (size_t i = 0; i < w.n; i++) {
			unsigned char c = (unsigned char)w.p[i];
			lower_short &= DL_IS_LOWER(c);
			latin += DL_IS_UPPER(c) || DL_IS_LOWER(c);
			if (!DL_IS_UPPER(c) && !DL_IS_LOWER(c) && !DL_IS_DIGIT(c) && c < 0x80 &&
			    !strchr(".-&'/,", c))
				return 0;
		}
		if (++words > 4 || (!DL_IS_UPPER(w.p[0]) && !lower_short && (unsigned char)w.p[0] < 0x80))
			return 0;
	}
	/* one common word is a note, not a source: "(Updated)", "(Photo)" */
	unsigned f = lexicon_lookup(s.p, s.n, NULL);
	return latin >= 2 && !(words == 1 && (f & LEX_COMMON) && !(f & LEX_NEWS)) && !in_list(labels, s, 1);
}

/* Appends w in title case. */
static void title_word(struct span w, int first, char *out, size_t cap, size_t *o)
{
	int has_lower = 0, abbrev = 1;
	for (size_t i = 0; i < w.n; i++) {
		if (DL_IS_LOWER(w.p[i]))
			has_lower = 1;
		if (!((i % 2 == 0 && DL_IS_UPPER(w.p[i])) || (i % 2 == 1 && w.p[i] == '.')))
			abbrev = 0;
	}
	int lower_all = !first && in_list(connectors, w, 1);
	int start = 1;
	for (size_t i = 0; i < w.n && *o + 2 < cap; i++) {
		unsigned char c = (unsigned char)w.p[i];
		if (!has_lower && !abbrev && DL_IS_UPPER(c) && (!start || lower_all))
			c = (unsigned char)(c - 'A' + 'a');
		/* Latin-1 capitals (two-byte U+00C0-U+00DE) inside a word go lower too */
		if (!has_lower && !abbrev && c == 0xC3 && i + 1 < w.n && !start && *o + 3 < cap) {
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

void dl_title_case(struct span s, char *out, size_t cap, size_t *o)
{
	size_t pos = 0;
	int first = 1, as_written = 0;
	for (size_t i = 0; i < s.n; i++)
		as_written |= DL_IS_LOWER(s.p[i]); /* "Washington, DC": its capitals are meant */
	for (struct span w; (w = dl_next_word(s, &pos)).n; first = 0) {
		if (!first && *o + 1 < cap)
			out[(*o)++] = ' ';
		if (as_written && *o + w.n < cap) {
			memcpy(out + *o, w.p, w.n);
			*o += w.n;
			out[*o] = '\0';
		} else if (!as_written) {
			title_word(w, first, out, cap, o);
		}
	}
}
