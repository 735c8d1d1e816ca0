/*
 * html_extract.c - main-content detection over a parsed page.
 *
 * 1. Flatten. One walk over the DOM (iterative, no recursion) records every
 *    element that can hold visible text (script, style, noscript, template,
 *    svg, form controls, media and hidden elements are skipped with their
 *    subtrees) and cuts the text into blocks: a block is the text between
 *    two block-level boundaries (an element like p, div, li, h2, td
 *    starting or ending, or a <br>), owned by the nearest block-level
 *    element. Elements are numbered in document order, so a subtree is a
 *    contiguous range of elements and of blocks. Text inside an inline
 *    element marked as boilerplate (a tooltip or pop-up inside a
 *    paragraph) is kept out of its block.
 *
 * 2. Describe. Per block: characters, characters inside links (and inside
 *    the links it starts with), words (two CJK signs count as one),
 *    sentence punctuation (ASCII and CJK), whether its last character ends
 *    a sentence, the run of plain list items or table cells it belongs to,
 *    whether it is an advertisement label. Per element: hints from class,
 *    id, role and itemprop: negative words (comment, share, related,
 *    sidebar, footer, nav, promo, ad, cookie, newsletter, caption, ...,
 *    whole or inside longer words for distinctive stems), positive words
 *    (article, body, content, entry, main, post, story, text, ...), strong
 *    when paired in one class name (article-body, entry-content) or given
 *    by itemprop=articleBody; embedded posts (tweets) are marked too.
 *
 * 3. Choose. Each block gets a value: its length when it reads like prose
 *    (ten words and punctuation, fifteen words, or 150 characters, few
 *    links), minus its length when links dominate it, nothing for a teaser
 *    (a long link followed by its summary), a small negative value
 *    otherwise. A subtree's value is the sum over its blocks, except that a
 *    subtree marked as boilerplate (or a nav, aside, header, footer) counts
 *    all its text against its ancestors, and one marked as content raises
 *    the prose inside it by 10% or 50% (once: nested wrappers do not
 *    compound). The article is the element of highest value, halved when it
 *    carries a negative hint or sits inside navigation: the smallest
 *    container that holds most of the prose and little else. When the page
 *    has a JSON-LD articleBody, blocks that share its word trigrams count
 *    as prose and count more, and when the body is on the page whole (its
 *    first and last trigrams start and end blocks) the prose it lacks
 *    counts less: metadata confirms a container rather than replacing it.
 *
 * 4. Filter. Inside the chosen element: subtrees marked as boilerplate or
 *    nav-like (relative to the container; embedded posts excepted),
 *    captions and figures, link-dominated blocks, advertisement labels,
 *    the title (the heading matching the metadata headline, else the first
 *    h1) and what precedes it, a section that a boilerplate heading
 *    introduces ("Related stories" up to the end of its parent), blocks
 *    outside a whole JSON-LD body, and non-prose blocks before the first or
 *    after the last prose block are dropped; headings and short lines
 *    between prose blocks stay, and a list or table of three or more plain
 *    items counts as prose at the edges.
 *
 * 5. Render. Kept blocks become paragraphs separated by a blank line
 *    (cells of one table row share a line); white space, U+00A0 included,
 *    collapses to one space (pre keeps it); every run of copied text adds
 *    an anchor to the offset map unless the map already predicts it, so
 *    the map stays small.
 *
 * Everything is linear in the size of the DOM.
 */
#include "doc/html_extract.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

#define HX_NONE UINT32_MAX

/* ----------------------------------------------------------------- tags */

enum {
    HX_BLOCK = 1 << 0,   /* block-level: text on each side is a separate block */
    HX_DROP = 1 << 1,    /* never visible text: skip the subtree */
    HX_HEADING = 1 << 2, /* h1-h6 */
    HX_LIST = 1 << 3,    /* ul, ol, dl, menu */
    HX_ITEM = 1 << 4,    /* li, dt, dd */
    HX_PRE = 1 << 5,     /* whitespace is kept */
    HX_LINK = 1 << 6,    /* a */
    HX_CAPTION = 1 << 7, /* figure, figcaption */
    HX_NAVLIKE = 1 << 8, /* nav, aside, footer, header */
    HX_ARTICLE = 1 << 9, /* article, main */
    HX_BREAK = 1 << 10,  /* br */
    HX_PARA = 1 << 11,   /* p */
    HX_QUOTE = 1 << 12,  /* blockquote */
    HX_CELL = 1 << 13,   /* td, th */
    HX_TABLE = 1 << 14   /* table */
};

typedef struct hx_tag {
    const char *name;
    unsigned flags;
} hx_tag;

/* Sorted by name for bsearch. Tags not listed are inline. */
static const hx_tag hx_tags[] = {
    {"a", HX_LINK},
    {"address", HX_BLOCK},
    {"applet", HX_DROP},
    {"article", HX_BLOCK | HX_ARTICLE},
    {"aside", HX_BLOCK | HX_NAVLIKE},
    {"audio", HX_DROP},
    {"base", HX_DROP},
    {"blockquote", HX_BLOCK | HX_QUOTE},
    {"body", HX_BLOCK},
    {"br", HX_BREAK},
    {"button", HX_DROP},
    {"canvas", HX_DROP},
    {"caption", HX_BLOCK},
    {"center", HX_BLOCK},
    {"datalist", HX_DROP},
    {"dd", HX_BLOCK | HX_ITEM},
    {"details", HX_BLOCK},
    {"dialog", HX_DROP},
    {"dir", HX_BLOCK | HX_LIST},
    {"div", HX_BLOCK},
    {"dl", HX_BLOCK | HX_LIST},
    {"dt", HX_BLOCK | HX_ITEM},
    {"embed", HX_DROP},
    {"fieldset", HX_BLOCK},
    {"figcaption", HX_BLOCK | HX_CAPTION},
    {"figure", HX_BLOCK | HX_CAPTION},
    {"footer", HX_BLOCK | HX_NAVLIKE},
    {"form", HX_BLOCK},
    {"frame", HX_DROP},
    {"frameset", HX_DROP},
    {"h1", HX_BLOCK | HX_HEADING},
    {"h2", HX_BLOCK | HX_HEADING},
    {"h3", HX_BLOCK | HX_HEADING},
    {"h4", HX_BLOCK | HX_HEADING},
    {"h5", HX_BLOCK | HX_HEADING},
    {"h6", HX_BLOCK | HX_HEADING},
    {"head", HX_DROP},
    {"header", HX_BLOCK | HX_NAVLIKE},
    {"hgroup", HX_BLOCK},
    {"hr", HX_BLOCK},
    {"html", HX_BLOCK},
    {"iframe", HX_DROP},
    {"input", HX_DROP},
    {"legend", HX_BLOCK},
    {"li", HX_BLOCK | HX_ITEM},
    {"link", HX_DROP},
    {"main", HX_BLOCK | HX_ARTICLE},
    {"map", HX_DROP},
    {"math", HX_DROP},
    {"menu", HX_BLOCK | HX_LIST},
    {"meta", HX_DROP},
    {"meter", HX_DROP},
    {"nav", HX_BLOCK | HX_NAVLIKE},
    {"noembed", HX_DROP},
    {"noframes", HX_DROP},
    {"noscript", HX_DROP},
    {"object", HX_DROP},
    {"ol", HX_BLOCK | HX_LIST},
    {"optgroup", HX_DROP},
    {"option", HX_DROP},
    {"p", HX_BLOCK | HX_PARA},
    {"param", HX_DROP},
    {"pre", HX_BLOCK | HX_PRE},
    {"progress", HX_DROP},
    {"rp", HX_DROP},
    {"script", HX_DROP},
    {"section", HX_BLOCK},
    {"select", HX_DROP},
    {"source", HX_DROP},
    {"style", HX_DROP},
    {"summary", HX_BLOCK},
    {"svg", HX_DROP},
    {"table", HX_BLOCK | HX_TABLE},
    {"tbody", HX_BLOCK},
    {"td", HX_BLOCK | HX_CELL},
    {"template", HX_DROP},
    {"textarea", HX_DROP},
    {"tfoot", HX_BLOCK},
    {"th", HX_BLOCK | HX_CELL},
    {"thead", HX_BLOCK},
    {"title", HX_DROP},
    {"tr", HX_BLOCK},
    {"track", HX_DROP},
    {"ul", HX_BLOCK | HX_LIST},
    {"video", HX_DROP},
};

static int hx_tag_cmp(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const hx_tag *)elem)->name);
}

static unsigned hx_tag_flags(const xmlNode *n) {
    const hx_tag *t =
        bsearch(n->name, hx_tags, sizeof hx_tags / sizeof *hx_tags, sizeof *hx_tags, hx_tag_cmp);
    return t ? t->flags : 0;
}

/* ---------------------------------------------------------------- hints */

/* A word and its length. */
typedef struct hx_word {
    const char *w;
    size_t n;
} hx_word;
#define HX_W(s)                                                                                    \
    { s, sizeof(s) - 1 }

/* Words in class and id values. Matched against whole words after
 * splitting on punctuation, digits and camelCase humps. */
static const hx_word hx_neg_words[] = {HX_W("ad"),
                                       HX_W("ads"),
                                       HX_W("adv"),
                                       HX_W("advert"),
                                       HX_W("adverts"),
                                       HX_W("advertisement"),
                                       HX_W("advertising"),
                                       HX_W("advertorial"),
                                       HX_W("sponsor"),
                                       HX_W("sponsored"),
                                       HX_W("sponsors"),
                                       HX_W("promo"),
                                       HX_W("promos"),
                                       HX_W("promoted"),
                                       HX_W("promotion"),
                                       HX_W("promotions"),
                                       HX_W("banner"),
                                       HX_W("billboard"),
                                       HX_W("dfp"),
                                       HX_W("taboola"),
                                       HX_W("outbrain"),
                                       HX_W("comment"),
                                       HX_W("comments"),
                                       HX_W("commenting"),
                                       HX_W("disqus"),
                                       HX_W("replies"),
                                       HX_W("share"),
                                       HX_W("sharing"),
                                       HX_W("shares"),
                                       HX_W("sharebar"),
                                       HX_W("social"),
                                       HX_W("socials"),
                                       HX_W("follow"),
                                       HX_W("related"),
                                       HX_W("recommended"),
                                       HX_W("recommendation"),
                                       HX_W("recommendations"),
                                       HX_W("recirc"),
                                       HX_W("recirculation"),
                                       HX_W("trending"),
                                       HX_W("popular"),
                                       HX_W("mostread"),
                                       HX_W("pagination"),
                                       HX_W("pager"),
                                       HX_W("nav"),
                                       HX_W("navbar"),
                                       HX_W("navigation"),
                                       HX_W("menu"),
                                       HX_W("breadcrumb"),
                                       HX_W("breadcrumbs"),
                                       HX_W("toolbar"),
                                       HX_W("sidebar"),
                                       HX_W("rail"),
                                       HX_W("widget"),
                                       HX_W("widgets"),
                                       HX_W("footer"),
                                       HX_W("masthead"),
                                       HX_W("topbar"),
                                       HX_W("cookie"),
                                       HX_W("cookies"),
                                       HX_W("consent"),
                                       HX_W("gdpr"),
                                       HX_W("newsletter"),
                                       HX_W("subscribe"),
                                       HX_W("subscription"),
                                       HX_W("signup"),
                                       HX_W("login"),
                                       HX_W("donate"),
                                       HX_W("modal"),
                                       HX_W("popup"),
                                       HX_W("overlay"),
                                       HX_W("caption"),
                                       HX_W("credit"),
                                       HX_W("credits"),
                                       HX_W("figcaption"),
                                       HX_W("tags"),
                                       HX_W("byline"),
                                       HX_W("dateline"),
                                       HX_W("timestamp"),
                                       HX_W("header"),
                                       HX_W("skip"),
                                       HX_W("jump"),
                                       HX_W("print"),
                                       HX_W("email"),
                                       HX_W("bio"),
                                       HX_W("author"),
                                       HX_W("disclaimer"),
                                       HX_W("copyright"),
                                       HX_W("supplemental"),
                                       HX_W("shoutbox"),
                                       HX_W("combx"),
                                       HX_W("community"),
                                       HX_W("agegate"),
                                       HX_W("skyscraper"),
                                       HX_W("leaderboard"),
                                       HX_W("teaser"),
                                       HX_W("teasers"),
                                       HX_W("promobox"),
                                       HX_W("noscript"),
                                       HX_W("nocontent")};

static const hx_word hx_pos_words[] = {
    HX_W("article"), HX_W("body"),     HX_W("content"),     HX_W("entry"),     HX_W("main"),
    HX_W("post"),    HX_W("story"),    HX_W("text"),        HX_W("blog"),      HX_W("hentry"),
    HX_W("prose"),   HX_W("richtext"), HX_W("articlebody"), HX_W("storybody"), HX_W("postbody")};

/* Whole class values that hide an element from sight. */
static const hx_word hx_hidden_classes[] = {HX_W("hidden"),
                                            HX_W("hide"),
                                            HX_W("sr-only"),
                                            HX_W("visually-hidden"),
                                            HX_W("visuallyhidden"),
                                            HX_W("screen-reader-text"),
                                            HX_W("screen-reader-only"),
                                            HX_W("screenreader-only"),
                                            HX_W("u-hidden"),
                                            HX_W("is-hidden"),
                                            HX_W("d-none"),
                                            HX_W("element-invisible"),
                                            HX_W("offscreen")};

static int hx_word_in(const char *w, size_t n, const hx_word *list, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (list[i].n == n && list[i].w[0] == w[0] && !memcmp(list[i].w, w, n))
            return 1;
    return 0;
}

/* Stems found inside longer words ("relatedposts", "commentlist",
 * "socialicons", "sharebuttons"). */
static const hx_word hx_neg_stems[] = {
    HX_W("related"),    HX_W("comment"),    HX_W("sidebar"), HX_W("footer"),    HX_W("social"),
    HX_W("share"),      HX_W("newsletter"), HX_W("subscri"), HX_W("sponsor"),   HX_W("advert"),
    HX_W("cookie"),     HX_W("breadcrumb"), HX_W("widget"),  HX_W("popup"),     HX_W("banner"),
    HX_W("outbrain"),   HX_W("taboola"),    HX_W("disqus"),  HX_W("recommend"), HX_W("trending"),
    HX_W("pagination"), HX_W("promo"),      HX_W("tooltip"), HX_W("popover"),   HX_W("rollover"),
    HX_W("hovercard"),  HX_W("dropdown")};

/* Words that make a positive hint strong when paired: article-body,
 * story-content, entry-content, post-text, ... */
static const hx_word hx_pos_what[] = {HX_W("article"), HX_W("story"), HX_W("entry"),
                                      HX_W("post"),    HX_W("news"),  HX_W("blog")};
static const hx_word hx_pos_part[] = {HX_W("body"), HX_W("content"), HX_W("text")};

/* Negative stems that name a whole section rather than an item:
 * a heading carrying one introduces boilerplate up to its parent's end. */
static const hx_word hx_section_stems[] = {
    HX_W("related"),  HX_W("comment"),  HX_W("recommend"),  HX_W("trending"), HX_W("popular"),
    HX_W("mostread"), HX_W("outbrain"), HX_W("taboola"),    HX_W("disqus"),   HX_W("replies"),
    HX_W("sponsor"),  HX_W("promo"),    HX_W("newsletter"), HX_W("subscri")};

enum {
    HX_HINT_NEG = 1,
    HX_HINT_POS = 2,
    HX_HINT_STRONG = 4,
    HX_HINT_SECTION = 8,
    HX_HINT_EMBED = 16 /* an embedded post (tweet, Instagram): quoted content */
};

static int hx_has_stem(const char *w, size_t n, const hx_word *stems, size_t count) {
    for (size_t i = 0; i < count; i++) {
        size_t m = stems[i].n;
        for (size_t k = 0; k + m <= n; k++)
            if (w[k] == stems[i].w[0] && !memcmp(w + k, stems[i].w, m))
                return 1;
    }
    return 0;
}

/* Scans one attribute value for hint words; ORs HX_HINT_* into *h. */
static void hx_scan_words(const char *v, int *h) {
    char w[48];
    size_t n = 0;
    int what = 0, part = 0;
    for (const char *p = v;; p++) {
        unsigned char c = (unsigned char)*p;
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        /* a camelCase hump ends a word: storyBody -> story, body */
        int hump = (c >= 'A' && c <= 'Z') && n > 0 && p > v && p[-1] >= 'a' && p[-1] <= 'z';
        if (!alpha || hump) {
            if (n > 0 && n < sizeof w) {
                if (hx_word_in(w, n, hx_neg_words, sizeof hx_neg_words / sizeof *hx_neg_words) ||
                    hx_has_stem(w, n, hx_neg_stems, sizeof hx_neg_stems / sizeof *hx_neg_stems))
                    *h |= HX_HINT_NEG;
                if (hx_has_stem(w, n, hx_section_stems,
                                sizeof hx_section_stems / sizeof *hx_section_stems))
                    *h |= HX_HINT_SECTION;
                else if (hx_word_in(w, n, hx_pos_words,
                                    sizeof hx_pos_words / sizeof *hx_pos_words)) {
                    *h |= HX_HINT_POS;
                    if (hx_word_in(w, n, hx_pos_what, sizeof hx_pos_what / sizeof *hx_pos_what))
                        what = 1;
                    if (hx_word_in(w, n, hx_pos_part, sizeof hx_pos_part / sizeof *hx_pos_part))
                        part = 1;
                    if (n == 11 && !memcmp(w, "articlebody", 11))
                        what = part = 1;
                    if (what && part)
                        *h |= HX_HINT_STRONG;
                }
            }
            n = 0;
            if (c == ' ' || c == '\t' || c == '\n' || !c)
                what = part = 0; /* the pair must be in one class name */
            if (!c)
                break;
            if (!alpha)
                continue;
        }
        if (n < sizeof w)
            w[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        n++;
    }
}

static int hx_class_hidden(const char *v) {
    const char *p = v;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        size_t n = (size_t)(p - s);
        if (n && hx_word_in(s, n, hx_hidden_classes,
                            sizeof hx_hidden_classes / sizeof *hx_hidden_classes))
            return 1;
    }
    return 0;
}

/* Case-insensitive search of 'lit' (lower case) in 's', ignoring spaces in
 * 's' ("display : none"). */
static int hx_has_squeezed(const char *s, const char *lit) {
    for (; *s; s++) {
        const char *a = s, *b = lit;
        while (*a && *b) {
            if (*a == ' ' || *a == '\t') {
                a++;
                continue;
            }
            char c = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
            if (c != *b)
                break;
            a++, b++;
        }
        if (!*b)
            return 1;
    }
    return 0;
}

typedef struct hx_attrs {
    int hint;   /* HX_HINT_* */
    int hidden; /* not rendered */
} hx_attrs;

static void hx_read_attrs(const xmlNode *n, hx_attrs *out) {
    out->hint = 0;
    out->hidden = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        const xmlNode *c = a->children;
        const char *v = c && c->type == XML_TEXT_NODE && c->content ? (const char *)c->content : "";
        switch (name[0]) {
        case 'c':
            if (!strcmp(name, "class")) {
                hx_scan_words(v, &out->hint);
                if (hx_class_hidden(v))
                    out->hidden = 1;
                if (!strcmp((const char *)n->name, "blockquote") &&
                    (strstr(v, "twitter-tweet") || strstr(v, "instagram-media") ||
                     strstr(v, "tiktok-embed")))
                    out->hint |= HX_HINT_EMBED;
            }
            break;
        case 'i':
            if (!strcmp(name, "id"))
                hx_scan_words(v, &out->hint);
            else if (!strcmp(name, "itemprop") &&
                     (strstr(v, "articleBody") || strstr(v, "reviewBody")))
                out->hint |= HX_HINT_POS | HX_HINT_STRONG;
            break;
        case 'h':
            if (!strcmp(name, "hidden"))
                out->hidden = 1;
            break;
        case 's':
            if (!strcmp(name, "style") &&
                (hx_has_squeezed(v, "display:none") || hx_has_squeezed(v, "visibility:hidden")))
                out->hidden = 1;
            break;
        case 'r':
            if (!strcmp(name, "role")) {
                if (!strcmp(v, "navigation") || !strcmp(v, "complementary") ||
                    !strcmp(v, "banner") || !strcmp(v, "contentinfo") || !strcmp(v, "menu") ||
                    !strcmp(v, "menubar") || !strcmp(v, "dialog") || !strcmp(v, "alert"))
                    out->hint |= HX_HINT_NEG;
                else if (!strcmp(v, "main") || !strcmp(v, "article"))
                    out->hint |= HX_HINT_POS;
            }
            break;
        case 'a':
            if (!strcmp(name, "aria-hidden") && !strcmp(v, "true"))
                out->hidden = 1;
            break;
        default:
            break;
        }
    }
}

/* ------------------------------------------------------------ flattening */

typedef struct hx_el {
    const xmlNode *node;
    uint32_t parent; /* element index, HX_NONE for the root */
    uint32_t end;    /* one past the last element of the subtree */
    uint32_t b0, b1; /* blocks of the subtree: [b0, b1) */
    unsigned flags;  /* HX_* tag flags */
    int hint;        /* HX_HINT_* of its own attributes */
    double pos[3];   /* positive block value in the subtree, by boost level */
    double neg;      /* negative block value in the subtree */
    double score;    /* value of the subtree as the article's container */
    double mass;     /* characters in the subtree */
    int in_nav;      /* some ancestor is nav, aside, header or footer */
    int in_neg;      /* some ancestor has a negative hint */
} hx_el;

typedef struct hx_item {
    const xmlNode *text; /* DOM text node */
    uint32_t el;         /* innermost element */
    uint32_t len;        /* bytes of its content */
    unsigned char link;  /* inside <a> */
    unsigned char pre;   /* inside <pre> */
    unsigned char sep;   /* a table cell starts here: separate from what precedes */
    unsigned char drop;  /* inside inline boilerplate: neither counted nor shown */
} hx_item;

typedef struct hx_block {
    uint32_t owner;      /* nearest block-level element */
    uint32_t i0, i1;     /* items [i0, i1) */
    uint32_t bytes;      /* bytes of its items' content */
    uint32_t chars;      /* non-space characters */
    uint32_t link_chars; /* of which inside links */
    uint32_t words;
    uint32_t stops; /* sentence ends: . ! ? followed by space or end */
    uint32_t commas;
    uint32_t lead_link;       /* characters of the links the block starts with */
    float conf;               /* share of its word trigrams found in the JSON-LD
                                 articleBody, or -1 when not measured */
    unsigned char heading;    /* inside h1-h6 */
    unsigned char ad;         /* an advertisement's label ("Advertisement") */
    unsigned char in_item;    /* owned by li, dt or dd */
    uint32_t item_run;        /* length of the run of sibling list items or table
                                 rows, without links, that this block is part of */
    unsigned char ends_punct; /* last visible character ends a sentence */
    double value;
    unsigned char keep;
} hx_block;

typedef struct hx_ctx {
    const html_page *pg;
    hx_el *els;
    size_t n_els, els_cap;
    hx_item *items;
    size_t n_items, items_cap;
    hx_block *blocks;
    size_t n_blocks, blocks_cap;
    uint32_t open_block; /* block being filled, or HX_NONE */
    int cell_sep;        /* a table cell opened since the last text */
} hx_ctx;

static void hx_end_block(hx_ctx *x) {
    x->open_block = HX_NONE;
}

static int hx_is_space_byte(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Length of the white-space character at s (NUL-terminated), 0 if none:
 * ASCII spaces, U+00A0, U+2000-U+200A, U+202F, U+205F and U+3000. */
static size_t hx_space_len(const unsigned char *s) {
    if (hx_is_space_byte(s[0]))
        return 1;
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE2 &&
        ((s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF)) || (s[1] == 0x81 && s[2] == 0x9F)) &&
        s[2] >= 0x80)
        return 3;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

/* Adds text node 't' (inside element 'el') to the open block, opening one
 * when the text is not blank. */
static int hx_add_text(hx_ctx *x, const xmlNode *t, uint32_t el, uint32_t owner, int link, int pre,
                       int drop) {
    const unsigned char *s = (const unsigned char *)t->content;
    if (!s)
        return 0;
    if (x->open_block == HX_NONE) {
        const unsigned char *p = s;
        size_t w;
        while ((w = hx_space_len(p)) != 0)
            p += w;
        if (!*p)
            return 0;
        hx_block b;
        memset(&b, 0, sizeof b);
        b.owner = owner;
        b.i0 = b.i1 = (uint32_t)x->n_items;
        if (VEC_PUSH(x->blocks, x->n_blocks, x->blocks_cap, b) != 0)
            return -1;
        x->open_block = (uint32_t)(x->n_blocks - 1);
    }
    size_t len = strlen((const char *)s);
    if (len > UINT32_MAX)
        len = UINT32_MAX;
    hx_item it = {t,
                  el,
                  (uint32_t)len,
                  (unsigned char)link,
                  (unsigned char)pre,
                  (unsigned char)x->cell_sep,
                  (unsigned char)drop};
    x->cell_sep = 0;
    if (VEC_PUSH(x->items, x->n_items, x->items_cap, it) != 0)
        return -1;
    hx_block *b = &x->blocks[x->open_block];
    b->i1 = (uint32_t)x->n_items;
    b->bytes = b->bytes + len > UINT32_MAX ? UINT32_MAX : b->bytes + (uint32_t)len;
    return 0;
}

/* The walk's position: innermost open element and block-level element,
 * and how many open elements are links, pre, and inline boilerplate. */
typedef struct hx_walk {
    uint32_t cur, owner;
    int link, pre, inl_neg;
} hx_walk;

/* An inline element (not a link) marked as boilerplate: a tooltip or
 * pop-up inside a paragraph, a credit inside a caption line. */
static int hx_inline_neg(const hx_el *e) {
    return !(e->flags & (HX_BLOCK | HX_LINK | HX_CELL)) && (e->hint & HX_HINT_NEG) &&
           !(e->hint & HX_HINT_STRONG);
}

static void hx_close(hx_ctx *x, hx_walk *w) {
    hx_el *e = &x->els[w->cur];
    e->end = (uint32_t)x->n_els;
    e->b1 = (uint32_t)x->n_blocks;
    if (e->flags & HX_BLOCK)
        hx_end_block(x);
    if (e->flags & HX_LINK)
        w->link--;
    if (e->flags & HX_PRE)
        w->pre--;
    if (hx_inline_neg(e))
        w->inl_neg--;
    w->cur = e->parent;
    w->owner = w->cur;
    while (w->owner != HX_NONE && !(x->els[w->owner].flags & HX_BLOCK))
        w->owner = x->els[w->owner].parent;
}

static int hx_flatten(hx_ctx *x, const xmlNode *root) {
    const xmlNode *n = root;
    hx_walk w = {HX_NONE, HX_NONE, 0, 0, 0};
    x->open_block = HX_NONE;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            unsigned fl = hx_tag_flags(n);
            hx_attrs at;
            if (!(fl & HX_DROP))
                hx_read_attrs(n, &at);
            if (fl & HX_BREAK) {
                hx_end_block(x);
            } else if (!(fl & HX_DROP) && !at.hidden) {
                hx_el e;
                memset(&e, 0, sizeof e);
                e.node = n;
                e.parent = w.cur;
                e.flags = fl;
                e.hint = at.hint;
                e.b0 = (uint32_t)x->n_blocks;
                if (VEC_PUSH(x->els, x->n_els, x->els_cap, e) != 0)
                    return -1;
                w.cur = (uint32_t)(x->n_els - 1);
                if (fl & HX_BLOCK) {
                    hx_end_block(x);
                    w.owner = w.cur;
                }
                if (fl & HX_LINK)
                    w.link++;
                if (fl & HX_PRE)
                    w.pre++;
                if (hx_inline_neg(&x->els[w.cur]))
                    w.inl_neg++;
                if (fl & HX_CELL)
                    x->cell_sep = 1;
                if (n->children)
                    descend = 1;
                else
                    hx_close(x, &w);
            }
        } else if (n->type == XML_TEXT_NODE && w.cur != HX_NONE) {
            if (hx_add_text(x, n, w.cur, w.owner, w.link > 0, w.pre > 0, w.inl_neg > 0) != 0)
                return -1;
        }
        if (descend) {
            n = n->children;
            continue;
        }
        /* next in document order, closing elements on the way up */
        while (n && n != root && !n->next) {
            n = n->parent;
            if (w.cur != HX_NONE && x->els[w.cur].node == n)
                hx_close(x, &w);
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    /* close what is still open (the root) */
    while (w.cur != HX_NONE)
        hx_close(x, &w);
    return 0;
}

/* ------------------------------------------------------------- features */

/* Sentence-ending and comma-like marks beyond ASCII: the ideographic full
 * stop and comma, fullwidth ! ? , and the Arabic comma. Returns 1 for a
 * stop, 2 for a comma, 0 otherwise; *len gets the sequence length. */
static int hx_wide_punct(const unsigned char *s, size_t *len) {
    *len = 1;
    if (s[0] == 0xE3 && s[1] == 0x80 && (s[2] == 0x82 || s[2] == 0x81)) {
        *len = 3;
        return s[2] == 0x82 ? 1 : 2;
    }
    if (s[0] == 0xEF && s[1] == 0xBC && (s[2] == 0x81 || s[2] == 0x9F || s[2] == 0x8C)) {
        *len = 3;
        return s[2] == 0x8C ? 2 : 1;
    }
    if (s[0] == 0xD8 && s[1] == 0x8C) {
        *len = 2;
        return 2;
    }
    return 0;
}

/* Characters that may close a sentence after its stop: quotes, brackets. */
static int hx_closer(const unsigned char *s, size_t n) {
    if (n >= 1 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || s[n - 1] == ']'))
        return 1;
    /* ” ’ » */
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (s[n - 1] == 0x9D || s[n - 1] == 0x99))
        return 3;
    if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xBB)
        return 2;
    return 0;
}

static void hx_block_stats(hx_ctx *x, hx_block *b) {
    const unsigned char *last = NULL; /* last non-space text seen */
    size_t last_len = 0;
    int leading = 1; /* no text outside links seen yet */
    uint32_t cjk = 0;
    for (uint32_t i = b->i0; i < b->i1; i++) {
        const hx_item *it = &x->items[i];
        if (it->drop)
            continue;
        const unsigned char *s = (const unsigned char *)it->text->content;
        int in_word = 0;
        size_t k = 0;
        for (; s[k]; k++) {
            unsigned char c = s[k];
            size_t sw = hx_space_len(s + k);
            if (sw) {
                in_word = 0;
                k += sw - 1;
                continue;
            }
            if ((c & 0xC0) == 0x80)
                continue; /* continuation byte */
            b->chars++;
            if (it->link) {
                b->link_chars++;
                if (leading)
                    b->lead_link++;
            } else
                leading = 0;
            size_t wl;
            int wp = c >= 0x80 ? hx_wide_punct(s + k, &wl) : 0;
            if (wp == 1)
                b->stops++, in_word = 0;
            else if (wp == 2)
                b->commas++, in_word = 0;
            else if (c >= 0xE3 && c <= 0xE9) {
                /* kana and CJK ideographs: no spaces between words; two
                 * signs count as a word */
                cjk++;
                in_word = 0;
            } else {
                int alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                            (c >= 'A' && c <= 'Z') || c >= 0x80;
                if (alnum && !in_word) {
                    b->words++;
                    in_word = 1;
                } else if (!alnum)
                    in_word = 0;
            }
            if (c == ',' || c == ';')
                b->commas++;
            if ((c == '.' || c == '!' || c == '?') &&
                (!s[k + 1] || hx_is_space_byte(s[k + 1]) || s[k + 1] == '"' || s[k + 1] == ')' ||
                 s[k + 1] == 0xE2))
                b->stops++;
        }
        /* remember where the last visible character is */
        size_t e = k;
        while (e > 0 &&
               (hx_is_space_byte(s[e - 1]) || (e >= 2 && s[e - 2] == 0xC2 && s[e - 1] == 0xA0)))
            e -= hx_is_space_byte(s[e - 1]) ? 1 : 2;
        if (e > 0) {
            last = s;
            last_len = e;
        }
    }
    b->words += cjk / 2;
    if (last) {
        size_t n = last_len, c;
        while ((c = hx_closer(last, n)) != 0 && n > c)
            n -= c;
        unsigned char e = last[n - 1];
        size_t wl;
        b->ends_punct =
            e == '.' || e == '!' || e == '?' || e == ':' ||
            (n >= 3 && hx_wide_punct(last + n - 3, &wl) == 1) ||
            (n >= 3 && last[n - 3] == 0xE2 && last[n - 2] == 0x80 && last[n - 1] == 0xA6);
    }
}

/* ------------------------------------------------------ words and text */

/* Calls fn(h, arg) for the hash of every word of s[0..n): runs of ASCII
 * letters and digits and other non-ASCII characters, lower-cased; kana
 * and CJK ideographs are one word each; ASCII punctuation, Latin-1 signs
 * (U+0080-U+00BF), general punctuation (U+2000-U+207F) and CJK
 * punctuation (U+3000-U+303F) separate words. */
static void hx_words(const unsigned char *s, size_t n, void (*fn)(uint64_t, void *), void *arg) {
    uint64_t h = 0;
    int in = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len = 1;
        int kind; /* 0 separator, 1 part of a word, 2 a word by itself */
        if (c < 0x80) {
            kind = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        } else {
            len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (len > n - i)
                len = n - i;
            unsigned char c1 = len > 1 ? s[i + 1] : 0;
            if (c == 0xC2 || (c == 0xE2 && c1 <= 0x81) || (c == 0xE3 && c1 == 0x80))
                kind = 0;
            else if (c >= 0xE3 && c <= 0xE9 && len == 3)
                kind = 2;
            else
                kind = 1;
        }
        if (kind != 1 && in) {
            fn(h, arg);
            in = 0;
        }
        if (kind == 1) {
            if (!in)
                h = 1469598103934665603ULL;
            for (size_t k = 0; k < len; k++) {
                unsigned char d = s[i + k];
                if (d >= 'A' && d <= 'Z')
                    d = (unsigned char)(d + 32);
                h = (h ^ d) * 1099511628211ULL;
            }
            in = 1;
        } else if (kind == 2) {
            uint64_t w = 1469598103934665603ULL;
            for (size_t k = 0; k < len; k++)
                w = (w ^ s[i + k]) * 1099511628211ULL;
            fn(w, arg);
        }
        i += len;
    }
    if (in)
        fn(h, arg);
}

/* Word trigrams: a rolling window over the word hashes. */
typedef struct hx_tri {
    uint64_t w[3];
    size_t n;
    void (*fn)(uint64_t, void *);
    void *arg;
} hx_tri;

static void hx_tri_word(uint64_t h, void *arg) {
    hx_tri *t = arg;
    t->w[0] = t->w[1];
    t->w[1] = t->w[2];
    t->w[2] = h;
    if (++t->n >= 3)
        t->fn((t->w[0] * 0x9E3779B97F4A7C15ULL) ^ (t->w[1] * 0xC2B2AE3D27D4EB4FULL) ^ t->w[2],
              t->arg);
}

/* Open-addressing set of 64-bit trigram hashes (0 is the empty slot). */
typedef struct hx_set {
    uint64_t *slot;
    size_t mask, n;
    int oom;
} hx_set;

static void hx_set_add(uint64_t h, void *arg) {
    hx_set *s = arg;
    if (s->oom)
        return;
    if (!h)
        h = 1;
    if ((s->n + 1) * 2 > s->mask + 1) {
        size_t cap = s->mask ? (s->mask + 1) * 2 : 1024;
        uint64_t *ns = calloc(cap, sizeof *ns);
        if (!ns) {
            s->oom = 1;
            return;
        }
        for (size_t i = 0; s->mask && i <= s->mask; i++)
            if (s->slot[i]) {
                size_t j = (size_t)(s->slot[i] >> 7) & (cap - 1);
                while (ns[j])
                    j = (j + 1) & (cap - 1);
                ns[j] = s->slot[i];
            }
        free(s->slot);
        s->slot = ns;
        s->mask = cap - 1;
    }
    size_t j = (size_t)(h >> 7) & s->mask;
    while (s->slot[j]) {
        if (s->slot[j] == h)
            return;
        j = (j + 1) & s->mask;
    }
    s->slot[j] = h;
    s->n++;
}

static int hx_set_has(const hx_set *s, uint64_t h) {
    if (!s->mask)
        return 0;
    if (!h)
        h = 1;
    size_t j = (size_t)(h >> 7) & s->mask;
    while (s->slot[j]) {
        if (s->slot[j] == h)
            return 1;
        j = (j + 1) & s->mask;
    }
    return 0;
}

typedef struct hx_match {
    const hx_set *set;
    size_t total, found;
    uint64_t first, last; /* first and last trigram */
} hx_match;

static void hx_match_tri(uint64_t h, void *arg) {
    hx_match *m = arg;
    if (!m->total)
        m->first = h;
    m->last = h;
    m->total++;
    if (m->set)
        m->found += hx_set_has(m->set, h);
}

typedef struct hx_body_tri {
    hx_set *set;
    size_t n;
    uint64_t first, last;
} hx_body_tri;

static void hx_body_add(uint64_t h, void *arg) {
    hx_body_tri *b = arg;
    if (!b->n)
        b->first = h;
    b->last = h;
    b->n++;
    hx_set_add(h, b->set);
}

/* Runs the trigrams of block 'b' through fn. Words do not run across the
 * items of a block unless the items touch (inline markup inside a word). */
static void hx_block_trigrams(const hx_ctx *x, const hx_block *b, void (*fn)(uint64_t, void *),
                              void *arg) {
    hx_tri t;
    memset(&t, 0, sizeof t);
    t.fn = fn;
    t.arg = arg;
    for (uint32_t i = b->i0; i < b->i1; i++) {
        if (x->items[i].drop)
            continue;
        const unsigned char *s = (const unsigned char *)x->items[i].text->content;
        hx_words(s, x->items[i].len, hx_tri_word, &t);
    }
}

/* What the JSON-LD articleBody says about the blocks. */
typedef struct hx_conf {
    double coverage; /* share of the body's trigrams found in matching blocks */
    uint32_t head;   /* block that starts as the body starts, or HX_NONE */
    uint32_t tail;   /* block that ends as the body ends, or HX_NONE */
} hx_conf;

/* Measures, for every block, the share of its trigrams that the JSON-LD
 * articleBody holds, and where the body starts and ends on the page (a
 * body cut short by the publisher ends inside a paragraph, so it has no
 * tail). Returns 0, or -1 when out of memory. */
static int hx_confirm(hx_ctx *x, const char *body, hx_conf *c) {
    c->coverage = 0;
    c->head = c->tail = HX_NONE;
    for (size_t i = 0; i < x->n_blocks; i++)
        x->blocks[i].conf = -1;
    if (!body)
        return 0;
    hx_set set;
    memset(&set, 0, sizeof set);
    hx_body_tri bt = {&set, 0, 0, 0};
    hx_tri t;
    memset(&t, 0, sizeof t);
    t.fn = hx_body_add;
    t.arg = &bt;
    hx_words((const unsigned char *)body, strlen(body), hx_tri_word, &t);
    if (set.oom) {
        free(set.slot);
        return -1;
    }
    double covered = 0;
    if (set.n >= 20) {
        for (size_t i = 0; i < x->n_blocks; i++) {
            hx_block *b = &x->blocks[i];
            hx_match m;
            memset(&m, 0, sizeof m);
            m.set = &set;
            hx_block_trigrams(x, b, hx_match_tri, &m);
            if (m.total == 0)
                continue;
            b->conf = (float)((double)m.found / (double)m.total);
            if (b->conf >= 0.6f)
                covered += (double)m.found;
            if (c->head == HX_NONE && m.first == bt.first)
                c->head = (uint32_t)i;
            if (m.last == bt.last)
                c->tail = (uint32_t)i;
        }
        covered /= (double)set.n;
    }
    free(set.slot);
    c->coverage = covered > 1 ? 1 : covered;
    return 0;
}

/* The body is on the page whole: found, from its first to its last words. */
static int hx_conf_complete(const hx_conf *c) {
    return c->coverage >= 0.8 && c->head != HX_NONE && c->tail != HX_NONE && c->tail >= c->head;
}

/* Lower-cased letters and digits of a block (at most cap-1 bytes). */
static size_t hx_block_norm(const hx_ctx *x, const hx_block *b, char *out, size_t cap) {
    size_t k = 0;
    for (uint32_t i = b->i0; i < b->i1 && k + 1 < cap; i++) {
        if (x->items[i].drop)
            continue;
        const unsigned char *s = (const unsigned char *)x->items[i].text->content;
        for (; *s && k + 1 < cap; s++) {
            unsigned char c = *s;
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80)
                out[k++] = (char)c;
            else if (c >= 'A' && c <= 'Z')
                out[k++] = (char)(c + 32);
        }
    }
    out[k] = '\0';
    return k;
}

static size_t hx_str_norm(const char *s, char *out, size_t cap) {
    size_t k = 0;
    for (; s && *s && k + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80)
            out[k++] = (char)c;
        else if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c + 32);
    }
    out[k] = '\0';
    return k;
}

static int hx_in_heading(const hx_ctx *x, uint32_t el) {
    for (int d = 0; d < 3 && el != HX_NONE; d++, el = x->els[el].parent)
        if (x->els[el].flags & HX_HEADING)
            return 1;
    return 0;
}

static double hx_block_value(const hx_block *b);

/* The list or table a block is an item of (its li/dt/dd's parent, its
 * cell's table section), or HX_NONE. */
static uint32_t hx_item_group(const hx_ctx *x, const hx_block *b) {
    const hx_el *o = &x->els[b->owner];
    if (o->flags & HX_ITEM)
        return o->parent;
    if ((o->flags & HX_CELL) && o->parent != HX_NONE)
        return x->els[o->parent].parent;
    return HX_NONE;
}

/* Nonzero for a block that is one plain item of a list or one cell of a
 * table: links are a minority in it. */
static int hx_plain_item(const hx_ctx *x, const hx_block *b) {
    return hx_item_group(x, b) != HX_NONE && b->link_chars * 2 < b->chars;
}

/* Labels that mark an advertisement, in the languages of most news sites
 * (letters only, lower case). */
static const char *const hx_ad_labels[] = {
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsoredcontent",
    "paidcontent",
    "paidpost",
    "promoted",
    "promotedcontent",
    "anzeige",
    "werbung",
    "publicit\xC3\xA9",
    "publicite",
    "publicidad",
    "pubblicit\xC3\xA0",
    "reklama",
    "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
    "\xE5\xB9\xBF\xE5\x91\x8A"};

static int hx_is_ad_label(const hx_ctx *x, const hx_block *b) {
    if (b->chars > 24)
        return 0;
    char t[64];
    hx_block_norm(x, b, t, sizeof t);
    for (size_t i = 0; i < sizeof hx_ad_labels / sizeof *hx_ad_labels; i++)
        if (!strcmp(t, hx_ad_labels[i]))
            return 1;
    return 0;
}

static void hx_describe(hx_ctx *x) {
    for (size_t i = 0; i < x->n_blocks; i++) {
        hx_block *b = &x->blocks[i];
        hx_block_stats(x, b);
        b->in_item = (x->els[b->owner].flags & HX_ITEM) != 0;
        b->value = hx_block_value(b);
        b->heading = (unsigned char)hx_in_heading(x, b->owner);
        if (b->chars && hx_is_ad_label(x, b)) {
            b->ad = 1;
            b->value = -(double)b->chars;
        }
    }
    /* runs of plain items under one parent list or table */
    size_t i = 0;
    while (i < x->n_blocks) {
        if (!hx_plain_item(x, &x->blocks[i])) {
            i++;
            continue;
        }
        uint32_t group = hx_item_group(x, &x->blocks[i]);
        size_t j = i + 1;
        while (j < x->n_blocks && hx_plain_item(x, &x->blocks[j]) &&
               hx_item_group(x, &x->blocks[j]) == group)
            j++;
        for (size_t k = i; k < j; k++)
            x->blocks[k].item_run = (uint32_t)(j - i);
        i = j;
    }
}

/* The block showing the article's title: a heading whose text matches
 * the metadata headline (one contains the other, and they are of similar
 * length), else the first h1. HX_NONE when there is none. */
static uint32_t hx_find_title(const hx_ctx *x, const char *title) {
    char want[512], have[512];
    size_t wn = hx_str_norm(title, want, sizeof want);
    uint32_t first_h1 = HX_NONE;
    for (size_t i = 0; i < x->n_blocks; i++) {
        const hx_block *b = &x->blocks[i];
        if (!b->heading || b->chars > 400)
            continue;
        size_t hn = hx_block_norm(x, b, have, sizeof have);
        if (!hn)
            continue;
        if (first_h1 == HX_NONE && !strcmp((const char *)x->els[b->owner].node->name, "h1"))
            first_h1 = (uint32_t)i;
        if (wn >= 8) {
            size_t lo = hn < wn ? hn : wn, hi = hn < wn ? wn : hn;
            if (lo * 10 >= hi * 6 && (strstr(have, want) || strstr(want, have)))
                return (uint32_t)i;
        }
    }
    return first_h1;
}

/* ------------------------------------------------------------- choosing */

/* The value of a block for choosing the container: its length when it
 * reads like prose, minus its length when links dominate it, a small
 * negative value for other short text (labels, dates, buttons). */
/* Links dominate the block and it does not read as a sentence. */
static int hx_link_bad(const hx_block *b) {
    double ld = b->chars ? (double)b->link_chars / b->chars : 0;
    int sentence = b->stops > 0 || b->ends_punct;
    return ld >= 0.5 && !(sentence && b->words >= 10 && ld < 0.8);
}

#define HX_TEASER 0.35
static double hx_block_value(const hx_block *b) {
    if (!b->chars)
        return 0;
    double ld = (double)b->link_chars / b->chars;
    int sentence = b->stops > 0 || b->ends_punct;
    if (hx_link_bad(b))
        return -(double)b->chars;
    /* a teaser: a linked headline followed by its summary, as list items
     * or where the headline is a large part of the block (a paragraph that
     * merely starts with a link is prose) */
    if (b->lead_link >= 20 && b->lead_link < b->chars &&
        (b->in_item || (double)b->lead_link >= HX_TEASER * b->chars))
        return 0;
    if ((b->words >= 10 && (sentence || b->commas > 0)) || b->words >= 15 || b->chars >= 150)
        return (double)b->chars * (1.0 - 0.5 * ld);
    if (sentence && b->words >= 5)
        return 0.5 * b->chars * (1.0 - ld);
    return -0.25 * b->chars;
}

/* Multipliers of positive value by hint level: none, positive, strong. */
static const double hx_boost[3] = {1.0, 1.1, 1.5};

static uint32_t hx_choose(hx_ctx *x) {
    for (size_t i = 0; i < x->n_blocks; i++) {
        hx_block *b = &x->blocks[i];
        hx_el *o = &x->els[b->owner];
        if (b->value > 0)
            o->pos[0] += b->value;
        else
            o->neg += b->value;
        o->mass += b->chars;
    }
    /* bottom-up: children come after their parent. A subtree marked as
     * boilerplate counts all its text against its ancestors. A subtree
     * marked as content raises the positive value inside it to its boost
     * level, once: nested hinted wrappers do not compound. */
    for (size_t i = x->n_els; i-- > 0;) {
        hx_el *e = &x->els[i];
        int lvl = (e->hint & HX_HINT_STRONG) ? 2 : (e->hint & HX_HINT_POS) ? 1 : 0;
        for (int l = 0; l < lvl; l++) {
            e->pos[lvl] += e->pos[l];
            e->pos[l] = 0;
        }
        double value = e->neg;
        for (int l = 0; l < 3; l++)
            value += e->pos[l] * hx_boost[l];
        int neg =
            ((e->hint & HX_HINT_NEG) && !(e->hint & HX_HINT_STRONG)) || (e->flags & HX_NAVLIKE);
        e->score = neg && value > 0 ? value * 0.5 : value;
        if (e->parent != HX_NONE) {
            hx_el *p = &x->els[e->parent];
            if (neg)
                p->neg -= e->mass;
            else {
                for (int l = 0; l < 3; l++)
                    p->pos[l] += e->pos[l];
                p->neg += e->neg;
            }
            p->mass += e->mass;
        }
    }
    uint32_t best = 0;
    double best_score = -1e300;
    for (size_t i = 0; i < x->n_els; i++) {
        hx_el *e = &x->els[i];
        /* inside nav, aside, header or footer elements, or elements hinted
         * as boilerplate */
        if (e->parent != HX_NONE) {
            const hx_el *p = &x->els[e->parent];
            if (p->in_nav || (p->flags & HX_NAVLIKE))
                e->in_nav = 1;
            if (p->in_neg || ((p->hint & HX_HINT_NEG) && !(p->hint & HX_HINT_STRONG)))
                e->in_neg = 1;
        }
        double s = e->score;
        if (s > 0) {
            if (e->in_nav)
                s *= 0.5;
            if (e->in_neg)
                s *= 0.7;
        }
        /* on a tie, the smaller container: what the larger adds is worth
         * nothing */
        if (s > best_score || (s == best_score && i > best && i < x->els[best].end)) {
            best_score = s;
            best = (uint32_t)i;
        }
    }
    return best;
}

/* ------------------------------------------------------------- filtering */

/* Nonzero when some element strictly inside 'top' on the way to 'el'
 * (inclusive) carries a negative hint, is a caption or is nav-like. */
static int hx_bad_path(const hx_ctx *x, uint32_t top, uint32_t el) {
    for (uint32_t e = el; e != HX_NONE && e != top; e = x->els[e].parent) {
        const hx_el *p = &x->els[e];
        if (p->hint & HX_HINT_EMBED)
            return 0; /* a post quoted in the article, whatever wraps it */
        if (((p->hint & HX_HINT_NEG) && !(p->hint & HX_HINT_STRONG)) ||
            (p->flags & (HX_CAPTION | HX_NAVLIKE)))
            return 1;
    }
    return 0;
}

static int hx_is_prose(const hx_block *b) {
    return b->value > 0 || b->conf >= 0.6f;
}

/* The heading element holding block 'b' when the heading or an element
 * between it and the block's text carries a negative hint ("Related
 * stories", "Comments"); HX_NONE otherwise. */
static uint32_t hx_bad_heading(const hx_ctx *x, const hx_block *b) {
    if (!b->heading)
        return HX_NONE;
    int neg = 0;
    uint32_t e = b->owner;
    for (int d = 0; d < 3 && e != HX_NONE; d++, e = x->els[e].parent) {
        const hx_el *p = &x->els[e];
        if ((p->hint & HX_HINT_SECTION) && !(p->hint & HX_HINT_STRONG))
            neg = 1;
        if (p->flags & HX_HEADING)
            return neg ? e : HX_NONE;
    }
    return HX_NONE;
}

static void hx_filter(hx_ctx *x, uint32_t top, uint32_t title, const hx_conf *conf) {
    const hx_el *t = &x->els[top];
    for (uint32_t i = t->b0; i < t->b1; i++) {
        hx_block *b = &x->blocks[i];
        b->keep = 0;
        if (!b->chars)
            continue;
        if (hx_bad_path(x, top, b->owner))
            continue;
        if (hx_link_bad(b) || b->ad)
            continue;
        b->keep = 1;
    }
    /* a heading marked as boilerplate introduces a boilerplate section:
     * what follows it inside its parent goes too */
    for (uint32_t i = t->b0; i < t->b1; i++) {
        uint32_t h = hx_bad_heading(x, &x->blocks[i]);
        if (h == HX_NONE || h == top || x->els[h].parent == HX_NONE || h < top)
            continue;
        const hx_el *p = &x->els[x->els[h].parent];
        uint32_t j = i + 1;
        while (j < t->b1 && x->blocks[j].owner < p->end)
            x->blocks[j++].keep = 0;
        i = j - 1;
    }
    /* the title, and what precedes it when no prose precedes it */
    if (title != HX_NONE && title >= t->b0 && title < t->b1) {
        int prose_before = 0;
        for (uint32_t i = t->b0; i < title; i++)
            if (x->blocks[i].keep && hx_is_prose(&x->blocks[i]))
                prose_before = 1;
        for (uint32_t i = prose_before ? title : t->b0; i <= title; i++)
            x->blocks[i].keep = 0;
    }
    /* a JSON-LD articleBody that is on the page whole bounds the article */
    if (hx_conf_complete(conf))
        for (uint32_t i = t->b0; i < t->b1; i++)
            if ((i < conf->head || i > conf->tail) && x->blocks[i].conf < 0.3f)
                x->blocks[i].keep = 0;
    /* trim non-prose blocks at both ends; a list or table of three or more
     * plain items (not links) counts as prose here */
    uint32_t first = t->b1, last = t->b0;
    for (uint32_t i = t->b0; i < t->b1; i++) {
        int prose = x->blocks[i].keep && hx_is_prose(&x->blocks[i]);
        if (!prose && x->blocks[i].keep && x->blocks[i].item_run >= 3)
            prose = 1;
        if (prose) {
            if (first == t->b1)
                first = i;
            last = i;
        }
    }
    for (uint32_t i = t->b0; i < t->b1; i++)
        if (i < first || i > last)
            x->blocks[i].keep = 0;
}

/* A byline shown above the article: a short block reading "By Name",
 * between the title (or the container's start) and the first kept block.
 * Returns its index or HX_NONE. */
static uint32_t hx_find_byline(const hx_ctx *x, uint32_t top, uint32_t title) {
    const hx_el *t = &x->els[top];
    uint32_t from = title != HX_NONE && title < t->b0 ? title : t->b0;
    for (uint32_t i = from; i < t->b1; i++) {
        const hx_block *b = &x->blocks[i];
        if (b->keep)
            break;
        if (b->words < 2 || b->words > 9 || b->stops > 0 || b->chars > 80)
            continue;
        const hx_item *it = NULL;
        for (uint32_t k = b->i0; k < b->i1 && !it; k++)
            if (!x->items[k].drop)
                it = &x->items[k];
        if (!it)
            continue;
        const char *s = (const char *)it->text->content;
        while (hx_space_len((const unsigned char *)s))
            s += hx_space_len((const unsigned char *)s);
        if ((s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && (s[2] == ' ' || s[2] == '\0'))
            return i;
    }
    return HX_NONE;
}

/* The text of a block with whitespace collapsed (malloc'd), or NULL. */
static char *hx_block_text(const hx_ctx *x, const hx_block *b) {
    ch_buf o = {0};
    int sp = 0;
    for (uint32_t i = b->i0; i < b->i1; i++) {
        if (x->items[i].drop)
            continue;
        const char *s = (const char *)x->items[i].text->content;
        for (; *s; s++) {
            size_t w = hx_space_len((const unsigned char *)s);
            if (w) {
                sp = o.len > 0;
                s += w - 1;
                continue;
            }
            if ((sp && buf_putc(&o, ' ') != 0) || buf_putc(&o, *s) != 0) {
                buf_free(&o);
                return NULL;
            }
            sp = 0;
        }
    }
    if (!o.len) {
        buf_free(&o);
        return NULL;
    }
    return buf_detach(&o, NULL);
}

/* ------------------------------------------------------------- rendering */

typedef struct hx_out {
    ch_buf *text;
    ch_offmap *map;
    size_t pred; /* source offset the map predicts at text->len */
    int pending; /* 0 nothing, 1 a space, 2 a paragraph break */
} hx_out;

/* Appends content bytes [a, b) of text node 't' with anchors. */
static int hx_emit_run(hx_out *o, const html_page *pg, const xmlNode *t, size_t a, size_t b) {
    const char *content = (const char *)t->content;
    if (o->pending && o->text->len) {
        const char *sep = o->pending == 2 ? "\n\n" : " ";
        size_t sl = o->pending == 2 ? 2 : 1;
        if (buf_append(o->text, sep, sl) != 0)
            return -1;
        if (o->pred != SIZE_MAX)
            o->pred += sl;
    }
    o->pending = 0;
    const html_tnode *tn = html_tnode_of(pg, t);
    size_t out0 = o->text->len;
    if (buf_append(o->text, content + a, b - a) != 0)
        return -1;
    if (!tn) {
        /* text libxml2 made up: map it to wherever the map points */
        if (o->pred != SIZE_MAX)
            o->pred += b - a;
        return 0;
    }
    /* segments overlapping [a, b) */
    size_t lo = 0, hi = tn->nseg;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (pg->segs[tn->seg0 + mid].coff <= a)
            lo = mid;
        else
            hi = mid;
    }
    for (size_t s = lo; s < tn->nseg; s++) {
        const html_seg *sg = &pg->segs[tn->seg0 + s];
        if (sg->coff >= b)
            break;
        size_t st = sg->coff > a ? sg->coff : a;
        size_t en = sg->coff + sg->len < b ? sg->coff + sg->len : b;
        if (en <= st)
            continue;
        size_t out = out0 + (st - a);
        size_t src = sg->exact ? sg->src + (st - sg->coff) : sg->src;
        if (src != o->pred || !sg->exact) {
            if (offmap_add(o->map, out, src) != 0)
                return -1;
        }
        /* after decoded text nothing is predicted: the next run anchors */
        o->pred = sg->exact ? src + (en - st) : SIZE_MAX;
    }
    return 0;
}

/* Appends one item, collapsing whitespace unless in <pre>. */
static int hx_emit_item(hx_out *o, const html_page *pg, const hx_item *it) {
    const unsigned char *s = (const unsigned char *)it->text->content;
    if (it->sep && o->pending == 0)
        o->pending = 1;
    size_t n = it->len;
    if (it->pre) {
        size_t a = 0, b = n;
        if (!o->text->len || o->pending == 2)
            while (a < b && hx_is_space_byte(s[a]))
                a++;
        if (a < b)
            return hx_emit_run(o, pg, it->text, a, b);
        return 0;
    }
    size_t i = 0;
    while (i < n) {
        size_t w = hx_space_len(s + i);
        if (w) {
            if (o->pending == 0)
                o->pending = 1;
            i += w;
            continue;
        }
        size_t st = i;
        /* a run: words separated by single ASCII spaces are copied in one
         * piece */
        while (i < n) {
            w = hx_space_len(s + i);
            if (w) {
                if (s[i] == ' ' && i + 1 < n && !hx_space_len(s + i + 1)) {
                    i++;
                    continue;
                }
                break;
            }
            i++;
        }
        if (hx_emit_run(o, pg, it->text, st, i) != 0)
            return -1;
    }
    return 0;
}

static int hx_render(hx_ctx *x, html_extract_result *out) {
    hx_out o = {&out->text, &out->map, 0, 0};
    uint32_t row = HX_NONE;  /* table row of the last kept block, if a cell */
    uint32_t cell = HX_NONE; /* owner of the last kept block */
    for (size_t i = 0; i < x->n_blocks; i++) {
        const hx_block *b = &x->blocks[i];
        if (!b->keep)
            continue;
        out->n_kept++;
        /* cells of one table row share a line: "3 Tamsin University 16:08.9" */
        const hx_el *ow = &x->els[b->owner];
        uint32_t r = (ow->flags & HX_CELL) ? ow->parent : HX_NONE;
        o.pending = r != HX_NONE && r == row && b->owner != cell ? 1 : 2;
        row = r;
        cell = b->owner;
        for (uint32_t k = b->i0; k < b->i1; k++)
            if (!x->items[k].drop && hx_emit_item(&o, x->pg, &x->items[k]) != 0)
                return -1;
    }
    if (!out->text.data && buf_reserve(&out->text, 0) != 0)
        return -1;
    return 0;
}

/* ------------------------------------------------------------------ API */

int html_extract_run(const html_page *pg, const html_extract_hints *hints,
                     html_extract_result *out) {
    hx_ctx x;
    memset(&x, 0, sizeof x);
    x.pg = pg;
    int rc = -1;
    const xmlNode *root = xmlDocGetRootElement(pg->doc);
    if (root && hx_flatten(&x, root) != 0)
        goto done;
    out->n_blocks = x.n_blocks;
    if (x.n_els && x.n_blocks) {
        hx_describe(&x);
        hx_conf conf;
        if (hx_confirm(&x, hints ? hints->body : NULL, &conf) != 0)
            goto done;
        if (conf.coverage >= 0.5) {
            /* the metadata confirms the prose it shares; when it is whole,
             * it also doubts the prose it lacks */
            int whole = hx_conf_complete(&conf);
            for (size_t i = 0; i < x.n_blocks; i++) {
                hx_block *b = &x.blocks[i];
                if (b->conf >= 0.6f)
                    b->value = (b->value > (double)b->chars ? b->value : (double)b->chars) * 1.5;
                else if (whole && b->conf >= 0 && b->conf < 0.2f && b->value > 0)
                    b->value *= 0.5;
            }
        }
        uint32_t title = hx_find_title(&x, hints ? hints->title : NULL);
        if (title != HX_NONE) {
            out->heading = hx_block_text(&x, &x.blocks[title]);
            if (!out->heading)
                goto done;
        }
        uint32_t top = hx_choose(&x);
        hx_filter(&x, top, title, &conf);
        uint32_t by = hx_find_byline(&x, top, title);
        if (by != HX_NONE) {
            char *s = hx_block_text(&x, &x.blocks[by]);
            if (!s)
                goto done;
            /* without the "By " */
            size_t skip = s[2] == ' ' ? 3 : 2;
            memmove(s, s + skip, strlen(s + skip) + 1);
            if (*s)
                out->byline = s;
            else
                free(s);
        }
    }
    if (hx_render(&x, out) != 0)
        goto done;
    rc = 0;
done:
    free(x.els);
    free(x.items);
    free(x.blocks);
    return rc;
}

void html_extract_result_free(html_extract_result *r) {
    buf_free(&r->text);
    offmap_free(&r->map);
    free(r->heading);
    free(r->byline);
    memset(r, 0, sizeof *r);
}
