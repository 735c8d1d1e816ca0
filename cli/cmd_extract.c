/*
 * cmd_extract.c - `chorus extract PAGE.html [--json] [--url URL]`: the
 * article of a saved web page (title, byline, date, URL, site, body).
 *
 * Reads the file (gzip-compressed or not; "-" is standard input), hands it
 * to chorus_article_extract() and prints the result as text, or as one
 * JSON object whose "paragraphs" give each paragraph's byte offset in the
 * page file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <zlib.h>

#include "cli.h"

static void cmd_extract_usage(FILE *f) {
    fprintf(f, "usage: chorus extract [options] PAGE.html\n\n"
               "Finds the article in a saved web page (any encoding, gzip or not;\n"
               "'-' reads standard input) and prints its title, byline, date, URL,\n"
               "site and body text.\n\n"
               "Options:\n"
               "  -j, --json        one JSON object: the fields, the body, and each\n"
               "                    paragraph with its byte offset in the page\n"
               "  -u, --url URL     where the page came from (else its canonical URL)\n"
               "  -h, --help        this help\n");
}

/* Reads a whole file, gunzipping when needed. NULL on failure (errno-style
 * message printed). */
static char *cmd_extract_read(const char *path, size_t *len) {
    gzFile g = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(0), "rb");
    if (!g) {
        cli_error("%s: cannot open", path);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (!b) {
            cli_error("%s: out of memory", path);
            break;
        }
        if (cap - n < 4096) {
            char *nb = cap > ((size_t)1 << 31) ? NULL : realloc(b, cap * 2);
            if (!nb) {
                cli_error("%s: file too large", path);
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
        int r = gzread(g, b + n, (unsigned)(cap - n - 1));
        if (r < 0) {
            int e;
            cli_error("%s: %s", path, gzerror(g, &e));
            free(b);
            b = NULL;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    gzclose(g);
    if (b) {
        b[n] = '\0';
        *len = n;
    }
    return b;
}

static int cmd_extract_set(json_t *o, const char *key, const char *val) {
    return json_object_set_new(o, key, val ? json_string(val) : json_null());
}

static int cmd_extract_json(const chorus_article *a) {
    json_t *o = json_object();
    if (!o)
        return CLI_EXIT_INTERNAL;
    size_t len;
    const char *text = chorus_article_text(a, &len);
    int rc = cmd_extract_set(o, "title", chorus_article_title(a));
    rc |= cmd_extract_set(o, "byline", chorus_article_byline(a));
    rc |= cmd_extract_set(o, "date", chorus_article_date(a));
    rc |= cmd_extract_set(o, "url", chorus_article_url(a));
    rc |= cmd_extract_set(o, "site", chorus_article_site(a));
    rc |= cmd_extract_set(o, "encoding", chorus_article_encoding(a));
    rc |= json_object_set_new(o, "text", json_stringn(text, len));
    json_t *paras = json_array();
    rc |= json_object_set_new(o, "paragraphs", paras);
    for (size_t i = 0; paras && i < len;) {
        const char *e = strstr(text + i, "\n\n");
        size_t end = e ? (size_t)(e - text) : len;
        json_t *p = json_object();
        rc |= json_object_set_new(p, "text", json_stringn(text + i, end - i));
        rc |= json_object_set_new(p, "offset",
                                  json_integer((json_int_t)chorus_article_source_offset(a, i)));
        rc |= json_array_append_new(paras, p);
        i = e ? end + 2 : len;
    }
    char *s = rc ? NULL : json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (!s)
        return CLI_EXIT_INTERNAL;
    puts(s);
    free(s);
    return CLI_EXIT_OK;
}

static void cmd_extract_field(const char *name, const char *val) {
    if (val)
        printf("%-8s %s\n", name, val);
}

int cmd_extract(int argc, char **argv) {
    static const struct option longopts[] = {{"json", no_argument, NULL, 'j'},
                                             {"url", required_argument, NULL, 'u'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int json = 0, c;
    const char *url = NULL;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ju:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'j':
            json = 1;
            break;
        case 'u':
            url = optarg;
            break;
        case 'h':
            cmd_extract_usage(stdout);
            return CLI_EXIT_OK;
        default:
            cmd_extract_usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        cmd_extract_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *path = argv[optind];
    size_t len = 0;
    char *page = cmd_extract_read(path, &len);
    if (!page)
        return CLI_EXIT_IO;
    chorus_status st;
    char err[256];
    chorus_article *a = chorus_article_extract(page, len, url, &st, err, sizeof err);
    free(page);
    if (!a) {
        cli_error("%s: %s", path, err[0] ? err : chorus_status_str(st));
        return cli_exit_code(st);
    }
    int rc = CLI_EXIT_OK;
    if (json)
        rc = cmd_extract_json(a);
    else {
        cmd_extract_field("Title:", chorus_article_title(a));
        cmd_extract_field("Byline:", chorus_article_byline(a));
        cmd_extract_field("Date:", chorus_article_date(a));
        cmd_extract_field("URL:", chorus_article_url(a));
        cmd_extract_field("Site:", chorus_article_site(a));
        size_t n;
        const char *text = chorus_article_text(a, &n);
        printf("\n");
        fwrite(text, 1, n, stdout);
        if (n)
            printf("\n");
    }
    chorus_article_free(a);
    if (fflush(stdout) != 0) {
        cli_error("cannot write the output");
        rc = CLI_EXIT_IO;
    }
    return rc;
}
