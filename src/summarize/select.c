/*
 * select.c - budgeted selection shared by every method, the lead method,
 * and select_summary(), the dispatcher.
 *
 * Budget. The first non-zero of words, bytes, sentences applies; all zero
 * means 100 words. Words are the sentence's whitespace-separated words;
 * bytes are its text plus one separator byte before every sentence but the
 * first (sentences are joined by one space or newline). A sentence that
 * does not fit what is left is skipped and shorter ones are tried; with
 * truncate_last, the first candidate that does not fit a word or byte
 * budget is taken anyway as the last sentence (the caller cuts it).
 *
 * Gates, in order, for every candidate:
 *  1. eligible: not yet taken; in the first (strict) pass also at least
 *     SEL_MIN_WORDS words and not a headline (SEG_HEADLINE: a line without
 *     sentence punctuation - titles, captions, page furniture). Only when
 *     the strict pass selects nothing at all does a second, relaxed pass
 *     allow them ("unless nothing else is left").
 *  2. not redundant: cosine to every selected sentence <= redundancy
 *     (default 0.5), and below SEL_DUPLICATE_COS in any case, so the same
 *     sentence carried by two outlets is selected once.
 *  3. fits the budget.
 *
 * Order. Score methods are walked by score (higher first), ties broken by
 * document, then position, then index, so the result never depends on sort
 * stability or platform.
 *
 * Lead. Sentence k of each report (counting only sentences the current pass
 * admits) scores 1 / (1 + k); with the tie-break above this is round robin:
 * report 0's first sentence, report 1's first, ..., report 0's second, ...
 *
 * Default method. CHORUS_METHOD_DEFAULT maps to SEL_DEFAULT_METHOD (MMR),
 * chosen by ROUGE on news clusters (see the comment there). The ILP
 * (ilp.c) runs through the same gates and fills what its solution leaves.
 */
#include "summarize/select.h"

#include <stdlib.h>
#include <string.h>

#include "summarize/method.h"
#include "text/segment.h"

/* ----------------------------------------------------------- the gates */

size_t sel_cost(const sel_state *st, uint32_t i) {
    switch (st->unit) {
    case SEL_WORDS:
        return st->in->n_words[i];
    case SEL_BYTES:
        return (size_t)st->in->n_bytes[i] + (st->n_sel > 0 ? 1 : 0);
    default:
        return 1;
    }
}

/* 1 if i passes the length and headline rule of the strict pass. */
static int sel_is_regular(const ch_rank_input *in, uint32_t i) {
    return in->n_words[i] >= SEL_MIN_WORDS && !(in->flags && (in->flags[i] & SEG_HEADLINE));
}

int sel_admits(const sel_state *st, uint32_t i) {
    return st->relaxed || sel_is_regular(st->in, i);
}

int sel_eligible(const sel_state *st, uint32_t i) {
    return !st->taken[i] && sel_admits(st, i);
}

int sel_redundant(const sel_state *st, uint32_t i) {
    const ch_svec *v = &st->in->vec[i];
    for (size_t k = 0; k < st->n_sel; k++) {
        double c = svec_dot(v, &st->in->vec[st->sel[k]]);
        if (c > st->redundancy || c >= SEL_DUPLICATE_COS)
            return 1;
    }
    return 0;
}

sel_fit_result sel_fit(const sel_state *st, uint32_t i) {
    if (st->closed || st->used >= st->limit)
        return SEL_NO_FIT;
    size_t c = sel_cost(st, i);
    if (c <= st->limit - st->used)
        return SEL_FITS;
    return st->truncate_last && st->unit != SEL_SENTENCES ? SEL_OVERFLOW : SEL_NO_FIT;
}

void sel_take(sel_state *st, uint32_t i, int overflow) {
    st->used += sel_cost(st, i);
    st->sel[st->n_sel++] = i;
    st->taken[i] = 1;
    if (overflow)
        st->closed = 1;
}

int sel_full(const sel_state *st) {
    return st->closed || st->used >= st->limit;
}

int sel_before(const ch_rank_input *in, double sa, uint32_t a, double sb, uint32_t b) {
    if (sa != sb)
        return sa > sb;
    if (in->doc[a] != in->doc[b])
        return in->doc[a] < in->doc[b];
    if (in->pos[a] != in->pos[b])
        return in->pos[a] < in->pos[b];
    return a < b;
}

/* Sorting context for sel_greedy: merge sort on indices (qsort has no
 * context argument in C11). */
static void sel_sort_range(const ch_rank_input *in, const double *sc, uint32_t *v, uint32_t *tmp,
                           size_t n) {
    if (n < 2)
        return;
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            uint32_t x = v[i];
            size_t j = i;
            while (j > 0 && sel_before(in, sc[x], x, sc[v[j - 1]], v[j - 1])) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    sel_sort_range(in, sc, v, tmp, h);
    sel_sort_range(in, sc, v + h, tmp, n - h);
    size_t a = 0, b = h, o = 0;
    while (a < h && b < n) {
        if (sel_before(in, sc[v[b]], v[b], sc[v[a]], v[a]))
            tmp[o++] = v[b++];
        else
            tmp[o++] = v[a++];
    }
    while (a < h)
        tmp[o++] = v[a++];
    while (b < n)
        tmp[o++] = v[b++];
    memcpy(v, tmp, n * sizeof *v);
}

int sel_greedy(sel_state *st, const double *scores) {
    const ch_rank_input *in = st->in;
    size_t n = in->n;
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!order || !tmp) {
        free(order);
        free(tmp);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    sel_sort_range(in, scores, order, tmp, n);
    for (size_t k = 0; k < n && !sel_full(st); k++) {
        uint32_t i = order[k];
        if (!sel_eligible(st, i) || sel_redundant(st, i))
            continue;
        sel_fit_result f = sel_fit(st, i);
        if (f == SEL_FITS)
            sel_take(st, i, 0);
        else if (f == SEL_OVERFLOW)
            sel_take(st, i, 1);
    }
    free(order);
    free(tmp);
    return 0;
}

/* ----------------------------------------------------------------- lead */

/* scores[i] = 1 / (1 + k) for the k-th admitted sentence of its report,
 * 0 for sentences the pass does not admit. */
static int sel_lead_scores(const ch_rank_input *in, int relaxed, double *scores) {
    /* Sentences are not necessarily grouped by report or in order: rank
     * each sentence among its report's admitted ones by position. */
    size_t n = in->n;
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    double *key = calloc(n ? n : 1, sizeof *key);
    if (!order || !tmp || !key) {
        free(order);
        free(tmp);
        free(key);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        order[i] = (uint32_t)i;
        key[i] = 0.0; /* equal keys: sorted by document, then position */
    }
    sel_sort_range(in, key, order, tmp, n);
    uint32_t rank = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t i = order[k];
        if (k == 0 || in->doc[i] != in->doc[order[k - 1]])
            rank = 0;
        if (relaxed || sel_is_regular(in, i)) {
            scores[i] = 1.0 / (1.0 + (double)rank);
            rank++;
        } else {
            scores[i] = 0.0;
        }
    }
    free(order);
    free(tmp);
    free(key);
    return 0;
}

/* ------------------------------------------------------------- dispatch */

/* The method CHORUS_METHOD_DEFAULT stands for: MMR, which scored best or
 * within noise of the best of the methods on every news benchmark at hand
 * (docs/benchmarks.md): DUC 2006 at 100 and 250 words (50 clusters of 25
 * reports), Multi-News validation at 100 and 300 words (5,622 clusters),
 * and full-length Multi-News clusters with their web noise at 100 words.
 * LexRank came second on the large clusters of DUC, lead and centroid on
 * the short ones; MMR has no such weak spot. The concept-coverage ILP wins
 * ROUGE-2 on DUC 2006 at 250 words but loses ROUGE-1 nearly everywhere and
 * is ten times slower. What makes the default more than plain MMR lives in
 * the options, the same for every input: the priors (prior.c), the
 * redundancy cut-off 0.3 and light compression (compress.c). */
#define SEL_DEFAULT_METHOD CHORUS_METHOD_MMR

/* One pass of 'method' over a fresh selection state. */
static int sel_run(sel_state *st, chorus_method method, const ch_select_opts *o, double *scores) {
    const ch_rank_input *in = st->in;
    switch (method) {
    case CHORUS_METHOD_LEAD:
        if (sel_lead_scores(in, st->relaxed, scores) != 0)
            return -1;
        return sel_greedy(st, scores);
    case CHORUS_METHOD_CENTROID:
        if (centroid_scores(in, scores) != 0)
            return -1;
        return sel_greedy(st, scores);
    case CHORUS_METHOD_MMR:
        return mmr_select(st, scores);
    case CHORUS_METHOD_SUBMODULAR: {
        sub_params p;
        sub_params_default(&p);
        return submodular_select(st, &p, scores);
    }
    case CHORUS_METHOD_ILP:
        return ilp_select(st, scores);
    case CHORUS_METHOD_SALIENCE:
        return mmr_salience_select(st, scores);
    case CHORUS_METHOD_LEXRANK:
    default:
        if (lexrank_scores(in, o->lexrank_threshold, scores) != 0)
            return -1;
        return sel_greedy(st, scores);
    }
}

int select_summary(const ch_rank_input *in, const ch_select_opts *o, double *scores, uint32_t *sel,
                   size_t *n_sel) {
    *n_sel = 0;
    if (in->n == 0)
        return 0;
    sel_state st;
    memset(&st, 0, sizeof st);
    st.in = in;
    if (o->words) {
        st.unit = SEL_WORDS;
        st.limit = o->words;
    } else if (o->bytes) {
        st.unit = SEL_BYTES;
        st.limit = o->bytes;
    } else if (o->sentences) {
        st.unit = SEL_SENTENCES;
        st.limit = o->sentences;
    } else {
        st.unit = SEL_WORDS;
        st.limit = 100;
    }
    st.redundancy = o->redundancy > 0.0 ? o->redundancy : SEL_DEFAULT_REDUNDANCY;
    st.truncate_last = o->truncate_last != 0;
    st.priors = o->priors;
    st.time_limit = o->ilp_time_limit;
    st.model = o->model;
    st.sel = sel;
    st.taken = calloc(in->n, 1);
    if (!st.taken)
        return -1;
    chorus_method m = o->method == CHORUS_METHOD_DEFAULT ? SEL_DEFAULT_METHOD : o->method;
    int rc = sel_run(&st, m, o, scores);
    if (rc == 0 && st.n_sel == 0) {
        /* Nothing regular fitted: allow short and headline sentences. */
        int any_irregular = 0;
        for (size_t i = 0; i < in->n && !any_irregular; i++)
            any_irregular = !sel_is_regular(in, (uint32_t)i);
        if (any_irregular) {
            memset(st.taken, 0, in->n);
            st.used = 0;
            st.closed = 0;
            st.relaxed = 1;
            rc = sel_run(&st, m, o, scores);
        }
    }
    free(st.taken);
    if (rc != 0)
        return -1;
    *n_sel = st.n_sel;
    return 0;
}
