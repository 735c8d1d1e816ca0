/*
 * quotes.h - direct quotations, who said them, and which outlets carry the
 * same quotation.
 *
 * Three stages, each usable on its own so that it can be tested on a plain
 * string without a cluster:
 *
 *   quotes_extract()    one report's text -> quotations (offsets, partial
 *                       or full, sentences spanned)
 *   quotes_attribute()  the same report's quotations -> attribution as
 *                       written and canonical speaker
 *   quotes_group()      quotations of all reports -> groups of the same
 *                       quotation, each member with the words that differ
 *                       from the group's canonical text
 *
 * quotes_analyze() runs the three over a cluster. Everything returned lives
 * in the arena passed in; nothing needs freeing on its own. All functions
 * return 0, or -1 when out of memory (the output is then unspecified and
 * must not be used). None of them prints, aborts or keeps global state.
 */
#ifndef CHORUS_ANALYZE_QUOTES_H
#define CHORUS_ANALYZE_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "core/cluster.h"
#include "text/segment.h"
#include "util/arena.h"

/* How a quotation is attributed in its report. */
typedef enum ch_quote_attr {
    QATTR_NONE = 0,      /* no attribution found */
    QATTR_NAMED = 1,     /* a name as written: "Kirby said", "said John Kirby" */
    QATTR_PRONOUN = 2,   /* "he said": speaker is the antecedent, or NULL */
    QATTR_ROLE = 3,      /* a definite role or document: "the spokesman",
                            "the statement": speaker is the referent, or NULL */
    QATTR_ANONYMOUS = 4, /* an unnamed source: "a department spokesperson",
                            "officials", or "the spokesman" in a report that
                            never names one: speaker NULL */
    QATTR_INHERITED = 5  /* no attribution of its own; continues the previous
                            quotation of the same speaker in the paragraph
                            (an inherited unnamed source stays ANONYMOUS) */
} ch_quote_attr;

typedef struct ch_quote {
    uint32_t doc;                   /* report index */
    size_t off, len;                /* the quoted words without the outer marks, article-text
                                       bytes of report doc; a quotation reopened on a new
                                       paragraph keeps the inner marks inside the range */
    size_t src_off, src_len;        /* the same in the report's original input */
    uint32_t first_sent, last_sent; /* sentence indices it spans (cluster-wide after
                                       quotes_analyze, report-local after quotes_extract) */
    const char *speaker;            /* canonical speaker ("John Kirby"), NULL if unknown */
    const char *attribution;        /* the attribution as written ("a State Department
                                       spokesman", "Kirby", "he"), NULL if none */
    size_t attr_off, attr_len;      /* attribution mention in the article text (0, 0 if none) */
    int partial;                    /* 1: a fragment quoted inside a sentence */
    ch_quote_attr attr_kind;        /* how the speaker was found */
    uint32_t group;                 /* index of its group after quotes_group() */
} ch_quote;

typedef struct ch_quote_variant {
    uint32_t quote;          /* index into ch_quotes.q */
    const size_t *diff_off;  /* (n_diff) article-text bytes of the member's report: its words */
    const size_t *diff_len;  /* that are not in the canonical text (token LCS) */
    size_t n_diff;
} ch_quote_variant;

typedef struct ch_quote_group {
    uint32_t canonical;              /* index into ch_quotes.q */
    const ch_quote_variant *members; /* (n_members) in report order, canonical included */
    size_t n_members;
    size_t n_docs;                   /* distinct reports among the members */
    int attribution_differs;         /* members name different speakers, or one names a
                                        speaker and another cites an unnamed source */
} ch_quote_group;

typedef struct ch_quotes {
    ch_quote *q;       /* (n) by report, then by position */
    size_t n;
    ch_quote_group *g; /* (n_groups) every quotation is in exactly one group; groups carried
                          by more reports come first, then by first appearance */
    size_t n_groups;
} ch_quotes;

/* ------------------------------------------------------------ vocabulary */

/* Word lists used by extraction and attribution, all embedded: speech verbs
 * (data/speech-verbs-en.txt), given names with their usual gender
 * (data/given-names-en.txt), function words (data/stopwords-en.txt) and
 * abbreviations that keep their period (data/abbreviations-en.txt). Build
 * one per thread, or share a built one read-only. */
typedef struct ch_quote_lex ch_quote_lex;

/* Returns a new vocabulary, or NULL when out of memory. */
ch_quote_lex *quotes_lex_new(void);

/* No operation if 'lx' is NULL. */
void quotes_lex_free(ch_quote_lex *lx);

/* 1 if w[0..n) (any case) is a speech verb form ("said", "tweeted"). */
int quotes_lex_is_speech_verb(const ch_quote_lex *lx, const char *w, size_t n);

/* 'm' or 'f' if w[0..n) is a given name of that usual gender, 'u' for a
 * given name of either, 0 if it is not a known given name. */
int quotes_lex_given_name(const ch_quote_lex *lx, const char *w, size_t n);

/* 1 if w[0..n) without its final period is an abbreviation that keeps one
 * ("Dr", "Sen", "St", "u.s"). */
int quotes_lex_is_abbrev(const ch_quote_lex *lx, const char *w, size_t n);

/* 1 if w[0..n) is a function word (data/stopwords-en.txt). */
int quotes_lex_is_stop(const ch_quote_lex *lx, const char *w, size_t n);

/* -------------------------------------------------------------- stages */

/* Finds the quotations of one report. text[0..len) is its article text
 * (valid UTF-8); sents[0..n_sents) its sentences in order (may be NULL/0,
 * then first_sent and last_sent are 0). Sets doc, off, len, partial,
 * first_sent, last_sent (report-local); src_off/src_len are set equal to
 * off/len; attribution fields are cleared. *out is an arena array of *n
 * quotations in text order (NULL when none). */
int quotes_extract(const ch_quote_lex *lx, const char *text, size_t len, const ch_span *sents,
                   size_t n_sents, uint32_t doc, ch_arena *a, ch_quote **out, size_t *n);

/* Fills speaker, attribution, attr_off, attr_len and attr_kind of the
 * quotations q[0..n) of one report (all from text[0..len), in text order, as
 * quotes_extract() gives them). Strings are arena copies. */
int quotes_attribute(const ch_quote_lex *lx, const char *text, size_t len, ch_quote *q, size_t n,
                     ch_arena *a);

/* Groups quotations of several reports: two quotations of different reports
 * join when their word sequences mostly contain one another (see
 * quotes_group.c); a group holds at most three quotations of one report.
 * texts[d] is the article text of report d. Sets q[i].group and fills *g
 * (arena array of *n_groups, members of each in quotation order; a group's
 * attribution_differs reads the members' speaker and attr_kind, so call it
 * after quotes_attribute()). */
int quotes_group(ch_quote *q, size_t n, const char *const *texts, ch_arena *a, ch_quote_group **g,
                 size_t *n_groups);

/* Word-level difference: the ranges of b[0..blen) whose words are not in a
 * longest common subsequence of the words of a[0..alen) and b (words are
 * compared case-folded, punctuation ignored; a run of differing words
 * becomes one range). *off and *len are arena arrays of *n ranges, byte
 * offsets relative to b (NULL when *n is 0). */
int quotes_word_diff(const char *a, size_t alen, const char *b, size_t blen, ch_arena *ar,
                     size_t **off, size_t **len, size_t *n);

/* 1 if two canonical speaker names denote the same speaker: equal ignoring
 * case, a leading "the" and middle initials, or one is the other's surname
 * ("Kirby" / "John Kirby", "John F. Kerry" / "John Kerry"). */
int quotes_speaker_same(const char *a, const char *b);

/* Runs extraction, attribution and grouping over every report of 'c';
 * sentence indices are cluster-wide and src_off/src_len point into each
 * report's original input. A speaker known only by a surname in one report
 * takes the full name another report gives when exactly one matches. */
int quotes_analyze(const chorus_cluster *c, ch_arena *a, ch_quotes *out);

/* ------------------------------------------------- shared by quotes*.c */

/* Token of the quotation scanner. */
typedef enum ch_qtok_kind {
    QTK_WORD = 0,  /* letters (with inner ' ’ ‘ - and the dots of initials) */
    QTK_NUM = 1,   /* digits with inner , . : */
    QTK_PUNCT = 2, /* any other character */
    QTK_MARK = 3   /* a character that may open or close a quotation */
} ch_qtok_kind;

/* ch_qtok.mark: family and shape of a QTK_MARK token. */
#define QMARK_DOUBLE 1u /* " “ ” „ « » */
#define QMARK_SINGLE 2u /* ' ‘ ’ */
#define QMARK_OPEN 4u   /* may open a quotation here */
#define QMARK_CLOSE 8u  /* may close a quotation here */

typedef struct ch_qtok {
    size_t off, len;   /* bytes of the text */
    uint8_t kind;      /* ch_qtok_kind */
    uint8_t mark;      /* QMARK_* for QTK_MARK */
    uint8_t cap;       /* word begins with an upper-case letter */
    uint8_t allcap;    /* word has two or more letters, all upper case */
    uint8_t para;      /* first token of a paragraph (blank line, or a line break
                          that does not merely wrap a sentence) */
    uint8_t lower;     /* word begins with a lower-case letter */
} ch_qtok;

/* Splits text[0..len) into tokens. *out is a malloc'd array of *n tokens
 * (NULL when none) that the caller frees. Returns 0, or -1 when out of
 * memory. */
int quotes_tokenize(const ch_quote_lex *lx, const char *text, size_t len, ch_qtok **out,
                    size_t *n);

/* 1 if the word t of 'text' equals the ASCII word 'w' ignoring case. */
int quotes_tok_is(const char *text, const ch_qtok *t, const char *w);

/* Appends the case-folded form of s[0..n) to 'out' (typographic apostrophes
 * become ', letters are lower-cased with utf8proc). Returns 0 or -1. */
int quotes_fold(const char *s, size_t n, ch_buf *out);

#endif
