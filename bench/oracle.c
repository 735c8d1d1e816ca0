/*
 * oracle.c - the extractive ceiling: for every cluster of a benchmark, the
 * sentences a greedy search picks when it may look at the reference
 * summaries, scored like `chorus eval` scores a system.
 *
 * Sentences are the summarizer's own (the cluster's sentences after
 * cleaning and splitting, see core/cluster.h), so the ceiling is that of
 * any selection chorus could make. Each is read the way ROUGE-1.5.5 reads
 * a text (lower case, its tokenizer, Porter stemming with the WordNet
 * exceptions when -m is on; rouge_text_read), and its bigrams are counted.
 *
 * Greedy search for ROUGE-2 hits: with -f A the hits of a summary are
 * sum_r sum_g min(count(g), count_r(g)) over the references r and bigrams
 * g, so the gain of adding a sentence is computed exactly from the running
 * counts. Each round adds the sentence with the largest gain among those
 * that fit the word budget (ties: fewer words, then input order); when
 * none with a positive gain fits, the sentence whose first words (as many
 * as the budget has left) gain most is added, cut, and the search stops.
 * Bigrams that straddle two summary sentences are left out of the search
 * (ROUGE counts them; they are few and rarely match).
 *
 * The summaries are then scored with chorus_rouge exactly as `chorus eval`
 * does (same flags, -l from --words), and the table is printed.
 *
 * usage: bench_oracle [--words N] [--rouge-flags F] [--limit N] [--dump FILE] DATASET...
 * --dump writes one line per sentence: cluster number, reports, report,
 * position, words, SEG_* flags, oracle rank (0: not picked), its ROUGE-2
 * hits alone, its text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "core/cluster.h"
#include "eval/rouge.h"
#include "util/buf.h"
#include "util/strmap.h"
#include "util/vec.h"

#define ORACLE_FLAGS "-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0"

typedef struct oracle_sent {
    uint32_t *bg; /* (n_bg) ids of its bigrams in the reference map, or
                     UINT32_MAX for a bigram no reference has */
    size_t n_bg;
    uint32_t words;
} oracle_sent;

/* Gain in hits of adding bigrams bg[0..n) given the running counts. */
static double oracle_gain(const uint32_t *bg, size_t n, const uint32_t *cnt, uint32_t *tmp,
                          const uint32_t *const *ref_cnt, size_t n_refs) {
    double g = 0.0;
    for (size_t k = 0; k < n; k++) {
        uint32_t b = bg[k];
        if (b == UINT32_MAX)
            continue;
        uint32_t c = cnt[b] + tmp[b]; /* count before this occurrence */
        for (size_t r = 0; r < n_refs; r++)
            if (c < ref_cnt[r][b])
                g += 1.0;
        tmp[b]++;
    }
    for (size_t k = 0; k < n; k++)
        if (bg[k] != UINT32_MAX)
            tmp[bg[k]] = 0;
    return g;
}

/* Reads text into bigram ids (adding to the map when 'add'). */
static int oracle_bigrams(rouge_vocab *v, rouge_text *t, ch_strmap *m, const char *text, size_t len,
                          size_t max_words, int add, uint32_t **out, size_t *n) {
    *n = 0;
    *out = NULL;
    if (rouge_text_read(v, t, text, len, max_words, 0, 0) != 0)
        return -1;
    size_t cap = 0;
    for (size_t k = 0; k + 1 < t->n_flat; k++) {
        uint32_t id = strmap_pair(m, t->flat[k], t->flat[k + 1], add);
        if (add && id == STRMAP_NONE)
            return -1;
        if (VEC_PUSH(*out, *n, cap, id == STRMAP_NONE ? UINT32_MAX : id) != 0)
            return -1;
    }
    return 0;
}

/* The oracle summary of one cluster (one sentence per line) into 'peer'. */
static int oracle_cluster(const chorus_input *in, rouge_vocab *v, size_t budget, ch_buf *peer,
                          FILE *dump, size_t index) {
    int rc = -1;
    buf_clear(peer);
    chorus_cluster *c = chorus_cluster_new(NULL);
    if (!c)
        return -1;
    for (size_t i = 0; i < in->n_docs; i++)
        (void)chorus_cluster_add(c, in->docs[i].text, in->docs[i].len, &in->docs[i].meta);
    ch_strmap *m = strmap_new();
    rouge_text t;
    memset(&t, 0, sizeof t);
    uint32_t **ref_cnt = calloc(in->n_refs ? in->n_refs : 1, sizeof *ref_cnt);
    oracle_sent *s = calloc(c->n_sents ? c->n_sents : 1, sizeof *s);
    uint32_t *cnt = NULL, *tmp = NULL;
    unsigned char *used = calloc(c->n_sents ? c->n_sents : 1, 1);
    if (!m || !ref_cnt || !s || !used)
        goto out;
    /* reference bigrams: the map holds exactly these */
    for (size_t r = 0; r < in->n_refs; r++) {
        uint32_t *bg;
        size_t n;
        if (oracle_bigrams(v, &t, m, in->refs[r], strlen(in->refs[r]), 0, 1, &bg, &n) != 0)
            goto out;
        free(bg);
    }
    size_t nb = strmap_count(m);
    cnt = calloc(nb ? nb : 1, sizeof *cnt);
    tmp = calloc(nb ? nb : 1, sizeof *tmp);
    if (!cnt || !tmp)
        goto out;
    for (size_t r = 0; r < in->n_refs; r++) {
        uint32_t *bg;
        size_t n;
        if (!(ref_cnt[r] = calloc(nb ? nb : 1, sizeof **ref_cnt)) ||
            oracle_bigrams(v, &t, m, in->refs[r], strlen(in->refs[r]), 0, 0, &bg, &n) != 0)
            goto out;
        for (size_t k = 0; k < n; k++)
            ref_cnt[r][bg[k]]++;
        free(bg);
    }
    for (size_t i = 0; i < c->n_sents; i++) {
        const ch_sentence *st = &c->sents[i];
        if (oracle_bigrams(v, &t, m, c->docs[st->doc].text + st->off, st->len, 0, 0, &s[i].bg,
                           &s[i].n_bg) != 0)
            goto out;
        s[i].words = st->n_words;
    }
    size_t left = budget, rank = 0;
    uint32_t *picked = calloc(c->n_sents ? c->n_sents : 1, sizeof *picked);
    if (!picked)
        goto out;
    for (;;) {
        size_t best = SIZE_MAX;
        double bg = 0.0;
        for (size_t i = 0; i < c->n_sents; i++) {
            if (used[i] || s[i].words > left || s[i].words == 0)
                continue;
            double g = oracle_gain(s[i].bg, s[i].n_bg, cnt, tmp, (const uint32_t *const *)ref_cnt,
                                   in->n_refs);
            if (g > bg || (g == bg && g > 0 && s[i].words < s[best].words)) {
                best = i;
                bg = g;
            }
        }
        int cut = 0;
        if (best == SIZE_MAX && left > 0) {
            /* the best opening of a sentence that does not fit */
            for (size_t i = 0; i < c->n_sents; i++) {
                if (used[i] || s[i].words <= left)
                    continue;
                const ch_sentence *st = &c->sents[i];
                uint32_t *b;
                size_t n;
                if (oracle_bigrams(v, &t, m, c->docs[st->doc].text + st->off, st->len, left, 0, &b,
                                   &n) != 0)
                    goto out;
                double g =
                    oracle_gain(b, n, cnt, tmp, (const uint32_t *const *)ref_cnt, in->n_refs);
                free(b);
                if (g > bg) {
                    best = i;
                    bg = g;
                }
            }
            cut = 1;
        }
        if (best == SIZE_MAX)
            break;
        used[best] = 1;
        picked[best] = (uint32_t)++rank;
        for (size_t k = 0; k < s[best].n_bg; k++)
            if (s[best].bg[k] != UINT32_MAX)
                cnt[s[best].bg[k]]++;
        const ch_sentence *st = &c->sents[best];
        const char *text = c->docs[st->doc].text + st->off;
        for (size_t k = 0; k < st->len; k++)
            if (buf_append(peer, text[k] == '\n' ? " " : text + k, 1) != 0)
                goto out;
        if (buf_append(peer, "\n", 1) != 0)
            goto out;
        if (cut)
            break;
        left -= s[best].words;
    }
    /* per sentence: cluster, reports, report, position, words, flags,
     * oracle rank (0: not picked), hits alone, the text */
    for (size_t i = 0; dump && i < c->n_sents; i++) {
        const ch_sentence *st = &c->sents[i];
        memset(cnt, 0, (nb ? nb : 1) * sizeof *cnt);
        double g =
            oracle_gain(s[i].bg, s[i].n_bg, cnt, tmp, (const uint32_t *const *)ref_cnt, in->n_refs);
        fprintf(dump, "%zu\t%zu\t%u\t%u\t%u\t%u\t%u\t%g\t", index, c->n_docs, st->doc, st->pos,
                st->n_words, st->flags, picked[i], g);
        const char *text = c->docs[st->doc].text + st->off;
        for (size_t k = 0; k < st->len; k++)
            fputc(text[k] == '\n' || text[k] == '\t' ? ' ' : text[k], dump);
        fputc('\n', dump);
    }
    free(picked);
    rc = 0;
out:
    for (size_t r = 0; ref_cnt && r < in->n_refs; r++)
        free(ref_cnt[r]);
    free(ref_cnt);
    for (size_t i = 0; s && i < c->n_sents; i++)
        free(s[i].bg);
    free(s);
    free(cnt);
    free(tmp);
    free(used);
    rouge_text_free(&t);
    strmap_free(m);
    chorus_cluster_free(c);
    return rc;
}

int main(int argc, char **argv) {
    size_t words = 100, limit = 0;
    const char *flags = ORACLE_FLAGS;
    FILE *dump = NULL;
    int a = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1] == '-'; a += 2) {
        if (a + 1 >= argc)
            break;
        if (!strcmp(argv[a], "--words"))
            words = strtoul(argv[a + 1], NULL, 10);
        else if (!strcmp(argv[a], "--limit"))
            limit = strtoul(argv[a + 1], NULL, 10);
        else if (!strcmp(argv[a], "--rouge-flags"))
            flags = argv[a + 1];
        else if (!strcmp(argv[a], "--dump")) {
            if (!(dump = fopen(argv[a + 1], "w"))) {
                perror(argv[a + 1]);
                return 1;
            }
        } else
            break;
    }
    if (a >= argc) {
        fprintf(stderr,
                "usage: bench_oracle [--words N] [--rouge-flags F] [--limit N] [--dump FILE] "
                "DATASET...\n");
        return 2;
    }
    char err[512];
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    if (chorus_rouge_config_parse(&cfg, flags, err, sizeof err) != CHORUS_OK) {
        fprintf(stderr, "bench_oracle: --rouge-flags: %s\n", err);
        return 2;
    }
    cfg.max_words = words;
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    if (!lex || (cfg.stem &&
                 chorus_rouge_lexicon_load_wordnet(lex, CHORUS_ROUGE_WORDNET_DIR) != CHORUS_OK)) {
        fprintf(stderr, "bench_oracle: cannot load the WordNet exception lists\n");
        chorus_rouge_lexicon_free(lex);
        return 1;
    }
    cfg.lexicon = lex;
    chorus_status st;
    chorus_rouge *rouge = chorus_rouge_new(&cfg, &st, err, sizeof err);
    chorus_reader *rd = chorus_reader_open((const char *const *)argv + a, (size_t)(argc - a),
                                           CHORUS_FORMAT_AUTO, &st, err, sizeof err);
    rouge_vocab v;
    int vok = rouge_vocab_init(&v, cfg.stem, 0, lex) == 0;
    if (!rouge || !rd || !vok) {
        fprintf(stderr, "bench_oracle: %s\n", rd ? "out of memory" : err);
        return 1;
    }
    ch_buf peer = {0};
    size_t n = 0;
    for (;;) {
        const chorus_input *in = NULL;
        st = chorus_reader_next(rd, &in);
        if (st != CHORUS_OK)
            continue;
        if (!in || (limit && n >= limit))
            break;
        if (!in->n_refs || oracle_cluster(in, &v, words, &peer, dump, n + 1) != 0)
            continue;
        char **refs = calloc(in->n_refs, sizeof *refs);
        size_t *lens = calloc(in->n_refs, sizeof *lens);
        for (size_t r = 0; refs && lens && r < in->n_refs; r++)
            refs[r] = chorus_split_sentences(in->refs[r], strlen(in->refs[r]), &lens[r]);
        char id[64];
        snprintf(id, sizeof id, "c%zu", n + 1);
        if (refs && lens &&
            chorus_rouge_add(rouge, id, peer.data ? peer.data : "", peer.len,
                             (const char *const *)refs, lens, in->n_refs) == CHORUS_OK)
            n++;
        for (size_t r = 0; refs && r < in->n_refs; r++)
            free(refs[r]);
        free(refs);
        free(lens);
    }
    char *used = chorus_rouge_config_flags(&cfg);
    printf("%zu clusters, greedy ROUGE-2 oracle; ROUGE-1.5.5 flags: %s\n\n", n, used ? used : "");
    printf("%-12s %9s %9s %9s\n", "metric", "recall", "precision", "F1");
    for (size_t k = 0; k < chorus_rouge_metric_count(rouge); k++) {
        chorus_rouge_average avg;
        if (chorus_rouge_average_of(rouge, k, &avg) == CHORUS_OK)
            printf("%-12s %9.5f %9.5f %9.5f\n", chorus_rouge_metric_name(rouge, k), avg.recall,
                   avg.precision, avg.f);
    }
    free(used);
    if (dump)
        fclose(dump);
    buf_free(&peer);
    rouge_vocab_free(&v);
    chorus_reader_free(rd);
    chorus_rouge_free(rouge);
    chorus_rouge_lexicon_free(lex);
    return 0;
}
