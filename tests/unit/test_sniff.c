/* test_sniff.c: deciding what a document is, including on short inputs without a NUL after them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

/* The bytes in a buffer of exactly their size, as a network read or a mapped file hands them over. */
static enum sniff_kind sniff_exact(const char *s, const char *ct)
{
	size_t n = strlen(s);
	char *b = malloc(n ? n : 1);
	assert_non_null(b);
	memcpy(b, s, n);
	enum sniff_kind k = sniff(b, n, ct);
	free(b);
	return k;
}

static void test_kinds(void **state)
{
	(void)state;
	assert_int_equal(sniff_exact("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", NULL), SNIFF_FEED_XML);
	assert_int_equal(sniff_exact("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", NULL), SNIFF_FEED_XML);
	assert_int_equal(sniff_exact("<rdf:RDF></rdf:RDF>", NULL), SNIFF_FEED_XML);
	assert_int_equal(sniff_exact("<!DOCTYPE html><title>x</title>", NULL), SNIFF_HTML);
	assert_int_equal(sniff_exact("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}", NULL),
	                 SNIFF_FEED_JSON);
	assert_int_equal(sniff_exact("PARIS (AP) - Text.", NULL), SNIFF_TEXT);
	/* "<?xm" in EBCDIC (XML 1.0 appendix F) and "<?" in UTF-16 without a BOM are XML */
	assert_int_equal(sniff(("\x4c\x6f\xa7\x94\x93\x6f\x6e"), 7, NULL), SNIFF_FEED_XML);
	assert_int_equal(sniff(("<\0?\0x\0m\0l\0"), 10, NULL), SNIFF_FEED_XML);
}

/* Found by fuzz_html: "<ht" (3 bytes) was compared with "<rss", "<html"... past its end. */
static void test_short_markup_not_read_past_end(void **state)
{
	(void)state;
	assert_int_equal(sniff_exact("<ht", "text/html"), SNIFF_HTML);
	assert_int_equal(sniff_exact("<", NULL), SNIFF_HTML);
	assert_int_equal(sniff_exact("<r", "application/rss+xml"), SNIFF_FEED_XML);
	assert_int_equal(sniff_exact("<rss", NULL), SNIFF_FEED_XML);
	assert_int_equal(sniff_exact("<!doctype htm", NULL), SNIFF_HTML);
	assert_int_equal(sniff_exact("<chann", "text/xml"), SNIFF_FEED_XML);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_short_markup_not_read_past_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
