/*
 * cmd_rouge.c - `chorus rouge`: ROUGE-1.5.5's scores without Perl.
 *
 * Reads the evaluations (a peer and its references; a pairs file; or a
 * directory of peers and one of references matched by name), feeds them to
 * the library's evaluator and prints its report. Both ROUGE-1.5.5's short
 * flags and readable long options are accepted; the short flags go to the
 * library one by one (chorus_rouge_config_set), so they mean exactly what
 * they mean to the library.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chorus.h"
#include "cli.h"

static void crouge_usage(FILE *f) {
    fprintf(f,
            "usage: chorus rouge [options] PEER REFERENCE...\n"
            "       chorus rouge [options] --pairs FILE\n"
            "       chorus rouge [options] PEER_DIR REFERENCE_DIR\n"
            "\n"
            "Scores summaries against reference summaries exactly as ROUGE-1.5.5 does\n"
            "(same tokenizer, stemmer, truncation, averages and confidence intervals) and\n"
            "prints ROUGE-1.5.5's report. Files hold one sentence per line.\n"
            "\n"
            "Inputs:\n"
            "  PEER REFERENCE...    one evaluation, named after the peer file\n"
            "  --pairs FILE         one evaluation per line: the peer file, then its\n"
            "                       references, separated by tabs; relative paths are\n"
            "                       taken from FILE's directory; '#' starts a comment\n"
            "  PEER_DIR REF_DIR     every file of PEER_DIR against the files of REF_DIR\n"
            "                       whose name has the same part before the first '.'\n"
            "                       (peers/d061.txt <-> refs/d061.A.txt, refs/d061.B.txt)\n"
            "\n"
            "Options (ROUGE-1.5.5 flag, then its readable form):\n"
            "  -n N   --ngram N            ROUGE-1 .. ROUGE-N (default 2; 0 = none)\n"
            "  -m     --stem               stem: WordNet exceptions, then Porter\n"
            "  -s     --remove-stopwords   drop stopwords (needs --stopwords FILE)\n"
            "  -l N   --max-words N        use only the first N words of each summary\n"
            "  -b N   --max-bytes N        use only the first N bytes of each summary\n"
            "  -f A|B --best-reference     B: score against the best reference only\n"
            "                              (A, the default, pools all references)\n"
            "  -p A   --alpha A            F = 1/(A/P + (1-A)/R); default 0.5\n"
            "  -t T   --counting T         0|eval: average per evaluation (default);\n"
            "                              1|token: pool counts; 2|raw: counts only\n"
            "  -2 N   --skip-gap N         ROUGE-S with at most N words between the pair\n"
            "                              (N < 0: any distance)\n"
            "  -u     --skip-unigrams      ROUGE-SU instead of ROUGE-S\n"
            "  -U     --skip-both          ROUGE-S and ROUGE-SU\n"
            "  -w W   --wlcs-weight W      also ROUGE-W with weight W (e.g. 1.2)\n"
            "  -x     --no-rouge-l         no ROUGE-L\n"
            "  -c C   --confidence C       C%% confidence intervals (default 95)\n"
            "  -r R   --resamples R        bootstrap samples (default 1000; 0 = none)\n"
            "         --seed S             seed of the bootstrap (default 0, ROUGE-1.5.5's)\n"
            "  -d     --per-eval           list every evaluation's scores\n"
            "  -a                          accepted and ignored (one system is scored)\n"
            "  -e DIR --data-dir DIR       ROUGE-1.5.5's data directory: its\n"
            "                              smart_common_words.txt and its\n"
            "                              WordNet-2.0-Exceptions/ directory\n"
            "         --wordnet-dir DIR    WordNet .exc files (default %s;\n"
            "                              'none': Porter only)\n"
            "         --stopwords FILE     stopword list, one word per line\n"
            "         --system-id ID       system id in the report (default 1)\n"
            "         --json               a JSON document instead of the report\n"
            "  -h     --help               this text\n"
            "\n"
            "Examples:\n"
            "  chorus rouge -n 2 -m -l 100 -d summary.txt ref1.txt ref2.txt\n"
            "  chorus rouge --ngram 2 --stem --max-words 100 --per-eval summary.txt ref1.txt\n"
            "  chorus rouge -c 95 -2 4 -U -r 1000 -n 4 -w 1.2 -a -m -d -l 300 --pairs pairs.tsv\n"
            "  chorus rouge --stem --remove-stopwords --stopwords smart_common_words.txt \\\n"
            "               --max-bytes 665 --json peers/ refs/\n"
            "\n"
            "Exit status: 0 ok, 1 bad input, 2 usage error, 3 I/O error, 4 out of memory.\n",
            CHORUS_ROUGE_WORDNET_DIR);
}

/* ------------------------------------------------------------ files */

static char *crouge_read_file(const char *path, size_t *len, int *is_dir) {
    struct stat st;
    *is_dir = 0;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        *is_dir = 1;
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        if (got == 0)
            break;
        n += got;
    }
    int err = ferror(f);
    fclose(f);
    if (!buf || err) {
        free(buf);
        errno = err ? EIO : ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int crouge_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *crouge_basename(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Evaluation id of a peer file: its name without the last extension. */
static char *crouge_id_of(const char *path) {
    const char *b = crouge_basename(path);
    size_t n = strlen(b);
    const char *dot = strrchr(b, '.');
    if (dot && dot != b)
        n = (size_t)(dot - b);
    char *id = malloc(n + 1);
    if (id) {
        memcpy(id, b, n);
        id[n] = '\0';
    }
    return id;
}

static char *crouge_join(const char *dir, const char *name) {
    if (name[0] == '/' || !dir || !*dir) {
        char *s = malloc(strlen(name) + 1);
        if (s)
            strcpy(s, name);
        return s;
    }
    size_t n = strlen(dir) + strlen(name) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", dir, name);
    return s;
}

/* Scores one evaluation from files; returns an exit code. */
static int crouge_eval_files(chorus_rouge *r, const char *id, const char *peer_path,
                             char *const *ref_paths, size_t n_refs) {
    int code = CLI_EXIT_OK, is_dir;
    size_t peer_len = 0;
    char *peer = crouge_read_file(peer_path, &peer_len, &is_dir);
    char **refs = calloc(n_refs ? n_refs : 1, sizeof *refs);
    size_t *lens = calloc(n_refs ? n_refs : 1, sizeof *lens);
    if (!refs || !lens) {
        fprintf(stderr, "chorus rouge: out of memory\n");
        code = CLI_EXIT_INTERNAL;
        goto done;
    }
    if (!peer) {
        fprintf(stderr, "chorus rouge: cannot read %s: %s\n", peer_path,
                is_dir ? "is a directory" : strerror(errno));
        code = CLI_EXIT_IO;
        goto done;
    }
    for (size_t k = 0; k < n_refs; k++) {
        refs[k] = crouge_read_file(ref_paths[k], &lens[k], &is_dir);
        if (!refs[k]) {
            fprintf(stderr, "chorus rouge: cannot read %s: %s\n", ref_paths[k],
                    is_dir ? "is a directory" : strerror(errno));
            code = CLI_EXIT_IO;
            goto done;
        }
    }
    chorus_status st =
        chorus_rouge_add(r, id, peer, peer_len, (const char *const *)refs, lens, n_refs);
    if (st != CHORUS_OK) {
        fprintf(stderr, "chorus rouge: %s: %s\n", peer_path, chorus_rouge_errmsg(r));
        code = cli_exit_code(st);
    }
done:
    free(peer);
    if (refs)
        for (size_t k = 0; k < n_refs; k++)
            free(refs[k]);
    free(refs);
    free(lens);
    return code;
}

/* --pairs FILE */
static int crouge_eval_pairs(chorus_rouge *r, const char *path) {
    size_t len;
    int is_dir;
    char *text = crouge_read_file(path, &len, &is_dir);
    if (!text) {
        fprintf(stderr, "chorus rouge: cannot read %s: %s\n", path,
                is_dir ? "is a directory" : strerror(errno));
        return CLI_EXIT_IO;
    }
    char *dir = malloc(strlen(path) + 1);
    if (!dir) {
        free(text);
        return CLI_EXIT_INTERNAL;
    }
    strcpy(dir, path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");

    int code = CLI_EXIT_OK;
    size_t line_no = 0, n_evals = 0;
    char *save = text;
    while (code == CLI_EXIT_OK && save && *save) {
        char *line = save;
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = '\0';
            save = nl + 1;
        } else {
            save = NULL;
        }
        line_no++;
        size_t ll = strlen(line);
        while (ll > 0 && (line[ll - 1] == '\r' || line[ll - 1] == ' ' || line[ll - 1] == '\t'))
            line[--ll] = '\0';
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || *line == '#')
            continue;
        /* fields: tab-separated, or space-separated when the line has no tab */
        const char *seps = strchr(line, '\t') ? "\t" : " ";
        char *fields[1024];
        size_t nf = 0;
        for (char *p = strtok(line, seps); p && nf < 1024; p = strtok(NULL, seps))
            fields[nf++] = p;
        if (nf < 2) {
            fprintf(stderr, "chorus rouge: %s:%zu: a peer and at least one reference needed\n",
                    path, line_no);
            code = CLI_EXIT_INPUT;
            break;
        }
        char *paths[1024];
        size_t np = 0;
        for (; np < nf; np++) {
            paths[np] = crouge_join(dir, fields[np]);
            if (!paths[np]) {
                code = CLI_EXIT_INTERNAL;
                break;
            }
        }
        char *id = code == CLI_EXIT_OK ? crouge_id_of(paths[0]) : NULL;
        if (code == CLI_EXIT_OK && !id)
            code = CLI_EXIT_INTERNAL;
        if (code == CLI_EXIT_OK)
            code = crouge_eval_files(r, id, paths[0], paths + 1, np - 1);
        free(id);
        for (size_t k = 0; k < np; k++)
            free(paths[k]);
        n_evals++;
    }
    if (code == CLI_EXIT_OK && n_evals == 0) {
        fprintf(stderr, "chorus rouge: %s lists no evaluation\n", path);
        code = CLI_EXIT_INPUT;
    }
    free(dir);
    free(text);
    return code;
}

/* Sorted names of the regular, non-hidden files of a directory. */
static int crouge_cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **crouge_list_dir(const char *dir, size_t *n) {
    DIR *d = opendir(dir);
    *n = 0;
    if (!d)
        return NULL;
    size_t cap = 64;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while (names && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *full = crouge_join(dir, e->d_name);
        int regular = full && !crouge_is_dir(full);
        free(full);
        if (!regular)
            continue;
        if (*n == cap) {
            char **nn = realloc(names, cap * 2 * sizeof *nn);
            if (!nn)
                break;
            names = nn;
            cap *= 2;
        }
        names[*n] = malloc(strlen(e->d_name) + 1);
        if (!names[*n])
            break;
        strcpy(names[*n], e->d_name);
        (*n)++;
    }
    closedir(d);
    if (names)
        qsort(names, *n, sizeof *names, crouge_cmp_str);
    return names;
}

static size_t crouge_key_len(const char *name) {
    const char *dot = strchr(name, '.');
    return dot ? (size_t)(dot - name) : strlen(name);
}

/* PEER_DIR REF_DIR */
static int crouge_eval_dirs(chorus_rouge *r, const char *peer_dir, const char *ref_dir) {
    size_t np = 0, nr = 0;
    char **peers = crouge_list_dir(peer_dir, &np);
    char **refs = crouge_list_dir(ref_dir, &nr);
    int code = CLI_EXIT_OK;
    if (!peers || !refs) {
        fprintf(stderr, "chorus rouge: cannot list %s\n", !peers ? peer_dir : ref_dir);
        code = CLI_EXIT_IO;
    } else if (np == 0) {
        fprintf(stderr, "chorus rouge: %s holds no file\n", peer_dir);
        code = CLI_EXIT_INPUT;
    }
    char **paths = calloc(nr + 1, sizeof *paths);
    if (code == CLI_EXIT_OK && !paths)
        code = CLI_EXIT_INTERNAL;
    for (size_t i = 0; code == CLI_EXIT_OK && i < np; i++) {
        size_t kl = crouge_key_len(peers[i]);
        size_t n = 0;
        for (size_t j = 0; j < nr && code == CLI_EXIT_OK; j++) {
            if (crouge_key_len(refs[j]) == kl && !strncmp(refs[j], peers[i], kl)) {
                paths[n] = crouge_join(ref_dir, refs[j]);
                if (!paths[n++])
                    code = CLI_EXIT_INTERNAL;
            }
        }
        char *peer_path = crouge_join(peer_dir, peers[i]);
        char *id = malloc(kl + 1);
        if (code == CLI_EXIT_OK && (!peer_path || !id))
            code = CLI_EXIT_INTERNAL;
        if (code == CLI_EXIT_OK && n == 0) {
            fprintf(stderr, "chorus rouge: no reference in %s for %s (expected %.*s.*)\n", ref_dir,
                    peers[i], (int)kl, peers[i]);
            code = CLI_EXIT_INPUT;
        }
        if (code == CLI_EXIT_OK) {
            memcpy(id, peers[i], kl);
            id[kl] = '\0';
            code = crouge_eval_files(r, id, peer_path, paths, n);
        }
        free(id);
        free(peer_path);
        for (size_t k = 0; k < n; k++)
            free(paths[k]);
    }
    free(paths);
    for (size_t i = 0; peers && i < np; i++)
        free(peers[i]);
    for (size_t i = 0; refs && i < nr; i++)
        free(refs[i]);
    free(peers);
    free(refs);
    return code;
}

/* ---------------------------------------------------------- options */

typedef struct crouge_opts {
    chorus_rouge_config cfg;
    const char *pairs;
    const char *wordnet_dir;
    const char *stopwords;
    const char *data_dir;
    int json;
    char *pos[4096];
    size_t n_pos;
} crouge_opts;

/* Long options: name, ROUGE flag it stands for (0 = own), takes a value. */
static const struct {
    const char *name;
    char flag;
    int has_value;
} crouge_longopts[] = {
    {"ngram", 'n', 1},         {"stem", 'm', 0},       {"remove-stopwords", 's', 0},
    {"max-words", 'l', 1},     {"max-bytes", 'b', 1},  {"best-reference", 'B', 0},
    {"alpha", 'p', 1},         {"counting", 't', 1},   {"skip-gap", '2', 1},
    {"skip-unigrams", 'u', 0}, {"skip-both", 'U', 0},  {"wlcs-weight", 'w', 1},
    {"no-rouge-l", 'x', 0},    {"confidence", 'c', 1}, {"resamples", 'r', 1},
    {"per-eval", 'd', 0},      {"data-dir", 'e', 1},   {"seed", 'S', 1},
    {"wordnet-dir", 'W', 1},   {"stopwords", 'P', 1},  {"system-id", 'I', 1},
    {"pairs", 'F', 1},         {"json", 'J', 0},       {"help", 'h', 0},
};

/* Applies one option; returns -1 (usage error, message printed), 0, or 1
 * for --help. */
static int crouge_apply(crouge_opts *o, char flag, const char *value, const char *shown) {
    char err[256];
    switch (flag) {
    case 'h':
        return 1;
    case 'B':
        flag = 'f';
        value = "B";
        break;
    case 't':
        if (value && !strcmp(value, "eval"))
            value = "0";
        else if (value && !strcmp(value, "token"))
            value = "1";
        else if (value && !strcmp(value, "raw"))
            value = "2";
        break;
    case 'e':
        o->data_dir = value;
        return 0;
    case 'W':
        o->wordnet_dir = value;
        return 0;
    case 'P':
        o->stopwords = value;
        return 0;
    case 'I':
        o->cfg.system_id = value;
        return 0;
    case 'F':
        o->pairs = value;
        return 0;
    case 'J':
        o->json = 1;
        return 0;
    case 'S': {
        char *end;
        errno = 0;
        unsigned long v = strtoul(value, &end, 10);
        if (errno || *end || !*value || v > 0xFFFFFFFFUL) {
            fprintf(stderr, "chorus rouge: bad value '%s' for %s\n", value, shown);
            return -1;
        }
        o->cfg.seed = (uint32_t)v;
        return 0;
    }
    default:
        break;
    }
    if (chorus_rouge_config_set(&o->cfg, flag, value, err, sizeof err) != CHORUS_OK) {
        fprintf(stderr, "chorus rouge: %s (%s)\n", err, shown);
        return -1;
    }
    return 0;
}

static int crouge_parse(crouge_opts *o, int argc, char **argv) {
    int only_pos = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_pos || a[0] != '-' || a[1] == '\0') {
            if (o->n_pos == sizeof o->pos / sizeof o->pos[0]) {
                fprintf(stderr, "chorus rouge: too many files\n");
                return -1;
            }
            o->pos[o->n_pos++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_pos = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *name = a + 2, *eq = strchr(name, '=');
            size_t nl = eq ? (size_t)(eq - name) : strlen(name);
            size_t k = 0, nlo = sizeof crouge_longopts / sizeof crouge_longopts[0];
            while (k < nlo && !(strlen(crouge_longopts[k].name) == nl &&
                                !strncmp(crouge_longopts[k].name, name, nl)))
                k++;
            if (k == nlo) {
                fprintf(stderr, "chorus rouge: unknown option '%s' (see --help)\n", a);
                return -1;
            }
            const char *value = NULL;
            if (crouge_longopts[k].has_value) {
                if (eq)
                    value = eq + 1;
                else if (i + 1 < argc)
                    value = argv[++i];
                else {
                    fprintf(stderr, "chorus rouge: option --%s needs a value\n",
                            crouge_longopts[k].name);
                    return -1;
                }
            } else if (eq) {
                fprintf(stderr, "chorus rouge: option --%s takes no value\n",
                        crouge_longopts[k].name);
                return -1;
            }
            int rc = crouge_apply(o, crouge_longopts[k].flag, value, a);
            if (rc != 0)
                return rc;
            continue;
        }
        /* ROUGE-1.5.5 short flags, bundled as Getopt::Std allows */
        for (size_t k = 1; a[k]; k++) {
            char f = a[k];
            char shown[3] = {'-', f, '\0'};
            if (strchr("nlbfpt2wcre", f)) {
                const char *value = a[k + 1] ? a + k + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!value) {
                    fprintf(stderr, "chorus rouge: flag %s needs a value\n", shown);
                    return -1;
                }
                int rc = crouge_apply(o, f, value, shown);
                if (rc != 0)
                    return rc;
                break;
            }
            if (f == 'h' || f == 'H')
                return 1;
            if (!strchr("msdauUx", f)) {
                fprintf(stderr, "chorus rouge: unknown or unsupported flag %s (see --help)\n",
                        shown);
                return -1;
            }
            int rc = crouge_apply(o, f, NULL, shown);
            if (rc != 0)
                return rc;
        }
    }
    return 0;
}

/* Loads what stemming and stopword removal need. Returns an exit code. */
static int crouge_load_lexicon(crouge_opts *o, chorus_rouge_lexicon **out) {
    *out = NULL;
    if (!o->cfg.stem && !o->cfg.remove_stopwords)
        return CLI_EXIT_OK;
    chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
    if (!lex) {
        fprintf(stderr, "chorus rouge: out of memory\n");
        return CLI_EXIT_INTERNAL;
    }
    char path[4096];
    if (o->cfg.stem) {
        const char *dir = o->wordnet_dir;
        if (!dir && o->data_dir) {
            snprintf(path, sizeof path, "%s/WordNet-2.0-Exceptions", o->data_dir);
            if (crouge_is_dir(path))
                dir = path;
        }
        if (!dir)
            dir = CHORUS_ROUGE_WORDNET_DIR;
        if (strcmp(dir, "none") != 0) {
            chorus_status st = chorus_rouge_lexicon_load_wordnet(lex, dir);
            if (st != CHORUS_OK) {
                fprintf(stderr,
                        "chorus rouge: %s\n"
                        "  stemming (-m) reads WordNet's exception lists: install them with\n"
                        "  `apt-get install wordnet-base`, name their directory with\n"
                        "  --wordnet-dir DIR, or use --wordnet-dir none for Porter alone\n",
                        chorus_rouge_lexicon_errmsg(lex));
                chorus_rouge_lexicon_free(lex);
                return cli_exit_code(st);
            }
        }
    }
    if (o->cfg.remove_stopwords) {
        const char *file = o->stopwords;
        if (!file && o->data_dir) {
            snprintf(path, sizeof path, "%s/smart_common_words.txt", o->data_dir);
            file = path;
        }
        if (!file) {
            fprintf(stderr, "chorus rouge: stopword removal (-s) needs a list: --stopwords FILE\n"
                            "  (ROUGE-1.5.5 uses its data/smart_common_words.txt)\n");
            chorus_rouge_lexicon_free(lex);
            return CLI_EXIT_USAGE;
        }
        chorus_status st = chorus_rouge_lexicon_load_stopwords(lex, file);
        if (st != CHORUS_OK) {
            fprintf(stderr, "chorus rouge: %s\n", chorus_rouge_lexicon_errmsg(lex));
            chorus_rouge_lexicon_free(lex);
            return cli_exit_code(st);
        }
    }
    *out = lex;
    return CLI_EXIT_OK;
}

int cmd_rouge(int argc, char **argv) {
    crouge_opts o;
    memset(&o, 0, sizeof o);
    chorus_rouge_config_init(&o.cfg);
    int rc = crouge_parse(&o, argc, argv);
    if (rc > 0) {
        crouge_usage(stdout);
        return CLI_EXIT_OK;
    }
    if (rc < 0)
        return CLI_EXIT_USAGE;
    if (o.pairs ? o.n_pos != 0 : o.n_pos < 2) {
        fprintf(stderr, o.pairs ? "chorus rouge: --pairs takes no other file\n"
                                : "chorus rouge: give a peer and its references, two "
                                  "directories, or --pairs FILE (see --help)\n");
        return CLI_EXIT_USAGE;
    }
    chorus_rouge_lexicon *lex = NULL;
    int code = crouge_load_lexicon(&o, &lex);
    if (code != CLI_EXIT_OK)
        return code;
    o.cfg.lexicon = lex;
    char err[512] = "";
    chorus_status st;
    chorus_rouge *r = chorus_rouge_new(&o.cfg, &st, err, sizeof err);
    if (!r) {
        fprintf(stderr, "chorus rouge: %s\n", st == CHORUS_ERR_NOMEM ? "out of memory" : err);
        chorus_rouge_lexicon_free(lex);
        return cli_exit_code(st);
    }
    if (o.pairs) {
        code = crouge_eval_pairs(r, o.pairs);
    } else if (o.n_pos == 2 && crouge_is_dir(o.pos[0]) && crouge_is_dir(o.pos[1])) {
        code = crouge_eval_dirs(r, o.pos[0], o.pos[1]);
    } else {
        char *id = crouge_id_of(o.pos[0]);
        code = id ? crouge_eval_files(r, id, o.pos[0], o.pos + 1, o.n_pos - 1) : CLI_EXIT_INTERNAL;
        free(id);
    }
    if (code == CLI_EXIT_OK) {
        size_t len;
        char *out = chorus_rouge_report(r, o.json ? CHORUS_ROUGE_JSON : CHORUS_ROUGE_TEXT, &len);
        if (!out) {
            fprintf(stderr, "chorus rouge: out of memory\n");
            code = CLI_EXIT_INTERNAL;
        } else {
            if (fwrite(out, 1, len, stdout) != len || fflush(stdout) != 0) {
                fprintf(stderr, "chorus rouge: cannot write the report\n");
                code = CLI_EXIT_IO;
            }
            free(out);
        }
    }
    chorus_rouge_free(r);
    chorus_rouge_lexicon_free(lex);
    return code;
}
