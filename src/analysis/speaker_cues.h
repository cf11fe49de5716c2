/*
 * speaker_cues.h: the idioms that name who said a quotation besides "X
 * said", for speakers.c: “…,” as Reed dubbed it / as he put it; “…,” the
 * famous saying of X; his claim that “…”. Each looks at one paragraph's
 * tokens (struct speaker_para) and fills a struct speaker_result.
 *
 * Internal to the analysis stage; nothing here allocates.
 */
#ifndef DATELINE_SPEAKER_CUES_H
#define DATELINE_SPEAKER_CUES_H

#include <stddef.h>

#include "speakers.h"

/* Verbs that give someone's words a name ("called", "dubbed", ...), NULL-terminated. */
extern const char *const speaker_cues_naming_verbs[];

/* Marks r attributed, its cue tokens k .. k + n - 1. */
void speaker_cues_set(const struct speaker_para *p, size_t k, size_t n, struct speaker_result *r);

/* From token k after a quotation: "as" NAME dubbed / said / put it. 1 when found (r set). */
int speaker_cues_as_named(const struct speaker_para *p, size_t k, size_t hi, struct speaker_result *r);

/* From token k after a quotation: "the famous saying of" a person. 1 when found (r set). */
int speaker_cues_speech_of(const struct speaker_para *p, size_t k, size_t hi, struct speaker_result *r);

/* In [lo, hi) before a quotation: "as The New Yorker put it". 1 when found (r set). */
int speaker_cues_as_put_it(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r);

/* In [lo, hi) before a quotation: "Smith's claim", "his remarks", nearest the quotation. 1 when found (r set). */
int speaker_cues_speech_owner(const struct speaker_para *p, size_t lo, size_t hi, struct speaker_result *r);

/*
 * The paragraph's first sentence pointing back at the quotation before it:
 * "That’s the view of Michael Reed", "That’s according to a report by X",
 * "So says Ken Doctor". 1 when found (r set: the entity, the cue).
 */
int speaker_cues_pointing_back(const struct speaker_para *p, struct speaker_result *r);

#endif
