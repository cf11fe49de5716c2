/*
 * fuzz_opml.c: libFuzzer target for OPML import (opml_parse), export of what
 * was read (opml_format, which must read back to the same feeds), and feed
 * discovery in HTML (discover_feeds) on the same bytes.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Ibuild \
 *   $(pkg-config --cflags libxml-2.0) fuzz/fuzz_opml.c build/libdateline.a \
 *   $(pkg-config --libs libxml-2.0 json-c) -lm -o build/fuzz_opml
 * (build/libdateline.a built with -fsanitize=fuzzer-no-link,address,undefined).
 * Seeds: the OPML and HTML in tests/unit/test_opml.c and tests/e2e/net_feeds.sh.
 */
#include "subs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256], **links = NULL;
	struct feedlist fl = FEEDLIST_INIT;
	struct opml_stats st;
	if (opml_parse((const char *)data, size, &fl, &links, &st, err, sizeof err) == 0) {
		for (size_t i = 0; i < fl.n; i++)
			if (!feedlist_url_ok(fl.entries[i].url))
				abort(); /* only http(s) gets in */
		char *xml = opml_format(&fl, "fuzz", NULL, NULL);
		if (xml) {
			struct feedlist back = FEEDLIST_INIT;
			char **l2 = NULL;
			struct opml_stats st2;
			if (opml_parse(xml, strlen(xml), &back, &l2, &st2, err, sizeof err) || back.n != fl.n)
				abort(); /* what we write we read back */
			opml_free_links(l2, back.n);
			feedlist_free(&back);
			free(xml);
		}
		opml_free_links(links, fl.n);
	}
	feedlist_free(&fl);
	struct discovered_feed *d = NULL;
	size_t n = 0;
	if (discover_feeds((const char *)data, size, "https://fuzz.example/a/b.html", &d, &n, err, sizeof err) == 0)
		discover_free(d, n);
	return 0;
}
