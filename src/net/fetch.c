/* fetch.c: a batch of HTTP(S) transfers on one curl multi handle. */
#include "net.h"
#include "fetch_internal.h"
#include "base.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

const char *fetch_user_agent(void)
{
	return "dateline/" DATELINE_VERSION " (+" DATELINE_HOMEPAGE ")";
}

void fetch_opts_default(struct fetch_opts *o)
{
	o->max_parallel = FETCH_DEFAULT_PARALLEL;
	o->max_per_host = FETCH_DEFAULT_PER_HOST;
	o->connect_ms = FETCH_DEFAULT_CONNECT_MS;
	o->timeout_ms = FETCH_DEFAULT_TIMEOUT_MS;
	o->low_speed = FETCH_DEFAULT_LOW_SPEED;
	o->low_speed_secs = FETCH_DEFAULT_LOW_SPEED_SECS;
	o->max_bytes = FETCH_DEFAULT_MAX_BYTES;
	o->max_redirects = FETCH_DEFAULT_MAX_REDIRECTS;
	o->cainfo = NULL;
	o->idle = NULL;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* A header's value from the last response of the transfer, or NULL. */
static char *header_value(CURL *easy, const char *name)
{
	struct curl_header *h;
	if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK)
		return NULL;
	return strdup(h->value);
}

/* Validators come from files we wrote, but a stray CR/LF must never reach the request. */
static int header_safe(const char *v)
{
	return v && *v && !strpbrk(v, "\r\n") && strlen(v) < 1024;
}

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
	struct fetch_xfer *x = ud;
	size_t n = size * nmemb;
	long code = 0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	/* Redirect and error bodies are not kept: nobody reads them. */
	if (code >= 300)
		return n;
	/* The cap counts decoded bytes, so a gzip bomb stops like a huge plain body. */
	if (n > x->max_bytes - x->len) {
		x->too_large = 1;
		return 0;
	}
	if (x->len + n + 1 > x->cap) {
		size_t cap = x->cap ? x->cap : 16384;
		while (cap < x->len + n + 1)
			cap *= 2;
		char *d = realloc(x->data, cap);
		if (!d) {
			x->out_of_memory = 1;
			return 0;
		}
		x->data = d;
		x->cap = cap;
	}
	memcpy(x->data + x->len, p, n);
	x->len += n;
	x->data[x->len] = '\0';
	return n;
}

/* Sets every option of one hop; url is the hop's URL. 0 or -1. */
static int xfer_setup(struct fetch_xfer *x, const char *url, long timeout_ms)
{
	const struct fetch_opts *o = x->opts;
	CURL *e = x->easy;
	int bad = 0;
	bad |= curl_easy_setopt(e, CURLOPT_URL, url) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, o->connect_ms) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_secs ? o->low_speed : 0L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, o->low_speed_secs) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "") != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_USERAGENT, fetch_user_agent()) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_WRITEDATA, x) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_PRIVATE, x) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf) != CURLE_OK;
	bad |= curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers) != CURLE_OK;
	if (x->req->post) {
		bad |= curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->req->post) != CURLE_OK;
		bad |= curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)x->req->post_len) != CURLE_OK;
	}
	/* Over HTTP/2 a new transfer waits to share the connection instead of opening another. */
	if (!strncasecmp(url, "https:", 6))
		bad |= curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L) != CURLE_OK;
	if (o->cainfo)
		bad |= curl_easy_setopt(e, CURLOPT_CAINFO, o->cainfo) != CURLE_OK;
	/*
	 * With a CA directory set beside the bundle (Debian's build sets both),
	 * libcurl 7.88 does not cache the certificate store and parses the whole
	 * bundle again for every TLS connection: about 25 ms of CPU each, seconds
	 * for a refresh touching a hundred hosts. The bundle alone is cached.
	 */
	char *bundle = NULL;
	curl_easy_getinfo(e, CURLINFO_CAINFO, &bundle);
	if (o->cainfo)
		bundle = (char *)o->cainfo;
	if (bundle && access(bundle, R_OK) == 0)
		bad |= curl_easy_setopt(e, CURLOPT_CAPATH, NULL) != CURLE_OK;
	x->errbuf[0] = '\0';
	return bad ? -1 : 0;
}

/* Appends "name: value" to *h when value is safe to send; -1 when out of memory. */
static int add_header(struct curl_slist **h, const char *name, const char *value)
{
	if (!header_safe(value))
		return 0;
	char line[1100];
	snprintf(line, sizeof line, "%s: %s", name, value);
	struct curl_slist *t = curl_slist_append(*h, line);
	if (!t)
		return -1;
	*h = t;
	return 0;
}

static int xfer_start(struct fetch_xfer *x, const struct fetch_request *req, size_t index,
                      const struct fetch_opts *o)
{
	memset(x, 0, sizeof *x);
	x->req = req;
	x->opts = o;
	x->max_bytes = o->max_bytes;
	x->res.index = index;
	x->res.url = req->url;
	x->permanent_ok = 1;
	x->started = clock_seconds();
	x->easy = curl_easy_init();
	if (!x->easy)
		return -1;
	struct curl_slist *h = NULL;
	if (add_header(&h, "If-None-Match", req->etag) || add_header(&h, "If-Modified-Since", req->last_modified) ||
	    add_header(&h, "Accept", req->accept) || (req->post && add_header(&h, "Content-Type", req->post_type)) ||
	    add_header(&h, "Authorization", req->authorization))
		goto fail;
	x->headers = h;
	if (xfer_setup(x, req->url, x->opts->timeout_ms))
		return -1;
	return 0;
fail:
	curl_slist_free_all(h);
	return -1;
}

static void xfer_release(struct fetch_xfer *x)
{
	if (x->easy)
		curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	free(x->data);
	free(x->hop_url);
	x->easy = NULL;
	x->headers = NULL;
	x->data = NULL;
	x->hop_url = NULL;
}

static int is_redirect(long code)
{
	return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
}

/*
 * Looks at a finished hop. Returns 1 when the transfer goes on to a
 * redirect target (already set up), 0 when res is final.
 */
static int xfer_finish_hop(struct fetch_xfer *x, CURLcode rc)
{
	struct fetch_result *r = &x->res;
	long code = 0;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	r->http_code = code;
	long ver = 0;
	curl_easy_getinfo(x->easy, CURLINFO_HTTP_VERSION, &ver);
	r->http_version = ver == CURL_HTTP_VERSION_2_0 ? 2 : ver == CURL_HTTP_VERSION_3 ? 3 : ver ? 1 : 0;
	r->seconds = clock_seconds() - x->started;
	if (rc != CURLE_OK) {
		fetch_explain_error(x, rc);
		r->status = FETCH_FAILED;
		return 0;
	}
	if (is_redirect(code) && (x->req->post || x->req->authorization)) {
		char *loc = NULL;
		curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &loc);
		snprintf(r->error, sizeof r->error, "HTTP %ld: the server sends this request to %.100s (use that URL)",
		         code, loc ? loc : "another address");
		r->status = FETCH_HTTP_ERROR;
		return 0;
	}
	if (is_redirect(code)) {
		char *loc = NULL;
		curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &loc);
		if (!loc) {
			snprintf(r->error, sizeof r->error, "HTTP %ld without a Location header", code);
			r->status = FETCH_HTTP_ERROR;
			return 0;
		}
		if (strncasecmp(loc, "http://", 7) && strncasecmp(loc, "https://", 8)) {
			const char *colon = strchr(loc, ':');
			int n = colon && colon - loc < 16 ? (int)(colon - loc) : 0;
			snprintf(r->error, sizeof r->error, "redirect to %.*s:// refused (http and https only)",
			         n, n ? loc : "a non-HTTP URL");
			r->status = FETCH_FAILED;
			return 0;
		}
		if (r->redirects >= x->opts->max_redirects) {
			snprintf(r->error, sizeof r->error, "too many redirects (more than %d)",
			         x->opts->max_redirects);
			r->status = FETCH_FAILED;
			return 0;
		}
		long left = x->opts->timeout_ms - (long)(r->seconds * 1000);
		if (left <= 0) {
			fetch_explain_timeout(x, r->error, sizeof r->error);
			r->status = FETCH_FAILED;
			return 0;
		}
		char *next = strdup(loc); /* loc belongs to the handle */
		if (!next)
			goto oom;
		if (x->permanent_ok && (code == 301 || code == 308)) {
			free(r->permanent_url);
			if (!(r->permanent_url = strdup(next))) {
				free(next);
				goto oom;
			}
		} else {
			x->permanent_ok = 0;
		}
		free(x->hop_url);
		x->hop_url = next;
		r->redirects++;
		x->len = 0;
		if (xfer_setup(x, next, left))
			goto oom;
		return 1;
	}
	if (r->redirects && !(r->final_url = dup_or_null(x->hop_url)))
		goto oom;
	r->content_type = header_value(x->easy, "Content-Type");
	r->etag = header_value(x->easy, "ETag");
	r->last_modified = header_value(x->easy, "Last-Modified");
	if (code == 304) {
		r->status = FETCH_NOT_MODIFIED;
	} else if (code >= 200 && code < 300) {
		r->status = FETCH_OK;
		if (!x->data && !(x->data = calloc(1, 1)))
			goto oom;
		r->body = x->data;
		r->body_len = x->len;
		x->data = NULL;
	} else {
		r->status = FETCH_HTTP_ERROR;
		snprintf(r->error, sizeof r->error, "HTTP %ld", code);
	}
	return 0;
oom:
	snprintf(r->error, sizeof r->error, "out of memory");
	r->status = FETCH_FAILED;
	return 0;
}

static void result_clear(struct fetch_result *r)
{
	free(r->final_url);
	free(r->permanent_url);
	free(r->content_type);
	free(r->etag);
	free(r->last_modified);
	free(r->body);
}

void fetch_result_free(struct fetch_result *r)
{
	if (!r)
		return;
	result_clear(r);
	free(r);
}

/* Starts request i in slot x; on failure delivers an error result right away. */
static int launch(CURLM *m, struct fetch_xfer *x, const struct fetch_request *reqs, size_t i,
                  const struct fetch_opts *o, fetch_done_fn done, void *ctx)
{
	if (xfer_start(x, &reqs[i], i, o) == 0 && curl_multi_add_handle(m, x->easy) == CURLM_OK) {
		x->active = 1;
		return 0;
	}
	snprintf(x->res.error, sizeof x->res.error, "could not start the transfer (out of memory?)");
	x->res.status = FETCH_FAILED;
	x->res.index = i;
	x->res.url = reqs[i].url;
	int rc = done(ctx, &x->res);
	result_clear(&x->res);
	xfer_release(x);
	return rc;
}

/* Starts whatever may start in every free slot. 0, or -1 when the callback stopped the batch. */
static int fill_slots(CURLM *m, struct fetch_xfer *xs, size_t slots, struct fetch_sched *sc,
                      const struct fetch_request *reqs, const struct fetch_opts *o, fetch_done_fn done, void *ctx,
                      size_t *active)
{
	for (size_t s = 0; s < slots; s++) {
		while (!xs[s].active) {
			long i = fetch_sched_next(sc);
			if (i < 0)
				return 0;
			int stop = launch(m, &xs[s], reqs, (size_t)i, o, done, ctx);
			if (xs[s].active)
				(*active)++;
			else
				fetch_sched_done(sc, (size_t)i); /* failed to start: already reported */
			if (stop)
				return -1;
		}
	}
	return 0;
}

int fetch_run(const struct fetch_request *reqs, size_t n, const struct fetch_opts *o,
              fetch_done_fn done, void *ctx, char *err, size_t errlen)
{
	if (errlen)
		err[0] = '\0';
	if (!n)
		return 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(err, errlen, "could not initialise libcurl");
		return -1;
	}
	size_t slots = o->max_parallel > 0 ? (size_t)o->max_parallel : 1;
	if (slots > n)
		slots = n;
	struct fetch_xfer *xs = calloc(slots, sizeof *xs);
	CURLM *m = curl_multi_init();
	int rc = 0, have_sched = 0;
	struct fetch_sched sched;
	if (!xs || !m) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
		goto out;
	}
	curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)slots);
	curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, (long)(o->max_per_host > 0 ? o->max_per_host : 1));
	curl_multi_setopt(m, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	if (fetch_sched_init(&sched, reqs, n, o->max_per_host)) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
		goto out;
	}
	have_sched = 1;
	size_t active = 0;
	if (fill_slots(m, xs, slots, &sched, reqs, o, done, ctx, &active)) {
		rc = -1;
		goto stopped;
	}
	while (active) {
		int running;
		if (curl_multi_perform(m, &running) != CURLM_OK) {
			snprintf(err, errlen, "libcurl failed while transferring");
			rc = -1;
			goto out;
		}
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(m, &left))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			struct fetch_xfer *x = NULL;
			CURL *e = msg->easy_handle;
			CURLcode res = msg->data.result;
			curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
			curl_multi_remove_handle(m, e);
			if (xfer_finish_hop(x, res)) {
				if (curl_multi_add_handle(m, e) == CURLM_OK)
					continue;
				snprintf(x->res.error, sizeof x->res.error, "could not follow the redirect");
				x->res.status = FETCH_FAILED;
			}
			x->active = 0;
			active--;
			fetch_sched_done(&sched, x->res.index);
			int stop = done(ctx, &x->res);
			result_clear(&x->res);
			xfer_release(x);
			if (stop) {
				rc = -1;
				goto stopped;
			}
		}
		/* Refill at once so the pool stays full (as far as the per-host limit allows). */
		if (fill_slots(m, xs, slots, &sched, reqs, o, done, ctx, &active)) {
			rc = -1;
			goto stopped;
		}
		long wait = o->idle ? o->idle(ctx) : -1;
		if (wait < 0 || wait > 1000)
			wait = 1000;
		if (active && curl_multi_poll(m, NULL, 0, (int)wait, NULL) != CURLM_OK) {
			snprintf(err, errlen, "libcurl failed while waiting");
			rc = -1;
			goto out;
		}
	}
	goto out;
stopped:
	if (errlen && !err[0])
		snprintf(err, errlen, "stopped");
out:
	if (xs) {
		for (size_t s = 0; s < slots; s++) {
			if (xs[s].active && m)
				curl_multi_remove_handle(m, xs[s].easy);
			if (xs[s].active)
				result_clear(&xs[s].res);
			xfer_release(&xs[s]);
		}
	}
	if (m)
		curl_multi_cleanup(m);
	if (have_sched)
		fetch_sched_free(&sched);
	free(xs);
	curl_global_cleanup();
	return rc;
}

struct one {
	struct fetch_result *r; /* the copy handed back */
};

static int keep_one(void *ctx, struct fetch_result *r)
{
	struct one *one = ctx;
	*one->r = *r;
	/* The copy owns the strings now; the fetcher's copy must not free them. */
	memset(r, 0, sizeof *r);
	return 0;
}

int fetch_url(const char *url, const char *accept, const struct fetch_opts *o, struct fetch_result **out,
              char *err, size_t errlen)
{
	struct fetch_request req = {.url = url, .accept = accept};
	return fetch_request_one(&req, o, out, err, errlen);
}

int fetch_request_one(const struct fetch_request *req, const struct fetch_opts *o, struct fetch_result **out,
                      char *err, size_t errlen)
{
	struct fetch_result *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct one one = {r};
	if (fetch_run(req, 1, o, keep_one, &one, err, errlen)) {
		fetch_result_free(r);
		return -1;
	}
	*out = r;
	return 0;
}
