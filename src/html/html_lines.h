/*
 * html_lines.h: single lines of text recognised as page furniture (credits,
 * tag lists, a date or byline alone, calls to action, teaser labels), in
 * English, German, French, Spanish, Italian and Polish. Pure functions of
 * the NUL-terminated UTF-8 line given; nothing is allocated.
 */
#ifndef DATELINE_HTML_LINES_H
#define DATELINE_HTML_LINES_H

/* 1 when the line is never article text wherever it stands: "Foto: ...",
 * "Tags: ...", "23.10.2018", "Posted on", "Von Jane Doe". */
int html_line_is_furniture(const char *line);

/* 1 when the line invites the reader elsewhere ("Subscribe", "Mehr zum
 * Thema", "Lire aussi"): furniture at the end of an article. */
int html_line_is_call(const char *line);

/* 1 when the line is the label of a list of other articles ("Related",
 * "Das könnte Sie auch interessieren"): what follows it is not the article. */
int html_line_opens_teasers(const char *line);

#endif
