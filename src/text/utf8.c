/*
 * utf8.c - validation and repair of UTF-8 at the library boundary.
 *
 * utf8_repair() walks the input once. Runs of valid text are copied with one
 * memcpy each; an ASCII fast path tests eight bytes at a time (no byte with
 * the high bit set, no NUL) so that plain English text costs little more
 * than the copy. Every other position is decoded by hand against Table 3-7 of
 * the Unicode Standard (well-formed byte sequences):
 *
 *   U+0000..U+007F     00..7F
 *   U+0080..U+07FF     C2..DF  80..BF
 *   U+0800..U+0FFF     E0      A0..BF  80..BF
 *   U+1000..U+CFFF     E1..EC  80..BF  80..BF
 *   U+D000..U+D7FF     ED      80..9F  80..BF      (no surrogates)
 *   U+E000..U+FFFF     EE..EF  80..BF  80..BF
 *   U+10000..U+3FFFF   F0      90..BF  80..BF  80..BF
 *   U+40000..U+FFFFF   F1..F3  80..BF  80..BF  80..BF
 *   U+100000..U+10FFFF F4      80..8F  80..BF  80..BF
 *
 * An ill-formed position is replaced following "U+FFFD substitution of
 * maximal subparts" (Unicode 3.9, the practice of the W3C encoding
 * standard): the longest prefix of a well-formed sequence that starts there
 * becomes one U+FFFD, or the single byte when no such prefix exists. So
 * overlong forms (C0 80, E0 80 80), surrogates (ED A0 80) and code points
 * above U+10FFFF (F4 90 80 80) give one U+FFFD per byte, a truncated
 * sequence (E2 82 followed by 'a') gives one U+FFFD for its whole prefix,
 * and a stray continuation byte gives one U+FFFD. NUL becomes U+FFFD as
 * well, so the result is a valid C string.
 *
 * Offsets: a replacement of k input bytes by the 3 bytes of U+FFFD shifts
 * every later offset by 3 - k. Each time k != 3 two anchors are added: one
 * at the U+FFFD (its out offset -> the offset of the bad bytes) and one
 * after it (-> the offset after the k bytes), so offmap_src() maps any
 * derived offset back into the input, and an offset inside the U+FFFD stays
 * inside the bytes it replaced (see util/offmap.h).
 *
 * utf8proc is not used here: its validator reports an error but not the
 * length of the maximal subpart, which the substitution rule needs.
 */
#include "text/utf8.h"

#include <stdint.h>
#include <string.h>

#define UTF8_REPL "\xEF\xBF\xBD"
#define UTF8_REPL_LEN 3

/* Length of the well-formed sequence at s[0..n) (1..4), or, when ill-formed,
 * minus the length of its maximal subpart (-1..-3). s[0] >= 0x80 or NUL. */
static int utf8_decode_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    int need;
    if (c < 0x80)
        return c == 0 ? -1 : 1;
    if (c < 0xC2)
        return -1; /* continuation byte or overlong 2-byte lead */
    if (c < 0xE0) {
        need = 2;
    } else if (c < 0xF0) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c < 0xF5) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return -1;
    }
    if (n < 2 || s[1] < lo || s[1] > hi)
        return -1;
    for (int k = 2; k < need; k++)
        if ((size_t)k >= n || (s[k] & 0xC0) != 0x80)
            return -k;
    return need;
}

/* 1 when the 8 bytes at p are all ASCII and none is NUL. */
static int utf8_word_clean(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    return ((w | ((w - ones) & ~w)) & highs) == 0;
}

long utf8_repair(const char *in, size_t len, ch_buf *out, ch_offmap *map) {
    const unsigned char *s = (const unsigned char *)in;
    size_t base = out->len;
    long repl = 0;
    if (buf_reserve(out, len + 1) != 0)
        return -1;
    if (base != 0 || map->n != 0) {
        /* the appended text starts at 'base' and maps to input offset 0 */
        if (offmap_add(map, base, 0) != 0)
            return -1;
    }
    size_t run = 0, i = 0; /* s[run..i) is valid and not yet copied */
    while (i < len) {
        while (i + 8 <= len && utf8_word_clean(s + i))
            i += 8;
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c != 0 && c < 0x80) {
            i++;
            continue;
        }
        int k = utf8_decode_len(s + i, len - i);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        /* ill-formed: flush the run, then one U+FFFD for -k bytes */
        size_t bad = (size_t)-k;
        if (buf_append(out, s + run, i - run) != 0)
            return -1;
        if (bad != UTF8_REPL_LEN && offmap_add(map, out->len, i) != 0)
            return -1;
        if (buf_append(out, UTF8_REPL, UTF8_REPL_LEN) != 0)
            return -1;
        i += bad;
        run = i;
        repl++;
        if (bad != UTF8_REPL_LEN && offmap_add(map, out->len, i) != 0)
            return -1;
    }
    if (buf_append(out, s + run, len - run) != 0)
        return -1;
    return repl;
}

int utf8_is_binary(const char *in, size_t len) {
    size_t n = len < 8192 ? len : 8192, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == 0)
            return 1;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ctl++;
    }
    return n > 0 && ctl * 10 > n;
}

size_t utf8_seqlen(unsigned char c) {
    if (c < 0xC0)
        return 1; /* ASCII or a stray continuation byte */
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    if (c < 0xF8)
        return 4;
    return 1;
}
