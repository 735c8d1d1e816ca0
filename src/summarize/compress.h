/*
 * compress.h - light sentence compression: the parts of a sentence a
 * summary can do without and stay grammatical (rules in compress.c).
 */
#ifndef CHORUS_SUMMARIZE_COMPRESS_H
#define CHORUS_SUMMARIZE_COMPRESS_H

#include <stddef.h>

/* Rules, as bits of CHORUS_COMPRESS_* in chorus.h. */
#define CMP_DATELINE 1u   /* "WASHINGTON (AP) -- " opening a report */
#define CMP_CONNECTIVE 2u /* "But ", "However, " opening a sentence */
#define CMP_PAREN 4u      /* short parenthetical asides "(K.N)" */
#define CMP_ATTRIB 8u     /* trailing ", he said Tuesday." after a quote */
#define CMP_SPACING 16u   /* tokenised spacing: "word ," "( ap )" '" quoted "' */

#define CMP_MAX_CUTS 48

typedef struct cmp_cut {
    size_t off, len; /* bytes of the sentence left out */
} cmp_cut;

typedef struct cmp_result {
    cmp_cut cut[CMP_MAX_CUTS]; /* ascending, not overlapping */
    size_t n_cut;
    int recap; /* 1: the first kept letter should be upper-cased */
} cmp_result;

/* Finds what 'rules' would leave out of text[0..len) (valid UTF-8, one
 * sentence); 'opening' is 1 for the first sentence of a report (the only
 * place a dateline stands). Never cuts everything: a sentence keeps at
 * least CMP_MIN_WORDS words or is left whole. */
#define CMP_MIN_WORDS 4
void cmp_sentence(const char *text, size_t len, unsigned rules, int opening, cmp_result *r);

/* Writes the compressed sentence into out (room for len + 1 bytes) and
 * returns its length; inner line breaks become spaces. */
size_t cmp_apply(const char *text, size_t len, const cmp_result *r, char *out);

#endif
