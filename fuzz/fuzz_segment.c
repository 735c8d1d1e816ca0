/*
 * fuzz_segment.c - libFuzzer harness for the text layer: arbitrary bytes are
 * repaired (utf8_repair), split into sentences (seg_split) and tokenized
 * (tok_next), and words are folded, stopword-checked and stemmed.
 *
 * Invariants checked (a violation traps):
 *   - repair: the output has no NUL, is at least as long as the count of
 *     replacements times 3, and its end maps back to the input's end;
 *   - split: spans are non-empty, in order, non-overlapping, inside the
 *     text, without surrounding ASCII whitespace, starting and ending on
 *     UTF-8 character boundaries, paragraph indexes follow SEG_PARA_START,
 *     and no span exceeds SEG_HARD_MAX bytes;
 *   - tokens: non-empty, in order, inside their sentence, never starting on
 *     a continuation byte.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/segment.h"
#include "text/token.h"
#include "text/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

static int fuzz_is_ws(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    ch_buf text = {0};
    ch_offmap map = {0};
    long r = utf8_repair((const char *)data, size, &text, &map);
    if (r < 0)
        return 0; /* out of memory */
    CHECK(text.data != NULL);
    CHECK(memchr(text.data, 0, text.len) == NULL);
    CHECK(text.len >= (size_t)r * 3);
    CHECK(offmap_src(&map, text.len) == size);
    (void)utf8_is_binary((const char *)data, size);

    ch_span *sp = NULL;
    size_t n = 0;
    if (seg_split(text.data, text.len, &sp, &n) != 0) {
        buf_free(&text);
        offmap_free(&map);
        return 0;
    }
    ch_lexicon *lx = lexicon_new("english");
    ch_buf folded = {0};
    size_t end = 0;
    uint32_t para = 0;
    const unsigned char *p = (const unsigned char *)text.data;
    for (size_t i = 0; i < n; i++) {
        const ch_span *s = &sp[i];
        CHECK(s->len > 0);
        CHECK(s->off >= end);
        CHECK(s->off + s->len <= text.len);
        CHECK(s->len <= SEG_HARD_MAX);
        CHECK(!fuzz_is_ws(p[s->off]) && !fuzz_is_ws(p[s->off + s->len - 1]));
        CHECK((p[s->off] & 0xC0) != 0x80);
        CHECK(s->off + s->len == text.len || (p[s->off + s->len] & 0xC0) != 0x80);
        if (i == 0)
            CHECK(s->para == 0 && (s->flags & SEG_PARA_START));
        else
            CHECK(s->para == para + ((s->flags & SEG_PARA_START) ? 1u : 0u));
        para = s->para;
        end = s->off + s->len;

        const char *st = text.data + s->off;
        size_t pos = 0, tend = 0;
        ch_token t;
        while (tok_next(st, s->len, &pos, &t)) {
            CHECK(t.len > 0);
            CHECK(t.off >= tend);
            CHECK(t.off + t.len <= s->len);
            CHECK(pos == t.off + t.len);
            CHECK(((unsigned char)st[t.off] & 0xC0) != 0x80);
            tend = t.off + t.len;
            if (lx && t.kind == TOK_WORD) {
                folded.len = 0;
                if (lexicon_fold(lx, st + t.off, t.len, &folded) == 0 && folded.data) {
                    (void)lexicon_is_stop(lx, folded.data, folded.len);
                    size_t sl;
                    (void)lexicon_stem(lx, folded.data, folded.len, &sl);
                }
            }
        }
        CHECK(tok_count_words(st, s->len) >= 1);
    }
    buf_free(&folded);
    lexicon_free(lx);
    free(sp);
    buf_free(&text);
    offmap_free(&map);
    return 0;
}
