/*
 * cmd_batch.c - `chorus batch`: JSONL clusters in, one JSON result per line
 * out, as they stream.
 *
 * Clusters are read in chunks of CHUNK_PER_THREAD x threads; each cluster of
 * a chunk is deep-copied (the reader reuses its memory), the chunk is
 * summarized by the worker threads (each takes the next unclaimed cluster),
 * and the results are written in input order before the next chunk is read.
 * Memory therefore stays bounded by one chunk, whatever the stream's length.
 * A cluster that fails, and an input line that cannot be read as a cluster,
 * yield {"id": ..., "error": "..."} on their output line (so output line N
 * answers input cluster N) and the stream goes on; the exit status then
 * says that something failed.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define CHUNK_PER_THREAD 16

typedef struct batch_job {
    cli_input in;    /* deep copy of the reader's cluster */
    int read_failed; /* the reader rejected this line: err says why */
    char *out;       /* rendered JSON line, malloc'd */
    size_t out_len;
    chorus_status st;
    char err[512];
} batch_job;

/* Makes the error line of a failed job. */
static void batch_error_line(batch_job *j) {
    json_t *o = json_pack("{s:s?,s:s}", "id", j->in.in.id, "error", j->err);
    j->out = o ? json_dumps(o, JSON_COMPACT) : NULL;
    j->out_len = j->out ? strlen(j->out) : 0;
    json_decref(o);
}

static void batch_run_job(batch_job *j, const cli_sum_opts *so) {
    if (j->read_failed) {
        batch_error_line(j);
        return;
    }
    chorus_cluster *c = cli_cluster_from_input(&j->in.in, so, &j->st, j->err, sizeof j->err);
    if (c) {
        chorus_summary *s = chorus_summarize(c, &so->opts);
        if (s) {
            j->out = chorus_summary_render(s, CHORUS_RENDER_JSON, &j->out_len);
            j->st = j->out ? CHORUS_OK : CHORUS_ERR_NOMEM;
            if (!j->out)
                snprintf(j->err, sizeof j->err, "out of memory");
        } else {
            j->st = CHORUS_ERR_EMPTY;
            snprintf(j->err, sizeof j->err, "%s", chorus_cluster_errmsg(c));
        }
        chorus_summary_free(s);
        chorus_cluster_free(c);
    }
    if (j->st != CHORUS_OK)
        batch_error_line(j);
}

typedef struct batch_ctx {
    batch_job *jobs;
    const cli_sum_opts *so;
} batch_ctx;

static void batch_item(void *arg, size_t i) {
    batch_ctx *ctx = arg;
    batch_run_job(&ctx->jobs[i], ctx->so);
}

static void batch_usage(FILE *f) {
    fprintf(
        f,
        "usage: chorus batch [options] [FILE]\n\n"
        "Reads clusters as JSONL (FILE, FILE.gz, or standard input; gzip is detected)\n"
        "and writes one JSON summary per input cluster, one per line, in input order,\n"
        "as it goes. Each input line is a cluster:\n"
        "  {\"id\": \"c1\", \"documents\": [\"text\", {\"text\": \"...\", \"source\": \"...\",\n"
        "   \"title\": \"...\", \"date\": \"...\", \"url\": \"...\"}]}\n"
        "A cluster that fails gives {\"id\": ..., \"error\": \"...\"} and the stream goes on.\n\n"
        "  -j, --threads N        clusters processed in parallel (default: CPU "
        "count)\n" CLI_SUM_HELP "  -h, --help             this help\n\n"
        "Examples:\n"
        "  chorus batch --words 300 < clusters.jsonl > summaries.jsonl\n"
        "  chorus batch -j 2 val.jsonl.gz | jq -r '.summary[].text'\n");
}

int cmd_batch(int argc, char **argv) {
    cli_sum_opts so;
    cli_sum_init(&so);
    so.format = CHORUS_FORMAT_JSONL;
    size_t threads = cli_default_threads();

    static const struct option own[] = {
        {"threads", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct option longopts[CLI_MAX_OPTIONS];
    if (cli_options_join(longopts, CLI_MAX_OPTIONS, own) != 0)
        return CLI_EXIT_INTERNAL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, CLI_SUM_SHORTOPTS "j:h", longopts, NULL)) != -1) {
        int r = cli_sum_option(&so, opt, optarg);
        if (r < 0)
            return CLI_EXIT_USAGE;
        if (r > 0)
            continue;
        if (opt == 'j') {
            if (cli_parse_threads(optarg, &threads) != 0)
                return CLI_EXIT_USAGE;
        } else if (opt == 'h') {
            batch_usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "Run 'chorus batch --help' for the options.\n");
            return CLI_EXIT_USAGE;
        }
    }
    if (argc - optind > 1) {
        cli_error("batch reads one input (a file or standard input)");
        return CLI_EXIT_USAGE;
    }
    const char *path = optind < argc ? argv[optind] : "-";
    int rc = cli_sum_finish(&so);
    if (rc)
        return rc;
    chorus_status st;
    char err[1024];
    chorus_reader *rd = chorus_reader_open(&path, 1, so.format, &st, err, sizeof err);
    if (!rd) {
        cli_error("%s", err);
        cli_sum_free(&so);
        return cli_exit_code(st);
    }
    size_t cap = CHUNK_PER_THREAD * threads;
    batch_job *jobs = calloc(cap, sizeof *jobs);
    if (!jobs) {
        cli_error("out of memory");
        chorus_reader_free(rd);
        cli_sum_free(&so);
        return CLI_EXIT_INTERNAL;
    }
    int done = 0;
    while (!done) {
        size_t n = 0;
        while (n < cap) {
            const chorus_input *in = NULL;
            st = chorus_reader_next(rd, &in);
            if (st != CHORUS_OK) {
                rc = rc ? rc : cli_exit_code(st);
                if (st == CHORUS_ERR_NOMEM || st == CHORUS_ERR_IO) {
                    cli_error("%s", chorus_reader_errmsg(rd));
                    done = 1;
                    break;
                }
                /* a bad line still gets its output line */
                memset(&jobs[n], 0, sizeof jobs[n]);
                jobs[n].read_failed = 1;
                jobs[n].st = st;
                snprintf(jobs[n].err, sizeof jobs[n].err, "%s", chorus_reader_errmsg(rd));
                n++;
                continue;
            }
            if (!in) {
                done = 1;
                break;
            }
            memset(&jobs[n], 0, sizeof jobs[n]);
            if (cli_input_copy(&jobs[n].in, in) != 0) {
                cli_error("out of memory");
                rc = CLI_EXIT_INTERNAL;
                done = 1;
                break;
            }
            n++;
        }
        batch_ctx ctx = {jobs, &so};
        cli_parallel_for(n, threads, batch_item, &ctx);
        for (size_t i = 0; i < n; i++) {
            batch_job *j = &jobs[i];
            if (j->st != CHORUS_OK) {
                if (!so.quiet)
                    cli_error("%s", j->err);
                rc = rc ? rc : cli_exit_code(j->st);
            }
            if (j->out && (cli_write(stdout, j->out, j->out_len) || cli_write(stdout, "\n", 1))) {
                rc = CLI_EXIT_IO;
                done = 1;
            }
            free(j->out);
            cli_input_free(&j->in);
        }
    }
    free(jobs);
    chorus_reader_free(rd);
    cli_sum_free(&so);
    if (fflush(stdout) != 0 && rc == 0) {
        cli_error("write error");
        rc = CLI_EXIT_IO;
    }
    return rc;
}
