/* refresh_state.c: validators and item digests per feed in a small text file, the sink used until the store exists. */
#include "pipeline.h"
#include "base.h"
#include "model.h"
#include "subs.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATE_FILE_LIMIT ((size_t)64 << 20)
#define STATE_HEADER "# dateline refresh state 1\n"

struct item_digest {
	uint64_t key;     /* digest of the item's id (or link, or title) */
	uint64_t content; /* digest of what a reader sees of it */
};

struct state_feed {
	char *url;                  /* feed URL */
	char *etag;                 /* last ETag, or NULL */
	char *last_modified;        /* last Last-Modified, or NULL */
	char *link;                 /* the site's URL (OPML htmlUrl), or NULL */
	struct item_digest *items;  /* sorted by key */
	size_t n_items;             /* number of items */
	size_t cap_items;           /* allocated */
	int used;                   /* 1 when this refresh asked about it (kept on write) */
};

struct refresh_state {
	char *path;               /* the state file */
	struct state_feed *feeds; /* in file order, then new ones */
	size_t n, cap;            /* used and allocated */
	struct strmap by_url;     /* feed URL -> position in feeds (exact; keys copied) */
};

int refresh_state_path(char *out, size_t n, char *err, size_t errlen)
{
	char dir[4096];
	if (appdirs_data(dir, sizeof dir, err, errlen))
		return -1;
	return appdirs_join(out, n, dir, "refresh-state", err, errlen);
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
	if (!s)
		s = "";
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0xff; /* field separator, so "ab","c" differs from "a","bc" */
	return h * 0x100000001b3ULL;
}

static int cmp_digest(const void *a, const void *b)
{
	uint64_t x = ((const struct item_digest *)a)->key, y = ((const struct item_digest *)b)->key;
	return x < y ? -1 : x > y;
}

static void feed_clear(struct state_feed *f)
{
	free(f->url);
	free(f->etag);
	free(f->last_modified);
	free(f->link);
	free(f->items);
}

void refresh_state_free(struct refresh_state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->n; i++)
		feed_clear(&st->feeds[i]);
	free(st->feeds);
	free(st->path);
	strmap_free(&st->by_url);
	free(st);
}

static struct state_feed *find(struct refresh_state *st, const char *url)
{
	int i = strmap_find(&st->by_url, url);
	return i >= 0 ? &st->feeds[i] : NULL;
}

/* After URLs changed or feeds were dropped: positions moved. */
static int reindex(struct refresh_state *st)
{
	strmap_free(&st->by_url);
	for (size_t i = 0; i < st->n; i++)
		if (strmap_set(&st->by_url, st->feeds[i].url, (int)i))
			return -1;
	return 0;
}

static struct state_feed *add_feed(struct refresh_state *st, const char *url)
{
	if (array_grow((void **)&st->feeds, &st->cap, st->n + 1, sizeof *st->feeds))
		return NULL;
	struct state_feed *f = &st->feeds[st->n];
	memset(f, 0, sizeof *f);
	if (!(f->url = strdup(url)))
		return NULL;
	if (strmap_set(&st->by_url, f->url, (int)st->n)) {
		free(f->url);
		return NULL;
	}
	st->n++;
	return f;
}

/* "-" stands for none in the file; values never hold tabs or line breaks. */
static char *field_dup(const char *s, size_t n)
{
	if (n == 1 && s[0] == '-')
		return NULL;
	return strndup(s, n);
}

/* Sixteen hex digits; sscanf would measure the whole rest of the file on each call. */
static int parse_hex64(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	for (int i = 0; i < 16; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return 0;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return 1;
}

static int parse_state(struct refresh_state *st, const char *s, const char *end)
{
	struct state_feed *cur = NULL;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		if (le - s > 2 && s[0] == 'F' && s[1] == '\t') {
			const char *a = s + 2, *t1 = memchr(a, '\t', (size_t)(le - a));
			const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(le - t1 - 1)) : NULL;
			cur = NULL;
			if (t2) {
				char *url = strndup(a, (size_t)(t1 - a));
				if (!url || !(cur = add_feed(st, url))) {
					free(url);
					return -1;
				}
				free(url);
				cur->etag = field_dup(t1 + 1, (size_t)(t2 - t1 - 1));
				cur->last_modified = field_dup(t2 + 1, (size_t)(le - t2 - 1));
			}
		} else if (cur && le - s > 2 && s[0] == 'L' && s[1] == '\t') {
			free(cur->link);
			cur->link = strndup(s + 2, (size_t)(le - s - 2));
		} else if (cur && le - s == 35 && s[0] == 'I' && s[1] == '\t') {
			struct item_digest d;
			if (parse_hex64(s + 2, &d.key) && s[18] == '\t' && parse_hex64(s + 19, &d.content)) {
				if (array_grow((void **)&cur->items, &cur->cap_items, cur->n_items + 1, sizeof *cur->items))
					return -1;
				cur->items[cur->n_items++] = d;
			}
		}
		s = nl ? nl + 1 : end;
	}
	for (size_t i = 0; i < st->n; i++)
		if (st->feeds[i].n_items)
			qsort(st->feeds[i].items, st->feeds[i].n_items, sizeof *st->feeds[i].items, cmp_digest);
	return 0;
}

int refresh_state_open(const char *path, struct refresh_state **out, char *err, size_t errlen)
{
	struct refresh_state *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	st->by_url.exact = 1; /* URLs differ by case */
	FILE *f = fopen(path, "r");
	if (f) {
		fclose(f);
		char *data;
		size_t len;
		if (file_read(path, STATE_FILE_LIMIT, &data, &len, err, errlen)) {
			refresh_state_free(st);
			return -1;
		}
		int rc = parse_state(st, data, data + len);
		free(data);
		if (rc) {
			refresh_state_free(st);
			snprintf(err, errlen, "out of memory reading %s", path);
			return -1;
		}
	}
	*out = st;
	return 0;
}

static int st_validators(void *ctx, const char *url, const char **etag, const char **last_modified,
                         char *err, size_t errlen)
{
	struct refresh_state *st = ctx;
	struct state_feed *f = find(st, url);
	if (!f && !(f = add_feed(st, url))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	f->used = 1;
	*etag = f->etag;
	*last_modified = f->last_modified;
	return 0;
}

/* A validator is stored only when it fits on one line of the file. */
static int replace_validator(char **field, const char *v)
{
	if (v && (strpbrk(v, "\t\r\n") || !*v))
		v = NULL;
	char *c = v ? strdup(v) : NULL;
	if (v && !c)
		return -1;
	free(*field);
	*field = c;
	return 0;
}

static int st_feed_done(void *ctx, const struct refresh_result *r, const struct feed *feed,
                        struct refresh_counts *counts, char *err, size_t errlen)
{
	struct refresh_state *st = ctx;
	struct state_feed *f = find(st, r->sub->url);
	if (!f && !(f = add_feed(st, r->sub->url)))
		goto oom;
	f->used = 1;
	if (r->outcome == REFRESH_FAILED)
		return 0;
	if (r->new_url) {
		char *u = strdup(r->new_url);
		if (!u)
			goto oom;
		char *old = f->url;
		f->url = u;
		int bad = reindex(st);
		free(old);
		if (bad)
			goto oom;
	}
	if (replace_validator(&f->etag, r->etag) || replace_validator(&f->last_modified, r->last_modified))
		goto oom;
	if (!feed)
		return 0;
	if (feed->link && replace_validator(&f->link, feed->link))
		goto oom;
	struct item_digest *items = feed->n_items ? calloc(feed->n_items, sizeof *items) : NULL;
	if (feed->n_items && !items)
		goto oom;
	for (size_t i = 0; i < feed->n_items; i++) {
		const struct feed_item *it = &feed->items[i];
		const char *key = it->id ? it->id : it->link ? it->link : it->title;
		uint64_t h = 0xcbf29ce484222325ULL;
		items[i].key = fnv1a(h, key);
		h = fnv1a(h, it->title);
		h = fnv1a(h, it->link);
		h = fnv1a(h, it->summary);
		h = fnv1a(h, it->content);
		items[i].content = fnv1a(h, it->updated);
		struct item_digest *old = f->n_items ? bsearch(&items[i], f->items, f->n_items, sizeof *items, cmp_digest)
		                                     : NULL;
		if (!old)
			counts->new_items++;
		else if (old->content != items[i].content)
			counts->changed_items++;
	}
	if (feed->n_items)
		qsort(items, feed->n_items, sizeof *items, cmp_digest);
	free(f->items);
	f->items = items;
	f->n_items = f->cap_items = feed->n_items;
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

/* Sixteen lower-case hex digits, no terminator (printf per item showed in profiles). */
static void put_hex64(char *out, uint64_t v)
{
	for (int i = 15; i >= 0; i--, v >>= 4)
		out[i] = "0123456789abcdef"[v & 15];
}

int refresh_state_save(struct refresh_state *st, char *err, size_t errlen)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, STATE_HEADER);
	for (size_t i = 0; i < st->n; i++) {
		const struct state_feed *f = &st->feeds[i];
		if (strpbrk(f->url, "\t\r\n"))
			continue;
		buf_printf(&b, "F\t%s\t%s\t%s\n", f->url, f->etag ? f->etag : "-",
		           f->last_modified ? f->last_modified : "-");
		if (f->link && !strpbrk(f->link, "\r\n"))
			buf_printf(&b, "L\t%s\n", f->link);
		for (size_t k = 0; k < f->n_items; k++) {
			char line[36];
			line[0] = 'I';
			line[1] = line[18] = '\t';
			put_hex64(line + 2, f->items[k].key);
			put_hex64(line + 19, f->items[k].content);
			line[35] = '\n';
			buf_append(&b, line, sizeof line);
		}
	}
	if (b.failed) {
		buf_free(&b);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int rc = appdirs_write_atomic(st->path, b.data, b.len, err, errlen);
	buf_free(&b);
	return rc;
}

/* Forgets the feeds this refresh did not ask about (unsubscribed), then saves. */
static int st_finish(void *ctx, char *err, size_t errlen)
{
	struct refresh_state *st = ctx;
	size_t k = 0;
	for (size_t i = 0; i < st->n; i++) {
		if (st->feeds[i].used)
			st->feeds[k++] = st->feeds[i];
		else
			feed_clear(&st->feeds[i]);
	}
	st->n = k;
	if (reindex(st)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return refresh_state_save(st, err, errlen);
}

const char *refresh_state_link(struct refresh_state *st, const char *url)
{
	struct state_feed *f = find(st, url);
	return f ? f->link : NULL;
}

int refresh_state_set_link(struct refresh_state *st, const char *url, const char *link)
{
	struct state_feed *f = find(st, url);
	if (!f && !(f = add_feed(st, url)))
		return -1;
	return replace_validator(&f->link, link);
}

void refresh_state_sink(struct refresh_state *st, struct refresh_sink *sink)
{
	sink->ctx = st;
	sink->validators = st_validators;
	sink->feed_done = st_feed_done;
	sink->finish = st_finish;
	sink->idle = NULL;
}
