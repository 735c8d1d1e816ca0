/*
 * read_text.c - plain-text input (one cluster of all files) and the place
 * where HTML input connects.
 *
 * TEXT: every file given (directories were expanded to their regular files,
 * sorted, at open) is one report, in order; "-" is standard input. Bytes are
 * passed through unchanged: the cluster repairs UTF-8 later. A file that is
 * empty or whitespace only, or binary (NUL bytes or many control characters
 * near its start, the test chorus_cluster_add() applies too), fails the
 * cluster with a message naming it, so nothing is dropped without a word.
 */
#include <string.h>

#include "doc/reader.h"
#include "text/utf8.h"

chorus_status reader_next_text(chorus_reader *r, const chorus_input **out) {
    r->done = 1;
    const reader_unit *u = &r->units[0];
    for (size_t i = 0; i < u->n_files; i++) {
        const char *path = u->files[i];
        int is_stdin = strcmp(path, "-") == 0;
        const char *name = is_stdin ? "<stdin>" : path;
        char *text;
        size_t len;
        chorus_status st = reader_read_file(r, path, &text, &len);
        if (st != CHORUS_OK)
            return st;
        if (reader_is_blank(text, len))
            return reader_error(r, CHORUS_ERR_EMPTY, "%s: empty file", name);
        if (utf8_is_binary(text, len))
            return reader_error(r, CHORUS_ERR_BINARY, "%s: binary file (not text)", name);
        chorus_doc_meta m;
        memset(&m, 0, sizeof m);
        m.id = is_stdin ? "stdin" : path;
        if (reader_cluster_add_doc(&r->cur, &m, text, len) != 0)
            return reader_error(r, CHORUS_ERR_NOMEM, "%s: out of memory", name);
    }
    *out = reader_cluster_finish(&r->cur, strcmp(u->id, "-") == 0 ? "stdin" : u->id, NULL);
    return CHORUS_OK;
}

/* ------------------------------------------------------------------ HTML
 * HTML input connects here: for each of r->units[0].files, read the page
 * (reader_read_file), extract the article text and its metadata (title,
 * date, source, url), and add it with reader_cluster_add_doc(); then
 * finish the cluster as reader_next_text() does. Until the extractor is
 * connected, HTML input is refused with a clear message. */
chorus_status reader_next_html(chorus_reader *r, const chorus_input **out) {
    (void)out;
    r->done = 1;
    const reader_unit *u = &r->units[0];
    const char *first = u->n_files ? u->files[0] : u->path;
    return reader_error(r, CHORUS_ERR_INVALID, "%s: HTML input needs the HTML extractor",
                        strcmp(first, "-") == 0 ? "<stdin>" : first);
}
