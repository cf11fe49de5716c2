/*
 * store_analysis.c: the analysis that follows a refresh. A refresh stores
 * items with their text and index first (items.analysed = 0); the
 * pipeline then takes them in batches, newest first, and hands back each
 * analysed article, written here in one transaction per batch. What an
 * interruption leaves waiting is found again by the next run.
 */
#include "store_int.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>

/* from the waiting's own index: without it the plan reads every item (4 s of `status` at 1M articles) */
static const char sql_pending_count[] =
	"SELECT count(*) FROM items INDEXED BY items_pending WHERE analysed = 0 AND purged = 0";
static const char sql_pending_next[] =
	"SELECT id FROM items INDEXED BY items_pending WHERE analysed = 0 AND purged = 0 AND id % ?2 = ?3"
	" ORDER BY id DESC LIMIT ?1";
static const char sql_is_analysed[] = "SELECT analysed FROM items WHERE id = ?";

int store_analysis_count(struct store *s, long long *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_pending_count, err, errlen);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : store_fail(s, "counting the articles to analyse", err, errlen);
}

int store_analysis_next(struct store *s, size_t max, long long **ids, size_t *n, char *err, size_t errlen)
{
	return store_analysis_next_part(s, max, 0, 1, ids, n, err, errlen);
}

int store_analysis_next_part(struct store *s, size_t max, unsigned part, unsigned parts, long long **ids, size_t *n,
                             char *err, size_t errlen)
{
	*ids = NULL;
	*n = 0;
	if (!max)
		return 0;
	long long *out = malloc(max * sizeof *out);
	sqlite3_stmt *st = out ? store_stmt(s, sql_pending_next, err, errlen) : NULL;
	if (!st) {
		if (!out)
			snprintf(err, errlen, "out of memory");
		free(out);
		return -1;
	}
	sqlite3_bind_int64(st, 1, (long long)max);
	sqlite3_bind_int64(st, 2, parts ? (long long)parts : 1);
	sqlite3_bind_int64(st, 3, parts ? (long long)(part % parts) : 0);
	int rc;
	size_t k = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < max)
		out[k++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(out);
		return store_fail(s, "finding the articles to analyse", err, errlen);
	}
	*ids = out;
	*n = k;
	return 0;
}

int store_item_analysed(struct store *s, long long id, int *analysed, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_is_analysed, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*analysed = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, "reading an item", err, errlen);
}

static const char sql_mark_done[] = "UPDATE items SET analysed = 1 WHERE id = ?";

int store_analysis_write(struct store *s, const long long *ids, struct article *const *arts, size_t n,
                         char *err, size_t errlen)
{
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (arts[i]) {
			if (store_article_write_analysis(s, ids[i], arts[i], err, errlen))
				goto fail;
			continue;
		}
		/* an article the analysis could not take is done all the same: it is never retried forever */
		sqlite3_stmt *st = store_stmt(s, sql_mark_done, err, errlen);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, ids[i]);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			store_fail(s, "storing an analysis", err, errlen);
			goto fail;
		}
	}
	return store_tx_commit(s, err, errlen);
fail:
	store_tx_rollback(s);
	return -1;
}
