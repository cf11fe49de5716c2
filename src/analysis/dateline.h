/*
 * dateline.h: recognise the wire-style dateline that opens a news story.
 *
 * "WASHINGTON (AP) —", "Washington, March 17, 2025 –",
 * "MOSCOW, March 17 (Reuters) -", "BUFFALO, N.Y. —", "LONDON —".
 * Pure function of its input; no allocation.
 */
#ifndef DATELINE_DATELINE_H
#define DATELINE_DATELINE_H

#include <stddef.h>

struct dateline_match {
	char place[128];   /* title-cased place, "" when none */
	char date[11];     /* "YYYY-MM-DD", "" when no date or no year known */
	char agency[64];   /* "AP", "" when none */
	char raw[256];     /* the dateline as written, dash included */
	size_t raw_len;    /* bytes of the paragraph the dateline covers (dash included) */
	size_t body_start; /* byte offset where the story text begins */
};

/*
 * Looks for a dateline at the start of text[0..len). published ("YYYY-..."
 * or NULL) supplies the year when the dateline gives a month and day only.
 * Returns 1 and fills *m when one is found, 0 when the text does not open
 * with a dateline (an ordinary sentence never does).
 */
int dateline_parse(const char *text, size_t len, const char *published, struct dateline_match *m);

#endif
