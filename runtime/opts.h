/*
 * opts.h - sendmail's command line, as far as the runtime implements it.
 *
 * opts_parse() reads "-bt", "-bi", "-C file", "-d spec", "-O opt=val"
 * (sendmail also accepts the value glued to the letter: "-Cfile");
 * opts_apply() lays the -O options over the configuration's, the way
 * sendmail lets the command line override the .cf. Errors are printed
 * on stderr with sendmail's usage text; the caller exits 64 (EX_USAGE).
 */
#ifndef MAILCF_OPTS_H
#define MAILCF_OPTS_H

#include "cfgen/ir.h"
#include "runtime/rt.h"

#define OPTS_MAX 64

struct opts {
	char mode;		/* 't' test, 'i' initialise aliases */
	const char *cf;		/* -C, default /etc/mail/sendmail.cf */
	const char *debug[OPTS_MAX];
	int ndebug;
	const char *set[OPTS_MAX];	/* -O name=value */
	int nset;
	struct ir_option *added;	/* options array we built, or NULL */
	char *added_names[OPTS_MAX];	/* their names, owned */
	size_t nadded_names;
};

/* Parse argv into o; -1 after printing a usage message. */
int opts_parse(struct opts *o, int argc, char **argv);
/* Override or add the -O options in cf. */
void opts_apply(struct opts *o, struct cf *cf);
/* Run a mode other than -bt (-bi); the exit status. */
int opts_run_other(struct opts *o, struct rt *rt);
/* Free what opts_apply() allocated. */
void opts_free(struct opts *o);

#endif
