/* test_feedlist.c: the feeds file: words, quotes, titles, tags, bad lines, updates that keep the rest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "subs.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char sample[] =
	"# my feeds\n"
	"\n"
	"https://example.org/feed.xml \"~Example News\" politics \"long tag\"\r\n"
	"   http://a.example/rss  tech # a comment after\n"
	"file:///etc/passwd\n"
	"exec:rm -rf ~\n"
	"https://example.org/feed.xml again\n"
	"https://q.example/f \"~Say \\\"hi\\\"\" \"unterminated\n"
	"https://last.example/x";

static void test_parse(void **state)
{
	(void)state;
	struct feedlist fl = FEEDLIST_INIT;
	assert_int_equal(feedlist_parse(sample, strlen(sample), &fl), 0);
	assert_int_equal(fl.n, 4);
	struct feedlist_entry *e = &fl.entries[0];
	assert_string_equal(e->url, "https://example.org/feed.xml");
	assert_string_equal(e->title, "Example News");
	assert_int_equal(e->n_tags, 2);
	assert_string_equal(e->tags[0], "politics");
	assert_string_equal(e->tags[1], "long tag");
	assert_int_equal(e->line, 3);
	e = &fl.entries[1];
	assert_string_equal(e->url, "http://a.example/rss");
	assert_null(e->title);
	assert_int_equal(e->n_tags, 1);
	assert_string_equal(e->tags[0], "tech");
	e = &fl.entries[2];
	assert_string_equal(e->title, "Say \"hi\"");
	assert_string_equal(fl.entries[3].url, "https://last.example/x");
	/* file:, exec: and the unterminated quote */
	assert_int_equal(fl.n_bad, 3);
	assert_non_null(strstr(fl.bad, "line 5: not an http(s) URL: file:///etc/passwd"));
	feedlist_free(&fl);
}

static void test_format_round_trip(void **state)
{
	(void)state;
	struct feedlist fl = FEEDLIST_INIT, back = FEEDLIST_INIT;
	char *tags[] = {"world news", "a\"b", "plain"};
	assert_int_equal(feedlist_add(&fl, "https://x.example/f", "Title with \\ and \"q\"", tags, 3), 0);
	assert_int_equal(feedlist_add(&fl, "https://x.example/f", NULL, NULL, 0), 1);
	char *line = feedlist_format_entry(&fl.entries[0]);
	assert_non_null(line);
	assert_int_equal(feedlist_parse(line, strlen(line), &back), 0);
	assert_int_equal(back.n, 1);
	assert_int_equal(back.n_bad, 0);
	assert_string_equal(back.entries[0].title, "Title with \\ and \"q\"");
	assert_int_equal(back.entries[0].n_tags, 3);
	assert_string_equal(back.entries[0].tags[0], "world news");
	assert_string_equal(back.entries[0].tags[1], "a\"b");
	free(line);
	feedlist_free(&fl);
	feedlist_free(&back);
}

/* Creates a temporary file from the template path holding text. */
static void temp_file(char *path, const char *text)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void test_update_keeps_lines(void **state)
{
	(void)state;
	char path[] = "/tmp/dateline-feedlist-XXXXXX";
	temp_file(path, "# keep me\nhttps://old.example/f \"~Old\" t1\n\nhttps://other.example/g\n");
	struct feedlist_entry add = {"https://new.example/h", "New one", NULL, 0, 0};
	const char *ren[] = {"https://old.example/f", "https://moved.example/f"};
	char err[256];
	assert_int_equal(feedlist_update_file(path, &add, 1, ren, 1, err, sizeof err), 0);
	char *data;
	size_t len;
	assert_int_equal(file_read(path, 1 << 20, &data, &len, err, sizeof err), 0);
	assert_string_equal(data, "# keep me\nhttps://moved.example/f \"~Old\" t1\n\nhttps://other.example/g\n"
	                          "https://new.example/h \"~New one\"\n");
	free(data);
	unlink(path);
}

/* A move onto an address with its own line already (both subscribed): the old line goes, no duplicate. */
static void test_rename_onto_existing(void **state)
{
	(void)state;
	char path[] = "/tmp/dateline-feedlist-XXXXXX";
	temp_file(path, "https://old.example/f \"~Old\"\nhttps://new.example/f \"~New\" t\n");
	const char *ren[] = {"https://old.example/f", "https://new.example/f"};
	char err[256], *data;
	size_t len;
	assert_int_equal(feedlist_update_file(path, NULL, 0, ren, 1, err, sizeof err), 0);
	assert_int_equal(file_read(path, 1 << 20, &data, &len, err, sizeof err), 0);
	assert_string_equal(data, "https://new.example/f \"~New\" t\n");
	free(data);
	unlink(path);
}

/* Only URL code points: no controls, C1, bidi or invisible controls, no invalid UTF-8, no "<>\^`{|}. */
static void test_url_ok(void **state)
{
	(void)state;
	assert_true(feedlist_url_ok("https://news.example/feed?a=1&b=%20#x"));
	assert_true(feedlist_url_ok("http://[::1]:8080/rss"));
	assert_true(feedlist_url_ok("https://caf\xC3\xA9.example/\xE6\x96\xB0\xE9\x97\xBB")); /* IRIs stay */
	assert_false(feedlist_url_ok("https://a.example/\xC2\x9B" "2J"));  /* U+009B, the 8-bit CSI */
	assert_false(feedlist_url_ok("https://a.example/\xE2\x80\xAEgnp")); /* RLO */
	assert_false(feedlist_url_ok("https://a.example/\xE2\x80\x8E"));    /* LRM */
	assert_false(feedlist_url_ok("https://a.example/\xE2\x80\xA8"));    /* LINE SEPARATOR */
	assert_false(feedlist_url_ok("https://a.example/\xFF"));              /* not UTF-8 */
	assert_false(feedlist_url_ok("https://a.example/\x1B[31m"));
	assert_false(feedlist_url_ok("https://a.example/a b"));
	assert_false(feedlist_url_ok("https://a.example/<script>"));
	assert_false(feedlist_url_ok("https://a.example/\"q\""));
	assert_false(feedlist_url_ok("https://a.example/`x`"));
	assert_false(feedlist_url_ok("javascript:alert(1)"));
}

/* Thousands of lines: each URL once, the first occurrence kept, found by the index. */
static void test_many_and_index(void **state)
{
	(void)state;
	char *text = malloc(5000 * 48);
	assert_non_null(text);
	size_t len = 0;
	for (int i = 0; i < 5000; i++)
		len += (size_t)sprintf(text + len, "https://h%d.example/feed t%d\n", i % 2500, i);
	struct feedlist fl = FEEDLIST_INIT;
	assert_int_equal(feedlist_parse(text, len, &fl), 0);
	assert_int_equal(fl.n, 2500);
	assert_string_equal(fl.entries[7].tags[0], "t7");
	struct strmap ix = STRMAP_EXACT;
	for (size_t i = 0; i < fl.n; i++)
		assert_int_equal(strmap_set(&ix, fl.entries[i].url, (int)i), 0);
	assert_int_equal(strmap_find(&ix, "https://h1234.example/feed"), 1234);
	assert_int_equal(strmap_find(&ix, "https://H1234.example/feed"), -1);
	assert_int_equal(strmap_find(&ix, "https://h2500.example/feed"), -1);
	assert_int_equal(strmap_set(&ix, fl.entries[3].url, 99), 0);
	assert_int_equal(strmap_find(&ix, "https://h3.example/feed"), 99);
	assert_int_equal(ix.n, 2500);
	strmap_free(&ix);
	feedlist_free(&fl);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_update_keeps_lines),
		cmocka_unit_test(test_rename_onto_existing),
		cmocka_unit_test(test_url_ok),
		cmocka_unit_test(test_many_and_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
