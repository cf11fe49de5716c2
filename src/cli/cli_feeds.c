/* cli_feeds.c: subscriptions: `dateline add`, `import`, `export`, `feeds`. */
#include "cli.h"
#include "cli_opts.h"
#include "subs.h"
#include "model.h"
#include "feed.h"
#include "net.h"
#include "base.h"
#include "pipeline.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPML_FILE_LIMIT ((size_t)16 << 20)

static const struct cli_opt add_opts[] = {
	{.name = "title", .arg = "TITLE", .val = 't', .help = "the feed's name in the lists"},
	{.name = "tag", .arg = "TAG", .val = 'g', .help = "a tag for the feed (repeatable)"},
	{.name = "no-check", .val = 'n', .help = "subscribe without fetching the feed first"},
	{0},
};
static const struct cli_cmd add_cmd = {
	.name = "add",
	.usage = "usage: dateline add [--title TITLE] [--tag TAG]... [--no-check] URL",
	.opts = add_opts,
};

/* Prints "label: value" with value sanitised. */
static void say(FILE *f, const char *fmt, const char *value)
{
	char *v = sanitize_str(value, 0);
	fprintf(f, fmt, v ? v : "");
	free(v);
}

/* fetch_feed()'s answer for a web page, apart from the CLI_* statuses. */
#define FETCHED_PAGE 100

/*
 * Fetches url and parses it as a feed. Returns 0 with *f set, FETCHED_PAGE
 * when it is a web page (its body and URL in *page / *page_url for
 * discovery), or a CLI_* status, the reason printed or left in why.
 */
static int fetch_feed(const char *url, struct feed **f, char **page, char **page_url, char *why, size_t whylen)
{
	char *data, *ct, *final;
	size_t len;
	int rc = cli_fetch(url, FEED_MAX_BYTES, FETCH_ACCEPT_FEED, &data, &len, &ct, &final);
	if (rc)
		return rc;
	const char *base = final ? final : url;
	rc = CLI_FAIL;
	if (refresh_check_feed(data, len, ct, why, whylen) == 0) {
		if (feed_parse(data, len, ct, base, f, why, whylen) == 0)
			rc = 0;
	} else if (page && strstr(why, "html")) {
		*page = data;
		data = NULL;
		*page_url = strdup(base);
		rc = *page_url ? FETCHED_PAGE : CLI_FAIL;
	}
	free(data);
	free(ct);
	free(final);
	return rc;
}

/* The feed to subscribe to for url: url itself when it is a feed, else the first feed its page links. */
static int resolve_feed(const char *url, char **feed_url, struct feed **f)
{
	char why[512] = "", *page = NULL, *page_url = NULL;
	int rc = fetch_feed(url, f, &page, &page_url, why, sizeof why);
	if (rc == 0)
		return (*feed_url = strdup(url)) ? CLI_OK : CLI_FAIL;
	if (rc != FETCHED_PAGE) {
		if (why[0]) {
			char *u = sanitize_str(url, 0), *w = sanitize_str(why, 0);
			cli_error("%s: %s", u ? u : "", w ? w : "");
			free(u);
			free(w);
		}
		return rc;
	}
	struct discovered_feed *found = NULL;
	size_t n = 0;
	char err[512];
	rc = CLI_FAIL;
	if (discover_feeds(page, strlen(page), page_url, &found, &n, err, sizeof err)) {
		cli_error("%s", err);
	} else if (!n) {
		char *u = sanitize_str(url, 0);
		cli_error("%s is a web page that names no feed (no <link rel=\"alternate\" type=\"application/rss+xml\">)",
		          u ? u : "");
		free(u);
	} else {
		say(stderr, "dateline: found the feed %s\n", found[0].url);
		why[0] = '\0';
		if (fetch_feed(found[0].url, f, NULL, NULL, why, sizeof why) == 0) {
			rc = (*feed_url = strdup(found[0].url)) ? CLI_OK : CLI_FAIL;
		} else if (why[0]) {
			char *u = sanitize_str(found[0].url, 0), *w = sanitize_str(why, 0);
			cli_error("%s: %s", u ? u : "", w ? w : "");
			free(u);
			free(w);
		}
	}
	discover_free(found, n);
	free(page);
	free(page_url);
	return rc;
}

/*
 * Stores the items add just fetched, so the next `dateline` shows them
 * without a refresh. Returns how many are stored, or -1 with err.
 */
static long store_fetched(const char *url, const char *title, char **tags, size_t n_tags, const struct feed *f,
                          char *err, size_t errlen)
{
	struct buf tb = BUF_INIT;
	for (size_t i = 0; i < n_tags; i++)
		buf_printf(&tb, "%s%s", i ? " " : "", tags[i]);
	if (tb.failed) {
		buf_free(&tb);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct store *st = NULL;
	long long id;
	struct store_feed_state state = {200, NULL, NULL, NULL, 0, 0};
	struct store_apply_result res = {0};
	long rc = -1;
	if (!store_open(NULL, 0, &st, err, errlen) &&
	    !store_feed_upsert(st, url, title, tb.len ? tb.data : NULL, &id, err, errlen) &&
	    !store_apply_feed(st, id, f, &state, &ingest_item_reader, &res, err, errlen))
		rc = res.n_new + res.n_changed + res.n_unchanged;
	store_close(st);
	buf_free(&tb);
	return rc;
}

int cmd_add(int argc, char **argv)
{
	const char *url = NULL, *title = NULL;
	char *tags[64];
	size_t n_tags = 0;
	int check = 1;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &add_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (c == 't')
			title = p.arg;
		else if (c == 'g' && n_tags < sizeof tags / sizeof *tags)
			tags[n_tags++] = p.arg;
		else if (c == 'n')
			check = 0;
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc - 1)
		return cli_opts_usage_error(&add_cmd, "one URL at a time");
	if (p.ind < argc)
		url = argv[p.ind];
	if (!url) {
		cli_error("no URL given; %s", add_cmd.usage);
		return CLI_USAGE;
	}
	if (!feedlist_url_ok(url)) {
		cli_error("only http and https URLs can be subscribed to");
		return CLI_USAGE;
	}
	char path[4096], err[512];
	struct feedlist fl = FEEDLIST_INIT;
	if (cli_feeds_load(path, sizeof path, &fl))
		return CLI_FAIL;
	char *feed_url = NULL, *feed_title = NULL;
	struct feed *f = NULL;
	int rc = CLI_OK;
	if (check)
		rc = resolve_feed(url, &feed_url, &f);
	else if (!(feed_url = strdup(url)))
		rc = CLI_FAIL;
	if (rc)
		goto out;
	if (feedlist_find(&fl, feed_url) >= 0) {
		say(stdout, "already subscribed to %s\n", feed_url);
		goto out;
	}
	/* A feed's own title is a stranger's text: clean it before it goes into the user's file. */
	feed_title = !title && f && f->title ? sanitize_str(f->title, 0) : NULL;
	struct feedlist_entry e = {feed_url, (char *)(title ? title : feed_title), tags, n_tags, 0};
	if (feedlist_update_file(path, &e, 1, NULL, 0, err, sizeof err)) {
		cli_error("%s", err);
		rc = CLI_FAIL;
		goto out;
	}
	say(stdout, "subscribed to %s", feed_url);
	if (e.title)
		say(stdout, " (%s)", e.title);
	long stored = f ? store_fetched(feed_url, e.title, tags, n_tags, f, err, sizeof err) : -1;
	if (stored >= 0)
		printf(", %ld item%s stored\n", stored, stored == 1 ? "" : "s");
	else if (f)
		say(stdout, "; its items were not stored (%s): run 'dateline refresh'\n", err);
	else
		printf("; run 'dateline refresh' to fetch its items\n");
out:
	free(feed_title);
	feed_free(f);
	free(feed_url);
	feedlist_free(&fl);
	return rc;
}

int cli_feeds_load(char *path, size_t n, struct feedlist *fl)
{
	char err[512];
	if (feedlist_path(path, n, err, sizeof err) || feedlist_load(path, fl, err, sizeof err)) {
		cli_error("%s", err);
		feedlist_free(fl);
		return -1;
	}
	return 0;
}

static const struct cli_cmd import_cmd = {.name = "import", .usage = "usage: dateline import FILE.opml|-"};

int cmd_import(int argc, char **argv)
{
	int ind, c = cli_opts_all(&import_cmd, argc, argv, &ind);
	if (c < 0)
		return cli_opts_status(c);
	if (ind != argc - 1)
		return cli_opts_usage_error(&import_cmd, ind < argc ? "one file at a time" : "no file given");
	const char *file = argv[ind];
	char err[512], path[4096], spath[4096], *data;
	size_t len;
	if (file_read(file, OPML_FILE_LIMIT, &data, &len, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	struct feedlist in = FEEDLIST_INIT, have = FEEDLIST_INIT;
	struct opml_stats stats;
	char **links = NULL;
	struct refresh_state *st = NULL;
	int rc = CLI_FAIL;
	if (opml_parse(data, len, &in, &links, &stats, err, sizeof err)) {
		say(stderr, "dateline: %s: ", file);
		say(stderr, "%s\n", err);
		goto out;
	}
	if (feedlist_path(path, sizeof path, err, sizeof err) || feedlist_load(path, &have, err, sizeof err) ||
	    refresh_state_path(spath, sizeof spath, err, sizeof err) ||
	    refresh_state_open(spath, &st, err, sizeof err)) {
		cli_error("%s", err);
		goto out;
	}
	/* Keep only what is new, so importing twice changes nothing. */
	size_t k = 0, dup = 0;
	for (size_t i = 0; i < in.n; i++) {
		if (feedlist_find(&have, in.entries[i].url) >= 0) {
			dup++;
			continue;
		}
		if (links[i] && refresh_state_set_link(st, in.entries[i].url, links[i])) {
			cli_error("out of memory");
			goto out;
		}
		struct feedlist_entry t = in.entries[k];
		in.entries[k++] = in.entries[i];
		in.entries[i] = t;
	}
	if ((k && feedlist_update_file(path, in.entries, k, NULL, 0, err, sizeof err)) ||
	    (k && refresh_state_save(st, err, sizeof err))) {
		cli_error("%s", err);
		goto out;
	}
	printf("imported %zu feed%s", k, k == 1 ? "" : "s");
	if (dup)
		printf(", %zu already subscribed", dup);
	if (stats.skipped) {
		printf(", %zu skipped (only http and https URLs: ", stats.skipped);
		say(stdout, "%s)", stats.first_skip);
	}
	printf("\n");
	rc = CLI_OK;
out:
	opml_free_links(links, in.n);
	feedlist_free(&in);
	feedlist_free(&have);
	refresh_state_free(st);
	free(data);
	return rc;
}

static const char *state_link(void *ctx, const char *url)
{
	return ctx ? refresh_state_link(ctx, url) : NULL;
}

static const struct cli_cmd export_opml_cmd = {.name = "export", .usage = "usage: dateline export > FILE.opml"};

int cmd_export(int argc, char **argv)
{
	int ind, c = cli_opts_all(&export_opml_cmd, argc, argv, &ind);
	if (c < 0)
		return cli_opts_status(c);
	if (ind < argc)
		return cli_opts_usage_error(&export_opml_cmd, "no arguments wanted");
	char path[4096], spath[4096], err[512];
	struct feedlist fl = FEEDLIST_INIT;
	struct refresh_state *st = NULL;
	if (cli_feeds_load(path, sizeof path, &fl))
		return CLI_FAIL;
	/* Site URLs are a nicety: without the state file the export still works. */
	if (refresh_state_path(spath, sizeof spath, err, sizeof err) == 0)
		refresh_state_open(spath, &st, err, sizeof err);
	char *xml = opml_format(&fl, "dateline subscriptions", state_link, st);
	int rc = CLI_OK;
	if (!xml) {
		cli_error("out of memory");
		rc = CLI_FAIL;
	} else if (fputs(xml, stdout) == EOF || fflush(stdout)) {
		cli_error("writing the output failed");
		rc = CLI_FAIL;
	}
	free(xml);
	refresh_state_free(st);
	feedlist_free(&fl);
	return rc;
}

static const struct cli_cmd feeds_cmd = {.name = "feeds", .usage = "usage: dateline feeds   (the subscriptions, one a line)"};

int cmd_feeds(int argc, char **argv)
{
	int ind, c = cli_opts_all(&feeds_cmd, argc, argv, &ind);
	if (c < 0)
		return cli_opts_status(c);
	if (ind < argc)
		return cli_opts_usage_error(&feeds_cmd, "no arguments wanted");
	char path[4096];
	struct feedlist fl = FEEDLIST_INIT;
	if (cli_feeds_load(path, sizeof path, &fl))
		return CLI_FAIL;
	for (size_t i = 0; i < fl.n; i++) {
		char *line = feedlist_format_entry(&fl.entries[i]);
		say(stdout, "%s\n", line ? line : fl.entries[i].url);
		free(line);
	}
	if (!fl.n)
		printf("no feeds yet: add one with 'dateline add URL' (%s)\n", path);
	feedlist_free(&fl);
	return CLI_OK;
}
