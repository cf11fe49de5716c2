/* cli_show.c: `dateline show`, one article printed as text, body or JSON. */
#include "cli.h"
#include "cli_opts.h"
#include "analysis.h"
#include "model.h"
#include "base.h"
#include "pipeline.h"
#include "output.h"
#include "store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/*
 * Every error line goes out through the sanitiser: messages quote file names,
 * option values and config values, any of which may carry escape sequences.
 */
void cli_error(const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *line = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (line)
		vsnprintf(line, (size_t)n + 1, fmt, again);
	va_end(again);
	char *clean = line ? sanitize_text(line, (size_t)n, 0) : NULL;
	fprintf(stderr, "dateline: %s\n", clean ? clean : "out of memory");
	free(clean);
	free(line);
}

int cli_flush(int rc)
{
	if (fflush(stdout) && rc == CLI_OK) {
		cli_error("writing the output failed");
		return CLI_FAIL;
	}
	return rc;
}

int cli_is_url(const char *s)
{
	return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/*
 * The copy of url in the store, when the network failed (offline reading):
 * CLI_OK with *out, or CLI_FAIL when the store has none. Never creates a store.
 */
static int load_stored(const char *url, struct article **out)
{
	char db[4096], err[512];
	struct store *st;
	long long id = 0;
	if (store_default_path(db, sizeof db, err, sizeof err) || access(db, R_OK) ||
	    store_open(db, STORE_READONLY, &st, err, sizeof err))
		return CLI_FAIL;
	int rc = CLI_FAIL;
	if (!store_item_find_link(st, url, &id, err, sizeof err) && id &&
	    !store_article_load(st, id, out, err, sizeof err)) {
		char *u = sanitize_str(url, 0);
		cli_error("offline: showing the copy of %s kept in the store (item %lld)", u ? u : "", id);
		free(u);
		rc = CLI_OK;
	}
	store_close(st);
	return rc;
}

int cli_load_article(const char *path, const char *url, const char *content_type, struct article **out)
{
	return cli_load_article_ex(path, url, content_type, 0, out);
}

int cli_load_article_ex(const char *path, const char *url, const char *content_type, int stored_ok,
                        struct article **out)
{
	char err[512];
	char *data, *fetched_ct = NULL, *final_url = NULL;
	size_t len;
	if (cli_is_url(path)) {
		int rc = cli_fetch(path, CLI_INPUT_LIMIT, NULL, &data, &len, &fetched_ct, &final_url);
		if (rc == CLI_FAIL && stored_ok && load_stored(path, out) == CLI_OK)
			return CLI_OK;
		if (rc)
			return rc;
		if (!url)
			url = final_url ? final_url : path;
		if (!content_type)
			content_type = fetched_ct;
	} else if (file_read(path, CLI_INPUT_LIMIT, &data, &len, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	struct ingest_opts o = {path, url, content_type, NULL};
	int rc = ingest_article(data, len, &o, out, err, sizeof err);
	free(data);
	free(fetched_ct);
	free(final_url);
	if (rc) {
		cli_error("%s: %s", strcmp(path, "-") ? path : "standard input", err);
		return CLI_FAIL;
	}
	char note[200];
	if (analysis_limit_note(*out, note, sizeof note)) /* the article is shown; the user learns what was cut */
		cli_error("%s: %s", strcmp(path, "-") ? path : "standard input", note);
	return CLI_OK;
}

static const struct cli_opt show_opts[] = {
	{.name = "format", .arg = "FMT", .val = 'f', .help = "text (the default), json or body"},
	{.name = "json", .val = 'j', .help = "the same as --format json"},
	{.name = "url", .arg = "URL", .val = 'u', .help = "the article's address, when read from a file"},
	{.name = "content-type", .arg = "CT", .val = 'c', .help = "the input's type (text/html, text/plain ...)"},
	{0},
};
static const struct cli_cmd show_cmd = {
	.name = "show",
	.usage = "usage: dateline show [--format text|json|body] [--json] [--url URL] [--content-type CT] FILE|URL|-",
	.opts = show_opts,
};

int cmd_show(int argc, char **argv)
{
	const char *format = "text", *url = NULL, *ct = NULL, *path = NULL;
	struct cli_parse p;
	int c;
	cli_opts_start(&p, &show_cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0) {
		switch (c) {
		case 'j': format = "json"; break;
		case 'f': format = p.arg; break;
		case 'u': url = p.arg; break;
		case 'c': ct = p.arg; break;
		}
	}
	if (c < 0)
		return cli_opts_status(c);
	if (p.ind < argc - 1)
		return cli_opts_usage_error(&show_cmd, "one article at a time");
	if (p.ind < argc)
		path = argv[p.ind];
	if (!path) {
		cli_error("no article given; %s", show_cmd.usage);
		return CLI_USAGE;
	}
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "body")) {
		cli_error("unknown format '%s' (text, json or body)", format);
		return CLI_USAGE;
	}
	struct article *art;
	int rc = cli_load_article_ex(path, url, ct, 1, &art);
	if (rc)
		return rc;
	if (!strcmp(format, "json")) {
		char *j = article_to_json(art, 0);
		if (!j) {
			cli_error("out of memory");
			rc = CLI_FAIL;
		} else {
			puts(j);
			free(j);
		}
	} else if (!strcmp(format, "body")) {
		rc = article_print_body(stdout, art) ? CLI_FAIL : CLI_OK;
	} else {
		rc = article_print_text(stdout, art) ? CLI_FAIL : CLI_OK;
	}
	article_free(art);
	return cli_flush(rc);
}
