/*
 * text.c - the summary as plain text: one sentence per line, each followed
 * by the numbers of the reports that carry it, then the numbered sources.
 *
 *     The ferry operator said service resumes Monday. [1,3]
 *
 *     Sources:
 *     [1] Harbor Daily - Ferry service to resume (harbor-daily.txt)
 */
#include "report/render.h"

static int text_source_line(const ch_doc *d, size_t i, ch_buf *out) {
    char tmp[32];
    if (buf_printf(out, "[%zu] %s", i + 1, render_doc_label(d, i, tmp, sizeof tmp)) != 0)
        return -1;
    if (d->meta.source && d->meta.title && buf_printf(out, " - %s", d->meta.title) != 0)
        return -1;
    if (d->meta.date && buf_printf(out, ", %s", d->meta.date) != 0)
        return -1;
    if (d->meta.id && (d->meta.source || d->meta.title) && buf_printf(out, " (%s)", d->meta.id) != 0)
        return -1;
    if (d->meta.url && buf_printf(out, " <%s>", d->meta.url) != 0)
        return -1;
    return buf_putc(out, '\n');
}

int render_text(const chorus_summary *s, ch_buf *out) {
    const chorus_cluster *c = s->cluster;
    for (size_t k = 0; k < s->n; k++) {
        const chorus_summary_sentence *st = &s->sents[k];
        if (buf_append(out, st->text, st->text_len) != 0 || buf_putc(out, ' ') != 0 ||
            render_cites(st, out) != 0 || buf_putc(out, '\n') != 0)
            return -1;
    }
    if (buf_puts(out, "\nSources:\n") != 0)
        return -1;
    for (size_t i = 0; i < c->n_docs; i++)
        if (text_source_line(&c->docs[i], i, out) != 0)
            return -1;
    return 0;
}
