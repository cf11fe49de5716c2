/*
 * entity_finder.h: the state entities.c keeps while it reads an article, for
 * the article-wide passes in entity_passes.c (transcript turns, acronyms,
 * one type per name).
 *
 * Internal to the analysis stage. Ownership: a finder owns its paragraph
 * array, their tokens and name spans, and its maps; entities.c frees them.
 * Paragraph texts are borrowed from the article.
 */
#ifndef DATELINE_ENTITY_FINDER_H
#define DATELINE_ENTITY_FINDER_H
#include <stddef.h>
#include "names.h"
#include "base.h"
#include "tokens.h"

struct article;

#define NAME_MAX_BYTES 200 /* longer "names" are runs of capitals, not names */

struct para {
	int section, paragraph;   /* position in the article (-1: headline) */
	const char *text;         /* the paragraph (borrowed from the article) */
	struct token_list tl;     /* its tokens (owned) */
	struct name_list names;   /* its name spans (owned) */
	int title_case;           /* capitals carry no information here */
};

struct finder {
	struct article *a;
	struct para *p;           /* paragraphs, headline last (owned array) */
	size_t n;                 /* number of paragraphs */
	struct strmap caps;       /* word -> 1 capitalised mid-sentence | 2 lower case */
	struct strmap names;      /* name or alias -> entity index */
	struct strmap surnames;   /* a person's last (or first) word -> entity index or AMBIGUOUS */
	struct strmap acr_para;   /* acronym -> paragraph of the name it abbreviates */
	struct strmap acr_span;   /* acronym -> that name's span in the paragraph */
};

/* Copies the text of tokens [b, e) of p into buf (cap bytes), runs of spaces as one; its length. */
size_t finder_span_text(const struct para *p, size_t b, size_t e, char *buf, size_t cap);
/* Makes the turn labels of a transcript ("WALLACE: ...", several paragraphs) people who speak. */
void finder_mark_turns(struct finder *f);
/* Links acronyms to the names whose initials they are (fills acr_para, acr_span); 0, or -1 when out of memory. */
int finder_link_acronyms(struct finder *f);
/* The span an acronym span abbreviates, and its paragraph in *fp; NULL when none. */
const struct name_span *finder_acronym_of(const struct finder *f, const struct para *p, const struct name_span *sp,
                                          const struct para **fp);
/*
 * The one person named in full whose last name w[0..l) spells another way
 * ("Zelenskyy" for "Volodymyr Zelensky": one letter added, dropped or
 * changed, six letters or more); -1 when none or several.
 */
int finder_spelling_variant(const struct finder *f, const char *w, size_t l);
/*
 * Which of the people sharing the surname w[0..l) a lone "Biden" means: the
 * one named most so far, the first named on a tie (the article's main
 * figure); -1 when none.
 */
int finder_surname_owner(const struct finder *f, const char *w, size_t l);
/*
 * The length of name without a corporate suffix ("Ceres Robotics" in "Ceres
 * Robotics Inc."), or 0 when it has none.
 */
size_t finder_without_suffix(const char *name, size_t len);
/* One type per name across the article; 0, or -1 when out of memory. */
int finder_settle_types(struct finder *f);
#endif
