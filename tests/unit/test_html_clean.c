/* test_html_clean.c: pruning (html_clean) and content selection (html_score) on small trees. */
#include "html_testlib.h"
#include "html_clean.h"
#include "html_dom.h"
#include "html_score.h"

#include <libxml/HTMLparser.h>

struct page {
	htmlDocPtr doc;
	xmlNode *body;
	struct dom_stats *stats;
	size_t n;
};

static void page_open(struct page *p, const char *html)
{
	p->doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(p->doc);
	xmlNode *root = xmlDocGetRootElement(p->doc);
	p->body = NULL;
	for (xmlNode *n = root; n && !p->body; n = dom_next(n, root, 0))
		if (dom_is(n, "body"))
			p->body = n;
	assert_non_null(p->body);
	p->n = dom_count(p->body);
	p->stats = calloc(p->n, sizeof *p->stats);
	assert_non_null(p->stats);
	dom_measure(p->body, p->stats, p->n);
}

static void page_close(struct page *p)
{
	dom_unmeasure(p->body);
	free(p->stats);
	xmlFreeDoc(p->doc);
}

/* 1 when an element with this id is still in the tree. */
static int has_id(xmlNode *root, const char *id)
{
	for (xmlNode *n = root; n; n = dom_next(n, root, 0)) {
		const char *v = dom_attr(n, "id");
		if (v && !strcmp(v, id))
			return 1;
	}
	return 0;
}

static const char prose[] = "<p>Long prose with commas, clauses, and more words to make a real paragraph of the story here.</p>";

static void test_prune_never_content(void **state)
{
	(void)state;
	char html[8192];
	snprintf(html, sizeof html,
	         "<html><body><div id=\"story\">%s%s%s</div>"
	         "<script id=\"s\">var x = 1;</script><style id=\"st\">p{}</style>"
	         "<nav id=\"nav\"><a href=\"/\">Home</a></nav><aside id=\"aside\"><p>Aside text.</p></aside>"
	         "<footer id=\"foot\">Footer</footer><form id=\"form\"><input name=q></form>"
	         "<div id=\"hid\" hidden>Hidden</div><div id=\"aria\" aria-hidden=\"true\">Aria hidden</div>"
	         "<div id=\"css\" style=\"color: red; display : none\">Invisible</div>"
	         "<div id=\"share\" class=\"share-bar\"><a href=\"#\">Share</a></div>"
	         "<div id=\"rel\" class=\"related-articles\"><a href=\"/a\">Other story</a></div>"
	         "<div id=\"nl\" class=\"newsletter-signup\">Sign up for our newsletter</div>"
	         "<div id=\"by\" class=\"article-byline\">By Someone</div>"
	         "<section id=\"comments\"><p>A comment.</p></section>"
	         "<div id=\"keep\" class=\"note\">A short note that is kept.</div>"
	         "<div id=\"hc\" class=\"data hidden\">hidden by class</div>"
	         "<div id=\"oh\" class=\"overflow-hidden\">A wrapper that only clips.</div>"
	         "</body></html>", prose, prose, prose);
	struct page p;
	page_open(&p, html);
	html_clean_prune(p.body, HTML_CLEAN_CLASSES);
	const char *gone[] = {"s", "st", "nav", "aside", "foot", "form", "hid", "aria", "css", "share", "rel", "nl", "by", "comments", "hc"};
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
		if (has_id(p.body, gone[i]))
			fail_msg("#%s survived pruning", gone[i]);
	assert_true(has_id(p.body, "story"));
	assert_true(has_id(p.body, "keep"));
	assert_true(has_id(p.body, "oh"));
	page_close(&p);
}

static void test_prune_spares_the_article_whatever_its_name(void **state)
{
	(void)state;
	char html[8192];
	/* a layout wrapper named like a sidebar holds the whole story */
	snprintf(html, sizeof html, "<html><body><div id=\"wrap\" class=\"has-sidebar comments-open\">%s%s%s%s</div>"
	         "<div id=\"side\" class=\"sidebar\"><p>Small.</p></div></body></html>", prose, prose, prose, prose);
	struct page p;
	page_open(&p, html);
	html_clean_prune(p.body, HTML_CLEAN_CLASSES);
	assert_true(has_id(p.body, "wrap"));
	assert_false(has_id(p.body, "side"));
	page_close(&p);
	/* an id that is a heading's slug names the topic, not the kind of block */
	page_open(&p, "<html><body><div id=\"sharing-work-with-a-small-team\"><p>Text.</p></div>"
	              "<div id=\"share-bar\">Share</div></body></html>");
	html_clean_prune(p.body, HTML_CLEAN_CLASSES);
	assert_true(has_id(p.body, "sharing-work-with-a-small-team"));
	assert_false(has_id(p.body, "share-bar"));
	page_close(&p);
	/* words in a sentence keep their links whatever their class says */
	page_open(&p, "<html><body><p>Shares of <a id=\"org\" class=\"meta-org\" href=\"/y\">Yahoo</a> rose "
	              "<span id=\"sp\" class=\"share-count\">sharply</span>.</p>"
	              "<div><span id=\"bar\" class=\"share-count\">12 shares</span></div></body></html>");
	html_clean_prune(p.body, HTML_CLEAN_CLASSES);
	assert_true(has_id(p.body, "org"));
	assert_true(has_id(p.body, "sp"));
	assert_false(has_id(p.body, "bar"));
	page_close(&p);
	/* without class pruning, names are not judged at all */
	page_open(&p, "<html><body><div id=\"share\" class=\"share-bar\">Share</div><nav id=\"n\">x</nav></body></html>");
	html_clean_prune(p.body, 0);
	assert_true(has_id(p.body, "share"));
	assert_false(has_id(p.body, "n"));
	page_close(&p);
}

static void test_score_picks_article_over_link_lists(void **state)
{
	(void)state;
	char html[16384];
	snprintf(html, sizeof html,
	         "<html><body><div id=\"menu\"><ul><li><a href=\"/1\">A long link text that goes on and on, with commas, yes</a></li>"
	         "<li><a href=\"/2\">Another long link text that goes on and on, with commas, too</a></li></ul></div>"
	         "<div id=\"main\"><div id=\"a\">%s%s</div><div id=\"b\">%s%s</div><div id=\"c\">%s</div></div>"
	         "<div id=\"teasers\"><p><a href=\"/3\">A teaser paragraph made entirely of a link, long enough to score.</a></p></div>"
	         "</body></html>", prose, prose, prose, prose, prose);
	struct page p;
	page_open(&p, html);
	struct html_pick pick;
	assert_int_equal(html_score_pick(p.body, &pick), 0);
	assert_non_null(pick.top);
	assert_string_equal(dom_attr(pick.top, "id"), "main");
	assert_int_equal(pick.n, 1);
	html_pick_free(&pick);
	page_close(&p);
}

static void test_score_prefers_marked_body_and_joins_twins(void **state)
{
	(void)state;
	char html[16384];
	snprintf(html, sizeof html,
	         "<html><body><div id=\"x\" class=\"promo\">%s%s</div>"
	         "<div><div id=\"body1\" class=\"story-text\" itemprop=\"articleBody\">%s%s</div></div>"
	         "<div id=\"ad\">Advertisement</div>"
	         "<div><div id=\"body2\" class=\"story-text\">%s%s</div></div>"
	         "</body></html>", prose, prose, prose, prose, prose, prose);
	struct page p;
	page_open(&p, html);
	struct html_pick pick;
	assert_int_equal(html_score_pick(p.body, &pick), 0);
	/* the marked body wins over the longer promo (its wrapper may stand for it) */
	assert_true(has_id(pick.top, "body1"));
	assert_false(has_id(pick.top, "x"));
	/* the article continues after an ad in a container of the same class */
	assert_int_equal(pick.n, 2);
	assert_true(has_id(pick.nodes[1], "body2"));
	assert_false(has_id(pick.nodes[1], "ad"));
	html_pick_free(&pick);
	page_close(&p);
}

static void test_score_joins_numbered_twins(void **state)
{
	(void)state;
	char html[16384];
	snprintf(html, sizeof html,
	         "<html><body><div class=\"wrap\"><div id=\"p1\" class=\"story-body story-body-1\">%s%s</div></div>"
	         "<div class=\"ad\">Ad</div><div class=\"wrap\"><div id=\"p2\" class=\"story-body story-body-2\">%s%s%s</div></div>"
	         "<div id=\"other\" class=\"story-card\">%s</div></body></html>", prose, prose, prose, prose, prose, prose);
	struct page p;
	page_open(&p, html);
	struct html_pick pick;
	assert_int_equal(html_score_pick(p.body, &pick), 0);
	int p1 = 0, p2 = 0, other = 0;
	for (size_t i = 0; i < pick.n; i++)
		p1 |= has_id(pick.nodes[i], "p1"), p2 |= has_id(pick.nodes[i], "p2"), other |= has_id(pick.nodes[i], "other");
	assert_true(p1 && p2);
	assert_false(other);
	html_pick_free(&pick);
	page_close(&p);
}

static void test_content_cleaning(void **state)
{
	(void)state;
	char html[8192];
	snprintf(html, sizeof html,
	         "<html><body><div id=\"c\">%s<div id=\"links\"><a href=\"/1\">One more story</a> <a href=\"/2\">Two</a></div>%s"
	         "<p id=\"inline\">See <a href=\"/r\">the report</a> for the full figures and methods used.</p>"
	         "<div id=\"ctl\"><input name=\"email\"> Email</div></div></body></html>", prose, prose);
	struct page p;
	page_open(&p, html);
	xmlNode *c = NULL;
	for (xmlNode *n = p.body; n && !c; n = dom_next(n, p.body, 0))
		if (dom_attr(n, "id") && !strcmp(dom_attr(n, "id"), "c"))
			c = n;
	assert_int_equal(html_clean_content(c), 0);
	assert_false(has_id(p.body, "links"));
	assert_false(has_id(p.body, "ctl"));
	assert_true(has_id(p.body, "inline"));
	page_close(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prune_never_content),
		cmocka_unit_test(test_prune_spares_the_article_whatever_its_name),
		cmocka_unit_test(test_score_picks_article_over_link_lists),
		cmocka_unit_test(test_score_prefers_marked_body_and_joins_twins),
		cmocka_unit_test(test_score_joins_numbered_twins),
		cmocka_unit_test(test_content_cleaning),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
