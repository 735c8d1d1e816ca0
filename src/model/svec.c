/*
 * svec.c - sparse term vectors, cluster IDF and TF-IDF sentence vectors.
 *
 * A sentence is reduced to a bag of term ids. model_idf() weighs each term
 * by how rare it is, either across the cluster (every sentence counts as one
 * document) or in a background corpus (model/idf.h). model_vectors() turns
 * each bag into a unit-length TF-IDF vector whose ids are strictly
 * increasing, so that the cosine of two sentences is a linear merge of two
 * sorted lists (svec_dot).
 *
 * Cluster IDF: idf(t) = log(1 + n_sent / df(t)). Unlike the textbook
 * log(n / df), this stays positive for a term that occurs in every sentence
 * (log 2 rather than 0, so a two-sentence cluster still has a usable
 * model) and it grows like log(n / df) for rare terms; no term ever gets a
 * zero or negative weight.
 *
 * Memory: vectors live in the caller's arena, in two flat arrays (ids and
 * weights) that every sentence's vector points into. Scratch space is
 * malloc'd and freed before return.
 *
 * Invariants: for every vector, id[] is strictly increasing, every weight is
 * positive, and the weights have unit L2 norm unless n == 0 (a sentence
 * without content terms).
 */
#include "model/svec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/idf.h"

double svec_dot(const ch_svec *a, const ch_svec *b) {
    uint32_t i = 0, j = 0;
    double s = 0.0;
    const uint32_t na = a->n, nb = b->n;
    const uint32_t *ia = a->id, *ib = b->id;
    while (i < na && j < nb) {
        uint32_t x = ia[i], y = ib[j];
        if (x == y) {
            s += (double)a->w[i] * (double)b->w[j];
            i++;
            j++;
        } else if (x < y) {
            i++;
        } else {
            j++;
        }
    }
    return s;
}

/* Number of distinct term ids used: the vocabulary's size, or one past the
 * largest id when there is no vocabulary. */
static uint32_t svec_term_count(const ch_strmap *vocab, const uint32_t *const *terms,
                                const uint32_t *n_terms, size_t n_sent) {
    uint32_t count = vocab ? strmap_count(vocab) : 0;
    for (size_t i = 0; i < n_sent; i++)
        for (uint32_t k = 0; k < n_terms[i]; k++)
            if (terms[i][k] >= count)
                count = terms[i][k] + 1;
    return count;
}

float *model_idf(ch_arena *a, const struct chorus_idf *bg, const ch_strmap *vocab,
                 const uint32_t *const *terms, const uint32_t *n_terms, size_t n_sent) {
    uint32_t nt = svec_term_count(vocab, terms, n_terms, n_sent);
    float *idf = arena_alloc(a, (nt ? nt : 1) * sizeof *idf);
    if (!idf)
        return NULL;
    if (bg && vocab) {
        uint32_t nv = strmap_count(vocab);
        float unseen = (float)idf_unseen(bg);
        for (uint32_t t = 0; t < nt; t++) {
            if (t < nv) {
                size_t len;
                const char *key = strmap_key(vocab, t, &len);
                idf[t] = (float)idf_weight(bg, key, len);
            } else {
                idf[t] = unseen;
            }
        }
        return idf;
    }
    /* Cluster IDF: df counts each sentence once; 'last' remembers the last
     * sentence that counted a term. */
    uint32_t *df = calloc(nt ? nt : 1, sizeof *df);
    size_t *last = malloc((nt ? nt : 1) * sizeof *last);
    if (!df || !last) {
        free(df);
        free(last);
        return NULL;
    }
    for (uint32_t t = 0; t < nt; t++)
        last[t] = SIZE_MAX;
    for (size_t i = 0; i < n_sent; i++) {
        for (uint32_t k = 0; k < n_terms[i]; k++) {
            uint32_t t = terms[i][k];
            if (last[t] != i) {
                last[t] = i;
                df[t]++;
            }
        }
    }
    for (uint32_t t = 0; t < nt; t++)
        idf[t] = df[t] ? (float)log(1.0 + (double)n_sent / (double)df[t])
                       : (float)log(1.0 + (double)n_sent);
    free(df);
    free(last);
    return idf;
}

static int svec_cmp_u32(const void *pa, const void *pb) {
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

/* Sorts v[0..n): insertion sort for sentence-sized lists, qsort beyond. */
static void svec_sort_ids(uint32_t *v, uint32_t n) {
    if (n > 32) {
        qsort(v, n, sizeof *v, svec_cmp_u32);
        return;
    }
    for (uint32_t i = 1; i < n; i++) {
        uint32_t x = v[i], j = i;
        while (j > 0 && v[j - 1] > x) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

int model_vectors(ch_arena *a, const uint32_t *const *terms, const uint32_t *n_terms, size_t n_sent,
                  const float *idf, ch_svec *out) {
    size_t total = 0;
    for (size_t i = 0; i < n_sent; i++) {
        if (n_terms[i] > SIZE_MAX / 8 - total)
            return -1;
        total += n_terms[i];
    }
    uint32_t *ids = arena_alloc(a, (total ? total : 1) * sizeof *ids);
    float *ws = arena_alloc(a, (total ? total : 1) * sizeof *ws);
    if (!ids || !ws)
        return -1;
    size_t at = 0;
    for (size_t i = 0; i < n_sent; i++) {
        uint32_t m = n_terms[i];
        uint32_t *id = ids + at;
        float *w = ws + at;
        if (m)
            memcpy(id, terms[i], m * sizeof *id);
        svec_sort_ids(id, m);
        /* Merge repeats into (id, tf * idf), dropping zero weights. */
        uint32_t n = 0;
        double norm = 0.0;
        for (uint32_t k = 0; k < m;) {
            uint32_t t = id[k], tf = 0;
            while (k < m && id[k] == t) {
                tf++;
                k++;
            }
            double x = (double)tf * (double)idf[t];
            if (x > 0.0 && isfinite(x)) {
                id[n] = t;
                w[n] = (float)x;
                norm += x * x;
                n++;
            }
        }
        if (n > 0 && norm > 0.0) {
            double inv = 1.0 / sqrt(norm);
            for (uint32_t k = 0; k < n; k++)
                w[k] = (float)(w[k] * inv);
        } else {
            n = 0;
        }
        out[i].id = id;
        out[i].w = w;
        out[i].n = n;
        at += m;
    }
    return 0;
}
