/* cli_opts.c: one command's option table read with getopt_long (see cli_opts.h). */
#include "cli_opts.h"
#include "cli.h"

#include <getopt.h>
#include <string.h>

/* Enough for the longest table; a longer one fails loudly in cli_opts_next(). */
#define CLI_OPTS_MAX 24

static const struct cli_opt help_opt = {.name = "help", .val = 'h', .short_too = 1, .help = "this text"};

void cli_opts_start(struct cli_parse *p, const struct cli_cmd *cmd, int argc, char **argv)
{
	p->cmd = cmd;
	p->argc = argc;
	p->argv = argv;
	p->arg = NULL;
	p->ind = 1;
	optind = 0; /* glibc: 0 re-initialises fully, so a second parse in one process starts afresh */
	opterr = 0; /* the messages are ours: they name the command and its usage */
}

static const struct cli_opt *find_val(const struct cli_cmd *cmd, int val)
{
	for (const struct cli_opt *o = cmd->opts; o && o->name; o++)
		if (o->val == val)
			return o;
	return val == 'h' ? &help_opt : NULL;
}

int cli_opts_usage_error(const struct cli_cmd *cmd, const char *what)
{
	cli_error("%s; %s", what, cmd->usage);
	return CLI_USAGE;
}

static int missing_value(const struct cli_parse *p, const struct cli_opt *o, const char *typed)
{
	char what[256];
	if (!o)
		snprintf(what, sizeof what, "%.200s needs a value", typed);
	else
		snprintf(what, sizeof what, "--%s needs a value%s%s%s", o->name, o->hint ? " (" : "", o->hint ? o->hint : "",
		         o->hint ? ")" : "");
	cli_opts_usage_error(p->cmd, what);
	return CLI_OPTS_ERROR;
}

int cli_opts_next(struct cli_parse *p)
{
	struct option lo[CLI_OPTS_MAX + 2];
	char shorts[2 * CLI_OPTS_MAX + 8] = ":h"; /* ':' first: a missing value is told from an unknown option */
	size_t n = 0, ns = 2;
	for (const struct cli_opt *o = p->cmd->opts; o && o->name; o++) {
		if (n == CLI_OPTS_MAX) {
			cli_error("%s: too many options for the parser", p->cmd->name);
			return CLI_OPTS_ERROR;
		}
		lo[n++] = (struct option){.name = o->name, .has_arg = o->arg ? required_argument : no_argument, .val = o->val};
		if (o->short_too) {
			shorts[ns++] = (char)o->val;
			if (o->arg)
				shorts[ns++] = ':';
		}
	}
	lo[n++] = (struct option){.name = help_opt.name, .has_arg = no_argument, .val = help_opt.val};
	lo[n] = (struct option){0};
	shorts[ns] = '\0';

	int c = getopt_long(p->argc, p->argv, shorts, lo, NULL);
	p->arg = optarg;
	p->ind = optind;
	if (c == -1)
		return CLI_OPTS_END;
	const char *typed = optind > 0 && optind <= p->argc ? p->argv[optind - 1] : "?";
	if (c == ':')
		return missing_value(p, find_val(p->cmd, optopt), typed);
	if (c == '?') {
		char what[300];
		const struct cli_opt *o = optopt ? find_val(p->cmd, optopt) : NULL;
		/* getopt tells a short option by optopt alone; typed may still be the previous argument */
		if (o && !strncmp(typed, "--", 2) && strchr(typed, '=')) /* --flag=value */
			snprintf(what, sizeof what, "--%s takes no value", o->name);
		else if (optopt)
			snprintf(what, sizeof what, "unknown option -%c", optopt > 32 && optopt < 127 ? optopt : '?');
		else
			snprintf(what, sizeof what, "unknown option %.200s", typed);
		cli_opts_usage_error(p->cmd, what);
		return CLI_OPTS_ERROR;
	}
	if (c == 'h') {
		cli_opts_help(p->cmd, stdout);
		return CLI_OPTS_HELP;
	}
	const struct cli_opt *o = find_val(p->cmd, c);
	if (o && o->arg && p->cmd->dash_is_missing && optarg[0] == '-' && optarg[1])
		return missing_value(p, o, typed);
	return c;
}

int cli_opts_status(int result)
{
	return result == CLI_OPTS_HELP ? CLI_OK : CLI_USAGE;
}

static void help_line(const struct cli_opt *o, FILE *f)
{
	char left[64];
	const char *sp = o->arg ? " " : "", *arg = o->arg ? o->arg : "";
	if (o->short_too)
		snprintf(left, sizeof left, "-%c, --%s%s%s", o->val, o->name, sp, arg);
	else
		snprintf(left, sizeof left, "    --%s%s%s", o->name, sp, arg);
	fprintf(f, "  %-26s %s\n", left, o->help ? o->help : "");
}

void cli_opts_help(const struct cli_cmd *cmd, FILE *f)
{
	fprintf(f, "%s\n\noptions:\n", cmd->usage);
	for (const struct cli_opt *o = cmd->opts; o && o->name; o++)
		help_line(o, f);
	help_line(&help_opt, f);
}

int cli_opts_all(const struct cli_cmd *cmd, int argc, char **argv, int *ind)
{
	struct cli_parse p;
	int c;
	cli_opts_start(&p, cmd, argc, argv);
	while ((c = cli_opts_next(&p)) > 0)
		; /* a table with options wants its own loop */
	*ind = p.ind;
	return c;
}

void cli_opts_store(int c, const char *arg, const char **db, int *json)
{
	if (c == CLI_OPT_JSON)
		*json = 1;
	else if (c == CLI_OPT_DB)
		*db = arg;
}
