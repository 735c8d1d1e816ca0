/*
 * aword_cluster.c - views of a chorus_cluster's reports for the conflict,
 * entity and timeline analyses (see aword.h). The only file of those
 * analyses that knows the cluster's layout, so that everything else runs on
 * plain text too.
 */
#include "analyze/aword.h"

#include "core/cluster.h"

int aword_view_cluster(const struct chorus_cluster *c, ch_arena *a, ch_adoc **docs, size_t *n_docs,
                       const char **lang) {
    *docs = NULL;
    *n_docs = 0;
    *lang = c->language[0] ? c->language : "english";
    if (c->n_docs == 0)
        return 0;
    ch_adoc *v = arena_calloc(a, c->n_docs, sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < c->n_docs; i++) {
        const ch_doc *d = &c->docs[i];
        ch_aspan *sp = arena_calloc(a, d->n_sent ? d->n_sent : 1, sizeof *sp);
        if (!sp)
            return -1;
        for (uint32_t k = 0; k < d->n_sent; k++) {
            const ch_sentence *s = &c->sents[d->first_sent + k];
            sp[k].off = s->off;
            sp[k].len = s->len;
            sp[k].flags = s->flags;
            sp[k].sent = d->first_sent + k;
        }
        v[i].text = d->text;
        v[i].text_len = d->text_len;
        v[i].sents = sp;
        v[i].n_sents = d->n_sent;
        v[i].date = d->meta.date;
        v[i].input = d->input;
        v[i].input_len = d->input_len;
        v[i].clean_map = &d->clean_map;
        v[i].repair_map = &d->repair_map;
    }
    *docs = v;
    *n_docs = c->n_docs;
    return 0;
}
