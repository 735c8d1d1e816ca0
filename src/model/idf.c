/*
 * idf.c - background IDF models: loading, lookup, and building from a corpus.
 *
 * File format (docs/idf-format.md), UTF-8 text, optionally gzip-compressed
 * (zlib reads either transparently):
 *
 *     chorus-idf 1 english 120000 3
 *     512\tkerri
 *     48213\tsaid
 *     7\tzuckerberg
 *
 * The header gives magic, format version, Snowball language, the number of
 * documents N and the number of term lines that follow; each line is
 * "df<TAB>term", terms strictly increasing in byte order, 1 <= df <= N.
 * Announcing the count makes a truncated file detectable even when it was
 * cut at a line boundary.
 *
 * Loading reads the whole file, checks every line, and interns terms into a
 * string map (term -> index into df[]). Any defect is an error with a
 * message naming the line; nothing is repaired silently.
 *
 * Building: each document added is tokenized with the text layer's lexicon;
 * every distinct term (stem of a folded, non-stopword word or number token)
 * counts once for that document. A per-term stamp (the number of the add
 * call that last counted it) makes the once-per-document rule O(1) per
 * token, and a failed add leaves every df as it was.
 */
#include "model/idf.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "model/terms.h"
#include "text/token.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/offmap.h"
#include "util/strmap.h"
#include "util/vec.h"

#define IDF_LANG_MAX 63
#define IDF_READ_CHUNK (1u << 16)

struct chorus_idf {
    char language[IDF_LANG_MAX + 1];
    uint64_t n_docs;  /* N */
    ch_strmap *terms; /* term -> index into df */
    uint64_t *df;     /* (n_terms) document frequencies */
    size_t n_terms;
};

/* ------------------------------------------------------------- messages */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
idf_errf(char *err, size_t errlen, const char *fmt, ...) {
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* 1 if s[0..n) is a usable language name: 1..IDF_LANG_MAX bytes of
 * [A-Za-z0-9_-]. */
static int idf_lang_ok(const char *s, size_t n) {
    if (n == 0 || n > IDF_LANG_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------- lookups */

uint64_t idf_df(const chorus_idf *m, const char *term, size_t n) {
    if (!m || !m->terms)
        return 0;
    uint32_t id = strmap_get(m->terms, term, n);
    return id == STRMAP_NONE ? 0 : m->df[id];
}

double idf_weight(const chorus_idf *m, const char *term, size_t n) {
    if (!m)
        return 1.0;
    double df = (double)idf_df(m, term, n);
    return log(((double)m->n_docs + 1.0) / (df + 1.0)) + 1.0;
}

double idf_unseen(const chorus_idf *m) {
    return m ? log((double)m->n_docs + 1.0) + 1.0 : 1.0;
}

double chorus_idf_weight(const chorus_idf *idf, const char *term, size_t len) {
    if (!idf || (!term && len))
        return 0.0;
    return idf_weight(idf, term, len);
}

const char *chorus_idf_language(const chorus_idf *idf) {
    return idf ? idf->language : "";
}

uint64_t chorus_idf_documents(const chorus_idf *idf) {
    return idf ? idf->n_docs : 0;
}

size_t chorus_idf_terms(const chorus_idf *idf) {
    return idf ? idf->n_terms : 0;
}

/* -------------------------------------------------------------- loading */

/* Parses a decimal without sign or leading '+' from s[*i..n) into *v.
 * Returns 0, or -1 for no digits or overflow. */
static int idf_parse_u64(const char *s, size_t n, size_t *i, uint64_t *v) {
    size_t k = *i;
    uint64_t x = 0;
    if (k >= n || s[k] < '0' || s[k] > '9')
        return -1;
    while (k < n && s[k] >= '0' && s[k] <= '9') {
        unsigned d = (unsigned)(s[k] - '0');
        if (x > (UINT64_MAX - d) / 10)
            return -1;
        x = x * 10 + d;
        k++;
    }
    *i = k;
    *v = x;
    return 0;
}

/* Reads the whole (possibly gzip-compressed) file into 'out'. */
static chorus_status idf_read_all(const char *path, ch_buf *out, char *err, size_t errlen) {
    errno = 0;
    gzFile f = gzopen(path, "rb");
    if (!f) {
        int e = errno;
        if (e == 0)
            e = ENOMEM;
        idf_errf(err, errlen, "cannot open IDF file '%s': %s", path, strerror(e));
        return e == ENOMEM ? CHORUS_ERR_NOMEM : CHORUS_ERR_IO;
    }
    for (;;) {
        if (buf_reserve(out, IDF_READ_CHUNK) != 0) {
            gzclose(f);
            idf_errf(err, errlen, "out of memory reading IDF file '%s'", path);
            return CHORUS_ERR_NOMEM;
        }
        int got = gzread(f, out->data + out->len, IDF_READ_CHUNK);
        if (got < 0) {
            int zerr = 0;
            const char *msg = gzerror(f, &zerr);
            idf_errf(err, errlen, "cannot read IDF file '%s': %s", path,
                     zerr == Z_ERRNO ? strerror(errno) : msg);
            gzclose(f);
            return zerr == Z_ERRNO ? CHORUS_ERR_IO : CHORUS_ERR_FORMAT;
        }
        if (got == 0)
            break;
        out->len += (size_t)got;
        out->data[out->len] = '\0';
    }
    gzclose(f);
    return CHORUS_OK;
}

/* Compares two terms in byte order, a shorter prefix first. */
static int idf_term_cmp(const char *a, size_t na, const char *b, size_t nb) {
    size_t m = na < nb ? na : nb;
    int c = m ? memcmp(a, b, m) : 0;
    if (c)
        return c;
    return (na > nb) - (na < nb);
}

/* Parses the model in s[0..n); on failure sets the message and returns
 * the status. 'm' is filled on success and partly filled on failure (the
 * caller frees it). */
static chorus_status idf_parse(chorus_idf *m, const char *s, size_t n, const char *path, char *err,
                               size_t errlen) {
    static const char magic[] = IDF_MAGIC " ";
    const size_t ml = sizeof magic - 1;
    if (n == 0) {
        idf_errf(err, errlen, "'%s' is empty, not a chorus IDF file", path);
        return CHORUS_ERR_FORMAT;
    }
    if (n < ml || memcmp(s, magic, ml) != 0) {
        idf_errf(err, errlen, "'%s' is not a chorus IDF file (it does not begin with '%s')", path,
                 IDF_MAGIC);
        return CHORUS_ERR_FORMAT;
    }
    const char *nl = memchr(s, '\n', n);
    size_t hlen = nl ? (size_t)(nl - s) : n;
    size_t i = ml;
    uint64_t version, n_docs, n_terms;
    if (idf_parse_u64(s, hlen, &i, &version) != 0 || i >= hlen || s[i] != ' ') {
        idf_errf(err, errlen, "'%s': bad header: no format version after '%s'", path, IDF_MAGIC);
        return CHORUS_ERR_FORMAT;
    }
    if (version != IDF_FORMAT_VERSION) {
        idf_errf(err, errlen, "'%s' has IDF format version %llu; this build reads version %d only",
                 path, (unsigned long long)version, IDF_FORMAT_VERSION);
        return CHORUS_ERR_FORMAT;
    }
    i++;
    size_t lang0 = i;
    while (i < hlen && s[i] != ' ')
        i++;
    if (!idf_lang_ok(s + lang0, i - lang0)) {
        idf_errf(err, errlen, "'%s': bad header: missing or invalid language name", path);
        return CHORUS_ERR_FORMAT;
    }
    memcpy(m->language, s + lang0, i - lang0);
    m->language[i - lang0] = '\0';
    if (i >= hlen || s[i] != ' ' || (i++, idf_parse_u64(s, hlen, &i, &n_docs)) != 0 || i >= hlen ||
        s[i] != ' ' || (i++, idf_parse_u64(s, hlen, &i, &n_terms)) != 0 || i != hlen) {
        idf_errf(err, errlen, "'%s': bad header: expected '%s VERSION LANGUAGE N_DOCS N_TERMS'",
                 path, IDF_MAGIC);
        return CHORUS_ERR_FORMAT;
    }
    if (!nl) {
        idf_errf(err, errlen, "'%s' is truncated: the header line has no end", path);
        return CHORUS_ERR_FORMAT;
    }
    if (n_terms > UINT32_MAX - 1 || n_terms > n / 3) {
        /* every term line takes at least 3 bytes ("1\tx\n" is 4) */
        if (n_terms > UINT32_MAX - 1) {
            idf_errf(err, errlen, "'%s': too many terms (%llu)", path, (unsigned long long)n_terms);
            return CHORUS_ERR_LIMIT;
        }
        idf_errf(err, errlen, "'%s' is truncated: header announces %llu terms", path,
                 (unsigned long long)n_terms);
        return CHORUS_ERR_FORMAT;
    }
    m->n_docs = n_docs;
    m->terms = strmap_new();
    m->df = malloc((n_terms ? n_terms : 1) * sizeof *m->df);
    if (!m->terms || !m->df) {
        idf_errf(err, errlen, "out of memory loading '%s'", path);
        return CHORUS_ERR_NOMEM;
    }
    size_t at = hlen + 1, line = 1;
    const char *prev = NULL;
    size_t prev_len = 0;
    while (at < n) {
        line++;
        const char *e = memchr(s + at, '\n', n - at);
        if (!e) {
            idf_errf(err, errlen, "'%s' is truncated: line %zu has no end", path, line);
            return CHORUS_ERR_FORMAT;
        }
        size_t len = (size_t)(e - (s + at));
        if (m->n_terms == n_terms) {
            idf_errf(err, errlen,
                     "'%s': line %zu: more term lines than the %llu the header announces", path,
                     line, (unsigned long long)n_terms);
            return CHORUS_ERR_FORMAT;
        }
        size_t k = at;
        uint64_t df;
        if (idf_parse_u64(s, at + len, &k, &df) != 0 || k >= at + len || s[k] != '\t') {
            idf_errf(err, errlen, "'%s': line %zu: expected 'DF<TAB>TERM'", path, line);
            return CHORUS_ERR_FORMAT;
        }
        k++;
        const char *term = s + k;
        size_t tlen = at + len - k;
        if (tlen == 0 || memchr(term, '\t', tlen) || memchr(term, '\r', tlen) ||
            memchr(term, '\0', tlen)) {
            idf_errf(err, errlen, "'%s': line %zu: empty term or a term with TAB, CR or NUL", path,
                     line);
            return CHORUS_ERR_FORMAT;
        }
        if (df == 0 || df > n_docs) {
            idf_errf(err, errlen, "'%s': line %zu: document frequency %llu outside 1..%llu", path,
                     line, (unsigned long long)df, (unsigned long long)n_docs);
            return CHORUS_ERR_FORMAT;
        }
        if (prev && idf_term_cmp(prev, prev_len, term, tlen) >= 0) {
            idf_errf(err, errlen, "'%s': line %zu: terms not in strictly increasing byte order",
                     path, line);
            return CHORUS_ERR_FORMAT;
        }
        uint32_t id = strmap_intern(m->terms, term, tlen, NULL);
        if (id == STRMAP_NONE) {
            idf_errf(err, errlen, "out of memory loading '%s'", path);
            return CHORUS_ERR_NOMEM;
        }
        m->df[id] = df;
        m->n_terms++;
        prev = term;
        prev_len = tlen;
        at += len + 1;
    }
    if (m->n_terms != n_terms) {
        idf_errf(err, errlen, "'%s' is truncated: header announces %llu terms, file has %zu", path,
                 (unsigned long long)n_terms, m->n_terms);
        return CHORUS_ERR_FORMAT;
    }
    return CHORUS_OK;
}

chorus_idf *chorus_idf_load(const char *path, chorus_status *status, char *err, size_t errlen) {
    chorus_status st;
    chorus_idf *m = NULL;
    ch_buf b = {0};
    if (err && errlen)
        err[0] = '\0';
    if (!path) {
        idf_errf(err, errlen, "no IDF file name given");
        st = CHORUS_ERR_INVALID;
        goto done;
    }
    st = idf_read_all(path, &b, err, errlen);
    if (st != CHORUS_OK)
        goto done;
    m = calloc(1, sizeof *m);
    if (!m) {
        idf_errf(err, errlen, "out of memory loading '%s'", path);
        st = CHORUS_ERR_NOMEM;
        goto done;
    }
    st = idf_parse(m, b.data ? b.data : "", b.len, path, err, errlen);
    if (st != CHORUS_OK) {
        chorus_idf_free(m);
        m = NULL;
    }
done:
    buf_free(&b);
    if (status)
        *status = st;
    return m;
}

void chorus_idf_free(chorus_idf *idf) {
    if (!idf)
        return;
    strmap_free(idf->terms);
    free(idf->df);
    free(idf);
}

/* ------------------------------------------------------------- building */

struct chorus_idf_builder {
    char language[IDF_LANG_MAX + 1];
    ch_lexicon *lx;
    ch_strmap *terms; /* term -> index into df, stamp */
    uint64_t *df;     /* (cap) documents counted per term */
    uint64_t *stamp;  /* (cap) the add call that last counted the term */
    size_t cap;
    uint64_t n_docs; /* documents counted */
    uint64_t calls;  /* add calls, successful or not */
    ch_buf scratch, text;
    uint32_t *seen; /* terms of the current document */
    size_t n_seen, seen_cap;
};

chorus_idf_builder *chorus_idf_builder_new(const char *language, chorus_status *status) {
    chorus_status st = CHORUS_ERR_NOMEM;
    if (!language)
        language = "english";
    size_t ll = strlen(language);
    chorus_idf_builder *b = NULL;
    if (!idf_lang_ok(language, ll)) {
        st = CHORUS_ERR_INVALID;
        goto fail;
    }
    b = calloc(1, sizeof *b);
    if (!b)
        goto fail;
    memcpy(b->language, language, ll + 1);
    b->lx = lexicon_new(language);
    if (!b->lx) {
        /* unknown language, or out of memory: a known one tells which */
        ch_lexicon *probe = lexicon_new("english");
        st = probe ? CHORUS_ERR_INVALID : CHORUS_ERR_NOMEM;
        lexicon_free(probe);
        goto fail;
    }
    b->terms = strmap_new();
    if (!b->terms)
        goto fail;
    if (status)
        *status = CHORUS_OK;
    return b;
fail:
    chorus_idf_builder_free(b);
    if (status)
        *status = st;
    return NULL;
}

/* Makes df/stamp hold at least 'need' terms. Returns 0, or -1. */
static int idf_builder_grow(chorus_idf_builder *b, size_t need) {
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < need)
        cap *= 2;
    uint64_t *df = realloc(b->df, cap * sizeof *df);
    if (!df)
        return -1;
    b->df = df;
    uint64_t *stamp = realloc(b->stamp, cap * sizeof *stamp);
    if (!stamp)
        return -1;
    b->stamp = stamp;
    for (size_t i = b->cap; i < cap; i++)
        b->df[i] = b->stamp[i] = 0;
    b->cap = cap;
    return 0;
}

chorus_status chorus_idf_builder_add(chorus_idf_builder *b, const char *text, size_t len) {
    if (!b || (!text && len))
        return CHORUS_ERR_INVALID;
    const uint64_t call = ++b->calls;
    ch_offmap map = {0};
    buf_clear(&b->text);
    long rep = utf8_repair(text ? text : "", len, &b->text, &map);
    offmap_free(&map);
    if (rep < 0)
        return CHORUS_ERR_NOMEM;
    const char *s = b->text.data ? b->text.data : "";
    size_t n = b->text.len, pos = 0;
    ch_token t;
    b->n_seen = 0;
    /* Collect the document's distinct terms first; df changes only once
     * the whole document went through, so a failure changes nothing. */
    while (tok_next(s, n, &pos, &t)) {
        const char *term;
        size_t tl;
        int r = model_term(b->lx, s, &t, &b->scratch, &term, &tl);
        if (r < 0)
            return CHORUS_ERR_NOMEM;
        if (r == 0)
            continue;
        uint32_t id = strmap_intern(b->terms, term, tl, NULL);
        if (id == STRMAP_NONE || idf_builder_grow(b, (size_t)id + 1) != 0)
            return CHORUS_ERR_NOMEM;
        if (b->stamp[id] == call)
            continue;
        b->stamp[id] = call;
        if (VEC_PUSH(b->seen, b->n_seen, b->seen_cap, id) != 0)
            return CHORUS_ERR_NOMEM;
    }
    for (size_t i = 0; i < b->n_seen; i++)
        b->df[b->seen[i]]++;
    b->n_docs++;
    return CHORUS_OK;
}

/* Sorting of term ids by their strings. */
typedef struct idf_sort_ref {
    const char *s;
    size_t n;
    uint64_t df;
} idf_sort_ref;

static int idf_cmp_ref(const void *pa, const void *pb) {
    const idf_sort_ref *a = pa, *b = pb;
    return idf_term_cmp(a->s, a->n, b->s, b->n);
}

chorus_status chorus_idf_builder_save(const chorus_idf_builder *b, const char *path, char *err,
                                      size_t errlen) {
    if (err && errlen)
        err[0] = '\0';
    if (!b || !path) {
        idf_errf(err, errlen, "no builder or no file name");
        return CHORUS_ERR_INVALID;
    }
    uint32_t nt = strmap_count(b->terms);
    idf_sort_ref *refs = malloc((nt ? nt : 1) * sizeof *refs);
    if (!refs) {
        idf_errf(err, errlen, "out of memory saving '%s'", path);
        return CHORUS_ERR_NOMEM;
    }
    size_t m = 0;
    for (uint32_t id = 0; id < nt; id++) {
        if (id >= b->cap || b->df[id] == 0)
            continue; /* interned by a document whose add failed */
        refs[m].s = strmap_key(b->terms, id, &refs[m].n);
        refs[m].df = b->df[id];
        m++;
    }
    qsort(refs, m, sizeof *refs, idf_cmp_ref);
    errno = 0;
    FILE *f = fopen(path, "wb");
    if (!f) {
        idf_errf(err, errlen, "cannot write IDF file '%s': %s", path, strerror(errno));
        free(refs);
        return CHORUS_ERR_IO;
    }
    int bad = fprintf(f, "%s %d %s %llu %zu\n", IDF_MAGIC, IDF_FORMAT_VERSION, b->language,
                      (unsigned long long)b->n_docs, m) < 0;
    for (size_t i = 0; i < m && !bad; i++)
        bad = fprintf(f, "%llu\t", (unsigned long long)refs[i].df) < 0 ||
              fwrite(refs[i].s, 1, refs[i].n, f) != refs[i].n || fputc('\n', f) == EOF;
    int e = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    free(refs);
    if (bad) {
        remove(path);
        idf_errf(err, errlen, "cannot write IDF file '%s': %s", path, strerror(e ? e : EIO));
        return CHORUS_ERR_IO;
    }
    return CHORUS_OK;
}

void chorus_idf_builder_free(chorus_idf_builder *b) {
    if (!b)
        return;
    lexicon_free(b->lx);
    strmap_free(b->terms);
    free(b->df);
    free(b->stamp);
    free(b->seen);
    buf_free(&b->scratch);
    buf_free(&b->text);
    free(b);
}
