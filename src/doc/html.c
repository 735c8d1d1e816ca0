/*
 * html.c - parses a page with libxml2's HTML parser, recording where each
 * text node's bytes are. See html.h for the pipeline and invariants.
 *
 * The parser context gets its own copy of the SAX2 handler table (libxml2
 * allocates one per context), whose characters callback is wrapped: the
 * wrapper lets SAX2 append the run to the tree, then records a segment for
 * the text node that received it. Parser options: RECOVER, NOERROR,
 * NOWARNING, NONET, IGNORE_ENC (the input is already UTF-8; a <meta
 * charset> must not make libxml2 convert it again) and XML_PARSE_HUGE
 * (lifts libxml2's 10 MB text-node limit and its depth limit of 256, which
 * html_guard() replaces by its own bound; without it libxml2 abandons the
 * rest of the page at the 257th level).
 */
#include "doc/html.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>
#include <pthread.h>

#include "util/vec.h"

typedef struct html_parse_state {
    html_page *pg;
    const char *u; /* the clean text being parsed */
    size_t ulen;
    xmlNodePtr last; /* text node of the last segment */
    void (*characters)(void *ctx, const xmlChar *ch, int len);
} html_parse_state;

static void html_parse_err(char *err, size_t errlen, const char *msg) {
    if (err && errlen)
        snprintf(err, errlen, "%s", msg);
}

/* Where the run ch[0..len) that ends at U offset 'end' came from. */
static void html_parse_locate(const html_parse_state *st, const xmlChar *ch, size_t len, size_t end,
                              size_t *src, int *exact) {
    const char *u = st->u;
    if (end > st->ulen)
        end = st->ulen;
    /* libxml2 hands over a full 1000-byte buffer before stepping past the
     * last character it copied: the run may end up to 4 bytes later */
    for (size_t k = 0; k <= 4 && end + k <= st->ulen; k++)
        if (end + k >= len && !memcmp(u + end + k - len, ch, len)) {
            *src = end + k - len;
            *exact = 1;
            return;
        }
    /* a decoded entity: find the '&' that began it, just before 'end' */
    size_t lim = end > 40 ? end - 40 : 0;
    int ends_semicolon = end > 0 && u[end - 1] == ';';
    if (!ends_semicolon && end + len <= st->ulen && !memcmp(u + end, ch, len)) {
        *src = end; /* delivered before the parser advanced */
        *exact = 1;
        return;
    }
    for (size_t i = end; i > lim; i--)
        if (u[i - 1] == '&') {
            *src = i - 1;
            *exact = 0;
            return;
        }
    if (end + len <= st->ulen && !memcmp(u + end, ch, len)) {
        *src = end;
        *exact = 1;
        return;
    }
    *src = end >= len ? end - len : 0;
    *exact = 0;
}

static void html_parse_characters(void *ctx, const xmlChar *ch, int len) {
    xmlParserCtxtPtr ctxt = ctx;
    html_parse_state *st = ctxt->_private;
    st->characters(ctx, ch, len);
    html_page *pg = st->pg;
    if (pg->oom || len <= 0 || !ctxt->node)
        return;
    xmlNodePtr t = ctxt->node->last;
    if (!t || t->type != XML_TEXT_NODE)
        return;
    long consumed = xmlByteConsumed(ctxt);
    size_t end = consumed < 0 ? 0 : (size_t)consumed;
    html_seg sg;
    sg.len = (size_t)len;
    html_parse_locate(st, ch, sg.len, end, &sg.src, &sg.exact);
    html_tnode *tn;
    if (t == st->last && t->_private) {
        tn = &pg->tnodes[(uintptr_t)t->_private - 1];
    } else {
        if (t->_private) {
            /* a node seen before and then left: its segments are no longer
             * consecutive; stop mapping it rather than mis-map it */
            pg->tnodes[(uintptr_t)t->_private - 1].nseg = 0;
            return;
        }
        html_tnode nt = {pg->n_segs, 0, 0};
        if (VEC_PUSH(pg->tnodes, pg->n_tnodes, pg->tnodes_cap, nt) != 0) {
            pg->oom = 1;
            return;
        }
        t->_private = (void *)(uintptr_t)pg->n_tnodes;
        st->last = t;
        tn = &pg->tnodes[pg->n_tnodes - 1];
    }
    sg.coff = tn->len;
    /* merge with the previous segment when contiguous */
    if (tn->nseg) {
        html_seg *pv = &pg->segs[pg->n_segs - 1];
        if (pv->exact && sg.exact && pv->src + pv->len == sg.src) {
            pv->len += sg.len;
            tn->len += sg.len;
            return;
        }
    }
    if (VEC_PUSH(pg->segs, pg->n_segs, pg->segs_cap, sg) != 0) {
        pg->oom = 1;
        return;
    }
    tn->nseg++;
    tn->len += sg.len;
}

static void html_parse_silence(void *data, xmlErrorPtr error) {
    (void)data;
    (void)error;
}

const html_tnode *html_tnode_of(const html_page *pg, const xmlNode *t) {
    if (!t || t->type != XML_TEXT_NODE || !t->_private)
        return NULL;
    uintptr_t i = (uintptr_t)t->_private;
    if (i > pg->n_tnodes)
        return NULL;
    const html_tnode *tn = &pg->tnodes[i - 1];
    return tn->nseg ? tn : NULL;
}

chorus_status html_page_parse(const char *page, size_t len, const char *encoding, html_page *pg,
                              char *err, size_t errlen) {
    if (!page || len == 0) {
        html_parse_err(err, errlen, "empty page");
        return CHORUS_ERR_EMPTY;
    }
    if (len > HTML_MAX_PAGE) {
        html_parse_err(err, errlen, "page larger than 1 GiB");
        return CHORUS_ERR_LIMIT;
    }
    if (html_enc_decode(page, len, encoding, &pg->u) != 0) {
        html_parse_err(err, errlen, "out of memory decoding the page");
        return CHORUS_ERR_NOMEM;
    }
    if (pg->u.text.len == 0) {
        html_parse_err(err, errlen, "empty page");
        return CHORUS_ERR_EMPTY;
    }
    size_t g = html_guard(pg->u.text.data, pg->u.text.len);
    if (g == (size_t)-1) {
        html_parse_err(err, errlen, "out of memory checking the markup");
        return CHORUS_ERR_NOMEM;
    }
    pg->n_guarded = g;

    /* libxml2 sets up its own tables on first use, and that set-up is not
     * safe to race: do it exactly once, whichever thread gets here first */
    static pthread_once_t html_libxml_once = PTHREAD_ONCE_INIT;
    pthread_once(&html_libxml_once, xmlInitParser);
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(pg->u.text.data, (int)pg->u.text.len);
    if (!ctxt) {
        html_parse_err(err, errlen, "out of memory creating the HTML parser");
        return CHORUS_ERR_NOMEM;
    }
    html_parse_state st;
    memset(&st, 0, sizeof st);
    st.pg = pg;
    st.u = pg->u.text.data;
    st.ulen = pg->u.text.len;
    if (ctxt->sax) {
        st.characters = ctxt->sax->characters;
        if (st.characters)
            ctxt->sax->characters = html_parse_characters;
        /* errors of this parse go nowhere (the library never prints) */
        ctxt->sax->serror = html_parse_silence;
    }
    if (!st.characters) {
        htmlFreeParserCtxt(ctxt);
        html_parse_err(err, errlen, "HTML parser has no tree builder");
        return CHORUS_ERR_FORMAT;
    }
    ctxt->_private = &st;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    /* the input is UTF-8: without this, libxml2 guesses ISO-8859-1 at the
     * first non-ASCII byte and installs a converter */
    ctxt->charset = XML_CHAR_ENCODING_UTF8;
    htmlParseDocument(ctxt);
    pg->doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    int nomem = ctxt->errNo == XML_ERR_NO_MEMORY;
    htmlFreeParserCtxt(ctxt);
    if (pg->oom || nomem) {
        html_parse_err(err, errlen, "out of memory parsing the page");
        return CHORUS_ERR_NOMEM;
    }
    if (!pg->doc || !xmlDocGetRootElement(pg->doc)) {
        html_parse_err(err, errlen, "the page has no HTML content");
        return CHORUS_ERR_FORMAT;
    }
    return CHORUS_OK;
}

void html_page_free(html_page *pg) {
    if (pg->doc)
        xmlFreeDoc(pg->doc);
    html_utf8_free(&pg->u);
    free(pg->tnodes);
    free(pg->segs);
    memset(pg, 0, sizeof *pg);
}
