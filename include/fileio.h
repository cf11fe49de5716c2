/*
 * fileio.h: reading whole inputs with a size cap.
 */
#ifndef DATELINE_FILEIO_H
#define DATELINE_FILEIO_H

#include <stddef.h>

/*
 * Reads path ("-" for standard input) into a malloc'd, NUL-terminated
 * buffer *data of *len bytes, refusing inputs over limit bytes. Returns 0, or
 * -1 with a message in err naming the file and the reason. The caller frees
 * *data.
 */
int file_read(const char *path, size_t limit, char **data, size_t *len, char *err, size_t errlen);

#endif
