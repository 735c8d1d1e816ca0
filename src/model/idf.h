/*
 * idf.h - background IDF models inside the library (public side: the
 * chorus_idf_* functions of chorus.h; file format: docs/idf-format.md).
 *
 * A model maps a term (the Snowball stem of a folded, non-stopword word or
 * number, exactly as the cluster model forms its terms) to its document
 * frequency df in a corpus of N documents, and weighs it
 *
 *     idf(t) = log((N + 1) / (df(t) + 1)) + 1
 *
 * which is positive for every term, including one found in every document
 * (weight 1) and one never seen (df = 0: the largest weight, log(N+1) + 1).
 * A loaded model is read-only, so threads may share it.
 */
#ifndef CHORUS_MODEL_IDF_H
#define CHORUS_MODEL_IDF_H

#include <stddef.h>
#include <stdint.h>

#include "chorus.h"

/* Version of the file format written and read by this build. */
#define IDF_FORMAT_VERSION 1
/* The first bytes of every model file. */
#define IDF_MAGIC "chorus-idf"

/* Weight of term[0..n) (see above; df = 0 when the model lacks the term). */
double idf_weight(const chorus_idf *m, const char *term, size_t n);

/* Weight of a term the model has never seen: log(N + 1) + 1. */
double idf_unseen(const chorus_idf *m);

/* Document frequency of term[0..n); 0 when absent. */
uint64_t idf_df(const chorus_idf *m, const char *term, size_t n);

#endif
