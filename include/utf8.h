/*
 * utf8.h: UTF-8 decoding and repair, independent of the locale.
 */
#ifndef DATELINE_UTF8_H
#define DATELINE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one code point from s[0..len). Returns the number of bytes it
 * takes (1-4) and stores the code point in *cp, or returns 0 when the bytes
 * are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF).
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes room). Returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* 1 when s[0..len) is entirely valid UTF-8. */
int utf8_valid(const char *s, size_t len);
/*
 * A malloc'd copy of s[0..len) in which every invalid sequence is replaced by
 * U+FFFD and NUL bytes are dropped. *outlen gets the length. NULL when out of
 * memory. The caller frees the result.
 */
char *utf8_repair(const char *s, size_t len, size_t *outlen);
/* Length of the code point starting at s (1 for an invalid byte). */
size_t utf8_next(const char *s, size_t len);

/*
 * A malloc'd UTF-8 conversion of windows-1252 text s[0..len) (the usual
 * encoding of text that is not UTF-8). NULL when out of memory; the caller
 * frees it.
 */
char *utf8_from_cp1252(const char *s, size_t len, size_t *outlen);

#endif
