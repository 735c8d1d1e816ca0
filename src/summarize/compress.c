/*
 * compress.c - light sentence compression by deletion only: every rule
 * removes a span whose absence leaves the sentence grammatical, so the
 * result is the source text with pieces left out (never rewritten, apart
 * from upper-casing a new first letter).
 *
 * Rules (bits of the 'rules' argument):
 *
 *  CMP_DATELINE   the dateline that opens a report: up to CMP_DATELINE_WORDS
 *                 words before a separator "--", an em or en dash, " - " or
 *                 " _ ", when they look like a place or an agency: a
 *                 parenthesised agency "(AP)", every word capitalised
 *                 ("PINE RIDGE, S.D."), a place and its region split by a
 *                 comma ("Dover, fla."), or a single word ("Tampa"). An
 *                 opening "(CNN)" without a separator goes as well.
 *                 Only the first sentence of a report is looked at.
 *  CMP_CONNECTIVE a connective that ties the sentence to the one before it
 *                 in its report ("But", "And", "Yet", "However,",
 *                 "Meanwhile,", ...).
 *  CMP_PAREN      parenthetical asides of at most CMP_PAREN_WORDS words
 *                 inside the sentence: tickers, party labels, glosses
 *                 ("Kellogg Co (K.N)", "(R-Texas)").
 *  CMP_ATTRIB     a trailing attribution with a pronoun after a quotation:
 *                 '"...," he said Tuesday.' keeps '"...".' - the speaker is
 *                 named elsewhere, and the quote stands on its own.
 *  CMP_SPACING    spaces that tokenised text puts where typography has
 *                 none: before closing punctuation ("said , and" -> "said,
 *                 and"; also . ; : ! ? % ) ]), after an opening bracket or a
 *                 currency sign ("( ap )", "$ 10"), before a clitic ("it
 *                 's", "do n't"), and inside double quotation marks
 *                 ('" we won , " he said' -> '"we won," he said'). Quotation
 *                 marks are paired by order, so only a sentence with an even
 *                 number of them is touched; an ellipsis keeps its space.
 *                 The words are the same; only detached punctuation stops
 *                 counting as a word of the budget.
 *
 * A rule that would leave fewer than CMP_MIN_WORDS words is not applied.
 * Bytes are handled as UTF-8: cuts fall on character boundaries because
 * they start and end at ASCII bytes or at whole dashes.
 */
#include "summarize/compress.h"

#include <string.h>

#define CMP_DATELINE_WORDS 8
#define CMP_DATELINE_BYTES 80
#define CMP_PAREN_WORDS 5

static int cmp_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}
static int cmp_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
static int cmp_lower(char c) {
    return c >= 'a' && c <= 'z';
}

/* Whitespace-separated words of t[0..n). */
static size_t cmp_words(const char *t, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!cmp_space(t[i]) && (i == 0 || cmp_space(t[i - 1])))
            w++;
    return w;
}

/* Words left in the sentence if 'cut' were added to r. */
static size_t cmp_words_left(const char *t, size_t n, const cmp_result *r, size_t off, size_t len) {
    size_t total = cmp_words(t, n);
    size_t gone = cmp_words(t + off, len);
    for (size_t k = 0; k < r->n_cut; k++)
        gone += cmp_words(t + r->cut[k].off, r->cut[k].len);
    return total > gone ? total - gone : 0;
}

/* Adds a cut, keeping the list ascending; 0, or -1 when it overlaps one
 * already there, is full, or would leave too little. */
static int cmp_add(const char *t, size_t n, cmp_result *r, size_t off, size_t len) {
    if (len == 0 || r->n_cut == CMP_MAX_CUTS || cmp_words_left(t, n, r, off, len) < CMP_MIN_WORDS)
        return -1;
    size_t k = r->n_cut;
    while (k > 0 && r->cut[k - 1].off > off)
        k--;
    if (k > 0 && r->cut[k - 1].off + r->cut[k - 1].len > off)
        return -1;
    if (k < r->n_cut && off + len > r->cut[k].off)
        return -1;
    memmove(&r->cut[k + 1], &r->cut[k], (r->n_cut - k) * sizeof *r->cut);
    r->cut[k].off = off;
    r->cut[k].len = len;
    r->n_cut++;
    return 0;
}

/* 1 if t[i..e) (one whitespace-delimited token) is closing punctuation
 * that belongs to the word before it. */
static int cmp_closing_token(const char *t, size_t i, size_t e) {
    if (i + 3 <= e && t[i] == '.' && t[i + 1] == '.' && t[i + 2] == '.')
        return 0; /* an ellipsis keeps its space */
    for (size_t k = i; k < e; k++)
        if (!strchr(",.;:!?%)]", t[k]) && t[k] != '"')
            return 0;
    return !(t[i] == '"'); /* a quotation mark is paired separately */
}

/* 1 if t[i..e) starts with a clitic that tokenisers split off a word. */
static int cmp_clitic(const char *t, size_t i, size_t e) {
    static const char *const cl[] = {"'s", "'re", "'ll", "'ve", "'d", "'m", "n't"};
    for (size_t k = 0; k < sizeof cl / sizeof *cl; k++) {
        size_t l = strlen(cl[k]);
        if (i + l <= e && strncmp(t + i, cl[k], l) == 0 &&
            (i + l == e ||
             !((t[i + l] >= 'a' && t[i + l] <= 'z') || (t[i + l] >= 'A' && t[i + l] <= 'Z'))))
            return 1;
    }
    return 0;
}

static void cmp_spacing(const char *t, size_t n, cmp_result *r) {
    size_t quotes = 0;
    for (size_t i = 0; i < n; i++)
        quotes += t[i] == '"';
    int pair_quotes = quotes > 0 && quotes % 2 == 0;
    size_t seen = 0; /* quotation marks before position i */
    size_t i = 0;
    while (i < n) {
        if (!cmp_space(t[i])) {
            if (t[i] == '"')
                seen++;
            i++;
            continue;
        }
        size_t s = i;
        while (i < n && cmp_space(t[i]))
            i++;
        if (s == 0 || i >= n)
            continue;
        /* the tokens either side of the run [s, i) */
        size_t pb = s;
        while (pb > 0 && !cmp_space(t[pb - 1]))
            pb--;
        size_t ne = i;
        while (ne < n && !cmp_space(t[ne]))
            ne++;
        int join = 0;
        if (cmp_closing_token(t, i, ne) || cmp_clitic(t, i, ne))
            join = 1;
        else if (s - pb == 1 && (t[pb] == '(' || t[pb] == '[' || t[pb] == '$'))
            join = 1;
        else if (pair_quotes && s - pb == 1 && t[pb] == '"' && seen % 2 == 1)
            join = 1; /* after an opening mark standing alone */
        else if (pair_quotes && t[i] == '"' && seen % 2 == 1 &&
                 (ne == i + 1 || strchr(",.;:!?)", t[i + 1])))
            join = 1; /* before a closing mark */
        if (join)
            (void)cmp_add(t, n, r, s, i - s);
    }
}

/* Length of a dash separator at t[i] ("--", em dash, en dash, " - ",
 * " _ " counted from the dash), 0 if none. */
static size_t cmp_dash(const char *t, size_t n, size_t i) {
    if (i + 1 < n && t[i] == '-' && t[i + 1] == '-')
        return 2;
    if (i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x94 || (unsigned char)t[i + 2] == 0x93))
        return 3;
    if ((t[i] == '-' || t[i] == '_') && i > 0 && cmp_space(t[i - 1]) && i + 1 < n &&
        cmp_space(t[i + 1]))
        return 1;
    return 0;
}

/* Span of an opening parenthesis group "( ... )" at t[i] of at most
 * max_words words, without nesting; its length, or 0. */
static size_t cmp_paren(const char *t, size_t n, size_t i, size_t max_words) {
    if (i >= n || t[i] != '(')
        return 0;
    for (size_t j = i + 1; j < n; j++) {
        if (t[j] == '(' || t[j] == '"')
            return 0;
        if (t[j] == ')') {
            size_t w = cmp_words(t + i + 1, j - i - 1);
            return w >= 1 && w <= max_words ? j - i + 1 : 0;
        }
    }
    return 0;
}

static size_t cmp_skip_space(const char *t, size_t n, size_t i) {
    while (i < n && cmp_space(t[i]))
        i++;
    return i;
}

static void cmp_dateline(const char *t, size_t n, cmp_result *r) {
    /* "(CNN) former anchor ..." */
    size_t p = cmp_paren(t, n, 0, 3);
    if (p) {
        size_t e = cmp_skip_space(t, n, p);
        size_t d = cmp_dash(t, n, e);
        e = cmp_skip_space(t, n, e + d);
        if (cmp_add(t, n, r, 0, e) == 0)
            r->recap = 1;
        return;
    }
    size_t lim = n < CMP_DATELINE_BYTES ? n : CMP_DATELINE_BYTES;
    for (size_t i = 1; i < lim; i++) {
        if (t[i] == '"' || t[i] == '?' || t[i] == '!' || t[i] == ';' || t[i] == ':')
            return;
        size_t d = cmp_dash(t, n, i);
        if (!d)
            continue;
        size_t pe = i;
        while (pe > 0 && cmp_space(t[pe - 1]))
            pe--;
        size_t words = cmp_words(t, pe);
        if (pe == 0 || words > CMP_DATELINE_WORDS)
            return;
        int paren = 0, comma = 0, caps = 1;
        for (size_t k = 0; k < pe; k++) {
            if (t[k] == '(')
                paren = 1;
            if (t[k] == ',')
                comma = 1;
            if ((k == 0 || cmp_space(t[k - 1])) && cmp_lower(t[k]))
                caps = 0;
        }
        if (!(paren || caps || (comma && words <= 4) || words == 1))
            return;
        size_t e = cmp_skip_space(t, n, i + d);
        if (cmp_add(t, n, r, 0, e) == 0)
            r->recap = 1;
        return;
    }
}

static void cmp_connective(const char *t, size_t n, cmp_result *r) {
    static const char *const words[] = {
        "But ",           "And ",          "Yet ",          "However, ",      "Meanwhile, ",
        "Moreover, ",     "Furthermore, ", "In addition, ", "Nevertheless, ", "Besides, ",
        "Also, ",         "Still, ",       "Instead, ",     "Indeed, ",       "Nonetheless, ",
        "Additionally, ", "Likewise, ",    "Similarly, ",   "Then, ",         "So, ",
    };
    /* after a dateline, if one was cut */
    size_t s = r->n_cut && r->cut[0].off == 0 ? r->cut[0].len : 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t len = strlen(words[k]);
        if (n - s <= len || strncmp(t + s, words[k], len) != 0)
            continue;
        size_t e = cmp_skip_space(t, n, s + len);
        if (s == 0) {
            if (cmp_add(t, n, r, 0, e) == 0)
                r->recap = 1;
        } else {
            r->cut[0].len = e; /* the dateline cut grows over it */
            if (cmp_words_left(t, n, r, 0, 0) < CMP_MIN_WORDS)
                r->cut[0].len = s;
        }
        return;
    }
}

static void cmp_parens(const char *t, size_t n, cmp_result *r) {
    for (size_t i = 1; i < n; i++) {
        if (t[i] != '(' || !cmp_space(t[i - 1]))
            continue;
        size_t p = cmp_paren(t, n, i, CMP_PAREN_WORDS);
        if (!p)
            continue;
        /* cut the space before it: "Co (K.N) on" -> "Co on" */
        (void)cmp_add(t, n, r, i - 1, p + 1);
        i += p;
    }
}

/* 1 if t[i..) starts with word w followed by a non-letter. */
static int cmp_word_at(const char *t, size_t n, size_t i, const char *w) {
    size_t k = strlen(w);
    return i + k <= n && strncmp(t + i, w, k) == 0 &&
           (i + k == n || !(cmp_lower(t[i + k]) || cmp_upper(t[i + k])));
}

static void cmp_attrib(const char *t, size_t n, cmp_result *r) {
    /* the sentence ends: ', he said Tuesday.' possibly with a closing quote
     * after the comma: ',"' ',”' ', "' */
    size_t end = n;
    while (end > 0 && cmp_space(t[end - 1]))
        end--;
    if (end < 2 || t[end - 1] != '.')
        return;
    size_t stop = end - 1; /* the final period stays */
    /* find the last comma before it, within 60 bytes */
    size_t c = stop;
    while (c > 0 && stop - c < 60 && t[c - 1] != ',')
        c--;
    if (c == 0 || stop - c >= 60)
        return;
    size_t comma = c - 1;
    /* a quotation before the comma */
    int quoted = 0;
    for (size_t k = 0; k < comma && !quoted; k++)
        quoted =
            t[k] == '"' || ((unsigned char)t[k] == 0xE2 && k + 2 < n &&
                            (unsigned char)t[k + 1] == 0x80 && (unsigned char)t[k + 2] == 0x9C);
    if (!quoted)
        return;
    /* skip the closing quote after the comma */
    size_t q = c;
    q = cmp_skip_space(t, n, q);
    size_t qe = q;
    if (qe < stop && t[qe] == '"')
        qe++;
    else if (qe + 2 < stop && (unsigned char)t[qe] == 0xE2 && (unsigned char)t[qe + 1] == 0x80 &&
             (unsigned char)t[qe + 2] == 0x9D)
        qe += 3;
    if (qe == q) /* no closing quote: not a quotation's tail */
        return;
    size_t w = cmp_skip_space(t, n, qe);
    static const char *const subj[] = {"he", "she", "they", "He", "She", "They"};
    size_t sl = 0;
    for (size_t k = 0; k < sizeof subj / sizeof *subj && !sl; k++)
        if (cmp_word_at(t, stop, w, subj[k]))
            sl = strlen(subj[k]);
    if (!sl)
        return;
    size_t v = cmp_skip_space(t, n, w + sl);
    if (!(cmp_word_at(t, stop, v, "said") || cmp_word_at(t, stop, v, "says") ||
          cmp_word_at(t, stop, v, "added")))
        return;
    if (cmp_words(t + w, stop - w) > 5)
        return;
    /* cut the comma, then everything from after the quote to the period */
    cmp_result keep = *r;
    if (cmp_add(t, n, r, comma, 1) != 0 || cmp_add(t, n, r, qe, stop - qe) != 0)
        *r = keep;
}

void cmp_sentence(const char *text, size_t len, unsigned rules, int opening, cmp_result *r) {
    memset(r, 0, sizeof *r);
    if (!text || len == 0)
        return;
    if ((rules & CMP_DATELINE) && opening)
        cmp_dateline(text, len, r);
    if (rules & CMP_CONNECTIVE)
        cmp_connective(text, len, r);
    if (rules & CMP_PAREN)
        cmp_parens(text, len, r);
    if (rules & CMP_ATTRIB)
        cmp_attrib(text, len, r);
    if (rules & CMP_SPACING)
        cmp_spacing(text, len, r);
}

size_t cmp_apply(const char *text, size_t len, const cmp_result *r, char *out) {
    size_t o = 0, i = 0;
    for (size_t k = 0; k <= r->n_cut; k++) {
        size_t e = k < r->n_cut ? r->cut[k].off : len;
        for (; i < e; i++)
            out[o++] = cmp_space(text[i]) ? ' ' : text[i];
        if (k < r->n_cut)
            i = r->cut[k].off + r->cut[k].len;
    }
    /* trailing space left by a cut */
    while (o > 0 && out[o - 1] == ' ')
        o--;
    if (r->recap && o > 0 && cmp_lower(out[0]))
        out[0] = (char)(out[0] - 'a' + 'A');
    out[o] = '\0';
    return o;
}
