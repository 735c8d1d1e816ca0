/*
 * html_enc.h - the character encoding of a web page, and its conversion to
 * clean UTF-8 with a map back to the page's bytes.
 *
 * A saved page is bytes in some encoding. Before the HTML parser sees it,
 * the page is decoded once, here, into "clean" UTF-8: valid UTF-8 without
 * NUL, CR or other C0 controls (CR LF and lone CR become LF, NUL and invalid
 * sequences become U+FFFD, the other controls a space, U+FFFE/U+FFFF become
 * U+FFFD). Every later stage works on that text, and the offset map carried
 * with it leads every byte of it back to the page.
 *
 * Which encoding: a byte-order mark wins; then a <meta charset> or
 * <meta http-equiv="content-type"> found by the HTML standard's prescan;
 * then UTF-8 when the bytes are valid UTF-8, else windows-1252 (what
 * browsers assume for Western pages). Labels are mapped as the WHATWG
 * Encoding standard does where it matters (iso-8859-1 and us-ascii mean
 * windows-1252, gb2312 means GBK, a meta declaring UTF-16 means UTF-8).
 * A page declared in a single-byte legacy encoding whose bytes are valid
 * UTF-8 with multibyte sequences is read as UTF-8: that declaration is a
 * common mistake and the converse coincidence is very rare.
 */
#ifndef CHORUS_DOC_HTML_ENC_H
#define CHORUS_DOC_HTML_ENC_H

#include <stddef.h>

#include "util/buf.h"
#include "util/offmap.h"

typedef struct html_utf8 {
    ch_buf text;       /* clean UTF-8 (see above) */
    ch_offmap map;     /* text offset -> page offset */
    char encoding[40]; /* encoding used ("UTF-8", "windows-1252", ...) */
    const char *how;   /* static: "bom", "meta", "utf8-check", "default",
                          "caller" */
    size_t n_replaced; /* invalid sequences and NULs replaced by U+FFFD */
} html_utf8;

/* Decides the encoding of 'page' (see above) and writes its name (at most
 * cap-1 bytes) to 'name'. Returns a static string saying how it was found
 * ("bom", "meta", "utf8-check", "default"). Never fails. */
const char *html_enc_sniff(const char *page, size_t len, char *name, size_t cap);

/* Decodes 'page' into out->text (out must be zeroed) using 'encoding', or
 * the sniffed encoding when 'encoding' is NULL. An encoding the system's
 * iconv does not know falls back to the sniffing rules. A leading BOM is
 * dropped (the map accounts for it). Returns 0, or -1 when out of memory. */
int html_enc_decode(const char *page, size_t len, const char *encoding, html_utf8 *out);

/* Frees what html_enc_decode() allocated and zeroes *u. */
void html_utf8_free(html_utf8 *u);

/* Nonzero when bytes [0, len) are valid UTF-8. */
int html_enc_valid_utf8(const char *s, size_t len);

#endif
