/*
 * timeline_cluster.c - the timeline of a chorus_cluster: a view of its
 * reports (aword_view_cluster) handed to timeline_build().
 */
#include "analyze/timeline.h"

#include <string.h>

int timeline_analyze(const struct chorus_cluster *c, ch_arena *a, ch_timeline *out) {
    ch_adoc *docs;
    size_t n;
    const char *lang;
    memset(out, 0, sizeof *out);
    if (aword_view_cluster(c, a, &docs, &n, &lang) != 0)
        return -1;
    return timeline_build(docs, n, lang, a, out);
}
