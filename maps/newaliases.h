/*
 * newaliases.h - rebuild alias databases (newaliases, sendmail -bi).
 *
 * For each AliasFile entry ("/etc/mail/aliases", "hash:/etc/mail/aliases",
 * "cdb:/etc/mail/aliases"; a comma-separated list as in the option),
 * parse the text file with aliases.h and publish FILE.db (or FILE.cdb)
 * atomically. Keys and values are stored with their trailing NUL and the
 * "@" -> "@" sentinel is added, as sendmail stores them, so sendmail-style
 * readers (and ours, mapdb.h) find them. A file with any bad entry is not
 * built: its old map stays and the problems are reported through diag
 * (sendmail builds anyway). Duplicate names are warned about (ALI002) and
 * the last value wins, as in sendmail. After each build the summary line
 * "FILE: N aliases, longest N bytes, N bytes total" goes to out.
 */
#ifndef MAILCF_NEWALIASES_H
#define MAILCF_NEWALIASES_H

#include <stdio.h>

#include "lib/diag.h"
#include "maps/aliases.h"

/* Totals of one build, as sendmail prints them. */
struct newaliases_stats {
	unsigned long aliases;	/* entries read (duplicates counted) */
	size_t longest;		/* longest value, bytes */
	size_t total;		/* sum of name and value lengths */
};

/* Rebuild every map of an AliasFile option value. 0 if all were built,
 * -1 otherwise (every entry is still attempted). Alias names are made
 * keys by res (aliases.h; NULL: names with '@' are refused, the rest
 * folded to lower case). */
int newaliases_run(const char *aliasfile, const struct aliases_resolver *res,
		   struct diag *d, FILE *out);
/* Rebuild the map of one text file; type "hash", "btree", "cdb" or
 * "implicit". 0 or -1; *st filled when not NULL. */
int newaliases_build(const char *file, const char *type,
		     const struct aliases_resolver *res, struct diag *d,
		     struct newaliases_stats *st);

#endif
