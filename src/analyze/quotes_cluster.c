/*
 * quotes_cluster.c - quotations of a whole cluster: extraction and
 * attribution report by report, then surnames completed across reports,
 * then grouping.
 *
 * Kept apart from the per-report stages so that those can be used (and
 * tested) on plain strings without linking the cluster pipeline.
 *
 * Cross-report names: a speaker known in one report only by a surname
 * ("Kirby said") becomes the full name ("John Kirby") that other reports
 * give a speaker with that surname, when exactly one such name exists.
 */
#include "analyze/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

/* Replaces one-word speakers by the single multi-word speaker of the
 * cluster that ends with that word. */
static void quotes_complete_names(ch_quote *q, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const char *s = q[i].speaker;
        if (!s || strchr(s, ' '))
            continue;
        const char *full = NULL;
        int many = 0;
        for (size_t j = 0; j < n && !many; j++) {
            const char *f = q[j].speaker;
            if (!f || !strchr(f, ' ') || !quotes_speaker_same(s, f))
                continue;
            if (full && !quotes_speaker_same(full, f))
                many = 1;
            else if (!full)
                full = f;
        }
        if (full && !many)
            q[i].speaker = full;
    }
}

int quotes_analyze(const chorus_cluster *c, ch_arena *a, ch_quotes *out) {
    memset(out, 0, sizeof *out);
    ch_quote_lex *lx = quotes_lex_new();
    if (!lx)
        return -1;
    ch_quote *all = NULL;
    size_t n = 0, cap = 0;
    ch_span *spans = NULL;
    size_t span_cap = 0;
    const char **texts = NULL;
    int rc = -1;
    if (c->n_docs) {
        texts = malloc(c->n_docs * sizeof *texts);
        if (!texts)
            goto done;
    }
    for (size_t d = 0; d < c->n_docs; d++) {
        const ch_doc *doc = &c->docs[d];
        texts[d] = doc->text;
        if (doc->n_sent && VEC_RESERVE(spans, span_cap, doc->n_sent) != 0)
            goto done;
        for (uint32_t k = 0; k < doc->n_sent; k++) {
            const ch_sentence *s = &c->sents[doc->first_sent + k];
            memset(&spans[k], 0, sizeof spans[k]);
            spans[k].off = s->off;
            spans[k].len = s->len;
        }
        ch_quote *q;
        size_t nq;
        if (quotes_extract(lx, doc->text, doc->text_len, spans, doc->n_sent, (uint32_t)d, a, &q,
                           &nq) != 0 ||
            quotes_attribute(lx, doc->text, doc->text_len, q, nq, a) != 0)
            goto done;
        if (nq && VEC_RESERVE(all, cap, n + nq) != 0)
            goto done;
        for (size_t i = 0; i < nq; i++) {
            q[i].first_sent += doc->first_sent;
            q[i].last_sent += doc->first_sent;
            q[i].src_off = cluster_src_offset(doc, q[i].off);
            q[i].src_len = cluster_src_end(doc, q[i].off + q[i].len) - q[i].src_off;
            all[n++] = q[i];
        }
    }
    quotes_complete_names(all, n);
    if (n) {
        out->q = arena_alloc(a, n * sizeof *all);
        if (!out->q)
            goto done;
        memcpy(out->q, all, n * sizeof *all);
        out->n = n;
    }
    if (quotes_group(out->q, out->n, texts, a, &out->g, &out->n_groups) != 0)
        goto done;
    rc = 0;
done:
    free(all);
    free(spans);
    free(texts);
    quotes_lex_free(lx);
    if (rc != 0)
        memset(out, 0, sizeof *out);
    return rc;
}
