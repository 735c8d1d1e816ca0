/*
 * cli.h - what the subcommand files of the chorus command share.
 *
 * Exit codes (documented in chorus(1)):
 *   0 success, 1 bad input (a file is empty, binary, malformed),
 *   2 usage error, 3 I/O error, 4 out of memory or internal failure.
 */
#ifndef CHORUS_CLI_H
#define CHORUS_CLI_H

#include "chorus.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_INPUT 1
#define CLI_EXIT_USAGE 2
#define CLI_EXIT_IO 3
#define CLI_EXIT_INTERNAL 4

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;
} cli_command;

/* Maps a library status to the exit code above. */
int cli_exit_code(chorus_status s);

#endif
