/*
 * facts.h - statements grouped across reports, with who supports them, and
 * claims and denials kept apart from plain statements and from each other.
 */
#ifndef CHORUS_ANALYZE_FACTS_H
#define CHORUS_ANALYZE_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/cluster.h"
#include "model/svec.h"
#include "util/arena.h"

typedef enum ch_fact_kind {
    FACT_STATEMENT = 0, /* stated by the report itself */
    FACT_CLAIM = 1,     /* attributed to a party: "X said", "according to X" */
    FACT_DENIAL = 2     /* a denial or rejection: "X denied", "is false" */
} ch_fact_kind;

typedef struct ch_fact {
    const uint32_t *sents; /* (n_sents) cluster sentence indices; sents[0] represents the fact */
    size_t n_sents;
    const uint32_t *docs;  /* (n_docs) supporting reports, ascending */
    size_t n_docs;
    ch_fact_kind kind;
    const char *party;     /* who claims or denies, as written in sents[0]; NULL if none found */
} ch_fact;

typedef struct ch_facts {
    ch_fact *f; /* (n) ordered by support (most reports first), then first appearance */
    size_t n;
} ch_facts;

/* The kind of one sentence and, for claims and denials, the party
 * (arena copy, or NULL). text[0..len) is the sentence. */
ch_fact_kind facts_classify(const char *text, size_t len, ch_arena *a, const char **party);

/* Groups the cluster's sentences into facts: two sentences join when their
 * cosine (vec, one unit vector per cluster sentence) reaches 'threshold',
 * they are of the same kind and their parties do not differ. Returns 0, or
 * -1 when out of memory. */
int facts_analyze(const chorus_cluster *c, const ch_svec *vec, double threshold, ch_arena *a,
                  ch_facts *out);

#endif
