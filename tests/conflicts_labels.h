/*
 * conflicts_labels.h - hand labels of the project's fixture clusters
 * (tests/fixtures/conflicts/<name>/labels.tsv) and their scoring, shared by
 * tests/test_conflicts.c, test_entities.c, test_timeline.c and
 * bench/conflicts.c. Header-only: every function is static.
 *
 * A cluster directory holds its reports (NN-outlet.txt, read in name order,
 * numbered from 0) and labels.tsv, one label per line, fields separated by
 * tabs, '#' starting a comment:
 *
 *   conflict     D:TEXT  D:TEXT ...   figures of different reports that disagree
 *   nonconflict  D:TEXT  D:TEXT       figures that must not be flagged against each other
 *   alias        NAME|NAME|...        names of one entity
 *   distinct     NAME|NAME            names of different entities
 *   kind         person|org|place  NAME
 *   date         D:TEXT  ISO | ~LABEL  a dated expression and its normal form
 *
 * D:TEXT names a figure (or expression) of report D whose text contains
 * TEXT or is contained in it.
 */
#ifndef CHORUS_TESTS_CONFLICTS_LABELS_H
#define CHORUS_TESTS_CONFLICTS_LABELS_H

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/conflicts.h"
#include "analyze/entities.h"
#include "analyze/timeline.h"
#include "chorus.h"

#define CLAB_MAX_REFS 8

enum { CLAB_CONFLICT, CLAB_NONCONFLICT, CLAB_ALIAS, CLAB_DISTINCT, CLAB_KIND, CLAB_DATE };

typedef struct clab_ref {
    int doc;
    char text[128];
} clab_ref;

typedef struct clab_item {
    int type;
    clab_ref refs[CLAB_MAX_REFS]; /* conflict, nonconflict, date (refs[0]) */
    int n_refs;
    char names[CLAB_MAX_REFS][96]; /* alias, distinct, kind (names[0]) */
    int n_names;
    char arg[64]; /* kind name, or the expected date */
} clab_item;

typedef struct clab_set {
    char dir[1024];
    clab_item *items;
    size_t n;
    char **files; /* (n_files) full paths, sorted */
    size_t n_files;
} clab_set;

#define CLAB_MAX_DOCS 6
#define CLAB_MAX_LINES 64

/* Reports given as strings, one sentence per line, for the analyses that
 * take (text, sentence spans) directly. */
typedef struct clab_docs {
    ch_adoc d[CLAB_MAX_DOCS];
    ch_aspan spans[CLAB_MAX_DOCS][CLAB_MAX_LINES];
    size_t n;
} clab_docs;

/* Adds a report published on 'date' (may be NULL); 'text' must outlive t. */
static inline void clab_add_doc(clab_docs *t, const char *text, const char *date) {
    ch_adoc *d = &t->d[t->n];
    memset(d, 0, sizeof *d);
    d->text = text;
    d->text_len = strlen(text);
    d->date = date;
    size_t ns = 0, off = 0;
    while (off < d->text_len && ns < CLAB_MAX_LINES) {
        size_t e = off;
        while (e < d->text_len && text[e] != '\n')
            e++;
        if (e > off) {
            t->spans[t->n][ns].off = off;
            t->spans[t->n][ns].len = e - off;
            t->spans[t->n][ns].sent = (uint32_t)ns;
            ns++;
        }
        off = e + 1;
    }
    d->sents = t->spans[t->n];
    d->n_sents = ns;
    t->n++;
}

static inline int clab_cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static inline void clab_free(clab_set *s) {
    for (size_t i = 0; i < s->n_files; i++)
        free(s->files[i]);
    free(s->files);
    free(s->items);
    memset(s, 0, sizeof *s);
}

static inline char *clab_dup(const char *s) {
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

/* Parses "D:TEXT" into r; 0 on success. */
static inline int clab_parse_ref(const char *f, clab_ref *r) {
    char *end;
    long d = strtol(f, &end, 10);
    if (end == f || *end != ':')
        return -1;
    r->doc = (int)d;
    snprintf(r->text, sizeof r->text, "%s", end + 1);
    return 0;
}

/* Loads the labels and the list of reports of cluster directory 'dir'.
 * Returns 0, or -1 (with a message on stderr) when something is missing or
 * malformed. */
static inline int clab_load(const char *dir, clab_set *s) {
    memset(s, 0, sizeof *s);
    if (strlen(dir) + 32 >= sizeof s->dir) {
        fprintf(stderr, "path too long: %s\n", dir);
        return -1;
    }
    memcpy(s->dir, dir, strlen(dir) + 1);
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "cannot open %s\n", dir);
        return -1;
    }
    struct dirent *de;
    size_t cap = 0;
    while ((de = readdir(dh)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0 || de->d_name[0] == '.')
            continue;
        if (s->n_files == cap) {
            cap = cap ? cap * 2 : 8;
            char **nf = realloc(s->files, cap * sizeof *nf);
            if (!nf) {
                closedir(dh);
                return -1;
            }
            s->files = nf;
        }
        char path[2048];
        if (snprintf(path, sizeof path, "%s/%s", s->dir, de->d_name) >= (int)sizeof path)
            continue;
        s->files[s->n_files] = clab_dup(path);
        if (!s->files[s->n_files]) {
            closedir(dh);
            return -1;
        }
        s->n_files++;
    }
    closedir(dh);
    qsort(s->files, s->n_files, sizeof *s->files, clab_cmp_str);

    char path[2048];
    if (snprintf(path, sizeof path, "%s/labels.tsv", s->dir) >= (int)sizeof path)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    char line[2048];
    size_t icap = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *fields[CLAB_MAX_REFS + 2];
        int nf = 0;
        char *p = line;
        while (nf < CLAB_MAX_REFS + 2) {
            fields[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t)
                break;
            *t = '\0';
            p = t + 1;
        }
        clab_item it;
        memset(&it, 0, sizeof it);
        int bad = 0;
        if (strcmp(fields[0], "conflict") == 0 || strcmp(fields[0], "nonconflict") == 0) {
            it.type = fields[0][0] == 'c' ? CLAB_CONFLICT : CLAB_NONCONFLICT;
            for (int k = 1; k < nf && it.n_refs < CLAB_MAX_REFS; k++)
                bad |= clab_parse_ref(fields[k], &it.refs[it.n_refs++]);
            bad |= it.n_refs < 2;
        } else if (strcmp(fields[0], "alias") == 0 || strcmp(fields[0], "distinct") == 0) {
            it.type = fields[0][0] == 'a' ? CLAB_ALIAS : CLAB_DISTINCT;
            bad |= nf < 2;
            char *q = nf >= 2 ? fields[1] : NULL;
            while (q && it.n_names < CLAB_MAX_REFS) {
                char *bar = strchr(q, '|');
                if (bar)
                    *bar = '\0';
                snprintf(it.names[it.n_names++], sizeof it.names[0], "%s", q);
                q = bar ? bar + 1 : NULL;
            }
        } else if (strcmp(fields[0], "kind") == 0) {
            it.type = CLAB_KIND;
            bad |= nf < 3;
            if (!bad) {
                snprintf(it.arg, sizeof it.arg, "%s", fields[1]);
                snprintf(it.names[0], sizeof it.names[0], "%s", fields[2]);
                it.n_names = 1;
            }
        } else if (strcmp(fields[0], "date") == 0) {
            it.type = CLAB_DATE;
            bad |= nf < 3;
            if (!bad) {
                bad |= clab_parse_ref(fields[1], &it.refs[0]);
                it.n_refs = 1;
                snprintf(it.arg, sizeof it.arg, "%s", fields[2]);
            }
        } else {
            bad = 1;
        }
        if (bad) {
            fprintf(stderr, "%s: bad label line starting '%s'\n", path, fields[0]);
            fclose(f);
            return -1;
        }
        if (s->n == icap) {
            icap = icap ? icap * 2 : 16;
            clab_item *ni = realloc(s->items, icap * sizeof *ni);
            if (!ni) {
                fclose(f);
                return -1;
            }
            s->items = ni;
        }
        s->items[s->n++] = it;
    }
    fclose(f);
    return 0;
}

static inline char *clab_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 14, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t r = fread(b + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
        if (n + 1 == cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (b) {
        b[n] = '\0';
        *len = n;
    }
    return b;
}

/* A cluster of the set's reports (NULL on failure). */
static inline chorus_cluster *clab_cluster(const clab_set *s) {
    chorus_cluster *c = chorus_cluster_new(NULL);
    if (!c)
        return NULL;
    for (size_t i = 0; i < s->n_files; i++) {
        size_t n = 0;
        char *b = clab_read(s->files[i], &n);
        chorus_doc_meta m;
        memset(&m, 0, sizeof m);
        m.id = s->files[i];
        if (!b || chorus_cluster_add(c, b, n, &m) != CHORUS_OK) {
            fprintf(stderr, "cannot add %s: %s\n", s->files[i], chorus_cluster_errmsg(c));
            free(b);
            chorus_cluster_free(c);
            return NULL;
        }
        free(b);
    }
    return c;
}

/* Figure q is the one a label reference names. */
static inline int clab_q_is(const ch_quantity *q, const clab_ref *r) {
    return (int)q->doc == r->doc && (strstr(q->text, r->text) || strstr(r->text, q->text));
}

static inline int clab_conflict_has(const ch_conflicts *cf, const ch_conflict *k,
                                    const clab_ref *r) {
    for (size_t i = 0; i < k->n_sides; i++)
        if (clab_q_is(&cf->q[k->sides[i]], r))
            return 1;
    return 0;
}

/* A flagged conflict matches a labelled one when it holds figures named by
 * at least two of its references, of different reports. */
static inline int clab_conflict_matches(const ch_conflicts *cf, const ch_conflict *k,
                                        const clab_item *it) {
    int hits = 0, first_doc = -1, two_docs = 0;
    for (int j = 0; j < it->n_refs; j++)
        if (clab_conflict_has(cf, k, &it->refs[j])) {
            hits++;
            if (first_doc < 0)
                first_doc = it->refs[j].doc;
            else if (it->refs[j].doc != first_doc)
                two_docs = 1;
        }
    return hits >= 2 && two_docs;
}

typedef struct clab_score {
    size_t labelled, found;      /* labelled conflicts, and those flagged */
    size_t flagged, flagged_ok;  /* flagged conflicts, and those matching a label */
    size_t nonconf, nonconf_bad; /* labelled non-conflicts, and those flagged together */
} clab_score;

static inline void clab_score_conflicts(const clab_set *s, const ch_conflicts *cf, clab_score *sc) {
    memset(sc, 0, sizeof *sc);
    for (size_t i = 0; i < s->n; i++) {
        const clab_item *it = &s->items[i];
        if (it->type == CLAB_CONFLICT) {
            sc->labelled++;
            for (size_t k = 0; k < cf->n; k++)
                if (clab_conflict_matches(cf, &cf->c[k], it)) {
                    sc->found++;
                    break;
                }
        } else if (it->type == CLAB_NONCONFLICT) {
            /* flagged against each other: in one conflict, on opposite
             * sides (two figures that agree may share a side) */
            sc->nonconf++;
            int bad = 0;
            for (size_t k = 0; k < cf->n && !bad; k++)
                for (size_t x = 0; x < cf->c[k].n_sides && !bad; x++)
                    for (size_t y = 0; y < cf->c[k].n_sides && !bad; y++) {
                        const ch_quantity *qa = &cf->q[cf->c[k].sides[x]],
                                          *qb = &cf->q[cf->c[k].sides[y]];
                        if (clab_q_is(qa, &it->refs[0]) && clab_q_is(qb, &it->refs[1]) &&
                            qty_agree(qa, qb) != 1)
                            bad = 1;
                    }
            sc->nonconf_bad += bad;
        }
    }
    for (size_t k = 0; k < cf->n; k++) {
        sc->flagged++;
        for (size_t i = 0; i < s->n; i++)
            if (s->items[i].type == CLAB_CONFLICT &&
                clab_conflict_matches(cf, &cf->c[k], &s->items[i])) {
                sc->flagged_ok++;
                break;
            }
    }
}

/* Case-insensitive substring test. */
static inline int clab_contains_ci(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return n == 0;
}

/* The timeline reference a date label names, or NULL. */
static inline const ch_tl_ref *clab_find_date(const ch_timeline *t, const clab_ref *r) {
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < t->ev[i].n_refs; j++) {
            const ch_tl_ref *f = &t->ev[i].refs[j];
            if ((int)f->doc == r->doc &&
                (strstr(f->when_text, r->text) || strstr(r->text, f->when_text)))
                return f;
        }
    return NULL;
}

/* The reference's normal form is the expected one: an ISO date, or "~X"
 * for a relative date whose label contains X. */
static inline int clab_date_ok(const ch_tl_ref *f, const char *expect) {
    if (expect[0] == '~')
        return f->iso == NULL && clab_contains_ci(f->label, expect + 1);
    return f->iso && strcmp(f->iso, expect) == 0;
}

#endif
