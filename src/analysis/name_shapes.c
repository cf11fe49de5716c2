/*
 * name_shapes.c: what the shape of a run of capitals says about it (see
 * name_shapes.h).
 */
#include "name_shapes.h"
#include "name_words.h"
#include "lexicon.h"

#include <string.h>

/*
 * "London-based", "GateHouse-owned", "World Cup-style": a capitalised word
 * made an adjective by a common word after its last hyphen (four letters or
 * more, so that "Tsai Ing-wen" stays a name).
 */
static int compound_adjective(const char *s, const struct token *t)
{
	if (t->kind != TOK_WORD)
		return 0;
	size_t h = t->end;
	while (h > t->start && s[h - 1] != '-')
		h--;
	if (h <= t->start || t->end - h < 4 || s[h] < 'a' || s[h] > 'z')
		return 0;
	unsigned f = lexicon_lookup(s + h, t->end - h, NULL);
	return (f & LEX_COMMON) && !(f & LEX_PROPER);
}

/* A word that may stand in a name: capitalised, and no adjective of the kind above. */
int names_word_in_name(const char *s, const struct token *t)
{
	if (t->kind == TOK_WORD && s[t->start] >= '0' && s[t->start] <= '9' &&
	    !(lexicon_lookup(s + t->start, t->end - t->start, NULL) & (LEX_ANY_ORG | LEX_ANY_PLACE)))
		return 0; /* "8GB", "4PM", "5G": a measure or a time */
	if (t->kind == TOK_WORD && t->end - t->start >= 19 && !(t->flags & TOKF_ALLCAPS)) {
		size_t upper = 0; /* "Wilsonbigbrandsystem": words run together from markup, no name */
		for (size_t i = t->start; i < t->end; i++)
			upper += (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-';
		if (upper == 1)
			return 0;
	}
	return names_is_cap(t) && !compound_adjective(s, t);
}

/* Words of a sentence, capitalised inside a title ("Money You Will Ever Need"), never inside a name. */
static const char *const title_case_words[] = {
	"you", "your", "me", "my", "we", "our", "is", "are", "was", "were", "will", "with", "it", "its",
	"i", "am", "be", "been", "just", "can", "not", "do", "does", "this", "that", "what", "how", "why",
	"who", "they", "their", "he", "she", "his", "her", "him", "ever", "never", NULL,
};

/* 1 when a word after the first of [b, e) is one of those: the run is a title or a headline. */
int names_title_phrase(const char *s, const struct token *v, size_t b, size_t e)
{
	for (size_t k = b + 1; k < e; k++)
		if ((v[k].flags & TOKF_CAP) && !(v[k].flags & TOKF_ALLCAPS) && names_in_list(s, &v[k], title_case_words))
			return 1;
	return 0;
}

/*
 * "South Dakotans", "Texans", "New Yorkers": the people of a place the
 * lexicon knows, written from its name; never an entity of their own.
 */
int names_people_of_a_place(const char *s, const struct token *v, size_t b, size_t e)
{
	char buf[80];
	size_t start = v[b].start, end = v[e - 1].end, l = end - start;
	if (l + 2 >= sizeof buf || l < 5 || s[end - 1] != 's')
		return 0;
	memcpy(buf, s + start, l);
	static const struct { const char *end, *place_end; } forms[] = {
		{"ns", ""}, {"ians", "a"}, {"ans", "as"}, {"ers", ""}, {"ites", ""}, {"ese", ""},
	};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		size_t fl = strlen(forms[i].end), pl = strlen(forms[i].place_end);
		if (l <= fl + 2 || memcmp(buf + l - fl, forms[i].end, fl))
			continue;
		memcpy(buf + l - fl, forms[i].place_end, pl);
		if (lexicon_lookup(buf, l - fl + pl, NULL) & (LEX_COUNTRY | LEX_REGION | LEX_CITY | LEX_PLACE))
			return 1;
	}
	return 0;
}

/* "Formerly", "Finally": a capitalised adverb of a common word opens a sentence or a list item, never a name ("Daily" may). */
int names_opening_adverb(const char *s, const struct token *t)
{
	size_t l = t->end - t->start;
	unsigned f = names_word_flags(s, t);
	if (l < 6 || memcmp(s + t->end - 2, "ly", 2) || !(f & LEX_COMMON) || (f & (LEX_PROPER | LEX_ANY_GIVEN)))
		return 0;
	return (lexicon_lookup(s + t->start, l - 2, NULL) & (LEX_COMMON | LEX_PROPER)) == LEX_COMMON;
}

/* "St. Louis", "Ste. Genevieve", "Mt. Kenya", "Ft. Worth": a saint's or a mount's name opens a place. */
int names_saint_opens(const char *s, const struct token *v, size_t b, size_t e)
{
	static const char *const saints[] = {"St.", "St", "Ste.", "Saint", "Mt.", "Ft.", NULL};
	return b + 1 < e && names_in_list(s, &v[b], saints) && (v[b + 1].flags & TOKF_CAP) &&
	       !(names_word_flags(s, &v[b + 1]) & LEX_STOP);
}

/*
 * Whether capitalised common words [b, e) open a body's name that goes on
 * after "and" or a possessive: "Securities and Exchange Commission",
 * "Food and Drug Administration", "People's Liberation Army".
 */
int names_joins_body(const char *s, const struct token_list *tl, size_t b, size_t e)
{
	const struct token *v = tl->v;
	if (tokens_is(s, &v[b], "the") && b + 1 < e)
		b++;
	int poss = v[e].kind == TOK_POSS;
	if (!(tokens_is(s, &v[e], "and") || (poss && e - b <= 2)) || !names_word_in_name(s, &v[e + 1]) ||
	    (names_phrase_flags(s, v, b, e, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG | (poss ? LEX_ORG_WORD : 0))))
		return 0; /* "United Nations and European Union" are two; "the Agency's Panel" too */
	for (size_t k = b; k < e; k++) {
		unsigned f = names_word_flags(s, &v[k]);
		/* "Attorney General's Office": an office's name may stand before the possessive */
		if (poss && (f & LEX_TITLE) && !(f & LEX_PROPER))
			continue;
		if (!(f & LEX_COMMON) || (f & (LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_ANY_GIVEN | LEX_TITLE)))
			return 0;
	}
	size_t j = e + 1;
	while (j < tl->n && j < e + 6 && names_word_in_name(s, &v[j]) && v[j].start - v[j - 1].end <= 2)
		j++;
	return (names_word_flags(s, &v[j - 1]) & LEX_ORG_WORD) != 0;
}

/*
 * "Centers for Disease Control and Prevention", "Ministry of Trade and
 * Industry": "and" inside what a body is of or for, when common words in
 * capitals follow it up to the end of the run (not "the Ministry of Health
 * and Finance Minister Ama Boateng", nor "the Bank of Ghana and Ecobank").
 */
int names_joins_body_field(const char *s, const struct token_list *tl, size_t b, size_t e)
{
	const struct token *v = tl->v;
	if (!tokens_is(s, &v[e], "and") || e < b + 3)
		return 0;
	size_t k = e - 1;
	while (k > b + 1 && names_is_cap(&v[k]))
		k--;
	if (names_is_cap(&v[k]) || !(tokens_is(s, &v[k], "of") || tokens_is(s, &v[k], "for") || tokens_is(s, &v[k], "on")) ||
	    !(names_word_flags(s, &v[k - 1]) & LEX_ORG_WORD))
		return 0;
	size_t j = e + 1;
	while (j < tl->n && j < e + 4 && names_word_in_name(s, &v[j]) && v[j].start - v[j - 1].end <= 2) {
		unsigned f = names_word_flags(s, &v[j]);
		if (!(f & LEX_COMMON) || (f & (LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_ANY_GIVEN | LEX_TITLE)) ||
		    (v[j].flags & TOKF_ALLCAPS))
			return 0;
		j++;
	}
	return j > e + 1 && !(j < tl->n && names_is_cap(&v[j]));
}

/* "Hong Kong Human Rights and Democracy Act": "and" inside the name of a law or an event. */
int names_joins_thing(const char *s, const struct token_list *tl, size_t e)
{
	const struct token *v = tl->v;
	if (!tokens_is(s, &v[e], "and") || !names_word_in_name(s, &v[e + 1]))
		return 0;
	size_t j = e + 1;
	while (j < tl->n && j < e + 6 && names_word_in_name(s, &v[j]) && v[j].start - v[j - 1].end <= 2)
		j++;
	/* "Rock and Roll Hall of Fame": a place's word and what it is of ends the name */
	if (j > e + 2 && j + 1 < tl->n && (names_word_flags(s, &v[j - 1]) & LEX_PLACE_LAST) && tokens_is(s, &v[j], "of") &&
	    names_is_cap(&v[j + 1]) && (names_word_flags(s, &v[e - 1]) & (LEX_COMMON | LEX_ANY_PLACE | LEX_TOWN)) == LEX_COMMON)
		return 1;
	return j > e + 2 && (names_word_flags(s, &v[j - 1]) & LEX_THING) != 0;
}
