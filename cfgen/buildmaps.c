/*
 * buildmaps.c - rebuild stale maps after cfgen build (see buildmaps.h).
 *
 * Staleness is decided with st_mtim (nanoseconds) so a source edited in
 * the same second as the last build still counts as newer.
 */
#include "cfgen/buildmaps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/makemap.h"
#include "maps/mapdb.h"
#include "maps/newaliases.h"

/* 1 if the built map of mapname/type is missing or older than source;
 * 0 if fresh; -1 if the source does not exist. */
static int stale(const char *source, const char *mapname, const char *type)
{
	struct stat s, m;
	char *file = mapdb_filename(mapname, type);
	int r;

	if (stat(source, &s) < 0)
		r = -1;
	else if (file == NULL || stat(file, &m) < 0)
		r = 1;
	else
		r = s.st_mtim.tv_sec > m.st_mtim.tv_sec ||
		    (s.st_mtim.tv_sec == m.st_mtim.tv_sec && s.st_mtim.tv_nsec > m.st_mtim.tv_nsec);
	free(file);
	return r;
}

char *buildmaps_source(const struct ir_map *m)
{
	size_t n;
	char *s;

	if (m->file == NULL || (strcmp(m->mclass, "hash") && strcmp(m->mclass, "btree") &&
				strcmp(m->mclass, "cdb")))
		return NULL;
	s = xstrdup(m->file);
	n = strlen(s);
	if (n > 3 && strcmp(s + n - 3, ".db") == 0)
		s[n - 3] = '\0';
	else if (n > 4 && strcmp(s + n - 4, ".cdb") == 0)
		s[n - 4] = '\0';
	return s;
}

/* 1 if the K line has the flag -X (alone or in a cluster like -NT<x>). */
static int has_flag(const struct ir_map *m, char x)
{
	for (size_t i = 0; i < m->nflags; i++)
		if (m->flags[i][0] == '-' && m->flags[i][1] == x)
			return 1;
	return 0;
}

/* root + path (malloc'd); root may be NULL. */
static char *rooted(const char *root, const char *path)
{
	struct str p = STR_INIT;

	str_printf(&p, "%s%s", root ? root : "", path);
	return str_steal(&p);
}

/* Rebuild one K-line map if stale; 0 or -1. */
static int build_kmap(const struct ir_map *m, const char *root, struct diag *d)
{
	char *base = buildmaps_source(m), *src = base ? rooted(root, base) : NULL;
	struct makemap_opts o;
	int rc = 0;

	free(base);
	if (src == NULL || stale(src, src, m->mclass) != 1) {
		free(src);
		return 0;
	}
	FILE *in = fopen(src, "r");
	if (in == NULL) {
		diag_report(d, DIAG_ERROR, &m->pos, NULL, "cannot read %s for map %s", src, m->name);
		free(src);
		return -1;
	}
	makemap_opts_init(&o);
	o.nul = has_flag(m, 'N');
	o.src.fold = !has_flag(m, 'f');
	diag_report(d, DIAG_NOTE, &m->pos, NULL, "rebuilding map %s (%s %s)", m->name,
		    m->mclass, src);
	if (makemap_build(in, src, m->mclass, src, &o, d, NULL) > MAKEMAP_DATAERR)
		rc = -1;
	fclose(in);
	free(src);
	return rc;
}

/* Rebuild each stale entry of an AliasFile value; 0 or -1. */
static int build_aliases(const struct ir_option *opt, const char *root, struct diag *d)
{
	char *list = xstrdup(opt->value), *save = NULL;
	int rc = 0;

	for (char *e = strtok_r(list, ",", &save); e; e = strtok_r(NULL, ",", &save)) {
		while (*e == ' ' || *e == '\t')
			e++;
		const char *type = "implicit", *file = e;
		char *colon = strchr(e, ':');
		if (colon && colon > e && e[0] != '/') {
			*colon = '\0';
			type = e;
			file = colon + 1;
		}
		char *path = rooted(root, file);
		if (mapdb_type_known(type) && stale(path, path, type) == 1) {
			diag_report(d, DIAG_NOTE, &opt->pos, NULL, "rebuilding aliases %s", path);
			if (newaliases_build(path, type, NULL, d, NULL) < 0)
				rc = -1;
		}
		free(path);
	}
	free(list);
	return rc;
}

int buildmaps_run(const struct cf *cf, const char *root, struct diag *d)
{
	int rc = 0;

	for (size_t i = 0; i < cf->nmaps; i++)
		if (build_kmap(&cf->maps[i], root, d) < 0)
			rc = -1;
	for (const struct ir_option *a = NULL; (a = cf_option_next(cf, "AliasFile", a));)
		if (build_aliases(a, root, d) < 0)	/* every AliasFile line counts */
			rc = -1;
	return rc;
}
