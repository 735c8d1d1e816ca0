/*
 * centroid.c - the cluster centroid and centroid-based scoring in the
 * manner of MEAD (Radev, Jing, Stys & Tam 2004).
 *
 * The centroid is the mean of the unit TF-IDF sentence vectors, reduced to
 * its CENTROID_TOP_K heaviest terms (MEAD keeps the words whose average
 * TF-IDF passes a threshold; a fixed count behaves the same for any cluster
 * size) and normalised. A sentence's score is the sum of MEAD's three
 * features, each in [0, 1]:
 *
 *     C_i  cosine to the centroid, divided by the largest such cosine;
 *     P_i  position: (n_d - k) / n_d for the k-th sentence (0-based) of a
 *          report of n_d sentences - 1 for the first, falling linearly
 *          (MEAD's (n - i + 1) / n * C_max with C normalised to max 1);
 *     F_i  first-sentence overlap: cosine to the first non-headline
 *          sentence of the same report (1 for that sentence itself);
 *
 *     score_i = CENTROID_WC * C_i + CENTROID_WP * P_i + CENTROID_WF * F_i
 *
 * with all three weights 1, MEAD's default for the centroid and position
 * features, extended to the overlap feature with the same weight.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/method.h"
#include "text/segment.h"

#define CENTROID_TOP_K 100
#define CENTROID_WC 1.0
#define CENTROID_WP 1.0
#define CENTROID_WF 1.0

double centroid_dot(const ch_svec *v, const float *dense) {
    double s = 0.0;
    for (uint32_t k = 0; k < v->n; k++)
        s += (double)v->w[k] * (double)dense[v->id[k]];
    return s;
}

/* Entries of the dense vector, for sorting by weight. */
typedef struct centroid_entry {
    float w;
    uint32_t id;
} centroid_entry;

static int centroid_cmp_entry(const void *pa, const void *pb) {
    const centroid_entry *a = pa, *b = pb;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

float *centroid_vector(const ch_rank_input *in, size_t top_k) {
    size_t nt = in->n_terms;
    for (size_t i = 0; i < in->n; i++) {
        const ch_svec *v = &in->vec[i];
        if (v->n && v->id[v->n - 1] >= nt)
            nt = (size_t)v->id[v->n - 1] + 1;
    }
    float *c = calloc(nt ? nt : 1, sizeof *c);
    if (!c)
        return NULL;
    /* Sum in double per term would need another array; float sums of
     * values in [0, 1] over at most millions of sentences lose nothing that
     * matters for ranking. */
    for (size_t i = 0; i < in->n; i++) {
        const ch_svec *v = &in->vec[i];
        for (uint32_t k = 0; k < v->n; k++)
            c[v->id[k]] += v->w[k];
    }
    size_t nz = 0;
    for (size_t t = 0; t < nt; t++)
        nz += c[t] > 0.0f;
    if (top_k && nz > top_k) {
        centroid_entry *e = malloc(nz * sizeof *e);
        if (!e) {
            free(c);
            return NULL;
        }
        size_t m = 0;
        for (size_t t = 0; t < nt; t++)
            if (c[t] > 0.0f)
                e[m++] = (centroid_entry){c[t], (uint32_t)t};
        qsort(e, m, sizeof *e, centroid_cmp_entry);
        for (size_t k = top_k; k < m; k++)
            c[e[k].id] = 0.0f;
        free(e);
    }
    double norm = 0.0;
    for (size_t t = 0; t < nt; t++)
        norm += (double)c[t] * (double)c[t];
    if (norm > 0.0) {
        double inv = 1.0 / sqrt(norm);
        for (size_t t = 0; t < nt; t++)
            c[t] = (float)(c[t] * inv);
    }
    return c;
}

int centroid_scores(const ch_rank_input *in, double *scores) {
    const size_t n = in->n;
    if (n == 0)
        return 0;
    float *c = centroid_vector(in, CENTROID_TOP_K);
    size_t nd = in->n_docs;
    for (size_t i = 0; i < n; i++)
        if (in->doc[i] >= nd)
            nd = (size_t)in->doc[i] + 1;
    uint32_t *len = calloc(nd, sizeof *len);      /* sentences per report */
    uint32_t *first = malloc(nd * sizeof *first); /* first non-headline */
    if (!c || !len || !first) {
        free(c);
        free(len);
        free(first);
        return -1;
    }
    for (size_t d = 0; d < nd; d++)
        first[d] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        uint32_t d = in->doc[i];
        if (in->pos[i] + 1 > len[d])
            len[d] = in->pos[i] + 1;
        int head = in->flags && (in->flags[i] & SEG_HEADLINE);
        if (head)
            continue;
        if (first[d] == UINT32_MAX || in->pos[i] < in->pos[first[d]])
            first[d] = (uint32_t)i;
    }
    /* Reports made only of headlines: their first line stands in. */
    for (size_t i = 0; i < n; i++) {
        uint32_t d = in->doc[i];
        int head = in->flags && (in->flags[i] & SEG_HEADLINE);
        if (head && (first[d] == UINT32_MAX ||
                     ((in->flags[first[d]] & SEG_HEADLINE) && in->pos[i] < in->pos[first[d]])))
            first[d] = (uint32_t)i;
    }
    double cmax = 0.0;
    for (size_t i = 0; i < n; i++) {
        scores[i] = centroid_dot(&in->vec[i], c);
        if (scores[i] > cmax)
            cmax = scores[i];
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t d = in->doc[i];
        double ci = cmax > 0.0 ? scores[i] / cmax : 0.0;
        double pi = len[d] ? (double)(len[d] - in->pos[i]) / (double)len[d] : 0.0;
        double fi = (uint32_t)i == first[d] ? 1.0 : svec_dot(&in->vec[i], &in->vec[first[d]]);
        scores[i] = CENTROID_WC * ci + CENTROID_WP * pi + CENTROID_WF * fi;
    }
    free(c);
    free(len);
    free(first);
    return 0;
}
