/*
 * offmap.c - derived-to-source offset maps. See offmap.h.
 */
#include "util/offmap.h"

#include <stdlib.h>

#include "util/vec.h"

int offmap_add(ch_offmap *m, size_t out, size_t src) {
    if (m->n && m->a[m->n - 1].out == out) {
        m->a[m->n - 1].src = src;
        return 0;
    }
    ch_anchor an = {out, src};
    return VEC_PUSH(m->a, m->n, m->cap, an);
}

size_t offmap_src(const ch_offmap *m, size_t out) {
    if (!m->n || out < m->a[0].out)
        return out;
    size_t lo = 0, hi = m->n; /* last anchor with a.out <= out */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->a[mid].out <= out)
            lo = mid;
        else
            hi = mid;
    }
    size_t s = m->a[lo].src + (out - m->a[lo].out);
    /* a byte before the next anchor lies before that anchor's source */
    if (lo + 1 < m->n && m->a[lo + 1].src > m->a[lo].src && s >= m->a[lo + 1].src)
        s = m->a[lo + 1].src - 1;
    return s;
}

size_t offmap_src_end(const ch_offmap *m, size_t out_end) {
    return out_end ? offmap_src(m, out_end - 1) + 1 : offmap_src(m, 0);
}

void offmap_free(ch_offmap *m) {
    free(m->a);
    m->a = NULL;
    m->n = m->cap = 0;
}
