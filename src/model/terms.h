/*
 * terms.h - the one rule that turns a token of running text into a model
 * term, shared by the cluster model and the background IDF builder so that
 * both count the same terms.
 *
 * A term is the Snowball stem of a folded (NFKC, case-folded) word or
 * number token, after dropping a final possessive "'s", unless the folded
 * form is empty or a stopword. Punctuation tokens yield no term.
 */
#ifndef CHORUS_MODEL_TERMS_H
#define CHORUS_MODEL_TERMS_H

#include <stddef.h>

#include "text/token.h"
#include "util/buf.h"

/* The term of token 't' of 'text': sets *term (valid until the next call on
 * 'lx' or change of 'scratch') and *len and returns 1; returns 0 when the
 * token yields no term, -1 when out of memory. 'scratch' is working space
 * owned by the caller. */
int model_term(ch_lexicon *lx, const char *text, const ch_token *t, ch_buf *scratch,
               const char **term, size_t *len);

#endif
