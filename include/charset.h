/*
 * charset.h: which charset a feed is written in, and its conversion to UTF-8.
 *
 * The precedence is RFC 3023's, as feedparser and the common readers apply
 * it: a byte-order mark (or UTF-16/32 byte pattern) wins; then for
 * application/xml-like types the HTTP charset, then the XML declaration, then
 * UTF-8; for text/xml-like and other text/ types the HTTP charset, else
 * US-ASCII; without a Content-Type the XML declaration, else UTF-8. When the
 * chosen charset cannot decode the bytes, the next candidate is tried
 * (declaration, UTF-8, windows-1252, ISO-8859-1), so a wrong label never
 * loses the document.
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
 * Decodes an XML document to UTF-8 using the precedence above. content_type
 * may be NULL. On success returns 0, *out is malloc'd UTF-8 (caller frees),
 * and encoding receives the charset used, canonical lower case. -1 with a
 * message in err when out of memory.
 */
int charset_decode_xml(const char *data, size_t len, const char *content_type, char **out, size_t *outlen,
                       char *encoding, size_t enclen, char *err, size_t errlen);

#endif
