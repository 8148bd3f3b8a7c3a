/*
 * mx.h - getmxrr(): the MX hosts of a name, by preference (DNS only, as
 * sendmail's: the service switch's "hosts" line must list dns, and the
 * hosts file never gives MX records).
 *
 * Used by "/mx" in -bt and by the bestmx map class (dnsmap.c).
 */
#ifndef MAILCF_MX_H
#define MAILCF_MX_H

#include <arpa/nameser.h>

#include "lib/limits.h"
#include "runtime/rt.h"

/* mx_lookup()'s count for a null MX (RFC 7505: "MX 0 ." alone). */
#define MX_NULL (-2)

struct mx_list {
	int n;				/* hosts, -1 (temporary failure) or MX_NULL */
	int pref[LIMIT_MX_HOSTS];
	char host[LIMIT_MX_HOSTS][NS_MAXDNAME + 1];	/* "name." */
};

/* The MX hosts of name into l, each with a trailing dot, sorted by
 * preference (equal ones in the resolver's order: sendmail shuffles them
 * with a time-seeded hash, so no order of ties is more right), at most
 * LIMIT_MX_HOSTS. search 0 asks the name as given (bestmx), 1 with the
 * resolver's search list (/mx). When the name has no MX records (NODATA
 * or NXDOMAIN) its canonical name (getcanonname) is the one host, if it
 * has one; a host named twice is kept once. Returns l->n: >= 0, -1 on a
 * temporary failure, MX_NULL for a null MX; *stat is RT_TEMPFAIL,
 * RT_UNAVAILABLE (null MX), RT_NOHOST when the MX question found no such
 * name (even if
 * the fallback then found one, as sendmail), else RT_OK (stat may be
 * NULL). Nothing is asked
 * (0 hosts) unless the switch's hosts line lists dns. */
int mx_lookup(struct rt *rt, const char *name, int search, struct mx_list *l,
	      int *stat);
/* "/mx name": getmxrr's answer on rt->out as sendmail's -bt prints it. */
void mx_report(struct rt *rt, const char *name);

#endif
