/*
 * tui_status.c: the help screen (every action with the keys bound to it, so
 * it follows the config) and the status line (messages, prompt, position,
 * background job progress).
 */
#include "tui_app.h"
#include "model.h"
#include "base.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_draw_help(struct app *ap, int rows)
{
	int w = COLS;
	char title[300], back[64], help[64];
	keymap_keys_for(&ap->keys, ACT_BACK, back, sizeof back);
	keymap_keys_for(&ap->keys, ACT_HELP, help, sizeof help);
	/* the keys that close it, as bound now (Esc always does) */
	snprintf(title, sizeof title, "dateline: keys (%s%s%s%sEsc to close; bind KEY ACTION in the config changes them)",
	         back, back[0] ? " or " : "", help, help[0] ? " or " : "");
	tui_put(0, 1, title, strlen(title), w - 2, theme_attr(TH_TITLE));
	static const char *const extra[][2] = {
		{"", ""},
		{"1-9 then a key", "a count: 5j moves five rows, 3o opens link [3]"},
		{"/ then Enter, Esc", "in lists: filter as you type; Esc clears the filter"},
		{"quote search", "type words, @name for a speaker; Enter opens; Up/Down, C-n/C-p move"},
		{"", "back from an article: the list has the keys (q closes, / edits the query)"},
		{"y / n", "answer a question (mark all read, unsubscribe)"},
		{"mouse", "the wheel scrolls; a click selects, a second click opens"},
	};
	size_t n_act = ACT_COUNT - 1, n_extra = sizeof extra / sizeof *extra;
	size_t n = n_act + n_extra, vis = rows > 2 ? (size_t)rows - 2 : 1;
	if (ap->help_top + vis > n)
		ap->help_top = n > vis ? n - vis : 0;
	for (size_t i = 0; i < vis && ap->help_top + i < n; i++) {
		if (ap->help_top + i >= n_act) {
			const char *const *e = extra[ap->help_top + i - n_act];
			int y = 2 + (int)i;
			tui_put(y, 1, e[0], strlen(e[0]), 22, theme_attr(TH_KEY));
			tui_put(y, 24, e[1], strlen(e[1]), w - 25, theme_attr(TH_NORMAL));
			continue;
		}
		enum action a = (enum action)(ap->help_top + i + 1);
		char keys[128];
		keymap_keys_for(&ap->keys, a, keys, sizeof keys);
		const char *k = keys[0] ? keys : "(unbound)";
		int y = 2 + (int)i;
		tui_put(y, 1, k, strlen(k), 22, keys[0] ? theme_attr(TH_KEY) : theme_attr(TH_DIM));
		const char *h = action_help(a);
		int c = tui_put(y, 24, h, strlen(h), w - 25, theme_attr(TH_NORMAL));
		const char *name = action_name(a);
		if (w - 25 - c > (int)strlen(name) + 3)
			tui_put(y, w - 1 - (int)strlen(name), name, strlen(name), (int)strlen(name), theme_attr(TH_DIM));
	}
}

void app_draw_status(struct app *ap)
{
	int y = LINES - 1, scr = app_screen(ap);
	attrset((attr_t)theme_attr(TH_STATUS));
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
	if (ap->prompt) {
		const char *p = ap->prompt == PROMPT_FILTER ? "filter: " : ap->prompt == PROMPT_CONFIRM ? ""
		              : ap->prompt == PROMPT_EXPORT ? "export to (Enter writes, Esc cancels): " : "/";
		int c = tui_put(y, 0, p, strlen(p), COLS, theme_attr(TH_STATUS));
		c += tui_put(y, c, ap->input, ap->input_len, COLS - c - 1, theme_attr(TH_STATUS));
		move(y, c);
		return;
	}
	char right[420] = "", job[200];
	if (scr == SCR_READER && !ap->help)
		reader_status(&ap->rd, right, sizeof right);
	else if (scr == SCR_ARTICLES)
		snprintf(right, sizeof right, "%zu/%zu", ap->av.n_shown ? ap->av.sel + 1 : 0, ap->av.n_shown);
	job_status(ap, job, sizeof job);
	if (job[0]) {
		size_t l = strlen(right);
		snprintf(right + l, sizeof right - l, "%s%s", l ? "  " : "", job);
	}
	if (ap->count) {
		size_t l = strlen(right);
		snprintf(right + l, sizeof right - l, "  %d", ap->count);
	}
	int rd_msg = scr == SCR_READER && ap->rd.msg[0];
	const char *left = rd_msg ? ap->rd.msg : ap->msg;
	int err = rd_msg ? ap->rd.msg_error : ap->msg_error;
	char deflt[320] = "";
	if (!left[0]) {
		if (scr == SCR_READER && ap->rd.a) {
			char *h = sanitize_str(ap->rd.a->headline ? ap->rd.a->headline : "", 0);
			snprintf(deflt, sizeof deflt, "%s%s  ? help", ap->n_arts > 1 ? "[ ] articles  " : "", h ? h : "");
			free(h);
		} else {
			snprintf(deflt, sizeof deflt, "Q quote search  R refresh  / filter  U unread only  ? help");
		}
		left = deflt;
	}
	/* messages carry store errors, feed errors and a child's output: strangers' text too */
	char *cl = sanitize_str(left, 0), *cr = sanitize_str(right, 0);
	if (cl && cr) {
		int rcol = COLS - wrap_width(cr, strlen(cr)) - 1;
		if (rcol > 2)
			tui_put(y, rcol, cr, strlen(cr), COLS - rcol, theme_attr(TH_STATUS));
		tui_put(y, 1, cl, strlen(cl), rcol - 3, err ? theme_attr(TH_ERROR) | A_REVERSE : theme_attr(TH_STATUS));
	}
	free(cl);
	free(cr);
}
