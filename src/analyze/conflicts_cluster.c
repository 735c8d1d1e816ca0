/*
 * conflicts_cluster.c - the conflict analysis of a chorus_cluster: a view of
 * its reports (aword_view_cluster) handed to conflicts_find().
 */
#include "analyze/conflicts.h"

#include <string.h>

int conflicts_analyze(const struct chorus_cluster *c, ch_arena *a, ch_conflicts *out) {
    ch_adoc *docs;
    size_t n;
    const char *lang;
    memset(out, 0, sizeof *out);
    if (aword_view_cluster(c, a, &docs, &n, &lang) != 0)
        return -1;
    return conflicts_find(docs, n, lang, a, out);
}
