/* test_fetch.c: the fetcher against tests/httpd.py's routes, one by one and all in one batch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "net.h"
#include "testhttpd.h"

static struct testhttpd srv;

static void url_of(char *out, size_t n, const char *scheme, const char *path)
{
	snprintf(out, n, "%s://127.0.0.1:%d%s", scheme, srv.port, path);
}

static void quick_opts(struct fetch_opts *o)
{
	fetch_opts_default(o);
	o->timeout_ms = 1500;
	o->connect_ms = 1500;
	o->low_speed = 64;
	o->low_speed_secs = 1;
	o->max_bytes = (size_t)1 << 20;
}

static struct fetch_result *get(const char *path, const struct fetch_opts *o)
{
	char url[256], err[256];
	url_of(url, sizeof url, "http", path);
	struct fetch_result *r = NULL;
	assert_int_equal(fetch_url(url, NULL, o, &r, err, sizeof err), 0);
	assert_non_null(r);
	return r;
}

static void test_ok_with_validators(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	struct fetch_result *r = get("/feed/a?items=3", &o);
	assert_int_equal(r->status, FETCH_OK);
	assert_int_equal(r->http_code, 200);
	assert_non_null(strstr(r->body, "<rss"));
	assert_int_equal(strlen(r->body), r->body_len);
	assert_non_null(r->content_type);
	assert_non_null(strstr(r->content_type, "application/rss+xml"));
	assert_non_null(r->etag);
	assert_non_null(r->last_modified);
	assert_null(r->final_url);
	assert_int_equal(r->redirects, 0);
	fetch_result_free(r);
}

struct seen {
	enum fetch_status st[2]; /* outcome per request */
	int body[2];             /* 1 when a body came */
};

static int cb(void *ctx, struct fetch_result *r)
{
	struct seen *seen = ctx;
	seen->st[r->index] = r->status;
	seen->body[r->index] = r->body != NULL;
	return 0;
}

/* Validators read back from a state file could carry CR/LF: they must never add a header. */
struct echoed {
	enum fetch_status st;
	char body[4096];
};

static int keep_body(void *ctx, struct fetch_result *r)
{
	struct echoed *e = ctx;
	e->st = r->status;
	snprintf(e->body, sizeof e->body, "%s", r->body ? r->body : "");
	return 0;
}

static void test_validators_cannot_inject_headers(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	char url[256], err[256];
	url_of(url, sizeof url, "http", "/echo/x");
	struct fetch_request req = {.url = url,
	                            .etag = "\"v1\"\r\nX-Injected: etag",
	                            .last_modified = "Mon, 01 Jan 2001 00:00:00 GMT\nX-Injected2: lm",
	                            .accept = FETCH_ACCEPT_FEED};
	struct echoed e = {FETCH_FAILED, ""};
	assert_int_equal(fetch_run(&req, 1, &o, keep_body, &e, err, sizeof err), 0);
	assert_int_equal(e.st, FETCH_OK);
	assert_non_null(strstr(e.body, "User-Agent")); /* the echo lists the headers it got */
	assert_null(strstr(e.body, "X-Injected"));
	assert_null(strstr(e.body, "If-None-Match")); /* the unsafe validators are dropped whole */
	assert_null(strstr(e.body, "If-Modified-Since"));
}

/* A request carrying the validator gets a 304 and no body; a stale one gets the feed again. */
static void conditional(const char *path, int use_etag)
{
	struct fetch_opts o;
	quick_opts(&o);
	struct fetch_result *first = get(path, &o);
	assert_int_equal(first->status, FETCH_OK);
	const char *v = use_etag ? first->etag : first->last_modified;
	assert_non_null(v);
	assert_null(use_etag ? first->last_modified : first->etag);
	char url[256], err[256];
	url_of(url, sizeof url, "http", path);
	struct fetch_request req = {.url = url, .etag = use_etag ? v : NULL, .last_modified = use_etag ? NULL : v,
	                            .accept = FETCH_ACCEPT_FEED};
	struct fetch_request stale = {.url = url, .etag = use_etag ? "\"stale\"" : NULL,
	                              .last_modified = use_etag ? NULL : "Mon, 01 Jan 2001 00:00:00 GMT"};
	struct fetch_request both[2] = {req, stale};
	struct seen seen = {{FETCH_FAILED, FETCH_FAILED}, {0, 0}};
	assert_int_equal(fetch_run(both, 2, &o, cb, &seen, err, sizeof err), 0);
	assert_int_equal(seen.st[0], FETCH_NOT_MODIFIED);
	assert_int_equal(seen.body[0], 0);
	assert_int_equal(seen.st[1], FETCH_OK);
	assert_int_equal(seen.body[1], 1);
	fetch_result_free(first);
}

static void test_304_etag(void **state)
{
	(void)state;
	conditional("/etag/e", 1);
}

static void test_304_last_modified(void **state)
{
	(void)state;
	conditional("/lastmod/l", 0);
}

static void test_gzip_decoded(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	struct fetch_result *r = get("/gzip/g?items=20", &o);
	assert_int_equal(r->status, FETCH_OK);
	assert_memory_equal(r->body, "<?xml", 5);
	assert_non_null(strstr(r->body, "g item 19"));
	fetch_result_free(r);
}

static void test_redirects(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	struct fetch_result *r = get("/redirect/3/c", &o);
	assert_int_equal(r->status, FETCH_OK);
	assert_int_equal(r->redirects, 3);
	assert_non_null(r->final_url);
	assert_non_null(strstr(r->final_url, "/feed/c"));
	assert_null(r->permanent_url); /* 302s do not move a subscription */
	fetch_result_free(r);
	r = get("/moved/m", &o);
	assert_int_equal(r->status, FETCH_OK);
	assert_non_null(r->permanent_url);
	assert_non_null(strstr(r->permanent_url, "/feed/m"));
	fetch_result_free(r);
}

struct expect {
	const char *scheme;   /* http or https */
	const char *path;     /* route */
	enum fetch_status st; /* expected outcome */
	const char *error;    /* substring of the error, or NULL */
};

static const struct expect faults[] = {
	{"http", "/feed/ok1", FETCH_OK, NULL},
	{"http", "/loop", FETCH_FAILED, "too many redirects (more than 5)"},
	{"http", "/tofile", FETCH_FAILED, "redirect to file:// refused"},
	{"http", "/status/404", FETCH_HTTP_ERROR, "HTTP 404"},
	{"http", "/status/500", FETCH_HTTP_ERROR, "HTTP 500"},
	{"http", "/stall", FETCH_FAILED, "timed out after 1 s without an answer"},
	{"http", "/truncated", FETCH_FAILED, "truncated"},
	{"http", "/reset", FETCH_FAILED, "connection reset"},
	{"http", "/huge", FETCH_FAILED, "response larger than 1 MiB"},
	{"http", "/endless", FETCH_FAILED, "response larger than 1 MiB"},
	{"http", "/bomb", FETCH_FAILED, "response larger than 1 MiB"},
	{"http", "/drip", FETCH_FAILED, "too slow"},
	{"http", "/badchunk", FETCH_FAILED, "malformed chunked encoding"},
	{"https", "/feed/tls", FETCH_FAILED, "TLS handshake failed"},
	{"http", "/gzip/ok2", FETCH_OK, NULL},
	{"http", "/redirect/5/ok3", FETCH_OK, NULL},
	{"http", "/redirect/6/toofar", FETCH_FAILED, "too many redirects"},
};
#define NFAULTS (sizeof faults / sizeof *faults)

struct batch {
	int seen[NFAULTS];         /* callbacks per request */
	enum fetch_status st[NFAULTS];
	char error[NFAULTS][160];
	double seconds[NFAULTS];
};

static int batch_done(void *ctx, struct fetch_result *r)
{
	struct batch *b = ctx;
	b->seen[r->index]++;
	b->st[r->index] = r->status;
	b->seconds[r->index] = r->seconds;
	snprintf(b->error[r->index], sizeof b->error[r->index], "%s", r->error);
	return 0;
}

/* Every fault at once: each gets its own clear error and the good ones still arrive. */
static void test_faults_in_one_batch(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	char urls[NFAULTS][256], err[256];
	struct fetch_request reqs[NFAULTS];
	for (size_t i = 0; i < NFAULTS; i++) {
		url_of(urls[i], sizeof urls[i], faults[i].scheme, faults[i].path);
		reqs[i] = (struct fetch_request){.url = urls[i]};
	}
	static struct batch b;
	memset(&b, 0, sizeof b);
	assert_int_equal(fetch_run(reqs, NFAULTS, &o, batch_done, &b, err, sizeof err), 0);
	for (size_t i = 0; i < NFAULTS; i++) {
		print_message("%-22s -> %s (%.2f s)\n", faults[i].path, b.error[i][0] ? b.error[i] : "ok",
		              b.seconds[i]);
		assert_int_equal(b.seen[i], 1);
		assert_int_equal(b.st[i], faults[i].st);
		if (faults[i].error)
			assert_non_null(strstr(b.error[i], faults[i].error));
		/* Bounded: nothing outlives the total timeout by much. */
		assert_true(b.seconds[i] < 4.0);
	}
}

/* A server that accepts and never answers, with only the total timeout in force. */
static void test_total_timeout(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	o.low_speed_secs = 0;
	struct fetch_result *r = get("/stall", &o);
	assert_int_equal(r->status, FETCH_FAILED);
	assert_string_equal(r->error, "timed out after 1.5 s");
	assert_true(r->seconds >= 1.4 && r->seconds < 3.0);
	fetch_result_free(r);
}

/*
 * One place per host, three stalled feeds ahead of a good one: each waits for
 * its turn with its whole timeout ahead of it, and the good one arrives.
 */
static void test_per_host_queue_keeps_timeouts(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	o.max_per_host = 1;
	o.timeout_ms = 800;
	o.low_speed_secs = 0;
	const char *paths[] = {"/stall?a", "/stall?b", "/stall?c", "/feed/late"};
	char urls[4][256], err[256];
	struct fetch_request reqs[4];
	for (size_t i = 0; i < 4; i++) {
		url_of(urls[i], sizeof urls[i], "http", paths[i]);
		reqs[i] = (struct fetch_request){.url = urls[i]};
	}
	static struct batch b;
	memset(&b, 0, sizeof b);
	assert_int_equal(fetch_run(reqs, 4, &o, batch_done, &b, err, sizeof err), 0);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(b.st[i], FETCH_FAILED);
		assert_string_equal(b.error[i], "timed out after 800 ms");
		/* its own 800 ms, not the time spent waiting for the host */
		assert_true(b.seconds[i] > 0.7 && b.seconds[i] < 1.5);
	}
	assert_int_equal(b.st[3], FETCH_OK);
}

static void test_connection_refused(void **state)
{
	(void)state;
	struct fetch_opts o;
	quick_opts(&o);
	struct fetch_result *r = NULL;
	char err[256];
	/* Port 1 on loopback: nobody listens there in a test sandbox. */
	assert_int_equal(fetch_url("http://127.0.0.1:1/feed", NULL, &o, &r, err, sizeof err), 0);
	assert_int_equal(r->status, FETCH_FAILED);
	assert_string_equal(r->error, "connection refused");
	fetch_result_free(r);
	assert_int_equal(fetch_url("ftp://127.0.0.1/feed", NULL, &o, &r, err, sizeof err), 0);
	assert_int_equal(r->status, FETCH_FAILED);
	assert_non_null(strstr(r->error, "http and https"));
	fetch_result_free(r);
}

static void test_opts_from_env(void **state)
{
	(void)state;
	struct fetch_opts o;
	char err[256];
	fetch_opts_default(&o);
	setenv("DATELINE_FETCH_TIMEOUT", "2.5", 1);
	setenv("DATELINE_FETCH_MAX_BYTES", "3M", 1);
	assert_int_equal(fetch_opts_from_env(&o, err, sizeof err), 0);
	assert_int_equal(o.timeout_ms, 2500);
	assert_int_equal(o.max_bytes, (size_t)3 << 20);
	setenv("DATELINE_FETCH_TIMEOUT", "soon", 1);
	assert_int_equal(fetch_opts_from_env(&o, err, sizeof err), -1);
	assert_non_null(strstr(err, "soon"));
	unsetenv("DATELINE_FETCH_TIMEOUT");
	setenv("DATELINE_FETCH_MAX_BYTES", "-1", 1);
	assert_int_equal(fetch_opts_from_env(&o, err, sizeof err), -1);
	unsetenv("DATELINE_FETCH_MAX_BYTES");
	assert_non_null(strstr(fetch_user_agent(), "dateline/"));
}

static int setup(void **state)
{
	(void)state;
	return testhttpd_start(&srv, 60);
}

static int teardown(void **state)
{
	(void)state;
	testhttpd_stop(&srv);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok_with_validators),
		cmocka_unit_test(test_validators_cannot_inject_headers),
		cmocka_unit_test(test_304_etag),
		cmocka_unit_test(test_304_last_modified),
		cmocka_unit_test(test_gzip_decoded),
		cmocka_unit_test(test_redirects),
		cmocka_unit_test(test_faults_in_one_batch),
		cmocka_unit_test(test_total_timeout),
		cmocka_unit_test(test_per_host_queue_keeps_timeouts),
		cmocka_unit_test(test_connection_refused),
		cmocka_unit_test(test_opts_from_env),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
