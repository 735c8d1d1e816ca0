/*
 * salience.h - a learned estimate of how much of a sentence a reference
 * summary would share: sentence features (salience.c) and a linear model
 * over them, read from a small versioned text file (docs/salience-model.md).
 * The built-in model is data/salience-model.txt, fitted by
 * `chorus train`.
 */
#ifndef CHORUS_SUMMARIZE_SALIENCE_H
#define CHORUS_SUMMARIZE_SALIENCE_H

#include <stddef.h>

#include "summarize/select.h"

/* Number of features per sentence; their names are sal_feature_name(k). */
#define SAL_N_FEATURES 26

/* Index of the cosine to the cluster centroid among the features. */
#define SAL_FEATURE_CENTROID 0

/* Header line of a model file, followed by its format version. */
#define SAL_MODEL_MAGIC "chorus-salience"
#define SAL_MODEL_VERSION 2

/* A parsed model. The lexicon is not copied: it is the model text's
 * section after the "lexicon" line (one "stem weight" line per stem, keys
 * in increasing byte order), searched in place, so the text must outlive
 * the model. */
typedef struct sal_model {
    double bias;
    double w[SAL_N_FEATURES];
    const char *lex; /* (lex_len) the lexicon section, or NULL */
    size_t lex_len;
} sal_model;

/* Name of feature k (< SAL_N_FEATURES), as model files spell it. */
const char *sal_feature_name(size_t k);

/* Fills x[i * SAL_N_FEATURES + k] with feature k of sentence i for every
 * sentence of 'in' (in->terms, in->vocab and in->text are used when
 * present); the lexicon features read m's lexicon (0 without one).
 * Returns 0, or -1 when out of memory. */
int sal_features(const ch_rank_input *in, const sal_model *m, double *x);

/* Parses a model file's text (not NUL-terminated; 'len' bytes). With
 * check_lexicon the lexicon is verified line by line (form, finite
 * weights, order); without, it is only located - lookups stay within its
 * bytes whatever it holds. Returns 0, or -1 with a message in err (size
 * errlen) naming the line at fault. */
int sal_model_parse(const char *text, size_t len, sal_model *m, int check_lexicon, char *err,
                    size_t errlen);

/* Lexicon weight of the stem w[0..n): 0 when absent. */
double sal_lexicon_weight(const sal_model *m, const char *w, size_t n);

/* The built-in model. Returns 0, -1 if it does not parse (a build error). */
int sal_model_default(sal_model *m);

/* Model score of the feature row x. */
double sal_predict(const sal_model *m, const double *x);

#endif
