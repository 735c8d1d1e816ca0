/*
 * fuzz_duc.c - libFuzzer harness for the DUC / TREC SGML parsers.
 *
 * The same bytes go to the document parser and to the topics parser; every
 * document handed out must have text, an id, and readable bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    reader_cluster c;
    memset(&c, 0, sizeof c);
    chorus_status st = reader_duc_parse_sgml(&c, (const char *)data, size, "fuzz");
    if (st == CHORUS_OK) {
        unsigned sum = 0;
        for (size_t i = 0; i < c.n_docs; i++) {
            const chorus_input_doc *d = &c.docs[i];
            if (d->len == 0 || !d->meta.id)
                __builtin_trap();
            for (size_t k = 0; k < d->len; k++)
                sum += (unsigned char)d->text[k];
            if (d->meta.title)
                sum += (unsigned)strlen(d->meta.title);
        }
        (void)sum;
    }
    reader_cluster_free(&c);

    ch_arena *a = arena_new(0);
    if (!a)
        return 0;
    reader_topic *t = NULL;
    size_t n = 0, cap = 0;
    if (reader_duc_parse_topics((const char *)data, size, a, &t, &n, &cap) == CHORUS_OK)
        for (size_t i = 0; i < n; i++)
            if (!t[i].num || !t[i].num[0])
                __builtin_trap();
    free(t);
    arena_free(a);
    return 0;
}
