/*
 * fetch_internal.h: one transfer in flight and the scheduler, shared by
 * fetch.c, fetch_error.c and fetch_sched.c only: private to src/net/.
 */
#ifndef DATELINE_FETCH_INTERNAL_H
#define DATELINE_FETCH_INTERNAL_H

#include "net.h"

#include <curl/curl.h>

struct fetch_xfer {
	CURL *easy;                       /* the handle, reused across redirect hops */
	const struct fetch_request *req;  /* borrowed from the batch */
	const struct fetch_opts *opts;    /* borrowed from the batch */
	struct curl_slist *headers;       /* request headers (conditional, Accept) */
	struct fetch_result res;          /* filled as the transfer ends */
	char *hop_url;                    /* URL of the current hop after a redirect, or NULL */
	char *data;                       /* body received so far */
	size_t len;                       /* bytes in data */
	size_t cap;                       /* bytes allocated for data */
	size_t max_bytes;                 /* cap on the decoded body */
	double started;                   /* monotonic seconds at the first hop */
	int permanent_ok;                 /* 1 while every redirect so far was 301/308 */
	int too_large;                    /* the write callback hit max_bytes */
	int out_of_memory;                /* the write callback could not grow data */
	int active;                       /* 1 while on the multi handle */
	char errbuf[CURL_ERROR_SIZE];     /* curl's own words for the last failure */
};

/*
 * Which request starts next. libcurl's own per-host limit queues transfers
 * inside the multi handle, where their timeout clock already runs (a slow
 * host made the feeds queued behind it time out unstarted), so the limit is
 * kept here instead: a request starts only when its host has a free place.
 */
struct fetch_sched {
	size_t n;               /* requests */
	size_t *host;           /* host id of each request */
	int *busy;              /* transfers running per host id */
	char **names;           /* host key per host id (owned) */
	size_t n_hosts;         /* distinct hosts */
	unsigned char *started; /* 1 once a request was handed out */
	size_t cursor;          /* every request before it has started */
	int per_host;           /* most transfers at once to one host */
};

/* 0, or -1 when out of memory. */
int fetch_sched_init(struct fetch_sched *s, const struct fetch_request *reqs, size_t n, int per_host);
/* A request that may start now (counted as running), or -1 when none may. */
long fetch_sched_next(struct fetch_sched *s);
/* Request i has ended: its host has a place again. */
void fetch_sched_done(struct fetch_sched *s, size_t i);
void fetch_sched_free(struct fetch_sched *s);

/* Fills x->res.error with one line a user can act on for curl's failure rc. */
void fetch_explain_error(struct fetch_xfer *x, CURLcode rc);
/* The message for a transfer out of time, given the options in x. */
void fetch_explain_timeout(struct fetch_xfer *x, char *out, size_t outlen);

#endif
