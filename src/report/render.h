/*
 * render.h - the renderers of a summary, one file per output format.
 *
 * Each appends to a ch_buf and returns 0, or -1 when out of memory.
 * Report numbers in every format are 1-based: report i is "[i+1]".
 */
#ifndef CHORUS_REPORT_RENDER_H
#define CHORUS_REPORT_RENDER_H

#include <jansson.h>

#include "core/report.h"
#include "core/summary.h"
#include "util/buf.h"

int render_text(const chorus_summary *s, ch_buf *out);
int render_markdown(const chorus_summary *s, ch_buf *out);
int render_json(const chorus_summary *s, ch_buf *out);

int render_report_text(const chorus_report *r, ch_buf *out);
int render_report_markdown(const chorus_report *r, ch_buf *out);
int render_report_json(const chorus_report *r, ch_buf *out);
int render_report_html(const chorus_report *r, ch_buf *out);

/* JSON building blocks (json.c). json_put* set a key, taking the value's
 * reference, and return -1 for a NULL value (an earlier allocation failed). */
int json_put(json_t *obj, const char *key, json_t *val);
int json_put_str(json_t *obj, const char *key, const char *s);
/* The summary document (docs/json-schema.md) as an object; NULL when out of
 * memory. */
json_t *render_json_summary(const chorus_summary *s);
/* {"doc", "offset", "length", "text"} of one cluster sentence. */
json_t *render_json_sentence_ref(const chorus_cluster *c, uint32_t sent);
/* Serialises 'root' (consuming the reference) onto out. */
int render_json_dump(json_t *root, ch_buf *out);

/* A short human label for report i: its source, else title, else id, else
 * "report N". */
const char *render_doc_label(const ch_doc *d, size_t i, char *tmp, size_t tmplen);

/* 1 if a quotation group belongs in the human-readable listings (text,
 * Markdown, HTML): some report names its speaker, or it has at least
 * RENDER_QUOTE_MIN_WORDS words. One or two words in marks with nobody
 * named are titles, nicknames or scare quotes ("the \"Brotherhood\" ad",
 * to "sabotage" a team), not something a person said; the JSON report
 * keeps every group. */
#define RENDER_QUOTE_MIN_WORDS 3
int render_quote_listed(const chorus_report *r, const ch_quote_group *g);

/* The label of a timeline event for the human-readable listings, or NULL
 * when there is none or it only repeats the date ("1978"). */
const char *render_event_label(const ch_tl_event *ev);

/* Appends the citation mark "[1,3]" of sentence 'st'. */
int render_cites(const chorus_summary_sentence *st, ch_buf *out);

#endif
