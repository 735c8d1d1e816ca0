/*
 * cmd_eval.c - `chorus eval`: summarize every cluster of a benchmark and
 * score the summaries against the references with chorus's ROUGE.
 *
 * Clusters stream in chunks: the worker threads summarize a chunk (and put
 * the references one sentence per line, as ROUGE reads them), then the
 * main thread adds the chunk's evaluations in input order, so the figures
 * do not depend on the number of threads.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define EVAL_CHUNK_PER_THREAD 32
#define EVAL_DEFAULT_FLAGS "-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0"

typedef struct eval_job {
    cli_input in;
    char *peer; /* summary, one sentence per line */
    size_t peer_len;
    char **refs; /* (n_refs) one sentence per line */
    size_t *ref_lens;
    chorus_status st;
    char err[512];
    int furniture_only; /* every report was page furniture: scored as an empty summary */
} eval_job;

typedef struct eval_ctx {
    eval_job *jobs;
    const cli_sum_opts *so;
    int use_topic; /* --use-topic: each cluster's own topic as the query */
} eval_ctx;

/* True when the cluster has reports and cleaning left no sentence in any
 * of them (every report was page furniture). */
static int eval_furniture_only(const chorus_cluster *c) {
    size_t n = chorus_cluster_size(c);
    for (size_t i = 0; i < n; i++) {
        chorus_doc_info d;
        if (chorus_cluster_doc(c, i, &d) != CHORUS_OK || d.n_sentences > 0)
            return 0;
    }
    return n > 0;
}

static void eval_item(void *arg, size_t i) {
    eval_ctx *ctx = arg;
    eval_job *j = &ctx->jobs[i];
    const chorus_input *in = &j->in.in;
    if (in->n_refs == 0) {
        j->st = CHORUS_ERR_FORMAT;
        snprintf(j->err, sizeof j->err, "%s: no reference summary", in->id ? in->id : "cluster");
        return;
    }
    chorus_cluster *c = cli_cluster_from_input(in, ctx->so, &j->st, j->err, sizeof j->err);
    if (!c)
        return;
    chorus_options o = ctx->so->opts;
    if (ctx->use_topic && in->query && !o.query)
        o.query = in->query;
    chorus_summary *s = chorus_summarize(c, &o);
    if (s) {
        j->peer = chorus_summary_render(s, CHORUS_RENDER_SENTENCES, &j->peer_len);
    } else if (eval_furniture_only(c)) {
        /* nothing but page furniture: the summary is empty, and it counts */
        j->furniture_only = 1;
        j->peer = calloc(1, 1);
        j->peer_len = 0;
    } else {
        snprintf(j->err, sizeof j->err, "%s: %s", in->id ? in->id : "cluster",
                 chorus_cluster_errmsg(c));
    }
    chorus_summary_free(s);
    chorus_cluster_free(c);
    j->refs = calloc(in->n_refs, sizeof *j->refs);
    j->ref_lens = calloc(in->n_refs, sizeof *j->ref_lens);
    int ok = j->peer && j->refs && j->ref_lens;
    for (size_t r = 0; ok && r < in->n_refs; r++) {
        j->refs[r] = chorus_split_sentences(in->refs[r], strlen(in->refs[r]), &j->ref_lens[r]);
        ok = j->refs[r] != NULL;
    }
    j->st = ok ? CHORUS_OK : (s || j->furniture_only ? CHORUS_ERR_NOMEM : CHORUS_ERR_EMPTY);
    if (!ok && (s || j->furniture_only))
        snprintf(j->err, sizeof j->err, "out of memory");
}

static void eval_job_free(eval_job *j) {
    for (size_t r = 0; j->refs && r < j->in.in.n_refs; r++)
        free(j->refs[r]);
    free(j->refs);
    free(j->ref_lens);
    free(j->peer);
    cli_input_free(&j->in);
    memset(j, 0, sizeof *j);
}

/* Writes DIR/<id>.txt; ids become file names with '/' replaced. */
static int eval_save(const char *dir, const char *id, size_t index, const char *text, size_t len) {
    char name[512], path[4096];
    snprintf(name, sizeof name, "%s", id ? id : "");
    if (!name[0])
        snprintf(name, sizeof name, "cluster-%zu", index + 1);
    for (char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            *p = '_';
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        return CLI_EXIT_IO;
    }
    return 0;
}

static void eval_usage(FILE *f) {
    fprintf(f,
            "usage: chorus eval [options] DATASET...\n\n"
            "Summarizes every cluster of a benchmark and scores the summaries against its\n"
            "reference summaries with chorus's ROUGE (identical to ROUGE-1.5.5; see\n"
            "'chorus rouge --help'). DATASET: Multi-News JSONL ({\"documents\", \"summary\"}),\n"
            "the Multi-News .src/.tgt line files, a DUC directory (references from\n"
            "../models), or any JSONL with \"references\".\n\n"
            "Evaluation options:\n"
            "      --rouge-flags F    ROUGE-1.5.5 flags (default \"" EVAL_DEFAULT_FLAGS "\",\n"
            "                         plus -l N or -b N from the summary budget)\n"
            "      --wordnet-dir DIR  WordNet exception lists for stemming (default %s)\n"
            "      --stopwords FILE   stopword list for -s\n"
            "      --report           print ROUGE-1.5.5's own report instead of the table\n"
            "      --json             print the scores as JSON\n"
            "      --out DIR          keep every summary in DIR/<cluster-id>.txt\n"
            "      --limit N          only the first N clusters\n"
            "      --use-topic        bias each summary toward its cluster's topic statement\n"
            "                         (DUC topics, JSONL \"query\"; --query wins)\n"
            "  -j, --threads N        clusters summarized in parallel (default: CPU count)\n"
            "      --no-truncate      whole sentences only (default: the last sentence is cut\n"
            "                         to fill the budget, as ROUGE's -l/-b cut a "
            "summary)\n" CLI_SUM_HELP "  -h, --help             this help\n\n"
            "Examples:\n"
            "  chorus eval --words 300 val.jsonl.gz\n"
            "  chorus eval --words 100 --method lexrank --out /tmp/sums val.jsonl.gz\n"
            "  chorus eval --words 250 --rouge-flags \"-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5"
            " -t 0\" duc2006/docs\n",
            CHORUS_ROUGE_WORDNET_DIR);
}

enum {
    EVAL_FLAGS = 3000,
    EVAL_WORDNET,
    EVAL_STOPWORDS,
    EVAL_REPORT,
    EVAL_JSON,
    EVAL_OUT,
    EVAL_LIMIT,
    EVAL_NO_TRUNCATE,
    EVAL_USE_TOPIC
};

static void eval_progress(size_t done, double secs, int final) {
    fprintf(stderr, "\rchorus eval: %zu clusters, %.1f s, %.0f clusters/s%s", done, secs,
            secs > 0 ? done / secs : 0.0, final ? "\n" : "");
    fflush(stderr);
}

static double eval_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Prints the averages as a table: metric, recall, precision, F1. */
static void eval_table(const chorus_rouge *r, size_t n, double secs, const char *flags) {
    printf("%zu clusters, %.2f s (%.0f clusters/s); ROUGE-1.5.5 flags: %s\n\n", n, secs,
           secs > 0 ? n / secs : 0.0, flags);
    printf("%-12s %9s %9s %9s   95%% interval of F\n", "metric", "recall", "precision", "F1");
    for (size_t m = 0; m < chorus_rouge_metric_count(r); m++) {
        chorus_rouge_average a;
        if (chorus_rouge_average_of(r, m, &a) != CHORUS_OK)
            continue;
        printf("%-12s %9.5f %9.5f %9.5f   %.5f - %.5f\n", chorus_rouge_metric_name(r, m), a.recall,
               a.precision, a.f, a.f_ci[0], a.f_ci[1]);
    }
}

int cmd_eval(int argc, char **argv) {
    cli_sum_opts so;
    cli_sum_init(&so);
    so.quiet = 1;
    so.opts.truncate_last = 1;
    size_t threads = cli_default_threads(), limit = 0;
    const char *flags = EVAL_DEFAULT_FLAGS, *wordnet = CHORUS_ROUGE_WORDNET_DIR, *stopwords = NULL,
               *out_dir = NULL;
    int as_report = 0, as_json = 0, use_topic = 0;

    static const struct option own[] = {
        {"rouge-flags", required_argument, NULL, EVAL_FLAGS},
        {"wordnet-dir", required_argument, NULL, EVAL_WORDNET},
        {"stopwords", required_argument, NULL, EVAL_STOPWORDS},
        {"report", no_argument, NULL, EVAL_REPORT},
        {"json", no_argument, NULL, EVAL_JSON},
        {"out", required_argument, NULL, EVAL_OUT},
        {"limit", required_argument, NULL, EVAL_LIMIT},
        {"no-truncate", no_argument, NULL, EVAL_NO_TRUNCATE},
        {"use-topic", no_argument, NULL, EVAL_USE_TOPIC},
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
        switch (opt) {
        case EVAL_FLAGS:
            flags = optarg;
            break;
        case EVAL_WORDNET:
            wordnet = optarg;
            break;
        case EVAL_STOPWORDS:
            stopwords = optarg;
            break;
        case EVAL_REPORT:
            as_report = 1;
            break;
        case EVAL_JSON:
            as_json = 1;
            break;
        case EVAL_OUT:
            out_dir = optarg;
            break;
        case EVAL_LIMIT:
            if (cli_parse_size(optarg, "--limit", &limit) != 0)
                return CLI_EXIT_USAGE;
            break;
        case EVAL_NO_TRUNCATE:
            so.opts.truncate_last = 0;
            break;
        case EVAL_USE_TOPIC:
            use_topic = 1;
            break;
        case 'j':
            if (cli_parse_threads(optarg, &threads) != 0)
                return CLI_EXIT_USAGE;
            break;
        case 'h':
            eval_usage(stdout);
            return 0;
        default:
            fprintf(stderr, "Run 'chorus eval --help' for the options.\n");
            return CLI_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        eval_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (!so.opts.words && !so.opts.bytes && !so.opts.sentences)
        so.opts.words = 100;
    if (out_dir && mkdir(out_dir, 0777) != 0 && errno != EEXIST) {
        cli_error("%s: %s", out_dir, strerror(errno));
        return CLI_EXIT_IO;
    }

    /* ROUGE set-up: the flags, the summary budget as -l / -b, the word lists */
    char err[1024];
    chorus_rouge_config cfg;
    chorus_rouge_config_init(&cfg);
    if (chorus_rouge_config_parse(&cfg, flags, err, sizeof err) != CHORUS_OK) {
        cli_error("--rouge-flags: %s", err);
        return CLI_EXIT_USAGE;
    }
    if (!cfg.max_words && !cfg.max_bytes) {
        cfg.max_words = so.opts.words;
        cfg.max_bytes = so.opts.words ? 0 : so.opts.bytes;
    }
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    if (!lex) {
        cli_error("out of memory");
        return CLI_EXIT_INTERNAL;
    }
    if ((cfg.stem && chorus_rouge_lexicon_load_wordnet(lex, wordnet) != CHORUS_OK) ||
        (stopwords && chorus_rouge_lexicon_load_stopwords(lex, stopwords) != CHORUS_OK)) {
        cli_error("%s%s", chorus_rouge_lexicon_errmsg(lex),
                  cfg.stem ? " (install wordnet-base, or give --wordnet-dir)" : "");
        chorus_rouge_lexicon_free(lex);
        return CLI_EXIT_IO;
    }
    if (cfg.remove_stopwords && !stopwords) {
        cli_error("-s needs --stopwords FILE");
        chorus_rouge_lexicon_free(lex);
        return CLI_EXIT_USAGE;
    }
    cfg.lexicon = lex;
    chorus_status st;
    chorus_rouge *rouge = chorus_rouge_new(&cfg, &st, err, sizeof err);
    char *used_flags = chorus_rouge_config_flags(&cfg);
    int rc = cli_sum_finish(&so);
    chorus_reader *rd = NULL;
    eval_job *jobs = NULL;
    if (!rouge || !used_flags) {
        cli_error("%s", rouge ? "out of memory" : err);
        rc = rouge ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
    }
    if (!rc) {
        rd = chorus_reader_open((const char *const *)argv + optind, (size_t)(argc - optind),
                                so.format, &st, err, sizeof err);
        if (!rd) {
            cli_error("%s", err);
            rc = cli_exit_code(st);
        }
    }
    size_t cap = EVAL_CHUNK_PER_THREAD * threads, n_done = 0, n_failed = 0, n_furniture = 0;
    if (!rc && !(jobs = calloc(cap, sizeof *jobs))) {
        cli_error("out of memory");
        rc = CLI_EXIT_INTERNAL;
    }
    int tty = isatty(STDERR_FILENO);
    double t0 = eval_now();
    int done = rc != 0;
    while (!done) {
        size_t n = 0;
        while (n < cap && !(limit && n_done + n_failed + n >= limit)) {
            const chorus_input *in = NULL;
            st = chorus_reader_next(rd, &in);
            if (st != CHORUS_OK) {
                cli_error("%s", chorus_reader_errmsg(rd));
                n_failed++;
                rc = rc ? rc : cli_exit_code(st);
                if (st == CHORUS_ERR_NOMEM || st == CHORUS_ERR_IO)
                    break;
                continue;
            }
            if (!in)
                break;
            if (cli_input_copy(&jobs[n].in, in) != 0) {
                rc = CLI_EXIT_INTERNAL;
                break;
            }
            n++;
        }
        if (n < cap || rc == CLI_EXIT_INTERNAL)
            done = 1;
        eval_ctx ctx = {jobs, &so, use_topic};
        cli_parallel_for(n, threads, eval_item, &ctx);
        for (size_t i = 0; i < n; i++) {
            eval_job *j = &jobs[i];
            char idbuf[32];
            const char *id = j->in.in.id;
            if (!id) {
                snprintf(idbuf, sizeof idbuf, "cluster-%zu", n_done + n_failed + 1);
                id = idbuf;
            }
            if (j->st == CHORUS_OK &&
                chorus_rouge_add(rouge, id, j->peer, j->peer_len, (const char *const *)j->refs,
                                 j->ref_lens, j->in.in.n_refs) != CHORUS_OK) {
                snprintf(j->err, sizeof j->err, "%s: %s", id, chorus_rouge_errmsg(rouge));
                j->st = CHORUS_ERR_FORMAT;
            }
            if (j->st != CHORUS_OK) {
                cli_error("%s", j->err);
                n_failed++;
                rc = rc ? rc : cli_exit_code(j->st);
            } else {
                n_done++;
                n_furniture += (size_t)j->furniture_only;
                if (out_dir && !rc)
                    rc = eval_save(out_dir, j->in.in.id, n_done - 1, j->peer, j->peer_len);
            }
            eval_job_free(j);
        }
        if (tty)
            eval_progress(n_done, eval_now() - t0, 0);
        if (rc == CLI_EXIT_IO)
            done = 1;
    }
    double secs = eval_now() - t0;
    if (tty && rouge)
        eval_progress(n_done, secs, 1);
    if (rouge && n_done && rc != CLI_EXIT_INTERNAL) {
        if (as_report || as_json) {
            size_t len;
            char *text =
                chorus_rouge_report(rouge, as_json ? CHORUS_ROUGE_JSON : CHORUS_ROUGE_TEXT, &len);
            if (text)
                rc = cli_write(stdout, text, len) ? CLI_EXIT_IO : rc;
            free(text);
        } else {
            eval_table(rouge, n_done, secs, used_flags);
        }
    }
    if (n_furniture)
        fprintf(stderr,
                "chorus eval: %zu cluster%s held nothing but page furniture: scored as empty "
                "summaries\n",
                n_furniture, n_furniture == 1 ? "" : "s");
    if (n_failed)
        fprintf(stderr, "chorus eval: %zu cluster%s could not be evaluated\n", n_failed,
                n_failed == 1 ? "" : "s");
    free(jobs);
    free(used_flags);
    chorus_reader_free(rd);
    chorus_rouge_free(rouge);
    chorus_rouge_lexicon_free(lex);
    cli_sum_free(&so);
    return rc;
}
