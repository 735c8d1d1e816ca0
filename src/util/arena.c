/*
 * arena.c - bump allocation over a chain of malloc'd blocks. See arena.h.
 */
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_BLOCK (64 * 1024)

typedef struct arena_block {
    struct arena_block *prev;
    size_t cap;  /* bytes of data[] */
    size_t used; /* bytes of data[] handed out */
    _Alignas(16) unsigned char data[];
} arena_block;

struct ch_arena {
    arena_block *head;
    size_t block_size;
    size_t total; /* bytes handed out, all blocks */
};

ch_arena *arena_new(size_t block_size) {
    ch_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->block_size = block_size ? block_size : ARENA_DEFAULT_BLOCK;
    return a;
}

static arena_block *arena_add_block(ch_arena *a, size_t need) {
    size_t cap = need > a->block_size ? need : a->block_size;
    if (cap > SIZE_MAX - sizeof(arena_block))
        return NULL;
    arena_block *b = malloc(sizeof(arena_block) + cap);
    if (!b)
        return NULL;
    b->cap = cap;
    b->used = 0;
    /* A block made for one oversized request goes behind the head so the
     * head's free space stays usable. */
    if (a->head && need > a->block_size) {
        b->prev = a->head->prev;
        a->head->prev = b;
    } else {
        b->prev = a->head;
        a->head = b;
    }
    return b;
}

void *arena_alloc(ch_arena *a, size_t n) {
    if (!a)
        return NULL;
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        b = arena_add_block(a, n);
        if (!b)
            return NULL;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    return p;
}

void *arena_calloc(ch_arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *arena_strndup(ch_arena *a, const char *s, size_t n) {
    if (n == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t arena_used(const ch_arena *a) { return a ? a->total : 0; }

void arena_free(ch_arena *a) {
    if (!a)
        return;
    arena_block *b = a->head;
    while (b) {
        arena_block *prev = b->prev;
        free(b);
        b = prev;
    }
    free(a);
}
