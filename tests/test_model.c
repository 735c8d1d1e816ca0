/*
 * test_model.c - the sentence model: sparse dot products against a dense
 * reference, cluster and background IDF values worked out by hand, TF-IDF
 * vector invariants, and the background IDF file (round trip through the
 * builder, and every load error).
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "chorus.h"
#include "model/idf.h"
#include "model/svec.h"
#include "model/terms.h"
#include "text/token.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strmap.h"

/* Deterministic generator for the randomised tests. */
static uint64_t tm_rand(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Writes 'text' to 'path'; asserts success. */
static void tm_write(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

/* --------------------------------------------------------------- vectors */

static void test_svec_dot_matches_dense(void **state) {
    (void)state;
    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    enum { NS = 40, NT = 25 };
    ch_arena *a = arena_new(0);
    assert_non_null(a);
    uint32_t *terms[NS];
    uint32_t n_terms[NS];
    for (int i = 0; i < NS; i++) {
        n_terms[i] = (uint32_t)(tm_rand(&seed) % 12); /* some empty */
        terms[i] = arena_alloc(a, (n_terms[i] + 1) * sizeof(uint32_t));
        for (uint32_t k = 0; k < n_terms[i]; k++)
            terms[i][k] = (uint32_t)(tm_rand(&seed) % NT);
    }
    float idf[NT];
    for (int t = 0; t < NT; t++)
        idf[t] = 0.1f + (float)(tm_rand(&seed) % 1000) / 250.0f;
    ch_svec v[NS];
    assert_int_equal(model_vectors(a, (const uint32_t *const *)terms, n_terms, NS, idf, v), 0);
    /* dense reference: raw tf * idf, normalised */
    static double dense[NS][NT];
    for (int i = 0; i < NS; i++) {
        double norm = 0;
        for (int t = 0; t < NT; t++)
            dense[i][t] = 0;
        for (uint32_t k = 0; k < n_terms[i]; k++)
            dense[i][terms[i][k]] += idf[terms[i][k]];
        for (int t = 0; t < NT; t++)
            norm += dense[i][t] * dense[i][t];
        for (int t = 0; t < NT && norm > 0; t++)
            dense[i][t] /= sqrt(norm);
    }
    for (int i = 0; i < NS; i++) {
        for (int j = 0; j < NS; j++) {
            double ref = 0;
            for (int t = 0; t < NT; t++)
                ref += dense[i][t] * dense[j][t];
            assert_true(fabs(svec_dot(&v[i], &v[j]) - ref) < 1e-5);
        }
        if (n_terms[i] == 0)
            assert_int_equal(v[i].n, 0);
    }
    arena_free(a);
}

static void test_vectors_sorted_unit_tf(void **state) {
    (void)state;
    ch_arena *a = arena_new(0);
    uint32_t s0[] = {7, 2, 7, 5, 2, 7}; /* tf: 2 -> 2, 5 -> 1, 7 -> 3 */
    uint32_t s1[] = {4};
    const uint32_t *terms[] = {s0, s1, NULL};
    uint32_t n_terms[] = {6, 1, 0};
    float idf[8] = {1, 1, 2.0f, 1, 0.5f, 3.0f, 1, 1.0f};
    ch_svec v[3];
    assert_int_equal(model_vectors(a, terms, n_terms, 3, idf, v), 0);
    assert_int_equal(v[0].n, 3);
    assert_int_equal(v[0].id[0], 2);
    assert_int_equal(v[0].id[1], 5);
    assert_int_equal(v[0].id[2], 7);
    /* raw weights 2*2 = 4, 1*3 = 3, 3*1 = 3; norm sqrt(34) */
    double nrm = sqrt(34.0);
    assert_true(fabs(v[0].w[0] - 4 / nrm) < 1e-6);
    assert_true(fabs(v[0].w[1] - 3 / nrm) < 1e-6);
    assert_true(fabs(v[0].w[2] - 3 / nrm) < 1e-6);
    assert_true(fabs(svec_dot(&v[0], &v[0]) - 1.0) < 1e-6);
    assert_int_equal(v[1].n, 1);
    assert_true(fabs(v[1].w[0] - 1.0) < 1e-7);
    assert_int_equal(v[2].n, 0);
    assert_true(svec_dot(&v[0], &v[2]) == 0.0);
    /* the input lists are not modified */
    assert_int_equal(s0[0], 7);
    arena_free(a);
}

static void test_cluster_idf_by_hand(void **state) {
    (void)state;
    ch_arena *a = arena_new(0);
    /* 4 sentences; term 0 in all, term 1 in one (twice), term 2 in two. */
    uint32_t s0[] = {0, 1, 1}, s1[] = {0, 2}, s2[] = {0, 2, 0}, s3[] = {0};
    const uint32_t *terms[] = {s0, s1, s2, s3};
    uint32_t n_terms[] = {3, 2, 3, 1};
    float *idf = model_idf(a, NULL, NULL, terms, n_terms, 4);
    assert_non_null(idf);
    assert_true(fabs(idf[0] - log(1.0 + 4.0 / 4.0)) < 1e-6);
    assert_true(fabs(idf[1] - log(1.0 + 4.0 / 1.0)) < 1e-6);
    assert_true(fabs(idf[2] - log(1.0 + 4.0 / 2.0)) < 1e-6);
    /* a vocabulary term that no sentence uses gets the rarest weight */
    ch_strmap *vocab = strmap_new();
    const char *w[] = {"a", "b", "c", "unused"};
    for (int i = 0; i < 4; i++)
        assert_int_equal(strmap_intern(vocab, w[i], strlen(w[i]), NULL), (uint32_t)i);
    idf = model_idf(a, NULL, vocab, terms, n_terms, 4);
    assert_true(fabs(idf[3] - log(5.0)) < 1e-6);
    assert_true(idf[0] > 0 && idf[0] < idf[2] && idf[2] < idf[1]);
    strmap_free(vocab);
    arena_free(a);
}

/* ---------------------------------------------------- background model */

static const char tm_model_text[] = "chorus-idf 1 english 9 3\n"
                                    "9\tcommon\n"
                                    "1\trare\n"
                                    "4\tsome\n";

static void test_background_idf_values(void **state) {
    (void)state;
    const char *path = "test_model_bg.idf";
    tm_write(path, tm_model_text);
    chorus_status st = CHORUS_ERR_INVALID;
    char err[256];
    chorus_idf *m = chorus_idf_load(path, &st, err, sizeof err);
    assert_non_null(m);
    assert_int_equal(st, CHORUS_OK);
    assert_string_equal(chorus_idf_language(m), "english");
    assert_int_equal(chorus_idf_documents(m), 9);
    assert_int_equal(chorus_idf_terms(m), 3);
    /* idf = log((N + 1) / (df + 1)) + 1 */
    assert_true(fabs(chorus_idf_weight(m, "common", 6) - (log(10.0 / 10.0) + 1)) < 1e-12);
    assert_true(fabs(chorus_idf_weight(m, "rare", 4) - (log(10.0 / 2.0) + 1)) < 1e-12);
    assert_true(fabs(chorus_idf_weight(m, "some", 4) - (log(10.0 / 5.0) + 1)) < 1e-12);
    assert_true(fabs(chorus_idf_weight(m, "never", 5) - (log(10.0) + 1)) < 1e-12);
    assert_true(fabs(idf_unseen(m) - (log(10.0) + 1)) < 1e-12);
    assert_int_equal(idf_df(m, "some", 4), 4);
    assert_int_equal(idf_df(m, "som", 3), 0);

    /* model_idf takes the background weights through the vocabulary */
    ch_arena *a = arena_new(0);
    ch_strmap *vocab = strmap_new();
    strmap_intern(vocab, "rare", 4, NULL);
    strmap_intern(vocab, "zzz", 3, NULL);
    strmap_intern(vocab, "common", 6, NULL);
    uint32_t s0[] = {0, 1, 2};
    const uint32_t *terms[] = {s0};
    uint32_t n_terms[] = {3};
    float *idf = model_idf(a, m, vocab, terms, n_terms, 1);
    assert_non_null(idf);
    assert_true(fabs(idf[0] - (log(5.0) + 1)) < 1e-6);
    assert_true(fabs(idf[1] - (log(10.0) + 1)) < 1e-6);
    assert_true(fabs(idf[2] - 1.0) < 1e-6);
    strmap_free(vocab);
    arena_free(a);
    chorus_idf_free(m);
    chorus_idf_free(NULL);

    /* the same model gzip-compressed loads the same */
    gzFile gz = gzopen("test_model_bg.idf.gz", "wb");
    assert_non_null(gz);
    assert_int_equal(gzwrite(gz, tm_model_text, (unsigned)strlen(tm_model_text)),
                     (int)strlen(tm_model_text));
    assert_int_equal(gzclose(gz), Z_OK);
    m = chorus_idf_load("test_model_bg.idf.gz", &st, err, sizeof err);
    assert_non_null(m);
    assert_int_equal(chorus_idf_terms(m), 3);
    assert_true(fabs(chorus_idf_weight(m, "rare", 4) - (log(5.0) + 1)) < 1e-12);
    chorus_idf_free(m);
    remove(path);
    remove("test_model_bg.idf.gz");
}

/* Loads 'text' from a file and expects failure with 'want' and a message
 * containing 'needle'. */
static void tm_expect_load_error(const char *text, chorus_status want, const char *needle) {
    const char *path = "test_model_bad.idf";
    tm_write(path, text);
    chorus_status st = CHORUS_OK;
    char err[256] = "unchanged";
    chorus_idf *m = chorus_idf_load(path, &st, err, sizeof err);
    if (m || st != want || !strstr(err, needle))
        print_error("input %s: status %d, message '%s', expected %d with '%s'\n", text, (int)st,
                    err, (int)want, needle);
    assert_null(m);
    assert_int_equal(st, want);
    assert_non_null(strstr(err, needle));
    remove(path);
}

static void test_background_idf_load_errors(void **state) {
    (void)state;
    chorus_status st = CHORUS_OK;
    char err[256];
    chorus_idf *m = chorus_idf_load("no-such-dir/none.idf", &st, err, sizeof err);
    assert_null(m);
    assert_int_equal(st, CHORUS_ERR_IO);
    assert_non_null(strstr(err, "cannot open"));
    /* err may be absent */
    assert_null(chorus_idf_load("no-such-dir/none.idf", &st, NULL, 0));
    assert_null(chorus_idf_load(NULL, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_INVALID);

    tm_expect_load_error("", CHORUS_ERR_FORMAT, "empty");
    tm_expect_load_error("word\tcount\n", CHORUS_ERR_FORMAT, "not a chorus IDF file");
    tm_expect_load_error("chorus-idf 2 english 9 0\n", CHORUS_ERR_FORMAT, "version 2");
    tm_expect_load_error("chorus-idf 1 english\n", CHORUS_ERR_FORMAT, "bad header");
    tm_expect_load_error("chorus-idf 1 english 9 3", CHORUS_ERR_FORMAT, "truncated");
    /* cut at a line boundary: the announced count gives it away */
    tm_expect_load_error("chorus-idf 1 english 9 3\n9\tcommon\n1\trare\n", CHORUS_ERR_FORMAT,
                         "truncated");
    /* cut inside a line */
    tm_expect_load_error("chorus-idf 1 english 9 3\n9\tcommon\n1\trare\n4\tso", CHORUS_ERR_FORMAT,
                         "truncated");
    tm_expect_load_error("chorus-idf 1 english 9 1\n9\tcommon\n1\trare\n", CHORUS_ERR_FORMAT,
                         "more term lines");
    tm_expect_load_error("chorus-idf 1 english 9 2\n1\trare\n9\tcommon\n", CHORUS_ERR_FORMAT,
                         "line 3");
    tm_expect_load_error("chorus-idf 1 english 9 2\n1\trare\n2\trare\n", CHORUS_ERR_FORMAT,
                         "increasing");
    tm_expect_load_error("chorus-idf 1 english 9 1\n10\trare\n", CHORUS_ERR_FORMAT, "outside 1..9");
    tm_expect_load_error("chorus-idf 1 english 9 1\n0\trare\n", CHORUS_ERR_FORMAT, "outside");
    tm_expect_load_error("chorus-idf 1 english 9 1\nx\trare\n", CHORUS_ERR_FORMAT, "DF<TAB>TERM");
    tm_expect_load_error("chorus-idf 1 english 9 1\n3\t\n", CHORUS_ERR_FORMAT, "empty term");
    /* an empty model is valid */
    tm_write("test_model_empty.idf", "chorus-idf 1 english 0 0\n");
    m = chorus_idf_load("test_model_empty.idf", &st, err, sizeof err);
    assert_non_null(m);
    assert_true(fabs(chorus_idf_weight(m, "x", 1) - 1.0) < 1e-12);
    chorus_idf_free(m);
    remove("test_model_empty.idf");
}

/* The term the model forms for a single word, through the lexicon. */
static char *tm_term_of(const char *word) {
    ch_lexicon *lx = lexicon_new("english");
    assert_non_null(lx);
    ch_buf scratch = {0};
    ch_token t;
    size_t pos = 0;
    assert_true(tok_next(word, strlen(word), &pos, &t));
    const char *term = NULL;
    size_t len = 0;
    char *out = NULL;
    if (model_term(lx, word, &t, &scratch, &term, &len) == 1) {
        out = malloc(len + 1);
        memcpy(out, term, len);
        out[len] = '\0';
    }
    buf_free(&scratch);
    lexicon_free(lx);
    return out;
}

static void test_builder_round_trip(void **state) {
    (void)state;
    chorus_status st = CHORUS_ERR_IO;
    chorus_idf_builder *b = chorus_idf_builder_new(NULL, &st);
    assert_non_null(b);
    assert_int_equal(st, CHORUS_OK);
    const char *docs[] = {
        "The minister resigned on Tuesday. The minister's office confirmed it.",
        "Ministers met again; the office stayed closed until 2024.",
        "Rain fell in the valley \xff\xfe overnight.", /* invalid UTF-8 repaired */
        "",                                            /* a document without words */
    };
    for (int i = 0; i < 4; i++)
        assert_int_equal(chorus_idf_builder_add(b, docs[i], strlen(docs[i])), CHORUS_OK);
    assert_int_equal(chorus_idf_builder_add(b, NULL, 3), CHORUS_ERR_INVALID);
    assert_int_equal(chorus_idf_builder_add(NULL, "x", 1), CHORUS_ERR_INVALID);
    char err[256];
    assert_int_equal(chorus_idf_builder_save(b, "test_model_built.idf", err, sizeof err),
                     CHORUS_OK);
    assert_int_equal(chorus_idf_builder_save(b, "no-such-dir/x.idf", err, sizeof err),
                     CHORUS_ERR_IO);
    assert_non_null(strstr(err, "no-such-dir/x.idf"));
    chorus_idf_builder_free(b);
    chorus_idf_builder_free(NULL);

    FILE *f = fopen("test_model_built.idf", "rb");
    assert_non_null(f);
    char head[64] = {0};
    assert_non_null(fgets(head, sizeof head, f));
    fclose(f);
    assert_int_equal(strncmp(head, "chorus-idf 1 english 4 ", 23), 0);

    chorus_idf *m = chorus_idf_load("test_model_built.idf", &st, err, sizeof err);
    assert_non_null(m);
    assert_int_equal(chorus_idf_documents(m), 4);
    struct {
        const char *word;
        uint64_t df;
    } want[] = {{"minister", 2}, {"Ministers", 2}, {"office", 2}, {"rain", 1},
                {"Tuesday", 1},  {"2024", 1},      {"valley", 1}, {"overnight", 1}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char *term = tm_term_of(want[i].word);
        assert_non_null(term);
        uint64_t df = idf_df(m, term, strlen(term));
        if (df != want[i].df)
            print_error("%s -> %s: df %llu, want %llu\n", want[i].word, term,
                        (unsigned long long)df, (unsigned long long)want[i].df);
        assert_true(df == want[i].df);
        assert_true(fabs(chorus_idf_weight(m, term, strlen(term)) -
                         (log(5.0 / (double)(want[i].df + 1)) + 1)) < 1e-12);
        free(term);
    }
    /* stopwords are not terms */
    assert_null(tm_term_of("the"));
    assert_int_equal(idf_df(m, "the", 3), 0);
    chorus_idf_free(m);
    remove("test_model_built.idf");

    /* languages */
    assert_null(chorus_idf_builder_new("klingon", &st));
    assert_int_equal(st, CHORUS_ERR_INVALID);
    assert_null(chorus_idf_builder_new("bad name", &st));
    assert_int_equal(st, CHORUS_ERR_INVALID);
    b = chorus_idf_builder_new("german", &st);
    assert_non_null(b);
    assert_int_equal(chorus_idf_builder_save(b, "test_model_de.idf", err, sizeof err), CHORUS_OK);
    chorus_idf_builder_free(b);
    m = chorus_idf_load("test_model_de.idf", &st, err, sizeof err);
    assert_non_null(m);
    assert_string_equal(chorus_idf_language(m), "german");
    assert_int_equal(chorus_idf_terms(m), 0);
    chorus_idf_free(m);
    remove("test_model_de.idf");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svec_dot_matches_dense),
        cmocka_unit_test(test_vectors_sorted_unit_tf),
        cmocka_unit_test(test_cluster_idf_by_hand),
        cmocka_unit_test(test_background_idf_values),
        cmocka_unit_test(test_background_idf_load_errors),
        cmocka_unit_test(test_builder_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
