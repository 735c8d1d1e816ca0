/*
 * html.h - a web page parsed into a DOM whose text nodes know where their
 * bytes are in the page.
 *
 * Pipeline of html_page_parse():
 *
 *   page bytes --html_enc_decode--> clean UTF-8 U (+ map U -> page)
 *              --html_guard-------> U with pathological markup blanked
 *              --libxml2 HTML parser (SAX2 tree builder, characters
 *                callback wrapped)--> DOM + segments
 *
 * libxml2 builds the tree; a wrapper around its characters callback notes,
 * for every run of characters appended to a text node, where that run ends
 * in U (xmlByteConsumed: U is UTF-8 with no encoder, so this is exact and
 * O(1)). A run whose bytes equal U's bytes just before that point is
 * "exact" (the content maps byte for byte); anything else (an entity
 * reference decoded to "&", "é", ...) is anchored at the '&' that began it.
 * Each DOM text node stores in its _private field the index (plus one) of
 * its html_tnode, which lists its segments.
 *
 * Invariants: segments of one text node are consecutive in 'segs' and
 * cover its content in order (text is only ever appended to the last child
 * of the current node, so a node never gets text again once another text
 * node has). Offsets in U map to page offsets through u.map.
 */
#ifndef CHORUS_DOC_HTML_H
#define CHORUS_DOC_HTML_H

#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "chorus.h"
#include "doc/html_enc.h"

/* Largest page accepted (libxml2 takes an int length). */
#define HTML_MAX_PAGE ((size_t)1 << 30)

/* Element nesting kept by html_guard(); deeper start tags are blanked. */
#define HTML_GUARD_MAX_DEPTH 256

typedef struct html_seg {
    size_t coff; /* offset in the text node's content */
    size_t len;  /* bytes of content */
    size_t src;  /* offset in the clean text U */
    int exact;   /* 1: these content bytes are U's bytes at src */
} html_seg;

typedef struct html_tnode {
    size_t seg0, nseg; /* its segments: segs[seg0 .. seg0+nseg) */
    size_t len;        /* content bytes seen by the callback */
} html_tnode;

typedef struct html_page {
    html_utf8 u;        /* the page as clean UTF-8: what libxml2 parsed */
    htmlDocPtr doc;     /* the DOM (libxml2 owns its memory) */
    html_tnode *tnodes; /* (n_tnodes) */
    size_t n_tnodes, tnodes_cap;
    html_seg *segs; /* (n_segs) */
    size_t n_segs, segs_cap;
    size_t n_guarded; /* markup constructs html_guard() neutralised */
    int oom;          /* an allocation failed during the parse */
} html_page;

/* Parses 'len' bytes of 'page' (any encoding; 'encoding' may name it, NULL
 * to sniff) into *pg, which must be zeroed. Returns CHORUS_OK, or
 * CHORUS_ERR_NOMEM / CHORUS_ERR_LIMIT (page over HTML_MAX_PAGE) /
 * CHORUS_ERR_EMPTY (no bytes) / CHORUS_ERR_FORMAT (libxml2 built nothing)
 * with a message in 'err'. On failure *pg holds nothing to free beyond what
 * html_page_free() releases. */
chorus_status html_page_parse(const char *page, size_t len, const char *encoding, html_page *pg,
                              char *err, size_t errlen);

/* Frees the DOM and the tables; zeroes *pg. No operation on a zeroed page. */
void html_page_free(html_page *pg);

/* The html_tnode of DOM text node 't', or NULL when the parser callback did
 * not see it (text created by libxml2 itself). */
const html_tnode *html_tnode_of(const html_page *pg, const xmlNode *t);

/* Neutralises, in place, markup that would make libxml2 slow or lose text:
 * start tags nested deeper than HTML_GUARD_MAX_DEPTH, end tags that close
 * nothing while the nesting is deep, attributes past the 128th of a tag,
 * attributes of repeated <html>/<head>/<body> tags. Each is overwritten
 * with spaces, so offsets do not move. 's' is clean UTF-8. Returns the
 * number of constructs neutralised, or (size_t)-1 when out of memory (then
 * 's' may be partly rewritten, which is harmless). */
size_t html_guard(char *s, size_t n);

#endif
