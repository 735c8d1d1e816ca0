/*
 * html_guard.c - keeps libxml2's HTML parser linear and lossless on
 * pathological markup. See html.h.
 *
 * Why: libxml2 stops building the tree at 256 levels of nesting unless told
 * XML_PARSE_HUGE (and then everything after the deep point is lost), and
 * with XML_PARSE_HUGE it scans its whole stack of open elements for every
 * end tag that closes nothing, and its whole attribute list for every
 * attribute: 100,000 nested <span>s followed by stray end tags take
 * minutes. So before parsing, one pass over the page tokenizes tags the way
 * libxml2 does (comments, <!...>, <?...>, script and style as raw text,
 * quoted attribute values) and simulates its stack of open elements:
 *
 *   - a start tag of a non-empty element pushes (empty elements per
 *     libxml2's own table, htmlTagLookup); beyond HTML_GUARD_MAX_DEPTH it
 *     is blanked instead, so its text joins the element at the limit;
 *   - an end tag pops up to the nearest open element of its name, unless
 *     libxml2's end-tag priorities forbid it (a </div> does not close a
 *     <table>); when it closes nothing and the stack is deeper than
 *     HTML_GUARD_STRAY_DEPTH, it is blanked (libxml2 would ignore it after
 *     a scan of the whole stack);
 *   - attributes past the HTML_GUARD_MAX_ATTRS-th of a tag are blanked, and
 *     all attributes of <html>/<head>/<body> repeated more than 16 times.
 *
 * The simulation ignores start tags that implicitly close others (a <p>
 * closing an open <p>), so its stack is never shallower than libxml2's:
 * the bounds hold for the real parser. Every lookup is O(1): per name the
 * position of its topmost open element (positions of one name form a
 * linked stack), per priority class the topmost position likewise.
 * Blanking writes spaces over the construct, so no offset moves.
 */
#include "doc/html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"
#include "util/vec.h"

#define HTML_GUARD_STRAY_DEPTH 16
#define HTML_GUARD_MAX_ATTRS 128
#define HTML_GUARD_MAX_REPEAT 16
#define HTML_GUARD_NPRIO 8
#define HTML_GUARD_NONE SIZE_MAX

typedef struct html_guard_name {
    size_t top;        /* stack position of the topmost open one, or NONE */
    size_t count;      /* open ones */
    size_t seen;       /* start tags seen (for html/head/body) */
    unsigned char cls; /* priority class */
    unsigned char empty;
    unsigned char special; /* html, head, body */
} html_guard_name;

typedef struct html_guard_entry {
    uint32_t name;
    size_t prev_same;  /* previous position with the same name */
    size_t prev_class; /* previous position with the same priority class */
} html_guard_entry;

typedef struct html_guard {
    ch_strmap *names;
    html_guard_name *info;
    size_t n_info, info_cap;
    html_guard_entry *stack;
    size_t depth, stack_cap;
    size_t class_top[HTML_GUARD_NPRIO];
    size_t blanked;
    int oom;
} html_guard_state;

/* libxml2's end-tag priorities (HTMLparser.c, htmlEndPriority), as
 * classes in increasing order; class 0 is the default priority 100. */
static unsigned char html_guard_class(const char *name) {
    static const struct {
        const char *name;
        unsigned char cls;
    } t[] = {{"div", 1},   {"td", 2},    {"th", 2},   {"tr", 3},   {"thead", 4}, {"tbody", 4},
             {"tfoot", 4}, {"table", 5}, {"head", 6}, {"body", 6}, {"html", 7}};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!strcmp(name, t[i].name))
            return t[i].cls;
    return 0;
}

static int html_guard_name_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '-' || c == '_' || c == '.';
}

static int html_guard_name_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

/* ASCII case-insensitive comparison of n bytes with lower-case 'lit'. */
static int html_guard_ieq(const char *s, const char *lit, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return 0;
    }
    return 1;
}

static int html_guard_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Interns the lower-cased tag name s[0..n) (libxml2 keeps 100 bytes). */
static uint32_t html_guard_intern(html_guard_state *g, const char *s, size_t n) {
    char low[101];
    if (n > 100)
        n = 100;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    low[n] = '\0';
    int is_new = 0;
    uint32_t id = strmap_intern(g->names, low, n, &is_new);
    if (id == STRMAP_NONE) {
        g->oom = 1;
        return STRMAP_NONE;
    }
    if (is_new) {
        html_guard_name ni;
        memset(&ni, 0, sizeof ni);
        ni.top = HTML_GUARD_NONE;
        ni.cls = html_guard_class(low);
        const htmlElemDesc *d = htmlTagLookup((const xmlChar *)low);
        ni.empty = d && d->empty;
        ni.special = !strcmp(low, "html") || !strcmp(low, "head") || !strcmp(low, "body");
        if (VEC_PUSH(g->info, g->n_info, g->info_cap, ni) != 0) {
            g->oom = 1;
            return STRMAP_NONE;
        }
    }
    return id;
}

static void html_guard_blank(html_guard_state *g, char *s, size_t from, size_t to) {
    memset(s + from, ' ', to - from);
    g->blanked++;
}

static void html_guard_pop(html_guard_state *g) {
    html_guard_entry *e = &g->stack[--g->depth];
    html_guard_name *ni = &g->info[e->name];
    ni->top = e->prev_same;
    ni->count--;
    g->class_top[ni->cls] = e->prev_class;
}

static int html_guard_push(html_guard_state *g, uint32_t id) {
    if (VEC_RESERVE(g->stack, g->stack_cap, g->depth + 1) != 0) {
        g->oom = 1;
        return -1;
    }
    html_guard_name *ni = &g->info[id];
    html_guard_entry e = {id, ni->top, g->class_top[ni->cls]};
    ni->top = g->depth;
    ni->count++;
    g->class_top[ni->cls] = g->depth;
    g->stack[g->depth++] = e;
    return 0;
}

/* Skips the attributes of a tag from *pos; returns the offset of its '>'
 * (or n). Blanks attributes past the limit ('keep' of them kept). */
static size_t html_guard_attrs(html_guard_state *g, char *s, size_t n, size_t pos, size_t keep,
                               int *self_closing) {
    size_t i = pos, nattr = 0, blank_from = HTML_GUARD_NONE;
    *self_closing = 0;
    for (;;) {
        while (i < n && (html_guard_space((unsigned char)s[i]) || s[i] == '/')) {
            if (s[i] == '/' && i + 1 < n && s[i + 1] == '>')
                *self_closing = 1;
            i++;
        }
        if (i >= n || s[i] == '>')
            break;
        if (s[i] == '<') /* libxml2 ends a broken tag at the next '<' */
            break;
        size_t attr_start = i;
        while (i < n && s[i] != '=' && s[i] != '>' && s[i] != '<' &&
               !html_guard_space((unsigned char)s[i]) && s[i] != '/')
            i++;
        if (i == attr_start) { /* a lone '=' */
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && html_guard_space((unsigned char)s[j]))
            j++;
        if (j < n && s[j] == '=') {
            j++;
            while (j < n && html_guard_space((unsigned char)s[j]))
                j++;
            if (j < n && (s[j] == '"' || s[j] == '\'')) {
                const char *q = memchr(s + j + 1, s[j], n - j - 1);
                j = q ? (size_t)(q - s) + 1 : n;
            } else {
                while (j < n && s[j] != '>' && !html_guard_space((unsigned char)s[j]))
                    j++;
            }
            i = j;
        }
        nattr++;
        if (nattr > keep && blank_from == HTML_GUARD_NONE)
            blank_from = attr_start;
    }
    if (blank_from != HTML_GUARD_NONE) {
        size_t to = i;
        if (*self_closing && to > blank_from && s[to - 1] == '/')
            to--;
        html_guard_blank(g, s, blank_from, to);
    }
    return i;
}

/* Finds the case-insensitive "</name" closing a raw text element from
 * 'from'; returns its offset or n. */
static size_t html_guard_raw_end(const char *s, size_t n, size_t from, const char *name) {
    size_t m = strlen(name);
    size_t i = from;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            return n;
        i = (size_t)(lt - s);
        if (i + 2 + m <= n && s[i + 1] == '/') {
            size_t k = 0;
            while (k < m) {
                char c = s[i + 2 + k];
                if (c >= 'A' && c <= 'Z')
                    c = (char)(c + 32);
                if (c != name[k])
                    break;
                k++;
            }
            if (k == m)
                return i;
        }
        i++;
    }
    return n;
}

static void html_guard_end_tag(html_guard_state *g, char *s, size_t tag_start, size_t tag_end,
                               uint32_t id) {
    html_guard_name *ni = &g->info[id];
    int closes = 0;
    if (ni->count > 0 && !ni->special) {
        closes = 1;
        /* libxml2: an end tag cannot close elements of higher priority */
        for (unsigned c = (unsigned)ni->cls + 1; c < HTML_GUARD_NPRIO; c++)
            if (g->class_top[c] != HTML_GUARD_NONE && g->class_top[c] > ni->top) {
                closes = 0;
                break;
            }
    }
    if (closes) {
        size_t target = ni->top;
        while (g->depth > target)
            html_guard_pop(g);
        return;
    }
    if (ni->special) {
        /* </body> and kin: libxml2 treats them itself; only a flood of them
         * is dangerous */
        ni->seen++;
        if (ni->seen <= HTML_GUARD_MAX_REPEAT || g->depth <= HTML_GUARD_STRAY_DEPTH)
            return;
    } else if (g->depth <= HTML_GUARD_STRAY_DEPTH)
        return;
    html_guard_blank(g, s, tag_start, tag_end);
}

size_t html_guard(char *s, size_t n) {
    html_guard_state g;
    memset(&g, 0, sizeof g);
    for (int c = 0; c < HTML_GUARD_NPRIO; c++)
        g.class_top[c] = HTML_GUARD_NONE;
    g.names = strmap_new();
    if (!g.names)
        return (size_t)-1;
    size_t i = 0;
    while (i < n && !g.oom) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 1 >= n)
            break;
        unsigned char c1 = (unsigned char)s[i + 1];
        if (c1 == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
            size_t j = i + 4;
            const char *e = NULL;
            while (j + 3 <= n) {
                const char *d = memchr(s + j, '-', n - j);
                if (!d || (size_t)(d - s) + 3 > n)
                    break;
                if (d[1] == '-' && d[2] == '>') {
                    e = d;
                    break;
                }
                j = (size_t)(d - s) + 1;
            }
            if (!e)
                break; /* unterminated comment: the rest is comment */
            i = (size_t)(e - s) + 3;
        } else if (c1 == '!' || c1 == '?') {
            const char *gt = memchr(s + i + 1, '>', n - i - 1);
            if (!gt)
                break;
            i = (size_t)(gt - s) + 1;
        } else if (c1 == '/' && i + 2 < n && html_guard_name_start((unsigned char)s[i + 2])) {
            size_t st = i + 2, e = st;
            while (e < n && html_guard_name_char((unsigned char)s[e]))
                e++;
            uint32_t id = html_guard_intern(&g, s + st, e - st);
            if (id == STRMAP_NONE)
                break;
            const char *gt = memchr(s + e, '>', n - e);
            size_t end = gt ? (size_t)(gt - s) + 1 : n;
            html_guard_end_tag(&g, s, i, end, id);
            i = end;
        } else if (html_guard_name_start(c1)) {
            size_t st = i + 1, e = st;
            while (e < n && html_guard_name_char((unsigned char)s[e]))
                e++;
            uint32_t id = html_guard_intern(&g, s + st, e - st);
            if (id == STRMAP_NONE)
                break;
            html_guard_name *ni = &g.info[id];
            size_t keep = HTML_GUARD_MAX_ATTRS;
            if (ni->special && ++ni->seen > HTML_GUARD_MAX_REPEAT)
                keep = 0;
            int self_closing;
            size_t gtpos = html_guard_attrs(&g, s, n, e, keep, &self_closing);
            size_t end = gtpos < n && s[gtpos] == '>' ? gtpos + 1 : gtpos;
            ni = &g.info[id];
            size_t nl = e - st;
            int raw = (nl == 6 && html_guard_ieq(s + st, "script", 6)) ||
                      (nl == 5 && html_guard_ieq(s + st, "style", 5));
            if (!ni->empty && !self_closing && !ni->special && !raw) {
                if (g.depth >= HTML_GUARD_MAX_DEPTH)
                    html_guard_blank(&g, s, i, end);
                else if (html_guard_push(&g, id) != 0)
                    break;
            }
            i = end;
            if (raw && !self_closing) {
                /* skip the raw text and its end tag, which closes nothing
                 * in the simulation (raw elements are never pushed) */
                i = html_guard_raw_end(s, n, i, nl == 6 ? "script" : "style");
                const char *gt = i < n ? memchr(s + i, '>', n - i) : NULL;
                i = gt ? (size_t)(gt - s) + 1 : n;
            }
        } else {
            i++;
        }
    }
    size_t blanked = g.oom ? (size_t)-1 : g.blanked;
    strmap_free(g.names);
    free(g.info);
    free(g.stack);
    return blanked;
}
