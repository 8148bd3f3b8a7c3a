/*
 * mailer.h - mailer (M line) properties the runtime derives as sendmail's
 * readcf does: the U= user and group (and the "user[:group]" syntax it
 * shares with the DefaultUser option), and the built-in mailers.
 */
#ifndef MAILCF_MAILER_H
#define MAILCF_MAILER_H

#include <stdio.h>

#include "cfgen/ir.h"

struct rt;

/* The uid and gid of spec "user[:group]" (names or numbers; spec may be
 * NULL), -1 for what is not set. Returns 0, or -1 with *what
 * ("user"/"group") and *name pointing into a static buffer when a name is
 * unknown; then, as in sendmail, the rest of spec is ignored. */
int ugid_parse(const char *spec, long *uid, long *gid, const char **what,
	       const char **name);
/* ugid_parse() of m's U= field. */
int mailer_ugid(const struct ir_mailer *m, long *uid, long *gid,
		const char **what, const char **name);
/* The mailer named name: the configuration's, else one of sendmail's
 * built-ins ("prog", "*file*", "*include*") with their default fields;
 * NULL if neither. */
const struct ir_mailer *mailer_find(const struct rt *rt, const char *name);
/* Print readcf's complaints about every mailer's U= on err; each is a
 * syserr in sendmail, so the exit status becomes 70 (EX_SOFTWARE). */
void mailer_check_all(struct rt *rt, FILE *err);

#endif
