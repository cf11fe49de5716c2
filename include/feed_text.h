/*
 * feed_text.h: a feed field (plain text or HTML, as feeds mix them) as plain
 * text for display: tags dropped (block tags and <br> become a space),
 * character references decoded (the XML five, numeric ones and HTML's named
 * ones), white space collapsed, trimmed. The result still goes through the
 * sanitiser before it reaches a terminal.
 */
#ifndef DATELINE_FEED_TEXT_H
#define DATELINE_FEED_TEXT_H

#include <stddef.h>

/*
 * A malloc'd plain-text rendering of s, cut after about max bytes (at a
 * character boundary, with "…" appended) when max > 0. NULL in gives NULL
 * out; NULL also when out of memory. The caller frees the result.
 */
char *feed_text_plain(const char *s, size_t max);

#endif
