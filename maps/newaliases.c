/*
 * newaliases.c - aliases text -> alias database (see newaliases.h).
 *
 * Entry points: newaliases_run (an AliasFile option value), and
 * newaliases_build (one file). Uses aliases.h to parse and mapwrite.h to
 * publish; nothing is written unless the whole file parsed cleanly.
 */
#include "maps/newaliases.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/str.h"
#include "maps/aliases.h"
#include "maps/mapwrite.h"

/* Longest alias name quoted in a message. */
#define QUOTE_MAX 60

/* What build_file needs besides the file. */
struct build_req {
	const struct aliases_resolver *res;
	struct diag *d;
	FILE *out;
};

/* State for the per-entry callback. */
struct build {
	struct mapwrite *w;
	struct diag *d;
	struct newaliases_stats st;
	struct str key, value;
};

/* Store one alias with trailing NULs; warn about a duplicate name. */
static int add_alias(void *arg, const struct alias *a)
{
	struct build *b = arg;
	str_reset(&b->key);
	str_appendn(&b->key, a->name, a->namelen + 1);
	str_reset(&b->value);
	str_appendn(&b->value, a->value, a->valuelen + 1);
	if (mapwrite_put(b->w, b->key.s, b->key.len, b->value.s, b->value.len, 1) == 0) {
		char *q = diag_quote(a->name, QUOTE_MAX);
		diag_report(b->d, DIAG_WARNING, &a->pos, "ALI002",
			    "duplicate alias name %s: the last value is used", q);
		free(q);
	}
	b->st.aliases++;
	if (a->valuelen > b->st.longest)
		b->st.longest = a->valuelen;
	b->st.total += a->namelen + a->valuelen;
	return 0;
}

int newaliases_build(const char *file, const char *type,
		     const struct aliases_resolver *res, struct diag *d,
		     struct newaliases_stats *st)
{
	char err[512];
	if (strcmp(type, "implicit") == 0)
		type = "hash";
	FILE *in = fopen(file, "r");
	if (in == NULL) {
		diag_report(d, DIAG_ERROR, NULL, "ALI000", "%s: %s", file, strerror(errno));
		return -1;
	}
	struct build b = { NULL, d, { 0, 0, 0 }, STR_INIT, STR_INIT };
	b.w = mapwrite_open(file, type, 0, err, sizeof err);
	int rc = -1;
	if (b.w == NULL)
		diag_report(d, DIAG_ERROR, NULL, "ALI000", "%s: %s", file, err);
	else if (aliases_parse_resolved(in, file, d, res, add_alias, &b) != 0) {
		diag_report(d, DIAG_NOTE, NULL, "ALI000",
			    "%s: not rebuilt, the old alias database is kept", file);
		mapwrite_abort(&b.w);
	} else {
		mapwrite_put(b.w, "@", 2, "@", 2, 1);
		if (mapwrite_commit(&b.w, err, sizeof err) == 0)
			rc = 0;
		else
			diag_report(d, DIAG_ERROR, NULL, "ALI000", "%s", err);
	}
	fclose(in);
	str_free(&b.key);
	str_free(&b.value);
	if (st != NULL)
		*st = b.st;
	return rc;
}

/* Build one AliasFile entry and print its summary to out. 0 or -1. */
static int build_file(void *arg, const char *type, const char *path)
{
	struct build_req *rq = arg;
	struct newaliases_stats st;
	if (strcmp(type, "hash") != 0 && strcmp(type, "btree") != 0 &&
	    strcmp(type, "cdb") != 0 && strcmp(type, "implicit") != 0) {
		diag_report(rq->d, DIAG_ERROR, NULL, "ALI000", "%s: cannot rebuild "
			    "alias map type \"%s\" (supported: hash, btree, cdb)",
			    path, type);
		return -1;
	}
	if (newaliases_build(path, type, rq->res, rq->d, &st) < 0)
		return -1;
	fprintf(rq->out, "%s: %lu aliases, longest %zu bytes, %zu bytes total\n",
		path, st.aliases, st.longest, st.total);
	return 0;
}

int newaliases_run(const char *aliasfile, const struct aliases_resolver *res,
		   struct diag *d, FILE *out)
{
	struct build_req rq = { res, d, out };
	return aliases_foreach_file(aliasfile, build_file, &rq);
}
