/*
 * entities.h: the people, organisations and places an article names.
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
