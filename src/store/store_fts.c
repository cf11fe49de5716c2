/*
 * store_fts.c: the rows of the two text indexes, written in one run just
 * before the transaction commits instead of one by one.
 *
 * SQLite's FTS5 writes its pending terms out as a new index segment
 * whenever a statement inside the transaction opens a savepoint (an insert
 * into items, with its trigger, does), so indexing each article as it was
 * stored made a segment per article and the merging of thousands of them
 * cost more than the indexing itself. Queued, a refresh batch or an
 * analysis batch makes one segment.
 */
#include "store_int.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store_fts_row {
	int quotes;        /* 1: quotes_fts (text, speaker); 0: articles_fts (headline, byline, body) */
	long long item_id; /* the item the row belongs to */
	long long rowid;   /* the index row: the article's doc or the quotation's id */
	char *col[3];      /* the columns (owned), NULL for SQL NULL */
};

static const char sql_fts_ins[] = "INSERT INTO articles_fts(rowid, headline, byline, body) VALUES(?,?,?,?)";
static const char sql_qfts_ins[] = "INSERT INTO quotes_fts(rowid, text, speaker) VALUES(?,?,?)";

static void row_free(struct store_fts_row *r)
{
	for (int i = 0; i < 3; i++)
		free(r->col[i]);
}

static char *dup_or_null(const char *s, int *oom)
{
	char *d = s ? strdup(s) : NULL;
	if (s && !d)
		*oom = 1;
	return d;
}

int store_fts_add(struct store *s, int quotes, long long item_id, long long rowid, const char *a, const char *b,
                  char *c, char *err, size_t errlen)
{
	int oom = 0;
	struct store_fts_row r = {quotes, item_id, rowid, {dup_or_null(a, &oom), dup_or_null(b, &oom), c}};
	if (oom || array_grow((void **)&s->fts, &s->cap_fts, s->n_fts + 1, sizeof *s->fts)) {
		row_free(&r);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	s->fts[s->n_fts++] = r;
	return 0;
}

int store_fts_flush(struct store *s, char *err, size_t errlen)
{
	int rc = 0;
	for (size_t i = 0; i < s->n_fts && !rc; i++) {
		struct store_fts_row *r = &s->fts[i];
		sqlite3_stmt *st = store_stmt(s, r->quotes ? sql_qfts_ins : sql_fts_ins, err, errlen);
		if (!st) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, r->rowid);
		for (int c = 0; c < (r->quotes ? 2 : 3); c++)
			if (r->col[c])
				sqlite3_bind_text(st, c + 2, r->col[c], -1, SQLITE_STATIC);
		int step = sqlite3_step(st);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st); /* the bound columns are freed below */
		if (step != SQLITE_DONE)
			rc = store_fail(s, r->quotes ? "indexing a quotation" : "indexing an article", err, errlen);
	}
	store_fts_discard(s, 0);
	return rc;
}

int store_fts_flush_item(struct store *s, long long item_id, char *err, size_t errlen)
{
	for (size_t i = 0; i < s->n_fts; i++)
		if (s->fts[i].item_id == item_id)
			return store_fts_flush(s, err, errlen);
	return 0;
}

void store_fts_discard(struct store *s, size_t keep)
{
	while (s->n_fts > keep)
		row_free(&s->fts[--s->n_fts]);
	if (!keep) {
		free(s->fts);
		s->fts = NULL;
		s->cap_fts = 0;
	}
}
