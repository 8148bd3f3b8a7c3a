/*
 * dnsmap.c - the "dns" and "bestmx" map classes.
 *
 * dns (op.txt: "-R to specify the DNS resource record type to lookup: A,
 * AAAA, AFSDB, CNAME, MX, NS, PTR, SRV, and TXT. A map lookup will return
 * only one record unless the -z (value separator) option is set"): the key
 * (with "." and the -B basedomain appended) is asked with the resolver's
 * search list; records are formatted as sendmail 8.17 was seen to: A as
 * a dotted quad, AAAA as "IPv6:" and eight unabbreviated hex groups (a
 * v4-mapped address as its dotted quad), MX, SRV and AFSDB as their host
 * name only, TXT as its first string, names without the trailing dot.
 * -d and -r set the resolver's retransmission interval and retry count
 * for the question. NXDOMAIN and NODATA are "not found" (68), SERVFAIL,
 * REFUSED and time-outs a temporary failure (75). -Z is LDAP's and is
 * ignored here, as sendmail does.
 *
 * bestmx: getmxrr() (mx.c) without the search list; see map_bestmx_lookup.
 *
 * What the resolver returns is attacker-controlled: names are expanded
 * with a bound and a joined result is cut at LIMIT_DNS_MAP_RESULT.
 */
#include "runtime/mapclass.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "runtime/mx.h"
#include "runtime/resolve.h"

static const struct { const char *name; int type; } rr_types[] = {
	{ "A", ns_t_a }, { "AAAA", ns_t_aaaa }, { "AFSDB", ns_t_afsdb },
	{ "CNAME", ns_t_cname }, { "MX", ns_t_mx }, { "NS", ns_t_ns },
	{ "PTR", ns_t_ptr }, { "SRV", ns_t_srv }, { "TXT", ns_t_txt },
};

/* The record type named by -R, or -1. */
int dnsmap_type(const char *name)
{
	for (size_t i = 0; i < sizeof rr_types / sizeof rr_types[0]; i++)
		if (strcasecmp(name, rr_types[i].name) == 0)
			return rr_types[i].type;
	return -1;
}

/* The value of flag -x on the K line ("-xVALUE" or "-x VALUE"), or NULL. */
static const char *flag_value(const struct rt_map *m, char x)
{
	for (size_t i = 0; m->ir && i < m->ir->nflags; i++) {
		const char *f = m->ir->flags[i];

		if (f[0] == '-' && f[1] == x)
			return f + 2 + strspn(f + 2, " \t");
	}
	return NULL;
}

/* Append the domain name at p to out. */
static int add_name(const struct resolve_answer *a, const unsigned char *p,
		    struct str *out)
{
	char name[NS_MAXDNAME];

	if (resolve_name(a, p, name) < 0)
		return -1;
	str_append(out, name);
	return 0;
}

/* Append one record's value to out as sendmail formats it. */
static int add_record(const struct resolve_answer *a, const ns_rr *rr,
		      struct str *out)
{
	const unsigned char *d = ns_rr_rdata(*rr);
	unsigned len = ns_rr_rdlen(*rr);

	switch (ns_rr_type(*rr)) {
	case ns_t_a:
	case ns_t_aaaa:
		if (len != (ns_rr_type(*rr) == ns_t_a ? 4u : 16u))
			return -1;
		resolve_format_addr(ns_rr_type(*rr) == ns_t_a ? AF_INET : AF_INET6,
				    d, out);
		return 0;
	case ns_t_mx:
	case ns_t_afsdb:
		return len < 3 ? -1 : add_name(a, d + 2, out);
	case ns_t_srv:
		return len < 7 ? -1 : add_name(a, d + 6, out);
	case ns_t_txt:		/* the first character-string only */
		if (len < 1u || d[0] >= len)
			return len < 1u || d[0] > len - 1 ? -1 : 0;
		str_appendn(out, (const char *)d + 1, d[0]);
		return 0;
	default:		/* CNAME, NS, PTR */
		return add_name(a, d, out);
	}
}

/* Cut a joined result longer than LIMIT_DNS_MAP_RESULT after its last
 * delimiter that leaves room for "...", and append "...". */
static void cut_result(struct str *out, char delim)
{
	const size_t dots = 3;
	size_t keep = 0;

	if (out->len <= LIMIT_DNS_MAP_RESULT)
		return;
	for (size_t i = 0; i + 1 + dots <= LIMIT_DNS_MAP_RESULT; i++)
		if (out->s[i] == delim)
			keep = i + 1;
	str_truncate(out, keep);
	str_append(out, "...");
}

/* The records of type in a's answer, joined by the -z character (only
 * the first without -z), into out; the number found. */
static int add_records(const struct rt_map *m, const struct resolve_answer *a,
		       struct str *out)
{
	int n = 0;

	for (int i = 0; i < ns_msg_count(a->msg, ns_s_an); i++) {
		ns_rr rr;
		size_t mark = out->len;

		if (ns_parserr((ns_msg *)&a->msg, ns_s_an, i, &rr) < 0 ||
		    (int)ns_rr_type(rr) != m->rrtype)
			continue;
		if (n > 0)
			str_appendc(out, (char)m->zdelim);
		if (add_record(a, &rr, out) < 0) {
			str_truncate(out, mark);
			continue;
		}
		if (++n > 0 && (!m->zdelim || out->len > LIMIT_DNS_MAP_RESULT))
			break;
	}
	cut_result(out, (char)m->zdelim);
	return n;
}

/* Ask the question of a dns map lookup, with its -B, -d and -r. */
static enum resolve_result ask(const struct rt_map *m, const char *key,
			       struct resolve_answer *a)
{
	const char *base = flag_value(m, 'B'), *d = flag_value(m, 'd'),
		   *r = flag_value(m, 'r');
	struct str q = STR_INIT;
	int retrans, retry;
	enum resolve_result res;

	if ((_res.options & RES_INIT) == 0)
		res_init();
	retrans = _res.retrans;
	retry = _res.retry;
	if (d && atoi(d) > 0)
		_res.retrans = atoi(d);
	if (r && atoi(r) > 0)
		_res.retry = atoi(r);
	str_append(&q, key);
	if (base && *base)
		str_printf(&q, ".%s", base);
	res = resolve_ask(q.s, m->rrtype, 1, a);
	_res.retrans = retrans;
	_res.retry = retry;
	str_free(&q);
	return res;
}

/* At load, as readcf: "wrong type" for an -R sendmail does not know,
 * then "missing -R type" whenever there is no usable one; the map stays
 * (its lookups answer 68). */
int map_dns_setup(struct rt *rt, struct rt_map *m, FILE *err)
{
	if (m->rtext && m->rrtype < 0)
		map_load_error(rt, m, err, "dns map %s: wrong type %s", m->name, m->rtext);
	if (m->rrtype <= 0)
		map_load_error(rt, m, err, "dns map %s: missing -R type", m->name);
	return 0;
}

/* "dns" class: see the file header. */
const char *map_dns_lookup(struct rt *rt, struct rt_map *m, char *key,
			   const char *const *args, int nargs, int *stat)
{
	struct resolve_answer *a;
	struct str out = STR_INIT;
	const char *r = NULL;

	if (m->rrtype <= 0) {
		*stat = RT_NOHOST;	/* no or unknown -R: nothing asked, 68 */
		return NULL;
	}
	a = xmalloc(sizeof *a);
	switch (ask(m, key, a)) {
	case RESOLVE_TEMPFAIL:
		*stat = RT_TEMPFAIL;
		break;
	case RESOLVE_OK:	/* records of the type, or only CNAMEs */
		if (add_records(m, a, &out) > 0)
			r = map_result(rt, m, m->matchonly ? key : str_cstr(&out),
				       args, nargs);
		else
			*stat = RT_NOHOST;
		break;
	default:
		*stat = RT_NOHOST;
		break;
	}
	free(a);
	str_free(&out);
	return r;
}

/* "bestmx" class (op.txt): the most preferred MX host of key, or with
 * -z<c> all of them joined by c; -m returns the key. Asked without the
 * search list; a name without MX records is its own best MX when it has a
 * canonical name (getmxrr's fallback). The status is getmxrr's, even with
 * a value (RT_NOHOST after the fallback found a name). */
const char *map_bestmx_lookup(struct rt *rt, struct rt_map *m, char *key,
			      const char *const *args, int nargs, int *stat)
{
	struct mx_list *l = xmalloc(sizeof *l);
	struct str s = STR_INIT;
	const char *r = NULL;

	if (mx_lookup(rt, key, 0, l, stat) > 0) {
		for (int i = 0; i < (m->zdelim ? l->n : 1); i++) {
			if (i)
				str_appendc(&s, (char)m->zdelim);
			str_append(&s, l->host[i]);
		}
		r = map_result(rt, m, m->matchonly ? key : s.s, args, nargs);
	}
	str_free(&s);
	free(l);
	return r;
}
