/*
 * read_multinews.c - the Multi-News dataset's own line format.
 *
 *   x.src  line N: doc ||||| doc ||||| doc      newlines written NEWLINE_CHAR
 *   x.tgt  line N: – summary of cluster N
 *
 * Each .src line is one cluster: NEWLINE_CHAR tokens become "\n", the line
 * is split on "|||||" and each piece trimmed; empty pieces (the data has
 * some) are dropped and counted in chorus_input.n_empty_dropped. The .tgt
 * line of the same number, with its leading "– " removed, is the reference.
 * Both files are read in step, one line at a time, and the .src line is
 * edited in place: documents point into the stream's line buffer.
 *
 * A .tgt that runs out early fails the line where it ends (once; later
 * clusters come without references); a .tgt with extra lines fails at the
 * end of the .src. Clusters are named "line-N".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "doc/reader.h"

#define READER_MN_NL "NEWLINE_CHAR"
#define READER_MN_NL_LEN 12
#define READER_MN_SEP "|||||"
#define READER_MN_SEP_LEN 5

/* Replaces every NEWLINE_CHAR with '\n' in place; returns the new length
 * and NUL-terminates (line needs len + 1 bytes). */
static size_t reader_mn_unescape(char *line, size_t len) {
    size_t r = 0, w = 0;
    while (r < len) {
        char *n = memchr(line + r, 'N', len - r);
        size_t upto = n ? (size_t)(n - line) : len;
        if (w != r)
            memmove(line + w, line + r, upto - r);
        w += upto - r;
        r = upto;
        if (!n)
            break;
        if (len - r >= READER_MN_NL_LEN && memcmp(line + r, READER_MN_NL, READER_MN_NL_LEN) == 0) {
            line[w++] = '\n';
            r += READER_MN_NL_LEN;
        } else {
            line[w++] = line[r++];
        }
    }
    line[w] = '\0';
    return w;
}

static int reader_mn_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Offset of the next separator at or after 'from', or 'len'. */
static size_t reader_mn_find_sep(const char *line, size_t from, size_t len) {
    while (from + READER_MN_SEP_LEN <= len) {
        const char *p = memchr(line + from, '|', len - from);
        if (!p)
            return len;
        size_t at = (size_t)(p - line);
        if (len - at >= READER_MN_SEP_LEN && memcmp(p, READER_MN_SEP, READER_MN_SEP_LEN) == 0)
            return at;
        from = at + 1;
    }
    return len;
}

chorus_status reader_mn_parse_line(reader_cluster *c, char *line, size_t len, size_t lineno) {
    reader_cluster_reset(c);
    len = reader_mn_unescape(line, len);
    size_t start = 0, pieces = 0;
    for (;;) {
        size_t sep = reader_mn_find_sep(line, start, len);
        size_t a = start, b = sep;
        while (a < b && reader_mn_space(line[a]))
            a++;
        while (b > a && reader_mn_space(line[b - 1]))
            b--;
        line[b] = '\0'; /* b <= sep: the separator was found already */
        pieces++;
        if (reader_cluster_add_doc(c, NULL, line + a, b - a) != 0)
            return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        if (sep == len)
            break;
        start = sep + READER_MN_SEP_LEN;
    }
    if (c->n_docs == 0)
        return pieces > 1
                   ? reader_cluster_fail(c, CHORUS_ERR_EMPTY, "no documents (%zu empty)", pieces)
                   : reader_cluster_fail(c, CHORUS_ERR_EMPTY, "no documents");
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "line-%zu", lineno);
    const char *id = reader_cluster_strndup(c, tmp, (size_t)n);
    if (!id)
        return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
    reader_cluster_finish(c, id, NULL);
    return CHORUS_OK;
}

char *reader_mn_parse_summary(char *line, size_t len, size_t *out_len) {
    len = reader_mn_unescape(line, len);
    size_t a = 0, b = len;
    while (a < b && reader_mn_space(line[a]))
        a++;
    /* the dataset's summaries open with an en dash (U+2013) and a space */
    if (b - a >= 3 && memcmp(line + a, "\xe2\x80\x93", 3) == 0 &&
        (b - a == 3 || reader_mn_space(line[a + 3]))) {
        a += 3;
        while (a < b && reader_mn_space(line[a]))
            a++;
    }
    while (b > a && reader_mn_space(line[b - 1]))
        b--;
    line[b] = '\0';
    *out_len = b - a;
    return line + a;
}

/* Sets r->err to the message of a failed .src line, keeping after it the
 * message of a failed .tgt line of the same number (status 'tst'). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
reader_mn_prefix(chorus_reader *r, chorus_status tst, const char *fmt, ...) {
    ch_buf tgt_msg = {0};
    if (tst != CHORUS_OK && r->err.len)
        buf_append(&tgt_msg, r->err.data, r->err.len);
    buf_clear(&r->err);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&r->err, fmt, ap);
    va_end(ap);
    if (tgt_msg.len) {
        buf_puts(&r->err, "; ");
        buf_append(&r->err, tgt_msg.data, tgt_msg.len);
    }
    buf_free(&tgt_msg);
}

/* Closes the unit's streams and moves to the next unit. */
static void reader_mn_close(chorus_reader *r) {
    reader_stream_close(r->src);
    reader_stream_close(r->tgt);
    r->src = r->tgt = NULL;
    r->unit++;
}

/* At the end of the .src: any .tgt line left over is an error. */
static chorus_status reader_mn_check_tgt_end(chorus_reader *r) {
    if (!r->tgt || r->tgt_ended)
        return CHORUS_OK;
    int kt = reader_stream_getline(r->tgt, r->max_bytes);
    if (kt == 0)
        return CHORUS_OK;
    if (kt < 0)
        return reader_error(r, (chorus_status)-kt, "%s:%zu: %s", r->tgt->name,
                            r->tgt->lineno + (size_t)r->tgt->failed, r->tgt->why);
    return reader_error(r, CHORUS_ERR_FORMAT, "%s:%zu: more summaries than %s has lines (%zu)",
                        r->tgt->name, r->tgt->lineno, r->src->name, r->src->lineno);
}

chorus_status reader_next_multinews(chorus_reader *r, const chorus_input **out) {
    for (;;) {
        if (!r->src) {
            if (r->unit >= r->n_units) {
                r->done = 1;
                return CHORUS_OK;
            }
            const reader_unit *u = &r->units[r->unit];
            chorus_status st = CHORUS_OK;
            r->src_lines = 0;
            r->tgt_ended = 0;
            r->src = reader_open_stream(r, u->path, &st);
            if (r->src && u->tgt)
                r->tgt = reader_open_stream(r, u->tgt, &st);
            if (!r->src || (u->tgt && !r->tgt)) {
                reader_mn_close(r);
                return st;
            }
        }
        reader_stream *s = r->src;
        int k = reader_stream_getline(s, r->max_bytes);
        if (k == 0 || (k < 0 && s->failed)) {
            const char *name = s->name;
            chorus_status st = CHORUS_OK;
            if (k < 0)
                st = reader_error(r, (chorus_status)-k, "%s:%zu: %s", name, s->lineno + 1, s->why);
            else if (r->src_lines == 0)
                st = reader_error(r, CHORUS_ERR_EMPTY, "%s: no clusters (empty input)", name);
            else
                st = reader_mn_check_tgt_end(r);
            reader_mn_close(r);
            if (st != CHORUS_OK)
                return st;
            continue;
        }
        r->src_lines++;

        /* the summary of the same line */
        const char *summary = NULL;
        chorus_status tst = CHORUS_OK;
        if (r->tgt && !r->tgt_ended) {
            reader_stream *t = r->tgt;
            int kt = reader_stream_getline(t, r->max_bytes);
            if (kt > 0) {
                size_t slen;
                summary = reader_mn_parse_summary(t->line.data, t->line.len, &slen);
            } else if (kt == 0) {
                r->tgt_ended = 1;
                tst = reader_error(r, CHORUS_ERR_FORMAT,
                                   "%s: ends after line %zu but %s goes on (line %zu has no "
                                   "summary)",
                                   t->name, t->lineno, s->name, s->lineno);
            } else {
                r->tgt_ended = t->failed; /* a read error ends the summaries */
                tst = reader_error(r, (chorus_status)-kt, "%s:%zu: %s", t->name,
                                   t->lineno + (size_t)t->failed, t->why);
            }
        }
        chorus_status st = (chorus_status)-k;
        if (k > 0) {
            st = reader_mn_parse_line(&r->cur, s->line.data, s->line.len, s->lineno);
            if (st != CHORUS_OK)
                reader_mn_prefix(r, tst, "%s:%zu: %s", s->name, s->lineno, r->cur.why.data);
        } else {
            reader_mn_prefix(r, tst, "%s:%zu: %s", s->name, s->lineno, s->why);
        }
        if (st != CHORUS_OK)
            return st;
        if (tst != CHORUS_OK)
            return tst;
        if (summary && reader_cluster_add_ref(&r->cur, summary) != 0)
            return reader_error(r, CHORUS_ERR_NOMEM, "%s:%zu: out of memory", s->name, s->lineno);
        *out = reader_cluster_finish(&r->cur, r->cur.in.id, NULL);
        return CHORUS_OK;
    }
}
