/* cli_export.c: `dateline export ID` as text, Markdown or JSON. */
#include "cli.h"
#include "cli_opts.h"
#include "cli_store.h"
#include "model.h"
#include "output.h"
#include "base.h"
#include "pipeline.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes s sanitised with Markdown's active characters escaped, so text never turns into markup. */
static void md_put(FILE *f, const char *s)
{
	char *t = sanitize_str(s, 0);
	if (!t)
		return;
	for (const char *p = t; *p; p++) {
		if (strchr("\\`*_[]<>#|~", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
	free(t);
}

/* A paragraph: also escapes what would start a list, quote or heading at its beginning. */
static void md_para(FILE *f, const char *s)
{
	const char *p = s;
	while (*p >= '0' && *p <= '9')
		p++;
	if ((p > s && *p == '.') || ((*s == '-' || *s == '+' || *s == '=') && (s[1] == ' ' || !s[1])))
		fputc('\\', f);
	md_put(f, s);
	fputs("\n\n", f);
}

/* Writes url sanitised as a Markdown link target <...> and a newline. */
static void md_link(FILE *f, const char *url)
{
	fputc('<', f);
	char *u = sanitize_str(url, 0);
	for (const char *p = u ? u : ""; *p; p++) /* inside <...> only '<', '>' and spaces break the link */
		if (*p == '<' || *p == '>' || *p == ' ')
			fprintf(f, "%%%02X", (unsigned char)*p);
		else
			fputc(*p, f);
	free(u);
	fputs(">\n", f);
}

static void print_markdown(FILE *f, const struct article *a, const struct store_item *it)
{
	fputs("# ", f);
	md_put(f, a->headline ? a->headline : it->title ? it->title : "(untitled)");
	fputs("\n\n", f);
	const struct dateline *d = a->dateline;
	if (d && (d->place || d->date || d->agency)) {
		const char *parts[3] = {d->place, d->date, d->agency};
		int any = 0;
		fputc('*', f);
		for (int i = 0; i < 3; i++)
			if (parts[i]) {
				fputs(any ? " · " : "", f);
				md_put(f, parts[i]);
				any = 1;
			}
		fputs("*  \n", f);
	}
	if (a->byline) {
		md_put(f, a->byline);
		fputs("  \n", f);
	}
	if (a->published || it->published) {
		fputs("Published ", f);
		md_put(f, a->published ? a->published : it->published);
		fputs("  \n", f);
	}
	const char *url = a->url ? a->url : it->link;
	if (url && !cli_is_url(url)) {
		/* javascript:, data: and the like: shown as text, never a link a reader could click */
		fputs("Source: ", f);
		md_put(f, url);
		fputc('\n', f);
	} else if (url) {
		fputs("Source: ", f);
		md_link(f, url);
	}
	fputc('\n', f);
	for (size_t i = 0; i < a->n_sections; i++) {
		const struct section *s = &a->sections[i];
		if (s->heading) {
			fputs("## ", f);
			md_put(f, s->heading);
			fputs("\n\n", f);
		}
		for (size_t j = 0; j < s->n_paragraphs; j++)
			md_para(f, s->paragraphs[j]);
	}
	if (a->n_quotes) {
		fputs("## Quotations\n\n", f);
		for (size_t i = 0; i < a->n_quotes; i++) {
			fputs("> \u201c", f);
			md_put(f, a->quotes[i].text ? a->quotes[i].text : "");
			fputs("\u201d", f);
			if (a->quotes[i].speaker) {
				fputs(" \u2014 ", f);
				md_put(f, a->quotes[i].speaker);
			}
			fputs("\n\n", f);
		}
	}
	if (a->n_entities) {
		fputs("## Named\n\n", f);
		for (size_t i = 0; i < a->n_entities; i++) {
			const struct entity *e = &a->entities[i];
			fputs("- ", f);
			md_put(f, e->name);
			fprintf(f, " (%s", entity_type_name(e->type));
			if (e->role) {
				fputs(", ", f);
				md_put(f, e->role);
			}
			fprintf(f, "; %zu mention%s)\n", e->n_mentions, e->n_mentions == 1 ? "" : "s");
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < a->n_links; i++) {
		fprintf(f, "[%zu]: ", i + 1);
		md_link(f, a->links[i].url);
	}
}

static int print_json(const struct article *a, const struct store_item *it)
{
	char *j = article_to_json(a, 0);
	json_object *o = j ? json_tokener_parse(j) : NULL;
	free(j);
	if (!o) {
		cli_error("out of memory");
		return CLI_FAIL;
	}
	json_object_object_add(o, "id", json_object_new_int64(it->id));
	json_object_object_add(o, "feed", cli_json_str(it->feed_title));
	json_object_object_add(o, "link", cli_json_str(it->link));
	json_object_object_add(o, "read", json_object_new_boolean(it->read));
	json_object_object_add(o, "starred", json_object_new_boolean(it->starred));
	json_object_object_add(o, "saved", json_object_new_boolean(it->saved));
	return cli_json_print(o);
}

static const struct cli_opt export_opts[] = {
	{.name = "format", .arg = "FMT", .val = 'f', .help = "text (the default), markdown (md) or json"},
	CLI_OPT_JSON_ENTRY,
	CLI_OPT_DB_ENTRY,
	{0},
};
static const struct cli_cmd export_cmd = {
	.name = "export",
	.usage = "usage: dateline export > FILE.opml       the subscriptions as OPML\n"
	         "       dateline export [--format text|markdown|json] [--json] [--db PATH] ID",
	.opts = export_opts,
};

int cmd_export_article(int argc, char **argv)
{
	const char *db = NULL, *format = "text";
	int json = 0;
	long long id = 0;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &export_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (c == 'f')
			format = p.arg;
		cli_opts_store(c, p.arg, &db, &json);
	}
	if (c < 0)
		return cli_opts_status(c);
	for (int i = p.ind; i < argc; i++) {
		char *end;
		if (id || (id = strtoll(argv[i], &end, 10)) <= 0 || *end) {
			cli_error("unexpected '%s'; %s", argv[i], export_cmd.usage);
			return CLI_USAGE;
		}
	}
	if (json)
		format = "json";
	if (!strcmp(format, "md"))
		format = "markdown";
	if (strcmp(format, "text") && strcmp(format, "markdown") && strcmp(format, "json")) {
		cli_error("unknown format '%s' (text, markdown or json)", format);
		return CLI_USAGE;
	}
	if (id <= 0) {
		cli_error("which article? %s", export_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 1, &s))
		return CLI_FAIL;
	char err[1024];
	struct store_item *it;
	struct article *a;
	if (store_item_get(s, id, &it, err, sizeof err)) {
		cli_error("%s", err);
		store_close(s);
		return CLI_FAIL;
	}
	if (store_article_load(s, id, &a, err, sizeof err) || analysis_on_open(s, id, a, err, sizeof err)) {
		cli_error("%s", err);
		store_items_free(it, 1);
		store_close(s);
		return CLI_FAIL;
	}
	int rc = CLI_OK;
	if (!strcmp(format, "json"))
		rc = print_json(a, it);
	else if (!strcmp(format, "markdown"))
		print_markdown(stdout, a, it);
	else
		rc = article_print_text(stdout, a) ? CLI_FAIL : CLI_OK;
	article_free(a);
	store_items_free(it, 1);
	store_close(s);
	return cli_flush(rc);
}

int cmd_export_any(int argc, char **argv)
{
	/* Anything but --help (or nothing) is an article's export; the help covers both. */
	return argc > 1 ? cmd_export_article(argc, argv) : cmd_export(argc, argv);
}
