/* speaker_names.c: a quotation's speaker named in full (see speaker_names.h). */
#include "speaker_names.h"
#include "lexicon.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

#define TEXT_SCANS_MAX 32 /* surnames looked up in the whole text per article */
#define LOOKUPS_MAX 256   /* speakers compared with every entity per article: keeps the work linear */
#define ACRONYM_ORGS 64   /* organisations an acronym is compared with */
#define WORDS_MAX 12      /* words of a name considered */

struct words {
	const char *s[WORDS_MAX]; /* word starts inside the name */
	size_t n[WORDS_MAX];      /* their lengths */
	size_t count;
};

static void split(const char *name, struct words *w)
{
	w->count = 0;
	for (const char *p = name; *p && w->count < WORDS_MAX;) {
		while (*p == ' ')
			p++;
		size_t l = strcspn(p, " ");
		if (!l)
			break;
		w->s[w->count] = p, w->n[w->count++] = l;
		p += l;
	}
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* A capitalised word the lexicon takes for a given name ("Matt", "Sheldon"). */
static int is_given(const char *s, size_t n)
{
	if (n < 2 || !is_upper(s[0]) || is_upper(s[1]))
		return 0;
	unsigned f = lexicon_lookup(s, n, NULL);
	return (f & (LEX_FEMALE | LEX_MALE)) ||
	       ((f & LEX_PROPER) && !(f & (LEX_ANY_PLACE | LEX_ANY_ORG | LEX_DEMONYM | LEX_TITLE | LEX_STOP)));
}

/* A word that qualifies a name rather than belongs to it: a place, office, team code, "Singer-guitarists". */
static int is_qualifier(const char *s, size_t n)
{
	const char *h = memchr(s, '-', n);
	if (h && h + 1 < s + n && h[1] >= 'a' && h[1] <= 'z')
		return 1;
	int caps = n <= 4;
	for (size_t i = 0; i < n && caps; i++)
		caps = is_upper(s[i]);
	if (caps)
		return 1;
	unsigned f = lexicon_lookup(s, n, NULL);
	return (f & (LEX_ANY_PLACE | LEX_TITLE | LEX_DEMONYM | LEX_MODIFIER | LEX_ANY_ORG | LEX_ORG_WORD)) ||
	       ((f & LEX_COMMON) && !(f & LEX_PROPER));
}

/*
 * Offset in name where the person's own name starts: past qualifiers before
 * a given name ("Browns DL Sheldon Richardson") or a place glued before
 * two words ("Britain Liu Xiaming"); 0 when nothing is to be dropped.
 */
static size_t person_start(const char *name)
{
	struct words w;
	split(name, &w);
	for (size_t g = 1; g + 2 <= w.count; g++) {
		if (!is_qualifier(w.s[g - 1], w.n[g - 1]))
			break;
		if (is_given(w.s[g], w.n[g]))
			return (size_t)(w.s[g] - name);
	}
	if (w.count >= 3 && !is_given(w.s[0], w.n[0]) &&
	    (lexicon_lookup(w.s[0], w.n[0], NULL) & LEX_ANY_PLACE))
		return (size_t)(w.s[1] - name);
	return 0;
}

/* 1 when long ends with the words of short after a space ("Matt Maley", "Maley"). */
static int ends_with_words(const char *lng, const char *shrt)
{
	size_t a = strlen(lng), b = strlen(shrt);
	return a > b + 1 && lng[a - b - 1] == ' ' && !strcmp(lng + a - b, shrt);
}

/* 1 when long starts with the words of short before a space. */
static int starts_with_words(const char *lng, const char *shrt)
{
	size_t b = strlen(shrt);
	return strlen(lng) > b + 1 && lng[b] == ' ' && !strncmp(lng, shrt, b);
}

/* 1 when every word of s (from its start) ends an organisation's name: "Media", "Group". */
static int org_words_only(const char *s)
{
	struct words w;
	split(s, &w);
	for (size_t i = 0; i < w.count; i++)
		if (!(lexicon_lookup(w.s[i], w.n[i], NULL) & LEX_ORG_WORD))
			return 0;
	return w.count > 0;
}

/* 1 when the initials of name's capitalised words spell acronym ("Drug Enforcement Administration", "DEA"). */
static int spells(const char *name, const char *acronym)
{
	struct words w;
	split(name, &w);
	size_t k = 0, n = strlen(acronym);
	for (size_t i = 0; i < w.count; i++) {
		if (!is_upper(w.s[i][0]))
			continue;
		if (k >= n || w.s[i][0] != acronym[k])
			return 0;
		k++;
	}
	return k == n && n >= 2;
}

static int is_acronym(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (!is_upper(s[i]))
			return 0;
	return n >= 2 && n <= 6;
}

/*
 * The person entity f names, past the words glued before it, or NULL: an
 * organisation too when it holds a role ("singer"), opens with a given
 * name, or is a place glued to two words ("Britain Liu Xiaming").
 */
static const char *person_form(const struct entity *f)
{
	size_t b = person_start(f->name);
	const char *c = f->name + b;
	if (f->type == ENTITY_PERSON)
		return c;
	if (f->type != ENTITY_ORGANIZATION)
		return NULL;
	struct words w;
	split(c, &w);
	int org_word = 0;
	for (size_t i = 0; i < w.count; i++)
		org_word |= (lexicon_lookup(w.s[i], w.n[i], NULL) &
		             (LEX_ORG_WORD | LEX_ANY_ORG | (f->role ? 0 : LEX_COMMON))) != 0;
	if (org_word || w.count < 2)
		return NULL;
	return f->role || b || is_given(c, strcspn(c, " ")) ? c : NULL;
}

/* a sentinel with its own address: two "" literals may or may not be one object */
static const char ambiguous_form[] = "";
#define AMBIGUOUS ambiguous_form

/*
 * The one longer form of short that another entity gives, by kind: 0 a
 * person's name ending with it, 1 a name starting with a lone surname, 2
 * an organisation's name with organisation words after it or its acronym
 * spelled out. NULL when there is none, AMBIGUOUS when there are several.
 */
static const char *longer_form(const struct article *a, int e, const char *shrt, int kind)
{
	const char *found = NULL;
	for (size_t i = 0; i < a->n_entities; i++) {
		const struct entity *f = &a->entities[i];
		if ((int)i == e || f->type == ENTITY_PLACE)
			continue;
		const char *c = kind < 2 ? person_form(f) : f->name;
		int ok = 0;
		if (!c)
			continue;
		if (kind == 0)
			ok = ends_with_words(c, shrt);
		else if (kind == 1)
			ok = starts_with_words(c, shrt) && !strchr(c + strlen(shrt) + 1, ' ');
		else
			ok = f->type == ENTITY_ORGANIZATION &&
			     ((starts_with_words(c, shrt) && org_words_only(c + strlen(shrt) + 1)) ||
			      (is_acronym(shrt) && spells(c, shrt)));
		if (!ok)
			continue;
		if (found && strcmp(found, c))
			return AMBIGUOUS; /* two people, two forms: left as written */
		found = c;
	}
	return found;
}

/* "Matt Maley" in the text for the surname "Maley": a given name right before it (first one found). */
static char *given_before(const struct article *a, const char *surname)
{
	size_t sl = strlen(surname);
	for (size_t s = 0; s < a->n_sections; s++)
		for (size_t j = 0; j < a->sections[s].n_paragraphs; j++) {
			const char *p = a->sections[s].paragraphs[j];
			for (const char *h = strstr(p, surname); h; h = strstr(h + sl, surname)) {
				char after = h[sl];
				if (h - p < 3 || h[-1] != ' ' || (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'))
					continue;
				const char *g = h, *b;
				for (int names = 0; names < 3 && g - p >= 3 && g[-1] == ' '; names++, g = b) {
					b = g - 1; /* "John Milo Ford": every given name before it */
					while (b > p && b[-1] != ' ')
						b--;
					if (!is_given(b, (size_t)(g - 1 - b)))
						break;
				}
				if (g == h)
					continue;
				size_t n = (size_t)(h + sl - g);
				char *out = malloc(n + 1);
				if (out) {
					memcpy(out, g, n);
					out[n] = '\0';
				}
				return out;
			}
		}
	return strdup(surname);
}

/* Whether the article's text holds name. */
static int in_text(const struct article *a, const char *name)
{
	for (size_t s = 0; s < a->n_sections; s++)
		for (size_t j = 0; j < a->sections[s].n_paragraphs; j++)
			if (strstr(a->sections[s].paragraphs[j], name))
				return 1;
	return 0;
}

#define ALIASES_TRIED 4 /* aliases looked up in the text for a name it never uses */

/*
 * A place or body named by a form the article never writes ("United
 * Kingdom" from a gazetteer, "Democratic Party" for "Democrats"): its
 * longest alias the text does hold, or name itself.
 */
static const char *as_written(struct speaker_names *sn, const struct entity *ent, const char *name)
{
	if (!ent->n_aliases || sn->text_scans >= TEXT_SCANS_MAX)
		return name;
	sn->text_scans++;
	if (in_text(sn->a, name))
		return name;
	const char *best = name;
	size_t best_len = 0;
	for (size_t i = 0; i < ent->n_aliases && i < ALIASES_TRIED; i++) {
		size_t n = strlen(ent->aliases[i]);
		if (n > best_len && in_text(sn->a, ent->aliases[i])) {
			best = ent->aliases[i];
			best_len = n;
		}
	}
	return best;
}

static char *fullest(struct speaker_names *sn, int e)
{
	const struct entity *ent = &sn->a->entities[e];
	const char *own = person_form(ent);
	int person = own != NULL;
	if (!own)
		own = ent->name;
	const char *lng = NULL;
	if (sn->lookups++ >= LOOKUPS_MAX)
		return strdup(own);
	if (person) {
		lng = longer_form(sn->a, e, own, 0);
		if (!lng && !strchr(own, ' ') && !is_given(own, strlen(own)))
			lng = longer_form(sn->a, e, own, 1);
		if (!lng && !strchr(own, ' ') && sn->text_scans < TEXT_SCANS_MAX) {
			sn->text_scans++;
			return given_before(sn->a, own);
		}
	} else if (ent->type == ENTITY_ORGANIZATION) {
		lng = longer_form(sn->a, e, own, 2);
	}
	if (!person && !(lng && lng != AMBIGUOUS))
		own = as_written(sn, ent, own);
	return strdup(lng && lng != AMBIGUOUS ? lng : own);
}

int speaker_names_acronym(const struct speaker_names *sn, const char *w, size_t n)
{
	char acr[8];
	if (n < 2 || n >= sizeof acr)
		return -1;
	memcpy(acr, w, n);
	acr[n] = '\0';
	if (!is_acronym(acr))
		return -1;
	int found = -1;
	for (size_t i = 0, orgs = 0; i < sn->a->n_entities && orgs < ACRONYM_ORGS; i++) {
		const struct entity *f = &sn->a->entities[i];
		if (f->type != ENTITY_ORGANIZATION)
			continue;
		orgs++;
		if (!strcmp(f->name, acr))
			return -1; /* the article names it so itself */
		if (spells(f->name, acr)) {
			if (found >= 0)
				return -1;
			found = (int)i;
		}
	}
	return found;
}

int speaker_names_init(struct speaker_names *sn, const struct article *a)
{
	sn->a = a;
	sn->text_scans = sn->lookups = 0;
	sn->full = calloc(a->n_entities + 1, sizeof *sn->full);
	return sn->full ? 0 : -1;
}

const char *speaker_names_full(struct speaker_names *sn, int e)
{
	if (!sn->full[e])
		sn->full[e] = fullest(sn, e);
	return sn->full[e];
}

void speaker_names_free(struct speaker_names *sn)
{
	for (size_t i = 0; sn->full && i < sn->a->n_entities; i++)
		free(sn->full[i]);
	free(sn->full);
	sn->full = NULL;
}

#define REQUOTE_REACH 32  /* earlier quotations searched for words quoted again */
#define REQUOTE_MIN 10    /* bytes: shorter fragments match by chance */

/* The speaker of an earlier quotation with a cue holding text[0, n) (its last punctuation aside), or NULL. */
const char *speaker_names_requoted(const struct article *a, const char *text, size_t n)
{
	while (n && (text[n - 1] == '.' || text[n - 1] == ',' || text[n - 1] == ' '))
		n--;
	if (n < REQUOTE_MIN || !memchr(text, ' ', n))
		return NULL;
	size_t lo = a->n_quotes > REQUOTE_REACH ? a->n_quotes - REQUOTE_REACH : 0;
	for (size_t i = a->n_quotes; i > lo; i--) {
		const struct quote *e = &a->quotes[i - 1];
		if (!e->speaker || !e->cue || !e->text)
			continue; /* only words someone was seen saying */
		size_t len = strlen(e->text);
		for (const char *h = memchr(e->text, text[0], len); h && (size_t)(e->text + len - h) > n;
		     h = memchr(h + 1, text[0], (size_t)(e->text + len - h - 1)))
			if (!memcmp(h, text, n))
				return e->speaker;
	}
	return NULL;
}

/*
 * The writer's name from a byline of one person ("By Jane Roe", "Jane Roe"):
 * two to four capitalised words; NULL for none, several or an agency.
 */
int speaker_names_writer(const char *byline, char **out)
{
	*out = NULL;
	if (!byline)
		return 0;
	if (!strncmp(byline, "By ", 3) || !strncmp(byline, "by ", 3))
		byline += 3;
	size_t n = strlen(byline), words = 0;
	while (n && byline[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)byline[i];
		if (c == ',' || c == '&' || c == '|' || c == '/' || (c >= '0' && c <= '9'))
			return 0;
		if (i == 0 || byline[i - 1] == ' ') {
			if (!(c >= 'A' && c <= 'Z') && c < 0x80)
				return 0; /* "and", "staff": not one person's name */
			words++;
		}
	}
	if (words < 2 || words > 4)
		return 0;
	return (*out = strndup(byline, n)) ? 0 : -1;
}
