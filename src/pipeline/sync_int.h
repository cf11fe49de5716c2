/*
 * sync_int.h: what the aggregator sync (sync.c) shares with its two
 * protocols, Tiny Tiny RSS's JSON API (sync_ttrss.c) and the Google Reader
 * API (sync_greader.c): private to src/pipeline/.
 *
 * A protocol logs in, sends batches of flag changes, and pulls what the
 * aggregator has into a sync_data (feeds with their new items, the unread
 * and starred item ids); sync.c writes it to the store. Item ids are kept
 * in one form (decimal); the stored items' guids are STORE_SYNC_GUID_PREFIX
 * and that id.
 */
#ifndef DATELINE_SYNC_INT_H
#define DATELINE_SYNC_INT_H

#include "net.h"
#include "store.h"

#include <stddef.h>
#include <stdio.h>

struct feed;

struct sync_feed {
	char *remote;        /* the feed's id at the aggregator */
	char *url;           /* its feed URL */
	char *title;         /* its title, or NULL */
	char *tags;          /* its category as a tag, or NULL */
	struct feed *items;  /* the new items of this sync (item id = STORE_SYNC_GUID_PREFIX + its id); never NULL */
};

struct sync_data {
	struct sync_feed *feeds; /* every subscription */
	size_t n_feeds, cap_feeds;
	char **unread;           /* ids of the unread items */
	size_t n_unread, cap_unread;
	char **starred;          /* ids of the starred items */
	size_t n_starred, cap_starred;
	size_t n_items;          /* items received */
	char *mark;              /* where the next sync starts (protocol's own form), or NULL */
};

struct sync_conn {
	const struct fetch_opts *fo; /* timeouts, size cap, CA bundle */
	const char *base;            /* the aggregator's base URL, without a trailing slash */
	const char *kind;            /* "Tiny Tiny RSS", "the Google Reader API server": for messages */
	char *session;               /* session id / auth token after login (secret: never printed) */
	char *action_token;          /* Google Reader's token for edits, or NULL */
	size_t requests;             /* requests made */
	FILE *log;                   /* one line per request (--verbose), or NULL */
	FILE *progress;              /* a terminal for the running count, or NULL */
	const size_t *received;      /* items received so far (for the count) */
	long http_code;              /* status of the last answer, 0 when none */
};

struct sync_protocol {
	/* Logs in as user; 0, or -1 with one message (wrong password, unreachable, API off). */
	int (*login)(struct sync_conn *c, const char *user, const char *password, char *err, size_t errlen);
	/* Sets field to value on the items ids[0..n) at the aggregator; 0 or -1. */
	int (*send)(struct sync_conn *c, enum store_sync_field field, int value, char *const *ids, size_t n,
	            char *err, size_t errlen);
	/* Subscriptions, the items new since mark (NULL: all), the unread and starred ids; 0 or -1. */
	int (*pull)(struct sync_conn *c, const char *mark, struct sync_data *d, char *err, size_t errlen);
	size_t batch; /* most ids in one send */
};

extern const struct sync_protocol sync_ttrss;
extern const struct sync_protocol sync_greader;

/*
 * One request to the aggregator: url, with post[0..post_len) POSTed as
 * post_type when post is not NULL, and an Authorization header when auth
 * is not NULL. On a 2xx answer returns 0 with *body (malloc'd, the caller
 * frees it). Otherwise -1 with one message in err ("cannot reach ..." when
 * no answer came, "... answered HTTP 500") and c->http_code set.
 */
int sync_request(struct sync_conn *c, const char *url, const char *post, size_t post_len, const char *post_type,
                 const char *auth, char **body, size_t *len, char *err, size_t errlen);

/* Adds a copy of id to the unread (which 0) or starred (which 1) list. 0 or -1. */
int sync_data_add_id(struct sync_data *d, int which, const char *id);
/* The feed with this remote id, or NULL. */
struct sync_feed *sync_data_feed(struct sync_data *d, const char *remote);
/* Adds a feed (copies the strings; the category, maybe NULL, becomes its tag); NULL when out of memory. */
struct sync_feed *sync_data_add_feed(struct sync_data *d, const char *remote, const char *url,
                                     const char *title, const char *category);
void sync_data_free(struct sync_data *d);

/* The string at key of JSON object o (NULL for none, null or ""); borrowed from o. */
struct json_object;
const char *sync_json_str(struct json_object *o, const char *key);

/* Sets the item's published date to the unix time t ("2024-01-02T03:04:05Z" and the time); none when t <= 0. 0 or -1 (out of memory). */
struct feed_item;
int sync_item_published(struct feed_item *it, long long t);

#endif
