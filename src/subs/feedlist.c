/* feedlist.c: the feeds file (newsboat urls style): reading, and updating it without losing the user's lines. */
#include "subs.h"
#include "base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FEEDLIST_FILE_LIMIT ((size_t)16 << 20)

int feedlist_path(char *out, size_t n, char *err, size_t errlen)
{
	char dir[4096];
	if (appdirs_config(dir, sizeof dir, err, errlen))
		return -1;
	return appdirs_join(out, n, dir, "feeds", err, errlen);
}

int feedlist_url_ok(const char *url)
{
	const char *rest;
	if (!strncasecmp(url, "http://", 7))
		rest = url + 7;
	else if (!strncasecmp(url, "https://", 8))
		rest = url + 8;
	else
		return 0;
	if (!*rest || *rest == '/' || *rest == '?' || *rest == '#')
		return 0;
	/*
	 * The WHATWG URL code points: ASCII letters and digits, the punctuation
	 * below, and non-ASCII characters, except those a terminal or the bidi
	 * algorithm acts on (C1 controls, bidi and other invisible controls,
	 * line separators: what sanitize_text() would change) and invalid UTF-8.
	 */
	size_t len = strlen(url);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)url[i];
		if (c < 0x80) {
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			      (c && strchr("!$&'()*+,-./:;=?@_~%#[]", c))))
				return 0;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(url + i, len - i, &cp);
		if (!n || cp == 0xFFFD || (cp & 0xFFFE) == 0xFFFE || !sanitize_is_clean(url + i, n, 0))
			return 0;
		i += n;
	}
	return 1;
}

static void entry_free(struct feedlist_entry *e)
{
	free(e->url);
	free(e->title);
	for (size_t i = 0; i < e->n_tags; i++)
		free(e->tags[i]);
	free(e->tags);
}

size_t feedlist_keep(struct feedlist *fl, int (*keep)(const struct feedlist_entry *e, void *ctx), void *ctx)
{
	size_t kept = 0;
	for (size_t i = 0; i < fl->n; i++) {
		if (keep(&fl->entries[i], ctx))
			fl->entries[kept++] = fl->entries[i];
		else
			entry_free(&fl->entries[i]);
	}
	fl->n = kept;
	return kept;
}

void feedlist_free(struct feedlist *fl)
{
	for (size_t i = 0; i < fl->n; i++)
		entry_free(&fl->entries[i]);
	free(fl->entries);
	fl->entries = NULL;
	fl->n = fl->cap = 0;
}

long feedlist_find(const struct feedlist *fl, const char *url)
{
	for (size_t i = 0; i < fl->n; i++)
		if (!strcmp(fl->entries[i].url, url))
			return (long)i;
	return -1;
}

static struct feedlist_entry *push(struct feedlist *fl)
{
	if (array_grow((void **)&fl->entries, &fl->cap, fl->n + 1, sizeof *fl->entries))
		return NULL;
	struct feedlist_entry *e = &fl->entries[fl->n++];
	memset(e, 0, sizeof *e);
	return e;
}

static int add_tag(struct feedlist_entry *e, const char *t)
{
	for (size_t i = 0; i < e->n_tags; i++)
		if (!strcmp(e->tags[i], t))
			return 0;
	char **tags = realloc(e->tags, (e->n_tags + 1) * sizeof *tags);
	if (!tags)
		return -1;
	e->tags = tags;
	if (!(tags[e->n_tags] = strdup(t)))
		return -1;
	e->n_tags++;
	return 0;
}

int feedlist_add(struct feedlist *fl, const char *url, const char *title, char *const *tags, size_t n_tags)
{
	if (feedlist_find(fl, url) >= 0)
		return 1;
	struct feedlist_entry *e = push(fl);
	if (!e)
		return -1;
	if (!(e->url = strdup(url)) || (title && !(e->title = strdup(title))))
		goto fail;
	for (size_t i = 0; i < n_tags; i++)
		if (add_tag(e, tags[i]))
			goto fail;
	return 0;
fail:
	entry_free(e);
	fl->n--;
	return -1;
}

/*
 * Reads the next word of a line at *p (quoted or bare) into w. Returns 1
 * with a word, 0 at the end of the line, -1 on an unterminated quote.
 */
static int next_word(const char **p, const char *end, struct buf *w)
{
	const char *s = *p;
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	buf_reset(w);
	if (s >= end || *s == '#') {
		*p = end;
		return 0;
	}
	if (*s == '"') {
		for (s++; s < end && *s != '"'; s++) {
			if (*s == '\\' && s + 1 < end && (s[1] == '"' || s[1] == '\\'))
				s++;
			buf_putc(w, *s);
		}
		if (s >= end)
			return -1;
		s++;
	} else {
		while (s < end && *s != ' ' && *s != '\t')
			buf_putc(w, *s++);
	}
	buf_putc(w, '\0'); /* make data non-NULL for an empty quoted word */
	w->len--;
	*p = s;
	return 1;
}

static void note_bad(struct feedlist *fl, size_t line, const char *why, const char *what)
{
	if (!fl->n_bad++)
		snprintf(fl->bad, sizeof fl->bad, "line %zu: %s%s%.120s", line, why, what ? ": " : "",
		         what ? what : "");
}

static int parse_line(struct feedlist *fl, const char *s, const char *end, size_t line, struct buf *w,
                      struct strmap *seen)
{
	int r = next_word(&s, end, w);
	if (r == 0)
		return 0;
	if (r < 0 || w->failed) {
		note_bad(fl, line, "unterminated quote", NULL);
		return w->failed ? -1 : 0;
	}
	if (!feedlist_url_ok(w->data)) {
		note_bad(fl, line, "not an http(s) URL", w->data);
		return 0;
	}
	if (strmap_find(seen, w->data) >= 0)
		return 0; /* a repeated line subscribes once */
	struct feedlist_entry *e = push(fl);
	if (!e || !(e->url = strdup(w->data)) || strmap_set(seen, e->url, (int)(fl->n - 1)))
		goto oom;
	e->line = line;
	while ((r = next_word(&s, end, w)) > 0) {
		if (w->failed)
			goto oom;
		if (w->data[0] == '~') {
			free(e->title);
			if (!(e->title = strdup(w->data + 1)))
				goto oom;
		} else if (w->data[0] && add_tag(e, w->data)) {
			goto oom;
		}
	}
	if (r < 0)
		note_bad(fl, line, "unterminated quote (kept the words before it)", NULL);
	return 0;
oom:
	if (e) {
		entry_free(e);
		fl->n--;
	}
	return -1;
}

int feedlist_parse(const char *text, size_t len, struct feedlist *fl)
{
	struct buf w = BUF_INIT;
	struct strmap seen = STRMAP_EXACT;
	const char *s = text, *end = text + len;
	size_t line = 0;
	int rc = 0;
	for (size_t i = 0; i < fl->n && !rc; i++)
		rc = strmap_set(&seen, fl->entries[i].url, (int)i);
	while (s < end && !rc) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		const char *ce = le > s && le[-1] == '\r' ? le - 1 : le;
		rc = parse_line(fl, s, ce, ++line, &w, &seen);
		s = nl ? nl + 1 : end;
	}
	buf_free(&w);
	strmap_free(&seen);
	return rc;
}

int feedlist_load(const char *path, struct feedlist *fl, char *err, size_t errlen)
{
	char *data;
	size_t len;
	FILE *f = fopen(path, "r");
	if (!f)
		return 0; /* no file yet: no subscriptions */
	fclose(f);
	if (file_read(path, FEEDLIST_FILE_LIMIT, &data, &len, err, errlen))
		return -1;
	int rc = feedlist_parse(data, len, fl);
	free(data);
	if (rc)
		snprintf(err, errlen, "out of memory reading %s", path);
	return rc;
}

/* Appends s as one word, quoted when it must be. */
static void put_word(struct buf *b, const char *prefix, const char *s)
{
	int quote = !*s || *prefix || strpbrk(s, " \t\"\\#") != NULL;
	buf_putc(b, ' ');
	if (quote)
		buf_putc(b, '"');
	buf_puts(b, prefix);
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			continue;
		if (quote && (*s == '"' || *s == '\\'))
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
}

char *feedlist_format_entry(const struct feedlist_entry *e)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, e->url);
	if (e->title && *e->title)
		put_word(&b, "~", e->title);
	for (size_t i = 0; i < e->n_tags; i++)
		put_word(&b, "", e->tags[i]);
	if (b.failed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* The URL word at the start of line s..end, for matching renames; returns its length. */
static size_t url_span(const char *s, const char *end, const char **start)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	*start = s;
	const char *e = s;
	while (e < end && *e != ' ' && *e != '\t' && *e != '\r' && *e != '\n')
		e++;
	return (size_t)(e - s);
}

/* 1 when a line of data[0..len) starts with the URL url. */
static int has_url_line(const char *data, size_t len, const char *url)
{
	size_t n = strlen(url);
	for (const char *s = data, *end = data + len; s && s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl + 1 : end, *u;
		if (url_span(s, le, &u) == n && !memcmp(u, url, n))
			return 1;
		s = le;
	}
	return 0;
}

int feedlist_update_file(const char *path, const struct feedlist_entry *add, size_t n_add,
                         const char *const *renames, size_t n_renames, char *err, size_t errlen)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = fopen(path, "r");
	if (f) {
		fclose(f);
		if (file_read(path, FEEDLIST_FILE_LIMIT, &data, &len, err, errlen))
			return -1;
	}
	struct buf out = BUF_INIT;
	const char *s = data ? data : "", *end = s + len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl + 1 : end;
		const char *u;
		size_t ul = url_span(s, le, &u);
		const char *to = NULL;
		int hit = 0;
		for (size_t i = 0; i + 1 < 2 * n_renames && ul; i += 2)
			if (strlen(renames[i]) == ul && !memcmp(u, renames[i], ul)) {
				to = renames[i + 1];
				hit = 1;
			}
		if (hit && !to) {
			/* renamed to nothing: the subscription's line goes */
		} else if (to && has_url_line(data, len, to)) {
			/* subscribed at both addresses already: the old line goes, the new one keeps its words */
		} else if (to) {
			buf_append(&out, s, (size_t)(u - s));
			buf_puts(&out, to);
			buf_append(&out, u + ul, (size_t)(le - (u + ul)));
		} else {
			buf_append(&out, s, (size_t)(le - s));
		}
		s = le;
	}
	if (out.len && out.data[out.len - 1] != '\n')
		buf_putc(&out, '\n');
	for (size_t i = 0; i < n_add; i++) {
		char *line = feedlist_format_entry(&add[i]);
		if (!line) {
			out.failed = 1;
			break;
		}
		buf_puts(&out, line);
		buf_putc(&out, '\n');
		free(line);
	}
	free(data);
	if (out.failed) {
		buf_free(&out);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	int rc = appdirs_write_atomic(path, out.data ? out.data : "", out.len, err, errlen);
	buf_free(&out);
	return rc;
}
