/*
 * gunzip.c: gzip-compressed documents (a saved page "page.html.gz", a body
 * served compressed without saying so) inflated before sniffing.
 *
 * Inflation stops at a cap on the decoded size: a few kilobytes of gzip can
 * expand to gigabytes, and a page past the cap is refused, not truncated.
 */
#include "decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int decode_is_gzip(const char *data, size_t len)
{
	return len >= 10 && (unsigned char)data[0] == 0x1F && (unsigned char)data[1] == 0x8B && data[2] == 8;
}

int decode_gunzip(const char *data, size_t len, size_t cap, char **out, size_t *outlen,
                  char *err, size_t errlen)
{
	*out = NULL, *outlen = 0;
	z_stream z;
	memset(&z, 0, sizeof z);
	/* 16 + MAX_WBITS: a gzip header and trailer, checked */
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	size_t size = len * 4 + 4096, used = 0;
	if (size > cap + 1)
		size = cap + 1;
	char *buf = malloc(size + 1);
	int rc = buf ? Z_OK : Z_MEM_ERROR;
	const unsigned char *in = (const unsigned char *)data;
	size_t left = len;
	while (rc == Z_OK) {
		if (used == size) {
			if (size > cap) {
				snprintf(err, errlen, "compressed page expands past %zu bytes", cap);
				rc = Z_BUF_ERROR;
				break;
			}
			size_t bigger = size * 2 > cap + 1 ? cap + 1 : size * 2;
			char *nb = realloc(buf, bigger + 1);
			if (!nb) {
				rc = Z_MEM_ERROR;
				break;
			}
			buf = nb;
			size = bigger;
		}
		/* zlib counts in uInt: feed and drain it in pieces that fit */
		uInt chunk_in = left > 1u << 30 ? 1u << 30 : (uInt)left;
		uInt chunk_out = size - used > 1u << 30 ? 1u << 30 : (uInt)(size - used);
		z.next_in = (unsigned char *)in;
		z.avail_in = chunk_in;
		z.next_out = (unsigned char *)buf + used;
		z.avail_out = chunk_out;
		rc = inflate(&z, Z_NO_FLUSH);
		in += chunk_in - z.avail_in;
		left -= chunk_in - z.avail_in;
		used += chunk_out - z.avail_out;
		if (rc == Z_BUF_ERROR && !left) {
			snprintf(err, errlen, "compressed page is cut short");
			break;
		}
		if (rc == Z_BUF_ERROR && used < size && z.avail_in == chunk_in) {
			snprintf(err, errlen, "compressed page is damaged");
			break; /* neither room nor input was the matter: no progress can be made */
		}
		if (rc == Z_BUF_ERROR)
			rc = Z_OK; /* no room: grow and go on */
	}
	inflateEnd(&z);
	if (rc != Z_STREAM_END) {
		if (rc == Z_MEM_ERROR)
			snprintf(err, errlen, "out of memory");
		else if (rc == Z_DATA_ERROR || rc == Z_STREAM_ERROR || rc == Z_NEED_DICT)
			snprintf(err, errlen, "compressed page is damaged");
		free(buf);
		return -1;
	}
	buf[used] = '\0';
	*out = buf, *outlen = used;
	return 0;
}
