/*
 * mapclass.h - the map classes behind map.h (private to runtime/).
 *
 * struct rt_map is one K line, parsed; each class provides a lookup
 * function with the same contract: return the result (already passed
 * through map_result(), in rt->work) or NULL when not found, setting
 * *stat to RT_TEMPFAIL / RT_NOHOST / RT_CONFIG on failure. Maps open
 * lazily inside their lookup function.
 */
#ifndef MAILCF_MAPCLASS_H
#define MAILCF_MAPCLASS_H

#include <regex.h>

#include "runtime/rt.h"

struct rt_map;

typedef const char *map_lookup_fn(struct rt *rt, struct rt_map *m, char *key,
				  const char *const *args, int nargs, int *stat);

struct map_class {
	const char *name;
	map_lookup_fn *lookup;
	int file;		/* the argument names a file */
};

struct rt_map {
	const char *name;
	const struct ir_map *ir;	/* NULL for the implicit "host" */
	const struct map_class *cls;	/* NULL: class not available */
	const char *args, *file;
	char *app, *tapp, *sublist, *vname;	/* vname: -v as written */
	int optional, keepquotes, matchonly, nofold, nodefer_temp;
	int negate, bre, subs, delim, kcol, vcol, zdelim, nul;
	int rrtype, zcount;	/* dns: -R type (ns_t_*), -Z count */
	char spacesub;
	int opened, failed;	/* open attempted / failed */
	int busy;		/* a sequence being searched (cycle guard) */
	int hostdot;		/* the implicit host map: "." appended */
	struct mapdb *db;
	regex_t re;
	int re_ok;
	char *text;		/* text class: the whole file */
	struct rt_map **subs_v;	/* sequence / switch members */
	size_t nsubs;
};

/* map_rewrite(): s with %0..%9 replaced by args ("%%" is '%', any other
 * "%x" is kept), then -a appended; args NULL: s kept as is (dequote). */
const char *map_result(struct rt *rt, const struct rt_map *m, const char *s,
		       const char *const *args, int nargs);

map_lookup_fn map_db_lookup, map_text_lookup, map_dequote_lookup,
	map_macro_lookup, map_arith_lookup, map_seq_lookup, map_host_lookup,
	map_user_lookup, map_regex_lookup, map_null_lookup, map_dns_lookup,
	map_bestmx_lookup, map_program_lookup;

/* Resolve the members of sequence map m (index i of rt->maps) among the
 * maps defined before it, as readcf does at its K line; unknown ones are
 * reported on err. */
void map_seq_setup(struct rt *rt, struct rt_map *m, size_t i, FILE *err);

/* The DNS record type named by a dns map's -R (A, MX, ...), or -1. */
int dnsmap_type(const char *name);

#endif
