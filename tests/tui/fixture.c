/*
 * fixture.c: opens test articles in the reader with quotations and entities
 * taken from an annotation file instead of the analysis, so the interface
 * tests check the interface alone, whatever the analysis finds.
 *
 * usage: fixture ARTICLE.txt ANNOTATIONS.ann [ARTICLE.txt ANNOTATIONS.ann ...]
 * Annotation lines: "Q speaker|quotation text", "E type|name|role or -|alias,alias or -",
 * "U url" (the article's web address).
 */
#include "model.h"
#include "base.h"
#include "pipeline.h"
#include "tui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *m)
{
	fprintf(stderr, "fixture: %s\n", m);
	exit(1);
}

/* Drops what the analysis found so only the annotations count. */
static void clear_analysis(struct article *a)
{
	for (size_t i = 0; i < a->n_quotes; i++) {
		free(a->quotes[i].text);
		free(a->quotes[i].speaker);
		free(a->quotes[i].cue);
	}
	a->n_quotes = 0;
	for (size_t i = 0; i < a->n_entities; i++) {
		struct entity *e = &a->entities[i];
		free(e->name);
		free(e->role);
		for (size_t j = 0; j < e->n_aliases; j++)
			free(e->aliases[j]);
		free(e->aliases);
		free(e->mentions);
	}
	a->n_entities = 0;
}

static int is_word(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Adds every whole-word occurrence of w in text to e, skipping ranges in taken. */
static void add_mentions(struct entity *e, const char *text, int sec, int par, const char *w, char *taken)
{
	size_t n = strlen(w);
	for (const char *p = text; (p = strstr(p, w)); p++) {
		size_t at = (size_t)(p - text);
		if ((at && is_word(text[at - 1])) || is_word(text[at + n]) || memchr(taken + at, 1, n))
			continue;
		memset(taken + at, 1, n);
		if (entity_add_mention(e, sec, par, at, at + n))
			die("out of memory");
	}
}

static int mention_cmp(const void *x, const void *y)
{
	const struct mention *a = x, *b = y;
	if (a->section != b->section)
		return a->section - b->section;
	if (a->paragraph != b->paragraph)
		return a->paragraph - b->paragraph;
	return (a->start > b->start) - (a->start < b->start);
}

static void annotate(struct article *a, const char *annpath)
{
	char *data, err[256];
	size_t len;
	if (file_read(annpath, 1 << 20, &data, &len, err, sizeof err))
		die(err);
	clear_analysis(a);
	size_t np = article_paragraph_count(a) + 1;
	(void)np;
	for (char *save = NULL, *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[4] = {0};
		int nf = 0;
		if (line[0] == 'U' && line[1] == ' ') { /* the article's web address */
			if (article_set(&a->url, line + 2, strlen(line + 2)))
				die("out of memory");
			continue;
		}
		if (line[0] != 'Q' && line[0] != 'E')
			continue;
		for (char *s2 = NULL, *w = strtok_r(line + 2, "|", &s2); w && nf < 4; w = strtok_r(NULL, "|", &s2))
			f[nf++] = w;
		if (line[0] == 'Q' && nf == 2) {
			int found = 0;
			for (size_t s = 0; s < a->n_sections && !found; s++)
				for (size_t p = 0; p < a->sections[s].n_paragraphs && !found; p++) {
					const char *t = a->sections[s].paragraphs[p], *hit = strstr(t, f[1]);
					if (!hit)
						continue;
					struct quote *q = article_add_quote(a);
					if (!q || article_set(&q->text, f[1], strlen(f[1])) ||
					    article_set(&q->speaker, f[0], strlen(f[0])))
						die("out of memory");
					q->section = (int)s, q->paragraph = q->end_paragraph = (int)p;
					q->start = (size_t)(hit - t), q->end = q->start + strlen(f[1]);
					found = 1;
				}
			if (!found)
				fprintf(stderr, "fixture: quotation not in the text: %s\n", f[1]);
		} else if (line[0] == 'E' && nf == 4) {
			enum entity_type ty = !strcmp(f[0], "person") ? ENTITY_PERSON
			                    : !strcmp(f[0], "place") ? ENTITY_PLACE
			                    : !strcmp(f[0], "other") ? ENTITY_OTHER : ENTITY_ORGANIZATION;
			struct entity *e = article_add_entity(a, f[1], ty);
			if (!e || (strcmp(f[2], "-") && article_set(&e->role, f[2], strlen(f[2]))))
				die("out of memory");
			char *names[16] = {f[1]};
			int nn = 1;
			if (strcmp(f[3], "-"))
				for (char *s3 = NULL, *w = strtok_r(f[3], ",", &s3); w && nn < 16; w = strtok_r(NULL, ",", &s3)) {
					names[nn++] = w;
					if (entity_add_alias(e, w))
						die("out of memory");
				}
			/* the headline is section -1; longer names first so an alias never splits a full name */
			for (int s = -1; s < (int)a->n_sections; s++) {
				size_t npar = s < 0 ? (a->headline ? 1 : 0) : a->sections[s].n_paragraphs;
				for (size_t p = 0; p < npar; p++) {
					const char *t = s < 0 ? a->headline : a->sections[s].paragraphs[p];
					char *taken = calloc(strlen(t) + 1, 1);
					if (!taken)
						die("out of memory");
					for (int k = 0; k < nn; k++)
						add_mentions(e, t, s, s < 0 ? 0 : (int)p, names[k], taken);
					free(taken);
				}
			}
			if (e->n_mentions > 1)
				qsort(e->mentions, e->n_mentions, sizeof *e->mentions, mention_cmp);
		}
	}
	free(data);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 3 || argc % 2 == 0)
		die("usage: fixture ARTICLE ANNOTATIONS [ARTICLE ANNOTATIONS ...]");
	size_t n = (size_t)(argc - 1) / 2;
	struct article **arts = calloc(n, sizeof *arts);
	if (!arts)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		char *data, err[256];
		size_t len;
		if (file_read(argv[1 + 2 * i], 1 << 24, &data, &len, err, sizeof err))
			die(err);
		struct ingest_opts o = {argv[1 + 2 * i], NULL, NULL, NULL};
		if (ingest_article(data, len, &o, &arts[i], err, sizeof err))
			die(err);
		free(data);
		annotate(arts[i], argv[2 + 2 * i]);
	}
	char err[512];
	int rc = tui_read(arts, n, err, sizeof err);
	if (rc)
		fprintf(stderr, "fixture: %s\n", err);
	for (size_t i = 0; i < n; i++)
		article_free(arts[i]);
	free(arts);
	return rc ? 1 : 0;
}
