/*
 * cli.c - cfgen check, dump and emit (see cli.h and docs/cfgen.1).
 *
 * Every subcommand parses its options with getopt_long, parses the file,
 * and writes its whole output only when it has been built completely, so a
 * failing run prints diagnostics and nothing half-made. Diagnostics go to
 * stderr (text) or stdout (--format=json|sarif).
 */
#include "cfgen/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/build.h"
#include "cfgen/dump.h"
#include "cfgen/emit.h"
#include "cfgen/mclint.h"
#include "cfgen/parse.h"
#include "cfgen/validate.h"
#include "lib/diag.h"
#include "lib/str.h"

struct cli_opts {
	enum diag_format format;
	int werror, json, no_positions;
	const char *disable;
	struct cf_parse_opts parse;
	const char *file;
};

enum { OPT_FORMAT = 256, OPT_WERROR, OPT_DISABLE, OPT_ROOT, OPT_NO_FILES, OPT_JSON,
       OPT_NO_POSITIONS };

static const struct option long_opts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "werror", no_argument, NULL, OPT_WERROR },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "no-files", no_argument, NULL, OPT_NO_FILES },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "no-positions", no_argument, NULL, OPT_NO_POSITIONS },
	{ NULL, 0, NULL, 0 },
};

/* Parse argv into o; allowed lists the options this subcommand takes
 * (by their OPT_ value). Returns 0, or 2 after printing a usage error. */
static int parse_args(int argc, char **argv, const int *allowed, struct cli_opts *o)
{
	int c;

	memset(o, 0, sizeof *o);
	optind = 1;
	opterr = 1;
	while ((c = getopt_long(argc, argv, "", long_opts, NULL)) != -1) {
		int ok = 0;
		for (const int *a = allowed; *a; a++)
			ok |= *a == c;
		if (c == '?' || !ok) {
			if (c != '?')
				fprintf(stderr, "cfgen %s: option not valid here\n", argv[0]);
			return 2;
		}
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
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "cfgen %s: expected exactly one FILE.cf\n", argv[0]);
		return 2;
	}
	o->file = argv[optind];
	return 0;
}

/* A diag collector set up from the options. */
static struct diag *make_diag(const struct cli_opts *o)
{
	struct diag *d = diag_new(o->format, o->format == DIAG_TEXT ? stderr : stdout,
				  "cfgen");

	diag_add_rules(d, cf_check_rules, cf_check_nrules);
	if (o->disable)
		diag_disable(d, o->disable);
	diag_set_werror(d, o->werror);
	return d;
}

/* Parse o->file; *status gets 2 if it could not be read, 1 on errors. */
static struct cf *load(const struct cli_opts *o, struct diag *d, int validate, int *status)
{
	struct cf *cf = cf_parse_file(o->file, d, &o->parse);

	*status = 0;
	if (cf == NULL) {
		*status = 2;
		return NULL;
	}
	if (validate)
		cf_validate(cf, d);
	if (diag_failed(d))
		*status = 1;
	return cf;
}

/* cfgen check: parse and validate, report, exit 0/1/2. */
static int run_check(int argc, char **argv)
{
	static const int allowed[] = { OPT_FORMAT, OPT_WERROR, OPT_DISABLE, OPT_ROOT,
				       OPT_NO_FILES, 0 };
	struct cli_opts o;
	struct diag *d;
	struct cf *cf;
	int status = parse_args(argc, argv, allowed, &o);

	if (status)
		return status;
	d = make_diag(&o);
	cf = load(&o, d, 1, &status);
	diag_finish(d);
	diag_free(&d);
	cf_free(&cf);
	return status;
}

/* dump and emit: parse, then print the whole output if there were no errors. */
static int run_output(int argc, char **argv, int dump)
{
	static const int allowed[] = { OPT_JSON, OPT_NO_POSITIONS, OPT_ROOT, OPT_NO_FILES, 0 };
	struct cli_opts o;
	struct str out = STR_INIT;
	struct diag *d;
	struct cf *cf;
	int status = parse_args(argc, argv, allowed, &o);

	if (status)
		return status;
	if (dump && !o.json) {
		fprintf(stderr, "cfgen dump: only --json output exists; pass --json\n");
		return 2;
	}
	d = make_diag(&o);
	cf = load(&o, d, 0, &status);
	if (status == 0) {
		if (dump)
			dump_json(cf, !o.no_positions, &out);
		else
			emit_cf(cf, &out);
		if (fwrite(out.s, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
			perror("cfgen: writing output");
			status = 2;
		}
	}
	str_free(&out);
	diag_free(&d);
	cf_free(&cf);
	return status;
}

static int run_dump(int argc, char **argv) { return run_output(argc, argv, 1); }

static int run_emit(int argc, char **argv) { return run_output(argc, argv, 0); }

static const struct cli_command commands[] = {
	{ "check", run_check, "check [--format=text|json|sarif] [--werror] "
			      "[--disable=ID,...] [--root DIR] [--no-files] FILE.cf" },
	{ "dump", run_dump, "dump --json [--no-positions] [--root DIR] [--no-files] FILE.cf" },
	{ "emit", run_emit, "emit [--root DIR] [--no-files] FILE.cf" },
	{ "build", build_main, "build [-o FILE.cf] [--maps] [--libdir DIR] "
			       "[--format=text|json|sarif] [--werror] [--disable=ID,...] "
			       "[--root DIR] [--no-files] IN.mc" },
	{ "lint", mclint_main, "lint [--libdir DIR] [--format=text|json|sarif] [--werror] "
			       "[--disable=ID,...] [--root DIR] [--no-files] IN.mc|IN.cf" },
};

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_usage(FILE *out)
{
	fprintf(out, "usage:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  cfgen %s\n", commands[i].synopsis);
}
