/*
 * wrap.h: word wrapping by display width (wide CJK and emoji count two
 * columns, combining marks none). Needs setlocale(LC_CTYPE, "") with a UTF-8
 * locale for wcwidth(); falls back to one column a code point.
 */
#ifndef DATELINE_WRAP_H
#define DATELINE_WRAP_H

#include <stddef.h>

/* Display columns of s[0..len) (valid UTF-8 expected; invalid bytes count 1). */
int wrap_width(const char *s, size_t len);

/*
 * The first line of s[0..len) that fits width columns: returns its byte
 * length (trailing spaces excluded) and sets *next to where the following
 * line starts (spaces skipped). Breaks at spaces; a word wider than the line
 * is cut. Always makes progress when len > 0.
 */
size_t wrap_line(const char *s, size_t len, int width, size_t *next);

#endif
