/*
 * feed_parse_bench.c: in-process parse throughput of feed_parse() beside
 * libxml2's own streaming reader (what `xmllint --stream --noout` runs) on
 * the same bytes. Built by `make bench`, run by bench/bench_parse.sh; prints MB/s.
 *
 * usage: feed_parse_bench FILE [RUNS]
 */
#include "model.h"
#include "feed.h"
#include "base.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int stream_only(const char *data, size_t len)
{
	xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET);
	if (!r)
		return -1;
	int rc;
	while ((rc = xmlTextReaderRead(r)) == 1)
		;
	xmlFreeTextReader(r);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
		return 2;
	}
	int runs = argc > 2 ? atoi(argv[2]) : 10;
	if (runs < 1 || runs > 1000)
		runs = 10;
	char err[256], *data;
	size_t len;
	if (file_read(argv[1], (size_t)1 << 30, &data, &len, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	double *t1 = calloc((size_t)runs, sizeof *t1), *t2 = calloc((size_t)runs, sizeof *t2);
	double *t3 = calloc((size_t)runs, sizeof *t3);
	if (!t1 || !t2 || !t3)
		return 1;
	size_t items = 0;
	for (int i = 0; i < runs; i++) {
		double s = now();
		struct feed *f;
		if (feed_parse(data, len, NULL, NULL, &f, err, sizeof err)) {
			fprintf(stderr, "feed_parse: %s\n", err);
			return 1;
		}
		t1[i] = now() - s;
		items = f->n_items;
		feed_free(f);
		/* as the fetcher calls it: with the feed's URL as base, relative links resolved */
		s = now();
		if (feed_parse(data, len, NULL, "https://bench.example.org/feed.xml", &f, err, sizeof err)) {
			fprintf(stderr, "feed_parse: %s\n", err);
			return 1;
		}
		t3[i] = now() - s;
		feed_free(f);
		s = now();
		if (stream_only(data, len) < 0)
			fprintf(stderr, "xmlReader reported an error\n");
		t2[i] = now() - s;
	}
	qsort(t1, (size_t)runs, sizeof *t1, cmp);
	qsort(t2, (size_t)runs, sizeof *t2, cmp);
	qsort(t3, (size_t)runs, sizeof *t3, cmp);
	double mb = len / 1048576.0, m1 = t1[runs / 2], m2 = t2[runs / 2], m3 = t3[runs / 2];
	printf("in-process, %.1f MB, %zu items, median of %d runs\n", mb, items, runs);
	printf("  feed_parse()            %7.1f ms  %7.1f MB/s\n", m1 * 1e3, mb / m1);
	printf("  feed_parse() with base  %7.1f ms  %7.1f MB/s\n", m3 * 1e3, mb / m3);
	printf("  xmlReader stream only   %7.1f ms  %7.1f MB/s\n", m2 * 1e3, mb / m2);
	printf("  ratio feed_parse / xmlReader: %.2f\n", m1 / m2);
	free(t1), free(t2), free(t3), free(data);
	return 0;
}
