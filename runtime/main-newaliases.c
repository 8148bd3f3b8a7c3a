/*
 * main-newaliases.c - newaliases(8): rebuild the alias databases named by
 * every AliasFile setting of the configuration (-C, default
 * /etc/mail/sendmail.cf), exactly as "sendmail -bi" does (the same code,
 * opts_run_other(), safe-file checks included): alias names are
 * parsed with the configuration's rules and must resolve to a local
 * (F=A) mailer (runtime/aliasmode.h). Our extension: [type:]file
 * arguments are built instead; then the configuration is read only when
 * -C names one, and without it a name with an '@' counts as non-local.
 * The building is maps/newaliases.c. Exit: 0, EX_USAGE, EX_CONFIG (cf
 * unusable or no AliasFile), EX_DATAERR (a file had bad entries or failed
 * to build).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cfgen/ir.h"
#include "cfgen/parse.h"
#include "lib/diag.h"
#include "lib/str.h"
#include "maps/newaliases.h"
#include "runtime/aliasmode.h"
#include "runtime/opts.h"
#include "runtime/rt.h"
#include "runtime/safefile.h"

/* Print the synopsis and return EX_USAGE. */
static int usage(void)
{
	fputs("Usage: newaliases [-C cffile] [[type:]aliasfile ...]\n", stderr);
	return EX_USAGE;
}

/* Load the cf at path and its runtime; 0 or EX_CONFIG after reporting. */
static int load(const char *path, struct cf **cf, struct rt **rt)
{
	FILE *quiet = fopen("/dev/null", "w");
	struct diag *pd = diag_new(DIAG_TEXT, quiet ? quiet : stderr, "newaliases");
	struct safefile_ctx sc = { stdout, NULL, 0 };

	/* as sendmail: only what cannot be read is reported here; class
	 * files are read under the safe-file rules, as by sendmail -bi */
	*cf = cf_parse_file(path, pd, &(struct cf_parse_opts){
		.open_class = safefile_open_class, .ctx = &sc });
	diag_free(&pd);
	if (quiet)
		fclose(quiet);
	if (*cf == NULL) {
		fprintf(stderr, "newaliases: cannot open %s\n", path);
		return EX_CONFIG;
	}
	*rt = rt_new(*cf, 'i', stdout, stdout);
	return *rt ? 0 : EX_CONFIG;
}

/* Rebuild the files named on the command line (rt NULL: no rules). */
static int build_args(char **files, int n, struct rt *rt)
{
	struct aliases_resolver res;
	struct str list = STR_INIT;
	struct diag *d = diag_new(DIAG_TEXT, stderr, "newaliases");
	int rc = 0;

	for (int i = 0; i < n; i++)
		str_printf(&list, "%s%s", i ? "," : "", files[i]);
	if (rt)
		aliasmode_resolver(rt, &res);
	if (newaliases_run(str_cstr(&list), rt ? &res : NULL, d, stdout) < 0)
		rc = EX_DATAERR;
	diag_free(&d);
	str_free(&list);
	return rc;
}

int main(int argc, char **argv)
{
	const char *cfpath = NULL;
	struct cf *cf = NULL;
	struct rt *rt = NULL;
	int c, rc = 0;

	while ((c = getopt(argc, argv, "C:")) != -1) {
		if (c != 'C')
			return usage();
		cfpath = optarg;
	}
	if (cfpath != NULL || optind == argc)
		rc = load(cfpath ? cfpath : "/etc/mail/sendmail.cf", &cf, &rt);
	if (rc == 0 && optind == argc)
		rc = opts_run_other(NULL, rt);	/* exactly sendmail -bi */
	else if (rc == 0)
		rc = build_args(argv + optind, argc - optind, rt);
	rt_free(&rt);
	cf_free(&cf);
	return rc;
}
