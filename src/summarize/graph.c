/*
 * graph.c - sparse cosine similarity graph through an inverted index.
 *
 * A dense loop over all pairs costs n^2 / 2 dot products: fine for the 30
 * sentences of a small cluster, hopeless for the 30,000 of a thousand
 * reports. Most pairs share no term and have cosine 0, so the graph is built
 * from the terms instead: a posting list per term (sentence, weight), and
 * for each sentence i an accumulator that adds w_i(t) * w_j(t) for every
 * sentence j on the postings of i's terms. Only pairs that share a term are
 * ever touched. Each row is computed whole, so no pair list has to be
 * stored and mirrored; the products are summed in increasing term order in
 * both rows of a pair, so w_ij and w_ji are the same double, bit for bit.
 *
 * Two caps keep huge clusters fast; neither is reached by a cluster of a few
 * hundred sentences, where the graph is exact (every pair with cosine >
 * min_sim is an edge, with its exact cosine).
 *
 * 1. Work cap. The cost is sum over terms of df * (df - 1) pair visits,
 *    dominated by the most common terms: a word in 5,000 of 30,000
 *    sentences alone makes 25 million. When the total would pass
 *    GRAPH_WORK_CAP (2^20 visits), the terms with the
 *    largest df - the lowest idf, carrying the least similarity - stop
 *    proposing pairs: terms are admitted in increasing df until the next df
 *    value would pass the cap (all terms of one df are in or out together,
 *    so the result does not depend on term numbering). A pair sharing an
 *    admitted term still gets its exact cosine: the left-out terms of both
 *    sentences are kept in short per-sentence lists and added in. A pair
 *    sharing only left-out terms gets no edge.
 * 2. Edge cap. Each sentence keeps its k strongest neighbours, k =
 *    max(GRAPH_MIN_KNN, max_edges / n) (ties at the k-th weight are all
 *    kept), and an edge survives when either end keeps it, so the graph
 *    stays symmetric and has at most about 2 * max_edges directed edges.
 *    With max_edges = 2^20 no row of a cluster under 1,024 sentences is
 *    ever cut.
 *
 * Invariants: no self-loops; symmetric (j in row i iff i in row j, with the
 * same weight); no neighbour twice in a row; every weight > min_sim. Rows
 * are in a deterministic order (the row's own kept neighbours in order of
 * discovery, then the neighbours that kept it, by index), not sorted.
 */
#include "summarize/graph.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void graph_free(sim_graph *g) {
    if (!g)
        return;
    free(g->off);
    free(g->nbr);
    free(g->w);
    memset(g, 0, sizeof *g);
}

/* Scratch memory of one build. */
typedef struct graph_scratch {
    size_t *poff; /* (nt + 1) posting offsets per term */
    uint32_t *ps; /* postings: sentence */
    float *pw;    /* postings: weight */
    size_t *hist; /* (n + 1) number of terms per df */
    size_t *doff; /* (n + 1) left-out terms of each sentence, when capped */
    uint32_t *did;
    float *dw;
    float *dense;      /* (nt) row i's left-out weights scattered */
    double *acc;       /* (n) accumulated dot products */
    uint32_t *stamp;   /* (n) i + 1 when acc[j] belongs to row i */
    uint32_t *touched; /* (n) candidates of row i */
    float *roww;       /* (n) their cosines */
    float *sel;        /* (n) copy for the k-th largest */
    uint32_t *kj;      /* kept neighbours, row after row */
    float *kw;
    size_t kn, kcap;
    size_t *kcnt; /* (n) kept per row */
    float *thr;   /* (n) weakest weight row i keeps */
    size_t *fill; /* (n) fill cursors */
} graph_scratch;

static void graph_scratch_free(graph_scratch *s) {
    free(s->poff);
    free(s->ps);
    free(s->pw);
    free(s->hist);
    free(s->doff);
    free(s->did);
    free(s->dw);
    free(s->dense);
    free(s->acc);
    free(s->stamp);
    free(s->touched);
    free(s->roww);
    free(s->sel);
    free(s->kj);
    free(s->kw);
    free(s->kcnt);
    free(s->thr);
    free(s->fill);
}

/* Room for 'more' kept edges. Returns 0, or -1 when out of memory. */
static int graph_reserve_kept(graph_scratch *s, size_t more) {
    if (s->kcap - s->kn >= more)
        return 0;
    size_t cap = s->kcap ? s->kcap : 1024;
    while (cap - s->kn < more) {
        if (cap > SIZE_MAX / 2 / sizeof(uint32_t))
            return -1;
        cap *= 2;
    }
    uint32_t *j = realloc(s->kj, cap * sizeof *j);
    if (!j)
        return -1;
    s->kj = j;
    float *w = realloc(s->kw, cap * sizeof *w);
    if (!w)
        return -1;
    s->kw = w;
    s->kcap = cap;
    return 0;
}

/* Largest df whose terms may propose pairs under 'cap' visits; sets
 * *capped when some term is left out. */
static uint32_t graph_pick_max_df(const size_t *hist, size_t n, size_t cap, int *capped) {
    double cum = 0;
    *capped = 0;
    for (size_t d = 2; d <= n; d++) {
        if (!hist[d])
            continue;
        double c = (double)hist[d] * (double)d * (double)(d - 1);
        if (cum + c > (double)cap) {
            *capped = 1;
            return (uint32_t)(d - 1);
        }
        cum += c;
    }
    return (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n);
}

/* k-th largest of v[0..n) (1 <= k <= n); reorders v. Quickselect with a
 * three-way partition around the middle element: deterministic, and
 * linear on average even with many equal weights. */
static float graph_kth_largest(float *v, size_t n, size_t k) {
    ptrdiff_t lo = 0, hi = (ptrdiff_t)n - 1, want = (ptrdiff_t)k - 1;
    while (lo < hi) {
        float pivot = v[lo + (hi - lo) / 2];
        /* [lo, lt) > pivot, [lt, i) == pivot, (gt, hi] < pivot */
        ptrdiff_t lt = lo, i = lo, gt = hi;
        while (i <= gt) {
            float x = v[i];
            if (x > pivot) {
                v[i++] = v[lt];
                v[lt++] = x;
            } else if (x < pivot) {
                v[i] = v[gt];
                v[gt--] = x;
            } else {
                i++;
            }
        }
        if (want < lt)
            hi = lt - 1;
        else if (want > gt)
            lo = gt + 1;
        else
            return pivot;
    }
    return v[want];
}

int graph_build(const ch_rank_input *in, double min_sim, size_t work_cap, size_t max_edges,
                sim_graph *g) {
    memset(g, 0, sizeof *g);
    const size_t n = in->n;
    g->n = n;
    if (n >= UINT32_MAX)
        return -1;
    if (work_cap == 0)
        work_cap = GRAPH_WORK_CAP;
    if (max_edges == 0)
        max_edges = GRAPH_MAX_EDGES;
    size_t k = n ? max_edges / n : 0;
    if (k < GRAPH_MIN_KNN)
        k = GRAPH_MIN_KNN;
    size_t nt = in->n_terms;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const ch_svec *v = &in->vec[i];
        total += v->n;
        if (v->n && v->id[v->n - 1] >= nt)
            nt = (size_t)v->id[v->n - 1] + 1;
    }
    const size_t n1 = n ? n : 1;
    graph_scratch s;
    memset(&s, 0, sizeof s);
    s.poff = calloc(nt + 1, sizeof *s.poff);
    s.ps = malloc((total ? total : 1) * sizeof *s.ps);
    s.pw = malloc((total ? total : 1) * sizeof *s.pw);
    s.hist = calloc(n + 1, sizeof *s.hist);
    s.acc = malloc(n1 * sizeof *s.acc);
    s.stamp = calloc(n1, sizeof *s.stamp);
    s.touched = malloc(n1 * sizeof *s.touched);
    s.roww = malloc(n1 * sizeof *s.roww);
    s.sel = malloc(n1 * sizeof *s.sel);
    s.kcnt = calloc(n1, sizeof *s.kcnt);
    s.thr = malloc(n1 * sizeof *s.thr);
    s.fill = malloc(n1 * sizeof *s.fill);
    g->off = calloc(n + 1, sizeof *g->off);
    if (!s.poff || !s.ps || !s.pw || !s.hist || !s.acc || !s.stamp || !s.touched || !s.roww ||
        !s.sel || !s.kcnt || !s.thr || !s.fill || !g->off)
        goto oom;

    /* Inverted index: postings of each term in sentence order. */
    for (size_t i = 0; i < n; i++)
        for (uint32_t q = 0; q < in->vec[i].n; q++)
            s.poff[in->vec[i].id[q] + 1]++;
    for (size_t t = 0; t < nt; t++) {
        s.hist[s.poff[t + 1]]++;
        s.poff[t + 1] += s.poff[t];
    }
    {
        size_t *cur = malloc((nt ? nt : 1) * sizeof *cur);
        if (!cur)
            goto oom;
        memcpy(cur, s.poff, nt * sizeof *cur);
        for (size_t i = 0; i < n; i++) {
            const ch_svec *v = &in->vec[i];
            for (uint32_t q = 0; q < v->n; q++) {
                size_t p = cur[v->id[q]]++;
                s.ps[p] = (uint32_t)i;
                s.pw[p] = v->w[q];
            }
        }
        free(cur);
    }
    g->max_df = graph_pick_max_df(s.hist, n, work_cap, &g->capped);
#define GRAPH_DF(t) (s.poff[(t) + 1] - s.poff[(t)])

    /* Left-out terms of each sentence, for exact cosines under the cap. */
    if (g->capped) {
        s.doff = calloc(n + 1, sizeof *s.doff);
        s.dense = calloc(nt ? nt : 1, sizeof *s.dense);
        if (!s.doff || !s.dense)
            goto oom;
        for (size_t i = 0; i < n; i++) {
            const ch_svec *v = &in->vec[i];
            s.doff[i + 1] = s.doff[i];
            for (uint32_t q = 0; q < v->n; q++)
                s.doff[i + 1] += GRAPH_DF(v->id[q]) > g->max_df;
        }
        s.did = malloc((s.doff[n] ? s.doff[n] : 1) * sizeof *s.did);
        s.dw = malloc((s.doff[n] ? s.doff[n] : 1) * sizeof *s.dw);
        if (!s.did || !s.dw)
            goto oom;
        for (size_t i = 0, o = 0; i < n; i++) {
            const ch_svec *v = &in->vec[i];
            for (uint32_t q = 0; q < v->n; q++)
                if (GRAPH_DF(v->id[q]) > g->max_df) {
                    s.did[o] = v->id[q];
                    s.dw[o++] = v->w[q];
                }
        }
    }

    /* Rows: candidates through the admitted terms, exact cosines, the
     * row's k strongest kept. */
    int pruned = 0;
    for (size_t i = 0; i < n; i++) {
        const ch_svec *v = &in->vec[i];
        const uint32_t mark = (uint32_t)i + 1;
        size_t nc = 0;
        s.stamp[i] = mark; /* no self-loop */
        for (uint32_t q = 0; q < v->n; q++) {
            uint32_t t = v->id[q];
            if (GRAPH_DF(t) > g->max_df)
                continue;
            double wi = v->w[q];
            for (size_t p = s.poff[t]; p < s.poff[t + 1]; p++) {
                uint32_t j = s.ps[p];
                if (s.stamp[j] != mark) {
                    s.stamp[j] = mark;
                    s.acc[j] = 0.0;
                    s.touched[nc++] = j;
                }
                if (j != i)
                    s.acc[j] += wi * (double)s.pw[p];
            }
        }
        if (g->capped)
            for (size_t o = s.doff[i]; o < s.doff[i + 1]; o++)
                s.dense[s.did[o]] = s.dw[o];
        size_t m = 0;
        for (size_t c = 0; c < nc; c++) {
            uint32_t j = s.touched[c];
            double x = s.acc[j];
            if (g->capped)
                for (size_t o = s.doff[j]; o < s.doff[j + 1]; o++)
                    x += (double)s.dense[s.did[o]] * (double)s.dw[o];
            if (x > min_sim) {
                s.touched[m] = j;
                s.roww[m++] = (float)x;
            }
        }
        if (g->capped)
            for (size_t o = s.doff[i]; o < s.doff[i + 1]; o++)
                s.dense[s.did[o]] = 0.0f;
        float thr = -1.0f; /* keeps every weight (all are > min_sim >= 0) */
        if (m > k) {
            memcpy(s.sel, s.roww, m * sizeof *s.sel);
            thr = graph_kth_largest(s.sel, m, k);
            pruned = 1;
        }
        s.thr[i] = thr;
        if (graph_reserve_kept(&s, m) != 0)
            goto oom;
        for (size_t c = 0; c < m; c++) {
            if (s.roww[c] >= thr) {
                s.kj[s.kn] = s.touched[c];
                s.kw[s.kn++] = s.roww[c];
                s.kcnt[i]++;
            }
        }
    }
    g->knn = pruned ? k : 0;

    /* Symmetric CSR: row i = what i kept, then each j that kept i while i
     * did not keep j (w < thr[i]; the weights are equal both ways). */
    for (size_t i = 0, e = 0; i < n; i++) {
        g->off[i + 1] += s.kcnt[i];
        for (size_t q = 0; q < s.kcnt[i]; q++, e++)
            if (s.kw[e] < s.thr[s.kj[e]])
                g->off[s.kj[e] + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        g->off[i + 1] += g->off[i];
    size_t me = g->off[n];
    g->nbr = malloc((me ? me : 1) * sizeof *g->nbr);
    g->w = malloc((me ? me : 1) * sizeof *g->w);
    if (!g->nbr || !g->w)
        goto oom;
    for (size_t i = 0, e = 0; i < n; i++) {
        if (s.kcnt[i]) {
            memcpy(g->nbr + g->off[i], s.kj + e, s.kcnt[i] * sizeof *g->nbr);
            memcpy(g->w + g->off[i], s.kw + e, s.kcnt[i] * sizeof *g->w);
        }
        s.fill[i] = g->off[i] + s.kcnt[i];
        e += s.kcnt[i];
    }
    for (size_t i = 0, e = 0; i < n; i++) {
        for (size_t q = 0; q < s.kcnt[i]; q++, e++) {
            uint32_t j = s.kj[e];
            if (s.kw[e] < s.thr[j]) {
                size_t at = s.fill[j]++;
                g->nbr[at] = (uint32_t)i;
                g->w[at] = s.kw[e];
            }
        }
    }
#undef GRAPH_DF
    graph_scratch_free(&s);
    return 0;
oom:
    graph_scratch_free(&s);
    graph_free(g);
    return -1;
}

int graph_support(const ch_rank_input *in, double *mean, double *max) {
    const size_t n = in->n;
    for (size_t i = 0; i < n; i++) {
        if (mean)
            mean[i] = 0.0;
        if (max)
            max[i] = 0.0;
    }
    if (in->n_docs < 2)
        return 0;
    sim_graph g;
    double *best = calloc(in->n_docs, sizeof *best);
    if (!best || graph_build(in, 0.0, 0, 0, &g) != 0) {
        free(best);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        double s = 0.0, mx = 0.0;
        for (size_t e = g.off[i]; e < g.off[i + 1]; e++) {
            uint32_t d = in->doc[g.nbr[e]];
            if (d != in->doc[i] && g.w[e] > best[d]) {
                s += g.w[e] - best[d];
                best[d] = g.w[e];
                if (g.w[e] > mx)
                    mx = g.w[e];
            }
        }
        for (size_t e = g.off[i]; e < g.off[i + 1]; e++)
            best[in->doc[g.nbr[e]]] = 0.0;
        if (mean)
            mean[i] = s / (double)(in->n_docs - 1);
        if (max)
            max[i] = mx;
    }
    graph_free(&g);
    free(best);
    return 0;
}
