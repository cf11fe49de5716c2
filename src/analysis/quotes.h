/*
 * quotes.h: direct quotations and who said them.
 *
 * Pipeline inside the stage: tokens.c splits each paragraph (apostrophes are
 * never marks); quotes.c pairs “ ” " « » „ “ '' ’’ marks, follows a quotation
 * that runs over paragraphs (each opening with a mark, only the last closing;
 * given as one quote per paragraph, all with its speaker) and decides
 * whether it is partial or a mere mention (a title, a term); speakers.c finds who said it from the
 * reporting verbs of the lexicon (data/reporting_verbs.txt), the entities'
 * mentions and he / she / it / they; quotes.c passes a speaker on to a bare
 * quotation that follows. Quotations are located by section, paragraph,
 * end_paragraph and byte offsets of exactly the quoted text.
 *
 * Ownership: every string written into a->quotes is owned by the article.
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
