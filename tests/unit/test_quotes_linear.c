/*
 * test_quotes_linear.c: quotation finding and attribution grow linearly
 * with a paragraph's length (issue 19, F1 and F2).
 *
 * Each case analyses one long paragraph made of a repeated unit, n and 4n
 * times, and compares the CPU time taken: linear work takes about 4 times
 * as long, quadratic work 16 times. The bound (8) is generous on purpose and
 * is a ratio of two sizes, never a time limit; each size keeps its fastest
 * of three runs so a busy machine does not decide.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "model.h"
#include "text.h"

#define RUNS 3
#define MAX_RATIO 8.0

/* CPU seconds to parse and analyse head + unit x n (one paragraph), the fastest of RUNS. */
static double analyse_seconds(const char *head, const char *unit, size_t n)
{
	size_t hl = strlen(head), ul = strlen(unit);
	char *t = malloc(hl + ul * n + 2);
	assert_non_null(t);
	memcpy(t, head, hl);
	for (size_t i = 0; i < n; i++)
		memcpy(t + hl + i * ul, unit, ul);
	memcpy(t + hl + ul * n, "\n", 2);
	double best = 1e9;
	for (int r = 0; r < RUNS; r++) {
		struct article *a = article_new();
		char err[256];
		assert_non_null(a);
		clock_t c0 = clock();
		assert_int_equal(text_parse(t, strlen(t), a, err, sizeof err), 0);
		assert_int_equal(analysis_run(a, err, sizeof err), 0);
		double s = (double)(clock() - c0) / CLOCKS_PER_SEC;
		if (s < best)
			best = s;
		article_free(a);
	}
	free(t);
	return best;
}

/* Fails when 4 times the input takes more than MAX_RATIO times the work. */
static void assert_linear(const char *head, const char *unit, size_t n)
{
	double small = analyse_seconds(head, unit, n);
	double large = analyse_seconds(head, unit, 4 * n);
	double floor_s = 0.002; /* below clock()'s resolution the ratio means nothing */
	double ratio = large / (small > floor_s ? small : floor_s);
	print_message("    %s x %zu: %.4fs, x %zu: %.4fs, ratio %.1f\n", unit, n, small, 4 * n, large, ratio);
	assert_true(ratio < MAX_RATIO);
}

/* F1: an opening mark every few bytes, no sentence end anywhere. */
static void marks_without_full_stops(void **state)
{
	(void)state;
	assert_linear("Head\n\n", "a\"b", 4000);
}

/* F1: reporting verbs and names around every quotation of one endless sentence. */
static void cues_without_full_stops(void **state)
{
	(void)state;
	assert_linear("Head\n\n", "Mara Lind said \"yes\" and told them ", 1500);
}

/* F2: "the governor said" again and again after one governor was named. */
static void office_words_without_full_stops(void **state)
{
	(void)state;
	assert_linear("Head\n\nGov. Edda Brannock spoke and ", "the governor said \"no\" and ", 2000);
}

/* "they" resolved by looking for the camp of its sentence. */
static void pronouns_without_full_stops(void **state)
{
	(void)state;
	assert_linear("Head\n\nThe Grain Council met and ", "they said \"no\" and ", 3000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(marks_without_full_stops),
		cmocka_unit_test(cues_without_full_stops),
		cmocka_unit_test(office_words_without_full_stops),
		cmocka_unit_test(pronouns_without_full_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
