/*
 * refresh_worker.h: a parser thread for refresh (internal to refresh.c).
 *
 * The fetch loop runs on the calling thread; a fetched body is handed to
 * the worker, which parses it while the next transfers go on, and the
 * parsed feed comes back to the calling thread, which alone talks to the
 * sink. Only the parse function runs on the worker.
 *
 * Ownership: a pushed job belongs to the worker until it comes back from
 * refresh_worker_pop(); then it is the caller's, freed with
 * refresh_job_free(). refresh_worker_stop() frees what was never collected.
 */
#ifndef DATELINE_REFRESH_WORKER_H
#define DATELINE_REFRESH_WORKER_H

#include "refresh.h"

#include <stddef.h>

struct refresh_job {
	size_t index;          /* the feed's position in the list */
	char *body;            /* fetched bytes (owned) */
	size_t len;            /* bytes in body */
	char *content_type;    /* Content-Type, or NULL (owned) */
	char *base_url;        /* URL relative links resolve against (owned) */
	char *etag;            /* validators of the answer, or NULL (owned) */
	char *last_modified;   /* (owned) */
	char *new_url;         /* where a permanent redirect led, or NULL (owned) */
	long http_code;        /* HTTP status */
	double seconds;        /* fetch time */
	struct feed *feed;     /* the parse result, or NULL */
	int failed;            /* 1 when the parse failed (err says why) */
	char err[256];         /* the parser's message */
	struct refresh_job *next; /* queue link */
};

struct refresh_worker;

/* Starts the thread. 0, or -1 (then parse on the calling thread). */
int refresh_worker_start(struct refresh_worker **out, refresh_parse_fn parse);
void refresh_worker_push(struct refresh_worker *w, struct refresh_job *j);
/*
 * A parsed job, or NULL. With wait, blocks until one is ready and returns
 * NULL only when every pushed job has come back.
 */
struct refresh_job *refresh_worker_pop(struct refresh_worker *w, int wait);
/* Ends the thread and frees jobs not collected. NULL allowed. */
void refresh_worker_stop(struct refresh_worker *w);
void refresh_job_free(struct refresh_job *j);

#endif
