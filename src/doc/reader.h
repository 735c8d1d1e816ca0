/*
 * reader.h - internals of the input readers (chorus_reader_*).
 *
 * A reader turns paths into a sequence of "units", each of which yields
 * clusters:
 *
 *   format     unit                              clusters per unit
 *   TEXT       all paths (files, dir contents)   1
 *   JSONL      one file or stdin                 one per non-blank line
 *   MULTINEWS  one .src stream (+ its .tgt)      one per line
 *   DUC        one cluster directory / file set  1
 *   HTML       all paths                         (needs the HTML extractor)
 *
 * The cluster being handed out lives in a reader_cluster: its strings come
 * from a per-cluster arena, from malloc'd blocks it owns (whole files), from
 * the stream's line buffer (Multi-News, edited in place) or from the parsed
 * JSON value (JSONL: document texts point into jansson's strings, nothing is
 * copied). All of it is released when the next cluster starts.
 *
 * The parsers (reader_jsonl_parse_line, reader_mn_parse_line,
 * reader_mn_parse_summary, reader_duc_parse_sgml, reader_duc_parse_topics)
 * take bytes, not files, so fuzzers and tests can drive them directly. On
 * failure they return a status and leave the reason (without any "PATH:LINE:"
 * prefix) in the cluster's 'why' buffer.
 */
#ifndef CHORUS_DOC_READER_H
#define CHORUS_DOC_READER_H

#include <stddef.h>

#include <zlib.h>

#include "chorus.h"
#include "util/arena.h"
#include "util/buf.h"

struct json_t;

/* Largest file, line or decompressed stream accepted (bytes). */
#define READER_MAX_BYTES ((size_t)256 << 20)

/* ------------------------------------------------------------ streams */

/* A byte stream over a file or standard input, gunzipped on the fly when it
 * starts with the gzip magic bytes (concatenated members are read in turn).
 * Reads use read(2), so a pipe yields whatever has arrived: a JSONL producer
 * that writes one line and waits for the answer is served at once. */
typedef struct reader_stream {
    int fd;
    const char *name;   /* for messages: the path, or "<stdin>" */
    int gz;             /* 1: gzip input, inflated through 'z' */
    z_stream z;         /* never copied: zlib keeps a pointer to it */
    unsigned char *raw; /* (READER_CHUNK) compressed input when gz */
    size_t raw_pos, raw_end;
    int raw_eof, z_ended;
    unsigned char *buf; /* (READER_CHUNK) decoded bytes [pos, end) */
    size_t pos, end;
    int eof;
    int failed;       /* a read or decompression error: the stream is over */
    ch_buf line;      /* the last line read, without its newline */
    size_t lineno;    /* 1-based number of that line */
    chorus_status st; /* status of the last failure */
    char why[256];    /* reason of the last failure */
} reader_stream;

/* Opens 'path' ("-" is standard input, duplicated so that closing the stream
 * leaves fd 0 open) and reads its first block. 'path' must outlive the
 * stream. Returns NULL on failure with *st set and the reason (strerror,
 * "Is a directory", a zlib message) in 'why'. */
reader_stream *reader_stream_open(const char *path, chorus_status *st, char *why, size_t whylen);

/* Up to the first READER_CHUNK decoded bytes, without consuming them; sets
 * *n (0 for an empty stream or on error). */
const unsigned char *reader_stream_peek(reader_stream *s, size_t *n);

/* Reads the next line into s->line (newline, a final CR and, on line 1, a
 * UTF-8 byte-order mark removed).
 * Returns 1 for a line, 0 at the end, or -(status) on failure: s->why says
 * why. When s->failed is set the stream is over (s->lineno is the last line
 * read); otherwise only line s->lineno failed (longer than 'max', or no
 * memory for it): it was skipped entirely, and the next call reads on. */
int reader_stream_getline(reader_stream *s, size_t max);

/* Appends the rest of the stream to 'out'. CHORUS_ERR_LIMIT when it exceeds
 * 'max' bytes; s->why says why on failure. */
chorus_status reader_stream_slurp(reader_stream *s, size_t max, ch_buf *out);

/* No operation if 's' is NULL. */
void reader_stream_close(reader_stream *s);

/* Writes a size for messages: "256 MiB" for whole MiB, else "N bytes". */
void reader_format_size(char *out, size_t n, size_t bytes);

/* ------------------------------------------------------------ clusters */

typedef struct reader_cluster {
    chorus_input in;        /* what chorus_reader_next() hands out */
    ch_arena *arena;        /* strings of this cluster; NULL until needed */
    chorus_input_doc *docs; /* (n_docs) */
    size_t n_docs, docs_cap;
    const char **refs; /* (n_refs) */
    size_t n_refs, refs_cap;
    char **owned; /* (n_owned) malloc'd blocks freed at reset */
    size_t n_owned, owned_cap;
    struct json_t *json; /* JSONL line whose strings docs point into */
    size_t n_empty;      /* empty documents dropped */
    size_t n_replaced;   /* UTF-8 repairs before JSON parsing */
    ch_buf why;          /* reason of the last parse failure */
    ch_buf scratch;      /* reusable work space */
} reader_cluster;

/* Forgets the current cluster and releases what it held (keeps capacity). */
void reader_cluster_reset(reader_cluster *c);

/* Releases everything; the cluster is zeroed afterwards. */
void reader_cluster_free(reader_cluster *c);

/* Copies 'n' bytes of 's' into the cluster's arena, NUL-terminated; NULL
 * when out of memory. */
char *reader_cluster_strndup(reader_cluster *c, const char *s, size_t n);

/* Takes ownership of malloc'd 'p' (freed at reset, or now on failure).
 * Returns 0, or -1 when out of memory. */
int reader_cluster_own(reader_cluster *c, char *p);

/* Adds a document; 'meta' may be NULL and its strings are not copied (they
 * must live as long as the cluster). A document of nothing but whitespace
 * is not added but counted in n_empty. Returns 0, or -1 when out of memory. */
int reader_cluster_add_doc(reader_cluster *c, const chorus_doc_meta *meta, const char *text,
                           size_t len);

/* Adds a NUL-terminated reference summary (not copied). 0 or -1 (memory). */
int reader_cluster_add_ref(reader_cluster *c, const char *text);

/* Sets the reason of a failure and returns 'st'. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
chorus_status
reader_cluster_fail(reader_cluster *c, chorus_status st, const char *fmt, ...);

/* Fills c->in from what was added (id and query are not copied). */
const chorus_input *reader_cluster_finish(reader_cluster *c, const char *id, const char *query);

/* Sets *out to the leading ASCII letters of a DOCNO as a cluster string
 * ("APW19990707.0181" -> "APW"; NULL when there are none). 0, or -1 when
 * out of memory. */
int reader_docno_source(reader_cluster *c, const char *docno, const char **out);

/* A topic statement from a title and a narrative (either may be NULL or
 * empty), both trimmed: "title. narrative", without doubling the title's
 * own final '.', '?' or '!'. An arena string; NULL when out of memory. */
char *reader_make_query(ch_arena *a, const char *title, size_t tlen, const char *narr, size_t nlen);

/* 1 if 'len' bytes of 's' are all ASCII whitespace (or a UTF-8 BOM). */
int reader_is_blank(const char *s, size_t len);

/* ------------------------------------------------------------ parsers */

/* Parses one JSONL line (need not be NUL-terminated) into a fresh cluster
 * (the cluster is reset first). 'lineno' names the cluster "line-N" when it
 * has no "id". Invalid UTF-8 is repaired (U+FFFD, counted) before parsing.
 * Returns CHORUS_OK (then reader_cluster_finish() has been called),
 * CHORUS_ERR_FORMAT for invalid JSON or a wrong shape, CHORUS_ERR_EMPTY when
 * no document has text, CHORUS_ERR_NOMEM. */
chorus_status reader_jsonl_parse_line(reader_cluster *c, const char *line, size_t len,
                                      size_t lineno);

/* Parses one Multi-News .src line into a fresh cluster, editing 'line' in
 * place (NEWLINE_CHAR becomes "\n", documents are NUL-terminated), so 'line'
 * must have room for len + 1 bytes and outlive the cluster. Empty documents
 * are dropped and counted; a line without any is CHORUS_ERR_EMPTY. On
 * success the cluster is finished with id "line-N" and no references. */
chorus_status reader_mn_parse_line(reader_cluster *c, char *line, size_t len, size_t lineno);

/* Turns a Multi-News .tgt line into its summary in place: NEWLINE_CHAR
 * becomes "\n", the leading "– " is removed, surrounding whitespace is
 * trimmed, and the result is NUL-terminated. 'line' needs len + 1 bytes.
 * Returns the summary's start inside 'line'; *out_len gets its length. */
char *reader_mn_parse_summary(char *line, size_t len, size_t *out_len);

/* Appends the <DOC> elements of NIST SGML 'bytes' to 'c' (no reset, no
 * finish): meta.id = DOCNO (else 'name', or "name#k" for the k-th of
 * several), title = HEADLINE, date = DATE_TIME or DATE, source = the DOCNO's
 * leading letters; text = the TEXT paragraphs joined by blank lines. A
 * <DOC> without text counts as an empty document. CHORUS_ERR_FORMAT when
 * there is no <DOC> at all. */
chorus_status reader_duc_parse_sgml(reader_cluster *c, const char *bytes, size_t len,
                                    const char *name);

/* One topic statement of a DUC topics file. */
typedef struct reader_topic {
    const char *num;   /* "D0601A", trimmed */
    const char *query; /* title + ". " + narrative, whitespace collapsed */
} reader_topic;

/* Appends the <topic> entries of 'bytes' to the array *topics (count *n,
 * capacity *cap, grown with realloc; strings in arena 'a'). Entries without
 * a <num> are skipped. Returns CHORUS_OK or CHORUS_ERR_NOMEM. */
chorus_status reader_duc_parse_topics(const char *bytes, size_t len, ch_arena *a,
                                      reader_topic **topics, size_t *n, size_t *cap);

/* ------------------------------------------------------------ the reader */

/* What one unit is made of (see the table above). */
typedef struct reader_unit {
    const char *path;         /* stream or cluster directory or first file */
    const char *tgt;          /* MULTINEWS: paired .tgt file, or NULL */
    const char *id;           /* cluster id (TEXT, DUC) */
    const char *query;        /* DUC topic statement, or NULL */
    const char *const *files; /* (n_files) TEXT, DUC, HTML: files in order */
    size_t n_files;
    const char *const *refs; /* (n_refs) DUC: reference summary files */
    size_t n_refs;
} reader_unit;

struct chorus_reader {
    chorus_format fmt;
    ch_arena *arena;    /* paths, names, topics: the reader's lifetime */
    reader_unit *units; /* (n_units) */
    size_t n_units, units_cap;
    size_t unit;               /* the unit being read */
    reader_stream *src;        /* JSONL or Multi-News stream of 'unit' */
    reader_stream *tgt;        /* Multi-News summaries of 'unit' */
    size_t src_lines;          /* clusters or error lines seen in 'src' */
    int tgt_ended;             /* 'tgt' ran out of lines (reported once) */
    reader_stream *held_stdin; /* standard input, peeked at by detection */
    reader_cluster cur;
    ch_buf err;
    size_t max_bytes; /* READER_MAX_BYTES unless a test lowers it */
    int done;
};

/* Sets r->err to "..." and returns 'st'. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
chorus_status
reader_error(chorus_reader *r, chorus_status st, const char *fmt, ...);

/* Opens a unit's stream: standard input comes from r->held_stdin when
 * detection already opened it. NULL on failure, with r->err set. */
reader_stream *reader_open_stream(chorus_reader *r, const char *path, chorus_status *st);

/* Reads a whole file through a stream (gunzipped, limited to r->max_bytes)
 * into a malloc'd NUL-terminated block owned by r->cur. Returns the status
 * with r->err set to "PATH: reason" on failure. */
chorus_status reader_read_file(chorus_reader *r, const char *path, char **out, size_t *len);

/* One function per format: the next cluster of the current unit(s). */
chorus_status reader_next_text(chorus_reader *r, const chorus_input **out);
chorus_status reader_next_jsonl(chorus_reader *r, const chorus_input **out);
chorus_status reader_next_multinews(chorus_reader *r, const chorus_input **out);
chorus_status reader_next_duc(chorus_reader *r, const chorus_input **out);
chorus_status reader_next_html(chorus_reader *r, const chorus_input **out);

/* Builds the DUC units for directory 'dir': one per subdirectory when it has
 * any (a tree of cluster directories), else one for 'dir' itself (a single
 * cluster directory). Reference files come from ../models and topics from
 * *topics*.sgml beside the tree. */
chorus_status reader_duc_add_dir(chorus_reader *r, const char *dir);

/* Lists the non-hidden entries of 'dir', sorted by name, as arena strings:
 * regular files (full paths "dir/name") and subdirectories (full paths).
 * Either output may be NULL when not wanted. */
chorus_status reader_list_dir(chorus_reader *r, const char *dir, const char ***files,
                              size_t *n_files, const char ***dirs, size_t *n_dirs);

/* The last path component of 'path' (trailing slashes ignored) as an arena
 * string; NULL when out of memory. */
const char *reader_basename(ch_arena *a, const char *path);

/* Lowers the size limit (tests exercise it without 256 MiB inputs). */
void reader_set_max_bytes(chorus_reader *r, size_t max);

#endif
