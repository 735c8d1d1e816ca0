/*
 * test_entities.c - names, kinds, merged aliases and per-report mention
 * counts: small invented texts for each rule, then the hand labels of the
 * fixture clusters and, when ../shared is present, the seed reports.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/entities.h"
#include "conflicts_labels.h"

static const ch_entity *te_get(const ch_entities *es, const char *name) {
    long i = entities_lookup(es, name);
    return i < 0 ? NULL : &es->e[i];
}

static void test_person_aliases(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "Secretary of State Maren T. Oduya met the envoy on Friday.\n"
                 "But Oduya said the talks had stalled.\n"
                 "Secretary Oduya later flew home.\n",
                 NULL);
    clab_add_doc(&t,
                 "Maren Oduya, the foreign secretary, declined to comment.\n"
                 "Maren Tessaly Oduya was appointed in 2019.\n"
                 "Officials close to Oduya said she was frustrated.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_entities es;
    assert_int_equal(entities_find(t.d, t.n, "english", a, &es), 0);
    const ch_entity *e = te_get(&es, "Oduya");
    assert_non_null(e);
    assert_int_equal(e->kind, CH_ENT_PERSON);
    assert_ptr_equal(te_get(&es, "Maren T. Oduya"), e);
    assert_ptr_equal(te_get(&es, "Maren Oduya"), e);
    assert_ptr_equal(te_get(&es, "Maren Tessaly Oduya"), e);
    assert_ptr_equal(te_get(&es, "Secretary Oduya"), e);
    assert_int_equal(e->per_doc[0], 3);
    assert_int_equal(e->per_doc[1], 3);
    assert_int_equal(e->n_mentions, 6);
    /* "But" starts a sentence and is a common word: no entity */
    assert_null(te_get(&es, "But"));
    assert_null(te_get(&es, "But Oduya"));
    /* every mention's offsets hold a form of the name */
    for (size_t i = 0; i < e->n_mentions; i++) {
        const ch_mention *m = &e->mentions[i];
        assert_true(m->off + m->len <= t.d[m->doc].text_len);
        const char *s = t.d[m->doc].text + m->off;
        assert_true(m->len >= 5);
        assert_memory_equal(s + m->len - 5, "Oduya", 5);
    }
    arena_free(a);
}

static void test_demonyms_and_kinds(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "KESTREL BAY, Lorvania (Wire) - Lorvanian officials said the port was closed.\n"
                 "The Lorvanian Ministry of Transport gave no reason.\n"
                 "Trade with Italy fell, and Italian exporters complained.\n"
                 "Chinese buyers were also affected, a spokesman for Keller Shipping Inc. said.\n",
                 NULL);
    clab_add_doc(&t,
                 "Lorvania's government blamed a storm.\n"
                 "Keller Shipping said it had rerouted six vessels to Italy.\n"
                 "Spokesman Arno Veit said the closure would cost millions.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_entities es;
    assert_int_equal(entities_find(t.d, t.n, "english", a, &es), 0);
    const ch_entity *lv = te_get(&es, "Lorvania");
    assert_non_null(lv);
    assert_int_equal(lv->kind, CH_ENT_PLACE);
    assert_ptr_equal(te_get(&es, "Lorvanian"), lv);
    assert_int_equal(lv->per_doc[0], 2); /* the dateline's region and an adjective */
    assert_int_equal(lv->per_doc[1], 1);
    const ch_entity *it = te_get(&es, "Italy");
    assert_non_null(it);
    assert_ptr_equal(te_get(&es, "Italian"), it);
    /* China is never named: "Chinese" links to nothing and is no entity */
    assert_null(te_get(&es, "Chinese"));
    assert_null(te_get(&es, "China"));
    const ch_entity *k = te_get(&es, "Keller Shipping Inc.");
    assert_non_null(k);
    assert_ptr_equal(te_get(&es, "Keller Shipping"), k);
    assert_int_equal(k->kind, CH_ENT_ORG);
    assert_non_null(te_get(&es, "Lorvanian Ministry of Transport"));
    const ch_entity *p = te_get(&es, "Arno Veit");
    assert_non_null(p);
    assert_int_equal(p->kind, CH_ENT_PERSON);
    const ch_entity *kb = te_get(&es, "KESTREL BAY");
    assert_non_null(kb);
    assert_int_equal(kb->kind, CH_ENT_PLACE);
    arena_free(a);
}

static void test_acronyms(void **state) {
    (void)state;
    clab_docs t = {0};
    clab_add_doc(&t,
                 "The Northern Rail Authority said the line would reopen.\n"
                 "An NRA engineer inspected the bridge.\n",
                 NULL);
    ch_arena *a = arena_new(0);
    ch_entities es;
    assert_int_equal(entities_find(t.d, t.n, "english", a, &es), 0);
    const ch_entity *e = te_get(&es, "Northern Rail Authority");
    assert_non_null(e);
    assert_ptr_equal(te_get(&es, "NRA"), e);
    assert_int_equal(e->kind, CH_ENT_ORG);
    arena_free(a);
}

static const char *const te_fixtures[] = {"ferry-fire", "city-budget", "orbital-launch",
                                          "fraud-trial"};

static ch_entkind te_kind(const char *s) {
    if (strcmp(s, "person") == 0)
        return CH_ENT_PERSON;
    if (strcmp(s, "org") == 0)
        return CH_ENT_ORG;
    if (strcmp(s, "place") == 0)
        return CH_ENT_PLACE;
    return CH_ENT_OTHER;
}

static void test_fixture_labels(void **state) {
    (void)state;
    size_t checked = 0;
    for (size_t f = 0; f < sizeof te_fixtures / sizeof te_fixtures[0]; f++) {
        char rel[256];
        snprintf(rel, sizeof rel, "tests/fixtures/conflicts/%s", te_fixtures[f]);
        char *dir = tu_src_path(rel);
        clab_set ls;
        assert_int_equal(clab_load(dir, &ls), 0);
        free(dir);
        chorus_cluster *cl = clab_cluster(&ls);
        assert_non_null(cl);
        ch_arena *a = arena_new(0);
        ch_entities es;
        assert_int_equal(entities_analyze(cl, a, &es), 0);
        assert_int_equal(es.n_docs, ls.n_files);
        for (size_t i = 0; i < ls.n; i++) {
            const clab_item *it = &ls.items[i];
            if (it->type == CLAB_ALIAS) {
                long first = entities_lookup(&es, it->names[0]);
                if (first < 0)
                    fprintf(stderr, "%s: no entity '%s'\n", te_fixtures[f], it->names[0]);
                assert_true(first >= 0);
                for (int k = 1; k < it->n_names; k++) {
                    long e = entities_lookup(&es, it->names[k]);
                    if (e != first)
                        fprintf(stderr, "%s: '%s' is not '%s'\n", te_fixtures[f], it->names[k],
                                it->names[0]);
                    assert_true(e == first);
                }
                checked++;
            } else if (it->type == CLAB_DISTINCT) {
                long x = entities_lookup(&es, it->names[0]), y = entities_lookup(&es, it->names[1]);
                assert_true(x >= 0 && y >= 0 && x != y);
                checked++;
            } else if (it->type == CLAB_KIND) {
                long x = entities_lookup(&es, it->names[0]);
                if (x < 0 || es.e[x].kind != te_kind(it->arg))
                    fprintf(stderr, "%s: '%s' should be a %s\n", te_fixtures[f], it->names[0],
                            it->arg);
                assert_true(x >= 0);
                assert_int_equal(es.e[x].kind, te_kind(it->arg));
                checked++;
            }
        }
        /* mention counts add up and point into the inputs */
        for (size_t i = 0; i < es.n; i++) {
            size_t sum = 0;
            for (size_t d = 0; d < es.n_docs; d++)
                sum += es.e[i].per_doc[d];
            assert_int_equal(sum, es.e[i].n_mentions);
            for (size_t m = 0; m < es.e[i].n_mentions; m++) {
                const ch_mention *mn = &es.e[i].mentions[m];
                size_t len = 0;
                const char *in = chorus_cluster_doc_text(cl, mn->doc, &len);
                assert_true(mn->src_off + mn->src_len <= len);
                assert_true(mn->src_len > 0);
                (void)in;
            }
        }
        arena_free(a);
        chorus_cluster_free(cl);
        clab_free(&ls);
    }
    assert_true(checked >= 20);
}

static void test_seed_aliases(void **state) {
    (void)state;
    const char *sh = tu_shared_dir();
    if (!sh) {
        skip();
        return;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/fixtures/seeds", sh);
    DIR *dh = opendir(dir);
    if (!dh) {
        skip();
        return;
    }
    char *files[16];
    size_t nf = 0;
    struct dirent *de;
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
    clab_set ls;
    memset(&ls, 0, sizeof ls);
    ls.files = files;
    ls.n_files = nf;
    chorus_cluster *cl = clab_cluster(&ls);
    assert_non_null(cl);
    ch_arena *a = arena_new(0);
    ch_entities es;
    assert_int_equal(entities_analyze(cl, a, &es), 0);
    const ch_entity *k = te_get(&es, "John Kerry");
    assert_non_null(k);
    assert_int_equal(k->kind, CH_ENT_PERSON);
    assert_ptr_equal(te_get(&es, "Kerry"), k);
    assert_ptr_equal(te_get(&es, "John F. Kerry"), k);
    assert_ptr_equal(te_get(&es, "Secretary Kerry"), k);
    const ch_entity *ec = te_get(&es, "Ecuador");
    assert_non_null(ec);
    assert_int_equal(ec->kind, CH_ENT_PLACE);
    assert_ptr_equal(te_get(&es, "Ecuadorian"), ec);
    assert_ptr_equal(te_get(&es, "Ecuadorean"), ec);
    for (size_t d = 0; d < es.n_docs; d++)
        assert_true(ec->per_doc[d] > 0);
    arena_free(a);
    chorus_cluster_free(cl);
    for (size_t i = 0; i < nf; i++)
        free(files[i]);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_person_aliases), cmocka_unit_test(test_demonyms_and_kinds),
        cmocka_unit_test(test_acronyms),       cmocka_unit_test(test_fixture_labels),
        cmocka_unit_test(test_seed_aliases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
