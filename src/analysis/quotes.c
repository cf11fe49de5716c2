/*
 * quotes.c: direct quotations and who said them.
 *
 * Quotation marks come from the tokenizer, which already told apostrophes
 * (I’ll, Ukraine’s) from marks. A quotation opens with “ " « or „ and closes
 * with its partner; one still open at the end of a paragraph continues when
 * the next paragraph opens with a mark (the newswire convention for quotes
 * running over paragraphs) and otherwise ends there, so an unclosed mark
 * costs one paragraph, never the article. Speakers come from speakers.c; a
 * quotation with no attribution of its own takes the speaker of the one
 * before it in the same sentence, or of the one just before it when it opens
 * its paragraph. Linear in the text.
 */
#include "quotes.h"
#include "model.h"
#include "base.h"
#include "name_words.h"
#include "quote_marks.h"
#include "antecedents.h"
#include "speaker_names.h"
#include "sentence.h"
#include "speakers.h"
#include "speaker_cues.h"
#include "tokens.h"

#include <stdlib.h>
#include <string.h>

struct located {
	int section, paragraph;   /* where */
	size_t start, end;        /* byte offsets */
	int entity;               /* entity index */
};

#define TURN_UNKNOWN (-2) /* a turn label naming nobody known: its quotations inherit nothing */

/* The part of a quotation inside one paragraph: a quotation over paragraphs is given as one quote each. */
struct segment {
	int paragraph;            /* in the quotation's section */
	size_t start;             /* byte offset of its text in that paragraph */
	size_t from;              /* where its text starts in pending.text */
};

struct pending {
	int open;                 /* a quotation is open */
	int carried;              /* it began in an earlier paragraph */
	int section, paragraph;   /* where it began */
	size_t start;             /* offset of its text in that paragraph */
	int partial;              /* partial flag from its opening */
	unsigned char mark;       /* the opening mark */
	struct speaker_result pre;/* attribution found before it, in its first paragraph */
	int last_paragraph;       /* the paragraph it has reached, in its section */
	long para_no;             /* running number of the paragraph it began in */
	size_t open_tok;          /* token index of its opening mark there */
	int title;                /* 1: the name of a programme or publication, said by nobody;
	                           * 2: a mention (a title, a term), said by nobody but a transcript's speaker */
	int turn;                 /* speaker of the transcript turn it opened in, or -1 */
	int transcript;           /* a paragraph of it opens with a turn label ("“WALLACE: …"): a transcript, said by many */
	int nobody_since;         /* no one named since the previous quotation, in the same paragraph */
	size_t last_end;          /* end of its text there */
	char *cue_pre;            /* cue text of pre (owned) */
	struct buf text;          /* text so far, paragraphs joined by a space */
	struct segment *seg;      /* its part in each paragraph (owned) */
	size_t n_seg, cap_seg;
};

struct quoter {
	struct article *a;
	struct located *m;        /* every body mention, in text order (owned) */
	size_t nm, im;            /* count; next one to use */
	struct antecedents ante;  /* who a pronoun or description stands for */
	int prev_speaker;         /* speaker of the previous quotation, or -1 */
	char *prev_cue;           /* its cue (owned) */
	long prev_para;           /* running paragraph number of the previous quotation */
	long para_no;             /* running paragraph number */
	size_t prev_close_tok;    /* token index of its close in its paragraph */
	int colon_speaker;        /* speaker announced by a paragraph ending in ':' */
	int signature;            /* "― Christina Lastra" closing this paragraph: its quotations' speaker, or -1 */
	long colon_para;          /* running number of that paragraph */
	int turn;                 /* "WALLACE: ..." opening this paragraph: that person, or -1 */
	struct speaker_names names;/* speakers' fullest names */
	int singles;              /* the article quotes with ‘ ’ only: they are its quotation marks */
	char *writer;             /* the one person of the byline, speaker of "I said", or NULL (owned) */
	size_t claim_from;        /* the quotes [claim_from, n_quotes) closing paragraph claim_para have */
	long claim_para;          /* no attribution at all: "That’s the view of X" next may claim them */
	struct pending q;
};

static int compare_located(const void *x, const void *y)
{
	const struct located *a = x, *b = y;
	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	if (a->paragraph != b->paragraph)
		return a->paragraph < b->paragraph ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

static int collect_mentions(struct quoter *qt)
{
	size_t n = 0;
	for (size_t i = 0; i < qt->a->n_entities; i++)
		n += qt->a->entities[i].n_mentions;
	if (!(qt->m = calloc(n ? n : 1, sizeof *qt->m)))
		return -1;
	for (size_t i = 0; i < qt->a->n_entities; i++) {
		const struct entity *e = &qt->a->entities[i];
		for (size_t j = 0; j < e->n_mentions; j++) {
			const struct mention *mm = &e->mentions[j];
			if (mm->section < 0 || mm->paragraph < 0)
				continue;
			qt->m[qt->nm++] = (struct located){mm->section, mm->paragraph, mm->start, mm->end, (int)i};
		}
	}
	qsort(qt->m, qt->nm, sizeof *qt->m, compare_located);
	return 0;
}

/*
 * Emits the pending quotation, ending at offset end of paragraph par (of the
 * section it began in); sp and close locate its closing mark for "…,” he
 * said" (sp NULL when it ended with its paragraph unclosed).
 */
static int emit(struct quoter *qt, int par, size_t end, const struct speaker_para *sp, size_t close)
{
	struct pending *q = &qt->q;
	q->open = 0;
	size_t n = q->text.len;
	const char *t = q->text.data ? q->text.data : "";
	while (n && (t[n - 1] == ' ' || t[n - 1] == ',' || t[n - 1] == ';' || t[n - 1] == ':'))
		n--;
	size_t b = 0;
	while (b < n && t[b] == ' ')
		b++;
	if (!quote_marks_has_letter(t + b, n - b)) {
		free(q->cue_pre);
		q->cue_pre = NULL;
		return 0;
	}
	if (q->title || q->transcript) {
		q->pre.attributed = 0;
		sp = NULL; /* neither a speaker nor one to pass on */
	}
	struct speaker_result post = {-1, 0, 0, 0, 0};
	if (sp && close < sp->tl->n)
		speakers_find(sp, sp->tl->n + 1, close, &post); /* after the quotation only */
	int speaker = -1;
	const char *cue = NULL;
	size_t cue_len = 0;
	if (q->transcript) {
		speaker = -1;
	} else if (q->title) {
		speaker = q->title == 2 && q->turn >= 0 ? q->turn : -1; /* a transcript's speaker mentions it */
	} else if (qt->signature >= 0 && !(post.attributed && !post.from_tail)) {
		speaker = qt->signature; /* the paragraph is signed */
	} else if (post.attributed && !(post.from_tail && q->pre.attributed)) {
		speaker = post.entity;
		cue = sp->text + post.cue_start;
		cue_len = post.cue_end - post.cue_start;
	} else if (q->pre.attributed) {
		speaker = q->pre.entity;
		cue = q->cue_pre;
		cue_len = q->cue_pre ? strlen(q->cue_pre) : 0;
	} else if (q->turn >= 0) {
		speaker = q->turn; /* quoted in a transcript's turn: the one speaking quotes it */
	} else if (q->title || q->turn == TURN_UNKNOWN) {
		speaker = -1;
	} else if (q->open_tok == 0 && qt->colon_para + 1 == q->para_no && qt->colon_speaker >= 0) {
		speaker = qt->colon_speaker; /* "Caddell continued:" closing the paragraph before */
	} else if (qt->prev_speaker >= 0 && (!q->partial || q->nobody_since) &&
	           (qt->prev_para == q->para_no || qt->prev_para + 1 == q->para_no) &&
	           (q->open_tok == 0 || qt->prev_para == q->para_no)) {
		speaker = qt->prev_speaker; /* a bare quotation after an attributed one */
		cue = qt->prev_cue;
		cue_len = qt->prev_cue ? strlen(qt->prev_cue) : 0;
	}
	const char *who = speaker >= 0 ? speaker_names_full(&qt->names, speaker) : NULL;
	if (speaker >= 0 && !who)
		return -1;
	if (speaker == SENTENCE_WRITER)
		who = qt->writer; /* "I told myself, “…”": the writer of a first-person piece */
	if (q->partial && !cue && !q->title) {
		const char *again = speaker_names_requoted(qt->a, t + b, n - b);
		if (again)
			who = again; /* "with “investing for growth.”": words quoted before are their speaker's */
	}
	(void)par, (void)end;
	int unclaimed = speaker < 0 && !q->title && !q->transcript && !q->pre.attributed && !post.attributed &&
	                q->turn == -1 && !who;
	if (qt->claim_para != qt->para_no) {
		qt->claim_from = qt->a->n_quotes; /* a run of unattributed quotes starts here */
		qt->claim_para = qt->para_no;
	}
	for (size_t i = 0; i < q->n_seg; i++) {
		/* each paragraph's part, without the spaces and commas trimmed off it */
		size_t sb = q->seg[i].from, se = i + 1 < q->n_seg ? q->seg[i + 1].from - 1 : q->text.len;
		size_t lead = 0;
		if (sb < b) {
			lead = b - sb;
			sb = b;
		}
		if (se > n)
			se = n;
		while (se > sb && (t[se - 1] == ' ' || t[se - 1] == ',' || t[se - 1] == ';' || t[se - 1] == ':'))
			se--;
		while (sb < se && t[sb] == ' ') {
			sb++;
			lead++;
		}
		if (!quote_marks_has_letter(t + sb, se - sb))
			continue;
		struct quote *out = article_add_quote(qt->a);
		if (!out)
			return -1;
		out->section = q->section;
		out->paragraph = out->end_paragraph = q->seg[i].paragraph;
		out->start = q->seg[i].start + lead;
		out->end = out->start + (se - sb);
		out->partial = i == 0 ? q->partial : 0;
		if (article_set(&out->text, t + sb, se - sb) || (who && article_set(&out->speaker, who, strlen(who))) ||
		    (cue && cue_len && article_set(&out->cue, cue, cue_len)))
			return -1;
	}
	if (!unclaimed)
		qt->claim_from = qt->a->n_quotes; /* a quote with a voice ends the run */
	if ((q->title || q->transcript) && speaker < 0) {
		free(q->cue_pre);
		q->cue_pre = NULL;
		return 0; /* a title or a transcript passes no speaker on */
	}
	if (speaker < 0 && q->partial && !q->pre.attributed && !post.attributed) {
		free(q->cue_pre);
		q->cue_pre = NULL;
		return 0; /* an unattributed term inside a sentence does not silence the voice before it */
	}
	char *pc = NULL;
	if (cue && cue_len && !(pc = strndup(cue, cue_len)))
		return -1;
	free(qt->prev_cue);
	qt->prev_cue = pc;
	qt->prev_speaker = speaker;
	qt->prev_para = qt->para_no;
	free(q->cue_pre);
	q->cue_pre = NULL;
	return 0;
}

static int open_quote(struct quoter *qt, int sec, int par, const struct speaker_para *sp, size_t k)
{
	struct pending *q = &qt->q;
	const struct token *t = &sp->tl->v[k];
	q->open = 1;
	q->carried = 0;
	q->para_no = qt->para_no;
	q->open_tok = k;
	q->section = sec;
	q->paragraph = par;
	q->start = t->end;
	q->mark = t->mark;
	q->partial = quote_marks_partial(sp->tl, k);
	q->title = 0;
	q->transcript = 0;
	q->turn = qt->turn;
	/* "…,” he said. There could be dangers “if …”: nobody else named since, the same voice
	 * ("…,” says analyst Ken Doctor. That produced “…”: naming the speaker again is no one else) */
	size_t words = 0; /* a clause, not a term: four words or more */
	for (size_t j = k + 1; j < sp->tl->n && sp->tl->v[j].kind != TOK_QUOTE && words < 4; j++)
		words += sp->tl->v[j].kind == TOK_WORD;
	q->nobody_since = words >= 4 && qt->prev_para == qt->para_no && qt->prev_close_tok < k;
	for (size_t j = qt->prev_close_tok + 1; q->nobody_since && j < k; j++)
		q->nobody_since = sp->entity[j] < 0 || sp->in_quote[j] || sp->entity[j] == qt->prev_speaker;
	buf_reset(&q->text);
	q->n_seg = 0;
	free(q->cue_pre);
	q->cue_pre = NULL;
	struct speaker_para partial_sp = *sp;
	partial_sp.subject_fallback = q->partial;
	speakers_find(&partial_sp, k, sp->tl->n, &q->pre); /* before the quotation only */
	if (q->pre.attributed && q->pre.cue_end > q->pre.cue_start &&
	    !(q->cue_pre = strndup(sp->text + q->pre.cue_start, q->pre.cue_end - q->pre.cue_start)))
		return -1;
	/* a quotation in the same sentence as an attributed one shares its speaker */
	if (!q->pre.attributed && qt->prev_para == qt->para_no && qt->prev_speaker >= 0 && qt->turn == -1) {
		size_t j = k;
		int boundary = 0;
		while (j > qt->prev_close_tok + 1 && !boundary) {
			const struct token *u = &sp->tl->v[--j];
			boundary = (u->kind == TOK_PUNCT && strchr(".!?", u->punct)) ||
			           (u->kind == TOK_WORD && (u->flags & TOKF_SENT_START));
		}
		if (!boundary) {
			q->pre.attributed = 1;
			q->pre.entity = qt->prev_speaker;
			if (qt->prev_cue && !(q->cue_pre = strdup(qt->prev_cue)))
				return -1;
		}
	}
	return 0;
}

/* Adds the quotation's part text[from, to) of paragraph par. */
static int append(struct pending *q, int par, const char *text, size_t from, size_t to)
{
	if (q->text.len && buf_append(&q->text, " ", 1))
		return -1;
	if (array_grow((void **)&q->seg, &q->cap_seg, q->n_seg + 1, sizeof *q->seg))
		return -1;
	q->seg[q->n_seg++] = (struct segment){par, from, q->text.len};
	return buf_append(&q->text, text + from, to - from);
}

/* Per-token entities of the paragraph from the mentions, then their antecedents (antecedents.h). */
static void resolve(struct quoter *qt, int sec, int par, const char *text, const struct token_list *tl,
                    const unsigned char *in_quote, int *entity, int *etype, int *lp, int *lo, int *he, int *she)
{
	size_t n = tl->n;
	antecedents_begin(&qt->ante);
	struct located loc = {sec, par, 0, 0, 0};
	for (size_t k = 0; k < n; k++)
		entity[k] = etype[k] = -1;
	/* mentions of this paragraph (skip any that sort before it) */
	while (qt->im < qt->nm && compare_located(&qt->m[qt->im], &loc) < 0 &&
	       (qt->m[qt->im].section != sec || qt->m[qt->im].paragraph != par))
		qt->im++;
	size_t k = 0;
	for (; qt->im < qt->nm && qt->m[qt->im].section == sec && qt->m[qt->im].paragraph == par; qt->im++) {
		const struct located *m = &qt->m[qt->im];
		while (k < n && tl->v[k].end <= m->start)
			k++;
		for (size_t j = k; j < n && tl->v[j].start < m->end; j++)
			if (tl->v[j].start >= m->start) {
				entity[j] = m->entity;
				etype[j] = (int)qt->a->entities[m->entity].type;
			}
	}
	antecedents_paragraph(&qt->ante, text, tl, in_quote, entity, etype, lp, lo, he, she);
}

/*
 * A paragraph that ends with a dash and a person's name ("… money.” ―
 * Christina Lastra.") is signed: the name is the speaker of its quotations.
 */
static int signature(const struct token_list *tl, const int *entity, const int *etype, const unsigned char *in_quote)
{
	size_t k = tl->n;
	if (k && tl->v[k - 1].kind == TOK_PUNCT && tl->v[k - 1].punct == '.')
		k--;
	if (!k || entity[k - 1] < 0 || etype[k - 1] != ENTITY_PERSON || in_quote[k - 1])
		return -1;
	size_t b = k - 1;
	while (b > 0 && entity[b - 1] == entity[k - 1])
		b--;
	if (b == 0 || !(tl->v[b - 1].kind == TOK_PUNCT && tl->v[b - 1].punct == '-'))
		return -1;
	return entity[k - 1];
}

/*
 * "“…stronger…” ¶ That’s the optimistic view mouthed by Michael Reed": the
 * paragraph opening by pointing back names the speaker of the quotations
 * closing the paragraph before, when nothing attributed them.
 */
static int claim_back(struct quoter *qt, const struct speaker_para *sp)
{
	struct speaker_result r = {-1, 0, 0, 0, 0};
	if (qt->claim_para + 1 != qt->para_no || qt->claim_from >= qt->a->n_quotes || !speaker_cues_pointing_back(sp, &r))
		return 0;
	const char *who = r.entity >= 0 ? speaker_names_full(&qt->names, r.entity) : NULL;
	if (!who)
		return r.entity >= 0 ? -1 : 0;
	for (size_t i = qt->claim_from; i < qt->a->n_quotes; i++) {
		struct quote *out = &qt->a->quotes[i];
		if (article_set(&out->speaker, who, strlen(who)) ||
		    article_set(&out->cue, sp->text + r.cue_start, r.cue_end - r.cue_start))
			return -1;
	}
	qt->claim_from = qt->a->n_quotes;
	qt->prev_speaker = r.entity;
	qt->prev_para = qt->para_no;
	return 0;
}

/* The person a transcript's turn label names ("PENCE: ..."), TURN_UNKNOWN, or -1 when there is no turn. */
static int turn_speaker(const char *text, const struct token_list *tl, const int *entity, const int *etype)
{
	size_t b, n = names_turn_label(text, tl, &b);
	for (size_t k = b; n && k < b + n; k++)
		if (entity[k] >= 0)
			return etype[k] == ENTITY_PERSON ? entity[k] : -1; /* "KUWAIT:" is a dateline */
	return n ? TURN_UNKNOWN : -1;
}

static int paragraph(struct quoter *qt, int sec, int par, const char *text)
{
	struct token_list tl = {0};
	size_t len = strlen(text);
	int rc = -1;
	int *ints = NULL;
	unsigned char *in_quote = NULL;
	struct quote_span *spans = NULL;
	if (tokens_split(text, len, &tl))
		goto out;
	size_t n = tl.n;
	if (!(ints = malloc((6 * n + 1) * sizeof *ints)) || !(in_quote = calloc(n + 1, 1)) ||
	    !(spans = malloc((n + 1) * sizeof *spans)))
		goto out;
	int *entity = ints, *etype = ints + n, *lp = ints + 2 * n, *lo = ints + 3 * n;
	int *he = ints + 4 * n, *she = ints + 5 * n;
	int carried = qt->q.open;
	size_t ns = quote_marks_pair(text, &tl, carried, qt->singles, spans, in_quote);
	resolve(qt, sec, par, text, &tl, in_quote, entity, etype, lp, lo, he, she);
	struct speaker_para sp = {text, &tl, entity, etype, lp, he, she, lo, in_quote, 0,
	                          qt->ante.recent, qt->ante.n_recent, antecedents_role_has, qt->a};
	qt->signature = -1; /* the quotation carried from before is not signed by this paragraph */
	if (carried && !(ns && spans[0].continued)) {
		/* the quotation ended with its paragraph after all */
		if (emit(qt, qt->q.last_paragraph, qt->q.last_end, NULL, 0))
			goto out;
	}
	if (claim_back(qt, &sp))
		goto out;
	qt->signature = signature(&tl, entity, etype, in_quote);
	qt->turn = turn_speaker(text, &tl, entity, etype);
	size_t next_end = 0; /* sentence ends are visited in order, once */
	for (size_t i = 0; i <= ns; i++) {
		/* "Schiff said." before a bare quotation makes Schiff its speaker */
		size_t limit = i < ns ? spans[i].open : n;
		for (; next_end < limit; next_end++) {
			const struct token *t = &tl.v[next_end];
			if (in_quote[next_end] || t->kind != TOK_PUNCT || !strchr(".!?", t->punct))
				continue;
			int who = speakers_sentence(&sp, next_end);
			if (who >= 0) {
				qt->prev_speaker = who;
				qt->prev_para = qt->para_no;
				qt->prev_close_tok = next_end;
				free(qt->prev_cue);
				qt->prev_cue = NULL;
			}
		}
		if (i == ns)
			break;
		const struct quote_span *s = &spans[i];
		if (!s->continued && s->close < n && quote_marks_nickname(&tl, s->open, s->close)) {
			for (size_t k = s->open; k <= s->close; k++)
				in_quote[k] = 0; /* Robert C. "Bobby" Scott: part of a name */
			continue;
		}
		if (!s->continued && open_quote(qt, sec, par, &sp, s->open))
			goto out;
		size_t from = tl.v[s->open].end;
		size_t to = s->close < n ? tl.v[s->close].start : len;
		if (append(&qt->q, par, text, from, to))
			goto out;
		qt->q.transcript |= quote_marks_turn_label(text + from, to - from);
		if (s->close < n) {
			qt->q.title = s->continued ? 0 : qt->q.partial && quote_marks_title(text, &tl, s->open, s->close) ? 1 :
			              quote_marks_mention(text, &tl, s->open, s->close) ? 2 : 0;
			for (size_t k = s->open; qt->q.title && k <= s->close; k++)
				in_quote[k] = 2; /* a title: its sentence is still plain reporting */
			if (emit(qt, par, to, &sp, s->cut ? n : s->close))
				goto out;
			qt->prev_close_tok = s->close;
		} else {
			qt->q.last_paragraph = par;
			qt->q.last_end = to;
		}
	}
	if (n && tl.v[n - 1].kind == TOK_PUNCT && tl.v[n - 1].punct == ':' && !in_quote[n - 1]) {
		struct speaker_result r;
		speakers_find(&sp, n - 1, n, &r);
		if (r.attributed && r.entity >= 0) {
			qt->colon_speaker = r.entity;
			qt->colon_para = qt->para_no;
		}
	}
	rc = 0;
out:
	tokens_free(&tl);
	free(ints);
	free(in_quote);
	free(spans);
	return rc;
}

/* Whether any paragraph holds a double quotation mark: “ ” " « » „ or '' ’’. */
static int has_double_marks(const struct article *a)
{
	static const char *const marks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "\xC2\xAB", "\xC2\xBB",
	                                    "\xE2\x80\x9E", "''", "\xE2\x80\x99\xE2\x80\x99", NULL};
	for (size_t s = 0; s < a->n_sections; s++)
		for (size_t j = 0; j < a->sections[s].n_paragraphs; j++)
			for (const char *const *m = marks; *m; m++)
				if (strstr(a->sections[s].paragraphs[j], *m))
					return 1;
	return 0;
}

int quotes_find(struct article *a)
{
	struct quoter qt = {0};
	qt.a = a;
	qt.prev_speaker = -1;
	qt.prev_para = qt.colon_para = -10;
	qt.colon_speaker = qt.signature = qt.turn = -1;
	qt.claim_para = -10;
	int rc = -1;
	if (speaker_names_init(&qt.names, a))
		return -1;
	if (collect_mentions(&qt) || antecedents_init(&qt.ante, a, &qt.names) || speaker_names_writer(a->byline, &qt.writer))
		goto out;
	qt.singles = !has_double_marks(a);
	for (size_t s = 0; s < a->n_sections; s++) {
		/* a quotation never runs over a section heading */
		if (qt.q.open && emit(&qt, qt.q.last_paragraph, qt.q.last_end, NULL, 0))
			goto out;
		for (size_t j = 0; j < a->sections[s].n_paragraphs; j++, qt.para_no++) {
			if (paragraph(&qt, (int)s, (int)j, a->sections[s].paragraphs[j]))
				goto out;
		}
	}
	if (qt.q.open && emit(&qt, qt.q.last_paragraph, qt.q.last_end, NULL, 0))
		goto out;
	rc = 0;
out:
	speaker_names_free(&qt.names);
	free(qt.m);
	antecedents_free(&qt.ante);
	free(qt.prev_cue);
	free(qt.writer);
	free(qt.q.cue_pre);
	buf_free(&qt.q.text);
	free(qt.q.seg);
	return rc;
}
