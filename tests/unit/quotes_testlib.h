/*
 * quotes_testlib.h: what the quotation tests share: an article analysed
 * from plain text (blank-line paragraphs, the first line its headline), its
 * quotation found by the start of its text, and its speaker checked. Include
 * after cmocka.h. The article returned is the caller's to free (article_free).
 */
#ifndef DATELINE_QUOTES_TESTLIB_H
#define DATELINE_QUOTES_TESTLIB_H

#include <string.h>

#include "analysis.h"
#include "model.h"
#include "text.h"

/* Parses text, gives it byline (or none) and analyses it. */
static struct article *analyse_by(const char *text, const char *byline)
{
	struct article *a = article_new();
	char err[256];
	assert_non_null(a);
	assert_int_equal(text_parse(text, strlen(text), a, err, sizeof err), 0);
	if (byline)
		assert_int_equal(article_set(&a->byline, byline, strlen(byline)), 0);
	assert_int_equal(analysis_run(a, err, sizeof err), 0);
	return a;
}

static struct article *analyse(const char *text)
{
	return analyse_by(text, NULL);
}

/* The quote whose text starts with prefix, or fails. */
static const struct quote *quote(const struct article *a, const char *prefix)
{
	for (size_t i = 0; i < a->n_quotes; i++)
		if (!strncmp(a->quotes[i].text, prefix, strlen(prefix)))
			return &a->quotes[i];
	fail_msg("no quote starting with \"%s\" (%zu quotes)", prefix, a->n_quotes);
	return NULL;
}

/* That q's speaker is who (NULL: nobody named). */
static void assert_speaker(const struct quote *q, const char *who)
{
	if (!who) {
		assert_null(q->speaker);
		return;
	}
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, who);
}

#endif
