/*
 * test_timeline.c - calendar arithmetic, publication dates, relative dates
 * placed with and without a publication date, merging of the same event
 * told by several reports, ordering, and the date labels of the fixture
 * clusters.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/dates.h"
#include "analyze/timeline.h"
#include "conflicts_labels.h"

static void test_calendar(void **state) {
    (void)state;
    /* against a naive day counter over 1970..2030 */
    long day = 0;
    int wd = 3; /* 1970-01-01 was a Thursday */
    for (int y = 1970; y < 2030; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= 31; d++) {
                if (!dates_valid(y, m, d))
                    continue;
                assert_int_equal(dates_days(y, m, d), day);
                int yy, mm, dd;
                dates_civil(day, &yy, &mm, &dd);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, d);
                assert_int_equal(dates_weekday_of(day), wd);
                day++;
                wd = (wd + 1) % 7;
            }
    assert_false(dates_valid(2023, 2, 29));
    assert_true(dates_valid(2024, 2, 29));
    assert_false(dates_valid(1900, 2, 29));
    assert_true(dates_valid(2000, 2, 29));
}

static void test_parse_published(void **state) {
    (void)state;
    ch_ymd d;
    assert_int_equal(dates_parse("2016-10-18", 10, &d), DATE_PREC_DAY);
    assert_true(d.year == 2016 && d.month == 10 && d.day == 18);
    assert_int_equal(dates_parse("2016-10-18T21:00:00Z", 20, &d), DATE_PREC_DAY);
    assert_int_equal(dates_parse("Tue, 18 Oct 2016 21:00:00 GMT", 29, &d), DATE_PREC_DAY);
    assert_true(d.year == 2016 && d.month == 10 && d.day == 18);
    assert_int_equal(dates_parse("October 18, 2016", 16, &d), DATE_PREC_DAY);
    assert_int_equal(dates_parse("10/18/2016", 10, &d), DATE_PREC_DAY);
    assert_true(d.month == 10 && d.day == 18);
    assert_int_equal(dates_parse("2016-10", 7, &d), DATE_PREC_MONTH);
    assert_int_equal(dates_parse("2016-13-40", 10, &d), DATE_PREC_NONE);
    assert_int_equal(dates_parse("yesterday", 9, &d), DATE_PREC_NONE);
    assert_int_equal(dates_parse("", 0, &d), DATE_PREC_NONE);

    const char *page = "Skip to content\nHeadline of the day\n\nBy A. Writer\n\n"
                       "Posted on Oct 18, 2016   Updated on Feb 2, 2019\n\n"
                       "The report said the vote was held on October 2, 2016.\n"
                       "\xe2\x80\x94 Someone (@someone) October 17, 2016\n";
    assert_int_equal(dates_find_published(page, strlen(page), &d), 1);
    assert_true(d.year == 2016 && d.month == 10 && d.day == 18);
    /* an embedded post's date is not the page's */
    const char *tweet =
        "Text of the report.\n\xe2\x80\x94 Someone (@someone) October 17, 2016\nMore text.\n";
    assert_int_equal(dates_find_published(tweet, strlen(tweet), &d), 0);
    /* a bare dateline line near the top */
    const char *dl = "June 7, 2024\n\nNordic stands down again\n\nThe launch was scrubbed.\n";
    assert_int_equal(dates_find_published(dl, strlen(dl), &d), 1);
    assert_true(d.year == 2024 && d.month == 6 && d.day == 7);
}

static void test_resolve(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "The vote was held on Tuesday.\n"
                 "The results came out yesterday.\n"
                 "A recount is planned for Friday.\n"
                 "The first ballot was cast on Oct. 3.\n"
                 "A similar vote failed last Wednesday.\n"
                 "Turnout fell last year.\n"
                 "Officials met last week.\n",
                 "2016-10-19"); /* a Wednesday */
    clab_add_doc(&t, "The vote was held on Tuesday.\nThe first ballot was cast on Oct. 3.\n", NULL);
    ch_arena *a = arena_new(0);
    ch_timeline tl;
    assert_int_equal(timeline_build(t.d, t.n, "english", a, &tl), 0);
    assert_int_equal(tl.n_reports, 2);
    assert_int_equal(tl.published[0].day, 19);
    assert_int_equal(tl.published[1].year, 0);
    struct {
        int doc;
        const char *expr, *expect;
    } cases[] = {{0, "Tuesday", "2016-10-18"},        {0, "yesterday", "2016-10-18"},
                 {0, "Friday", "2016-10-21"},         {0, "Oct. 3", "2016-10-03"},
                 {0, "last Wednesday", "2016-10-12"}, {0, "last year", "2015"},
                 {0, "last week", "~last week"},      {1, "Tuesday", "~Tuesday"},
                 {1, "Oct. 3", "~October 3"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        clab_ref r;
        r.doc = cases[i].doc;
        snprintf(r.text, sizeof r.text, "%s", cases[i].expr);
        const ch_tl_ref *f = clab_find_date(&tl, &r);
        if (!f || !clab_date_ok(f, cases[i].expect))
            fprintf(stderr, "%d:%s -> %s / %s, want %s\n", cases[i].doc, cases[i].expr,
                    f && f->iso ? f->iso : "-", f ? f->label : "-", cases[i].expect);
        assert_non_null(f);
        assert_true(clab_date_ok(f, cases[i].expect));
    }
    /* placed events in date order, then the relative ones */
    long last = LONG_MIN;
    int relative_seen = 0;
    for (size_t i = 0; i < tl.n; i++) {
        if (tl.ev[i].prec != DATE_PREC_NONE) {
            assert_false(relative_seen);
            assert_true(tl.ev[i].sort_day >= last);
            last = tl.ev[i].sort_day;
        } else {
            relative_seen = 1;
        }
    }
    arena_free(a);
}

static void test_merge(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "The harbour bridge reopened to traffic on Monday after repairs.\n"
                 "Engineers had closed it in March.\n",
                 "2021-06-09");
    clab_add_doc(&t,
                 "The harbour bridge reopened to traffic on Monday following months of repairs.\n"
                 "The city council met on Monday to discuss the budget.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_timeline tl;
    assert_int_equal(timeline_build(t.d, t.n, "english", a, &tl), 0);
    const ch_tl_event *bridge = NULL, *council = NULL;
    for (size_t i = 0; i < tl.n; i++)
        for (size_t j = 0; j < tl.ev[i].n_refs; j++) {
            const ch_tl_ref *f = &tl.ev[i].refs[j];
            const char *s = t.d[f->doc].text + f->off;
            if (strncmp(s, "The harbour bridge", 18) == 0)
                bridge = &tl.ev[i];
            if (strncmp(s, "The city council", 16) == 0)
                council = &tl.ev[i];
        }
    assert_non_null(bridge);
    assert_non_null(council);
    assert_ptr_not_equal(bridge, council);
    /* one event told by both reports, dated by the one that can place it */
    assert_int_equal(bridge->n_docs, 2);
    assert_int_equal(bridge->n_refs, 2);
    assert_non_null(bridge->iso);
    assert_string_equal(bridge->iso, "2021-06-07");
    assert_int_equal(council->n_docs, 1);
    assert_null(council->iso);
    arena_free(a);
}

static const char *const tt_fixtures[] = {"ferry-fire", "city-budget", "orbital-launch",
                                          "fraud-trial"};

static void test_fixture_dates(void **state) {
    (void)state;
    size_t checked = 0;
    for (size_t f = 0; f < sizeof tt_fixtures / sizeof tt_fixtures[0]; f++) {
        char rel[256];
        snprintf(rel, sizeof rel, "tests/fixtures/conflicts/%s", tt_fixtures[f]);
        char *dir = tu_src_path(rel);
        clab_set ls;
        assert_int_equal(clab_load(dir, &ls), 0);
        free(dir);
        chorus_cluster *cl = clab_cluster(&ls);
        assert_non_null(cl);
        ch_arena *a = arena_new(0);
        ch_timeline tl;
        assert_int_equal(timeline_analyze(cl, a, &tl), 0);
        for (size_t i = 0; i < ls.n; i++) {
            const clab_item *it = &ls.items[i];
            if (it->type != CLAB_DATE)
                continue;
            const ch_tl_ref *r = clab_find_date(&tl, &it->refs[0]);
            if (!r || !clab_date_ok(r, it->arg))
                fprintf(stderr, "%s: %d:%s -> %s / %s, want %s\n", tt_fixtures[f], it->refs[0].doc,
                        it->refs[0].text, r && r->iso ? r->iso : "-", r ? r->label : "-", it->arg);
            assert_non_null(r);
            assert_true(clab_date_ok(r, it->arg));
            checked++;
        }
        for (size_t i = 0; i < tl.n; i++)
            for (size_t j = 0; j < tl.ev[i].n_refs; j++) {
                const ch_tl_ref *r = &tl.ev[i].refs[j];
                size_t len = 0;
                assert_non_null(chorus_cluster_doc_text(cl, r->doc, &len));
                assert_true(r->src_off + r->src_len <= len);
                assert_true(r->when_off >= r->off && r->when_off + r->when_len <= r->off + r->len);
            }
        arena_free(a);
        chorus_cluster_free(cl);
        clab_free(&ls);
    }
    assert_true(checked >= 15);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar),      cmocka_unit_test(test_parse_published),
        cmocka_unit_test(test_resolve),       cmocka_unit_test(test_merge),
        cmocka_unit_test(test_fixture_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
