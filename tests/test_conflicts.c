/*
 * test_conflicts.c - figures and conflicts: extraction of each kind from
 * plain sentences, agreement under hedges and rounding, conflicts between
 * small invented reports (and the distinctions that must not be flagged),
 * then the hand-labelled fixture clusters of tests/fixtures/conflicts and,
 * when ../shared is present, the seed reports.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/conflicts.h"
#include "conflicts_labels.h"

/* ------------------------------------------------------------ helpers */

static ch_conflicts tc_run(clab_docs *t, ch_arena *a) {
    ch_conflicts out;
    assert_int_equal(conflicts_find(t->d, t->n, "english", a, &out), 0);
    return out;
}

/* The figure of report 'doc' whose text is 'text' (exactly), or NULL. */
static const ch_quantity *tc_q(const ch_conflicts *c, uint32_t doc, const char *text) {
    for (size_t i = 0; i < c->n_q; i++)
        if (c->q[i].doc == doc && strcmp(c->q[i].text, text) == 0)
            return &c->q[i];
    return NULL;
}

/* Some conflict holds figures with these texts from these reports. */
static int tc_flagged(const ch_conflicts *c, uint32_t da, const char *ta, uint32_t db,
                      const char *tb) {
    for (size_t k = 0; k < c->n; k++) {
        int ha = 0, hb = 0;
        for (size_t s = 0; s < c->c[k].n_sides; s++) {
            const ch_quantity *q = &c->q[c->c[k].sides[s]];
            ha |= q->doc == da && strcmp(q->text, ta) == 0;
            hb |= q->doc == db && strcmp(q->text, tb) == 0;
        }
        if (ha && hb)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ extraction */

static void test_extract_kinds(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "The agency approved a $4.5 billion plan and 410 million euros in loans.\n"
                 "Prices rose 5.2% in May and 12 percent over the year.\n"
                 "The 45-year-old suspect was arrested with Tom Ricks, 52, near the depot.\n"
                 "Twelve people were injured and 20,000 emails were released.\n"
                 "The talks took more than four years and ended on Oct. 18, 2016.\n"
                 "The tunnel flooded on Monday morning and again at 11:40 p.m. on Tuesday.\n"
                 "The signal failed Saturday, 5 pm GMT, shortly after the broadcast.\n"
                 "Flight 116 landed at gate No. 5 after a 3-2 vote on its 4th attempt.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_conflicts c = tc_run(&t, a);
    const ch_quantity *q;

    q = tc_q(&c, 0, "$4.5 billion");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_MONEY);
    assert_true(fabs(q->value - 4.5e9) < 1);
    assert_string_equal(q->unit, "dollar");
    q = tc_q(&c, 0, "410 million euros");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_MONEY);
    assert_true(fabs(q->value - 4.1e8) < 1);
    assert_string_equal(q->unit, "euro");

    q = tc_q(&c, 0, "5.2%");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_PERCENT);
    assert_true(fabs(q->value - 5.2) < 1e-9);
    assert_int_equal(q->scale, -1);
    q = tc_q(&c, 0, "12 percent");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_PERCENT);

    q = tc_q(&c, 0, "45-year-old");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_AGE);
    assert_true(q->value == 45);
    assert_string_equal(q->noun, "suspect");
    q = tc_q(&c, 0, "52");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_AGE);

    q = tc_q(&c, 0, "Twelve people");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_COUNT);
    assert_true(q->value == 12);
    assert_string_equal(q->unit, "person");
    assert_non_null(strstr(q->measure, "injur"));
    q = tc_q(&c, 0, "20,000 emails");
    assert_non_null(q);
    assert_true(q->value == 20000);
    assert_int_equal(q->scale, 4);

    q = tc_q(&c, 0, "more than four years");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_DURATION);
    assert_true(q->value == 4);
    assert_true(q->flags & QF_ATLEAST);
    assert_true(isinf(q->hi));
    q = tc_q(&c, 0, "Oct. 18, 2016");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_DATE);
    assert_int_equal(q->date.year, 2016);
    assert_int_equal(q->date.month, 10);
    assert_int_equal(q->date.day, 18);

    q = tc_q(&c, 0, "Monday morning");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_WEEKDAY);
    assert_int_equal(q->when.weekday, 0);
    assert_int_equal(q->when.tod_lo, 5 * 60);
    q = tc_q(&c, 0, "11:40 p.m. on Tuesday");
    assert_non_null(q);
    assert_int_equal(q->when.weekday, 1);
    assert_int_equal(q->when.tod_lo, 23 * 60 + 40);
    q = tc_q(&c, 0, "Saturday, 5 pm GMT");
    assert_non_null(q);
    assert_int_equal(q->when.weekday, 5);
    assert_int_equal(q->when.tod_lo, 17 * 60);
    assert_int_equal(q->when.tz, 0);

    /* names, ranks, scores and ordinals are not figures */
    for (size_t i = 0; i < c.n_q; i++) {
        assert_null(strstr(c.q[i].text, "116"));
        assert_true(strcmp(c.q[i].text, "5") != 0);
        assert_null(strstr(c.q[i].text, "3-2"));
        assert_null(strstr(c.q[i].text, "4th"));
    }
    /* offsets point at the text */
    for (size_t i = 0; i < c.n_q; i++) {
        assert_true(c.q[i].off + c.q[i].len <= t.d[0].text_len);
        assert_memory_equal(t.d[0].text + c.q[i].off, c.q[i].text, c.q[i].len);
        assert_int_equal(c.q[i].src_off, c.q[i].off);
    }
    arena_free(a);
}

static void test_extract_times(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "The vote ended shortly before midnight on Friday.\n"
                 "The council met late Tuesday and again Wednesday afternoon.\n"
                 "A second meeting was held last week, and a third two days ago.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_conflicts c = tc_run(&t, a);
    const ch_quantity *q = tc_q(&c, 0, "shortly before midnight on Friday");
    assert_non_null(q);
    assert_int_equal(q->when.weekday, 4);
    assert_int_equal(q->when.tod_lo, 23 * 60);
    assert_int_equal(q->when.tod_hi, 24 * 60);
    q = tc_q(&c, 0, "late Tuesday");
    assert_non_null(q);
    assert_int_equal(q->when.el, 2);
    assert_true(q->when.tod_lo >= 12 * 60);
    q = tc_q(&c, 0, "last week");
    assert_non_null(q);
    assert_int_equal(q->kind, CH_Q_RELATIVE);
    q = tc_q(&c, 0, "two days ago");
    assert_non_null(q);
    assert_int_equal(q->when.rel, WHEN_REL_DAY);
    assert_int_equal(q->when.rel_n, -2);
    arena_free(a);
}

/* ------------------------------------------------------------ agreement */

/* Agreement of the first figures of two one-line reports. */
static int tc_agree(const char *a_text, const char *b_text) {
    clab_docs t = {0};
    clab_add_doc(&t, a_text, NULL);
    clab_add_doc(&t, b_text, NULL);
    ch_arena *a = arena_new(0);
    ch_conflicts c = tc_run(&t, a);
    const ch_quantity *x = NULL, *y = NULL;
    for (size_t i = 0; i < c.n_q; i++) {
        if (c.q[i].doc == 0 && !x)
            x = &c.q[i];
        if (c.q[i].doc == 1 && !y)
            y = &c.q[i];
    }
    assert_non_null(x);
    assert_non_null(y);
    int r = qty_agree(x, y);
    arena_free(a);
    return r;
}

static void test_agreement(void **state) {
    (void)state;
    assert_int_equal(tc_agree("about 60,000 people", "60,000 people"), 1);
    assert_int_equal(tc_agree("about 60,000 people", "58,000 people"), 1);
    assert_int_equal(tc_agree("more than four years", "four years"), 1);
    assert_int_equal(tc_agree("more than four years", "three years"), 0);
    assert_int_equal(tc_agree("20,000 emails", "19,252 emails"), 1);
    assert_int_equal(tc_agree("100 people", "120 people"), 0);
    assert_int_equal(tc_agree("5.2%", "5%"), 1);
    assert_int_equal(tc_agree("5.9%", "5%"), 0);
    assert_int_equal(tc_agree("nearly 10 hours", "nine hours"), 1);
    assert_int_equal(tc_agree("four years", "48 months"), 1);
    assert_int_equal(tc_agree("it ended late Tuesday", "it ended at 11:40 p.m. Tuesday"), 1);
    assert_int_equal(tc_agree("it ended Saturday, 5 pm", "it ended on Monday morning"), 0);
    assert_int_equal(tc_agree("liftoff at 6:42 a.m. EDT", "liftoff at 10:42 GMT"), 1);
    assert_int_equal(tc_agree("liftoff at 6:42 a.m. EDT", "liftoff at 8:42 GMT"), 0);
    /* different kinds never compare */
    assert_int_equal(tc_agree("four years", "in 2012"), -1);
    assert_int_equal(tc_agree("12 people", "$12"), -1);
}

/* ------------------------------------------------------------ conflicts */

static void test_conflict_found(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(
        &t,
        "The rebels said the army had cut the town's water supply Saturday, 5 pm GMT, shortly "
        "after the talks broke down.\n"
        "At least 14 soldiers were wounded in the clashes.\n",
        NULL);
    clab_add_doc(&t,
                 "The town's water supply was cut on Monday morning, residents said.\n"
                 "Nine soldiers were wounded in the clashes, the army said.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_conflicts c = tc_run(&t, a);
    assert_true(tc_flagged(&c, 0, "Saturday, 5 pm GMT", 1, "Monday morning"));
    assert_true(tc_flagged(&c, 0, "At least 14 soldiers", 1, "Nine soldiers"));
    for (size_t k = 0; k < c.n; k++) {
        assert_true(c.c[k].n_sides >= 2);
        assert_non_null(c.c[k].measure);
        assert_true(strlen(c.c[k].measure) > 0);
        uint32_t d0 = c.q[c.c[k].sides[0]].doc;
        int other = 0;
        for (size_t s = 1; s < c.c[k].n_sides; s++)
            other |= c.q[c.c[k].sides[s]].doc != d0;
        assert_true(other);
    }
    arena_free(a);
}

static void test_conflict_not_flagged(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "The country granted asylum to the activist in August 2012.\n"
                 "In July, the group released 20,000 emails from the campaign.\n"
                 "The activist has lived in the embassy for four years.\n"
                 "The storm killed six people in Harlow County.\n"
                 "The vote ended late Tuesday after a long debate.\n"
                 "Officials said on Tuesday that the review was over.\n",
                 NULL);
    clab_add_doc(&t,
                 "The documents were stolen during the 2016 campaign.\n"
                 "In October, the group released 50,000 emails from the campaign.\n"
                 "The activist has lived in the embassy since 2012.\n"
                 "The storm killed ten people across the state.\n"
                 "The vote ended at 11:40 p.m. Tuesday.\n"
                 "Officials said on Wednesday that the review had begun.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_conflicts c = tc_run(&t, a);
    /* a year of one event against a year of another; a count of July
     * against a count of October; a duration against a year; a place's
     * toll against a state's; rounding of the same hour; days when things
     * were said */
    assert_int_equal(c.n, 0);
    arena_free(a);
}

/* ---------------------------------------------------------- fixtures */

static const char *const tc_fixtures[] = {"ferry-fire", "city-budget", "orbital-launch",
                                          "fraud-trial"};

static void test_fixture_clusters(void **state) {
    (void)state;
    clab_score total;
    memset(&total, 0, sizeof total);
    for (size_t f = 0; f < sizeof tc_fixtures / sizeof tc_fixtures[0]; f++) {
        char rel[256];
        snprintf(rel, sizeof rel, "tests/fixtures/conflicts/%s", tc_fixtures[f]);
        char *dir = tu_src_path(rel);
        clab_set ls;
        assert_int_equal(clab_load(dir, &ls), 0);
        free(dir);
        assert_true(ls.n_files >= 3);
        chorus_cluster *cl = clab_cluster(&ls);
        assert_non_null(cl);
        ch_arena *a = arena_new(0);
        ch_conflicts c;
        assert_int_equal(conflicts_analyze(cl, a, &c), 0);
        clab_score sc;
        clab_score_conflicts(&ls, &c, &sc);
        printf("  %-16s conflicts %zu/%zu found, %zu flagged (%zu false), non-conflicts flagged "
               "%zu/%zu\n",
               tc_fixtures[f], sc.found, sc.labelled, sc.flagged, sc.flagged - sc.flagged_ok,
               sc.nonconf_bad, sc.nonconf);
        /* no labelled non-conflict is ever flagged; at most one false
         * conflict per cluster */
        assert_int_equal(sc.nonconf_bad, 0);
        assert_true(sc.flagged - sc.flagged_ok <= 1);
        /* every flagged figure points back into its report's input */
        for (size_t k = 0; k < c.n; k++)
            for (size_t s = 0; s < c.c[k].n_sides; s++) {
                const ch_quantity *q = &c.q[c.c[k].sides[s]];
                size_t len = 0;
                const char *in = chorus_cluster_doc_text(cl, q->doc, &len);
                assert_non_null(in);
                assert_true(q->src_off + q->src_len <= len);
                assert_memory_equal(in + q->src_off, q->text, q->len);
            }
        total.labelled += sc.labelled;
        total.found += sc.found;
        total.flagged += sc.flagged;
        total.flagged_ok += sc.flagged_ok;
        arena_free(a);
        chorus_cluster_free(cl);
        clab_free(&ls);
    }
    /* over all fixtures: most true conflicts found, nearly all flags right */
    assert_true(total.labelled > 0 && total.flagged > 0);
    assert_true(total.found * 10 >= total.labelled * 7);
    assert_true(total.flagged_ok * 10 >= total.flagged * 9);
}

/* ------------------------------------------------------------ seeds */

static void test_seed_reports(void **state) {
    (void)state;
    const char *sh = tu_shared_dir();
    char dir[4096];
    if (!sh) {
        skip();
        return;
    }
    snprintf(dir, sizeof dir, "%s/fixtures/seeds", sh);
    DIR *dh = opendir(dir);
    if (!dh) {
        skip();
        return;
    }
    closedir(dh);
    /* the seed directory has no labels.tsv: list its reports directly */
    clab_set ls;
    memset(&ls, 0, sizeof ls);
    dh = opendir(dir);
    struct dirent *de;
    char *files[16];
    size_t nf = 0;
    while ((de = readdir(dh)) != NULL && nf < 16) {
        size_t n = strlen(de->d_name);
        if (n > 4 && strcmp(de->d_name + n - 4, ".txt") == 0) {
            char p[4200];
            snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
            files[nf++] = clab_dup(p);
        }
    }
    closedir(dh);
    qsort(files, nf, sizeof *files, clab_cmp_str);
    ls.files = files;
    ls.n_files = nf;
    chorus_cluster *cl = clab_cluster(&ls);
    assert_non_null(cl);
    ch_arena *a = arena_new(0);
    ch_conflicts c;
    assert_int_equal(conflicts_analyze(cl, a, &c), 0);
    /* when the connection was cut: a Saturday, 5 pm GMT against a Monday
     * morning */
    int found = 0;
    for (size_t k = 0; k < c.n; k++) {
        int sat = 0, mon = 0;
        for (size_t s = 0; s < c.c[k].n_sides; s++) {
            const ch_quantity *q = &c.q[c.c[k].sides[s]];
            sat |= q->when.weekday == 5;
            mon |= q->when.weekday == 0;
        }
        found |= sat && mon;
    }
    assert_true(found);
    assert_true(c.n <= 2);
    arena_free(a);
    chorus_cluster_free(cl);
    for (size_t i = 0; i < nf; i++)
        free(files[i]);
}

static void test_empty_and_junk(void **state) {
    (void)state;
    ch_arena *a = arena_new(0);
    ch_conflicts c;
    assert_int_equal(conflicts_find(NULL, 0, "english", a, &c), 0);
    assert_int_equal(c.n, 0);
    assert_int_equal(c.n_q, 0);
    clab_docs t = {0};
    clab_add_doc(&t, "$ % 12:99 1,2,3 ,,, 99999999999999999999999 $$$ 1.2.3 -- 31/31/2031 Sept. 99",
                 NULL);
    clab_add_doc(&t, "\xe2\x80\x9c\xe2\x80\x9d 0 0 0 0 year-old - - years ago ago", NULL);
    assert_int_equal(conflicts_find(t.d, t.n, "english", a, &c), 0);
    assert_int_equal(conflicts_find(t.d, t.n, "klingon", a, &c), -2);
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_kinds),
        cmocka_unit_test(test_extract_times),
        cmocka_unit_test(test_agreement),
        cmocka_unit_test(test_conflict_found),
        cmocka_unit_test(test_conflict_not_flagged),
        cmocka_unit_test(test_fixture_clusters),
        cmocka_unit_test(test_seed_reports),
        cmocka_unit_test(test_empty_and_junk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
