/*
 * name_lists.h: passes of names.c over all the name spans of a paragraph at
 * once: names keep company in lists, a club in parentheses after a player,
 * an acronym in parentheses after the name it abbreviates.
 *
 * Internal to the analysis stage. Each pass looks at the spans of l from
 * index first on (one paragraph's) and changes their types and flags only;
 * nothing is allocated.
 */
#ifndef DATELINE_NAME_LISTS_H
#define DATELINE_NAME_LISTS_H

#include <stddef.h>

#include "names.h"
#include "tokens.h"

/*
 * Places keep company ("Ballarat, Warrnambool and Esperance", "Launceston,
 * Tasmania") and so do bodies ("SOCO and Dominion"): sets NAMEF_PLACE_CTX or
 * NAMEF_ORG_CTX on an unknown word listed with them.
 */
void names_by_company(const char *s, const struct token_list *tl, struct name_list *l, size_t first);
/* "Donis Escober (Olimpia)": a name in parentheses after a person's is their club or party. */
void names_affiliations(const char *s, const struct token_list *tl, struct name_list *l, size_t first);
/* "Pan African Climate Justice Alliance (PACJA)": an acronym in parentheses after a name is that name. */
void names_acronyms(const struct token_list *tl, struct name_list *l, size_t first);

#endif
