/*
 * test_pipeline.c - the library end to end on small clusters written here:
 * citations across reports, offsets back into the input, repair warnings,
 * empty and binary reports, budgets, rendering and determinism.
 */
#include "testutil.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"

static const char *const pipeline_reports[] = {
    ("The city council approved a new tram line on Monday after a four-hour debate.\n\n"
    "The line will connect the university district with the central station by 2029.\n\n"
    "Council member Ada Lindqvist said the vote was the most important of her term.\n\n"
    "Construction is expected to cost about 410 million euros.\n"),

    ("After a four-hour debate on Monday, the city council approved a new tram line.\n\n"
    "Opponents argued that buses would serve the same neighbourhoods for far less money.\n\n"
    "The project is expected to cost about 410 million euros, according to the transport office.\n"),

    ("Residents of the harbour quarter held a street festival on Saturday.\n\n"
    "Musicians played on three stages until late in the evening.\n"),
};

static chorus_cluster *pipeline_cluster(size_t n) {
    chorus_cluster *c = chorus_cluster_new(NULL);
    assert_non_null(c);
    for (size_t i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "r%zu", i + 1);
        chorus_doc_meta m = {.id = id};
        assert_int_equal(chorus_cluster_add(c, pipeline_reports[i], strlen(pipeline_reports[i]), &m),
                         CHORUS_OK);
    }
    return c;
}

static const chorus_summary_sentence *pipeline_find(const chorus_summary *s, const char *needle) {
    for (size_t i = 0; i < chorus_summary_size(s); i++) {
        const chorus_summary_sentence *st = chorus_summary_sentence_at(s, i);
        if (strstr(st->text, needle))
            return st;
    }
    return NULL;
}

static void test_cites_every_report_that_carries_it(void **state) {
    (void)state;
    chorus_cluster *c = pipeline_cluster(3);
    chorus_options o;
    chorus_options_init(&o);
    o.words = 1000; /* everything non-redundant */
    chorus_summary *s = chorus_summarize(c, &o);
    assert_non_null(s);
    const chorus_summary_sentence *tram = pipeline_find(s, "tram line");
    assert_non_null(tram);
    assert_int_equal(tram->n_cites, 2); /* reports 1 and 2 say it, 3 does not */
    assert_int_equal(tram->cites[0], 0);
    assert_int_equal(tram->cites[1], 1);
    /* the paraphrase from the other report is redundant: only one of them */
    size_t n_tram = 0;
    for (size_t i = 0; i < chorus_summary_size(s); i++)
        n_tram += strstr(chorus_summary_sentence_at(s, i)->text, "tram line") != NULL;
    assert_int_equal(n_tram, 1);
    const chorus_summary_sentence *fest = pipeline_find(s, "festival");
    assert_non_null(fest);
    assert_int_equal(fest->n_cites, 1);
    assert_int_equal(fest->cites[0], 2);
    chorus_summary_free(s);
    chorus_cluster_free(c);
}

static void test_offsets_point_into_the_input(void **state) {
    (void)state;
    chorus_cluster *c = pipeline_cluster(3);
    chorus_options o;
    chorus_options_init(&o);
    o.sentences = 4;
    chorus_summary *s = chorus_summarize(c, &o);
    assert_non_null(s);
    assert_true(chorus_summary_size(s) > 0);
    for (size_t i = 0; i < chorus_summary_size(s); i++) {
        const chorus_summary_sentence *st = chorus_summary_sentence_at(s, i);
        size_t len;
        const char *in = chorus_cluster_doc_text(c, st->doc, &len);
        assert_true(st->offset + st->length <= len);
        assert_int_equal(st->length, st->text_len);
        assert_memory_equal(in + st->offset, st->text, st->length);
    }
    chorus_summary_free(s);
    chorus_cluster_free(c);
}

static void test_offsets_survive_repair_and_cleaning(void **state) {
    (void)state;
    /* a bad byte before the sentence and a furniture line above it */
    const char text[] = "Skip to main content\n\nBad \xff byte here in this line of text.\n\n"
                        "The ferry resumed service on Friday morning after repairs.\n";
    chorus_cluster *c = chorus_cluster_new(NULL);
    assert_int_equal(chorus_cluster_add(c, text, sizeof text - 1, NULL), CHORUS_OK);
    chorus_doc_info info;
    assert_int_equal(chorus_cluster_doc(c, 0, &info), CHORUS_OK);
    assert_int_equal(info.n_replaced, 1);
    assert_true(info.n_removed >= 1);
    assert_int_equal(info.removed[0].off, 0);
    chorus_options o;
    chorus_options_init(&o);
    o.sentences = 10;
    chorus_summary *s = chorus_summarize(c, &o);
    const chorus_summary_sentence *st = pipeline_find(s, "ferry");
    assert_non_null(st);
    assert_memory_equal(text + st->offset, st->text, st->length);
    assert_null(pipeline_find(s, "Skip to main"));
    chorus_summary_free(s);
    chorus_cluster_free(c);
}

static void test_bad_reports_leave_the_cluster_unchanged(void **state) {
    (void)state;
    chorus_cluster *c = pipeline_cluster(1);
    assert_int_equal(chorus_cluster_add(c, "", 0, NULL), CHORUS_ERR_EMPTY);
    assert_true(strlen(chorus_cluster_errmsg(c)) > 0);
    assert_int_equal(chorus_cluster_add(c, " \n\t \n", 5, NULL), CHORUS_ERR_EMPTY);
    assert_int_equal(chorus_cluster_add(c, " -- ... !!", 10, NULL), CHORUS_ERR_EMPTY);
    const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    assert_int_equal(chorus_cluster_add(c, bin, sizeof bin - 1, NULL), CHORUS_ERR_BINARY);
    assert_int_equal(chorus_cluster_size(c), 1);
    chorus_summary *s = chorus_summarize(c, NULL);
    assert_non_null(s);
    chorus_summary_free(s);
    chorus_cluster_free(c);

    c = chorus_cluster_new(NULL);
    assert_null(chorus_summarize(c, NULL)); /* no reports */
    assert_true(strlen(chorus_cluster_errmsg(c)) > 0);
    chorus_cluster_free(c);
    chorus_cluster_free(NULL);
    chorus_summary_free(NULL);

    chorus_cluster_config cfg;
    chorus_cluster_config_init(&cfg);
    cfg.language = "klingon";
    chorus_status st;
    assert_null(chorus_cluster_new2(&cfg, &st));
    assert_int_equal(st, CHORUS_ERR_INVALID);
}

static size_t pipeline_words(const chorus_summary *s) {
    size_t w = 0;
    for (size_t i = 0; i < chorus_summary_size(s); i++) {
        const char *t = chorus_summary_sentence_at(s, i)->text;
        int in = 0;
        for (; *t; t++) {
            int sp = *t == ' ';
            w += !sp && !in;
            in = !sp;
        }
    }
    return w;
}

static void test_budgets(void **state) {
    (void)state;
    chorus_cluster *c = pipeline_cluster(3);
    chorus_options o;
    chorus_options_init(&o);
    o.words = 25;
    chorus_summary *s = chorus_summarize(c, &o);
    assert_true(pipeline_words(s) <= 25);
    chorus_summary_free(s);
    o.truncate_last = 1; /* fill the budget exactly */
    s = chorus_summarize(c, &o);
    assert_int_equal(pipeline_words(s), 25);
    chorus_summary_free(s);
    chorus_options_init(&o);
    o.sentences = 2;
    s = chorus_summarize(c, &o);
    assert_int_equal(chorus_summary_size(s), 2);
    chorus_summary_free(s);
    chorus_options_init(&o);
    o.bytes = 150;
    s = chorus_summarize(c, &o);
    size_t bytes = 0;
    for (size_t i = 0; i < chorus_summary_size(s); i++)
        bytes += chorus_summary_sentence_at(s, i)->text_len + (i ? 1 : 0);
    assert_true(bytes <= 150 && bytes > 0);
    chorus_summary_free(s);
    chorus_options_init(&o);
    o.cite_threshold = 1.5; /* out of range */
    assert_null(chorus_summarize(c, &o));
    chorus_options_init(&o);
    o.method = (chorus_method)99; /* no such method */
    assert_null(chorus_summarize(c, &o));
    assert_true(strlen(chorus_cluster_errmsg(c)) > 0);
    chorus_cluster_free(c);
}

static void test_render_formats_and_determinism(void **state) {
    (void)state;
    char *out[2];
    for (int run = 0; run < 2; run++) {
        chorus_cluster *c = pipeline_cluster(3);
        assert_int_equal(chorus_cluster_set_id(c, "tram-vote"), CHORUS_OK);
        chorus_summary *s = chorus_summarize(c, NULL);
        out[run] = chorus_summary_render(s, CHORUS_RENDER_JSON, NULL);
        if (run == 0) {
            char *txt = chorus_summary_render(s, CHORUS_RENDER_TEXT, NULL);
            assert_non_null(strstr(txt, "[1,2]"));
            assert_non_null(strstr(txt, "\nSources:\n[1] r1\n[2] r2\n[3] r3\n"));
            free(txt);
            char *md = chorus_summary_render(s, CHORUS_RENDER_MARKDOWN, NULL);
            assert_non_null(strstr(md, "## Summary: tram-vote"));
            assert_non_null(strstr(md, "### Sources"));
            free(md);
        }
        chorus_summary_free(s);
        chorus_cluster_free(c);
    }
    assert_string_equal(out[0], out[1]);
    json_error_t err;
    json_t *j = json_loads(out[0], 0, &err);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(j, "schema")), CHORUS_JSON_SCHEMA_VERSION);
    assert_string_equal(json_string_value(json_object_get(j, "id")), "tram-vote");
    assert_int_equal(json_array_size(json_object_get(j, "documents")), 3);
    json_t *sum = json_object_get(j, "summary");
    assert_true(json_array_size(sum) > 0);
    json_t *first = json_array_get(sum, 0);
    assert_true(json_is_string(json_object_get(first, "text")));
    assert_true(json_array_size(json_object_get(first, "cites")) >= 1);
    json_decref(j);
    free(out[0]);
    free(out[1]);
}

static void test_methods_all_produce_summaries(void **state) {
    (void)state;
    chorus_cluster *c = pipeline_cluster(3);
    for (int m = CHORUS_METHOD_DEFAULT; m <= CHORUS_METHOD_LEAD; m++) {
        assert_int_equal(chorus_method_parse(chorus_method_name((chorus_method)m)), m);
        chorus_options o;
        chorus_options_init(&o);
        o.method = (chorus_method)m;
        o.words = 40;
        chorus_summary *s = chorus_summarize(c, &o);
        assert_non_null(s);
        assert_true(chorus_summary_size(s) >= 1);
        chorus_summary_free(s);
    }
    assert_int_equal(chorus_method_parse("nonsense"), -1);
    chorus_cluster_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cites_every_report_that_carries_it),
        cmocka_unit_test(test_offsets_point_into_the_input),
        cmocka_unit_test(test_offsets_survive_repair_and_cleaning),
        cmocka_unit_test(test_bad_reports_leave_the_cluster_unchanged),
        cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_render_formats_and_determinism),
        cmocka_unit_test(test_methods_all_produce_summaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
