/*
 * token.h - words, their normal forms, stems and stopwords.
 *
 * A ch_lexicon turns a word of running text into the term the model counts:
 * NFKC + case folding (utf8proc), typographic apostrophes unified, then a
 * Snowball stem (libstemmer). One lexicon per thread: libstemmer state is
 * not shareable.
 */
#ifndef CHORUS_TEXT_TOKEN_H
#define CHORUS_TEXT_TOKEN_H

#include <stddef.h>

#include "util/buf.h"

typedef enum ch_tok_kind {
    TOK_WORD = 0,   /* letters, possibly with inner ' - . (U.S., don't) */
    TOK_NUMBER = 1, /* digits with inner , . : (4.5, 20,000, 8:30) */
    TOK_PUNCT = 2   /* any other non-space character */
} ch_tok_kind;

typedef struct ch_token {
    size_t off, len; /* bytes of the text */
    ch_tok_kind kind;
} ch_token;

/* Finds the next token at or after *pos in text[0..len). Returns 1 and sets
 * *t and advances *pos past it, or 0 when no token is left. */
int tok_next(const char *text, size_t len, size_t *pos, ch_token *t);

/* Number of whitespace-separated words in text[0..len) (as ROUGE counts). */
size_t tok_count_words(const char *text, size_t len);

typedef struct ch_lexicon ch_lexicon;

/* A lexicon for a Snowball language ("english", "german", ...). Returns NULL
 * when out of memory or when libstemmer has no such language. */
ch_lexicon *lexicon_new(const char *language);

/* Appends the folded (NFKC, case-folded) form of w[0..n) to 'out'.
 * Returns 0, or -1 when out of memory. */
int lexicon_fold(ch_lexicon *lx, const char *w, size_t n, ch_buf *out);

/* 1 if the folded word f[0..n) is a stopword of the lexicon's language
 * (data/stopwords-en.txt for English; no stopwords for other languages). */
int lexicon_is_stop(const ch_lexicon *lx, const char *f, size_t n);

/* Stem of the folded word f[0..n); the result is valid until the next call on
 * 'lx', its length in *stem_len. NULL when out of memory. */
const char *lexicon_stem(ch_lexicon *lx, const char *f, size_t n, size_t *stem_len);

/* No operation if 'lx' is NULL. */
void lexicon_free(ch_lexicon *lx);

#endif
