/* cli_remove.c: `dateline remove FEED`: unsubscribing, from the feeds file and the store. */
#include "cli.h"
#include "cli_opts.h"
#include "cli_store.h"
#include "subs.h"
#include "base.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct cli_cmd remove_cmd = {
	.name = "remove",
	.usage = "usage: dateline remove FEED   (its URL, title or id, as `dateline status` shows)",
};

/* The feeds file's entry named key (URL or title, any case), or -1. */
static long find_entry(const struct feedlist *fl, const char *key)
{
	long i = feedlist_find(fl, key);
	for (size_t k = 0; i < 0 && k < fl->n; k++)
		if (fl->entries[k].title && !strcasecmp(fl->entries[k].title, key))
			i = (long)k;
	return i;
}

int cmd_remove(int argc, char **argv)
{
	int ind, c = cli_opts_all(&remove_cmd, argc, argv, &ind);
	if (c < 0)
		return cli_opts_status(c);
	if (ind != argc - 1)
		return cli_opts_usage_error(&remove_cmd, ind < argc ? "one feed at a time" : "which feed?");
	const char *key = argv[ind];
	char path[4096], err[512];
	struct feedlist fl = FEEDLIST_INIT;
	if (cli_feeds_load(path, sizeof path, &fl))
		return CLI_FAIL;
	struct store *st;
	if (cli_store_open(NULL, 0, &st)) {
		feedlist_free(&fl);
		return CLI_FAIL;
	}
	int rc = CLI_OK;
	long entry = find_entry(&fl, key);
	long long id = 0;
	struct store_feed sf = {0};
	/* the store knows the feed by id, URL or title; the file by URL or title */
	if (store_feed_find(st, entry >= 0 ? fl.entries[entry].url : key, &id, err, sizeof err) ||
	    (!id && entry >= 0 && store_feed_find(st, key, &id, err, sizeof err)) ||
	    (id && store_feed_get(st, id, &sf, err, sizeof err))) {
		cli_error("%s", err);
		rc = CLI_FAIL;
		goto out;
	}
	if (entry < 0 && id)
		entry = feedlist_find(&fl, sf.url);
	if (entry < 0 && !id) {
		char *k = sanitize_str(key, 0);
		cli_error("no feed is '%s' (dateline status lists them)", k ? k : "?");
		free(k);
		rc = CLI_FAIL;
		goto out;
	}
	if (entry >= 0) {
		const char *renames[2] = {fl.entries[entry].url, NULL};
		if (feedlist_update_file(path, NULL, 0, renames, 1, err, sizeof err)) {
			cli_error("%s", err);
			rc = CLI_FAIL;
			goto out;
		}
	}
	long long kept = 0;
	if (id && store_feed_remove(st, id, &kept, err, sizeof err)) {
		cli_error("%s", err);
		rc = CLI_FAIL;
		goto out;
	}
	const char *name = id ? (sf.title && *sf.title ? sf.title : sf.url)
	                      : fl.entries[entry].title ? fl.entries[entry].title : fl.entries[entry].url;
	char *n = sanitize_str(name, 0);
	printf("removed %s", n ? n : "the feed");
	if (kept)
		printf(" (%lld saved or starred article%s kept)", kept, kept == 1 ? "" : "s");
	putchar('\n');
	free(n);
out:
	store_feed_clear(&sf);
	store_close(st);
	feedlist_free(&fl);
	return rc;
}
