/*
 * store_gen.c: builds a store of N articles with 10 quotations each from
 * templates, for bench/bench_store.sh. Everything goes through the store's own
 * write path (store_article_write(): sections, quotes, entities, both text
 * indexes) in one transaction with cached prepared statements, so the file
 * is what dateline itself would have written, only faster to make.
 *
 * usage: store_gen DB N_ARTICLES [N_FEEDS]
 */
#include "model.h"
#include "store.h"
#include "store_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QUOTES_PER_ARTICLE 10
#define PARAGRAPHS 8

static uint64_t rng = 88172645463325252ULL;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static const char *const first_names[] = {
	"Anna", "Boris", "Carla", "Dmitry", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal",
	"Lucia", "Mateo", "Nadia", "Olu", "Pieter", "Qiu", "Rosa", "Sergei", "Tamar", "Umar", "Vera",
	"Wen", "Xavier", "Yara", "Zofia"};
static const char *const last_names[] = {
	"Peskov", "Moreau", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Kowalski", "Ferreira", "Novak",
	"Brennan", "Castillo", "Demir", "Eriksen", "Fontaine", "Gupta", "Horvat", "Ivanova", "Jansen",
	"Kimura", "Laurent"};
static const char *const places[] = {
	"Washington", "Moscow", "Kyiv", "Brussels", "Beijing", "Nairobi", "Lima", "Jakarta", "Ottawa",
	"Riyadh", "Geneva", "Seoul", "Madrid", "Cairo", "Canberra"};
static const char *const nouns[] = {
	"ceasefire", "budget", "harbour", "election", "tariff", "pipeline", "vaccine", "treaty", "strike",
	"drought", "reactor", "railway", "summit", "inflation", "satellite", "border", "refinery", "court",
	"festival", "bridge", "airport", "council", "senate", "reform", "currency", "grain", "copper",
	"ferry", "hospital", "museum"};
static const char *const verbs[] = {
	"approved", "rejected", "delayed", "announced", "criticised", "welcomed", "questioned", "signed",
	"postponed", "expanded"};
static const char *const cues[] = {"said", "told reporters", "added", "warned", "stated"};

#define PICK(a) a[next() % (sizeof a / sizeof *a)]

/* A made-up word, so the text index holds a realistic spread of rare terms. */
static void word(char *out, size_t cap)
{
	static const char *const syl[] = {"ka", "lo", "mi", "ren", "sto", "va", "dor", "pel", "tu", "gri", "an", "se"};
	size_t n = 2 + next() % 3, len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && len + 4 < cap; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s", PICK(syl));
}

static struct article *make_article(long long i, char *headline, size_t hcap)
{
	struct article *a = article_new();
	char buf[2048], w1[32], w2[32], name[64];
	const char *place = PICK(places), *noun = PICK(nouns);
	snprintf(headline, hcap, "%s %s %s plan after talks in %s", PICK(last_names), PICK(verbs), noun, place);
	snprintf(buf, sizeof buf, "https://news.example.org/%lld", i);
	article_set(&a->url, buf, strlen(buf));
	article_set(&a->headline, headline, strlen(headline));
	snprintf(buf, sizeof buf, "By %s %s", PICK(first_names), PICK(last_names));
	article_set(&a->byline, buf, strlen(buf));
	article_set_dateline(a, place, NULL, "AP", place);
	struct section *s = article_add_section(a, NULL);
	for (int p = 0; p < PARAGRAPHS; p++) {
		word(w1, sizeof w1);
		word(w2, sizeof w2);
		size_t n = (size_t)snprintf(buf, sizeof buf,
			"%s (AP) — Officials in %s %s the %s on %s after weeks of talks over the %s %s, "
			"according to people familiar with the matter. The decision affects the %s of %s and "
			"could change how the %s is run for years, %s analysts said.",
			place, place, PICK(verbs), PICK(nouns), p % 2 ? "Tuesday" : "Friday", w1, PICK(nouns),
			PICK(nouns), PICK(places), noun, w2);
		section_add_paragraph(s, buf, n);
	}
	for (int q = 0; q < QUOTES_PER_ARTICLE; q++) {
		struct quote *qt = article_add_quote(a);
		snprintf(name, sizeof name, "%s %s", first_names[(i + q) % 26], last_names[(i * 7 + q) % 20]);
		word(w1, sizeof w1);
		size_t n = (size_t)snprintf(buf, sizeof buf, "We will not accept a %s that ignores the %s of %s %s",
		                            PICK(nouns), PICK(nouns), PICK(places), w1);
		article_set(&qt->text, buf, n);
		article_set(&qt->speaker, name, strlen(name));
		const char *cue = PICK(cues);
		article_set(&qt->cue, cue, strlen(cue));
		qt->section = 0, qt->paragraph = q % PARAGRAPHS, qt->start = 10, qt->end = 10 + n;
		qt->end_paragraph = qt->paragraph;
		if (q < 3) {
			struct entity *e = article_add_entity(a, name, ENTITY_PERSON);
			entity_add_mention(e, 0, q, 0, 5);
			entity_add_mention(e, 0, q + 1, 0, 5);
		}
	}
	struct entity *e = article_add_entity(a, place, ENTITY_PLACE);
	entity_add_mention(e, 0, 0, 0, strlen(place));
	return a;
}

static const char sql_item[] =
	"INSERT INTO items(feed_id, guid, link, title, author, published, date, added, read, starred, saved, full)"
	" VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)";

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: store_gen DB N_ARTICLES [N_FEEDS]\n");
		return 2;
	}
	long long n = atoll(argv[2]), nfeeds = argc > 3 ? atoll(argv[3]) : 100;
	char err[1024];
	struct store *s;
	if (store_open(argv[1], 0, &s, err, sizeof err)) {
		fprintf(stderr, "store_gen: %s\n", err);
		return 1;
	}
	/* A fixture, not user data: no journal and no fsync while it is built (the one transaction
	 * would otherwise go through the WAL and be copied again at the checkpoint: twice the writes),
	 * WAL again at the end, as dateline leaves its stores. */
	sqlite3_exec(s->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000",
	             NULL, NULL, NULL);
	if (store_tx_begin(s, err, sizeof err))
		goto fail;
	long long *feeds = calloc((size_t)nfeeds, sizeof *feeds);
	for (long long f = 0; f < nfeeds; f++) {
		char url[128], title[128];
		snprintf(url, sizeof url, "https://feeds.example.org/%lld.xml", f);
		snprintf(title, sizeof title, "Example Wire %lld", f);
		if (store_feed_upsert(s, url, title, "bench", &feeds[f], err, sizeof err))
			goto fail;
	}
	long long t0 = 1672531200; /* 2023-01-01: two years of news, oldest first */
	for (long long i = 0; i < n; i++) {
		char headline[256], guid[64], date[32];
		struct article *a = make_article(i, headline, sizeof headline);
		long long when = t0 + i * (2LL * 365 * 86400 / (n ? n : 1));
		time_t tt = (time_t)when;
		struct tm tm;
		gmtime_r(&tt, &tm);
		strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
		article_set_published(a, date, (struct moment){.time = when, .precision = DATE_TIME});
		snprintf(guid, sizeof guid, "urn:bench:%lld", i);
		sqlite3_stmt *st = store_stmt(s, sql_item, err, sizeof err);
		if (!st)
			goto fail;
		sqlite3_bind_int64(st, 1, feeds[i % nfeeds]);
		sqlite3_bind_text(st, 2, guid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->url, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, headline, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, a->byline, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 7, when);
		sqlite3_bind_int64(st, 8, when);
		sqlite3_bind_int(st, 9, i < n - 2000); /* the newest 2,000 unread */
		sqlite3_bind_int(st, 10, i % 500 == 0);
		if (sqlite3_step(st) != SQLITE_DONE) {
			store_fail(s, "inserting an item", err, sizeof err);
			goto fail;
		}
		long long id = sqlite3_last_insert_rowid(s->db);
		if (store_article_write(s, id, a, err, sizeof err))
			goto fail;
		article_free(a);
	}
	if (store_tx_commit(s, err, sizeof err))
		goto fail;
	free(feeds);
	sqlite3_exec(s->db, "PRAGMA optimize; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	store_close(s);
	return 0;
fail:
	fprintf(stderr, "store_gen: %s\n", err);
	store_close(s);
	return 1;
}
