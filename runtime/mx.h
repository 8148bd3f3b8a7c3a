/*
 * mx.h - MX records of a name, by preference (DNS only, as sendmail's
 * getmxrr: the service switch does not apply to MX lookups).
 *
 * Used by "/mx" in -bt and by the bestmx map class.
 */
#ifndef MAILCF_MX_H
#define MAILCF_MX_H

#include <arpa/nameser.h>

#include "lib/limits.h"

struct mx_list {
	int n;					/* hosts found */
	int pref[LIMIT_MX_HOSTS];
	char host[LIMIT_MX_HOSTS][NS_MAXDNAME];
};

enum mx_status { MX_OK, MX_NODATA, MX_NOHOST, MX_TEMPFAIL, MX_NODNS };

/* Query the MX records of name into l (sorted by preference, at most
 * LIMIT_MX_HOSTS). MX_OK with l->n > 0; MX_NODATA when the name exists but
 * has no MX; MX_NOHOST when it does not exist; MX_TEMPFAIL when the
 * resolver could not answer; MX_NODNS (no query, l->n == 0) when use_dns
 * is 0 -- sendmail's getmxrr asks nothing unless the service switch's
 * "hosts" line lists dns (UseNameServer). */
enum mx_status mx_lookup(const char *name, int use_dns, struct mx_list *l);

#endif
