/*
 * cmd_summarize.c - `chorus summarize` (a cited summary of each cluster
 * read) and `chorus report` (the full cross-source report): both read
 * clusters the same way and differ only in what they render.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void report_usage(FILE *f) {
    fprintf(f, "usage: chorus report [options] FILE...\n\n"
               "Prints the full cross-source report on the reports in FILE...: the cited\n"
               "summary, the facts with the reports that support each (claims and denials\n"
               "kept apart, single-source statements marked), and the sources side by side.\n"
               "Inputs as for 'chorus summarize'.\n\n"
               "Output:\n"
               "      --text             plain text (default)\n"
               "      --markdown         Markdown\n"
               "      --json             JSON (schema: docs/json-schema.md)\n"
               "      --html             one self-contained HTML page\n"
               "      --use-topic        bias each cluster toward its own topic statement\n"
               "                         (DUC topics, JSONL \"query\")\n\n" CLI_SUM_HELP
               "  -h, --help             this help\n\n"
               "Examples:\n"
               "  chorus report --html story/*.txt > story.html\n"
               "  chorus report --json story/ | jq '.facts[] | select(.kind == \"denial\")'\n");
}

static void summarize_usage(FILE *f) {
    fprintf(f, "usage: chorus summarize [options] FILE...\n\n"
               "Prints a cited summary of the reports in FILE... (one report per file; a\n"
               "directory means every file in it; '-' or no FILE reads standard input).\n"
               "Each sentence is followed by the numbers of every report that carries it.\n"
               "A JSONL, Multi-News or DUC input holds many clusters: each is summarized.\n\n"
               "Output:\n"
               "      --text             plain text with [1,3] marks and a source list (default)\n"
               "      --markdown         Markdown\n"
               "      --json             JSON, one document per cluster and line\n"
               "                         (schema: docs/json-schema.md)\n"
               "      --use-topic        bias each cluster toward its own topic statement\n"
               "                         (DUC topics, JSONL \"query\")\n\n" CLI_SUM_HELP
               "  -h, --help             this help\n\n"
               "Examples:\n"
               "  chorus summarize --words 120 story/*.txt\n"
               "  chorus summarize --json --method lexrank story/\n"
               "  chorus summarize --format jsonl --words 300 --truncate clusters.jsonl.gz\n");
}

enum {
    SUMMARIZE_TEXT = 2000,
    SUMMARIZE_MARKDOWN,
    SUMMARIZE_JSON,
    SUMMARIZE_HTML,
    SUMMARIZE_USE_TOPIC
};

/* Renders what the command makes of one cluster; NULL with a message on the
 * cluster on failure. */
static char *summarize_one(chorus_cluster *c, const chorus_options *o, int report,
                           chorus_render_format render, size_t *len) {
    char *out = NULL;
    if (report) {
        chorus_report *r = chorus_report_new(c, o);
        if (r)
            out = chorus_report_render(r, render, len);
        chorus_report_free(r);
    } else {
        chorus_summary *s = chorus_summarize(c, o);
        if (s)
            out = chorus_summary_render(s, render, len);
        chorus_summary_free(s);
    }
    return out;
}

static int summarize_run(int argc, char **argv, int report) {
    cli_sum_opts so;
    cli_sum_init(&so);
    chorus_render_format render = CHORUS_RENDER_TEXT;

    static const struct option own[] = {
        {"text", no_argument, NULL, SUMMARIZE_TEXT},
        {"markdown", no_argument, NULL, SUMMARIZE_MARKDOWN},
        {"json", no_argument, NULL, SUMMARIZE_JSON},
        {"use-topic", no_argument, NULL, SUMMARIZE_USE_TOPIC},
        {"help", no_argument, NULL, 'h'},
        {"html", no_argument, NULL, SUMMARIZE_HTML}, /* report only: last */
        {NULL, 0, NULL, 0},
    };
    struct option longopts[CLI_MAX_OPTIONS];
    if (cli_options_join(longopts, CLI_MAX_OPTIONS, own) != 0)
        return CLI_EXIT_INTERNAL;
    if (!report) /* drop --html */
        for (struct option *p = longopts; p->name; p++)
            if (p->val == SUMMARIZE_HTML)
                *p = (struct option){NULL, 0, NULL, 0};
    int use_topic = 0;

    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SUM_SHORTOPTS "h", longopts, NULL)) != -1) {
        int r = cli_sum_option(&so, opt, optarg);
        if (r < 0)
            return CLI_EXIT_USAGE;
        if (r > 0)
            continue;
        switch (opt) {
        case SUMMARIZE_TEXT:
            render = CHORUS_RENDER_TEXT;
            break;
        case SUMMARIZE_MARKDOWN:
            render = CHORUS_RENDER_MARKDOWN;
            break;
        case SUMMARIZE_JSON:
            render = CHORUS_RENDER_JSON;
            break;
        case SUMMARIZE_HTML:
            render = CHORUS_RENDER_HTML;
            break;
        case SUMMARIZE_USE_TOPIC:
            use_topic = 1;
            break;
        case 'h':
            (report ? report_usage : summarize_usage)(stdout);
            return 0;
        default:
            fprintf(stderr, "Run 'chorus %s --help' for the options.\n", argv[0]);
            return CLI_EXIT_USAGE;
        }
    }
    const char *stdin_path[] = {"-"};
    const char *const *paths = (const char *const *)argv + optind;
    size_t n_paths = (size_t)(argc - optind);
    if (n_paths == 0) {
        if (isatty(STDIN_FILENO)) {
            (report ? report_usage : summarize_usage)(stderr);
            return CLI_EXIT_USAGE;
        }
        paths = stdin_path;
        n_paths = 1;
    }
    int rc = cli_sum_finish(&so);
    if (rc)
        return rc;

    chorus_status st;
    char err[1024];
    chorus_reader *rd = chorus_reader_open(paths, n_paths, so.format, &st, err, sizeof err);
    if (!rd) {
        cli_error("%s", err);
        cli_sum_free(&so);
        return cli_exit_code(st);
    }
    size_t n_clusters = 0;
    for (;;) {
        const chorus_input *in = NULL;
        st = chorus_reader_next(rd, &in);
        if (st != CHORUS_OK) {
            cli_error("%s", chorus_reader_errmsg(rd));
            if (rc == 0)
                rc = cli_exit_code(st);
            if (chorus_reader_format(rd) == CHORUS_FORMAT_TEXT || st == CHORUS_ERR_NOMEM ||
                st == CHORUS_ERR_IO)
                break;
            continue; /* a bad line of a multi-cluster input: go on with the next */
        }
        if (!in)
            break;
        chorus_cluster *c = cli_cluster_from_input(in, &so, &st, NULL, 0);
        if (!c) {
            if (rc == 0)
                rc = cli_exit_code(st);
            continue;
        }
        size_t len = 0;
        chorus_options o = so.opts;
        if (use_topic && in->query && !o.query)
            o.query = in->query; /* a --query given by the user wins */
        char *out = summarize_one(c, &o, report, render, &len);
        if (!out) {
            cli_error("%s: %s", in->id ? in->id : "summary",
                      chorus_cluster_errmsg(c)[0] ? chorus_cluster_errmsg(c) : "out of memory");
            if (rc == 0)
                rc = CLI_EXIT_INPUT;
            chorus_cluster_free(c);
            continue;
        }
        int w = 0;
        {
            if (render != CHORUS_RENDER_JSON && n_clusters > 0)
                w = cli_write(stdout, "\n", 1);
            if (!w && render == CHORUS_RENDER_TEXT && in->id &&
                chorus_reader_format(rd) != CHORUS_FORMAT_TEXT) {
                fprintf(stdout, "== %s ==\n", in->id);
            }
            if (!w)
                w = cli_write(stdout, out, len);
            if (!w && render == CHORUS_RENDER_JSON)
                w = cli_write(stdout, "\n", 1);
        }
        free(out);
        chorus_cluster_free(c);
        n_clusters++;
        if (w) {
            rc = w;
            break;
        }
    }
    chorus_reader_free(rd);
    cli_sum_free(&so);
    if (fflush(stdout) != 0 && rc == 0) {
        cli_error("write error");
        rc = CLI_EXIT_IO;
    }
    return rc;
}

int cmd_summarize(int argc, char **argv) {
    return summarize_run(argc, argv, 0);
}

int cmd_report(int argc, char **argv) {
    return summarize_run(argc, argv, 1);
}
