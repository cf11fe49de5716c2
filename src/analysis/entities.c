/*
 * entities.c: people, organisations and places of an article.
 *
 * Three passes over the paragraphs: (1) which words the article capitalises
 * mid-sentence (so "Trump" opening a sentence is still a name while "However"
 * is not); (2) name spans per paragraph (names.c); (3) people named in full
 * first, so that "Trump" and "President Trump" become aliases of "Donald
 * Trump", then everything else. A headline in title case says nothing by its
 * capitals: there only names already known from the body and the lexicon count.
 */
#include "entities.h"
#include "entity_finder.h"
#include "model.h"
#include "lexicon.h"
#include "names.h"
#include "name_words.h"
#include "base.h"
#include "tokens.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AMBIGUOUS (-2)     /* a surname two people share */
#define LONE_NAME_MIN 2    /* mid-sentence uses that make a lone known name a person */

static int add_mention(struct finder *f, int ix, const struct para *p, size_t b, size_t e)
{
	return entity_add_mention(&f->a->entities[ix], p->section, p->paragraph,
	                          p->tl.v[b].start, p->tl.v[e - 1].end);
}

/* The entity named name, created with type t when new; -1 when out of memory. */
static int entity_for(struct finder *f, const char *name, int type)
{
	int *ix = strmap_get(&f->names, name, strlen(name));
	size_t bare = type == NAME_ORG ? finder_without_suffix(name, strlen(name)) : 0;
	if (!ix && bare) {
		/* "Ceres Robotics" and "Ceres Robotics Inc." are one body, whichever comes first */
		int *short_ix = strmap_get(&f->names, name, bare);
		if (short_ix && f->a->entities[*short_ix].type == ENTITY_ORGANIZATION)
			return strmap_put(&f->names, name, strlen(name), *short_ix) ? *short_ix : -1;
	}
	if (ix && f->a->entities[*ix].type == (enum entity_type)type)
		return *ix;
	if (ix && type != NAME_PERSON)
		return *ix; /* same words, typed elsewhere: keep the first reading */
	if (!article_add_entity(f->a, name, (enum entity_type)type))
		return -1;
	int n = (int)f->a->n_entities - 1;
	if (!ix && !strmap_put(&f->names, name, strlen(name), n))
		return -1;
	if (bare && !strmap_get(&f->names, name, bare) && !strmap_put(&f->names, name, bare, n))
		return -1;
	return n;
}

/* Titles news abbreviates before a name, and what a reader reads them as. */
static const char *const title_abbrevs[][2] = {
	{"Gov.", "Governor"}, {"Sen.", "Senator"}, {"Rep.", "Representative"}, {"Lt.", "Lieutenant"},
	{"Gen.", "General"}, {"Col.", "Colonel"}, {"Sgt.", "Sergeant"}, {"Capt.", "Captain"},
	{"Atty.", "Attorney"}, {"Supt.", "Superintendent"}, {"Cmdr.", "Commander"}, {"Adm.", "Admiral"},
};

/*
 * The role of a mention, its abbreviated titles written out ("South Dakota
 * Gov." is "South Dakota Governor"); a fuller role seen later replaces a
 * thinner one ("Governor", then "South Dakota Governor").
 */
static int set_role(struct finder *f, int ix, const struct para *p, const struct name_span *sp)
{
	struct entity *e = &f->a->entities[ix];
	if (sp->role_b >= sp->role_e)
		return 0;
	char buf[NAME_MAX_BYTES];
	size_t n = 0;
	for (size_t k = sp->role_b; k < sp->role_e && n + 1 < sizeof buf; k++) {
		char w[NAME_MAX_BYTES];
		size_t wl = finder_span_text(p, k, k + 1, w, sizeof w);
		for (size_t a = 0; a < sizeof title_abbrevs / sizeof *title_abbrevs; a++)
			if (!strcmp(w, title_abbrevs[a][0]))
				wl = strlen(strcpy(w, title_abbrevs[a][1]));
		int space = k > sp->role_b && p->tl.v[k].start > p->tl.v[k - 1].end;
		if (n + space + wl + 1 > sizeof buf)
			break;
		if (space)
			buf[n++] = ' ';
		memcpy(buf + n, w, wl);
		n += wl;
	}
	buf[n] = '\0';
	size_t have = e->role ? strlen(e->role) : 0;
	if (e->role && (n <= have || strcmp(buf + n - have, e->role)))
		return 0; /* keep the first role unless this one adds to it */
	return article_set(&e->role, buf, n);
}

/* Adds "President Trump" as an alias when a single title stands before a one-word name. */
static int title_alias(struct finder *f, int ix, const struct para *p, const struct name_span *sp)
{
	if (sp->title_tok == (size_t)-1 || sp->e - sp->b != 1 || sp->title_tok + 1 != sp->b)
		return 0;
	char buf[NAME_MAX_BYTES];
	finder_span_text(p, sp->title_tok, sp->e, buf, sizeof buf);
	return entity_add_alias(&f->a->entities[ix], buf);
}

static int note_surname(struct finder *f, const struct para *p, size_t k, int ix)
{
	const struct token *t = &p->tl.v[k];
	if (lexicon_lookup(p->text + t->start, t->end - t->start, NULL) & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_STOP))
		return 0; /* "Paris" in "Paris Hilton" still names the city elsewhere */
	int *v = strmap_put(&f->surnames, p->text + t->start, t->end - t->start, ix);
	if (!v)
		return -1;
	if (*v != ix)
		*v = AMBIGUOUS;
	return 0;
}

/* Pass 3a: people named with two words or more. */
static int full_names(struct finder *f)
{
	char buf[NAME_MAX_BYTES];
	for (size_t i = 0; i < f->n; i++) {
		struct para *p = &f->p[i];
		for (size_t k = 0; k < p->names.n; k++) {
			struct name_span *sp = &p->names.v[k];
			if (sp->type != NAME_PERSON || sp->e - sp->b < 2)
				continue;
			if (finder_span_text(p, sp->b, sp->e, buf, sizeof buf) + 1 >= sizeof buf)
				continue;
			/* "Donald J. Trump" is "Donald Trump" once that is known */
			int *known = strmap_get(&f->surnames, p->text + p->tl.v[sp->e - 1].start,
			                        p->tl.v[sp->e - 1].end - p->tl.v[sp->e - 1].start);
			int ix, variant = -1;
			const struct token *first = &p->tl.v[sp->b], *lt = &p->tl.v[sp->e - 1];
			if (!known)
				variant = finder_spelling_variant(f, p->text + lt->start, lt->end - lt->start);
			if (variant >= 0 && strncmp(f->a->entities[variant].name, p->text + first->start, first->end - first->start))
				variant = -1; /* "Volodymyr Zelenskyy" is "Volodymyr Zelensky", not another Zelensky */
			if (variant >= 0) {
				ix = variant;
				if (entity_add_alias(&f->a->entities[ix], buf))
					return -1;
			} else if (known && *known >= 0 &&
			    !strncmp(f->a->entities[*known].name, p->text + p->tl.v[sp->b].start,
			             p->tl.v[sp->b].end - p->tl.v[sp->b].start)) {
				ix = *known;
				if (entity_add_alias(&f->a->entities[ix], buf))
					return -1;
			} else if ((ix = entity_for(f, buf, NAME_PERSON)) < 0) {
				return -1;
			}
			/* a person goes by the last name too ("Zelensky") */
			const struct token *last = &p->tl.v[sp->e - 1];
			char sur[NAME_MAX_BYTES];
			size_t sl = last->end - last->start;
			if (sl < sizeof sur && (last->flags & TOKF_CAP) && !(last->flags & TOKF_ABBREV)) {
				memcpy(sur, p->text + last->start, sl);
				sur[sl] = '\0';
				if (entity_add_alias(&f->a->entities[ix], sur))
					return -1;
			}
			if (note_surname(f, p, sp->e - 1, ix) || note_surname(f, p, sp->b, ix) ||
			    add_mention(f, ix, p, sp->b, sp->e) || set_role(f, ix, p, sp) ||
			    title_alias(f, ix, p, sp))
				return -1;
			sp->type = -3; /* done */
			sp->entity = ix;
		}
	}
	return 0;
}

/* Capitalised words that alone name a side or a quarter, not a place or a body. */
static const char *const lone_not_names[] = {
	"North", "South", "East", "West", "Left", "Right", "Centre", "Center", "Holocaust", NULL,
};

/* What a name nobody typed probably is, or NAME_UNKNOWN to leave it out. */
static int guess(const struct finder *f, const struct para *p, const struct name_span *sp)
{
	const struct token *t = &p->tl.v[sp->b];
	unsigned lf = lexicon_lookup(p->text + t->start, p->tl.v[sp->e - 1].end - t->start, NULL);
	if (sp->e - sp->b == 1 && (lf & LEX_COMMON) && !(lf & LEX_PROPER)) {
		/* a common word as a name: "Pence said" when the article always capitalises it */
		const int *c = strmap_get(&f->caps, p->text + t->start, t->end - t->start);
		if (lf & LEX_ORG_WORD)
			return (sp->flags & (NAMEF_SPEAKS | NAMEF_ORG_CTX)) ? NAME_ORG : NAME_UNKNOWN;
		if ((lf & LEX_TITLE) && !(lf & (LEX_FEMALE | LEX_MALE)))
			return NAME_UNKNOWN; /* "the President said", "the Senator insisted": an office */
		if ((sp->flags & (NAMEF_SPEAKS | NAMEF_TITLED)) && c && !(*c & 2) && (*c >> 2) >= LONE_NAME_MIN)
			return NAME_PERSON;
		return NAME_UNKNOWN;
	}
	if ((sp->flags & (NAMEF_ORG_CTX | NAMEF_TITLED)) == NAMEF_ORG_CTX && sp->e - sp->b == 1 &&
	    !(lf & (LEX_COMMON | LEX_PROPER | LEX_ANY_GIVEN)))
		return NAME_ORG; /* "the daily Nortecia reported": bodies speak too */
	unsigned f0 = lexicon_lookup(p->text + t->start, t->end - t->start, NULL);
	if (sp->e - sp->b >= 2 && (f0 & LEX_ANY_ORG) && !(f0 & LEX_ANY_PLACE))
		return (sp->flags & NAMEF_SPEAKS) ? NAME_ORG : NAME_UNKNOWN; /* "Microsoft Azure said": a part of a body */
	int plain_words = sp->e - sp->b > 1;
	for (size_t k = sp->b; k < sp->e && plain_words; k++) {
		unsigned fk = names_word_flags(p->text, &p->tl.v[k]);
		plain_words = (fk & LEX_COMMON) && !(fk & (LEX_PROPER | LEX_ANY_GIVEN | LEX_SURNAME));
	}
	if (plain_words) { /* "Individual Medley": common words in capitals name nobody, but a body may speak */
		const struct token *next = sp->e < p->tl.n ? &p->tl.v[sp->e] : NULL;
		int state = next && (names_word_flags(p->text, next) & LEX_MODIFIER); /* "the Medley state title" */
		return (sp->flags & NAMEF_SPEAKS) && !(sp->flags & NAMEF_TITLED) && !state ? NAME_ORG : NAME_UNKNOWN;
	}
	if (sp->flags & (NAMEF_TITLED | NAMEF_SPEAKS))
		return NAME_PERSON;
	static const char *const rule_of[] = {"era", "regime", "administration", "presidency", NULL};
	if (sp->e - sp->b == 1 && !(lf & ~(unsigned)(LEX_PROPER | LEX_SURNAME | LEX_ANY_GIVEN)) && sp->e < p->tl.n &&
	    names_in_list(p->text, &p->tl.v[sp->e], rule_of))
		return NAME_PERSON; /* "the Pinochet era", "the Assad regime": a word no list knows, named for a ruler */
	/* adjectives of peoples and creeds ("Nicaraguan", "Zionist") and plural acronyms ("MPs") */
	size_t l = p->tl.v[sp->e - 1].end - p->tl.v[sp->e - 1].start;
	const char *w = p->text + p->tl.v[sp->e - 1].start;
	static const char *const suffixes[] = {"ian", "ean", "ese", "ist", "ists", "ish", "ans", NULL};
	for (const char *const *x = suffixes; *x; x++) {
		size_t xl = strlen(*x);
		if (l > xl + 2 && !memcmp(w + l - xl, *x, xl))
			return NAME_UNKNOWN;
	}
	if (l >= 3 && w[l - 1] == 's' && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z')
		return NAME_UNKNOWN;
	if (sp->e - sp->b == 1 && (lf & LEX_THING) && !(lf & LEX_COMMON))
		return NAME_OTHER; /* "Brexit", "Olympics", "Oscars": an event by its own name */
	if (sp->e - sp->b == 1 && ((lf & LEX_THING) || names_in_list(p->text, t, lone_not_names) ||
	                           t->end - t->start == 1 || ((t->flags & TOKF_ALLCAPS) && t->end - t->start < 3)))
		return NAME_UNKNOWN; /* "the Constitution", "the West", "the Left", "the EV" */
	/* "via WhatsApp", "WeChat", "YouTube": a capital inside one word names a brand, even after "in" */
	for (size_t i = 2; sp->e - sp->b == 1 && i < l; i++)
		if (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z' &&
		    strncmp(w, "Mc", 2) && strncmp(w, "Mac", 3) && strncmp(w, "De", 2) && strncmp(w, "Di", 2) &&
		    strncmp(w, "La", 2) && strncmp(w, "Le", 2) && strncmp(w, "Van", 3) && strncmp(w, "Kwa", 3))
			return NAME_ORG;
	if ((sp->flags & NAMEF_PLACE_CTX) && !tokens_is(p->text, t, "The"))
		return NAME_PLACE; /* but "at The Road": places named "The ..." are the gazetteers' */
	if (sp->e - sp->b > 1)
		return NAME_UNKNOWN;
	if ((lf & LEX_ORG_WORD) && (sp->flags & NAMEF_ORG_CTX) && !(t->flags & TOKF_SENT_START))
		return NAME_ORG; /* "the Cabinet", "the Government" */
	if (((lf & LEX_COMMON) && !(lf & LEX_PROPER)) || (lf & (LEX_ORG_WORD | LEX_TITLE | LEX_MODIFIER)))
		return NAME_UNKNOWN;
	if (sp->flags & NAMEF_ORG_CTX)
		return NAME_ORG;
	/* a lone capitalised word nothing else explains: a person only when the
	 * word list knows it as a name and the article keeps using it ("Cruz ...
	 * Cruz"); otherwise it is left out rather than guessed */
	const int *c = strmap_get(&f->caps, w, l);
	if ((lf & LEX_TOWN) && (lf & LEX_SURNAME) && !(lf & LEX_ANY_PLACE) && c && (*c >> 2) >= LONE_NAME_MIN)
		return NAME_PERSON; /* "Castro", "Chaves" again and again, never after "in": the man, not the town */
	if ((lf & LEX_TOWN) && !strmap_get(&f->surnames, w, l))
		return NAME_PLACE; /* "Durban" alone, nobody of that surname named in full ("Clinton") */
	if ((lf & LEX_SURNAME) && !(lf & (LEX_COMMON | LEX_ANY_PLACE | LEX_ANY_ORG | LEX_TOWN | LEX_DEMONYM)) && c &&
	    (*c >> 2) >= 1 && l > 3)
		return NAME_PERSON; /* "Robledo", "Alcocer": a surname of some language, capitalised mid-sentence */
	if ((lf & LEX_PROPER) && !(lf & LEX_COMMON) && c && (*c >> 2) >= LONE_NAME_MIN)
		return NAME_PERSON; /* not "Green", "Stone", "Frost": words as much as names */
	if (NAMES_GIVEN(lf) && !(lf & LEX_COMMON) && l > 2 && c && (*c >> 2) >= 1)
		return NAME_PERSON; /* "Wilfred", "Violeta": someone called by the given name */
	if (!(lf & ~(unsigned)(LEX_PROPER | LEX_SURNAME | LEX_ANY_GIVEN)) && l > 2 && !memchr(w, '-', l)) {
		/* "Ramirez will have to rely on his midfield": a his or her right after the name */
		static const char *const pronouns[] = {"his", "her", "he", "she", "himself", "herself", NULL};
		for (size_t k = sp->e; k < p->tl.n && k < sp->e + 6; k++) {
			const struct token *x = &p->tl.v[k];
			if (x->kind == TOK_PUNCT && x->punct && strchr(".;:!?", x->punct))
				break;
			if (x->kind == TOK_WORD && names_is_cap(x) && !(x->flags & TOKF_SENT_START))
				break; /* another name comes first: the pronoun may be its */
			if (x->kind == TOK_WORD && names_in_list(p->text, x, pronouns))
				return NAME_PERSON;
		}
	}
	return NAME_UNKNOWN;
}

/* Pass 3b: everything else. */
static int other_names(struct finder *f)
{
	char buf[NAME_MAX_BYTES];
	for (size_t i = 0; i < f->n; i++) {
		struct para *p = &f->p[i];
		for (size_t k = 0; k < p->names.n; k++) {
			struct name_span *sp = &p->names.v[k];
			if (sp->type == -3)
				continue;
			if (finder_span_text(p, sp->b, sp->e, buf, sizeof buf) + 1 >= sizeof buf)
				continue;
			int ix = -1;
			int *person = sp->e - sp->b == 1 ? strmap_get(&f->surnames, buf, strlen(buf)) : NULL;
			int variant = sp->e - sp->b == 1 && !person && !(sp->flags & NAMEF_LEXICON) && sp->type != NAME_ORG
			                      ? finder_spelling_variant(f, buf, strlen(buf))
			                      : -1;
			if (variant >= 0)
				person = &variant; /* "Zelenskyy" after "Volodymyr Zelensky" */
			int owner = person && *person == AMBIGUOUS ? finder_surname_owner(f, buf, strlen(buf)) : -1;
			if (owner >= 0)
				person = &owner; /* "Biden" after Joe and Hunter Biden: the one most named */
			if ((sp->flags & NAMEF_NOT_NAME) || ((sp->flags & NAMEF_OFFICE) && !(person && *person >= 0)))
				continue;
			size_t bl = strlen(buf);
			if (sp->e - sp->b == 1 && bl > 3 && buf[bl - 1] == 's' && strmap_get(&f->surnames, buf, bl - 1))
				continue; /* "the Bidens", "the Rajapaksas": a family, not one more entity */
			const struct para *fp = NULL;
			/* a known acronym the lexicon cannot expand ("CDC") is the body the article spells out */
			const struct name_span *full = (sp->flags & NAMEF_LEXICON) && sp->canon && strcmp(sp->canon, buf) ? NULL : finder_acronym_of(f, p, sp, &fp);
			if (sp->alias_of >= 0 && p->names.v[sp->alias_of].entity >= 0) {
				ix = p->names.v[sp->alias_of].entity; /* "(PACJA)" */
			} else if (full && full->entity >= 0) {
				ix = full->entity;
			} else if (full && full->type == NAME_UNKNOWN) {
				continue; /* "BNPL" for "Buy Now Pay Later": a thing's acronym */
			} else if (full) {
				char fb[NAME_MAX_BYTES];
				if (finder_span_text(fp, full->b, full->e, fb, sizeof fb) + 1 >= sizeof fb)
					continue;
				ix = entity_for(f, full->canon ? full->canon : fb,
				                full->type == NAME_PLACE || full->type == NAME_OTHER ? full->type : NAME_ORG);
			} else if (person && *person >= 0 && sp->type != NAME_ORG) {
				ix = *person;
			} else if (sp->flags & NAMEF_LEXICON) {
				ix = entity_for(f, sp->canon ? sp->canon : buf, sp->type);
			} else {
				int t = sp->type == NAME_UNKNOWN ? guess(f, p, sp) : sp->type;
				if (t == NAME_UNKNOWN)
					continue;
				int *known = strmap_get(&f->names, buf, strlen(buf));
				ix = known ? *known : entity_for(f, buf, t);
			}
			if (ix < 0)
				return -1;
			sp->entity = ix;
			if (entity_add_alias(&f->a->entities[ix], buf) || add_mention(f, ix, p, sp->b, sp->e) ||
			    set_role(f, ix, p, sp) || title_alias(f, ix, p, sp))
				return -1;
			if (f->a->entities[ix].type == ENTITY_PERSON && sp->e - sp->b == 1 &&
			    note_surname(f, p, sp->b, ix))
				return -1;
		}
	}
	return 0;
}

/* Title-case paragraphs: only names known from the body or the lexicon. */
static int known_names(struct finder *f, struct para *p)
{
	const struct token *v = p->tl.v;
	char buf[NAME_MAX_BYTES];
	for (size_t k = 0; k < p->tl.n;) {
		if (v[k].kind != TOK_WORD || !(v[k].flags & (TOKF_CAP | TOKF_ALLCAPS))) {
			k++;
			continue;
		}
		size_t best = 0;
		int bix = -1, btype = -1;
		const char *bname = NULL; /* lexicon name to create once the longest match is known */
		for (size_t m = 1; m <= 5 && k + m <= p->tl.n; m++) {
			if (v[k + m - 1].kind != TOK_WORD)
				break;
			if (finder_span_text(p, k, k + m, buf, sizeof buf) + 1 >= sizeof buf)
				break;
			int *ix = strmap_get(&f->names, buf, strlen(buf));
			if (!ix && m == 1)
				ix = strmap_get(&f->surnames, buf, strlen(buf));
			if (ix && *ix >= 0) {
				best = m;
				bix = *ix;
				bname = NULL;
				continue;
			}
			const char *canon;
			unsigned fl = lexicon_lookup(buf, strlen(buf), &canon);
			if ((fl & (LEX_ANY_PLACE | LEX_ANY_ORG)) && !(fl & LEX_STOP) &&
			    (m > 1 || !(fl & LEX_COMMON) || (fl & LEX_PROPER) || (v[k].flags & TOKF_ALLCAPS))) {
				btype = (fl & LEX_ANY_ORG) ? NAME_ORG : NAME_PLACE;
				bname = canon;
				best = m;
				bix = -1;
				if (!bname)
					bname = "";
			}
		}
		if (best && bix < 0) {
			finder_span_text(p, k, k + best, buf, sizeof buf);
			if ((bix = entity_for(f, *bname ? bname : buf, btype)) < 0)
				return -1;
		}
		if (!best) {
			k++;
			continue;
		}
		finder_span_text(p, k, k + best, buf, sizeof buf);
		if (entity_add_alias(&f->a->entities[bix], buf) || add_mention(f, bix, p, k, k + best))
			return -1;
		k += best;
	}
	return 0;
}

/*
 * The dateline's place ("CAPE TOWN -", "Buffalo, N.Y. -") is a place of the
 * story even where the finder read nothing there; each part once.
 */
static int dateline_places(struct finder *f)
{
	const struct dateline *d = f->a->dateline;
	if (!d || !d->place || !f->n || f->p[0].section != 0 || f->p[0].paragraph != 0)
		return 0;
	const struct para *p = &f->p[0];
	size_t span = d->raw ? strlen(d->raw) : 0;
	for (const char *part = d->place; *part;) {
		while (*part == ' ' || *part == ',')
			part++;
		size_t len = strcspn(part, ",");
		while (len && part[len - 1] == ' ')
			len--;
		if (!len)
			break;
		const char *canon = NULL;
		char name[NAME_MAX_BYTES];
		lexicon_lookup(part, len, &canon);
		if (part != d->place && !canon)
			break; /* "Tinley Park, Ill.": after the town, only what the lexicon knows */
		size_t nl = canon ? strlen(canon) : len;
		if (nl < sizeof name) {
			memcpy(name, canon ? canon : part, nl);
			name[nl] = '\0';
			size_t at = 0;
			while (at + len <= span && at + len <= strlen(p->text) && strncasecmp(p->text + at, part, len))
				at++;
			if (!strmap_get(&f->names, name, nl) && at + len <= span && at + len <= strlen(p->text)) {
				int ix = entity_for(f, name, NAME_PLACE);
				if (ix < 0 || entity_add_mention(&f->a->entities[ix], p->section, p->paragraph, at, at + len))
					return -1;
			}
		}
		part += strcspn(part, ",");
	}
	return 0;
}

/*
 * The agency the dateline names ("afrol News, 27 January -", "(IPS)") is a
 * body of the story, under the lexicon's name when it knows it ("AP" is
 * "Associated Press"), mentioned where the dateline says it.
 */
static int dateline_agency(struct finder *f)
{
	const struct dateline *d = f->a->dateline;
	if (!d || !d->agency || !d->raw || !f->n || f->p[0].section != 0 || f->p[0].paragraph != 0)
		return 0;
	const char *text = f->p[0].text, *at = strstr(text, d->raw);
	size_t len = strlen(d->agency);
	const char *in = at ? strstr(at, d->agency) : NULL;
	if (!in || in + len > at + strlen(d->raw) || len < 2 || len >= NAME_MAX_BYTES)
		return 0;
	const char *canon = NULL;
	unsigned fl = lexicon_lookup(d->agency, len, &canon);
	if ((fl & LEX_ANY_PLACE) && !(fl & LEX_ANY_ORG))
		return 0;
	char name[NAME_MAX_BYTES];
	memcpy(name, canon ? canon : d->agency, canon ? strlen(canon) + 1 : len);
	name[canon ? strlen(canon) : len] = '\0';
	const int *known = strmap_get(&f->names, name, strlen(name));
	if (known && f->a->entities[*known].type != ENTITY_ORGANIZATION)
		return 0;
	int ix = known ? *known : entity_for(f, name, NAME_ORG);
	size_t start = (size_t)(in - text);
	struct entity *e = ix >= 0 ? &f->a->entities[ix] : NULL;
	for (size_t m = 0; e && m < e->n_mentions; m++)
		if (e->mentions[m].section == 0 && e->mentions[m].paragraph == 0 && e->mentions[m].start == start)
			return 0; /* the finder read it there already */
	if (!e || entity_add_mention(e, 0, 0, start, start + len) || (canon && entity_add_alias(e, d->agency)))
		return -1;
	return 0;
}

static int compare_mention(const void *x, const void *y)
{
	const struct mention *a = x, *b = y;
	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	if (a->paragraph != b->paragraph)
		return a->paragraph < b->paragraph ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/*
 * "Intelligence Committee" after "House Intelligence Committee", "Auto Show"
 * after "LA Auto Show", "Doobie Brothers" after "The Doobie Brothers": a body
 * or a thing whose name ends a longer one of the same type is that one (the
 * most mentioned when several end so). Places keep theirs: "Wichita" is not
 * "Wichita East". 0, or -1 when out of memory.
 */
static int merge_contained(struct article *a)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *e = &a->entities[i];
		if (e->type != ENTITY_ORGANIZATION && e->type != ENTITY_OTHER)
			continue;
		size_t nl = strlen(e->name);
		long best = -1;
		for (size_t j = 0; j < a->n_entities; j++) {
			const struct entity *o = &a->entities[j];
			size_t ol = strlen(o->name);
			if (j == i || o->type != e->type || ol <= nl + 1 || o->name[ol - nl - 1] != ' ' ||
			    strcmp(o->name + ol - nl, e->name))
				continue;
			if (best < 0 || o->n_mentions > a->entities[best].n_mentions)
				best = (long)j;
		}
		if (best < 0)
			continue;
		struct entity *to = &a->entities[best];
		if (entity_add_alias(to, e->name))
			return -1;
		for (size_t k = 0; k < e->n_aliases; k++)
			if (entity_add_alias(to, e->aliases[k]))
				return -1;
		for (size_t k = 0; k < e->n_mentions; k++) {
			const struct mention *m = &e->mentions[k];
			if (entity_add_mention(to, m->section, m->paragraph, m->start, m->end))
				return -1;
		}
		if (!to->role && e->role && article_set(&to->role, e->role, strlen(e->role)))
			return -1;
		article_remove_entity(a, i--);
	}
	return 0;
}

/* Aliases that only differ from the name by case or are the name: none kept. */
static void tidy(struct article *a)
{
	for (size_t i = 0; i < a->n_entities; i++) {
		struct entity *e = &a->entities[i];
		if (e->n_mentions > 1)
			qsort(e->mentions, e->n_mentions, sizeof *e->mentions, compare_mention);
	}
}

static void finder_free(struct finder *f)
{
	for (size_t i = 0; i < f->n; i++) {
		tokens_free(&f->p[i].tl);
		names_free(&f->p[i].names);
	}
	free(f->p);
	strmap_free(&f->caps);
	strmap_free(&f->names);
	strmap_free(&f->surnames);
	strmap_free(&f->acr_para);
	strmap_free(&f->acr_span);
}

static int collect(struct finder *f)
{
	struct article *a = f->a;
	size_t total = article_paragraph_count(a) + a->n_sections + 1;
	if (!(f->p = calloc(total, sizeof *f->p)))
		return -1;
	for (size_t s = 0; s < a->n_sections; s++)
		for (size_t j = 0; j < a->sections[s].n_paragraphs; j++)
			f->p[f->n++] = (struct para){(int)s, (int)j, a->sections[s].paragraphs[j], {0}, {0}, 0};
	if (a->headline)
		f->p[f->n++] = (struct para){-1, 0, a->headline, {0}, {0}, 0};
	/* headings: only names the body or the lexicon knows (paragraph -1); but a
	 * "heading" with commas is a list ("GOALKEEPERS: Donis Escober (Olimpia),
	 * Luis Lopez ..."), whose capitals are names like a paragraph's */
	for (size_t s = 0; s < a->n_sections; s++) {
		const char *h = a->sections[s].heading;
		size_t commas = 0;
		for (const char *c = h; c && *c; c++)
			commas += *c == ',';
		if (h)
			f->p[f->n++] = (struct para){(int)s, -1, h, {0}, {0}, commas < 2};
	}
	for (size_t i = 0; i < f->n; i++) {
		struct para *p = &f->p[i];
		if (tokens_split(p->text, strlen(p->text), &p->tl))
			return -1;
		/* title case is a headline's; a body paragraph without lower-case
		 * words is a list of names ("Goalkeepers: Donis Escober, ...") */
		p->title_case |= names_caps_uninformative(p->text, &p->tl, p->section < 0);
		if (p->title_case)
			continue;
		for (size_t k = 0; k < p->tl.n; k++) {
			const struct token *t = &p->tl.v[k];
			if (t->kind != TOK_WORD)
				continue;
			/* after a colon a capital may open a clause: "a proposition for you: Join ..." */
			int opens = (t->flags & TOKF_SENT_START) || (k > 0 && p->tl.v[k - 1].kind == TOK_PUNCT && p->tl.v[k - 1].punct == ':');
			int bit = (t->flags & TOKF_CAP) ? (opens ? 0 : 1) : 2;
			if (!bit)
				continue;
			int *v = strmap_put(&f->caps, p->text + t->start, t->end - t->start, 0);
			if (!v)
				return -1;
			*v |= bit;
			if (bit == 1 && *v < (1 << 20))
				*v += 4; /* counts capitalised mid-sentence uses, from bit 2 up */
		}
	}
	return 0;
}

int entities_find(struct article *a)
{
	struct finder f = {0};
	f.a = a;
	int rc = -1;
	if (collect(&f))
		goto out;
	for (size_t i = 0; i < f.n; i++)
		if (!f.p[i].title_case && names_find(f.p[i].text, &f.p[i].tl, &f.caps, &f.p[i].names))
			goto out;
	finder_mark_turns(&f);
	if (finder_link_acronyms(&f) || finder_settle_types(&f) || full_names(&f) || other_names(&f) || dateline_places(&f) ||
	    dateline_agency(&f))
		goto out;
	for (size_t i = 0; i < f.n; i++)
		if (f.p[i].title_case && known_names(&f, &f.p[i]))
			goto out;
	if (merge_contained(a))
		goto out;
	tidy(a);
	rc = 0;
out:
	finder_free(&f);
	return rc;
}
