/*
 * subs.h: the public interface of src/subs/: subscriptions: the feeds file, OPML, feed discovery on web pages.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_SUBS_H
#define DATELINE_SUBS_H

#include <stddef.h>

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
 * replaced (the line dropped when the new URL has a line already); a new
 * URL of NULL removes the line (unsubscribing). The file is replaced
 * atomically. 0 or -1 with err.
 */
int feedlist_update_file(const char *path, const struct feedlist_entry *add, size_t n_add,
                         const char *const *renames, size_t n_renames, char *err, size_t errlen);
/* Keeps the entries for which keep() says 1, in order, and frees the others. Returns how many are left. */
size_t feedlist_keep(struct feedlist *fl, int (*keep)(const struct feedlist_entry *e, void *ctx), void *ctx);
void feedlist_free(struct feedlist *fl);
/*
 * 1 when url starts with http:// or https://, has a host, and holds only URL
 * code points (WHATWG): no space, control, C1, bidi or other invisible
 * control, no "<>\\^`{|}, no invalid UTF-8.
 */
int feedlist_url_ok(const char *url);

/*
 * opml.h: subscriptions to and from OPML (newsboat, newsraft, most readers).
 *
 * Import: every <outline> with an xmlUrl is a feed; its title is the title
 * attribute (else text); the titles of the outlines it sits in, and the
 * OPML 2.0 category attribute ("/news,/tech" or "news,tech"), become its
 * tags. Only http and https URLs are accepted; the rest are counted and
 * skipped. libxml2 runs with NONET and without entity substitution or DTD
 * loading.
 *
 * Export: feeds without tags at the top level; a tagged feed sits in an
 * outline named after its first tag and carries every tag in category, so
 * both nesting readers and category readers get them back.
 */
struct feedlist;

struct opml_stats {
	size_t feeds;        /* feeds read */
	size_t skipped;      /* outlines with an xmlUrl that is not http(s) */
	char first_skip[200]; /* the first of them, for the message */
};

/*
 * Parses data[0..len) into fl, which must be empty. *html_urls gets an
 * array of fl->n strings (each the feed's htmlUrl or NULL), index-aligned
 * with fl->entries; free it with opml_free_links(*html_urls, fl->n).
 * Returns 0, or -1 with err ("not an OPML file", "XML error line 3: ...").
 */
int opml_parse(const char *data, size_t len, struct feedlist *fl, char ***html_urls,
               struct opml_stats *stats, char *err, size_t errlen);
void opml_free_links(char **links, size_t n);

/* Gives the site URL of a feed for htmlUrl, or NULL. */
typedef const char *(*opml_link_fn)(void *ctx, const char *feed_url);

/*
 * The OPML 2.0 document for fl (title names the document). link may be
 * NULL. Returns a malloc'd NUL-terminated string (the caller frees it), or
 * NULL when out of memory.
 */
char *opml_format(const struct feedlist *fl, const char *title, opml_link_fn link, void *ctx);

/*
 * discover.h: a web page's own feeds, from its
 * <link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>.
 */
struct discovered_feed {
	char *url;   /* absolute http(s) URL */
	char *type;  /* the link's type attribute, lower case */
	char *title; /* the link's title attribute, or NULL */
};

/*
 * Reads html[0..len) (libxml2's HTML parser, NONET) and lists its feed
 * links in page order, each href resolved against <base href> and base_url.
 * Non-http(s) results are dropped. Returns 0 with *out (n entries, possibly
 * none; free with discover_free()), or -1 with err when the page cannot be
 * read at all.
 */
int discover_feeds(const char *html, size_t len, const char *base_url, struct discovered_feed **out,
                   size_t *n, char *err, size_t errlen);
void discover_free(struct discovered_feed *feeds, size_t n);

/*
 * source.h: where the subscriptions come from: the feeds file (the default)
 * or an aggregator (Tiny Tiny RSS, a Google Reader API server), as the
 * config file says with newsboat's names: source ttrss|greader|feeds,
 * ttrss-url, ttrss-login, ttrss-password-eval (a command printing the
 * password) or ttrss-password-file; the same with greader-; and
 * aggregator-fulltext yes|no. A password written in the config
 * (ttrss-password) is refused. The config file is $DATELINE_CONFIG, else
 * "config" in the config directory (appdirs_config()).
 *
 * Ownership: plain structs of fixed-size strings; nothing to free.
 */
#define SOURCE_FIELD_MAX 1024

enum source_kind { SOURCE_FEEDS, SOURCE_TTRSS, SOURCE_GREADER };

struct source_account {
	char url[SOURCE_FIELD_MAX];           /* the aggregator's base URL */
	char login[SOURCE_FIELD_MAX];         /* user name */
	char password_eval[SOURCE_FIELD_MAX]; /* command printing the password, or "" */
	char password_file[SOURCE_FIELD_MAX]; /* file whose first line is the password, or "" */
};

struct source_config {
	enum source_kind kind;          /* where subscriptions come from */
	struct source_account ttrss;    /* ttrss-* settings */
	struct source_account greader;  /* greader-* settings */
	int fulltext;                   /* 1: fetch the page behind items the aggregator holds as a summary */
	char path[4096];                /* the config file read, for messages */
};

void source_config_init(struct source_config *c);
/* 1 when name is one of the options above (the interface's config parser skips them). */
int source_config_name(const char *name);
/* Reads our options from config text (others are skipped). 0, or -1 with "line N: ..." in err. */
int source_config_parse(struct source_config *c, const char *s, size_t len, char *err, size_t errlen);
/* Initialises c and reads the config file (a missing default file leaves the defaults). 0 or -1. */
int source_config_load(struct source_config *c, char *err, size_t errlen);
/* The account of the configured aggregator, NULL for the feeds file (borrowed from c). */
const struct source_account *source_account(const struct source_config *c);
/* "feeds", "ttrss" or "greader". */
const char *source_kind_name(enum source_kind k);
/* Checks the aggregator's settings are complete: 0, or -1 saying which one is missing. */
int source_check(const struct source_config *c, char *err, size_t errlen);
/*
 * The password into out (cap bytes): the first line printed by the
 * password command (run by /bin/sh, stdin from /dev/null), or of the
 * password file. 0, or -1 with err (which never holds the password).
 */
int source_password(const struct source_config *c, char *out, size_t cap, char *err, size_t errlen);

#endif
