/*
 * feedlist.h: the subscriptions, kept in a plain "feeds" file in the config
 * directory, newsboat urls-file style, one feed a line:
 *
 *     # comments and blank lines are kept as they are
 *     https://example.org/feed.xml "~Example News" politics "long tag"
 *
 * The first word is the URL (http or https only); the other words are tags,
 * except one starting with "~", which is the feed's title. Words with spaces
 * are double-quoted; \" and \\ escape inside quotes.
 *
 * Ownership: a feedlist owns its entries and every string in them; free it
 * with feedlist_free(). Functions that add copy their arguments.
 */
#ifndef DATELINE_FEEDLIST_H
#define DATELINE_FEEDLIST_H

#include <stddef.h>

struct feedlist_entry {
	char *url;      /* http(s) URL of the feed */
	char *title;    /* the user's title for it (from "~Title"), or NULL */
	char **tags;    /* tags in the order written */
	size_t n_tags;  /* number of tags */
	size_t line;    /* line number in the file, 0 when not from a file */
};

struct feedlist {
	struct feedlist_entry *entries; /* in file order */
	size_t n;                       /* number of entries */
	size_t cap;                     /* allocated slots */
	size_t n_bad;                   /* lines skipped as unusable */
	char bad[256];                  /* the first of them: "line 3: not an http(s) URL: ..." */
};

#define FEEDLIST_INIT {NULL, 0, 0, 0, {0}}

/* Path of the feeds file into out[0..n). 0 or -1 with err. */
int feedlist_path(char *out, size_t n, char *err, size_t errlen);
/*
 * Reads text[0..len) into fl (appending). Unusable lines are counted in
 * n_bad, not fatal. Returns 0, or -1 when out of memory.
 */
int feedlist_parse(const char *text, size_t len, struct feedlist *fl);
/* Reads the file at path; a missing file is an empty list. 0 or -1 with err. */
int feedlist_load(const char *path, struct feedlist *fl, char *err, size_t errlen);
/* Index of the entry with this URL, or -1. */
long feedlist_find(const struct feedlist *fl, const char *url);
/*
 * Appends an entry (title may be NULL). Returns 0 when added, 1 when the URL
 * was already there (nothing changes), -1 when out of memory.
 */
int feedlist_add(struct feedlist *fl, const char *url, const char *title, char *const *tags, size_t n_tags);
/* One entry as a line of the feeds file, without newline; malloc'd, NULL when out of memory. */
char *feedlist_format_entry(const struct feedlist_entry *e);
/*
 * Adds entries to the file at path without disturbing its other lines
 * (comments, order, spacing): the new lines are appended, and for each pair
 * in renames (old URL, new URL) the URL at the start of the matching line is
 * replaced. The file is replaced atomically. 0 or -1 with err.
 */
int feedlist_update_file(const char *path, const struct feedlist_entry *add, size_t n_add,
                         const char *const *renames, size_t n_renames, char *err, size_t errlen);
/* Keeps the entries for which keep() says 1, in order, and frees the others. Returns how many are left. */
size_t feedlist_keep(struct feedlist *fl, int (*keep)(const struct feedlist_entry *e, void *ctx), void *ctx);
void feedlist_free(struct feedlist *fl);
/* 1 when url starts with http:// or https:// and has a host. */
int feedlist_url_ok(const char *url);

#endif
