/*
 * conflicts.h - figures stated by the reports (counts, amounts, percentages,
 * ages, years, dates, weekdays, times of day, durations), what each one
 * measures, and the places where reports disagree about the same thing.
 *
 * Stage 1, extraction (quantity.c): every sentence is scanned for numeric
 * and temporal expressions, each read together with
 *   - its value and the range its wording allows ("about 60,000", "more
 *     than four years"), and the rounding its digits imply;
 *   - its unit: a currency, "%", a time unit, or the counted noun's stem;
 *   - its context: content-word stems of the same clause, nearest first
 *     (the clause ends at sentence punctuation, quotation marks, dashes,
 *     subordinating words and other figures of the same family);
 *   - qualifiers that tell otherwise similar figures apart: a month or
 *     year in the clause, a place after "in"/"at", "a year" (rates),
 *     "another" (increments), "total", "from" (earlier values), "could"
 *     (hypotheticals).
 *
 * Stage 2, comparison (conflicts.c): two figures of different reports are
 * about the same thing when the reports tell the same story, the figures'
 * kinds are comparable, their units, flags and qualifiers compatible, and
 * their contexts share enough specific stems (weighted by inverse sentence
 * frequency in the cluster) including, for times, the verb they date. Such
 * a pair conflicts when the values disagree beyond rounding and hedging but
 * plausibly (not a factor of ten apart), and neither report also states
 * the other's value for the same thing. Pairs are grouped into conflicts,
 * one per measured thing.
 *
 * Precision is preferred to recall: anything ambiguous (a bare number, a
 * clock time of unknown half-day, figures whose context is only reporting
 * verbs) is never compared.
 *
 * Memory: everything returned lives in the arena passed in. Functions
 * return 0, or -1 when out of memory (the arena may then hold partial
 * results that are simply not referenced).
 */
#ifndef CHORUS_ANALYZE_CONFLICTS_H
#define CHORUS_ANALYZE_CONFLICTS_H

#include <stddef.h>
#include <stdint.h>

#include "analyze/aword.h"
#include "analyze/dates.h"
#include "util/arena.h"

struct chorus_cluster;

typedef enum ch_qkind {
    CH_Q_COUNT = 0,   /* "12 people", "20,000 emails"; value = count, unit = noun stem */
    CH_Q_MONEY,       /* "$4.5 billion", "410 million euros"; unit = currency */
    CH_Q_PERCENT,     /* "5.2%", "12 percent"; unit "%" or "pp" (percentage points) */
    CH_Q_AGE,         /* "the 45-year-old", "John Smith, 45,"; value in years */
    CH_Q_YEAR,        /* "in 2012", "its 2012 decision" */
    CH_Q_DATE,        /* "Oct. 18", "October 17, 2016", "August 2012" */
    CH_Q_WEEKDAY,     /* "Monday morning", "Saturday, 5 pm GMT" */
    CH_Q_TIME_OF_DAY, /* "11:40 p.m.", "shortly before midnight" */
    CH_Q_DURATION,    /* "four years", "48 hours"; value in the unit, unit = "year" ... */
    CH_Q_RELATIVE,    /* "yesterday", "last week", "two days ago" */
    CH_Q_NKINDS
} ch_qkind;

/* Short lower-case name of a kind ("count", "money", ...). */
const char *conflicts_kind_name(ch_qkind k);

/* ch_quantity.flags */
#define QF_APPROX 0x1u    /* about, around, roughly, some, an estimated */
#define QF_ATLEAST 0x2u   /* more than, over, at least */
#define QF_ATMOST 0x4u    /* less than, up to, nearly, almost */
#define QF_AGO 0x8u       /* "four years ago" */
#define QF_PRIOR 0x10u    /* an earlier value: "from 4.9%", "up from", "compared with" */
#define QF_RATE 0x20u     /* "a year", "per day", "annually" in the clause */
#define QF_INCR 0x40u     /* "another", "additional", "more" */
#define QF_TOTAL 0x80u    /* "a total of", "in all", "combined" */
#define QF_HYPO 0x100u    /* could, would, might, may, if */
#define QF_QUOTED 0x200u  /* inside a quotation */
#define QF_ADJ 0x400u     /* adjectival duration: "the two-year negotiations" */
#define QF_WORDS 0x800u   /* written in words ("twelve") */
#define QF_SINCE 0x2000u  /* a time that starts a state: "since 2012", "from Monday" */
#define QF_UNTIL 0x4000u  /* a time that ends one: "until", "by", "before", "through" */
#define QF_ASOF 0x8000u   /* a time at which a state is observed: "as of Monday" */
#define QF_AFTER 0x10000u /* "after Monday" */
/* QF_SPEECH: a time attached to a reporting verb ("said Tuesday"), when
 * something was said rather than when it happened; never compared */
#define QF_NEG 0x20000u    /* a negation in the clause: "did not want", "never" */
#define QF_UP 0x40000u     /* a rise: "grew 19 percent", "up 3%" */
#define QF_DOWN 0x80000u   /* a fall: "declined by 12 percent" */
#define QF_RANGE 0x100000u /* a range: "between 0.7 and 1.4 degrees", "10 to 12 people" */
#define QF_SPEECH 0x1000u

/* ch_quantity.ctx_flags */
#define CTX_PROPER 1u /* only ever written with a capital, mid-sentence: a name */
#define CTX_VERB 2u   /* used as a verb (-ed, -ing, an irregular past, after an auxiliary) */
#define CTX_LEFT 4u   /* found before the figure */

/* A qualifier of a figure: something in its clause that distinguishes it. */
typedef enum ch_qualkind {
    QUAL_TIME = 1,  /* a date, month, year or weekday: y/m/d/wd */
    QUAL_PLACE = 2, /* capitalised words after in/at/near/from */
    QUAL_PERIOD = 3 /* a clause bounding the figure's period: "since ...", "before ...",
                       "so far"; 'place' holds the stem of the word */
} ch_qualkind;

#define QUAL_REL_ANAPHORIC 100

typedef struct ch_qual {
    ch_qualkind kind;
    int year, month, day, weekday; /* QUAL_TIME; 0 / -1 when absent */
    int rel, rel_n;                /* QUAL_TIME: ch_when_rel and offset ("last year"), or
                                      QUAL_REL_ANAPHORIC ("that month", "the same day") */
    uint32_t place;                /* QUAL_PLACE: hash of the stems of the capitalised words */
} ch_qual;

typedef struct ch_quantity {
    uint32_t doc;            /* report */
    uint32_t sent;           /* ch_aspan.sent of its sentence (cluster sentence index) */
    uint32_t gsent;          /* global sentence index of the analysis (ch_acorpus) */
    size_t off, len;         /* article-text bytes of the expression (with its hedge) */
    size_t src_off, src_len; /* the same in the report's original input */
    const char *text;        /* the expression as written */
    ch_qkind kind;
    double value;        /* COUNT/MONEY: amount; PERCENT; AGE and DURATION in 'unit';
                            YEAR: the year; DATE: day number when the day is known;
                            WEEKDAY: 0..6; TIME_OF_DAY: minutes */
    double lo, hi;       /* values the wording allows (hedges applied) */
    int scale;           /* power of ten of the last significant digit as written */
    uint32_t flags;      /* QF_* */
    const char *unit;    /* "dollar", "%", "year", the counted noun's stem; "" if none */
    const char *noun;    /* AGE: stem of the noun described ("the 45-year-old suspect"),
                            else "" */
    const char *owner;   /* AGE: stem of the name it is given for ("Tom Ricks, 52,"), else "" */
    const char *measure; /* context stems, space-separated, nearest first */
    ch_when when;        /* temporal kinds: what the text states */
    ch_ymd date;         /* temporal kinds: calendar date when it can be placed */
    /* comparison data */
    const uint32_t *ctx;      /* (n_ctx) context stem ids (ch_acorpus vocabulary), nearest first */
    const uint8_t *ctx_dist;  /* (n_ctx) distance in words from the expression */
    const uint8_t *ctx_flags; /* (n_ctx) CTX_* of the words that gave each stem */
    uint32_t n_ctx;
    const ch_qual *qual; /* (n_qual) */
    uint32_t n_qual;
} ch_quantity;

typedef struct ch_conflict {
    ch_qkind kind;
    const char *measure;   /* stems the sides share: what they disagree about */
    const uint32_t *sides; /* (n_sides) quantity indices, >= 2, from >= 2 reports, by report */
    size_t n_sides;
    double score; /* strength of the match of what is measured, higher is surer */
} ch_conflict;

typedef struct ch_conflicts {
    ch_quantity *q; /* (n_q) every figure found, by report and position */
    size_t n_q;
    ch_conflict *c; /* (n) conflicts, in order of their first side */
    size_t n;
    const char *const *vocab; /* (n_vocab) stems by id, for ctx */
    size_t n_vocab;
} ch_conflicts;

/* Extracts the figures of every report and finds the conflicts. 'language'
 * is a Snowball stemmer name (NULL for English). Returns 0; -1 when out of
 * memory; -2 when the language has no stemmer. */
int conflicts_find(const ch_adoc *docs, size_t n_docs, const char *language, ch_arena *a,
                   ch_conflicts *out);

/* The same for a cluster (aword_view_cluster + conflicts_find). */
int conflicts_analyze(const struct chorus_cluster *c, ch_arena *a, ch_conflicts *out);

/* ---- internal to the conflict analysis (quantity.c <-> conflicts.c) ---- */

/* Appends the figures of global sentence g of corpus k to *q (count *n,
 * capacity *cap, malloc'd), with memory for strings and arrays from 'a'.
 * 'ref' is the report's publication date (may be DATE_PREC_NONE). Returns
 * 0 or -1 when out of memory. */
int qty_extract(const ch_acorpus *k, size_t g, const ch_ymd *ref, ch_arena *a, ch_quantity **q,
                size_t *n, size_t *cap);

/* 1 if the two figures agree (their values are compatible), 0 if they
 * disagree, -1 if they cannot be compared. */
int qty_agree(const ch_quantity *x, const ch_quantity *y);

#endif
