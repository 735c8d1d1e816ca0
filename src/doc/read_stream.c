/*
 * read_stream.c - byte streams over files and standard input, gunzipped on
 * the fly, read whole or line by line with a size limit.
 *
 * Bytes come from read(2) into a block buffer; if the first two bytes are
 * the gzip magic (1f 8b) they go through zlib's inflate first:
 *
 *   fd --read--> raw[raw_pos, raw_end) --inflate--> buf[pos, end) --> lines
 *   fd --read------------------------------------> buf[pos, end) --> lines
 *
 * A refill never waits for more than one read(2) once some bytes are
 * decoded, so a pipe is served as data arrives. Concatenated gzip members
 * (as `cat a.gz b.gz` makes) are read one after the other.
 *
 * Lines: the line buffer grows to the longest line seen; a line beyond the
 * limit is skipped to its newline without being stored, and reported.
 */
#define _POSIX_C_SOURCE 200809L

#include "doc/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define READER_CHUNK (128 * 1024)

static void reader_stream_why(reader_stream *s, chorus_status st, const char *why) {
    s->st = st;
    snprintf(s->why, sizeof s->why, "%s", why);
}

static void reader_stream_errno(reader_stream *s, int err) {
    char msg[200];
    if (strerror_r(err, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "error %d", err);
    reader_stream_why(s, CHORUS_ERR_IO, msg);
}

void reader_format_size(char *out, size_t n, size_t bytes) {
    if (bytes >= ((size_t)1 << 20) && bytes % ((size_t)1 << 20) == 0)
        snprintf(out, n, "%zu MiB", bytes >> 20);
    else
        snprintf(out, n, "%zu bytes", bytes);
}

/* read(2) retried on EINTR: bytes read, 0 at the end, -1 on error. */
static long reader_stream_read(reader_stream *s, unsigned char *p, size_t n) {
    for (;;) {
        ssize_t k = read(s->fd, p, n);
        if (k >= 0)
            return (long)k;
        if (errno != EINTR) {
            reader_stream_errno(s, errno);
            return -1;
        }
    }
}

/* Refills raw[] when it is used up. 1 on success, 0 at the end, -1 error. */
static int reader_stream_fill_raw(reader_stream *s) {
    if (s->raw_pos < s->raw_end)
        return 1;
    if (s->raw_eof)
        return 0;
    long k = reader_stream_read(s, s->raw, READER_CHUNK);
    if (k < 0)
        return -1;
    s->raw_pos = 0;
    s->raw_end = (size_t)k;
    if (k == 0) {
        s->raw_eof = 1;
        return 0;
    }
    return 1;
}

/* Makes buf[pos, end) non-empty. 1 when it is, 0 at the end, -1 on error. */
static int reader_stream_fill_once(reader_stream *s) {
    if (s->pos < s->end)
        return 1;
    if (s->eof)
        return 0;
    if (!s->gz) {
        long k = reader_stream_read(s, s->buf, READER_CHUNK);
        if (k < 0)
            return -1;
        s->pos = 0;
        s->end = (size_t)k;
        if (k == 0)
            s->eof = 1;
        return k > 0;
    }
    for (;;) {
        int f = reader_stream_fill_raw(s);
        if (f < 0)
            return -1;
        if (f == 0) {
            s->eof = 1;
            if (!s->z_ended) {
                reader_stream_why(s, CHORUS_ERR_IO,
                                  "unexpected end of gzip data (truncated file?)");
                return -1;
            }
            return 0;
        }
        if (s->z_ended) {
            /* more bytes after a complete member: the next member */
            if (inflateReset(&s->z) != Z_OK) {
                reader_stream_why(s, CHORUS_ERR_IO, "gzip reset failed");
                return -1;
            }
            s->z_ended = 0;
        }
        size_t before = s->raw_pos;
        s->z.next_in = s->raw + s->raw_pos;
        s->z.avail_in = (uInt)(s->raw_end - s->raw_pos);
        s->z.next_out = s->buf;
        s->z.avail_out = READER_CHUNK;
        int ret = inflate(&s->z, Z_NO_FLUSH);
        s->raw_pos = s->raw_end - s->z.avail_in;
        size_t made = READER_CHUNK - s->z.avail_out;
        if (ret == Z_STREAM_END) {
            s->z_ended = 1;
        } else if (ret == Z_MEM_ERROR) {
            reader_stream_why(s, CHORUS_ERR_NOMEM, "out of memory");
            return -1;
        } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
            char msg[200];
            snprintf(msg, sizeof msg, "invalid gzip data: %s", s->z.msg ? s->z.msg : "corrupt");
            reader_stream_why(s, CHORUS_ERR_IO, msg);
            return -1;
        }
        if (made == 0 && s->raw_pos == before && ret != Z_STREAM_END) {
            reader_stream_why(s, CHORUS_ERR_IO, "invalid gzip data: no progress");
            return -1;
        }
        if (made > 0) {
            s->pos = 0;
            s->end = made;
            return 1;
        }
    }
}

/* As reader_stream_fill_once(); a failure is final. */
static int reader_stream_fill(reader_stream *s) {
    if (s->failed)
        return -1;
    int f = reader_stream_fill_once(s);
    if (f < 0)
        s->failed = 1;
    return f;
}

reader_stream *reader_stream_open(const char *path, chorus_status *st, char *why, size_t whylen) {
    reader_stream *s = calloc(1, sizeof *s);
    if (!s) {
        *st = CHORUS_ERR_NOMEM;
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    int is_stdin = strcmp(path, "-") == 0;
    s->name = is_stdin ? "<stdin>" : path;
    s->fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY);
    s->buf = malloc(READER_CHUNK);
    if (s->fd < 0 || !s->buf) {
        if (s->fd < 0)
            reader_stream_errno(s, errno);
        else
            reader_stream_why(s, CHORUS_ERR_NOMEM, "out of memory");
        goto fail;
    }
    struct stat sb;
    if (fstat(s->fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        reader_stream_errno(s, EISDIR);
        goto fail;
    }
    /* the first bytes decide between plain and gzip */
    size_t have = 0;
    while (have < 2) {
        long k = reader_stream_read(s, s->buf + have, READER_CHUNK - have);
        if (k < 0)
            goto fail;
        if (k == 0) {
            s->eof = 1;
            break;
        }
        have += (size_t)k;
    }
    if (have >= 2 && s->buf[0] == 0x1f && s->buf[1] == 0x8b) {
        s->gz = 1;
        s->raw = s->buf;
        s->raw_end = have;
        s->raw_eof = s->eof;
        s->eof = 0;
        s->buf = malloc(READER_CHUNK);
        if (!s->buf) {
            reader_stream_why(s, CHORUS_ERR_NOMEM, "out of memory");
            goto fail;
        }
        if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
            s->gz = 0; /* nothing to end */
            reader_stream_why(s, CHORUS_ERR_NOMEM, "out of memory");
            goto fail;
        }
        if (reader_stream_fill(s) < 0)
            goto fail;
    } else {
        s->end = have;
    }
    return s;
fail:
    *st = s->st;
    snprintf(why, whylen, "%s", s->why);
    reader_stream_close(s);
    return NULL;
}

const unsigned char *reader_stream_peek(reader_stream *s, size_t *n) {
    if (reader_stream_fill(s) <= 0) {
        *n = 0;
        return s->buf;
    }
    *n = s->end - s->pos;
    return s->buf + s->pos;
}

int reader_stream_getline(reader_stream *s, size_t max) {
    buf_clear(&s->line);
    int any = 0;
    chorus_status fail = CHORUS_OK; /* LIMIT or NOMEM: skip to the newline */
    for (;;) {
        int f = reader_stream_fill(s);
        if (f < 0)
            return -(int)s->st;
        if (f == 0) {
            if (!any)
                return 0;
            break; /* a last line without its newline */
        }
        any = 1;
        const unsigned char *p = s->buf + s->pos;
        size_t n = s->end - s->pos;
        const unsigned char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) : n;
        if (fail == CHORUS_OK) {
            if (take > max || s->line.len > max - take)
                fail = CHORUS_ERR_LIMIT;
            else if (buf_append(&s->line, p, take) != 0)
                fail = CHORUS_ERR_NOMEM;
            if (fail != CHORUS_OK)
                buf_free(&s->line); /* do not keep a huge buffer around */
        }
        s->pos += take + (nl != NULL);
        if (nl)
            break;
    }
    s->lineno++;
    if (fail == CHORUS_OK && !s->line.data && buf_reserve(&s->line, 0) != 0)
        fail = CHORUS_ERR_NOMEM;
    if (fail == CHORUS_ERR_LIMIT) {
        char msg[200], lim[48];
        reader_format_size(lim, sizeof lim, max);
        snprintf(msg, sizeof msg, "line longer than the limit of %s", lim);
        reader_stream_why(s, fail, msg);
        return -(int)fail;
    }
    if (fail != CHORUS_OK) {
        reader_stream_why(s, fail, "out of memory");
        return -(int)fail;
    }
    if (s->line.len && s->line.data[s->line.len - 1] == '\r')
        s->line.data[--s->line.len] = '\0';
    if (s->lineno == 1 && s->line.len >= 3 && memcmp(s->line.data, "\xef\xbb\xbf", 3) == 0) {
        memmove(s->line.data, s->line.data + 3, s->line.len - 3 + 1); /* a byte-order mark */
        s->line.len -= 3;
    }
    return 1;
}

chorus_status reader_stream_slurp(reader_stream *s, size_t max, ch_buf *out) {
    size_t start = out->len;
    for (;;) {
        int f = reader_stream_fill(s);
        if (f < 0)
            return s->st;
        if (f == 0)
            break;
        size_t n = s->end - s->pos;
        if (n > max || out->len - start > max - n) {
            char msg[200], lim[48];
            reader_format_size(lim, sizeof lim, max);
            snprintf(msg, sizeof msg, "larger than the limit of %s", lim);
            reader_stream_why(s, CHORUS_ERR_LIMIT, msg);
            return CHORUS_ERR_LIMIT;
        }
        if (buf_append(out, s->buf + s->pos, n) != 0) {
            reader_stream_why(s, CHORUS_ERR_NOMEM, "out of memory");
            return CHORUS_ERR_NOMEM;
        }
        s->pos = s->end;
    }
    if (!out->data && buf_reserve(out, 0) != 0) {
        reader_stream_why(s, CHORUS_ERR_NOMEM, "out of memory");
        return CHORUS_ERR_NOMEM;
    }
    return CHORUS_OK;
}

void reader_stream_close(reader_stream *s) {
    if (!s)
        return;
    if (s->gz)
        inflateEnd(&s->z);
    if (s->fd >= 0)
        close(s->fd);
    free(s->raw);
    free(s->buf);
    buf_free(&s->line);
    free(s);
}
