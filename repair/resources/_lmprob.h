/* The compiled n-gram look-up that repair/resources/_lmprob.c hands to other compiled
 * modules (repair/score/_spingains.c) in a capsule named LMPROB_CAPSULE: pocketsphinx's own
 * ngram_prob on the model the Python binding loaded (issue 14). */
#ifndef REPAIR_LMPROB_H
#define REPAIR_LMPROB_H

#include <stdint.h>

#define LMPROB_CAPSULE "repair.resources._lmprob.api"

typedef int32_t (*lmprob_ngram_prob_fn)(void *model, const char *const *words, int32_t n);

typedef struct {
    void *model;               /* pocketsphinx's ngram_model_t */
    lmprob_ngram_prob_fn prob; /* pocketsphinx's ngram_prob */
} LmProbApi;

#endif
