/*
 * aword.c - the analyses' word scanner, stemming helper and offset mapping.
 * See aword.h.
 *
 * The scanner walks code points (utf8proc classifies them): a letter starts
 * a word, an ASCII digit a number, white space separates, anything else is a
 * one-character punctuation token. Inner characters join only where they
 * cannot end a token: "U.S" (short runs around a period, so a missing space
 * as in "Street.Justin" still splits), "Assange’s", "al-Bashir", "AT&T",
 * "20,000", "11:40". A possessive apostrophe after s ("WikiLeaks’ account")
 * stays with its word when a word follows.
 */
#include "analyze/aword.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util/vec.h"

/* Decodes the code point at s[i] (valid UTF-8 assumed, bounded by end);
 * stores its length in *n. A malformed byte decodes as U+FFFD, length 1. */
static uint32_t aword_decode(const char *s, size_t i, size_t end, size_t *n) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t r =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &cp);
    if (r <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)r;
    return (uint32_t)cp;
}

static int aword_is_space_cp(uint32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return 1;
    if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
        cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
        return 1;
    return 0;
}

static int aword_is_letter_cp(uint32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LT ||
           k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO || k == UTF8PROC_CATEGORY_MN ||
           k == UTF8PROC_CATEGORY_MC;
}

static int aword_is_digit_cp(uint32_t cp) {
    return cp >= '0' && cp <= '9';
}

static int aword_is_upper_cp(uint32_t cp) {
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int aword_is_apos_cp(uint32_t cp) {
    return cp == '\'' || cp == 0x2019;
}

/* Letters in the run ending just before byte i of a word that began at
 * 'start' (back to the previous '.' or the start). */
static size_t aword_run_before(const char *s, size_t start, size_t i) {
    size_t k = i, n = 0;
    while (k > start && s[k - 1] != '.') {
        k--;
        if (((unsigned char)s[k] & 0xC0) != 0x80)
            n++;
    }
    return n;
}

/* Letters in the run starting at byte i (up to a non-letter). */
static size_t aword_run_after(const char *s, size_t i, size_t end) {
    size_t n = 0, cl;
    while (i < end) {
        uint32_t cp = aword_decode(s, i, end, &cl);
        if (!aword_is_letter_cp(cp))
            break;
        n++;
        i += cl;
    }
    return n;
}

/* End of the word that starts at i. */
static size_t aword_word_end(const char *s, size_t start, size_t end) {
    size_t i = start, cl, cl2;
    while (i < end) {
        uint32_t cp = aword_decode(s, i, end, &cl);
        if (aword_is_letter_cp(cp) || aword_is_digit_cp(cp)) {
            i += cl;
            continue;
        }
        if (i + cl >= end)
            break;
        uint32_t nx = aword_decode(s, i + cl, end, &cl2);
        if (cp == '-' && (aword_is_letter_cp(nx) || aword_is_digit_cp(nx))) {
            i += cl;
            continue;
        }
        if (aword_is_apos_cp(cp) && aword_is_letter_cp(nx)) {
            i += cl;
            continue;
        }
        if (cp == '&' && aword_is_upper_cp(nx) && i > start &&
            aword_is_upper_cp((unsigned char)s[i - 1])) {
            i += cl;
            continue;
        }
        if (cp == '.' && aword_is_letter_cp(nx) && aword_run_before(s, start, i) <= 2 &&
            aword_run_after(s, i + cl, end) <= 2) {
            i += cl;
            continue;
        }
        break;
    }
    /* possessive apostrophe after a plural: "WikiLeaks’ official" */
    if (i < end && i > start && (s[i - 1] == 's' || s[i - 1] == 'S')) {
        uint32_t cp = aword_decode(s, i, end, &cl);
        if (aword_is_apos_cp(cp)) {
            size_t j = i + cl;
            int saw_space = 0;
            while (j < end) {
                uint32_t nx = aword_decode(s, j, end, &cl2);
                if (!aword_is_space_cp(nx))
                    break;
                saw_space = 1;
                j += cl2;
            }
            if (saw_space && j < end) {
                uint32_t nx = aword_decode(s, j, end, &cl2);
                if (aword_is_letter_cp(nx) && !aword_is_upper_cp(nx))
                    i += cl;
            }
        }
    }
    return i;
}

/* End of the number that starts at i. */
static size_t aword_num_end(const char *s, size_t i, size_t end) {
    while (i < end) {
        unsigned char ch = (unsigned char)s[i];
        if (isdigit(ch)) {
            i++;
            continue;
        }
        if ((ch == ',' || ch == '.' || ch == ':') && i + 1 < end &&
            isdigit((unsigned char)s[i + 1])) {
            i++;
            continue;
        }
        break;
    }
    return i;
}

int aword_scan(const char *text, size_t off, size_t len, ch_aword **out, size_t *n, size_t *cap) {
    size_t i = off, end = off + len, cl;
    int space = 1, newline = 0, start = 1;
    *n = 0;
    while (i < end) {
        uint32_t cp = aword_decode(text, i, end, &cl);
        if (aword_is_space_cp(cp)) {
            space = 1;
            if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
                newline = 1;
                start = 1;
            }
            i += cl;
            continue;
        }
        ch_aword w;
        memset(&w, 0, sizeof w);
        w.off = i;
        if (aword_is_letter_cp(cp)) {
            w.kind = AW_WORD;
            size_t e = aword_word_end(text, i, end);
            w.len = e - i;
            int letters = 0, upper = 0;
            for (size_t k = i; k < e; k += cl) {
                uint32_t c2 = aword_decode(text, k, e, &cl);
                if (aword_is_letter_cp(c2)) {
                    letters++;
                    upper += aword_is_upper_cp(c2);
                }
            }
            if (aword_is_upper_cp(cp))
                w.flags |= AW_CAP;
            if (letters >= 2 && upper == letters)
                w.flags |= AW_UPPER;
        } else if (aword_is_digit_cp(cp)) {
            w.kind = AW_NUM;
            w.len = aword_num_end(text, i, end) - i;
        } else {
            w.kind = AW_PUNCT;
            w.cp = cp;
            w.len = cl;
        }
        if (space)
            w.flags |= AW_SPACE;
        if (newline)
            w.flags |= AW_NEWLINE;
        if (w.kind != AW_PUNCT) {
            if (start)
                w.flags |= AW_START;
            start = 0;
        } else if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '"' || cp == 0x201C ||
                   cp == 0x2018 || cp == '(' || cp == 0x201E || cp == 0xAB || cp == 0xBB) {
            start = 1;
        }
        space = 0;
        newline = 0;
        if (VEC_PUSH(*out, *n, *cap, w) != 0)
            return -1;
        i = w.off + w.len;
    }
    return 0;
}

int aword_is(const char *text, const ch_aword *w, const char *lit) {
    size_t n = strlen(lit);
    if (w->len != n || w->kind == AW_PUNCT)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)text[w->off + k]) != tolower((unsigned char)lit[k]))
            return 0;
    return 1;
}

int aword_in(const char *text, const ch_aword *w, const char *const *list) {
    for (size_t k = 0; list[k]; k++)
        if (aword_is(text, w, list[k]))
            return 1;
    return 0;
}

int aword_punct(const ch_aword *w, uint32_t cp) {
    return w->kind == AW_PUNCT && w->cp == cp;
}

size_t aword_base_len(const char *text, const ch_aword *w) {
    const char *s = text + w->off;
    size_t n = w->len;
    if (n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '\'')
        return n - 2;
    if (n > 4 && (s[n - 1] == 's' || s[n - 1] == 'S') && (unsigned char)s[n - 4] == 0xE2 &&
        (unsigned char)s[n - 3] == 0x80 && (unsigned char)s[n - 2] == 0x99)
        return n - 4;
    if (n > 1 && s[n - 1] == '\'')
        return n - 1;
    if (n > 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        (unsigned char)s[n - 1] == 0x99)
        return n - 3;
    return n;
}

int aword_is_quote(const ch_aword *w) {
    if (w->kind != AW_PUNCT)
        return 0;
    switch (w->cp) {
    case '"':
    case '\'':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2018:
    case 0x2019:
    case 0xAB:
    case 0xBB:
        return 1;
    default:
        return 0;
    }
}

uint32_t aword_stem(ch_lexicon *lx, ch_strmap *vocab, ch_buf *scratch, const char *w, size_t n,
                    int *err) {
    buf_clear(scratch);
    if (lexicon_fold(lx, w, n, scratch) != 0) {
        *err = -1;
        return STRMAP_NONE;
    }
    const char *f = scratch->data ? scratch->data : "";
    size_t fn = scratch->len;
    if (fn > 2 && f[fn - 1] == 's' &&
        (f[fn - 2] == '\'' ||
         (fn > 4 && (unsigned char)f[fn - 2] == 0x99 && (unsigned char)f[fn - 3] == 0x80 &&
          (unsigned char)f[fn - 4] == 0xE2)))
        fn -= f[fn - 2] == '\'' ? 2 : 4;
    else if (fn > 1 && f[fn - 1] == '\'')
        fn--;
    if (fn == 0 || lexicon_is_stop(lx, f, fn))
        return STRMAP_NONE;
    size_t sn;
    const char *stem = lexicon_stem(lx, f, fn, &sn);
    if (!stem) {
        *err = -1;
        return STRMAP_NONE;
    }
    uint32_t id = strmap_intern(vocab, stem, sn, NULL);
    if (id == STRMAP_NONE)
        *err = -1;
    return id;
}

size_t aword_src(const ch_adoc *d, size_t off) {
    if (d->clean_map)
        off = offmap_src(d->clean_map, off);
    if (d->repair_map)
        off = offmap_src(d->repair_map, off);
    return off;
}

size_t aword_src_end(const ch_adoc *d, size_t end) {
    if (!end)
        return aword_src(d, 0);
    return aword_src(d, end - 1) + 1;
}

/* ------------------------------------------------------- corpus */

/* Counts, for every stem, the sentences that contain it and whether it was
 * seen in a lower-case word that does not start a sentence. */
static int aword_corpus_counts(ch_acorpus *k) {
    size_t v = strmap_count(k->vocab);
    k->df = calloc(v ? v : 1, sizeof *k->df);
    k->lower = calloc(v ? v : 1, 1);
    uint32_t *last = calloc(v ? v : 1, sizeof *last);
    if (!k->df || !k->lower || !last) {
        free(last);
        return -1;
    }
    for (size_t g = 0; g < k->n_sents; g++) {
        const char *text = k->docs[k->sent_doc[g]].text;
        for (size_t i = k->sent_first[g]; i < k->sent_first[g + 1]; i++) {
            uint32_t id = k->stem[i];
            if (id == STRMAP_NONE)
                continue;
            if (last[id] != g + 1) {
                last[id] = (uint32_t)(g + 1);
                k->df[id]++;
            }
            const ch_aword *w = &k->w[i];
            if (!(w->flags & (AW_CAP | AW_START)) && text[w->off] >= 'a' && text[w->off] <= 'z')
                k->lower[id] = 1;
        }
    }
    free(last);
    return 0;
}

int aword_corpus_build(ch_acorpus *k, const ch_adoc *docs, size_t n_docs, const char *language) {
    memset(k, 0, sizeof *k);
    k->docs = docs;
    k->n_docs = n_docs;
    k->lx = lexicon_new(language ? language : "english");
    if (!k->lx)
        return -2;
    k->vocab = strmap_new();
    k->doc_first = calloc(n_docs + 1, sizeof *k->doc_first);
    if (!k->vocab || !k->doc_first)
        return -1;
    size_t total = 0;
    for (size_t d = 0; d < n_docs; d++)
        total += docs[d].n_sents;
    k->sent_first = calloc(total + 1, sizeof *k->sent_first);
    k->sent_doc = calloc(total ? total : 1, sizeof *k->sent_doc);
    if (!k->sent_first || !k->sent_doc)
        return -1;
    ch_aword *tmp = NULL;
    size_t nt = 0, tcap = 0;
    int err = 0;
    size_t g = 0;
    for (size_t d = 0; d < n_docs && !err; d++) {
        k->doc_first[d] = g;
        for (size_t s = 0; s < docs[d].n_sents && !err; s++, g++) {
            const ch_aspan *sp = &docs[d].sents[s];
            k->sent_first[g] = k->n_w;
            k->sent_doc[g] = (uint32_t)d;
            if (sp->off > docs[d].text_len || sp->len > docs[d].text_len - sp->off)
                continue; /* a span outside the text: nothing to read */
            if (aword_scan(docs[d].text, sp->off, sp->len, &tmp, &nt, &tcap) != 0 ||
                VEC_RESERVE(k->w, k->w_cap, k->n_w + nt) != 0 ||
                VEC_RESERVE(k->stem, k->stem_cap, k->n_w + nt) != 0) {
                err = -1;
                break;
            }
            for (size_t i = 0; i < nt && !err; i++) {
                uint32_t id = STRMAP_NONE;
                if (tmp[i].kind == AW_WORD)
                    id = aword_stem(k->lx, k->vocab, &k->scratch, docs[d].text + tmp[i].off,
                                    tmp[i].len, &err);
                k->w[k->n_w] = tmp[i];
                k->stem[k->n_w] = id;
                k->n_w++;
            }
        }
    }
    free(tmp);
    if (err)
        return -1;
    k->doc_first[n_docs] = g;
    k->n_sents = g;
    k->sent_first[g] = k->n_w;
    return aword_corpus_counts(k);
}

void aword_corpus_free(ch_acorpus *k) {
    if (!k)
        return;
    free(k->w);
    free(k->stem);
    free(k->sent_first);
    free(k->sent_doc);
    free(k->doc_first);
    free(k->df);
    free(k->lower);
    strmap_free(k->vocab);
    lexicon_free(k->lx);
    buf_free(&k->scratch);
    memset(k, 0, sizeof *k);
}

double aword_idf(const ch_acorpus *k, uint32_t stem) {
    if (stem == STRMAP_NONE || !k->df || stem >= strmap_count(k->vocab) || k->df[stem] == 0)
        return 0.0;
    return log(1.0 + (double)k->n_sents / (double)k->df[stem]);
}
