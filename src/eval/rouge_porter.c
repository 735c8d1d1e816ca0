/*
 * rouge_porter.c - the Porter stemmer exactly as ROUGE-1.5.5 applies it.
 *
 * ROUGE-1.5.5 stems with a transcription of Porter's 1980 suffix-stripping
 * algorithm whose conditions are regular expressions, and that transcription
 * departs from the published algorithm in ways that change stems, so a
 * general-purpose Porter (Snowball's "porter" included) does not give
 * ROUGE's numbers. The differences kept here:
 *  - "y" counts as a vowel or as a consonant wherever a pattern allows it
 *    (below), not by the "preceded by a consonant" rule; a leading "y" is
 *    never a vowel;
 *  - step 2 maps "bli" -> "ble" and "logi" -> "log" (not "abli" -> "able");
 *  - step 4 first tries the longest of its suffixes (with "ement" but not
 *    "ment" or "ent"), then, on the result, "ment", then "ent", and only when
 *    the word does not end in "ent", "sion"/"tion";
 *  - the "*o" test (consonant-vowel-consonant ending, last consonant not
 *    w, x or y) is made on the whole word: the word must be exactly one
 *    consonant run, one vowel, one consonant.
 *
 * The measure tests are patterns over these letter classes:
 *
 *     c = [^aeiou]   v = [aeiouy]   C = c[^aeiouy]*   V = v[aeiou]*
 *     m>0:  ^C?VC        m=1: ^C?VC V?$      m>1: ^C?VCVC
 *     vowel in stem: ^C?v                    *o: ^Cv[^aeiouwxy]$
 *
 * and are decided exactly (every way the pattern could match is explored)
 * by running the pattern as an automaton over the word: the set of
 * positions a prefix of the pattern can reach is carried from element to
 * element, so each test costs O(pattern length x word length).
 *
 * In each step the suffix tried is the longest listed suffix the word ends
 * with, and a suffix whose condition fails is not retried shorter, as with
 * the original. The stem never grows, so the output fits in the input's
 * length (plus the NUL).
 */
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"

/* --------------------------------------------------- letter classes */

enum {
    PORTER_NONE = 0,    /* no character */
    PORTER_NOT_AEIOU,   /* c */
    PORTER_AEIOUY,      /* v */
    PORTER_NOT_AEIOUY,  /* tail of C */
    PORTER_AEIOU,       /* tail of V */
    PORTER_NOT_AEIOUWXY /* last letter of *o */
};

static int porter_is_aeiou(unsigned char ch) {
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

static int porter_in(int cls, unsigned char ch) {
    switch (cls) {
    case PORTER_NOT_AEIOU:
        return !porter_is_aeiou(ch);
    case PORTER_AEIOUY:
        return porter_is_aeiou(ch) || ch == 'y';
    case PORTER_NOT_AEIOUY:
        return !porter_is_aeiou(ch) && ch != 'y';
    case PORTER_AEIOU:
        return porter_is_aeiou(ch);
    case PORTER_NOT_AEIOUWXY:
        return !porter_is_aeiou(ch) && ch != 'y' && ch != 'w' && ch != 'x';
    default:
        return 0;
    }
}

/* One pattern element: a character of class 'first' followed by any number
 * of characters of class 'rest' (none when PORTER_NONE); 'optional' lets
 * the whole element be skipped. */
typedef struct porter_elem {
    unsigned char first, rest, optional;
} porter_elem;

#define PORTER_C                                                                                   \
    { PORTER_NOT_AEIOU, PORTER_NOT_AEIOUY, 0 }
#define PORTER_C_OPT                                                                               \
    { PORTER_NOT_AEIOU, PORTER_NOT_AEIOUY, 1 }
#define PORTER_V                                                                                   \
    { PORTER_AEIOUY, PORTER_AEIOU, 0 }
#define PORTER_V_OPT                                                                               \
    { PORTER_AEIOUY, PORTER_AEIOU, 1 }
#define PORTER_v                                                                                   \
    { PORTER_AEIOUY, PORTER_NONE, 0 }

static const porter_elem porter_mgr0[] = {PORTER_C_OPT, PORTER_V, PORTER_C};
static const porter_elem porter_meq1[] = {PORTER_C_OPT, PORTER_V, PORTER_C, PORTER_V_OPT};
static const porter_elem porter_mgr1[] = {PORTER_C_OPT, PORTER_V, PORTER_C, PORTER_V, PORTER_C};
static const porter_elem porter_hasv[] = {PORTER_C_OPT, PORTER_v};
static const porter_elem porter_cvc[] = {PORTER_C, PORTER_v, {PORTER_NOT_AEIOUWXY, PORTER_NONE, 0}};

#define PORTER_NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Scratch for the automaton: two position sets of n + 1 flags. */
typedef struct porter_work {
    unsigned char *a, *b;
} porter_work;

/* Does the pattern match a prefix of s[0..n) (to_end = 0) or all of it
 * (to_end = 1)? */
static int porter_match(const porter_work *wk, const char *s, size_t n, const porter_elem *pat,
                        size_t np, int to_end) {
    unsigned char *cur = wk->a, *next = wk->b;
    memset(cur, 0, n + 1);
    cur[0] = 1;
    for (size_t e = 0; e < np; e++) {
        if (pat[e].optional)
            memcpy(next, cur, n + 1);
        else
            memset(next, 0, n + 1);
        int run = 0; /* the element can end at position q */
        for (size_t q = 1; q <= n; q++) {
            unsigned char ch = (unsigned char)s[q - 1];
            run = (cur[q - 1] && porter_in(pat[e].first, ch)) ||
                  (run && pat[e].rest != PORTER_NONE && porter_in(pat[e].rest, ch));
            if (run)
                next[q] = 1;
        }
        unsigned char *t = cur;
        cur = next;
        next = t;
    }
    if (to_end)
        return cur[n];
    for (size_t q = 0; q <= n; q++)
        if (cur[q])
            return 1;
    return 0;
}

/* ------------------------------------------------------ suffix tables */

typedef struct porter_rule {
    const char *suffix, *repl;
} porter_rule;

static const porter_rule porter_step2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"}};

static const porter_rule porter_step3[] = {{"icate", "ic"}, {"ative", ""},  {"alize", "al"},
                                           {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""},
                                           {"ness", ""}};

static const char *const porter_step4[] = {"al",   "ance", "ence",  "er", "ic",  "able",
                                           "ible", "ant",  "ement", "ou", "ism", "ate",
                                           "iti",  "ous",  "ive",   "ize"};

static int porter_ends(const char *w, size_t len, const char *suf) {
    size_t k = strlen(suf);
    return k <= len && memcmp(w + len - k, suf, k) == 0;
}

/* Index of the longest rule whose suffix ends 'w', or -1. */
static int porter_longest(const char *w, size_t len, const porter_rule *rules, size_t nr) {
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < nr; i++) {
        size_t k = strlen(rules[i].suffix);
        if (k > best_len && porter_ends(w, len, rules[i].suffix)) {
            best = (int)i;
            best_len = k;
        }
    }
    return best;
}

/* Replaces a matched step 2/3 suffix when the stem has m > 0. */
static size_t porter_replace_step(const porter_work *wk, char *w, size_t len,
                                  const porter_rule *rules, size_t nr) {
    int i = porter_longest(w, len, rules, nr);
    if (i < 0)
        return len;
    size_t stem = len - strlen(rules[i].suffix);
    if (!porter_match(wk, w, stem, porter_mgr0, PORTER_NELEM(porter_mgr0), 0))
        return len;
    size_t k = strlen(rules[i].repl);
    memcpy(w + stem, rules[i].repl, k);
    return stem + k;
}

/* ------------------------------------------------------------- stemming */

static size_t porter_run(const porter_work *wk, char *w, size_t len) {
    /* Step 1a: sses -> ss, ies -> i, s -> "" after a letter other than s. */
    if (porter_ends(w, len, "sses") || porter_ends(w, len, "ies"))
        len -= 2;
    else if (len >= 2 && w[len - 1] == 's' && w[len - 2] != 's')
        len -= 1;

    /* Step 1b: eed -> ee (m>0); ed, ing -> "" (vowel in stem), then tidy. */
    if (porter_ends(w, len, "eed")) {
        if (porter_match(wk, w, len - 3, porter_mgr0, PORTER_NELEM(porter_mgr0), 0))
            len -= 1;
    } else if (porter_ends(w, len, "ed") || porter_ends(w, len, "ing")) {
        size_t stem = len - (porter_ends(w, len, "ed") ? 2 : 3);
        if (porter_match(wk, w, stem, porter_hasv, PORTER_NELEM(porter_hasv), 0)) {
            len = stem;
            if (porter_ends(w, len, "at") || porter_ends(w, len, "bl") ||
                porter_ends(w, len, "iz")) {
                w[len++] = 'e';
            } else if (len >= 2 && w[len - 1] == w[len - 2] && !strchr("aeiouylsz", w[len - 1])) {
                len -= 1;
            } else if (porter_match(wk, w, len, porter_cvc, PORTER_NELEM(porter_cvc), 1)) {
                w[len++] = 'e';
            }
        }
    }

    /* Step 1c: y -> i when the stem has a vowel. */
    if (len >= 1 && w[len - 1] == 'y' &&
        porter_match(wk, w, len - 1, porter_hasv, PORTER_NELEM(porter_hasv), 0))
        w[len - 1] = 'i';

    /* Steps 2 and 3: suffix replacement when m > 0. */
    len = porter_replace_step(wk, w, len, porter_step2, PORTER_NELEM(porter_step2));
    len = porter_replace_step(wk, w, len, porter_step3, PORTER_NELEM(porter_step3));

    /* Step 4: suffix removal when m > 1, in ROUGE-1.5.5's three tries. */
    {
        size_t best_len = 0;
        for (size_t i = 0; i < PORTER_NELEM(porter_step4); i++) {
            size_t k = strlen(porter_step4[i]);
            if (k > best_len && porter_ends(w, len, porter_step4[i]))
                best_len = k;
        }
        if (best_len > 0 &&
            porter_match(wk, w, len - best_len, porter_mgr1, PORTER_NELEM(porter_mgr1), 0))
            len -= best_len;
    }
    if (porter_ends(w, len, "ment") &&
        porter_match(wk, w, len - 4, porter_mgr1, PORTER_NELEM(porter_mgr1), 0))
        len -= 4;
    if (porter_ends(w, len, "ent")) {
        if (porter_match(wk, w, len - 3, porter_mgr1, PORTER_NELEM(porter_mgr1), 0))
            len -= 3;
    } else if (porter_ends(w, len, "sion") || porter_ends(w, len, "tion")) {
        /* the s or t stays in the stem that is tested */
        if (porter_match(wk, w, len - 3, porter_mgr1, PORTER_NELEM(porter_mgr1), 0))
            len -= 3;
    }

    /* Step 5: final e (m > 1, or m = 1 and not *o), then ll -> l (m > 1). */
    if (len >= 1 && w[len - 1] == 'e') {
        size_t stem = len - 1;
        if (porter_match(wk, w, stem, porter_mgr1, PORTER_NELEM(porter_mgr1), 0) ||
            (porter_match(wk, w, stem, porter_meq1, PORTER_NELEM(porter_meq1), 1) &&
             !porter_match(wk, w, stem, porter_cvc, PORTER_NELEM(porter_cvc), 1)))
            len = stem;
    }
    if (porter_ends(w, len, "ll") &&
        porter_match(wk, w, len, porter_mgr1, PORTER_NELEM(porter_mgr1), 0))
        len -= 1;
    return len;
}

int rouge_porter_stem(const char *word, size_t n, char *out, size_t *out_len) {
    memcpy(out, word, n);
    out[n] = '\0';
    if (n < 3) {
        *out_len = n;
        return 0;
    }
    unsigned char small[2 * 258];
    unsigned char *mem = small;
    if (n + 1 > 258) {
        mem = malloc(2 * (n + 1));
        if (!mem)
            return -1;
    }
    porter_work wk = {mem, mem + n + 1};
    /* A leading y is made a letter outside every vowel class, as the
     * original does by upper-casing it. */
    int first_y = out[0] == 'y';
    if (first_y)
        out[0] = 'Y';
    size_t len = porter_run(&wk, out, n);
    if (first_y)
        out[0] = 'y';
    out[len] = '\0';
    *out_len = len;
    if (mem != small)
        free(mem);
    return 0;
}
