/*
 * output.h: articles rendered for the command line (JSON, text, body).
 *
 * Text renderings pass every string through the sanitiser; JSON escapes
 * instead (json-c), after repairing any invalid UTF-8.
 */
#ifndef DATELINE_OUTPUT_H
#define DATELINE_OUTPUT_H

#include <stdio.h>

struct article;

/* The article as the CLI contract's JSON object, malloc'd (caller frees), or NULL when out of memory. */
char *article_to_json(const struct article *a, int pretty);
/* Readable rendering: headline, dateline, byline, sections, quotes, entities. 0 or -1 (write error). */
int article_print_text(FILE *f, const struct article *a);
/* Body only: paragraphs and section headings, blank-line separated. 0 or -1. */
int article_print_body(FILE *f, const struct article *a);

#endif
