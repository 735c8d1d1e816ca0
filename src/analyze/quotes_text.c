/*
 * quotes_text.c - the token stream that quotation finding and attribution
 * walk: words, numbers, punctuation and candidate quotation marks, each
 * with the flags those stages need (capitalisation, paragraph start).
 *
 * Words keep inner apostrophes of any shape (Assange’s, Assange‘s, don't),
 * inner hyphens, the dots of initials (U.S., J.D.) and the final period of
 * a capitalised abbreviation (Sen., St.) or an initial (F.), so that a
 * period left as its own token ends a sentence.
 *
 * Older wire copy writes ``double'' quotations with two backticks and two
 * apostrophes, and `single' ones with a backtick: those pairs are marks
 * too (a backtick opens; '' acts as ").
 *
 * A quotation mark's role is read from its neighbours, the way a reader
 * does: a mark with a space or an opening bracket before it and a
 * non-space after it can open; one with a non-space before it and a space
 * or punctuation after it can close. Typographic marks may also do what
 * their shape says (“ opens, ” closes), but a single ’ closes only where it
 * is not an apostrophe: between two letters it is part of the word, after a
 * letter and before a space it is a candidate that pairing alone decides.
 *
 * A paragraph starts after a blank line, or after a line break unless the
 * break merely wraps a sentence (the line ends without sentence punctuation
 * and the next begins in lower case).
 */
#include "analyze/quotes.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/vec.h"

/* Decodes the code point at s[i]; *adv gets its length (1 for an invalid
 * byte, which decodes as U+FFFD). */
static int32_t quotes_cp(const char *s, size_t len, size_t i, size_t *adv) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t r =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (r < 1) {
        *adv = 1;
        return 0xFFFD;
    }
    *adv = (size_t)r;
    return cp;
}

/* The code point ending just before s[i], or -1 at the start. */
static int32_t quotes_cp_before(const char *s, size_t i) {
    if (i == 0)
        return -1;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    size_t adv;
    return quotes_cp(s, i, j, &adv);
}

static int quotes_is_letter(int32_t cp) {
    if (cp < 0)
        return 0;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
           c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}

static int quotes_is_digit(int32_t cp) {
    if (cp < 0)
        return 0;
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static int quotes_is_markcp(int32_t cp) {
    if (cp < 0x80)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

static int quotes_is_alnum(int32_t cp) {
    return quotes_is_letter(cp) || quotes_is_digit(cp);
}

static int quotes_is_space(int32_t cp) {
    if (cp < 0)
        return 1; /* start or end of text counts as space */
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return 1;
    if (cp < 0x80)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static int quotes_is_upper(int32_t cp) {
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int quotes_is_lowercp(int32_t cp) {
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int quotes_is_apos(int32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018;
}

static int quotes_is_hyphen(int32_t cp) {
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Characters after which an opening mark may stand with no space. */
static int quotes_is_open_punct(int32_t cp) {
    return cp == '(' || cp == '[' || cp == '{' || cp == 0x2014 || cp == 0x2013 || cp == '-' ||
           cp == '/' || cp == 0x201C || cp == 0x2018 || cp == '"' || cp == '\'' || cp == 0x201E ||
           cp == 0xAB || cp == ':' || cp == 0x2026;
}

/* Characters before which a closing mark may stand with no space. */
static int quotes_is_close_punct(int32_t cp) {
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == ')' || cp == ']' || cp == '}' || cp == 0x2014 || cp == 0x2013 || cp == '-' ||
           cp == 0x2026 || cp == 0x201D || cp == 0x2019 || cp == '"' || cp == '\'' || cp == 0xBB;
}

/* QMARK_* flags for the quotation mark 'cp' between 'prev' and 'next', or 0
 * when it cannot act as a quotation mark there. */
static unsigned quotes_mark_role(int32_t cp, int32_t prev, int32_t next) {
    int prev_sp = quotes_is_space(prev), next_sp = quotes_is_space(next);
    int left = !next_sp && (prev_sp || quotes_is_open_punct(prev));
    int right = !prev_sp && (next_sp || quotes_is_close_punct(next));
    unsigned r = 0;
    switch (cp) {
    case '"':
        r = QMARK_DOUBLE;
        if (left && !right)
            r |= QMARK_OPEN;
        else if (right && !left)
            r |= QMARK_CLOSE;
        else
            r |= QMARK_OPEN | QMARK_CLOSE;
        break;
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0xAB:   /* « */
        r = QMARK_DOUBLE | QMARK_OPEN;
        if (right && !left)
            r |= QMARK_CLOSE;
        break;
    case 0x201D: /* ” */
    case 0xBB:   /* » */
        r = QMARK_DOUBLE | QMARK_CLOSE;
        if (left && !right)
            r |= QMARK_OPEN;
        break;
    case '\'':
        if (left && !quotes_is_alnum(prev))
            r |= QMARK_OPEN;
        if (right && !quotes_is_alnum(next))
            r |= QMARK_CLOSE;
        if (r)
            r |= QMARK_SINGLE;
        break;
    case 0x2018: /* ‘ */
        if (!quotes_is_alnum(prev) && !next_sp)
            r |= QMARK_OPEN;
        if (right && !left)
            r |= QMARK_CLOSE;
        if (r)
            r |= QMARK_SINGLE;
        break;
    case 0x2019: /* ’ */
        if (!prev_sp && !quotes_is_alnum(next))
            r |= QMARK_CLOSE;
        if (left && !right && !quotes_is_alnum(prev))
            r |= QMARK_OPEN;
        if (r)
            r |= QMARK_SINGLE;
        break;
    default:
        break;
    }
    return r;
}

static int quotes_is_quote_cp(int32_t cp) {
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB ||
           cp == 0xBB || cp == 0x2018 || cp == 0x2019;
}

/* Scans a word or number starting at text[i]; returns its end. */
static size_t quotes_scan_word(const ch_quote_lex *lx, const char *text, size_t len, size_t i,
                               int number) {
    size_t start = i, seg_letters = 0, adv;
    int has_dot = 0;
    while (i < len) {
        int32_t cp = quotes_cp(text, len, i, &adv);
        if (quotes_is_alnum(cp) || quotes_is_markcp(cp)) {
            if (quotes_is_letter(cp))
                seg_letters++;
            i += adv;
            continue;
        }
        if (i + adv >= len)
            break;
        size_t adv2;
        int32_t nx = quotes_cp(text, len, i + adv, &adv2);
        if (!number && quotes_is_apos(cp) && quotes_is_letter(nx)) {
            i += adv;
            continue;
        }
        if (quotes_is_hyphen(cp) && quotes_is_alnum(nx)) {
            i += adv;
            continue;
        }
        if (number && (cp == ',' || cp == '.' || cp == ':') && quotes_is_digit(nx)) {
            i += adv;
            continue;
        }
        if (!number && cp == '.' && quotes_is_letter(nx) && seg_letters == 1) {
            /* U.S, J.D: initials joined by dots */
            has_dot = 1;
            seg_letters = 0;
            i += adv;
            continue;
        }
        break;
    }
    /* a final period that belongs to the word */
    if (!number && i < len && text[i] == '.') {
        size_t a0;
        int32_t first = quotes_cp(text, len, start, &a0);
        int cap = quotes_is_upper(first);
        if ((has_dot && seg_letters == 1) || (cap && seg_letters == 1 && i - start == a0) ||
            (cap && lx && quotes_lex_is_abbrev(lx, text + start, i - start)))
            i++;
    }
    return i;
}

int quotes_tokenize(const ch_quote_lex *lx, const char *text, size_t len, ch_qtok **out,
                    size_t *n) {
    ch_qtok *v = NULL;
    size_t nv = 0, cap = 0, i = 0;
    *out = NULL;
    *n = 0;
    int newlines = 0, parasep = 0;
    while (i < len) {
        size_t adv;
        int32_t cp = quotes_cp(text, len, i, &adv);
        if (quotes_is_space(cp)) {
            if (cp == '\n')
                newlines++;
            if (cp == 0x2029)
                parasep = 1;
            i += adv;
            continue;
        }
        ch_qtok t;
        memset(&t, 0, sizeof t);
        t.off = i;
        if (quotes_is_letter(cp)) {
            t.kind = QTK_WORD;
            t.len = quotes_scan_word(lx, text, len, i, 0) - i;
            t.cap = (uint8_t)quotes_is_upper(cp);
            t.lower = (uint8_t)quotes_is_lowercp(cp);
            size_t letters = 0, uppers = 0, a2;
            for (size_t j = i; j < i + t.len; j += a2) {
                int32_t c2 = quotes_cp(text, len, j, &a2);
                if (quotes_is_letter(c2)) {
                    letters++;
                    uppers += (size_t)quotes_is_upper(c2);
                }
            }
            t.allcap = (uint8_t)(letters >= 2 && letters == uppers);
        } else if (quotes_is_digit(cp)) {
            t.kind = QTK_NUM;
            t.len = quotes_scan_word(lx, text, len, i, 1) - i;
        } else {
            t.len = adv;
            t.kind = QTK_PUNCT;
            /* typewriter conventions of older wire copy: ``open'' and `open' */
            int32_t as_cp = cp;
            if ((cp == '\'' || cp == '`') && i + 1 < len && text[i + 1] == (char)cp) {
                t.len = 2;
                as_cp = cp == '`' ? 0x201C : '"';
            } else if (cp == '`') {
                as_cp = 0x2018;
            }
            if (quotes_is_quote_cp(as_cp)) {
                size_t a3;
                int32_t next = i + t.len < len ? quotes_cp(text, len, i + t.len, &a3) : -1;
                unsigned role = quotes_mark_role(as_cp, quotes_cp_before(text, i), next);
                if (role & (QMARK_OPEN | QMARK_CLOSE)) {
                    t.kind = QTK_MARK;
                    t.mark = (uint8_t)role;
                }
            }
        }
        if (nv == 0 || newlines >= 2 || parasep) {
            t.para = 1;
        } else if (newlines == 1) {
            /* a single line break: a new paragraph unless it wraps a sentence */
            const ch_qtok *p = &v[nv - 1];
            int32_t last = quotes_cp_before(text, p->off + p->len);
            int wraps = (p->kind == QTK_WORD || p->kind == QTK_NUM || last == ',') && t.lower;
            t.para = (uint8_t)!wraps;
        }
        if (VEC_PUSH(v, nv, cap, t) != 0) {
            free(v);
            return -1;
        }
        newlines = 0;
        parasep = 0;
        i += t.len;
    }
    *out = v;
    *n = nv;
    return 0;
}

int quotes_tok_is(const char *text, const ch_qtok *t, const char *w) {
    size_t n = strlen(w);
    if (t->len != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[t->off + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[i])
            return 0;
    }
    return 1;
}

int quotes_fold(const char *s, size_t n, ch_buf *out) {
    size_t i = 0;
    while (i < n) {
        size_t adv;
        int32_t cp = quotes_cp(s, n, i, &adv);
        i += adv;
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x2032)
            cp = '\'';
        else if (cp == 0x201C || cp == 0x201D || cp == 0x201E)
            cp = '"';
        else if (cp == 0x2010 || cp == 0x2011)
            cp = '-';
        else
            cp = utf8proc_tolower(cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(cp, enc);
        if (k <= 0 || buf_append(out, enc, (size_t)k) != 0)
            return -1;
    }
    return 0;
}
