/*
 * segment.c - sentence splitting of cleaned news text.
 *
 * Input is valid UTF-8 as it comes out of cleaning: web articles with one
 * paragraph per line, newswire hard-wrapped at ~70 columns, e-mail, or the
 * lower-cased, tokenised Multi-News release ("the u.s. government said .").
 * Output is a list of spans in text order, each without surrounding
 * whitespace and never empty. The work is done in two layers.
 *
 * 1. Lines and paragraphs. Blank lines (only whitespace) separate blocks.
 *    Inside a block each single newline is either soft (a space: the line
 *    was wrapped) or hard (the line ends a paragraph, a headline, a list
 *    item). A line A followed by B is "filled" at width W when the first
 *    word of B would not have fitted on it: width(A) + 1 + width(word) >
 *    W - W/10 (code points; the slack is for wrappers that are not greedy).
 *    W is the widest line of the block, or the document's wrap width when
 *    that is wider; two-line blocks use the document's width only. The
 *    document's width is the upper quartile of the widths of lines that
 *    were evidently wrapped (B starts in lower case, or A ends with a comma
 *    or a word like "the"), if they agree and there are three of them (one
 *    is enough when no line is wider than 110). A block of three lines or
 *    more is wrapped when 40 <= W <= 110, two thirds of its non-final lines
 *    are filled or end a sentence, and a line other than the widest one is
 *    filled. Then, for each newline:
 *      - hard when B starts with a bullet or a list number ("- ", "* ",
 *        "• ", "1. ", "2) ");
 *      - soft when A ends with , ; - – — & / or an opening bracket or
 *        quote, with ':' before a quotation, or with a word that cannot end
 *        a sentence or a title (the, of, and, was, ...);
 *      - hard when A ends a sentence and B is indented more than A (a
 *        paragraph opening in newswire without blank lines);
 *      - in a wrapped block, soft when A is filled, unless A is the block's
 *        first line, in Title Case, and B starts with a capital (a headline
 *        over a wrapped paragraph);
 *      - otherwise hard when A ends with sentence punctuation (. ! ? …
 *        possibly followed by closing quotes or brackets), soft when B
 *        starts with a lower-case letter, and hard in all other cases: A is
 *        a headline, a caption, a byline.
 *    Each stretch between hard breaks is a paragraph (ch_span.para, the
 *    first sentence flagged SEG_PARA_START). When a paragraph does not end
 *    with sentence punctuation its last sentence is flagged SEG_HEADLINE.
 *
 * 2. Sentences inside a paragraph. One scan looks only at interesting bytes
 *    (. ! ? " and the lead bytes of … ” ’ 。 ！ ？), skipping the rest with a
 *    table lookup per byte. At a run of terminators (". . ." and "...." are
 *    runs too) the closers that follow it are taken in (” ’ » ) ] ' and a
 *    straight " that is followed by a space), then:
 *      - a terminator preceded by a space (tokenised text: "said . the")
 *        ends the sentence whatever follows, except an ellipsis;
 *      - no sentence ends when a non-space follows (4.5, U.S, example.com),
 *        except a period fused to a capitalised word after a lower-case
 *        word ("Street.Justin Tallis"), CJK terminators, and an opening
 *        straight quote directly after the terminator;
 *      - otherwise the next word decides. "Starts a sentence" means: after
 *        any opening quotes or brackets, an upper-case or caseless letter,
 *        a digit, or $ £ € @ #. The word before a single period picks the
 *        rule:
 *          listed TITLE (Mr., Gen., St., vs.)     never ends a sentence;
 *          listed NUM/MONTH (No., Sept.)          not before a digit;
 *          listed TIME (a.m., p.m.)               ends one before a
 *            capitalised word other than a weekday, month, time zone or
 *            "Local": "at 5 p.m. The next day" is two sentences;
 *          PLAIN: listed (Inc., Jr., Calif.), other dotted abbreviations
 *            (F.B.I., D.C.) and single-letter initials (John F. Kerry, and
 *            "harry w. colmery" in lower-cased text): ends one only before
 *            a capitalised function word (The, He, But, In...);
 *          a list number or letter opening a sentence or following a colon
 *            ("1. The first"): never ends it;
 *          anything else (words, numbers, URLs): ends one when the next word
 *            starts a sentence.
 *        A closing quote after the period (`the U.S." He`) overrides the
 *        abbreviation: the next word decides; a closing bracket does not
 *        ("Shreveport (La.) Times"). A next word in capitals says nothing
 *        after PLAIN and TIME abbreviations ("WHAT N.H. IS READING"). An
 *        ellipsis without closers ends a sentence only before a capitalised
 *        function word; "!" and "?" follow the next word.
 *    Straight double quotes are classified as they pass: attached to a word
 *    on the right only it opens, on the left only it closes, detached (the
 *    tokenised ` " `) it toggles; the state is per paragraph, so a detached
 *    quote after a tokenised period goes with the sentence it closes.
 *
 * Length cap: a sentence that reaches SEG_SOFT_MAX (1000) bytes without a
 * boundary is cut at the next whitespace, and at a character boundary at
 * SEG_HARD_MAX (2000) bytes when there is none (flag SEG_FORCED).
 *
 * Cost: linear. Lines are read with memchr, at most three times (block
 * scan, the document width once per document, the block's decisions; the
 * first 64 lines of a block are cached), the sentence scan touches every
 * byte once, and each decision looks at most 64 bytes back and a few words
 * ahead. Lookups are binary searches in const tables (function words,
 * time words) and in the embedded sorted abbreviation file itself, so there
 * is no setup and no mutable state. Lone CR line ends (old Mac files) are
 * not treated as newlines.
 */
#include "text/segment.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util/vec.h"

extern const unsigned char chorus_data_abbreviations_en[];
extern const unsigned long chorus_data_abbreviations_en_len;

#define SEG_WRAP_MIN 40    /* narrowest width taken for hard wrapping */
#define SEG_WRAP_MAX 110   /* widest width taken for hard wrapping */
#define SEG_NOWRAP 0xFFFFu /* width of a line too long to be wrapped */
#define SEG_LOOKBACK 64    /* bytes examined before a period */
#define SEG_ABBR_KEY 16    /* longest abbreviation key + 1 */

/* ---- character helpers */

/* Byte length of a whitespace character at p[i] (i < end), else 0: ASCII
 * space and controls \t..\r, U+0085, U+00A0, U+1680, U+2000..U+200B,
 * U+2028, U+2029, U+202F, U+205F, U+2060, U+3000, U+FEFF. */
static size_t seg_ws_at(const unsigned char *p, size_t i, size_t end) {
    unsigned char c = p[i];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    if (c == 0xC2)
        return i + 1 < end && (p[i + 1] == 0xA0 || p[i + 1] == 0x85) ? 2 : 0;
    if (i + 2 >= end)
        return 0;
    unsigned char c1 = p[i + 1], c2 = p[i + 2];
    if (c == 0xE2) {
        if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
            return 3;
        if (c1 == 0x81 && (c2 == 0x9F || c2 == 0xA0))
            return 3;
        return 0;
    }
    if (c == 0xE3)
        return c1 == 0x80 && c2 == 0x80 ? 3 : 0;
    if (c == 0xEF)
        return c1 == 0xBB && c2 == 0xBF ? 3 : 0;
    if (c == 0xE1)
        return c1 == 0x9A && c2 == 0x80 ? 3 : 0;
    return 0;
}

/* Byte length of a whitespace character ending at p[i - 1] (lo < i). */
static size_t seg_ws_before(const unsigned char *p, size_t lo, size_t i) {
    unsigned char c = p[i - 1];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    if (i - lo >= 2 && p[i - 2] == 0xC2)
        return seg_ws_at(p, i - 2, i);
    if (i - lo >= 3 && p[i - 3] >= 0xE0)
        return seg_ws_at(p, i - 3, i);
    return 0;
}

static size_t seg_skip_ws(const unsigned char *p, size_t i, size_t end) {
    while (i < end) {
        size_t l = seg_ws_at(p, i, end);
        if (!l)
            break;
        i += l;
    }
    return i;
}

static int seg_is_upper(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}
static int seg_is_lower(unsigned char c) {
    return c >= 'a' && c <= 'z';
}
static int seg_is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
static int seg_is_alpha(unsigned char c) {
    return seg_is_upper(c) || seg_is_lower(c);
}

/* Length of a closing quote or bracket at p[i] (not the straight double
 * quote, which is decided by context): ) ] } ' ” ’ » › 」 』 ）. */
static size_t seg_closer_at(const unsigned char *p, size_t i, size_t end) {
    unsigned char c = p[i];
    if (c == ')' || c == ']' || c == '}' || c == '\'')
        return 1;
    if (c == 0xC2)
        return i + 1 < end && p[i + 1] == 0xBB ? 2 : 0;
    if (i + 2 >= end)
        return 0;
    if (c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0x9D || p[i + 2] == 0x99 || p[i + 2] == 0xBA))
        return 3;
    if (c == 0xE3 && p[i + 1] == 0x80 && (p[i + 2] == 0x8D || p[i + 2] == 0x8F))
        return 3;
    if (c == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0x89)
        return 3;
    return 0;
}

/* Length of a closer (including ") ending at p[i - 1], for looking back. */
static size_t seg_closer_before(const unsigned char *p, size_t lo, size_t i) {
    unsigned char c = p[i - 1];
    if (c == '"')
        return 1;
    if (c < 0x80)
        return seg_closer_at(p, i - 1, i);
    if (i - lo >= 2 && p[i - 2] == 0xC2)
        return seg_closer_at(p, i - 2, i);
    if (i - lo >= 3)
        return seg_closer_at(p, i - 3, i);
    return 0;
}

/* Length of an opening quote or bracket at p[i]: " ' ( [ { ` “ ‘ „ « ‹ ¿ ¡. */
static size_t seg_opener_at(const unsigned char *p, size_t i, size_t end) {
    unsigned char c = p[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '`')
        return 1;
    if (c == 0xC2)
        return i + 1 < end && (p[i + 1] == 0xAB || p[i + 1] == 0xBF || p[i + 1] == 0xA1) ? 2 : 0;
    if (c == 0xE2 && i + 2 < end && p[i + 1] == 0x80 &&
        (p[i + 2] == 0x9C || p[i + 2] == 0x98 || p[i + 2] == 0x9E || p[i + 2] == 0xB9))
        return 3;
    return 0;
}

/* Length of a sentence terminator at p[i]: . ! ? … ‼ ⁇ ⁈ ⁉ 。 ！ ？ ．;
 * *cjk is set for the full-width ones (no space follows them). */
static size_t seg_term_at(const unsigned char *p, size_t i, size_t end, int *cjk) {
    unsigned char c = p[i];
    *cjk = 0;
    if (c == '.' || c == '!' || c == '?')
        return 1;
    if (i + 2 >= end)
        return 0;
    unsigned char c1 = p[i + 1], c2 = p[i + 2];
    if (c == 0xE2) {
        if ((c1 == 0x80 && (c2 == 0xA6 || c2 == 0xBC)) || (c1 == 0x81 && c2 >= 0x87 && c2 <= 0x89))
            return 3;
        return 0;
    }
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x82) {
        *cjk = 1;
        return 3;
    }
    if (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F || c2 == 0x8E)) {
        *cjk = 1;
        return 3;
    }
    return 0;
}

/* 1 if p[b..e) ends with sentence punctuation, closers allowed after it. */
static int seg_ends_terminal(const unsigned char *p, size_t b, size_t e) {
    for (int k = 0; k < 4 && e > b; k++) {
        size_t l = seg_closer_before(p, b, e);
        if (!l)
            break;
        e -= l;
    }
    if (e == b)
        return 0;
    int cjk;
    if (seg_term_at(p, e - 1, e, &cjk) == 1)
        return 1;
    return e - b >= 3 && seg_term_at(p, e - 3, e, &cjk) == 3;
}

/* ---- const word tables (lower case, sorted) */

/* Capitalised, these start a sentence after a PLAIN abbreviation or an
 * ellipsis: "in the U.S. The", but not "the U.S. Army". */
static const char *const seg_starters[] = {
    "a",        "about",   "according", "after",        "again",   "all",    "also",
    "although", "among",   "an",        "and",          "another", "any",    "are",
    "as",       "at",      "because",   "before",       "both",    "but",    "by",
    "could",    "despite", "did",       "do",           "does",    "during", "each",
    "earlier",  "even",    "every",     "few",          "for",     "from",   "had",
    "has",      "have",    "he",        "her",          "here",    "his",    "how",
    "however",  "i",       "if",        "in",           "instead", "is",     "it",
    "its",      "later",   "many",      "meanwhile",    "more",    "most",   "much",
    "my",       "neither", "never",     "nevertheless", "no",      "none",   "nor",
    "not",      "now",     "of",        "often",        "on",      "once",   "only",
    "or",       "other",   "others",    "our",          "perhaps", "she",    "should",
    "since",    "so",      "some",      "still",        "such",    "that",   "the",
    "their",    "then",    "there",     "these",        "they",    "this",   "those",
    "though",   "thus",    "to",        "was",          "we",      "were",   "what",
    "when",     "where",   "whether",   "which",        "while",   "who",    "why",
    "with",     "would",   "yes",       "yet",          "you",     "your"};

/* Capitalised words that continue a time: "5 p.m. Tuesday", "p.m. EDT". */
static const char *const seg_time_words[] = {
    "apr",      "april",  "atlantic", "aug",       "august",   "bst",      "cdt",     "central",
    "cest",     "cet",    "cst",      "ct",        "dec",      "december", "eastern", "edt",
    "eet",      "est",    "et",       "feb",       "february", "fri",      "friday",  "gmt",
    "hst",      "ist",    "jan",      "january",   "jst",      "jul",      "july",    "jun",
    "june",     "local",  "mar",      "march",     "may",      "mdt",      "mon",     "monday",
    "mountain", "mst",    "mt",       "nov",       "november", "oct",      "october", "pacific",
    "pdt",      "pst",    "pt",       "sat",       "saturday", "sep",      "sept",    "september",
    "sun",      "sunday", "thu",      "thursday",  "today",    "tomorrow", "tonight", "tue",
    "tuesday",  "utc",    "wed",      "wednesday", "yesterday"};

/* Words that cannot end a sentence or a title: a line ending with one
 * continues on the next. */
static const char *const seg_nonfinal[] = {
    "a",      "about",   "after",  "against", "among",   "an",      "and",     "are",   "as",
    "at",     "be",      "been",   "before",  "being",   "between", "but",     "by",    "could",
    "during", "for",     "from",   "had",     "has",     "have",    "his",     "if",    "into",
    "is",     "its",     "may",    "might",   "must",    "nor",     "of",      "onto",  "or",
    "our",    "shall",   "should", "than",    "that",    "the",     "their",   "these", "this",
    "those",  "through", "to",     "toward",  "towards", "upon",    "was",     "were",  "which",
    "while",  "who",     "whose",  "will",    "with",    "within",  "without", "would", "your"};

/* 1 if ASCII word w[0..n) is in the sorted lower-case table, any case. */
static int seg_in_table(const char *const *tab, size_t count, const unsigned char *w, size_t n) {
    char key[SEG_ABBR_KEY];
    if (n == 0 || n >= sizeof key)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = w[i];
        if (!seg_is_alpha(c))
            return 0;
        key[i] = (char)(c | 0x20);
    }
    key[n] = '\0';
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(key, tab[mid]);
        if (cmp == 0)
            return 1;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

#define SEG_COUNT(t) (sizeof(t) / sizeof(t)[0])

/* ---- the abbreviation list: binary search in the embedded sorted file */

static int seg_abbr_class_name(const unsigned char *s, size_t n) {
    static const struct {
        const char *name;
        int cls;
    } names[] = {{"title", SEG_ABBR_TITLE},
                 {"num", SEG_ABBR_NUM},
                 {"month", SEG_ABBR_MONTH},
                 {"time", SEG_ABBR_TIME},
                 {"plain", SEG_ABBR_PLAIN}};
    for (size_t i = 0; i < SEG_COUNT(names); i++)
        if (strlen(names[i].name) == n && memcmp(names[i].name, s, n) == 0)
            return names[i].cls;
    return SEG_ABBR_NONE;
}

int seg_abbrev_class(const char *w, size_t n) {
    const unsigned char *d = chorus_data_abbreviations_en;
    size_t dlen = (size_t)chorus_data_abbreviations_en_len;
    unsigned char key[SEG_ABBR_KEY];
    if (n == 0 || n >= sizeof key)
        return SEG_ABBR_NONE;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (!seg_is_alpha(c) && c != '.')
            return SEG_ABBR_NONE;
        key[i] = seg_is_upper(c) ? (unsigned char)(c | 0x20) : c;
    }
    size_t lo = 0, hi = dlen;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, ls = mid;
        while (ls > lo && d[ls - 1] != '\n')
            ls--;
        size_t e = ls; /* first entry line at or after ls */
        while (e < hi && (d[e] == '#' || d[e] == '\n' || d[e] == '\r')) {
            while (e < hi && d[e] != '\n')
                e++;
            e++;
        }
        if (e >= hi) {
            hi = ls;
            continue;
        }
        size_t ke = e, eol;
        while (ke < dlen && d[ke] != ' ' && d[ke] != '\n' && d[ke] != '\r')
            ke++;
        for (eol = ke; eol < dlen && d[eol] != '\n';)
            eol++;
        size_t kl = ke - e, m = kl < n ? kl : n;
        int cmp = memcmp(key, d + e, m);
        if (cmp == 0)
            cmp = n < kl ? -1 : n > kl ? 1 : 0;
        if (cmp < 0) {
            hi = ls;
        } else if (cmp > 0) {
            lo = eol + 1;
        } else {
            /* "key class [cap]" */
            size_t cb = ke;
            while (cb < eol && d[cb] == ' ')
                cb++;
            size_t ce = cb;
            while (ce < eol && d[ce] != ' ' && d[ce] != '\r')
                ce++;
            int cls = seg_abbr_class_name(d + cb, ce - cb);
            size_t fb = ce;
            while (fb < eol && d[fb] == ' ')
                fb++;
            if (eol - fb >= 3 && memcmp(d + fb, "cap", 3) == 0 &&
                !seg_is_upper((unsigned char)w[0]))
                /* lower case: an ordinary word, or a title in lower-cased
                 * text ("gov. Chris christie"): a title then ends a
                 * sentence only where a plain abbreviation would */
                return cls == SEG_ABBR_TITLE ? SEG_ABBR_PLAIN : SEG_ABBR_NONE;
            return cls;
        }
    }
    return SEG_ABBR_NONE;
}

/* ---- output */

typedef struct seg_line {
    size_t b;    /* first byte */
    size_t nl;   /* the '\n' ending it, or the text length */
    size_t cb;   /* first non-space byte (== ce when blank) */
    size_t ce;   /* end of the last non-space character */
    uint32_t w;  /* code points in [b, ce), SEG_NOWRAP when too long */
    uint32_t fw; /* code points of the first word */
} seg_line;

#define SEG_CACHE 64 /* lines of a block kept between its passes */

typedef struct seg_ctx {
    const unsigned char *p;
    size_t len;
    seg_line cache[SEG_CACHE]; /* (n_cached) first lines of the current block */
    size_t n_cached;
    ch_span *v; /* (n) spans so far */
    size_t n, cap;
    uint32_t para;  /* index of the current paragraph */
    int para_fresh; /* no sentence emitted in the current paragraph yet */
    int doc_width;  /* -1 not computed yet, 0 none, else code points */
    int inq;        /* inside a straight double quote */
} seg_ctx;

/* Adds the span p[b..e) (trimmed; nothing when empty). -1 out of memory. */
static int seg_emit(seg_ctx *x, size_t b, size_t e, uint32_t flags) {
    b = seg_skip_ws(x->p, b, e);
    while (e > b) {
        size_t l = seg_ws_before(x->p, b, e);
        if (!l)
            break;
        e -= l;
    }
    if (e <= b)
        return 0;
    if (x->para_fresh)
        flags |= SEG_PARA_START;
    x->para_fresh = 0;
    ch_span sp = {b, e - b, x->para, flags};
    return VEC_PUSH(x->v, x->n, x->cap, sp);
}

/* ---- sentences inside a paragraph */

enum { SEG_K_PERIOD, SEG_K_EXCL, SEG_K_ELLIPSIS, SEG_K_DOTS4, SEG_K_CJK };

enum { SEG_N_END, SEG_N_UPPER, SEG_N_LOWER, SEG_N_DIGIT, SEG_N_SIGN, SEG_N_OTHER };

typedef struct seg_next {
    int cls;       /* SEG_N_* */
    int opened;    /* opening quotes or brackets came first */
    size_t wb, we; /* the ASCII letters of the next word */
} seg_next;

static void seg_next_word(const unsigned char *p, size_t m, size_t end, seg_next *nx) {
    nx->opened = 0;
    nx->wb = nx->we = m;
    for (int k = 0; k < 4 && m < end; k++) {
        size_t l = seg_opener_at(p, m, end);
        if (!l)
            break;
        m += l;
        nx->opened = 1;
    }
    if (nx->opened)
        m = seg_skip_ws(p, m, end); /* `` The, tokenised " we */
    if (m >= end) {
        nx->cls = SEG_N_END;
        return;
    }
    unsigned char c = p[m];
    nx->wb = m;
    size_t e = m;
    while (e < end && e - m < SEG_ABBR_KEY && seg_is_alpha(p[e]))
        e++;
    nx->we = e;
    if (seg_is_upper(c))
        nx->cls = SEG_N_UPPER;
    else if (seg_is_lower(c))
        nx->cls = SEG_N_LOWER;
    else if (seg_is_digit(c))
        nx->cls = SEG_N_DIGIT;
    else if (c == '$' || c == '@' || c == '#')
        nx->cls = SEG_N_SIGN;
    else if (c < 0x80)
        nx->cls = SEG_N_OTHER;
    else {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l =
            utf8proc_iterate(p + m, (utf8proc_ssize_t)(end - m < 4 ? end - m : 4), &cp);
        nx->cls = SEG_N_OTHER;
        if (l > 0) {
            switch (utf8proc_category(cp)) {
            case UTF8PROC_CATEGORY_LU:
            case UTF8PROC_CATEGORY_LT:
            case UTF8PROC_CATEGORY_LO:
            case UTF8PROC_CATEGORY_LM:
                nx->cls = SEG_N_UPPER;
                break;
            case UTF8PROC_CATEGORY_LL:
                nx->cls = SEG_N_LOWER;
                break;
            case UTF8PROC_CATEGORY_ND:
                nx->cls = SEG_N_DIGIT;
                break;
            case UTF8PROC_CATEGORY_SC:
                nx->cls = SEG_N_SIGN;
                break;
            default:
                break;
            }
        }
    }
}

static int seg_has_lower(const unsigned char *p, size_t b, size_t e) {
    for (size_t i = b; i < e; i++)
        if (seg_is_lower(p[i]))
            return 1;
    return 0;
}

static int seg_starts_sentence(const seg_next *nx) {
    return nx->cls == SEG_N_UPPER || nx->cls == SEG_N_DIGIT || nx->cls == SEG_N_SIGN ||
           nx->cls == SEG_N_END;
}

static int seg_next_is_starter(const unsigned char *p, const seg_next *nx) {
    return nx->cls == SEG_N_UPPER &&
           seg_in_table(seg_starters, SEG_COUNT(seg_starters), p + nx->wb, nx->we - nx->wb);
}

/* Decides whether a single period after the word p[wb..t0) ends the
 * sentence that starts at s, given the next word. */
static int seg_period_decides(const unsigned char *p, size_t s, size_t wb, size_t t0,
                              const seg_next *nx) {
    size_t b = wb, e = t0;
    /* strip opening and closing marks around the word: (AP). "no". */
    for (int k = 0; k < 4 && b < e; k++) {
        size_t l = seg_opener_at(p, b, e);
        if (!l)
            break;
        b += l;
    }
    for (int k = 0; k < 4 && e > b; k++) {
        size_t l = seg_closer_before(p, b, e);
        if (!l)
            break;
        e -= l;
    }
    if (e == b)
        return seg_starts_sentence(nx);
    size_t n = e - b, digits = 0, letters = 0, dots = 0, last_sep = b;
    for (size_t i = b; i < e; i++) {
        unsigned char c = p[i];
        if (seg_is_digit(c))
            digits++;
        else if (seg_is_alpha(c))
            letters++;
        else if (c == '.')
            dots++;
        else if (c == '-' || c == '/')
            last_sep = i + 1;
        if (c == '/' || c == '@' || c == ':' || c >= 0x80)
            if (!(c == ':' && digits))
                return seg_starts_sentence(nx); /* URL, e-mail, non-ASCII word */
    }
    /* a list number or letter opening a sentence or following a colon */
    int at_start = wb == s;
    if (!at_start) {
        size_t q = wb;
        while (q > s && seg_ws_before(p, s, q))
            q -= seg_ws_before(p, s, q);
        at_start = q > s && p[q - 1] == ':';
    }
    if (at_start && ((digits && digits == n && n <= 2) || (letters == 1 && n == 1)))
        return 0;
    if (digits && !letters)
        return seg_starts_sentence(nx); /* 1999. / $4.5. / 3.5%. */
    if (last_sep > b && last_sep < e) {
        b = last_sep; /* non-U.S. -> U.S, ex-Gov. -> Gov */
        n = e - b;
        dots = 0;
        for (size_t i = b; i < e; i++)
            dots += p[i] == '.';
    }
    int cls;
    if (dots) {
        /* dotted: parts of one or two letters are an abbreviation */
        size_t part = 0;
        for (size_t i = b; i < e; i++) {
            if (p[i] == '.') {
                if (part == 0 || part > 2)
                    return seg_starts_sentence(nx);
                part = 0;
            } else if (seg_is_alpha(p[i])) {
                part++;
            } else {
                return seg_starts_sentence(nx);
            }
        }
        if (part == 0 || part > 2)
            return seg_starts_sentence(nx);
        cls = seg_abbrev_class((const char *)p + b, n);
        if (cls == SEG_ABBR_NONE)
            cls = SEG_ABBR_PLAIN;
    } else {
        for (size_t i = b; i < e; i++)
            if (!seg_is_alpha(p[i]))
                return seg_starts_sentence(nx);
        cls = seg_abbrev_class((const char *)p + b, n);
        if (cls == SEG_ABBR_NONE && n == 1)
            cls = SEG_ABBR_PLAIN; /* an initial (lower case in lower-cased text) */
    }
    /* a next word in capitals tells nothing: "WHAT N.H. IS READING" */
    int shout = nx->we - nx->wb >= 2 && !seg_has_lower(p, nx->wb, nx->we);
    switch (cls) {
    case SEG_ABBR_TITLE:
        return nx->cls == SEG_N_END;
    case SEG_ABBR_NUM:
    case SEG_ABBR_MONTH:
        return nx->cls != SEG_N_DIGIT && seg_starts_sentence(nx);
    case SEG_ABBR_TIME:
        if (nx->cls == SEG_N_UPPER) {
            if (shout && !seg_has_lower(p, b, e))
                return 0; /* all capitals: "2:30 P.M. FOR A LIVE CHAT" */
            return !seg_in_table(seg_time_words, SEG_COUNT(seg_time_words), p + nx->wb,
                                 nx->we - nx->wb);
        }
        return seg_starts_sentence(nx);
    case SEG_ABBR_PLAIN:
        return nx->cls == SEG_N_END || (!shout && seg_next_is_starter(p, nx));
    default:
        return seg_starts_sentence(nx);
    }
}

/* Updates the quote state for the straight double quote at p[i]. */
static void seg_quote(seg_ctx *x, size_t cs, size_t ce, size_t i) {
    const unsigned char *p = x->p;
    int before = i > cs && !seg_ws_before(p, cs, i) && !seg_opener_at(p, i - 1, ce);
    int after = i + 1 < ce && !seg_ws_at(p, i + 1, ce) && !seg_closer_at(p, i + 1, ce);
    if (after && i + 1 < ce) {
        unsigned char c = p[i + 1];
        if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?')
            after = 0;
    }
    if (after && !before)
        x->inq = 1;
    else if (before && !after)
        x->inq = 0;
    else
        x->inq = !x->inq;
}

/* Handles the terminator at p[i]; may emit the sentence [*s, end) and move
 * *s to the next one. Returns where scanning goes on. */
static size_t seg_terminator(seg_ctx *x, size_t *s, size_t cs, size_t ce, size_t i, int *err) {
    const unsigned char *p = x->p;
    size_t t0 = i, j = i, l;
    int dots = 0, excl = 0, ell = 0, cjk = 0, c2;
    /* the run of terminators; ". . ." spaced out counts as one */
    if (p[i] == '.') {
        size_t q = i + 1, ndot = 1, w1;
        while (q < ce && (w1 = seg_ws_at(p, q, ce)) != 0 && q + w1 < ce && p[q + w1] == '.') {
            q += w1 + 1;
            ndot++;
        }
        if (ndot >= 3) {
            ell = 1;
            j = q;
        }
    }
    while (j < ce && (l = seg_term_at(p, j, ce, &c2)) != 0) {
        if (p[j] == '.')
            dots++;
        else if (p[j] == '!' || p[j] == '?' || (l == 3 && p[j] == 0xE2 && p[j + 2] != 0xA6))
            excl = 1;
        else if (l == 3 && p[j] == 0xE2)
            ell = 1;
        if (c2)
            cjk = 1;
        j += l;
    }
    int kind = cjk                  ? SEG_K_CJK
               : excl               ? SEG_K_EXCL
               : dots >= 4          ? SEG_K_DOTS4
               : (ell || dots == 3) ? SEG_K_ELLIPSIS
                                    : SEG_K_PERIOD;
    /* closers taken in */
    size_t k = j;
    int closed = 0, qclosed = 0; /* any closer / a closing quote */
    for (int it = 0; it < 8 && k < ce; it++) {
        if (p[k] == '"') {
            if (k + 1 >= ce || seg_ws_at(p, k + 1, ce) || seg_closer_at(p, k + 1, ce)) {
                x->inq = 0;
                k++;
                closed = qclosed = 1;
                continue;
            }
            break; /* an opening quote attached: ."He */
        }
        l = seg_closer_at(p, k, ce);
        if (!l)
            break;
        if (p[k] != ')' && p[k] != ']' && p[k] != '}')
            qclosed = 1;
        k += l;
        closed = 1;
    }
    int detached = t0 == cs || seg_ws_before(p, cs, t0) != 0;
    size_t m;
    int bound;
    seg_next nx;
    if (k < ce && !seg_ws_at(p, k, ce)) {
        /* something is attached after the terminator run */
        m = k;
        if (kind == SEG_K_CJK) {
            bound = 1;
        } else if (p[k] == '"' && !closed) {
            seg_next_word(p, k, ce, &nx);
            bound = nx.cls == SEG_N_UPPER && !detached;
        } else if (kind == SEG_K_PERIOD && seg_is_upper(p[k]) && k + 1 < ce &&
                   seg_is_lower(p[k + 1])) {
            if (closed) {
                bound = 1;
            } else {
                /* fused: "Street.Justin", not "example.Com" or "U.S.Army" */
                size_t wb = t0, n = 0;
                bound = t0 >= cs + 2 && seg_is_lower(p[t0 - 1]) && seg_is_lower(p[t0 - 2]);
                while (bound && wb > cs && n < SEG_LOOKBACK && !seg_ws_before(p, cs, wb)) {
                    unsigned char c = p[wb - 1];
                    if (c == '.' || c == '/' || c == '@' || c == ':' || c == '_')
                        bound = 0;
                    wb--;
                    n++;
                }
            }
        } else {
            bound = 0;
        }
        if (!bound)
            return k > i ? k : i + 1;
    } else {
        m = seg_skip_ws(p, k, ce);
        /* a detached closing quote goes with the sentence it closes */
        if (m < ce && p[m] == '"' && x->inq && (m + 1 >= ce || seg_ws_at(p, m + 1, ce))) {
            x->inq = 0;
            k = m + 1;
            closed = qclosed = 1;
            m = seg_skip_ws(p, k, ce);
        }
        seg_next_word(p, m, ce, &nx);
        if (nx.cls == SEG_N_END)
            bound = 1;
        else if (kind == SEG_K_CJK)
            bound = 1;
        else if (kind == SEG_K_ELLIPSIS && !closed)
            bound = seg_next_is_starter(p, &nx);
        else if (detached && t0 > *s)
            bound = 1; /* tokenised: "said . the" */
        else if (kind == SEG_K_PERIOD && !qclosed) {
            size_t wb = t0;
            while (wb > *s && t0 - wb < SEG_LOOKBACK && !seg_ws_before(p, *s, wb))
                wb--;
            if (t0 - wb >= SEG_LOOKBACK)
                bound = seg_starts_sentence(&nx);
            else
                bound = seg_period_decides(p, *s, wb, t0, &nx);
        } else
            bound = seg_starts_sentence(&nx);
        if (!bound)
            return k;
    }
    if (seg_emit(x, *s, k, 0) != 0) {
        *err = 1;
        return ce;
    }
    *s = m;
    return m;
}

/* Splits the paragraph p[cs..ce) (trimmed) into sentences. */
static int seg_paragraph(seg_ctx *x, size_t cs, size_t ce) {
    static const unsigned char interest[256] = {
        ['.'] = 1, ['!'] = 1, ['?'] = 1, ['"'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1};
    const unsigned char *p = x->p;
    size_t s = cs, i = cs;
    int err = 0;
    uint32_t last_flags = 0;
    x->para_fresh = 1;
    x->inq = 0;
    while (i < ce && !err) {
        size_t lim = s + SEG_SOFT_MAX < ce ? s + SEG_SOFT_MAX : ce;
        while (i < lim && !interest[p[i]])
            i++;
        if (i >= ce)
            break;
        if (i >= s + SEG_SOFT_MAX) {
            /* length cap: cut at the next whitespace, or hard at a
             * character boundary */
            size_t hard = s + SEG_HARD_MAX < ce ? s + SEG_HARD_MAX : ce, j = i;
            while (j < hard && !seg_ws_at(p, j, ce)) {
                if (p[j] == '"')
                    seg_quote(x, cs, ce, j);
                j++;
            }
            if (j >= ce)
                break;
            if (j >= hard)
                while (j > s + 1 && (p[j] & 0xC0) == 0x80)
                    j--;
            if (seg_emit(x, s, j, SEG_FORCED) != 0)
                return -1;
            s = seg_skip_ws(p, j, ce);
            i = s;
            last_flags = SEG_FORCED;
            continue;
        }
        unsigned char c = p[i];
        int cjk;
        if (c == '"') {
            seg_quote(x, cs, ce, i);
            i++;
        } else if (seg_term_at(p, i, ce, &cjk)) {
            size_t before = x->n;
            i = seg_terminator(x, &s, cs, ce, i, &err);
            if (x->n != before)
                last_flags = 0;
        } else {
            i += c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        }
    }
    if (err)
        return -1;
    if (s < ce) {
        uint32_t f = seg_ends_terminal(p, cs, ce) ? 0 : SEG_HEADLINE;
        if (seg_emit(x, s, ce, f) != 0)
            return -1;
    } else if (x->n && !seg_ends_terminal(p, cs, ce) && !(last_flags & SEG_FORCED) &&
               !x->para_fresh) {
        x->v[x->n - 1].flags |= SEG_HEADLINE;
    }
    if (!x->para_fresh)
        x->para++;
    return 0;
}

/* ---- lines and blocks */

static void seg_line_read(const unsigned char *p, size_t len, size_t b, seg_line *ln) {
    const unsigned char *q = b < len ? memchr(p + b, '\n', len - b) : NULL;
    size_t nl = q ? (size_t)(q - p) : len, cb = seg_skip_ws(p, b, nl), ce = nl;
    while (ce > cb) {
        size_t l = seg_ws_before(p, cb, ce);
        if (!l)
            break;
        ce -= l;
    }
    ln->b = b;
    ln->nl = nl;
    ln->cb = cb;
    ln->ce = ce;
    ln->w = SEG_NOWRAP;
    if (ce - b <= 4 * SEG_WRAP_MAX) {
        uint32_t w = 0;
        for (size_t i = b; i < ce; i++)
            w += (p[i] & 0xC0) != 0x80;
        ln->w = w;
    }
    uint32_t fw = 0;
    for (size_t i = cb; i < ce && fw < 64 && !seg_ws_at(p, i, ce); i++)
        fw += (p[i] & 0xC0) != 0x80;
    ln->fw = fw;
}

static int seg_line_blank(const seg_line *ln) {
    return ln->cb >= ln->ce;
}

/* A line that was filled up to the width w before wrapping: the next
 * word would not have fitted, give or take a tenth of the width (wrappers
 * are not all greedy, and some count trailing spaces or tabs). */
static int seg_filled(const seg_line *a, const seg_line *b, uint32_t w) {
    return a->w != SEG_NOWRAP && a->w + 1 + b->fw + w / 10 > w;
}

/* 1 if a line starts with a bullet or a list number. */
static int seg_bullet(const unsigned char *p, const seg_line *ln) {
    size_t i = ln->cb, e = ln->ce;
    if (i + 1 < e && (p[i] == '*' || p[i] == '-' || p[i] == '+') && p[i + 1] == ' ')
        return 1;
    if (i + 2 < e && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xA2) /* • */
        return 1;
    if (i + 1 < e && p[i] == 0xC2 && p[i + 1] == 0xB7) /* · */
        return 1;
    if (i + 2 < e && p[i] == 0xE2 && p[i + 1] == 0x96 && (p[i + 2] == 0xAA || p[i + 2] == 0xA0))
        return 1; /* ▪ ■ */
    size_t d = i;
    while (d < e && d - i < 3 && seg_is_digit(p[d]))
        d++;
    if (d == i && i < e && seg_is_alpha(p[i]) && i + 1 < e && p[i + 1] == ')')
        d = i + 1;
    return d > i && d + 1 < e && (p[d] == '.' || p[d] == ')') && p[d + 1] == ' ';
}

/* Title Case: at least two words of four or more letters, all capitalised,
 * and no wire-service slug marks ("(NYT20) NEW YORK -- Oct. 28 --"). */
static int seg_title_case(const unsigned char *p, const seg_line *ln) {
    size_t i = ln->cb, caps = 0;
    for (size_t k = ln->cb; k < ln->ce; k++)
        if (p[k] == '(' || (p[k] == '-' && k + 1 < ln->ce && p[k + 1] == '-'))
            return 0;
    while (i < ln->ce) {
        while (i < ln->ce && !seg_is_alpha(p[i]))
            i++;
        size_t b = i;
        while (i < ln->ce && (seg_is_alpha(p[i]) || p[i] == '\'' || p[i] >= 0x80))
            i++;
        if (i - b >= 4) {
            if (!seg_is_upper(p[b]))
                return 0;
            caps++;
        }
    }
    return caps >= 2;
}

/* 1 if line a ends so that its sentence must go on: , ; - – — & / ( [ “ ‘,
 * ':' before a quotation, or a word that cannot end a sentence. */
static int seg_line_continues(const unsigned char *p, const seg_line *a, const seg_next *nb) {
    unsigned char c = p[a->ce - 1];
    if (c == ',' || c == ';' || c == '-' || c == '&' || c == '/' || c == '(' || c == '[')
        return 1;
    if (c == ':')
        return nb->opened;
    if (a->ce - a->cb >= 3) {
        const unsigned char *t = p + a->ce - 3;
        if (t[0] == 0xE2 && t[1] == 0x80 &&
            (t[2] == 0x93 || t[2] == 0x94 || t[2] == 0x9C || t[2] == 0x98))
            return 1; /* – — “ ‘ */
    }
    size_t e = a->ce, wb = e;
    while (wb > a->cb && seg_is_alpha(p[wb - 1]))
        wb--;
    return (wb == a->cb || p[wb - 1] < 0x80) &&
           seg_in_table(seg_nonfinal, SEG_COUNT(seg_nonfinal), p + wb, e - wb);
}

/* Whether the newline between lines a and b is soft (a space). */
static int seg_soft(const unsigned char *p, const seg_line *a, const seg_line *b, uint32_t w,
                    int first) {
    if (seg_bullet(p, b))
        return 0;
    seg_next nx;
    seg_next_word(p, b->cb, b->ce, &nx);
    if (seg_line_continues(p, a, &nx))
        return 1;
    int term = seg_ends_terminal(p, a->cb, a->ce);
    if (term && b->cb - b->b > a->cb - a->b)
        return 0; /* an indented line after a full stop opens a paragraph */
    if (w && seg_filled(a, b, w))
        return !(first && !term && nx.cls == SEG_N_UPPER && seg_title_case(p, a));
    if (term)
        return 0;
    return nx.cls == SEG_N_LOWER && !nx.opened;
}

/* Line i of the current block into *out: from the cache when it holds it,
 * else read on after line i - 1 ('prev'). */
static void seg_block_line(const seg_ctx *x, size_t i, const seg_line *prev, seg_line *out) {
    if (i < x->n_cached)
        *out = x->cache[i];
    else
        seg_line_read(x->p, x->len, prev->nl + 1, out);
}

/* Decides whether the current block of n >= 3 lines is hard-wrapped at
 * width w: two thirds of its non-final lines are filled or end a sentence,
 * and a line narrower than w or two lines are filled (the widest line
 * passes the test by itself and proves nothing). */
static int seg_block_wrapped(const seg_ctx *x, size_t n, uint32_t w) {
    seg_line a, c;
    size_t good = 0, filled = 0, narrow = 0;
    a = x->cache[0];
    for (size_t i = 0; i + 1 < n; i++) {
        seg_block_line(x, i + 1, &a, &c);
        if (seg_filled(&a, &c, w)) {
            filled++;
            narrow += a.w < w;
            good++;
        } else if (seg_ends_terminal(x->p, a.cb, a.ce)) {
            good++;
        }
        a = c;
    }
    return (narrow > 0 || filled > 1) && good * 3 >= (n - 1) * 2;
}

/* Counts the lines of the block whose first (non-blank) line is 'first',
 * caching the first SEG_CACHE of them, and finds its widest line; returns
 * the offset just past the block. */
static size_t seg_block_scan(seg_ctx *x, const seg_line *first, size_t *n, uint32_t *w) {
    seg_line ln = *first;
    *n = 0;
    *w = 0;
    x->n_cached = 0;
    for (;;) {
        if (x->n_cached < SEG_CACHE)
            x->cache[x->n_cached++] = ln;
        (*n)++;
        if (ln.w > *w)
            *w = ln.w;
        if (ln.nl >= x->len)
            return x->len;
        seg_line_read(x->p, x->len, ln.nl + 1, &ln);
        if (seg_line_blank(&ln))
            return ln.b;
    }
}

/* The document's wrap width, from the lines that evidently were wrapped
 * (the next line of the block starts in lower case, or the line ends with
 * a comma or a word that cannot end a sentence): the upper quartile of
 * their widths, when such lines of 40..110 code points agree
 * (interquartile range at most 12) and there are at least three of them,
 * or at least one in a document with no line wider than 110; else 0. */
static int seg_doc_width(seg_ctx *x) {
    if (x->doc_width >= 0)
        return x->doc_width;
    size_t hist[SEG_WRAP_MAX + 1] = {0}, total = 0, pos = 0;
    seg_line a, c;
    int have = 0, all_short = 1;
    while (pos < x->len) {
        seg_line_read(x->p, x->len, pos, &c);
        pos = c.nl + 1;
        if (c.w > SEG_WRAP_MAX)
            all_short = 0;
        if (seg_line_blank(&c)) {
            have = 0;
            continue;
        }
        if (have && a.w >= SEG_WRAP_MIN && a.w <= SEG_WRAP_MAX) {
            seg_next nx;
            seg_next_word(x->p, c.cb, c.ce, &nx);
            if ((nx.cls == SEG_N_LOWER && !nx.opened && !seg_ends_terminal(x->p, a.cb, a.ce)) ||
                seg_line_continues(x->p, &a, &nx)) {
                hist[a.w]++;
                total++;
            }
        }
        a = c;
        have = 1;
    }
    int width = 0;
    if (total >= 3 || (total >= 1 && all_short)) {
        size_t acc = 0;
        int q1 = -1, q3 = -1;
        for (int w = 0; w <= SEG_WRAP_MAX; w++) {
            acc += hist[w];
            if (q1 < 0 && acc * 4 >= total)
                q1 = w;
            if (q3 < 0 && acc * 4 >= total * 3)
                q3 = w;
        }
        if (q3 - q1 <= 12)
            width = q3;
    }
    x->doc_width = width;
    return width;
}

/* Splits the current block of n lines (scanned by seg_block_scan). */
static int seg_block(seg_ctx *x, size_t n, uint32_t wmax) {
    const unsigned char *p = x->p;
    uint32_t w = 0;
    seg_line a, c;
    if (n >= 2 && wmax <= SEG_WRAP_MAX) {
        int dw = seg_doc_width(x);
        /* two lines alone do not show a width: only the document's does */
        if (n >= 3 || dw > 0)
            w = (uint32_t)dw > wmax ? (uint32_t)dw : wmax;
        if (w < SEG_WRAP_MIN || (n >= 3 && !seg_block_wrapped(x, n, w)))
            w = 0;
        if (n == 2 && w && !seg_filled(&x->cache[0], &x->cache[1], w))
            w = 0;
    }
    a = x->cache[0];
    size_t cs = a.cb;
    for (size_t i = 0; i + 1 < n; i++) {
        seg_block_line(x, i + 1, &a, &c);
        if (!seg_soft(p, &a, &c, w, i == 0)) {
            if (seg_paragraph(x, cs, a.ce) != 0)
                return -1;
            cs = c.cb;
        }
        a = c;
    }
    return seg_paragraph(x, cs, a.ce);
}

int seg_split(const char *text, size_t len, ch_span **out, size_t *n) {
    seg_ctx *x = calloc(1, sizeof *x);
    *out = NULL;
    *n = 0;
    if (!x)
        return -1;
    x->p = (const unsigned char *)text;
    x->len = len;
    x->doc_width = -1;
    size_t pos = 0;
    seg_line ln;
    while (pos < len) {
        seg_line_read(x->p, len, pos, &ln);
        if (seg_line_blank(&ln)) {
            pos = ln.nl + 1;
            continue;
        }
        size_t nlines;
        uint32_t wmax;
        size_t next = seg_block_scan(x, &ln, &nlines, &wmax);
        if (seg_block(x, nlines, wmax) != 0) {
            free(x->v);
            free(x);
            return -1;
        }
        pos = next;
    }
    *out = x->v;
    *n = x->n;
    free(x);
    return 0;
}
