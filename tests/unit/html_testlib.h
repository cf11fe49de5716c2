/*
 * html_testlib.h: helpers shared by the HTML unit tests (header-only, each
 * test program includes it once). Test pages live in tests/data/html/.
 */
#ifndef DATELINE_HTML_TESTLIB_H
#define DATELINE_HTML_TESTLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model.h"
#include "html.h"
#include "html_meta.h"
#include "base.h"

#include <libxml/HTMLparser.h>

/* A malloc'd copy of tests/data/html/name (under $DATELINE_ROOT), *len set. */
static inline char *read_page(const char *name, size_t *len)
{
	const char *root = getenv("DATELINE_ROOT");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/html/%s", root ? root : ".", name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		if (!r)
			break;
		n += r;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Parses a test page; asserts success; the caller frees the article. */
static inline struct article *parse_page(const char *name, const char *url)
{
	size_t len;
	char *data = read_page(name, &len);
	struct article *a = article_new();
	char err[256] = "";
	assert_non_null(a);
	int rc = html_parse(data, len, url, NULL, a, err, sizeof err);
	free(data);
	if (rc)
		fail_msg("%s: %s", name, err);
	return a;
}

/* Parses the inline page (as fetched from url, may be NULL); asserts success; the caller frees it. */
static inline struct article *parse_string(const char *page, const char *url)
{
	struct article *a = article_new();
	char err[256] = "";
	assert_non_null(a);
	if (html_parse(page, strlen(page), url, NULL, a, err, sizeof err))
		fail_msg("%s", err);
	return a;
}

/* Runs html_meta_read() alone on the inline page (as fetched from url, may be NULL). */
static inline struct article *meta_only(const char *page, const char *url)
{
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), url, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                        HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	struct article *a = article_new();
	assert_non_null(a);
	assert_int_equal(html_meta_read(doc, a), 0);
	xmlFreeDoc(doc);
	return a;
}

/* The whole body as one string, paragraphs joined by '\n' (malloc'd). */
static inline char *body_text(const struct article *a)
{
	size_t n = 1;
	for (size_t i = 0; i < a->n_sections; i++)
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			n += strlen(a->sections[i].paragraphs[j]) + 1;
	char *s = calloc(1, n), *p = s;
	assert_non_null(s);
	for (size_t i = 0; i < a->n_sections; i++)
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			p += sprintf(p, "%s\n", a->sections[i].paragraphs[j]);
	return s;
}

/* Asserts s is valid UTF-8 free of C0, DEL and C1 controls. */
static inline void assert_clean_string(const char *s)
{
	if (!s)
		return;
	size_t len = strlen(s);
	assert_true(utf8_valid(s, len));
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		assert_true(k > 0);
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			fail_msg("control character U+%04X in \"%.60s\"", (unsigned)cp, s);
		i += k;
	}
}

/* Every string of the article is clean. */
static inline void assert_clean_article(const struct article *a)
{
	assert_clean_string(a->headline);
	assert_clean_string(a->byline);
	assert_clean_string(a->published);
	assert_clean_string(a->site);
	for (size_t i = 0; i < a->n_sections; i++) {
		assert_clean_string(a->sections[i].heading);
		for (size_t j = 0; j < a->sections[i].n_paragraphs; j++)
			assert_clean_string(a->sections[i].paragraphs[j]);
	}
	for (size_t i = 0; i < a->n_links; i++) {
		assert_clean_string(a->links[i].url);
		assert_clean_string(a->links[i].text);
	}
}

#endif
