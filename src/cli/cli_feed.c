/* cli_feed.c: `dateline feed`, one feed printed as a readable list or as JSON. */
#include "cli.h"
#include "cli_opts.h"
#include "model.h"
#include "feed.h"
#include "net.h"
#include "base.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_opt feed_opts[] = {
	{.name = "json", .val = 'j', .help = "the feed as JSON"},
	{.name = "content-type", .arg = "CT", .val = 'c', .help = "the input's type, when the bytes do not say"},
	{0},
};
static const struct cli_cmd feed_cmd = {
	.name = "feed",
	.usage = "usage: dateline feed [--json] [--content-type CT] FILE|URL|-",
	.opts = feed_opts,
};

static struct json_object *jstr(const char *s) { return s ? json_object_new_string(s) : NULL; }

/* Our keys are literals and never repeat: json-c need not copy or look them up. */
static void add(struct json_object *o, const char *key, struct json_object *v)
{
	json_object_object_add_ex(o, key, v, JSON_C_OBJECT_ADD_KEY_IS_NEW | JSON_C_OBJECT_KEY_IS_CONSTANT);
}

static struct json_object *item_to_json(const struct feed_item *it)
{
	struct json_object *j = json_object_new_object(), *cats = json_object_new_array(), *encs = json_object_new_array();
	if (!j || !cats || !encs) {
		json_object_put(j);
		json_object_put(cats);
		json_object_put(encs);
		return NULL;
	}
	add(j, "id", jstr(it->id));
	add(j, "title", jstr(it->title));
	add(j, "link", jstr(it->link));
	add(j, "author", jstr(it->author));
	add(j, "published", jstr(it->published));
	add(j, "updated", jstr(it->updated));
	add(j, "summary", jstr(it->summary));
	add(j, "content", jstr(it->content));
	for (size_t k = 0; k < it->n_categories; k++)
		json_object_array_add(cats, jstr(it->categories[k]));
	add(j, "categories", cats);
	for (size_t k = 0; k < it->n_enclosures; k++) {
		const struct enclosure *e = &it->enclosures[k];
		struct json_object *je = json_object_new_object();
		add(je, "url", jstr(e->url));
		add(je, "type", jstr(e->type));
		add(je, "length", e->length >= 0 ? json_object_new_int64(e->length) : NULL);
		json_object_array_add(encs, je);
	}
	add(j, "enclosures", encs);
	return j;
}

#define JSON_FLAGS (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

/*
 * Writes the feed JSON one item at a time, so a large feed never exists
 * twice over in memory as objects and text. Returns 0 or -1.
 */
static int feed_print_json(FILE *out, const struct feed *f)
{
	struct json_object *o = json_object_new_object();
	if (!o)
		return -1;
	add(o, "format", jstr(f->format));
	add(o, "encoding", jstr(f->encoding));
	add(o, "title", jstr(f->title));
	add(o, "link", jstr(f->link));
	add(o, "description", jstr(f->description));
	add(o, "language", jstr(f->language));
	add(o, "updated", jstr(f->updated));
	/* bidi and C1 controls escaped, not raw (sanitize_json) */
	const char *raw = json_object_to_json_string_ext(o, JSON_FLAGS);
	char *head = raw ? sanitize_json(raw) : NULL;
	size_t hl = head ? strlen(head) : 0;
	int rc = hl >= 2 ? 0 : -1;
	if (!rc) /* the header object without its closing brace, then the items */
		fprintf(out, "%.*s,\"items\":[", (int)(hl - 1), head);
	free(head);
	json_object_put(o);
	for (size_t i = 0; i < f->n_items && !rc; i++) {
		struct json_object *j = item_to_json(&f->items[i]);
		const char *js = j ? json_object_to_json_string_ext(j, JSON_FLAGS) : NULL;
		char *s = js ? sanitize_json(js) : NULL;
		if (!s)
			rc = -1;
		else if ((i && fputc(',', out) == EOF) || fputs(s, out) == EOF)
			rc = -1;
		free(s);
		json_object_put(j);
	}
	if (!rc)
		fputs("]}\n", out);
	return rc;
}

/* One line of output: label and the field as sanitised plain text, when there is any. */
static void put_line(FILE *out, const char *label, const char *s, size_t max)
{
	char *plain = feed_text_plain(s, max);
	char *clean = plain && *plain ? sanitize_str(plain, 0) : NULL;
	if (clean)
		fprintf(out, "%s%s\n", label, clean);
	free(plain);
	free(clean);
}

static void feed_print_text(FILE *out, const struct feed *f)
{
	char *t = feed_text_plain(f->title, 200), *title = sanitize_str(t && *t ? t : "(untitled feed)", 0);
	fprintf(out, "%s\n", title ? title : "");
	free(t);
	free(title);
	put_line(out, "  ", f->description, 300);
	put_line(out, "  link:     ", f->link, 0);
	put_line(out, "  format:   ", f->format, 0);
	put_line(out, "  charset:  ", f->encoding, 0);
	put_line(out, "  language: ", f->language, 0);
	put_line(out, "  updated:  ", f->updated, 0);
	fprintf(out, "  %zu item%s\n", f->n_items, f->n_items == 1 ? "" : "s");
	for (size_t i = 0; i < f->n_items; i++) {
		const struct feed_item *it = &f->items[i];
		const char *date = it->published ? it->published : it->updated;
		char *pt = feed_text_plain(it->title, 200);
		char *title = sanitize_str(pt && *pt ? pt : "(untitled)", 0);
		/* dates are ours ("YYYY-MM-DDTHH:MM:SSZ"): the day is enough in a list */
		fprintf(out, "\n%4zu. %.10s%s%s\n", i + 1, date ? date : "", date ? "  " : "", title ? title : "");
		free(pt);
		free(title);
		put_line(out, "      ", it->link, 0);
		put_line(out, "      by ", it->author, 100);
		put_line(out, "      ", it->summary ? it->summary : it->content, 240);
		for (size_t k = 0; k < it->n_enclosures; k++)
			put_line(out, "      enclosure: ", it->enclosures[k].url, 0);
	}
}

int cmd_feed(int argc, char **argv)
{
	const char *ct = NULL, *path = NULL;
	int json = 0;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &feed_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (c == 'j')
			json = 1;
		else if (c == 'c')
			ct = p.arg;
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc - 1)
		return cli_opts_usage_error(&feed_cmd, "one feed at a time");
	if (p.ind < argc)
		path = argv[p.ind];
	if (!path) {
		cli_error("no feed given; %s", feed_cmd.usage);
		return CLI_USAGE;
	}
	char err[512], *data, *fetched_ct = NULL, *final_url = NULL;
	size_t len;
	if (cli_is_url(path)) {
		int frc = cli_fetch(path, FEED_MAX_BYTES, FETCH_ACCEPT_FEED, &data, &len, &fetched_ct, &final_url);
		if (frc)
			return frc;
		if (!ct)
			ct = fetched_ct;
	} else if (file_read(path, FEED_MAX_BYTES, &data, &len, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	struct feed *f;
	int rc = feed_parse(data, len, ct, cli_is_url(path) ? (final_url ? final_url : path) : NULL, &f, err,
	                    sizeof err);
	free(data);
	free(fetched_ct);
	free(final_url);
	if (rc) {
		cli_error("%s: %s", strcmp(path, "-") ? path : "standard input", err);
		return CLI_FAIL;
	}
	rc = CLI_OK;
	if (json) {
		if (feed_print_json(stdout, f)) {
			cli_error("out of memory");
			rc = CLI_FAIL;
		}
	} else {
		feed_print_text(stdout, f);
	}
	feed_free(f);
	return cli_flush(rc);
}
