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
 * its attribution join the report that quotes it whole. Links are joined
 * strongest first, and one that would put more than three quotations of
 * one report into a group is refused: a very long quotation (a reprinted
 * statement, a newsletter quoting a whole article) must not chain unrelated
 * quotations together.
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

/* At most this many quotations of one report in a group: a statement split
 * around its attributions, not a chain. */
#define QUOTES_MAX_PER_DOC 3

typedef struct quotes_link {
    uint32_t a, b;
    double strength; /* lcs / shorter length */
    size_t lcs;
} quotes_link;

static int quotes_link_cmp(const void *x, const void *y) {
    const quotes_link *p = x, *q = y;
    if (p->strength != q->strength)
        return p->strength > q->strength ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Members of each group as a linked list: first[root], next[i] (UINT32_MAX
 * ends), so that a merge is checked in the size of the two groups. */
typedef struct quotes_lists {
    uint32_t *first, *last, *next;
    uint32_t *count; /* (n_docs) scratch, all zero between calls */
} quotes_lists;

/* 1 if joining the groups of roots ra and rb would give one report more
 * than QUOTES_MAX_PER_DOC quotations in the group. */
static int quotes_merge_too_big(const ch_quote *q, quotes_lists *ls, uint32_t ra, uint32_t rb) {
    int big = 0;
    uint32_t roots[2] = {ra, rb};
    for (int r = 0; r < 2; r++)
        for (uint32_t i = ls->first[roots[r]]; i != UINT32_MAX; i = ls->next[i])
            if (++ls->count[q[i].doc] > QUOTES_MAX_PER_DOC)
                big = 1;
    for (int r = 0; r < 2; r++)
        for (uint32_t i = ls->first[roots[r]]; i != UINT32_MAX; i = ls->next[i])
            ls->count[q[i].doc] = 0;
    return big;
}

typedef struct quotes_gsort {
    uint32_t root;
    size_t n_docs;
    uint32_t first; /* lowest quotation index */
    size_t members; /* its members: order[members .. members + n_members) */
    size_t n_members;
} quotes_gsort;

/* Up to this many quotations every pair is compared; beyond, candidate
 * pairs come from words used by at most QUOTES_MAX_POSTING quotations. */
#define QUOTES_EXHAUSTIVE 2000
#define QUOTES_MAX_POSTING 32

typedef struct quotes_post {
    uint64_t h;     /* word hash */
    uint32_t quote; /* a quotation using it */
} quotes_post;

static int quotes_post_cmp(const void *x, const void *y) {
    const quotes_post *p = x, *q = y;
    if (p->h != q->h)
        return p->h < q->h ? -1 : 1;
    return p->quote < q->quote ? -1 : p->quote > q->quote;
}

static int quotes_u32_cmp(const void *x, const void *y) {
    uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
    return p < q ? -1 : p > q;
}

/* Compares quotations i < j and records a link when they are the same
 * quotation. Returns 0, or -1 when out of memory (also sets *oom). */
static int quotes_consider(const ch_quote *q, const quotes_qw *qw, uint32_t i, uint32_t j,
                           quotes_link **links, size_t *nlinks, size_t *cap, int *oom) {
    (void)q;
    int same;
    size_t l = quotes_pair_lcs(&qw[i], &qw[j], &same, oom);
    if (*oom)
        return -1;
    if (!same)
        return 0;
    size_t mn = qw[i].n < qw[j].n ? qw[i].n : qw[j].n;
    quotes_link lk = {i, j, (double)l / (double)(mn ? mn : 1), l};
    if (VEC_PUSH(*links, *nlinks, *cap, lk) != 0) {
        *oom = 1;
        return -1;
    }
    return 0;
}

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
    quotes_link *links = NULL;
    size_t nlinks = 0, links_cap = 0;
    quotes_post *post = NULL, *seqs = NULL;
    uint32_t *cnt = NULL, *touched = NULL, *order = NULL;
    size_t *start = NULL;
    uint32_t *gid = malloc(n * sizeof *gid);
    uint32_t max_doc = 0;
    for (size_t i = 0; i < n; i++)
        if (q[i].doc > max_doc)
            max_doc = q[i].doc;
    quotes_lists ls = {malloc(n * sizeof(uint32_t)), malloc(n * sizeof(uint32_t)),
                       malloc(n * sizeof(uint32_t)), calloc((size_t)max_doc + 1, sizeof(uint32_t))};
    if (!qw || !parent || !score || !gid || !ls.first || !ls.last || !ls.next || !ls.count)
        goto done;
    for (size_t i = 0; i < n; i++) {
        ls.first[i] = ls.last[i] = (uint32_t)i;
        ls.next[i] = UINT32_MAX;
    }
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
    /* candidate pairs: every pair for ordinary clusters; past
     * QUOTES_EXHAUSTIVE quotations, only pairs sharing a word that few
     * quotations use (an inverted index), so that huge inputs stay linear
     * in practice */
    if (n > QUOTES_EXHAUSTIVE) {
        size_t total = 0;
        for (size_t i = 0; i < n; i++)
            total += qw[i].nset;
        post = malloc((total ? total : 1) * sizeof *post);
        cnt = calloc(n, sizeof *cnt);
        touched = malloc(n * sizeof *touched);
        if (!post || !cnt || !touched)
            goto done;
        size_t np = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < qw[i].nset; k++) {
                post[np].h = qw[i].set[k];
                post[np].quote = (uint32_t)i;
                np++;
            }
        qsort(post, np, sizeof *post, quotes_post_cmp);
        for (size_t i = 0; i < n; i++) {
            size_t nt = 0;
            for (size_t k = 0; k < qw[i].nset; k++) {
                size_t lo = 0, hi = np;
                while (lo < hi) { /* first posting of this word */
                    size_t mid = lo + (hi - lo) / 2;
                    if (post[mid].h < qw[i].set[k])
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                size_t end = lo;
                while (end < np && post[end].h == qw[i].set[k] && end - lo <= QUOTES_MAX_POSTING)
                    end++;
                if (end - lo > QUOTES_MAX_POSTING)
                    continue; /* a word too common to find candidates by */
                for (size_t m = lo; m < end; m++) {
                    uint32_t j = post[m].quote;
                    if (j <= i || q[j].doc == q[i].doc)
                        continue;
                    if (!cnt[j]++)
                        touched[nt++] = j;
                }
            }
            qsort(touched, nt, sizeof *touched, quotes_u32_cmp);
            if (nt == 0)
                continue;
            for (size_t m = 0; m < nt; m++) {
                cnt[touched[m]] = 0;
                if (quotes_consider(q, qw, (uint32_t)i, touched[m], &links, &nlinks, &links_cap,
                                    &oom) != 0 ||
                    oom)
                    goto done;
            }
        }
        /* identical word sequences, even of common words only ("We are
         * here"): each joins the first copy of another report */
        seqs = malloc(n * sizeof *seqs);
        if (!seqs)
            goto done;
        for (size_t i = 0; i < n; i++) {
            uint64_t h = 1469598103934665603ULL;
            for (size_t k = 0; k < qw[i].n; k++)
                h = (h ^ qw[i].w[k].h) * 1099511628211ULL;
            seqs[i].h = h;
            seqs[i].quote = (uint32_t)i;
        }
        qsort(seqs, n, sizeof *seqs, quotes_post_cmp);
        for (size_t r = 0; r < n;) {
            size_t e = r;
            while (e < n && seqs[e].h == seqs[r].h)
                e++;
            uint32_t first = seqs[r].quote, other = UINT32_MAX;
            for (size_t m = r; m < e && other == UINT32_MAX; m++)
                if (q[seqs[m].quote].doc != q[first].doc)
                    other = seqs[m].quote;
            for (size_t m = r; m < e && other != UINT32_MAX; m++) {
                uint32_t i = seqs[m].quote, j = q[i].doc != q[first].doc ? first : other;
                if (i == j || !qw[i].n)
                    continue;
                quotes_link lk = {i < j ? i : j, i < j ? j : i, 1.0, qw[i].n};
                if (VEC_PUSH(links, nlinks, links_cap, lk) != 0)
                    goto done;
            }
            r = e;
        }
    } else {
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                if (q[i].doc != q[j].doc &&
                    (quotes_consider(q, qw, (uint32_t)i, (uint32_t)j, &links, &nlinks, &links_cap,
                                     &oom) != 0 ||
                     oom))
                    goto done;
    }
    /* strongest links first; a link that would put more than
     * QUOTES_MAX_PER_DOC quotations of one report into a group is refused
     * (a long quotation must not chain unrelated ones together) */
    if (nlinks > 1)
        qsort(links, nlinks, sizeof *links, quotes_link_cmp);
    for (size_t k = 0; k < nlinks; k++) {
        uint32_t i = links[k].a, j = links[k].b;
        uint32_t ri = quotes_find(parent, i), rj = quotes_find(parent, j);
        if (ri != rj) {
            if (quotes_merge_too_big(q, &ls, ri, rj))
                continue;
            uint32_t keep = ri < rj ? ri : rj, gone = ri < rj ? rj : ri;
            parent[gone] = keep;
            ls.next[ls.last[keep]] = ls.first[gone];
            ls.last[keep] = ls.last[gone];
        }
        score[i] += links[k].lcs;
        score[j] += links[k].lcs;
    }
    /* groups: members in quotation order (a counting sort by root), more
     * reports first, then first appearance */
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        if (quotes_find(parent, (uint32_t)i) == i)
            ng++;
    gs = calloc(ng, sizeof *gs);
    order = malloc(n * sizeof *order);
    start = calloc(ng + 1, sizeof *start);
    if (!gs || !order || !start)
        goto done;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i) {
            gs[k].root = (uint32_t)i;
            gs[k].first = (uint32_t)i;
            gid[i] = (uint32_t)k++;
        }
    for (size_t i = 0; i < n; i++)
        start[gid[quotes_find(parent, (uint32_t)i)] + 1]++;
    for (size_t i = 0; i < ng; i++)
        start[i + 1] += start[i];
    for (size_t i = 0; i < n; i++) {
        size_t gi = gid[quotes_find(parent, (uint32_t)i)];
        order[start[gi] + gs[gi].n_docs++] = (uint32_t)i; /* n_docs counts members here */
    }
    for (size_t gi = 0; gi < ng; gi++) {
        size_t docs = 0;
        for (size_t m = start[gi]; m < start[gi + 1]; m++)
            if (!ls.count[q[order[m]].doc]++)
                docs++;
        for (size_t m = start[gi]; m < start[gi + 1]; m++)
            ls.count[q[order[m]].doc] = 0;
        gs[gi].n_docs = docs;
        gs[gi].members = start[gi];
        gs[gi].n_members = start[gi + 1] - start[gi];
    }
    qsort(gs, ng, sizeof *gs, quotes_gsort_cmp);
    ch_quote_group *out = arena_calloc(a, ng, sizeof *out);
    if (!out)
        goto done;
    for (size_t gi = 0; gi < ng; gi++) {
        const uint32_t *memb = order + gs[gi].members;
        size_t nm = gs[gi].n_members;
        uint32_t canon = memb[0];
        for (size_t m = 0; m < nm; m++) {
            uint32_t i = memb[m];
            if (score[i] > score[canon] || (score[i] == score[canon] && qw[i].n > qw[canon].n))
                canon = i;
        }
        ch_quote_variant *mem = arena_calloc(a, nm, sizeof *mem);
        if (!mem)
            goto done;
        for (size_t m = 0; m < nm; m++) {
            uint32_t i = memb[m];
            q[i].group = (uint32_t)gi;
            mem[m].quote = i;
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
    free(links);
    free(post);
    free(seqs);
    free(cnt);
    free(touched);
    free(order);
    free(start);
    free(ls.first);
    free(ls.last);
    free(ls.next);
    free(ls.count);
    buf_free(&scratch);
    return rc;
}
