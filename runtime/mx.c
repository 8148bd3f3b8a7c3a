/*
 * mx.c - MX lookup through the system resolver (see mx.h).
 *
 * res_query() with class IN, type MX; answers are parsed with ns_parserr
 * and sorted by preference (a stable insertion sort: equal preferences
 * keep the resolver's order). No randomisation of equal preferences, so
 * answers are repeatable.
 */
#include "runtime/mx.h"

#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <string.h>

/* Sort l by preference, keeping the order of equal ones. */
static void sort_by_pref(struct mx_list *l)
{
	for (int i = 1; i < l->n; i++)
		for (int k = i; k > 0 && l->pref[k] < l->pref[k - 1]; k--) {
			char t[NS_MAXDNAME];
			int p = l->pref[k];

			memcpy(t, l->host[k], sizeof t);
			memcpy(l->host[k], l->host[k - 1], sizeof t);
			memcpy(l->host[k - 1], t, sizeof t);
			l->pref[k] = l->pref[k - 1];
			l->pref[k - 1] = p;
		}
}

/* The status for a failed res_query, from h_errno. */
static enum mx_status failure(void)
{
	switch (h_errno) {
	case HOST_NOT_FOUND: return MX_NOHOST;
	case NO_DATA: return MX_NODATA;
	default: return MX_TEMPFAIL;	/* TRY_AGAIN, NO_RECOVERY, no server */
	}
}

enum mx_status mx_lookup(const char *name, int use_dns, struct mx_list *l)
{
	unsigned char ans[4096];
	ns_msg msg;
	int len;

	l->n = 0;
	if (!use_dns)
		return MX_NODNS;
	len = res_query(name, ns_c_in, ns_t_mx, ans, sizeof ans);
	if (len < 0)
		return failure();
	if (ns_initparse(ans, len, &msg) < 0)
		return MX_TEMPFAIL;
	for (int i = 0; i < ns_msg_count(msg, ns_s_an) && l->n < LIMIT_MX_HOSTS; i++) {
		ns_rr rr;

		if (ns_parserr(&msg, ns_s_an, i, &rr) < 0 || ns_rr_type(rr) != ns_t_mx ||
		    ns_rr_rdlen(rr) < 3)
			continue;
		l->pref[l->n] = ns_get16(ns_rr_rdata(rr));
		if (dn_expand(ns_msg_base(msg), ns_msg_end(msg), ns_rr_rdata(rr) + 2,
			      l->host[l->n], NS_MAXDNAME) >= 0)
			l->n++;
	}
	sort_by_pref(l);
	return l->n > 0 ? MX_OK : MX_NODATA;
}
