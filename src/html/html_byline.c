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


/* Words that open a byline, in the languages of the news ("Von", "Por", "Autor:"). */
static const char *const byline_openers[] = {
	"by", "von", "vom", "por", "par", "przez", "di", "door", "av", "af", "autor", "autorin", "auteur",
	"author", "text", "texte", "written by", "posted by", "geschrieben von", "verfasst von",
	"escrito por", "publicado por", "\xC3\xA9" "crit par", "redaktion", "text von", "text und interview:", "eingestellt von", "publi\xC3\xA9 par", "pubblicato da",
	"ein beitrag von", "beitrag von", "blog beitrag von", "gastbeitrag von", "artikel von", "a post by",
	"article by", "story by", "texte de", "un article de", "texto de", "texto por", "art\xC3\xAD" "culo de", NULL,
};

/* Length of the opener word at s (with its colon and the space after), or 0. */
static size_t opener_len(const char *s)
{
	size_t best = 0;
	for (const char *const *o = byline_openers; *o; o++) {
		size_t l = strlen(*o);
		if (strncasecmp(s, *o, l))
			continue;
		size_t k = l;
		while (s[k] == ':' || s[k] == ' ')
			k++;
		if (k > l && s[k] && k > best)
			best = k;
	}
	return best;
}

/* Words after which a byline's name is over ("am 08.12.2022", "| 5 min"). */
static int name_ends(const char *s)
{
	/* words that open a date only when one follows: "Loïc Le Clerc" keeps its "Le" */
	static const char *const before_date[] = {" am ", " on ", " le ", " el ", " il ", " um ", " den ", NULL};
	for (const char *const *p = before_date; *p; p++) {
		size_t l = strlen(*p);
		if (!strncasecmp(s, *p, l))
			for (size_t i = l; s[i] && i < l + 12; i++)
				if (s[i] >= '0' && s[i] <= '9')
					return 1;
	}
	char day[16];
	if (s[0] == ' ' && s[1] >= '0' && s[1] <= '9' && !html_date_find(s, day, sizeof day))
		return 1;
	static const char *const stops[] = {
		" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		" \xC2\xB7 ", " \xE2\x80\xA2 ", ",", " (", " publi", " ver\xC3\xB6" "ffentlicht", " posted", NULL,
	};
	for (const char *const *p = stops; *p; p++)
		if (!strncasecmp(s, *p, strlen(*p)))
			return 1;
	return 0;
}

void html_byline_clean(struct buf *b)
{
	if (!b->len)
		return;
	size_t s = opener_len(b->data), e = b->len;
	/* "By Jane Doe, Staff Writer" keeps the list when names follow names;
	 * only dates and separators end the name here */
	for (size_t i = s; i < e; i++)
		if (b->data[i] != ',' && name_ends(b->data + i)) {
			e = i;
			break;
		}
	while (e > s && (b->data[e - 1] == ' ' || b->data[e - 1] == '|' || b->data[e - 1] == ','))
		e--;
	if (e <= s)
		return; /* nothing left: keep it as written */
	memmove(b->data, b->data + s, e - s);
	b->len = e - s;
	b->data[b->len] = '\0';
}

/* 1 when name reads like people's names: a few words, none of them a
 * lower-case word of prose ("Von A bis Z" is not a byline). */
static int reads_names(const char *name)
{
	static const char *const joins[] = {"und", "and", "y", "et", "e", "i", "von", "van", "de", "der", "den",
	                                    "la", "le", "da", "di", "del", "du", "zu", NULL};
	int words = 0;
	for (const char *p = name; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t l = strcspn(p, " ");
		words++;
		/* lower case: a-z, or a Latin-1 letter's lower half ("über") */
		int lower = (*p >= 'a' && *p <= 'z') || ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] >= 0xA0);
		for (const char *const *j = joins; *j && lower; j++)
			if (strlen(*j) == l && !strncmp(p, *j, l))
				lower = 0;
		if (lower && l >= 4)
			return 0;
		p += l;
	}
	return words >= 1 && words <= 6;
}

/* 1 when text reads "Von Jane Doe" / "By Jane Doe": an opener, then a capitalised name. */
static int reads_byline(const char *text)
{
	size_t k = opener_len(text);
	if (!k)
		return 0;
	unsigned char c = (unsigned char)text[k];
	return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

int html_byline_line(const char *text)
{
	if (!reads_byline(text))
		return 0;
	struct buf b = BUF_INIT;
	if (buf_puts(&b, text)) {
		buf_free(&b);
		return 0;
	}
	html_byline_clean(&b);
	int yes = b.len && !html_date_only(b.data) && reads_names(b.data);
	buf_free(&b);
	return yes;
}

int html_byline_in_text(xmlNode *root, struct buf *out)
{
	buf_reset(out);
	size_t seen = 0;
	for (xmlNode *n = root; n && seen < 3000;) {
		if (byline_skip(n) || dom_is(n, "nav") || dom_is(n, "footer") || dom_is(n, "aside")) {
			n = dom_next(n, root, 1);
			continue;
		}
		int leaf = dom_is_block(n) && !dom_is(n, "br");
		for (xmlNode *c = n->children; c && leaf; c = c->next)
			leaf = !(c->type == XML_ELEMENT_NODE && dom_is_block(c) && !dom_is(c, "br"));
		if (!leaf) {
			n = dom_next(n, root, 0);
			continue;
		}
		buf_reset(out);
		if (dom_text(n, out, HTML_BYLINE_MAX + 1))
			return -1;
		dom_text_trim(out);
		seen += out->len;
		if (out->len && out->len < HTML_BYLINE_MAX && reads_byline(out->data)) {
			html_byline_clean(out);
			if (out->len && !html_date_only(out->data) && reads_names(out->data))
				return 0;
		}
		n = dom_next(n, root, 1);
	}
	buf_reset(out);
	return 0;
}

/* The initials of s's words ("Associated Press" -> "AP", "Deutsche Presse-Agentur" -> "DPA"). */
static void initials(const char *s, char *out, size_t cap)
{
	size_t k = 0;
	int start = 1;
	for (; *s && k < cap - 1; s++) {
		int letter = (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z');
		if (letter && start)
			out[k++] = (char)(*s & ~0x20);
		start = !letter && ((unsigned char)*s < 0x80);
	}
	out[k] = '\0';
}

int html_byline_same_source(const char *a, const char *b)
{
	if (!strcasecmp(a, b))
		return 1;
	char ia[16], ib[16];
	initials(b, ib, sizeof ib);
	size_t la = strlen(a);
	/* a short name in capitals or lower case ("AP", "dpa") standing for b */
	if (la >= 2 && la <= 5 && !strchr(a, ' ') && strlen(ib) == la && !strcasecmp(a, ib) && strchr(b, ' '))
		return 1;
	initials(a, ia, sizeof ia);
	size_t lb = strlen(b);
	return lb >= 2 && lb <= 5 && !strchr(b, ' ') && strlen(ia) == lb && !strcasecmp(b, ia) && strchr(a, ' ');
}
