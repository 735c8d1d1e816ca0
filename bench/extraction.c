/*
 * extraction.c - article extraction benchmark: chorus against seven
 * published extractors on the pages of the article-extraction benchmark.
 *
 *   bench_extraction [DIR] [-v] [--repeat N] [--dump OUTDIR] [--only ID]
 *
 * DIR (default ../shared/data/article-extraction) holds html/<id>.html.gz,
 * ground-truth.json ({id: {"articleBody", "url"}}) and peer-outputs.json
 * ({system: {id: text}}). Every page is extracted with
 * chorus_article_extract() (given the page's URL) and scored with the
 * benchmark's metric, which this file reproduces exactly:
 *
 *   - tokens are runs of word characters as Python's \w matches them in
 *     Unicode strings: letters (L*), numbers (N*) and '_';
 *   - a text is the multiset of its 4-token shingles (a text of 1-3 tokens
 *     is one shingle of all its tokens, an empty text none);
 *   - per page, tp = sum of min(count in truth, count in output), fp and fn
 *     the excesses on either side;
 *   - precision is averaged over the pages where tp + fp > 0, recall over
 *     those where tp + fn > 0, and F1 is computed from the two averages.
 *
 * The peers' outputs go through the same code, so the table shows whether
 * the metric reproduces their published F1 (trafilatura 0.960,
 * readability.js 0.945, ...). Speed counts only the extraction calls
 * (decompression and file reading excluded), over --repeat rounds, in
 * CPU time of this process (one thread: one core) and in wall-clock time.
 * Shingles are compared by 64-bit hashes of their tokens.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>
#include <utf8proc.h>
#include <zlib.h>

#include "chorus.h"

/* ------------------------------------------------------------- metric */

typedef struct bx_counts {
    double tp, fp, fn;
} bx_counts;

static int bx_is_word(utf8proc_int32_t c) {
    if (c == '_')
        return 1;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

/* Hashes of the \w+ tokens of s (malloc'd, count in *n). */
static uint64_t *bx_tokens(const char *s, size_t len, size_t *n) {
    size_t cap = 64, k = 0;
    uint64_t *t = malloc(cap * sizeof *t);
    if (!t)
        return NULL;
    uint64_t h = 0;
    int in = 0;
    size_t i = 0;
    while (i <= len) {
        utf8proc_int32_t c = -1;
        utf8proc_ssize_t l = 1;
        if (i < len) {
            l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
            if (l <= 0) {
                l = 1;
                c = 0xFFFD;
            }
        }
        int w = i < len && bx_is_word(c);
        if (w) {
            if (!in)
                h = 1469598103934665603ULL;
            for (utf8proc_ssize_t b = 0; b < l; b++) {
                h ^= (unsigned char)s[i + (size_t)b];
                h *= 1099511628211ULL;
            }
            in = 1;
        } else if (in) {
            if (k == cap) {
                uint64_t *nt = realloc(t, 2 * cap * sizeof *t);
                if (!nt) {
                    free(t);
                    return NULL;
                }
                t = nt;
                cap *= 2;
            }
            t[k++] = h ^ (h >> 29);
            in = 0;
        }
        i += (size_t)l;
    }
    *n = k;
    return t;
}

static int bx_cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted shingle hashes of s. */
static uint64_t *bx_shingles(const char *s, size_t len, size_t *n) {
    size_t nt;
    uint64_t *t = bx_tokens(s, len, &nt);
    if (!t)
        return NULL;
    size_t ns = nt == 0 ? 0 : (nt < 4 ? 1 : nt - 3);
    uint64_t *sh = malloc((ns ? ns : 1) * sizeof *sh);
    if (!sh) {
        free(t);
        return NULL;
    }
    for (size_t i = 0; i < ns; i++) {
        uint64_t h = 0x9E3779B97F4A7C15ULL;
        size_t m = nt < 4 ? nt : 4;
        for (size_t j = 0; j < m; j++)
            h = (h ^ t[i + j]) * 0xBF58476D1CE4E5B9ULL + (uint64_t)(j + 1);
        sh[i] = h;
    }
    free(t);
    qsort(sh, ns, sizeof *sh, bx_cmp_u64);
    *n = ns;
    return sh;
}

static int bx_score(const char *truth, const char *pred, bx_counts *c) {
    size_t nt, np;
    uint64_t *a = bx_shingles(truth, strlen(truth), &nt);
    uint64_t *b = bx_shingles(pred, strlen(pred), &np);
    if (!a || !b) {
        free(a);
        free(b);
        return -1;
    }
    double tp = 0, fp = 0, fn = 0;
    size_t i = 0, j = 0;
    while (i < nt || j < np) {
        uint64_t key = i < nt && (j >= np || a[i] <= b[j]) ? a[i] : b[j];
        size_t ca = 0, cb = 0;
        while (i < nt && a[i] == key)
            i++, ca++;
        while (j < np && b[j] == key)
            j++, cb++;
        tp += (double)(ca < cb ? ca : cb);
        if (cb > ca)
            fp += (double)(cb - ca);
        else
            fn += (double)(ca - cb);
    }
    free(a);
    free(b);
    double s = tp + fp + fn;
    if (s > 0)
        tp /= s, fp /= s, fn /= s;
    c->tp = tp;
    c->fp = fp;
    c->fn = fn;
    return 0;
}

typedef struct bx_total {
    double psum, rsum;
    size_t pn, rn;
} bx_total;

static void bx_add(bx_total *t, const bx_counts *c) {
    if (c->tp + c->fp > 0) {
        t->psum += c->tp / (c->tp + c->fp);
        t->pn++;
    }
    if (c->tp + c->fn > 0) {
        t->rsum += c->tp / (c->tp + c->fn);
        t->rn++;
    }
}

static void bx_prf(const bx_total *t, double *p, double *r, double *f) {
    *p = t->pn ? t->psum / (double)t->pn : 0;
    *r = t->rn ? t->rsum / (double)t->rn : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* --------------------------------------------------------------- files */

static char *bx_gunzip(const char *path, size_t *len) {
    gzFile g = gzopen(path, "rb");
    if (!g)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    while (b) {
        if (cap - n < 4096) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
        int r = gzread(g, b + n, (unsigned)(cap - n - 1));
        if (r < 0) {
            free(b);
            b = NULL;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    gzclose(g);
    if (b) {
        b[n] = '\0';
        *len = n;
    }
    return b;
}

static double bx_clock(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int bx_cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct bx_peer {
    const char *name;
    bx_total t;
    double p, r, f;
} bx_peer;

static int bx_cmp_peer(const void *a, const void *b) {
    double x = ((const bx_peer *)a)->f, y = ((const bx_peer *)b)->f;
    return x < y ? 1 : x > y ? -1 : 0;
}

int main(int argc, char **argv) {
    const char *dir = "../shared/data/article-extraction";
    const char *dump = NULL, *only = NULL;
    int verbose = 0, repeat = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dump") && i + 1 < argc)
            dump = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: %s [DIR] [-v] [--repeat N] [--dump OUTDIR] [--only ID]\n",
                    argv[0]);
            return 2;
        } else
            dir = argv[i];
    }
    if (repeat < 1)
        repeat = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    json_error_t jerr;
    json_t *truth = json_load_file(path, 0, &jerr);
    if (!truth) {
        fprintf(stderr, "bench_extraction: cannot read %s: %s\n", path, jerr.text);
        return 1;
    }
    snprintf(path, sizeof path, "%s/peer-outputs.json", dir);
    json_t *peers = json_load_file(path, 0, &jerr);
    if (!peers)
        fprintf(stderr, "bench_extraction: no peer outputs (%s): %s\n", path, jerr.text);

    size_t n_ids = json_object_size(truth), k = 0;
    const char **ids = malloc((n_ids ? n_ids : 1) * sizeof *ids);
    const char *key;
    json_t *val;
    json_object_foreach(truth, key, val) ids[k++] = key;
    qsort(ids, n_ids, sizeof *ids, bx_cmp_str);

    size_t n_peers = peers ? json_object_size(peers) : 0;
    bx_peer *pe = calloc(n_peers ? n_peers : 1, sizeof *pe);
    k = 0;
    if (peers)
        json_object_foreach(peers, key, val) pe[k++].name = key;

    bx_total mine = {0};
    double secs = 0, cpu = 0, bytes = 0;
    size_t pages = 0, failed = 0;
    for (size_t i = 0; i < n_ids; i++) {
        if (only && strcmp(only, ids[i]))
            continue;
        json_t *gt = json_object_get(truth, ids[i]);
        const char *body = json_string_value(json_object_get(gt, "articleBody"));
        const char *url = json_string_value(json_object_get(gt, "url"));
        if (!body)
            body = "";
        snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, ids[i]);
        size_t len = 0;
        char *html = bx_gunzip(path, &len);
        if (!html) {
            fprintf(stderr, "bench_extraction: cannot read %s\n", path);
            failed++;
            continue;
        }
        chorus_article *a = NULL;
        chorus_status st = CHORUS_OK;
        char err[256];
        double t0 = bx_clock(CLOCK_MONOTONIC), c0 = bx_clock(CLOCK_PROCESS_CPUTIME_ID);
        for (int r = 0; r < repeat; r++) {
            chorus_article_free(a);
            a = chorus_article_extract(html, len, url, &st, err, sizeof err);
        }
        cpu += bx_clock(CLOCK_PROCESS_CPUTIME_ID) - c0;
        secs += bx_clock(CLOCK_MONOTONIC) - t0;
        bytes += (double)len * repeat;
        pages += (size_t)repeat;
        const char *text = a ? chorus_article_text(a, NULL) : "";
        if (!a) {
            fprintf(stderr, "bench_extraction: %s: %s\n", ids[i], err);
            failed++;
        }
        bx_counts c;
        if (bx_score(body, text, &c) == 0) {
            bx_add(&mine, &c);
            if (verbose) {
                double p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
                double r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
                printf("%s  P %.3f  R %.3f  F %.3f  %s\n", ids[i], p, r,
                       p + r > 0 ? 2 * p * r / (p + r) : 0, url ? url : "");
            }
        }
        if (dump && a) {
            snprintf(path, sizeof path, "%s/%s.txt", dump, ids[i]);
            FILE *f = fopen(path, "wb");
            if (f) {
                fprintf(f, "%s", text);
                fclose(f);
            }
        }
        for (size_t p = 0; p < n_peers; p++) {
            const char *out =
                json_string_value(json_object_get(json_object_get(peers, pe[p].name), ids[i]));
            if (bx_score(body, out ? out : "", &c) == 0)
                bx_add(&pe[p].t, &c);
        }
        chorus_article_free(a);
        free(html);
    }

    double p, r, f;
    bx_prf(&mine, &p, &r, &f);
    for (size_t i = 0; i < n_peers; i++)
        bx_prf(&pe[i].t, &pe[i].p, &pe[i].r, &pe[i].f);
    qsort(pe, n_peers, sizeof *pe, bx_cmp_peer);
    printf("article extraction: %zu pages from %s\n", pages / (size_t)repeat, dir);
    printf("%-16s %9s %9s %9s\n", "system", "precision", "recall", "F1");
    printf("%-16s %9.3f %9.3f %9.3f\n", "chorus", p, r, f);
    for (size_t i = 0; i < n_peers; i++)
        printf("%-16s %9.3f %9.3f %9.3f\n", pe[i].name, pe[i].p, pe[i].r, pe[i].f);
    if (cpu > 0 && secs > 0)
        printf("speed (CPU time, one core): %.1f pages/s, %.1f MB/s; wall clock: %.1f pages/s "
               "(%zu extractions, %.1f MB of HTML, %.3f s CPU)\n",
               (double)pages / cpu, bytes / cpu / 1e6, (double)pages / secs, pages, bytes / 1e6,
               cpu);
    if (failed)
        printf("failed: %zu pages\n", failed);
    free(ids);
    free(pe);
    json_decref(truth);
    json_decref(peers);
    return 0;
}
