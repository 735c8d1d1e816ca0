/*
 * train_salience.c - fits the salience model (summarize/salience.c) to
 * benchmark clusters with reference summaries and prints it as a model
 * file; data/salience-model.txt is this program's output on Multi-News
 * validation, the full-length Multi-News clusters and DUC 2006
 * (bench/salience.sh has the exact command and the held-out check).
 *
 * Target. For each sentence of a cluster (the summarizer's own sentences,
 * features from sal_features under the default options) the share of its
 * unigrams plus the share of its bigrams that a reference has, counts
 * clipped as ROUGE clips them, read as ROUGE-1.5.5 reads text (its
 * tokenizer, Porter stemming with the WordNet exceptions), averaged over
 * the references: y = mean_r (hits1_r / n1 + hits2_r / n2). It is a density
 * - reference content per word - which is what a greedy selection under a
 * word budget should prefer.
 *
 * Lexicon. A first pass over the data counts, per stem of the reports, in
 * how many clusters it occurs and in how many of those the reference has
 * it too (the references are read as reports, so their stems are formed
 * alike); stems of at least TRN_LEX_MIN clusters get the smoothed log-odds
 * ratio of that share against the average stem's. The features of the
 * second pass read this lexicon, and the model file carries it.
 *
 * Fit. Ridge regression on standardized features: the normal equations
 * are accumulated in the second pass (sums of x, x x^T, x y, y, y^2;
 * memory does not grow with the number of sentences), solved by Cholesky with penalty RIDGE on
 * every standardized weight but the bias, and the weights turned back into the raw feature scale
 * for the model file. Each cluster weighs the same (every sentence of a cluster of m sentences
 * counts 1/m), so long clusters do not drown short ones, and each DATASET argument weighs the same
 * in all, so 50 long clusters count as much as 5,000 short ones.
 *
 * Folds: --fold K/R leaves out every cluster whose number (from 0, in
 * input order) is R modulo K in every DATASET; train on the rest and score
 * the left-out clusters with `chorus eval --model FILE` (bench/salience.sh
 * splits the validation file for that).
 *
 * --no-lexicon skips the first pass: the model has no lexicon and its two
 * lexicon features stay 0.
 *
 * usage: bench_train_salience [--no-lexicon] [--fold K/R] [--limit N] DATASET... > model.txt
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "core/cluster.h"
#include "core/summary.h"
#include "eval/rouge.h"
#include "summarize/salience.h"
#include "util/arena.h"
#include "util/strmap.h"

#define RIDGE 1.0
#define D (SAL_N_FEATURES + 1) /* the bias, then the features */

typedef struct trn_sums {
    double xx[D][D];
    double xy[D];
    double yy, w; /* sum of weighted y^2, sum of weights */
} trn_sums;

/* Adds the n-grams of the tokens t[0..n) to counts cnt (grown to the map's
 * size by the caller) or, with add == 0, counts hits against ref and
 * returns them in *h1, *h2 (tmp: scratch counts, zeroed on return). */
static int trn_ngrams(ch_strmap *m, const uint32_t *t, size_t n, int add, uint32_t **cnt,
                      size_t *cap, const uint32_t *ref, uint32_t *tmp, double *h1, double *h2) {
    *h1 = *h2 = 0.0;
    for (int order = 1; order <= 2; order++)
        for (size_t k = 0; k + (size_t)order <= n; k++) {
            uint32_t id = strmap_pair(m, t[k], order == 2 ? t[k + 1] : UINT32_MAX, add);
            if (add) {
                if (id == STRMAP_NONE)
                    return -1;
                if (id >= *cap) {
                    size_t nc = *cap ? *cap * 2 : 1024;
                    while (nc <= id)
                        nc *= 2;
                    uint32_t *p = realloc(*cnt, nc * sizeof *p);
                    if (!p)
                        return -1;
                    memset(p + *cap, 0, (nc - *cap) * sizeof *p);
                    *cnt = p;
                    *cap = nc;
                }
                (*cnt)[id]++;
            } else if (id != STRMAP_NONE && tmp[id] < ref[id]) {
                tmp[id]++;
                *(order == 1 ? h1 : h2) += 1.0;
            }
        }
    if (!add)
        for (size_t k = 0; k < n; k++)
            for (int order = 1; order <= 2 && k + (size_t)order <= n; order++) {
                uint32_t id = strmap_pair(m, t[k], order == 2 ? t[k + 1] : UINT32_MAX, 0);
                if (id != STRMAP_NONE)
                    tmp[id] = 0;
            }
    return 0;
}

/* Adds one cluster's sentences to the sums. */
static int trn_cluster(const chorus_input *in, rouge_vocab *v, const sal_model *lexm, trn_sums *s) {
    int rc = -1;
    chorus_cluster *c = chorus_cluster_new(NULL);
    ch_arena *a = arena_new(0);
    ch_strmap *m = strmap_new();
    rouge_text t;
    memset(&t, 0, sizeof t);
    uint32_t **ref = calloc(in->n_refs, sizeof *ref);
    size_t *ref_cap = calloc(in->n_refs, sizeof *ref_cap);
    uint32_t *tmp = NULL;
    double *x = NULL;
    if (!c || !a || !m || !ref || !ref_cap)
        goto out;
    for (size_t i = 0; i < in->n_docs; i++)
        (void)chorus_cluster_add(c, in->docs[i].text, in->docs[i].len, &in->docs[i].meta);
    if (c->n_sents == 0) {
        rc = 0;
        goto out;
    }
    double h1, h2;
    for (size_t r = 0; r < in->n_refs; r++)
        if (rouge_text_read(v, &t, in->refs[r], strlen(in->refs[r]), 0, 0, 0) != 0 ||
            trn_ngrams(m, t.flat, t.n_flat, 1, &ref[r], &ref_cap[r], NULL, NULL, &h1, &h2) != 0)
            goto out;
    size_t nk = strmap_count(m);
    for (size_t r = 0; r < in->n_refs; r++)
        if (ref_cap[r] < nk) {
            uint32_t *p = realloc(ref[r], (nk ? nk : 1) * sizeof *p);
            if (!p)
                goto out;
            memset(p + ref_cap[r], 0, (nk - ref_cap[r]) * sizeof *p);
            ref[r] = p;
            ref_cap[r] = nk;
        }
    tmp = calloc(nk ? nk : 1, sizeof *tmp);
    chorus_options o;
    chorus_options_init(&o);
    ch_rank_input ri;
    ch_svec q;
    if (!tmp || summary_rank_input(c, &o, a, &ri, &q) != 0 ||
        !(x = malloc(ri.n * SAL_N_FEATURES * sizeof *x)) || sal_features(&ri, lexm, x) != 0)
        goto out;
    const double w = 1.0 / (double)ri.n;
    for (size_t i = 0; i < ri.n; i++) {
        if (rouge_text_read(v, &t, ri.text[i], ri.text_len[i], 0, 0, 0) != 0)
            goto out;
        double y = 0.0;
        if (t.n_flat > 0) {
            for (size_t r = 0; r < in->n_refs; r++) {
                if (trn_ngrams(m, t.flat, t.n_flat, 0, NULL, NULL, ref[r], tmp, &h1, &h2) != 0)
                    goto out;
                y += h1 / (double)t.n_flat + (t.n_flat > 1 ? h2 / (double)(t.n_flat - 1) : 0.0);
            }
            y /= (double)in->n_refs;
        }
        double row[D];
        row[0] = 1.0;
        memcpy(row + 1, &x[i * SAL_N_FEATURES], SAL_N_FEATURES * sizeof *row);
        for (size_t p = 0; p < D; p++) {
            for (size_t q2 = 0; q2 < D; q2++)
                s->xx[p][q2] += w * row[p] * row[q2];
            s->xy[p] += w * row[p] * y;
        }
        s->yy += w * y * y;
        s->w += w;
    }
    rc = 0;
out:
    for (size_t r = 0; ref && r < in->n_refs; r++)
        free(ref[r]);
    free(ref);
    free(ref_cap);
    free(tmp);
    free(x);
    rouge_text_free(&t);
    strmap_free(m);
    arena_free(a);
    chorus_cluster_free(c);
    return rc;
}

/* Stems seen in fewer training clusters than this get no lexicon entry;
 * TRN_LEX_PRIOR pseudo-clusters at the base rate smooth the others. */
#define TRN_LEX_MIN 10
#define TRN_LEX_PRIOR 10.0

/* Per stem: in how many training clusters' reports it occurs, and in how
 * many of those also in a reference summary. */
typedef struct trn_lex {
    ch_strmap *stems;
    uint32_t *src, *both;
    size_t cap;
} trn_lex;

/* Counts one cluster's stems. The references are read as reports of a
 * second cluster, so their stems are formed exactly as the reports' are. */
static int trn_lex_cluster(const chorus_input *in, trn_lex *lx) {
    int rc = -1;
    chorus_cluster *c = chorus_cluster_new(NULL), *r = chorus_cluster_new(NULL);
    if (!c || !r)
        goto out;
    for (size_t i = 0; i < in->n_docs; i++)
        (void)chorus_cluster_add(c, in->docs[i].text, in->docs[i].len, &in->docs[i].meta);
    for (size_t i = 0; i < in->n_refs; i++)
        (void)chorus_cluster_add(r, in->refs[i], strlen(in->refs[i]), NULL);
    uint32_t nv = strmap_count(c->vocab);
    for (uint32_t t = 0; t < nv; t++) {
        size_t kl;
        const char *key = strmap_key(c->vocab, t, &kl);
        uint32_t id = strmap_intern(lx->stems, key, kl, NULL);
        if (id == STRMAP_NONE)
            goto out;
        if (id >= lx->cap) {
            size_t nc = lx->cap ? lx->cap * 2 : 4096;
            uint32_t *a = realloc(lx->src, nc * sizeof *a),
                     *b = a ? realloc(lx->both, nc * sizeof *b) : NULL;
            if (a)
                lx->src = a;
            if (!a || !b)
                goto out;
            lx->both = b;
            memset(lx->src + lx->cap, 0, (nc - lx->cap) * sizeof *a);
            memset(lx->both + lx->cap, 0, (nc - lx->cap) * sizeof *b);
            lx->cap = nc;
        }
        lx->src[id]++;
        if (strmap_get(r->vocab, key, kl) != STRMAP_NONE)
            lx->both[id]++;
    }
    rc = 0;
out:
    chorus_cluster_free(c);
    chorus_cluster_free(r);
    return rc;
}

typedef struct trn_entry {
    const char *key;
    size_t len;
    double w;
} trn_entry;

static int trn_entry_cmp(const void *a, const void *b) {
    const trn_entry *x = a, *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, m);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The lexicon as model-file lines (sorted), into a malloc'd text: the
 * smoothed log-odds of "in the reference" for a stem of the reports,
 * minus that of the average stem. */
static char *trn_lex_text(const trn_lex *lx, size_t *len) {
    uint32_t n = strmap_count(lx->stems);
    double src = 0, both = 0;
    for (uint32_t i = 0; i < n; i++) {
        src += lx->src[i];
        both += lx->both[i];
    }
    double p0 = src > 0 ? both / src : 0.5;
    if (p0 <= 0 || p0 >= 1)
        p0 = 0.5;
    trn_entry *e = malloc((n ? n : 1) * sizeof *e);
    size_t m = 0, bytes = 1;
    if (!e)
        return NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (lx->src[i] < TRN_LEX_MIN)
            continue;
        double p = (lx->both[i] + TRN_LEX_PRIOR * p0) / (lx->src[i] + TRN_LEX_PRIOR);
        e[m].key = strmap_key(lx->stems, i, &e[m].len);
        e[m].w = log(p / (1 - p)) - log(p0 / (1 - p0));
        bytes += e[m].len + 16;
        m++;
    }
    qsort(e, m, sizeof *e, trn_entry_cmp);
    char *t = malloc(bytes);
    size_t o = 0;
    for (size_t k = 0; t && k < m; k++)
        o += (size_t)snprintf(t + o, bytes - o, "%.*s %.3f\n", (int)e[k].len, e[k].key, e[k].w);
    free(e);
    *len = o;
    return t;
}

/* Solves A z = b (A symmetric positive definite, n x n) in place by
 * Cholesky; returns -1 when A is not positive definite. */
static int trn_cholesky(double a[D][D], double *b, size_t n) {
    for (size_t j = 0; j < n; j++) {
        double d = a[j][j];
        for (size_t k = 0; k < j; k++)
            d -= a[j][k] * a[j][k];
        if (!(d > 1e-12))
            return -1;
        a[j][j] = sqrt(d);
        for (size_t i = j + 1; i < n; i++) {
            double v = a[i][j];
            for (size_t k = 0; k < j; k++)
                v -= a[i][k] * a[j][k];
            a[i][j] = v / a[j][j];
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < i; k++)
            b[i] -= a[i][k] * b[k];
        b[i] /= a[i][i];
    }
    for (size_t i = n; i-- > 0;) {
        for (size_t k = i + 1; k < n; k++)
            b[i] -= a[k][i] * b[k];
        b[i] /= a[i][i];
    }
    return 0;
}

/* Fits the ridge model from the sums; prints it. */
static int trn_fit(const trn_sums *s, size_t clusters, const char *what, const char *lex,
                   size_t lex_len) {
    const size_t nf = SAL_N_FEATURES;
    double mean[D], sd[D];
    for (size_t k = 1; k < D; k++) {
        mean[k] = s->xx[0][k] / s->w;
        double var = s->xx[k][k] / s->w - mean[k] * mean[k];
        sd[k] = var > 1e-12 ? sqrt(var) : 0.0;
    }
    /* standardized normal equations over the features with non-zero spread */
    static double a[D][D];
    double b[D], ybar = s->xy[0] / s->w;
    size_t idx[D], m = 0;
    for (size_t k = 1; k < D; k++)
        if (sd[k] > 0)
            idx[m++] = k;
    for (size_t p = 0; p < m; p++) {
        size_t i = idx[p];
        for (size_t q = 0; q < m; q++) {
            size_t j = idx[q];
            double cov = s->xx[i][j] / s->w - mean[i] * mean[j];
            a[p][q] = cov / (sd[i] * sd[j]) + (p == q ? RIDGE / s->w : 0.0);
        }
        b[p] = (s->xy[i] / s->w - mean[i] * ybar) / sd[i];
    }
    if (trn_cholesky(a, b, m) != 0) {
        fprintf(stderr, "bench_train_salience: the features are degenerate on this data\n");
        return -1;
    }
    double w[D] = {0};
    double bias = ybar;
    for (size_t p = 0; p < m; p++) {
        size_t k = idx[p];
        w[k] = b[p] / sd[k];
        bias -= w[k] * mean[k];
    }
    /* fit on the training data: R^2 */
    double sse = s->yy, yvar = s->yy / s->w - ybar * ybar;
    double wf[D];
    wf[0] = bias;
    for (size_t k = 1; k < D; k++)
        wf[k] = w[k];
    for (size_t p = 0; p < D; p++) {
        sse -= 2 * wf[p] * s->xy[p];
        for (size_t q = 0; q < D; q++)
            sse += wf[p] * wf[q] * s->xx[p][q];
    }
    printf("%s %d\n", SAL_MODEL_MAGIC, SAL_MODEL_VERSION);
    printf("# fitted by bench_train_salience on %zu clusters (%s)\n", clusters, what);
    printf("# training R^2 %.4f; weights in the raw feature scale\n",
           yvar > 0 ? 1.0 - sse / s->w / yvar : 0.0);
    printf("bias %.6g\n", bias);
    for (size_t k = 0; k < nf; k++)
        printf("%s %.6g\n", sal_feature_name(k), w[k + 1]);
    if (lex) {
        printf("lexicon\n");
        fwrite(lex, 1, lex_len, stdout);
    }
    return 0;
}

/* Adds 'add' to 'to', scaled so that it weighs 'weight' in all. */
static void trn_merge(trn_sums *to, const trn_sums *add, double weight) {
    if (!(add->w > 0))
        return;
    double f = weight / add->w;
    for (size_t p = 0; p < D; p++) {
        for (size_t q = 0; q < D; q++)
            to->xx[p][q] += f * add->xx[p][q];
        to->xy[p] += f * add->xy[p];
    }
    to->yy += f * add->yy;
    to->w += f * add->w;
}

int main(int argc, char **argv) {
    size_t limit = 0, fold_k = 0, fold_r = 0;
    int a = 1, first_pass = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1] == '-'; a += 2) {
        if (!strcmp(argv[a], "--no-lexicon")) {
            first_pass = 2;
            a--;
        } else if (a + 1 >= argc)
            break;
        else if (!strcmp(argv[a], "--limit"))
            limit = strtoul(argv[a + 1], NULL, 10);
        else if (!strcmp(argv[a], "--fold")) {
            if (sscanf(argv[a + 1], "%zu/%zu", &fold_k, &fold_r) != 2 || fold_k < 2 ||
                fold_r >= fold_k) {
                fprintf(stderr, "bench_train_salience: --fold wants K/R with K >= 2, R < K\n");
                return 2;
            }
        } else
            break;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: bench_train_salience [--no-lexicon] [--fold K/R] [--limit N] "
                        "DATASET... > model\n");
        return 2;
    }
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    if (!lex || chorus_rouge_lexicon_load_wordnet(lex, CHORUS_ROUGE_WORDNET_DIR) != CHORUS_OK) {
        fprintf(stderr, "bench_train_salience: cannot load the WordNet exception lists\n");
        chorus_rouge_lexicon_free(lex);
        return 1;
    }
    rouge_vocab v;
    if (rouge_vocab_init(&v, 1, 0, lex) != 0) {
        fprintf(stderr, "bench_train_salience: out of memory\n");
        return 1;
    }
    static trn_sums total, one;
    trn_lex lx = {strmap_new(), NULL, NULL, 0};
    sal_model lexm;
    memset(&lexm, 0, sizeof lexm);
    char *lex_text = NULL;
    size_t lex_len = 0, used = 0;
    if (!lx.stems) {
        fprintf(stderr, "bench_train_salience: out of memory\n");
        return 1;
    }
    /* pass 1 counts the lexicon, pass 2 the features (which read it);
     * each dataset weighs the same in pass 2, whatever its size */
    for (int pass = first_pass; pass <= 2; pass++) {
        for (int d = a; d < argc; d++) {
            chorus_status st;
            char err[512];
            chorus_reader *rd = chorus_reader_open((const char *const *)argv + d, 1,
                                                   CHORUS_FORMAT_AUTO, &st, err, sizeof err);
            if (!rd) {
                fprintf(stderr, "bench_train_salience: %s\n", err);
                return 1;
            }
            memset(&one, 0, sizeof one);
            size_t seen = 0;
            for (;;) {
                const chorus_input *in = NULL;
                st = chorus_reader_next(rd, &in);
                if (st != CHORUS_OK)
                    continue;
                if (!in || (limit && seen >= limit))
                    break;
                size_t no = seen++;
                if ((fold_k && no % fold_k == fold_r) || !in->n_refs)
                    continue;
                if ((pass == 1 ? trn_lex_cluster(in, &lx) : trn_cluster(in, &v, &lexm, &one)) !=
                    0) {
                    fprintf(stderr, "bench_train_salience: out of memory\n");
                    return 1;
                }
                used += pass == 2;
            }
            chorus_reader_free(rd);
            if (pass == 2)
                trn_merge(&total, &one, 1.0);
        }
        if (pass == 1) {
            if (!(lex_text = trn_lex_text(&lx, &lex_len))) {
                fprintf(stderr, "bench_train_salience: out of memory\n");
                return 1;
            }
            lexm.lex = lex_text;
            lexm.lex_len = lex_len;
        }
    }
    char what[96];
    if (fold_k)
        snprintf(what, sizeof what, "%d datasets weighted alike, leaving out fold %zu of %zu",
                 argc - a, fold_r, fold_k);
    else
        snprintf(what, sizeof what, "%d datasets weighted alike", argc - a);
    int rc = trn_fit(&total, used, what, lex_text, lex_len);
    free(lex_text);
    strmap_free(lx.stems);
    free(lx.src);
    free(lx.both);
    rouge_vocab_free(&v);
    chorus_rouge_lexicon_free(lex);
    return rc ? 1 : 0;
}
