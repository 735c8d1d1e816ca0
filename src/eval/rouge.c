/*
 * rouge.c - ROUGE-1.5.5's scores, computed as the Perl script computes them.
 *
 * An evaluator (chorus_rouge) holds a configuration, a token cache
 * (rouge_tok.c) and, per evaluation, the counts and scores of every
 * metric. Adding an evaluation reads the peer and each reference into
 * token ids, renumbers those ids densely for the evaluation, and scores:
 *
 *  ROUGE-N   n-grams of the n-gram view; hits = sum over n-grams of
 *            min(reference count, peer count).
 *  ROUGE-S   skip bigrams: pairs (i, j), i < j <= i + gap + 1 (any j for
 *            a negative gap). ROUGE-SU adds the unigram of every token but
 *            the last one (ROUGE-1.5.5 leaves the last one out).
 *  ROUGE-L   summary-level union LCS: for each reference sentence, the
 *            positions on an LCS with each peer sentence (the LCS table is
 *            walked back from its corner preferring a match, then "up",
 *            exactly as ROUGE-1.5.5 does, since the positions chosen
 *            matter) are united; a united position is a hit while both the
 *            reference's and the peer's unigram counts of its word (from
 *            the n-gram view) last, each hit using one of each.
 *            Denominators: reference sentence tokens; peer unigrams.
 *  ROUGE-W   the same with weighted LCS (consecutive runs of k matches
 *            worth k^w), hits being the weights of the runs of united and
 *            unclipped positions, the reference count (sum of
 *            len(sentence)^w)^w and the peer count (peer unigrams)^w, and
 *            R, P = (hits / count)^(1/w) -- ROUGE-1.5.5's arithmetic, bugs
 *            included.
 *
 * With several references, -f A sums hits and counts over them (the peer
 * count once per reference), -f B keeps those of the reference with the
 * best recall (rounded to 5 decimals for ROUGE-N/S; the first one wins a
 * tie). R = hits / reference count and P = hits / peer count are rounded
 * to 5 decimals and F = P R / ((1 - alpha) P + alpha R) is computed from
 * the rounded figures and rounded.
 *
 * ROUGE-L's table is kept bit-parallel, 64 peer words to a machine word
 * (rouge_lcs_bits), and reference tokens that do not occur in the peer
 * sentence are left out of it, which changes neither its values nor the
 * positions walked back (such a row repeats the row above it and is always
 * left by "up"). ROUGE-W's table, whose cells are sums of weights, is a
 * plain one. A table larger than 128 MB (ROUGE_MAX_CELLS cells for ROUGE-W,
 * ROUGE_MAX_WORDS machine words for ROUGE-L), or a text with more than
 * ROUGE_MAX_PAIRS skip bigrams, is refused (CHORUS_ERR_LIMIT).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"
#include "util/buf.h"
#include "util/vec.h"

#define ROUGE_MAX_CELLS ((size_t)1 << 27) /* ROUGE-W table bytes (128 MB) */
#define ROUGE_MAX_WORDS ((size_t)1 << 24) /* ROUGE-L table machine words (128 MB) */
#define ROUGE_MAX_PAIRS ((size_t)1 << 21) /* skip bigrams of a text (64 MB of table) */

enum { ROUGE_DIAG = 0, ROUGE_UP = 1, ROUGE_LEFT = 2 };

/* Counts and scores of one evaluation on one metric. */
typedef struct rouge_res {
    double r, p, f;
    double model, peer, hit;
} rouge_res;

/* One reference's (or the combined) counts. */
typedef struct rouge_part {
    double hit, model, peer, score;
} rouge_part;

/* Slot of the n-gram table: a gram of the peer, found by key. */
typedef struct rouge_gslot {
    uint32_t k0, k1;     /* the first two ids of the key, inline */
    const uint32_t *key; /* 'klen' token ids */
    uint32_t gen;        /* slot in use when == table generation */
    uint32_t peer;       /* occurrences in the peer */
    uint32_t model;      /* occurrences in the current reference */
    uint32_t mgen;       /* 'model' valid when == reference generation */
} rouge_gslot;

struct chorus_rouge {
    chorus_rouge_config cfg;
    char *system_id;
    rouge_metric metrics[ROUGE_MAX_METRICS];
    size_t n_metrics;
    int need_sentences; /* ROUGE-L or ROUGE-W */
    rouge_vocab vocab;

    /* evaluations */
    char **ids;
    size_t n_evals, cap_ids;
    ch_strmap *id_set;
    rouge_res *res; /* (n_evals, n_metrics) */
    size_t cap_res;

    /* scratch of one evaluation */
    rouge_text peer;
    rouge_text *models;
    size_t n_models_alloc;
    uint32_t *local_of, *local_stamp; /* final id -> local id, valid if stamp */
    size_t cap_local;
    uint32_t eval_stamp, n_local;
    uint32_t *peer_uni, *model_uni, *peer_left, *in_peer, *mask_slot;
    size_t cap_uni;
    uint64_t *pmask; /* match masks of the current peer sentence's words */
    size_t cap_pmask;
    uint64_t *vbits; /* bit-parallel LCS rows */
    size_t cap_vbits;
    uint32_t sent_stamp;
    rouge_gslot *table;
    size_t table_cap;
    uint32_t table_gen, model_gen;
    unsigned table_shift; /* 64 - log2(table_cap) */
    unsigned char *mask;
    size_t cap_mask;
    unsigned char *dir;
    size_t cap_dir;
    uint32_t *rows_pos, *rows_tok;
    size_t cap_rows;
    uint32_t *l0, *l1; /* ROUGE-W rows */
    double *w0, *w1;
    size_t cap_row;
    double *wpow; /* k^w for k < n_wpow */
    size_t n_wpow;

    char err[512];
};

/* ------------------------------------------------------- small helpers */

double rouge_round5(double x) {
    char buf[64];
    snprintf(buf, sizeof buf, "%7.5f", x);
    return strtod(buf, NULL);
}

void rouge_perl_num(char *buf, size_t size, double x) {
    if (x == 0)
        x = 0; /* no "-0" */
    snprintf(buf, size, "%.15g", x);
}

static void rouge_seterr(char *err, size_t errlen, const char *fmt, const char *arg) {
    if (err && errlen > 0)
        snprintf(err, errlen, fmt, arg ? arg : "");
}

/* ------------------------------------------------------- configuration */

void chorus_rouge_config_init(chorus_rouge_config *cfg) {
    memset(cfg, 0, sizeof *cfg);
    cfg->max_n = 2;
    cfg->alpha = 0.5;
    cfg->counting = CHORUS_ROUGE_BY_EVAL;
    cfg->rouge_l = 1;
    cfg->confidence = 95;
    cfg->resamples = 1000;
}

static int rouge_parse_long(const char *s, long lo, long hi, long *out) {
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int rouge_parse_double(const char *s, double lo, double hi, double *out) {
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

chorus_status chorus_rouge_config_set(chorus_rouge_config *cfg, char flag, const char *value,
                                      char *err, size_t errlen) {
    long l;
    double d;
    char fl[3] = {'-', flag, '\0'};
    switch (flag) {
    case 'm':
        cfg->stem = 1;
        return CHORUS_OK;
    case 's':
        cfg->remove_stopwords = 1;
        return CHORUS_OK;
    case 'x':
        cfg->rouge_l = 0;
        return CHORUS_OK;
    case 'd':
        cfg->per_eval = 1;
        return CHORUS_OK;
    case 'a':
        return CHORUS_OK; /* "evaluate all systems": there is one */
    case 'u':
        cfg->skip_unigrams = 1;
        return CHORUS_OK;
    case 'U':
        if (cfg->skip_unigrams != 1) /* -u wins over -U, as in ROUGE-1.5.5 */
            cfg->skip_unigrams = 2;
        return CHORUS_OK;
    default:
        break;
    }
    if (!strchr("nlbfpt2wcr", flag) || flag == '\0') {
        rouge_seterr(err, errlen, "unknown or unsupported ROUGE flag '%s'", fl);
        return CHORUS_ERR_INVALID;
    }
    if (!value) {
        rouge_seterr(err, errlen, "ROUGE flag %s needs a value", fl);
        return CHORUS_ERR_INVALID;
    }
    switch (flag) {
    case 'n':
        if (rouge_parse_long(value, 0, 9, &l) != 0)
            goto bad;
        cfg->max_n = (int)l;
        return CHORUS_OK;
    case 'l':
        if (rouge_parse_long(value, 0, LONG_MAX, &l) != 0)
            goto bad;
        cfg->max_words = (size_t)l;
        return CHORUS_OK;
    case 'b':
        if (rouge_parse_long(value, 0, LONG_MAX, &l) != 0)
            goto bad;
        cfg->max_bytes = (size_t)l;
        return CHORUS_OK;
    case 'f':
        if (!strcmp(value, "A"))
            cfg->best_reference = 0;
        else if (!strcmp(value, "B"))
            cfg->best_reference = 1;
        else
            goto bad;
        return CHORUS_OK;
    case 'p':
        if (rouge_parse_double(value, 0, 1, &d) != 0)
            goto bad;
        cfg->alpha = d;
        return CHORUS_OK;
    case 't':
        if (rouge_parse_long(value, 0, 2, &l) != 0)
            goto bad;
        cfg->counting = (chorus_rouge_counting)l;
        return CHORUS_OK;
    case '2':
        if (rouge_parse_long(value, INT_MIN, INT_MAX, &l) != 0)
            goto bad;
        cfg->skip_bigram = 1;
        cfg->skip_gap = (int)l;
        return CHORUS_OK;
    case 'w':
        if (rouge_parse_double(value, 1e-9, 1e9, &d) != 0)
            goto bad;
        cfg->wlcs_weight = d;
        return CHORUS_OK;
    case 'c':
        if (rouge_parse_double(value, 0, 100, &d) != 0)
            goto bad;
        cfg->confidence = d;
        return CHORUS_OK;
    case 'r':
        if (rouge_parse_long(value, 0, 100000000, &l) != 0)
            goto bad;
        cfg->resamples = (int)l;
        return CHORUS_OK;
    default:
        break;
    }
bad:
    if (err && errlen > 0)
        snprintf(err, errlen, "bad value '%s' for ROUGE flag %s", value, fl);
    return CHORUS_ERR_INVALID;
}

chorus_status chorus_rouge_config_parse(chorus_rouge_config *cfg, const char *flags, char *err,
                                        size_t errlen) {
    /* split into words */
    char *copy = malloc(strlen(flags ? flags : "") + 1);
    if (!copy)
        return CHORUS_ERR_NOMEM;
    strcpy(copy, flags ? flags : "");
    char *words[256];
    size_t nw = 0;
    for (char *p = copy; *p;) {
        while (*p && isspace((unsigned char)*p))
            *p++ = '\0';
        if (!*p)
            break;
        if (nw == sizeof words / sizeof words[0]) {
            free(copy);
            rouge_seterr(err, errlen, "too many ROUGE flags%s", NULL);
            return CHORUS_ERR_INVALID;
        }
        words[nw++] = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
    }
    chorus_status st = CHORUS_OK;
    for (size_t i = 0; i < nw && st == CHORUS_OK; i++) {
        const char *w = words[i];
        if (w[0] != '-' || w[1] == '\0') {
            rouge_seterr(err, errlen, "'%s' is not a ROUGE flag", w);
            st = CHORUS_ERR_INVALID;
            break;
        }
        for (size_t k = 1; w[k] && st == CHORUS_OK; k++) {
            char f = w[k];
            if (strchr("nlbfpt2wcr", f)) {
                const char *val = w[k + 1] ? w + k + 1 : (i + 1 < nw ? words[++i] : NULL);
                st = chorus_rouge_config_set(cfg, f, val, err, errlen);
                break;
            }
            st = chorus_rouge_config_set(cfg, f, NULL, err, errlen);
        }
    }
    free(copy);
    return st;
}

char *chorus_rouge_config_flags(const chorus_rouge_config *cfg) {
    ch_buf b = {0};
    char num[40];
    int bad = 0;
    if (cfg->max_n > 0)
        bad |= buf_printf(&b, " -n %d", cfg->max_n);
    if (cfg->stem)
        bad |= buf_puts(&b, " -m");
    if (cfg->remove_stopwords)
        bad |= buf_puts(&b, " -s");
    if (cfg->max_words > 0)
        bad |= buf_printf(&b, " -l %zu", cfg->max_words);
    else if (cfg->max_bytes > 0)
        bad |= buf_printf(&b, " -b %zu", cfg->max_bytes);
    if (cfg->best_reference)
        bad |= buf_puts(&b, " -f B");
    if (cfg->alpha != 0.5) {
        rouge_perl_num(num, sizeof num, cfg->alpha);
        bad |= buf_printf(&b, " -p %s", num);
    }
    if (cfg->counting != CHORUS_ROUGE_BY_EVAL)
        bad |= buf_printf(&b, " -t %d", (int)cfg->counting);
    if (cfg->skip_bigram) {
        bad |= buf_printf(&b, " -2 %d", cfg->skip_gap);
        if (cfg->skip_unigrams == 1)
            bad |= buf_puts(&b, " -u");
        else if (cfg->skip_unigrams == 2)
            bad |= buf_puts(&b, " -U");
    }
    if (cfg->wlcs_weight > 0) {
        rouge_perl_num(num, sizeof num, cfg->wlcs_weight);
        bad |= buf_printf(&b, " -w %s", num);
    }
    if (!cfg->rouge_l)
        bad |= buf_puts(&b, " -x");
    rouge_perl_num(num, sizeof num, cfg->confidence);
    bad |= buf_printf(&b, " -c %s -r %d", num, cfg->resamples);
    if (cfg->per_eval)
        bad |= buf_puts(&b, " -d");
    if (bad) {
        buf_free(&b);
        return NULL;
    }
    char *s = buf_detach(&b, NULL);
    if (s && s[0] == ' ')
        memmove(s, s + 1, strlen(s));
    return s;
}

/* ------------------------------------------------------------ evaluator */

static void rouge_add_metric(chorus_rouge *r, rouge_kind kind, int n, const char *name) {
    rouge_metric *m = &r->metrics[r->n_metrics++];
    m->kind = kind;
    m->n = n;
    snprintf(m->name, sizeof m->name, "%s", name);
}

chorus_rouge *chorus_rouge_new(const chorus_rouge_config *cfg, chorus_status *status, char *err,
                               size_t errlen) {
    chorus_status dummy;
    if (!status)
        status = &dummy;
    *status = CHORUS_ERR_INVALID;
    chorus_rouge_config def;
    if (!cfg) {
        chorus_rouge_config_init(&def);
        cfg = &def;
    }
    if (cfg->max_n < 0 || cfg->max_n > 9) {
        rouge_seterr(err, errlen, "ROUGE-N needs n in 0..9%s", NULL);
        return NULL;
    }
    if (cfg->max_words > 0 && cfg->max_bytes > 0) {
        rouge_seterr(err, errlen, "give a length limit in words or in bytes, not both%s", NULL);
        return NULL;
    }
    if (!(cfg->alpha >= 0 && cfg->alpha <= 1)) {
        rouge_seterr(err, errlen, "alpha must be within 0 and 1%s", NULL);
        return NULL;
    }
    if (!(cfg->confidence >= 0 && cfg->confidence <= 100)) {
        rouge_seterr(err, errlen, "the confidence level must be within 0 and 100%s", NULL);
        return NULL;
    }
    if (cfg->resamples < 0 || cfg->wlcs_weight < 0 || !isfinite(cfg->wlcs_weight)) {
        rouge_seterr(err, errlen, "resamples and the ROUGE-W weight cannot be negative%s", NULL);
        return NULL;
    }
    if (cfg->skip_unigrams < 0 || cfg->skip_unigrams > 2) {
        rouge_seterr(err, errlen, "skip_unigrams must be 0, 1 or 2%s", NULL);
        return NULL;
    }
    if ((int)cfg->counting < 0 || (int)cfg->counting > 2) {
        rouge_seterr(err, errlen, "counting must be 0, 1 or 2%s", NULL);
        return NULL;
    }
    if (cfg->remove_stopwords && !cfg->lexicon) {
        rouge_seterr(err, errlen, "stopword removal needs a lexicon with a stopword list%s", NULL);
        return NULL;
    }
    if (cfg->remove_stopwords) {
        size_t ns = 0;
        chorus_rouge_lexicon_counts(cfg->lexicon, NULL, &ns);
        if (ns == 0) {
            rouge_seterr(err, errlen,
                         "stopword removal asked for, but the stopword list is empty%s", NULL);
            return NULL;
        }
    }
    const char *sys = cfg->system_id && *cfg->system_id ? cfg->system_id : "1";
    for (const char *p = sys; *p; p++) {
        if (isspace((unsigned char)*p)) {
            rouge_seterr(err, errlen, "the system id '%s' contains white space", sys);
            return NULL;
        }
    }

    *status = CHORUS_ERR_NOMEM;
    chorus_rouge *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->cfg = *cfg;
    r->system_id = malloc(strlen(sys) + 1);
    r->id_set = strmap_new();
    if (!r->system_id || !r->id_set ||
        rouge_vocab_init(&r->vocab, cfg->stem, cfg->remove_stopwords, cfg->lexicon) != 0) {
        chorus_rouge_free(r);
        return NULL;
    }
    strcpy(r->system_id, sys);
    r->cfg.system_id = r->system_id;

    char name[40], num[32];
    for (int n = 1; n <= cfg->max_n; n++) {
        snprintf(name, sizeof name, "ROUGE-%d", n);
        rouge_add_metric(r, ROUGE_KIND_N, n, name);
    }
    if (cfg->rouge_l)
        rouge_add_metric(r, ROUGE_KIND_L, 0, "ROUGE-L");
    if (cfg->wlcs_weight > 0) {
        rouge_perl_num(num, sizeof num, cfg->wlcs_weight);
        snprintf(name, sizeof name, "ROUGE-W-%s", num);
        rouge_add_metric(r, ROUGE_KIND_W, 0, name);
        /* k^w for the run lengths of ordinary sentences */
        r->n_wpow = 1024;
        r->wpow = malloc(r->n_wpow * sizeof *r->wpow);
        if (!r->wpow) {
            chorus_rouge_free(r);
            return NULL;
        }
        for (size_t k = 0; k < r->n_wpow; k++)
            r->wpow[k] = pow((double)k, cfg->wlcs_weight);
    }
    if (cfg->skip_bigram) {
        if (cfg->skip_gap >= 0)
            snprintf(num, sizeof num, "%d", cfg->skip_gap);
        else
            snprintf(num, sizeof num, "*");
        if (cfg->skip_unigrams != 1) {
            snprintf(name, sizeof name, "ROUGE-S%s", num);
            rouge_add_metric(r, ROUGE_KIND_S, 0, name);
        }
        if (cfg->skip_unigrams != 0) {
            snprintf(name, sizeof name, "ROUGE-SU%s", num);
            rouge_add_metric(r, ROUGE_KIND_SU, 0, name);
        }
    }
    r->need_sentences = cfg->rouge_l || cfg->wlcs_weight > 0;
    *status = CHORUS_OK;
    return r;
}

void chorus_rouge_free(chorus_rouge *r) {
    if (!r)
        return;
    for (size_t i = 0; i < r->n_evals; i++)
        free(r->ids[i]);
    free(r->ids);
    strmap_free(r->id_set);
    free(r->res);
    rouge_vocab_free(&r->vocab);
    rouge_text_free(&r->peer);
    for (size_t i = 0; i < r->n_models_alloc; i++)
        rouge_text_free(&r->models[i]);
    free(r->models);
    free(r->local_of);
    free(r->local_stamp);
    free(r->peer_uni);
    free(r->model_uni);
    free(r->peer_left);
    free(r->in_peer);
    free(r->mask_slot);
    free(r->pmask);
    free(r->vbits);
    free(r->table);
    free(r->mask);
    free(r->dir);
    free(r->rows_pos);
    free(r->rows_tok);
    free(r->l0);
    free(r->l1);
    free(r->w0);
    free(r->w1);
    free(r->wpow);
    free(r->system_id);
    free(r);
}

const char *chorus_rouge_errmsg(const chorus_rouge *r) {
    return r ? r->err : "no evaluator";
}

size_t chorus_rouge_size(const chorus_rouge *r) {
    return r ? r->n_evals : 0;
}

const char *chorus_rouge_eval_id(const chorus_rouge *r, size_t i) {
    return r && i < r->n_evals ? r->ids[i] : NULL;
}

size_t chorus_rouge_metric_count(const chorus_rouge *r) {
    return r ? r->n_metrics : 0;
}

const char *chorus_rouge_metric_name(const chorus_rouge *r, size_t m) {
    return r && m < r->n_metrics ? r->metrics[m].name : NULL;
}

int chorus_rouge_metric_find(const chorus_rouge *r, const char *name) {
    if (!r || !name)
        return -1;
    for (size_t m = 0; m < r->n_metrics; m++)
        if (!strcmp(r->metrics[m].name, name))
            return (int)m;
    return -1;
}

chorus_status chorus_rouge_eval_score(const chorus_rouge *r, size_t i, size_t m,
                                      chorus_rouge_score *out) {
    if (!r || i >= r->n_evals || m >= r->n_metrics || !out)
        return CHORUS_ERR_INVALID;
    const rouge_res *x = &r->res[i * r->n_metrics + m];
    out->recall = x->r;
    out->precision = x->p;
    out->f = x->f;
    out->model_count = x->model;
    out->peer_count = x->peer;
    out->hits = x->hit;
    return CHORUS_OK;
}

const chorus_rouge_config *rouge_config(const chorus_rouge *r) {
    return &r->cfg;
}

const rouge_metric *rouge_metric_at(const chorus_rouge *r, size_t m) {
    return &r->metrics[m];
}

const char *rouge_system_id(const chorus_rouge *r) {
    return r->system_id;
}

void rouge_eval_values(const chorus_rouge *r, size_t i, size_t m, double out[6]) {
    const rouge_res *x = &r->res[i * r->n_metrics + m];
    out[0] = x->r;
    out[1] = x->p;
    out[2] = x->f;
    out[3] = x->model;
    out[4] = x->peer;
    out[5] = x->hit;
}

/* ------------------------------------------------------ local token ids */

/* Renumbers the final ids of 'arr' to dense ids of this evaluation. */
static int rouge_localize(chorus_rouge *r, uint32_t *arr, size_t n) {
    size_t nf = strmap_count(r->vocab.final);
    if (nf > r->cap_local) {
        size_t nc = nf * 2 + 1024;
        uint32_t *a = realloc(r->local_of, nc * sizeof *a);
        if (!a)
            return -1;
        r->local_of = a;
        uint32_t *s = realloc(r->local_stamp, nc * sizeof *s);
        if (!s)
            return -1;
        r->local_stamp = s;
        memset(r->local_stamp + r->cap_local, 0, (nc - r->cap_local) * sizeof *s);
        r->cap_local = nc;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t id = arr[i];
        if (r->local_stamp[id] != r->eval_stamp) {
            r->local_stamp[id] = r->eval_stamp;
            r->local_of[id] = r->n_local++;
        }
        arr[i] = r->local_of[id];
    }
    return 0;
}

static int rouge_localize_text(chorus_rouge *r, rouge_text *t) {
    if (rouge_localize(r, t->flat, t->n_flat) != 0)
        return -1;
    return rouge_localize(r, t->sent, t->n_sent_tok);
}

/* ------------------------------------------------------------ n-grams */

/* The peer's n-grams (n >= 2) and skip bigrams go into an open-addressing
 * table; a reference's are looked up in it, a hit being counted while the
 * reference's running count of the gram does not exceed the peer's (that
 * is min(reference count, peer count) in total). The first two ids of a
 * key are kept in the slot; longer keys point into the peer's tokens.
 * Unigrams, and the unigram half of ROUGE-SU (separate, since a unigram
 * never equals a pair), use dense counts by local id instead. */

/* Makes the table empty with room for 'n' grams. */
static int rouge_table_reset(chorus_rouge *r, size_t n) {
    size_t need = 16;
    unsigned bits = 4;
    while (need < 2 * n + 2) {
        need *= 2;
        bits++;
    }
    if (need > r->table_cap) {
        rouge_gslot *t = calloc(need, sizeof *t);
        if (!t)
            return -1;
        free(r->table);
        r->table = t;
        r->table_cap = need;
        r->table_gen = 0;
        r->model_gen = 0;
    } else {
        bits = 0;
        for (size_t c = r->table_cap; c > 1; c >>= 1)
            bits++;
    }
    r->table_shift = 64 - bits;
    if (++r->table_gen == 0) { /* wrapped: clear for real */
        memset(r->table, 0, r->table_cap * sizeof *r->table);
        r->table_gen = 1;
    }
    return 0;
}

/* The slot of key[0..klen) (klen >= 2), inserted when absent and 'insert'
 * is set (NULL when absent otherwise). */
static rouge_gslot *rouge_table_find(chorus_rouge *r, const uint32_t *key, size_t klen,
                                     int insert) {
    uint32_t a = key[0], b = key[1];
    uint64_t h = ((uint64_t)a << 32) | b;
    for (size_t k = 2; k < klen; k++)
        h = (h ^ key[k]) * 0xff51afd7ed558ccdULL + k;
    size_t mask = r->table_cap - 1;
    size_t i = (size_t)((h * 0x9E3779B97F4A7C15ULL) >> r->table_shift);
    for (;;) {
        rouge_gslot *s = &r->table[i];
        if (s->gen != r->table_gen) {
            if (!insert)
                return NULL;
            s->gen = r->table_gen;
            s->k0 = a;
            s->k1 = b;
            s->key = klen > 2 ? key : NULL;
            s->peer = 0;
            s->model = 0;
            s->mgen = 0;
            return s;
        }
        if (s->k0 == a && s->k1 == b &&
            (klen == 2 || memcmp(s->key + 2, key + 2, (klen - 2) * sizeof *key) == 0))
            return s;
        i = (i + 1) & mask;
    }
}

/* Starts counting a new reference's grams. */
static void rouge_table_new_model(chorus_rouge *r) {
    if (++r->model_gen == 0) {
        for (size_t i = 0; i < r->table_cap; i++)
            r->table[i].mgen = 0;
        r->model_gen = 1;
    }
}

/* Counts one reference gram; returns 1 for a hit. */
static int rouge_table_hit(chorus_rouge *r, const uint32_t *key, size_t klen) {
    rouge_gslot *s = rouge_table_find(r, key, klen, 0);
    if (!s)
        return 0;
    if (s->mgen != r->model_gen) {
        s->mgen = r->model_gen;
        s->model = 0;
    }
    return ++s->model <= s->peer;
}

/* Number of n-grams of a text. */
static size_t rouge_ngram_count(const rouge_text *t, int n) {
    return t->n_flat >= (size_t)n ? t->n_flat - (size_t)n + 1 : 0;
}

/* Largest j - i of a skip bigram (i, j) in a text of n tokens. */
static size_t rouge_skip_span(size_t n, int gap) {
    return (gap < 0 || (size_t)gap >= n) ? n : (size_t)gap + 1;
}

/* Number of skip bigrams of a text of n tokens, as ROUGE-1.5.5's
 * createSkipBigram lists them: (i, j), i < j <= i + span. */
static size_t rouge_skip_count(size_t n, int gap) {
    size_t span = rouge_skip_span(n, gap), c = 0;
    for (size_t i = 0; i + 1 < n; i++)
        c += n - 1 - i < span ? n - 1 - i : span;
    return c;
}

/* Loads the peer's n-grams (n >= 2) or skip bigrams (n == 0). */
static int rouge_table_load(chorus_rouge *r, int n) {
    const uint32_t *t = r->peer.flat;
    size_t T = r->peer.n_flat;
    if (n >= 2) {
        size_t c = rouge_ngram_count(&r->peer, n);
        if (rouge_table_reset(r, c) != 0)
            return -1;
        for (size_t i = 0; i < c; i++)
            rouge_table_find(r, t + i, (size_t)n, 1)->peer++;
        return 0;
    }
    size_t span = rouge_skip_span(T, r->cfg.skip_gap);
    if (rouge_table_reset(r, rouge_skip_count(T, r->cfg.skip_gap)) != 0)
        return -1;
    for (size_t i = 0; i + 1 < T; i++) {
        size_t end = i + span < T - 1 ? i + span : T - 1;
        for (size_t j = i + 1; j <= end; j++) {
            uint32_t key[2] = {t[i], t[j]};
            rouge_table_find(r, key, 2, 1)->peer++;
        }
    }
    return 0;
}

/* Clipped hits of a reference's n-grams (n >= 2) or skip bigrams (n == 0)
 * against the loaded peer grams. */
static size_t rouge_table_hits(chorus_rouge *r, const rouge_text *mt, int n) {
    const uint32_t *t = mt->flat;
    size_t T = mt->n_flat, hit = 0;
    rouge_table_new_model(r);
    if (n >= 2) {
        size_t c = rouge_ngram_count(mt, n);
        for (size_t i = 0; i < c; i++)
            hit += (size_t)rouge_table_hit(r, t + i, (size_t)n);
        return hit;
    }
    size_t span = rouge_skip_span(T, r->cfg.skip_gap);
    for (size_t i = 0; i + 1 < T; i++) {
        size_t end = i + span < T - 1 ? i + span : T - 1;
        for (size_t j = i + 1; j <= end; j++) {
            uint32_t key[2] = {t[i], t[j]};
            hit += (size_t)rouge_table_hit(r, key, 2);
        }
    }
    return hit;
}

/* Unigram counts of a text's n-gram view into cnt[0..n_local). */
static void rouge_unigrams(const chorus_rouge *r, const rouge_text *t, uint32_t *cnt) {
    memset(cnt, 0, r->n_local * sizeof *cnt);
    for (size_t i = 0; i < t->n_flat; i++)
        cnt[t->flat[i]]++;
}

/* Clipped unigram hits of a reference against r->peer_uni (which the caller
 * may have adjusted); 'skip_last' leaves the reference's last token out. */
static size_t rouge_unigram_hits(chorus_rouge *r, const rouge_text *mt, int skip_last) {
    rouge_unigrams(r, mt, r->model_uni);
    if (skip_last && mt->n_flat > 0)
        r->model_uni[mt->flat[mt->n_flat - 1]]--;
    size_t hit = 0;
    for (size_t i = 0; i < mt->n_flat; i++) {
        uint32_t t = mt->flat[i], mc = r->model_uni[t];
        if (mc > 0) {
            hit += mc < r->peer_uni[t] ? mc : r->peer_uni[t];
            r->model_uni[t] = 0; /* each word once */
        }
    }
    return hit;
}

/* ------------------------------------------------------------- LCS */

static int rouge_realloc(void **p, size_t n, size_t elem) {
    void *q = realloc(*p, n * elem);
    if (!q)
        return -1;
    *p = q;
    return 0;
}

static int rouge_grow_rows(chorus_rouge *r, size_t n) {
    if (n + 1 <= r->cap_row)
        return 0;
    size_t nc = (n + 1) * 2;
    if (rouge_realloc((void **)&r->l0, nc, sizeof *r->l0) != 0 ||
        rouge_realloc((void **)&r->l1, nc, sizeof *r->l1) != 0 ||
        rouge_realloc((void **)&r->w0, nc, sizeof *r->w0) != 0 ||
        rouge_realloc((void **)&r->w1, nc, sizeof *r->w1) != 0)
        return -1;
    r->cap_row = nc;
    return 0;
}

static chorus_status rouge_grow_dir(chorus_rouge *r, size_t rows, size_t cols) {
    if (rows > 0 && cols > ROUGE_MAX_CELLS / rows) {
        snprintf(r->err, sizeof r->err,
                 "a sentence pair of %zu x %zu words is too long for ROUGE-L (limit %zu cells); "
                 "split the text into sentences, one per line",
                 rows, cols, ROUGE_MAX_CELLS);
        return CHORUS_ERR_LIMIT;
    }
    size_t need = rows * cols;
    if (need > r->cap_dir) {
        unsigned char *d = realloc(r->dir, need);
        if (!d) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        r->dir = d;
        r->cap_dir = need;
    }
    return CHORUS_OK;
}

/* Walks the direction table back from (rows, cols), marking the reference
 * positions pos[row] on the path's matches. */
static void rouge_mark(const unsigned char *dir, size_t rows, size_t cols, const uint32_t *pos,
                       unsigned char *mask) {
    size_t i = rows, j = cols;
    while (i > 0 && j > 0) {
        unsigned char d = dir[(i - 1) * cols + (j - 1)];
        if (d == ROUGE_DIAG) {
            i--;
            j--;
            mask[pos[i]] = 1;
        } else if (d == ROUGE_UP) {
            i--;
        } else {
            j--;
        }
    }
}

static unsigned rouge_popcount(uint64_t x) {
#if defined(__GNUC__) && defined(__POPCNT__)
    return (unsigned)__builtin_popcountll(x);
#else
    x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
    return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/* Zero bits of v among its bits [0, k). */
static size_t rouge_zeros(const uint64_t *v, size_t k) {
    size_t ones = 0, w = 0, left = k;
    for (; left >= 64; left -= 64, w++)
        ones += rouge_popcount(v[w]);
    if (left > 0)
        ones += rouge_popcount(v[w] & ((UINT64_C(1) << left) - 1));
    return k - ones;
}

/* ROUGE-1.5.5's LCS table of the rows r->rows_tok[0..rows) against the
 * current peer sentence (n words, match masks in r->pmask by r->mask_slot),
 * walked back from its corner, marking r->mask at r->rows_pos.
 *
 * The table is kept bit-parallel (Hyyro 2004): row i is a vector V_i of n
 * bits whose zero bits among the first j count c[i][j], the LCS length of
 * the first i rows and the first j words; with U = V_{i-1} & M(x_i),
 * V_i = (V_{i-1} + U) | (V_{i-1} - U), and V_0 all ones. The walk back
 * reads c from the stored rows: at (i, j) it takes the match when x_i =
 * y_j, else goes up when c[i-1][j] >= c[i][j-1], else left -- the choices
 * of ROUGE-1.5.5's table, at a 64th of its cost -- and stops when c[i][j]
 * is 0, as no match is left to mark. */
static chorus_status rouge_lcs_bits(chorus_rouge *r, size_t rows, size_t n) {
    size_t W = (n + 63) / 64;
    if (rows + 1 > ROUGE_MAX_WORDS / W) {
        snprintf(r->err, sizeof r->err,
                 "a sentence pair of %zu x %zu words is too long for ROUGE-L; "
                 "split the text into sentences, one per line",
                 rows, n);
        return CHORUS_ERR_LIMIT;
    }
    size_t need = (rows + 1) * W;
    if (need > r->cap_vbits) {
        uint64_t *v = realloc(r->vbits, need * 2 * sizeof *v);
        if (!v) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        r->vbits = v;
        r->cap_vbits = need * 2;
    }
    uint64_t *V = r->vbits;
    for (size_t w = 0; w < W; w++)
        V[w] = ~UINT64_C(0);
    for (size_t i = 1; i <= rows; i++) {
        const uint64_t *M = r->pmask + (size_t)r->mask_slot[r->rows_tok[i - 1]] * W;
        const uint64_t *P = V + (i - 1) * W;
        uint64_t *C = V + i * W;
        uint64_t carry = 0;
        for (size_t w = 0; w < W; w++) {
            uint64_t v = P[w], u = v & M[w];
            uint64_t t = v + u, s = t + carry;
            carry = (uint64_t)(t < v) | (uint64_t)(s < t);
            C[w] = s | (v & ~u);
        }
    }
    /* c = c[i][j] along the walk; once it is 0 no match is left to mark */
    size_t i = rows, j = n, c = rouge_zeros(V + rows * W, n);
    while (c > 0) {
        const uint64_t *M = r->pmask + (size_t)r->mask_slot[r->rows_tok[i - 1]] * W;
        size_t b = j - 1;
        if ((M[b / 64] >> (b % 64)) & 1) {
            i--;
            j--;
            c--;
            r->mask[r->rows_pos[i]] = 1;
            continue;
        }
        /* c[i][j-1] = c[i][j] less one when bit j-1 of V_i is zero */
        size_t left = c - (size_t)(((V[i * W + b / 64] >> (b % 64)) & 1) == 0);
        size_t up = rouge_zeros(V + (i - 1) * W, j);
        if (up >= left) {
            i--;
            c = up;
        } else {
            j--;
            c = left;
        }
    }
    return CHORUS_OK;
}

/* Match masks of the peer sentence y[0..n) for rouge_lcs_bits, and its
 * words stamped in r->in_peer. */
static chorus_status rouge_peer_masks(chorus_rouge *r, const uint32_t *y, size_t n) {
    if (++r->sent_stamp == 0) {
        memset(r->in_peer, 0, r->cap_uni * sizeof *r->in_peer);
        r->sent_stamp = 1;
    }
    size_t W = (n + 63) / 64, nd = 0;
    for (size_t k = 0; k < n; k++) {
        if (r->in_peer[y[k]] != r->sent_stamp) {
            r->in_peer[y[k]] = r->sent_stamp;
            r->mask_slot[y[k]] = (uint32_t)nd++;
        }
    }
    if (nd * W > r->cap_pmask) {
        uint64_t *p = realloc(r->pmask, nd * W * 2 * sizeof *p);
        if (!p) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        r->pmask = p;
        r->cap_pmask = nd * W * 2;
    }
    memset(r->pmask, 0, nd * W * sizeof *r->pmask);
    for (size_t k = 0; k < n; k++)
        r->pmask[(size_t)r->mask_slot[y[k]] * W + k / 64] |= UINT64_C(1) << (k % 64);
    return CHORUS_OK;
}

static double rouge_wpow(const chorus_rouge *r, size_t k) {
    return k < r->n_wpow ? r->wpow[k] : pow((double)k, r->cfg.wlcs_weight);
}

/* Weighted LCS table (ROUGE-1.5.5's wlcs_inner). */
static void rouge_wlcs_table(chorus_rouge *r, const uint32_t *x, size_t m, const uint32_t *y,
                             size_t n) {
    double *cp = r->w0, *cc = r->w1;
    uint32_t *lp = r->l0, *lc = r->l1;
    for (size_t j = 0; j <= n; j++) {
        cp[j] = 0;
        lp[j] = 0;
    }
    cc[0] = 0;
    lc[0] = 0;
    for (size_t i = 1; i <= m; i++) {
        uint32_t xi = x[i - 1];
        unsigned char *d = r->dir + (i - 1) * n;
        for (size_t j = 1; j <= n; j++) {
            if (xi == y[j - 1]) {
                uint32_t k = lp[j - 1];
                cc[j] = cp[j - 1] + rouge_wpow(r, (size_t)k + 1) - rouge_wpow(r, k);
                d[j - 1] = ROUGE_DIAG;
                lc[j] = k + 1;
            } else if (cp[j] >= cc[j - 1]) {
                cc[j] = cp[j];
                d[j - 1] = ROUGE_UP;
                lc[j] = 0;
            } else {
                cc[j] = cc[j - 1];
                d[j - 1] = ROUGE_LEFT;
                lc[j] = 0;
            }
        }
        double *t = cp;
        cp = cc;
        cc = t;
        uint32_t *u = lp;
        lp = lc;
        lc = u;
    }
}

/* Marks, in r->mask, the union LCS positions of every reference sentence
 * against every peer sentence (plain or weighted LCS). */
static chorus_status rouge_union_lcs(chorus_rouge *r, const rouge_text *model, int weighted) {
    const rouge_text *peer = &r->peer;
    memset(r->mask, 0, model->n_sent_tok ? model->n_sent_tok : 1);
    for (size_t j = 0; j < peer->n_sents; j++) {
        size_t n = peer->sent_off[j + 1] - peer->sent_off[j];
        if (n == 0)
            continue;
        const uint32_t *y = peer->sent + peer->sent_off[j];
        if (weighted && rouge_grow_rows(r, n) != 0) {
            snprintf(r->err, sizeof r->err, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        if (!weighted) {
            chorus_status st = rouge_peer_masks(r, y, n);
            if (st != CHORUS_OK)
                return st;
        }
        for (size_t i = 0; i < model->n_sents; i++) {
            size_t off = model->sent_off[i];
            size_t m = model->sent_off[i + 1] - off;
            if (m == 0)
                continue;
            const uint32_t *x = model->sent + off;
            size_t rows = 0;
            for (size_t k = 0; k < m; k++) {
                if (weighted || r->in_peer[x[k]] == r->sent_stamp) {
                    r->rows_pos[rows] = (uint32_t)(off + k);
                    r->rows_tok[rows] = x[k];
                    rows++;
                }
            }
            if (rows == 0)
                continue;
            chorus_status st;
            if (weighted) {
                st = rouge_grow_dir(r, rows, n);
                if (st != CHORUS_OK)
                    return st;
                rouge_wlcs_table(r, r->rows_tok, rows, y, n);
                rouge_mark(r->dir, rows, n, r->rows_pos, r->mask);
            } else {
                st = rouge_lcs_bits(r, rows, n);
                if (st != CHORUS_OK)
                    return st;
            }
        }
    }
    return CHORUS_OK;
}

/* ROUGE-L or ROUGE-W counts of one reference. */
static chorus_status rouge_lcs_part(chorus_rouge *r, const rouge_text *model, int weighted,
                                    rouge_part *out) {
    chorus_status st = rouge_union_lcs(r, model, weighted);
    if (st != CHORUS_OK)
        return st;
    rouge_unigrams(r, model, r->model_uni);
    memcpy(r->peer_left, r->peer_uni, r->n_local * sizeof *r->peer_left);
    double hit = 0, base = 0;
    for (size_t i = 0; i < model->n_sents; i++) {
        size_t off = model->sent_off[i];
        size_t m = model->sent_off[i + 1] - off;
        size_t run = 0;
        base += weighted ? rouge_wpow(r, m) : (double)m;
        for (size_t k = 0; k < m; k++) {
            if (!r->mask[off + k])
                continue;
            uint32_t t = model->sent[off + k];
            if (r->model_uni[t] == 0 || r->peer_left[t] == 0)
                continue;
            if (!weighted) {
                hit += 1;
            } else {
                run++;
                if ((k + 1 < m && !r->mask[off + k + 1]) || k + 1 == m) {
                    hit += rouge_wpow(r, run);
                    run = 0;
                }
            }
            r->model_uni[t]--;
            r->peer_left[t]--;
        }
    }
    out->hit = hit;
    if (!weighted) {
        out->model = base;
        out->peer = (double)r->peer.n_flat;
        out->score = base > 0 ? hit / base : 0;
    } else {
        double w = r->cfg.wlcs_weight;
        out->model = pow(base, w);
        out->peer = pow((double)r->peer.n_flat, w);
        out->score = base > 0 ? pow(hit / base, 1 / w) : 0;
    }
    return CHORUS_OK;
}

/* ---------------------------------------------------------- evaluation */

static void rouge_combine(const chorus_rouge *r, rouge_part *tot, const rouge_part *p) {
    if (r->cfg.best_reference) {
        if (p->score > tot->score)
            *tot = *p;
    } else {
        tot->hit += p->hit;
        tot->model += p->model;
        tot->peer += p->peer;
    }
}

static void rouge_finish(const chorus_rouge *r, const rouge_metric *m, const rouge_part *tot,
                         rouge_res *out) {
    double w = r->cfg.wlcs_weight, a = r->cfg.alpha;
    double R = 0, P = 0;
    if (tot->model != 0)
        R = m->kind == ROUGE_KIND_W ? rouge_round5(pow(tot->hit / tot->model, 1 / w))
                                    : rouge_round5(tot->hit / tot->model);
    if (tot->peer != 0)
        P = m->kind == ROUGE_KIND_W ? rouge_round5(pow(tot->hit / tot->peer, 1 / w))
                                    : rouge_round5(tot->hit / tot->peer);
    double den = (1 - a) * P + a * R;
    out->r = R;
    out->p = P;
    out->f = den > 0 ? rouge_round5((P * R) / den) : 0;
    out->model = tot->model;
    out->peer = tot->peer;
    out->hit = tot->hit;
}

/* Scores the texts in r->peer and r->models[0..n_refs) on every metric. */
static chorus_status rouge_score_all(chorus_rouge *r, size_t n_refs, rouge_res *out) {
    size_t nl = r->n_local ? r->n_local : 1;
    if (nl > r->cap_uni) {
        size_t nc = nl * 2;
        uint32_t **arrs[] = {&r->peer_uni, &r->model_uni, &r->peer_left, &r->in_peer,
                             &r->mask_slot};
        for (size_t k = 0; k < 5; k++) {
            uint32_t *p = realloc(*arrs[k], nc * sizeof *p);
            if (!p)
                goto nomem;
            *arrs[k] = p;
        }
        memset(r->in_peer, 0, nc * sizeof *r->in_peer);
        r->sent_stamp = 0;
        r->cap_uni = nc;
    }
    size_t max_sent = 1;
    for (size_t k = 0; k < n_refs; k++)
        if (r->models[k].n_sent_tok > max_sent)
            max_sent = r->models[k].n_sent_tok;
    if (max_sent > r->cap_mask) {
        unsigned char *p = realloc(r->mask, max_sent);
        if (!p)
            goto nomem;
        r->mask = p;
        r->cap_mask = max_sent;
    }
    if (max_sent > r->cap_rows) {
        uint32_t *a = realloc(r->rows_pos, max_sent * sizeof *a);
        if (!a)
            goto nomem;
        r->rows_pos = a;
        uint32_t *b = realloc(r->rows_tok, max_sent * sizeof *b);
        if (!b)
            goto nomem;
        r->rows_tok = b;
        r->cap_rows = max_sent;
    }
    rouge_unigrams(r, &r->peer, r->peer_uni);

    for (size_t mi = 0; mi < r->n_metrics; mi++) {
        const rouge_metric *m = &r->metrics[mi];
        rouge_part tot = {0, 0, 0, -1};
        if (!r->cfg.best_reference)
            tot.score = 0;
        if (m->kind == ROUGE_KIND_N && m->n == 1) {
            for (size_t k = 0; k < n_refs; k++) {
                const rouge_text *mt = &r->models[k];
                rouge_part p;
                p.hit = (double)rouge_unigram_hits(r, mt, 0);
                p.model = (double)mt->n_flat;
                p.peer = (double)r->peer.n_flat;
                p.score = mt->n_flat ? rouge_round5(p.hit / p.model) : 0;
                rouge_combine(r, &tot, &p);
            }
        } else if (m->kind == ROUGE_KIND_N || m->kind == ROUGE_KIND_S || m->kind == ROUGE_KIND_SU) {
            int n = m->kind == ROUGE_KIND_N ? m->n : 0;
            int su = m->kind == ROUGE_KIND_SU;
            size_t pc;
            if (n == 0) {
                size_t longest = r->peer.n_flat;
                for (size_t k = 0; k < n_refs; k++)
                    if (r->models[k].n_flat > longest)
                        longest = r->models[k].n_flat;
                size_t span = rouge_skip_span(longest, r->cfg.skip_gap);
                if (span > 0 && longest > ROUGE_MAX_PAIRS / span)
                    goto toolong;
                pc = rouge_skip_count(r->peer.n_flat, r->cfg.skip_gap);
            } else {
                pc = rouge_ngram_count(&r->peer, n);
            }
            if (rouge_table_load(r, n) != 0)
                goto nomem;
            /* SU's unigrams: every token but the last one, on both sides */
            uint32_t last = r->peer.n_flat ? r->peer.flat[r->peer.n_flat - 1] : 0;
            if (su && r->peer.n_flat > 0) {
                r->peer_uni[last]--;
                pc += r->peer.n_flat - 1;
            }
            for (size_t k = 0; k < n_refs; k++) {
                const rouge_text *mt = &r->models[k];
                rouge_part p;
                size_t mc, hit = rouge_table_hits(r, mt, n);
                if (n == 0) {
                    mc = rouge_skip_count(mt->n_flat, r->cfg.skip_gap);
                    if (su && mt->n_flat > 0) {
                        hit += rouge_unigram_hits(r, mt, 1);
                        mc += mt->n_flat - 1;
                    }
                } else {
                    mc = rouge_ngram_count(mt, n);
                }
                p.hit = (double)hit;
                p.model = (double)mc;
                p.peer = (double)pc;
                p.score = mc ? rouge_round5(p.hit / p.model) : 0;
                rouge_combine(r, &tot, &p);
            }
            if (su && r->peer.n_flat > 0)
                r->peer_uni[last]++;
        } else {
            for (size_t k = 0; k < n_refs; k++) {
                rouge_part p;
                chorus_status st = rouge_lcs_part(r, &r->models[k], m->kind == ROUGE_KIND_W, &p);
                if (st != CHORUS_OK)
                    return st;
                rouge_combine(r, &tot, &p);
            }
        }
        rouge_finish(r, m, &tot, &out[mi]);
    }
    return CHORUS_OK;
nomem:
    snprintf(r->err, sizeof r->err, "out of memory");
    return CHORUS_ERR_NOMEM;
toolong:
    snprintf(r->err, sizeof r->err,
             "too many skip bigrams (more than %zu): a text is too long for this skip gap",
             ROUGE_MAX_PAIRS);
    return CHORUS_ERR_LIMIT;
}

chorus_status chorus_rouge_add(chorus_rouge *r, const char *id, const char *peer, size_t peer_len,
                               const char *const *refs, const size_t *ref_lens, size_t n_refs) {
    if (!r)
        return CHORUS_ERR_INVALID;
    r->err[0] = '\0';
    if (!id || !*id) {
        snprintf(r->err, sizeof r->err, "an evaluation needs an id");
        return CHORUS_ERR_INVALID;
    }
    if (n_refs == 0 || !refs || !ref_lens) {
        snprintf(r->err, sizeof r->err, "evaluation '%.200s' has no reference", id);
        return CHORUS_ERR_INVALID;
    }
    if ((!peer && peer_len > 0)) {
        snprintf(r->err, sizeof r->err, "evaluation '%.200s': peer text is NULL", id);
        return CHORUS_ERR_INVALID;
    }
    for (size_t k = 0; k < n_refs; k++) {
        if (!refs[k] && ref_lens[k] > 0) {
            snprintf(r->err, sizeof r->err, "evaluation '%.200s': reference %zu is NULL", id,
                     k + 1);
            return CHORUS_ERR_INVALID;
        }
    }
    size_t idl = strlen(id);
    if (strmap_get(r->id_set, id, idl) != STRMAP_NONE) {
        snprintf(r->err, sizeof r->err, "evaluation id '%.200s' is used twice", id);
        return CHORUS_ERR_INVALID;
    }
    for (size_t k = 0; k < idl; k++) {
        if (isspace((unsigned char)id[k])) {
            snprintf(r->err, sizeof r->err, "evaluation id '%.200s' contains white space", id);
            return CHORUS_ERR_INVALID;
        }
    }

    /* room for the texts and the results */
    if (n_refs > r->n_models_alloc) {
        rouge_text *mt = realloc(r->models, n_refs * sizeof *mt);
        if (!mt)
            goto nomem;
        memset(mt + r->n_models_alloc, 0, (n_refs - r->n_models_alloc) * sizeof *mt);
        r->models = mt;
        r->n_models_alloc = n_refs;
    }
    if (VEC_RESERVE(r->res, r->cap_res, (r->n_evals + 1) * (r->n_metrics ? r->n_metrics : 1)) !=
            0 ||
        VEC_RESERVE(r->ids, r->cap_ids, r->n_evals + 1) != 0)
        goto nomem;

    /* read */
    const chorus_rouge_config *c = &r->cfg;
    if (rouge_text_read(&r->vocab, &r->peer, peer ? peer : "", peer_len, c->max_words, c->max_bytes,
                        r->need_sentences) != 0)
        goto nomem;
    for (size_t k = 0; k < n_refs; k++)
        if (rouge_text_read(&r->vocab, &r->models[k], refs[k] ? refs[k] : "", ref_lens[k],
                            c->max_words, c->max_bytes, r->need_sentences) != 0)
            goto nomem;

    /* dense ids for this evaluation */
    if (++r->eval_stamp == 0) {
        memset(r->local_stamp, 0, r->cap_local * sizeof *r->local_stamp);
        r->eval_stamp = 1;
    }
    r->n_local = 0;
    if (rouge_localize_text(r, &r->peer) != 0)
        goto nomem;
    for (size_t k = 0; k < n_refs; k++)
        if (rouge_localize_text(r, &r->models[k]) != 0)
            goto nomem;

    /* score */
    rouge_res *out = r->res + r->n_evals * r->n_metrics;
    chorus_status st = rouge_score_all(r, n_refs, out);
    if (st != CHORUS_OK)
        return st;

    char *copy = malloc(idl + 1);
    if (!copy)
        goto nomem;
    memcpy(copy, id, idl + 1);
    if (strmap_intern(r->id_set, id, idl, NULL) == STRMAP_NONE) {
        free(copy);
        goto nomem;
    }
    r->ids[r->n_evals++] = copy;
    return CHORUS_OK;
nomem:
    snprintf(r->err, sizeof r->err, "out of memory");
    return CHORUS_ERR_NOMEM;
}

/* ------------------------------------------------------------ ordering */

typedef struct rouge_sort_item {
    size_t idx;
    char *key; /* "<id>.<system>" */
} rouge_sort_item;

static int rouge_cmp_bytes(const void *a, const void *b) {
    const rouge_sort_item *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->idx < y->idx ? -1 : x->idx > y->idx);
}

/* ROUGE-1.5.5's by_evalID: by the leading number when both keys have one. */
static int rouge_cmp_report(const void *a, const void *b) {
    const rouge_sort_item *x = a, *y = b;
    const char *p = x->key, *q = y->key;
    if (isdigit((unsigned char)*p) && isdigit((unsigned char)*q)) {
        while (*p == '0' && isdigit((unsigned char)p[1]))
            p++;
        while (*q == '0' && isdigit((unsigned char)q[1]))
            q++;
        size_t lp = 0, lq = 0;
        while (isdigit((unsigned char)p[lp]))
            lp++;
        while (isdigit((unsigned char)q[lq]))
            lq++;
        if (lp != lq)
            return lp < lq ? -1 : 1;
        int c = strncmp(p, q, lp);
        if (c)
            return c;
    }
    return rouge_cmp_bytes(a, b);
}

size_t *rouge_sorted_evals(const chorus_rouge *r, int report) {
    size_t n = r->n_evals;
    if (n == 0)
        return NULL;
    rouge_sort_item *items = calloc(n, sizeof *items);
    size_t *order = malloc(n * sizeof *order);
    int ok = items && order;
    for (size_t i = 0; ok && i < n; i++) {
        size_t len = strlen(r->ids[i]) + strlen(r->system_id) + 2;
        items[i].idx = i;
        items[i].key = malloc(len);
        if (!items[i].key) {
            ok = 0;
            break;
        }
        snprintf(items[i].key, len, "%s.%s", r->ids[i], r->system_id);
    }
    if (ok) {
        qsort(items, n, sizeof *items, report ? rouge_cmp_report : rouge_cmp_bytes);
        for (size_t i = 0; i < n; i++)
            order[i] = items[i].idx;
    }
    if (items)
        for (size_t i = 0; i < n; i++)
            free(items[i].key);
    free(items);
    if (!ok) {
        free(order);
        return NULL;
    }
    return order;
}
