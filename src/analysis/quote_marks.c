/* quote_marks.c: quotation marks of a paragraph and the shape of a quotation (see quote_marks.h). */
#include "quote_marks.h"
#include "lexicon.h"

#include <string.h>

static int is_opening(unsigned char mark)
{
	return mark == QM_OPEN || mark == QM_LOW_OPEN;
}

int quote_marks_has_letter(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			return 1;
	return 0;
}

/* Small words a title in title case leaves in lower case. */
static const char *const title_small[] = {
	"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", NULL,
};

/*
 * A quotation in title case right after "on", "in" or a possessive names a
 * programme or a publication ("said on “Fox News Sunday”", "NBC's “Nightly
 * News”"): nobody said it.
 */
int quote_marks_title(const char *text, const struct token_list *tl, size_t open, size_t close)
{
	if (open == 0 || close > tl->n)
		return 0;
	const struct token *p = &tl->v[open - 1];
	if (!(p->kind == TOK_POSS || (p->kind == TOK_WORD && (tokens_is(text, p, "on") || tokens_is(text, p, "in")))))
		return 0;
	size_t words = 0;
	for (size_t k = open + 1; k < close; k++) {
		const struct token *t = &tl->v[k];
		if (t->kind != TOK_WORD)
			continue;
		int small = 0;
		for (const char *const *w = title_small; *w; w++)
			small |= tokens_is(text, t, *w);
		if (!(t->flags & (TOKF_CAP | TOKF_ALLCAPS)) && !(small && words))
			return 0;
		words++;
	}
	return words > 0 && words <= 6;
}

/* Partial unless it starts with a capital where a sentence may start. */
int quote_marks_partial(const struct token_list *tl, size_t open)
{
	size_t w = open + 1; /* “@Kim and I …”, “[We] have …”: the first word decides */
	while (w + 1 < tl->n && tl->v[w].kind == TOK_PUNCT && strchr("@#[", tl->v[w].punct))
		w++;
	if (w > open + 1 && (tl->v[w].flags & TOKF_CAP || tl->v[w].kind == TOK_WORD) &&
	    !(open > 0 && tl->v[open - 1].kind == TOK_WORD))
		return 0;
	if (open + 1 >= tl->n || !(tl->v[open + 1].flags & TOKF_CAP)) {
		if (open + 1 < tl->n && tl->v[open + 1].kind == TOK_PUNCT && tl->v[open + 1].punct == '.')
			return 0; /* “…and then” */
		return 1;
	}
	if (open == 0)
		return 0;
	const struct token *p = &tl->v[open - 1];
	if (p->kind == TOK_PUNCT && strchr(":,-.!?(", p->punct))
		return 0;
	if (p->kind == TOK_QUOTE)
		return 0;
	return 1;
}

/*
 * With single marks as the primary ones (British style): ‘ opening before a
 * letter reads as “, ’ closing before a space, punctuation or the end as ”;
 * "the ’90s" and rock ’n’ roll stay apostrophes.
 */
static unsigned char primary_single(const char *text, const struct token_list *tl, size_t k, size_t last_close)
{
	const struct token *v = tl->v;
	if (v[k].mark == QM_SINGLE_OPEN) {
		if ((k + 1 >= last_close && k > 0) || k + 1 >= tl->n || v[k + 1].kind != TOK_WORD ||
		    (v[k + 1].flags & TOKF_SPACE_BEFORE))
			return QM_SINGLE_OPEN; /* no closing after it, nor opening its paragraph: an apostrophe */
		char c = text[v[k + 1].start];
		if ((c >= '0' && c <= '9') || (v[k + 1].end - v[k + 1].start == 1 && c >= 'a' && c <= 'z'))
			return QM_SINGLE_OPEN; /* the ’90s, isn ‘t */
		return QM_OPEN;
	}
	if (v[k].mark == QM_SINGLE_CLOSE && !(v[k].flags & TOKF_SPACE_BEFORE) && k > 0 &&
	    (k + 1 == tl->n || (v[k + 1].flags & TOKF_SPACE_BEFORE) || v[k + 1].kind == TOK_PUNCT))
		return QM_CLOSE;
	return v[k].mark;
}

size_t quote_marks_pair(const char *text, const struct token_list *tl, int carried, int singles,
                        struct quote_span *out, unsigned char *in_quote)
{
	size_t n = tl->n, ns = 0;
	const struct token *v = tl->v;
	size_t cur = n, depth = 0; /* depth: curly quotations nested in the open one */
	unsigned char mark = 0;
	int cont = 0;
	size_t last_close = 0; /* with singles: the last closing single mark */
	for (size_t k = n; singles && k > 0 && !last_close; k--)
		if (v[k - 1].kind == TOK_QUOTE && primary_single(text, tl, k - 1, 0) == QM_CLOSE)
			last_close = k - 1;
	unsigned char first = n && singles && v[0].kind == TOK_QUOTE ? primary_single(text, tl, 0, last_close) : n ? v[0].mark : 0;
	if (carried && n && v[0].kind == TOK_QUOTE && (is_opening(first) || first == QM_STRAIGHT)) {
		cur = 0;
		mark = first;
		cont = 1;
	}
	for (size_t k = cont ? 1 : 0; k < n; k++) {
		unsigned char m = v[k].mark;
		if (singles && v[k].kind == TOK_QUOTE)
			m = primary_single(text, tl, k, last_close);
		if (v[k].kind != TOK_QUOTE || m == QM_SINGLE_OPEN || m == QM_SINGLE_CLOSE)
			continue;
		if (cur == n) {
			int closer_like = m == QM_STRAIGHT && !(v[k].flags & TOKF_SPACE_BEFORE) && k > 0 &&
			                  (k + 1 == n || (v[k + 1].flags & TOKF_SPACE_BEFORE));
			if (is_opening(m) || (m == QM_STRAIGHT && !closer_like) ) {
				cur = k;
				mark = m;
			}
			continue;
		}
		int closes = m == QM_CLOSE || m == QM_STRAIGHT || (mark == QM_LOW_OPEN && m == QM_OPEN);
		if (m == QM_OPEN && mark == QM_OPEN) {
			depth++; /* “… he calls “hell” than …”: a quotation inside a quotation */
			continue;
		}
		if (closes && depth && m != QM_STRAIGHT) {
			depth--;
			continue;
		}
		out[ns++] = (struct quote_span){cur, k, cont, !closes};
		depth = 0;
		cont = 0;
		cur = closes ? n : k;
		mark = m;
	}
	if (cur < n)
		out[ns++] = (struct quote_span){cur, n, cont, 0};
	for (size_t i = 0; i < ns; i++)
		for (size_t k = out[i].open; k <= out[i].close && k < n; k++)
			in_quote[k] = 1;
	return ns;
}

int quote_marks_nickname(const struct token_list *tl, size_t open, size_t close)
{
	const struct token *v = tl->v;
	if (open == 0 || close + 1 >= tl->n || close < open + 2 || close > open + 3)
		return 0;
	const struct token *before = &v[open - 1], *after = &v[close + 1];
	if (before->kind != TOK_WORD || !(before->flags & TOKF_CAP) || after->kind != TOK_WORD ||
	    !(after->flags & TOKF_CAP) || !(after->flags & TOKF_SPACE_BEFORE) || !(v[open].flags & TOKF_SPACE_BEFORE))
		return 0;
	for (size_t k = open + 1; k < close; k++)
		if (v[k].kind != TOK_WORD || !(v[k].flags & TOKF_CAP))
			return 0;
	return 1;
}

/* 1 when the words between the marks are in title case: two or more, each capitalised but small joiners. */
static int title_case(const char *text, const struct token_list *tl, size_t open, size_t close)
{
	size_t words = 0, caps = 0;
	for (size_t k = open + 1; k < close; k++) {
		const struct token *t = &tl->v[k];
		if (t->kind == TOK_QUOTE && t->mark != QM_SINGLE_OPEN && t->mark != QM_SINGLE_CLOSE)
			return 0; /* (but “Takin’ It to the Streets”) */
		if (t->kind != TOK_WORD)
			continue;
		int small = 0;
		for (const char *const *w = title_small; *w; w++)
			small |= tokens_is(text, t, *w);
		if (!(t->flags & TOKF_CAP) && !(small && words))
			return 0;
		caps += (t->flags & TOKF_ALLCAPS) != 0;
		words++;
	}
	return words >= 2 && words <= 16 && caps < words;
}

/*
 * One word that is an account name, hashtag or abbreviation rather than a
 * word anyone said: “factcheckUK”, “@cchq”, “DWTS”.
 */
static int handle(const char *text, const struct token_list *tl, size_t open, size_t close)
{
	size_t b = open + 1, e = close;
	if (b < e && tl->v[b].kind == TOK_PUNCT && (tl->v[b].punct == '@' || tl->v[b].punct == '#'))
		return 1;
	while (e > b && tl->v[e - 1].kind == TOK_PUNCT && strchr(".,", tl->v[e - 1].punct))
		e--;
	if (e != b + 1 || tl->v[b].kind != TOK_WORD)
		return 0;
	const struct token *t = &tl->v[b];
	if ((t->flags & TOKF_ALLCAPS) && !(t->flags & TOKF_ABBREV))
		return 1;
	for (size_t i = t->start + 1; i < t->end; i++)
		if (text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z')
			return 1; /* camelCase */
	return 0;
}

/* Words after which a quotation names something rather than reports words: "dubbed the “Hanoi Hilton”". */
static const char *const naming_words[] = {
	"dubbed", "nicknamed", "so-called", "titled", "entitled", "term", "phrase", "hashtag",
	"slogan", "motto", "catchphrase", NULL,
};

/* Nouns a quoted name goes with: the “Starts with one” campaign, the campaign “Starts with one.” */
static const char *const named_things[] = {
	"campaign", "slogan", "motto", "hashtag", "initiative", "programme", "program", "series",
	"podcast", "album", "song", "film", "movie", "documentary", "exhibition", "festival", NULL,
};

/* Subjects after which "called" and "named" report someone's words: "what he called “a disaster”". */
static const char *const speaking_subjects[] = {
	"he", "she", "they", "we", "i", "you", "who", "it", NULL,
};

/* Words that follow a quoted word without making it a modifier: a “liar” and, a “champion” for. */
static const char *const function_words[] = {
	"and", "or", "but", "for", "to", "of", "in", "on", "at", "by", "with", "from", "that", "who",
	"which", "as", "than", "if", "when", "is", "was", "are", "were", "be", "has", "had", "have",
	"he", "she", "they", "it", "we", "after", "before", "because", "since", "while", "about", NULL,
};

static int word_in(const char *text, const struct token *t, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (t->kind == TOK_WORD && tokens_is(text, t, *w))
			return 1;
	return 0;
}

int quote_marks_mention(const char *text, const struct token_list *tl, size_t open, size_t close)
{
	if (close > tl->n || close <= open + 1)
		return 0;
	if (title_case(text, tl, open, close) || handle(text, tl, open, close))
		return 1;
	size_t k = open;
	while (k > 0 && tl->v[k - 1].kind == TOK_WORD &&
	       (tokens_is(text, &tl->v[k - 1], "the") || tokens_is(text, &tl->v[k - 1], "a") || tokens_is(text, &tl->v[k - 1], "an")))
		k--;
	if (close + 1 < tl->n && word_in(text, &tl->v[close + 1], named_things))
		return 1; /* the “Meth. We’re on it” campaign */
	if (k == 0)
		return 0;
	if (word_in(text, &tl->v[k - 1], named_things) && tl->v[open + 1].kind == TOK_WORD && (tl->v[open + 1].flags & TOKF_CAP))
		return 1; /* the campaign “Starts with one.” (not "expects the campaign “to continue …”") */
	if (k < open && close == open + 2 && close + 1 < tl->n && tl->v[close + 1].kind == TOK_WORD &&
	    !(tl->v[close + 1].flags & TOKF_CAP) && !word_in(text, &tl->v[close + 1], function_words) &&
	    !(lexicon_lookup(text + tl->v[close + 1].start, tl->v[close + 1].end - tl->v[close + 1].start, NULL) & LEX_STOP))
		return 1; /* the “Pose” actor, a “reset” button: a name used as a modifier */
	size_t words = 0;
	for (size_t j = open + 1; j < close; j++)
		words += tl->v[j].kind == TOK_WORD;
	if (k + 1 == open && words == 1 && close <= open + 4 && tokens_is(text, &tl->v[k], "the"))
		return 1; /* the “whistleblower”: one word the writer holds at a distance, not a report of speech */
	const struct token *w = &tl->v[k - 1];
	if (word_in(text, w, naming_words))
		return 1;
	if (tokens_is(text, w, "as") && k >= 2 && tokens_is(text, &tl->v[k - 2], "known"))
		return 1; /* known as the “Black Death” */
	if (w->kind == TOK_WORD && (tokens_is(text, w, "called") || tokens_is(text, w, "named")) && k >= 2) {
		const struct token *s = &tl->v[k - 2]; /* "a series called", "is called": nobody speaks */
		return s->kind == TOK_WORD && !(s->flags & TOKF_CAP) && !word_in(text, s, speaking_subjects);
	}
	return 0;
}

/* Whether s[0, n) opens with a speaker's label in capitals, "WALLACE: " or "MR. PENCE: ". */
int quote_marks_turn_label(const char *s, size_t n)
{
	size_t k = 0, caps = 0;
	while (k < n && k < 32 && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == ' ' || s[k] == '.' || s[k] == '-')) {
		caps += s[k] >= 'A' && s[k] <= 'Z';
		k++;
	}
	return caps >= 2 && k + 1 < n && s[k] == ':' && s[k + 1] == ' ';
}
