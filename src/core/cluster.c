/*
 * cluster.c - adding reports to a cluster: repair, clean, segment, and turn
 * every sentence into a list of term ids. See cluster.h for the layout.
 *
 * A report that fails (empty, binary, out of memory) leaves the cluster as it
 * was: its sentences are appended only once everything else succeeded, and
 * the arena space it used is simply not referenced.
 */
#include "core/cluster.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/clean.h"
#include "model/svec.h"
#include "model/terms.h"
#include "text/segment.h"
#include "text/utf8.h"
#include "util/vec.h"

void chorus_cluster_config_init(chorus_cluster_config *cfg) {
    cfg->language = "english";
    cfg->keep_noise = 0;
}

chorus_status cluster_fail(chorus_cluster *c, chorus_status st, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->errmsg, sizeof c->errmsg, fmt, ap);
    va_end(ap);
    return st;
}

chorus_cluster *chorus_cluster_new2(const chorus_cluster_config *cfg, chorus_status *status) {
    chorus_cluster_config def;
    chorus_cluster_config_init(&def);
    if (!cfg)
        cfg = &def;
    const char *lang = cfg->language ? cfg->language : "english";
    chorus_status st = CHORUS_ERR_NOMEM;
    chorus_cluster *c = calloc(1, sizeof *c);
    if (!c)
        goto fail;
    c->cfg = *cfg;
    if (strlen(lang) >= sizeof c->language) {
        st = CHORUS_ERR_INVALID;
        goto fail;
    }
    strcpy(c->language, lang);
    c->cfg.language = c->language;
    c->arena = arena_new(0);
    c->vocab = strmap_new();
    if (!c->arena || !c->vocab)
        goto fail;
    c->lex = lexicon_new(c->language);
    if (!c->lex) {
        /* lexicon_new fails for an unknown language or out of memory; tell
         * the two apart by trying the default language. */
        ch_lexicon *probe = lexicon_new("english");
        st = probe ? CHORUS_ERR_INVALID : CHORUS_ERR_NOMEM;
        lexicon_free(probe);
        goto fail;
    }
    if (status)
        *status = CHORUS_OK;
    return c;
fail:
    chorus_cluster_free(c);
    if (status)
        *status = st;
    return NULL;
}

chorus_cluster *chorus_cluster_new(const chorus_cluster_config *cfg) {
    return chorus_cluster_new2(cfg, NULL);
}

void chorus_cluster_free(chorus_cluster *c) {
    if (!c)
        return;
    for (size_t i = 0; i < c->n_docs; i++) {
        offmap_free(&c->docs[i].repair_map);
        offmap_free(&c->docs[i].clean_map);
    }
    free(c->docs);
    free(c->sents);
    buf_free(&c->scratch);
    lexicon_free(c->lex);
    strmap_free(c->vocab);
    arena_free(c->arena);
    free(c);
}

size_t chorus_cluster_size(const chorus_cluster *c) {
    return c ? c->n_docs : 0;
}

const char *chorus_cluster_errmsg(const chorus_cluster *c) {
    return c ? c->errmsg : "no cluster";
}

int cluster_vectors(const chorus_cluster *c, const chorus_idf *idf, ch_arena *a, ch_svec **out,
                    const float **weights) {
    size_t n = c->n_sents;
    const uint32_t **terms = malloc((n ? n : 1) * sizeof *terms);
    uint32_t *n_terms = malloc((n ? n : 1) * sizeof *n_terms);
    ch_svec *vec = arena_alloc(a, (n ? n : 1) * sizeof *vec);
    int rc = -1;
    if (terms && n_terms && vec) {
        for (size_t i = 0; i < n; i++) {
            terms[i] = c->sents[i].terms;
            n_terms[i] = c->sents[i].n_terms;
        }
        float *w = model_idf(a, idf, c->vocab, terms, n_terms, n);
        if (w && model_vectors(a, terms, n_terms, n, w, vec) == 0) {
            *out = vec;
            if (weights)
                *weights = w;
            rc = 0;
        }
    }
    free(terms);
    free(n_terms);
    return rc;
}

size_t cluster_src_end(const ch_doc *d, size_t text_end) {
    if (!text_end)
        return cluster_src_offset(d, 0);
    return offmap_src_end(&d->repair_map, offmap_src(&d->clean_map, text_end - 1) + 1);
}

size_t cluster_src_offset(const ch_doc *d, size_t text_off) {
    return offmap_src(&d->repair_map, offmap_src(&d->clean_map, text_off));
}

/* Arena copy of a metadata string, with invalid UTF-8 repaired so that every
 * renderer can rely on it. NULL for NULL or when out of memory. */
static const char *cluster_strdup(ch_arena *a, const char *s) {
    if (!s)
        return NULL;
    ch_buf b = {0};
    ch_offmap m = {0};
    const char *r = NULL;
    if (utf8_repair(s, strlen(s), &b, &m) >= 0)
        r = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    offmap_free(&m);
    return r;
}

chorus_status chorus_cluster_set_id(chorus_cluster *c, const char *id) {
    if (!c)
        return CHORUS_ERR_INVALID;
    c->id = NULL;
    if (id && !(c->id = cluster_strdup(c->arena, id)))
        return cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    return CHORUS_OK;
}

const char *chorus_cluster_id(const chorus_cluster *c) {
    return c ? c->id : NULL;
}

/* Appends the term ids of text[0..len) to *terms (count *n, capacity *cap),
 * as model_term() defines terms. Returns the number of word and number
 * tokens seen, or -1 when out of memory. */
static long cluster_terms(chorus_cluster *c, const char *text, size_t len, uint32_t **terms,
                          size_t *n, size_t *cap) {
    size_t pos = 0;
    ch_token t;
    long words = 0;
    while (tok_next(text, len, &pos, &t)) {
        if (t.kind == TOK_PUNCT)
            continue;
        words++;
        const char *term;
        size_t tn;
        int r = model_term(c->lex, text, &t, &c->scratch, &term, &tn);
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        uint32_t id = strmap_intern(c->vocab, term, tn, NULL);
        if (id == STRMAP_NONE || VEC_PUSH(*terms, *n, *cap, id) != 0)
            return -1;
    }
    return words;
}

/* Runs segmentation and term extraction over d->text; appends the sentences
 * to the cluster only when all succeeded. */
static chorus_status cluster_sentences(chorus_cluster *c, ch_doc *d, size_t doc_index) {
    ch_span *spans = NULL;
    size_t n_spans = 0;
    if (seg_split(d->text, d->text_len, &spans, &n_spans) != 0)
        return cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory splitting sentences");
    if (VEC_RESERVE(c->sents, c->sents_cap, c->n_sents + n_spans) != 0) {
        free(spans);
        return cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    }
    uint32_t *terms = NULL;
    size_t n_terms = 0, terms_cap = 0;
    size_t base = c->n_sents, n_out = 0;
    chorus_status st = CHORUS_OK;
    for (size_t i = 0; i < n_spans; i++) {
        const ch_span *sp = &spans[i];
        n_terms = 0;
        long words = cluster_terms(c, d->text + sp->off, sp->len, &terms, &n_terms, &terms_cap);
        if (words < 0) {
            st = cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
            break;
        }
        if (words == 0)
            continue; /* punctuation only: nothing to summarize or cite */
        ch_sentence *s = &c->sents[base + n_out];
        s->doc = (uint32_t)doc_index;
        s->pos = (uint32_t)n_out;
        s->off = sp->off;
        s->len = sp->len;
        s->src_off = cluster_src_offset(d, sp->off);
        s->src_len = cluster_src_end(d, sp->off + sp->len) - s->src_off;
        s->flags = sp->flags;
        s->n_words = (uint32_t)tok_count_words(d->text + sp->off, sp->len);
        uint32_t *copy = arena_alloc(c->arena, (n_terms ? n_terms : 1) * sizeof *copy);
        if (!copy) {
            st = cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
            break;
        }
        if (n_terms)
            memcpy(copy, terms, n_terms * sizeof *copy);
        s->terms = copy;
        s->n_terms = (uint32_t)n_terms;
        n_out++;
    }
    free(terms);
    free(spans);
    if (st != CHORUS_OK)
        return st;
    /* A report that was all page furniture stays in the cluster, without
     * sentences, so its removed ranges remain visible (chorus_cluster_add
     * has already refused text without any word). */
    d->first_sent = (uint32_t)base;
    d->n_sent = (uint32_t)n_out;
    c->n_sents += n_out;
    return CHORUS_OK;
}

/* 1 if text[0..len) holds at least one word or number. */
static int cluster_has_word(const char *text, size_t len) {
    size_t pos = 0;
    ch_token t;
    while (tok_next(text, len, &pos, &t))
        if (t.kind != TOK_PUNCT)
            return 1;
    return 0;
}

/* Copies the cleaner's removed ranges into input coordinates. */
static chorus_status cluster_keep_removed(chorus_cluster *c, ch_doc *d, const ch_clean_result *cr) {
    d->n_removed = cr->n_removed;
    if (!cr->n_removed)
        return CHORUS_OK;
    d->removed = arena_alloc(c->arena, cr->n_removed * sizeof *d->removed);
    d->removed_reason = arena_alloc(c->arena, cr->n_removed * sizeof *d->removed_reason);
    if (!d->removed || !d->removed_reason)
        return cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < cr->n_removed; i++) {
        size_t a = offmap_src(&d->repair_map, cr->removed[i].off);
        size_t b = offmap_src(&d->repair_map, cr->removed[i].off + cr->removed[i].len);
        d->removed[i].off = a;
        d->removed[i].len = b - a;
        d->removed_reason[i] = cr->removed[i].reason;
    }
    return CHORUS_OK;
}

chorus_status chorus_cluster_add(chorus_cluster *c, const char *bytes, size_t len,
                                 const chorus_doc_meta *meta) {
    if (!c)
        return CHORUS_ERR_INVALID;
    c->errmsg[0] = '\0';
    if (!bytes && len)
        return cluster_fail(c, CHORUS_ERR_INVALID, "NULL text");
    if (c->n_docs >= UINT32_MAX - 1 || c->n_sents >= UINT32_MAX / 2)
        return cluster_fail(c, CHORUS_ERR_LIMIT, "too many reports in one cluster");
    if (utf8_is_binary(bytes, len))
        return cluster_fail(c, CHORUS_ERR_BINARY, "binary data, not text");
    if (VEC_RESERVE(c->docs, c->docs_cap, c->n_docs + 1) != 0)
        return cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");

    ch_doc d;
    memset(&d, 0, sizeof d);
    chorus_status st = CHORUS_ERR_NOMEM;
    ch_buf repaired = {0};
    ch_clean_result cr;
    memset(&cr, 0, sizeof cr);

    d.input_len = len;
    d.input = arena_strndup(c->arena, len ? bytes : "", len);
    if (!d.input)
        goto nomem;
    if (meta) {
        /* an allocation failure below shows as a NULL field, and the
         * report's text (which matters more) fails on its own */
        d.meta.id = cluster_strdup(c->arena, meta->id);
        d.meta.source = cluster_strdup(c->arena, meta->source);
        d.meta.title = cluster_strdup(c->arena, meta->title);
        d.meta.date = cluster_strdup(c->arena, meta->date);
        d.meta.url = cluster_strdup(c->arena, meta->url);
    }
    long replaced = utf8_repair(bytes, len, &repaired, &d.repair_map);
    if (replaced < 0)
        goto nomem;
    d.n_replaced = (size_t)replaced;
    if (!cluster_has_word(repaired.data, repaired.len)) {
        st = cluster_fail(c, CHORUS_ERR_EMPTY, len ? "no words in the text" : "empty text");
        goto fail;
    }
    if (c->cfg.keep_noise) {
        d.text = arena_strndup(c->arena, repaired.data ? repaired.data : "", repaired.len);
        d.text_len = repaired.len;
    } else {
        if (clean_text(repaired.data ? repaired.data : "", repaired.len, &cr) != 0)
            goto nomem;
        d.text = arena_strndup(c->arena, cr.text.data ? cr.text.data : "", cr.text.len);
        d.text_len = cr.text.len;
        d.clean_map = cr.map;
        memset(&cr.map, 0, sizeof cr.map); /* now owned by d */
        if (cluster_keep_removed(c, &d, &cr) != CHORUS_OK)
            goto fail;
    }
    if (!d.text)
        goto nomem;
    st = cluster_sentences(c, &d, c->n_docs);
    if (st != CHORUS_OK)
        goto fail;
    buf_free(&repaired);
    clean_result_free(&cr);
    c->docs[c->n_docs++] = d;
    return CHORUS_OK;

nomem:
    st = cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
fail:
    buf_free(&repaired);
    clean_result_free(&cr);
    offmap_free(&d.repair_map);
    offmap_free(&d.clean_map);
    return st;
}

chorus_status chorus_cluster_doc(const chorus_cluster *c, size_t i, chorus_doc_info *info) {
    if (!c || !info || i >= c->n_docs)
        return CHORUS_ERR_INVALID;
    const ch_doc *d = &c->docs[i];
    info->meta = d->meta;
    info->input_len = d->input_len;
    info->n_replaced = d->n_replaced;
    info->n_sentences = d->n_sent;
    info->n_removed = d->n_removed;
    info->removed = d->removed;
    info->removed_reason = (const char *const *)d->removed_reason;
    return CHORUS_OK;
}

const char *chorus_cluster_doc_text(const chorus_cluster *c, size_t i, size_t *len) {
    if (!c || i >= c->n_docs)
        return NULL;
    if (len)
        *len = c->docs[i].input_len;
    return c->docs[i].input;
}
