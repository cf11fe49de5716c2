/* appdirs.c: config and data directories, and atomic file replacement. */
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* own: the dateline-specific variable; xdg: the XDG one; fallback: under HOME. */
static int pick(char *out, size_t n, const char *own, const char *xdg, const char *fallback,
                char *err, size_t errlen)
{
	const char *v;
	int w;
	if ((v = env(own)))
		w = snprintf(out, n, "%s", v);
	else if ((v = env(xdg)))
		w = snprintf(out, n, "%s/dateline", v);
	else if ((v = env("HOME")))
		w = snprintf(out, n, "%s/%s", v, fallback);
	else {
		snprintf(err, errlen, "neither %s, %s nor HOME is set", own, xdg);
		return -1;
	}
	if (w < 0 || (size_t)w >= n) {
		snprintf(err, errlen, "directory name too long (from %s)", own);
		return -1;
	}
	return 0;
}

int appdirs_config(char *out, size_t n, char *err, size_t errlen)
{
	return pick(out, n, "DATELINE_CONFIG_DIR", "XDG_CONFIG_HOME", ".config/dateline", err, errlen);
}

int appdirs_data(char *out, size_t n, char *err, size_t errlen)
{
	return pick(out, n, "DATELINE_DATA_DIR", "XDG_DATA_HOME", ".local/share/dateline", err, errlen);
}

int appdirs_join(char *out, size_t n, const char *dir, const char *name, char *err, size_t errlen)
{
	int w = snprintf(out, n, "%s/%s", dir, name);
	if (w < 0 || (size_t)w >= n) {
		snprintf(err, errlen, "path too long: %s/%s", dir, name);
		return -1;
	}
	return 0;
}

int appdirs_mkdirs(const char *dir, char *err, size_t errlen)
{
	char p[4096];
	if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p) {
		snprintf(err, errlen, "path too long: %s", dir);
		return -1;
	}
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) && errno != EEXIST) {
			snprintf(err, errlen, "cannot create %s: %s", p, strerror(errno));
			return -1;
		}
		*s = c;
		if (!c)
			break;
	}
	return 0;
}

/*
 * The file a write to path lands in: path itself, or the file a symbolic link
 * there points to (dotfile managers link the feeds file into a repository:
 * the rename must replace the target, not turn the link into a copy).
 * Returns 0 with out filled, -1 with err.
 */
static int write_target(const char *path, char *out, size_t n, char *err, size_t errlen)
{
	struct stat sb;
	char link[4096];
	if (strlen(path) >= n) {
		snprintf(err, errlen, "the path %.200s... is too long", path);
		return -1;
	}
	memmove(out, path, strlen(path) + 1);
	for (int hops = 0; hops < 16; hops++) {
		if (lstat(out, &sb) || !S_ISLNK(sb.st_mode))
			return 0; /* a regular file, or none yet: written there */
		ssize_t k = readlink(out, link, sizeof link - 1);
		if (k < 0)
			break;
		link[k] = '\0';
		/* a relative link is read from the link's own directory */
		char *slash = strrchr(out, '/');
		size_t dl = link[0] == '/' || !slash ? 0 : (size_t)(slash - out) + 1;
		if (dl + (size_t)k >= n)
			break;
		memcpy(out + dl, link, (size_t)k + 1);
	}
	snprintf(err, errlen, "cannot write %s: its symbolic links do not lead to a file", path);
	return -1;
}

int appdirs_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	char dir[4096], tmp[4200], target[4096];
	if (write_target(path, target, sizeof target, err, errlen))
		return -1;
	path = target;
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		if (appdirs_mkdirs(dir, err, errlen))
			return -1;
	}
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
		return -1;
	}
	struct stat old;
	if (stat(path, &old) == 0 && fchmod(fd, old.st_mode & 0777)) /* the replacement keeps the file's mode */
		goto fail;
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	if (fsync(fd))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path))
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

/* prefix.h is written by the Makefile and changes only with PREFIX, so `make install
 * PREFIX=/opt/x` after a plain `make` rebuilds this one object with the right path. */
#include "prefix.h"

const char *appdirs_installed(void)
{
	return DATELINE_DATADIR;
}
