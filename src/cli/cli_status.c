/* cli_status.c: `dateline status` (the feeds in the store), `purge` (retention) and `import-feed`. */
#include "cli.h"
#include "cli_opts.h"
#include "cli_store.h"
#include "model.h"
#include "feed.h"
#include "base.h"
#include "pipeline.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(const char *s)
{
	char *t = sanitize_str(s, 0);
	if (t)
		fputs(t, stdout);
	free(t);
}

static const struct cli_opt status_opts[] = {CLI_OPT_JSON_ENTRY, CLI_OPT_DB_ENTRY, {0}};
static const struct cli_cmd status_cmd = {
	.name = "status",
	.usage = "usage: dateline status [--json] [--db PATH]",
	.opts = status_opts,
};

int cmd_status(int argc, char **argv)
{
	const char *db = NULL;
	int json = 0;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &status_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0)
		cli_opts_store(c, p.arg, &db, &json);
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc) {
		cli_error("unexpected '%s'; %s", argv[p.ind], status_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 1, &s))
		return CLI_FAIL;
	char err[1024];
	struct store_feed *f;
	size_t n;
	if (store_feeds_list(s, &f, &n, err, sizeof err)) {
		cli_error("%s", err);
		store_close(s);
		return CLI_FAIL;
	}
	int rc = CLI_OK;
	if (json) {
		json_object *arr = json_object_new_array();
		for (size_t i = 0; arr && i < n; i++) {
			json_object *o = json_object_new_object();
			char day[11];
			cli_day(f[i].last_refresh, day);
			json_object_object_add(o, "id", json_object_new_int64(f[i].id));
			json_object_object_add(o, "url", cli_json_str(f[i].url));
			json_object_object_add(o, "title", cli_json_str(f[i].title));
			json_object_object_add(o, "tags", cli_json_str(f[i].tags));
			json_object_object_add(o, "etag", cli_json_str(f[i].etag));
			json_object_object_add(o, "last_modified", cli_json_str(f[i].last_modified));
			json_object_object_add(o, "last_status", json_object_new_int(f[i].last_status));
			json_object_object_add(o, "last_error", cli_json_str(f[i].last_error));
			json_object_object_add(o, "last_refresh", json_object_new_int64(f[i].last_refresh));
			json_object_object_add(o, "items", json_object_new_int64(f[i].n_items));
			json_object_object_add(o, "unread", json_object_new_int64(f[i].n_unread));
			json_object_array_add(arr, o);
		}
		rc = arr ? cli_json_print(arr) : CLI_FAIL;
	} else {
		for (size_t i = 0; i < n; i++) {
			printf("%4lld  %5lld/%-5lld %c ", f[i].id, f[i].n_unread, f[i].n_items, f[i].last_error ? '!' : ' ');
			put(f[i].title ? f[i].title : f[i].url);
			fputs("  <", stdout);
			put(f[i].url);
			fputs(">", stdout);
			if (f[i].last_error) {
				fputs("  ", stdout);
				put(f[i].last_error);
			}
			putchar('\n');
		}
		long long waiting = 0;
		if (!store_analysis_count(s, &waiting, err, sizeof err) && waiting)
			printf("%lld article%s wait%s for their analysis ('dateline refresh' finishes it)\n", waiting,
			       waiting == 1 ? "" : "s", waiting == 1 ? "s" : "");
		long long queued = 0; /* reading from an aggregator: what it has not been told yet */
		if (!store_sync_queued(s, &queued, err, sizeof err) && queued)
			printf("%lld changes wait for the aggregator (sent at the next refresh)\n", queued);
	}
	store_feeds_free(f, n);
	store_close(s);
	return rc;
}

/* The retention options purge and import-feed share: 1 when c was one of them, -1 (said) for a bad value. */
enum { OPT_DAYS = CLI_OPT_FIRST_FREE, OPT_MAX_ITEMS };
#define RETENTION_OPTS \
	{.name = "days", .arg = "N", .val = OPT_DAYS, .help = "keep items N days"}, \
	{.name = "max-items", .arg = "N", .val = OPT_MAX_ITEMS, .help = "keep the newest N items of a feed"}

static int retention_arg(int c, const char *v, struct store_retention *r)
{
	if (c != OPT_DAYS && c != OPT_MAX_ITEMS)
		return 0;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || n <= 0 || n > 1000000) {
		cli_error("%s wants a positive number", c == OPT_DAYS ? "--days" : "--max-items");
		return -1;
	}
	*(c == OPT_DAYS ? &r->days : &r->max_items) = (int)n;
	return 1;
}

static const struct cli_opt purge_opts[] = {
	RETENTION_OPTS,
	{.name = "save", .val = 's', .help = "keep these limits in the store for later refreshes"},
	{.name = "feed", .arg = "F", .val = 'f', .help = "only this feed (URL, title or id)"},
	CLI_OPT_JSON_ENTRY,
	CLI_OPT_DB_ENTRY,
	{0},
};
static const struct cli_cmd purge_cmd = {
	.name = "purge",
	.usage = "usage: dateline purge [--days N] [--max-items N] [--save] [--feed F] [--json] [--db PATH]",
	.opts = purge_opts,
};

int cmd_purge(int argc, char **argv)
{
	const char *db = NULL, *feed = NULL;
	int json = 0, save = 0;
	struct store_retention r = {0, 0};
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &purge_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (retention_arg(c, p.arg, &r) < 0)
			return CLI_USAGE;
		if (c == 's')
			save = 1;
		else if (c == 'f')
			feed = p.arg;
		cli_opts_store(c, p.arg, &db, &json);
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc) {
		cli_error("unexpected '%s'; %s", argv[p.ind], purge_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 0, &s))
		return CLI_FAIL;
	char err[1024];
	long long fid = 0;
	int n = 0, rc = CLI_OK;
	if (!r.days && !r.max_items) /* the saved setting */
		store_get_retention(s, &r);
	if (!r.days && !r.max_items) {
		store_close(s);
		cli_error("say what to keep (no retention is saved in the store): %s; saved and starred items "
		          "are always kept", purge_cmd.usage);
		return CLI_USAGE;
	}
	if (save && store_save_retention(s, &r, err, sizeof err)) {
		rc = CLI_FAIL;
	} else if (feed && (store_feed_find(s, feed, &fid, err, sizeof err) || !fid)) {
		if (!fid)
			snprintf(err, sizeof err, "no feed '%s' in the store (see dateline status)", feed);
		rc = CLI_FAIL;
	} else if (store_purge(s, fid, &r, &n, err, sizeof err)) {
		rc = CLI_FAIL;
	}
	store_close(s);
	if (rc) {
		cli_error("%s", err);
		return rc;
	}
	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "purged", json_object_new_int(n));
		return cli_json_print(o);
	}
	printf("%d item%s purged\n", n, n == 1 ? "" : "s");
	return CLI_OK;
}

static const struct cli_opt import_opts[] = {RETENTION_OPTS, CLI_OPT_JSON_ENTRY, CLI_OPT_DB_ENTRY, {0}};
static const struct cli_cmd import_cmd = {
	.name = "import-feed",
	.usage = "usage: dateline import-feed [--json] [--db PATH] [--max-items N] [--days N] FILE...",
	.opts = import_opts,
};

/* One feed file into the store, through the same path as a refresh. */
static int import_one(struct store *s, const char *path, struct store_apply_result *res, char *err, size_t errlen)
{
	char *data, key[4200], abs[4096];
	size_t len;
	if (file_read(path, CLI_INPUT_LIMIT, &data, &len, err, errlen))
		return -1;
	struct feed *f;
	int rc = feed_parse(data, len, NULL, NULL, &f, err, errlen);
	free(data);
	if (rc)
		return -1;
	/* the file's absolute path names the feed, so importing it again updates it */
	snprintf(key, sizeof key, "file://%s", realpath(path, abs) ? abs : path);
	long long id;
	struct store_feed_state st = {0, NULL, NULL, NULL, 0, 0};
	rc = store_feed_upsert(s, key, NULL, NULL, &id, err, errlen) ||
	     store_apply_feed(s, id, f, &st, &ingest_item_reader, res, err, errlen) ? -1 : 0;
	feed_free(f);
	return rc;
}

int cmd_import_feed(int argc, char **argv)
{
	const char *db = NULL;
	int json = 0;
	struct store_retention r = {0, 0};
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &import_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (retention_arg(c, p.arg, &r) < 0)
			return CLI_USAGE;
		cli_opts_store(c, p.arg, &db, &json);
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind == argc) {
		cli_error("no feed file given; %s", import_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 0, &s))
		return CLI_FAIL;
	if (r.days || r.max_items) /* else the retention saved in the store */
		store_set_retention(s, &r);
	int rc = CLI_OK;
	json_object *arr = json ? json_object_new_array() : NULL;
	for (int i = p.ind; i < argc; i++) {
		const char *a = argv[i];
		char err[1024];
		struct store_apply_result res;
		if (import_one(s, a, &res, err, sizeof err)) {
			cli_error("%s: %s", a, err);
			rc = CLI_FAIL;
			continue;
		}
		if (arr) {
			json_object *o = json_object_new_object();
			json_object_object_add(o, "file", cli_json_str(a));
			json_object_object_add(o, "new", json_object_new_int(res.n_new));
			json_object_object_add(o, "changed", json_object_new_int(res.n_changed));
			json_object_object_add(o, "unchanged", json_object_new_int(res.n_unchanged));
			json_object_object_add(o, "purged", json_object_new_int(res.n_purged));
			json_object_array_add(arr, o);
		} else {
			put(a);
			printf(": %d new, %d changed, %d unchanged, %d purged\n", res.n_new, res.n_changed,
			       res.n_unchanged, res.n_purged);
		}
	}
	store_close(s);
	if (arr && cli_json_print(arr))
		rc = CLI_FAIL;
	return rc;
}
