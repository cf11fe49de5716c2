/*
 * name_context.c: what the words around a name say about it (see
 * name_context.h): a role before or after it, a reporting verb, a place
 * preposition, "the", a noun that names a body.
 */
#include "name_context.h"
#include "names.h"
#include "name_words.h"
#include "lexicon.h"

/* Words that, before a capitalised word, say it is a place. */
static const char *const place_preps[] = {
	"in", "at", "near", "from", "across", "outside", "throughout", "into", "toward", "towards",
	"around", "inside", "via", "visit", "visited", "visiting", NULL,
};

/* Words that may stand between a subject and its reporting verb ("Witkoff also said"). */
static const char *const verb_fillers[] = {
	"also", "later", "then", "has", "had", "have", "was", "is", "would", "will", "did", "does",
	"had", "previously", "recently", "once", "again", "repeatedly", "publicly", "further",
	"earlier", "reportedly", "allegedly", "told", "not", "never", "just", "already", NULL,
};

/* Lower-case words that follow a noun phrase rather than qualify it: "the Ritz in", not "the Biden administration". */
static const char *const after_a_noun[] = {
	"in", "on", "at", "of", "for", "with", "and", "or", "to", "from", "by", "is", "was", "has",
	"had", "will", "would", "which", "that", "who", "where", "since", "after", "before", NULL,
};

/* Common nouns that, right before or after a name, say it names a body. */
static const char *const org_nouns_before[] = {
	"newspaper", "daily", "weekly", "magazine", "company", "firm", "group", "organisation",
	"organization", "agency", "broadcaster", "airline", "carrier", "retailer", "manufacturer",
	"maker", "lender", "insurer", "startup", "start-up", "conglomerate", "stockpiler", "charity",
	"nonprofit", "outlet", "publisher", "website", "automaker", "carmaker", "giant", "club", NULL,
};
static const char *const org_nouns_after[] = {
	"magazine", "daily", "newspaper", "weekly", "airline", "airlines", "broadcaster", NULL,
};

int names_role_word(unsigned f)
{
	return (f & (LEX_TITLE | LEX_HONORIFIC | LEX_MODIFIER | LEX_DEMONYM | LEX_ORG_WORD)) != 0;
}

/*
 * Role words to the left of b ("Kremlin spokesperson", "White House special
 * envoy"): sets *rb to the first; returns 1 when they hold a title.
 */
int names_left_role(const char *s, const struct token *v, size_t lo, size_t b, size_t *rb)
{
	size_t k = b;
	int title = 0;
	while (k > lo) {
		const struct token *t = &v[k - 1];
		unsigned f = names_word_flags(s, t);
		if (t->kind == TOK_WORD && names_role_word(f) && !(f & LEX_VERB)) {
			title |= (f & LEX_TITLE) != 0;
			k--;
			continue;
		}
		size_t n = names_place_org_before(s, v, lo, k);
		if (n && title) {
			k -= n;
			continue;
		}
		break;
	}
	/* the role starts at a title or its qualifiers, never at a bare modifier like "former" alone */
	*rb = k;
	return title && k < b;
}

/* An appositive role after the name: "Dmitry Peskov, the Kremlin spokesman, said". */
int names_right_role(const char *s, const struct token *v, size_t n, size_t e, size_t *rb, size_t *re)
{
	size_t j = e;
	if (j >= n || v[j].kind != TOK_PUNCT || v[j].punct != ',')
		return 0;
	j++;
	if (j < n && (tokens_is(s, &v[j], "the") || tokens_is(s, &v[j], "a") || tokens_is(s, &v[j], "an")))
		j++;
	size_t b = j;
	int title = 0;
	while (j < n && j - b < 12) {
		const struct token *t = &v[j];
		unsigned f = names_word_flags(s, t);
		/* "a former Democratic National Committee chairman and presidential candidate" */
		if (t->kind == TOK_WORD && (names_role_word(f) || names_is_cap(t) || tokens_is(s, t, "of") ||
		                            tokens_is(s, t, "for") || tokens_is(s, t, "the") ||
		                            (title && tokens_is(s, t, "and")))) {
			if (f & LEX_VERB)
				break;
			title |= (f & LEX_TITLE) != 0;
			j++;
			continue;
		}
		if (t->kind == TOK_POSS) {
			j++;
			continue;
		}
		break;
	}
	if (!title || j == b)
		return 0;
	if (j < n && !(v[j].kind == TOK_PUNCT && (v[j].punct == ',' || v[j].punct == '.' || v[j].punct == ';')))
		return 0;
	while (j > b && (tokens_is(s, &v[j - 1], "of") || tokens_is(s, &v[j - 1], "the") ||
	                 tokens_is(s, &v[j - 1], "for") || tokens_is(s, &v[j - 1], "and")))
		j--;
	*rb = b;
	*re = j;
	return 1;
}

/* Context flags of a name [b, e): speaks, after a place preposition, after "the". */
unsigned names_context(const char *s, const struct token *v, size_t n, size_t b, size_t e)
{
	unsigned fl = 0;
	size_t j = e;
	if (j < n && v[j].kind == TOK_POSS)
		j = n; /* "Trump's push": not the subject of a verb next to it */
	for (int skip = 0; j < n && skip < 3; skip++, j++) {
		if (v[j].kind != TOK_WORD)
			break;
		unsigned f = names_word_flags(s, &v[j]);
		if ((f & LEX_VERB) && !tokens_is(s, &v[j], "told")) {
			fl |= NAMEF_SPEAKS;
			break;
		}
		if (tokens_is(s, &v[j], "told")) {
			fl |= NAMEF_SPEAKS;
			break;
		}
		if (!names_in_list(s, &v[j], verb_fillers))
			break;
	}
	if (e < n && v[e].kind == TOK_WORD && names_in_list(s, &v[e], org_nouns_after))
		fl |= NAMEF_ORG_CTX; /* "Forbes magazine", "Aljarida daily" */
	if (b > 0 && v[b - 1].kind == TOK_WORD && names_in_list(s, &v[b - 1], org_nouns_before))
		fl |= NAMEF_ORG_CTX; /* "the daily Liberté", "state stockpiler Sinograin" */
	if (b > 0 && v[b - 1].kind == TOK_WORD) {
		const struct token *p = &v[b - 1];
		if (names_in_list(s, p, place_preps))
			fl |= NAMEF_PLACE_CTX;
		/* "the Kremlin", but not "the Biden administration" */
		if (tokens_is(s, p, "the") && (!(e < n && v[e].kind == TOK_WORD && !(v[e].flags & TOKF_CAP)) ||
		                               (e - b >= 2 && names_in_list(s, &v[e], after_a_noun)) ||
		                               (e - b == 1 && (names_word_flags(s, &v[b]) & LEX_ORG_WORD))))
			fl |= NAMEF_ORG_CTX; /* "the Cabinet approved" is the body all the same */
		if ((names_word_flags(s, p) & LEX_VERB) && b >= 2 &&
		    (v[b - 2].kind == TOK_QUOTE || (v[b - 2].kind == TOK_PUNCT && v[b - 2].punct == ',')))
			fl |= NAMEF_SPEAKS; /* ", said Smith" */
	}
	return fl;
}
