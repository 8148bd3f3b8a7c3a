/*
 * maplint.h - lint map sources: access, aliases, virtusertable,
 * mailertable, local-host-names (and relay-domains, which has the same
 * form). Check IDs and meanings follow the lint catalog (ACC, ALI, VUT, MT,
 * LHN; MAP for source syntax, XF001 for a map older than its source); see
 * maplint_rules[] and docs/makemap.8.
 *
 * Reachable as `makemap --lint type mapname < source` and, for cfgen lint,
 * through maplint_run(). The kind of map is given (--kind=) or taken from
 * the map name's last path component: access, aliases, virtusertable
 * (or virtuser), mailertable, local-host-names, relay-domains, sendmail.cw
 * (a ".db"/".cdb"/".txt" suffix is ignored). Cross-file checks (VUT001,
 * MT001 mailers, MT002, MT004) run only when the caller passes the local
 * domains, the mailer names or the smart-host flag.
 * Everything is reported through diag; nothing is written.
 */
#ifndef MAILCF_MAPLINT_H
#define MAILCF_MAPLINT_H

#include <stdio.h>

#include "lib/diag.h"

enum maplint_kind {
	MAPLINT_ACCESS, MAPLINT_ALIASES, MAPLINT_VIRTUSER, MAPLINT_MAILERTABLE,
	MAPLINT_HOSTS,		/* local-host-names, relay-domains */
};

struct maplint_opts {
	const char *kind;		/* --kind, or NULL: from the map name */
	const char *local_domains;	/* comma list ($=w), or NULL */
	const char *mailers;		/* comma list of mailer names, or NULL */
	const char *source;		/* the text file to read instead of in;
					 * also the file the map must be newer
					 * than (default: mapname, if it exists) */
	int smart_host;			/* a SMART_HOST is configured (MT004) */
};

/* The checks, for SARIF and the man page; callers of maplint_run()
 * register them with diag_add_rules() once per diag. */
extern const struct diag_rule maplint_rules[];
extern const unsigned maplint_nrules;

/* Kind by name ("access", ...) or from a map path; 0 or -1. */
int maplint_kind_parse(const char *name, enum maplint_kind *kind);
int maplint_kind_guess(const char *mapname, enum maplint_kind *kind);
/* Lint the source read from in (named file in messages) as kind; type and
 * mapname locate the built map for the staleness checks (mapname may be
 * NULL to skip them). 0, or -1 if the source could not be read. */
int maplint_run(FILE *in, const char *file, enum maplint_kind kind,
		const char *type, const char *mapname,
		const struct maplint_opts *o, struct diag *d);
/* makemap --lint: pick the kind, read o->source or in, report in format
 * ("text", "json", "sarif"; NULL = text) to stderr (text) or stdout.
 * Returns the exit status: 0 clean, 1 findings at error level (warnings
 * too with werror), 2 usage or unreadable input. */
int maplint_main(FILE *in, const char *type, const char *mapname,
		 const struct maplint_opts *o, const char *format,
		 const char *disable, int werror);

#endif
