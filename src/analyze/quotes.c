/*
 * quotes.c - finding the direct quotations of one report.
 *
 * The text is tokenized (quotes_text.c), which tells for every quotation
 * mark whether it may open, close, or both. Marks are then paired in two
 * passes, double marks first (" “ ” „ « »), then single ones (' ‘ ’) in the
 * text outside double quotations:
 *
 *   outside  an opening mark opens;
 *   inside   a closing mark closes (when words lie between); an opening-only
 *            mark means the earlier one was never closed: it opens anew;
 *   new paragraph while inside
 *            the English convention continues a quotation over paragraphs
 *            by reopening each one with a mark and closing only the last:
 *            a paragraph that starts with an opening mark continues it (at
 *            most QUOTES_MAX_PARAS paragraphs); any other paragraph ends the
 *            search and the unclosed mark is dropped.
 *
 * So an unbalanced mark never swallows more than its own paragraph. A
 * double quotation found inside a single one (British nesting) is dropped
 * in favour of the outer one.
 *
 * A quotation is partial when it is a fragment of the reporter's sentence:
 * it begins in lower case after a word or comma, or it follows a word and
 * does not end with punctuation of its own ("had “temporarily” unplugged").
 * Words in title case are a name or a title ("the show “Meet the Press”",
 * the book “Born This Way”), not a quotation, and are skipped: a short
 * partial, or up to twelve words of which two or more are capitalised and
 * the rest are small words (of, the, and, ...).
 */
#include "analyze/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

/* Paragraphs one quotation may span (the first and its reopenings). */
#define QUOTES_MAX_PARAS 8

typedef struct quotes_pair {
    size_t open, close; /* token indices of the marks */
} quotes_pair;

/* 1 if token 'i' lies inside one of the pairs (marks included). */
static int quotes_in_pairs(const quotes_pair *p, size_t np, size_t i) {
    size_t lo = 0, hi = np;
    while (lo < hi) { /* first pair with close >= i */
        size_t mid = lo + (hi - lo) / 2;
        if (p[mid].close < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < np && p[lo].open <= i;
}

/* Pairs the marks of one family; tokens inside 'block' are skipped.
 * Appends to *out. Returns 0 or -1. */
static int quotes_pair_family(const ch_qtok *t, size_t n, unsigned family,
                              const quotes_pair *block, size_t nblock, quotes_pair **out,
                              size_t *nout, size_t *cap) {
    size_t open = SIZE_MAX;
    int paras = 0;
    for (size_t i = 0; i < n; i++) {
        if (nblock && quotes_in_pairs(block, nblock, i))
            continue;
        const ch_qtok *k = &t[i];
        int is_mark = k->kind == QTK_MARK && (k->mark & family);
        if (open != SIZE_MAX && k->para) {
            if (is_mark && (k->mark & QMARK_OPEN) && paras < QUOTES_MAX_PARAS) {
                paras++; /* a reopened paragraph of the same quotation */
                continue;
            }
            open = SIZE_MAX;
        }
        if (!is_mark)
            continue;
        if (open == SIZE_MAX) {
            if (k->mark & QMARK_OPEN) {
                open = i;
                paras = 1;
            }
            continue;
        }
        int words = 0;
        for (size_t j = open + 1; j < i && !words; j++)
            words = t[j].kind == QTK_WORD || t[j].kind == QTK_NUM;
        if ((k->mark & QMARK_CLOSE) && words) {
            quotes_pair p = {open, i};
            if (VEC_PUSH(*out, *nout, *cap, p) != 0)
                return -1;
            open = SIZE_MAX;
        } else if (k->mark & QMARK_OPEN) {
            open = i;
            paras = 1;
        }
    }
    return 0;
}

static int quotes_pair_cmp(const void *a, const void *b) {
    const quotes_pair *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

static int quotes_is_punct(const char *text, const ch_qtok *t, const char *set) {
    return t->kind == QTK_PUNCT && t->len == 1 && strchr(set, text[t->off]) != NULL;
}

/* 1 if the token is sentence-ending or clause-ending punctuation that a
 * quotation of its own may end with (. , ? ! ; : — – …). */
static int quotes_is_end_punct(const char *text, const ch_qtok *t) {
    if (t->kind != QTK_PUNCT)
        return 0;
    if (t->len == 1)
        return strchr(".,?!;:", text[t->off]) != NULL;
    return (t->len == 3 && (!memcmp(text + t->off, "\xe2\x80\x94", 3) ||
                            !memcmp(text + t->off, "\xe2\x80\x93", 3) ||
                            !memcmp(text + t->off, "\xe2\x80\xa6", 3)));
}

/* Words that may stay lower case inside a title ("Meet the Press"). */
static int quotes_is_title_filler(const char *text, const ch_qtok *t) {
    static const char *const fill[] = {"a",  "an", "the", "of", "and", "in", "on",
                                       "for", "to", "at", "de", "la", "or", NULL};
    for (size_t i = 0; fill[i]; i++)
        if (quotes_tok_is(text, t, fill[i]))
            return 1;
    return 0;
}

/* Index of the sentence containing byte 'off': the last with s.off <= off. */
static uint32_t quotes_sent_at(const ch_span *s, size_t n, size_t off) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? (uint32_t)(lo - 1) : 0;
}

int quotes_extract(const ch_quote_lex *lx, const char *text, size_t len, const ch_span *sents,
                   size_t n_sents, uint32_t doc, ch_arena *a, ch_quote **out, size_t *n) {
    *out = NULL;
    *n = 0;
    ch_qtok *t = NULL;
    size_t nt = 0;
    if (quotes_tokenize(lx, text, len, &t, &nt) != 0)
        return -1;
    quotes_pair *dq = NULL, *sq = NULL;
    size_t ndq = 0, dcap = 0, nsq = 0, scap = 0;
    ch_quote *v = NULL;
    size_t nv = 0, vcap = 0;
    int rc = -1;
    if (quotes_pair_family(t, nt, QMARK_DOUBLE, NULL, 0, &dq, &ndq, &dcap) != 0 ||
        quotes_pair_family(t, nt, QMARK_SINGLE, dq, ndq, &sq, &nsq, &scap) != 0)
        goto done;
    /* double quotations nested in single ones give way to the outer one */
    size_t nsingle = nsq, kept = 0;
    for (size_t i = 0; i < ndq; i++)
        if (!(quotes_in_pairs(sq, nsingle, dq[i].open) && quotes_in_pairs(sq, nsingle, dq[i].close)))
            dq[kept++] = dq[i];
    for (size_t i = 0; i < kept; i++)
        if (VEC_PUSH(sq, nsq, scap, dq[i]) != 0)
            goto done;
    if (nsq > 1)
        qsort(sq, nsq, sizeof *sq, quotes_pair_cmp);
    for (size_t i = 0; i < nsq; i++) {
        size_t o = sq[i].open, c = sq[i].close;
        size_t b = t[o].off + t[o].len, e = t[c].off;
        size_t fw = o + 1; /* first word of the content */
        while (fw < c && t[fw].kind != QTK_WORD && t[fw].kind != QTK_NUM)
            fw++;
        size_t nwords = 0, ncap = 0, nfill = 0, nbytes = 0;
        for (size_t j = o + 1; j < c; j++) {
            if (t[j].kind == QTK_WORD || t[j].kind == QTK_NUM) {
                nwords++;
                nbytes += t[j].len;
                if (t[j].cap || t[j].kind == QTK_NUM)
                    ncap++;
                else if (quotes_is_title_filler(text, &t[j]))
                    nfill++;
            }
        }
        int ends_punct = quotes_is_end_punct(text, &t[c - 1]);
        int prev_word = o > 0 && !t[o].para && (t[o - 1].kind == QTK_WORD || t[o - 1].kind == QTK_NUM);
        int prev_colon = o > 0 && !t[o].para && quotes_is_punct(text, &t[o - 1], ":");
        int partial = (t[fw].lower && o > 0 && !t[o].para && !prev_colon) ||
                      (prev_word && !ends_punct);
        /* a name or a title in marks: every word capitalised ("Meet the
         * Press", "Born This Way"), short, or two words or more */
        if (ncap + nfill == nwords && ncap > 0 &&
            ((partial && !ends_punct && nwords <= 6) || (ncap >= 2 && nwords <= 12)))
            continue;
        if (nbytes < 2)
            continue; /* rock ’n’ roll */
        ch_quote q;
        memset(&q, 0, sizeof q);
        q.doc = doc;
        q.off = b;
        q.len = e - b;
        while (q.len && (text[q.off] == ' ' || text[q.off] == '\n' || text[q.off] == '\t' ||
                         text[q.off] == '\r')) {
            q.off++;
            q.len--;
        }
        while (q.len && (text[q.off + q.len - 1] == ' ' || text[q.off + q.len - 1] == '\n' ||
                         text[q.off + q.len - 1] == '\t' || text[q.off + q.len - 1] == '\r'))
            q.len--;
        q.src_off = q.off;
        q.src_len = q.len;
        q.partial = partial;
        if (n_sents) {
            q.first_sent = quotes_sent_at(sents, n_sents, q.off);
            q.last_sent = quotes_sent_at(sents, n_sents, q.off + (q.len ? q.len - 1 : 0));
        }
        if (VEC_PUSH(v, nv, vcap, q) != 0)
            goto done;
    }
    if (nv) {
        *out = arena_alloc(a, nv * sizeof *v);
        if (!*out)
            goto done;
        memcpy(*out, v, nv * sizeof *v);
        *n = nv;
    }
    rc = 0;
done:
    free(t);
    free(dq);
    free(sq);
    free(v);
    return rc;
}
