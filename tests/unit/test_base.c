/* test_base.c: the base helpers every stage shares. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_html),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
