/*
 * makemap.h - what makemap(8) does, as a library: build a map from
 * "key value" source text, dump a map, list the types we build.
 *
 * makemap_build() parses the whole source (mapsrc.h) before touching any
 * file: if a line is malformed nothing is written and the old map stays
 * (sendmail's makemap writes the good lines anyway: a deliberate
 * difference). Duplicate keys are warned about (MAP004) and keep the first
 * value (or the last with replace), the map is still written, and the
 * status is MAKEMAP_DATAERR, as sendmail's makemap exits 65.
 * Problems are reported through diag; the status maps to sysexits in main.
 */
#ifndef MAILCF_MAKEMAP_H
#define MAILCF_MAKEMAP_H

#include <stdio.h>
#include <sys/types.h>

#include "lib/diag.h"
#include "maps/mapsrc.h"

enum makemap_status {
	MAKEMAP_OK,		/* EX_OK */
	MAKEMAP_DATAERR,	/* EX_DATAERR 65: bad lines or duplicates */
	MAKEMAP_CANTCREAT,	/* EX_CANTCREAT 73: map cannot be opened/written */
	MAKEMAP_IOERR,		/* EX_IOERR 74: reading the source failed */
};

struct makemap_opts {
	struct mapsrc_opts src;	/* -t -D -f -e */
	int nul;		/* -N: store keys and values with their NUL */
	int replace;		/* -r: a duplicate replaces the old value */
	int append;		/* -o: add to the existing map */
	int unsafe;		/* -s: allow replacing a linked map file */
	int verbose;		/* -v: print each entry to verbose_out */
	size_t cache_bytes;	/* -c: cache size in bytes (0 = default) */
	uid_t owner;		/* chown the new map to owner/group ... */
	gid_t group;		/* ... when owner != (uid_t)-1 */
};

/* Defaults: makemap with no flags. */
void makemap_opts_init(struct makemap_opts *o);
/* Build mapname of type from in; name names the source in diagnostics. */
enum makemap_status makemap_build(FILE *in, const char *name,
				  const char *type, const char *mapname,
				  const struct makemap_opts *o, struct diag *d,
				  FILE *verbose_out);
/* Print every entry as key, delim, value, newline (makemap -u). */
enum makemap_status makemap_dump(const char *type, const char *mapname,
				 char delim, FILE *out, struct diag *d);
/* The map types makemap builds, one per element, NULL-terminated. */
extern const char *const makemap_types[];

#endif
