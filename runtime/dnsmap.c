/*
 * dnsmap.c - the "dns" map class (op.txt: "-R to specify the DNS resource
 * record type to lookup: A, AAAA, AFSDB, CNAME, MX, NS, PTR, SRV, and TXT.
 * A map lookup will return only one record unless the -z (value
 * separator) option is set").
 *
 * The key is queried through the system resolver (res_query, class IN);
 * records are formatted as sendmail does: A/AAAA as addresses, names
 * without the trailing dot, MX as "preference host", SRV as "priority
 * weight port target", AFSDB as "subtype host", TXT strings joined.
 * -Z<n> keeps at most n records. A failed query is a temporary failure
 * when the resolver says TRY_AGAIN or the socket error is transient (no
 * server reachable), as sendmail's dns_map_lookup decides; else no match. What the
 * resolver returns is attacker-controlled: every name and string is
 * length-bounded and the result is cut at LIMIT_MAP_RESULT.
 */
#include "runtime/mapclass.h"

#include <arpa/inet.h>
#include <errno.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <string.h>
#include <strings.h>

#include "lib/limits.h"
#include "lib/str.h"

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

/* Whether a socket error is temporary (sendmail's transienterror()). */
static int errno_transient(int e)
{
	switch (e) {
	case EAGAIN: case EINTR: case ETIMEDOUT: case ECONNREFUSED:
	case ECONNRESET: case ENETUNREACH: case ENETDOWN: case EHOSTUNREACH:
	case EHOSTDOWN: case ENOBUFS: case EIO: case ENOMEM:
		return 1;
	default:
		return 0;
	}
}

/* Append the domain name at p (compressed, inside msg) to out. */
static int add_name(const ns_msg *msg, const unsigned char *p, struct str *out)
{
	char name[NS_MAXDNAME];

	if (dn_expand(ns_msg_base(*msg), ns_msg_end(*msg), p, name, sizeof name) < 0)
		return -1;
	str_append(out, name);
	return 0;
}

/* Append one record's value to out as sendmail formats it. */
static int add_record(const ns_msg *msg, const ns_rr *rr, struct str *out)
{
	const unsigned char *d = ns_rr_rdata(*rr);
	unsigned len = ns_rr_rdlen(*rr);
	char addr[INET6_ADDRSTRLEN];

	switch (ns_rr_type(*rr)) {
	case ns_t_a:
	case ns_t_aaaa:
		if (len != (ns_rr_type(*rr) == ns_t_a ? 4u : 16u) ||
		    !inet_ntop(ns_rr_type(*rr) == ns_t_a ? AF_INET : AF_INET6, d, addr, sizeof addr))
			return -1;
		str_append(out, addr);
		return 0;
	case ns_t_mx:
	case ns_t_afsdb:
		if (len < 3)
			return -1;
		str_printf(out, "%u ", ns_get16(d));
		return add_name(msg, d + 2, out);
	case ns_t_srv:
		if (len < 7)
			return -1;
		str_printf(out, "%u %u %u ", ns_get16(d), ns_get16(d + 2), ns_get16(d + 4));
		return add_name(msg, d + 6, out);
	case ns_t_txt:
		for (unsigned i = 0; i < len; i += 1u + d[i])
			str_appendn(out, (const char *)d + i + 1,
				    d[i] < len - i ? d[i] : len - i - 1);
		return 0;
	default:		/* CNAME, NS, PTR */
		return add_name(msg, d, out);
	}
}

/* "dns" class: see the file header. */
const char *map_dns_lookup(struct rt *rt, struct rt_map *m, char *key,
			   const char *const *args, int nargs, int *stat)
{
	unsigned char ans[NS_PACKETSZ * 4];
	struct str out = STR_INIT;
	const char *r = NULL;
	int len, n = 0;
	ns_msg msg;

	if (m->rrtype <= 0) {
		*stat = RT_CONFIG;	/* no or unknown -R: sendmail refuses the map */
		return NULL;
	}
	errno = 0;
	len = res_query(key, ns_c_in, m->rrtype, ans, sizeof ans);
	if (len < 0) {
		/* as sendmail: TRY_AGAIN, or a transient errno (no server) */
		if (h_errno == TRY_AGAIN || errno_transient(errno))
			*stat = RT_TEMPFAIL;
		return NULL;
	}
	if (ns_initparse(ans, len, &msg) < 0) {
		*stat = RT_TEMPFAIL;
		return NULL;
	}
	for (int i = 0; i < ns_msg_count(msg, ns_s_an); i++) {
		ns_rr rr;
		size_t mark = out.len;

		if (ns_parserr(&msg, ns_s_an, i, &rr) < 0 || (int)ns_rr_type(rr) != m->rrtype)
			continue;
		if (n > 0)
			str_appendc(&out, (char)m->zdelim);
		if (add_record(&msg, &rr, &out) < 0) {
			str_truncate(&out, mark);
			continue;
		}
		n++;
		/* one record without -z; with it, all (or -Z many) */
		if (!m->zdelim || (m->zcount > 0 && n >= m->zcount) ||
		    out.len > LIMIT_MAP_RESULT)
			break;
	}
	if (n > 0) {
		str_truncate(&out, out.len > LIMIT_MAP_RESULT ? LIMIT_MAP_RESULT : out.len);
		r = map_result(rt, m, m->matchonly ? key : out.s, args, nargs);
	}
	str_free(&out);
	return r;
}
