/* test_charset.c: Content-Type parsing, charset names and the RFC 3023 precedence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "decode.h"
#include "html.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_content_type(void **state)
{
	(void)state;
	char mime[64], cs[64];
	charset_parse_content_type("Application/RSS+XML; Charset=\"ISO-8859-1\"", mime, sizeof mime, cs, sizeof cs);
	assert_string_equal(mime, "application/rss+xml");
	assert_string_equal(cs, "iso-8859-1");
	charset_parse_content_type("text/xml;charset= 'us-ascii'", mime, sizeof mime, cs, sizeof cs);
	assert_string_equal(cs, "us-ascii");
	charset_parse_content_type("text/xml; qs=0.9; charset=utf-8", mime, sizeof mime, cs, sizeof cs);
	assert_string_equal(cs, "utf-8");
	charset_parse_content_type("text/xml; charset:iso-8859-1", mime, sizeof mime, cs, sizeof cs);
	assert_string_equal(mime, "text/xml");
	assert_string_equal(cs, ""); /* malformed parameter ignored */
	charset_parse_content_type(NULL, mime, sizeof mime, cs, sizeof cs);
	assert_string_equal(mime, "");
}

static void test_canonical(void **state)
{
	(void)state;
	char out[32];
	charset_canonical("UTF8", out, sizeof out);
	assert_string_equal(out, "utf-8");
	charset_canonical("GB2312", out, sizeof out);
	assert_string_equal(out, "gb18030");
	charset_canonical(" Shift-JIS ", out, sizeof out);
	assert_string_equal(out, "shift_jis");
	charset_canonical("Windows-1251", out, sizeof out);
	assert_string_equal(out, "windows-1251");
}

/* Decodes doc; *text gets a malloc'd copy of the UTF-8 text. */
static const char *decode(const char *doc, size_t len, const char *ct, char **text)
{
	static char enc[64];
	char err[128], *owned;
	const char *t;
	size_t n;
	if (charset_decode_xml(doc, len, ct, &t, &n, &owned, enc, sizeof enc, err, sizeof err))
		return NULL;
	*text = strndup(t, n);
	free(owned);
	return enc;
}

static void test_precedence(void **state)
{
	(void)state;
	char *t;
	const char *latin = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xe9</a>";
	/* application/xml: HTTP charset, else the declaration */
	assert_string_equal(decode(latin, strlen(latin), "application/xml", &t), "iso-8859-1");
	assert_non_null(strstr(t, "\xc3\xa9"));
	free(t);
	assert_string_equal(decode(latin, strlen(latin), "application/xml; charset=koi8-r", &t), "koi8-r");
	free(t);
	/* text/xml without a charset is us-ascii; bytes it cannot read fall back to the declaration */
	const char *ascii = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>x</a>";
	assert_string_equal(decode(ascii, strlen(ascii), "text/xml", &t), "us-ascii");
	free(t);
	assert_string_equal(decode(latin, strlen(latin), "text/xml", &t), "iso-8859-1");
	free(t);
	/* no HTTP: declaration, else UTF-8, else windows-1252 */
	assert_string_equal(decode(latin, strlen(latin), NULL, &t), "iso-8859-1");
	free(t);
	assert_string_equal(decode("<a>\xc3\xa9</a>", 9, NULL, &t), "utf-8");
	free(t);
	assert_string_equal(decode("<a>\x93q\x94</a>", 10, NULL, &t), "windows-1252");
	assert_string_equal(t, "<a>\u201cq\u201d</a>");
	free(t);
	/* BOMs decide, and are removed */
	assert_string_equal(decode("\xef\xbb\xbf<a/>", 7, "text/xml; charset=us-ascii", &t), "utf-8");
	assert_string_equal(t, "<a/>");
	free(t);
	assert_string_equal(decode("\xff\xfe<\0a\0/\0>\0", 10, NULL, &t), "utf-16le");
	assert_string_equal(t, "<a/>");
	free(t);
}

/*
 * Feeds as real sites label them: EBCDIC found from "<?xm" (XML 1.0 appendix F),
 * its code page read from the declaration; Mac and IBM charsets under Python's,
 * iconv's and WHATWG's spellings; '_' for '-'. Test documents are written here.
 */
static void test_real_world_labels(void **state)
{
	(void)state;
	char out[32], *t;
	static const char *const pairs[][2] = {
		{"windows_1251", "windows-1251"}, {"MacRoman", "macintosh"}, {"maccentraleurope", "mac-centraleurope"},
		{"maclatin2", "mac-centraleurope"}, {"x-mac-cyrillic", "mac-cyrillic"}, {"macgreek", "x-mac-greek"},
		{"maciceland", "x-mac-icelandic"}, {"macturkish", "x-mac-turkish"}, {"cp_is", "cp861"},
		{"csibm861", "cp861"}, {"ibm039", "cp037"}, {"ebcdic_cp_us", "ebcdic-cp-us"}, {"utf_16", "utf-16"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		charset_canonical(pairs[i][0], out, sizeof out);
		assert_string_equal(out, pairs[i][1]);
	}
	/* each decodes: byte 0x80 of the declared set, as Python's codecs and Apple's tables read it */
	static const char *const x80[][2] = {
		{"macroman", "\xc3\x84"}, {"maccentraleurope", "\xc3\x84"}, {"macgreek", "\xc3\x84"},
		{"maciceland", "\xc3\x84"}, {"macturkish", "\xc3\x84"}, {"cp_is", "\xc3\x87"},
		{"csibm861", "\xc3\x87"}, {"windows_1251", "\xd0\x82"}, {"mac-cyrillic", "\xd0\x90"},
	};
	for (size_t i = 0; i < sizeof x80 / sizeof *x80; i++) {
		char doc[128];
		int n = snprintf(doc, sizeof doc, "<?xml version=\"1.0\" encoding=\"%s\"?><a>\x80</a>", x80[i][0]);
		const char *enc = decode(doc, (size_t)n, NULL, &t);
		assert_non_null(enc);
		char want[32];
		snprintf(want, sizeof want, "<a>%s</a>", x80[i][1]);
		assert_non_null(strstr(t, want));
		free(t);
	}
	/* Mac Greek and Turkish beyond 0x80: the letters that differ from Mac Roman */
	assert_non_null(decode("<?xml version=\"1.0\" encoding=\"macgreek\"?><a>\xa1\xe1</a>", 50, NULL, &t));
	assert_non_null(strstr(t, "<a>\xce\x93\xce\xb1</a>")); /* Gamma, alpha */
	free(t);
	assert_non_null(decode("<?xml version=\"1.0\" encoding=\"macturkish\"?><a>\xda\xdd</a>", 52, NULL, &t));
	assert_non_null(strstr(t, "<a>\xc4\x9e\xc4\xb1</a>")); /* G breve, dotless i */
	free(t);
	/* EBCDIC: <?xml version="1.0" encoding="cp500"?><a>e-acute [x]</a> in code page 500 */
	static const char cp500[] = "\x4c\x6f\xa7\x94\x93\x40\xa5\x85\x99\xa2\x89\x96\x95\x7e\x7f\xf1\x4b\xf0\x7f"
	                            "\x40\x85\x95\x83\x96\x84\x89\x95\x87\x7e\x7f\x83\x97\xf5\xf0\xf0\x7f\x6f\x6e"
	                            "\x4c\x81\x6e\x51\x40\x4a\xa7\x5a\x4c\x61\x81\x6e";
	assert_string_equal(decode(cp500, sizeof cp500 - 1, NULL, &t), "cp500");
	assert_non_null(strstr(t, "<a>\xc3\xa9 [x]</a>"));
	free(t);
	/* without a declared code page (or with an ASCII one) EBCDIC is read as cp037 */
	static const char cp037[] = "\x4c\x6f\xa7\x94\x93\x6f\x6e\x4c\x81\x6e\xc1\x4c\x61\x81\x6e";
	assert_string_equal(decode(cp037, sizeof cp037 - 1, "application/xml; charset=utf-8", &t), "cp037");
	assert_string_equal(t, "<?xml?><a>A</a>");
	free(t);
}

static void test_xmlprep(void **state)
{
	(void)state;
	const char *in = "<!DOCTYPE r [<!ENTITY co \"Acme\"><!ENTITY ext SYSTEM \"file:///etc/hosts\">]>"
	                 "<r a=\"x&y\">&co; &ext; &eacute; &amp; &#233; &#X41; &#150; & <![CDATA[&eacute;]]>"
	                 "<!-- &nbsp; --><?dl-cdata 0?></r>";
	struct xmlprep p;
	assert_int_equal(xmlprep_rewrite(in, strlen(in), 1 << 20, 0, &p), 0);
	assert_non_null(p.owned);
	assert_string_equal(p.doc, "<r a=\"x&amp;y\">Acme &amp;ext; &#233; &amp; &#233; &#x41; &#8211; &amp; "
	                           "<![CDATA[&eacute;]]><!-- &nbsp; --></r>");
	xmlprep_free(&p);
	/* lifting: CDATA becomes a placeholder with its text kept aside */
	assert_int_equal(xmlprep_rewrite(in, strlen(in), 1 << 20, 1, &p), 0);
	assert_non_null(strstr(p.doc, "<?dl-cdata 0?><!-- &nbsp; --></r>"));
	assert_int_equal(p.n_cdata, 1);
	assert_int_equal(p.cdata[0].len, 8);
	assert_memory_equal(p.cdata[0].text, "&eacute;", 8);
	xmlprep_free(&p);
	/* a document with nothing to repair is not copied */
	const char *fine = "<r a=\"&amp;\">&lt;&#233;<!-- <![CDATA[ --></r>";
	assert_int_equal(xmlprep_rewrite(fine, strlen(fine), 1 << 20, 1, &p), 0);
	assert_ptr_equal(p.doc, fine);
	assert_null(p.owned);
	xmlprep_free(&p);
	assert_int_equal(html_entity_lookup("hellip", 6), 0x2026);
	assert_int_equal(html_entity_lookup("nosuch", 6), 0);
	/* the output limit is honoured */
	assert_int_equal(xmlprep_rewrite(in, strlen(in), 10, 1, &p), -1);
}

/* Undeclared legacy text of our own writing: the guess must name its charset. */
static void test_guess(void **state)
{
	(void)state;
	static const char *const charsets[] = {"windows-1251", "koi8-r", "windows-1255", "iso-8859-7", "shift_jis",
	                                       "euc-jp", "euc-kr", "gb2312", "big5", "tis-620", "windows-1252"};
	const char *root = getenv("DATELINE_ROOT");
	for (size_t i = 0; i < sizeof charsets / sizeof *charsets; i++) {
		char path[512], err[256], *data;
		size_t len;
		snprintf(path, sizeof path, "%s/tests/data/feeds/guess-%s.xml", root ? root : ".", charsets[i]);
		if (file_read(path, 1 << 20, &data, &len, err, sizeof err))
			fail_msg("%s", err);
		const char *g = charset_guess(data, len);
		if (strcmp(g, charsets[i]))
			fail_msg("%s: guessed %s", path, g);
		char *t;
		assert_string_equal(decode(data, len, NULL, &t), charsets[i]);
		free(t);
		free(data);
	}
	/* too little to judge: windows-1252 */
	assert_string_equal(charset_guess("<a>\xe9</a>", 8), "windows-1252");
}

/* The feed's reading of doc (charset_decode_xml) under content type ct, as a NUL-terminated copy. */
static char *feed_text(const char *doc, size_t len, const char *ct)
{
	const char *t;
	size_t tl;
	char *owned, enc[64], err[128];
	assert_int_equal(charset_decode_xml(doc, len, ct, &t, &tl, &owned, enc, sizeof enc, err, sizeof err), 0);
	char *copy = strndup(t, tl);
	free(owned);
	return copy;
}

static char *page_text(const char *doc, size_t len, const char *ct)
{
	const char *t;
	size_t tl;
	char *owned;
	assert_int_equal(html_decode(doc, len, ct, &t, &tl, &owned), 0);
	char *copy = strndup(t, tl);
	free(owned);
	return copy;
}

/* One decoder: the same bytes, bad byte and all, give the same text as a feed and as a page. */
static void test_feed_and_page_agree(void **state)
{
	(void)state;
	/* UTF-8 with one stray byte: it alone becomes U+FFFD, the rest stays UTF-8 */
	const char doc[] = "<x>caf\xC3\xA9 na\xC3\xAFve \x92 r\xC3\xA9sum\xC3\xA9</x>";
	const char want[] = "<x>caf\xC3\xA9 na\xC3\xAFve \xEF\xBF\xBD r\xC3\xA9sum\xC3\xA9</x>";
	const char *types[][2] = {
		{"application/rss+xml; charset=utf-8", "text/html; charset=utf-8"}, /* declared */
		{NULL, NULL},                                                         /* undeclared */
	};
	for (size_t i = 0; i < 2; i++) {
		char *f = feed_text(doc, sizeof doc - 1, types[i][0]);
		char *p = page_text(doc, sizeof doc - 1, types[i][1]);
		assert_string_equal(f, want);
		assert_string_equal(p, f);
		free(f);
		free(p);
	}
	/* a declared 8-bit charset: windows-1252's 0x92 is an apostrophe, the same both ways */
	const char latin[] = "<x>l\x92\xE9t\xE9</x>";
	char *f = feed_text(latin, sizeof latin - 1, "application/rss+xml; charset=iso-8859-1");
	char *p = page_text(latin, sizeof latin - 1, "text/html; charset=iso-8859-1");
	assert_string_equal(f, "<x>l\xE2\x80\x99\xC3\xA9t\xC3\xA9</x>");
	assert_string_equal(p, f);
	free(f);
	free(p);
	/* a label that reads nothing right (latin-1 bytes called UTF-8) yields to windows-1252 on both paths */
	f = feed_text(latin, sizeof latin - 1, "application/rss+xml; charset=utf-8");
	p = page_text(latin, sizeof latin - 1, "text/html; charset=utf-8");
	assert_string_equal(f, "<x>l\xE2\x80\x99\xC3\xA9t\xC3\xA9</x>");
	assert_string_equal(p, f);
	free(f);
	free(p);
}

/* The decoder replaces what it cannot read and counts it; the strict form refuses. */
static void test_decode_policy(void **state)
{
	(void)state;
	char *t;
	size_t tl, bad;
	assert_int_equal(charset_decode("shift_jis", "a\x82\xA0" "b\xFF", 5, &t, &tl, &bad), 0);
	assert_string_equal(t, "a\xE3\x81\x82" "b\xEF\xBF\xBD");
	assert_int_equal(bad, 1);
	free(t);
	assert_int_equal(charset_convert("shift_jis", "a\x82\xA0" "b\xFF", 5, &t, &tl), -1);
	assert_int_equal(charset_decode("cp1252", "\x80 \xA3" "\x81", 4, &t, &tl, &bad), 0);
	assert_string_equal(t, "\xE2\x82\xAC \xC2\xA3\xC2\x81");
	assert_int_equal(bad, 0);
	free(t);
	assert_int_equal(charset_decode("no-such-charset", "x", 1, &t, &tl, &bad), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_type),
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_real_world_labels),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_xmlprep),
		cmocka_unit_test(test_guess),
		cmocka_unit_test(test_feed_and_page_agree),
		cmocka_unit_test(test_decode_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
