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
 * A whole line goes when it is an archive's page about its collections
 * rather than an article: no quotation and no speech in it, at least
 * CS_PAGE_GROUPS kinds of the archive's words across it (one of them its
 * own), and one sentence in CS_PAGE_SHARE using them ("Crawl of outlinks
 * from ... started March 2016. These files are not public. ...").
 *
 * An article sentence about accounts or passwords ("You might not need to
 * remember your bank passwords much longer") has no imperative and no "we",
 * so it stays; one that quotes a site's notice stays too. A short question
 * to the reader right before a notice ("Want more news like this?") goes
 * with it. So do confirmations ("Thank you for signing up!").
 *
 * A site's offer to follow a topic ("Add Airlines as an interest to stay
 * up to date ...") is a notice too.
 *
 * Cost: the rules read a sentence only when a cheap look at its bytes
 * finds a cue (a word starting with "you", "thank" or "interest", or an
 * opening word of the list), or when the line holds an archive word.
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
#define CS_PAGE_GROUPS 4     /* kinds of archive words on an archive's page */
#define CS_PAGE_SHARE 3      /* 1 in CS_PAGE_SHARE sentences of it uses one */
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
    if (k >= st->nw || st->z[st->w[k].a] != p[0])
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
static const char *const cleans_services[][12] = {
    {"sign up", "signing up", "signed up", "sign-up", "signup", NULL},
    {"sign in", "signing in", "signed in", "sign-in", NULL},
    {"log in", "logging in", "logged in", "log-in", "login*", "re-login", NULL},
    {"subscri*", "unsubscri*", NULL},
    {"newsletter*", "e-newsletter*", NULL},
    {"inbox", "inboxes", NULL},
    {"email address*", "e-mail address*", "email alert*", "e-mail alert*", "email update*",
     "e-mail update*", "email notification*", "your email", "your e-mail", "verification email",
     "confirmation email", NULL},
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

static const char *const cleans_please[] = {"please", NULL};

/* A site's offer to follow a topic ("Add Airlines as an interest to stay up
 * to date ..."). */
static const char *const cleans_interest[] = {"as an interest to stay up to date", NULL};

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

/* The groups of cleans_archive the sentence uses, one bit each. */
static unsigned cleans_archive_mask(const cleans_sent *st) {
    unsigned m = 0;
    for (size_t g = 0; g < CS_NARCH; g++)
        if (cleans_group(st, cleans_archive[g]))
            m |= 1u << g;
    return m;
}

/* True when the groups m make a web archive's note (see the top). */
static int cleans_archive_note(unsigned m) {
    int n = 0;
    for (unsigned x = m; x; x &= x - 1)
        n++;
    return (m & ((1u << CS_ARCHIVE_STRONG) - 1)) && n >= CS_ARCHIVE_GROUPS;
}

int clean_archive_words(const char *text, size_t a, size_t b) {
    static const struct {
        const char *p;
        size_t l;
    } stems[] = {{"wayback", 7},  {"archive", 7}, {"warc", 4},     {"url", 3},     {"outlink", 7},
                 {"outbound", 8}, {"embeds", 6},  {"captures", 8}, {"crawler", 7}, {"webcrawl", 8}};
    const unsigned char *u = (const unsigned char *)text;
    int prev_alnum = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = u[i] | 0x20;
        int alnum = (c >= 'a' && c <= 'z') || (u[i] >= '0' && u[i] <= '9');
        if (alnum && !prev_alnum &&
            (c == 'w' || c == 'a' || c == 'u' || c == 'o' || c == 'e' || c == 'c'))
            for (size_t k = 0; k < sizeof stems / sizeof stems[0]; k++) {
                if ((unsigned char)stems[k].p[0] != c || b - i < stems[k].l)
                    continue;
                size_t j = 1;
                while (j < stems[k].l && (u[i + j] | 0x20) == (unsigned char)stems[k].p[j])
                    j++;
                if (j == stems[k].l)
                    return 1;
            }
        prev_alnum = alnum;
    }
    return 0;
}

/* Reads the sentence s[0, n) into st through buffer z; 0 when it holds a
 * quotation mark or a word of speech (a report of what someone said). */
static int cleans_read(cleans_sent *st, char *z, const char *s, size_t n) {
    size_t zl = clean_norm(s, n, z, CLEAN_NORM_CAP);
    if (memchr(z, '"', zl))
        return 0;
    cleans_words(st, z, zl);
    return !cleans_group(st, cleans_speech);
}

/* clean_sentence_reason(); 'archive' is 0 when the sentence holds none of
 * the archive's own words (cleans_archive_stem). */
static const char *cleans_reason(const char *s, size_t n, int archive) {
    char z[CLEAN_NORM_CAP];
    cleans_sent st;
    if (!cleans_read(&st, z, s, n) || st.nw < 3 || st.nw > CS_ARCHIVE_WORDS)
        return NULL;
    if (archive && cleans_archive_note(cleans_archive_mask(&st)))
        return CLEAN_R_NOTICE;
    if (st.nw > CS_MAX_WORDS)
        return NULL;
    if (st.nw <= CS_THANKS_WORDS && cleans_group(&st, cleans_thanks))
        return CLEAN_R_NOTICE;
    if (cleans_group(&st, cleans_interest))
        return CLEAN_R_NOTICE;
    int opens = 0;
    for (int i = 0; cleans_openers[i] && !opens; i++)
        opens = cleans_seq(&st, 0, cleans_openers[i]);
    if (!opens && !(cleans_group(&st, cleans_you) &&
                    (cleans_group(&st, cleans_we) || cleans_group(&st, cleans_please))))
        return NULL;
    return cleans_services_named(&st) >= 2 ? CLEAN_R_NOTICE : NULL;
}

const char *clean_sentence_reason(const char *s, size_t n) {
    clean_feat f;
    clean_line_features(s, n, &f);
    return f.nwords <= CS_ARCHIVE_WORDS ? cleans_reason(s, n, clean_archive_words(s, 0, n)) : NULL;
}

/* True when the sentence s[0, n) ends in a question mark. */
static int cleans_question(const char *s, size_t n) {
    size_t e = n;
    while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ')'))
        e--;
    return e > 0 && s[e - 1] == '?';
}

/* One sentence of a line, as cleans_scan() reads it. */
typedef struct cleans_span {
    size_t end;     /* just after its closing punctuation and quotes */
    unsigned words; /* whitespace-separated words */
    int cue;        /* a word starts with "you", "thank" or "interest", or
                       the first word opens a notice: the rules may apply */
} cleans_span;

/* First words of cleans_openers. */
static const char *const cleans_first[] = {
    "please", "sign",    "subscribe", "click",    "tap",    "enter",  "re-enter", "check",
    "get",    "log",     "create",    "register", "enable", "select", "confirm",  "verify",
    "visit",  "upgrade", "thank",     "thanks",   "you",    "by",     NULL};

/* True when u[i, b) starts with the lower-case word p, any letter case. */
static int cleans_word_ci(const unsigned char *u, size_t i, size_t b, const char *p) {
    size_t j = 0;
    for (; p[j]; j++)
        if (i + j >= b || (u[i + j] | 0x20) != (unsigned char)p[j])
            return 0;
    return 1;
}

/* Reads the sentence that starts at i (before b). It ends at . ! ? or an
 * ellipsis, after the closing quotes and punctuation that follow, when a
 * space or the line end comes next; else at b. One pass over its bytes. */
static cleans_span cleans_scan(const unsigned char *u, size_t i, size_t b) {
    cleans_span sp = {b, 0, 0};
    int first = 1;
    for (unsigned char prev = ' '; i < b; prev = u[i], i++) {
        unsigned char c = u[i];
        if (c > ' ' && prev <= ' ') {
            sp.words++;
            unsigned char l = c | 0x20;
            if ((l == 'y' && cleans_word_ci(u, i, b, "you")) ||
                (l == 't' && cleans_word_ci(u, i, b, "thank")) ||
                (l == 'i' && cleans_word_ci(u, i, b, "interest")))
                sp.cue = 1;
        }
        if (first && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
            first = 0;
            size_t e = i;
            while (e < b && (((u[e] | 0x20) >= 'a' && (u[e] | 0x20) <= 'z') || u[e] == '-'))
                e++;
            for (int k = 0; cleans_first[k] && !sp.cue; k++)
                sp.cue =
                    strlen(cleans_first[k]) == e - i && cleans_word_ci(u, i, e, cleans_first[k]);
        }
        size_t e = 0;
        if (c == '.' || c == '!' || c == '?')
            e = i + 1;
        else if (c == 0xE2 && i + 2 < b && u[i + 1] == 0x80 && u[i + 2] == 0xA6)
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
        if (e >= b || clean_space_width((const char *)u, b, e)) {
            sp.end = e;
            return sp;
        }
        i = e - 1;
    }
    return sp;
}

static size_t cleans_skip_space(const char *text, size_t b, size_t i) {
    size_t w;
    while (i < b && (w = clean_space_width(text, b, i)) != 0)
        i += w;
    return i;
}

int clean_archive_page(const char *text, size_t a, size_t b) {
    const unsigned char *u = (const unsigned char *)text;
    char z[CLEAN_NORM_CAP];
    cleans_sent st;
    unsigned all = 0;
    size_t sents = 0, marked = 0;
    for (size_t i = cleans_skip_space(text, b, a); i < b;) {
        size_t e = cleans_scan(u, i, b).end;
        if (!cleans_read(&st, z, text + i, e - i))
            return 0;
        unsigned m = cleans_archive_mask(&st);
        all |= m;
        sents++;
        marked += m != 0;
        i = cleans_skip_space(text, b, e);
    }
    int groups = 0;
    for (unsigned x = all; x; x &= x - 1)
        groups++;
    return (all & ((1u << CS_ARCHIVE_STRONG) - 1)) && groups >= CS_PAGE_GROUPS &&
           marked * CS_PAGE_SHARE >= sents;
}

int clean_sentence_cuts(const char *text, size_t a, size_t b, int archive, ch_removed **v,
                        size_t *n, size_t *cap) {
    const unsigned char *u = (const unsigned char *)text;
    size_t i = cleans_skip_space(text, b, a);
    size_t q0 = 0, q1 = 0; /* the last sentence when it was a short question */
    int have_q = 0;
    while (i < b) {
        cleans_span sp = cleans_scan(u, i, b);
        size_t e = sp.end, next = cleans_skip_space(text, b, e);
        const char *r = (sp.cue || archive) && sp.words <= CS_ARCHIVE_WORDS
                            ? cleans_reason(text + i, e - i, archive)
                            : NULL;
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
            have_q = sp.words <= CS_QUESTION_WORDS && cleans_question(text + i, e - i);
            q0 = i;
            q1 = next;
        }
        i = next;
    }
    return 0;
}
