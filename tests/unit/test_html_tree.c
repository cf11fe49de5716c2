/*
 * test_html_tree.c: the bounded tree builder (html_tree): normal pages get
 * libxml2's own tree less what no stage reads; hostile pages get a tree
 * within the budget, however their markup multiplies nodes.
 */
#include "html_testlib.h"
#include "html_tree.h"

#include <libxml/tree.h>

#define OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                 HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC)

/* Next node of any kind in document order (attributes not included). */
static xmlNode *next_node(xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && n->children)
		return n->children;
	while (n && !n->next)
		n = n->parent;
	return n ? n->next : NULL;
}

static int dropped(const xmlNode *n)
{
	return n && (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE);
}

/* Next node after n's subtree, what html_tree drops skipped. */
static xmlNode *next_past(xmlNode *n)
{
	while (n && !n->next)
		n = n->parent;
	n = n ? n->next : NULL;
	while (dropped(n))
		n = next_node(n);
	return n;
}

/* Next node that html_tree keeps: libxml2's comments and processing
 * instructions are left out by it. */
static xmlNode *next_kept(xmlNode *n)
{
	do
		n = next_node(n);
	while (dropped(n));
	return n;
}

struct census {
	size_t elements, texts, attrs, bytes; /* bytes: what the nodes and their strings hold */
};

static void count_tree(xmlDoc *doc, struct census *c)
{
	memset(c, 0, sizeof *c);
	for (xmlNode *n = xmlDocGetRootElement(doc); n; n = next_node(n)) {
		if (n->type == XML_ELEMENT_NODE) {
			c->elements++;
			c->bytes += sizeof *n;
			for (xmlAttr *a = n->properties; a; a = a->next) {
				c->attrs++;
				c->bytes += sizeof *a + sizeof(xmlNode);
				if (a->children && a->children->content)
					c->bytes += strlen((const char *)a->children->content);
			}
		} else {
			c->texts++;
			c->bytes += sizeof *n + (n->content ? strlen((const char *)n->content) : 0);
		}
	}
}

static const char page[] =
	"<!doctype html><html><head><title>Harbour talks</title>"
	"<meta property=\"og:title\" content=\"Harbour talks resume\">"
	"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Talks\"}</script>"
	"<script>var tracker = 'x'.repeat(1000);</script><style>p { color: red }</style></head>"
	"<body class=\"post\" data-track=\"1\" onload=\"go()\"><!-- header --><?php echo 1; ?>"
	"<div id=\"main\" data-x=\"y\" aria-label=\"main\"><p>The council <b>said<i> on Monday</b> that"
	"<p>talks would <a href=\"/more\" rel=\"nofollow\" data-id=\"7\">resume</a>.</div>"
	"<table><tr><td>cell<td>two</table><ul><li>one<li>two</ul><br/>tail"
	"<span itemprop=\"author\" style=\"display:none\" hidden>Ana</span><time datetime=\"2025-01-02\">Jan</time>"
	"</body></html>";

/* A normal page: the same elements and text in the same order as libxml2's
 * own tree, the attributes a stage reads, no comments, no script code. */
static void test_normal_page_keeps_libxml2_tree(void **state)
{
	(void)state;
	size_t len = strlen(page);
	xmlDoc *ref = htmlReadMemory(page, (int)len, NULL, "UTF-8", OPTIONS);
	struct html_tree_stats st;
	xmlDoc *doc = html_tree_parse(page, len, NULL, 1, &st);
	assert_non_null(ref);
	assert_non_null(doc);
	assert_false(st.truncated);
	assert_false(st.deep);
	xmlNode *a = xmlDocGetRootElement(ref), *b = xmlDocGetRootElement(doc);
	size_t elements = 0;
	while (a && b) {
		assert_int_equal(a->type, b->type);
		if (a->type != XML_ELEMENT_NODE) {
			assert_string_equal(a->content, b->content);
			a = next_kept(a);
			b = next_kept(b);
			continue;
		}
		elements++;
		assert_string_equal(a->name, b->name);
		for (xmlAttr *p = a->properties; p; p = p->next) {
			int unread = !strncmp((const char *)p->name, "data-", 5) || !strcmp((const char *)p->name, "onload") ||
			             !strcmp((const char *)p->name, "aria-label");
			xmlChar *want = xmlGetProp(a, p->name), *got = xmlGetProp(b, p->name);
			if (unread) {
				assert_null(got);
			} else {
				assert_non_null(got);
				assert_string_equal(want, got);
			}
			xmlFree(want);
			xmlFree(got);
		}
		/* script code and style sheets are the only text left out */
		if (xmlStrEqual(a->name, (const xmlChar *)"style") ||
		    (xmlStrEqual(a->name, (const xmlChar *)"script") && !xmlHasProp(a, (const xmlChar *)"type"))) {
			assert_non_null(a->children);
			assert_null(b->children);
			a = next_past(a);
			b = next_past(b);
			continue;
		}
		a = next_kept(a);
		b = next_kept(b);
	}
	assert_null(a);
	assert_null(b);
	assert_int_equal(elements, st.elements);
	xmlFreeDoc(ref);
	xmlFreeDoc(doc);
}

/* A page of n units of markup, filler before and an article first. */
static char *hostile(const char *unit, size_t bytes, size_t *len)
{
	static const char head[] = "<html><body><article><p>The council said on Monday that talks with the "
	                           "union would resume, after a week of waiting ships.</p></article><div><p>";
	size_t ul = strlen(unit), n = bytes / ul;
	char *s = malloc(sizeof head + n * ul + 32);
	assert_non_null(s);
	memcpy(s, head, sizeof head - 1);
	size_t k = sizeof head - 1;
	for (size_t i = 0; i < n; i++, k += ul)
		memcpy(s + k, unit, ul);
	strcpy(s + k, "</p></div></body></html>");
	*len = strlen(s);
	return s;
}

/* The bounded tree of hostile(unit, bytes); *len: the page's size. */
static xmlDoc *parse_hostile(const char *unit, size_t bytes, struct html_tree_stats *st, size_t *len)
{
	char *s = hostile(unit, bytes, len);
	xmlDoc *doc = html_tree_parse(s, *len, NULL, 1, st);
	assert_non_null(doc);
	free(s);
	return doc;
}

/* However the markup multiplies nodes, the tree stays within the budget, the
 * builder's count is the tree's, and what came before the cut is whole. */
static void test_hostile_pages_stay_within_budget(void **state)
{
	(void)state;
	static const char *const units[] = {
		"<span>w</span>",
		"<div>w</div>",
		"<span class=a id=b style=c title=d rel=e name=f type=g>w</span>",
		"<span data-a=1 data-b=2 data-c=3 data-d=4 onclick=x>w</span>",
		"w<!--c-->w<br>w<img>w<i></i>",
		"<b><i><u><s>w</s></u></i></b>",
		"<p>w",
		"</div></span></p><td>w",
	};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		size_t len;
		char *s = hostile(units[i], (size_t)3 << 20, &len);
		struct html_tree_stats st;
		xmlDoc *doc = html_tree_parse(s, len, NULL, 1, &st);
		assert_non_null(doc);
		struct census c;
		count_tree(doc, &c);
		print_message("%-70s elements %zu texts %zu attrs %zu tree %zu of budget %zu\n", units[i], c.elements,
		              c.texts, c.attrs, c.bytes, st.budget);
		assert_true(st.truncated);
		assert_int_equal(c.elements, st.elements);
		assert_true(c.bytes <= st.budget);
		assert_true(st.cost <= st.budget + 4096);
		/* libxml2's own tree of the same page is larger than the budget:
		 * without the filter the page would not fit */
		xmlDoc *ref = htmlReadMemory(s, (int)len, NULL, "UTF-8", OPTIONS);
		assert_non_null(ref);
		struct census rc;
		count_tree(ref, &rc);
		xmlFreeDoc(ref);
		print_message("%-70s libxml2 alone: %zu elements, tree %zu\n", "", rc.elements, rc.bytes);
		assert_true(rc.bytes > st.budget);
		xmlNode *root = xmlDocGetRootElement(doc);
		xmlChar *text = xmlNodeGetContent(root);
		assert_non_null(strstr((const char *)text, "talks with the union would resume"));
		xmlFree(text);
		xmlFreeDoc(doc);
		free(s);
	}
}

/* Past the cut the parser still closes every open element, through the
 * filter: the tree it leaves is whole (every child's parent is the element
 * that lists it, every element's last child is its list's end). */
static void test_cut_leaves_a_whole_tree(void **state)
{
	(void)state;
	size_t len;
	struct html_tree_stats st;
	xmlDoc *doc = parse_hostile("<div><span>w", (size_t)2 << 20, &st, &len);
	assert_true(st.truncated || st.deep);
	xmlNode *root = xmlDocGetRootElement(doc);
	assert_string_equal(root->name, "html");
	size_t elements = 0;
	for (xmlNode *n = root; n; n = next_node(n)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		elements++;
		xmlNode *last = NULL;
		for (xmlNode *c = n->children; c; c = c->next) {
			assert_ptr_equal(c->parent, n);
			last = c;
		}
		assert_ptr_equal(n->last, last);
	}
	assert_int_equal(elements, st.elements);
	xmlFreeDoc(doc);
}

/* Comments and processing instructions are a node each in libxml2's tree and
 * none in this one: text between them joins into one text node. */
static void test_comments_and_pis_cost_nothing(void **state)
{
	(void)state;
	size_t len;
	struct html_tree_stats st;
	xmlDoc *doc = parse_hostile("w<!--c--><?x?>", (size_t)2 << 20, &st, &len);
	struct census c;
	count_tree(doc, &c);
	assert_false(st.truncated);
	assert_true(c.elements < 20);
	assert_true(c.texts < 20);
	assert_true(c.bytes < 2 * len);
	xmlFreeDoc(doc);
}

static void test_nesting_limit_reported(void **state)
{
	(void)state;
	size_t len;
	struct html_tree_stats st;
	xmlDoc *doc = parse_hostile("<div>", 4000, &st, &len);
	assert_true(st.deep);
	assert_false(st.truncated);
	xmlFreeDoc(doc);
}

/* The URL names the document (metadata reads doc->URL); a page that is not
 * clean UTF-8 still parses. */
static void test_url_and_unclean_text(void **state)
{
	(void)state;
	static const char with_nul[] = "\0\0<html><body><p>Hi</p></body></html>";
	xmlDoc *doc = html_tree_parse(page, strlen(page), "https://news.example/a.html", 1, NULL);
	assert_non_null(doc);
	assert_string_equal(doc->URL, "https://news.example/a.html");
	xmlFreeDoc(doc);
	doc = html_tree_parse(with_nul, sizeof with_nul - 1, NULL, 0, NULL);
	xmlFreeDoc(doc);
	static const char latin[] = "<html><body><p>Caf\xe9</p></body></html>";
	doc = html_tree_parse(latin, sizeof latin - 1, NULL, 0, NULL);
	assert_non_null(doc);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normal_page_keeps_libxml2_tree),
		cmocka_unit_test(test_hostile_pages_stay_within_budget),
		cmocka_unit_test(test_cut_leaves_a_whole_tree),
		cmocka_unit_test(test_comments_and_pis_cost_nothing),
		cmocka_unit_test(test_nesting_limit_reported),
		cmocka_unit_test(test_url_and_unclean_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
