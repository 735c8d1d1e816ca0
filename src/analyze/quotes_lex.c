/*
 * quotes_lex.c - the word lists that quotation attribution consults.
 *
 * Three embedded, project-written lists are read into string maps once per
 * ch_quote_lex: speech verbs (data/speech-verbs-en.txt), given names with
 * their usual gender (data/given-names-en.txt), function words
 * (data/stopwords-en.txt) and the abbreviations that
 * keep their final period (data/abbreviations-en.txt, first field of each
 * line). Lookups fold the word first (lower case, typographic apostrophes
 * unified), so "Said" and "said" are the same key.
 *
 * Invariant: a built ch_quote_lex is never written again, so one may be
 * shared read-only between threads.
 */
#include "analyze/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"

extern const unsigned char chorus_data_speech_verbs_en[];
extern const unsigned long chorus_data_speech_verbs_en_len;
extern const unsigned char chorus_data_given_names_en[];
extern const unsigned long chorus_data_given_names_en_len;
extern const unsigned char chorus_data_stopwords_en[];
extern const unsigned long chorus_data_stopwords_en_len;
extern const unsigned char chorus_data_abbreviations_en[];
extern const unsigned long chorus_data_abbreviations_en_len;

struct ch_quote_lex {
    ch_strmap *verbs;
    ch_strmap *names;
    char *gender; /* (names count) 'm', 'f' or 'u', by name id */
    size_t gender_cap;
    ch_strmap *abbrev;
    ch_strmap *stop;
};

/* Folds w[0..n) into dst (cap bytes); returns its length, or 0 when it does
 * not fit or is empty. */
static size_t quotes_lex_key(const char *w, size_t n, char *dst, size_t cap) {
    ch_buf b = {0};
    size_t r = 0;
    if (n && n < cap / 2 && quotes_fold(w, n, &b) == 0 && b.len < cap) {
        memcpy(dst, b.data, b.len);
        r = b.len;
    }
    buf_free(&b);
    return r;
}

/* Reads one embedded list: for every non-comment line, the first field
 * goes into 'm'; when 'second' is not NULL the first byte of the second
 * field is stored at (*second)[id]. Returns 0 or -1. */
static int quotes_lex_load(ch_strmap *m, const unsigned char *data, unsigned long len,
                           char **second, size_t *second_cap) {
    const char *p = (const char *)data, *end = p + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && *q != ' ' && *q != '\t' && *q != '\r')
            q++;
        if (q > p && *p != '#') {
            uint32_t id = strmap_intern(m, p, (size_t)(q - p), NULL);
            if (id == STRMAP_NONE)
                return -1;
            if (second) {
                if (id >= *second_cap) {
                    size_t nc = *second_cap ? *second_cap * 2 : 512;
                    while (nc <= id)
                        nc *= 2;
                    char *g = realloc(*second, nc);
                    if (!g)
                        return -1;
                    *second = g;
                    *second_cap = nc;
                }
                while (q < eol && (*q == ' ' || *q == '\t'))
                    q++;
                (*second)[id] = (q < eol) ? *q : 'u';
            }
        }
        p = eol + 1;
    }
    return 0;
}

ch_quote_lex *quotes_lex_new(void) {
    ch_quote_lex *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->verbs = strmap_new();
    lx->names = strmap_new();
    lx->abbrev = strmap_new();
    lx->stop = strmap_new();
    if (!lx->verbs || !lx->names || !lx->abbrev || !lx->stop ||
        quotes_lex_load(lx->stop, chorus_data_stopwords_en, chorus_data_stopwords_en_len, NULL,
                        NULL) != 0 ||
        quotes_lex_load(lx->verbs, chorus_data_speech_verbs_en, chorus_data_speech_verbs_en_len,
                        NULL, NULL) != 0 ||
        quotes_lex_load(lx->names, chorus_data_given_names_en, chorus_data_given_names_en_len,
                        &lx->gender, &lx->gender_cap) != 0 ||
        quotes_lex_load(lx->abbrev, chorus_data_abbreviations_en,
                        chorus_data_abbreviations_en_len, NULL, NULL) != 0) {
        quotes_lex_free(lx);
        return NULL;
    }
    return lx;
}

void quotes_lex_free(ch_quote_lex *lx) {
    if (!lx)
        return;
    strmap_free(lx->verbs);
    strmap_free(lx->names);
    strmap_free(lx->abbrev);
    strmap_free(lx->stop);
    free(lx->gender);
    free(lx);
}

int quotes_lex_is_speech_verb(const ch_quote_lex *lx, const char *w, size_t n) {
    char k[64];
    size_t kn = quotes_lex_key(w, n, k, sizeof k);
    return kn && strmap_get(lx->verbs, k, kn) != STRMAP_NONE;
}

int quotes_lex_given_name(const ch_quote_lex *lx, const char *w, size_t n) {
    char k[64];
    size_t kn = quotes_lex_key(w, n, k, sizeof k);
    if (!kn)
        return 0;
    uint32_t id = strmap_get(lx->names, k, kn);
    if (id == STRMAP_NONE || id >= lx->gender_cap)
        return 0;
    return lx->gender[id];
}

int quotes_lex_is_abbrev(const ch_quote_lex *lx, const char *w, size_t n) {
    char k[64];
    size_t kn = quotes_lex_key(w, n, k, sizeof k);
    return kn && strmap_get(lx->abbrev, k, kn) != STRMAP_NONE;
}

int quotes_lex_is_stop(const ch_quote_lex *lx, const char *w, size_t n) {
    char k[64];
    size_t kn = quotes_lex_key(w, n, k, sizeof k);
    return kn && strmap_get(lx->stop, k, kn) != STRMAP_NONE;
}
