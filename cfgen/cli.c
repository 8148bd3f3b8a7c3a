/*
 * cli.c - cfgen check, dump and emit (see cli.h and docs/cfgen.1).
 *
 * Every subcommand parses its options with getopt_long, parses the file,
 * and writes its whole output only when it has been built completely, so a
 * failing run prints diagnostics and nothing half-made. Diagnostics go to
 * stderr (text) or stdout (--format=json|sarif).
 */
#include "cfgen/cli.h"

#include <stdlib.h>
#include <string.h>

#include "cfgen/build.h"
#include "cfgen/cliopts.h"
#include "cfgen/dump.h"
#include "cfgen/emit.h"
#include "cfgen/mclint.h"
#include "cfgen/parse.h"
#include "cfgen/validate.h"
#include "lib/diag.h"
#include "lib/str.h"

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
	int status = cli_parse_args(argc, argv, allowed, &o);

	if (status)
		return status;
	d = cli_make_diag(&o);
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
	int status = cli_parse_args(argc, argv, allowed, &o);

	if (status)
		return status;
	if (dump && !o.json) {
		fprintf(stderr, "cfgen dump: only --json output exists; pass --json\n");
		return 2;
	}
	d = cli_make_diag(&o);
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
