/*
 * sync.c: a refresh from an aggregator. In this order, so that a failure
 * leaves the store as it was and no change is lost or sent twice:
 *
 *   1. log in (nothing is written before the aggregator has answered);
 *   2. send the queued changes, in batches; a batch leaves the queue only
 *      once the aggregator has accepted it (sending one twice is harmless:
 *      each sets a flag, none toggles it);
 *   3. pull the subscriptions, the new items, the unread and starred ids;
 *   4. write: feeds (categories as tags), items through the same pipeline
 *      as fetched feeds (ingest_item_parser), then the read and starred
 *      flags of every synced item: the items are browsable from here;
 *   5. the analysis of what was stored (analysis_pending(), as after a
 *      refresh), then full text for the feeds the aggregator holds only as
 *      summaries.
 *
 * The conflict rule follows from the order: dateline's changes reach the
 * aggregator before its state is read back, so a change made here since the
 * last refresh wins over the aggregator's state of that flag; every other
 * flag becomes what the aggregator says (read on another machine is read
 * here after the next refresh). A change that could not be delivered stays
 * queued and keeps its item's flag until it is.
 */
#include "pipeline.h"
#include "sync_int.h"
#include "base.h"
#include "model.h"
#include "decode.h"
#include "subs.h"
#include "store.h"

#include <ctype.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SUMMARY_CHARS 400 /* text shorter than this (markup aside) is a summary */
#define API_MAX_BYTES ((size_t)64 << 20) /* the largest answer to one API call */

int sync_request(struct sync_conn *c, const char *url, const char *post, size_t post_len, const char *post_type,
                 const char *auth, char **body, size_t *len, char *err, size_t errlen)
{
	struct fetch_request req = {.url = url, .accept = "application/json, text/plain;q=0.9, */*;q=0.5",
	                            .post = post, .post_len = post_len, .post_type = post_type,
	                            .authorization = auth};
	struct fetch_result *r = NULL;
	*body = NULL;
	c->requests++;
	c->http_code = 0;
	if (fetch_request_one(&req, c->fo, &r, err, errlen))
		return -1;
	c->http_code = r->http_code;
	if (c->log) {
		/* the path only: a query may hold an id, never a secret, but keep the line short */
		char *u = sanitize_str(url, 0);
		fprintf(c->log, "%s %s: HTTP %ld, %zu bytes in %.2f s\n", post ? "POST" : "GET", u ? u : "?",
		        r->http_code, r->body_len, r->seconds);
		free(u);
	}
	if (c->progress) {
		fprintf(c->progress, "\r\033[Kreading from %s: %zu requests, %zu items", c->kind, c->requests,
		        c->received ? *c->received : 0);
		fflush(c->progress);
	}
	int rc = 0;
	if (r->status == FETCH_FAILED) {
		snprintf(err, errlen, "cannot reach %s at %s: %s", c->kind, c->base, r->error);
		rc = -1;
	} else if (r->status != FETCH_OK) {
		snprintf(err, errlen, "%s at %s answered %s", c->kind, c->base, r->error[0] ? r->error : "no content");
		rc = -1;
	} else {
		*body = r->body;
		*len = r->body_len;
		r->body = NULL;
	}
	fetch_result_free(r);
	return rc;
}

static int add_string(char ***list, size_t *n, size_t *cap, const char *s)
{
	if (array_grow((void **)list, cap, *n + 1, sizeof **list))
		return -1;
	if (!((*list)[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

int sync_data_add_id(struct sync_data *d, int which, const char *id)
{
	return which ? add_string(&d->starred, &d->n_starred, &d->cap_starred, id)
	             : add_string(&d->unread, &d->n_unread, &d->cap_unread, id);
}

struct sync_feed *sync_data_feed(struct sync_data *d, const char *remote)
{
	for (size_t i = 0; i < d->n_feeds; i++)
		if (!strcmp(d->feeds[i].remote, remote))
			return &d->feeds[i];
	return NULL;
}

/* A category name as one tag (spaces become '-'), malloc'd; NULL for none or out of memory. */
static char *category_tag(const char *category)
{
	if (!category || !*category)
		return NULL;
	char *t = strdup(category);
	for (char *p = t; p && *p; p++)
		if (isspace((unsigned char)*p))
			*p = '-';
	return t;
}

struct sync_feed *sync_data_add_feed(struct sync_data *d, const char *remote, const char *url,
                                     const char *title, const char *category)
{
	if (array_grow((void **)&d->feeds, &d->cap_feeds, d->n_feeds + 1, sizeof *d->feeds))
		return NULL;
	struct sync_feed *f = &d->feeds[d->n_feeds];
	memset(f, 0, sizeof *f);
	f->remote = strdup(remote);
	f->url = strdup(url);
	f->title = title ? strdup(title) : NULL;
	f->tags = category_tag(category);
	f->items = feed_new();
	if (!f->remote || !f->url || (title && !f->title) || (category && *category && !f->tags) || !f->items) {
		free(f->remote);
		free(f->url);
		free(f->title);
		free(f->tags);
		feed_free(f->items);
		return NULL;
	}
	d->n_feeds++;
	return f;
}

void sync_data_free(struct sync_data *d)
{
	for (size_t i = 0; i < d->n_feeds; i++) {
		struct sync_feed *f = &d->feeds[i];
		free(f->remote);
		free(f->url);
		free(f->title);
		free(f->tags);
		feed_free(f->items);
	}
	free(d->feeds);
	for (size_t i = 0; i < d->n_unread; i++)
		free(d->unread[i]);
	free(d->unread);
	for (size_t i = 0; i < d->n_starred; i++)
		free(d->starred[i]);
	free(d->starred);
	free(d->mark);
	memset(d, 0, sizeof *d);
}

const char *sync_json_str(json_object *o, const char *key)
{
	json_object *v;
	if (!o || !json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
		return NULL;
	const char *s = json_object_get_string(v);
	return s && *s ? s : NULL;
}

int sync_item_published(struct feed_item *it, long long t)
{
	char when[FEED_DATE_LEN + 1];
	if (t <= 0 || date_format_utc(t, when))
		return 0;
	if (feed_set(&it->published, when))
		return -1;
	it->published_at = (struct moment){.time = t, .precision = DATE_TIME};
	return 0;
}

/* Sends the queue, batch by batch; what went through leaves it. */
static int send_queue(struct store *st, const struct sync_protocol *p, struct sync_conn *c,
                      struct sync_summary *sum, char *err, size_t errlen)
{
	struct store_sync_change *ch;
	size_t n;
	long long upto;
	if (store_sync_pending(st, &ch, &n, &upto, err, errlen))
		return -1;
	int rc = 0;
	char **ids = n ? malloc(n * sizeof *ids) : NULL;
	struct store_sync_change *done = n ? malloc(n * sizeof *done) : NULL;
	if (n && (!ids || !done)) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	}
	/* four groups: read, unread, starred, unstarred */
	for (int g = 0; g < 4 && !rc; g++) {
		enum store_sync_field field = g < 2 ? STORE_SYNC_READ : STORE_SYNC_STAR;
		int value = !(g & 1);
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (ch[i].field == field && ch[i].value == value)
				done[k] = ch[i], ids[k++] = ch[i].remote;
		for (size_t at = 0; at < k && !rc; at += p->batch) {
			size_t m = k - at < p->batch ? k - at : p->batch;
			if (p->send(c, field, value, ids + at, m, err, errlen) ||
			    store_sync_delivered(st, done + at, m, upto, err, errlen))
				rc = -1;
			else
				sum->sent += m;
		}
	}
	free(ids);
	free(done);
	store_sync_changes_free(ch, n);
	return rc;
}

/* Visible characters of s outside markup, up to limit. */
static size_t text_chars(const char *s, size_t limit)
{
	size_t n = 0;
	int in_tag = 0;
	for (; s && *s && n < limit; s++) {
		if (*s == '<')
			in_tag = 1;
		else if (*s == '>')
			in_tag = 0;
		else if (!in_tag && !isspace((unsigned char)*s))
			n++;
	}
	return n;
}

/* 1 when most of the feed's new items carry only a summary. */
static int summaries_only(const struct feed *f)
{
	size_t short_ones = 0;
	for (size_t i = 0; i < f->n_items; i++) {
		const struct feed_item *it = &f->items[i];
		if (it->link && text_chars(it->content ? it->content : it->summary, SUMMARY_CHARS) < SUMMARY_CHARS)
			short_ones++;
	}
	return f->n_items && short_ones * 2 > f->n_items;
}

/* Writes the pulled feeds and items; the full-text candidates go to ft. */
static int write_feeds(struct store *st, struct sync_data *d, struct feedlist *ft, struct sync_summary *sum,
                       FILE *report, FILE *progress, char *err, size_t errlen)
{
	const char **remotes = d->n_feeds ? malloc(d->n_feeds * sizeof *remotes) : NULL;
	if (d->n_feeds && !remotes) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < d->n_feeds && !rc; i++) {
		struct sync_feed *f = &d->feeds[i];
		long long id;
		remotes[i] = f->remote;
		if (progress) {
			fprintf(progress, "\r\033[Kstoring: %zu/%zu feeds, %zu items analysed", i, d->n_feeds,
			        sum->new_items + sum->changed_items);
			fflush(progress);
		}
		if (store_sync_feed(st, f->remote, f->url, f->title, f->tags, &id, err, errlen)) {
			rc = -1;
			break;
		}
		struct store_feed_state fs = {200, NULL, NULL, NULL, (long long)time(NULL), 0};
		struct store_apply_result res;
		char ferr[512];
		if (store_apply_feed(st, id, f->items, &fs, &ingest_item_parser, &res, ferr, sizeof ferr)) {
			char *u = sanitize_str(f->url, 0), *w = sanitize_str(ferr, 0);
			if (report)
				fprintf(report, "%s: %s\n", u ? u : "?", w ? w : "?");
			free(u);
			free(w);
			sum->failed++;
			continue;
		}
		sum->new_items += (size_t)res.n_new;
		sum->changed_items += (size_t)res.n_changed;
		if (res.n_new && summaries_only(f->items)) {
			char *tag = FULLTEXT_TAG;
			if (feedlist_add(ft, f->url, f->title, &tag, 1) < 0) {
				snprintf(err, errlen, "out of memory");
				rc = -1;
			}
		}
	}
	int removed = 0;
	if (!rc && store_sync_feeds_keep(st, remotes, d->n_feeds, &removed, err, errlen))
		rc = -1;
	sum->feeds_removed = (size_t)removed;
	free(remotes);
	return rc;
}

int sync_run(struct store *st, const struct source_config *cfg, const char *password, const struct fetch_opts *fo,
             FILE *report, FILE *log, FILE *progress, struct sync_summary *sum, char *err, size_t errlen)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(sum, 0, sizeof *sum);
	const struct source_account *a = source_account(cfg);
	if (!a) {
		snprintf(err, errlen, "no aggregator is configured (source ttrss or greader)");
		return -1;
	}
	const struct sync_protocol *p = cfg->kind == SOURCE_TTRSS ? &sync_ttrss : &sync_greader;
	char base[SOURCE_FIELD_MAX], source[SOURCE_FIELD_MAX + 32];
	snprintf(base, sizeof base, "%s", a->url);
	for (size_t n = strlen(base); n > 8 && base[n - 1] == '/'; n--)
		base[n - 1] = 0;
	size_t bl = strlen(base); /* Tiny Tiny RSS's API address given for its own: the calls add /api/ */
	if (cfg->kind == SOURCE_TTRSS && bl > 12 && !strcmp(base + bl - 4, "/api"))
		base[bl - 4] = 0;
	snprintf(source, sizeof source, "%s %s %s", source_kind_name(cfg->kind), base, a->login);
	/* a page of 200 or 1,000 articles can pass the cap made for one feed: the pages bound the answers */
	struct fetch_opts api = *fo;
	if (api.max_bytes < API_MAX_BYTES)
		api.max_bytes = API_MAX_BYTES;
	struct sync_data d;
	memset(&d, 0, sizeof d);
	struct sync_conn c = {&api, base, cfg->kind == SOURCE_TTRSS ? "Tiny Tiny RSS" : "the Google Reader API server",
	                      NULL, NULL, 0, log, progress, &d.n_items, 0};
	struct feedlist ft = FEEDLIST_INIT;
	char *mark = NULL;
	int rc = -1;
	if (store_sync_begin(st, source, err, errlen) || store_sync_get(st, "mark", &mark, err, errlen))
		goto out;
	/* the store is tied to an aggregator only once it accepted us (a mistyped URL must not stick) */
	if (p->login(&c, a->login, password, err, errlen) || store_sync_set(st, "source", source, err, errlen) ||
	    send_queue(st, p, &c, sum, err, errlen) ||
	    p->pull(&c, mark, &d, err, errlen))
		goto out;
	sum->feeds = d.n_feeds;
	sum->items = d.n_items;
	if (write_feeds(st, &d, &ft, sum, report, progress, err, errlen))
		goto out;
	struct store_sync_stats ss;
	if (store_sync_apply_state(st, (const char *const *)d.unread, d.n_unread, (const char *const *)d.starred,
	                           d.n_starred, &ss, err, errlen))
		goto out;
	sum->read_changed = (size_t)ss.read_changed;
	sum->star_changed = (size_t)ss.star_changed;
	/* the mark moves only once everything before it is stored */
	if (!sum->failed && d.mark && store_sync_set(st, "mark", d.mark, err, errlen))
		goto out;
	if (progress) {
		fprintf(progress, "\r\033[Kanalysing %zu new and changed items", sum->new_items + sum->changed_items);
		fflush(progress);
	}
	if (analysis_pending(st, NULL, &sum->analysed, err, errlen))
		goto out;
	rc = 0;
	if (cfg->fulltext && ft.n && fulltext_expand(st, &ft, fo, FULLTEXT_DEFAULT_PER_FEED, report, &sum->fulltext,
	                                             err, errlen))
		rc = -1;
out:
	{
		char ignored[128];
		long long q = 0;
		store_sync_queued(st, &q, ignored, sizeof ignored);
		sum->queued = (size_t)q;
	}
	sum->requests = c.requests;
	if (c.session) /* a secret: not left in freed memory */
		memset(c.session, 0, strlen(c.session));
	free(c.session);
	free(c.action_token);
	free(mark);
	sync_data_free(&d);
	feedlist_free(&ft);
	if (progress) {
		fputs("\r\033[K", progress);
		fflush(progress);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sum->seconds = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	return rc;
}

void sync_format_summary(const struct sync_summary *s, char *out, size_t outlen)
{
	int w = snprintf(out, outlen, "%zu feeds from the aggregator: %zu new items, %zu changed; "
	                 "%zu read and %zu star changes from it; %zu changes sent",
	                 s->feeds, s->new_items, s->changed_items, s->read_changed, s->star_changed, s->sent);
	if (w < 0 || (size_t)w >= outlen)
		return;
	size_t used = (size_t)w;
	if (s->queued)
		used += (size_t)snprintf(out + used, outlen - used, ", %zu waiting", s->queued);
	if (used < outlen && s->feeds_removed)
		used += (size_t)snprintf(out + used, outlen - used, "; %zu feeds gone", s->feeds_removed);
	if (used < outlen)
		snprintf(out + used, outlen - used, "; %zu requests in %.1f s", s->requests, s->seconds);
}
