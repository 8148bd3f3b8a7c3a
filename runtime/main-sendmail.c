/*
 * main-sendmail.c - the sendmail command: address test mode (-bt).
 *
 * sendmail [-C cf] [-d spec] [-O option=value] -bt
 * Reads the configuration (cfgen), builds the runtime (rt.h) and runs
 * test mode on stdin (bt.h). Exit status as sendmail's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgen/parse.h"
#include "lib/diag.h"
#include "runtime/bt.h"
#include "runtime/opts.h"
#include "runtime/rt.h"

/* Load the configuration, apply -O and -d, run the requested mode. */
int main(int argc, char **argv)
{
	struct opts o;
	struct diag *d;
	struct cf *cf;
	struct rt *rt = NULL;
	FILE *quiet;
	int rc;

	if (opts_parse(&o, argc, argv) < 0)
		return 64;
	/* sendmail reports only what it cannot read; the linter (cfgen)
	 * reports the rest, so parse diagnostics are kept quiet here */
	quiet = fopen("/dev/null", "w");
	d = diag_new(DIAG_TEXT, quiet ? quiet : stderr, "sendmail");
	cf = cf_parse_file(o.cf, d, &(struct cf_parse_opts){ 0 });
	if (!cf) {
		fprintf(stderr, "sendmail: cannot open %s\n", o.cf);
		rc = 78;
		goto out;
	}
	opts_apply(&o, cf);
	rt = rt_new(cf, o.mode, stdout, stdout);
	if (!rt) {
		rc = 78;
		goto out;
	}
	for (int i = 0; i < o.ndebug; i++)
		bt_debug(rt, o.debug[i]);
	rc = o.mode == 't' ? bt_run(rt, stdin) : opts_run_other(&o, rt);
out:
	rt_free(&rt);
	cf_free(&cf);
	diag_free(&d);
	opts_free(&o);
	if (quiet)
		fclose(quiet);
	return rc;
}
