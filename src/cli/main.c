/* main.c: command dispatch. Commands live in cli_*.c, one file each. */
#include "cli.h"
#include "base.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
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
	{"remove", cmd_remove, "remove FEED             unsubscribe (saved and starred articles stay)"},
	{"feeds", cmd_feeds, "feeds                   list the subscriptions"},
	{"refresh", cmd_refresh, "refresh [--jobs N] [--timeout S]   fetch every subscribed feed"},
	{"import", cmd_import, "import FILE.opml        subscribe to the feeds of an OPML file"},
	{"export", cmd_export_any, "export > FILE.opml | export ID [--format text|markdown|json]   subscriptions or an article"},
	{"list", cmd_list, "list [--unread] [--saved] [--starred] [--feed F] [--limit N] [--json]"},
	{"search", cmd_search, "search [--rank] [--limit N] [--json] QUERY   full-text search (FTS5 syntax)"},
	{"quotes", cmd_quotes, "quotes [QUERY] [--speaker NAME] [--since DATE] [--json]"},
	{"mark", cmd_mark, "mark ID... read|unread|star|unstar|save|unsave"},
	{"save", cmd_save, "save [--json] URL|FILE...   store an article for offline reading"},
	{"status", cmd_status, "status [--json]          the feeds in the store: unread/total, last refresh, errors"},
	{"import-feed", cmd_import_feed, "import-feed [--max-items N] [--days N] FILE...   store feeds from files"},
	{"purge", cmd_purge, "purge [--days N] [--max-items N] [--save] [--feed F]   apply (and keep) retention"},
};

static void usage(FILE *f)
{
	fprintf(f, "dateline %s, a terminal news reader\n\n"
	           "usage: dateline                 the Feeds screen on the store (on a terminal)\n"
	           "       dateline [--demo | FILE|URL]\n"
	           "       dateline COMMAND [ARGS]\n\ncommands:\n", DATELINE_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %s\n", commands[i].summary);
	fprintf(f, "\noptions:\n  --help     this text (dateline COMMAND --help: the options of one)\n  --version  the version\n"
	           "  --demo     open the bundled sample articles\n"
	           "  --db PATH  the store to use (also $DATELINE_DB; default ~/.local/share/dateline/dateline.db)\n");
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2) {
		int rc = cmd_browse(argc, argv); /* the Feeds screen on the store (a terminal is needed) */
		if (rc != CLI_USAGE)
			return rc;
		usage(stderr);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--db") || !strncmp(argv[1], "--db=", 5)) { /* global --db PATH: every command's store */
		const char *db = argv[1][4] == '=' ? argv[1] + 5 : argc > 2 ? argv[2] : NULL;
		int used = argv[1][4] == '=' ? 1 : 2;
		if (!db || !*db || setenv("DATELINE_DB", db, 1)) {
			cli_error("--db needs a path");
			return CLI_USAGE;
		}
		argc -= used;
		argv += used;
		if (argc < 2) {
			int rc = cmd_browse(argc, argv);
			if (rc != CLI_USAGE)
				return rc;
			usage(stderr);
			return CLI_USAGE;
		}
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
