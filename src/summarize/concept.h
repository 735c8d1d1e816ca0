/*
 * concept.h - the concepts of a cluster for coverage-based selection
 * (ilp.c): units of content a summary is credited for covering once, each
 * with a weight, and the concepts of every sentence.
 */
#ifndef CHORUS_SUMMARIZE_CONCEPT_H
#define CHORUS_SUMMARIZE_CONCEPT_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/select.h"

typedef struct cpt_model {
    size_t n_concepts;
    double *weight; /* (n_concepts) > 0 */
    uint32_t *df;   /* (n_concepts) reports containing the concept */
    uint32_t *off;  /* (n + 1) sentence i's concepts are ids[off[i] .. off[i+1]) */
    uint32_t *ids;  /* concept ids, ascending and distinct within a sentence */
    size_t n;       /* sentences */
} cpt_model;

/* Builds the concepts of 'in' as concept.c describes. Returns 0, or -1
 * when out of memory (*m is then empty). Free with cpt_free(). */
int cpt_build(const ch_rank_input *in, cpt_model *m);

/* Frees what cpt_build allocated; no operation on a zeroed model. */
void cpt_free(cpt_model *m);

#endif
