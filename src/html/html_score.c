/*
 * html_score.c: main-content selection by paragraph scores handed up to
 * containers (the Readability family), with preference for containers the
 * page itself marks as the article.
 */
#include "html_score.h"
#include "html_dom.h"

#include <stdlib.h>
#include <string.h>

#define MIN_PARA_TEXT 25
#define ANCESTOR_LEVELS 5
#define TOP_ALTERNATIVES 5

static const char *const good_names[] = {
	"article", "body", "content", "entry", "main", "page", "post", "story", "text", "blog",
	NULL,
};
static const char *const bad_names[] = {
	"comment", "meta", "footer", "footnote", "related", "share", "sidebar", "sponsor",
	"promo", "widget", "social", "newsletter", "subscri", "masthead", "banner", "popular",
	"recommend", "^ad", "^ads", "caption", "credit", "byline", "author", "nav", "menu",
	"teaser", "card", "kommentar", "komentarz", "comentario", "autor", "verwandt", "relacionad",
	"empfehlung", NULL,
};

int html_score_class_weight(const xmlNode *n)
{
	int w = 0;
	if (dom_class_has(n, bad_names))
		w -= 25;
	if (dom_class_has(n, good_names))
		w += 25;
	return w;
}

static int is_article_body(const xmlNode *n)
{
	const char *ip = dom_attr(n, "itemprop");
	return ip && dom_icontains(ip, "articlebody");
}

/* The starting score of a container. */
static double base_score(const xmlNode *n)
{
	double s = html_score_class_weight(n);
	if (dom_is(n, "div") || dom_is(n, "article") || dom_is(n, "section"))
		s += 5;
	else if (dom_is(n, "pre") || dom_is(n, "td") || dom_is(n, "blockquote"))
		s += 3;
	else if (dom_is(n, "ol") || dom_is(n, "ul") || dom_is(n, "dl") || dom_is(n, "li") ||
	         dom_is(n, "form") || dom_is(n, "address") || dom_is(n, "dd") || dom_is(n, "dt"))
		s -= 3;
	else if (dom_is(n, "h1") || dom_is(n, "h2") || dom_is(n, "h3") || dom_is(n, "h4") ||
	         dom_is(n, "h5") || dom_is(n, "h6") || dom_is(n, "th"))
		s -= 5;
	if (dom_is(n, "article"))
		s += 15;
	if (dom_is(n, "main"))
		s += 10;
	if (is_article_body(n))
		s += 40;
	return s;
}

/* A block that holds text of its own: <p>, <pre>, or a div with no blocks inside. */
static int is_paragraph(const xmlNode *n)
{
	if (dom_is(n, "p") || dom_is(n, "pre") || dom_is(n, "td") || dom_is(n, "blockquote"))
		return 1;
	if (!dom_is(n, "div") && !dom_is(n, "section") && !dom_is(n, "span"))
		return 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && dom_is_block(c) && !dom_is(c, "br"))
			return 0;
	return !dom_is(n, "span") || (n->parent && dom_is_block(n->parent));
}

static double link_density(const xmlNode *n)
{
	const struct dom_stats *st = dom_stats_of(n);
	return st && st->text ? (double)st->link / (double)st->text : 0;
}

static void credit(xmlNode *n, double score, int level)
{
	struct dom_stats *st = dom_stats_of(n);
	if (!st)
		return;
	if (!st->scored) {
		st->scored = 1;
		st->score = base_score(n);
	}
	st->score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
}

static double final_score(const xmlNode *n)
{
	const struct dom_stats *st = dom_stats_of(n);
	return st && st->scored ? st->score * (1 - link_density(n)) : 0;
}

static int push(struct html_pick *p, size_t *cap, xmlNode *n)
{
	if (array_grow((void **)&p->nodes, cap, p->n + 1, sizeof *p->nodes))
		return -1;
	p->nodes[p->n++] = n;
	return 0;
}

/* Text of a <p> sibling ends like a sentence ("." followed by space or end). */
static int ends_sentence(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return 0;
	const char *s = (const char *)t;
	int found = 0;
	for (const char *p = strchr(s, '.'); p && !found; p = strchr(p + 1, '.'))
		found = p[1] == ' ' || p[1] == '\0' || p[1] == '\n';
	xmlFree(t);
	return found;
}

/* Does sibling s join the top candidate? */
static int sibling_joins(const xmlNode *s, const xmlNode *top, double threshold)
{
	const struct dom_stats *st = dom_stats_of(s);
	if (!st)
		return 0;
	double bonus = 0;
	const char *c1 = dom_attr(s, "class"), *c2 = dom_attr(top, "class");
	if (c1 && c2 && *c1 && !strcmp(c1, c2))
		bonus = final_score(top) * 0.2;
	if (st->scored && final_score(s) + bonus >= threshold)
		return 1;
	if (dom_is(s, "p")) {
		double ld = link_density(s);
		if (st->text > 80 && ld < 0.25)
			return 1;
		if (st->text > 0 && st->text <= 80 && ld == 0 && ends_sentence(s))
			return 1;
	}
	return 0;
}

/* Walks up from top while the parent is at least as good: Readability's
 * rule that splits in an article's markup should not split the article. */
static xmlNode *climb(xmlNode *top, const xmlNode *root)
{
	double last = final_score(top), threshold = last / 3;
	for (xmlNode *p = top->parent; p && p != root && p->type == XML_ELEMENT_NODE; p = p->parent) {
		const struct dom_stats *st = dom_stats_of(p);
		if (!st || !st->scored)
			continue;
		double ps = final_score(p);
		if (ps < threshold)
			break;
		if (ps > last)
			return p;
		last = ps;
	}
	return top;
}

/* Blocks whose own text is a list or a heading, not an article's prose. */
static const char *const not_containers[] = {
	"li", "ul", "ol", "dl", "dd", "dt", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", NULL,
};

static void credit_ancestors(xmlNode *a, xmlNode *root, double score)
{
	for (int level = 0; a && level < ANCESTOR_LEVELS && a->type == XML_ELEMENT_NODE;
	     level++, a = a->parent) {
		credit(a, score, level);
		if (a == root)
			break;
	}
}

/* Class strings equal but for their digits ("story-body-1", "story-body-2"). */
static int same_class(const char *a, const char *b)
{
	for (;;) {
		while (*a >= '0' && *a <= '9')
			a++;
		while (*b >= '0' && *b <= '9')
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

int html_score_pick(xmlNode *root, struct html_pick *pick)
{
	memset(pick, 0, sizeof *pick);
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		if (!is_paragraph(n))
			continue;
		const struct dom_stats *st = dom_stats_of(n);
		if (!st || st->text < MIN_PARA_TEXT)
			continue;
		double score = 1 + (double)st->commas + (double)(st->text / 100 > 3 ? 3 : st->text / 100);
		credit_ancestors(n->parent, root, score);
	}
	/* Text set straight in a container, paragraphs split by <br> (blog
	 * engines do this), scores as the paragraphs it would be: for the
	 * container itself first. */
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		const struct dom_stats *st = dom_stats_of(n);
		if (!st || st->flow < MIN_PARA_TEXT * 4 || is_paragraph(n) || !dom_is_block(n) ||
		    dom_is_any(n, not_containers))
			continue;
		size_t pieces = st->flow / 250 + 1;
		double score = (double)pieces + (double)st->commas * (double)st->flow / (double)st->text +
		               (double)(st->flow / 100 > 3 * pieces ? 3 * pieces : st->flow / 100);
		credit_ancestors(n, root, score);
	}
	xmlNode *best[TOP_ALTERNATIVES] = {0};
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		const struct dom_stats *st = dom_stats_of(n);
		if (!st || !st->scored)
			continue;
		double s = final_score(n);
		for (int i = 0; i < TOP_ALTERNATIVES; i++)
			if (!best[i] || s > final_score(best[i])) {
				memmove(best + i + 1, best + i, (TOP_ALTERNATIVES - i - 1) * sizeof *best);
				best[i] = n;
				break;
			}
	}
	xmlNode *top = best[0];
	if (!top)
		return 0;
	/* When several strong candidates share an ancestor of the top one, the
	 * article is split across them: take the ancestor. */
	double top_score = final_score(top);
	for (xmlNode *anc = top->parent; anc && anc != root->parent && anc->type == XML_ELEMENT_NODE;
	     anc = anc->parent) {
		int inside = 0;
		for (int i = 1; i < TOP_ALTERNATIVES && best[i]; i++) {
			if (final_score(best[i]) < top_score * 0.75)
				continue;
			for (xmlNode *p = best[i]->parent; p; p = p->parent)
				if (p == anc) {
					inside++;
					break;
				}
		}
		if (inside >= 3) {
			top = anc;
			break;
		}
		if (anc == root)
			break;
	}
	top = climb(top, root);
	/* An only child says nothing its parent does not. The class that names
	 * the article's container is the innermost one on the way up. */
	xmlNode *named = top;
	while (top != root && top->parent && top->parent->type == XML_ELEMENT_NODE &&
	       dom_next(top->parent, top->parent, 0) == top && !dom_next(top, top->parent, 1))
		top = top->parent;
	pick->top = top;
	size_t cap = 0;
	if (top == root || !top->parent)
		return push(pick, &cap, top);
	double threshold = final_score(top) * 0.2;
	if (threshold < 10)
		threshold = 10;
	for (xmlNode *s = top->parent->children; s; s = s->next)
		if (s->type == XML_ELEMENT_NODE && (s == top || sibling_joins(s, top, threshold)))
			dom_stats_of(s)->picked = 1;
	/* Pages that cut the article into several containers give them the same
	 * tag and class: the top's twins elsewhere in the page join it. */
	const char *cls = dom_attr(named, "class");
	for (xmlNode *n = root; n;) {
		struct dom_stats *st = dom_stats_of(n);
		if (st && !st->picked && cls && *cls && dom_is(n, (const char *)named->name)) {
			const char *c = dom_attr(n, "class");
			if (c && same_class(c, cls) && st->text >= MIN_PARA_TEXT && link_density(n) < 0.5)
				st->picked = 1;
		}
		if (st && st->picked) {
			if (push(pick, &cap, n))
				return -1;
			n = dom_next(n, root, 1);
		} else {
			n = dom_next(n, root, 0);
		}
	}
	return 0;
}

void html_pick_free(struct html_pick *pick)
{
	free(pick->nodes);
	memset(pick, 0, sizeof *pick);
}
