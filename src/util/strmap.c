/*
 * strmap.c - string interning with open addressing. See strmap.h.
 */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/vec.h"

typedef struct {
    uint64_t hash;
    uint32_t id; /* STRMAP_NONE marks an empty slot */
} strmap_slot;

typedef struct {
    size_t off; /* into pool */
    size_t len;
} strmap_key_ref;

struct ch_strmap {
    strmap_slot *slots; /* (cap) */
    size_t cap;         /* power of two */
    strmap_key_ref *keys;
    size_t n_keys, keys_cap;
    ch_buf pool;
};

uint64_t strmap_hash(const char *key, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static int strmap_alloc_slots(ch_strmap *m, size_t cap) {
    strmap_slot *s = malloc(cap * sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < cap; i++)
        s[i].id = STRMAP_NONE;
    m->slots = s;
    m->cap = cap;
    return 0;
}

ch_strmap *strmap_new(void) {
    ch_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    if (strmap_alloc_slots(m, 64) != 0) {
        free(m);
        return NULL;
    }
    return m;
}

static int strmap_rehash(ch_strmap *m) {
    strmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    if (strmap_alloc_slots(m, old_cap * 2) != 0) {
        m->slots = old;
        m->cap = old_cap;
        return -1;
    }
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].id == STRMAP_NONE)
            continue;
        size_t j = old[i].hash & (m->cap - 1);
        while (m->slots[j].id != STRMAP_NONE)
            j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
    free(old);
    return 0;
}

static size_t strmap_find(const ch_strmap *m, const char *key, size_t n, uint64_t h) {
    size_t j = h & (m->cap - 1);
    for (;;) {
        const strmap_slot *s = &m->slots[j];
        if (s->id == STRMAP_NONE)
            return j;
        if (s->hash == h) {
            const strmap_key_ref *k = &m->keys[s->id];
            if (k->len == n && memcmp(m->pool.data + k->off, key, n) == 0)
                return j;
        }
        j = (j + 1) & (m->cap - 1);
    }
}

uint32_t strmap_get(const ch_strmap *m, const char *key, size_t n) {
    if (!m)
        return STRMAP_NONE;
    return m->slots[strmap_find(m, key, n, strmap_hash(key, n))].id;
}

uint32_t strmap_intern(ch_strmap *m, const char *key, size_t n, int *is_new) {
    uint64_t h = strmap_hash(key, n);
    size_t j = strmap_find(m, key, n, h);
    if (m->slots[j].id != STRMAP_NONE) {
        if (is_new)
            *is_new = 0;
        return m->slots[j].id;
    }
    if (m->n_keys >= STRMAP_NONE - 1)
        return STRMAP_NONE;
    if ((m->n_keys + 1) * 2 > m->cap) {
        if (strmap_rehash(m) != 0)
            return STRMAP_NONE;
        j = strmap_find(m, key, n, h);
    }
    strmap_key_ref ref = {m->pool.len, n};
    if (buf_append(&m->pool, key, n) != 0 || buf_putc(&m->pool, '\0') != 0)
        return STRMAP_NONE;
    if (VEC_PUSH(m->keys, m->n_keys, m->keys_cap, ref) != 0)
        return STRMAP_NONE;
    uint32_t id = (uint32_t)(m->n_keys - 1);
    m->slots[j].hash = h;
    m->slots[j].id = id;
    if (is_new)
        *is_new = 1;
    return id;
}

const char *strmap_key(const ch_strmap *m, uint32_t id, size_t *n) {
    const strmap_key_ref *k = &m->keys[id];
    if (n)
        *n = k->len;
    return m->pool.data + k->off;
}

uint32_t strmap_pair(ch_strmap *m, uint32_t a, uint32_t b, int add) {
    unsigned char k[8];
    for (int i = 0; i < 4; i++) {
        k[i] = (unsigned char)(a >> (8 * i));
        k[4 + i] = (unsigned char)(b >> (8 * i));
    }
    return add ? strmap_intern(m, (const char *)k, sizeof k, NULL)
               : strmap_get(m, (const char *)k, sizeof k);
}

uint32_t strmap_count(const ch_strmap *m) { return m ? (uint32_t)m->n_keys : 0; }

void strmap_free(ch_strmap *m) {
    if (!m)
        return;
    free(m->slots);
    free(m->keys);
    buf_free(&m->pool);
    free(m);
}
