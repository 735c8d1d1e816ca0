/*
 * entities_cluster.c - the entities of a chorus_cluster: a view of its
 * reports (aword_view_cluster) handed to entities_find().
 */
#include "analyze/entities.h"

#include <string.h>

int entities_analyze(const struct chorus_cluster *c, ch_arena *a, ch_entities *out) {
    ch_adoc *docs;
    size_t n;
    const char *lang;
    memset(out, 0, sizeof *out);
    if (aword_view_cluster(c, a, &docs, &n, &lang) != 0)
        return -1;
    return entities_find(docs, n, lang, a, out);
}
