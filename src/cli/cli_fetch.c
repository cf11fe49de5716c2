/* cli_fetch.c: one URL fetched for a command (show, feed, add), with the settings from the environment. */
#include "cli.h"
#include "net.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_fetch_opts(struct fetch_opts *o)
{
	char err[256];
	fetch_opts_default(o);
	if (fetch_opts_from_env(o, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_USAGE;
	}
	return CLI_OK;
}

int cli_fetch(const char *url, size_t limit, const char *accept, char **data, size_t *len, char **content_type,
              char **final_url)
{
	struct fetch_opts o;
	int rc = cli_fetch_opts(&o);
	if (rc)
		return rc;
	if (limit && limit < o.max_bytes)
		o.max_bytes = limit;
	char err[256];
	struct fetch_result *r = NULL;
	if (fetch_url(url, accept, &o, &r, err, sizeof err)) {
		cli_error("%s", err);
		return CLI_FAIL;
	}
	if (r->status != FETCH_OK) {
		/* curl's words may quote the server (names, certificate subjects). */
		char *u = sanitize_str(url, 0);
		char *e = sanitize_str(r->status == FETCH_NOT_MODIFIED ? "HTTP 304 without a cached copy" : r->error, 0);
		cli_error("%s: %s", u ? u : "", e ? e : "");
		free(u);
		free(e);
		fetch_result_free(r);
		return CLI_FAIL;
	}
	*data = r->body;
	*len = r->body_len;
	*content_type = r->content_type;
	*final_url = r->final_url;
	r->body = r->content_type = r->final_url = NULL;
	fetch_result_free(r);
	return CLI_OK;
}
