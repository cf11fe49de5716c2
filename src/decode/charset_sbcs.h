/* charset_sbcs.h: single-byte charsets iconv lacks (charset_sbcs.c), for charset.c. */
#ifndef DATELINE_CHARSET_SBCS_H
#define DATELINE_CHARSET_SBCS_H

#include <stddef.h>

/* 1 when name (canonical, as charset_canonical() gives it) is one of the tables here. */
int charset_sbcs_known(const char *name);
/* Same contract as charset_convert(): strict, *out malloc'd and NUL-terminated, -1 on a failure. */
int charset_sbcs_convert(const char *name, const char *data, size_t len, char **out, size_t *outlen);

/* Decodes with high[] giving bytes 0x80-0xFF (0: undefined, refused), the lower half ASCII; as above. */
int charset_sbcs_decode(const unsigned short high[128], const char *data, size_t len, char **out, size_t *outlen);

#endif
