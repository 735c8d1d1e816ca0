/*
 * report_json.c - the cross-source report as JSON: the summary document
 * (json.c) extended with "kind": "report" and the analysis sections.
 * Every item points back to (doc, offset, length) in an original input.
 */
#include "report/render.h"

static const char *const report_fact_kinds[] = {"statement", "claim", "denial"};
static const char *const report_attr_kinds[] = {"none", "named",     "pronoun",
                                                "role", "anonymous", "inherited"};

/* Every builder below attaches containers to their parent as soon as they
 * are made (the parent takes the reference), then fills them; a failure
 * anywhere frees the whole section through its root. */

/* A new empty array under 'key' of obj (owned by obj), or NULL. */
static json_t *report_json_array_at(json_t *obj, const char *key) {
    json_t *a = json_array();
    return a && json_object_set_new(obj, key, a) == 0 ? a : NULL;
}

/* Appends 'item' to 'arr' (taking it) unless 'failed'; returns arr, or NULL
 * after freeing both when anything failed. */
static json_t *report_json_push(json_t *arr, json_t *item, int failed) {
    if (failed) {
        json_decref(item);
    } else if (json_array_append_new(arr, item) == 0) {
        return arr;
    }
    json_decref(arr);
    return NULL;
}

/* Appends report number d+1 to arr; 0 or -1. */
static int report_json_doc(json_t *arr, uint32_t d) {
    return json_array_append_new(arr, json_integer((json_int_t)d + 1));
}

/* {"doc", "offset", "length", "text"} of bytes [off, off+len) of report
 * doc's article text, offsets mapped to the original input. */
static json_t *report_json_span(const chorus_cluster *c, uint32_t doc, size_t off, size_t len) {
    const ch_doc *d = &c->docs[doc];
    size_t so = cluster_src_offset(d, off), se = cluster_src_end(d, off + len);
    json_t *j = json_object();
    if (!j || json_put(j, "doc", json_integer((json_int_t)doc + 1)) ||
        json_put(j, "offset", json_integer((json_int_t)so)) ||
        json_put(j, "length", json_integer((json_int_t)(se - so))) ||
        json_put(j, "text", json_stringn(d->text + off, len))) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *report_json_facts(const chorus_report *r) {
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < r->facts.n; k++) {
        const ch_fact *f = &r->facts.f[k];
        json_t *j = json_object(), *docs = NULL, *sents = NULL;
        int e = !j || json_put_str(j, "kind", report_fact_kinds[f->kind]) ||
                json_put_str(j, "party", f->party) ||
                json_put(j, "single_source", json_boolean(f->n_docs == 1)) ||
                !(docs = report_json_array_at(j, "sources")) ||
                !(sents = report_json_array_at(j, "sentences"));
        for (size_t i = 0; !e && i < f->n_docs; i++)
            e = report_json_doc(docs, f->docs[i]);
        for (size_t i = 0; !e && i < f->n_sents; i++)
            e = json_array_append_new(sents, render_json_sentence_ref(r->cluster, f->sents[i]));
        arr = report_json_push(arr, j, e);
    }
    return arr;
}

static json_t *report_json_variant(const chorus_cluster *c, const ch_quotes *qs,
                                   const ch_quote_group *grp, const ch_quote_variant *v) {
    const ch_quote *q = &qs->q[v->quote];
    json_t *vj = report_json_span(c, q->doc, q->off, q->len), *diff = NULL;
    int e = !vj || json_put_str(vj, "speaker", q->speaker) ||
            json_put_str(vj, "attribution", q->attribution) ||
            json_put_str(vj, "attribution_kind", report_attr_kinds[q->attr_kind]) ||
            json_put(vj, "partial", json_boolean(q->partial)) ||
            json_put(vj, "canonical", json_boolean(v->quote == grp->canonical)) ||
            !(diff = report_json_array_at(vj, "differs"));
    for (size_t k = 0; !e && k < v->n_diff; k++)
        e = json_array_append_new(diff,
                                  report_json_span(c, q->doc, v->diff_off[k], v->diff_len[k]));
    if (e) {
        json_decref(vj);
        return NULL;
    }
    return vj;
}

static json_t *report_json_quotes(const chorus_report *r) {
    const ch_quotes *qs = &r->quotes;
    json_t *arr = json_array();
    for (size_t g = 0; arr && g < qs->n_groups; g++) {
        const ch_quote_group *grp = &qs->g[g];
        json_t *j = json_object(), *docs = NULL, *vars = NULL;
        int e = !j || json_put_str(j, "speaker", qs->q[grp->canonical].speaker) ||
                json_put(j, "attribution_differs", json_boolean(grp->attribution_differs)) ||
                !(docs = report_json_array_at(j, "sources")) ||
                !(vars = report_json_array_at(j, "variants"));
        for (size_t m = 0; !e && m < grp->n_members; m++) {
            uint32_t d = qs->q[grp->members[m].quote].doc;
            if (!m || qs->q[grp->members[m - 1].quote].doc != d)
                e = report_json_doc(docs, d);
            if (!e)
                e = json_array_append_new(
                    vars, report_json_variant(r->cluster, qs, grp, &grp->members[m]));
        }
        arr = report_json_push(arr, j, e);
    }
    return arr;
}

static json_t *report_json_conflicts(const chorus_report *r) {
    const ch_conflicts *cs = &r->conflicts;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < cs->n; k++) {
        const ch_conflict *cf = &cs->c[k];
        json_t *j = json_object(), *sides = NULL;
        int e = !j || json_put_str(j, "kind", conflicts_kind_name(cf->kind)) ||
                json_put_str(j, "measure", cf->measure) ||
                !(sides = report_json_array_at(j, "sides"));
        for (size_t i = 0; !e && i < cf->n_sides; i++) {
            const ch_quantity *q = &cs->q[cf->sides[i]];
            json_t *sj = report_json_span(r->cluster, q->doc, q->off, q->len);
            e = !sj || json_put(sj, "value", json_real(q->value)) ||
                json_put_str(sj, "unit", q->unit) ||
                json_put(sj, "sentence", render_json_sentence_ref(r->cluster, q->sent));
            if (e)
                json_decref(sj);
            else
                e = json_array_append_new(sides, sj);
        }
        arr = report_json_push(arr, j, e);
    }
    return arr;
}

static json_t *report_json_entities(const chorus_report *r) {
    const ch_entities *es = &r->entities;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < es->n; k++) {
        const ch_entity *en = &es->e[k];
        json_t *j = json_object(), *aliases = NULL, *per = NULL, *ments = NULL;
        int e = !j || json_put_str(j, "name", en->name) ||
                json_put_str(j, "kind", entities_kind_name(en->kind)) ||
                !(aliases = report_json_array_at(j, "aliases")) ||
                !(per = report_json_array_at(j, "mentions_per_doc")) ||
                !(ments = report_json_array_at(j, "mentions"));
        for (size_t i = 0; !e && i < en->n_aliases; i++)
            e = json_array_append_new(aliases, json_string(en->aliases[i]));
        for (size_t i = 0; !e && i < es->n_docs; i++)
            e = json_array_append_new(per, json_integer(en->per_doc[i]));
        for (size_t i = 0; !e && i < en->n_mentions; i++) {
            const ch_mention *m = &en->mentions[i];
            e = json_array_append_new(
                ments, json_pack("{s:I,s:I,s:I}", "doc", (json_int_t)m->doc + 1, "offset",
                                 (json_int_t)m->src_off, "length", (json_int_t)m->src_len));
        }
        arr = report_json_push(arr, j, e);
    }
    return arr;
}

static json_t *report_json_timeline(const chorus_report *r) {
    const ch_timeline *tl = &r->timeline;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < tl->n; k++) {
        const ch_tl_event *ev = &tl->ev[k];
        json_t *j = json_object(), *docs = NULL, *refs = NULL;
        int e = !j || json_put_str(j, "date", ev->iso) || json_put_str(j, "label", ev->label) ||
                !(docs = report_json_array_at(j, "sources")) ||
                !(refs = report_json_array_at(j, "sentences"));
        for (size_t i = 0; !e && i < ev->n_docs; i++)
            e = report_json_doc(docs, ev->docs[i]);
        for (size_t i = 0; !e && i < ev->n_refs; i++) {
            const ch_tl_ref *rf = &ev->refs[i];
            json_t *rj = report_json_span(r->cluster, rf->doc, rf->off, rf->len);
            e = !rj || json_put_str(rj, "when", rf->when_text) ||
                json_put_str(rj, "date", rf->iso) || json_put_str(rj, "label", rf->label);
            if (e)
                json_decref(rj);
            else
                e = json_array_append_new(refs, rj);
        }
        arr = report_json_push(arr, j, e);
    }
    return arr;
}

int render_report_json(const chorus_report *r, ch_buf *out) {
    json_t *root = render_json_summary(r->summary);
    if (!root)
        return -1;
    int e = json_put_str(root, "kind", "report");
    e |= json_put(root, "facts", report_json_facts(r));
    e |= json_put(root, "quotes", report_json_quotes(r));
    e |= json_put(root, "conflicts", report_json_conflicts(r));
    e |= json_put(root, "entities", report_json_entities(r));
    e |= json_put(root, "timeline", report_json_timeline(r));
    if (e) {
        json_decref(root);
        return -1;
    }
    return render_json_dump(root, out);
}
