/*
 * cli_store.h: what the store commands (cli_store.c, cli_search.c,
 * cli_export.c) share: opening the store the user chose, JSON strings and
 * dates for output.
 */
#ifndef DATELINE_CLI_STORE_H
#define DATELINE_CLI_STORE_H

#include <json-c/json.h>
#include <stddef.h>

struct store;

/*
 * Opens the store at db (--db), else $DATELINE_DB, else the default path,
 * read-only when asked. Prints the error and returns CLI_FAIL, or CLI_OK with
 * *out set (close it with store_close()).
 */
int cli_store_open(const char *db, int readonly, struct store **out);
/* A JSON string of s (invalid UTF-8 repaired), or NULL (JSON null) for NULL. */
json_object *cli_json_str(const char *s);
/* Writes the unix time t as "YYYY-MM-DD" (UTC) into out (11 bytes). */
void cli_day(long long t, char out[11]);
/* Prints a json-c value on one line and frees it. CLI_OK, or CLI_FAIL on a write error. */
int cli_json_print(json_object *o);

#endif
