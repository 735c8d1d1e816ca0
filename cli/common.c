/*
 * common.c - helpers shared by the subcommands.
 */
#include "cli.h"

int cli_exit_code(chorus_status s) {
    switch (s) {
    case CHORUS_OK:
        return CLI_EXIT_OK;
    case CHORUS_ERR_INVALID:
        return CLI_EXIT_USAGE;
    case CHORUS_ERR_IO:
        return CLI_EXIT_IO;
    case CHORUS_ERR_NOMEM:
        return CLI_EXIT_INTERNAL;
    default:
        return CLI_EXIT_INPUT;
    }
}
