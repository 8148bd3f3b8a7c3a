/*
 * mapwrite.h - build a map file (GDBM "hash" or tinycdb "cdb") atomically.
 *
 * A GDBM build collects entries in memory (mapwrite_put), deciding
 * duplicates there, then mapwrite_commit() writes the whole map to a temp
 * file beside the target ("DIR/.NAME.db.XXXXXX"); a cdb build streams each
 * entry into such a temp file as it comes. Either way commit fsyncs the
 * file, renames it over the target and fsyncs the directory (the
 * lib/atomicfile.h discipline; GDBM and tinycdb need a file of their own,
 * so the temp file is made here). Until commit returns 0 the old map is
 * untouched; a crash or kill at any point leaves either the old or the new
 * map, complete. Readers (mapdb.h) take no lock.
 * With append, the existing map's entries are loaded first (makemap -o).
 * A new map gets mode 0640 (sendmail's map mode); a replaced one keeps the
 * old file's mode.
 */
#ifndef MAILCF_MAPWRITE_H
#define MAILCF_MAPWRITE_H

#include <stddef.h>
#include <sys/types.h>

struct mapwrite;

/* Start building mapname (without suffix) of type "hash", "btree" (same
 * as hash) or "cdb". append loads the current map first (it must exist).
 * NULL with a message in err on failure. */
struct mapwrite *mapwrite_open(const char *mapname, const char *type,
			       int append, char *err, size_t errlen);
/* GDBM cache size in buckets (makemap -c); 0 keeps our default. */
void mapwrite_set_cache(struct mapwrite *w, size_t buckets);
/* Give the new file to uid/gid (makemap run by root with TrustedUser). */
void mapwrite_set_owner(struct mapwrite *w, uid_t uid, gid_t gid);
/* Add an entry (bytes are copied). Returns 1 if stored, 0 if the key was
 * already present: with replace the new value wins, else the first stays. */
int mapwrite_put(struct mapwrite *w, const char *key, size_t keylen,
		 const char *value, size_t valuelen, int replace);
/* Number of distinct keys so far. */
size_t mapwrite_count(const struct mapwrite *w);
/* Write, fsync, rename over the target. 0, or -1 with err set (the old map
 * untouched). Frees the builder either way; *wp becomes NULL. */
int mapwrite_commit(struct mapwrite **wp, char *err, size_t errlen);
/* Give up: nothing is written; *wp becomes NULL (NULL allowed). */
void mapwrite_abort(struct mapwrite **wp);

#endif
