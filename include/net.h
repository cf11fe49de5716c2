/*
 * net.h: the public interface of src/net/: HTTP(S) transfers over libcurl, many at a time, with per-host queues and limits.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_NET_H
#define DATELINE_NET_H

#include <stddef.h>

/*
 * fetch.h: HTTP(S) downloads, many at once (libcurl multi interface).
 *
 * One call fetches a batch: at most max_parallel transfers run together
 * and at most max_per_host to one host (a request waits for a place before
 * it starts, so its timeouts only run once it is on the wire), each finished one is handed to the caller's callback as soon as it is done
 * (so parsing overlaps the other downloads), and one failure never stops the
 * rest. A single URL is a batch of one (fetch_url()).
 *
 * What every transfer gets: http/https only (redirects too), TLS verified,
 * proxies from the environment (curl's http_proxy/https_proxy/no_proxy),
 * HTTP/2 where offered, any Content-Encoding curl can decode, conditional
 * headers (If-None-Match / If-Modified-Since) when the request carries a
 * validator, redirects followed by us (so a redirect to file:// gets a clear
 * refusal and a permanent one can update the feed's URL), connect / total
 * timeouts and a low-speed limit, and a size cap on the decoded body counted
 * as it arrives (stops chunked bodies and gzip bombs alike).
 *
 * Ownership: requests are borrowed for the duration of fetch_run(). A
 * fetch_result passed to the callback belongs to the fetcher and is freed
 * when the callback returns, except that the callback may take the body by
 * setting r->body to NULL (it then frees it). A result from fetch_url() is
 * the caller's, freed with fetch_result_free().
 */
#define FETCH_DEFAULT_PARALLEL 16
#define FETCH_DEFAULT_PER_HOST 8
#define FETCH_DEFAULT_CONNECT_MS 10000L
#define FETCH_DEFAULT_TIMEOUT_MS 30000L
#define FETCH_DEFAULT_LOW_SPEED 64L        /* bytes per second ... */
#define FETCH_DEFAULT_LOW_SPEED_SECS 20L   /* ... for this long aborts */
#define FETCH_DEFAULT_MAX_BYTES ((size_t)16 << 20)
#define FETCH_DEFAULT_MAX_REDIRECTS 5

struct fetch_opts {
	int max_parallel;      /* transfers running at once (>= 1) */
	int max_per_host;      /* connections to one host at once (>= 1) */
	long connect_ms;       /* connect timeout, milliseconds */
	long timeout_ms;       /* whole transfer, redirects included, milliseconds */
	long low_speed;        /* abort when slower than this many bytes/s ... */
	long low_speed_secs;   /* ... for this many seconds (0 disables) */
	size_t max_bytes;      /* largest decoded body accepted, bytes */
	int max_redirects;     /* redirects followed before giving up */
	const char *cainfo;    /* CA bundle file instead of the system's, or NULL */
	/*
	 * fetch_run() calls idle(ctx) (its callback's ctx) each time it is about
	 * to wait for the network; it returns how many milliseconds at most the
	 * wait may last before it is called again, or -1 for no limit. NULL: none.
	 */
	long (*idle)(void *ctx);
};

/* The defaults above. */
void fetch_opts_default(struct fetch_opts *o);
/*
 * Applies the environment overrides, so tests and impatient users need no
 * flags: DATELINE_FETCH_TIMEOUT, DATELINE_FETCH_CONNECT_TIMEOUT (seconds,
 * fractions allowed), DATELINE_FETCH_MAX_BYTES (bytes, K/M/G suffix allowed),
 * DATELINE_FETCH_LOW_SPEED_TIME (seconds), DATELINE_FETCH_PER_HOST,
 * DATELINE_CA_BUNDLE. Returns 0, or -1 with the bad variable named in err.
 */
int fetch_opts_from_env(struct fetch_opts *o, char *err, size_t errlen);

struct fetch_request {
	const char *url;           /* http:// or https:// URL */
	const char *etag;          /* validator sent as If-None-Match, or NULL */
	const char *last_modified; /* validator sent as If-Modified-Since, or NULL */
	const char *accept;        /* Accept header value, or NULL for curl's */
	/* An API call (aggregators): the body is POSTed, and a request carrying a body or
	   credentials never follows a redirect (they would go where the server says). */
	const char *post;          /* request body sent with POST, or NULL for a GET */
	size_t post_len;           /* bytes of post */
	const char *post_type;     /* Content-Type of post ("application/json"), or NULL */
	const char *authorization; /* Authorization header value, or NULL; never logged */
};

/* An Accept header asking for feeds first. */
#define FETCH_ACCEPT_FEED "application/rss+xml, application/atom+xml, application/feed+json, " \
	"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"


enum fetch_status {
	FETCH_OK,           /* a 2xx with a body */
	FETCH_NOT_MODIFIED, /* 304: nothing changed since the validators */
	FETCH_HTTP_ERROR,   /* the server answered 4xx/5xx (or an odd 3xx) */
	FETCH_FAILED        /* no usable answer: network, TLS, timeout, limit, ... */
};

struct fetch_result {
	size_t index;          /* position of the request in the batch */
	const char *url;       /* the request's URL (borrowed from the request) */
	enum fetch_status status; /* what happened */
	long http_code;        /* final HTTP status, 0 when no answer */
	int http_version;      /* 2 for HTTP/2, 1 for HTTP/1.x, 0 when no answer */
	char *final_url;       /* URL after redirects, or NULL when none were followed */
	char *permanent_url;   /* where 301/308 redirects (and only those) led, or NULL */
	int redirects;         /* redirects followed */
	char *content_type;    /* Content-Type header of the final answer, or NULL */
	char *etag;            /* ETag header of the final answer, or NULL */
	char *last_modified;   /* Last-Modified header of the final answer, or NULL */
	char *body;            /* decoded body, NUL-terminated; NULL when none */
	size_t body_len;       /* bytes in body, terminator excluded */
	double seconds;        /* wall time from start to end, redirects included */
	char error[160];       /* one line for a user when status is not FETCH_OK
	                          or FETCH_NOT_MODIFIED ("HTTP 404", "timed out after 30 s") */
};

/* Called once per request, in completion order. Return 0 to go on, -1 to stop the batch. */
typedef int (*fetch_done_fn)(void *ctx, struct fetch_result *r);

/*
 * Fetches reqs[0..n) and calls done for each. Returns 0 when every request
 * got its callback (whatever each result was), or -1 with a message in err
 * when the fetcher itself could not run (out of memory, curl set-up) or the
 * callback stopped it.
 */
int fetch_run(const struct fetch_request *reqs, size_t n, const struct fetch_opts *o,
              fetch_done_fn done, void *ctx, char *err, size_t errlen);

/*
 * Fetches one URL (no validators; accept is the Accept header or NULL).
 * Returns 0 with *out set, whatever the HTTP outcome (look at
 * (*out)->status), or -1 with err set when the fetcher could not run. The
 * caller frees *out with fetch_result_free(); (*out)->url is url itself.
 */
int fetch_url(const char *url, const char *accept, const struct fetch_opts *o, struct fetch_result **out,
              char *err, size_t errlen);
void fetch_result_free(struct fetch_result *r);
/* fetch_url() for a whole request (a POST, an Authorization header): the same contract. */
int fetch_request_one(const struct fetch_request *req, const struct fetch_opts *o, struct fetch_result **out,
                      char *err, size_t errlen);

/* The User-Agent sent with every request. */
const char *fetch_user_agent(void);

#endif
