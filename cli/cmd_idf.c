/*
 * cmd_idf.c - `chorus idf build`: a background IDF model from a corpus.
 */
#include <string.h>

#include "cli.h"

static void idf_usage(FILE *f) {
    fprintf(f, "usage: chorus idf build [options] -o FILE CORPUS...\n\n"
               "Counts in how many documents of CORPUS each stemmed word occurs and writes\n"
               "the model to FILE (format: docs/idf-format.md). Use it with\n"
               "'chorus summarize --idf FILE' so that small clusters weigh words as the news\n"
               "at large does. CORPUS is any input chorus reads: text files, a directory,\n"
               "JSONL (.gz), Multi-News .src, DUC directories; every document counts once.\n\n"
               "  -o, --output FILE      where to write the model (required)\n"
               "  -f, --format F         input format (default auto)\n"
               "      --language L       Snowball stemmer language (default english)\n"
               "  -h, --help             this help\n\n"
               "Example:\n"
               "  chorus idf build -o news.idf archive.jsonl.gz\n"
               "  chorus summarize --idf news.idf story/*.txt\n");
}

int cmd_idf(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "build") != 0) {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
            idf_usage(stdout);
            return 0;
        }
        idf_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    argc--;
    argv++;
    const char *output = NULL, *language = "english";
    chorus_format format = CHORUS_FORMAT_AUTO;
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"language", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int opt, m;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "o:f:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            if ((m = chorus_format_parse(optarg)) < 0) {
                cli_error("--format: unknown format '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            format = (chorus_format)m;
            break;
        case 'L':
            language = optarg;
            break;
        case 'h':
            idf_usage(stdout);
            return 0;
        default:
            fprintf(stderr, "Run 'chorus idf build --help' for the options.\n");
            return CLI_EXIT_USAGE;
        }
    }
    if (!output || optind >= argc) {
        cli_error("idf build needs -o FILE and at least one CORPUS input");
        return CLI_EXIT_USAGE;
    }
    chorus_status st;
    chorus_idf_builder *b = chorus_idf_builder_new(language, &st);
    if (!b) {
        cli_error(st == CHORUS_ERR_INVALID ? "--language: no stemmer for '%s'" : "out of memory",
                  language);
        return cli_exit_code(st);
    }
    char err[1024];
    chorus_reader *rd = chorus_reader_open((const char *const *)argv + optind,
                                           (size_t)(argc - optind), format, &st, err, sizeof err);
    if (!rd) {
        cli_error("%s", err);
        chorus_idf_builder_free(b);
        return cli_exit_code(st);
    }
    int rc = 0;
    size_t n_docs = 0;
    for (;;) {
        const chorus_input *in = NULL;
        st = chorus_reader_next(rd, &in);
        if (st != CHORUS_OK) {
            cli_error("%s", chorus_reader_errmsg(rd));
            rc = rc ? rc : cli_exit_code(st);
            if (st == CHORUS_ERR_NOMEM || st == CHORUS_ERR_IO ||
                chorus_reader_format(rd) == CHORUS_FORMAT_TEXT)
                break;
            continue;
        }
        if (!in)
            break;
        for (size_t i = 0; i < in->n_docs; i++) {
            st = chorus_idf_builder_add(b, in->docs[i].text, in->docs[i].len);
            if (st != CHORUS_OK) {
                cli_error("%s", chorus_status_str(st));
                rc = cli_exit_code(st);
                break;
            }
            n_docs++;
        }
        if (rc == CLI_EXIT_INTERNAL)
            break;
    }
    chorus_reader_free(rd);
    if (rc == 0) {
        st = chorus_idf_builder_save(b, output, err, sizeof err);
        if (st != CHORUS_OK) {
            cli_error("%s", err);
            rc = cli_exit_code(st);
        } else {
            fprintf(stderr, "chorus: wrote %s (%zu documents)\n", output, n_docs);
        }
    }
    chorus_idf_builder_free(b);
    return rc;
}
