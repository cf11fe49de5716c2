/*
 * base.h: the public interface of src/base/: growable buffers, UTF-8, the terminal sanitiser, display-width wrapping, files and XDG paths, string maps and indexes.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_BASE_H
#define DATELINE_BASE_H

#include <stddef.h>
#include <stdint.h>

/*
 * ASCII character classes and FNV-1a hashing: the one copy every stage uses.
 * The classes ignore the locale on purpose (<ctype.h> follows setlocale(),
 * which the interface calls): markup, dates and datelines are ASCII grammar
 * whatever the reader's language, and bytes >= 0x80 are never letters here.
 */
static inline int ascii_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int ascii_islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int ascii_isalpha(int c) { return ascii_isupper(c) || ascii_islower(c); }
static inline int ascii_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int ascii_isalnum(int c) { return ascii_isalpha(c) || ascii_isdigit(c); }
static inline int ascii_isblank(int c) { return c == ' ' || c == '\t'; }
static inline int ascii_isspace(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int ascii_tolower(int c) { return ascii_isupper(c) ? c - 'A' + 'a' : c; }
static inline int ascii_toupper(int c) { return ascii_islower(c) ? c - 'a' + 'A' : c; }
/* The first place in s where needle starts, ASCII case folded; NULL when none. */
const char *ascii_strcasestr(const char *s, const char *needle);

/* FNV-1a, 32-bit: hash_fnv1a32(p, n, HASH_FNV1A32_INIT); one byte at a time with _step. */
#define HASH_FNV1A32_INIT 2166136261u
static inline uint32_t hash_fnv1a32_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
uint32_t hash_fnv1a32(const void *p, size_t n, uint32_t h);
/* FNV-1a, 64-bit, for digests: hash_fnv1a64(p, n, HASH_FNV1A64_INIT). */
#define HASH_FNV1A64_INIT 14695981039346656037ULL
static inline uint64_t hash_fnv1a64_step(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
uint64_t hash_fnv1a64(const void *p, size_t n, uint64_t h);

/* Seconds on the monotonic clock (not the wall clock: it never jumps), for timeouts and timings. */
double clock_seconds(void);

/*
 * appdirs.h: where dateline keeps its files, and writing them safely.
 *
 * Config: $DATELINE_CONFIG_DIR, else $XDG_CONFIG_HOME/dateline, else
 * ~/.config/dateline. Data: $DATELINE_DATA_DIR, else $XDG_DATA_HOME/dateline,
 * else ~/.local/share/dateline. (Empty variables count as unset.)
 */
/* Writes the directory into out[0..n). 0, or -1 with err set (no HOME, too long). */
int appdirs_config(char *out, size_t n, char *err, size_t errlen);
int appdirs_data(char *out, size_t n, char *err, size_t errlen);
/* Where `make install` put the themes and samples (PREFIX/share/dateline): a static string. */
const char *appdirs_installed(void);
/* dir/name into out[0..n); 0 or -1 when it does not fit. */
int appdirs_join(char *out, size_t n, const char *dir, const char *name, char *err, size_t errlen);
/* Creates dir and its parents (mode 0700 for the ones it makes). 0 or -1 with err. */
int appdirs_mkdirs(const char *dir, char *err, size_t errlen);
/*
 * Replaces path with data[0..len) so a crash leaves the old file or the new
 * one, never half of either: a temporary file beside it, fsync, rename.
 * Creates the parent directory. 0, or -1 with err naming the file.
 */
int appdirs_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen);

/*
 * array.h: the growth step of every growable array: makes room for need
 * elements of elem bytes in *v, whose capacity (in elements) is *cap, doubling
 * from 8 and zeroing the new slots. Returns 0, or -1 when out of memory or the
 * size would overflow (then *v and *cap are unchanged and *v is still the
 * caller's). Call as array_grow((void **)&list->v, &list->cap, list->n + 1, sizeof *list->v).
 */
int array_grow(void **v, size_t *cap, size_t need, size_t elem);

/*
 * buf.h: a growable byte buffer for building strings.
 *
 * Ownership: the buffer owns data until buf_detach() hands it to the caller
 * (who frees it) or buf_free() releases it. data is always NUL-terminated
 * once anything was appended. A failed allocation sets failed and makes every
 * later append a no-op returning -1, so a caller may check once at the end.
 */
struct buf {
	char *data;   /* bytes, NUL-terminated; NULL while empty */
	size_t len;   /* bytes used, terminator excluded */
	size_t cap;   /* bytes allocated */
	size_t limit; /* refuse to grow past this many bytes; 0 for no limit */
	int failed;   /* 1 after an allocation failed or the limit was hit */
};

#define BUF_INIT {NULL, 0, 0, 0, 0}

int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Appends s[0..n) escaped as HTML text: & < > as entities, and '"' too when attr (for a
 * double-quoted attribute value). Returns -1 once the buffer failed. */
int buf_put_html(struct buf *b, const char *s, size_t n, int attr);
/* Empties the buffer but keeps its memory. */
void buf_reset(struct buf *b);
/* Returns the string (never NULL unless failed; "" when empty) and empties b. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

/*
 * fileio.h: reading whole inputs with a size cap.
 */
/*
 * Reads path ("-" for standard input) into a malloc'd, NUL-terminated
 * buffer *data of *len bytes, refusing inputs over limit bytes. Returns 0, or
 * -1 with a message in err naming the file and the reason. The caller frees
 * *data.
 */
int file_read(const char *path, size_t limit, char **data, size_t *len, char *err, size_t errlen);

/*
 * sanitize.h: the one gate between strangers' text and the terminal.
 *
 * Every string from a feed, page or article that is printed as text or drawn
 * by the TUI passes through sanitize_text(). JSON output escapes instead.
 */
enum {
	SANITIZE_KEEP_NEWLINES = 1 /* keep '\n' (otherwise it becomes a space) */
};

/*
 * A malloc'd copy of s[0..len) safe to write to a terminal: invalid UTF-8
 * becomes U+FFFD; escape sequences (ESC/CSI/OSC/DCS, 7- and 8-bit) are
 * removed whole; other C0 controls, DEL and C1 controls are dropped, tab
 * becomes a space, CR is dropped; U+2028/2029 are line ends like '\n';
 * bidi embeddings, overrides, isolates and marks (U+202A-202E, U+2066-2069,
 * LRM, RLM, ALM), tag characters (U+E0000-E007F) and interlinear annotation
 * controls (U+FFF9-FFFB) are dropped. NULL when out of memory. The
 * caller frees the result.
 */
char *sanitize_text(const char *s, size_t len, int flags);
/* Same, for a NUL-terminated string; NULL in gives "" out. */
char *sanitize_str(const char *s, int flags);
/* 1 when s is already what sanitize_text() would return. */
int sanitize_is_clean(const char *s, size_t len, int flags);
/*
 * A malloc'd copy of the JSON text json where what json-c leaves raw but a
 * terminal acts on, DEL, C1 controls (U+0080-009F), bidi controls and marks,
 * interlinear annotation controls and U+2028/2029, is written as a \uXXXX escape: the value decodes to the same
 * string, and `dateline ... --json` on a terminal shows no effects. JSON's
 * own syntax is ASCII, so these only ever occur inside strings. NULL when
 * out of memory; the caller frees the result.
 */
char *sanitize_json(const char *json);

/*
 * strmap.h: the one string-to-int hash map: per-article bookkeeping in the
 * analysis stage (which words appear capitalised mid-sentence, which surname
 * belongs to which person; keys compared without regard to ASCII case), and
 * finding a feed or host among thousands by URL (STRMAP_EXACT: bytes compared
 * exactly). Open addressing, linear probing, FNV-1a, grows at 1/2 load.
 *
 * Ownership: the map owns copies of its keys; strmap_free() releases them.
 */
struct strmap_slot {
	char *key;     /* owned copy, NUL-terminated, or NULL when empty */
	size_t len;    /* key length in bytes */
	int value;     /* the caller's value */
};

struct strmap {
	struct strmap_slot *slots; /* cap slots (owned) */
	size_t cap;                /* a power of two, or 0 before the first put */
	size_t n;                  /* keys stored */
	int exact;                 /* compare keys byte for byte (else ASCII case folded) */
};

#define STRMAP_INIT {.slots = NULL}
#define STRMAP_EXACT {.exact = 1}

/* Pointer to the value of key[0..len), or NULL. */
int *strmap_get(const struct strmap *m, const char *key, size_t len);
/* Pointer to the value of key, inserting it with value init when new; NULL when out of memory. */
int *strmap_put(struct strmap *m, const char *key, size_t len, int init);
/* Maps the NUL-terminated key to value (replacing an earlier one). 0, or -1 when out of memory. */
int strmap_set(struct strmap *m, const char *key, int value);
/* The value of the NUL-terminated key, or -1 when absent. */
int strmap_find(const struct strmap *m, const char *key);
/* Frees every key and the table; the map is empty afterwards (and keeps its exact flag). */
void strmap_free(struct strmap *m);

/*
 * utf8.h: UTF-8 decoding and repair, independent of the locale.
 */
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
 * wrap.h: word wrapping by display width (wide CJK and emoji count two
 * columns, combining marks none). Needs setlocale(LC_CTYPE, "") with a UTF-8
 * locale for wcwidth(); falls back to one column a code point.
 */
/* Display columns of s[0..len) (valid UTF-8 expected; invalid bytes count 1). */
int wrap_width(const char *s, size_t len);

/*
 * The first line of s[0..len) that fits width columns: returns its byte
 * length (trailing spaces excluded) and sets *next to where the following
 * line starts (spaces skipped). Breaks at spaces; a word wider than the line
 * is cut. Always makes progress when len > 0.
 */
size_t wrap_line(const char *s, size_t len, int width, size_t *next);

/*
 * confline.h: one line of a config file ("name value", '#' comments): trims
 * line in place and sets *name and *value (the rest of the line, maybe "")
 * into it. Returns 1, or 0 for a blank or comment line.
 */
int conf_split_line(char *line, char **name, char **value);

/*
 * calendar.c: the Gregorian calendar all date readers share (no state, no
 * time zone: times are UTC seconds since 1970, as 64-bit numbers).
 */
/* 1-12 when w[0..len) is an English month name or a prefix of it of three letters or more (any case), else 0. */
int calendar_month(const char *w, size_t len);
/* "january".."december" for 1-12 (a static string), "" otherwise. */
const char *calendar_month_name(int month);
int calendar_leap(long long y);
/* Days in month m (1-12) of year y; 0 for a month out of range. */
int calendar_month_days(long long y, int m);
/* Days from 1970-01-01 to y-m-d; a day past the month's end runs on into the next (as timegm() does). */
long long calendar_days(long long y, int m, int d);
/* The date of a day count from 1970-01-01 (the inverse of calendar_days()). */
void calendar_civil(long long days, long long *y, int *m, int *d);
/* Seconds since 1970-01-01T00:00:00Z of that UTC date and time. */
long long calendar_time(long long y, int m, int d, int h, int mi, int s);

/*
 * calendar_iso.c: dates as fields, and the ISO 8601 part of the one date
 * parser. decode.h's date_parse() reads every form feeds and pages write and
 * calls calendar_iso_read() for ISO; the store, which may not use decode,
 * reads its own stored ISO text back with the same code.
 */
/* How much of a date its text gave; the order is from least to most. */
enum date_precision {
	DATE_NONE = 0, /* no date: the time is DATE_UNKNOWN */
	DATE_NO_YEAR,  /* a month and a day without a year ("--07-24", "XXXX-07-24", a dateline's "July 24"): the time is DATE_UNKNOWN */
	DATE_YEAR,     /* "2024": the time is 1 January 00:00 UTC */
	DATE_MONTH,    /* "2024-07": the 1st, 00:00 UTC */
	DATE_DAY,      /* a day without a time of day: 00:00 UTC of that day (a day is the same day everywhere) */
	DATE_TIME,     /* a time of day (minutes or finer), converted to UTC from the offset written (UTC when none) */
};
/* The time of a date not read, or read without its year: no real instant is this far back. */
#define DATE_UNKNOWN INT64_MIN

/* A date as written, before any conversion: what the one date parser reads. */
struct date_fields {
	int year, month, day;      /* year 0 with DATE_NO_YEAR; month and day 1 when not written */
	int hour, minute, second;  /* 0 when not written; second 60 for a leap second */
	int offset;                /* minutes east of UTC of the zone written (0 when none) */
	enum date_precision precision;
};

/*
 * Reads ISO 8601 / W3C-DTF: "2024", "2024-07", "2024-07-24", "20240724",
 * "240724", ordinal "2024-206" / "2024206", two-digit years "-24", "-2407",
 * "-24-07", year-less "--07-24" and "XXXX-07-24", each optionally followed by
 * "T" or a space and "HH:MM[:SS[.fff]]" and a zone ("Z", "+05", "+0530",
 * "+05:30"). Spaces around are allowed. Fills *t and returns 0 when the whole
 * of s is one and it is a real date (calendar_fields_time()), else -1 with
 * *t zeroed (DATE_NONE).
 */
int calendar_iso_read(const char *s, struct date_fields *t);
/* Reads the zone offset "Z" (alone), "+05", "+0530" or "+05:30" that is all of s into *minutes (east). 0 or -1. */
int calendar_zone_read(const char *s, int *minutes);
/*
 * The UTC seconds of *t (the offset taken away; a leap second counts as the
 * second before it) into *time, DATE_UNKNOWN for DATE_NO_YEAR. Returns -1
 * when the fields are no real date (year outside 1-9999, month 13, 31 June,
 * 29 February of a common year, hour 24, DATE_NONE), else 0.
 */
int calendar_fields_time(const struct date_fields *t, int64_t *time);

/* version.h: the one place the version is written. */
#define DATELINE_VERSION "0.1.0"
#define DATELINE_HOMEPAGE "https://github.com/dateline-reader/dateline" /* named in the User-Agent */

#endif
