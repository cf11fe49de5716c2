/*
 * tui_reader.c: the reader screen: scrolling, search, jumps between matches,
 * mentions and quotations, and drawing the visible lines with their spans.
 */
#include "tui_reader.h"
#include "base.h"
#include "tui_theme.h"
#include "tui.h"
#include "model.h"
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_BLOCK ((size_t)-1)

enum { PANEL_HIDDEN, PANEL_SIDE, PANEL_BELOW, PANEL_OVERLAY };

int reader_open(struct reader *r, const struct article *a, const struct config *cfg)
{
	memset(r, 0, sizeof *r);
	r->a = a;
	r->cfg = cfg;
	r->panel_on = cfg->panel;
	r->hl_entity = -1;
	if (layout_build(&r->lay, a, cfg->speakers, cfg->datetime_format) || panel_build(r)) {
		reader_close(r);
		return -1;
	}
	return 0;
}

void reader_close(struct reader *r)
{
	layout_free(&r->lay);
	panel_free(r);
	free(r->targets);
	memset(r, 0, sizeof *r);
}

static void set_msg(struct reader *r, int error, const char *text)
{
	size_t n = strlen(text);
	if (n >= sizeof r->msg)
		n = sizeof r->msg - 1;
	memcpy(r->msg, text, n);
	r->msg[n] = 0;
	r->msg_error = error;
}

static size_t max_top(const struct reader *r)
{
	size_t h = r->text_h > 0 ? (size_t)r->text_h : 1;
	return r->lay.n_lines > h ? r->lay.n_lines - h : 0;
}

static void scroll_by(struct reader *r, long d)
{
	if (d < 0)
		r->top = (size_t)-d > r->top ? 0 : r->top - (size_t)-d;
	else
		r->top += (size_t)d;
	if (r->top > max_top(r))
		r->top = max_top(r);
}

/* Where the panel goes at this size. */
static void geometry(struct reader *r, int rows)
{
	r->text_x = 0;
	r->text_w = COLS;
	r->text_h = rows;
	r->panel_mode = PANEL_HIDDEN;
	r->panel_w = r->panel_h = 0;
	if (!r->panel_on)
		return;
	if (COLS >= 90) {
		int w = r->cfg->panel_width;
		if (w > COLS / 3)
			w = COLS / 3;
		r->panel_mode = PANEL_SIDE;
		r->panel_x = COLS - w;
		r->panel_y = 0;
		r->panel_w = w;
		r->panel_h = rows;
		r->text_w = r->panel_x - 1;
	} else if (rows >= 22) {
		int h = rows * 2 / 5;
		r->panel_mode = PANEL_BELOW;
		r->panel_x = 0;
		r->panel_y = rows - h;
		r->panel_w = COLS;
		r->panel_h = h;
		r->text_h = rows - h - 1;
	} else {
		r->panel_mode = PANEL_OVERLAY;
		r->panel_x = 0;
		r->panel_y = 0;
		r->panel_w = COLS;
		r->panel_h = rows;
	}
}

/* The width text is wrapped to inside the text area (one column of margin each side). */
static int text_columns(const struct reader *r)
{
	int w = r->text_w - 2;
	if (r->cfg->max_width > 0 && w > r->cfg->max_width)
		w = r->cfg->max_width;
	return w;
}

/* Rewraps for w columns, keeping the top line's text at the top. */
static int rewrap(struct reader *r, int w)
{
	if (w < 8)
		w = 8;
	if (r->lay.width == w && r->lay.lines)
		return 0;
	size_t bi = NO_BLOCK, off = 0;
	int blank = 0;
	if (r->lay.lines && r->top < r->lay.n_lines) {
		const struct dline *d = &r->lay.lines[r->top];
		if (d->block == NO_BLOCK && r->top + 1 < r->lay.n_lines) {
			d++;
			blank = 1;
		}
		bi = d->block;
		off = d->start;
	}
	if (layout_wrap(&r->lay, w))
		return -1;
	if (bi != NO_BLOCK) {
		size_t t = layout_line_of(&r->lay, bi, off);
		r->top = blank && t ? t - 1 : t;
	}
	return 0;
}

/* Shows line li with some context above when it is off screen. */
static void show_line(struct reader *r, size_t li)
{
	size_t h = r->text_h > 0 ? (size_t)r->text_h : 1;
	if (li < r->top || li >= r->top + h)
		r->top = li > h / 3 ? li - h / 3 : 0;
	if (r->top > max_top(r))
		r->top = max_top(r);
}

static int push_target(struct reader *r, size_t block, size_t start, size_t end)
{
	if (array_grow((void **)&r->targets, &r->cap_targets, r->n_targets + 1, sizeof *r->targets))
		return -1;
	r->targets[r->n_targets++] = (struct target){block, start, end};
	return 0;
}

static void clear_targets(struct reader *r)
{
	r->n_targets = 0;
	r->cur_target = 0;
	r->cur_valid = 0;
	r->target_kind = TG_NONE;
}

static void goto_target(struct reader *r, size_t i)
{
	if (i >= r->n_targets)
		return;
	r->cur_target = i;
	r->cur_valid = 1;
	show_line(r, layout_line_of(&r->lay, r->targets[i].block, r->targets[i].start));
}

/* The first target at or after the top line (wrapping to the first). */
static size_t first_visible_target(const struct reader *r)
{
	for (size_t i = 0; i < r->n_targets; i++)
		if (layout_line_of(&r->lay, r->targets[i].block, r->targets[i].start) >= r->top)
			return i;
	return 0;
}

static void jump(struct reader *r, int dir)
{
	static const char *const what[] = {"", "match", "mention", "quotation"};
	char m[128];
	if (!r->n_targets) {
		set_msg(r, 1, r->target_kind == TG_NONE ? "nothing to jump to: / searches, Enter on an entity highlights it"
		                                        : "no matches");
		return;
	}
	size_t i;
	if (!r->cur_valid)
		i = first_visible_target(r);
	else if (dir > 0)
		i = (r->cur_target + 1) % r->n_targets;
	else
		i = r->cur_target ? r->cur_target - 1 : r->n_targets - 1;
	goto_target(r, i);
	snprintf(m, sizeof m, "%s %zu of %zu", what[r->target_kind], i + 1, r->n_targets);
	set_msg(r, 0, m);
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

void reader_search(struct reader *r, const char *q)
{
	size_t qn = strlen(q);
	clear_targets(r);
	snprintf(r->query, sizeof r->query, "%s", q);
	if (!qn)
		return;
	r->target_kind = TG_SEARCH;
	for (size_t b = 0; b < r->lay.n_blocks; b++) {
		const struct block *bk = &r->lay.blocks[b];
		for (size_t i = 0; i + qn <= bk->len; i++) {
			size_t k = 0;
			while (k < qn && lower((unsigned char)bk->text[i + k]) == lower((unsigned char)q[k]))
				k++;
			if (k == qn) {
				if (push_target(r, b, i, i + qn)) {
					set_msg(r, 1, "out of memory while searching");
					return;
				}
				i += qn - 1;
			}
		}
	}
	if (!r->n_targets) {
		char m[300];
		snprintf(m, sizeof m, "not found: %.200s", q);
		set_msg(r, 1, m);
		return;
	}
	goto_target(r, first_visible_target(r));
	char m[128];
	snprintf(m, sizeof m, "match %zu of %zu", r->cur_target + 1, r->n_targets);
	set_msg(r, 0, m);
}

/* Targets: every span of kind with reference ref, in reading order. */
static void collect_spans(struct reader *r, int kind, int ref, int tk)
{
	clear_targets(r);
	r->target_kind = tk;
	for (size_t b = 0; b < r->lay.n_blocks; b++)
		for (size_t s = 0; s < r->lay.blocks[b].n_spans; s++) {
			const struct span *sp = &r->lay.blocks[b].spans[s];
			if (sp->kind == kind && sp->ref == ref && push_target(r, b, sp->start, sp->end))
				return;
		}
}

void reader_highlight_entity(struct reader *r, int e)
{
	r->hl_entity = e < 0 || (size_t)e >= r->a->n_entities ? -1 : e;
	if (panel_build(r)) /* lists the entity's quotations under it */
		set_msg(r, 1, "out of memory");
	if (r->hl_entity < 0) {
		clear_targets(r);
		return;
	}
	collect_spans(r, SP_MENTION, e, TG_MENTION);
	char m[200];
	snprintf(m, sizeof m, "%zu mentions highlighted: n/N jump between them", r->n_targets);
	set_msg(r, 0, m);
	if (r->n_targets)
		goto_target(r, first_visible_target(r));
}

void reader_goto_quote(struct reader *r, size_t qi)
{
	collect_spans(r, SP_QUOTE, (int)qi, TG_QUOTE);
	if (r->n_targets)
		goto_target(r, 0);
	else
		set_msg(r, 1, "that quotation is not in the text");
}

static const char *article_link(const struct reader *r, int n)
{
	const struct article *a = r->a;
	if (n > 0)
		return (size_t)n <= a->n_links ? a->links[n - 1].url : NULL;
	if (a->url && *a->url)
		return a->url;
	if (a->source && tui_is_web_url(a->source))
		return a->source;
	return NULL;
}

int reader_action(struct reader *r, enum action act, int count)
{
	long n = count > 0 ? count : 1;
	long page = r->text_h > 2 ? r->text_h - 1 : 1;
	r->msg[0] = 0;
	if (act == ACT_CLEAR && r->focus != FOCUS_TEXT)
		act = ACT_BACK; /* Esc closes the quotes view or leaves the panel */
	if (r->focus == FOCUS_QUOTES && quotes_action(r, act))
		return 0;
	if (r->focus == FOCUS_PANEL && panel_action(r, act))
		return 0;
	switch (act) {
	case ACT_DOWN: scroll_by(r, n); break;
	case ACT_UP: scroll_by(r, -n); break;
	case ACT_PAGE_DOWN: scroll_by(r, n * page); break;
	case ACT_PAGE_UP: scroll_by(r, -n * page); break;
	case ACT_HALF_DOWN: scroll_by(r, n * (page / 2 + 1)); break;
	case ACT_HALF_UP: scroll_by(r, -n * (page / 2 + 1)); break;
	case ACT_TOP: r->top = 0; break;
	case ACT_BOTTOM: r->top = max_top(r); break;
	case ACT_NEXT: jump(r, 1); break;
	case ACT_PREV: jump(r, -1); break;
	case ACT_PANEL:
		if (r->panel_mode == PANEL_OVERLAY) { /* shown only while focused */
			r->panel_on = 1;
			r->focus = FOCUS_PANEL;
			break;
		}
		r->panel_on = !r->panel_on;
		r->focus = r->panel_on ? FOCUS_PANEL : FOCUS_TEXT;
		break;
	case ACT_FOCUS:
		if (!r->panel_on)
			r->panel_on = 1;
		r->focus = r->focus == FOCUS_PANEL ? FOCUS_TEXT : FOCUS_PANEL;
		break;
	case ACT_QUOTES:
		if (!r->a->n_quotes) {
			set_msg(r, 1, "no quotations found in this article");
			break;
		}
		r->focus = FOCUS_QUOTES;
		break;
	case ACT_OPEN: {
		const char *url = article_link(r, count);
		char err[300];
		if (!url)
			set_msg(r, 1, count ? "no link with that number" : "this article has no web address");
		else if (tui_open_url(r->cfg, url, err, sizeof err))
			set_msg(r, 1, err);
		else
			set_msg(r, 0, "opened in the browser");
		break;
	}
	case ACT_CLEAR:
		if (r->hl_entity >= 0)
			reader_highlight_entity(r, -1);
		else
			clear_targets(r);
		break;
	case ACT_BACK:
		return 1;
	default:
		break;
	}
	return 0;
}

void reader_wheel(struct reader *r, int y, int x, int dir)
{
	int in_panel = r->panel_mode == PANEL_SIDE ? x >= r->panel_x
	             : r->panel_mode == PANEL_BELOW ? y >= r->panel_y : r->focus == FOCUS_PANEL;
	if (r->focus == FOCUS_QUOTES)
		quotes_action(r, dir > 0 ? ACT_DOWN : ACT_UP);
	else if (in_panel)
		panel_action(r, dir > 0 ? ACT_DOWN : ACT_UP);
	else
		scroll_by(r, dir * 3);
}

static int elem_of_block(int kind)
{
	switch (kind) {
	case BK_HEADLINE: return TH_HEADLINE;
	case BK_META: return TH_META;
	case BK_HEADING: return TH_HEADING;
	case BK_LINKS_TITLE: return TH_TITLE;
	case BK_LINK: return TH_LINK;
	default: return TH_NORMAL;
	}
}

/* The element a byte at p of block bi is drawn with, strongest first. */
static int style_at(const struct reader *r, size_t bi, size_t p, size_t t0, size_t t1)
{
	const struct block *b = &r->lay.blocks[bi];
	int e = elem_of_block(b->kind);
	for (size_t i = t0; i < t1; i++) {
		const struct target *t = &r->targets[i];
		if (t->block == bi && p >= t->start && p < t->end) {
			if (r->cur_valid && i == r->cur_target)
				return TH_CURRENT;
			if (r->target_kind == TG_SEARCH)
				e = TH_MATCH;
		}
	}
	if (e == TH_MATCH)
		return e;
	int quote = 0, speaker = 0;
	for (size_t i = 0; i < b->n_spans && b->spans[i].start <= p; i++) {
		const struct span *s = &b->spans[i];
		if (p >= s->end)
			continue;
		if (s->kind == SP_MENTION && s->ref == r->hl_entity)
			return TH_MENTION;
		if (s->kind == SP_LINK)
			return TH_LINK;
		quote |= s->kind == SP_QUOTE;
		speaker |= s->kind == SP_SPEAKER;
	}
	return speaker ? TH_SPEAKER : quote ? TH_QUOTE : e;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* Range of targets in block bi (targets are in reading order). */
static void targets_in_block(const struct reader *r, size_t bi, size_t *t0, size_t *t1)
{
	size_t lo = 0, hi = r->n_targets;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (r->targets[mid].block < bi)
			lo = mid + 1;
		else
			hi = mid;
	}
	*t0 = lo;
	while (lo < r->n_targets && r->targets[lo].block == bi)
		lo++;
	*t1 = lo;
}

static void draw_line(const struct reader *r, size_t li, int y, int x, int w)
{
	const struct dline *d = &r->lay.lines[li];
	if (d->block == NO_BLOCK)
		return;
	const struct block *b = &r->lay.blocks[d->block];
	size_t ls = d->start, le = d->start + d->len, cuts[128], nc = 0, t0, t1;
	cuts[nc++] = ls;
	cuts[nc++] = le;
	targets_in_block(r, d->block, &t0, &t1);
	for (size_t i = 0; i < b->n_spans && b->spans[i].start < le && nc + 2 <= 128; i++)
		if (b->spans[i].end > ls) {
			cuts[nc++] = b->spans[i].start > ls ? b->spans[i].start : ls;
			cuts[nc++] = b->spans[i].end < le ? b->spans[i].end : le;
		}
	for (size_t i = t0; i < t1 && nc + 2 <= 128; i++)
		if (r->targets[i].end > ls && r->targets[i].start < le) {
			cuts[nc++] = r->targets[i].start > ls ? r->targets[i].start : ls;
			cuts[nc++] = r->targets[i].end < le ? r->targets[i].end : le;
		}
	qsort(cuts, nc, sizeof *cuts, cmp_size);
	int col = x;
	for (size_t i = 0; i + 1 < nc; i++) {
		if (cuts[i + 1] == cuts[i])
			continue;
		int e = style_at(r, d->block, cuts[i], t0, t1);
		col += tui_put(y, col, b->text + cuts[i], cuts[i + 1] - cuts[i], x + w - col, theme_attr(e));
	}
}

int reader_draw(struct reader *r, int rows)
{
	geometry(r, rows);
	if (rewrap(r, text_columns(r)))
		return -1;
	if (r->top > max_top(r))
		r->top = max_top(r);
	int overlay = r->panel_mode == PANEL_OVERLAY && r->focus == FOCUS_PANEL;
	if (r->focus == FOCUS_QUOTES) {
		quotes_draw(r, 0, 0, r->text_h, r->text_w);
	} else if (!overlay) {
		int w = text_columns(r), x = r->text_x + 1;
		for (int y = 0; y < r->text_h && r->top + (size_t)y < r->lay.n_lines; y++)
			draw_line(r, r->top + (size_t)y, y, x, w);
	}
	if (r->panel_mode == PANEL_SIDE) {
		attrset((attr_t)theme_attr(TH_BORDER));
		mvvline_set(0, r->panel_x - 1, WACS_VLINE, rows);
		attrset(A_NORMAL);
		panel_draw(r, 0, r->panel_x, rows, r->panel_w);
	} else if (r->panel_mode == PANEL_BELOW) {
		attrset((attr_t)theme_attr(TH_BORDER));
		mvhline_set(r->panel_y - 1, 0, WACS_HLINE, COLS);
		attrset(A_NORMAL);
		panel_draw(r, r->panel_y, 0, r->panel_h, COLS);
	} else if (overlay) {
		panel_draw(r, 0, 0, rows, COLS);
	}
	return 0;
}

void reader_status(const struct reader *r, char *out, size_t cap)
{
	size_t h = r->text_h > 0 ? (size_t)r->text_h : 1;
	size_t lines = r->lay.n_lines;
	unsigned pct = 100;
	if (lines > h) /* h >= 1, so lines is never 0 here */
		pct = (unsigned)((r->top + h) * 100 / lines);
	const char *where = r->focus == FOCUS_PANEL ? "entities" : r->focus == FOCUS_QUOTES ? "quotes" : "text";
	snprintf(out, cap, "%s  %zu quotes  %zu entities  %zu/%zu %u%%", where, r->a->n_quotes, r->a->n_entities,
	         r->lay.n_lines ? r->top + 1 : 0, r->lay.n_lines, pct > 100 ? 100 : pct);
}
