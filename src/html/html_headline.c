/*
 * html_headline.c: choosing the article's own headline.
 *
 * Pages set their headline in an <h1> and repeat it, with the site's name
 * around it, in <title>, og:title and JSON-LD. Metadata titles are written
 * for search engines and shares (shortened, suffixed, sometimes another
 * wording); the <h1> is what the reader sees. So an <h1> that the metadata
 * repeats is the headline, an <h1> that only names the site (or links home)
 * never is, and without such an <h1> the best metadata title is taken with
 * the site's name cut off.
 */
#include "html_headline.h"
#include "html_dom.h"
#include "html_title.h"
#include "base.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 80
#define H1_MAX 12
#define H1_TEXT_MAX 400
#define TEXT_MAX 1024
/* How alike an <h1> and a metadata title must be for the <h1> to be taken. */
#ifndef AGREE
#define AGREE 0.5
#endif

struct words {
	const char *w[MAX_WORDS];
	size_t len[MAX_WORDS];
	int n;
};

/* Bytes of the letter or digit at s, 0 when s starts punctuation or space. */
static size_t letter_at(const char *s)
{
	unsigned char c = (unsigned char)s[0], d = (unsigned char)s[1];
	if (c < 0x80)
		return isalnum(c) ? 1 : 0;
	if (c < 0xC0)
		return 1; /* a stray continuation byte: part of whatever word it is in */
	/* Latin-1 punctuation (nbsp to ¿, ×, ÷), general punctuation (dashes,
	 * quotes, bullets, ›), CJK and full-width punctuation */
	if ((c == 0xC2 && d >= 0xA0 && d <= 0xBF) || (c == 0xC3 && (d == 0x97 || d == 0xB7)) ||
	    (c == 0xE2 && (d == 0x80 || d == 0x81)) || (c == 0xE3 && d == 0x80) || (c == 0xEF && d == 0xBC))
		return 0;
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return i;
	return n;
}

static void split_words(const char *s, struct words *w)
{
	w->n = 0;
	while (*s && w->n < MAX_WORDS) {
		size_t k = letter_at(s);
		if (!k) {
			s++;
			continue;
		}
		const char *start = s;
		while (*s && (k = letter_at(s)))
			s += k;
		w->w[w->n] = start;
		w->len[w->n++] = (size_t)(s - start);
	}
}

static int word_eq(const struct words *a, int i, const struct words *b, int j)
{
	return a->len[i] == b->len[j] && !strncasecmp(a->w[i], b->w[j], a->len[i]);
}

static int has_word(const struct words *a, int i, const struct words *b)
{
	for (int j = 0; j < b->n; j++)
		if (word_eq(a, i, b, j))
			return 1;
	return 0;
}

static double dice(const struct words *a, const struct words *b)
{
	if (!a->n || !b->n)
		return 0;
	int m = 0;
	for (int i = 0; i < a->n; i++)
		m += has_word(a, i, b);
	for (int j = 0; j < b->n; j++)
		m += has_word(b, j, a);
	return (double)m / (double)(a->n + b->n);
}

double html_headline_alike(const char *a, const char *b)
{
	struct words wa, wb;
	split_words(a, &wa);
	split_words(b, &wb);
	return dice(&wa, &wb);
}

/* 1 when the words of b run, in order and together, inside a. */
static int runs_inside(const struct words *a, const struct words *b)
{
	for (int i = 0; b->n && i + b->n <= a->n; i++) {
		int j = 0;
		while (j < b->n && word_eq(a, i + j, b, j))
			j++;
		if (j == b->n)
			return 1;
	}
	return 0;
}

/* Letters and digits of s[0..len) into out, dots and dashes dropped. */
static void flatten(const char *s, size_t len, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < len && s[i] && k < cap - 1; i++)
		if (s[i] != '.' && s[i] != '-')
			out[k++] = s[i];
	out[k] = '\0';
}

/* 1 when text's words and letters are the host's name: the host from any
 * label on ("valleytimes.example"), or one label but the last ("Silvias"). */
static int names_host(const struct words *t, const char *host)
{
	if (!host || !t->n)
		return 0;
	char joined[256], flat[256];
	size_t k = 0;
	for (int i = 0; i < t->n; i++)
		for (size_t j = 0; j < t->len[i] && k < sizeof joined - 1; j++)
			joined[k++] = t->w[i][j];
	joined[k] = '\0';
	for (const char *label = host; label && *label;) {
		const char *dot = strchr(label, '.');
		flatten(label, strlen(label), flat, sizeof flat);
		if (!strcasecmp(joined, flat))
			return 1;
		if (dot && dot - label >= 3) {
			flatten(label, (size_t)(dot - label), flat, sizeof flat);
			if (!strcasecmp(joined, flat))
				return 1;
		}
		label = dot ? dot + 1 : NULL;
	}
	return 0;
}

/* 1 when text is the site's name rather than a headline. */
int html_headline_names_site(const char *text, const struct headline_sources *src)
{
	struct words t, s;
	split_words(text, &t);
	if (!t.n)
		return 1;
	for (size_t i = 0; i < sizeof src->sites / sizeof *src->sites; i++) {
		if (!src->sites[i])
			continue;
		split_words(src->sites[i], &s);
		if (dice(&t, &s) >= 0.75 || (t.n <= 4 && runs_inside(&s, &t) && t.n * 2 >= s.n))
			return 1;
	}
	/* a name written as a domain ("Example.net") */
	const char *dot = strrchr(text, '.');
	if (t.n == 2 && !strchr(text, ' ') && dot && dot[1] && strlen(dot + 1) <= 4)
		return 1;
	return names_host(&t, src->host);
}

/* Where a separator between a title's parts starts at s, its length; else 0. */
static size_t separator_at(const char *s)
{
	static const char *const seps[] = {
		" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " :: ",
		" // ", " \xC2\xBB ", " \xC2\xAB ", " \xE2\x80\xBA ", " \xE2\x80\xB9 ", " ~ ", " || ",
		" : ", NULL,
	};
	if (*s != ' ')
		return 0;
	for (int i = 0; seps[i]; i++)
		if (!strncmp(s, seps[i], strlen(seps[i])))
			return strlen(seps[i]);
	return 0;
}

int html_headline_strip_site(const char *title, const struct headline_sources *src, char *out, size_t cap)
{
	/* the parts: [starts[i], ends[i]) */
	size_t starts[16], ends[16];
	int n = 0;
	size_t tl = strlen(title), from = 0;
	for (size_t i = 0; i < tl && n < 15; i++) {
		size_t k = separator_at(title + i);
		if (!k)
			continue;
		starts[n] = from, ends[n++] = i;
		from = i + k;
		i += k - 1;
	}
	starts[n] = from, ends[n++] = tl;
	int lo = 0, hi = n - 1, cut = 0;
	char part[TEXT_MAX];
	while (lo < hi) {
		size_t pl = ends[hi] - starts[hi];
		snprintf(part, sizeof part, "%.*s", (int)pl, title + starts[hi]);
		if (html_headline_names_site(part, src)) {
			hi--;
			cut = 1;
			continue;
		}
		pl = ends[lo] - starts[lo];
		snprintf(part, sizeof part, "%.*s", (int)pl, title + starts[lo]);
		if (html_headline_names_site(part, src)) {
			lo++;
			cut = 1;
			continue;
		}
		break;
	}
	size_t len = ends[hi] - starts[lo];
	if (cap)
		snprintf(out, cap, "%.*s", (int)len, title + starts[lo]);
	return cut;
}

/* 1 when n holds a link to the site's home page covering its text (a logo). */
static int links_home(xmlNode *n, size_t text_len)
{
	for (xmlNode *c = n; c; c = dom_next(c, n, 0)) {
		const char *href = dom_attr(c, "href");
		if (!dom_is(c, "a") || !href)
			continue;
		const char *p = href;
		if (!strncasecmp(p, "http://", 7) || !strncasecmp(p, "https://", 8)) {
			p = strstr(p, "//") + 2;
			p += strcspn(p, "/");
		}
		if (*p && strcmp(p, "/") && strcmp(p, "#") && strncasecmp(p, "/index.", 7) && strncasecmp(p, "index.", 6))
			continue;
		struct buf b = BUF_INIT;
		dom_text(c, &b, H1_TEXT_MAX);
		dom_text_trim(&b);
		int covers = b.len * 5 >= text_len * 4;
		buf_free(&b);
		if (covers)
			return 1;
	}
	return 0;
}

/* How well a heading agrees with the metadata titles (0..1). */
static double agreement(const char *h1, const char *const *cleaned, size_t n, int extends)
{
	struct words h, m;
	split_words(h1, &h);
	double best = 0;
	for (size_t i = 0; i < n; i++) {
		if (!cleaned[i])
			continue;
		split_words(cleaned[i], &m);
		double d = dice(&h, &m);
		/* a headline the metadata extends ("Headline: the explainer") */
		if (extends && h.n >= 2 && h.n * 5 >= m.n * 2 && runs_inside(&m, &h) && d < 0.9)
			d = 0.9;
		if (d > best)
			best = d;
	}
	return best;
}

struct heading {
	struct buf text;
	double score;
};

/* Trims the separators' marks left at either end of b ("» Name", "Name |"). */
static void trim_marks(struct buf *b)
{
	static const char *const marks[] = {
		" ", "|", "-", "/", ">", ":", "~", "\xC2\xBB", "\xC2\xB7", "\xE2\x80\xBA", "\xE2\x80\x93",
		"\xE2\x80\x94", "\xE2\x80\xA2", NULL,
	};
	if (!b->data)
		return;
	size_t s = 0, e = b->len;
	for (int again = 1; again;) {
		again = 0;
		for (const char *const *m = marks; *m; m++) {
			size_t ml = strlen(*m);
			/* a mark glued to a word is punctuation of the headline («Quote») */
			int spaced = ml == 1 && **m == ' ';
			if (e - s >= ml && !strncmp(b->data + s, *m, ml) &&
			    (spaced || s + ml == e || b->data[s + ml] == ' ')) {
				s += ml;
				again = 1;
			}
			if (e - s >= ml && !strncmp(b->data + e - ml, *m, ml) &&
			    (spaced || e - ml == s || b->data[e - ml - 1] == ' ')) {
				e -= ml;
				again = 1;
			}
		}
	}
	memmove(b->data, b->data + s, e - s);
	b->len = e - s;
	b->data[b->len] = '\0';
}

/*
 * Scores heading e and keeps in h the part of it the metadata agrees with
 * best: the whole, an element inside it (a kicker above the headline, a date
 * beside it left out) or a part between separators. 0 or -1 (memory).
 */
/* 1 when n is the kicker set above a headline inside its heading ("Dachzeile", "roofline"). */
static int is_kicker(const xmlNode *n)
{
	static const char *const names[] = {
		"kicker", "dachzeile", "roofline", "overline", "topline", "eyebrow", "spitzmarke", "antetitulo",
		"surtitre", "overhead", "supertitle", NULL,
	};
	return n->type == XML_ELEMENT_NODE && dom_class_has(n, names);
}

/* e's text into b, kickers left out. 0 or -1 (memory). */
static int heading_text(xmlNode *e, struct buf *b)
{
	for (xmlNode *c = e->children; c && b->len <= H1_TEXT_MAX;) {
		if (c->type == XML_ELEMENT_NODE && !is_kicker(c) && c->children) {
			c = c->children;
			continue;
		}
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    dom_text_append(b, (const char *)c->content, strlen((const char *)c->content)))
			return -1;
		if (c->type == XML_ELEMENT_NODE && dom_is_block(c) && dom_text_append(b, " ", 1))
			return -1;
		while (c != e && !c->next)
			c = c->parent;
		if (c == e)
			break;
		c = c->next;
	}
	dom_text_trim(b);
	return 0;
}

static int score_heading(xmlNode *e, const struct headline_sources *src, const char *const *cl, size_t n,
                         struct heading *h)
{
	int h1 = dom_is(e, "h1"); /* an <h2> must say what the titles say, not part of it */
	buf_reset(&h->text);
	if (heading_text(e, &h->text))
		return -1;
	h->score = agreement(h->text.data ? h->text.data : "", cl, n, h1);
	struct buf part = BUF_INIT, whole = BUF_INIT;
	if (h->text.len && buf_puts(&whole, h->text.data))
		return -1;
	int tries = 0;
	for (xmlNode *c = dom_next(e, e, 0); c && tries < 8 && h->score < 1; c = dom_next(c, e, 0), tries++) {
		buf_reset(&part);
		if (dom_text(c, &part, H1_TEXT_MAX + 1)) {
			buf_free(&part);
			buf_free(&whole);
			return -1;
		}
		dom_text_trim(&part);
		/* a kicker before the headline ("<span>Traffic</span> Ferry opens") */
		if (part.len && part.len < whole.len && !strncmp(whole.data, part.data, part.len)) {
			size_t skip = part.len;
			buf_reset(&part);
			if (buf_puts(&part, whole.data + skip)) {
				buf_free(&part);
				buf_free(&whole);
				return -1;
			}
			dom_text_trim(&part);
		}
		struct words w;
		split_words(part.len ? part.data : "", &w);
		double a = w.n >= 2 ? agreement(part.data, cl, n, h1) : 0;
		/* only a part the metadata repeats word for word */
		if (a >= 0.95 && a > h->score + 0.05) {
			struct buf t = h->text;
			h->text = part;
			part = t;
			h->score = a;
		}
	}
	buf_free(&whole);
	/* "Headline | Site" set in the heading itself: the site's part goes */
	const char *t = h->text.data ? h->text.data : "";
	for (size_t i = 0; t[i]; i++) {
		size_t k = separator_at(t + i);
		if (!k)
			continue;
		for (int side = 0; side < 2; side++) {
			buf_reset(&part);
			if (side ? buf_puts(&part, t + i + k) : buf_append(&part, t, i)) {
				buf_free(&part);
				return -1;
			}
			int drop = side ? (int)i : (int)strlen(t + i + k);
			char other[H1_TEXT_MAX + 1];
			snprintf(other, sizeof other, "%.*s", drop, side ? t : t + i + k);
			double a = agreement(part.data, cl, n, h1);
			if (a > h->score + 0.05 && html_headline_names_site(other, src)) {
				struct buf x = h->text;
				h->text = part;
				part = x;
				h->score = a;
				t = h->text.data;
				i = 0;
				break;
			}
		}
	}
	buf_free(&part);
	trim_marks(&h->text);
	return 0;
}

/* The best-agreeing <tag> of the page (up to H1_MAX of them) into best;
 * *count gets how many could be headlines. 0 or -1 (memory). */
static int best_heading(xmlNode *root, const char *tag, const struct headline_sources *src,
                        const char *const *cl, size_t n, struct heading *best, int *count)
{
	struct heading h = {BUF_INIT, 0};
	*count = 0;
	best->score = -1;
	int seen = 0;
	for (xmlNode *e = root; e && seen < H1_MAX;) {
		if (dom_is(e, "head") || dom_is(e, "script") || dom_is(e, "template") || dom_is(e, "noscript")) {
			e = dom_next(e, root, 1);
			continue;
		}
		if (!dom_is(e, tag)) {
			e = dom_next(e, root, 0);
			continue;
		}
		seen++;
		if (score_heading(e, src, cl, n, &h)) {
			buf_free(&h.text);
			return -1;
		}
		if (h.text.len && h.text.len <= H1_TEXT_MAX && !html_headline_names_site(h.text.data, src) &&
		    !links_home(e, h.text.len)) {
			(*count)++;
			if (h.score > best->score) {
				struct heading x = *best;
				*best = h, h = x;
			}
		}
		e = dom_next(e, root, 1);
	}
	buf_free(&h.text);
	return 0;
}

int html_headline_pick(xmlNode *root, const struct headline_sources *src, struct buf *out)
{
	enum { N = sizeof src->titles / sizeof *src->titles };
	char cleaned[N][TEXT_MAX];
	const char *cl[N];
	size_t have = 0;
	buf_reset(out);
	for (size_t i = 0; i < N; i++) {
		cl[i] = NULL;
		if (!src->titles[i] || !*src->titles[i])
			continue;
		/* an unknown site's name still goes, as Readability finds it */
		if (!html_headline_strip_site(src->titles[i], src, cleaned[i], sizeof cleaned[i])) {
			char tmp[TEXT_MAX];
			html_title_clean(cleaned[i], NULL, tmp, sizeof tmp);
			memcpy(cleaned[i], tmp, sizeof tmp);
		}
		if (cleaned[i][0]) {
			cl[i] = cleaned[i];
			have++;
		}
	}
	struct heading h1 = {BUF_INIT, 0}, h2 = {BUF_INIT, 0};
	int n1 = 0, n2 = 0;
	int rc = best_heading(root, "h1", src, cl, N, &h1, &n1);
	const char *pick = NULL;
	if (!rc && n1 && (h1.score > AGREE || (n1 == 1 && !have)))
		pick = h1.text.data;
	/* pages that set the headline a level down still repeat it in their titles */
	if (!rc && !pick && have && !(rc = best_heading(root, "h2", src, cl, N, &h2, &n2)) && n2 && h2.score >= 0.8)
		pick = h2.text.data;
	for (size_t i = 0; !rc && !pick && i < N; i++)
		pick = cl[i];
	if (!rc && pick)
		rc = buf_puts(out, pick);
	buf_free(&h1.text);
	buf_free(&h2.text);
	return rc;
}
