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

/* Sleeps while *hold is set (and *unless is not): the refresh's writes go first. */
static void wait_while(const atomic_int *hold, const atomic_int *unless)
{
	struct timespec nap = {0, 5 * 1000000L};
	while (hold && atomic_load(hold) && !(unless && atomic_load(unless)))
		nanosleep(&nap, NULL);
}

/*
 * analysis_pending() over the waiting articles whose id is part modulo
 * parts; while *hold is set (unless *unless is) a batch analysed waits to
 * be written.
 */
static int pending_part(struct store *s, const volatile int *stop, unsigned part, unsigned parts,
                        const atomic_int *hold, const atomic_int *unless, pthread_mutex_t *writing, size_t *done,
                        char *err, size_t errlen)
{
	size_t total = 0;
	int rc = 0;
	while (!rc && !(stop && *stop)) {
		long long *ids;
		size_t n;
		if (store_analysis_next_part(s, ANALYSE_BATCH, part, parts, &ids, &n, err, errlen))
			return -1;
		if (!n) {
			free(ids);
			break;
		}
		struct article *arts[ANALYSE_BATCH];
		for (size_t i = 0; i < n; i++)
			arts[i] = analyse_one(s, ids[i]);
		wait_while(hold, unless);
		/* the threads take turns here rather than in SQLite's busy wait, which sleeps past the other's commit */
		if (writing)
			pthread_mutex_lock(writing);
		rc = store_analysis_write(s, ids, arts, n, err, errlen);
		if (writing)
			pthread_mutex_unlock(writing);
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

int analysis_pending(struct store *s, const volatile int *stop, size_t *done, char *err, size_t errlen)
{
	return pending_part(s, stop, 0, 1, NULL, NULL, NULL, done, err, errlen);
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
 * The worker: the same phase beside the refresh, a thread per core (two at
 * most: the quotation index is written by one connection at a time, so more
 * would mostly wait for it), each with a connection of its own and its share
 * of the articles (id modulo the threads), so one analyses while the other
 * writes. Each analyses whatever waits, naps when nothing does, and once
 * told the refresh is over finishes what is left and stops. While the
 * refresh holds it (analysis_worker_hold(): feeds are arriving) a thread
 * analyses one batch and waits to write it: the items' own writes, which
 * make them browsable, never queue behind the analysis's, and the fetch
 * keeps its core. (Threads
 * niced instead still took the write lock for a second of a four-second
 * refresh, and a busy machine starved them after it.)
 */
#define WORKER_THREADS_MAX 2

struct worker_thread {
	pthread_t thread;
	struct analysis_worker *w; /* the worker it belongs to */
	struct store *store;       /* its own connection */
	unsigned part;             /* its share: ids equal to part modulo the worker's n */
	int started;               /* 1 once the thread runs */
	size_t done;               /* articles analysed */
	int failed;                /* 1 when a pass failed (err says why) */
	char err[256];
};

struct analysis_worker {
	atomic_int finishing;      /* set by analysis_worker_finish() */
	atomic_int hold;           /* set by analysis_worker_hold(): nothing written meanwhile */
	pthread_mutex_t writing;   /* held by the thread writing its batch */
	pthread_mutex_t wake_lock; /* with wake: a napping thread woken when the refresh ends */
	pthread_cond_t wake;
	unsigned n;                /* threads */
	struct worker_thread t[WORKER_THREADS_MAX];
};

/* 50 ms, or less when the refresh ends meanwhile (a refresh of 304s is over in a few tens of ms). */
static void nap(struct analysis_worker *w)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += 50 * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&w->wake_lock);
	if (!atomic_load(&w->finishing))
		pthread_cond_timedwait(&w->wake, &w->wake_lock, &until);
	pthread_mutex_unlock(&w->wake_lock);
}

static void *worker_main(void *arg)
{
	struct worker_thread *t = arg;
	prctl(PR_SET_NAME, "dl-analysis", 0, 0, 0); /* top, perf and gdb tell the threads apart */
	for (;;) {
		int last = atomic_load(&t->w->finishing);
		size_t n = 0;
		if (pending_part(t->store, NULL, t->part, t->w->n, &t->w->hold, &t->w->finishing, &t->w->writing, &n,
		                 t->err, sizeof t->err)) {
			t->failed = 1;
			break;
		}
		t->done += n;
		if (last)
			break;
		if (!n)
			nap(t->w);
	}
	return NULL;
}

/* Joins the threads started and closes every connection; the first failure's message goes to err. */
static int worker_end(struct analysis_worker *w, size_t *done, char *err, size_t errlen)
{
	int rc = 0;
	size_t total = 0;
	pthread_mutex_lock(&w->wake_lock);
	atomic_store(&w->finishing, 1);
	pthread_cond_broadcast(&w->wake);
	pthread_mutex_unlock(&w->wake_lock);
	for (unsigned i = 0; i < w->n; i++) {
		struct worker_thread *t = &w->t[i];
		if (t->started)
			pthread_join(t->thread, NULL);
		if (t->failed && !rc) {
			snprintf(err, errlen, "%s", t->err);
			rc = -1;
		}
		total += t->done;
		store_close(t->store);
	}
	if (done)
		*done = total;
	pthread_mutex_destroy(&w->writing);
	pthread_mutex_destroy(&w->wake_lock);
	pthread_cond_destroy(&w->wake);
	free(w);
	return rc;
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
	atomic_init(&w->hold, 0);
	if (pthread_mutex_init(&w->writing, NULL) || pthread_mutex_init(&w->wake_lock, NULL) ||
	    pthread_cond_init(&w->wake, NULL)) { /* none of these fails on Linux: nothing to undo in practice */
		free(w);
		snprintf(err, errlen, "cannot start the analysis thread");
		return -1;
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned want = cores >= WORKER_THREADS_MAX ? WORKER_THREADS_MAX : 1;
	/* every connection first: the share of each thread is fixed by how many there are */
	for (w->n = 0; w->n < want; w->n++) {
		struct worker_thread *t = &w->t[w->n];
		t->w = w;
		t->part = w->n;
		if (store_open(store_path, 0, &t->store, err, errlen)) {
			if (!w->n) {
				char ignored[8];
				worker_end(w, NULL, ignored, sizeof ignored);
				return -1;
			}
			break; /* one thread will do */
		}
	}
	for (unsigned i = 0; i < w->n; i++) {
		struct worker_thread *t = &w->t[i];
		if (pthread_create(&t->thread, NULL, worker_main, t)) {
			char ignored[8];
			worker_end(w, NULL, ignored, sizeof ignored);
			snprintf(err, errlen, "cannot start the analysis thread");
			return -1;
		}
		t->started = 1;
	}
	*out = w;
	return 0;
}

void analysis_worker_hold(struct analysis_worker *w, int on)
{
	atomic_store(&w->hold, !!on);
}

int analysis_worker_finish(struct analysis_worker *w, size_t *done, char *err, size_t errlen)
{
	return worker_end(w, done, err, errlen);
}
