/*
 * main-cfgen.c - the cfgen command: check, dump and emit sendmail.cf files
 * (docs/cfgen.1). Subcommands live in cli.c; this only dispatches.
 */
#include <stdio.h>
#include <string.h>

#include "cfgen/cli.h"

int main(int argc, char **argv)
{
	const struct cli_command *cmd;

	if (argc < 2) {
		cli_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_usage(stdout);
		return 0;
	}
	cmd = cli_find(argv[1]);
	if (cmd == NULL) {
		fprintf(stderr, "cfgen: unknown subcommand '%s'\n", argv[1]);
		cli_usage(stderr);
		return 2;
	}
	return cmd->run(argc - 1, argv + 1);
}
