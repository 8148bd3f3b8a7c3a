/*
 * main-sendmail.c - the sendmail command: address test mode (-bt).
 *
 * sendmail [-C cf] [-d spec] [-O option=value] -bt
 * Reads the configuration (cfgen; class files through the safe-file
 * rules of safefile.h), builds the runtime (rt.h), prints the -d0
 * start-up lines (debug.h) and runs test mode on stdin (bt.h). Exit
 * status as sendmail's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/parse.h"
#include "lib/diag.h"
#include "runtime/bt.h"
#include "runtime/debug.h"
#include "runtime/opts.h"
#include "runtime/rt.h"
#include "runtime/safefile.h"

/* Parse the .cf (class files under the safe-file rules), apply -O and
 * build the runtime; what loading prints is held in *held, for -d0 to
 * print around it. *cfp is NULL when the file cannot be read. */
static struct rt *load(struct opts *o, struct diag *d, struct cf **cfp,
		       char **held)
{
	size_t nheld = 0;
	struct safefile_ctx sc = { open_memstream(held, &nheld), o->set, o->nset };
	struct rt *rt = NULL;

	if (!sc.out)
		sc.out = stdout;
	*cfp = cf_parse_file(o->cf, d, &(struct cf_parse_opts){
		.open_class = safefile_open_class, .ctx = &sc });
	if (*cfp) {
		opts_apply(o, *cfp);
		rt = rt_new(*cfp, o->mode, stdout, sc.out);
	}
	if (sc.out != stdout)
		fclose(sc.out);
	return rt;
}

/* Load the configuration, apply -O and -d, run the requested mode. */
int main(int argc, char **argv)
{
	struct opts o;
	unsigned char levels[DEBUG_CATEGORIES] = { 0 };
	struct diag *d;
	struct cf *cf;
	struct rt *rt;
	FILE *quiet;
	char *held = NULL;
	int rc = 78;

	if (opts_parse(&o, argc, argv) < 0)
		return 64;
	for (int i = 0; i < o.ndebug; i++)
		debug_set(levels, o.debug[i]);
	/* sendmail reports only what it cannot read; the linter (cfgen)
	 * reports the rest, so parse diagnostics are kept quiet here */
	quiet = fopen("/dev/null", "w");
	d = diag_new(DIAG_TEXT, quiet ? quiet : stderr, "sendmail");
	rt = load(&o, d, &cf, &held);
	debug_startup(rt, levels, o.cf, held ? held : "");
	if (!cf)
		fprintf(stderr, "sendmail: cannot open %s\n", o.cf);
	if (rt) {
		memcpy(rt->debug, levels, sizeof rt->debug);
		rc = o.mode == 't' ? bt_run(rt, stdin) : opts_run_other(&o, rt);
	}
	rt_free(&rt);
	cf_free(&cf);
	diag_free(&d);
	opts_free(&o);
	free(held);
	if (quiet)
		fclose(quiet);
	return rc;
}
