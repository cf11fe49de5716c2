/*
 * entity_passes.c: the passes of entities.c that look at the whole article
 * at once (see entity_finder.h): a transcript's turn labels, acronyms and
 * the names whose initials they are, one type per name.
 */
#include "entity_finder.h"
#include "name_words.h"

#include "model.h"

#include <string.h>

size_t finder_span_text(const struct para *p, size_t b, size_t e, char *buf, size_t cap)
{
	size_t start = p->tl.v[b].start, end = p->tl.v[e - 1].end;
	size_t n = 0;
	for (size_t i = start; i < end && n + 1 < cap; i++) {
		char c = p->text[i];
		if (c == ' ' && n && buf[n - 1] == ' ')
			continue;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return n;
}

void finder_mark_turns(struct finder *f)
{
	/* a transcript: turn labels open several paragraphs ("KUWAIT:" opening one is a dateline) */
	size_t turns = 0, lb;
	for (size_t i = 0; i < f->n; i++)
		turns += !f->p[i].title_case && names_turn_label(f->p[i].text, &f->p[i].tl, &lb) > 0;
	for (size_t i = 0; turns >= 2 && i < f->n; i++)
		if (!f->p[i].title_case)
			names_turn_speaker(f->p[i].text, &f->p[i].tl, &f->p[i].names);
}

/*
 * Pass 2b: one reading per name. A name typed a person only for want of a
 * given name ("Kuala Lumpur") takes the type another mention of the same
 * words earns from its context ("in Kuala Lumpur", "the Waldorf Astoria"),
 * unless some mention reads as a person (a title, a reporting verb).
 */
enum {
	VOTE_PERSON = 1, VOTE_PLACE = 2, VOTE_ORG = 4, VOTE_STRONG = 8 /* titled or speaking */,
	VOTE_TITLED = 16, /* a title or an honorific: a person whatever else is said */
	VOTE_BODY = 32    /* "the boss of X", "X's shares": a body in every mention ("Vauld said" too) */
};

size_t finder_without_suffix(const char *name, size_t len)
{
	static const char *const suffixes[] = {
		" Inc.", " Inc", " Corp.", " Corp", " Corporation", " Ltd.", " Ltd", " LLC", " PLC", " plc",
		" Co.", " GmbH", " AG", " Limited", " Holdings", NULL,
	};
	for (const char *const *x = suffixes; *x; x++) {
		size_t xl = strlen(*x);
		if (len > xl + 1 && !memcmp(name + len - xl, *x, xl))
			return len - xl;
	}
	return 0;
}

int finder_settle_types(struct finder *f)
{
	struct strmap votes = {0};
	char buf[NAME_MAX_BYTES];
	int rc = -1;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < f->n; i++) {
			struct para *p = &f->p[i];
			for (size_t k = 0; k < p->names.n; k++) {
				struct name_span *sp = &p->names.v[k];
				if (finder_span_text(p, sp->b, sp->e, buf, sizeof buf) + 1 >= sizeof buf)
					continue;
				int guessed = sp->type == NAME_PERSON && (sp->flags & NAMEF_GUESSED) &&
				              !(sp->flags & (NAMEF_TITLED | NAMEF_SPEAKS));
				int plain = sp->type == NAME_PERSON && !(sp->flags & (NAMEF_TITLED | NAMEF_SPEAKS));
				if (pass == 1) {
					const int *bv = strmap_get(&votes, buf, strlen(buf));
					if (bv && (*bv & VOTE_BODY) && !(*bv & VOTE_TITLED) && !(sp->flags & (NAMEF_TITLED | NAMEF_LEXICON)) &&
					    (sp->type == NAME_UNKNOWN || sp->type == NAME_PLACE ||
					     (sp->type == NAME_PERSON && (guessed || sp->e - sp->b == 1)))) {
						sp->type = NAME_ORG; /* one type per name: "Vauld said" after "Vauld's shares" */
						sp->flags &= ~(unsigned)NAMEF_GUESSED;
						continue;
					}
					/* a given name alone does not outvote "the Waldorf Astoria" elsewhere */
					const int *v = plain ? strmap_get(&votes, buf, strlen(buf)) : NULL;
					if (v && !(*v & (guessed ? VOTE_PERSON | VOTE_STRONG : VOTE_STRONG)) &&
					    (*v & (VOTE_PLACE | VOTE_ORG)))
						sp->type = (*v & VOTE_PLACE) ? NAME_PLACE : NAME_ORG;
					continue;
				}
				size_t bare = sp->type == NAME_ORG ? finder_without_suffix(buf, strlen(buf)) : 0;
				if (bare) { /* "Ceres Robotics Inc." makes "Ceres Robotics" a body wherever it stands */
					int *bv = strmap_put(&votes, buf, bare, 0);
					if (!bv)
						goto out;
					*bv |= VOTE_BODY | VOTE_ORG;
				}
				int vote = sp->flags & NAMEF_TITLED ? VOTE_TITLED : 0;
				if (sp->flags & NAMEF_BODY)
					vote |= VOTE_BODY;
				if (sp->type == NAME_PERSON && !plain)
					vote |= VOTE_PERSON | VOTE_STRONG;
				else if (sp->type == NAME_PERSON && !guessed)
					vote |= VOTE_PERSON;
				else if (sp->type == NAME_PLACE || (guessed && (sp->flags & NAMEF_PLACE_CTX)))
					vote |= VOTE_PLACE;
				else if (sp->type == NAME_ORG || (guessed && (sp->flags & NAMEF_ORG_CTX)))
					vote |= VOTE_ORG;
				if (!vote)
					continue;
				int *v = strmap_put(&votes, buf, strlen(buf), 0);
				if (!v)
					goto out;
				*v |= vote;
			}
		}
	}
	rc = 0;
out:
	strmap_free(&votes);
	return rc;
}

/*
 * Pass 2a: "International Monetary Fund" and "IMF" anywhere in the article
 * are one organisation when the acronym is the name's initials; a name an
 * acronym abbreviates is an organisation even without an organisation word
 * ("Mennonite Economic Development Associates ... MEDA").
 */
/*
 * "Chinese Center for Disease Control and Prevention ... the CDC": a body's
 * acronym may leave out its nationality and what follows "and"; the length
 * of the initials found in present, or 0.
 */
static size_t short_initials(const struct para *p, const struct name_span *sp, char *ini, size_t cap,
                             const struct strmap *present)
{
	const struct token *v = p->tl.v;
	size_t and_at = sp->e;
	for (size_t j = sp->b + 1; j < sp->e; j++)
		if (tokens_is(p->text, &v[j], "and"))
			and_at = j;
	int adjective = (names_word_flags(p->text, &v[sp->b]) & (LEX_DEMONYM | LEX_ANY_PLACE)) != 0;
	for (int skip = 0; skip <= adjective; skip++)
		for (size_t e = sp->e;; e = and_at) {
			size_t b = sp->b + (size_t)skip;
			size_t n = e - b >= 2 ? names_initials(p->text, v, b, e, ini, cap) : 0;
			if (n >= 2 && strmap_get(present, ini, n))
				return n;
			if (e == and_at)
				break;
		}
	return 0;
}

/* "binge eating disorder (BED)": the words before the parenthesis spell the acronym. */
static int spelled_before(const struct para *p, const struct name_span *sp)
{
	const struct token *v = p->tl.v, *t = &v[sp->b];
	size_t n = t->end - t->start;
	if (sp->b < n + 1)
		return 0;
	for (size_t k = 0; k < n; k++) {
		const struct token *w = &v[sp->b - 1 - n + k];
		char a = p->text[w->start], b = p->text[t->start + k];
		if (w->kind != TOK_WORD || (a | 0x20) != (b | 0x20))
			return 0;
	}
	return 1;
}

int finder_link_acronyms(struct finder *f)
{
	struct strmap present = {0};
	char ini[16];
	int rc = -1;
	for (size_t i = 0; i < f->n; i++) {
		const struct para *p = &f->p[i];
		for (size_t k = 0; k < p->names.n; k++) {
			const struct name_span *sp = &p->names.v[k];
			const struct token *t = &p->tl.v[sp->b];
			if (sp->e - sp->b != 1 || !names_is_acronym(p->text, t))
				continue;
			int *c = strmap_put(&present, p->text + t->start, t->end - t->start, 0);
			if (!c)
				goto out;
			*c |= (sp->flags & NAMEF_NOT_NAME) && spelled_before(p, sp) ? 2 : 1; /* 2: a term's acronym */
		}
	}
	/* the term's acronym names nothing anywhere in the article ("BED is common") */
	for (size_t i = 0; i < f->n; i++) {
		struct para *p = &f->p[i];
		for (size_t k = 0; k < p->names.n; k++) {
			struct name_span *sp = &p->names.v[k];
			const struct token *t = &p->tl.v[sp->b];
			const int *c = sp->e - sp->b == 1 ? strmap_get(&present, p->text + t->start, t->end - t->start) : NULL;
			if (c && (*c & 2) && !(sp->flags & NAMEF_LEXICON)) {
				sp->type = NAME_UNKNOWN;
				sp->flags |= NAMEF_NOT_NAME;
			}
		}
	}
	for (size_t i = 0; i < f->n; i++) {
		struct para *p = &f->p[i];
		for (size_t k = 0; k < p->names.n; k++) {
			struct name_span *sp = &p->names.v[k];
			/* a run of common words ("Buy Now Pay Later") abbreviated stays a
			 * thing, and so does its acronym; a place's acronym is that place */
			int open = sp->type == NAME_ORG ||
			           (sp->type == NAME_PERSON && (sp->flags & NAMEF_GUESSED) && !(sp->flags & NAMEF_TITLED));
			if (sp->type == NAME_PERSON && sp->e - sp->b >= 3 && !(sp->flags & NAMEF_TITLED)) {
				/* "Mennonite Economic Development Associates ... MEDA": three words or more
				 * abbreviated are a body, whatever given name opens them (but "John F. Kennedy") */
				int initial = 0;
				for (size_t j = sp->b; j < sp->e; j++)
					initial |= (p->tl.v[j].flags & TOKF_ABBREV) != 0;
				open |= !initial;
			}
			int other = sp->type == NAME_PLACE || sp->type == NAME_OTHER ||
			            (sp->type == NAME_UNKNOWN && !(sp->flags & NAMEF_NOT_NAME));
			size_t n = sp->e - sp->b >= 2 && (open || other) ? names_initials(p->text, p->tl.v, sp->b, sp->e, ini, sizeof ini) : 0;
			if (n >= 2 && !strmap_get(&present, ini, n) && open)
				n = short_initials(p, sp, ini, sizeof ini, &present);
			if (n < 2 || !strmap_get(&present, ini, n))
				continue;
			if (open) {
				sp->type = NAME_ORG;
				sp->flags &= ~(unsigned)NAMEF_GUESSED;
			}
			int *pi = strmap_put(&f->acr_para, ini, n, (int)i);
			int *si = strmap_put(&f->acr_span, ini, n, (int)k);
			if (!pi || !si)
				goto out;
		}
	}
	rc = 0;
out:
	strmap_free(&present);
	return rc;
}

/* The span an acronym span abbreviates (pass 2a), or NULL. */
const struct name_span *finder_acronym_of(const struct finder *f, const struct para *p, const struct name_span *sp,
                                          const struct para **fp)
{
	const struct token *t = &p->tl.v[sp->b];
	if (sp->e - sp->b != 1 || !names_is_acronym(p->text, t))
		return NULL;
	const int *pi = strmap_get(&f->acr_para, p->text + t->start, t->end - t->start);
	const int *si = strmap_get(&f->acr_span, p->text + t->start, t->end - t->start);
	if (!pi || !si)
		return NULL;
	*fp = &f->p[*pi];
	return &(*fp)->names.v[*si];
}

/* 1 when a[0..al) and b[0..bl) differ by one letter added, dropped or changed. */
static int one_edit(const char *a, size_t al, const char *b, size_t bl)
{
	if (al < bl) {
		const char *t = a;
		a = b;
		b = t;
		size_t tl = al;
		al = bl;
		bl = tl;
	}
	if (al - bl > 1)
		return 0;
	size_t i = 0;
	while (i < bl && a[i] == b[i])
		i++;
	if (al == bl)
		return i < al && !memcmp(a + i + 1, b + i + 1, al - i - 1);
	return !memcmp(a + i + 1, b + i, bl - i);
}

int finder_spelling_variant(const struct finder *f, const char *w, size_t l)
{
	if (l < 6)
		return -1; /* "Lee" and "Li" are two people */
	int found = -1;
	for (size_t i = 0; i < f->a->n_entities; i++) {
		const struct entity *e = &f->a->entities[i];
		if (e->type != ENTITY_PERSON)
			continue;
		const char *sp = strrchr(e->name, ' ');
		if (!sp)
			continue;
		const char *last = sp + 1;
		size_t ll = strlen(last);
		if (last[0] != w[0] || (ll == l && !memcmp(last, w, l)) || !one_edit(last, ll, w, l))
			continue;
		if (found >= 0 && found != (int)i)
			return -1; /* two people it could be: neither */
		found = (int)i;
	}
	return found;
}

int finder_surname_owner(const struct finder *f, const char *w, size_t l)
{
	int best = -1;
	for (size_t i = 0; i < f->a->n_entities; i++) {
		const struct entity *e = &f->a->entities[i];
		const char *sp = e->type == ENTITY_PERSON ? strrchr(e->name, ' ') : NULL;
		if (!sp || strlen(sp + 1) != l || memcmp(sp + 1, w, l))
			continue;
		if (best < 0 || e->n_mentions > f->a->entities[best].n_mentions)
			best = (int)i;
	}
	return best;
}
