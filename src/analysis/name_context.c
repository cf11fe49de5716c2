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
	"magazine", "daily", "newspaper", "weekly", "airline", "airlines", "broadcaster", "company",
	"firm", "group", "conglomerate", "brand", "label", "chain", NULL,
};

/* Jobs held at a body, before "of" or "at": "the boss of X", "analysts at X". */
static const char *const jobs_at_a_body[] = {
	"boss", "bosses", "chairman", "chairwoman", "ceo", "founder", "co-founder", "cofounder",
	"executive", "executives", "director", "directors", "analyst", "analysts", "economist",
	"economists", "researcher", "researchers", "employee", "employees", "workers",
	"shareholders", "investors", "owner", "owners", "manager", "managers", "strategist", "officials", NULL,
};

/* What a body publishes, before "from": "a report from X" (a statement or a study may be a person's). */
static const char *const publications[] = {
	"report", "reports", "data", "figures", "survey", "estimates", "forecast", "forecasts", "poll",
	"index", "filing", NULL,
};

/* What a body has that a person has not: "X's shares", "X's board". */
static const char *const a_body_s[] = {
	"shares", "stock", "board", "employees", "headquarters", "shareholders", "subsidiary",
	"subsidiaries", "stake", "executives", "products", "brand", "revenue", "revenues", "profit",
	"profits", "earnings", "customers", "website", "platform", "parent", "ceo", "workforce",
	"stores", "factory", "factories", "plant", "members", "membership", "management", "president",
	"vice-president", "secretary-general", "treasurer", "directors", "shareholder", "congress", NULL,
};

/* Ordinals before an office: "X's second deputy president". */
static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth", "new", NULL};

/* Heads of an apposition that make the name before it a body: "X, a consulting firm". */
static const char *const body_heads[] = {
	"company", "firm", "group", "organisation", "organization", "agency", "broadcaster",
	"airline", "carrier", "retailer", "manufacturer", "maker", "lender", "insurer", "startup",
	"start-up", "conglomerate", "charity", "nonprofit", "non-profit", "publisher", "website",
	"automaker", "carmaker", "bank", "consultancy", "ngo", "think-tank", "institute", "exchange",
	"operator", "producer", "developer", "supplier", "provider", "platform", "app", "party",
	"coalition", "alliance", "network", "outlet", "newspaper", "magazine", "foundation",
	"association", "union", "club", "team", "band", "subsidiary", "unit", "regulator", "division",
	"department", "branch", "bureau", "ministry", "service", "authority", "council", "committee",
	"commission", "body", "school", "university", "college", "hospital", "clinic", "lab", "laboratory", NULL,
};

/* Words that end the head's phrase before any body noun: "an employee at a company". */
static const char *const apposition_stops[] = {"at", "of", "for", "with", "in", "from", "to", "by", "and", "who", NULL};

/* ", a Venezuelan economic consulting firm," after the name ending at e. */
static int body_apposition(const char *s, const struct token *v, size_t n, size_t e)
{
	size_t j = e;
	if (j + 2 >= n || v[j].kind != TOK_PUNCT || v[j].punct != ',')
		return 0;
	j++;
	if (!tokens_is(s, &v[j], "a") && !tokens_is(s, &v[j], "an") && !tokens_is(s, &v[j], "the"))
		return 0;
	for (size_t k = j + 1; k < n && k < j + 7 && v[k].kind == TOK_WORD; k++) {
		if ((names_word_flags(s, &v[k]) & (LEX_TITLE | LEX_VERB)) || names_in_list(s, &v[k], apposition_stops))
			return 0; /* "X, the company's chief executive", "X, an employee at a company": a person */
		if (!names_in_list(s, &v[k], body_heads))
			continue;
		/* the head ends the phrase: not "a bank manager", nor "the group's founder" */
		return k + 1 >= n || v[k + 1].kind == TOK_PUNCT || tokens_is(s, &v[k + 1], "that") ||
		       tokens_is(s, &v[k + 1], "which") || tokens_is(s, &v[k + 1], "based") ||
		       tokens_is(s, &v[k + 1], "of") || tokens_is(s, &v[k + 1], "in") || tokens_is(s, &v[k + 1], "with");
	}
	return 0;
}

/* Cues around [b, e) that say a body rather than a person or a place. */
static unsigned body_cues(const char *s, const struct token *v, size_t n, size_t b, size_t e)
{
	if (e + 1 < n && v[e].kind == TOK_POSS) {
		size_t j = e + 1;
		while (j + 1 < n && j < e + 3 && !names_is_cap(&v[j]) &&
		       ((names_word_flags(s, &v[j]) & LEX_MODIFIER) || names_in_list(s, &v[j], ordinals)))
			j++; /* "Numsa's second deputy president" */
		if (names_in_list(s, &v[j], a_body_s))
			return NAMEF_BODY; /* "Grindle's shares fell" */
	}
	if (e < n && v[e].kind == TOK_WORD && !names_is_cap(&v[e]) && names_in_list(s, &v[e], org_nouns_after))
		return NAMEF_BODY; /* "the Kestrova company", "Forbes magazine" */
	if (e < n && v[e].kind == TOK_POSS)
		return 0; /* "a stake in Kylie Jenner's company": the cue is the company's */
	size_t p = b;
	if (p >= 2 && tokens_is(s, &v[p - 1], "the"))
		p--;
	if (p >= 2 && (tokens_is(s, &v[p - 1], "of") || tokens_is(s, &v[p - 1], "at")) &&
	    names_in_list(s, &v[p - 2], jobs_at_a_body))
		return NAMEF_BODY; /* "the boss of Cevital", "analysts at Borvex" */
	if (p >= 2 && tokens_is(s, &v[p - 1], "of") && (tokens_is(s, &v[p - 2], "shares") || tokens_is(s, &v[p - 2], "stake")))
		return NAMEF_BODY; /* "shares of Grindle" */
	if (p >= 2 && tokens_is(s, &v[p - 1], "in") && tokens_is(s, &v[p - 2], "stake"))
		return NAMEF_BODY; /* "a stake in Grindle" */
	if (p >= 2 && tokens_is(s, &v[p - 1], "from") && names_in_list(s, &v[p - 2], publications))
		return NAMEF_BODY; /* "a report from Harrow Equities", "data from Statvik" */
	return body_apposition(s, v, n, e) ? NAMEF_BODY : 0;
}

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
	if (e < n && v[e].kind == TOK_WORD && (tokens_is(s, &v[e], "administration") || tokens_is(s, &v[e], "presidency")))
		fl |= NAMEF_SPEAKS; /* "the Obama administration": a president's, whatever towns share the name */
	static const char *const personal[] = {
		"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "birthday",
		"funeral", "jail", "arrest", "biographer", "memoir", "grandson", "granddaughter", NULL,
	};
	if (e + 1 < n && v[e].kind == TOK_POSS && v[e + 1].kind == TOK_WORD && names_in_list(s, &v[e + 1], personal))
		fl |= NAMEF_SPEAKS; /* "in Yogi Adityanath's jail", "Siddaramaiah's birthday": someone's, not a place's */
	if ((fl |= body_cues(s, v, n, b, e)) & NAMEF_BODY)
		fl |= NAMEF_ORG_CTX;
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
