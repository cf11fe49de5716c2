/*
 * store_testlib.h: a fresh directory per test for a store's file (dir,
 * path), removed after it; err for the messages. One test file includes it.
 */
#ifndef DATELINE_STORE_TESTLIB_H
#define DATELINE_STORE_TESTLIB_H

#include "decode.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>

static char dir[256], path[512], err[1024];

/* The item's published date as a feed parser leaves it: the text and its time. 0 or -1. */
static inline int item_set_published(struct feed_item *it, const char *s)
{
	return feed_set(&it->published, s) || date_read(s, &it->published_at) ? -1 : 0;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/dateline-test-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/dateline.db", dir);
	err[0] = 0;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir); /* tests make parts read-only */
	return system(cmd) == 0 ? 0 : -1;
}

#endif
