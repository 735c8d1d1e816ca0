/*
 * bench/rouge.c - how fast chorus scores ROUGE on a whole benchmark.
 *
 * Scores every cluster of the Multi-News validation split (5,622
 * clusters): the peer is the first 300 words of the cluster's documents
 * joined together, the reference its human summary; texts are split into
 * sentences at ". " for ROUGE-L. Metrics: ROUGE-1, ROUGE-2, ROUGE-L and
 * ROUGE-SU4 with stemming (ROUGE-1.5.5's -n 2 -m -2 4 -u), no resampling.
 * The .jsonl.gz file is read and parsed first; scoring is timed alone,
 * then the averages with ROUGE-1.5.5's 1,000 bootstrap samples.
 *
 * usage: bench_rouge [val.jsonl.gz] [wordnet-dir]
 * Defaults: ../shared/data/multinews-val/val.jsonl.gz beside the source
 * tree, and Debian's WordNet directory. Prints evaluations per second and
 * the averages; never fails a test run (exit 0 when the data is absent).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "chorus.h"

typedef struct rbench_pair {
    char *peer, *ref;
    size_t peer_len, ref_len;
} rbench_pair;

static double rbench_now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Copies 's' with ". " turned into ".\n" (sentence per line) and, when
 * max_words > 0, only its first max_words words. */
static char *rbench_lines(const char *s, size_t max_words, size_t *len) {
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0, words = 0;
    int in_word = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) {
            if (max_words > 0 && words == max_words)
                break;
            words++;
        }
        in_word = !space;
        if (c == ' ' && i > 0 && s[i - 1] == '.')
            c = '\n';
        else if (c == '\n' || c == '\r' || c == '\t')
            c = ' ';
        out[o++] = c;
    }
    out[o] = '\0';
    *len = o;
    return out;
}

static int rbench_load(const char *path, rbench_pair **pairs, size_t *n) {
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return -1;
    size_t cap = 0, cnt = 0, lcap = 1 << 20;
    rbench_pair *p = NULL;
    char *line = malloc(lcap);
    while (line) {
        size_t len = 0;
        int eof = 0;
        for (;;) {
            if (!gzgets(gz, line + len, (int)(lcap - len))) {
                eof = 1;
                break;
            }
            len += strlen(line + len);
            if (len > 0 && line[len - 1] == '\n')
                break;
            char *nl = realloc(line, lcap * 2);
            if (!nl) {
                eof = 1;
                break;
            }
            line = nl;
            lcap *= 2;
        }
        if (eof && len == 0)
            break;
        json_error_t err;
        json_t *doc = json_loadb(line, len, 0, &err);
        if (!doc)
            continue;
        json_t *docs = json_object_get(doc, "documents");
        const char *summary = json_string_value(json_object_get(doc, "summary"));
        if (json_is_array(docs) && summary) {
            size_t total = 1;
            for (size_t i = 0; i < json_array_size(docs); i++) {
                const char *d = json_string_value(json_array_get(docs, i));
                total += d ? strlen(d) + 1 : 0;
            }
            char *joined = malloc(total);
            if (joined) {
                joined[0] = '\0';
                for (size_t i = 0; i < json_array_size(docs); i++) {
                    const char *d = json_string_value(json_array_get(docs, i));
                    if (!d)
                        continue;
                    strcat(joined, d);
                    strcat(joined, " ");
                }
                if (cnt == cap) {
                    cap = cap ? cap * 2 : 1024;
                    rbench_pair *np = realloc(p, cap * sizeof *np);
                    if (!np) {
                        free(joined);
                        json_decref(doc);
                        break;
                    }
                    p = np;
                }
                p[cnt].peer = rbench_lines(joined, 300, &p[cnt].peer_len);
                p[cnt].ref = rbench_lines(summary, 0, &p[cnt].ref_len);
                if (p[cnt].peer && p[cnt].ref)
                    cnt++;
                free(joined);
            }
        }
        json_decref(doc);
        if (eof)
            break;
    }
    free(line);
    gzclose(gz);
    *pairs = p;
    *n = cnt;
    return 0;
}

int main(int argc, char **argv) {
    /* default: the shared data beside the source tree this file is in */
    char def[4096];
    snprintf(def, sizeof def, "%s", __FILE__);
    char *cut = strstr(def, "bench/rouge.c");
    if (cut)
        snprintf(cut, sizeof def - (size_t)(cut - def),
                 "../shared/data/multinews-val/val.jsonl.gz");
    else
        snprintf(def, sizeof def, "../shared/data/multinews-val/val.jsonl.gz");
    const char *path = argc > 1 ? argv[1] : def;
    const char *wn = argc > 2 ? argv[2] : CHORUS_ROUGE_WORDNET_DIR;

    rbench_pair *pairs = NULL;
    size_t n = 0;
    double t0 = rbench_now();
    if (rbench_load(path, &pairs, &n) != 0 || n == 0) {
        printf("bench_rouge: cannot read %s; nothing measured\n", path);
        return 0;
    }
    double t1 = rbench_now();

    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    if (!lex || chorus_rouge_lexicon_load_wordnet(lex, wn) != CHORUS_OK)
        printf("bench_rouge: no WordNet lists in %s; Porter only\n", wn);
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    chorus_rouge_config_parse(&cfg, "-n 2 -m -2 4 -u -r 1000", NULL, 0);
    cfg.lexicon = lex;
    chorus_status st;
    chorus_rouge *r = chorus_rouge_new(&cfg, &st, NULL, 0);
    if (!r) {
        printf("bench_rouge: %s\n", chorus_status_str(st));
        return 0;
    }
    double t2 = rbench_now();
    clock_t c2 = clock();
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "val-%zu", i);
        const char *refs[1] = {pairs[i].ref};
        size_t lens[1] = {pairs[i].ref_len};
        if (chorus_rouge_add(r, id, pairs[i].peer, pairs[i].peer_len, refs, lens, 1) != CHORUS_OK)
            printf("bench_rouge: %s: %s\n", id, chorus_rouge_errmsg(r));
    }
    double t3 = rbench_now();
    double cpu = (double)(clock() - c2) / CLOCKS_PER_SEC;
    printf("read and parse %zu clusters: %.2f s\n", n, t1 - t0);
    printf("score %zu evaluations (ROUGE-1, -2, -L, -SU4, stemmed): %.3f s (CPU %.3f s), "
           "%.0f evaluations/s\n",
           chorus_rouge_size(r), t3 - t2, cpu, (double)chorus_rouge_size(r) / (t3 - t2));
    double t4 = rbench_now();
    chorus_rouge_average avg[8];
    size_t nm = chorus_rouge_metric_count(r);
    for (size_t m = 0; m < nm && m < 8; m++)
        if (chorus_rouge_average_of(r, m, &avg[m]) != CHORUS_OK)
            memset(&avg[m], 0, sizeof avg[m]);
    double t5 = rbench_now();
    printf("averages with 1000 bootstrap samples, %zu metrics: %.3f s\n", nm, t5 - t4);
    for (size_t m = 0; m < nm && m < 8; m++)
        printf("  %-10s R %.5f  P %.5f  F %.5f  (F %.5f - %.5f)\n", chorus_rouge_metric_name(r, m),
               avg[m].recall, avg[m].precision, avg[m].f, avg[m].f_ci[0], avg[m].f_ci[1]);
    chorus_rouge_free(r);
    chorus_rouge_lexicon_free(lex);
    for (size_t i = 0; i < n; i++) {
        free(pairs[i].peer);
        free(pairs[i].ref);
    }
    free(pairs);
    return 0;
}
