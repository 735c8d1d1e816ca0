/*
 * segment.h - sentence splitting of cleaned, valid UTF-8 text.
 *
 * The rules (line structure, abbreviations, quotes, length caps) are
 * described at the top of segment.c. Stateless and reentrant: the
 * abbreviation list is the embedded, read-only data/abbreviations-en.txt.
 */
#ifndef CHORUS_TEXT_SEGMENT_H
#define CHORUS_TEXT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

/* ch_span.flags */
/* SEG_HEADLINE: the sentence ends a paragraph at a line end without sentence
 * punctuation: a headline, title, heading, caption, byline, list item, or a
 * paragraph cut off in the middle. */
#define SEG_HEADLINE 1u
#define SEG_PARA_START 2u /* first sentence of a paragraph */
#define SEG_FORCED 4u     /* cut by the length cap, not at punctuation */

/* Length caps: a sentence longer than SEG_SOFT_MAX bytes is cut at the next
 * whitespace; one with no whitespace is cut at a character boundary at
 * SEG_HARD_MAX bytes. Both cuts are flagged SEG_FORCED. */
#define SEG_SOFT_MAX 1000
#define SEG_HARD_MAX 2000

typedef struct ch_span {
    size_t off, len; /* bytes of the text; no leading/trailing whitespace */
    uint32_t para;   /* paragraph index (blank-line or line separated) */
    uint32_t flags;  /* SEG_* */
} ch_span;

/* Splits 'text' into sentences in order. *out is a malloc'd array of *n
 * spans (NULL when *n is 0) the caller frees. Spans are non-empty, in
 * order, do not overlap, carry no surrounding whitespace (ASCII or Unicode
 * spaces) and start and end on character boundaries; paragraph indexes
 * start at 0 and grow by one at each SEG_PARA_START. Linear time. Returns
 * 0, or -1 when out of memory (*out is then NULL, *n 0). */
int seg_split(const char *text, size_t len, ch_span **out, size_t *n);

/* Classes of data/abbreviations-en.txt (see the comment at its top). */
enum seg_abbr_class {
    SEG_ABBR_NONE = 0, /* not a listed abbreviation */
    SEG_ABBR_TITLE,    /* Mr, Gen, St, vs: never ends a sentence before a word */
    SEG_ABBR_NUM,      /* No, Vol: not before a digit */
    SEG_ABBR_MONTH,    /* Sept: not before a digit */
    SEG_ABBR_TIME,     /* a.m, p.m */
    SEG_ABBR_PLAIN     /* Inc, Jr, Calif: ends one only before a function word */
};

/* Class of the word w[0..n) (without its final period, e.g. "Sen", "u.s")
 * in the embedded abbreviation list; case-insensitive except for entries
 * marked `cap`, which need a capital initial. SEG_ABBR_NONE when absent. */
int seg_abbrev_class(const char *w, size_t n);

#endif
