/*
 * fuzz_multinews.c - libFuzzer harness for the Multi-News line parsers.
 *
 * The input is one .src line (parsed in place in a copy) and, the same
 * bytes again, one .tgt line. Documents must be non-empty, trimmed, free of
 * NEWLINE_CHAR tokens, and lie inside the line buffer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *line = malloc(size + 1);
    if (!line)
        return 0;
    memcpy(line, data, size);
    line[size] = '\0';
    reader_cluster c;
    memset(&c, 0, sizeof c);
    chorus_status st = reader_mn_parse_line(&c, line, size, 1);
    if (st == CHORUS_OK) {
        if (c.in.n_docs == 0)
            __builtin_trap();
        for (size_t i = 0; i < c.in.n_docs; i++) {
            const chorus_input_doc *d = &c.in.docs[i];
            if (d->len == 0 || d->text < line || d->text + d->len > line + size)
                __builtin_trap();
            if (d->text[0] == ' ' || d->text[d->len - 1] == ' ')
                __builtin_trap();
        }
    }
    reader_cluster_free(&c);

    memcpy(line, data, size);
    line[size] = '\0';
    size_t n;
    char *s = reader_mn_parse_summary(line, size, &n);
    if (s < line || s + n > line + size || s[n] != '\0')
        __builtin_trap();
    free(line);
    return 0;
}
