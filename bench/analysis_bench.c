/*
 * analysis_bench.c: time of the analysis stage (dateline, entities, quotes)
 * per article, in process, over every .txt file under the directories given;
 * then the whole-process time of `dateline show --json` on the first file.
 * Prints median and 95th percentile, and the same scaled to 1,000 words.
 *
 * Usage: analysis_bench [-n RUNS] [-b DATELINE_BIN] DIR|FILE...
 */
#include "analysis.h"
#include "model.h"
#include "text.h"

#include <dirent.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

extern char **environ;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: the analysis's cost, whatever else a shared machine was doing */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, r;
	do {
		if (n + 65536 > cap) {
			char *p = realloc(buf, cap = n + 65536 * 2);
			if (!p) {
				free(buf), fclose(f);
				return NULL;
			}
			buf = p;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*len = n;
	return buf;
}

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n'))
			w++;
	return w;
}

struct files {
	char **v;
	size_t n, cap;
};

static void add_path(struct files *fl, const char *p)
{
	struct stat st;
	if (stat(p, &st))
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(p);
		struct dirent *de;
		while (d && (de = readdir(d))) {
			size_t l = strlen(de->d_name);
			if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".txt"))
				continue;
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", p, de->d_name);
			add_path(fl, path);
		}
		if (d)
			closedir(d);
		return;
	}
	if (fl->n == fl->cap) {
		fl->cap = fl->cap ? fl->cap * 2 : 64;
		char **v = realloc(fl->v, fl->cap * sizeof *v);
		if (!v)
			exit(1);
		fl->v = v;
	}
	if (!(fl->v[fl->n++] = strdup(p)))
		exit(1);
}

/*
 * Median wall time of runs whole-process runs of BIN show --json FILE (output
 * to /dev/null); *cpu gets the median CPU time (user + system) of the child,
 * which a busy machine disturbs less.
 */
static double process_ms(const char *bin, const char *file, int runs, double *cpu)
{
	double *t = calloc((size_t)runs, sizeof *t), *c = calloc((size_t)runs, sizeof *c);
	if (!t || !c) {
		free(t), free(c);
		return -1;
	}
	for (int r = 0; r < runs; r++) {
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		char *argv[] = {(char *)bin, "show", "--json", (char *)file, NULL};
		pid_t pid;
		double t0 = now_ms();
		if (posix_spawn(&pid, bin, &fa, NULL, argv, environ)) {
			posix_spawn_file_actions_destroy(&fa);
			free(t), free(c);
			return -1;
		}
		int st;
		struct rusage ru;
		wait4(pid, &st, 0, &ru);
		t[r] = now_ms() - t0;
		c[r] = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 +
		       ru.ru_stime.tv_usec / 1e3;
		posix_spawn_file_actions_destroy(&fa);
	}
	qsort(t, (size_t)runs, sizeof *t, compare_double);
	qsort(c, (size_t)runs, sizeof *c, compare_double);
	double m = t[runs / 2];
	*cpu = c[runs / 2];
	free(t), free(c);
	return m;
}

int main(int argc, char **argv)
{
	int runs = 20;
	const char *bin = "./dateline";
	struct files fl = {0};
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-b") && i + 1 < argc)
			bin = argv[++i];
		else
			add_path(&fl, argv[i]);
	}
	if (!fl.n || runs < 1) {
		fprintf(stderr, "usage: analysis_bench [-n RUNS] [-b BIN] DIR|FILE...\n");
		return 2;
	}
	double *per = calloc(fl.n, sizeof *per), *per1k = calloc(fl.n, sizeof *per1k);
	double *t = calloc((size_t)runs, sizeof *t), *c = calloc((size_t)runs, sizeof *c);
	double *cper = calloc(fl.n, sizeof *cper), *cper1k = calloc(fl.n, sizeof *cper1k);
	size_t done = 0, words_total = 0;
	if (!per || !per1k || !t || !c || !cper || !cper1k)
		return 1;
	for (size_t i = 0; i < fl.n; i++) {
		size_t len;
		char *text = slurp(fl.v[i], &len);
		if (!text)
			continue;
		size_t words = count_words(text, len);
		char err[256];
		for (int r = 0; r < runs; r++) {
			struct article *a = article_new();
			if (!a || text_parse(text, len, a, err, sizeof err)) {
				article_free(a);
				t[r] = -1;
				continue;
			}
			double c0 = cpu_ms(), t0 = now_ms();
			analysis_run(a, err, sizeof err);
			t[r] = now_ms() - t0;
			c[r] = cpu_ms() - c0;
			article_free(a);
		}
		free(text);
		if (t[0] < 0)
			continue;
		qsort(t, (size_t)runs, sizeof *t, compare_double);
		qsort(c, (size_t)runs, sizeof *c, compare_double);
		cper[done] = c[runs / 2];
		cper1k[done] = words ? c[runs / 2] * 1000.0 / (double)words : 0;
		per[done] = t[runs / 2];
		per1k[done] = words ? t[runs / 2] * 1000.0 / (double)words : 0;
		words_total += words;
		done++;
	}
	qsort(per, done, sizeof *per, compare_double);
	qsort(per1k, done, sizeof *per1k, compare_double);
	qsort(cper, done, sizeof *cper, compare_double);
	qsort(cper1k, done, sizeof *cper1k, compare_double);
	if (!done) {
		fprintf(stderr, "analysis_bench: no article could be read\n");
		return 1;
	}
	printf("articles %zu (mean %zu words), %d runs each, in process (analysis_run only)\n", done,
	       words_total / done, runs);
	printf("per article:     median %.3f ms  p95 %.3f ms\n", per[done / 2], per[done * 95 / 100]);
	printf("per 1,000 words: median %.3f ms  p95 %.3f ms\n", per1k[done / 2], per1k[done * 95 / 100]);
	printf("CPU per article:     median %.3f ms  p95 %.3f ms\n", cper[done / 2], cper[done * 95 / 100]);
	printf("CPU per 1,000 words: median %.3f ms  p95 %.3f ms\n", cper1k[done / 2], cper1k[done * 95 / 100]);
	double cpu = 0, pm = process_ms(bin, fl.v[0], runs, &cpu);
	if (pm >= 0)
		printf("whole process `%s show --json %s`: median %.2f ms wall, %.2f ms CPU, over %d runs\n", bin,
		       fl.v[0], pm, cpu, runs);
	for (size_t i = 0; i < fl.n; i++)
		free(fl.v[i]);
	free(fl.v), free(per), free(per1k), free(t), free(c), free(cper), free(cper1k);
	return 0;
}
