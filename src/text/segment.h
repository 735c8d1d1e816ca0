/*
 * segment.h - sentence splitting of cleaned, valid UTF-8 text.
 */
#ifndef CHORUS_TEXT_SEGMENT_H
#define CHORUS_TEXT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

/* ch_span.flags */
#define SEG_HEADLINE 1u /* a line that ends without sentence punctuation */
#define SEG_PARA_START 2u /* first sentence of a paragraph */

typedef struct ch_span {
    size_t off, len; /* bytes of the text; no leading/trailing whitespace */
    uint32_t para;   /* paragraph index (blank-line or line separated) */
    uint32_t flags;  /* SEG_* */
} ch_span;

/* Splits 'text' into sentences in order. *out is a malloc'd array of *n
 * spans (NULL when *n is 0) the caller frees. Returns 0, or -1 when out of
 * memory (*out is then NULL). */
int seg_split(const char *text, size_t len, ch_span **out, size_t *n);

#endif
