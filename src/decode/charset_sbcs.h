/* charset_sbcs.h: single-byte charsets iconv lacks (charset_sbcs.c), for charset_decode.c. */
#ifndef DATELINE_CHARSET_SBCS_H
#define DATELINE_CHARSET_SBCS_H

#include <stddef.h>

/* The upper half (bytes 0x80-0xFF; 0: undefined) of name (canonical, as charset_canonical() gives it), or NULL. */
const unsigned short *charset_sbcs_table(const char *name);

#endif
