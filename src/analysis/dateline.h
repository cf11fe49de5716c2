/*
 * dateline.h: recognise the dateline that opens a news story, as the
 * world's papers write it: "WASHINGTON (AP) —", "KUWAIT CITY, July 24:",
 * "Doha:", "CAIRO – 26 July 2022:", "BUFFALO, N.Y. —", "(Reuters) -",
 * "Ulaanbaatar / MONTSAME /", "afrol News, 27 January -".
 * Pure function of its input; no allocation.
 */
#ifndef DATELINE_DATELINE_H
#define DATELINE_DATELINE_H

#include "model.h"

#include <stddef.h>

struct dateline_match {
	char place[128];   /* title-cased place, "" when none (a source-only opening) */
	char date[11];     /* "YYYY-MM-DD"; "XXXX-MM-DD" when the year is neither written
	                    * nor known from published; "" when no day is given */
	struct moment at;  /* date's day (DATE_DAY), DATE_NO_YEAR for "XXXX", unknown when there is no date */
	char agency[64];   /* "AP", or the source that opens the line ("afrol News"); "" when none */
	char raw[256];     /* the dateline as written, closing dash or colon included */
	size_t raw_len;    /* bytes of the paragraph the dateline covers (closer included) */
	size_t body_start; /* byte offset where the story text begins */
};

/*
 * Looks for a dateline at the start of text[0..len). published ("YYYY-..."
 * or NULL) supplies the year when the dateline gives a month and day only
 * (the year before when the month is more than one past published's).
 * Returns 1 and fills *m when one is found, 0 when the text does not open
 * with a dateline (an ordinary sentence never does).
 */
int dateline_parse(const char *text, size_t len, const char *published, struct dateline_match *m);

#endif
