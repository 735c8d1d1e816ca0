/*
 * clean.h - removal of web page furniture from plain-text articles.
 *
 * Navigation and tracking lines, advertisements, share/follow/subscribe
 * prompts, comment and cookie furniture, photo credits and captions, bylines
 * and contact lines, embedded tweets, copyright and syndication notes, and
 * link text fused into sentences ("Hillary ClintonHillary Diane Rodham
 * Clinton... MORE") are cut; the article text is copied byte for byte.
 * Rules are general properties of web pages, tuned for precision: a real
 * sentence of the article is never the target. See clean.c for the passes.
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
                           "fused-links", "timestamp", "social-embed",
                           "copyright", "cookie-notice", "comments",
                           "syndication", "separator", "tracking", "script",
                           "link", "duplicate-title", "page-title",
                           "editor-note", "blank-line"; compare with
                           strcmp, not by address */
} ch_removed;

typedef struct ch_clean_result {
    ch_buf text;         /* the cleaned text */
    ch_offmap map;       /* cleaned offset -> input offset */
    ch_removed *removed; /* (n_removed) sorted, non-overlapping */
    size_t n_removed, removed_cap;
} ch_clean_result;

/* Cleans valid UTF-8 'text'. *out must be zeroed. Kept text is copied
 * unchanged (only whole lines and the in-line cuts below are removed),
 * paragraph breaks are kept. Returns 0, or -1 when out of memory.
 * The cuts inside a line are: fused link runs ("... MORE"), a photo credit
 * fused after the line's last sentence, a tracking token ("fb-pixel") or a
 * navigation phrase ("Skip to main content") fused at either end,
 * pic.twitter.com / t.co links, and publisher phrases fused into text that
 * lost its line breaks ("Advertisement Continue reading the main story",
 * "Media playback is unsupported on your device", "Image copyright ...
 * Image caption", bracketed or labelled photo credits; clean_inline.c).
 * Details of the contract:
 * - lines end at '\n' ("\r\n" is kept as it is); a line of spaces is blank;
 * - where cuts leave blank lines between two kept lines, one blank line
 *   stays (none if there were none); blank lines at the very start or end
 *   that touch a cut go; text without furniture comes back unchanged, with
 *   an empty map and no removals;
 * - the kept bytes and the removed ranges together cover the input exactly
 *   (dropped blank lines are merged into the removal they touch);
 * - out->text.data is a NUL-terminated string (possibly empty) on success;
 *   on failure *out is freed and zeroed;
 * - time and memory are linear in len; any bytes are accepted (invalid
 *   UTF-8 is never split further than it already is). */
int clean_text(const char *text, size_t len, ch_clean_result *out);

/* Frees what clean_text() allocated and zeroes *r. */
void clean_result_free(ch_clean_result *r);

#endif
