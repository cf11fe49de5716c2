/*
 * tui_reader.c: the article reader screen (minimal: scroll, switch, quit).
 *
 * The article is laid out once per width into display lines that point into
 * sanitised copies of its strings; drawing only touches the visible lines.
 */
#include "tui.h"
#include "article.h"
#include "buf.h"
#include "sanitize.h"
#include "wrap.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

enum line_kind { L_TEXT, L_HEADLINE, L_META, L_HEADING, L_BLANK };

struct dline {
	const char *p;       /* into the layout's text (not NUL-terminated) */
	size_t n;            /* bytes */
	enum line_kind kind; /* how it is drawn */
};

struct layout {
	char **texts;        /* sanitised strings the lines point into */
	size_t n_texts;
	struct dline *lines;
	size_t n_lines, cap_lines;
	int width;           /* columns it was laid out for */
};

static void layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n_texts; i++)
		free(l->texts[i]);
	free(l->texts);
	free(l->lines);
	memset(l, 0, sizeof *l);
}

static int push_line(struct layout *l, const char *p, size_t n, enum line_kind k)
{
	if (l->n_lines == l->cap_lines) {
		size_t cap = l->cap_lines ? l->cap_lines * 2 : 256;
		struct dline *d = realloc(l->lines, cap * sizeof *d);
		if (!d)
			return -1;
		l->lines = d, l->cap_lines = cap;
	}
	l->lines[l->n_lines++] = (struct dline){p, n, k};
	return 0;
}

/* Sanitises s, keeps it, and adds its wrapped lines. */
static int add_text(struct layout *l, const char *s, enum line_kind k)
{
	char *t = sanitize_str(s, 0);
	char **texts = t ? realloc(l->texts, (l->n_texts + 1) * sizeof *texts) : NULL;
	if (!texts) {
		free(t);
		return -1;
	}
	l->texts = texts;
	l->texts[l->n_texts++] = t;
	size_t len = strlen(t);
	for (size_t pos = 0; pos < len;) {
		size_t next, n = wrap_line(t + pos, len - pos, l->width, &next);
		if (push_line(l, t + pos, n, k))
			return -1;
		pos += next;
	}
	return 0;
}

static int layout_build(struct layout *l, const struct article *a, int width)
{
	layout_free(l);
	l->width = width > 4 ? width : 4;
	int rc = 0;
	if (a->headline)
		rc |= add_text(l, a->headline, L_HEADLINE);
	if (a->dateline) {
		struct buf b = BUF_INIT;
		const char *parts[3] = {a->dateline->place, a->dateline->date, a->dateline->agency};
		for (int i = 0; i < 3; i++)
			if (parts[i]) {
				if (b.len)
					buf_puts(&b, " \xC2\xB7 ");
				buf_puts(&b, parts[i]);
			}
		if (b.len)
			rc |= add_text(l, b.data, L_META);
		buf_free(&b);
	}
	if (a->byline)
		rc |= add_text(l, a->byline, L_META);
	if (a->published)
		rc |= add_text(l, a->published, L_META);
	for (size_t i = 0; i < a->n_sections && !rc; i++) {
		const struct section *s = &a->sections[i];
		if (s->heading) {
			rc |= push_line(l, "", 0, L_BLANK);
			rc |= add_text(l, s->heading, L_HEADING);
		}
		for (size_t j = 0; j < s->n_paragraphs && !rc; j++) {
			rc |= push_line(l, "", 0, L_BLANK);
			rc |= add_text(l, s->paragraphs[j], L_TEXT);
		}
	}
	return rc;
}

static void draw(const struct layout *l, size_t top, const char *status)
{
	int rows = LINES - 1;
	erase();
	for (int r = 0; r < rows && top + (size_t)r < l->n_lines; r++) {
		const struct dline *d = &l->lines[top + (size_t)r];
		attr_t at = d->kind == L_HEADLINE ? A_BOLD : d->kind == L_HEADING ? (A_BOLD | A_UNDERLINE)
		          : d->kind == L_META ? A_DIM : A_NORMAL;
		attron(at);
		mvaddnstr(r, 0, d->p, (int)d->n);
		attroff(at);
	}
	attron(A_REVERSE);
	mvhline(rows, 0, ' ', COLS);
	mvaddnstr(rows, 0, status, COLS);
	attroff(A_REVERSE);
	refresh();
}

int tui_read(struct article **arts, size_t n, char *err, size_t errlen)
{
	if (!n)
		return 0;
	if (!initscr()) {
		snprintf(err, errlen, "cannot open the terminal (is TERM set?)");
		return -1;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	struct layout l = {0};
	size_t cur = 0, top = 0;
	int rc = 0, relayout = 1;
	for (;;) {
		if (relayout && layout_build(&l, arts[cur], COLS)) {
			snprintf(err, errlen, "out of memory laying out the article");
			rc = -1;
			break;
		}
		relayout = 0;
		size_t page = LINES > 2 ? (size_t)LINES - 2 : 1;
		size_t max_top = l.n_lines > (size_t)LINES - 1 ? l.n_lines - ((size_t)LINES - 1) : 0;
		if (top > max_top)
			top = max_top;
		char status[256];
		snprintf(status, sizeof status, " %zu/%zu  line %zu/%zu   j/k scroll  space page  %sq quit",
		         cur + 1, n, top + 1, l.n_lines, n > 1 ? "n/p article  " : "");
		draw(&l, top, status);
		int ch = getch();
		if (ch == 'q' || ch == 'Q' || ch == ERR)
			break;
		switch (ch) {
		case 'j': case KEY_DOWN: case '\n': top++; break;
		case 'k': case KEY_UP: top = top ? top - 1 : 0; break;
		case ' ': case KEY_NPAGE: case 'f': top += page; break;
		case 'b': case KEY_PPAGE: top = top > page ? top - page : 0; break;
		case 'g': case KEY_HOME: top = 0; break;
		case 'G': case KEY_END: top = max_top; break;
		case 'n': case ']': if (cur + 1 < n) cur++, top = 0, relayout = 1; break;
		case 'p': case '[': if (cur > 0) cur--, top = 0, relayout = 1; break;
		case KEY_RESIZE: relayout = 1; break;
		default: break;
		}
	}
	layout_free(&l);
	endwin();
	return rc;
}
