/*
 * bench/conflicts.c - accuracy of the conflict analysis.
 *
 *   bench_conflicts [-v] [FIXTURES_DIR [CLUSTERS_JSONL_GZ ...]]
 *
 * 1. On the project's hand-labelled clusters (default
 *    tests/fixtures/conflicts): per cluster and in total, recall of the
 *    labelled conflicts, precision of the flagged ones, false conflicts per
 *    cluster, and labelled non-conflicts that were flagged.
 * 2. On real clusters without labels (default
 *    ../shared/data/multinews-raw/train-sample.jsonl.gz and
 *    ../shared/data/duc2006/duc2006.jsonl.gz: one JSON object a line with a
 *    "documents" list of strings or of objects with a "text"): how many
 *    conflicts are flagged, in how many clusters; with -v every flagged
 *    conflict is printed with the sentence of each side, for inspection by
 *    eye.
 * Prints figures and never fails a test run (exit status 0 unless the
 * fixtures cannot be read).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <zlib.h>

#include "../tests/conflicts_labels.h"
#include "analyze/conflicts.h"
#include "chorus.h"
#include "core/cluster.h"

static double bench_conflicts_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Prints one conflict with the sentence of each side. */
static void bench_conflicts_print(const chorus_cluster *c, const ch_conflicts *cf,
                                  const ch_conflict *k) {
    printf("  CONFLICT %s [%s] score %.2f\n", conflicts_kind_name(k->kind), k->measure, k->score);
    for (size_t s = 0; s < k->n_sides; s++) {
        const ch_quantity *q = &cf->q[k->sides[s]];
        const ch_sentence *se = &c->sents[q->sent];
        const ch_doc *d = &c->docs[q->doc];
        int n = (int)(se->len > 300 ? 300 : se->len);
        printf("    report %u «%s»: %.*s\n", q->doc, q->text, n, d->text + se->off);
    }
}

static int bench_conflicts_fixtures(const char *root, int verbose) {
    static const char *const names[] = {"ferry-fire", "city-budget", "orbital-launch",
                                        "fraud-trial"};
    clab_score tot;
    memset(&tot, 0, sizeof tot);
    size_t clusters = 0, worst_false = 0;
    printf("== fixture clusters (%s)\n", root);
    printf("%-16s %9s %9s %8s %7s %9s\n", "cluster", "recall", "precision", "flagged", "false",
           "nonconf");
    for (size_t f = 0; f < sizeof names / sizeof names[0]; f++) {
        char dir[2048];
        snprintf(dir, sizeof dir, "%s/%s", root, names[f]);
        clab_set ls;
        if (clab_load(dir, &ls) != 0)
            return -1;
        chorus_cluster *c = clab_cluster(&ls);
        if (!c) {
            clab_free(&ls);
            return -1;
        }
        ch_arena *a = arena_new(0);
        ch_conflicts cf;
        if (!a || conflicts_analyze(c, a, &cf) != 0) {
            fprintf(stderr, "%s: analysis failed\n", names[f]);
            arena_free(a);
            chorus_cluster_free(c);
            clab_free(&ls);
            return -1;
        }
        clab_score sc;
        clab_score_conflicts(&ls, &cf, &sc);
        size_t fals = sc.flagged - sc.flagged_ok;
        printf("%-16s %4zu/%-4zu %4zu/%-4zu %8zu %7zu %4zu/%-4zu\n", names[f], sc.found,
               sc.labelled, sc.flagged_ok, sc.flagged, sc.flagged, fals, sc.nonconf_bad,
               sc.nonconf);
        if (verbose)
            for (size_t k = 0; k < cf.n; k++)
                bench_conflicts_print(c, &cf, &cf.c[k]);
        tot.labelled += sc.labelled;
        tot.found += sc.found;
        tot.flagged += sc.flagged;
        tot.flagged_ok += sc.flagged_ok;
        tot.nonconf += sc.nonconf;
        tot.nonconf_bad += sc.nonconf_bad;
        if (fals > worst_false)
            worst_false = fals;
        clusters++;
        arena_free(a);
        chorus_cluster_free(c);
        clab_free(&ls);
    }
    double r = tot.labelled ? (double)tot.found / tot.labelled : 0;
    double p = tot.flagged ? (double)tot.flagged_ok / tot.flagged : 1;
    printf(
        "total: recall %.3f (%zu/%zu), precision %.3f (%zu/%zu), false conflicts %.2f per cluster "
        "(worst %zu), non-conflicts flagged %zu/%zu\n",
        r, tot.found, tot.labelled, p, tot.flagged_ok, tot.flagged,
        clusters ? (double)(tot.flagged - tot.flagged_ok) / clusters : 0.0, worst_false,
        tot.nonconf_bad, tot.nonconf);
    return 0;
}

/* Reads one line of any length from a gz file; NULL at the end. */
static char *bench_conflicts_gzline(gzFile g, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    if (!b)
        return NULL;
    for (;;) {
        if (!gzgets(g, b + n, (int)(cap - n))) {
            if (n == 0) {
                free(b);
                return NULL;
            }
            break;
        }
        n += strlen(b + n);
        if (n > 0 && b[n - 1] == '\n')
            break;
        if (cap - n < 2) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
            cap *= 2;
        }
    }
    *len = n;
    return b;
}

static void bench_conflicts_real(const char *path, int verbose) {
    gzFile g = gzopen(path, "rb");
    if (!g) {
        printf("== real clusters: %s not found, skipped\n", path);
        return;
    }
    printf("== real clusters (%s)\n", path);
    size_t clusters = 0, docs = 0, flagged = 0, with = 0, figures = 0;
    size_t by_kind[CH_Q_NKINDS] = {0};
    double t0 = bench_conflicts_now();
    char *line;
    size_t len;
    while ((line = bench_conflicts_gzline(g, &len)) != NULL) {
        json_error_t err;
        json_t *o = json_loadb(line, len, 0, &err);
        free(line);
        json_t *ds = o ? json_object_get(o, "documents") : NULL;
        if (!json_is_array(ds)) {
            json_decref(o);
            continue;
        }
        chorus_cluster *c = chorus_cluster_new(NULL);
        for (size_t i = 0; c && i < json_array_size(ds); i++) {
            json_t *d = json_array_get(ds, i);
            if (json_is_object(d))
                d = json_object_get(d, "text"); /* {"docno", "headline", "text"} */
            const char *s = json_is_string(d) ? json_string_value(d) : NULL;
            if (s && chorus_cluster_add(c, s, json_string_length(d), NULL) == CHORUS_OK)
                docs++;
        }
        ch_arena *a = arena_new(0);
        ch_conflicts cf;
        if (c && a && chorus_cluster_size(c) > 0 && conflicts_analyze(c, a, &cf) == 0) {
            const char *id = json_string_value(json_object_get(o, "id"));
            clusters++;
            figures += cf.n_q;
            flagged += cf.n;
            with += cf.n > 0;
            for (size_t k = 0; k < cf.n; k++)
                by_kind[cf.c[k].kind]++;
            if (verbose && cf.n) {
                printf("cluster %s (%zu reports): %zu conflicts\n", id ? id : "?",
                       chorus_cluster_size(c), cf.n);
                for (size_t k = 0; k < cf.n; k++)
                    bench_conflicts_print(c, &cf, &cf.c[k]);
            }
        }
        arena_free(a);
        chorus_cluster_free(c);
        json_decref(o);
    }
    gzclose(g);
    double dt = bench_conflicts_now() - t0;
    printf("clusters %zu, reports %zu, figures %zu, conflicts flagged %zu in %zu clusters "
           "(%.2f per cluster), %.2f s\n",
           clusters, docs, figures, flagged, with, clusters ? (double)flagged / clusters : 0.0, dt);
    printf("by kind:");
    for (int k = 0; k < CH_Q_NKINDS; k++)
        if (by_kind[k])
            printf(" %s %zu", conflicts_kind_name((ch_qkind)k), by_kind[k]);
    printf("\n");
}

int main(int argc, char **argv) {
    int verbose = 0, ai = 1;
    if (ai < argc && strcmp(argv[ai], "-v") == 0) {
        verbose = 1;
        ai++;
    }
    const char *fixtures = ai < argc ? argv[ai++] : "tests/fixtures/conflicts";
    if (bench_conflicts_fixtures(fixtures, verbose) != 0) {
        fprintf(stderr,
                "cannot read the fixtures under %s (run from the source tree or pass the "
                "directory)\n",
                fixtures);
        return 1;
    }
    if (ai < argc) {
        for (; ai < argc; ai++)
            bench_conflicts_real(argv[ai], verbose);
    } else {
        bench_conflicts_real("../shared/data/multinews-raw/train-sample.jsonl.gz", verbose);
        bench_conflicts_real("../shared/data/duc2006/duc2006.jsonl.gz", verbose);
    }
    return 0;
}
