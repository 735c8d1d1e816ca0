/*
 * read_jsonl.c - JSON Lines input: one cluster per line.
 *
 *   {"id": "val-0",                               string or integer; else "line-N"
 *    "documents": ["text", {"text": "...",        a string, or an object with
 *                  "id"|"docno", "title"|"headline",   "text" and metadata
 *                  "source", "date", "url"}],
 *    "summary": "..." | ["..."],                   reference summaries, as
 *    "references": ["..." | {"text": "..."}],     strings or {"text"} objects
 *    "query": "..." | "title" + "narrative"}       topic statement
 *
 * The stream is read one line at a time (reader_stream_getline), so memory
 * stays flat however many lines there are; blank lines are skipped. Each
 * line is parsed with jansson's json_loadb and the cluster's texts point
 * straight into the parsed value, which is kept until the next cluster.
 * JSON must be UTF-8: a line with invalid sequences is repaired (U+FFFD, the
 * count reported in chorus_input.n_replaced) and parsed again rather than
 * rejected. A malformed line fails that line only ("PATH:LINE: invalid
 * JSON: ..."); the next call reads the next line. A document without a
 * source but with a DOCNO (DUC data) takes the DOCNO's leading letters.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "doc/reader.h"
#include "text/utf8.h"
#include "util/offmap.h"

static const char *reader_json_kind(const json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

/* Reads optional member 'key' of 'obj' as a string into *out (NULL when
 * absent or null); integers are accepted when 'num_ok' (identifiers). */
static chorus_status reader_json_opt(reader_cluster *c, const json_t *obj, const char *key,
                                     const char *where, int num_ok, const char **out) {
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return CHORUS_OK;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return CHORUS_OK;
    }
    if (num_ok && json_is_integer(v)) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = reader_cluster_strndup(c, tmp, (size_t)n);
        return *out ? CHORUS_OK : reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    }
    return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "%s\"%s\" is %s, not a string", where, key,
                               reader_json_kind(v));
}

static chorus_status reader_json_doc(reader_cluster *c, const json_t *d, size_t i) {
    char where[48];
    snprintf(where, sizeof where, "documents[%zu]: ", i);
    if (json_is_string(d)) {
        if (reader_cluster_add_doc(c, NULL, json_string_value(d), json_string_length(d)) != 0)
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        return CHORUS_OK;
    }
    if (!json_is_object(d))
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT,
                                   "documents[%zu] is %s, not a string or an object", i,
                                   reader_json_kind(d));
    json_t *text = json_object_get(d, "text");
    if (!text || !json_is_string(text))
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "documents[%zu] has no \"text\" string",
                                   i);
    chorus_doc_meta m;
    memset(&m, 0, sizeof m);
    const char *docno = NULL, *headline = NULL;
    chorus_status st = CHORUS_OK;
    if ((st = reader_json_opt(c, d, "id", where, 1, &m.id)) != CHORUS_OK ||
        (st = reader_json_opt(c, d, "docno", where, 1, &docno)) != CHORUS_OK ||
        (st = reader_json_opt(c, d, "title", where, 0, &m.title)) != CHORUS_OK ||
        (st = reader_json_opt(c, d, "headline", where, 0, &headline)) != CHORUS_OK ||
        (st = reader_json_opt(c, d, "source", where, 0, &m.source)) != CHORUS_OK ||
        (st = reader_json_opt(c, d, "date", where, 0, &m.date)) != CHORUS_OK ||
        (st = reader_json_opt(c, d, "url", where, 0, &m.url)) != CHORUS_OK)
        return st;
    if (!m.id)
        m.id = docno;
    if (!m.title)
        m.title = headline;
    if (!m.source && docno && reader_docno_source(c, docno, &m.source) != 0)
        return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    if (reader_cluster_add_doc(c, &m, json_string_value(text), json_string_length(text)) != 0)
        return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    return CHORUS_OK;
}

/* One reference: a string, or an object with "text". */
static chorus_status reader_json_ref(reader_cluster *c, const json_t *v, const char *key,
                                     size_t i) {
    const json_t *t = v;
    if (json_is_object(v))
        t = json_object_get(v, "text");
    if (!t || !json_is_string(t))
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT,
                                   "%s[%zu] is %s, not a string or {\"text\"}", key, i,
                                   reader_json_kind(v));
    if (reader_cluster_add_ref(c, json_string_value(t)) != 0)
        return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    return CHORUS_OK;
}

static chorus_status reader_json_refs(reader_cluster *c, const json_t *root, const char *key) {
    const json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v))
        return CHORUS_OK;
    if (json_is_string(v)) {
        if (reader_cluster_add_ref(c, json_string_value(v)) != 0)
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        return CHORUS_OK;
    }
    if (!json_is_array(v))
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "\"%s\" is %s, not a string or an array",
                                   key, reader_json_kind(v));
    for (size_t i = 0; i < json_array_size(v); i++) {
        chorus_status st = reader_json_ref(c, json_array_get(v, i), key, i);
        if (st != CHORUS_OK)
            return st;
    }
    return CHORUS_OK;
}

chorus_status reader_jsonl_parse_line(reader_cluster *c, const char *line, size_t len,
                                      size_t lineno) {
    reader_cluster_reset(c);
    json_error_t e;
    json_t *root = json_loadb(line, len, 0, &e);
    if (!root && json_error_code(&e) == json_error_invalid_utf8) {
        ch_offmap map = {0};
        buf_clear(&c->scratch);
        long k = utf8_repair(line, len, &c->scratch, &map);
        offmap_free(&map);
        if (k < 0)
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        c->n_replaced = (size_t)k;
        root = json_loadb(c->scratch.data, c->scratch.len, 0, &e);
    }
    if (!root) {
        if (json_error_code(&e) == json_error_out_of_memory)
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "invalid JSON: %s (at byte %d)", e.text,
                                   e.position);
    }
    c->json = root;
    if (!json_is_object(root))
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "expected a JSON object, found %s",
                                   reader_json_kind(root));

    const char *id = NULL, *query = NULL, *title = NULL, *narr = NULL;
    chorus_status st = CHORUS_OK;
    if ((st = reader_json_opt(c, root, "id", "", 1, &id)) != CHORUS_OK ||
        (st = reader_json_opt(c, root, "query", "", 0, &query)) != CHORUS_OK ||
        (st = reader_json_opt(c, root, "title", "", 0, &title)) != CHORUS_OK ||
        (st = reader_json_opt(c, root, "narrative", "", 0, &narr)) != CHORUS_OK)
        return st;

    const json_t *docs = json_object_get(root, "documents");
    if (!docs)
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "no \"documents\" array");
    if (!json_is_array(docs))
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "\"documents\" is %s, not an array",
                                   reader_json_kind(docs));
    size_t nd = json_array_size(docs);
    for (size_t i = 0; i < nd; i++)
        if ((st = reader_json_doc(c, json_array_get(docs, i), i)) != CHORUS_OK)
            return st;
    if (nd == 0)
        return reader_cluster_fail(c, CHORUS_ERR_EMPTY, "no documents");
    if (c->n_docs == 0)
        return reader_cluster_fail(c, CHORUS_ERR_EMPTY, "all %zu documents are empty", nd);
    if ((st = reader_json_refs(c, root, "summary")) != CHORUS_OK ||
        (st = reader_json_refs(c, root, "references")) != CHORUS_OK)
        return st;

    if (!query && (title || narr)) {
        if (!c->arena && !(c->arena = arena_new(0)))
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        query = reader_make_query(c->arena, title, title ? strlen(title) : 0, narr,
                                  narr ? strlen(narr) : 0);
        if (!query)
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    }
    if (!id || !id[0]) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "line-%zu", lineno);
        if (!(id = reader_cluster_strndup(c, tmp, (size_t)n)))
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    }
    reader_cluster_finish(c, id, query);
    return CHORUS_OK;
}

chorus_status reader_next_jsonl(chorus_reader *r, const chorus_input **out) {
    for (;;) {
        if (!r->src) {
            if (r->unit >= r->n_units) {
                r->done = 1;
                return CHORUS_OK;
            }
            chorus_status st = CHORUS_OK;
            r->src_lines = 0;
            r->src = reader_open_stream(r, r->units[r->unit].path, &st);
            if (!r->src) {
                r->unit++;
                return st;
            }
        }
        reader_stream *s = r->src;
        int k = reader_stream_getline(s, r->max_bytes);
        if (k == 0 || (k < 0 && s->failed)) {
            /* the end, or a read error that ends this stream */
            const char *name = s->name; /* a unit path or a static string */
            size_t seen = r->src_lines;
            chorus_status st = k < 0 ? (chorus_status)-k : CHORUS_OK;
            if (st != CHORUS_OK)
                reader_error(r, st, "%s:%zu: %s", name, s->lineno + 1, s->why);
            reader_stream_close(s);
            r->src = NULL;
            r->unit++;
            if (st != CHORUS_OK)
                return st;
            if (seen == 0)
                return reader_error(r, CHORUS_ERR_EMPTY, "%s: no clusters (empty input)", name);
            continue;
        }
        if (k < 0) { /* this line only: too long, or no memory for it */
            r->src_lines++;
            return reader_error(r, (chorus_status)-k, "%s:%zu: %s", s->name, s->lineno, s->why);
        }
        if (reader_is_blank(s->line.data, s->line.len))
            continue;
        r->src_lines++;
        chorus_status st = reader_jsonl_parse_line(&r->cur, s->line.data, s->line.len, s->lineno);
        if (st != CHORUS_OK)
            return reader_error(r, st, "%s:%zu: %s", s->name, s->lineno, r->cur.why.data);
        *out = &r->cur.in;
        return CHORUS_OK;
    }
}
