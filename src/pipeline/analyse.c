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

#include <stdio.h>
#include <stdlib.h>

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
