/*
 * token.c - words, numbers and punctuation; folding, stems and stopwords.
 *
 * Tokens. tok_next() reads one token at a time from valid UTF-8 text.
 * Characters are classified by a 128-entry table for ASCII and by utf8proc's
 * general category otherwise (letters L*, marks M*, digits Nd, other numbers
 * Nl/No, spaces Z*, format characters Cf). A token is one of:
 *
 *   TOK_WORD    a letter followed by letters, marks and digits, with inner
 *               joiners kept when a letter or digit follows them:
 *                 apostrophes ' U+2019 U+02BC   Kerry's, Assange’s, don't
 *                 hyphens - U+2010 U+2011         one-day, COVID-19
 *                 periods .                       U.S, example.com
 *                 ampersand & between letters     AT&T, Q&A
 *                 underscore _                    user_name
 *                 at-sign @ (once)                jane.doe@example.org
 *               A dotted abbreviation (every part one or two letters: U.S,
 *               a.m, Ph.D) also takes its final period: "U.S." is one token.
 *               Also words: numbers running into letters (1990s, 20th, 5pm,
 *               2-year-old), URLs (http://, https://, www. up to the next
 *               space, less trailing punctuation), @handles and #hashtags.
 *               A possessive stays inside the word: "Kerry's" and
 *               "Assange’s" are one token each (the curly apostrophe kept as
 *               written; lexicon_fold() turns it into ' and the English
 *               stemmer removes 's). A trailing apostrophe is not part of
 *               the word: "Indians'" is "Indians" then "'".
 *   TOK_NUMBER  digits with inner , . : followed by a digit (4.5, 20,000,
 *               8:30); signs and units are separate: "$4.5%" is $ 4.5 %.
 *   TOK_PUNCT   any other character; a run of the same ASCII mark among
 *               . - ! ? ` ' * = _ ~ # is one token ("...", "--", "``").
 *
 * Whitespace (ASCII, Unicode spaces), control and format characters
 * between tokens are skipped. Scripts written without spaces (Chinese,
 * Japanese) come out as long words: there is no dictionary segmentation.
 *
 * Terms. A ch_lexicon folds a word (NFKC + case folding + removal of
 * default-ignorable characters such as soft hyphens, with utf8proc; U+2018,
 * U+2019, U+02BC become ' and U+2010, U+2011 become -), stems it with
 * libstemmer and tells stopwords. ASCII words (with at most typographic
 * apostrophes) are folded inline without utf8proc or allocation. The
 * stopword set is parsed from the embedded data/stopwords-en.txt into a
 * ch_strmap owned by the lexicon: about 330 insertions, a few microseconds.
 */
#include "text/token.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "util/strmap.h"

extern const unsigned char chorus_data_stopwords_en[];
extern const unsigned long chorus_data_stopwords_en_len;

/* ---- character classes */

enum {
    TC_OTHER = 0, /* punctuation, symbols */
    TC_SPACE,     /* whitespace, controls, format characters */
    TC_LETTER,    /* L*, also Nl/No inside words */
    TC_MARK,      /* M*: continues a word, never starts one */
    TC_DIGIT      /* Nd */
};

/* ASCII classes: 0..31 and 127 are controls, treated as space. */
static const unsigned char tok_ascii_class[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 1};

/* Decodes the code point at s[0..n) (n >= 1); *l gets its byte length.
 * Invalid bytes decode as -1 with length 1. */
static int32_t tok_decode(const unsigned char *s, size_t n, size_t *l) {
    if (s[0] < 0x80) {
        *l = 1;
        return s[0];
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t r = utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp);
    if (r <= 0) {
        *l = 1;
        return -1;
    }
    *l = (size_t)r;
    return cp;
}

static int tok_class(int32_t cp) {
    if (cp < 0)
        return TC_OTHER;
    if (cp < 128)
        return tok_ascii_class[cp];
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return TC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return TC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return TC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        return TC_SPACE;
    default:
        return TC_OTHER;
    }
}

/* Class of the character at text[i] (TC_SPACE past the end), its length. */
static int tok_class_at(const unsigned char *s, size_t len, size_t i, size_t *l) {
    if (i >= len) {
        *l = 0;
        return TC_SPACE;
    }
    if (s[i] < 0x80) {
        *l = 1;
        return tok_ascii_class[s[i]];
    }
    return tok_class(tok_decode(s + i, len - i, l));
}

static int tok_is_wordchar(int c) {
    return c == TC_LETTER || c == TC_MARK || c == TC_DIGIT;
}

/* Byte length of an inner apostrophe or hyphen at s[i] (0 if none). */
static size_t tok_joiner_len(const unsigned char *s, size_t len, size_t i, int *is_hyphen) {
    unsigned char c = s[i];
    *is_hyphen = 0;
    if (c == '\'')
        return 1;
    if (c == '-') {
        *is_hyphen = 1;
        return 1;
    }
    if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80) {
        if (s[i + 2] == 0x99) /* U+2019 */
            return 3;
        if (s[i + 2] == 0x90 || s[i + 2] == 0x91) { /* U+2010, U+2011 */
            *is_hyphen = 1;
            return 3;
        }
    }
    if (c == 0xCA && i + 1 < len && s[i + 1] == 0xBC) /* U+02BC */
        return 2;
    return 0;
}

static int tok_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* 1 if s[b..e) is a dotted abbreviation: parts of 1-2 letters joined by
 * single periods, at least two parts (U.S, a.m, Ph.D). */
static int tok_is_dotted_abbrev(const unsigned char *s, size_t b, size_t e) {
    size_t part = 0, parts = 0;
    for (size_t i = b; i < e; i++) {
        if (s[i] == '.') {
            if (part == 0)
                return 0;
            parts++;
            part = 0;
        } else if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) {
            if (++part > 2)
                return 0;
        } else {
            return 0;
        }
    }
    return part > 0 && parts >= 1;
}

static int tok_prefix_ci(const unsigned char *s, size_t len, size_t i, const char *pre) {
    size_t n = strlen(pre);
    if (len - i < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = s[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)pre[k])
            return 0;
    }
    return 1;
}

/* End of a URL starting at s[i]: up to whitespace or <>", then trailing
 * punctuation dropped (a ')' is kept when the URL holds a '('). */
static size_t tok_url_end(const unsigned char *s, size_t len, size_t i) {
    size_t j = i, open = 0;
    while (j < len && s[j] > ' ' && s[j] != '<' && s[j] != '>' && s[j] != '"' && s[j] != 0x7F) {
        if (s[j] >= 0x80) {
            size_t l;
            if (tok_class(tok_decode(s + j, len - j, &l)) == TC_SPACE)
                break;
            /* stop at typographic quotes U+2018..U+201D */
            if (s[j] == 0xE2 && l == 3 && s[j + 1] == 0x80 && s[j + 2] >= 0x98 && s[j + 2] <= 0x9D)
                break;
            j += l;
            continue;
        }
        if (s[j] == '(')
            open++;
        j++;
    }
    while (j > i + 1) {
        unsigned char c = s[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
            c == ']' || (c == ')' && !open))
            j--;
        else
            break;
    }
    return j;
}

/* Continues a word at s[j]; returns its end. */
static size_t tok_word_end(const unsigned char *s, size_t len, size_t b, size_t j) {
    int has_at = 0, has_dot = 0;
    while (j < len) {
        size_t l;
        int c = tok_class_at(s, len, j, &l);
        if (tok_is_wordchar(c)) {
            j += l;
            continue;
        }
        unsigned char ch = s[j];
        size_t nl;
        int hy;
        size_t jl = tok_joiner_len(s, len, j, &hy);
        if (jl) {
            int nc = tok_class_at(s, len, j + jl, &nl);
            if (nc == TC_LETTER || (hy && nc == TC_DIGIT)) {
                j += jl;
                continue;
            }
            break;
        }
        if (ch == '.' && j + 1 < len && tok_class_at(s, len, j + 1, &nl) == TC_LETTER) {
            has_dot = 1;
            j++;
            continue;
        }
        if ((ch == '&' || ch == '_') && j + 1 < len && tok_ascii_alnum(s[j + 1]) && j > b &&
            tok_ascii_alnum(s[j - 1])) {
            j++;
            continue;
        }
        if (ch == '@' && !has_at && j + 1 < len && tok_ascii_alnum(s[j + 1])) {
            has_at = 1;
            j++;
            continue;
        }
        break;
    }
    /* "U.S." takes its final period unless a word character follows it */
    if (has_dot && !has_at && j < len && s[j] == '.' && tok_is_dotted_abbrev(s, b, j)) {
        size_t nl;
        if (!tok_is_wordchar(tok_class_at(s, len, j + 1, &nl)))
            j++;
    }
    return j;
}

int tok_next(const char *text, size_t len, size_t *pos, ch_token *t) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = *pos, l = 0, nl0;
    int c = TC_SPACE;
    while (i < len) {
        c = tok_class_at(s, len, i, &l);
        if (c != TC_SPACE && c != TC_MARK)
            break;
        i += l;
    }
    if (i >= len) {
        *pos = len;
        return 0;
    }
    size_t b = i, e;
    ch_tok_kind kind = TOK_WORD;
    unsigned char ch = s[i];
    if (c == TC_LETTER) {
        if ((ch == 'h' || ch == 'H') &&
            (tok_prefix_ci(s, len, i, "http://") || tok_prefix_ci(s, len, i, "https://")))
            e = tok_url_end(s, len, i);
        else if ((ch == 'w' || ch == 'W') && tok_prefix_ci(s, len, i, "www.") && i + 4 < len &&
                 tok_ascii_alnum(s[i + 4]))
            e = tok_url_end(s, len, i);
        else
            e = tok_word_end(s, len, b, i + l);
    } else if (c == TC_DIGIT) {
        kind = TOK_NUMBER;
        size_t j = i + l;
        for (;;) {
            size_t nl;
            int nc = tok_class_at(s, len, j, &nl);
            if (nc == TC_DIGIT) {
                j += nl;
            } else if (j + 1 < len && (s[j] == ',' || s[j] == '.' || s[j] == ':') &&
                       s[j + 1] >= '0' && s[j + 1] <= '9') {
                j++;
            } else {
                break;
            }
        }
        size_t nl;
        int nc = tok_class_at(s, len, j, &nl);
        int after_hyphen =
            j + 1 < len && s[j] == '-' && tok_class_at(s, len, j + 1, &nl) == TC_LETTER;
        if (nc == TC_LETTER || nc == TC_MARK || after_hyphen) {
            kind = TOK_WORD; /* 1990s, 20th, 2-year-old */
            e = tok_word_end(s, len, b, j);
        } else {
            e = j;
        }
    } else if ((ch == '@' || ch == '#') && i + 1 < len &&
               (s[i + 1] == '_' || tok_is_wordchar(tok_class_at(s, len, i + 1, &nl0)))) {
        size_t j = i + 1;
        while (j < len) {
            size_t nl;
            if (s[j] == '_' || tok_is_wordchar(tok_class_at(s, len, j, &nl)))
                j += s[j] == '_' ? 1 : nl;
            else
                break;
        }
        e = j;
    } else {
        kind = TOK_PUNCT;
        e = i + l;
        if (ch < 0x80 && strchr(".-!?`'*=_~#", ch) != NULL)
            while (e < len && s[e] == ch)
                e++;
    }
    t->off = b;
    t->len = e - b;
    t->kind = kind;
    *pos = e;
    return 1;
}

size_t tok_count_words(const char *text, size_t len) {
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        int sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* ---- lexicon */

struct ch_lexicon {
    struct sb_stemmer *stemmer;
    ch_strmap *stop; /* NULL: the language has no stopword list */
};

static int lexicon_load_stopwords(ch_strmap *m, const unsigned char *d, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t b = i;
        while (i < n && d[i] != '\n')
            i++;
        size_t e = i;
        i++;
        while (b < e && (d[b] == ' ' || d[b] == '\t'))
            b++;
        while (e > b && (d[e - 1] == ' ' || d[e - 1] == '\t' || d[e - 1] == '\r'))
            e--;
        if (e == b || d[b] == '#')
            continue;
        if (strmap_intern(m, (const char *)d + b, e - b, NULL) == STRMAP_NONE)
            return -1;
    }
    return 0;
}

ch_lexicon *lexicon_new(const char *language) {
    if (!language)
        return NULL;
    ch_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->stemmer = sb_stemmer_new(language, "UTF_8");
    if (!lx->stemmer) {
        free(lx);
        return NULL;
    }
    if (strcmp(language, "english") == 0 || strcmp(language, "en") == 0 ||
        strcmp(language, "eng") == 0 || strcmp(language, "porter") == 0) {
        lx->stop = strmap_new();
        if (!lx->stop || lexicon_load_stopwords(lx->stop, chorus_data_stopwords_en,
                                                (size_t)chorus_data_stopwords_en_len) != 0) {
            lexicon_free(lx);
            return NULL;
        }
    }
    return lx;
}

/* Appends the code point cp as UTF-8 with the apostrophe/hyphen unification. */
static int lexicon_put_cp(ch_buf *out, int32_t cp) {
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC)
        cp = '\'';
    else if (cp == 0x2010 || cp == 0x2011)
        cp = '-';
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);
    return buf_append(out, tmp, (size_t)k);
}

int lexicon_fold(ch_lexicon *lx, const char *w, size_t n, ch_buf *out) {
    (void)lx;
    const unsigned char *s = (const unsigned char *)w;
    size_t i;
    /* fast path: ASCII with typographic single quotes */
    for (i = 0; i < n; i++) {
        if (s[i] < 0x80)
            continue;
        if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
            (s[i + 2] == 0x98 || s[i + 2] == 0x99)) {
            i += 2;
            continue;
        }
        break;
    }
    if (i >= n) {
        if (buf_reserve(out, n) != 0)
            return -1;
        char *d = out->data + out->len;
        size_t k = 0;
        for (i = 0; i < n; i++) {
            unsigned char c = s[i];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            else if (c == 0xE2) {
                c = '\'';
                i += 2;
            }
            d[k++] = (char)c;
        }
        out->len += k;
        out->data[out->len] = '\0';
        return 0;
    }
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t r =
        utf8proc_map(s, (utf8proc_ssize_t)n, &dst,
                     (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                         UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
    if (r == UTF8PROC_ERROR_NOMEM)
        return -1;
    size_t start = out->len;
    if (r < 0) {
        /* not valid UTF-8: lower-case ASCII, copy the rest */
        for (i = 0; i < n; i++) {
            unsigned char c = s[i];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            if (buf_putc(out, (char)c) != 0)
                return -1;
        }
        return 0;
    }
    for (utf8proc_ssize_t k = 0; k < r;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate(dst + k, r - k, &cp);
        if (l <= 0)
            break;
        if (lexicon_put_cp(out, cp) != 0) {
            out->len = start;
            if (out->data)
                out->data[start] = '\0';
            free(dst);
            return -1;
        }
        k += l;
    }
    free(dst);
    if (out->data == NULL && buf_append(out, "", 0) != 0)
        return -1;
    return 0;
}

int lexicon_is_stop(const ch_lexicon *lx, const char *f, size_t n) {
    return lx && lx->stop && strmap_get(lx->stop, f, n) != STRMAP_NONE;
}

const char *lexicon_stem(ch_lexicon *lx, const char *f, size_t n, size_t *stem_len) {
    int size = n > INT_MAX ? INT_MAX : (int)n;
    const sb_symbol *r = sb_stemmer_stem(lx->stemmer, (const sb_symbol *)f, size);
    if (!r)
        return NULL;
    *stem_len = (size_t)sb_stemmer_length(lx->stemmer);
    return (const char *)r;
}

void lexicon_free(ch_lexicon *lx) {
    if (!lx)
        return;
    if (lx->stemmer)
        sb_stemmer_delete(lx->stemmer);
    strmap_free(lx->stop);
    free(lx);
}
