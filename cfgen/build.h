/*
 * build.h - cfgen build: .mc -> GNU m4 with mailcf's library -> validated
 * sendmail.cf, written atomically (docs/cfgen.1, "build").
 *
 * build_generate() is the shared front half of build and lint: it reads
 * the .mc, finds the library (mcpaths.h), runs `m4 -s` with the include
 * preamble, turns m4's messages and the library's "*** ERROR"/"*** WARNING"
 * lines into diagnostics at their .mc position, strips the sync lines
 * (m4run.h) and parses + validates the .cf text with every position mapped
 * back to the line of the .mc (or library file) that produced it; a
 * finding in library text moves to the .mc call that brought the text in
 * (mcpaths_blame), with one note per call and library file at the end.
 * Any m4 error, any "*** ERROR", a non-zero m4 exit or a validation error
 * makes it fail (sendmail's library exits 0 on most of its errors; we don't).
 */
#ifndef MAILCF_BUILD_H
#define MAILCF_BUILD_H

#include "cfgen/ir.h"
#include "cfgen/m4run.h"
#include "cfgen/mcpaths.h"
#include "cfgen/mcsource.h"
#include "cfgen/cliopts.h"
#include "cfgen/parse.h"
#include "lib/diag.h"
#include "lib/str.h"

/* Decides whether an m4 or library message of severity sev at pos is
 * still worth reporting (lint drops those its own checks already reported
 * on that line). */
typedef int build_filter_fn(void *ctx, const struct srcpos *pos, enum diag_severity sev);

/* A finding in library text, moved to the .mc call that brought it in. */
struct build_blame {
	const struct mc_call *call;
	const char *file;	/* the library file (owned by build_gen.lib) */
	unsigned line;
};

struct build_gen {
	struct mcsource src;	/* the .mc, scanned */
	char *libdir;		/* the library root, ending in '/' */
	struct str text;	/* the generated .cf */
	struct m4run_lines lines;	/* origin of every .cf line */
	const char *cfname;	/* name of the .cf in unmapped positions */
	struct cf *cf;		/* parsed and validated, or NULL */
	int read_failed;	/* the .mc or the library could not be read (exit 2) */
	struct mcpaths_lib lib;	/* library files read for remapping */
	struct build_blame *blamed;	/* library positions mapped to a .mc call */
	size_t nblamed;
	build_filter_fn *filter;	/* may be NULL */
	void *filter_ctx;
};

/* Generate, parse and validate input (see above). g must be zeroed except
 * for filter/filter_ctx. Returns 0 when the .cf is good, -1 otherwise. */
int build_generate(struct build_gen *g, const char *input, const char *libdir,
		   const char *cfname, const struct cf_parse_opts *popts, struct diag *d);
/* Map positions reported against the generated .cf back to their source
 * (installed by build_generate; use for later checks on g->cf). A line the
 * library emitted for a confNAME macro the .mc defines maps to that
 * define's value, so a bad option value points at the user's line. */
void build_remap(void *g, struct srcpos *pos);
void build_gen_free(struct build_gen *g);

/* A diag collector with the CF and MC catalogs, set up from o. */
struct diag *build_make_diag(const struct cli_opts *o);

/* cfgen build [options] IN.mc: the subcommand (cli.h conventions). */
int build_main(int argc, char **argv);

#endif
