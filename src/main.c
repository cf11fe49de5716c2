/* main.c: command dispatch. Commands live in cli_*.c, one file each. */
#include "cli.h"
#include "version.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

struct command {
	const char *name;               /* as typed */
	int (*run)(int argc, char **argv);
	const char *summary;            /* one line for --help */
};

static const struct command commands[] = {
	{"show", cmd_show, "show [--format text|json|body] [--json] [--url URL] [--content-type CT] FILE|URL|-"},
	{"feed", cmd_feed, "feed [--json] [--content-type CT] FILE|URL|-   print a feed (RSS, Atom, JSON Feed)"},
	{"read", cmd_read, "read FILE...            open articles in the reader"},
	{"add", cmd_add, "add [--title T] [--tag T]... URL   subscribe (a web page: its feed is found)"},
	{"feeds", cmd_feeds, "feeds                   list the subscriptions"},
	{"refresh", cmd_refresh, "refresh [--jobs N] [--timeout S]   fetch every subscribed feed"},
	{"import", cmd_import, "import FILE.opml        subscribe to the feeds of an OPML file"},
	{"export", cmd_export, "export > FILE.opml      write the subscriptions as OPML"},
};

static void usage(FILE *f)
{
	fprintf(f, "dateline %s, a terminal news reader\n\n"
	           "usage: dateline [--demo | FILE|URL]\n"
	           "       dateline COMMAND [ARGS]\n\ncommands:\n", DATELINE_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %s\n", commands[i].summary);
	fprintf(f, "\noptions:\n  --help     this text\n  --version  the version\n"
	           "  --demo     open the bundled sample articles\n");
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	const char *c = argv[1];
	if (!strcmp(c, "--help") || !strcmp(c, "-h") || !strcmp(c, "help")) {
		usage(stdout);
		return CLI_OK;
	}
	if (!strcmp(c, "--version") || !strcmp(c, "-V")) {
		printf("dateline %s\n", DATELINE_VERSION);
		return CLI_OK;
	}
	if (!strcmp(c, "--demo"))
		return cmd_read(argc - 1, argv + 1);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(c, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	if (c[0] == '-' && c[1]) {
		cli_error("unknown option %s (try dateline --help)", c);
		return CLI_USAGE;
	}
	if (strchr(c, '/') || strchr(c, '.') || cli_is_url(c) || !strcmp(c, "-"))
		return cmd_read(argc, argv); /* dateline FILE */
	cli_error("unknown command '%s' (try dateline --help)", c);
	return CLI_USAGE;
}
