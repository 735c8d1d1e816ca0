/*
 * html.c - the cross-source report as one self-contained HTML page: no
 * external scripts, fonts or styles, readable on a laptop and on a phone.
 *
 * Sections: the cited summary; where the reports disagree (each side's
 * sentence with the figure marked); the sources side by side (columns on a
 * wide screen, stacked on a narrow one) with every summary sentence and
 * every fact shared by several reports highlighted where it comes from; the
 * facts x sources support matrix (claims and denials tagged); the quotes,
 * each once with its speaker, the reports carrying it and their wording
 * with the differing words marked; entities with their aliases and counts
 * per report; the timeline. Every sentence of
 * every source has an anchor "d<report>s<position>" (1-based report), so
 * summary lines and matrix cells link to the exact place they come from.
 */
#include "report/render.h"

#include <stdlib.h>
#include <string.h>

#include "text/segment.h"

static int html_esc(ch_buf *out, const char *s, size_t n) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\n':
            rep = " ";
            break;
        default:
            continue;
        }
        if (buf_append(out, s + run, i - run) != 0 || buf_puts(out, rep) != 0)
            return -1;
        run = i + 1;
    }
    return buf_append(out, s + run, n - run);
}

static int html_escz(ch_buf *out, const char *s) {
    return html_esc(out, s, strlen(s));
}

static const char html_style[] =
    "*{box-sizing:border-box}"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
    "color:#1d2330;background:#f6f7f9}"
    "header,main{max-width:1200px;margin:0 auto;padding:0 1rem}"
    "header{padding-top:1.2rem}h1{font-size:1.5rem;margin:.2rem 0}"
    "h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:2px solid #d8dce3}"
    "nav a{margin-right:.9rem;color:#2456a6}"
    "section{background:#fff;border-radius:8px;padding:.2rem 1rem 1rem;margin:1rem 0;"
    "box-shadow:0 1px 2px rgba(0,0,0,.06)}"
    ".summary li{margin:.35rem 0}.summary a{color:inherit;text-decoration:none}"
    ".cite{color:#2456a6;font-size:.85em;white-space:nowrap}"
    ".sources{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(17rem,1fr);"
    "gap:1rem;overflow-x:auto}"
    ".source{border:1px solid #e1e4ea;border-radius:6px;padding:.4rem .8rem;font-size:.92rem;"
    "max-height:34rem;overflow-y:auto}"
    ".source h3{font-size:1rem;margin:.3rem 0}.meta{color:#5b6475;font-size:.85em}"
    ".s.sum{background:#fff1a8}.s.shared{border-bottom:2px solid #7fb4f0}"
    ".s:target,.s.sum:target{background:#ffd166;outline:2px solid #e09f00}"
    "table{border-collapse:collapse;width:100%;font-size:.92rem}"
    "td,th{border-bottom:1px solid #e6e8ee;padding:.35rem .4rem;vertical-align:top;text-align:left}"
    "td.y{text-align:center;color:#1f7a3a;font-weight:bold}td.n{text-align:center;color:#c3c8d2}"
    ".tag{display:inline-block;font-size:.75em;padding:0 .4em;border-radius:4px;margin-right:.3em;"
    "background:#e8ecf4}.tag.claim{background:#e7f0ff}.tag.denial{background:#ffe4e1}"
    ".tag.single{background:#f1f1f1}"
    "mark{background:#ffc9c9;padding:0 .1em}"
    ".scroll{overflow-x:auto}"
    ".quote,.conflict{border-left:3px solid #d8dce3;padding:.1rem .8rem;margin:.8rem 0}"
    ".quote ul{margin:.2rem 0;padding-left:1.1rem}.quote li{margin:.25rem 0}"
    ".sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.6rem}"
    ".side{background:#fafbfc;border:1px solid #e6e8ee;border-radius:6px;padding:.4rem .6rem}"
    ".timeline li{margin:.35rem 0}"
    "nav{overflow-x:auto;white-space:nowrap;padding-bottom:.3rem}"
    "@media (max-width:700px){.sources{grid-auto-flow:row}.source{max-height:none}"
    "body{font-size:15px}h1{font-size:1.25rem}}";

/* Label of report i for headings. */
static int html_doc_heading(const ch_doc *d, size_t i, ch_buf *out) {
    char tmp[32];
    if (buf_printf(out, "<h3>[%zu] ", i + 1) != 0 ||
        html_escz(out, render_doc_label(d, i, tmp, sizeof tmp)) != 0 || buf_puts(out, "</h3>") != 0)
        return -1;
    if (d->meta.title || d->meta.date || d->meta.url) {
        if (buf_puts(out, "<div class=\"meta\">") != 0)
            return -1;
        if (d->meta.title && d->meta.source && html_escz(out, d->meta.title) != 0)
            return -1;
        if (d->meta.date && (buf_puts(out, " · ") != 0 || html_escz(out, d->meta.date) != 0))
            return -1;
        if (d->meta.url && (buf_puts(out, " · <a href=\"") != 0 || html_escz(out, d->meta.url) ||
                            buf_puts(out, "\">link</a>") != 0))
            return -1;
        if (buf_puts(out, "</div>") != 0)
            return -1;
    }
    return 0;
}

static int html_summary(const chorus_report *r, ch_buf *out) {
    const chorus_summary *s = r->summary;
    if (buf_puts(out, "<section id=\"summary\"><h2>Summary</h2><ol class=\"summary\">") != 0)
        return -1;
    for (size_t k = 0; k < s->n; k++) {
        const chorus_summary_sentence *st = &s->sents[k];
        if (buf_printf(out, "<li><a href=\"#d%zus%zu\">", st->doc + 1, st->position) != 0 ||
            html_esc(out, st->text, st->text_len) != 0 ||
            buf_puts(out, "</a> <span class=\"cite\">") || render_cites(st, out) != 0 ||
            buf_puts(out, "</span></li>") != 0)
            return -1;
    }
    return buf_puts(out, "</ol></section>");
}

static int html_sources(const chorus_report *r, const unsigned char *mark, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    if (buf_puts(out, "<section id=\"sources\"><h2>Sources side by side</h2>"
                      "<p class=\"meta\"><span class=\"s sum\">highlighted</span>: in the summary; "
                      "<span class=\"s shared\">underlined</span>: said by several reports</p>"
                      "<div class=\"sources\">") != 0)
        return -1;
    for (size_t i = 0; i < c->n_docs; i++) {
        const ch_doc *d = &c->docs[i];
        if (buf_printf(out, "<article class=\"source\" id=\"d%zu\">", i + 1) != 0 ||
            html_doc_heading(d, i, out) != 0 || buf_puts(out, "<p>") != 0)
            return -1;
        for (uint32_t j = 0; j < d->n_sent; j++) {
            uint32_t si = d->first_sent + j;
            const ch_sentence *st = &c->sents[si];
            if (j && (st->flags & SEG_PARA_START) && buf_puts(out, "</p><p>") != 0)
                return -1;
            if (buf_printf(out, "<span class=\"s%s%s\" id=\"d%zus%u\">",
                           (mark[si] & 1) ? " sum" : "", (mark[si] & 2) ? " shared" : "", i + 1,
                           st->pos) != 0 ||
                html_esc(out, d->text + st->off, st->len) != 0 || buf_puts(out, "</span> ") != 0)
                return -1;
        }
        if (buf_puts(out, "</p></article>") != 0)
            return -1;
    }
    return buf_puts(out, "</div></section>");
}

static const char *const html_kind_names[] = {"statement", "claim", "denial"};

static int html_fact_cell_text(const chorus_report *r, const ch_fact *f, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    const ch_sentence *st = &c->sents[f->sents[0]];
    if (f->kind != FACT_STATEMENT) {
        if (buf_printf(out, "<span class=\"tag %s\">%s", html_kind_names[f->kind],
                       html_kind_names[f->kind]) != 0)
            return -1;
        if (f->party && (buf_puts(out, " · ") != 0 || html_escz(out, f->party) != 0))
            return -1;
        if (buf_puts(out, "</span>") != 0)
            return -1;
    }
    if (f->n_docs == 1 && buf_puts(out, "<span class=\"tag single\">single source</span>") != 0)
        return -1;
    return buf_printf(out, "<a href=\"#d%us%u\">", st->doc + 1, st->pos) != 0 ||
                   html_esc(out, c->docs[st->doc].text + st->off, st->len) != 0 ||
                   buf_puts(out, "</a>") != 0
               ? -1
               : 0;
}

#define HTML_MATRIX_MAX 60

static int html_matrix(const chorus_report *r, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    if (buf_puts(out,
                 "<section id=\"facts\"><h2>Facts &times; sources</h2>"
                 "<p class=\"meta\">Statements grouped across reports; a mark links to the "
                 "sentence in that report. Claims and denials are kept apart.</p>"
                 "<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Fact</th>") != 0)
        return -1;
    for (size_t i = 0; i < c->n_docs; i++)
        if (buf_printf(out, "<th>%zu</th>", i + 1) != 0)
            return -1;
    if (buf_puts(out, "</tr></thead><tbody>") != 0)
        return -1;
    size_t shown = 0;
    for (size_t k = 0; k < r->facts.n && shown < HTML_MATRIX_MAX; k++) {
        const ch_fact *f = &r->facts.f[k];
        if (f->n_docs < 2 && f->kind == FACT_STATEMENT && r->facts.n > HTML_MATRIX_MAX)
            continue; /* long reports: single-source statements are in the sources */
        shown++;
        if (buf_printf(out, "<tr class=\"%s\"><td>", html_kind_names[f->kind]) != 0 ||
            html_fact_cell_text(r, f, out) != 0 || buf_puts(out, "</td>") != 0)
            return -1;
        for (size_t i = 0; i < c->n_docs; i++) {
            const ch_sentence *hit = NULL;
            for (size_t j = 0; j < f->n_sents && !hit; j++)
                if (c->sents[f->sents[j]].doc == i)
                    hit = &c->sents[f->sents[j]];
            if (hit ? buf_printf(out,
                                 "<td class=\"y\"><a href=\"#d%zus%u\" title=\"report %zu\">"
                                 "&#9679;</a></td>",
                                 i + 1, hit->pos, i + 1)
                    : buf_puts(out, "<td class=\"n\">&middot;</td>"))
                return -1;
        }
        if (buf_puts(out, "</tr>") != 0)
            return -1;
    }
    return buf_puts(out, "</tbody></table></div></section>");
}

/* Escaped bytes [off, off+len) of report doc's article text with the
 * ranges (ascending, inside it) wrapped in <mark>. */
static int html_marked(const chorus_cluster *c, uint32_t doc, size_t off, size_t len,
                       const size_t *m_off, const size_t *m_len, size_t n_m, ch_buf *out) {
    const char *t = c->docs[doc].text;
    size_t at = off, end = off + len;
    for (size_t k = 0; k < n_m; k++) {
        size_t a = m_off[k] < at ? at : m_off[k], b = m_off[k] + m_len[k];
        if (b > end)
            b = end;
        if (a >= b)
            continue;
        if (html_esc(out, t + at, a - at) || buf_puts(out, "<mark>") ||
            html_esc(out, t + a, b - a) || buf_puts(out, "</mark>"))
            return -1;
        at = b;
    }
    return html_esc(out, t + at, end - at);
}

#define HTML_QUOTES_MAX 40

static int html_quotes(const chorus_report *r, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    const ch_quotes *qs = &r->quotes;
    if (buf_puts(out, "<section id=\"quotes\"><h2>Quotes</h2>"
                      "<p class=\"meta\">Each quotation once, with every report that carries "
                      "it; <mark>marked</mark> words differ from the first version.</p>"))
        return -1;
    size_t shown = 0;
    for (size_t g = 0; g < qs->n_groups && shown < HTML_QUOTES_MAX; g++) {
        const ch_quote_group *grp = &qs->g[g];
        if (!render_quote_listed(r, grp))
            continue;
        shown++;
        const ch_quote *cq = &qs->q[grp->canonical];
        if (buf_puts(out, "<div class=\"quote\"><p class=\"meta\"><b>") ||
            html_escz(out, cq->speaker ? cq->speaker : "speaker unknown") ||
            buf_printf(out, "</b> · %zu report%s", grp->n_docs, grp->n_docs == 1 ? "" : "s") ||
            (grp->attribution_differs &&
             buf_puts(out, " · <span class=\"tag denial\">attributed differently</span>")) ||
            buf_puts(out, "</p><ul>"))
            return -1;
        for (size_t m = 0; m < grp->n_members; m++) {
            const ch_quote_variant *v = &grp->members[m];
            const ch_quote *q = &qs->q[v->quote];
            if (buf_printf(out, "<li><a href=\"#d%us%u\">[%u]</a> &ldquo;", q->doc + 1,
                           c->sents[q->first_sent].pos, q->doc + 1) ||
                html_marked(c, q->doc, q->off, q->len, v->diff_off, v->diff_len, v->n_diff, out) ||
                buf_puts(out, "&rdquo;"))
                return -1;
            if (q->attribution && (buf_puts(out, " <span class=\"meta\">&mdash; ") ||
                                   html_escz(out, q->attribution) || buf_puts(out, "</span>")))
                return -1;
            if (buf_puts(out, "</li>"))
                return -1;
        }
        if (buf_puts(out, "</ul></div>"))
            return -1;
    }
    if (!shown && buf_puts(out, "<p>No direct quotations found.</p>"))
        return -1;
    return buf_puts(out, "</section>");
}

static int html_conflicts(const chorus_report *r, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    const ch_conflicts *cs = &r->conflicts;
    if (buf_puts(out, "<section id=\"conflicts\"><h2>Where the reports disagree</h2>"))
        return -1;
    if (!cs->n && buf_puts(out, "<p>No conflicting figures, dates or times found.</p>"))
        return -1;
    for (size_t k = 0; k < cs->n; k++) {
        const ch_conflict *cf = &cs->c[k];
        if (buf_printf(out,
                       "<div class=\"conflict\"><p class=\"meta\">%s: %zu reports "
                       "give different values</p><div class=\"sides\">",
                       conflicts_kind_name(cf->kind), cf->n_sides))
            return -1;
        for (size_t i = 0; i < cf->n_sides; i++) {
            const ch_quantity *q = &cs->q[cf->sides[i]];
            const ch_sentence *st = &c->sents[q->sent];
            size_t mo = q->off, ml = q->len;
            if (buf_printf(out, "<div class=\"side\"><b><a href=\"#d%us%u\">[%u]</a></b> ",
                           q->doc + 1, st->pos, q->doc + 1) ||
                html_marked(c, q->doc, st->off, st->len, &mo, &ml, 1, out) ||
                buf_puts(out, "</div>"))
                return -1;
        }
        if (buf_puts(out, "</div></div>"))
            return -1;
    }
    return buf_puts(out, "</section>");
}

#define HTML_ENTITIES_MAX 40

static int html_entities(const chorus_report *r, ch_buf *out) {
    const ch_entities *es = &r->entities;
    if (buf_puts(out, "<section id=\"entities\"><h2>People, organisations, places</h2>"
                      "<div class=\"scroll\"><table><thead><tr><th>Name</th><th>Kind</th>"
                      "<th>Also written</th>"))
        return -1;
    for (size_t i = 0; i < es->n_docs; i++)
        if (buf_printf(out, "<th>%zu</th>", i + 1))
            return -1;
    if (buf_puts(out, "</tr></thead><tbody>"))
        return -1;
    for (size_t k = 0; k < es->n && k < HTML_ENTITIES_MAX; k++) {
        const ch_entity *en = &es->e[k];
        if (buf_puts(out, "<tr><td>") || html_escz(out, en->name) ||
            buf_printf(out, "</td><td>%s</td><td>", entities_kind_name(en->kind)))
            return -1;
        for (size_t i = 0, shown = 0; i < en->n_aliases; i++) {
            if (!strcmp(en->aliases[i], en->name))
                continue;
            if ((shown++ && buf_puts(out, ", ")) || html_escz(out, en->aliases[i]))
                return -1;
        }
        if (buf_puts(out, "</td>"))
            return -1;
        for (size_t i = 0; i < es->n_docs; i++)
            if (buf_printf(out,
                           en->per_doc[i] ? "<td class=\"y\">%u</td>" : "<td class=\"n\">%u</td>",
                           en->per_doc[i]))
                return -1;
        if (buf_puts(out, "</tr>"))
            return -1;
    }
    return buf_puts(out, "</tbody></table></div></section>");
}

#define HTML_TIMELINE_MAX 60

static int html_timeline(const chorus_report *r, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    const ch_timeline *tl = &r->timeline;
    if (buf_puts(out, "<section id=\"timeline\"><h2>Timeline</h2>"))
        return -1;
    if (!tl->n && buf_puts(out, "<p>No dated events found.</p>"))
        return -1;
    if (tl->n && buf_puts(out, "<ol class=\"timeline\">"))
        return -1;
    for (size_t k = 0; k < tl->n && k < HTML_TIMELINE_MAX; k++) {
        const ch_tl_event *ev = &tl->ev[k];
        const ch_tl_ref *rf = &ev->refs[0];
        const ch_sentence *st = &c->sents[rf->sent];
        const char *label = render_event_label(ev);
        if (buf_puts(out, "<li><b>") || html_escz(out, ev->iso ? ev->iso : "undated") ||
            (label && (buf_puts(out, " · ") || html_escz(out, label))) ||
            buf_printf(out, "</b> <a href=\"#d%us%u\">", rf->doc + 1, st->pos) ||
            html_esc(out, c->docs[rf->doc].text + rf->off, rf->len) ||
            buf_puts(out, "</a> <span class=\"cite\">["))
            return -1;
        for (size_t i = 0; i < ev->n_docs; i++)
            if (buf_printf(out, i ? ",%u" : "%u", ev->docs[i] + 1))
                return -1;
        if (buf_puts(out, "]</span></li>"))
            return -1;
    }
    if (tl->n && buf_puts(out, "</ol>"))
        return -1;
    return buf_puts(out, "</section>");
}

int render_report_html(const chorus_report *r, ch_buf *out) {
    const chorus_cluster *c = r->cluster;
    /* mark[i]: 1 = sentence i is in the summary, 2 = part of a shared fact */
    unsigned char *mark = calloc(c->n_sents ? c->n_sents : 1, 1);
    if (!mark)
        return -1;
    for (size_t k = 0; k < r->summary->n; k++) {
        const chorus_summary_sentence *st = &r->summary->sents[k];
        mark[c->docs[st->doc].first_sent + st->position] |= 1;
    }
    for (size_t k = 0; k < r->facts.n; k++)
        if (r->facts.f[k].n_docs >= 2)
            for (size_t j = 0; j < r->facts.f[k].n_sents; j++)
                mark[r->facts.f[k].sents[j]] |= 2;
    const char *title = c->id ? c->id : "cross-source report";
    int e = buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                          "<title>chorus: ") ||
            html_escz(out, title) || buf_puts(out, "</title><style>") ||
            buf_puts(out, html_style) || buf_puts(out, "</style></head><body><header><h1>") ||
            html_escz(out, title) ||
            buf_printf(out,
                       "</h1><p class=\"meta\">%zu reports, %zu sentences · chorus %s</p>"
                       "<nav><a href=\"#summary\">Summary</a><a href=\"#conflicts\">Conflicts</a>"
                       "<a href=\"#sources\">Sources</a><a href=\"#facts\">Facts</a>"
                       "<a href=\"#quotes\">Quotes</a><a href=\"#entities\">Entities</a>"
                       "<a href=\"#timeline\">Timeline</a></nav></header><main>",
                       c->n_docs, c->n_sents, CHORUS_VERSION) ||
            html_summary(r, out) || html_conflicts(r, out) || html_sources(r, mark, out) ||
            html_matrix(r, out) || html_quotes(r, out) || html_entities(r, out) ||
            html_timeline(r, out) || buf_puts(out, "</main></body></html>\n");
    free(mark);
    return e ? -1 : 0;
}
