/*
 * store_articles.c: an analysed article in and out of the store, every
 * field of article.h kept as it was.
 *
 * The body is stored as one text (paragraphs joined by newlines, which the
 * text index reads) plus, per section, its heading and the byte length of
 * each paragraph, so paragraphs come back byte for byte whatever they hold.
 */
#include "store_int.h"
#include "model.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sql_art_ins[] =
	"INSERT INTO articles(item_id, source, url, site, headline, headline_derived, byline, published,"
	" has_dateline, dl_place, dl_date, dl_agency, dl_raw, body, doc) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
static const char sql_sec_ins[] = "INSERT INTO sections(item_id, pos, heading, lens) VALUES(?,?,?,?)";
/*
 * A quotation's text is stored once (schema 7): when the stored body holds it
 * byte for byte at ?13 (one paragraph, end - start long), its row keeps only
 * that offset (at) and an empty text, and the view quotes_text reads it from
 * the body; else (a quotation over paragraphs, without its inner marks) the
 * text itself. Checked against the body as stored, so the two cannot differ.
 */
static const char sql_quote_ins[] =
	"INSERT INTO quotes(item_id, pos, text, speaker, cue, partial, section, paragraph, start, end,"
	" end_paragraph, id, at)"
	" SELECT ?1, ?2, CASE WHEN m THEN '' ELSE ?3 END, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, CASE WHEN m THEN ?13 END"
	" FROM (SELECT ?13 IS NOT NULL AND ?8 = ?11 AND ?10 - ?9 = length(CAST(?3 AS BLOB)) AND"
	" substr(CAST((SELECT body FROM articles WHERE item_id = ?1) AS BLOB), ?13 + 1, ?10 - ?9) = CAST(?3 AS BLOB) AS m)";
static const char sql_ent_ins[] = "INSERT INTO entities(item_id, pos, name, type, role) VALUES(?,?,?,?,?)";
static const char sql_alias_ins[] = "INSERT INTO aliases(entity_id, pos, alias) VALUES(?,?,?)";
static const char sql_men_ins[] =
	"INSERT INTO mentions(entity_id, pos, section, paragraph, start, end) VALUES(?,?,?,?,?,?)";
static const char sql_link_ins[] = "INSERT INTO links(item_id, pos, url, text) VALUES(?,?,?,?)";
static const char sql_nq_set[] = "UPDATE items SET n_quotes = ? WHERE id = ?";
static const char sql_item_date[] = "SELECT date, analysed FROM items WHERE id = ?";
static const char sql_doc_next[] = "SELECT max(doc) FROM articles WHERE doc >= ?1 AND doc < ?2";
static const char sql_quote_next[] = "SELECT max(id) FROM quotes WHERE id >= ?1 AND id < ?2";

long long store_date_key(long long date)
{
	const long long max = (1LL << (62 - STORE_KEY_BITS)) - 1;
	return (date < 0 ? 0 : date > max ? max : date) << STORE_KEY_BITS;
}

/*
 * The first free key of table (sql_next) for an item dated date, with room
 * for n rows: keys sort by date, then by when they were stored.
 */
static int next_key(struct store *s, const char *sql_next, long long date, size_t n, long long *key,
                    char *err, size_t errlen)
{
	long long lo = store_date_key(date), hi = lo + (1LL << STORE_KEY_BITS);
	sqlite3_stmt *st = store_stmt(s, sql_next, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	int rc = sqlite3_step(st);
	long long k = lo;
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		k = sqlite3_column_int64(st, 0) + 1;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, "numbering an article", err, errlen);
	if (k + (long long)n > hi) {
		snprintf(err, errlen, "too many articles stored for the same second");
		return -1;
	}
	*key = k;
	return 0;
}

/* The ordering date of item id, and (analysed not NULL) whether its analysis is stored. */
static int item_date_analysed(struct store *s, long long id, long long *date, int *analysed, char *err,
                              size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_item_date, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*date = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (analysed)
		*analysed = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		snprintf(err, errlen, "no item %lld in the store", id);
		return -1;
	}
	return rc == SQLITE_ROW ? 0 : store_fail(s, "storing an article", err, errlen);
}

/* The ordering date of item id. */
static int item_date(struct store *s, long long id, long long *date, char *err, size_t errlen)
{
	return item_date_analysed(s, id, date, NULL, err, errlen);
}

/* Steps an insert/update/delete once; -1 with err on failure. */
static int run(struct store *s, sqlite3_stmt *st, const char *what, char *err, size_t errlen)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(s, what, err, errlen);
}

/* The byte offset in the stored body (write_sections()) of q's text, or -1 when q is not in a. */
static long long quote_body_offset(const struct article *a, const struct quote *q)
{
	long long off = 0;
	for (size_t i = 0; i < a->n_sections; i++) {
		const struct section *sec = &a->sections[i];
		for (size_t j = 0; j < sec->n_paragraphs; j++) {
			const char *p = sec->paragraphs[j] ? sec->paragraphs[j] : "";
			if ((int)i == q->section && (int)j == q->paragraph)
				return q->start <= strlen(p) ? off + (long long)q->start : -1;
			off += (long long)strlen(p) + 1; /* the paragraphs are joined by newlines */
		}
	}
	return -1;
}

/* The quotations and their count; stale: the item's n_quotes may hold an older count (else it is 0). */
static int write_quotes(struct store *s, long long id, long long date, const struct article *a, int stale,
                        char *err, size_t errlen)
{
	long long key = 0;
	if (a->n_quotes && next_key(s, sql_quote_next, date, a->n_quotes, &key, err, errlen))
		return -1;
	for (size_t i = 0; i < a->n_quotes; i++) {
		const struct quote *q = &a->quotes[i];
		sqlite3_stmt *st = store_stmt(s, sql_quote_ins, err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (long long)i);
		store_bind_text(st, 3, q->text ? q->text : "");
		store_bind_text(st, 4, q->speaker);
		store_bind_text(st, 5, q->cue);
		sqlite3_bind_int(st, 6, q->partial);
		sqlite3_bind_int(st, 7, q->section);
		sqlite3_bind_int(st, 8, q->paragraph);
		sqlite3_bind_int64(st, 9, (long long)q->start);
		sqlite3_bind_int64(st, 10, (long long)q->end);
		sqlite3_bind_int(st, 11, q->end_paragraph);
		/* numbered backwards, so that newest-first (descending) lists an article's quotes in text order */
		long long qid = key + (long long)(a->n_quotes - 1 - i);
		sqlite3_bind_int64(st, 12, qid);
		long long at = quote_body_offset(a, q);
		if (at >= 0)
			sqlite3_bind_int64(st, 13, at);
		if (run(s, st, "storing a quotation", err, errlen) ||
		    store_fts_add(s, 1, id, qid, q->text ? q->text : "", q->speaker, NULL, err, errlen))
			return -1;
	}
	if (!a->n_quotes && !stale) /* most articles the refresh stores, whose analysis waits */
		return 0;
	sqlite3_stmt *st = store_stmt(s, sql_nq_set, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)a->n_quotes);
	sqlite3_bind_int64(st, 2, id);
	return run(s, st, "storing a quotation", err, errlen);
}

static int write_entities(struct store *s, long long id, const struct article *a, char *err, size_t errlen)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *e = &a->entities[i];
		sqlite3_stmt *st = store_stmt(s, sql_ent_ins, err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (long long)i);
		store_bind_text(st, 3, e->name ? e->name : "");
		sqlite3_bind_int(st, 4, (int)e->type);
		store_bind_text(st, 5, e->role);
		if (run(s, st, "storing an entity", err, errlen))
			return -1;
		long long eid = sqlite3_last_insert_rowid(s->db);
		for (size_t j = 0; j < e->n_aliases; j++) {
			if (!(st = store_stmt(s, sql_alias_ins, err, errlen)))
				return -1;
			sqlite3_bind_int64(st, 1, eid);
			sqlite3_bind_int64(st, 2, (long long)j);
			store_bind_text(st, 3, e->aliases[j] ? e->aliases[j] : "");
			if (run(s, st, "storing an entity", err, errlen))
				return -1;
		}
		for (size_t j = 0; j < e->n_mentions; j++) {
			const struct mention *m = &e->mentions[j];
			if (!(st = store_stmt(s, sql_men_ins, err, errlen)))
				return -1;
			sqlite3_bind_int64(st, 1, eid);
			sqlite3_bind_int64(st, 2, (long long)j);
			sqlite3_bind_int(st, 3, m->section);
			sqlite3_bind_int(st, 4, m->paragraph);
			sqlite3_bind_int64(st, 5, (long long)m->start);
			sqlite3_bind_int64(st, 6, (long long)m->end);
			if (run(s, st, "storing a mention", err, errlen))
				return -1;
		}
	}
	return 0;
}

/* Binds has_dateline, place, date, agency and raw from parameter i on. */
static void bind_dateline(sqlite3_stmt *st, int i, const struct dateline *d)
{
	sqlite3_bind_int(st, i, d != NULL);
	store_bind_text(st, i + 1, d ? d->place : NULL);
	store_bind_text(st, i + 2, d ? d->date : NULL);
	store_bind_text(st, i + 3, d ? d->agency : NULL);
	store_bind_text(st, i + 4, d ? d->raw : NULL);
}

/* Sections: heading and paragraph lengths; appends paragraphs to body. */
static int write_sections(struct store *s, long long id, const struct article *a, struct buf *body,
                          char *err, size_t errlen)
{
	struct buf lens = BUF_INIT;
	int first = 1;
	for (size_t i = 0; i < a->n_sections; i++) {
		const struct section *sec = &a->sections[i];
		buf_reset(&lens);
		buf_puts(&lens, "");
		for (size_t j = 0; j < sec->n_paragraphs; j++) {
			const char *p = sec->paragraphs[j] ? sec->paragraphs[j] : "";
			size_t n = strlen(p);
			buf_printf(&lens, j ? " %zu" : "%zu", n);
			if (!first)
				buf_putc(body, '\n');
			buf_append(body, p, n);
			first = 0;
		}
		sqlite3_stmt *st;
		if (lens.failed || body->failed) {
			snprintf(err, errlen, "storing an article: out of memory");
			buf_free(&lens);
			return -1;
		}
		if (!(st = store_stmt(s, sql_sec_ins, err, errlen))) {
			buf_free(&lens);
			return -1;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (long long)i);
		store_bind_text(st, 3, sec->heading);
		sqlite3_bind_text(st, 4, lens.data ? lens.data : "", -1, SQLITE_TRANSIENT);
		if (run(s, st, "storing an article", err, errlen)) {
			buf_free(&lens);
			return -1;
		}
	}
	buf_free(&lens);
	return 0;
}

int store_article_write(struct store *s, long long id, const struct article *a, char *err, size_t errlen)
{
	long long date, doc;
	if (item_date(s, id, &date, err, errlen) || next_key(s, sql_doc_next, date, 1, &doc, err, errlen))
		return -1;
	struct buf body = BUF_INIT;
	buf_puts(&body, "");
	if (write_sections(s, id, a, &body, err, errlen)) {
		buf_free(&body);
		return -1;
	}
	const struct dateline *d = a->dateline;
	sqlite3_stmt *st = store_stmt(s, sql_art_ins, err, errlen);
	if (!st) {
		buf_free(&body);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, a->source);
	store_bind_text(st, 3, a->url);
	store_bind_text(st, 4, a->site);
	store_bind_text(st, 5, a->headline);
	sqlite3_bind_int(st, 6, a->headline_derived);
	store_bind_text(st, 7, a->byline);
	store_bind_text(st, 8, a->published);
	bind_dateline(st, 9, d);
	sqlite3_bind_text(st, 14, body.data, (int)body.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 15, doc);
	int rc = run(s, st, "storing an article", err, errlen);
	sqlite3_clear_bindings(st); /* body is handed to the index queue below */
	if (rc || body.failed) {
		buf_free(&body);
		return -1;
	}
	char *text = buf_detach(&body);
	if (!text) {
		snprintf(err, errlen, "storing an article: out of memory");
		return -1;
	}
	if (store_fts_add(s, 0, id, doc, a->headline, a->byline, text, err, errlen))
		return -1;
	for (size_t i = 0; i < a->n_links; i++) {
		if (!(st = store_stmt(s, sql_link_ins, err, errlen)))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (long long)i);
		store_bind_text(st, 3, a->links[i].url ? a->links[i].url : "");
		store_bind_text(st, 4, a->links[i].text);
		if (run(s, st, "storing a link", err, errlen))
			return -1;
	}
	/* a new item's count is 0, a replaced article's was set to 0 with its deletion (store_article_delete()) */
	return write_quotes(s, id, date, a, 0, err, errlen) || write_entities(s, id, a, err, errlen) ? -1 : 0;
}

/* The external-content indexes need the old values to forget a row: delete them first. */
static const char *const delete_sql[] = {
	"INSERT INTO articles_fts(articles_fts, rowid, headline, byline, body)"
	" SELECT 'delete', doc, headline, byline, body FROM articles WHERE item_id = ?1",
	"INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)"
	" SELECT 'delete', q.id, t.text, q.speaker FROM quotes q JOIN quotes_text t ON t.id = q.id WHERE q.item_id = ?1",
	"DELETE FROM mentions WHERE entity_id IN (SELECT id FROM entities WHERE item_id = ?1)",
	"DELETE FROM aliases WHERE entity_id IN (SELECT id FROM entities WHERE item_id = ?1)",
	"DELETE FROM entities WHERE item_id = ?1",
	"DELETE FROM quotes WHERE item_id = ?1",
	"DELETE FROM links WHERE item_id = ?1",
	"DELETE FROM sections WHERE item_id = ?1",
	"DELETE FROM articles WHERE item_id = ?1",
	"UPDATE items SET n_quotes = 0 WHERE id = ?1",
};

static const char sql_art_exists[] = "SELECT 1 FROM articles WHERE item_id = ?";

int store_article_exists(struct store *s, long long id)
{
	char ignored[64];
	sqlite3_stmt *st = store_stmt(s, sql_art_exists, ignored, sizeof ignored);
	if (!st)
		return 1; /* unsure: the caller deletes, which costs time only */
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc != SQLITE_DONE;
}

int store_article_delete(struct store *s, long long id, char *err, size_t errlen)
{
	if (store_fts_flush_item(s, id, err, errlen))
		return -1;
	for (size_t i = 0; i < sizeof delete_sql / sizeof *delete_sql; i++) {
		sqlite3_stmt *st = store_stmt(s, delete_sql[i], err, errlen);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (run(s, st, "removing an article", err, errlen))
			return -1;
	}
	return 0;
}

static const char sql_art_head[] = "SELECT headline FROM articles WHERE item_id = ?";
static const char sql_fts_index[] =
	"INSERT INTO articles_fts(rowid, headline, byline, body) SELECT doc, headline, byline, body FROM articles"
	" WHERE item_id = ?1";
static const char sql_art_analysis[] =
	"UPDATE articles SET headline = ?2, headline_derived = ?3, has_dateline = ?4, dl_place = ?5, dl_date = ?6,"
	" dl_agency = ?7, dl_raw = ?8 WHERE item_id = ?1";
static const char sql_item_analysed[] =
	"UPDATE items SET analysed = 1, title = coalesce(title, ?2) WHERE id = ?1";

/* Steps sql bound to item id once. */
static int run_id(struct store *s, const char *sql, long long id, const char *what, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return run(s, st, what, err, errlen);
}

int store_article_write_analysis(struct store *s, long long id, const struct article *a, char *err, size_t errlen)
{
	long long date;
	int before;
	if (store_fts_flush_item(s, id, err, errlen) || item_date_analysed(s, id, &date, &before, err, errlen))
		return -1;
	sqlite3_stmt *st = store_stmt(s, sql_art_head, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	const char *old = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	int same = (!old && !a->headline) || (old && a->headline && !strcmp(old, a->headline));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) /* the item lost its article (purged) meanwhile: nothing to add to */
		return run_id(s, sql_item_analysed, id, "storing an analysis", err, errlen);
	if (rc != SQLITE_ROW)
		return store_fail(s, "storing an analysis", err, errlen);
	/* a headline the analysis derived is searchable too: re-index the row with it */
	if (!same && run_id(s, delete_sql[0], id, "indexing an article", err, errlen))
		return -1;
	const struct dateline *d = a->dateline;
	if (!(st = store_stmt(s, sql_art_analysis, err, errlen)))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, a->headline);
	sqlite3_bind_int(st, 3, a->headline_derived);
	bind_dateline(st, 4, d);
	if (run(s, st, "storing an analysis", err, errlen) ||
	    (!same && run_id(s, sql_fts_index, id, "indexing an article", err, errlen)))
		return -1;
	/*
	 * An analysis stored before (another process's, meanwhile) is replaced
	 * whole; an item still waiting has none: its quotations and entities go
	 * whenever its article does (five statements per article saved).
	 */
	for (size_t i = 1; before && i <= 5; i++)
		if (run_id(s, delete_sql[i], id, "storing an analysis", err, errlen))
			return -1;
	if (write_quotes(s, id, date, a, before, err, errlen) || write_entities(s, id, a, err, errlen))
		return -1;
	if (!(st = store_stmt(s, sql_item_analysed, err, errlen)))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, a->headline);
	return run(s, st, "storing an analysis", err, errlen);
}
