/*
 * Regression tests for inputs the fuzzers found (fuzz/). Each case names the
 * target and what went wrong; under `make check-asan` an overflow here fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "feed.h"

/* fuzz_feed_parse: "<?xm" (no NUL after it) was compared with strncmp past the buffer's end. */
static void test_feed_truncated_xml_declaration(void **state)
{
	(void)state;
	static const char *const inputs[] = {"<?xm", "<?x", "<?", "<", "<?xml", "<?xml "};
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		size_t n = strlen(inputs[i]);
		char *exact = malloc(n); /* no terminator: the parser must stay within len */
		assert_non_null(exact);
		memcpy(exact, inputs[i], n);
		struct feed *f = NULL;
		char err[256] = "";
		assert_int_equal(feed_parse(exact, n, NULL, NULL, &f, err, sizeof err), -1);
		assert_true(err[0] != '\0');
		free(exact);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed_truncated_xml_declaration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
