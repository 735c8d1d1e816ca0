/*
 * timeline.c - dated events of a cluster (see timeline.h).
 *
 * 1. Each report's publication date: dates_published().
 * 2. Each sentence's temporal expressions (dates_when); the event's date is
 *    the most precise one (a day, then a month, then a year, then anything
 *    relative), the first of equals. Lines that are only a date with a
 *    "Posted"/"Updated" label, or a bare dateline, are metadata, not events.
 * 3. Placement: dates_resolve() against the report's publication date.
 * 4. Merging, greedily in report order: an event joins the earlier event
 *    with the highest cosine (stem bags, idf weights) when that cosine is at
 *    least TIMELINE_MERGE_COS, the dates agree, and the earlier event has no
 *    sentence from the same report yet.
 * 5. Ordering: placed events by day number (coarser precision first on the
 *    same day), then relative events that have an approximate day, then the
 *    rest by report and position.
 */
#include "analyze/timeline.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

#define TIMELINE_MERGE_COS 0.5

typedef struct tl_item {
    uint32_t doc;
    uint32_t g;    /* global sentence */
    size_t wf, wl; /* token range of the expression */
    ch_when when;
    ch_ymd date;
    ch_date_prec prec;
    long approx;
    int group; /* index of the merged event */
} tl_item;

/* Rank of an expression: 3 day, 2 month, 1 year, 0 other. */
static int timeline_rank(const ch_when *x) {
    if ((x->day && x->month) || x->weekday >= 0 || x->rel == WHEN_REL_DAY)
        return 3;
    if (x->month || x->rel == WHEN_REL_MONTH)
        return 2;
    if (x->year || x->rel == WHEN_REL_YEAR)
        return 1;
    return 0;
}

/* A sentence that is only a date, possibly labelled ("Posted on June 6,
 * 2024", "Updated 9:00 pm"): metadata of the page. */
static int timeline_is_metadata(const ch_acorpus *k, size_t g, size_t wf, size_t wl) {
    static const char *const labels[] = {"posted", "published", "updated", "first",    "last", "on",
                                         "at",     "by",        "date",    "modified", NULL};
    const char *t = k->docs[k->sent_doc[g]].text;
    size_t others = 0;
    for (size_t i = k->sent_first[g]; i < k->sent_first[g + 1]; i++) {
        if (i >= wf && i < wl)
            continue;
        const ch_aword *w = &k->w[i];
        if (w->kind == AW_PUNCT)
            continue;
        if (aword_in(t, w, labels))
            continue;
        others++;
    }
    return others == 0;
}

/* idf-weighted cosine of the stem bags of two sentences. */
static double timeline_cos(const ch_acorpus *k, size_t ga, size_t gb) {
    double dot = 0, na = 0, nb = 0;
    for (size_t i = k->sent_first[ga]; i < k->sent_first[ga + 1]; i++) {
        uint32_t s = k->stem[i];
        if (s == STRMAP_NONE)
            continue;
        int dup = 0;
        for (size_t p = k->sent_first[ga]; p < i && !dup; p++)
            dup = k->stem[p] == s;
        if (dup)
            continue;
        double w = aword_idf(k, s);
        na += w * w;
        for (size_t j = k->sent_first[gb]; j < k->sent_first[gb + 1]; j++)
            if (k->stem[j] == s) {
                dot += w * w;
                break;
            }
    }
    for (size_t j = k->sent_first[gb]; j < k->sent_first[gb + 1]; j++) {
        uint32_t s = k->stem[j];
        if (s == STRMAP_NONE)
            continue;
        int dup = 0;
        for (size_t p = k->sent_first[gb]; p < j && !dup; p++)
            dup = k->stem[p] == s;
        if (dup)
            continue;
        double w = aword_idf(k, s);
        nb += w * w;
    }
    if (na <= 0 || nb <= 0)
        return 0;
    return dot / sqrt(na * nb);
}

/* Dates of two items agree (both placed: equal at the common precision;
 * else equal weekdays or equal labels). */
static int timeline_dates_agree(const tl_item *a, const tl_item *b) {
    if (a->prec != DATE_PREC_NONE && b->prec != DATE_PREC_NONE) {
        ch_date_prec p = a->prec < b->prec ? a->prec : b->prec;
        if (a->date.year != b->date.year)
            return 0;
        if (p >= DATE_PREC_MONTH && a->date.month != b->date.month)
            return 0;
        if (p >= DATE_PREC_DAY && a->date.day != b->date.day)
            return 0;
        return 1;
    }
    int wa = a->when.weekday, wb = b->when.weekday;
    if (wa < 0 && a->prec == DATE_PREC_DAY)
        wa = dates_weekday_of(dates_days(a->date.year, a->date.month, a->date.day));
    if (wb < 0 && b->prec == DATE_PREC_DAY)
        wb = dates_weekday_of(dates_days(b->date.year, b->date.month, b->date.day));
    if (wa >= 0 && wb >= 0)
        return wa == wb;
    if (a->when.month && b->when.month)
        return a->when.month == b->when.month && a->when.day == b->when.day;
    if (a->when.year && b->when.year)
        return a->when.year == b->when.year;
    return a->when.rel == b->when.rel && a->when.rel_n == b->when.rel_n &&
           a->when.rel != WHEN_REL_NONE;
}

typedef struct tl_group {
    size_t first; /* first item */
    size_t n;
    long sort_day;
    int placed;
    ch_date_prec prec;
    size_t rep;        /* item whose placed date the event takes */
    uint32_t last_doc; /* report of the latest item */
} tl_group;

static int timeline_cmp_groups(const tl_group *a, const tl_group *b, const tl_item *it) {
    int ka = a->placed ? 0 : a->sort_day != LONG_MIN ? 1 : 2;
    int kb = b->placed ? 0 : b->sort_day != LONG_MIN ? 1 : 2;
    if (ka != kb)
        return ka < kb ? -1 : 1;
    if (ka < 2 && a->sort_day != b->sort_day)
        return a->sort_day < b->sort_day ? -1 : 1;
    if (ka == 0 && a->prec != b->prec)
        return a->prec < b->prec ? -1 : 1;
    const tl_item *x = &it[a->first], *y = &it[b->first];
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    if (x->g != y->g)
        return x->g < y->g ? -1 : 1;
    return 0;
}

int timeline_build(const ch_adoc *docs, size_t n_docs, const char *language, ch_arena *a,
                   ch_timeline *out) {
    memset(out, 0, sizeof *out);
    ch_acorpus k;
    int rc = aword_corpus_build(&k, docs, n_docs, language);
    tl_item *items = NULL;
    size_t ni = 0, icap = 0;
    tl_group *groups = NULL;
    size_t ng = 0, gcap = 0;
    size_t *order = NULL;
    ch_ymd *pub = NULL;
    if (rc != 0)
        goto done;
    rc = -1;
    pub = arena_calloc(a, n_docs ? n_docs : 1, sizeof *pub);
    if (!pub)
        goto done;
    for (size_t d = 0; d < n_docs; d++)
        if (dates_published(&docs[d], &pub[d]) < 0)
            goto done;

    /* 1-3: one item per dated sentence */
    for (size_t g = 0; g < k.n_sents; g++) {
        uint32_t d = k.sent_doc[g];
        const char *t = docs[d].text;
        size_t s0 = k.sent_first[g], s1 = k.sent_first[g + 1];
        tl_item best;
        int best_rank = -1;
        for (size_t i = s0; i < s1; i++) {
            ch_when x;
            size_t m = dates_when(t, k.w + s0, s1 - s0, i - s0, 0, &x);
            if (!m)
                continue;
            int rank = timeline_rank(&x);
            if (dates_when_is_dated(&x) && rank > best_rank &&
                !(rank == 0 && x.rel == WHEN_REL_NONE && x.tod_lo >= 0 && best_rank >= 0)) {
                memset(&best, 0, sizeof best);
                best.doc = d;
                best.g = (uint32_t)g;
                best.wf = i;
                best.wl = i + m;
                best.when = x;
                best_rank = rank;
            }
            i += m - 1;
        }
        if (best_rank < 0)
            continue;
        /* a time of day alone ("at 5 pm") does not date an event */
        if (best_rank == 0 && best.when.rel == WHEN_REL_NONE)
            continue;
        if (timeline_is_metadata(&k, g, best.wf, best.wl))
            continue;
        best.prec = dates_resolve(&best.when, &pub[d], &best.date, &best.approx);
        best.group = -1;
        if (VEC_PUSH(items, ni, icap, best) != 0)
            goto done;
    }

    /* 4: merge near-duplicate sentences of different reports */
    for (size_t i = 0; i < ni; i++) {
        double best_cos = TIMELINE_MERGE_COS;
        int best_g = -1;
        for (size_t gi = 0; gi < ng; gi++) {
            /* items come report by report: a group holds a sentence of this
             * report exactly when its latest item is from it */
            if (groups[gi].last_doc == items[i].doc)
                continue;
            const tl_item *head = &items[groups[gi].first];
            if (!timeline_dates_agree(head, &items[i]))
                continue;
            double c = timeline_cos(&k, head->g, items[i].g);
            if (c >= best_cos) {
                best_cos = c;
                best_g = (int)gi;
            }
        }
        if (best_g < 0) {
            tl_group gr;
            memset(&gr, 0, sizeof gr);
            gr.first = i;
            gr.rep = i;
            if (VEC_PUSH(groups, ng, gcap, gr) != 0)
                goto done;
            best_g = (int)(ng - 1);
        }
        items[i].group = best_g;
        groups[best_g].n++;
        groups[best_g].last_doc = items[i].doc;
        if (groups[best_g].rep != i && items[groups[best_g].rep].prec < items[i].prec)
            groups[best_g].rep = i;
    }
    for (size_t gi = 0; gi < ng; gi++) {
        const tl_item *rep = &items[groups[gi].rep];
        groups[gi].placed = rep->prec != DATE_PREC_NONE;
        groups[gi].prec = rep->prec;
        groups[gi].sort_day = rep->approx;
        if (!groups[gi].placed) {
            /* any member with an approximate day */
            for (size_t m = 0; m < ni; m++)
                if (items[m].group == (int)gi && items[m].approx != LONG_MIN) {
                    groups[gi].sort_day = items[m].approx;
                    break;
                }
        }
    }

    /* 5: order */
    order = malloc((ng ? ng : 1) * sizeof *order);
    if (!order)
        goto done;
    for (size_t gi = 0; gi < ng; gi++) {
        size_t j = gi;
        while (j > 0 && timeline_cmp_groups(&groups[order[j - 1]], &groups[gi], items) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = gi;
    }

    out->ev = arena_calloc(a, ng ? ng : 1, sizeof *out->ev);
    if (!out->ev)
        goto done;
    for (size_t oi = 0; oi < ng; oi++) {
        size_t gi = order[oi];
        ch_tl_event *ev = &out->ev[oi];
        ch_tl_ref *refs = arena_calloc(a, groups[gi].n, sizeof *refs);
        uint32_t *dl = arena_calloc(a, groups[gi].n, sizeof *dl);
        if (!refs || !dl)
            goto done;
        size_t nr = 0;
        for (size_t m = 0; m < ni; m++) {
            if (items[m].group != (int)gi)
                continue;
            const tl_item *it = &items[m];
            const ch_adoc *doc = &docs[it->doc];
            size_t local = it->g - k.doc_first[it->doc];
            const ch_aspan *sp = &doc->sents[local];
            ch_tl_ref *r = &refs[nr];
            r->doc = it->doc;
            r->sent = sp->sent;
            r->off = sp->off;
            r->len = sp->len;
            r->src_off = aword_src(doc, sp->off);
            r->src_len = aword_src_end(doc, sp->off + sp->len) - r->src_off;
            const ch_aword *wf = &k.w[it->wf], *wl = &k.w[it->wl - 1];
            r->when_off = wf->off;
            r->when_len = wl->off + wl->len - wf->off;
            r->when_text = arena_strndup(a, doc->text + r->when_off, r->when_len);
            char buf[96];
            dates_label(&it->when, buf, sizeof buf);
            r->label = arena_strndup(a, buf, strlen(buf));
            r->iso = NULL;
            if (it->prec != DATE_PREC_NONE) {
                dates_iso(&it->date, buf, sizeof buf);
                r->iso = arena_strndup(a, buf, strlen(buf));
                if (!r->iso)
                    goto done;
            }
            if (!r->when_text || !r->label)
                goto done;
            dl[nr] = it->doc;
            nr++;
        }
        /* reports, ascending and unique (items are in report order) */
        size_t nd = 0;
        for (size_t m = 0; m < nr; m++)
            if (nd == 0 || dl[nd - 1] != dl[m])
                dl[nd++] = dl[m];
        const tl_item *rep = &items[groups[gi].rep];
        ev->date = rep->date;
        ev->prec = rep->prec;
        ev->sort_day = groups[gi].sort_day;
        ev->refs = refs;
        ev->n_refs = nr;
        ev->docs = dl;
        ev->n_docs = nd;
        ev->label = refs[0].label;
        ev->iso = NULL;
        for (size_t m = 0; m < nr; m++)
            if (refs[m].iso && refs[m].doc == rep->doc) {
                ev->iso = refs[m].iso;
                break;
            }
    }
    out->n = ng;
    out->published = pub;
    out->n_reports = n_docs;
    rc = 0;
done:
    if (rc != 0)
        memset(out, 0, sizeof *out);
    free(items);
    free(groups);
    free(order);
    aword_corpus_free(&k);
    return rc;
}
