/* html_text.c: walking the chosen blocks into sections, paragraphs and links. */
#include "html_text.h"
#include "model.h"
#include "base.h"
#include "html_dom.h"
#include "html_lines.h"

#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEADING_MAX 300

struct emit {
	struct article *a;
	const char *base;
	struct buf para;     /* paragraph being built */
	size_t total;        /* bytes emitted so far */
	int failed;          /* out of memory */
};

static struct section *current_section(struct emit *e)
{
	if (e->a->n_sections)
		return &e->a->sections[e->a->n_sections - 1];
	return article_add_section(e->a, NULL);
}

/* The labels pages print above advertisements, alone on their line. */
static int is_ad_label(const char *p)
{
	static const char *const labels[] = {
		"advert", "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content",
		"anzeige", "werbung", "publicit\xC3\xA9", "publicidad", "pubblicit\xC3\xA0", "reklama", NULL,
	};
	for (const char *const *l = labels; *l; l++)
		if (!strcasecmp(p, *l))
			return 1;
	return 0;
}

static void flush(struct emit *e)
{
	if (e->para.failed) {
		e->failed = 1;
		return;
	}
	dom_text_trim(&e->para);
	if (e->para.len && e->total < HTML_TEXT_MAX && !is_ad_label(e->para.data) &&
	    !html_line_is_furniture(e->para.data)) {
		struct section *s = current_section(e);
		if (!s || section_add_paragraph(s, e->para.data, e->para.len))
			e->failed = 1;
		e->total += e->para.len;
	}
	buf_reset(&e->para);
}

/* Same text, ignoring case and spacing: a heading repeating the headline. */
static int same_text(const char *x, const char *y)
{
	for (;;) {
		while (*x == ' ')
			x++;
		while (*y == ' ')
			y++;
		if (!*x || !*y)
			return !*x && !*y;
		if ((*x | 0x20) != (*y | 0x20))
			return 0;
		x++;
		y++;
	}
}

static void heading(struct emit *e, const xmlNode *n)
{
	struct buf h = BUF_INIT;
	if (dom_text(n, &h, HEADING_MAX + 1)) {
		e->failed = 1;
		buf_free(&h);
		return;
	}
	dom_text_trim(&h);
	/* An h1 is the page's title: above the text or repeating the headline it is not body text. */
	int title = dom_is(n, "h1") && h.len &&
	            ((e->a->headline && same_text(h.data, e->a->headline)) || !article_paragraph_count(e->a));
	if (title) {
		;
	} else if (h.len && h.len <= HEADING_MAX) {
		if (!article_add_section(e->a, h.data))
			e->failed = 1;
	} else if (h.len > HEADING_MAX) {
		/* a "heading" this long is prose set in big type */
		buf_append(&e->para, h.data, h.len);
		flush(e);
	}
	buf_free(&h);
}

static void link(struct emit *e, const xmlNode *n)
{
	const char *href = dom_attr(n, "href");
	if (!href || !*href || e->a->n_links >= HTML_LINKS_MAX)
		return;
	xmlChar *abs = xmlBuildURI((const xmlChar *)href, (const xmlChar *)e->base);
	const char *u = abs ? (const char *)abs : href;
	if (strncasecmp(u, "http://", 7) && strncasecmp(u, "https://", 8)) {
		xmlFree(abs);
		return;
	}
	struct buf clean = BUF_INIT, text = BUF_INIT;
	dom_text_append(&clean, u, strlen(u));
	dom_text(n, &text, 500);
	dom_text_trim(&text);
	if (clean.failed || text.failed) {
		e->failed = 1;
	} else if (clean.len && text.len && !memchr(clean.data, ' ', clean.len)) {
		/* a link without words (an image's) is referenced nowhere in the text */
		int dup = 0;
		for (size_t i = 0; i < e->a->n_links && !dup; i++)
			dup = !strcmp(e->a->links[i].url, clean.data);
		if (!dup && article_add_link(e->a, clean.data, text.data) < 0)
			e->failed = 1;
	}
	buf_free(&clean);
	buf_free(&text);
	xmlFree(abs);
}

static const char *const skipped_tags[] = {
	"figure", "img", "picture", "script", "style", "noscript", "template", "svg", "head",
	"iframe", "object", "button", "select", "textarea", "input", NULL,
};
static const char *const heading_tags[] = {"h1", "h2", "h3", "h4", NULL};

/* On entering an element: 1 to descend into it. */
static int enter(struct emit *e, const xmlNode *n)
{
	if (dom_is_any(n, skipped_tags))
		return 0;
	if (dom_is_any(n, heading_tags)) {
		flush(e);
		heading(e, n);
		return 0;
	}
	if (dom_is(n, "td") || dom_is(n, "th")) {
		if (e->para.len)
			buf_putc(&e->para, ' ');
		return 1;
	}
	if (dom_is(n, "a"))
		link(e, n);
	if (dom_is_block(n))
		flush(e);
	return 1;
}

static void leave(struct emit *e, const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && dom_is_block(n) && !dom_is(n, "td") && !dom_is(n, "th"))
		flush(e);
}

static void walk(struct emit *e, const xmlNode *root)
{
	const xmlNode *c = root;
	while (c && !e->failed && e->total < HTML_TEXT_MAX) {
		int descend = 0;
		if (c->type == XML_ELEMENT_NODE)
			descend = enter(e, c);
		else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			dom_text_append(&e->para, (const char *)c->content, strlen((const char *)c->content));
		if (descend && c->children) {
			c = c->children;
			continue;
		}
		leave(e, c);
		while (c != root && !c->next) {
			c = c->parent;
			leave(e, c);
		}
		if (c == root)
			break;
		c = c->next;
	}
}

/* 1 when every paragraph from section i, paragraph j on reads like a
 * teaser's title: short, and not a sentence ending in a full stop. */
static int only_teasers_after(const struct article *a, size_t i, size_t j)
{
	for (; i < a->n_sections; i++, j = 0)
		for (; j < a->sections[i].n_paragraphs; j++) {
			const char *p = a->sections[i].paragraphs[j];
			size_t len = strlen(p);
			if (len > 160 || (len && p[len - 1] == '.'))
				return 0;
		}
	return 1;
}

static void drop_sections_from(struct article *a, size_t i)
{
	for (size_t k = i; k < a->n_sections; k++) {
		struct section *x = &a->sections[k];
		for (size_t j = 0; j < x->n_paragraphs; j++)
			free(x->paragraphs[j]);
		free(x->heading);
		free(x->paragraphs);
		memset(x, 0, sizeof *x);
	}
	a->n_sections = i;
}

/*
 * The label of a list of teasers ("Related", "Mehr zum Thema") set as a
 * heading or a line of its own in the article's second half: when only
 * short lines follow, they are the teasers and go with it; when the
 * article goes on (a box set inside it), only the label goes.
 */
static void drop_teasers(struct article *a)
{
	size_t total = article_paragraph_count(a), seen = 0;
	for (size_t i = 0; i < a->n_sections; i++) {
		struct section *s = &a->sections[i];
		if (s->heading && seen && seen * 2 >= total && html_line_opens_teasers(s->heading)) {
			if (only_teasers_after(a, i, 0)) {
				drop_sections_from(a, i);
				return;
			}
			free(s->heading);
			s->heading = NULL;
		}
		for (size_t j = 0; j < s->n_paragraphs; j++, seen++) {
			if (!seen || seen * 2 < total || !html_line_opens_teasers(s->paragraphs[j]))
				continue;
			if (only_teasers_after(a, i, j + 1)) {
				for (size_t k = j; k < s->n_paragraphs; k++)
					free(s->paragraphs[k]);
				s->n_paragraphs = j;
				drop_sections_from(a, i + 1);
				return;
			}
			free(s->paragraphs[j]);
			memmove(s->paragraphs + j, s->paragraphs + j + 1, (s->n_paragraphs - j - 1) * sizeof *s->paragraphs);
			s->n_paragraphs--;
			j--;
			total--;
			seen--;
		}
	}
}

/* Removes calls to action from the end of the article, however many. */
static void drop_trailing_calls(struct article *a)
{
	while (a->n_sections && article_paragraph_count(a) > 1) {
		struct section *s = &a->sections[a->n_sections - 1];
		if (!s->n_paragraphs || !html_line_is_call(s->paragraphs[s->n_paragraphs - 1]))
			break;
		free(s->paragraphs[--s->n_paragraphs]);
	}
}

int html_text_emit(xmlNode *const *nodes, size_t n, const char *base, struct article *a,
                   char *err, size_t errlen)
{
	struct emit e = {a, base, BUF_INIT, 0, 0};
	for (size_t i = 0; i < n && !e.failed; i++) {
		walk(&e, nodes[i]);
		flush(&e);
	}
	buf_free(&e.para);
	drop_teasers(a);
	drop_trailing_calls(a);
	/* Headings left with nothing under them at the end were the titles of
	 * rails and lists the cleaning removed ("Related news", "More in ..."). */
	while (!e.failed && article_paragraph_count(a) && a->sections[a->n_sections - 1].heading &&
	       !a->sections[a->n_sections - 1].n_paragraphs) {
		struct section *s = &a->sections[--a->n_sections];
		free(s->heading);
		free(s->paragraphs);
		memset(s, 0, sizeof *s);
	}
	if (e.failed) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}
