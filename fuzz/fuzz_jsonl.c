/*
 * fuzz_jsonl.c - libFuzzer harness for the JSONL line parser.
 *
 * The input is cut at newlines like a JSONL stream and every line is parsed
 * into the same cluster (exercising the reset between clusters); a parsed
 * cluster must have documents whose every byte is readable, a failure must
 * leave a reason.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "doc/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    reader_cluster c;
    memset(&c, 0, sizeof c);
    const char *p = (const char *)data, *end = p + size;
    size_t lineno = 0;
    while (p <= end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        lineno++;
        chorus_status st = reader_jsonl_parse_line(&c, p, len, lineno);
        if (st == CHORUS_OK) {
            if (c.in.n_docs == 0 || !c.in.id)
                __builtin_trap();
            unsigned sum = 0;
            for (size_t i = 0; i < c.in.n_docs; i++)
                for (size_t k = 0; k < c.in.docs[i].len; k++)
                    sum += (unsigned char)c.in.docs[i].text[k];
            for (size_t i = 0; i < c.in.n_refs; i++)
                sum += (unsigned)strlen(c.in.refs[i]);
            if (c.in.query)
                sum += (unsigned)strlen(c.in.query);
            (void)sum;
        } else if (c.why.len == 0) {
            __builtin_trap();
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    reader_cluster_free(&c);
    return 0;
}
