/*
 * mmr.c - maximal marginal relevance (Carbonell & Goldstein 1998).
 *
 * Greedy selection that trades relevance against novelty: each round takes
 *
 *     argmax_i  lambda * rel(i) - (1 - lambda) * max_{j in S} cos(i, j)
 *
 * over the candidates that pass the shared gates (method.h), where rel(i)
 * is the cosine of sentence i to the cluster centroid (all terms,
 * centroid.c) - the query of the original paper is the cluster's own
 * content here. lambda = MMR_LAMBDA = 0.7 leans towards relevance, the
 * setting most often reported for multi-document summaries; 1 would be
 * pure centroid ranking, 0.5 weighs both alike.
 *
 * max_{j in S} cos(i, j) is kept per sentence and updated with one dot
 * product per remaining sentence after each pick, so a round costs O(n)
 * and the redundancy gate is read from the same array. A candidate that no
 * longer fits the budget never will (the budget only shrinks), nor does a
 * redundant one become novel again: both leave the pool for good.
 * Ties are broken by document, position, index (sel_before).
 *
 * Priors (prior.c) scale the relevance: rel(i) = cos(i, centroid) *
 * prior_i, with the priors the options switch on (position, support
 * across reports, length, context) and, when a query is given, its pull.
 * With every prior off and no query this is plain MMR.
 * scores[i] = rel(i).
 *
 * The salience method adds the learned estimate of salience.c to that
 * relevance: rel(i) = cos(i, centroid) * prior_i + SAL_BLEND * y_i. The
 * model alone ranks short clusters best but transfers poorly to long ones
 * (docs/benchmarks.md); added to the centroid's relevance with weight 1 it
 * keeps most of the gain on short clusters and stays within noise on
 * long ones. The query, when there is one, acts through the priors.
 */
#include <stdlib.h>

#include "summarize/method.h"
#include "summarize/salience.h"

/* Weight of the learned estimate added to the default relevance in the
 * salience method (see the comment of mmr_salience_select). */
#define SAL_BLEND 1.0

/* The MMR loop over relevance scores[0..n). */
static int mmr_loop(sel_state *st, const double *scores) {
    const ch_rank_input *in = st->in;
    const size_t n = in->n;
    double *maxsim = calloc(n, sizeof *maxsim);
    unsigned char *out = calloc(n, 1);
    if (!maxsim || !out) {
        free(maxsim);
        free(out);
        return -1;
    }
    const double lambda = MMR_LAMBDA;
    while (!sel_full(st)) {
        uint32_t best = UINT32_MAX;
        double best_val = 0.0;
        sel_fit_result best_fit = SEL_NO_FIT;
        for (size_t k = 0; k < n; k++) {
            uint32_t i = (uint32_t)k;
            if (out[i])
                continue;
            if (!sel_eligible(st, i) || maxsim[i] > st->redundancy ||
                maxsim[i] >= SEL_DUPLICATE_COS) {
                out[i] = 1;
                continue;
            }
            sel_fit_result f = sel_fit(st, i);
            if (f == SEL_NO_FIT) {
                out[i] = 1;
                continue;
            }
            double v = lambda * scores[i] - (1.0 - lambda) * maxsim[i];
            if (best == UINT32_MAX || sel_before(in, v, i, best_val, best)) {
                best = i;
                best_val = v;
                best_fit = f;
            }
        }
        if (best == UINT32_MAX)
            break;
        sel_take(st, best, best_fit == SEL_OVERFLOW);
        out[best] = 1;
        const ch_svec *b = &in->vec[best];
        for (size_t i = 0; i < n; i++) {
            if (out[i])
                continue;
            double s = svec_dot(&in->vec[i], b);
            if (s > maxsim[i])
                maxsim[i] = s;
        }
    }
    free(maxsim);
    free(out);
    return 0;
}

int mmr_select(sel_state *st, double *scores) {
    const ch_rank_input *in = st->in;
    const size_t n = in->n;
    if (n == 0)
        return 0;
    float *c = centroid_vector(in, 0);
    double *prior = malloc(n * sizeof *prior);
    if (!c || !prior || prior_compute(in, st->priors, prior) != 0) {
        free(c);
        free(prior);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        scores[i] = centroid_dot(&in->vec[i], c) * prior[i];
    free(prior);
    free(c);
    return mmr_loop(st, scores);
}

int mmr_salience_select(sel_state *st, double *scores) {
    const ch_rank_input *in = st->in;
    const size_t n = in->n;
    if (n == 0)
        return 0;
    double *x = malloc(n * SAL_N_FEATURES * sizeof *x);
    if (!x || sal_features(in, st->model, x) != 0) {
        free(x);
        return -1;
    }
    double *prior = malloc(n * sizeof *prior);
    if (!prior || prior_compute(in, st->priors, prior) != 0) {
        free(prior);
        free(x);
        return -1;
    }
    /* the centroid's cosine is a feature already */
    for (size_t i = 0; i < n; i++) {
        const double *row = &x[i * SAL_N_FEATURES];
        scores[i] = row[SAL_FEATURE_CENTROID] * prior[i] + SAL_BLEND * sal_predict(st->model, row);
    }
    free(prior);
    free(x);
    return mmr_loop(st, scores);
}
