/*
 * sync_ttrss.c: Tiny Tiny RSS's JSON API (API level 15 and later): every
 * call is a POST of a JSON object to BASE/api/ naming its "op"; the answer
 * is {"status": 0|1, "content": ...}. Used: login, getCategories, getFeeds,
 * getHeadlines (all articles since an id, with content; the unread and the
 * starred ones, ids only), updateArticle (many ids at once).
 */
#include "sync_int.h"
#include "base.h"
#include "model.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 200 /* the most getHeadlines returns at once */

/* What an API error means for the user. */
static const char *explain(const char *code)
{
	if (!strcmp(code, "LOGIN_ERROR"))
		return "wrong user name or password";
	if (!strcmp(code, "API_DISABLED"))
		return "the API is off for this user: turn on \"Enable API access\" in Tiny Tiny RSS's preferences";
	if (!strcmp(code, "NOT_LOGGED_IN"))
		return "the session ended (logged out by the server)";
	return NULL;
}

/*
 * Calls op with the parameters of req (taken over) and sets *content to the
 * answer's content (owned by *root, which the caller puts). 0 or -1.
 */
static int call(struct sync_conn *c, const char *op, json_object *req, json_object **root, json_object **content,
                char *err, size_t errlen)
{
	char url[1200];
	*root = NULL;
	snprintf(url, sizeof url, "%s/api/", c->base);
	if (!req && !(req = json_object_new_object())) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	json_object_object_add(req, "op", json_object_new_string(op));
	if (c->session)
		json_object_object_add(req, "sid", json_object_new_string(c->session));
	const char *text = json_object_to_json_string_ext(req, JSON_C_TO_STRING_PLAIN);
	char *body = NULL;
	size_t len = 0;
	int rc = text ? sync_request(c, url, text, strlen(text), "application/json", NULL, &body, &len, err, errlen) : -1;
	if (!text)
		snprintf(err, errlen, "out of memory");
	/* the login request holds the password: wipe the text before it is freed */
	if (text && !strcmp(op, "login"))
		memset((char *)text, 0, strlen(text));
	json_object_put(req);
	if (rc) {
		if (c->http_code == 404)
			snprintf(err, errlen, "%s/api/ is not there (HTTP 404): is ttrss-url the address of Tiny Tiny RSS?",
			         c->base);
		return -1;
	}
	json_tokener *tok = json_tokener_new();
	json_object *j = tok ? json_tokener_parse_ex(tok, body, (int)len) : NULL;
	if (tok)
		json_tokener_free(tok);
	free(body);
	json_object *status, *cont;
	if (!j || !json_object_is_type(j, json_type_object) || !json_object_object_get_ex(j, "status", &status) ||
	    !json_object_object_get_ex(j, "content", &cont)) {
		json_object_put(j);
		snprintf(err, errlen, "%s at %s answered %s with something that is not its API's JSON", c->kind, c->base, op);
		return -1;
	}
	if (json_object_get_int(status) != 0) {
		json_object *e = NULL;
		const char *code = json_object_is_type(cont, json_type_object) && json_object_object_get_ex(cont, "error", &e)
		                   ? json_object_get_string(e) : "unknown error";
		const char *why = explain(code);
		char *safe = sanitize_str(code, 0);
		if (why)
			snprintf(err, errlen, "%s at %s refused %s: %s (%s)", c->kind, c->base, op, why, safe ? safe : "?");
		else
			snprintf(err, errlen, "%s at %s refused %s: API error %s", c->kind, c->base, op, safe ? safe : "?");
		free(safe);
		json_object_put(j);
		return -1;
	}
	*root = j;
	*content = cont;
	return 0;
}

static int ttrss_login(struct sync_conn *c, const char *user, const char *password, char *err, size_t errlen)
{
	json_object *req = json_object_new_object(), *root, *cont, *sid;
	if (!req) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	json_object_object_add(req, "user", json_object_new_string(user));
	json_object_object_add(req, "password", json_object_new_string(password));
	if (call(c, "login", req, &root, &cont, err, errlen))
		return -1;
	if (!json_object_object_get_ex(cont, "session_id", &sid) || !json_object_get_string(sid)[0]) {
		json_object_put(root);
		snprintf(err, errlen, "%s at %s gave no session at login", c->kind, c->base);
		return -1;
	}
	c->session = strdup(json_object_get_string(sid));
	json_object_put(root);
	if (!c->session) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

static int ttrss_send(struct sync_conn *c, enum store_sync_field field, int value, char *const *ids, size_t n,
                      char *err, size_t errlen)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, ',');
		buf_puts(&b, ids[i]);
	}
	json_object *req = json_object_new_object(), *root, *cont;
	if (b.failed || !req) {
		buf_free(&b);
		json_object_put(req);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	json_object_object_add(req, "article_ids", json_object_new_string(b.data ? b.data : ""));
	buf_free(&b);
	/* field 0 is "marked" (starred), 2 is "unread"; mode 0 clears, 1 sets */
	json_object_object_add(req, "field", json_object_new_int(field == STORE_SYNC_STAR ? 0 : 2));
	json_object_object_add(req, "mode", json_object_new_int(field == STORE_SYNC_STAR ? value : !value));
	if (call(c, "updateArticle", req, &root, &cont, err, errlen))
		return -1;
	json_object_put(root);
	return 0;
}

/* The categories' titles by id, as tags. */
static int pull_feeds(struct sync_conn *c, struct sync_data *d, char *err, size_t errlen)
{
	json_object *req = json_object_new_object(), *croot, *cats, *froot, *feeds;
	if (!req) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	json_object_object_add(req, "include_empty", json_object_new_boolean(1));
	if (call(c, "getCategories", req, &croot, &cats, err, errlen))
		return -1;
	if (!(req = json_object_new_object())) {
		json_object_put(croot);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	json_object_object_add(req, "cat_id", json_object_new_int(-3)); /* every feed, no virtual ones */
	if (call(c, "getFeeds", req, &froot, &feeds, err, errlen)) {
		json_object_put(croot);
		return -1;
	}
	int rc = 0;
	size_t nf = json_object_is_type(feeds, json_type_array) ? json_object_array_length(feeds) : 0;
	size_t nc = json_object_is_type(cats, json_type_array) ? json_object_array_length(cats) : 0;
	for (size_t i = 0; i < nf && !rc; i++) {
		json_object *f = json_object_array_get_idx(feeds, i), *cat = NULL;
		const char *id = sync_json_str(f, "id"), *url = sync_json_str(f, "feed_url");
		if (!id || !url)
			continue;
		const char *cat_title = NULL;
		int cat_id = json_object_object_get_ex(f, "cat_id", &cat) ? json_object_get_int(cat) : 0;
		for (size_t k = 0; k < nc && cat_id > 0; k++) {
			json_object *cobj = json_object_array_get_idx(cats, k), *cid;
			if (json_object_object_get_ex(cobj, "id", &cid) && json_object_get_int(cid) == cat_id)
				cat_title = sync_json_str(cobj, "title");
		}
		if (!sync_data_add_feed(d, id, url, sync_json_str(f, "title"), cat_title)) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
		}
	}
	json_object_put(croot);
	json_object_put(froot);
	return rc;
}

/* Copies a headline into a feed item. 0 or -1 (out of memory). */
static int headline_item(struct feed_item *it, json_object *h, const char *id)
{
	json_object *u;
	return feed_set(&it->id, id) || feed_set(&it->title, sync_json_str(h, "title")) ||
	       feed_set(&it->link, sync_json_str(h, "link")) || feed_set(&it->author, sync_json_str(h, "author")) ||
	       feed_set(&it->content, sync_json_str(h, "content")) || sync_item_published(it, json_object_object_get_ex(h, "updated", &u) ? json_object_get_int64(u) : 0);
}

/*
 * Pages through getHeadlines of feed_id in view_mode. With content, each
 * headline becomes an item of its feed and *max_id follows the highest id;
 * without, its id goes to d's list which (0 unread, 1 starred).
 */
static int headlines(struct sync_conn *c, int feed_id, const char *view_mode, long long since_id, int content,
                     int which, struct sync_data *d, long long *max_id, char *err, size_t errlen)
{
	for (int skip = 0;; skip += PAGE) {
		json_object *req = json_object_new_object(), *root, *list;
		if (!req) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		json_object_object_add(req, "feed_id", json_object_new_int(feed_id));
		json_object_object_add(req, "view_mode", json_object_new_string(view_mode));
		json_object_object_add(req, "limit", json_object_new_int(PAGE));
		json_object_object_add(req, "skip", json_object_new_int(skip));
		json_object_object_add(req, "show_content", json_object_new_boolean(content));
		json_object_object_add(req, "since_id", json_object_new_int64(since_id));
		json_object_object_add(req, "order_by", json_object_new_string("date_reverse")); /* a stable order to page through */
		if (call(c, "getHeadlines", req, &root, &list, err, errlen))
			return -1;
		size_t n = json_object_is_type(list, json_type_array) ? json_object_array_length(list) : 0;
		int rc = 0;
		for (size_t i = 0; i < n && !rc; i++) {
			json_object *h = json_object_array_get_idx(list, i), *v;
			if (!json_object_object_get_ex(h, "id", &v))
				continue;
			long long id = json_object_get_int64(v);
			char ids[32], guid[48];
			snprintf(ids, sizeof ids, "%lld", id);
			if (!content) {
				rc = sync_data_add_id(d, which, ids);
				continue;
			}
			snprintf(guid, sizeof guid, STORE_SYNC_GUID_PREFIX "%s", ids);
			const char *fid = sync_json_str(h, "feed_id");
			struct sync_feed *f = fid ? sync_data_feed(d, fid) : NULL;
			struct feed_item *it;
			if (!f)
				continue; /* an article of no subscription (an archived one) */
			if (!(it = feed_add_item(f->items)) || headline_item(it, h, guid))
				rc = -1;
			d->n_items++;
			if (id > *max_id)
				*max_id = id;
		}
		json_object_put(root);
		if (rc) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		if (n < PAGE)
			return 0;
	}
}

static int ttrss_pull(struct sync_conn *c, const char *mark, struct sync_data *d, char *err, size_t errlen)
{
	long long since = mark ? strtoll(mark, NULL, 10) : 0, max_id = since;
	if (pull_feeds(c, d, err, errlen) ||
	    headlines(c, -4, "all_articles", since, 1, 0, d, &max_id, err, errlen) ||
	    headlines(c, -4, "unread", 0, 0, 0, d, &max_id, err, errlen) ||
	    headlines(c, -1, "all_articles", 0, 0, 1, d, &max_id, err, errlen))
		return -1;
	char m[32];
	snprintf(m, sizeof m, "%lld", max_id);
	if (!(d->mark = strdup(m))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

const struct sync_protocol sync_ttrss = {ttrss_login, ttrss_send, ttrss_pull, 500};
