/*
 * fulltext.h: full articles for feeds that carry only summaries.
 *
 * A feed tagged "fulltext" in the feeds file gets, after each refresh, the
 * web page behind every recent item whose stored article was made from the
 * feed's summary: fetched in parallel, extracted (html_parse via
 * ingest_article), analysed, and stored in place of the summary. It sits
 * beside refresh between the fetcher and the store, so neither the store nor
 * the parsers learn about the other.
 */
#ifndef DATELINE_FULLTEXT_H
#define DATELINE_FULLTEXT_H

#include <stddef.h>
#include <stdio.h>

struct feedlist;
struct feedlist_entry;
struct fetch_opts;
struct store;

#define FULLTEXT_TAG "fulltext"       /* the feeds-file tag that asks for it */
#define FULLTEXT_DEFAULT_PER_FEED 50  /* newest items looked at per feed */

struct fulltext_summary {
	size_t wanted;  /* items that had only a summary */
	size_t stored;  /* full articles stored */
	size_t failed;  /* pages that could not be fetched or read */
};

/* 1 when the subscription asks for full articles. */
int fulltext_wanted(const struct feedlist_entry *e);

/*
 * For every entry of fl tagged FULLTEXT_TAG, replaces the summary-only
 * articles among its newest per_feed items with the full page. One line per
 * failed page goes to report (may be NULL). Returns 0 (page failures are
 * counted, not fatal), or -1 with err when the store or the fetcher cannot
 * work at all. Borrows everything.
 */
int fulltext_expand(struct store *st, const struct feedlist *fl, const struct fetch_opts *fo,
                    size_t per_feed, FILE *report, struct fulltext_summary *sum,
                    char *err, size_t errlen);

#endif
