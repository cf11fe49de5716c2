/*
 * speaker_names.h: the name a quotation's speaker is given, for quotes.c.
 *
 * A cue names a speaker as the sentence does ("Maley said", "the DEA
 * said"); the reader wants the fullest form the article gives anywhere
 * ("Matt Maley", "Drug Enforcement Administration"), so that a search by
 * full name or by surname finds the same quotations. From the entity's own
 * name, in order:
 *   - words glued before a person's name are dropped ("Britain Liu Xiaming",
 *     "Singer-guitarists Tom Johnston");
 *   - a longer entity of the article ending with the name ("James Van Der
 *     Beek" for "Van Der Beek"), or for a lone surname written first
 *     ("Liu Xiaming" for "Liu"), when exactly one such form exists: two
 *     Clintons leave "Clinton" as written;
 *   - an organisation's short form or acronym spelled out by another
 *     entity ("GateHouse" -> "GateHouse Media", "DEA" -> "Drug Enforcement
 *     Administration");
 *   - for a lone surname still, a given name right before it in the text
 *     ("Matt Maley" where no entity holds it).
 *
 * Internal to the analysis stage. Ownership: the cache owns every string it
 * returns until speaker_names_free().
 */
#ifndef DATELINE_SPEAKER_NAMES_H
#define DATELINE_SPEAKER_NAMES_H

#include <stddef.h>

struct article;

struct speaker_names {
	const struct article *a; /* borrowed */
	char **full;             /* per entity: its fullest name once asked for (owned), or NULL */
	size_t text_scans;       /* surnames looked up in the text so far (bounded) */
	size_t lookups;          /* speakers compared with the other entities so far (bounded) */
};

/* Prepares the cache for a's entities. 0, or -1 when out of memory. */
int speaker_names_init(struct speaker_names *sn, const struct article *a);

/* The fullest name of entity e (owned by sn), or NULL when out of memory. */
const char *speaker_names_full(struct speaker_names *sn, int e);

/*
 * The organisation whose name the capitals w[0..n) abbreviate ("WHO" for
 * the World Health Organization named in the article), when exactly one
 * does and no entity is named so; -1 otherwise.
 */
int speaker_names_acronym(const struct speaker_names *sn, const char *w, size_t n);

void speaker_names_free(struct speaker_names *sn);

/*
 * The speaker of one of a's last quotations, attributed with a cue, that
 * holds text[0, n) again ("investing for growth"), or NULL; borrowed from a.
 */
const char *speaker_names_requoted(const struct article *a, const char *text, size_t n);

/*
 * The writer's name from a byline of one person ("By Jane Roe") into *out
 * (owned by the caller), or NULL for none, several or an agency. 0, or -1
 * when out of memory.
 */
int speaker_names_writer(const char *byline, char **out);

#endif
