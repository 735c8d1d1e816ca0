/*
 * test_salience.c - the learned salience model: model files (parsing and
 * its errors), the sentence features on a small written cluster, and the
 * salience method through the public API with a model given as text.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "core/summary.h"
#include "summarize/salience.h"
#include "util/arena.h"

/* A model text with every weight 0 but 'name' (weight w); bias b. */
static char *ts_model(const char *name, double w, double b) {
    size_t cap = 4096, n = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    n += (size_t)snprintf(t + n, cap - n, "%s %d\n# test model\nbias %g\n", SAL_MODEL_MAGIC,
                          SAL_MODEL_VERSION, b);
    for (size_t k = 0; k < SAL_N_FEATURES; k++)
        n += (size_t)snprintf(t + n, cap - n, "%s %g\n", sal_feature_name(k),
                              name && !strcmp(name, sal_feature_name(k)) ? w : 0.0);
    return t;
}

static size_t ts_feature(const char *name) {
    for (size_t k = 0; k < SAL_N_FEATURES; k++)
        if (!strcmp(sal_feature_name(k), name))
            return k;
    fail_msg("no feature %s", name);
    return 0;
}

extern const unsigned char chorus_data_salience_model[];
extern const unsigned long chorus_data_salience_model_len;

static void test_builtin_model_parses(void **state) {
    (void)state;
    sal_model m;
    assert_int_equal(sal_model_default(&m), 0);
    /* its lexicon passes the full check and is there */
    char err[160];
    assert_int_equal(chorus_model_check((const char *)chorus_data_salience_model,
                                        (size_t)chorus_data_salience_model_len, err, sizeof err),
                     CHORUS_OK);
    assert_non_null(m.lex);
    assert_true(m.lex_len > 1000);
    /* a fitted model, not zeros */
    int nonzero = 0;
    for (size_t k = 0; k < SAL_N_FEATURES; k++)
        nonzero += m.w[k] != 0.0;
    assert_true(nonzero > SAL_N_FEATURES / 2);
    assert_null(sal_feature_name(SAL_N_FEATURES));
}

static void ts_bad(const char *text, const char *want) {
    sal_model m;
    char err[160] = "";
    assert_int_equal(sal_model_parse(text, strlen(text), &m, 1, err, sizeof err), -1);
    if (!strstr(err, want))
        fprintf(stderr, "error '%s' lacks '%s'\n", err, want);
    assert_non_null(strstr(err, want));
    assert_int_equal(chorus_model_check(text, strlen(text), err, sizeof err), CHORUS_ERR_INVALID);
}

static void test_model_errors(void **state) {
    (void)state;
    char *good = ts_model("centroid", 2.5, 0.25);
    sal_model m;
    char err[160];
    assert_int_equal(sal_model_parse(good, strlen(good), &m, 1, err, sizeof err), 0);
    assert_true(m.w[ts_feature("centroid")] == 2.5 && m.bias == 0.25);
    assert_int_equal(chorus_model_check(good, strlen(good), err, sizeof err), CHORUS_OK);

    ts_bad("", "empty model");
    ts_bad("chorus-idf 1 english\n", "not a chorus salience model");
    ts_bad("chorus-salience 9\nbias 0\n", "unsupported model version");
    /* one feature missing */
    size_t n = strlen(good);
    char *t = malloc(n + 64);
    assert_non_null(t);
    memcpy(t, good, n + 1);
    *strstr(t, "single_doc") = '\0';
    ts_bad(t, "missing 'single_doc'");
    /* unknown, repeated, malformed */
    snprintf(t, n + 64, "%sno_such_feature 1\n", good);
    ts_bad(t, "unknown feature");
    snprintf(t, n + 64, "%scentroid 1\n", good);
    ts_bad(t, "given twice");
    snprintf(t, n + 64, "%s", good);
    memcpy(strstr(t, "bias 0.25"), "bias x.25", 9);
    ts_bad(t, "finite number");
    snprintf(t, n + 64, "%s", good);
    memcpy(strstr(t, "bias 0.25"), "bias nan ", 9);
    ts_bad(t, "finite number");
    free(t);

    /* a lexicon: found by exact stem, checked for order and numbers */
    t = malloc(n + 256);
    assert_non_null(t);
    snprintf(t, n + 256, "%slexicon\nbridg 0.75\nclose -0.5\nferri 1.25\n", good);
    assert_int_equal(sal_model_parse(t, strlen(t), &m, 1, err, sizeof err), 0);
    assert_true(sal_lexicon_weight(&m, "ferri", 5) == 1.25);
    assert_true(sal_lexicon_weight(&m, "bridg", 5) == 0.75);
    assert_true(sal_lexicon_weight(&m, "close", 5) == -0.5);
    assert_true(sal_lexicon_weight(&m, "clos", 4) == 0.0);
    assert_true(sal_lexicon_weight(&m, "zzz", 3) == 0.0);
    assert_true(sal_lexicon_weight(&m, "a", 1) == 0.0);
    snprintf(t, n + 256, "%slexicon\nferri 1\nbridg 2\n", good);
    ts_bad(t, "sorted");
    snprintf(t, n + 256, "%slexicon\nbridg 1\nbridg 2\n", good);
    ts_bad(t, "unique");
    snprintf(t, n + 256, "%slexicon\nbridg one\n", good);
    ts_bad(t, "finite number");
    snprintf(t, n + 256, "%slexicon\nbridg\n", good);
    ts_bad(t, "stem weight");
    free(t);
    free(good);
}

/* Two short reports written for the test. */
static const char *const ts_reports[] = {
    "The river ferry stopped running on Tuesday after its engine failed. \"We cannot sail until "
    "the part arrives,\" the captain said. Repairs will cost 40,000 dollars. Will the town pay "
    "for them? We asked the mayor and she did not answer.\n",
    "A failed engine halted the river ferry on Tuesday. The captain said the boat would not sail "
    "until a new part arrived. Commuters drove the long way around the lake.\n",
};

static void test_features_of_written_cluster(void **state) {
    (void)state;
    chorus_cluster *c = chorus_cluster_new(NULL);
    assert_non_null(c);
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(chorus_cluster_add(c, ts_reports[i], strlen(ts_reports[i]), NULL),
                         CHORUS_OK);
    chorus_options o;
    chorus_options_init(&o);
    ch_arena *a = arena_new(0);
    ch_rank_input in;
    ch_svec q;
    assert_non_null(a);
    assert_int_equal(summary_rank_input(c, &o, a, &in, &q), 0);
    assert_int_equal(in.n, 8);
    double *x = malloc(in.n * SAL_N_FEATURES * sizeof *x);
    assert_non_null(x);
    assert_int_equal(sal_features(&in, NULL, x), 0);
#define F(i, name) x[(i)*SAL_N_FEATURES + ts_feature(name)]
    /* sentence order: report 0 (0..4), report 1 (5..7) */
    assert_true(F(0, "pos_first") == 1.0 && F(1, "pos_first") == 0.0 && F(5, "pos_first") == 1.0);
    assert_true(F(4, "pos_last") == 1.0 && F(7, "pos_last") == 1.0 && F(0, "pos_last") == 0.0);
    assert_true(F(1, "quote") == 1.0 && F(0, "quote") == 0.0);
    assert_true(F(2, "digit") == 1.0 && F(0, "digit") == 0.0);
    assert_true(F(3, "question") == 1.0 && F(2, "question") == 0.0);
    assert_true(F(4, "first_person") == 1.0 && F(0, "first_person") == 0.0);
    assert_true(F(0, "single_doc") == 0.0);
    /* the opening of report 0 has its twin in report 1: supported, shared pairs */
    assert_true(F(0, "support_max") > 0.3);
    assert_true(F(0, "support_max") > F(3, "support_max"));
    assert_true(F(0, "term_df") > F(4, "term_df"));
    for (size_t i = 0; i < in.n; i++) {
        assert_true(F(i, "centroid_rel") <= 1.0 + 1e-9);
        assert_true(F(i, "pos_rel") >= 0.0 && F(i, "pos_rel") <= 1.0);
        assert_true(F(i, "doc_share") > 0.0 && F(i, "doc_share") < 1.0);
    }
    /* lexicon features from a model's lexicon: "ferri" (ferry) weighs 2 */
    char *mt = ts_model(NULL, 0.0, 0.0);
    size_t ml = strlen(mt);
    char *lexmodel = malloc(ml + 64);
    assert_non_null(lexmodel);
    snprintf(lexmodel, ml + 64, "%slexicon\nferri 2\n", mt);
    sal_model lm;
    char err[160];
    assert_int_equal(sal_model_parse(lexmodel, strlen(lexmodel), &lm, 1, err, sizeof err), 0);
    assert_int_equal(sal_features(&in, &lm, x), 0);
    assert_true(F(0, "lexicon_mean") > 0.0 && F(0, "lexicon_pos") > 0.0);   /* "river ferry" */
    assert_true(F(2, "lexicon_mean") == 0.0 && F(2, "lexicon_pos") == 0.0); /* repairs */
    free(lexmodel);
    free(mt);
#undef F
    free(x);
    arena_free(a);
    chorus_cluster_free(c);
}

static chorus_summary *ts_summarize(chorus_cluster *c, const char *model, size_t sentences) {
    chorus_options o;
    chorus_options_init(&o);
    o.method = CHORUS_METHOD_SALIENCE;
    o.sentences = sentences;
    o.model = model;
    o.model_len = model ? strlen(model) : 0;
    return chorus_summarize(c, &o);
}

static void test_method_follows_model(void **state) {
    (void)state;
    chorus_cluster *c = chorus_cluster_new(NULL);
    assert_non_null(c);
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(chorus_cluster_add(c, ts_reports[i], strlen(ts_reports[i]), NULL),
                         CHORUS_OK);
    /* a model that wants the question outranks centrality */
    char *m = ts_model("question", 10.0, 0.0);
    chorus_summary *s = ts_summarize(c, m, 1);
    assert_non_null(s);
    assert_int_equal(chorus_summary_size(s), 1);
    assert_non_null(strchr(chorus_summary_sentence_at(s, 0)->text, '?'));
    chorus_summary_free(s);
    free(m);
    /* one that penalises it never picks it first */
    m = ts_model("question", -10.0, 0.0);
    s = ts_summarize(c, m, 3);
    assert_non_null(s);
    for (size_t k = 0; k < chorus_summary_size(s); k++)
        assert_null(strchr(chorus_summary_sentence_at(s, k)->text, '?'));
    chorus_summary_free(s);
    free(m);
    /* the built-in model */
    s = ts_summarize(c, NULL, 2);
    assert_non_null(s);
    assert_int_equal(chorus_summary_size(s), 2);
    chorus_summary_free(s);
    /* a broken model is an error with the line, not a crash */
    s = ts_summarize(c, "chorus-salience 1\nbias 0\n", 2);
    assert_null(s);
    assert_non_null(strstr(chorus_cluster_errmsg(c), "salience model line"));
    chorus_cluster_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_model_parses),
        cmocka_unit_test(test_model_errors),
        cmocka_unit_test(test_features_of_written_cluster),
        cmocka_unit_test(test_method_follows_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
