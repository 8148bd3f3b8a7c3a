/*
 * mapdb.h - read-only access to built maps (GDBM "hash" files, cdb files).
 *
 * The runtime (K-line maps, aliases), praliases and makemap -u read maps
 * through this API only. A map is named as in a K line, without suffix:
 * "hash"/"btree" open MAPNAME.db (a GDBM file; btree is an alias of hash
 * here), "cdb" opens MAPNAME.cdb (tinycdb), "implicit" tries MAPNAME.db then
 * MAPNAME.cdb. Writers (mapwrite.h) replace map files by rename, so a reader
 * never sees a half-built map and takes no lock; an open handle keeps
 * reading the file it opened. mapdb_changed() tells a long-running reader
 * that the file was replaced, so it can close and reopen.
 *
 * NUL handling: sendmail stores keys and values with a trailing NUL when
 * built with makemap -N (and always for aliases). mapdb_get() tries the key
 * as given and then with a NUL appended (like sendmail's default
 * MF_TRY0NULL|MF_TRY1NULL), remembering which form the map uses after the
 * first hit; mapdb_set_nul() forces one form (K flags -N / -O). Values are
 * returned without a trailing NUL if one was stored. Keys are compared
 * byte for byte: case folding (K flag -f absent) is the caller's job.
 */
#ifndef MAILCF_MAPDB_H
#define MAILCF_MAPDB_H

#include <stddef.h>

#include "lib/str.h"

struct mapdb;

/* Which form of keys to try (see NUL handling above). */
enum mapdb_nul { MAPDB_NUL_AUTO, MAPDB_NUL_ALWAYS, MAPDB_NUL_NEVER };

/* Open the map; NULL on failure with a message in err (errlen bytes,
 * "path: reason"). The handle is owned by the caller: mapdb_close() it. */
struct mapdb *mapdb_open(const char *mapname, const char *type, char *err,
			 size_t errlen);
/* Look key (keylen bytes, may contain any byte) up: 1 found (value
 * replaced by the stored value, trailing NUL stripped), 0 not found
 * (value untouched), -1 read error (value untouched). */
int mapdb_get(struct mapdb *db, const char *key, size_t keylen,
	      struct str *value);
/* Force the key form tried by mapdb_get(). */
void mapdb_set_nul(struct mapdb *db, enum mapdb_nul mode);
/* Start an iteration over every entry, in file order. */
void mapdb_rewind(struct mapdb *db);
/* Next entry of the iteration: 1 (key and value replaced, trailing NULs
 * stripped), 0 at the end, -1 on a read error. Lookups during an iteration
 * are allowed. */
int mapdb_next(struct mapdb *db, struct str *key, struct str *value);
/* Like mapdb_next() but key and value exactly as stored (a trailing NUL
 * kept), for copying a map (makemap -o). */
int mapdb_next_raw(struct mapdb *db, struct str *key, struct str *value);
/* Number of entries (walks the map; -1 on error). */
long mapdb_count(struct mapdb *db);
/* 1 if the file at the map's path is no longer the one opened (replaced,
 * removed, or modified in place), else 0. */
int mapdb_changed(const struct mapdb *db);
/* The file opened ("/etc/mail/access.db"); valid until close. */
const char *mapdb_path(const struct mapdb *db);
/* The type actually opened: "hash" or "cdb". */
const char *mapdb_type(const struct mapdb *db);
/* Close and free; *dbp becomes NULL (NULL is allowed). */
void mapdb_close(struct mapdb **dbp);

/* The map file for mapname and type (hash/btree -> ".db", cdb -> ".cdb"),
 * malloc'd; NULL for an unknown type. "implicit" gives the ".db" name. */
char *mapdb_filename(const char *mapname, const char *type);
/* 1 if type names a map class this module reads and writes. */
int mapdb_type_known(const char *type);

#endif
