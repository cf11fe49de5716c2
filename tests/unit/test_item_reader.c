/* test_item_reader.c: a feed item becomes an article from its own fields and one fragment parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decode.h"
#include "html.h"
#include "model.h"
#include "pipeline.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

static struct feed_item *item(struct feed *f, const char *title, const char *content)
{
	struct feed_item *it = feed_add_item(f);
	assert_non_null(it);
	assert_int_equal(feed_set(&it->id, "urn:1"), 0);
	assert_int_equal(feed_set(&it->title, title), 0);
	assert_int_equal(feed_set(&it->link, "https://news.example.org/2025/harbour"), 0);
	assert_int_equal(feed_set(&it->author, "Ann Reporter"), 0);
	assert_int_equal(feed_set(&it->published, "2025-03-20T10:00:00Z"), 0);
	assert_int_equal(date_read(it->published, &it->published_at), 0);
	assert_int_equal(feed_set(&it->content, content), 0);
	return it;
}

static int has_paragraph(const struct article *a, const char *needle)
{
	for (size_t i = 0; i < a->n_sections; i++)
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			if (strstr(a->sections[i].paragraphs[j], needle))
				return 1;
	return 0;
}

static void test_html_item(void **state)
{
	(void)state;
	struct feed *f = feed_new();
	assert_non_null(f);
	const struct feed_item *it = item(f, "Harbour council votes",
		"<h1>Harbour council votes</h1>"
		"<p>PORTSMOUTH, March 20 (Reuters) - The harbour council voted on Thursday.</p>"
		"<script>document.write('tracking')</script>"
		"<h2>What comes next</h2>"
		"<p>\"We will rebuild the pier,\" said Mayor Jane Smith, who chairs the council.</p>"
		"<p>Read <a href=\"/2025/pier\">the earlier story</a> for more.</p>");
	struct article *a = ingest_item_reader.read(it, "https://news.example.org/feed", ingest_item_reader.ctx);
	assert_non_null(a);
	assert_string_equal(a->headline, "Harbour council votes");
	assert_string_equal(a->url, "https://news.example.org/2025/harbour");
	assert_string_equal(a->published, "2025-03-20T10:00:00Z");
	assert_true(has_paragraph(a, "The harbour council voted"));
	assert_false(has_paragraph(a, "tracking"));
	assert_false(has_paragraph(a, "Harbour council votes")); /* the h1 repeating the headline */
	assert_true(a->n_sections >= 2);
	assert_int_equal(a->n_links, 1);
	assert_string_equal(a->links[0].url, "https://news.example.org/2025/pier");
	/* the analysis ran on it */
	assert_non_null(a->dateline);
	assert_true(a->n_quotes >= 1);
	article_free(a);
	feed_free(f);
}

static void test_text_and_empty_items(void **state)
{
	(void)state;
	struct feed *f = feed_new();
	assert_non_null(f);
	const struct feed_item *it = item(f, "Plain news", "The council met. The mayor spoke about the harbour.");
	struct article *a = ingest_item_reader.read(it, "https://news.example.org/feed", NULL);
	assert_non_null(a);
	assert_string_equal(a->headline, "Plain news");
	assert_true(has_paragraph(a, "The mayor spoke"));
	article_free(a);
	/* markup without text: no article, the store keeps the headline alone */
	it = item(f, "Only a picture", "<p><img src=\"x.png\"></p>");
	assert_null(ingest_item_reader.read(it, "https://news.example.org/feed", NULL));
	feed_free(f);
}

/* A fragment keeps everything it holds: no main-content choice drops a short list or a table. */
static void test_fragment_whole(void **state)
{
	(void)state;
	struct article *a = article_new();
	assert_non_null(a);
	char err[256];
	const char frag[] = "<ul><li>First point of the list</li><li>Second point</li></ul><p>Closing words.</p>";
	assert_int_equal(html_fragment_parse(frag, strlen(frag), NULL, a, err, sizeof err), 0);
	assert_true(has_paragraph(a, "First point of the list"));
	assert_true(has_paragraph(a, "Second point"));
	assert_true(has_paragraph(a, "Closing words."));
	article_free(a);
}

/* Two articles alike in what the store keeps of them: headline, sections and paragraphs, quotations. */
static void assert_same_article(const struct article *a, const struct article *b)
{
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a->headline ? a->headline : "", b->headline ? b->headline : "");
	assert_int_equal(a->n_sections, b->n_sections);
	for (size_t i = 0; i < a->n_sections; i++) {
		assert_int_equal(a->sections[i].n_paragraphs, b->sections[i].n_paragraphs);
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			assert_string_equal(a->sections[i].paragraphs[j], b->sections[i].paragraphs[j]);
	}
	assert_int_equal(a->n_quotes, b->n_quotes);
	for (size_t i = 0; i < a->n_quotes; i++)
		assert_string_equal(a->quotes[i].text, b->quotes[i].text);
}

/* A feed's items read at once (two threads above 16 items) give what reading them one by one gives, in order. */
static void test_read_all_same_as_one_by_one(void **state)
{
	(void)state;
	const struct store_item_reader *readers[] = {&ingest_item_parser, &ingest_item_reader};
	for (size_t r = 0; r < 2; r++) {
		for (size_t n = 1; n <= 41; n += 20) {
			struct feed *f = feed_new();
			assert_non_null(f);
			const struct feed_item *items[41];
			struct article *all[41] = {NULL};
			char title[64], body[256];
			for (size_t i = 0; i < n; i++) {
				snprintf(title, sizeof title, "Harbour story %zu", i);
				snprintf(body, sizeof body, "<p>Story %zu: the ferry ran late.</p><p>\"We are sorry,\" said "
				         "Ann Lee, the harbour master, on day %zu.</p>", i, i);
				item(f, title, i % 7 == 3 ? "plain text, no markup" : body);
			}
			for (size_t i = 0; i < n; i++) /* once all are added: adding moves them */
				items[i] = &f->items[i];
			readers[r]->read_all(items, n, "https://news.example.org/feed", all, readers[r]->ctx);
			for (size_t i = 0; i < n; i++) {
				struct article *one = readers[r]->read(items[i], "https://news.example.org/feed", readers[r]->ctx);
				assert_same_article(all[i], one);
				article_free(one);
				article_free(all[i]);
			}
			feed_free(f);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_item),
		cmocka_unit_test(test_text_and_empty_items),
		cmocka_unit_test(test_fragment_whole),
		cmocka_unit_test(test_read_all_same_as_one_by_one),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
