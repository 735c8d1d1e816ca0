/*
 * rouge_wordnet.c - the ROUGE lexicon: WordNet exception lists and stopwords.
 *
 * ROUGE-1.5.5 stems a word by first looking it up in a table built from
 * WordNet's morphological exception lists (irregular inflections: "geese"
 * -> "goose", "ran" -> "run") and only then running Porter. The table is
 * the first two words of each line of noun.exc, adv.exc, verb.exc and
 * adj.exc, read in that order, a later line replacing an earlier entry for
 * the same word. With -s it drops the words of a stopword list (SMART's
 * common words) before stemming. Neither list ships with chorus: the
 * exception lists come from Debian's wordnet-base (or any directory with
 * the four .exc files, such as ROUGE-1.5.5's own WordNet-2.0-Exceptions),
 * the stopword list from a file the user names.
 *
 * Layout: inflected forms and base forms are interned in two string maps;
 * exc_base maps an inflected form's id to its base form's id. Once built
 * the lexicon is only read, so evaluators on several threads may share it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"
#include "util/buf.h"
#include "util/vec.h"

struct chorus_rouge_lexicon {
    ch_strmap *exc;     /* inflected forms */
    uint32_t *exc_base; /* (exc count) -> id in 'bases' */
    size_t exc_cap;
    ch_strmap *bases;
    ch_strmap *stop;
    char err[512];
};

chorus_rouge_lexicon *chorus_rouge_lexicon_new(void) {
    chorus_rouge_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return NULL;
    lex->exc = strmap_new();
    lex->bases = strmap_new();
    lex->stop = strmap_new();
    if (!lex->exc || !lex->bases || !lex->stop) {
        chorus_rouge_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

void chorus_rouge_lexicon_free(chorus_rouge_lexicon *lex) {
    if (!lex)
        return;
    strmap_free(lex->exc);
    strmap_free(lex->bases);
    strmap_free(lex->stop);
    free(lex->exc_base);
    free(lex);
}

const char *chorus_rouge_lexicon_errmsg(const chorus_rouge_lexicon *lex) {
    return lex ? lex->err : "no lexicon";
}

void chorus_rouge_lexicon_counts(const chorus_rouge_lexicon *lex, size_t *n_exceptions,
                                 size_t *n_stopwords) {
    if (n_exceptions)
        *n_exceptions = lex ? strmap_count(lex->exc) : 0;
    if (n_stopwords)
        *n_stopwords = lex ? strmap_count(lex->stop) : 0;
}

static chorus_status wordnet_add_exc(chorus_rouge_lexicon *lex, const char *w, size_t n,
                                     const char *base, size_t bn) {
    uint32_t b = strmap_intern(lex->bases, base, bn, NULL);
    if (b == STRMAP_NONE)
        return CHORUS_ERR_NOMEM;
    uint32_t id = strmap_intern(lex->exc, w, n, NULL);
    if (id == STRMAP_NONE)
        return CHORUS_ERR_NOMEM;
    if (VEC_RESERVE(lex->exc_base, lex->exc_cap, (size_t)id + 1) != 0)
        return CHORUS_ERR_NOMEM;
    lex->exc_base[id] = b;
    return CHORUS_OK;
}

chorus_status chorus_rouge_lexicon_add_exception(chorus_rouge_lexicon *lex, const char *inflected,
                                                 const char *base) {
    if (!lex)
        return CHORUS_ERR_INVALID;
    if (!inflected || !base || !*inflected || !*base) {
        snprintf(lex->err, sizeof lex->err, "an exception needs a word and a base form");
        return CHORUS_ERR_INVALID;
    }
    chorus_status st = wordnet_add_exc(lex, inflected, strlen(inflected), base, strlen(base));
    if (st != CHORUS_OK)
        snprintf(lex->err, sizeof lex->err, "out of memory");
    return st;
}

chorus_status chorus_rouge_lexicon_add_stopword(chorus_rouge_lexicon *lex, const char *word) {
    if (!lex)
        return CHORUS_ERR_INVALID;
    if (!word || !*word) {
        snprintf(lex->err, sizeof lex->err, "a stopword cannot be empty");
        return CHORUS_ERR_INVALID;
    }
    if (strmap_intern(lex->stop, word, strlen(word), NULL) == STRMAP_NONE) {
        snprintf(lex->err, sizeof lex->err, "out of memory");
        return CHORUS_ERR_NOMEM;
    }
    return CHORUS_OK;
}

/* Reads a whole file into 'b'. */
static chorus_status wordnet_slurp(chorus_rouge_lexicon *lex, const char *path, ch_buf *b) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(lex->err, sizeof lex->err, "cannot read %s: %s", path, strerror(errno));
        return CHORUS_ERR_IO;
    }
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf_append(b, chunk, got) != 0) {
            fclose(f);
            snprintf(lex->err, sizeof lex->err, "out of memory reading %s", path);
            return CHORUS_ERR_NOMEM;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(lex->err, sizeof lex->err, "error reading %s", path);
        return CHORUS_ERR_IO;
    }
    return CHORUS_OK;
}

static int wordnet_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

chorus_status chorus_rouge_lexicon_load_wordnet(chorus_rouge_lexicon *lex, const char *dir) {
    static const char *const files[] = {"noun.exc", "adv.exc", "verb.exc", "adj.exc"};
    if (!lex)
        return CHORUS_ERR_INVALID;
    if (!dir || !*dir) {
        snprintf(lex->err, sizeof lex->err, "no WordNet directory given");
        return CHORUS_ERR_INVALID;
    }
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        ch_buf path = {0}, text = {0};
        if (buf_printf(&path, "%s/%s", dir, files[f]) != 0) {
            snprintf(lex->err, sizeof lex->err, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        chorus_status st = wordnet_slurp(lex, path.data, &text);
        buf_free(&path);
        if (st != CHORUS_OK) {
            buf_free(&text);
            return st;
        }
        /* each line: inflected base [more bases...] */
        const char *p = text.data ? text.data : "", *end = p + text.len;
        while (p < end) {
            const char *eol = memchr(p, '\n', (size_t)(end - p));
            if (!eol)
                eol = end;
            const char *w[2];
            size_t wl[2];
            int nw = 0;
            const char *q = p;
            while (q < eol && nw < 2) {
                while (q < eol && wordnet_space(*q))
                    q++;
                if (q >= eol)
                    break;
                w[nw] = q;
                while (q < eol && !wordnet_space(*q))
                    q++;
                wl[nw] = (size_t)(q - w[nw]);
                nw++;
            }
            if (nw == 2 && wordnet_add_exc(lex, w[0], wl[0], w[1], wl[1]) != CHORUS_OK) {
                buf_free(&text);
                snprintf(lex->err, sizeof lex->err, "out of memory");
                return CHORUS_ERR_NOMEM;
            }
            p = eol + 1;
        }
        buf_free(&text);
    }
    return CHORUS_OK;
}

chorus_status chorus_rouge_lexicon_load_stopwords(chorus_rouge_lexicon *lex, const char *path) {
    if (!lex)
        return CHORUS_ERR_INVALID;
    if (!path || !*path) {
        snprintf(lex->err, sizeof lex->err, "no stopword file given");
        return CHORUS_ERR_INVALID;
    }
    ch_buf text = {0};
    chorus_status st = wordnet_slurp(lex, path, &text);
    if (st != CHORUS_OK) {
        buf_free(&text);
        return st;
    }
    const char *p = text.data ? text.data : "", *end = p + text.len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *e = eol;
        while (e > p && wordnet_space(e[-1]))
            e--;
        if (e > p && strmap_intern(lex->stop, p, (size_t)(e - p), NULL) == STRMAP_NONE) {
            buf_free(&text);
            snprintf(lex->err, sizeof lex->err, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        p = eol + 1;
    }
    buf_free(&text);
    return CHORUS_OK;
}

const char *rouge_lexicon_exception(const chorus_rouge_lexicon *lex, const char *w, size_t n,
                                    size_t *base_len) {
    if (!lex)
        return NULL;
    uint32_t id = strmap_get(lex->exc, w, n);
    if (id == STRMAP_NONE)
        return NULL;
    return strmap_key(lex->bases, lex->exc_base[id], base_len);
}

int rouge_lexicon_is_stopword(const chorus_rouge_lexicon *lex, const char *w, size_t n) {
    return lex && strmap_get(lex->stop, w, n) != STRMAP_NONE;
}
