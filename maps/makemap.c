/*
 * makemap.c - makemap(8) as a library: source -> map, map -> dump.
 *
 * Entry points: makemap_build, makemap_dump.
 * The source is parsed completely into a mapwrite builder first; only a
 * clean parse is published (atomically, mapwrite.h). Safety check as in
 * sendmail: an existing map file that is a symbolic or hard link is not
 * replaced unless -s. Messages about the map file itself carry the map
 * file as position without a line.
 */
#include "maps/makemap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/str.h"
#include "maps/mapdb.h"
#include "maps/mapwrite.h"

/* Longest piece of a key quoted in a message. */
#define QUOTE_MAX 60
/* GDBM bucket size assumed when converting -c bytes into buckets. */
#define BUCKET_BYTES 65536

const char *const makemap_types[] = { "hash", "btree", "cdb", "implicit", NULL };

void makemap_opts_init(struct makemap_opts *o)
{
	memset(o, 0, sizeof *o);
	mapsrc_opts_init(&o->src);
	o->owner = (uid_t)-1;
	o->group = (gid_t)-1;
}

/* State shared with the per-entry callback. */
struct build {
	struct mapwrite *w;
	const struct makemap_opts *o;
	struct diag *d;
	FILE *verbose_out;
	struct str key, value;	/* with NULs appended under -N */
	unsigned dups;
};

/* mapsrc callback: store one entry, warn about a duplicate. The bytes are
 * copied (to add the NULs of -N, or to print them) only when needed. */
static int add_entry(void *arg, const struct mapsrc_entry *e)
{
	struct build *b = arg;
	const char *k = e->key, *v = e->value;
	size_t kl = e->keylen, vl = e->valuelen;
	if (b->o->nul || b->verbose_out) {
		str_reset(&b->key);
		str_appendn(&b->key, e->key, e->keylen);
		str_reset(&b->value);
		str_appendn(&b->value, e->value, e->valuelen);
		k = b->key.s;
		v = b->value.s;
		kl += b->o->nul ? 1 : 0;	/* the NUL str keeps after the bytes */
		vl += b->o->nul ? 1 : 0;
	}
	if (b->verbose_out)
		fprintf(b->verbose_out, "key=`%s', val=`%s'\n", k, v);
	if (mapwrite_put(b->w, k, kl, v, vl, b->o->replace) == 0 && !b->o->replace) {
		str_reset(&b->key);	/* rare: a NUL-terminated copy to quote */
		str_appendn(&b->key, e->key, e->keylen);
		char *q = diag_quote(b->key.s, QUOTE_MAX);
		diag_report(b->d, DIAG_WARNING, &e->pos, "MAP004",
			    "duplicate key %s: the first value is kept "
			    "(use -r to replace)", q);
		free(q);
		b->dups++;
	}
	return 0;
}

/* Report a problem with the map file itself. */
static void file_error(struct diag *d, const char *what)
{
	diag_report(d, DIAG_ERROR, NULL, "MAP010", "%s", what);
}

/* Refuse to replace a map file that is a link unless -s (sendmail's
 * WriteMapToSymLink / WriteMapToHardLink checks). 0 ok, -1 reported. */
static int check_target(const char *mapname, const char *type, int unsafe,
			struct diag *d)
{
	char *file = mapdb_filename(mapname, type);
	struct stat st;
	int rc = 0;
	if (!unsafe && lstat(file, &st) == 0 &&
	    (S_ISLNK(st.st_mode) || (S_ISREG(st.st_mode) && st.st_nlink > 1))) {
		diag_report(d, DIAG_ERROR, NULL, "MAP011",
			    "%s: map file is a %s link; not replacing it "
			    "(use -s to override)", file,
			    S_ISLNK(st.st_mode) ? "symbolic" : "hard");
		rc = -1;
	}
	free(file);
	return rc;
}

/* A builder for mapname, or NULL (reported). */
static struct mapwrite *start(const char *type, const char *mapname,
			      const struct makemap_opts *o, struct diag *d)
{
	char err[512];
	if (check_target(mapname, type, o->unsafe, d) < 0)
		return NULL;
	struct mapwrite *w = mapwrite_open(mapname, type, o->append, err, sizeof err);
	if (w == NULL) {
		file_error(d, err);
		return NULL;
	}
	if (o->cache_bytes)
		mapwrite_set_cache(w, o->cache_bytes / BUCKET_BYTES + 1);
	if (o->owner != (uid_t)-1)
		mapwrite_set_owner(w, o->owner, o->group);
	return w;
}

enum makemap_status makemap_build(FILE *in, const char *name,
				  const char *type, const char *mapname,
				  const struct makemap_opts *o, struct diag *d,
				  FILE *verbose_out)
{
	if (strcmp(type, "implicit") == 0)
		type = "hash";
	struct build b = { NULL, o, d, verbose_out, STR_INIT, STR_INIT, 0 };
	b.w = start(type, mapname, o, d);
	if (b.w == NULL)
		return MAKEMAP_CANTCREAT;
	int errors = mapsrc_parse(in, name, &o->src, d, add_entry, &b);
	str_free(&b.key);
	str_free(&b.value);
	if (errors != 0) {
		mapwrite_abort(&b.w);
		if (errors > 0)
			diag_report(d, DIAG_NOTE, NULL, "MAP012",
				    "%s: %d bad line%s: map not written",
				    mapname, errors, errors == 1 ? "" : "s");
		return errors < 0 ? MAKEMAP_IOERR : MAKEMAP_DATAERR;
	}
	char err[512];
	if (mapwrite_commit(&b.w, err, sizeof err) != 0) {
		file_error(d, err);
		return MAKEMAP_CANTCREAT;
	}
	return b.dups ? MAKEMAP_DATAERR : MAKEMAP_OK;
}

enum makemap_status makemap_dump(const char *type, const char *mapname,
				 char delim, FILE *out, struct diag *d)
{
	char err[512];
	struct mapdb *db = mapdb_open(mapname, type, err, sizeof err);
	if (db == NULL) {
		file_error(d, err);
		return MAKEMAP_CANTCREAT;
	}
	struct str k = STR_INIT, v = STR_INIT;
	int r;
	mapdb_rewind(db);
	while ((r = mapdb_next(db, &k, &v)) == 1) {
		fwrite(k.s, 1, k.len, out);
		fputc(delim, out);
		fwrite(v.s, 1, v.len, out);
		fputc('\n', out);
	}
	if (r < 0) {
		snprintf(err, sizeof err, "%s: read error", mapdb_path(db));
		file_error(d, err);
	}
	mapdb_close(&db);
	str_free(&k);
	str_free(&v);
	return r < 0 ? MAKEMAP_IOERR : MAKEMAP_OK;
}
