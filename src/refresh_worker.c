/* refresh_worker.c: one parser thread fed by the fetch loop, so parsing overlaps the downloads. */
#include "refresh_worker.h"
#include "feed.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>

struct refresh_worker {
	pthread_t thread;           /* the parser */
	pthread_mutex_t lock;       /* guards everything below */
	pthread_cond_t work;        /* signalled when todo grows or closing is set */
	pthread_cond_t ready;       /* signalled when done grows */
	struct refresh_job *todo, *todo_tail; /* waiting to be parsed, FIFO */
	struct refresh_job *done, *done_tail; /* parsed, waiting to be collected, FIFO */
	size_t pushed;              /* jobs pushed so far */
	size_t popped;              /* jobs collected so far */
	int closing;                /* 1 when the thread must end */
	refresh_parse_fn parse;     /* the parser */
};

void refresh_job_free(struct refresh_job *j)
{
	if (!j)
		return;
	free(j->body);
	free(j->content_type);
	free(j->base_url);
	free(j->etag);
	free(j->last_modified);
	free(j->new_url);
	feed_free(j->feed);
	free(j);
}

static void *run_worker(void *arg)
{
	struct refresh_worker *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->todo && !w->closing)
			pthread_cond_wait(&w->work, &w->lock);
		if (!w->todo)
			break;
		struct refresh_job *j = w->todo;
		w->todo = j->next;
		if (!w->todo)
			w->todo_tail = NULL;
		pthread_mutex_unlock(&w->lock);
		j->failed = w->parse(j->body, j->len, j->content_type, j->base_url, &j->feed, j->err, sizeof j->err) != 0;
		/* The body is not needed any more: give the memory back now. */
		free(j->body);
		j->body = NULL;
		j->next = NULL;
		pthread_mutex_lock(&w->lock);
		if (w->done_tail)
			w->done_tail->next = j;
		else
			w->done = j;
		w->done_tail = j;
		pthread_cond_signal(&w->ready);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int refresh_worker_start(struct refresh_worker **out, refresh_parse_fn parse)
{
	struct refresh_worker *w = calloc(1, sizeof *w);
	if (!w)
		return -1;
	w->parse = parse;
	/* libxml2 sets its globals up once, before a second thread can race on them. */
	xmlInitParser();
	if (pthread_mutex_init(&w->lock, NULL)) {
		free(w);
		return -1;
	}
	if (pthread_cond_init(&w->work, NULL) || pthread_cond_init(&w->ready, NULL) ||
	    pthread_create(&w->thread, NULL, run_worker, w)) {
		pthread_mutex_destroy(&w->lock);
		free(w);
		return -1;
	}
	*out = w;
	return 0;
}

void refresh_worker_push(struct refresh_worker *w, struct refresh_job *j)
{
	j->next = NULL;
	pthread_mutex_lock(&w->lock);
	if (w->todo_tail)
		w->todo_tail->next = j;
	else
		w->todo = j;
	w->todo_tail = j;
	w->pushed++;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
}

struct refresh_job *refresh_worker_pop(struct refresh_worker *w, int wait)
{
	pthread_mutex_lock(&w->lock);
	while (wait && !w->done && w->popped < w->pushed)
		pthread_cond_wait(&w->ready, &w->lock);
	struct refresh_job *j = w->done;
	if (j) {
		w->done = j->next;
		if (!w->done)
			w->done_tail = NULL;
		w->popped++;
		j->next = NULL;
	}
	pthread_mutex_unlock(&w->lock);
	return j;
}

static void free_list(struct refresh_job *j)
{
	while (j) {
		struct refresh_job *next = j->next;
		refresh_job_free(j);
		j = next;
	}
}

void refresh_worker_stop(struct refresh_worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->closing = 1;
	/* Jobs not started are dropped; the one in hand finishes first. */
	free_list(w->todo);
	w->todo = w->todo_tail = NULL;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	free_list(w->done);
	pthread_cond_destroy(&w->work);
	pthread_cond_destroy(&w->ready);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
