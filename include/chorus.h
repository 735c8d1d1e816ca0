/*
 * chorus.h - the public interface of libchorus.
 *
 * chorus reads several news reports of one event and says what happened,
 * with every statement cited to the reports that carry it.
 *
 *     chorus_cluster *c = chorus_cluster_new(NULL);
 *     chorus_cluster_add(c, text, len, &meta);          // once per report
 *     chorus_options o; chorus_options_init(&o);
 *     chorus_summary *s = chorus_summarize(c, &o);
 *     char *json = chorus_summary_render(s, CHORUS_RENDER_JSON, NULL);
 *     free(json); chorus_summary_free(s); chorus_cluster_free(c);
 *
 * Conventions, for everything below:
 * - Handles are opaque; each X_new has an X_free, and X_free(NULL) is a no-op.
 * - The library never prints, exits or aborts. Failures return a
 *   chorus_status (or NULL) and leave a message on the handle involved
 *   (chorus_cluster_errmsg); out-of-memory is an ordinary error.
 * - Text is passed as (bytes, length). Invalid UTF-8 is repaired with U+FFFD
 *   and counted, never dropped silently.
 * - No global mutable state: different handles may be used from different
 *   threads at once; one handle must not be used by two threads at once.
 * - Output is deterministic: the same input and options give the same bytes.
 */
#ifndef CHORUS_H
#define CHORUS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CHORUS_VERSION "0.1.0"
/* Version of the JSON documents chorus writes (see docs/json-schema.md). */
#define CHORUS_JSON_SCHEMA_VERSION 1

/* ---------------------------------------------------------------- status */

typedef enum chorus_status {
    CHORUS_OK = 0,
    CHORUS_ERR_NOMEM = 1,   /* out of memory */
    CHORUS_ERR_INVALID = 2, /* bad argument or option */
    CHORUS_ERR_EMPTY = 3,   /* input has no text */
    CHORUS_ERR_BINARY = 4,  /* input is not text (NUL bytes, mostly control) */
    CHORUS_ERR_IO = 5,      /* a file could not be read or written */
    CHORUS_ERR_FORMAT = 6,  /* input does not follow its declared format */
    CHORUS_ERR_LIMIT = 7    /* input exceeds a documented limit */
} chorus_status;

/* A short static description of 's' ("out of memory", ...). */
const char *chorus_status_str(chorus_status s);

/* -------------------------------------------------------------- clusters */

/* Metadata of one report; every field may be NULL. Strings are copied. */
typedef struct chorus_doc_meta {
    const char *id;     /* caller's identifier (file name, docno) */
    const char *source; /* outlet name ("The Boston Globe") */
    const char *title;
    const char *date; /* publication date as written; ISO 8601 preferred */
    const char *url;
} chorus_doc_meta;

/* How reports are read into a cluster. Initialise with
 * chorus_cluster_config_init() and change what you need. */
typedef struct chorus_cluster_config {
    const char *language; /* Snowball stemmer name; default "english" */
    int keep_noise;       /* 1: do not remove page furniture; default 0 */
} chorus_cluster_config;

void chorus_cluster_config_init(chorus_cluster_config *cfg);

typedef struct chorus_cluster chorus_cluster;

/* A new empty cluster; 'cfg' may be NULL for the defaults. Returns NULL when
 * out of memory or when the language has no stemmer (use
 * chorus_cluster_new2 to learn which). Free with chorus_cluster_free(). */
chorus_cluster *chorus_cluster_new(const chorus_cluster_config *cfg);

/* As chorus_cluster_new, reporting why it failed in *status. */
chorus_cluster *chorus_cluster_new2(const chorus_cluster_config *cfg, chorus_status *status);

/* Adds one report. 'bytes' need not be valid UTF-8 (bad sequences become
 * U+FFFD, counted in chorus_doc_info.n_replaced) nor NUL-terminated; they
 * are copied. 'meta' may be NULL. Fails with CHORUS_ERR_EMPTY for text with
 * no words, CHORUS_ERR_BINARY for binary data; the cluster is unchanged on
 * failure and chorus_cluster_errmsg() says why. A report whose every line
 * is page furniture is added with no sentences (chorus_doc_info tells:
 * n_sentences 0, n_removed > 0), so callers can warn about it. */
chorus_status chorus_cluster_add(chorus_cluster *c, const char *bytes, size_t len,
                                 const chorus_doc_meta *meta);

/* Names the cluster (a JSONL "id", a DUC topic); the name is copied and
 * appears in rendered output. NULL clears it. CHORUS_ERR_NOMEM on failure. */
chorus_status chorus_cluster_set_id(chorus_cluster *c, const char *id);

/* The cluster's name, or NULL. */
const char *chorus_cluster_id(const chorus_cluster *c);

/* Number of reports added so far. */
size_t chorus_cluster_size(const chorus_cluster *c);

/* What became of one report. Pointers stay valid while the cluster lives. */
typedef struct chorus_range {
    size_t off, len; /* bytes of the original input */
} chorus_range;

typedef struct chorus_doc_info {
    chorus_doc_meta meta;        /* copies of what was given */
    size_t input_len;            /* bytes as given */
    size_t n_replaced;           /* invalid UTF-8 sequences replaced */
    size_t n_sentences;          /* sentences after cleaning */
    size_t n_removed;            /* page-furniture ranges removed */
    const chorus_range *removed; /* (n_removed) sorted ranges of the input */
    const char *const *removed_reason; /* (n_removed) "advertisement", "tweet", ... */
} chorus_doc_info;

/* Fills *info for report 'i' (0-based). Returns CHORUS_ERR_INVALID when 'i'
 * is out of range. */
chorus_status chorus_cluster_doc(const chorus_cluster *c, size_t i, chorus_doc_info *info);

/* The original input of report 'i' (as given, before repair) and its length;
 * NULL when 'i' is out of range. */
const char *chorus_cluster_doc_text(const chorus_cluster *c, size_t i, size_t *len);

/* The message of the last failure on 'c' (empty string if none). Valid until
 * the next call on 'c'. */
const char *chorus_cluster_errmsg(const chorus_cluster *c);

void chorus_cluster_free(chorus_cluster *c);

/* --------------------------------------------------------- summarization */

typedef enum chorus_method {
    CHORUS_METHOD_DEFAULT = 0, /* the recommended method */
    CHORUS_METHOD_LEXRANK,     /* continuous LexRank (Erkan & Radev 2004) */
    CHORUS_METHOD_CENTROID,    /* centroid (Radev et al. 2004) */
    CHORUS_METHOD_MMR,         /* maximal marginal relevance (Carbonell & Goldstein 1998) */
    CHORUS_METHOD_SUBMODULAR,  /* coverage + diversity (Lin & Bilmes 2011) */
    CHORUS_METHOD_LEAD,        /* first sentences of each report in turn */
    CHORUS_METHOD_ILP,         /* concept coverage solved exactly (Gillick & Favre 2009) */
    CHORUS_METHOD_SALIENCE     /* MMR over a learned salience estimate (salience model) */
} chorus_method;

/* Checks the text of a salience model (chorus_options.model): CHORUS_OK,
 * or CHORUS_ERR_INVALID with the line at fault in err (size errlen). */
chorus_status chorus_model_check(const char *text, size_t len, char *err, size_t errlen);

/* Parses a method name ("lexrank", ...); returns -1 for an unknown name. */
int chorus_method_parse(const char *name);
/* The name of 'm' ("lexrank", ...). */
const char *chorus_method_name(chorus_method m);

typedef enum chorus_order {
    CHORUS_ORDER_POSITION = 0, /* by report, then position in the report */
    CHORUS_ORDER_SCORE = 1     /* highest score first */
} chorus_order;

typedef struct chorus_idf chorus_idf; /* a background IDF model, below */

/* Summarization options. Initialise with chorus_options_init(). Budgets:
 * the first non-zero of words, bytes, sentences applies; all zero means the
 * default of 100 words. */
typedef struct chorus_options {
    chorus_method method;
    size_t words;            /* budget in whitespace-separated words */
    size_t bytes;            /* budget in bytes of summary text */
    size_t sentences;        /* budget in sentences */
    chorus_order order;      /* output order */
    double lexrank_threshold; /* 0 = continuous LexRank; else edge cut-off in (0,1) */
    double cite_threshold;   /* cosine at which another report counts as
                                carrying a sentence's content; default 0.35 */
    double redundancy;       /* max cosine between two selected sentences;
                                default 0.3 */
    const chorus_idf *idf;   /* background IDF, or NULL to use the cluster's */
    int truncate_last;       /* 1: cut the last sentence to fill the word or
                                byte budget exactly (as ROUGE's -l/-b do) */
    /* Fields below were added later; chorus_options_init() sets them. */
    const char *query;       /* a question or topic the summary should
                                answer (UTF-8, copied by chorus_summarize);
                                NULL or "" for a generic summary */
    unsigned compress;       /* CHORUS_COMPRESS_* bits: what light sentence
                                compression may leave out (default
                                CHORUS_COMPRESS_DEFAULT) */
    unsigned priors;         /* CHORUS_PRIOR_* bits: which sentence priors
                                the default (MMR) and ILP methods use
                                (default CHORUS_PRIOR_DEFAULT) */
    double ilp_time_limit;   /* seconds GLPK may spend on one cluster before
                                the ILP method falls back to its greedy
                                solution; default 1 */
    const char *model;       /* text of a salience model (docs/salience-model.md,
                                `bench_train_salience` output), model_len bytes,
                                used by the salience method; NULL: the built-in
                                model. Parsed by chorus_summarize; a bad model
                                is a CHORUS_ERR_INVALID with the line at fault */
    size_t model_len;
} chorus_options;

/* chorus_options.compress: light compression, by deletion only. */
#define CHORUS_COMPRESS_DATELINE 1u   /* "WASHINGTON (AP) --" opening a report */
#define CHORUS_COMPRESS_CONNECTIVE 2u /* a leading "But", "However," */
#define CHORUS_COMPRESS_PAREN 4u      /* short parenthetical asides */
#define CHORUS_COMPRESS_ATTRIB 8u     /* '"...," he said Tuesday.' -> '"...".' */
#define CHORUS_COMPRESS_SPACING 16u   /* tokenised spacing: "said , and" -> "said, and" */
#define CHORUS_COMPRESS_ALL 31u
#define CHORUS_COMPRESS_DEFAULT                                                                    \
    (CHORUS_COMPRESS_DATELINE | CHORUS_COMPRESS_PAREN | CHORUS_COMPRESS_SPACING)

/* chorus_options.priors: what selection prefers besides content. */
#define CHORUS_PRIOR_POSITION 1u /* early sentences of a report */
#define CHORUS_PRIOR_SUPPORT 2u  /* content carried by several reports */
#define CHORUS_PRIOR_LENGTH 4u   /* neither fragments nor run-on sentences */
#define CHORUS_PRIOR_CONTEXT 8u  /* not sentences that need the one before
                                    ("But", "He", dangling quotes) */
#define CHORUS_PRIOR_ALL 15u
/* Length and context cost a little ROUGE on the development data (see
 * docs/benchmarks.md) and are there for readability: off by default. */
#define CHORUS_PRIOR_DEFAULT (CHORUS_PRIOR_POSITION | CHORUS_PRIOR_SUPPORT)

void chorus_options_init(chorus_options *o);

typedef struct chorus_summary chorus_summary;

/* One sentence of a summary. Pointers stay valid while the summary lives. */
typedef struct chorus_summary_sentence {
    const char *text; /* NUL-terminated, cleaned sentence text */
    size_t text_len;
    size_t doc;         /* report it was taken from (0-based) */
    size_t offset;      /* byte offset in that report's original input */
    size_t length;      /* byte length in that report's original input */
    size_t position;    /* sentence index within its report */
    double score;       /* method's score, higher is better */
    const size_t *cites; /* (n_cites) reports carrying it, ascending, incl. doc */
    size_t n_cites;
} chorus_summary_sentence;

/* Summarizes the cluster. Returns NULL on failure (message on the cluster).
 * A cluster with no reports fails with CHORUS_ERR_EMPTY. The summary keeps
 * a reference to the cluster: free the summary first. */
chorus_summary *chorus_summarize(chorus_cluster *c, const chorus_options *o);

size_t chorus_summary_size(const chorus_summary *s);
/* Sentence 'i' in output order; NULL when out of range. */
const chorus_summary_sentence *chorus_summary_sentence_at(const chorus_summary *s, size_t i);

typedef enum chorus_render_format {
    CHORUS_RENDER_TEXT = 0,     /* summary with [1,3] marks and a source list */
    CHORUS_RENDER_MARKDOWN = 1, /* the same as Markdown */
    CHORUS_RENDER_JSON = 2,     /* docs/json-schema.md, one line, no final newline */
    CHORUS_RENDER_HTML = 3,     /* one self-contained page; reports only */
    CHORUS_RENDER_SENTENCES = 4 /* the summary's sentences, one per line, no
                                   marks (the input format of ROUGE) */
} chorus_render_format;

/* Splits text into sentences as the summarizer does (after UTF-8 repair,
 * without removing page furniture) and returns them one per line, inner
 * line breaks turned into spaces: a malloc'd NUL-terminated string the
 * caller frees, its length in *out_len (may be NULL); NULL when out of
 * memory. */
char *chorus_split_sentences(const char *text, size_t len, size_t *out_len);

/* Renders the summary as text, Markdown, JSON or sentences. Returns a malloc'd
 * NUL-terminated string the caller frees with free(), and its length in *len
 * (may be NULL); NULL when out of memory or for CHORUS_RENDER_HTML (a page
 * is made from a chorus_report). */
char *chorus_summary_render(const chorus_summary *s, chorus_render_format f, size_t *len);

void chorus_summary_free(chorus_summary *s);

/* ------------------------------------------------------ cross-source report */

/* The full report on a cluster: the cited summary, the facts with the
 * reports that support each (claims and denials kept apart), the quotes
 * with speakers and outlets, conflicting figures, entities and a timeline.
 * Schema of its JSON: docs/json-schema.md. */
typedef struct chorus_report chorus_report;

/* Analyzes the cluster; 'o' (may be NULL) sets the summary's options.
 * Returns NULL on failure with the message on the cluster. The report keeps
 * a reference to the cluster: free the report first. */
chorus_report *chorus_report_new(chorus_cluster *c, const chorus_options *o);

/* The report's summary (owned by the report). */
const chorus_summary *chorus_report_summary(const chorus_report *r);

/* Renders the report in any format (HTML: one self-contained page). The
 * caller frees the result with free(); NULL when out of memory. */
char *chorus_report_render(const chorus_report *r, chorus_render_format f, size_t *len);

void chorus_report_free(chorus_report *r);

/* ---------------------------------------------------------------- input */

/* Readers turn files into clusters of reports:
 *
 *     chorus_reader *r = chorus_reader_open(paths, n, CHORUS_FORMAT_AUTO,
 *                                           &st, err, sizeof err);
 *     const chorus_input *in;
 *     while ((st = chorus_reader_next(r, &in)) != CHORUS_OK || in) {
 *         if (st != CHORUS_OK) { report(chorus_reader_errmsg(r)); continue; }
 *         ... chorus_cluster_add(c, in->docs[i].text, in->docs[i].len,
 *                                &in->docs[i].meta) ...
 *     }
 *     chorus_reader_free(r);
 *
 * Formats:
 * - TEXT: all paths together are ONE cluster, one report per file in the
 *   order given; a directory stands for its regular files sorted by name
 *   (hidden files and subdirectories are skipped); "-" is standard input.
 *   Bytes are passed through unchanged (the cluster repairs UTF-8).
 * - JSONL: one cluster per line, {"id", "documents": ["text" | {"text",
 *   "id"|"docno", "title"|"headline", "source", "date", "url"}],
 *   "summary" | "references": ["text" | {"text"}], "query" | "title" +
 *   "narrative"}. Read as a stream, one line at a time.
 * - MULTINEWS: the Multi-News dataset's .src lines (documents joined by
 *   "|||||", newlines written "NEWLINE_CHAR"), with the summaries of the
 *   paired .tgt file (same name with .tgt, or the next path) as references.
 * - DUC: a directory of cluster directories of NIST SGML files (<DOC>,
 *   <DOCNO>, <HEADLINE>, <TEXT>, <P>); references from DIR/../models, the
 *   query from a *topics*.sgml file beside DIR. A single directory of SGML
 *   files, or SGML files given one by one, make one cluster.
 * - HTML: web pages (needs the HTML extractor).
 * Any file may be gzip-compressed; it is decompressed as it is read. Every
 * file is limited to 256 MiB (every JSONL or Multi-News line likewise):
 * CHORUS_ERR_LIMIT beyond. */
typedef enum chorus_format {
    CHORUS_FORMAT_AUTO = 0, /* detect from names and first bytes */
    CHORUS_FORMAT_TEXT,
    CHORUS_FORMAT_JSONL,
    CHORUS_FORMAT_MULTINEWS,
    CHORUS_FORMAT_DUC,
    CHORUS_FORMAT_HTML
} chorus_format;

/* Parses a format name ("auto", "text", "jsonl", "multinews", "duc",
 * "html"); returns -1 for an unknown name or NULL. */
int chorus_format_parse(const char *name);
/* The name of 'f' ("jsonl", ...); "unknown" when out of range. */
const char *chorus_format_name(chorus_format f);

/* One report of an input cluster. 'text' is not necessarily NUL-terminated
 * nor valid UTF-8; use 'len'. */
typedef struct chorus_input_doc {
    chorus_doc_meta meta; /* fields NULL when the format has no such data */
    const char *text;
    size_t len; /* bytes of text */
} chorus_input_doc;

/* One cluster as read. Everything it points to belongs to the reader and
 * stays valid until the next chorus_reader_next() or chorus_reader_free(). */
typedef struct chorus_input {
    const char *id;                /* cluster name: JSONL "id", DUC topic,
                                      "line-N", or the first path */
    const chorus_input_doc *docs;  /* (n_docs) in input order, n_docs >= 1 */
    size_t n_docs;
    const char *const *refs;       /* (n_refs) reference summaries, if the
                                      format has them, NUL-terminated */
    size_t n_refs;
    const char *query;             /* topic statement (DUC title + ". " +
                                      narrative, JSONL "query"), or NULL */
    size_t n_empty_dropped;        /* empty documents left out (Multi-News
                                      data has some); never silent */
    size_t n_replaced;             /* invalid UTF-8 sequences in a JSONL line
                                      replaced with U+FFFD before parsing */
} chorus_input;

typedef struct chorus_reader chorus_reader;

/* Opens 'n_paths' paths ("-" is standard input, at most once) in format
 * 'fmt' (CHORUS_FORMAT_AUTO to detect it). Fails, returning NULL with
 * *status set (may be NULL) and the message copied to 'err' (size 'errlen',
 * may be 0), when a path does not exist, the format cannot be decided
 * (CHORUS_ERR_INVALID: mixed formats) or a directory is empty. Files are
 * read by chorus_reader_next(), which reports their errors. Free with
 * chorus_reader_free(). */
chorus_reader *chorus_reader_open(const char *const *paths, size_t n_paths, chorus_format fmt,
                                  chorus_status *status, char *err, size_t errlen);

/* Reads the next cluster into *out. At the end returns CHORUS_OK with
 * *out == NULL. On a failure confined to one cluster (a malformed JSONL or
 * Multi-News line, an empty or binary file, a size limit) returns the error
 * with *out == NULL and the message in chorus_reader_errmsg(); the next call
 * goes on with the next cluster, so the caller chooses to stop or skip. An
 * I/O error on a stream ends that stream. *out stays valid until the next
 * call or chorus_reader_free(). */
chorus_status chorus_reader_next(chorus_reader *r, const chorus_input **out);

/* The format in use (the detected one when opened with AUTO). */
chorus_format chorus_reader_format(const chorus_reader *r);

/* Message of the last call's failure: "PATH: reason" or "PATH:LINE:
 * reason"; the empty string when that call succeeded. Valid until the next
 * call on 'r'. */
const char *chorus_reader_errmsg(const chorus_reader *r);

/* No operation if 'r' is NULL. */
void chorus_reader_free(chorus_reader *r);

/* ----------------------------------------------------------------- ROUGE */

/* ROUGE scores summaries against reference summaries the way the Perl
 * script ROUGE-1.5.5 does, to the last printed digit: its tokenizer, its
 * Porter stemmer with WordNet exception lists, its -l/-b truncation, its
 * ROUGE-N, -L, -W, -S and -SU, its averaging and its bootstrap confidence
 * intervals (same generator, same seeds). docs/rouge.md lists the rules.
 *
 *     chorus_rouge_lexicon *lex = chorus_rouge_lexicon_new();
 *     chorus_rouge_lexicon_load_wordnet(lex, CHORUS_ROUGE_WORDNET_DIR);
 *     chorus_rouge_config cfg; chorus_rouge_config_init(&cfg);
 *     chorus_rouge_config_parse(&cfg, "-n 2 -m -l 100", NULL, 0);
 *     cfg.lexicon = lex;
 *     chorus_rouge *r = chorus_rouge_new(&cfg, NULL, NULL, 0);
 *     chorus_rouge_add(r, "d061", peer, peer_len, refs, ref_lens, n_refs);
 *     char *text = chorus_rouge_report(r, CHORUS_ROUGE_TEXT, NULL);
 *     free(text); chorus_rouge_free(r); chorus_rouge_lexicon_free(lex);
 *
 * Texts are bytes with one sentence per line, as ROUGE-1.5.5 reads its SPL
 * files; like ROUGE-1.5.5 the scorer works on bytes (only ASCII letters and
 * digits form words), so any byte string is valid input. */

/* Where Debian's wordnet-base package puts the WordNet exception lists. */
#define CHORUS_ROUGE_WORDNET_DIR "/usr/share/wordnet"

/* Word lists used by stemming (-m) and stopword removal (-s). Build it on
 * one thread; once built it is never written again and any number of
 * evaluators on any threads may share it. It must outlive them. */
typedef struct chorus_rouge_lexicon chorus_rouge_lexicon;

/* An empty lexicon (no exceptions, no stopwords); NULL when out of memory.
 * Free with chorus_rouge_lexicon_free(). */
chorus_rouge_lexicon *chorus_rouge_lexicon_new(void);

/* Reads the WordNet exception lists noun.exc, adv.exc, verb.exc and adj.exc
 * of 'dir' in that order: the first two words of each line map an inflected
 * form to its base form, and a later line overrides an earlier one. Fails
 * with CHORUS_ERR_IO when a file cannot be read (message on the lexicon);
 * entries read before the failure are kept. */
chorus_status chorus_rouge_lexicon_load_wordnet(chorus_rouge_lexicon *lex, const char *dir);

/* Reads a stopword list, one word per line (trailing CR and blanks ignored),
 * such as ROUGE-1.5.5's smart_common_words.txt. CHORUS_ERR_IO on failure. */
chorus_status chorus_rouge_lexicon_load_stopwords(chorus_rouge_lexicon *lex, const char *path);

/* Adds one exception (replacing an earlier one for 'inflected') or one
 * stopword. Strings are copied. CHORUS_ERR_INVALID for an empty word. */
chorus_status chorus_rouge_lexicon_add_exception(chorus_rouge_lexicon *lex, const char *inflected,
                                                 const char *base);
chorus_status chorus_rouge_lexicon_add_stopword(chorus_rouge_lexicon *lex, const char *word);

/* Number of exceptions and of stopwords held; either pointer may be NULL. */
void chorus_rouge_lexicon_counts(const chorus_rouge_lexicon *lex, size_t *n_exceptions,
                                 size_t *n_stopwords);

/* Message of the last failure on 'lex' (empty string if none). */
const char *chorus_rouge_lexicon_errmsg(const chorus_rouge_lexicon *lex);

void chorus_rouge_lexicon_free(chorus_rouge_lexicon *lex);

/* What is averaged (ROUGE-1.5.5's -t). */
typedef enum chorus_rouge_counting {
    CHORUS_ROUGE_BY_EVAL = 0,  /* -t 0: mean of the per-evaluation scores */
    CHORUS_ROUGE_BY_TOKEN = 1, /* -t 1: scores of the counts summed over the corpus */
    CHORUS_ROUGE_RAW = 2       /* -t 2: summed counts only, no scores */
} chorus_rouge_counting;

/* Scoring options. chorus_rouge_config_init() sets ROUGE-1.5.5's defaults
 * plus max_n = 2 (ROUGE-1.5.5 computes no ROUGE-N without -n); the comment
 * after each field names the ROUGE-1.5.5 flag. */
typedef struct chorus_rouge_config {
    int max_n;              /* -n: ROUGE-1 .. ROUGE-max_n (0..9; 0 = none) */
    int stem;               /* -m: Porter stemmer after the exception lists */
    int remove_stopwords;   /* -s: needs a lexicon with stopwords */
    size_t max_words;       /* -l: keep the first N words (0 = all) */
    size_t max_bytes;       /* -b: keep the first N bytes (0 = all); not with -l */
    int best_reference;     /* -f B (1) or -f A (0, pool the references) */
    double alpha;           /* -p: F = 1/(alpha/P + (1-alpha)/R), 0..1; 0.5 */
    chorus_rouge_counting counting; /* -t */
    int rouge_l;            /* 1 (default): ROUGE-L; 0: -x */
    double wlcs_weight;     /* -w: ROUGE-W with this weight (> 0); 0 = none */
    int skip_bigram;        /* 1: ROUGE-S (-2 given) */
    int skip_gap;           /* -2: max words between the pair; < 0 = any */
    int skip_unigrams;      /* 0: ROUGE-S; 1: ROUGE-SU only (-u); 2: both (-U) */
    double confidence;      /* -c: confidence interval in percent; 95 */
    int resamples;          /* -r: bootstrap samples; 1000; 0 = no intervals */
    uint32_t seed;          /* resample i uses seed + i; 0 = ROUGE-1.5.5's */
    int per_eval;           /* -d: the report lists every evaluation */
    const char *system_id;  /* peer id printed in reports; NULL = "1" (copied) */
    const chorus_rouge_lexicon *lexicon; /* exceptions and stopwords; NULL =
                                            Porter only, no stopwords */
} chorus_rouge_config;

void chorus_rouge_config_init(chorus_rouge_config *cfg);

/* Applies one ROUGE-1.5.5 flag ('n', 'm', 's', 'l', 'b', 'f', 'p', 't', '2',
 * 'u', 'U', 'w', 'x', 'c', 'r', 'd', and 'a', which changes nothing) with its
 * value (NULL for switches). CHORUS_ERR_INVALID for an unknown flag, a
 * missing or bad value; a message goes to 'err' (size 'errlen', may be 0). */
chorus_status chorus_rouge_config_set(chorus_rouge_config *cfg, char flag, const char *value,
                                      char *err, size_t errlen);

/* Applies a whole ROUGE-1.5.5 flag string, e.g. "-n 4 -m -a -c 95 -r 1000
 * -f A -p 0.5 -t 0 -d -x -l 100" (switches may be bundled: "-amd"). Fails as
 * chorus_rouge_config_set(); 'cfg' may then be partly changed. */
chorus_status chorus_rouge_config_parse(chorus_rouge_config *cfg, const char *flags, char *err,
                                        size_t errlen);

/* The ROUGE-1.5.5 flags equivalent to 'cfg' (without -a), e.g. "-n 2 -m -l
 * 100 -c 95 -r 1000". Returns a malloc'd string the caller frees, or NULL
 * when out of memory. */
char *chorus_rouge_config_flags(const chorus_rouge_config *cfg);

/* An evaluator: a fixed configuration and the evaluations added to it. Not
 * thread-safe; use one per thread (they may share a lexicon). */
typedef struct chorus_rouge chorus_rouge;

/* A new evaluator for 'cfg' (copied). Returns NULL on failure with *status
 * (may be NULL) set: CHORUS_ERR_INVALID for inconsistent options (message in
 * 'err', size 'errlen'), CHORUS_ERR_NOMEM. Free with chorus_rouge_free(). */
chorus_rouge *chorus_rouge_new(const chorus_rouge_config *cfg, chorus_status *status, char *err,
                               size_t errlen);

/* Scores one peer summary against its 'n_refs' (>= 1) references and keeps
 * the scores under 'id' (copied; unique in the evaluator; reports list it
 * as "<id>.<system_id>"). Texts are (bytes, length), one sentence per line;
 * an empty peer scores 0. Fails with CHORUS_ERR_INVALID (no reference; an
 * id that is empty, used before or contains white space), CHORUS_ERR_LIMIT
 * (a sentence pair too long for ROUGE-L, too many skip bigrams: see
 * docs/rouge.md) or CHORUS_ERR_NOMEM; the evaluator then holds no trace of
 * the evaluation and chorus_rouge_errmsg() says why. */
chorus_status chorus_rouge_add(chorus_rouge *r, const char *id, const char *peer, size_t peer_len,
                               const char *const *refs, const size_t *ref_lens, size_t n_refs);

/* Number of evaluations added; id of evaluation 'i' (in order of addition),
 * NULL when out of range. */
size_t chorus_rouge_size(const chorus_rouge *r);
const char *chorus_rouge_eval_id(const chorus_rouge *r, size_t i);

/* The metrics computed, in ROUGE-1.5.5's report order: "ROUGE-1" ..
 * "ROUGE-<max_n>", "ROUGE-L", "ROUGE-W-<w>", "ROUGE-S<gap>", "ROUGE-SU<gap>"
 * ("ROUGE-S*" for an unlimited gap). Name of metric 'm', NULL when out of
 * range; chorus_rouge_metric_find() returns the index or -1. */
size_t chorus_rouge_metric_count(const chorus_rouge *r);
const char *chorus_rouge_metric_name(const chorus_rouge *r, size_t m);
int chorus_rouge_metric_find(const chorus_rouge *r, const char *name);

/* One evaluation's score on one metric. R, P and F are what ROUGE-1.5.5
 * prints: R and P rounded to 5 decimals, F computed from the rounded R and
 * P, then rounded. With several references the counts are summed over them
 * (-f A) or are those of the best one (-f B); for ROUGE-W they are weighted. */
typedef struct chorus_rouge_score {
    double recall, precision, f;
    double model_count; /* n-grams (or LCS units) of the references */
    double peer_count;  /* n-grams of the peer, once per reference with -f A */
    double hits;        /* matches, clipped by counts */
} chorus_rouge_score;

/* Fills *out for evaluation 'i' and metric 'm'; CHORUS_ERR_INVALID when
 * either is out of range. */
chorus_status chorus_rouge_eval_score(const chorus_rouge *r, size_t i, size_t m,
                                      chorus_rouge_score *out);

/* The corpus figures of one metric: Average_R/P/F as ROUGE-1.5.5 prints
 * them (the mean over its bootstrap samples, rounded to 5 decimals) and the
 * confidence intervals; with resamples = 0, the plain averages and
 * intervals equal to them. Totals are the counts summed over evaluations. */
typedef struct chorus_rouge_average {
    double recall, precision, f;
    double recall_ci[2], precision_ci[2], f_ci[2]; /* lower, upper */
    double model_count, peer_count, hits;
    size_t n_evals;
} chorus_rouge_average;

/* Computes the averages of metric 'm' (costs resamples x evaluations draws).
 * CHORUS_ERR_INVALID when 'm' is out of range, CHORUS_ERR_NOMEM. With no
 * evaluation everything is 0. */
chorus_status chorus_rouge_average_of(const chorus_rouge *r, size_t m, chorus_rouge_average *out);

typedef enum chorus_rouge_format {
    CHORUS_ROUGE_TEXT = 0, /* ROUGE-1.5.5's report, byte for byte */
    CHORUS_ROUGE_JSON = 1  /* docs/rouge.md, one document ending in a newline */
} chorus_rouge_format;

/* The report of every metric (with per-evaluation lines when per_eval is
 * set), evaluations ordered as ROUGE-1.5.5 orders them. Returns a malloc'd
 * NUL-terminated string the caller frees with free(), its length in *len
 * (may be NULL); NULL when out of memory. */
char *chorus_rouge_report(const chorus_rouge *r, chorus_rouge_format fmt, size_t *len);

/* Message of the last failure on 'r' (empty string if none). */
const char *chorus_rouge_errmsg(const chorus_rouge *r);

void chorus_rouge_free(chorus_rouge *r);

/* ------------------------------------------------------------ web pages */

/* The article of a saved web page: title, byline, date, source and body
 * text, found by libxml2's HTML parser and content scoring, with every byte
 * of the body traceable to the page (docs/extraction.md). */
typedef struct chorus_article chorus_article;

/* Extracts the article from 'len' bytes of HTML in any encoding (byte-order
 * mark, <meta charset>, else UTF-8 when valid, else windows-1252; the body
 * is always UTF-8). 'url_or_null' is where the page came from, if known.
 * Returns a new article the caller frees with chorus_article_free(), or
 * NULL with *status set (CHORUS_ERR_EMPTY: no bytes or no text at all;
 * CHORUS_ERR_LIMIT: over 1 GiB; CHORUS_ERR_NOMEM) and a message copied to
 * 'err' (size 'errlen', may be 0). 'status' may be NULL. A page whose text
 * holds no recognisable article still succeeds: its body is then its most
 * content-like text, possibly empty. Thread-safe for different pages. */
chorus_article *chorus_article_extract(const char *html, size_t len, const char *url_or_null,
                                       chorus_status *status, char *err, size_t errlen);

/* Metadata of the article: NUL-terminated UTF-8 owned by 'a', or NULL when
 * the page does not say. The date is ISO 8601 ("2019-11-19" or
 * "2019-11-19T14:05:00Z", "...+01:00") when it could be parsed, else as
 * written. The URL is the caller's, else the page's canonical one. The
 * site is the outlet's name ("The Boston Globe"), else the URL's host. */
const char *chorus_article_title(const chorus_article *a);
const char *chorus_article_byline(const chorus_article *a);
const char *chorus_article_date(const chorus_article *a);
const char *chorus_article_url(const chorus_article *a);
const char *chorus_article_site(const chorus_article *a);

/* The body text: paragraphs (headings included) separated by one blank
 * line, whitespace collapsed, no leading or trailing blank; NUL-terminated,
 * owned by 'a'. Its length goes to *len (may be NULL). */
const char *chorus_article_text(const chorus_article *a, size_t *len);

/* Byte offset in the original page of byte 'body_off' of the body text
 * (body_off may equal the body's length). Bytes copied from the page map
 * exactly; text decoded from an entity maps to the '&' that began it, a
 * separator between paragraphs to the text around it. */
size_t chorus_article_source_offset(const chorus_article *a, size_t body_off);

/* The character encoding the page was read in ("UTF-8", "WINDOWS-1252"). */
const char *chorus_article_encoding(const chorus_article *a);

/* No operation if 'a' is NULL. */
void chorus_article_free(chorus_article *a);

/* ------------------------------------------------------- background IDF */

/* A background IDF model: document frequencies of stemmed words over a large
 * corpus, so that small clusters are weighted like the news at large. File
 * format: docs/idf-format.md. */

/* Loads a model from 'path'. Returns NULL on failure with *status set and a
 * message copied to 'err' (size 'errlen', may be 0). */
chorus_idf *chorus_idf_load(const char *path, chorus_status *status, char *err, size_t errlen);

void chorus_idf_free(chorus_idf *idf);

/* Weight of a term (a stem as the model stores it, see docs/idf-format.md):
 * log((N + 1) / (df + 1)) + 1 for a corpus of N documents, df = 0 for a
 * term the model lacks. 0 when 'idf' is NULL. */
double chorus_idf_weight(const chorus_idf *idf, const char *term, size_t len);
/* Snowball language the model was built for ("" for NULL). */
const char *chorus_idf_language(const chorus_idf *idf);
/* Number of documents N and of distinct terms in the model (0 for NULL). */
uint64_t chorus_idf_documents(const chorus_idf *idf);
size_t chorus_idf_terms(const chorus_idf *idf);

/* Builds a model from a corpus, one document at a time:
 *
 *     chorus_idf_builder *b = chorus_idf_builder_new("english", &st);
 *     chorus_idf_builder_add(b, text, len);             // once per document
 *     chorus_idf_builder_save(b, "news.idf", err, sizeof err);
 *     chorus_idf_builder_free(b);
 *
 * Terms are formed as the summarizer forms them (folded, stopwords dropped,
 * stemmed); each counts once per document. */
typedef struct chorus_idf_builder chorus_idf_builder;

/* A new empty builder for a Snowball language (NULL means "english").
 * Returns NULL with *status (may be NULL) set to CHORUS_ERR_INVALID for an
 * unknown language or CHORUS_ERR_NOMEM. Free with chorus_idf_builder_free. */
chorus_idf_builder *chorus_idf_builder_new(const char *language, chorus_status *status);

/* Counts one document. Invalid UTF-8 is repaired (U+FFFD) first; a document
 * without words still counts. Returns CHORUS_ERR_INVALID for a NULL builder
 * or NULL text with len > 0, CHORUS_ERR_NOMEM when out of memory (the
 * builder is then unchanged). */
chorus_status chorus_idf_builder_add(chorus_idf_builder *b, const char *text, size_t len);

/* Writes the model to 'path' (plain text, docs/idf-format.md), replacing
 * any file there. On failure returns CHORUS_ERR_IO (or NOMEM) with a
 * message in 'err' (size 'errlen', may be 0) and leaves no partial file. */
chorus_status chorus_idf_builder_save(const chorus_idf_builder *b, const char *path, char *err,
                                      size_t errlen);

/* No operation if 'b' is NULL. */
void chorus_idf_builder_free(chorus_idf_builder *b);

#ifdef __cplusplus
}
#endif
#endif
