/*
 * charset.h: which charset a feed is written in, and its conversion to UTF-8.
 *
 * The precedence is RFC 3023's, as feedparser and the common readers apply
 * it: a byte-order mark (or UTF-16/32 byte pattern) wins; then for
 * application/xml-like types the HTTP charset, then the XML declaration, then
 * UTF-8; for text/xml-like and other text/ types the HTTP charset, else
 * US-ASCII; without a Content-Type the XML declaration, else UTF-8. When the
 * chosen charset cannot decode the bytes, the next candidate is tried
 * (declaration, UTF-8, windows-1252), so a wrong label never loses the
 * document. ISO-8859-1 is read as windows-1252, as browsers do (feeds
 * labelled latin-1 are full of 0x92 apostrophes). A document labelled
 * nowhere (no BOM, HTTP charset or declaration) that is not UTF-8 has its
 * charset guessed from its bytes (charset_guess()) before those fallbacks.
 */
#ifndef DATELINE_CHARSET_H
#define DATELINE_CHARSET_H

#include <stddef.h>

/*
 * Splits a Content-Type value into its MIME type (lower case, no parameters)
 * and its charset parameter (lower case, quotes removed; "" when absent).
 * ct may be NULL (both outputs "").
 */
void charset_parse_content_type(const char *ct, char *mime, size_t mimelen, char *charset, size_t charsetlen);

/*
 * The canonical lower-case name of a charset label ("UTF8" -> "utf-8",
 * "gb2312" -> "gb18030", "sjis" -> "shift_jis"), written to out.
 */
void charset_canonical(const char *label, char *out, size_t outlen);

/*
 * Converts data[0..len) from charset `from` to UTF-8, strictly: -1 when a
 * byte sequence is invalid in that charset or the charset is unknown. On
 * success *out is a malloc'd NUL-terminated string of *outlen bytes (a
 * leading BOM removed); the caller frees it.
 */
int charset_convert(const char *from, const char *data, size_t len, char **out, size_t *outlen);

/*
 * The character windows-1252 puts at the C1 code point cp (0x80-0x9F), as
 * HTML readers map C1 controls and &#128;-&#159; references; cp itself when
 * it is outside that range or one of the five undefined slots.
 */
unsigned charset_cp1252_c1(unsigned cp);

/*
 * Decodes an XML document to UTF-8 using the precedence above. content_type
 * may be NULL. On success returns 0 and *text[0..*textlen) is the document in
 * UTF-8: a pointer into data when it already was (no copy; *owned is NULL),
 * or a NUL-terminated conversion that *owned also points to (the caller
 * frees *owned). encoding receives the charset used, canonical lower case.
 * -1 with a message in err when out of memory.
 */
int charset_decode_xml(const char *data, size_t len, const char *content_type, const char **text, size_t *textlen,
                       char **owned, char *encoding, size_t enclen, char *err, size_t errlen);

/*
 * The likeliest charset of s[0..len) when nothing names it and it is not
 * UTF-8: one of shift_jis, euc-jp, euc-kr, gb2312, big5, windows-1251,
 * koi8-r, iso-8859-7, windows-1255, tis-620, or windows-1252 when none of
 * them reads clearly better (see charset_guess.c). A static string.
 */
const char *charset_guess(const char *s, size_t len);

/* 1 when s[0..len) is valid UTF-8 (fast on ASCII runs); with ascii_only, 1 only for 7-bit text. */
int charset_is_utf8(const char *s, size_t len, int ascii_only);

#endif
