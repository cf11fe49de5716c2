/* html_dom.c: iterative walks, attribute and text helpers over libxml2's HTML tree. */
#include "html_dom.h"
#include "base.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

xmlNode *dom_next(xmlNode *n, const xmlNode *root, int skip_children)
{
	for (xmlNode *c = skip_children ? NULL : n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	while (n && n != root) {
		for (xmlNode *c = n->next; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				return c;
		n = n->parent;
	}
	return NULL;
}

xmlNode *dom_first(xmlNode *root)
{
	return root;
}

/* Like dom_next() over every node kind (text included). */
static const xmlNode *next_any(const xmlNode *n, const xmlNode *root, int skip_children)
{
	if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

int dom_is(const xmlNode *n, const char *tag)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, tag);
}

int dom_is_any(const xmlNode *n, const char *const *tags)
{
	if (!n || n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	for (; *tags; tags++)
		if (!strcmp((const char *)n->name, *tags))
			return 1;
	return 0;
}

const char *dom_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name)) {
			if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

static const char *const block_tags[] = {
	"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
	"h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead",
	"tfoot", "caption", "figure", "figcaption", "header", "footer", "aside", "nav", "form",
	"fieldset", "address", "hr", "br", "center", "body", "html", "details", "summary", NULL,
};

int dom_is_block(const xmlNode *n)
{
	return dom_is_any(n, block_tags);
}

static int is_token_sep(char c)
{
	return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\0';
}

/* Case-insensitive search of word in s: anywhere, or when word starts with
 * '^', only as a whole token (tokens split at blanks, '-' and '_'). */
static int has_word(const char *s, const char *word)
{
	int whole = *word == '^';
	word += whole;
	size_t wl = strlen(word);
	/* real class lists are short; a hostile one megabytes long is read in part */
	for (const char *p = s; *p && p - s < 1024; p++)
		if (!strncasecmp(p, word, wl) &&
		    (!whole || ((p == s || is_token_sep(p[-1])) && is_token_sep(p[wl]))))
			return 1;
	return 0;
}

/* An id of five words or more is a heading's slug ("sharing-with-a-team"),
 * which says what the section is about, not what kind of block it is. */
static int is_slug(const char *id)
{
	int seps = 0;
	for (; *id; id++)
		seps += *id == '-' || *id == '_';
	return seps >= 4;
}

int dom_class_has(const xmlNode *n, const char *const *words)
{
	const char *c = dom_attr(n, "class"), *id = dom_attr(n, "id");
	if (id && is_slug(id))
		id = NULL;
	if ((!c || !*c) && (!id || !*id))
		return 0;
	for (; *words; words++)
		if ((c && has_word(c, *words)) || (id && has_word(id, *words)))
			return 1;
	return 0;
}

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x3000 ||
	       (cp >= 0x2000 && cp <= 0x200A);
}

/* Invisible characters that only steer layout or bidi; they never belong in the model. */
static int is_dropped_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0x200B ||
	       cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

int dom_text_append(struct buf *b, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k) {
			cp = 0xFFFD;
			k = 1;
		}
		if (is_space_cp(cp)) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
		} else if (!is_dropped_cp(cp)) {
			if (k == 1 && cp != 0xFFFD)
				buf_putc(b, s[i]);
			else if (cp == 0xFFFD && k == 1) {
				char tmp[4];
				buf_append(b, tmp, utf8_encode(cp, tmp));
			} else
				buf_append(b, s + i, k);
		}
		i += k;
	}
	return b->failed ? -1 : 0;
}

void dom_text_trim(struct buf *b)
{
	if (!b->data)
		return;
	size_t s = 0;
	while (s < b->len && b->data[s] == ' ')
		s++;
	size_t e = b->len;
	while (e > s && b->data[e - 1] == ' ')
		e--;
	memmove(b->data, b->data + s, e - s);
	b->len = e - s;
	b->data[b->len] = '\0';
}

int dom_text(const xmlNode *n, struct buf *b, size_t max)
{
	for (const xmlNode *c = n; c; ) {
		int skip = 0;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content && dom_text_append(b, (const char *)c->content, strlen((const char *)c->content)))
				return -1;
		} else if (c->type == XML_ELEMENT_NODE) {
			if (dom_is(c, "script") || dom_is(c, "style") || dom_is(c, "template"))
				skip = 1;
			else if (c != n && dom_is_block(c) && b->len && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
		} else {
			skip = 1;
		}
		if (max && b->len >= max)
			break;
		c = next_any(c, n, skip);
	}
	return b->failed ? -1 : 0;
}

size_t dom_count(xmlNode *root)
{
	size_t n = 0;
	for (xmlNode *c = root; c; c = dom_next(c, root, 0))
		n++;
	return n;
}

struct dom_stats *dom_stats_of(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

/* Collapsed length and commas of a text node's content. */
static void measure_text(const char *s, size_t *len, size_t *commas)
{
	int space = 1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			if (!space)
				(*len)++;
			space = 1;
			continue;
		}
		space = 0;
		if ((c & 0xC0) != 0x80)
			(*len)++;
		if (c == ',')
			(*commas)++;
	}
}

size_t dom_measure(xmlNode *root, struct dom_stats *stats, size_t cap)
{
	size_t n = 0;
	for (xmlNode *c = root; c && n < cap; c = dom_next(c, root, 0)) {
		struct dom_stats *st = &stats[n++];
		memset(st, 0, sizeof *st);
		st->node = c;
		c->_private = st;
		/* script and style text is not text anyone reads */
		int code = dom_is(c, "script") || dom_is(c, "style") || dom_is(c, "noscript") ||
		           dom_is(c, "template");
		for (xmlNode *t = code ? NULL : c->children; t; t = t->next)
			if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
				measure_text((const char *)t->content, &st->text, &st->commas);
		st->own = st->flow = st->text;
		if (dom_is(c, "p"))
			st->paras = 1;
		else if (dom_is(c, "li"))
			st->lis = 1;
		else if (dom_is(c, "input") || dom_is(c, "select") || dom_is(c, "textarea") || dom_is(c, "button"))
			st->inputs = 1;
		else if (dom_is(c, "img") || dom_is(c, "picture") || dom_is(c, "video"))
			st->imgs = 1;
	}
	/* Descendants come after their ancestors in document order, so a
	 * reverse pass completes every child before it is added to its parent. */
	for (size_t i = n; i-- > 0;) {
		struct dom_stats *st = &stats[i];
		if (dom_is(st->node, "a"))
			st->link = st->text;
		if (st->node == root)
			continue;
		struct dom_stats *p = dom_stats_of(st->node->parent);
		if (!p)
			continue;
		p->text += st->text;
		p->link += st->link;
		p->commas += st->commas;
		if (!dom_is_block(st->node))
			p->flow += st->flow;
		p->paras += st->paras;
		p->lis += st->lis;
		p->inputs += st->inputs;
		p->imgs += st->imgs;
	}
	return n;
}

void dom_unmeasure(xmlNode *root)
{
	for (xmlNode *c = root; c; c = dom_next(c, root, 0))
		c->_private = NULL;
}

const char *dom_ifind(const char *s, const char *w)
{
	size_t wl = strlen(w);
	for (; *s; s++)
		if (!strncasecmp(s, w, wl))
			return s;
	return NULL;
}

void dom_remove(xmlNode *n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}
