/*
 * summary.h - the internal shape of a summary, shared with the renderers.
 */
#ifndef CHORUS_CORE_SUMMARY_H
#define CHORUS_CORE_SUMMARY_H

#include "chorus.h"
#include "core/cluster.h"
#include "summarize/select.h"
#include "util/arena.h"

struct chorus_summary {
    const chorus_cluster *cluster;  /* not owned; must outlive the summary */
    chorus_options opts;            /* as used, budget defaults filled in */
    ch_arena *arena;                /* owns sents[] and their texts and cites */
    chorus_summary_sentence *sents; /* (n) in output order */
    const struct ch_svec *vec;      /* (cluster->n_sents) the TF-IDF vectors used */
    size_t n;
};

/* The selection's view of cluster c under options o (IDF, query,
 * compression): every array in arena a, the query vector in *query (which
 * in->query points to when it is not empty, so *query must outlive *in).
 * Returns 0, or -1 when out of memory. */
int summary_rank_input(chorus_cluster *c, const chorus_options *o, ch_arena *a, ch_rank_input *in,
                       ch_svec *query);

#endif
