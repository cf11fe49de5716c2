/*
 * name_lists.c: what a paragraph's names say about each other once all are
 * found (see name_lists.h), and whether a paragraph's capitals say anything.
 */
#include "name_lists.h"
#include "name_words.h"
#include "lexicon.h"

#include <stddef.h>

/* Lower-case words a headline in title case keeps small. */
static const char *const headline_small[] = {
	"with", "from", "into", "over", "after", "about", "amid", "than", "that", "this", "upon",
	"onto", "without", "says", "said", "will", "have", "been", "were", "when", NULL,
};

int names_caps_uninformative(const char *s, const struct token_list *tl, int headline)
{
	size_t words = 0, lower = 0, upper = 0;
	for (size_t k = 0; k < tl->n; k++) {
		const struct token *t = &tl->v[k];
		if (t->kind != TOK_WORD || t->end - t->start < 4)
			continue;
		words++;
		upper += (t->flags & TOKF_ALLCAPS) != 0;
		if (!(t->flags & (TOKF_CAP | TOKF_ALLCAPS)) && !names_in_list(s, t, headline_small))
			lower++;
	}
	/* all capitals, or title case: every longer word capitalised */
	return (words >= 3 && upper * 10 > words * 6) || (headline && words >= 4 && lower == 0);
}

/* Tokens between two spans are only a list's glue: ",", "and", "or". */
static int listed(const char *s, const struct token *v, size_t from, size_t to)
{
	if (from >= to || to - from > 2)
		return 0;
	for (size_t k = from; k < to; k++)
		if (!((v[k].kind == TOK_PUNCT && v[k].punct == ',') || tokens_is(s, &v[k], "and") ||
		      tokens_is(s, &v[k], "or")))
			return 0;
	return 1;
}

/*
 * Places keep company: a name listed with places ("Ballarat, Warrnambool and
 * Esperance") or placed in one ("Launceston, Tasmania") is a place too.
 */
void names_by_company(const char *s, const struct token_list *tl, struct name_list *l, size_t first)
{
	const struct token *v = tl->v;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = first; i < l->n; i++) {
			size_t j = pass ? l->n - 1 - (i - first) : i;
			struct name_span *sp = &l->v[j];
			const struct name_span *after = j + 1 < l->n ? &l->v[j + 1] : NULL;
			if (sp->type == NAME_ORG && sp->e - sp->b == 1 && (v[sp->b].flags & TOKF_ALLCAPS) && after &&
			    after->type == NAME_PLACE && after->b == sp->e + 1 && v[sp->e].kind == TOK_PUNCT &&
			    v[sp->e].punct == ',' && (names_word_flags(s, &v[sp->b]) & LEX_TOWN)) {
				sp->type = NAME_PLACE; /* "BAAR, Switzerland": a town in capitals, placed */
				continue;
			}
			if (sp->type != NAME_UNKNOWN || sp->e - sp->b != 1 || (sp->flags & NAMEF_TITLED))
				continue; /* "Smith said" is no place, but "Taskor and Mirafell said" are bodies */
			const struct name_span *prev = j > first ? &l->v[j - 1] : NULL;
			const struct name_span *next = j + 1 < l->n ? &l->v[j + 1] : NULL;
			int placed = (prev && (prev->type == NAME_PLACE || (prev->flags & NAMEF_PLACE_CTX)) &&
			              listed(s, v, prev->e, sp->b)) ||
			             (next && (next->type == NAME_PLACE) && listed(s, v, sp->e, next->b));
			/* "SOCO and Dominion", "Louis Vuitton, Fendi, Chanel and DKNY": bodies too */
			int bodies = (prev && (prev->type == NAME_ORG || (prev->flags & NAMEF_ORG_CTX)) &&
			              listed(s, v, prev->e, sp->b)) ||
			             (next && next->type == NAME_ORG && listed(s, v, sp->e, next->b));
			if (placed && !(sp->flags & NAMEF_SPEAKS))
				sp->flags |= NAMEF_PLACE_CTX;
			else if (bodies)
				sp->flags |= NAMEF_ORG_CTX;
		}
	}
}

/*
 * "Pan African Climate Justice Alliance (PACJA)": an acronym in parentheses
 * right after a name is that name again; after lower-case words ("gross
 * domestic product (GDP)") it names nothing.
 */
void names_acronyms(const struct token_list *tl, struct name_list *l, size_t first)
{
	const struct token *v = tl->v;
	for (size_t i = first; i < l->n; i++) {
		struct name_span *sp = &l->v[i];
		if (sp->e - sp->b != 1 || !(v[sp->b].flags & TOKF_ALLCAPS) || sp->b < 2 || sp->e >= tl->n ||
		    !(v[sp->b - 1].kind == TOK_PUNCT && v[sp->b - 1].punct == '(') ||
		    !(v[sp->e].kind == TOK_PUNCT && v[sp->e].punct == ')'))
			continue;
		if (i > first && l->v[i - 1].e == sp->b - 1 && l->v[i - 1].type != NAME_UNKNOWN &&
		    !(sp->flags & NAMEF_LEXICON)) { /* "Buffalo, N.Y. (AP)": the agency is no alias */
			sp->alias_of = (long)(i - 1);
			sp->type = l->v[i - 1].type;
		} else if (v[sp->b - 2].kind == TOK_WORD && !names_is_cap(&v[sp->b - 2])) {
			sp->type = NAME_UNKNOWN;
			sp->flags &= ~(unsigned)NAMEF_LEXICON;
			sp->flags |= NAMEF_NOT_NAME;
		}
	}
}

/*
 * "Donis Escober (Olimpia)", "Eddie Hernandez (Tolima)": a name in
 * parentheses right after a person's is what they belong to, a club or a
 * party, unless it is a country or a city the lexicon knows.
 */
void names_affiliations(const char *s, const struct token_list *tl, struct name_list *l, size_t first)
{
	const struct token *v = tl->v;
	for (size_t i = first + 1; i < l->n; i++) {
		struct name_span *sp = &l->v[i];
		const struct name_span *prev = &l->v[i - 1];
		if (sp->b < 2 || sp->e >= tl->n || prev->type != NAME_PERSON || prev->e + 1 != sp->b ||
		    v[sp->b - 1].kind != TOK_PUNCT || v[sp->b - 1].punct != '(' || v[sp->e].kind != TOK_PUNCT ||
		    v[sp->e].punct != ')' || (v[sp->b].flags & TOKF_ALLCAPS) || v[sp->e - 1].end - v[sp->b].start < 2 ||
		    (names_phrase_flags(s, v, sp->b, sp->e, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG)))
			continue;
		sp->type = NAME_ORG;
		sp->flags = (sp->flags & ~(unsigned)(NAMEF_LEXICON | NAMEF_GUESSED | NAMEF_TITLED)) | NAMEF_ORG_CTX;
		sp->canon = NULL;
	}
}
