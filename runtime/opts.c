/*
 * opts.c - sendmail's command line for the runtime (see opts.h).
 *
 * Entry points: opts_parse(), opts_apply(), opts_run_other(), opts_free().
 * At most OPTS_MAX -d and -O arguments (more is a usage error). Unknown
 * flags are refused rather than ignored, so a typo never changes the mode.
 */
#include "runtime/opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/diag.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/aliases.h"
#include "maps/newaliases.h"
#include "runtime/aliasmode.h"
#include "runtime/safefile.h"

/* The argument of a flag: glued ("-Cfile") or the next word. */
static const char *flag_arg(int argc, char **argv, int *i)
{
	if (argv[*i][2])
		return argv[*i] + 2;
	if (*i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* Parse the command line. */
int opts_parse(struct opts *o, int argc, char **argv)
{
	memset(o, 0, sizeof *o);
	o->cf = "/etc/mail/sendmail.cf";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;

		if (a[0] != '-' || a[1] == '\0')
			goto usage;
		switch (a[1]) {
		case 'b':
			if ((a[2] != 't' && a[2] != 'i') || a[3])
				goto usage;
			o->mode = a[2];
			break;
		case 'C':
			if (!(o->cf = flag_arg(argc, argv, &i)))
				goto usage;
			break;
		case 'd':
			if (o->ndebug >= OPTS_MAX)
				goto usage;
			o->debug[o->ndebug++] = a + 2;
			break;
		case 'O':
			if (!(v = flag_arg(argc, argv, &i)) || !strchr(v, '=') ||
			    o->nset >= OPTS_MAX)
				goto usage;
			o->set[o->nset++] = v;
			break;
		default:
			goto usage;
		}
	}
	if (o->mode)
		return 0;
usage:
	fputs("usage: sendmail [-C cf] [-d spec] [-O option=value] -bt | -bi\n",
	      stderr);
	return -1;
}

/* Lay -O options over the configuration's options. */
void opts_apply(struct opts *o, struct cf *cf)
{
	size_t n = cf->noptions;

	if (o->nset == 0)
		return;
	o->added = xcalloc(n + (size_t)o->nset, sizeof *o->added);
	if (n)	/* cf->options may be NULL when the .cf sets none */
		memcpy(o->added, cf->options, n * sizeof *o->added);
	for (int i = 0; i < o->nset; i++) {
		const char *eq = strchr(o->set[i], '=');
		char *name = xstrndup(o->set[i], (size_t)(eq - o->set[i]));
		/* DontBlameSendmail settings add up (safefile.h): a new entry */
		int adds = strcasecmp(name, "DontBlameSendmail") == 0;
		size_t k;

		o->added_names[o->nadded_names++] = name;
		for (k = adds ? n : 0; k < n; k++)
			if (strcasecmp(o->added[k].name, name) == 0)
				break;
		if (k == n)
			n++;
		o->added[k] = (struct ir_option){ .name = name, .value = eq + 1 };
	}
	cf->options = o->added;
	cf->noptions = n;
}

/* What building the alias files needs. */
struct alias_run {
	struct rt *rt;
	struct diag *d;
	struct aliases_resolver res;	/* names through the cf's rules */
};

/* Check one AliasFile entry as sendmail does, then rebuild it. */
static int alias_one(void *arg, const char *type, const char *path)
{
	struct alias_run *a = arg;
	struct str entry = STR_INIT;
	int st = safefile_alias(a->rt, path, stdout);

	if (st == RT_SOFTWARE)
		rt_fail(a->rt, st);
	if (st != 0)
		return 0;
	str_printf(&entry, "%s:%s", type, path);
	if (newaliases_run(str_cstr(&entry), &a->res, a->d, stdout) < 0)
		rt_fail(a->rt, RT_DATAERR);
	str_free(&entry);
	return 0;
}

/* Modes other than -bt: -bi rebuilds the alias databases of every
 * AliasFile setting with the maps library (the code newaliases runs),
 * each after sendmail's safe-file checks (safefile.h), alias names
 * resolved by the configuration's rules (aliasmode.h). */
int opts_run_other(struct opts *o, struct rt *rt)
{
	struct alias_run run = { rt, NULL, { NULL, NULL, NULL } };
	struct str files = STR_INIT;

	(void)o;
	if (aliasmode_files(rt->cf, &files) == 0) {
		fprintf(stderr, "sendmail: %s: no AliasFile option\n", rt->cf->file);
		return RT_CONFIG;
	}
	aliasmode_resolver(rt, &run.res);
	run.d = diag_new(DIAG_TEXT, stderr, "sendmail");
	aliases_foreach_file(str_cstr(&files), alias_one, &run);
	diag_free(&run.d);
	str_free(&files);
	return rt->exitstat;
}

/* Free the option array and the names we allocated. */
void opts_free(struct opts *o)
{
	if (o->added) {	/* the names of options -O added or replaced */
		for (size_t i = 0; i < o->nadded_names; i++)
			free(o->added_names[i]);
	}
	free(o->added);
	o->added = NULL;
}
