/*
 * offmap.h - maps byte offsets of a derived text back to its source.
 *
 * Repairing invalid UTF-8 and removing page furniture both turn a source
 * text into a derived one; every sentence must still point into the source.
 * The map is a list of anchors (out, src), strictly increasing in 'out':
 * from an anchor on, offsets advance together, until the next anchor.
 *
 *   source:  "Skip to content\nKerry said ..."     derived: "Kerry said ..."
 *   anchors: (0, 16)
 *
 * offmap_src(o) = min(a.src + (o - a.out), next.src - 1) for the last
 * anchor a with a.out <= o (clamping keeps a 3-byte U+FFFD that replaced one
 * bad byte inside that byte). An empty map is the identity.
 */
#ifndef CHORUS_UTIL_OFFMAP_H
#define CHORUS_UTIL_OFFMAP_H

#include <stddef.h>

typedef struct ch_anchor {
    size_t out; /* offset in the derived text */
    size_t src; /* offset in the source text */
} ch_anchor;

typedef struct ch_offmap {
    ch_anchor *a; /* (n) sorted by out */
    size_t n, cap;
} ch_offmap;

/* Appends an anchor; 'out' must not be below the last anchor's (an anchor at
 * the same 'out' replaces it). Returns 0, or -1 when out of memory. */
int offmap_add(ch_offmap *m, size_t out, size_t src);

/* Source offset of derived offset 'out'. */
size_t offmap_src(const ch_offmap *m, size_t out);

/* Source end of a derived range ending at 'out_end' (exclusive): one past
 * the source of its last byte, so a range that ends just before a removed
 * stretch does not swallow it. */
size_t offmap_src_end(const ch_offmap *m, size_t out_end);

/* No operation on a zeroed map. */
void offmap_free(ch_offmap *m);

#endif
