/*
 * libFuzzer target: HTML extraction (charset, libxml2's HTML parser, metadata,
 * cleaning, scoring, text) through ingest_article() with text/html, then the
 * analysis and every output. The first byte picks the Content-Type, so the
 * header's charset and the page's own declarations are both explored.
# seeds: tests/data/html
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "model.h"
#include "pipeline.h"
#include "output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"text/html", "text/html; charset=utf-8", "text/html; charset=shift_jis",
	                                    "application/xhtml+xml", "text/html; charset=utf-16le"};
	char err[256];
	struct article *a;
	struct ingest_opts o = {"fuzz", "https://fuzz.example/news/a.html",
	                        size ? types[data[0] % (sizeof types / sizeof *types)] : "text/html", NULL};
	if (ingest_article((const char *)data, size, &o, &a, err, sizeof err))
		return 0;
	free(article_to_json(a, 0));
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		article_print_text(null, a);
		fclose(null);
	}
	article_free(a);
	return 0;
}
