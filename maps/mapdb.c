/*
 * mapdb.c - read-only map access over GDBM (hash) and tinycdb (cdb).
 *
 * Entry points: mapdb_open, mapdb_get, mapdb_rewind/mapdb_next,
 * mapdb_changed, mapdb_close (see mapdb.h for ownership and NUL rules).
 * Trusts nothing in the file beyond what GDBM and tinycdb validate; keys
 * longer than LIMIT_MAP_KEY are never looked up (sendmail's MAXKEY).
 * GDBM files are opened GDBM_READER|GDBM_NOLOCK: writers never modify a
 * published file in place (they rename a new one over it), so readers need
 * no lock, and the open descriptor keeps the old file alive until closed.
 */
#include "maps/mapdb.h"

#include <cdb.h>
#include <errno.h>
#include <fcntl.h>
#include <gdbm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/limits.h"
#include "lib/xalloc.h"

enum mapdb_kind { KIND_GDBM, KIND_CDB };

struct mapdb {
	enum mapdb_kind kind;
	char *path;
	struct stat st;		/* of the file when opened */
	enum mapdb_nul nul;	/* AUTO until the first hit decides */
	GDBM_FILE gdbm;
	datum iter_key;		/* GDBM: last key returned (malloc'd) */
	int iter_started;
	struct cdb cdb;
	int cdb_fd;
	unsigned cdb_pos;	/* cdb iteration cursor */
};

/* 1 if s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int mapdb_type_known(const char *type)
{
	return strcmp(type, "hash") == 0 || strcmp(type, "btree") == 0 ||
	       strcmp(type, "cdb") == 0 || strcmp(type, "implicit") == 0;
}

char *mapdb_filename(const char *mapname, const char *type)
{
	const char *suffix;
	if (strcmp(type, "cdb") == 0)
		suffix = ".cdb";
	else if (mapdb_type_known(type))
		suffix = ".db";
	else
		return NULL;
	if (ends_with(mapname, suffix))
		return xstrdup(mapname);
	size_t n = size_add(strlen(mapname), strlen(suffix) + 1);
	char *p = xmalloc(n);
	snprintf(p, n, "%s%s", mapname, suffix);
	return p;
}

/* Open path as a GDBM file into db; 0 or -1 with err set. */
static int open_gdbm(struct mapdb *db, char *err, size_t errlen)
{
	int fd = open(db->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", db->path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &db->st) < 0) {
		snprintf(err, errlen, "%s: %s", db->path, strerror(errno));
		close(fd);
		return -1;
	}
	/* gdbm_fd_open takes the descriptor (GDBM_CLOERROR: also on error). */
	db->gdbm = gdbm_fd_open(fd, db->path, 0,
				GDBM_READER | GDBM_NOLOCK | GDBM_CLOERROR, NULL);
	if (db->gdbm == NULL) {
		if (gdbm_errno == GDBM_BAD_MAGIC_NUMBER)
			snprintf(err, errlen, "%s: not a GDBM map (a Berkeley DB "
				 "file from another makemap?)", db->path);
		else
			snprintf(err, errlen, "%s: %s", db->path,
				 gdbm_strerror(gdbm_errno));
		return -1;
	}
	db->kind = KIND_GDBM;
	return 0;
}

/* Open path as a cdb file into db; 0 or -1 with err set. */
static int open_cdb(struct mapdb *db, char *err, size_t errlen)
{
	db->cdb_fd = open(db->path, O_RDONLY | O_CLOEXEC);
	if (db->cdb_fd < 0 || fstat(db->cdb_fd, &db->st) < 0) {
		snprintf(err, errlen, "%s: %s", db->path, strerror(errno));
		if (db->cdb_fd >= 0)
			close(db->cdb_fd);
		return -1;
	}
	if (cdb_init(&db->cdb, db->cdb_fd) < 0) {
		snprintf(err, errlen, "%s: not a cdb map (%s)", db->path,
			 errno ? strerror(errno) : "bad format");
		close(db->cdb_fd);
		return -1;
	}
	db->kind = KIND_CDB;
	return 0;
}

/* A fresh handle for the file of mapname under type. */
static struct mapdb *handle_new(const char *mapname, const char *type)
{
	struct mapdb *db = xcalloc(1, sizeof *db);
	db->path = mapdb_filename(mapname, type);
	db->cdb_fd = -1;
	db->nul = MAPDB_NUL_AUTO;
	return db;
}

struct mapdb *mapdb_open(const char *mapname, const char *type, char *err,
			 size_t errlen)
{
	if (!mapdb_type_known(type)) {
		snprintf(err, errlen, "%s: unsupported map type \"%s\" "
			 "(supported: hash, btree, cdb, implicit)", mapname, type);
		return NULL;
	}
	struct mapdb *db = handle_new(mapname, type);
	int rc;
	if (strcmp(type, "cdb") == 0)
		rc = open_cdb(db, err, errlen);
	else
		rc = open_gdbm(db, err, errlen);
	if (rc < 0 && strcmp(type, "implicit") == 0 && access(db->path, F_OK) < 0) {
		free(db->path);
		db->path = mapdb_filename(mapname, "cdb");
		if (access(db->path, F_OK) == 0)
			rc = open_cdb(db, err, errlen);
		else
			snprintf(err, errlen, "%s: no map file (tried .db and .cdb)",
				 mapname);
	}
	if (rc < 0) {
		free(db->path);
		free(db);
		return NULL;
	}
	return db;
}

void mapdb_set_nul(struct mapdb *db, enum mapdb_nul mode)
{
	db->nul = mode;
}

/* Store n bytes of a found value into value, without a trailing NUL
 * unless raw. */
static void set_bytes(struct str *value, const char *p, size_t n, int raw)
{
	if (!raw && n > 0 && p[n - 1] == '\0')
		n--;
	str_reset(value);
	str_appendn(value, p, n);
}

/* set_bytes() for a looked-up value, trailing NUL stripped. */
static void set_value(struct str *value, const char *p, size_t n)
{
	set_bytes(value, p, n, 0);
}

/* One exact lookup: 1 found, 0 not found, -1 error. */
static int lookup_exact(struct mapdb *db, const char *key, size_t keylen,
			struct str *value)
{
	if (db->kind == KIND_CDB) {
		int r = cdb_find(&db->cdb, key, (unsigned)keylen);
		if (r <= 0)
			return r < 0 ? -1 : 0;
		const char *p = cdb_getdata(&db->cdb);
		if (p == NULL)
			return -1;
		set_value(value, p, cdb_datalen(&db->cdb));
		return 1;
	}
	datum k = { (char *)key, (int)keylen };
	datum v = gdbm_fetch(db->gdbm, k);
	if (v.dptr == NULL)
		return gdbm_errno == GDBM_ITEM_NOT_FOUND ? 0 : -1;
	set_value(value, v.dptr, (size_t)v.dsize);
	free(v.dptr);
	return 1;
}

int mapdb_get(struct mapdb *db, const char *key, size_t keylen,
	      struct str *value)
{
	if (keylen >= LIMIT_MAP_KEY)
		return 0;
	int r = 0;
	if (db->nul != MAPDB_NUL_ALWAYS) {
		r = lookup_exact(db, key, keylen, value);
		if (r != 0) {
			if (r > 0 && db->nul == MAPDB_NUL_AUTO)
				db->nul = MAPDB_NUL_NEVER;
			return r;
		}
	}
	if (db->nul == MAPDB_NUL_NEVER)
		return 0;
	char buf[LIMIT_MAP_KEY + 1];
	memcpy(buf, key, keylen);
	buf[keylen] = '\0';
	r = lookup_exact(db, buf, keylen + 1, value);
	if (r > 0 && db->nul == MAPDB_NUL_AUTO)
		db->nul = MAPDB_NUL_ALWAYS;
	return r;
}

void mapdb_rewind(struct mapdb *db)
{
	free(db->iter_key.dptr);
	db->iter_key.dptr = NULL;
	db->iter_started = 0;
	cdb_seqinit(&db->cdb_pos, &db->cdb);
}

/* Next GDBM entry: 1, 0 at end, -1 error. */
static int next_gdbm(struct mapdb *db, struct str *key, struct str *value,
		     int raw)
{
	datum k = db->iter_started ? gdbm_nextkey(db->gdbm, db->iter_key)
				   : gdbm_firstkey(db->gdbm);
	db->iter_started = 1;
	free(db->iter_key.dptr);
	db->iter_key = k;
	if (k.dptr == NULL)
		return gdbm_errno == GDBM_ITEM_NOT_FOUND ? 0 : -1;
	datum v = gdbm_fetch(db->gdbm, k);
	if (v.dptr == NULL)
		return -1;
	set_bytes(key, k.dptr, (size_t)k.dsize, raw);
	set_bytes(value, v.dptr, (size_t)v.dsize, raw);
	free(v.dptr);
	return 1;
}

/* Next cdb entry: 1, 0 at end, -1 error. */
static int next_cdb(struct mapdb *db, struct str *key, struct str *value,
		    int raw)
{
	int r = cdb_seqnext(&db->cdb_pos, &db->cdb);
	if (r <= 0)
		return r < 0 ? -1 : 0;
	const char *k = cdb_getkey(&db->cdb);
	const char *v = cdb_getdata(&db->cdb);
	if (k == NULL || v == NULL)
		return -1;
	set_bytes(key, k, cdb_keylen(&db->cdb), raw);
	set_bytes(value, v, cdb_datalen(&db->cdb), raw);
	return 1;
}

int mapdb_next(struct mapdb *db, struct str *key, struct str *value)
{
	if (db->kind == KIND_CDB)
		return next_cdb(db, key, value, 0);
	return next_gdbm(db, key, value, 0);
}

int mapdb_next_raw(struct mapdb *db, struct str *key, struct str *value)
{
	if (db->kind == KIND_CDB)
		return next_cdb(db, key, value, 1);
	return next_gdbm(db, key, value, 1);
}

long mapdb_count(struct mapdb *db)
{
	if (db->kind == KIND_GDBM) {
		gdbm_count_t n;
		if (gdbm_count(db->gdbm, &n) < 0)
			return -1;
		return (long)n;
	}
	long n = 0;
	unsigned pos;
	int r;
	cdb_seqinit(&pos, &db->cdb);
	while ((r = cdb_seqnext(&pos, &db->cdb)) > 0)
		n++;
	return r < 0 ? -1 : n;
}

int mapdb_changed(const struct mapdb *db)
{
	struct stat st;
	if (stat(db->path, &st) < 0)
		return 1;
	return st.st_dev != db->st.st_dev || st.st_ino != db->st.st_ino ||
	       st.st_size != db->st.st_size ||
	       st.st_mtim.tv_sec != db->st.st_mtim.tv_sec ||
	       st.st_mtim.tv_nsec != db->st.st_mtim.tv_nsec;
}

const char *mapdb_path(const struct mapdb *db)
{
	return db->path;
}

const char *mapdb_type(const struct mapdb *db)
{
	return db->kind == KIND_CDB ? "cdb" : "hash";
}

void mapdb_close(struct mapdb **dbp)
{
	struct mapdb *db = *dbp;
	if (db == NULL)
		return;
	if (db->gdbm != NULL)
		gdbm_close(db->gdbm);
	if (db->kind == KIND_CDB) {
		cdb_free(&db->cdb);
		close(db->cdb_fd);
	}
	free(db->iter_key.dptr);
	free(db->path);
	free(db);
	*dbp = NULL;
}
