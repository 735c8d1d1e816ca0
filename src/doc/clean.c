/*
 * clean.c - removal of web page furniture from plain-text articles.
 *
 * Scraped articles carry the page around them: "Skip to main content",
 * "ADVERTISEMENT", share prompts, photo credits, bylines, embedded tweets,
 * link text fused into sentences. clean_text() removes it and keeps the
 * article text byte for byte, with a map back to the input.
 *
 * Algorithm, in passes over the lines of the input (each line is its bytes
 * up to and including its '\n'; a line of spaces is blank):
 *   1. split and measure: trimmed bounds, word count, sentence ending;
 *   2. judge each line alone (clean_line.c): a reason, or keep;
 *   3. rules that need neighbours:
 *      - head of the article (lines before the first body paragraph): a
 *        page title "Headline - Outlet" followed by the headline goes, a
 *        repeated headline goes, a lone "First Last" name under the title
 *        is a byline;
 *      - a tweet attribution "— Name (@handle) Month D, YYYY" on a line of
 *        its own takes the tweet text above it (up to the paragraph break,
 *        at most CLEAN_TWEET_MAX bytes);
 *      - a "Related" / "Read more:" header takes the short headline lines
 *        listed under it;
 *   4. cuts inside kept lines (clean_inline.c); a line left with nothing
 *      visible is dropped whole;
 *   5. assembly: kept bytes are copied, an offset-map anchor is added where
 *      the source offset jumps, removed bytes are recorded with their reason.
 *      Blank lines: a gap between two kept lines that lost a line keeps one
 *      blank line if it had any (paragraph breaks survive, runs left by
 *      removals collapse); gaps with no removal are copied as they are;
 *      blank lines before the first or after the last kept line go when
 *      something next to them was removed.
 *
 * Invariants: output = input minus the removed ranges; removed ranges are
 * sorted, disjoint, inside the input, and cover every byte not copied
 * (dropped blank lines are merged into the removal next to them); text
 * without furniture comes back unchanged with an empty map and no removals.
 * Time is linear in the input: each pass is a bounded amount of work per
 * byte or per line.
 */
#include "doc/clean.h"

#include <stdlib.h>
#include <string.h>

#include "doc/clean_int.h"
#include "util/vec.h"

#define CLEAN_HEAD_LINES 8       /* non-blank lines examined as the article head */
#define CLEAN_TWEET_MAX 600      /* bytes of tweet text taken above an attribution */
#define CLEAN_TWEET_LINES 4      /* lines of tweet text taken above an attribution */
#define CLEAN_LIST_MAX 15        /* headline lines taken under a "Related" header */
#define CLEAN_LIST_SENT_WORDS 15 /* longest listed headline that ends like a sentence */

typedef struct clean_ln {
    size_t start, next; /* bytes of the line, '\n' included */
    size_t ts, te;      /* trimmed content */
    clean_feat f;
    const char *reason;    /* NULL: kept */
    size_t cut_lo, cut_hi; /* (kept lines) its in-line cuts in the cut vector */
    unsigned char blank;
    unsigned char keep_blank; /* blank line copied to the output */
} clean_ln;

/* Reasons are compared by content: equal literals in two files need not
 * share an address. */
static int clean_same(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

typedef struct clean_ctx {
    const char *text;
    size_t len;
    clean_ln *ln;
    size_t n, cap;
    ch_removed *cuts; /* in-line cuts of kept lines, ascending */
    size_t ncuts, capcuts;
} clean_ctx;

/* ---- pass 1: lines ---------------------------------------------------- */

static int clean_split(clean_ctx *c) {
    size_t i = 0;
    while (i < c->len) {
        const char *nl = memchr(c->text + i, '\n', c->len - i);
        size_t e = nl ? (size_t)(nl - c->text) : c->len;
        clean_ln l;
        memset(&l, 0, sizeof l);
        l.start = i;
        l.next = nl ? e + 1 : e;
        l.ts = i;
        l.te = e;
        clean_trim(c->text, &l.ts, &l.te);
        l.blank = l.ts == l.te;
        if (!l.blank)
            clean_line_features(c->text + l.ts, l.te - l.ts, &l.f);
        if (VEC_PUSH(c->ln, c->n, c->cap, l) != 0)
            return -1;
        i = l.next;
    }
    return 0;
}

/* ---- pass 3: rules with context --------------------------------------- */

static int clean_is_body(const clean_ln *l) {
    return !l->blank && ((l->f.ends_sent && l->f.nwords >= 15) || l->f.nwords >= 25);
}

/* Normalised content of a line for title comparison; tracking tokens fused
 * at the start are skipped. */
static size_t clean_title_norm(const clean_ctx *c, const clean_ln *l, char *out, size_t cap) {
    size_t a = l->ts, b = l->te;
    if (b - a > 8 && (c->text[a] == 'f' || c->text[a] == 'F') &&
        (strncmp(c->text + a, "fb-pixel", 8) == 0 || strncmp(c->text + a, "fb_pixel", 8) == 0))
        a += 8;
    return clean_norm(c->text + a, b - a, out, cap);
}

static void clean_head_rules(clean_ctx *c) {
    size_t idx[CLEAN_HEAD_LINES];
    size_t k = 0;
    for (size_t i = 0, seen = 0; i < c->n && seen < CLEAN_HEAD_LINES; i++) {
        if (c->ln[i].blank)
            continue;
        if (clean_is_body(&c->ln[i]))
            break;
        seen++;
        if (!c->ln[i].reason) /* lines already cut are skipped over */
            idx[k++] = i;
    }
    /* page title with an outlet suffix, repeated headline */
    char zx[CLEAN_NORM_CAP], zy[CLEAN_NORM_CAP];
    for (size_t p = 0; p + 1 < k; p++) {
        clean_ln *x = &c->ln[idx[p]], *y = &c->ln[idx[p + 1]];
        if (x->te - x->ts > 400 || y->te - y->ts > 400 || x->reason)
            continue;
        size_t lx = clean_title_norm(c, x, zx, sizeof zx);
        size_t ly = clean_title_norm(c, y, zy, sizeof zy);
        if (ly < 12 || lx < ly || memcmp(zx, zy, ly) != 0)
            continue;
        if (lx == ly) {
            if (!y->reason)
                y->reason = CLEAN_R_TITLE_DUP;
            continue;
        }
        const char *r = zx + ly;
        if (strncmp(r, " - ", 3) == 0 || strncmp(r, " | ", 3) == 0 || strncmp(r, " : ", 3) == 0 ||
            strncmp(r, " :: ", 4) == 0 || strncmp(r, " \xE2\x80\xA2 ", 5) == 0 ||
            strncmp(r, " \xC2\xB7 ", 4) == 0)
            x->reason = CLEAN_R_PAGE_TITLE;
    }
    /* a lone name under the title */
    int seen_title = 0;
    for (size_t p = 0; p < k; p++) {
        clean_ln *l = &c->ln[idx[p]];
        if (l->reason)
            continue;
        if (!seen_title) {
            seen_title = 1;
            continue;
        }
        if (!l->f.ends_sent && !l->f.ends_colon && l->f.nwords <= 9 &&
            clean_is_name_line(c->text + l->ts, l->te - l->ts))
            l->reason = CLEAN_R_BYLINE;
    }
}

static int clean_ends_colon(const clean_ln *l) {
    return l->f.ends_colon;
}

static void clean_tweet_rules(clean_ctx *c) {
    size_t blanks = 0, full = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->ln[i].blank)
            blanks++;
        else
            full++;
    }
    int blank_mode = blanks * 3 >= full;
    for (size_t i = 1; i < c->n; i++) {
        clean_ln *l = &c->ln[i];
        int alone = 0;
        if (!clean_same(l->reason, CLEAN_R_TWEET) ||
            !clean_tweet_attribution(c->text + l->ts, l->te - l->ts, &alone) || !alone)
            continue;
        size_t j = i;
        if (c->ln[j - 1].blank) {
            /* text separated by a blank line: one tweet-sized paragraph */
            while (j > 0 && c->ln[j - 1].blank)
                j--;
            if (j == 0)
                continue;
            clean_ln *b = &c->ln[j - 1];
            if (!b->reason && b->te - b->ts <= 320 && !clean_ends_colon(b) &&
                (j < 2 || c->ln[j - 2].blank))
                b->reason = CLEAN_R_TWEET;
            continue;
        }
        /* text on the lines just above */
        size_t bytes = 0, lines = 0, top = j;
        int whole = 0;
        while (top > 0) {
            clean_ln *b = &c->ln[top - 1];
            if (b->blank) {
                whole = 1;
                break;
            }
            if (b->reason || clean_ends_colon(b))
                break;
            if (!blank_mode && lines == 1)
                break;
            bytes += b->te - b->ts;
            lines++;
            if (bytes > CLEAN_TWEET_MAX || lines > CLEAN_TWEET_LINES)
                break;
            top--;
        }
        if (top == 0)
            whole = 1;
        if (blank_mode && !whole) {
            /* the block above is longer than a tweet: take one line at most */
            top = j - 1;
            clean_ln *b = &c->ln[top];
            if (b->reason || clean_ends_colon(b) || b->te - b->ts > CLEAN_TWEET_MAX)
                continue;
        }
        for (size_t t = top; t < j; t++)
            if (!c->ln[t].reason && !c->ln[t].blank)
                c->ln[t].reason = CLEAN_R_TWEET;
    }
}

static int clean_is_list_header(const clean_ctx *c, const clean_ln *l) {
    if (l->blank || l->f.nwords > 6 ||
        !(clean_same(l->reason, CLEAN_R_NAV) || clean_same(l->reason, CLEAN_R_MEDIA)))
        return 0;
    char z[96];
    size_t zl = clean_norm(c->text + l->ts, l->te - l->ts, z, sizeof z);
    /* section titles that only ever head a list of links */
    static const char *const lists[] = {
        "related stories",     "related articles",    "related coverage",      "related posts",
        "related content",     "related links",       "related news",          "more stories",
        "more news",           "recommended stories", "recommended for you",   "you may also like",
        "you might also like", "most read",           "most popular",          "most viewed",
        "top stories",         "latest news",         "in case you missed it", "more on this story",
        "trending now",        "related videos",      "more videos",           NULL};
    /* words that head a list only when a colon says so ("Read more:") */
    static const char *const colon[] = {
        "related",       "also",        "read more", "more",
        "see also",      "recommended", "trending",  "related gallery",
        "related video", "read",        NULL};
    for (int i = 0; lists[i]; i++)
        if (strlen(lists[i]) == zl && memcmp(z, lists[i], zl) == 0)
            return 1;
    if (!l->f.ends_colon)
        return 0;
    for (int i = 0; colon[i]; i++)
        if (strlen(colon[i]) == zl && memcmp(z, colon[i], zl) == 0)
            return 1;
    return 0;
}

static void clean_list_rules(clean_ctx *c) {
    for (size_t i = 0; i < c->n; i++) {
        if (!clean_is_list_header(c, &c->ln[i]))
            continue;
        size_t items[CLEAN_LIST_MAX];
        size_t k = 0, j = i + 1;
        for (; j < c->n && k < CLEAN_LIST_MAX; j++) {
            clean_ln *l = &c->ln[j];
            if (l->blank)
                continue;
            if (l->f.nwords > 20 || l->f.ends_colon)
                break;
            items[k++] = j;
        }
        int to_end = 1;
        for (; j < c->n && to_end; j++)
            if (!c->ln[j].blank && !c->ln[j].reason)
                to_end = 0;
        /* headlines do not end like sentences; a list that closes the
         * article may hold short ones that do */
        for (size_t t = 0; t < k; t++) {
            clean_ln *l = &c->ln[items[t]];
            if (!l->reason && l->f.ends_sent && (!to_end || l->f.nwords > CLEAN_LIST_SENT_WORDS))
                break;
            if (!l->reason)
                l->reason = CLEAN_R_NAV;
        }
    }
}

/* ---- pass 4: cuts inside kept lines ----------------------------------- */

static int clean_inline_pass(clean_ctx *c) {
    for (size_t i = 0; i < c->n; i++) {
        clean_ln *l = &c->ln[i];
        l->cut_lo = l->cut_hi = c->ncuts;
        if (l->blank || l->reason)
            continue;
        if (clean_inline_cuts(c->text, l->ts, l->te, &c->cuts, &c->ncuts, &c->capcuts) != 0)
            return -1;
        l->cut_hi = c->ncuts;
        if (l->cut_hi == l->cut_lo)
            continue;
        /* anything visible left? */
        size_t p = l->ts, w;
        int visible = 0;
        for (size_t k = l->cut_lo; k <= l->cut_hi && !visible; k++) {
            size_t e = k < l->cut_hi ? c->cuts[k].off : l->te;
            for (; p < e && !visible; p += w)
                if ((w = clean_space_width(c->text, e, p)) == 0) {
                    visible = 1;
                    w = 1;
                }
            if (k < l->cut_hi)
                p = c->cuts[k].off + c->cuts[k].len;
        }
        if (!visible) {
            l->reason = c->cuts[l->cut_lo].reason;
            c->ncuts = l->cut_lo;
            l->cut_hi = l->cut_lo;
        }
    }
    return 0;
}

/* ---- pass 5: assembly ------------------------------------------------- */

static void clean_mark_blanks(clean_ctx *c) {
    size_t i = 0;
    while (i < c->n) {
        if (!c->ln[i].blank && !c->ln[i].reason) {
            i++;
            continue;
        }
        size_t r0 = i;
        int removed = 0;
        while (i < c->n && (c->ln[i].blank || c->ln[i].reason)) {
            if (!c->ln[i].blank)
                removed = 1;
            i++;
        }
        size_t r1 = i;
        int has_a = r0 > 0, has_b = r1 < c->n;
        if (!removed) {
            for (size_t t = r0; t < r1; t++)
                c->ln[t].keep_blank = 1;
            continue;
        }
        if (!has_a || !has_b)
            continue;
        size_t keep = r1;
        if (c->ln[r1 - 1].blank) {
            keep = r1 - 1;
        } else {
            for (size_t t = r0; t < r1; t++)
                if (c->ln[t].blank) {
                    keep = t;
                    break;
                }
        }
        if (keep < r1)
            c->ln[keep].keep_blank = 1;
    }
}

static int clean_add_removed(ch_clean_result *out, size_t off, size_t len, const char *reason) {
    if (len == 0)
        return 0;
    if (out->n_removed) {
        ch_removed *p = &out->removed[out->n_removed - 1];
        if (p->off + p->len == off && clean_same(p->reason, reason)) {
            p->len += len;
            return 0;
        }
    }
    ch_removed r = {off, len, reason};
    return VEC_PUSH(out->removed, out->n_removed, out->removed_cap, r);
}

typedef struct clean_emit {
    ch_clean_result *out;
    size_t src_end; /* source offset following the last copied byte */
} clean_emit;

static int clean_copy(clean_emit *em, const char *text, size_t a, size_t b) {
    if (a >= b)
        return 0;
    ch_clean_result *out = em->out;
    if ((out->text.len == 0 && a != 0) || (out->text.len > 0 && a != em->src_end))
        if (offmap_add(&out->map, out->text.len, a) != 0)
            return -1;
    if (buf_append(&out->text, text + a, b - a) != 0)
        return -1;
    em->src_end = b;
    return 0;
}

/* Gives dropped blank lines (reason NULL) the reason of a removal they
 * touch, then merges touching ranges of one reason. */
static void clean_resolve_blanks(ch_clean_result *out) {
    ch_removed *r = out->removed;
    size_t n = out->n_removed;
    for (size_t i = 0; i < n; i++) {
        if (r[i].reason)
            continue;
        if (i > 0 && r[i - 1].reason && r[i - 1].off + r[i - 1].len == r[i].off)
            r[i].reason = r[i - 1].reason;
        else if (i + 1 < n && r[i + 1].reason && r[i].off + r[i].len == r[i + 1].off)
            r[i].reason = r[i + 1].reason;
        else
            r[i].reason = CLEAN_R_BLANK;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (o > 0 && clean_same(r[o - 1].reason, r[i].reason) &&
            r[o - 1].off + r[o - 1].len == r[i].off) {
            r[o - 1].len += r[i].len;
            continue;
        }
        r[o++] = r[i];
    }
    out->n_removed = o;
}

static int clean_assemble(clean_ctx *c, ch_clean_result *out) {
    clean_emit em = {out, 0};
    for (size_t i = 0; i < c->n; i++) {
        clean_ln *l = &c->ln[i];
        if (l->blank) {
            if (l->keep_blank) {
                if (clean_copy(&em, c->text, l->start, l->next) != 0)
                    return -1;
            } else if (clean_add_removed(out, l->start, l->next - l->start, NULL) != 0) {
                return -1;
            }
            continue;
        }
        if (l->reason) {
            if (clean_add_removed(out, l->start, l->next - l->start, l->reason) != 0)
                return -1;
            continue;
        }
        size_t p = l->start;
        for (size_t k = l->cut_lo; k < l->cut_hi; k++) {
            const ch_removed *cut = &c->cuts[k];
            if (clean_copy(&em, c->text, p, cut->off) != 0 ||
                clean_add_removed(out, cut->off, cut->len, cut->reason) != 0)
                return -1;
            p = cut->off + cut->len;
        }
        if (clean_copy(&em, c->text, p, l->next) != 0)
            return -1;
    }
    clean_resolve_blanks(out);
    return 0;
}

/* ---- entry points ----------------------------------------------------- */

int clean_text(const char *text, size_t len, ch_clean_result *out) {
    clean_ctx c;
    memset(&c, 0, sizeof c);
    c.text = text;
    c.len = len;
    int rc = -1;
    if (buf_reserve(&out->text, len) != 0)
        goto done;
    out->text.data[0] = '\0';
    if (clean_split(&c) != 0)
        goto done;
    for (size_t i = 0; i < c.n; i++) {
        clean_ln *l = &c.ln[i];
        if (!l->blank)
            l->reason = clean_line_reason(text + l->ts, l->te - l->ts, &l->f);
    }
    clean_head_rules(&c);
    clean_tweet_rules(&c);
    clean_list_rules(&c);
    if (clean_inline_pass(&c) != 0)
        goto done;
    clean_mark_blanks(&c);
    if (clean_assemble(&c, out) != 0)
        goto done;
    rc = 0;
done:
    free(c.ln);
    free(c.cuts);
    if (rc != 0)
        clean_result_free(out);
    return rc;
}

void clean_result_free(ch_clean_result *r) {
    if (!r)
        return;
    buf_free(&r->text);
    offmap_free(&r->map);
    free(r->removed);
    memset(r, 0, sizeof *r);
}
