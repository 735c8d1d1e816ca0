/*
 * cluster.h - the internal shape of a cluster: reports, their sentences and
 * the terms of each sentence, all owned by the cluster's arena.
 *
 * chorus_cluster_add() runs the first stages of the pipeline on one report:
 *
 *   input bytes --repair--> valid UTF-8 --clean--> article text --segment-->
 *   sentences --tokenize/fold/stem--> term ids (cluster vocabulary)
 *
 * Two offset maps lead back from the article text to the input:
 * clean_map (article -> repaired) then repair_map (repaired -> input).
 * Sentences of all reports sit in one array, report by report, in order:
 *
 *   sents: [d0 s0][d0 s1]...[d1 s0]...      docs[i].first_sent, .n_sent
 */
#ifndef CHORUS_CORE_CLUSTER_H
#define CHORUS_CORE_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "chorus.h"
#include "text/token.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/offmap.h"
#include "util/strmap.h"

typedef struct ch_sentence {
    uint32_t doc;            /* report index */
    uint32_t pos;            /* index within its report */
    size_t off, len;         /* bytes of the report's article text */
    size_t src_off, src_len; /* bytes of the report's original input */
    uint32_t flags;          /* SEG_* from text/segment.h */
    uint32_t n_words;        /* whitespace-separated words */
    const uint32_t *terms;   /* (n_terms) vocabulary ids of content-word stems, in text order */
    uint32_t n_terms;
} ch_sentence;

typedef struct ch_doc {
    chorus_doc_meta meta; /* arena copies; NULL fields stay NULL */
    const char *input;    /* (input_len) bytes as given */
    size_t input_len;
    const char *text; /* (text_len) cleaned, valid UTF-8, NUL-terminated */
    size_t text_len;
    ch_offmap repair_map;        /* repaired offset -> input offset */
    ch_offmap clean_map;         /* article offset -> repaired offset */
    chorus_range *removed;       /* (n_removed) input ranges cut by cleaning */
    const char **removed_reason; /* (n_removed) */
    size_t n_removed;
    size_t n_replaced;   /* invalid UTF-8 sequences replaced */
    uint32_t first_sent; /* index of its first sentence in the cluster */
    uint32_t n_sent;
} ch_doc;

struct chorus_cluster {
    chorus_cluster_config cfg;
    char language[32];
    const char *id; /* arena copy, or NULL */
    ch_arena *arena;
    ch_lexicon *lex;
    ch_strmap *vocab; /* stems of content words -> term ids */
    ch_doc *docs;     /* (n_docs) */
    size_t n_docs, docs_cap;
    ch_sentence *sents; /* (n_sents) */
    size_t n_sents, sents_cap;
    ch_buf scratch; /* folded words */
    char errmsg[512];
};

struct ch_svec;

/* Unit TF-IDF vectors of all the cluster's sentences (IDF from 'idf' when
 * non-NULL, else from the cluster), into *out, and the term weights used
 * into *weights (may be NULL; one per vocabulary id); memory from 'a'.
 * Returns 0, or -1 when out of memory. */
int cluster_vectors(const chorus_cluster *c, const chorus_idf *idf, ch_arena *a,
                    struct ch_svec **out, const float **weights);

/* Maps a byte offset of report d's article text to its original input. */
size_t cluster_src_offset(const ch_doc *d, size_t text_off);

/* Maps the (exclusive) end of a range of report d's article text to its
 * original input: one past the source of the range's last byte. */
size_t cluster_src_end(const ch_doc *d, size_t text_end);

/* Records a formatted message on the cluster and returns 'st'. */
chorus_status cluster_fail(chorus_cluster *c, chorus_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
