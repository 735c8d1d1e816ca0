/*
 * utf8.h - validation and repair of UTF-8 input at the library boundary.
 *
 * Everything past chorus_cluster_add() may assume valid UTF-8. Repair
 * replaces each maximal invalid subsequence (as defined by Unicode 3.9,
 * "U+FFFD substitution of maximal subparts") with U+FFFD and records offset
 * anchors so derived offsets map back to the bytes as given.
 */
#ifndef CHORUS_TEXT_UTF8_H
#define CHORUS_TEXT_UTF8_H

#include <stddef.h>

#include "util/buf.h"
#include "util/offmap.h"

/* Appends 'in' to 'out' with invalid sequences replaced by U+FFFD and NUL
 * bytes replaced by U+FFFD too; adds anchors to 'map' (out offset -> offset
 * in 'in') wherever lengths diverge. Returns the number of replacements, or
 * -1 when out of memory. */
long utf8_repair(const char *in, size_t len, ch_buf *out, ch_offmap *map);

/* 1 if 'in' looks like binary data rather than text: NUL bytes in the first
 * 8 KiB, or more than 10% of its first 8 KiB being C0 control characters
 * other than tab, LF, CR, FF. 0 otherwise. */
int utf8_is_binary(const char *in, size_t len);

/* Length in bytes of the UTF-8 sequence starting at s[0] (1..4), assuming
 * valid UTF-8; 1 for a stray continuation byte. */
size_t utf8_seqlen(unsigned char c);

#endif
