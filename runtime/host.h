/*
 * host.h - host names the way sendmail finds them, without DNS when the
 * service switch says so.
 *
 * host_identity() sets $w $j $m and seeds class w from gethostname() and
 * the interfaces, as sendmail does at start-up. host_canon() is
 * getcanonname(): the hosts file (HostsFile, default /etc/hosts) when the
 * ServiceSwitchFile's "hosts" line lists "files", then the resolver when
 * it lists "dns"; an unqualified answer gets ".$m" appended. A literal
 * "[addr]" is looked up by address in the hosts file, answer kept as is.
 */
#ifndef MAILCF_HOST_H
#define MAILCF_HOST_H

#include "lib/str.h"
#include "runtime/rt.h"

/* Set $w, $j, $m and class w from the system; 0 or -1. */
int host_identity(struct rt *rt);
/* Canonify name into out: RT_OK, RT_NOHOST (unknown) or RT_TEMPFAIL. */
int host_canon(struct rt *rt, const char *name, struct str *out);
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
