/* names.c: name spans of a paragraph (see names.h). */
#include "names.h"
#include "name_words.h"
#include "name_lists.h"
#include "name_context.h"
#include "name_shapes.h"
#include "lexicon.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NOPOS ((size_t)-1)

static int push(struct name_list *l, struct name_span sp)
{
	if (array_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v))
		return -1;
	l->v[l->n++] = sp;
	return 0;
}

/* Whether a capitalised sentence opener is only a capitalised common word. */
static int plain_opener(const char *s, const struct token *t, const struct strmap *caps)
{
	int lower_parts = 0, upper_parts = 0; /* "Day-by-day", "Long-term": a compound of common words */
	for (size_t i = t->start; i + 1 < t->end; i++)
		if (s[i] == '-') {
			lower_parts += s[i + 1] >= 'a' && s[i + 1] <= 'z';
			upper_parts += !(s[i + 1] >= 'a' && s[i + 1] <= 'z');
		}
	if (lower_parts && !upper_parts)
		return 1;
	unsigned f = names_word_flags(s, t);
	if (f & LEX_STOP)
		return 1;
	if (f & (LEX_ANY_PLACE | LEX_ANY_ORG))
		return 0;
	if (!(f & (LEX_COMMON | LEX_VERB | LEX_DEMONYM)))
		return 0;
	const int *c = strmap_get(caps, s + t->start, t->end - t->start);
	return !c || !(*c & 1) || (*c & 2);
}

/*
 * "Maria Lopes, chief executive ...": a given name that is a common word too
 * opens the sentence, and a word that can only be a surname follows it.
 */
static int given_then_surname(const char *s, const struct token *v, size_t b, size_t e)
{
	if (b + 1 >= e || !NAMES_GIVEN(names_word_flags(s, &v[b])))
		return 0;
	unsigned f = names_word_flags(s, &v[b + 1]);
	unsigned never = LEX_STOP | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_DEMONYM | LEX_TITLE | LEX_ORG_WORD |
	                 LEX_PLACE_LAST | LEX_THING | LEX_VERB | LEX_MODIFIER;
	/* "Mike Trout sat out": a man's or woman's name, then a word that is a surname as much as a noun */
	if (b + 2 == e && (names_word_flags(s, &v[b]) & (LEX_FEMALE | LEX_MALE)) && !(v[b + 1].flags & TOKF_ALLCAPS))
		return !(f & never);
	return !(f & (LEX_COMMON | never));
}

/*
 * "Democratic Progressive Party", "National Assembly" opening a sentence: an
 * adjective in capitals before a body's word is part of its name, no opener.
 */
static int body_adjective(const char *s, const struct token *v, size_t b, size_t e)
{
	static const char *const endings[] = {"al", "ic", "ive", "ed", "an", "ary", "ent", "ist", NULL};
	unsigned f = names_word_flags(s, &v[b]);
	if (!names_is_cap(&v[b]) || !(f & LEX_COMMON) || (f & (LEX_STOP | LEX_VERB | LEX_ORG_WORD)) || b + 1 >= e)
		return 0;
	size_t l = v[b].end - v[b].start;
	int adjective = 0;
	for (const char *const *x = endings; *x && !adjective; x++) {
		size_t xl = strlen(*x);
		adjective = l > xl + 3 && !strncmp(s + v[b].end - xl, *x, xl);
	}
	if (!adjective)
		return 0;
	for (size_t k = b + 1; k < e && names_is_cap(&v[k]); k++)
		if (names_word_flags(s, &v[k]) & LEX_ORG_WORD)
			return 1;
	return 0;
}

/* Pushes the places and bodies the lexicon knows inside [b, e) as names of their own. */
static int push_known_inside(const char *s, const struct token *v, size_t b, size_t e, struct name_list *out)
{
	unsigned f;
	const char *canon;
	for (size_t j = b; j < e;) {
		size_t m = names_place_org_at(s, v, j, e, &f, &canon);
		if (!m) {
			j++;
			continue;
		}
		struct name_span sx = {j, j + m, j, j, (f & LEX_ANY_ORG) ? NAME_ORG : NAME_PLACE,
		                       NAMEF_LEXICON, canon, NOPOS, -1, -1};
		if (push(out, sx))
			return -1;
		j += m;
	}
	return 0;
}

/* 1 when every word of [b, e) is a common word and nothing else: "Marine Science". */
static int common_words(const char *s, const struct token *v, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++) {
		unsigned f = names_word_flags(s, &v[k]);
		if (!(f & LEX_COMMON) || (f & (LEX_PROPER | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN)) || NAMES_GIVEN(f))
			return 0;
	}
	return 1;
}

/* Handles one run of capitalised words [b, e). */
/*
 * "UP Akhilesh Yadav", "Presidency Orla Tamm": where a person named in full,
 * given name first, follows a word that is no given name (an acronym, a
 * common word, a place or body) in one run of capitals; the index of the
 * given name, or b when the run is one name.
 */
static size_t split_before_person(const char *s, const struct token *v, size_t b, size_t e)
{
	/* "Union Gordon Sondland", "Presidency Giorgio Jackson": a known given name
	 * after a word that is none, and a surname or two after it */
	for (size_t g = b + 1; g + 1 < e; g++) {
		size_t words = 0; /* a given name and a surname or two after it ("Oyun - Erdene" is one) */
		for (size_t k = g; k < e; k++)
			words += v[k].kind == TOK_WORD;
		if (words > 3)
			continue;
		unsigned fg = names_word_flags(s, &v[g]), fp = names_word_flags(s, &v[g - 1]);
		/* "Mongolia L. Oyun": an initial stands for the given name */
		int initial = v[g].end - v[g].start == 2 && (v[g].flags & TOKF_ABBREV) && !(v[g - 1].flags & TOKF_ABBREV);
		/* "Browns DL Sheldon Richardson": after a team's or office's acronym a
		 * given name opens the person even when a town bears it too */
		int after_acronym = (v[g - 1].flags & TOKF_ALLCAPS) && !(v[g - 1].flags & TOKF_ABBREV) &&
		                    !(v[g].flags & TOKF_ALLCAPS) && (fg & LEX_GIVEN) && !(fg & LEX_COMMON);
		if (!(NAMES_GIVEN(fg) || initial || after_acronym) || (fg & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TITLE)) ||
		    NAMES_GIVEN(fp) || (fp & LEX_HONORIFIC) || (v[g - 1].flags & TOKF_ABBREV) ||
		    names_in_list(s, &v[g - 1], names_particles))
			continue;
		if (!((fp & (LEX_COMMON | LEX_ORG_WORD | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM)) ||
		      ((v[g - 1].flags & TOKF_ALLCAPS) && !(v[g].flags & TOKF_ALLCAPS))))
			continue; /* "Carrie Ann Inaba", "Patrick Nielsen Hayden": one name */
		size_t k = g + 1;
		while (k < e && names_is_cap(&v[k]) && !(names_word_flags(s, &v[k]) & (LEX_ORG_WORD | LEX_TITLE | LEX_THING | LEX_PLACE_LAST)))
			k++;
		if (k == e)
			return g;
	}
	unsigned fb = names_word_flags(s, &v[b]);
	int lead = ((v[b].flags & TOKF_ALLCAPS) && !(v[b].flags & TOKF_ABBREV)) ||
	           ((fb & LEX_COMMON) && !(fb & LEX_PROPER)) || (fb & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM));
	if (!lead || NAMES_GIVEN(fb) || (fb & (LEX_ORG_WORD | LEX_PLACE_FIRST)) ||
	    (names_word_flags(s, &v[e - 1]) & (LEX_ORG_WORD | LEX_PLACE_LAST | LEX_THING | LEX_ANY_PLACE)))
		return b;
	for (size_t g = b + 1; g + 1 < e && g <= b + 2; g++) {
		unsigned fg = names_word_flags(s, &v[g]);
		/* "Britain Liu Xiaoming", "UP Akhilesh Yadav": two words no list knows
		 * after a place or acronym, the way names of many cultures come */
		int unknown_pair = g + 2 == e && !fg && !names_word_flags(s, &v[g + 1]) &&
		                   ((v[b].flags & TOKF_ALLCAPS) || v[b].end - v[b].start > 2) && /* not "Oh Kyeong Taek" */
		                   !((v[g].flags | v[g + 1].flags) & (TOKF_ALLCAPS | TOKF_ABBREV));
		if (!NAMES_GIVEN(fg) && !unknown_pair &&
		    ((fg & (LEX_PROPER | LEX_COMMON | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_DEMONYM)) != LEX_PROPER))
			continue; /* a given name, or at least a name the word list knows and nothing else */
		for (size_t k = g; k < e; k++) {
			unsigned fk = names_word_flags(s, &v[k]);
			if (!names_is_cap(&v[k]) || (v[k].flags & TOKF_ALLCAPS) || ((fk & LEX_COMMON) && !(fk & LEX_PROPER)))
				return b; /* "MW Lower Kalnai", "Hot Latin Songs": not a person's name */
		}
		return g;
	}
	return b;
}

static int run(const char *s, const struct token_list *tl, size_t b, size_t e,
               const struct strmap *caps, struct name_list *out)
{
	const struct token *v = tl->v;
	size_t n = tl->n;
	unsigned f;
	const char *canon;
	/* trim openers, stop words and connectors */
	while (b < e && !names_saint_opens(s, v, b, e) && !body_adjective(s, v, b, e) && (!names_is_cap(&v[b]) ||
	                 (((v[b].flags & TOKF_SENT_START) || (b > 0 && v[b - 1].kind == TOK_PUNCT && v[b - 1].punct == ':')) &&
	                  plain_opener(s, &v[b], caps) &&
	                  !(names_phrase_flags(s, v, b, e, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG)) &&
	                  !(b + 1 < e && names_place_org_at(s, v, b, e, &f, &canon) > 1) && /* "South Dakota Gov. ..." */
	                  !(b + 1 < e && names_role_word(names_word_flags(s, &v[b]))) && !given_then_surname(s, v, b, e)) ||
	                 ((names_word_flags(s, &v[b]) & LEX_STOP) &&
	                  !(tokens_is(s, &v[b], "the") && !(v[b].flags & TOKF_SENT_START) && b + 1 < e))))
		b++; /* a capitalised "The" inside a sentence opens a name: "The Daily Star" */
	while (e > b && (!names_is_cap(&v[e - 1]) || (names_word_flags(s, &v[e - 1]) & (LEX_STOP | LEX_VERB)) == LEX_STOP))
		e--;
	static const char *const counts[] = {"Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", NULL};
	while (b + 1 < e && (names_opening_adverb(s, &v[b]) || (names_in_list(s, &v[b], counts) && !(v[b].flags & TOKF_ALLCAPS))))
		b++; /* "Formerly Verizon Amphitheatre", "Two Bartholomew County deputies" */
	if (b >= e)
		return 0;
	/* "John Milbank RRP": an acronym no list knows after a person named in full */
	if (e - b >= 3 && (v[e - 1].flags & TOKF_ALLCAPS) && !(v[e - 1].flags & TOKF_ABBREV) &&
	    !names_word_flags(s, &v[e - 1]) && !(v[e - 2].flags & TOKF_ALLCAPS) && NAMES_GIVEN(names_word_flags(s, &v[b])))
		e--;
	/* "National Security Council Ukraine": a country after a body's word is a mention of its own
	 * (a city may end a body's name: "University College London") */
	if (e - b >= 3 && (names_word_flags(s, &v[e - 2]) & LEX_ORG_WORD) && names_is_cap(&v[e - 2]) &&
	    (names_word_flags(s, &v[e - 1]) & LEX_COUNTRY) && !(names_word_flags(s, &v[e - 1]) & LEX_ANY_ORG)) {
		if (push_known_inside(s, v, e - 1, e, out))
			return -1;
		e--;
	}
	if (e - b >= 3 && names_title_phrase(s, v, b, e))
		return push_known_inside(s, v, b, e, out); /* "Jesus Is Just Alright With Me": a title */
	if (names_people_of_a_place(s, v, b, e))
		return 0;
	if (e - b >= 6 && (names_word_flags(s, &v[e - 1]) & LEX_TITLE)) {
		size_t joins = 0;
		for (size_t k = b; k < e; k++)
			joins += !names_is_cap(&v[k]);
		if (!joins) /* "Names Mobile Marketing Pioneer Ivan Braiker Chief Strategy Officer": a headline, no name ends in an office */
			return push_known_inside(s, v, b, e, out);
	}
	if (e - b == 1 && (v[b].flags & TOKF_ABBREV) && v[b].end - v[b].start <= 5 &&
	    !(b >= 1 && v[b - 1].kind == TOK_PUNCT && v[b - 1].punct == ',') && /* "Washington, D.C." */
	    !(names_word_flags(s, &v[b]) & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_STATE_CODE))) {
		int initials = 1; /* "P.J.", "J.R.": a person's initials alone name nobody the reader knows */
		for (size_t i = v[b].start; i < v[b].end; i++)
			initials &= s[i] == '.' || (s[i] >= 'A' && s[i] <= 'Z');
		if (initials)
			return 0;
	}
	if (names_saint_opens(s, v, b, e)) {
		/* a place unless its words say a body or a thing ("St. Xavier's College") */
		struct name_span sx = {b, e, b, b, NAME_UNKNOWN, 0, NULL, NOPOS, -1, -1};
		sx.type = names_classify(s, v, b, e, &canon, &sx.flags);
		if (sx.type != NAME_ORG && sx.type != NAME_OTHER)
			sx.type = NAME_PLACE;
		sx.canon = canon;
		sx.flags = (sx.flags & ~(unsigned)NAMEF_GUESSED) | names_context(s, v, n, b, e);
		return push(out, sx);
	}
	if (e - b == 1 && b >= 2 && e < n && v[e].kind == TOK_PUNCT && v[e].punct == '.' && v[e].start == v[b].end &&
	    v[b - 1].kind == TOK_PUNCT && v[b - 1].punct == ',' && names_is_cap(&v[b - 2]) &&
	    (lexicon_lookup(s + v[b].start, v[e].end - v[b].start, &canon) & LEX_ANY_PLACE) && canon) {
		/* "Monroe, La.", "Wichita, Kan.": a state's abbreviation after a town */
		struct name_span sp = {b, e, b, b, NAME_PLACE, NAMEF_LEXICON, canon, NOPOS, -1, -1};
		return push(out, sp);
	}
	if (e - b == 1 && (names_word_flags(s, &v[b]) & LEX_STATE_CODE) && (v[b].flags & TOKF_ALLCAPS)) {
		/* "Camden, NJ": a state's postal code after a town; alone it names nothing */
		if (!(b >= 2 && v[b - 1].kind == TOK_PUNCT && v[b - 1].punct == ',' && names_is_cap(&v[b - 2])))
			return 0;
		names_phrase_flags(s, v, b, e, &canon);
		struct name_span sp = {b, e, b, b, NAME_PLACE, NAMEF_LEXICON, canon, NOPOS, -1, -1};
		return push(out, sp);
	}
	if (e - b >= 2 && !(names_phrase_flags(s, v, b, e, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG))) {
		/* "FRANCE WINS", "IS THE FRONT-RUNNER": a line in capitals, not a name;
		 * the places and bodies it names still count */
		int caps_line = 1, common = 0;
		for (size_t j = b; j < e && caps_line; j++) {
			unsigned fj = names_word_flags(s, &v[j]);
			caps_line = (v[j].flags & TOKF_ALLCAPS) && !(v[j].flags & TOKF_ABBREV);
			common |= (fj & (LEX_COMMON | LEX_STOP | LEX_VERB)) && !(fj & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_ORG_WORD));
		}
		if (caps_line && common)
			return push_known_inside(s, v, b, e, out);
	}
	if (e < n && v[e].kind == TOK_WORD && !names_is_cap(&v[e]) &&
	    (names_word_flags(s, &v[e]) & (LEX_TITLE | LEX_VERB)) == LEX_TITLE) {
		/* "Senior Labour figure", "National Review writer": the run qualifies
		 * an office after it; a body it names counts, a person it does not */
		struct name_span sx = {b, e, b, b, NAME_UNKNOWN, 0, NULL, NOPOS, -1, -1};
		sx.type = names_classify(s, v, b, e, &canon, &sx.flags);
		sx.canon = canon;
		if (sx.type == NAME_ORG || sx.type == NAME_PLACE)
			return push(out, sx);
		return push_known_inside(s, v, b, e, out);
	}
	/* "UK Tories", "British Conservatives", "US Democrats": a country's known body is
	 * that body (the party's other names join it), the place a mention of its own */
	if (e - b >= 2) {
		size_t m = names_place_org_at(s, v, b, e, &f, &canon);
		if (!m && (names_word_flags(s, &v[b]) & LEX_DEMONYM))
			m = 1, f = 0;
		else if (!(f & LEX_ANY_PLACE) || (f & LEX_ANY_ORG))
			m = 0;
		if (m && b + m < e && (names_phrase_flags(s, v, b + m, e, &canon) & LEX_ANY_ORG)) {
			if (push_known_inside(s, v, b, b + m, out))
				return -1;
			struct name_span sp = {b + m, e, b + m, b + m, NAME_ORG, NAMEF_LEXICON, canon, NOPOS, -1, -1};
			return push(out, sp);
		}
	}
	/* "Attorney General's Office", "Supreme People's Court": a body named with a possessive */
	if (e - b >= 3 && (names_word_flags(s, &v[e - 1]) & LEX_ORG_WORD) && v[e - 2].kind == TOK_POSS) {
		struct name_span sp = {b, e, b, b, NAME_ORG, 0, NULL, NOPOS, -1, -1};
		sp.flags |= names_context(s, v, n, b, e);
		return push(out, sp);
	}
	/* a whole run known to the lexicon is one name */
	if (names_phrase_flags(s, v, b, e, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM)) {
		f = names_phrase_flags(s, v, b, e, &canon);
		if (f & LEX_DEMONYM && !(f & (LEX_ANY_PLACE | LEX_ANY_ORG)))
			return 0;
		struct name_span sp = {b, e, b, b, (f & LEX_ANY_ORG) ? NAME_ORG : NAME_PLACE,
		                       NAMEF_LEXICON, canon, NOPOS, -1, -1};
		return push(out, sp);
	}
	/* role words first ("U.S. President", "National Security Advisor"), the name after them */
	size_t k = b, role_end = b;
	int title = 0, honor = 0, after_of = 0;
	{
		while (k < e) {
			size_t m = names_place_org_at(s, v, k, e, &f, &canon);
			if (m) {
				if (k + m == e)
					break; /* the name itself */
				k += m;
				continue;
			}
			f = names_word_flags(s, &v[k]);
			/* "Operations Director": a capitalised common word may qualify an office */
			int qualifier = names_is_cap(&v[k]) && (f & LEX_COMMON) && !(f & (LEX_PROPER | LEX_VERB | LEX_STOP));
			if (v[k].kind != TOK_WORD ||
			    !(names_role_word(f) || qualifier || (title && !names_is_cap(&v[k]) && tokens_is(s, &v[k], "of"))))
				break;
			if (f & LEX_TITLE) {
				title = 1;
				role_end = k + 1;
			} else if (after_of && (f & (LEX_MODIFIER | LEX_ORG_WORD)))
				role_end = k + 1; /* "Secretary of State", "Minister of Finance" */
			if (title && !names_is_cap(&v[k]))
				after_of = 1;
			if (f & LEX_HONORIFIC) {
				honor = 1;
				role_end = k + 1;
				break; /* "Mr. King": after Mr. comes the name, whatever it is */
			}
			k++;
		}
	}
	/* no office at the front: the last title inside the run may still open
	 * the name ("Sri Lankan Prime Minister Ranil Wickremesinghe") */
	if (role_end == b && !honor) {
		for (size_t t = e - 1; t > b; t--) {
			unsigned ft = names_word_flags(s, &v[t - 1]);
			if (!(ft & LEX_TITLE) || (ft & LEX_VERB) || !names_is_cap(&v[t - 1]))
				continue;
			int plain = 1;
			for (size_t j = t; j < e; j++)
				plain &= names_is_cap(&v[j]) && !(names_word_flags(s, &v[j]) & (LEX_TITLE | LEX_ORG_WORD | LEX_ANY_PLACE | LEX_ANY_ORG));
			if (plain) {
				role_end = t;
				title = 1;
			}
			break;
		}
	}
	/* "Justice Department": an organisation, not an office and a name */
	if (role_end < e && e - role_end == 1 && (names_word_flags(s, &v[e - 1]) & LEX_ORG_WORD) && !honor) {
		role_end = b;
		title = 0;
	}
	/* places and organisations inside the role are mentions of their own */
	if (push_known_inside(s, v, b, role_end, out))
		return -1;
	size_t nb = role_end;
	/* "Communist Party", "American Music Awards" keep their adjective */
	int org_named = (names_word_flags(s, &v[e - 1]) & (LEX_ORG_WORD | LEX_THING)) != 0;
	for (size_t k = nb + 1; k < e && !org_named; k++) /* "Chinese Center for Disease Control", "Democratic Progressive Party Taipei" */
		org_named = (names_word_flags(s, &v[k]) & LEX_ORG_WORD) && names_is_cap(&v[k]);
	if (nb < e && !names_is_cap(&v[nb])) {
		/* "Director of the UN Office", "Minister of Environment": an office,
		 * nobody named; what it governs counts when it names an organisation */
		size_t xb = nb + 1;
		if (xb < e && tokens_is(s, &v[xb], "the"))
			xb++;
		if (xb >= e)
			return 0;
		/* "Minister for Indigenous Australians Linda Burney": the office holder named after it */
		size_t g = e - xb >= 3 ? split_before_person(s, v, xb, e) : xb;
		struct name_span sx = {xb, g > xb ? g : e, xb, xb, NAME_UNKNOWN, 0, NULL, NOPOS, -1, -1};
		sx.type = names_classify(s, v, sx.b, sx.e, &canon, &sx.flags);
		sx.canon = canon;
		if ((sx.type == NAME_ORG || sx.type == NAME_PLACE) && push(out, sx))
			return -1;
		if (g == xb)
			return 0;
		struct name_span holder = {g, e, b, g, NAME_PERSON, NAMEF_TITLED, NULL, NOPOS, -1, -1};
		holder.flags |= names_context(s, v, n, g, e);
		return push(out, holder);
	}
	size_t nb0 = nb; /* before the qualifiers: "European Union Gordon Sondland" splits there */
	while (!org_named && nb < e && (names_word_flags(s, &v[nb]) & (LEX_DEMONYM | LEX_STOP)) && nb + 1 < e &&
	       !(tokens_is(s, &v[nb], "the") && !(v[nb].flags & TOKF_SENT_START)))
		nb++; /* "Ugandan David Kato", but "told The Daily Star" */
	if (nb >= e) {
		/* a title alone ("President", "National Security Advisor") names nobody,
		 * unless the article uses the word as a name ("Howard Dean ... Dean said") */
		const int *c = strmap_get(caps, s + v[b].start, v[b].end - v[b].start);
		if (e - b != 1 || !c || !(*c & 1) || (*c & 2))
			return 0;
		struct name_span lone = {b, e, b, b, NAME_UNKNOWN, 0, NULL, NOPOS, -1, -1};
		if ((names_word_flags(s, &v[b]) & (LEX_TITLE | LEX_FEMALE | LEX_MALE)) == LEX_TITLE)
			lone.flags |= NAMEF_OFFICE; /* "the President said", but "Dean said" after Howard Dean */
		lone.flags |= names_context(s, v, n, b, e);
		return push(out, lone);
	}
	if (!title && e - nb0 >= 3) {
		size_t g = split_before_person(s, v, nb0, e);
		if (g > nb) {
			/* "European Union Gordon Sondland": a body before the person is one;
			 * "CBS Sports NFL Insider", "Browns DL": a beat or a position, whose
			 * known places and bodies alone count */
			int body = (names_word_flags(s, &v[g - 1]) & (LEX_ORG_WORD | LEX_ANY_ORG | LEX_ANY_PLACE)) ||
			           (names_phrase_flags(s, v, nb0, g, NULL) & (LEX_ANY_ORG | LEX_ANY_PLACE));
			if (body ? run(s, tl, nb0, g, caps, out) : push_known_inside(s, v, nb0, g, out))
				return -1;
			nb = b = g;
		}
	}
	struct name_span sp = {nb, e, b, b, NAME_UNKNOWN, 0, NULL, NOPOS, -1, -1};
	sp.type = names_classify(s, v, nb, e, &canon, &sp.flags);
	if (e - nb == 1 && !honor && (names_word_flags(s, &v[nb]) & (LEX_TITLE | LEX_FEMALE | LEX_MALE)) == LEX_TITLE)
		sp.flags |= NAMEF_OFFICE; /* "the Nigerian President", unless someone is called so */
	sp.canon = canon;
	if (sp.flags & NAMEF_LEXICON)
		return push(out, sp);
	if (sp.type == NAME_UNKNOWN && e - nb >= 2 && (names_word_flags(s, &v[e - 1]) & LEX_DEMONYM)) {
		/* "US Evangelicals": the place inside still counts (not inside a thing: "Paris Agreement") */
		return push_known_inside(s, v, nb, e - 1, out);
	}
	if (e - nb == 1 && (v[nb].flags & TOKF_ALLCAPS) && !(v[nb].flags & TOKF_ABBREV) && sp.type == NAME_ORG) {
		title = honor = 0; /* "Director WWF": the office of an organisation, not a person */
	}
	if (title && !honor && e - nb == 1) {
		unsigned fn = names_word_flags(s, &v[nb]);
		if ((fn & LEX_COMMON) && !(fn & LEX_PROPER))
			return 0; /* "Teacher Education": an office and a common word, nobody named */
	}
	if (title && !honor && e - nb >= 2 &&
	    (names_word_flags(s, &v[e - 1]) & (LEX_ORG_WORD | LEX_PLACE_LAST | LEX_THING))) {
		/* "King Salman Shipyard", "President Kennedy Airport", "King Fahd Cup": a
		 * place, body or event named after someone, the title part of its name */
		struct name_span sx = {b, e, b, b, NAME_UNKNOWN, 0, NULL, NOPOS, -1, -1};
		sx.type = names_classify(s, v, b, e, &canon, &sx.flags);
		sx.canon = canon;
		return sx.type != NAME_UNKNOWN && sx.type != NAME_PERSON ? push(out, sx) : 0;
	}
	if (title && !honor && common_words(s, v, nb, e) && e - nb >= 2)
		return 0; /* "Minister of Internal Trade": an office, nobody named */
	if (!title && !honor && sp.type == NAME_PERSON && e - nb >= 2 &&
	    (names_word_flags(s, &v[e - 1]) & (LEX_TITLE | LEX_PROPER | LEX_SURNAME | LEX_ANY_GIVEN | LEX_TOWN)) == LEX_TITLE) {
		int office = 1; /* "Art Director", "Latin American Director": an office, nobody named (not "Shannon Chief") */
		for (size_t k = nb; k + 1 < e && office; k++)
			office = (names_word_flags(s, &v[k]) & (LEX_COMMON | LEX_DEMONYM)) && !NAMES_GIVEN(names_word_flags(s, &v[k]));
		/* "Bartholomew County Sheriff": the office of a place or body */
		office |= (names_word_flags(s, &v[e - 2]) & (LEX_PLACE_LAST | LEX_ORG_WORD)) && names_is_cap(&v[e - 2]);
		if (office)
			return push_known_inside(s, v, nb, e, out);
	}
	if (title || honor) {
		sp.flags |= NAMEF_TITLED;
		sp.type = NAME_PERSON;
		if (title) {
			sp.role_b = b;
			sp.role_e = role_end;
		}
		if (role_end == b + 1 || (role_end == nb && role_end - b == 1))
			sp.title_tok = role_end - 1;
	} else if (names_left_role(s, v, 0, nb, &sp.role_b)) {
		sp.role_e = nb;
		sp.flags |= NAMEF_TITLED;
		if (sp.type == NAME_UNKNOWN)
			sp.type = NAME_PERSON;
	} else {
		sp.role_b = sp.role_e = nb;
	}
	if (sp.role_b == sp.role_e && (sp.type == NAME_PERSON || sp.type == NAME_UNKNOWN)) {
		size_t rb, re;
		if (names_right_role(s, v, n, e, &rb, &re)) {
			sp.role_b = rb;
			sp.role_e = re;
			sp.flags |= NAMEF_TITLED;
			if (sp.type == NAME_UNKNOWN)
				sp.type = NAME_PERSON;
		}
	}
	sp.flags |= names_context(s, v, n, nb, e);
	if (sp.type == NAME_PERSON && !(sp.flags & NAMEF_TITLED) && nb >= 2 &&
	    (tokens_is(s, &v[nb - 1], "of") || tokens_is(s, &v[nb - 1], "and")) && names_is_cap(&v[nb - 2])) {
		int field = 1; /* "Museum of Marine Science": a field of study, nobody named */
		for (size_t k = nb; k < e && field; k++)
			field = (names_word_flags(s, &v[k]) & (LEX_COMMON | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_SURNAME)) == LEX_COMMON;
		if (field)
			return push_known_inside(s, v, nb, e, out);
	}
	if ((sp.flags & NAMEF_BODY) && !(sp.flags & NAMEF_TITLED) &&
	    (sp.type == NAME_UNKNOWN || (sp.type == NAME_PERSON && e - nb == 1))) {
		sp.type = NAME_ORG; /* "the boss of Cevital", "Vauld's shares": a body, whatever its words suggest */
		sp.flags &= ~(unsigned)NAMEF_GUESSED;
	} else if (sp.type == NAME_PERSON && !(sp.flags & NAMEF_TITLED) && (sp.flags & NAMEF_ORG_CTX) &&
	    !(sp.flags & NAMEF_SPEAKS))
		sp.type = NAME_ORG; /* "the Wakit Tama": people go without "the" */
	else if (sp.type == NAME_PERSON && (sp.flags & NAMEF_GUESSED) && (sp.flags & NAMEF_PLACE_CTX) &&
	         !(sp.flags & (NAMEF_TITLED | NAMEF_SPEAKS)))
		sp.type = NAME_PLACE; /* "in Kuala Lumpur": no given name, after "in" */
	else if (sp.type == NAME_PLACE && (sp.flags & NAMEF_SPEAKS) && e - nb == 2 && !(sp.flags & NAMEF_PLACE_CTX) &&
	         (names_word_flags(s, &v[nb]) & LEX_ANY_GIVEN) && !(names_word_flags(s, &v[nb]) & LEX_ANY_PLACE) &&
	         !(names_word_flags(s, &v[nb + 1]) & LEX_ANY_PLACE))
		sp.type = NAME_PERSON; /* "Kanye West said": a given name, then a surname that is a compass word */
	else if (sp.type == NAME_UNKNOWN && (sp.flags & NAMEF_PLACE_CTX) && !(sp.flags & (NAMEF_TITLED | NAMEF_SPEAKS)) &&
	         (names_phrase_flags(s, v, nb, e, NULL) & LEX_TOWN))
		sp.type = NAME_PLACE; /* "in Charleston": a town that is a surname too, placed */
	return push(out, sp);
}

int names_find(const char *s, const struct token_list *tl, const struct strmap *caps,
               struct name_list *out)
{
	const struct token *v = tl->v;
	size_t k = 0, first = out->n;
	while (k < tl->n) {
		/* "(D-Mo.)", "(R-Utah)": party and state after a lawmaker's name */
		if (v[k].kind == TOK_PUNCT && v[k].punct == '(' && k + 2 < tl->n && v[k + 1].kind == TOK_WORD &&
		    strchr("DRI", s[v[k + 1].start]) &&
		    ((v[k + 1].end - v[k + 1].start == 1 && v[k + 2].kind == TOK_PUNCT && v[k + 2].punct == '-') ||
		     (v[k + 1].end - v[k + 1].start > 2 && s[v[k + 1].start + 1] == '-'))) {
			size_t j = k + 1;
			while (j < tl->n && j < k + 8 && !(v[j].kind == TOK_PUNCT && v[j].punct == ')'))
				j++;
			k = j;
			continue;
		}
		/* ", R-W.Va.,", ", D-Calif.": party and state without parentheses */
		if (v[k].kind == TOK_WORD && k > 0 && v[k - 1].kind == TOK_PUNCT && v[k - 1].punct == ',' &&
		    v[k].end - v[k].start >= 3 && strchr("DRI", s[v[k].start]) && s[v[k].start + 1] == '-' &&
		    s[v[k].start + 2] >= 'A' && s[v[k].start + 2] <= 'Z') {
			size_t j = k + 1;
			while (j < tl->n && j < k + 6 && !(v[j].kind == TOK_PUNCT && strchr(",;)", v[j].punct)) &&
			       !(v[j].kind == TOK_WORD && !names_is_cap(&v[j])))
				j++;
			k = j;
			continue;
		}
		if (names_is_cap(&v[k]) && (names_is_handle(s, &v[k]) ||
		                            (k > 0 && v[k - 1].kind == TOK_PUNCT && v[k - 1].punct && strchr("/@#", v[k - 1].punct) &&
		                             v[k - 1].end == v[k].start))) {
			k++; /* "@TheHill", "pic.twitter.com/XPxUJuyIAC", "#MeToo": no names */
			continue;
		}
		if (!names_word_in_name(s, &v[k]) || (k + 1 < tl->n && v[k + 1].kind == TOK_PUNCT && v[k + 1].punct == '$' &&
		                        v[k + 1].start == v[k].end + (s[v[k].end] == ' '))) {
			k++; /* "US $995 million", "HK$": a currency, not a place */
			continue;
		}
		size_t b = k, e = k + 1;
		for (;;) {
			if (e < tl->n && (v[e].flags & TOKF_ALLCAPS) && !(v[e - 1].flags & TOKF_ALLCAPS) &&
			    (tokens_is(s, &v[e], "or") || tokens_is(s, &v[e], "and") || tokens_is(s, &v[e], "vs")))
				break; /* "Pokemon Sword OR Shield": a conjunction in capitals joins two names */
			if (e < tl->n && names_word_in_name(s, &v[e]) && !(v[e].flags & TOKF_SENT_START) &&
			    v[e].start > v[e - 1].end && v[e].start - v[e - 1].end <= 2) {
				e++;
				continue;
			}
			/* "Ernst & Young", "Rock & Roll Hall of Fame": an ampersand joins one body's name */
			if (e + 1 < tl->n && v[e].kind == TOK_PUNCT && v[e].punct == '&' && names_word_in_name(s, &v[e + 1]) &&
			    v[e].start - v[e - 1].end <= 1 && v[e + 1].start - v[e].end <= 1 &&
			    !((names_word_flags(s, &v[e - 1]) | names_word_flags(s, &v[e + 1])) & LEX_STOP) && /* "Sat & Sun" */
			    !(e - b >= 2 && NAMES_GIVEN(names_word_flags(s, &v[b]))) &&
			    !(e + 2 < tl->n && NAMES_GIVEN(names_word_flags(s, &v[e + 1])) && names_word_in_name(s, &v[e + 2]))) {
				/* not "Benjamin Ntim & Kojo Annan": two people */
				e += 2;
				continue;
			}
			/* particles join names ("Charles de Gaulle"); of / for join an
			 * organisation or office to what it governs ("Bank of England",
			 * "Center for Public Opinion Research", "Secretary of State") */
			if (e + 1 < tl->n && v[e].kind == TOK_WORD && !(v[e].flags & TOKF_CAP) &&
			    names_in_list(s, &v[e], names_particles) && names_is_cap(&v[e + 1])) {
				e += 2;
				continue;
			}
			if (e + 2 < tl->n && v[e].kind == TOK_WORD && !(v[e].flags & TOKF_CAP) && v[e + 1].kind == TOK_WORD &&
			    names_in_list(s, &v[e], names_particles) && names_in_list(s, &v[e + 1], names_particles) &&
			    names_is_cap(&v[e + 2])) {
				e += 3; /* "Botic van de Zandschulp", "Josep de la Cruz" */
				continue;
			}
			int office = (names_word_flags(s, &v[e - 1]) & (LEX_ORG_WORD | LEX_TITLE)) != 0;
			if (office && e + 1 < tl->n && (tokens_is(s, &v[e], "of") || tokens_is(s, &v[e], "for")) &&
			    names_is_cap(&v[e + 1])) {
				e += 2;
				continue;
			}
			/* "National Institute on Drug Abuse", "Council on Foreign Relations" */
			if (e + 1 < tl->n && (names_word_flags(s, &v[e - 1]) & LEX_ORG_WORD) && tokens_is(s, &v[e], "on") &&
			    names_is_cap(&v[e + 1]) && !(names_word_flags(s, &v[e + 1]) & LEX_STOP)) {
				e += 2;
				continue;
			}
			if (e + 2 < tl->n && (names_joins_body(s, tl, b, e) || names_joins_body_field(s, tl, b, e) ||
			                      names_joins_thing(s, tl, e))) {
				e += 2;
				continue;
			}
			/* "IIT - Kharagpur", "Akufo - Addo": a hyphen set off by spaces inside one name */
			if (e + 1 < tl->n && v[e].kind == TOK_PUNCT && v[e].punct == '-' && v[e].end - v[e].start == 1 &&
			    v[e].start == v[e - 1].end + 1 && v[e + 1].start == v[e].end + 1 && v[e + 1].kind == TOK_WORD &&
			    names_is_cap(&v[e + 1]) && !(v[e + 1].flags & TOKF_SENT_START)) {
				unsigned fl = names_word_flags(s, &v[e - 1]), fr = names_word_flags(s, &v[e + 1]);
				unsigned plain = LEX_STOP | LEX_COMMON | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM | LEX_TOWN |
				                 LEX_TITLE | LEX_ORG_WORD | LEX_VERB;
				int campus = e - b == 1 && (v[e - 1].flags & TOKF_ALLCAPS) && !(v[e - 1].flags & TOKF_ABBREV) &&
				             !(fl & LEX_ANY_PLACE) && (fr & (LEX_ANY_PLACE | LEX_TOWN));
				/* a double surname after a given name or an initial, not "Tizi - Ouzou" */
				int double_name = e - b >= 2 && (NAMES_GIVEN(names_word_flags(s, &v[b])) || (v[b].flags & TOKF_ABBREV)) &&
				                  !(fl & plain) && !(fr & plain) && !((v[e - 1].flags | v[e + 1].flags) & TOKF_ALLCAPS);
				/* "African Export - Import Bank": two words of a body's name */
				int compound = (fl & LEX_COMMON) && (fr & LEX_COMMON) && !((fl | fr) & (LEX_STOP | LEX_VERB)) &&
				               e + 2 < tl->n && names_is_cap(&v[e + 2]) && (names_word_flags(s, &v[e + 2]) & LEX_ORG_WORD);
				if (campus || double_name || compound) {
					e += 2;
					continue;
				}
			}
			/* "Rock & Roll Hall of Fame", "Palace of Culture": a place's word and
			 * what it is of (not "the Rift Valley of Kenya": two places) */
			if (e + 1 < tl->n && (names_word_flags(s, &v[e - 1]) & LEX_PLACE_LAST) && !(v[e - 1].flags & TOKF_ALLCAPS) &&
			    tokens_is(s, &v[e], "of") && names_is_cap(&v[e + 1]) &&
			    (names_word_flags(s, &v[e + 1]) & (LEX_COMMON | LEX_STOP | LEX_ANY_PLACE | LEX_TOWN | LEX_ANY_ORG)) == LEX_COMMON) {
				e += 2;
				continue;
			}
			/* "Channel 12", "Channel 4": a broadcaster by its number */
			if (e < tl->n && tokens_is(s, &v[e - 1], "Channel") && v[e].kind == TOK_WORD && v[e].start == v[e - 1].end + 1 &&
			    s[v[e].start] >= '0' && s[v[e].start] <= '9' && v[e].end - v[e].start <= 3) {
				struct name_span ch = {b, e + 1, b, b, NAME_ORG, 0, NULL, NOPOS, -1, -1};
				if (names_is_cap(&v[b]) && push(out, ch))
					return -1;
				b = e + 1;
				break;
			}
			if (office && e + 2 < tl->n && tokens_is(s, &v[e], "of") && tokens_is(s, &v[e + 1], "the") &&
			    names_is_cap(&v[e + 2])) {
				e += 3;
				continue;
			}
			break;
		}
		if (run(s, tl, b, e, caps, out))
			return -1;
		k = e;
	}
	names_by_company(s, tl, out, first);
	names_affiliations(s, tl, out, first);
	names_acronyms(tl, out, first);
	return 0;
}

void names_free(struct name_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void names_turn_speaker(const char *s, const struct token_list *tl, struct name_list *l)
{
	const struct token *v = tl->v;
	size_t lb, ln = names_turn_label(s, tl, &lb);
	for (size_t i = 0; ln && i < l->n; i++) {
		struct name_span *sp = &l->v[i];
		if (sp->b < lb || sp->e > lb + ln || sp->b == sp->e || (sp->flags & NAMEF_LEXICON))
			continue; /* "KUWAIT:" opens a dateline */
		unsigned fl = names_phrase_flags(s, v, sp->b, sp->e, NULL);
		const struct token *t = &v[sp->e - 1];
		size_t tl_len = t->end - t->start;
		unsigned fw = lexicon_lookup(s + t->start, tl_len, NULL);
		if (((fl & LEX_COMMON) && !(fl & LEX_PROPER)) ||
		    (tl_len > 3 && (s[t->end - 1] == 'S' || s[t->end - 1] == 's') &&
		     (lexicon_lookup(s + t->start, tl_len - 1, NULL) & (LEX_COMMON | LEX_PROPER)) == LEX_COMMON) ||
		    (tl_len > 6 && s[t->end - 2] == 'R' && s[t->end - 1] == 'S' && !(fw & (LEX_PROPER | LEX_ANY_GIVEN))))
			continue; /* "MIDFIELDERS:" heads a list ("SANDERS:" speaks) */
		/* "WALLACE: ...": a transcript's speaker, whatever its capitals suggest */
		sp->type = NAME_PERSON;
		sp->flags = (sp->flags & ~(unsigned)(NAMEF_GUESSED | NAMEF_NOT_NAME)) | NAMEF_SPEAKS;
		sp->canon = NULL;
	}
}
