/*
 * report.c - runs the analysis stages over a cluster and keeps their
 * results for the renderers:
 *
 *   cluster --summarize--> cited summary
 *           --vectors----> facts (groups across reports, claims/denials apart;
 *                          the summary's vectors, computed once)
 *           --quotes-----> quotations, speakers, the same quote across outlets
 *           --conflicts--> figures, dates and times the reports disagree on
 *           --entities---> people, organisations, places with their aliases
 *           --timeline---> dated events, normalised to the calendar
 */
#include "core/report.h"

#include <stdlib.h>

#include "core/summary.h"
#include "report/render.h"

chorus_report *chorus_report_new(chorus_cluster *c, const chorus_options *o) {
    if (!c)
        return NULL;
    chorus_report *r = calloc(1, sizeof *r);
    if (!r || !(r->arena = arena_new(0))) {
        free(r);
        cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    r->cluster = c;
    r->summary = chorus_summarize(c, o);
    if (!r->summary) {
        chorus_report_free(r);
        return NULL; /* the message is on the cluster */
    }
    /* conflicts, entities and timeline return -2 for a language they have no
     * rules for: their sections are then empty, which is not a failure */
    if (facts_analyze(c, r->summary->vec, REPORT_FACT_THRESHOLD, r->arena, &r->facts) != 0 ||
        quotes_analyze(c, r->arena, &r->quotes) != 0 ||
        conflicts_analyze(c, r->arena, &r->conflicts) == -1 ||
        entities_analyze(c, r->arena, &r->entities) == -1 ||
        timeline_analyze(c, r->arena, &r->timeline) == -1) {
        cluster_fail(c, CHORUS_ERR_NOMEM, "out of memory");
        chorus_report_free(r);
        return NULL;
    }
    return r;
}

const chorus_summary *chorus_report_summary(const chorus_report *r) {
    return r ? r->summary : NULL;
}

char *chorus_report_render(const chorus_report *r, chorus_render_format f, size_t *len) {
    if (!r)
        return NULL;
    ch_buf b = {0};
    int rc;
    switch (f) {
    case CHORUS_RENDER_MARKDOWN:
        rc = render_report_markdown(r, &b);
        break;
    case CHORUS_RENDER_JSON:
        rc = render_report_json(r, &b);
        break;
    case CHORUS_RENDER_HTML:
        rc = render_report_html(r, &b);
        break;
    case CHORUS_RENDER_SENTENCES:
        free(b.data);
        return chorus_summary_render(r->summary, f, len);
    case CHORUS_RENDER_TEXT:
    default:
        rc = render_report_text(r, &b);
        break;
    }
    if (rc != 0) {
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b, len);
}

void chorus_report_free(chorus_report *r) {
    if (!r)
        return;
    chorus_summary_free(r->summary);
    arena_free(r->arena);
    free(r);
}
