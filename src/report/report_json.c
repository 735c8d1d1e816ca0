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

/* {"doc", "offset", "length", "text"} of bytes [off, off+len) of report
 * doc's article text, offsets mapped to the original input. */
static json_t *report_json_span(const chorus_cluster *c, uint32_t doc, size_t off, size_t len) {
    const ch_doc *d = &c->docs[doc];
    size_t so = cluster_src_offset(d, off), se = cluster_src_end(d, off + len);
    json_t *j = json_object();
    if (!j)
        return NULL;
    int e = json_put(j, "doc", json_integer((json_int_t)doc + 1));
    e |= json_put(j, "offset", json_integer((json_int_t)so));
    e |= json_put(j, "length", json_integer((json_int_t)(se - so)));
    e |= json_put(j, "text", json_stringn(d->text + off, len));
    if (e) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static const char *const report_attr_kinds[] = {"none",    "named",     "pronoun",
                                                "role",    "anonymous", "inherited"};

static json_t *report_json_quotes(const chorus_report *r) {
    const chorus_cluster *c = r->cluster;
    const ch_quotes *qs = &r->quotes;
    json_t *arr = json_array();
    for (size_t g = 0; arr && g < qs->n_groups; g++) {
        const ch_quote_group *grp = &qs->g[g];
        json_t *j = json_object(), *vars = json_array(), *docs = json_array();
        int e = !j || !vars || !docs;
        for (size_t m = 0; !e && m < grp->n_members; m++) {
            const ch_quote_variant *v = &grp->members[m];
            const ch_quote *q = &qs->q[v->quote];
            json_t *vj = report_json_span(c, q->doc, q->off, q->len), *diff = json_array();
            e |= !vj || !diff;
            for (size_t k = 0; !e && k < v->n_diff; k++)
                e |= json_array_append_new(diff, report_json_span(c, q->doc, v->diff_off[k],
                                                                  v->diff_len[k]));
            if (!e) {
                e |= json_put_str(vj, "speaker", q->speaker);
                e |= json_put_str(vj, "attribution", q->attribution);
                e |= json_put_str(vj, "attribution_kind", report_attr_kinds[q->attr_kind]);
                e |= json_put(vj, "partial", json_boolean(q->partial));
                e |= json_put(vj, "canonical", json_boolean(v->quote == grp->canonical));
                e |= json_object_set(vj, "differs", diff);
                e |= json_array_append(vars, vj);
                if (!m || qs->q[grp->members[m - 1].quote].doc != q->doc)
                    e |= json_array_append_new(docs, json_integer((json_int_t)q->doc + 1));
            }
            json_decref(vj);
            json_decref(diff);
        }
        if (!e) {
            const ch_quote *cq = &qs->q[grp->canonical];
            e |= json_put_str(j, "speaker", cq->speaker);
            e |= json_put(j, "attribution_differs", json_boolean(grp->attribution_differs));
            e |= json_object_set(j, "sources", docs);
            e |= json_object_set(j, "variants", vars);
            e |= json_array_append(arr, j);
        }
        json_decref(vars);
        json_decref(docs);
        json_decref(j);
        if (e) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *report_json_conflicts(const chorus_report *r) {
    const chorus_cluster *c = r->cluster;
    const ch_conflicts *cs = &r->conflicts;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < cs->n; k++) {
        const ch_conflict *cf = &cs->c[k];
        json_t *j = json_object(), *sides = json_array();
        int e = !j || !sides;
        for (size_t i = 0; !e && i < cf->n_sides; i++) {
            const ch_quantity *q = &cs->q[cf->sides[i]];
            json_t *sj = report_json_span(c, q->doc, q->off, q->len);
            e |= !sj;
            if (!e) {
                e |= json_put(sj, "value", json_real(q->value));
                e |= json_put_str(sj, "unit", q->unit);
                e |= json_put(sj, "sentence", render_json_sentence_ref(c, q->sent));
                e |= json_array_append(sides, sj);
            }
            json_decref(sj);
        }
        if (!e) {
            e |= json_put_str(j, "kind", conflicts_kind_name(cf->kind));
            e |= json_put_str(j, "measure", cf->measure);
            e |= json_object_set(j, "sides", sides);
            e |= json_array_append(arr, j);
        }
        json_decref(sides);
        json_decref(j);
        if (e) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *report_json_entities(const chorus_report *r) {
    const ch_entities *es = &r->entities;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < es->n; k++) {
        const ch_entity *en = &es->e[k];
        json_t *j = json_object(), *aliases = json_array(), *per = json_array(),
               *ments = json_array();
        int e = !j || !aliases || !per || !ments;
        for (size_t i = 0; !e && i < en->n_aliases; i++)
            e |= json_array_append_new(aliases, json_string(en->aliases[i]));
        for (size_t i = 0; !e && i < es->n_docs; i++)
            e |= json_array_append_new(per, json_integer(en->per_doc[i]));
        for (size_t i = 0; !e && i < en->n_mentions; i++) {
            const ch_mention *m = &en->mentions[i];
            json_t *mj = json_pack("{s:I,s:I,s:I}", "doc", (json_int_t)m->doc + 1, "offset",
                                   (json_int_t)m->src_off, "length", (json_int_t)m->src_len);
            e |= json_array_append_new(ments, mj);
        }
        if (!e) {
            e |= json_put_str(j, "name", en->name);
            e |= json_put_str(j, "kind", entities_kind_name(en->kind));
            e |= json_object_set(j, "aliases", aliases);
            e |= json_object_set(j, "mentions_per_doc", per);
            e |= json_object_set(j, "mentions", ments);
            e |= json_array_append(arr, j);
        }
        json_decref(aliases);
        json_decref(per);
        json_decref(ments);
        json_decref(j);
        if (e) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *report_json_timeline(const chorus_report *r) {
    const chorus_cluster *c = r->cluster;
    const ch_timeline *tl = &r->timeline;
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < tl->n; k++) {
        const ch_tl_event *ev = &tl->ev[k];
        json_t *j = json_object(), *refs = json_array(), *docs = json_array();
        int e = !j || !refs || !docs;
        for (size_t i = 0; !e && i < ev->n_docs; i++)
            e |= json_array_append_new(docs, json_integer((json_int_t)ev->docs[i] + 1));
        for (size_t i = 0; !e && i < ev->n_refs; i++) {
            const ch_tl_ref *rf = &ev->refs[i];
            json_t *rj = report_json_span(c, rf->doc, rf->off, rf->len);
            e |= !rj;
            if (!e) {
                e |= json_put_str(rj, "when", rf->when_text);
                e |= json_put_str(rj, "date", rf->iso);
                e |= json_put_str(rj, "label", rf->label);
                e |= json_array_append(refs, rj);
            }
            json_decref(rj);
        }
        if (!e) {
            e |= json_put_str(j, "date", ev->iso);
            e |= json_put_str(j, "label", ev->label);
            e |= json_object_set(j, "sources", docs);
            e |= json_object_set(j, "sentences", refs);
            e |= json_array_append(arr, j);
        }
        json_decref(refs);
        json_decref(docs);
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
