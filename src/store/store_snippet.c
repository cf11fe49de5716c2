/*
 * store_snippet.c: the search snippet, an FTS5 auxiliary function
 * dl_snippet(articles_fts).
 *
 * FTS5's own snippet() scores a window at every hit against every other
 * hit of the document: quadratic in the hits, so one item whose body says
 * "said" 40,000 times made `search said` take seconds. Here only the first
 * STORE_SNIPPET_HITS hits are weighed, and the chosen column is tokenized
 * only up to the window's end: the work per document is bounded by that
 * cap and the window's position, whatever the document holds.
 */
#include "store_int.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW 16   /* tokens shown */
#define LEAD 3      /* tokens of context before the first hit shown */

struct window {
	int start;                 /* first token of the window */
	int n;                     /* tokens seen so far in the window */
	int pos;                   /* the tokenizer's current token */
	int more;                  /* 1 when the column goes on after the window */
	int beg[WINDOW], end[WINDOW]; /* byte span of each window token */
	unsigned long long *work;  /* the store's work counter */
};

static int on_token(void *ctx, int flags, const char *tok, int ntok, int beg, int end)
{
	(void)tok;
	(void)ntok;
	struct window *w = ctx;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK; /* a synonym at the same position */
	(*w->work)++;
	int i = w->pos++ - w->start;
	if (i < 0)
		return SQLITE_OK;
	if (i >= WINDOW) {
		w->more = 1;
		return SQLITE_DONE; /* nothing after the window is needed */
	}
	w->beg[i] = beg;
	w->end[i] = end;
	w->n = i + 1;
	return SQLITE_OK;
}

/* Picks the column and first token: the window over the weighed hits that holds the most of them. */
static void choose(const Fts5ExtensionApi *api, Fts5Context *fc, int n_inst, unsigned long long *work,
                   int *col, int *start)
{
	int best = 0;
	*col = -1;
	*start = 0;
	if (n_inst > STORE_SNIPPET_HITS)
		n_inst = STORE_SNIPPET_HITS;
	for (int i = 0; i < n_inst; i++) {
		int ph, c, off, score = 0;
		if (api->xInst(fc, i, &ph, &c, &off) != SQLITE_OK)
			break;
		for (int j = i; j < n_inst; j++) {
			int ph2, c2, off2;
			(*work)++;
			if (api->xInst(fc, j, &ph2, &c2, &off2) != SQLITE_OK || c2 != c || off2 >= off + WINDOW - LEAD)
				break; /* instances come in column, then position order */
			score++;
		}
		if (score > best) {
			best = score;
			*col = c;
			*start = off > LEAD ? off - LEAD : 0;
		}
	}
}

/* 1 when token pos of column col is part of one of the weighed hits. */
static int is_hit(const Fts5ExtensionApi *api, Fts5Context *fc, int n_inst, int col, int pos)
{
	if (n_inst > STORE_SNIPPET_HITS)
		n_inst = STORE_SNIPPET_HITS;
	for (int i = 0; i < n_inst; i++) {
		int ph, c, off;
		if (api->xInst(fc, i, &ph, &c, &off) != SQLITE_OK)
			return 0;
		if (c == col && pos >= off && pos < off + api->xPhraseSize(fc, ph))
			return 1;
	}
	return 0;
}

static void snippet(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
	(void)nval;
	(void)val;
	struct store *s = api->xUserData(fc);
	int n_inst = 0, col, start;
	if (api->xInstCount(fc, &n_inst) != SQLITE_OK)
		n_inst = 0;
	choose(api, fc, n_inst, &s->snippet_work, &col, &start);
	const char *text = NULL;
	int len = 0;
	if (col < 0) { /* no hit to show (a NOT query): the body's opening, else the headline's */
		int last = api->xColumnCount(fc) - 1;
		col = last;
		if (api->xColumnText(fc, col, &text, &len) != SQLITE_OK || !text || !len)
			col = 0;
	}
	if (api->xColumnText(fc, col, &text, &len) != SQLITE_OK || !text) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	struct window w = {.start = start, .work = &s->snippet_work};
	int rc = api->xTokenize(fc, text, len, &w, on_token);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	struct buf b = BUF_INIT;
	buf_puts(&b, start ? "…" : "");
	for (int i = 0; i < w.n; i++) {
		if (i)
			buf_append(&b, text + w.end[i - 1], (size_t)(w.beg[i] - w.end[i - 1]));
		int hit = is_hit(api, fc, n_inst, col, start + i);
		if (hit && !(i && is_hit(api, fc, n_inst, col, start + i - 1)))
			buf_putc(&b, '\x02');
		buf_append(&b, text + w.beg[i], (size_t)(w.end[i] - w.beg[i]));
		if (hit && !(i + 1 < w.n && is_hit(api, fc, n_inst, col, start + i + 1)))
			buf_putc(&b, '\x03');
	}
	if (w.more)
		buf_puts(&b, "…");
	if (b.failed) {
		buf_free(&b);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, b.data, (int)b.len, free);
}

int store_snippet_register(struct store *s, char *err, size_t errlen)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "preparing search", err, errlen);
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->xCreateFunction(api, "dl_snippet", s, snippet, NULL) != SQLITE_OK)
		return store_fail(s, "preparing search (this SQLite lacks FTS5)", err, errlen);
	return 0;
}
