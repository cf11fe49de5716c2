/*
 * xmlprep.h: makes a feed's XML safe and complete before libxml2 reads it.
 *
 * Feeds use HTML entities (&aacute;, &nbsp;) they never declare, and libxml2
 * drops those; they declare entities in a DOCTYPE, which is where XXE and
 * "billion laughs" live. xmlprep_rewrite() therefore removes the DOCTYPE,
 * keeps only internal entities whose value is plain text (substituted in
 * place, so no expansion can recurse), turns undeclared HTML named entities
 * into numeric character references, and escapes a bare '&' (as in an
 * unescaped URL query). C1 controls (U+0080-U+009F, as text or as &#146;)
 * become the windows-1252 characters they were meant to be, as HTML readers
 * do. libxml2 then never sees a DTD at all. CDATA sections,
 * comments and processing instructions are copied untouched.
 */
#ifndef DATELINE_XMLPREP_H
#define DATELINE_XMLPREP_H

#include <stddef.h>

/* A CDATA section's text, pointing into the input document. */
struct xmlprep_span {
	const char *text; /* first byte after "<![CDATA[" */
	size_t len;       /* bytes before "]]>" */
};

/*
 * The prepared document. With lifting on, every CDATA section is replaced by
 * the processing instruction <?dl-cdata N?> and its text kept in cdata[N]:
 * libxml2 reads CDATA a character at a time, while the feed reader can copy
 * it whole (feeds carry most of their bytes in CDATA content:encoded).
 * Processing instructions of that name already in the input are dropped.
 * Ownership: the struct owns owned and cdata; doc points either into the
 * input (no change was needed) or to owned; cdata entries point into the
 * input, so the input must outlive the result.
 */
struct xmlprep {
	const char *doc;            /* the document to parse */
	size_t len;                 /* its length */
	char *owned;                /* malloc'd rewrite, or NULL when doc is the input */
	struct xmlprep_span *cdata; /* lifted CDATA sections, or NULL */
	size_t n_cdata;             /* how many */
	size_t cap_cdata;           /* allocated slots */
	const char *error;          /* after a failure: why, as a static string */
};

/*
 * More attributes than this on one element refuse the document: libxml2's
 * duplicate-attribute check is quadratic, so 100,000 attributes already
 * cost seconds.
 */
#define XMLPREP_MAX_ATTRS 1024

#define XMLPREP_CDATA_PI "dl-cdata" /* target of the placeholder instruction */

/*
 * Prepares the UTF-8 document in[0..len) into *out (lift_cdata: 1 to lift
 * CDATA sections). Returns 0, or -1 when out of memory, the rewrite would
 * exceed maxlen bytes or an element has more than XMLPREP_MAX_ATTRS
 * attributes (out->error says which; nothing else is left to free). Free a
 * success with xmlprep_free().
 */
int xmlprep_rewrite(const char *in, size_t len, size_t maxlen, int lift_cdata, struct xmlprep *out);
void xmlprep_free(struct xmlprep *p);

/* The code point of the HTML named character reference name[0..n), or 0 when unknown. */
unsigned html_entity_lookup(const char *name, size_t n);

#endif
