/*
 * cli_opts.h: each command's options as one table, read with getopt_long.
 * A command declares a struct cli_cmd (its usage line and options) and runs
 *
 *	struct cli_parse p;
 *	int c;
 *	cli_opts_start(&p, &cmd, argc, argv);
 *	while ((c = cli_opts_next(&p)) > 0)
 *		switch (c) { case 'f': ... p.arg ... }
 *	if (c < 0)
 *		return cli_opts_status(c);
 *	... the positional arguments are argv[p.ind] to argv[argc - 1], in order.
 *
 * --help and -h are every command's: the usage and the options go to stdout.
 */
#ifndef DATELINE_CLI_OPTS_H
#define DATELINE_CLI_OPTS_H

#include <stdio.h>

/* What cli_opts_next() returns besides an option's val. */
enum cli_opts_result {
	CLI_OPTS_END = 0,    /* no more options: the positional arguments start at p.ind */
	CLI_OPTS_ERROR = -1, /* a usage error, said on stderr */
	CLI_OPTS_HELP = -2,  /* --help was printed */
};

/* The options every store command takes, as vals above any character. */
enum { CLI_OPT_JSON = 256, CLI_OPT_DB, CLI_OPT_FIRST_FREE };

struct cli_opt {
	const char *name;  /* the long name without "--" */
	const char *arg;   /* the value's name in --help (NAME), or NULL for a flag */
	int val;           /* what cli_opts_next() returns for it (> 0) */
	int short_too;     /* 1: -val (a character) is accepted too */
	const char *help;  /* one line for --help */
	const char *hint;  /* what a missing value should be, or NULL */
};

#define CLI_OPT_JSON_ENTRY {.name = "json", .val = CLI_OPT_JSON, .help = "the output as JSON"}
#define CLI_OPT_DB_ENTRY \
	{.name = "db", .arg = "PATH", .val = CLI_OPT_DB, .help = "the store to use (default $DATELINE_DB)", .hint = "a path"}

/* Takes CLI_OPT_JSON (sets *json) and CLI_OPT_DB (sets *db to arg); any other c is left alone. */
void cli_opts_store(int c, const char *arg, const char **db, int *json);

struct cli_cmd {
	const char *name;           /* the command as typed */
	const char *usage;          /* "usage: dateline NAME ...", one or more lines */
	const struct cli_opt *opts; /* ended by an entry with a NULL name */
	int dash_is_missing;        /* 1: a value starting with '-' counts as missing (it is the next option) */
};

/* The state of one parse (getopt_long's own state is global: one parse at a time). */
struct cli_parse {
	const struct cli_cmd *cmd;
	int argc;
	char **argv;
	char *arg; /* the value of the option just returned */
	int ind;         /* after CLI_OPTS_END: the first positional argument */
};

/* Starts parsing argv (argv[0] is the command name); resets getopt for a fresh parse. */
void cli_opts_start(struct cli_parse *p, const struct cli_cmd *cmd, int argc, char **argv);
/* The next option's val (its value in p->arg), or a cli_opts_result. argv may be reordered. */
int cli_opts_next(struct cli_parse *p);
/* For a command with no options but --help: CLI_OPTS_END with *ind the first positional argument, or a negative result. */
int cli_opts_all(const struct cli_cmd *cmd, int argc, char **argv, int *ind);
/* The exit status for a negative cli_opts_next() result: CLI_OK after --help, else CLI_USAGE. */
int cli_opts_status(int result);
/* Prints the command's usage and options to f. */
void cli_opts_help(const struct cli_cmd *cmd, FILE *f);
/* Says "dateline: WHAT; usage..." on stderr and returns CLI_USAGE. */
int cli_opts_usage_error(const struct cli_cmd *cmd, const char *what);

#endif
