/*
 * buf.h: a growable byte buffer for building strings.
 *
 * Ownership: the buffer owns data until buf_detach() hands it to the caller
 * (who frees it) or buf_free() releases it. data is always NUL-terminated
 * once anything was appended. A failed allocation sets failed and makes every
 * later append a no-op returning -1, so a caller may check once at the end.
 */
#ifndef DATELINE_BUF_H
#define DATELINE_BUF_H

#include <stddef.h>

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
/* Empties the buffer but keeps its memory. */
void buf_reset(struct buf *b);
/* Returns the string (never NULL unless failed; "" when empty) and empties b. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

#endif
