/*
 * tui.h: the ncurses interface. The only module that draws on the terminal;
 * it never calls curl or libxml2 itself.
 */
#ifndef DATELINE_TUI_H
#define DATELINE_TUI_H

#include <stddef.h>

struct article;

/*
 * Shows arts[0..n) one at a time in the reader until the user quits.
 * Borrows the articles (the caller still owns and frees them). Returns 0, or
 * -1 with a message in err when the terminal cannot be used.
 */
int tui_read(struct article **arts, size_t n, char *err, size_t errlen);

#endif
