/*
 * text.h: the public interface of src/text/: plain-text articles into the model.
 * Each part below opens with what its module does and who owns the pointers it hands out.
 */
#ifndef DATELINE_TEXT_H
#define DATELINE_TEXT_H

#include <stddef.h>

/*
 * text.h: plain-text articles.
 *
 * Two shapes are read: one paragraph a line with no blank lines (short
 * capitalised lines without closing punctuation are section headings), and
 * blank-line separated paragraphs whose first line is the headline. Hard-wrapped
 * lines inside a block are joined.
 */
struct article;

/*
 * Fills a (new, empty) article from text[0..len), which may be in any state:
 * invalid UTF-8 is repaired (text that is not UTF-8 at all is read as
 * windows-1252), CR LF and CR become LF, controls are kept out of the model.
 * Returns 0, or -1 with a message in err (empty input, binary data, out of
 * memory). The article keeps no pointer into text.
 */
int text_parse(const char *text, size_t len, struct article *a, char *err, size_t errlen);

/*
 * 1 when line[0..len) reads as a section heading: short, capitalised, no
 * closing punctuation. Exposed for the HTML reader and tests.
 */
int text_is_heading(const char *line, size_t len);

#endif
