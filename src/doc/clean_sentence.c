/*
 * clean_sentence.c - site notices that stand as sentences inside a line.
 *
 * Text that lost its line breaks (scraped pages flattened into one line,
 * datasets that store an article per line) keeps the site's messages to its
 * reader between the sentences of the article:
 *
 *   "... in the city. Please check your email and click on the link to
 *    activate your profile. The mayor said ..."
 *
 * The line rules (clean_line.c) never see such a sentence alone, and a
 * fixed phrase per site would never end. This pass splits the line into
 * sentences and cuts the ones that read as the site talking to its reader
 * about its own services, a property of the sentence as a whole:
 *
 *   1. it addresses the reader: it opens with an imperative of the web
 *      ("Sign up", "Please", "Click", "Enter", "Thank you for ...",
 *      "By clicking ..."), or it speaks both of "we/our" and "you/your";
 *   2. it names at least two different services of a site: signing up or
 *      in, logging in, subscriptions, newsletters, the inbox, e-mail
 *      addresses and alerts, verification, accounts, profiles, passwords,
 *      cookies, browsers and scripts, notifications, privacy policies and
 *      terms, zip codes and digital access, registration, the spam folder;
 *   3. it is no report of speech: no quotation mark, no "said", "says",
 *      "told", "according to";
 *   4. it has 3 to CS_MAX_WORDS words (longer runs are article text that a
 *      notice was fused into, and stay).
 *
 * A web archive's note on its own crawls goes too, when it uses words of
 * three kinds of its trade ("The seed for this crawl was a list of every
 * host in the wayback machine ..."), one of them a word no article uses for
 * anything else (the wayback machine, urls, warc files, captures), and has
 * at most CS_ARCHIVE_WORDS words; "Traffic slowed to a crawl as the top
 * seed left the host city" stays.
 *
 * An article sentence about accounts or passwords ("You might not need to
 * remember your bank passwords much longer") has no imperative and no "we",
 * so it stays; one that quotes a site's notice stays too. A short question
 * to the reader right before a notice ("Want more news like this?") goes
 * with it. So do confirmations ("Thank you for signing up!").
 *
 * Sentences end at . ! ? or an ellipsis followed (after closing quotes or
 * brackets) by a space or the line end; splitting too often ("U.S. Army")
 * only makes the pieces shorter, and each piece must meet the rules on its
 * own. Each cut takes the spaces after it (at the line end, those before
 * it). Time is linear in the line: every byte is read once by the splitter
 * and at most CLEAN_NORM_CAP bytes of each candidate are normalised.
 */
#include <string.h>

#include "doc/clean_int.h"
#include "util/vec.h"

#define CS_MAX_WORDS 25      /* words of a notice sentence */
#define CS_ARCHIVE_WORDS 60  /* words of a web archive's note */
#define CS_QUESTION_WORDS 10 /* words of a question that leads into a notice */
#define CS_THANKS_WORDS 12   /* words of a confirmation ("Thank you for ...") */
#define CS_MAX_TOKENS 64     /* words of the normalised sentence read */

/* A word of the normalised sentence: z[a, b), punctuation trimmed. */
typedef struct cleans_word {
    size_t a, b;
} cleans_word;

typedef struct cleans_sent {
    const char *z;
    cleans_word w[CS_MAX_TOKENS];
    size_t nw;
} cleans_sent;

/* Splits the normalised z[0, zl) into words, trimming punctuation other
 * than the apostrophe and the hyphen from both ends of each. */
static void cleans_words(cleans_sent *st, const char *z, size_t zl) {
    st->z = z;
    st->nw = 0;
    size_t i = 0;
    while (i < zl && st->nw < CS_MAX_TOKENS) {
        while (i < zl && z[i] == ' ')
            i++;
        size_t a = i;
        while (i < zl && z[i] != ' ')
            i++;
        size_t b = i;
        while (a < b && !((z[a] >= 'a' && z[a] <= 'z') || (z[a] >= '0' && z[a] <= '9')))
            a++;
        while (b > a &&
               !((z[b - 1] >= 'a' && z[b - 1] <= 'z') || (z[b - 1] >= '0' && z[b - 1] <= '9')))
            b--;
        if (b > a)
            st->w[st->nw++] = (cleans_word){a, b};
    }
}

/* True when word k is p ('*' at the end of p: starts with it). */
static int cleans_is(const cleans_sent *st, size_t k, const char *p) {
    if (k >= st->nw)
        return 0;
    size_t pl = strlen(p), wl = st->w[k].b - st->w[k].a;
    const char *w = st->z + st->w[k].a;
    if (pl && p[pl - 1] == '*')
        return wl >= pl - 1 && memcmp(w, p, pl - 1) == 0;
    return wl == pl && memcmp(w, p, pl) == 0;
}

/* True when words k, k+1, ... are the space-separated words of p. */
static int cleans_seq(const cleans_sent *st, size_t k, const char *p) {
    char one[32];
    while (*p) {
        size_t l = 0;
        while (p[l] && p[l] != ' ' && l + 1 < sizeof one) {
            one[l] = p[l];
            l++;
        }
        one[l] = '\0';
        if (!cleans_is(st, k, one))
            return 0;
        k++;
        p += l;
        while (*p == ' ')
            p++;
    }
    return 1;
}

/* Services of a site, one group per service: a sentence needs words of two
 * groups. A phrase ends in '*' when any ending may follow its last word. */
static const char *const cleans_services[][7] = {
    {"sign up", "signing up", "signed up", "sign-up", "signup", NULL},
    {"sign in", "signing in", "signed in", "sign-in", NULL},
    {"log in", "logging in", "logged in", "log-in", "login*", "re-login", NULL},
    {"subscri*", "unsubscri*", NULL},
    {"newsletter*", "e-newsletter*", NULL},
    {"inbox", "inboxes", NULL},
    {"email address*", "e-mail address*", "email alert*", "e-mail alert*", "email update*",
     "e-mail update*", NULL},
    {"verification", "verify", NULL},
    {"account", "accounts", NULL},
    {"profile", NULL},
    {"password*", "username*", NULL},
    {"cookie", "cookies", NULL},
    {"browser", "browsers", "javascript", NULL},
    {"notification*", "push alert*", "mobile alert*", NULL},
    {"privacy policy", "privacy notice", NULL},
    {"terms of service", "terms of use", "user agreement", NULL},
    {"zip code*", "zipcode*", "digital access", NULL},
    {"registration", "register", NULL},
    {"spam", "junk folder", NULL},
};
#define CS_NSERV (sizeof cleans_services / sizeof cleans_services[0])

/* Words of a web archive's notes on its own crawls ("The seed for this
 * crawl was a list of every host ..."): a sentence needs words of
 * CS_ARCHIVE_GROUPS groups, one of them from the first CS_ARCHIVE_STRONG
 * (words no article uses for anything else). */
static const char *const cleans_archive[][6] = {
    {"wayback machine", NULL},
    {"internet archive", "archive-it", "archive.org", NULL},
    {"warc", "warcs", NULL},
    {"url", "urls", "outlink*", "outbound links", "embeds", NULL},
    {"captures", NULL},
    {"web archiv*", "webcrawl*", "crawler*", NULL},
    {"crawl", "crawls", "crawled", "crawling", NULL},
    {"seed", "seeds", "seedlist*", NULL},
    {"collection", "collections", NULL},
    {"domain", "domains", "subdomain*", "inter-domain", NULL},
    {"host", "hosts", NULL},
};
#define CS_ARCHIVE_STRONG 6
#define CS_ARCHIVE_GROUPS 3
#define CS_NARCH (sizeof cleans_archive / sizeof cleans_archive[0])

/* Openings that address the reader. */
static const char *const cleans_openers[] = {
    "please",         "sign",          "subscribe",   "click",      "tap",         "enter",
    "re-enter",       "check",         "get",         "log",        "create",      "register",
    "enable",         "select",        "confirm",     "verify",     "visit",       "upgrade",
    "thank you",      "thanks for",    "you must",    "by signing", "by clicking", "by submitting",
    "by registering", "by continuing", "by entering", "by using",   NULL};

/* Words of the reader and of the site. */
static const char *const cleans_you[] = {"you",    "your",  "you're", "you'll",
                                         "you've", "yours", NULL};
static const char *const cleans_we[] = {"we", "our", "us", "we're", "we've", "we'll", "ours", NULL};

/* Words that make the sentence a report of what someone said. */
static const char *const cleans_speech[] = {"said", "says", "told", "according", NULL};

/* Confirmations of a completed sign-up. */
static const char *const cleans_thanks[] = {"thank you for subscribing",
                                            "thank you for signing up",
                                            "thank you for registering",
                                            "thanks for subscribing",
                                            "thanks for signing up",
                                            "thanks for registering",
                                            NULL};

static int cleans_any(const cleans_sent *st, const char *const *list) {
    for (size_t k = 0; k < st->nw; k++)
        for (int i = 0; list[i]; i++)
            if (cleans_is(st, k, list[i]))
                return 1;
    return 0;
}

/* True when the sentence holds one of the phrases of list. */
static int cleans_group(const cleans_sent *st, const char *const *list) {
    for (size_t k = 0; k < st->nw; k++)
        for (int i = 0; list[i]; i++)
            if (cleans_seq(st, k, list[i]))
                return 1;
    return 0;
}

/* Number of service groups the sentence names. */
static int cleans_services_named(const cleans_sent *st) {
    int n = 0;
    for (size_t g = 0; g < CS_NSERV; g++)
        n += cleans_group(st, cleans_services[g]);
    return n;
}

/* True when the sentence is a web archive's note on its crawls. */
static int cleans_archive_note(const cleans_sent *st) {
    int n = 0, strong = 0;
    for (size_t g = 0; g < CS_NARCH; g++)
        if (cleans_group(st, cleans_archive[g])) {
            n++;
            strong |= g < CS_ARCHIVE_STRONG;
        }
    return strong && n >= CS_ARCHIVE_GROUPS;
}

const char *clean_sentence_reason(const char *s, size_t n) {
    char z[CLEAN_NORM_CAP];
    size_t zl = clean_norm(s, n, z, sizeof z);
    if (zl == 0 || memchr(z, '"', zl))
        return NULL;
    cleans_sent st;
    cleans_words(&st, z, zl);
    if (st.nw < 3 || st.nw > CS_ARCHIVE_WORDS || cleans_any(&st, cleans_speech))
        return NULL;
    if (cleans_archive_note(&st))
        return CLEAN_R_NOTICE;
    if (st.nw > CS_MAX_WORDS)
        return NULL;
    if (st.nw <= CS_THANKS_WORDS && cleans_group(&st, cleans_thanks))
        return CLEAN_R_NOTICE;
    int opens = 0;
    for (int i = 0; cleans_openers[i] && !opens; i++)
        opens = cleans_seq(&st, 0, cleans_openers[i]);
    if (!opens && !(cleans_any(&st, cleans_you) && cleans_any(&st, cleans_we)))
        return NULL;
    return cleans_services_named(&st) >= 2 ? CLEAN_R_NOTICE : NULL;
}

/* True when the sentence s[0, n) ends in a question mark. */
static int cleans_question(const char *s, size_t n) {
    size_t e = n;
    while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')'))
        e--;
    return e > 0 && s[e - 1] == '?';
}

/* End of the sentence that starts at i (before b): just after its closing
 * punctuation and quotes when a space or the line end follows, else b. */
static size_t cleans_sentence_end(const unsigned char *u, size_t i, size_t b) {
    for (; i < b; i++) {
        size_t e = 0;
        if (u[i] == '.' || u[i] == '!' || u[i] == '?')
            e = i + 1;
        else if (u[i] == 0xE2 && i + 2 < b && u[i + 1] == 0x80 && u[i + 2] == 0xA6)
            e = i + 3; /* … */
        if (!e)
            continue;
        for (;;) {
            if (e < b && (u[e] == '"' || u[e] == '\'' || u[e] == ')' || u[e] == ']' ||
                          u[e] == '.' || u[e] == '!' || u[e] == '?'))
                e++;
            else if (e + 2 < b && u[e] == 0xE2 && u[e + 1] == 0x80 &&
                     (u[e + 2] == 0x99 || u[e + 2] == 0x9D))
                e += 3; /* ’ ” */
            else
                break;
        }
        if (e >= b || clean_space_width((const char *)u, b, e))
            return e;
        i = e - 1;
    }
    return b;
}

static size_t cleans_skip_space(const char *text, size_t b, size_t i) {
    size_t w;
    while (i < b && (w = clean_space_width(text, b, i)) != 0)
        i += w;
    return i;
}

int clean_sentence_cuts(const char *text, size_t a, size_t b, ch_removed **v, size_t *n,
                        size_t *cap) {
    const unsigned char *u = (const unsigned char *)text;
    size_t i = cleans_skip_space(text, b, a);
    size_t q0 = 0, q1 = 0; /* the last sentence when it was a short question */
    int have_q = 0;
    while (i < b) {
        size_t e = cleans_sentence_end(u, i, b);
        size_t next = cleans_skip_space(text, b, e);
        clean_feat f;
        clean_line_features(text + i, e - i, &f);
        const char *r =
            f.nwords <= CS_ARCHIVE_WORDS ? clean_sentence_reason(text + i, e - i) : NULL;
        if (r) {
            size_t s = have_q && q1 == i ? q0 : i, t = next;
            if (*n && (*v)[*n - 1].off + (*v)[*n - 1].len == s &&
                strcmp((*v)[*n - 1].reason, r) == 0)
                s = (*v)[--*n].off; /* one cut for notices in a row */
            if (t >= b) {           /* at the line end the spaces before it go */
                t = b;
                size_t floor = *n ? (*v)[*n - 1].off + (*v)[*n - 1].len : a;
                if (floor < a)
                    floor = a;
                while (s > floor && clean_space_width(text, b, s - 1))
                    s--;
            }
            ch_removed c = {s, t - s, r};
            if (VEC_PUSH(*v, *n, *cap, c) != 0)
                return -1;
            have_q = 0;
        } else {
            have_q = f.nwords <= CS_QUESTION_WORDS && cleans_question(text + i, e - i);
            q0 = i;
            q1 = next;
        }
        i = next;
    }
    return 0;
}
