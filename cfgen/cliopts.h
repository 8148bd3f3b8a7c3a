/*
 * cliopts.h - the one option parser of every cfgen subcommand.
 *
 * Each subcommand passes the list of options it accepts (OPT_* values,
 * 0-terminated); anything else is a usage error. Exactly one input file
 * must follow the options. Strings in struct cli_opts point into argv.
 */
#ifndef MAILCF_CLIOPTS_H
#define MAILCF_CLIOPTS_H

#include "cfgen/parse.h"
#include "lib/diag.h"

struct cli_opts {
	const char *file;	/* the input (.cf or .mc) */
	const char *output;	/* -o FILE */
	const char *libdir;	/* --libdir DIR */
	const char *disable;	/* --disable=ID,... */
	enum diag_format format;
	int werror, json, no_positions, maps;
	struct cf_parse_opts parse;	/* --root, --no-files */
};

enum cli_opt {
	OPT_OUTPUT = 'o',
	OPT_FORMAT = 256, OPT_WERROR, OPT_DISABLE, OPT_ROOT, OPT_NO_FILES,
	OPT_JSON, OPT_NO_POSITIONS, OPT_LIBDIR, OPT_MAPS
};

/* Parse argv (argv[0] is the subcommand name) into o, accepting only the
 * options in allowed. 0, or 2 after printing a usage error. */
int cli_parse_args(int argc, char **argv, const int *allowed, struct cli_opts *o);
/* A diag collector for o's format/--werror/--disable, with the CF catalog
 * registered (callers add their own catalogs). */
struct diag *cli_make_diag(const struct cli_opts *o);

#endif
