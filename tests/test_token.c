/*
 * test_token.c - tokens (words, numbers, punctuation, URLs, handles),
 * whitespace word counts, folding (NFKC + case folding, apostrophes),
 * stems and stopwords.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/token.h"

extern const unsigned char chorus_data_stopwords_en[];
extern const unsigned long chorus_data_stopwords_en_len;

/* Tokenizes 'text' into "kind:text" items joined by '|' ("W" word,
 * "N" number, "P" punctuation). */
static char *tokens(const char *text) {
    size_t len = strlen(text), pos = 0;
    ch_buf b = {0};
    ch_token t;
    size_t last_end = 0;
    while (tok_next(text, len, &pos, &t)) {
        assert_true(t.len > 0);
        assert_true(t.off >= last_end);
        assert_int_equal(pos, t.off + t.len);
        last_end = t.off + t.len;
        if (b.len)
            buf_putc(&b, '|');
        buf_putc(&b, t.kind == TOK_WORD ? 'W' : t.kind == TOK_NUMBER ? 'N' : 'P');
        buf_putc(&b, ':');
        buf_append(&b, text + t.off, t.len);
    }
    assert_int_equal(pos, len);
    char *s = buf_detach(&b, NULL);
    return s;
}

#define EXPECT_TOKENS(text, want)                                                                  \
    do {                                                                                           \
        char *got_ = tokens(text);                                                                 \
        if (strcmp(got_, want) != 0)                                                               \
            printf("tokens of \"%s\"\n  expected %s\n  got      %s\n", text, want, got_);          \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static void test_words_and_punct(void **state) {
    (void)state;
    EXPECT_TOKENS("Kerry said: no.", "W:Kerry|W:said|P::|W:no|P:.");
    EXPECT_TOKENS("Kerry's aide", "W:Kerry's|W:aide");
    EXPECT_TOKENS("Assange’s link", "W:Assange’s|W:link");
    EXPECT_TOKENS("don't won’t", "W:don't|W:won’t");
    EXPECT_TOKENS("the Indians' plight", "W:the|W:Indians|P:'|W:plight");
    EXPECT_TOKENS("'90s rock", "P:'|W:90s|W:rock");
    EXPECT_TOKENS("one-day anti-Semitism COVID-19", "W:one-day|W:anti-Semitism|W:COVID-19");
    EXPECT_TOKENS("visit--the", "W:visit|P:--|W:the");
    EXPECT_TOKENS("the U.S. Army", "W:the|W:U.S.|W:Army");
    EXPECT_TOKENS("in the U.S.", "W:in|W:the|W:U.S.");
    EXPECT_TOKENS("J.K. Rowling, e.g. this", "W:J.K.|W:Rowling|P:,|W:e.g.|W:this");
    EXPECT_TOKENS("Mr. Smith", "W:Mr|P:.|W:Smith");
    EXPECT_TOKENS("AT&T and Q&A", "W:AT&T|W:and|W:Q&A");
    EXPECT_TOKENS("wait...what?!", "W:wait|P:...|W:what|P:?|P:!");
    EXPECT_TOKENS("``quoted''", "P:``|W:quoted|P:''");
    EXPECT_TOKENS("“Yes,” she said", "P:“|W:Yes|P:,|P:”|W:she|W:said");
}

static void test_numbers(void **state) {
    (void)state;
    EXPECT_TOKENS("$4.5 billion", "P:$|N:4.5|W:billion");
    EXPECT_TOKENS("3.5% of 20,000", "N:3.5|P:%|W:of|N:20,000");
    EXPECT_TOKENS("at 8:30 a.m.", "W:at|N:8:30|W:a.m.");
    EXPECT_TOKENS("in 1999.", "W:in|N:1999|P:.");
    EXPECT_TOKENS("1990s 20th 5pm 2-year-old", "W:1990s|W:20th|W:5pm|W:2-year-old");
    EXPECT_TOKENS("9/11", "N:9|P:/|N:11");
    EXPECT_TOKENS("1,2", "N:1,2");
    EXPECT_TOKENS("1, 2", "N:1|P:,|N:2");
    EXPECT_TOKENS("٣٤ items", "N:٣٤|W:items");
}

static void test_urls_emails_handles(void **state) {
    (void)state;
    EXPECT_TOKENS("see https://example.org/a?b=1.", "W:see|W:https://example.org/a?b=1|P:.");
    EXPECT_TOKENS("(www.example.net)", "P:(|W:www.example.net|P:)");
    EXPECT_TOKENS("mail jane.doe@example.org now", "W:mail|W:jane.doe@example.org|W:now");
    EXPECT_TOKENS("by @user_42: hi #vote2024", "W:by|W:@user_42|P::|W:hi|W:#vote2024");
    EXPECT_TOKENS("example.com.", "W:example.com|P:.");
    EXPECT_TOKENS("@ alone", "P:@|W:alone");
    /* a sign before a non-word character is one character long */
    EXPECT_TOKENS("@\xE2\x80\x94x #\xC2\xBB", "P:@|P:\xE2\x80\x94|W:x|P:#|P:\xC2\xBB");
}

static void test_unicode(void **state) {
    (void)state;
    EXPECT_TOKENS("Ecuadorean café naïve", "W:Ecuadorean|W:café|W:naïve");
    /* a combining accent stays in its word */
    EXPECT_TOKENS("cafe\xCC\x81 ok", "W:cafe\xCC\x81|W:ok");
    EXPECT_TOKENS("Москва и Киев", "W:Москва|W:и|W:Киев");
    /* non-breaking and ideographic spaces separate tokens */
    EXPECT_TOKENS("a\xC2\xA0"
                  "b\xE3\x80\x80"
                  "c",
                  "W:a|W:b|W:c");
    EXPECT_TOKENS("x \xE2\x80\x94 y", "W:x|P:\xE2\x80\x94|W:y");
    /* invalid bytes become one-byte punctuation, never a crash */
    EXPECT_TOKENS("a\xFF"
                  "b",
                  "W:a|P:\xFF|W:b");
    EXPECT_TOKENS("", "");
    EXPECT_TOKENS("   \n\t", "");
}

static void test_count_words(void **state) {
    (void)state;
    assert_int_equal(tok_count_words("", 0), 0);
    assert_int_equal(tok_count_words("  \n ", 4), 0);
    const char *s = " The U.S. paid $4.5 billion -- a lot.\n";
    assert_int_equal(tok_count_words(s, strlen(s)), 8);
    assert_int_equal(tok_count_words("one", 3), 1);
    assert_int_equal(tok_count_words("a\tb\nc\rd", 7), 4);
}

static char *fold(ch_lexicon *lx, const char *w) {
    ch_buf b = {0};
    assert_int_equal(lexicon_fold(lx, w, strlen(w), &b), 0);
    char *s = buf_detach(&b, NULL);
    return s;
}

#define EXPECT_FOLD(lx, w, want)                                                                   \
    do {                                                                                           \
        char *f_ = fold(lx, w);                                                                    \
        assert_string_equal(f_, want);                                                             \
        free(f_);                                                                                  \
    } while (0)

static void test_folding(void **state) {
    (void)state;
    ch_lexicon *lx = lexicon_new("english");
    assert_non_null(lx);
    EXPECT_FOLD(lx, "Kerry", "kerry");
    EXPECT_FOLD(lx, "U.S.", "u.s.");
    EXPECT_FOLD(lx, "Assange’s", "assange's");
    EXPECT_FOLD(lx, "‘quoted’", "'quoted'");
    EXPECT_FOLD(lx, "Élysée", "élysée");
    EXPECT_FOLD(lx, "ÉLYSÉE", "élysée");
    EXPECT_FOLD(lx, "ﬁnance", "finance");    /* NFKC ligature */
    EXPECT_FOLD(lx, "Straße", "strasse");    /* full case folding */
    EXPECT_FOLD(lx, "cafe\xCC\x81", "café"); /* composed */
    EXPECT_FOLD(lx, "ＡＢＣ", "abc");        /* full-width */
    EXPECT_FOLD(lx,
                "co\xC2\xAD"
                "operate",
                "cooperate"); /* soft hyphen dropped */
    EXPECT_FOLD(lx, "anti\xE2\x80\x90semitic", "anti-semitic");
    EXPECT_FOLD(lx,
                "O\xCA\xBC"
                "Brien",
                "o'brien");
    EXPECT_FOLD(lx, "", "");
    /* invalid UTF-8 is copied (ASCII lowered), not rejected */
    EXPECT_FOLD(lx, "AB\xFF", "ab\xFF");
    /* appending keeps what the buffer held */
    ch_buf b = {0};
    buf_puts(&b, "x ");
    assert_int_equal(lexicon_fold(lx, "YES", 3, &b), 0);
    assert_string_equal(b.data, "x yes");
    buf_free(&b);
    lexicon_free(lx);
}

static void expect_stem(ch_lexicon *lx, const char *w, const char *want) {
    ch_buf b = {0};
    assert_int_equal(lexicon_fold(lx, w, strlen(w), &b), 0);
    size_t n;
    const char *s = lexicon_stem(lx, b.data ? b.data : "", b.len, &n);
    assert_non_null(s);
    if (n != strlen(want) || memcmp(s, want, n) != 0)
        printf("stem of %s: got %.*s, want %s\n", w, (int)n, s, want);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(s, want, n);
    buf_free(&b);
}

static void test_stems(void **state) {
    (void)state;
    ch_lexicon *lx = lexicon_new("english");
    assert_non_null(lx);
    expect_stem(lx, "running", "run");
    expect_stem(lx, "Denies", "deni");
    expect_stem(lx, "denied", "deni");
    expect_stem(lx, "Kerry's", "kerri");
    expect_stem(lx, "Assange’s", "assang");
    expect_stem(lx, "elections", "elect");
    lexicon_free(lx);
    ch_lexicon *de = lexicon_new("german");
    assert_non_null(de);
    expect_stem(de, "Häuser", "haus");
    assert_int_equal(lexicon_is_stop(de, "the", 3), 0); /* no list for German */
    lexicon_free(de);
    assert_null(lexicon_new("klingon"));
    assert_null(lexicon_new(NULL));
    lexicon_free(NULL);
}

static void test_stopwords(void **state) {
    (void)state;
    ch_lexicon *lx = lexicon_new("english");
    assert_non_null(lx);
    assert_true(lexicon_is_stop(lx, "the", 3));
    assert_true(lexicon_is_stop(lx, "of", 2));
    assert_true(lexicon_is_stop(lx, "don't", 5));
    assert_true(lexicon_is_stop(lx, "said", 4));
    assert_false(lexicon_is_stop(lx, "kerry", 5));
    assert_false(lexicon_is_stop(lx, "ecuador", 7));
    assert_false(lexicon_is_stop(lx, "The", 3)); /* expects folded input */
    assert_false(lexicon_is_stop(lx, "", 0));
    /* every listed word is a stopword; the list is folded and sizeable */
    const char *d = (const char *)chorus_data_stopwords_en;
    size_t n = (size_t)chorus_data_stopwords_en_len, i = 0, count = 0;
    while (i < n) {
        size_t b = i;
        while (i < n && d[i] != '\n')
            i++;
        size_t e = i++;
        if (e == b || d[b] == '#')
            continue;
        for (size_t k = b; k < e; k++)
            assert_false(d[k] >= 'A' && d[k] <= 'Z');
        assert_true(lexicon_is_stop(lx, d + b, e - b));
        count++;
    }
    assert_true(count >= 250);
    lexicon_free(lx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_punct),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_urls_emails_handles),
        cmocka_unit_test(test_unicode),
        cmocka_unit_test(test_count_words),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_stopwords),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
