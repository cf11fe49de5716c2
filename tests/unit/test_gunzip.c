/* test_gunzip.c: gzip-compressed pages read transparently, bombs and damage refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

#include "decode.h"
#include "model.h"
#include "pipeline.h"

/* gzip-compresses s[0..len) into a malloc'd buffer (*out_len bytes). */
static char *gz(const char *s, size_t len, size_t *out_len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, (uLong)len);
	char *out = malloc(cap);
	assert_non_null(out);
	z.next_in = (unsigned char *)s, z.avail_in = (uInt)len;
	z.next_out = (unsigned char *)out, z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*out_len = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

static const char page[] =
	"<html><head><title>Ferry timetable changes | Harbour Gazette</title>"
	"<meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article>"
	"<h1>Ferry timetable changes</h1>"
	"<p>The ferry to the islands will leave half an hour earlier from Monday, the operator said, "
	"so that commuters reach the mainland before the first trains of the morning.</p>"
	"<p>The evening crossing stays as it is, and fares do not change this year.</p></article></body></html>";

static void test_round_trip(void **state)
{
	(void)state;
	size_t zl, len;
	char *z = gz(page, strlen(page), &zl), *out, err[128];
	assert_true(decode_is_gzip(z, zl));
	assert_false(decode_is_gzip(page, strlen(page)));
	assert_int_equal(decode_gunzip(z, zl, 1 << 20, &out, &len, err, sizeof err), 0);
	assert_int_equal(len, strlen(page));
	assert_memory_equal(out, page, len);
	free(out), free(z);
}

static void test_bomb_and_damage_refused(void **state)
{
	(void)state;
	size_t big = (size_t)4 << 20, zl, len;
	char *zeros = calloc(1, big), *out = (char *)1, err[128] = "";
	assert_non_null(zeros);
	char *z = gz(zeros, big, &zl);
	assert_true(zl < big / 100); /* a few kilobytes that would be megabytes */
	assert_int_equal(decode_gunzip(z, zl, (size_t)1 << 20, &out, &len, err, sizeof err), -1);
	assert_null(out);
	assert_non_null(strstr(err, "expands past"));
	/* cut short */
	assert_int_equal(decode_gunzip(z, zl / 2, big * 2, &out, &len, err, sizeof err), -1);
	assert_non_null(strstr(err, "cut short"));
	/* damaged after the header */
	z[12] ^= 0x55, z[13] ^= 0x55, z[14] ^= 0x55;
	assert_int_equal(decode_gunzip(z, zl, big * 2, &out, &len, err, sizeof err), -1);
	free(z), free(zeros);
}

static void test_ingest_reads_saved_gz_page(void **state)
{
	(void)state;
	size_t zl;
	char *z = gz(page, strlen(page), &zl), err[256] = "";
	struct article *a = NULL;
	struct ingest_opts o = {"page.html.gz", NULL, NULL, NULL};
	if (ingest_article(z, zl, &o, &a, err, sizeof err))
		fail_msg("%s", err);
	assert_string_equal(a->headline, "Ferry timetable changes");
	assert_string_equal(a->site, "Harbour Gazette");
	assert_true(article_paragraph_count(a) >= 2);
	article_free(a);
	free(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_bomb_and_damage_refused),
		cmocka_unit_test(test_ingest_reads_saved_gz_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
