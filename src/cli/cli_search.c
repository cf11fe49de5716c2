/* cli_search.c: `dateline search` over articles and `dateline quotes` over every quotation. */
#include "cli.h"
#include "cli_opts.h"
#include "cli_store.h"
#include "base.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Prints a snippet whose matches sit between \x02 and \x03: bold on a colour terminal, plain otherwise. */
static void put_snippet(const char *snip, int bold)
{
	const char *p = snip;
	while (*p) {
		size_t n = strcspn(p, "\x02\x03");
		char *t = sanitize_text(p, n, 0);
		if (t)
			fputs(t, stdout);
		free(t);
		p += n;
		if (*p) {
			if (bold)
				fputs(*p == '\x02' ? "\033[1m" : "\033[0m", stdout);
			p++;
		}
	}
}

/* The snippet without its markers, for JSON. */
static char *plain_snippet(const char *snip)
{
	char *r = strdup(snip ? snip : "");
	if (!r)
		return NULL;
	char *w = r;
	for (const char *p = r; *p; p++)
		if (*p != '\x02' && *p != '\x03')
			*w++ = *p;
	*w = '\0';
	return r;
}

static void put(const char *s)
{
	char *t = sanitize_str(s, 0);
	if (t)
		fputs(t, stdout);
	free(t);
}

static int use_bold(void)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(STDOUT_FILENO) && !(nc && *nc);
}

static const struct cli_opt search_opts[] = {
	{.name = "rank", .val = 'r', .help = "best matches first (else newest first)"},
	{.name = "limit", .arg = "N", .val = 'l', .help = "at most N matches (default 20)"},
	CLI_OPT_JSON_ENTRY,
	CLI_OPT_DB_ENTRY,
	{0},
};
static const struct cli_cmd search_cmd = {
	.name = "search",
	.usage = "usage: dateline search [--rank] [--limit N] [--json] [--db PATH] QUERY",
	.opts = search_opts,
};

int cmd_search(int argc, char **argv)
{
	const char *db = NULL, *query = NULL;
	int json = 0, rank = 0;
	size_t limit = 20;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &search_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		if (c == 'l') {
			char *end;
			long long v = strtoll(p.arg, &end, 10);
			if (*end || v <= 0) {
				cli_error("--limit wants a positive number");
				return CLI_USAGE;
			}
			limit = (size_t)v;
		} else if (c == 'r') {
			rank = 1;
		} else {
			cli_opts_store(c, p.arg, &db, &json);
		}
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc - 1)
		return cli_opts_usage_error(&search_cmd, "one query at a time (quote it: dateline search 'a b')");
	if (p.ind < argc)
		query = argv[p.ind];
	if (!query || !*query) {
		cli_error("nothing to search for; %s", search_cmd.usage);
		return CLI_USAGE;
	}
	struct store *s;
	if (cli_store_open(db, 1, &s))
		return CLI_FAIL;
	char err[1024];
	struct store_hit *h = NULL;
	size_t n = 0;
	/* one more than shown tells whether the list was cut, so the user is told */
	int failed = rank ? store_search_ranked(s, query, limit + 1, &h, &n, err, sizeof err)
	                  : store_search(s, query, limit + 1, &h, &n, err, sizeof err);
	if (failed) {
		cli_error("%s", err);
		store_close(s);
		return CLI_FAIL;
	}
	size_t got = n; /* what to free */
	int cut = n > limit;
	if (cut)
		n = limit;
	int rc = CLI_OK, bold = use_bold();
	if (json) {
		json_object *arr = json_object_new_array();
		for (size_t i = 0; arr && i < n; i++) {
			json_object *o = json_object_new_object();
			char day[11], *sn = plain_snippet(h[i].snippet);
			cli_day(h[i].date, day);
			json_object_object_add(o, "id", json_object_new_int64(h[i].item_id));
			json_object_object_add(o, "title", cli_json_str(h[i].title));
			json_object_object_add(o, "feed", cli_json_str(h[i].feed_title));
			json_object_object_add(o, "published", cli_json_str(h[i].published));
			json_object_object_add(o, "date", json_object_new_string(day));
			json_object_object_add(o, "snippet", cli_json_str(sn));
			free(sn);
			json_object_array_add(arr, o);
		}
		rc = arr ? cli_json_print(arr) : CLI_FAIL;
	} else {
		for (size_t i = 0; i < n; i++) {
			char day[11];
			cli_day(h[i].date, day);
			printf("%6lld  %s  ", h[i].item_id, day);
			put(h[i].title ? h[i].title : "(untitled)");
			if (h[i].feed_title) {
				fputs("  — ", stdout);
				put(h[i].feed_title);
			}
			fputs("\n        ", stdout);
			put_snippet(h[i].snippet ? h[i].snippet : "", bold);
			putchar('\n');
		}
		if (!n)
			cli_error("nothing matches '%s'", query);
	}
	if (cut)
		cli_error("showing the first %zu matches; more match (--limit N shows more)", limit);
	store_hits_free(h, got);
	store_close(s);
	return cli_flush(rc);
}

static const struct cli_opt quotes_opts[] = {
	{.name = "speaker", .arg = "NAME", .val = 's', .help = "quotes by this speaker", .hint = "a speaker's name: --speaker Peskov"},
	{.name = "since", .arg = "DATE", .val = 'd', .help = "a date (2025-03-17) or an age (7d, 2w, 1m, 1y)", .hint = "a date or an age: --since 7d"},
	{.name = "limit", .arg = "N", .val = 'l', .help = "at most N quotes (default 50, 0 for all)", .hint = "a number, 0 for all"},
	{.name = "prefix", .val = 'p', .help = "QUERY matches the start of words"},
	CLI_OPT_JSON_ENTRY,
	CLI_OPT_DB_ENTRY,
	{0},
};
static const struct cli_cmd quotes_cmd = {
	.name = "quotes",
	.usage = "usage: dateline quotes [QUERY] [--speaker NAME] [--since DATE] [--limit N] [--prefix] [--json] [--db PATH]",
	.opts = quotes_opts,
	.dash_is_missing = 1, /* `quotes --speaker --json` is a forgotten name, not a speaker called --json */
};

int cmd_quotes(int argc, char **argv)
{
	const char *db = NULL;
	int json = 0;
	struct store_quote_query q = {0};
	q.limit = 50;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &quotes_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		const char *v = p.arg;
		if (c == 's') {
			q.speaker = v;
		} else if (c == 'd') {
			if (store_parse_date(v, &q.since)) {
				cli_error("--since wants a date (2025-03-17, 2025-03-17T09:00Z) or an age (7d, 2w, 1m, 1y), not '%s'", v);
				return CLI_USAGE;
			}
		} else if (c == 'l') {
			char *end;
			long long n = strtoll(v, &end, 10);
			if (*end || n < 0) {
				cli_error("--limit wants a number");
				return CLI_USAGE;
			}
			q.limit = n ? (size_t)n : (size_t)-1 / 2;
		} else if (c == 'p') {
			q.prefix = 1;
		} else {
			cli_opts_store(c, v, &db, &json);
		}
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc - 1)
		return cli_opts_usage_error(&quotes_cmd, "one query at a time (quote it)");
	if (p.ind < argc)
		q.match = argv[p.ind];
	struct store *s;
	if (cli_store_open(db, 1, &s))
		return CLI_FAIL;
	char err[1024];
	struct store_quote_hit *h;
	size_t n;
	size_t limit = q.limit;
	if (q.limit < (size_t)-1 / 2)
		q.limit++; /* one more than shown tells whether the list was cut */
	if (store_quotes_search(s, &q, &h, &n, err, sizeof err)) {
		cli_error("%s", err);
		store_close(s);
		return CLI_FAIL;
	}
	size_t got = n; /* what to free */
	int cut = n > limit;
	if (cut)
		n = limit;
	int rc = CLI_OK;
	if (json) {
		json_object *arr = json_object_new_array();
		for (size_t i = 0; arr && i < n; i++) {
			json_object *o = json_object_new_object();
			char day[11];
			cli_day(h[i].date, day);
			json_object_object_add(o, "id", json_object_new_int64(h[i].quote_id));
			json_object_object_add(o, "item", json_object_new_int64(h[i].item_id));
			json_object_object_add(o, "index", json_object_new_int(h[i].index));
			json_object_object_add(o, "text", cli_json_str(h[i].text));
			json_object_object_add(o, "speaker", cli_json_str(h[i].speaker));
			json_object_object_add(o, "cue", cli_json_str(h[i].cue));
			json_object_object_add(o, "partial", json_object_new_boolean(h[i].partial));
			json_object_object_add(o, "headline", cli_json_str(h[i].headline));
			json_object_object_add(o, "published", cli_json_str(h[i].published));
			json_object_object_add(o, "date", json_object_new_string(day));
			json_object_array_add(arr, o);
		}
		rc = arr ? cli_json_print(arr) : CLI_FAIL;
	} else {
		for (size_t i = 0; i < n; i++) {
			char day[11];
			cli_day(h[i].date, day);
			printf("%s  %6lld  ", day, h[i].item_id);
			put(h[i].speaker ? h[i].speaker : "(unattributed)");
			fputs(": \u201c", stdout);
			put(h[i].text);
			fputs(h[i].partial ? "\u201d (partial)" : "\u201d", stdout);
			if (h[i].headline) {
				fputs("  — ", stdout);
				put(h[i].headline);
			}
			putchar('\n');
		}
		if (!n)
			fprintf(stderr, "dateline: no quotation matches\n");
	}
	if (cut)
		cli_error("showing the first %zu quotations; more match (--limit N shows more, --limit 0 all)", limit);
	store_quote_hits_free(h, got);
	store_close(s);
	return cli_flush(rc);
}
