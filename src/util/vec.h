/*
 * vec.h - growable arrays without a container type.
 *
 * An array is three plain fields (pointer, count, capacity); VEC_PUSH grows
 * it geometrically with realloc. Usage:
 *
 *     ch_span *v = NULL; size_t n = 0, cap = 0;
 *     if (VEC_PUSH(v, n, cap, span) != 0) return -1;   // out of memory
 *     ...
 *     free(v);
 */
#ifndef CHORUS_UTIL_VEC_H
#define CHORUS_UTIL_VEC_H

#include <stddef.h>

/* Makes room for at least 'need' elements of 'elem' bytes in *data (capacity
 * *cap). Returns 0, or -1 when out of memory (the array is unchanged). */
int vec_grow(void **data, size_t *cap, size_t need, size_t elem);

#define VEC_RESERVE(arr, cap, need) vec_grow((void **)&(arr), &(cap), (need), sizeof *(arr))
#define VEC_PUSH(arr, n, cap, item)                                                                \
    (VEC_RESERVE(arr, cap, (n) + 1) != 0 ? -1 : ((arr)[(n)++] = (item), 0))

#endif
