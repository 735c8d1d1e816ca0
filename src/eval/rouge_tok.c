/*
 * rouge_tok.c - reading a summary the way ROUGE-1.5.5 reads it.
 *
 * ROUGE-1.5.5 reads a file of one sentence per line and, for every metric,
 * turns it into words by these rules, which this module follows step by
 * step:
 *  1. Lines are split at "\n" (a "\r" stays in the line); empty lines are
 *     skipped; ASCII letters are lower-cased.
 *  2. Truncation of the text (peer and references alike):
 *     -l N  words are counted per line as Perl's split(/\s+/) counts
 *           fields (a line starting with white space has an extra empty
 *           first field). Lines are kept while the running count stays
 *           below N; the line that reaches N is cut to the fields that fill
 *           N, and reading stops.
 *     -b N  bytes of line content are counted (the spaces that join lines
 *           are not). Lines are kept while the running count stays below
 *           N; the line that reaches N is cut to the remaining bytes.
 *     The sentence view used by ROUGE-L and ROUGE-W applies -l the same
 *     way, but its -b never adds up: every line shorter than N bytes is
 *     kept whole, and the first line of N bytes or more is cut to N bytes
 *     and ends the text. (This is how ROUGE-1.5.5 behaves; the n-gram view
 *     of the same text, which clips ROUGE-L's matches and counts its peer
 *     words, is cut as above.)
 *  3. Words are the maximal runs of ASCII letters and digits: "-" becomes a
 *     word of its own and then never counts (only words starting with
 *     [a-z0-9$] count, and "$" was already a separator), and every other
 *     byte, non-ASCII bytes included, separates words.
 *  4. With -s a word in the stopword list is dropped; with -m a word longer
 *     than 3 bytes becomes its WordNet base form when it has one, else its
 *     Porter stem (rouge_porter.c).
 *
 * Each distinct raw word is looked up once per evaluator: rouge_vocab maps
 * it to the id of its final form (or ROUGE_DROP), and texts come out as
 * arrays of those ids.
 */
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"
#include "util/vec.h"

int rouge_vocab_init(rouge_vocab *v, int stem, int stopwords, const chorus_rouge_lexicon *lex) {
    memset(v, 0, sizeof *v);
    v->stem = stem;
    v->stopwords = stopwords;
    v->lex = lex;
    v->raw = strmap_new();
    v->final = strmap_new();
    if (!v->raw || !v->final) {
        rouge_vocab_free(v);
        return -1;
    }
    return 0;
}

void rouge_vocab_free(rouge_vocab *v) {
    strmap_free(v->raw);
    strmap_free(v->final);
    free(v->raw_to);
    free(v->scratch);
    memset(v, 0, sizeof *v);
}

/* The final id of the lower-case word w[0..n). */
static uint32_t rtok_final_id(rouge_vocab *v, const char *w, size_t n) {
    uint32_t raw = strmap_get(v->raw, w, n);
    if (raw != STRMAP_NONE)
        return v->raw_to[raw];
    /* room for the new raw id first, so the two never disagree */
    if (VEC_RESERVE(v->raw_to, v->raw_cap, (size_t)strmap_count(v->raw) + 1) != 0)
        return ROUGE_NOMEM;
    uint32_t fin = ROUGE_DROP;
    if (!(v->stopwords && rouge_lexicon_is_stopword(v->lex, w, n))) {
        const char *s = w;
        size_t sl = n;
        if (v->stem && n > 3) {
            const char *base = rouge_lexicon_exception(v->lex, w, n, &sl);
            if (base) {
                s = base;
            } else {
                /* w lives in the first half of scratch; the stem goes after */
                char *out = v->scratch + n + 1;
                if (rouge_porter_stem(w, n, out, &sl) != 0)
                    return ROUGE_NOMEM;
                s = out;
            }
        }
        fin = strmap_intern(v->final, s, sl, NULL);
        if (fin == STRMAP_NONE)
            return ROUGE_NOMEM;
    }
    raw = strmap_intern(v->raw, w, n, NULL);
    if (raw == STRMAP_NONE)
        return ROUGE_NOMEM;
    v->raw_to[raw] = fin;
    return fin;
}

/* ASCII letters and digits map to their lower-case form, every other byte
 * to 0 (a separator). */
static const unsigned char rtok_fold[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd',
    ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k',
    ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
    ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
    ['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
    ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm',
    ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
    ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z'};

/* Perl's \s without locale or Unicode rules. */
static int rtok_is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Appends the ids of the words of s[0..n) to *arr. */
static int rtok_segment(rouge_vocab *v, const char *s, size_t n, uint32_t **arr, size_t *len,
                        size_t *cap) {
    if (VEC_RESERVE(*arr, *cap, *len + n / 2 + 1) != 0) /* at most one word per 2 bytes */
        return -1;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (!rtok_fold[u[i]]) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && rtok_fold[u[j]])
            j++;
        size_t wl = j - i;
        if (2 * wl + 2 > v->scratch_cap) { /* the word, then its stem */
            size_t nc = 2 * wl + 2 < 256 ? 256 : 2 * wl + 2;
            char *ns = realloc(v->scratch, nc);
            if (!ns)
                return -1;
            v->scratch = ns;
            v->scratch_cap = nc;
        }
        for (size_t k = 0; k < wl; k++)
            v->scratch[k] = (char)rtok_fold[u[i + k]];
        v->scratch[wl] = '\0';
        i = j;
        uint32_t id = rtok_final_id(v, v->scratch, wl);
        if (id == ROUGE_NOMEM)
            return -1;
        if (id != ROUGE_DROP)
            (*arr)[(*len)++] = id;
    }
    return 0;
}

/* Perl's split(/\s+/) field count of a line, and the end of its first k
 * fields. */
static size_t rtok_fields(const char *s, size_t n) {
    size_t runs = 0;
    for (size_t i = 0; i < n;) {
        if (rtok_is_space((unsigned char)s[i])) {
            i++;
            continue;
        }
        runs++;
        while (i < n && !rtok_is_space((unsigned char)s[i]))
            i++;
    }
    if (runs > 0 && n > 0 && rtok_is_space((unsigned char)s[0]))
        runs++; /* the empty leading field */
    return runs;
}

static size_t rtok_fields_end(const char *s, size_t n, size_t k) {
    if (n > 0 && rtok_is_space((unsigned char)s[0]) && k > 0)
        k--; /* the empty leading field is one of the k */
    size_t end = 0;
    for (size_t i = 0; i < n && k > 0;) {
        if (rtok_is_space((unsigned char)s[i])) {
            i++;
            continue;
        }
        while (i < n && !rtok_is_space((unsigned char)s[i]))
            i++;
        end = i;
        k--;
    }
    return end;
}

/* Truncation state of one view. */
typedef struct rtok_limit {
    size_t used; /* words or bytes taken so far */
    int done;
} rtok_limit;

/* How much of a line of length n the view keeps (the line is then
 * s[0..result)); may set lim->done. 'lcs' selects the sentence view's rule
 * for -b. */
static size_t rtok_cut(rtok_limit *lim, const char *s, size_t n, size_t max_words, size_t max_bytes,
                       int lcs) {
    if (max_words > 0) {
        size_t f = rtok_fields(s, n);
        if (lim->used + f < max_words) {
            lim->used += f;
            return n;
        }
        lim->done = 1;
        return rtok_fields_end(s, n, max_words - lim->used);
    }
    if (max_bytes > 0) {
        if (lcs) {
            if (n < max_bytes)
                return n;
            lim->done = 1;
            return max_bytes;
        }
        if (lim->used + n < max_bytes) {
            lim->used += n;
            return n;
        }
        lim->done = 1;
        return max_bytes - lim->used;
    }
    return n;
}

int rouge_text_read(rouge_vocab *v, rouge_text *t, const char *text, size_t len, size_t max_words,
                    size_t max_bytes, int sentences) {
    t->n_flat = 0;
    t->n_sent_tok = 0;
    t->n_sents = 0;
    rtok_limit lf = {0, 0}, ls = {0, 0};
    if (!sentences)
        ls.done = 1;
    if (VEC_RESERVE(t->sent_off, t->cap_off, 1) != 0)
        return -1;
    t->sent_off[0] = 0;
    size_t pos = 0;
    while (pos < len && !(lf.done && ls.done)) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + 1;
        if (n == 0)
            continue;
        size_t cf = 0, cs = 0;
        int use_f = !lf.done, use_s = !ls.done;
        if (use_f)
            cf = rtok_cut(&lf, line, n, max_words, max_bytes, 0);
        if (use_s)
            cs = rtok_cut(&ls, line, n, max_words, max_bytes, 1);
        size_t flat_before = t->n_flat;
        if (use_f && rtok_segment(v, line, cf, &t->flat, &t->n_flat, &t->cap_flat) != 0)
            return -1;
        if (use_s) {
            if (use_f && cs == cf) {
                /* same cut: the ids this line just added to the flat view */
                size_t k = t->n_flat - flat_before;
                if (VEC_RESERVE(t->sent, t->cap_sent, t->n_sent_tok + k) != 0)
                    return -1;
                if (k > 0)
                    memcpy(t->sent + t->n_sent_tok, t->flat + flat_before, k * sizeof *t->sent);
                t->n_sent_tok += k;
            } else if (rtok_segment(v, line, cs, &t->sent, &t->n_sent_tok, &t->cap_sent) != 0) {
                return -1;
            }
            size_t off = t->n_sent_tok;
            t->n_sents++;
            if (VEC_RESERVE(t->sent_off, t->cap_off, t->n_sents + 1) != 0)
                return -1;
            t->sent_off[t->n_sents] = off;
        }
    }
    return 0;
}

void rouge_text_free(rouge_text *t) {
    free(t->flat);
    free(t->sent);
    free(t->sent_off);
    memset(t, 0, sizeof *t);
}
