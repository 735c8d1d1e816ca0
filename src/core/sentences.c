/*
 * sentences.c - the sentence splitter offered to callers that need
 * one-sentence-per-line text (ROUGE's input format): repair, split, join.
 */
#include "chorus.h"

#include "text/segment.h"
#include "text/utf8.h"
#include "util/buf.h"

#include <stdlib.h>

char *chorus_split_sentences(const char *text, size_t len, size_t *out_len) {
    ch_buf fixed = {0}, out = {0};
    ch_offmap map = {0};
    ch_span *spans = NULL;
    size_t n = 0;
    char *res = NULL;
    if (utf8_repair(text, len, &fixed, &map) < 0 ||
        seg_split(fixed.data ? fixed.data : "", fixed.len, &spans, &n) != 0)
        goto done;
    int e = buf_reserve(&out, fixed.len + n);
    for (size_t i = 0; i < n && !e; i++) {
        size_t start = out.len;
        e = buf_append(&out, fixed.data + spans[i].off, spans[i].len) || buf_putc(&out, '\n');
        for (size_t k = start; !e && k + 1 < out.len; k++)
            if (out.data[k] == '\n' || out.data[k] == '\r' || out.data[k] == '\t')
                out.data[k] = ' ';
    }
    if (!e)
        res = buf_detach(&out, out_len);
done:
    free(spans);
    buf_free(&fixed);
    buf_free(&out);
    offmap_free(&map);
    return res;
}
