/*
 * dateline.c: dateline recognition, one grammar for the world's papers.
 *
 *   dateline := [source-or-place {"," part}] [bracket] closer [date closer]
 *   part     := place | region, country or US state | date | year | weekday
 *   bracket  := "(" agency ")" | "(" date ")" | "/" agency "/"
 *   closer   := a dash of any kind | ":" | nothing after a bracket when a
 *               capitalised word follows ("(EFE) The ...", "/ MONTSAME / President")
 *
 * Each closer within the first line's opening bytes is tried in turn; the
 * text before it must read wholly as the grammar's parts. The first part is
 * a place the gazetteers know, a place in capitals no word of which is an
 * English word, or a news source ("afrol News", "TODAY NICARAGUA"); any
 * other capitalised phrase stands as a place only beside a date, an agency
 * or a known country or region. So a sentence never reads as a dateline:
 * "THREE pupils ...", "Bengal school jobs case:", "Dubai is now ..." and
 * "President Trump — who ..." all fail a part or the evidence.
 */
#include "dateline.h"
#include "dateline_parts.h"
#include "base.h"
#include "decode.h"

#include <stdio.h>
#include <string.h>

#define PREFIX_MAX 160 /* bytes before the closer */
#define DATE_TAIL_MAX 40 /* bytes of a date after the closer: "CAIRO – 26 July 2022:" */
#define PLACES_MAX 4
#define TITLE_MAX 160 /* bytes: a longer line is a story's paragraph, full stop or not */

enum { CLOSER_MARK = 1, CLOSER_BRACKET = 2 };

/* What the text before a closer was read as. */
struct reading {
	struct span places[PLACES_MAX];
	unsigned known[PLACES_MAX]; /* DL_KNOWN_* bits of each place */
	size_t n_places;
	int first_trusted;  /* the first part is a known place, an unknown caps place or a source */
	struct span source; /* the publication that opens the line, when no place does */
	struct span agency;
	struct dl_date date;
	int have_date;
};

/* Bytes of the dash at t[0..len) (hyphen, figure/en/em dash, bar, minus), else 0. */
static size_t dash_len(const unsigned char *t, size_t len)
{
	if (len && t[0] == '-')
		return len > 1 && t[1] == '-' ? 2 : 1;
	if (len >= 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] >= 0x92 && t[2] <= 0x95)
		return 3;
	if (len >= 3 && t[0] == 0xE2 && t[1] == 0x88 && t[2] == 0x92)
		return 3;
	return 0;
}

/* 1 when a story's first word can start at t[0]: not a lower-case ASCII letter. */
static int opens_body(const char *t, size_t len)
{
	if (!len)
		return 0;
	unsigned char c = (unsigned char)t[0];
	return !DL_IS_LOWER(c) && c >= 0x20;
}

/* 1 when the trimmed-space text at t[i..len) starts with a capital, a digit or a quote. */
static int capital_follows(const char *t, size_t len, size_t i)
{
	if (i >= len || t[i] != ' ')
		return 0;
	while (i < len && t[i] == ' ')
		i++;
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)t[i];
	return DL_IS_UPPER(c) || DL_IS_DIGIT(c) || c == '"' || c == '\'' || c >= 0x80;
}

/* 1 when text[0..len) is one short line that does not end as a sentence does. */
static int is_title_line(const char *t, size_t len)
{
	while (len && DL_IS_SPACE(t[len - 1]))
		len--;
	if (!len || len > TITLE_MAX || memchr(t, '\n', len))
		return 0;
	unsigned char c = (unsigned char)t[len - 1];
	if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')')
		return 0;
	return !(len >= 3 && (unsigned char)t[len - 3] == 0xE2 && (unsigned char)t[len - 2] == 0x80 &&
	         (c == 0x9D || c == 0x99 || c == 0xA6)); /* ” ’ … */
}

/*
 * A closer at t[i]: returns CLOSER_MARK (a dash or colon) or CLOSER_BRACKET
 * (the bracket that ends an agency, a capitalised word after it) with
 * *pre_end (where the dateline's words end) and *end (past the closer), else 0.
 */
static int closer_at(const char *t, size_t len, size_t i, size_t *pre_end, size_t *end)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t d = dash_len(u + i, len - i);
	if (d == 3 || (d && (t[i - 1] == ' ' || t[i - 1] == ')') && i + d < len && t[i + d] == ' ')) {
		*pre_end = i, *end = i + d;
		return CLOSER_MARK;
	}
	if (t[i] == ':' && (i + 1 == len || t[i + 1] == ' ')) {
		*pre_end = i, *end = i + 1;
		return CLOSER_MARK;
	}
	if ((t[i] == ')' || t[i] == '/') && capital_follows(t, len, i + 1)) {
		*pre_end = *end = i + 1;
		return CLOSER_BRACKET;
	}
	if ((t[i] == '/' || t[i] == ')') && i + 1 < len && t[i + 1] == '.') { /* "Ulaanbaatar / MONTSAME /." */
		*pre_end = i + 1, *end = i + 2;
		return CLOSER_BRACKET;
	}
	return 0;
}

/* Takes "(AGENCY)", "(DATE)" or "/AGENCY/" off the end of *p. */
static int take_bracket(struct span *p, struct reading *r)
{
	char close = p->p[p->n - 1], open = close == ')' ? '(' : '/';
	size_t i = p->n - 1;
	while (i-- > 0 && p->p[i] != open)
		;
	if (i >= p->n)
		return 0;
	struct span c = dl_trim(p->p + i + 1, p->n - i - 2);
	struct dl_date d;
	if (close == ')' && !r->have_date && dl_parse_date(c, &d)) {
		r->date = d;
		r->have_date = 1;
	} else if (!r->agency.n && dl_agency_shape(c))
		r->agency = c;
	else
		return 0;
	*p = dl_trim(p->p, i);
	if (p->n && p->p[p->n - 1] == ',')
		*p = dl_trim(p->p, p->n - 1);
	return 1;
}

/* The first comma-separated part: a place or a news source. */
static int read_first(struct span part, struct reading *r)
{
	unsigned known = dl_place_known(part);
	enum dl_shape shape = dl_place_shape(part);
	size_t src;
	if (shape != DL_SHAPE_NONE && (known & (DL_KNOWN_PLACE | DL_KNOWN_COUNTRY))) {
		r->first_trusted = 1;
	} else if ((src = dl_source_len(part)) != 0) {
		r->source = (struct span){part.p, src};
		r->first_trusted = 1;
		return 1;
	} else if (shape == DL_SHAPE_NONE) {
		return 0;
	} else {
		r->first_trusted = dl_caps_unknown_place(part);
	}
	r->places[0] = part;
	r->known[0] = known;
	r->n_places = 1;
	return 1;
}

/* A later part: a date, its year, a weekday, or a region, country or state. */
static int read_part(struct span part, struct reading *r)
{
	struct dl_date d;
	if (!r->have_date && dl_parse_date(part, &d)) {
		r->date = d;
		r->have_date = 1;
		return 1;
	}
	if (r->have_date && !r->date.year && r->date.day && (r->date.year = dl_parse_year(part)))
		return 1;
	if (dl_is_weekday(part))
		return 1;
	unsigned known = dl_place_known(part);
	if (r->have_date || r->n_places == PLACES_MAX ||
	    (dl_place_shape(part) == DL_SHAPE_NONE && !(known & DL_STATE_ABBREV)))
		return 0;
	r->places[r->n_places] = part;
	r->known[r->n_places++] = known;
	return 1;
}

/* Reads the words before a closer; 1 when they make a dateline. */
static int read_prefix(struct span p, struct reading *r)
{
	memset(r, 0, sizeof *r);
	for (int k = 0; k < 2 && p.n && (p.p[p.n - 1] == ')' || p.p[p.n - 1] == '/'); k++)
		if (!take_bracket(&p, r))
			return 0;
	if (!p.n && r->agency.n && (dl_place_known(r->agency) & (DL_KNOWN_PLACE | DL_KNOWN_COUNTRY))) {
		r->places[0] = r->agency; /* "(Leipzig) -": a place in brackets */
		r->known[0] = dl_place_known(r->agency);
		r->n_places = 1;
		r->first_trusted = 1;
		r->agency = (struct span){NULL, 0};
		return 1;
	}
	if (!p.n)
		return r->agency.n != 0; /* "(Reuters) -" */
	for (size_t b = 0, first = 1; b <= p.n; first = 0) {
		size_t e = b;
		while (e < p.n && p.p[e] != ',')
			e++;
		struct span part = dl_trim(p.p + b, e - b);
		if (!part.n || !(first ? read_first(part, r) : read_part(part, r)))
			return 0;
		b = e + 1;
	}
	if (r->first_trusted || r->agency.n || r->have_date)
		return 1;
	/* "Kakamega, Kenya": an unknown name beside a known region or country */
	for (size_t i = 1; i < r->n_places; i++)
		if (r->known[i])
			return 1;
	return 0;
}

/* "Egypt, Cairo" is written "Cairo, Egypt". */
static void write_place(const struct reading *r, char *out, size_t cap)
{
	size_t order[PLACES_MAX], o = 0;
	for (size_t i = 0; i < r->n_places; i++)
		order[i] = i;
	if (r->n_places == 2 && (r->known[0] & DL_KNOWN_COUNTRY) && (r->known[1] & DL_KNOWN_PLACE) &&
	    !(r->known[1] & DL_KNOWN_COUNTRY)) {
		order[0] = 1;
		order[1] = 0;
	}
	out[0] = '\0';
	for (size_t i = 0; i < r->n_places; i++) {
		if (i && o + 2 < cap)
			out[o++] = ',', out[o++] = ' ';
		struct span part = r->places[order[i]];
		if ((r->known[order[i]] & DL_STATE_ABBREV) && o + part.n < cap) /* "NY", "N.Y." */ {
			memcpy(out + o, part.p, part.n);
			o += part.n;
			out[o] = '\0';
		} else
			dl_title_case(part, out, cap, &o);
	}
}

/* ISO date and its time, the year taken from published when not written, "XXXX" when unknown. */
static void write_date(struct dl_date d, const char *published, char *out, size_t cap, struct moment *at)
{
	out[0] = '\0';
	*at = MOMENT_UNKNOWN;
	if (!d.day)
		return; /* "June 2022": a month is no day */
	int year = d.year;
	struct date_fields pub; /* as written: the year of the place it was published in */
	if (!year && !date_parse(published, &pub) && pub.precision >= DATE_MONTH) {
		year = pub.year;
		if (d.mon > pub.month + 1) /* a December dateline published in January */
			year--;
	}
	struct date_fields day = {.year = year, .month = d.mon, .day = d.day,
	                          .precision = year ? DATE_DAY : DATE_NO_YEAR};
	if (!calendar_fields_time(&day, &at->time))
		at->precision = day.precision;
	char iso[32];
	if (year)
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", year % 10000, d.mon, d.day);
	else
		snprintf(iso, sizeof iso, "XXXX-%02d-%02d", d.mon, d.day);
	size_t n = strlen(iso);
	if (n < cap)
		memcpy(out, iso, n + 1);
}

/* "CAIRO – 26 July 2022: ...": a date and a second closer just after the first. */
static size_t date_after(const char *t, size_t len, size_t at, struct reading *r)
{
	size_t i = at;
	while (i < len && t[i] == ' ')
		i++;
	for (size_t j = i; j < len && j < i + DATE_TAIL_MAX; j++) {
		size_t pre, end;
		if ((unsigned char)t[j] < 0x20)
			return at;
		if (j > i && closer_at(t, len, j, &pre, &end) == CLOSER_MARK && pre == j) {
			struct dl_date d;
			if (!dl_parse_date(dl_trim(t + i, j - i), &d))
				return at;
			r->date = d;
			r->have_date = 1;
			return end;
		}
	}
	return at;
}

static int fill(const char *text, size_t len, size_t end, const struct reading *r, const char *published,
                struct dateline_match *m)
{
	while (end < len && text[end] == ' ')
		end++;
	size_t d = dash_len((const unsigned char *)text + end, len - end);
	if (d && end + d < len && text[end + d] == ' ')
		end += d; /* "(Xinhua) - -" */
	while (end > 0 && text[end - 1] == ' ')
		end--;
	size_t bs = end;
	while (bs < len && DL_IS_SPACE(text[bs]))
		bs++;
	if (end >= sizeof m->raw || !opens_body(text + bs, len - bs))
		return 0;
	memset(m, 0, sizeof *m);
	m->at = MOMENT_UNKNOWN;
	write_place(r, m->place, sizeof m->place);
	if (r->agency.n && r->agency.n < sizeof m->agency)
		memcpy(m->agency, r->agency.p, r->agency.n);
	else if (r->source.n)
		dl_source_name(r->source, m->agency, sizeof m->agency);
	if (r->have_date)
		write_date(r->date, published, m->date, sizeof m->date, &m->at);
	memcpy(m->raw, text, end);
	m->raw[end] = '\0';
	m->raw_len = end;
	m->body_start = bs;
	return 1;
}

int dateline_parse(const char *text, size_t len, const char *published, struct dateline_match *m)
{
	memset(m, 0, sizeof *m);
	m->at = MOMENT_UNKNOWN;
	if (!text || !len || (unsigned char)text[0] < 0x20)
		return 0;
	size_t lim = len < PREFIX_MAX ? len : PREFIX_MAX;
	for (size_t i = 1; i < lim; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x20 || c == 0x7F)
			return 0; /* a dateline is one clean line */
		size_t pre, end;
		struct reading r;
		int kind = closer_at(text, len, i, &pre, &end);
		if (!kind || !read_prefix(dl_trim(text, pre), &r))
			continue;
		/* with no dash nor colon, only a known opening vouches: "TODAY NICARAGUA (EFE) The" */
		if (kind == CLOSER_BRACKET && !r.first_trusted && (r.n_places || r.source.n))
			continue;
		/* a source and a colon title a piece ("Politifact: ..."); a source opens with a dash */
		if (text[i] == ':' && !r.n_places && !r.agency.n)
			continue;
		/* "Nigeria: Strike Goes On": a place and a colon before a short line with no full stop is a title */
		if (text[i] == ':' && is_title_line(text, len))
			continue;
		if (!r.have_date && end > pre)
			end = date_after(text, len, end, &r);
		if (fill(text, len, end, &r, published, m))
			return 1;
	}
	return 0;
}
