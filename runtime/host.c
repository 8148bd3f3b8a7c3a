/*
 * host.c - the host's identity and getcanonname() over the hosts file.
 *
 * Entry points: host_identity() ($w $j $m $k, class w from the host name,
 * as sendmail's start-up does), host_probe_interfaces() (class w from the
 * interface addresses, after the cf's classes),
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

#include "lib/arena.h"
#include "lib/xalloc.h"
#include "runtime/cls.h"
#include "runtime/macro.h"
#include "runtime/resolve.h"
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

int host_switch_listed(const struct rt *rt, const char *service,
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
	return out->len > 0;
}

/* The methods listed for service in the switch file, else the default. */
void host_switch_methods(const struct rt *rt, const char *service,
			 struct str *out)
{
	if (!host_switch_listed(rt, service, out))
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

/* host_literal(): see host.h. */
int host_literal(const char *name, unsigned char *addr, int *af, const char **end)
{
	char tmp[INET6_ADDRSTRLEN + 8];
	const char *close = name[0] == '[' ? strchr(name, ']') : NULL, *a = tmp;
	size_t n;

	if (!close || (n = (size_t)(close - name - 1)) >= sizeof tmp)
		return -1;
	memcpy(tmp, name + 1, n);
	tmp[n] = '\0';
	*end = close + 1;
	if (strncasecmp(tmp, "IPv6:", 5) == 0)
		a += 5;
	else if (inet_pton(AF_INET, tmp, addr) == 1) {
		*af = AF_INET;
		return 0;
	}
	*af = AF_INET6;
	return inet_pton(AF_INET6, a, addr) == 1 ? 0 : -1;
}

/* 1 when name is exactly an address literal (host_literal, nothing after
 * its ']'), its address in addr. */
static int literal(const char *name, unsigned char *addr, int *af)
{
	const char *end;

	return host_literal(name, addr, af, &end) == 0 && *end == '\0';
}

/* The name of a literal's address from the system's gethostbyaddr (its
 * nsswitch.conf, not ours: sendmail asks the C library for these). */
static int reverse(const unsigned char *addr, int af, struct str *out)
{
	struct hostent *h = gethostbyaddr(addr, af == AF_INET ? 4 : 16, af);

	if (!h || !h->h_name)
		return h_errno == TRY_AGAIN ? RT_TEMPFAIL : RT_NOHOST;
	str_append(out, h->h_name);
	return RT_OK;
}

/* Look name up in the hosts file: its canonical (first) name. */
static int hosts_file(const struct rt *rt, const char *name, struct str *out)
{
	const char *text = slurp(rt->hosts_file ? rt->hosts_file : "/etc/hosts",
				 (char **)&rt->hosts_text);
	char line[1024];
	size_t nlen = strlen(name);
	int found = 0;

	if (nlen && name[nlen - 1] == '.')
		nlen--;	/* "localhost." is looked for as "localhost" */
	for (; *text && !found; text += strcspn(text, "\n"), text += *text == '\n') {
		char *save = NULL, *tok, *canon;
		size_t len = strcspn(text, "\n");

		if (len >= sizeof line)
			continue;	/* longer than any hosts line we accept */
		memcpy(line, text, len);
		line[len] = '\0';
		line[strcspn(line, "#")] = '\0';
		if (!strtok_r(line, " \t", &save))
			continue;
		canon = strtok_r(NULL, " \t", &save);
		for (tok = canon; tok && !found; tok = strtok_r(NULL, " \t", &save))
			if (strlen(tok) == nlen && strncasecmp(tok, name, nlen) == 0) {
				str_append(out, canon);
				found = 1;
			}
	}
	return found;
}

/* getcanonname(): see host.h. */
int host_getcanonname(struct rt *rt, const char *name, int search,
		      struct str *out)
{
	struct str methods = STR_INIT;
	unsigned char addr[16];
	const char *p;
	int found = 0, temp = 0, af;

	safefile_switch_warn(rt);	/* sendmail warns here, once */
	str_reset(out);
	if (literal(name, addr, &af))
		return reverse(addr, af, out);	/* the answer is kept as is */
	host_switch_methods(rt, "hosts", &methods);
	for (p = methods.s; p && *p && !found;) {
		size_t n = strcspn(p, " ");

		str_reset(out);
		if (n == 5 && strncmp(p, "files", 5) == 0)
			found = hosts_file(rt, name, out);
		else if (n == 3 && strncmp(p, "dns", 3) == 0) {
			int st = resolve_canon(name, search, out);

			found = st == RT_OK;
			temp |= st == RT_TEMPFAIL;
		}
		p += n + (p[n] == ' ');
	}
	str_free(&methods);
	if (!found)
		return temp ? RT_TEMPFAIL : RT_NOHOST;
	if (!strchr(out->s, '.')) {
		const char *m = macro_get(rt->macros, "m");

		if (m && *m) {
			str_appendc(out, '.');
			str_append(out, m);
		}
	}
	return RT_OK;
}

/* host_canon(): see host.h. */
int host_canon(struct rt *rt, const char *name, struct str *out)
{
	return host_getcanonname(rt, name, 1, out);
}

/* One remembered host map answer. */
struct host_cache {
	struct host_cache *next;
	const char *name, *canon;
	int status;
	size_t count;		/* entries from here on */
};

/* The remembered answer for name, or NULL. */
static const struct host_cache *cache_find(const struct rt *rt, const char *name)
{
	for (const struct host_cache *c = rt->host_cache; c; c = c->next)
		if (strcmp(c->name, name) == 0)	/* as sendmail: case matters */
			return c;
	return NULL;
}

/* Remember an answer (in rt's arena), up to LIMIT_HOST_CACHE of them. */
static void cache_add(struct rt *rt, const char *name, int status,
		      const char *canon)
{
	struct host_cache *c;
	size_t count = rt->host_cache ? rt->host_cache->count : 0;

	if (count >= LIMIT_HOST_CACHE)
		return;
	c = arena_alloc(rt->arena, sizeof *c);
	c->name = arena_strdup(rt->arena, name);
	c->canon = arena_strdup(rt->arena, canon);
	c->status = status;
	c->count = count + 1;
	c->next = rt->host_cache;
	rt->host_cache = c;
}

/* The host map's "[address]" key, as sendmail's: the address is what
 * stands between '[' and the first ']' (the rest is ignored), IPv4, or
 * IPv6 with or without "IPv6:". No ']': no match with status 0 (out
 * stays empty); not an address: EX_UNAVAILABLE; else its reverse name. */
static int map_literal(const char *name, struct str *out)
{
	unsigned char addr[16];
	const char *end;
	int af;

	str_reset(out);
	if (!strchr(name, ']'))
		return RT_OK;
	if (host_literal(name, addr, &af, &end) < 0)
		return RT_UNAVAILABLE;
	return reverse(addr, af, out);
}

/* host_map_canon(): see host.h. */
int host_map_canon(struct rt *rt, const char *name, struct str *out)
{
	const struct host_cache *c = cache_find(rt, name);
	int st;

	if (c) {
		str_reset(out);
		str_append(out, c->canon);
		st = c->status;
	} else {
		st = name[0] == '[' ? map_literal(name, out) : host_canon(rt, name, out);
		cache_add(rt, name, st, str_cstr(out));
	}
	if (st == RT_TEMPFAIL)
		fprintf(rt->out, "%s: Name server timeout\n", name);
	return st;
}

/* Add "[text]" to class w. */
static void add_bracketed(struct rt *rt, int w, const char *text)
{
	struct str s = STR_INIT;

	str_printf(&s, "[%s]", text);
	cls_add(rt->cls, w, s.s);
	str_free(&s);
}

/* Add a host entry's name, aliases and "[address]"es to class w. */
static void add_hostent(struct rt *rt, int w, const struct hostent *h)
{
	struct str s = STR_INIT;

	cls_add(rt->cls, w, h->h_name);
	for (char **a = h->h_aliases; a && *a; a++)
		cls_add(rt->cls, w, *a);
	for (char **a = h->h_addr_list; a && *a; a++) {
		str_reset(&s);
		resolve_format_addr(h->h_addrtype, (const unsigned char *)*a, &s);
		add_bracketed(rt, w, s.s);
	}
	str_free(&s);
}

/* Add "[addr]" of every interface to class w and, when the name its
 * address has (gethostbyaddr) is not in the class yet (a "Cwlocalhost"
 * line), that name both plain and as "[name]", as sendmail 8.17 was seen
 * to do; nothing when the option DontProbeInterfaces is true, the
 * loopback's "[addr]" only when it is "loopback". See host.h. */
void host_probe_interfaces(struct rt *rt)
{
	int w = cls_id(rt->cls, "w", 1);
	const struct ir_option *o = cf_option(rt->cf, "DontProbeInterfaces");
	const char *v = o && o->value ? o->value : "false";
	int skip_lo = strcasecmp(v, "loopback") == 0;
	struct ifaddrs *ifa = NULL;
	char ip[INET6_ADDRSTRLEN];

	if ((v[0] && strchr("tTyY", v[0])) || (o && v[0] == '\0'))
		return;
	if (getifaddrs(&ifa) < 0)
		return;
	for (struct ifaddrs *i = ifa; i; i = i->ifa_next) {
		const struct in_addr *in;
		struct hostent *h;

		if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET ||
		    !(i->ifa_flags & IFF_UP))
			continue;	/* sendmail lists configured, up interfaces */
		in = &((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr;
		add_bracketed(rt, w, inet_ntop(AF_INET, in, ip, sizeof ip));
		if (skip_lo && (i->ifa_flags & IFF_LOOPBACK))
			continue;	/* "loopback": the address only */
		h = gethostbyaddr(in, sizeof *in, AF_INET);
		if (h && h->h_name &&
		    !cls_has(rt->cls, w, h->h_name, strlen(h->h_name))) {
			cls_add(rt->cls, w, h->h_name);
			add_bracketed(rt, w, h->h_name);
		}
	}
	freeifaddrs(ifa);
}

/* The canonical form of the host name into name (size bytes), adding
 * what the C library knows of it to class w: its host entry, asked for
 * IPv6 addresses first, then IPv4 (sendmail's sm_gethostbyname), else for
 * an unqualified name getcanonname (sendmail would wait for a FQDN). */
static void canonical_self(struct rt *rt, int w, char *name, size_t size)
{
	struct hostent *h = gethostbyname2(name, AF_INET6);

	if (!h)
		h = gethostbyname2(name, AF_INET);
	if (h && h->h_name) {
		add_hostent(rt, w, h);
		snprintf(name, size, "%s", h->h_name);
	} else if (!strchr(name, '.')) {
		struct str s = STR_INIT;

		if (host_canon(rt, name, &s) == RT_OK && strchr(s.s, '.'))
			snprintf(name, size, "%s", s.s);
		str_free(&s);
	}
}

/* Set $w $j $m $k and seed class w, as sendmail's start-up does. */
int host_identity(struct rt *rt)
{
	char name[256], *dot;
	struct utsname u;
	int w = cls_id(rt->cls, "w", 1);
	const struct ir_option *o;

	if (gethostname(name, sizeof name) < 0)
		return -1;
	name[sizeof name - 1] = '\0';
	cls_add(rt->cls, w, name);
	canonical_self(rt, w, name, sizeof name);
	o = cf_option(rt->cf, "ResolverOptions");	/* after: sendmail reads */
	resolve_options(o ? o->value : NULL);		/* them with the cf */
	macro_set(rt->macros, "j", name);
	cls_add(rt->cls, w, name);
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
	return 0;
}
