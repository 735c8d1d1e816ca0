/*
 * test_utf8.c - UTF-8 repair (every class of ill-formed sequence, maximal
 * subparts), the offset map it builds, binary detection and sequence length.
 * Repair is also checked against a naive byte-by-byte reference model.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

#define R "\xEF\xBF\xBD"

static void expect_repair(const char *in, size_t len, const char *want, long want_repl) {
    ch_buf out = {0};
    ch_offmap map = {0};
    long r = utf8_repair(in, len, &out, &map);
    assert_int_equal(r, want_repl);
    assert_int_equal(out.len, strlen(want));
    assert_memory_equal(out.data, want, out.len);
    buf_free(&out);
    offmap_free(&map);
}

static void test_valid_is_copied(void **state) {
    (void)state;
    const char *s = "Kerry said: “No.” Ünïcödé 中文 \xF0\x9F\x98\x80 end";
    expect_repair(s, strlen(s), s, 0);
    expect_repair("", 0, "", 0);
    /* boundaries of each sequence length */
    const char *edges = "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"
                        "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
    expect_repair(edges, strlen(edges), edges, 0);
}

static void test_each_malformed_class(void **state) {
    (void)state;
    /* overlong forms: C0/C1 leads, E0 80.., F0 80.. give one U+FFFD per byte */
    expect_repair("a\xC0\x80z", 4, "a" R R "z", 2);
    expect_repair("\xC1\xBF", 2, R R, 2);
    expect_repair("\xE0\x80\x80", 3, R R R, 3);
    expect_repair("\xF0\x80\x80\x80", 4, R R R R, 4);
    /* surrogates U+D800..U+DFFF */
    expect_repair("\xED\xA0\x80", 3, R R R, 3);
    expect_repair("\xED\xBF\xBF", 3, R R R, 3);
    /* above U+10FFFF and bytes that never occur */
    expect_repair("\xF4\x90\x80\x80", 4, R R R R, 4);
    expect_repair("\xF5\x80", 2, R R, 2);
    expect_repair("\xFF\xFE", 2, R R, 2);
    /* truncated sequences: the valid prefix is one maximal subpart */
    expect_repair("\xE2\x82"
                  "a",
                  3, R "a", 1);
    expect_repair("\xF0\x9F\x98"
                  "a",
                  4, R "a", 1);
    expect_repair("x\xF0\x9F", 3, "x" R, 1);
    expect_repair("\xE2", 1, R, 1);
    /* stray continuation bytes */
    expect_repair("\x80", 1, R, 1);
    expect_repair("ab\xBF\xBF"
                  "cd",
                  6, "ab" R R "cd", 2);
    /* NUL */
    expect_repair("a\0b", 3, "a" R "b", 1);
    /* the Unicode standard's example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 */
    expect_repair("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13,
                  "a" R R R "b" R "c" R R "d", 6);
}

/* Naive reference: decode one code point at a time by the textbook rules. */
static size_t ref_valid_len(const unsigned char *s, size_t n) {
    if (s[0] == 0)
        return 0;
    if (s[0] < 0x80)
        return 1;
    size_t need = s[0] >= 0xF8 ? 0 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (!need || need > n)
        return 0;
    unsigned cp = s[0] & (0xFF >> (need + 1));
    for (size_t k = 1; k < need; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    unsigned min = need == 2 ? 0x80 : need == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

static void test_against_reference(void **state) {
    (void)state;
    unsigned seed = 12345;
    for (int round = 0; round < 3000; round++) {
        unsigned char in[24];
        size_t n = (size_t)(round % 23) + 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned v = (seed >> 16) & 0xFF;
            /* bias towards interesting bytes */
            static const unsigned char pick[] = {0x00, 0x41, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED,
                                                 0xEF, 0xF0, 0xF4, 0xF5, 0x9F, 0xA0, 0x8F, 0x90};
            in[i] = (seed & 0x100) ? pick[v % 16] : (unsigned char)v;
        }
        ch_buf out = {0};
        ch_offmap map = {0};
        long r = utf8_repair((const char *)in, n, &out, &map);
        assert_true(r >= 0);
        /* the output is valid and NUL-free per the reference; each character
         * other than U+FFFD is found in the input at its mapped offset */
        size_t i = 0, kept = 0, repl_out = 0;
        while (i < out.len) {
            size_t l = ref_valid_len((const unsigned char *)out.data + i, out.len - i);
            assert_true(l > 0);
            if (l == 3 && memcmp(out.data + i, R, 3) == 0) {
                repl_out++;
            } else {
                size_t src = offmap_src(&map, i);
                assert_true(src + l <= n);
                assert_memory_equal(out.data + i, in + src, l);
                kept++;
            }
            i += l;
        }
        /* the reference keeps the same valid characters */
        size_t ref_kept = 0, ref_fffd = 0;
        for (i = 0; i < n;) {
            size_t l = ref_valid_len(in + i, n - i);
            if (l) {
                if (l == 3 && memcmp(in + i, R, 3) == 0)
                    ref_fffd++;
                else
                    ref_kept++;
                i += l;
            } else {
                i++;
            }
        }
        assert_int_equal(kept, ref_kept);
        assert_int_equal(repl_out, (size_t)r + ref_fffd);
        assert_int_equal(offmap_src(&map, out.len), n);
        buf_free(&out);
        offmap_free(&map);
    }
}

static void test_offset_map(void **state) {
    (void)state;
    /* "ab" <bad byte> "cd" <NUL> "e" <truncated 2 bytes> "f" */
    const char in[] = "ab\xFF"
                      "cd\0e\xE2\x82"
                      "f";
    size_t n = sizeof in - 1;
    ch_buf out = {0};
    ch_offmap map = {0};
    assert_int_equal(utf8_repair(in, n, &out, &map), 3);
    assert_string_equal(out.data, "ab" R "cd" R "e" R "f");
    /* each character of the output maps to where it was in the input */
    const char *o = out.data;
    assert_int_equal(offmap_src(&map, 0), 0);                            /* a */
    assert_int_equal(offmap_src(&map, (size_t)(strchr(o, 'c') - o)), 3); /* c */
    assert_int_equal(offmap_src(&map, (size_t)(strchr(o, 'e') - o)), 6); /* e */
    assert_int_equal(offmap_src(&map, (size_t)(strchr(o, 'f') - o)), 9); /* f */
    assert_int_equal(offmap_src(&map, out.len), n);                      /* end */
    /* offsets inside a U+FFFD stay inside the byte it replaced (input 2) */
    assert_int_equal(offmap_src(&map, 3), 2);
    assert_int_equal(offmap_src(&map, 4), 2);
    assert_int_equal(offmap_src_end(&map, 5), 3);
    /* a valid text adds no anchor */
    ch_buf out2 = {0};
    ch_offmap map2 = {0};
    assert_int_equal(utf8_repair("plain text", 10, &out2, &map2), 0);
    assert_int_equal(map2.n, 0);
    /* appending to a non-empty buffer maps the new part to its own input */
    assert_int_equal(utf8_repair("x\xFFy", 3, &out2, &map2), 1);
    assert_string_equal(out2.data, "plain textx" R "y");
    assert_int_equal(offmap_src(&map2, 10), 0);
    assert_int_equal(offmap_src(&map2, out2.len - 1), 2);
    buf_free(&out);
    offmap_free(&map);
    buf_free(&out2);
    offmap_free(&map2);
}

static void test_large_ascii_and_mixed(void **state) {
    (void)state;
    size_t n = 1 << 20;
    char *in = malloc(n);
    for (size_t i = 0; i < n; i++)
        in[i] = (char)('a' + i % 26);
    in[n / 2] = (char)0xFF; /* one bad byte in the middle of the fast path */
    ch_buf out = {0};
    ch_offmap map = {0};
    assert_int_equal(utf8_repair(in, n, &out, &map), 1);
    assert_int_equal(out.len, n + 2);
    assert_int_equal(offmap_src(&map, n / 2 + 3), n / 2 + 1);
    assert_int_equal(offmap_src(&map, out.len), n);
    buf_free(&out);
    offmap_free(&map);
    free(in);
}

static void test_binary_detection(void **state) {
    (void)state;
    assert_int_equal(utf8_is_binary("", 0), 0);
    const char *text = "Plain text,\twith tabs\r\nand lines.\f";
    assert_int_equal(utf8_is_binary(text, strlen(text)), 0);
    assert_int_equal(utf8_is_binary("abc\0def", 7), 1);
    char ctl[100];
    memset(ctl, 'a', sizeof ctl);
    for (int i = 0; i < 11; i++)
        ctl[i * 9] = 0x01;
    assert_int_equal(utf8_is_binary(ctl, sizeof ctl), 1);
    for (int i = 0; i < 11; i++)
        ctl[i * 9] = i < 9 ? 0x1B : 'a';
    assert_int_equal(utf8_is_binary(ctl, sizeof ctl), 0); /* 9% */
    /* a NUL past the first 8 KiB is not looked at */
    size_t n = 10000;
    char *big = malloc(n);
    memset(big, 'x', n);
    big[9000] = 0;
    assert_int_equal(utf8_is_binary(big, n), 0);
    big[100] = 0;
    assert_int_equal(utf8_is_binary(big, n), 1);
    free(big);
    /* invalid UTF-8 alone is text to be repaired, not binary */
    assert_int_equal(utf8_is_binary("caf\xE9 au lait", 12), 0);
}

static void test_seqlen(void **state) {
    (void)state;
    assert_int_equal(utf8_seqlen('a'), 1);
    assert_int_equal(utf8_seqlen(0x80), 1);
    assert_int_equal(utf8_seqlen(0xBF), 1);
    assert_int_equal(utf8_seqlen(0xC3), 2);
    assert_int_equal(utf8_seqlen(0xE2), 3);
    assert_int_equal(utf8_seqlen(0xF0), 4);
    assert_int_equal(utf8_seqlen(0xFF), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_is_copied),
        cmocka_unit_test(test_each_malformed_class),
        cmocka_unit_test(test_against_reference),
        cmocka_unit_test(test_offset_map),
        cmocka_unit_test(test_large_ascii_and_mixed),
        cmocka_unit_test(test_binary_detection),
        cmocka_unit_test(test_seqlen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
