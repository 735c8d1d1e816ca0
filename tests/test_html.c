/*
 * test_html.c - article extraction from web pages: boilerplate of every
 * kind, broken markup, encodings written byte by byte, entities, nested
 * tables, JSON-LD and Open Graph metadata, the offset map back into the
 * page, pathological pages under a time limit, and (when ../shared is
 * present) the offset map on real news pages.
 */
#include "testutil.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include "chorus.h"
#include "doc/html.h"
#include "doc/html_enc.h"
#include "doc/html_meta.h"
#include "util/buf.h"

/* ------------------------------------------------------------- helpers */

static chorus_article *th_extract(const char *html, size_t len) {
    chorus_status st = CHORUS_ERR_INVALID;
    char err[256];
    chorus_article *a = chorus_article_extract(html, len, NULL, &st, err, sizeof err);
    if (!a)
        fprintf(stderr, "extract failed: %d %s\n", (int)st, err);
    assert_non_null(a);
    assert_int_equal(st, CHORUS_OK);
    return a;
}

static chorus_article *th_extract_z(const char *html) {
    return th_extract(html, strlen(html));
}

static chorus_article *th_extract_file(const char *rel, char **page, size_t *len) {
    *page = tu_read_file(rel, len);
    assert_non_null(*page);
    return th_extract(*page, *len);
}

static int th_has(const chorus_article *a, const char *needle) {
    return strstr(chorus_article_text(a, NULL), needle) != NULL;
}

static double th_now(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Every byte of the body that was copied from the page maps to the same
 * byte in the page; a byte that does not must lie in decoded entity text
 * (an '&' shortly before its mapped offset). Offsets never decrease across
 * paragraphs and stay within the page. Returns the number of bytes that
 * break the rule. */
static size_t th_offsets_bad(const chorus_article *a, const char *page, size_t plen) {
    size_t n, bad = 0, prev = 0;
    const char *t = chorus_article_text(a, &n);
    for (size_t i = 0; i < n; i++) {
        size_t s = chorus_article_source_offset(a, i);
        if (s > plen)
            return n + 1;
        if (t[i] == ' ' || t[i] == '\n')
            continue;
        if (i == 0 || t[i - 1] == '\n') {
            if (s < prev)
                bad++;
            prev = s;
        }
        if (s < plen && page[s] == t[i])
            continue;
        int entity = 0;
        for (size_t k = s + 1; k-- > 0 && s - k < 12;)
            if (page[k] == '&') {
                entity = 1;
                break;
            }
        if (!entity && bad++ < 3)
            fprintf(stderr, "body byte %zu (%.12s) maps to page %zu (%.12s)\n", i, t + i, s,
                    page + s);
    }
    assert_true(chorus_article_source_offset(a, n) <= plen);
    return bad;
}

/* ------------------------------------------------------------ fixtures */

static void test_boilerplate_fixture(void **state) {
    (void)state;
    char *page;
    size_t len;
    chorus_article *a = th_extract_file("tests/fixtures/html/boilerplate.html", &page, &len);
    /* the article, its subheading and its entities */
    assert_true(th_has(a, "The north pier in Elmwood reopened to walkers on Tuesday morning"));
    assert_true(th_has(a, "\xE2\x80\x9CWe lost four days to the weather"));
    assert_true(th_has(a, "A cheaper fix than feared"));
    assert_true(th_has(a, "Divers found, however, that the iron piles were sound"));
    assert_true(th_has(a, "Fishermen who moor in the inner basin"));
    assert_true(th_has(a, "caf\xC3\xA9 at the end of the pier"));
    /* every kind of boilerplate is gone */
    const char *gone[] = {"We use cookies",
                          "Sport",
                          "Home",
                          "Elmwood pier reopens after storm repairs",
                          "Marta Quillon",
                          "Share on Facebook",
                          "Photo: Ledger staff",
                          "discounted ferry tickets",
                          "Advertisement",
                          "Related stories",
                          "Storm damage closes",
                          "Sign up for our morning briefing",
                          "harbour\n",
                          "Great news, my children",
                          "marina development",
                          "Bakery on Mill Street",
                          "Subscribe now",
                          "Copyright 2021",
                          "enable JavaScript",
                          "Template text",
                          "Vector label",
                          "Tracking code",
                          "font-family"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (th_has(a, gone[i])) {
            fprintf(stderr, "boilerplate kept: %s\n", gone[i]);
            fail();
        }
    /* paragraphs are separated by one blank line, no edge blanks */
    size_t n;
    const char *t = chorus_article_text(a, &n);
    assert_true(n > 0 && t[0] != '\n' && t[n - 1] != '\n' && t[0] != ' ');
    assert_null(strstr(t, "\n\n\n"));
    assert_non_null(strstr(t, "under shingle.\n\nHarbour master"));
    /* metadata */
    assert_string_equal(chorus_article_title(a), "Elmwood pier reopens after storm repairs");
    assert_string_equal(chorus_article_byline(a), "Marta Quillon");
    assert_string_equal(chorus_article_date(a), "2021-03-09T14:05:00+01:00");
    assert_string_equal(chorus_article_site(a), "The Coastal Ledger");
    assert_string_equal(chorus_article_url(a),
                        "https://ledger.example/2021/03/elmwood-pier-reopens");
    assert_string_equal(chorus_article_encoding(a), "UTF-8");
    assert_int_equal(th_offsets_bad(a, page, len), 0);
    chorus_article_free(a);
    free(page);
}

static void test_broken_markup(void **state) {
    (void)state;
    char *page;
    size_t len;
    chorus_article *a = th_extract_file("tests/fixtures/html/broken.html", &page, &len);
    assert_true(th_has(a, "Apple growers across the Brenn valley began picking"));
    /* misnested <b><i></b></i> does not fuse or lose words */
    assert_true(th_has(a, "counted forty thousand crates by the end of the first week & said"));
    /* <br> ends a paragraph */
    assert_true(th_has(a, "close to full.\n\n\"We have had to rent"));
    /* text after stray end tags is kept, entities decoded */
    assert_true(th_has(a, "the fruit \xE2\x80\x94 firm, sweet"));
    assert_true(th_has(a, "from the first week of December"));
    assert_false(th_has(a, "Farming"));
    assert_false(th_has(a, "Valley Farming News"));
    assert_int_equal(th_offsets_bad(a, page, len), 0);
    chorus_article_free(a);
    free(page);
}

static void test_nested_tables(void **state) {
    (void)state;
    char *page;
    size_t len;
    chorus_article *a = th_extract_file("tests/fixtures/html/tables.html", &page, &len);
    assert_true(th_has(a, "Harlow Rowing Club took first place"));
    assert_true(th_has(a, "slowed several of the larger crews"));
    assert_true(th_has(a, "committed novice squad"));
    /* a data table keeps one line per row, cells separated */
    assert_true(th_has(a, "2 Kestrel Bridge BC 15:53.4"));
    assert_false(th_has(a, "Calendar"));
    assert_false(th_has(a, "Advertise with us"));
    assert_false(th_has(a, "Club shop"));
    assert_int_equal(th_offsets_bad(a, page, len), 0);
    chorus_article_free(a);
    free(page);

    /* a layout table whose columns hold inline text: the columns are
     * separate blocks, <br><br> separates paragraphs */
    a = th_extract_file("tests/fixtures/html/layout.html", &page, &len);
    assert_true(th_has(a, "The village hall committee has finally agreed"));
    assert_true(th_has(a, "if the weather allows.\n\nStallholders are asked"));
    assert_true(th_has(a, "leaked through two winters."));
    assert_false(th_has(a, "Archive"));
    assert_false(th_has(a, "Cheap flights"));
    assert_int_equal(th_offsets_bad(a, page, len), 0);
    chorus_article_free(a);
    free(page);
}

static void test_teasers_and_lead_links(void **state) {
    (void)state;
    ch_buf b = {0};
    buf_puts(&b, "<html><body><div><ul>");
    /* a list of teasers with no class names to give it away: each a linked
     * headline and its summary, longer in total than the article */
    for (int i = 0; i < 8; i++)
        buf_printf(&b,
                   "<li><a href=\"/s%d\">Council weighs plan number %d for the old quarry "
                   "site</a> The proposal would turn the flooded pit into a swimming lake, "
                   "with a car park and a small cafe, if residents agree in a vote.</li>",
                   i, i);
    buf_puts(&b, "</ul></div><div><p><a href=\"/people/mara\">Mara Okonjo, the head "
                 "of the local school board</a>, said on Monday that the new term would "
                 "start a week later than planned because of the roof repairs.</p>"
                 "<p>Parents were told by letter, and the school will open its library for "
                 "pupils who need somewhere to study during the extra week.</p>"
                 "<p>The repairs are expected to cost less than the insurance payout, the "
                 "board said, so no money will be taken from the teaching budget.</p>"
                 "</div></body></html>");
    chorus_article *a = th_extract(b.data, b.len);
    /* the first paragraph starts with a long link and is still the lead */
    assert_true(th_has(a, "Mara Okonjo, the head of the local school board, said on Monday"));
    assert_true(th_has(a, "taken from the teaching budget."));
    assert_false(th_has(a, "quarry"));
    chorus_article_free(a);
    buf_free(&b);
}

static void test_byline_in_page(void **state) {
    (void)state;
    /* no metadata: the byline is read from the page and kept out of the body */
    const char *page =
        "<html><body><div class=\"content\"><h1>Night trains return to the valley</h1>"
        "<p>By Alma Keterring</p>"
        "<p>The overnight service between the capital and the mountain towns will run again "
        "from December, the rail company said, after a gap of eleven years.</p>"
        "<p>Sleeper cars are being refurbished at the depot, and tickets go on sale next "
        "week through the usual booking channels.</p></div></body></html>";
    chorus_article *a = th_extract_z(page);
    assert_string_equal(chorus_article_byline(a), "Alma Keterring");
    assert_string_equal(chorus_article_title(a), "Night trains return to the valley");
    assert_false(th_has(a, "By Alma"));
    assert_false(th_has(a, "Night trains return"));
    assert_true(th_has(a, "The overnight service between the capital"));
    chorus_article_free(a);
}

static void test_jsonld(void **state) {
    (void)state;
    char *page;
    size_t len;
    chorus_article *a = th_extract_file("tests/fixtures/html/jsonld.html", &page, &len);
    assert_string_equal(chorus_article_title(a), "Tram line extension to the airport approved");
    assert_string_equal(chorus_article_byline(a), "Oskar Lindqvist, Priya Raman");
    assert_string_equal(chorus_article_date(a), "2021-11-02T09:30:00Z");
    assert_string_equal(chorus_article_site(a), "Northfield Daily");
    assert_string_equal(chorus_article_url(a), "https://northfield.example/news/tram-extension");
    assert_true(th_has(a, "approved a six-kilometre extension"));
    assert_true(th_has(a, "running before the end of 2025."));
    /* the articleBody ends where the article ends: the prose after it,
     * in the same container, is not the article */
    assert_false(th_has(a, "horse-drawn trams"));
    assert_false(th_has(a, "volunteers who restore"));
    chorus_article_free(a);

    /* the same page without JSON-LD: nothing tells the two apart, so the
     * trailing prose stays; metadata confirmed the boundary above */
    char *s = strstr(page, "<script type=\"application/ld+json\">");
    char *e = strstr(page, "</script>");
    assert_non_null(s);
    assert_non_null(e);
    memset(s, ' ', (size_t)(e + 9 - s));
    a = th_extract(page, len);
    assert_true(th_has(a, "approved a six-kilometre extension"));
    assert_true(th_has(a, "horse-drawn trams"));
    chorus_article_free(a);
    free(page);
}

/* ------------------------------------------------------------ encodings */

static void test_latin1_bytes(void **state) {
    (void)state;
    /* é = 0xE9, ü = 0xFC, ß = 0xDF in ISO-8859-1 */
    const char page[] = "<html><head><meta charset=\"ISO-8859-1\"><title>t</title></head><body>"
                        "<p>Le caf\xE9 de la gare a rouvert ses portes apr\xE8s des travaux, "
                        "et M\xFCller, le g\xE9rant, a servi les premiers clients.</p>"
                        "<p>Die Stra\xDF"
                        "e war voller Leute, die auf den ersten Kaffee warteten, "
                        "und alle waren zufrieden.</p></body></html>";
    size_t len = sizeof page - 1;
    chorus_article *a = th_extract(page, len);
    assert_string_equal(chorus_article_encoding(a), "WINDOWS-1252");
    assert_true(th_has(a, "Le caf\xC3\xA9 de la gare a rouvert ses portes apr\xC3\xA8s"));
    assert_true(th_has(a, "M\xC3\xBCller"));
    assert_true(th_has(a, "Stra\xC3\x9F"
                          "e"));
    /* the two UTF-8 bytes of é map to the one page byte */
    const char *t = chorus_article_text(a, NULL);
    size_t i = (size_t)(strstr(t, "caf\xC3\xA9") - t) + 3;
    size_t s = chorus_article_source_offset(a, i);
    assert_int_equal((unsigned char)page[s], 0xE9);
    assert_int_equal(chorus_article_source_offset(a, i + 2), s + 1); /* the space after */
    assert_int_equal(page[s + 1], ' ');
    chorus_article_free(a);
}

static void test_windows1252_http_equiv(void **state) {
    (void)state;
    /* 0x93 0x94 curly quotes, 0x80 euro, 0x96 en dash */
    const char page[] = "<html><head><meta http-equiv=\"Content-Type\" "
                        "content=\"text/html; charset=windows-1252\"></head><body><div>"
                        "<p>\x93It costs \x80"
                        "5 more than last year,\x94 said the baker "
                        "\x96 and nobody in the queue seemed to mind the new price at all.</p>"
                        "</div></body></html>";
    chorus_article *a = th_extract(page, sizeof page - 1);
    assert_string_equal(chorus_article_encoding(a), "WINDOWS-1252");
    assert_true(th_has(a, "\xE2\x80\x9CIt costs \xE2\x82\xAC"
                          "5 more than last year,"
                          "\xE2\x80\x9D said the baker \xE2\x80\x93 and nobody"));
    chorus_article_free(a);
}

static void test_bom_and_undeclared(void **state) {
    (void)state;
    const char *body = "<p>The river ferry will run every twenty minutes during the summer, "
                       "the operator announced, doubling the service of last year.</p>";
    ch_buf b = {0};
    /* UTF-8 BOM */
    buf_puts(&b, "\xEF\xBB\xBF<html><body>");
    buf_puts(&b, body);
    buf_puts(&b, "</body></html>");
    chorus_article *a = th_extract(b.data, b.len);
    assert_string_equal(chorus_article_encoding(a), "UTF-8");
    assert_true(th_has(a, "The river ferry will run"));
    assert_int_equal(th_offsets_bad(a, b.data, b.len), 0);
    chorus_article_free(a);

    /* UTF-16LE with a BOM, written byte by byte */
    buf_clear(&b);
    const char *src =
        "<html><body><p>Die F\xC3\xA4hre f\xC3\xA4hrt im Sommer alle zwanzig Minuten, "
        "hat der Betreiber heute angek\xC3\xBCndigt.</p></body></html>";
    buf_append(&b, "\xFF\xFE", 2);
    for (const unsigned char *p = (const unsigned char *)src; *p;) {
        unsigned cp = *p;
        if (cp >= 0xC0) {
            cp = ((cp & 0x1Fu) << 6) | (p[1] & 0x3Fu);
            p += 2;
        } else
            p++;
        char u[2] = {(char)(cp & 0xFF), (char)(cp >> 8)};
        buf_append(&b, u, 2);
    }
    a = th_extract(b.data, b.len);
    assert_string_equal(chorus_article_encoding(a), "UTF-16LE");
    assert_true(th_has(a, "Die F\xC3\xA4hre f\xC3\xA4hrt im Sommer"));
    /* "D" of "Die" is two page bytes after the '>' */
    const char *t = chorus_article_text(a, NULL);
    size_t s = chorus_article_source_offset(a, (size_t)(strstr(t, "Die") - t));
    assert_int_equal(b.data[s], 'D');
    assert_int_equal(b.data[s + 1], 0);
    chorus_article_free(a);

    /* undeclared and not UTF-8: read as windows-1252 */
    buf_clear(&b);
    buf_puts(&b, "<html><body><p>Na pra\xE7"
                 "a central, a feira de domingo voltou a ter "
                 "barracas de fruta, queijo e p\xE3o caseiro para toda a gente.</p></body></html>");
    a = th_extract(b.data, b.len);
    assert_string_equal(chorus_article_encoding(a), "WINDOWS-1252");
    assert_true(th_has(a, "Na pra\xC3\xA7"
                          "a central"));
    chorus_article_free(a);

    /* declared latin-1 but UTF-8 in fact: read as UTF-8 */
    buf_clear(&b);
    buf_puts(&b, "<html><head><meta charset=iso-8859-1></head><body><p>Na pra\xC3\xA7"
                 "a "
                 "central, a feira de domingo voltou a ter barracas de fruta e queijo.</p>"
                 "</body></html>");
    a = th_extract(b.data, b.len);
    assert_string_equal(chorus_article_encoding(a), "UTF-8");
    assert_true(th_has(a, "Na pra\xC3\xA7"
                          "a central"));
    chorus_article_free(a);

    /* invalid UTF-8 in a UTF-8 page becomes U+FFFD, CR LF becomes LF */
    buf_clear(&b);
    buf_puts(&b, "<html><head><meta charset=utf-8></head><body>\r\n<p>The old mill \xFF "
                 "reopened\r\nas a museum of local crafts, with a working water wheel and "
                 "a small caf\xC3\xA9 by the weir.</p></body></html>");
    a = th_extract(b.data, b.len);
    assert_true(th_has(a, "The old mill \xEF\xBF\xBD reopened as a museum"));
    t = chorus_article_text(a, NULL);
    s = chorus_article_source_offset(a, (size_t)(strstr(t, "as a museum") - t));
    assert_int_equal(memcmp(b.data + s, "as a museum", 11), 0);
    chorus_article_free(a);
    buf_free(&b);
}

/* Writes 'utf8' in 'to' with the system's iconv; NULL when unsupported. */
static char *th_iconv(const char *utf8, const char *to, size_t *len) {
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t in_left = strlen(utf8), cap = in_left * 4 + 16, out_left = cap;
    char *out = malloc(cap), *op = out;
    char *ip = (char *)(uintptr_t)utf8;
    size_t r = out ? iconv(cd, &ip, &in_left, &op, &out_left) : (size_t)-1;
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *len = cap - out_left;
    return out;
}

static void test_multibyte_encodings(void **state) {
    (void)state;
    const char *enc[][2] = {{"SHIFT_JIS", "shift_jis"}, {"EUC-JP", "euc-jp"}, {"GBK", "gb2312"}};
    for (size_t k = 0; k < sizeof enc / sizeof *enc; k++) {
        char utf8[1024];
        snprintf(utf8, sizeof utf8,
                 "<html><head><meta charset=\"%s\"></head><body><div><p>"
                 "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE6\xB8\xAF\xE3\x81\xA7"
                 "\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE8\xA6\xB3\xE5\x85\x89"
                 "\xE8\x88\xB9\xE3\x81\x8C\xE9\x81\x8B\xE8\x88\xAA\xE3\x82\x92"
                 "\xE5\xA7\x8B\xE3\x82\x81\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F"
                 "\xE3\x80\x82 Harbour tours start at ten.</p></div></body></html>",
                 enc[k][1]);
        size_t len;
        char *page = th_iconv(utf8, enc[k][0], &len);
        if (!page) {
            fprintf(stderr, "iconv has no %s here; skipped\n", enc[k][0]);
            continue;
        }
        chorus_article *a = th_extract(page, len);
        /* the ideographs came through, and "Harbour" maps to its ASCII bytes
         * after the two-byte characters */
        assert_true(th_has(a, "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE6\xB8\xAF"));
        const char *t = chorus_article_text(a, NULL);
        const char *h = strstr(t, "Harbour tours");
        assert_non_null(h);
        size_t s = chorus_article_source_offset(a, (size_t)(h - t));
        assert_int_equal(memcmp(page + s, "Harbour tours", 13), 0);
        /* the first ideograph maps to the first byte after "<p>" */
        s = chorus_article_source_offset(a, 0);
        assert_int_equal(memcmp(page + s - 3, "<p>", 3), 0);
        chorus_article_free(a);
        free(page);
    }
}

static void test_sniffing(void **state) {
    (void)state;
    char name[40];
    const char *how;
    how = html_enc_sniff("<meta charset=\"shift_jis\">", 26, name, sizeof name);
    assert_string_equal(how, "meta");
    assert_string_equal(name, "CP932");
    const char *p = "<!-- <meta charset=koi8-r> --><meta name=x content=y>"
                    "<META HTTP-EQUIV=content-type CONTENT='text/html;charset=KOI8-R'>";
    how = html_enc_sniff(p, strlen(p), name, sizeof name);
    assert_string_equal(how, "meta");
    assert_string_equal(name, "koi8-r");
    how = html_enc_sniff("<p>plain ascii</p>", 18, name, sizeof name);
    assert_string_equal(how, "utf8-check");
    assert_string_equal(name, "UTF-8");
    how = html_enc_sniff("<meta charset=\"utf-16\">", 23, name, sizeof name);
    assert_string_equal(name, "UTF-8");
    /* a bad label is ignored */
    how = html_enc_sniff("<meta charset=\"<script>\"><p>\xE9</p>", 33, name, sizeof name);
    assert_string_equal(name, "WINDOWS-1252");
}

/* --------------------------------------------------------- text shaping */

static void test_dropped_and_breaks(void **state) {
    (void)state;
    const char *page =
        "<html><head><style>p{color:red}</style></head><body><div class=\"post\">"
        "<script>var notText = 'script words';</script>"
        "<p>The volunteers planted three hundred oak saplings along the old railway path "
        "on Saturday, finishing well before the rain arrived in the afternoon.</p>"
        "<p style=\"display: none\">Hidden paragraph that no reader would ever see on screen.</p>"
        "<p hidden>Another hidden paragraph, marked with the hidden attribute itself.</p>"
        "<p>Line one of the address<br>Line two of the address<br/>Line three</p>"
        "<pre>keep   this\n  spacing</pre>"
        "<p>Organisers said   the\n\n  next   planting day will be held in March, when the "
        "ground is soft enough for the larger trees that are still in the nursery.</p>"
        "<noscript>Enable scripts please</noscript><template>template words</template>"
        "</div></body></html>";
    chorus_article *a = th_extract_z(page);
    assert_false(th_has(a, "script words"));
    assert_false(th_has(a, "color:red"));
    assert_false(th_has(a, "Hidden paragraph"));
    assert_false(th_has(a, "Another hidden"));
    assert_false(th_has(a, "Enable scripts"));
    assert_false(th_has(a, "template words"));
    assert_true(th_has(a, "Line one of the address\n\nLine two of the address\n\nLine three"));
    assert_true(th_has(a, "keep   this\n  spacing"));
    assert_true(th_has(a, "Organisers said the next planting day"));
    assert_int_equal(th_offsets_bad(a, page, strlen(page)), 0);
    chorus_article_free(a);
}

static void test_entities_and_offsets(void **state) {
    (void)state;
    const char *page =
        "<html><body><article><p>Caf&eacute; owners on Dock&nbsp;Road say the new "
        "one&#8209;way system &amp; the loss of parking have cut trade by a third "
        "since&#x2014;as they put it&mdash;&ldquo;the cones went up&rdquo;.</p>\n"
        "<p>The coun<b>cil</b> said it would review the scheme in June, after traffic "
        "counts on the <a href=\"/streets\">three main streets</a> are complete.</p>"
        "</article></body></html>";
    size_t len = strlen(page);
    chorus_article *a = th_extract(page, len);
    assert_true(th_has(a, "Caf\xC3\xA9 owners on Dock Road"));
    assert_true(th_has(a, "one\xE2\x80\x91way system & the loss"));
    assert_true(th_has(a, "since\xE2\x80\x94"
                          "as they put it\xE2\x80\x94\xE2\x80\x9C"));
    /* inline markup inside a word does not split it */
    assert_true(th_has(a, "The council said"));
    const char *t = chorus_article_text(a, NULL);
    /* text copied from the page maps byte for byte */
    const char *w[] = {"owners on Dock",       "Road say the new",   "system",
                       "the loss of parking",  "The coun",           "cil",
                       "said it would review", "three main streets", "are complete."};
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
        const char *p = strstr(t, w[i]);
        assert_non_null(p);
        size_t s = chorus_article_source_offset(a, (size_t)(p - t));
        assert_int_equal(memcmp(page + s, w[i], strlen(w[i])), 0);
    }
    /* decoded text maps to the '&' of its entity */
    size_t e = chorus_article_source_offset(a, (size_t)(strstr(t, " the loss") - t) - 1);
    assert_int_equal(memcmp(page + e, "&amp;", 5), 0);
    e = chorus_article_source_offset(a, (size_t)(strstr(t, "\xC3\xA9") - t));
    assert_int_equal(memcmp(page + e, "&eacute;", 8), 0);
    assert_int_equal(th_offsets_bad(a, page, len), 0);
    chorus_article_free(a);
}

/* --------------------------------------------------------------- limits */

static void test_errors(void **state) {
    (void)state;
    chorus_status st = CHORUS_OK;
    char err[128];
    assert_null(chorus_article_extract("", 0, NULL, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_EMPTY);
    assert_true(strlen(err) > 0);
    assert_null(chorus_article_extract(NULL, 0, NULL, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_EMPTY);
    assert_null(chorus_article_extract(NULL, 5, NULL, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_INVALID);
    char bin[512];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i % 7 ? 0 : i);
    assert_null(chorus_article_extract(bin, sizeof bin, NULL, &st, err, sizeof err));
    assert_int_equal(st, CHORUS_ERR_BINARY);
    const char *no_text = "<html><head><script>x = 1;</script></head><body> \n </body></html>";
    assert_null(chorus_article_extract(no_text, strlen(no_text), NULL, &st, err, 0));
    assert_int_equal(st, CHORUS_ERR_EMPTY);
    /* status and err may be omitted */
    assert_null(chorus_article_extract("", 0, NULL, NULL, NULL, 0));
    /* plain text is a page with one paragraph */
    chorus_article *a = th_extract_z("Just one plain sentence without any markup at all.");
    assert_true(th_has(a, "Just one plain sentence"));
    assert_null(chorus_article_title(a));
    chorus_article_free(a);
    chorus_article_free(NULL);
    assert_null(chorus_article_title(NULL));
    assert_int_equal(chorus_article_source_offset(NULL, 3), 0);
}

static void test_deep_nesting(void **state) {
    (void)state;
    const size_t depth = 100000;
    const char *kinds[][3] = {{"<div>", "</div>", ""},
                              {"<span>", "</b>", "</span>"},
                              {"<div><table><tr><td>", "</div>", ""},
                              {"<b a=1 b=2>", "</i>", "</p>"}};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        ch_buf b = {0};
        buf_puts(&b, "<html><body><p>The opening paragraph of the deep page explains, at some "
                     "length, why anyone would nest so many elements.</p>");
        for (size_t i = 0; i < depth; i++)
            buf_puts(&b, kinds[k][0]);
        buf_puts(&b, "The deepest sentence sits here, under a hundred thousand levels of "
                     "markup, and it must still be found.");
        for (size_t i = 0; i < depth; i++) {
            buf_puts(&b, kinds[k][1]);
            buf_puts(&b, kinds[k][2]);
        }
        buf_puts(&b, "<p>The closing paragraph follows all the end tags and must not be lost "
                     "either, whatever the parser did above.</p></body></html>");
        assert_non_null(b.data);
        double t0 = th_now();
        chorus_article *a = th_extract(b.data, b.len);
        double dt = th_now() - t0;
        if (dt > 20)
            fprintf(stderr, "deep nesting kind %zu took %.1f s\n", k, dt);
        assert_true(dt < 20);
        assert_true(th_has(a, "The deepest sentence sits here"));
        assert_true(th_has(a, "The closing paragraph follows"));
        assert_int_equal(th_offsets_bad(a, b.data, b.len), 0);
        chorus_article_free(a);
        buf_free(&b);
    }
    /* the guard itself: nothing to do on a sane page */
    char sane[] = "<div><p>a</p><script>if (a </div> b) {}</script></div>";
    assert_int_equal(html_guard(sane, strlen(sane)), 0);
}

static void test_large_page(void **state) {
    (void)state;
    ch_buf b = {0};
    buf_puts(&b, "<html><head><title>Almanac</title></head><body><div class=\"sidebar\">"
                 "<a href=\"/a\">Archive</a></div><div class=\"article-body\">");
    size_t n = 0;
    while (b.len < 20u * 1000 * 1000) {
        buf_printf(&b,
                   "<p>Entry %zu of the almanac records the weather, the tides and the "
                   "price of grain at the market, as the clerk wrote them down that day, "
                   "with a note on the harvest.</p>\n",
                   n);
        n++;
    }
    buf_puts(&b, "</div></body></html>");
    assert_non_null(b.data);
    double t0 = th_now();
    chorus_article *a = th_extract(b.data, b.len);
    double dt = th_now() - t0;
    if (dt > 30)
        fprintf(stderr, "20 MB page took %.1f s\n", dt);
    assert_true(dt < 30);
    char last[64];
    snprintf(last, sizeof last, "Entry %zu of the almanac", n - 1);
    assert_true(th_has(a, "Entry 0 of the almanac"));
    assert_true(th_has(a, last));
    assert_false(th_has(a, "Archive"));
    size_t tl;
    chorus_article_text(a, &tl);
    assert_true(tl > b.len / 2);
    /* spot-check the map at the last paragraph */
    const char *t = chorus_article_text(a, NULL);
    const char *p = strstr(t, last);
    size_t s = chorus_article_source_offset(a, (size_t)(p - t));
    assert_int_equal(memcmp(b.data + s, last, strlen(last)), 0);
    chorus_article_free(a);
    buf_free(&b);
}

/* ---------------------------------------------------------------- dates */

static void test_dates(void **state) {
    (void)state;
    const char *cases[][2] = {
        {"2019-11-19", "2019-11-19"},
        {"2019-11-19T10:00:00.000Z", "2019-11-19T10:00:00Z"},
        {"2019-11-19T10:00:00-05:00", "2019-11-19T10:00:00-05:00"},
        {"2019-11-19 10:00", "2019-11-19T10:00:00"},
        {"20191119", "2019-11-19"},
        {"2019/11/19", "2019-11-19"},
        {"Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00Z"},
        {"Tue, 19 Nov 2019 10:00:00 +0100", "2019-11-19T10:00:00+01:00"},
        {"November 19, 2019", "2019-11-19"},
        {"Nov. 19, 2019 3:05 p.m. EST", "2019-11-19T15:05:00-05:00"},
        {"19 November 2019", "2019-11-19"},
        {"19.11.2019", "2019-11-19"},
        {"1574157600", "2019-11-19T10:00:00Z"},
        {"2020-02-29", "2020-02-29"},
    };
    char out[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_int_equal(html_meta_iso_date(cases[i][0], out, sizeof out), 1);
        if (strcmp(out, cases[i][1]))
            fprintf(stderr, "%s -> %s, expected %s\n", cases[i][0], out, cases[i][1]);
        assert_string_equal(out, cases[i][1]);
    }
    const char *bad[] = {"yesterday", "11/12/2019", "2019-02-30", "", "2019-13-01", "99:99"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(html_meta_iso_date(bad[i], out, sizeof out), 0);
        assert_string_equal(out, "");
    }
}

/* ------------------------------------------------------- shared pages */

static char *th_gunzip(const char *path, size_t *len) {
    gzFile g = gzopen(path, "rb");
    if (!g)
        return NULL;
    ch_buf b = {0};
    char tmp[65536];
    int r;
    while ((r = gzread(g, tmp, sizeof tmp)) > 0)
        buf_append(&b, tmp, (size_t)r);
    gzclose(g);
    return buf_detach(&b, len);
}

static int th_shared_pages(void) {
    const char *dir = tu_shared_dir();
    if (!dir)
        return 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/data/article-extraction/html", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

/* On real news pages: the body is never empty and every copied byte maps
 * back to itself in the page. */
static void test_shared_offsets(void **state) {
    (void)state;
    const char *dir = tu_shared_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/data/article-extraction/ground-truth.json", dir);
    char *gt = tu_read_file(path, NULL);
    assert_non_null(gt);
    size_t pages = 0;
    /* ids are the 64-hex-digit keys of the ground truth */
    for (const char *p = gt; (p = strchr(p, '"')) != NULL;) {
        const char *q = strchr(p + 1, '"');
        if (!q)
            break;
        if (q - p - 1 == 64 && q[1] == ':' && pages < 40) {
            snprintf(path, sizeof path, "%s/data/article-extraction/html/%.64s.html.gz", dir,
                     p + 1);
            size_t len;
            char *page = th_gunzip(path, &len);
            assert_non_null(page);
            chorus_article *a = th_extract(page, len);
            size_t n;
            chorus_article_text(a, &n);
            assert_true(n > 0);
            if (!strcmp(chorus_article_encoding(a), "UTF-8")) {
                size_t bad = th_offsets_bad(a, page, len);
                if (bad)
                    fprintf(stderr, "%.64s: %zu bytes map wrongly\n", p + 1, bad);
                assert_int_equal(bad, 0);
            }
            chorus_article_free(a);
            free(page);
            pages++;
        }
        p = q + 1;
    }
    free(gt);
    assert_true(pages > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_boilerplate_fixture),
        cmocka_unit_test(test_broken_markup),
        cmocka_unit_test(test_nested_tables),
        cmocka_unit_test(test_jsonld),
        cmocka_unit_test(test_byline_in_page),
        cmocka_unit_test(test_teasers_and_lead_links),
        cmocka_unit_test(test_latin1_bytes),
        cmocka_unit_test(test_windows1252_http_equiv),
        cmocka_unit_test(test_bom_and_undeclared),
        cmocka_unit_test(test_multibyte_encodings),
        cmocka_unit_test(test_sniffing),
        cmocka_unit_test(test_dropped_and_breaks),
        cmocka_unit_test(test_entities_and_offsets),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_large_page),
        cmocka_unit_test(test_dates),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    if (!th_shared_pages()) {
        printf("skipping the shared-page test: ../shared/data/article-extraction is absent\n");
        return failed;
    }
    const struct CMUnitTest shared[] = {cmocka_unit_test(test_shared_offsets)};
    return failed | cmocka_run_group_tests(shared, NULL, NULL);
}
