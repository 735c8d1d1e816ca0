/*
 * strmap.h - interning of byte strings to dense ids 0, 1, 2, ...
 *
 * The vocabulary of a cluster, the stopword set, the IDF table: each maps a
 * string to a small integer. Keys are copied into one growing byte pool and
 * found through an open-addressing table of (hash, id) slots with linear
 * probing, kept at most half full.
 *
 *   slots: [h|id] [empty] [h|id] ...      pool: "said\0kerry\0state\0..."
 *   keys:  id -> (offset into pool, length)
 *
 * Ids are assigned in insertion order and never change. Not thread-safe for
 * writers; concurrent readers of a map nobody writes are fine.
 */
#ifndef CHORUS_UTIL_STRMAP_H
#define CHORUS_UTIL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#define STRMAP_NONE UINT32_MAX

typedef struct ch_strmap ch_strmap;

/* New empty map; NULL when out of memory. Free with strmap_free(). */
ch_strmap *strmap_new(void);

/* Returns the id of 'key' (length 'n'), adding it when absent; *is_new (may
 * be NULL) tells which. Returns STRMAP_NONE when out of memory. */
uint32_t strmap_intern(ch_strmap *m, const char *key, size_t n, int *is_new);

/* Returns the id of 'key', or STRMAP_NONE when absent. */
uint32_t strmap_get(const ch_strmap *m, const char *key, size_t n);

/* The id of the pair of ids (a, b) as an 8-byte key (b = UINT32_MAX for a
 * single id): added when absent if 'add', else STRMAP_NONE when absent (or
 * out of memory). For n-grams of term or token ids. */
uint32_t strmap_pair(ch_strmap *m, uint32_t a, uint32_t b, int add);

/* Returns the NUL-terminated key of 'id' (valid until the next insertion)
 * and its length in *n (may be NULL). */
const char *strmap_key(const ch_strmap *m, uint32_t id, size_t *n);

/* Number of keys. */
uint32_t strmap_count(const ch_strmap *m);

/* 64-bit hash of a byte string (FNV-1a with a final mix). */
uint64_t strmap_hash(const char *key, size_t n);

/* No operation if 'm' is NULL. */
void strmap_free(ch_strmap *m);

#endif
