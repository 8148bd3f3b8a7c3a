/*
 * host.h - host names the way sendmail finds them, without DNS when the
 * service switch says so.
 *
 * host_identity() sets $w $j $m and seeds class w from gethostname() and
 * the C library's host entry for it, host_probe_interfaces() adds the
 * interfaces, as sendmail does at start-up. host_canon() is
 * getcanonname(): the hosts file (HostsFile, default /etc/hosts) and the
 * DNS (resolve_canon), in the order the ServiceSwitchFile's "hosts" line
 * lists "files" and "dns"; an unqualified answer gets ".$m" appended. A
 * literal "[addr]" is looked up by address with the C library's
 * gethostbyaddr (its nsswitch.conf, as sendmail), answer kept as is.
 */
#ifndef MAILCF_HOST_H
#define MAILCF_HOST_H

#include "lib/str.h"
#include "runtime/rt.h"

/* Set $w, $j, $m and class w from the host name; 0 or -1. */
int host_identity(struct rt *rt);
/* Add the interfaces' addresses and names to class w. Call after the
 * cf's classes are loaded: a name already in the class is not added
 * again, nor its "[name]" form. */
void host_probe_interfaces(struct rt *rt);
/* Canonify name into out: RT_OK, RT_NOHOST (unknown) or RT_TEMPFAIL.
 * search 0 turns the resolver's search list off (bestmx does). */
int host_getcanonname(struct rt *rt, const char *name, int search,
		      struct str *out);
/* The address an "[a.b.c.d]", "[IPv6:...]" or "[::1]" literal at the
 * start of name spells (the text up to its first ']'; *end gets the
 * byte after that ']'): 0 with the address in addr (16 bytes) and its
 * family in *af, or -1 when name has no such literal. */
int host_literal(const char *name, unsigned char *addr, int *af, const char **end);
/* host_getcanonname() with the search list: /canon, getmxrr's fallback. */
int host_canon(struct rt *rt, const char *name, struct str *out);
/* host_canon() for the host map: answers (failures too) are remembered
 * for the life of rt, as sendmail's host map keeps them; a temporary
 * failure also prints "NAME: Name server timeout" on rt->out, each time.
 * A name starting with '[' is an address literal up to the first ']'
 * (RT_OK with out empty when there is no ']': no match; RT_UNAVAILABLE
 * when the text is not an address). */
int host_map_canon(struct rt *rt, const char *name, struct str *out);
/* 1 if the service switch lists method (e.g. "files") for service. */
int host_switch_has(const struct rt *rt, const char *service,
		    const char *method);
/* The methods the switch file lists for service, space separated, into
 * out; 0 (out empty) when it has no line for service. */
int host_switch_listed(const struct rt *rt, const char *service,
		       struct str *out);
/* The methods listed for service, space separated, into out (default
 * "files" when the switch file or the line is missing). */
void host_switch_methods(const struct rt *rt, const char *service,
			 struct str *out);

#endif
