/*
 * tui_layout.c: the article as blocks of sanitised text with quote, speaker
 * and mention spans, wrapped once per width.
 */
#include "tui_reader.h"
#include "tui_app.h"
#include "model.h"
#include "base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n_blocks; i++) {
		free(l->blocks[i].text);
		free(l->blocks[i].spans);
	}
	free(l->blocks);
	free(l->lines);
	memset(l, 0, sizeof *l);
}

static struct block *add_block(struct layout *l, int kind, int section, int paragraph)
{
	if (array_grow((void **)&l->blocks, &l->cap_blocks, l->n_blocks + 1, sizeof *l->blocks))
		return NULL;
	struct block *b = &l->blocks[l->n_blocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->section = section;
	b->paragraph = paragraph;
	return b;
}

static int add_span(struct block *b, size_t *cap, size_t start, size_t end, int kind, int ref)
{
	if (end <= start)
		return 0;
	if (array_grow((void **)&b->spans, cap, b->n_spans + 1, sizeof *b->spans))
		return -1;
	b->spans[b->n_spans++] = (struct span){start, end, kind, ref};
	return 0;
}

/* A plain block: the sanitised string, no spans. */
static int add_plain(struct layout *l, int kind, const char *s)
{
	char *t = sanitize_str(s, 0);
	struct block *b = t ? add_block(l, kind, -1, -1) : NULL;
	if (!b) {
		free(t);
		return -1;
	}
	b->text = t;
	b->len = strlen(t);
	return 0;
}

static size_t char_start(const char *s, size_t n, size_t o)
{
	if (o > n)
		o = n;
	while (o > 0 && o < n && ((unsigned char)s[o] & 0xC0) == 0x80)
		o--;
	return o;
}

/* Length of an opening quotation mark ending at s[o], or 0. */
static size_t opening_mark_before(const char *s, size_t o)
{
	static const char *const marks[] = {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xE2\x80\x9E", "\"", "'"};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		size_t m = strlen(marks[i]);
		if (o >= m && !memcmp(s + o - m, marks[i], m))
			return m;
	}
	return 0;
}

/* Bytes after o that close a quotation: punctuation and closing marks (a few at most). */
static size_t closing_run_after(const char *s, size_t n, size_t o)
{
	static const char *const marks[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\"", "'", ",", ".", ";",
	                                    ":", "!", "?", "\xE2\x80\xA6"};
	size_t j = o;
	for (int steps = 0; steps < 4 && j < n; steps++) {
		size_t hit = 0;
		for (size_t i = 0; i < sizeof marks / sizeof *marks && !hit; i++) {
			size_t m = strlen(marks[i]);
			if (j + m <= n && !memcmp(s + j, marks[i], m))
				hit = m;
		}
		if (!hit)
			break;
		j += hit;
	}
	return j - o;
}

struct cut {
	size_t at;   /* offset in the source paragraph */
	int speaker; /* quote index whose speaker goes here, or -1 */
	int link;    /* link index whose [n] mark goes here, or -1 */
};

static int cut_cmp(const void *a, const void *b)
{
	const struct cut *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->speaker != y->speaker)
		return (x->speaker > y->speaker) - (x->speaker < y->speaker);
	return (x->link > y->link) - (x->link < y->link);
}

/* Where a link's [n] goes: after the first appearance of its text in the body. */
struct link_place {
	int section, paragraph; /* -1 when its text appears nowhere */
	size_t end;             /* offset just after the text */
};

static size_t find_cut(const size_t *offs, size_t n, size_t at)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (offs[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct range {
	size_t start, end; /* source offsets */
	int kind, ref;
};

static int push_range(struct range **rs, size_t *n, size_t *cap, size_t st, size_t en, int kind, int ref)
{
	if (array_grow((void **)rs, cap, *n + 1, sizeof **rs))
		return -1;
	(*rs)[(*n)++] = (struct range){st, en, kind, ref};
	return 0;
}

/*
 * One paragraph (or the headline: section -1) as a block: pieces between cut
 * points sanitised one by one, so every cut maps to an exact output offset.
 */
static int add_paragraph(struct layout *l, const struct article *a, const char *s, int sec, int par,
                         int kind, int speakers, const struct link_place *lp)
{
	size_t n = strlen(s), nr = 0, cap_r = 0, ncuts = 0, cap_s = 0;
	struct range *rs = NULL;
	struct cut *cuts = NULL;
	size_t *offs = NULL, *before = NULL, *after = NULL;
	struct buf out = BUF_INIT;
	struct block *b = NULL;
	int rc = -1;
#define PUSH_RANGE(S, E, K, R) do { \
		if (push_range(&rs, &nr, &cap_r, (S), (E), (K), (R))) \
			goto out; \
	} while (0)
	if (sec >= 0) {
		for (size_t i = 0; i < a->n_quotes; i++) {
			const struct quote *q = &a->quotes[i];
			int endp = q->end_paragraph > q->paragraph ? q->end_paragraph : q->paragraph;
			if (q->section != sec || par < q->paragraph || par > endp)
				continue;
			size_t st = par == q->paragraph ? char_start(s, n, q->start) : 0;
			size_t en = par == endp ? char_start(s, n, q->end) : n;
			if (par == q->paragraph)
				st -= opening_mark_before(s, st);
			if (par == endp)
				en += closing_run_after(s, n, en);
			if (en > st || par == endp)
				PUSH_RANGE(st, en, SP_QUOTE, (int)i);
			if (par == endp && speakers && q->speaker && *q->speaker)
				PUSH_RANGE(en, en, SP_SPEAKER, (int)i);
		}
	}
	for (size_t e = 0; e < a->n_entities; e++) {
		const struct entity *en = &a->entities[e];
		for (size_t m = 0; m < en->n_mentions; m++) {
			const struct mention *mt = &en->mentions[m];
			if (mt->section != sec || (sec >= 0 && mt->paragraph != par))
				continue;
			size_t st = char_start(s, n, mt->start), ee = char_start(s, n, mt->end);
			if (ee > st)
				PUSH_RANGE(st, ee, SP_MENTION, (int)e);
		}
	}
	/* cut points: 0, n, every range end, each speaker and link mark insertion after its point */
	size_t n_marks = 0;
	for (size_t i = 0; lp && sec >= 0 && i < a->n_links; i++)
		n_marks += lp[i].section == sec && lp[i].paragraph == par;
	cuts = malloc((2 * nr + 2 + n_marks) * sizeof *cuts);
	if (!cuts)
		goto out;
	cuts[ncuts++] = (struct cut){0, -1, -1};
	cuts[ncuts++] = (struct cut){n, -1, -1};
	for (size_t i = 0; i < nr; i++) {
		if (rs[i].kind == SP_SPEAKER) {
			cuts[ncuts++] = (struct cut){rs[i].start, rs[i].ref, -1};
		} else {
			cuts[ncuts++] = (struct cut){rs[i].start, -1, -1};
			cuts[ncuts++] = (struct cut){rs[i].end, -1, -1};
		}
	}
	for (size_t i = 0; n_marks && i < a->n_links; i++)
		if (lp[i].section == sec && lp[i].paragraph == par)
			cuts[ncuts++] = (struct cut){char_start(s, n, lp[i].end), -1, (int)i};
	qsort(cuts, ncuts, sizeof *cuts, cut_cmp);
	offs = malloc(ncuts * sizeof *offs);
	before = malloc(ncuts * sizeof *before);
	after = malloc(ncuts * sizeof *after);
	b = add_block(l, kind, sec, par);
	if (!offs || !before || !after || !b)
		goto out;
	size_t nu = 0;
	for (size_t i = 0; i < ncuts; i++) {
		if (nu && offs[nu - 1] == cuts[i].at) {
			if (cuts[i].speaker < 0 && cuts[i].link < 0)
				continue;
		} else {
			offs[nu] = cuts[i].at;
			if (i) {
				/* the source piece up to this cut */
				size_t from = offs[nu - 1], to = cuts[i].at;
				char *t = sanitize_text(s + from, to - from, 0);
				if (!t)
					goto out;
				buf_puts(&out, t);
				free(t);
			}
			before[nu] = after[nu] = out.len;
			nu++;
		}
		if (cuts[i].speaker >= 0) {
			const struct quote *q = &a->quotes[cuts[i].speaker];
			char *t = sanitize_str(q->speaker, 0);
			if (!t)
				goto out;
			size_t st = out.len;
			/* no-break spaces keep "[Maria Okafor]" on one line */
			buf_puts(&out, " [");
			for (const char *c = t; *c; c++)
				if (*c == ' ')
					buf_puts(&out, "\xC2\xA0");
				else
					buf_putc(&out, *c);
			buf_putc(&out, ']');
			free(t);
			if (add_span(b, &cap_s, st, out.len, SP_SPEAKER, cuts[i].speaker))
				goto out;
			after[nu - 1] = out.len;
		}
		if (cuts[i].link >= 0) {
			size_t st = out.len;
			buf_printf(&out, "\xC2\xA0[%d]", cuts[i].link + 1); /* kept with the word it follows */
			if (add_span(b, &cap_s, st, out.len, SP_LINK, cuts[i].link))
				goto out;
			after[nu - 1] = out.len;
		}
	}
	if (out.failed)
		goto out;
	for (size_t i = 0; i < nr; i++) {
		if (rs[i].kind == SP_SPEAKER || rs[i].kind == SP_LINK)
			continue;
		size_t si = find_cut(offs, nu, rs[i].start), ei = find_cut(offs, nu, rs[i].end);
		if (add_span(b, &cap_s, after[si], before[ei], rs[i].kind, rs[i].ref))
			goto out;
	}
	b->len = out.len;
	b->text = buf_detach(&out);
	if (!b->text)
		goto out;
	rc = 0;
out:
	if (rc && b) { /* leave no half-built block behind */
		free(b->spans);
		l->n_blocks--;
	}
	buf_free(&out);
	free(cuts);
	free(offs);
	free(before);
	free(after);
	free(rs);
	return rc;
#undef PUSH_RANGE
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end < y->end) - (x->end > y->end);
}

/* Finds where each link's text first appears in the body; lp has a->n_links entries. */
static void place_links(const struct article *a, struct link_place *lp)
{
	for (size_t i = 0; i < a->n_links; i++) {
		const struct link *k = &a->links[i];
		lp[i] = (struct link_place){-1, -1, 0};
		size_t tl = k->text ? strlen(k->text) : 0;
		if (tl < 2)
			continue;
		for (size_t si = 0; si < a->n_sections && lp[i].section < 0; si++)
			for (size_t pi = 0; pi < a->sections[si].n_paragraphs && lp[i].section < 0; pi++) {
				const char *p = a->sections[si].paragraphs[pi], *hit = p ? strstr(p, k->text) : NULL;
				if (hit)
					lp[i] = (struct link_place){(int)si, (int)pi, (size_t)(hit - p) + tl};
			}
	}
}

/* The publication date in local time through fmt, or NULL to show it as stored. */
static void published_text(const char *published, const char *fmt, char *out, size_t cap)
{
	int has_time = 0;
	long long t = fmt ? tui_parse_iso(published, &has_time) : 0;
	out[0] = 0;
	if (t && has_time)
		tui_format_time(t, fmt, out, cap);
	if (!out[0])
		snprintf(out, cap, "%s", published);
}

int layout_build(struct layout *l, const struct article *a, int speakers, const char *date_fmt)
{
	layout_free(l);
	int rc = 0;
	struct link_place *lp = a->n_links ? malloc(a->n_links * sizeof *lp) : NULL;
	if (a->n_links && !lp)
		return -1;
	if (lp)
		place_links(a, lp);
	if (a->headline)
		rc |= add_paragraph(l, a, a->headline, -1, 0, BK_HEADLINE, 0, NULL);
	struct buf meta = BUF_INIT;
	if (a->dateline) {
		const char *parts[3] = {a->dateline->place, a->dateline->date, a->dateline->agency};
		for (int i = 0; i < 3; i++)
			if (parts[i] && *parts[i])
				buf_printf(&meta, "%s%s", meta.len ? " \xC2\xB7 " : "", parts[i]);
		if (meta.len && !rc)
			rc |= add_plain(l, BK_META, meta.data);
	}
	buf_reset(&meta);
	if (a->byline)
		buf_puts(&meta, a->byline);
	if (a->published) {
		char when[128];
		published_text(a->published, date_fmt, when, sizeof when);
		buf_printf(&meta, "%s%s", meta.len ? " \xC2\xB7 " : "", when);
	}
	if (a->site)
		buf_printf(&meta, "%s%s", meta.len ? " \xC2\xB7 " : "", a->site);
	if (meta.len && !rc)
		rc |= add_plain(l, BK_META, meta.data);
	rc |= meta.failed ? -1 : 0;
	buf_free(&meta);
	for (size_t i = 0; i < a->n_sections && !rc; i++) {
		const struct section *s = &a->sections[i];
		if (s->heading)
			rc |= add_plain(l, BK_HEADING, s->heading);
		for (size_t j = 0; j < s->n_paragraphs && !rc; j++)
			rc |= add_paragraph(l, a, s->paragraphs[j], (int)i, (int)j, BK_TEXT, speakers, lp);
	}
	if (a->n_links && !rc) {
		rc |= add_plain(l, BK_LINKS_TITLE, "Links");
		for (size_t i = 0; i < a->n_links && !rc; i++) {
			struct buf lb = BUF_INIT;
			const struct link *k = &a->links[i];
			/* the text once, the address once: a link whose text is its address shows it once */
			int text = k->text && *k->text && (!k->url || strcmp(k->text, k->url));
			buf_printf(&lb, "[%zu] %s%s%s", i + 1, text ? k->text : "", text ? " \xE2\x80\x94 " : "",
			           k->url ? k->url : "");
			rc |= lb.failed ? -1 : add_plain(l, BK_LINK, lb.data);
			buf_free(&lb);
		}
	}
	free(lp);
	for (size_t i = 0; i < l->n_blocks; i++)
		if (l->blocks[i].n_spans > 1)
			qsort(l->blocks[i].spans, l->blocks[i].n_spans, sizeof *l->blocks[i].spans, span_cmp);
	l->width = 0;
	return rc ? -1 : 0;
}

static int push_line(struct layout *l, size_t block, size_t start, size_t len)
{
	if (array_grow((void **)&l->lines, &l->cap_lines, l->n_lines + 1, sizeof *l->lines))
		return -1;
	l->lines[l->n_lines++] = (struct dline){block, start, len};
	return 0;
}

int layout_wrap(struct layout *l, int width)
{
	if (width < 8)
		width = 8;
	if (width == l->width && l->lines)
		return 0;
	l->n_lines = 0;
	for (size_t i = 0; i < l->n_blocks; i++) {
		struct block *b = &l->blocks[i];
		/* a blank line before headings, paragraphs and the links; meta lines stay together */
		int gap = i > 0 && (b->kind == BK_HEADING || b->kind == BK_LINKS_TITLE ||
		                    (b->kind == BK_TEXT && l->blocks[i - 1].kind != BK_HEADING) ||
		                    (b->kind == BK_META && l->blocks[i - 1].kind == BK_HEADLINE));
		if (gap && push_line(l, (size_t)-1, 0, 0))
			return -1;
		b->first_line = l->n_lines;
		if (!b->len && push_line(l, i, 0, 0))
			return -1;
		for (size_t pos = 0; pos < b->len;) {
			size_t next, n = wrap_line(b->text + pos, b->len - pos, width, &next);
			if (push_line(l, i, pos, n))
				return -1;
			pos += next;
		}
		b->n_lines = l->n_lines - b->first_line;
	}
	l->width = width;
	return 0;
}

size_t layout_line_of(const struct layout *l, size_t bi, size_t off)
{
	if (bi >= l->n_blocks)
		return 0;
	const struct block *b = &l->blocks[bi];
	size_t lo = b->first_line, hi = b->first_line + b->n_lines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (l->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
