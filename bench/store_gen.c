/*
 * store_gen.c: builds a store of N articles for bench/bench_store.sh, shaped
 * like what a reader following 100 news feeds collects, and deterministic
 * (seeded) so runs compare:
 *
 *  - one feed in five carries whole articles (6 to 10 paragraphs, a dateline,
 *    2 to 8 quotations: about the 5.2 a page of the hand-annotated web set
 *    has); the others carry summaries (the lede, sometimes one quoted
 *    paragraph, 0 to 2 quotations), as most feeds do;
 *  - every quotation stands in its paragraph between curly marks with its
 *    speaker and cue after it, at the offsets the analysis would give; the
 *    speaker is a person entity mentioned there, the place and an
 *    organisation are entities too;
 *  - speakers and words follow skewed (Zipf-like) laws: a few speakers are
 *    quoted very often (Dmitry Peskov most), most rarely; common words fill
 *    long posting lists, one made-up word per paragraph makes the long tail
 *    of rare terms a real text index has.
 *
 * The text is this file's own templates and word lists. Everything goes
 * through the store's own write path (store_article_write(): body, quotes,
 * entities, both text indexes) in one transaction with cached prepared
 * statements, so the file is what dateline itself would have written, only
 * faster to make: under 3 KB and about 0.2 ms of CPU an article.
 *
 * usage: store_gen DB N_ARTICLES [N_FEEDS]
 */
#include "model.h"
#include "store.h"
#include "store_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng = 88172645463325252ULL;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

/* A number in [0, n) drawn so that small ones are far more likely (P(< k) = (k/n)^(1/skew)). */
static size_t skewed(size_t n, double skew)
{
	double u = (next() & 0xffffff) / (double)0x1000000;
	size_t r = (size_t)(n * pow(u, skew));
	return r < n ? r : n - 1;
}

#define N_OF(a) (sizeof a / sizeof *a)
#define PICK(a) a[next() % N_OF(a)]
#define ZIPF(a) a[skewed(N_OF(a), 2.0)]

static const char *const first_names[] = {
	"Dmitry", "Anna", "Boris", "Carla", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal",
	"Lucia", "Mateo", "Nadia", "Olu", "Pieter", "Qiu", "Rosa", "Sergei", "Tamar", "Umar", "Vera",
	"Wen", "Xavier", "Yara", "Zofia"};
static const char *const last_names[] = {
	"Peskov", "Moreau", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Kowalski", "Ferreira", "Novak",
	"Brennan", "Castillo", "Demir", "Eriksen", "Fontaine", "Gupta", "Horvat", "Ivanova", "Jansen",
	"Kimura", "Laurent"};
#define N_SPEAKERS (N_OF(first_names) * N_OF(last_names))
static const char *const roles[] = {
	"the Kremlin spokesman", "the finance minister", "a union leader", "the mayor", "a senior diplomat",
	"the company's chief executive", "an opposition lawmaker", "a court spokeswoman", "the port director",
	"a local resident"};
static const char *const places[] = {
	"Washington", "Moscow", "Kyiv", "Brussels", "Beijing", "Nairobi", "Lima", "Jakarta", "Ottawa",
	"Riyadh", "Geneva", "Seoul", "Madrid", "Cairo", "Canberra", "Lisbon", "Oslo", "Hanoi", "Dakar",
	"Quito", "Tbilisi", "Manila", "Accra", "Warsaw", "Bogota", "Tunis", "Helsinki", "Santiago"};
static const char *const orgs[] = {
	"the European Commission", "the United Nations", "the central bank", "the World Health Organization",
	"the transport ministry", "the dock workers' union", "the electoral commission", "the supreme court",
	"the national grid operator", "the chamber of commerce", "the Red Cross", "the port authority"};
static const char *const nouns[] = {
	"government", "talks", "ceasefire", "budget", "election", "plan", "agreement", "court", "police",
	"harbour", "tariff", "pipeline", "vaccine", "treaty", "strike", "drought", "reactor", "railway",
	"summit", "inflation", "satellite", "border", "refinery", "festival", "bridge", "airport",
	"council", "senate", "reform", "currency", "grain", "copper", "ferry", "hospital", "museum",
	"wildfire", "pension", "curfew", "subsidy", "embargo", "landslide", "referendum", "blockade"};
static const char *const verbs[] = {
	"approved", "rejected", "delayed", "announced", "criticised", "welcomed", "questioned", "signed",
	"postponed", "expanded", "suspended", "defended"};
static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
static const char *const cues[] = {"said", "told reporters", "added", "warned", "said in a statement", "told Reuters"};
static const char *const openers[] = {
	"We will not accept a %s that ignores the %s",
	"Nobody has shown us the numbers on the %s, and the %s cannot wait",
	"This %s is the best chance we have had in years to settle the %s",
	"The %s was never meant to pay for the %s",
	"We have done the hard part of the %s; what remains is the %s",
	"I expect a decision on the %s before the %s is debated again"};
static const char *const agencies[] = {"AP", "Reuters", "AFP"};

/* A made-up word: the rare terms of a real index (names, jargon, typos). */
static size_t rare_word(char *out, size_t cap)
{
	static const char *const syl[] = {"ka", "lo", "mi", "ren", "sto", "va", "dor", "pel", "tu", "gri", "an", "se"};
	size_t n = 2 + next() % 3, len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && len + 4 < cap; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s", PICK(syl));
	return len;
}

/* The speaker of rank r: distinct for every r below N_SPEAKERS; rank 0 is Dmitry Peskov. */
static void speaker_name(size_t r, char *out, size_t cap)
{
	size_t k = r / N_OF(first_names), j = r % N_OF(first_names);
	snprintf(out, cap, "%s %s", first_names[j], last_names[(7 * k + j) % N_OF(last_names)]);
}

/* A paragraph of reporting, no quotation; place leads it when lede is set (the dateline). */
static size_t plain_paragraph(char *buf, size_t cap, const char *lede, const char *agency, const char *place)
{
	char rare[32];
	rare_word(rare, sizeof rare);
	size_t n = 0;
	if (lede)
		n = (size_t)snprintf(buf, cap, "%s (%s) — ", lede, agency);
	n += (size_t)snprintf(buf + n, cap - n,
		"Officials in %s %s the %s on %s after weeks of talks over the %s %s, according to people "
		"familiar with the matter. The decision affects the %s of %s and could change how %s works for years.",
		place, ZIPF(verbs), ZIPF(nouns), PICK(days), rare, ZIPF(nouns), ZIPF(nouns), PICK(places), ZIPF(orgs));
	return n < cap ? n : cap - 1;
}

/* Adds a paragraph holding one quotation, its speaker (an entity mentioned there) and cue. */
static void quoted_paragraph(struct article *a, struct section *s, int para, char *buf, size_t cap)
{
	char name[64], rare[32], text[256];
	speaker_name(skewed(N_SPEAKERS, 1.5), name, sizeof name);
	rare_word(rare, sizeof rare);
	int tn = snprintf(text, sizeof text, PICK(openers), ZIPF(nouns), ZIPF(nouns));
	tn += snprintf(text + tn, sizeof text - (size_t)tn, " in %s %s", PICK(places), rare);
	const char *cue = PICK(cues), *surname = strchr(name, ' ') + 1;
	/* “TEXT,” NAME, ROLE, CUE. */
	size_t start = strlen("“");
	int n = snprintf(buf, cap, "“%s,” %s, %s, %s.", text, name, PICK(roles), cue);
	section_add_paragraph(s, buf, (size_t)n);
	struct quote *q = article_add_quote(a);
	article_set(&q->text, text, (size_t)tn);
	article_set(&q->speaker, name, strlen(name));
	article_set(&q->cue, cue, strlen(cue));
	q->section = 0, q->paragraph = para, q->end_paragraph = para;
	q->start = start, q->end = start + (size_t)tn;
	struct entity *e = article_add_entity(a, name, ENTITY_PERSON);
	size_t at = start + (size_t)tn + strlen(",” ");
	entity_add_mention(e, 0, para, at, at + strlen(name));
	entity_add_alias(e, surname);
}

static struct article *make_article(long long i, int whole, const char *date, long long when, char *headline, size_t hcap)
{
	struct article *a = article_new();
	char buf[1024], url[64];
	const char *place = PICK(places), *agency = PICK(agencies);
	char who[64];
	speaker_name(skewed(N_SPEAKERS, 1.5), who, sizeof who);
	snprintf(headline, hcap, "%s %s %s plan after talks in %s", strchr(who, ' ') + 1, ZIPF(verbs), ZIPF(nouns), place);
	snprintf(url, sizeof url, "https://news.example.org/%lld", i);
	article_set(&a->url, url, strlen(url));
	article_set(&a->headline, headline, strlen(headline));
	snprintf(buf, sizeof buf, "By %s %s", PICK(first_names), PICK(last_names));
	article_set(&a->byline, buf, strlen(buf));
	article_set_published(a, date, (struct moment){.time = when, .precision = DATE_TIME});
	struct section *s = article_add_section(a, NULL);
	int paragraphs = whole ? 6 + (int)(next() % 5) : 1 + (int)(next() % 2);
	int quotes = whole ? 2 + (int)(next() % 7) : (int)(next() % 3);
	if (quotes > paragraphs - 1)
		quotes = paragraphs - 1;
	if (whole) {
		char day[16];
		snprintf(day, sizeof day, "%.10s", date);
		article_set_dateline(a, place, day, agency, place);
	}
	size_t n = plain_paragraph(buf, sizeof buf, whole ? place : NULL, agency, place);
	section_add_paragraph(s, buf, n);
	struct entity *pe = article_add_entity(a, place, ENTITY_PLACE);
	entity_add_mention(pe, 0, 0, whole ? 0 : strlen("Officials in "), (whole ? 0 : strlen("Officials in ")) + strlen(place));
	/* quotations spread over the paragraphs after the lede */
	for (int p = 1; p < paragraphs; p++) {
		if (quotes && (paragraphs - p <= quotes || next() % 2)) {
			quoted_paragraph(a, s, p, buf, sizeof buf);
			quotes--;
		} else {
			n = plain_paragraph(buf, sizeof buf, NULL, agency, PICK(places));
			section_add_paragraph(s, buf, n);
		}
	}
	return a;
}

static const char sql_item[] =
	"INSERT INTO items(feed_id, guid, link, title, author, published, date, added, read, starred, saved, full)"
	" VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

static int add_item(struct store *s, long long feed, long long i, long long n, long long when, int whole,
                    char *err, size_t errlen)
{
	char headline[256], guid[64], date[32];
	time_t tt = (time_t)when;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct article *a = make_article(i, whole, date, when, headline, sizeof headline);
	snprintf(guid, sizeof guid, "urn:bench:%lld", i);
	sqlite3_stmt *st = store_stmt(s, sql_item, err, errlen);
	if (!st) {
		article_free(a);
		return -1;
	}
	sqlite3_bind_int64(st, 1, feed);
	sqlite3_bind_text(st, 2, guid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, a->url, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, headline, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, a->byline, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, when);
	sqlite3_bind_int64(st, 8, when);
	sqlite3_bind_int(st, 9, i < n - 2000); /* the newest 2,000 unread */
	sqlite3_bind_int(st, 10, i % 500 == 0);
	sqlite3_bind_int(st, 11, whole);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		article_free(a);
		return store_fail(s, "inserting an item", err, errlen);
	}
	rc = store_article_write(s, sqlite3_last_insert_rowid(s->db), a, err, errlen);
	article_free(a);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: store_gen DB N_ARTICLES [N_FEEDS]\n");
		return 2;
	}
	long long n = atoll(argv[2]), nfeeds = argc > 3 ? atoll(argv[3]) : 100;
	char err[1024];
	struct store *s;
	if (nfeeds < 1 || store_open(argv[1], 0, &s, err, sizeof err)) {
		fprintf(stderr, "store_gen: %s\n", nfeeds < 1 ? "N_FEEDS must be at least 1" : err);
		return 1;
	}
	/* A fixture, not user data: no journal and no fsync while it is built (the one transaction
	 * would otherwise go through the WAL and be copied again at the checkpoint: twice the writes),
	 * WAL again at the end, as dateline leaves its stores. */
	sqlite3_exec(s->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000",
	             NULL, NULL, NULL);
	long long *feeds = calloc((size_t)nfeeds, sizeof *feeds);
	if (!feeds || store_tx_begin(s, err, sizeof err)) {
		if (!feeds)
			snprintf(err, sizeof err, "out of memory");
		goto fail;
	}
	for (long long f = 0; f < nfeeds; f++) {
		char url[128], title[128];
		snprintf(url, sizeof url, "https://feeds.example.org/%lld.xml", f);
		snprintf(title, sizeof title, "Example Wire %lld", f);
		if (store_feed_upsert(s, url, title, "bench", &feeds[f], err, sizeof err))
			goto fail;
	}
	long long t0 = 1672531200; /* 2023-01-01: two years of news, oldest first */
	for (long long i = 0; i < n; i++) {
		long long when = t0 + i * (2LL * 365 * 86400 / (n ? n : 1));
		if (add_item(s, feeds[i % nfeeds], i, n, when, i % nfeeds % 5 == 0, err, sizeof err))
			goto fail;
	}
	if (store_tx_commit(s, err, sizeof err))
		goto fail;
	free(feeds);
	/* no ANALYZE (PRAGMA optimize): dateline never runs it, so its users' query plans are made
	 * without statistics, and so must the ones measured here be */
	sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	store_close(s);
	return 0;
fail:
	fprintf(stderr, "store_gen: %s\n", err);
	free(feeds);
	store_close(s);
	return 1;
}
