/* libFuzzer target: plain-text reader, analysis and every output over arbitrary bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "model.h"
#include "pipeline.h"
#include "output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	struct article *a;
	struct ingest_opts o = {"fuzz", NULL, "text/plain", "2025-03-18"};
	if (ingest_article((const char *)data, size, &o, &a, err, sizeof err))
		return 0;
	free(article_to_json(a, 0));
	FILE *null = fopen("/dev/null", "w");
	if (null) {
		article_print_text(null, a);
		article_print_body(null, a);
		fclose(null);
	}
	article_free(a);
	return 0;
}
