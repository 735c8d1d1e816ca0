/*
 * main.c - the chorus command: dispatches to one file per subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "chorus.h"
#include "cli.h"

static const cli_command cli_commands[] = {
    /* name, function, one-line description */
    {"summarize", cmd_summarize, "cited summary of one story's reports"},
    {"report", cmd_report, "full cross-source report: facts, sources, claims and denials"},
    {"batch", cmd_batch, "summarize a stream of JSONL clusters, one JSON result per line"},
    {"eval", cmd_eval, "summarize a benchmark and score it with ROUGE"},
    {"idf", cmd_idf, "build a background IDF model from a corpus"},
    {"rouge", cmd_rouge, "score summaries against references as ROUGE-1.5.5 does"},
    {"extract", cmd_extract, "extract the article from a saved web page"},
    {NULL, NULL, NULL},
};

static void main_usage(FILE *f) {
    fprintf(f, "usage: chorus COMMAND [options] [FILE...]\n\n"
               "Reads several news reports of one event and tells what happened, who said\n"
               "what, and where the reports agree and differ, citing every statement.\n\n"
               "Commands:\n");
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(f, "  %-10s %s\n", c->name, c->summary);
    fprintf(f, "\nRun 'chorus COMMAND --help' for the options of one command.\n"
               "Options: --help, --version.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        main_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        main_usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("chorus %s\n", CHORUS_VERSION);
        return 0;
    }
    for (const cli_command *c = cli_commands; c->name; c++)
        if (!strcmp(c->name, cmd))
            return c->run(argc - 1, argv + 1);
    fprintf(stderr, "chorus: unknown command '%s' (see 'chorus --help')\n", cmd);
    return CLI_EXIT_USAGE;
}
