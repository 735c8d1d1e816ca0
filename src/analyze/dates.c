/*
 * dates.c - calendar arithmetic, temporal expressions and publication dates.
 * See dates.h.
 *
 * Day numbers use the civil-from-days construction over 400-year eras
 * (146097 days each), exact for the proleptic Gregorian calendar.
 *
 * dates_when() is a small left-to-right reader over scanned words. It takes
 * components while they come — modifiers ("early", "late", "shortly
 * before"), a weekday, a part of the day, a clock time and zone, a date,
 * a year, a relative expression — joined by "," "at" "on", and stops at the
 * first word that is none of them, giving back connectors it did not need.
 * It refuses readings that are usually something else: "May" or "March"
 * without a day or a preposition, a lone part of the day ("in the
 * morning"), clock times without am/pm, zone or 24-hour form.
 */
#include "analyze/dates.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ calendar */

int dates_valid(int y, int m, int d) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

long dates_days(int y, int m, int d) {
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dates_civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

int dates_weekday_of(long days) {
    return (int)(((days % 7) + 7 + 3) % 7);
}

ch_date_prec dates_prec(const ch_ymd *d) {
    if (!d || d->year <= 0)
        return DATE_PREC_NONE;
    if (d->month <= 0)
        return DATE_PREC_YEAR;
    if (d->day <= 0)
        return DATE_PREC_MONTH;
    return DATE_PREC_DAY;
}

void dates_iso(const ch_ymd *d, char *buf, size_t cap) {
    if (!cap)
        return;
    switch (dates_prec(d)) {
    case DATE_PREC_DAY:
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
        break;
    case DATE_PREC_MONTH:
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
        break;
    case DATE_PREC_YEAR:
        snprintf(buf, cap, "%04d", d->year);
        break;
    default:
        buf[0] = '\0';
    }
}

static const char *const dates_months[12][3] = {
    {"january", "jan", NULL}, {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},   {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},    {"august", "aug", NULL},   {"september", "sept", "sep"},
    {"october", "oct", NULL}, {"november", "nov", NULL}, {"december", "dec", NULL}};

static const char *const dates_weekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};

static int dates_eq(const char *w, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (k != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)w[i]) != lit[i])
            return 0;
    return 1;
}

int dates_month_word(const char *w, size_t n) {
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && dates_months[m][k]; k++)
            if (dates_eq(w, n, dates_months[m][k]))
                return m + 1;
    return 0;
}

int dates_weekday_word(const char *w, size_t n) {
    for (int d = 0; d < 7; d++)
        if (dates_eq(w, n, dates_weekdays[d]))
            return d;
    return -1;
}

const char *dates_month_name(int m) {
    static const char *const names[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
    return m >= 1 && m <= 12 ? names[m - 1] : "";
}

const char *dates_weekday_name(int wd) {
    static const char *const names[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};
    return wd >= 0 && wd <= 6 ? names[wd] : "";
}

/* -------------------------------------------------------- expressions */

typedef struct dates_rd {
    const char *t;
    const ch_aword *w;
    size_t n;
} dates_rd;

static int dates_is(const dates_rd *r, size_t i, const char *lit) {
    return i < r->n && aword_is(r->t, &r->w[i], lit);
}

static int dates_is_punct(const dates_rd *r, size_t i, uint32_t cp) {
    return i < r->n && aword_punct(&r->w[i], cp);
}

/* Value of a plain number token of at most 'maxd' digits (no inner
 * punctuation), or -1. */
static long dates_int(const dates_rd *r, size_t i, size_t maxd) {
    if (i >= r->n || r->w[i].kind != AW_NUM || r->w[i].len > maxd)
        return -1;
    long v = 0;
    for (size_t k = 0; k < r->w[i].len; k++) {
        char ch = r->t[r->w[i].off + k];
        if (!isdigit((unsigned char)ch))
            return -1;
        v = v * 10 + (ch - '0');
    }
    return v;
}

/* Small number words for "two days ago". */
static int dates_small_number(const dates_rd *r, size_t i) {
    static const char *const words[] = {"a",    "one",    "two",    "three", "four",
                                        "five", "six",    "seven",  "eight", "nine",
                                        "ten",  "eleven", "twelve", NULL};
    for (int k = 0; words[k]; k++)
        if (dates_is(r, i, words[k]))
            return k == 0 ? 1 : k;
    long v = dates_int(r, i, 3);
    return v > 0 ? (int)v : -1;
}

/* Ordinal suffix glued to a day number: "18th". */
static int dates_is_ordinal_suffix(const dates_rd *r, size_t i) {
    if (i >= r->n || r->w[i].kind != AW_WORD || (r->w[i].flags & AW_SPACE))
        return 0;
    return dates_is(r, i, "st") || dates_is(r, i, "nd") || dates_is(r, i, "rd") ||
           dates_is(r, i, "th");
}

/* Month word at i (capitalised); returns the month and sets *len to the
 * tokens used (an abbreviation may carry its period). */
static int dates_month_at(const dates_rd *r, size_t i, size_t *len) {
    if (i >= r->n || r->w[i].kind != AW_WORD || !(r->w[i].flags & AW_CAP))
        return 0;
    int m = dates_month_word(r->t + r->w[i].off, r->w[i].len);
    if (!m)
        return 0;
    *len = 1;
    /* an abbreviation may carry its period: "Oct." (or come without: "Oct 18") */
    if (r->w[i].len < strlen(dates_months[m - 1][0]) && dates_is_punct(r, i + 1, '.') &&
        !(r->w[i + 1].flags & AW_SPACE))
        *len = 2;
    return m;
}

/* Reads a year token (1000..2199, four plain digits). */
static int dates_year_at(const dates_rd *r, size_t i) {
    if (i >= r->n || r->w[i].len != 4)
        return 0;
    long v = dates_int(r, i, 4);
    return v >= 1000 && v <= 2199 ? (int)v : 0;
}

/* Calendar date at i: "Oct. 18, 2016", "October 17", "18 October 2016",
 * "October 2016", "2016-10-18", and a month alone when 'month_ok'. Returns
 * tokens used, 0 if none. */
static size_t dates_date_at(const dates_rd *r, size_t i, int month_ok, ch_when *x) {
    size_t ml;
    int m = dates_month_at(r, i, &ml);
    if (m) {
        size_t j = i + ml;
        long d = dates_int(r, j, 2);
        if (d >= 1 && d <= 31 && !dates_is_punct(r, j + 1, ':')) {
            j++;
            if (dates_is_ordinal_suffix(r, j))
                j++;
            x->month = m;
            x->day = (int)d;
            size_t k = j;
            if (dates_is_punct(r, k, ','))
                k++;
            int y = dates_year_at(r, k);
            if (y) {
                x->year = y;
                j = k + 1;
            }
            return j - i;
        }
        int y = dates_year_at(r, j);
        if (y) {
            x->month = m;
            x->year = y;
            return j + 1 - i;
        }
        /* a month alone: "in July"; "May" and "March" need a preposition too */
        if (month_ok) {
            x->month = m;
            return ml;
        }
        return 0;
    }
    long d = dates_int(r, i, 2);
    if (d >= 1 && d <= 31) {
        size_t j = i + 1;
        if (dates_is_ordinal_suffix(r, j))
            j++;
        if (dates_is(r, j, "of"))
            j++;
        m = dates_month_at(r, j, &ml);
        if (m) {
            x->day = (int)d;
            x->month = m;
            j += ml;
            int y = dates_year_at(r, j);
            if (y) {
                x->year = y;
                j++;
            }
            return j - i;
        }
    }
    /* ISO date in running text: 2016-10-18 */
    int y = dates_year_at(r, i);
    if (y && dates_is_punct(r, i + 1, '-') && !(r->w[i + 1].flags & AW_SPACE)) {
        long mm = dates_int(r, i + 2, 2), dd = dates_int(r, i + 4, 2);
        if (mm >= 1 && mm <= 12 && dates_is_punct(r, i + 3, '-') && dd >= 1 &&
            dates_valid(y, (int)mm, (int)dd) && !(r->w[i + 2].flags & AW_SPACE)) {
            x->year = y;
            x->month = (int)mm;
            x->day = (int)dd;
            return 5;
        }
    }
    return 0;
}

/* Zone name at i: minutes east of UTC, WHEN_TZ_NONE if none. */
static int dates_zone_at(const dates_rd *r, size_t i) {
    static const struct {
        const char *name;
        int off;
    } zones[] = {{"gmt", 0},    {"utc", 0},    {"bst", 60},   {"cet", 60},   {"cest", 120},
                 {"est", -300}, {"edt", -240}, {"et", -300},  {"cst", -360}, {"cdt", -300},
                 {"ct", -360},  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
                 {"pt", -480},  {"ist", 330},  {"jst", 540},  {"aest", 600}, {"msk", 180}};
    if (i >= r->n || r->w[i].kind != AW_WORD || !(r->w[i].flags & AW_UPPER))
        return WHEN_TZ_NONE;
    for (size_t k = 0; k < sizeof zones / sizeof zones[0]; k++)
        if (dates_is(r, i, zones[k].name))
            return zones[k].off;
    return WHEN_TZ_NONE;
}

/* am / pm marker at i ("pm", "p.m" + ".", "PM"); returns 1 am, 2 pm, 0;
 * *len gets the tokens used. */
static int dates_ampm_at(const dates_rd *r, size_t i, size_t *len) {
    int v = 0;
    if (dates_is(r, i, "am") || dates_is(r, i, "a.m"))
        v = 1;
    else if (dates_is(r, i, "pm") || dates_is(r, i, "p.m"))
        v = 2;
    if (!v)
        return 0;
    *len = 1;
    if (r->w[i].len == 3 && dates_is_punct(r, i + 1, '.') && !(r->w[i + 1].flags & AW_SPACE))
        *len = 2;
    return v;
}

/* Clock time at i: "5 pm", "11:40 p.m.", "17:00 GMT", "noon", "midnight".
 * Sets *minute (0..1440) and returns tokens used. */
static size_t dates_clock_at(const dates_rd *r, size_t i, int *minute, int *tz) {
    if (dates_is(r, i, "noon") || dates_is(r, i, "midday")) {
        *minute = 720;
        return 1;
    }
    if (dates_is(r, i, "midnight")) {
        *minute = 1440;
        return 1;
    }
    if (i >= r->n || r->w[i].kind != AW_NUM)
        return 0;
    const char *s = r->t + r->w[i].off;
    size_t n = r->w[i].len;
    int h = -1, m = 0;
    if (n <= 2) {
        h = (int)dates_int(r, i, 2);
    } else if ((n == 4 || n == 5) && s[n - 3] == ':') {
        h = 0;
        for (size_t k = 0; k < n - 3; k++)
            h = h * 10 + (s[k] - '0');
        m = (s[n - 2] - '0') * 10 + (s[n - 1] - '0');
        if (!isdigit((unsigned char)s[n - 2]) || !isdigit((unsigned char)s[n - 1]) || m > 59)
            return 0;
    } else if (n == 4 && (s[1] == '.' || (n == 5 && s[2] == '.'))) {
        return 0;
    } else {
        return 0;
    }
    if (h < 0 || h > 24)
        return 0;
    size_t j = i + 1, al;
    int ap = dates_ampm_at(r, j, &al);
    if (ap) {
        if (h < 1 || h > 12)
            return 0;
        j += al;
        h = (h % 12) + (ap == 2 ? 12 : 0);
    } else if (n <= 2) {
        return 0; /* a bare "5" is not a time */
    }
    int z = dates_zone_at(r, j);
    if (z != WHEN_TZ_NONE) {
        j++;
    } else if (dates_is(r, j, "local") && dates_is(r, j + 1, "time")) {
        j += 2;
    } else if (!ap && h <= 12) {
        return 0; /* "at 11:40" could be either half of the day */
    }
    *minute = h * 60 + m;
    *tz = z;
    return j - i;
}

/* Part of the day: sets [lo, hi) and returns 1 morning, 2 afternoon, 3
 * evening, 4 night; 0 if none. */
static int dates_part_of_day(const dates_rd *r, size_t i, int *lo, int *hi) {
    if (dates_is(r, i, "morning")) {
        *lo = 5 * 60;
        *hi = 12 * 60;
        return 1;
    }
    if (dates_is(r, i, "afternoon")) {
        *lo = 12 * 60;
        *hi = 18 * 60;
        return 2;
    }
    if (dates_is(r, i, "evening")) {
        *lo = 17 * 60;
        *hi = 23 * 60;
        return 3;
    }
    if (dates_is(r, i, "night") || dates_is(r, i, "overnight")) {
        *lo = 19 * 60;
        *hi = 30 * 60;
        return 4;
    }
    return 0;
}

static int dates_is_year_prep(const dates_rd *r, size_t i) {
    static const char *const preps[] = {"in",     "since",   "from",   "until",   "till",   "by",
                                        "before", "after",   "during", "early",   "late",   "mid",
                                        "around", "circa",   "spring", "summer",  "autumn", "fall",
                                        "winter", "through", "to",     "between", "and",    NULL};
    return i < r->n && aword_in(r->t, &r->w[i], preps);
}

static int dates_is_month_prep(const dates_rd *r, size_t i) {
    static const char *const preps[] = {"in",     "since", "from",   "until", "till",    "by",
                                        "before", "after", "during", "early", "late",    "mid",
                                        "last",   "this",  "next",   "of",    "through", NULL};
    return i < r->n && aword_in(r->t, &r->w[i], preps);
}

/* A future marker in the few words before i ("will", "next", "scheduled"). */
static int dates_future_before(const dates_rd *r, size_t i) {
    static const char *const marks[] = {"will",      "'ll",      "shall",    "would",
                                        "scheduled", "expected", "due",      "plans",
                                        "planned",   "set",      "upcoming", NULL};
    size_t from = i > 6 ? i - 6 : 0;
    for (size_t k = from; k < i; k++)
        if (aword_in(r->t, &r->w[k], marks))
            return 1;
    return 0;
}

static void dates_when_init(ch_when *x) {
    memset(x, 0, sizeof *x);
    x->weekday = -1;
    x->tod_lo = x->tod_hi = -1;
    x->tz = WHEN_TZ_NONE;
}

/* Applies a modifier ("shortly before", "around") to a clock time. */
static void dates_set_clock(ch_when *x, int minute, int mod) {
    switch (mod) {
    case 1: /* shortly / just before */
        x->tod_lo = minute - 60;
        x->tod_hi = minute;
        break;
    case 2: /* shortly / just after */
        x->tod_lo = minute;
        x->tod_hi = minute + 60;
        break;
    case 3: /* around, about */
        x->tod_lo = minute - 30;
        x->tod_hi = minute + 30;
        x->approx = 1;
        break;
    case 4: /* before, by */
        x->tod_lo = minute - 180;
        x->tod_hi = minute;
        break;
    case 5: /* after */
        x->tod_lo = minute;
        x->tod_hi = minute + 180;
        break;
    default:
        x->tod_lo = minute;
        x->tod_hi = minute + 1;
    }
}

/* Modifier before a clock time at i; returns tokens used, sets *mod. */
static size_t dates_clock_mod(const dates_rd *r, size_t i, int *mod) {
    if ((dates_is(r, i, "shortly") || dates_is(r, i, "just") || dates_is(r, i, "soon")) &&
        (dates_is(r, i + 1, "before") || dates_is(r, i + 1, "after"))) {
        *mod = dates_is(r, i + 1, "before") ? 1 : 2;
        return 2;
    }
    if (dates_is(r, i, "around") || dates_is(r, i, "about") || dates_is(r, i, "approximately") ||
        dates_is(r, i, "roughly")) {
        *mod = 3;
        return 1;
    }
    if (dates_is(r, i, "before") || dates_is(r, i, "by")) {
        *mod = 4;
        return 1;
    }
    if (dates_is(r, i, "after")) {
        *mod = 5;
        return 1;
    }
    *mod = 0;
    return 0;
}

size_t dates_when(const char *text, const ch_aword *w, size_t n, size_t i, int years,
                  ch_when *out) {
    dates_rd r = {text, w, n};
    ch_when x;
    dates_when_init(&x);
    size_t j = i;
    int solid = 0;      /* a component that places the expression */
    int early_late = 0; /* 1 early, 2 late, 3 mid */
    int have_date = 0, have_clock = 0, have_part = 0;

    if (j < n && w[j].kind == AW_WORD && w[j].len > 4 && (w[j].flags & AW_CAP) == 0 &&
        strncmp(text + w[j].off, "mid-", 4) == 0 &&
        dates_month_word(text + w[j].off + 4, w[j].len - 4)) {
        /* "mid-October" arrives as one word */
        x.month = dates_month_word(text + w[j].off + 4, w[j].len - 4);
        early_late = 3;
        have_date = 1;
        solid = 1;
        j++;
        int y = dates_year_at(&r, j);
        if (y) {
            x.year = y;
            j++;
        }
    } else if (dates_is(&r, j, "early") || dates_is(&r, j, "late") || dates_is(&r, j, "mid")) {
        early_late = dates_is(&r, j, "early") ? 1 : dates_is(&r, j, "late") ? 2 : 3;
        j++;
        if (dates_is_punct(&r, j, '-'))
            j++;
    }
    for (;;) {
        size_t start = j;
        /* connectors between components */
        if (j > i && dates_is_punct(&r, j, ','))
            j++;
        if (j > i && (dates_is(&r, j, "at") || dates_is(&r, j, "on")))
            j++;
        size_t used = 0;
        int mod = 0;
        size_t ml = dates_clock_mod(&r, j, &mod);
        int minute = 0, tz = WHEN_TZ_NONE;
        size_t cl;
        if (!have_clock && (cl = dates_clock_at(&r, j + ml, &minute, &tz)) > 0) {
            dates_set_clock(&x, minute, mod);
            x.tz = tz;
            x.clock = 1;
            have_clock = 1;
            solid = 1;
            used = ml + cl;
        } else if (x.weekday < 0 && (!have_date || x.day) && x.rel == WHEN_REL_NONE && j < n &&
                   w[j].kind == AW_WORD &&
                   /* "a Saturday schedule", "every Monday": no particular day */
                   !(j > 0 && (dates_is(&r, j - 1, "a") || dates_is(&r, j - 1, "every") ||
                               dates_is(&r, j - 1, "each"))) &&
                   (w[j].flags & AW_CAP) &&
                   dates_weekday_word(text + w[j].off, aword_base_len(text, &w[j])) >= 0) {
            x.weekday = dates_weekday_word(text + w[j].off, aword_base_len(text, &w[j]));
            used = 1;
            solid = 1;
            if (j > 0 && dates_is(&r, j - 1, "last"))
                x.dir = -1;
            else if (j > 0 && dates_is(&r, j - 1, "next"))
                x.dir = 1;
            else if (dates_future_before(&r, j))
                x.dir = 2;
        } else if (!have_part && !have_clock &&
                   (x.weekday >= 0 || have_date || x.rel == WHEN_REL_DAY) &&
                   (x.part = dates_part_of_day(&r, j, &x.tod_lo, &x.tod_hi)) > 0) {
            have_part = 1;
            used = 1;
        } else if (!have_date && x.rel == WHEN_REL_NONE) {
            int month_ok = j > 0 && (dates_is_month_prep(&r, j - 1) || early_late);
            used = dates_date_at(&r, j, month_ok, &x);
            if (used) {
                have_date = 1;
                solid = 1;
            } else if (!have_clock) {
                int y = dates_year_at(&r, j);
                if (y && (years || (j > 0 && dates_is_year_prep(&r, j - 1)) || early_late) &&
                    !(j + 1 < n && (aword_punct(&w[j + 1], '-') || aword_punct(&w[j + 1], '/')) &&
                      !(w[j + 1].flags & AW_SPACE))) {
                    x.year = y;
                    x.bare_year = 1;
                    have_date = 1;
                    solid = 1;
                    used = 1;
                }
            }
        }
        if (!used && j == i + (early_late ? 1 : 0) && !have_date && x.weekday < 0 && !have_clock &&
            j < n && !(w[j].flags & AW_UPPER)) {
            /* relative expressions, only at the start */
            if (dates_is(&r, j, "yesterday")) {
                x.rel = WHEN_REL_DAY;
                x.rel_n = -1;
                used = 1;
            } else if (dates_is(&r, j, "today")) {
                x.rel = WHEN_REL_DAY;
                used = 1;
            } else if (dates_is(&r, j, "tonight")) {
                x.rel = WHEN_REL_DAY;
                x.tod_lo = 18 * 60;
                x.tod_hi = 24 * 60;
                x.part = 4;
                have_part = 1;
                used = 1;
            } else if (dates_is(&r, j, "tomorrow")) {
                x.rel = WHEN_REL_DAY;
                x.rel_n = 1;
                used = 1;
            } else if ((dates_is(&r, j, "last") || dates_is(&r, j, "this") ||
                        dates_is(&r, j, "next")) &&
                       j + 1 < n) {
                int off = dates_is(&r, j, "last") ? -1 : dates_is(&r, j, "next") ? 1 : 0;
                int lo, hi;
                if (dates_is(&r, j + 1, "week") || dates_is(&r, j + 1, "weekend")) {
                    x.rel = WHEN_REL_WEEK;
                    x.rel_n = off;
                    used = 2;
                } else if (dates_is(&r, j + 1, "month")) {
                    x.rel = WHEN_REL_MONTH;
                    x.rel_n = off;
                    used = 2;
                } else if (dates_is(&r, j + 1, "year")) {
                    x.rel = WHEN_REL_YEAR;
                    x.rel_n = off;
                    used = 2;
                } else if (off <= 0 && (x.part = dates_part_of_day(&r, j + 1, &lo, &hi)) > 0) {
                    /* "this morning", "last night" */
                    x.rel = WHEN_REL_DAY;
                    x.rel_n = off;
                    x.tod_lo = lo;
                    x.tod_hi = hi;
                    have_part = 1;
                    used = 2;
                }
            } else if ((dates_is(&r, j, "earlier") || dates_is(&r, j, "later")) &&
                       dates_is(&r, j + 1, "this") &&
                       (dates_is(&r, j + 2, "week") || dates_is(&r, j + 2, "month") ||
                        dates_is(&r, j + 2, "year"))) {
                x.rel = dates_is(&r, j + 2, "week")    ? WHEN_REL_WEEK
                        : dates_is(&r, j + 2, "month") ? WHEN_REL_MONTH
                                                       : WHEN_REL_YEAR;
                used = 3;
            } else {
                int k = dates_small_number(&r, j);
                if (k > 0 && j + 2 < n && dates_is(&r, j + 2, "ago")) {
                    if (dates_is(&r, j + 1, "day") || dates_is(&r, j + 1, "days")) {
                        x.rel = WHEN_REL_DAY;
                        x.rel_n = -k;
                        used = 3;
                    } else if (dates_is(&r, j + 1, "week") || dates_is(&r, j + 1, "weeks")) {
                        x.rel = WHEN_REL_WEEK;
                        x.rel_n = -k;
                        used = 3;
                    } else if (dates_is(&r, j + 1, "month") || dates_is(&r, j + 1, "months")) {
                        x.rel = WHEN_REL_MONTH;
                        x.rel_n = -k;
                        used = 3;
                    } else if (dates_is(&r, j + 1, "year") || dates_is(&r, j + 1, "years")) {
                        x.rel = WHEN_REL_YEAR;
                        x.rel_n = -k;
                        used = 3;
                    }
                }
            }
            if (used)
                solid = 1;
        }
        if (!used) {
            j = start;
            break;
        }
        j += used;
    }
    if (!solid || j == i)
        return 0;
    if (early_late) {
        x.approx = 1;
        x.el = early_late;
        if (x.weekday >= 0 && !have_clock && !have_part) {
            /* "late Tuesday", "early Saturday" */
            x.tod_lo = early_late == 1 ? 0 : early_late == 2 ? 16 * 60 : 10 * 60;
            x.tod_hi = early_late == 1 ? 10 * 60 : early_late == 2 ? 24 * 60 : 16 * 60;
        } else if (have_part && early_late != 3) {
            if (x.tod_hi > 24 * 60) {
                /* "late Saturday night": late evening into the small hours */
                x.tod_lo = early_late == 1 ? 18 * 60 : 21 * 60;
                x.tod_hi = early_late == 1 ? 22 * 60 : 27 * 60;
            } else {
                int mid = (x.tod_lo + x.tod_hi) / 2;
                if (early_late == 1)
                    x.tod_hi = mid;
                else
                    x.tod_lo = mid;
            }
        }
    }
    *out = x;
    return j - i;
}

int dates_when_is_dated(const ch_when *x) {
    return x->year || x->month || x->day || x->weekday >= 0 || x->rel != WHEN_REL_NONE ||
           x->tod_lo >= 0;
}

ch_date_prec dates_resolve(const ch_when *x, const ch_ymd *ref, ch_ymd *out, long *approx_days) {
    ch_date_prec rp = dates_prec(ref);
    long rd = rp == DATE_PREC_DAY ? dates_days(ref->year, ref->month, ref->day) : LONG_MIN;
    memset(out, 0, sizeof *out);
    if (approx_days)
        *approx_days = LONG_MIN;
    if (x->year || x->month || x->day) {
        int y = x->year, m = x->month, d = x->day;
        if (!y) {
            if (rp < DATE_PREC_MONTH || !m)
                return DATE_PREC_NONE;
            y = ref->year;
            if (m - ref->month > 6)
                y--;
            else if (ref->month - m > 6)
                y++;
        }
        if (d && (!m || !dates_valid(y, m, d)))
            return DATE_PREC_NONE;
        out->year = y;
        out->month = m;
        out->day = d;
        if (approx_days)
            *approx_days = dates_days(y, m ? m : 1, d ? d : 1);
        return dates_prec(out);
    }
    if (x->weekday >= 0) {
        if (rd == LONG_MIN)
            return DATE_PREC_NONE;
        int rw = dates_weekday_of(rd);
        long day;
        if (x->dir == -1) {
            int back = (rw - x->weekday + 7) % 7;
            day = rd - (back ? back : 7);
        } else if (x->dir == 1) {
            int fwd = (x->weekday - rw + 7) % 7;
            day = rd + (fwd ? fwd : 7);
        } else if (x->dir == 2) {
            day = rd + (x->weekday - rw + 7) % 7;
        } else {
            day = rd - (rw - x->weekday + 7) % 7;
        }
        dates_civil(day, &out->year, &out->month, &out->day);
        if (approx_days)
            *approx_days = day;
        return DATE_PREC_DAY;
    }
    switch (x->rel) {
    case WHEN_REL_DAY:
        if (rd == LONG_MIN)
            return DATE_PREC_NONE;
        dates_civil(rd + x->rel_n, &out->year, &out->month, &out->day);
        if (approx_days)
            *approx_days = rd + x->rel_n;
        return DATE_PREC_DAY;
    case WHEN_REL_WEEK:
        if (approx_days && rd != LONG_MIN)
            *approx_days = rd + 7L * x->rel_n;
        return DATE_PREC_NONE;
    case WHEN_REL_MONTH:
        if (rp < DATE_PREC_MONTH)
            return DATE_PREC_NONE;
        {
            int mi = ref->year * 12 + (ref->month - 1) + x->rel_n;
            out->year = mi / 12;
            out->month = mi % 12 + 1;
            if (approx_days)
                *approx_days = dates_days(out->year, out->month, 1);
        }
        return DATE_PREC_MONTH;
    case WHEN_REL_YEAR:
        if (rp < DATE_PREC_YEAR)
            return DATE_PREC_NONE;
        out->year = ref->year + x->rel_n;
        if (approx_days)
            *approx_days = dates_days(out->year, 1, 1);
        return DATE_PREC_YEAR;
    default:
        break;
    }
    if (approx_days && rd != LONG_MIN)
        *approx_days = rd;
    return DATE_PREC_NONE;
}

static void dates_cat(char *buf, size_t cap, const char *s) {
    size_t n = strlen(buf);
    if (n + 1 < cap)
        snprintf(buf + n, cap - n, "%s%s", n ? " " : "", s);
}

void dates_label(const ch_when *x, char *buf, size_t cap) {
    static const char *const parts[5] = {"", "morning", "afternoon", "evening", "night"};
    static const char *const els[4] = {"", "early", "late", "mid"};
    char tmp[48];
    if (!cap)
        return;
    buf[0] = '\0';
    if (x->el)
        dates_cat(buf, cap, els[x->el]);
    if (x->weekday >= 0) {
        if (x->dir == -1)
            dates_cat(buf, cap, "last");
        else if (x->dir == 1)
            dates_cat(buf, cap, "next");
        dates_cat(buf, cap, dates_weekday_name(x->weekday));
    }
    if (x->month) {
        if (x->day)
            snprintf(tmp, sizeof tmp, "%s %d", dates_month_name(x->month), x->day);
        else
            snprintf(tmp, sizeof tmp, "%s", dates_month_name(x->month));
        dates_cat(buf, cap, tmp);
    }
    if (x->year) {
        snprintf(tmp, sizeof tmp, "%d", x->year);
        dates_cat(buf, cap, tmp);
    }
    switch (x->rel) {
    case WHEN_REL_DAY:
        if (x->rel_n == 0)
            dates_cat(buf, cap, x->part ? "this" : "today");
        else if (x->rel_n == -1)
            dates_cat(buf, cap, x->part ? "last" : "yesterday");
        else if (x->rel_n == 1)
            dates_cat(buf, cap, "tomorrow");
        else {
            snprintf(tmp, sizeof tmp, "%d days %s", abs(x->rel_n), x->rel_n < 0 ? "ago" : "later");
            dates_cat(buf, cap, tmp);
        }
        break;
    case WHEN_REL_WEEK:
    case WHEN_REL_MONTH:
    case WHEN_REL_YEAR: {
        const char *unit = x->rel == WHEN_REL_WEEK    ? "week"
                           : x->rel == WHEN_REL_MONTH ? "month"
                                                      : "year";
        if (x->rel_n == 0)
            snprintf(tmp, sizeof tmp, "this %s", unit);
        else if (x->rel_n == -1)
            snprintf(tmp, sizeof tmp, "last %s", unit);
        else if (x->rel_n == 1)
            snprintf(tmp, sizeof tmp, "next %s", unit);
        else
            snprintf(tmp, sizeof tmp, "%d %ss %s", abs(x->rel_n), unit,
                     x->rel_n < 0 ? "ago" : "later");
        dates_cat(buf, cap, tmp);
        break;
    }
    default:
        break;
    }
    if (x->part >= 1 && x->part <= 4)
        dates_cat(buf, cap, parts[x->part]);
    if (x->clock && x->tod_lo >= 0) {
        int lo = ((x->tod_lo % 1440) + 1440) % 1440, hi = ((x->tod_hi % 1440) + 1440) % 1440;
        if (x->tod_hi - x->tod_lo <= 1)
            snprintf(tmp, sizeof tmp, "%02d:%02d", lo / 60, lo % 60);
        else
            snprintf(tmp, sizeof tmp, "%02d:%02d-%02d:%02d", lo / 60, lo % 60, hi / 60, hi % 60);
        dates_cat(buf, cap, tmp);
        if (x->tz != WHEN_TZ_NONE) {
            if (x->tz == 0)
                snprintf(tmp, sizeof tmp, "UTC");
            else if (x->tz % 60)
                snprintf(tmp, sizeof tmp, "UTC%+d:%02d", x->tz / 60, abs(x->tz % 60));
            else
                snprintf(tmp, sizeof tmp, "UTC%+d", x->tz / 60);
            dates_cat(buf, cap, tmp);
        }
    }
}

/* --------------------------------------------------- publication dates */

/* Scans s[0..n) and returns the first full date in it (and the token index
 * where it starts via *at, bytes via *off), 1 if found, 0 if not, -1 OOM. */
static int dates_first_full(const char *s, size_t n, ch_ymd *out, size_t *off) {
    ch_aword *w = NULL;
    size_t nw = 0, cap = 0;
    if (aword_scan(s, 0, n, &w, &nw, &cap) != 0) {
        free(w);
        return -1;
    }
    int found = 0;
    for (size_t i = 0; i < nw && !found; i++) {
        ch_when x;
        if (dates_when(s, w, nw, i, 0, &x) && x.year && x.month && x.day &&
            dates_valid(x.year, x.month, x.day)) {
            out->year = x.year;
            out->month = x.month;
            out->day = x.day;
            if (off)
                *off = w[i].off;
            found = 1;
        }
    }
    free(w);
    return found;
}

ch_date_prec dates_parse(const char *s, size_t n, ch_ymd *out) {
    memset(out, 0, sizeof *out);
    if (!s)
        return DATE_PREC_NONE;
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    /* ISO 8601 and its slash variant: YYYY[-MM[-DD]] */
    if (n >= 4 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
        isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])) {
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        if (n == 4 || !isdigit((unsigned char)s[4])) {
            int m = 0, d = 0;
            if (n >= 7 && (s[4] == '-' || s[4] == '/') && isdigit((unsigned char)s[5]) &&
                isdigit((unsigned char)s[6])) {
                m = (s[5] - '0') * 10 + (s[6] - '0');
                if (n >= 10 && s[7] == s[4] && isdigit((unsigned char)s[8]) &&
                    isdigit((unsigned char)s[9]))
                    d = (s[8] - '0') * 10 + (s[9] - '0');
            }
            if (y >= 1 && (m == 0 || (m >= 1 && m <= 12)) && (d == 0 || dates_valid(y, m, d))) {
                out->year = y;
                out->month = m;
                out->day = d;
                return dates_prec(out);
            }
            return DATE_PREC_NONE;
        }
        if (n >= 8) { /* YYYYMMDD */
            int ok = 1;
            for (int k = 4; k < 8; k++)
                ok &= isdigit((unsigned char)s[k]) != 0;
            int m = ok ? (s[4] - '0') * 10 + (s[5] - '0') : 0,
                d = ok ? (s[6] - '0') * 10 + (s[7] - '0') : 0;
            if (ok && (n == 8 || !isdigit((unsigned char)s[8])) && dates_valid(y, m, d)) {
                out->year = y;
                out->month = m;
                out->day = d;
                return DATE_PREC_DAY;
            }
        }
        return DATE_PREC_NONE;
    }
    /* US numeric: MM/DD/YYYY (day first when the first field exceeds 12) */
    {
        int a = 0, b = 0, y = 0, k = 0, na = 0, nb = 0, ny = 0;
        while ((size_t)k < n && isdigit((unsigned char)s[k]) && na < 2)
            a = a * 10 + (s[k++] - '0'), na++;
        if (na && (size_t)k < n && (s[k] == '/' || s[k] == '.')) {
            char sep = s[k++];
            while ((size_t)k < n && isdigit((unsigned char)s[k]) && nb < 2)
                b = b * 10 + (s[k++] - '0'), nb++;
            if (nb && (size_t)k < n && s[k] == sep) {
                k++;
                while ((size_t)k < n && isdigit((unsigned char)s[k]) && ny < 4)
                    y = y * 10 + (s[k++] - '0'), ny++;
                if (ny == 4) {
                    int m = a, d = b;
                    if (a > 12 || sep == '.') {
                        m = b;
                        d = a;
                    }
                    if (dates_valid(y, m, d)) {
                        out->year = y;
                        out->month = m;
                        out->day = d;
                        return DATE_PREC_DAY;
                    }
                }
            }
        }
    }
    /* written out, possibly after a weekday: "Tue, 18 Oct 2016 ..." */
    size_t off;
    int r = dates_first_full(s, n > 200 ? 200 : n, out, &off);
    if (r == 1)
        return DATE_PREC_DAY;
    memset(out, 0, sizeof *out);
    /* "October 2016" */
    ch_aword *w = NULL;
    size_t nw = 0, cap = 0;
    ch_date_prec p = DATE_PREC_NONE;
    if (aword_scan(s, 0, n > 200 ? 200 : n, &w, &nw, &cap) == 0) {
        for (size_t i = 0; i < nw; i++) {
            ch_when x;
            if (dates_when(s, w, nw, i, 1, &x) && x.year) {
                out->year = x.year;
                out->month = x.month;
                p = dates_prec(out);
                break;
            }
        }
    }
    free(w);
    return p;
}

/* Case-insensitive search for 'lit' in s[0..n); returns offset or n. */
static size_t dates_find_ci(const char *s, size_t n, const char *lit) {
    size_t k = strlen(lit);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && tolower((unsigned char)s[i + j]) == lit[j])
            j++;
        if (j == k)
            return i;
    }
    return n;
}

int dates_find_published(const char *text, size_t len, ch_ymd *out) {
    /* look at the head and the tail, line by line */
    const size_t head = 4000, tail = 2000;
    int best_rank = 0; /* 3 published/posted, 2 dateline line, 1 updated */
    ch_ymd best = {0, 0, 0};
    size_t pos = 0;
    while (pos < len) {
        size_t e = pos;
        while (e < len && text[e] != '\n')
            e++;
        int in_range = pos < head || e + tail >= len;
        size_t ln = e - pos;
        if (in_range && ln > 0 && ln < 400) {
            const char *l = text + pos;
            int has_digit = 0;
            for (size_t k = 0; k < ln; k++)
                has_digit |= isdigit((unsigned char)l[k]) != 0;
            /* embedded posts: "— Name (@handle) October 17, 2016" */
            size_t lead = 0;
            while (lead < ln && isspace((unsigned char)l[lead]))
                lead++;
            int embedded =
                dates_find_ci(l, ln, "(@") < ln ||
                (ln - lead >= 3 && (unsigned char)l[lead] == 0xE2 &&
                 (unsigned char)l[lead + 1] == 0x80 &&
                 ((unsigned char)l[lead + 2] == 0x94 || (unsigned char)l[lead + 2] == 0x93)) ||
                (ln - lead >= 1 && l[lead] == '-');
            if (has_digit && !embedded) {
                ch_ymd d;
                size_t off = 0;
                int r = dates_first_full(l, ln, &d, &off);
                if (r < 0)
                    return -1;
                if (r == 1) {
                    int rank = 0;
                    size_t before = off;
                    size_t pub = dates_find_ci(l, before, "publish");
                    size_t post = dates_find_ci(l, before, "posted");
                    size_t upd = dates_find_ci(l, before, "updated");
                    if ((pub < before || post < before) &&
                        (upd == before || upd > (pub < post ? pub : post)))
                        rank = 3;
                    else if (upd < before)
                        rank = 1;
                    else if (pos < 1500 &&
                             (ln < 60 || (ln >= 3 && strncmp(l + lead, "By ", 3) == 0)))
                        rank = 2;
                    if (rank > best_rank) {
                        best_rank = rank;
                        best = d;
                    }
                }
            }
        }
        pos = e + 1;
        if (pos >= head && pos + tail < len)
            pos = len - tail;
        while (pos < len && pos > 0 && text[pos - 1] != '\n')
            pos++;
    }
    if (!best_rank)
        return 0;
    *out = best;
    return 1;
}

int dates_published(const ch_adoc *d, ch_ymd *out) {
    memset(out, 0, sizeof *out);
    if (d->date) {
        ch_date_prec p = dates_parse(d->date, strlen(d->date), out);
        if (p != DATE_PREC_NONE)
            return (int)p;
    }
    int r = 0;
    if (d->input && d->input_len)
        r = dates_find_published(d->input, d->input_len, out);
    if (r == 0 && d->text && d->text_len)
        r = dates_find_published(d->text, d->text_len, out);
    if (r < 0)
        return -1;
    if (r == 0) {
        memset(out, 0, sizeof *out);
        return DATE_PREC_NONE;
    }
    return DATE_PREC_DAY;
}
