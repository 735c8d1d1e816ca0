/*
 * bench/quotes.c - accuracy of quotation finding, speaker attribution and
 * cross-report grouping on the hand-labelled fixture clusters, and a
 * survey of what the same stages find in any other input.
 *
 *   bench_quotes [FIXTURE_DIR]        score tests/fixtures/quotes/<cluster>/
 *                                     (default: tests/fixtures/quotes)
 *   bench_quotes --scan PATH...       read clusters (any chorus input
 *                                     format, gzip allowed) and print counts:
 *                                     quotations, kinds, speakers, groups
 *   bench_quotes --scan -v PATH...    the same, listing each quotation
 *
 * Each fixture cluster is read through the public pipeline
 * (chorus_cluster_new / chorus_cluster_add: repair, cleaning, sentences)
 * and then quotes_analyze(); labels and scores are those of
 * tests/quotes_eval.h. The program prints figures and never fails a run:
 * it exits 0 unless the input cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/quotes_eval.h"
#include "analyze/quotes.h"
#include "chorus.h"
#include "core/cluster.h"

static char *bq_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(b, cap + 1);
            if (!nb) {
                free(b);
                fclose(f);
                return NULL;
            }
            b = nb;
        }
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    b[n] = '\0';
    *len = n;
    return b;
}

static void bq_print(const char *what, size_t a, size_t b, size_t c) {
    printf("  %-22s precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)\n", what, qeval_ratio(a, b), a,
           b, qeval_ratio(a, c), a, c);
}

/* Scores one fixture cluster directory; returns 0, or -1 when unreadable. */
static int bq_score_cluster(const char *dir, const char *name, qeval_counts *total) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s/labels.tsv", dir) >= (int)sizeof path)
        return -1;
    size_t nl;
    qeval_label *lab = qeval_load(path, &nl);
    size_t nr;
    char **reports = qeval_list_reports(dir, &nr);
    if (!lab || !nr) {
        free(lab);
        for (size_t i = 0; i < nr; i++)
            free(reports[i]);
        free(reports);
        return -1;
    }
    chorus_cluster *c = chorus_cluster_new(NULL);
    ch_arena *a = arena_new(0);
    const char **texts = calloc(nr, sizeof *texts);
    char(*ids)[16] = calloc(nr, sizeof *ids);
    const char **idp = calloc(nr, sizeof *idp);
    int rc = -1;
    if (!c || !a || !texts || !ids || !idp)
        goto done;
    for (size_t i = 0; i < nr; i++) {
        size_t len;
        char *t = bq_read(reports[i], &len);
        chorus_status st = t ? chorus_cluster_add(c, t, len, NULL) : CHORUS_ERR_IO;
        free(t);
        if (st != CHORUS_OK) {
            fprintf(stderr, "%s: %s\n", reports[i], chorus_cluster_errmsg(c));
            goto done;
        }
        texts[i] = c->docs[i].text;
        qeval_doc_id(reports[i], ids[i], sizeof ids[i]);
        idp[i] = ids[i];
    }
    ch_quotes qs;
    if (quotes_analyze(c, a, &qs) != 0) {
        fprintf(stderr, "%s: out of memory\n", dir);
        goto done;
    }
    qeval_counts cc;
    memset(&cc, 0, sizeof cc);
    qeval_score(lab, nl, qs.q, qs.n, texts, idp, &cc);
    size_t multi = 0, differs = 0;
    for (size_t g = 0; g < qs.n_groups; g++) {
        if (qs.g[g].n_docs > 1)
            multi++;
        differs += (size_t)qs.g[g].attribution_differs;
    }
    printf("%s: %zu reports, %zu quotations found, %zu labelled; %zu groups across reports, "
           "%zu attributed differently\n",
           name, nr, cc.found, cc.labelled, multi, differs);
    for (size_t k = 0; k < nl; k++) {
        if (lab[k].match < 0) {
            printf("  missed   %s \"%s\"\n", lab[k].doc, lab[k].start);
            continue;
        }
        const ch_quote *q = &qs.q[lab[k].match];
        int want = strcmp(lab[k].speaker, "-") != 0;
        int ok = want ? q->speaker && qeval_speaker_ok(lab[k].speaker, q->speaker) : !q->speaker;
        if (!ok)
            printf("  speaker  %s \"%s\": got %s, labelled %s\n", lab[k].doc, lab[k].start,
                   q->speaker ? q->speaker : "(none)", lab[k].speaker);
    }
    total->found += cc.found;
    total->labelled += cc.labelled;
    total->matched += cc.matched;
    total->partial_right += cc.partial_right;
    total->spk_given += cc.spk_given;
    total->spk_right += cc.spk_right;
    total->spk_labelled += cc.spk_labelled;
    total->pairs_found += cc.pairs_found;
    total->pairs_labelled += cc.pairs_labelled;
    total->pairs_both += cc.pairs_both;
    rc = 0;
done:
    for (size_t i = 0; i < nr; i++)
        free(reports[i]);
    free(reports);
    free(lab);
    free(texts);
    free(ids);
    free(idp);
    arena_free(a);
    chorus_cluster_free(c);
    return rc;
}

static int bq_fixtures(const char *root) {
    DIR *d = opendir(root);
    if (!d) {
        fprintf(stderr, "bench_quotes: cannot open %s (run from the source tree or pass it)\n",
                root);
        return 1;
    }
    char *names[256];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nn < 256)
        if (e->d_name[0] != '.') {
            size_t l = strlen(e->d_name);
            names[nn] = malloc(l + 1);
            if (!names[nn])
                break;
            memcpy(names[nn++], e->d_name, l + 1);
        }
    closedir(d);
    qsort(names, nn, sizeof *names, qeval_name_cmp);
    qeval_counts t;
    memset(&t, 0, sizeof t);
    size_t clusters = 0;
    for (size_t i = 0; i < nn; i++) {
        char dir[4096];
        if (snprintf(dir, sizeof dir, "%s/%s", root, names[i]) < (int)sizeof dir &&
            bq_score_cluster(dir, names[i], &t) == 0)
            clusters++;
        free(names[i]);
    }
    printf("\nall %zu clusters:\n", clusters);
    bq_print("quotation extraction", t.matched, t.found, t.labelled);
    bq_print("speaker attribution", t.spk_right, t.spk_given, t.spk_labelled);
    bq_print("quotation grouping", t.pairs_both, t.pairs_found, t.pairs_labelled);
    printf("  %-22s %.3f (%zu/%zu)\n", "full/partial right",
           qeval_ratio(t.partial_right, t.matched), t.partial_right, t.matched);
    return 0;
}

static int bq_scan(const char *const *paths, size_t n, int verbose) {
    char err[512];
    chorus_status st;
    chorus_reader *r = chorus_reader_open(paths, n, CHORUS_FORMAT_AUTO, &st, err, sizeof err);
    if (!r) {
        fprintf(stderr, "bench_quotes: %s\n", err);
        return 1;
    }
    size_t clusters = 0, docs = 0, quotes = 0, partial = 0, named = 0, anon = 0, pron = 0,
           pron_res = 0, role = 0, role_res = 0, inherited = 0, none = 0, groups = 0, differs = 0,
           long_quotes = 0;
    const chorus_input *in;
    for (;;) {
        st = chorus_reader_next(r, &in);
        if (st != CHORUS_OK) {
            fprintf(stderr, "bench_quotes: %s\n", chorus_reader_errmsg(r));
            continue;
        }
        if (!in)
            break;
        chorus_cluster *c = chorus_cluster_new(NULL);
        ch_arena *a = arena_new(0);
        if (!c || !a) {
            chorus_cluster_free(c);
            arena_free(a);
            break;
        }
        for (size_t i = 0; i < in->n_docs; i++)
            chorus_cluster_add(c, in->docs[i].text, in->docs[i].len, &in->docs[i].meta);
        ch_quotes qs;
        if (quotes_analyze(c, a, &qs) == 0) {
            clusters++;
            docs += c->n_docs;
            quotes += qs.n;
            for (size_t i = 0; i < qs.n; i++) {
                const ch_quote *q = &qs.q[i];
                partial += (size_t)q->partial;
                long_quotes += q->len > 1500;
                switch (q->attr_kind) {
                case QATTR_NAMED:
                    named++;
                    break;
                case QATTR_ANONYMOUS:
                    anon++;
                    break;
                case QATTR_PRONOUN:
                    pron++;
                    pron_res += q->speaker != NULL;
                    break;
                case QATTR_ROLE:
                    role++;
                    role_res += q->speaker != NULL;
                    break;
                case QATTR_INHERITED:
                    inherited++;
                    break;
                default:
                    none++;
                    break;
                }
                if (verbose)
                    printf("%s d%u g%u %s %-9s %-28s | %.*s\n", in->id ? in->id : "?", q->doc,
                           q->group, q->partial ? "P" : "F", q->attribution ? "attr" : "-",
                           q->speaker ? q->speaker : "-", (int)(q->len > 90 ? 90 : q->len),
                           c->docs[q->doc].text + q->off);
            }
            for (size_t g = 0; g < qs.n_groups; g++) {
                groups += qs.g[g].n_docs > 1;
                differs += (size_t)qs.g[g].attribution_differs;
            }
        }
        arena_free(a);
        chorus_cluster_free(c);
    }
    chorus_reader_free(r);
    printf("%zu clusters, %zu reports, %zu quotations (%zu partial, %zu over 1500 bytes)\n",
           clusters, docs, quotes, partial, long_quotes);
    printf("attribution: named %zu, pronoun %zu (%zu resolved), role %zu (%zu resolved), "
           "continued %zu, unnamed source %zu, none %zu\n",
           named, pron, pron_res, role, role_res, inherited, anon, none);
    printf("groups carried by several reports: %zu (%zu attributed differently)\n", groups,
           differs);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "--scan")) {
        int verbose = argc > 2 && !strcmp(argv[2], "-v");
        int first = verbose ? 3 : 2;
        if (argc <= first) {
            fprintf(stderr, "usage: bench_quotes --scan [-v] PATH...\n");
            return 2;
        }
        return bq_scan((const char *const *)argv + first, (size_t)(argc - first), verbose);
    }
    return bq_fixtures(argc > 1 ? argv[1] : "tests/fixtures/quotes");
}
