/*
 * map.h - K-line map classes for the rewriting engine (op.txt 5.10).
 *
 * map_setup() builds one struct rt_map per K line, parsing the flags the
 * m4 library uses (-T<str> -a<str> -o -q -m -N -O -f -k -v -z -D -S -t
 * -n -b -s -d), plus the implicit "host" map behind "$[ $]". Maps are
 * opened on first use, as sendmail does; an unavailable map prints
 * sendmail's message once and then answers "temporary failure".
 *
 * Classes: hash/btree/implicit/cdb (maps/mapdb.h), text, dequote, macro,
 * arith, sequence, switch, host, user, regex (POSIX), stab, null; nis,
 * ldap and the other network classes parse and answer "class not
 * available" at open.
 */
#ifndef MAILCF_MAP_H
#define MAILCF_MAP_H

#include "runtime/rt.h"

struct rt_map;

/* Build the maps of rt->cf (and "host"). 0, or -1 with a message on err. */
int map_setup(struct rt *rt, FILE *err);
/* Release every map of rt. */
void map_free_all(struct rt *rt);
/* The map named name, or NULL. */
struct rt_map *map_find(struct rt *rt, const char *name);
/* The byte put between atoms of a key (-S, else BlankSub). */
char map_spacesub(const struct rt_map *m);
/* Look key up (key may be modified: quotes are stripped unless -q).
 * args[0] is the key, args[1..nargs) the "$@" arguments (%1..%9).
 * Returns the result (in rt->work) or NULL when not found; *stat gets
 * RT_OK, RT_TEMPFAIL, RT_NOHOST (host map), RT_UNAVAILABLE... On a
 * temporary failure of a map with -T<str>, returns key<str> (the
 * rewriting path, as sendmail's parseaddr map_lookup). */
const char *map_lookup(struct rt *rt, struct rt_map *m, char *key,
		       const char *const *args, int nargs, int *stat);
/* Open m now if its class opens something (a file, a switch's members),
 * printing what fails, as sendmail's /map does before its own line. */
void map_open(struct rt *rt, struct rt_map *m);
/* The class's own answer for key as given: no quote stripping, no -T
 * suffix (-bt's /map, and the members of sequence and switch maps). */
const char *map_lookup_class(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat);

#endif
