/*
 * report.h - the internal shape of a cross-source report: a summary plus
 * the analysis stages' results, all owned by the report's arena.
 */
#ifndef CHORUS_CORE_REPORT_H
#define CHORUS_CORE_REPORT_H

#include "analyze/conflicts.h"
#include "analyze/entities.h"
#include "analyze/facts.h"
#include "analyze/quotes.h"
#include "analyze/timeline.h"
#include "chorus.h"
#include "core/cluster.h"
#include "model/svec.h"
#include "util/arena.h"

/* Cosine at which two sentences of different reports state the same fact. */
#define REPORT_FACT_THRESHOLD 0.5

struct chorus_report {
    const chorus_cluster *cluster; /* not owned */
    chorus_summary *summary;       /* owned */
    ch_arena *arena;
    ch_facts facts;
    ch_quotes quotes;
    ch_conflicts conflicts;
    ch_entities entities;
    ch_timeline timeline;
};

#endif
