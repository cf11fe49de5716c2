/* store_load.c: an article back out of the store, and articles saved on their own. */
#include "store_int.h"
#include "base.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char sql_art_get[] =
	"SELECT source, url, site, headline, headline_derived, byline, published, has_dateline,"
	" dl_place, dl_date, dl_agency, dl_raw, body FROM articles WHERE item_id = ?";
static const char sql_sec_get[] = "SELECT heading, lens FROM sections WHERE item_id = ? ORDER BY pos";
static const char sql_quote_get[] =
	"SELECT t.text, q.speaker, cue, partial, section, paragraph, start, end, end_paragraph"
	" FROM quotes q JOIN quotes_text t ON t.id = q.id WHERE q.item_id = ? ORDER BY pos";
static const char sql_ent_get[] = "SELECT id, name, type, role FROM entities WHERE item_id = ? ORDER BY pos";
static const char sql_alias_get[] = "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY pos";
static const char sql_men_get[] =
	"SELECT section, paragraph, start, end FROM mentions WHERE entity_id = ? ORDER BY pos";
static const char sql_link_get[] = "SELECT url, text FROM links WHERE item_id = ? ORDER BY pos";

/* Copies column i into *field; -1 when out of memory. */
static int col_set(sqlite3_stmt *st, int i, char **field)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	if (!t)
		return 0;
	return article_set(field, t, (size_t)sqlite3_column_bytes(st, i));
}

/* Splits the stored body back into sections and paragraphs by their recorded lengths. */
static int load_sections(struct store *s, long long id, struct article *a, const char *body, size_t blen,
                         char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_sec_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	size_t off = 0;
	int first = 1, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct section *sec = article_add_section(a, (const char *)sqlite3_column_text(st, 0));
		if (!sec)
			goto oom;
		const char *p = (const char *)sqlite3_column_text(st, 1);
		while (p && *p) {
			char *end;
			unsigned long long n = strtoull(p, &end, 10);
			if (end == p)
				break;
			p = *end ? end + 1 : end;
			if (!first)
				off++; /* the newline between paragraphs */
			first = 0;
			if (off > blen || n > blen - off) {
				sqlite3_reset(st);
				snprintf(err, errlen, "article %lld is damaged in the store (its paragraphs do not add up)", id);
				return -1;
			}
			if (section_add_paragraph(sec, body + off, (size_t)n))
				goto oom;
			off += (size_t)n;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "reading an article", err, errlen);
	return 0;
oom:
	sqlite3_reset(st);
	snprintf(err, errlen, "out of memory");
	return -1;
}

static int load_quotes(struct store *s, long long id, struct article *a, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_quote_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct quote *q = article_add_quote(a);
		if (!q || col_set(st, 0, &q->text) || col_set(st, 1, &q->speaker) || col_set(st, 2, &q->cue)) {
			sqlite3_reset(st);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		q->partial = sqlite3_column_int(st, 3);
		q->section = sqlite3_column_int(st, 4);
		q->paragraph = sqlite3_column_int(st, 5);
		q->start = (size_t)sqlite3_column_int64(st, 6);
		q->end = (size_t)sqlite3_column_int64(st, 7);
		q->end_paragraph = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "reading quotations", err, errlen);
}

static int load_entity_parts(struct store *s, long long eid, struct entity *e, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_alias_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, eid);
	int rc;
	/* aliases are appended directly: entity_add_alias() would drop one equal to the name */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (array_grow((void **)&e->aliases, &e->cap_aliases, e->n_aliases + 1, sizeof *e->aliases))
			goto oom;
		if (col_set(st, 0, &e->aliases[e->n_aliases]))
			goto oom;
		e->n_aliases++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "reading entities", err, errlen);
	if (!(st = store_stmt(s, sql_men_get, err, errlen)))
		return -1;
	sqlite3_bind_int64(st, 1, eid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (entity_add_mention(e, sqlite3_column_int(st, 0), sqlite3_column_int(st, 1),
		                       (size_t)sqlite3_column_int64(st, 2), (size_t)sqlite3_column_int64(st, 3)))
			goto oom;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "reading mentions", err, errlen);
oom:
	sqlite3_reset(st);
	snprintf(err, errlen, "out of memory");
	return -1;
}

static int load_entities(struct store *s, long long id, struct article *a, char *err, size_t errlen)
{
	/* collect ids first: entity pointers move while the array grows */
	sqlite3_stmt *st = store_stmt(s, sql_ent_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	long long *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int grown = !array_grow((void **)&ids, &cap, n + 1, sizeof *ids);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		struct entity *e = grown ? article_add_entity(a, name ? name : "", (enum entity_type)sqlite3_column_int(st, 2)) : NULL;
		if (!e || col_set(st, 3, &e->role)) {
			sqlite3_reset(st);
			free(ids);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ids);
		return store_fail(s, "reading entities", err, errlen);
	}
	for (size_t i = 0; i < n; i++)
		if (load_entity_parts(s, ids[i], &a->entities[i], err, errlen)) {
			free(ids);
			return -1;
		}
	free(ids);
	return 0;
}

static int load_links(struct store *s, long long id, struct article *a, char *err, size_t errlen)
{
	sqlite3_stmt *st = store_stmt(s, sql_link_get, err, errlen);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (article_add_link(a, (const char *)sqlite3_column_text(st, 0),
		                     (const char *)sqlite3_column_text(st, 1)) < 0) {
			sqlite3_reset(st);
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "reading links", err, errlen);
}

int store_article_load(struct store *s, long long id, struct article **out, char *err, size_t errlen)
{
	*out = NULL;
	struct article *a = article_new();
	if (!a) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* one read transaction, so a refresh committing meanwhile cannot tear the article */
	int own = !s->tx_depth && sqlite3_get_autocommit(s->db);
	if (own && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		article_free(a);
		return store_fail(s, "reading an article", err, errlen);
	}
	char *body = NULL;
	size_t blen = 0;
	int rc = -1;
	sqlite3_stmt *st = store_stmt(s, sql_art_get, err, errlen);
	if (!st)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	int r = sqlite3_step(st);
	if (r == SQLITE_DONE) {
		snprintf(err, errlen, "no article stored for item %lld", id);
		sqlite3_reset(st);
		goto done;
	}
	if (r != SQLITE_ROW) {
		store_fail(s, "reading an article", err, errlen);
		sqlite3_reset(st);
		goto done;
	}
	int oom = 0;
	if (col_set(st, 0, &a->source) || col_set(st, 1, &a->url) || col_set(st, 2, &a->site) ||
	    col_set(st, 3, &a->headline) || col_set(st, 5, &a->byline) || col_set(st, 6, &a->published))
		oom = 1;
	a->headline_derived = sqlite3_column_int(st, 4);
	if (!oom && sqlite3_column_int(st, 7) &&
	    article_set_dateline(a, (const char *)sqlite3_column_text(st, 8), (const char *)sqlite3_column_text(st, 9),
	                         (const char *)sqlite3_column_text(st, 10), (const char *)sqlite3_column_text(st, 11)))
		oom = 1;
	/* the times beside the dates, from the ISO text the store keeps (the one parser's ISO part, in base) */
	a->published_at = store_moment(a->published);
	if (a->dateline)
		a->dateline->date_at = store_moment(a->dateline->date);
	blen = (size_t)sqlite3_column_bytes(st, 12);
	if (!oom && !(body = store_col_dup(st, 12, &oom)) && !oom)
		body = calloc(1, 1);
	sqlite3_reset(st);
	if (oom || !body) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	if (load_sections(s, id, a, body, blen, err, errlen) || load_quotes(s, id, a, err, errlen) ||
	    load_entities(s, id, a, err, errlen) || load_links(s, id, a, err, errlen))
		goto done;
	rc = 0;
done:
	free(body);
	if (own)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc) {
		article_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

/* a saved copy is the user's own item: it never attaches to a feed's item of the same link */
static const char sql_item_by_link[] = "SELECT id FROM items WHERE link = ? AND feed_id IS NULL LIMIT 1";
static const char sql_item_saved_ins[] =
	"INSERT INTO items(feed_id, guid, link, title, author, published, date, added, saved, full)"
	" VALUES(NULL, ?1, ?1, ?2, ?3, ?4, ?5, ?6, 1, 1)";
static const char sql_item_saved_upd[] =
	"UPDATE items SET saved = 1, full = 1, purged = 0, analysed = 1, title = coalesce(title, ?2) WHERE id = ?1";
/* the article given is analysed (ingest_article()): nothing of it waits for the worker */
static const char sql_item_full[] = "UPDATE items SET full = ?2, purged = 0, analysed = 1 WHERE id = ?1";

int store_article_replace(struct store *s, long long id, const struct article *a, int full,
                          char *err, size_t errlen)
{
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	sqlite3_stmt *st = store_stmt(s, sql_item_full, err, errlen);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, !!full);
	if (sqlite3_step(st) != SQLITE_DONE) {
		store_fail(s, "replacing an article", err, errlen);
		goto fail;
	}
	if (!sqlite3_changes(s->db)) {
		snprintf(err, errlen, "no item %lld in the store", id);
		goto fail;
	}
	if (store_article_delete(s, id, err, errlen) || store_article_write(s, id, a, err, errlen))
		goto fail;
	return store_tx_commit(s, err, errlen);
fail:
	store_tx_rollback(s);
	return -1;
}

int store_save_article(struct store *s, const struct article *a, long long *item_id, char *err, size_t errlen)
{
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	const char *key = a->url ? a->url : a->source;
	long long id = 0;
	sqlite3_stmt *st = store_stmt(s, sql_item_by_link, err, errlen);
	if (!st)
		goto fail;
	store_bind_text(st, 1, key);
	int r = key ? sqlite3_step(st) : SQLITE_DONE;
	if (r == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		store_fail(s, "saving an article", err, errlen);
		goto fail;
	}
	st = store_stmt(s, id ? sql_item_saved_upd : sql_item_saved_ins, err, errlen);
	if (!st)
		goto fail;
	/* the parsers' times: the store reads no date text; the dateline's date is the next best thing */
	struct moment at = moment_known(a->published_at) || !a->dateline ? a->published_at : a->dateline->date_at;
	long long now = (long long)time(NULL), date = moment_known(at) ? at.time : 0;
	if (id) {
		sqlite3_bind_int64(st, 1, id);
		store_bind_text(st, 2, a->headline);
	} else {
		store_bind_text(st, 1, key);
		store_bind_text(st, 2, a->headline);
		store_bind_text(st, 3, a->byline);
		store_bind_text(st, 4, a->published);
		sqlite3_bind_int64(st, 5, date ? date : now);
		sqlite3_bind_int64(st, 6, now);
	}
	if (sqlite3_step(st) != SQLITE_DONE) {
		store_fail(s, "saving an article", err, errlen);
		goto fail;
	}
	if (!id)
		id = sqlite3_last_insert_rowid(s->db);
	if (store_article_delete(s, id, err, errlen) || store_article_write(s, id, a, err, errlen) ||
	    store_tx_commit(s, err, errlen))
		goto fail;
	*item_id = id;
	return 0;
fail:
	store_tx_rollback(s);
	return -1;
}
