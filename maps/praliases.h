/*
 * praliases.h - print alias databases (praliases(8)) as a library.
 *
 * For each entry of an AliasFile value ("[type:]path", comma-separated;
 * type hash/btree/cdb/implicit, default implicit) open PATH.db (or .cdb)
 * with mapdb.h and print "name:value" lines: every entry (the "@"
 * sentinel included, as sendmail's praliases does) or, when keys are
 * given, each key looked up exactly as typed (no case folding), or
 * "key: No such key".
 */
#ifndef MAILCF_PRALIASES_H
#define MAILCF_PRALIASES_H

#include <stdio.h>

#include "lib/diag.h"

/* Print to out; problems (unopenable maps, unsupported types) go through
 * d. 0, or -1 if some map could not be read. */
int praliases_print(const char *aliasfile, char *const *keys, int nkeys,
		    FILE *out, struct diag *d);

#endif
