/*
 * decode.h: the public interface of src/decode/: bytes to text: content sniffing, charsets, the XML pre-pass, the one date parser.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_DECODE_H
#define DATELINE_DECODE_H

#include <stddef.h>
#include <stdint.h>

/*
 * sniff.h: what kind of document a byte string is.
 */
enum sniff_kind {
	SNIFF_TEXT,      /* plain-text article */
	SNIFF_HTML,      /* web page */
	SNIFF_FEED_XML,  /* RSS, RDF or Atom */
	SNIFF_FEED_JSON, /* JSON Feed */
	SNIFF_BINARY     /* none of the above */
};

/*
 * Decides from the bytes first, then the Content-Type header value (may be
 * NULL): a document that starts like a feed is a feed even when served as
 * text/html, and so on.
 */
enum sniff_kind sniff(const char *data, size_t len, const char *content_type);
/* "text", "html", "feed", "json feed", "binary". */
const char *sniff_name(enum sniff_kind k);

/*
 * gunzip.c: gzip-compressed documents read transparently.
 */
/* 1 when data starts like a gzip stream (magic bytes, deflate). */
int decode_is_gzip(const char *data, size_t len);
/*
 * Inflates the gzip stream data[0..len) into *out (malloc'd, NUL-terminated,
 * *outlen bytes; the caller frees it). Stops with an error when the result
 * would pass cap bytes (a zip bomb), or the stream is damaged or cut short.
 * 0, or -1 with a message in err.
 */
int decode_gunzip(const char *data, size_t len, size_t cap, char **out, size_t *outlen,
                  char *err, size_t errlen);

/*
 * charset.h: which charset a feed is written in, and its conversion to UTF-8.
 *
 * The precedence is RFC 3023's, as feedparser and the common readers apply
 * it: a byte-order mark (or UTF-16/32 byte pattern) wins; then for
 * application/xml-like types the HTTP charset, then the XML declaration, then
 * UTF-8; for text/xml-like and other text/ types the HTTP charset, else
 * US-ASCII; without a Content-Type the XML declaration, else UTF-8. When the
 * chosen charset reads nothing right (charset_reading_holds()), the next
 * candidate is tried (declaration, UTF-8, windows-1252), so a wrong label
 * never loses the document; bytes it merely cannot read become U+FFFD. ISO-8859-1 is read as windows-1252, as browsers do (feeds
 * labelled latin-1 are full of 0x92 apostrophes). A document labelled
 * nowhere (no BOM, HTTP charset or declaration) is read as
 * charset_undeclared() says.
 */
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
 * The one decoder of bytes to UTF-8 (charset_decode.c), used by feeds,
 * pages and plain text alike, so the same bytes give the same text. label is
 * any spelling charset_canonical() knows; iso-8859-1 is read as
 * windows-1252, as browsers do. Each byte the charset cannot read becomes U+FFFD and the rest is
 * kept; *bad (may be NULL) counts them. NULs are dropped, a leading BOM
 * removed. *text is malloc'd, NUL-terminated, *textlen bytes; the caller
 * frees it. 0, -1 when the charset is unknown, -2 when out of memory.
 */
int charset_decode(const char *label, const char *data, size_t len, char **text, size_t *textlen, size_t *bad);

/*
 * 1 when a reading u[0..ulen) that met nbad unreadable bytes read any
 * non-ASCII character right (or met none): a label that reads nothing
 * beyond ASCII right is wrong, and the next candidate charset is tried.
 */
int charset_reading_holds(const char *u, size_t ulen, size_t nbad);

/*
 * Decodes with the first of the NULL-terminated cands ("" entries skipped)
 * whose reading holds (above), else the first known one's reading; used
 * receives the name taken. 0, 1 when no candidate is known (nothing
 * allocated), -1 when out of memory.
 */
int charset_decode_best(const char *const *cands, const char *data, size_t len, char **text, size_t *textlen,
                        char *used, size_t usedlen);

/*
 * The charset of a document no label names: UTF-8 when its bytes are UTF-8
 * with at most some damage (more valid multi-byte sequences than bad bytes),
 * else charset_guess()'s. A static string.
 */
const char *charset_undeclared(const char *s, size_t len);

/* As charset_decode(), strictly: -1 also when any byte is unreadable (*text then not set). */
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

/*
 * xmlprep.h: makes a feed's XML safe and complete before libxml2 reads it.
 *
 * Feeds use HTML entities (&aacute;, &nbsp;) they never declare, and libxml2
 * drops those; they declare entities in a DOCTYPE, which is where XXE and
 * "billion laughs" live. xmlprep_rewrite() therefore removes the DOCTYPE,
 * keeps only internal entities whose value is plain text (substituted in
 * place, so no expansion can recurse), turns undeclared HTML named entities
 * into numeric character references, and escapes a bare '&' (as in an
 * unescaped URL query). C1 controls (U+0080-U+009F, as text or as &#146;)
 * become the windows-1252 characters they were meant to be, as HTML readers
 * do. libxml2 then never sees a DTD at all. CDATA sections,
 * comments and processing instructions are copied untouched.
 */
/* A CDATA section's text, pointing into the input document. */
struct xmlprep_span {
	const char *text; /* first byte after "<![CDATA[" */
	size_t len;       /* bytes before "]]>" */
};

/*
 * The prepared document. With lifting on, every CDATA section is replaced by
 * the processing instruction <?dl-cdata N?> and its text kept in cdata[N]:
 * libxml2 reads CDATA a character at a time, while the feed reader can copy
 * it whole (feeds carry most of their bytes in CDATA content:encoded).
 * Processing instructions of that name already in the input are dropped.
 * Ownership: the struct owns owned and cdata; doc points either into the
 * input (no change was needed) or to owned; cdata entries point into the
 * input, so the input must outlive the result.
 */
struct xmlprep {
	const char *doc;            /* the document to parse */
	size_t len;                 /* its length */
	char *owned;                /* malloc'd rewrite, or NULL when doc is the input */
	struct xmlprep_span *cdata; /* lifted CDATA sections, or NULL */
	size_t n_cdata;             /* how many */
	size_t cap_cdata;           /* allocated slots */
	const char *error;          /* after a failure: why, as a static string */
};

/*
 * More attributes than this on one element refuse the document: libxml2's
 * duplicate-attribute check is quadratic, so 100,000 attributes already
 * cost seconds.
 */
#define XMLPREP_MAX_ATTRS 1024

#define XMLPREP_CDATA_PI "dl-cdata" /* target of the placeholder instruction */

/*
 * Prepares the UTF-8 document in[0..len) into *out (lift_cdata: 1 to lift
 * CDATA sections). Returns 0, or -1 when out of memory, the rewrite would
 * exceed maxlen bytes or an element has more than XMLPREP_MAX_ATTRS
 * attributes (out->error says which; nothing else is left to free). Free a
 * success with xmlprep_free().
 */
int xmlprep_rewrite(const char *in, size_t len, size_t maxlen, int lift_cdata, struct xmlprep *out);
void xmlprep_free(struct xmlprep *p);

/*
 * entity.h: the one decoder of character references ("&#8217;", "&#x2019;",
 * "&rsquo;", "&amp;"), for feeds, pages and the XML pre-pass alike.
 */
/* The code point of the HTML named character reference name[0..n), or 0 when unknown. */
unsigned html_entity_lookup(const char *name, size_t n);
/* The numeric reference at s[0..len) ("&#" then up to 8 digits, or "&#x"/"&#X" and hex, then ';'):
 * its length with the ';', *cp set to the number as written (the caller judges it: 0, a
 * surrogate or past U+10FFFF); 0 when s does not start with one. */
size_t entity_number(const char *s, size_t len, unsigned long *cp);
/* The reference at s[0..len) ('&'): its length with the ';' and *cp its character, or 0 when
 * it is none, names no known entity (XML's five or HTML's) or no character text may hold. */
size_t entity_decode(const char *s, size_t len, uint32_t *cp);

/*
 * date.h: the one date parser. Every stage that turns a date's text into a
 * time comes here (feeds, page metadata, datelines, the interface); the html
 * and analysis stages only find date-like text and hand it over.
 *
 * Reads ISO 8601 / W3C-DTF (base.h calendar_iso_read(): reduced, ordinal,
 * two-digit-year and year-less forms, fractions and offsets), RFC 822 /
 * RFC 2822 and their common breakages (missing seconds or time, two-digit
 * years, full month names, "GMT-01:00", North American zone names, a comma
 * after the month), asctime(), JavaScript's Date string, Perforce's
 * "2006/09/15", dates in English words as datelines and pages write them
 * ("March 17, 2025", "Tuesday, 5th January", "July 24", "June 2022"), and the
 * Greek, Hungarian and Korean (Nate, OnBlog) forms feedparser knows; and, for
 * pages only (date_parse_forms()), numeric dates any way round and month
 * names in eight languages. Keeps no state; an unknown zone name reads as UTC.
 */
struct moment;
struct date_fields;

/*
 * Reads s (NULL allowed; white space around ignored) into *t as written: the
 * fields before any conversion, and how much was given (a year-less date is
 * DATE_NO_YEAR with year 0). Returns 0, or -1 when s is no real date in any
 * form it knows (31 June, 29 February 2025, hour 25; *t zeroed, DATE_NONE).
 */
int date_parse(const char *s, struct date_fields *t);

/*
 * Forms only pages write, which a feed's date must not take (feedparser
 * reads none of them): date_parse_forms() reads them besides date_parse()'s.
 */
enum date_forms {
	DATE_FORMS_FEED = 0,
	/* numeric dates any way round: "2015.08.25", "2018/4/5", "2018-4-5", day
	 * first "25.08.2015", "25/08/2015", and month first "8/25/2015" where a
	 * "/" date cannot be day first; a four-digit year, optionally a time after */
	DATE_NUMERIC_ANY = 1 << 0,
	/* month names in German, French, Spanish, Italian, Portuguese, Dutch and
	 * Polish beside English's (date_month_name()): "5 Mai 2020", "7 février 2021" */
	DATE_MONTHS_EUROPE = 1 << 1,
	DATE_FORMS_PAGE = DATE_NUMERIC_ANY | DATE_MONTHS_EUROPE,
};

/* date_parse() reading also the forms given (enum date_forms, or-ed). */
int date_parse_forms(const char *s, unsigned forms, struct date_fields *t);

/*
 * The month (1-12) the word w[0..len) names in English, German, French,
 * Spanish, Italian, Portuguese, Dutch or Polish (full, genitive or cut to
 * three letters or more: "Sept", "März", "stycznia"), any case, or 0.
 */
int date_month_name(const char *w, size_t len);

/* date_parse() to the model's form: the UTC time and the precision. 0, or -1 with *m unknown (MOMENT_UNKNOWN). */
int date_read(const char *s, struct moment *m);

#define FEED_DATE_LEN 20 /* strlen("YYYY-MM-DDTHH:MM:SSZ") */

/* Writes time (UTC seconds) as "YYYY-MM-DDTHH:MM:SSZ" and a NUL into out[FEED_DATE_LEN + 1]; -1 ("") when its year is outside 0-9999 or it is DATE_UNKNOWN. */
int date_format_utc(int64_t time, char *out);

/*
 * The feeds' normal form: date_read() and date_format_utc() of s into
 * out[FEED_DATE_LEN + 1]. Returns 0, or -1 when s is no date or has no year
 * (out is then "").
 */
int feed_date_parse(const char *s, char *out);

#endif
