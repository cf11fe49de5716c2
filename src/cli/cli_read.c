/* cli_read.c: `dateline FILE...`, `dateline read`, `dateline --demo`: articles in the reader. */
#include "cli.h"
#include "cli_opts.h"
#include "base.h"
#include "model.h"
#include "tui.h"
#include "cli_store.h"
#include "store.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Where the bundled samples are: $DATELINE_SAMPLES, ./samples, or the installed copy. */
static const char *samples_dir(char *buf, size_t n)
{
	const char *env = getenv("DATELINE_SAMPLES");
	if (env && *env)
		return env;
	if (access("samples/articles", R_OK) == 0)
		return "samples/articles";
	snprintf(buf, n, "%s/samples/articles", appdirs_installed());
	return buf;
}

/* Paths of the sample articles, sorted; NULL with *n = 0 when there are none. */
static char **sample_paths(size_t *n)
{
	char buf[4096];
	const char *dir = samples_dir(buf, sizeof buf);
	DIR *d = opendir(dir);
	char **v = NULL;
	size_t cap = 0;
	*n = 0;
	if (!d) {
		cli_error("%s: no sample articles there (set DATELINE_SAMPLES)", dir);
		return NULL;
	}
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt"))
			continue;
		int grown = !array_grow((void **)&v, &cap, *n + 1, sizeof *v);
		char *p = malloc(strlen(dir) + len + 2);
		if (!grown || !p) {
			free(p);
			break;
		}
		sprintf(p, "%s/%s", dir, e->d_name);
		v[(*n)++] = p;
	}
	closedir(d);
	if (v)
		qsort(v, *n, sizeof *v, by_name);
	return v;
}

static const struct cli_cmd read_cmd = {
	.name = "read",
	.usage = "usage: dateline read FILE|URL|-...   (the articles in the reader; `dateline --demo`: the samples)",
};

int cmd_read(int argc, char **argv)
{
	int demo = !strcmp(argv[0], "--demo");
	int ind, c = cli_opts_all(&read_cmd, argc, argv, &ind);
	if (c < 0)
		return cli_opts_status(c);
	size_t n = 0;
	char **paths = NULL;
	if (demo) {
		paths = sample_paths(&n);
		if (!n)
			return CLI_FAIL;
	} else if (ind == argc) {
		return cli_opts_usage_error(&read_cmd, "no article given");
	}
	size_t count = demo ? n : (size_t)(argc - ind);
	struct article **arts = calloc(count ? count : 1, sizeof *arts);
	int rc = arts ? CLI_OK : CLI_FAIL;
	size_t loaded = 0;
	for (size_t i = 0; i < count && arts; i++) {
		const char *p = demo ? paths[i] : argv[ind + (int)i];
		if (cli_load_article_ex(p, NULL, NULL, 1, &arts[loaded]) == CLI_OK)
			loaded++;
		else
			rc = CLI_FAIL;
	}
	if (loaded) {
		char err[256];
		if (tui_read(arts, loaded, err, sizeof err)) {
			cli_error("%s", err);
			rc = CLI_FAIL;
		}
	}
	for (size_t i = 0; i < loaded; i++)
		article_free(arts[i]);
	free(arts);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return rc;
}

int cmd_browse(int argc, char **argv)
{
	(void)argc;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return CLI_USAGE;
	struct store *s;
	if (cli_store_open(NULL, 0, &s))
		return CLI_FAIL;
	char err[512];
	int rc = tui_browse(s, argv[0], err, sizeof err) ? CLI_FAIL : CLI_OK;
	store_close(s);
	if (rc)
		cli_error("%s", err);
	return rc;
}
