/* test_store.c: the store on real database files: schema, migration, round-trip, search, retention. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decode.h"
#include "model.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[256];
static char path[512];
static char err[1024];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/dateline-test-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/sub/dir/dateline.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static int query_int(const char *db, const char *sql)
{
	sqlite3 *d;
	sqlite3_stmt *st;
	int v = -1;
	assert_int_equal(sqlite3_open_v2(db, &d, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(d, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(d);
	return v;
}

static void test_schema_creation(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	char d[512];
	snprintf(d, sizeof d, "%s/sub/dir", dir);
	assert_int_equal(stat(d, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	store_close(s);
	assert_int_equal(query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(query_int(path, "PRAGMA application_id"), 0x444c4e45);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN"
	                                 " ('feeds','items','articles','quotes','entities','mentions','articles_fts','quotes_fts')"), 8);
	/* the Feeds screen's counts are read from covering indexes (version 4) */
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
	                                 " ('items_feed_state','items_state')"), 2);
	/* and "All unread" from the unread's own index (version 6) */
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'items_unread'"), 1);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(db);
	/* reopening an existing store changes nothing */
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	store_close(s);
}

/* Version 1 as it shipped, written here by hand so the test does not trust the code under test. */
static const char v1_sql[] =
	"PRAGMA application_id = 1145851461; PRAGMA user_version = 1;"
	"CREATE TABLE feeds(id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, tags TEXT, etag TEXT,"
	" last_modified TEXT, last_status INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_refresh INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items(id INTEGER PRIMARY KEY, feed_id INTEGER, guid TEXT, link TEXT, title TEXT, author TEXT,"
	" published TEXT, updated TEXT, summary TEXT, content TEXT, hash TEXT, date INTEGER NOT NULL, added INTEGER NOT NULL,"
	" read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0, purged INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(feed_id, guid));"
	"CREATE INDEX items_feed_date ON items(feed_id, date);"
	"CREATE TABLE articles(item_id INTEGER PRIMARY KEY, source TEXT, url TEXT, site TEXT, headline TEXT,"
	" headline_derived INTEGER NOT NULL DEFAULT 0, byline TEXT, published TEXT, has_dateline INTEGER NOT NULL DEFAULT 0,"
	" dl_place TEXT, dl_date TEXT, dl_agency TEXT, dl_raw TEXT, body TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE sections(item_id INTEGER NOT NULL, pos INTEGER NOT NULL, heading TEXT, lens TEXT NOT NULL,"
	" PRIMARY KEY(item_id, pos)) WITHOUT ROWID;"
	"CREATE TABLE quotes(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, pos INTEGER NOT NULL, text TEXT NOT NULL,"
	" speaker TEXT, cue TEXT, partial INTEGER NOT NULL DEFAULT 0, section INTEGER NOT NULL, paragraph INTEGER NOT NULL,"
	" start INTEGER NOT NULL, end INTEGER NOT NULL, end_paragraph INTEGER NOT NULL);"
	"CREATE INDEX quotes_item ON quotes(item_id, pos);"
	"CREATE TABLE entities(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, pos INTEGER NOT NULL, name TEXT NOT NULL,"
	" type INTEGER NOT NULL, role TEXT);"
	"CREATE INDEX entities_item ON entities(item_id, pos);"
	"CREATE TABLE aliases(entity_id INTEGER NOT NULL, pos INTEGER NOT NULL, alias TEXT NOT NULL,"
	" PRIMARY KEY(entity_id, pos)) WITHOUT ROWID;"
	"CREATE TABLE mentions(entity_id INTEGER NOT NULL, pos INTEGER NOT NULL, section INTEGER NOT NULL,"
	" paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY(entity_id, pos)) WITHOUT ROWID;"
	"CREATE TABLE links(item_id INTEGER NOT NULL, pos INTEGER NOT NULL, url TEXT NOT NULL, text TEXT,"
	" PRIMARY KEY(item_id, pos)) WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(headline, byline, body, content='articles', content_rowid='item_id');"
	"INSERT INTO feeds(id, url, title) VALUES(1, 'http://example.org/feed', 'Example');"
	"INSERT INTO items(id, feed_id, guid, title, date, added, read) VALUES(7, 1, 'g7', 'Old talks', 1700000000, 1700000000, 1);"
	"INSERT INTO articles(item_id, headline, body) VALUES(7, 'Old talks', 'The envoy spoke.');"
	"INSERT INTO sections(item_id, pos, heading, lens) VALUES(7, 0, NULL, '16');"
	"INSERT INTO articles_fts(rowid, headline, byline, body) VALUES(7, 'Old talks', NULL, 'The envoy spoke.');"
	"INSERT INTO quotes(item_id, pos, text, speaker, section, paragraph, start, end, end_paragraph)"
	" VALUES(7, 0, 'we remain hopeful', 'Dmitry Peskov', 0, 0, 0, 5, 0);";

static void test_migration_from_v1(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "%s/v1.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, v1_sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct store *s;
	assert_int_equal(store_open(path, STORE_READONLY, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "older schema"));
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct store_item *items;
	size_t n;
	struct store_list_opts o = {0, 0, 10, 0};
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, 7);
	assert_int_equal(items[0].read, 1);
	assert_int_equal(items[0].saved, 0);
	assert_int_equal(items[0].n_quotes, 1); /* computed by the migration */
	store_items_free(items, n);
	/* the quote index did not exist in v1: the migration built it */
	struct store_quote_query q = {0};
	q.speaker = "Peskov";
	struct store_quote_hit *h;
	assert_int_equal(store_quotes_search(s, &q, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].text, "we remain hopeful");
	assert_int_equal(h[0].item_id, 7);
	store_quote_hits_free(h, n);
	struct article *a;
	assert_int_equal(store_article_load(s, 7, &a, err, sizeof err), 0);
	assert_string_equal(a->sections[0].paragraphs[0], "The envoy spoke.");
	article_free(a);
	store_close(s);
	assert_int_equal(query_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* a store from a newer dateline is refused, untouched */
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "newer dateline"));
	assert_int_equal(query_int(path, "PRAGMA user_version"), 99);
}

/* An article using every field of article.h, with awkward values. */
static struct article *full_article(const char *url, const char *headline, const char *speaker, const char *published)
{
	struct article *a = article_new();
	assert_non_null(a);
	assert_int_equal(article_set(&a->source, "/tmp/src.html", 13), 0);
	assert_int_equal(article_set(&a->url, url, strlen(url)), 0);
	assert_int_equal(article_set(&a->site, "Wire Service", 12), 0);
	assert_int_equal(article_set(&a->headline, headline, strlen(headline)), 0);
	a->headline_derived = 1;
	assert_int_equal(article_set(&a->byline, "By Jane Doe and José Ñ", strlen("By Jane Doe and José Ñ")), 0);
	struct moment at;
	date_read(published, &at);
	assert_int_equal(article_set_published(a, published, at), 0);
	assert_int_equal(article_set_dateline(a, "Buffalo, N.Y.", "2025-03-17", "AP", "BUFFALO, N.Y. (AP) —"), 0);
	assert_int_equal(date_read(a->dateline->date, &a->dateline->date_at), 0);
	struct section *s0 = article_add_section(a, NULL);
	assert_non_null(s0);
	const char *p0 = "BUFFALO, N.Y. (AP) — The mayor said the talks went well.";
	assert_int_equal(section_add_paragraph(s0, p0, strlen(p0)), 0);
	assert_int_equal(section_add_paragraph(s0, "", 0), 0); /* an empty paragraph */
	assert_int_equal(section_add_paragraph(s0, "line one\nline two \xe2\x80\x94 ok", 25), 0);
	struct section *s1 = article_add_section(a, "Reaction “abroad”");
	assert_non_null(s1);
	assert_int_equal(section_add_paragraph(s1, "\xe2\x80\x9cWe are cautiously optimistic,\xe2\x80\x9d he said.", 45), 0);
	struct quote *q = article_add_quote(a);
	assert_non_null(q);
	assert_int_equal(article_set(&q->text, "We are cautiously optimistic,", 29), 0);
	assert_int_equal(article_set(&q->speaker, speaker, strlen(speaker)), 0);
	assert_int_equal(article_set(&q->cue, "said", 4), 0);
	q->partial = 0, q->section = 1, q->paragraph = 0, q->start = 3, q->end = 32, q->end_paragraph = 0;
	q = article_add_quote(a);
	assert_int_equal(article_set(&q->text, "went well", 9), 0);
	q->partial = 1, q->section = 0, q->paragraph = 0, q->start = 45, q->end = 54, q->end_paragraph = 2;
	struct entity *e = article_add_entity(a, speaker, ENTITY_PERSON);
	assert_non_null(e);
	assert_int_equal(entity_add_alias(e, "Peskov"), 0);
	assert_int_equal(entity_add_alias(e, "the spokesman"), 0);
	assert_int_equal(article_set(&e->role, "Kremlin spokesman", 17), 0);
	assert_int_equal(entity_add_mention(e, -1, 0, 0, 6), 0);
	assert_int_equal(entity_add_mention(e, 1, 0, 40, 42), 0);
	e = article_add_entity(a, "Buffalo", ENTITY_PLACE);
	assert_int_equal(entity_add_mention(e, 0, 0, 0, 7), 0);
	e = article_add_entity(a, "AP", ENTITY_ORGANIZATION);
	assert_int_equal(article_add_link(a, "https://example.org/a?b=1&c=2", "the source"), 1);
	assert_int_equal(article_add_link(a, "https://example.org/b", NULL), 2);
	return a;
}

static void assert_str_eq_null(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void assert_articles_equal(const struct article *a, const struct article *b)
{
	assert_str_eq_null(a->source, b->source);
	assert_str_eq_null(a->url, b->url);
	assert_str_eq_null(a->site, b->site);
	assert_str_eq_null(a->headline, b->headline);
	assert_int_equal(a->headline_derived, b->headline_derived);
	assert_str_eq_null(a->byline, b->byline);
	assert_str_eq_null(a->published, b->published);
	/* the times come back from the stored text */
	assert_true(a->published_at.time == b->published_at.time);
	assert_int_equal(a->published_at.precision, b->published_at.precision);
	assert_int_equal(!a->dateline, !b->dateline);
	if (a->dateline) {
		assert_str_eq_null(a->dateline->place, b->dateline->place);
		assert_str_eq_null(a->dateline->date, b->dateline->date);
		assert_true(a->dateline->date_at.time == b->dateline->date_at.time);
		assert_int_equal(a->dateline->date_at.precision, b->dateline->date_at.precision);
		assert_str_eq_null(a->dateline->agency, b->dateline->agency);
		assert_str_eq_null(a->dateline->raw, b->dateline->raw);
	}
	assert_int_equal(a->n_sections, b->n_sections);
	for (size_t i = 0; i < a->n_sections; i++) {
		assert_str_eq_null(a->sections[i].heading, b->sections[i].heading);
		assert_int_equal(a->sections[i].n_paragraphs, b->sections[i].n_paragraphs);
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			assert_string_equal(a->sections[i].paragraphs[j], b->sections[i].paragraphs[j]);
	}
	assert_int_equal(a->n_quotes, b->n_quotes);
	for (size_t i = 0; i < a->n_quotes; i++) {
		const struct quote *x = &a->quotes[i], *y = &b->quotes[i];
		assert_str_eq_null(x->text, y->text);
		assert_str_eq_null(x->speaker, y->speaker);
		assert_str_eq_null(x->cue, y->cue);
		assert_int_equal(x->partial, y->partial);
		assert_int_equal(x->section, y->section);
		assert_int_equal(x->paragraph, y->paragraph);
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->end, y->end);
		assert_int_equal(x->end_paragraph, y->end_paragraph);
	}
	assert_int_equal(a->n_entities, b->n_entities);
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *x = &a->entities[i], *y = &b->entities[i];
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->type, y->type);
		assert_str_eq_null(x->role, y->role);
		assert_int_equal(x->n_aliases, y->n_aliases);
		for (size_t j = 0; j < x->n_aliases; j++)
			assert_string_equal(x->aliases[j], y->aliases[j]);
		assert_int_equal(x->n_mentions, y->n_mentions);
		for (size_t j = 0; j < x->n_mentions; j++) {
			assert_int_equal(x->mentions[j].section, y->mentions[j].section);
			assert_int_equal(x->mentions[j].paragraph, y->mentions[j].paragraph);
			assert_int_equal(x->mentions[j].start, y->mentions[j].start);
			assert_int_equal(x->mentions[j].end, y->mentions[j].end);
		}
	}
	assert_int_equal(a->n_links, b->n_links);
	for (size_t i = 0; i < a->n_links; i++) {
		assert_string_equal(a->links[i].url, b->links[i].url);
		assert_str_eq_null(a->links[i].text, b->links[i].text);
	}
}

static void test_article_round_trip(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct article *a = full_article("https://example.org/1", "Talks “went well”", "Dmitry Peskov", "2025-03-17T09:30:00Z");
	long long id, id2;
	assert_int_equal(store_save_article(s, a, &id, err, sizeof err), 0);
	struct article *b;
	assert_int_equal(store_article_load(s, id, &b, err, sizeof err), 0);
	assert_articles_equal(a, b);
	article_free(b);
	/* an article without dateline or sections round-trips too */
	struct article *bare = article_new();
	assert_int_equal(article_set(&bare->url, "https://example.org/bare", 24), 0);
	assert_int_equal(store_save_article(s, bare, &id2, err, sizeof err), 0);
	assert_true(id2 != id);
	assert_int_equal(store_article_load(s, id2, &b, err, sizeof err), 0);
	assert_articles_equal(bare, b);
	article_free(b);
	article_free(bare);
	/* saving the same URL again replaces, never duplicates */
	assert_int_equal(store_save_article(s, a, &id2, err, sizeof err), 0);
	assert_int_equal(id2, id);
	assert_int_equal(query_int(path, "SELECT count(*) FROM quotes"), 2);
	/* text stored once: the quotation of one paragraph is read from the body, the one over three keeps its text */
	assert_int_equal(query_int(path, "SELECT count(*) FROM quotes WHERE at IS NOT NULL AND text = ''"), 1);
	assert_int_equal(query_int(path, "SELECT count(*) FROM quotes WHERE at IS NULL AND text = 'went well'"), 1);
	assert_int_equal(query_int(path, "SELECT count(*) FROM quotes_text WHERE text = 'We are cautiously optimistic,'"), 1);
	assert_int_equal(query_int(path, "SELECT count(*) FROM mentions"), 3);
	struct store_item *it;
	assert_int_equal(store_item_get(s, id, &it, err, sizeof err), 0);
	assert_int_equal(it->saved, 1);
	assert_int_equal(it->n_quotes, 2);
	assert_string_equal(it->title, "Talks “went well”");
	store_items_free(it, 1);
	assert_int_equal(store_article_load(s, 999, &b, err, sizeof err), -1);
	assert_non_null(strstr(err, "999"));
	article_free(a);
	store_close(s);
}

/* The item's date in a list of items, by id. */
static long long item_date(struct store *s, long long id)
{
	struct store_item *it;
	assert_int_equal(store_item_get(s, id, &it, err, sizeof err), 0);
	long long d = it->date;
	store_items_free(it, 1);
	return d;
}

/* The store orders by the times the parsers put in the model; it reads no date text itself. */
static void test_dates_from_the_model(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	long long id;
	struct article *a = full_article("https://example.org/1", "One", "Dmitry Peskov", "2025-03-17T09:30:00Z");
	assert_int_equal(store_save_article(s, a, &id, err, sizeof err), 0);
	assert_true(item_date(s, id) == 1742203800LL);
	/* no published date: the dateline's day */
	assert_int_equal(article_set_published(a, NULL, MOMENT_UNKNOWN), 0);
	assert_int_equal(date_read("2025-03-16", &a->dateline->date_at), 0);
	assert_int_equal(article_set(&a->url, "https://example.org/2", 21), 0);
	assert_int_equal(store_save_article(s, a, &id, err, sizeof err), 0);
	assert_true(item_date(s, id) == 1742083200LL);
	/* a year-less dateline names no instant: the time it was stored */
	a->dateline->date_at = (struct moment){.time = DATE_UNKNOWN, .precision = DATE_NO_YEAR};
	assert_int_equal(article_set(&a->url, "https://example.org/3", 21), 0);
	long long before = (long long)time(NULL);
	assert_int_equal(store_save_article(s, a, &id, err, sizeof err), 0);
	assert_true(item_date(s, id) >= before);
	article_free(a);

	/* feed items: published, else updated */
	struct feed *f = feed_new();
	assert_non_null(f);
	struct feed_item *it = feed_add_item(f);
	assert_non_null(it);
	assert_int_equal(feed_set(&it->id, "urn:a"), 0);
	assert_int_equal(feed_set(&it->published, "2025-03-20T10:00:00Z"), 0);
	assert_int_equal(date_read(it->published, &it->published_at), 0);
	assert_non_null(it = feed_add_item(f));
	assert_int_equal(feed_set(&it->id, "urn:b"), 0);
	assert_int_equal(feed_set(&it->updated, "2025-03-21T08:00:00Z"), 0);
	assert_int_equal(date_read(it->updated, &it->updated_at), 0);
	long long fid;
	assert_int_equal(store_feed_upsert(s, "https://example.org/feed", NULL, NULL, &fid, err, sizeof err), 0);
	assert_int_equal(store_apply_feed(s, fid, f, NULL, NULL, NULL, err, sizeof err), 0);
	feed_free(f);
	struct store_list_opts o = {.feed_id = fid};
	struct store_item *items;
	size_t n;
	assert_int_equal(store_items_list(s, &o, &items, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].guid, "urn:b"); /* newest first */
	assert_true(items[0].date == 1742544000LL);
	assert_true(items[1].date == 1742464800LL);
	store_items_free(items, n);
	store_close(s);
}

static void test_search(void **state)
{
	(void)state;
	struct store *s;
	assert_int_equal(store_open(path, 0, &s, err, sizeof err), 0);
	struct article *a1 = full_article("https://example.org/1", "Ceasefire talks in Riyadh", "Dmitry Peskov", "2025-03-10");
	struct article *a2 = full_article("https://example.org/2", "Harvest festival opens", "Jane Roe", "2025-03-20");
	struct article *a3 = full_article("https://example.org/3", "Kremlin reacts", "Dmitry Peskov", "2025-03-15");
	long long id1, id2, id3;
	assert_int_equal(store_save_article(s, a1, &id1, err, sizeof err), 0);
	assert_int_equal(store_save_article(s, a2, &id2, err, sizeof err), 0);
	assert_int_equal(store_save_article(s, a3, &id3, err, sizeof err), 0);
	struct store_hit *h;
	size_t n;
	assert_int_equal(store_search(s, "riyadh", 10, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].item_id, id1);
	assert_non_null(strstr(h[0].snippet, "\x02Riyadh\x03"));
	store_hits_free(h, n);
	assert_int_equal(store_search(s, "harv*", 10, &h, &n, err, sizeof err), 0); /* prefix */
	assert_int_equal(n, 1);
	assert_int_equal(h[0].item_id, id2);
	store_hits_free(h, n);
	assert_int_equal(store_search(s, "\"talks went\"", 10, &h, &n, err, sizeof err), 0); /* phrase */
	assert_int_equal(n, 3);
	store_hits_free(h, n);
	assert_int_equal(store_search(s, "\"went talks\"", 10, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	store_hits_free(h, n);
	assert_int_equal(store_search(s, "N.Y.", 10, &h, &n, err, sizeof err), 0); /* not FTS5 syntax: read literally */
	assert_int_equal(n, 3);
	store_hits_free(h, n);
	/* newest first by default; --rank puts the article with "talks" in its headline first */
	assert_int_equal(store_search(s, "talks", 10, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].item_id, id2);
	assert_int_equal(h[2].item_id, id1);
	store_hits_free(h, n);
	assert_int_equal(store_search_ranked(s, "talks", 10, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(h[0].item_id, id1);
	assert_non_null(strstr(h[0].snippet, "\x02"));
	store_hits_free(h, n);
	assert_int_equal(store_search(s, "(((", 10, &h, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot search for '((('"));
	/* quotations: newest article first, by speaker, by words, since a date, type-ahead prefixes */
	struct store_quote_query q = {0};
	struct store_quote_hit *qh;
	q.speaker = "peskov";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(qh[0].item_id, id3);
	assert_int_equal(qh[1].item_id, id1);
	assert_string_equal(qh[0].speaker, "Dmitry Peskov");
	assert_string_equal(qh[0].text, "We are cautiously optimistic,");
	assert_int_equal(qh[0].index, 0);
	store_quote_hits_free(qh, n);
	q.speaker = NULL;
	q.match = "optimistic";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(qh[0].item_id, id2);
	store_quote_hits_free(qh, n);
	/* type-ahead: the word being typed (the last) is a prefix, the words before it are whole */
	q.match = "cautiously opti";
	q.prefix = 1;
	q.speaker = "dmi";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	store_quote_hits_free(qh, n);
	q.match = "cauti opti";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	store_quote_hits_free(qh, n);
	q.match = "optimistic ";
	q.speaker = NULL;
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	store_quote_hits_free(qh, n);
	q.match = "op";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 3); /* "optimistic," in each: two letters read the prefix index */
	store_quote_hits_free(qh, n);
	q.match = "optimisti";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 3); /* longer than any prefix index: the matching words' lists, merged */
	store_quote_hits_free(qh, n);
	/* one letter is not searched yet (schema 7 has no 1-letter prefix index): every quotation, newest first */
	q.match = "o";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 6);
	assert_int_equal(qh[0].item_id, id2);
	store_quote_hits_free(qh, n);
	q.match = "are o"; /* the complete word still counts: as "are " would */
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	size_t are = n;
	store_quote_hits_free(qh, n);
	q.match = "are ";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, are);
	assert_true(n > 0 && n < 6);
	store_quote_hits_free(qh, n);
	q.match = "optimistic";
	q.speaker = "d"; /* a 1-letter name: no condition yet */
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 3);
	store_quote_hits_free(qh, n);
	q.speaker = "dmitry p";
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	store_quote_hits_free(qh, n);
	q.speaker = NULL;
	q.match = "\xc3\xa9"; /* one letter of two bytes (UTF-8) waits too */
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 6);
	store_quote_hits_free(qh, n);
	q.prefix = 0;
	q.match = NULL;
	q.speaker = "Peskov";
	assert_int_equal(store_parse_date("2025-03-12", &q.since), 0);
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(qh[0].item_id, id3);
	store_quote_hits_free(qh, n);
	memset(&q, 0, sizeof q); /* every quotation, newest first */
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 6);
	assert_int_equal(qh[0].item_id, id2);
	assert_int_equal(qh[0].index, 0);
	assert_int_equal(qh[1].index, 1);
	assert_int_equal(qh[5].item_id, id1);
	store_quote_hits_free(qh, n);
	/* a purged item's quotations leave the list (another connection purges it, as retention would) */
	sqlite3 *d;
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE items SET purged = 1 WHERE id = %lld", id2);
	assert_int_equal(sqlite3_open(path, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	assert_int_equal(store_quotes_search(s, &q, &qh, &n, err, sizeof err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(qh[0].item_id, id3);
	store_quote_hits_free(qh, n);
	snprintf(sql, sizeof sql, "UPDATE items SET purged = 0 WHERE id = %lld", id2);
	assert_int_equal(sqlite3_open(path, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	/* a replaced article leaves nothing behind in the indexes */
	assert_int_equal(store_article_replace(s, id1, a2, 1, err, sizeof err), 0);
	assert_int_equal(store_search(s, "riyadh", 10, &h, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	store_hits_free(h, n);
	article_free(a1), article_free(a2), article_free(a3);
	store_close(s);
	assert_int_equal(query_int(path, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'peskov'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schema_creation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_v1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_article_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dates_from_the_model, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
