/*
 * render.c - dispatch to the renderers, and what they share.
 */
#include "report/render.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *render_doc_label(const ch_doc *d, size_t i, char *tmp, size_t tmplen) {
    if (d->meta.source && *d->meta.source)
        return d->meta.source;
    if (d->meta.title && *d->meta.title)
        return d->meta.title;
    if (d->meta.id && *d->meta.id)
        return d->meta.id;
    snprintf(tmp, tmplen, "report %zu", i + 1);
    return tmp;
}

int render_cites(const chorus_summary_sentence *st, ch_buf *out) {
    if (buf_putc(out, '[') != 0)
        return -1;
    for (size_t j = 0; j < st->n_cites; j++)
        if (buf_printf(out, j ? ",%zu" : "%zu", st->cites[j] + 1) != 0)
            return -1;
    return buf_putc(out, ']');
}

char *chorus_summary_render(const chorus_summary *s, chorus_render_format f, size_t *len) {
    if (!s)
        return NULL;
    ch_buf b = {0};
    int r;
    switch (f) {
    case CHORUS_RENDER_MARKDOWN:
        r = render_markdown(s, &b);
        break;
    case CHORUS_RENDER_JSON:
        r = render_json(s, &b);
        break;
    case CHORUS_RENDER_HTML:
        return NULL;
    case CHORUS_RENDER_SENTENCES:
        r = 0;
        for (size_t k = 0; k < s->n && !r; k++)
            r = buf_append(&b, s->sents[k].text, s->sents[k].text_len) || buf_putc(&b, '\n');
        break;
    case CHORUS_RENDER_TEXT:
    default:
        r = render_text(s, &b);
        break;
    }
    if (r != 0) {
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b, len);
}

int render_quote_listed(const chorus_report *r, const ch_quote_group *g) {
    const ch_quotes *qs = &r->quotes;
    for (size_t m = 0; m < g->n_members; m++)
        if (qs->q[g->members[m].quote].speaker)
            return 1;
    const ch_quote *q = &qs->q[g->canonical];
    const char *t = r->cluster->docs[q->doc].text + q->off;
    size_t words = 0;
    int inside = 0; /* in a word: letters, digits, non-ASCII, ' and - */
    for (size_t i = 0; i < q->len && words < RENDER_QUOTE_MIN_WORDS; i++) {
        unsigned char ch = (unsigned char)t[i];
        int w = isalnum(ch) || ch >= 0x80 || ((ch == '\'' || ch == '-') && inside);
        words += w && !inside;
        inside = w;
    }
    return words >= RENDER_QUOTE_MIN_WORDS;
}

const char *render_event_label(const ch_tl_event *ev) {
    if (!ev->label || (ev->iso && strcmp(ev->label, ev->iso) == 0))
        return NULL;
    return ev->label;
}
