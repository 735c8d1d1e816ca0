/*
 * render.h - the renderers of a summary, one file per output format.
 *
 * Each appends to a ch_buf and returns 0, or -1 when out of memory.
 * Report numbers in every format are 1-based: report i is "[i+1]".
 */
#ifndef CHORUS_REPORT_RENDER_H
#define CHORUS_REPORT_RENDER_H

#include "core/summary.h"
#include "util/buf.h"

int render_text(const chorus_summary *s, ch_buf *out);
int render_markdown(const chorus_summary *s, ch_buf *out);
int render_json(const chorus_summary *s, ch_buf *out);

/* A short human label for report i: its source, else title, else id, else
 * "report N". */
const char *render_doc_label(const ch_doc *d, size_t i, char *tmp, size_t tmplen);

/* Appends the citation mark "[1,3]" of sentence 'st'. */
int render_cites(const chorus_summary_sentence *st, ch_buf *out);

#endif
