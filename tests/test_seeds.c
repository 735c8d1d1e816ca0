/*
 * test_seeds.c - the five real reports in ../shared/fixtures/seeds (when
 * present): no page furniture reaches the summary, and the State
 * Department's denial, quoted by three of the reports, is cited to all three.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"

static int seeds_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static chorus_cluster *seeds_load(size_t *n_docs) {
    const char *shared = tu_shared_dir();
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/fixtures/seeds", shared);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[16];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 16)
        if (strstr(e->d_name, ".txt")) {
            size_t len = strlen(e->d_name) + 1;
            names[n] = malloc(len);
            assert_non_null(names[n]);
            memcpy(names[n++], e->d_name, len);
        }
    closedir(d);
    qsort(names, n, sizeof *names, seeds_cmp);
    chorus_cluster *c = chorus_cluster_new(NULL);
    for (size_t i = 0; i < n; i++) {
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *text = tu_read_file(path, &len);
        assert_non_null(text);
        chorus_doc_meta m = {.id = names[i]};
        assert_int_equal(chorus_cluster_add(c, text, len, &m), CHORUS_OK);
        free(text);
        free(names[i]);
    }
    *n_docs = n;
    return c;
}

static void test_no_furniture_in_summary(void **state) {
    (void)state;
    size_t n;
    chorus_cluster *c = seeds_load(&n);
    assert_int_equal(n, 5);
    static const char *const furniture[] = {
        "Skip to main content", "fb-pixel", "ADVERTISEMENT", "Share this", "Getty",
        "Article Lead Image", "(@", "pic.twitter", "MORE", "Posted on", "Rodham Clinton",
    };
    for (int m = CHORUS_METHOD_DEFAULT; m <= CHORUS_METHOD_SUBMODULAR; m++) {
        chorus_options o;
        chorus_options_init(&o);
        o.method = (chorus_method)m;
        o.words = 120;
        chorus_summary *s = chorus_summarize(c, &o);
        assert_non_null(s);
        char *txt = chorus_summary_render(s, CHORUS_RENDER_TEXT, NULL);
        char *end = strstr(txt, "\nSources:");
        assert_non_null(end);
        *end = '\0';
        for (size_t f = 0; f < sizeof furniture / sizeof *furniture; f++)
            if (strstr(txt, furniture[f]))
                fail_msg("method %s: furniture '%s' in summary:\n%s",
                         chorus_method_name((chorus_method)m), furniture[f], txt);
        free(txt);
        chorus_summary_free(s);
    }
    chorus_cluster_free(c);
}

static void test_denial_cited_to_all_three(void **state) {
    (void)state;
    size_t n;
    chorus_cluster *c = seeds_load(&n);
    chorus_options o;
    chorus_options_init(&o);
    o.words = 100000; /* every non-redundant sentence */
    chorus_summary *s = chorus_summarize(c, &o);
    assert_non_null(s);
    int found = 0;
    for (size_t i = 0; i < chorus_summary_size(s); i++) {
        const chorus_summary_sentence *st = chorus_summary_sentence_at(s, i);
        if (!strstr(st->text, "longstanding"))
            continue;
        found++;
        int cited[5] = {0};
        for (size_t k = 0; k < st->n_cites; k++)
            cited[st->cites[k]] = 1;
        if (!(cited[0] && cited[1] && cited[2]))
            fail_msg("denial cited to %zu reports only: %s", st->n_cites, st->text);
    }
    assert_true(found >= 1);
    chorus_summary_free(s);
    chorus_cluster_free(c);
}

int main(void) {
    if (!tu_shared_dir()) {
        printf("SKIP: ../shared (the real seed reports) is not present\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_furniture_in_summary),
        cmocka_unit_test(test_denial_cited_to_all_three),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
