/*
 * cli.h: the command-line commands. Each takes the arguments after its name
 * (argv[0] is the command name) and returns the process exit status:
 * 0 success, 1 failure (message on stderr), 2 usage error (one line).
 */
#ifndef DATELINE_CLI_H
#define DATELINE_CLI_H

#include <stddef.h>

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* Largest article or page read from a file or standard input. */
#define CLI_INPUT_LIMIT ((size_t)64 << 20)

int cmd_show(int argc, char **argv);
/* Prints one feed as a readable list or, with --json, as the feed JSON. */
int cmd_feed(int argc, char **argv);
/* Opens the reader on files (or the bundled samples with --demo). */
int cmd_read(int argc, char **argv);
/* Subscriptions and refresh (cli_feeds.c, cli_refresh.c). */
int cmd_add(int argc, char **argv);
int cmd_import(int argc, char **argv);
/* Unsubscribes: the feeds file's line and the store's feed go, saved and starred articles stay (cli_remove.c). */
int cmd_remove(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_feeds(int argc, char **argv);
int cmd_refresh(int argc, char **argv);
/* The config's source (cli_sync.c): 1 for an aggregator, 0 for the feeds file, -1 (said) when unreadable. */
struct source_config;
struct fetch_opts;
int cli_source(struct source_config *cfg);
/* `dateline refresh` from the aggregator of cfg: a CLI_* status. */
int cli_refresh_aggregator(const struct source_config *cfg, const struct fetch_opts *fo, int quiet, int verbose,
                           int progress);
/* `dateline` alone: the Feeds screen on the store; CLI_USAGE when not on a terminal. */
int cmd_browse(int argc, char **argv);
/* The store's commands (cli_store.c, cli_search.c, cli_export.c, cli_status.c). */
int cmd_list(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_export_article(int argc, char **argv);
/* `export` with an article ID is cmd_export_article(), without one the OPML cmd_export(). */
int cmd_export_any(int argc, char **argv);
int cmd_mark(int argc, char **argv);
int cmd_save(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_purge(int argc, char **argv);
int cmd_import_feed(int argc, char **argv);

/* Prints "dateline: " and the formatted message to stderr. */
void cli_error(const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* Flushes stdout: rc, or CLI_FAIL (said) when rc was CLI_OK and the output could not be written. */
int cli_flush(int rc);
/* 1 when s starts with http:// or https:// (any case). */
int cli_is_url(const char *s);

/* Loads the feeds file into fl (its path into path[n]); on failure prints why, frees fl and returns -1. */
struct feedlist;
int cli_feeds_load(char *path, size_t n, struct feedlist *fl);
/*
 * Reads and analyses one article from path or URL. Returns 0 with *out set
 * (caller frees with article_free()) or prints the error and returns
 * CLI_FAIL.
 */
struct article;
int cli_load_article(const char *path, const char *url, const char *content_type, struct article **out);
/* The same; with stored_ok, a URL the network cannot bring is read from the store when it has a copy (said on stderr). */
int cli_load_article_ex(const char *path, const char *url, const char *content_type, int stored_ok,
                        struct article **out);

/*
 * Fetches url for a command (limit caps the body; accept is the Accept
 * header or NULL). Returns 0 with *data (NUL-terminated), *len,
 * *content_type (or NULL) and *final_url (after redirects, or NULL), all
 * malloc'd for the caller to free; or prints the error and returns CLI_FAIL
 * (CLI_USAGE for a bad DATELINE_FETCH_* variable).
 */
int cli_fetch(const char *url, size_t limit, const char *accept, char **data, size_t *len, char **content_type,
              char **final_url);
/* Fetch options: the defaults and the DATELINE_FETCH_* variables. 0, or prints why and returns CLI_USAGE. */
struct fetch_opts;
int cli_fetch_opts(struct fetch_opts *o);

#endif
