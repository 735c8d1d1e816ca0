/*
 * quotes_group.c - the same quotation carried by several reports, and the
 * words in which the copies differ.
 *
 * Each quotation becomes a sequence of folded words (punctuation and marks
 * dropped, so "[John]" is the word "john"). Two quotations of different
 * reports are the same quotation when
 *
 *   lcs >= 4 words and lcs >= 0.8 x the shorter one   (a word changed, an
 *                                                     insertion, a cut)
 *   or a common run of >= 6 consecutive words         (overlapping excerpts
 *                                                     of a long statement)
 *   or the shorter one, of 3 words or more, is a run  (“waited long enough”
 *      of the longer                                   inside a full quote)
 *   or both are the same word sequence                (“temporarily”)
 *
 * where lcs is the length of a longest common subsequence of the two word
 * sequences. A cheap filter first skips pairs that share too few distinct
 * words to pass. Groups are the connected components of that relation
 * (union-find), so two halves of a statement that one report splits around
 * its attribution join the report that quotes it whole.
 *
 * The canonical member of a group is the one with the largest total lcs
 * with the others (the copy that contains most of what the others say);
 * ties go to the longer, then the earlier. Each member's differing words
 * are the runs of its words left out of the lcs with the canonical text.
 *
 * A group's attribution differs when two members name speakers that are
 * not the same (quotes_speaker_same) or one names a speaker and another
 * cites an unnamed source ("a department spokesperson", or "the spokesman"
 * in a report that never names one).
 *
 * Cost: O(w1 x w2) per compared pair, words capped at QUOTES_MAX_WORDS per
 * quotation.
 */
#include "analyze/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"
#include "util/vec.h"

#define QUOTES_MAX_WORDS 400

typedef struct quotes_word {
    size_t off, len; /* bytes of the quotation's text */
    uint64_t h;      /* hash of the folded word */
} quotes_word;

/* The words of s[0..n) with their folded hashes into *w (malloc'd). */
static int quotes_words(const char *s, size_t n, quotes_word **w, size_t *nw, ch_buf *scratch) {
    ch_qtok *t = NULL;
    size_t nt = 0;
    *w = NULL;
    *nw = 0;
    if (quotes_tokenize(NULL, s, n, &t, &nt) != 0)
        return -1;
    quotes_word *v = NULL;
    size_t nv = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < nt && nv < QUOTES_MAX_WORDS; i++) {
        if (t[i].kind != QTK_WORD && t[i].kind != QTK_NUM)
            continue;
        buf_clear(scratch);
        if (quotes_fold(s + t[i].off, t[i].len, scratch) != 0) {
            rc = -1;
            break;
        }
        /* U.S. and US, e-mail and email are the same word */
        size_t k = 0;
        for (size_t j = 0; j < scratch->len; j++)
            if (scratch->data[j] != '.' && scratch->data[j] != '-')
                scratch->data[k++] = scratch->data[j];
        quotes_word qw = {t[i].off, t[i].len, strmap_hash(scratch->data ? scratch->data : "", k)};
        if (VEC_PUSH(v, nv, cap, qw) != 0) {
            rc = -1;
            break;
        }
    }
    free(t);
    if (rc != 0) {
        free(v);
        return -1;
    }
    *w = v;
    *nw = nv;
    return 0;
}

/* LCS table of a[0..na) x b[0..nb): (na+1) x (nb+1) uint16 cells, malloc'd;
 * cell (i, j) is the LCS of the suffixes a[i..], b[j..]. Also gives the
 * longest common run in *run. NULL when out of memory. */
static uint16_t *quotes_lcs(const quotes_word *a, size_t na, const quotes_word *b, size_t nb,
                            size_t *run) {
    size_t w = nb + 1;
    uint16_t *L = calloc((na + 1) * w, sizeof *L);
    uint16_t *R = calloc((na + 1) * w, sizeof *R); /* common run starting at (i, j) */
    if (!L || !R) {
        free(L);
        free(R);
        return NULL;
    }
    size_t best = 0;
    for (size_t i = na; i-- > 0;)
        for (size_t j = nb; j-- > 0;) {
            if (a[i].h == b[j].h) {
                L[i * w + j] = (uint16_t)(L[(i + 1) * w + j + 1] + 1);
                R[i * w + j] = (uint16_t)(R[(i + 1) * w + j + 1] + 1);
                if (R[i * w + j] > best)
                    best = R[i * w + j];
            } else {
                uint16_t x = L[(i + 1) * w + j], y = L[i * w + j + 1];
                L[i * w + j] = x > y ? x : y;
            }
        }
    free(R);
    *run = best;
    return L;
}

/* Marks in inb[] (nb entries) the words of b that lie on one LCS with a. */
static void quotes_lcs_mark(const uint16_t *L, const quotes_word *a, size_t na,
                            const quotes_word *b, size_t nb, unsigned char *inb) {
    size_t w = nb + 1, i = 0, j = 0;
    memset(inb, 0, nb);
    while (i < na && j < nb) {
        if (a[i].h == b[j].h) {
            inb[j] = 1;
            i++;
            j++;
        } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) {
            i++;
        } else {
            j++;
        }
    }
}

/* Ranges of b (byte offsets relative to b) whose words are not marked. */
static int quotes_diff_ranges(const quotes_word *b, size_t nb, const unsigned char *inb,
                              ch_arena *ar, size_t **off, size_t **len, size_t *n) {
    size_t runs = 0;
    for (size_t j = 0; j < nb; j++)
        if (!inb[j] && (j == 0 || inb[j - 1]))
            runs++;
    *off = *len = NULL;
    *n = 0;
    if (!runs)
        return 0;
    size_t *o = arena_alloc(ar, runs * sizeof *o), *l = arena_alloc(ar, runs * sizeof *l);
    if (!o || !l)
        return -1;
    size_t k = 0;
    for (size_t j = 0; j < nb; j++) {
        if (inb[j])
            continue;
        size_t e = j;
        while (e + 1 < nb && !inb[e + 1])
            e++;
        o[k] = b[j].off;
        l[k] = b[e].off + b[e].len - b[j].off;
        k++;
        j = e;
    }
    *off = o;
    *len = l;
    *n = k;
    return 0;
}

int quotes_word_diff(const char *a, size_t alen, const char *b, size_t blen, ch_arena *ar,
                     size_t **off, size_t **len, size_t *n) {
    ch_buf scratch = {0};
    quotes_word *wa = NULL, *wb = NULL;
    size_t na = 0, nb = 0, run;
    int rc = -1;
    *off = *len = NULL;
    *n = 0;
    if (quotes_words(a, alen, &wa, &na, &scratch) != 0 ||
        quotes_words(b, blen, &wb, &nb, &scratch) != 0)
        goto done;
    uint16_t *L = quotes_lcs(wa, na, wb, nb, &run);
    unsigned char *inb = malloc(nb ? nb : 1);
    if (L && inb) {
        quotes_lcs_mark(L, wa, na, wb, nb, inb);
        rc = quotes_diff_ranges(wb, nb, inb, ar, off, len, n);
    }
    free(L);
    free(inb);
done:
    free(wa);
    free(wb);
    buf_free(&scratch);
    return rc;
}

/* ------------------------------------------------------------ grouping */

typedef struct quotes_qw {
    quotes_word *w;
    size_t n;
    uint64_t *set; /* (nset) distinct hashes, sorted */
    size_t nset;
} quotes_qw;

static int quotes_u64_cmp(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static size_t quotes_set_common(const quotes_qw *a, const quotes_qw *b) {
    size_t i = 0, j = 0, c = 0;
    while (i < a->nset && j < b->nset) {
        if (a->set[i] == b->set[j]) {
            c++;
            i++;
            j++;
        } else if (a->set[i] < b->set[j]) {
            i++;
        } else {
            j++;
        }
    }
    return c;
}

static uint32_t quotes_find(uint32_t *parent, uint32_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* lcs of two quotations, or 0 when the pair cannot be the same quotation;
 * *same is set to 1 when they are. */
static size_t quotes_pair_lcs(const quotes_qw *a, const quotes_qw *b, int *same, int *oom) {
    *same = 0;
    size_t mn = a->n < b->n ? a->n : b->n;
    if (!mn)
        return 0;
    size_t common = quotes_set_common(a, b);
    /* each test below needs at least this many shared distinct words */
    size_t need = mn < 4 ? mn : 4;
    if (common < need || (common * 10 < mn * 5 && common < 6))
        return 0;
    size_t run;
    uint16_t *L = quotes_lcs(a->w, a->n, b->w, b->n, &run);
    if (!L) {
        *oom = 1;
        return 0;
    }
    size_t lcs = L[0];
    free(L);
    if ((lcs >= 4 && lcs * 10 >= mn * 8) || run >= 6 || (mn >= 3 && run == mn) ||
        (a->n == b->n && lcs == a->n))
        *same = 1;
    return lcs;
}

typedef struct quotes_gsort {
    uint32_t root;
    size_t n_docs;
    uint32_t first; /* lowest quotation index */
} quotes_gsort;

static int quotes_gsort_cmp(const void *a, const void *b) {
    const quotes_gsort *x = a, *y = b;
    if (x->n_docs != y->n_docs)
        return x->n_docs > y->n_docs ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

int quotes_group(ch_quote *q, size_t n, const char *const *texts, ch_arena *a, ch_quote_group **g,
                 size_t *n_groups) {
    *g = NULL;
    *n_groups = 0;
    if (!n)
        return 0;
    int rc = -1, oom = 0;
    ch_buf scratch = {0};
    quotes_qw *qw = calloc(n, sizeof *qw);
    uint32_t *parent = malloc(n * sizeof *parent);
    size_t *score = calloc(n, sizeof *score);
    quotes_gsort *gs = NULL;
    uint32_t *gid = malloc(n * sizeof *gid);
    if (!qw || !parent || !score || !gid)
        goto done;
    for (size_t i = 0; i < n; i++) {
        parent[i] = (uint32_t)i;
        if (quotes_words(texts[q[i].doc] + q[i].off, q[i].len, &qw[i].w, &qw[i].n, &scratch) != 0)
            goto done;
        qw[i].set = malloc((qw[i].n ? qw[i].n : 1) * sizeof *qw[i].set);
        if (!qw[i].set)
            goto done;
        for (size_t k = 0; k < qw[i].n; k++)
            qw[i].set[k] = qw[i].w[k].h;
        qsort(qw[i].set, qw[i].n, sizeof *qw[i].set, quotes_u64_cmp);
        size_t u = 0;
        for (size_t k = 0; k < qw[i].n; k++)
            if (!u || qw[i].set[u - 1] != qw[i].set[k])
                qw[i].set[u++] = qw[i].set[k];
        qw[i].nset = u;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (q[i].doc == q[j].doc)
                continue;
            int same;
            size_t l = quotes_pair_lcs(&qw[i], &qw[j], &same, &oom);
            if (oom)
                goto done;
            if (same) {
                uint32_t ri = quotes_find(parent, (uint32_t)i), rj = quotes_find(parent, (uint32_t)j);
                if (ri != rj)
                    parent[ri > rj ? ri : rj] = ri < rj ? ri : rj;
                score[i] += l;
                score[j] += l;
            }
        }
    /* order groups: more reports first, then first appearance */
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        if (quotes_find(parent, (uint32_t)i) == i)
            ng++;
    gs = calloc(ng, sizeof *gs);
    if (!gs)
        goto done;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i) {
            gs[k].root = (uint32_t)i;
            gs[k].first = (uint32_t)i;
            gid[i] = (uint32_t)k++;
        }
    for (size_t i = 0; i < n; i++) {
        uint32_t r = quotes_find(parent, (uint32_t)i);
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = quotes_find(parent, (uint32_t)j) == r && q[j].doc == q[i].doc;
        if (!seen)
            gs[gid[r]].n_docs++;
    }
    qsort(gs, ng, sizeof *gs, quotes_gsort_cmp);
    for (size_t i = 0; i < ng; i++)
        gid[gs[i].root] = (uint32_t)i;
    ch_quote_group *out = arena_calloc(a, ng, sizeof *out);
    if (!out)
        goto done;
    for (size_t gi = 0; gi < ng; gi++) {
        uint32_t r = gs[gi].root;
        size_t nm = 0;
        uint32_t canon = r;
        for (size_t i = 0; i < n; i++) {
            if (quotes_find(parent, (uint32_t)i) != r)
                continue;
            nm++;
            if (score[i] > score[canon] || (score[i] == score[canon] && qw[i].n > qw[canon].n))
                canon = (uint32_t)i;
        }
        ch_quote_variant *mem = arena_calloc(a, nm, sizeof *mem);
        if (!mem)
            goto done;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (quotes_find(parent, (uint32_t)i) != r)
                continue;
            q[i].group = (uint32_t)gi;
            mem[m].quote = (uint32_t)i;
            if (i != canon && qw[i].n) {
                size_t run;
                uint16_t *L = quotes_lcs(qw[canon].w, qw[canon].n, qw[i].w, qw[i].n, &run);
                unsigned char *inb = malloc(qw[i].n);
                int r2 = -1;
                if (L && inb) {
                    quotes_lcs_mark(L, qw[canon].w, qw[canon].n, qw[i].w, qw[i].n, inb);
                    size_t *off, *len;
                    r2 = quotes_diff_ranges(qw[i].w, qw[i].n, inb, a, &off, &len, &mem[m].n_diff);
                    if (r2 == 0) {
                        for (size_t d = 0; d < mem[m].n_diff; d++)
                            off[d] += q[i].off; /* to article-text bytes */
                        mem[m].diff_off = off;
                        mem[m].diff_len = len;
                    }
                }
                free(L);
                free(inb);
                if (r2 != 0)
                    goto done;
            }
            m++;
        }
        /* do the members attribute it differently? */
        const ch_quote *named = NULL;
        int anon = 0, differs = 0;
        for (size_t i = 0; i < nm; i++) {
            const ch_quote *x = &q[mem[i].quote];
            if (x->speaker) {
                if (named && !quotes_speaker_same(named->speaker, x->speaker))
                    differs = 1;
                if (!named)
                    named = x;
            } else if (x->attr_kind == QATTR_ANONYMOUS) {
                anon = 1;
            }
        }
        out[gi].attribution_differs = differs || (named && anon);
        out[gi].canonical = canon;
        out[gi].members = mem;
        out[gi].n_members = nm;
        out[gi].n_docs = gs[gi].n_docs;
    }
    *g = out;
    *n_groups = ng;
    rc = 0;
done:
    if (qw)
        for (size_t i = 0; i < n; i++) {
            free(qw[i].w);
            free(qw[i].set);
        }
    free(qw);
    free(parent);
    free(score);
    free(gs);
    free(gid);
    buf_free(&scratch);
    return rc;
}
