/*
 * analysis.h: everything dateline works out from an article's text.
 *
 * Runs in pipeline order on a parsed article: the dateline at the start of
 * the first paragraph, a derived headline when the source gave none, then
 * entities (entities.h) and quotations with their speakers (quotes.h), which
 * name speakers by the entities' canonical names.
 */
#ifndef DATELINE_ANALYSIS_H
#define DATELINE_ANALYSIS_H

#include <stddef.h>

struct article;

/* Fills dateline, headline (when missing), entities and quotes. 0, or -1 with err set. */
int analysis_run(struct article *a, char *err, size_t errlen);

/* Finds the dateline of the first paragraph and stores it in a (a->published gives the year). 0 or -1 (memory). */
int analysis_dateline(struct article *a);

/*
 * Writes to out (cap bytes) a headline made from the lede's first sentence,
 * skipping body_start bytes (the dateline), cut at a natural break when long.
 * Returns its length (0 when the lede has no text).
 */
size_t analysis_derive_headline(const char *lede, size_t body_start, char *out, size_t cap);

#endif
