/*
 * testutil.h - helpers shared by the cmocka test programs.
 */
#ifndef CHORUS_TESTUTIL_H
#define CHORUS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* Reads a whole file relative to the source tree (or absolute); returns a
 * malloc'd NUL-terminated buffer and its length, or NULL. */
char *tu_read_file(const char *path, size_t *len);

/* Path of the shared material beside the project (../shared), or NULL when
 * it is absent. */
const char *tu_shared_dir(void);

/* Absolute path of a file in the source tree (static buffer per call site is
 * not needed: returns a malloc'd string). */
char *tu_src_path(const char *rel);

#endif
