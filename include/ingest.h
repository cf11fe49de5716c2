/*
 * ingest.h: bytes in, analysed article out. The one path every input takes
 * (CLI, TUI, store), so a file, a URL and a feed item read the same way.
 */
#ifndef DATELINE_INGEST_H
#define DATELINE_INGEST_H

#include <stddef.h>

struct article;

struct ingest_opts {
	const char *source;       /* where the bytes came from (path, "-" or URL), or NULL */
	const char *url;          /* the document's URL, or NULL */
	const char *content_type; /* HTTP Content-Type value, or NULL */
	const char *published;    /* publication date known from elsewhere (a feed), or NULL */
};

/*
 * Sniffs data[0..len), parses it with the text or HTML reader, and runs the
 * analysis. Returns 0 with *out set (the caller frees it with article_free()),
 * or -1 with a message in err.
 */
int ingest_article(const char *data, size_t len, const struct ingest_opts *o,
                   struct article **out, char *err, size_t errlen);

#endif
