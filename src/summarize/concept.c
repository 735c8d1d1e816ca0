/*
 * concept.c - concepts for coverage-based selection (Gillick & Favre 2009).
 *
 * A concept is a pair of consecutive content terms of a sentence (stems of
 * the words that are not stopwords, so "the mayor of Paris" gives the pair
 * mayor+pari), read from in->terms; without them (callers that give only
 * vectors) the single terms of the sentence vectors serve instead.
 *
 * Weight: the number of reports containing the concept, so that content
 * several outlets carry outweighs what one outlet alone says. Concepts
 * found in fewer than min_df reports are dropped, min_df growing with the
 * cluster: floor(CPT_MIN_DF_SHARE * reports), at least 1 and at most
 * CPT_MIN_DF_MAX (3 from 25 reports on; Gillick & Favre used 3 for
 * clusters of 10). Pruning keeps the ILP small and leaves out the
 * one-outlet details that a short summary rarely has room for.
 *
 * Invariants: each sentence lists a concept at most once, ids ascending;
 * every concept kept has weight >= 1 and is listed by some sentence.
 */
#include "summarize/concept.h"

#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"
#include "util/vec.h"

#define CPT_MIN_DF_SHARE 0.12
#define CPT_MIN_DF_MAX 3

void cpt_free(cpt_model *m) {
    free(m->weight);
    free(m->df);
    free(m->off);
    free(m->ids);
    memset(m, 0, sizeof *m);
}

static int cpt_cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A sentence's place: report and position, for visiting in that order. */
typedef struct cpt_key {
    uint64_t key; /* report << 32 | position */
    uint32_t i;
} cpt_key;

static int cpt_cmp_key(const void *a, const void *b) {
    const cpt_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

int cpt_build(const ch_rank_input *in, cpt_model *m) {
    memset(m, 0, sizeof *m);
    const size_t n = in->n;
    m->n = n;
    const int bigrams = in->terms && in->n_terms_of;
    ch_strmap *map = strmap_new();
    uint32_t *raw = NULL; /* concept ids of every sentence, concatenated */
    size_t n_raw = 0, cap_raw = 0;
    uint32_t *roff = calloc(n + 1, sizeof *roff);
    uint32_t *stamp = NULL, *cnt = NULL;
    cpt_key *order = NULL;
    uint32_t *remap = NULL;
    if (!map || !roff)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        roff[i] = (uint32_t)n_raw;
        if (bigrams) {
            const uint32_t *t = in->terms[i];
            uint32_t nt = in->n_terms_of[i];
            for (uint32_t k = 0; k + 1 < nt; k++) {
                uint32_t id = strmap_pair(map, t[k], t[k + 1], 1);
                if (id == STRMAP_NONE || VEC_PUSH(raw, n_raw, cap_raw, id) != 0)
                    goto oom;
            }
        } else {
            const ch_svec *v = &in->vec[i];
            for (uint32_t k = 0; k < v->n; k++) {
                uint32_t id = strmap_pair(map, v->id[k], UINT32_MAX, 1);
                if (id == STRMAP_NONE || VEC_PUSH(raw, n_raw, cap_raw, id) != 0)
                    goto oom;
            }
        }
        /* distinct within the sentence */
        size_t b = roff[i], e = n_raw;
        if (e - b > 1) {
            qsort(raw + b, e - b, sizeof *raw, cpt_cmp_u32);
            size_t o = b + 1;
            for (size_t k = b + 1; k < e; k++)
                if (raw[k] != raw[o - 1])
                    raw[o++] = raw[k];
            n_raw = o;
        }
    }
    roff[n] = (uint32_t)n_raw;
    size_t nc = strmap_count(map);
    stamp = malloc((nc ? nc : 1) * sizeof *stamp);
    cnt = calloc(nc ? nc : 1, sizeof *cnt);
    remap = malloc((nc ? nc : 1) * sizeof *remap);
    if (!stamp || !cnt || !remap)
        goto oom;
    /* Document frequency: sentences are visited report by report, and a
     * per-concept stamp (the last report counted) counts each report once
     * even when a report's sentences are not contiguous in 'in'. */
    for (size_t c = 0; c < nc; c++)
        stamp[c] = UINT32_MAX;
    order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        order[i].key = ((uint64_t)in->doc[i] << 32) | in->pos[i];
        order[i].i = (uint32_t)i;
    }
    qsort(order, n, sizeof *order, cpt_cmp_key);
    for (size_t q = 0; q < n; q++) {
        uint32_t i = order[q].i;
        uint32_t d = in->doc[i];
        for (uint32_t k = roff[i]; k < roff[i + 1]; k++) {
            uint32_t c = raw[k];
            if (stamp[c] != d) {
                stamp[c] = d;
                cnt[c]++;
            }
        }
    }
    /* minimum document frequency */
    size_t nd = in->n_docs;
    uint32_t min_df = (uint32_t)(CPT_MIN_DF_SHARE * (double)nd);
    if (min_df > CPT_MIN_DF_MAX)
        min_df = CPT_MIN_DF_MAX;
    if (min_df < 1)
        min_df = 1;
    size_t kept = 0;
    for (size_t c = 0; c < nc; c++) {
        if (cnt[c] >= min_df)
            remap[c] = (uint32_t)kept++;
        else
            remap[c] = UINT32_MAX;
    }
    m->n_concepts = kept;
    m->weight = malloc((kept ? kept : 1) * sizeof *m->weight);
    m->df = malloc((kept ? kept : 1) * sizeof *m->df);
    m->off = malloc((n + 1) * sizeof *m->off);
    m->ids = malloc((n_raw ? n_raw : 1) * sizeof *m->ids);
    if (!m->weight || !m->df || !m->off || !m->ids)
        goto oom;
    for (size_t c = 0; c < nc; c++) {
        if (remap[c] == UINT32_MAX)
            continue;
        m->weight[remap[c]] = (double)cnt[c];
        m->df[remap[c]] = cnt[c];
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        m->off[i] = (uint32_t)o;
        for (uint32_t k = roff[i]; k < roff[i + 1]; k++)
            if (remap[raw[k]] != UINT32_MAX)
                m->ids[o++] = remap[raw[k]];
        /* remapping keeps the order: ids stay ascending */
    }
    m->off[n] = (uint32_t)o;
    free(raw);
    free(roff);
    free(stamp);
    free(cnt);
    free(remap);
    free(order);
    strmap_free(map);
    return 0;
oom:
    free(raw);
    free(roff);
    free(stamp);
    free(cnt);
    free(remap);
    free(order);
    strmap_free(map);
    cpt_free(m);
    return -1;
}
