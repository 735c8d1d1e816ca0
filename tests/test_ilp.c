/*
 * test_ilp.c - concept-coverage selection and what feeds it: the exact
 * solver against brute force on tiny random instances, the greedy
 * fallback's feasibility and its guarantee, concept weights, priors moving
 * sentences the expected way, light compression, the query's pull and
 * exact budgets through the public API.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/svec.h"
#include "summarize/compress.h"
#include "summarize/concept.h"
#include "summarize/method.h"
#include "summarize/select.h"
#include "util/arena.h"

static uint64_t ti_rand(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* ------------------------------------------------- solver vs brute force */

typedef struct ti_prob {
    ilp_prob p;
    double w[16];
    uint32_t cand[12], coff[13], cid[12 * 6], pa[8], pb[8];
    double cost[12], bonus[12];
} ti_prob;

static void ti_random_prob(ti_prob *t, uint64_t *seed, int with_bonus) {
    memset(t, 0, sizeof *t);
    size_t m = 3 + (size_t)(ti_rand(seed) % 10);
    size_t nc = 4 + (size_t)(ti_rand(seed) % 12);
    for (size_t c = 0; c < nc; c++)
        t->w[c] = 1 + (double)(ti_rand(seed) % 5);
    size_t o = 0;
    for (size_t k = 0; k < m; k++) {
        t->cand[k] = (uint32_t)k;
        t->cost[k] = 3 + (double)(ti_rand(seed) % 20);
        t->bonus[k] = with_bonus ? ((double)(ti_rand(seed) % 7) - 2.0) * 0.5 : 0.0;
        t->coff[k] = (uint32_t)o;
        /* distinct ascending concepts */
        for (size_t c = 0; c < nc && o - t->coff[k] < 6; c++)
            if (ti_rand(seed) % 3 == 0)
                t->cid[o++] = (uint32_t)c;
    }
    t->coff[m] = (uint32_t)o;
    size_t np = (size_t)(ti_rand(seed) % 4);
    for (size_t q = 0; q < np; q++) {
        uint32_t a = (uint32_t)(ti_rand(seed) % m), b = (uint32_t)(ti_rand(seed) % m);
        if (a == b)
            continue;
        t->pa[t->p.n_pairs] = a;
        t->pb[t->p.n_pairs] = b;
        t->p.n_pairs++;
    }
    t->p.m = m;
    t->p.cand = t->cand;
    t->p.cost = t->cost;
    t->p.bonus = t->bonus;
    t->p.coff = t->coff;
    t->p.cid = t->cid;
    t->p.w = t->w;
    t->p.n_concepts = nc;
    t->p.pa = t->pa;
    t->p.pb = t->pb;
    t->p.budget = 10 + (double)(ti_rand(seed) % 40);
}

/* 1 if chosen[] respects the budget and the excluded pairs. */
static int ti_feasible(const ilp_prob *p, const unsigned char *chosen) {
    double used = 0.0;
    for (size_t k = 0; k < p->m; k++)
        if (chosen[k])
            used += p->cost[k];
    if (used > p->budget + 1e-9)
        return 0;
    for (size_t q = 0; q < p->n_pairs; q++)
        if (chosen[p->pa[q]] && chosen[p->pb[q]])
            return 0;
    return 1;
}

/* The best objective over all subsets. */
static double ti_brute(const ilp_prob *p) {
    unsigned char chosen[12], mark[16];
    double best = 0.0;
    for (unsigned mask = 0; mask < (1u << p->m); mask++) {
        for (size_t k = 0; k < p->m; k++)
            chosen[k] = (mask >> k) & 1u;
        if (!ti_feasible(p, chosen))
            continue;
        double f = ilp_objective(p, chosen, mark);
        if (f > best)
            best = f;
    }
    return best;
}

static void test_exact_matches_brute_force(void **state) {
    (void)state;
    uint64_t seed = 77;
    for (int round = 0; round < 200; round++) {
        ti_prob t;
        ti_random_prob(&t, &seed, round % 2);
        unsigned char chosen[12], mark[16];
        double obj = -1.0;
        int rc = ilp_solve_exact(&t.p, 5.0, chosen, &obj);
        assert_int_equal(rc, 1);
        assert_true(ti_feasible(&t.p, chosen));
        double f = ilp_objective(&t.p, chosen, mark);
        double best = ti_brute(&t.p);
        assert_true(fabs(f - best) < 1e-6);
        assert_true(fabs(obj - best) < 1e-6);
    }
}

static void test_greedy_feasible_and_bounded(void **state) {
    (void)state;
    uint64_t seed = 4711;
    for (int round = 0; round < 200; round++) {
        ti_prob t;
        ti_random_prob(&t, &seed, 0);
        int pairs = round % 2;
        if (!pairs)
            t.p.n_pairs = 0;
        unsigned char chosen[12], mark[16];
        double obj = -1.0;
        assert_int_equal(ilp_solve_greedy(&t.p, chosen, &obj), 0);
        assert_true(ti_feasible(&t.p, chosen));
        assert_true(fabs(obj - ilp_objective(&t.p, chosen, mark)) < 1e-9);
        double best = ti_brute(&t.p);
        assert_true(obj <= best + 1e-9);
        /* without excluded pairs: at least (1 - 1/e) / 2 of the optimum */
        if (!pairs)
            assert_true(obj >= 0.5 * (1.0 - exp(-1.0)) * best - 1e-9);
    }
}

static void test_exact_time_limit_zero_refuses(void **state) {
    (void)state;
    uint64_t seed = 5;
    ti_prob t;
    ti_random_prob(&t, &seed, 0);
    unsigned char chosen[12];
    double obj;
    assert_int_equal(ilp_solve_exact(&t.p, 0.0, chosen, &obj), -1);
}

/* ------------------------------------------------------------- concepts */

/* A hand-made cluster: terms per sentence, reports, positions, words. */
typedef struct ti_cluster {
    ch_arena *a;
    uint32_t *terms[8];
    uint32_t n_terms[8];
    ch_svec vec[8];
    uint32_t doc[8], pos[8], words[8], bytes[8], flags[8];
    const char *text[8];
    size_t text_len[8];
    ch_rank_input in;
} ti_cluster;

static void ti_cluster_init(ti_cluster *c, size_t n, size_t n_docs, const uint32_t *const *terms,
                            const uint32_t *nt) {
    memset(c, 0, sizeof *c);
    c->a = arena_new(0);
    assert_non_null(c->a);
    for (size_t i = 0; i < n; i++) {
        c->terms[i] = arena_alloc(c->a, (nt[i] + 1) * sizeof(uint32_t));
        memcpy(c->terms[i], terms[i], nt[i] * sizeof(uint32_t));
        c->n_terms[i] = nt[i];
        c->words[i] = 12;
        c->bytes[i] = 70;
        c->text[i] = "A plain sentence about the matter at hand.";
        c->text_len[i] = strlen(c->text[i]);
    }
    float *idf = model_idf(c->a, NULL, NULL, (const uint32_t *const *)c->terms, c->n_terms, n);
    assert_non_null(idf);
    assert_int_equal(
        model_vectors(c->a, (const uint32_t *const *)c->terms, c->n_terms, n, idf, c->vec), 0);
    c->in = (ch_rank_input){
        c->vec,     c->doc,  c->pos,      c->words, c->bytes,
        c->flags,   n,       n_docs,      32,       (const uint32_t *const *)c->terms,
        c->n_terms, c->text, c->text_len, NULL, NULL};
}

static void test_concepts_bigrams_weighted_by_reports(void **state) {
    (void)state;
    /* bigram (1,2) in reports 0, 1 and 2 (twice in report 0); (2,3) in
     * report 0 only; (7,8) in reports 1 and 2 */
    const uint32_t s0[] = {1, 2, 3}, s1[] = {1, 2}, s2[] = {9, 1, 2, 7, 8}, s3[] = {1, 2, 7, 8};
    const uint32_t *t[] = {s0, s1, s2, s3};
    const uint32_t nt[] = {3, 2, 5, 4};
    ti_cluster c;
    ti_cluster_init(&c, 4, 3, t, nt);
    c.doc[0] = 0, c.doc[1] = 0, c.doc[2] = 1, c.doc[3] = 2;
    cpt_model m;
    assert_int_equal(cpt_build(&c.in, &m), 0);
    /* 3 reports: min_df 1, every bigram kept: (1,2) (2,3) (9,1) (2,7) (7,8) */
    assert_int_equal(m.n_concepts, 5);
    /* sentence 1 has only (1,2), found in 3 reports */
    assert_int_equal(m.off[2] - m.off[1], 1);
    assert_int_equal(m.df[m.ids[m.off[1]]], 3);
    assert_true(m.weight[m.ids[m.off[1]]] == 3.0);
    /* sentence 3's concepts: (1,2) df 3, (2,7) df 2, (7,8) df 2 */
    double sum = 0;
    for (uint32_t q = m.off[3]; q < m.off[4]; q++)
        sum += m.weight[m.ids[q]];
    assert_true(sum == 7.0);
    for (size_t i = 0; i < 4; i++)
        for (uint32_t q = m.off[i] + 1; q < m.off[i + 1]; q++)
            assert_true(m.ids[q - 1] < m.ids[q]);
    cpt_free(&m);
    arena_free(c.a);
}

/* --------------------------------------------------------------- priors */

static void test_priors_direction(void **state) {
    (void)state;
    /* 0 and 2 share their content across reports; 1 and 3 are alone */
    const uint32_t s0[] = {1, 2, 3, 4}, s1[] = {10, 11, 12}, s2[] = {1, 2, 3, 5},
                   s3[] = {20, 21, 22}, s4[] = {30, 31, 32}, s5[] = {40, 41, 42};
    const uint32_t *t[] = {s0, s1, s2, s3, s4, s5};
    const uint32_t nt[] = {4, 3, 4, 3, 3, 3};
    ti_cluster c;
    ti_cluster_init(&c, 6, 2, t, nt);
    c.doc[0] = 0, c.pos[0] = 0;
    c.doc[1] = 0, c.pos[1] = 1;
    c.doc[2] = 1, c.pos[2] = 0;
    c.doc[3] = 1, c.pos[3] = 1;
    c.doc[4] = 1, c.pos[4] = 2;
    c.doc[5] = 1, c.pos[5] = 3;
    double p[6];
    /* none: all neutral */
    assert_int_equal(prior_compute(&c.in, 0, p), 0);
    for (size_t i = 0; i < 6; i++)
        assert_true(p[i] == 1.0);
    /* support: shared content beats content alone at the same position */
    assert_int_equal(prior_compute(&c.in, CHORUS_PRIOR_SUPPORT, p), 0);
    assert_true(p[0] > p[1] && p[2] > p[3]);
    assert_true(p[1] == 1.0);
    /* position: earlier beats later, all else equal */
    assert_int_equal(prior_compute(&c.in, CHORUS_PRIOR_POSITION, p), 0);
    assert_true(p[2] > p[3] && p[3] > p[4] && p[4] > p[5]);
    /* context: "He ..." and an unmatched quotation mark lose */
    c.text[4] = "He told the council that the vote would go ahead.";
    c.text[5] = "the vote would go ahead, \" the mayor told the council.";
    c.text_len[4] = strlen(c.text[4]);
    c.text_len[5] = strlen(c.text[5]);
    assert_int_equal(prior_compute(&c.in, CHORUS_PRIOR_CONTEXT, p), 0);
    assert_true(p[4] < 1.0 && p[5] < 1.0 && p[3] == 1.0);
    /* length: a fragment loses, a sentence of normal length does not */
    c.words[3] = 3;
    assert_int_equal(prior_compute(&c.in, CHORUS_PRIOR_LENGTH, p), 0);
    assert_true(p[3] < 1.0 && p[2] == 1.0);
    /* query: the sentence on the query's terms gains */
    const uint32_t q[] = {20, 21};
    const uint32_t *qt[] = {q};
    uint32_t qn[] = {2};
    float idf[64];
    for (size_t k = 0; k < 64; k++)
        idf[k] = 1.0f;
    ch_svec qv;
    assert_int_equal(model_vectors(c.a, qt, qn, 1, idf, &qv), 0);
    c.in.query = &qv;
    assert_int_equal(prior_compute(&c.in, 0, p), 0);
    assert_true(p[3] > p[1] && p[1] == 1.0);
    arena_free(c.a);
}

static void test_needs_context(void **state) {
    (void)state;
    const char *yes[] = {
        "But the council disagreed with the plan.", "They said the bridge would reopen in May.",
        "This was the third closure in a year.", "and then the lights went out across town.",
        "The plan, \" she added, was never costed."};
    const char *no[] = {"The council voted against the plan on Monday.",
                        "Theyre is no such word, but Thesis starts with The.",
                        "\"We will rebuild,\" the mayor said after the vote.",
                        "Butter prices rose for the third month."};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(prior_needs_context(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(prior_needs_context(no[i], strlen(no[i])));
}

/* ---------------------------------------------------------- compression */

static void ti_cmp(const char *in, unsigned rules, int opening, const char *want) {
    cmp_result r;
    cmp_sentence(in, strlen(in), rules, opening, &r);
    char out[512];
    size_t n = cmp_apply(in, strlen(in), &r, out);
    assert_int_equal(n, strlen(out));
    if (strcmp(out, want) != 0)
        fprintf(stderr, "compress: got '%s', want '%s'\n", out, want);
    assert_string_equal(out, want);
}

static void test_compression_rules(void **state) {
    (void)state;
    const unsigned all = CMP_DATELINE | CMP_CONNECTIVE | CMP_PAREN | CMP_ATTRIB;
    ti_cmp("LAKEVILLE, Minn. (AP) -- The county board approved the new bridge on Monday.", all, 1,
           "The county board approved the new bridge on Monday.");
    ti_cmp("HARBORTON _ Fishing boats stayed in port for a third day.", all, 1,
           "Fishing boats stayed in port for a third day.");
    ti_cmp("Harborton \xE2\x80\x94 fishing boats stayed in port for a third day.", all, 1,
           "Fishing boats stayed in port for a third day.");
    ti_cmp("( wxyz ) -- police say the fire began in a kitchen.", all, 1,
           "Police say the fire began in a kitchen.");
    /* a dateline only opens a report */
    ti_cmp("HARBORTON _ Fishing boats stayed in port for a third day.", all, 0,
           "HARBORTON _ Fishing boats stayed in port for a third day.");
    /* an ordinary dash is not a dateline */
    ti_cmp("The answer \xE2\x80\x94 and nobody expected it \xE2\x80\x94 was a firm no.", all, 1,
           "The answer \xE2\x80\x94 and nobody expected it \xE2\x80\x94 was a firm no.");
    ti_cmp("However, the board delayed the vote until spring.", all, 0,
           "The board delayed the vote until spring.");
    ti_cmp("But the board delayed the vote until spring.", CMP_DATELINE, 0,
           "But the board delayed the vote until spring.");
    ti_cmp("Shares of Lakeville Mills (LKM.N) fell sharply on Tuesday morning.", all, 0,
           "Shares of Lakeville Mills fell sharply on Tuesday morning.");
    ti_cmp("\"We will rebuild the bridge this year,\" he said Tuesday.", all, 0,
           "\"We will rebuild the bridge this year\".");
    /* a named speaker stays */
    ti_cmp("\"We will rebuild the bridge this year,\" Mayor Ortiz said.", all, 0,
           "\"We will rebuild the bridge this year,\" Mayor Ortiz said.");
    /* never below CMP_MIN_WORDS words */
    ti_cmp("But it works (mostly).", all, 0, "But it works (mostly).");
    ti_cmp("", all, 1, "");
    /* tokenised spacing */
    const unsigned sp = CMP_SPACING;
    ti_cmp("the mayor said , \" we will rebuild it , \" and left .", sp, 0,
           "the mayor said, \"we will rebuild it,\" and left.");
    ti_cmp("shares rose 4 % to $ 10.5 ( a record ) on friday .", sp, 0,
           "shares rose 4% to $10.5 (a record) on friday.");
    ti_cmp("the council did n't say why it 's late .", sp, 0,
           "the council didn't say why it's late.");
    /* an odd number of quotation marks: they stay as they are */
    ti_cmp("he called it \" a disaster , and left .", sp, 0,
           "he called it \" a disaster, and left.");
    /* an ellipsis keeps its space; typeset text is left alone */
    ti_cmp("the vote was close ... very close.", sp, 0, "the vote was close ... very close.");
    ti_cmp("\"We won,\" she said (twice) on Friday.", sp, 0,
           "\"We won,\" she said (twice) on Friday.");
}

/* ------------------------------------------------- through the public API */

/* Reports on one story (a bridge closure) with a side story (a school
 * fund) in a few sentences. */
static const char *const ti_reports[] = {
    "The Millbrook bridge was closed on Monday after inspectors found deep cracks in two of its "
    "steel supports. Engineers said the bridge could stay shut for months while repairs are "
    "planned. Commuters faced long detours through the valley road. The school board separately "
    "approved a new fund for rural libraries and reading programs.\n",
    "Inspectors closed the Millbrook bridge on Monday after finding cracks in its steel supports. "
    "The state transport office said repairs could take months and would cost millions. Traffic "
    "backed up for miles on the valley road as drivers looked for other routes.\n",
    "Cracks in two steel supports forced the closure of the Millbrook bridge on Monday. "
    "Officials warned that the bridge might remain closed for several months. The new rural "
    "library fund approved by the school board will pay for reading programs in small towns.\n",
};

static chorus_cluster *ti_api_cluster(void) {
    chorus_cluster *c = chorus_cluster_new(NULL);
    assert_non_null(c);
    for (size_t i = 0; i < sizeof ti_reports / sizeof *ti_reports; i++)
        assert_int_equal(chorus_cluster_add(c, ti_reports[i], strlen(ti_reports[i]), NULL),
                         CHORUS_OK);
    return c;
}

static int ti_mentions(const chorus_summary *s, const char *word) {
    for (size_t k = 0; k < chorus_summary_size(s); k++)
        if (strstr(chorus_summary_sentence_at(s, k)->text, word))
            return 1;
    return 0;
}

static void test_query_pulls_topic(void **state) {
    (void)state;
    chorus_method methods[] = {CHORUS_METHOD_DEFAULT, CHORUS_METHOD_ILP};
    for (size_t mi = 0; mi < 2; mi++) {
        chorus_cluster *c = ti_api_cluster();
        chorus_options o;
        chorus_options_init(&o);
        o.method = methods[mi];
        o.sentences = 1;
        chorus_summary *s = chorus_summarize(c, &o);
        assert_non_null(s);
        assert_true(ti_mentions(s, "bridge"));
        assert_false(ti_mentions(s, "library"));
        chorus_summary_free(s);
        o.query = "What will the new library fund pay for?";
        s = chorus_summarize(c, &o);
        assert_non_null(s);
        assert_true(ti_mentions(s, "librar"));
        chorus_summary_free(s);
        chorus_cluster_free(c);
    }
}

static size_t ti_words(const char *t) {
    size_t w = 0;
    for (size_t i = 0; t[i]; i++)
        if (t[i] != ' ' && (i == 0 || t[i - 1] == ' '))
            w++;
    return w;
}

static void test_budgets_exact(void **state) {
    (void)state;
    chorus_method methods[] = {CHORUS_METHOD_DEFAULT, CHORUS_METHOD_ILP, CHORUS_METHOD_MMR,
                               CHORUS_METHOD_SALIENCE};
    for (size_t mi = 0; mi < 4; mi++)
        for (size_t budget = 7; budget <= 52; budget += 9) {
            chorus_cluster *c = ti_api_cluster();
            chorus_options o;
            chorus_options_init(&o);
            o.method = methods[mi];
            o.truncate_last = 1;
            o.words = budget;
            chorus_summary *s = chorus_summarize(c, &o);
            assert_non_null(s);
            size_t w = 0;
            for (size_t k = 0; k < chorus_summary_size(s); k++)
                w += ti_words(chorus_summary_sentence_at(s, k)->text);
            assert_int_equal(w, budget);
            chorus_summary_free(s);
            o.words = 0;
            o.bytes = budget * 6;
            s = chorus_summarize(c, &o);
            assert_non_null(s);
            size_t b = 0;
            for (size_t k = 0; k < chorus_summary_size(s); k++)
                b += chorus_summary_sentence_at(s, k)->text_len + (k ? 1 : 0);
            /* full, but for a last byte that could only hold a separator */
            assert_true(b == budget * 6 || b + 1 == budget * 6);
            chorus_summary_free(s);
            chorus_cluster_free(c);
        }
}

static void test_compressed_sentence_points_into_input(void **state) {
    (void)state;
    const char *r1 = "LAKEVILLE, Minn. (AP) -- The county board approved the new bridge on Monday "
                     "after a long debate.\nThe vote was five to two.\n";
    const char *r2 = "The county board approved a new bridge for Lakeville on Monday.\n";
    chorus_cluster *c = chorus_cluster_new(NULL);
    assert_non_null(c);
    assert_int_equal(chorus_cluster_add(c, r1, strlen(r1), NULL), CHORUS_OK);
    assert_int_equal(chorus_cluster_add(c, r2, strlen(r2), NULL), CHORUS_OK);
    chorus_options o;
    chorus_options_init(&o);
    o.words = 200;
    o.priors = 0;
    chorus_summary *s = chorus_summarize(c, &o);
    assert_non_null(s);
    int seen = 0;
    for (size_t k = 0; k < chorus_summary_size(s); k++) {
        const chorus_summary_sentence *x = chorus_summary_sentence_at(s, k);
        assert_null(strstr(x->text, "(AP)"));
        if (x->doc == 0 && x->position == 0) {
            seen = 1;
            assert_string_equal(x->text, "The county board approved the new bridge on Monday "
                                         "after a long debate.");
            assert_true(x->length == x->text_len);
            assert_true(memcmp(r1 + x->offset, x->text, x->text_len) == 0);
        }
    }
    assert_true(seen);
    chorus_summary_free(s);
    /* compression off: the dateline stays */
    o.compress = 0;
    s = chorus_summarize(c, &o);
    assert_non_null(s);
    assert_true(ti_mentions(s, "(AP)"));
    chorus_summary_free(s);
    chorus_cluster_free(c);
}

static void test_invalid_options(void **state) {
    (void)state;
    chorus_cluster *c = ti_api_cluster();
    chorus_options o;
    chorus_options_init(&o);
    o.compress = 1u << 9;
    assert_null(chorus_summarize(c, &o));
    chorus_options_init(&o);
    o.priors = 1u << 9;
    assert_null(chorus_summarize(c, &o));
    chorus_options_init(&o);
    o.ilp_time_limit = -1;
    assert_null(chorus_summarize(c, &o));
    /* a time limit of 0: the greedy answer, not an error */
    chorus_options_init(&o);
    o.method = CHORUS_METHOD_ILP;
    o.ilp_time_limit = 0;
    chorus_summary *s = chorus_summarize(c, &o);
    assert_non_null(s);
    assert_true(chorus_summary_size(s) > 0);
    chorus_summary_free(s);
    chorus_cluster_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_matches_brute_force),
        cmocka_unit_test(test_greedy_feasible_and_bounded),
        cmocka_unit_test(test_exact_time_limit_zero_refuses),
        cmocka_unit_test(test_concepts_bigrams_weighted_by_reports),
        cmocka_unit_test(test_priors_direction),
        cmocka_unit_test(test_needs_context),
        cmocka_unit_test(test_compression_rules),
        cmocka_unit_test(test_query_pulls_topic),
        cmocka_unit_test(test_budgets_exact),
        cmocka_unit_test(test_compressed_sentence_points_into_input),
        cmocka_unit_test(test_invalid_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
