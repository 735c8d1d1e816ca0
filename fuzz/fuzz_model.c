/*
 * fuzz_model.c - libFuzzer harness for salience model files: arbitrary
 * bytes are parsed with and without the lexicon check, and stems are
 * looked up in whatever lexicon was located.
 *
 * Invariants checked (a violation traps):
 *   - chorus_model_check and the full parse agree;
 *   - a text that passes the full check also parses with the check off,
 *     with the same weights, and every stem listed in its lexicon is found
 *     with the weight written beside it (read back as the parser reads it);
 *   - lookups in an unchecked lexicon stay inside the text (ASan) and
 *     return finite numbers.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "summarize/salience.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* a private copy, so reads past the end are caught */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    char err[160];
    sal_model full, quick;
    int ok = sal_model_parse(text, size, &full, 1, err, sizeof err) == 0;
    CHECK(ok == (chorus_model_check(text, size, err, sizeof err) == CHORUS_OK));
    int qok = sal_model_parse(text, size, &quick, 0, err, sizeof err) == 0;
    if (ok) {
        CHECK(qok);
        CHECK(quick.bias == full.bias);
        for (size_t k = 0; k < SAL_N_FEATURES; k++)
            CHECK(quick.w[k] == full.w[k]);
        /* every listed stem is found with its weight */
        size_t p = 0;
        while (full.lex && p < full.lex_len) {
            size_t e = p;
            while (e < full.lex_len && full.lex[e] != '\n')
                e++;
            size_t k = p;
            while (k < e && full.lex[k] != ' ')
                k++;
            char num[64];
            size_t nl = e - k - 1 < sizeof num - 1 ? e - k - 1 : sizeof num - 1;
            memcpy(num, full.lex + k + 1, nl);
            num[nl] = '\0';
            CHECK(sal_lexicon_weight(&full, full.lex + p, k - p) == strtod(num, NULL));
            p = e + 1;
        }
    }
    if (qok) {
        /* lookups of a few stems from the input itself */
        for (size_t i = 0; i + 4 <= size && i < 256; i += 7) {
            double w = sal_lexicon_weight(&quick, text + i, 4);
            CHECK(isfinite(w));
        }
    }
    free(text);
    return 0;
}
