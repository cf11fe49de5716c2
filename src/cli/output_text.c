/* output_text.c: articles as readable text, every string through the sanitiser. */
#include "output.h"
#include "model.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* Writes s sanitised; returns 0 or -1. */
static int put(FILE *f, const char *s)
{
	char *t = sanitize_str(s, 0);
	if (!t)
		return -1;
	int rc = fputs(t, f) < 0 ? -1 : 0;
	free(t);
	return rc;
}

static int body(FILE *f, const struct article *a, int headings_marked)
{
	int first = 1;
	for (size_t i = 0; i < a->n_sections; i++) {
		const struct section *s = &a->sections[i];
		if (s->heading) {
			fputs(first ? "" : "\n", f);
			fputs(headings_marked ? "## " : "", f);
			put(f, s->heading);
			fputc('\n', f);
			first = 0;
		}
		for (size_t j = 0; j < s->n_paragraphs; j++) {
			fputs(first ? "" : "\n", f);
			put(f, s->paragraphs[j]);
			fputc('\n', f);
			first = 0;
		}
	}
	return ferror(f) ? -1 : 0;
}

int article_print_body(FILE *f, const struct article *a)
{
	return body(f, a, 0);
}

static const char *const type_titles[] = {"People", "Organisations", "Places"};

int article_print_text(FILE *f, const struct article *a)
{
	if (a->headline) {
		put(f, a->headline);
		fputs(a->headline_derived ? "  [headline from the lede]\n" : "\n", f);
	}
	const struct dateline *d = a->dateline;
	if (d) {
		const char *parts[3] = {d->place, d->date, d->agency};
		int any = 0;
		for (int i = 0; i < 3; i++)
			if (parts[i]) {
				fputs(any++ ? " \xC2\xB7 " : "", f);
				put(f, parts[i]);
			}
		if (any)
			fputc('\n', f);
	}
	if (a->byline || a->published || a->site) {
		const char *parts[3] = {a->byline, a->published, a->site};
		int any = 0;
		for (int i = 0; i < 3; i++)
			if (parts[i]) {
				fputs(any++ ? " \xC2\xB7 " : "", f);
				put(f, parts[i]);
			}
		fputc('\n', f);
	}
	if (a->url) {
		put(f, a->url);
		fputc('\n', f);
	}
	fputc('\n', f);
	body(f, a, 1);
	if (a->n_quotes) {
		fputs("\nQuotations\n", f);
		for (size_t i = 0; i < a->n_quotes; i++) {
			const struct quote *q = &a->quotes[i];
			fputs("  \xE2\x80\x9C", f);
			put(f, q->text);
			fputs("\xE2\x80\x9D \xE2\x80\x94 ", f);
			put(f, q->speaker ? q->speaker : "(unattributed)");
			if (q->cue) {
				fputs(" (", f);
				put(f, q->cue);
				fputc(')', f);
			}
			fputc('\n', f);
		}
	}
	for (int t = 0; t < 3; t++) {
		int header = 0;
		for (size_t i = 0; i < a->n_entities; i++) {
			const struct entity *e = &a->entities[i];
			if ((int)e->type != t)
				continue;
			if (!header++)
				fprintf(f, "\n%s\n", type_titles[t]);
			fputs("  ", f);
			put(f, e->name);
			if (e->role) {
				fputs(", ", f);
				put(f, e->role);
			}
			fprintf(f, " (%zu)\n", e->n_mentions);
		}
	}
	if (a->n_links) {
		fputs("\nLinks\n", f);
		for (size_t i = 0; i < a->n_links; i++) {
			fprintf(f, "  [%zu] ", i + 1);
			put(f, a->links[i].url);
			fputc('\n', f);
		}
	}
	return ferror(f) ? -1 : 0;
}
