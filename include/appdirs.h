/*
 * appdirs.h: where dateline keeps its files, and writing them safely.
 *
 * Config: $DATELINE_CONFIG_DIR, else $XDG_CONFIG_HOME/dateline, else
 * ~/.config/dateline. Data: $DATELINE_DATA_DIR, else $XDG_DATA_HOME/dateline,
 * else ~/.local/share/dateline. (Empty variables count as unset.)
 */
#ifndef DATELINE_APPDIRS_H
#define DATELINE_APPDIRS_H

#include <stddef.h>

/* Writes the directory into out[0..n). 0, or -1 with err set (no HOME, too long). */
int appdirs_config(char *out, size_t n, char *err, size_t errlen);
int appdirs_data(char *out, size_t n, char *err, size_t errlen);
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

#endif
