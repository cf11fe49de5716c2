/*
 * feed_values.c: turning what a feed element holds into a model value:
 * trimming, dates, attribute values, URL resolution against xml:base,
 * HTML clean-up, base64, author names. Shared by the RSS and Atom readers.
 */
#include "base.h"
#include "decode.h"
#include "model.h"
#include "feed_xml.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fx_take(char **field, char *v)
{
	free(*field);
	*field = v;
}

char *fx_trim(char *s)
{
	if (!s)
		return s;
	size_t n = strlen(s), i = 0;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	memmove(s, s + i, n - i);
	s[n - i] = '\0';
	return s;
}

int fx_set_date(char **field, struct moment *at, const char *s)
{
	char out[FEED_DATE_LEN + 1];
	struct moment m;
	if (date_read(s, &m) || !moment_known(m) || date_format_utc(m.time, out))
		return 0;
	char *d = strdup(out);
	if (!d)
		return -1;
	fx_take(field, d);
	*at = m;
	return 1;
}

/* fx_set_date(), and a stop when out of memory. */
static int set_date_or_stop(struct fx *x, char **field, struct moment *at, const char *s)
{
	int rc = fx_set_date(field, at, s);
	if (rc < 0)
		fx_stop(x, "out of memory");
	return rc > 0;
}

int fx_set_updated(struct fx *x, const char *s)
{
	struct feed_item *it = x->item;
	return set_date_or_stop(x, it ? &it->updated : &x->feed->updated, it ? &it->updated_at : &x->feed->updated_at, s);
}

int fx_set_published(struct fx *x, const char *s)
{
	return x->item && set_date_or_stop(x, &x->item->published, &x->item->published_at, s);
}

/*
 * Copies an attribute value. Without entity substitution libxml2 hands "&"
 * over as "&#38;" inside attribute values; undo that here.
 */
char *fx_attr_copy(const char *s, const char *e)
{
	char *v = malloc((size_t)(e - s) + 1), *o = v;
	if (!v)
		return NULL;
	while (s < e) {
		if (*s == '&' && e - s >= 5 && !memcmp(s, "&#38;", 5))
			*o++ = '&', s += 5;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return v;
}

char *fx_attr_get(const struct fx_attr *a, int n, const char *uri, const char *name)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(a[i].name, name))
			continue;
		if (uri ? !(a[i].uri && !strcmp(a[i].uri, uri)) : a[i].uri != NULL)
			continue;
		return fx_attr_copy(a[i].value, a[i].value_end);
	}
	return NULL;
}

int fx_attr_is(const struct fx_attr *a, int n, const char *name, const char *value)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(a[i].name, name) && !a[i].uri) {
			size_t l = (size_t)(a[i].value_end - a[i].value);
			return l == strlen(value) && !strncasecmp(a[i].value, value, l);
		}
	return 0;
}

char *fx_resolve_url(const char *base, const char *s)
{
	if (!base || !*base)
		return strdup(s);
	xmlChar *r = xmlBuildURI((const xmlChar *)s, (const xmlChar *)base);
	if (!r) /* not a URI libxml2 can resolve: keep it as given */
		return strdup(s);
	char *out = strdup((const char *)r);
	xmlFree(r);
	return out;
}

char *fx_resolve(const struct fx_frame *f, const char *s) { return fx_resolve_url(f->base, s); }

/* Attributes that carry URLs in feed HTML. */
int fx_is_url_attr(const char *n, size_t l)
{
	return (l == 4 && !strncasecmp(n, "href", 4)) || (l == 3 && !strncasecmp(n, "src", 3)) ||
	       (l == 6 && !strncasecmp(n, "poster", 6)) || (l == 4 && !strncasecmp(n, "cite", 4)) ||
	       (l == 10 && !strncasecmp(n, "background", 10));
}

/* 1 when the '<' at p starts a tag, an end tag, a comment or a declaration an HTML reader knows. */
static int starts_markup(const char *p)
{
	char c = p[1];
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '/' || c == '?' || !strncmp(p + 1, "!--", 3) ||
	       !strncasecmp(p + 1, "!doctype", 8) || !strncmp(p + 1, "![CDATA[", 8);
}

/* 1 when the URL has a scheme ("https:", "mailto:"), so no base changes it. */
static int is_absolute(const char *s, size_t n)
{
	size_t i = 0;
	if (!n || !((*s | 32) >= 'a' && (*s | 32) <= 'z'))
		return 0;
	while (i < n && (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
	                 s[i] == '-' || s[i] == '.'))
		i++;
	return i < n && s[i] == ':';
}

/*
 * Escapes stray '<' and resolves relative URL attributes. With b NULL it
 * only reports (1) whether anything would change, so untouched HTML is
 * never copied.
 */
static int clean_html(const char *html, const char *base, struct buf *b)
{
	const char *p = html, *run = html;
	while ((p = strchr(p, '<'))) {
		if (!starts_markup(p)) {
			if (!b)
				return 1;
			buf_append(b, run, (size_t)(p - run));
			buf_put_html(b, "<", 1, 0);
			run = ++p;
			continue;
		}
		p++;
		if (!((*p | 32) >= 'a' && (*p | 32) <= 'z') || !base || !*base)
			continue;
		/* inside a start tag: look at each name=value until '>' */
		while (*p && *p != '>') {
			while (*p && *p != '>' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				p++;
			while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
				p++;
			const char *an = p;
			while (*p && *p != '=' && *p != '>' && *p != ' ' && *p != '/')
				p++;
			size_t al = (size_t)(p - an);
			if (*p != '=')
				continue;
			p++;
			char q = (*p == '"' || *p == '\'') ? *p++ : 0;
			const char *vs = p;
			while (*p && (q ? *p != q : (*p != ' ' && *p != '>')))
				p++;
			if (fx_is_url_attr(an, al) && p > vs && !is_absolute(vs, (size_t)(p - vs))) {
				if (!b)
					return 1;
				char *v = strndup(vs, (size_t)(p - vs));
				char *r = v ? fx_resolve_url(base, v) : NULL;
				buf_append(b, run, (size_t)(vs - run));
				buf_puts(b, r ? r : "");
				b->failed |= !r;
				free(v);
				free(r);
				run = p;
			}
			if (q && *p)
				p++;
		}
	}
	if (b)
		buf_puts(b, run);
	return 0;
}

char *fx_author_name(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at)
		return strdup(s);
	/* cut the address (and its brackets) out, keep what remains as the name */
	const char *b = at, *e = at;
	while (b > s && !strchr(" \t<(\"", b[-1]))
		b--;
	while (*e && !strchr(" \t>)\"", *e))
		e++;
	struct buf n = BUF_INIT;
	buf_append(&n, s, (size_t)(b - s));
	buf_putc(&n, ' ');
	buf_puts(&n, e);
	char *name = buf_detach(&n);
	if (!name)
		return NULL;
	for (char *p = name; *p; p++)
		if (strchr("<>()\"", *p))
			*p = ' ';
	fx_trim(name);
	if (!*name) {
		free(name);
		return strndup(b, (size_t)(e - b));
	}
	/* collapse the doubled spaces the cut left */
	char *w = name;
	for (char *r = name; *r; r++)
		if (!(*r == ' ' && w > name && w[-1] == ' '))
			*w++ = *r;
	*w = '\0';
	return name;
}

char *fx_base64(const char *s)
{
	size_t n = strlen(s), o = 0;
	unsigned acc = 0;
	int bits = 0;
	char *out = malloc(n / 4 * 3 + 4);
	if (!out)
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
		      : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
		if (c == '=')
			break;
		if (v < 0) {
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
				continue;
			free(out);
			return NULL;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xFF);
		}
	}
	out[o] = '\0';
	return out;
}

char *fx_clean_html(char *html, const char *base)
{
	if (!strchr(html, '<') || !clean_html(html, base, NULL))
		return html;
	struct buf b = BUF_INIT;
	clean_html(html, base, &b);
	free(html);
	if (b.failed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int fx_add_category(struct feed_item *it, const char *term)
{
	return it->n_categories >= FEED_MAX_CATEGORIES ? 0 : feed_item_add_category(it, term);
}

int fx_add_enclosure(struct feed_item *it, const char *url, const char *type, long long length)
{
	return it->n_enclosures >= FEED_MAX_ENCLOSURES ? 0 : feed_item_add_enclosure(it, url, type, length);
}
