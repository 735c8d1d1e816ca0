/*
 * select.h - sentence scoring and budgeted selection, one entry point for
 * every method (lexrank.c, centroid.c, mmr.c, submodular.c, ilp.c, lead in
 * select.c).
 */
#ifndef CHORUS_SUMMARIZE_SELECT_H
#define CHORUS_SUMMARIZE_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "chorus.h"
#include "model/svec.h"

typedef struct ch_rank_input {
    const ch_svec *vec;      /* (n) unit TF-IDF vectors */
    const uint32_t *doc;     /* (n) report index, 0..n_docs-1 */
    const uint32_t *pos;     /* (n) sentence index within its report */
    const uint32_t *n_words; /* (n) whitespace-separated words */
    const uint32_t *n_bytes; /* (n) bytes of sentence text */
    const uint32_t *flags;   /* (n) SEG_* flags from segment.h */
    size_t n;
    size_t n_docs;
    uint32_t n_terms; /* ids in vec are < n_terms */
    /* Optional (NULL when absent; the methods then do without): */
    const uint32_t *const *terms;  /* (n) content-term ids of each sentence in
                                      text order (bigram concepts, concept.c) */
    const uint32_t *n_terms_of;    /* (n) length of terms[i] */
    const char *const *text;       /* (n) sentence text (priors, prior.c) */
    const size_t *text_len;        /* (n) bytes of text[i] */
    const ch_svec *query;          /* unit TF-IDF vector of a query or topic in
                                      the same term space; NULL or empty: none */
    const struct ch_strmap *vocab; /* term id -> stem (lexicon, salience.c) */
} ch_rank_input;

typedef struct ch_select_opts {
    chorus_method method;
    size_t words, bytes, sentences; /* budget: first non-zero applies */
    double lexrank_threshold;       /* 0 = continuous */
    double redundancy;              /* max cosine to an already selected sentence
                                       (<= 0: 0.5); near-identical sentences
                                       (cosine >= 0.999) are never both taken */
    int truncate_last;              /* 1: the last sentence may overflow a word or
                                       byte budget (the caller cuts it) */
    unsigned priors;                /* CHORUS_PRIOR_* bits (prior.c) */
    double ilp_time_limit;          /* seconds per cluster for GLPK (ilp.c) */
    const struct sal_model *model;  /* salience model (salience.h) */
} ch_select_opts;

/* Scores all sentences into scores[0..n) and selects a summary within the
 * budget, writing sentence indices to sel[] (room for n) in selection order
 * and their count to *n_sel. Returns 0, or -1 when out of memory. */
int select_summary(const ch_rank_input *in, const ch_select_opts *o, double *scores, uint32_t *sel,
                   size_t *n_sel);

#endif
