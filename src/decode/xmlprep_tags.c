/*
 * xmlprep_tags.c: repairing end tags as feedparser's loose parser reads them.
 *
 * libxml2's recovery pops the innermost element at any end tag, whatever its
 * name: "<title>Two</b></title><link>" then closes the item at </title> and
 * every later field of it lands in the channel. Matching end tags to the open
 * elements by name, as feedparser does, keeps the rest of the feed: a stray
 * end tag goes, an end tag of an outer element closes the inner ones first.
 */
#include "xmlprep_tags.h"
#include "base.h"

#include <string.h>

static int name_char(unsigned char c)
{
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
	       c == '_' || c == ':' || c >= 0x80;
}

static size_t name_end(const char *s, size_t i, size_t len)
{
	while (i < len && name_char((unsigned char)s[i]))
		i++;
	return i;
}

void tags_start(struct tag_stack *t, const char *s, size_t i, size_t len)
{
	if (t->off)
		return;
	size_t ne = name_end(s, i + 1, len), j = ne, stop = len - i > TAGS_MAX_TAG ? i + TAGS_MAX_TAG : len;
	char q = 0;
	/* to the '>' outside quoted values: "/>" opens nothing; a tag cut short by '<' or the end is left to the parser */
	for (; j < stop; j++) {
		char c = s[j];
		if (q) {
			if (c == q)
				q = 0;
		} else if (c == '"' || c == '\'') {
			q = c;
		} else if (c == '>' || c == '<') {
			break;
		}
	}
	if (j == stop && stop < len) {
		t->off = 1; /* a tag longer than the window: repairs stop here rather than guess (and scans stay bounded) */
		return;
	}
	if (j >= len || s[j] != '>' || s[j - 1] == '/')
		return;
	if (t->n == TAGS_MAX_OPEN) {
		t->off = 1;
		return;
	}
	t->open[t->n].name = s + i + 1;
	t->open[t->n].len = ne - (i + 1);
	t->n++;
}

size_t tags_end(struct tag_stack *t, const char *s, size_t i, size_t len, struct buf *rep, int *changed)
{
	size_t ns = i + 2, ne = name_end(s, ns, len), j = ne;
	while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
		j++;
	*changed = 0;
	if (t->off || ne == ns || j >= len || s[j] != '>')
		return i + 2; /* not an end tag this pass understands: the parser says what it makes of it */
	size_t nl = ne - ns, k = t->n;
	while (k && !(t->open[k - 1].len == nl && !memcmp(t->open[k - 1].name, s + ns, nl)))
		k--;
	if (!k) {
		*changed = 1; /* closes nothing open: dropped */
		return j + 1;
	}
	if (k < t->n) {
		for (size_t m = t->n; m > k; m--) {
			buf_puts(rep, "</");
			buf_append(rep, t->open[m - 1].name, t->open[m - 1].len);
			buf_putc(rep, '>');
		}
		buf_append(rep, s + i, j + 1 - i);
		*changed = 1;
	}
	t->n = k - 1;
	return j + 1;
}

void tags_close_all(struct tag_stack *t, struct buf *b)
{
	for (; !t->off && t->n; t->n--) {
		buf_puts(b, "</");
		buf_append(b, t->open[t->n - 1].name, t->open[t->n - 1].len);
		buf_putc(b, '>');
	}
}
