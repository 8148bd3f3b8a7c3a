/*
 * mcpaths.h - where mailcf's m4 library is, and how the include paths of
 * other distributions' .mc files are mapped onto it.
 *
 * The library root is the first of: the --libdir option, $MAILCF_CF_DIR,
 * the source tree's mc/ when running from a build tree (the executable's
 * directory + "/../../mc"), the installed MAILCF_DATADIR "/cf" (a
 * compile-time define, cfgen/module.mk). A root is accepted when it holds
 * m4/cf.m4.
 *
 * Mapped includes: sendmail's cf.m4 wherever a distribution keeps it
 * (Debian /usr/share/sendmail/cf/m4/cf.m4, Red Hat
 * /usr/share/sendmail-cf/m4/cf.m4, the relative ../m4/cf.m4, any path
 * ending in /m4/cf.m4) becomes ours; Debian's side files
 * (/etc/mail/m4/dialup.m4, /etc/mail/m4/provider.m4,
 * /usr/share/sendmail/cf/debian/autoconf.m4) become mc/debian/'s.
 * The mapping is done inside m4 by a preamble that wraps include and
 * sinclude, so the .mc is given to m4 unchanged and m4's file:line
 * messages still point into it.
 */
#ifndef MAILCF_MCPATHS_H
#define MAILCF_MCPATHS_H

#include <stddef.h>

#include "cfgen/mcsource.h"
#include "lib/diag.h"
#include "lib/str.h"

/* The library root with a trailing '/', malloc'd; NULL (err filled) when
 * none of the places holds m4/cf.m4. */
char *mcpaths_libdir(const char *option, char *err, size_t errlen);
/* The library file an include target maps to (malloc'd), or NULL when the
 * target is left alone. libdir ends in '/'. */
char *mcpaths_map(const char *target, const char *libdir);
/* Append the m4 preamble mapping every include/sinclude target literally
 * written in src; report a note for each at its position (d may be NULL). */
void mcpaths_preamble(const struct mcsource *src, const char *libdir,
		      struct str *out, struct diag *d);
/* The file an include target opens from the .mc's point of view
 * (malloc'd), or NULL: the target as written (absolute or relative to the
 * current directory), else relative to mcdir (m4 gets -I mcdir). */
char *mcpaths_find(const char *target, const char *mcdir);

/* The library's files, each scanned on first use (for mapping library
 * positions back to the .mc). Zero it and set libdir (not owned). */
struct mcpaths_lib {
	const char *libdir;
	struct mcsource **files;	/* each allocated once: pointers stay valid */
	size_t nfiles;
	int listed;		/* every *.m4 one directory below libdir is loaded */
};

/* The scanned library file at path, loaded on first use (an unreadable
 * file is kept with no text). Valid until mcpaths_lib_free. */
const struct mcsource *mcpaths_lib_file(struct mcpaths_lib *lib, const char *path);
/* The call of mc that brought in the library text at file:line, or NULL:
 * a KIND/NAME.m4 file (feature, mailer, ostype, domain, hack) comes from
 * mc's FEATURE/MAILER/OSTYPE/DOMAIN/HACK(NAME); a line inside a top-level
 * call that tests _FEAT_NAME_ (ifdef(`_FEAT_NAME_', ...)) from mc's
 * FEATURE(NAME); a line emitting the option of a confNAME (a call whose
 * first argument is confNAME) from mc's DOMAIN/OSTYPE/HACK whose file
 * defines confNAME; otherwise the line that includes the file is looked
 * at the same way, at most LIMIT_INCLUDE_DEPTH files up. *why gets the
 * library position to name: that define, else file:line. */
const struct mc_call *mcpaths_blame(struct mcpaths_lib *lib, const struct mcsource *mc,
				    const char *file, unsigned line, struct srcpos *why);
void mcpaths_lib_free(struct mcpaths_lib *lib);

#endif
