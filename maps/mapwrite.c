/*
 * mapwrite.c - collect map entries in memory, then publish a GDBM or cdb
 * file atomically (temp beside target, fsync, rename, directory fsync).
 *
 * Entry points: mapwrite_open, mapwrite_put, mapwrite_commit, mapwrite_abort.
 * GDBM: entries are kept in memory (one arena, an open-addressing table
 * resolves duplicates), then stored in GDBM's hash order into the temp
 * file, without locking or GDBM_SYNC (the file is private until the
 * rename), and synced once. cdb: entries stream into tinycdb's builder on a
 * temp file made at open; only the 64-bit hashes of the keys are kept, and
 * tinycdb's own (slow) lookup confirms a duplicate only when a hash repeats.
 * Nothing here trusts the entries: any byte is allowed in keys and values.
 */
#include "maps/mapwrite.h"

#include <cdb.h>
#include <errno.h>
#include <fcntl.h>
#include <gdbm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/arena.h"
#include "lib/atomicfile.h"
#include "lib/xalloc.h"
#include "maps/mapdb.h"

/* sendmail creates maps with DBMMODE 0640. */
#define MAP_MODE 0640
/* GDBM bucket cache during a build (buckets, not bytes): inserting in
 * hash order touches one or two buckets at a time, so a small cache is
 * enough; measured best with 16 KiB blocks (1M entries: 2.4 s CPU against
 * 14.7 s for sendmail's makemap on the same loaded machine). */
#define BUILD_CACHE_BUCKETS 64
#define BUILD_BLOCK_SIZE 16384

/* GDBM's own key hash (exported by libgdbm, not in gdbm.h). Weak, so a
 * libgdbm without it only loses the insert-order speed-up. */
extern int _gdbm_hash(datum key) __attribute__((weak));

struct entry {
	const char *key, *value;
	size_t keylen, valuelen;
	uint64_t hash;		/* ours (dedupe table); GDBM's while writing */
};

struct mapwrite {
	char *target;		/* the map file */
	char *tmp;		/* the temp file beside it, once made */
	int fd;			/* its descriptor, or -1 */
	int cdb;		/* 1: cdb, 0: GDBM */
	/* cdb: the builder, the key hashes seen, a write error (errno) */
	struct cdb_make cm;
	uint64_t *hset;
	size_t hcount, hslots;	/* power of two */
	int cdb_errno;
	/* GDBM: every entry, in insertion order, and the dedupe table */
	struct arena *arena;
	struct entry *entries;	/* insertion order */
	size_t n, cap;
	uint32_t *slots;	/* index + 1 into entries; 0 = empty */
	size_t nslots;		/* power of two */
	size_t cache;
	uid_t uid;		/* (uid_t)-1: keep the creator's */
	gid_t gid;
};

/* FNV-1a, 64 bits: spreads short similar keys well. */
static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Double the slot table and reinsert every entry. */
static void rehash(struct mapwrite *w)
{
	size_t nslots = w->nslots ? w->nslots * 2 : 1024;
	uint32_t *slots = xcalloc(nslots, sizeof *slots);
	for (size_t i = 0; i < w->n; i++) {
		size_t s = w->entries[i].hash & (nslots - 1);
		while (slots[s] != 0)
			s = (s + 1) & (nslots - 1);
		slots[s] = (uint32_t)(i + 1);
	}
	free(w->slots);
	w->slots = slots;
	w->nslots = nslots;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find_slot(const struct mapwrite *w, const char *key,
			size_t keylen, uint64_t h)
{
	size_t s = h & (w->nslots - 1);
	while (w->slots[s] != 0) {
		const struct entry *e = &w->entries[w->slots[s] - 1];
		if (e->hash == h && e->keylen == keylen &&
		    memcmp(e->key, key, keylen) == 0)
			break;
		s = (s + 1) & (w->nslots - 1);
	}
	return s;
}

/* Add h to the cdb hash set; 1 if it was already there. */
static int hset_add(struct mapwrite *w, uint64_t h)
{
	if (size_mul(w->hcount + 1, 2) > w->hslots) {
		size_t nslots = w->hslots ? w->hslots * 2 : 1024;
		uint64_t *set = xcalloc(nslots, sizeof *set);
		for (size_t i = 0; i < w->hslots; i++) {
			size_t j = w->hset[i] & (nslots - 1);
			while (w->hset[i] != 0 && set[j] != 0)
				j = (j + 1) & (nslots - 1);
			set[j] = w->hset[i];
		}
		free(w->hset);
		w->hset = set;
		w->hslots = nslots;
	}
	h |= 1;		/* 0 marks an empty slot */
	size_t j = h & (w->hslots - 1);
	while (w->hset[j] != 0) {
		if (w->hset[j] == h)
			return 1;
		j = (j + 1) & (w->hslots - 1);
	}
	w->hset[j] = h;
	w->hcount++;
	return 0;
}

/* mapwrite_put for cdb: stream into the builder. */
static int put_cdb(struct mapwrite *w, const char *key, size_t keylen,
		   const char *value, size_t valuelen, int replace)
{
	unsigned kl = (unsigned)keylen, vl = (unsigned)valuelen;
	if (keylen > UINT32_MAX / 2 || valuelen > UINT32_MAX / 2) {
		w->cdb_errno = EFBIG;
		return 1;
	}
	if (hset_add(w, hash_bytes(key, keylen)) &&
	    cdb_make_exists(&w->cm, key, kl) > 0) {
		if (replace && cdb_make_put(&w->cm, key, kl, value, vl, CDB_PUT_REPLACE) < 0)
			w->cdb_errno = errno ? errno : EIO;
		return 0;
	}
	if (cdb_make_add(&w->cm, key, kl, value, vl) < 0)
		w->cdb_errno = errno ? errno : EIO;
	w->n++;
	return 1;
}

int mapwrite_put(struct mapwrite *w, const char *key, size_t keylen,
		 const char *value, size_t valuelen, int replace)
{
	if (w->cdb)
		return put_cdb(w, key, keylen, value, valuelen, replace);
	if (size_mul(w->n + 1, 2) > w->nslots)
		rehash(w);
	uint64_t h = hash_bytes(key, keylen);
	size_t s = find_slot(w, key, keylen, h);
	if (w->slots[s] != 0) {
		struct entry *e = &w->entries[w->slots[s] - 1];
		if (replace) {
			e->value = arena_memdup(w->arena, value, valuelen);
			e->valuelen = valuelen;
		}
		return 0;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? size_mul(w->cap, 2) : 1024;
		w->entries = xreallocarray(w->entries, w->cap, sizeof *w->entries);
	}
	struct entry *e = &w->entries[w->n];
	e->key = arena_memdup(w->arena, key, keylen);
	e->keylen = keylen;
	e->value = arena_memdup(w->arena, value, valuelen);
	e->valuelen = valuelen;
	e->hash = h;
	w->slots[s] = (uint32_t)(++w->n);
	return 1;
}

size_t mapwrite_count(const struct mapwrite *w)
{
	return w->n;
}

void mapwrite_set_owner(struct mapwrite *w, uid_t uid, gid_t gid)
{
	w->uid = uid;
	w->gid = gid;
}

void mapwrite_set_cache(struct mapwrite *w, size_t buckets)
{
	w->cache = buckets;
}

/* Load every entry of the existing map (makemap -o). 0 or -1. */
static int load_old(struct mapwrite *w, const char *mapname, const char *type,
		    char *err, size_t errlen)
{
	struct mapdb *db = mapdb_open(mapname, type, err, errlen);
	if (db == NULL)
		return -1;
	struct str k = STR_INIT, v = STR_INIT;
	int r;
	/* Raw bytes, so entries of a -N map keep their NULs. */
	mapdb_rewind(db);
	while ((r = mapdb_next_raw(db, &k, &v)) == 1)
		mapwrite_put(w, k.s, k.len, v.s, v.len, 0);
	if (r < 0)
		snprintf(err, errlen, "%s: read error", mapdb_path(db));
	mapdb_close(&db);
	str_free(&k);
	str_free(&v);
	return r < 0 ? -1 : 0;
}

/* "DIR/.BASE.XXXXXX" for the target; malloc'd. */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	const char *base = target + dirlen;
	size_t n = size_add(strlen(target), sizeof "/..XXXXXX");
	char *t = xmalloc(n);
	snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, target, base);
	return t;
}

/* Create the temp file beside the target. 0 or -1 with err set. */
static int make_temp(struct mapwrite *w, char *err, size_t errlen)
{
	w->tmp = temp_name(w->target);
	w->fd = mkstemp(w->tmp);
	if (w->fd >= 0)
		return 0;
	snprintf(err, errlen, "%s: %s", w->tmp, strerror(errno));
	free(w->tmp);
	w->tmp = NULL;
	return -1;
}

struct mapwrite *mapwrite_open(const char *mapname, const char *type,
			       int append, char *err, size_t errlen)
{
	if (strcmp(type, "hash") != 0 && strcmp(type, "btree") != 0 &&
	    strcmp(type, "cdb") != 0) {
		snprintf(err, errlen, "cannot build map type \"%s\" "
			 "(supported: hash, btree, cdb)", type);
		return NULL;
	}
	struct mapwrite *w = xcalloc(1, sizeof *w);
	w->target = mapdb_filename(mapname, type);
	w->cdb = strcmp(type, "cdb") == 0;
	w->fd = -1;
	w->arena = arena_new();
	w->uid = (uid_t)-1;
	w->gid = (gid_t)-1;
	if (w->cdb) {
		if (make_temp(w, err, errlen) < 0) {
			mapwrite_abort(&w);
			return NULL;
		}
		cdb_make_start(&w->cm, w->fd);
	} else {
		rehash(w);
	}
	if (append && load_old(w, mapname, type, err, errlen) < 0) {
		mapwrite_abort(&w);
		return NULL;
	}
	return w;
}

/* qsort order: GDBM hash of the key. */
static int by_gdbm_hash(const void *a, const void *b)
{
	uint64_t x = ((const struct entry *)a)->hash, y = ((const struct entry *)b)->hash;
	return (x > y) - (x < y);
}

/* Put the entries in GDBM's bucket order: each bucket then fills and
 * splits once, in sequence, instead of being reloaded at random (5x less
 * CPU). The dedupe table is dead by now, so entries may move. */
static void sort_for_gdbm(struct mapwrite *w)
{
	if (_gdbm_hash == NULL)
		return;
	for (size_t i = 0; i < w->n; i++) {
		datum k = { (char *)w->entries[i].key, (int)w->entries[i].keylen };
		w->entries[i].hash = (uint64_t)(unsigned)_gdbm_hash(k);
	}
	qsort(w->entries, w->n, sizeof *w->entries, by_gdbm_hash);
}

/* Store every entry into a new GDBM database on fd. 0 or -1. */
static int write_gdbm(struct mapwrite *w, char *err, size_t errlen)
{
	const char *tmp = w->tmp;
	int fd = w->fd;
	w->fd = -1;	/* GDBM owns it now */
	GDBM_FILE g = gdbm_fd_open(fd, tmp, BUILD_BLOCK_SIZE,
				   GDBM_NEWDB | GDBM_NOLOCK, NULL);
	if (g == NULL) {
		snprintf(err, errlen, "%s: %s", tmp, gdbm_strerror(gdbm_errno));
		return -1;
	}
	int cache = (int)(w->cache ? w->cache : BUILD_CACHE_BUCKETS);
	gdbm_setopt(g, GDBM_SETCACHESIZE, &cache, sizeof cache);
	sort_for_gdbm(w);
	for (size_t i = 0; i < w->n; i++) {
		const struct entry *e = &w->entries[i];
		datum k = { (char *)e->key, (int)e->keylen };
		datum v = { (char *)e->value, (int)e->valuelen };
		if (gdbm_store(g, k, v, GDBM_REPLACE) != 0)
			goto fail;
	}
	if (gdbm_sync(g) != 0)
		goto fail;
	if (fsync(gdbm_fdesc(g)) != 0) {
		snprintf(err, errlen, "%s: fsync: %s", tmp, strerror(errno));
		gdbm_close(g);
		return -1;
	}
	return gdbm_close(g) == 0 ? 0 : -1;
fail:
	snprintf(err, errlen, "%s: %s", tmp, gdbm_strerror(gdbm_errno));
	gdbm_close(g);
	return -1;
}

/* Finish the streamed cdb file and fsync it. 0 or -1. */
static int finish_cdb(struct mapwrite *w, char *err, size_t errlen)
{
	int rc = w->cdb_errno ? -1 : 0;
	/* finish also frees tinycdb's tables, so call it even after a failure */
	if (cdb_make_finish(&w->cm) != 0 && rc == 0) {
		w->cdb_errno = errno ? errno : EIO;
		rc = -1;
	}
	if (rc == 0 && fsync(w->fd) != 0) {
		w->cdb_errno = errno;
		rc = -1;
	}
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", w->tmp, strerror(w->cdb_errno));
	close(w->fd);
	w->fd = -1;
	w->cdb = 0;	/* the builder is gone: abort must not finish it */
	return rc;
}

/* The mode the new file gets: the old target's, else MAP_MODE. */
static mode_t target_mode(const char *target)
{
	struct stat st;
	if (stat(target, &st) == 0)
		return st.st_mode & 07777;
	return MAP_MODE;
}

int mapwrite_commit(struct mapwrite **wp, char *err, size_t errlen)
{
	struct mapwrite *w = *wp;
	int rc = -1;
	if (w->fd < 0 && make_temp(w, err, errlen) < 0)
		goto out;
	if (fchmod(w->fd, target_mode(w->target)) != 0 ||
	    (w->uid != (uid_t)-1 && fchown(w->fd, w->uid, w->gid) != 0)) {
		snprintf(err, errlen, "%s: %s", w->tmp, strerror(errno));
		goto out;
	}
	rc = w->cdb ? finish_cdb(w, err, errlen) : write_gdbm(w, err, errlen);
	if (rc == 0 && rename(w->tmp, w->target) != 0) {
		snprintf(err, errlen, "%s: %s", w->target, strerror(errno));
		rc = -1;
	}
	if (rc == 0) {
		free(w->tmp);	/* published: abort must not unlink it */
		w->tmp = NULL;
		if (fsync_parent_dir(w->target) != 0) {
			snprintf(err, errlen, "%s: directory fsync: %s", w->target,
				 strerror(errno));
			rc = -1;
		}
	}
out:
	mapwrite_abort(wp);
	return rc;
}

void mapwrite_abort(struct mapwrite **wp)
{
	struct mapwrite *w = *wp;
	if (w == NULL)
		return;
	if (w->cdb && w->fd >= 0)
		cdb_make_finish(&w->cm);	/* frees its tables */
	if (w->fd >= 0)
		close(w->fd);
	if (w->tmp != NULL)
		unlink(w->tmp);
	arena_free(&w->arena);
	free(w->entries);
	free(w->slots);
	free(w->hset);
	free(w->tmp);
	free(w->target);
	free(w);
	*wp = NULL;
}
