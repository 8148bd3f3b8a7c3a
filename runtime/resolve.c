/*
 * resolve.c - the resolver questions of getcanonname(), getmxrr() and the
 * dns map (see resolve.h).
 *
 * resolve_canon() follows what sendmail 8.17's dns_getcanonname was seen
 * to ask (tests/runtime/dns-live.test logs the questions): for each
 * candidate name it asks AAAA, then A, then MX; NXDOMAIN moves to the
 * next candidate, NODATA or a temporary failure to the next type. The
 * candidates are the name itself when it contains a dot, then the name
 * with each domain of the search list appended when RES_DNSRCH is on (an
 * undotted name gets only the latter, or with RES_DEFNAMES alone the
 * default domain); a trailing dot means the name alone. An answer that starts
 * with a CNAME restarts the lookup with its target (at most
 * LIMIT_CNAME_DEPTH times). A name is found when the answer holds a
 * record of the type asked; it is then the candidate as asked. Not found
 * after a temporary failure is a temporary failure.
 */
#include "runtime/resolve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/xalloc.h"
#include "runtime/rt.h"

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

/* The resolver flags ResolverOptions may name (RES_ dropped, op.txt). */
static const struct { const char *name; unsigned long bit; } res_flags[] = {
	{ "DEBUG", RES_DEBUG }, { "USEVC", RES_USEVC }, { "IGNTC", RES_IGNTC },
	{ "RECURSE", RES_RECURSE }, { "DEFNAMES", RES_DEFNAMES },
	{ "STAYOPEN", RES_STAYOPEN }, { "DNSRCH", RES_DNSRCH },
	{ "ROTATE", RES_ROTATE }, { "USE_EDNS0", RES_USE_EDNS0 },
	{ "SNGLKUP", RES_SNGLKUP }, { "SNGLKUPREOP", RES_SNGLKUPREOP },
	{ "USE_DNSSEC", RES_USE_DNSSEC }, { "NOTLDQUERY", RES_NOTLDQUERY },
};

/* The resolver, initialised once. */
static int res_ready(void)
{
	return (_res.options & RES_INIT) || res_init() == 0;
}

/* resolve_options(): see resolve.h. */
void resolve_options(const char *spec)
{
	if (!res_ready() || !spec)
		return;
	for (const char *p = spec; *p; p += strspn(p, " \t")) {
		size_t n = strcspn(p, " \t");
		int off = *p == '-', sign = *p == '-' || *p == '+';

		for (size_t i = 0; i < sizeof res_flags / sizeof res_flags[0]; i++)
			if (n - sign == strlen(res_flags[i].name) &&
			    strncasecmp(p + sign, res_flags[i].name, n - sign) == 0) {
				if (off)
					_res.options &= ~res_flags[i].bit;
				else
					_res.options |= res_flags[i].bit;
			}
		p += n;		/* HasWildcardMX, WorkAroundBrokenAAAA: no effect seen */
	}
}

/* resolve_ask(): see resolve.h. */
enum resolve_result resolve_ask(const char *name, int type, int search,
				struct resolve_answer *a)
{
	int len;

	errno = 0;
	len = search ? res_search(name, ns_c_in, type, a->buf, sizeof a->buf)
		     : res_query(name, ns_c_in, type, a->buf, sizeof a->buf);
	if (len < 0) {
		if (h_errno == TRY_AGAIN || (h_errno != HOST_NOT_FOUND &&
					     h_errno != NO_DATA && errno_transient(errno)))
			return RESOLVE_TEMPFAIL;
		return h_errno == HOST_NOT_FOUND ? RESOLVE_NXDOMAIN : RESOLVE_NODATA;
	}
	if (len > (int)sizeof a->buf || ns_initparse(a->buf, len, &a->msg) < 0)
		return RESOLVE_TEMPFAIL;	/* truncated or malformed */
	return ns_msg_count(a->msg, ns_s_an) > 0 ? RESOLVE_OK : RESOLVE_NODATA;
}

/* resolve_name(): see resolve.h. */
int resolve_name(const struct resolve_answer *a, const unsigned char *p,
		 char *out)
{
	return dn_expand(ns_msg_base(a->msg), ns_msg_end(a->msg), p, out,
			 NS_MAXDNAME) < 0 ? -1 : 0;
}

/* resolve_format_addr(): see resolve.h. */
void resolve_format_addr(int af, const unsigned char *addr, struct str *out)
{
	char v4[INET_ADDRSTRLEN];

	if (af == AF_INET6 &&
	    !IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)(const void *)addr)) {
		str_append(out, "IPv6:");
		for (int i = 0; i < 8; i++)
			str_printf(out, i ? ":%x" : "%x", ns_get16(addr + 2 * i));
		return;
	}
	str_append(out, inet_ntop(AF_INET, af == AF_INET ? addr : addr + 12,
				  v4, sizeof v4));
}

/* What one answer says of the name asked: found (1), a CNAME to follow
 * (2, target in cname), or neither (0). */
static int answer_kind(const struct resolve_answer *a, int type, char *cname)
{
	ns_rr rr;

	if (ns_parserr((ns_msg *)&a->msg, ns_s_an, 0, &rr) == 0 &&
	    ns_rr_type(rr) == ns_t_cname)
		return resolve_name(a, ns_rr_rdata(rr), cname) == 0 ? 2 : 0;
	for (int i = 0; i < ns_msg_count(a->msg, ns_s_an); i++)
		if (ns_parserr((ns_msg *)&a->msg, ns_s_an, i, &rr) == 0 &&
		    (int)ns_rr_type(rr) == type)
			return 1;
	return 0;
}

/* Ask AAAA, A and MX of one candidate: 1 found, 2 CNAME (target in
 * cname), 0 not found; *temp set on a temporary failure. */
static int ask_candidate(const char *full, char *cname, int *temp)
{
	static const int types[] = { ns_t_aaaa, ns_t_a, ns_t_mx };
	struct resolve_answer *a = xmalloc(sizeof *a);
	int kind = 0;

	for (size_t t = 0; t < sizeof types / sizeof types[0] && !kind; t++) {
		enum resolve_result r = resolve_ask(full, types[t], 0, a);

		if (r == RESOLVE_TEMPFAIL)
			*temp = 1;
		if (r == RESOLVE_NXDOMAIN)
			break;
		if (r == RESOLVE_OK)
			kind = answer_kind(a, types[t], cname);
	}
	free(a);
	return kind;
}

/* The n-th domain appended to an undotted (dotted) name: the search
 * list with RES_DNSRCH, else the default domain alone with RES_DEFNAMES
 * (undotted names only); NULL past the end. */
static const char *domain(int dotted, int search, int n)
{
	if (!search)
		return NULL;
	if (_res.options & RES_DNSRCH)
		return n < MAXDNSRCH ? _res.dnsrch[n] : NULL;
	if (!dotted && (_res.options & RES_DEFNAMES) && n == 0 && _res.defdname[0])
		return _res.defdname;
	return NULL;
}

/* One pass over the candidates of name (see the file header). */
static int canon_pass(const char *name, int search, struct str *out,
		      char *cname, int *temp)
{
	size_t n = strlen(name);
	int dotted = strchr(name, '.') != NULL, absolute = n && name[n - 1] == '.';
	const char *dom = NULL;

	if (!res_ready())
		return (*temp = 1), 0;
	for (int d = dotted ? -1 : 0; d < 0 || (dom = domain(dotted, search && !absolute, d)); d++) {
		int kind;

		str_reset(out);
		str_appendn(out, name, absolute ? n - 1 : n);
		if (d >= 0)
			str_printf(out, ".%s", dom);
		if ((kind = ask_candidate(out->s, cname, temp)) != 0)
			return kind;
	}
	return 0;
}

/* resolve_canon(): see resolve.h. */
int resolve_canon(const char *name, int search, struct str *out)
{
	char cur[NS_MAXDNAME], cname[NS_MAXDNAME];
	int temp = 0;

	snprintf(cur, sizeof cur, "%s", name);
	for (int depth = 0; depth <= LIMIT_CNAME_DEPTH; depth++) {
		int kind = canon_pass(cur, search, out, cname, &temp);

		if (kind == 1)
			return RT_OK;
		str_reset(out);
		str_append(out, cur);
		if (kind == 0)
			break;
		snprintf(cur, sizeof cur, "%s", cname);
		str_reset(out);
		str_append(out, cur);
	}
	return temp ? RT_TEMPFAIL : RT_NOHOST;
}
