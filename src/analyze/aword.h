/*
 * aword.h - the view of a cluster that the conflict, entity and timeline
 * analyses read, and the word scanner they share.
 *
 * The analyses look at finer detail than the summarizer's terms: the case of
 * a word, the period after "Oct.", the "$" before "4.5", the comma in
 * "Saturday, 5 pm". aword_scan() cuts one sentence into words, numbers and
 * single punctuation marks, each with its byte range and a few flags:
 *
 *     "Kerry’s aides met Oct. 18, 2016, at 5pm."
 *      WORD(cap) WORD WORD WORD(cap) . NUM , NUM , WORD NUM WORD(no space) .
 *
 * A ch_adoc is one report as the analyses see it: article text, sentence
 * spans, publication date and the offset maps back to the original input.
 * Building the views from a chorus_cluster (aword_view_cluster, in
 * aword_cluster.c) is kept apart from everything else so the algorithms can
 * be run and tested on plain text.
 *
 * Invariants: tokens never overlap, are in text order, and lie inside the
 * scanned range; the scanner assumes valid UTF-8 (as the cluster guarantees)
 * and never reads outside [off, off + len).
 */
#ifndef CHORUS_ANALYZE_AWORD_H
#define CHORUS_ANALYZE_AWORD_H

#include <stddef.h>
#include <stdint.h>

#include "text/token.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/offmap.h"
#include "util/strmap.h"

struct chorus_cluster;

/* ------------------------------------------------------------ tokens */

typedef enum ch_awkind {
    AW_WORD = 1, /* letters (and digits), inner - ' ’ . & allowed: U.S, al-Bashir, Assange’s */
    AW_NUM = 2,  /* digits, inner , . : allowed: 20,000  4.5  11:40 */
    AW_PUNCT = 3 /* one non-space character that is neither */
} ch_awkind;

#define AW_CAP 1u      /* first letter is upper case */
#define AW_UPPER 2u    /* every letter upper case, at least two letters */
#define AW_SPACE 4u    /* whitespace (or the start of the range) precedes it */
#define AW_START 8u    /* first word of a sentence or of a quotation */
#define AW_NEWLINE 16u /* a line break precedes it */

typedef struct ch_aword {
    size_t off, len; /* bytes of the text */
    uint32_t cp;     /* for AW_PUNCT: its code point; else 0 */
    uint8_t kind;    /* ch_awkind */
    uint8_t flags;   /* AW_* */
} ch_aword;

/* Scans text[off, off+len) into *out (count *n, capacity *cap; grown with
 * realloc, owned by the caller). The array is emptied first. Returns 0, or
 * -1 when out of memory. */
int aword_scan(const char *text, size_t off, size_t len, ch_aword **out, size_t *n, size_t *cap);

/* 1 if token w is the word 'lit' (ASCII, compared without regard to case). */
int aword_is(const char *text, const ch_aword *w, const char *lit);

/* 1 if token w is one of the NULL-terminated list of words. */
int aword_in(const char *text, const ch_aword *w, const char *const *list);

/* 1 if token w is the punctuation mark with code point 'cp'. */
int aword_punct(const ch_aword *w, uint32_t cp);

/* Length of w without a trailing possessive ('s, ’s, or a lone ' / ’ after
 * s). */
size_t aword_base_len(const char *text, const ch_aword *w);

/* 1 for quotation marks of any style: " “ ” „ « » and ‘ ’ ' standing alone. */
int aword_is_quote(const ch_aword *w);

/* --------------------------------------------------------- stems */

/* Stems one word through the lexicon: folds, drops a possessive, returns
 * the interned id of the stem in 'vocab', or STRMAP_NONE when it is a
 * stopword (or empty). *err is set to -1 when out of memory. 'scratch' is a
 * buffer the caller owns. */
uint32_t aword_stem(ch_lexicon *lx, ch_strmap *vocab, ch_buf *scratch, const char *w, size_t n,
                    int *err);

/* ---------------------------------------------------- documents */

typedef struct ch_aspan {
    size_t off, len; /* bytes of the article text */
    uint32_t flags;  /* SEG_* of text/segment.h (SEG_HEADLINE ...) */
    uint32_t sent;   /* index of the sentence in its cluster (or any id) */
} ch_aspan;

typedef struct ch_adoc {
    const char *text; /* (text_len) article text, valid UTF-8 */
    size_t text_len;
    const ch_aspan *sents; /* (n_sents) in text order */
    size_t n_sents;
    const char *date;  /* publication date as written, or NULL */
    const char *input; /* (input_len) original input, searched for a dateline; may be NULL */
    size_t input_len;
    const ch_offmap *clean_map;  /* article -> repaired offsets, or NULL (identity) */
    const ch_offmap *repair_map; /* repaired -> input offsets, or NULL (identity) */
} ch_adoc;

/* ------------------------------------------------------- corpus */

/* All sentences of all reports scanned once, with the stem of every word
 * and how many sentences contain each stem. Sentences are numbered report
 * by report in span order (the "global" sentence index g):
 *
 *   w:    [tokens of d0 s0][d0 s1]...[d1 s0]...     stem: parallel to w
 *   sent_first[g] .. sent_first[g + 1]: tokens of sentence g
 *   doc_first[d] .. doc_first[d + 1]:   sentences of report d
 */
typedef struct ch_acorpus {
    const ch_adoc *docs; /* (n_docs) */
    size_t n_docs;
    ch_aword *w;    /* (n_w) */
    uint32_t *stem; /* (n_w) stem id of a word, STRMAP_NONE for stopwords, numbers, marks */
    size_t n_w, w_cap, stem_cap;
    size_t *sent_first; /* (n_sents + 1) */
    uint32_t *sent_doc; /* (n_sents) report of each sentence */
    size_t n_sents;
    size_t *doc_first; /* (n_docs + 1) first global sentence of each report */
    ch_strmap *vocab;  /* stems */
    uint32_t *df;      /* (strmap_count(vocab)) sentences containing the stem */
    uint8_t *lower;    /* (idem) 1 if the stem was seen in a lower-case word */
    ch_lexicon *lx;
    ch_buf scratch;
} ch_acorpus;

/* Scans every sentence of docs[0..n_docs) with a lexicon for 'language'.
 * Returns 0; -1 when out of memory; -2 when the language has no stemmer.
 * Free with aword_corpus_free() in every case. */
int aword_corpus_build(ch_acorpus *k, const ch_adoc *docs, size_t n_docs, const char *language);

/* No operation on a zeroed corpus. */
void aword_corpus_free(ch_acorpus *k);

/* Inverse sentence frequency of a stem: log(1 + n_sents / df). */
double aword_idf(const ch_acorpus *k, uint32_t stem);

/* Offset in the original input of article byte 'off' of d. */
size_t aword_src(const ch_adoc *d, size_t off);
/* The same for the (exclusive) end of a range: one past the source of its
 * last byte, so a range never swallows a removed stretch after it. */
size_t aword_src_end(const ch_adoc *d, size_t end);

/* Fills *docs with an arena array of views of the cluster's reports (one per
 * report, c->n_docs of them) and *lang with its language. Returns 0, or -1
 * when out of memory. */
int aword_view_cluster(const struct chorus_cluster *c, ch_arena *a, ch_adoc **docs, size_t *n_docs,
                       const char **lang);

#endif
