/*
 * quotes.h: direct quotations and who said them.
 */
#ifndef DATELINE_QUOTES_H
#define DATELINE_QUOTES_H

struct article;

/*
 * Finds every quotation in a's paragraphs and appends it to a->quotes with
 * its speaker (an entity's canonical name from a->entities, or NULL), cue,
 * partial flag and position. Run after entities_find(). 0, or -1 when out of
 * memory.
 */
int quotes_find(struct article *a);

#endif
