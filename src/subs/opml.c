/* opml.c: OPML import and export with libxml2 (no network, no entities, no DTDs). */
#include "subs.h"
#include "base.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPML_MAX_DEPTH 32

struct walk {
	struct feedlist *fl;      /* where feeds go */
	char **links;             /* htmlUrl per entry */
	size_t cap_links;         /* allocated */
	struct opml_stats *stats; /* counts */
	const char *tags[OPML_MAX_DEPTH]; /* folder titles above the current outline */
	int depth;                /* entries used in tags */
	int level;                /* folders the walk is inside, named or not */
	int too_deep;             /* 1 when an outline sat deeper than OPML_MAX_DEPTH */
	int oom;                  /* 1 after an allocation failed */
};

/* An attribute as a malloc'd string (xmlChar is UTF-8 bytes), or NULL. */
static char *attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = strdup((const char *)v);
	xmlFree(v);
	/* Trim the white space editors leave around values. */
	if (s) {
		char *a = s;
		while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r')
			a++;
		size_t l = strlen(a);
		while (l && (a[l - 1] == ' ' || a[l - 1] == '\t' || a[l - 1] == '\n' || a[l - 1] == '\r'))
			l--;
		memmove(s, a, l);
		s[l] = '\0';
	}
	return s;
}

static int is_outline(xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, (const xmlChar *)"outline");
}

/* category="/news/world,/tech" -> tags "news/world", "tech" (newsboat and newsraft write it either way). */
static int add_categories(char ***tags, size_t *n, size_t *cap, char *cat)
{
	for (char *save = NULL, *t = strtok_r(cat, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ' || *t == '/')
			t++;
		size_t l = strlen(t);
		while (l && (t[l - 1] == ' ' || t[l - 1] == '/'))
			t[--l] = '\0';
		if (!*t)
			continue;
		if (array_grow((void **)tags, cap, *n + 1, sizeof **tags))
			return -1;
		(*tags)[(*n)++] = t;
	}
	return 0;
}

static void take_feed(struct walk *w, xmlNode *n, char *url)
{
	char *title = attr(n, "title"), *text = attr(n, "text"), *html = attr(n, "htmlUrl");
	char *cat = attr(n, "category");
	const char *name = title && *title ? title : text && *text ? text : NULL;
	char **tags = NULL;
	size_t n_tags = 0, cap_tags = 0;
	for (int i = 0; i < w->depth; i++) {
		if (array_grow((void **)&tags, &cap_tags, n_tags + 1, sizeof *tags))
			goto oom;
		tags[n_tags++] = (char *)w->tags[i];
	}
	if (cat && add_categories(&tags, &n_tags, &cap_tags, cat))
		goto oom;
	size_t before = w->fl->n;
	/* A title that only repeats the URL says nothing. */
	if (name && !strcmp(name, url))
		name = NULL;
	if (feedlist_add(w->fl, url, name, tags, n_tags) < 0)
		goto oom;
	if (w->fl->n > before) {
		if (array_grow((void **)&w->links, &w->cap_links, w->fl->n, sizeof *w->links))
			goto oom;
		w->links[w->fl->n - 1] = html && *html && feedlist_url_ok(html) ? html : NULL;
		if (w->links[w->fl->n - 1])
			html = NULL; /* kept */
		w->stats->feeds++;
	}
	goto out;
oom:
	w->oom = 1;
out:
	free(tags);
	free(title);
	free(text);
	free(html);
	free(cat);
}

static void walk_outlines(struct walk *w, xmlNode *first)
{
	for (xmlNode *n = first; n && !w->oom; n = n->next) {
		if (!is_outline(n))
			continue;
		char *url = attr(n, "xmlUrl");
		if (!url)
			url = attr(n, "xmlurl");
		if (url && *url) {
			if (feedlist_url_ok(url)) {
				take_feed(w, n, url);
			} else if (!w->stats->skipped++) {
				snprintf(w->stats->first_skip, sizeof w->stats->first_skip, "%.150s", url);
			}
			free(url);
			continue; /* a feed's children, if any, are not feeds of their own */
		}
		free(url);
		if (!n->children)
			continue;
		/* A folder: its name becomes a tag of everything inside. */
		char *name = attr(n, "title");
		if (!name || !*name) {
			free(name);
			name = attr(n, "text");
		}
		int pushed = 0;
		if (name && *name && w->depth < OPML_MAX_DEPTH) {
			w->tags[w->depth++] = name;
			pushed = 1;
		}
		/* Deeper folders are refused as a whole, not dropped in silence (unnamed ones count too). */
		if (w->level < OPML_MAX_DEPTH) {
			w->level++;
			walk_outlines(w, n->children);
			w->level--;
		} else {
			w->too_deep = 1;
		}
		if (pushed)
			w->depth--;
		free(name);
	}
}

int opml_parse(const char *data, size_t len, struct feedlist *fl, char ***html_urls,
               struct opml_stats *stats, char *err, size_t errlen)
{
	memset(stats, 0, sizeof *stats);
	*html_urls = NULL;
	if (len > INT_MAX) {
		snprintf(err, errlen, "OPML file too large");
		return -1;
	}
	xmlParserCtxtPtr ctx = xmlNewParserCtxt();
	if (!ctx) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	/* NONET and no NOENT/DTDLOAD: entities stay unexpanded and nothing is fetched. */
	xmlDocPtr doc = xmlCtxtReadMemory(ctx, data, (int)len, NULL, NULL,
	                                  XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
	                                      XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *e = xmlCtxtGetLastError(ctx);
		if (e && e->message)
			snprintf(err, errlen, "XML error line %d: %.*s", e->line,
			         (int)strcspn(e->message, "\n"), e->message);
		else
			snprintf(err, errlen, "not an XML file");
		xmlFreeParserCtxt(ctx);
		return -1;
	}
	xmlFreeParserCtxt(ctx);
	xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || xmlStrcasecmp(root->name, (const xmlChar *)"opml")) {
		snprintf(err, errlen, "not an OPML file (the document is <%.40s>)", root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return -1;
	}
	struct walk w;
	memset(&w, 0, sizeof w);
	w.fl = fl;
	w.stats = stats;
	for (xmlNode *n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !xmlStrcasecmp(n->name, (const xmlChar *)"body"))
			walk_outlines(&w, n->children);
	xmlFreeDoc(doc);
	if (w.oom || w.too_deep) {
		opml_free_links(w.links, fl->n);
		if (w.oom)
			snprintf(err, errlen, "out of memory");
		else
			snprintf(err, errlen, "the outlines nest more than %d folders deep", OPML_MAX_DEPTH);
		return -1;
	}
	if (!w.links && fl->n && !(w.links = calloc(fl->n, sizeof *w.links))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*html_urls = w.links;
	return 0;
}

void opml_free_links(char **links, size_t n)
{
	if (!links)
		return;
	for (size_t i = 0; i < n; i++)
		free(links[i]);
	free(links);
}

/*
 * Sets attribute name to value as the terminal may see it: the export goes
 * to stdout, and titles, folders and categories come from strangers' OPML
 * and feeds. Returns 0, or -1 when out of memory.
 */
static int clean_prop(xmlNode *o, const char *name, const char *value)
{
	char *v = sanitize_str(value, 0);
	int rc = v && xmlNewProp(o, (const xmlChar *)name, (const xmlChar *)v) ? 0 : -1;
	free(v);
	return rc;
}

static xmlNode *feed_outline(xmlNode *parent, const struct feedlist_entry *e, opml_link_fn link, void *ctx)
{
	xmlNode *o = xmlNewChild(parent, NULL, (const xmlChar *)"outline", NULL);
	if (!o)
		return NULL;
	const char *name = e->title && *e->title ? e->title : e->url;
	const char *site = link ? link(ctx, e->url) : NULL;
	int bad = clean_prop(o, "type", "rss");
	bad |= clean_prop(o, "text", name);
	bad |= clean_prop(o, "title", name);
	bad |= clean_prop(o, "xmlUrl", e->url);
	if (site && feedlist_url_ok(site))
		bad |= clean_prop(o, "htmlUrl", site);
	if (e->n_tags) {
		size_t l = 1;
		for (size_t i = 0; i < e->n_tags; i++)
			l += strlen(e->tags[i]) + 2;
		char *cat = malloc(l), *p = cat;
		if (!cat)
			return NULL;
		for (size_t i = 0; i < e->n_tags; i++)
			p += sprintf(p, "%s/%s", i ? "," : "", e->tags[i]);
		bad |= clean_prop(o, "category", cat);
		free(cat);
	}
	return bad ? NULL : o;
}

char *opml_format(const struct feedlist *fl, const char *title, opml_link_fn link, void *ctx)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = doc ? xmlNewNode(NULL, (const xmlChar *)"opml") : NULL;
	char *out = NULL;
	if (!root)
		goto done;
	xmlDocSetRootElement(doc, root);
	xmlNode *head = xmlNewChild(root, NULL, (const xmlChar *)"head", NULL);
	xmlNode *body = xmlNewChild(root, NULL, (const xmlChar *)"body", NULL);
	if (!xmlNewProp(root, (const xmlChar *)"version", (const xmlChar *)"2.0") || !head || !body ||
	    !xmlNewTextChild(head, NULL, (const xmlChar *)"title", (const xmlChar *)title))
		goto done;
	/* Untagged feeds first, then one folder per first tag, in order of first appearance. */
	for (size_t i = 0; i < fl->n; i++)
		if (!fl->entries[i].n_tags && !feed_outline(body, &fl->entries[i], link, ctx))
			goto done;
	for (size_t i = 0; i < fl->n; i++) {
		const struct feedlist_entry *e = &fl->entries[i];
		if (!e->n_tags)
			continue;
		size_t j = 0;
		while (j < i && !(fl->entries[j].n_tags && !strcmp(fl->entries[j].tags[0], e->tags[0])))
			j++;
		if (j < i)
			continue; /* folder already written */
		xmlNode *folder = xmlNewChild(body, NULL, (const xmlChar *)"outline", NULL);
		if (!folder || clean_prop(folder, "text", e->tags[0]) || clean_prop(folder, "title", e->tags[0]))
			goto done;
		for (size_t k = i; k < fl->n; k++)
			if (fl->entries[k].n_tags && !strcmp(fl->entries[k].tags[0], e->tags[0]) &&
			    !feed_outline(folder, &fl->entries[k], link, ctx))
				goto done;
	}
	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
	if (mem) {
		out = malloc((size_t)size + 1);
		if (out) {
			memcpy(out, mem, (size_t)size);
			out[size] = '\0';
		}
		xmlFree(mem);
	}
done:
	if (doc)
		xmlFreeDoc(doc);
	return out;
}
