/*
 * cli.h - what the subcommand files of the chorus command share.
 *
 * Exit codes (documented in chorus(1)):
 *   0 success, 1 bad input (a file is empty, binary, malformed),
 *   2 usage error, 3 I/O error, 4 out of memory or internal failure.
 */
#ifndef CHORUS_CLI_H
#define CHORUS_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "chorus.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_INPUT 1
#define CLI_EXIT_USAGE 2
#define CLI_EXIT_IO 3
#define CLI_EXIT_INTERNAL 4

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
} cli_command;

int cmd_summarize(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_idf(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/* Maps a library status to the exit code above. */
int cli_exit_code(chorus_status s);

/* Prints "chorus: " + message + newline to stderr. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
void cli_error(const char *fmt, ...);

/* Parses a non-negative integer option value; prints an error naming
 * 'what' and returns -1 when it is not one. */
int cli_parse_size(const char *arg, const char *what, size_t *out);
/* Parses a number in [lo, hi]; prints an error and returns -1 otherwise. */
int cli_parse_double(const char *arg, const char *what, double lo, double hi, double *out);

/* Options shared by the commands that summarize (summarize, batch). */
typedef struct cli_sum_opts {
    chorus_options opts;
    chorus_cluster_config cfg;
    chorus_format format; /* input format */
    const char *idf_path; /* --idf FILE, loaded by cli_sum_finish */
    chorus_idf *idf;      /* owned */
    const char *model_path; /* --model FILE, read by cli_sum_finish */
    char *model_text;       /* owned: its text */
    int quiet;            /* no warnings on stderr */
} cli_sum_opts;

/* getopt_long entries of the shared options, terminated by a zero entry;
 * commands append their own (values >= 1000 are taken by the shared ones). */
extern const struct option cli_sum_longopts[];
#define CLI_SUM_SHORTOPTS "w:b:s:m:f:q"
#define CLI_SUM_HELP                                                                               \
    "Summary options:\n"                                                                           \
    "  -w, --words N          budget in words (default 100)\n"                                     \
    "  -b, --bytes N          budget in bytes\n"                                                   \
    "  -s, --sentences N      budget in sentences\n"                                               \
    "      --truncate         cut the last sentence to fill the budget exactly (as ROUGE -l/-b)\n" \
    "  -m, --method M         default | salience | lexrank | centroid | mmr | submodular |\n"    \
    "                         lead | ilp\n"                                                        \
    "      --query TEXT       bias the summary toward a question or topic\n"                       \
    "      --compress LIST    what compression may drop: dateline,connective,paren,attrib,\n"      \
    "                         spacing, all or none (default dateline,paren,spacing)\n"             \
    "      --priors LIST      sentence priors: position,support,length,context, all or none\n"     \
    "                         (default position,support)\n"                                        \
    "      --ilp-time-limit S seconds GLPK may spend per cluster (ilp; default 1)\n"               \
    "      --model FILE       salience model for the salience method (default: built in)\n"      \
    "      --order O          position (report order, default) | score\n"                          \
    "      --lexrank-threshold T  LexRank edge cut-off in (0,1); 0 = continuous (default)\n"       \
    "      --cite-threshold T cosine at which another report counts as carrying a\n"               \
    "                         sentence (default 0.35)\n"                                           \
    "      --redundancy R     max cosine between two summary sentences (default 0.3)\n"            \
    "      --idf FILE         background IDF model (see 'chorus idf build')\n"                     \
    "      --language L       Snowball stemmer language (default english)\n"                       \
    "      --keep-noise       keep page furniture (no cleaning)\n"                                 \
    "  -f, --format F         input format: auto (default) | text | jsonl | multinews | duc | "    \
    "html\n"                                                                                       \
    "  -q, --quiet            no warnings on stderr\n"

/* The getopt_long table of a summarizing command: the shared options, then
 * 'extra' (terminated by a zero entry), then the terminator, into dst (room
 * for 'cap' entries). Returns 0, or -1 when dst is too small. */
int cli_options_join(struct option *dst, size_t cap, const struct option *extra);
#define CLI_MAX_OPTIONS 64

void cli_sum_init(cli_sum_opts *o);
/* Handles one shared option; returns 1 when handled, 0 when 'opt' is not a
 * shared option, -1 on a bad value (message printed). */
int cli_sum_option(cli_sum_opts *o, int opt, const char *arg);
/* Loads what the options name (the IDF model); returns 0 or an exit code. */
int cli_sum_finish(cli_sum_opts *o);
void cli_sum_free(cli_sum_opts *o);

/* Builds a cluster from one input. Warnings (repaired UTF-8) go to stderr
 * unless quiet. On failure returns NULL, sets *status, and writes
 * "DOC: reason" to 'err' (size errlen) when it is non-NULL, else prints it
 * as "chorus: DOC: reason". */
chorus_cluster *cli_cluster_from_input(const chorus_input *in, const cli_sum_opts *o,
                                       chorus_status *status, char *err, size_t errlen);

/* A deep copy of a reader's cluster, valid after the reader moves on. */
typedef struct cli_input {
    chorus_input in; /* points into mem */
    void *mem;       /* one block for documents, references and strings */
} cli_input;

/* Copies 'in' into *dst (which is overwritten); 0, or -1 when out of memory. */
int cli_input_copy(cli_input *dst, const chorus_input *in);
/* Frees a copy and zeroes it; no operation on a zeroed one. */
void cli_input_free(cli_input *c);

#define CLI_MAX_THREADS 256

/* Runs fn(arg, i) for every i in [0, n), each exactly once, on up to
 * 'threads' threads (the calling one included); returns when all are done. */
void cli_parallel_for(size_t n, size_t threads, void (*fn)(void *arg, size_t i), void *arg);

/* The number of online CPUs (at least 1, at most CLI_MAX_THREADS). */
size_t cli_default_threads(void);

/* Parses --threads' value into *out (1..CLI_MAX_THREADS); prints an error
 * and returns -1 otherwise. */
int cli_parse_threads(const char *arg, size_t *out);

/* Writes s to f, returning CLI_EXIT_IO (with a message) on a write error. */
int cli_write(FILE *f, const char *s, size_t n);

#endif
