/*
 * tui_app.h: the interface's application state, shared by tui.c (main loop,
 * prompt, help, status line), tui_feeds.c (the Feeds screen), tui_lists.c
 * (the Articles screen), tui_marks.c (marks over many articles, unsubscribing,
 * questions), tui_query.c (query feeds, killfile), tui_dates.c (dates),
 * tui_qsearch.c (quote search), tui_jobs.c (background refresh and fetch) and
 * tui_status.c (help screen, status line).
 *
 * Ownership: struct app owns its config, the store handle it was given is
 * borrowed, lists of feeds, items and quote hits are owned and freed with
 * the store's *_free() functions, and the article loaded for the reader from
 * the store (owned_article) is owned; articles passed to tui_read() are
 * borrowed.
 */
#ifndef DATELINE_TUI_APP_H
#define DATELINE_TUI_APP_H

#include "config.h"
#include "tui_keys.h"
#include "tui_reader.h"
#include "tui_theme.h"

#include <stddef.h>
#include <sys/types.h>

struct store;
struct store_feed;
struct store_item;
struct store_quote_hit;

enum tui_screen { SCR_FEEDS, SCR_ARTICLES, SCR_READER, SCR_QSEARCH };
enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_FILTER, PROMPT_CONFIRM, PROMPT_EXPORT };

struct feeds_view {
	struct store_feed *feeds; /* from store_feeds_list() (owned) */
	size_t n_feeds;
	size_t *shown;            /* indices into feeds of the rows shown, in order (owned, with order) */
	size_t n_shown;
	size_t *order;            /* every feed's index in display order (second half of shown's block) */
	size_t *rank;             /* each feed's line in the feeds file, SIZE_MAX when not there (owned) */
	long long unread, saved, starred; /* counts for the virtual entries */
	size_t sel, top;          /* selected row (0-2 virtual, then shown feeds) and first shown */
	char filter[256];         /* the filter line (lower case) */
	char tag[64];             /* only feeds with this tag (t), "" for all */
};

struct articles_view {
	struct store_item *items; /* from store_items_list() (owned), newest first */
	size_t n_items;
	size_t *shown;            /* indices of items passing the filter (owned) */
	size_t n_shown;
	size_t sel, top;          /* selected row in shown, first row on screen */
	char title[160];          /* what the list is ("All unread", a feed's title) */
	int flags;                /* STORE_LIST_* it was made with */
	long long feed_id;        /* feed it lists, 0 for all */
	char filter[256];         /* the filter line */
	int more;                 /* 1 while the rest of the list, after its first rows, is still to be read */
};

struct qsearch_view {
	char input[256];              /* what was typed */
	size_t input_len;
	struct store_quote_hit *hits; /* results (owned) */
	size_t n_hits;
	size_t sel, top;              /* selected result and first one shown */
	char error[256];              /* why the last search failed, or "" */
	double ms;                    /* how long the last search took */
	int browse;                   /* 1 back from an article: keys move and q closes; / edits the query again */
};

struct job {
	pid_t pid;          /* running child, 0 when none */
	int fd;             /* read end of its output pipe, -1 when none */
	int kind;           /* 1 refresh, 2 fetch of one article, 3 export of one article to a file */
	long long item_id;  /* the item a fetch is for */
	char last[256];     /* its last line of output */
	double started;     /* when it started (monotonic seconds) */
	char partial[256];  /* an incomplete line read so far */
	char target[256];   /* the file an export writes */
	size_t partial_len;
};

struct app {
	struct config cfg;          /* settings (owned) */
	struct theme theme;         /* colours */
	struct keymap keys;         /* bindings */
	struct store *st;           /* the store (borrowed), NULL when reading files */
	struct article **arts;      /* articles given on the command line (borrowed) */
	size_t n_arts, cur;         /* how many and which one is shown */
	struct article *owned_article; /* article loaded from the store (owned) */
	long long item_id;          /* its item id, 0 for a file */
	int stack[8];               /* screens, stack[depth-1] is on top */
	int depth;
	struct reader rd;           /* the reader */
	struct feeds_view fv;
	struct articles_view av;
	struct qsearch_view qv;
	struct job job;             /* background refresh or fetch */
	int help;                   /* 1 while the help screen shows */
	size_t help_top;            /* its first visible row */
	int prompt;                 /* enum prompt_kind */
	char input[256];            /* the prompt's text */
	size_t input_len;
	int count;                  /* typed count prefix */
	int unread_only;            /* 1: lists show unread articles and feeds with unread only */
	int confirm_act;            /* enum action a PROMPT_CONFIRM waits for (y runs it) */
	long long confirm_id;       /* the feed it is about */
	char msg[256];              /* status message */
	int msg_error;              /* 1 for an error */
	const char *self;           /* path of this program, to run `dateline refresh` */
	double next_reload;         /* monotonic time of the next reload-time refresh, 0 when off */
	double next_watch;          /* monotonic time the store is next looked at for other processes' commits */
	int feeds_stale;            /* 1 when counts may have changed since feeds_load() (it is slow on big stores) */
};

void app_msg(struct app *ap, int error, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 3, 4)))
#endif
	;
int app_screen(const struct app *ap);
void app_push(struct app *ap, int screen);
void app_pop(struct app *ap);
/* Opens item id from the store in the reader, at quotation quote_index (-1: the top). 0 or -1. */
int app_open_item(struct app *ap, long long id, int quote_index);

/* Reads the config, keys and theme into a zeroed app. 0, or -1 with err. */
int app_init(struct app *ap, char *err, size_t errlen);
/* Frees everything ap owns, and ap. */
void app_free(struct app *ap);
/* Draws the current screen and the status line. 0, or -1 when out of memory. */
int app_draw(struct app *ap);
/* The help screen in rows [0, rows) and the status line on the last row (tui_status.c). */
void app_draw_help(struct app *ap, int rows);
void app_draw_status(struct app *ap);
/* Handles one key (a character when is_char, else a KEY_* code). 1 when the user quits. */
int tui_key(struct app *ap, int key, int is_char);

/* The Feeds screen (tui_feeds.c). */
int feeds_load(struct app *ap);
void feeds_filter(struct app *ap, const char *filter);
void feeds_draw(struct app *ap, int rows);
/* count: the typed count prefix (0 when none). 1 when the action was used. */
int feeds_action(struct app *ap, enum action act, int count);
/* The feed on the selected row, NULL on a virtual row (borrowed from the view). */
const struct store_feed *feeds_selected(const struct app *ap);
void feeds_free(struct app *ap);

/* The Articles screen and what both lists share (tui_lists.c). */
int articles_load(struct app *ap, const char *title, int flags, long long feed_id);
/* Reads the rest of a list articles_load() opened with its first rows only; 0 when there is none left. */
int articles_load_rest(struct app *ap);
void articles_filter(struct app *ap, const char *filter);
void articles_draw(struct app *ap, int rows);
int articles_action(struct app *ap, enum action act, int count);
/* Row in the shown list of the first unread article after row from ((size_t)-1: from the top), or (size_t)-1. */
size_t articles_next_unread(const struct app *ap, size_t from);
void lists_free(struct app *ap);
void list_draw_row(int y, int sel, const char *mark, unsigned long mark_attr, const char *left,
                   unsigned long left_attr, const char *right, unsigned long right_attr);
void list_keep_visible(size_t sel, size_t *top, size_t vis);
/* Moves *sel by d within [0, n). */
void list_move(size_t *sel, size_t n, long d);
/* Case-insensitive (ASCII) substring test; needle (n bytes) is lower case; NULL hay never matches. */
int list_contains(const char *hay, const char *needle, size_t n);

/* Read state over many articles, unsubscribing, confirmations (tui_marks.c). */
int marks_action(struct app *ap, enum action act);
/* Writes the current article to path as Markdown (`dateline export ID` in a child). */
void export_start(struct app *ap, const char *path);
/* Feeds screen: only the next tag's feeds (after the last: all). */
void feeds_next_tag(struct app *ap);
/* A key while a y/n question is open. */
void marks_confirm_key(struct app *ap, int key, int is_char);
/* The item the user is on (reader or list), 0 when none. */
long long app_current_item(const struct app *ap);

/* Query feeds and the killfile (tui_query.c). */
/* The items of query feed qi of the config, newest first; the caller frees them. 0, or -1 with the message set. */
int query_items(struct app *ap, size_t qi, struct store_item **out, size_t *n_out);
/* 1 when an ignore-article line of the config hides it. */
int query_ignored(const struct app *ap, const struct store_item *it);
/* Rows of the Feeds screen: the fixed ones (virtual, query feeds) and the feeds shown. */
size_t feeds_n_rows(const struct app *ap);

/* Local, readable time: t (unix) through strftime format fmt into out; "" when t is 0 (tui_dates.c). */
void tui_format_time(long long t, const char *fmt, char *out, size_t cap);
/* A stored date (published as given, else the unix time fallback) through fmt; a date without a time of day stays that day. */
void tui_format_day(const char *published, long long fallback, const char *fmt, char *out, size_t cap);
/* An ISO 8601 date ("2019-11-18T18:54:53.000Z", "2019-11-18") as unix time, 0 when not one. */
long long tui_parse_iso(const char *s, int *has_time);
/* s / m / * on item id: toggles saved, read, starred. */
void app_mark(struct app *ap, long long id, enum action act);

/* Quote search (tui_qsearch.c). */
void qsearch_open(struct app *ap);
void qsearch_run(struct app *ap);
void qsearch_draw(struct app *ap, int rows);
/* A key in the quote search: 1 when used. */
int qsearch_key(struct app *ap, int key, int is_char);
void qsearch_free(struct app *ap);

/* Background jobs (tui_jobs.c): `dateline refresh`, `dateline save URL` in a child process. */
int job_start(struct app *ap, int kind, const char *url, long long item_id);
/* Reads what the child wrote and reaps it when done; 1 when it finished now. */
int job_poll(struct app *ap);
/* The status line text for a running job into out, "" when none. */
void job_status(const struct app *ap, char *out, size_t cap);
void job_stop(struct app *ap);
/* Starts the refreshes the config asks for: on startup, and each reload-time minutes (call between keys). */
void job_auto_refresh(struct app *ap, int startup);
/* Milliseconds until job_auto_refresh() has something to do, -1 for never. */
int job_auto_wait_ms(const struct app *ap);

#endif
