/*
 * headline_pick.c: when a feed item's page is fetched (full text, `f`, `s`),
 * whose headline the article keeps. A feed's title is written for readers
 * and rarely carries the site's name; a page's may be a rewrite for search
 * engines. So the feed's title stays, and the page's headline wins only
 * when it is plainly better: the feed gave none, or cut its title short
 * (an ellipsis, or the page's headline goes on from where it stops).
 */
#include "pipeline.h"
#include "base.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

/* Length of s without a trailing ellipsis ("…" or "...") and the spaces before it; *cut says whether there was one. */
static size_t stem(const char *s, int *cut)
{
	size_t n = strlen(s);
	*cut = 0;
	if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3)) {
		n -= 3;
		*cut = 1;
	} else if (n >= 3 && !memcmp(s + n - 3, "...", 3)) {
		n -= 3;
		*cut = 1;
	}
	while (n && s[n - 1] == ' ')
		n--;
	return n;
}

/* 1 when the page's headline only adds a site label after a separator ("Title | Site", "Title - Site"). */
static int adds_label(const char *rest)
{
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", NULL};
	for (const char *const *sp = seps; *sp; sp++)
		if (!strncmp(rest, *sp, strlen(*sp)))
			return 1;
	return 0;
}

int headline_page_is_better(const char *feed_title, const char *page)
{
	if (!page || !*page)
		return 0;
	if (!feed_title || !*feed_title)
		return 1;
	int cut;
	size_t n = stem(feed_title, &cut);
	if (n && strlen(page) > n && !strncasecmp(page, feed_title, n))
		return cut || !adds_label(page + n); /* the feed stopped short of the page's headline */
	return 0;
}

int headline_keep_feed_title(struct article *a, const char *feed_title)
{
	if (!a || headline_page_is_better(feed_title, a->headline))
		return 0;
	if (article_set(&a->headline, feed_title, strlen(feed_title)))
		return -1;
	a->headline_derived = 0;
	return 0;
}
