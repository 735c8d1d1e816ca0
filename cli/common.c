/*
 * common.c - helpers shared by the subcommands: errors, number parsing, the
 * summary options, and building a cluster from one input.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_exit_code(chorus_status s) {
    switch (s) {
    case CHORUS_OK:
        return CLI_EXIT_OK;
    case CHORUS_ERR_INVALID:
        return CLI_EXIT_USAGE;
    case CHORUS_ERR_IO:
        return CLI_EXIT_IO;
    case CHORUS_ERR_NOMEM:
        return CLI_EXIT_INTERNAL;
    default:
        return CLI_EXIT_INPUT;
    }
}

void cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("chorus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_parse_size(const char *arg, const char *what, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (errno || end == arg || *end || arg[0] == '-') {
        cli_error("%s: expected a non-negative whole number, got '%s'", what, arg);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

int cli_parse_threads(const char *arg, size_t *out) {
    if (cli_parse_size(arg, "--threads", out) != 0)
        return -1;
    if (*out == 0 || *out > CLI_MAX_THREADS) {
        cli_error("--threads: expected 1 to %d", CLI_MAX_THREADS);
        return -1;
    }
    return 0;
}

int cli_parse_double(const char *arg, const char *what, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (errno || end == arg || *end || !(v >= lo && v <= hi)) {
        cli_error("%s: expected a number from %g to %g, got '%s'", what, lo, hi, arg);
        return -1;
    }
    *out = v;
    return 0;
}

enum {
    CLI_OPT_ORDER = 1000,
    CLI_OPT_TRUNCATE,
    CLI_OPT_LEXRANK_T,
    CLI_OPT_CITE_T,
    CLI_OPT_REDUNDANCY,
    CLI_OPT_IDF,
    CLI_OPT_LANGUAGE,
    CLI_OPT_KEEP_NOISE,
    CLI_OPT_QUERY,
    CLI_OPT_COMPRESS,
    CLI_OPT_PRIORS,
    CLI_OPT_ILP_TIME,
    CLI_OPT_MODEL,
};

const struct option cli_sum_longopts[] = {
    {"words", required_argument, NULL, 'w'},
    {"bytes", required_argument, NULL, 'b'},
    {"sentences", required_argument, NULL, 's'},
    {"method", required_argument, NULL, 'm'},
    {"format", required_argument, NULL, 'f'},
    {"quiet", no_argument, NULL, 'q'},
    {"order", required_argument, NULL, CLI_OPT_ORDER},
    {"truncate", no_argument, NULL, CLI_OPT_TRUNCATE},
    {"lexrank-threshold", required_argument, NULL, CLI_OPT_LEXRANK_T},
    {"cite-threshold", required_argument, NULL, CLI_OPT_CITE_T},
    {"redundancy", required_argument, NULL, CLI_OPT_REDUNDANCY},
    {"idf", required_argument, NULL, CLI_OPT_IDF},
    {"language", required_argument, NULL, CLI_OPT_LANGUAGE},
    {"keep-noise", no_argument, NULL, CLI_OPT_KEEP_NOISE},
    {"query", required_argument, NULL, CLI_OPT_QUERY},
    {"compress", required_argument, NULL, CLI_OPT_COMPRESS},
    {"priors", required_argument, NULL, CLI_OPT_PRIORS},
    {"ilp-time-limit", required_argument, NULL, CLI_OPT_ILP_TIME},
    {"model", required_argument, NULL, CLI_OPT_MODEL},
    {NULL, 0, NULL, 0},
};

int cli_options_join(struct option *dst, size_t cap, const struct option *extra) {
    size_t n = 0;
    for (const struct option *src = cli_sum_longopts; src->name; src++) {
        if (n + 1 >= cap)
            return -1;
        dst[n++] = *src;
    }
    for (; extra && extra->name; extra++) {
        if (n + 1 >= cap)
            return -1;
        dst[n++] = *extra;
    }
    dst[n] = (struct option){NULL, 0, NULL, 0};
    return 0;
}

void cli_sum_init(cli_sum_opts *o) {
    memset(o, 0, sizeof *o);
    chorus_options_init(&o->opts);
    chorus_cluster_config_init(&o->cfg);
    o->format = CHORUS_FORMAT_AUTO;
}

/* Parses a comma-separated list of names[] (bit 1 << k each), "all" or
 * "none" into *out; prints an error naming 'what' and returns -1 on an
 * unknown name. */
static int common_parse_bits(const char *arg, const char *what, const char *const *names,
                             size_t n_names, unsigned *out) {
    unsigned bits = 0;
    const char *p = arg;
    while (*p) {
        size_t len = strcspn(p, ",");
        size_t k = 0;
        if (len == 3 && !strncmp(p, "all", 3))
            bits |= (1u << n_names) - 1;
        else if (!(len == 4 && !strncmp(p, "none", 4))) {
            while (k < n_names && !(strlen(names[k]) == len && !strncmp(p, names[k], len)))
                k++;
            if (k == n_names) {
                cli_error("%s: unknown name '%.*s' in '%s'", what, (int)len, p, arg);
                return -1;
            }
            bits |= 1u << k;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    *out = bits;
    return 0;
}

static const char *const common_compress_names[] = {"dateline", "connective", "paren", "attrib",
                                                    "spacing"};
static const char *const common_prior_names[] = {"position", "support", "length", "context"};

int cli_sum_option(cli_sum_opts *o, int opt, const char *arg) {
    int m;
    switch (opt) {
    case 'w':
        o->opts.bytes = o->opts.sentences = 0;
        return cli_parse_size(arg, "--words", &o->opts.words) ? -1 : 1;
    case 'b':
        o->opts.words = o->opts.sentences = 0;
        return cli_parse_size(arg, "--bytes", &o->opts.bytes) ? -1 : 1;
    case 's':
        o->opts.words = o->opts.bytes = 0;
        return cli_parse_size(arg, "--sentences", &o->opts.sentences) ? -1 : 1;
    case 'm':
        if ((m = chorus_method_parse(arg)) < 0) {
            cli_error("--method: unknown method '%s' (default, lexrank, centroid, mmr, "
                      "submodular, lead, ilp)",
                      arg);
            return -1;
        }
        o->opts.method = (chorus_method)m;
        return 1;
    case 'f':
        if ((m = chorus_format_parse(arg)) < 0) {
            cli_error("--format: unknown format '%s' (auto, text, jsonl, multinews, duc, html)",
                      arg);
            return -1;
        }
        o->format = (chorus_format)m;
        return 1;
    case 'q':
        o->quiet = 1;
        return 1;
    case CLI_OPT_ORDER:
        if (!strcmp(arg, "position"))
            o->opts.order = CHORUS_ORDER_POSITION;
        else if (!strcmp(arg, "score"))
            o->opts.order = CHORUS_ORDER_SCORE;
        else {
            cli_error("--order: expected 'position' or 'score', got '%s'", arg);
            return -1;
        }
        return 1;
    case CLI_OPT_TRUNCATE:
        o->opts.truncate_last = 1;
        return 1;
    case CLI_OPT_LEXRANK_T:
        return cli_parse_double(arg, "--lexrank-threshold", 0, 0.999, &o->opts.lexrank_threshold)
                   ? -1
                   : 1;
    case CLI_OPT_CITE_T:
        return cli_parse_double(arg, "--cite-threshold", 0, 1, &o->opts.cite_threshold) ? -1 : 1;
    case CLI_OPT_REDUNDANCY:
        return cli_parse_double(arg, "--redundancy", 0, 1, &o->opts.redundancy) ? -1 : 1;
    case CLI_OPT_IDF:
        o->idf_path = arg;
        return 1;
    case CLI_OPT_LANGUAGE:
        o->cfg.language = arg;
        return 1;
    case CLI_OPT_KEEP_NOISE:
        o->cfg.keep_noise = 1;
        return 1;
    case CLI_OPT_QUERY:
        o->opts.query = arg;
        return 1;
    case CLI_OPT_COMPRESS:
        return common_parse_bits(arg, "--compress", common_compress_names, 5, &o->opts.compress)
                   ? -1
                   : 1;
    case CLI_OPT_PRIORS:
        return common_parse_bits(arg, "--priors", common_prior_names, 4, &o->opts.priors) ? -1 : 1;
    case CLI_OPT_ILP_TIME:
        return cli_parse_double(arg, "--ilp-time-limit", 0, 3600, &o->opts.ilp_time_limit) ? -1 : 1;
    case CLI_OPT_MODEL:
        o->model_path = arg;
        return 1;
    default:
        return 0;
    }
}

int cli_sum_finish(cli_sum_opts *o) {
    chorus_status st;
    chorus_cluster *probe = chorus_cluster_new2(&o->cfg, &st);
    if (!probe) {
        if (st == CHORUS_ERR_INVALID)
            cli_error("--language: no stemmer for '%s'", o->cfg.language);
        else
            cli_error("%s", chorus_status_str(st));
        return cli_exit_code(st);
    }
    chorus_cluster_free(probe);
    if (o->idf_path) {
        char err[512];
        o->idf = chorus_idf_load(o->idf_path, &st, err, sizeof err);
        if (!o->idf) {
            cli_error("%s", err);
            return cli_exit_code(st);
        }
        o->opts.idf = o->idf;
    }
    if (o->model_path) {
        FILE *f = fopen(o->model_path, "rb");
        char err[512];
        size_t len = 0, cap = 0;
        char *text = NULL;
        if (!f) {
            cli_error("--model: cannot open '%s': %s", o->model_path, strerror(errno));
            cli_sum_free(o); /* the IDF model loaded above */
            return CLI_EXIT_IO;
        }
        for (;;) {
            if (len == cap) {
                char *p = cap < (1u << 20) ? realloc(text, cap = cap ? cap * 2 : 4096) : NULL;
                if (!p) {
                    free(text);
                    fclose(f);
                    cli_error("--model: '%s' is too large for a model", o->model_path);
                    cli_sum_free(o);
                    return CLI_EXIT_INPUT;
                }
                text = p;
            }
            size_t got = fread(text + len, 1, cap - len, f);
            len += got;
            if (got == 0)
                break;
        }
        int bad = ferror(f);
        fclose(f);
        if (bad) {
            free(text);
            cli_error("--model: cannot read '%s'", o->model_path);
            cli_sum_free(o);
            return CLI_EXIT_IO;
        }
        if (chorus_model_check(text, len, err, sizeof err) != CHORUS_OK) {
            free(text);
            cli_error("--model: %s: %s", o->model_path, err);
            cli_sum_free(o);
            return CLI_EXIT_INPUT;
        }
        o->model_text = text;
        o->opts.model = text;
        o->opts.model_len = len;
    }
    return 0;
}

void cli_sum_free(cli_sum_opts *o) {
    chorus_idf_free(o->idf);
    o->idf = NULL;
    free(o->model_text);
    o->model_text = NULL;
}

/* Reports a failure to build a cluster: into err when given, else stderr. */
static void common_fail(char *err, size_t errlen, const char *name, const char *msg) {
    if (err)
        snprintf(err, errlen, "%s%s%s", name ? name : "", name ? ": " : "", msg);
    else if (name)
        cli_error("%s: %s", name, msg);
    else
        cli_error("%s", msg);
}

chorus_cluster *cli_cluster_from_input(const chorus_input *in, const cli_sum_opts *o,
                                       chorus_status *status, char *err, size_t errlen) {
    chorus_cluster *c = chorus_cluster_new2(&o->cfg, status);
    if (!c) {
        common_fail(err, errlen, in->id, chorus_status_str(*status));
        return NULL;
    }
    if (in->id && (*status = chorus_cluster_set_id(c, in->id)) != CHORUS_OK) {
        common_fail(err, errlen, in->id, chorus_cluster_errmsg(c));
        chorus_cluster_free(c);
        return NULL;
    }
    for (size_t i = 0; i < in->n_docs; i++) {
        const chorus_input_doc *d = &in->docs[i];
        char label[64];
        const char *name = d->meta.id;
        if (!name) {
            snprintf(label, sizeof label, "%s%sdocument %zu", in->id ? in->id : "",
                     in->id ? ": " : "", i + 1);
            name = label;
        }
        *status = chorus_cluster_add(c, d->text, d->len, &d->meta);
        if (*status != CHORUS_OK) {
            common_fail(err, errlen, name, chorus_cluster_errmsg(c));
            chorus_cluster_free(c);
            return NULL;
        }
        chorus_doc_info info;
        if (o->quiet || chorus_cluster_doc(c, i, &info) != CHORUS_OK)
            continue;
        if (info.n_replaced)
            cli_error("%s: warning: %zu invalid UTF-8 sequence%s replaced with U+FFFD", name,
                      info.n_replaced, info.n_replaced == 1 ? "" : "s");
        if (!info.n_sentences)
            cli_error("%s: warning: nothing but page furniture (%zu range%s removed; "
                      "--keep-noise keeps it)",
                      name, info.n_removed, info.n_removed == 1 ? "" : "s");
    }
    *status = CHORUS_OK;
    return c;
}

int cli_write(FILE *f, const char *s, size_t n) {
    if (fwrite(s, 1, n, f) != n) {
        cli_error("write error: %s", strerror(errno));
        return CLI_EXIT_IO;
    }
    return 0;
}

static size_t common_strsize(const char *s) {
    return s ? strlen(s) + 1 : 0;
}

static const char *common_strcpy(char **p, const char *s) {
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = memcpy(*p, s, n);
    *p += n;
    return d;
}

int cli_input_copy(cli_input *dst, const chorus_input *in) {
    size_t total = in->n_docs * sizeof(chorus_input_doc) + in->n_refs * sizeof(char *) +
                   common_strsize(in->id) + common_strsize(in->query);
    for (size_t i = 0; i < in->n_refs; i++)
        total += common_strsize(in->refs[i]);
    for (size_t i = 0; i < in->n_docs; i++) {
        const chorus_doc_meta *m = &in->docs[i].meta;
        total += in->docs[i].len + 1 + common_strsize(m->id) + common_strsize(m->source) +
                 common_strsize(m->title) + common_strsize(m->date) + common_strsize(m->url);
    }
    memset(dst, 0, sizeof *dst);
    dst->mem = malloc(total ? total : 1);
    if (!dst->mem)
        return -1;
    chorus_input_doc *docs = dst->mem;
    const char **refs = (const char **)(docs + in->n_docs);
    char *p = (char *)(refs + in->n_refs);
    dst->in = *in;
    dst->in.id = common_strcpy(&p, in->id);
    dst->in.query = common_strcpy(&p, in->query);
    for (size_t i = 0; i < in->n_refs; i++)
        refs[i] = common_strcpy(&p, in->refs[i]);
    for (size_t i = 0; i < in->n_docs; i++) {
        const chorus_input_doc *d = &in->docs[i];
        chorus_input_doc *c = &docs[i];
        c->meta.id = common_strcpy(&p, d->meta.id);
        c->meta.source = common_strcpy(&p, d->meta.source);
        c->meta.title = common_strcpy(&p, d->meta.title);
        c->meta.date = common_strcpy(&p, d->meta.date);
        c->meta.url = common_strcpy(&p, d->meta.url);
        if (d->len)
            memcpy(p, d->text, d->len);
        p[d->len] = '\0';
        c->text = p;
        c->len = d->len;
        p += d->len + 1;
    }
    dst->in.docs = docs;
    dst->in.refs = refs;
    return 0;
}

void cli_input_free(cli_input *c) {
    free(c->mem);
    memset(c, 0, sizeof *c);
}
