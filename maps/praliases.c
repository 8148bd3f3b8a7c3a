/*
 * praliases.c - print alias databases (see praliases.h).
 *
 * Read-only through mapdb.h; values are printed as stored, minus the
 * trailing NUL newaliases adds.
 */
#include "maps/praliases.h"

#include <string.h>

#include "lib/str.h"
#include "maps/aliases.h"
#include "maps/mapdb.h"

/* Print every entry, or the given keys, of one open map. 0 or -1. */
static int print_map(struct mapdb *db, char *const *keys, int nkeys, FILE *out)
{
	struct str k = STR_INIT, v = STR_INIT;
	int r = 0;
	if (nkeys == 0) {
		mapdb_rewind(db);
		while ((r = mapdb_next(db, &k, &v)) == 1)
			fprintf(out, "%.*s:%.*s\n", (int)k.len, k.s, (int)v.len, v.s);
	}
	for (int i = 0; i < nkeys && r >= 0; i++) {
		r = mapdb_get(db, keys[i], strlen(keys[i]), &v);
		if (r == 1)
			fprintf(out, "%s:%.*s\n", keys[i], (int)v.len, v.s);
		else if (r == 0)
			fprintf(out, "%s: No such key\n", keys[i]);
	}
	str_free(&k);
	str_free(&v);
	return r < 0 ? -1 : 0;
}

/* What print_file needs besides the file. */
struct request {
	char *const *keys;
	int nkeys;
	FILE *out;
	struct diag *d;
};

/* Open one alias map and print it. 0 or -1. */
static int print_file(void *arg, const char *type, const char *path)
{
	struct request *rq = arg;
	char err[512];
	struct mapdb *db = mapdb_open(path, type, err, sizeof err);
	int rc = -1;
	if (db == NULL)
		diag_report(rq->d, DIAG_ERROR, NULL, NULL, "%s", err);
	else if ((rc = print_map(db, rq->keys, rq->nkeys, rq->out)) < 0)
		diag_report(rq->d, DIAG_ERROR, NULL, NULL, "%s: read error", mapdb_path(db));
	mapdb_close(&db);
	return rc;
}

int praliases_print(const char *aliasfile, char *const *keys, int nkeys,
		    FILE *out, struct diag *d)
{
	struct request rq = { keys, nkeys, out, d };
	return aliases_foreach_file(aliasfile, print_file, &rq);
}
