/*
 * html_meta.h - what a page says about itself: schema.org JSON-LD, Open
 * Graph and other <meta> tags, <title>, <link rel=canonical>, <time>.
 *
 * Sources, in order of trust:
 *   headline   JSON-LD headline, og:title, twitter:title, <title> (minus a
 *              trailing " | Site Name")
 *   byline     JSON-LD author names, <meta name=author>, article:author,
 *              parsely-author, sailthru.author, byl (never a URL)
 *   date       JSON-LD datePublished/dateCreated, article:published_time,
 *              other publication-date metas, itemprop=datePublished,
 *              the first <time datetime>
 *   site       og:site_name, JSON-LD publisher name, application-name,
 *              else the URL's host without "www."
 *   url        the caller's, <link rel=canonical>, og:url, JSON-LD url
 *   body       JSON-LD articleBody (for confirmation only)
 * JSON-LD is read with jansson, after raw control characters inside its
 * strings are escaped (a common defect); objects are found anywhere in the
 * tree (@graph, arrays, mainEntity); an object whose @type names an article
 * kind (…Article, BlogPosting, Report, …) wins over other objects.
 */
#ifndef CHORUS_DOC_HTML_META_H
#define CHORUS_DOC_HTML_META_H

#include <stddef.h>

#include "doc/html.h"

typedef struct html_meta {
    char *title; /* every field: malloc'd UTF-8 with collapsed spaces, or NULL */
    char *byline;
    char *date; /* ISO 8601 when parseable, else as written */
    char *url;
    char *site;
    char *body;       /* JSON-LD articleBody */
    char *page_title; /* the <title> element as written */
} html_meta;

/* Reads the metadata of 'pg' into *m (zeroed by the caller). 'url' (may be
 * NULL) is the caller's URL and wins over the page's. Returns 0, or -1 when
 * out of memory. */
int html_meta_read(const html_page *pg, const char *url, html_meta *m);

/* Frees the strings and zeroes *m. */
void html_meta_free(html_meta *m);

/* Normalises a date as written ("2019-11-19T10:00:00.000Z", "Tue, 19 Nov
 * 2019 10:00:00 GMT", "November 19, 2019", "19 Nov 2019 10:00 +0100") to ISO
 * 8601 in 'out': "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" followed by "Z" or
 * "+HH:MM" when a time is given. Returns 1 on success, 0 when 's' is not
 * recognised (then 'out' is empty). */
int html_meta_iso_date(const char *s, char *out, size_t cap);

#endif
