/*
 * dateline_parts.h: the pieces a dateline is made of (dateline_parts.c):
 * dates in any written order, places checked against the gazetteers, news
 * sources, agencies, and the title-casing of what was written in capitals.
 * Every function reads the span it is given and allocates nothing.
 */
#ifndef DATELINE_DATELINE_PARTS_H
#define DATELINE_DATELINE_PARTS_H

#include <stddef.h>

#define DL_IS_UPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define DL_IS_LOWER(c) ((c) >= 'a' && (c) <= 'z')
#define DL_IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define DL_IS_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

struct span {
	const char *p;
	size_t n;
};

struct span dl_trim(const char *p, size_t n);
/* Next white-space separated word of s after *pos, or n == 0 at the end. */
struct span dl_next_word(struct span s, size_t *pos);

/* A date as written: year 0 when not written, day 0 for "June 2022" (and all 0 for "Feb. 30", no real day). */
struct dl_date {
	int year, mon, day;
};

/*
 * 1 when s is wholly a date: "July 24", "Jul 24th", "24 July", "26 July 2022",
 * "Jun 10 2022", "March 17, 2025", "Feb. 25, 2021", "June 2022", with an
 * optional weekday before ("Tuesday, 26 July"). The grammar finds it; the
 * one date parser (decode.h date_parse()) reads its values.
 */
int dl_parse_date(struct span s, struct dl_date *d);
/* A year written alone: 1900-2099, else 0. */
int dl_parse_year(struct span s);
/* 1 for a weekday written alone ("Monday", "Tue."). */
int dl_is_weekday(struct span s);

/* How the words of a place phrase are written. */
enum dl_shape {
	DL_SHAPE_NONE = 0, /* not a name: a lower-case word, digits, punctuation */
	DL_SHAPE_CAPS,     /* "KUWAIT CITY", "WILKES-BARRE" */
	DL_SHAPE_TITLE,    /* "Cape Town", "Rio de Janeiro" */
};
enum dl_shape dl_place_shape(struct span s);

enum {
	DL_KNOWN_PLACE = 1,   /* a city, town, region or place the gazetteers know */
	DL_KNOWN_COUNTRY = 2, /* a country */
	DL_STATE_ABBREV = 4,  /* a US state as datelines shorten it: "Calif.", "N.Y." */
};
/* DL_KNOWN_* bits of the phrase s, 0 when the gazetteers do not know it as a place. */
unsigned dl_place_known(struct span s);
/*
 * 1 when a phrase in capitals that the gazetteers do not know still reads
 * as a place name: no word of it is a common English word, a given name, an
 * organisation or a label ("BULAWAYO", not "LED BY IIT", "BREAKING").
 */
int dl_caps_unknown_place(struct span s);

/*
 * Length of the news source that s names ("afrol News", "TODAY NICARAGUA"
 * of "TODAY NICARAGUA TRAVEL"), 0 when s names none: a known news
 * organisation, or a name of two words or more with a word like News, Times,
 * Today, Press in it.
 */
size_t dl_source_len(struct span s);
/*
 * The source's name into out[0..cap): the name a known news organisation goes
 * by, a name written in capitals in title case ("Today Nicaragua"), else as written.
 */
void dl_source_name(struct span s, char *out, size_t cap);
/* 1 when s reads as an agency inside brackets or slashes: "AP", "Reuters", "American Thinker". */
int dl_agency_shape(struct span s);

/*
 * Appends s to out[*o..cap) in title case ("WILKES-BARRE" -> "Wilkes-Barre";
 * "N.Y." kept); a phrase with a lower-case letter is kept as written ("Washington DC").
 */
void dl_title_case(struct span s, char *out, size_t cap, size_t *o);

#endif
