/*
 * html_article.c - the public face of HTML extraction: chorus_article.
 *
 * chorus_article_extract() runs the stages in order (html_page_parse,
 * html_meta_read, html_extract_run), keeps what the caller may ask for and
 * frees the DOM before returning. The article owns two offset maps: body
 * text -> clean UTF-8 (from the extractor) and clean UTF-8 -> page (from
 * the decoder); chorus_article_source_offset() composes them.
 *
 * Title: the heading the page shows above the article when it agrees with
 * the metadata headline (one contains the other, ignoring case and
 * spacing, and their lengths are close), else the metadata headline, else
 * that heading, else <title>.
 * Byline: the metadata's, else a byline element near the article.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chorus.h"
#include "doc/html.h"
#include "doc/html_extract.h"
#include "doc/html_meta.h"

struct chorus_article {
    char *title, *byline, *date, *url, *site; /* NULL when unknown */
    char *text;                               /* body, NUL-terminated */
    size_t text_len;
    ch_offmap body_map; /* body offset -> clean-text offset */
    ch_offmap page_map; /* clean-text offset -> page offset */
    size_t page_len;
    char encoding[40];
};

static void html_art_err(char *err, size_t errlen, const char *msg) {
    if (err && errlen)
        snprintf(err, errlen, "%s", msg);
}

/* ASCII case-insensitive comparison of the first n bytes. */
static int html_art_ncaseeq_cmp(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int x = tolower((unsigned char)a[i]), y = tolower((unsigned char)b[i]);
        if (x != y || !x)
            return x - y;
    }
    return 0;
}

/* Letters and digits of s, lower-cased, into out (cap bytes); the length. */
static size_t html_art_norm(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (const char *p = s; *p && n < cap - 1; p++)
        if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
            out[n++] = (char)tolower((unsigned char)*p);
    out[n] = '\0';
    return n;
}

/* Case- and space-insensitive: does 'a' contain 'b'? */
static int html_art_contains(const char *a, const char *b) {
    char x[512], y[512];
    html_art_norm(a, x, sizeof x);
    size_t ny = html_art_norm(b, y, sizeof y);
    return ny > 0 && strstr(x, y) != NULL;
}

/* The heading and the headline say the same: one contains the other and
 * the shorter has at least 60% of the longer's letters. */
static int html_art_agree(const char *heading, const char *headline) {
    char x[512], y[512];
    size_t nx = html_art_norm(heading, x, sizeof x), ny = html_art_norm(headline, y, sizeof y);
    size_t lo = nx < ny ? nx : ny, hi = nx < ny ? ny : nx;
    return lo > 0 && lo * 10 >= hi * 6 && (strstr(x, y) || strstr(y, x));
}

/* A byline that names someone: not the site itself nor a publishing
 * tool's default user ("admin"). */
static int html_art_is_name(const char *by, const char *site) {
    if (!html_art_ncaseeq_cmp(by, "admin", 5))
        return 0;
    return !site || !html_art_contains(site, by) || strlen(by) > strlen(site) + 4;
}

static char *html_art_take(char **p) {
    char *s = *p;
    *p = NULL;
    return s;
}

/* Mostly NUL bytes at the start: not a web page. */
static int html_art_binary(const char *s, size_t len) {
    size_t n = len < 4096 ? len : 4096, nul = 0, ctl = 0;
    const unsigned char *p = (const unsigned char *)s;
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return 0; /* UTF-16 with a BOM */
    if (n >= 4 && ((p[0] == '<' && p[1] == 0) || (p[0] == 0 && p[1] == '<')))
        return 0; /* UTF-16 without one */
    for (size_t i = 0; i < n; i++) {
        if (!p[i])
            nul++;
        else if (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t' && p[i] != '\f')
            ctl++;
    }
    return nul * 10 > n || (nul + ctl) * 4 > n;
}

chorus_article *chorus_article_extract(const char *html, size_t len, const char *url_or_null,
                                       chorus_status *status, char *err, size_t errlen) {
    chorus_status dummy;
    if (!status)
        status = &dummy;
    if (err && errlen)
        err[0] = '\0';
    if (!html && len) {
        *status = CHORUS_ERR_INVALID;
        html_art_err(err, errlen, "no page given");
        return NULL;
    }
    if (len && html_art_binary(html, len)) {
        *status = CHORUS_ERR_BINARY;
        html_art_err(err, errlen, "not a web page: binary data");
        return NULL;
    }
    html_page pg;
    memset(&pg, 0, sizeof pg);
    *status = html_page_parse(html, len, NULL, &pg, err, errlen);
    if (*status != CHORUS_OK) {
        html_page_free(&pg);
        return NULL;
    }
    chorus_article *a = calloc(1, sizeof *a);
    html_meta meta;
    memset(&meta, 0, sizeof meta);
    html_extract_result ex;
    memset(&ex, 0, sizeof ex);
    if (!a || html_meta_read(&pg, url_or_null, &meta) != 0)
        goto nomem;
    html_extract_hints hints = {meta.title, meta.body, meta.byline};
    if (html_extract_run(&pg, &hints, &ex) != 0)
        goto nomem;
    if (ex.n_blocks == 0) {
        *status = CHORUS_ERR_EMPTY;
        html_art_err(err, errlen, "the page has no text");
        goto fail;
    }

    if (ex.heading && meta.title && html_art_agree(ex.heading, meta.title))
        a->title = html_art_take(&ex.heading);
    else if (meta.title)
        a->title = html_art_take(&meta.title);
    else if (ex.heading)
        a->title = html_art_take(&ex.heading);
    else
        a->title = html_art_take(&meta.page_title);
    a->byline = meta.byline ? html_art_take(&meta.byline) : html_art_take(&ex.byline);
    if (a->byline && !html_art_is_name(a->byline, meta.site)) {
        free(a->byline);
        a->byline = NULL;
    }
    a->date = html_art_take(&meta.date);
    a->url = html_art_take(&meta.url);
    a->site = html_art_take(&meta.site);
    a->text = buf_detach(&ex.text, &a->text_len);
    if (!a->text)
        goto nomem;
    a->body_map = ex.map;
    memset(&ex.map, 0, sizeof ex.map);
    a->page_map = pg.u.map;
    memset(&pg.u.map, 0, sizeof pg.u.map);
    a->page_len = len;
    snprintf(a->encoding, sizeof a->encoding, "%s", pg.u.encoding);
    html_meta_free(&meta);
    html_extract_result_free(&ex);
    html_page_free(&pg);
    *status = CHORUS_OK;
    return a;

nomem:
    *status = CHORUS_ERR_NOMEM;
    html_art_err(err, errlen, "out of memory extracting the article");
fail:
    html_meta_free(&meta);
    html_extract_result_free(&ex);
    html_page_free(&pg);
    chorus_article_free(a);
    return NULL;
}

const char *chorus_article_title(const chorus_article *a) {
    return a ? a->title : NULL;
}
const char *chorus_article_byline(const chorus_article *a) {
    return a ? a->byline : NULL;
}
const char *chorus_article_date(const chorus_article *a) {
    return a ? a->date : NULL;
}
const char *chorus_article_url(const chorus_article *a) {
    return a ? a->url : NULL;
}
const char *chorus_article_site(const chorus_article *a) {
    return a ? a->site : NULL;
}
const char *chorus_article_encoding(const chorus_article *a) {
    return a ? a->encoding : NULL;
}

const char *chorus_article_text(const chorus_article *a, size_t *len) {
    if (len)
        *len = a ? a->text_len : 0;
    return a ? a->text : NULL;
}

size_t chorus_article_source_offset(const chorus_article *a, size_t body_off) {
    if (!a)
        return 0;
    if (body_off > a->text_len)
        body_off = a->text_len;
    size_t u = offmap_src(&a->body_map, body_off);
    size_t p = offmap_src(&a->page_map, u);
    return p > a->page_len ? a->page_len : p;
}

void chorus_article_free(chorus_article *a) {
    if (!a)
        return;
    free(a->title);
    free(a->byline);
    free(a->date);
    free(a->url);
    free(a->site);
    free(a->text);
    offmap_free(&a->body_map);
    offmap_free(&a->page_map);
    free(a);
}
