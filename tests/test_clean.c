/*
 * test_clean.c - removal of page furniture (src/doc/clean.c).
 *
 * Fixture tests: tests/fixtures/clean/NAME.in is cleaned and compared with
 * NAME.out; NAME.reasons (when present) lists the reason of every removed
 * range in order; a NAME.in without NAME.out (the keep_* cases) must come
 * back unchanged with nothing removed and an empty offset map.
 * Every result, including those for generated text and for the shared real
 * articles (skipped when ../shared is absent), is checked against the
 * contract: each cleaned byte maps to the same byte of the input through the
 * offset map, in increasing order; removed ranges are sorted, disjoint,
 * inside the input and carry a reason; kept and removed bytes partition the
 * input; runs of blank lines in the output were copied, not made by a cut.
 */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "doc/clean.h"
#include "doc/clean_int.h"

#ifndef CLEAN_MIX_ITERS
#define CLEAN_MIX_ITERS 400 /* random documents in test_random_mix */
#endif

/* ---- the contract ----------------------------------------------------- */

static int is_blank_line(const char *s, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

static void check_contract(const char *in, size_t n, const ch_clean_result *r) {
    assert_non_null(r->text.data);
    assert_int_equal(r->text.data[r->text.len], '\0');
    assert_true(r->text.len <= n);
    unsigned char *mark = calloc(n + 1, 1);
    assert_non_null(mark);
    /* every cleaned byte is the same input byte, in increasing order */
    size_t prev = 0;
    for (size_t o = 0; o < r->text.len; o++) {
        size_t s = offmap_src(&r->map, o);
        assert_true(s < n);
        assert_int_equal((unsigned char)r->text.data[o], (unsigned char)in[s]);
        if (o > 0)
            assert_true(s > prev);
        prev = s;
        mark[s] = 1;
    }
    for (size_t k = 1; k < r->map.n; k++)
        assert_true(r->map.a[k].out > r->map.a[k - 1].out);
    /* removed ranges: sorted, disjoint, inside, with a reason */
    size_t end = 0;
    for (size_t k = 0; k < r->n_removed; k++) {
        const ch_removed *x = &r->removed[k];
        assert_true(x->len > 0);
        assert_true(x->off + x->len <= n);
        assert_true(x->off >= end);
        assert_non_null(x->reason);
        assert_true(strlen(x->reason) > 0);
        for (size_t i = x->off; i < x->off + x->len; i++) {
            assert_int_equal(mark[i], 0); /* not also kept */
            mark[i] = 2;
        }
        end = x->off + x->len;
    }
    /* kept and removed cover the input */
    for (size_t i = 0; i < n; i++)
        if (mark[i] == 0)
            fail_msg("input byte %zu is neither kept nor removed", i);
    free(mark);
    /* two or more blank lines in a row in the output were copied verbatim */
    const char *t = r->text.data;
    size_t len = r->text.len, ls = 0, run_start = 0, run = 0;
    while (ls < len) {
        const char *nl = memchr(t + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - t) + 1 : len;
        if (is_blank_line(t, ls, le - (nl ? 1 : 0)) && nl) {
            if (run++ == 0)
                run_start = ls;
            if (run >= 2) {
                size_t a = offmap_src(&r->map, run_start), b = offmap_src(&r->map, le - 1);
                assert_int_equal(b - a, le - 1 - run_start);
            }
        } else {
            run = 0;
        }
        ls = le;
    }
}

static void clean_checked(const char *in, size_t n, ch_clean_result *r) {
    memset(r, 0, sizeof *r);
    assert_int_equal(clean_text(in, n, r), 0);
    check_contract(in, n, r);
}

/* ---- fixtures ---------------------------------------------------------- */

static char *read_fixture(const char *name, const char *ext, size_t *len) {
    char rel[512];
    snprintf(rel, sizeof rel, "tests/fixtures/clean/%s%s", name, ext);
    return tu_read_file(rel, len);
}

static void run_fixture(const char *name) {
    size_t n, en = 0, rn = 0;
    char *in = read_fixture(name, ".in", &n);
    assert_non_null(in);
    char *exp = read_fixture(name, ".out", &en);
    char *reasons = read_fixture(name, ".reasons", &rn);
    ch_clean_result r;
    clean_checked(in, n, &r);
    if (exp) {
        if (r.text.len != en || memcmp(r.text.data, exp, en) != 0)
            fail_msg("%s: cleaned text differs\n--- got ---\n%s\n--- expected ---\n%s", name,
                     r.text.data, exp);
        assert_true(r.n_removed > 0);
    } else {
        /* no furniture: unchanged, nothing removed, identity map */
        if (r.text.len != n || memcmp(r.text.data, in, n) != 0)
            fail_msg("%s: text without furniture was changed:\n%s", name, r.text.data);
        assert_int_equal(r.n_removed, 0);
        assert_int_equal(r.map.n, 0);
    }
    if (reasons) {
        size_t k = 0;
        char *save = NULL;
        for (char *tok = strtok_r(reasons, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
            if (k >= r.n_removed)
                fail_msg("%s: fewer removals than listed (%zu)", name, r.n_removed);
            if (strcmp(tok, r.removed[k].reason) != 0)
                fail_msg("%s: removal %zu has reason %s, expected %s", name, k, r.removed[k].reason,
                         tok);
            k++;
        }
        assert_int_equal(k, r.n_removed);
    }
    clean_result_free(&r);
    free(in);
    free(exp);
    free(reasons);
}

static void test_fixtures(void **state) {
    (void)state;
    char *dir = tu_src_path("tests/fixtures/clean");
    assert_non_null(dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int count = 0, keep = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 4 || strcmp(e->d_name + l - 3, ".in") != 0)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(l - 3), e->d_name);
        run_fixture(name);
        count++;
        keep += strncmp(name, "keep_", 5) == 0;
    }
    closedir(d);
    free(dir);
    assert_true(count >= 12);
    assert_true(keep >= 4);
}

/* ---- the line classifier, case by case ------------------------------- */

typedef struct line_case {
    const char *line;
    const char *reason; /* NULL: kept */
} line_case;

static const line_case line_cases[] = {
    /* furniture */
    {"Skip to main content", CLEAN_R_NAV},
    {"ADVERTISEMENT", CLEAN_R_AD},
    {"Advertisement - Continue Reading Below", CLEAN_R_AD},
    {"Story continues below", CLEAN_R_NAV},
    {"Sign up for our newsletter", CLEAN_R_SHARE},
    {"Read more:", CLEAN_R_NAV},
    {"Related: Flooding closes two bridges in the old town", CLEAN_R_NAV},
    {"MORE: Why the harbour tunnel is three years late", CLEAN_R_NAV},
    {"This website uses cookies to give you the best experience. By using this site you "
     "accept our cookie policy.",
     CLEAN_R_COOKIE},
    {"Click here to subscribe to our daily briefing.", CLEAN_R_NAV},
    {"Copyright 2019 Northern Wire Service. All rights reserved. This material may not be "
     "published or redistributed.",
     CLEAN_R_COPYRIGHT},
    {"© 2020 Example Media Ltd", CLEAN_R_COPYRIGHT},
    {"Share this article", CLEAN_R_SHARE},
    {"Facebook Twitter Email", CLEAN_R_SHARE},
    {"Follow us on Instagram", CLEAN_R_SHARE},
    {"Subscribe", CLEAN_R_SHARE},
    {"37 Comments", CLEAN_R_COMMENTS},
    {"Getty Images", CLEAN_R_CREDIT},
    {"© Getty", CLEAN_R_CREDIT},
    {"Photo: Reuters", CLEAN_R_CREDIT},
    {"Karl Lindqvist/AFP/Getty Images", CLEAN_R_CREDIT},
    {"Tove Berg / Nordic Press / Getty", CLEAN_R_CREDIT},
    {"(Photo by Ana Silva/Getty Images)", CLEAN_R_CREDIT},
    {"Image 2 of 9", CLEAN_R_MEDIA},
    {"Play Video", CLEAN_R_MEDIA},
    {"Embed", CLEAN_R_MEDIA},
    {"1:45", CLEAN_R_MEDIA},
    {"Image caption The bridge was closed for five hours", CLEAN_R_CAPTION},
    {"Firefighters work at the scene in Ostend, Belgium, on Monday. (AP Photo/Jan Maes)",
     CLEAN_R_CAPTION},
    {"By Jane Doe", CLEAN_R_BYLINE},
    {"By JANE DOE and RAJ PATEL, Associated Press", CLEAN_R_BYLINE},
    {"Jane Doe | Reuters", CLEAN_R_BYLINE},
    {"Posted on Oct 18, 2016 Updated on Oct 19, 2016, 6:47 pm CDT", CLEAN_R_TIMESTAMP},
    {"October 18, 2016 6:47 PM ET", CLEAN_R_TIMESTAMP},
    {"Contact the author at jdoe@example.org", CLEAN_R_CONTACT},
    {"jdoe@example.org", CLEAN_R_CONTACT},
    {"@janedoe", CLEAN_R_CONTACT},
    {"Follow Jane Doe on Twitter @janedoe", CLEAN_R_CONTACT},
    {"Kim Lee contributed to this report.", CLEAN_R_BYLINE},
    {"(Reporting by Kim Lee; Editing by Tom Ash)", CLEAN_R_BYLINE},
    {"Reporting by Kim Lee in Seoul; Editing by Tom Ash.", CLEAN_R_BYLINE},
    {"\xE2\x80\x94With assistance from Ana Ruiz and Li Wei.", CLEAN_R_BYLINE},
    {"Jane Doe can be reached at 555-201-7788.", CLEAN_R_CONTACT},
    {"Originally published on Example News.", CLEAN_R_SYNDICATION},
    {"(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", CLEAN_R_NOTE},
    {"— City Transit (@CityTransit) March 3, 2021", CLEAN_R_TWEET},
    {"Buses are back on route 9 pic.twitter.com/x1Y2z3 — City Transit (@CityTransit) "
     "March 3, 2021",
     CLEAN_R_TWEET},
    {"A post shared by Jane Doe (@janedoe) on Jun 2, 2019 at 4:10pm PDT", CLEAN_R_SOCIAL},
    {"This article was originally published by The Valley Times.", CLEAN_R_SYNDICATION},
    {"___", CLEAN_R_SEPARATOR},
    {"[Town hall meeting turns heated over parking fees]", CLEAN_R_NAV},
    {"Home | News | Europe", CLEAN_R_NAV},
    {"CLOSE Crews worked through the night to clear the tracks after the storm. VPC",
     CLEAN_R_MEDIA},
    {"For Date Night, the Mayor Took Her Husband To The Harbour Fe...", CLEAN_R_NAV},
    /* article text */
    {"LONDON – Prices rose again in March.", NULL},
    {"LONDON —", NULL},
    {"CLOSE CALL AT THE PORT", NULL},
    {"Close to 400 people were evacuated from the valley.", NULL},
    {"The mayor said the plan would take years and cost more than...", NULL},
    {"He said the talks would go on, and then they stopped...", NULL},
    {"He declined to comment.", NULL},
    {"Getty Images declined to comment on the lawsuit.", NULL},
    {"By Tuesday, the river had crested.", NULL},
    {"By contrast, exports held up.", NULL},
    {"Share prices fell 3 percent.", NULL},
    {"Advertising revenue rose.", NULL},
    {"Video evidence was shown to the jury.", NULL},
    {"Follow the money, she said.", NULL},
    {"Updated figures show unemployment fell to 4.1 percent in May.", NULL},
    {"The e-mail came from a.b@example.org.", NULL},
    {"Copyright claims against the site doubled last year, the report said.", NULL},
    {"Regulators said the site uses cookies to track users across other websites without "
     "consent.",
     NULL},
    {"“Click here,” he told me, pointing at the screen.", NULL},
    {"The vote was 5-4.", NULL},
    {"(The ministry did not respond to a request for comment.)", NULL},
    {"Stern warning", NULL},
    {"2016", NULL},
    {"WikiLeaks", NULL},
    {"Reporting by The Valley Times has shown that the agency ignored two warnings.", NULL},
    {"With assistance from the UN, the government built 40 schools.", NULL},
    {"Officials said the summit can be reached at the end of the trail.", NULL},
    {"The trail can be followed on foot from the village.", NULL},
    {"In a post shared by the museum, curators described the find.", NULL},
    {"Originally published in 1962, the novel sold millions of copies worldwide.", NULL},
    {"Read more books, the minister urged parents.", NULL},
    {"To contact the families, officials used the school's phone list.", NULL},
    {"Also: the committee approved a new budget for the library.", NULL},
    {"Posted guards stood outside the embassy.", NULL},
    {"The statement came as officials at the AP bureau in Cairo confirmed two reporters "
     "were safe. (AP)",
     NULL},
};

static void test_line_cases(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof line_cases / sizeof line_cases[0]; i++) {
        const line_case *c = &line_cases[i];
        clean_feat f;
        size_t n = strlen(c->line);
        clean_line_features(c->line, n, &f);
        const char *got = clean_line_reason(c->line, n, &f);
        if ((got == NULL) != (c->reason == NULL) || (got && strcmp(got, c->reason) != 0))
            fail_msg("line \"%s\": got %s, expected %s", c->line, got ? got : "(kept)",
                     c->reason ? c->reason : "(kept)");
    }
}

/* ---- shapes and edge cases -------------------------------------------- */

static void test_empty_and_blank(void **state) {
    (void)state;
    static const char *const cases[] = {"", "\n", "\n\n\n", "   \n \n\t\n", " ", "\r\n\r\n"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ch_clean_result r;
        size_t n = strlen(cases[i]);
        clean_checked(cases[i], n, &r);
        assert_int_equal(r.text.len, n);
        assert_int_equal(r.n_removed, 0);
        clean_result_free(&r);
    }
    clean_result_free(NULL);
}

static void test_only_furniture(void **state) {
    (void)state;
    const char *in = "Advertisement\n\nShare this article\n\nSubscribe\n";
    ch_clean_result r;
    clean_checked(in, strlen(in), &r);
    assert_int_equal(r.text.len, 0);
    /* blank lines merge into the removals they touch */
    assert_int_equal(r.n_removed, 2);
    assert_string_equal(r.removed[0].reason, CLEAN_R_AD);
    assert_int_equal(r.removed[0].len, strlen("Advertisement\n\n"));
    assert_string_equal(r.removed[1].reason, CLEAN_R_SHARE);
    clean_result_free(&r);
}

static void test_blank_runs_collapse(void **state) {
    (void)state;
    /* a removal between paragraphs leaves one blank line; untouched runs stay */
    const char *in = "The first paragraph is here.\n\n\nAdvertisement\n\n\nThe second one.\n\n\n"
                     "The third one follows an untouched gap.\n";
    const char *exp = "The first paragraph is here.\n\nThe second one.\n\n\n"
                      "The third one follows an untouched gap.\n";
    ch_clean_result r;
    clean_checked(in, strlen(in), &r);
    assert_string_equal(r.text.data, exp);
    clean_result_free(&r);
    /* single newlines between paragraphs stay single */
    in = "First line of text here.\nSkip to main content\nSecond line of text here.\n";
    clean_checked(in, strlen(in), &r);
    assert_string_equal(r.text.data, "First line of text here.\nSecond line of text here.\n");
    assert_int_equal(r.n_removed, 1);
    assert_int_equal(r.removed[0].off, 25);
    assert_int_equal(r.removed[0].len, 21);
    assert_string_equal(r.removed[0].reason, CLEAN_R_NAV);
    clean_result_free(&r);
}

/* Generated prose of plain sentences: must come back unchanged. */
static void test_plain_text_unchanged(void **state) {
    (void)state;
    static const char *const words[] = {
        "the",     "council",   "said",  "on",     "Monday",    "that",  "prices", "rose",
        "sharply", "in",        "March", "and",    "April",     "while", "wages",  "fell",
        "Maria",   "Lopez",     "a",     "senior", "economist", "at",    "Banco",  "Norte",
        "told",    "reporters", "it",    "was",    "too",       "early", "to",     "judge"};
    size_t nw = sizeof words / sizeof words[0];
    ch_buf b = {0};
    unsigned seed = 12345;
    for (int p = 0; p < 400; p++) {
        int sentences = 1 + (int)(seed % 4);
        for (int s = 0; s < sentences; s++) {
            int len = 16 + (int)((seed >> 3) % 20);
            for (int w = 0; w < len; w++) {
                seed = seed * 1103515245u + 12345u;
                const char *x = words[(seed >> 8) % nw];
                if (w == 0) {
                    char cap[32];
                    snprintf(cap, sizeof cap, "%s", x);
                    if (cap[0] >= 'a' && cap[0] <= 'z')
                        cap[0] = (char)(cap[0] - 32);
                    assert_int_equal(buf_puts(&b, cap), 0);
                } else {
                    assert_int_equal(buf_printf(&b, " %s", x), 0);
                }
            }
            assert_int_equal(buf_puts(&b, s + 1 < sentences ? ". " : "."), 0);
        }
        assert_int_equal(buf_puts(&b, p % 3 == 0 ? "\n" : "\n\n"), 0);
    }
    ch_clean_result r;
    clean_checked(b.data, b.len, &r);
    assert_int_equal(r.text.len, b.len);
    assert_memory_equal(r.text.data, b.data, b.len);
    assert_int_equal(r.n_removed, 0);
    assert_int_equal(r.map.n, 0);
    clean_result_free(&r);
    buf_free(&b);
}

/* Huge lines and pathological fusion patterns finish quickly (the scan is
 * linear: a quadratic one would run into the test timeout). */
static void test_large_inputs(void **state) {
    (void)state;
    size_t n = 3u << 19;
    char *s = malloc(n + 1);
    assert_non_null(s);
    /* one line, no newline: "aB" fusions with a MORE every ~900 bytes */
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 900 < 5) ? "MORE "[i % 900] : ((i & 1) ? 'B' : 'a');
    ch_clean_result r;
    clean_checked(s, n, &r);
    clean_result_free(&r);
    /* one line of capitalised words, each fused to the next */
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 7 == 0) ? 'K' : (i % 7 == 6 ? ' ' : 'e');
    memcpy(s + n / 2, " MORE ", 6);
    clean_checked(s, n, &r);
    clean_result_free(&r);
    /* many short lines */
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 3 == 2) ? '\n' : 'x';
    clean_checked(s, n, &r);
    assert_int_equal(r.text.len, n);
    clean_result_free(&r);
    /* NUL and control bytes are plain bytes */
    for (size_t i = 0; i < 4096; i++)
        s[i] = (char)(i % 32);
    clean_checked(s, 4096, &r);
    clean_result_free(&r);
    free(s);
}

static void test_fused_run_bounds(void **state) {
    (void)state;
    /* the run must end in MORE on the same line, within reach */
    const char *in = "Minister Ada ChenAda Lin ChenChen rejects claims\nMORE criticism followed.\n";
    ch_clean_result r;
    clean_checked(in, strlen(in), &r);
    assert_int_equal(r.n_removed, 0);
    clean_result_free(&r);
    ch_buf b = {0};
    assert_int_equal(buf_puts(&b, "Minister Ada ChenAda Lin ChenChen rejects claims "), 0);
    for (int i = 0; i < 250; i++) /* 1250 bytes: beyond a link run's reach */
        assert_int_equal(buf_puts(&b, "word "), 0);
    assert_int_equal(buf_puts(&b, "MORE said on Friday.\n"), 0);
    clean_checked(b.data, b.len, &r);
    assert_int_equal(r.n_removed, 0);
    clean_result_free(&r);
    buf_clear(&b);
    assert_int_equal(buf_puts(&b, "Minister Ada ChenAda Lin ChenChen rejects claims MORE said "
                                  "on Friday that talks would resume.\n"),
                     0);
    clean_checked(b.data, b.len, &r);
    assert_string_equal(r.text.data, "Minister Ada Chen said on Friday that talks would resume.\n");
    assert_int_equal(r.n_removed, 1);
    assert_string_equal(r.removed[0].reason, CLEAN_R_FUSED);
    clean_result_free(&r);
    buf_free(&b);
}

/* ---- publisher phrases fused inside a line ---------------------------- */

typedef struct phrase_case {
    const char *in;      /* one line */
    const char *out;     /* what stays (NULL: the line comes back unchanged) */
    const char *reasons; /* reasons of the cuts in order, ';'-separated */
    int cased_only;      /* the rule reads letter case: no lower-cased twin */
} phrase_case;

static const phrase_case phrase_cases[] = {
    /* advertisement */
    {"Advertisement Continue reading the main story The mayor said the ferry would run again.",
     "The mayor said the ferry would run again.", "advertisement;navigation", 0},
    {"The council met on Monday. Advertisement for weeks, the senator had kept quiet about it.",
     "The council met on Monday. for weeks, the senator had kept quiet about it.", "advertisement",
     0},
    {"advertisement advertisement the company said its orders rose in May .",
     "the company said its orders rose in May .", "advertisement;advertisement", 0},
    {"The pier was closed, \" she said . \" Advertisement Police said the cause was a storm.",
     "The pier was closed, \" she said . \" Police said the cause was a storm.", "advertisement",
     0},
    {"The lake froze early... Advertisement Skaters arrived by the hundred.",
     "The lake froze early... Skaters arrived by the hundred.", "advertisement", 0},
    {"It cost too much, he said. Advertisement - Continue Reading Below The plan was dropped.",
     "It cost too much, he said. The plan was dropped.", "advertisement;navigation", 0},
    {"Tickets sold out in an hour. Advertisement: Organisers added a second night.",
     "Tickets sold out in an hour. Organisers added a second night.", "advertisement", 0},
    {"The dam held through the night. Advertisement", "The dam held through the night.",
     "advertisement", 0},
    {"Farmers waited for rain and ADVERTISEMENT the river stayed low all summer.",
     "Farmers waited for rain and the river stayed low all summer.", "advertisement", 1},
    {"The ferry was late again. Story continues below advertisement Passengers waited for an "
     "hour.",
     "The ferry was late again. Passengers waited for an hour.", "advertisement", 0},
    {"Rents climbed again; article continues after advertisement tenants said they would move.",
     "Rents climbed again; tenants said they would move.", "advertisement", 0},
    /* navigation, sharing, media */
    {"The bridge reopened at noon. Continue reading below Traffic was light.",
     "The bridge reopened at noon. Traffic was light.", "navigation", 0},
    {"The talks broke down on Friday. Read more:", "The talks broke down on Friday.", "navigation",
     0},
    {"The talks broke down on Friday. Continue reading", "The talks broke down on Friday.",
     "navigation", 0},
    {"The pass reopened on Sunday. Continue reading\xE2\x80\xA6", "The pass reopened on Sunday.",
     "navigation", 0},
    {"The mill closed in 1990. Read more \xC2\xBB", "The mill closed in 1990.", "navigation", 0},
    {"Nobody was hurt. Click here to read more The road stays shut until Sunday.",
     "Nobody was hurt. The road stays shut until Sunday.", "navigation", 0},
    {"Story highlights The vote was delayed twice before it passed.",
     "The vote was delayed twice before it passed.", "navigation", 0},
    {"Officials said the trial would resume. Sign up for our newsletter The defence rested.",
     "Officials said the trial would resume. The defence rested.", "share-prompt", 0},
    {"Media playback is unsupported on your device Media caption The minister spoke to the "
     "press.",
     "The minister spoke to the press.", "media;caption", 0},
    {"The rocket lifted off at dawn. Scroll down for video Crowds lined the beach.",
     "The rocket lifted off at dawn. Crowds lined the beach.", "media", 0},
    {"Watch the launch (Video) as it happened over the bay.",
     "Watch the launch as it happened over the bay.", "media", 0},
    /* captions and credits */
    {"Image copyright Getty Images Image caption Protesters gathered outside the court.",
     "Protesters gathered outside the court.", "photo-credit;caption", 0},
    {"Image copyright Jo Ray of the Valley Camera Club Archive Image caption Boats left at six.",
     "Jo Ray of the Valley Camera Club Archive Boats left at six.", "photo-credit;caption", 0},
    {"The storm passed. Image copyright Reuters The clean-up began on Sunday.",
     "The storm passed. The clean-up began on Sunday.", "photo-credit", 0},
    {"Crowds waited for hours ( Jane Doe / Getty Images ) before the gates opened.",
     "Crowds waited for hours before the gates opened.", "photo-credit", 0},
    {"Crowds waited for hours (Photo: Jane Doe/AP) before the gates opened.",
     "Crowds waited for hours before the gates opened.", "photo-credit", 0},
    {"The mayor cut the ribbon. (Jane Doe, Associated Press)", "The mayor cut the ribbon.",
     "photo-credit", 0},
    {"The senate voted on Tuesday. | John Smith/Reuters The bill now goes to the house.",
     "The senate voted on Tuesday. The bill now goes to the house.", "photo-credit", 0},
    {"The senate voted on Tuesday . &#124; John Smith/AFP/Getty Images The bill moves on .",
     "The senate voted on Tuesday . The bill moves on .", "photo-credit", 0},
    {"Enlarge this image toggle caption Jo Ray/AFP/Getty Images Jo Ray/AFP/Getty Images The "
     "storm hit the coast.",
     "The storm hit the coast.", "media;media;photo-credit", 0},
    {"The storm hit hard. Chris Lane, Getty Images Chris Lane, Getty Images The mayor spoke.",
     "The storm hit hard. The mayor spoke.", "photo-credit", 0},
    {"Is the candy still fresh? Jo Ray/iStock/Getty Images Plus Millions of children went out.",
     "Is the candy still fresh? Millions of children went out.", "photo-credit", 0},
    {"Snow closed the pass. Photo: Ana Silva/Scanpix Drivers were told to wait.",
     "Snow closed the pass. Drivers were told to wait.", "photo-credit", 0},
    /* galleries and site notices */
    {"Photos: Photos: Harbour storm Photos: Photos: Harbour storm Waves broke over the wall on "
     "Monday. Hide Caption 1 of 3 Photos: Photos: Harbour storm Boats were tied up early. Hide "
     "Caption 2 of 3 Photos: Photos: Harbour storm A crane lifts a boat.",
     "Waves broke over the wall on Monday. Boats were tied up early. A crane lifts a boat.",
     "media;media;media;media", 0},
    {"Rescuers searched the hill. hide caption 4 of 9 photos: Fire season Crews dug a line. Hide "
     "Caption 5 of 9 photos: Fire season: the week in pictures Smoke rose over the town.",
     "Rescuers searched the hill. Crews dug a line. the week in pictures Smoke rose over the "
     "town.",
     "media;media", 0},
    {"the cast reunited. hide caption 2 of 7 photos:'the club' cast: where are they now? like "
     "her, he acted on. hide caption 3 of 7 photos:'the club' cast: where are they now? he "
     "directed films.",
     "the cast reunited. like her, he acted on. he directed films.", "media;media", 0},
    {"Police closed the road. Hide Caption 2 of 12 Drivers were sent back.",
     "Police closed the road. Drivers were sent back.", "media", 0},
    {"These crawls are part of an effort to archive the links of old web pages. Crawls of "
     "supported \"No More 404\" sites. The river rose by a metre overnight.",
     "The river rose by a metre overnight.", "site-notice", 0},
    {"these crawls are part of an effort to archive old copies of every page for later", "",
     "site-notice", 0},
    {"The mayor resigned. We've detected that JavaScript is disabled in this browser. Would "
     "you like to proceed to legacy Twitter?",
     "The mayor resigned.", "site-notice;site-notice", 0},
    {"The painting was sold in 2010. FILE - In this Dec. 12, 2013 file photo, the actor leaves "
     "court with Lt. Brad Cole in Los Angeles. The sale closed on Friday.",
     "The painting was sold in 2010. The sale closed on Friday.", "caption", 1},
    {"the academy says it has received... file - in this feb. 6, 2015 file photo, the singer "
     "accepts an award in los angeles. The academy said it would wait.",
     "the academy says it has received... The academy said it would wait.", "caption", 1},
    {"Rain fell all day. file -- this undated photo shows the old mill", "Rain fell all day.",
     "caption", 0},
    {"Please enable JavaScript to watch this video The council met on Monday.",
     "The council met on Monday.", "site-notice", 0},
    {"Tweet with a location Posts may carry the place they were sent from; you may delete "
     "that location history. Learn more The storm hit at noon.",
     "The storm hit at noon.", "tweet", 0},
    {"Starting in 1996, Alexa Internet has been donating copies of the pages it visits, and "
     "they are shown after an embargo period. Prices fell.",
     "Prices fell.", "site-notice", 0},
    {"This article is over 2 years old The mayor said the bridge would reopen.",
     "The mayor said the bridge would reopen.", "site-notice", 0},
    {"Close get email notifications on Jane Doe daily! Your notification has been saved. The "
     "fire spread.",
     "The fire spread.", "share-prompt", 0},
    /* whole sentences in which the site speaks to its reader */
    {"The ferry sailed at dawn. Please confirm your email address to finish creating your "
     "account. The crossing took an hour.",
     "The ferry sailed at dawn. The crossing took an hour.", "site-notice", 0},
    {"Want the morning briefing? Sign up to get our newsletter in your inbox. The strike ended "
     "on Friday.",
     "The strike ended on Friday.", "site-notice", 0},
    {"The vote was close. Thank you for signing up!", "The vote was close.", "site-notice", 0},
    {"We keep your account details to send you notifications. We never sell them. Rain is "
     "forecast.",
     "We never sell them. Rain is forecast.", "site-notice", 0},
    {"Tolls rise in May. By clicking below you accept our terms of use and privacy policy. "
     "Enable cookies in your browser to go on.",
     "Tolls rise in May.", "site-notice", 0},
    {"The list of sites for this crawl came from the wayback machine, with the urls of every "
     "page each links to. The dam held.",
     "The dam held.", "site-notice", 0},
    {"Crawl of the outlinks of a news site began in May 2019. The files are not public yet. "
     "Properties of this collection. The seed list came from all 40 collections.",
     "", "site-notice", 0},
    {"Ships waited. Please check your email and follow the link in it to activate your "
     "profile. The port reopened.",
     "Ships waited. The port reopened.", "site-notice", 0},
    {"Interested in ferries? Add ferries as an interest to stay up to date on ferry news. "
     "The ferry sank.",
     "The ferry sank.", "site-notice", 0},
    {"The bridge opened. Breaking News Emails Get breaking news alerts, then special reports. "
     "Tolls start in June.",
     "The bridge opened. Tolls start in June.", "share-prompt", 0},
    {"Dow Jones Reprints: This copy is for your personal reading. Order more at "
     "www.djreprints.com The bank cut rates.",
     "The bank cut rates.", "copyright", 0},
    {"The interactive transcript could not be loaded. Get push notifications with news, "
     "features and more. Rain fell.",
     "Rain fell.", "media;share-prompt", 0},
    /* prose that stays */
    {"The library's crawlers save copies of urls every day for its wayback machine and its "
     "collection, a spokeswoman said. Seeds of the project go back to 1996.",
     NULL, "", 0},
    {"Traffic slowed to a crawl as fans of the top seed left the host city.", NULL, "", 0},
    {"The internet archive keeps copies of old pages in its wayback machine, the library's "
     "director said on Monday, and many of them are urls that no longer work.",
     NULL, "", 0},
    {"You might not need a password for your bank account much longer, experts think.", NULL, "",
     0},
    {"\"Please log in to your account and change your password,\" the bank wrote.", NULL, "", 0},
    {"Sign up for the newsletter and check your inbox, the company said in a statement.", NULL, "",
     0},
    {"Voters must register before the deadline, and clerks will verify each account.", NULL, "", 0},
    {"Subscribe now the pier was closed after the storm and the ferry stayed in port.", NULL, "",
     0},
    {"Please sign up to our newsletter, get it in your inbox each morning, and read what the "
     "harbour master wrote about the storm that closed the pier for three days in a row.",
     NULL, "", 0},
    {"The ruling found false advertisement in the mailings sent to voters.", NULL, "", 0},
    {"The board met. Advertisement revenue fell by a third in the spring.", NULL, "", 0},
    {"Advertisement, the judge said, is not the same as a promise.", NULL, "", 0},
    {"She said the service was advertisement-free for a year.", NULL, "", 0},
    {"She placed an advertisement in the paper. It ran for a week.", NULL, "", 0},
    {"The image caption said the photo was taken in 2019, and a social media caption "
     "repeated it.",
     NULL, "", 0},
    {"WASHINGTON (AP) \xE2\x80\x94 The senate voted on Tuesday (Reuters) to pass the bill.", NULL,
     "", 0},
    {"He said the talks failed. Read more books, the minister urged parents.", NULL, "", 0},
    {"Officials will continue reading the report until Friday.", NULL, "", 0},
    {"In a photo by the agency, workers and/or soldiers stood by the gate.", NULL, "", 0},
    {"FALSE ADVERTISEMENT CLAIMS REJECTED BY COURT", NULL, "", 1},
    {"He kept the file - this was the last copy - in a drawer.", NULL, "", 0},
    {"He opened the file - in this folder a photo of the mill was kept.", NULL, "", 0},
    {"This article is over the word limit, the editor said.", NULL, "", 0},
    {"Tweet with a location, the app said, but nobody did.", NULL, "", 0},
    {"The (new) rules apply to ports, airports and rail yards.", NULL, "", 0},
};

/* Checks the cuts clean_inline_cuts() makes on one line: ascending,
 * disjoint, inside the line, with the expected reasons and kept text. */
static void check_phrase_case(const char *text, const char *out, const char *reasons) {
    size_t n = strlen(text);
    char *in = malloc(n); /* no NUL after the line: reading past it is caught */
    assert_non_null(in);
    memcpy(in, text, n);
    ch_removed *v = NULL;
    size_t nv = 0, cap = 0;
    assert_int_equal(clean_inline_cuts(in, 0, n, &v, &nv, &cap), 0);
    ch_buf kept = {0}, got = {0};
    size_t p = 0;
    for (size_t k = 0; k < nv; k++) {
        assert_true(v[k].off >= p);
        assert_true(v[k].len > 0);
        assert_true(v[k].off + v[k].len <= n);
        assert_int_equal(buf_append(&kept, in + p, v[k].off - p), 0);
        assert_int_equal(buf_printf(&got, "%s%s", k ? ";" : "", v[k].reason), 0);
        p = v[k].off + v[k].len;
    }
    assert_int_equal(buf_append(&kept, in + p, n - p), 0);
    const char *exp = out ? out : text;
    if (strcmp(kept.data ? kept.data : "", exp) != 0 ||
        strcmp(got.data ? got.data : "", reasons) != 0)
        fail_msg("line \"%s\"\n  kept \"%s\" (%s)\n  want \"%s\" (%s)", text, kept.data,
                 got.data ? got.data : "", exp, reasons);
    buf_free(&kept);
    buf_free(&got);
    free(v);
    free(in);
}

static char *lowered(const char *s) {
    char *l = strdup(s);
    assert_non_null(l);
    for (char *c = l; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return l;
}

/* Every case as written and lower-cased (as datasets print it). */
static void test_inline_phrases(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof phrase_cases / sizeof phrase_cases[0]; i++) {
        const phrase_case *c = &phrase_cases[i];
        check_phrase_case(c->in, c->out, c->reasons);
        if (c->cased_only)
            continue;
        char *li = lowered(c->in), *lo = c->out ? lowered(c->out) : NULL;
        check_phrase_case(li, lo, c->reasons);
        free(li);
        free(lo);
    }
}

/* A flattened article (one long line, as a scraper leaves it) through
 * clean_text(): the furniture goes with exact offsets, the article stays. */
static void test_inline_phrases_in_article(void **state) {
    (void)state;
    const char *in =
        "Media playback is unsupported on your device Media caption Divers searched the "
        "harbour The search for the missing trawler resumed at first light on Wednesday, the "
        "coastguard said. Advertisement Continue reading the main story Two lifeboats and a "
        "helicopter joined the search ( Jo Ray / Getty Images ) after the weather cleared. "
        "\"We have not given up,\" a spokesman said. Image copyright Reuters Image caption "
        "Families waited on the quay The owners said the vessel had been fully inspected in "
        "March. Read more:\n"
        "The harbour reopened to small boats by the evening.\n";
    const char *exp =
        "Divers searched the harbour The search for the missing trawler resumed at first light "
        "on Wednesday, the coastguard said. Two lifeboats and a helicopter joined the search "
        "after the weather cleared. \"We have not given up,\" a spokesman said. Families waited "
        "on the quay The owners said the vessel had been fully inspected in March.\n"
        "The harbour reopened to small boats by the evening.\n";
    static const char *const reasons[] = {"media",      "caption",      "advertisement",
                                          "navigation", "photo-credit", "photo-credit",
                                          "caption",    "navigation"};
    ch_clean_result r;
    clean_checked(in, strlen(in), &r);
    assert_string_equal(r.text.data, exp);
    assert_int_equal(r.n_removed, sizeof reasons / sizeof reasons[0]);
    for (size_t k = 0; k < r.n_removed; k++)
        assert_string_equal(r.removed[k].reason, reasons[k]);
    /* exact offsets: the first cut opens the input, the credit is where it was written */
    assert_int_equal(r.removed[0].off, 0);
    assert_int_equal(r.removed[0].len, strlen("Media playback is unsupported on your device "));
    const char *credit = strstr(in, "( Jo Ray");
    assert_int_equal(r.removed[4].off, (size_t)(credit - in));
    assert_int_equal(r.removed[4].len, strlen("( Jo Ray / Getty Images ) "));
    const char *more = strstr(in, " Read more:");
    assert_int_equal(r.removed[7].off, (size_t)(more - in));
    assert_int_equal(r.removed[7].len, strlen(" Read more:"));
    /* the offset map leads from the cleaned text back to the input */
    const char *after = strstr(r.text.data, "after the weather");
    size_t o = (size_t)(after - r.text.data);
    assert_int_equal(offmap_src(&r.map, o), (size_t)(strstr(in, "after the weather") - in));
    clean_result_free(&r);
}

static double cpu_seconds(void) {
    return (double)clock() / CLOCKS_PER_SEC;
}

/* The phrase pass stays linear on lines made of its own triggers: eight
 * times the input may cost at most a small multiple of eight times the
 * time (a quadratic scan would cost sixty-four times). */
static void test_inline_phrases_linear(void **state) {
    (void)state;
    static const char *const units[] = {"advertisement ",
                                        "x. advertisement revenue ",
                                        "( ( ",
                                        "(a b c d e f g h i j k l m ",
                                        "| a b ",
                                        "/ap",
                                        "x/ap ",
                                        "a a a a a/ap ",
                                        "photo: a b c d e f g ",
                                        "image copyright x/",
                                        "toggle caption x ",
                                        "jo ray/getty images ",
                                        "read more x ",
                                        "media caption ",
                                        "&#124; ",
                                        "hide caption 1 of 2 photos: a b c ",
                                        "photos: photos: hide caption 3 of 4 ",
                                        "these crawls are part of an effort to archive x ",
                                        "sign up to our newsletter in your inbox. ",
                                        "want more? ",
                                        "a. "};
    size_t small = 1u << 16, big = small * 8;
    char *s = malloc(big + 1);
    assert_non_null(s);
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t ul = strlen(units[k]);
        for (size_t i = 0; i < big; i++)
            s[i] = units[k][i % ul];
        double t[2];
        for (int pass = 0; pass < 2; pass++) {
            size_t n = pass ? big : small;
            ch_clean_result r;
            double t0 = cpu_seconds();
            clean_checked(s, n, &r);
            t[pass] = cpu_seconds() - t0;
            clean_result_free(&r);
        }
        if (t[1] > 24 * t[0] + 0.25)
            fail_msg("\"%s\" repeated: %zu bytes took %.3f s, %zu bytes %.3f s", units[k], small,
                     t[0], big, t[1]);
    }
    free(s);
}

/* Furniture lines (those that need no neighbour) mixed at random with long
 * article sentences, blank lines, CRLF and stray spaces: the contract holds
 * and every article sentence survives whole. */
static void test_random_mix(void **state) {
    (void)state;
    static const char *const text[] = {
        "The regional council approved the new budget on Tuesday after a debate that lasted "
        "well into the evening, officials said.",
        "\xE2\x80\x9CWe did not expect the river to rise this quickly,\xE2\x80\x9D said the "
        "mayor, who spent the night at the emergency centre in the old town hall.",
        "Prices for wheat and maize have climbed by more than a third since the start of the "
        "year, according to figures published by the agriculture ministry.",
        "By the end of the week, more than 3,000 residents had been moved to shelters in "
        "schools and sports halls across the district.",
        "The company said its profit for the quarter fell to 41 million euros, hurt by higher "
        "energy costs and weaker demand in Asia and South America.",
        "LONDON \xE2\x80\x93 Talks between the two unions and the rail operator broke down late "
        "on Sunday, raising the prospect of a strike before the holiday weekend.",
        "Investigators have not said what caused the fire, but witnesses described hearing "
        "a loud bang shortly before the roof of the warehouse collapsed.",
        "WikiLeaks and YouTube were among the platforms named in the report, which also "
        "criticised the iPhone maker and PayPal for their handling of user complaints.",
    };
    size_t nt = sizeof text / sizeof text[0];
    ch_buf b = {0};
    unsigned seed = 777;
    for (int iter = 0; iter < CLEAN_MIX_ITERS; iter++) {
        buf_clear(&b);
        unsigned used = 0;
        int lines = 1 + (int)(seed % 25);
        for (int l = 0; l < lines; l++) {
            seed = seed * 1103515245u + 12345u;
            unsigned pick = (seed >> 10) % 4;
            if (pick == 0) {
                size_t t = (seed >> 14) % nt;
                if (used & (1u << t))
                    continue;
                used |= 1u << t;
                assert_int_equal(buf_puts(&b, text[t]), 0);
            } else if (pick == 1) {
                size_t k = (seed >> 14) % (sizeof line_cases / sizeof line_cases[0]);
                if (!line_cases[k].reason || line_cases[k].line[0] == '\xE2')
                    continue; /* kept lines, and attributions that take a line above */
                assert_int_equal(buf_puts(&b, line_cases[k].line), 0);
            } else if (pick == 2) {
                assert_int_equal(buf_puts(&b, (seed >> 14) & 1 ? " " : ""), 0);
            }
            static const char *const eol[] = {"\n", "\n", "\r\n", " \n"};
            assert_int_equal(buf_puts(&b, eol[(seed >> 20) % 4]), 0);
        }
        ch_clean_result r;
        clean_checked(b.data ? b.data : "", b.len, &r);
        for (size_t t = 0; t < nt; t++) {
            if (!(used & (1u << t)))
                continue;
            size_t l = strlen(text[t]);
            int found = 0;
            for (size_t i = 0; i + l <= r.text.len && !found; i++)
                found = memcmp(r.text.data + i, text[t], l) == 0;
            if (!found)
                fail_msg("iteration %d lost an article sentence:\n%s\n--- input ---\n%s", iter,
                         text[t], b.data);
        }
        clean_result_free(&r);
    }
    buf_free(&b);
}

/* ---- shared real articles (skipped when ../shared is absent) ---------- */

static char *shared_read(const char *rel, size_t *n) {
    const char *dir = tu_shared_dir();
    if (!dir)
        return NULL;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    return tu_read_file(path, n);
}

static int contains(const ch_clean_result *r, const char *needle) {
    size_t l = strlen(needle);
    for (size_t i = 0; i + l <= r->text.len; i++)
        if (memcmp(r->text.data + i, needle, l) == 0)
            return 1;
    return 0;
}

static void test_shared_seeds(void **state) {
    (void)state;
    if (!tu_shared_dir())
        skip();
    const char *dir = tu_shared_dir();
    char path[1024];
    snprintf(path, sizeof path, "%s/fixtures/seeds", dir);
    DIR *d = opendir(path);
    if (!d)
        skip();
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        char rel[512];
        snprintf(rel, sizeof rel, "fixtures/seeds/%s", e->d_name);
        size_t n;
        char *in = shared_read(rel, &n);
        assert_non_null(in);
        ch_clean_result r;
        clean_checked(in, n, &r);
        /* what the seeds are known to hold */
        if (strstr(in, "Rodham")) {
            assert_true(contains(&r, "nominee Hillary Clinton"));
            assert_false(contains(&r, "Rodham"));
            assert_false(contains(&r, " MORE"));
            assert_false(contains(&r, "ADVERTISEMENT"));
        }
        if (strstr(in, "(@wikileaks)")) {
            assert_false(contains(&r, "(@wikileaks)"));
            assert_false(contains(&r, "pic.twitter.com"));
            assert_false(contains(&r, "contingency plans"));
        }
        if (strstr(in, "fb-pixel")) {
            assert_false(contains(&r, "fb-pixel"));
            assert_false(contains(&r, "Skip to main content"));
            assert_false(contains(&r, "Getty"));
            assert_true(contains(&r, "close ties to Wall Street.\n"));
        }
        if (strncmp(in, "LONDON", 6) == 0) {
            assert_int_equal(r.n_removed, 0); /* a clean wire story with its dateline */
            assert_int_equal(r.text.len, n);
        }
        clean_result_free(&r);
        free(in);
        seen++;
    }
    closedir(d);
    assert_true(seen > 0);
}

static void test_shared_multinews_raw(void **state) {
    (void)state;
    const char *dir = tu_shared_dir();
    if (!dir)
        skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/data/multinews-raw/train-sample.jsonl.gz", dir);
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        skip();
    ch_buf line = {0};
    char chunk[65536];
    int docs = 0, nonempty = 0;
    size_t in_bytes = 0, out_bytes = 0;
    for (;;) {
        buf_clear(&line);
        int got = 0;
        while (gzgets(gz, chunk, sizeof chunk)) {
            got = 1;
            assert_int_equal(buf_puts(&line, chunk), 0);
            if (line.len && line.data[line.len - 1] == '\n')
                break;
        }
        if (!got)
            break;
        json_error_t err;
        json_t *o = json_loadb(line.data, line.len, 0, &err);
        assert_non_null(o);
        json_t *arr = json_object_get(o, "documents");
        for (size_t i = 0; i < json_array_size(arr); i++) {
            json_t *d = json_array_get(arr, i);
            const char *s = json_string_value(d);
            size_t n = json_string_length(d);
            ch_clean_result r;
            clean_checked(s, n, &r);
            in_bytes += n;
            out_bytes += r.text.len;
            nonempty += r.text.len > 0 || n == 0;
            clean_result_free(&r);
            docs++;
        }
        json_decref(o);
    }
    gzclose(gz);
    buf_free(&line);
    assert_true(docs > 0);
    /* furniture is a small share of real articles */
    assert_true(out_bytes * 100 >= in_bytes * 90);
    assert_true(out_bytes < in_bytes);
    assert_true(nonempty * 10 >= docs * 9);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_line_cases),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_only_furniture),
        cmocka_unit_test(test_blank_runs_collapse),
        cmocka_unit_test(test_plain_text_unchanged),
        cmocka_unit_test(test_large_inputs),
        cmocka_unit_test(test_fused_run_bounds),
        cmocka_unit_test(test_inline_phrases),
        cmocka_unit_test(test_inline_phrases_in_article),
        cmocka_unit_test(test_inline_phrases_linear),
        cmocka_unit_test(test_random_mix),
        cmocka_unit_test(test_shared_seeds),
        cmocka_unit_test(test_shared_multinews_raw),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
