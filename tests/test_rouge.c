/*
 * test_rouge.c - ROUGE: hand-computed cases, a reference model of the
 * bootstrap, and parity with ROUGE-1.5.5's own output.
 *
 * The unit cases use texts written here; every expected figure is worked
 * out by hand in the comment beside it from ROUGE-1.5.5's rules
 * (docs/rouge.md). The parity test runs the six flag sets of
 * ../shared/data/rouge-parity over its 308 evaluations and compares every
 * Average_R/P/F (and its confidence interval) and every per-evaluation
 * Eval line with the Perl script's output; it is skipped, saying why, when
 * ../shared or the WordNet lists are absent.
 */
#define _XOPEN_SOURCE 700 /* srand48/drand48: the reference generator */

#include "testutil.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chorus.h"
#include "eval/rouge.h"
#include "util/strmap.h"

/* ------------------------------------------------------------ helpers */

static chorus_rouge *trouge_new(const char *flags, const chorus_rouge_lexicon *lex) {
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    char err[256];
    assert_int_equal(chorus_rouge_config_parse(&cfg, flags, err, sizeof err), CHORUS_OK);
    cfg.lexicon = lex;
    chorus_status st;
    chorus_rouge *r = chorus_rouge_new(&cfg, &st, err, sizeof err);
    if (!r)
        fprintf(stderr, "chorus_rouge_new(%s): %s\n", flags, err);
    assert_non_null(r);
    return r;
}

/* Adds one evaluation with one or two references. */
static void trouge_add(chorus_rouge *r, const char *id, const char *peer, const char *ref1,
                       const char *ref2) {
    const char *refs[2] = {ref1, ref2};
    size_t lens[2] = {strlen(ref1), ref2 ? strlen(ref2) : 0};
    chorus_status st = chorus_rouge_add(r, id, peer, strlen(peer), refs, lens, ref2 ? 2 : 1);
    if (st != CHORUS_OK)
        fprintf(stderr, "chorus_rouge_add(%s): %s\n", id, chorus_rouge_errmsg(r));
    assert_int_equal(st, CHORUS_OK);
}

static chorus_rouge_score trouge_score(const chorus_rouge *r, size_t i, const char *metric) {
    int m = chorus_rouge_metric_find(r, metric);
    assert_true(m >= 0);
    chorus_rouge_score s;
    assert_int_equal(chorus_rouge_eval_score(r, i, (size_t)m, &s), CHORUS_OK);
    return s;
}

/* R, P, F as ROUGE-1.5.5 prints them (5 decimals). */
static void trouge_rpf(const chorus_rouge *r, size_t i, const char *metric, const char *want) {
    chorus_rouge_score s = trouge_score(r, i, metric);
    char got[64];
    snprintf(got, sizeof got, "%.5f %.5f %.5f", s.recall, s.precision, s.f);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "%s of evaluation %zu: got %s, want %s\n", metric, i, got, want);
    assert_string_equal(got, want);
}

static void trouge_counts(const chorus_rouge *r, size_t i, const char *metric, double model,
                          double peer, double hits) {
    chorus_rouge_score s = trouge_score(r, i, metric);
    assert_true(fabs(s.model_count - model) < 1e-9);
    assert_true(fabs(s.peer_count - peer) < 1e-9);
    assert_true(fabs(s.hits - hits) < 1e-9);
}

/* ------------------------------------------------------ counting rules */

static void test_clipping(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 2 -r 0", NULL);
    /* reference: the cat sat on the mat (6 words, "the" twice);
     * peer: the the the cat (4 words).
     * ROUGE-1 hits: the min(3,2) = 2, cat 1 -> 3: R 3/6, P 3/4,
     * F = .75 x .5 / (.5 x .75 + .5 x .5) = .6.
     * ROUGE-2: reference bigrams the-cat cat-sat sat-on on-the the-mat (5);
     * peer the-the (x2) the-cat (3): 1 hit: R .2, P .33333,
     * F = .33333 x .2 / (.166665 + .1) = .24999.. -> .25000 */
    trouge_add(r, "c1", "The the THE cat.", "the cat sat on the mat", NULL);
    trouge_rpf(r, 0, "ROUGE-1", "0.50000 0.75000 0.60000");
    trouge_counts(r, 0, "ROUGE-1", 6, 4, 3);
    trouge_rpf(r, 0, "ROUGE-2", "0.20000 0.33333 0.25000");
    chorus_rouge_free(r);
}

static void test_multiple_references(void **state) {
    (void)state;
    /* peer: red blue green gold; ref1: red blue; ref2: green gold silver iron.
     * -f A pools: hits 2 + 2, reference count 2 + 4, peer count 4 + 4:
     * R 4/6 = .66667, P 4/8 = .5, F = .5 x .66667 / (.25 + .333335) = .57143.
     * -f B keeps ref1 (recall 1 > .5): R 1, P 2/4, F = .5 / .75 = .66667. */
    chorus_rouge *a = trouge_new("-n 1 -f A -r 0", NULL);
    chorus_rouge *b = trouge_new("-n 1 -f B -r 0", NULL);
    const char *peer = "red blue green gold", *r1 = "red blue", *r2 = "green gold silver iron";
    trouge_add(a, "m1", peer, r1, r2);
    trouge_add(b, "m1", peer, r1, r2);
    trouge_rpf(a, 0, "ROUGE-1", "0.66667 0.50000 0.57143");
    trouge_counts(a, 0, "ROUGE-1", 6, 8, 4);
    trouge_rpf(b, 0, "ROUGE-1", "1.00000 0.50000 0.66667");
    trouge_counts(b, 0, "ROUGE-1", 2, 4, 2);
    /* a tie keeps the first reference: both score recall .5 */
    trouge_add(b, "m2", "red green", "red blue", "green gold");
    trouge_counts(b, 1, "ROUGE-1", 2, 2, 1);
    trouge_add(b, "m3", "red green", "green gold", "red blue");
    trouge_counts(b, 2, "ROUGE-1", 2, 2, 1);
    chorus_rouge_free(a);
    chorus_rouge_free(b);
}

static void test_word_truncation(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1 -l 4 -r 0", NULL);
    /* -l 4 keeps "one two three" and "four" of the second line; the
     * reference (3 words) stays whole: hits four; R 1/3, P 1/4,
     * F = .25 x .33333 / (.125 + .166665) = .28571 */
    trouge_add(r, "w1", "one two three\nfour five six", "four five six", NULL);
    trouge_rpf(r, 0, "ROUGE-1", "0.33333 0.25000 0.28571");
    /* references are cut too: 6 words -> alpha beta gamma delta */
    trouge_add(r, "w2", "alpha beta", "alpha beta gamma delta epsilon zeta", NULL);
    trouge_counts(r, 1, "ROUGE-1", 4, 2, 2);
    /* a line starting with white space has an empty first field, which
     * counts as a word: " alpha beta gamma delta" keeps "", alpha, beta,
     * gamma */
    trouge_add(r, "w3", " alpha beta gamma delta", "delta", NULL);
    trouge_counts(r, 2, "ROUGE-1", 1, 3, 0);
    /* punctuation-only "words" count towards the limit: "- , one two"
     * keeps "-", ",", "one", "two"... and "-" never counts as a token */
    trouge_add(r, "w4", "- , one two three", "three", NULL);
    trouge_counts(r, 3, "ROUGE-1", 1, 2, 0);
    chorus_rouge_free(r);
}

static void test_byte_truncation(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1 -b 7 -r 0", NULL);
    /* -b 7: abc (3), def (3 + 3 = 6 < 7), then 1 byte of "ghi": "g". The
     * joining spaces do not count. Reference "abc def ghi" is 11 bytes on
     * one line: cut to "abc def". R-1: hits abc def of reference 2 words:
     * R 1, P 2/3. */
    trouge_add(r, "b1", "abc\ndef\nghi", "abc def ghi", NULL);
    trouge_rpf(r, 0, "ROUGE-1", "1.00000 0.66667 0.80000");
    trouge_counts(r, 0, "ROUGE-1", 2, 3, 2);
    /* ROUGE-L's sentence view keeps every line shorter than 7 bytes
     * whole (abc, def, ghi) but cuts "abc def ghi" to "abc def"; peer
     * words for clipping and P come from the n-gram view (abc def g):
     * union LCS marks abc, def: hits 2 of 2, P 2/3. */
    trouge_rpf(r, 0, "ROUGE-L", "1.00000 0.66667 0.80000");
    /* a word cut in the middle: "abcdef ghij" -b 8 -> "abcdef g" */
    chorus_rouge *r8 = trouge_new("-n 1 -b 8 -r 0", NULL);
    trouge_add(r8, "b2", "abcdef ghij\nklm", "klm ghij abcdef", NULL);
    /* reference cut to "klm ghij" (8 bytes) */
    trouge_counts(r8, 0, "ROUGE-1", 2, 2, 0);
    chorus_rouge_free(r8);
    chorus_rouge_free(r);
}

static void test_tokenizer(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1 -r 0", NULL);
    /* non-ASCII bytes separate words (café -> caf), '-' splits and never
     * counts, "$" and "%" are separators: peer words caf na ve co operate
     * 4 5 50 -> 8; reference caf ve operate 5 -> 4 hits */
    trouge_add(r, "t1", "Caf\xc3\xa9 na\xc3\xafve co-operate $4.5 50%", "caf ve operate 5", NULL);
    trouge_counts(r, 0, "ROUGE-1", 4, 8, 4);
    /* empty peer, punctuation-only peer: zero scores, nothing crashes */
    trouge_add(r, "t2", "", "some words here", NULL);
    trouge_rpf(r, 1, "ROUGE-1", "0.00000 0.00000 0.00000");
    trouge_rpf(r, 1, "ROUGE-L", "0.00000 0.00000 0.00000");
    trouge_counts(r, 1, "ROUGE-1", 3, 0, 0);
    trouge_add(r, "t3", "!!! ... ---", "words", NULL);
    trouge_counts(r, 2, "ROUGE-1", 1, 0, 0);
    /* an empty reference scores 0 too */
    trouge_add(r, "t4", "words", "", NULL);
    trouge_rpf(r, 3, "ROUGE-1", "0.00000 0.00000 0.00000");
    /* CR stays in the line as a separator; empty lines are skipped */
    trouge_add(r, "t5", "alpha\r\n\n\nbeta\r\n", "alpha beta", NULL);
    trouge_rpf(r, 4, "ROUGE-1", "1.00000 1.00000 1.00000");
    chorus_rouge_free(r);
}

/* -------------------------------------------------------------- stems */

static void test_porter(void **state) {
    (void)state;
    /* worked by hand through the steps of rouge_porter.c */
    static const char *const cases[][2] = {
        {"caresses", "caress"},      /* 1a sses -> ss */
        {"ponies", "poni"},          /* 1a ies -> i */
        {"hopping", "hop"},          /* 1b ing, double p */
        {"filing", "file"},          /* 1b ing, *o adds e; step 5 keeps it */
        {"generalization", "gener"}, /* ization -> ize, alize -> al, al */
        {"apology", "apolog"},       /* 1c y -> i, then logi -> log */
        {"agreement", "agreem"},     /* ement fails, ment fails, ent: m > 1 */
        {"yelling", "yell"},         /* initial y is a consonant; ll kept (m = 1) */
        {"running", "run"},          {"runs", "run"}, {"sky", "sky"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[64];
        size_t n;
        assert_int_equal(rouge_porter_stem(cases[i][0], strlen(cases[i][0]), out, &n), 0);
        assert_int_equal(n, strlen(out));
        if (strcmp(out, cases[i][1]) != 0)
            fprintf(stderr, "stem(%s) = %s, want %s\n", cases[i][0], out, cases[i][1]);
        assert_string_equal(out, cases[i][1]);
    }
    /* a long word takes the heap path and still stems */
    char longw[600], out[600];
    size_t n;
    memset(longw, 'b', 590);
    memcpy(longw + 590, "aings", 6);
    assert_int_equal(rouge_porter_stem(longw, strlen(longw), out, &n), 0);
    /* 1a drops the s, 1b the "ing" (the stem b..ba has a vowel); nothing
     * else applies: 590 b's and an a */
    assert_int_equal(n, 591);
    assert_int_equal(out[590], 'a');
}

static void test_stemming_exceptions(void **state) {
    (void)state;
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    assert_non_null(lex);
    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "geese", "goose"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "ran", "run"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "mice", "louse"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "mice", "mouse"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "", "x"), CHORUS_ERR_INVALID);
    size_t ne;
    chorus_rouge_lexicon_counts(lex, &ne, NULL);
    assert_int_equal(ne, 3); /* geese, ran, mice: the second "mice" replaced the first */

    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "children", "child"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_exception(lex, "wolves", "wolf"), CHORUS_OK);
    size_t bl;
    assert_string_equal(rouge_lexicon_exception(lex, "mice", 4, &bl), "mouse");

    chorus_rouge *stem = trouge_new("-n 1 -m -r 0", lex);
    chorus_rouge *plain = trouge_new("-n 1 -r 0", lex);
    /* children -> child and wolves -> wolf (exceptions; "child" and "wolf"
     * are their own Porter stems), running and runs -> run (Porter). An
     * exception's base form is not stemmed again: mice -> mouse, but the
     * reference's "mouse" -> mous (step 5 drops the e). "ran" has 3 letters:
     * never stemmed, exception or not. 3 hits of 5. */
    const char *peer = "children wolves running mice ran", *ref = "child wolf runs mouse run";
    trouge_add(stem, "s1", peer, ref, NULL);
    trouge_add(plain, "s1", peer, ref, NULL);
    trouge_counts(stem, 0, "ROUGE-1", 5, 5, 3);
    trouge_counts(plain, 0, "ROUGE-1", 5, 5, 0);
    chorus_rouge_free(stem);
    chorus_rouge_free(plain);

    /* the lexicon loads WordNet's four files in order, later lines win */
    char dir[] = "/tmp/chorus-rouge-wnXXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const files[][2] = {{"noun.exc", "oxen ox\nfeet foot\n"},
                                           {"adv.exc", "best well\n"},
                                           {"verb.exc", "feet footverb\nran run\n"},
                                           {"adj.exc", "best good\n"}};
    char path[512];
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(files[i][1], f);
        fclose(f);
    }
    chorus_rouge_lexicon *wn = chorus_rouge_lexicon_new();
    assert_int_equal(chorus_rouge_lexicon_load_wordnet(wn, dir), CHORUS_OK);
    size_t len;
    assert_string_equal(rouge_lexicon_exception(wn, "feet", 4, &len), "footverb");
    assert_string_equal(rouge_lexicon_exception(wn, "best", 4, &len), "good");
    assert_null(rouge_lexicon_exception(wn, "foot", 4, &len));
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        remove(path);
    }
    rmdir(dir);
    /* a missing directory is an I/O error with a message */
    assert_int_equal(chorus_rouge_lexicon_load_wordnet(wn, "/nonexistent/wordnet"), CHORUS_ERR_IO);
    assert_non_null(strstr(chorus_rouge_lexicon_errmsg(wn), "noun.exc"));
    chorus_rouge_lexicon_free(wn);
    chorus_rouge_lexicon_free(lex);
}

static void test_stopwords(void **state) {
    (void)state;
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    assert_int_equal(chorus_rouge_lexicon_add_stopword(lex, "the"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_stopword(lex, "of"), CHORUS_OK);
    assert_int_equal(chorus_rouge_lexicon_add_stopword(lex, "running"), CHORUS_OK);
    chorus_rouge *r = trouge_new("-n 2 -m -s -r 0", lex);
    /* stopwords go before stemming: "running" is dropped, "runs" -> run.
     * peer: cat mine run (the, of, running dropped); ref: cat mine run.
     * ROUGE-2 over the kept words: cat-mine mine-run both hit. */
    trouge_add(r, "x1", "the cat of mine running runs", "cat mine run", NULL);
    trouge_rpf(r, 0, "ROUGE-1", "1.00000 1.00000 1.00000");
    trouge_rpf(r, 0, "ROUGE-2", "1.00000 1.00000 1.00000");
    chorus_rouge_free(r);
    /* -s without a stopword list is refused */
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    cfg.remove_stopwords = 1;
    char err[256];
    chorus_status st;
    assert_null(chorus_rouge_new(&cfg, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_INVALID);
    assert_non_null(strstr(err, "stopword"));
    chorus_rouge_lexicon_free(lex);
}

/* --------------------------------------------------------- ROUGE-L/W/S */

static void test_union_lcs(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1 -r 0", NULL);
    /* reference a b c d e (one sentence); peer "a b x" / "c d y": the
     * union of the two LCSs is a b c d: R 4/5, P 4/6,
     * F = .8 x .66667 / (.333335 + .4) = .72727 */
    trouge_add(r, "l1", "a b x\nc d y", "a b c d e", NULL);
    trouge_rpf(r, 0, "ROUGE-L", "0.80000 0.66667 0.72727");
    /* Which LCS is marked matters. Reference "w1 w2" / "w1", peer "w2 w1":
     * the table of (w1 w2) x (w2 w1) walked back from its corner goes up
     * first and marks w1 (not w2); that uses the peer's only w1, so the
     * second sentence's w1 is clipped: 1 hit of 3. Marking w2 would give 2. */
    trouge_add(r, "l2", "w2 w1", "w1 w2\nw1", NULL);
    trouge_counts(r, 1, "ROUGE-L", 3, 2, 1);
    /* union positions are clipped by the counts of both texts: peer "a a"
     * against "a" / "a" / "a": 2 hits of 3 */
    trouge_add(r, "l3", "a a", "a\na\na", NULL);
    trouge_counts(r, 2, "ROUGE-L", 3, 2, 2);
    chorus_rouge_free(r);
}

/* ROUGE-L hits straight from ROUGE-1.5.5's definition: a full table per
 * sentence pair, walked back taking a match, else "up" when the cell above
 * is at least the cell to the left; united per reference sentence; clipped
 * by the unigram counts of both texts. Tokens are small integers. */
static size_t trouge_naive_lcs(const int *ref, const size_t *ro, size_t nr, const int *peer,
                               const size_t *po, size_t np) {
    int mcnt[16] = {0}, pcnt[16] = {0};
    for (size_t k = 0; k < ro[nr]; k++)
        mcnt[ref[k]]++;
    for (size_t k = 0; k < po[np]; k++)
        pcnt[peer[k]]++;
    size_t hit = 0;
    for (size_t i = 0; i < nr; i++) {
        const int *x = ref + ro[i];
        size_t m = ro[i + 1] - ro[i];
        unsigned char mark[256] = {0};
        for (size_t j = 0; j < np; j++) {
            const int *y = peer + po[j];
            size_t n = po[j + 1] - po[j];
            int *c = calloc((m + 1) * (n + 1), sizeof *c);
            assert_non_null(c);
#define TC(a, b) c[(a) * (n + 1) + (b)]
            for (size_t a = 1; a <= m; a++)
                for (size_t b = 1; b <= n; b++) {
                    if (x[a - 1] == y[b - 1])
                        TC(a, b) = TC(a - 1, b - 1) + 1;
                    else
                        TC(a, b) = TC(a - 1, b) >= TC(a, b - 1) ? TC(a - 1, b) : TC(a, b - 1);
                }
            size_t a = m, b = n;
            while (a > 0 && b > 0) {
                if (x[a - 1] == y[b - 1]) {
                    mark[--a] = 1;
                    b--;
                } else if (TC(a - 1, b) >= TC(a, b - 1)) {
                    a--;
                } else {
                    b--;
                }
            }
#undef TC
            free(c);
        }
        for (size_t k = 0; k < m; k++) {
            if (mark[k] && mcnt[x[k]] > 0 && pcnt[x[k]] > 0) {
                hit++;
                mcnt[x[k]]--;
                pcnt[x[k]]--;
            }
        }
    }
    return hit;
}

/* Writes sentences of tokens as text, one per line ("." for an empty one). */
static void trouge_text(char *out, const int *tok, const size_t *off, size_t ns) {
    char *p = out;
    for (size_t i = 0; i < ns; i++) {
        if (off[i] == off[i + 1])
            *p++ = '.';
        for (size_t k = off[i]; k < off[i + 1]; k++)
            p += sprintf(p, "%sw%d", k > off[i] ? " " : "", tok[k]);
        *p++ = '\n';
    }
    *p = '\0';
}

static void test_lcs_reference_model(void **state) {
    (void)state;
    /* random texts over tiny vocabularies (many equal-length LCSs, so the
     * walk-back rule decides) with sentences of up to 200 words (tables of
     * several machine words) */
    uint64_t seed = 0x2545F4914F6CDD1DULL;
#define TRAND(k)                                                                                   \
    ((seed = seed * 6364136223846793005ULL + 1442695040888963407ULL), (size_t)((seed >> 33) % (k)))
    chorus_rouge *r = trouge_new("-n 1 -r 0", NULL);
    static int ref[1024], peer[1024];
    static char rt[8192], pt[8192];
    for (int c = 0; c < 150; c++) {
        size_t alpha = 2 + TRAND(5), nr = 1 + TRAND(3), np = 1 + TRAND(3);
        size_t ro[5] = {0}, po[5] = {0};
        size_t maxlen = c % 3 == 0 ? 200 : 30;
        for (size_t i = 0; i < nr; i++) {
            size_t len = TRAND(maxlen);
            for (size_t k = 0; k < len; k++)
                ref[ro[i] + k] = (int)TRAND(alpha);
            ro[i + 1] = ro[i] + len;
        }
        for (size_t j = 0; j < np; j++) {
            size_t len = TRAND(maxlen);
            for (size_t k = 0; k < len; k++)
                peer[po[j] + k] = (int)TRAND(alpha);
            po[j + 1] = po[j] + len;
        }
        trouge_text(rt, ref, ro, nr);
        trouge_text(pt, peer, po, np);
        char id[16];
        snprintf(id, sizeof id, "r%d", c);
        trouge_add(r, id, pt, rt, NULL);
        size_t want = trouge_naive_lcs(ref, ro, nr, peer, po, np);
        chorus_rouge_score s = trouge_score(r, (size_t)c, "ROUGE-L");
        if (s.hits != (double)want)
            fprintf(stderr, "case %d: ROUGE-L hits %g, reference model %zu\n", c, s.hits, want);
        assert_true(s.hits == (double)want);
        assert_true(s.model_count == (double)ro[nr] && s.peer_count == (double)po[np]);
    }
#undef TRAND
    chorus_rouge_free(r);
}

static void test_wlcs(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1 -w 2 -r 0", NULL);
    /* identical 4-word sentence, weight 2: hits 4^2 = 16; ROUGE-1.5.5
     * weights the reference total twice: (4^2)^2 = 256, so R =
     * (16/256)^(1/2) = .25; peer count 4^2 = 16, P = 1; F = .25 / .625 = .4 */
    trouge_add(r, "w1", "a b c d", "a b c d", NULL);
    assert_int_equal(chorus_rouge_metric_find(r, "ROUGE-W-2"), 2);
    trouge_rpf(r, 0, "ROUGE-W-2", "0.25000 1.00000 0.40000");
    trouge_counts(r, 0, "ROUGE-W-2", 256, 16, 16);
    /* runs are read on the reference side: "a b y c d" against peer
     * "a b c d" marks a b _ c d, two runs of 2: hits 4 + 4 = 8; reference
     * (5^2)^2 = 625, peer 4^2 = 16: R = (8/625)^.5 = .11314,
     * P = (8/16)^.5 = .70711, F = .70711 x .11314 / .410125 = .19507 */
    trouge_add(r, "w2", "a b c d", "a b y c d", NULL);
    trouge_counts(r, 1, "ROUGE-W-2", 625, 16, 8);
    trouge_rpf(r, 1, "ROUGE-W-2", "0.11314 0.70711 0.19507");
    chorus_rouge_free(r);
}

static void test_skip_bigrams(void **state) {
    (void)state;
    /* reference a b c, peer a c b. Skip bigrams (any gap): reference
     * ab ac bc, peer ac ab cb: 2 hits of 3. SU adds the unigrams of all
     * tokens but the last: reference a b, peer a c: 3 hits of 5.
     * With gap 0 only adjacent pairs: ab bc against ac cb: none. */
    chorus_rouge *s = trouge_new("-n 1 -2 -1 -U -r 0", NULL);
    trouge_add(s, "k1", "a c b", "a b c", NULL);
    trouge_rpf(s, 0, "ROUGE-S*", "0.66667 0.66667 0.66667");
    trouge_rpf(s, 0, "ROUGE-SU*", "0.60000 0.60000 0.60000");
    chorus_rouge_free(s);
    chorus_rouge *g0 = trouge_new("-n 1 -2 0 -u -r 0", NULL);
    assert_int_equal(chorus_rouge_metric_find(g0, "ROUGE-S0"), -1);
    trouge_add(g0, "k1", "a c b", "a b c", NULL);
    trouge_counts(g0, 0, "ROUGE-SU0", 4, 4, 1); /* ab bc + a b vs ac cb + a c */
    chorus_rouge_free(g0);
    /* gap 4 on 7 tokens: pairs within distance 5 = 5+5+4+3+2+1 = 20,
     * plus 6 unigrams with -u */
    chorus_rouge *g4 = trouge_new("-n 1 -2 4 -u -r 0", NULL);
    trouge_add(g4, "k2", "a b c d e f g", "a b c d e f g", NULL);
    trouge_counts(g4, 0, "ROUGE-SU4", 26, 26, 26);
    chorus_rouge_free(g4);
}

/* ---------------------------------------------------- averages, report */

/* Independent model of ROUGE-1.5.5's bootstrap, with the C library's
 * drand48 as the generator. */
static void trouge_boot_model(const double *vals, size_t n, int resamples, double avg[3]) {
    double *s = malloc((size_t)resamples * 3 * sizeof *s);
    assert_non_null(s);
    for (int i = 0; i < resamples; i++) {
        srand48(i);
        double t[3] = {0, 0, 0};
        for (size_t k = 0; k < n; k++) {
            size_t pick = (size_t)((double)n * drand48());
            for (int q = 0; q < 3; q++)
                t[q] += vals[3 * pick + q];
        }
        for (int q = 0; q < 3; q++)
            s[q * resamples + i] = t[q] / (double)n;
    }
    for (int q = 0; q < 3; q++) {
        double *a = s + q * resamples;
        for (int i = 1; i < resamples; i++) /* insertion sort: small */
            for (int j = i; j > 0 && a[j - 1] > a[j]; j--) {
                double x = a[j];
                a[j] = a[j - 1];
                a[j - 1] = x;
            }
        double tot = 0;
        for (int i = 0; i < resamples; i++)
            tot += a[i];
        char buf[32];
        snprintf(buf, sizeof buf, "%7.5f", tot / resamples);
        avg[q] = strtod(buf, NULL);
    }
    free(s);
}

static void test_averages(void **state) {
    (void)state;
    const char *peers[] = {"a b c d", "a x", "q r s", "a b", "c d e f g"};
    const char *refs[] = {"a b c e", "a y z", "q", "b a", "c d"};
    chorus_rouge *r = trouge_new("-n 1 -r 200", NULL);
    chorus_rouge *plain = trouge_new("-n 1 -r 0", NULL);
    chorus_rouge *tok = trouge_new("-n 1 -r 0 -t 1", NULL);
    for (size_t i = 0; i < 5; i++) {
        char id[16];
        snprintf(id, sizeof id, "v%zu", i);
        trouge_add(r, id, peers[i], refs[i], NULL);
        trouge_add(plain, id, peers[i], refs[i], NULL);
        trouge_add(tok, id, peers[i], refs[i], NULL);
    }
    /* the bootstrap average equals the model's (instances in id order) */
    double vals[15], model[3];
    for (size_t i = 0; i < 5; i++) {
        chorus_rouge_score s = trouge_score(r, i, "ROUGE-1");
        vals[3 * i] = s.recall;
        vals[3 * i + 1] = s.precision;
        vals[3 * i + 2] = s.f;
    }
    trouge_boot_model(vals, 5, 200, model);
    chorus_rouge_average a;
    assert_int_equal(chorus_rouge_average_of(r, 0, &a), CHORUS_OK);
    assert_true(a.recall == model[0] && a.precision == model[1] && a.f == model[2]);
    assert_true(a.recall_ci[0] <= a.recall && a.recall <= a.recall_ci[1]);
    assert_int_equal(a.n_evals, 5);
    /* without resampling: the plain mean. R: 3/4, 1/3, 1, 1, 1 -> .81667 */
    assert_int_equal(chorus_rouge_average_of(plain, 0, &a), CHORUS_OK);
    assert_true(fabs(a.recall - 0.81667) < 1e-12);
    assert_true(a.recall_ci[0] == a.recall && a.recall_ci[1] == a.recall);
    /* -t 1 pools counts: hits 3+1+1+2+2 = 9 over reference words
     * 4+3+1+2+2 = 12 and peer words 4+2+3+2+5 = 16 */
    assert_int_equal(chorus_rouge_average_of(tok, 0, &a), CHORUS_OK);
    assert_true(fabs(a.recall - 0.75) < 1e-12 && fabs(a.precision - 0.5625) < 1e-12);
    assert_true(a.hits == 9 && a.model_count == 12 && a.peer_count == 16);
    assert_int_equal(chorus_rouge_average_of(tok, 9, &a), CHORUS_ERR_INVALID);
    /* same seed, same figures; another seed, other intervals (same data) */
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    cfg.max_n = 1;
    cfg.resamples = 200;
    cfg.seed = 12345;
    chorus_rouge *s1 = chorus_rouge_new(&cfg, NULL, NULL, 0);
    assert_non_null(s1);
    for (size_t i = 0; i < 5; i++) {
        char id[16];
        snprintf(id, sizeof id, "v%zu", i);
        trouge_add(s1, id, peers[i], refs[i], NULL);
    }
    chorus_rouge_average a0, a1;
    assert_int_equal(chorus_rouge_average_of(r, 0, &a0), CHORUS_OK);
    assert_int_equal(chorus_rouge_average_of(s1, 0, &a1), CHORUS_OK);
    assert_true(fabs(a0.recall - a1.recall) < 0.1);
    assert_true(a0.recall != a1.recall || a0.recall_ci[0] != a1.recall_ci[0] ||
                a0.recall_ci[1] != a1.recall_ci[1]);
    chorus_rouge_free(s1);
    chorus_rouge_free(r);
    chorus_rouge_free(plain);
    chorus_rouge_free(tok);
}

static void test_report(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1 -x -d -r 10", NULL);
    trouge_add(r, "10", "a b", "a b", NULL);
    trouge_add(r, "9", "a", "a b", NULL);
    size_t len;
    char *text = chorus_rouge_report(r, CHORUS_ROUGE_TEXT, &len);
    assert_non_null(text);
    assert_int_equal(len, strlen(text));
    /* ROUGE-1.5.5's layout; "9" before "10" (by leading number) */
    const char *head = "---------------------------------------------\n1 ROUGE-1 Average_R: ";
    assert_true(!strncmp(text, head, strlen(head)));
    assert_non_null(strstr(text, "(95%-conf.int. "));
    char *e9 = strstr(text, "1 ROUGE-1 Eval 9.1 R:0.50000 P:1.00000 F:0.66667\n");
    char *e10 = strstr(text, "1 ROUGE-1 Eval 10.1 R:1.00000 P:1.00000 F:1.00000\n");
    assert_non_null(e9);
    assert_non_null(e10);
    assert_true(e9 < e10);
    assert_null(strstr(text, "ROUGE-L"));
    free(text);

    char *json = chorus_rouge_report(r, CHORUS_ROUGE_JSON, NULL);
    assert_non_null(json);
    json_error_t jerr;
    json_t *doc = json_loads(json, 0, &jerr);
    assert_non_null(doc);
    assert_string_equal(json_string_value(json_object_get(doc, "compatible_with")), "ROUGE-1.5.5");
    json_t *m0 = json_array_get(json_object_get(doc, "metrics"), 0);
    assert_string_equal(json_string_value(json_object_get(m0, "name")), "ROUGE-1");
    json_t *ev = json_array_get(json_object_get(m0, "evals"), 0);
    assert_string_equal(json_string_value(json_object_get(ev, "id")), "9");
    assert_true(json_real_value(json_object_get(ev, "recall")) == 0.5);
    assert_int_equal(json_integer_value(json_object_get(ev, "hits")), 1);
    json_decref(doc);
    free(json);
    chorus_rouge_free(r);

    /* -t 1: per-evaluation counts; -t 2: one count line per metric */
    chorus_rouge *t1 = trouge_new("-n 1 -x -d -t 1 -r 5", NULL);
    trouge_add(t1, "e1", "a b c", "a b", NULL);
    text = chorus_rouge_report(t1, CHORUS_ROUGE_TEXT, NULL);
    assert_non_null(strstr(text, "1 ROUGE-1 Eval e1.1 R:2 P:3 F:2\n"));
    free(text);
    chorus_rouge_free(t1);
    chorus_rouge *t2 = trouge_new("-n 1 -x -t 2", NULL);
    trouge_add(t2, "e1", "a b c", "a b", NULL);
    text = chorus_rouge_report(t2, CHORUS_ROUGE_TEXT, NULL);
    assert_non_null(strstr(text, "1 ROUGE-1 M_count: 2 P_count: 3 H_count: 2\n"));
    free(text);
    chorus_rouge_free(t2);
}

/* ------------------------------------------------------------ config */

static void test_config(void **state) {
    (void)state;
    chorus_rouge_config c;
    chorus_rouge_config_init(&c);
    char err[256];
    assert_int_equal(
        chorus_rouge_config_parse(&c, "-n 4 -m -a -c 90 -r 500 -f B -p 0.3 -t 1 -d -x -l 100", err,
                                  sizeof err),
        CHORUS_OK);
    assert_int_equal(c.max_n, 4);
    assert_true(c.stem && c.best_reference && c.per_eval && !c.rouge_l);
    assert_int_equal(c.max_words, 100);
    assert_int_equal(c.resamples, 500);
    assert_int_equal((int)c.counting, 1);
    assert_true(c.alpha == 0.3 && c.confidence == 90);
    /* bundled switches and attached values, as Getopt::Std reads them */
    chorus_rouge_config_init(&c);
    assert_int_equal(chorus_rouge_config_parse(&c, "-amd -n3 -2 4 -U -w 1.2", err, sizeof err),
                     CHORUS_OK);
    assert_true(c.stem && c.per_eval && c.max_n == 3 && c.skip_bigram && c.skip_gap == 4);
    assert_int_equal(c.skip_unigrams, 2);
    assert_true(c.wlcs_weight == 1.2);
    /* -u wins over -U whatever the order */
    assert_int_equal(chorus_rouge_config_parse(&c, "-u -U", err, sizeof err), CHORUS_OK);
    assert_int_equal(c.skip_unigrams, 1);
    /* the flags of a configuration give the configuration back */
    char *flags = chorus_rouge_config_flags(&c);
    assert_non_null(flags);
    chorus_rouge_config back;
    chorus_rouge_config_init(&back);
    assert_int_equal(chorus_rouge_config_parse(&back, flags, err, sizeof err), CHORUS_OK);
    assert_true(back.max_n == c.max_n && back.stem == c.stem && back.skip_gap == c.skip_gap &&
                back.skip_unigrams == c.skip_unigrams && back.wlcs_weight == c.wlcs_weight &&
                back.per_eval == c.per_eval && back.resamples == c.resamples);
    free(flags);
    /* errors */
    static const char *const bad[] = {"-q",    "-n",   "-f C",   "-p 2",  "-t 3",
                                      "-n 10", "-w 0", "-c 101", "stray", "-e /tmp"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        chorus_rouge_config_init(&c);
        err[0] = '\0';
        assert_int_equal(chorus_rouge_config_parse(&c, bad[i], err, sizeof err),
                         CHORUS_ERR_INVALID);
        assert_true(err[0] != '\0');
    }
    chorus_rouge_config_init(&c);
    c.max_words = 5;
    c.max_bytes = 6;
    chorus_status st;
    assert_null(chorus_rouge_new(&c, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_INVALID);

    /* metric names and order */
    chorus_rouge *r = trouge_new("-n 2 -2 4 -U -w 1.2", NULL);
    static const char *const names[] = {"ROUGE-1",     "ROUGE-2",  "ROUGE-L",
                                        "ROUGE-W-1.2", "ROUGE-S4", "ROUGE-SU4"};
    assert_int_equal(chorus_rouge_metric_count(r), 6);
    for (size_t m = 0; m < 6; m++)
        assert_string_equal(chorus_rouge_metric_name(r, m), names[m]);
    assert_null(chorus_rouge_metric_name(r, 6));
    chorus_rouge_free(r);
}

static void test_add_errors(void **state) {
    (void)state;
    chorus_rouge *r = trouge_new("-n 1", NULL);
    const char *refs[1] = {"a"};
    size_t lens[1] = {1};
    assert_int_equal(chorus_rouge_add(r, "x", "a", 1, refs, lens, 0), CHORUS_ERR_INVALID);
    assert_int_equal(chorus_rouge_add(r, "", "a", 1, refs, lens, 1), CHORUS_ERR_INVALID);
    assert_int_equal(chorus_rouge_add(r, "a b", "a", 1, refs, lens, 1), CHORUS_ERR_INVALID);
    assert_int_equal(chorus_rouge_add(r, "x", "a", 1, refs, lens, 1), CHORUS_OK);
    assert_int_equal(chorus_rouge_add(r, "x", "a", 1, refs, lens, 1), CHORUS_ERR_INVALID);
    assert_non_null(strstr(chorus_rouge_errmsg(r), "twice"));
    assert_int_equal(chorus_rouge_size(r), 1);
    assert_string_equal(chorus_rouge_eval_id(r, 0), "x");
    assert_null(chorus_rouge_eval_id(r, 1));
    chorus_rouge_score s;
    assert_int_equal(chorus_rouge_eval_score(r, 1, 0, &s), CHORUS_ERR_INVALID);
    /* binary junk is just bytes that form no word */
    char junk[300];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 37 % 256);
    assert_int_equal(chorus_rouge_add(r, "junk", junk, sizeof junk, refs, lens, 1), CHORUS_OK);
    chorus_rouge_free(r);
    chorus_rouge_free(NULL);
    chorus_rouge_lexicon_free(NULL);
}

static void test_limits(void **state) {
    (void)state;
    /* one 12,000-word line against another: ROUGE-L's bit-parallel table
     * copes, ROUGE-W's plain table (over 2^27 cells) is refused, and so are
     * ROUGE-S*'s 72 million skip bigrams; refusals leave no evaluation */
    size_t n = 12000;
    char *text = malloc(n * 8);
    assert_non_null(text);
    char *p = text;
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "%sw%zu", i ? " " : "", i % 97);
    chorus_rouge *l = trouge_new("-n 1 -r 0", NULL);
    trouge_add(l, "big", text, text, NULL);
    trouge_counts(l, 0, "ROUGE-L", (double)n, (double)n, (double)n);
    chorus_rouge_free(l);
    static const char *const refused[] = {"-n 1 -x -w 1.2 -r 0", "-n 1 -x -2 -1 -r 0"};
    for (size_t k = 0; k < 2; k++) {
        chorus_rouge *r = trouge_new(refused[k], NULL);
        const char *refs[1] = {text};
        size_t lens[1] = {strlen(text)};
        assert_int_equal(chorus_rouge_add(r, "big", text, strlen(text), refs, lens, 1),
                         CHORUS_ERR_LIMIT);
        assert_true(strlen(chorus_rouge_errmsg(r)) > 0);
        assert_int_equal(chorus_rouge_size(r), 0);
        /* the evaluator still works, and the id is still free */
        trouge_add(r, "big", "a b", "a b", NULL);
        assert_int_equal(chorus_rouge_size(r), 1);
        chorus_rouge_free(r);
    }
    free(text);
}

/* ------------------------------------------------------------- parity */

typedef struct trouge_lines {
    ch_strmap *keys; /* "ROUGE-1 Average_R", "ROUGE-1 Eval e000.1" */
    char **vals;     /* (count) what follows the key */
    size_t n;
} trouge_lines;

/* Indexes the figure lines of a report (the system id column dropped). */
static void trouge_index(const char *text, trouge_lines *out) {
    out->keys = strmap_new();
    out->vals = NULL;
    out->n = 0;
    size_t cap = 0;
    char line[1024];
    for (const char *p = text; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        p += len + (eol ? 1 : 0);
        if (len >= sizeof line)
            continue;
        memcpy(line, p - len - (eol ? 1 : 0), len);
        line[len] = '\0';
        char *sp1 = strchr(line, ' ');
        char *tag = NULL, *avg = strstr(line, " Average_"), *ev = strstr(line, " Eval ");
        if (!sp1)
            continue;
        if (avg) {
            tag = avg + 10; /* after " Average_X" */
        } else if (ev) {
            tag = strchr(ev + 6, ' ');
            if (!tag)
                continue;
        } else {
            continue;
        }
        const char *ks = sp1 + 1;
        uint32_t id = strmap_intern(out->keys, ks, (size_t)(tag - ks), NULL);
        if (id < out->n)
            continue;
        if (out->n == cap) {
            cap = cap ? cap * 2 : 1024;
            out->vals = realloc(out->vals, cap * sizeof *out->vals);
            assert_non_null(out->vals);
        }
        out->vals[out->n] = malloc(strlen(tag) + 1);
        strcpy(out->vals[out->n], tag);
        out->n++;
    }
}

static void trouge_lines_free(trouge_lines *l) {
    for (size_t i = 0; i < l->n; i++)
        free(l->vals[i]);
    free(l->vals);
    strmap_free(l->keys);
}

static char *trouge_path(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *s = malloc(n);
    snprintf(s, n, "%s/%s", dir, name);
    return s;
}

static void test_parity(void **state) {
    (void)state;
    const char *shared = tu_shared_dir();
    if (!shared) {
        printf("SKIP parity: ../shared is absent\n");
        skip();
    }
    char *dir = trouge_path(shared, "data/rouge-parity");
    char *pairs_path = trouge_path(dir, "pairs.tsv");
    char *pairs = tu_read_file(pairs_path, NULL);
    free(pairs_path);
    if (!pairs) {
        free(dir);
        printf("SKIP parity: no rouge-parity data in ../shared\n");
        skip();
    }
    struct stat st;
    int have_wordnet = stat(CHORUS_ROUGE_WORDNET_DIR "/verb.exc", &st) == 0;
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    char *stop = trouge_path(dir, "smart_common_words.txt");
    assert_int_equal(chorus_rouge_lexicon_load_stopwords(lex, stop), CHORUS_OK);
    free(stop);
    if (have_wordnet)
        assert_int_equal(chorus_rouge_lexicon_load_wordnet(lex, CHORUS_ROUGE_WORDNET_DIR),
                         CHORUS_OK);

    /* the evaluations: peer then references per line */
    char *texts[2048];
    size_t lens[2048], n_text = 0;
    char *ids[512];
    size_t first[512], count[512], n_eval = 0;
    for (char *line = strtok(pairs, "\n"); line; line = strtok(NULL, "\n")) {
        assert_true(n_eval < 512);
        first[n_eval] = n_text;
        count[n_eval] = 0;
        char *save = NULL;
        for (char *f = strtok_r(line, "\t", &save); f; f = strtok_r(NULL, "\t", &save)) {
            char *p = trouge_path(dir, f);
            assert_true(n_text < 2048);
            texts[n_text] = tu_read_file(p, &lens[n_text]);
            assert_non_null(texts[n_text]);
            free(p);
            if (count[n_eval] == 0) {
                const char *b = strrchr(f, '/') ? strrchr(f, '/') + 1 : f;
                size_t bl = strcspn(b, ".");
                ids[n_eval] = malloc(bl + 1);
                memcpy(ids[n_eval], b, bl);
                ids[n_eval][bl] = '\0';
            }
            n_text++;
            count[n_eval]++;
        }
        n_eval++;
    }
    assert_int_equal(n_eval, 308);

    static const char *const sets[] = {"duc",         "multinews",  "stop-bytes",
                                       "best-nostem", "skip-token", "plain"};
    size_t total_bad = 0, ran = 0;
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        char name[64];
        snprintf(name, sizeof name, "expected.%s.txt", sets[s]);
        char *ep = trouge_path(dir, name);
        char *expected = tu_read_file(ep, NULL);
        free(ep);
        assert_non_null(expected);
        const char *prefix = "# ROUGE-1.5.5 flags: ";
        assert_true(!strncmp(expected, prefix, strlen(prefix)));
        char flags[256];
        size_t fl = strcspn(expected + strlen(prefix), "\n");
        snprintf(flags, sizeof flags, "%.*s", (int)fl, expected + strlen(prefix));
        chorus_rouge_config cfg;
        chorus_rouge_config_init(&cfg);
        assert_int_equal(chorus_rouge_config_parse(&cfg, flags, NULL, 0), CHORUS_OK);
        if (cfg.stem && !have_wordnet) {
            printf("SKIP parity %s: no WordNet lists in %s (apt-get install wordnet-base)\n",
                   sets[s], CHORUS_ROUGE_WORDNET_DIR);
            free(expected);
            continue;
        }
        cfg.lexicon = lex;
        chorus_rouge *r = chorus_rouge_new(&cfg, NULL, NULL, 0);
        assert_non_null(r);
        for (size_t e = 0; e < n_eval; e++) {
            const char *refs[8];
            size_t rl[8];
            for (size_t k = 1; k < count[e]; k++) {
                refs[k - 1] = texts[first[e] + k];
                rl[k - 1] = lens[first[e] + k];
            }
            assert_int_equal(chorus_rouge_add(r, ids[e], texts[first[e]], lens[first[e]], refs, rl,
                                              count[e] - 1),
                             CHORUS_OK);
        }
        char *got = chorus_rouge_report(r, CHORUS_ROUGE_TEXT, NULL);
        assert_non_null(got);
        trouge_lines want_l, got_l;
        trouge_index(expected, &want_l);
        trouge_index(got, &got_l);
        size_t n_avg = 0, n_ev = 0, bad_avg = 0, bad_ev = 0, bad_ci = 0;
        for (uint32_t k = 0; k < want_l.n; k++) {
            size_t kl;
            const char *key = strmap_key(want_l.keys, k, &kl);
            int is_avg = strstr(key, "Average_") != NULL;
            uint32_t g = strmap_get(got_l.keys, key, kl);
            const char *gv = g == STRMAP_NONE ? "" : got_l.vals[g];
            const char *wv = want_l.vals[k];
            if (is_avg) {
                n_avg++;
                /* ": 0.30472 (95%-conf.int. 0.28813 - 0.32163)" */
                if (strncmp(gv, wv, 9) != 0) {
                    bad_avg++;
                    printf("  %s: %s %s, ROUGE-1.5.5 %s\n", sets[s], key, gv, wv);
                } else if (strcmp(gv, wv) != 0) {
                    bad_ci++;
                }
            } else {
                n_ev++;
                if (strcmp(gv, wv) != 0) {
                    if (bad_ev < 10)
                        printf("  %s: %s %s, ROUGE-1.5.5 %s\n", sets[s], key, gv, wv);
                    bad_ev++;
                }
            }
        }
        int identical = !strcmp(got, strchr(expected, '\n') + 1);
        printf("parity %-12s (%s): %zu Average figures, %zu Eval lines: %zu + %zu mismatches; "
               "%zu interval mismatches; report %s\n",
               sets[s], flags, n_avg, n_ev, bad_avg, bad_ev, bad_ci,
               identical ? "byte-identical" : "differs");
        assert_true(n_avg > 0 && n_ev >= n_eval);
        total_bad += bad_avg + bad_ev + bad_ci;
        ran++;
        trouge_lines_free(&want_l);
        trouge_lines_free(&got_l);
        free(got);
        free(expected);
        chorus_rouge_free(r);
    }
    for (size_t i = 0; i < n_text; i++)
        free(texts[i]);
    for (size_t e = 0; e < n_eval; e++)
        free(ids[e]);
    free(pairs);
    free(dir);
    chorus_rouge_lexicon_free(lex);
    assert_int_equal(total_bad, 0);
    if (ran == 0)
        skip();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clipping),
        cmocka_unit_test(test_multiple_references),
        cmocka_unit_test(test_word_truncation),
        cmocka_unit_test(test_byte_truncation),
        cmocka_unit_test(test_tokenizer),
        cmocka_unit_test(test_porter),
        cmocka_unit_test(test_stemming_exceptions),
        cmocka_unit_test(test_stopwords),
        cmocka_unit_test(test_union_lcs),
        cmocka_unit_test(test_lcs_reference_model),
        cmocka_unit_test(test_wlcs),
        cmocka_unit_test(test_skip_bigrams),
        cmocka_unit_test(test_averages),
        cmocka_unit_test(test_report),
        cmocka_unit_test(test_config),
        cmocka_unit_test(test_add_errors),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_parity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
