/*
 * read_duc.c - DUC / TREC newswire in NIST's SGML, and the DUC directory
 * layout around it.
 *
 *   DIR/../duc2006_topics.sgml      <topic><num> D0601A </num><title> ...
 *   DIR/../models/D0601.M.250.A.A   reference summaries of D0601A
 *   DIR/D0601A/APW19990707.0181     <DOC> <DOCNO> <DATE_TIME> <HEADLINE>
 *                                   <TEXT> <P> ... </P> ... </TEXT> </DOC>
 *
 * Clusters come in name order, their files in name order, and the <DOC>s of
 * a file in file order. A cluster's references are the files of ../models
 * named "<cluster without its final letter>." (D0601A -> D0601.*, compared
 * without regard to case, so DUC 2004's d30001t matches D30001.M.100.T.A);
 * its query is its topic's title + ". " + narrative.
 *
 * The SGML is scanned, not validated: tag names match without regard to
 * case, a missing end tag ends the element where the enclosing one ends
 * (or, for one-line fields like <num>, at the next tag), and every search is
 * bounded by the next element of the same kind, so the work stays linear
 * in the input however it is mangled. Document text:
 * - <P> and </P> separate paragraphs; inside a paragraph hard-wrapped lines
 *   stay lines (trimmed). A <TEXT> without <P> starts a paragraph at a blank
 *   line, or at an indented line when only some lines are indented.
 * - Paragraphs are joined by a blank line; several <TEXT>s likewise.
 * - Other tags are removed; <ANNOTATION> elements (editors' notes such as
 *   "STORY CAN END HERE") are removed with their content.
 * - Entities: &amp; &lt; &gt; &quot; &apos; &nbsp; and &#N; / &#xN; are
 *   decoded (any case); &HT; is a space; the wire services' typesetting
 *   codes &QL; &QC; &QR; &UL; &UR; &LL; &LR; &CxNN; are removed; any other
 *   entity is kept as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/reader.h"
#include "text/utf8.h"
#include "util/vec.h"

#define DUC_NONE ((size_t)-1)
#define DUC_MAX_TAG 1024 /* a '<' not closed within this many bytes is text */

static int reader_duc_lower(int c) {
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int reader_duc_ieq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (reader_duc_lower((unsigned char)a[i]) != reader_duc_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

static int reader_duc_alpha(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
static int reader_duc_alnum(char c) {
    return reader_duc_alpha(c) || (c >= '0' && c <= '9');
}
static int reader_duc_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* End of a tag whose name ends at 'q': just past its '>', or 'q' when there
 * is no '>' near. */
static size_t reader_duc_tag_end(const char *b, size_t q, size_t end) {
    size_t span = end - q < DUC_MAX_TAG ? end - q : DUC_MAX_TAG;
    const char *gt = memchr(b + q, '>', span);
    return gt ? (size_t)(gt - b) + 1 : q;
}

/* The next <name ...> (closing: </name>) in [from, end): the offset of its
 * '<', or DUC_NONE; *after is set just past the tag. */
static size_t reader_duc_tag(const char *b, size_t from, size_t end, const char *name, int closing,
                             size_t *after) {
    size_t k = strlen(name);
    while (from < end) {
        const char *p = memchr(b + from, '<', end - from);
        if (!p)
            return DUC_NONE;
        size_t at = (size_t)(p - b), q = at + 1;
        from = at + 1;
        if (closing) {
            if (q >= end || b[q] != '/')
                continue;
            q++;
        }
        if (end - q >= k && reader_duc_ieq(b + q, name, k) &&
            (q + k == end || b[q + k] == '>' || reader_duc_space(b[q + k]))) {
            *after = reader_duc_tag_end(b, q + k, end);
            return at;
        }
    }
    return DUC_NONE;
}

/* Finds element 'name' in [from, end): content [*cs, *ce), and *next just
 * past its end tag. Without an end tag the content runs to 'end', or to the
 * next tag of any kind when 'short_field'. 0 when found, -1 when not. */
static int reader_duc_elem(const char *b, size_t from, size_t end, const char *name,
                           int short_field, size_t *cs, size_t *ce, size_t *next) {
    size_t after;
    if (reader_duc_tag(b, from, end, name, 0, &after) == DUC_NONE)
        return -1;
    *cs = after;
    size_t cafter;
    size_t close = reader_duc_tag(b, after, end, name, 1, &cafter);
    if (close != DUC_NONE) {
        *ce = close;
        *next = cafter;
        return 0;
    }
    *ce = end;
    if (short_field) {
        const char *lt = memchr(b + after, '<', end - after);
        if (lt)
            *ce = (size_t)(lt - b);
    }
    *next = *ce;
    return 0;
}

/* ------------------------------------------------------------ cleaning */

static int reader_duc_put_cp(ch_buf *out, unsigned long cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    return buf_append(out, u, n);
}

/* Decodes the entity at b[i] == '&' into 'out'; returns the offset after
 * it, or (size_t)-1 when out of memory. */
static size_t reader_duc_entity(ch_buf *out, const char *b, size_t i, size_t e) {
    size_t j = i + 1, lim = e - i > 16 ? i + 16 : e;
    while (j < lim && (reader_duc_alnum(b[j]) || (j == i + 1 && b[j] == '#')))
        j++;
    const char *nm = b + i + 1;
    size_t n = j - i - 1;
    int rc = 0;
    if (j >= e || b[j] != ';' || n == 0) {
        rc = buf_putc(out, '&');
        return rc ? DUC_NONE : i + 1;
    }
    static const struct {
        const char *name;
        const char *text;
    } named[] = {{"amp", "&"},   {"lt", "<"},   {"gt", ">"},
                 {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xc2\xa0"}};
    static const char *const typeset[] = {"QL", "QC", "QR", "UL", "UR", "LL", "LR"};
    if (nm[0] == '#') {
        unsigned long cp = 0;
        size_t k = 1;
        int hex = n > 1 && (nm[1] == 'x' || nm[1] == 'X');
        k += (size_t)hex;
        int ok = k < n;
        for (; k < n && ok; k++) {
            int c = (unsigned char)nm[k], d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && reader_duc_lower(c) >= 'a' && reader_duc_lower(c) <= 'f')
                d = reader_duc_lower(c) - 'a' + 10;
            else
                d = -1;
            if (d < 0 || cp > 0x10ffff)
                ok = 0;
            else
                cp = cp * (hex ? 16 : 10) + (unsigned long)d;
        }
        if (ok && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff))
            rc = reader_duc_put_cp(out, cp);
        else
            rc = buf_append(out, b + i, j + 1 - i);
        return rc ? DUC_NONE : j + 1;
    }
    for (size_t t = 0; t < sizeof named / sizeof named[0]; t++)
        if (strlen(named[t].name) == n && reader_duc_ieq(nm, named[t].name, n)) {
            rc = buf_puts(out, named[t].text);
            return rc ? DUC_NONE : j + 1;
        }
    if (n == 2 && memcmp(nm, "HT", 2) == 0)
        return buf_putc(out, ' ') ? DUC_NONE : j + 1;
    for (size_t t = 0; t < sizeof typeset / sizeof typeset[0]; t++)
        if (n == 2 && memcmp(nm, typeset[t], 2) == 0)
            return j + 1;
    if (n == 4 && nm[0] == 'C' && nm[1] == 'x' && reader_duc_alnum(nm[2]) &&
        reader_duc_alnum(nm[3]))
        return j + 1;
    rc = buf_append(out, b + i, j + 1 - i);
    return rc ? DUC_NONE : j + 1;
}

/* Appends [s, e) to 'out' with tags removed and entities decoded (see the
 * top of the file); <P> and </P> become a blank line and set *has_p. 0, or
 * -1 when out of memory. */
static int reader_duc_clean(ch_buf *out, const char *b, size_t s, size_t e, int *has_p) {
    size_t i = s;
    int no_ann_close = 0; /* no </ANNOTATION> after the last search point */
    while (i < e) {
        size_t j = i;
        while (j < e && b[j] != '<' && b[j] != '&')
            j++;
        if (j > i && buf_append(out, b + i, j - i) != 0)
            return -1;
        i = j;
        if (i >= e)
            break;
        if (b[i] == '&') {
            i = reader_duc_entity(out, b, i, e);
            if (i == DUC_NONE)
                return -1;
            continue;
        }
        size_t q = i + 1;
        int closing = q < e && b[q] == '/';
        q += (size_t)closing;
        int bang = q < e && b[q] == '!'; /* <!-- ... --> or a declaration */
        q += (size_t)bang;
        size_t ns = q;
        while (q < e && (reader_duc_alnum(b[q]) || b[q] == '_' || b[q] == '-' || b[q] == ':'))
            q++;
        int is_tag = bang || (q > ns && reader_duc_alpha(b[ns]));
        size_t tend = is_tag ? reader_duc_tag_end(b, q, e) : q;
        if (tend == q) { /* not a tag: a literal '<' */
            if (buf_putc(out, '<') != 0)
                return -1;
            i++;
            continue;
        }
        size_t nl = q - ns;
        if (nl == 1 && reader_duc_lower((unsigned char)b[ns]) == 'p') {
            *has_p = 1;
            if (buf_puts(out, "\n\n") != 0)
                return -1;
        } else if (!closing && nl == 10 && reader_duc_ieq(b + ns, "ANNOTATION", 10)) {
            size_t cafter = 0;
            size_t close =
                no_ann_close ? DUC_NONE : reader_duc_tag(b, tend, e, "ANNOTATION", 1, &cafter);
            if (close == DUC_NONE)
                no_ann_close = 1; /* unclosed: drop the tag alone */
            else
                tend = cafter;
            if (buf_puts(out, "\n\n") != 0)
                return -1;
        }
        i = tend;
    }
    return 0;
}

/* Appends the paragraphs of cleaned text t[0, n) to 'out' (see the top of
 * the file). 0, or -1 when out of memory. */
static int reader_duc_paragraphs(ch_buf *out, const char *t, size_t n, int has_p) {
    int any_indented = 0, any_flush = 0;
    for (size_t ls = 0; ls < n;) {
        const char *nlp = memchr(t + ls, '\n', n - ls);
        size_t le = nlp ? (size_t)(nlp - t) : n;
        size_t a = ls;
        while (a < le && reader_duc_space(t[a]))
            a++;
        if (a < le) {
            if (t[ls] == '\t' || (le - ls >= 2 && t[ls] == ' ' && t[ls + 1] == ' '))
                any_indented = 1;
            else
                any_flush = 1;
        }
        ls = le + 1;
    }
    int indent = !has_p && any_indented && any_flush;
    int in_para = 0, brk = 0;
    for (size_t ls = 0; ls < n;) {
        const char *nlp = memchr(t + ls, '\n', n - ls);
        size_t le = nlp ? (size_t)(nlp - t) : n;
        size_t a = ls, z = le;
        while (a < z && reader_duc_space(t[a]))
            a++;
        while (z > a && reader_duc_space(t[z - 1]))
            z--;
        int indented = t[ls] == '\t' || (le - ls >= 2 && t[ls] == ' ' && t[ls + 1] == ' ');
        if (a == z) {
            brk = 1;
        } else {
            if (indent && indented)
                brk = 1;
            const char *sep = NULL;
            if (in_para)
                sep = brk ? "\n\n" : "\n";
            else if (out->len > 0)
                sep = "\n\n";
            if (sep && buf_puts(out, sep) != 0)
                return -1;
            if (buf_append(out, t + a, z - a) != 0)
                return -1;
            in_para = 1;
            brk = 0;
        }
        ls = le + 1;
    }
    return 0;
}

/* A one-line field: cleaned, whitespace collapsed to single spaces,
 * trimmed; an arena string, "" when empty, NULL when out of memory. */
static char *reader_duc_inline(ch_arena *a, ch_buf *tmp, const char *b, size_t s, size_t e) {
    int has_p = 0;
    buf_clear(tmp);
    if (reader_duc_clean(tmp, b, s, e, &has_p) != 0)
        return NULL;
    size_t w = 0;
    int sp = 0;
    for (size_t i = 0; i < tmp->len; i++) {
        char c = tmp->data[i];
        if (reader_duc_space(c)) {
            sp = w > 0;
            continue;
        }
        if (sp)
            tmp->data[w++] = ' ';
        sp = 0;
        tmp->data[w++] = c;
    }
    return arena_strndup(a, tmp->data ? tmp->data : "", w);
}

/* ------------------------------------------------------------ documents */

static chorus_status reader_duc_nomem(reader_cluster *c) {
    return reader_cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
}

/* The first of several alternative one-line fields, or NULL. */
static chorus_status reader_duc_field(reader_cluster *c, const char *b, size_t s, size_t e,
                                      const char *const *names, const char **out) {
    *out = NULL;
    for (; *names; names++) {
        size_t cs, ce, next;
        if (reader_duc_elem(b, s, e, *names, 0, &cs, &ce, &next) != 0)
            continue;
        char *v = reader_duc_inline(c->arena, &c->scratch, b, cs, ce);
        if (!v)
            return reader_duc_nomem(c);
        if (v[0]) {
            *out = v;
            return CHORUS_OK;
        }
    }
    return CHORUS_OK;
}

/* One <DOC> whose content is [s, e); 'k' counts the DOCs of this input. */
static chorus_status reader_duc_doc(reader_cluster *c, const char *b, size_t s, size_t e,
                                    const char *name, size_t k) {
    static const char *const f_docno[] = {"DOCNO", NULL};
    static const char *const f_date[] = {"DATE_TIME", "DATE", NULL};
    static const char *const f_title[] = {"HEADLINE", "HL", "HEAD", NULL};
    chorus_doc_meta m;
    memset(&m, 0, sizeof m);
    chorus_status st;
    if ((st = reader_duc_field(c, b, s, e, f_docno, &m.id)) != CHORUS_OK ||
        (st = reader_duc_field(c, b, s, e, f_date, &m.date)) != CHORUS_OK ||
        (st = reader_duc_field(c, b, s, e, f_title, &m.title)) != CHORUS_OK)
        return st;
    if (m.id && reader_docno_source(c, m.id, &m.source) != 0)
        return reader_duc_nomem(c);
    if (!m.id) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "#%zu", k + 1);
        size_t nl = strlen(name), tl = k ? strlen(tmp) : 0;
        char *id = arena_alloc(c->arena, nl + tl + 1);
        if (!id)
            return reader_duc_nomem(c);
        memcpy(id, name, nl);
        memcpy(id + nl, tmp, tl);
        id[nl + tl] = '\0';
        m.id = id;
    }
    ch_buf text = {0};
    size_t pos = s, cs, ce, next;
    while (pos < e && reader_duc_elem(b, pos, e, "TEXT", 0, &cs, &ce, &next) == 0) {
        int has_p = 0;
        buf_clear(&c->scratch);
        if (reader_duc_clean(&c->scratch, b, cs, ce, &has_p) != 0 ||
            reader_duc_paragraphs(&text, c->scratch.data ? c->scratch.data : "", c->scratch.len,
                                  has_p) != 0) {
            buf_free(&text);
            return reader_duc_nomem(c);
        }
        pos = next > pos ? next : e;
    }
    if (text.len == 0) {
        buf_free(&text);
        c->n_empty++; /* a DOC without text */
        return CHORUS_OK;
    }
    size_t len = text.len;
    char *p = buf_detach(&text, NULL);
    if (!p || reader_cluster_own(c, p) != 0 || reader_cluster_add_doc(c, &m, p, len) != 0)
        return reader_duc_nomem(c);
    return CHORUS_OK;
}

chorus_status reader_duc_parse_sgml(reader_cluster *c, const char *b, size_t len,
                                    const char *name) {
    if (!c->arena && !(c->arena = arena_new(0)))
        return reader_duc_nomem(c);
    if (!name)
        name = "doc";
    size_t pos = 0, k = 0;
    for (;;) {
        size_t after, next_after, close_after;
        if (reader_duc_tag(b, pos, len, "DOC", 0, &after) == DUC_NONE)
            break;
        size_t nd = reader_duc_tag(b, after, len, "DOC", 0, &next_after);
        size_t lim = nd == DUC_NONE ? len : nd;
        size_t close = reader_duc_tag(b, after, lim, "DOC", 1, &close_after);
        if (close == DUC_NONE)
            close = close_after = lim;
        chorus_status st = reader_duc_doc(c, b, after, close, name, k++);
        if (st != CHORUS_OK)
            return st;
        pos = close_after > pos ? close_after : len;
    }
    if (k == 0)
        return reader_cluster_fail(c, CHORUS_ERR_FORMAT, "no <DOC> element (not NIST SGML)");
    return CHORUS_OK;
}

/* ------------------------------------------------------------ topics */

chorus_status reader_duc_parse_topics(const char *b, size_t len, ch_arena *a, reader_topic **topics,
                                      size_t *n, size_t *cap) {
    ch_buf tmp = {0};
    chorus_status st = CHORUS_OK;
    size_t pos = 0;
    for (;;) {
        size_t after, next_after, close_after;
        if (reader_duc_tag(b, pos, len, "topic", 0, &after) == DUC_NONE)
            break;
        size_t nt = reader_duc_tag(b, after, len, "topic", 0, &next_after);
        size_t lim = nt == DUC_NONE ? len : nt;
        size_t close = reader_duc_tag(b, after, lim, "topic", 1, &close_after);
        if (close == DUC_NONE)
            close = close_after = lim;
        pos = close_after > pos ? close_after : len;
        size_t cs, ce, next;
        if (reader_duc_elem(b, after, close, "num", 1, &cs, &ce, &next) != 0)
            continue;
        reader_topic t;
        char *num = reader_duc_inline(a, &tmp, b, cs, ce);
        const char *title = NULL, *narr = NULL;
        if (num && reader_duc_elem(b, after, close, "title", 1, &cs, &ce, &next) == 0)
            title = reader_duc_inline(a, &tmp, b, cs, ce);
        else if (num)
            title = "";
        if (title && (reader_duc_elem(b, after, close, "narr", 1, &cs, &ce, &next) == 0 ||
                      reader_duc_elem(b, after, close, "desc", 1, &cs, &ce, &next) == 0))
            narr = reader_duc_inline(a, &tmp, b, cs, ce);
        else if (title)
            narr = "";
        if (!narr) {
            st = CHORUS_ERR_NOMEM;
            break;
        }
        if (!num[0])
            continue;
        t.num = num;
        t.query = NULL;
        if (title[0] || narr[0]) {
            t.query = reader_make_query(a, title, strlen(title), narr, strlen(narr));
            if (!t.query) {
                st = CHORUS_ERR_NOMEM;
                break;
            }
        }
        if (VEC_PUSH(*topics, *n, *cap, t) != 0) {
            st = CHORUS_ERR_NOMEM;
            break;
        }
    }
    buf_free(&tmp);
    return st;
}

/* ------------------------------------------------------------ layout */

/* Lower-case ASCII compare of whole strings. */
static int reader_duc_same(const char *a, const char *b) {
    size_t n = strlen(a);
    return strlen(b) == n && reader_duc_ieq(a, b, n);
}

/* Reads every *topics*.sgml (or .sgm) file of 'dir' into 'topics'. */
static chorus_status reader_duc_load_topics(chorus_reader *r, const char *dir,
                                            reader_topic **topics, size_t *n, size_t *cap) {
    const char **files;
    size_t nf;
    if (reader_list_dir(r, dir, &files, &nf, NULL, NULL) != CHORUS_OK) {
        buf_clear(&r->err); /* no readable parent: no topics */
        return CHORUS_OK;
    }
    for (size_t i = 0; i < nf; i++) {
        const char *base = strrchr(files[i], '/');
        base = base ? base + 1 : files[i];
        size_t bl = strlen(base);
        int topical = 0;
        for (size_t k = 0; k + 6 <= bl && !topical; k++)
            topical = reader_duc_ieq(base + k, "topics", 6);
        int sgml = (bl > 5 && reader_duc_ieq(base + bl - 5, ".sgml", 5)) ||
                   (bl > 4 && reader_duc_ieq(base + bl - 4, ".sgm", 4));
        if (!topical || !sgml)
            continue;
        char *text;
        size_t len;
        chorus_status st = reader_read_file(r, files[i], &text, &len);
        if (st != CHORUS_OK)
            return st;
        st = reader_duc_parse_topics(text, len, r->arena, topics, n, cap);
        if (st != CHORUS_OK)
            return reader_error(r, st, "%s: out of memory", files[i]);
    }
    return CHORUS_OK;
}

/* Adds the unit of cluster directory 'cdir'. */
static chorus_status reader_duc_add_cluster(chorus_reader *r, const char *cdir,
                                            const char *const *models, size_t n_models,
                                            const reader_topic *topics, size_t n_topics) {
    reader_unit u;
    memset(&u, 0, sizeof u);
    u.path = cdir;
    u.id = reader_basename(r->arena, cdir);
    if (!u.id)
        return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
    const char **files;
    chorus_status st = reader_list_dir(r, cdir, &files, &u.n_files, NULL, NULL);
    if (st != CHORUS_OK)
        return st;
    u.files = files;

    /* references: models named "<id without its final letter>." */
    size_t il = strlen(u.id);
    if (il >= 2 && reader_duc_alpha(u.id[il - 1]) && u.id[il - 2] >= '0' && u.id[il - 2] <= '9')
        il--;
    const char **refs = arena_calloc(r->arena, n_models ? n_models : 1, sizeof *refs);
    if (!refs)
        return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n_models; i++) {
        const char *base = strrchr(models[i], '/');
        base = base ? base + 1 : models[i];
        if (strlen(base) > il && base[il] == '.' && reader_duc_ieq(base, u.id, il))
            refs[u.n_refs++] = models[i];
    }
    u.refs = refs;
    for (size_t i = 0; i < n_topics; i++)
        if (reader_duc_same(topics[i].num, u.id)) {
            u.query = topics[i].query;
            break;
        }
    if (VEC_PUSH(r->units, r->n_units, r->units_cap, u) != 0)
        return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");
    return CHORUS_OK;
}

/* "dir/.." and "dir/../name" as arena strings. */
static const char *reader_duc_up(chorus_reader *r, const char *dir, const char *name) {
    size_t dl = strlen(dir), nl = name ? strlen(name) : 0;
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    char *p = arena_alloc(r->arena, dl + 4 + (nl ? nl + 1 : 0) + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    memcpy(p + dl, "/..", 3);
    size_t k = dl + 3;
    if (nl) {
        p[k++] = '/';
        memcpy(p + k, name, nl);
        k += nl;
    }
    p[k] = '\0';
    return p;
}

chorus_status reader_duc_add_dir(chorus_reader *r, const char *dir) {
    const char **files, **dirs;
    size_t nf, nd;
    chorus_status st = reader_list_dir(r, dir, &files, &nf, &dirs, &nd);
    if (st != CHORUS_OK)
        return st;
    if (nf == 0 && nd == 0)
        return reader_error(r, CHORUS_ERR_EMPTY, "%s: empty directory", dir);
    int single = nd == 0;
    const char *root = single ? reader_duc_up(r, dir, NULL) : dir;
    const char *parent = root ? reader_duc_up(r, root, NULL) : NULL;
    const char *models_dir = root ? reader_duc_up(r, root, "models") : NULL;
    if (!root || !parent || !models_dir)
        return reader_error(r, CHORUS_ERR_NOMEM, "out of memory");

    const char **models = NULL;
    size_t n_models = 0;
    st = reader_list_dir(r, models_dir, &models, &n_models, NULL, NULL);
    if (st != CHORUS_OK) { /* no models directory: no references */
        buf_clear(&r->err);
        models = NULL;
        n_models = 0;
    }
    reader_topic *topics = NULL;
    size_t n_topics = 0, cap = 0;
    st = reader_duc_load_topics(r, parent, &topics, &n_topics, &cap);
    reader_cluster_reset(&r->cur); /* topic files were read into it */
    if (st == CHORUS_OK) {
        if (single) {
            st = reader_duc_add_cluster(r, dir, models, n_models, topics, n_topics);
        } else {
            for (size_t i = 0; i < nd && st == CHORUS_OK; i++)
                st = reader_duc_add_cluster(r, dirs[i], models, n_models, topics, n_topics);
        }
    }
    free(topics);
    return st;
}

/* ------------------------------------------------------------ reading */

chorus_status reader_next_duc(chorus_reader *r, const chorus_input **out) {
    if (r->unit >= r->n_units) {
        r->done = 1;
        return CHORUS_OK;
    }
    const reader_unit *u = &r->units[r->unit++];
    reader_cluster *c = &r->cur;
    if (u->n_files == 0)
        return reader_error(r, CHORUS_ERR_EMPTY, "%s: empty directory", u->path);
    for (size_t i = 0; i < u->n_files; i++) {
        const char *path = u->files[i];
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        char *text;
        size_t len;
        chorus_status st = reader_read_file(r, path, &text, &len);
        if (st != CHORUS_OK)
            return st;
        if (utf8_is_binary(text, len))
            return reader_error(r, CHORUS_ERR_BINARY, "%s: binary file (not text)", name);
        st = reader_duc_parse_sgml(c, text, len, name);
        if (st != CHORUS_OK)
            return reader_error(r, st, "%s: %s", name, c->why.data);
    }
    for (size_t i = 0; i < u->n_refs; i++) {
        char *text;
        size_t len;
        chorus_status st = reader_read_file(r, u->refs[i], &text, &len);
        if (st != CHORUS_OK)
            return st;
        if (utf8_is_binary(text, len))
            return reader_error(r, CHORUS_ERR_BINARY, "%s: binary file (not text)", u->refs[i]);
        if (reader_cluster_add_ref(c, text) != 0)
            return reader_error(r, CHORUS_ERR_NOMEM, "%s: out of memory", u->refs[i]);
    }
    if (c->n_docs == 0)
        return reader_error(r, CHORUS_ERR_EMPTY, "%s: no document has any text (%zu empty)",
                            u->path, c->n_empty);
    *out = reader_cluster_finish(c, u->id, u->query);
    return CHORUS_OK;
}
