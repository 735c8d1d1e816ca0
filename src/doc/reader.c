/*
 * reader.c - chorus_reader: opening inputs, detecting their format, and
 * handing out one cluster at a time.
 *
 * chorus_reader_open() checks every path, decides the format (AUTO:
 * directory layout, then the file name, then the first bytes), and turns the
 * paths into units (see reader.h); chorus_reader_next() asks the format's
 * reader_next_<format>() for the next cluster. Errors confined to one
 * cluster are returned with the message in r->err and the reader moves on;
 * the caller chooses whether to stop.
 *
 * Detection, per path, when the format is AUTO:
 *   directory with regular files   first file "<DOC>" -> DUC (one cluster),
 *                                  "<html" -> HTML, else TEXT
 *   directory of directories       DUC (one cluster per subdirectory)
 *   *.jsonl *.json *.ndjson [.gz]  JSONL
 *   *.src / *.tgt [.gz]            MULTINEWS (a .tgt pairs with its .src)
 *   *.html *.htm [.gz]             HTML
 *   otherwise the first bytes      '{' JSONL, "<DOC>" DUC, "<!DOCTYPE html"
 *   (gunzipped, after a BOM and    or "<html" HTML, "|||||" in the first
 *   whitespace)                    line MULTINEWS, else TEXT
 * Paths of different formats cannot be mixed: that is an error asking for
 * an explicit format, never a guess.
 *
 * Also here: the per-cluster builder (reader_cluster_*) shared by formats.
 */
#define _POSIX_C_SOURCE 200809L

#include "doc/reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "util/vec.h"

/* ------------------------------------------------------------ formats */

static const char *const reader_format_names[] = {"auto",      "text", "jsonl",
                                                  "multinews", "duc",  "html"};
#define READER_N_FORMATS (sizeof reader_format_names / sizeof reader_format_names[0])

int chorus_format_parse(const char *name) {
    if (!name)
        return -1;
    for (size_t i = 0; i < READER_N_FORMATS; i++)
        if (strcmp(name, reader_format_names[i]) == 0)
            return (int)i;
    return -1;
}

const char *chorus_format_name(chorus_format f) {
    if ((unsigned)f >= READER_N_FORMATS)
        return "unknown";
    return reader_format_names[f];
}

/* ------------------------------------------------------------ clusters */

int reader_is_blank(const char *s, size_t len) {
    size_t i = 0;
    if (len >= 3 && (unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbb &&
        (unsigned char)s[2] == 0xbf)
        i = 3;
    for (; i < len; i++)
        if (!strchr(" \t\n\r\f\v", s[i]) || s[i] == '\0')
            return 0;
    return 1;
}

int reader_docno_source(reader_cluster *c, const char *docno, const char **out) {
    size_t n = 0;
    while ((docno[n] >= 'A' && docno[n] <= 'Z') || (docno[n] >= 'a' && docno[n] <= 'z'))
        n++;
    *out = NULL;
    if (n == 0)
        return 0;
    *out = reader_cluster_strndup(c, docno, n);
    return *out ? 0 : -1;
}

static void reader_trim(const char **s, size_t *n) {
    while (*n > 0 && strchr(" \t\r\n\f\v", (*s)[0]) && (*s)[0]) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && strchr(" \t\r\n\f\v", (*s)[*n - 1]) && (*s)[*n - 1])
        (*n)--;
}

char *reader_make_query(ch_arena *a, const char *title, size_t tlen, const char *narr,
                        size_t nlen) {
    if (!title)
        tlen = 0;
    if (!narr)
        nlen = 0;
    reader_trim(&title, &tlen);
    reader_trim(&narr, &nlen);
    char *q = arena_alloc(a, tlen + nlen + 3);
    if (!q)
        return NULL;
    size_t k = 0;
    if (tlen) {
        memcpy(q, title, tlen);
        k = tlen;
        if (nlen) {
            if (!strchr(".?!", title[tlen - 1]))
                q[k++] = '.';
            q[k++] = ' ';
        }
    }
    if (nlen)
        memcpy(q + k, narr, nlen);
    q[k + nlen] = '\0';
    return q;
}

void reader_cluster_reset(reader_cluster *c) {
    arena_free(c->arena);
    c->arena = NULL;
    for (size_t i = 0; i < c->n_owned; i++)
        free(c->owned[i]);
    c->n_owned = 0;
    if (c->json)
        json_decref(c->json);
    c->json = NULL;
    c->n_docs = c->n_refs = 0;
    c->n_empty = c->n_replaced = 0;
    memset(&c->in, 0, sizeof c->in);
    buf_clear(&c->why);
}

void reader_cluster_free(reader_cluster *c) {
    reader_cluster_reset(c);
    free(c->docs);
    free(c->refs);
    free(c->owned);
    buf_free(&c->why);
    buf_free(&c->scratch);
    memset(c, 0, sizeof *c);
}

char *reader_cluster_strndup(reader_cluster *c, const char *s, size_t n) {
    if (!c->arena && !(c->arena = arena_new(0)))
        return NULL;
    return arena_strndup(c->arena, s, n);
}

int reader_cluster_own(reader_cluster *c, char *p) {
    if (VEC_PUSH(c->owned, c->n_owned, c->owned_cap, p) != 0) {
        free(p);
        return -1;
    }
    return 0;
}

int reader_cluster_add_doc(reader_cluster *c, const chorus_doc_meta *meta, const char *text,
                           size_t len) {
    if (reader_is_blank(text, len)) {
        c->n_empty++;
        return 0;
    }
    chorus_input_doc d;
    memset(&d, 0, sizeof d);
    if (meta)
        d.meta = *meta;
    d.text = text;
    d.len = len;
    return VEC_PUSH(c->docs, c->n_docs, c->docs_cap, d);
}

int reader_cluster_add_ref(reader_cluster *c, const char *text) {
    return VEC_PUSH(c->refs, c->n_refs, c->refs_cap, text);
}

chorus_status reader_cluster_fail(reader_cluster *c, chorus_status st, const char *fmt, ...) {
    buf_clear(&c->why);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&c->why, fmt, ap);
    va_end(ap);
    return st;
}

const chorus_input *reader_cluster_finish(reader_cluster *c, const char *id, const char *query) {
    c->in.id = id;
    c->in.docs = c->docs;
    c->in.n_docs = c->n_docs;
    c->in.refs = c->refs;
    c->in.n_refs = c->n_refs;
    c->in.query = query;
    c->in.n_empty_dropped = c->n_empty;
    c->in.n_replaced = c->n_replaced;
    return &c->in;
}

/* ------------------------------------------------------------ helpers */

chorus_status reader_error(chorus_reader *r, chorus_status st, const char *fmt, ...) {
    buf_clear(&r->err);
    va_list ap;
    va_start(ap, fmt);
    if (buf_vprintf(&r->err, fmt, ap) != 0)
        buf_clear(&r->err);
    va_end(ap);
    return st;
}

reader_stream *reader_open_stream(chorus_reader *r, const char *path, chorus_status *st) {
    if (strcmp(path, "-") == 0 && r->held_stdin) {
        reader_stream *s = r->held_stdin;
        r->held_stdin = NULL;
        return s;
    }
    char why[256];
    reader_stream *s = reader_stream_open(path, st, why, sizeof why);
    if (!s)
        reader_error(r, *st, "%s: %s", strcmp(path, "-") == 0 ? "<stdin>" : path, why);
    return s;
}

chorus_status reader_read_file(chorus_reader *r, const char *path, char **out, size_t *len) {
    chorus_status st = CHORUS_OK;
    *out = NULL;
    *len = 0;
    reader_stream *s = reader_open_stream(r, path, &st);
    if (!s)
        return st;
    ch_buf b = {0};
    st = reader_stream_slurp(s, r->max_bytes, &b);
    if (st != CHORUS_OK) {
        reader_error(r, st, "%s: %s", s->name, s->why);
        buf_free(&b);
        reader_stream_close(s);
        return st;
    }
    reader_stream_close(s);
    *len = b.len;
    *out = buf_detach(&b, NULL);
    if (!*out || reader_cluster_own(&r->cur, *out) != 0) {
        *out = NULL;
        return reader_error(r, CHORUS_ERR_NOMEM, "%s: out of memory", path);
    }
    return CHORUS_OK;
}

static int reader_cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "dir/name" in the arena, without doubling a trailing slash. */
static char *reader_join(ch_arena *a, const char *dir, const char *name) {
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = arena_alloc(a, dl + slash + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + slash, name, nl + 1);
    return p;
}

/* Copies a malloc'd array of 'n' pointers into the arena, sorted. */
static const char **reader_sorted_copy(ch_arena *a, char **v, size_t n) {
    const char **out = arena_calloc(a, n ? n : 1, sizeof *out);
    if (!out)
        return NULL;
    if (n) {
        memcpy(out, v, n * sizeof *out);
        qsort(out, n, sizeof *out, reader_cmp_str);
    }
    return out;
}

chorus_status reader_list_dir(chorus_reader *r, const char *dir, const char ***files,
                              size_t *n_files, const char ***dirs, size_t *n_dirs) {
    DIR *d = opendir(dir);
    if (!d) {
        char msg[200];
        if (strerror_r(errno, msg, sizeof msg) != 0)
            snprintf(msg, sizeof msg, "cannot open directory");
        return reader_error(r, CHORUS_ERR_IO, "%s: %s", dir, msg);
    }
    char **fv = NULL, **dv = NULL;
    size_t nf = 0, fcap = 0, nd = 0, dcap = 0;
    chorus_status st = CHORUS_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* hidden files, "." and ".." */
        char *full = reader_join(r->arena, dir, e->d_name);
        if (!full) {
            st = CHORUS_ERR_NOMEM;
            break;
        }
        struct stat sb;
        if (stat(full, &sb) != 0)
            continue; /* a dangling link is not an entry */
        int ok = 0;
        if (S_ISREG(sb.st_mode))
            ok = VEC_PUSH(fv, nf, fcap, full);
        else if (S_ISDIR(sb.st_mode))
            ok = VEC_PUSH(dv, nd, dcap, full);
        if (ok != 0) {
            st = CHORUS_ERR_NOMEM;
            break;
        }
    }
    closedir(d);
    if (st == CHORUS_OK && files && !(*files = reader_sorted_copy(r->arena, fv, nf)))
        st = CHORUS_ERR_NOMEM;
    if (st == CHORUS_OK && dirs && !(*dirs = reader_sorted_copy(r->arena, dv, nd)))
        st = CHORUS_ERR_NOMEM;
    if (n_files)
        *n_files = nf;
    if (n_dirs)
        *n_dirs = nd;
    free(fv);
    free(dv);
    if (st != CHORUS_OK)
        return reader_error(r, st, "%s: out of memory", dir);
    return CHORUS_OK;
}

const char *reader_basename(ch_arena *a, const char *path) {
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    return arena_strndup(a, path + start, end - start);
}

void reader_set_max_bytes(chorus_reader *r, size_t max) {
    if (r)
        r->max_bytes = max;
}

/* ------------------------------------------------------------ detection */

static int reader_ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char a = s[n - k + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

/* Ends with ".ext" or ".ext.gz" (ext lower-case). */
static int reader_has_ext(const char *path, const char *ext) {
    char a[32], b[32];
    snprintf(a, sizeof a, ".%s", ext);
    snprintf(b, sizeof b, ".%s.gz", ext);
    return reader_ends_with(path, a) || reader_ends_with(path, b);
}

static int reader_starts_ci(const unsigned char *p, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)lit[i])
            return 0;
    }
    return 1;
}

/* The format the first bytes of a file suggest (see the table on top). */
static chorus_format reader_sniff(const unsigned char *p, size_t n) {
    if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
        p += 3;
        n -= 3;
    }
    while (n > 0 && strchr(" \t\r\n\f\v", *p) && *p) {
        p++;
        n--;
    }
    if (n == 0)
        return CHORUS_FORMAT_TEXT;
    if (p[0] == '{')
        return CHORUS_FORMAT_JSONL;
    if (reader_starts_ci(p, n, "<doc>") || reader_starts_ci(p, n, "<doc "))
        return CHORUS_FORMAT_DUC;
    if (reader_starts_ci(p, n, "<!doctype html") || reader_starts_ci(p, n, "<html"))
        return CHORUS_FORMAT_HTML;
    const unsigned char *nl = memchr(p, '\n', n);
    size_t first = nl ? (size_t)(nl - p) : n;
    for (size_t i = 0; i + 5 <= first; i++)
        if (p[i] == '|' && memcmp(p + i, "|||||", 5) == 0)
            return CHORUS_FORMAT_MULTINEWS;
    return CHORUS_FORMAT_TEXT;
}

/* Sniffs a file (or stdin, which is then kept open for reading). */
static chorus_status reader_sniff_path(chorus_reader *r, const char *path, chorus_format *fmt) {
    chorus_status st = CHORUS_OK;
    reader_stream *s = reader_open_stream(r, path, &st);
    if (!s)
        return st;
    size_t n;
    const unsigned char *p = reader_stream_peek(s, &n);
    *fmt = reader_sniff(p, n);
    if (strcmp(path, "-") == 0)
        r->held_stdin = s;
    else
        reader_stream_close(s);
    return CHORUS_OK;
}

static chorus_status reader_detect(chorus_reader *r, const char *path, chorus_format *fmt) {
    if (strcmp(path, "-") == 0)
        return reader_sniff_path(r, path, fmt);
    struct stat sb;
    if (stat(path, &sb) != 0) {
        char msg[200];
        if (strerror_r(errno, msg, sizeof msg) != 0)
            snprintf(msg, sizeof msg, "cannot read");
        return reader_error(r, CHORUS_ERR_IO, "%s: %s", path, msg);
    }
    if (S_ISDIR(sb.st_mode)) {
        const char **files, **dirs;
        size_t nf, nd;
        chorus_status st = reader_list_dir(r, path, &files, &nf, &dirs, &nd);
        if (st != CHORUS_OK)
            return st;
        if (nf == 0 && nd == 0)
            return reader_error(r, CHORUS_ERR_EMPTY, "%s: empty directory", path);
        if (nf == 0) {
            *fmt = CHORUS_FORMAT_DUC;
            return CHORUS_OK;
        }
        st = reader_sniff_path(r, files[0], fmt);
        if (st != CHORUS_OK)
            return st;
        if (*fmt != CHORUS_FORMAT_DUC && *fmt != CHORUS_FORMAT_HTML)
            *fmt = CHORUS_FORMAT_TEXT;
        return CHORUS_OK;
    }
    if (reader_has_ext(path, "jsonl") || reader_has_ext(path, "json") ||
        reader_has_ext(path, "ndjson"))
        *fmt = CHORUS_FORMAT_JSONL;
    else if (reader_has_ext(path, "src") || reader_has_ext(path, "tgt"))
        *fmt = CHORUS_FORMAT_MULTINEWS;
    else if (reader_has_ext(path, "html") || reader_has_ext(path, "htm"))
        *fmt = CHORUS_FORMAT_HTML;
    else
        return reader_sniff_path(r, path, fmt);
    return CHORUS_OK;
}

/* ------------------------------------------------------------ units */

static chorus_status reader_add_unit(chorus_reader *r, const reader_unit *u) {
    if (VEC_PUSH(r->units, r->n_units, r->units_cap, *u) != 0)
        return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
    return CHORUS_OK;
}

static int reader_is_dir(const char *path) {
    struct stat sb;
    return strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int reader_is_file(const char *path) {
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* TEXT and HTML: one unit of all files, directories expanded. */
static chorus_status reader_units_files(chorus_reader *r, const char *const *paths, size_t n) {
    char **v = NULL;
    size_t nv = 0, cap = 0;
    chorus_status st = CHORUS_OK;
    for (size_t i = 0; i < n && st == CHORUS_OK; i++) {
        if (!reader_is_dir(paths[i])) {
            char *p = arena_strndup(r->arena, paths[i], strlen(paths[i]));
            if (!p || VEC_PUSH(v, nv, cap, p) != 0)
                st = reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
            continue;
        }
        const char **files;
        size_t nf;
        st = reader_list_dir(r, paths[i], &files, &nf, NULL, NULL);
        if (st == CHORUS_OK && nf == 0)
            st = reader_error(r, CHORUS_ERR_EMPTY, "%s: empty directory (no regular files)",
                              paths[i]);
        for (size_t k = 0; k < nf && st == CHORUS_OK; k++)
            if (VEC_PUSH(v, nv, cap, (char *)files[k]) != 0)
                st = reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
    }
    if (st == CHORUS_OK) {
        const char **files = arena_calloc(r->arena, nv, sizeof *files);
        reader_unit u;
        memset(&u, 0, sizeof u);
        u.id = arena_strndup(r->arena, paths[0], strlen(paths[0]));
        u.path = u.id;
        if (!files || !u.id) {
            st = reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
        } else {
            memcpy(files, v, nv * sizeof *files);
            u.files = files;
            u.n_files = nv;
            st = reader_add_unit(r, &u);
        }
    }
    free(v);
    return st;
}

/* The .tgt beside a .src: the same name with .src replaced (either
 * compression); NULL when there is none. */
static const char *reader_mn_pair(chorus_reader *r, const char *src) {
    size_t n = strlen(src);
    const char *suffix = reader_ends_with(src, ".src") ? ".src" : ".src.gz";
    size_t base = n - strlen(suffix);
    const char *cands[] = {".tgt", ".tgt.gz"};
    if (strcmp(suffix, ".src.gz") == 0) {
        cands[0] = ".tgt.gz";
        cands[1] = ".tgt";
    }
    for (int i = 0; i < 2; i++) {
        size_t k = strlen(cands[i]);
        char *p = arena_alloc(r->arena, base + k + 1);
        if (!p)
            return NULL;
        memcpy(p, src, base);
        memcpy(p + base, cands[i], k + 1);
        if (reader_is_file(p))
            return p;
    }
    return NULL;
}

static chorus_status reader_units_streams(chorus_reader *r, const char *const *paths, size_t n) {
    for (size_t i = 0; i < n; i++) {
        reader_unit u;
        memset(&u, 0, sizeof u);
        u.path = arena_strndup(r->arena, paths[i], strlen(paths[i]));
        if (!u.path)
            return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
        if (r->fmt == CHORUS_FORMAT_MULTINEWS) {
            if (reader_has_ext(paths[i], "tgt"))
                return reader_error(r, CHORUS_ERR_INVALID,
                                    "%s: a .tgt file must follow its .src file", paths[i]);
            if (i + 1 < n && reader_has_ext(paths[i + 1], "tgt")) {
                u.tgt = arena_strndup(r->arena, paths[i + 1], strlen(paths[i + 1]));
                if (!u.tgt)
                    return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
                i++;
            } else if (reader_has_ext(paths[i], "src")) {
                u.tgt = reader_mn_pair(r, paths[i]);
            }
        }
        chorus_status st = reader_add_unit(r, &u);
        if (st != CHORUS_OK)
            return st;
    }
    return CHORUS_OK;
}

static chorus_status reader_units_duc(chorus_reader *r, const char *const *paths, size_t n) {
    char **v = NULL; /* consecutive files make one cluster */
    size_t nv = 0, cap = 0;
    chorus_status st = CHORUS_OK;
    for (size_t i = 0; i <= n && st == CHORUS_OK; i++) {
        int is_dir = i < n && reader_is_dir(paths[i]);
        if (i < n && !is_dir) {
            char *p = arena_strndup(r->arena, paths[i], strlen(paths[i]));
            if (!p || VEC_PUSH(v, nv, cap, p) != 0)
                st = reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
            continue;
        }
        if (nv > 0) { /* flush the pending file group */
            const char **files = arena_calloc(r->arena, nv, sizeof *files);
            reader_unit u;
            memset(&u, 0, sizeof u);
            u.path = v[0];
            u.id = reader_basename(r->arena, v[0]);
            if (!files || !u.id) {
                st = reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
                break;
            }
            memcpy(files, v, nv * sizeof *files);
            u.files = files;
            u.n_files = nv;
            nv = 0;
            st = reader_add_unit(r, &u);
        }
        if (st == CHORUS_OK && is_dir)
            st = reader_duc_add_dir(r, paths[i]);
    }
    free(v);
    return st;
}

/* ------------------------------------------------------------ public API */

static chorus_reader *reader_open_fail(chorus_reader *r, chorus_status st, chorus_status *status,
                                       char *err, size_t errlen) {
    if (status)
        *status = st;
    if (err && errlen)
        snprintf(err, errlen, "%s", r && r->err.len ? r->err.data : chorus_status_str(st));
    chorus_reader_free(r);
    return NULL;
}

chorus_reader *chorus_reader_open(const char *const *paths, size_t n_paths, chorus_format fmt,
                                  chorus_status *status, char *err, size_t errlen) {
    if (err && errlen)
        err[0] = '\0';
    if (status)
        *status = CHORUS_OK;
    chorus_reader *r = calloc(1, sizeof *r);
    if (r && !(r->arena = arena_new(0))) {
        free(r);
        r = NULL;
    }
    if (!r)
        return reader_open_fail(NULL, CHORUS_ERR_NOMEM, status, err, errlen);
    r->max_bytes = READER_MAX_BYTES;
    r->fmt = fmt;
    if ((unsigned)fmt >= READER_N_FORMATS)
        return reader_open_fail(
            r, reader_error(r, CHORUS_ERR_INVALID, "unknown input format %d", (int)fmt), status,
            err, errlen);
    if (!paths || n_paths == 0)
        return reader_open_fail(r, reader_error(r, CHORUS_ERR_INVALID, "no input paths"), status,
                                err, errlen);
    size_t n_stdin = 0;
    for (size_t i = 0; i < n_paths; i++) {
        if (!paths[i] || !paths[i][0])
            return reader_open_fail(r, reader_error(r, CHORUS_ERR_INVALID, "empty input path"),
                                    status, err, errlen);
        n_stdin += strcmp(paths[i], "-") == 0;
    }
    if (n_stdin > 1)
        return reader_open_fail(
            r, reader_error(r, CHORUS_ERR_INVALID, "standard input (-) given more than once"),
            status, err, errlen);

    chorus_status st = CHORUS_OK;
    if (fmt == CHORUS_FORMAT_AUTO) {
        chorus_format first = CHORUS_FORMAT_AUTO;
        const char *first_path = NULL;
        for (size_t i = 0; i < n_paths && st == CHORUS_OK; i++) {
            chorus_format f = CHORUS_FORMAT_TEXT;
            st = reader_detect(r, paths[i], &f);
            if (st != CHORUS_OK)
                break;
            if (first == CHORUS_FORMAT_AUTO) {
                first = f;
                first_path = paths[i];
            } else if (f != first) {
                st = reader_error(r, CHORUS_ERR_INVALID,
                                  "cannot mix input formats: %s looks like %s, %s like %s "
                                  "(choose a format explicitly)",
                                  first_path, chorus_format_name(first), paths[i],
                                  chorus_format_name(f));
            }
        }
        r->fmt = first;
    } else {
        for (size_t i = 0; i < n_paths && st == CHORUS_OK; i++) {
            struct stat sb;
            if (strcmp(paths[i], "-") != 0 && stat(paths[i], &sb) != 0) {
                char msg[200];
                if (strerror_r(errno, msg, sizeof msg) != 0)
                    snprintf(msg, sizeof msg, "cannot read");
                st = reader_error(r, CHORUS_ERR_IO, "%s: %s", paths[i], msg);
            }
        }
    }
    if (st != CHORUS_OK)
        return reader_open_fail(r, st, status, err, errlen);

    switch (r->fmt) {
    case CHORUS_FORMAT_JSONL:
    case CHORUS_FORMAT_MULTINEWS:
        st = reader_units_streams(r, paths, n_paths);
        break;
    case CHORUS_FORMAT_DUC:
        st = reader_units_duc(r, paths, n_paths);
        break;
    default: /* TEXT, HTML */
        st = reader_units_files(r, paths, n_paths);
        break;
    }
    if (st != CHORUS_OK)
        return reader_open_fail(r, st, status, err, errlen);
    buf_clear(&r->err);
    return r;
}

chorus_status chorus_reader_next(chorus_reader *r, const chorus_input **out) {
    if (out)
        *out = NULL;
    if (!r || !out)
        return CHORUS_ERR_INVALID;
    buf_clear(&r->err);
    reader_cluster_reset(&r->cur);
    if (r->done)
        return CHORUS_OK;
    switch (r->fmt) {
    case CHORUS_FORMAT_JSONL:
        return reader_next_jsonl(r, out);
    case CHORUS_FORMAT_MULTINEWS:
        return reader_next_multinews(r, out);
    case CHORUS_FORMAT_DUC:
        return reader_next_duc(r, out);
    case CHORUS_FORMAT_HTML:
        return reader_next_html(r, out);
    default:
        return reader_next_text(r, out);
    }
}

chorus_format chorus_reader_format(const chorus_reader *r) {
    return r ? r->fmt : CHORUS_FORMAT_AUTO;
}

const char *chorus_reader_errmsg(const chorus_reader *r) {
    return r && r->err.data ? r->err.data : "";
}

void chorus_reader_free(chorus_reader *r) {
    if (!r)
        return;
    reader_stream_close(r->src);
    reader_stream_close(r->tgt);
    reader_stream_close(r->held_stdin);
    reader_cluster_free(&r->cur);
    free(r->units);
    buf_free(&r->err);
    arena_free(r->arena);
    free(r);
}
