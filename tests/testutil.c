/*
 * testutil.c - file helpers for tests. See testutil.h.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *tu_src_path(const char *rel) {
    if (rel[0] == '/') {
        char *p = malloc(strlen(rel) + 1);
        if (p)
            strcpy(p, rel);
        return p;
    }
    size_t n = strlen(CHORUS_SOURCE_DIR) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", CHORUS_SOURCE_DIR, rel);
    return p;
}

char *tu_read_file(const char *path, size_t *len) {
    char *full = tu_src_path(path);
    if (!full)
        return NULL;
    FILE *f = fopen(full, "rb");
    free(full);
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

const char *tu_shared_dir(void) {
    static char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/../shared", CHORUS_SOURCE_DIR);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return path;
    return NULL;
}
