/*
 * terms.c - token to model term (see terms.h): fold, drop the possessive,
 * drop stopwords, stem.
 */
#include "model/terms.h"

int model_term(ch_lexicon *lx, const char *text, const ch_token *t, ch_buf *scratch,
               const char **term, size_t *len) {
    if (t->kind == TOK_PUNCT)
        return 0;
    buf_clear(scratch);
    if (lexicon_fold(lx, text + t->off, t->len, scratch) != 0)
        return -1;
    const char *f = scratch->data;
    size_t fn = scratch->len;
    /* the possessive adds nothing to what a sentence is about */
    if (fn > 2 && f[fn - 2] == '\'' && f[fn - 1] == 's')
        fn -= 2;
    if (fn == 0 || lexicon_is_stop(lx, f, fn))
        return 0;
    const char *stem = lexicon_stem(lx, f, fn, len);
    if (!stem)
        return -1;
    *term = stem;
    return 1;
}
