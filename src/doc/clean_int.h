/*
 * clean_int.h - internals shared by the cleaning files (clean.c, the line
 * classifier clean_line.c and the in-line cutter clean_inline.c).
 *
 * Cleaning works on lines. clean.c splits the input, asks clean_line.c for a
 * context-free verdict on each line, applies the rules that need neighbours
 * (titles, bylines under the title, tweet bodies, related-link blocks), asks
 * clean_inline.c for cuts inside the lines it keeps, and assembles the output.
 * Every predicate here reads only the bytes it is given and allocates nothing.
 */
#ifndef CHORUS_DOC_CLEAN_INT_H
#define CHORUS_DOC_CLEAN_INT_H

#include <stddef.h>

#include "doc/clean.h"

/* Reasons (static strings stored in ch_removed.reason). */
#define CLEAN_R_NAV "navigation"
#define CLEAN_R_AD "advertisement"
#define CLEAN_R_SHARE "share-prompt"
#define CLEAN_R_CREDIT "photo-credit"
#define CLEAN_R_CAPTION "caption"
#define CLEAN_R_BYLINE "byline"
#define CLEAN_R_TIMESTAMP "timestamp"
#define CLEAN_R_CONTACT "contact"
#define CLEAN_R_TWEET "tweet"
#define CLEAN_R_SOCIAL "social-embed"
#define CLEAN_R_MEDIA "media"
#define CLEAN_R_FUSED "fused-links"
#define CLEAN_R_COPYRIGHT "copyright"
#define CLEAN_R_COOKIE "cookie-notice"
#define CLEAN_R_COMMENTS "comments"
#define CLEAN_R_SYNDICATION "syndication"
#define CLEAN_R_SEPARATOR "separator"
#define CLEAN_R_TRACKING "tracking"
#define CLEAN_R_SCRIPT "script"
#define CLEAN_R_LINK "link"
#define CLEAN_R_TITLE_DUP "duplicate-title"
#define CLEAN_R_PAGE_TITLE "page-title"
#define CLEAN_R_BLANK "blank-line"
#define CLEAN_R_NOTE "editor-note"
#define CLEAN_R_NOTICE "site-notice"

/* Capacity of the buffer a line is normalised into; longer lines are
 * matched on their first CLEAN_NORM_CAP - 8 bytes only. */
#define CLEAN_NORM_CAP 640

/* Features of one trimmed line, computed once by clean_line_features(). */
typedef struct clean_feat {
    unsigned nwords;          /* whitespace-separated tokens */
    unsigned char ends_sent;  /* last visible char is . ! ? or … (closing quotes
                                 and brackets skipped) */
    unsigned char ends_colon; /* last visible char is ':' */
} clean_feat;

/* Width of the space at s[i] (s has n bytes): 1 for ASCII whitespace, 2 for
 * U+00A0, 0 when s[i] is no space. */
static inline size_t clean_space_width(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

/* Trims ASCII whitespace and U+00A0 from both ends of s[*a, *b). */
void clean_trim(const char *s, size_t *a, size_t *b);

/* Computes the features of the trimmed line s[0, n). */
void clean_line_features(const char *s, size_t n, clean_feat *f);

/* Normalises s[0, n) for phrase matching into out (capacity cap >= 16):
 * leading bullets, dashes and ASCII punctuation skipped; ASCII lower-cased;
 * curly quotes made straight; dashes made '-'; U+00A0 and whitespace runs made
 * one space; trailing spaces and . : ; , ! | - » › … stripped. Returns the
 * length written (out is NUL-terminated). */
size_t clean_norm(const char *s, size_t n, char *out, size_t cap);

/* Context-free verdict on the trimmed line s[0, n): the reason it is page
 * furniture, or NULL to keep it. */
const char *clean_line_reason(const char *s, size_t n, const clean_feat *f);

/* True when the trimmed line is a tweet attribution "— Name (@handle) Month
 * D, YYYY"; *alone is set when the dash opens the line (the tweet text is
 * then on the lines above), cleared when the text shares the line. */
int clean_tweet_attribution(const char *s, size_t n, int *alone);

/* 1 when the word looks like part of a personal name (capitalised word,
 * initial, nickname in quotes or brackets), 2 for a lower-case name
 * particle ("de", "van", "bin"), 0 otherwise. */
int clean_name_word(const char *w, size_t n);

/* True when the trimmed line is 2-4 name words (optionally two such names
 * joined by "and"), nothing else: a lone author line. */
int clean_is_name_line(const char *s, size_t n);

/* Appends to (*v, *n, *cap) the cuts inside the kept line s[a, b) of the
 * input 'text' (offsets are input offsets, ascending, disjoint): tracking
 * tokens fused at the start, a navigation phrase fused at the end, fused
 * link runs ending in "MORE", a photo credit fused after the last sentence,
 * pic.twitter.com / t.co links, and publisher phrases fused into the text
 * in any case ("Advertisement" opening a sentence, "Continue reading the
 * main story", "Media playback is unsupported on your device", "Image
 * copyright Getty Images Image caption", "(Photo: Jane Doe/AP)", "| Jo
 * Ray/Reuters", ...; see clean_inline.c). Each cut carries one of the
 * CLEAN_R_* reasons. Time is linear in b - a. Returns 0, or -1 when out of
 * memory (cuts appended so far stay in *v). */
int clean_inline_cuts(const char *text, size_t a, size_t b, ch_removed **v, size_t *n, size_t *cap);

/* The reason the sentence s[0, n) is a site's notice to its reader ("Please
 * check your email to activate your account."), or NULL (clean_sentence.c). */
const char *clean_sentence_reason(const char *s, size_t n);

/* True when a word of text[a, b) starts with one of a web archive's own
 * words ("wayback", "warc", "url", "crawler", ...; any letter case): the
 * cheap gate in front of the archive rules, one pass over the bytes. */
int clean_archive_words(const char *text, size_t a, size_t b);

/* True when the line text[a, b) is a web archive's page about its own
 * crawls and collections, not an article (clean_sentence.c). It reads every
 * sentence: call it only when clean_archive_words() found a word. */
int clean_archive_page(const char *text, size_t a, size_t b);

/* Appends to (*v, *n, *cap) the cuts of the sentences of s[a, b) of 'text'
 * that clean_sentence_reason() names, with a short question to the reader
 * just before one ('archive': 0 when clean_archive_words() found none in
 * the line, which skips the archive's rules); offsets ascending, disjoint, inside [a, b). Linear in
 * b - a. Returns 0, or -1 when out of memory. */
int clean_sentence_cuts(const char *text, size_t a, size_t b, int archive, ch_removed **v,
                        size_t *n, size_t *cap);

/* True when s[0, n) reads as a photo credit: at most 12 words, not ending a
 * sentence, holding a slash-joined credit or an agency name, with only
 * capitalised words and a few connectors. */
int clean_credit_like(const char *s, size_t n);

#endif
