/*
 * clean.h - removal of web page furniture from plain-text articles.
 */
#ifndef CHORUS_DOC_CLEAN_H
#define CHORUS_DOC_CLEAN_H

#include <stddef.h>

#include "util/buf.h"
#include "util/offmap.h"

typedef struct ch_removed {
    size_t off, len;    /* bytes of the input to clean_text() */
    const char *reason; /* static string: "navigation", "advertisement",
                           "share-prompt", "photo-credit", "caption",
                           "byline", "contact", "tweet", "media",
                           "fused-links", ... */
} ch_removed;

typedef struct ch_clean_result {
    ch_buf text;          /* the cleaned text */
    ch_offmap map;        /* cleaned offset -> input offset */
    ch_removed *removed;  /* (n_removed) sorted, non-overlapping */
    size_t n_removed, removed_cap;
} ch_clean_result;

/* Cleans valid UTF-8 'text'. *out must be zeroed. Kept text is copied
 * unchanged (only whole lines or fused link runs are cut), paragraph breaks
 * are kept. Returns 0, or -1 when out of memory. */
int clean_text(const char *text, size_t len, ch_clean_result *out);

/* Frees what clean_text() allocated and zeroes *r. */
void clean_result_free(ch_clean_result *r);

#endif
