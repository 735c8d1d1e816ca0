/*
 * status.c - names of the library's status codes.
 */
#include "chorus.h"

const char *chorus_status_str(chorus_status s) {
    switch (s) {
    case CHORUS_OK:
        return "success";
    case CHORUS_ERR_NOMEM:
        return "out of memory";
    case CHORUS_ERR_INVALID:
        return "invalid argument";
    case CHORUS_ERR_EMPTY:
        return "empty input";
    case CHORUS_ERR_BINARY:
        return "binary input (not text)";
    case CHORUS_ERR_IO:
        return "input/output error";
    case CHORUS_ERR_FORMAT:
        return "malformed input";
    case CHORUS_ERR_LIMIT:
        return "input exceeds a limit";
    }
    return "unknown status";
}
