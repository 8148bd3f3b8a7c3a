/*
 * buildmaps.h - cfgen build --maps: rebuild the hashed maps a
 * configuration names whose text source is newer than the map.
 *
 * Maps: every K line of class hash, btree or cdb with a file (the file
 * named is the source text; a ".db"/".cdb" suffix is dropped), built like
 * `makemap CLASS FILE < FILE` with the K line's -N (NUL-terminated keys)
 * and -f (no case folding); and every AliasFile entry, built like
 * newaliases (maps/newaliases.h). A map is stale when it is missing or
 * its mtime is older than the source's. Sources that do not exist are
 * skipped (an optional -o map, or a map the runtime will complain about).
 * Each rebuild is announced with a note.
 */
#ifndef MAILCF_BUILDMAPS_H
#define MAILCF_BUILDMAPS_H

#include "cfgen/ir.h"
#include "lib/diag.h"

/* Rebuild the stale maps of cf, the paths taken under root (NULL or ""
 * for /, as cfgen's --root); 0, or -1 if any build failed (reported). */
int buildmaps_run(const struct cf *cf, const char *root, struct diag *d);
/* The text source of a K line's map (malloc'd), or NULL when the map is
 * not a file-based class we build (hash, btree, cdb). */
char *buildmaps_source(const struct ir_map *m);

#endif
