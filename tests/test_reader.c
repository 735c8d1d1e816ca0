/*
 * test_reader.c - the input readers: text files and directories, JSONL
 * (plain, gzip, stdin, malformed lines, huge lines, limits), the Multi-News
 * .src/.tgt pair, DUC SGML trees, format detection, and, when the shared
 * data is present, the full Multi-News validation split in both of its
 * formats and the DUC 2006 tree against its JSONL rendering.
 *
 * Fixtures live in tests/fixtures/input/; compressed, binary, huge and
 * truncated inputs are made at run time in a temporary directory.
 */
#define _XOPEN_SOURCE 700

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "testutil.h"

#include "chorus.h"
#include "doc/reader.h"

static char tmp_root[256];

/* ------------------------------------------------------------ helpers */

static char *fx(const char *rel) {
    char buf[512];
    snprintf(buf, sizeof buf, "tests/fixtures/input/%s", rel);
    char *p = tu_src_path(buf);
    assert_non_null(p);
    return p;
}

static char *tmp_path(const char *name) {
    size_t n = strlen(tmp_root) + strlen(name) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", tmp_root, name);
    return p;
}

static void write_file(const char *path, const void *data, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void write_gz(const char *path, const void *data, size_t len) {
    gzFile g = gzopen(path, "wb");
    assert_non_null(g);
    if (len)
        assert_int_equal(gzwrite(g, data, (unsigned)len), (int)len);
    assert_int_equal(gzclose(g), Z_OK);
}

static char *slurp(const char *path, size_t *len) {
    char *p = tu_read_file(path, len);
    assert_non_null(p);
    return p;
}

static chorus_reader *open1(const char *path, chorus_format fmt) {
    const char *paths[] = {path};
    chorus_status st = CHORUS_ERR_INVALID;
    char err[512];
    chorus_reader *r = chorus_reader_open(paths, 1, fmt, &st, err, sizeof err);
    if (!r)
        fail_msg("open %s: %s", path, err);
    assert_int_equal(st, CHORUS_OK);
    return r;
}

/* Opening must fail with 'want' and a message containing 'needle'. */
static void open_fails(const char *const *paths, size_t n, chorus_format fmt, chorus_status want,
                       const char *needle) {
    chorus_status st = CHORUS_OK;
    char err[512] = "unset";
    chorus_reader *r = chorus_reader_open(paths, n, fmt, &st, err, sizeof err);
    assert_null(r);
    assert_int_equal(st, want);
    if (!strstr(err, needle))
        fail_msg("message \"%s\" lacks \"%s\"", err, needle);
}

static const chorus_input *next_ok(chorus_reader *r) {
    const chorus_input *in = NULL;
    chorus_status st = chorus_reader_next(r, &in);
    if (st != CHORUS_OK)
        fail_msg("next: %s", chorus_reader_errmsg(r));
    assert_non_null(in);
    return in;
}

static void next_end(chorus_reader *r) {
    const chorus_input *in = (const chorus_input *)1;
    assert_int_equal(chorus_reader_next(r, &in), CHORUS_OK);
    assert_null(in);
    /* and it stays at the end */
    in = (const chorus_input *)1;
    assert_int_equal(chorus_reader_next(r, &in), CHORUS_OK);
    assert_null(in);
}

/* The next call must fail with 'want' and a message containing 'needle'. */
static void next_fails(chorus_reader *r, chorus_status want, const char *needle) {
    const chorus_input *in = (const chorus_input *)1;
    chorus_status st = chorus_reader_next(r, &in);
    assert_null(in);
    if (st != want)
        fail_msg("status %d, want %d (%s)", (int)st, (int)want, chorus_reader_errmsg(r));
    if (!strstr(chorus_reader_errmsg(r), needle))
        fail_msg("message \"%s\" lacks \"%s\"", chorus_reader_errmsg(r), needle);
}

static void assert_doc(const chorus_input_doc *d, const char *text) {
    assert_int_equal(d->len, strlen(text));
    assert_memory_equal(d->text, text, d->len);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int setup_tmp(void **state) {
    (void)state;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/chorus-reader-XXXXXX");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown_tmp(void **state) {
    (void)state;
    return nftw(tmp_root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* ------------------------------------------------------------ formats */

static void test_format_names(void **state) {
    (void)state;
    const char *names[] = {"auto", "text", "jsonl", "multinews", "duc", "html"};
    for (int i = 0; i < 6; i++) {
        assert_int_equal(chorus_format_parse(names[i]), i);
        assert_string_equal(chorus_format_name((chorus_format)i), names[i]);
    }
    assert_int_equal(chorus_format_parse("JSONL "), -1);
    assert_int_equal(chorus_format_parse(""), -1);
    assert_int_equal(chorus_format_parse(NULL), -1);
    assert_string_equal(chorus_format_name((chorus_format)99), "unknown");
    chorus_reader_free(NULL);
    assert_string_equal(chorus_reader_errmsg(NULL), "");
    const chorus_input *in = (const chorus_input *)1;
    assert_int_equal(chorus_reader_next(NULL, &in), CHORUS_ERR_INVALID);
    assert_null(in);
}

/* ------------------------------------------------------------ text */

static void test_text_directory(void **state) {
    (void)state;
    char *dir = fx("text");
    chorus_reader *r = open1(dir, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_TEXT);
    const chorus_input *in = next_ok(r);
    /* regular files in name order; hidden files and subdirectories skipped */
    assert_int_equal(in->n_docs, 3);
    const char *names[] = {"01-harbor.txt", "02-gazette.txt", "03-radio.txt"};
    for (size_t i = 0; i < 3; i++) {
        const chorus_input_doc *d = &in->docs[i];
        assert_non_null(strstr(d->meta.id, names[i]));
        char rel[64];
        snprintf(rel, sizeof rel, "text/%s", names[i]);
        char *p = fx(rel);
        size_t len;
        char *want = slurp(p, &len);
        assert_int_equal(d->len, len); /* bytes passed through unchanged */
        assert_memory_equal(d->text, want, len);
        free(want);
        free(p);
        for (size_t k = 0; k < i; k++)
            assert_string_not_equal(d->meta.id, in->docs[k].meta.id);
    }
    assert_int_equal(in->n_refs, 0);
    assert_null(in->query);
    next_end(r);
    chorus_reader_free(r);
    free(dir);
}

static void test_text_files_in_given_order(void **state) {
    (void)state;
    char *b = fx("text/02-gazette.txt"), *a = fx("text/01-harbor.txt");
    char *c = fx("detect/plain-notes");
    const char *paths[] = {b, a, c};
    chorus_status st;
    chorus_reader *r = chorus_reader_open(paths, 3, CHORUS_FORMAT_AUTO, &st, NULL, 0);
    assert_non_null(r);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_TEXT);
    const chorus_input *in = next_ok(r);
    assert_int_equal(in->n_docs, 3);
    assert_string_equal(in->docs[0].meta.id, b);
    assert_string_equal(in->docs[1].meta.id, a);
    assert_string_equal(in->docs[2].meta.id, c);
    assert_string_equal(in->id, b);
    next_end(r);
    chorus_reader_free(r);
    free(a);
    free(b);
    free(c);
}

static void test_text_errors(void **state) {
    (void)state;
    /* missing file: strerror's words, with the path */
    char *missing = tmp_path("no-such-file.txt");
    const char *p1[] = {missing};
    open_fails(p1, 1, CHORUS_FORMAT_AUTO, CHORUS_ERR_IO,
               "no-such-file.txt: No such file or directory");
    open_fails(p1, 1, CHORUS_FORMAT_TEXT, CHORUS_ERR_IO, "No such file or directory");

    /* empty and whitespace-only files */
    char *empty = fx("empty.txt"), *blank = fx("blank.txt");
    chorus_reader *r = open1(empty, CHORUS_FORMAT_AUTO);
    next_fails(r, CHORUS_ERR_EMPTY, "empty.txt: empty file");
    next_end(r);
    chorus_reader_free(r);
    r = open1(blank, CHORUS_FORMAT_TEXT);
    next_fails(r, CHORUS_ERR_EMPTY, "blank.txt: empty file");
    chorus_reader_free(r);

    /* binary: NUL bytes, and mostly control characters */
    char *bin = tmp_path("image.bin");
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 131 + 7);
    write_file(bin, junk, sizeof junk);
    r = open1(bin, CHORUS_FORMAT_AUTO);
    next_fails(r, CHORUS_ERR_BINARY, "image.bin: binary file (not text)");
    chorus_reader_free(r);
    char *ctl = tmp_path("control.dat");
    char ctlbuf[2000];
    for (size_t i = 0; i < sizeof ctlbuf; i++)
        ctlbuf[i] = (char)(i % 3 ? 0x01 + i % 7 : 'a');
    write_file(ctl, ctlbuf, sizeof ctlbuf);
    r = open1(ctl, CHORUS_FORMAT_TEXT);
    next_fails(r, CHORUS_ERR_BINARY, "binary file");
    chorus_reader_free(r);

    /* a good file with a bad one fails the cluster, naming the bad one */
    char *good = fx("text/01-harbor.txt");
    const char *p2[] = {good, empty};
    r = chorus_reader_open(p2, 2, CHORUS_FORMAT_TEXT, NULL, NULL, 0);
    assert_non_null(r);
    next_fails(r, CHORUS_ERR_EMPTY, "empty.txt");
    chorus_reader_free(r);

    /* an empty directory */
    char *edir = tmp_path("empty-dir");
    assert_int_equal(mkdir(edir, 0700), 0);
    const char *p3[] = {edir};
    open_fails(p3, 1, CHORUS_FORMAT_AUTO, CHORUS_ERR_EMPTY, "empty-dir: empty directory");
    open_fails(p3, 1, CHORUS_FORMAT_TEXT, CHORUS_ERR_EMPTY, "empty directory");

    /* bad arguments */
    open_fails(p1, 0, CHORUS_FORMAT_AUTO, CHORUS_ERR_INVALID, "no input");
    const char *dash2[] = {"-", "-"};
    open_fails(dash2, 2, CHORUS_FORMAT_TEXT, CHORUS_ERR_INVALID, "more than once");
    open_fails(p2, 2, (chorus_format)42, CHORUS_ERR_INVALID, "unknown input format");

    /* the size limit */
    char *big = tmp_path("big.txt");
    char text[3000];
    memset(text, 'x', sizeof text);
    for (size_t i = 7; i < sizeof text; i += 8)
        text[i] = ' ';
    write_file(big, text, sizeof text);
    r = open1(big, CHORUS_FORMAT_TEXT);
    reader_set_max_bytes(r, 2000);
    next_fails(r, CHORUS_ERR_LIMIT, "big.txt: larger than the limit of 2000 bytes");
    chorus_reader_free(r);
    r = open1(big, CHORUS_FORMAT_TEXT);
    reader_set_max_bytes(r, 3000);
    assert_int_equal(next_ok(r)->docs[0].len, 3000);
    chorus_reader_free(r);

    free(missing);
    free(empty);
    free(blank);
    free(bin);
    free(ctl);
    free(good);
    free(edir);
    free(big);
}

static void test_text_stdin(void **state) {
    (void)state;
    char *p = tmp_path("stdin.txt.gz");
    const char *msg = "Read from standard input, gzip-compressed on the way in.\n";
    write_gz(p, msg, strlen(msg));
    int saved = dup(STDIN_FILENO), fd = open(p, O_RDONLY);
    assert_true(saved >= 0 && fd >= 0);
    assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
    close(fd);
    chorus_reader *r = open1("-", CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_TEXT);
    const chorus_input *in = next_ok(r);
    assert_int_equal(in->n_docs, 1);
    assert_doc(&in->docs[0], msg);
    assert_string_equal(in->docs[0].meta.id, "stdin");
    next_end(r);
    chorus_reader_free(r);
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);
    free(p);
}

/* ------------------------------------------------------------ JSONL */

static void check_clusters_jsonl(chorus_reader *r) {
    const chorus_input *in = next_ok(r);
    assert_string_equal(in->id, "pier-1");
    assert_int_equal(in->n_docs, 2);
    assert_doc(&in->docs[0], "Harbor officials closed the north pier after a crane collapsed.");
    assert_null(in->docs[0].meta.id);
    assert_null(in->docs[0].meta.source);
    const chorus_doc_meta *m = &in->docs[1].meta;
    assert_string_equal(m->source, "Coastal Gazette");
    assert_string_equal(m->title, "Crane topples at north pier");
    assert_string_equal(m->date, "2031-04-02");
    assert_string_equal(m->url, "https://example.com/pier");
    assert_int_equal(in->n_refs, 1);
    assert_string_equal(in->refs[0], "A crane collapsed at the north pier; no one was hurt.");
    assert_null(in->query);

    in = next_ok(r); /* the blank line was skipped; an integer id */
    assert_string_equal(in->id, "42");
    assert_int_equal(in->n_docs, 2);
    m = &in->docs[0].meta;
    assert_string_equal(m->id, "XIE20310402.0007");           /* docno */
    assert_string_equal(m->title, "Port inspection ordered"); /* headline */
    assert_string_equal(m->source, "XIE");                    /* the docno's letters */
    assert_string_equal(in->docs[1].meta.id, "wire-2");
    assert_doc(&in->docs[1], "Caf\xc3\xa9 owners near the pier reported a loud bang at dawn.");
    assert_int_equal(in->n_refs, 2);
    assert_string_equal(in->refs[0], "First reference summary.");
    assert_string_equal(in->refs[1], "Second reference summary.");
    assert_string_equal(in->query, "Pier safety. Describe the collapse and the official response.");

    in = next_ok(r); /* no id: named after its line; empty documents counted */
    assert_string_equal(in->id, "line-4");
    assert_int_equal(in->n_docs, 2);
    assert_int_equal(in->n_empty_dropped, 2);
    assert_doc(&in->docs[1], "Unnamed cluster, second report.");
    assert_string_equal(in->query, "What happened at the pier?");

    in = next_ok(r); /* CRLF line end; a title ending in '?' */
    assert_string_equal(in->id, "crlf");
    assert_doc(&in->docs[0], "A report whose line ends with a carriage return.");
    assert_string_equal(in->query, "Why did the crane fall? Explain the causes.");
    next_end(r);
}

static void test_jsonl_fixture(void **state) {
    (void)state;
    char *p = fx("clusters.jsonl");
    chorus_reader *r = open1(p, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_JSONL);
    check_clusters_jsonl(r);
    chorus_reader_free(r);
    free(p);
}

static void test_jsonl_gzip_and_stdin(void **state) {
    (void)state;
    char *p = fx("clusters.jsonl");
    size_t len;
    char *data = slurp(p, &len);
    /* a .gz path */
    char *gz = tmp_path("clusters.jsonl.gz");
    write_gz(gz, data, len);
    chorus_reader *r = open1(gz, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_JSONL);
    check_clusters_jsonl(r);
    chorus_reader_free(r);

    /* two gzip members one after the other (as `cat a.gz b.gz` makes) */
    char *cat = tmp_path("concat.jsonl.gz");
    size_t half = 0;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\n' && i > len / 2) {
            half = i + 1;
            break;
        }
    gzFile g = gzopen(cat, "wb");
    assert_non_null(g);
    assert_int_equal(gzwrite(g, data, (unsigned)half), (int)half);
    assert_int_equal(gzclose(g), Z_OK);
    g = gzopen(cat, "ab");
    assert_non_null(g);
    assert_int_equal(gzwrite(g, data + half, (unsigned)(len - half)), (int)(len - half));
    assert_int_equal(gzclose(g), Z_OK);
    r = open1(cat, CHORUS_FORMAT_JSONL);
    check_clusters_jsonl(r);
    chorus_reader_free(r);

    /* gzip-compressed standard input, detected by its magic bytes */
    int saved = dup(STDIN_FILENO), fd = open(gz, O_RDONLY);
    assert_true(saved >= 0 && fd >= 0);
    assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
    close(fd);
    r = open1("-", CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_JSONL);
    check_clusters_jsonl(r);
    chorus_reader_free(r);
    assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
    close(saved);

    /* a truncated gzip file: the clusters before the cut, then an I/O error */
    FILE *f = fopen(gz, "rb");
    assert_non_null(f);
    unsigned char zbuf[8192];
    size_t zn = fread(zbuf, 1, sizeof zbuf, f);
    fclose(f);
    char *trunc = tmp_path("trunc.jsonl.gz");
    write_file(trunc, zbuf, zn - 12);
    r = open1(trunc, CHORUS_FORMAT_JSONL);
    const chorus_input *in = NULL;
    chorus_status st;
    size_t ok = 0;
    while ((st = chorus_reader_next(r, &in)) == CHORUS_OK && in)
        ok++;
    assert_int_equal(st, CHORUS_ERR_IO);
    assert_non_null(strstr(chorus_reader_errmsg(r), "trunc.jsonl.gz"));
    assert_non_null(strstr(chorus_reader_errmsg(r), "gzip"));
    assert_true(ok <= 4);
    next_end(r);
    chorus_reader_free(r);

    /* a corrupt gzip header */
    zbuf[3] = 0xff; /* reserved flag bits */
    write_file(trunc, zbuf, zn);
    r = open1(trunc, CHORUS_FORMAT_JSONL);
    next_fails(r, CHORUS_ERR_IO, "trunc.jsonl.gz: invalid gzip data");
    next_end(r);
    chorus_reader_free(r);

    free(p);
    free(data);
    free(gz);
    free(cat);
    free(trunc);
}

static void test_jsonl_malformed_lines(void **state) {
    (void)state;
    char *p = fx("bad.jsonl");
    chorus_reader *r = open1(p, CHORUS_FORMAT_AUTO);
    const chorus_input *in = next_ok(r);
    assert_string_equal(in->id, "ok-1");
    /* each bad line fails alone, with PATH:LINE: reason; reading goes on */
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:2: invalid JSON: ");
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:3: expected a JSON object");
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:4: no \"documents\" array");
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:5: \"documents\" is a string");
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:6: documents[0] has no \"text\" string");
    next_fails(r, CHORUS_ERR_EMPTY, "bad.jsonl:7: no documents");
    next_fails(r, CHORUS_ERR_EMPTY, "bad.jsonl:8: all 2 documents are empty");
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:9: documents[0]: \"title\" is a number");
    next_fails(r, CHORUS_ERR_FORMAT, "bad.jsonl:10: references[0] is a number");
    in = next_ok(r);
    assert_string_equal(in->id, "ok-2");
    assert_doc(&in->docs[0], "Fine report two.");
    next_end(r);
    chorus_reader_free(r);

    /* a byte-order mark before the first line is not part of the JSON */
    char *bom = tmp_path("bom.jsonl");
    const char *bs = "\xef\xbb\xbf{\"documents\": [\"After a BOM.\"]}\n";
    write_file(bom, bs, strlen(bs));
    r = open1(bom, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_JSONL);
    assert_doc(&next_ok(r)->docs[0], "After a BOM.");
    next_end(r);
    chorus_reader_free(r);
    free(bom);

    /* an empty JSONL file is reported, not silently nothing */
    char *e = tmp_path("empty.jsonl");
    write_file(e, "\n\n", 2);
    r = open1(e, CHORUS_FORMAT_AUTO);
    next_fails(r, CHORUS_ERR_EMPTY, "empty.jsonl: no clusters");
    next_end(r);
    chorus_reader_free(r);
    free(e);
    free(p);
}

static void test_jsonl_huge_line_and_limit(void **state) {
    (void)state;
    /* a 50 MB document on one line, then a normal line */
    const size_t n = (size_t)50 << 20;
    const char *head = "{\"id\": \"huge\", \"documents\": [\"";
    const char *tail = "\"]}\n{\"id\": \"after\", \"documents\": [\"Short.\"]}\n";
    size_t hl = strlen(head), tl = strlen(tail);
    char *line = malloc(hl + n + tl);
    assert_non_null(line);
    memcpy(line, head, hl);
    memcpy(line + hl, "crane pier ", 11); /* fill by doubling: cheap under sanitizers */
    for (size_t have = 11; have < n; have *= 2)
        memcpy(line + hl + have, line + hl, have < n - have ? have : n - have);
    memcpy(line + hl + n, tail, tl);
    char *p = tmp_path("huge.jsonl");
    write_file(p, line, hl + n + tl);
    chorus_reader *r = open1(p, CHORUS_FORMAT_AUTO);
    const chorus_input *in = next_ok(r);
    assert_string_equal(in->id, "huge");
    assert_int_equal(in->docs[0].len, n);
    assert_memory_equal(in->docs[0].text, line + hl, 64);
    assert_memory_equal(in->docs[0].text + n - 64, line + hl + n - 64, 64);
    in = next_ok(r);
    assert_string_equal(in->id, "after");
    next_end(r);
    chorus_reader_free(r);

    /* over the limit: that line fails, the next one is read */
    r = open1(p, CHORUS_FORMAT_JSONL);
    reader_set_max_bytes(r, (size_t)1 << 20);
    next_fails(r, CHORUS_ERR_LIMIT, "huge.jsonl:1: line longer than the limit of 1 MiB");
    in = next_ok(r);
    assert_string_equal(in->id, "after");
    next_end(r);
    chorus_reader_free(r);
    free(line);
    free(p);
}

static void test_jsonl_parser_direct(void **state) {
    (void)state;
    reader_cluster c;
    memset(&c, 0, sizeof c);
    /* invalid UTF-8 is repaired before parsing, and counted */
    const char bad[] = "{\"documents\": [\"caf\xe9 on the pier\", \"ok \xff\xfe\"]}";
    assert_int_equal(reader_jsonl_parse_line(&c, bad, sizeof bad - 1, 7), CHORUS_OK);
    assert_string_equal(c.in.id, "line-7");
    assert_int_equal(c.in.n_docs, 2);
    assert_true(c.in.n_replaced >= 2);
    assert_non_null(strstr(c.in.docs[0].text, "caf\xef\xbf\xbd on"));
    /* NUL escapes are refused; trailing garbage too */
    const char nul[] = "{\"documents\": [\"a\\u0000b\"]}";
    assert_int_equal(reader_jsonl_parse_line(&c, nul, sizeof nul - 1, 1), CHORUS_ERR_FORMAT);
    const char trail[] = "{\"documents\": [\"a\"]} x";
    assert_int_equal(reader_jsonl_parse_line(&c, trail, sizeof trail - 1, 1), CHORUS_ERR_FORMAT);
    assert_non_null(strstr(c.why.data, "invalid JSON"));
    /* the line need not be NUL-terminated */
    const char cut[] = "{\"documents\": [\"abc\"]}GARBAGE";
    assert_int_equal(reader_jsonl_parse_line(&c, cut, sizeof cut - 1 - 7, 1), CHORUS_OK);
    assert_doc(&c.in.docs[0], "abc");
    reader_cluster_free(&c);
}

/* ------------------------------------------------------------ Multi-News */

static void check_mn_sample(chorus_reader *r, int with_refs) {
    const chorus_input *in = next_ok(r);
    assert_string_equal(in->id, "line-1");
    assert_int_equal(in->n_docs, 2);
    assert_int_equal(in->n_empty_dropped, 1);
    assert_doc(&in->docs[0],
               "The council approved the budget on Monday . \n \n Members voted 7 to 2 .");
    assert_doc(&in->docs[1],
               "A second outlet said the vote was 7 to 2 and spending grows by 4 percent .");
    if (with_refs) {
        assert_int_equal(in->n_refs, 1);
        assert_string_equal(in->refs[0], "The council passed its budget 7-2 .");
    } else {
        assert_int_equal(in->n_refs, 0);
    }
    in = next_ok(r);
    assert_string_equal(in->id, "line-2");
    assert_int_equal(in->n_docs, 1);
    assert_doc(&in->docs[0], "Only one report here , with no separator at all .");
    next_fails(r, CHORUS_ERR_EMPTY, ":3: no documents");
    in = next_ok(r);
    assert_string_equal(in->id, "line-4");
    assert_int_equal(in->n_docs, 2);
    assert_doc(&in->docs[1], "Schools shut as storm nears \n Officials urge caution");
    if (with_refs)
        assert_string_equal(in->refs[0],
                            "Schools closed ahead of the storm . \n More storms are expected .");
    next_end(r);
}

static void test_multinews_pair(void **state) {
    (void)state;
    char *src = fx("mn/sample.src"), *tgt = fx("mn/sample.tgt");
    /* the .tgt found beside the .src */
    chorus_reader *r = open1(src, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_MULTINEWS);
    check_mn_sample(r, 1);
    chorus_reader_free(r);
    /* given as the second path */
    const char *pair[] = {src, tgt};
    r = chorus_reader_open(pair, 2, CHORUS_FORMAT_AUTO, NULL, NULL, 0);
    assert_non_null(r);
    check_mn_sample(r, 1);
    chorus_reader_free(r);
    /* a .tgt alone is refused */
    const char *lone[] = {tgt};
    open_fails(lone, 1, CHORUS_FORMAT_AUTO, CHORUS_ERR_INVALID, "must follow its .src");

    /* gzip pair, found by name; and a .src without any .tgt */
    size_t sl, tl;
    char *sd = slurp(src, &sl), *td = slurp(tgt, &tl);
    char *sgz = tmp_path("pair.src.gz"), *tgz = tmp_path("pair.tgt.gz");
    write_gz(sgz, sd, sl);
    write_gz(tgz, td, tl);
    r = open1(sgz, CHORUS_FORMAT_AUTO);
    check_mn_sample(r, 1);
    chorus_reader_free(r);
    char *alone = tmp_path("alone.src");
    write_file(alone, sd, sl);
    r = open1(alone, CHORUS_FORMAT_AUTO);
    check_mn_sample(r, 0);
    chorus_reader_free(r);

    /* a .tgt that ends early fails the first line without a summary */
    char *s2 = tmp_path("short.src"), *t2 = tmp_path("short.tgt");
    write_file(s2, sd, sl);
    const char *two = "\xe2\x80\x93 one\n\xe2\x80\x93 two\n";
    write_file(t2, two, strlen(two));
    r = open1(s2, CHORUS_FORMAT_AUTO);
    assert_string_equal(next_ok(r)->refs[0], "one");
    assert_string_equal(next_ok(r)->refs[0], "two");
    next_fails(r, CHORUS_ERR_EMPTY, "short.src:3: no documents"); /* its own error, */
    assert_non_null(strstr(chorus_reader_errmsg(r), "short.tgt: ends after line 2")); /* and */
    const chorus_input *in = next_ok(r);
    assert_int_equal(in->n_refs, 0); /* reported once, then no references */
    next_end(r);
    chorus_reader_free(r);
    write_file(s2, "a ||||| b\nc ||||| d\n", 20);
    r = open1(s2, CHORUS_FORMAT_AUTO);
    next_ok(r);
    next_ok(r);
    next_end(r);
    chorus_reader_free(r);
    write_file(s2, "a ||||| b\nc ||||| d\ne\nf\n", 24);
    r = open1(s2, CHORUS_FORMAT_AUTO);
    next_ok(r);
    next_ok(r);
    next_fails(r, CHORUS_ERR_FORMAT, "short.tgt: ends after line 2");
    assert_int_equal(next_ok(r)->n_refs, 0); /* reported once */
    next_end(r);
    chorus_reader_free(r);
    /* a .tgt with more lines than the .src */
    write_file(s2, "a ||||| b\n", 10);
    r = open1(s2, CHORUS_FORMAT_AUTO);
    next_ok(r);
    next_fails(r, CHORUS_ERR_FORMAT, "short.tgt:2: more summaries");
    next_end(r);
    chorus_reader_free(r);

    free(src);
    free(tgt);
    free(sd);
    free(td);
    free(sgz);
    free(tgz);
    free(alone);
    free(s2);
    free(t2);
}

static void test_multinews_parser_direct(void **state) {
    (void)state;
    char t[] = "  \xe2\x80\x93 Summary NEWLINE_CHAR second line  ";
    size_t n;
    char *s = reader_mn_parse_summary(t, strlen(t), &n);
    assert_string_equal(s, "Summary \n second line");
    assert_int_equal(n, strlen(s));
    char t2[] = "\xe2\x80\x93not a dash prefix";
    s = reader_mn_parse_summary(t2, strlen(t2), &n);
    assert_string_equal(s, "\xe2\x80\x93not a dash prefix");

    reader_cluster c;
    memset(&c, 0, sizeof c);
    char l1[] = "NEWLINE_CHARa|||||b||||c||||||d NEWLINE_CHA";
    assert_int_equal(reader_mn_parse_line(&c, l1, strlen(l1), 3), CHORUS_OK);
    assert_int_equal(c.in.n_docs, 3);
    assert_doc(&c.in.docs[0], "a");
    assert_doc(&c.in.docs[1], "b||||c");
    assert_doc(&c.in.docs[2], "|d NEWLINE_CHA");
    char l2[] = "";
    assert_int_equal(reader_mn_parse_line(&c, l2, 0, 1), CHORUS_ERR_EMPTY);
    reader_cluster_free(&c);
}

/* ------------------------------------------------------------ DUC */

static void test_duc_tree(void **state) {
    (void)state;
    char *dir = fx("duc/docs");
    chorus_reader *r = open1(dir, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_DUC);

    const chorus_input *in = next_ok(r);
    assert_string_equal(in->id, "D0001A");
    assert_int_equal(in->n_docs, 4); /* three files, one with two DOCs */
    const chorus_input_doc *d = &in->docs[0];
    assert_string_equal(d->meta.id, "APW20310402.0011");
    assert_string_equal(d->meta.source, "APW");
    assert_string_equal(d->meta.title, "Crane Collapse Shuts Pier");
    assert_string_equal(d->meta.date, "2031-04-02 09:14:05");
    assert_doc(d, "PORT ELLIN (AP) -- A loading crane collapsed at the north pier\n"
                  "early Tuesday, and the harbor authority closed the pier while\n"
                  "engineers checked the other cranes.\n"
                  "\n"
                  "Nobody was injured, said harbor master Lena Okafor of Dock &\n"
                  "Rail Services. ``We were lucky,'' she said.");
    /* lower-case tags, <DATE>, a headline over two lines, an unclosed <p>,
     * &#233; and &HT;, an ANNOTATION removed, &lt; &gt; decoded */
    d = &in->docs[1];
    assert_string_equal(d->meta.id, "NYT20310402.0150");
    assert_string_equal(d->meta.source, "NYT");
    assert_string_equal(d->meta.date, "2031-04-02");
    assert_string_equal(d->meta.title, "CRANE FALLS IN PORT ELLIN, RAISING SAFETY QUESTIONS");
    assert_doc(d, "PORT ELLIN _ The crane that fell on Tuesday had been due for\n"
                  "an inspection last month, according to records seen by the\n"
                  "caf\xc3\xa9 owners' association.\n"
                  "\n"
                  "Workers said the machine had made grinding noises.\n"
                  "\n"
                  "The port expects to reopen the pier <within a week>.");
    /* <TEXT> without <P>: indented lines start paragraphs */
    d = &in->docs[2];
    assert_string_equal(d->meta.id, "XIE20310403.0005");
    assert_string_equal(d->meta.source, "XIE");
    assert_doc(d, "PORT ELLIN, April 3 (Xinhua) -- The port authority said\n"
                  "Wednesday it would review all of its cranes.\n"
                  "\n"
                  "The review will take two weeks, a spokesman said, and\n"
                  "outside engineers will take part.");
    /* the second DOC of the same file; blank lines separate paragraphs */
    d = &in->docs[3];
    assert_string_equal(d->meta.id, "XIE20310403.0009");
    assert_doc(d, "Dock workers asked for weekly checks of every crane.\n\n"
                  "Their union will meet the port authority on Friday.");
    /* references: models/D0001.* in name order, not D0003.* */
    assert_int_equal(in->n_refs, 2);
    assert_non_null(strstr(in->refs[0], "A crane collapsed at the north pier of Port Ellin."));
    assert_non_null(strstr(in->refs[1], "inspectors and workers asked for checks"));
    assert_string_equal(in->query, "crane collapse at a port. Describe the collapse at the north "
                                   "pier and what the port did afterwards.");

    in = next_ok(r);
    assert_string_equal(in->id, "D0002B");
    assert_int_equal(in->n_docs, 2);
    assert_int_equal(in->n_empty_dropped, 1); /* a DOC without TEXT */
    assert_string_equal(in->docs[1].meta.id, "NYT20310511.0102");
    assert_int_equal(in->n_refs, 2);
    assert_string_equal(in->query,
                        "Why was the library closed? Describe the flood and the reopening.");
    next_end(r);
    chorus_reader_free(r);
    free(dir);
}

static void test_duc_single_cluster_and_files(void **state) {
    (void)state;
    /* one cluster directory: references and topic still found */
    char *dir = fx("duc/docs/D0002B");
    chorus_reader *r = open1(dir, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_DUC);
    const chorus_input *in = next_ok(r);
    assert_string_equal(in->id, "D0002B");
    assert_int_equal(in->n_docs, 2);
    assert_int_equal(in->n_refs, 2);
    assert_non_null(in->query);
    next_end(r);
    chorus_reader_free(r);
    /* SGML files given one by one: one cluster of all their DOCs */
    char *a = fx("duc/docs/D0001A/XIE20310403.0005"), *b = fx("duc/docs/D0002B/APW20310510.0040");
    const char *paths[] = {a, b};
    r = chorus_reader_open(paths, 2, CHORUS_FORMAT_AUTO, NULL, NULL, 0);
    assert_non_null(r);
    assert_int_equal(chorus_reader_format(r), CHORUS_FORMAT_DUC);
    in = next_ok(r);
    assert_int_equal(in->n_docs, 3);
    assert_string_equal(in->id, "XIE20310403.0005");
    assert_string_equal(in->docs[2].meta.id, "APW20310510.0040");
    assert_int_equal(in->n_refs, 0);
    next_end(r);
    chorus_reader_free(r);
    /* a file that is not SGML, read as DUC */
    char *t = fx("text/01-harbor.txt");
    r = open1(t, CHORUS_FORMAT_DUC);
    next_fails(r, CHORUS_ERR_FORMAT, "01-harbor.txt: no <DOC> element");
    next_end(r);
    chorus_reader_free(r);
    free(dir);
    free(a);
    free(b);
    free(t);
}

static void test_duc_parser_direct(void **state) {
    (void)state;
    reader_cluster c;
    memset(&c, 0, sizeof c);
    const char *s = "<DOC><TEXT>&#x41;&#66;&bogus; &QL;&Cx1f;&amp &#0; &#xD800; a&lt;b "
                    "<B>bold</B> x < y</TEXT></DOC>";
    assert_int_equal(reader_duc_parse_sgml(&c, s, strlen(s), "mem"), CHORUS_OK);
    assert_int_equal(c.n_docs, 1);
    assert_string_equal(c.docs[0].meta.id, "mem");
    assert_null(c.docs[0].meta.source);
    assert_doc(&c.docs[0], "AB&bogus; &amp &#0; &#xD800; a<b bold x < y");
    reader_cluster_reset(&c);
    /* unclosed DOCs end where the next begins; default ids are numbered */
    s = "<DOC><TEXT>one<DOC><TEXT>two</TEXT>";
    assert_int_equal(reader_duc_parse_sgml(&c, s, strlen(s), "f"), CHORUS_OK);
    assert_int_equal(c.n_docs, 2);
    assert_doc(&c.docs[0], "one");
    assert_string_equal(c.docs[1].meta.id, "f#2");
    reader_cluster_reset(&c);
    assert_int_equal(reader_duc_parse_sgml(&c, "no markup", 9, "x"), CHORUS_ERR_FORMAT);
    reader_cluster_free(&c);

    /* topics: TREC-style fields without end tags end at the next tag */
    const char *tp = "<top><topic><num> Number: 7 <title> Floods <desc> What floods? "
                     "</topic><topic><title>no number</title></topic>";
    ch_arena *a = arena_new(0);
    reader_topic *v = NULL;
    size_t n = 0, cap = 0;
    assert_int_equal(reader_duc_parse_topics(tp, strlen(tp), a, &v, &n, &cap), CHORUS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(v[0].num, "Number: 7");
    assert_string_equal(v[0].query, "Floods. What floods?");
    free(v);
    arena_free(a);
}

/* ------------------------------------------------------------ detection */

static void expect_format(const char *path, chorus_format want) {
    chorus_reader *r = open1(path, CHORUS_FORMAT_AUTO);
    if (chorus_reader_format(r) != want)
        fail_msg("%s detected as %s, want %s", path, chorus_format_name(chorus_reader_format(r)),
                 chorus_format_name(want));
    chorus_reader_free(r);
}

static void test_detection(void **state) {
    (void)state;
    const struct {
        const char *rel;
        chorus_format f;
    } cases[] = {
        {"text", CHORUS_FORMAT_TEXT},
        {"text/01-harbor.txt", CHORUS_FORMAT_TEXT},
        {"detect/plain-notes", CHORUS_FORMAT_TEXT},
        {"empty.txt", CHORUS_FORMAT_TEXT},
        {"clusters.jsonl", CHORUS_FORMAT_JSONL},
        {"detect/noext-json", CHORUS_FORMAT_JSONL},
        {"mn/sample.src", CHORUS_FORMAT_MULTINEWS},
        {"detect/noext-multinews", CHORUS_FORMAT_MULTINEWS},
        {"duc/docs", CHORUS_FORMAT_DUC},
        {"duc/docs/D0001A", CHORUS_FORMAT_DUC},
        {"duc/docs/D0001A/NYT20310402.0150", CHORUS_FORMAT_DUC},
        {"detect/page.html", CHORUS_FORMAT_HTML},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *p = fx(cases[i].rel);
        expect_format(p, cases[i].f);
        free(p);
    }
    /* by name: .json, gzip sniffed after decompression, HTML by content */
    char *j = tmp_path("x.json");
    write_file(j, "not even json\n", strlen("not even json\n"));
    expect_format(j, CHORUS_FORMAT_JSONL);
    char *z = tmp_path("noext-gz");
    const char *zs = " \n{\"documents\": [\"gz\"]}\n";
    write_gz(z, zs, strlen(zs));
    expect_format(z, CHORUS_FORMAT_JSONL);
    char *h = tmp_path("page-noext");
    const char *hs = "\xef\xbb\xbf<HTML><head><title>Quay opens</title></head><body><nav>Home"
                     "</nav><article><p>The rebuilt south quay opened on Thursday after two years"
                     " of works.</p></article></body></HTML>";
    write_file(h, hs, strlen(hs));
    expect_format(h, CHORUS_FORMAT_HTML);
    chorus_reader *r = open1(h, CHORUS_FORMAT_AUTO);
    const chorus_input *in = NULL;
    assert_int_equal(chorus_reader_next(r, &in), CHORUS_OK);
    assert_non_null(in);
    assert_int_equal(in->n_docs, 1);
    assert_non_null(strstr(in->docs[0].text, "rebuilt south quay opened"));
    assert_null(strstr(in->docs[0].text, "Home"));
    assert_non_null(in->docs[0].meta.title);
    assert_non_null(strstr(in->docs[0].meta.title, "Quay opens"));
    next_end(r);
    chorus_reader_free(r);
    /* a page without any article text is an error naming it */
    char *h2 = tmp_path("empty-page.html");
    const char *hs2 = "<html><body><script>var x = 1;</script></body></html>";
    write_file(h2, hs2, strlen(hs2));
    r = open1(h2, CHORUS_FORMAT_HTML);
    assert_int_not_equal(chorus_reader_next(r, &in), CHORUS_OK);
    assert_non_null(strstr(chorus_reader_errmsg(r), "empty-page.html"));
    chorus_reader_free(r);
    free(h2);

    /* formats cannot be mixed under AUTO */
    char *t = fx("text/01-harbor.txt"), *jl = fx("clusters.jsonl");
    const char *mixed[] = {t, jl};
    open_fails(mixed, 2, CHORUS_FORMAT_AUTO, CHORUS_ERR_INVALID, "cannot mix input formats");
    /* but an explicit format decides */
    r = chorus_reader_open(mixed, 2, CHORUS_FORMAT_TEXT, NULL, NULL, 0);
    assert_non_null(r);
    assert_int_equal(next_ok(r)->n_docs, 2);
    chorus_reader_free(r);
    free(j);
    free(z);
    free(h);
    free(t);
    free(jl);
}

/* ------------------------------------------------------------ shared data */

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_shared_multinews(void **state) {
    (void)state;
    const char *sh = tu_shared_dir();
    if (!sh) {
        print_message("skipped: ../shared is absent\n");
        skip();
    }
    char js[512], src[512], tgt[512];
    snprintf(js, sizeof js, "%s/data/multinews-val/val.jsonl.gz", sh);
    snprintf(src, sizeof src, "%s/data/multinews-val/val.src.gz", sh);
    snprintf(tgt, sizeof tgt, "%s/data/multinews-val/val.tgt.gz", sh);

    /* timing: the JSONL alone */
    double t0 = now_s();
    chorus_reader *r = open1(js, CHORUS_FORMAT_AUTO);
    const chorus_input *in;
    size_t n = 0;
    while (chorus_reader_next(r, &in) == CHORUS_OK && in)
        n++;
    chorus_reader_free(r);
    double dt = now_s() - t0;
    print_message("read %zu Multi-News val clusters from JSONL .gz in %.3f s\n", n, dt);
    assert_int_equal(n, 5622);

    /* the two formats agree, line for line */
    const char *pair[] = {src, tgt};
    chorus_reader *a = open1(js, CHORUS_FORMAT_AUTO);
    chorus_reader *b = chorus_reader_open(pair, 2, CHORUS_FORMAT_AUTO, NULL, NULL, 0);
    assert_non_null(b);
    assert_int_equal(chorus_reader_format(b), CHORUS_FORMAT_MULTINEWS);
    size_t lines = 0, docs = 0, dropped = 0;
    for (;;) {
        const chorus_input *x = NULL, *y = NULL;
        assert_int_equal(chorus_reader_next(a, &x), CHORUS_OK);
        assert_int_equal(chorus_reader_next(b, &y), CHORUS_OK);
        if (!x || !y) {
            assert_null(x);
            assert_null(y);
            break;
        }
        lines++;
        assert_int_equal(x->n_docs, y->n_docs);
        assert_int_equal(x->n_empty_dropped, y->n_empty_dropped);
        for (size_t i = 0; i < x->n_docs; i++) {
            assert_int_equal(x->docs[i].len, y->docs[i].len);
            assert_memory_equal(x->docs[i].text, y->docs[i].text, x->docs[i].len);
        }
        assert_int_equal(x->n_refs, 1);
        assert_int_equal(y->n_refs, 1);
        assert_string_equal(x->refs[0], y->refs[0]);
        docs += x->n_docs;
        dropped += x->n_empty_dropped;
    }
    assert_int_equal(lines, 5622);
    assert_true(docs > 2 * lines);
    assert_true(dropped > 0); /* the split has some empty documents */
    chorus_reader_free(a);
    chorus_reader_free(b);
}

/* Whitespace collapsed and every run of non-ASCII bytes made one '?' (the
 * JSONL has U+FFFD where a model file has a Latin-1 byte); in 'jsonl' mode,
 * the entities the JSONL conversion left in are resolved: &AMP; (kept in
 * its headlines) is '&', wire typesetting codes (&QL;, &HT;, ...) go. */
static size_t norm_words(const char *s, size_t n, char *o, int jsonl) {
    size_t w = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        if (jsonl && s[i] == '&') {
            size_t j = i + 1;
            while (j < n && j < i + 6 &&
                   ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z') ||
                    (s[j] >= '0' && s[j] <= '9')))
                j++;
            if (j < n && s[j] == ';' && j > i + 2 && s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
                int amp = j == i + 4 && memcmp(s + i + 1, "AMP", 3) == 0;
                i = j;
                if (amp) {
                    if (sp)
                        o[w++] = ' ';
                    sp = 0;
                    o[w++] = '&';
                } else {
                    sp = w > 0;
                }
                continue;
            }
        }
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
            sp = w > 0;
            continue;
        }
        if (sp)
            o[w++] = ' ';
        sp = 0;
        if ((unsigned char)s[i] >= 0x80) {
            while (i + 1 < n && (unsigned char)s[i + 1] >= 0x80)
                i++;
            o[w++] = '?';
            continue;
        }
        o[w++] = s[i];
    }
    o[w] = '\0';
    return w;
}

/* 1 if the words of 'small' appear in order in 'big', with at most
 * 'extra' words of 'big' left over. */
static int words_subsequence(const char *small, const char *big, size_t extra) {
    size_t skipped = 0;
    const char *p = small, *q = big;
    while (*p) {
        size_t lp = strcspn(p, " "), lq = strcspn(q, " ");
        if (!*q)
            return 0;
        if (lp == lq && memcmp(p, q, lp) == 0) {
            p += lp + (p[lp] == ' ');
        } else if (++skipped > extra) {
            return 0;
        }
        q += lq + (q[lq] == ' ');
    }
    while (*q) {
        size_t lq = strcspn(q, " ");
        q += lq + (q[lq] == ' ');
        skipped++;
    }
    return skipped <= extra;
}

static void test_shared_duc(void **state) {
    (void)state;
    const char *sh = tu_shared_dir();
    if (!sh) {
        print_message("skipped: ../shared is absent\n");
        skip();
    }
    char docs[512], js[512];
    snprintf(docs, sizeof docs, "%s/data/duc2006/docs", sh);
    snprintf(js, sizeof js, "%s/data/duc2006/duc2006.jsonl.gz", sh);
    chorus_reader *a = open1(docs, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(a), CHORUS_FORMAT_DUC);
    chorus_reader *b = open1(js, CHORUS_FORMAT_AUTO);
    assert_int_equal(chorus_reader_format(b), CHORUS_FORMAT_JSONL);
    size_t clusters = 0, same = 0, annotated = 0;
    size_t cap = (size_t)4 << 20;
    char *o1 = malloc(cap), *o2 = malloc(cap);
    assert_non_null(o1);
    assert_non_null(o2);
    for (;;) {
        const chorus_input *x = NULL, *y = NULL;
        assert_int_equal(chorus_reader_next(a, &x), CHORUS_OK);
        assert_int_equal(chorus_reader_next(b, &y), CHORUS_OK);
        if (!x || !y) {
            assert_null(x);
            assert_null(y);
            break;
        }
        clusters++;
        assert_string_equal(x->id, y->id);
        assert_int_equal(x->n_docs, 25);
        assert_int_equal(y->n_docs, 25);
        assert_int_equal(x->n_refs, 4);
        assert_int_equal(y->n_refs, 4);
        assert_non_null(x->query);
        assert_string_equal(x->query, y->query);
        for (size_t i = 0; i < x->n_refs; i++) {
            norm_words(x->refs[i], strlen(x->refs[i]), o1, 0);
            norm_words(y->refs[i], strlen(y->refs[i]), o2, 0);
            assert_string_equal(o1, o2);
        }
        for (size_t i = 0; i < x->n_docs; i++) {
            const chorus_input_doc *dx = &x->docs[i], *dy = &y->docs[i];
            assert_string_equal(dx->meta.id, dy->meta.id);
            assert_string_equal(dx->meta.source, dy->meta.source);
            assert_non_null(dx->meta.date);
            const char *tx = dx->meta.title ? dx->meta.title : "";
            const char *ty = dy->meta.title ? dy->meta.title : "";
            norm_words(tx, strlen(tx), o1, 0);
            norm_words(ty, strlen(ty), o2, 1);
            assert_string_equal(o1, o2);
            assert_true(dx->len < cap && dy->len < cap);
            norm_words(dx->text, dx->len, o1, 0);
            norm_words(dy->text, dy->len, o2, 1);
            if (strcmp(o1, o2) == 0) {
                same++;
                continue;
            }
            /* the JSONL keeps ANNOTATION notes; the reader drops them */
            char path[1024];
            snprintf(path, sizeof path, "%s/%s/%s", docs, x->id, dx->meta.id);
            size_t rl;
            char *raw = slurp(path, &rl);
            size_t notes = 0;
            for (const char *p = raw; (p = strstr(p, "<ANNOTATION>")) != NULL; p++)
                notes++;
            free(raw);
            if (notes == 0 || !words_subsequence(o1, o2, 16 * notes))
                fail_msg("%s: texts differ beyond its %zu annotation(s)", dx->meta.id, notes);
            annotated++;
        }
    }
    assert_int_equal(clusters, 50);
    assert_int_equal(same + annotated, 1250);
    print_message("DUC 2006 tree vs JSONL: %zu of 1250 documents identical, %zu differ only by "
                  "dropped annotations\n",
                  same, annotated);
    free(o1);
    free(o2);
    chorus_reader_free(a);
    chorus_reader_free(b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_text_directory),
        cmocka_unit_test(test_text_files_in_given_order),
        cmocka_unit_test(test_text_errors),
        cmocka_unit_test(test_text_stdin),
        cmocka_unit_test(test_jsonl_fixture),
        cmocka_unit_test(test_jsonl_gzip_and_stdin),
        cmocka_unit_test(test_jsonl_malformed_lines),
        cmocka_unit_test(test_jsonl_huge_line_and_limit),
        cmocka_unit_test(test_jsonl_parser_direct),
        cmocka_unit_test(test_multinews_pair),
        cmocka_unit_test(test_multinews_parser_direct),
        cmocka_unit_test(test_duc_tree),
        cmocka_unit_test(test_duc_single_cluster_and_files),
        cmocka_unit_test(test_duc_parser_direct),
        cmocka_unit_test(test_detection),
        cmocka_unit_test(test_shared_multinews),
        cmocka_unit_test(test_shared_duc),
    };
    const char *only = getenv("CHORUS_TEST_FILTER"); /* e.g. "test_jsonl*" */
    if (only && *only)
        cmocka_set_test_filter(only);
    return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
