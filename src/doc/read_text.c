/*
 * read_text.c - plain-text input (one cluster of all files) and saved web
 * pages (one cluster of the articles found in them).
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
 * HTML: every file is a saved web page; the article found in it by the
 * extractor (doc/html*.c: title, date, site, URL and body paragraphs) is
 * the report. Offsets of the cluster then refer to the extracted body text;
 * chorus_article_source_offset() leads on to the page for a caller that
 * keeps the article. A page with no article text fails the cluster with a
 * message naming it. */
chorus_status reader_next_html(chorus_reader *r, const chorus_input **out) {
    r->done = 1;
    const reader_unit *u = &r->units[0];
    for (size_t i = 0; i < u->n_files; i++) {
        const char *path = u->files[i];
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        char *page;
        size_t len;
        chorus_status st = reader_read_file(r, path, &page, &len);
        if (st != CHORUS_OK)
            return st;
        char err[256];
        chorus_article *a = chorus_article_extract(page, len, NULL, &st, err, sizeof err);
        if (!a)
            return reader_error(r, st, "%s: %s", name, err);
        size_t body_len;
        const char *body = chorus_article_text(a, &body_len);
        if (reader_is_blank(body, body_len)) {
            chorus_article_free(a);
            return reader_error(r, CHORUS_ERR_EMPTY, "%s: no article text found in the page", name);
        }
        chorus_doc_meta m;
        memset(&m, 0, sizeof m);
        const char *fields[] = {chorus_article_title(a), chorus_article_date(a),
                                chorus_article_url(a), chorus_article_site(a)};
        const char *copies[4] = {NULL, NULL, NULL, NULL};
        int e = 0;
        for (size_t k = 0; k < 4 && !e; k++)
            e = fields[k] && !(copies[k] = reader_cluster_strndup(&r->cur, fields[k],
                                                                  strlen(fields[k])));
        char *text = e ? NULL : reader_cluster_strndup(&r->cur, body, body_len);
        chorus_article_free(a);
        if (!text)
            return reader_error(r, CHORUS_ERR_NOMEM, "%s: out of memory", name);
        m.id = strcmp(path, "-") == 0 ? "stdin" : path;
        m.title = copies[0];
        m.date = copies[1];
        m.url = copies[2];
        m.source = copies[3];
        if (reader_cluster_add_doc(&r->cur, &m, text, body_len) != 0)
            return reader_error(r, CHORUS_ERR_NOMEM, "%s: out of memory", name);
    }
    *out = reader_cluster_finish(&r->cur, strcmp(u->id, "-") == 0 ? "stdin" : u->id, NULL);
    return CHORUS_OK;
}
