/*
 * analyse.c: the analysis off the fetch -> parse -> store path. A refresh
 * stores items browsable (ingest_item_parser); this phase then analyses
 * them in batches, each batch's results in one transaction, so an
 * interruption loses at most one batch of work and nothing stored.
 */
#include "pipeline.h"
#include "analysis.h"
#include "model.h"
#include "store.h"

#include <pthread.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Loads and analyses one article; NULL when it cannot be (the store marks it done). */
static struct article *analyse_one(struct store *s, long long id)
{
	struct article *a;
	char err[256];
	if (store_article_load(s, id, &a, err, sizeof err))
		return NULL;
	if (analysis_run(a, err, sizeof err)) {
		article_free(a);
		return NULL;
	}
	return a;
}

int analysis_pending(struct store *s, const volatile int *stop, size_t *done, char *err, size_t errlen)
{
	size_t total = 0;
	int rc = 0;
	while (!rc && !(stop && *stop)) {
		long long *ids;
		size_t n;
		if (store_analysis_next(s, ANALYSE_BATCH, &ids, &n, err, errlen))
			return -1;
		if (!n) {
			free(ids);
			break;
		}
		struct article *arts[ANALYSE_BATCH];
		for (size_t i = 0; i < n; i++)
			arts[i] = analyse_one(s, ids[i]);
		rc = store_analysis_write(s, ids, arts, n, err, errlen);
		for (size_t i = 0; i < n; i++)
			article_free(arts[i]);
		free(ids);
		if (!rc)
			total += n;
	}
	if (done)
		*done = total;
	return rc;
}

int analysis_on_open(struct store *s, long long id, struct article *a, char *err, size_t errlen)
{
	int analysed;
	if (store_item_analysed(s, id, &analysed, err, errlen) || analysed)
		return 0; /* unknown is treated as done: the article shows as stored */
	if (analysis_run(a, err, errlen))
		return -1;
	char werr[256];
	struct article *arts[1] = {a};
	store_analysis_write(s, &id, arts, 1, werr, sizeof werr); /* the phase does it later otherwise */
	return 0;
}

/*
 * The worker: the same phase on the second core while feeds still arrive,
 * with a connection of its own (one per thread). It analyses whatever
 * waits, naps when nothing does, and once told the refresh is over it
 * finishes what is left and stops.
 */
struct analysis_worker {
	pthread_t thread;
	struct store *store;   /* the worker's own connection */
	atomic_int finishing;  /* set by analysis_worker_finish() */
	size_t done;           /* articles analysed */
	int failed;            /* 1 when a pass failed (err says why) */
	char err[256];
};

static void *worker_main(void *arg)
{
	struct analysis_worker *w = arg;
	/* items browsable come first: on a busy machine the fetch's thread gets the CPU before this one */
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
	prctl(PR_SET_NAME, "dl-analysis", 0, 0, 0); /* top, perf and gdb tell the threads apart */
	for (;;) {
		int last = atomic_load(&w->finishing);
		size_t n = 0;
		if (analysis_pending(w->store, NULL, &n, w->err, sizeof w->err)) {
			w->failed = 1;
			break;
		}
		w->done += n;
		if (last)
			break;
		if (!n) {
			struct timespec nap = {0, 50 * 1000000L};
			nanosleep(&nap, NULL);
		}
	}
	return NULL;
}

int analysis_worker_start(const char *store_path, struct analysis_worker **out, char *err, size_t errlen)
{
	struct analysis_worker *w = calloc(1, sizeof *w);
	*out = NULL;
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	atomic_init(&w->finishing, 0);
	if (store_open(store_path, 0, &w->store, err, errlen)) {
		free(w);
		return -1;
	}
	if (pthread_create(&w->thread, NULL, worker_main, w)) {
		store_close(w->store);
		free(w);
		snprintf(err, errlen, "cannot start the analysis thread");
		return -1;
	}
	*out = w;
	return 0;
}

int analysis_worker_finish(struct analysis_worker *w, size_t *done, char *err, size_t errlen)
{
	atomic_store(&w->finishing, 1);
	pthread_join(w->thread, NULL);
	int rc = w->failed ? -1 : 0;
	if (rc)
		snprintf(err, errlen, "%s", w->err);
	if (done)
		*done = w->done;
	store_close(w->store);
	free(w);
	return rc;
}
