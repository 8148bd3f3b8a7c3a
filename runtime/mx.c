/*
 * mx.c - getmxrr(): MX lookup through the system resolver (see mx.h).
 *
 * One MX question (res_search for /mx, res_query for bestmx); the MX
 * records of the answer are sorted by preference with a stable insertion
 * sort, so equal preferences keep the resolver's order and answers are
 * repeatable; a host named twice (any case) is kept once, at its best
 * preference. An answer without MX records (a CNAME to a name without
 * any) gives no host and no fallback, as sendmail 8.17 does. MX records
 * naming this host are kept: sendmail's -bt and bestmx drop none.
 */
#include "runtime/mx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/xalloc.h"
#include "runtime/host.h"
#include "runtime/resolve.h"

/* Sort l by preference, keeping the order of equal ones. */
static void sort_by_pref(struct mx_list *l)
{
	for (int i = 1; i < l->n; i++)
		for (int k = i; k > 0 && l->pref[k] < l->pref[k - 1]; k--) {
			char t[sizeof l->host[0]];
			int p = l->pref[k];

			memcpy(t, l->host[k], sizeof t);
			memcpy(l->host[k], l->host[k - 1], sizeof t);
			memcpy(l->host[k - 1], t, sizeof t);
			l->pref[k] = l->pref[k - 1];
			l->pref[k - 1] = p;
		}
}

/* Drop later copies of a host (any case): the most preferred one stays. */
static void drop_duplicates(struct mx_list *l)
{
	int kept = 0;

	for (int i = 0; i < l->n; i++) {
		int dup = 0;

		for (int k = 0; k < kept && !dup; k++)
			dup = strcasecmp(l->host[k], l->host[i]) == 0;
		if (dup)
			continue;
		if (kept != i) {
			memcpy(l->host[kept], l->host[i], sizeof l->host[0]);
			l->pref[kept] = l->pref[i];
		}
		kept++;
	}
	l->n = kept;
}

/* The MX records of an answer into l, "name." each, sorted, without
 * duplicates; MX_NULL for a null MX (RFC 7505: one record, "0 ."). */
static int collect(const struct resolve_answer *a, struct mx_list *l)
{
	for (int i = 0; i < ns_msg_count(a->msg, ns_s_an) && l->n < LIMIT_MX_HOSTS; i++) {
		ns_rr rr;

		if (ns_parserr((ns_msg *)&a->msg, ns_s_an, i, &rr) < 0 ||
		    ns_rr_type(rr) != ns_t_mx || ns_rr_rdlen(rr) < 3)
			continue;
		l->pref[l->n] = ns_get16(ns_rr_rdata(rr));
		if (resolve_name(a, ns_rr_rdata(rr) + 2, l->host[l->n]) == 0) {
			strcat(l->host[l->n], ".");
			l->n++;
		}
	}
	if (l->n == 1 && l->pref[0] == 0 && strcmp(l->host[0], ".") == 0)
		return MX_NULL;
	sort_by_pref(l);
	drop_duplicates(l);
	return l->n;
}

/* No MX records: the name's canonical name is its only host. */
static void fallback(struct rt *rt, const char *name, int search,
		     struct mx_list *l)
{
	struct str s = STR_INIT;

	if (host_getcanonname(rt, name, search, &s) == RT_OK) {
		snprintf(l->host[0], sizeof l->host[0], "%s.", s.s);
		l->pref[0] = 0;
		l->n = 1;
	}
	str_free(&s);
}

/* getmxrr(): see mx.h. */
int mx_lookup(struct rt *rt, const char *name, int search, struct mx_list *l,
	      int *stat)
{
	struct resolve_answer *a;
	int ignored;

	if (!stat)
		stat = &ignored;
	l->n = 0;
	*stat = RT_OK;
	if (!host_switch_has(rt, "hosts", "dns"))
		return 0;
	a = xmalloc(sizeof *a);
	switch (resolve_ask(name, ns_t_mx, search, a)) {
	case RESOLVE_TEMPFAIL:
		*stat = RT_TEMPFAIL;
		l->n = -1;
		break;
	case RESOLVE_NXDOMAIN:
		*stat = RT_NOHOST;
		/* fall through */
	case RESOLVE_NODATA:
		fallback(rt, name, search, l);
		break;
	case RESOLVE_OK:
		if (collect(a, l) == MX_NULL) {
			*stat = RT_UNAVAILABLE;
			l->n = MX_NULL;
		}
		break;
	}
	free(a);
	return l->n;
}

/* mx_report(): see mx.h. */
void mx_report(struct rt *rt, const char *name)
{
	struct mx_list *l = xmalloc(sizeof *l);

	if (mx_lookup(rt, name, 1, l, NULL) == MX_NULL) {
		fprintf(rt->out, "getmxrr(%s) returns null MX (See RFC7505)\n", name);
	} else {
		fprintf(rt->out, "getmxrr(%s) returns %d value(s):\n", name, l->n);
		for (int i = 0; i < l->n; i++)
			fprintf(rt->out, "\t%s\n", l->host[i]);
	}
	free(l);
}
