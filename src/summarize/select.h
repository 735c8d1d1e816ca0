/*
 * select.h - sentence scoring and budgeted selection, one entry point for
 * every method (lexrank.c, centroid.c, mmr.c, submodular.c, lead in
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
} ch_select_opts;

/* Scores all sentences into scores[0..n) and selects a summary within the
 * budget, writing sentence indices to sel[] (room for n) in selection order
 * and their count to *n_sel. Returns 0, or -1 when out of memory. */
int select_summary(const ch_rank_input *in, const ch_select_opts *o, double *scores, uint32_t *sel,
                   size_t *n_sel);

#endif
