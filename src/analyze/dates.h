/*
 * dates.h - calendar arithmetic, temporal expressions in running text, and
 * their normalisation relative to a report's publication date.
 *
 * A temporal expression ("Monday morning", "Saturday, 5 pm GMT", "Oct. 18",
 * "October 17, 2016", "shortly before midnight", "last week", "two days ago")
 * is read from scanned words (analyze/aword.h) into a ch_when that keeps
 * what the text states and nothing more: a weekday without a date stays a
 * weekday. dates_resolve() places it on the calendar when a reference date
 * (the report's publication date) is known.
 *
 * Conventions: months 1..12, days 1..31, weekdays 0 (Monday) .. 6 (Sunday),
 * day numbers count days since 1970-01-01 (proleptic Gregorian), times of
 * day are minutes since midnight as a half-open range [lo, hi).
 */
#ifndef CHORUS_ANALYZE_DATES_H
#define CHORUS_ANALYZE_DATES_H

#include <stddef.h>

#include "analyze/aword.h"

/* ------------------------------------------------------------ calendar */

typedef struct ch_ymd {
    int year, month, day; /* 0 = not known; month and day 0 give coarser precision */
} ch_ymd;

typedef enum ch_date_prec {
    DATE_PREC_NONE = 0,
    DATE_PREC_YEAR = 1,
    DATE_PREC_MONTH = 2,
    DATE_PREC_DAY = 3
} ch_date_prec;

/* 1 if y-m-d is a valid Gregorian date with year 1..9999. */
int dates_valid(int y, int m, int d);
/* Day number (days since 1970-01-01) of a valid date. */
long dates_days(int y, int m, int d);
/* The date of a day number. */
void dates_civil(long days, int *y, int *m, int *d);
/* Weekday of a day number, 0 = Monday. */
int dates_weekday_of(long days);
/* Precision of a ch_ymd (what is known). */
ch_date_prec dates_prec(const ch_ymd *d);
/* Writes "YYYY-MM-DD", "YYYY-MM" or "YYYY" (by precision) into buf (at least
 * 11 bytes); an empty string for DATE_PREC_NONE. */
void dates_iso(const ch_ymd *d, char *buf, size_t cap);

/* Month of a word ("Oct", "October", "Sept"), 1..12, or 0. Case-insensitive;
 * callers check capitalisation. */
int dates_month_word(const char *w, size_t n);
/* Weekday of a full weekday name ("Tuesday"), 0..6, or -1. */
int dates_weekday_word(const char *w, size_t n);
/* English name of month 1..12 / weekday 0..6. */
const char *dates_month_name(int m);
const char *dates_weekday_name(int wd);

/* -------------------------------------------------------- expressions */

typedef enum ch_when_rel {
    WHEN_REL_NONE = 0,
    WHEN_REL_DAY,   /* yesterday, today, tonight, tomorrow, N days ago: rel offset in days */
    WHEN_REL_WEEK,  /* last / this / next week: rel offset in weeks */
    WHEN_REL_MONTH, /* last / this / next month: rel offset in months */
    WHEN_REL_YEAR   /* last / this / next year, N years ago: rel offset in years */
} ch_when_rel;

#define WHEN_TZ_NONE (-10000)

typedef struct ch_when {
    int year, month, day; /* as written; 0 when not stated */
    int weekday;          /* 0..6, or -1 */
    ch_when_rel rel;      /* relative expression, with its offset */
    int rel_n;
    int dir;            /* for a bare weekday: -1 "last", +1 "next", 0 plain */
    int tod_lo, tod_hi; /* minutes [lo, hi) of the time of day, or -1, -1 */
    int tz;             /* minutes east of UTC when a zone is named, else WHEN_TZ_NONE */
    int approx;         /* "around", "about", "early", "late", "mid": the text is vague */
    int el;             /* 1 "early", 2 "late", 3 "mid" before the expression, else 0 */
    int part;           /* part of the day named: 1 morning, 2 afternoon, 3 evening, 4 night */
    int clock;          /* 1 when a clock time was given (tod_lo is then exact or hedged) */
    int bare_year;      /* a year standing alone (no month, day or weekday) */
} ch_when;

/* Reads the temporal expression that starts at token i of w[0..n) (one
 * sentence of 'text'). Returns the number of tokens it covers and fills
 * *out, or 0 when none starts there. A bare four-digit year counts only
 * after a preposition ("in 2012", "since 2012") unless 'years' is 1. */
size_t dates_when(const char *text, const ch_aword *w, size_t n, size_t i, int years, ch_when *out);

/* 1 if the expression names a weekday, a date, a year, a relative day or a
 * time of day (anything a timeline can place). */
int dates_when_is_dated(const ch_when *x);

/* Places x on the calendar. 'ref' is the reference (publication) date, or
 * NULL / DATE_PREC_NONE when unknown. Fills *out and returns its precision;
 * DATE_PREC_NONE when x cannot be placed (a bare weekday without a reference
 * date, "last week"). *approx_days (may be NULL) receives a day number to
 * sort by even then: the reference date shifted by the relative offset, or
 * LONG_MIN when nothing is known. */
ch_date_prec dates_resolve(const ch_when *x, const ch_ymd *ref, ch_ymd *out, long *approx_days);

/* A short normalised label of x for display when it cannot be resolved:
 * "Tuesday", "Tuesday morning", "Oct 18", "last week", "2 days ago". */
void dates_label(const ch_when *x, char *buf, size_t cap);

/* --------------------------------------------------- publication dates */

/* Parses a publication date given as metadata: ISO 8601 ("2016-10-18",
 * "2016-10-18T21:00:00Z", "2016/10/18"), RFC 2822 ("Tue, 18 Oct 2016
 * 21:00:00 GMT"), or written out ("October 18, 2016", "18 Oct 2016").
 * Returns the precision found (DATE_PREC_NONE when nothing parses). */
ch_date_prec dates_parse(const char *s, size_t n, ch_ymd *out);

/* Looks for the publication date in a report's original text: a date after
 * "Posted", "Published", "First published", or alone on a short line near
 * the top (a dateline); "Updated" dates only when nothing else is found.
 * Dates in embedded posts ("— WikiLeaks (@wikileaks) October 17, 2016") are
 * ignored. Returns 1 and fills *out with a full date, else 0; -1 when out
 * of memory. */
int dates_find_published(const char *text, size_t len, ch_ymd *out);

/* The publication date of a report: its metadata date when it parses,
 * else one found in its original input (dates_find_published), else in its
 * article text. Fills *out and returns the precision; -1 when out of
 * memory. */
int dates_published(const ch_adoc *d, ch_ymd *out);

#endif
