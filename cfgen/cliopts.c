/*
 * cliopts.c - getopt_long over the options every cfgen subcommand shares
 * (see cliopts.h). Each subcommand lists what it accepts; the parse is the
 * same for all, so an option means the same thing everywhere.
 */
#include "cfgen/cliopts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cfgen/validate.h"

static const struct option long_opts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "werror", no_argument, NULL, OPT_WERROR },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "no-files", no_argument, NULL, OPT_NO_FILES },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "no-positions", no_argument, NULL, OPT_NO_POSITIONS },
	{ "libdir", required_argument, NULL, OPT_LIBDIR },
	{ "maps", no_argument, NULL, OPT_MAPS },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ NULL, 0, NULL, 0 },
};

/* True if opt is in the 0-terminated list. */
static int is_allowed(const int *allowed, int opt)
{
	for (; *allowed; allowed++)
		if (*allowed == opt)
			return 1;
	return 0;
}

/* Store one recognised option; 0, or 2 on a bad value. */
static int set_opt(struct cli_opts *o, int c)
{
	switch (c) {
	case OPT_FORMAT:
		if (diag_format_parse(optarg, &o->format) < 0) {
			fprintf(stderr, "cfgen: unknown format '%s' (text, json, sarif)\n",
				optarg);
			return 2;
		}
		break;
	case OPT_WERROR: o->werror = 1; break;
	case OPT_DISABLE: o->disable = optarg; break;
	case OPT_ROOT: o->parse.root = optarg; break;
	case OPT_NO_FILES: o->parse.no_files = 1; break;
	case OPT_JSON: o->json = 1; break;
	case OPT_NO_POSITIONS: o->no_positions = 1; break;
	case OPT_LIBDIR: o->libdir = optarg; break;
	case OPT_MAPS: o->maps = 1; break;
	case OPT_OUTPUT: o->output = optarg; break;
	}
	return 0;
}

int cli_parse_args(int argc, char **argv, const int *allowed, struct cli_opts *o)
{
	const char *shortopts = is_allowed(allowed, OPT_OUTPUT) ? "o:" : "";
	int c;

	memset(o, 0, sizeof *o);
	optind = 1;
	opterr = 1;
	while ((c = getopt_long(argc, argv, shortopts, long_opts, NULL)) != -1) {
		if (c == '?')
			return 2;
		if (!is_allowed(allowed, c)) {
			fprintf(stderr, "cfgen %s: option not valid here\n", argv[0]);
			return 2;
		}
		if (set_opt(o, c))
			return 2;
	}
	if (optind != argc - 1) {
		fprintf(stderr, "cfgen %s: expected exactly one input file\n", argv[0]);
		return 2;
	}
	o->file = argv[optind];
	return 0;
}

struct diag *cli_make_diag(const struct cli_opts *o)
{
	struct diag *d = diag_new(o->format, o->format == DIAG_TEXT ? stderr : stdout,
				  "cfgen");

	diag_add_rules(d, cf_check_rules, cf_check_nrules);
	if (o->disable)
		diag_disable(d, o->disable);
	diag_set_werror(d, o->werror);
	return d;
}
