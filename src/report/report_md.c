/*
 * report_md.c - the cross-source report as plain text and as Markdown:
 * the cited summary, then what several reports say, the denials, where the
 * reports disagree, the quotes, what only one report says, the entities and
 * the timeline.
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
        buf_printf(out,
                   md ? "**%s%s%s:** " : "%s%s%s: ", f->kind == FACT_DENIAL ? "denial" : "claim",
                   f->party ? " by " : "", f->party ? f->party : "") != 0)
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

/* Appends bytes of report doc's article text, line breaks as spaces,
 * escaped for Markdown when md. */
static int report_span(const chorus_report *r, uint32_t doc, size_t off, size_t len, int md,
                       ch_buf *out) {
    const char *t = r->cluster->docs[doc].text + off;
    for (size_t i = 0; i < len; i++) {
        char ch = t[i] == '\n' ? ' ' : t[i];
        if (md && strchr("\\`*_[]<>#|", ch) && buf_putc(out, '\\') != 0)
            return -1;
        if (buf_putc(out, ch) != 0)
            return -1;
    }
    return 0;
}

static int report_quotes(const chorus_report *r, int md, ch_buf *out) {
    const ch_quotes *qs = &r->quotes;
    size_t shown = 0;
    for (size_t g = 0; g < qs->n_groups && shown < 30; g++) {
        const ch_quote_group *grp = &qs->g[g];
        if (!render_quote_listed(r, grp))
            continue;
        shown++;
        const ch_quote *cq = &qs->q[grp->canonical];
        if (buf_puts(out, md ? "- **" : "  ") ||
            buf_puts(out, cq->speaker ? cq->speaker : "speaker unknown") ||
            buf_puts(out, md ? "**: \"" : ": \"") ||
            report_span(r, cq->doc, cq->off, cq->len, md, out) || buf_puts(out, "\" ["))
            return -1;
        for (size_t m = 0; m < grp->n_members; m++) {
            uint32_t d = qs->q[grp->members[m].quote].doc;
            if ((m == 0 || qs->q[grp->members[m - 1].quote].doc != d) &&
                buf_printf(out, m ? ",%u" : "%u", d + 1))
                return -1;
        }
        if (buf_puts(out, "]") ||
            (grp->attribution_differs && buf_puts(out, " (attributed differently)")) ||
            buf_putc(out, '\n'))
            return -1;
    }
    return shown || !buf_puts(out, md ? "- (none)\n" : "  (none)\n") ? 0 : -1;
}

static int report_conflicts(const chorus_report *r, int md, ch_buf *out) {
    const ch_conflicts *cs = &r->conflicts;
    for (size_t k = 0; k < cs->n; k++) {
        const ch_conflict *cf = &cs->c[k];
        if (buf_printf(out, md ? "- %s: " : "  %s: ", conflicts_kind_name(cf->kind)))
            return -1;
        for (size_t i = 0; i < cf->n_sides; i++) {
            const ch_quantity *q = &cs->q[cf->sides[i]];
            if ((i && buf_puts(out, " vs ")) || buf_puts(out, md ? "\"" : "\"") ||
                report_span(r, q->doc, q->off, q->len, md, out) ||
                buf_printf(out, "\" [%u]", q->doc + 1))
                return -1;
        }
        if (buf_putc(out, '\n'))
            return -1;
    }
    return cs->n || !buf_puts(out, md ? "- (none)\n" : "  (none)\n") ? 0 : -1;
}

static int report_entities(const chorus_report *r, int md, ch_buf *out) {
    const ch_entities *es = &r->entities;
    for (size_t k = 0; k < es->n && k < 20; k++) {
        const ch_entity *en = &es->e[k];
        if (buf_printf(out, md ? "- %s (%s, %zu mentions)" : "  %s (%s, %zu mentions)", en->name,
                       entities_kind_name(en->kind), en->n_mentions))
            return -1;
        for (size_t i = 0, shown = 0; i < en->n_aliases; i++)
            if (strcmp(en->aliases[i], en->name) &&
                buf_printf(out, shown++ ? ", %s" : ": also %s", en->aliases[i]))
                return -1;
        if (buf_putc(out, '\n'))
            return -1;
    }
    return es->n || !buf_puts(out, md ? "- (none)\n" : "  (none)\n") ? 0 : -1;
}

static int report_timeline(const chorus_report *r, int md, ch_buf *out) {
    const ch_timeline *tl = &r->timeline;
    for (size_t k = 0; k < tl->n && k < 40; k++) {
        const ch_tl_event *ev = &tl->ev[k];
        const ch_tl_ref *rf = &ev->refs[0];
        const char *label = render_event_label(ev);
        if (buf_printf(out, md ? "- **%s%s%s**: " : "  %s%s%s: ", ev->iso ? ev->iso : "undated",
                       label ? ", " : "", label ? label : "") ||
            report_span(r, rf->doc, rf->off, rf->len, md, out) || buf_putc(out, ' ') ||
            report_marks(out, ev->docs, ev->n_docs) || buf_putc(out, '\n'))
            return -1;
    }
    return tl->n || !buf_puts(out, md ? "- (none)\n" : "  (none)\n") ? 0 : -1;
}

#define REPORT_MAX_LISTED 30

static int report_plain_or_md(const chorus_report *r, int md, ch_buf *out) {
    if ((md ? render_markdown(r->summary, out) : render_text(r->summary, out)) != 0)
        return -1;
    if (buf_puts(out, md ? "\n## What several reports say\n\n" : "\nWhat several reports say:\n") ||
        report_facts(r, md, 1, REPORT_MAX_LISTED, out) ||
        buf_puts(out, md ? "\n## Denials\n\n" : "\nDenials:\n") || report_claims(r, md, out) ||
        buf_puts(out,
                 md ? "\n## Where the reports disagree\n\n" : "\nWhere the reports disagree:\n") ||
        report_conflicts(r, md, out) || buf_puts(out, md ? "\n## Quotes\n\n" : "\nQuotes:\n") ||
        report_quotes(r, md, out) ||
        buf_puts(out, md ? "\n## Said by one report only\n\n" : "\nSaid by one report only:\n") ||
        report_facts(r, md, 0, REPORT_MAX_LISTED, out) ||
        buf_puts(out, md ? "\n## People, organisations, places\n\n"
                         : "\nPeople, organisations, places:\n") ||
        report_entities(r, md, out) || buf_puts(out, md ? "\n## Timeline\n\n" : "\nTimeline:\n") ||
        report_timeline(r, md, out))
        return -1;
    return 0;
}

int render_report_text(const chorus_report *r, ch_buf *out) {
    return report_plain_or_md(r, 0, out);
}

int render_report_markdown(const chorus_report *r, ch_buf *out) {
    return report_plain_or_md(r, 1, out);
}
