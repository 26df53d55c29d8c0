/* The compiled n-gram look-up that repair/resources/_lmprob.c hands to other compiled
 * modules (repair/score/_spingains.c) in a capsule named LMPROB_CAPSULE: pocketsphinx's own
 * ngram_prob on the model the Python binding loaded (issue 14). */
#ifndef REPAIR_LMPROB_H
#define REPAIR_LMPROB_H

#include <stdint.h>

#define LMPROB_CAPSULE "repair.resources._lmprob.api"

typedef int32_t (*lmprob_ngram_prob_fn)(void *model, const char *const *words, int32_t n);
/* ngram_wid(model, word) and ngram_ng_prob(model, wid, history, n_hist, &n_used): the two
 * calls ngram_prob makes (each word's id, then the look-up on the ids), so that a caller
 * reading many look-ups of a few words finds each word's id once (NULL: not found). */
typedef int32_t (*lmprob_ngram_wid_fn)(void *model, const char *word);
typedef int32_t (*lmprob_ngram_ng_prob_fn)(void *model, int32_t wid, int32_t *history,
                                           int32_t n_hist, int32_t *n_used);

typedef struct {
    void *model;               /* pocketsphinx's ngram_model_t */
    lmprob_ngram_prob_fn prob; /* pocketsphinx's ngram_prob */
    lmprob_ngram_wid_fn wid;         /* pocketsphinx's ngram_wid, or NULL */
    lmprob_ngram_ng_prob_fn ng_prob; /* pocketsphinx's ngram_ng_prob, or NULL */
} LmProbApi;

#endif
