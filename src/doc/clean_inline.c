/*
 * clean_inline.c - cuts inside a line that is otherwise article text.
 *
 * Some furniture is fused into a line of real text and only that part may
 * go. Five kinds are cut, scanning the line once from left to right:
 *
 *   "fb-pixelWikiLeaks says ..."          tracking token at the line start
 *   "... denies - Globe Skip to main content"   navigation phrase at the end
 *   "nominee Hillary ClintonHillary Diane Rodham ClintonYoung Turks ... MORE"
 *                                         fused link run (cut from the end of
 *                                         the short name through "MORE")
 *   "... Wall Street.Justin Tallis/WPA Pool/Getty Images"
 *                                         photo credit fused after a sentence
 *   "... plans pic.twitter.com/x1y2 ..."  pic.twitter.com and t.co links
 *
 * Fused link runs: a fusion point is a letter immediately followed by a
 * capital (or an opening quote and a capital, or a digit). Reading words
 * backwards from it (words split at spaces and at lower-to-upper fusions),
 * the last e >= 2 words must be name words forming the expansion E, and the
 * word before E must repeat E's last word: that word ends the short name N
 * the page linked ("John Kerry" + "John Forbes Kerry"). A standalone "MORE"
 * must close the run within CL_RUN_MAX bytes on the same line. CamelCase
 * names ("WikiLeaks", "McDonald", "YouTube") have no such repetition and no
 * "MORE", so they stay.
 *
 * Invariants: cuts are appended in ascending order, disjoint, inside [a, b);
 * each step looks back at most CL_BACK bytes and the search for "MORE" moves
 * only forward, so the scan is linear in the line length.
 */
#include <string.h>

#include "doc/clean_int.h"
#include "util/vec.h"

#define CL_RUN_MAX 1000 /* bytes from the fusion point to "MORE" */
#define CL_BACK 240     /* bytes read backwards from a fusion point */
#define CL_WORDS 12     /* words read backwards from a fusion point */

static int cleani_upper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}
static int cleani_lower(unsigned char c) {
    return c >= 'a' && c <= 'z';
}
static int cleani_alpha(unsigned char c) {
    return cleani_upper(c) || cleani_lower(c);
}
static int cleani_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static int cleani_push(ch_removed **v, size_t *n, size_t *cap, size_t off, size_t len,
                       const char *reason) {
    ch_removed r = {off, len, reason};
    return VEC_PUSH(*v, *n, *cap, r);
}

static int cleani_eq_ci(const unsigned char *u, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (cleani_upper(c))
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)p[i])
            return 0;
    }
    return 1;
}

/* Last byte of a letter: ASCII letter or the tail of a non-punctuation
 * multi-byte character. */
static int cleani_letter_before(const unsigned char *u, size_t lo, size_t i) {
    if (i <= lo)
        return 0;
    unsigned char c = u[i - 1];
    if (cleani_alpha(c))
        return 1;
    if (c >= 0x80 && c < 0xC0 && i >= lo + 2) {
        /* U+2000..U+206F (dashes, quotes, ellipsis) are not letters */
        if (i >= lo + 3 && u[i - 3] == 0xE2 && u[i - 2] >= 0x80 && u[i - 2] <= 0x81)
            return 0;
        return u[i - 2] >= 0xC3 && u[i - 2] <= 0xDF; /* Latin letters with marks */
    }
    return 0;
}

/* Width of the start of a headline at u[i]: a capital or digit (1), or an
 * opening quote followed by a capital; 0 when none. */
static size_t cleani_headline_start(const unsigned char *u, size_t e, size_t i) {
    if (i >= e)
        return 0;
    if (cleani_upper(u[i]) || cleani_digit(u[i]))
        return 1;
    if ((u[i] == '\'' || u[i] == '"') && i + 1 < e && cleani_upper(u[i + 1]))
        return 1;
    if (u[i] == 0xE2 && i + 3 < e && u[i + 1] == 0x80 && (u[i + 2] == 0x98 || u[i + 2] == 0x9C) &&
        cleani_upper(u[i + 3]))
        return 3;
    return 0;
}

/* Position of the next standalone "MORE" at or after i (before e), or e. */
static size_t cleani_find_more(const unsigned char *u, size_t lo, size_t e, size_t i) {
    for (; i + 4 <= e; i++) {
        const unsigned char *m = memchr(u + i, 'M', e - i);
        if (!m)
            return e;
        i = (size_t)(m - u);
        if (i + 4 > e)
            return e;
        if (memcmp(u + i, "MORE", 4) != 0)
            continue;
        if (i > lo && u[i - 1] != ' ')
            continue;
        if (i + 4 < e && (cleani_alpha(u[i + 4]) || cleani_digit(u[i + 4]) || u[i + 4] == ':'))
            continue;
        return i;
    }
    return e;
}

typedef struct cleani_word {
    size_t a, b; /* bytes of the word */
} cleani_word;

static int cleani_same_word(const unsigned char *u, cleani_word x, cleani_word y) {
    return x.b - x.a == y.b - y.a && memcmp(u + x.a, u + y.a, x.b - x.a) == 0;
}

/* Checks the name structure before fusion point f; on success returns 1 and
 * sets *cut to the end of the short name. */
static int cleani_fused_name(const char *text, size_t lo, size_t f, size_t *cut) {
    const unsigned char *u = (const unsigned char *)text;
    cleani_word w[CL_WORDS];
    int m = 0;
    size_t floor = f > lo + CL_BACK ? f - CL_BACK : lo;
    size_t j = f;
    while (m < CL_WORDS && j > floor) {
        size_t end = j, k = j;
        while (k > floor) {
            unsigned char c = u[k - 1];
            if (c == ' ')
                break;
            if (k < end && cleani_upper(u[k]) && cleani_lower(c))
                break; /* fusion inside a token */
            k--;
        }
        if (k == end || (k == floor && floor > lo && u[k - 1] != ' '))
            break; /* nothing, or a word cut by the look-back limit */
        w[m].a = k;
        w[m].b = end;
        m++;
        if (k == floor)
            break;
        j = u[k - 1] == ' ' ? k - 1 : k;
        if (j < end && u[j] == ' ' && j > floor && u[j - 1] == ' ')
            break; /* double space: not a link run */
    }
    for (int e = 2; e <= 7 && e < m; e++) {
        int ok = 1;
        for (int i = 0; i < e && ok; i++) {
            int k = clean_name_word(text + w[i].a, w[i].b - w[i].a);
            ok = k != 0 && (i != e - 1 || k == 1);
        }
        if (!ok)
            break; /* a longer expansion would contain this word too */
        if (clean_name_word(text + w[0].a, w[0].b - w[0].a) != 1)
            return 0;
        if (cleani_same_word(u, w[e], w[0])) {
            *cut = w[e].b;
            return 1;
        }
    }
    return 0;
}

/* Photo credit fused after the last sentence of [a, e): returns the cut
 * start, or e when there is none. */
static size_t cleani_fused_credit(const char *text, size_t a, size_t e) {
    const unsigned char *u = (const unsigned char *)text;
    size_t lo = e > a + 160 ? e - 160 : a;
    if (lo < a + 3)
        lo = a + 3;
    for (size_t q = lo; q < e; q++) {
        if (!cleani_upper(u[q]))
            continue;
        size_t p = q; /* p: first byte after the sentence end */
        int spaced = 0;
        if (u[p - 1] == ' ') {
            spaced = 1;
            p--;
        }
        size_t t = p;
        /* closing quote or bracket after the stop */
        if (t >= a + 3 && u[t - 3] == 0xE2 && u[t - 2] == 0x80 &&
            (u[t - 1] == 0x9D || u[t - 1] == 0x99))
            t -= 3;
        else if (u[t - 1] == '"' || u[t - 1] == ')' || u[t - 1] == '\'')
            t--;
        if (t < a + 2)
            continue;
        unsigned char stop = u[t - 1];
        if (!(stop == '.' || stop == '!' || stop == '?'))
            continue;
        unsigned char before = u[t - 2];
        if (!(cleani_lower(before) || cleani_digit(before) || before == ')' || before >= 0x80))
            continue; /* "J.D." is an initial, not a sentence end */
        if (!clean_credit_like(text + q, e - q))
            continue;
        if (spaced) {
            static const char *const strong[] = {"Getty",     "/AP",   "/AFP",
                                                 "/Reuters",  "/EPA",  "Shutterstock",
                                                 "Wikimedia", "/Pool", NULL};
            int hit = 0;
            for (int i = 0; strong[i] && !hit; i++) {
                size_t sl = strlen(strong[i]);
                for (size_t x = q; x + sl <= e && !hit; x++)
                    hit = memcmp(u + x, strong[i], sl) == 0;
            }
            if (!hit || !memchr(u + q, '/', e - q))
                continue;
            return p;
        }
        return q;
    }
    return e;
}

/* Length of a pic.twitter.com or t.co link starting at i, or 0. */
static size_t cleani_twitter_link(const unsigned char *u, size_t lo, size_t e, size_t i) {
    size_t k = 0;
    if (u[i] == 'p' && i + 16 <= e && memcmp(u + i, "pic.twitter.com/", 16) == 0)
        k = 16;
    else if (u[i] == 'h' && i + 13 <= e && memcmp(u + i, "https://t.co/", 13) == 0)
        k = 13;
    else if (u[i] == 'h' && i + 12 <= e && memcmp(u + i, "http://t.co/", 12) == 0)
        k = 12;
    if (k == 0)
        return 0;
    if (i > lo && (cleani_alpha(u[i - 1]) || cleani_digit(u[i - 1])) && u[i] == 'p')
        return 0; /* "xpic.twitter.com" is not a link start */
    size_t j = i + k;
    while (j < e && u[j] != ' ' && u[j] != '\t' && u[j] != '"' && u[j] != 0xE2)
        j++;
    return j > i + k ? j - i : 0;
}

/* Start of the next pic.twitter.com or t.co link at or after i (before e),
 * or e. Links are found from their '/' with memchr. */
static size_t cleani_next_link(const unsigned char *u, size_t lo, size_t e, size_t i) {
    size_t j = i;
    while (j < e) {
        const unsigned char *m = memchr(u + j, '/', e - j);
        if (!m)
            return e;
        size_t q = (size_t)(m - u), st = e;
        j = q + 1;
        if (q >= lo + 15 && memcmp(u + q - 15, "pic.twitter.com", 15) == 0)
            st = q - 15;
        else if (q >= lo + 11 && memcmp(u + q - 7, "://t.co", 7) == 0) {
            if (q >= lo + 12 && memcmp(u + q - 12, "https", 5) == 0)
                st = q - 12;
            else if (memcmp(u + q - 11, "http", 4) == 0)
                st = q - 11;
        }
        if (st < e && st >= i && cleani_twitter_link(u, lo, e, st))
            return st;
    }
    return e;
}

int clean_inline_cuts(const char *text, size_t a, size_t b, ch_removed **v, size_t *n,
                      size_t *cap) {
    const unsigned char *u = (const unsigned char *)text;
    size_t pos = a, end = b, w;

    /* tracking token fused at the start */
    static const char *const track[] = {"fb-pixel", "fb_pixel", NULL};
    for (int i = 0; track[i]; i++) {
        size_t tl = strlen(track[i]);
        if (end - pos > tl && cleani_eq_ci(u + pos, track[i], tl)) {
            size_t q = pos + tl;
            while (q < end && (w = clean_space_width(text, end, q)) != 0)
                q += w;
            if (cleani_push(v, n, cap, pos, q - pos, CLEAN_R_TRACKING) != 0)
                return -1;
            pos = q;
            break;
        }
    }

    /* navigation phrase fused at the end */
    size_t nav_at = end;
    static const char *const tail[] = {"skip to main content", "skip to content",
                                       "skip to navigation", NULL};
    for (int i = 0; tail[i]; i++) {
        size_t tl = strlen(tail[i]);
        if (end - pos > tl + 8 && cleani_eq_ci(u + end - tl, tail[i], tl) &&
            u[end - tl - 1] == ' ') {
            nav_at = end - tl;
            while (nav_at > pos && u[nav_at - 1] == ' ')
                nav_at--;
            break;
        }
    }
    size_t credit_at = cleani_fused_credit(text, pos, nav_at);
    size_t mid_end = credit_at;

    /* fused link runs and twitter links: the scan jumps from one link or
     * "MORE" neighbourhood to the next */
    size_t more = cleani_find_more(u, pos, mid_end, pos);
    size_t link = cleani_next_link(u, pos, mid_end, pos);
    size_t done = pos; /* end of the last cut: later cuts start at or after it */
    for (size_t i = pos; i < mid_end;) {
        if (link < i)
            link = cleani_next_link(u, pos, mid_end, i);
        if (more < i)
            more = cleani_find_more(u, pos, mid_end, i);
        size_t window = more >= mid_end ? mid_end : (more > i + CL_RUN_MAX ? more - CL_RUN_MAX : i);
        if (i < window && i < link) {
            i = window < link ? window : link;
            continue;
        }
        size_t tl = i == link ? cleani_twitter_link(u, pos, mid_end, i) : 0;
        if (tl) {
            size_t s0 = i;
            while (s0 > done && u[s0 - 1] == ' ')
                s0--;
            size_t e0 = i + tl;
            if (s0 == pos)
                while (e0 < mid_end && u[e0] == ' ')
                    e0++;
            if (cleani_push(v, n, cap, s0, e0 - s0, CLEAN_R_TWEET) != 0)
                return -1;
            i = done = e0;
            continue;
        }
        size_t hs;
        if (more < mid_end && more - i <= CL_RUN_MAX && i > pos &&
            cleani_letter_before(u, pos, i) && (hs = cleani_headline_start(u, mid_end, i)) != 0) {
            size_t cut;
            if (cleani_fused_name(text, done, i, &cut)) {
                size_t ce = more + 4;
                if (cleani_push(v, n, cap, cut, ce - cut, CLEAN_R_FUSED) != 0)
                    return -1;
                i = done = ce;
                more = cleani_find_more(u, pos, mid_end, i);
                continue;
            }
        }
        i++;
    }
    if (credit_at < nav_at &&
        cleani_push(v, n, cap, credit_at, nav_at - credit_at, CLEAN_R_CREDIT) != 0)
        return -1;
    if (nav_at < end && cleani_push(v, n, cap, nav_at, end - nav_at, CLEAN_R_NAV) != 0)
        return -1;
    return 0;
}
