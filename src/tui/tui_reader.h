/*
 * tui_reader.h: the reader screen, its layout and its entity panel.
 *
 * Layout: the article is cut into blocks (headline, meta lines, headings,
 * paragraphs, links). Each block's text is built once from sanitised pieces
 * cut at every quote and mention boundary, so positions given in the
 * article's own byte offsets map exactly onto the text drawn; the speaker of
 * each quotation is inserted after its closing mark. Spans mark quotes,
 * speakers and mentions in block coordinates. Blocks are wrapped once per
 * width into display lines; drawing touches only the visible lines.
 *
 * Ownership: a layout owns its blocks, their texts and spans, and its lines.
 * A reader borrows its article (the caller keeps it alive while the reader
 * shows it) and owns its layout, panel rows and search state.
 */
#ifndef DATELINE_TUI_READER_H
#define DATELINE_TUI_READER_H

#include "tui_keys.h"

#include <stddef.h>

struct article;
struct config;

enum block_kind { BK_HEADLINE, BK_META, BK_HEADING, BK_TEXT, BK_LINKS_TITLE, BK_LINK };
enum span_kind { SP_QUOTE, SP_SPEAKER, SP_MENTION, SP_LINK };

struct span {
	size_t start, end; /* byte range in the block's text */
	int kind;          /* enum span_kind */
	int ref;           /* quote index (quote, speaker) or entity index (mention) */
};

struct block {
	char *text;          /* sanitised text as drawn (owned) */
	size_t len;          /* its bytes */
	int kind;            /* enum block_kind */
	int section;         /* source section (-1: headline or none) */
	int paragraph;       /* source paragraph (-1 when none) */
	struct span *spans;  /* sorted by start (owned) */
	size_t n_spans;      /* number of spans */
	size_t first_line;   /* its first display line */
	size_t n_lines;      /* its display lines */
};

struct dline {
	size_t block;  /* block index, or (size_t)-1 for a blank line */
	size_t start;  /* byte offset in the block's text */
	size_t len;    /* bytes on this line */
};

struct layout {
	struct block *blocks;  /* in reading order (owned) */
	size_t n_blocks, cap_blocks;
	struct dline *lines;   /* display lines (owned) */
	size_t n_lines, cap_lines;
	int width;             /* columns the lines were wrapped for; 0 before the first wrap */
};

/*
 * Builds the blocks of a (no wrapping yet). speakers: insert speaker names;
 * each link is marked [n] once, after the first place its text appears;
 * date_fmt (strftime, local time; NULL: as stored) shows the publication
 * date. 0 or -1 (memory).
 */
int layout_build(struct layout *l, const struct article *a, int speakers, const char *date_fmt);
/* Wraps the blocks to width columns (no-op when already at that width). 0 or -1. */
int layout_wrap(struct layout *l, int width);
/* The display line holding byte off of block b. */
size_t layout_line_of(const struct layout *l, size_t b, size_t off);
void layout_free(struct layout *l);

struct target {
	size_t block, start, end; /* a range of a block's text to jump to */
};

enum reader_focus { FOCUS_TEXT, FOCUS_PANEL, FOCUS_QUOTES };
enum target_kind { TG_NONE, TG_SEARCH, TG_MENTION, TG_QUOTE };

struct panel_row {
	int kind;     /* 0 title, 1 entity, 2 role/count line, 3 quote, 4 blank */
	int ref;      /* entity or quote index */
	char *text;   /* sanitised (owned) */
	char *extra;  /* right-aligned or secondary text, sanitised (owned), or NULL */
};

struct reader {
	const struct article *a;   /* borrowed */
	const struct config *cfg;  /* borrowed */
	struct layout lay;         /* blocks and lines */
	size_t top;                /* first visible line */
	int panel_on;              /* the panel is shown */
	int focus;                 /* enum reader_focus */
	struct panel_row *rows;    /* entity panel rows (owned) */
	size_t n_rows;
	size_t panel_sel, panel_top; /* selected row and first visible row */
	size_t quote_sel, quote_top; /* in the quotes view */
	int hl_entity;             /* entity whose mentions are highlighted, -1 for none */
	char query[256];           /* last search */
	struct target *targets;    /* where n/N go (owned) */
	size_t n_targets, cap_targets;
	size_t cur_target;         /* index of the current one */
	int target_kind;           /* enum target_kind */
	int cur_valid;             /* 1 when cur_target was jumped to */
	/* geometry of the last draw */
	int text_x, text_w, text_h, panel_x, panel_y, panel_w, panel_h, panel_mode;
	char msg[256];             /* message for the status line */
	int msg_error;             /* 1 when msg is an error */
};

/* Opens r on a (borrowed). 0, or -1 when out of memory. */
int reader_open(struct reader *r, const struct article *a, const struct config *cfg);
void reader_close(struct reader *r);
/*
 * Handles an action; count is the typed count prefix (0 when none). Returns
 * 1 when the reader wants to close (back at the top level), 0 otherwise.
 */
int reader_action(struct reader *r, enum action act, int count);
/* Searches for q (case-insensitive) and jumps to the first match after the top line. */
void reader_search(struct reader *r, const char *q);
/* Jumps to quotation qi and marks it as the current one. */
void reader_goto_quote(struct reader *r, size_t qi);
/* Lays out for the current screen size and draws the reader in rows [0, rows). 0 or -1 (memory). */
int reader_draw(struct reader *r, int rows);
/* Scrolls by a mouse wheel step at screen row y, column x (dir -1 up, 1 down). */
void reader_wheel(struct reader *r, int y, int x, int dir);
/* Writes the reader's part of the status line into out. */
void reader_status(const struct reader *r, char *out, size_t cap);

/* Entity panel and quotes view (tui_panel.c). */
int panel_build(struct reader *r);
void panel_free(struct reader *r);
void panel_draw(struct reader *r, int y, int x, int h, int w);
int panel_action(struct reader *r, enum action act);
void quotes_draw(struct reader *r, int y, int x, int h, int w);
int quotes_action(struct reader *r, enum action act);
/* Highlights entity e's mentions and jumps to the first one after the top (e -1 clears). */
void reader_highlight_entity(struct reader *r, int e);

/* Drawing helpers (tui_draw.c): put s[0..n) at (y, x) in at most cols columns; returns columns used. */
int tui_put(int y, int x, const char *s, size_t n, int cols, unsigned long attr);
/* Bytes of s[0..n) that fit in cols columns without splitting a wide character. */
size_t tui_fit(const char *s, size_t n, int cols);

#endif
