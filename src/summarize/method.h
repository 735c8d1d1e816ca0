/*
 * method.h - what the summarization methods share inside the library: the
 * budgeted selection state (select.c), the cluster centroid (centroid.c),
 * and each method's entry point. select_summary() in select.h is the only
 * way in from outside the module.
 *
 * A method either scores every sentence (LexRank, centroid, lead), after
 * which sel_greedy() picks by score, or runs its own loop over the same
 * selection state (MMR, submodular; the ILP solves for its candidates,
 * then fills the rest of the budget). Either way every candidate passes
 * the same three gates, in this order: sel_eligible (not taken; the length
 * and headline rule of the current pass), sel_redundant (cosine to an
 * already selected sentence) and sel_fit (the budget).
 */
#ifndef CHORUS_SUMMARIZE_METHOD_H
#define CHORUS_SUMMARIZE_METHOD_H

#include <stddef.h>
#include <stdint.h>

#include "summarize/select.h"

/* ------------------------------------------------------------ selection */

/* Sentences shorter than this many words are passed over in the first pass. */
#define SEL_MIN_WORDS 5
/* Default redundancy cut-off when the caller gives none (<= 0). */
#define SEL_DEFAULT_REDUNDANCY 0.5
/* Cosine at or above which two sentences count as the same text: never
 * both selected, whatever the redundancy option says. */
#define SEL_DUPLICATE_COS 0.999

typedef enum sel_unit { SEL_WORDS = 0, SEL_BYTES = 1, SEL_SENTENCES = 2 } sel_unit;

typedef enum sel_fit_result {
    SEL_FITS = 0,    /* within the budget */
    SEL_NO_FIT = 1,  /* over the budget: skip it, try shorter ones */
    SEL_OVERFLOW = 2 /* over, but truncate_last allows it as the last one */
} sel_fit_result;

typedef struct sel_state {
    const ch_rank_input *in;
    sel_unit unit;
    size_t limit;      /* budget in 'unit' */
    size_t used;       /* spent so far */
    double redundancy; /* max cosine to a selected sentence */
    int truncate_last;
    unsigned priors; /* CHORUS_PRIOR_* bits in force */
    double time_limit; /* seconds per cluster for an exact solver (ilp.c) */
    const struct sal_model *model; /* the salience method's model */
    int relaxed;   /* 0: skip short and headline sentences */
    int closed;    /* 1 once an overflowing sentence was taken */
    uint32_t *sel; /* (n) selected, in order */
    size_t n_sel;
    unsigned char *taken; /* (n) 1 when selected */
} sel_state;

/* Cost of adding sentence i to the current selection: its words, its bytes
 * plus one separator byte when something is already selected, or 1. */
size_t sel_cost(const sel_state *st, uint32_t i);

/* 1 if i passes the current pass's length and headline rule. */
int sel_admits(const sel_state *st, uint32_t i);

/* 1 if i is not taken and sel_admits() it. */
int sel_eligible(const sel_state *st, uint32_t i);

/* 1 if i's cosine to a selected sentence exceeds the redundancy cut-off or
 * reaches SEL_DUPLICATE_COS. */
int sel_redundant(const sel_state *st, uint32_t i);

/* Whether i fits what is left of the budget. */
sel_fit_result sel_fit(const sel_state *st, uint32_t i);

/* Adds i to the selection; 'overflow' closes it (nothing more is added). */
void sel_take(sel_state *st, uint32_t i, int overflow);

/* 1 when nothing more can be added (budget spent or closed). */
int sel_full(const sel_state *st);

/* Generic greedy: walks sentences by (score desc, document, position, index)
 * and takes each that passes the gates. Returns 0, or -1 when out of
 * memory. */
int sel_greedy(sel_state *st, const double *scores);

/* 1 if a precedes b in the deterministic order: higher score, then lower
 * document, lower position, lower index. */
int sel_before(const ch_rank_input *in, double sa, uint32_t a, double sb, uint32_t b);

/* ------------------------------------------------------------- centroid */

/* The cluster centroid as a dense unit vector over in->n_terms terms: the
 * mean of the sentence vectors, keeping only its 'top_k' largest entries
 * (0 keeps all). Returns a malloc'd array the caller frees, or NULL when out
 * of memory. An all-zero centroid (no terms at all) stays zero. */
float *centroid_vector(const ch_rank_input *in, size_t top_k);

/* Dot product of a sparse vector with a dense one. */
double centroid_dot(const ch_svec *v, const float *dense);

/* --------------------------------------------------------------- methods */

/* LexRank stationary distribution, scaled by n (1 = average), into
 * scores[0..n). threshold <= 0: continuous (cosine-weighted edges); else an
 * edge per pair with cosine > threshold, weight 1. Damping LEXRANK_DAMPING.
 * Returns 0, or -1 when out of memory. */
#define LEXRANK_DAMPING 0.85
#define LEXRANK_TOL 1e-7
#define LEXRANK_MAX_ITER 200
int lexrank_scores(const ch_rank_input *in, double threshold, double *scores);

/* Centroid (MEAD) scores into scores[0..n). Returns 0, or -1 when out of
 * memory. */
int centroid_scores(const ch_rank_input *in, double *scores);

/* MMR selection with relevance = cosine to the centroid; scores[i] is that
 * relevance. Returns 0, or -1 when out of memory. */
#define MMR_LAMBDA 0.7
int mmr_select(sel_state *st, double *scores);

/* MMR whose relevance is the salience model's estimate (salience.c) times
 * the query's pull when there is a query. Returns 0, or -1 when out of
 * memory. */
int mmr_salience_select(sel_state *st, double *scores);

/* Parameters of the submodular objective and its greedy. */
typedef struct sub_params {
    double alpha_a; /* coverage saturation alpha = alpha_a / n */
    double lambda;  /* weight of the diversity term */
    double r;       /* cost scaling exponent of the greedy */
    size_t k;       /* number of k-means clusters; 0 picks by n */
} sub_params;

/* The defaults documented in submodular.c. */
void sub_params_default(sub_params *p);

/* Submodular selection (Lin & Bilmes 2011); scores[i] is the objective of
 * the singleton {i}. Returns 0, or -1 when out of memory. */
int submodular_select(sel_state *st, const sub_params *p, double *scores);

/* ---------------------------------------------------------------- priors */

/* Sentence priors (prior.c): prior[i] > 0, 1 neutral, for the
 * CHORUS_PRIOR_* bits in 'which'. Returns 0, or -1 when out of memory. */
int prior_compute(const ch_rank_input *in, unsigned which, double *prior);

/* 1 if the sentence t[0..n) only makes sense after the one before it. */
int prior_needs_context(const char *t, size_t n);

/* Concept-coverage selection (ilp.c). scores[i] is the weight of the
 * concepts of sentence i times its prior. Returns 0, or -1 when out of
 * memory. */
int ilp_select(sel_state *st, double *scores);

/* The problem the ILP solves, exposed for tests: m candidates with costs,
 * values added when chosen (bonus), concept lists, weights, the budget and
 * pairs that may not both be chosen. */
typedef struct ilp_prob {
    size_t m;          /* candidates */
    uint32_t *cand;    /* (m) sentence index */
    double *cost;      /* (m) in the budget's unit */
    double *bonus;     /* (m) sentence prior's share of the objective */
    uint32_t *coff;    /* (m + 1) */
    uint32_t *cid;     /* concept ids of candidate k: cid[coff[k] .. coff[k+1]) */
    const double *w;   /* (n_concepts) concept weights */
    size_t n_concepts;
    uint32_t *pa, *pb; /* (n_pairs) candidate pairs excluded together */
    size_t n_pairs, cap_pairs;
    double budget;
} ilp_prob;

/* Objective of the candidate set chosen[0..m) (0/1 each): covered concept
 * weight plus the bonuses. 'mark' is scratch of n_concepts bytes. */
double ilp_objective(const ilp_prob *p, const unsigned char *chosen, unsigned char *mark);

/* Solves p with GLPK; chosen[] receives the solution and *obj its value.
 * Returns 1 when proven optimal, 0 when stopped by the time limit
 * (seconds) or the node limit with a feasible solution, -1 when there is
 * none (GLPK error, out of memory, a limit hit before any solution). */
int ilp_solve_exact(const ilp_prob *p, double time_limit, unsigned char *chosen, double *obj);

/* The greedy fallback: cost-scaled greedy, then the best single
 * candidate if better. Returns 0, or -1 when out of memory. */
int ilp_solve_greedy(const ilp_prob *p, unsigned char *chosen, double *obj);

/* The objective F(S) for the sentences s[0..m) under the partition and
 * graph the greedy would use (for tests). *f receives the value. Returns 0,
 * or -1 when out of memory. */
int submodular_objective(const ch_rank_input *in, const sub_params *p, const uint32_t *s, size_t m,
                         double *f);

#endif
