/*
 * html_meta.h: headline, byline, publication date, site name and canonical
 * URL of a web page.
 *
 * Sources, best first: JSON-LD (NewsArticle, Article, BlogPosting and their
 * kin, inside @graph too), Dublin Core, OpenGraph, article:* and twitter:*
 * meta, <meta name=author>; then the page itself: rel=author, itemprop
 * author and byline classes, <time datetime>, and the <title> cleaned of
 * the site's name (" | Site", " - Site").
 *
 * Must run before html_clean (it reads scripts and byline blocks that the
 * cleaner removes). Fills only fields of a that are still NULL, so what the
 * caller already knows (a feed's date, the URL) wins.
 */
#ifndef DATELINE_HTML_META_H
#define DATELINE_HTML_META_H

#include <libxml/tree.h>
#include <stddef.h>

struct article;

/* Fills a's headline, byline, published, site and url from doc. 0 or -1 (memory). */
int html_meta_read(xmlDoc *doc, struct article *a);

#endif
