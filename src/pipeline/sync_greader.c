/*
 * sync_greader.c: the Google Reader API as FreshRSS, Miniflux, Inoreader
 * and The Old Reader serve it, from BASE (FreshRSS: .../api/greader.php):
 *
 *   POST BASE/accounts/ClientLogin      Email, Passwd -> "Auth=TOKEN" line
 *   GET  BASE/reader/api/0/token        the token edits carry (T=)
 *   GET  BASE/reader/api/0/subscription/list?output=json
 *   GET  BASE/reader/api/0/stream/contents/user/-/state/com.google/reading-list?n=&ot=&c=
 *   GET  BASE/reader/api/0/stream/items/ids?s=STREAM&xt=EXCLUDE&n=&c=
 *   POST BASE/reader/api/0/edit-tag     T, a= or r= a state, i= each item
 *
 * Every request after the login carries "Authorization: GoogleLogin
 * auth=TOKEN". Item ids come long ("tag:google.com,2005:reader/item/<16
 * hex>") in contents and decimal in id lists: kept decimal here.
 */
#include "sync_int.h"
#include "base.h"
#include "model.h"

#include <ctype.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONTENTS_PAGE 1000
#define IDS_PAGE 10000
#define STATE "user/-/state/com.google/"
#define LONG_ID "tag:google.com,2005:reader/item/"

static void put_encoded(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* The Authorization header value, into out. */
static void auth_header(const struct sync_conn *c, char *out, size_t cap)
{
	snprintf(out, cap, "GoogleLogin auth=%s", c->session ? c->session : "");
}

/* A GET of BASE + path with the token; *body is the caller's. */
static int get(struct sync_conn *c, const char *path, char **body, size_t *len, char *err, size_t errlen)
{
	char url[4096], auth[1100];
	snprintf(url, sizeof url, "%s%s", c->base, path);
	auth_header(c, auth, sizeof auth);
	int rc = sync_request(c, url, NULL, 0, NULL, auth, body, len, err, errlen);
	memset(auth, 0, sizeof auth);
	if (rc && (c->http_code == 401 || c->http_code == 403))
		snprintf(err, errlen, "%s at %s refused the session (HTTP %ld): log in again", c->kind, c->base, c->http_code);
	return rc;
}

static json_object *parse(struct sync_conn *c, char *body, size_t len, const char *what, char *err, size_t errlen)
{
	json_tokener *tok = json_tokener_new();
	json_object *j = tok ? json_tokener_parse_ex(tok, body, (int)len) : NULL;
	if (tok)
		json_tokener_free(tok);
	free(body);
	if (!j || !json_object_is_type(j, json_type_object)) {
		json_object_put(j);
		snprintf(err, errlen, "%s at %s answered %s with something that is not JSON", c->kind, c->base, what);
		return NULL;
	}
	return j;
}

static int gr_login(struct sync_conn *c, const char *user, const char *password, char *err, size_t errlen)
{
	struct buf form = BUF_INIT;
	buf_puts(&form, "Email=");
	put_encoded(&form, user);
	buf_puts(&form, "&Passwd=");
	put_encoded(&form, password);
	char url[1200], *body = NULL;
	size_t len = 0;
	snprintf(url, sizeof url, "%s/accounts/ClientLogin", c->base);
	int rc = form.failed ? -1 : sync_request(c, url, form.data, form.len, "application/x-www-form-urlencoded", NULL,
	                                         &body, &len, err, errlen);
	if (form.data)
		memset(form.data, 0, form.len);
	if (form.failed)
		snprintf(err, errlen, "out of memory");
	buf_free(&form);
	if (rc) {
		if (c->http_code == 401 || c->http_code == 403)
			snprintf(err, errlen, "%s at %s refused the login: wrong user name or password (HTTP %ld)", c->kind,
			         c->base, c->http_code);
		else if (c->http_code == 404)
			snprintf(err, errlen, "%s/accounts/ClientLogin is not there (HTTP 404): is greader-url the API's "
			         "address (FreshRSS: .../api/greader.php)?", c->base);
		return -1;
	}
	for (char *line = body; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		if (!strncmp(line, "Auth=", 5)) {
			line[strcspn(line, "\r")] = 0;
			c->session = strdup(line + 5);
			break;
		}
		line = nl ? nl + 1 : NULL;
	}
	memset(body, 0, len);
	free(body);
	if (!c->session || !c->session[0]) {
		snprintf(err, errlen, "%s at %s gave no Auth token at login", c->kind, c->base);
		return -1;
	}
	if (get(c, "/reader/api/0/token", &body, &len, err, errlen))
		return -1;
	body[strcspn(body, "\r\n")] = 0;
	c->action_token = body;
	return 0;
}

static int gr_send(struct sync_conn *c, enum store_sync_field field, int value, char *const *ids, size_t n,
                   char *err, size_t errlen)
{
	struct buf form = BUF_INIT;
	buf_puts(&form, "T=");
	put_encoded(&form, c->action_token ? c->action_token : "");
	buf_puts(&form, value ? "&a=" : "&r=");
	put_encoded(&form, field == STORE_SYNC_STAR ? STATE "starred" : STATE "read");
	for (size_t i = 0; i < n; i++) {
		char id[64];
		snprintf(id, sizeof id, LONG_ID "%016llx", strtoull(ids[i], NULL, 10));
		buf_puts(&form, "&i=");
		put_encoded(&form, id);
	}
	char url[1200], auth[1100], *body = NULL;
	size_t len = 0;
	snprintf(url, sizeof url, "%s/reader/api/0/edit-tag", c->base);
	auth_header(c, auth, sizeof auth);
	int rc = form.failed ? -1 : sync_request(c, url, form.data, form.len, "application/x-www-form-urlencoded", auth,
	                                         &body, &len, err, errlen);
	memset(auth, 0, sizeof auth);
	if (form.failed)
		snprintf(err, errlen, "out of memory");
	buf_free(&form);
	if (!rc && strncmp(body, "OK", 2)) {
		snprintf(err, errlen, "%s at %s did not accept the changes (edit-tag)", c->kind, c->base);
		rc = -1;
	}
	free(body);
	return rc;
}

/* An item id in decimal, from either form; "" when it is neither. */
static void decimal_id(const char *id, char *out, size_t cap)
{
	out[0] = 0;
	if (!id)
		return;
	if (!strncmp(id, LONG_ID, strlen(LONG_ID)))
		snprintf(out, cap, "%llu", strtoull(id + strlen(LONG_ID), NULL, 16));
	else if (isdigit((unsigned char)*id))
		snprintf(out, cap, "%llu", strtoull(id, NULL, 10));
}

static int pull_subscriptions(struct sync_conn *c, struct sync_data *d, char *err, size_t errlen)
{
	char *body;
	size_t len;
	if (get(c, "/reader/api/0/subscription/list?output=json", &body, &len, err, errlen))
		return -1;
	json_object *j = parse(c, body, len, "the subscription list", err, errlen), *subs;
	if (!j)
		return -1;
	int rc = 0;
	size_t n = json_object_object_get_ex(j, "subscriptions", &subs) && json_object_is_type(subs, json_type_array)
	           ? json_object_array_length(subs) : 0;
	for (size_t i = 0; i < n && !rc; i++) {
		json_object *s = json_object_array_get_idx(subs, i), *cats;
		const char *id = sync_json_str(s, "id"), *url = sync_json_str(s, "url");
		if (!url && id && !strncmp(id, "feed/http", 9))
			url = id + 5;
		if (!id || !url)
			continue;
		const char *label = NULL;
		if (json_object_object_get_ex(s, "categories", &cats) && json_object_array_length(cats))
			label = sync_json_str(json_object_array_get_idx(cats, 0), "label");
		if (!sync_data_add_feed(d, id, url, sync_json_str(s, "title"), label)) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
		}
	}
	json_object_put(j);
	return rc;
}

static const char *first_href(json_object *o, const char *key)
{
	json_object *a;
	if (!json_object_object_get_ex(o, key, &a) || !json_object_is_type(a, json_type_array) ||
	    !json_object_array_length(a))
		return NULL;
	return sync_json_str(json_object_array_get_idx(a, 0), "href");
}

/* One entry of stream/contents into its feed's items. 0, or -1 when out of memory. */
static int add_entry(struct sync_data *d, json_object *e, long long *newest)
{
	json_object *origin = NULL, *box;
	char id[32], guid[48];
	decimal_id(sync_json_str(e, "id"), id, sizeof id);
	snprintf(guid, sizeof guid, STORE_SYNC_GUID_PREFIX "%s", id);
	json_object_object_get_ex(e, "origin", &origin);
	struct sync_feed *f = origin && sync_json_str(origin, "streamId") ? sync_data_feed(d, sync_json_str(origin, "streamId")) : NULL;
	if (!id[0] || !f)
		return 0; /* an item of no subscription */
	const char *content = NULL;
	if (json_object_object_get_ex(e, "content", &box) || json_object_object_get_ex(e, "summary", &box))
		content = sync_json_str(box, "content");
	const char *link = first_href(e, "canonical");
	if (!link)
		link = first_href(e, "alternate");
	json_object *v;
	long long pub = json_object_object_get_ex(e, "published", &v) ? json_object_get_int64(v) : 0;
	long long crawl = sync_json_str(e, "crawlTimeMsec") ? strtoll(sync_json_str(e, "crawlTimeMsec"), NULL, 10) / 1000 : pub;
	if (crawl > *newest)
		*newest = crawl;
	struct feed_item *it = feed_add_item(f->items);
	d->n_items++;
	return !it || feed_set(&it->id, guid) || feed_set(&it->title, sync_json_str(e, "title")) || feed_set(&it->link, link) ||
	       feed_set(&it->author, sync_json_str(e, "author")) || feed_set(&it->content, content) ||
	       sync_item_published(it, pub) ? -1 : 0;
}

/* Appends "&c=CONTINUATION" from j to path (cap bytes); 0 when there is none. */
static int next_page(json_object *j, const char *base_path, char *path, size_t cap)
{
	const char *cont = sync_json_str(j, "continuation");
	if (!cont)
		return 0;
	struct buf b = BUF_INIT;
	put_encoded(&b, cont);
	int ok = !b.failed && snprintf(path, cap, "%s&c=%s", base_path, b.data) < (int)cap;
	buf_free(&b);
	return ok;
}

/* What each page's entries go to: one entry of the list at key; 0, or -1 when out of memory. */
struct pager {
	const char *key;  /* "items" or "itemRefs" */
	const char *what; /* for messages */
	int (*each)(struct pager *pg, json_object *entry);
	struct sync_data *d;
	long long newest; /* items: the newest crawl time seen */
	int which;        /* ids: 0 unread, 1 starred */
};

/* GETs first and the pages its continuations lead to, handing every entry to pg->each. */
static int page_through(struct sync_conn *c, const char *first, struct pager *pg, char *err, size_t errlen)
{
	char path[2048];
	snprintf(path, sizeof path, "%s", first);
	for (;;) {
		char *body;
		size_t len;
		if (get(c, path, &body, &len, err, errlen))
			return -1;
		json_object *j = parse(c, body, len, pg->what, err, errlen), *list;
		if (!j)
			return -1;
		int rc = 0;
		size_t n = json_object_object_get_ex(j, pg->key, &list) && json_object_is_type(list, json_type_array)
		           ? json_object_array_length(list) : 0;
		for (size_t i = 0; i < n && !rc; i++)
			rc = pg->each(pg, json_object_array_get_idx(list, i));
		int more = !rc && n && next_page(j, first, path, sizeof path);
		json_object_put(j);
		if (rc) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		if (!more)
			return 0;
	}
}

static int each_entry(struct pager *pg, json_object *e)
{
	return add_entry(pg->d, e, &pg->newest);
}

static int each_id(struct pager *pg, json_object *ref)
{
	char id[32];
	decimal_id(sync_json_str(ref, "id"), id, sizeof id);
	return id[0] ? sync_data_add_id(pg->d, pg->which, id) : 0;
}

static int pull_items(struct sync_conn *c, const char *mark, struct sync_data *d, char *err, size_t errlen)
{
	char first[256];
	struct pager pg = {"items", "the stream contents", each_entry, d, mark ? strtoll(mark, NULL, 10) : 0, 0};
	snprintf(first, sizeof first, "/reader/api/0/stream/contents/" STATE "reading-list?output=json&n=%d%s%s",
	         CONTENTS_PAGE, mark ? "&ot=" : "", mark ? mark : "");
	if (page_through(c, first, &pg, err, errlen))
		return -1;
	char m[32];
	snprintf(m, sizeof m, "%lld", pg.newest);
	if (pg.newest && !(d->mark = strdup(m))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* Every id of stream s without the state xt (NULL: none) into d's list which. */
static int pull_ids(struct sync_conn *c, const char *s, const char *xt, int which, struct sync_data *d,
                    char *err, size_t errlen)
{
	char first[256];
	struct pager pg = {"itemRefs", "an id list", each_id, d, 0, which};
	snprintf(first, sizeof first, "/reader/api/0/stream/items/ids?output=json&n=%d&s=%s%s%s", IDS_PAGE, s,
	         xt ? "&xt=" : "", xt ? xt : "");
	return page_through(c, first, &pg, err, errlen);
}

static int gr_pull(struct sync_conn *c, const char *mark, struct sync_data *d, char *err, size_t errlen)
{
	return pull_subscriptions(c, d, err, errlen) || pull_items(c, mark, d, err, errlen) ||
	       pull_ids(c, STATE "reading-list", STATE "read", 0, d, err, errlen) ||
	       pull_ids(c, STATE "starred", NULL, 1, d, err, errlen) ? -1 : 0;
}

const struct sync_protocol sync_greader = {gr_login, gr_send, gr_pull, 250};
