/* fetch_error.c: curl's failures in words a user can act on, and the fetch settings from the environment. */
#include "fetch_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "30 s", "2.5 s", "800 ms". */
static void format_ms(long ms, char *out, size_t outlen)
{
	if (ms < 1000)
		snprintf(out, outlen, "%ld ms", ms);
	else if (ms % 1000 == 0)
		snprintf(out, outlen, "%ld s", ms / 1000);
	else
		snprintf(out, outlen, "%.1f s", ms / 1000.0);
}

/* "16 MiB", "100 KiB", "512 bytes". */
static void format_size(size_t n, char *out, size_t outlen)
{
	if (n >= ((size_t)1 << 20) && n % ((size_t)1 << 20) == 0)
		snprintf(out, outlen, "%zu MiB", n >> 20);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(out, outlen, "%zu KiB", n >> 10);
	else
		snprintf(out, outlen, "%zu bytes", n);
}

void fetch_explain_timeout(struct fetch_xfer *x, char *out, size_t outlen)
{
	char t[32];
	format_ms(x->opts->timeout_ms, t, sizeof t);
	snprintf(out, outlen, "timed out after %s", t);
}

void fetch_explain_error(struct fetch_xfer *x, CURLcode rc)
{
	char *e = x->res.error;
	size_t el = sizeof x->res.error;
	long oserr = 0;
	char t[32];
	curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &oserr);
	if (x->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		format_size(x->max_bytes, t, sizeof t);
		snprintf(e, el, "response larger than %s", t);
		return;
	}
	if (x->out_of_memory) {
		snprintf(e, el, "out of memory while downloading");
		return;
	}
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		if (strstr(x->errbuf, "too slow")) {
			long hdr = 0;
			curl_easy_getinfo(x->easy, CURLINFO_HEADER_SIZE, &hdr);
			if (hdr == 0) { /* a server that accepted and then said nothing */
				snprintf(e, el, "timed out after %ld s without an answer", x->opts->low_speed_secs);
				return;
			}
			snprintf(e, el, "too slow: under %ld bytes/s for %ld s", x->opts->low_speed,
			         x->opts->low_speed_secs);
		} else if (strstr(x->errbuf, "onnection timed out") || strstr(x->errbuf, "Resolving timed out")) {
			format_ms(x->opts->connect_ms, t, sizeof t);
			snprintf(e, el, "could not connect within %s", t);
		} else {
			fetch_explain_timeout(x, e, el);
		}
		return;
	case CURLE_COULDNT_RESOLVE_HOST:
		snprintf(e, el, "host not found");
		return;
	case CURLE_COULDNT_RESOLVE_PROXY:
		snprintf(e, el, "proxy host not found (check http_proxy / https_proxy)");
		return;
	case CURLE_COULDNT_CONNECT:
		snprintf(e, el, "%s", oserr == ECONNREFUSED ? "connection refused" : "could not connect");
		return;
	case CURLE_GOT_NOTHING:
		snprintf(e, el, "server closed the connection without answering");
		return;
	case CURLE_PARTIAL_FILE: {
		curl_off_t want = -1;
		curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &want);
		if (want >= 0)
			snprintf(e, el, "truncated: the connection closed after %zu of %lld bytes", x->len,
			         (long long)want);
		else
			snprintf(e, el, "truncated: the connection closed mid-body");
		return;
	}
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
		if (oserr == ECONNRESET || strstr(x->errbuf, "reset"))
			snprintf(e, el, "connection reset");
		else if (strstr(x->errbuf, "chunk"))
			snprintf(e, el, "malformed chunked encoding");
		else
			snprintf(e, el, "network error: %.120s", x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
		return;
	case CURLE_BAD_CONTENT_ENCODING:
		snprintf(e, el, "corrupt compressed body");
		return;
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_UNSUPPORTED_PROTOCOL:
		if (strstr(x->errbuf, "chunk"))
			snprintf(e, el, "malformed chunked encoding");
		else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
			snprintf(e, el, "only http and https URLs are fetched");
		else
			snprintf(e, el, "not an HTTP answer");
		return;
	case CURLE_SSL_CONNECT_ERROR:
		if (strstr(x->errbuf, "wrong version number") || strstr(x->errbuf, "packet length too long"))
			snprintf(e, el, "TLS handshake failed: the server does not speak TLS on that port");
		else
			snprintf(e, el, "TLS handshake failed: %.120s", x->errbuf[0] ? x->errbuf : "no details");
		return;
	case CURLE_PEER_FAILED_VERIFICATION:
		snprintf(e, el, "TLS certificate not trusted: %.120s", x->errbuf[0] ? x->errbuf : "no details");
		return;
	case CURLE_SSL_CACERT_BADFILE:
		snprintf(e, el, "cannot read the CA certificates");
		return;
	case CURLE_URL_MALFORMAT:
		snprintf(e, el, "malformed URL");
		return;
	case CURLE_TOO_MANY_REDIRECTS:
		snprintf(e, el, "too many redirects (more than %d)", x->opts->max_redirects);
		return;
	default:
		break;
	}
	if (strstr(x->errbuf, "chunk")) {
		snprintf(e, el, "malformed chunked encoding");
		return;
	}
	snprintf(e, el, "%.150s", x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
}

/* Seconds as a decimal ("2", "0.5") to milliseconds; -1 when not a positive number. */
static long parse_seconds(const char *s)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0) || v > 86400)
		return -1;
	long ms = (long)(v * 1000 + 0.5);
	return ms > 0 ? ms : 1;
}

/* "16M", "100k", "1048576"; 0 when not a positive size. */
static size_t parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || s[0] == '-')
		return 0;
	int shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: break;
	}
	if (*end == 'i' || *end == 'B')
		end += *end == 'i' ? (end[1] == 'B' ? 2 : 1) : 1;
	if (*end || v == 0 || v > (((unsigned long long)SIZE_MAX) >> shift))
		return 0;
	return (size_t)(v << shift);
}

int fetch_opts_from_env(struct fetch_opts *o, char *err, size_t errlen)
{
	const char *v;
	long ms;
	if ((v = getenv("DATELINE_FETCH_TIMEOUT")) && *v) {
		if ((ms = parse_seconds(v)) < 0)
			goto bad_seconds;
		o->timeout_ms = ms;
	}
	if ((v = getenv("DATELINE_FETCH_CONNECT_TIMEOUT")) && *v) {
		if ((ms = parse_seconds(v)) < 0)
			goto bad_seconds;
		o->connect_ms = ms;
	}
	if ((v = getenv("DATELINE_FETCH_LOW_SPEED_TIME")) && *v) {
		if ((ms = parse_seconds(v)) < 0)
			goto bad_seconds;
		o->low_speed_secs = (ms + 999) / 1000;
	}
	if ((v = getenv("DATELINE_FETCH_MAX_BYTES")) && *v) {
		size_t n = parse_size(v);
		if (!n) {
			snprintf(err, errlen, "DATELINE_FETCH_MAX_BYTES='%s' is not a size (e.g. 16M)", v);
			return -1;
		}
		o->max_bytes = n;
	}
	if ((v = getenv("DATELINE_FETCH_PER_HOST")) && *v) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 1 || n > 1000) {
			snprintf(err, errlen, "DATELINE_FETCH_PER_HOST='%s' is not a number from 1 to 1000", v);
			return -1;
		}
		o->max_per_host = (int)n;
	}
	if ((v = getenv("DATELINE_CA_BUNDLE")) && *v)
		o->cainfo = v;
	return 0;
bad_seconds:
	snprintf(err, errlen, "'%s' is not a number of seconds (check the DATELINE_FETCH_* variables)", v);
	return -1;
}
