/*
 * entities.h: the people, organisations and places an article names.
 *
 * Pipeline inside the stage: tokens.c splits the headline, the headings and
 * the paragraphs; names.c cuts runs of capitalised words into a role ("U.S.
 * President") and a name and types the name with name_words.c and the
 * lexicon (lexicon.h: iso-codes countries and regions, tzdata cities,
 * libgweather's towns, wamerican's common words and proper nouns, the
 * project's lists in data/, Faker's given names and surnames); name_shapes.c
 * tells which runs are no names and which join across "and", "&" or a
 * possessive; name_context.c reads the words around a name (titles, "the
 * boss of X", "X's shares", "in X");
 * entities.c merges mentions into entities: people named in full first, so
 * "Trump", "Trump’s" and "President Trump" become aliases of "Donald Trump";
 * places and organisations under the lexicon's canonical name ("U.S." and
 * "US" are "United States"); works, events, laws and products ("Paris
 * Agreement", "Nintendo Switch") as ENTITY_OTHER. A title-case headline and
 * the headings only add mentions of names known from the body or the
 * lexicon (a heading with commas is a list of names, read like a paragraph).
 *
 * Ownership: every string and array written into a->entities is owned by
 * the article. Mentions use section -1 for the headline and paragraph -1 for
 * a section's heading (see article.h).
 */
#ifndef DATELINE_ENTITIES_H
#define DATELINE_ENTITIES_H

struct article;

/*
 * Finds the named entities of a's headline and paragraphs and appends them to
 * a->entities with aliases, role, and every mention. 0, or -1 when out of
 * memory.
 */
int entities_find(struct article *a);

#endif
