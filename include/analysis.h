/*
 * analysis.h: the public interface of src/analysis/: dateline, quotations with speakers, entities.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_ANALYSIS_H
#define DATELINE_ANALYSIS_H

#include <stddef.h>

/*
 * analysis.h: everything dateline works out from an article's text.
 *
 * Runs in pipeline order on a parsed article: the dateline at the start of
 * the first paragraph, a derived headline when the source gave none, then
 * entities (entities.h) and quotations with their speakers (quotes.h), which
 * name speakers by the entities' canonical names.
 */
struct article;

/*
 * Limits on what one article may make the analysis do (hostile or broken
 * inputs: a 50 MB "article" of quotation marks). A real article has tens of
 * quotations and entities and well under a megabyte of text. Past them the
 * article is still read whole; the analysis covers its first
 * ANALYSIS_MAX_TEXT bytes and keeps the first quotations and entities, and
 * analysis_limit_note() says so.
 */
#define ANALYSIS_MAX_TEXT ((size_t)4 << 20) /* bytes of headline and paragraphs analysed */
#define ANALYSIS_MAX_QUOTES 2000            /* quotations kept for one article */
#define ANALYSIS_MAX_ENTITIES 2000          /* people, organisations and places kept for one article */

/* Fills dateline, headline (when missing), entities and quotes, within the limits above. 0, or -1 with err set. */
int analysis_run(struct article *a, char *err, size_t errlen);

/* Finds the dateline that opens the story (in the first paragraph, or after a byline or summary)
 * and stores it in a (a->published gives the year). 0 or -1 (memory). */
int analysis_dateline(struct article *a);

/*
 * Writes to out (cap bytes) a headline made from the lede's first sentence,
 * skipping body_start bytes (the dateline), cut at a natural break when long.
 * Returns its length (0 when the lede has no text).
 */
size_t analysis_derive_headline(const char *lede, size_t body_start, char *out, size_t cap);

/*
 * When the analysis of a stopped at a limit, writes what was left out to
 * note ("only the first 4096 KiB of 51200 KiB of text were analysed") and
 * returns 1; else returns 0.
 */
int analysis_limit_note(const struct article *a, char *note, size_t cap);

#endif
