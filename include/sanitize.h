/*
 * sanitize.h: the one gate between strangers' text and the terminal.
 *
 * Every string from a feed, page or article that is printed as text or drawn
 * by the TUI passes through sanitize_text(). JSON output escapes instead.
 */
#ifndef DATELINE_SANITIZE_H
#define DATELINE_SANITIZE_H

#include <stddef.h>

enum {
	SANITIZE_KEEP_NEWLINES = 1 /* keep '\n' (otherwise it becomes a space) */
};

/*
 * A malloc'd copy of s[0..len) safe to write to a terminal: invalid UTF-8
 * becomes U+FFFD; escape sequences (ESC/CSI/OSC/DCS, 7- and 8-bit) are
 * removed whole; other C0 controls, DEL and C1 controls are dropped, tab
 * becomes a space, CR is dropped; bidi embeddings, overrides and isolates
 * (U+202A-202E, U+2066-2069) are dropped. NULL when out of memory. The
 * caller frees the result.
 */
char *sanitize_text(const char *s, size_t len, int flags);
/* Same, for a NUL-terminated string; NULL in gives "" out. */
char *sanitize_str(const char *s, int flags);
/* 1 when s is already what sanitize_text() would return. */
int sanitize_is_clean(const char *s, size_t len, int flags);
/*
 * A malloc'd copy of the JSON text json where what json-c leaves raw but a
 * terminal acts on, DEL, C1 controls (U+0080-009F), bidi controls and
 * U+2028/2029, is written as a \uXXXX escape: the value decodes to the same
 * string, and `dateline ... --json` on a terminal shows no effects. JSON's
 * own syntax is ASCII, so these only ever occur inside strings. NULL when
 * out of memory; the caller frees the result.
 */
char *sanitize_json(const char *json);

#endif
