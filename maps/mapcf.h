/*
 * mapcf.h - the two cf options the maps tools need, without cfgen.
 *
 * makemap -C wants TrustedUser and praliases -C wants AliasFile. The maps
 * layer must not depend on cfgen (DESIGN.md), so this reads only lines of
 * the form "O Name=value" (long option names, as every generated cf and
 * ours write them). The runtime and cfgen use the real parser instead.
 */
#ifndef MAILCF_MAPCF_H
#define MAILCF_MAPCF_H

/* The value of the last "O name=value" line of the cf at path (blanks
 * around '=' skipped, trailing blanks removed), malloc'd; NULL if the file
 * has no such line. *readable is 0 if the file cannot be read. */
char *mapcf_option(const char *path, const char *name, int *readable);

#endif
