/*
 * main-praliases.c - praliases(8): print the alias databases named by
 * -f file, or by the AliasFile option of the cf (-C, default
 * /etc/mail/sendmail.cf). The work is in maps/praliases.c.
 * Exit: 0, EX_USAGE, EX_NOINPUT (cf unreadable or map missing; sendmail's
 * praliases exits 0 when the map is missing: a deliberate difference).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>
#include <unistd.h>

#include "lib/diag.h"
#include "maps/mapcf.h"
#include "maps/praliases.h"

/* Print the synopsis and return EX_USAGE. */
static int usage(void)
{
	fputs("usage: praliases [-C cffile] [-f aliasfile] [key ...]\n", stderr);
	return EX_USAGE;
}

int main(int argc, char **argv)
{
	const char *cf = "/etc/mail/sendmail.cf", *file = NULL;
	int c;
	while ((c = getopt(argc, argv, "C:f:")) != -1) {
		if (c == 'C')
			cf = optarg;
		else if (c == 'f')
			file = optarg;
		else
			return usage();
	}
	char *fromcf = NULL;
	if (file == NULL) {
		int readable;
		fromcf = mapcf_option(cf, "AliasFile", &readable);
		if (fromcf == NULL) {
			fprintf(stderr, "praliases: %s: %s\n", cf,
				readable ? "no AliasFile option" : "cannot read");
			return EX_NOINPUT;
		}
		file = fromcf;
	}
	struct diag *d = diag_new(DIAG_TEXT, stderr, "praliases");
	int rc = praliases_print(file, argv + optind, argc - optind, stdout, d);
	diag_free(&d);
	free(fromcf);
	if (fflush(stdout) != 0)
		return EX_IOERR;
	return rc < 0 ? EX_NOINPUT : EX_OK;
}
