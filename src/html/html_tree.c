/*
 * html_tree.c: libxml2's HTML tree builder behind a filter on its SAX events,
 * so that the tree of any page, hostile ones included, stays within a small
 * multiple of the page's size (see html_tree.h).
 *
 * The HTML parser pairs its events: every startElement it sends is followed
 * by one endElement for the same name (its auto-close sends them too), and it
 * never sends an end it did not start. One byte per open element records
 * whether the builder saw the start, so its end goes to the builder too, and
 * a start left out never pops an element that was built.
 */
#include "html_tree.h"
#include "html_dom.h"
#include "base.h"

#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The tree may cost this many times the page, plus a floor for small pages. */
#define BUDGET_PER_BYTE 3
#define BUDGET_FLOOR ((size_t)8 << 20)
/* malloc's own bookkeeping per block, roughly */
#define MALLOC_OVERHEAD 16
/* the per-element figures html_dom hangs on every element during extraction */
#define ELEMENT_COST (sizeof(xmlNode) + MALLOC_OVERHEAD + sizeof(struct dom_stats))
#define TEXT_NODE_COST (sizeof(xmlNode) + MALLOC_OVERHEAD)
#define ATTR_COST (sizeof(xmlAttr) + sizeof(xmlNode) + 3 * MALLOC_OVERHEAD)

/* The attributes some extraction stage reads (dom_attr() and dom_class_has()
 * callers); the rest (data-*, on*, srcset, aria-* ...) are never looked at. */
static const char *const kept_attrs[] = {
	"aria-hidden", "class", "content", "datetime", "hidden", "href", "id", "itemprop", "name",
	"property", "pubdate", "rel", "style", "title", "type", NULL,
};
#define MAX_KEPT_ATTRS 16

struct builder {
	startElementSAXFunc start;  /* libxml2's tree builder */
	endElementSAXFunc end;
	charactersSAXFunc characters;
	cdataBlockSAXFunc cdata;
	unsigned char *open;        /* per open element: 1 when built */
	size_t depth, cap;
	size_t mute_depth;          /* >0: inside a <script>/<style> at this depth whose text goes */
	int failed;                 /* 1 after an allocation failed */
	struct html_tree_stats st;
};

size_t html_tree_budget(size_t len)
{
	return len > (SIZE_MAX - BUDGET_FLOOR) / BUDGET_PER_BYTE ? SIZE_MAX : len * BUDGET_PER_BYTE + BUDGET_FLOOR;
}

static struct builder *builder_of(void *ctx)
{
	return ((htmlParserCtxtPtr)ctx)->_private;
}

static int attr_kept(const xmlChar *name)
{
	for (const char *const *k = kept_attrs; *k; k++)
		if (!strcasecmp((const char *)name, *k))
			return 1;
	return 0;
}

/* Script text that is not JSON-LD, and style sheets: no stage reads them. */
static int text_muted(const xmlChar *name, const xmlChar **atts)
{
	if (!strcmp((const char *)name, "style"))
		return 1;
	if (strcmp((const char *)name, "script"))
		return 0;
	for (size_t i = 0; atts && atts[i]; i += 2)
		if (!strcasecmp((const char *)atts[i], "type") && atts[i + 1] &&
		    ascii_strcasestr((const char *)atts[i + 1], "ld+json"))
			return 0;
	return 1;
}

static void add_text(struct builder *b, void *ctx, const xmlChar *ch, int len, int cdata)
{
	htmlParserCtxtPtr ctxt = ctx;
	const xmlNode *last = ctxt->node ? ctxt->node->last : NULL;
	b->st.cost += (size_t)len + (last && last->type == XML_TEXT_NODE ? 0 : TEXT_NODE_COST);
	if (cdata && b->cdata)
		b->cdata(ctx, ch, len);
	else if (b->characters)
		b->characters(ctx, ch, len);
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct builder *b = builder_of(ctx);
	if (array_grow((void **)&b->open, &b->cap, b->depth + 1, 1)) {
		b->failed = 1;
		xmlStopParser(ctx);
		return;
	}
	int build = !b->st.truncated && b->st.cost < b->st.budget;
	b->open[b->depth++] = (unsigned char)build;
	if (!build) {
		/* The page ends here for the reader: the rest would cost more than
		 * the budget, and the text of elements left unbuilt, heaped on an
		 * ancestor, would read as one long paragraph of whatever filled the
		 * page. The parser still closes what is open, through on_end(). */
		if (!b->st.truncated)
			xmlStopParser(ctx);
		b->st.truncated = 1;
		return;
	}
	const xmlChar *kept[2 * MAX_KEPT_ATTRS + 2];
	size_t n = 0;
	size_t cost = ELEMENT_COST;
	for (size_t i = 0; atts && atts[i] && n < 2 * MAX_KEPT_ATTRS; i += 2) {
		if (!attr_kept(atts[i]))
			continue;
		kept[n++] = atts[i];
		kept[n++] = atts[i + 1];
		cost += ATTR_COST + (atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0);
	}
	kept[n] = kept[n + 1] = NULL;
	htmlParserCtxtPtr ctxt = ctx;
	int open_before = ctxt->nodeNr;
	b->start(ctx, name, n ? kept : NULL);
	if (ctxt->nodeNr <= open_before) {
		/* the builder refused it (nesting limit, memory): its end must not
		 * close the parent */
		b->open[b->depth - 1] = 0;
		return;
	}
	b->st.cost += cost;
	b->st.elements++;
	if (text_muted(name, atts))
		b->mute_depth = b->depth;
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct builder *b = builder_of(ctx);
	if (!b->depth)
		return; /* never sent by the parser: its starts and ends pair */
	int built = b->open[--b->depth];
	if (b->mute_depth > b->depth)
		b->mute_depth = 0;
	if (built)
		b->end(ctx, name);
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
	struct builder *b = builder_of(ctx);
	if (!b->mute_depth && !b->st.truncated)
		add_text(b, ctx, ch, len, 0);
}

static void on_cdata(void *ctx, const xmlChar *ch, int len)
{
	struct builder *b = builder_of(ctx);
	if (!b->mute_depth && !b->st.truncated)
		add_text(b, ctx, ch, len, 1);
}

/* Comments and processing instructions hold nothing any stage reads, and
 * cost a node each: "<?x?>" is 5 bytes of page and 140 of tree. */
static void on_comment(void *ctx, const xmlChar *value)
{
	(void)ctx;
	(void)value;
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)ctx;
	(void)target;
	(void)data;
}

/* 1 when libxml2 stopped the parse at its nesting limit. */
static int stopped_deep(htmlParserCtxtPtr ctxt)
{
	return ctxt->lastError.message && strstr(ctxt->lastError.message, "Excessive depth");
}

int html_tree_clean(const char *text, size_t len)
{
	return !memchr(text, '\0', len) && utf8_valid(text, len);
}

/* Reads the page as UTF-8. Naming the encoding, as htmlReadMemory(..., "UTF-8")
 * does, runs the page through libxml2's UTF-8 decoder into a second buffer
 * grown to twice the page; declaring UTF-8 reads the bytes as they are. Only
 * text that is not clean UTF-8 (a NUL would make libxml2 sniff UTF-16 or 32)
 * takes the decoder, as before. */
static int read_as_utf8(htmlParserCtxtPtr ctxt, int clean)
{
	if (clean)
		return xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler("UTF-8");
	if (!h || xmlSwitchToEncoding(ctxt, h))
		return -1;
	xmlFree((xmlChar *)ctxt->input->encoding);
	ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
	return ctxt->input->encoding ? 0 : -1;
}

xmlDoc *html_tree_parse(const char *text, size_t len, const char *url, int clean, struct html_tree_stats *stats)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	if (len > INT_MAX)
		return NULL;
	/* htmlReadMemory() spelled out, to put the filter between parser and builder */
	xmlInitParser();
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(text, (int)len);
	if (!ctxt)
		return NULL;
	struct builder b;
	memset(&b, 0, sizeof b);
	b.st.budget = html_tree_budget(len);
	b.start = ctxt->sax->startElement;
	b.end = ctxt->sax->endElement;
	b.characters = ctxt->sax->characters;
	b.cdata = ctxt->sax->cdataBlock;
	ctxt->sax->startElement = on_start;
	ctxt->sax->endElement = on_end;
	ctxt->sax->characters = on_characters;
	ctxt->sax->cdataBlock = on_cdata;
	ctxt->sax->comment = on_comment;
	ctxt->sax->processingInstruction = on_pi;
	ctxt->_private = &b;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                 HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	xmlDoc *doc = NULL;
	if (read_as_utf8(ctxt, clean || html_tree_clean(text, len))) {
		b.failed = 1;
	} else if (url && ctxt->input && !ctxt->input->filename &&
	           !(ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)url))) {
		b.failed = 1;
	} else {
		htmlParseDocument(ctxt);
		doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
	}
	b.st.deep = stopped_deep(ctxt);
	htmlFreeParserCtxt(ctxt);
	free(b.open);
	if (b.failed) {
		xmlFreeDoc(doc);
		return NULL;
	}
	if (stats)
		*stats = b.st;
	return doc;
}
