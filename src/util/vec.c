/*
 * vec.c - the growth step behind VEC_PUSH. See vec.h.
 */
#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>

int vec_grow(void **data, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return -1;
        c *= 2;
    }
    if (elem && c > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*data, c * elem);
    if (!p)
        return -1;
    *data = p;
    *cap = c;
    return 0;
}
