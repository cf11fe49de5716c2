/* cli_store.c: `dateline list`, `mark`, `save`, `feeds` and `purge`, and what the store commands share. */
#include "cli.h"
#include "cli_opts.h"
#include "cli_store.h"
#include "model.h"
#include "base.h"
#include "pipeline.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int cli_store_open(const char *db, int readonly, struct store **out)
{
	char err[1024], def[4096];
	struct stat sb;
	if (!db && store_default_path(def, sizeof def, err, sizeof err) == 0)
		db = def;
	/*
	 * Readers open an existing store read-write all the same: that costs
	 * no lock, and lets an older schema be upgraded by whichever command
	 * runs first. Only a store that is not there (or an empty file, which
	 * may be anything the user named by mistake) stays uncreated.
	 */
	if (readonly && db && stat(db, &sb) == 0 && sb.st_size > 0)
		readonly = 0;
	if (store_open(db, readonly ? STORE_READONLY : 0, out, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	return CLI_OK;
}

json_object *cli_json_str(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	if (utf8_valid(s, n))
		return json_object_new_string_len(s, (int)n);
	char *r = utf8_repair(s, n, &n);
	json_object *o = r ? json_object_new_string_len(r, (int)n) : NULL;
	free(r);
	return o;
}

void cli_day(long long t, char out[11])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!t || !gmtime_r(&tt, &tm) || !strftime(out, 11, "%Y-%m-%d", &tm))
		snprintf(out, 11, "          ");
}

int cli_json_print(json_object *o)
{
	const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	char *safe = s ? sanitize_json(s) : NULL; /* bidi and C1 controls escaped, not raw */
	int rc = safe && puts(safe) >= 0 ? CLI_OK : CLI_FAIL;
	free(safe);
	json_object_put(o);
	return rc;
}

/* Prints s sanitised to stdout. */
static void put(const char *s)
{
	char *t = sanitize_str(s, 0);
	if (t)
		fputs(t, stdout);
	free(t);
}

static json_object *item_json(const struct store_item *it)
{
	json_object *o = json_object_new_object();
	char day[11];
	if (!o)
		return NULL;
	cli_day(it->date, day);
	json_object_object_add(o, "id", json_object_new_int64(it->id));
	json_object_object_add(o, "feed_id", it->feed_id ? json_object_new_int64(it->feed_id) : NULL);
	json_object_object_add(o, "feed", cli_json_str(it->feed_title));
	json_object_object_add(o, "title", cli_json_str(it->title));
	json_object_object_add(o, "link", cli_json_str(it->link));
	json_object_object_add(o, "author", cli_json_str(it->author));
	json_object_object_add(o, "published", cli_json_str(it->published));
	json_object_object_add(o, "date", json_object_new_string(day));
	json_object_object_add(o, "read", json_object_new_boolean(it->read));
	json_object_object_add(o, "starred", json_object_new_boolean(it->starred));
	json_object_object_add(o, "saved", json_object_new_boolean(it->saved));
	json_object_object_add(o, "full", json_object_new_boolean(it->full));
	json_object_object_add(o, "quotes", json_object_new_int(it->n_quotes));
	return o;
}

static const struct cli_opt list_opts[] = {
	{.name = "unread", .val = 'u', .help = "only unread items"},
	{.name = "saved", .val = 's', .help = "only saved items"},
	{.name = "starred", .val = 'S', .help = "only starred items"},
	{.name = "feed", .arg = "F", .val = 'f', .help = "only this feed (URL, title or id)"},
	{.name = "limit", .arg = "N", .val = 'l', .help = "at most N items (default 50, 0 for all)"},
	CLI_OPT_JSON_ENTRY,
	CLI_OPT_DB_ENTRY,
	{0},
};
static const struct cli_cmd list_cmd = {
	.name = "list",
	.usage = "usage: dateline list [--unread] [--saved] [--starred] [--feed F] [--limit N] [--json] [--db PATH]",
	.opts = list_opts,
};

/* Parses a positive count for option opt. */
static int parse_count(const char *opt, const char *v, size_t *out)
{
	char *end;
	long long n = strtoll(v, &end, 10);
	if (end == v || *end || n < 0) {
		cli_error("%s wants a number, not '%s'", opt, v);
		return -1;
	}
	*out = (size_t)n;
	return 0;
}

int cmd_list(int argc, char **argv)
{
	const char *db = NULL, *feed = NULL;
	int json = 0;
	struct store_list_opts o = {0, 0, 50, 0};
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &list_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (c == 'u')
			o.flags |= STORE_LIST_UNREAD;
		else if (c == 's')
			o.flags |= STORE_LIST_SAVED;
		else if (c == 'S')
			o.flags |= STORE_LIST_STARRED;
		else if (c == 'f')
			feed = p.arg;
		else if (c == 'l' && parse_count("--limit", p.arg, &o.limit))
			return CLI_USAGE;
		cli_opts_store(c, p.arg, &db, &json);
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc) {
		cli_error("unexpected '%s'; %s", argv[p.ind], list_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 1, &s))
		return CLI_FAIL;
	char err[1024];
	int rc = CLI_FAIL;
	struct store_item *items = NULL;
	size_t n = 0;
	if (feed) {
		if (store_feed_find(s, feed, &o.feed_id, err, sizeof err))
			goto fail;
		if (!o.feed_id) {
			snprintf(err, sizeof err, "no feed '%s' in the store (see dateline status)", feed);
			goto fail;
		}
	}
	if (store_items_list(s, &o, &items, &n, err, sizeof err))
		goto fail;
	if (json) {
		json_object *arr = json_object_new_array();
		for (size_t i = 0; arr && i < n; i++)
			json_object_array_add(arr, item_json(&items[i]));
		rc = arr ? cli_json_print(arr) : CLI_FAIL;
	} else {
		for (size_t i = 0; i < n; i++) {
			const struct store_item *it = &items[i];
			char day[11];
			cli_day(it->date, day);
			printf("%6lld  %s  %c%c%c  ", it->id, day, it->read ? ' ' : 'N', it->starred ? '*' : ' ',
			       it->saved ? 'S' : ' ');
			put(it->title ? it->title : "(untitled)");
			if (it->feed_title) {
				fputs("  — ", stdout);
				put(it->feed_title);
			}
			if (it->n_quotes)
				printf("  [%d quote%s]", it->n_quotes, it->n_quotes == 1 ? "" : "s");
			putchar('\n');
		}
		rc = CLI_OK;
	}
	store_items_free(items, n);
	store_close(s);
	return cli_flush(rc);
fail:
	cli_error("%s", err);
	store_close(s);
	return CLI_FAIL;
}

static const struct cli_opt mark_opts[] = {
	CLI_OPT_DB_ENTRY,
	{.name = "json", .val = CLI_OPT_JSON, .help = "accepted as by every store command; marking prints nothing"},
	{0},
};
static const struct cli_cmd mark_cmd = {
	.name = "mark",
	.usage = "usage: dateline mark ID... read|unread|star|unstar|save|unsave [--db PATH]",
	.opts = mark_opts,
};

int cmd_mark(int argc, char **argv)
{
	static const char *const names[] = {"read", "unread", "star", "unstar", "save", "unsave"};
	const char *db = NULL;
	int json = 0, mark = -1;
	long long ids[64];
	size_t n = 0;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &mark_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0)
		cli_opts_store(c, p.arg, &db, &json);
	if (c < 0)
		return cli_opts_status(c);
	for (int i = p.ind; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		long long id = strtoll(a, &end, 10);
		if (end != a && !*end && id > 0 && n < sizeof ids / sizeof *ids) {
			ids[n++] = id;
			continue;
		}
		int found = -1;
		for (int m = 0; m < 6; m++)
			if (!strcmp(a, names[m]))
				found = m;
		if (found < 0 || mark >= 0) {
			cli_error("unexpected '%s'; %s", a, mark_cmd.usage);
			return CLI_USAGE;
		}
		mark = found;
	}
	if (!n || mark < 0) {
		cli_error("%s", mark_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 0, &s))
		return CLI_FAIL;
	char err[1024];
	int rc = CLI_OK;
	for (size_t i = 0; i < n; i++)
		if (store_item_mark(s, ids[i], (enum store_mark)mark, err, sizeof err)) {
			cli_error("%s", err);
			rc = CLI_FAIL;
		}
	store_close(s);
	return rc;
}

static const struct cli_opt save_opts[] = {
	{.name = "content-type", .arg = "CT", .val = 'c', .help = "the input's type (text/html, text/plain ...)"},
	{.name = "item", .arg = "ID", .val = 'i', .help = "store the page as this item's full text"},
	CLI_OPT_JSON_ENTRY,
	CLI_OPT_DB_ENTRY,
	{0},
};
static const struct cli_cmd save_cmd = {
	.name = "save",
	.usage = "usage: dateline save [--json] [--db PATH] [--content-type CT] URL|FILE|-...\n"
	         "       dateline save --item ID [--db PATH] URL   (the page as item ID's full text)",
	.opts = save_opts,
};

int cmd_save(int argc, char **argv)
{
	const char *db = NULL, *ct = NULL;
	int json = 0, rc = CLI_OK;
	long long item = 0;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &save_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (c == 'i') {
			char *end;
			item = strtoll(p.arg, &end, 10);
			if (*end || item <= 0) {
				cli_error("--item wants an item id, not '%s'; %s", p.arg, save_cmd.usage);
				return CLI_USAGE;
			}
		} else if (c == 'c') {
			ct = p.arg;
		}
		cli_opts_store(c, p.arg, &db, &json);
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind == argc) {
		cli_error("nothing to save; %s", save_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 0, &s))
		return CLI_FAIL;
	json_object *arr = json ? json_object_new_array() : NULL;
	for (int i = p.ind; i < argc; i++) {
		const char *a = argv[i];
		struct article *art;
		char err[1024];
		long long id;
		if (cli_load_article(a, NULL, ct, &art)) {
			rc = CLI_FAIL;
			continue;
		}
		id = item;
		if (item) { /* the feed's title stays unless the page's headline is better */
			struct store_item *it = NULL;
			if (!store_item_get(s, item, &it, err, sizeof err) && it->title &&
			    headline_keep_feed_title(art, it->title)) {
				cli_error("out of memory");
				rc = CLI_FAIL;
			}
			if (it)
				store_items_free(it, 1);
		}
		if (item ? store_article_replace(s, item, art, 1, err, sizeof err)
		         : store_save_article(s, art, &id, err, sizeof err)) {
			cli_error("%s: %s", a, err);
			rc = CLI_FAIL;
		} else if (arr) {
			json_object *o = json_object_new_object();
			json_object_object_add(o, "id", json_object_new_int64(id));
			json_object_object_add(o, "source", cli_json_str(a));
			json_object_object_add(o, "headline", cli_json_str(art->headline));
			json_object_object_add(o, "quotes", json_object_new_int((int)art->n_quotes));
			json_object_array_add(arr, o);
		} else {
			printf("%lld  ", id);
			put(art->headline ? art->headline : a);
			printf("  (%zu quote%s, %zu entit%s)\n", art->n_quotes, art->n_quotes == 1 ? "" : "s",
			       art->n_entities, art->n_entities == 1 ? "y" : "ies");
		}
		article_free(art);
	}
	store_close(s);
	if (arr && cli_json_print(arr))
		rc = CLI_FAIL;
	return rc;
}
