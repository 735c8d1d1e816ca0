/*
 * salience.c - sentence features and the linear salience model.
 *
 * What a reference summary of a news cluster keeps can be estimated from
 * cues every cluster has, whatever its size or source: how central the
 * sentence is (cosine to the centroid, LexRank), how many reports carry
 * the same content (support, shared word pairs), where it stands in its
 * report (the lead), its shape (length, quotation, numbers, first person,
 * a question, an unfinished tail) and whether it reads on its own. The
 * model is linear in these features, y = bias + sum_k w_k x_k, fitted by
 * ridge regression (bench/train_salience.c) to the share of the
 * sentence's unigrams and bigrams found in the reference summaries, the
 * units ROUGE counts. Selection (mmr.c) uses y as the relevance of a
 * sentence, so the redundancy control and the budget stay as they are.
 *
 * Features are scale-free where the cluster's size would otherwise shift
 * them (relative centrality, shares of reports, log lengths), so a model
 * fitted on short clusters of three reports transfers to clusters of 25.
 * Features that need text (quotes, digits, context) read in->text; without
 * it they are 0.
 *
 * Lexicon: the model may carry, per stem, how much more (or less) likely
 * than average a stem found in the reports is to appear in the reference
 * summary (a smoothed log-odds ratio fitted with the weights; wording that
 * summaries keep - numbers, names, "said" - against page furniture and
 * first-person chatter). A sentence gets the mean weight of its stems and
 * the share of them with a positive weight.
 *
 * Model file (text, UTF-8, '#' starts a comment line, blank lines skipped):
 *   chorus-salience 2
 *   bias <number>
 *   <feature name> <number>      one line for each of the SAL_N_FEATURES
 *   lexicon                      optional; then to the end of the text:
 *   <stem> <number>              stems unique, in increasing byte order
 * Every feature must be given exactly once; unknown names are errors, so a
 * model made for another feature set is refused rather than misread.
 */
#include "summarize/salience.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/graph.h"
#include "summarize/method.h"
#include "text/segment.h"
#include "util/strmap.h"

extern const unsigned char chorus_data_salience_model[];
extern const unsigned long chorus_data_salience_model_len;

enum {
    SAL_CENTROID,
    SAL_CENTROID_REL,
    SAL_SUPPORT_MEAN,
    SAL_SUPPORT_MAX,
    SAL_LEXRANK,
    SAL_POS_INV,
    SAL_POS_FIRST,
    SAL_POS_REL,
    SAL_POS_LAST,
    SAL_LEN_LOG,
    SAL_LEN_SHORT,
    SAL_LEN_LONG,
    SAL_CONTEXT,
    SAL_QUOTE,
    SAL_DIGIT,
    SAL_CONCEPT_DF,
    SAL_TERM_DF,
    SAL_CONTENT_RATIO,
    SAL_QUESTION,
    SAL_FIRST_PERSON,
    SAL_DOC_SHARE,
    SAL_HEADLINE,
    SAL_UNFINISHED,
    SAL_SINGLE_DOC,
    SAL_LEX_MEAN,
    SAL_LEX_POS,
    SAL_COUNT
};

_Static_assert(SAL_COUNT == SAL_N_FEATURES, "feature table and SAL_N_FEATURES disagree");
_Static_assert(SAL_CENTROID == SAL_FEATURE_CENTROID, "SAL_FEATURE_CENTROID is stale");

static const char *const sal_names[SAL_N_FEATURES] = {
    [SAL_CENTROID] = "centroid",
    [SAL_CENTROID_REL] = "centroid_rel",
    [SAL_SUPPORT_MEAN] = "support_mean",
    [SAL_SUPPORT_MAX] = "support_max",
    [SAL_LEXRANK] = "lexrank",
    [SAL_POS_INV] = "pos_inv",
    [SAL_POS_FIRST] = "pos_first",
    [SAL_POS_REL] = "pos_rel",
    [SAL_POS_LAST] = "pos_last",
    [SAL_LEN_LOG] = "len_log",
    [SAL_LEN_SHORT] = "len_short",
    [SAL_LEN_LONG] = "len_long",
    [SAL_CONTEXT] = "context",
    [SAL_QUOTE] = "quote",
    [SAL_DIGIT] = "digit",
    [SAL_CONCEPT_DF] = "concept_df",
    [SAL_TERM_DF] = "term_df",
    [SAL_CONTENT_RATIO] = "content_ratio",
    [SAL_QUESTION] = "question",
    [SAL_FIRST_PERSON] = "first_person",
    [SAL_DOC_SHARE] = "doc_share",
    [SAL_HEADLINE] = "headline",
    [SAL_UNFINISHED] = "unfinished",
    [SAL_SINGLE_DOC] = "single_doc",
    [SAL_LEX_MEAN] = "lexicon_mean",
    [SAL_LEX_POS] = "lexicon_pos",
};

/* Sentences shorter / longer than these many words count as short / long. */
#define SAL_SHORT_WORDS 10
#define SAL_LONG_WORDS 40

const char *sal_feature_name(size_t k) {
    return k < SAL_N_FEATURES ? sal_names[k] : NULL;
}

double sal_predict(const sal_model *m, const double *x) {
    double y = m->bias;
    for (size_t k = 0; k < SAL_N_FEATURES; k++)
        y += m->w[k] * x[k];
    return y;
}

/* ------------------------------------------------------- text features */

/* 1 if t[0..n) is one of the first-person words (I, we, my, our, me, us;
 * "US" in capitals is the country). */
static int sal_first_person_word(const char *t, size_t n) {
    static const char *const words[] = {"i", "we", "my", "our", "me", "us", "i'm", "we're"};
    if (n == 2 && t[0] == 'U' && t[1] == 'S')
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t wl = strlen(words[k]);
        if (wl != n)
            continue;
        size_t j = 0;
        while (j < n && tolower((unsigned char)t[j]) == words[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Quote, digit, question, first person and unfinished features of one
 * sentence's text. */
static void sal_text_features(const char *t, size_t n, double *x) {
    int quote = 0, digit = 0, question = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == '"' || (ch == '`' && i + 1 < n && t[i + 1] == '`') ||
            (ch == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
             ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9D)))
            quote = 1;
        else if (ch >= '0' && ch <= '9')
            digit = 1;
        else if (ch == '?')
            question = 1;
    }
    size_t i = 0;
    while (i < n && !first) {
        while (i < n && !isalpha((unsigned char)t[i]))
            i++;
        size_t b = i;
        while (i < n && (isalpha((unsigned char)t[i]) || t[i] == '\''))
            i++;
        if (i > b && (b == 0 || !isalnum((unsigned char)t[b - 1])))
            first = sal_first_person_word(t + b, i - b);
    }
    size_t e = n;
    while (e > 0 && isspace((unsigned char)t[e - 1]))
        e--;
    int finished = 0;
    if (e > 0) {
        unsigned char last = (unsigned char)t[e - 1];
        finished = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' ||
                   last == ')' || last == ':' || last == ';';
        /* closing curly quotes end in 0x9D / 0x99 after E2 80 */
        if (!finished && e >= 3 && (unsigned char)t[e - 3] == 0xE2 &&
            (unsigned char)t[e - 2] == 0x80 && (last == 0x9D || last == 0x99))
            finished = 1;
    }
    x[SAL_QUOTE] = quote;
    x[SAL_DIGIT] = digit;
    x[SAL_QUESTION] = question;
    x[SAL_FIRST_PERSON] = first;
    x[SAL_UNFINISHED] = !finished;
    x[SAL_CONTEXT] = prior_needs_context(t, n);
}

/* ------------------------------------------------- cluster-wide features */

/* Support features (graph_support) into the feature rows. */
static int sal_support(const ch_rank_input *in, double *x) {
    const size_t n = in->n;
    double *mean = malloc(2 * n * sizeof *mean);
    if (!mean || graph_support(in, mean, mean + n) != 0) {
        free(mean);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        x[i * SAL_N_FEATURES + SAL_SUPPORT_MEAN] = mean[i];
        x[i * SAL_N_FEATURES + SAL_SUPPORT_MAX] = mean[n + i];
    }
    free(mean);
    return 0;
}

/* Report frequency of terms and term pairs: for each sentence the mean
 * over its terms (pairs) of the share of the other reports that have the
 * term (pair) too. Sentences are visited report by report, so a stamp per
 * item (the last report counted) counts each report once. */
static int sal_df(const ch_rank_input *in, double *x) {
    const size_t n = in->n;
    if (!in->terms || !in->n_terms_of || in->n_docs < 2)
        return 0;
    int rc = -1;
    ch_strmap *pairs = strmap_new();
    uint32_t *tdf = calloc(in->n_terms ? in->n_terms : 1, sizeof *tdf);
    uint32_t *tstamp = malloc((in->n_terms ? in->n_terms : 1) * sizeof *tstamp);
    uint32_t *pid = NULL, *pdf = NULL, *pstamp = NULL;
    size_t *poff = calloc(n + 1, sizeof *poff);
    uint32_t *order = NULL;
    size_t *dstart = NULL;
    if (!pairs || !tdf || !tstamp || !poff)
        goto done;
    for (uint32_t t = 0; t < in->n_terms; t++)
        tstamp[t] = UINT32_MAX;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        poff[i] = total;
        total += in->n_terms_of[i] > 1 ? in->n_terms_of[i] - 1 : 0;
    }
    poff[n] = total;
    pid = malloc((total ? total : 1) * sizeof *pid);
    if (!pid)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const uint32_t *t = in->terms[i];
        for (uint32_t k = 0; k + 1 < in->n_terms_of[i]; k++) {
            uint32_t id = strmap_pair(pairs, t[k], t[k + 1], 1);
            if (id == STRMAP_NONE)
                goto done;
            pid[poff[i] + k] = id;
        }
    }
    size_t np = strmap_count(pairs);
    pdf = calloc(np ? np : 1, sizeof *pdf);
    pstamp = malloc((np ? np : 1) * sizeof *pstamp);
    if (!pdf || !pstamp)
        goto done;
    for (size_t p = 0; p < np; p++)
        pstamp[p] = UINT32_MAX;
    /* visit the sentences report by report (counting sort on the report) */
    order = malloc(n * sizeof *order);
    dstart = calloc(in->n_docs + 1, sizeof *dstart);
    if (!order || !dstart)
        goto done;
    for (size_t i = 0; i < n; i++)
        dstart[in->doc[i] + 1]++;
    for (size_t d = 0; d < in->n_docs; d++)
        dstart[d + 1] += dstart[d];
    for (size_t i = 0; i < n; i++)
        order[dstart[in->doc[i]]++] = (uint32_t)i;
    for (size_t q = 0; q < n; q++) {
        uint32_t i = order[q], d = in->doc[i];
        for (uint32_t k = 0; k < in->n_terms_of[i]; k++) {
            uint32_t t = in->terms[i][k];
            if (t < in->n_terms && tstamp[t] != d) {
                tstamp[t] = d;
                tdf[t]++;
            }
        }
        for (size_t k = poff[i]; k < poff[i + 1]; k++)
            if (pstamp[pid[k]] != d) {
                pstamp[pid[k]] = d;
                pdf[pid[k]]++;
            }
    }
    const double others = (double)(in->n_docs - 1);
    for (size_t i = 0; i < n; i++) {
        double st = 0.0, sp = 0.0;
        uint32_t nt = in->n_terms_of[i];
        for (uint32_t k = 0; k < nt; k++) {
            uint32_t t = in->terms[i][k];
            if (t < in->n_terms && tdf[t] > 0)
                st += (double)(tdf[t] - 1) / others;
        }
        for (size_t k = poff[i]; k < poff[i + 1]; k++)
            sp += (double)(pdf[pid[k]] - 1) / others;
        x[i * SAL_N_FEATURES + SAL_TERM_DF] = nt ? st / nt : 0.0;
        x[i * SAL_N_FEATURES + SAL_CONCEPT_DF] =
            poff[i + 1] > poff[i] ? sp / (double)(poff[i + 1] - poff[i]) : 0.0;
    }
    rc = 0;
done:
    strmap_free(pairs);
    free(tdf);
    free(tstamp);
    free(pid);
    free(pdf);
    free(pstamp);
    free(poff);
    free(order);
    free(dstart);
    return rc;
}

/* Lexicon features: the mean lexicon weight of the sentence's content
 * stems and the share of them with a positive weight. Each distinct term
 * is looked up once. */
static int sal_lexicon_features(const ch_rank_input *in, const sal_model *m, double *x) {
    if (!m || !m->lex || !in->vocab || !in->terms || !in->n_terms_of || in->n_terms == 0)
        return 0;
    double *w = malloc(in->n_terms * sizeof *w);
    unsigned char *known = calloc(in->n_terms, 1);
    if (!w || !known) {
        free(w);
        free(known);
        return -1;
    }
    for (size_t i = 0; i < in->n; i++) {
        double sum = 0.0;
        size_t pos = 0, nt = in->n_terms_of[i];
        for (size_t k = 0; k < nt; k++) {
            uint32_t t = in->terms[i][k];
            if (t >= in->n_terms)
                continue;
            if (!known[t]) {
                size_t kl;
                const char *key = strmap_key(in->vocab, t, &kl);
                w[t] = key ? sal_lexicon_weight(m, key, kl) : 0.0;
                known[t] = 1;
            }
            sum += w[t];
            pos += w[t] > 0.0;
        }
        x[i * SAL_N_FEATURES + SAL_LEX_MEAN] = nt ? sum / (double)nt : 0.0;
        x[i * SAL_N_FEATURES + SAL_LEX_POS] = nt ? (double)pos / (double)nt : 0.0;
    }
    free(w);
    free(known);
    return 0;
}

int sal_features(const ch_rank_input *in, const sal_model *m, double *x) {
    const size_t n = in->n;
    if (n == 0)
        return 0;
    memset(x, 0, n * SAL_N_FEATURES * sizeof *x);
    float *c = centroid_vector(in, 0);
    double *lr = malloc(n * sizeof *lr);
    uint32_t *doc_sents = calloc(in->n_docs ? in->n_docs : 1, sizeof *doc_sents);
    double *doc_words = calloc(in->n_docs ? in->n_docs : 1, sizeof *doc_words);
    int rc = -1;
    if (!c || !lr || !doc_sents || !doc_words || lexrank_scores(in, 0.0, lr) != 0 ||
        sal_support(in, x) != 0 || sal_df(in, x) != 0 || sal_lexicon_features(in, m, x) != 0)
        goto done;
    double max_c = 0.0, all_words = 0.0;
    for (size_t i = 0; i < n; i++) {
        double cs = centroid_dot(&in->vec[i], c);
        x[i * SAL_N_FEATURES + SAL_CENTROID] = cs;
        if (cs > max_c)
            max_c = cs;
        if (in->pos[i] + 1 > doc_sents[in->doc[i]])
            doc_sents[in->doc[i]] = in->pos[i] + 1;
        doc_words[in->doc[i]] += in->n_words[i];
        all_words += in->n_words[i];
    }
    for (size_t i = 0; i < n; i++) {
        double *r = &x[i * SAL_N_FEATURES];
        const double w = in->n_words[i], pos = in->pos[i], ds = doc_sents[in->doc[i]];
        r[SAL_CENTROID_REL] = max_c > 0 ? r[SAL_CENTROID] / max_c : 0.0;
        r[SAL_LEXRANK] = log(lr[i] > 1e-3 ? lr[i] : 1e-3);
        r[SAL_POS_INV] = 1.0 / (1.0 + pos);
        r[SAL_POS_FIRST] = in->pos[i] == 0;
        r[SAL_POS_REL] = ds > 1 ? pos / (ds - 1) : 0.0;
        r[SAL_POS_LAST] = ds > 1 && pos + 1 >= ds;
        r[SAL_LEN_LOG] = log1p(w);
        r[SAL_LEN_SHORT] = w < SAL_SHORT_WORDS;
        r[SAL_LEN_LONG] = w > SAL_LONG_WORDS;
        r[SAL_CONTENT_RATIO] =
            in->n_terms_of && w > 0 ? fmin(1.0, (double)in->n_terms_of[i] / w) : 0.0;
        r[SAL_DOC_SHARE] = all_words > 0 ? doc_words[in->doc[i]] / all_words : 0.0;
        r[SAL_HEADLINE] = in->flags && (in->flags[i] & SEG_HEADLINE) ? 1.0 : 0.0;
        r[SAL_SINGLE_DOC] = in->n_docs < 2;
        if (in->text)
            sal_text_features(in->text[i], in->text_len[i], r);
    }
    rc = 0;
done:
    free(c);
    free(lr);
    free(doc_sents);
    free(doc_words);
    return rc;
}

/* --------------------------------------------------------------- models */

static void sal_err(char *err, size_t errlen, size_t line, const char *what) {
    if (err && errlen)
        snprintf(err, errlen, "salience model line %zu: %s", line, what);
}

/* Checks the lexicon lines text[0..len): "stem weight", keys increasing in
 * byte order, finite weights. 'line' is the number of the line before. */
static int sal_check_lexicon(const char *text, size_t len, size_t line, char *err, size_t errlen) {
    const char *prev = NULL;
    size_t prev_len = 0, p = 0;
    while (p < len) {
        size_t e = p;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        size_t k = p;
        while (k < e && text[k] != ' ')
            k++;
        if (k == p || k == e || e - k > 40) {
            sal_err(err, errlen, line, "lexicon entries are 'stem weight'");
            return -1;
        }
        for (size_t i = p; i < k; i++)
            if ((unsigned char)text[i] <= ' ') {
                sal_err(err, errlen, line, "lexicon entries are 'stem weight'");
                return -1;
            }
        char num[48];
        size_t nl = e - k - 1;
        memcpy(num, text + k + 1, nl);
        num[nl] = '\0';
        char *end;
        errno = 0;
        double v = strtod(num, &end);
        if (end == num || (*end && *end != '\r') || errno == ERANGE || !isfinite(v)) {
            sal_err(err, errlen, line, "expected a stem and a finite number");
            return -1;
        }
        size_t kl = k - p;
        if (prev) {
            size_t mn = kl < prev_len ? kl : prev_len;
            int c = memcmp(prev, text + p, mn);
            if (c > 0 || (c == 0 && prev_len >= kl)) {
                sal_err(err, errlen, line, "lexicon stems must be unique and sorted (byte order)");
                return -1;
            }
        }
        prev = text + p;
        prev_len = kl;
        p = e < len ? e + 1 : e;
    }
    return 0;
}

double sal_lexicon_weight(const sal_model *m, const char *w, size_t n) {
    const char *d = m->lex;
    size_t lo = 0, hi = m->lex_len;
    while (d && lo < hi) {
        size_t mid = lo + (hi - lo) / 2, ls = mid;
        while (ls > lo && d[ls - 1] != '\n')
            ls--;
        size_t ke = ls, eol;
        while (ke < hi && d[ke] != ' ' && d[ke] != '\n')
            ke++;
        for (eol = ke; eol < hi && d[eol] != '\n';)
            eol++;
        size_t kl = ke - ls, mn = kl < n ? kl : n;
        int c = memcmp(d + ls, w, mn);
        if (c == 0)
            c = kl < n ? -1 : kl > n ? 1 : 0;
        if (c < 0) {
            lo = eol + 1;
        } else if (c > 0) {
            hi = ls;
        } else {
            char num[48];
            size_t nl = eol > ke ? eol - ke - 1 : 0;
            if (nl >= sizeof num)
                return 0.0;
            memcpy(num, d + ke + 1, nl);
            num[nl] = '\0';
            double v = strtod(num, NULL);
            return isfinite(v) ? v : 0.0;
        }
    }
    return 0.0;
}

int sal_model_parse(const char *text, size_t len, sal_model *m, int check_lexicon, char *err,
                    size_t errlen) {
    memset(m, 0, sizeof *m);
    unsigned char seen[SAL_N_FEATURES + 1] = {0};
    size_t line = 0, p = 0;
    int header = 0;
    char buf[256];
    while (p < len) {
        size_t e = p;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        size_t l = e - p;
        if (l >= sizeof buf) {
            sal_err(err, errlen, line, "line too long");
            return -1;
        }
        memcpy(buf, text + p, l);
        buf[l] = '\0';
        p = e < len ? e + 1 : e;
        char *s = buf;
        while (*s == ' ' || *s == '\t' || *s == '\r')
            s++;
        if (*s == '\0' || *s == '#')
            continue;
        char *name = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r')
            s++;
        size_t nl = (size_t)(s - name);
        while (*s == ' ' || *s == '\t')
            s++;
        if (!header) {
            if (nl != strlen(SAL_MODEL_MAGIC) || strncmp(name, SAL_MODEL_MAGIC, nl) != 0) {
                sal_err(err, errlen, line,
                        "not a chorus salience model (no 'chorus-salience' header)");
                return -1;
            }
            if (atoi(s) != SAL_MODEL_VERSION) {
                sal_err(err, errlen, line, "unsupported model version");
                return -1;
            }
            header = 1;
            continue;
        }
        if (nl == 7 && strncmp(name, "lexicon", 7) == 0 && *s == '\0') {
            /* the rest of the text is the lexicon */
            m->lex = text + p;
            m->lex_len = len - p;
            if (check_lexicon && sal_check_lexicon(m->lex, m->lex_len, line, err, errlen) != 0)
                return -1;
            break;
        }
        errno = 0;
        char *end;
        double v = strtod(s, &end);
        while (*end == ' ' || *end == '\t' || *end == '\r')
            end++;
        if (end == s || *end != '\0' || errno == ERANGE || !isfinite(v)) {
            sal_err(err, errlen, line, "expected a name and a finite number");
            return -1;
        }
        size_t k = SAL_N_FEATURES; /* the bias */
        if (!(nl == 4 && strncmp(name, "bias", 4) == 0)) {
            for (k = 0; k < SAL_N_FEATURES; k++)
                if (strlen(sal_names[k]) == nl && strncmp(name, sal_names[k], nl) == 0)
                    break;
            if (k == SAL_N_FEATURES) {
                sal_err(err, errlen, line, "unknown feature");
                return -1;
            }
        }
        if (seen[k]) {
            sal_err(err, errlen, line, "feature given twice");
            return -1;
        }
        seen[k] = 1;
        if (k == SAL_N_FEATURES)
            m->bias = v;
        else
            m->w[k] = v;
    }
    if (!header) {
        sal_err(err, errlen, line, "empty model");
        return -1;
    }
    for (size_t k = 0; k <= SAL_N_FEATURES; k++)
        if (!seen[k]) {
            char what[96];
            snprintf(what, sizeof what, "missing '%s'",
                     k == SAL_N_FEATURES ? "bias" : sal_names[k]);
            sal_err(err, errlen, line, what);
            return -1;
        }
    return 0;
}

int sal_model_default(sal_model *m) {
    return sal_model_parse((const char *)chorus_data_salience_model,
                           (size_t)chorus_data_salience_model_len, m, 0, NULL, 0);
}
