/*
 * html_meta.c - page metadata from JSON-LD, Open Graph, <meta>, <title>,
 * <link rel=canonical> and <time>. See html_meta.h for the sources and
 * their order.
 *
 * One walk over the DOM collects candidates; each field keeps the
 * candidate of best rank (lower is better) and, among equals, the first.
 * Dates are normalised by html_meta_iso_date(), a small tokenizer that
 * knows ISO 8601, RFC 2822, "November 19, 2019"-style dates, a few time
 * zone abbreviations and Unix timestamps; nothing else is guessed.
 */
#include "doc/html_meta.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/buf.h"

/* ------------------------------------------------------------ strings */

static int html_meta_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A malloc'd copy of s[0..n) with whitespace runs (and U+00A0) collapsed
 * to one space and trimmed; *oom set and NULL returned when out of memory,
 * NULL when nothing is left. */
static char *html_meta_squeeze(const char *s, size_t n, int *oom) {
    char *o = malloc(n + 1);
    if (!o) {
        *oom = 1;
        return NULL;
    }
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ws = html_meta_space(c);
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            ws = 1;
            i++;
        }
        if (ws) {
            sp = k > 0;
            continue;
        }
        if (sp)
            o[k++] = ' ';
        sp = 0;
        o[k++] = (char)c;
    }
    o[k] = '\0';
    if (!k) {
        free(o);
        return NULL;
    }
    return o;
}

/* Encodes code point 'cp' as UTF-8 at 'out'; returns the length. */
static size_t html_meta_utf8(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes, in place, HTML character references left in metadata (JSON-LD
 * and attributes written with "&amp;#8217;" carry them): numeric ones and
 * the HTML 4 names libxml2 knows. A reference is never shorter than its
 * UTF-8, so the string only shrinks. */
static void html_meta_unescape(char *s) {
    char *w = s;
    for (const char *r = s; *r;) {
        if (*r == '&') {
            const char *semi = r + 1;
            while (*semi && *semi != ';' && *semi != '&' && semi - r < 12)
                semi++;
            uint32_t cp = 0;
            if (*semi == ';' && semi - r >= 3) {
                if (r[1] == '#') {
                    int hex = r[2] == 'x' || r[2] == 'X';
                    for (const char *d = r + 2 + hex; d < semi; d++) {
                        int v = isdigit((unsigned char)*d) ? *d - '0'
                                : hex && isxdigit((unsigned char)*d)
                                    ? tolower((unsigned char)*d) - 'a' + 10
                                    : -1;
                        if (v < 0 || cp > 0x10FFFF) {
                            cp = 0;
                            break;
                        }
                        cp = cp * (hex ? 16u : 10u) + (uint32_t)v;
                    }
                } else {
                    char name[16];
                    size_t n = (size_t)(semi - r - 1);
                    memcpy(name, r + 1, n);
                    name[n] = '\0';
                    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                    if (e)
                        cp = e->value;
                }
            }
            if (cp && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                w += html_meta_utf8(cp, w);
                r = semi + 1;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

static int html_meta_ieq(const char *a, const char *b) {
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

static int html_meta_istarts(const char *s, const char *lit) {
    for (; *lit; s++, lit++)
        if (tolower((unsigned char)*s) != *lit)
            return 0;
    return 1;
}

static int html_meta_is_url(const char *s) {
    return html_meta_istarts(s, "http://") || html_meta_istarts(s, "https://") ||
           html_meta_istarts(s, "//") || html_meta_istarts(s, "www.");
}

/* ---------------------------------------------------------- candidates */

typedef struct html_meta_field {
    char *val;
    int rank; /* lower is better; 0 = unset */
} html_meta_field;

enum { HM_TITLE, HM_BYLINE, HM_DATE, HM_URL, HM_SITE, HM_BODY, HM_PAGE_TITLE, HM_NFIELDS };

typedef struct html_meta_state {
    html_meta_field f[HM_NFIELDS];
    int oom;
} html_meta_state;

/* Offers s[0..n) for field 'k' at rank 'rank'. */
static void html_meta_offer(html_meta_state *st, int k, int rank, const char *s, size_t n) {
    html_meta_field *f = &st->f[k];
    if (f->rank && f->rank <= rank)
        return;
    char *v = html_meta_squeeze(s, n, &st->oom);
    if (!v)
        return;
    html_meta_unescape(v);
    free(f->val);
    f->val = v;
    f->rank = rank;
}

static void html_meta_offer_z(html_meta_state *st, int k, int rank, const char *s) {
    if (s)
        html_meta_offer(st, k, rank, s, strlen(s));
}

/* A byline candidate: not a URL, without a leading "By ". */
static void html_meta_offer_author(html_meta_state *st, int rank, const char *s) {
    if (!s)
        return;
    while (html_meta_space((unsigned char)*s))
        s++;
    if (!*s || html_meta_is_url(s))
        return;
    if (html_meta_istarts(s, "by "))
        s += 3;
    html_meta_offer_z(st, HM_BYLINE, rank, s);
}

/* ------------------------------------------------------------- JSON-LD */

static int html_meta_is_article_type(const char *t) {
    size_t n = strlen(t);
    static const char *const kinds[] = {"Article",     "BlogPosting",     "Posting", "Report",
                                        "NewsArticle", "LiveBlogPosting", "Review"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t m = strlen(kinds[i]);
        if (n >= m && !strcmp(t + n - m, kinds[i]))
            return 1;
    }
    return 0;
}

static int html_meta_ld_is_article(json_t *o) {
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t))
        return html_meta_is_article_type(json_string_value(t));
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v) if (json_is_string(v) &&
                                        html_meta_is_article_type(json_string_value(v))) return 1;
    }
    return 0;
}

/* Names from an author value: "Name", {"name": ...}, or an array. */
static void html_meta_ld_authors(json_t *a, ch_buf *names, int *oom, int depth) {
    if (depth > 4)
        return;
    const char *name = NULL;
    if (json_is_string(a))
        name = json_string_value(a);
    else if (json_is_object(a)) {
        json_t *n = json_object_get(a, "name");
        if (json_is_string(n))
            name = json_string_value(n);
        else if (json_is_array(n) || json_is_object(n))
            html_meta_ld_authors(n, names, oom, depth + 1);
    } else if (json_is_array(a)) {
        size_t i;
        json_t *v;
        json_array_foreach(a, i, v) html_meta_ld_authors(v, names, oom, depth + 1);
        return;
    }
    if (!name)
        return;
    while (html_meta_space((unsigned char)*name))
        name++;
    if (!*name || html_meta_is_url(name))
        return;
    if (names->len && buf_puts(names, ", ") != 0)
        *oom = 1;
    if (buf_puts(names, name) != 0)
        *oom = 1;
}

static void html_meta_ld_object(html_meta_state *st, json_t *o) {
    int art = html_meta_ld_is_article(o);
    int base = art ? 1 : 6; /* article objects outrank WebPage and the like */
    json_t *v;
    if (json_is_string(v = json_object_get(o, "headline")))
        html_meta_offer_z(st, HM_TITLE, base, json_string_value(v));
    if (json_is_string(v = json_object_get(o, "articleBody")) && art) {
        const char *b = json_string_value(v);
        /* the longest body wins */
        if (!st->f[HM_BODY].val || strlen(b) > strlen(st->f[HM_BODY].val)) {
            free(st->f[HM_BODY].val);
            st->f[HM_BODY].val = NULL;
            st->f[HM_BODY].rank = 0;
            html_meta_offer_z(st, HM_BODY, 1, b);
        }
    }
    if (json_is_string(v = json_object_get(o, "datePublished")))
        html_meta_offer_z(st, HM_DATE, base, json_string_value(v));
    else if (json_is_string(v = json_object_get(o, "dateCreated")))
        html_meta_offer_z(st, HM_DATE, base + 1, json_string_value(v));
    if ((v = json_object_get(o, "author")) && (art || st->f[HM_BYLINE].rank == 0)) {
        ch_buf names = {0};
        html_meta_ld_authors(v, &names, &st->oom, 0);
        if (names.len)
            html_meta_offer(st, HM_BYLINE, base, names.data, names.len);
        buf_free(&names);
    }
    json_t *pub = json_object_get(o, "publisher");
    if (json_is_object(pub) && json_is_string(v = json_object_get(pub, "name")))
        html_meta_offer_z(st, HM_SITE, base + 1, json_string_value(v));
    if (art) {
        if (json_is_string(v = json_object_get(o, "url")) && html_meta_is_url(json_string_value(v)))
            html_meta_offer_z(st, HM_URL, 4, json_string_value(v));
    }
}

static void html_meta_ld_walk(html_meta_state *st, json_t *v, int depth) {
    if (depth > 8 || !v)
        return;
    if (json_is_object(v)) {
        html_meta_ld_object(st, v);
        const char *key;
        json_t *c;
        json_object_foreach(v, key, c) {
            if (json_is_object(c) || json_is_array(c))
                if (strcmp(key, "author") && strcmp(key, "publisher"))
                    html_meta_ld_walk(st, c, depth + 1);
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c) html_meta_ld_walk(st, c, depth + 1);
    }
}

/* Parses one JSON-LD script body, repairing raw control characters inside
 * strings and ignoring wrappers (comments, CDATA) around the value. */
static void html_meta_ld_parse(html_meta_state *st, const char *s) {
    const char *a = s;
    while (*a && *a != '{' && *a != '[')
        a++;
    const char *e = a + strlen(a);
    while (e > a && e[-1] != '}' && e[-1] != ']')
        e--;
    if (e <= a)
        return;
    ch_buf fixed = {0};
    if (buf_reserve(&fixed, (size_t)(e - a) + 16) != 0) {
        st->oom = 1;
        return;
    }
    int in_str = 0;
    for (const char *p = a; p < e; p++) {
        char c = *p;
        if (in_str) {
            if (c == '\\' && p + 1 < e) {
                buf_putc(&fixed, c);
                buf_putc(&fixed, *++p);
                continue;
            }
            if (c == '"')
                in_str = 0;
            else if ((unsigned char)c < 0x20) {
                buf_puts(&fixed, c == '\n' ? "\\n" : c == '\t' ? "\\t" : " ");
                continue;
            }
        } else if (c == '"')
            in_str = 1;
        buf_putc(&fixed, c);
    }
    json_error_t jerr;
    json_t *root = json_loadb(fixed.data, fixed.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    buf_free(&fixed);
    if (!root)
        return;
    html_meta_ld_walk(st, root, 0);
    json_decref(root);
}

/* ---------------------------------------------------------------- DOM */

static const char *html_meta_attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (html_meta_ieq((const char *)a->name, name)) {
            const xmlNode *c = a->children;
            return c && c->content ? (const char *)c->content : "";
        }
    return NULL;
}

typedef struct html_meta_rule {
    const char *key; /* lower case name/property/itemprop */
    int field;
    int rank;
} html_meta_rule;

static const html_meta_rule html_meta_rules[] = {
    {"og:title", HM_TITLE, 2},
    {"twitter:title", HM_TITLE, 3},
    {"headline", HM_TITLE, 3},
    {"og:site_name", HM_SITE, 1},
    {"application-name", HM_SITE, 4},
    {"al:android:app_name", HM_SITE, 5},
    {"og:url", HM_URL, 3},
    {"article:published_time", HM_DATE, 2},
    {"og:article:published_time", HM_DATE, 2},
    {"article:published", HM_DATE, 2},
    {"datepublished", HM_DATE, 2},
    {"pubdate", HM_DATE, 3},
    {"publishdate", HM_DATE, 3},
    {"publish-date", HM_DATE, 3},
    {"publish_date", HM_DATE, 3},
    {"published_time", HM_DATE, 3},
    {"parsely-pub-date", HM_DATE, 3},
    {"sailthru.date", HM_DATE, 3},
    {"dc.date.issued", HM_DATE, 3},
    {"dc.date", HM_DATE, 4},
    {"dcterms.created", HM_DATE, 4},
    {"dcterms.date", HM_DATE, 4},
    {"date", HM_DATE, 4},
    {"original-publish-date", HM_DATE, 4},
    {"article.published", HM_DATE, 4},
    {"datecreated", HM_DATE, 5},
    {"author", HM_BYLINE, 2},
    {"article:author", HM_BYLINE, 3},
    {"parsely-author", HM_BYLINE, 3},
    {"sailthru.author", HM_BYLINE, 3},
    {"byl", HM_BYLINE, 3},
    {"dc.creator", HM_BYLINE, 4},
};

static void html_meta_tag(html_meta_state *st, const xmlNode *n) {
    const char *content = html_meta_attr(n, "content");
    if (!content)
        return;
    const char *keys[3] = {html_meta_attr(n, "property"), html_meta_attr(n, "name"),
                           html_meta_attr(n, "itemprop")};
    for (int k = 0; k < 3; k++) {
        if (!keys[k])
            continue;
        for (size_t r = 0; r < sizeof html_meta_rules / sizeof *html_meta_rules; r++) {
            if (!html_meta_ieq(keys[k], html_meta_rules[r].key))
                continue;
            if (html_meta_rules[r].field == HM_BYLINE)
                html_meta_offer_author(st, html_meta_rules[r].rank, content);
            else
                html_meta_offer_z(st, html_meta_rules[r].field, html_meta_rules[r].rank, content);
        }
    }
}

/* Text of an element, squeezed; NULL when empty or out of memory. */
static char *html_meta_text(const xmlNode *n, int *oom) {
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    char *s = html_meta_squeeze((const char *)c, strlen((const char *)c), oom);
    xmlFree(c);
    return s;
}

static void html_meta_walk(html_meta_state *st, const xmlNode *root) {
    const xmlNode *n = root;
    int seen_time = 0;
    while (n && !st->oom) {
        int descend = n->type == XML_ELEMENT_NODE && n->children;
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            if (!strcmp(name, "meta")) {
                html_meta_tag(st, n);
            } else if (!strcmp(name, "title") && !st->f[HM_PAGE_TITLE].val) {
                char *t = html_meta_text(n, &st->oom);
                if (t) {
                    st->f[HM_PAGE_TITLE].val = t;
                    st->f[HM_PAGE_TITLE].rank = 1;
                }
                descend = 0;
            } else if (!strcmp(name, "link")) {
                const char *rel = html_meta_attr(n, "rel");
                const char *href = html_meta_attr(n, "href");
                if (rel && href && html_meta_ieq(rel, "canonical") && html_meta_is_url(href))
                    html_meta_offer_z(st, HM_URL, 2, href);
            } else if (!strcmp(name, "script")) {
                const char *type = html_meta_attr(n, "type");
                if (type && html_meta_ieq(type, "application/ld+json")) {
                    xmlChar *c = xmlNodeGetContent(n);
                    if (c) {
                        html_meta_ld_parse(st, (const char *)c);
                        xmlFree(c);
                    }
                }
                descend = 0;
            } else if (!strcmp(name, "style")) {
                descend = 0;
            } else {
                const char *ip = html_meta_attr(n, "itemprop");
                if (ip && html_meta_ieq(ip, "datePublished")) {
                    const char *d = html_meta_attr(n, "datetime");
                    if (!d)
                        d = html_meta_attr(n, "content");
                    html_meta_offer_z(st, HM_DATE, 3, d);
                }
                if (!strcmp(name, "time") && !seen_time) {
                    const char *d = html_meta_attr(n, "datetime");
                    if (d) {
                        seen_time = 1;
                        html_meta_offer_z(st, HM_DATE, 7, d);
                    }
                }
            }
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

/* ---------------------------------------------------------------- dates */

static const char *const html_meta_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                               "jul", "aug", "sep", "oct", "nov", "dec"};

static int html_meta_days_in(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int html_meta_put_date(char *out, size_t cap, int y, int mo, int d, int h, int mi, int s,
                              int has_time, int has_tz, int tzmin) {
    if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > html_meta_days_in(y, mo))
        return 0;
    if (has_time && (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60))
        return 0;
    if (!has_time) {
        snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
        return 1;
    }
    if (!has_tz)
        snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
    else if (tzmin == 0)
        snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
    else {
        int a = tzmin < 0 ? -tzmin : tzmin;
        snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, s,
                 tzmin < 0 ? '-' : '+', a / 60, a % 60);
    }
    return 1;
}

/* Reads exactly 'n' digits at *p. */
static int html_meta_digits(const char **p, int n, int *v) {
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return 0;
        x = x * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *v = x;
    return 1;
}

/* "Z", "+01:00", "+0100", "-05", " GMT", " UTC" at p; 1 when a zone. */
static int html_meta_zone(const char *p, int *tzmin) {
    while (*p == ' ')
        p++;
    if (*p == 'Z' || *p == 'z') {
        *tzmin = 0;
        return 1;
    }
    if (html_meta_istarts(p, "gmt") || html_meta_istarts(p, "utc")) {
        p += 3;
        if (*p != '+' && *p != '-') {
            *tzmin = 0;
            return 1;
        }
    }
    if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, h, m = 0;
        p++;
        if (!html_meta_digits(&p, 2, &h))
            return 0;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && !html_meta_digits(&p, 2, &m))
            return 0;
        if (h > 14 || m > 59)
            return 0;
        *tzmin = sign * (h * 60 + m);
        return 1;
    }
    static const struct {
        const char *n;
        int off;
    } z[] = {{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420},
             {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"bst", 60},   {"cet", 60},
             {"cest", 120}, {"wet", 0},    {"west", 60}};
    for (size_t i = 0; i < sizeof z / sizeof *z; i++) {
        size_t l = strlen(z[i].n);
        if (html_meta_istarts(p, z[i].n) && !isalpha((unsigned char)p[l])) {
            *tzmin = z[i].off;
            return 1;
        }
    }
    return 0;
}

/* ISO 8601 and its relatives: 2019-11-19, 2019/11/19, 20191119, with an
 * optional time and zone. */
static int html_meta_iso_like(const char *p, char *out, size_t cap) {
    int y, mo, d, h = 0, mi = 0, s = 0, tz = 0;
    if (!html_meta_digits(&p, 4, &y))
        return 0;
    if (*p == '-' || *p == '/' || *p == '.') {
        char sep = *p++;
        if (!html_meta_digits(&p, 2, &mo) && !html_meta_digits(&p, 1, &mo))
            return 0;
        if (*p++ != sep)
            return 0;
        if (!html_meta_digits(&p, 2, &d) && !html_meta_digits(&p, 1, &d))
            return 0;
    } else if (!html_meta_digits(&p, 2, &mo) || !html_meta_digits(&p, 2, &d))
        return 0;
    if (isdigit((unsigned char)*p))
        return 0;
    int has_time = 0, has_tz = 0;
    if ((*p == 'T' || *p == 't' || *p == ' ') && isdigit((unsigned char)p[1])) {
        p++;
        if (!html_meta_digits(&p, 2, &h))
            return 0;
        if (*p == ':')
            p++;
        if (!html_meta_digits(&p, 2, &mi))
            return 0;
        if (*p == ':' || isdigit((unsigned char)*p)) {
            if (*p == ':')
                p++;
            if (!html_meta_digits(&p, 2, &s))
                return 0;
        }
        if (*p == '.' || *p == ',')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
        has_time = 1;
        has_tz = html_meta_zone(p, &tz);
    }
    return html_meta_put_date(out, cap, y, mo, d, h, mi, s, has_time, has_tz, tz);
}

/* Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm). */
static void html_meta_civil(long long z, int *y, int *m, int *d) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* Free-form dates: words and numbers in any order ("Tue, 19 Nov 2019
 * 10:00:00 GMT", "November 19, 2019 at 3:05 p.m. EST", "19.11.2019"). */
static int html_meta_free_form(const char *p, char *out, size_t cap) {
    int y = -1, mo = -1, d = -1, h = -1, mi = 0, s = 0, tz = 0, has_tz = 0, pm = -1;
    int nums[3], nn = 0;
    while (*p) {
        if (isalpha((unsigned char)*p)) {
            const char *w = p;
            while (isalpha((unsigned char)*p) || *p == '.')
                p++;
            size_t l = (size_t)(p - w);
            int matched = 0;
            if (l >= 3)
                for (int m = 0; m < 12; m++)
                    if (html_meta_istarts(w, html_meta_months[m])) {
                        if (mo < 0)
                            mo = m + 1;
                        matched = 1;
                        break;
                    }
            if (!matched) {
                if ((l >= 2 && html_meta_istarts(w, "pm")) || html_meta_istarts(w, "p.m"))
                    pm = 1;
                else if ((l >= 2 && html_meta_istarts(w, "am")) || html_meta_istarts(w, "a.m"))
                    pm = 0;
                else if (!has_tz && html_meta_zone(w, &tz))
                    has_tz = 1;
            }
            continue;
        }
        if ((*p == '+' || *p == '-') && h >= 0 && !has_tz && isdigit((unsigned char)p[1])) {
            if (html_meta_zone(p, &tz))
                has_tz = 1;
            p++;
            while (isdigit((unsigned char)*p) || *p == ':')
                p++;
            continue;
        }
        if (isdigit((unsigned char)*p)) {
            const char *st = p;
            long long v = 0;
            while (isdigit((unsigned char)*p) && p - st < 12)
                v = v * 10 + (*p++ - '0');
            size_t l = (size_t)(p - st);
            if (*p == ':' && l <= 2 && h < 0) { /* a time */
                h = (int)v;
                p++;
                const char *q = p;
                if (!html_meta_digits(&q, 2, &mi))
                    return 0;
                p = q;
                if (*p == ':') {
                    q = p + 1;
                    if (html_meta_digits(&q, 2, &s))
                        p = q;
                }
                if (*p == '.')
                    for (p++; isdigit((unsigned char)*p); p++)
                        ;
                continue;
            }
            if (l == 4 && y < 0)
                y = (int)v;
            else if (l <= 2 && nn < 3)
                nums[nn++] = (int)v;
            else if (l == 10 && y < 0 && mo < 0 && nn == 0) { /* Unix time */
                long long days = v / 86400, rem = v % 86400;
                html_meta_civil(days, &y, &mo, &d);
                return html_meta_put_date(out, cap, y, mo, d, (int)(rem / 3600),
                                          (int)(rem % 3600 / 60), (int)(rem % 60), 1, 1, 0);
            }
            if (*p == 's' || *p == 'n' || *p == 'r' || *p == 't') /* 1st 2nd 3rd 4th */
                while (isalpha((unsigned char)*p))
                    p++;
            continue;
        }
        p++;
    }
    if (y < 0)
        return 0;
    if (mo > 0) {
        if (nn < 1)
            return 0;
        d = nums[0];
    } else {
        /* numeric day and month: only when unambiguous */
        if (nn < 2)
            return 0;
        if (nums[0] > 12 && nums[1] <= 12)
            d = nums[0], mo = nums[1];
        else if (nums[1] > 12 && nums[0] <= 12)
            mo = nums[0], d = nums[1];
        else
            return 0;
    }
    int has_time = h >= 0;
    if (has_time && pm >= 0) {
        if (h < 1 || h > 12)
            return 0;
        if (pm && h != 12)
            h += 12;
        if (!pm && h == 12)
            h = 0;
    }
    return html_meta_put_date(out, cap, y, mo, d, has_time ? h : 0, mi, s, has_time, has_tz, tz);
}

int html_meta_iso_date(const char *s, char *out, size_t cap) {
    if (cap)
        out[0] = '\0';
    if (!s || cap < 26)
        return 0;
    while (html_meta_space((unsigned char)*s))
        s++;
    if (strlen(s) > 200)
        return 0;
    if (html_meta_iso_like(s, out, cap))
        return 1;
    /* "2019-13-01" is a broken ISO date, not a free-form one */
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
        isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
        (s[4] == '-' || s[4] == '/')) {
        out[0] = '\0';
        return 0;
    }
    if (html_meta_free_form(s, out, cap))
        return 1;
    out[0] = '\0';
    return 0;
}

/* ------------------------------------------------------------------ API */

/* "Headline | Site" -> "Headline" when the tail is the site's name or a
 * short tail after the last separator. Works in place. */
static void html_meta_clean_title(char *t, const char *site) {
    static const char *const seps[] = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xBB ", " \xC2\xAB ",     " / "};
    char *cut = NULL;
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        char *p = t, *last = NULL;
        while ((p = strstr(p, seps[i])) != NULL)
            last = p++;
        if (last && (!cut || last > cut))
            cut = last;
    }
    if (!cut || cut == t)
        return;
    const char *tail = cut;
    while (*tail == ' ')
        tail++;
    while (*tail && *tail != ' ')
        tail++; /* the separator */
    while (*tail == ' ')
        tail++;
    size_t words = 1;
    for (const char *q = tail; *q; q++)
        if (*q == ' ')
            words++;
    if ((site && html_meta_ieq(tail, site)) || words <= 4)
        *cut = '\0';
}

static char *html_meta_host(const char *url, int *oom) {
    const char *p = strstr(url, "://");
    p = p ? p + 3 : (url[0] == '/' && url[1] == '/' ? url + 2 : url);
    if (html_meta_istarts(p, "www."))
        p += 4;
    size_t n = strcspn(p, "/:?#");
    if (!n)
        return NULL;
    return html_meta_squeeze(p, n, oom);
}

int html_meta_read(const html_page *pg, const char *url, html_meta *m) {
    html_meta_state st;
    memset(&st, 0, sizeof st);
    if (url && *url)
        html_meta_offer_z(&st, HM_URL, 1, url);
    const xmlNode *root = pg->doc ? xmlDocGetRootElement(pg->doc) : NULL;
    if (root)
        html_meta_walk(&st, root);
    if (st.f[HM_PAGE_TITLE].val && !st.oom) {
        char *t =
            html_meta_squeeze(st.f[HM_PAGE_TITLE].val, strlen(st.f[HM_PAGE_TITLE].val), &st.oom);
        if (t) {
            html_meta_clean_title(t, st.f[HM_SITE].val);
            html_meta_offer_z(&st, HM_TITLE, 4, t);
            free(t);
        }
    }
    if (!st.f[HM_SITE].val && st.f[HM_URL].val && !st.oom) {
        st.f[HM_SITE].val = html_meta_host(st.f[HM_URL].val, &st.oom);
        st.f[HM_SITE].rank = 9;
    }
    if (st.f[HM_DATE].val && !st.oom) {
        char iso[64];
        if (html_meta_iso_date(st.f[HM_DATE].val, iso, sizeof iso)) {
            char *d = html_meta_squeeze(iso, strlen(iso), &st.oom);
            if (d) {
                free(st.f[HM_DATE].val);
                st.f[HM_DATE].val = d;
            }
        }
    }
    /* a byline naming the site or a publishing tool's default user */
    const char *by = st.f[HM_BYLINE].val;
    if (by && (html_meta_ieq(by, "admin") || html_meta_ieq(by, "administrator") ||
               (st.f[HM_SITE].val && html_meta_ieq(by, st.f[HM_SITE].val)))) {
        free(st.f[HM_BYLINE].val);
        st.f[HM_BYLINE].val = NULL;
    }
    m->title = st.f[HM_TITLE].val;
    m->byline = st.f[HM_BYLINE].val;
    m->date = st.f[HM_DATE].val;
    m->url = st.f[HM_URL].val;
    m->site = st.f[HM_SITE].val;
    m->body = st.f[HM_BODY].val;
    m->page_title = st.f[HM_PAGE_TITLE].val;
    if (st.oom) {
        html_meta_free(m);
        return -1;
    }
    return 0;
}

void html_meta_free(html_meta *m) {
    free(m->title);
    free(m->byline);
    free(m->date);
    free(m->url);
    free(m->site);
    free(m->body);
    free(m->page_title);
    memset(m, 0, sizeof *m);
}
