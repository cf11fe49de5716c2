/*
 * tui_panel.c: the entity panel (people, organisations, places, then the works,
 * events and products also named, with role and mention count, most mentioned
 * first) and the quotes view.
 */
#include "tui_reader.h"
#include "tui_theme.h"
#include "model.h"
#include "base.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROW_TITLE, ROW_ENTITY, ROW_ROLE, ROW_QUOTE, ROW_BLANK };

void panel_free(struct reader *r)
{
	for (size_t i = 0; i < r->n_rows; i++) {
		free(r->rows[i].text);
		free(r->rows[i].extra);
	}
	free(r->rows);
	r->rows = NULL;
	r->n_rows = 0;
}

static int add_row(struct reader *r, size_t *cap, int kind, int ref, const char *text, const char *extra)
{
	if (array_grow((void **)&r->rows, cap, r->n_rows + 1, sizeof *r->rows))
		return -1;
	char *t = sanitize_str(text, 0), *x = extra ? sanitize_str(extra, 0) : NULL;
	if (!t || (extra && !x)) {
		free(t);
		free(x);
		return -1;
	}
	r->rows[r->n_rows++] = (struct panel_row){kind, ref, t, x};
	return 0;
}

struct ent_key {
	size_t idx;       /* entity index */
	const struct entity *e; /* the entity (borrowed) */
};

static int by_mentions(const void *a, const void *b)
{
	const struct entity *x = ((const struct ent_key *)a)->e, *y = ((const struct ent_key *)b)->e;
	if (x->n_mentions != y->n_mentions)
		return x->n_mentions < y->n_mentions ? 1 : -1;
	return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

static int is_selectable(const struct panel_row *row)
{
	return row->kind == ROW_ENTITY || row->kind == ROW_QUOTE;
}

int panel_build(struct reader *r)
{
	/* works, events, laws and products last, in a group of their own: a reader
	 * looks for who and where first, and "Paris Agreement" is neither */
	static const char *const titles[] = {"People", "Organisations", "Places", "Also named"};
	static const enum entity_type order[] = {ENTITY_PERSON, ENTITY_ORGANIZATION, ENTITY_PLACE, ENTITY_OTHER};
	const struct article *a = r->a;
	int sel_kind = -1, sel_ref = -1;
	if (r->panel_sel < r->n_rows) {
		sel_kind = r->rows[r->panel_sel].kind;
		sel_ref = r->rows[r->panel_sel].ref;
	}
	panel_free(r);
	size_t cap = 0, n = a->n_entities;
	struct ent_key *keys = malloc((n ? n : 1) * sizeof *keys);
	size_t *idx = malloc((n ? n : 1) * sizeof *idx);
	if (!keys || !idx) {
		free(keys);
		free(idx);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct ent_key){i, &a->entities[i]};
	qsort(keys, n, sizeof *keys, by_mentions);
	for (size_t i = 0; i < n; i++)
		idx[i] = keys[i].idx;
	free(keys);
	int rc = 0;
	for (size_t t = 0; t < sizeof order / sizeof *order && !rc; t++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			count += a->entities[idx[i]].type == order[t];
		if (!count)
			continue;
		if (r->n_rows)
			rc |= add_row(r, &cap, ROW_BLANK, -1, "", NULL);
		rc |= add_row(r, &cap, ROW_TITLE, -1, titles[t], NULL);
		for (size_t i = 0; i < n && !rc; i++) {
			const struct entity *e = &a->entities[idx[i]];
			if (e->type != order[t])
				continue;
			char cnt[32];
			snprintf(cnt, sizeof cnt, "%zu", e->n_mentions);
			rc |= add_row(r, &cap, ROW_ENTITY, (int)idx[i], e->name ? e->name : "?", cnt);
			if (e->role && *e->role && !rc)
				rc |= add_row(r, &cap, ROW_ROLE, (int)idx[i], e->role, NULL);
			if ((int)idx[i] != r->hl_entity || !e->name)
				continue;
			for (size_t q = 0; q < a->n_quotes && !rc; q++)
				if (a->quotes[q].speaker && !strcmp(a->quotes[q].speaker, e->name))
					rc |= add_row(r, &cap, ROW_QUOTE, (int)q, a->quotes[q].text ? a->quotes[q].text : "", NULL);
		}
	}
	free(idx);
	if (!r->n_rows && !rc)
		rc |= add_row(r, &cap, ROW_TITLE, -1, "No entities found", NULL);
	/* keep the selection on the same row when rebuilding */
	r->panel_sel = 0;
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].kind == sel_kind && r->rows[i].ref == sel_ref) {
			r->panel_sel = i;
			break;
		}
	while (r->panel_sel < r->n_rows && !is_selectable(&r->rows[r->panel_sel]))
		r->panel_sel++;
	if (r->panel_sel >= r->n_rows)
		r->panel_sel = 0;
	return rc ? -1 : 0;
}

static void panel_move(struct reader *r, long d)
{
	size_t s = r->panel_sel;
	while (d) {
		size_t i = s;
		do {
			if (d > 0 ? i + 1 >= r->n_rows : i == 0) {
				i = s;
				break;
			}
			i += d > 0 ? 1 : (size_t)-1;
		} while (!is_selectable(&r->rows[i]));
		if (i == s)
			break;
		s = i;
		d += d > 0 ? -1 : 1;
	}
	r->panel_sel = s;
}

int panel_action(struct reader *r, enum action act)
{
	long page = r->panel_h > 4 ? r->panel_h / 2 - 1 : 1;
	switch (act) {
	case ACT_DOWN: panel_move(r, 1); return 1;
	case ACT_UP: panel_move(r, -1); return 1;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: panel_move(r, page); return 1;
	case ACT_PAGE_UP: case ACT_HALF_UP: panel_move(r, -page); return 1;
	case ACT_TOP: panel_move(r, -(long)r->n_rows); return 1;
	case ACT_BOTTOM: panel_move(r, (long)r->n_rows); return 1;
	case ACT_BACK:
		r->focus = 0;
		return 1;
	case ACT_SELECT: {
		if (r->panel_sel >= r->n_rows)
			return 1;
		const struct panel_row *row = &r->rows[r->panel_sel];
		if (row->kind == ROW_ENTITY) {
			reader_highlight_entity(r, row->ref == r->hl_entity ? -1 : row->ref);
		} else if (row->kind == ROW_QUOTE) {
			reader_goto_quote(r, (size_t)row->ref);
			if (r->panel_mode == 3) /* an overlay hides the text: go to it */
				r->focus = 0;
		}
		return 1;
	}
	default:
		return 0;
	}
}

void panel_draw(struct reader *r, int y, int x, int h, int w)
{
	if (h <= 0 || w <= 2)
		return;
	for (int i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	/* two rows per entity in most cases: keep the selection in view */
	if (r->panel_sel < r->panel_top)
		r->panel_top = r->panel_sel > 0 && r->rows[r->panel_sel - 1].kind == ROW_TITLE ? r->panel_sel - 1 : r->panel_sel;
	if (r->panel_sel >= r->panel_top + (size_t)h)
		r->panel_top = r->panel_sel + 2 - (size_t)h;
	if (r->panel_top == 1)
		r->panel_top = 0;
	int focused = r->focus == FOCUS_PANEL;
	for (int i = 0; i < h && r->panel_top + (size_t)i < r->n_rows; i++) {
		size_t ri = r->panel_top + (size_t)i;
		const struct panel_row *row = &r->rows[ri];
		int sel = ri == r->panel_sel && focused;
		int cy = y + i, cx = x + 1, cw = w - 2;
		unsigned long at;
		switch (row->kind) {
		case ROW_TITLE:
			tui_put(cy, cx, row->text, strlen(row->text), cw, theme_attr(TH_TITLE));
			break;
		case ROW_ENTITY: {
			at = sel ? theme_attr(TH_SELECTED) : row->ref == r->hl_entity ? theme_attr(TH_MENTION)
			                                                             : theme_attr(TH_PANEL);
			if (sel) {
				attrset((attr_t)at);
				mvhline(cy, x, ' ', w);
				attrset(A_NORMAL);
			}
			int ew = row->extra ? (int)strlen(row->extra) : 0;
			tui_put(cy, cx, row->text, strlen(row->text), cw - ew - 1, at);
			if (row->extra)
				tui_put(cy, x + w - 1 - ew, row->extra, (size_t)ew, ew, sel ? at : theme_attr(TH_DIM));
			break;
		}
		case ROW_ROLE:
			tui_put(cy, cx + 2, row->text, strlen(row->text), cw - 2, theme_attr(TH_DIM));
			break;
		case ROW_QUOTE:
			at = sel ? theme_attr(TH_SELECTED) : theme_attr(TH_QUOTE);
			tui_put(cy, cx + 2, "\xE2\x80\x9C", 3, 1, at);
			tui_put(cy, cx + 3, row->text, strlen(row->text), cw - 3, at);
			break;
		default:
			break;
		}
	}
}

int quotes_action(struct reader *r, enum action act)
{
	size_t n = r->a->n_quotes;
	long page = r->text_h > 4 ? r->text_h / 2 - 1 : 1;
	long d = 0;
	switch (act) {
	case ACT_DOWN: d = 1; break;
	case ACT_UP: d = -1; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: d = page; break;
	case ACT_PAGE_UP: case ACT_HALF_UP: d = -page; break;
	case ACT_TOP: r->quote_sel = 0; return 1;
	case ACT_BOTTOM: r->quote_sel = n ? n - 1 : 0; return 1;
	case ACT_BACK: case ACT_QUOTES: r->focus = FOCUS_TEXT; return 1;
	case ACT_SELECT:
		r->focus = FOCUS_TEXT;
		if (r->quote_sel < n)
			reader_goto_quote(r, r->quote_sel);
		return 1;
	default:
		return 0;
	}
	if (d < 0)
		r->quote_sel = (size_t)-d > r->quote_sel ? 0 : r->quote_sel - (size_t)-d;
	else if (n)
		r->quote_sel = r->quote_sel + (size_t)d >= n ? n - 1 : r->quote_sel + (size_t)d;
	return 1;
}

void quotes_draw(struct reader *r, int y, int x, int h, int w)
{
	const struct article *a = r->a;
	size_t per = 3, vis = (size_t)(h > 2 ? h - 2 : 1) / per;
	if (!vis)
		vis = 1;
	for (int i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	char title[64];
	snprintf(title, sizeof title, "Quotations (%zu)   Enter: go to it   q: back", a->n_quotes);
	tui_put(y, x + 1, title, strlen(title), w - 2, theme_attr(TH_TITLE));
	if (r->quote_sel < r->quote_top)
		r->quote_top = r->quote_sel;
	if (r->quote_sel >= r->quote_top + vis)
		r->quote_top = r->quote_sel + 1 - vis;
	for (size_t i = 0; i < vis && r->quote_top + i < a->n_quotes; i++) {
		size_t qi = r->quote_top + i;
		const struct quote *q = &a->quotes[qi];
		int cy = y + 2 + (int)(i * per), sel = qi == r->quote_sel;
		char *sp = sanitize_str(q->speaker ? q->speaker : "unattributed", 0);
		char *tx = sanitize_str(q->text, 0);
		if (!sp || !tx) {
			free(sp);
			free(tx);
			return;
		}
		char num[24];
		snprintf(num, sizeof num, "%3zu ", qi + 1);
		unsigned long at = sel ? theme_attr(TH_SELECTED) : theme_attr(TH_SPEAKER);
		if (sel) {
			attrset((attr_t)at);
			mvhline(cy, x, ' ', w);
			mvhline(cy + 1, x, ' ', w);
			attrset(A_NORMAL);
		}
		int c = tui_put(cy, x + 1, num, strlen(num), w - 2, sel ? at : theme_attr(TH_DIM));
		tui_put(cy, x + 1 + c, sp, strlen(sp), w - 2 - c, at);
		size_t tl = strlen(tx), fit = tui_fit(tx, tl, w - 8);
		tui_put(cy + 1, x + 5, "\xE2\x80\x9C", 3, 1, sel ? at : theme_attr(TH_QUOTE));
		tui_put(cy + 1, x + 6, tx, tl, w - 8, sel ? at : theme_attr(TH_QUOTE));
		if (fit < tl)
			tui_put(cy + 1, x + w - 2, "\xE2\x80\xA6", 3, 1, sel ? at : theme_attr(TH_DIM));
		else
			tui_put(cy + 1, x + 6 + wrap_width(tx, tl), "\xE2\x80\x9D", 3, 1, sel ? at : theme_attr(TH_QUOTE));
		free(sp);
		free(tx);
	}
}
