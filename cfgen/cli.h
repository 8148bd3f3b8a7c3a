/*
 * cli.h - the cfgen subcommands (cfgen/main-cfgen.c dispatches to them).
 *
 * Each subcommand takes argv from its own name on and returns the exit
 * status: 0 clean, 1 the configuration has errors, 2 usage or I/O error.
 * The table is the one place to add a subcommand (build and lint come from
 * the mc front end).
 */
#ifndef MAILCF_CLI_H
#define MAILCF_CLI_H

#include <stdio.h>

struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;
};

/* The subcommand called name, or NULL. */
const struct cli_command *cli_find(const char *name);
/* Print the usage summary of every subcommand. */
void cli_usage(FILE *out);

#endif
