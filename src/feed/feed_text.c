/* feed_text.c: feed fields as plain text for display (see feed_text.h). */
#include "feed.h"
#include "base.h"
#include "decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


/*
 * HTML element names: "<" followed by one of these is a tag; anything else
 * ("Tides <explained>" in a plain-text title) stays text.
 */
static int is_html_tag(const char *name, size_t n)
{
	static const char *const t[] = {
		"a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blink",
		"blockquote", "body", "br", "button", "caption", "center", "cite", "code", "col", "dd", "del",
		"details", "dfn", "div", "dl", "dt", "em", "embed", "figcaption", "figure", "font", "footer",
		"form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img",
		"input", "ins", "kbd", "li", "link", "main", "mark", "math", "meta", "nav", "noscript", "object",
		"ol", "p", "picture", "pre", "q", "s", "samp", "script", "section", "small", "source", "span",
		"strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "tfoot", "th",
		"thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr"};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (strlen(t[i]) == n && !strncasecmp(name, t[i], n))
			return 1;
	return 0;
}

/* Tags whose end or start separates words. */
static int is_break_tag(const char *name, size_t n)
{
	static const char *const t[] = {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3",
	                                "h4", "h5", "h6", "blockquote", "pre", "hr", "table", "section", "article"};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (strlen(t[i]) == n && !strncasecmp(name, t[i], n))
			return 1;
	return 0;
}

char *feed_text_plain(const char *s, size_t max)
{
	if (!s)
		return NULL;
	struct buf b = BUF_INIT;
	int space = 1; /* at the start, or after a space: drop further white space */
	int cut = 0;
	const char *end = s + strlen(s);
	buf_append(&b, "", 0);
	for (const char *p = s; *p && !b.failed;) {
		if (max && b.len >= max) {
			cut = 1;
			break;
		}
		/* a run of ordinary printable ASCII is copied whole */
		const char *run = p;
		while ((unsigned char)*p > ' ' && (unsigned char)*p < 0x7F && *p != '<' && *p != '&' &&
		       (!max || b.len + (size_t)(p - run) < max))
			p++;
		if (p > run) {
			buf_append(&b, run, (size_t)(p - run));
			space = 0;
			continue;
		}
		const char *tn = p + 1 + (p[1] == '/');
		size_t nl = 0;
		if (*p == '<')
			while (ascii_isalnum(tn[nl]))
				nl++;
		if (*p == '<' && (!strncmp(p, "<!--", 4) || (is_html_tag(tn, nl) && strchr(" \t\r\n/>", tn[nl])))) {
			const char *n = tn;
			const char *e = !strncmp(p, "<!--", 4) ? strstr(p, "-->") : strchr(p, '>');
			int skip_body = !strncasecmp(n, "script", 6) || !strncasecmp(n, "style", 5);
			if (!e)
				break; /* an unfinished tag ends the text */
			p = e + (!strncmp(p, "<!--", 4) ? 3 : 1);
			if (skip_body && n[-1] != '/') { /* script and style bodies are not text */
				const char *close = ascii_strcasestr(p, (n[1] | 32) == 'c' ? "</script" : "</style");
				p = close ? close : end;
			}
			if (is_break_tag(n, nl) && !space) {
				buf_putc(&b, ' ');
				space = 1;
			}
			continue;
		}
		uint32_t cp = (unsigned char)*p;
		size_t n = 1;
		if (*p == '&' && (n = entity_decode(p, (size_t)(end - p), &cp)) == 0) {
			n = 1;
			cp = '&';
		} else if (*p != '&') {
			n = utf8_decode(p, (size_t)(end - p), &cp);
			cp = n ? cp : 0xFFFD;
			n = n ? n : 1;
		}
		p += n;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
			if (!space)
				buf_putc(&b, ' ');
			space = 1;
			continue;
		}
		char u[4];
		buf_append(&b, u, utf8_encode(cp, u));
		space = 0;
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	if (cut) {
		while (b.len && ((unsigned char)b.data[b.len - 1] & 0xC0) == 0x80) /* back to a boundary */
			b.len--;
		if (b.len && (unsigned char)b.data[b.len - 1] >= 0xC0)
			b.len--;
		b.data[b.len] = '\0';
		buf_puts(&b, "\u2026");
	}
	if (b.failed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}
