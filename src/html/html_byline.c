/* html_byline.c: finding the byline in a page's markup, as Readability does. */
#include "html_byline.h"
#include "base.h"
#include "html_date.h"
#include "html_dom.h"

#include <string.h>
#include <strings.h>

/* Bytes of n's text as written, blanks inside included, the ends trimmed;
 * counting stops at cap. */
static size_t raw_text_len(const xmlNode *n, size_t cap)
{
	size_t len = 0, trail = 0;
	const xmlNode *c = n;
	while (c && len - trail < cap) {
		if (c->type == XML_TEXT_NODE && c->content)
			for (const char *p = (const char *)c->content; *p; p++) {
				int ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
				if (ws && !len)
					continue;
				len++;
				trail = ws ? trail + 1 : 0;
			}
		if (c->type == XML_ELEMENT_NODE && c->children) {
			c = c->children;
			continue;
		}
		while (c && c != n && !c->next)
			c = c->parent;
		if (!c || c == n)
			break;
		c = c->next;
	}
	return len - trail;
}

/* Subtrees where a byline-named block is a commenter's or a form's, not the article's. */
static int byline_skip(const xmlNode *n)
{
	static const char *const tags[] = {
		"head", "script", "style", "template", "form", "textarea", "select", NULL,
	};
	static const char *const names[] = {"comment", "respond", "reply", "replies", "disqus", NULL};
	const char *hidden = dom_attr(n, "aria-hidden");
	return dom_is_any(n, tags) || dom_attr(n, "hidden") || (hidden && !strcasecmp(hidden, "true")) ||
	       dom_class_has(n, names);
}

/* The byline-named element's text in out when it reads like one. 0 or -1 (memory). */
static int byline_text(xmlNode *n, struct buf *out)
{
	buf_reset(out);
	/* as written, spaces and all: a long block is not a byline however it is named */
	if (raw_text_len(n, HTML_BYLINE_MAX) >= HTML_BYLINE_MAX)
		return 0;
	/* itemprop=author wraps the name in itemprop=name, beside job titles */
	xmlNode *name = NULL;
	if (dom_attr(n, "itemprop"))
		for (xmlNode *c = n; c && !name; c = dom_next(c, n, 0)) {
			const char *cip = dom_attr(c, "itemprop");
			if (c != n && cip && !strcasecmp(cip, "name"))
				name = c;
		}
	if (dom_text(name ? name : n, out, HTML_BYLINE_MAX + 1))
		return -1;
	dom_text_trim(out);
	/* "By" and nothing after it names no one */
	int bare = out->len && out->len <= 3 && !strncasecmp(out->data, "by", 2);
	if (!out->len || out->len >= HTML_BYLINE_MAX || bare || html_date_only(out->data))
		buf_reset(out);
	return 0;
}

/* The page's own byline: rel=author, itemprop author, or a byline-named block. */
int html_byline_in_page(xmlNode *root, struct buf *out)
{
	static const char *const names[] = {"byline", "author", "dateline", "writtenby", "p-author", NULL};
	for (xmlNode *n = root; n;) {
		if (byline_skip(n)) {
			n = dom_next(n, root, 1);
			continue;
		}
		const char *rel = dom_attr(n, "rel"), *ip = dom_attr(n, "itemprop");
		if ((rel && !strcasecmp(rel, "author")) || (ip && dom_icontains(ip, "author")) ||
		    dom_class_has(n, names)) {
			if (byline_text(n, out))
				return -1;
			if (out->len)
				return 0;
		}
		n = dom_next(n, root, 0);
	}
	buf_reset(out);
	return 0;
}

