/*
 * fuzz_rouge.c - libFuzzer harness for the ROUGE scorer: arbitrary bytes
 * become a peer and references (split at NUL bytes), scored under options
 * picked by the first byte (truncation in words or bytes, stemming, best
 * reference, token counting, ROUGE-W, skip bigrams with or without a gap).
 *
 * Invariants checked (a violation traps):
 *   - every R, P and F is finite and lies in [0, 1];
 *   - hits never exceed the reference or the peer count (for ROUGE-W,
 *     whose counts are weighted, the bound is on the scores alone);
 *   - both reports render and the averages of every metric compute.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    static const char *const flags[] = {"-n 3 -l 5 -r 3",      "-n 2 -b 9 -2 4 -u -r 2",
                                        "-n 1 -m -f B -w 1.2", "-n 2 -t 1 -d -2 -1 -U -r 2",
                                        "-n 4 -x -t 2 -d",     "-n 2 -m -w 2 -l 3 -r 1",
                                        "-n 1 -2 0 -U -b 1",   "-n 9 -f B -p 0 -c 100 -r 2"};
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    if (!lex)
        return 0;
    chorus_rouge_lexicon_add_exception(lex, "mice", "mouse");
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    CHECK(chorus_rouge_config_parse(&cfg, flags[data[0] % 8], NULL, 0) == CHORUS_OK);
    cfg.lexicon = lex;
    chorus_rouge *r = chorus_rouge_new(&cfg, NULL, NULL, 0);
    CHECK(r != NULL);

    /* peer, then up to 4 references, separated by NUL bytes */
    const char *p = (const char *)data + 1;
    size_t left = size - 1;
    const char *parts[5];
    size_t lens[5], n = 0;
    while (n < 5) {
        const char *z = memchr(p, '\0', left);
        size_t l = z ? (size_t)(z - p) : left;
        parts[n] = p;
        lens[n] = l;
        n++;
        if (!z)
            break;
        p = z + 1;
        left -= l + 1;
    }
    if (n < 2) {
        parts[1] = parts[0];
        lens[1] = lens[0];
        n = 2;
    }
    chorus_status st = chorus_rouge_add(r, "f", parts[0], lens[0], parts + 1, lens + 1, n - 1);
    CHECK(st == CHORUS_OK || st == CHORUS_ERR_LIMIT || st == CHORUS_ERR_NOMEM);
    if (st == CHORUS_OK) {
        for (size_t m = 0; m < chorus_rouge_metric_count(r); m++) {
            chorus_rouge_score s;
            CHECK(chorus_rouge_eval_score(r, 0, m, &s) == CHORUS_OK);
            int weighted = strncmp(chorus_rouge_metric_name(r, m), "ROUGE-W", 7) == 0;
            CHECK(isfinite(s.recall) && isfinite(s.precision) && isfinite(s.f));
            CHECK(s.recall >= 0 && s.precision >= 0 && s.f >= 0);
            CHECK(s.recall <= 1 && s.precision <= 1 && s.f <= 1);
            if (!weighted)
                CHECK(s.hits <= s.model_count && s.hits <= s.peer_count);
            chorus_rouge_average a;
            CHECK(chorus_rouge_average_of(r, m, &a) == CHORUS_OK);
        }
    }
    char *t = chorus_rouge_report(r, CHORUS_ROUGE_TEXT, NULL);
    char *j = chorus_rouge_report(r, CHORUS_ROUGE_JSON, NULL);
    CHECK(t && j);
    free(t);
    free(j);
    chorus_rouge_free(r);
    chorus_rouge_lexicon_free(lex);
    return 0;
}
