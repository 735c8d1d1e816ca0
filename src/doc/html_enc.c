/*
 * html_enc.c - encoding sniffing and conversion of a page to clean UTF-8.
 * See html_enc.h for the rules.
 *
 * Conversion runs every character through one sink (html_enc_sink) that
 * applies the clean-UTF-8 rules and records the offset map: the map
 * predicts that output and page advance together; whenever the next
 * character does not come from the predicted page offset (a dropped CR, a
 * two-byte character from one latin-1 byte, a skipped BOM) an anchor is
 * added. Runs of ordinary characters are copied in one piece.
 *
 * Three decoders feed the sink:
 * - UTF-8: validated and repaired in place of a copy (WHATWG rules: each
 *   maximal ill-formed subsequence becomes one U+FFFD);
 * - single-byte encodings: a 256-entry table built with iconv, one call per
 *   byte value, so that each page byte maps exactly;
 * - multibyte encodings (Shift_JIS, GBK, UTF-16, ...): iconv one character
 *   at a time (output space grown from 1 byte until a character fits), so
 *   each character keeps its exact page offset.
 */
#include "doc/html_enc.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far into the page the <meta> prescan looks. The HTML standard says
 * 1024 bytes; real pages put long scripts and styles first. */
#define HTML_ENC_PRESCAN 65536

/* ----------------------------------------------------------- labels */

typedef struct html_enc_alias {
    const char *label; /* lower case */
    const char *name;  /* iconv name */
} html_enc_alias;

/* WHATWG labels whose meaning differs from the iconv name of the same
 * spelling, or which iconv does not know. Everything else is passed to
 * iconv as written. */
static const html_enc_alias html_enc_aliases[] = {
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"},
    {"unicode20utf8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},
    /* a <meta> cannot truthfully declare UTF-16: the standard reads UTF-8 */
    {"utf-16", "UTF-8"},
    {"utf-16le", "UTF-8"},
    {"utf-16be", "UTF-8"},
    {"unicode", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"},
    {"iso8859-1", "WINDOWS-1252"},
    {"iso88591", "WINDOWS-1252"},
    {"iso_8859-1", "WINDOWS-1252"},
    {"iso_8859-1:1987", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},
    {"ansi_x3.4-1968", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},
    {"cp819", "WINDOWS-1252"},
    {"ibm819", "WINDOWS-1252"},
    {"iso-ir-100", "WINDOWS-1252"},
    {"csisolatin1", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"},
    {"x-user-defined", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"},
    {"iso8859-9", "WINDOWS-1254"},
    {"latin5", "WINDOWS-1254"},
    {"l5", "WINDOWS-1254"},
    {"iso-8859-11", "TIS-620"},
    {"tis-620", "TIS-620"},
    {"windows-874", "TIS-620"},
    {"dos-874", "TIS-620"},
    {"gb2312", "GBK"},
    {"gb_2312", "GBK"},
    {"gb_2312-80", "GBK"},
    {"csgb2312", "GBK"},
    {"chinese", "GBK"},
    {"x-gbk", "GBK"},
    {"gbk", "GBK"},
    {"iso-ir-58", "GBK"},
    {"gb18030", "GB18030"},
    {"big5", "BIG5-HKSCS"},
    {"big5-hkscs", "BIG5-HKSCS"},
    {"cn-big5", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"},
    {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},
    {"sjis", "CP932"},
    {"x-sjis", "CP932"},
    {"ms_kanji", "CP932"},
    {"ms932", "CP932"},
    {"windows-31j", "CP932"},
    {"csshiftjis", "CP932"},
    {"euc-jp", "EUC-JP"},
    {"x-euc-jp", "EUC-JP"},
    {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"},
    {"ks_c_5601-1989", "CP949"},
    {"ksc5601", "CP949"},
    {"korean", "CP949"},
    {"windows-949", "CP949"},
    {"cp949", "CP949"},
};

/* Copies the iconv name for 'label' (n bytes, any case, maybe padded with
 * spaces) to 'name'. Returns 0, or -1 when the label is empty or absurd. */
static int html_enc_label(const char *label, size_t n, char *name, size_t cap) {
    while (n && (*label == ' ' || *label == '\t' || *label == '\n' || *label == '\f'))
        label++, n--;
    while (n && (label[n - 1] == ' ' || label[n - 1] == '\t' || label[n - 1] == '\n' ||
                 label[n - 1] == '\f'))
        n--;
    char low[40];
    if (n == 0 || n >= sizeof low || cap < 2)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        /* a label is letters, digits and a few marks; anything else is junk */
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == ':'))
            return -1;
        low[i] = (char)c;
    }
    low[n] = '\0';
    for (size_t i = 0; i < sizeof html_enc_aliases / sizeof *html_enc_aliases; i++)
        if (!strcmp(low, html_enc_aliases[i].label)) {
            snprintf(name, cap, "%s", html_enc_aliases[i].name);
            return 0;
        }
    snprintf(name, cap, "%s", low);
    return 0;
}

/* ---------------------------------------------------------- prescan */

static int html_enc_is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int html_enc_is_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int html_enc_ieq(const char *p, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[i])
            return 0;
    }
    return 1;
}

typedef struct html_enc_attr {
    const char *name, *value;
    size_t nlen, vlen;
} html_enc_attr;

/* The standard's "get an attribute" step at *pos; returns 0 when there is
 * no further attribute (at '>' or the end). */
static int html_enc_get_attr(const char *s, size_t n, size_t *pos, html_enc_attr *a) {
    size_t i = *pos;
    while (i < n && (html_enc_is_space((unsigned char)s[i]) || s[i] == '/'))
        i++;
    if (i >= n || s[i] == '>') {
        *pos = i;
        return 0;
    }
    a->name = s + i;
    a->nlen = 0;
    a->value = s + i;
    a->vlen = 0;
    /* a name may start with '=' */
    if (s[i] == '=')
        i++, a->nlen++;
    while (i < n && s[i] != '=' && s[i] != '/' && s[i] != '>' &&
           !html_enc_is_space((unsigned char)s[i]))
        i++, a->nlen++;
    while (i < n && html_enc_is_space((unsigned char)s[i]))
        i++;
    if (i >= n || s[i] != '=') {
        *pos = i;
        return 1;
    }
    i++;
    while (i < n && html_enc_is_space((unsigned char)s[i]))
        i++;
    if (i < n && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        a->value = s + i;
        while (i < n && s[i] != q)
            i++;
        a->vlen = (size_t)(s + i - a->value);
        if (i < n)
            i++;
    } else {
        a->value = s + i;
        while (i < n && s[i] != '>' && !html_enc_is_space((unsigned char)s[i]))
            i++;
        a->vlen = (size_t)(s + i - a->value);
    }
    *pos = i;
    return 1;
}

/* The standard's "extract a character encoding from a meta element" over a
 * content="text/html; charset=..." value. */
static int html_enc_from_content(const char *v, size_t n, const char **lab, size_t *lablen) {
    size_t i = 0;
    for (;;) {
        while (i + 7 <= n && !html_enc_ieq(v + i, n - i, "charset"))
            i++;
        if (i + 7 > n)
            return 0;
        i += 7;
        while (i < n && html_enc_is_space((unsigned char)v[i]))
            i++;
        if (i < n && v[i] == '=')
            break;
    }
    i++;
    while (i < n && html_enc_is_space((unsigned char)v[i]))
        i++;
    if (i >= n)
        return 0;
    if (v[i] == '"' || v[i] == '\'') {
        char q = v[i++];
        size_t st = i;
        while (i < n && v[i] != q)
            i++;
        if (i >= n)
            return 0;
        *lab = v + st;
        *lablen = i - st;
        return 1;
    }
    size_t st = i;
    while (i < n && v[i] != ';' && !html_enc_is_space((unsigned char)v[i]))
        i++;
    *lab = v + st;
    *lablen = i - st;
    return *lablen > 0;
}

/* The standard's prescan of the first bytes for a <meta> declaring the
 * encoding. Returns 1 with the iconv name in 'name' when one is found. */
static int html_enc_prescan(const char *s, size_t n, char *name, size_t cap) {
    if (n > HTML_ENC_PRESCAN)
        n = HTML_ENC_PRESCAN;
    size_t i = 0;
    while (i < n) {
        if (s[i] != '<') {
            const char *lt = memchr(s + i, '<', n - i);
            if (!lt)
                break;
            i = (size_t)(lt - s);
        }
        if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
            size_t j = i + 2;
            while (j + 3 <= n && memcmp(s + j, "-->", 3))
                j++;
            if (j + 3 > n)
                break;
            i = j + 3;
        } else if (html_enc_ieq(s + i, n - i, "<meta") && i + 5 < n &&
                   (html_enc_is_space((unsigned char)s[i + 5]) || s[i + 5] == '/')) {
            size_t pos = i + 5;
            html_enc_attr a;
            int http_equiv_ct = 0, have_charset = 0;
            const char *lab = NULL;
            size_t lablen = 0;
            const char *content = NULL;
            size_t clen = 0;
            while (html_enc_get_attr(s, n, &pos, &a)) {
                if (a.nlen == 10 && html_enc_ieq(a.name, a.nlen, "http-equiv")) {
                    if (a.vlen == 12 && html_enc_ieq(a.value, a.vlen, "content-type"))
                        http_equiv_ct = 1;
                } else if (a.nlen == 7 && html_enc_ieq(a.name, a.nlen, "content")) {
                    if (!content) {
                        content = a.value;
                        clen = a.vlen;
                    }
                } else if (a.nlen == 7 && html_enc_ieq(a.name, a.nlen, "charset")) {
                    if (!have_charset) {
                        have_charset = 1;
                        lab = a.value;
                        lablen = a.vlen;
                    }
                }
            }
            if (!have_charset && http_equiv_ct && content)
                have_charset = html_enc_from_content(content, clen, &lab, &lablen);
            if (have_charset && html_enc_label(lab, lablen, name, cap) == 0)
                return 1;
            i = pos + 1;
        } else if (i + 1 < n &&
                   (html_enc_is_alpha((unsigned char)s[i + 1]) ||
                    (s[i + 1] == '/' && i + 2 < n && html_enc_is_alpha((unsigned char)s[i + 2])))) {
            size_t pos = i + 1;
            while (pos < n && s[pos] != '>' && !html_enc_is_space((unsigned char)s[pos]))
                pos++;
            html_enc_attr a;
            while (html_enc_get_attr(s, n, &pos, &a))
                ;
            i = pos + 1;
        } else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
            const char *gt = memchr(s + i + 1, '>', n - i - 1);
            if (!gt)
                break;
            i = (size_t)(gt - s) + 1;
        } else {
            i++;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ UTF-8 */

/* Length of the valid UTF-8 sequence at s (n bytes available), or 0 when
 * the bytes there are ill-formed; *bad gets the length of the maximal
 * ill-formed prefix to replace (at least 1). */
static size_t html_enc_utf8_seq(const unsigned char *s, size_t n, size_t *bad) {
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    *bad = 1;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    for (size_t k = 1; k <= need; k++) {
        if (k >= n)
            return *bad = k, 0;
        unsigned char b = s[k];
        if (b < lo || b > hi)
            return *bad = k, 0;
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

int html_enc_valid_utf8(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, bad;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = html_enc_utf8_seq(p + i, len - i, &bad);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/* 1 when valid UTF-8 with at least one multibyte sequence. */
static int html_enc_utf8_multibyte(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, bad;
    int multi = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = html_enc_utf8_seq(p + i, len - i, &bad);
        if (!k)
            return 0;
        multi = 1;
        i += k;
    }
    return multi;
}

/* ------------------------------------------------------------ sniff */

static int html_enc_is_single_byte_legacy(const char *name) {
    return !strncmp(name, "WINDOWS-125", 11) || !strncmp(name, "iso-8859-", 9) ||
           !strncmp(name, "iso8859-", 8) || !strcmp(name, "TIS-620") || !strncmp(name, "koi8", 4) ||
           !strncmp(name, "windows-125", 11) || !strcmp(name, "macintosh");
}

const char *html_enc_sniff(const char *page, size_t len, char *name, size_t cap) {
    const unsigned char *p = (const unsigned char *)page;
    if (cap < 2)
        return "default";
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        snprintf(name, cap, "UTF-8");
        return "bom";
    }
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        snprintf(name, cap, "UTF-16BE");
        return "bom";
    }
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        snprintf(name, cap, "UTF-16LE");
        return "bom";
    }
    /* UTF-16 without a BOM shows itself by a NUL beside the first '<' */
    if (len >= 4 && p[0] == '<' && p[1] == 0 && p[2] != 0 && p[3] == 0) {
        snprintf(name, cap, "UTF-16LE");
        return "bom";
    }
    if (len >= 4 && p[0] == 0 && p[1] == '<' && p[2] == 0 && p[3] != 0) {
        snprintf(name, cap, "UTF-16BE");
        return "bom";
    }
    char decl[40];
    if (html_enc_prescan(page, len, decl, sizeof decl)) {
        if (html_enc_is_single_byte_legacy(decl) && html_enc_utf8_multibyte(page, len)) {
            snprintf(name, cap, "UTF-8");
            return "utf8-check";
        }
        snprintf(name, cap, "%s", decl);
        return "meta";
    }
    if (html_enc_valid_utf8(page, len)) {
        snprintf(name, cap, "UTF-8");
        return "utf8-check";
    }
    snprintf(name, cap, "WINDOWS-1252");
    return "default";
}

/* ------------------------------------------------------------- sink */

typedef struct html_enc_sink {
    html_utf8 *u;
    size_t next_src; /* page offset the map predicts for the next byte */
    int after_cr;    /* the last character was a CR (written as LF) */
    size_t cr_end;   /* page offset just after that CR */
} html_enc_sink;

static const char html_enc_fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

/* Appends 'n' clean bytes that came from page offset 'src' on. */
static int html_enc_put(html_enc_sink *k, const char *p, size_t n, size_t src) {
    html_utf8 *u = k->u;
    if (src != k->next_src && offmap_add(&u->map, u->text.len, src) != 0)
        return -1;
    if (buf_append(&u->text, p, n) != 0)
        return -1;
    k->next_src = src + n;
    return 0;
}

/* Appends one character 'cp' (encoded in p[0..n)) that came from page
 * bytes [src, src+srclen), applying the clean-UTF-8 rules. */
static int html_enc_put_char(html_enc_sink *k, uint32_t cp, const char *p, size_t n, size_t src,
                             size_t srclen) {
    if (cp == '\n' && k->after_cr && src == k->cr_end) {
        k->after_cr = 0;
        return 0; /* the LF of CR LF */
    }
    k->after_cr = 0;
    if (cp == '\r') {
        k->after_cr = 1;
        k->cr_end = src + srclen;
        return html_enc_put(k, "\n", 1, src);
    }
    if (cp == 0 || cp == 0xFFFE || cp == 0xFFFF) {
        if (cp == 0)
            k->u->n_replaced++;
        return html_enc_put(k, html_enc_fffd, 3, src);
    }
    if (cp < 0x20 && cp != '\t' && cp != '\n')
        return html_enc_put(k, " ", 1, src);
    return html_enc_put(k, p, n, src);
}

static int html_enc_put_bad(html_enc_sink *k, size_t src) {
    k->after_cr = 0;
    k->u->n_replaced++;
    return html_enc_put(k, html_enc_fffd, 3, src);
}

static uint32_t html_enc_cp(const unsigned char *s, size_t n) {
    switch (n) {
    case 1:
        return s[0];
    case 2:
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3:
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    default:
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
}

/* UTF-8 input: copy runs of clean bytes, repair the rest. */
static int html_enc_from_utf8(html_enc_sink *k, const char *page, size_t len, size_t start) {
    const unsigned char *p = (const unsigned char *)page;
    size_t i = start;
    while (i < len) {
        size_t run = i;
        for (;;) {
            if (i >= len)
                break;
            unsigned char c = p[i];
            if (c >= 0x20 && c < 0x80) {
                i++;
                continue;
            }
            if (c == '\n' || c == '\t') {
                if (k->after_cr && i == run)
                    break;
                i++;
                continue;
            }
            if (c < 0x80)
                break;
            size_t bad, q = html_enc_utf8_seq(p + i, len - i, &bad);
            if (!q)
                break;
            if (q == 3 && c == 0xEF && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
                break;
            i += q;
        }
        if (i > run) {
            k->after_cr = 0;
            if (html_enc_put(k, page + run, i - run, run) != 0)
                return -1;
            continue;
        }
        /* one special character at i */
        size_t bad, q = html_enc_utf8_seq(p + i, len - i, &bad);
        if (!q) {
            if (html_enc_put_bad(k, i) != 0)
                return -1;
            i += bad;
            continue;
        }
        if (html_enc_put_char(k, html_enc_cp(p + i, q), page + i, q, i, q) != 0)
            return -1;
        i += q;
    }
    return 0;
}

/* Encodes code point 'cp' as UTF-8 into out (4 bytes); returns the length. */
static size_t html_enc_utf8_put(uint32_t cp, char *out) {
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

/* Decodes one UTF-8 character produced by iconv (trusted to be valid). */
static uint32_t html_enc_cp_of(const char *s, size_t n, size_t *len) {
    size_t bad, q = html_enc_utf8_seq((const unsigned char *)s, n, &bad);
    if (!q) {
        *len = bad;
        return 0xFFFD;
    }
    *len = q;
    return html_enc_cp((const unsigned char *)s, q);
}

typedef struct html_enc_table {
    char bytes[256][4];
    unsigned char len[256]; /* 0: no character (replaced) */
} html_enc_table;

/* Builds the byte table of a single-byte encoding. Returns 1 when the
 * encoding is single-byte, 0 when some byte starts a longer sequence. */
static int html_enc_build_table(iconv_t cd, html_enc_table *t) {
    for (int b = 0; b < 256; b++) {
        char in = (char)b, out[8];
        char *ip = &in, *op = out;
        size_t il = 1, ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        if (r == (size_t)-1 && errno == EINVAL)
            return 0;
        size_t produced = sizeof out - ol, clen;
        if (r == (size_t)-1 || produced == 0 || produced > 4 ||
            (html_enc_cp_of(out, produced, &clen), clen != produced)) {
            t->len[b] = 0;
            continue;
        }
        memcpy(t->bytes[b], out, produced);
        t->len[b] = (unsigned char)produced;
    }
    iconv(cd, NULL, NULL, NULL, NULL);
    return 1;
}

static int html_enc_from_table(html_enc_sink *k, const html_enc_table *t, const char *page,
                               size_t len, size_t start) {
    const unsigned char *p = (const unsigned char *)page;
    size_t i = start;
    while (i < len) {
        size_t run = i;
        while (i < len && p[i] >= 0x20 && p[i] < 0x80 && t->len[p[i]] == 1 &&
               (unsigned char)t->bytes[p[i]][0] == p[i])
            i++;
        if (i > run) {
            k->after_cr = 0;
            if (html_enc_put(k, page + run, i - run, run) != 0)
                return -1;
            continue;
        }
        unsigned char b = p[i];
        int rc;
        if (!t->len[b])
            rc = html_enc_put_bad(k, i);
        else {
            size_t clen;
            uint32_t cp = html_enc_cp_of(t->bytes[b], t->len[b], &clen);
            rc = html_enc_put_char(k, cp, t->bytes[b], t->len[b], i, 1);
        }
        if (rc != 0)
            return -1;
        i++;
    }
    return 0;
}

/* Any encoding: one character per iconv call. */
static int html_enc_from_iconv(html_enc_sink *k, iconv_t cd, const char *page, size_t len,
                               size_t start) {
    size_t i = start;
    while (i < len) {
        char out[8];
        size_t outsz = 1;
        for (;;) {
            char *ip = (char *)(uintptr_t)(page + i), *op = out;
            size_t il = len - i, ol = outsz;
            size_t r = iconv(cd, &ip, &il, &op, &ol);
            int err = r == (size_t)-1 ? errno : 0;
            size_t consumed = (len - i) - il, produced = outsz - ol;
            if (consumed > 0 || produced > 0) {
                size_t o = 0;
                while (o < produced) {
                    size_t clen;
                    uint32_t cp = html_enc_cp_of(out + o, produced - o, &clen);
                    if (html_enc_put_char(k, cp, out + o, clen, i, consumed) != 0)
                        return -1;
                    o += clen;
                }
                i += consumed;
                if (consumed == 0)
                    i++; /* cannot happen with a sane iconv; never loop */
                break;
            }
            if (err == E2BIG && outsz < sizeof out) {
                outsz++;
                continue;
            }
            if (err == EINVAL) { /* truncated character at the end */
                if (html_enc_put_bad(k, i) != 0)
                    return -1;
                i = len;
                break;
            }
            /* EILSEQ or anything else: replace one byte */
            if (html_enc_put_bad(k, i) != 0)
                return -1;
            iconv(cd, NULL, NULL, NULL, NULL);
            i++;
            break;
        }
    }
    return 0;
}

int html_enc_decode(const char *page, size_t len, const char *encoding, html_utf8 *out) {
    char name[40];
    const char *how;
    if (encoding && html_enc_label(encoding, strlen(encoding), name, sizeof name) == 0) {
        how = "caller";
        /* a caller may name UTF-16 truthfully */
        if (!strncmp(name, "UTF-8", 5) && strstr(encoding, "16"))
            snprintf(name, sizeof name, "%s", encoding);
    } else
        how = html_enc_sniff(page, len, name, sizeof name);

    const unsigned char *p = (const unsigned char *)page;
    size_t start = 0;
    if (!strcmp(name, "UTF-8") && len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        start = 3;
    else if ((!strcmp(name, "UTF-16BE") && len >= 2 && p[0] == 0xFE && p[1] == 0xFF) ||
             (!strcmp(name, "UTF-16LE") && len >= 2 && p[0] == 0xFF && p[1] == 0xFE))
        start = 2;

    html_enc_sink k = {out, start, 0, 0};
    if (start && offmap_add(&out->map, 0, start) != 0)
        return -1;
    if (buf_reserve(&out->text, len - start + 16) != 0)
        return -1;
    out->how = how;

    if (strcmp(name, "UTF-8") != 0) {
        iconv_t cd = iconv_open("UTF-8", name);
        if (cd == (iconv_t)-1) {
            /* unknown to this system: fall back to the content rules */
            if (html_enc_valid_utf8(page + start, len - start))
                snprintf(name, sizeof name, "UTF-8");
            else
                snprintf(name, sizeof name, "WINDOWS-1252");
            out->how = "default";
            if (strcmp(name, "UTF-8") != 0)
                cd = iconv_open("UTF-8", name);
        }
        if (cd != (iconv_t)-1) {
            html_enc_table *t = malloc(sizeof *t);
            if (!t) {
                iconv_close(cd);
                return -1;
            }
            int rc;
            if (html_enc_build_table(cd, t))
                rc = html_enc_from_table(&k, t, page, len, start);
            else
                rc = html_enc_from_iconv(&k, cd, page, len, start);
            free(t);
            iconv_close(cd);
            snprintf(out->encoding, sizeof out->encoding, "%s", name);
            return rc;
        }
        if (strcmp(name, "UTF-8") != 0) {
            /* no iconv for windows-1252 either: latin-1 by hand */
            html_enc_table *t = malloc(sizeof *t);
            if (!t)
                return -1;
            for (int b = 0; b < 256; b++)
                t->len[b] = (unsigned char)html_enc_utf8_put((uint32_t)b, t->bytes[b]);
            int rc = html_enc_from_table(&k, t, page, len, start);
            free(t);
            snprintf(out->encoding, sizeof out->encoding, "ISO-8859-1");
            return rc;
        }
    }
    snprintf(out->encoding, sizeof out->encoding, "UTF-8");
    return html_enc_from_utf8(&k, page, len, start);
}

void html_utf8_free(html_utf8 *u) {
    buf_free(&u->text);
    offmap_free(&u->map);
    memset(u, 0, sizeof *u);
}
