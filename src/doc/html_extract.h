/*
 * html_extract.h - finds the article body in a parsed page.
 *
 * The DOM is flattened into blocks (maximal runs of inline text between
 * block-level boundaries and <br>s), each described by its length, link
 * density, punctuation, tag and the class/id hints on its ancestors. A
 * block-value sum over subtrees picks the element that holds the article
 * (see html_extract.c for the rules); its blocks are then filtered
 * (boilerplate subtrees, link lists, captions, leading and trailing
 * furniture) and rendered as paragraphs with an offset map back to the
 * clean text of the page.
 */
#ifndef CHORUS_DOC_HTML_EXTRACT_H
#define CHORUS_DOC_HTML_EXTRACT_H

#include <stddef.h>

#include "doc/html.h"
#include "util/buf.h"
#include "util/offmap.h"

/* What the page's metadata says, used to confirm the choice; every field
 * may be NULL. */
typedef struct html_extract_hints {
    const char *title;  /* headline (JSON-LD, Open Graph or <title>) */
    const char *body;   /* JSON-LD articleBody */
    const char *byline; /* author names */
} html_extract_hints;

typedef struct html_extract_result {
    ch_buf text;     /* paragraphs separated by "\n\n" */
    ch_offmap map;   /* text offset -> offset in pg->u.text */
    char *heading;   /* malloc'd text of the article's main heading, or NULL */
    char *byline;    /* malloc'd text of a byline element, or NULL */
    size_t n_blocks; /* blocks on the page */
    size_t n_kept;   /* blocks in the body */
} html_extract_result;

/* Extracts the body of 'pg' into *out (zeroed by the caller). 'hints' may
 * be NULL. Returns 0, or -1 when out of memory. */
int html_extract_run(const html_page *pg, const html_extract_hints *hints,
                     html_extract_result *out);

/* Frees what html_extract_run() allocated and zeroes *r. */
void html_extract_result_free(html_extract_result *r);

#endif
