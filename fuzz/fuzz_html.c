/*
 * fuzz_html.c - libFuzzer harness for the HTML reader: any bytes go
 * through chorus_article_extract(); the body must be NUL-terminated at its
 * length, and every body offset must map inside the page, never backwards
 * from one paragraph to the next.
 *
 *   cmake -DCHORUS_FUZZ=ON -DCMAKE_C_COMPILER=clang ... && ./fuzz_html corpus/
 * Seeds: tests/fixtures/html/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    chorus_status st;
    char err[128];
    chorus_article *a = chorus_article_extract((const char *)data, size, "https://example.org/a",
                                               &st, err, sizeof err);
    if (!a) {
        if (st == CHORUS_OK || !err[0])
            abort(); /* a failure must say why */
        return 0;
    }
    size_t n;
    const char *t = chorus_article_text(a, &n);
    if (!t || t[n] != '\0' || strlen(t) != n)
        abort();
    size_t prev = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t s = chorus_article_source_offset(a, i);
        if (s > size)
            abort();
        if (i < n && (i == 0 || t[i - 1] == '\n') && t[i] != '\n') {
            if (s < prev)
                abort();
            prev = s;
        }
    }
    const char *fields[] = {chorus_article_title(a), chorus_article_byline(a),
                            chorus_article_date(a),  chorus_article_url(a),
                            chorus_article_site(a),  chorus_article_encoding(a)};
    /* decoding may triple a byte (windows-1252 to UTF-8, U+FFFD) */
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i] && strlen(fields[i]) > 3 * size + 64)
            abort();
    chorus_article_free(a);
    return 0;
}
