/*
 * html_tree_bench.c: how much tree html_tree_parse() builds per page byte.
 *
 * usage: html_tree_bench FILE...   (uncompressed pages)
 * Prints one line per page (bytes, elements built, whether the budget cut the
 * page, estimated tree bytes per page byte), then the largest ratio over the
 * pages and how many pages reached the budget. A normal page should never
 * reach it: it is then read whole.
 */
#include "base.h"
#include "html.h"
#include "html_tree.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	double worst = 0;
	const char *worst_page = "-";
	int capped = 0, pages = 0;
	for (int i = 1; i < argc; i++) {
		size_t len, ulen;
		char *data = NULL, *owned, err[256];
		const char *text;
		if (file_read(argv[i], (size_t)1 << 30, &data, &len, err, sizeof err) || html_decode(data, len, NULL, &text, &ulen, &owned)) {
			fprintf(stderr, "%s: %s\n", argv[i], data ? "cannot decode" : err);
			free(data);
			return 1;
		}
		struct html_tree_stats st;
		xmlDoc *doc = html_tree_parse(text, ulen, NULL, !owned, &st);
		double ratio = ulen ? (double)st.cost / (double)ulen : 0;
		printf("%-60s bytes %9zu  elements %7zu  %s  tree/page %.2f\n", argv[i], ulen, st.elements,
		       st.truncated ? "cut" : "whole", ratio);
		if (ratio > worst)
			worst = ratio, worst_page = argv[i];
		capped += st.truncated;
		pages++;
		xmlFreeDoc(doc);
		free(owned);
		free(data);
	}
	printf("pages %d  reached the budget %d  largest tree/page %.2f (%s)\n", pages, capped, worst, worst_page);
	return 0;
}
