/* analysis.c: the analysis stage, run once on every parsed article. */
#include "analysis.h"
#include "base.h"
#include "model.h"
#include "dateline.h"
#include "entities.h"
#include "quotes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADLINE_TARGET 100 /* bytes: a derived headline longer than this is cut */
#define HEADLINE_MIN 40     /* ... but not shorter than this */
#define DATELINE_PARAGRAPHS 2 /* a byline or a summary may stand before the dateline */
#define SUMMARY_MAX 400       /* bytes: a longer paragraph is the story itself */
#define BYLINE_MAX 80         /* bytes: a paragraph this short before the dateline is a byline */


/* Words after which a period does not end a sentence. */
static const char *const abbreviations[] = {
	"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "St",
	"Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Aug",
	"Sept", "Sep", "Oct", "Nov", "Dec", "Prof", "Rev", "Adm", "Maj", "Supt", "Mt", "Ft", NULL,
};

/* Words before which a long sentence reads well cut ("... Putin | on Tuesday as part of"). */
static const char *const break_words[] = {
	" as ", " after ", " while ", " when ", " but ", " amid ", " following ", " because ",
	" despite ", " since ", " although ", " which ", " who ", " that ", " with ", " on ", " in ",
	" at ", NULL,
};

static int is_abbreviation(const char *s, size_t dot)
{
	size_t b = dot;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	size_t n = dot - b;
	if (n == 1 && ascii_isupper(s[b]))
		return 1; /* an initial: "John F. Kennedy" */
	for (size_t i = b; i < dot; i++)
		if (s[i] == '.')
			return 1; /* "U.S." and "a.m." */
	for (const char *const *a = abbreviations; *a; a++)
		if (strlen(*a) == n && !memcmp(*a, s + b, n))
			return 1;
	return 0;
}

/* Length of the first sentence of s (terminal punctuation excluded). */
static size_t first_sentence(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c != '.' && c != '!' && c != '?')
			continue;
		size_t j = i + 1;
		while (j < len && (s[j] == '"' || s[j] == '\'' ||
		       (j + 2 < len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
		        ((unsigned char)s[j + 2] == 0x9D || (unsigned char)s[j + 2] == 0x99))))
			j += (s[j] == '"' || s[j] == '\'') ? 1 : 3;
		if (j < len && s[j] != ' ')
			continue;
		if (c == '.' && is_abbreviation(s, i))
			continue;
		return i;
	}
	return len;
}

size_t analysis_derive_headline(const char *lede, size_t body_start, char *out, size_t cap)
{
	if (!lede || !cap)
		return 0;
	size_t len = strlen(lede);
	if (body_start > len)
		body_start = len;
	const char *s = lede + body_start;
	len -= body_start;
	while (len && *s == ' ') {
		s++;
		len--;
	}
	size_t n = first_sentence(s, len);
	while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':'))
		n--;
	if (n > HEADLINE_TARGET) {
		/* the latest natural break between HEADLINE_MIN and HEADLINE_TARGET */
		size_t best = 0;
		for (size_t i = HEADLINE_MIN; i < HEADLINE_TARGET && i < n; i++) {
			if (s[i] == ',' || s[i] == ';' || s[i] == ':')
				best = i;
			for (const char *const *w = break_words; *w; w++)
				if (!strncmp(s + i, *w, strlen(*w)))
					best = i;
			if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
				best = i;
		}
		if (best) {
			n = best;
		} else {
			/* cut at the last space and mark the cut */
			n = HEADLINE_TARGET;
			while (n > HEADLINE_MIN && s[n] != ' ')
				n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
			n--;
		if (!best && n + 4 < cap) {
			if (n >= cap)
				n = cap - 1;
			memcpy(out, s, n);
			memcpy(out + n, "\xE2\x80\xA6", 3); /* ellipsis */
			out[n + 3] = '\0';
			return n + 3;
		}
	}
	if (n >= cap)
		n = cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

/*
 * The dateline opens the story, after a byline or a summary paragraph when
 * there is one: the first DATELINE_PARAGRAPHS paragraphs are tried, each
 * skipped one no longer than a summary. *para receives where it was found.
 */
static int find_dateline(const struct article *a, struct dateline_match *m, int *para)
{
	for (int p = 0; p < DATELINE_PARAGRAPHS; p++) {
		const char *text = article_paragraph(a, 0, p);
		if (!text)
			return 0;
		size_t n = strlen(text);
		if (dateline_parse(text, n, a->published, m)) {
			*para = p;
			return 1;
		}
		if (n > SUMMARY_MAX)
			return 0;
	}
	return 0;
}

int analysis_dateline(struct article *a)
{
	struct dateline_match m;
	int para;
	if (!find_dateline(a, &m, &para))
		return 0;
	if (article_set_dateline(a, m.place[0] ? m.place : NULL, m.date[0] ? m.date : NULL,
	                         m.agency[0] ? m.agency : NULL, m.raw))
		return -1;
	a->dateline->date_at = m.at;
	return 0;
}

/*
 * The headline made from the lede never includes the dateline; a byline
 * before the dateline is no headline either, while a summary paragraph is one.
 */
static size_t headline_from_lede(const struct article *a, char *h, size_t cap)
{
	struct dateline_match m;
	int para = 0;
	size_t skip = 0;
	if (find_dateline(a, &m, &para)) {
		skip = m.body_start;
		for (int p = 0; p < para; p++)
			if (strlen(article_paragraph(a, 0, p)) > BYLINE_MAX) {
				para = 0;
				skip = 0; /* the summary */
				break;
			}
	}
	return analysis_derive_headline(article_paragraph(a, 0, para), skip, h, cap);
}

/* Bytes of text the analysis would read: the headline and every paragraph. */
static size_t text_size(const struct article *a)
{
	size_t n = a->headline ? strlen(a->headline) : 0;
	for (size_t s = 0; s < a->n_sections; s++)
		for (size_t p = 0; p < a->sections[s].n_paragraphs; p++)
			n += strlen(a->sections[s].paragraphs[p]);
	return n;
}

/* The stages in pipeline order, over what the window shows of the article. */
static int analyse(struct article *a, char *err, size_t errlen)
{
	if (analysis_dateline(a))
		goto oom;
	if (!a->headline) {
		char h[HEADLINE_TARGET + 8];
		size_t n = headline_from_lede(a, h, sizeof h);
		if (n) {
			if (article_set(&a->headline, h, n))
				goto oom;
			a->headline_derived = 1;
		}
	}
	if (entities_find(a) || quotes_find(a))
		goto oom;
	return 0;
oom:
	snprintf(err, errlen, "out of memory while analysing the article");
	return -1;
}

/*
 * The limits live here, around the stages, so the entity and quote finders
 * stay free of them. A long article is analysed through a window: the
 * section and paragraph counts are cut to its first ANALYSIS_MAX_TEXT bytes
 * while the finders run, then restored (what they record are indexes into
 * the same paragraphs, valid in the whole article).
 */
int analysis_run(struct article *a, char *err, size_t errlen)
{
	size_t n_sections = a->n_sections, cut_paragraphs = 0, used = a->headline ? strlen(a->headline) : 0;
	char *split = NULL, split_byte = 0; /* a paragraph cut inside for the window, and its byte at the cut */
	for (size_t s = 0; s < a->n_sections; s++) {
		size_t p = 0;
		while (p < a->sections[s].n_paragraphs && used + strlen(a->sections[s].paragraphs[p]) <= ANALYSIS_MAX_TEXT)
			used += strlen(a->sections[s].paragraphs[p++]);
		if (p < a->sections[s].n_paragraphs && used < ANALYSIS_MAX_TEXT) {
			/* the paragraph that crosses the limit is analysed up to it (one huge paragraph would get nothing) */
			char *para = a->sections[s].paragraphs[p++];
			size_t keep = ANALYSIS_MAX_TEXT - used;
			while (keep && ((unsigned char)para[keep] & 0xC0) == 0x80)
				keep--;
			split = para + keep, split_byte = *split, *split = '\0';
		}
		if (p < a->sections[s].n_paragraphs || split) {
			cut_paragraphs = a->sections[s].n_paragraphs;
			a->sections[s].n_paragraphs = p;
			a->n_sections = s + 1;
			break;
		}
	}
	int rc = analyse(a, err, errlen);
	if (split)
		*split = split_byte;
	if (a->n_sections != n_sections || cut_paragraphs) {
		a->sections[a->n_sections - 1].n_paragraphs = cut_paragraphs;
		a->n_sections = n_sections;
	}
	if (rc)
		return rc;
	/* counts past the limits: the first ones are kept, the rest freed */
	for (size_t i = ANALYSIS_MAX_QUOTES; i < a->n_quotes; i++) {
		free(a->quotes[i].text);
		free(a->quotes[i].speaker);
		free(a->quotes[i].cue);
	}
	if (a->n_quotes > ANALYSIS_MAX_QUOTES)
		a->n_quotes = ANALYSIS_MAX_QUOTES;
	while (a->n_entities > ANALYSIS_MAX_ENTITIES)
		article_remove_entity(a, a->n_entities - 1);
	return 0;
}

int analysis_limit_note(const struct article *a, char *note, size_t cap)
{
	size_t text = text_size(a);
	if (text > ANALYSIS_MAX_TEXT)
		snprintf(note, cap, "only the first %zu KiB of %zu KiB of text were analysed", ANALYSIS_MAX_TEXT >> 10,
		         text >> 10);
	else if (a->n_quotes >= ANALYSIS_MAX_QUOTES)
		snprintf(note, cap, "only the first %d quotations are kept", ANALYSIS_MAX_QUOTES);
	else if (a->n_entities >= ANALYSIS_MAX_ENTITIES)
		snprintf(note, cap, "only the first %d people, organisations and places are kept", ANALYSIS_MAX_ENTITIES);
	else
		return 0;
	return 1;
}
