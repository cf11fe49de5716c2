/*
 * store_search.c: full-text search over articles and over quotations.
 *
 * Queries are FTS5 syntax. A query FTS5 cannot parse (a stray quote,
 * "U.S.", "Jean-Pierre") is retried with every word taken literally, so a
 * user's typing is an error only when even that finds nothing to search.
 */
#include "store_int.h"
#include "base.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Newest first: the index's rows are numbered in date order, so it stops after limit rows. */
static const char sql_search[] =
	"SELECT i.id, i.title, coalesce(f.title, f.url), i.published, i.date,"
	" dl_snippet(articles_fts)"
	" FROM articles_fts JOIN articles a ON a.doc = articles_fts.rowid JOIN items i ON i.id = a.item_id"
	" LEFT JOIN feeds f ON f.id = i.feed_id"
	" WHERE articles_fts MATCH ?1 AND +i.purged = 0 ORDER BY articles_fts.rowid DESC LIMIT ?2";
/*
 * Best first (BM25) among the newest 2,000 matches: ranking
 * every match of a common word costs time in proportion to the store, so
 * the window keeps it bounded; the snippets are made for the shown rows only.
 */
static const char sql_search_ranked[] =
	"WITH top AS (SELECT doc, score FROM (SELECT rowid AS doc, bm25(articles_fts) AS score FROM articles_fts"
	" WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 2000) ORDER BY score, doc DESC LIMIT ?2)"
	" SELECT i.id, i.title, coalesce(f.title, f.url), i.published, i.date,"
	" dl_snippet(articles_fts)"
	" FROM top JOIN articles_fts ON articles_fts.rowid = top.doc JOIN articles a ON a.doc = top.doc"
	" JOIN items i ON i.id = a.item_id LEFT JOIN feeds f ON f.id = i.feed_id"
	" WHERE articles_fts MATCH ?1 AND +i.purged = 0 ORDER BY top.score, top.doc DESC";
#define QUOTE_COLS "q.id, q.item_id, q.pos, t.text, q.speaker, q.cue, q.partial, i.title, i.published, i.date"
static const char sql_quotes_match[] =
	"SELECT " QUOTE_COLS " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
	" JOIN items i ON i.id = q.item_id JOIN quotes_text t ON t.id = q.id"
	" WHERE quotes_fts MATCH ?1 AND quotes_fts.rowid >= ?2 AND +i.purged = 0"
	" ORDER BY quotes_fts.rowid DESC LIMIT ?3 OFFSET ?4";
/*
 * A LEFT JOIN (purged IS 0 drops a missing item as the inner join did): once
 * the store has ANALYZE statistics (someone ran PRAGMA optimize on it), SQLite
 * plans the inner join with a Bloom filter over every item before the first
 * row, 17 ms at 100,000 articles, where the newest 50 need 50 look-ups.
 */
static const char sql_quotes_all[] =
	"SELECT " QUOTE_COLS " FROM quotes q LEFT JOIN items i ON i.id = q.item_id JOIN quotes_text t ON t.id = q.id"
	" WHERE q.id >= ?2 AND i.purged IS 0 ORDER BY q.id DESC LIMIT ?3 OFFSET ?4";

static int token_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * The length of word w (n bytes) without its last token when that token is
 * one character (ASCII, or one UTF-8 sequence), else n. The quotation index
 * keeps prefix indexes of 2 and 3 characters only: a 1-character prefix
 * would merge the lists of every word starting with it (over 100 ms at
 * 1,000,000 articles), so the type-ahead waits for the second character.
 */
static size_t without_short_tail(const char *w, size_t n)
{
	size_t e = n;
	while (e && !token_byte((unsigned char)w[e - 1]))
		e--;
	size_t r = e;
	while (r && token_byte((unsigned char)w[r - 1]))
		r--;
	if (r == e)
		return n;
	unsigned char lead = (unsigned char)w[r];
	int one = e - r == 1 && lead < 0x80;
	if (lead >= 0xc0) {
		one = 1;
		for (size_t i = r + 1; i < e; i++)
			one &= ((unsigned char)w[i] & 0xc0) == 0x80;
	}
	return one ? r : n;
}

/*
 * Appends each whitespace-separated word of q as a literal FTS5 string. With
 * prefix (type-ahead), the last word matches as a prefix unless q ends in a
 * space: the words before it are complete; its last token is left out while it
 * is one character (without_short_tail), and then the function returns 1. A
 * word typed with a trailing '*' is a prefix in any case.
 */
static int literal_words(struct buf *b, const char *q, int prefix, const char *join)
{
	int first = 1, cut = 0;
	while (*q) {
		while (*q && isspace((unsigned char)*q))
			q++;
		if (!*q)
			break;
		const char *w = q;
		while (*q && !isspace((unsigned char)*q))
			q++;
		size_t n = (size_t)(q - w);
		int star = n > 1 && w[n - 1] == '*';
		if (star)
			n--;
		int last_prefix = !star && prefix && !*q; /* !*q: the word ends the text, it is still being typed */
		if (last_prefix) {
			size_t kept = without_short_tail(w, n);
			cut = kept < n;
			last_prefix = !cut; /* what is left of it is complete */
			n = kept;
		}
		/* a word of punctuation only has no token: FTS5 would reject "" */
		int has_token = 0;
		for (size_t i = 0; i < n; i++)
			has_token |= token_byte((unsigned char)w[i]);
		if (!has_token)
			continue;
		if (!first)
			buf_puts(b, join);
		first = 0;
		buf_putc(b, '"');
		for (size_t i = 0; i < n; i++) {
			if (w[i] == '"')
				buf_putc(b, '"');
			buf_putc(b, w[i]);
		}
		buf_putc(b, '"');
		if (star || last_prefix)
			buf_putc(b, '*');
	}
	return cut;
}

/*
 * 1 when the failure was FTS5 refusing the query: that is a plain
 * SQLITE_ERROR, while a failing database reports CORRUPT, IOERR, FULL...
 */
static int query_error(struct store *s)
{
	return sqlite3_extended_errcode(s->db) == SQLITE_ERROR;
}

static void query_fail(struct store *s, const char *q, char *err, size_t errlen)
{
	const char *m = sqlite3_errmsg(s->db);
	if (!strncmp(m, "fts5: ", 6))
		m += 6;
	snprintf(err, errlen, "cannot search for '%s' (%s): use words, \"exact phrases\", prefix*, "
	         "AND, OR, NOT and parentheses", q, m);
}

void store_hits_free(struct store_hit *h, size_t n)
{
	for (size_t i = 0; h && i < n; i++) {
		free(h[i].title);
		free(h[i].feed_title);
		free(h[i].published);
		free(h[i].snippet);
	}
	free(h);
}

/* Runs sql_search for q; 1 when FTS5 refused the query (err untouched), 0 done, -1 failed. */
static int search_once(struct store *s, const char *sql, const char *q, size_t limit, struct store_hit **out,
                       size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)limit);
	struct store_hit *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)&arr, &cap, cnt + 1, sizeof *arr))
			goto oom;
		struct store_hit *h = &arr[cnt++];
		int oom = 0;
		memset(h, 0, sizeof *h);
		h->item_id = sqlite3_column_int64(st, 0);
		h->title = store_col_dup(st, 1, &oom);
		h->feed_title = store_col_dup(st, 2, &oom);
		h->published = store_col_dup(st, 3, &oom);
		h->date = sqlite3_column_int64(st, 4);
		h->snippet = store_col_dup(st, 5, &oom);
		if (oom)
			goto oom;
	}
	if (rc != SQLITE_DONE) {
		int refused = query_error(s);
		if (!refused)
			store_fail(s, "searching", err, errlen);
		sqlite3_reset(st);
		store_hits_free(arr, cnt);
		return refused ? 1 : -1;
	}
	sqlite3_reset(st);
	*out = arr;
	*n = cnt;
	return 0;
oom:
	sqlite3_reset(st);
	store_hits_free(arr, cnt);
	snprintf(err, errlen, "out of memory");
	return -1;
}

static int search(struct store *s, const char *sql, const char *query, size_t limit, struct store_hit **out,
                  size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	if (!query || !*query) {
		snprintf(err, errlen, "nothing to search for");
		return -1;
	}
	int rc = search_once(s, sql, query, limit ? limit : 50, out, n, err, errlen);
	if (rc <= 0)
		return rc;
	char first[256];
	snprintf(first, sizeof first, "%s", sqlite3_errmsg(s->db));
	struct buf b = BUF_INIT;
	literal_words(&b, query, 0, " ");
	if (b.failed) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rc = b.len ? search_once(s, sql, b.data, limit ? limit : 50, out, n, err, errlen) : 1;
	buf_free(&b);
	if (rc == 1) {
		const char *m = !strncmp(first, "fts5: ", 6) ? first + 6 : first;
		snprintf(err, errlen, "cannot search for '%s' (%s): use words, \"exact phrases\", prefix*, "
		         "AND, OR, NOT and parentheses", query, m);
		return -1;
	}
	return rc;
}

int store_search(struct store *s, const char *query, size_t limit, struct store_hit **out,
                 size_t *n, char *err, size_t errlen)
{
	return search(s, sql_search, query, limit, out, n, err, errlen);
}

int store_search_ranked(struct store *s, const char *query, size_t limit, struct store_hit **out,
                        size_t *n, char *err, size_t errlen)
{
	return search(s, sql_search_ranked, query, limit, out, n, err, errlen);
}

void store_quote_hits_free(struct store_quote_hit *h, size_t n)
{
	for (size_t i = 0; h && i < n; i++) {
		free(h[i].text);
		free(h[i].speaker);
		free(h[i].cue);
		free(h[i].headline);
		free(h[i].published);
	}
	free(h);
}

/*
 * The FTS5 expression for q: its match (as given, or literal words), AND the
 * speaker's words. *cut is set when a type-ahead's 1-character last word was
 * left out: a part left empty by that is no condition (rather than matching
 * nothing), so one letter typed shows the newest quotations.
 */
static int quote_expr(const struct store_quote_query *q, int literal, struct buf *b, int *cut)
{
	int have = 0;
	*cut = 0;
	if (q->match && *q->match) {
		buf_putc(b, '(');
		size_t before = b->len;
		if (literal || q->prefix)
			*cut |= literal_words(b, q->match, q->prefix, " ");
		else
			buf_puts(b, q->match);
		have = b->len > before;
		if (!have)
			b->len--; /* nothing searchable: drop the '(' */
		else
			buf_putc(b, ')');
	}
	if (q->speaker && *q->speaker) {
		size_t start = b->len;
		if (have)
			buf_puts(b, " AND ");
		buf_puts(b, "speaker : (");
		size_t before = b->len;
		int speaker_cut = literal_words(b, q->speaker, q->prefix, " AND ");
		*cut |= speaker_cut;
		if (b->len > before || !speaker_cut) {
			if (b->len == before)
				buf_puts(b, "\"\"");
			buf_putc(b, ')');
			have = 1;
		} else {
			b->len = start; /* only a 1-letter name typed: no condition yet */
		}
	}
	if (b->data)
		b->data[b->len] = '\0';
	return have;
}

static int quotes_once(struct store *s, const struct store_quote_query *q, const char *expr,
                       struct store_quote_hit **out, size_t *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, expr ? sql_quotes_match : sql_quotes_all, err, errlen);
	if (!st)
		return -1;
	if (expr)
		sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, store_date_key(q->since));
	sqlite3_bind_int64(st, 3, q->limit ? (long long)q->limit : 50);
	sqlite3_bind_int64(st, 4, (long long)q->offset);
	struct store_quote_hit *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)&arr, &cap, cnt + 1, sizeof *arr))
			goto oom;
		struct store_quote_hit *h = &arr[cnt++];
		int oom = 0;
		memset(h, 0, sizeof *h);
		h->quote_id = sqlite3_column_int64(st, 0);
		h->item_id = sqlite3_column_int64(st, 1);
		h->index = sqlite3_column_int(st, 2);
		h->text = store_col_dup(st, 3, &oom);
		h->speaker = store_col_dup(st, 4, &oom);
		h->cue = store_col_dup(st, 5, &oom);
		h->partial = sqlite3_column_int(st, 6);
		h->headline = store_col_dup(st, 7, &oom);
		h->published = store_col_dup(st, 8, &oom);
		h->date = sqlite3_column_int64(st, 9);
		if (oom)
			goto oom;
	}
	if (rc != SQLITE_DONE) {
		int refused = expr && query_error(s);
		if (!refused)
			store_fail(s, "searching quotations", err, errlen);
		sqlite3_reset(st);
		store_quote_hits_free(arr, cnt);
		return refused ? 1 : -1;
	}
	sqlite3_reset(st);
	*out = arr;
	*n = cnt;
	return 0;
oom:
	sqlite3_reset(st);
	store_quote_hits_free(arr, cnt);
	snprintf(err, errlen, "out of memory");
	return -1;
}

int store_quotes_search(struct store *s, const struct store_quote_query *q, struct store_quote_hit **out,
                        size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	for (int literal = 0; literal < 2; literal++) {
		struct buf b = BUF_INIT;
		int cut;
		int have = quote_expr(q, literal, &b, &cut);
		if (b.failed) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		if (!have && !cut && q->match && *q->match && !(q->speaker && *q->speaker)) {
			buf_free(&b); /* only punctuation typed: nothing matches */
			return 0;
		}
		int rc = quotes_once(s, q, have ? b.data : NULL, out, n, err, errlen);
		buf_free(&b);
		if (rc <= 0)
			return rc;
		if (literal || q->prefix)
			break;
	}
	query_fail(s, q->match ? q->match : q->speaker, err, errlen);
	return -1;
}
