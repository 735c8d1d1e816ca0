/*
 * buf.h - growable byte buffer, always NUL-terminated when non-empty.
 *
 * Used wherever output is built piece by piece (rendering, repaired text,
 * normalised words). A zero-initialised ch_buf is a valid empty buffer.
 * Functions return 0 on success and -1 when out of memory; on failure the
 * buffer keeps its previous content.
 */
#ifndef CHORUS_UTIL_BUF_H
#define CHORUS_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ch_buf {
    char *data; /* NULL or a NUL-terminated string of len bytes */
    size_t len;
    size_t cap;
} ch_buf;

int buf_reserve(ch_buf *b, size_t extra);
int buf_append(ch_buf *b, const void *p, size_t n);
int buf_puts(ch_buf *b, const char *s);
int buf_putc(ch_buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int buf_printf(ch_buf *b, const char *fmt, ...);
int buf_vprintf(ch_buf *b, const char *fmt, va_list ap);
/* Empties the buffer but keeps its memory. */
void buf_clear(ch_buf *b);
/* Hands the data to the caller (who frees it with free()) and resets the
 * buffer. Returns an empty malloc'd string for an empty buffer; NULL when out
 * of memory. */
char *buf_detach(ch_buf *b, size_t *len);
/* Frees the memory. No operation on a zeroed buffer. */
void buf_free(ch_buf *b);

#endif
