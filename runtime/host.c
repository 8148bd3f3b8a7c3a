/*
 * host.c - the host's identity and getcanonname() over the hosts file.
 *
 * Entry points: host_identity() ($w $j $m $k, class w from the host name
 * and the interface addresses, as sendmail's start-up does),
 * host_canon() (hosts file, then the resolver, in the order the
 * ServiceSwitchFile's "hosts" line gives), host_switch_methods().
 * Trusts the system files; lines are bounded by the stdio buffer we read
 * them with (longer lines are read in pieces and cannot match).
 */
#include "runtime/host.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "lib/xalloc.h"
#include "runtime/cls.h"
#include "runtime/macro.h"
#include "runtime/safefile.h"

/* The whole of a small system file, read once ("" if unreadable). */
static const char *slurp(const char *path, char **cache)
{
	struct str s = STR_INIT;
	FILE *f;
	char buf[4096];
	size_t n;

	if (*cache)
		return *cache;
	f = path ? fopen(path, "r") : NULL;
	while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
		str_appendn(&s, buf, n);
	if (f)
		fclose(f);
	*cache = str_steal(&s);
	if (!*cache)
		*cache = xstrdup("");
	return *cache;
}

/* The methods listed for service in the switch file. */
void host_switch_methods(const struct rt *rt, const char *service,
			 struct str *out)
{
	const char *p = slurp(rt->switch_file, (char **)&rt->switch_text);
	size_t n = strlen(service);

	str_reset(out);
	for (; *p; p += strcspn(p, "\n"), p += *p == '\n') {
		if (strncmp(p, service, n) != 0 || (p[n] != ' ' && p[n] != '\t'))
			continue;
		for (p += n; *p && *p != '\n'; p++)
			str_appendc(out, *p == '\t' ? ' ' : *p);
		break;
	}
	if (out->len == 0)
		str_append(out, strcmp(service, "hosts") == 0 ? "dns files" : "files");
}

/* 1 if the switch lists method for service. */
int host_switch_has(const struct rt *rt, const char *service,
		    const char *method)
{
	struct str s = STR_INIT;
	const char *p;
	size_t n = strlen(method);
	int found = 0;

	host_switch_methods(rt, service, &s);
	for (p = str_cstr(&s); *p && !found; p++)
		if ((p == s.s || p[-1] == ' ') && strncmp(p, method, n) == 0 &&
		    (p[n] == ' ' || p[n] == '\0'))
			found = 1;
	str_free(&s);
	return found;
}

/* The address of an "[a.b.c.d]" / "[IPv6:...]" literal into buf
 * (family in *af); 0, or -1 when name is not a valid literal. */
static int literal(const char *name, unsigned char *buf, int *af)
{
	char tmp[INET6_ADDRSTRLEN + 8];
	size_t n = strlen(name);

	if (n < 3 || name[0] != '[' || name[n - 1] != ']' || n - 2 >= sizeof tmp)
		return -1;
	memcpy(tmp, name + 1, n - 2);
	tmp[n - 2] = '\0';
	if (strncasecmp(tmp, "IPv6:", 5) == 0) {
		*af = AF_INET6;
		return inet_pton(AF_INET6, tmp + 5, buf) == 1 ? 0 : -1;
	}
	*af = AF_INET;
	return inet_pton(AF_INET, tmp, buf) == 1 ? 0 : -1;
}

/* 1 if the address column addr of a hosts line is the literal want. */
static int same_addr(const char *addr, const unsigned char *want, int af)
{
	unsigned char a[16];

	return inet_pton(af, addr, a) == 1 &&
	       memcmp(a, want, af == AF_INET ? 4 : 16) == 0;
}

/* Look name up in the hosts file: its canonical (first) name. A literal
 * "[addr]" is looked up by address, as a reverse lookup would. */
static int hosts_file(const struct rt *rt, const char *name, struct str *out)
{
	const char *text = slurp(rt->hosts_file ? rt->hosts_file : "/etc/hosts",
				 (char **)&rt->hosts_text);
	char line[1024];
	unsigned char want[16];
	int found = 0, af = 0, lit = literal(name, want, &af) == 0;

	for (; *text && !found; text += strcspn(text, "\n"), text += *text == '\n') {
		char *save = NULL, *tok, *canon, *addr;
		size_t len = strcspn(text, "\n");

		if (len >= sizeof line)
			continue;	/* longer than any hosts line we accept */
		memcpy(line, text, len);
		line[len] = '\0';
		line[strcspn(line, "#")] = '\0';
		if (!(addr = strtok_r(line, " \t", &save)))
			continue;
		canon = strtok_r(NULL, " \t", &save);
		if (lit) {
			if (canon && same_addr(addr, want, af)) {
				str_append(out, canon);
				found = 1;
			}
			continue;
		}
		for (tok = canon; tok && !found; tok = strtok_r(NULL, " \t", &save))
			if (strcasecmp(tok, name) == 0) {
				str_append(out, canon);
				found = 1;
			}
	}
	return found;
}

/* The resolver's canonical name for name. */
static int resolver(const char *name, struct str *out, int *temp)
{
	struct addrinfo hints = { .ai_flags = AI_CANONNAME }, *res = NULL;
	int r = getaddrinfo(name, NULL, &hints, &res);

	*temp = r == EAI_AGAIN;
	if (r != 0 || !res)
		return 0;
	str_append(out, res->ai_canonname ? res->ai_canonname : name);
	freeaddrinfo(res);
	return 1;
}

/* getcanonname(): see host.h. */
int host_canon(struct rt *rt, const char *name, struct str *out)
{
	struct str methods = STR_INIT;
	const char *p;
	int found = 0, temp = 0;

	safefile_switch_warn(rt);	/* sendmail warns here, once */
	host_switch_methods(rt, "hosts", &methods);
	for (p = methods.s; p && *p && !found;) {
		size_t n = strcspn(p, " ");

		str_reset(out);
		if (n == 5 && strncmp(p, "files", 5) == 0)
			found = hosts_file(rt, name, out);
		else if (n == 3 && strncmp(p, "dns", 3) == 0)
			found = resolver(name, out, &temp);
		p += n + (p[n] == ' ');
	}
	str_free(&methods);
	if (!found)
		return temp ? RT_TEMPFAIL : RT_NOHOST;
	if (!strchr(out->s, '.') && name[0] != '[') {	/* a reverse answer stays */
		const char *m = macro_get(rt->macros, "m");

		if (m && *m) {
			str_appendc(out, '.');
			str_append(out, m);
		}
	}
	return RT_OK;
}

/* Add "[addr]" of every interface to class w, unless the option
 * DontProbeInterfaces says not to ("loopback": skip loopbacks only). */
static void add_interfaces(struct rt *rt, int w)
{
	const struct ir_option *o = cf_option(rt->cf, "DontProbeInterfaces");
	const char *v = o && o->value ? o->value : "false";
	int skip_lo = strcasecmp(v, "loopback") == 0;

	struct ifaddrs *ifa = NULL;
	char buf[INET6_ADDRSTRLEN + 8], ip[INET6_ADDRSTRLEN];

	if ((v[0] && strchr("tTyY", v[0])) || (o && v[0] == '\0'))
		return;
	if (getifaddrs(&ifa) < 0)
		return;
	for (struct ifaddrs *i = ifa; i; i = i->ifa_next) {
		if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET ||
		    !(i->ifa_flags & IFF_UP) ||
		    (skip_lo && (i->ifa_flags & IFF_LOOPBACK)))
			continue;	/* sendmail lists configured, up interfaces */
		inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr,
			  ip, sizeof ip);
		snprintf(buf, sizeof buf, "[%s]", ip);
		cls_add(rt->cls, w, buf);
	}
	freeifaddrs(ifa);
}

/* Set $w $j $m $k and seed class w, as sendmail's start-up does. */
int host_identity(struct rt *rt)
{
	char name[256], *dot;
	struct utsname u;
	int w = cls_id(rt->cls, "w", 1);

	if (gethostname(name, sizeof name) < 0)
		return -1;
	name[sizeof name - 1] = '\0';
	if (!strchr(name, '.')) {
		struct str s = STR_INIT;

		if (host_canon(rt, name, &s) == RT_OK && strchr(s.s, '.'))
			snprintf(name, sizeof name, "%s", s.s);
		str_free(&s);
	}
	macro_set(rt->macros, "j", name);
	cls_add(rt->cls, w, name);
	cls_add(rt->cls, w, "localhost");
	dot = strchr(name, '.');
	if (dot) {
		macro_set(rt->macros, "m", dot + 1);
		cls_add(rt->cls, cls_id(rt->cls, "m", 1), dot + 1);
	}
	if (dot && rt->level >= 5)
		*dot = '\0';
	macro_set(rt->macros, "w", name);
	if (uname(&u) == 0)
		macro_set(rt->macros, "k", u.nodename);
	add_interfaces(rt, w);
	return 0;
}
