/*
 * quantity.c - figures in a sentence and what they measure (see
 * conflicts.h for the whole analysis).
 *
 * One sentence is read in two passes over its scanned words.
 *
 * Pass 1 finds the expressions, left to right, longest reading first:
 *   temporal   dates_when(): "Saturday, 5 pm GMT", "Oct. 18", "in 2012"
 *   money      "$4.5 billion", "US$3m", "410 million euros"
 *   percent    "5.2%", "12 percent", "3 percentage points"
 *   age        "45-year-old", "aged 45", "45 years old", "Smith, 45,"
 *   duration   "four years", "48 hours", "the two-year talks", "... ago"
 *   year       a four-digit year standing alone: "its 2012 decision"
 *   count      a number and its noun: "12 people", "20,000 emails"
 * with the hedge in front ("about", "more than", "nearly") and the
 * rounding its digits imply. Numbers that are names or parts of something
 * else are skipped: "Flight 116", "No. 5", "3-2", "1/2", "4th", a bare
 * number without a noun, "one" and "a" as counts.
 *
 * Pass 2 reads, for each expression, the words of its clause on both
 * sides (at most ten each way, stopping at sentence punctuation, quotation
 * marks, dashes, brackets, subordinating words, ", and", and other
 * expressions of the same family — numeric or temporal), keeping content
 * stems that are not reporting verbs or attribution nouns, nearest first,
 * and the qualifiers and flags found there (see conflicts.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/conflicts.h"
#include "util/vec.h"

typedef struct qty_rd {
    const ch_acorpus *k;
    const char *t;
    const ch_aword *w;
    const uint32_t *stem;
    size_t n;
} qty_rd;

static int qty_is(const qty_rd *r, size_t i, const char *lit) {
    return i < r->n && aword_is(r->t, &r->w[i], lit);
}

static int qty_in(const qty_rd *r, size_t i, const char *const *list) {
    return i < r->n && aword_in(r->t, &r->w[i], list);
}

static int qty_punct(const qty_rd *r, size_t i, uint32_t cp) {
    return i < r->n && aword_punct(&r->w[i], cp);
}

static int qty_glued(const qty_rd *r, size_t i) {
    return i < r->n && !(r->w[i].flags & AW_SPACE);
}

/* ------------------------------------------------------------ numbers */

typedef struct qty_num {
    double v;
    int approx; /* "a dozen", "half a dozen" */
    int scale;  /* power of ten of the last significant digit */
    size_t len; /* tokens */
    int words;  /* written in words */
    int plain;  /* one token of plain digits (no , or .) */
} qty_num;

static const char *const qty_ones[] = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const qty_tens[] = {"twenty",  "thirty", "forty",  "fifty", "sixty",
                                       "seventy", "eighty", "ninety", NULL};

static int qty_word_index(const char *s, size_t n, const char *const *list) {
    for (int k = 0; list[k]; k++) {
        size_t m = strlen(list[k]);
        if (m != n)
            continue;
        size_t j = 0;
        while (j < n && tolower((unsigned char)s[j]) == list[k][j])
            j++;
        if (j == n)
            return k;
    }
    return -1;
}

/* Value of a number word or hyphenated pair ("twenty-five"); -1 if none. */
static int qty_small_word(const char *s, size_t n) {
    int k = qty_word_index(s, n, qty_ones);
    if (k >= 0)
        return k;
    k = qty_word_index(s, n, qty_tens);
    if (k >= 0)
        return 20 + 10 * k;
    const char *h = memchr(s, '-', n);
    if (h) {
        int t = qty_word_index(s, (size_t)(h - s), qty_tens);
        int o = qty_word_index(h + 1, n - (size_t)(h - s) - 1, qty_ones);
        if (t >= 0 && o >= 1 && o <= 9)
            return 20 + 10 * t + o;
    }
    return -1;
}

/* Scale word at i ("million", "bn" glued to the number): power of ten. */
static int qty_scale_at(const qty_rd *r, size_t i, int money) {
    if (qty_is(r, i, "thousand"))
        return 3;
    if (qty_is(r, i, "million"))
        return 6;
    if (qty_is(r, i, "billion"))
        return 9;
    if (qty_is(r, i, "trillion"))
        return 12;
    if (money && qty_glued(r, i)) {
        if (qty_is(r, i, "m") || qty_is(r, i, "mn"))
            return 6;
        if (qty_is(r, i, "bn") || qty_is(r, i, "b"))
            return 9;
        if (qty_is(r, i, "k"))
            return 3;
        if (qty_is(r, i, "tn"))
            return 12;
    }
    return -1;
}

/* Reads a digit token: "20,000" "4.5" "7". Returns 1 and fills v/scale. */
static int qty_digits(const char *s, size_t n, double *v, int *scale, int *plain) {
    char buf[64];
    size_t b = 0;
    int dot = -1, commas = 0;
    size_t group = 0;
    for (size_t k = 0; k < n; k++) {
        char ch = s[k];
        if (isdigit((unsigned char)ch)) {
            if (b + 1 >= sizeof buf)
                return 0;
            buf[b++] = ch;
            group++;
        } else if (ch == ',') {
            if (dot >= 0 || (commas == 0 && (group == 0 || group > 3)) ||
                (commas > 0 && group != 3))
                return 0;
            commas++;
            group = 0;
        } else if (ch == '.') {
            if (dot >= 0 || (commas > 0 && group != 3))
                return 0;
            dot = (int)b;
            buf[b++] = '.';
            group = 0;
        } else {
            return 0; /* "11:40" is a clock time */
        }
    }
    if (commas > 0 && dot < 0 && group != 3)
        return 0;
    buf[b] = '\0';
    *v = strtod(buf, NULL);
    *plain = commas == 0 && dot < 0;
    if (dot >= 0) {
        *scale = -(int)(b - (size_t)dot - 1);
    } else {
        int z = 0;
        for (size_t k = b; k > 1 && buf[k - 1] == '0'; k--)
            z++;
        *scale = z;
    }
    return 1;
}

/* A number at i, digits or words, with a scale word ("4.5 billion").
 * 'money' admits glued scale suffixes ("3bn"). */
static int qty_number_at(const qty_rd *r, size_t i, int money, qty_num *out) {
    memset(out, 0, sizeof *out);
    if (i >= r->n)
        return 0;
    const ch_aword *w = &r->w[i];
    size_t j = i;
    if (w->kind == AW_NUM) {
        int plain;
        if (!qty_digits(r->t + w->off, w->len, &out->v, &out->scale, &plain))
            return 0;
        out->plain = plain;
        j++;
    } else if (w->kind == AW_WORD) {
        double total = 0, cur = 0;
        int any = 0, last_scale = 0;
        if (qty_is(r, j, "half") && qty_is(r, j + 1, "a") && qty_is(r, j + 2, "dozen")) {
            out->v = 6;
            out->approx = 1;
            out->words = 1;
            out->len = 3;
            return 1;
        }
        if (qty_is(r, j, "a") && (qty_is(r, j + 1, "dozen") || qty_is(r, j + 1, "hundred") ||
                                  qty_is(r, j + 1, "thousand") || qty_is(r, j + 1, "million") ||
                                  qty_is(r, j + 1, "billion"))) {
            cur = 1;
            any = 1;
            j++;
        }
        for (;;) {
            if (j >= r->n || r->w[j].kind != AW_WORD)
                break;
            int sv = qty_small_word(r->t + r->w[j].off, r->w[j].len);
            if (sv >= 0 && (!any || (cur < 100 && fmod(cur, 10) == 0 && sv < 10 && cur >= 20))) {
                cur += sv;
                any = 1;
                last_scale = 0;
                j++;
                continue;
            }
            if (!any)
                break;
            if (qty_is(r, j, "hundred")) {
                cur = (cur ? cur : 1) * 100;
                last_scale = 2;
                j++;
                continue;
            }
            if (qty_is(r, j, "dozen")) {
                cur = (cur ? cur : 1) * 12;
                out->approx = 1;
                j++;
                continue;
            }
            int sc = qty_scale_at(r, j, 0);
            if (sc > 0) {
                total += (cur ? cur : 1) * pow(10, sc);
                cur = 0;
                last_scale = sc;
                j++;
                continue;
            }
            if (qty_is(r, j, "and") && j + 1 < r->n &&
                qty_small_word(r->t + r->w[j + 1].off, r->w[j + 1].len) > 0 &&
                (cur >= 100 || total > 0)) {
                j++;
                continue;
            }
            break;
        }
        if (!any)
            return 0;
        out->v = total + cur;
        out->scale = last_scale;
        out->words = 1;
        out->len = j - i;
        return 1;
    } else {
        return 0;
    }
    int sc = qty_scale_at(r, j, money);
    if (sc > 0) {
        out->v *= pow(10, sc);
        out->scale += sc;
        j++;
    }
    out->len = j - i;
    return 1;
}

/* ------------------------------------------------------------- hedges */

typedef struct qty_hedge {
    uint32_t flags;
    size_t len; /* tokens before the number */
} qty_hedge;

/* Hedge words ending just before token i. */
static qty_hedge qty_hedge_before(const qty_rd *r, size_t i) {
    qty_hedge h = {0, 0};
    static const struct {
        const char *w[3];
        uint32_t flags;
    } tab[] = {
        {{"more", "than", NULL}, QF_ATLEAST},
        {{"greater", "than", NULL}, QF_ATLEAST},
        {{"at", "least", NULL}, QF_ATLEAST},
        {{"upwards", "of", NULL}, QF_ATLEAST},
        {{"in", "excess", "of"}, QF_ATLEAST},
        {{"just", "over", NULL}, QF_ATLEAST},
        {{"well", "over", NULL}, QF_ATLEAST},
        {{"over", NULL, NULL}, QF_ATLEAST},
        {{"less", "than", NULL}, QF_ATMOST},
        {{"fewer", "than", NULL}, QF_ATMOST},
        {{"up", "to", NULL}, QF_ATMOST},
        {{"as", "many", "as"}, QF_ATMOST},
        {{"as", "much", "as"}, QF_ATMOST},
        {{"at", "most", NULL}, QF_ATMOST},
        {{"just", "under", NULL}, QF_ATMOST},
        {{"under", NULL, NULL}, QF_ATMOST},
        {{"nearly", NULL, NULL}, QF_ATMOST | QF_APPROX},
        {{"almost", NULL, NULL}, QF_ATMOST | QF_APPROX},
        {{"close", "to", NULL}, QF_ATMOST | QF_APPROX},
        {{"about", NULL, NULL}, QF_APPROX},
        {{"around", NULL, NULL}, QF_APPROX},
        {{"approximately", NULL, NULL}, QF_APPROX},
        {{"roughly", NULL, NULL}, QF_APPROX},
        {{"some", NULL, NULL}, QF_APPROX},
        {{"an", "estimated", NULL}, QF_APPROX},
        {{"estimated", NULL, NULL}, QF_APPROX},
        {{"approx", NULL, NULL}, QF_APPROX},
        {{"circa", NULL, NULL}, QF_APPROX},
        {{"nearly", NULL, NULL}, QF_APPROX},
    };
    for (size_t t = 0; t < sizeof tab / sizeof tab[0]; t++) {
        size_t m = 0;
        while (m < 3 && tab[t].w[m])
            m++;
        if (m > i)
            continue;
        size_t k = 0;
        while (k < m && qty_is(r, i - m + k, tab[t].w[k]))
            k++;
        if (k == m) {
            h.flags = tab[t].flags;
            h.len = m;
            return h;
        }
    }
    return h;
}

/* Range of values the wording allows. */
static void qty_range(ch_quantity *q) {
    double v = q->value;
    q->lo = q->hi = v;
    if (q->flags & QF_ATLEAST) {
        q->hi = INFINITY;
    } else if ((q->flags & QF_ATMOST) && (q->flags & QF_APPROX)) {
        q->lo = v * 0.85;
    } else if (q->flags & QF_ATMOST) {
        q->lo = 0;
    } else if (q->flags & QF_APPROX) {
        double d = v * 0.15 > 1 ? v * 0.15 : 1;
        q->lo = v - d;
        q->hi = v + d;
    }
}

/* ----------------------------------------------------------- pass 1 */

typedef struct qty_found {
    size_t s, e; /* tokens [s, e) including the hedge */
    ch_quantity q;
    int family; /* 0 numeric, 1 temporal */
} qty_found;

static const char *const qty_currency_words[][2] = {
    {"dollars", "dollar"}, {"dollar", "dollar"}, {"euros", "euro"},   {"euro", "euro"},
    {"yen", "yen"},        {"yuan", "yuan"},     {"rupees", "rupee"}, {"rupee", "rupee"},
    {"pesos", "peso"},     {"peso", "peso"},     {"rubles", "ruble"}, {"roubles", "ruble"},
    {"francs", "franc"},   {"franc", "franc"},   {"pounds", NULL},    {NULL, NULL}};

static const char *qty_currency_word(const qty_rd *r, size_t i) {
    for (int k = 0; qty_currency_words[k][0]; k++)
        if (qty_is(r, i, qty_currency_words[k][0]))
            return qty_currency_words[k][1];
    return NULL;
}

static const char *qty_currency_symbol(uint32_t cp) {
    switch (cp) {
    case '$':
        return "dollar";
    case 0x20AC:
        return "euro";
    case 0xA3:
        return "pound";
    case 0xA5:
        return "yen";
    case 0x20B9:
        return "rupee";
    default:
        return NULL;
    }
}

/* Time units: days per unit (0 if not a unit). *canon gets the singular. */
static double qty_time_unit(const char *s, size_t n, const char **canon) {
    static const struct {
        const char *w;
        const char *c;
        double days;
    } units[] = {{"second", "second", 1.0 / 86400},
                 {"seconds", "second", 1.0 / 86400},
                 {"minute", "minute", 1.0 / 1440},
                 {"minutes", "minute", 1.0 / 1440},
                 {"hour", "hour", 1.0 / 24},
                 {"hours", "hour", 1.0 / 24},
                 {"day", "day", 1},
                 {"days", "day", 1},
                 {"week", "week", 7},
                 {"weeks", "week", 7},
                 {"month", "month", 30.44},
                 {"months", "month", 30.44},
                 {"year", "year", 365.25},
                 {"years", "year", 365.25},
                 {"decade", "decade", 3652.5},
                 {"decades", "decade", 3652.5},
                 {"century", "century", 36525},
                 {"centuries", "century", 36525}};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t m = strlen(units[k].w);
        if (m == n && qty_word_index(s, n, (const char *const[]){units[k].w, NULL}) == 0) {
            *canon = units[k].c;
            return units[k].days;
        }
    }
    return 0;
}

/* Stem string of word token i ("" when it has none). */
static const char *qty_stem_str(const qty_rd *r, size_t i) {
    uint32_t id = r->stem[i];
    if (id == STRMAP_NONE)
        return "";
    return strmap_key(r->k->vocab, id, NULL);
}

/* Canonical unit of a counted noun: irregular plurals folded to the
 * singular, otherwise the stem. */
static const char *qty_noun_unit(const qty_rd *r, size_t i) {
    static const char *const irregular[][2] = {
        {"people", "person"}, {"persons", "person"}, {"men", "man"},
        {"women", "woman"},   {"children", "child"}, {"feet", "foot"},
        {"mice", "mouse"},    {"geese", "goose"},    {NULL, NULL}};
    for (int k = 0; irregular[k][0]; k++)
        if (qty_is(r, i, irregular[k][0]) || qty_is(r, i, irregular[k][1]))
            return irregular[k][1];
    return qty_stem_str(r, i);
}

/* Word token i looks like a participle or adverb (ends a noun phrase). */
static int qty_verbish(const qty_rd *r, size_t i) {
    const ch_aword *w = &r->w[i];
    const char *s = r->t + w->off;
    size_t n = w->len;
    if (n > 4 && s[n - 2] == 'e' && s[n - 1] == 'd')
        return 1;
    if (n > 5 && s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g')
        return 1;
    if (n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y')
        return 1;
    return 0;
}

/* The head noun of a count: the last of up to three content words after
 * the number. Returns its token index, or r->n when there is none. */
static size_t qty_count_head(const qty_rd *r, size_t j, uint32_t *flags) {
    static const char *const incr[] = {"more", "additional", "another", "extra", "further", NULL};
    if (qty_in(r, j, incr)) {
        *flags |= QF_INCR;
        j++;
    }
    size_t head = r->n;
    for (size_t k = 0; k < 3 && j < r->n; k++, j++) {
        const ch_aword *w = &r->w[j];
        if (w->kind != AW_WORD || r->stem[j] == STRMAP_NONE || qty_verbish(r, j))
            break;
        if (dates_month_word(r->t + w->off, w->len) ||
            dates_weekday_word(r->t + w->off, w->len) >= 0)
            break;
        head = j;
        if (w->flags & AW_CAP) {
            /* a capitalised modifier may lead ("three Clinton aides"); a
             * capitalised head is a name, not a unit */
            continue;
        }
        /* a plural noun usually ends the phrase */
        const char *s = r->t + w->off;
        if (w->len > 2 && s[w->len - 1] == 's' && s[w->len - 2] != 's')
            break;
    }
    if (head < r->n && (r->w[head].flags & AW_CAP))
        return r->n;
    return head;
}

static void qty_set_temporal(ch_quantity *q, const ch_when *x, const ch_ymd *ref) {
    q->when = *x;
    if (x->bare_year || (x->year && !x->month && !x->day && x->weekday < 0))
        q->kind = CH_Q_YEAR;
    else if (x->year || x->month || x->day)
        q->kind = CH_Q_DATE;
    else if (x->weekday >= 0)
        q->kind = CH_Q_WEEKDAY;
    else if (x->rel != WHEN_REL_NONE)
        q->kind = CH_Q_RELATIVE;
    else
        q->kind = CH_Q_TIME_OF_DAY;
    ch_date_prec p = dates_resolve(x, ref, &q->date, NULL);
    switch (q->kind) {
    case CH_Q_YEAR:
        q->value = x->year;
        break;
    case CH_Q_DATE:
        q->value =
            p == DATE_PREC_DAY ? (double)dates_days(q->date.year, q->date.month, q->date.day) : 0;
        break;
    case CH_Q_WEEKDAY:
        q->value = x->weekday;
        break;
    case CH_Q_TIME_OF_DAY:
        q->value = x->tod_lo;
        break;
    default:
        q->value = x->rel_n;
    }
    q->lo = q->hi = q->value;
    q->unit = "";
}

/* The noun an age describes: "the 45-year-old suspect" -> "suspect". */
static const char *qty_age_noun(const qty_rd *r, size_t i) {
    if (i < r->n && r->w[i].kind == AW_WORD && !(r->w[i].flags & AW_CAP) &&
        r->stem[i] != STRMAP_NONE) {
        const char *s = r->t + r->w[i].off;
        size_t n = r->w[i].len;
        if (n > 3 && ((s[n - 2] == 'l' && s[n - 1] == 'y') || (s[n - 2] == 'e' && s[n - 1] == 'd')))
            return "";
        return qty_noun_unit(r, i);
    }
    return "";
}

/* A name right after an age: "the 45-year-old John Smith" -> "smith". */
static const char *qty_age_owner_after(const qty_rd *r, size_t i) {
    size_t last = r->n;
    while (i < r->n && r->w[i].kind == AW_WORD && (r->w[i].flags & AW_CAP) &&
           !(r->w[i].flags & AW_START) && r->stem[i] != STRMAP_NONE)
        last = i++;
    return last < r->n ? qty_stem_str(r, last) : "";
}

/* Number-word token with a hyphenated suffix: "five-year-old" (age),
 * "two-year" (adjectival duration). Returns 1 and fills q. */
static int qty_hyphen_word(const qty_rd *r, size_t i, ch_quantity *q) {
    const ch_aword *w = &r->w[i];
    if (w->kind != AW_WORD)
        return 0;
    const char *s = r->t + w->off;
    const char *h = memchr(s, '-', w->len);
    if (!h)
        return 0;
    size_t pre = (size_t)(h - s);
    int v = qty_small_word(s, pre);
    const char *rest = h + 1;
    size_t rn = w->len - pre - 1;
    if (v < 0) {
        /* "twenty-five-year-old": number word with its own hyphen */
        const char *h2 = memchr(rest, '-', rn);
        if (!h2)
            return 0;
        v = qty_small_word(s, (size_t)(h2 - s));
        if (v < 0)
            return 0;
        rest = h2 + 1;
        rn = w->len - (size_t)(rest - s);
    }
    if (v <= 0)
        return 0;
    if ((rn == 8 && strncmp(rest, "year-old", 8) == 0) ||
        (rn == 9 && strncmp(rest, "year-olds", 9) == 0) ||
        (rn == 9 && strncmp(rest, "years-old", 9) == 0)) {
        q->kind = CH_Q_AGE;
        q->value = v;
        q->unit = "year";
        q->flags |= QF_WORDS;
        q->noun = qty_age_noun(r, i + 1);
        q->owner = qty_age_owner_after(r, i + 1);
        return 1;
    }
    const char *canon;
    if (qty_time_unit(rest, rn, &canon) > 0) {
        q->kind = CH_Q_DURATION;
        q->value = v;
        q->unit = canon;
        q->flags |= QF_WORDS | QF_ADJ;
        return 1;
    }
    return 0;
}

/* The role a preposition gives the time that follows it. */
static uint32_t qty_time_prep(const qty_rd *r, size_t i) {
    /* look past "next", "last", "this": "through next September" */
    while (i > 0 &&
           (qty_is(r, i - 1, "next") || qty_is(r, i - 1, "last") || qty_is(r, i - 1, "this")))
        i--;
    if (i == 0)
        return 0;
    if (qty_is(r, i - 1, "since") || qty_is(r, i - 1, "from") || qty_is(r, i - 1, "between"))
        return QF_SINCE;
    if (qty_is(r, i - 1, "until") || qty_is(r, i - 1, "till") || qty_is(r, i - 1, "through") ||
        qty_is(r, i - 1, "by") || qty_is(r, i - 1, "before"))
        return QF_UNTIL;
    /* the end of a span: "from 1991 to 1996", "between 2014 and 2019" */
    if ((qty_is(r, i - 1, "to") || qty_is(r, i - 1, "and")) && i >= 3 &&
        (qty_is(r, i - 3, "from") || qty_is(r, i - 3, "between")))
        return QF_UNTIL;
    if (qty_is(r, i - 1, "of") && i >= 2 && qty_is(r, i - 2, "as"))
        return QF_ASOF;
    if (qty_is(r, i - 1, "after") || qty_is(r, i - 1, "beyond") || qty_is(r, i - 1, "past"))
        return QF_AFTER;
    return 0;
}

/* Tries to read a figure starting at token i; fills *f and returns 1. */
static int qty_try(const qty_rd *r, size_t i, const ch_ymd *ref, qty_found *f) {
    memset(f, 0, sizeof *f);
    ch_quantity *q = &f->q;
    const ch_aword *w = r->w;
    size_t n = r->n;

    /* temporal expressions */
    ch_when x;
    size_t m = dates_when(r->t, w, n, i, 0, &x);
    if (m > 0) {
        qty_set_temporal(q, &x, ref);
        q->flags |= qty_time_prep(r, i);
        f->s = i;
        f->e = i + m;
        f->family = 1;
        return 1;
    }
    if (qty_hyphen_word(r, i, q)) {
        f->s = i;
        f->e = i + 1;
        goto hedge;
    }

    /* money with a leading symbol */
    size_t sym = n;
    if (w[i].kind == AW_PUNCT && qty_currency_symbol(w[i].cp))
        sym = i;
    else if (w[i].kind == AW_WORD && (w[i].flags & AW_UPPER || w[i].len == 1) && w[i].len <= 3 &&
             i + 1 < n && aword_punct(&w[i + 1], '$') && qty_glued(r, i + 1))
        sym = i + 1;
    if (sym < n) {
        qty_num num;
        if (!qty_number_at(r, sym + 1, 1, &num) || num.words)
            return 0;
        q->kind = CH_Q_MONEY;
        q->value = num.v;
        q->scale = num.scale;
        q->unit = qty_currency_symbol(w[sym].cp);
        f->s = i;
        f->e = sym + 1 + num.len;
        goto hedge;
    }

    qty_num num;
    if (!qty_number_at(r, i, 0, &num))
        return 0;
    size_t a = i + num.len;
    f->s = i;
    f->e = a;
    q->value = num.v;
    q->scale = num.scale;
    if (num.words)
        q->flags |= QF_WORDS;
    if (num.approx)
        q->flags |= QF_APPROX;

    /* numbers that are names, ranks, scores, fractions or ordinals */
    if (!num.words) {
        if (i > 0 && w[i - 1].kind == AW_WORD && (w[i - 1].flags & AW_CAP) &&
            !(w[i - 1].flags & AW_START) && r->stem[i - 1] != STRMAP_NONE &&
            !dates_month_word(r->t + w[i - 1].off, w[i - 1].len))
            return 0;
        if (i > 0 &&
            (qty_is(r, i - 1, "no") || qty_is(r, i - 1, "number") || qty_punct(r, i - 1, '#')))
            return 0;
        if (i > 1 && qty_punct(r, i - 1, '.') && qty_is(r, i - 2, "no"))
            return 0;
        if (a < n && w[a].kind == AW_WORD && qty_glued(r, a) &&
            (qty_is(r, a, "st") || qty_is(r, a, "nd") || qty_is(r, a, "rd") || qty_is(r, a, "th") ||
             qty_is(r, a, "s")))
            return 0;
        if ((a + 1 < n &&
             (qty_punct(r, a, '-') || qty_punct(r, a, 0x2013) || qty_punct(r, a, '/')) &&
             w[a + 1].kind == AW_NUM) ||
            (i >= 2 &&
             (qty_punct(r, i - 1, '-') || qty_punct(r, i - 1, 0x2013) ||
              qty_punct(r, i - 1, '/')) &&
             w[i - 2].kind == AW_NUM))
            return 0;
    }
    if (i > 0 && (qty_is(r, i - 1, "no") || qty_is(r, i - 1, "not") || qty_is(r, i - 1, "never")))
        return 0;

    /* money with a trailing currency word */
    const char *cur = qty_currency_word(r, a);
    if (cur || qty_is(r, a, "pounds")) {
        if (!cur)
            return 0; /* pounds of weight or of money: unknown */
        q->kind = CH_Q_MONEY;
        q->unit = cur;
        f->e = a + 1;
        goto hedge;
    }
    /* percentages */
    if (qty_punct(r, a, '%')) {
        q->kind = CH_Q_PERCENT;
        q->unit = "%";
        f->e = a + 1;
        goto hedge;
    }
    if (qty_is(r, a, "percent") || qty_is(r, a, "pct")) {
        q->kind = CH_Q_PERCENT;
        q->unit = "%";
        f->e = a + 1;
        goto hedge;
    }
    if (qty_is(r, a, "per") && qty_is(r, a + 1, "cent")) {
        q->kind = CH_Q_PERCENT;
        q->unit = "%";
        f->e = a + 2;
        goto hedge;
    }
    if (qty_is(r, a, "percentage") && (qty_is(r, a + 1, "point") || qty_is(r, a + 1, "points"))) {
        q->kind = CH_Q_PERCENT;
        q->unit = "pp";
        f->e = a + 2;
        goto hedge;
    }
    /* ages */
    if (qty_punct(r, a, '-') && qty_glued(r, a) && qty_glued(r, a + 1) &&
        (qty_is(r, a + 1, "year-old") || qty_is(r, a + 1, "year-olds") ||
         qty_is(r, a + 1, "years-old"))) {
        q->kind = CH_Q_AGE;
        q->unit = "year";
        q->noun = qty_age_noun(r, a + 2);
        q->owner = qty_age_owner_after(r, a + 2);
        f->e = a + 2;
        goto hedge;
    }
    if ((qty_is(r, a, "years") || qty_is(r, a, "year")) && qty_is(r, a + 1, "old")) {
        q->kind = CH_Q_AGE;
        q->unit = "year";
        f->e = a + 2;
        goto hedge;
    }
    if (i > 0 && (qty_is(r, i - 1, "aged") || qty_is(r, i - 1, "age")) && num.v >= 1 &&
        num.v <= 120) {
        q->kind = CH_Q_AGE;
        q->unit = "year";
        /* "John Smith, aged 45" */
        if (i >= 3 && qty_punct(r, i - 2, ',') && w[i - 3].kind == AW_WORD &&
            (w[i - 3].flags & AW_CAP))
            q->owner = qty_stem_str(r, i - 3);
        goto hedge;
    }
    if (!num.words && num.plain && i >= 2 && qty_punct(r, i - 1, ',') && w[i - 2].kind == AW_WORD &&
        (w[i - 2].flags & AW_CAP) && !dates_month_word(r->t + w[i - 2].off, w[i - 2].len) &&
        num.v >= 1 && num.v <= 110 &&
        (a >= n || qty_punct(r, a, ',') || qty_punct(r, a, ')') || qty_punct(r, a, ';') ||
         qty_punct(r, a, '.'))) {
        q->kind = CH_Q_AGE;
        q->unit = "year";
        q->owner = qty_stem_str(r, i - 2); /* "Tom Ricks, 52," */
        goto hedge;
    }
    /* durations */
    {
        const char *canon;
        size_t u = a;
        int adj = 0;
        if (qty_punct(r, a, '-') && qty_glued(r, a) && qty_glued(r, a + 1)) {
            u = a + 1;
            adj = 1;
        }
        if (u < n && w[u].kind == AW_WORD && qty_time_unit(r->t + w[u].off, w[u].len, &canon) > 0) {
            q->kind = CH_Q_DURATION;
            q->unit = canon;
            if (adj)
                q->flags |= QF_ADJ;
            f->e = u + 1;
            if (qty_is(r, f->e, "ago")) {
                q->flags |= QF_AGO;
                f->e++;
            }
            goto hedge;
        }
    }
    /* a year standing alone: "its 2012 decision" */
    if (num.plain && w[i].len == 4 && num.v >= 1900 && num.v <= 2100) {
        qty_hedge h = qty_hedge_before(r, i);
        if (!h.len) {
            ch_when y;
            memset(&y, 0, sizeof y);
            y.weekday = -1;
            y.tod_lo = y.tod_hi = -1;
            y.tz = WHEN_TZ_NONE;
            y.year = (int)num.v;
            y.bare_year = 1;
            qty_set_temporal(q, &y, ref);
            q->flags |= qty_time_prep(r, i);
            f->family = 1;
            return 1;
        }
    }
    /* counts: a number and its noun */
    if (num.words && num.v < 2)
        return 0;
    if (qty_is(r, a, "of"))
        return 0;
    size_t head = qty_count_head(r, a, &q->flags);
    if (head >= n)
        return 0;
    q->kind = CH_Q_COUNT;
    q->unit = qty_noun_unit(r, head);
    if (!q->unit[0])
        return 0;
    f->e = head + 1;

hedge : {
    qty_hedge h = qty_hedge_before(r, f->s);
    q->flags |= h.flags;
    f->s -= h.len;
    /* a range: "between 0.7 and 1.4 degrees", "10 to 12 people" (but "from
     * 4.9% to 5.2%" is a change, whose second figure stands alone) */
    if (f->s >= 4 && !h.len && q->kind == CH_Q_PERCENT && qty_is(r, f->s - 1, "to") &&
        w[f->s - 3].kind == AW_NUM &&
        (qty_punct(r, f->s - 2, '%') || qty_is(r, f->s - 2, "percent"))) {
        /* "10 percent to 30 percent" */
        double lo;
        int sc, plain;
        if (qty_digits(r->t + w[f->s - 3].off, w[f->s - 3].len, &lo, &sc, &plain) &&
            lo < q->value && !(f->s >= 4 && qty_is(r, f->s - 4, "from"))) {
            q->flags |= QF_RANGE;
            q->lo = lo;
            f->s -= 3;
            return 1;
        }
    }
    if (f->s >= 2 && !h.len && q->kind != CH_Q_AGE &&
        (qty_is(r, f->s - 1, "to") || qty_is(r, f->s - 1, "and")) && w[f->s - 2].kind == AW_NUM &&
        !(f->s >= 3 && qty_is(r, f->s - 3, "from"))) {
        double lo;
        int sc, plain;
        if (qty_digits(r->t + w[f->s - 2].off, w[f->s - 2].len, &lo, &sc, &plain) &&
            lo < q->value &&
            (qty_is(r, f->s - 1, "to") || (f->s >= 3 && qty_is(r, f->s - 3, "between")))) {
            q->flags |= QF_RANGE;
            q->lo = lo;
            f->s -= 2;
            if (f->s > 0 && qty_is(r, f->s - 1, "between"))
                f->s--;
            return 1;
        }
    }
    if (qty_is(r, f->e, "or") && qty_is(r, f->e + 1, "so")) {
        q->flags |= QF_APPROX;
        f->e += 2;
    } else if (qty_punct(r, f->e, '+') && qty_glued(r, f->e)) {
        q->flags |= QF_ATLEAST;
        f->e++;
    }
    qty_range(q);
    return 1;
}
}

/* ----------------------------------------------------------- pass 2 */

static const char *const qty_clause_words[] = {
    "which",   "who",   "whom",  "whose", "while",   "whereas", "although", "though",
    "because", "but",   "when",  "where", "whether", "unless",  "if",       "after",
    "before",  "since", "until", "that",  "what",    "how",     "why",      NULL};

static const char *const qty_skip_words[] = {
    /* reporting verbs and attribution nouns: who says, not what happened */
    "said", "says", "say", "saying", "told", "tell", "tells", "telling", "added", "adds",
    "reported", "reports", "reporting", "report", "according", "announced", "announces", "stated",
    "noted", "notes", "tweeted", "tweets", "tweet", "wrote", "writes", "posted", "claimed",
    "claims", "claim", "confirmed", "confirms", "insisted", "explained", "declared", "alleged",
    "alleges", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "source",
    "sources", "statement", "media", "news",
    /* vague or generic words */
    "also", "just", "now", "still", "only", "even", "already", "yet", "ago", "earlier", "later",
    "recent", "recently", "time", "times", "year", "years", "day", "days", "week", "weeks", "month",
    "months", "hour", "hours", "minute", "minutes", "percent", "least", "more", "less", "than",
    "total", "number", "amount", "figure", "figures", "about", "around", "nearly", "almost",
    "roughly", "approximately", "some", "estimated", "first", "last", "next", "morning",
    "afternoon", "evening", "night", "today", "yesterday", "tomorrow", "tonight", "people",
    "person", NULL};

static int qty_is_hard_boundary(const ch_aword *w) {
    if (w->kind != AW_PUNCT)
        return 0;
    if (aword_is_quote(w))
        return 1;
    switch (w->cp) {
    case '.':
    case ';':
    case ':':
    case '?':
    case '!':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|':
    case 0x2014: /* em dash */
    case 0x2013: /* en dash */
    case 0x2022: /* bullet */
    case 0x2026: /* ellipsis */
        return 1;
    case '-':
        return (w->flags & AW_SPACE) != 0;
    default:
        return 0;
    }
}

/* A period that ends an abbreviation ("U.S.", "Mr.", "Oct.") rather than a
 * sentence: the sentence splitter has already cut at real sentence ends. */
static int qty_abbrev_period(const qty_rd *r, size_t t) {
    static const char *const abbr[] = {
        "mr",   "mrs", "ms",  "dr",  "st",  "jr",     "sr",   "inc",  "co",  "corp",
        "ltd",  "no",  "gov", "sen", "rep", "gen",    "sgt",  "lt",   "col", "capt",
        "prof", "ft",  "mt",  "vs",  "etc", "pvt",    "dept", "jan",  "feb", "aug",
        "sept", "sep", "oct", "nov", "dec", "approx", "est",  "univ", "ave", NULL};
    if (!aword_punct(&r->w[t], '.') || t == 0 || (r->w[t].flags & AW_SPACE) || t + 1 >= r->n)
        return 0;
    const ch_aword *p = &r->w[t - 1];
    if (p->kind != AW_WORD)
        return 0;
    if (memchr(r->t + p->off, '.', p->len) || p->len == 1 || aword_in(r->t, p, abbr))
        return 1;
    return 0;
}

typedef struct qty_ctx {
    uint32_t stem[32];
    uint8_t dist[32];
    uint8_t flags[32]; /* CTX_* */
    uint32_t n;
    ch_qual qual[8];
    uint32_t n_qual;
} qty_ctx;

static void qty_ctx_add(qty_ctx *c, uint32_t stem, unsigned dist, unsigned flags) {
    for (uint32_t k = 0; k < c->n; k++)
        if (c->stem[k] == stem) {
            if (dist < c->dist[k])
                c->dist[k] = (uint8_t)dist;
            c->flags[k] = (uint8_t)((c->flags[k] & flags & CTX_PROPER) |
                                    ((c->flags[k] | flags) & (CTX_VERB | CTX_LEFT)));
            return;
        }
    if (c->n < 32) {
        c->stem[c->n] = stem;
        c->dist[c->n] = (uint8_t)(dist > 255 ? 255 : dist);
        c->flags[c->n] = (uint8_t)flags;
        c->n++;
    }
}

/* Word token t is used as a verb: a regular past or present participle,
 * a common irregular past, or a word shortly after an auxiliary or "to". */
static int qty_verb_like(const qty_rd *r, size_t t) {
    static const char *const irregular[] = {
        "began", "begun",  "became", "broke",  "brought", "built", "bought", "came",   "caught",
        "cut",   "drew",   "drove",  "fell",   "fled",    "flew",  "fought", "found",  "gave",
        "got",   "grew",   "held",   "hit",    "hurt",    "kept",  "knew",   "laid",   "led",
        "left",  "lost",   "made",   "met",    "paid",    "put",   "quit",   "ran",    "rose",
        "sank",  "sat",    "saw",    "sent",   "set",     "shot",  "shut",   "sold",   "spent",
        "spoke", "spread", "stood",  "stole",  "struck",  "swept", "took",   "threw",  "told",
        "went",  "won",    "wore",   "wrote",  "arose",   "awoke", "bled",   "blew",   "burst",
        "dealt", "dug",    "fed",    "felt",   "forgot",  "froze", "hid",    "hung",   "lit",
        "meant", "rang",   "rode",   "sang",   "shook",   "shone", "slid",   "sprang", "stuck",
        "stung", "swore",  "swam",   "taught", "tore",    "woke",  NULL};
    static const char *const aux[] = {
        "had", "has", "have", "was", "were",  "is",  "are", "be",    "been",   "will", "would",
        "to",  "did", "does", "do",  "could", "can", "may", "might", "should", "must", NULL};
    const ch_aword *w = &r->w[t];
    const char *s = r->t + w->off;
    size_t n = w->len;
    if (w->kind != AW_WORD || (w->flags & AW_CAP))
        return 0;
    if ((n > 4 && s[n - 2] == 'e' && s[n - 1] == 'd') ||
        (n > 5 && s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g'))
        return 1;
    if (qty_in(r, t, irregular))
        return 1;
    /* "was cut", "had been cut", "will not cut" */
    static const char *const between[] = {"been",    "being", "not",  "also",  "just", "never",
                                          "already", "since", "then", "still", NULL};
    if (t > 0 && qty_in(r, t - 1, aux))
        return 1;
    if (t > 1 && qty_in(r, t - 2, aux) && qty_in(r, t - 1, between))
        return 1;
    return 0;
}

static void qty_qual_add(qty_ctx *c, const ch_qual *ql) {
    for (uint32_t k = 0; k < c->n_qual; k++)
        if (memcmp(&c->qual[k], ql, sizeof *ql) == 0)
            return;
    if (c->n_qual < 8)
        c->qual[c->n_qual++] = *ql;
}

/* Index of the found figure covering token t, or nf. */
static size_t qty_owner(const qty_found *f, size_t nf, size_t t) {
    for (size_t k = 0; k < nf; k++)
        if (t >= f[k].s && t < f[k].e)
            return k;
    return nf;
}

/* Looks at word token t (in the window of figure 'self') for a place
 * qualifier ("in London") and for flags. */
static void qty_look(const qty_rd *r, size_t t, qty_ctx *c, uint32_t *flags, int right,
                     unsigned dist, int temporal, int comma) {
    static const char *const speech[] = {
        "said",      "says",      "say",        "saying",    "told",      "tell",       "tells",
        "announced", "announces", "announcing", "tweeted",   "tweets",    "wrote",      "writes",
        "posted",    "stated",    "added",      "reported",  "claimed",   "confirmed",  "denied",
        "insisted",  "declared",  "alleged",    "statement", "interview", "conference", "briefing",
        "remarks",   "testified", NULL};
    static const char *const place_preps[] = {"in",      "at",     "near", "from",
                                              "outside", "across", NULL};
    static const char *const rates[] = {"annually", "annual", "yearly", "daily", "weekly",
                                        "monthly",  "hourly", "apiece", NULL};
    static const char *const rate_art[] = {"a", "an", "per", "each", "every", NULL};
    static const char *const rate_units[] = {"year", "day",   "week",   "month",
                                             "hour", "night", "capita", NULL};
    static const char *const totals[] = {"total",      "combined",   "overall",
                                         "cumulative", "altogether", NULL};
    static const char *const hypo[] = {
        "could",     "would",    "might",    "if",       "potentially", "possibly",
        "face",      "faces",    "faced",    "facing",   "seek",        "seeks",
        "seeking",   "sought",   "propose",  "proposed", "proposes",    "proposal",
        "plans",     "planned",  "wants",    "asking",   "demanded",    "demands",
        "projected", "forecast", "expected", "target",   "can",         "cannot",
        "should",    "must",     "would",    "due",      "scheduled",   NULL};
    const ch_aword *w = &r->w[t];
    if (w->kind != AW_WORD)
        return;
    if ((w->flags & AW_CAP) && !(w->flags & AW_START) && t > 0 && qty_in(r, t - 1, place_preps) &&
        r->stem[t] != STRMAP_NONE && !dates_month_word(r->t + w->off, w->len) &&
        dates_weekday_word(r->t + w->off, w->len) < 0) {
        ch_qual ql;
        memset(&ql, 0, sizeof ql);
        ql.kind = QUAL_PLACE;
        ql.weekday = -1;
        /* the whole name: "New Jersey" and "New York City" differ */
        uint32_t h = 2166136261u;
        for (size_t u = t;
             u < r->n && u < t + 4 && r->w[u].kind == AW_WORD && (r->w[u].flags & AW_CAP); u++)
            h = (h ^ (r->stem[u] + 1u)) * 16777619u;
        ql.place = h;
        qty_qual_add(c, &ql);
    }
    /* "said Tuesday", "told reporters on Tuesday"; not "on Monday, residents said" */
    if (temporal && dist <= (right ? 2u : 3u) && !comma && qty_in(r, t, speech))
        *flags |= QF_SPEECH;
    if (!temporal &&
        (qty_in(r, t, rates) ||
         (qty_in(r, t, rate_art) && qty_in(r, t + 1, rate_units) && !qty_is(r, t + 2, "after") &&
          !qty_is(r, t + 2, "before") && !qty_is(r, t + 2, "ago") && !qty_is(r, t + 2, "later") &&
          !qty_is(r, t + 2, "earlier") && right &&
          !(t > 0 && (qty_is(r, t - 1, "in") || qty_is(r, t - 1, "within") ||
                      qty_is(r, t - 1, "for") || qty_is(r, t - 1, "of"))))))
        *flags |= QF_RATE;
    if (qty_in(r, t, totals) || (qty_is(r, t, "in") && qty_is(r, t + 1, "all")))
        *flags |= QF_TOTAL;
    /* a time named by reference: "that month", "the same day" */
    static const char *const anaphora[] = {"that", "same", "previous", "following", "prior", NULL};
    static const char *const periods[] = {"day",     "week",      "month",   "year",
                                          "quarter", "season",    "morning", "night",
                                          "evening", "afternoon", NULL};
    if (qty_in(r, t, anaphora) && qty_in(r, t + 1, periods)) {
        ch_qual ql;
        memset(&ql, 0, sizeof ql);
        ql.kind = QUAL_TIME;
        ql.weekday = -1;
        ql.rel = QUAL_REL_ANAPHORIC;
        qty_qual_add(c, &ql);
    }
    if (!right && (qty_in(r, t, hypo) || (qty_is(r, t, "may") && !(w->flags & AW_CAP))))
        *flags |= QF_HYPO;
    if ((qty_is(r, t, "another") || qty_is(r, t, "additional") || qty_is(r, t, "extra")) &&
        dist <= 2)
        *flags |= QF_INCR;
    /* negation: "did not want", "never", "no more than" is a hedge, not this */
    static const char *const neg[] = {"not",     "never", "no",      "none",
                                      "neither", "nor",   "without", NULL};
    size_t bl = w->len;
    const char *ws = r->t + w->off;
    if (!temporal &&
        (qty_in(r, t, neg) ||
         (bl > 3 && ws[bl - 2] == '\'' && ws[bl - 1] == 't' && ws[bl - 3] == 'n') ||
         (bl > 5 && ws[bl - 1] == 't' && (unsigned char)ws[bl - 2] == 0x99 && ws[bl - 5] == 'n')))
        *flags |= QF_NEG;
    /* direction of a change */
    static const char *const up[] = {
        "rose",  "rise",    "rises",     "risen",    "rising",    "grew",       "grow",   "grows",
        "grown", "growing", "increased", "increase", "increases", "increasing", "up",     "gained",
        "gain",  "gains",   "climbed",   "jumped",   "surged",    "soared",     "higher", NULL};
    static const char *const down[] = {
        "fell",      "fall",    "falls", "fallen", "falling", "declined",  "decline",  "declines",
        "declining", "dropped", "drop",  "drops",  "down",    "decreased", "decrease", "slid",
        "slipped",   "plunged", "lower", "shrank", "dipped",  "tumbled",   NULL};
    if (!temporal && qty_in(r, t, up))
        *flags |= QF_UP;
    if (!temporal && qty_in(r, t, down))
        *flags |= QF_DOWN;
}

/* Walks one way from the figure f[self] collecting its context. */
static void qty_walk(const qty_rd *r, const qty_found *f, size_t nf, size_t self, int right,
                     qty_ctx *c, uint32_t *flags) {
    const qty_found *me = &f[self];
    unsigned dist = 0;
    size_t t = right ? me->e : me->s;
    int first = 1, comma = 0;
    for (;;) {
        if (right) {
            if (t >= r->n)
                break;
        } else {
            if (t == 0)
                break;
            t--;
        }
        const ch_aword *w = &r->w[t];
        size_t own = qty_owner(f, nf, t);
        if (own < nf && own != self) {
            if (f[own].family == me->family)
                break;
            /* a temporal expression in a numeric figure's clause qualifies it */
            const ch_when *x = &f[own].q.when;
            if (f[own].family == 1 &&
                (x->year || x->month || x->day || x->weekday >= 0 || x->rel != WHEN_REL_NONE)) {
                ch_qual ql;
                memset(&ql, 0, sizeof ql);
                ql.kind = QUAL_TIME;
                ql.year = x->year;
                ql.month = x->month;
                ql.day = x->day;
                ql.weekday = x->weekday;
                ql.rel = (int)x->rel;
                ql.rel_n = x->rel_n;
                qty_qual_add(c, &ql);
            }
            dist++;
            if (right)
                t = f[own].e;
            else
                t = f[own].s;
            first = 0;
            if (dist > 10)
                break;
            continue;
        }
        if (qty_is_hard_boundary(w) && !qty_abbrev_period(r, t))
            break;
        if (w->kind == AW_PUNCT) {
            /* ", and" / ", but" open a new clause */
            if (w->cp == ',' && right &&
                (qty_is(r, t + 1, "and") || qty_is(r, t + 1, "but") || qty_is(r, t + 1, "or")))
                break;
            if (w->cp == ',')
                comma = 1;
            first = 0;
            if (right)
                t++;
            continue;
        }
        if (right && first && r->stem[t] == STRMAP_NONE && me->family == 0 &&
            me->q.kind != CH_Q_DURATION && me->q.kind != CH_Q_AGE &&
            (qty_is(r, t, "since") || qty_is(r, t, "before") || qty_is(r, t, "after") ||
             qty_is(r, t, "until") || qty_is(r, t, "till") ||
             (qty_is(r, t, "so") && qty_is(r, t + 1, "far")) ||
             (qty_is(r, t, "to") && qty_is(r, t + 1, "date")))) {
            /* "sunk 17 inches since construction began": a figure of a period */
            ch_qual ql;
            memset(&ql, 0, sizeof ql);
            ql.kind = QUAL_PERIOD;
            ql.weekday = -1;
            ql.place = (uint32_t)tolower((unsigned char)r->t[w->off]) * 256u +
                       (uint32_t)tolower((unsigned char)r->t[w->off + 1]);
            qty_qual_add(c, &ql);
        }
        if (qty_in(r, t, qty_clause_words) && (right || !first) &&
            !(qty_is(r, t, "that") && (qty_is(r, t + 1, "month") || qty_is(r, t + 1, "year") ||
                                       qty_is(r, t + 1, "day") || qty_is(r, t + 1, "week"))))
            break;
        if (!right && (qty_is(r, t, "and") || qty_is(r, t, "but")) && t > 0 &&
            qty_punct(r, t - 1, ','))
            break;
        dist++;
        if (dist > 10)
            break;
        qty_look(r, t, c, flags, right, dist, me->family, comma);
        if (w->kind == AW_WORD && r->stem[t] != STRMAP_NONE && !qty_in(r, t, qty_skip_words) &&
            !dates_month_word(r->t + w->off, w->len) &&
            dates_weekday_word(r->t + w->off, w->len) < 0)
            qty_ctx_add(c, r->stem[t], dist,
                        ((w->flags & AW_CAP) ? CTX_PROPER : 0u) |
                            (qty_verb_like(r, t) ? CTX_VERB : 0u) | (right ? 0u : CTX_LEFT));
        first = 0;
        if (right)
            t++;
    }
}

/* A modal or a condition earlier in the sentence ("pipes could burst
 * if the temperature falls to minus 20 degrees"): the figure may not
 * describe what happened. */
static int qty_modal_before(const qty_rd *r, size_t s) {
    static const char *const modal[] = {"can", "could",  "would",    "might",  "should", "must",
                                        "if",  "unless", "whenever", "cannot", NULL};
    for (size_t t = 0; t < s; t++)
        if (qty_in(r, t, modal) || (qty_is(r, t, "may") && !(r->w[t].flags & AW_CAP)))
            return 1;
    return 0;
}

/* Flags read from the words just before the figure. */
static uint32_t qty_prior_flags(const qty_rd *r, size_t s) {
    uint32_t fl = 0;
    if (s > 0 &&
        (qty_is(r, s - 1, "from") || qty_is(r, s - 1, "than") || qty_is(r, s - 1, "versus") ||
         qty_is(r, s - 1, "vs") || qty_is(r, s - 1, "previously") || qty_is(r, s - 1, "was")))
        fl |= QF_PRIOR;
    if (s > 1 && qty_is(r, s - 2, "compared") &&
        (qty_is(r, s - 1, "with") || qty_is(r, s - 1, "to")))
        fl |= QF_PRIOR;
    if (s > 2 && qty_is(r, s - 3, "compared") && qty_is(r, s - 1, "to"))
        fl |= QF_PRIOR;
    return fl;
}

int qty_extract(const ch_acorpus *k, size_t g, const ch_ymd *ref, ch_arena *a, ch_quantity **out,
                size_t *n_out, size_t *cap_out) {
    uint32_t d = k->sent_doc[g];
    const ch_adoc *doc = &k->docs[d];
    size_t first = k->sent_first[g];
    qty_rd r = {k, doc->text, k->w + first, k->stem + first, k->sent_first[g + 1] - first};
    qty_found *f = NULL;
    size_t nf = 0, fcap = 0;
    int rc = 0;
    for (size_t i = 0; i < r.n;) {
        qty_found x;
        if (qty_try(&r, i, ref, &x)) {
            if (VEC_PUSH(f, nf, fcap, x) != 0) {
                free(f);
                return -1;
            }
            i = x.e > i ? x.e : i + 1;
        } else {
            i++;
        }
    }
    for (size_t fi = 0; fi < nf && rc == 0; fi++) {
        qty_found *x = &f[fi];
        ch_quantity q = x->q;
        qty_ctx c;
        memset(&c, 0, sizeof c);
        uint32_t flags = q.flags;
        if (x->family == 0)
            flags |= qty_prior_flags(&r, x->s);
        if (qty_modal_before(&r, x->s))
            flags |= QF_HYPO;
        qty_walk(&r, f, nf, fi, 0, &c, &flags);
        qty_walk(&r, f, nf, fi, 1, &c, &flags);
        size_t quotes = 0;
        for (size_t t = 0; t < x->s; t++)
            quotes += aword_is_quote(&r.w[t]) && r.w[t].cp != 0x2019 && r.w[t].cp != '\'';
        if (quotes % 2)
            flags |= QF_QUOTED;
        q.flags = flags;
        if (x->family == 0) {
            double lo = q.lo;
            qty_range(&q);
            if (q.flags & QF_RANGE)
                q.lo = lo;
        }
        q.doc = d;
        q.gsent = (uint32_t)g;
        {
            size_t local = g - k->doc_first[d];
            q.sent = local < doc->n_sents ? doc->sents[local].sent : (uint32_t)local;
        }
        q.off = r.w[x->s].off;
        q.len = r.w[x->e - 1].off + r.w[x->e - 1].len - q.off;
        q.src_off = aword_src(doc, q.off);
        q.src_len = aword_src_end(doc, q.off + q.len) - q.src_off;
        q.text = arena_strndup(a, doc->text + q.off, q.len);
        /* context: nearest first */
        for (uint32_t u = 1; u < c.n; u++) {
            uint32_t s0 = c.stem[u];
            uint8_t d0 = c.dist[u], p0 = c.flags[u];
            uint32_t v = u;
            while (v > 0 && c.dist[v - 1] > d0) {
                c.stem[v] = c.stem[v - 1];
                c.dist[v] = c.dist[v - 1];
                c.flags[v] = c.flags[v - 1];
                v--;
            }
            c.stem[v] = s0;
            c.dist[v] = d0;
            c.flags[v] = p0;
        }
        uint32_t *ctx = arena_alloc(a, (c.n ? c.n : 1) * sizeof *ctx);
        uint8_t *dist = arena_alloc(a, c.n ? c.n : 1);
        uint8_t *proper = arena_alloc(a, c.n ? c.n : 1);
        ch_qual *qual = arena_alloc(a, (c.n_qual ? c.n_qual : 1) * sizeof *qual);
        ch_buf mb = {0};
        if (!q.text || !ctx || !dist || !proper || !qual) {
            rc = -1;
            break;
        }
        memcpy(ctx, c.stem, c.n * sizeof *ctx);
        memcpy(dist, c.dist, c.n);
        memcpy(proper, c.flags, c.n);
        q.ctx_flags = proper;
        memcpy(qual, c.qual, c.n_qual * sizeof *qual);
        q.ctx = ctx;
        q.ctx_dist = dist;
        q.n_ctx = c.n;
        q.qual = qual;
        q.n_qual = c.n_qual;
        if (q.kind == CH_Q_COUNT && q.unit[0])
            rc |= buf_puts(&mb, q.unit);
        for (uint32_t u = 0; u < c.n && u < 8; u++) {
            const char *st = strmap_key(k->vocab, c.stem[u], NULL);
            if (q.kind == CH_Q_COUNT && strcmp(st, q.unit) == 0)
                continue;
            if (mb.len)
                rc |= buf_putc(&mb, ' ');
            rc |= buf_puts(&mb, st);
        }
        q.measure = arena_strndup(a, mb.data ? mb.data : "", mb.len);
        q.unit = arena_strndup(a, q.unit ? q.unit : "", q.unit ? strlen(q.unit) : 0);
        q.noun = arena_strndup(a, q.noun ? q.noun : "", q.noun ? strlen(q.noun) : 0);
        q.owner = arena_strndup(a, q.owner ? q.owner : "", q.owner ? strlen(q.owner) : 0);
        buf_free(&mb);
        if (rc || !q.measure || !q.unit || !q.noun || !q.owner) {
            rc = -1;
            break;
        }
        if (VEC_PUSH(*out, *n_out, *cap_out, q) != 0) {
            rc = -1;
            break;
        }
    }
    free(f);
    return rc;
}
