/* fileio.c: bounded whole-file reads. */
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int file_read(const char *path, size_t limit, char **data, size_t *len, char *err, size_t errlen)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	const char *name = fd ? path : "standard input";
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", path);
		close(fd);
		return -1;
	}
	/* the size, the NUL and one byte more: the read that finds the end must not double the buffer */
	size_t cap = (S_ISREG(st.st_mode) && st.st_size > 0 && (size_t)st.st_size <= limit)
		? (size_t)st.st_size + 2 : 65536;
	char *buf = malloc(cap);
	size_t n = 0;
	if (!buf)
		goto oom;
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > limit) {
				snprintf(err, errlen, "%s: larger than the %zu MiB limit", name, limit >> 20);
				goto fail;
			}
			size_t ncap = cap * 2 > limit + 2 ? limit + 2 : cap * 2;
			char *p = realloc(buf, ncap);
			if (!p)
				goto oom;
			buf = p;
			cap = ncap;
		}
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s: %s", name, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > limit) {
			snprintf(err, errlen, "%s: larger than the %zu MiB limit", name, limit >> 20);
			goto fail;
		}
	}
	if (fd)
		close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
oom:
	snprintf(err, errlen, "%s: out of memory", name);
fail:
	free(buf);
	if (fd)
		close(fd);
	return -1;
}
