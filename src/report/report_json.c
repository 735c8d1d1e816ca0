/*
 * report_json.c - the cross-source report as JSON: the summary document
 * (json.c) extended with "kind": "report" and the analysis sections.
 * Every item points back to (doc, offset, length) in an original input.
 */
#include "report/render.h"

static const char *const report_fact_kinds[] = {"statement", "claim", "denial"};

static json_t *report_json_facts(const chorus_report *r) {
    const chorus_cluster *c = r->cluster;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < r->facts.n; k++) {
        const ch_fact *f = &r->facts.f[k];
        json_t *j = json_object(), *docs = json_array(), *sents = json_array();
        int e = !j || !docs || !sents;
        for (size_t i = 0; !e && i < f->n_docs; i++)
            e |= json_array_append_new(docs, json_integer((json_int_t)f->docs[i] + 1));
        for (size_t i = 0; !e && i < f->n_sents; i++)
            e |= json_array_append_new(sents, render_json_sentence_ref(c, f->sents[i]));
        if (!e) {
            e |= json_put_str(j, "kind", report_fact_kinds[f->kind]);
            e |= json_put_str(j, "party", f->party);
            e |= json_put(j, "single_source", json_boolean(f->n_docs == 1));
            e |= json_object_set(j, "sources", docs);
            e |= json_object_set(j, "sentences", sents);
            e |= json_array_append(arr, j);
        }
        json_decref(docs);
        json_decref(sents);
        json_decref(j);
        if (e) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

int render_report_json(const chorus_report *r, ch_buf *out) {
    json_t *root = render_json_summary(r->summary);
    if (!root)
        return -1;
    int e = json_put_str(root, "kind", "report");
    e |= json_put(root, "facts", report_json_facts(r));
    if (e) {
        json_decref(root);
        return -1;
    }
    return render_json_dump(root, out);
}
