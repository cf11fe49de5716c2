/*
 * name_words.c: what the words of a name say about it: lexicon flags of
 * tokens and phrases, and the type of a name from its words alone (see
 * name_words.h).
 */
#include "name_words.h"
#include "lexicon.h"
#include "names.h"

#include <string.h>

#define PHRASE_MAX 5 /* longest lexicon phrase tried, in tokens */

/* Lower-case words that may join capitalised words into one name. */
const char *const names_particles[] = {
	"de", "la", "le", "du", "van", "von", "der", "den", "bin", "al", "el", "da", "dos", "das",
	"di", "del", "ibn", NULL,
};

/* Words that make a part of a known place: "Southern Canada", "Greater China". */
static const char *const directions[] = {
	"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
	"Upper", "Lower", "Greater", "Inner", "Outer", "Northeast", "Northwest", "Southeast",
	"Southwest", "Northeastern", "Northwestern", "Southeastern", "Southwestern", NULL,
};

/* Articles that open the names of papers, parties and companies, never of people. */
static const char *const articles[] = {
	"The", "La", "Le", "Les", "El", "Los", "Las", "Il", "Die", "Der", "Das", "De", NULL,
};


int names_in_list(const char *s, const struct token *t, const char *const *list)
{
	for (const char *const *w = list; *w; w++)
		if (tokens_is(s, t, *w))
			return 1;
	return 0;
}

unsigned names_word_flags(const char *s, const struct token *t)
{
	if (t->kind != TOK_WORD)
		return 0;
	return lexicon_lookup(s + t->start, t->end - t->start, NULL);
}

int names_is_cap(const struct token *t)
{
	return t->kind == TOK_WORD && (t->flags & (TOKF_CAP | TOKF_ALLCAPS));
}

/*
 * Lexicon flags of the phrase of tokens [b, e) when they are words separated
 * by single spaces (or "U.S." style tokens); 0 otherwise.
 */
unsigned names_phrase_flags(const char *s, const struct token *v, size_t b, size_t e, const char **canon)
{
	if (canon)
		*canon = NULL;
	for (size_t k = b; k < e; k++) {
		if (v[k].kind != TOK_WORD)
			return 0;
		if (k > b && !(v[k].start == v[k - 1].end + 1 && s[v[k - 1].end] == ' '))
			return 0;
	}
	return lexicon_lookup(s + v[b].start, v[e - 1].end - v[b].start, canon);
}

/* Longest lexicon place or organisation starting at k within [k, e): its length in tokens, 0 if none. */
size_t names_place_org_at(const char *s, const struct token *v, size_t k, size_t e, unsigned *fl, const char **canon)
{
	for (size_t n = e - k < PHRASE_MAX ? e - k : PHRASE_MAX; n > 0; n--) {
		unsigned f = names_phrase_flags(s, v, k, k + n, canon);
		if (f & (LEX_ANY_PLACE | LEX_ANY_ORG)) {
			if (n == 1 && !names_is_cap(&v[k]))
				continue;
			*fl = f;
			return n;
		}
	}
	return 0;
}

/* Same, for a phrase ending just before e and starting at or after lo. */
size_t names_place_org_before(const char *s, const struct token *v, size_t lo, size_t e)
{
	for (size_t n = e - lo < PHRASE_MAX ? e - lo : PHRASE_MAX; n > 0; n--) {
		if (!names_is_cap(&v[e - n]))
			continue;
		if (names_phrase_flags(s, v, e - n, e, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG))
			return n;
	}
	return 0;
}

/* 1 when a word in capitals reads as a word: vowels in it, no more than two consonants running ("SITHOLE", not "NRPLUS"). */
static int has_vowels(const char *s, const struct token *t)
{
	size_t run = 0, vowels = 0;
	for (size_t i = t->start; i < t->end; i++) {
		int v = strchr("AEIOUYaeiouy", s[i]) != NULL;
		vowels += v;
		run = v ? 0 : run + 1;
		if (run > 2)
			return 0;
	}
	return vowels >= 2;
}

/* Types the name [b, e) from its words alone. */
int names_classify(const char *s, const struct token *v, size_t b, size_t e, const char **canon, unsigned *nf)
{
	unsigned f = names_phrase_flags(s, v, b, e, canon);
	if (f & (LEX_NEWS | LEX_ORG)) {
		*nf |= NAMEF_LEXICON;
		return NAME_ORG;
	}
	if (f & LEX_ANY_PLACE) {
		*nf |= NAMEF_LEXICON;
		return NAME_PLACE;
	}
	if ((f & LEX_TOWN) && !(f & (LEX_FEMALE | LEX_MALE)) && (e - b > 1 || !(f & LEX_PROPER)) &&
	    !(e - b == 1 && (v[b].flags & TOKF_ALLCAPS)) && /* "KUNA", "MEDA": an acronym, whatever town it spells */
	    !(e - b == 1 && (f & LEX_SURNAME)) && /* "Chaves": a surname as much as a town; the context decides */
	    !(e - b > 1 && NAMES_GIVEN(names_word_flags(s, &v[b])))) {
		*nf |= NAMEF_LEXICON; /* "Kuala Lumpur", "Warrnambool"; "Jackson" only by its context */
		return NAME_PLACE;
	}
	*canon = NULL;
	unsigned last = names_word_flags(s, &v[e - 1]);
	unsigned first = names_word_flags(s, &v[b]);
	if (e - b >= 3 && (first & LEX_ORG_WORD) && !(first & LEX_PLACE_FIRST) &&
	    (tokens_is(s, &v[b + 1], "of") || tokens_is(s, &v[b + 1], "for")))
		return NAME_ORG; /* "Ministry of Municipality", "University of Ghana Medical School" */
	if (e - b >= 2 && (((last & LEX_PLACE_LAST) && !(first & LEX_ORG_WORD)) ||
	                   ((first & LEX_PLACE_FIRST) && !(last & LEX_ORG_WORD))))
		return NAME_PLACE; /* "Congo Basin", "Lake Victoria", but "Sierra Nevada Corporation", "Frente Amplio Sur" */
	if (e - b >= 2 && (last & LEX_DEMONYM) &&
	    !(e - b == 2 && NAMES_GIVEN(first) && (last & LEX_PROPER) && !(first & (LEX_ANY_PLACE | LEX_TOWN))))
		return NAME_UNKNOWN; /* "South Sudanese", but "Thomas White", "Rebecca English": a given name and a surname */
	if (e - b >= 2 && (last & LEX_THING) && !(last & LEX_ORG_WORD))
		return (first & LEX_THING) ? NAME_UNKNOWN : NAME_OTHER; /* "Paris Agreement", "Nobel Prize"; "Pro Max" is a cut */
	for (size_t k = b; k < e; k++)
		if (names_is_model(s, &v[k]))
			return NAME_OTHER; /* "Airbus A350-900", "Alienware AW3418DW": a product, not a name */
	if (e - b >= 2 && v[e - 1].end - v[e - 1].start <= 3 && s[v[e - 1].start] >= 'A' && s[v[e - 1].start] <= 'Z' &&
	    s[v[e - 1].end - 1] >= '0' && s[v[e - 1].end - 1] <= '9')
		return NAME_OTHER; /* "Nighthawk X4", "Galaxy S10": a model's number ends a product's name */
	if (e - b >= 2 && (tokens_is(s, &v[b], "Al") || tokens_is(s, &v[b], "Te")) &&
	    !(names_word_flags(s, &v[b + 1]) & (LEX_PROPER | LEX_ANY_GIVEN)))
		return NAME_UNKNOWN; /* "Al Dhaid", "Te Kao": an article ("the"), a place or a body; only context tells */
	if (last & LEX_ORG_WORD) /* "Union" alone names nothing, nor does "The Music" in a song's title */
		return e - b > 1 && !(e - b == 2 && tokens_is(s, &v[b], "The") && !(last & LEX_PROPER)) ? NAME_ORG : NAME_UNKNOWN;
	if (e - b == 2 && names_in_list(s, &v[b + 1], directions) && (first & (LEX_ANY_PLACE | LEX_TOWN)))
		return NAME_PLACE; /* "Kowloon West", "Wichita East" */
	if (e - b >= 2 && names_in_list(s, &v[b], directions) &&
	    (names_phrase_flags(s, v, b + 1, e, NULL) & (LEX_ANY_PLACE | LEX_TOWN)))
		return NAME_PLACE; /* "Southern Canada", "Inner Mongolia", "East Jerusalem" */
	int has_conn = 0, particle = 0, known_first = 0, all_common = 1, common_word = 0, acronym = 0, known = 0;
	for (size_t k = b; k < e; k++) {
		unsigned fk = names_word_flags(s, &v[k]);
		if (v[k].kind == TOK_PUNCT && v[k].punct == '-')
			continue; /* "Akufo - Addo": one name */
		if (!names_is_cap(&v[k])) {
			if (names_in_list(s, &v[k], names_particles))
				particle = 1; /* "Cristina Fernández de Kirchner" */
			else
				has_conn = 1;
			continue;
		}
		if (!(fk & LEX_COMMON) || (fk & LEX_PROPER))
			all_common = 0;
		else if (v[k].end - v[k].start >= (k == b ? 4u : 5u))
			common_word = 1; /* "Ma Liang", "Ram Nath Kovind": short words say little */
		/* "SIYABONGA SITHOLE", "Woo Young CHOI": a name in capitals is no acronym */
		int shouted = (v[k].end - v[k].start >= 5 || (k + 1 == e && k > b && !(v[k - 1].flags & TOKF_ALLCAPS))) &&
		              !(fk & ~(unsigned)(LEX_PROPER | LEX_ANY_GIVEN | LEX_SURNAME)) && has_vowels(s, &v[k]);
		if ((v[k].flags & TOKF_ALLCAPS) && !(v[k].flags & TOKF_ABBREV) && !shouted)
			acronym = 1;
		if (fk & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM)) {
			if (k == b)
				known_first = 1; /* "Victoria Villarruel": a given name that is a place too */
			else
				known = 1;
		}
	}
	if ((first & LEX_ORG_WORD) && has_conn)
		return NAME_ORG; /* Ministry of Health */
	if (has_conn) {
		for (size_t k = b; k < e; k++)
			if (names_is_cap(&v[k]) && (names_word_flags(s, &v[k]) & LEX_ORG_WORD))
				return NAME_ORG; /* "International Court of Justice" */
		return (e - b >= 3 && !all_common) ? NAME_ORG : NAME_UNKNOWN;
	}
	if (e - b == 1 && (v[b].flags & TOKF_ALLCAPS) && v[b].end - v[b].start <= 8 &&
	    !(v[b].flags & TOKF_ABBREV))
		/* NATO, MONTSAME, but not "SEA" or "USD"; two capitals ("SD", "PR") say too little alone */
		return (first & (LEX_COMMON | LEX_STOP)) || v[b].end - v[b].start < 3 ? NAME_UNKNOWN : NAME_ORG;
	if (e - b < 2)
		return NAME_UNKNOWN;
	/* a given name the word list knows ("Mike Waltz") makes a person; without
	 * one, a common word, an acronym or a known place inside ("Capital FM",
	 * "Sexual Minorities Uganda", "Rwanda Climate") makes an organisation */
	int given = ((first & LEX_PROPER) && !(first & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM))) ||
	            NAMES_GIVEN(first);
	/* "Joisna Mary Joseph": a given name inside; "Manna Dey", "Yogi Adityanath": one
	 * common word first, then a word no list knows, as a surname is */
	for (size_t k = b + 1; k + 1 < e && !given; k++)
		given = NAMES_GIVEN(names_word_flags(s, &v[k])) && !(names_word_flags(s, &v[k]) & LEX_COMMON);
	if (!given && e - b == 2 && common_word && !acronym && !known &&
	    !(last & (LEX_COMMON | LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_ORG_WORD | LEX_THING)) &&
	    (v[e - 1].flags & TOKF_CAP) && !(v[e - 1].flags & TOKF_ALLCAPS))
		common_word = 0;
	/* "Mahatma Gandhi", "Ever Alvarado": a common word, then a surname the lists know
	 * (not an adjective: "Athletic Bilbao", "Real Madrid" are clubs) */
	size_t fl = v[b].end - v[b].start;
	int adjective = fl > 4 && (!strncmp(s + v[b].end - 2, "ic", 2) || !strncmp(s + v[b].end - 2, "al", 2) ||
	                           !strncmp(s + v[b].end - 3, "ive", 3) || !strncmp(s + v[b].end - 3, "ous", 3));
	if (!given && !adjective && e - b == 2 && common_word && !acronym && !known && !(v[e - 1].flags & TOKF_ALLCAPS) &&
	    !(first & (LEX_ORG_WORD | LEX_TITLE | LEX_THING | LEX_MODIFIER | LEX_PLACE_FIRST)) &&
	    (((last & LEX_SURNAME) && !(last & (LEX_COMMON | LEX_ANY_PLACE | LEX_ANY_ORG))) ||
	     ((last & LEX_PROPER) && !(last & (LEX_COMMON | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_ORG_WORD | LEX_THING)))))
		common_word = 0;
	/* "Los Angeles Angels", "Kaizer Chiefs": a place, then a plural that names a team */
	size_t ll = v[e - 1].end - v[e - 1].start;
	if (e - b >= 2 && s[v[e - 1].end - 1] == 's' && ll > 4 && !(v[e - 1].flags & TOKF_ALLCAPS) &&
	    (last & LEX_COMMON) && !(last & (LEX_PROPER | LEX_PLACE_LAST | LEX_ORG_WORD | LEX_DEMONYM | LEX_THING | LEX_TITLE)) &&
	    (names_phrase_flags(s, v, b, e - 1, NULL) & (LEX_ANY_PLACE | LEX_TOWN)))
		return NAME_ORG;
	if (names_in_list(s, &v[b], articles)) {
		/* "Le Matin", "The Daily Star"; but "The Last Hot Time", "The Name": a
		 * work's title of common words, unless a word of a body ends it */
		int plain = tokens_is(s, &v[b], "The") && !(last & LEX_ORG_WORD);
		for (size_t k = b + 1; k < e && plain; k++) {
			unsigned fk = names_word_flags(s, &v[k]);
			plain = !names_is_cap(&v[k]) || ((fk & LEX_COMMON) && !(fk & (LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG)));
		}
		if (plain)
			return NAME_UNKNOWN;
		const char *rc;
		unsigned rest = names_phrase_flags(s, v, b + 1, e, &rc);
		if ((rest & LEX_ANY_PLACE) && !(rest & LEX_ANY_ORG)) {
			*canon = rc; /* one entry with "Gambia" elsewhere */
			*nf |= NAMEF_LEXICON;
			return NAME_PLACE; /* "The Gambia", "The Hague", "The Bahamas" */
		}
		/* "Los Vilos", "Las Tunas", "El Nido": Spanish plural and masculine articles open places
		 * far more often than papers or parties, unless a body's word ends the name */
		if ((tokens_is(s, &v[b], "Los") || tokens_is(s, &v[b], "Las") || tokens_is(s, &v[b], "El")) &&
		    !(last & (LEX_ORG_WORD | LEX_THING)))
			return NAME_PLACE;
		return NAME_ORG;
	}
	if ((first & LEX_ORG_WORD) && !(first & LEX_PROPER) && !NAMES_GIVEN(first) && !all_common)
		return NAME_ORG; /* "Banque Misr", "Frente de Todos", "Bank Negara"; not "International Friendly" */
	if (particle && !has_conn)
		return NAME_PERSON; /* "Osama bin Laden", "Charles de Gaulle" */
	if (all_common)
		return NAME_UNKNOWN;
	if (e - b == 2 && (first & LEX_ANY_ORG) && !(first & LEX_ANY_PLACE) && !(last & (LEX_PROPER | LEX_ANY_GIVEN)))
		return NAME_OTHER; /* "Nintendo Switch", "Amazon Alexa": a body's product */
	/* "Saharan Africa", "Andean America": an adjective of a region no list knows, then the place */
	int region_adjective = !first && v[b].end - v[b].start > 5 && !strncmp(s + v[b].end - 2, "an", 2);
	if (e - b == 2 && (last & LEX_ANY_PLACE) && !(last & LEX_ANY_ORG) &&
	    ((first & (LEX_ANY_PLACE | LEX_TOWN | LEX_DEMONYM)) || region_adjective) && !(first & LEX_ANY_ORG))
		return NAME_PLACE; /* "Congo Kinshasa", "Guinea Conakry", "Konstanz Germany": a place placed */
	int initial = (v[b].flags & TOKF_ABBREV) && v[b].end - v[b].start == 2; /* "R. A. Dickey" */
	if (!given && !initial && (common_word || acronym || known || (known_first && !particle && e - b > 2) ||
	               ((first & LEX_COUNTRY) && e - b == 2 && !(last & (LEX_TOWN | LEX_ANY_GIVEN)))))
		return NAME_ORG;
	int named = (v[b].flags & TOKF_ABBREV) != 0; /* "P. J. O'Rourke": initials */
	for (size_t k = b; k + 1 < e && !named; k++) {
		unsigned fk = names_word_flags(s, &v[k]);
		named = (fk & (LEX_SURNAME | LEX_ANY_GIVEN)) && !(fk & (LEX_ANY_PLACE | LEX_TOWN)); /* "Altaf Hussain Lone" */
	}
	if (!given && !named && (last & LEX_COMMON) && !(last & (LEX_PROPER | LEX_SURNAME | LEX_ANY_GIVEN | LEX_TOWN)))
		return NAME_UNKNOWN; /* "Florida Man", "Individual Medley": no given name, no surname either */
	if (!given)
		*nf |= NAMEF_GUESSED; /* "Kuala Lumpur", "Wagga Wagga": the words around may say better */
	return NAME_PERSON;
}

size_t names_initials(const char *s, const struct token *v, size_t b, size_t e, char *out, size_t cap)
{
	size_t n = 0;
	if (b < e && tokens_is(s, &v[b], "The"))
		b++;
	for (size_t k = b; k < e; k++) {
		if (v[k].kind != TOK_WORD)
			return 0;
		if (!(v[k].flags & (TOKF_CAP | TOKF_ALLCAPS)))
			continue; /* of, and, for, de */
		if (n + 1 >= cap)
			return 0;
		out[n++] = s[v[k].start];
	}
	out[n] = '\0';
	return n;
}

int names_is_model(const char *s, const struct token *t)
{
	size_t letters = 0, digits = 0;
	for (size_t i = t->start; t->kind == TOK_WORD && i < t->end; i++) {
		letters += (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
		digits += s[i] >= '0' && s[i] <= '9';
	}
	return letters && digits && t->end - t->start >= 4;
}

int names_is_handle(const char *s, const struct token *t)
{
	size_t rises = 0, at = 0, lower = 0, upper = 0, digits = 0;
	if (t->kind != TOK_WORD)
		return 0;
	for (size_t i = t->start; i < t->end; i++) {
		char c = s[i];
		lower += c >= 'a' && c <= 'z';
		upper += c >= 'A' && c <= 'Z';
		digits += c >= '0' && c <= '9';
		if (i > t->start && c >= 'A' && c <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z') {
			rises++;
			at = i;
		}
	}
	if (digits && lower && upper > 1)
		return 1; /* "Nc0nKoXGBP": a shortened link */
	if (rises >= 3)
		return 1; /* words run together: "MethWeAreOnIt" */
	if (rises != 1 || t->end - at < 3)
		return 0;
	/* "RobertMaguire", "TheHill": a given name or "The" glued to a capitalised word */
	struct token head = *t;
	head.end = at;
	return tokens_is(s, &head, "The") || NAMES_GIVEN(names_word_flags(s, &head));
}

int names_is_acronym(const char *s, const struct token *t)
{
	size_t l = t->end - t->start;
	if (t->kind != TOK_WORD || !(t->flags & TOKF_ALLCAPS) || (t->flags & TOKF_ABBREV) || l < 2 || l > 8)
		return 0;
	for (size_t i = t->start; i < t->end; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* Capitalised openers of notes, not of speakers: "UPDATE: ...", "WATCH: ..." */
static const char *const not_speakers[] = {
	"update", "updated", "note", "breaking", "watch", "read", "listen", "correction", "editor",
	"source", "sources", "photo", "video", "warning", "exclusive", "related", "advertisement",
	"live", "analysis", "opinion", "transcript", "q", "a", NULL,
};

size_t names_turn_label(const char *s, const struct token_list *tl, size_t *b)
{
	const struct token *v = tl->v;
	size_t k = 0, n = tl->n;
	while (k < n && v[k].kind == TOK_QUOTE)
		k++;
	if (k < n && v[k].kind == TOK_PUNCT && v[k].punct == '(') {
		size_t j = k + 1;
		while (j < n && j < k + 6 && !(v[j].kind == TOK_PUNCT && v[j].punct == ')'))
			j++;
		if (j >= n || v[j].kind != TOK_PUNCT || v[j].punct != ')')
			return 0;
		k = j + 1;
	}
	size_t first = k;
	while (k < n && k < first + 3 && v[k].kind == TOK_WORD && (v[k].flags & TOKF_ALLCAPS) &&
	       !names_in_list(s, &v[k], not_speakers))
		k++;
	if (k == first || k >= n || v[k].kind != TOK_PUNCT || v[k].punct != ':')
		return 0;
	*b = first;
	return k - first;
}
