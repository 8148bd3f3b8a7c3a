/*
 * main-newaliases.c - newaliases(8): rebuild the alias databases named by
 * the AliasFile option of the configuration (-C, default
 * /etc/mail/sendmail.cf), or the [type:]file arguments given instead.
 * All the work is in maps/newaliases.c (shared with sendmail -bi); the cf
 * is read with cfgen's parser. Exit: 0, EX_USAGE, EX_CONFIG (cf unusable
 * or no AliasFile), EX_DATAERR (a file had bad entries or failed to build).
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

/* Print the synopsis and return EX_USAGE. */
static int usage(void)
{
	fputs("Usage: newaliases [-C cffile] [[type:]aliasfile ...]\n", stderr);
	return EX_USAGE;
}

/* The AliasFile value of the cf at path into out; 0, or an exit status
 * after reporting. */
static int aliasfile_from_cf(const char *path, struct diag *d, struct str *out)
{
	struct cf_parse_opts po = { .no_files = 1 };
	struct cf *cf = cf_parse_file(path, d, &po);
	if (cf == NULL)
		return EX_CONFIG;
	const struct ir_option *opt = cf_option(cf, "AliasFile");
	int rc = 0;
	if (opt == NULL || opt->value == NULL || opt->value[0] == '\0') {
		fprintf(stderr, "newaliases: %s: no AliasFile option\n", path);
		rc = EX_CONFIG;
	} else {
		str_append(out, opt->value);
	}
	cf_free(&cf);
	return rc;
}

int main(int argc, char **argv)
{
	const char *cfpath = "/etc/mail/sendmail.cf";
	int c;
	while ((c = getopt(argc, argv, "C:")) != -1) {
		if (c != 'C')
			return usage();
		cfpath = optarg;
	}
	struct diag *d = diag_new(DIAG_TEXT, stderr, "newaliases");
	struct str files = STR_INIT;
	int rc = 0;
	for (int i = optind; i < argc; i++)
		str_printf(&files, "%s%s", i > optind ? "," : "", argv[i]);
	if (optind == argc)
		rc = aliasfile_from_cf(cfpath, d, &files);
	if (rc == 0 && newaliases_run(str_cstr(&files), d, stdout) < 0)
		rc = EX_DATAERR;
	str_free(&files);
	diag_free(&d);
	return rc;
}
