/*
 * map.h - K-line map classes for the rewriting engine (op.txt 5.10).
 *
 * map_setup() builds one struct rt_map per K line, parsing the flags the
 * m4 library uses (-T<str> -a<str> -o -q -m -N -O -f -k -v -z -D -S -t
 * -n -b -s -d -L), plus the implicit "host" map behind "$[ $]". Maps are
 * opened on first use, as sendmail does; an unavailable map prints
 * sendmail's message once and then answers "temporary failure". Some
 * classes check their K line at load (a regex pattern, a file name): a
 * map they refuse is "not open" for good.
 *
 * Classes: hash/btree/implicit/cdb (maps/mapdb.h), text, dequote, macro,
 * arith, sequence, switch, host, user, regex (POSIX), stab, null, syslog,
 * arpa, dns, bestmx, program, socket (sockmap.h). nis, nisplus, ldap,
 * hesiod, netinfo, userdb and the rest are reported "class X not
 * available" at load and are then unknown, as in a sendmail built
 * without them (we link no NIS/LDAP/Hesiod library).
 */
#ifndef MAILCF_MAP_H
#define MAILCF_MAP_H

#include "runtime/rt.h"

struct rt_map;

/* Build the maps of rt->cf (and "host"). 0, or -1 with a message on err. */
int map_setup(struct rt *rt, FILE *err);
/* Release every map of rt. */
void map_free_all(struct rt *rt);
/* The map named name (any case; the last K line of that name), or NULL
 * (also for a class we lack). */
struct rt_map *map_find(struct rt *rt, const char *name);
/* 0 if m can be looked up (a socket map is connected first, so that its
 * messages come before /map's answer, as in sendmail); -1 after printing
 * sendmail's -bt answer 'Map named "X" not open' for a map refused at
 * load. */
int map_check_open(struct rt *rt, struct rt_map *m);
/* The byte put between atoms of a key (-S, else BlankSub). */
char map_spacesub(const struct rt_map *m);
/* Look key up on the rewriting path (key may be modified: quotes are
 * stripped unless -q).
 * args[0] is the key, args[1..nargs) the "$@" arguments (%1..%9).
 * Returns the result (in rt->work) or NULL when not found; *stat gets
 * RT_OK, RT_TEMPFAIL, RT_NOHOST (host map), RT_UNAVAILABLE... On a
 * temporary failure of a map with -T<str>, returns key<str> (the
 * rewriting path, as sendmail's parseaddr map_lookup). */
const char *map_lookup(struct rt *rt, struct rt_map *m, char *key,
		       const char *const *args, int nargs, int *stat);
/* The class's own answer for key as given: no quote stripping, no -T
 * suffix (-bt's /map, and the members of sequence and switch maps). */
const char *map_lookup_class(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat);

#endif
