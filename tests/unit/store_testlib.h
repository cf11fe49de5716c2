/*
 * store_testlib.h: a fresh directory per test for a store's file (dir,
 * path), removed after it; err for the messages. One test file includes it.
 */
#ifndef DATELINE_STORE_TESTLIB_H
#define DATELINE_STORE_TESTLIB_H

#include <stdio.h>
#include <stdlib.h>

static char dir[256], path[512], err[1024];

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
