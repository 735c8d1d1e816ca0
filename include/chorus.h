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
 * failure and chorus_cluster_errmsg() says why. */
chorus_status chorus_cluster_add(chorus_cluster *c, const char *bytes, size_t len,
                                 const chorus_doc_meta *meta);

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
    CHORUS_METHOD_LEAD         /* first sentences of each report in turn */
} chorus_method;

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
                                carrying a sentence's content; default 0.5 */
    double redundancy;       /* max cosine between two selected sentences;
                                default 0.5 */
    const chorus_idf *idf;   /* background IDF, or NULL to use the cluster's */
    int truncate_last;       /* 1: cut the last sentence to fill the word or
                                byte budget exactly (as ROUGE's -l/-b do) */
} chorus_options;

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
    CHORUS_RENDER_JSON = 2      /* docs/json-schema.md, one line, no final newline */
} chorus_render_format;

/* Renders the summary. Returns a malloc'd NUL-terminated string the caller
 * frees with free(), and its length in *len (may be NULL); NULL when out of
 * memory. */
char *chorus_summary_render(const chorus_summary *s, chorus_render_format f, size_t *len);

void chorus_summary_free(chorus_summary *s);

/* ------------------------------------------------------- background IDF */

/* A background IDF model: document frequencies of stemmed words over a large
 * corpus, so that small clusters are weighted like the news at large. File
 * format: docs/idf-format.md. */

/* Loads a model from 'path'. Returns NULL on failure with *status set and a
 * message copied to 'err' (size 'errlen', may be 0). */
chorus_idf *chorus_idf_load(const char *path, chorus_status *status, char *err, size_t errlen);

void chorus_idf_free(chorus_idf *idf);

#ifdef __cplusplus
}
#endif
#endif
