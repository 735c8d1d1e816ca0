/*
 * svec.h - sparse term vectors and the TF-IDF sentence model.
 *
 * A sentence is a bag of term ids (stems of content words, ids from the
 * cluster vocabulary). model_vectors() weighs them by TF-IDF and normalises
 * each vector to unit length so that a dot product is a cosine.
 */
#ifndef CHORUS_MODEL_SVEC_H
#define CHORUS_MODEL_SVEC_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/strmap.h"

typedef struct ch_svec {
    const uint32_t *id; /* (n) term ids, strictly increasing */
    const float *w;     /* (n) weights; unit L2 norm unless n == 0 */
    uint32_t n;
} ch_svec;

/* Cosine of two unit vectors (merge of the sorted id lists). */
double svec_dot(const ch_svec *a, const ch_svec *b);

struct chorus_idf; /* background model, model/idf.h */

/* Inverse document frequencies for the 'n_terms' terms of 'vocab':
 * from the background model when 'bg' is non-NULL (terms it lacks get the
 * model's unseen-term weight), else from the cluster itself, counting each
 * sentence as a document: idf = log(1 + n_sent / df). terms[i] lists the
 * term ids of sentence i (repeats allowed). Returns an arena array of
 * n_terms weights, or NULL when out of memory. */
float *model_idf(ch_arena *a, const struct chorus_idf *bg, const ch_strmap *vocab,
                 const uint32_t *const *terms, const uint32_t *n_terms, size_t n_sent);

/* Builds unit TF-IDF vectors (tf = raw count) for 'n_sent' sentences into
 * out[0..n_sent), memory from 'a'. Returns 0, or -1 when out of memory. */
int model_vectors(ch_arena *a, const uint32_t *const *terms, const uint32_t *n_terms,
                  size_t n_sent, const float *idf, ch_svec *out);

#endif
