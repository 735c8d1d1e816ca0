/*
 * graph.h - the sparse sentence similarity graph of a cluster.
 *
 * Edges join sentences whose cosine exceeds a cut-off; self-loops are never
 * stored. Rows are in compressed form (CSR), each row's neighbours in
 * increasing order, and the graph is symmetric.
 */
#ifndef CHORUS_SUMMARIZE_GRAPH_H
#define CHORUS_SUMMARIZE_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/select.h"

/* Pair visits (postings of one term met with postings of the same term)
 * allowed before common terms stop proposing pairs; see graph.c. */
#define GRAPH_WORK_CAP ((size_t)1 << 20)
/* Directed edges (twice the pairs) above which each row keeps only its
 * strongest max_edges / (2n) neighbours, at least GRAPH_MIN_KNN. */
#define GRAPH_MAX_EDGES ((size_t)1 << 20)
#define GRAPH_MIN_KNN 10

typedef struct sim_graph {
    size_t n;        /* sentences */
    size_t *off;     /* (n + 1) row i is nbr[off[i] .. off[i+1]) */
    uint32_t *nbr;   /* (off[n]) neighbour indices */
    float *w;        /* (off[n]) cosines */
    uint32_t max_df; /* terms with a larger df proposed no pair (capped) */
    int capped;      /* 1 when some term was left out of pair proposal */
    size_t knn;      /* 0, or k when rows were pruned to their k strongest */
} sim_graph;

/* Builds the graph of edges with cosine > min_sim (min_sim >= 0) under a
 * work cap of 'work_cap' pair visits and an edge cap of 'max_edges'
 * directed edges (0: GRAPH_WORK_CAP, GRAPH_MAX_EDGES). Returns 0, or -1
 * when out of memory (g is then empty). Free with graph_free(). */
int graph_build(const ch_rank_input *in, double min_sim, size_t work_cap, size_t max_edges,
                sim_graph *g);

/* No operation on a zeroed graph. */
void graph_free(sim_graph *g);

/* Support of every sentence by the other reports: mean[i] is the mean over
 * the other reports of the best cosine between i and one of their
 * sentences, max[i] the best of those (either may be NULL). Both are 0 for
 * a cluster of one report. Returns 0, or -1 when out of memory. */
int graph_support(const ch_rank_input *in, double *mean, double *max);

#endif
