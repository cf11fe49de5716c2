/*
 * xmlprep.h: makes a feed's XML safe and complete before libxml2 reads it.
 *
 * Feeds use HTML entities (&aacute;, &nbsp;) they never declare, and libxml2
 * drops those; they declare entities in a DOCTYPE, which is where XXE and
 * "billion laughs" live. xmlprep_rewrite() therefore removes the DOCTYPE,
 * keeps only internal entities whose value is plain text (substituted in
 * place, so no expansion can recurse), turns undeclared HTML named entities
 * into numeric character references, and escapes a bare '&' (as in an
 * unescaped URL query). libxml2 then never sees a DTD at all. CDATA sections,
 * comments and processing instructions are copied untouched.
 */
#ifndef DATELINE_XMLPREP_H
#define DATELINE_XMLPREP_H

#include <stddef.h>

/*
 * Rewrites the UTF-8 document in[0..len). Returns 0 with *out a malloc'd
 * NUL-terminated copy of *outlen bytes (the caller frees it), or -1 when out
 * of memory or the result would exceed maxlen bytes.
 */
int xmlprep_rewrite(const char *in, size_t len, size_t maxlen, char **out, size_t *outlen);

/* The code point of the HTML named character reference name[0..n), or 0 when unknown. */
unsigned html_entity_lookup(const char *name, size_t n);

#endif
