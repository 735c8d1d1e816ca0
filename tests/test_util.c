/*
 * test_util.c - arena, buffer, string map and offset map, the latter two
 * against naive reference models.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/offmap.h"
#include "util/strmap.h"

static void test_arena_alignment_and_large(void **state) {
    (void)state;
    ch_arena *a = arena_new(128);
    assert_non_null(a);
    for (int i = 1; i < 100; i++) {
        unsigned char *p = arena_alloc(a, (size_t)i);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xab, (size_t)i);
    }
    char *big = arena_alloc(a, 100000); /* larger than the block size */
    assert_non_null(big);
    memset(big, 1, 100000);
    char *s = arena_strndup(a, "kerry said", 5);
    assert_string_equal(s, "kerry");
    int *z = arena_calloc(a, 10, sizeof(int));
    for (int i = 0; i < 10; i++)
        assert_int_equal(z[i], 0);
    assert_null(arena_calloc(a, SIZE_MAX / 2, 4));
    assert_true(arena_used(a) >= 100000);
    arena_free(a);
    arena_free(NULL);
}

static void test_buf(void **state) {
    (void)state;
    ch_buf b = {0};
    assert_int_equal(buf_puts(&b, "a"), 0);
    assert_int_equal(buf_printf(&b, "%d-%s", 42, "x"), 0);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(buf_putc(&b, 'z'), 0);
    assert_int_equal(b.len, 1005);
    assert_memory_equal(b.data, "a42-xz", 6);
    size_t n;
    char *d = buf_detach(&b, &n);
    assert_int_equal(n, 1005);
    assert_null(b.data);
    free(d);
    d = buf_detach(&b, &n);
    assert_string_equal(d, "");
    free(d);
    buf_free(&b);
}

static void test_strmap_against_linear_model(void **state) {
    (void)state;
    ch_strmap *m = strmap_new();
    assert_non_null(m);
    enum { N = 5000 };
    char keys[N][16];
    for (int i = 0; i < N; i++)
        snprintf(keys[i], sizeof keys[i], "k%d", (i * 7919) % 3000); /* repeats */
    /* the quadratic reference model is slow: check the first 512 exactly */
    for (int i = 0; i < 512; i++) {
        int is_new = -1;
        uint32_t id = strmap_intern(m, keys[i], strlen(keys[i]), &is_new);
        /* reference: the id is the index of the first equal key seen */
        uint32_t want = 0, distinct = 0;
        int found = 0;
        for (int j = 0; j < i && !found; j++) {
            int first = 1;
            for (int k = 0; k < j; k++)
                if (strcmp(keys[k], keys[j]) == 0) {
                    first = 0;
                    break;
                }
            if (!first)
                continue;
            if (strcmp(keys[j], keys[i]) == 0) {
                want = distinct;
                found = 1;
            }
            distinct++;
        }
        if (!found)
            want = distinct;
        assert_int_equal(id, want);
        assert_int_equal(is_new, !found);
    }
    for (int i = 0; i < N; i++)
        strmap_intern(m, keys[i], strlen(keys[i]), NULL);
    assert_int_equal(strmap_count(m), 3000);
    for (int i = 0; i < N; i++) {
        uint32_t id = strmap_get(m, keys[i], strlen(keys[i]));
        assert_int_not_equal(id, STRMAP_NONE);
        size_t n;
        assert_string_equal(strmap_key(m, id, &n), keys[i]);
        assert_int_equal(n, strlen(keys[i]));
    }
    assert_int_equal(strmap_get(m, "absent", 6), STRMAP_NONE);
    /* keys with NUL bytes and the empty key */
    uint32_t e = strmap_intern(m, "", 0, NULL);
    assert_int_equal(strmap_get(m, "", 0), e);
    uint32_t z = strmap_intern(m, "a\0b", 3, NULL);
    assert_int_not_equal(z, strmap_get(m, "a", 1));
    strmap_free(m);
    strmap_free(NULL);
}

static void test_offmap(void **state) {
    (void)state;
    ch_offmap m = {0};
    assert_int_equal(offmap_src(&m, 17), 17); /* identity */
    /* source "XXXXabcYdef": derived "abc\xEF\xBF\xBD" + "def" with 'XXXX' cut
     * and one bad byte Y replaced by 3 bytes */
    assert_int_equal(offmap_add(&m, 0, 4), 0);
    assert_int_equal(offmap_add(&m, 3, 7), 0);
    assert_int_equal(offmap_add(&m, 6, 8), 0);
    assert_int_equal(offmap_src(&m, 0), 4);
    assert_int_equal(offmap_src(&m, 2), 6);
    assert_int_equal(offmap_src(&m, 3), 7);
    assert_int_equal(offmap_src(&m, 5), 7); /* clamped inside the replacement */
    assert_int_equal(offmap_src(&m, 6), 8);
    assert_int_equal(offmap_src(&m, 9), 11);
    /* a range ending at the cut keeps its end before the cut: derived
     * [0, 3) is "abc", source [4, 7), not [4, 8) with the bad byte */
    assert_int_equal(offmap_src_end(&m, 3), 7);
    assert_int_equal(offmap_src_end(&m, 6), 8);
    assert_int_equal(offmap_src_end(&m, 0), 4);
    offmap_free(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment_and_large),
        cmocka_unit_test(test_buf),
        cmocka_unit_test(test_strmap_against_linear_model),
        cmocka_unit_test(test_offmap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
