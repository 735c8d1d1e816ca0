/*
 * quotes_eval.h - scoring quotation finding, attribution and grouping
 * against the hand labels of tests/fixtures/quotes/<cluster>/labels.tsv.
 * Shared, header-only, by tests/test_quotes.c and bench/quotes.c.
 *
 * labels.tsv: one labelled quotation per line, tab-separated:
 *   doc     the report's file-name prefix ("01" for 01-harbour-wire.txt)
 *   start   the first words of the quoted text, without marks
 *   speaker canonical speaker, alternatives separated by '|'; "-" when the
 *           report names no speaker (no attribution, or an unnamed source)
 *   group   an id; the same id in several reports = the same quotation
 *   kind    "full" or "partial"
 * Lines starting with '#' are comments.
 *
 * Matching: a found quotation matches a label of the same report when its
 * text, folded (lower case, one kind of quote mark and apostrophe, single
 * spaces), begins with the label's folded start. Each side matches once.
 *
 * Scores:
 *   extraction  precision = matched / found, recall = matched / labelled
 *   speaker     precision = right speakers / quotations given a speaker
 *               (a speaker on a found quotation that is not labelled, or
 *               labelled "-", is wrong); recall = right / labelled speakers
 *   grouping    over pairs of quotations of different reports: precision
 *               = pairs grouped that share a label group / pairs grouped;
 *               recall = the same / labelled pairs
 */
#ifndef CHORUS_TESTS_QUOTES_EVAL_H
#define CHORUS_TESTS_QUOTES_EVAL_H

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/quotes.h"

typedef struct qeval_label {
    char doc[16];
    char start[256];
    char speaker[256];
    char group[64];
    int partial;
    long match; /* index of the matched quotation, -1 if none */
} qeval_label;

typedef struct qeval_counts {
    size_t found, labelled, matched;
    size_t partial_right; /* matched with the right full/partial kind */
    size_t spk_given, spk_right, spk_labelled;
    size_t pairs_found, pairs_labelled, pairs_both;
} qeval_counts;

/* Reads labels.tsv; returns a malloc'd array of *n labels, or NULL. */
/* Copies s into dst (size cap), cutting it to fit. */
static void qeval_copy(char *dst, size_t cap, const char *s) {
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

static qeval_label *qeval_load(const char *path, size_t *n) {
    FILE *f = fopen(path, "r");
    *n = 0;
    if (!f)
        return NULL;
    qeval_label *v = NULL;
    size_t cap = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *field[5] = {0};
        char *p = line;
        for (int i = 0; i < 5 && p; i++) {
            field[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (!field[4])
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            qeval_label *nv = realloc(v, cap * sizeof *v);
            if (!nv) {
                free(v);
                fclose(f);
                return NULL;
            }
            v = nv;
        }
        qeval_label *l = &v[(*n)++];
        memset(l, 0, sizeof *l);
        qeval_copy(l->doc, sizeof l->doc, field[0]);
        qeval_copy(l->start, sizeof l->start, field[1]);
        qeval_copy(l->speaker, sizeof l->speaker, field[2]);
        qeval_copy(l->group, sizeof l->group, field[3]);
        l->partial = !strcmp(field[4], "partial");
        l->match = -1;
    }
    fclose(f);
    return v;
}

/* Folds s[0..n) into out (cap bytes): ASCII lower case, typographic quotes
 * and apostrophes made straight, whitespace runs made one space, leading
 * marks and spaces dropped. */
static void qeval_fold(const char *s, size_t n, char *out, size_t cap) {
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i + 2 < n && c == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x98 || d == 0x99) {
                c = '\'';
                i += 2;
            } else if (d == 0x9C || d == 0x9D) {
                c = '"';
                i += 2;
            }
        }
        if (isspace(c)) {
            space = o > 0;
            continue;
        }
        if (o == 0 && (c == '"' || c == '\''))
            continue;
        if (space && o + 2 < cap)
            out[o++] = ' ';
        space = 0;
        out[o++] = (char)tolower(c);
    }
    out[o] = '\0';
}

/* Lower-case words of a name without initials and a leading "the". */
static size_t qeval_name_words(const char *s, char w[8][64]) {
    size_t n = 0;
    while (*s && n < 8) {
        while (*s == ' ')
            s++;
        size_t l = 0;
        char buf[64];
        while (*s && *s != ' ') {
            if (l + 1 < sizeof buf)
                buf[l++] = (char)tolower((unsigned char)*s);
            s++;
        }
        buf[l] = '\0';
        if (!l || (l == 2 && buf[1] == '.') || (n == 0 && !strcmp(buf, "the")))
            continue;
        memcpy(w[n++], buf, l + 1);
    }
    return n;
}

/* 1 if 'got' names the labelled speaker (one of the '|' alternatives):
 * the same words, or the same first and last words. */
static int qeval_speaker_ok(const char *label, const char *got) {
    char alt[256];
    const char *p = label;
    while (*p) {
        size_t l = strcspn(p, "|");
        snprintf(alt, sizeof alt, "%.*s", (int)l, p);
        char a[8][64], b[8][64];
        size_t na = qeval_name_words(alt, a), nb = qeval_name_words(got, b);
        if (na && nb && !strcmp(a[0], b[0]) && !strcmp(a[na - 1], b[nb - 1])) {
            int same = na == nb;
            for (size_t i = 0; same && i < na; i++)
                same = !strcmp(a[i], b[i]);
            if (same || (na >= 2 && nb >= 2))
                return 1;
        }
        p += l;
        if (*p == '|')
            p++;
    }
    return 0;
}

/* Scores quotations q[0..nq) of one cluster (report d's text is texts[d],
 * its file-name prefix doc_ids[d]) against labels lab[0..nl), adding to
 * *c. Sets lab[i].match. */
static void qeval_score(qeval_label *lab, size_t nl, const ch_quote *q, size_t nq,
                        const char *const *texts, const char *const *doc_ids, qeval_counts *c) {
    long *qlab = malloc((nq ? nq : 1) * sizeof *qlab);
    if (!qlab)
        return;
    for (size_t i = 0; i < nq; i++)
        qlab[i] = -1;
    for (size_t k = 0; k < nl; k++) {
        char want[256];
        qeval_fold(lab[k].start, strlen(lab[k].start), want, sizeof want);
        lab[k].match = -1;
        for (size_t i = 0; i < nq && lab[k].match < 0; i++) {
            if (qlab[i] >= 0 || strcmp(doc_ids[q[i].doc], lab[k].doc) != 0)
                continue;
            char got[512];
            qeval_fold(texts[q[i].doc] + q[i].off, q[i].len, got, sizeof got);
            if (!strncmp(got, want, strlen(want))) {
                lab[k].match = (long)i;
                qlab[i] = (long)k;
            }
        }
    }
    c->found += nq;
    c->labelled += nl;
    for (size_t k = 0; k < nl; k++) {
        if (strcmp(lab[k].speaker, "-") != 0)
            c->spk_labelled++;
        if (lab[k].match < 0)
            continue;
        const ch_quote *x = &q[lab[k].match];
        c->matched++;
        if (x->partial == lab[k].partial)
            c->partial_right++;
        if (x->speaker && strcmp(lab[k].speaker, "-") != 0 &&
            qeval_speaker_ok(lab[k].speaker, x->speaker))
            c->spk_right++;
    }
    for (size_t i = 0; i < nq; i++)
        if (q[i].speaker)
            c->spk_given++;
    for (size_t i = 0; i < nq; i++)
        for (size_t j = i + 1; j < nq; j++) {
            if (q[i].doc == q[j].doc || q[i].group != q[j].group)
                continue;
            c->pairs_found++;
            if (qlab[i] >= 0 && qlab[j] >= 0 && !strcmp(lab[qlab[i]].group, lab[qlab[j]].group))
                c->pairs_both++;
        }
    for (size_t k = 0; k < nl; k++)
        for (size_t m = k + 1; m < nl; m++)
            if (strcmp(lab[k].doc, lab[m].doc) != 0 && !strcmp(lab[k].group, lab[m].group))
                c->pairs_labelled++;
    free(qlab);
}

static double qeval_ratio(size_t a, size_t b) {
    return b ? (double)a / (double)b : 1.0;
}

static int qeval_name_cmp(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The report files (*.txt) of a fixture cluster directory, sorted by name;
 * a malloc'd array of *n malloc'd full paths, or NULL. */
static char **qeval_list_reports(const char *dir, size_t *n) {
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            char **nv = realloc(v, cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        size_t pl = strlen(dir) + l + 2;
        v[*n] = malloc(pl);
        if (!v[*n])
            break;
        snprintf(v[*n], pl, "%s/%s", dir, e->d_name);
        (*n)++;
    }
    closedir(d);
    if (*n > 1)
        qsort(v, *n, sizeof *v, qeval_name_cmp);
    return v;
}

/* The file-name prefix before the first '-' of a report path ("01"). */
static void qeval_doc_id(const char *path, char *out, size_t cap) {
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t l = strcspn(b, "-.");
    snprintf(out, cap, "%.*s", (int)l, b);
}

#endif
