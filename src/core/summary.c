/*
 * summary.c - from a cluster to a cited summary.
 *
 *   sentences --model_idf/model_vectors--> unit TF-IDF vectors
 *             --select_summary (method)--> chosen sentences within the budget
 *             --citations--> every report that carries the same content
 *             --order--> by report position (default) or by score
 *
 * Citations: report r carries sentence s when some sentence of r has cosine
 * >= cite_threshold with s (same TF-IDF space as the selection). The source
 * report of s is always cited. The threshold's default, 0.35, accepts close
 * paraphrases ("the barge struck a pier late Tuesday" / "a barge slammed
 * into a pier on Tuesday night") and rejects sentences that merely share
 * the topic's names: terms found in most sentences of the cluster weigh
 * little under the cluster's IDF.
 *
 * When truncate_last is set the final sentence is cut to fill the word or
 * byte budget exactly, the way ROUGE's -l and -b cut a peer summary.
 *
 * Compression (o->compress, summarize/compress.c) is decided per sentence
 * before selection, so budgets count the words and bytes that remain; the
 * summary sentence's text is the compressed one and its source range runs
 * from the first byte kept to the last (a cut inside, such as a
 * parenthetical, stays within the range).
 *
 * Query (o->query): its terms that occur in the cluster become a TF-IDF
 * vector in the sentences' space (same IDF), which the priors use.
 */
#include "core/summary.h"

#include <stdlib.h>
#include <string.h>

#include "model/svec.h"
#include "model/terms.h"
#include "summarize/compress.h"
#include "summarize/salience.h"
#include "summarize/select.h"
#include "util/buf.h"
#include "util/vec.h"

#define SUMMARY_DEFAULT_WORDS 100
#define SUMMARY_ILP_SECONDS 1.0

static const char *const summary_method_names[] = {
    [CHORUS_METHOD_DEFAULT] = "default",
    [CHORUS_METHOD_LEXRANK] = "lexrank",
    [CHORUS_METHOD_CENTROID] = "centroid",
    [CHORUS_METHOD_MMR] = "mmr",
    [CHORUS_METHOD_SUBMODULAR] = "submodular",
    [CHORUS_METHOD_LEAD] = "lead",
    [CHORUS_METHOD_ILP] = "ilp",
    [CHORUS_METHOD_SALIENCE] = "salience",
};
#define SUMMARY_N_METHODS (sizeof summary_method_names / sizeof *summary_method_names)

int chorus_method_parse(const char *name) {
    if (!name)
        return -1;
    for (size_t i = 0; i < SUMMARY_N_METHODS; i++)
        if (!strcmp(name, summary_method_names[i]))
            return (int)i;
    return -1;
}

const char *chorus_method_name(chorus_method m) {
    if ((size_t)m < SUMMARY_N_METHODS)
        return summary_method_names[m];
    return "unknown";
}

chorus_status chorus_model_check(const char *text, size_t len, char *err, size_t errlen) {
    sal_model m;
    if (!text)
        return CHORUS_ERR_INVALID;
    return sal_model_parse(text, len, &m, 1, err, errlen) == 0 ? CHORUS_OK : CHORUS_ERR_INVALID;
}

void chorus_options_init(chorus_options *o) {
    memset(o, 0, sizeof *o);
    o->method = CHORUS_METHOD_DEFAULT;
    o->order = CHORUS_ORDER_POSITION;
    o->cite_threshold = 0.35;
    o->redundancy = 0.3;
    o->query = NULL;
    o->compress = CHORUS_COMPRESS_DEFAULT;
    o->priors = CHORUS_PRIOR_DEFAULT;
    o->ilp_time_limit = SUMMARY_ILP_SECONDS;
}

static int summary_cmp_position(const void *a, const void *b) {
    const chorus_summary_sentence *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->position < y->position ? -1 : x->position > y->position;
}

static int summary_cmp_score(const void *a, const void *b) {
    const chorus_summary_sentence *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return summary_cmp_position(a, b);
}

/* Cuts text[0..*len) to at most 'words' whitespace-separated words. */
static void summary_cut_words(const char *text, size_t *len, size_t words) {
    size_t i = 0, seen = 0;
    while (i < *len) {
        while (i < *len &&
               (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'))
            i++;
        if (i >= *len)
            break;
        if (seen == words) {
            /* drop the whitespace before the first word left out */
            while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t' ||
                             text[i - 1] == '\r'))
                i--;
            *len = i;
            return;
        }
        seen++;
        while (i < *len &&
               !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'))
            i++;
    }
}

/* Cuts text[0..*len) to at most 'bytes' bytes without splitting a UTF-8
 * sequence. */
static void summary_cut_bytes(const char *text, size_t *len, size_t bytes) {
    if (*len <= bytes)
        return;
    size_t n = bytes;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    *len = n;
}

/* Fills cites for every selected sentence. */
static int summary_cite(chorus_summary *s, const chorus_cluster *c, const ch_svec *vec,
                        const uint32_t *sel, size_t n_sel, double threshold) {
    for (size_t k = 0; k < n_sel; k++) {
        const ch_sentence *st = &c->sents[sel[k]];
        size_t *cites = arena_alloc(s->arena, c->n_docs * sizeof *cites);
        if (!cites)
            return -1;
        size_t n = 0;
        for (size_t d = 0; d < c->n_docs; d++) {
            int carried = (d == st->doc);
            const ch_doc *doc = &c->docs[d];
            for (uint32_t j = 0; j < doc->n_sent && !carried; j++)
                carried = svec_dot(&vec[sel[k]], &vec[doc->first_sent + j]) >= threshold;
            if (carried)
                cites[n++] = d;
        }
        s->sents[k].cites = cites;
        s->sents[k].n_cites = n;
    }
    return 0;
}

/* The query as a vector of the cluster's term space: its terms (as
 * model_term forms them) that some sentence has, weighted by 'idf', unit
 * length. Terms no sentence has cannot match anything and are left out.
 * Returns 0 (an empty vector when nothing is left), -1 when out of memory. */
static int summary_query_vector(chorus_cluster *c, const char *q, const float *idf, ch_arena *a,
                                ch_svec *out) {
    memset(out, 0, sizeof *out);
    if (!q || !*q)
        return 0;
    ch_buf scratch = {0};
    uint32_t *ids = NULL;
    size_t n = 0, cap = 0, len = strlen(q), pos = 0;
    ch_token t;
    int rc = 0;
    while (rc == 0 && tok_next(q, len, &pos, &t)) {
        const char *term;
        size_t tn;
        int r = model_term(c->lex, q, &t, &scratch, &term, &tn);
        if (r < 0)
            rc = -1;
        else if (r > 0) {
            uint32_t id = strmap_get(c->vocab, term, tn);
            if (id != STRMAP_NONE && VEC_PUSH(ids, n, cap, id) != 0)
                rc = -1;
        }
    }
    if (rc == 0 && n > 0) {
        const uint32_t *terms[1] = {ids};
        uint32_t nt[1] = {(uint32_t)n};
        rc = model_vectors(a, terms, nt, 1, idf, out);
    }
    free(ids);
    buf_free(&scratch);
    return rc;
}

/* Index in the original sentence of byte k of its compressed form. */
static size_t summary_orig_index(const cmp_result *r, size_t k) {
    size_t orig = k;
    for (size_t i = 0; i < r->n_cut && r->cut[i].off <= orig; i++)
        orig += r->cut[i].len;
    return orig;
}

int summary_rank_input(chorus_cluster *c, const chorus_options *o, ch_arena *a, ch_rank_input *in,
                       ch_svec *query) {
    size_t n = c->n_sents;
    uint32_t *doc = arena_alloc(a, n * sizeof *doc);
    uint32_t *pos = arena_alloc(a, n * sizeof *pos);
    uint32_t *n_words = arena_alloc(a, n * sizeof *n_words);
    uint32_t *n_bytes = arena_alloc(a, n * sizeof *n_bytes);
    uint32_t *flags = arena_alloc(a, n * sizeof *flags);
    const uint32_t **terms = arena_alloc(a, n * sizeof *terms);
    uint32_t *n_terms = arena_alloc(a, n * sizeof *n_terms);
    const char **texts = arena_alloc(a, n * sizeof *texts);
    size_t *text_len = arena_alloc(a, n * sizeof *text_len);
    ch_svec *vec = NULL;
    const float *w = NULL;
    char *scratch = NULL;
    size_t scratch_cap = 0;
    if (!doc || !pos || !n_words || !n_bytes || !flags || !terms || !n_terms || !texts ||
        !text_len || cluster_vectors(c, o->idf, a, &vec, &w) != 0 ||
        summary_query_vector(c, o->query, w, a, query) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const ch_sentence *st = &c->sents[i];
        doc[i] = st->doc;
        pos[i] = st->pos;
        n_words[i] = st->n_words;
        n_bytes[i] = (uint32_t)(st->len > UINT32_MAX ? UINT32_MAX : st->len);
        flags[i] = st->flags;
        terms[i] = st->terms;
        n_terms[i] = st->n_terms;
        texts[i] = c->docs[st->doc].text + st->off;
        text_len[i] = st->len;
        if (o->compress) {
            /* the budget counts what compression leaves */
            cmp_result cr;
            cmp_sentence(texts[i], st->len, o->compress, st->pos == 0, &cr);
            if (cr.n_cut) {
                if (st->len + 1 > scratch_cap) {
                    char *p = realloc(scratch, st->len + 1);
                    if (!p) {
                        free(scratch);
                        return -1;
                    }
                    scratch = p;
                    scratch_cap = st->len + 1;
                }
                size_t cl = cmp_apply(texts[i], st->len, &cr, scratch);
                n_words[i] = (uint32_t)tok_count_words(scratch, cl);
                n_bytes[i] = (uint32_t)(cl > UINT32_MAX ? UINT32_MAX : cl);
            }
        }
    }
    free(scratch);
    ch_rank_input r = {vec,
                       doc,
                       pos,
                       n_words,
                       n_bytes,
                       flags,
                       n,
                       c->n_docs,
                       strmap_count(c->vocab),
                       terms,
                       n_terms,
                       texts,
                       text_len,
                       query->n ? query : NULL,
                       c->vocab};
    *in = r;
    return 0;
}

chorus_summary *chorus_summarize(chorus_cluster *c, const chorus_options *o) {
    if (!c)
        return NULL;
    c->errmsg[0] = '\0';
    chorus_options def;
    chorus_options_init(&def);
    if (!o)
        o = &def;
    if (c->n_docs == 0 || c->n_sents == 0) {
        cluster_fail(c, CHORUS_ERR_EMPTY,
                     c->n_docs ? "no text left in any report after removing page furniture"
                               : "the cluster has no reports");
        return NULL;
    }
    if ((size_t)o->method >= SUMMARY_N_METHODS || o->cite_threshold < 0 || o->cite_threshold > 1 ||
        o->redundancy < 0 || o->redundancy > 1 || o->lexrank_threshold < 0 ||
        o->lexrank_threshold >= 1 || (o->compress & ~CHORUS_COMPRESS_ALL) ||
        (o->priors & ~CHORUS_PRIOR_ALL) || !(o->ilp_time_limit >= 0)) {
        cluster_fail(c, CHORUS_ERR_INVALID, "invalid summarization options");
        return NULL;
    }
    chorus_summary *s = calloc(1, sizeof *s);
    if (!s || !(s->arena = arena_new(0)))
        goto nomem;
    s->cluster = c;
    s->opts = *o;
    if (o->query && !(s->opts.query = arena_strndup(s->arena, o->query, strlen(o->query))))
        goto nomem;
    if (!s->opts.words && !s->opts.bytes && !s->opts.sentences)
        s->opts.words = SUMMARY_DEFAULT_WORDS;

    ch_rank_input in;
    const ch_svec *vec = NULL;
    ch_svec query;
    if (summary_rank_input(c, &s->opts, s->arena, &in, &query) != 0)
        goto nomem;
    vec = in.vec;
    s->vec = vec;
    size_t n = in.n;
    double *scores = arena_alloc(s->arena, n * sizeof *scores);
    uint32_t *sel = arena_alloc(s->arena, n * sizeof *sel);
    if (!scores || !sel)
        goto nomem;
    sal_model model;
    char merr[160];
    memset(&model, 0, sizeof model);
    if (o->method == CHORUS_METHOD_SALIENCE &&
        (o->model ? sal_model_parse(o->model, o->model_len, &model, 0, merr, sizeof merr) != 0
                  : sal_model_default(&model) != 0)) {
        cluster_fail(c, CHORUS_ERR_INVALID, "%s", o->model ? merr : "the built-in salience model");
        chorus_summary_free(s);
        return NULL;
    }
    ch_select_opts so = {
        o->method,     s->opts.words,    s->opts.bytes, s->opts.sentences, o->lexrank_threshold,
        o->redundancy, o->truncate_last, o->priors,     o->ilp_time_limit, &model};
    size_t n_sel = 0;
    if (select_summary(&in, &so, scores, sel, &n_sel) != 0)
        goto nomem;

    s->sents = arena_calloc(s->arena, n_sel ? n_sel : 1, sizeof *s->sents);
    if (!s->sents)
        goto nomem;
    s->n = n_sel;
    for (size_t k = 0; k < n_sel; k++) {
        const ch_sentence *st = &c->sents[sel[k]];
        const ch_doc *d = &c->docs[st->doc];
        chorus_summary_sentence *out = &s->sents[k];
        cmp_result cr;
        cmp_sentence(d->text + st->off, st->len, o->compress, st->pos == 0, &cr);
        char *text = arena_alloc(s->arena, st->len + 1);
        if (!text)
            goto nomem;
        /* sentences keep their inner line breaks in the source; a summary
         * line reads better with spaces (cmp_apply turns them into spaces) */
        size_t tl = cmp_apply(d->text + st->off, st->len, &cr, text);
        out->text = text;
        out->text_len = tl;
        out->doc = st->doc;
        /* the source range runs from the first byte kept to the last */
        size_t b = summary_orig_index(&cr, 0), e = tl ? summary_orig_index(&cr, tl - 1) + 1 : b;
        out->offset = cluster_src_offset(d, st->off + b);
        out->length = cluster_src_end(d, st->off + e) - out->offset;
        out->position = st->pos;
        out->score = scores[sel[k]];
    }
    if (summary_cite(s, c, vec, sel, n_sel, o->cite_threshold) != 0)
        goto nomem;

    /* cut the last selected sentence (in selection order) to the budget */
    if (o->truncate_last && n_sel && (s->opts.words || s->opts.bytes)) {
        size_t used = 0;
        for (size_t k = 0; k + 1 < n_sel; k++)
            used += s->opts.words ? tok_count_words(s->sents[k].text, s->sents[k].text_len)
                                  : s->sents[k].text_len + (k ? 1 : 0);
        chorus_summary_sentence *last = &s->sents[n_sel - 1];
        size_t len = last->text_len;
        if (s->opts.words) {
            size_t left = s->opts.words > used ? s->opts.words - used : 0;
            summary_cut_words(last->text, &len, left);
        } else {
            size_t sep = n_sel > 1 ? 1 : 0;
            size_t left = s->opts.bytes > used + sep ? s->opts.bytes - used - sep : 0;
            summary_cut_bytes(last->text, &len, left);
        }
        ((char *)last->text)[len] = '\0';
        last->text_len = len;
        const ch_sentence *st = &c->sents[sel[n_sel - 1]];
        cmp_result cr;
        cmp_sentence(c->docs[st->doc].text + st->off, st->len, o->compress, st->pos == 0, &cr);
        size_t e = len ? summary_orig_index(&cr, len - 1) + 1 : summary_orig_index(&cr, 0);
        last->length = cluster_src_end(&c->docs[st->doc], st->off + e) - last->offset;
        if (len == 0)
            s->n--;
    }
    qsort(s->sents, s->n, sizeof *s->sents,
          o->order == CHORUS_ORDER_SCORE ? summary_cmp_score : summary_cmp_position);
    return s;

nomem:
    cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    chorus_summary_free(s);
    return NULL;
}

size_t chorus_summary_size(const chorus_summary *s) {
    return s ? s->n : 0;
}

const chorus_summary_sentence *chorus_summary_sentence_at(const chorus_summary *s, size_t i) {
    return s && i < s->n ? &s->sents[i] : NULL;
}

void chorus_summary_free(chorus_summary *s) {
    if (!s)
        return;
    arena_free(s->arena);
    free(s);
}
