/*
 * tui_bench.c: keystroke-to-redraw time of the interface, measured in
 * process: keys are replayed through tui_key() and each is followed by
 * app_draw() (layout when needed, drawing, and ncurses' screen update written
 * to /dev/null), on a 20,000-word article and on a list of 100,000 articles.
 *
 * usage: tui_bench [COLS ROWS]   (default 200 50)
 * With BENCH_DB=PATH (a store, e.g. from bench/store_gen.c), also the Feeds
 * screen, the unread list and quote search on that store.
 */
#include "model.h"
#include "store.h"
#include "tui_app.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* CPU time of this thread: what the key cost, whatever else the machine was doing */
static double cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void die(const char *m)
{
	endwin();
	fprintf(stderr, "tui_bench: %s\n", m);
	exit(1);
}

static const char *const words[] = {
	"the", "council", "harbour", "minister", "said", "would", "talks", "ceasefire", "on", "Tuesday",
	"officials", "in", "a", "statement", "and", "港口", "météo", "after", "weeks", "of", "negotiation",
};
static const char *const people[] = {"Maria Okafor", "Daniel Reyes", "Sam Whitlow", "Ruth Abernathy", "Edwin Tallis"};

/* A 20,000-word article: 10 sections of 20 paragraphs of 100 words, a quotation and mentions in each. */
static struct article *make_article(void)
{
	struct article *a = article_new();
	if (!a || article_set(&a->headline, "A very long article for the interface benchmark", 47))
		die("out of memory");
	for (int i = 0; i < 5; i++) {
		struct entity *e = article_add_entity(a, people[i], ENTITY_PERSON);
		if (!e || article_set(&e->role, "official", 8))
			die("out of memory");
	}
	unsigned seed = 1;
	for (int s = 0; s < 10; s++) {
		char h[64];
		snprintf(h, sizeof h, "Section %d of the benchmark", s + 1);
		struct section *sec = article_add_section(a, h);
		if (!sec)
			die("out of memory");
		for (int p = 0; p < 20; p++) {
			char buf[4096];
			size_t len = 0, qs = 0, qe = 0;
			int person = (s * 20 + p) % 5;
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s said ", people[person]);
			size_t ms = 0, me = strlen(people[person]);
			for (int w = 0; w < 96; w++) {
				if (w == 30) {
					len += (size_t)snprintf(buf + len, sizeof buf - len, "\u201C");
					qs = len;
				}
				seed = seed * 1103515245u + 12345u;
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s ", words[(seed >> 16) % (sizeof words / sizeof *words)]);
				if (w == 45) {
					qe = len - 1;
					len -= 1;
					len += (size_t)snprintf(buf + len, sizeof buf - len, "\u201D ");
				}
			}
			buf[--len] = '.';
			if (section_add_paragraph(sec, buf, len + 1))
				die("out of memory");
			struct quote *q = article_add_quote(a);
			if (!q || article_set(&q->speaker, people[person], strlen(people[person])) ||
			    article_set(&q->text, buf + qs, qe - qs))
				die("out of memory");
			q->section = s, q->paragraph = q->end_paragraph = p, q->start = qs, q->end = qe;
			if (entity_add_mention(&a->entities[person], s, p, ms, me))
				die("out of memory");
		}
	}
	return a;
}

struct run {
	const char *name;  /* what the keys do */
	const char *keys;  /* replayed; '\x01' stands for KEY_NPAGE, '\x02' for KEY_DOWN */
	int repeat;        /* times the key string is replayed */
};

static void replay(struct app *ap, const struct run *r)
{
	size_t n = strlen(r->keys) * (size_t)r->repeat, k = 0;
	double *t = malloc(n * sizeof *t), *cpu = malloc(n * sizeof *cpu);
	if (!t || !cpu)
		die("out of memory");
	for (int rep = 0; rep < r->repeat; rep++)
		for (const char *c = r->keys; *c; c++) {
			int key = (unsigned char)*c, is_char = 1;
			if (*c == '\x01')
				key = KEY_NPAGE, is_char = 0;
			else if (*c == '\x02')
				key = KEY_DOWN, is_char = 0;
			double t0 = now_ms(), c0 = cpu_ms();
			tui_key(ap, key, is_char);
			if (app_draw(ap))
				die("draw failed");
			cpu[k] = cpu_ms() - c0;
			t[k++] = now_ms() - t0;
		}
	qsort(t, n, sizeof *t, cmp_d);
	qsort(cpu, n, sizeof *cpu, cmp_d);
	printf("%-34s %5zu keys  wall median %6.3f p95 %6.3f max %7.3f ms   cpu median %6.3f p95 %6.3f max %6.3f ms\n",
	       r->name, n, t[n / 2], t[n * 95 / 100], t[n - 1], cpu[n / 2], cpu[n * 95 / 100], cpu[n - 1]);
	free(t);
	free(cpu);
}

static void fill_list(struct app *ap, size_t n)
{
	struct articles_view *av = &ap->av;
	av->items = calloc(n, sizeof *av->items);
	av->shown = calloc(n, sizeof *av->shown);
	if (!av->items || !av->shown)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		struct store_item *it = &av->items[i];
		char t[200];
		snprintf(t, sizeof t, "Headline number %zu about the %s and the %s", i, words[i % 21], words[(i / 21) % 21]);
		it->id = (long long)i + 1;
		it->feed_id = (long long)(i % 200) + 1;
		it->title = strdup(t);
		it->feed_title = strdup(people[i % 5]);
		it->published = strdup("2025-04-02");
		it->read = (int)(i % 3 == 0);
		it->n_quotes = (int)(i % 11);
		if (!it->title || !it->feed_title || !it->published)
			die("out of memory");
	}
	av->n_items = n;
	snprintf(av->title, sizeof av->title, "All unread");
	articles_filter(ap, "");
}

/* One key, timed: wall and CPU milliseconds. */
static void one_key(struct app *ap, const char *name, int key, int is_char)
{
	double t0 = now_ms(), c0 = cpu_ms();
	tui_key(ap, key, is_char);
	if (app_draw(ap))
		die("draw failed");
	printf("%-34s %5d key   wall %7.3f ms   cpu %7.3f ms\n", name, 1, now_ms() - t0, cpu_ms() - c0);
	if (ap->av.more) { /* as the interface's loop: the rest of a long list before the next key */
		t0 = now_ms(), c0 = cpu_ms();
		if (articles_load_rest(ap) || app_draw(ap))
			die("reading the rest of the list failed");
		printf("%-34s %5d       wall %7.3f ms   cpu %7.3f ms\n", "  then the rest of the list", 1, now_ms() - t0,
		       cpu_ms() - c0);
	}
}

/* The same screens on a real store (BENCH_DB): first screen, the whole unread list, quote search. */
static void bench_store(struct app *ap, const char *path)
{
	char err[512];
	struct store *st;
	if (store_open(path, 0, &st, err, sizeof err))
		die(err);
	lists_free(ap);
	ap->st = st;
	ap->depth = 0;
	double t0 = now_ms(), c0 = cpu_ms();
	if (feeds_load(ap))
		die(ap->msg);
	app_push(ap, SCR_FEEDS);
	app_draw(ap);
	printf("store %s: %zu feeds\n", path, ap->fv.n_feeds);
	printf("%-34s %5d      wall %7.3f ms   cpu %7.3f ms\n", "store: Feeds screen, first draw", 1, now_ms() - t0,
	       cpu_ms() - c0);
	tui_key(ap, 'G', 1); /* the last feed, then back to the top */
	one_key(ap, "store: Enter on the last feed", '\r', 1);
	printf("store: the feed holds %zu articles\n", ap->av.n_shown);
	one_key(ap, "store: q (back to Feeds)", 'q', 1);
	tui_key(ap, 'g', 1);
	one_key(ap, "store: Enter on All unread", '\r', 1);
	printf("store: All unread holds %zu articles\n", ap->av.n_shown);
	static const struct run list_runs[] = {
		{"store list: j (row down)", "j", 2000},
		{"store list: PgDn", "\x01", 200},
	};
	for (size_t i = 0; i < sizeof list_runs / sizeof *list_runs; i++)
		replay(ap, &list_runs[i]);
	one_key(ap, "store list: Enter (open article)", '\r', 1);
	one_key(ap, "store reader: q (back to the list)", 'q', 1);
	one_key(ap, "store: Q (quote search, all)", 'Q', 1);

	static const struct run typed = {"store: quote search typing", "@Peskov cease", 1};
	replay(ap, &typed);
	printf("store: quote search found %zu quotations\n", ap->qv.n_hits);
	one_key(ap, "store: Enter (open at quotation)", '\r', 1);
	ap->st = NULL;
	store_close(st);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	const char *cols = argc > 2 ? argv[1] : "200", *rows = argc > 2 ? argv[2] : "50";
	setenv("COLUMNS", cols, 1);
	setenv("LINES", rows, 1);
	setenv("DATELINE_CONFIG", "/dev/null", 1);
	if (!getenv("TERM") || !*getenv("TERM"))
		setenv("TERM", "xterm-256color", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	struct app *ap = calloc(1, sizeof *ap);
	char err[512];
	if (!out || !in || !ap)
		die("cannot open /dev/null");
	if (app_init(ap, err, sizeof err))
		die(err);
	SCREEN *scr = newterm(NULL, out, in);
	if (!scr)
		die("newterm failed (TERM?)");
	theme_start(&ap->theme, 0);
	printf("terminal %sx%s, TERM=%s, %ld colours\n", cols, rows, getenv("TERM"), theme_depth());

	struct article *a = make_article();
	size_t words_n = 0;
	for (size_t s = 0; s < a->n_sections; s++)
		for (size_t p = 0; p < a->sections[s].n_paragraphs; p++)
			for (const char *c = a->sections[s].paragraphs[p]; *c; c++)
				words_n += *c == ' ';
	ap->arts = &a;
	ap->n_arts = 1;
	app_push(ap, SCR_READER);
	double t0 = now_ms();
	if (reader_open(&ap->rd, a, &ap->cfg) || app_draw(ap))
		die("cannot open the article");
	printf("article: %zu words, %zu quotes, %zu display lines; open + first layout + draw %.2f ms\n",
	       words_n + a->n_sections * 20, a->n_quotes, ap->rd.lay.n_lines, now_ms() - t0);
	static const struct run reader_runs[] = {
		{"reader: j (line down)", "j", 2000},
		{"reader: PgDn", "\x01", 150},
		{"reader: G / g (end, top)", "Gg", 100},
		{"reader: n (next search match)", "n", 500},
		{"reader: Tab j (panel selection)", "\tj\t", 200},
	};
	replay(ap, &reader_runs[0]);
	replay(ap, &reader_runs[1]);
	replay(ap, &reader_runs[2]);
	reader_search(&ap->rd, "harbour");
	replay(ap, &reader_runs[3]);
	replay(ap, &reader_runs[4]);
	/* a search typed key by key: each keystroke searches the whole article */
	static const struct run typed = {"reader: / typing 'ceasefire'", "/ceasefire\r", 20};
	replay(ap, &typed);
	/* a resize re-wraps every line: the one operation proportional to the article */
	double rs[20];
	for (int i = 0; i < 20; i++) {
		resizeterm(50, i % 2 ? 200 : 120);
		double t1 = now_ms();
		tui_key(ap, KEY_RESIZE, 0);
		app_draw(ap);
		rs[i] = now_ms() - t1;
	}
	qsort(rs, 20, sizeof *rs, cmp_d);
	printf("%-34s %6d keys  median %7.3f ms  max %7.3f ms\n", "reader: resize (re-wrap all)", 20, rs[10], rs[19]);
	resizeterm(atoi(rows), atoi(cols));

	reader_close(&ap->rd);
	fill_list(ap, 100000);
	ap->depth = 0;
	app_push(ap, SCR_ARTICLES);
	app_draw(ap);
	static const struct run list_runs[] = {
		{"list 100k: j (row down)", "j", 5000},
		{"list 100k: PgDn", "\x01", 500},
		{"list 100k: G / g", "Gg", 100},
		{"list 100k: / filter typing 'about'", "/about\x1b", 20},
	};
	for (size_t i = 0; i < sizeof list_runs / sizeof *list_runs; i++)
		replay(ap, &list_runs[i]);
	const char *db = getenv("BENCH_DB");
	if (db && *db)
		bench_store(ap, db);
	endwin();
	delscreen(scr);
	article_free(a);
	ap->arts = NULL;
	app_free(ap);
	fclose(out);
	fclose(in);
	return 0;
}
