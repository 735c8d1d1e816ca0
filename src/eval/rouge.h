/*
 * rouge.h - internals shared by the ROUGE modules (src/eval/rouge*.c).
 *
 *   rouge_porter.c   ROUGE-1.5.5's Porter stemmer
 *   rouge_wordnet.c  the lexicon: WordNet exception lists and stopwords
 *   rouge_tok.c      reading a text as ROUGE-1.5.5 does: lines, -l/-b
 *                    truncation, words, stopwords, stems, token ids
 *   rouge.c          configuration, the evaluator, the scores
 *   rouge_boot.c     averages and bootstrap intervals (Perl's drand48)
 *   rouge_report.c   the ROUGE-1.5.5 text report and the JSON document
 *
 * Everything here is owned by one evaluator (chorus_rouge) except the
 * lexicon, which is read-only once built.
 */
#ifndef CHORUS_EVAL_ROUGE_H
#define CHORUS_EVAL_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "chorus.h"
#include "util/strmap.h"

/* ---------------------------------------------------------------- stemmer */

/* Stems the lower-case word 'w' (length 'n') into 'out', which holds at
 * least n + 1 bytes (a stem is never longer than its word), and stores the
 * stem's length in *out_len. Returns 0, or -1 when out of memory (words
 * longer than 256 bytes need scratch memory). */
int rouge_porter_stem(const char *w, size_t n, char *out, size_t *out_len);

/* ---------------------------------------------------------------- lexicon */

/* The base form listed for 'w', or NULL; its length in *base_len. */
const char *rouge_lexicon_exception(const chorus_rouge_lexicon *lex, const char *w, size_t n,
                                    size_t *base_len);
/* 1 when 'w' is a stopword. */
int rouge_lexicon_is_stopword(const chorus_rouge_lexicon *lex, const char *w, size_t n);

/* ------------------------------------------------------------ tokenizing */

#define ROUGE_DROP UINT32_MAX        /* token id of a word that does not count */
#define ROUGE_NOMEM (UINT32_MAX - 1) /* out of memory while looking a word up */

/* Token cache of an evaluator: raw word -> id of its final form (stopword
 * dropped, stemmed), so each distinct word is stemmed once. */
typedef struct rouge_vocab {
    ch_strmap *raw;   /* raw lower-case words */
    uint32_t *raw_to; /* (raw count) -> id in 'final' or ROUGE_DROP */
    size_t raw_cap;
    ch_strmap *final; /* final token strings */
    char *scratch;    /* a lower-cased word, then its stem */
    size_t scratch_cap;
    int stem, stopwords;
    const chorus_rouge_lexicon *lex;
} rouge_vocab;

int rouge_vocab_init(rouge_vocab *v, int stem, int stopwords, const chorus_rouge_lexicon *lex);
void rouge_vocab_free(rouge_vocab *v);

/* One text as ROUGE-1.5.5 reads it, in token ids of the vocabulary:
 * 'flat' is what its readText() yields (the n-gram view), 'sent' what
 * readText_LCS() yields (the sentence view for ROUGE-L/W), sentence k being
 * sent[sent_off[k] .. sent_off[k+1]). Arrays grow and are reused. */
typedef struct rouge_text {
    uint32_t *flat;
    size_t n_flat, cap_flat;
    uint32_t *sent;
    size_t n_sent_tok, cap_sent;
    size_t *sent_off; /* (n_sents + 1) */
    size_t n_sents, cap_off;
} rouge_text;

/* Reads 'text' into 't' with ROUGE-1.5.5's truncation (max_words or
 * max_bytes, 0 = none); 'sentences' asks for the sentence view too.
 * Returns 0 or -1 when out of memory. */
int rouge_text_read(rouge_vocab *v, rouge_text *t, const char *text, size_t len, size_t max_words,
                    size_t max_bytes, int sentences);
void rouge_text_free(rouge_text *t);

/* ----------------------------------------------------------------- scores */

typedef enum rouge_kind {
    ROUGE_KIND_N, /* ROUGE-n */
    ROUGE_KIND_L, /* ROUGE-L */
    ROUGE_KIND_W, /* ROUGE-W */
    ROUGE_KIND_S, /* ROUGE-S */
    ROUGE_KIND_SU /* ROUGE-SU */
} rouge_kind;

typedef struct rouge_metric {
    rouge_kind kind;
    int n;         /* n-gram size for ROUGE_KIND_N */
    char name[40]; /* "ROUGE-1", "ROUGE-W-1.2", ... */
} rouge_metric;

#define ROUGE_MAX_METRICS 16

/* ROUGE-1.5.5's sprintf("%7.5f", x) read back as a number. */
double rouge_round5(double x);

/* Perl's number-to-string conversion (%.15g), into 'buf' (size >= 32). */
void rouge_perl_num(char *buf, size_t size, double x);

/* Access to an evaluator for the averaging and report modules. */
const chorus_rouge_config *rouge_config(const chorus_rouge *r);
const rouge_metric *rouge_metric_at(const chorus_rouge *r, size_t m);
const char *rouge_system_id(const chorus_rouge *r);

/* Figures of evaluation 'i' on metric 'm': R, P, F, reference count, peer
 * count, hits. */
void rouge_eval_values(const chorus_rouge *r, size_t i, size_t m, double out[6]);

/* Indices 0..n-1 of the evaluations sorted by "<id>.<system>" as Perl's
 * sort (byte order) sorts them, or (report=1) as ROUGE-1.5.5's report
 * orders them (numerically by a leading number when both ids have one).
 * Returns a malloc'd array, NULL when out of memory (or n == 0). */
size_t *rouge_sorted_evals(const chorus_rouge *r, int report);

#endif
