/*
 * clean_inline.c - cuts inside a line that is otherwise article text.
 *
 * Some furniture is fused into a line of real text and only that part may
 * go. Passes over the line find it.
 *
 * The first pass cuts five kinds, scanning the line once from left to right:
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
 * The second pass cuts publisher phrases left inside the text when a page
 * was flattened, in any letter case and with any spacing (datasets often
 * hold lower-cased, tokenised text: `said . " advertisement the ...`):
 *
 *   "Media playback is unsupported on your device", "Continue reading the
 *   main story", "Story continues below advertisement", "Scroll down for
 *   video", "Enlarge this image", ...        wherever they stand
 *   "Image caption", "Media caption"        unless a determiner makes them
 *                                           a noun of the text ("the image
 *                                           caption said")
 *   "Advertisement"                         only when it opens a sentence or
 *                                           the line, follows a cut, is
 *                                           followed by another phrase, or is
 *                                           "ADVERTISEMENT" in mixed-case
 *                                           text; never when the next word
 *                                           makes it a subject ("Advertisement
 *                                           revenue fell") and never inside a
 *                                           sentence ("false advertisement")
 *   "Read more", "Continue reading"         opening the last sentence of the
 *                                           line
 *   photo credits                           "Image copyright CREDIT Image
 *                                           caption", "toggle caption
 *                                           CREDIT", "Photo: CREDIT",
 *                                           "(Photo: ...)", "( Jo Ray / Getty
 *                                           Images )", "(Jo Ray, AP)",
 *                                           "| Jo Ray/Reuters", "Jo
 *                                           Ray/AFP/Getty Images" opening a
 *                                           sentence, and a credit printed
 *                                           twice in a row
 *
 * A credit is at most CL_CREDIT_WORDS name-like words closed by an agency
 * name (cleani_agency_tab) or, after a label, a slash-joined word
 * ("Ray/Scanpix"); a bracketed credit needs a label, a slash and an agency
 * name, or "Name, AGENCY". Each cut takes the spaces after it (at the end of
 * the line, the spaces before it), so the text around it joins with one
 * space. The line's first-pass cuts win where the two overlap.
 *
 * A last pass (clean_sentence.c) reads the text the first two leave between
 * their cuts, sentence by sentence, and cuts the sentences in which the site
 * speaks to its reader about its services ("Please check your email to
 * activate your account.").
 *
 * Invariants: cuts are appended in ascending order, disjoint, inside [a, b).
 * Both passes are linear in the line length: in the first, each step looks
 * back at most CL_BACK bytes and the search for "MORE" moves only forward;
 * in the second, the scan only moves forward, each rule reads a bounded
 * number of bytes around its position (CL_LOOK back, CL_PAREN_MAX or
 * CL_CREDIT_WORDS words of CL_TOKEN_MAX bytes forward), and a pair filter on
 * the first two letters of each word keeps plain prose cheap.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/clean_int.h"
#include "text/segment.h"
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

/* ---- boilerplate phrases fused into text ------------------------------ */

#define CL_LOOK 64          /* bytes read backwards for a sentence end or a word */
#define CL_SPACE_RUN 16     /* longest space run inside a matched phrase */
#define CL_CREDIT_WORDS 6   /* words of a credit after a label or a marker */
#define CL_PAREN_MAX 160    /* bytes of a bracketed credit, brackets included */
#define CL_PAREN_WORDS 14   /* words of a bracketed credit */
#define CL_CAPTION_WORDS 6  /* credit words between "Image copyright" and "Image caption" */
#define CL_TOKEN_MAX 64     /* bytes of one word of a credit */
#define CL_OOM ((size_t)-1) /* scan result: out of memory */
#define CL_BLOCK_MAX 1200   /* bytes of a multi-sentence notice (CLP_BLOCK) */
#define CL_GALLERY_GAP 4000 /* bytes between two gallery markers read for the title */
#define CL_TITLE_WORDS 16   /* words of a gallery title */
#define CL_FILE_MAX 600     /* bytes of a file-photo caption */
#define CL_FILE_PHOTO 160   /* bytes after "FILE - In this" within which "photo" stands */

/* The state of the phrase pass over one line. */
typedef struct cleani_ph {
    const char *text;
    const unsigned char *u;
    size_t lo, hi; /* the line: [lo, hi) */
    ch_removed *v; /* (n) cuts found, ascending, disjoint */
    size_t n, cap;
    size_t ag_end;           /* end of the last credit ending in an agency name, or 0 */
    size_t title, title_len; /* the gallery title u[title, +title_len), or 0 long */
} cleani_ph;

/* How a phrase of cleani_phr_tab is cut. */
enum {
    CLP_ANY,     /* wherever it stands */
    CLP_DET,     /* unless a determiner comes before it ("the image caption") */
    CLP_START,   /* at the start of a sentence or line, or right after a cut */
    CLP_END,     /* at the end of the line, opening a sentence there */
    CLP_AD,      /* "advertisement": see cleani_ad() */
    CLP_MARK,    /* a marker followed by an optional photo credit */
    CLP_COPY,    /* "Image copyright CREDIT [Image caption]" */
    CLP_LABEL,   /* a label ending in a credit ("Photo: Jane Doe/AP") */
    CLP_SOURCE,  /* a label ending in an agency name ("Source: ... via Getty Images") */
    CLP_BLOCK,   /* a notice of several sentences, through its end (cleani_block_tab) */
    CLP_GALLERY, /* "Hide Caption 3 of 12 [Photos: TITLE]": see cleani_gallery() */
    CLP_FILE,    /* a file-photo caption opening a sentence: see cleani_file_caption() */
    CLP_AGE      /* "This article is over N years old" */
};

typedef struct cleani_phr {
    const char *p; /* lower case; ' ' matches a run of spaces */
    const char *r; /* reason */
    unsigned char mode;
} cleani_phr;

/* Phrases that are page furniture in any outlet. Where one is a prefix of
 * another, the longer comes first. */
static const cleani_phr cleani_phr_tab[] = {
    {"advertisement", CLEAN_R_AD, CLP_AD},
    {"article continues after advertisement", CLEAN_R_AD, CLP_ANY},
    {"article continues below advertisement", CLEAN_R_AD, CLP_ANY},
    {"article continues below", CLEAN_R_NAV, CLP_ANY},
    {"continue reading the main story", CLEAN_R_NAV, CLP_ANY},
    {"continue reading below advertisement", CLEAN_R_AD, CLP_ANY},
    {"continue reading below", CLEAN_R_NAV, CLP_ANY},
    {"continue reading", CLEAN_R_NAV, CLP_END},
    {"click here to read more", CLEAN_R_NAV, CLP_ANY},
    {"credit:", CLEAN_R_CREDIT, CLP_LABEL},
    {"enlarge this image", CLEAN_R_MEDIA, CLP_ANY},
    {"file - in this", CLEAN_R_CAPTION, CLP_FILE},
    {"get push notifications with news, features and more.", CLEAN_R_SHARE, CLP_ANY},
    {"file - this", CLEAN_R_CAPTION, CLP_FILE},
    {"file -- in this", CLEAN_R_CAPTION, CLP_FILE},
    {"file -- this", CLEAN_R_CAPTION, CLP_FILE},
    {"file \xE2\x80\x94 in this", CLEAN_R_CAPTION, CLP_FILE},
    {"file \xE2\x80\x94 this", CLEAN_R_CAPTION, CLP_FILE},
    {"hide caption", CLEAN_R_MEDIA, CLP_GALLERY},
    {"image copyright", CLEAN_R_CREDIT, CLP_COPY},
    {"image caption", CLEAN_R_CAPTION, CLP_DET},
    {"image:", CLEAN_R_CREDIT, CLP_LABEL},
    {"media playback is unsupported on your device", CLEAN_R_MEDIA, CLP_ANY},
    {"media requires javascript to play.", CLEAN_R_NOTICE, CLP_ANY},
    {"media playback is not supported on your device", CLEAN_R_MEDIA, CLP_ANY},
    {"media playback is not supported on this device", CLEAN_R_MEDIA, CLP_ANY},
    {"media caption", CLEAN_R_CAPTION, CLP_DET},
    {"newsletter sign up", CLEAN_R_SHARE, CLP_START},
    {"please enable javascript to watch this video", CLEAN_R_NOTICE, CLP_ANY},
    {"please turn on javascript.", CLEAN_R_NOTICE, CLP_ANY},
    {"photo credit:", CLEAN_R_CREDIT, CLP_LABEL},
    {"photo by", CLEAN_R_CREDIT, CLP_LABEL},
    {"photo:", CLEAN_R_CREDIT, CLP_LABEL},
    {"photos:", CLEAN_R_CREDIT, CLP_LABEL},
    {"photograph:", CLEAN_R_CREDIT, CLP_LABEL},
    {"photographer:", CLEAN_R_CREDIT, CLP_LABEL},
    {"read more", CLEAN_R_NAV, CLP_END},
    {"story continues after advertisement", CLEAN_R_AD, CLP_ANY},
    {"story continues below advertisement", CLEAN_R_AD, CLP_ANY},
    {"story continues below", CLEAN_R_NAV, CLP_ANY},
    {"story highlights", CLEAN_R_NAV, CLP_START},
    {"scroll down for videos", CLEAN_R_MEDIA, CLP_ANY},
    {"scroll down for video", CLEAN_R_MEDIA, CLP_ANY},
    {"sign up for our newsletter", CLEAN_R_SHARE, CLP_ANY},
    {"source:", CLEAN_R_CREDIT, CLP_SOURCE},
    {"toggle caption", CLEAN_R_MEDIA, CLP_MARK},
    {"would you like to proceed to legacy twitter? yes", CLEAN_R_NOTICE, CLP_ANY},
    {"would you like to proceed to legacy twitter?", CLEAN_R_NOTICE, CLP_ANY},
    {"play facebook twitter google plus embed", CLEAN_R_MEDIA, CLP_ANY},
    {"play facebook twitter embed", CLEAN_R_MEDIA, CLP_ANY},
    {"rating is available when the video has been rented.", CLEAN_R_MEDIA, CLP_ANY},
    {"story continued below", CLEAN_R_NAV, CLP_ANY},
    {"text size - + reset", CLEAN_R_NAV, CLP_ANY},
    {"the interactive transcript could not be loaded.", CLEAN_R_MEDIA, CLP_ANY},
    {"the news and stories that matter, delivered weekday mornings.", CLEAN_R_SHARE, CLP_ANY},
    {"there was a problem saving your notification.", CLEAN_R_SHARE, CLP_ANY},
    {"this article is over", CLEAN_R_NOTICE, CLP_AGE},
    {"this feature is not available right now. please try again later.", CLEAN_R_MEDIA, CLP_ANY},
};

/* Notices of several sentences (CLP_BLOCK): the phrase that opens one,
 * the phrase near its end, and the words that may follow that phrase
 * before the notice ends. A notice whose end is not found within
 * CL_BLOCK_MAX bytes is cut through the end of the line when that comes
 * first (a truncated copy) and its opening is one no text would write
 * ('alone'); otherwise it stays. */
typedef struct cleani_block {
    cleani_phr open;          /* first: a block is matched as its opening phrase */
    const char *close, *tail; /* tail: NULL when none */
    int alone;
} cleani_block;

static const cleani_block cleani_block_tab[] = {
    /* the Internet Archive's notes on pages it crawled */
    {{"these crawls are part of an effort to archive", CLEAN_R_NOTICE, CLP_BLOCK},
     "no more 404",
     "sites",
     1},
    {{"starting in 1996, alexa internet has been donating", CLEAN_R_NOTICE, CLP_BLOCK},
     "after an embargo period",
     NULL,
     1},
    {{"focused crawls are collections of frequently-updated webcrawl data", CLEAN_R_NOTICE,
      CLP_BLOCK},
     "single domain or subdomain",
     NULL,
     1},
    /* browsers without scripts */
    {{"we've detected that javascript is disabled", CLEAN_R_NOTICE, CLP_BLOCK}, "browser", NULL, 0},
    {{"we\xE2\x80\x99ve detected that javascript is disabled", CLEAN_R_NOTICE, CLP_BLOCK},
     "browser",
     NULL,
     0},
    /* Twitter's note on locations in tweets */
    {{"tweet with a location", CLEAN_R_TWEET, CLP_BLOCK}, "location history", "learn more", 0},
    {{"add a location to your tweets", CLEAN_R_TWEET, CLP_BLOCK},
     "location history",
     "learn more",
     0},
    /* a publisher's newsletter and reprint notes */
    {{"breaking news emails get breaking news alerts", CLEAN_R_SHARE, CLP_BLOCK},
     "special reports",
     NULL,
     1},
    {{"dow jones reprints: this copy is for your personal", CLEAN_R_COPYRIGHT, CLP_BLOCK},
     "djreprints.com",
     NULL,
     1},
    /* e-mail alerts for an author's articles */
    {{"close get email notifications on", CLEAN_R_SHARE, CLP_BLOCK},
     "your notification has been saved",
     NULL,
     0},
    {{"get email notifications on", CLEAN_R_SHARE, CLP_BLOCK},
     "your notification has been saved",
     NULL,
     0},
};

/* Agencies and picture libraries that close a photo credit. */
static const char *const cleani_agency_tab[] = {"getty images plus",
                                                "getty images",
                                                "getty",
                                                "associated press",
                                                "ap photo",
                                                "ap images",
                                                "ap",
                                                "reuters",
                                                "afp",
                                                "epa-efe",
                                                "epa",
                                                "shutterstock",
                                                "bloomberg",
                                                "file photos",
                                                "file photo",
                                                "file",
                                                "istock",
                                                "pool",
                                                "wireimage",
                                                "filmmagic",
                                                "invision",
                                                NULL};

/* Labels that open a bracketed credit ("(Photo: Jane Doe)"). */
static const char *const cleani_paren_label_tab[] = {
    "photo:",        "photos:",     "photo by",       "photographs by",
    "photograph by", "photograph:", "photo credit",   "image:",
    "credit:",       "picture:",    "ap photo",       "afp photo",
    "reuters photo", "file photo",  "photo courtesy", NULL};

/* Words after which a phrase is a noun of the text ("the image caption",
 * "a social media caption"), not furniture. */
static const char *const cleani_det_tab[] = {"the",
                                             "a",
                                             "an",
                                             "this",
                                             "that",
                                             "these",
                                             "those",
                                             "its",
                                             "his",
                                             "her",
                                             "their",
                                             "our",
                                             "my",
                                             "your",
                                             "whose",
                                             "each",
                                             "every",
                                             "which",
                                             "social",
                                             "original",
                                             "new",
                                             "accompanying",
                                             "full",
                                             "false",
                                             "offending",
                                             "misleading",
                                             "controversial",
                                             "instagram",
                                             "facebook",
                                             "twitter",
                                             NULL};

/* Words that, after a sentence-initial "Advertisement", make it the
 * sentence's subject ("Advertisement revenue fell"). */
static const char *const cleani_ad_guard_tab[] = {
    "is",         "was",       "are",       "were",     "has",      "had",       "have",
    "will",       "would",     "can",       "could",    "may",      "might",     "should",
    "must",       "did",       "does",      "revenue",  "revenues", "sales",     "spending",
    "campaign",   "campaigns", "agency",    "agencies", "industry", "budget",    "budgets",
    "space",      "rates",     "rate",      "market",   "markets",  "standards", "executive",
    "executives", "costs",     "income",    "money",    "and",      "or",        "of",
    "that",       "which",     "featuring", "shows",    "showed",   "ran",       "runs",
    "appeared",   "appears",   "aired",     "says",     "said",     "claimed",   "claims",
    "slots",      "deal",      "deals",     "boards",   "company",  "companies", "firm",
    "firms",      NULL};

/* Words that never stand inside a photo credit before its agency. */
static const char *const cleani_noncredit_tab[] = {"the", "a",   "an", "in",  "on",   "at",   "of",
                                                   "to",  "for", "is", "was", "said", "says", NULL};

/* Word byte at u[i]: an ASCII letter or digit, or the lead byte of a Latin
 * letter with a mark. */
static int cleani_word_at(const unsigned char *u, size_t i) {
    unsigned char c = u[i];
    return cleani_alpha(c) || cleani_digit(c) || (c >= 0xC3 && c <= 0xDF);
}

/* Word byte just before u[i] (i > lo). */
static int cleani_word_before(const unsigned char *u, size_t lo, size_t i) {
    return i > lo && (cleani_digit(u[i - 1]) || cleani_letter_before(u, lo, i));
}

/* Width of the space at u[i] (0 when none, or when i >= e). */
static size_t cleani_sp(const char *text, size_t e, size_t i) {
    return i < e ? clean_space_width(text, e, i) : 0;
}

static size_t cleani_skip_sp(const char *text, size_t e, size_t i) {
    size_t w;
    while ((w = cleani_sp(text, e, i)) != 0)
        i += w;
    return i;
}

/* Start of the run of spaces ending at i, not before floor. */
static size_t cleani_back_sp(const unsigned char *u, size_t floor, size_t i) {
    for (;;) {
        if (i > floor && (u[i - 1] == ' ' || u[i - 1] == '\t'))
            i--;
        else if (i >= floor + 2 && u[i - 2] == 0xC2 && u[i - 1] == 0xA0)
            i -= 2;
        else
            return i;
    }
}

/* End of the phrase p matched at u[i] ASCII case-insensitively and ending
 * at a word boundary (before e), or 0. A ' ' in p matches 1..CL_SPACE_RUN
 * bytes of spaces. */
static size_t cleani_phrase(const char *text, size_t e, size_t i, const char *p) {
    const unsigned char *u = (const unsigned char *)text;
    const char *q = p;
    for (; *q; q++) {
        if (*q == ' ') {
            size_t k = i, w;
            while (k - i <= CL_SPACE_RUN && (w = cleani_sp(text, e, k)) != 0)
                k += w;
            if (k == i || k - i > CL_SPACE_RUN)
                return 0;
            i = k;
            continue;
        }
        if (i >= e)
            return 0;
        unsigned char c = u[i];
        if (cleani_upper(c))
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)*q)
            return 0;
        i++;
    }
    unsigned char last = (unsigned char)q[-1];
    if ((cleani_alpha(last) || cleani_digit(last)) && i < e && cleani_word_at(u, i))
        return 0;
    return i;
}

/* True when the word u[a, b) is one of the lower-case words of list. */
static int cleani_word_in(const unsigned char *u, size_t a, size_t b, const char *const *list) {
    for (int k = 0; list[k]; k++)
        if (strlen(list[k]) == b - a && cleani_eq_ci(u + a, list[k], b - a))
            return 1;
    return 0;
}

/* End of the last cut found (lo when none). */
static size_t cleani_cut_end(const cleani_ph *ph) {
    return ph->n ? ph->v[ph->n - 1].off + ph->v[ph->n - 1].len : ph->lo;
}

/* Bounds of the letters-only word ending (after spaces) before i, not
 * reaching back past the last cut; 0 when there is none. */
static int cleani_prev_word(const cleani_ph *ph, size_t i, size_t *wa, size_t *wb) {
    size_t floor = cleani_cut_end(ph);
    if (i > floor + CL_LOOK)
        floor = i - CL_LOOK;
    size_t j = cleani_back_sp(ph->u, floor, i), k = j;
    while (k > floor && cleani_alpha(ph->u[k - 1]))
        k--;
    if (k == j || (k > ph->lo && cleani_word_before(ph->u, ph->lo, k)))
        return 0;
    *wa = k;
    *wb = j;
    return 1;
}

/* True when u[i] opens a sentence: only spaces lie between it and the line
 * start or the last cut, or a sentence end (. ! ? …, then closing quotes or
 * brackets) comes before it. A dot after an initial ("J."), an abbreviation
 * ("Mr.") or a dotted word ("U.S.") ends no sentence. */
static int cleani_sent_start(const cleani_ph *ph, size_t i) {
    const unsigned char *u = ph->u;
    size_t cut = cleani_cut_end(ph);
    size_t floor = i > ph->lo + CL_LOOK ? i - CL_LOOK : ph->lo;
    size_t j = cleani_back_sp(u, floor, i);
    if (j == ph->lo || (ph->n && j <= cut))
        return 1;
    if (j < cut)
        return 0;
    for (int k = 0; k < 3; k++) {
        if (j > floor &&
            (u[j - 1] == '"' || u[j - 1] == '\'' || u[j - 1] == ')' || u[j - 1] == ']'))
            j--;
        else if (j >= floor + 3 && u[j - 3] == 0xE2 && u[j - 2] == 0x80 &&
                 (u[j - 1] == 0x99 || u[j - 1] == 0x9D))
            j -= 3;
        else
            break;
        j = cleani_back_sp(u, floor, j);
    }
    if (j <= floor)
        return 0;
    unsigned char c = u[j - 1];
    if (c == '!' || c == '?')
        return 1;
    if (j >= floor + 3 && u[j - 3] == 0xE2 && u[j - 2] == 0x80 && c == 0xA6)
        return 1;
    if (c != '.')
        return 0;
    size_t d = j - 1, k = d;
    while (k > floor && cleani_alpha(u[k - 1]))
        k--;
    if (k == d && d >= floor + 2 && u[d - 1] == '.' && u[d - 2] == '.')
        return 1; /* "..." */
    if (k == d)   /* "in 2016.", "(AP).", a tokenised " ." */
        return k > floor && (cleani_digit(u[k - 1]) || u[k - 1] == ' ' || u[k - 1] == '"' ||
                             u[k - 1] == ')' || u[k - 1] == '\'');
    if (k > floor && u[k - 1] == '.')
        return 0; /* "U.S." */
    if (d - k == 1)
        return 0; /* an initial */
    return seg_abbrev_class((const char *)u + k, d - k) == SEG_ABBR_NONE;
}

/* Length of the agency name at u[i] (see cleani_agency_tab), or 0. */
static size_t cleani_agency(const char *text, size_t e, size_t i) {
    unsigned char c = (unsigned char)text[i];
    if (cleani_upper(c))
        c = (unsigned char)(c + 32);
    for (int k = 0; cleani_agency_tab[k]; k++) {
        if ((unsigned char)cleani_agency_tab[k][0] != c)
            continue;
        size_t m = cleani_phrase(text, e, i, cleani_agency_tab[k]);
        if (m)
            return m - i;
    }
    return 0;
}

/* End of the non-space token that starts at or holds u[i], or 0 when it
 * runs on past CL_TOKEN_MAX bytes from i (no name or credit is that long). */
static size_t cleani_token_end(const char *text, size_t e, size_t i) {
    size_t lim = e - i > CL_TOKEN_MAX ? i + CL_TOKEN_MAX : e;
    while (i < lim && !cleani_sp(text, e, i))
        i++;
    return i == lim && lim < e ? 0 : i;
}

/* End of the agency names at u[q] joined by slashes ("AFP/Getty Images"),
 * taken to the end of their token; 0 when no agency name starts at q. */
static size_t cleani_agency_end(const char *text, size_t e, size_t q) {
    const unsigned char *u = (const unsigned char *)text;
    size_t al = cleani_agency(text, e, q);
    if (!al)
        return 0;
    size_t end = q + al;
    for (int k = 0; k < 4 && end + 1 < e && u[end] == '/'; k++) {
        size_t l2 = cleani_agency(text, e, end + 1);
        if (!l2)
            break;
        end += 1 + l2;
    }
    return cleani_token_end(text, e, end);
}

/* Takes what may follow the end of a credit: "/AGENCY", "/ AGENCY", "via
 * AGENCY", up to three times. */
static size_t cleani_credit_tail(const char *text, size_t e, size_t end) {
    const unsigned char *u = (const unsigned char *)text;
    for (int k = 0; k < 3; k++) {
        size_t j = cleani_skip_sp(text, e, end), q = 0;
        if (j < e && u[j] == '/')
            q = cleani_skip_sp(text, e, j + 1);
        else if ((q = cleani_phrase(text, e, j, "via ")) == 0)
            break;
        size_t ae = q < e ? cleani_agency_end(text, e, q) : 0;
        if (!ae)
            break;
        end = ae;
    }
    return end;
}

/* End of a photo credit that starts at u[i] and ends within CL_CREDIT_WORDS
 * words, before any bracket, quote or sentence end: with the first word
 * that is or ends in an agency name ("Getty Images", "Jane Doe/AFP/Getty
 * Images"), else, when slash_ends, with the first slash-joined word ("Jo
 * Ray/Scanpix"); what cleani_credit_tail() takes follows. 0 when neither. */
static size_t cleani_credit_run(const char *text, size_t e, size_t i, int slash_ends) {
    const unsigned char *u = (const unsigned char *)text;
    size_t first_slash = 0;
    for (int w = 0; w < CL_CREDIT_WORDS && i < e; w++) {
        size_t ts = i, te = cleani_token_end(text, e, i);
        if (te <= ts)
            break;
        int slash = 0, stop = 0;
        for (size_t k = ts; k < te && !stop; k++) {
            unsigned char c = u[k];
            stop = c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '!' ||
                   c == '?' || c == ';' || (c == 0xE2 && k + 1 < te && u[k + 1] == 0x80);
            slash |= c == '/';
        }
        if (!stop && u[te - 1] == '.') {
            size_t k = te - 1;
            while (k > ts && cleani_alpha(u[k - 1]))
                k--;
            int dotted = memchr(u + ts, '.', te - 1 - ts) != NULL;
            stop = !(k == ts &&
                     (te - 1 - ts == 1 || dotted ||
                      seg_abbrev_class((const char *)u + ts, te - 1 - ts) != SEG_ABBR_NONE));
        }
        size_t wb = te;
        while (wb > ts && u[wb - 1] == ',')
            wb--;
        if (stop || cleani_word_in(u, ts, wb, cleani_noncredit_tab))
            break; /* a bracket, a quote, a sentence end, a word of prose */
        for (size_t s = ts; s < te; s++) {
            if (s != ts && u[s - 1] != '/')
                continue;
            size_t ae = cleani_agency_end(text, e, s);
            if (ae)
                return cleani_credit_tail(text, e, ae);
        }
        if (slash && slash_ends && !first_slash && u[ts] != '/' && u[te - 1] != '/')
            first_slash = te;
        i = cleani_skip_sp(text, e, te);
    }
    return first_slash ? cleani_credit_tail(text, e, first_slash) : 0;
}

/* Records the cut [s, e) of one phrase: spaces after it go with it; at the
 * end of the line the spaces before it go too. Returns the end of the cut,
 * or CL_OOM when out of memory. */
static size_t cleani_ph_cut(cleani_ph *ph, size_t s, size_t e, const char *reason) {
    e = cleani_skip_sp(ph->text, ph->hi, e);
    if (e >= ph->hi) {
        e = ph->hi;
        s = cleani_back_sp(ph->u, cleani_cut_end(ph), s);
        if (ph->n && s == cleani_cut_end(ph)) {
            /* the cut before reaches this one: it takes the spaces before it */
            ch_removed *r = &ph->v[ph->n - 1];
            size_t floor = ph->n > 1 ? ph->v[ph->n - 2].off + ph->v[ph->n - 2].len : ph->lo;
            size_t o = cleani_back_sp(ph->u, floor, r->off);
            r->len += r->off - o;
            r->off = o;
        }
    }
    if (cleani_push(&ph->v, &ph->n, &ph->cap, s, e - s, reason) != 0)
        return CL_OOM;
    return e;
}

/* Extends the last cut, which ends after the credit u[cs, ce) and its
 * spaces, over one repetition of that credit ("Jo Ray/AFP Jo Ray/AFP"). */
static void cleani_repeat(cleani_ph *ph, size_t cs, size_t ce) {
    ch_removed *r = &ph->v[ph->n - 1];
    size_t end = r->off + r->len, l = ce - cs;
    if (l == 0 || l > ph->hi - end || memcmp(ph->u + end, ph->u + cs, l) != 0 ||
        (end + l < ph->hi && cleani_word_at(ph->u, end + l)))
        return;
    r->len = cleani_skip_sp(ph->text, ph->hi, end + l) - r->off;
}

/* ---- galleries and multi-sentence notices ----------------------------- */

/* End of a picture counter "3 of 12" after the spaces at u[i], or 0. */
static size_t cleani_counter(const cleani_ph *ph, size_t i) {
    const unsigned char *u = ph->u;
    size_t k = cleani_skip_sp(ph->text, ph->hi, i), d = k;
    while (k < ph->hi && k - d < 6 && cleani_digit(u[k]))
        k++;
    if (k == d || k == i || (k < ph->hi && cleani_word_at(u, k)))
        return 0;
    size_t m = cleani_phrase(ph->text, ph->hi, k, " of ");
    if (!m)
        return 0;
    d = m;
    while (m < ph->hi && m - d < 6 && cleani_digit(u[m]))
        m++;
    return m > d && (m >= ph->hi || !cleani_word_at(u, m)) ? m : 0;
}

/* End of the gallery labels at or after the spaces at u[i] ("Photos:",
 * also repeated: "Photos: Photos:"), or i when there is none. */
static size_t cleani_gallery_labels(const cleani_ph *ph, size_t i) {
    static const char *const lab[] = {"photos:", "photo:", "images:", "pictures:", NULL};
    for (int r = 0; r < 3; r++) {
        size_t k = cleani_skip_sp(ph->text, ph->hi, i), e = 0;
        for (int j = 0; lab[j] && !e && k < ph->hi; j++)
            e = cleani_phrase(ph->text, ph->hi, k, lab[j]);
        if (!e)
            break;
        i = e;
    }
    return i;
}

/* The next gallery marker "Hide Caption 3 of 12" starting in [i, lim):
 * its start (ph->hi when none); *cnt is set to the end of its counter, *lab
 * to the end of the labels after it (*cnt when there are none) and *text
 * to the start of the text that follows. */
static size_t cleani_next_marker(const cleani_ph *ph, size_t i, size_t lim, size_t *cnt,
                                 size_t *lab, size_t *text) {
    const unsigned char *u = ph->u;
    for (; i < lim; i++) {
        if ((u[i] | 0x20) != 'h' || cleani_word_before(u, ph->lo, i))
            continue;
        size_t m = cleani_phrase(ph->text, ph->hi, i, "hide caption");
        size_t c = m ? cleani_counter(ph, m) : 0;
        if (c) {
            *cnt = c;
            *lab = cleani_gallery_labels(ph, c);
            *text = cleani_skip_sp(ph->text, ph->hi, *lab);
            return i;
        }
    }
    return ph->hi;
}

/* A photo gallery flattened into the line repeats its title after every
 * marker ("Hide Caption 1 of 76 Photos: Emotions run high in Ferguson A
 * crowd gathers ... Hide Caption 2 of 76 Photos: Emotions run high in
 * Ferguson Police escort ..."). The title is the words the texts after the
 * first two labelled markers share (at most CL_TITLE_WORDS; ASCII case
 * ignored); ph->title is left empty when there is none. One pass over the
 * line. */
static void cleani_gallery_title(cleani_ph *ph) {
    const unsigned char *u = ph->u;
    size_t c1, l1, t1, c2, l2, t2;
    size_t m1 = cleani_next_marker(ph, ph->lo, ph->hi, &c1, &l1, &t1);
    if (m1 >= ph->hi || l1 == c1)
        return; /* no marker, or no label after it */
    size_t lim = ph->hi - t1 > CL_GALLERY_GAP ? t1 + CL_GALLERY_GAP : ph->hi;
    size_t m2 = cleani_next_marker(ph, t1, lim, &c2, &l2, &t2);
    if (m2 >= ph->hi || l2 == c2)
        return;
    size_t len = 0, words = 0;
    for (size_t j = 0; t1 + j < m2 && t2 + j < ph->hi; j++) {
        unsigned char a = u[t1 + j], b = u[t2 + j];
        if (cleani_upper(a))
            a = (unsigned char)(a + 32);
        if (cleani_upper(b))
            b = (unsigned char)(b + 32);
        if (a != b) {
            /* words may end the title in both texts ("Fire season" and
             * "Fire season:") */
            if (j > 0 && cleani_word_at(u, t1 + j - 1) && !cleani_word_at(u, t1 + j) &&
                !cleani_word_at(u, t2 + j))
                len = j;
            break;
        }
        if (a == ' ' && j > 0 && u[t1 + j - 1] != ' ') {
            len = j; /* the shared text so far ends with a whole word */
            if (++words > CL_TITLE_WORDS)
                return;
        }
    }
    ph->title = t1;
    ph->title_len = len;
}

/* End of the gallery title when it is written at u[k], else 0. */
static size_t cleani_title_at(const cleani_ph *ph, size_t k) {
    size_t l = ph->title_len;
    if (!l || l > ph->hi - k)
        return 0;
    for (size_t j = 0; j < l; j++) {
        unsigned char a = ph->u[k + j], b = ph->u[ph->title + j];
        if (cleani_upper(a))
            a = (unsigned char)(a + 32);
        if (cleani_upper(b))
            b = (unsigned char)(b + 32);
        if (a != b)
            return 0;
    }
    if (k + l < ph->hi && cleani_word_at(ph->u, k + l))
        return 0;
    return k + l < ph->hi && ph->u[k + l] == ':' ? k + l + 1 : k + l;
}

/* "Hide Caption" at u[i, m) followed by a counter: the marker, the counter,
 * the labels and the gallery title after them go. Returns the end of the
 * scan, i when there is no counter, or CL_OOM. */
static size_t cleani_gallery(cleani_ph *ph, size_t i, size_t m, const char *reason) {
    size_t c = cleani_counter(ph, m);
    if (!c)
        return i;
    size_t lab = cleani_gallery_labels(ph, c), e = c;
    if (lab > c) {
        size_t t = cleani_title_at(ph, cleani_skip_sp(ph->text, ph->hi, lab));
        e = t ? t : lab;
    }
    return cleani_ph_cut(ph, i, e, reason);
}

/* A gallery label at u[i] followed by the gallery title (the gallery's
 * head: "Photos: Photos: Emotions run high in Ferguson"): both go. Returns
 * the end of the scan, i when it is no such label, or CL_OOM. */
static size_t cleani_gallery_head(cleani_ph *ph, size_t i) {
    size_t lab = cleani_gallery_labels(ph, i);
    size_t t = lab > i ? cleani_title_at(ph, cleani_skip_sp(ph->text, ph->hi, lab)) : 0;
    return t ? cleani_ph_cut(ph, i, t, CLEAN_R_MEDIA) : i;
}

/* A news agency's file-photo caption fused into the text ("... FILE - In
 * this Jan. 10, 2018, file photo, the mayor speaks in Portland. The ..."):
 * opening a sentence, with "photo" within CL_FILE_PHOTO bytes, it is cut
 * through the end of its sentence (a sentence start found as
 * cleani_sent_start finds one, so "Lt. Brad" does not end it) or of the
 * line. Returns the end of the scan, i when it is no such caption, or
 * CL_OOM. */
static size_t cleani_file_caption(cleani_ph *ph, const cleani_phr *p, size_t i, size_t m) {
    const unsigned char *u = ph->u;
    if (!cleani_sent_start(ph, i))
        return i;
    size_t lim = ph->hi - m > CL_FILE_PHOTO ? m + CL_FILE_PHOTO : ph->hi;
    int photo = 0;
    for (size_t k = m; k + 5 <= lim && !photo; k++)
        photo = (u[k] | 0x20) == 'p' && cleani_eq_ci(u + k, "photo", 5);
    if (!photo)
        return i;
    lim = ph->hi - m > CL_FILE_MAX ? m + CL_FILE_MAX : ph->hi;
    for (size_t k = m + 1; k < lim; k++) {
        unsigned char c = u[k];
        if (u[k - 1] == ' ' && (cleani_upper(c) || c == '"') && cleani_sent_start(ph, k))
            return cleani_ph_cut(ph, i, k, p->r);
    }
    return lim == ph->hi ? cleani_ph_cut(ph, i, ph->hi, p->r) : i;
}

/* "This article is over" at u[i, m) followed by "N year(s)|month(s) old":
 * the notice goes. Returns the end of the scan, i when it is no such
 * notice, or CL_OOM. */
static size_t cleani_age(cleani_ph *ph, const cleani_phr *p, size_t i, size_t m) {
    static const char *const unit[] = {" years old", " year old", " months old", " month old",
                                       NULL};
    size_t k = cleani_skip_sp(ph->text, ph->hi, m), d = k;
    while (k < ph->hi && k - d < 3 && cleani_digit(ph->u[k]))
        k++;
    if (k == d || k == m)
        return i;
    for (int j = 0; unit[j]; j++) {
        size_t e = cleani_phrase(ph->text, ph->hi, k, unit[j]);
        if (e)
            return cleani_ph_cut(ph, i, e, p->r);
    }
    return i;
}

/* A notice of several sentences opened by the phrase p at u[i, m): cut
 * through the end its cleani_block_tab entry names, or through the end of
 * the line when that comes first (a truncated copy). Returns the end of
 * the scan, i when the end is not found, or CL_OOM. */
static size_t cleani_block_cut(cleani_ph *ph, const cleani_phr *p, size_t i, size_t m) {
    const unsigned char *u = ph->u;
    const cleani_block *b = (const cleani_block *)p; /* CLP_BLOCK phrases open blocks */
    size_t lim = ph->hi - i > CL_BLOCK_MAX ? i + CL_BLOCK_MAX : ph->hi;
    for (size_t k = m; k < lim; k++) {
        if ((u[k] | 0x20) != (unsigned char)b->close[0] || cleani_word_before(u, ph->lo, k))
            continue;
        size_t e = cleani_phrase(ph->text, ph->hi, k, b->close);
        if (!e)
            continue;
        /* closing quotes, full stops and spaces, then the tail; then a full stop */
        size_t c = e;
        for (size_t q = 0; b->tail && q < 4 && e < ph->hi; q++) {
            size_t w = cleani_sp(ph->text, ph->hi, e);
            if (!w && (u[e] == '"' || u[e] == '\'' || u[e] == '.'))
                w = 1;
            if (!w && e + 2 < ph->hi && u[e] == 0xE2 && u[e + 1] == 0x80 &&
                (u[e + 2] == 0x9D || u[e + 2] == 0x99))
                w = 3;
            if (!w)
                break;
            e += w;
        }
        size_t t = b->tail ? cleani_phrase(ph->text, ph->hi, e, b->tail) : 0;
        e = t ? t : c;
        size_t d = cleani_skip_sp(ph->text, ph->hi, e);
        if (d < ph->hi && u[d] == '.')
            e = d + 1;
        return cleani_ph_cut(ph, i, e, p->r);
    }
    return lim == ph->hi && b->alone ? cleani_ph_cut(ph, i, ph->hi, p->r) : i;
}

static const cleani_phr *cleani_match(const cleani_ph *ph, size_t i, size_t *m);

/* True when a phrase of any kind but CLP_END, CLP_START and labels starts
 * at u[i] (a neighbour that makes "advertisement" furniture). */
static int cleani_strong_at(const cleani_ph *ph, size_t i) {
    size_t m;
    const cleani_phr *p = cleani_match(ph, i, &m);
    return p &&
           (p->mode == CLP_ANY || p->mode == CLP_DET || p->mode == CLP_AD || p->mode == CLP_MARK ||
            p->mode == CLP_COPY || p->mode == CLP_GALLERY || p->mode == CLP_BLOCK);
}

/* The first table phrase that matches at u[i]; *m is set to its end. */
static const cleani_phr *cleani_match(const cleani_ph *ph, size_t i, size_t *m) {
    unsigned char c = ph->u[i];
    if (cleani_upper(c))
        c = (unsigned char)(c + 32);
    for (size_t k = 0; k < sizeof cleani_phr_tab / sizeof cleani_phr_tab[0]; k++) {
        const cleani_phr *p = &cleani_phr_tab[k];
        if ((unsigned char)p->p[0] != c)
            continue;
        if ((*m = cleani_phrase(ph->text, ph->hi, i, p->p)) != 0)
            return p;
    }
    for (size_t k = 0; k < sizeof cleani_block_tab / sizeof cleani_block_tab[0]; k++) {
        const cleani_phr *p = &cleani_block_tab[k].open;
        if ((unsigned char)p->p[0] == c && (*m = cleani_phrase(ph->text, ph->hi, i, p->p)) != 0)
            return p;
    }
    return NULL;
}

/* Start of the phrase after a joiner (" - ", " : ", " | ", dashes) or
 * spaces at m, when a strong phrase starts there; else 0. */
static size_t cleani_next_strong(const cleani_ph *ph, size_t m) {
    const unsigned char *u = ph->u;
    size_t j = cleani_skip_sp(ph->text, ph->hi, m);
    if (j >= ph->hi)
        return 0;
    if (j > m && cleani_strong_at(ph, j))
        return j;
    size_t w = 0;
    if (u[j] == '-' || u[j] == ':' || u[j] == '|')
        w = 1;
    else if (u[j] == 0xE2 && j + 2 < ph->hi && u[j + 1] == 0x80 &&
             (u[j + 2] == 0x93 || u[j + 2] == 0x94))
        w = 3;
    if (w == 0)
        return 0;
    size_t k = cleani_skip_sp(ph->text, ph->hi, j + w);
    return k > j + w && k < ph->hi && cleani_strong_at(ph, k) ? k : 0;
}

/* True when the word "ADVERTISEMENT" at u[i, m) stands in mixed-case text:
 * each neighbouring word holds a lower-case letter. */
static int cleani_caps_context(const cleani_ph *ph, size_t i, size_t m) {
    if (memcmp(ph->u + i, "ADVERTISEMENT", 13) != 0)
        return 0;
    size_t wa, wb;
    if (cleani_prev_word(ph, i, &wa, &wb)) {
        int low = 0;
        for (size_t k = wa; k < wb && !low; k++)
            low = cleani_lower(ph->u[k]);
        if (!low)
            return 0;
    }
    size_t j = cleani_skip_sp(ph->text, ph->hi, m);
    if (j < ph->hi && cleani_alpha(ph->u[j])) {
        int low = 0;
        for (size_t k = j; k < ph->hi && cleani_alpha(ph->u[k]) && !low; k++)
            low = cleani_lower(ph->u[k]);
        if (!low)
            return 0;
    }
    return 1;
}

/* "advertisement" at u[i, m): cut when another furniture phrase follows
 * it, or when it opens a sentence (or follows a cut, or is written
 * "ADVERTISEMENT" in mixed-case text) and the next word does not make it
 * the subject of the sentence. Returns the end of the scan (i when kept),
 * or CL_OOM when out of memory. */
static size_t cleani_ad(cleani_ph *ph, size_t i, size_t m) {
    const unsigned char *u = ph->u;
    size_t me = m;
    if (me < ph->hi && (u[me] == ':' || u[me] == '.'))
        me++;
    else if (me < ph->hi && !cleani_sp(ph->text, ph->hi, me) && u[me] != '-')
        return i; /* "advertisement," "advertisement's" */
    if (me < ph->hi && u[me] == '-' && me + 1 < ph->hi && !cleani_sp(ph->text, ph->hi, me + 1))
        return i; /* "advertisement-free" */
    size_t next = cleani_next_strong(ph, m);
    if (next)
        return cleani_push(&ph->v, &ph->n, &ph->cap, i, next - i, CLEAN_R_AD) != 0 ? CL_OOM : next;
    if (m < ph->hi && u[m] == '-')
        return i;
    if (!cleani_sent_start(ph, i) && !cleani_caps_context(ph, i, m))
        return i;
    size_t j = cleani_skip_sp(ph->text, ph->hi, me), k = j;
    while (k < ph->hi && cleani_alpha(u[k]))
        k++;
    if (k > j && cleani_word_in(u, j, k, cleani_ad_guard_tab))
        return i;
    return cleani_ph_cut(ph, i, me, CLEAN_R_AD);
}

/* "Image copyright CREDIT Image caption": the credit (at most
 * CL_CAPTION_WORDS words, up to the caption marker or another "Image
 * copyright") goes with the first marker; without a caption marker, a
 * credit ending in an agency or a slash-joined word goes; else the marker
 * alone. Returns the end of the scan, or CL_OOM when out of memory. */
static size_t cleani_copyright(cleani_ph *ph, size_t i, size_t m) {
    size_t cs = cleani_skip_sp(ph->text, ph->hi, m), t = cs;
    for (int w = 0; w <= CL_CAPTION_WORDS && t < ph->hi; w++) {
        if (cleani_phrase(ph->text, ph->hi, t, "image caption") ||
            cleani_phrase(ph->text, ph->hi, t, "image copyright"))
            return cleani_push(&ph->v, &ph->n, &ph->cap, i, t - i, CLEAN_R_CREDIT) != 0 ? CL_OOM
                                                                                        : t;
        size_t te = cleani_token_end(ph->text, ph->hi, t);
        if (te <= t)
            break;
        t = cleani_skip_sp(ph->text, ph->hi, te);
    }
    size_t ce = cs < ph->hi ? cleani_credit_run(ph->text, ph->hi, cs, 1) : 0;
    size_t e = cleani_ph_cut(ph, i, ce ? ce : m, CLEAN_R_CREDIT);
    if (e != CL_OOM && ce)
        cleani_repeat(ph, cs, ce);
    return e != CL_OOM ? cleani_cut_end(ph) : CL_OOM;
}

/* A bracketed credit or video label at u[i] ('(' or '['): "(Photo: Jane
 * Doe)", "( Jo Ray / Getty Images )", "(Jane Doe, AP)", "(Video)". Returns
 * the end of the scan (i when kept), or CL_OOM when out of memory. */
static size_t cleani_paren(cleani_ph *ph, size_t i) {
    const unsigned char *u = ph->u;
    unsigned char close = u[i] == '(' ? ')' : ']';
    size_t lim = ph->hi - i > CL_PAREN_MAX ? i + CL_PAREN_MAX : ph->hi, j = i + 1;
    while (j < lim && u[j] != '(' && u[j] != ')' && u[j] != '[' && u[j] != ']')
        j++;
    if (j >= lim || u[j] != close)
        return i;
    size_t c0 = cleani_skip_sp(ph->text, j, i + 1), c1 = cleani_back_sp(u, c0, j);
    if (c1 <= c0 || memchr(u + c0, '"', c1 - c0))
        return i;
    unsigned words = 0;
    for (size_t k = c0; k < c1; k++)
        words += !cleani_sp(ph->text, c1, k) && (k == c0 || cleani_sp(ph->text, c1, k - 1));
    if (words > CL_PAREN_WORDS)
        return i;
    const char *reason = NULL;
    if (cleani_phrase(ph->text, c1, c0, "video") == c1 ||
        cleani_phrase(ph->text, c1, c0, "videos") == c1)
        reason = CLEAN_R_MEDIA;
    for (int k = 0; !reason && cleani_paren_label_tab[k]; k++)
        if (cleani_phrase(ph->text, c1, c0, cleani_paren_label_tab[k]))
            reason = CLEAN_R_CREDIT;
    if (!reason && memchr(u + c0, '/', c1 - c0)) {
        /* a slash and an agency name at a word or segment start */
        for (size_t k = c0; k < c1 && !reason; k++)
            if ((k == c0 || u[k - 1] == '/' || u[k - 1] == ' ') && cleani_agency(ph->text, c1, k))
                reason = CLEAN_R_CREDIT;
    }
    if (!reason && words <= 8) {
        /* "Name, AGENCY" */
        const unsigned char *cm = NULL;
        for (size_t k = c0; k < c1; k++)
            if (u[k] == ',')
                cm = u + k;
        if (cm) {
            size_t a = cleani_skip_sp(ph->text, c1, (size_t)(cm - u) + 1);
            size_t al = a < c1 ? cleani_agency(ph->text, c1, a) : 0;
            if (al && a + al == c1 && (size_t)(cm - u) > c0)
                reason = CLEAN_R_CREDIT;
        }
    }
    if (!reason && ph->n && cleani_back_sp(u, cleani_cut_end(ph), i) <= cleani_cut_end(ph)) {
        /* "(Associated Press)" right after a credit or caption that went */
        size_t al = cleani_agency(ph->text, c1, c0);
        if (al && c0 + al == c1)
            reason = CLEAN_R_CREDIT;
    }
    if (!reason)
        return i;
    size_t e = cleani_ph_cut(ph, i, j + 1, reason);
    if (e != CL_OOM)
        cleani_repeat(ph, i, j + 1);
    return e != CL_OOM ? cleani_cut_end(ph) : CL_OOM;
}

/* A credit after a pipe ("| Jane Doe/Reuters", "&#124; Getty"), at u[i]
 * whose pipe is w bytes wide. */
static size_t cleani_pipe(cleani_ph *ph, size_t i, size_t w) {
    size_t cs = cleani_skip_sp(ph->text, ph->hi, i + w);
    if (cs == i + w || cs >= ph->hi || !(cleani_alpha(ph->u[cs]) || ph->u[cs] >= 0xC3))
        return i;
    size_t ce = cleani_credit_run(ph->text, ph->hi, cs, 0);
    if (!ce)
        return i;
    size_t e = cleani_ph_cut(ph, i, ce, CLEAN_R_CREDIT);
    if (e != CL_OOM)
        cleani_repeat(ph, cs, ce);
    return e != CL_OOM ? cleani_cut_end(ph) : CL_OOM;
}

/* Byte that separates words when walking backwards (ASCII space, tab, the
 * second byte of U+00A0). */
static int cleani_sp_byte(unsigned char c) {
    return c == ' ' || c == '\t' || c == 0xA0;
}

/* A slash credit that opens a sentence ("... fresh? Jo Ray/iStock/Getty
 * Images Millions of ..."): the '/' at u[i] is followed by an agency name,
 * and the credit starts at most CL_CREDIT_WORDS name-like words back (no
 * digit, colon, bracket or quote, no article or preposition), where a
 * sentence or the line starts. tok is the start of the word that holds
 * the slash. The walk back reads at most 2 * CL_LOOK bytes. */
static size_t cleani_slash(cleani_ph *ph, size_t i, size_t tok) {
    const unsigned char *u = ph->u;
    if ((i > ph->lo && u[i - 1] == '/') || i - tok > CL_TOKEN_MAX)
        return i; /* "//", or a word longer than any name */
    size_t q = cleani_skip_sp(ph->text, ph->hi, i + 1);
    size_t end = q < ph->hi ? cleani_agency_end(ph->text, ph->hi, q) : 0;
    if (!end)
        return i;
    size_t cut = cleani_cut_end(ph);
    size_t floor = i > cut + 2 * CL_LOOK ? i - 2 * CL_LOOK : cut;
    size_t s = cleani_back_sp(u, floor, i); /* end of the word being checked */
    for (int w = 0; w < CL_CREDIT_WORDS; w++) {
        size_t t = s;
        while (t > floor && !cleani_sp_byte(u[t - 1]))
            t--;
        if (t == s || (t == floor && floor != ph->lo && floor != cut))
            return i; /* no word, or one cut by the look-back limit */
        for (size_t k = t; k < s; k++) {
            unsigned char c = u[k];
            if (!(cleani_alpha(c) || c >= 0x80 || c == '.' || c == ',' || c == '-' || c == '\'' ||
                  c == '/' || c == '&'))
                return i;
        }
        size_t wb = s;
        while (wb > t && (u[wb - 1] == ',' || u[wb - 1] == '/'))
            wb--;
        if (cleani_word_in(u, t, wb, cleani_noncredit_tab))
            return i;
        if (cleani_sent_start(ph, t)) {
            size_t e =
                cleani_ph_cut(ph, t, cleani_credit_tail(ph->text, ph->hi, end), CLEAN_R_CREDIT);
            return e != CL_OOM ? cleani_cut_end(ph) : CL_OOM;
        }
        if (t == floor)
            return i;
        s = cleani_back_sp(u, floor, t);
    }
    return i;
}

/* An agency name at the word start u[i]: when the words that end with it
 * repeat words just before ("Jo Ray, Getty Images Jo Ray, Getty Images"),
 * both copies go. A credit printed twice, once for the picture and once
 * for its caption, is never prose. tok is the start of the word that holds
 * u[i]. */
static size_t cleani_twice(cleani_ph *ph, size_t i, size_t tok) {
    if (i - tok > CL_TOKEN_MAX)
        return i; /* inside a word longer than any credit */
    size_t e2 = cleani_agency_end(ph->text, ph->hi, i);
    if (!e2)
        return i;
    size_t e1 = ph->ag_end;
    ph->ag_end = e2;
    if (e1 == 0 || e1 > i)
        return i;
    size_t s2 = cleani_skip_sp(ph->text, ph->hi, e1), l = e2 - s2;
    if (s2 == e1 || l < 6 || l > CL_PAREN_MAX / 2 || e1 < l || e1 - l < cleani_cut_end(ph))
        return i;
    size_t s1 = e1 - l;
    if (memcmp(ph->u + s1, ph->u + s2, l) != 0 || cleani_word_before(ph->u, ph->lo, s1) ||
        (!memchr(ph->u + s1, ' ', l) && !memchr(ph->u + s1, '/', l)))
        return i;
    size_t e = cleani_ph_cut(ph, s1, e2, CLEAN_R_CREDIT);
    return e != CL_OOM ? cleani_cut_end(ph) : CL_OOM;
}

/* A table phrase at u[i, m). Returns the end of the scan (i when kept), or
 * CL_OOM when out of memory. */
static size_t cleani_apply(cleani_ph *ph, const cleani_phr *p, size_t i, size_t m) {
    const unsigned char *u = ph->u;
    size_t wa, wb, cs, ce, e;
    switch (p->mode) {
    case CLP_AD:
        return cleani_ad(ph, i, m);
    case CLP_DET:
        if (cleani_prev_word(ph, i, &wa, &wb) && cleani_word_in(u, wa, wb, cleani_det_tab))
            return i;
        break;
    case CLP_START:
        if (!cleani_sent_start(ph, i))
            return i;
        break;
    case CLP_END: {
        size_t k = m; /* skip "...", ":", ">", "»" and "…" */
        for (;;) {
            if (k < ph->hi && (u[k] == ':' || u[k] == '.' || u[k] == '>' || u[k] == ' '))
                k++;
            else if (k + 1 < ph->hi && u[k] == 0xC2 && u[k + 1] == 0xBB)
                k += 2;
            else if (k + 2 < ph->hi && u[k] == 0xE2 && u[k + 1] == 0x80 && u[k + 2] == 0xA6)
                k += 3;
            else
                break;
        }
        if (cleani_skip_sp(ph->text, ph->hi, k) < ph->hi || !cleani_sent_start(ph, i))
            return i;
        m = ph->hi;
        break;
    }
    case CLP_COPY:
        if (cleani_prev_word(ph, i, &wa, &wb) && cleani_word_in(u, wa, wb, cleani_det_tab))
            return i;
        return cleani_copyright(ph, i, m);
    case CLP_BLOCK:
        return cleani_block_cut(ph, p, i, m);
    case CLP_FILE:
        return cleani_file_caption(ph, p, i, m);
    case CLP_AGE:
        return cleani_age(ph, p, i, m);
    case CLP_GALLERY:
    case CLP_MARK:
    case CLP_LABEL:
    case CLP_SOURCE:
        /* a gallery marker without a counter is a plain marker */
        if (p->mode == CLP_GALLERY && (e = cleani_gallery(ph, i, m, p->r)) != i)
            return e;
        if (p->mode == CLP_LABEL && ph->title_len && (e = cleani_gallery_head(ph, i)) != i)
            return e;
        if (cleani_prev_word(ph, i, &wa, &wb) && cleani_word_in(u, wa, wb, cleani_det_tab))
            return i;
        cs = cleani_skip_sp(ph->text, ph->hi, m);
        ce = cs < ph->hi ? cleani_credit_run(ph->text, ph->hi, cs, p->mode != CLP_SOURCE) : 0;
        int mark = p->mode == CLP_MARK || p->mode == CLP_GALLERY;
        if (!ce && !mark)
            return i;
        if (ce && mark) {
            /* the marker and the credit, each with its reason */
            size_t s0 = i;
            if (cleani_skip_sp(ph->text, ph->hi, ce) >= ph->hi)
                s0 = cleani_back_sp(u, cleani_cut_end(ph), i);
            if (cleani_push(&ph->v, &ph->n, &ph->cap, s0, cs - s0, p->r) != 0)
                return CL_OOM;
            e = cleani_ph_cut(ph, cs, ce, CLEAN_R_CREDIT);
        } else {
            e = cleani_ph_cut(ph, i, ce ? ce : m, p->r);
        }
        if (e != CL_OOM && ce)
            cleani_repeat(ph, cs, ce);
        return e != CL_OOM ? cleani_cut_end(ph) : CL_OOM;
    default:
        break;
    }
    return cleani_ph_cut(ph, i, m, p->r);
}

/* Marks the first two letters of the lower-case phrase p in pair (all
 * second letters when the second byte is none). */
static void cleani_pair_add(uint32_t pair[26], const char *p) {
    unsigned x = (unsigned char)p[0] - 'a', y = (unsigned char)p[1] - 'a';
    if (x < 26)
        pair[x] |= y < 26 ? 1u << y : 0x3FFFFFFu;
}

/* The phrase pass over [lo, hi): one scan from left to right; at each word
 * start, bracket or pipe the phrase table and the credit shapes are tried,
 * each reading a bounded number of bytes around it. Returns 0, or -1 when
 * out of memory. */
static int cleani_phrases(cleani_ph *ph) {
    const unsigned char *u = ph->u;
    /* pair[x] bit y: some phrase or agency name starts with letters x, y */
    uint32_t pair[26] = {0};
    for (size_t k = 0; k < sizeof cleani_phr_tab / sizeof cleani_phr_tab[0]; k++)
        cleani_pair_add(pair, cleani_phr_tab[k].p);
    for (size_t k = 0; k < sizeof cleani_block_tab / sizeof cleani_block_tab[0]; k++)
        cleani_pair_add(pair, cleani_block_tab[k].open.p);
    for (int k = 0; cleani_agency_tab[k]; k++)
        cleani_pair_add(pair, cleani_agency_tab[k]);
    size_t i = ph->lo, tok = i; /* tok: start of the current word */
    while (i < ph->hi) {
        unsigned char c = u[i];
        size_t r = i;
        if (cleani_alpha(c)) {
            unsigned x = (c | 0x20) - 'a', y = i + 1 < ph->hi ? (u[i + 1] | 0x20) - 'a' : 26;
            if (y < 26 && (pair[x] >> y & 1) && !cleani_word_before(u, ph->lo, i)) {
                size_t m;
                const cleani_phr *p = cleani_match(ph, i, &m);
                if (p)
                    r = cleani_apply(ph, p, i, m);
                if (r == i)
                    r = cleani_twice(ph, i, tok);
            }
        } else if (c == '(' || c == '[') {
            r = cleani_paren(ph, i);
        } else if (c == '|') {
            r = cleani_pipe(ph, i, 1);
        } else if (c == '&' && ph->hi - i >= 6 && memcmp(u + i, "&#124;", 6) == 0) {
            r = cleani_pipe(ph, i, 6);
        } else if (c == '/') {
            r = cleani_slash(ph, i, tok);
        }
        if (r == CL_OOM)
            return -1;
        if (r > i)
            i = tok = r;
        else if (cleani_sp_byte(u[i++]))
            tok = i;
    }
    return 0;
}

/* Merges the phrase cuts p[0, np) into the cuts v[n0, *n) of the same
 * line: the line's own cuts win, phrase cuts are clipped around them. */
static int cleani_merge(ch_removed **v, size_t *n, size_t *cap, size_t n0, const ch_removed *p,
                        size_t np) {
    size_t ne = *n - n0;
    ch_removed *e = NULL;
    if (ne) {
        e = malloc(ne * sizeof *e);
        if (!e)
            return -1;
        memcpy(e, *v + n0, ne * sizeof *e);
    }
    *n = n0;
    size_t i = 0, j = 0, cur = 0;
    ch_removed pc = {0, 0, NULL};
    int have = 0, rc = 0;
    for (;;) {
        if (!have && j < np) {
            pc = p[j++];
            have = 1;
        }
        if (have && pc.off < cur) {
            if (pc.off + pc.len <= cur) {
                have = 0;
                continue;
            }
            pc.len = pc.off + pc.len - cur;
            pc.off = cur;
        }
        if (i < ne && (!have || e[i].off <= pc.off)) {
            if ((rc = cleani_push(v, n, cap, e[i].off, e[i].len, e[i].reason)) != 0)
                break;
            cur = e[i].off + e[i].len;
            i++;
            continue;
        }
        if (!have)
            break;
        size_t t = pc.off + pc.len;
        if (i < ne && e[i].off < t) {
            if ((rc = cleani_push(v, n, cap, pc.off, e[i].off - pc.off, pc.reason)) != 0)
                break;
            pc.len = t - e[i].off;
            pc.off = e[i].off;
            continue;
        }
        if ((rc = cleani_push(v, n, cap, pc.off, pc.len, pc.reason)) != 0)
            break;
        cur = t;
        have = 0;
    }
    free(e);
    return rc;
}

static int cleani_line_cuts(const char *text, size_t a, size_t b, ch_removed **v, size_t *n,
                            size_t *cap);

int clean_inline_cuts(const char *text, size_t a, size_t b, ch_removed **v, size_t *n,
                      size_t *cap) {
    size_t n0 = *n;
    int archive = clean_archive_words(text, a, b);
    if (archive && clean_archive_page(text, a, b))
        return cleani_push(v, n, cap, a, b - a, CLEAN_R_NOTICE);
    if (cleani_line_cuts(text, a, b, v, n, cap) != 0)
        return -1;
    cleani_ph ph;
    memset(&ph, 0, sizeof ph);
    ph.text = text;
    ph.u = (const unsigned char *)text;
    ph.lo = a;
    ph.hi = b;
    if (*n > n0 && (*v)[n0].off == a && strcmp((*v)[n0].reason, CLEAN_R_TRACKING) == 0)
        ph.lo = (*v)[n0].off + (*v)[n0].len; /* the line starts after a tracking token */
    cleani_gallery_title(&ph);
    int rc = cleani_phrases(&ph);
    if (rc == 0 && ph.n)
        rc = cleani_merge(v, n, cap, n0, ph.v, ph.n);
    /* whole sentences that are notices (clean_sentence.c), read in the
     * text between the cuts so far: what a phrase cut leaves of a sentence
     * ("Sign up for our newsletter The jury ...") is judged alone */
    ch_removed *sv = NULL;
    size_t sn = 0, scap = 0, g = ph.lo;
    for (size_t k = n0; rc == 0 && k <= *n; k++) {
        size_t ge = k < *n ? (*v)[k].off : b;
        if (ge > g)
            rc = clean_sentence_cuts(text, g, ge, archive, &sv, &sn, &scap);
        if (k < *n && (*v)[k].off + (*v)[k].len > g)
            g = (*v)[k].off + (*v)[k].len;
    }
    if (rc == 0 && sn)
        rc = cleani_merge(v, n, cap, n0, sv, sn);
    free(sv);
    free(ph.v);
    return rc;
}

/* The cuts of the first five kinds (see the top of the file). */
static int cleani_line_cuts(const char *text, size_t a, size_t b, ch_removed **v, size_t *n,
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
