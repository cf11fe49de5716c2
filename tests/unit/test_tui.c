/* test_tui.c: the interface's parts that need no terminal: config, themes, keys, layout, browser argv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model.h"
#include "config.h"
#include "tui.h"
#include "tui_keys.h"
#include "tui_reader.h"
#include "tui_theme.h"
#include "tui_app.h"
#include "base.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void test_config_defaults_and_options(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	assert_string_equal(c.theme, "default");
	assert_int_equal(c.panel, 1);
	const char *text = "# comment\n\ntheme solarized\nbrowser firefox --new-tab %u\ncolors 256\npanel no\n"
	                   "panel-width 40\nmax-width 100\nmouse off\nspeakers no\nbind J page-down\nunbind q\n";
	assert_int_equal(config_parse(&c, text, strlen(text), err, sizeof err), 0);
	assert_string_equal(c.theme, "solarized");
	assert_string_equal(c.browser, "firefox --new-tab %u");
	assert_int_equal(c.colors, CONFIG_COLORS_256);
	assert_int_equal(c.panel, 0);
	assert_int_equal(c.panel_width, 40);
	assert_int_equal(c.max_width, 100);
	assert_int_equal(c.mouse, 0);
	assert_int_equal(c.speakers, 0);
	assert_int_equal(c.n_binds, 2);
	assert_string_equal(c.binds[0].key, "J");
	assert_string_equal(c.binds[0].action, "page-down");
	assert_string_equal(c.binds[1].action, "none");
	assert_int_equal(c.binds[1].line, 12);
	config_free(&c);
}

static void test_config_errors_name_the_line(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	const char *bad[] = {"theme x\nfrobnicate yes\n", "panel maybe\n", "panel-width 3\n", "bind\n", "colors 17\n"};
	const char *want[] = {"line 2: frobnicate", "line 1: panel", "line 1: panel-width", "line 1: bind", "line 1: colors"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(config_parse(&c, bad[i], strlen(bad[i]), err, sizeof err), -1);
		assert_non_null(strstr(err, want[i]));
	}
	config_free(&c);
}

static void test_theme_parse(void **state)
{
	(void)state;
	struct theme t;
	char err[256];
	theme_default(&t);
	const char *text = "# a theme\nquote #ffd75f default bold\nmention black bright-green\nmatch 16 226 reverse # c\n";
	assert_int_equal(theme_parse(&t, text, strlen(text), err, sizeof err), 0);
	assert_int_equal(t.style[TH_QUOTE].fg.kind, 2);
	assert_int_equal(t.style[TH_QUOTE].fg.v, 0xffd75f);
	assert_int_equal(t.style[TH_QUOTE].bg.kind, 0);
	assert_int_equal(t.style[TH_QUOTE].attrs, THEME_BOLD);
	assert_int_equal(t.style[TH_MENTION].fg.v, 0);
	assert_int_equal(t.style[TH_MENTION].bg.v, 10);
	assert_int_equal(t.style[TH_MATCH].bg.v, 226);
	assert_int_equal(t.style[TH_MATCH].attrs, THEME_REVERSE);
	const char *bad = "quote #ffd75f\nqoute red\n";
	assert_int_equal(theme_parse(&t, bad, strlen(bad), err, sizeof err), -1);
	assert_non_null(strstr(err, "line 2"));
	const char *bad2 = "quote red sparkly\n";
	assert_int_equal(theme_parse(&t, bad2, strlen(bad2), err, sizeof err), -1);
}

static void test_theme_colour_fallback(void **state)
{
	(void)state;
	int bright;
	assert_int_equal(theme_rgb_to_256(0xffd75f), 221);
	assert_int_equal(theme_rgb_to_256(0x000000), 16);
	assert_int_equal(theme_rgb_to_256(0x808080), 244);
	assert_int_equal(theme_rgb_to_8(0xcd0000, &bright), 1);
	assert_int_equal(bright, 0);
	assert_int_equal(theme_rgb_to_8(0xffff40, &bright), 3);
	assert_int_equal(bright, 1);
}

static void test_keys(void **state)
{
	(void)state;
	char name[16];
	assert_int_equal(keys_key_code("j"), 'j');
	assert_int_equal(keys_key_code("C-d"), 4);
	assert_int_equal(keys_key_code("PgDn"), KEY_NPAGE);
	assert_int_equal(keys_key_code("F1"), KEY_F(1));
	assert_int_equal(keys_key_code("Space"), ' ');
	assert_int_equal(keys_key_code("nonsense"), -1);
	keys_key_name(KEY_NPAGE, name, sizeof name);
	assert_string_equal(name, "PgDn");
	keys_key_name(4, name, sizeof name);
	assert_string_equal(name, "C-d");
	struct keymap m;
	keymap_default(&m);
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_DOWN);
	assert_int_equal(keymap_lookup(&m, '"'), ACT_QUOTES);
	assert_int_equal(keymap_lookup(&m, 'Q'), ACT_QUOTE_SEARCH);
	/* every action but none has a key by default, so the help lists them all */
	for (int a = 1; a < ACT_COUNT; a++) {
		char keys[128];
		keymap_keys_for(&m, (enum action)a, keys, sizeof keys);
		assert_true(keys[0] != 0);
		assert_int_equal(action_from_name(action_name((enum action)a)), a);
	}
	struct config c;
	char err[256];
	config_defaults(&c);
	const char *t = "bind x quit\nbind j none\nbind Tab fly\n";
	assert_int_equal(config_parse(&c, t, strlen(t), err, sizeof err), 0);
	assert_int_equal(keymap_apply_config(&m, &c, err, sizeof err), -1);
	assert_non_null(strstr(err, "line 3: unknown action 'fly'"));
	assert_int_equal(keymap_lookup(&m, 'x'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_NONE);
	config_free(&c);
}

/* "text" of block b between span s's bounds */
static char *span_text(const struct block *b, const struct span *s)
{
	char *r = malloc(s->end - s->start + 1);
	memcpy(r, b->text + s->start, s->end - s->start);
	r[s->end - s->start] = 0;
	return r;
}

static const struct span *find_span(const struct block *b, int kind)
{
	for (size_t i = 0; i < b->n_spans; i++)
		if (b->spans[i].kind == kind)
			return &b->spans[i];
	return NULL;
}

static void test_layout_spans(void **state)
{
	(void)state;
	struct article *a = article_new();
	assert_non_null(a);
	article_set(&a->headline, "Okafor speaks", 13);
	struct section *s = article_add_section(a, NULL);
	/* an escape sequence before the quote is removed; the offsets after it must still land right */
	const char *p = "Bad \x1b[31mred\x1b[0m. \xE2\x80\x9CWe stay,\xE2\x80\x9D Okafor said.";
	section_add_paragraph(s, p, strlen(p));
	const char *qt = "We stay";
	size_t qs = (size_t)(strstr(p, qt) - p);
	struct quote *q = article_add_quote(a);
	article_set(&q->text, qt, strlen(qt));
	article_set(&q->speaker, "Maria Okafor", 12);
	q->section = 0, q->paragraph = q->end_paragraph = 0, q->start = qs, q->end = qs + strlen(qt);
	struct entity *e = article_add_entity(a, "Maria Okafor", ENTITY_PERSON);
	size_t ms = (size_t)(strstr(p, "Okafor said") - p);
	entity_add_mention(e, 0, 0, ms, ms + 6);
	entity_add_mention(e, -1, 0, 0, 6);

	struct layout l = {0};
	assert_int_equal(layout_build(&l, a, 1, NULL), 0);
	assert_int_equal(l.n_blocks, 2);
	const struct block *hb = &l.blocks[0], *pb = &l.blocks[1];
	const struct span *hm = find_span(hb, SP_MENTION);
	assert_non_null(hm);
	char *t = span_text(hb, hm);
	assert_string_equal(t, "Okafor");
	free(t);
	assert_null(strchr(pb->text, '\x1b'));
	assert_non_null(strstr(pb->text, "\xE2\x80\x9D [Maria\xC2\xA0Okafor] Okafor said"));
	t = span_text(pb, find_span(pb, SP_QUOTE));
	assert_string_equal(t, "\xE2\x80\x9CWe stay,\xE2\x80\x9D"); /* marks and the comma belong to the quote */
	free(t);
	t = span_text(pb, find_span(pb, SP_SPEAKER));
	assert_string_equal(t, " [Maria\xC2\xA0Okafor]");
	free(t);
	t = span_text(pb, find_span(pb, SP_MENTION));
	assert_string_equal(t, "Okafor");
	free(t);

	/* without speakers nothing is inserted */
	assert_int_equal(layout_build(&l, a, 0, NULL), 0);
	assert_null(strstr(l.blocks[1].text, "[Maria"));
	layout_free(&l);
	article_free(a);
}

static void test_layout_wraps_wide_text(void **state)
{
	(void)state;
	struct article *a = article_new();
	struct section *s = article_add_section(a, "Heading");
	const char *p = "港の壁を早く直してください 🌊 café Zoë Brontë naïve 港の壁を早く直してください words words words";
	section_add_paragraph(s, p, strlen(p));
	struct layout l = {0};
	assert_int_equal(layout_build(&l, a, 1, NULL), 0);
	for (int w = 8; w <= 40; w += 3) {
		assert_int_equal(layout_wrap(&l, w), 0);
		size_t total = 0;
		for (size_t i = 0; i < l.n_lines; i++) {
			const struct dline *d = &l.lines[i];
			if (d->block == (size_t)-1)
				continue;
			assert_true(wrap_width(l.blocks[d->block].text + d->start, d->len) <= w);
			total += d->len;
		}
		assert_true(total > 0);
		/* the line of an offset is found again */
		size_t li = layout_line_of(&l, 1, l.blocks[1].len - 1);
		assert_int_equal(l.lines[li].block, 1);
	}
	layout_free(&l);
	article_free(a);
}

static void test_browser_argv(void **state)
{
	(void)state;
	char buf[256], *argv[8];
	const char *url = "https://x.example/a?q=$(touch /tmp/x);b `id` 'q' \"d\"";
	assert_int_equal(tui_browser_argv("firefox --new-tab %u", url, buf, sizeof buf, argv, 8), 3);
	assert_string_equal(argv[0], "firefox");
	assert_string_equal(argv[1], "--new-tab");
	assert_ptr_equal(argv[2], url);
	assert_null(argv[3]);
	assert_int_equal(tui_browser_argv("w3m", url, buf, sizeof buf, argv, 8), 2);
	assert_ptr_equal(argv[1], url);
	assert_int_equal(tui_browser_argv("   ", url, buf, sizeof buf, argv, 8), -1);
	assert_int_equal(tui_browser_argv("a b c d e f g h", url, buf, sizeof buf, argv, 8), -1);
	assert_true(tui_is_web_url("HTTPS://x"));
	assert_false(tui_is_web_url("file:///etc/passwd"));
	assert_false(tui_is_web_url("javascript:alert(1)"));
	assert_int_equal(tui_open_url(NULL, "file:///etc/passwd", buf, sizeof buf), -1);
}

/* config.example sets every option to its default and names every action */
/* The options of issue 16: feed order, dates, refreshes, query feeds, the killfile; bad values name the line. */
static void test_config_reader_options(void **state)
{
	(void)state;
	struct config c;
	char err[256];
	config_defaults(&c);
	static const char text[] = "feed-sort unread\nunread-only yes\ndatetime-format %d.%m.%Y\n"
	                           "list-date-format %b %d\nrefresh-on-startup yes\nreload-time 0.5\n"
	                           "query-feed Peskov quoted: @Peskov\nquery-feed Truce:  ceasefire NOT truce\n"
	                           "ignore-article title Sponsored Post\nignore-article any gossip\n";
	assert_int_equal(config_parse(&c, text, strlen(text), err, sizeof err), 0);
	assert_int_equal(c.feed_sort, FEED_SORT_UNREAD);
	assert_int_equal(c.unread_only, 1);
	assert_string_equal(c.datetime_format, "%d.%m.%Y");
	assert_string_equal(c.list_date_format, "%b %d");
	assert_int_equal(c.refresh_on_startup, 1);
	assert_true(c.reload_time == 0.5);
	assert_int_equal(c.n_query_feeds, 2);
	assert_string_equal(c.query_feeds[0].name, "Peskov quoted");
	assert_string_equal(c.query_feeds[0].query, "@Peskov");
	assert_string_equal(c.query_feeds[1].query, "ceasefire NOT truce");
	assert_int_equal(c.n_ignores, 2);
	assert_int_equal(c.ignores[0].field, 1);
	assert_string_equal(c.ignores[0].words, "sponsored post");
	assert_int_equal(c.ignores[1].field, 0);
	static const char *const bad[] = {"feed-sort random\n", "reload-time -1\n", "reload-time soon\n",
	                                  "query-feed no colon here\n", "query-feed Name:\n",
	                                  "ignore-article body words\n", "ignore-article title\n"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct config d;
		config_defaults(&d);
		err[0] = 0;
		assert_int_equal(config_parse(&d, bad[i], strlen(bad[i]), err, sizeof err), -1);
		assert_non_null(strstr(err, "line 1: "));
		config_free(&d);
	}
	config_free(&c);
}

/* Stored dates read as UTC and shown in local time; a day without a time stays that day. */
static void test_dates(void **state)
{
	(void)state;
	int has_time;
	char out[64];
	setenv("TZ", "UTC", 1);
	tzset();
	assert_true(tui_parse_iso("2019-11-18T18:54:53.000Z", &has_time) == 1574103293LL);
	assert_int_equal(has_time, 1);
	assert_true(tui_parse_iso("2025-04-03T09:00:00+02:00", &has_time) == 1743663600LL);
	assert_true(tui_parse_iso("2025-04-03", &has_time) > 0);
	assert_int_equal(has_time, 0);
	assert_true(tui_parse_iso("not a date", &has_time) == 0);
	tui_format_time(1574103293LL, "%a %d %b %Y %H:%M", out, sizeof out);
	assert_string_equal(out, "Mon 18 Nov 2019 18:54");
	setenv("TZ", "Pacific/Kiritimati", 1); /* UTC+14: the far edge of the day */
	tzset();
	tui_format_time(1743681600LL, "%Y-%m-%d", out, sizeof out); /* noon UTC is tomorrow there */
	assert_string_equal(out, "2025-04-04");
	tui_format_day("2025-04-03", 0, "%Y-%m-%d", out, sizeof out);
	assert_string_equal(out, "2025-04-03");
	setenv("TZ", "UTC", 1);
	tzset();
}

static void test_config_example(void **state)
{
	(void)state;
	struct config c, d;
	char err[256];
	config_defaults(&c);
	config_defaults(&d);
	assert_int_equal(config_load(&c, "config.example", err, sizeof err), 0);
	assert_string_equal(c.theme, d.theme);
	assert_string_equal(c.browser, d.browser);
	assert_int_equal(c.colors, d.colors);
	assert_int_equal(c.panel, d.panel);
	assert_int_equal(c.panel_width, d.panel_width);
	assert_int_equal(c.max_width, d.max_width);
	assert_int_equal(c.mouse, d.mouse);
	assert_int_equal(c.speakers, d.speakers);
	assert_int_equal(c.feed_sort, d.feed_sort);
	assert_int_equal(c.unread_only, d.unread_only);
	assert_string_equal(c.datetime_format, d.datetime_format);
	assert_string_equal(c.list_date_format, d.list_date_format);
	assert_int_equal(c.refresh_on_startup, d.refresh_on_startup);
	assert_true(c.reload_time == d.reload_time);
	assert_int_equal(c.n_binds, 0);
	FILE *f = fopen("config.example", "r"), *m = fopen("man/dateline.1", "r");
	assert_non_null(f);
	assert_non_null(m);
	static char text[1 << 16], man[1 << 17];
	text[fread(text, 1, sizeof text - 1, f)] = 0;
	man[fread(man, 1, sizeof man - 1, m)] = 0;
	fclose(f);
	fclose(m);
	for (int a = 1; a < ACT_COUNT; a++) {
		char want[64];
		snprintf(want, sizeof want, " %s ", action_name((enum action)a));
		assert_non_null(strstr(text, want));
		snprintf(want, sizeof want, "\\fB%s\\fR", action_name((enum action)a));
		if (!strstr(man, want))
			fail_msg("man/dateline.1 does not document action %s", action_name((enum action)a));
	}
	static const char *const options[] = {"theme", "colors", "browser", "panel", "panel-width", "max-width",
	                                      "speakers", "mouse", "feed-sort", "unread-only", "datetime-format",
	                                      "list-date-format", "refresh-on-startup", "reload-time"};
	for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
		char want[64];
		snprintf(want, sizeof want, "\n%s", options[i]);
		const char *at = strstr(text, want);
		while (at && at[strlen(want)] != ' ' && at[strlen(want)] != '\n')
			at = strstr(at + 1, want);
		if (!at)
			fail_msg("config.example does not set option %s", options[i]);
		snprintf(want, sizeof want, "\\fB%s\\fR", options[i]);
		if (!strstr(man, want))
			fail_msg("man/dateline.1 does not document option %s", options[i]);
	}
	config_free(&c);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_defaults_and_options),
		cmocka_unit_test(test_config_errors_name_the_line),
		cmocka_unit_test(test_theme_parse),
		cmocka_unit_test(test_theme_colour_fallback),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_layout_spans),
		cmocka_unit_test(test_layout_wraps_wide_text),
		cmocka_unit_test(test_browser_argv),
		cmocka_unit_test(test_config_example),
		cmocka_unit_test(test_config_reader_options),
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
