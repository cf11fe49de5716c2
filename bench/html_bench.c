/*
 * html_bench.c: in-process timing of HTML extraction (html_parse) and of the
 * whole ingest path (extraction + analysis) over a set of pages.
 *
 * usage: html_bench [-r ROUNDS] FILE...
 * Prints per-stage median and 95th percentile of the per-page times (each
 * page's time is its fastest of ROUNDS runs, so a noisy neighbour on a
 * shared machine costs less), plus the slowest page; then the same in CPU time
 * of the thread, which a busy machine disturbs less still.
 */
#include "model.h"
#include "html.h"
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the page cost, whatever else a shared machine was doing */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (n < cap)
			break;
		char *b = realloc(buf, cap * 2 + 1);
		if (!b) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = b, cap *= 2;
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *what, double *t, size_t n, char **names)
{
	size_t worst = 0;
	for (size_t i = 1; i < n; i++)
		if (t[i] > t[worst])
			worst = i;
	const char *wname = names[worst];
	double wt = t[worst];
	qsort(t, n, sizeof *t, cmp);
	size_t p95 = (size_t)((double)(n - 1) * 0.95 + 0.5);
	const char *slash = strrchr(wname, '/');
	printf("%-28s pages %zu  median %.2f ms  p95 %.2f ms  max %.2f ms (%.16s)\n", what, n, t[n / 2], t[p95], wt,
	       slash ? slash + 1 : wname);
}

int main(int argc, char **argv)
{
	int rounds = 5, first = 1;
	if (argc > 2 && !strcmp(argv[1], "-r")) {
		rounds = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || rounds < 1) {
		fprintf(stderr, "usage: html_bench [-r ROUNDS] FILE...\n");
		return 2;
	}
	size_t n = (size_t)(argc - first);
	double *tx = calloc(n, sizeof *tx), *ti = calloc(n, sizeof *ti);
	double *cx = calloc(n, sizeof *cx), *ci = calloc(n, sizeof *ci);
	if (!tx || !ti || !cx || !ci)
		return 1;
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		char *data = slurp(argv[first + i], &len);
		if (!data) {
			perror(argv[first + i]);
			return 1;
		}
		tx[i] = ti[i] = cx[i] = ci[i] = 1e30;
		for (int r = 0; r < rounds; r++) {
			char err[256];
			struct article *a = article_new();
			double c0 = cpu_ms(), t0 = now_ms();
			int rc = html_parse(data, len, "https://example.org/page", NULL, a, err, sizeof err);
			double t1 = now_ms(), c1 = cpu_ms();
			if (c1 - c0 < cx[i])
				cx[i] = c1 - c0;
			article_free(a);
			if (rc && r == 0)
				failed++;
			if (t1 - t0 < tx[i])
				tx[i] = t1 - t0;
			struct ingest_opts o = {argv[first + i], "https://example.org/page", "text/html", NULL};
			c0 = cpu_ms(), t0 = now_ms();
			rc = ingest_article(data, len, &o, &a, err, sizeof err);
			t1 = now_ms(), c1 = cpu_ms();
			if (c1 - c0 < ci[i])
				ci[i] = c1 - c0;
			if (!rc)
				article_free(a);
			if (t1 - t0 < ti[i])
				ti[i] = t1 - t0;
		}
		free(data);
	}
	report("extraction (html_parse)", tx, n, argv + first);
	report("extraction + analysis", ti, n, argv + first);
	report("extraction CPU", cx, n, argv + first);
	report("extraction + analysis CPU", ci, n, argv + first);
	printf("pages without an article: %zu\n", failed);
	free(tx), free(ti), free(cx), free(ci);
	return 0;
}
