/*
 * conflicts.c - comparing the figures of different reports (see
 * conflicts.h for the analysis as a whole; quantity.c extracts them).
 *
 * Reports are compared only when they tell the same story: the cosine of
 * their stem vectors is at least CONFLICTS_MIN_DOC_COS (below
 * CONFLICTS_STRICT_DOC_COS they share a topic more than a story, and the
 * matches below must be stronger). For every pair of figures of two such
 * reports:
 *   match(x, y)  same kind family, same unit, same flags (earlier value,
 *                rate, increment, total, "ago", since/until, negation), no
 *                hypothetical or reported-speech time on either side, the
 *                same direction of change, compatible qualifiers, and
 *                contexts sharing specific stems:
 *                  shared  = stems in both contexts
 *                  weight  = idf(stem) * prox(dist in x) * prox(dist in y)
 *                  cover   = sum of idf * prox over shared / the smaller of
 *                            the two contexts' sums
 *                numeric figures need two shared stems (or one right next
 *                to both figures), temporal ones two (three when strict)
 *                and the same governing verb; names alone never suffice,
 *                except for an age, which must be given for the same name;
 *                and cover >= CONFLICTS_MIN_COVER (STRICT_COVER).
 *   agree(x, y)  values compatible given hedges, ranges and rounding;
 *                temporal figures compared at a granularity both state
 *                (day, weekday, month, year, time of day in a common zone).
 * A matched pair that disagrees becomes a conflict edge when the values are
 * plausibly rival accounts of one fact (within a factor of 4, years and
 * ages within 10), unless either report also states, for the same thing, a
 * value agreeing with the other (the other figure of a sentence "12 killed
 * and 30 injured", their sum, an update later in the report). Edges are
 * grouped with union-find; a group whose figures scatter over more than two
 * camps of values is dropped; each remaining group is one conflict, at most
 * CONFLICTS_MAX_PER_CLUSTER of them, strongest first.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/conflicts.h"
#include "util/vec.h"

#ifndef CONFLICTS_MIN_COVER
#define CONFLICTS_MIN_COVER 0.3 /* share of the smaller context the match must cover */
#endif
#define CONFLICTS_STRICT_COVER 0.4 /* the same, for reports in the loose band below */
#define CONFLICTS_MAX_PER_CLUSTER 6
/* Reports compared must tell the same story: cosine of their stem vectors
 * (1 + log tf) * idf at least this. */
#ifndef CONFLICTS_MIN_DOC_COS
#define CONFLICTS_MIN_DOC_COS 0.15
#endif
/* Below this, the reports share a topic more than a story: stricter matches. */
#define CONFLICTS_STRICT_DOC_COS 0.25

const char *conflicts_kind_name(ch_qkind k) {
    static const char *const names[CH_Q_NKINDS] = {"count",    "money",   "percent", "age",
                                                   "year",     "date",    "weekday", "time",
                                                   "duration", "relative"};
    return (unsigned)k < CH_Q_NKINDS ? names[k] : "unknown";
}

static int conflicts_temporal(ch_qkind k) {
    return k == CH_Q_YEAR || k == CH_Q_DATE || k == CH_Q_WEEKDAY || k == CH_Q_TIME_OF_DAY ||
           k == CH_Q_RELATIVE;
}

/* ----------------------------------------------------------- agreement */

/* Weekday known for a temporal figure: stated, or from a placed date. */
static int conflicts_weekday(const ch_quantity *q) {
    if (q->when.weekday >= 0)
        return q->when.weekday;
    if (dates_prec(&q->date) == DATE_PREC_DAY)
        return dates_weekday_of(dates_days(q->date.year, q->date.month, q->date.day));
    return -1;
}

/* Overlap of two time-of-day ranges (minutes, possibly past 1440), with
 * 'slack' minutes of tolerance, across midnight. */
static int conflicts_tod_overlap(int a0, int a1, int b0, int b1, int slack) {
    for (int shift = -1440; shift <= 1440; shift += 1440) {
        int c0 = b0 + shift, c1 = b1 + shift;
        if (a0 < c1 + slack && c0 < a1 + slack)
            return 1;
    }
    return 0;
}

static int conflicts_time_agree(const ch_quantity *x, const ch_quantity *y) {
    const ch_when *a = &x->when, *b = &y->when;
    if (a->tod_lo < 0 || b->tod_lo < 0)
        return 1;
    int a0 = a->tod_lo, a1 = a->tod_hi, b0 = b->tod_lo, b1 = b->tod_hi;
    if (a->tz != WHEN_TZ_NONE && b->tz != WHEN_TZ_NONE) {
        a0 -= a->tz;
        a1 -= a->tz;
        b0 -= b->tz;
        b1 -= b->tz;
    } else if (a->tz != WHEN_TZ_NONE || b->tz != WHEN_TZ_NONE) {
        return 1; /* one zone unknown: any difference may be the zone */
    }
    /* parts of the day ("morning") have soft edges */
    int slack = (a1 - a0 > 60 || b1 - b0 > 60) ? 60 : 30;
    return conflicts_tod_overlap(a0, a1, b0, b1, slack);
}

/* A temporal figure names a day: a date with its day, a weekday, or a
 * relative day ("yesterday"). */
static int conflicts_day_level(const ch_quantity *q) {
    const ch_when *w = &q->when;
    return (w->day && w->month) || w->weekday >= 0 || w->rel == WHEN_REL_DAY;
}

/* Temporal figures are compared at a granularity both state: two days
 * (by placed dates, else weekdays, else stated month and day), or stated
 * years and months. A year placed only through the publication date ("on
 * Tuesday" in a 2016 report) is never compared with a stated year. */
static int conflicts_temporal_agree(const ch_quantity *x, const ch_quantity *y) {
    const ch_when *a = &x->when, *b = &y->when;
    int dx = conflicts_day_level(x), dy = conflicts_day_level(y);
    if (dx && dy) {
        if (dates_prec(&x->date) == DATE_PREC_DAY && dates_prec(&y->date) == DATE_PREC_DAY) {
            if (x->date.year != y->date.year || x->date.month != y->date.month ||
                x->date.day != y->date.day)
                return 0;
            return conflicts_time_agree(x, y);
        }
        int wx = conflicts_weekday(x), wy = conflicts_weekday(y);
        if (wx >= 0 && wy >= 0) {
            if (wx != wy)
                return 0;
            return conflicts_time_agree(x, y);
        }
        if (a->month && b->month && a->day && b->day) {
            if (a->month != b->month || a->day != b->day)
                return 0;
            return conflicts_time_agree(x, y);
        }
        return -1;
    }
    int compared = 0;
    if (a->year && b->year) {
        if (a->year != b->year)
            return 0;
        compared = 1;
    }
    if (a->month && b->month && (compared || !a->year || !b->year)) {
        if (a->month != b->month)
            return 0;
        compared = 1;
    }
    if (compared)
        return 1;
    if (!dx && !dy && !a->year && !b->year && !a->month && !b->month && a->rel == WHEN_REL_NONE &&
        b->rel == WHEN_REL_NONE)
        return conflicts_time_agree(x, y);
    return -1;
}

/* Equal once both are rounded to the coarser of their precisions and
 * within 10% of each other. */
static int conflicts_round_agree(double a, int sa, double b, int sb) {
    int s = sa > sb ? sa : sb;
    double unit = pow(10, s);
    double ra = floor(a / unit + 0.5), rb = floor(b / unit + 0.5);
    double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return ra == rb && fabs(a - b) <= 0.1 * m + 1e-9;
}

int qty_agree(const ch_quantity *x, const ch_quantity *y) {
    int tx = conflicts_temporal(x->kind), ty = conflicts_temporal(y->kind);
    if (tx != ty)
        return -1;
    if (tx)
        return conflicts_temporal_agree(x, y);
    if (x->kind != y->kind)
        return -1;
    if (x->kind == CH_Q_DURATION && strcmp(x->unit, y->unit) != 0) {
        /* different units: compare in days with a 10% tolerance */
        static const struct {
            const char *u;
            double d;
        } days[] = {{"second", 1.0 / 86400},
                    {"minute", 1.0 / 1440},
                    {"hour", 1.0 / 24},
                    {"day", 1},
                    {"week", 7},
                    {"month", 30.44},
                    {"year", 365.25},
                    {"decade", 3652.5},
                    {"century", 36525}};
        double dx = 0, dy = 0;
        for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
            if (strcmp(x->unit, days[k].u) == 0)
                dx = days[k].d;
            if (strcmp(y->unit, days[k].u) == 0)
                dy = days[k].d;
        }
        if (!dx || !dy)
            return -1;
        double lo1 = x->lo * dx * 0.9, hi1 = x->hi * dx * 1.1, lo2 = y->lo * dy * 0.9,
               hi2 = y->hi * dy * 1.1;
        return lo1 <= hi2 && lo2 <= hi1;
    }
    if (strcmp(x->unit, y->unit) != 0)
        return -1;
    if (x->lo <= y->hi && y->lo <= x->hi)
        return 1;
    uint32_t hedges = QF_APPROX | QF_ATLEAST | QF_ATMOST;
    if (!(x->flags & hedges) && !(y->flags & hedges))
        return conflicts_round_agree(x->value, x->scale, y->value, y->scale);
    /* a hedged figure against a round one: allow the round one's rounding */
    if (!(x->flags & hedges) && x->scale > 0) {
        double u = 0.5 * pow(10, x->scale);
        if (x->value - u <= y->hi && y->lo <= x->value + u)
            return 1;
    }
    if (!(y->flags & hedges) && y->scale > 0) {
        double u = 0.5 * pow(10, y->scale);
        if (y->value - u <= x->hi && x->lo <= y->value + u)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------- matching */

static double conflicts_prox(unsigned d) {
    return 1.0 / (1.0 + 0.15 * (d > 0 ? d - 1 : 0));
}

/* Two time qualifiers name the same time: no stated field differs and at
 * least one is stated by both ("in July" and "in 2016" say nothing of each
 * other and do not count as the same). */
static int conflicts_qual_time_same(const ch_qual *a, const ch_qual *b) {
    int shared = 0;
    if (a->rel || b->rel)
        return a->rel == b->rel && a->rel_n == b->rel_n;
    if (a->year && b->year) {
        if (a->year != b->year)
            return 0;
        shared = 1;
    }
    if (a->month && b->month) {
        if (a->month != b->month)
            return 0;
        shared = 1;
    }
    if (a->day && b->day) {
        if (a->day != b->day)
            return 0;
        shared = 1;
    }
    if (a->weekday >= 0 && b->weekday >= 0) {
        if (a->weekday != b->weekday)
            return 0;
        shared = 1;
    }
    return shared;
}

/* The figure's clause names a calendar time coarser than a day ("in July",
 * "in 2019", "last year", "that month"): a figure of that period. */
static int conflicts_qual_calendar(const ch_quantity *q) {
    for (uint32_t i = 0; i < q->n_qual; i++) {
        const ch_qual *a = &q->qual[i];
        if (a->kind != QUAL_TIME)
            continue;
        if (a->rel == QUAL_REL_ANAPHORIC || a->rel == WHEN_REL_MONTH || a->rel == WHEN_REL_YEAR)
            return 1;
        if (a->rel == WHEN_REL_NONE && (a->year || a->month) && !a->day && a->weekday < 0)
            return 1;
    }
    return 0;
}

/* Qualifiers do not tell the two figures apart. Times stated differently
 * separate them, and so does a month or year stated for one figure only
 * ("20,000 emails in July" against "50,000 emails"); a day stated for one
 * only does not ("12 killed on Saturday" against "14 killed"). A place
 * separates numeric figures even when only one states it ("six killed in
 * New Jersey" against "ten killed"). */
static int conflicts_quals_ok(const ch_quantity *x, const ch_quantity *y) {
    int tx = 0, ty = 0, px = 0, py = 0, time_ok = 0, place_ok = 0;
    for (uint32_t i = 0; i < x->n_qual; i++) {
        tx += x->qual[i].kind == QUAL_TIME;
        px += x->qual[i].kind == QUAL_PLACE;
    }
    for (uint32_t j = 0; j < y->n_qual; j++) {
        ty += y->qual[j].kind == QUAL_TIME;
        py += y->qual[j].kind == QUAL_PLACE;
    }
    for (uint32_t i = 0; i < x->n_qual; i++)
        for (uint32_t j = 0; j < y->n_qual; j++) {
            const ch_qual *a = &x->qual[i], *b = &y->qual[j];
            if (a->kind != b->kind)
                continue;
            if (a->kind == QUAL_TIME && conflicts_qual_time_same(a, b))
                time_ok = 1;
            if (a->kind == QUAL_PLACE && a->place == b->place)
                place_ok = 1;
        }
    if ((tx && ty && !time_ok) ||
        (!time_ok && (conflicts_qual_calendar(x) || conflicts_qual_calendar(y))))
        return 0;
    if (px && py && !place_ok)
        return 0;
    if ((px != 0) != (py != 0) && !conflicts_temporal(x->kind) && x->kind != CH_Q_AGE)
        return 0;
    /* periods: "since ..." against "before ..." or against nothing */
    uint32_t perx = 0, pery = 0;
    for (uint32_t i = 0; i < x->n_qual; i++)
        if (x->qual[i].kind == QUAL_PERIOD)
            perx = x->qual[i].place;
    for (uint32_t j = 0; j < y->n_qual; j++)
        if (y->qual[j].kind == QUAL_PERIOD)
            pery = y->qual[j].place;
    if (perx != pery)
        return 0;
    return 1;
}

/* Stem of the verb that governs a figure: the nearest verb before it in
 * its clause ("was cut off on Monday"), else the nearest after it ("On
 * Monday, the council voted"); STRMAP_NONE if none. */
static uint32_t conflicts_nearest_verb(const ch_quantity *q) {
    for (int side = 1; side >= 0; side--) {
        uint32_t best = STRMAP_NONE;
        unsigned bd = 256;
        for (uint32_t i = 0; i < q->n_ctx; i++)
            if ((q->ctx_flags[i] & CTX_VERB) && ((q->ctx_flags[i] & CTX_LEFT) != 0) == side &&
                q->ctx_dist[i] < bd) {
                bd = q->ctx_dist[i];
                best = q->ctx[i];
            }
        if (best != STRMAP_NONE)
            return best;
    }
    return STRMAP_NONE;
}

typedef struct conflicts_shared {
    uint32_t stem;
    unsigned dist; /* the larger of the two distances */
} conflicts_shared;

/* Strength of the match of what x and y measure; 0 when they are not about
 * the same thing. Fills the shared stems (up to 16) when 'sh' is given.
 * 'strict' asks for more evidence (reports that are only loosely about the
 * same story): two shared stems even next to a figure, three for a time,
 * and a larger cover. */
static double conflicts_match(const ch_acorpus *k, const ch_quantity *x, const ch_quantity *y,
                              int strict, conflicts_shared *sh, size_t *n_sh) {
    if (n_sh)
        *n_sh = 0;
    int tx = conflicts_temporal(x->kind), ty = conflicts_temporal(y->kind);
    if (tx != ty)
        return 0;
    if (!tx) {
        if (x->kind != y->kind)
            return 0;
        if (x->kind != CH_Q_DURATION && strcmp(x->unit, y->unit) != 0)
            return 0;
    }
    const uint32_t same = QF_PRIOR | QF_RATE | QF_INCR | QF_TOTAL | QF_HYPO | QF_AGO | QF_SINCE |
                          QF_UNTIL | QF_ASOF | QF_AFTER | QF_NEG;
    if ((x->flags & same) != (y->flags & same) || ((x->flags | y->flags) & (QF_SPEECH | QF_HYPO)))
        return 0;
    /* a rise is not a fall */
    const uint32_t dir = QF_UP | QF_DOWN;
    if ((x->flags & dir) && (y->flags & dir) && (x->flags & dir) != (y->flags & dir))
        return 0;
    if (x->kind == CH_Q_AGE && x->noun[0] && y->noun[0] && strcmp(x->noun, y->noun) != 0)
        return 0;
    if (!conflicts_quals_ok(x, y))
        return 0;
    double sx = 0, sy = 0, shared = 0, score = 0;
    size_t n = 0, close = 0, adjacent = 0, common = 0, verbs = 0;
    for (uint32_t i = 0; i < x->n_ctx; i++)
        sx += aword_idf(k, x->ctx[i]) * conflicts_prox(x->ctx_dist[i]);
    for (uint32_t j = 0; j < y->n_ctx; j++)
        sy += aword_idf(k, y->ctx[j]) * conflicts_prox(y->ctx_dist[j]);
    for (uint32_t i = 0; i < x->n_ctx; i++)
        for (uint32_t j = 0; j < y->n_ctx; j++) {
            if (x->ctx[i] != y->ctx[j])
                continue;
            double idf = aword_idf(k, x->ctx[i]);
            double px = conflicts_prox(x->ctx_dist[i]), py = conflicts_prox(y->ctx_dist[j]);
            shared += idf * (px < py ? px : py);
            score += idf * px * py;
            unsigned dmax = x->ctx_dist[i] > y->ctx_dist[j] ? x->ctx_dist[i] : y->ctx_dist[j];
            if (dmax <= 4)
                close++;
            if (dmax <= 2)
                adjacent++;
            if (!(x->ctx_flags[i] & CTX_PROPER) || !(y->ctx_flags[j] & CTX_PROPER))
                common++;
            if ((x->ctx_flags[i] | y->ctx_flags[j]) & CTX_VERB)
                verbs++;
            if (sh && n < 16) {
                sh[n].stem = x->ctx[i];
                sh[n].dist = dmax;
            }
            n++;
        }
    if (n_sh)
        *n_sh = n < 16 ? n : 16;
    double denom = sx < sy ? sx : sy;
    if (denom <= 0 || shared / denom < (strict ? CONFLICTS_STRICT_COVER : CONFLICTS_MIN_COVER))
        return 0;
    /* names alone ("President-elect Trump") do not say what is measured,
     * except for an age, which is the age of someone */
    if (common == 0 && x->kind != CH_Q_AGE)
        return 0;
    /* a time dates an event: the verb nearest to each figure must be the
     * same ("was cut" / "cut off", "was scrubbed" / "scrubbed") */
    if (tx && (verbs == 0 || conflicts_nearest_verb(x) != conflicts_nearest_verb(y)))
        return 0;
    /* an age is someone's: a name given with one figure must be near the other */
    if (x->kind == CH_Q_AGE) {
        if (x->owner[0] && y->owner[0]) {
            if (strcmp(x->owner, y->owner) != 0)
                return 0;
        } else if (x->owner[0] || y->owner[0]) {
            const ch_quantity *named = x->owner[0] ? x : y, *other = x->owner[0] ? y : x;
            int near = 0;
            for (uint32_t i = 0; i < other->n_ctx && !near; i++)
                near = other->ctx_dist[i] <= 4 &&
                       strcmp(strmap_key(k->vocab, other->ctx[i], NULL), named->owner) == 0;
            if (!near)
                return 0;
        } else {
            return 0;
        }
    }
    if (tx) {
        if (n < (strict ? 3u : 2u) || close < 1)
            return 0;
    } else {
        if (n < 2 && !(n == 1 && adjacent == 1 && !strict))
            return 0;
    }
    return score;
}

/* ------------------------------------------------------ report vectors */

static int conflicts_cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Cosines of every pair of reports, into cos[d1 * n_docs + d2]. Returns 0
 * or -1 when out of memory. */
static int conflicts_doc_cosines(const ch_acorpus *k, double *cos) {
    size_t nd = k->n_docs;
    uint32_t **ids = calloc(nd ? nd : 1, sizeof *ids);
    double **ws = calloc(nd ? nd : 1, sizeof *ws);
    size_t *len = calloc(nd ? nd : 1, sizeof *len);
    int rc = -1;
    if (!ids || !ws || !len)
        goto out;
    for (size_t d = 0; d < nd; d++) {
        size_t a0 = k->sent_first[k->doc_first[d]], a1 = k->sent_first[k->doc_first[d + 1]];
        size_t n = 0;
        ids[d] = malloc((a1 - a0 ? a1 - a0 : 1) * sizeof **ids);
        ws[d] = malloc((a1 - a0 ? a1 - a0 : 1) * sizeof **ws);
        if (!ids[d] || !ws[d])
            goto out;
        for (size_t i = a0; i < a1; i++)
            if (k->stem[i] != STRMAP_NONE)
                ids[d][n++] = k->stem[i];
        qsort(ids[d], n, sizeof **ids, conflicts_cmp_u32);
        size_t m = 0;
        double norm = 0;
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && ids[d][j] == ids[d][i])
                j++;
            double w = (1 + log((double)(j - i))) * aword_idf(k, ids[d][i]);
            ids[d][m] = ids[d][i];
            ws[d][m++] = w;
            norm += w * w;
            i = j;
        }
        norm = sqrt(norm);
        for (size_t i = 0; i < m && norm > 0; i++)
            ws[d][i] /= norm;
        len[d] = m;
    }
    for (size_t x = 0; x < nd; x++) {
        cos[x * nd + x] = 1;
        for (size_t y = x + 1; y < nd; y++) {
            double dot = 0;
            size_t i = 0, j = 0;
            while (i < len[x] && j < len[y]) {
                if (ids[x][i] < ids[y][j])
                    i++;
                else if (ids[x][i] > ids[y][j])
                    j++;
                else
                    dot += ws[x][i++] * ws[y][j++];
            }
            cos[x * nd + y] = cos[y * nd + x] = dot;
        }
    }
    rc = 0;
out:
    for (size_t d = 0; ids && ws && d < nd; d++) {
        free(ids[d]);
        free(ws[d]);
    }
    free(ids);
    free(ws);
    free(len);
    return rc;
}

/* --------------------------------------------------------- union-find */

static uint32_t conflicts_find_root(uint32_t *parent, uint32_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

typedef struct conflicts_edge {
    uint32_t a, b;
    double score;
    int agree;
} conflicts_edge;

static int conflicts_cmp_u32_by_pos(const void *pa, const void *pb, const ch_quantity *q) {
    const ch_quantity *a = &q[*(const uint32_t *)pa], *b = &q[*(const uint32_t *)pb];
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    return 0;
}

/* insertion sort: groups are small */
static void conflicts_sort_sides(uint32_t *v, size_t n, const ch_quantity *q) {
    for (size_t i = 1; i < n; i++) {
        uint32_t x = v[i];
        size_t j = i;
        while (j > 0 && conflicts_cmp_u32_by_pos(&v[j - 1], &x, q) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* The figures of each sentence, and the matched pairs of each figure. */
typedef struct conflicts_index {
    const size_t *qstart;  /* (n_sents + 1) first figure of each global sentence */
    const size_t *adj_off; /* (nq + 1) */
    const uint32_t *adj;   /* edges of each figure */
} conflicts_index;

/* Same kind of figure (and unit, for numeric ones). */
static int conflicts_same_kind(const ch_quantity *a, const ch_quantity *b) {
    if (conflicts_temporal(a->kind) || conflicts_temporal(b->kind))
        return conflicts_temporal(a->kind) && conflicts_temporal(b->kind);
    return a->kind == b->kind && strcmp(a->unit, b->unit) == 0;
}

/* Does the report of figure 'other' state, for the thing measured by q, a
 * value agreeing with q? Looks at q's matched pairs in that report, at the
 * other figures of the sentence of 'other', and at their sum ("40
 * passengers and 3 crew were rescued" against "43 people were
 * rescued"). */
static int conflicts_agrees_elsewhere(const ch_quantity *qs, const conflicts_index *ix,
                                      const conflicts_edge *e, uint32_t qi, uint32_t other) {
    const ch_quantity *q = &qs[qi];
    uint32_t doc = qs[other].doc;
    for (size_t k = ix->adj_off[qi]; k < ix->adj_off[qi + 1]; k++) {
        const conflicts_edge *x = &e[ix->adj[k]];
        uint32_t p = x->a == qi ? x->b : x->a;
        if (qs[p].doc == doc && x->agree == 1)
            return 1;
    }
    uint32_t g = qs[other].gsent;
    double sum = 0;
    size_t parts = 0;
    for (size_t j = ix->qstart[g]; j < ix->qstart[g + 1]; j++) {
        if (!conflicts_same_kind(q, &qs[j]))
            continue;
        if (j != other && qty_agree(q, &qs[j]) == 1)
            return 1;
        if ((q->kind == CH_Q_COUNT || q->kind == CH_Q_MONEY) && !(qs[j].flags & QF_PRIOR)) {
            sum += qs[j].value;
            parts++;
        }
    }
    if (parts >= 2) {
        ch_quantity t = qs[other];
        t.value = t.lo = t.hi = sum;
        t.flags &= ~(QF_APPROX | QF_ATLEAST | QF_ATMOST);
        t.scale = 0;
        if (qty_agree(q, &t) == 1)
            return 1;
    }
    return 0;
}

/* Days in a time unit ("year" -> 365.25); 1 for anything else. */
static double conflicts_unit_days(const char *u) {
    static const struct {
        const char *u;
        double d;
    } days[] = {{"second", 1.0 / 86400},
                {"minute", 1.0 / 1440},
                {"hour", 1.0 / 24},
                {"day", 1},
                {"week", 7},
                {"month", 30.44},
                {"year", 365.25},
                {"decade", 3652.5},
                {"century", 36525}};
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
        if (strcmp(u, days[k].u) == 0)
            return days[k].d;
    return 1;
}

/* Reports that disagree about one thing usually disagree by a little
 * (an update, a rounding, a slip); figures far apart are more often about
 * different things: counts, amounts, percentages and durations within a
 * factor of CONFLICTS_MAX_RATIO, years and ages within
 * CONFLICTS_MAX_YEARS. */
#define CONFLICTS_MAX_RATIO 4.0
#define CONFLICTS_MAX_YEARS 10.0
static int conflicts_plausible(const ch_quantity *x, const ch_quantity *y) {
    switch (x->kind) {
    case CH_Q_YEAR:
    case CH_Q_AGE:
        return x->kind != y->kind || fabs(x->value - y->value) <= CONFLICTS_MAX_YEARS;
    case CH_Q_COUNT:
    case CH_Q_MONEY:
    case CH_Q_PERCENT:
    case CH_Q_DURATION: {
        double a = fabs(x->value), b = fabs(y->value);
        if (x->kind == CH_Q_DURATION) {
            a *= conflicts_unit_days(x->unit);
            b *= conflicts_unit_days(y->unit);
        }
        double lo = a < b ? a : b, hi = a < b ? b : a;
        return lo > 0 && hi / lo <= CONFLICTS_MAX_RATIO;
    }
    default:
        return 1;
    }
}

/* The figures of a group fall into more than two camps of agreeing values
 * spread wide apart: several different things rather than one disputed
 * one. */
static int conflicts_scattered(const ch_quantity *q, const uint32_t *v, size_t n) {
    uint32_t camp[64];
    size_t nc = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        size_t c = 0;
        while (c < nc && qty_agree(&q[camp[c]], &q[v[i]]) != 1)
            c++;
        if (c == nc && nc < 64)
            camp[nc++] = v[i];
        double x = fabs(q[v[i]].value);
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
    }
    if (nc <= 2)
        return 0;
    if (conflicts_temporal(q[v[0]].kind))
        return 1;
    return lo <= 0 || hi / lo > 1.5;
}

/* Two temporal figures date different events when their sentences state
 * disagreeing figures of the same kind and unit ("in July, 20,000 emails"
 * against "in October, 50,000 emails"). */
static int conflicts_numbers_differ(const ch_quantity *q, const size_t *qstart,
                                    const ch_quantity *x, const ch_quantity *y) {
    for (size_t i = qstart[x->gsent]; i < qstart[x->gsent + 1]; i++) {
        if (conflicts_temporal(q[i].kind))
            continue;
        for (size_t j = qstart[y->gsent]; j < qstart[y->gsent + 1]; j++) {
            if (q[j].kind != q[i].kind || strcmp(q[j].unit, q[i].unit) != 0)
                continue;
            if (qty_agree(&q[i], &q[j]) == 0)
                return 1;
        }
    }
    return 0;
}

typedef struct conflicts_group {
    uint32_t root;
    double score;
    size_t best_edge;
    uint32_t first; /* side with the smallest (doc, off), for ordering */
} conflicts_group;

int conflicts_find(const ch_adoc *docs, size_t n_docs, const char *language, ch_arena *a,
                   ch_conflicts *out) {
    memset(out, 0, sizeof *out);
    ch_acorpus k;
    int rc = aword_corpus_build(&k, docs, n_docs, language);
    ch_ymd *refs = NULL;
    ch_quantity *q = NULL;
    size_t nq = 0, qcap = 0;
    conflicts_edge *e = NULL;
    size_t ne = 0, ecap = 0;
    uint32_t *parent = NULL;
    uint8_t *in_conflict = NULL;
    conflicts_group *groups = NULL;
    size_t ng = 0, gcap = 0;
    size_t *qstart = NULL, *adj_off = NULL;
    uint32_t *adj = NULL;
    double *dcos = NULL;
    if (rc != 0)
        goto done;
    rc = -1;
    refs = calloc(n_docs ? n_docs : 1, sizeof *refs);
    if (!refs)
        goto done;
    for (size_t d = 0; d < n_docs; d++)
        if (dates_published(&docs[d], &refs[d]) < 0)
            goto done;
    qstart = malloc((k.n_sents + 1) * sizeof *qstart);
    if (!qstart)
        goto done;
    for (size_t g = 0; g < k.n_sents; g++) {
        qstart[g] = nq;
        if (qty_extract(&k, g, &refs[k.sent_doc[g]], a, &q, &nq, &qcap) != 0)
            goto done;
    }
    qstart[k.n_sents] = nq;
    dcos = malloc((n_docs ? n_docs * n_docs : 1) * sizeof *dcos);
    if (!dcos || conflicts_doc_cosines(&k, dcos) != 0)
        goto done;

    /* matched pairs across reports */
    for (size_t i = 0; i < nq; i++)
        for (size_t j = i + 1; j < nq; j++) {
            if (q[i].doc == q[j].doc || dcos[q[i].doc * n_docs + q[j].doc] < CONFLICTS_MIN_DOC_COS)
                continue;
            double dc = dcos[q[i].doc * n_docs + q[j].doc];
            double s = conflicts_match(&k, &q[i], &q[j], dc < CONFLICTS_STRICT_DOC_COS, NULL, NULL);
            if (s <= 0)
                continue;
            int ag = qty_agree(&q[i], &q[j]);
            if (ag < 0)
                continue;
            if (ag == 0 && conflicts_temporal(q[i].kind) &&
                conflicts_numbers_differ(q, qstart, &q[i], &q[j]))
                continue;
            if (ag == 0 && !conflicts_plausible(&q[i], &q[j]))
                continue;
            conflicts_edge ed = {(uint32_t)i, (uint32_t)j, s, ag};
            if (VEC_PUSH(e, ne, ecap, ed) != 0)
                goto done;
        }

    /* each figure's pairs */
    adj_off = calloc(nq + 1, sizeof *adj_off);
    adj = malloc((ne ? 2 * ne : 1) * sizeof *adj);
    if (!adj_off || !adj)
        goto done;
    for (size_t x = 0; x < ne; x++) {
        adj_off[e[x].a + 1]++;
        adj_off[e[x].b + 1]++;
    }
    for (size_t i = 0; i < nq; i++)
        adj_off[i + 1] += adj_off[i];
    {
        size_t *fill = calloc(nq ? nq : 1, sizeof *fill);
        if (!fill)
            goto done;
        for (size_t x = 0; x < ne; x++) {
            adj[adj_off[e[x].a] + fill[e[x].a]++] = (uint32_t)x;
            adj[adj_off[e[x].b] + fill[e[x].b]++] = (uint32_t)x;
        }
        free(fill);
    }
    conflicts_index ix = {qstart, adj_off, adj};

    /* disagreeing pairs that nothing else explains, grouped */
    parent = malloc((nq ? nq : 1) * sizeof *parent);
    in_conflict = calloc(nq ? nq : 1, 1);
    uint8_t *edge_on = calloc(ne ? ne : 1, 1);
    if (!parent || !in_conflict || !edge_on) {
        free(edge_on);
        goto done;
    }
    for (size_t i = 0; i < nq; i++)
        parent[i] = (uint32_t)i;
    for (size_t x = 0; x < ne; x++) {
        if (e[x].agree != 0)
            continue;
        if (conflicts_agrees_elsewhere(q, &ix, e, e[x].a, e[x].b) ||
            conflicts_agrees_elsewhere(q, &ix, e, e[x].b, e[x].a))
            continue;
        edge_on[x] = 1;
        in_conflict[e[x].a] = in_conflict[e[x].b] = 1;
        uint32_t ra = conflicts_find_root(parent, e[x].a), rb = conflicts_find_root(parent, e[x].b);
        if (ra != rb)
            parent[ra < rb ? rb : ra] = ra < rb ? ra : rb;
    }
    for (size_t x = 0; x < ne; x++) {
        if (!edge_on[x])
            continue;
        uint32_t r = conflicts_find_root(parent, e[x].a);
        size_t gi = 0;
        while (gi < ng && groups[gi].root != r)
            gi++;
        if (gi == ng) {
            conflicts_group gr = {r, e[x].score, x, e[x].a};
            if (VEC_PUSH(groups, ng, gcap, gr) != 0) {
                free(edge_on);
                goto done;
            }
        } else if (e[x].score > groups[gi].score) {
            groups[gi].score = e[x].score;
            groups[gi].best_edge = x;
        }
    }
    free(edge_on);

    /* groups scattered over many values are dropped */
    {
        uint32_t *tmp = malloc((nq ? nq : 1) * sizeof *tmp);
        if (!tmp)
            goto done;
        size_t kept = 0;
        for (size_t gi = 0; gi < ng; gi++) {
            size_t m = 0;
            for (size_t i = 0; i < nq; i++)
                if (in_conflict[i] && conflicts_find_root(parent, (uint32_t)i) == groups[gi].root)
                    tmp[m++] = (uint32_t)i;
            if (!conflicts_scattered(q, tmp, m))
                groups[kept++] = groups[gi];
        }
        ng = kept;
        free(tmp);
    }
    /* strongest groups first when there are too many, then by position */
    for (size_t i = 1; i < ng; i++) {
        conflicts_group x = groups[i];
        size_t j = i;
        while (j > 0 && groups[j - 1].score < x.score) {
            groups[j] = groups[j - 1];
            j--;
        }
        groups[j] = x;
    }
    if (ng > CONFLICTS_MAX_PER_CLUSTER)
        ng = CONFLICTS_MAX_PER_CLUSTER;

    out->c = arena_calloc(a, ng ? ng : 1, sizeof *out->c);
    if (!out->c)
        goto done;
    for (size_t gi = 0; gi < ng; gi++) {
        size_t cnt = 0;
        for (size_t i = 0; i < nq; i++)
            cnt += in_conflict[i] && conflicts_find_root(parent, (uint32_t)i) == groups[gi].root;
        uint32_t *sides = arena_alloc(a, cnt * sizeof *sides);
        if (!sides)
            goto done;
        size_t m = 0;
        for (size_t i = 0; i < nq; i++)
            if (in_conflict[i] && conflicts_find_root(parent, (uint32_t)i) == groups[gi].root)
                sides[m++] = (uint32_t)i;
        conflicts_sort_sides(sides, m, q);
        groups[gi].first = sides[0];
        ch_conflict *c = &out->c[gi];
        const conflicts_edge *be = &e[groups[gi].best_edge];
        c->kind = q[be->a].kind;
        c->sides = sides;
        c->n_sides = m;
        c->score = groups[gi].score;
        conflicts_shared sh[16];
        size_t nsh;
        conflicts_match(&k, &q[be->a], &q[be->b], 0, sh, &nsh);
        for (size_t i = 1; i < nsh; i++) {
            conflicts_shared x = sh[i];
            size_t j = i;
            while (j > 0 && sh[j - 1].dist > x.dist) {
                sh[j] = sh[j - 1];
                j--;
            }
            sh[j] = x;
        }
        ch_buf mb = {0};
        int br = 0;
        if (q[be->a].kind == CH_Q_COUNT)
            br |= buf_puts(&mb, q[be->a].unit);
        for (size_t i = 0; i < nsh; i++) {
            if (mb.len)
                br |= buf_putc(&mb, ' ');
            br |= buf_puts(&mb, strmap_key(k.vocab, sh[i].stem, NULL));
        }
        c->measure = br ? NULL : arena_strndup(a, mb.data ? mb.data : "", mb.len);
        buf_free(&mb);
        if (!c->measure)
            goto done;
    }
    /* reading order: by first side */
    for (size_t i = 1; i < ng; i++) {
        ch_conflict x = out->c[i];
        size_t j = i;
        while (j > 0 && conflicts_cmp_u32_by_pos(&out->c[j - 1].sides[0], &x.sides[0], q) > 0) {
            out->c[j] = out->c[j - 1];
            j--;
        }
        out->c[j] = x;
    }
    out->n = ng;

    /* hand the figures and the vocabulary over to the arena */
    out->q = arena_alloc(a, (nq ? nq : 1) * sizeof *out->q);
    size_t nv = strmap_count(k.vocab);
    const char **voc = arena_alloc(a, (nv ? nv : 1) * sizeof *voc);
    if (!out->q || !voc)
        goto done;
    if (nq)
        memcpy(out->q, q, nq * sizeof *q);
    out->n_q = nq;
    for (size_t v = 0; v < nv; v++) {
        size_t len;
        const char *s = strmap_key(k.vocab, (uint32_t)v, &len);
        voc[v] = arena_strndup(a, s, len);
        if (!voc[v])
            goto done;
    }
    out->vocab = voc;
    out->n_vocab = nv;
    rc = 0;
done:
    if (rc != 0) {
        memset(out, 0, sizeof *out);
    }
    free(refs);
    free(q);
    free(e);
    free(parent);
    free(in_conflict);
    free(groups);
    free(qstart);
    free(dcos);
    free(adj_off);
    free(adj);
    aword_corpus_free(&k);
    return rc;
}
