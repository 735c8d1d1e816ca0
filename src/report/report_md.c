/*
 * report_md.c - the cross-source report as plain text and as Markdown:
 * the cited summary, then what the reports agree on, what only one says,
 * and the claims and denials with who makes them.
 */
#include "report/render.h"

#include <string.h>

/* Appends "[1,3]" for a list of report indices. */
static int report_marks(ch_buf *out, const uint32_t *docs, size_t n) {
    if (buf_putc(out, '[') != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (buf_printf(out, i ? ",%u" : "%u", docs[i] + 1) != 0)
            return -1;
    return buf_putc(out, ']');
}

static int report_fact_line(const chorus_report *r, const ch_fact *f, int md, ch_buf *out) {
    const ch_sentence *st = &r->cluster->sents[f->sents[0]];
    const char *text = r->cluster->docs[st->doc].text + st->off;
    if (buf_puts(out, md ? "- " : "  ") != 0)
        return -1;
    if (f->kind != FACT_STATEMENT &&
        buf_printf(out, md ? "**%s%s%s:** " : "%s%s%s: ",
                   f->kind == FACT_DENIAL ? "denial" : "claim", f->party ? " by " : "",
                   f->party ? f->party : "") != 0)
        return -1;
    for (size_t i = 0; i < st->len; i++) {
        char ch = text[i] == '\n' ? ' ' : text[i];
        if (md && strchr("\\`*_[]<>#|", ch) && buf_putc(out, '\\') != 0)
            return -1;
        if (buf_putc(out, ch) != 0)
            return -1;
    }
    if (buf_putc(out, ' ') != 0 || report_marks(out, f->docs, f->n_docs) != 0)
        return -1;
    return buf_putc(out, '\n');
}

/* Facts of one group: shared (>= 2 reports) or single-source. */
static int report_facts(const chorus_report *r, int md, int shared, size_t max, ch_buf *out) {
    size_t shown = 0;
    for (size_t k = 0; k < r->facts.n && shown < max; k++) {
        const ch_fact *f = &r->facts.f[k];
        if ((f->n_docs >= 2) != shared)
            continue;
        if (report_fact_line(r, f, md, out) != 0)
            return -1;
        shown++;
    }
    if (!shown && buf_puts(out, md ? "- (none)\n" : "  (none)\n") != 0)
        return -1;
    return 0;
}

static int report_claims(const chorus_report *r, int md, ch_buf *out) {
    size_t shown = 0;
    for (size_t k = 0; k < r->facts.n; k++) {
        const ch_fact *f = &r->facts.f[k];
        if (f->kind == FACT_STATEMENT || f->kind == FACT_CLAIM)
            continue;
        if (report_fact_line(r, f, md, out) != 0)
            return -1;
        shown++;
    }
    if (!shown && buf_puts(out, md ? "- (none)\n" : "  (none)\n") != 0)
        return -1;
    return 0;
}

#define REPORT_MAX_LISTED 30

static int report_plain_or_md(const chorus_report *r, int md, ch_buf *out) {
    if ((md ? render_markdown(r->summary, out) : render_text(r->summary, out)) != 0)
        return -1;
    if (buf_puts(out, md ? "\n## What several reports say\n\n" : "\nWhat several reports say:\n") ||
        report_facts(r, md, 1, REPORT_MAX_LISTED, out) ||
        buf_puts(out, md ? "\n## Denials\n\n" : "\nDenials:\n") || report_claims(r, md, out) ||
        buf_puts(out, md ? "\n## Said by one report only\n\n" : "\nSaid by one report only:\n") ||
        report_facts(r, md, 0, REPORT_MAX_LISTED, out))
        return -1;
    return 0;
}

int render_report_text(const chorus_report *r, ch_buf *out) { return report_plain_or_md(r, 0, out); }

int render_report_markdown(const chorus_report *r, ch_buf *out) {
    return report_plain_or_md(r, 1, out);
}
