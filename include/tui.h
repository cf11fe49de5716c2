/*
 * tui.h: the public interface of src/tui/: the ncurses interface.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_TUI_H
#define DATELINE_TUI_H

#include <stddef.h>

/*
 * tui.h: the ncurses interface. The only module that draws on the terminal;
 * it never calls curl or libxml2 itself.
 *
 * Files: tui.c (application state, main loop, prompt, help, status line),
 * tui_reader.c / tui_layout.c / tui_panel.c (reader, layout, entity panel,
 * quotes view: tui_reader.h), tui_theme.c (tui_theme.h), tui_keys.c
 * (tui_keys.h), tui_draw.c (width-aware drawing), tui_open.c (browser),
 * tui_feeds.c / tui_lists.c / tui_qsearch.c (Feeds, Articles, quote search),
 * tui_marks.c (read state over many articles, unsubscribing), tui_query.c
 * (query feeds, killfile), tui_dates.c (local dates), tui_jobs.c (children).
 */
struct article;
struct config;

/*
 * Shows arts[0..n) one at a time in the reader until the user quits. Reads
 * the config file (config_load()) and the theme it names. Borrows the
 * articles (the caller still owns and frees them). Returns 0, or -1 with a
 * message in err when the terminal, the config or the theme cannot be used.
 */
int tui_read(struct article **arts, size_t n, char *err, size_t errlen);

struct store;
/*
 * Opens the Feeds screen on the store st (borrowed) until the user quits.
 * self is the path of this program (argv[0]), run as `self refresh` in the
 * background for r / R and `self save URL` for f. 0, or -1 with err.
 */
int tui_browse(struct store *st, const char *self, char *err, size_t errlen);

/* 1 when s starts with http:// or https:// (any case). */
int tui_is_web_url(const char *s);

/*
 * Opens url (http or https only) with the configured browser command, else
 * $BROWSER (its first ':'-separated entry), else xdg-open. The command is
 * split at spaces into words; a word "%u" is replaced by the URL, otherwise
 * the URL is added as the last argument. Runs it with fork + execvp, never a
 * shell, with the terminal handed over until it exits. 0, or -1 with err set.
 */
int tui_open_url(const struct config *cfg, const char *url, char *err, size_t errlen);

/*
 * Splits cmd into at most cap-1 words in argv (pointing into buf, a copy of
 * cmd of bufcap bytes) with url as one word, NULL-terminated. Returns the
 * word count, or -1 when cmd is empty or too long. Exposed for tests.
 */
int tui_browser_argv(const char *cmd, const char *url, char *buf, size_t bufcap, char **argv, size_t cap);

#endif
