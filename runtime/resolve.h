/*
 * resolve.h - DNS questions asked the way sendmail asks them, through the
 * system resolver (glibc's res_query/res_search and /etc/resolv.conf).
 *
 * resolve_ask() sends one question and sorts the outcome into the four
 * cases sendmail distinguishes; resolve_canon() is the DNS half of
 * getcanonname() (see resolve.c for the algorithm, observed on 8.17).
 * Answers are untrusted: every name is expanded with a bound and every
 * record is checked against the message length by ns_parserr.
 */
#ifndef MAILCF_RESOLVE_H
#define MAILCF_RESOLVE_H

#include <arpa/nameser.h>

#include "lib/limits.h"
#include "lib/str.h"

enum resolve_result {
	RESOLVE_OK,		/* an answer with at least one record */
	RESOLVE_NODATA,		/* the name exists, no record of the type */
	RESOLVE_NXDOMAIN,	/* the name does not exist */
	RESOLVE_TEMPFAIL	/* SERVFAIL, REFUSED, time-out, no server */
};

struct resolve_answer {
	unsigned char buf[LIMIT_DNS_ANSWER];
	ns_msg msg;		/* parsed; valid when RESOLVE_OK */
};

/* Apply ResolverOptions ("+AAONLY -DNSRCH ...": resolver flags without
 * RES_, op.txt) to the resolver's options; unknown words are ignored. */
void resolve_options(const char *spec);
/* Ask (name, type) of class IN: as is when search is 0 (res_query), else
 * with the resolver's search list (res_search). */
enum resolve_result resolve_ask(const char *name, int type, int search,
				struct resolve_answer *a);
/* The name at p (compressed, inside a's message) into out (NS_MAXDNAME
 * bytes); 0, or -1 when it does not expand. */
int resolve_name(const struct resolve_answer *a, const unsigned char *p,
		 char *out);
/* An address as sendmail writes it (anynet_ntop): a dotted quad for
 * AF_INET and for a v4-mapped AF_INET6 address, else "IPv6:" and eight
 * unabbreviated hex groups ("IPv6:2001:db8:0:0:0:0:0:1"). */
void resolve_format_addr(int af, const unsigned char *addr, struct str *out);
/* The canonical name of name from the DNS into out: RT_OK, RT_NOHOST or
 * RT_TEMPFAIL. search 0 asks the name only as given (bestmx). On
 * RT_NOHOST out may hold the last CNAME target tried (sendmail's
 * getcanonname leaves it in its buffer; /canon prints it). */
int resolve_canon(const char *name, int search, struct str *out);

#endif
