/*
 * submodular.c - coverage plus diversity, maximised greedily under the
 * budget (Lin & Bilmes 2010, 2011).
 *
 * Objective, for a set S of sentences out of V (|V| = n), with w_ij the
 * cosine of i and j (w_ii = 1 for a sentence with terms):
 *
 *     F(S) = L(S) + lambda * R(S)
 *     L(S) = sum_{i in V} min( C_i(S), alpha * C_i(V) ),  C_i(X) = sum_{j in X} w_ij
 *     R(S) = sum_{k=1..K} sqrt( sum_{j in S and P_k} r_j ),  r_j = C_j(V) / n
 *
 * L rewards covering every sentence of the cluster, but only up to a
 * fraction alpha of what the whole cluster gives it, so that a sentence
 * already well covered stops attracting more of the same; R rewards taking
 * sentences from many parts P_k of the cluster, the square root making the
 * second sentence of a part worth less than the first of another. Both are
 * monotone and submodular, and so is F.
 *
 * Parameters (sub_params_default): alpha = a / n with a = 5 (the summary
 * need cover a sentence only about as well as five typical sentences
 * would), lambda = 6, cost exponent r = 0.3 (the scaled-cost greedy of Lin
 * & Bilmes 2010; r = 1 favours short sentences too much). On DUC 2006 and
 * Multi-News the scores barely move for a in 2..10 and lambda in 1..6,
 * while r = 1 loses clearly.
 *
 * Partition. P_k comes from a cheap spherical k-means over the sentence
 * vectors, with K = n / 5 parts (at least 1, at most SUB_MAX_K, which
 * bounds the cost on huge clusters to K dense dot products per sentence and
 * round), seeded deterministically with sentences spread evenly over the
 * input order (index floor(k * n / K)) and run for at most SUB_KMEANS_ITER
 * rounds or until no assignment changes. Partitioning by report instead
 * would be free but useless: every report covers the whole story, so its
 * parts would not separate sub-topics.
 *
 * Similarities come from the sparse graph (graph.c): exact below its caps;
 * on huge clusters the pairs it leaves out (sharing only very common terms,
 * or weaker than both ends' strongest neighbours) count as 0, which lowers
 * C_i(V) and the rewards slightly but keeps F monotone submodular.
 *
 * Greedy (the modified greedy of Lin & Bilmes 2010): repeatedly take the
 * candidate with the largest gain / cost^r among those that pass the gates
 * (method.h), cost being the sentence's words, bytes or 1 in the budget's
 * unit; a candidate that does not fit is dropped and the next tried. At the
 * end the result is compared with the best single sentence that fits, and
 * the better of the two is kept; with r = 1 this gives F >= (1 - 1/sqrt(e))
 * of the optimum. Gains only shrink as S grows (submodularity), so stale
 * gains are upper bounds and a lazy priority queue recomputes only the
 * candidates that reach its top (Minoux's accelerated greedy) - the same
 * picks as the plain greedy, ties included, since a fresh top that beats
 * every stale bound beats every fresh value too.
 *
 * scores[i] = F({i}).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/graph.h"
#include "summarize/method.h"

#define SUB_MAX_K 32
#define SUB_KMEANS_ITER 5

void sub_params_default(sub_params *p) {
    p->alpha_a = 5.0;
    p->lambda = 6.0;
    p->r = 0.3;
    p->k = 0;
}

typedef struct sub_ctx {
    const ch_rank_input *in;
    sim_graph g;
    double *self;   /* (n) w_ii: 1, or 0 for a sentence without terms */
    double *cap;    /* (n) alpha * C_i(V) */
    double *reward; /* (n) r_i */
    double *cov;    /* (n) C_i(S) */
    uint32_t *part; /* (n) k-means part of each sentence */
    double *rsum;   /* (K) rewards of S in each part */
    size_t K;
    double lambda;
} sub_ctx;

static void sub_ctx_free(sub_ctx *c) {
    graph_free(&c->g);
    free(c->self);
    free(c->cap);
    free(c->reward);
    free(c->cov);
    free(c->part);
    free(c->rsum);
}

/* Spherical k-means of the sentence vectors into c->K parts (c->part). */
static int sub_kmeans(sub_ctx *c) {
    const ch_rank_input *in = c->in;
    const size_t n = in->n, K = c->K;
    size_t nt = in->n_terms;
    for (size_t i = 0; i < n; i++) {
        const ch_svec *v = &in->vec[i];
        if (v->n && v->id[v->n - 1] >= nt)
            nt = (size_t)v->id[v->n - 1] + 1;
    }
    if (K <= 1 || nt == 0) {
        memset(c->part, 0, n * sizeof *c->part);
        return 0;
    }
    if (nt > SIZE_MAX / sizeof(float) / K)
        return -1;
    float *cent = calloc(K * nt, sizeof *cent);
    if (!cent)
        return -1;
    for (size_t k = 0; k < K; k++) {
        const ch_svec *v = &in->vec[k * n / K];
        for (uint32_t q = 0; q < v->n; q++)
            cent[k * nt + v->id[q]] = v->w[q];
    }
    for (int it = 0; it < SUB_KMEANS_ITER; it++) {
        size_t changed = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t best = 0;
            double bv = -1.0;
            for (size_t k = 0; k < K; k++) {
                double d = centroid_dot(&in->vec[i], cent + k * nt);
                if (d > bv) {
                    bv = d;
                    best = (uint32_t)k;
                }
            }
            if (it == 0 || c->part[i] != best)
                changed++;
            c->part[i] = best;
        }
        if (changed == 0 || it + 1 == SUB_KMEANS_ITER)
            break;
        /* New centres: normalised sums of their members; a part left
         * empty keeps its old centre. */
        unsigned char *filled = calloc(K, 1);
        if (!filled) {
            free(cent);
            return -1;
        }
        for (size_t i = 0; i < n; i++)
            filled[c->part[i]] = 1;
        for (size_t k = 0; k < K; k++)
            if (filled[k])
                memset(cent + k * nt, 0, nt * sizeof *cent);
        for (size_t i = 0; i < n; i++) {
            const ch_svec *v = &in->vec[i];
            float *ck = cent + (size_t)c->part[i] * nt;
            for (uint32_t q = 0; q < v->n; q++)
                ck[v->id[q]] += v->w[q];
        }
        for (size_t k = 0; k < K; k++) {
            if (!filled[k])
                continue;
            float *ck = cent + k * nt;
            double norm = 0.0;
            for (size_t t = 0; t < nt; t++)
                norm += (double)ck[t] * (double)ck[t];
            if (norm > 0.0) {
                double inv = 1.0 / sqrt(norm);
                for (size_t t = 0; t < nt; t++)
                    ck[t] = (float)(ck[t] * inv);
            }
        }
        free(filled);
    }
    free(cent);
    return 0;
}

static int sub_ctx_init(sub_ctx *c, const ch_rank_input *in, const sub_params *p) {
    memset(c, 0, sizeof *c);
    c->in = in;
    const size_t n = in->n;
    size_t K = p->k ? p->k : (n + 4) / 5;
    if (K > SUB_MAX_K && !p->k)
        K = SUB_MAX_K;
    if (K > n)
        K = n;
    if (K == 0)
        K = 1;
    c->K = K;
    c->lambda = p->lambda;
    c->self = malloc((n ? n : 1) * sizeof *c->self);
    c->cap = malloc((n ? n : 1) * sizeof *c->cap);
    c->reward = malloc((n ? n : 1) * sizeof *c->reward);
    c->cov = calloc(n ? n : 1, sizeof *c->cov);
    c->part = calloc(n ? n : 1, sizeof *c->part);
    c->rsum = calloc(K, sizeof *c->rsum);
    if (!c->self || !c->cap || !c->reward || !c->cov || !c->part || !c->rsum)
        goto oom;
    if (graph_build(in, 0.0, 0, 0, &c->g) != 0)
        goto oom;
    const double alpha = n ? p->alpha_a / (double)n : 0.0;
    for (size_t i = 0; i < n; i++) {
        double s = in->vec[i].n ? 1.0 : 0.0;
        for (size_t e = c->g.off[i]; e < c->g.off[i + 1]; e++)
            s += c->g.w[e];
        c->self[i] = in->vec[i].n ? 1.0 : 0.0;
        c->cap[i] = alpha * s;
        c->reward[i] = s / (double)n;
    }
    if (sub_kmeans(c) != 0)
        goto oom;
    return 0;
oom:
    sub_ctx_free(c);
    return -1;
}

/* Marginal gain F(S + v) - F(S) for the current S of 'c'. */
static double sub_gain(const sub_ctx *c, uint32_t v) {
    double g = 0.0;
    for (size_t e = c->g.off[v]; e < c->g.off[v + 1]; e++) {
        uint32_t i = c->g.nbr[e];
        double a = c->cov[i], b = a + c->g.w[e];
        g += fmin(b, c->cap[i]) - fmin(a, c->cap[i]);
    }
    double a = c->cov[v], b = a + c->self[v];
    g += fmin(b, c->cap[v]) - fmin(a, c->cap[v]);
    double r = c->rsum[c->part[v]];
    g += c->lambda * (sqrt(r + c->reward[v]) - sqrt(r));
    return g;
}

/* Adds v to the S of 'c'. */
static void sub_add(sub_ctx *c, uint32_t v) {
    for (size_t e = c->g.off[v]; e < c->g.off[v + 1]; e++)
        c->cov[c->g.nbr[e]] += c->g.w[e];
    c->cov[v] += c->self[v];
    c->rsum[c->part[v]] += c->reward[v];
}

/* F(S) for the current S of 'c'. */
static double sub_value(const sub_ctx *c) {
    double f = 0.0;
    for (size_t i = 0; i < c->in->n; i++)
        f += fmin(c->cov[i], c->cap[i]);
    double r = 0.0;
    for (size_t k = 0; k < c->K; k++)
        r += sqrt(c->rsum[k]);
    return f + c->lambda * r;
}

int submodular_objective(const ch_rank_input *in, const sub_params *p, const uint32_t *s, size_t m,
                         double *f) {
    sub_ctx c;
    if (sub_ctx_init(&c, in, p) != 0)
        return -1;
    for (size_t k = 0; k < m; k++)
        sub_add(&c, s[k]);
    *f = sub_value(&c);
    sub_ctx_free(&c);
    return 0;
}

/* ------------------------------------------------------ the lazy greedy */

typedef struct sub_heap {
    uint32_t *h; /* heap of sentence indices */
    size_t n;
    double *key;   /* (n_sent) gain / cost^r, an upper bound when stale */
    size_t *stamp; /* (n_sent) |S| when key was computed */
    const ch_rank_input *in;
} sub_heap;

static int sub_heap_above(const sub_heap *q, uint32_t a, uint32_t b) {
    return sel_before(q->in, q->key[a], a, q->key[b], b);
}

static void sub_heap_down(sub_heap *q, size_t i) {
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < q->n && sub_heap_above(q, q->h[l], q->h[m]))
            m = l;
        if (r < q->n && sub_heap_above(q, q->h[r], q->h[m]))
            m = r;
        if (m == i)
            return;
        uint32_t t = q->h[i];
        q->h[i] = q->h[m];
        q->h[m] = t;
        i = m;
    }
}

static uint32_t sub_heap_pop(sub_heap *q) {
    uint32_t top = q->h[0];
    q->h[0] = q->h[--q->n];
    if (q->n)
        sub_heap_down(q, 0);
    return top;
}

/* Cost of v for the ratio: its size in the budget's unit, at least 1. */
static double sub_cost(const sel_state *st, uint32_t v) {
    double c = st->unit == SEL_WORDS   ? (double)st->in->n_words[v]
               : st->unit == SEL_BYTES ? (double)st->in->n_bytes[v]
                                       : 1.0;
    return c < 1.0 ? 1.0 : c;
}

int submodular_select(sel_state *st, const sub_params *p, double *scores) {
    const ch_rank_input *in = st->in;
    const size_t n = in->n;
    if (n == 0)
        return 0;
    sub_ctx c;
    if (sub_ctx_init(&c, in, p) != 0)
        return -1;
    sub_heap q = {0};
    q.in = in;
    q.h = malloc(n * sizeof *q.h);
    q.key = malloc(n * sizeof *q.key);
    q.stamp = malloc(n * sizeof *q.stamp);
    double *cw = malloc(n * sizeof *cw); /* cost^r */
    if (!q.h || !q.key || !q.stamp || !cw)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = (uint32_t)i;
        scores[i] = sub_gain(&c, v); /* F({v}) = gain over the empty set */
        cw[i] = pow(sub_cost(st, v), p->r);
        if (!sel_eligible(st, v))
            continue;
        q.key[v] = scores[i] / cw[i];
        q.stamp[v] = 0;
        q.h[q.n++] = v;
    }
    for (size_t i = q.n / 2; i-- > 0;)
        sub_heap_down(&q, i);
    size_t first_sel = st->n_sel;
    while (q.n && !sel_full(st)) {
        uint32_t v = q.h[0];
        size_t taken = st->n_sel - first_sel;
        if (q.stamp[v] != taken) {
            q.key[v] = sub_gain(&c, v) / cw[v];
            q.stamp[v] = taken;
            sub_heap_down(&q, 0);
            continue;
        }
        sub_heap_pop(&q);
        if (sel_redundant(st, v))
            continue;
        sel_fit_result f = sel_fit(st, v);
        if (f == SEL_NO_FIT)
            continue;
        sel_take(st, v, f == SEL_OVERFLOW);
        sub_add(&c, v);
    }
    /* Compare with the best single sentence that fits on its own. */
    if (st->n_sel > first_sel) {
        double fg = sub_value(&c);
        uint32_t best = UINT32_MAX;
        for (size_t i = 0; i < n; i++) {
            uint32_t v = (uint32_t)i;
            if (!sel_admits(st, v))
                continue;
            size_t cost = st->unit == SEL_WORDS   ? in->n_words[v]
                          : st->unit == SEL_BYTES ? in->n_bytes[v]
                                                  : 1;
            if (cost > st->limit)
                continue;
            if (best == UINT32_MAX || sel_before(in, scores[v], v, scores[best], best))
                best = v;
        }
        if (best != UINT32_MAX && scores[best] > fg) {
            for (size_t k = first_sel; k < st->n_sel; k++)
                st->taken[st->sel[k]] = 0;
            st->n_sel = first_sel;
            st->used = 0;
            st->closed = 0;
            sel_take(st, best, 0);
        }
    }
    free(q.h);
    free(q.key);
    free(q.stamp);
    free(cw);
    sub_ctx_free(&c);
    return 0;
oom:
    free(q.h);
    free(q.key);
    free(q.stamp);
    free(cw);
    sub_ctx_free(&c);
    return -1;
}
