/*
 * html_clean.c: pruning what is never content, before and after the main
 * content is chosen.
 *
 * Tags that never hold article prose go whatever they are called. Blocks
 * named like boilerplate (class or id) go too, unless they hold most of the
 * page's prose: some sites wrap the whole page in "has-sidebar" or
 * "comments-open", and losing the article is worse than keeping a share bar.
 */
#include "html_clean.h"
#include "html_dom.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Never content, whatever the page says. */
static const char *const junk_tags[] = {
	"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
	"button", "input", "select", "textarea", "option", "label", "link", "meta", "menu",
	"dialog", "figcaption", "video", "audio", "map", "head", "title", NULL,
};

/* Page furniture: gone unless it holds most of the prose. */
static const char *const furniture_tags[] = {"nav", "aside", "footer", "header", "form", NULL};

/* Elements in which a <time> is part of a sentence. */
static const char *const prose_parents[] = {
	"p", "li", "td", "dd", "blockquote", "span", "a", "em", "strong", "b", "i", "small", NULL,
};

/* Names that mark boilerplate even inside an article container. */
static const char *const strong_names[] = {
	"comment", "disqus", "share", "sharing", "social-links", "social-icons", "social-bar",
	"socialbar", "social-follow", "related", "newsletter", "subscri",
	"outbrain", "taboola", "sponsor", "advert", "cookie", "popup", "modal", "recirc",
	"popular", "trending", "signup", "sign-up", "recommend", "breadcrumb", "byline",
	"dateline", "author", "caption", "credit", "copyright", "^tags", "^tag", "keyword",
	"^meta", "metadata", "timestamp", "pubdate", "^ad", "^ads", "adslot", "ad-slot",
	"adunit", "ad-unit", "dfp", "sr-only", "visually-hidden", "screen-reader",
	"promo", "read-more", "readmore", "more-stories", "more-articles",
	"jump-link", "skip-link", "^print", "^toc", "table-of-contents", "tooltip",
	/* the same furniture named in the languages of the pages: comments,
	 * author boxes, sharing, related reading, subscriptions, tags */
	"kommentar", "komentarz", "comentario", "autor", "teilen", "compartir", "partager", "udostepnij",
	"verwandt", "aehnlich", "relacionad", "lesetipp", "leseempfehlung", "empfehlung", "mehr-zum-thema",
	"weiterlesen", "suscrip", "boletin", "abonnement", "schlagw", "stichw", "etiquetas", NULL,
};

/* Names of furniture that an article container may legitimately carry too. */
static const char *const weak_names[] = {
	"sidebar", "footer", "header", "masthead", "^menu", "^nav", "navbar", "navigation",
	"toolbar", "widget", "banner", "pagination", "pager", "^rail", "right-rail", "left-rail",
	"login", "follow", "^tools", "^bio", "^hide", NULL,
};

/* Names of article containers: they keep weak-named blocks. */
static const char *const good_names[] = {
	"article", "body", "content", "entry", "main", "post", "story", "text", "blog", NULL,
};

/* Share of the page's unlinked text that n holds, 0..1. */
static double prose_share(const xmlNode *n, size_t total)
{
	const struct dom_stats *st = dom_stats_of(n);
	if (!st || !total)
		return 0;
	return (double)(st->text - st->link) / (double)total;
}

/* 1 when the class list holds one of the utility classes that hide a block
 * (whole class names only: "overflow-hidden" hides nothing). */
static int hidden_class(const char *c)
{
	static const char *const names[] = {"hidden", "hide", "d-none", "is-hidden", "invisible", "display-none", NULL};
	while (c && *c) {
		while (*c == ' ' || *c == '\t' || *c == '\n')
			c++;
		size_t len = strcspn(c, " \t\n");
		for (const char *const *h = names; *h; h++)
			if (len == strlen(*h) && !strncasecmp(c, *h, len))
				return 1;
		c += len;
	}
	return 0;
}

static int is_hidden(const xmlNode *n)
{
	const char *v;
	if (hidden_class(dom_attr(n, "class")))
		return 1;
	if (dom_attr(n, "hidden"))
		return 1;
	if ((v = dom_attr(n, "aria-hidden")) && !strcasecmp(v, "true"))
		return 1;
	if ((v = dom_attr(n, "style"))) {
		/* "display: none" with any spacing */
		for (const char *p = v; (p = ascii_strcasestr(p, "display")); p += 7) {
			const char *q = p + 7;
			while (*q == ' ' || *q == ':')
				q++;
			if (!strncasecmp(q, "none", 4))
				return 1;
		}
		if (dom_icontains(v, "visibility:hidden") || dom_icontains(v, "visibility: hidden"))
			return 1;
	}
	return 0;
}

/* 1 when n is (or is marked as) the article body itself. */
static int is_article_root(const xmlNode *n)
{
	const char *ip = dom_attr(n, "itemprop");
	return dom_is(n, "body") || dom_is(n, "html") || (ip && dom_icontains(ip, "articleBody"));
}

/* Words inside a sentence: their class names describe the words ("meta-org",
 * "author-link"), not a block of boilerplate. */
static int in_prose(const xmlNode *n)
{
	static const char *const phrasing[] = {
		"a", "em", "strong", "b", "i", "u", "small", "abbr", "cite", "code", "sup", "sub",
		"mark", "q", "span", "font", NULL,
	};
	if (!dom_is_any(n, phrasing))
		return 0;
	const xmlNode *p = n->parent;
	while (p && p->type == XML_ELEMENT_NODE && dom_is_any(p, phrasing))
		p = p->parent;
	return dom_is_any(p, prose_parents);
}

/* Does n go? total is the page's unlinked text. */
static int prune_verdict(const xmlNode *n, const xmlNode *root, size_t total, int flags)
{
	if (dom_is_any(n, junk_tags))
		return 1;
	if (is_article_root(n))
		return 0;
	/* what the reader never sees is not the article (Readability drops it
	 * too), unless it holds most of the page's prose: a block hidden until a
	 * script shows it, or an unclosed hidden menu that swallowed the page */
	if (is_hidden(n)) {
		const struct dom_stats *hs = dom_stats_of(n);
		return prose_share(n, total) < 0.5 || !hs || (hs->paras < 2 && hs->text < 500);
	}
	/* a date standing alone between blocks is the page's metadata, not prose */
	if (dom_is(n, "time") && n->parent && !dom_is_any(n->parent, prose_parents))
		return 1;
	double share = prose_share(n, total);
	if (dom_is_any(n, furniture_tags))
		return share < 0.5;
	const char *ip = dom_attr(n, "itemprop");
	const struct dom_stats *st = dom_stats_of(n);
	if (ip && (dom_icontains(ip, "author") || dom_icontains(ip, "date")) && st && st->text < 200)
		return 1;
	if (!(flags & HTML_CLEAN_CLASSES) || in_prose(n))
		return 0;
	/* a block holding most of the page's paragraphs is the article's home */
	const struct dom_stats *rs = dom_stats_of(root);
	if (st && rs && rs->paras >= 3 && st->paras * 2 >= rs->paras)
		return 0;
	if (dom_is(n, "article") || dom_is(n, "main"))
		return dom_class_has(n, strong_names) && share < 0.2;
	if (dom_class_has(n, strong_names))
		return share < 0.6;
	if (dom_class_has(n, weak_names) && !dom_class_has(n, good_names))
		return share < 0.4;
	return 0;
}

void html_clean_prune(xmlNode *root, int flags)
{
	const struct dom_stats *rs = dom_stats_of(root);
	size_t total = rs ? rs->text - rs->link : 0;
	xmlNode *n = root;
	while (n) {
		if (n != root && prune_verdict(n, root, total, flags)) {
			xmlNode *next = dom_next(n, root, 1);
			dom_remove(n);
			n = next;
		} else {
			n = dom_next(n, root, 0);
		}
	}
	/* Comments and processing instructions never reach the tree
	 * (html_tree.c), so they need no pass of their own. */
}

/* Blocks inside the chosen content that are lists of links or controls;
 * judged on what is left of them once their own junk is gone. */
static int content_junk(const xmlNode *n, const struct dom_stats *st)
{
	static const char *const blocks[] = {
		"div", "section", "ul", "ol", "dl", "table", "p", "header", "center", NULL,
	};
	if (!st->eff_text)
		return 0;
	double ld = (double)st->eff_link / (double)st->eff_text;
	/* a run of links set inline (hover cards, tag lists) is a list all the same */
	if (dom_is(n, "span") && st->eff_anchors >= 3 && ld > 0.8)
		return 1;
	if (!dom_is_any(n, blocks))
		return 0;
	if (ld > 0.6 && st->eff_text < 3000)
		return 1;
	if (st->inputs && st->eff_text < 200)
		return 1;
	return 0;
}

int html_clean_content(xmlNode *content)
{
	size_t n = 0, cap = 0;
	xmlNode **order = NULL;
	for (xmlNode *c = content; c; c = dom_next(c, content, 0)) {
		if (array_grow((void **)&order, &cap, n + 1, sizeof *order)) {
			free(order);
			return -1;
		}
		order[n++] = c;
	}
	/* Reverse document order visits every element after all of its
	 * descendants, so a block is judged without the junk already cut from
	 * it, and freeing a block never frees one still to be visited. */
	for (size_t i = n; i-- > 0;) {
		xmlNode *c = order[i];
		struct dom_stats *st = dom_stats_of(c);
		if (!st)
			continue;
		st->eff_text = st->own;
		st->eff_link = 0;
		st->eff_anchors = 0;
		for (xmlNode *k = c->children; k; k = k->next) {
			const struct dom_stats *ks = dom_stats_of(k);
			if (ks)
				st->eff_text += ks->eff_text, st->eff_link += ks->eff_link,
				st->eff_anchors += ks->eff_anchors;
		}
		if (dom_is(c, "a")) {
			st->eff_link = st->eff_text;
			st->eff_anchors++;
		}
		if (c != content && content_junk(c, st))
			dom_remove(c);
	}
	free(order);
	return 0;
}
