/*
 * json.c - the summary as one JSON document (schema in docs/json-schema.md,
 * version CHORUS_JSON_SCHEMA_VERSION), built with jansson.
 *
 * Keys keep insertion order, reals print with 6 significant digits, and
 * nothing depends on addresses or time: the same summary gives the same
 * bytes.
 */
#include "report/render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int json_put(json_t *obj, const char *key, json_t *val) {
    return val ? json_object_set_new(obj, key, val) : -1;
}

int json_put_str(json_t *obj, const char *key, const char *s) {
    return json_put(obj, key, s ? json_string(s) : json_null());
}

static json_t *json_options(const chorus_summary *s) {
    const chorus_options *o = &s->opts;
    json_t *j = json_object(), *budget = json_object();
    if (!j || !budget) {
        json_decref(j);
        json_decref(budget);
        return NULL;
    }
    int r = json_put_str(j, "method", chorus_method_name(o->method));
    if (o->words)
        r |= json_put(budget, "words", json_integer((json_int_t)o->words));
    else if (o->bytes)
        r |= json_put(budget, "bytes", json_integer((json_int_t)o->bytes));
    else
        r |= json_put(budget, "sentences", json_integer((json_int_t)o->sentences));
    r |= json_put(j, "budget", budget);
    r |= json_put_str(j, "order", o->order == CHORUS_ORDER_SCORE ? "score" : "position");
    r |= json_put(j, "truncate_last", json_boolean(o->truncate_last));
    r |= json_put(j, "cite_threshold", json_real(o->cite_threshold));
    r |= json_put(j, "redundancy", json_real(o->redundancy));
    r |= json_put(j, "lexrank_threshold", json_real(o->lexrank_threshold));
    r |= json_put_str(j, "idf", o->idf ? "background" : "cluster");
    r |= json_put_str(j, "language", s->cluster->language);
    r |= json_put(j, "keep_noise", json_boolean(s->cluster->cfg.keep_noise));
    if (r) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *json_document(const ch_doc *d, size_t i) {
    json_t *j = json_object(), *removed = json_object(), *ranges = json_array();
    if (!j || !removed || !ranges) {
        json_decref(j);
        json_decref(removed);
        json_decref(ranges);
        return NULL;
    }
    int r = json_put(j, "n", json_integer((json_int_t)i + 1));
    r |= json_put_str(j, "id", d->meta.id);
    r |= json_put_str(j, "source", d->meta.source);
    r |= json_put_str(j, "title", d->meta.title);
    r |= json_put_str(j, "date", d->meta.date);
    r |= json_put_str(j, "url", d->meta.url);
    r |= json_put(j, "bytes", json_integer((json_int_t)d->input_len));
    r |= json_put(j, "sentences", json_integer((json_int_t)d->n_sent));
    r |= json_put(j, "invalid_utf8_replaced", json_integer((json_int_t)d->n_replaced));
    for (size_t k = 0; k < d->n_removed && !r; k++) {
        json_t *rg = json_object();
        r |= !rg;
        if (rg) {
            r |= json_put(rg, "offset", json_integer((json_int_t)d->removed[k].off));
            r |= json_put(rg, "length", json_integer((json_int_t)d->removed[k].len));
            r |= json_put_str(rg, "reason", d->removed_reason[k]);
            r |= json_array_append_new(ranges, rg);
        }
    }
    r |= json_put(removed, "count", json_integer((json_int_t)d->n_removed));
    r |= json_put(removed, "ranges", ranges);
    r |= json_put(j, "removed", removed);
    if (r) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *json_sentence(const chorus_summary_sentence *st) {
    json_t *j = json_object(), *cites = json_array();
    if (!j || !cites) {
        json_decref(j);
        json_decref(cites);
        return NULL;
    }
    int r = json_put(j, "text", json_stringn(st->text, st->text_len));
    r |= json_put(j, "doc", json_integer((json_int_t)st->doc + 1));
    r |= json_put(j, "offset", json_integer((json_int_t)st->offset));
    r |= json_put(j, "length", json_integer((json_int_t)st->length));
    r |= json_put(j, "position", json_integer((json_int_t)st->position));
    r |= json_put(j, "score", json_real(st->score));
    for (size_t k = 0; k < st->n_cites; k++)
        r |= json_array_append_new(cites, json_integer((json_int_t)st->cites[k] + 1));
    r |= json_put(j, "cites", cites);
    if (r) {
        json_decref(j);
        return NULL;
    }
    return j;
}

json_t *render_json_sentence_ref(const chorus_cluster *c, uint32_t sent) {
    const ch_sentence *st = &c->sents[sent];
    const ch_doc *d = &c->docs[st->doc];
    json_t *j = json_object();
    if (!j)
        return NULL;
    int r = json_put(j, "doc", json_integer((json_int_t)st->doc + 1));
    r |= json_put(j, "offset", json_integer((json_int_t)st->src_off));
    r |= json_put(j, "length", json_integer((json_int_t)st->src_len));
    r |= json_put(j, "text", json_stringn(d->text + st->off, st->len));
    if (r) {
        json_decref(j);
        return NULL;
    }
    return j;
}

json_t *render_json_summary(const chorus_summary *s) {
    const chorus_cluster *c = s->cluster;
    json_t *root = json_object(), *docs = json_array(), *sum = json_array();
    int r = !root || !docs || !sum;
    if (!r) {
        r |= json_put_str(root, "chorus", CHORUS_VERSION);
        r |= json_put(root, "schema", json_integer(CHORUS_JSON_SCHEMA_VERSION));
        r |= json_put_str(root, "id", c->id);
        r |= json_put(root, "options", json_options(s));
        for (size_t i = 0; i < c->n_docs && !r; i++)
            r |= json_array_append_new(docs, json_document(&c->docs[i], i));
        for (size_t k = 0; k < s->n && !r; k++)
            r |= json_array_append_new(sum, json_sentence(&s->sents[k]));
        r |= json_object_set(root, "documents", docs);
        r |= json_object_set(root, "summary", sum);
    }
    json_decref(docs);
    json_decref(sum);
    if (r) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int render_json_dump(json_t *root, ch_buf *out) {
    char *text = root ? json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(root);
    if (!text)
        return -1;
    int r = buf_puts(out, text);
    free(text);
    return r;
}

int render_json(const chorus_summary *s, ch_buf *out) {
    return render_json_dump(render_json_summary(s), out);
}
