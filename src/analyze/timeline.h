/*
 * timeline.h - dated events across the reports of a cluster.
 *
 * Every sentence that carries a temporal expression ("on Tuesday", "Oct.
 * 18", "in August 2012", "last week") becomes an event dated by its most
 * precise expression. The date is placed on the calendar relative to the
 * report's publication date (metadata, or a "Posted on ..." line or a
 * dateline in the original input, see dates_published); without one it
 * stays relative ("Tuesday"). Events of several reports whose sentences are
 * near-duplicates (cosine of their stem bags weighted by inverse sentence
 * frequency) and whose dates agree are merged, keeping every supporting
 * sentence. Events are ordered by date; relative ones that cannot be
 * placed follow, in report order.
 *
 * Memory: results live in the arena passed in. Functions return 0, -1 when
 * out of memory, -2 when the language has no stemmer.
 */
#ifndef CHORUS_ANALYZE_TIMELINE_H
#define CHORUS_ANALYZE_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "analyze/aword.h"
#include "analyze/dates.h"
#include "util/arena.h"

struct chorus_cluster;

/* One sentence supporting an event. */
typedef struct ch_tl_ref {
    uint32_t doc;              /* report */
    uint32_t sent;             /* ch_aspan.sent (cluster sentence index) */
    size_t off, len;           /* the sentence, article-text bytes */
    size_t src_off, src_len;   /* the sentence in the original input */
    size_t when_off, when_len; /* the temporal expression, article-text bytes */
    const char *when_text;     /* the expression as written */
    const char
        *iso; /* its date in this report: "2016-10-18", "2016-10", "2016"; NULL if relative */
    const char *label; /* normalised expression: "Tuesday morning", "last week", "October 18" */
} ch_tl_ref;

typedef struct ch_tl_event {
    ch_ymd date;           /* calendar date (zeros when relative) */
    ch_date_prec prec;     /* DATE_PREC_NONE when relative */
    const char *iso;       /* as ch_tl_ref.iso, from the first report that places it */
    const char *label;     /* as ch_tl_ref.label, of the first supporting sentence */
    long sort_day;         /* day number used for ordering; LONG_MIN when unknown */
    const ch_tl_ref *refs; /* (n_refs) by report */
    size_t n_refs;
    const uint32_t *docs; /* (n_docs) supporting reports, ascending */
    size_t n_docs;
} ch_tl_event;

typedef struct ch_timeline {
    ch_tl_event *ev; /* (n) in date order */
    size_t n;
    const ch_ymd *published; /* (n_reports) publication date of each report (zeros if unknown) */
    size_t n_reports;
} ch_timeline;

/* Builds the timeline of docs[0..n_docs). */
int timeline_build(const ch_adoc *docs, size_t n_docs, const char *language, ch_arena *a,
                   ch_timeline *out);

/* The same for a cluster. */
int timeline_analyze(const struct chorus_cluster *c, ch_arena *a, ch_timeline *out);

#endif
