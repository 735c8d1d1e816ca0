/*
 * clean_line.c - context-free verdict on one line of a scraped article.
 *
 * A line is judged on its own: is it page furniture (navigation, share and
 * subscribe prompts, photo credits, captions, bylines, contact lines, tweet
 * attributions, copyright and cookie notices, ...) or article text?
 *
 * Algorithm: the line is measured once (word count, whether it ends like a
 * sentence) and normalised once into a small stack buffer (lower-cased,
 * straight quotes, one space, leading bullets and trailing punctuation
 * dropped). The normalised form is then tried against, in order:
 *   1. exact phrases (the whole line is "Advertisement", "Play Video", ...);
 *   2. counters ("Image 1 of 5", "12 comments", "2:15");
 *   3. prefix and substring phrases, each with two word limits: one for
 *      lines that end like a sentence (often 0: never) and one for others;
 *      substring phrases are found by one keyword pass over the line that
 *      sets a bit per keyword (cleanl_keywords), not by a search per phrase;
 *   4. promo labels ("MORE:", "VIDEO:", "Related:" followed by a headline);
 *   5. shape rules that read the raw line: bylines ("By Jane Doe"), photo
 *      credits ("Name/Agency/Getty Images"), lines wholly in brackets,
 *      captions ending in a bracketed credit, e-mail and @handle lines,
 *      timestamps, separators, share-button rows, code left over from pages.
 *
 * Precision over recall: a line that ends like a sentence and has more than
 * twelve words is only cut by phrases that never open or make up a real
 * sentence ("Image caption ...", "Copyright 2016 ... All rights reserved",
 * "You can add location information to your Tweets ..."). Every rule is a
 * property of web pages in general, never of one outlet.
 *
 * A long line that ends like a sentence (the bulk of any article) can only
 * match phrases at its start, or a few rare words found with memchr jumps
 * (cleanl_plain_sentence): it is normalised on its first bytes only and
 * skips the keyword pass.
 *
 * Invariants: reads only s[0, n); allocates nothing; runs in time linear in
 * n (phrase tables are scanned with a first-byte filter, the normalised
 * buffer is bounded by CLEAN_NORM_CAP).
 */
#include <string.h>

#include "doc/clean_int.h"

/* ---- character helpers ------------------------------------------------ */

static int cleanl_is_upper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}
static int cleanl_is_lower(unsigned char c) {
    return c >= 'a' && c <= 'z';
}
static int cleanl_is_alpha(unsigned char c) {
    return cleanl_is_upper(c) || cleanl_is_lower(c);
}
static int cleanl_is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
static int cleanl_is_alnum(unsigned char c) {
    return cleanl_is_alpha(c) || cleanl_is_digit(c);
}
static int cleanl_is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
static unsigned char cleanl_lower(unsigned char c) {
    return cleanl_is_upper(c) ? (unsigned char)(c + 32) : c;
}

void clean_trim(const char *s, size_t *a, size_t *b) {
    const unsigned char *u = (const unsigned char *)s;
    size_t w;
    while (*a < *b && (w = clean_space_width(s, *b, *a)) != 0)
        *a += w;
    while (*b > *a) {
        if (cleanl_is_ascii_space(u[*b - 1]))
            (*b)--;
        else if (*b - *a >= 2 && u[*b - 2] == 0xC2 && u[*b - 1] == 0xA0)
            *b -= 2;
        else
            break;
    }
}

/* Width of a closing quote or bracket ending at s[0, n), or 0. */
static size_t cleanl_closer_at_end(const unsigned char *u, size_t n) {
    if (n == 0)
        return 0;
    unsigned char c = u[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*')
        return 1;
    if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && (c == 0x99 || c == 0x9D))
        return 3; /* ’ ” */
    if (n >= 2 && u[n - 2] == 0xC2 && c == 0xBB)
        return 2; /* » */
    return 0;
}

void clean_line_features(const char *s, size_t n, clean_feat *f) {
    const unsigned char *u = (const unsigned char *)s;
    /* a word starts at a byte above ' ' that follows ' ' or below (a plain
     * loop the compiler vectorises) */
    size_t nw = n > 0 && u[0] > ' ';
    for (size_t i = 1; i < n; i++)
        nw += (u[i] > ' ') & (u[i - 1] <= ' ');
    f->nwords = nw > 65535 ? 65535u : (unsigned)nw;
    size_t e = n, w;
    for (int k = 0; k < 3 && (w = cleanl_closer_at_end(u, e)) != 0; k++)
        e -= w;
    f->ends_sent = 0;
    f->ends_colon = 0;
    if (e > 0) {
        unsigned char c = u[e - 1];
        if (c == '.' || c == '!' || c == '?')
            f->ends_sent = 1;
        else if (e >= 3 && u[e - 3] == 0xE2 && u[e - 2] == 0x80 && c == 0xA6)
            f->ends_sent = 1; /* … */
        else if (c == ':')
            f->ends_colon = 1;
    }
}

/* ---- normalisation ---------------------------------------------------- */

/* Width of a bullet, dash or punctuation character skipped at a line's start
 * (0 when s[i] is none of them). */
static size_t cleanl_lead_junk(const unsigned char *u, size_t n, size_t i) {
    unsigned char c = u[i];
    if (cleanl_is_ascii_space(c) || c == '*' || c == '-' || c == '|' || c == '>' || c == '.' ||
        c == '/' || c == ':' || c == '~' || c == '+' || c == '=' || c == '_' || c == ',' ||
        c == ';')
        return 1;
    if (i + 1 < n && c == 0xC2 && (u[i + 1] == 0xA0 || u[i + 1] == 0xB7 || u[i + 1] == 0xBB))
        return 2; /* nbsp · » */
    if (i + 2 < n && c == 0xE2) {
        unsigned char d = u[i + 1], e = u[i + 2];
        if (d == 0x80 && (e == 0x93 || e == 0x94 || e == 0xA2 || e == 0xBA))
            return 3; /* – — • › */
        if (d == 0x96 && (e == 0xBA || e == 0xB6 || e == 0xA0 || e == 0xAA))
            return 3; /* ► ▶ ■ ▪ */
    }
    return 0;
}

size_t clean_norm(const char *s, size_t n, char *out, size_t cap) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0, w;
    while (i < n && (w = cleanl_lead_junk(u, n, i)) != 0)
        i += w;
    int space = 0;
    while (i < n && o + 4 < cap) {
        unsigned char c = u[i];
        if (c >= 'a' && c <= 'z') { /* the common case */
            if (space && o > 0)
                out[o++] = ' ';
            space = 0;
            out[o++] = (char)c;
            i++;
            continue;
        }
        if ((w = clean_space_width(s, n, i)) != 0) {
            space = 1;
            i += w;
            continue;
        }
        if (space && o > 0)
            out[o++] = ' ';
        space = 0;
        if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80) {
            unsigned char e = u[i + 2];
            if (e == 0x98 || e == 0x99) {
                out[o++] = '\'';
                i += 3;
                continue;
            }
            if (e == 0x9C || e == 0x9D) {
                out[o++] = '"';
                i += 3;
                continue;
            }
            if (e == 0x93 || e == 0x94) {
                out[o++] = '-';
                i += 3;
                continue;
            }
        }
        out[o++] = (char)cleanl_lower(c);
        i++;
    }
    /* trailing punctuation */
    for (;;) {
        if (o == 0)
            break;
        unsigned char c = (unsigned char)out[o - 1];
        if (c == ' ' || c == '.' || c == ':' || c == ';' || c == ',' || c == '!' || c == '|' ||
            c == '-' || c == '>' || c == '*') {
            o--;
            continue;
        }
        if (o >= 2 && (unsigned char)out[o - 2] == 0xC2 && c == 0xBB) {
            o -= 2; /* » */
            continue;
        }
        if (o >= 3 && (unsigned char)out[o - 3] == 0xE2 && (unsigned char)out[o - 2] == 0x80 &&
            (c == 0xBA || c == 0xA6)) {
            o -= 3; /* › … */
            continue;
        }
        break;
    }
    out[o] = '\0';
    return o;
}

/* ---- phrase matching on the normalised line --------------------------- */

/* True when p is a prefix of z ending at a word boundary. */
static int cleanl_starts(const char *z, size_t zl, const char *p) {
    size_t pl = strlen(p);
    if (pl > zl || memcmp(z, p, pl) != 0)
        return 0;
    if (pl == zl)
        return 1;
    unsigned char last = (unsigned char)p[pl - 1], next = (unsigned char)z[pl];
    return !cleanl_is_alnum(last) || !cleanl_is_alnum(next);
}

static int cleanl_contains(const char *z, size_t zl, const char *p) {
    size_t pl = strlen(p);
    if (pl == 0 || pl > zl)
        return pl == 0;
    for (size_t i = 0; i + pl <= zl; i++)
        if (z[i] == p[0] && memcmp(z + i, p, pl) == 0)
            return 1;
    return 0;
}

static int cleanl_eq(const char *z, size_t zl, const char *p) {
    size_t pl = strlen(p);
    return pl == zl && memcmp(z, p, pl) == 0;
}

/* Keywords found anywhere in a normalised line, one bit each. They are
 * looked for in one pass (cleanl_keywords) so that the substring rules cost
 * one scan of the line, not one scan per phrase. */
enum {
    KW_SOCIAL = 1u << 0,   /* "a post shared by" */
    KW_RIGHTS = 1u << 1,   /* "all rights reserved" */
    KW_COOKIE = 1u << 2,   /* "cookie" */
    KW_EMBED = 1u << 3,    /* "copy this code to your website" */
    KW_CONTRIB = 1u << 4,  /* "contributed to this report|story|article", "contributed reporting" */
    KW_REACHED = 1u << 5,  /* "can be reached at|by" */
    KW_FOLLOWED = 1u << 6, /* "can be followed on|at" */
    KW_GETTYIMG = 1u << 7, /* "getty images" */
    KW_VIAGETTY = 1u << 8, /* "via getty" */
    KW_SLASHGETTY = 1u << 9, /* "/getty" */
    KW_SHUTTER = 1u << 10,   /* "shutterstock" */
    KW_WIKI = 1u << 11,      /* "wikimedia commons" */
    KW_SUB = 1u << 12,       /* "subscribe", "sign up" */
    KW_TOPIC = 1u << 13,     /* "newsletter", "inbox", "alerts", "youtube", "podcast", ... */
    KW_CCUE = 1u << 14,      /* contact cues: "reach ", "contact ", "email:", "follow", ... */
    KW_NET = 1u << 15,       /* "twitter", "facebook", "instagram", "linkedin" */
    KW_MARKUP = 1u << 16,    /* "<script", "<iframe", "<div", "poster=\"http", "src=\"http" */
    KW_CODE = 1u << 17,      /* "googletag", "document.write", "window.", "function(", "var " */
    KW_AT = 1u << 18,        /* '@' anywhere */
    KW_HTTP = 1u << 19       /* "http", "www." */
};

#define KWAT(lit) (zl - i >= sizeof(lit) - 1 && memcmp(z + i, lit, sizeof(lit) - 1) == 0)

static unsigned cleanl_keywords(const char *z, size_t zl) {
    unsigned kw = 0;
    for (size_t i = 0; i < zl; i++) {
        unsigned char c = (unsigned char)z[i];
        if (c == '@') {
            kw |= KW_AT;
            continue;
        }
        if (c == '/') {
            if (KWAT("/getty"))
                kw |= KW_SLASHGETTY;
            continue;
        }
        if (c == '<') {
            if (KWAT("<script") || KWAT("<iframe") || KWAT("<div"))
                kw |= KW_MARKUP;
            continue;
        }
        if (i > 0 && cleanl_is_alnum((unsigned char)z[i - 1]))
            continue; /* keywords start words */
        switch (c) {
        case 'a':
            if (KWAT("a post shared by"))
                kw |= KW_SOCIAL;
            else if (KWAT("all rights reserved"))
                kw |= KW_RIGHTS;
            else if (KWAT("alerts"))
                kw |= KW_TOPIC;
            break;
        case 'c':
            if (KWAT("cookie"))
                kw |= KW_COOKIE;
            else if (KWAT("copy this code to your website"))
                kw |= KW_EMBED;
            else if (KWAT("contributed to this report") || KWAT("contributed to this story") ||
                     KWAT("contributed to this article") || KWAT("contributed reporting"))
                kw |= KW_CONTRIB;
            else if (KWAT("can be reached at") || KWAT("can be reached by"))
                kw |= KW_REACHED | KW_CCUE;
            else if (KWAT("can be followed on") || KWAT("can be followed at"))
                kw |= KW_FOLLOWED;
            else if (KWAT("contact "))
                kw |= KW_CCUE;
            break;
        case 'd':
            if (KWAT("document.write"))
                kw |= KW_CODE;
            break;
        case 'e':
            if (KWAT("email:") || KWAT("e-mail:") || KWAT("email him") || KWAT("email her") ||
                KWAT("email me"))
                kw |= KW_CCUE;
            break;
        case 'f':
            if (KWAT("function(") || KWAT("function ("))
                kw |= KW_CODE;
            else if (KWAT("follow"))
                kw |= KW_CCUE;
            else if (KWAT("facebook"))
                kw |= KW_NET;
            break;
        case 'g':
            if (KWAT("getty images"))
                kw |= KW_GETTYIMG;
            else if (KWAT("googletag"))
                kw |= KW_CODE;
            break;
        case 'h':
            if (KWAT("http"))
                kw |= KW_HTTP;
            break;
        case 'i':
            if (KWAT("inbox"))
                kw |= KW_TOPIC;
            else if (KWAT("instagram:"))
                kw |= KW_NET | KW_CCUE;
            else if (KWAT("instagram"))
                kw |= KW_NET;
            break;
        case 'l':
            if (KWAT("linkedin"))
                kw |= KW_NET;
            break;
        case 'n':
            if (KWAT("newsletter"))
                kw |= KW_TOPIC;
            break;
        case 'o':
            if (KWAT("our channel"))
                kw |= KW_TOPIC;
            else if (KWAT("on twitter"))
                kw |= KW_CCUE | KW_NET;
            break;
        case 'p':
            if (KWAT("poster=\"http"))
                kw |= KW_MARKUP;
            else if (KWAT("podcast"))
                kw |= KW_TOPIC;
            else if (KWAT("phone:"))
                kw |= KW_CCUE;
            break;
        case 'r':
            if (KWAT("reach "))
                kw |= KW_CCUE;
            else if (KWAT("reached at"))
                kw |= KW_CCUE;
            break;
        case 's':
            if (KWAT("shutterstock"))
                kw |= KW_SHUTTER;
            else if (KWAT("subscribe") || KWAT("sign up"))
                kw |= KW_SUB;
            else if (KWAT("src=\"http"))
                kw |= KW_MARKUP;
            break;
        case 't':
            if (KWAT("tips"))
                kw |= KW_CCUE;
            else if (KWAT("twitter:") || KWAT("twitter @"))
                kw |= KW_CCUE | KW_NET;
            else if (KWAT("twitter"))
                kw |= KW_NET;
            break;
        case 'v':
            if (KWAT("via getty"))
                kw |= KW_VIAGETTY;
            else if (KWAT("var "))
                kw |= KW_CODE;
            break;
        case 'w':
            if (KWAT("wikimedia commons"))
                kw |= KW_WIKI;
            else if (KWAT("window."))
                kw |= KW_CODE;
            else if (KWAT("write to"))
                kw |= KW_CCUE;
            else if (KWAT("www."))
                kw |= KW_HTTP;
            break;
        case 'y':
            if (KWAT("youtube"))
                kw |= KW_TOPIC;
            break;
        default:
            break;
        }
    }
    return kw;
}

#undef KWAT

/* Whole-line phrases. */
typedef struct cleanl_exact {
    const char *p;
    size_t pl; /* strlen(p) */
    const char *r;
} cleanl_exact;

/* A phrase and its length, for the tables below. */
#define CLP(lit) lit, sizeof(lit) - 1

static const cleanl_exact cleanl_exact_tab[] = {
    /* navigation */
    {CLP("skip to main content"), CLEAN_R_NAV},
    {CLP("skip to content"), CLEAN_R_NAV},
    {CLP("skip to navigation"), CLEAN_R_NAV},
    {CLP("skip to main navigation"), CLEAN_R_NAV},
    {CLP("jump to navigation"), CLEAN_R_NAV},
    {CLP("main menu"), CLEAN_R_NAV},
    {CLP("menu"), CLEAN_R_NAV},
    {CLP("navigation"), CLEAN_R_NAV},
    {CLP("search"), CLEAN_R_NAV},
    {CLP("home"), CLEAN_R_NAV},
    {CLP("close"), CLEAN_R_NAV},
    {CLP("back to top"), CLEAN_R_NAV},
    {CLP("return to top"), CLEAN_R_NAV},
    {CLP("top of page"), CLEAN_R_NAV},
    {CLP("next"), CLEAN_R_NAV},
    {CLP("previous"), CLEAN_R_NAV},
    {CLP("next article"), CLEAN_R_NAV},
    {CLP("previous article"), CLEAN_R_NAV},
    {CLP("next story"), CLEAN_R_NAV},
    {CLP("previous story"), CLEAN_R_NAV},
    {CLP("continue reading"), CLEAN_R_NAV},
    {CLP("continue reading below"), CLEAN_R_NAV},
    {CLP("continue reading the main story"), CLEAN_R_NAV},
    {CLP("story continues below"), CLEAN_R_NAV},
    {CLP("story continued below"), CLEAN_R_NAV},
    {CLP("article continues below"), CLEAN_R_NAV},
    {CLP("the story continues below"), CLEAN_R_NAV},
    {CLP("read more"), CLEAN_R_NAV},
    {CLP("read full story"), CLEAN_R_NAV},
    {CLP("read the full story"), CLEAN_R_NAV},
    {CLP("read the full article"), CLEAN_R_NAV},
    {CLP("full story"), CLEAN_R_NAV},
    {CLP("see more"), CLEAN_R_NAV},
    {CLP("show more"), CLEAN_R_NAV},
    {CLP("view more"), CLEAN_R_NAV},
    {CLP("load more"), CLEAN_R_NAV},
    {CLP("more"), CLEAN_R_NAV},
    {CLP("related"), CLEAN_R_NAV},
    {CLP("related articles"), CLEAN_R_NAV},
    {CLP("related stories"), CLEAN_R_NAV},
    {CLP("related posts"), CLEAN_R_NAV},
    {CLP("related coverage"), CLEAN_R_NAV},
    {CLP("related content"), CLEAN_R_NAV},
    {CLP("related links"), CLEAN_R_NAV},
    {CLP("related topics"), CLEAN_R_NAV},
    {CLP("related news"), CLEAN_R_NAV},
    {CLP("you may also like"), CLEAN_R_NAV},
    {CLP("you might also like"), CLEAN_R_NAV},
    {CLP("recommended"), CLEAN_R_NAV},
    {CLP("recommended for you"), CLEAN_R_NAV},
    {CLP("recommended stories"), CLEAN_R_NAV},
    {CLP("more stories"), CLEAN_R_NAV},
    {CLP("more news"), CLEAN_R_NAV},
    {CLP("more on this story"), CLEAN_R_NAV},
    {CLP("most read"), CLEAN_R_NAV},
    {CLP("most popular"), CLEAN_R_NAV},
    {CLP("most viewed"), CLEAN_R_NAV},
    {CLP("trending"), CLEAN_R_NAV},
    {CLP("trending now"), CLEAN_R_NAV},
    {CLP("top stories"), CLEAN_R_NAV},
    {CLP("latest news"), CLEAN_R_NAV},
    {CLP("also"), CLEAN_R_NAV},
    {CLP("also read"), CLEAN_R_NAV},
    {CLP("see also"), CLEAN_R_NAV},
    {CLP("in case you missed it"), CLEAN_R_NAV},
    {CLP("don't miss"), CLEAN_R_NAV},
    {CLP("text size"), CLEAN_R_NAV},
    {CLP("print"), CLEAN_R_NAV},
    {CLP("print this article"), CLEAN_R_NAV},
    {CLP("print this page"), CLEAN_R_NAV},
    {CLP("email"), CLEAN_R_NAV},
    {CLP("e-mail"), CLEAN_R_NAV},
    {CLP("feedback"), CLEAN_R_NAV},
    {CLP("filed under"), CLEAN_R_NAV},
    {CLP("report an error"), CLEAN_R_NAV},
    {CLP("back to article"), CLEAN_R_NAV},
    {CLP("click here"), CLEAN_R_NAV},
    {CLP("click to expand"), CLEAN_R_NAV},
    {CLP("learn more"), CLEAN_R_NAV},
    {CLP("privacy policy"), CLEAN_R_NAV},
    {CLP("terms of use"), CLEAN_R_NAV},
    {CLP("terms of service"), CLEAN_R_NAV},
    {CLP("terms and conditions"), CLEAN_R_NAV},
    {CLP("contact us"), CLEAN_R_NAV},
    {CLP("about us"), CLEAN_R_NAV},
    {CLP("site map"), CLEAN_R_NAV},
    {CLP("sitemap"), CLEAN_R_NAV},
    {CLP("sign in"), CLEAN_R_NAV},
    {CLP("log in"), CLEAN_R_NAV},
    {CLP("login"), CLEAN_R_NAV},
    {CLP("register"), CLEAN_R_NAV},
    /* advertisement */
    {CLP("advertisement"), CLEAN_R_AD},
    {CLP("advertisements"), CLEAN_R_AD},
    {CLP("advertising"), CLEAN_R_AD},
    {CLP("advertisement continue reading the main story"), CLEAN_R_AD},
    {CLP("advertisement - continue reading below"), CLEAN_R_AD},
    {CLP("advertisement continue reading below"), CLEAN_R_AD},
    {CLP("story continues below advertisement"), CLEAN_R_AD},
    {CLP("continue reading below advertisement"), CLEAN_R_AD},
    {CLP("article continues below advertisement"), CLEAN_R_AD},
    {CLP("ad"), CLEAN_R_AD},
    {CLP("ads"), CLEAN_R_AD},
    {CLP("sponsored"), CLEAN_R_AD},
    {CLP("sponsored content"), CLEAN_R_AD},
    {CLP("sponsored links"), CLEAN_R_AD},
    {CLP("sponsored stories"), CLEAN_R_AD},
    {CLP("promoted content"), CLEAN_R_AD},
    {CLP("promoted stories"), CLEAN_R_AD},
    {CLP("paid content"), CLEAN_R_AD},
    {CLP("paid post"), CLEAN_R_AD},
    {CLP("ad feedback"), CLEAN_R_AD},
    {CLP("adchoices"), CLEAN_R_AD},
    {CLP("ad choices"), CLEAN_R_AD},
    {CLP("advertise with us"), CLEAN_R_AD},
    {CLP("partner content"), CLEAN_R_AD},
    /* share, follow, subscribe */
    {CLP("share"), CLEAN_R_SHARE},
    {CLP("shares"), CLEAN_R_SHARE},
    {CLP("share this"), CLEAN_R_SHARE},
    {CLP("share this article"), CLEAN_R_SHARE},
    {CLP("share this story"), CLEAN_R_SHARE},
    {CLP("share this post"), CLEAN_R_SHARE},
    {CLP("share this page"), CLEAN_R_SHARE},
    {CLP("share article"), CLEAN_R_SHARE},
    {CLP("share story"), CLEAN_R_SHARE},
    {CLP("share on facebook"), CLEAN_R_SHARE},
    {CLP("share on twitter"), CLEAN_R_SHARE},
    {CLP("share via email"), CLEAN_R_SHARE},
    {CLP("share via e-mail"), CLEAN_R_SHARE},
    {CLP("tweet this"), CLEAN_R_SHARE},
    {CLP("email this"), CLEAN_R_SHARE},
    {CLP("email this article"), CLEAN_R_SHARE},
    {CLP("pin it"), CLEAN_R_SHARE},
    {CLP("copy link"), CLEAN_R_SHARE},
    {CLP("copy url"), CLEAN_R_SHARE},
    {CLP("link copied"), CLEAN_R_SHARE},
    {CLP("subscribe"), CLEAN_R_SHARE},
    {CLP("subscribe now"), CLEAN_R_SHARE},
    {CLP("subscribe today"), CLEAN_R_SHARE},
    {CLP("sign up"), CLEAN_R_SHARE},
    {CLP("sign up now"), CLEAN_R_SHARE},
    {CLP("newsletter"), CLEAN_R_SHARE},
    {CLP("newsletters"), CLEAN_R_SHARE},
    {CLP("newsletter sign up"), CLEAN_R_SHARE},
    {CLP("newsletter signup"), CLEAN_R_SHARE},
    {CLP("get our newsletter"), CLEAN_R_SHARE},
    {CLP("follow us"), CLEAN_R_SHARE},
    {CLP("follow us on twitter"), CLEAN_R_SHARE},
    {CLP("follow us on facebook"), CLEAN_R_SHARE},
    {CLP("like us on facebook"), CLEAN_R_SHARE},
    /* comments */
    {CLP("comments"), CLEAN_R_COMMENTS},
    {CLP("comment"), CLEAN_R_COMMENTS},
    {CLP("add a comment"), CLEAN_R_COMMENTS},
    {CLP("leave a comment"), CLEAN_R_COMMENTS},
    {CLP("post a comment"), CLEAN_R_COMMENTS},
    {CLP("view comments"), CLEAN_R_COMMENTS},
    {CLP("show comments"), CLEAN_R_COMMENTS},
    {CLP("hide comments"), CLEAN_R_COMMENTS},
    {CLP("load comments"), CLEAN_R_COMMENTS},
    {CLP("read comments"), CLEAN_R_COMMENTS},
    {CLP("join the conversation"), CLEAN_R_COMMENTS},
    {CLP("join the discussion"), CLEAN_R_COMMENTS},
    {CLP("comments are closed"), CLEAN_R_COMMENTS},
    {CLP("commenting is closed"), CLEAN_R_COMMENTS},
    {CLP("comment now"), CLEAN_R_COMMENTS},
    {CLP("add your comment"), CLEAN_R_COMMENTS},
    {CLP("have your say"), CLEAN_R_COMMENTS},
    /* media placeholders */
    {CLP("video"), CLEAN_R_MEDIA},
    {CLP("videos"), CLEAN_R_MEDIA},
    {CLP("play video"), CLEAN_R_MEDIA},
    {CLP("watch video"), CLEAN_R_MEDIA},
    {CLP("watch the video"), CLEAN_R_MEDIA},
    {CLP("watch"), CLEAN_R_MEDIA},
    {CLP("watch now"), CLEAN_R_MEDIA},
    {CLP("watch live"), CLEAN_R_MEDIA},
    {CLP("live video"), CLEAN_R_MEDIA},
    {CLP("embed"), CLEAN_R_MEDIA},
    {CLP("photo"), CLEAN_R_MEDIA},
    {CLP("photos"), CLEAN_R_MEDIA},
    {CLP("image"), CLEAN_R_MEDIA},
    {CLP("images"), CLEAN_R_MEDIA},
    {CLP("picture"), CLEAN_R_MEDIA},
    {CLP("pictures"), CLEAN_R_MEDIA},
    {CLP("gallery"), CLEAN_R_MEDIA},
    {CLP("photo gallery"), CLEAN_R_MEDIA},
    {CLP("view gallery"), CLEAN_R_MEDIA},
    {CLP("view photo gallery"), CLEAN_R_MEDIA},
    {CLP("see gallery"), CLEAN_R_MEDIA},
    {CLP("related gallery"), CLEAN_R_MEDIA},
    {CLP("related video"), CLEAN_R_MEDIA},
    {CLP("related videos"), CLEAN_R_MEDIA},
    {CLP("slideshow"), CLEAN_R_MEDIA},
    {CLP("view slideshow"), CLEAN_R_MEDIA},
    {CLP("enlarge"), CLEAN_R_MEDIA},
    {CLP("enlarge image"), CLEAN_R_MEDIA},
    {CLP("enlarge this image"), CLEAN_R_MEDIA},
    {CLP("toggle caption"), CLEAN_R_MEDIA},
    {CLP("hide caption"), CLEAN_R_MEDIA},
    {CLP("show caption"), CLEAN_R_MEDIA},
    {CLP("caption"), CLEAN_R_MEDIA},
    {CLP("click to enlarge"), CLEAN_R_MEDIA},
    {CLP("replay"), CLEAN_R_MEDIA},
    {CLP("autoplay"), CLEAN_R_MEDIA},
    {CLP("now playing"), CLEAN_R_MEDIA},
    {CLP("up next"), CLEAN_R_MEDIA},
    {CLP("audio"), CLEAN_R_MEDIA},
    {CLP("listen"), CLEAN_R_MEDIA},
    {CLP("listen to this article"), CLEAN_R_MEDIA},
    {CLP("listen now"), CLEAN_R_MEDIA},
    {CLP("article lead image"), CLEAN_R_MEDIA},
    {CLP("lead image"), CLEAN_R_MEDIA},
    {CLP("main image"), CLEAN_R_MEDIA},
    {CLP("featured image"), CLEAN_R_MEDIA},
    {CLP("file photo"), CLEAN_R_MEDIA},
    {CLP("view graphic"), CLEAN_R_MEDIA},
    {CLP("interactive"), CLEAN_R_MEDIA},
    {CLP("infographic"), CLEAN_R_MEDIA},
    {CLP("map customizer"), CLEAN_R_MEDIA},
    {CLP("video player"), CLEAN_R_MEDIA},
    {CLP("loading video"), CLEAN_R_MEDIA},
    {CLP("tweet with a location"), CLEAN_R_TWEET},
    {CLP("more videos"), CLEAN_R_MEDIA},
};

enum {
    CL_SUBSTR = 2, /* substring rule rather than a prefix rule */
    CL_SUFFIX = 4  /* the normalised line ends with the phrase */
};

typedef struct cleanl_rule {
    const char *p; /* the phrase (for CL_SUBSTR rules: documentation only) */
    size_t pl;     /* strlen(p) */
    const char *r;
    unsigned char maxw;  /* the line has at most this many words ... */
    unsigned char sentw; /* ... or this many when it ends like a sentence */
    unsigned char flags; /* CL_* */
    unsigned kw;         /* CL_SUBSTR rules: the KW_* bit that finds the phrase */
} cleanl_rule;

/* No phrase removes a line longer than this: past it, a line that opens
 * with furniture ("Media playback is unsupported ...") is an article that a
 * scraper flattened onto one line, and losing it would cost the article. */
#define CLEANL_RULE_MAX_WORDS 40

static const cleanl_rule cleanl_rule_tab[] = {
    /* navigation */
    {CLP("skip to "), CLEAN_R_NAV, 10, 0, 0, 0},
    {CLP("read more"), CLEAN_R_NAV, 25, 0, 0, 0},
    {CLP("see also"), CLEAN_R_NAV, 16, 0, 0, 0},
    {CLP("also read"), CLEAN_R_NAV, 16, 0, 0, 0},
    {CLP("also see"), CLEAN_R_NAV, 16, 0, 0, 0},
    {CLP("also on "), CLEAN_R_NAV, 16, 0, 0, 0},
    {CLP("click here"), CLEAN_R_NAV, 30, 30, 0, 0},
    {CLP("click for more"), CLEAN_R_NAV, 20, 20, 0, 0},
    {CLP("click to "), CLEAN_R_NAV, 15, 15, 0, 0},
    {CLP("tap here"), CLEAN_R_NAV, 20, 20, 0, 0},
    {CLP("click here"), CLEAN_R_NAV, 15, 15, CL_SUFFIX, 0},
    {CLP("text size"), CLEAN_R_NAV, 6, 0, 0, 0},
    {CLP("in case you missed"), CLEAN_R_NAV, 20, 0, 0, 0},
    {CLP("you may also like"), CLEAN_R_NAV, 16, 0, 0, 0},
    {CLP("you might also like"), CLEAN_R_NAV, 16, 0, 0, 0},
    {CLP("more from "), CLEAN_R_NAV, 8, 0, 0, 0},
    {CLP("more stories from"), CLEAN_R_NAV, 10, 0, 0, 0},
    {CLP("please enable javascript"), CLEAN_R_NAV, 40, 40, 0, 0},
    {CLP("javascript is disabled"), CLEAN_R_NAV, 40, 40, 0, 0},
    {CLP("you need to enable javascript"), CLEAN_R_NAV, 40, 40, 0, 0},
    {CLP("already a subscriber"), CLEAN_R_NAV, 25, 25, 0, 0},
    /* advertisement */
    {CLP("advertisement"), CLEAN_R_AD, 12, 0, 0, 0},
    {CLP("sponsored by"), CLEAN_R_AD, 10, 0, 0, 0},
    {CLP("paid for by"), CLEAN_R_AD, 12, 0, 0, 0},
    /* share, follow, subscribe */
    {CLP("read or share this story"), CLEAN_R_SHARE, 15, 15, 0, 0},
    {CLP("share this"), CLEAN_R_SHARE, 12, 0, 0, 0},
    {CLP("share on "), CLEAN_R_SHARE, 10, 0, 0, 0},
    {CLP("share via"), CLEAN_R_SHARE, 10, 0, 0, 0},
    {CLP("follow us"), CLEAN_R_SHARE, 15, 15, 0, 0},
    {CLP("like us on"), CLEAN_R_SHARE, 15, 15, 0, 0},
    {CLP("newsletter sign up"), CLEAN_R_SHARE, 120, 120, 0, 0},
    {CLP("newsletter signup"), CLEAN_R_SHARE, 120, 120, 0, 0},
    {CLP("sign up for our"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("sign up to receive"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("sign up to get"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("sign up now"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("sign up here"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("subscribe to our"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("subscribe now"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("subscribe today"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("subscribe for"), CLEAN_R_SHARE, 20, 0, 0, 0},
    {CLP("get our newsletter"), CLEAN_R_SHARE, 30, 30, 0, 0},
    {CLP("never miss a"), CLEAN_R_SHARE, 25, 0, 0, 0},
    {CLP("be sure to subscribe"), CLEAN_R_SHARE, 25, 25, 0, 0},
    /* comments */
    {CLP("comment on this"), CLEAN_R_COMMENTS, 12, 12, 0, 0},
    {CLP("join the conversation"), CLEAN_R_COMMENTS, 25, 25, 0, 0},
    {CLP("join the discussion"), CLEAN_R_COMMENTS, 25, 25, 0, 0},
    {CLP("comments are closed"), CLEAN_R_COMMENTS, 20, 20, 0, 0},
    {CLP("commenting is closed"), CLEAN_R_COMMENTS, 20, 20, 0, 0},
    {CLP("commenting has been disabled"), CLEAN_R_COMMENTS, 20, 20, 0, 0},
    {CLP("comments have been disabled"), CLEAN_R_COMMENTS, 20, 20, 0, 0},
    /* twitter and instagram widgets */
    {CLP("you can add location information to your tweets"), CLEAN_R_TWEET, 120, 120, 0, 0},
    /* captions and credits */
    {CLP("image caption"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("image copyright"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("media caption"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("photo caption"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("picture caption"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("caption:"), CLEAN_R_CAPTION, 70, 70, 0, 0},
    {CLP("pictured:"), CLEAN_R_CAPTION, 50, 50, 0, 0},
    {CLP("file photo"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("file image"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("file -"), CLEAN_R_CAPTION, 90, 90, 0, 0},
    {CLP("ap photo"), CLEAN_R_CAPTION, 25, 25, 0, 0},
    {CLP("afp photo"), CLEAN_R_CAPTION, 25, 25, 0, 0},
    {CLP("reuters photo"), CLEAN_R_CAPTION, 25, 25, 0, 0},
    {CLP("image source"), CLEAN_R_CREDIT, 20, 20, 0, 0},
    {CLP("photo:"), CLEAN_R_CREDIT, 30, 30, 0, 0},
    {CLP("photograph:"), CLEAN_R_CREDIT, 30, 30, 0, 0},
    {CLP("image:"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("images:"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("picture:"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("credit:"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("credits:"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photo credit"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("image credit"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photo by"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photos by"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photograph by"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photographs by"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photo courtesy"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("photos courtesy"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("image courtesy"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("images courtesy"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("thumbnail image"), CLEAN_R_CREDIT, 15, 15, 0, 0},
    {CLP("screenshot"), CLEAN_R_CREDIT, 12, 0, 0, 0},
    {CLP("screen grab"), CLEAN_R_CREDIT, 12, 0, 0, 0},
    {CLP("screengrab"), CLEAN_R_CREDIT, 12, 0, 0, 0},
    {CLP("getty images"), CLEAN_R_CREDIT, 10, 0, 0, 0},
    {CLP("getty images"), CLEAN_R_CREDIT, 10, 0, CL_SUBSTR, KW_GETTYIMG},
    {CLP("via getty"), CLEAN_R_CREDIT, 12, 0, CL_SUBSTR, KW_VIAGETTY},
    {CLP("/getty"), CLEAN_R_CREDIT, 12, 0, CL_SUBSTR, KW_SLASHGETTY},
    {CLP("shutterstock"), CLEAN_R_CREDIT, 10, 0, CL_SUBSTR, KW_SHUTTER},
    {CLP("wikimedia commons"), CLEAN_R_CREDIT, 10, 0, CL_SUBSTR, KW_WIKI},
    /* media */
    {CLP("enlarge"), CLEAN_R_MEDIA, 25, 0, 0, 0},
    {CLP("just watched"), CLEAN_R_MEDIA, 120, 120, 0, 0},
    {CLP("must watch"), CLEAN_R_MEDIA, 60, 60, 0, 0},
    {CLP("media playback is unsupported"), CLEAN_R_MEDIA, 120, 120, 0, 0},
    {CLP("your browser does not support"), CLEAN_R_MEDIA, 40, 40, 0, 0},
    {CLP("copy this code to your website"), CLEAN_R_MEDIA, 120, 120, CL_SUBSTR, KW_EMBED},
    {CLP("now playing"), CLEAN_R_MEDIA, 20, 0, 0, 0},
    {CLP("play video"), CLEAN_R_MEDIA, 15, 0, 0, 0},
    {CLP("watch video"), CLEAN_R_MEDIA, 15, 0, 0, 0},
    {CLP("watch the full"), CLEAN_R_MEDIA, 15, 0, 0, 0},
    {CLP("view graphic"), CLEAN_R_MEDIA, 25, 25, 0, 0},
    {CLP("view gallery"), CLEAN_R_MEDIA, 15, 0, 0, 0},
    {CLP("view photos"), CLEAN_R_MEDIA, 15, 0, 0, 0},
    {CLP("listen to this"), CLEAN_R_MEDIA, 12, 0, 0, 0},
    /* bylines and contact */
    /* (credit lines that end like a sentence: cleanl_credit_sentence) */
    {CLP("reporting by"), CLEAN_R_BYLINE, 25, 0, 0, 0},
    {CLP("additional reporting by"), CLEAN_R_BYLINE, 25, 0, 0, 0},
    {CLP("editing by"), CLEAN_R_BYLINE, 20, 0, 0, 0},
    {CLP("writing by"), CLEAN_R_BYLINE, 20, 0, 0, 0},
    {CLP("compiled by"), CLEAN_R_BYLINE, 15, 0, 0, 0},
    {CLP("edited by"), CLEAN_R_BYLINE, 12, 0, 0, 0},
    {CLP("written by"), CLEAN_R_BYLINE, 12, 0, 0, 0},
    {CLP("story by"), CLEAN_R_BYLINE, 12, 0, 0, 0},
    {CLP("posted by"), CLEAN_R_BYLINE, 12, 0, 0, 0},
    {CLP("contributing:"), CLEAN_R_BYLINE, 25, 25, 0, 0},
    {CLP("contributors:"), CLEAN_R_BYLINE, 25, 25, 0, 0},
    {CLP("contributing writer"), CLEAN_R_BYLINE, 12, 0, 0, 0},
    {CLP("staff writer"), CLEAN_R_BYLINE, 8, 0, 0, 0},
    {CLP("staff report"), CLEAN_R_BYLINE, 8, 0, 0, 0},
    {CLP("associated press writer"), CLEAN_R_BYLINE, 12, 0, 0, 0},
    {CLP("with assistance from"), CLEAN_R_BYLINE, 25, 0, 0, 0},
    {CLP("contributed to this report"), CLEAN_R_BYLINE, 25, 25, CL_SUBSTR, KW_CONTRIB},
    /* ... "to this story|article", "contributed reporting" */
    {CLP("contact the author"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("contact the reporter"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("contact the writer"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("to contact the reporter"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("to contact the editor"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("to contact the author"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("to contact the writer"), CLEAN_R_CONTACT, 30, 30, 0, 0},
    {CLP("email the author"), CLEAN_R_CONTACT, 20, 20, 0, 0},
    {CLP("send tips"), CLEAN_R_CONTACT, 20, 20, 0, 0},
    {CLP("have a tip"), CLEAN_R_CONTACT, 20, 20, 0, 0},
    {CLP("got a tip"), CLEAN_R_CONTACT, 20, 20, 0, 0},
    {CLP("email:"), CLEAN_R_CONTACT, 20, 20, 0, 0},
    {CLP("e-mail:"), CLEAN_R_CONTACT, 20, 20, 0, 0},
    {CLP("twitter:"), CLEAN_R_CONTACT, 12, 12, 0, 0},
    /* syndication notes */
    {CLP("republished with permission"), CLEAN_R_SYNDICATION, 60, 60, 0, 0},
    {CLP("reprinted with permission"), CLEAN_R_SYNDICATION, 60, 60, 0, 0},
    {CLP("reproduced with permission"), CLEAN_R_SYNDICATION, 60, 60, 0, 0},
    {CLP("originally published"), CLEAN_R_SYNDICATION, 40, 8, 0, 0},
    {CLP("originally appeared"), CLEAN_R_SYNDICATION, 40, 8, 0, 0},
    {CLP("original article"), CLEAN_R_SYNDICATION, 12, 8, 0, 0},
    {CLP("original story"), CLEAN_R_SYNDICATION, 12, 8, 0, 0},
    /* copyright */
    {CLP("all rights reserved"), CLEAN_R_COPYRIGHT, 60, 60, CL_SUBSTR, KW_RIGHTS},
};

/* ---- small token helpers ---------------------------------------------- */

static const char *const cleanl_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const cleanl_days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* Lower-case word w[0, n) is a month name or abbreviation ("sept.", "oct"). */
static int cleanl_is_month(const char *w, size_t n) {
    while (n && (w[n - 1] == '.' || w[n - 1] == ','))
        n--;
    if (n < 3)
        return 0;
    static const char *const full[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
    for (int i = 0; i < 12; i++) {
        if (memcmp(w, cleanl_months[i], 3) != 0)
            continue;
        if (n == 3 || (n == 4 && w[3] == 't' && i == 8))
            return 1;
        size_t fl = strlen(full[i]);
        if (n == fl && memcmp(w, full[i], n) == 0)
            return 1;
    }
    return 0;
}

static int cleanl_is_weekday(const char *w, size_t n) {
    while (n && (w[n - 1] == '.' || w[n - 1] == ','))
        n--;
    if (n < 3)
        return 0;
    static const char *const full[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; i++) {
        if (memcmp(w, cleanl_days[i], 3) != 0)
            continue;
        if (n == 3 || (n == 4 && (w[3] == 's' || w[3] == 'e' || w[3] == 'u')))
            return 1;
        size_t fl = strlen(full[i]);
        if (n == fl && memcmp(w, full[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Iterates the space-separated words of a normalised string. */
typedef struct cleanl_words {
    const char *z;
    size_t n, i;
} cleanl_words;

static int cleanl_next_word(cleanl_words *it, const char **w, size_t *wl) {
    while (it->i < it->n && it->z[it->i] == ' ')
        it->i++;
    if (it->i >= it->n)
        return 0;
    size_t a = it->i;
    while (it->i < it->n && it->z[it->i] != ' ')
        it->i++;
    *w = it->z + a;
    *wl = it->i - a;
    return 1;
}

static int cleanl_all_digits(const char *w, size_t n) {
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!cleanl_is_digit((unsigned char)w[i]))
            return 0;
    return 1;
}

static int cleanl_has_digit(const char *w, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cleanl_is_digit((unsigned char)w[i]))
            return 1;
    return 0;
}

/* A time or date token: 10:01, 6:47pm, 10/18/2016, 2016-10-18. */
static int cleanl_is_clock_or_date(const char *w, size_t n) {
    /* digit groups split by one kind of separator, then an optional am/pm */
    size_t groups = 0, len[4] = {0, 0, 0, 0}, i = 0;
    char sep = 0;
    while (i < n) {
        size_t d = 0;
        while (i < n && cleanl_is_digit((unsigned char)w[i]))
            i++, d++;
        if (d == 0 || groups == 4)
            return 0;
        len[groups++] = d;
        if (i < n && (w[i] == ':' || w[i] == '/' || w[i] == '-')) {
            if (sep && w[i] != sep)
                return 0;
            sep = w[i++];
            continue;
        }
        break;
    }
    for (; i < n; i++)
        if (!(w[i] == 'a' || w[i] == 'p' || w[i] == 'm' || w[i] == '.' || w[i] == ','))
            return 0;
    if (groups < 2 || !sep)
        return 0;
    if (sep == ':') /* 9:45, 10:01:33 */
        return groups <= 3 && len[0] <= 2 && len[1] == 2 && (groups < 3 || len[2] == 2);
    /* 10/18/2016, 2016-10-18, 18/10 */
    if (groups > 3)
        return 0;
    for (size_t k = 0; k < groups; k++)
        if (len[k] == 3 || len[k] > 4)
            return 0;
    return 1;
}

static int cleanl_word_in(const char *w, size_t n, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
            return 1;
    return 0;
}

/* ---- shape rules on the normalised line ------------------------------- */

/* "Image 3 of 12", "3 of 12", "12 comments", "4 shares", "2:15". */
static const char *cleanl_counter(const char *z, size_t zl) {
    cleanl_words it = {z, zl, 0};
    const char *w[4];
    size_t wl[4];
    int k = 0;
    const char *x;
    size_t xl;
    while (cleanl_next_word(&it, &x, &xl)) {
        if (k == 4)
            return NULL;
        w[k] = x;
        wl[k] = xl;
        k++;
    }
    static const char *const media[] = {"image", "photo", "picture", "slide",
                                        "video", "item",  NULL};
    int b = 0;
    if (k == 4 && cleanl_word_in(w[0], wl[0], media))
        b = 1;
    if (k - b == 3 && cleanl_all_digits(w[b], wl[b]) && wl[b + 1] == 2 &&
        memcmp(w[b + 1], "of", 2) == 0 && cleanl_all_digits(w[b + 2], wl[b + 2]))
        return CLEAN_R_MEDIA;
    if (k == 2 && cleanl_all_digits(w[0], wl[0])) {
        static const char *const com[] = {"comment", "comments", "responses", "replies", NULL};
        static const char *const shr[] = {"share", "shares", NULL};
        static const char *const med[] = {"photos", "images", "pictures", "videos", "slides", NULL};
        if (cleanl_word_in(w[1], wl[1], com))
            return CLEAN_R_COMMENTS;
        if (cleanl_word_in(w[1], wl[1], shr))
            return CLEAN_R_SHARE;
        if (cleanl_word_in(w[1], wl[1], med))
            return CLEAN_R_MEDIA;
    }
    if (k == 1) {
        /* a bare video duration "2:15" or "1:02:33" */
        size_t d = 0, c = 0;
        for (size_t i = 0; i < wl[0]; i++) {
            if (cleanl_is_digit((unsigned char)w[0][i]))
                d++;
            else if (w[0][i] == ':')
                c++;
            else
                return NULL;
        }
        if (c >= 1 && c <= 2 && d >= 3 && d <= 6 && w[0][0] != ':' && w[0][wl[0] - 1] != ':')
            return CLEAN_R_MEDIA;
    }
    return NULL;
}

/* "MORE: headline", "VIDEO: ...", "Related: ..." */
static const char *cleanl_label(const char *z, size_t zl, const clean_feat *f) {
    if (f->nwords > 20)
        return NULL;
    size_t c = 0;
    while (c < zl && c < 30 && z[c] != ':')
        c++;
    if (c >= zl || c == 0 || c >= 30 || z[c] != ':')
        return NULL;
    size_t e = c;
    while (e > 0 && z[e - 1] == ' ')
        e--;
    static const char *const nav[] = {"more",
                                      "more news",
                                      "more coverage",
                                      "more on this",
                                      "read",
                                      "read more",
                                      "read this",
                                      "related",
                                      "related coverage",
                                      "related content",
                                      "related stories",
                                      "related articles",
                                      "related links",
                                      "also read",
                                      "also see",
                                      "see also",
                                      "don't miss",
                                      "must read",
                                      "top stories",
                                      "recommended",
                                      "trending",
                                      "bonus",
                                      "related posts",
                                      "you may also like",
                                      "more from",
                                      "story",
                                      NULL};
    static const char *const media[] = {
        "watch",     "watch now", "watch live", "video",         "videos",
        "photos",    "pics",      "pictures",   "gallery",       "photo gallery",
        "slideshow", "map",       "maps",       "interactive",   "interactive map",
        "graphic",   "listen",    "must see",   "related video", "related gallery",
        NULL};
    if (cleanl_word_in(z, e, nav))
        return CLEAN_R_NAV;
    if (cleanl_word_in(z, e, media))
        return CLEAN_R_MEDIA;
    return NULL;
}

/* A line that is only a date and/or a time, perhaps with "Updated" words. */
static int cleanl_is_timestamp_line(const char *z, size_t zl, const clean_feat *f) {
    if (f->nwords > 12)
        return 0;
    static const char *const fill[] = {
        "at",  "on",    "|",    "-",        "updated", "published", "posted", "am",  "pm",    "a.m",
        "p.m", "a.m.",  "p.m.", "et",       "edt",     "est",       "gmt",    "bst", "cdt",   "cst",
        "pdt", "pst",   "mdt",  "mst",      "utc",     "cet",       "cest",   "ist", "aest",  "/",
        ",",   "first", "last", "modified", "created", "date",      "time",   "pt",  "today", NULL};
    cleanl_words it = {z, zl, 0};
    const char *w;
    size_t wl;
    int digit = 0, anchor = 0, k = 0;
    while (cleanl_next_word(&it, &w, &wl)) {
        k++;
        size_t l = wl;
        while (l > 0 && (w[l - 1] == ',' || w[l - 1] == ':'))
            l--;
        if (l == 0)
            continue;
        if (cleanl_all_digits(w, l)) {
            digit = 1;
            continue;
        }
        if (cleanl_is_clock_or_date(w, l)) {
            digit = anchor = 1;
            continue;
        }
        if (cleanl_is_month(w, l)) {
            anchor = 1;
            continue;
        }
        if (cleanl_is_weekday(w, l))
            continue;
        /* "5pm", "9:00am" */
        if (cleanl_has_digit(w, l) && l <= 8) {
            size_t j = 0;
            while (j < l && (cleanl_is_digit((unsigned char)w[j]) || w[j] == ':'))
                j++;
            if (j > 0 && (cleanl_eq(w + j, l - j, "am") || cleanl_eq(w + j, l - j, "pm") ||
                          cleanl_eq(w + j, l - j, "a.m.") || cleanl_eq(w + j, l - j, "p.m."))) {
                digit = anchor = 1;
                continue;
            }
        }
        if (cleanl_word_in(w, l, fill))
            continue;
        return 0;
    }
    return k > 0 && digit && anchor;
}

/* "Posted on Oct 18, 2016 ...", "Updated 3:45 PM ET ...", "Updated by Name". */
static const char *cleanl_dated_meta(const char *z, size_t zl, const clean_feat *f) {
    if (f->nwords > 22)
        return NULL;
    static const char *const pre[] = {"first published",   "last updated", "last modified",
                                      "originally posted", "posted",       "published",
                                      "updated",           "modified",     NULL};
    size_t i = 0;
    for (; pre[i]; i++)
        if (cleanl_starts(z, zl, pre[i]))
            break;
    if (!pre[i])
        return NULL;
    size_t p = strlen(pre[i]);
    for (;;) {
        while (p < zl && (z[p] == ' ' || z[p] == ':' || z[p] == '-' || z[p] == '|'))
            p++;
        if (cleanl_starts(z + p, zl - p, "on") || cleanl_starts(z + p, zl - p, "at")) {
            p += 2;
            continue;
        }
        break;
    }
    if (p >= zl)
        return NULL;
    const char *w = z + p;
    size_t wl = 0;
    while (p + wl < zl && z[p + wl] != ' ')
        wl++;
    if (cleanl_starts(w, zl - p, "by"))
        return f->nwords <= 10 ? CLEAN_R_BYLINE : NULL;
    if (!(cleanl_is_digit((unsigned char)w[0]) || cleanl_is_month(w, wl) ||
          cleanl_is_weekday(w, wl) || cleanl_starts(w, zl - p, "today") ||
          cleanl_starts(w, zl - p, "yesterday")))
        return NULL;
    if (!cleanl_has_digit(z, zl))
        return NULL;
    return cleanl_contains(z, zl, " by ") ? CLEAN_R_BYLINE : CLEAN_R_TIMESTAMP;
}

static const char *cleanl_copyright(const char *z, size_t zl, const clean_feat *f) {
    int c_sign = zl >= 2 && (unsigned char)z[0] == 0xC2 && (unsigned char)z[1] == 0xA9;
    int c_paren = cleanl_starts(z, zl, "(c)");
    if (c_sign || c_paren) {
        if (f->nwords > 40)
            return NULL;
        int year = 0;
        for (size_t i = 0; i + 4 <= zl; i++)
            if ((z[i] == '1' && z[i + 1] == '9') || (z[i] == '2' && z[i + 1] == '0'))
                if (cleanl_is_digit((unsigned char)z[i + 2]) &&
                    cleanl_is_digit((unsigned char)z[i + 3]) &&
                    (i + 4 == zl || !cleanl_is_digit((unsigned char)z[i + 4])) &&
                    (i == 0 || !cleanl_is_digit((unsigned char)z[i - 1])))
                    year = 1;
        if (year || cleanl_contains(z, zl, "copyright") || cleanl_contains(z, zl, "rights") ||
            f->nwords > 5)
            return CLEAN_R_COPYRIGHT;
        return f->ends_sent && f->nwords > 3 ? NULL : CLEAN_R_CREDIT;
    }
    if (cleanl_starts(z, zl, "copyright")) {
        if (f->nwords > 40)
            return NULL;
        if (cleanl_has_digit(z, zl) || cleanl_contains(z, zl, "\xC2\xA9") ||
            cleanl_contains(z, zl, "(c)") || cleanl_contains(z, zl, "rights reserved"))
            return CLEAN_R_COPYRIGHT;
        if (f->nwords <= 5 && !f->ends_sent)
            return CLEAN_R_COPYRIGHT;
    }
    return NULL;
}

static const char *cleanl_cookie(const char *z, size_t zl, const clean_feat *f, unsigned kw) {
    if (f->nwords > 100 || !(kw & KW_COOKIE))
        return NULL;
    static const char *const strong[] = {"we use cookies",
                                         "this site uses cookies",
                                         "this website uses cookies",
                                         "our site uses cookies",
                                         "our website uses cookies",
                                         "by continuing to use this",
                                         "by continuing to use our",
                                         "by continuing to browse",
                                         "by using this site",
                                         "by using this website",
                                         "by using our site",
                                         "by using our website",
                                         "you agree to our use",
                                         "our cookie policy",
                                         "our use of cookies",
                                         "accept all cookies",
                                         "you consent to the use of cookies",
                                         NULL};
    for (int i = 0; strong[i]; i++)
        if (cleanl_contains(z, zl, strong[i]))
            return CLEAN_R_COOKIE;
    static const char *const weak[] = {"cookie policy",  "cookie settings", "cookie preferences",
                                       "manage cookies", "accept cookies",  NULL};
    if (f->nwords <= 12 && !f->ends_sent)
        for (int i = 0; weak[i]; i++)
            if (cleanl_contains(z, zl, weak[i]))
                return CLEAN_R_COOKIE;
    return NULL;
}

static const char *cleanl_syndication(const char *z, size_t zl, const clean_feat *f) {
    if (f->nwords > 40)
        return NULL;
    static const char *const pre[] = {"this article",
                                      "this story",
                                      "this post",
                                      "this editorial",
                                      "this piece",
                                      "this column",
                                      "this report",
                                      "this content",
                                      "this interview",
                                      "a version of this",
                                      "an earlier version of this",
                                      "this is an updated version",
                                      NULL};
    static const char *const verb[] = {"originally",       "first published", "first appeared",
                                       "was published",    "is published",    "appeared in",
                                       "appeared on",      "appears in",      "reproduced",
                                       "republished",      "reprinted",       "was updated",
                                       "has been updated", "was produced",    "is produced",
                                       "is part of",       "last updated",    NULL};
    int ok = 0;
    for (int i = 0; pre[i] && !ok; i++)
        ok = cleanl_starts(z, zl, pre[i]);
    if (!ok)
        return NULL;
    for (int i = 0; verb[i]; i++)
        if (cleanl_contains(z, zl, verb[i]))
            return CLEAN_R_SYNDICATION;
    return NULL;
}

/* Subscribe prompts that are not one fixed phrase. */
static const char *cleanl_subscribe(const char *z, size_t zl, const clean_feat *f, unsigned kw) {
    if (f->nwords > 30 || !(kw & KW_SUB))
        return NULL;
    static const char *const imper[] = {
        "sign up",      "subscribe", "get ",    "join ", "don't miss",       "want ", "never miss",
        "be the first", "receive",   "be sure", "click", "enter your email", NULL};
    int im = 0;
    for (int i = 0; imper[i] && !im; i++)
        im = cleanl_starts(z, zl, imper[i]);
    int topic = (kw & KW_TOPIC) != 0;
    if (im && (topic || f->nwords <= 12))
        return CLEAN_R_SHARE;
    if (!f->ends_sent && f->nwords <= 20 && topic)
        return CLEAN_R_SHARE;
    return NULL;
}

/* Rows of share buttons: "Facebook Twitter Email", "Share Pinterest". */
static const char *cleanl_share_row(const char *z, size_t zl, const clean_feat *f) {
    if (f->nwords > 12)
        return NULL;
    static const char *const net[] = {"facebook", "twitter",  "pinterest", "linkedin",  "whatsapp",
                                      "reddit",   "tumblr",   "google+",   "flipboard", "instagram",
                                      "snapchat", "telegram", "messenger", "email",     "e-mail",
                                      "print",    "sms",      NULL};
    static const char *const fill[] = {
        "share",  "shares",  "sharing", "tweet",  "mail",    "pin",      "copy", "link",
        "url",    "embed",   "play",    "save",   "comment", "comments", "icon", "close",
        "more",   "options", "on",      "this",   "article", "story",    "via",  "us",
        "follow", "youtube", "text",    "google", NULL};
    cleanl_words it = {z, zl, 0};
    const char *w;
    size_t wl;
    int nets = 0;
    while (cleanl_next_word(&it, &w, &wl)) {
        while (wl > 0 && (w[wl - 1] == ',' || w[wl - 1] == '|'))
            wl--;
        if (wl == 0)
            continue;
        if (cleanl_word_in(w, wl, net))
            nets++;
        else if (!cleanl_word_in(w, wl, fill))
            return NULL;
    }
    return nets ? CLEAN_R_SHARE : NULL;
}

/* Left-over script or markup. */
static const char *cleanl_script(const char *z, size_t zl, unsigned kw) {
    if (kw & KW_MARKUP)
        return CLEAN_R_SCRIPT;
    if (!(kw & KW_CODE))
        return NULL;
    int code = 0;
    for (size_t i = 0; i < zl; i++)
        code += z[i] == '{' || z[i] == '}' || z[i] == ';' || z[i] == '=';
    return code >= 3 ? CLEAN_R_SCRIPT : NULL;
}

/* ---- shape rules on the raw line -------------------------------------- */

/* Raw whitespace tokens of s[0, n). */
typedef struct cleanl_toks {
    const char *s;
    size_t n, i;
} cleanl_toks;

static int cleanl_next_tok(cleanl_toks *it, size_t *a, size_t *b) {
    size_t w;
    while (it->i < it->n && (w = clean_space_width(it->s, it->n, it->i)) != 0)
        it->i += w;
    if (it->i >= it->n)
        return 0;
    *a = it->i;
    while (it->i < it->n && (w = clean_space_width(it->s, it->n, it->i)) == 0)
        it->i++;
    *b = it->i;
    return 1;
}

static int cleanl_tok_eq_ci(const char *w, size_t n, const char *p) {
    size_t pl = strlen(p);
    if (pl != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (cleanl_lower((unsigned char)w[i]) != (unsigned char)p[i])
            return 0;
    return 1;
}

int clean_name_word(const char *w, size_t n) {
    const unsigned char *u = (const unsigned char *)w;
    size_t a = 0, b = n;
    /* opening quote or bracket of a nickname */
    while (a < b && (u[a] == '(' || u[a] == '"' || u[a] == '\''))
        a++;
    if (b - a >= 3 && u[a] == 0xE2 && u[a + 1] == 0x80 && (u[a + 2] == 0x98 || u[a + 2] == 0x9C))
        a += 3;
    while (b > a && (u[b - 1] == ')' || u[b - 1] == '"' || u[b - 1] == '\'' || u[b - 1] == ','))
        b--;
    if (b - a >= 3 && u[b - 3] == 0xE2 && u[b - 2] == 0x80 &&
        (u[b - 1] == 0x99 || u[b - 1] == 0x9D))
        b -= 3;
    if (a >= b)
        return 0;
    static const char *const particles[] = {"de",    "van", "von", "der", "den", "da",  "del",
                                            "della", "di",  "du",  "la",  "le",  "bin", "al",
                                            "ibn",   "y",   "dos", "das", "ten", "ter", NULL};
    if (cleanl_is_lower(u[a])) {
        for (int i = 0; particles[i]; i++)
            if (strlen(particles[i]) == b - a && memcmp(w + a, particles[i], b - a) == 0)
                return 2;
        return 0;
    }
    int up = cleanl_is_upper(u[a]) || (u[a] == 0xC3 && a + 1 < b && u[a + 1] >= 0x80 &&
                                       u[a + 1] <= 0x9E && u[a + 1] != 0x97);
    if (!up)
        return 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = u[i];
        if (cleanl_is_alpha(c) || c == '-' || c == '\'' || c == '.' || c >= 0x80)
            continue;
        return 0;
    }
    return 1;
}

int clean_is_name_line(const char *s, size_t n) {
    /* section labels are set in capitals ("WORLD NEWS"); names are not */
    int lower = 0;
    for (size_t i = 0; i < n && !lower; i++)
        lower = cleanl_is_lower((unsigned char)s[i]);
    if (!lower)
        return 0;
    cleanl_toks it = {s, n, 0};
    size_t a, b;
    int group = 0, groups = 0, lead = 0, toks = 0;
    while (cleanl_next_tok(&it, &a, &b)) {
        if (++toks > 9)
            return 0;
        if (cleanl_tok_eq_ci(s + a, b - a, "and") || (b - a == 1 && s[a] == '&')) {
            if (group < 2 || lead < 2)
                return 0;
            groups++;
            group = lead = 0;
            continue;
        }
        int k = clean_name_word(s + a, b - a);
        if (k == 0)
            return 0;
        if (group == 0 && k != 1)
            return 0;
        /* an all-initials token ("J.") counts, a single letter does not */
        if (b - a == 1)
            return 0;
        group++;
        if (k == 1)
            lead++;
        if (group > 4)
            return 0;
        if (s[b - 1] == ',') {
            if (group < 2 || lead < 2)
                return 0;
            groups++;
            group = lead = 0;
        }
    }
    if (group == 0 || group < 2 || lead < 2)
        return 0;
    return groups + 1 <= 3;
}

/* "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press". */
static const char *cleanl_byline(const char *s, size_t n, const clean_feat *f) {
    if (f->nwords < 2 || f->nwords > 20)
        return NULL;
    cleanl_toks it = {s, n, 0};
    size_t a, b;
    if (!cleanl_next_tok(&it, &a, &b))
        return NULL;
    /* skip a leading bullet or dash token */
    if (!cleanl_is_alpha((unsigned char)s[a]) && !cleanl_next_tok(&it, &a, &b))
        return NULL;
    if (!(cleanl_tok_eq_ci(s + a, b - a, "by") || cleanl_tok_eq_ci(s + a, b - a, "by:")))
        return NULL;
    static const char *const conn[] = {"and",
                                       "&",
                                       "of",
                                       "the",
                                       "in",
                                       "for",
                                       "at",
                                       "with",
                                       "staff",
                                       "writer",
                                       "writers",
                                       "reporter",
                                       "reporters",
                                       "correspondent",
                                       "correspondents",
                                       "editor",
                                       "editors",
                                       "contributor",
                                       "special",
                                       "to",
                                       "|",
                                       "-",
                                       "and",
                                       "in",
                                       "senior",
                                       "chief",
                                       "news",
                                       "political",
                                       "national",
                                       "foreign",
                                       "white",
                                       "house",
                                       "washington",
                                       "bureau",
                                       NULL};
    int first = 1, bad = 0, toks = 0;
    size_t la = 0, lb = 0;
    while (cleanl_next_tok(&it, &a, &b)) {
        toks++;
        la = a;
        lb = b;
        size_t e = b;
        while (e > a && (s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == ':'))
            e--;
        if (e == a)
            continue;
        int k = clean_name_word(s + a, e - a);
        if (first) {
            if (k != 1)
                return NULL;
            first = 0;
            continue;
        }
        if (k)
            continue;
        if (memchr(s + a, '@', e - a) != NULL)
            continue;
        if (cleanl_is_digit((unsigned char)s[a]))
            continue;
        if ((unsigned char)s[a] >= 0x80 && e - a <= 3)
            continue; /* a dash or bullet */
        char low[24];
        size_t l = e - a;
        if (l < sizeof low) {
            for (size_t i = 0; i < l; i++)
                low[i] = (char)cleanl_lower((unsigned char)s[a + i]);
            if (cleanl_word_in(low, l, conn))
                continue;
        }
        bad++;
    }
    if (toks == 0 || bad > 0)
        return NULL;
    if (f->ends_sent) {
        /* allowed only after an initial or a short abbreviation ("Jr.") */
        if (!(lb > la && s[lb - 1] == '.' && lb - la <= 4))
            return NULL;
    }
    return CLEAN_R_BYLINE;
}

/* Credit lines that end like a sentence: "Reporting by Kim Lee in Seoul;
 * Editing by Tom Ash." Everything after the opening phrase must be names
 * and joining words, so "Reporting by the agency found ..." stays. */
static const char *cleanl_credit_sentence(const char *s, size_t n, const char *z, size_t zl,
                                          const clean_feat *f) {
    if (!f->ends_sent || f->nwords > 30)
        return NULL;
    static const char *const pre[] = {
        "reporting by", "additional reporting by", "additional reporting from", "editing by",
        "writing by",   "with assistance from",    "associated press writer",   NULL};
    size_t skip = 0;
    for (int i = 0; pre[i] && !skip; i++)
        if (cleanl_starts(z, zl, pre[i])) {
            skip = 1;
            for (const char *q = pre[i]; *q; q++)
                skip += *q == ' ';
        }
    if (!skip)
        return NULL;
    static const char *const join[] = {
        "and", "in", "at",      "of",      "the",       "from",       "by",       "with", "for",
        "to",  "&",  "editing", "writing", "reporting", "additional", "compiled", "and",  NULL};
    cleanl_toks it = {s, n, 0};
    size_t a, b, k = 0;
    int names = 0;
    while (cleanl_next_tok(&it, &a, &b)) {
        size_t e = b;
        while (e > a && (s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == '.' || s[e - 1] == ':'))
            e--;
        if (k++ < skip || e == a)
            continue; /* the opening phrase (a leading dash counts as part of it) */
        int w = clean_name_word(s + a, e - a);
        if (w == 1) {
            names++;
            continue;
        }
        if (w == 2 || cleanl_is_digit((unsigned char)s[a]))
            continue;
        char low[16];
        size_t l = e - a;
        if (l >= sizeof low)
            return NULL;
        for (size_t i = 0; i < l; i++)
            low[i] = (char)cleanl_lower((unsigned char)s[a + i]);
        if (!cleanl_word_in(low, l, join))
            return NULL;
    }
    return names ? CLEAN_R_BYLINE : NULL;
}

/* "Jane Doe | Reuters" and breadcrumbs "Home | World | Europe". */
static const char *cleanl_bars(const char *s, size_t n, const clean_feat *f) {
    if (f->ends_sent || f->nwords > 12)
        return NULL;
    size_t seps = 0, seg_words = 0, max_seg = 0, pos[8];
    cleanl_toks it = {s, n, 0};
    size_t a, b;
    while (cleanl_next_tok(&it, &a, &b)) {
        int sep = (b - a == 1 && (s[a] == '|' || s[a] == '>' || s[a] == '/')) ||
                  (b - a == 2 && (unsigned char)s[a] == 0xC2 && (unsigned char)s[a + 1] == 0xBB) ||
                  (b - a == 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
                   (unsigned char)s[a + 2] == 0xBA);
        if (sep) {
            if (seps < 8)
                pos[seps] = a;
            seps++;
            if (seg_words > max_seg)
                max_seg = seg_words;
            seg_words = 0;
        } else {
            seg_words++;
        }
    }
    if (seg_words > max_seg)
        max_seg = seg_words;
    if (seps >= 2 && max_seg <= 3)
        return CLEAN_R_NAV;
    if (seps == 1 && s[pos[0]] == '|' && f->nwords <= 8) {
        if (!clean_is_name_line(s, pos[0]))
            return NULL;
        cleanl_toks rt = {s + pos[0] + 1, n - pos[0] - 1, 0};
        int k = 0;
        while (cleanl_next_tok(&rt, &a, &b)) {
            if (clean_name_word(rt.s + a, b - a) != 1)
                return NULL;
            k++;
        }
        return k >= 1 && k <= 4 ? CLEAN_R_BYLINE : NULL;
    }
    return NULL;
}

/* "— Jane Doe" signing off a piece. */
static const char *cleanl_dash_name(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    if (n > 0 && u[0] == '-')
        i = 1;
    else if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
        i = 3;
    else
        return NULL;
    size_t w;
    while (i < n && (w = clean_space_width(s, n, i)) != 0)
        i += w;
    return i < n && clean_is_name_line(s + i, n - i) ? CLEAN_R_BYLINE : NULL;
}

/* e-mail address token (or "name@" cut at a line end) */
static int cleanl_is_email_tok(const char *w, size_t n) {
    const char *at = memchr(w, '@', n);
    if (!at || at == w)
        return 0;
    size_t pre = (size_t)(at - w);
    if (!cleanl_is_alnum((unsigned char)w[pre - 1]))
        return 0;
    size_t rest = n - pre - 1;
    if (rest == 0)
        return 1;
    const char *dot = memchr(at + 1, '.', rest);
    return dot != NULL && dot > at + 1;
}

/* @handle token (".@name" and "(@name)" included) */
static int cleanl_is_handle_tok(const char *w, size_t n) {
    size_t i = 0;
    while (i < n && (w[i] == '.' || w[i] == '('))
        i++;
    if (i >= n || w[i] != '@')
        return 0;
    size_t j = i + 1, k = 0;
    while (j < n && (cleanl_is_alnum((unsigned char)w[j]) || w[j] == '_'))
        j++, k++;
    while (j < n && (w[j] == ')' || w[j] == ',' || w[j] == '.' || w[j] == ';'))
        j++;
    return k >= 1 && k <= 15 && j == n;
}

/* A run of at least seven digits, perhaps split by '-', '.' or spaces. */
static int cleanl_has_phone(const char *z, size_t zl) {
    size_t d = 0;
    for (size_t i = 0; i < zl; i++) {
        unsigned char c = (unsigned char)z[i];
        if (cleanl_is_digit(c)) {
            if (++d >= 7)
                return 1;
        } else if (!(c == '-' || c == '.' || c == ' ' || c == '(' || c == ')')) {
            d = 0;
        }
    }
    return 0;
}

static const char *cleanl_contact(const char *s, size_t n, const char *z, size_t zl,
                                  const clean_feat *f, unsigned kw) {
    int follow = cleanl_starts(z, zl, "follow");
    if (f->nwords > 40 || !((kw & (KW_AT | KW_REACHED | KW_FOLLOWED)) || follow))
        return NULL;
    int email = 0, handle = 0, last_handle = 0;
    cleanl_toks it = {s, n, 0};
    size_t a, b;
    while (cleanl_next_tok(&it, &a, &b)) {
        last_handle = 0;
        if (cleanl_is_email_tok(s + a, b - a))
            email = 1;
        else if (cleanl_is_handle_tok(s + a, b - a))
            handle = last_handle = 1;
    }
    int c = (kw & KW_CCUE) != 0; /* "reach", "contact", "email:", "follow", ... */
    /* "can be reached at" with an address or a number, "can be followed on"
     * with a network or a link */
    if ((kw & KW_REACHED) && f->nwords <= 30 &&
        (email || cleanl_contains(z, zl, "(at)") || cleanl_has_phone(z, zl)))
        return CLEAN_R_CONTACT;
    if ((kw & KW_FOLLOWED) && f->nwords <= 30 && (kw & (KW_NET | KW_HTTP | KW_AT)))
        return CLEAN_R_CONTACT;
    if (email && ((!f->ends_sent && f->nwords <= 12) || c))
        return CLEAN_R_CONTACT;
    if (follow && f->nwords <= 25 && (handle || (kw & KW_NET)))
        return CLEAN_R_CONTACT;
    if (last_handle && f->nwords <= 6 && !f->ends_sent)
        return c || f->nwords == 1 ? CLEAN_R_CONTACT : CLEAN_R_TWEET;
    return NULL;
}

/* Lines made only of punctuation, dashes and bullets ("___", "* * *"). */
static int cleanl_is_separator(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0 || n > 80)
        return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if (cleanl_is_alnum(c))
                return 0;
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (u[i + 1] == 0xA0 || u[i + 1] == 0xB7)) {
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < n &&
            ((u[i + 1] == 0x80 && (u[i + 2] == 0x93 || u[i + 2] == 0x94 || u[i + 2] == 0x95 ||
                                   u[i + 2] == 0xA2 || u[i + 2] == 0xA6)) ||
             (u[i + 1] == 0x94 && u[i + 2] == 0x80) ||
             (u[i + 1] == 0x96 && (u[i + 2] == 0xA0 || u[i + 2] == 0xBA)))) {
            i += 3;
            continue;
        }
        return 0;
    }
    return 1;
}

/* ---- photo credits ---------------------------------------------------- */

static const char *const cleanl_agencies[] = {
    "getty",  "shutterstock", "wikimedia", "afp",    "reuters", "epa",     "ap",     "associated",
    "pool",   "bloomberg",    "corbis",    "alamy",  "rex",     "handout", "istock", "istockphoto",
    "xinhua", "upi",          "nurphoto",  "sipa",   "anadolu", "zuma",    "wenn",   "dpa",
    "ansa",   "tass",         "pa",        "flickr", "imagn",   "abaca",   "efe",    NULL};
static const char *const cleanl_credit_cues[] = {
    "photo",    "photos", "image", "images",     "picture",      "pictures", "screenshot",
    "courtesy", "credit", "via",   "photograph", "illustration", NULL};
static const char *const cleanl_credit_conn[] = {
    "via", "for", "by", "of", "and", "the", "de", "del", "la",     "le",    "du",
    "von", "van", "in", "at", "/",   "|",   "-",  "&",   "images", "photo", NULL};

int clean_credit_like(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    while (n > 0 && (u[n - 1] == '.' || u[n - 1] == ' '))
        n--;
    if (n == 0 || u[n - 1] == '?' || u[n - 1] == '!' || u[n - 1] == ':' || u[n - 1] == ',')
        return 0;
    cleanl_toks it = {s, n, 0};
    size_t a, b;
    int toks = 0, slashes = 0, agency = 0, cue = 0, getty = 0;
    while (cleanl_next_tok(&it, &a, &b)) {
        if (++toks > 12)
            return 0;
        /* split the token at slashes */
        size_t p = a;
        while (p <= b) {
            size_t q = p;
            while (q < b && s[q] != '/')
                q++;
            if (q < b)
                slashes++;
            size_t e = q;
            while (e > p && (s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == ')'))
                e--;
            size_t st = p;
            while (st < e && s[st] == '(')
                st++;
            if (e > st) {
                char low[24];
                size_t l = e - st;
                int known = 0;
                if (l < sizeof low) {
                    for (size_t i = 0; i < l; i++)
                        low[i] = (char)cleanl_lower(u[st + i]);
                    if (cleanl_word_in(low, l, cleanl_agencies)) {
                        /* two-letter agencies only in capitals */
                        if (l > 2 || cleanl_is_upper(u[st + 1])) {
                            agency = 1;
                            known = 1;
                        }
                        if (l == 5 && memcmp(low, "getty", 5) == 0)
                            getty = 1;
                    }
                    if (cleanl_word_in(low, l, cleanl_credit_cues))
                        cue = known = 1;
                    if (cleanl_word_in(low, l, cleanl_credit_conn))
                        known = 1;
                }
                if (!known && clean_name_word(s + st, l) == 0 && !(u[st] >= 0x80 && l <= 3) &&
                    !(l == 2 && u[st] == 0xC2 && u[st + 1] == 0xA9))
                    return 0;
            }
            p = q + 1;
        }
    }
    if (toks == 0)
        return 0;
    if (slashes >= 2 || (slashes >= 1 && (agency || cue)))
        return 1;
    if (slashes == 0 && agency && (cue || getty || toks <= 3))
        return 1;
    return 0;
}

/* A caption that ends in a bracketed credit: "... in Warsaw. (Photo: AP)". */
static const char *cleanl_caption_credit(const char *s, size_t n, const char *z, size_t zl,
                                         const clean_feat *f) {
    if (n < 4 || s[n - 1] != ')' || f->nwords < 3 || f->nwords > 90)
        return NULL;
    size_t depth = 0, i = n;
    while (i > 0) {
        i--;
        if (s[i] == ')')
            depth++;
        else if (s[i] == '(' && --depth == 0)
            break;
    }
    if (depth != 0 || s[i] != '(' || i == 0 || n - i > 120)
        return NULL;
    char in[160];
    size_t il = clean_norm(s + i + 1, n - i - 2, in, sizeof in);
    static const char *const cue[] = {"photo",       "image",       "credit",       "courtesy",
                                      "getty",       "pool",        "handout",      "screenshot",
                                      "screen grab", "video still", "shutterstock", NULL};
    for (int k = 0; cue[k]; k++)
        if (cleanl_contains(in, il, cue[k]))
            return CLEAN_R_CAPTION;
    static const char *const agency[] = {"ap",   "afp", "reuters", "associated press",
                                         "epa",  "upi", "xinhua",  "dpa",
                                         "ansa", "efe", NULL};
    if (!cleanl_word_in(in, il, agency))
        return NULL;
    static const char *const lcue[] = {
        "photo",        "pictured", "file",   "seen ",   "poses",   "shown", "...",
        "\xE2\x80\xA6", "left)",    "right)", "center)", "centre)", NULL};
    for (int k = 0; lcue[k]; k++)
        if (cleanl_contains(z, zl, lcue[k]))
            return CLEAN_R_CAPTION;
    return NULL;
}

/* ---- the verdict ------------------------------------------------------ */

static const char *cleanl_reason(const char *s, size_t n, const clean_feat *f, int depth);

/* A line wholly inside brackets: judged by its content, else by its shape. */
static const char *cleanl_enclosed(const char *s, size_t n, const clean_feat *f, int depth) {
    if (n < 3 || depth > 0 || f->nwords > 25)
        return NULL;
    char open = s[0], close = s[n - 1];
    if (!((open == '(' && close == ')') || (open == '[' && close == ']')))
        return NULL;
    int d = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == open)
            d++;
        else if (s[i] == close && --d == 0 && i + 1 < n)
            return NULL; /* "(a) text (b)" is not one bracket */
    }
    size_t a = 1, b = n - 1;
    clean_trim(s, &a, &b);
    if (a >= b)
        return CLEAN_R_SEPARATOR;
    clean_feat inner;
    clean_line_features(s + a, b - a, &inner);
    const char *r = cleanl_reason(s + a, b - a, &inner, depth + 1);
    if (r)
        return r;
    if (inner.ends_sent)
        return NULL;
    if (open == '[')
        return CLEAN_R_NAV;
    return inner.nwords <= 8 ? CLEAN_R_NOTE : NULL;
}

/* True when the lower-case needle occurs in s[0, n) (matched case-blind).
 * The search jumps with memchr between occurrences of needle[r], a letter
 * chosen to be rare in prose. */
static int cleanl_raw_has(const char *s, size_t n, const char *needle, size_t r) {
    size_t nl = strlen(needle);
    for (size_t i = r; i < n;) {
        const char *m = memchr(s + i, needle[r], n - i);
        if (!m)
            return 0;
        size_t q = (size_t)(m - s);
        if (q >= r && q - r + nl <= n) {
            size_t k = 0;
            while (k < nl && cleanl_lower((unsigned char)s[q - r + k]) == (unsigned char)needle[k])
                k++;
            if (k == nl)
                return 1;
        }
        i = q + 1;
    }
    return 0;
}

/* A long line that ends like a sentence can only be cut by a few phrases,
 * all but these found at its start: such a line is matched on its first
 * bytes alone, without the keyword scan. */
static int cleanl_plain_sentence(const char *s, size_t n, const clean_feat *f) {
    if (!f->ends_sent || f->nwords <= 30 || s[n - 1] == ')')
        return 0;
    return !memchr(s, '@', n) && !memchr(s, '<', n) && !cleanl_raw_has(s, n, "cookie", 3) &&
           !cleanl_raw_has(s, n, "reserved", 5);
}

/* A video teaser as some outlets print it above the article: "CLOSE" in
 * capitals, then the clip's description in mixed case ("CLOSE Police
 * departments across the country responded ... USA TODAY"). */
static const char *cleanl_video_teaser(const char *s, size_t n, const clean_feat *f) {
    if (n < 8 || memcmp(s, "CLOSE ", 6) != 0 || f->nwords > 80)
        return NULL;
    unsigned char c = (unsigned char)s[6];
    if (!cleanl_is_upper(c) && !cleanl_is_digit(c))
        return NULL;
    for (size_t i = 6; i < n; i++)
        if (cleanl_is_lower((unsigned char)s[i]))
            return CLEAN_R_MEDIA;
    return NULL; /* an all-capitals headline ("CLOSE CALL AT THE PORT") */
}

/* A teaser headline cut short, as related-story links print it: every word
 * capitalised and the last one broken off by an ellipsis ("Ten Harbour
 * Towns Where the Ferries Still Run on Ti..."). */
static const char *cleanl_cut_headline(const char *s, size_t n, const clean_feat *f) {
    if (f->nwords < 4 || f->nwords > 25 || n < 4)
        return NULL;
    size_t e = n;
    if (memcmp(s + n - 3, "...", 3) == 0 || memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0)
        e = n - 3;
    if (e == n || !cleanl_is_alpha((unsigned char)s[e - 1]))
        return NULL; /* no ellipsis, or it does not break a word */
    /* words in lower case: only short ones ("the", "of", "and", "with") */
    int lower = 0, upper = 0;
    for (size_t i = 0; i < e; i++)
        if (cleanl_is_alpha((unsigned char)s[i]) && (i == 0 || s[i - 1] == ' ')) {
            size_t j = i;
            while (j < e && cleanl_is_alpha((unsigned char)s[j]))
                j++;
            if (!cleanl_is_lower((unsigned char)s[i]))
                upper++;
            else if (j - i > 4)
                lower = 1;
        }
    return upper >= 3 && !lower ? CLEAN_R_NAV : NULL;
}

static const char *cleanl_reason(const char *s, size_t n, const clean_feat *f, int depth) {
    if (n == 0)
        return NULL;
    if (cleanl_is_separator(s, n))
        return CLEAN_R_SEPARATOR;
    char z[CLEAN_NORM_CAP];
    int plain = cleanl_plain_sentence(s, n, f);
    size_t zl = clean_norm(s, n, z, plain ? 160 : sizeof z);
    if (zl == 0)
        return NULL;
    const char *r;
    unsigned char z0 = (unsigned char)z[0];

    if (f->nwords <= 10)
        for (size_t i = 0; i < sizeof cleanl_exact_tab / sizeof cleanl_exact_tab[0]; i++)
            if (cleanl_exact_tab[i].pl == zl && (unsigned char)cleanl_exact_tab[i].p[0] == z0 &&
                memcmp(z, cleanl_exact_tab[i].p, zl) == 0)
                return cleanl_exact_tab[i].r;
    if (f->nwords <= 4 && (r = cleanl_counter(z, zl)) != NULL)
        return r;
    int alone;
    if (clean_tweet_attribution(s, n, &alone))
        return CLEAN_R_TWEET;
    unsigned kw = plain ? 0 : cleanl_keywords(z, zl);
    if ((kw & KW_SOCIAL) && f->nwords <= 80 && cleanl_contains(z, zl, "(@"))
        return CLEAN_R_SOCIAL; /* "A post shared by Name (@handle) on Jun 2, ..." */

    for (size_t i = 0; i < sizeof cleanl_rule_tab / sizeof cleanl_rule_tab[0]; i++) {
        const cleanl_rule *ru = &cleanl_rule_tab[i];
        if (f->nwords > (f->ends_sent ? ru->sentw : ru->maxw) || f->nwords > CLEANL_RULE_MAX_WORDS)
            continue;
        if (ru->flags & CL_SUBSTR) {
            if (kw & ru->kw)
                return ru->r;
        } else if (ru->flags & CL_SUFFIX) {
            size_t pl = ru->pl;
            if (pl <= zl && memcmp(z + zl - pl, ru->p, pl) == 0 &&
                (pl == zl || z[zl - pl - 1] == ' ' || z[zl - pl - 1] == ','))
                return ru->r;
        } else if ((unsigned char)ru->p[0] == z0 && ru->pl <= zl && memcmp(z, ru->p, ru->pl) == 0 &&
                   (ru->pl == zl || !cleanl_is_alnum((unsigned char)ru->p[ru->pl - 1]) ||
                    !cleanl_is_alnum((unsigned char)z[ru->pl]))) {
            return ru->r;
        }
    }
    if ((r = cleanl_label(z, zl, f)) != NULL)
        return r;
    if ((r = cleanl_copyright(z, zl, f)) != NULL)
        return r;
    if ((r = cleanl_cookie(z, zl, f, kw)) != NULL)
        return r;
    if ((r = cleanl_dated_meta(z, zl, f)) != NULL)
        return r;
    if (!f->ends_sent && cleanl_is_timestamp_line(z, zl, f))
        return CLEAN_R_TIMESTAMP;
    if ((r = cleanl_syndication(z, zl, f)) != NULL)
        return r;
    if ((r = cleanl_subscribe(z, zl, f, kw)) != NULL)
        return r;
    if ((r = cleanl_contact(s, n, z, zl, f, kw)) != NULL)
        return r;
    if ((r = cleanl_byline(s, n, f)) != NULL)
        return r;
    if ((r = cleanl_credit_sentence(s, n, z, zl, f)) != NULL)
        return r;
    if (f->nwords <= 12 && clean_credit_like(s, n))
        return CLEAN_R_CREDIT;
    if ((r = cleanl_bars(s, n, f)) != NULL)
        return r;
    if (!f->ends_sent && (r = cleanl_dash_name(s, n)) != NULL)
        return r;
    if ((r = cleanl_enclosed(s, n, f, depth)) != NULL)
        return r;
    if ((r = cleanl_caption_credit(s, n, z, zl, f)) != NULL)
        return r;
    if ((r = cleanl_share_row(z, zl, f)) != NULL)
        return r;
    if ((r = cleanl_script(z, zl, kw)) != NULL)
        return r;
    if ((r = cleanl_video_teaser(s, n, f)) != NULL || (r = cleanl_cut_headline(s, n, f)) != NULL)
        return r;
    if (f->nwords == 1 && (cleanl_starts(z, zl, "http://") || cleanl_starts(z, zl, "https://") ||
                           cleanl_starts(z, zl, "www.")))
        return CLEAN_R_LINK;
    return NULL;
}

const char *clean_line_reason(const char *s, size_t n, const clean_feat *f) {
    return cleanl_reason(s, n, f, 0);
}

/* ---- tweet attributions ----------------------------------------------- */

int clean_tweet_attribution(const char *s, size_t n, int *alone) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = n;
    /* the "Report" link of an embedded tweet */
    if (k > 11 && memcmp(s + k - 7, " Report", 7) == 0)
        k -= 7;
    /* year */
    if (k < 4 || !cleanl_all_digits(s + k - 4, 4))
        return 0;
    k -= 4;
    if (k > 0 && u[k - 1] == ' ')
        k--;
    if (k > 0 && u[k - 1] == ',')
        k--;
    /* day */
    size_t d = 0;
    while (k > 0 && d < 3 && cleanl_is_digit(u[k - 1]))
        k--, d++;
    if (d == 0 || d > 2 || k == 0 || u[k - 1] != ' ')
        return 0;
    k--;
    /* month */
    size_t me = k;
    while (k > 0 && (cleanl_is_alpha(u[k - 1]) || u[k - 1] == '.'))
        k--;
    char mon[12];
    size_t ml = me - k;
    if (ml < 3 || ml >= sizeof mon)
        return 0;
    for (size_t i = 0; i < ml; i++)
        mon[i] = (char)cleanl_lower(u[k + i]);
    if (!cleanl_is_month(mon, ml))
        return 0;
    if (k == 0 || u[k - 1] != ' ')
        return 0;
    k--;
    /* (@handle) */
    if (k == 0 || u[k - 1] != ')')
        return 0;
    k--;
    size_t h = 0;
    while (k > 0 && (cleanl_is_alnum(u[k - 1]) || u[k - 1] == '_'))
        k--, h++;
    if (h == 0 || h > 15 || k < 2 || u[k - 1] != '@' || u[k - 2] != '(')
        return 0;
    size_t paren = k - 2;
    /* the dash before the name, at most 100 bytes back */
    size_t lim = paren > 100 ? paren - 100 : 0;
    for (size_t q = paren; q-- > lim;) {
        int dash = 0;
        if (u[q] == 0xE2 && q + 2 < n && u[q + 1] == 0x80 && (u[q + 2] == 0x93 || u[q + 2] == 0x94))
            dash = 1;
        else if (u[q] == '-' && (q == 0 || u[q - 1] == ' ') && q + 1 < n && u[q + 1] == ' ')
            dash = 1;
        if (!dash)
            continue;
        size_t name_start = q + (u[q] == '-' ? 1 : 3);
        if (paren <= name_start + 1)
            return 0;
        *alone = q == 0;
        return 1;
    }
    return 0;
}
