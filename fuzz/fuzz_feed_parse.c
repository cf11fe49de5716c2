/*
 * fuzz_feed_parse.c: libFuzzer target for feed_parse() (charset detection,
 * entity repair, the SAX readers, JSON Feed) and the date parser.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Ibuild \
 *   $(pkg-config --cflags libxml-2.0 json-c) fuzz/fuzz_feed_parse.c build/libdateline.a \
 *   $(pkg-config --libs libxml-2.0 json-c) -lm -o build/fuzz_feed_parse
 * (build/libdateline.a built with the same sanitizers). Seeds: tests/data/feeds/.
 */
#include "model.h"
#include "decode.h"
#include "feed.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	struct feed *f = NULL;
	/* the first byte picks a Content-Type, so the charset rules are explored too */
	static const char *const types[] = {NULL, "application/rss+xml", "text/xml", "text/xml; charset=utf-16",
	                                    "application/atom+xml; charset=koi8-r", "text/html"};
	const char *ct = size ? types[data[0] % (sizeof types / sizeof *types)] : NULL;
	if (feed_parse((const char *)data, size, ct, "http://fuzz.example/feed/", &f, err, sizeof err) == 0) {
		for (size_t i = 0; i < f->n_items; i++) {
			char *t = feed_text_plain(f->items[i].summary, 200);
			free(t);
		}
		feed_free(f);
	}
	if (size < 200) {
		char s[256], out[FEED_DATE_LEN + 1];
		memcpy(s, data, size);
		s[size] = '\0';
		feed_date_parse(s, out);
	}
	return 0;
}
