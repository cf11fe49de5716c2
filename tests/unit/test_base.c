/* test_base.c: the base helpers every stage shares. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

static void test_put_html(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	const char *s = "a<b>&\"c\"";
	assert_int_equal(buf_put_html(&b, s, strlen(s), 0), 0);
	assert_string_equal(b.data, "a&lt;b&gt;&amp;\"c\"");
	buf_reset(&b);
	assert_int_equal(buf_put_html(&b, s, strlen(s), 1), 0);
	assert_string_equal(b.data, "a&lt;b&gt;&amp;&quot;c&quot;");
	buf_reset(&b);
	assert_int_equal(buf_put_html(&b, "x<y", 2, 0), 0); /* only n bytes */
	assert_string_equal(b.data, "x&lt;");
	buf_free(&b);
}

static void test_array_grow(void **state)
{
	(void)state;
	long *v = NULL;
	size_t cap = 0;
	assert_int_equal(array_grow((void **)&v, &cap, 1, sizeof *v), 0);
	assert_true(cap >= 1);
	assert_int_equal(v[0], 0); /* new slots are zeroed */
	for (size_t i = 0; i < 1000; i++) {
		assert_int_equal(array_grow((void **)&v, &cap, i + 1, sizeof *v), 0);
		v[i] = (long)i;
	}
	assert_true(cap >= 1000);
	assert_int_equal(v[999], 999);
	assert_int_equal(v[500], 500);
	long *same = v;
	size_t c = cap;
	assert_int_equal(array_grow((void **)&v, &cap, cap, sizeof *v), 0); /* already room */
	assert_ptr_equal(v, same);
	assert_int_equal(cap, c);
	/* a size that would overflow fails and leaves the array as it was */
	assert_int_equal(array_grow((void **)&v, &cap, SIZE_MAX / 4, 8), -1);
	assert_ptr_equal(v, same);
	assert_int_equal(cap, c);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_html),
		cmocka_unit_test(test_array_grow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
