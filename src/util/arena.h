/*
 * arena.h - region allocator owning everything a cluster computes.
 *
 * Tokens, sentences, vectors and analysis results all live as long as their
 * cluster, so they are carved from one arena and released together by
 * arena_free(). Allocation is a pointer bump inside a chain of blocks; a
 * request larger than the block size gets a block of its own.
 *
 *   arena -> [block | used ......... free] -> [older block] -> ...
 *
 * Invariants: every returned pointer is aligned to 16 bytes; nothing is freed
 * individually; the arena is not thread-safe (one per cluster, one cluster
 * per thread).
 */
#ifndef CHORUS_UTIL_ARENA_H
#define CHORUS_UTIL_ARENA_H

#include <stddef.h>

typedef struct ch_arena ch_arena;

/* Returns a new arena whose blocks hold at least 'block_size' bytes (0 picks
 * a default). Returns NULL when out of memory. Free with arena_free(). */
ch_arena *arena_new(size_t block_size);

/* Returns 'n' bytes aligned to 16, or NULL when out of memory. The memory is
 * uninitialised and lives until arena_free(). */
void *arena_alloc(ch_arena *a, size_t n);

/* As arena_alloc() for 'count' elements of 'size' bytes, zero-filled; NULL on
 * overflow or out of memory. */
void *arena_calloc(ch_arena *a, size_t count, size_t size);

/* Copies 'n' bytes of 's' and appends a NUL. NULL when out of memory. */
char *arena_strndup(ch_arena *a, const char *s, size_t n);

/* Total bytes handed out so far (for memory reports). */
size_t arena_used(const ch_arena *a);

/* Releases every block. No operation if 'a' is NULL. */
void arena_free(ch_arena *a);

#endif
