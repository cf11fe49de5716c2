/*
 * tui_qsearch.c: quote search over the whole store. Every keystroke runs a
 * prefix query (words of the quotation; @name narrows to a speaker); Enter
 * opens the article at that quotation, highlighted.
 */
#include "tui_app.h"
#include "base.h"
#include "store.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QSEARCH_LIMIT 500

void qsearch_free(struct app *ap)
{
	store_quote_hits_free(ap->qv.hits, ap->qv.n_hits);
	ap->qv.hits = NULL;
	ap->qv.n_hits = 0;
}

void qsearch_open(struct app *ap)
{
	ap->qv.input[0] = 0;
	ap->qv.input_len = 0;
	ap->qv.sel = ap->qv.top = 0;
	ap->qv.browse = 0;
	app_push(ap, SCR_QSEARCH);
	qsearch_run(ap);
}

void qsearch_run(struct app *ap)
{
	struct qsearch_view *qv = &ap->qv;
	char match[256] = "", speaker[256] = "", buf[256];
	snprintf(buf, sizeof buf, "%s", qv->input);
	for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		char *dst = w[0] == '@' ? speaker : match;
		const char *word = w[0] == '@' ? w + 1 : w;
		size_t l = strlen(dst);
		if (*word)
			snprintf(dst + l, sizeof match - l, "%s%s", l ? " " : "", word);
	}
	struct store_quote_query q = {match[0] ? match : NULL, speaker[0] ? speaker : NULL, 1, 0, QSEARCH_LIMIT, 0};
	struct store_quote_hit *hits;
	size_t n;
	double t0 = clock_seconds();
	int rc = store_quotes_search(ap->st, &q, &hits, &n, qv->error, sizeof qv->error);
	qv->ms = (clock_seconds() - t0) * 1e3;
	if (rc)
		return; /* keep the last results; the error shows */
	qv->error[0] = 0;
	qsearch_free(ap);
	qv->hits = hits;
	qv->n_hits = n;
	qv->sel = qv->top = 0;
}

static void put_clean(int y, int x, const char *s, int cols, unsigned long at)
{
	char *c = sanitize_str(s ? s : "", 0);
	if (c)
		tui_put(y, x, c, strlen(c), cols, at);
	free(c);
}

void qsearch_draw(struct app *ap, int rows)
{
	struct qsearch_view *qv = &ap->qv;
	tui_put(0, 1, "Q", 1, 1, theme_attr(TH_KEY));
	tui_put(0, 3, qv->input, qv->input_len, COLS - 30, theme_attr(TH_NORMAL));
	char info[96];
	if (qv->error[0])
		snprintf(info, sizeof info, "error");
	else
		snprintf(info, sizeof info, "%zu%s quotes  %.1f ms", qv->n_hits, qv->n_hits >= QSEARCH_LIMIT ? "+" : "", qv->ms);
	int iw = (int)strlen(info);
	tui_put(0, COLS - iw - 1, info, (size_t)iw, iw, theme_attr(TH_DIM));
	if (qv->error[0])
		put_clean(1, 1, qv->error, COLS - 2, theme_attr(TH_ERROR));
	else
		put_clean(1, 1, qv->browse ? "Enter opens; j/k move; / edits the query; q or Esc closes"
		                           : "type words of a quotation; @name for a speaker; Enter opens; Esc closes",
		          COLS - 2, theme_attr(TH_DIM));
	size_t per = 3, vis = (size_t)(rows > 4 ? rows - 3 : 1) / per;
	if (!vis)
		vis = 1;
	if (qv->sel < qv->top)
		qv->top = qv->sel;
	if (qv->sel >= qv->top + vis)
		qv->top = qv->sel + 1 - vis;
	for (size_t i = 0; i < vis && qv->top + i < qv->n_hits; i++) {
		size_t hi = qv->top + i;
		const struct store_quote_hit *h = &qv->hits[hi];
		int y = 3 + (int)(i * per), sel = hi == qv->sel;
		unsigned long sa = theme_attr(TH_SELECTED);
		if (sel) {
			attrset((attr_t)sa);
			mvhline(y, 0, ' ', COLS);
			mvhline(y + 1, 0, ' ', COLS);
			attrset(A_NORMAL);
		}
		char *sp = sanitize_str(h->speaker ? h->speaker : "unattributed", 0);
		int c = sp ? tui_put(y, 1, sp, strlen(sp), COLS / 3, sel ? sa : theme_attr(TH_SPEAKER) | A_BOLD) : 0;
		free(sp);
		char meta[400], day[64];
		tui_format_day(h->published, h->date, ap->cfg.list_date_format, day, sizeof day);
		snprintf(meta, sizeof meta, "%.300s%s%s", h->headline ? h->headline : "(no title)", day[0] ? "  \xC2\xB7  " : "",
		         day);
		put_clean(y, 1 + c + 3, meta, COLS - c - 5, sel ? sa : theme_attr(TH_DIM));
		tui_put(y + 1, 3, "\xE2\x80\x9C", 3, 1, sel ? sa : theme_attr(TH_QUOTE));
		put_clean(y + 1, 4, h->text, COLS - 6, sel ? sa : theme_attr(TH_QUOTE));
	}
	if (!qv->n_hits && !qv->error[0])
		tui_put(3, 3, "no quotations match", 19, COLS - 4, theme_attr(TH_DIM));
}

static void qsearch_close(struct app *ap)
{
	app_pop(ap);
	if (!ap->depth)
		app_push(ap, SCR_FEEDS);
	if (app_screen(ap) == SCR_FEEDS && ap->feeds_stale && !feeds_load(ap))
		ap->feeds_stale = 0; /* articles opened from here were marked read */
}

static void qsearch_move(struct qsearch_view *qv, long d)
{
	if (d < 0)
		qv->sel = (size_t)-d > qv->sel ? 0 : qv->sel - (size_t)-d;
	else if (qv->n_hits)
		qv->sel = qv->sel + (size_t)d >= qv->n_hits ? qv->n_hits - 1 : qv->sel + (size_t)d;
}

/* Back from an article: the bindings apply, so q leaves instead of being typed. 1 when used. */
static int browse_key(struct app *ap, int key)
{
	struct qsearch_view *qv = &ap->qv;
	enum action act = keymap_lookup(&ap->keys, key);
	switch (act) {
	case ACT_BACK: case ACT_CLEAR: qsearch_close(ap); return 1;
	case ACT_DOWN: qsearch_move(qv, 1); return 1;
	case ACT_UP: qsearch_move(qv, -1); return 1;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: qsearch_move(qv, 5); return 1;
	case ACT_PAGE_UP: case ACT_HALF_UP: qsearch_move(qv, -5); return 1;
	case ACT_TOP: qv->sel = 0; return 1;
	case ACT_BOTTOM: qsearch_move(qv, (long)qv->n_hits); return 1;
	case ACT_SELECT:
		if (qv->sel < qv->n_hits)
			app_open_item(ap, qv->hits[qv->sel].item_id, qv->hits[qv->sel].index);
		return 1;
	case ACT_SEARCH: case ACT_FILTER: case ACT_QUOTE_SEARCH: qv->browse = 0; return 1;
	default: return 0; /* help, quit, refresh: the common actions */
	}
}

int qsearch_key(struct app *ap, int key, int is_char)
{
	struct qsearch_view *qv = &ap->qv;
	if (qv->browse && (is_char || key < KEYMAP_SIZE))
		return browse_key(ap, key);
	if (is_char && (key == '\n' || key == '\r')) {
		if (qv->sel < qv->n_hits)
			app_open_item(ap, qv->hits[qv->sel].item_id, qv->hits[qv->sel].index);
		return 1;
	}
	if (is_char && key == 27) {
		qsearch_close(ap);
		return 1;
	}
	long d = 0;
	if (!is_char && (key == KEY_DOWN || key == KEY_NPAGE))
		d = key == KEY_DOWN ? 1 : 5;
	else if (!is_char && (key == KEY_UP || key == KEY_PPAGE))
		d = key == KEY_UP ? -1 : -5;
	else if (is_char && (key == 14 || key == 16)) /* C-n, C-p */
		d = key == 14 ? 1 : -1;
	if (d) {
		qsearch_move(qv, d);
		return 1;
	}
	if ((!is_char && key == KEY_BACKSPACE) || (is_char && (key == 127 || key == 8))) {
		while (qv->input_len && ((unsigned char)qv->input[qv->input_len - 1] & 0xC0) == 0x80)
			qv->input_len--;
		if (qv->input_len)
			qv->input_len--;
		qv->input[qv->input_len] = 0;
		qsearch_run(ap);
		return 1;
	}
	if (is_char && key >= ' ' && key != 127) {
		char enc[4];
		size_t n = utf8_encode((uint32_t)key, enc);
		if (qv->input_len + n < sizeof qv->input) {
			memcpy(qv->input + qv->input_len, enc, n);
			qv->input_len += n;
			qv->input[qv->input_len] = 0;
			char *clean = sanitize_str(qv->input, 0);
			if (clean) {
				snprintf(qv->input, sizeof qv->input, "%s", clean);
				qv->input_len = strlen(qv->input);
				free(clean);
			}
			qsearch_run(ap);
		}
		return 1;
	}
	return 0;
}
