/*
 * markdown.c - the summary as Markdown: a paragraph per sentence with its
 * citation marks, and a numbered source list (linked when a URL is known).
 * Characters Markdown would interpret in sentence text are escaped.
 */
#include "report/render.h"

#include <string.h>

static int markdown_escaped(ch_buf *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (strchr("\\`*_[]<>#|", s[i]) && buf_putc(out, '\\') != 0)
            return -1;
        if (buf_putc(out, s[i]) != 0)
            return -1;
    }
    return 0;
}

int render_markdown(const chorus_summary *s, ch_buf *out) {
    const chorus_cluster *c = s->cluster;
    if (buf_puts(out, c->id ? "## Summary: " : "## Summary\n\n") != 0)
        return -1;
    if (c->id && (markdown_escaped(out, c->id, strlen(c->id)) != 0 || buf_puts(out, "\n\n") != 0))
        return -1;
    for (size_t k = 0; k < s->n; k++) {
        const chorus_summary_sentence *st = &s->sents[k];
        if (markdown_escaped(out, st->text, st->text_len) != 0 || buf_puts(out, " <sup>") != 0 ||
            render_cites(st, out) != 0 || buf_puts(out, "</sup>\n\n") != 0)
            return -1;
    }
    if (buf_puts(out, "### Sources\n\n") != 0)
        return -1;
    for (size_t i = 0; i < c->n_docs; i++) {
        const ch_doc *d = &c->docs[i];
        char tmp[32];
        const char *label = render_doc_label(d, i, tmp, sizeof tmp);
        if (buf_printf(out, "%zu. ", i + 1) != 0)
            return -1;
        if (d->meta.url) {
            if (buf_putc(out, '[') != 0 || markdown_escaped(out, label, strlen(label)) != 0 ||
                buf_printf(out, "](%s)", d->meta.url) != 0)
                return -1;
        } else if (markdown_escaped(out, label, strlen(label)) != 0) {
            return -1;
        }
        if (d->meta.source && d->meta.title &&
            (buf_puts(out, ": *") != 0 ||
             markdown_escaped(out, d->meta.title, strlen(d->meta.title)) != 0 ||
             buf_putc(out, '*') != 0))
            return -1;
        if (d->meta.date && buf_printf(out, ", %s", d->meta.date) != 0)
            return -1;
        if (buf_putc(out, '\n') != 0)
            return -1;
    }
    return 0;
}
