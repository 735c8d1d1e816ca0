/*
 * summary.h - the internal shape of a summary, shared with the renderers.
 */
#ifndef CHORUS_CORE_SUMMARY_H
#define CHORUS_CORE_SUMMARY_H

#include "chorus.h"
#include "core/cluster.h"
#include "util/arena.h"

struct chorus_summary {
    const chorus_cluster *cluster;  /* not owned; must outlive the summary */
    chorus_options opts;            /* as used, budget defaults filled in */
    ch_arena *arena;                /* owns sents[] and their texts and cites */
    chorus_summary_sentence *sents; /* (n) in output order */
    const struct ch_svec *vec;      /* (cluster->n_sents) the TF-IDF vectors used */
    size_t n;
};

#endif
