/* feed_xml.c: the SAX2 engine under the RSS and Atom readers (see feed_xml.h). */
#include "feed_xml.h"
#include "model.h"
#include "decode.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define XML_NS "http://www.w3.org/XML/1998/namespace"
#define PUSH_SLICE 65536 /* bytes handed to libxml2 at a time */

static const struct {
	const char *uri;
	int ns;
} known_ns[] = {
	{"http://www.w3.org/2005/Atom", FX_NS_ATOM},
	{"http://purl.org/atom/ns#", FX_NS_ATOM},
	{"http://purl.org/dc/elements/1.1/", FX_NS_DC},
	{"http://purl.org/dc/elements/1.0/", FX_NS_DC},
	{"http://purl.org/dc/terms/", FX_NS_DCTERMS},
	{"http://purl.org/rss/1.0/modules/content/", FX_NS_CONTENT},
	{"http://search.yahoo.com/mrss/", FX_NS_MEDIA},
	{"http://search.yahoo.com/mrss", FX_NS_MEDIA},
	{"http://www.w3.org/1999/xhtml", FX_NS_XHTML},
	{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", FX_NS_RDF},
	{"http://www.itunes.com/dtds/podcast-1.0.dtd", FX_NS_ITUNES},
	{"http://purl.org/rss/1.0/", FX_NS_CORE},
	{"http://my.netscape.com/rdf/simple/0.9/", FX_NS_CORE},
	{"http://backend.userland.com/rss2", FX_NS_CORE},
	{"http://backend.userland.com/rss", FX_NS_CORE},
};

struct engine {
	struct fx x;
	const char *root_uri; /* namespace of the root element (libxml2 dictionary) */
	const char *doc_base; /* the caller's base URL, or NULL */
	char wrapper[64];     /* name of a document element that is not a feed, "" when it is one */
};

static enum fx_ns ns_of(struct engine *e, const char *uri)
{
	if (!uri || !*uri)
		return FX_NS_CORE;
	for (size_t i = 0; i < sizeof known_ns / sizeof *known_ns; i++)
		if (!strcmp(uri, known_ns[i].uri)) {
			/* Atom elements are the core vocabulary of an Atom feed */
			if (known_ns[i].ns == FX_NS_ATOM && e->x.kind == FX_ATOM)
				return FX_NS_CORE;
			return known_ns[i].ns;
		}
	if (e->root_uri && !strcmp(uri, e->root_uri))
		return FX_NS_CORE;
	return FX_NS_OTHER;
}

void fx_stop(struct fx *x, const char *msg)
{
	if (!x->stopped) {
		x->stopped = 1;
		snprintf(x->err, sizeof x->err, "%s", msg);
	}
	xmlStopParser(x->ctxt);
}


/* ---- serialising child markup of a field as HTML */

static int is_void(const char *n)
{
	static const char *const v[] = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col",
	                                "param", "source", "track", "wbr", "embed"};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		if (!strcmp(n, v[i]))
			return 1;
	return 0;
}

/* The field's text so far was plain; from now on the buffer holds markup. */
static void switch_to_markup(struct fx *x)
{
	if (x->markup)
		return;
	x->markup = 1;
	if (!x->text.len || x->field_text == FX_HTML) /* HTML text is markup already */
		return;
	struct buf b = BUF_INIT;
	buf_put_html(&b, x->text.data, x->text.len, 0);
	buf_free(&x->text);
	x->text = b;
}

static void markup_start(struct fx *x, struct fx_frame *f, const struct fx_attr *a, int na)
{
	switch_to_markup(x);
	if (f->quiet)
		return;
	buf_putc(&x->text, '<');
	buf_puts(&x->text, f->name);
	for (int i = 0; i < na; i++) {
		char *v = fx_attr_copy(a[i].value, a[i].value_end);
		if (!v) {
			fx_stop(x, "out of memory");
			return;
		}
		buf_putc(&x->text, ' ');
		buf_puts(&x->text, a[i].name);
		buf_puts(&x->text, "=\"");
		if (fx_is_url_attr(a[i].name, strlen(a[i].name)) && f->base) {
			char *r = fx_resolve_url(f->base, v);
			if (r)
				buf_put_html(&x->text, r, strlen(r), 1);
			free(r);
		} else {
			buf_put_html(&x->text, v, strlen(v), 1);
		}
		free(v);
		buf_putc(&x->text, '"');
	}
	buf_puts(&x->text, is_void(f->name) ? " />" : ">");
}

static void markup_end(struct fx *x, struct fx_frame *f)
{
	if (f->quiet || is_void(f->name))
		return;
	buf_puts(&x->text, "</");
	buf_puts(&x->text, f->name);
	buf_putc(&x->text, '>');
}

/* ---- SAX callbacks */

static int is_feed_element(const char *n)
{
	return !strcmp(n, "rss") || !strcmp(n, "channel") || !strcmp(n, "RDF") || !strcmp(n, "feed");
}

static void on_root(struct engine *e, struct fx_frame *f, const char *uri, const struct fx_attr *a, int na,
                    const xmlChar **ns, int nns)
{
	struct fx *x = &e->x;
	const char *n = f->name;
	if (!is_feed_element(n)) {
		/* an XHTML page (or any wrapper) may hold the feed further down: look for it, as feedparser does */
		snprintf(e->wrapper, sizeof e->wrapper, "%s", n);
		f->role = FX_WRAP;
		return;
	}
	char *ver = fx_attr_get(a, na, NULL, "version");
	char fmt[32] = "";
	e->root_uri = uri;
	if (!strcmp(n, "rss") || !strcmp(n, "channel")) {
		x->kind = FX_RSS;
		if (ver && !strncmp(ver, "0.9", 3) && strlen(ver) < 8)
			snprintf(fmt, sizeof fmt, "rss%s", ver);
		else
			snprintf(fmt, sizeof fmt, "rss2.0");
		f->role = !strcmp(n, "channel") ? FX_CHANNEL : FX_ROOT;
	} else if (!strcmp(n, "RDF")) {
		x->kind = FX_RDF;
		snprintf(fmt, sizeof fmt, "rss1.0");
		for (int i = 0; i < nns; i++) /* RSS 0.90 is RDF with Netscape's namespace */
			if (ns[2 * i + 1] && !strcmp((const char *)ns[2 * i + 1], "http://my.netscape.com/rdf/simple/0.9/"))
				snprintf(fmt, sizeof fmt, "rss0.90");
		f->role = FX_ROOT;
	} else if (!strcmp(n, "feed")) {
		x->kind = FX_ATOM;
		snprintf(fmt, sizeof fmt, uri && !strcmp(uri, "http://www.w3.org/2005/Atom") ? "atom1.0"
		                          : ver && !strcmp(ver, "0.3")                       ? "atom0.3"
		                          : uri && !strcmp(uri, "http://purl.org/atom/ns#")  ? "atom0.3"
		                                                                             : "atom");
		f->role = FX_CHANNEL;
		char *lang = fx_attr_get(a, na, XML_NS, "lang");
		if (lang)
			fx_take(&x->feed->language, fx_trim(lang));
	}
	free(ver);
	if (fmt[0] && feed_set(&x->feed->format, fmt))
		fx_stop(x, "out of memory");
}

/*
 * 1 for an item (entry) start tag inside an element of the channel left open
 * (<itunes:category text='News'> never closed): feedparser reads it as the
 * channel's next item, whatever encloses it. Not inside an item, nor inside
 * a field holding markup (HTML or XHTML content may quote anything).
 */
static int stray_item(const struct fx *x, const struct fx_frame *f)
{
	const struct fx_frame *parent = &x->stack[x->depth - 2];
	if (f->ns != FX_NS_CORE || strcmp(f->name, x->kind == FX_ATOM ? "entry" : "item") ||
	    parent->role == FX_CHANNEL || parent->role == FX_ROOT)
		return 0;
	for (int d = x->depth - 2; d >= 0; d--) {
		const struct fx_frame *a = &x->stack[d];
		if (a->role == FX_ITEM || (a->role == FX_FIELD && a->text != FX_TEXT))
			return 0;
		if (a->role == FX_CHANNEL || a->role == FX_ROOT)
			return 1;
	}
	return 0;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes)
{
	(void)prefix, (void)nb_defaulted;
	struct engine *e = ctx;
	struct fx *x = &e->x;
	if (x->stopped)
		return;
	if (x->depth >= FEED_MAX_DEPTH) {
		fx_stop(x, "the feed nests elements too deeply");
		return;
	}
	struct fx_attr a[64];
	int na = nb_attributes < 64 ? nb_attributes : 64;
	for (int i = 0; i < na; i++) {
		a[i].name = (const char *)attributes[5 * i];
		a[i].uri = (const char *)attributes[5 * i + 2];
		a[i].value = (const char *)attributes[5 * i + 3];
		a[i].value_end = (const char *)attributes[5 * i + 4];
	}
	struct fx_frame *parent = x->depth ? &x->stack[x->depth - 1] : NULL;
	struct fx_frame *f = &x->stack[x->depth++];
	memset(f, 0, sizeof *f);
	f->name = (const char *)localname;
	f->base = parent ? parent->base : (char *)e->doc_base;
	char *xb = fx_attr_get(a, na, XML_NS, "base");
	if (xb) {
		char *r = fx_resolve_url(f->base, fx_trim(xb));
		free(xb);
		if (r) {
			f->base = r;
			f->own_base = 1;
		}
	}
	if (!parent || (parent->role == FX_WRAP && !x->feed->format && (!strcmp(f->name, "feed") || !strcmp(f->name, "rss")))) {
		on_root(e, f, (const char *)URI, a, na, namespaces, nb_namespaces);
		return;
	}
	if (parent->role == FX_WRAP) {
		f->role = FX_WRAP;
		return;
	}
	f->ns = ns_of(e, (const char *)URI);
	switch (stray_item(x, f) ? FX_CHANNEL : parent->role) {
	case FX_FIELD:
	case FX_MARKUP:
		f->role = FX_MARKUP;
		f->quiet = parent->role == FX_FIELD && (parent->text == FX_XHTML_WRAPPED || parent->text == FX_HTML) &&
		           !x->markup && !strcmp(f->name, "div");
		markup_start(x, f, a, na);
		return;
	case FX_SKIP:
		return;
	case FX_PERSON:
		f->role = f->ns == FX_NS_CORE ? FX_FIELD : FX_SKIP;
		break;
	case FX_ROOT:
	case FX_CHANNEL:
		if (f->ns == FX_NS_CORE && !strcmp(f->name, x->kind == FX_ATOM ? "entry" : "item")) {
			if (x->feed->n_items >= FEED_MAX_ITEMS) {
				fx_stop(x, "the feed has more than 10000 items");
				return;
			}
			if (!(x->item = feed_add_item(x->feed))) {
				fx_stop(x, "out of memory");
				return;
			}
			f->role = FX_ITEM;
			x->item_author_rank = 0;
			if (x->kind == FX_RDF) {
				char *about = fx_attr_get(a, na, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
				if (about)
					fx_take(&x->item->id, fx_trim(about));
			}
			break;
		}
		if (parent->role == FX_ROOT && f->ns == FX_NS_CORE && !strcmp(f->name, "channel")) {
			f->role = FX_CHANNEL;
			break;
		}
		if (parent->role == FX_ROOT && x->kind != FX_RDF)
			break; /* FX_SKIP */
		/* channel-level fields */
		f->role = x->kind == FX_ATOM ? fx_atom_start(x, f, a, na) : fx_rss_start(x, f, a, na);
		break;
	case FX_ITEM:
	case FX_GROUP:
		f->role = x->kind == FX_ATOM ? fx_atom_start(x, f, a, na) : fx_rss_start(x, f, a, na);
		break;
	default:
		break;
	}
	if (f->role == FX_FIELD) {
		buf_reset(&x->text);
		x->markup = 0;
		x->field_text = f->text;
	}
}

/* A copy of the field's text; the buffer keeps its memory for the next field. */
static char *field_value(struct fx *x)
{
	if (x->text.failed)
		return NULL;
	char *v = malloc(x->text.len + 1);
	if (v) {
		if (x->text.len)
			memcpy(v, x->text.data, x->text.len);
		v[x->text.len] = '\0';
	}
	buf_reset(&x->text);
	return v;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
	(void)localname, (void)prefix, (void)URI;
	struct engine *e = ctx;
	struct fx *x = &e->x;
	if (!x->depth)
		return;
	struct fx_frame *f = &x->stack[x->depth - 1];
	if (!x->stopped) {
		switch (f->role) {
		case FX_MARKUP:
			markup_end(x, f);
			break;
		case FX_FIELD: {
			char *v = field_value(x);
			if (!v) {
				fx_stop(x, "out of memory");
				break;
			}
			/* the reader sees from x->item and the frame below whether it belongs to the feed, an item or a person */
			if (x->kind == FX_ATOM)
				fx_atom_end(x, f, v);
			else
				fx_rss_end(x, f, v);
			break;
		}
		case FX_PERSON:
			if (x->kind == FX_ATOM)
				fx_atom_end(x, f, NULL);
			break;
		case FX_ITEM:
			if (x->kind == FX_ATOM)
				fx_atom_item_end(x, f);
			else
				fx_rss_item_end(x, f);
			/* as feedparser does, an item with content but no summary gets the content as summary */
			if (x->item && !x->item->summary && x->item->content && feed_set(&x->item->summary, x->item->content))
				fx_stop(x, "out of memory");
			x->item = NULL;
			break;
		default:
			break;
		}
	}
	if (f->own_base)
		free(f->base);
	x->depth--;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct engine *e = ctx;
	struct fx *x = &e->x;
	if (!x->depth || x->stopped)
		return;
	int role = x->stack[x->depth - 1].role;
	if (role != FX_FIELD && role != FX_MARKUP)
		return;
	if (!x->markup || x->field_text == FX_HTML)
		buf_append(&x->text, ch, (size_t)len);
	else
		buf_put_html(&x->text, (const char *)ch, (size_t)len, 0);
}

/* A lifted CDATA section comes back as <?dl-cdata N?>: its text joins the field. */
static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	struct engine *e = ctx;
	if (!data || strcmp((const char *)target, XMLPREP_CDATA_PI))
		return;
	char *end;
	unsigned long k = strtoul((const char *)data, &end, 10);
	if (end == (const char *)data || k >= e->x.prep->n_cdata)
		return;
	const struct xmlprep_span *sp = &e->x.prep->cdata[k];
	if (sp->len <= INT_MAX)
		on_text(ctx, (const xmlChar *)sp->text, (int)sp->len);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct engine *e = ctx;
	if (!err || e->x.xml_err[0] || err->level < XML_ERR_ERROR)
		return;
	snprintf(e->x.xml_err, sizeof e->x.xml_err, "%s", err->message ? err->message : "malformed XML");
	size_t n = strlen(e->x.xml_err);
	while (n && (e->x.xml_err[n - 1] == '\n' || e->x.xml_err[n - 1] == ' '))
		e->x.xml_err[--n] = '\0';
	e->x.xml_err_line = err->line;
	for (char *c = e->x.xml_err; *c; c++) /* the message may quote the document; it goes to a terminal */
		if ((unsigned char)*c < ' ' || (unsigned char)*c >= 0x7F)
			*c = '?';
}

/* Nothing reaches the parser from outside the document. */
static xmlParserInputPtr no_external(void *ctx, const xmlChar *publicId, const xmlChar *systemId)
{
	(void)ctx, (void)publicId, (void)systemId;
	return NULL;
}

int feed_xml_parse(const struct xmlprep *doc, const char *base_url, struct feed *feed, char *err, size_t errlen)
{
	const char *data = doc->doc;
	size_t len = doc->len;
	if (len > (size_t)0x7fffffff) {
		snprintf(err, errlen, "the feed is too large");
		return -1;
	}
	struct engine *e = calloc(1, sizeof *e);
	if (!e) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct fx *x = &e->x;
	x->feed = feed;
	x->prep = doc;
	e->doc_base = base_url;
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.processingInstruction = on_pi;
	sax.serror = on_error;
	sax.resolveEntity = no_external;
	/*
	 * The push parser reads the document in slices and lets go of what it has
	 * read, so libxml2 never holds a second copy of a large feed.
	 */
	xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, e, NULL, 0, NULL);
	if (!ctxt) {
		free(e);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	x->ctxt = ctxt;
	xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_NOWARNING);
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	for (size_t off = 0; !x->stopped;) {
		size_t n = len - off < PUSH_SLICE ? len - off : PUSH_SLICE;
		int last = off + n == len;
		if (xmlParseChunk(ctxt, data + off, (int)n, last) != XML_ERR_OK && ctxt->disableSAX)
			break; /* a fatal error recovery could not get past */
		off += n;
		if (last)
			break;
	}
	/* RFC 4287: an entry without an author has the feed's */
	for (size_t i = 0; x->feed_author && !x->stopped && i < feed->n_items; i++)
		if (!feed->items[i].author && feed_set(&feed->items[i].author, x->feed_author))
			fx_stop(x, "out of memory");
	int rc = 0;
	if (x->stopped) {
		snprintf(err, errlen, "%s", x->err);
		rc = -1;
	} else if (!feed->format) {
		if (!strcasecmp(e->wrapper, "html"))
			snprintf(err, errlen, "not a feed: HTML page");
		else if (e->wrapper[0])
			snprintf(err, errlen, "not a feed: the document is <%.60s>, not RSS, RDF or Atom", e->wrapper);
		else if (x->xml_err[0])
			snprintf(err, errlen, "XML error line %d: %s", x->xml_err_line, x->xml_err);
		else
			snprintf(err, errlen, "not a feed: no RSS, RDF or Atom element found");
		rc = -1;
	}
	while (x->depth) { /* a stopped parse leaves frames open */
		struct fx_frame *f = &x->stack[--x->depth];
		if (f->own_base)
			free(f->base);
	}
	if (ctxt->myDoc)
		xmlFreeDoc(ctxt->myDoc);
	xmlFreeParserCtxt(ctxt);
	buf_free(&x->text);
	free(x->person_name);
	free(x->person_email);
	free(x->feed_author);
	free(e);
	return rc;
}
