/* xmlprep_tags.h: end tags matched to the elements open, for xmlprep.c (xmlprep_tags.c). */
#ifndef DATELINE_XMLPREP_TAGS_H
#define DATELINE_XMLPREP_TAGS_H

#include <stddef.h>

struct buf;

#define TAGS_MAX_TAG 16384 /* bytes of one start tag read for its end; longer ones switch the repairs off */
#define TAGS_MAX_OPEN 256 /* deeper documents are passed on unbalanced (the feed reader refuses them anyway) */

/*
 * The elements open at the current point of the scan, as names pointing
 * into the input. off: 1 once the document nested deeper than the stack.
 */
struct tag_stack {
	struct {
		const char *name;
		size_t len;
	} open[TAGS_MAX_OPEN];
	size_t n;
	int off;
};

/* Notes the start tag at s[i] ('<' then a name); a self-closing one opens nothing. */
void tags_start(struct tag_stack *t, const char *s, size_t i, size_t len);
/*
 * The end tag at s[i] ("</"): returns the index just past it. One that
 * closes an element below the innermost first closes those above it (their
 * end tags written to rep); one that closes nothing open is dropped. *changed
 * is 1 when the end tag is to be replaced by rep.
 */
size_t tags_end(struct tag_stack *t, const char *s, size_t i, size_t len, struct buf *rep, int *changed);
/* Writes the end tags of every element still open, innermost first (a truncated feed keeps its last item). */
void tags_close_all(struct tag_stack *t, struct buf *b);

#endif
