/*
 * mccheck.c - the .mc text checks MC001-MC019 (see mccheck.h).
 *
 * Each check is one function over the scanned calls. Names of macros that
 * make up a .mc's "statements" are listed once (statement_macros); the
 * value checks (ports, FQDNs) look at define()s of the relay macros and
 * at MASQUERADE_AS.
 */
#include "cfgen/mccheck.h"

#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
#include <strings.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfgen/mcpaths.h"
#include "lib/limits.h"
#include "lib/str.h"
#include "lib/xalloc.h"

struct ctx {
	const struct mcsource *src;
	const char *libdir;
	char *mcdir;
	struct diag *d;
	struct mccheck_hits *hits;
};

/* Macros a .mc uses as statements: '#' does not disable them (MC003). */
static const char *const statement_macros[] = {
	"define", "undefine", "include", "sinclude", "FEATURE", "MAILER", "OSTYPE",
	"DOMAIN", "HACK", "VERSIONID", "DAEMON_OPTIONS", "CLIENT_OPTIONS",
	"MASQUERADE_AS", "MASQUERADE_DOMAIN", "EXPOSED_USER", "LOCAL_DOMAIN",
	"RELAY_DOMAIN", "TRUST_AUTH_MECH", "GENERICS_DOMAIN", "LOCAL_USER",
	"INPUT_MAIL_FILTER", "MAIL_FILTER", "LOCAL_CONFIG", "LOCAL_RULESETS",
	"MAILER_DEFINITIONS", NULL,
};

/* 1 if name is in the NULL-terminated list. */
static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

/* Report at line/col (the message made safe to print: it quotes .mc
 * text) and remember the line of an error or warning. */
__attribute__((format(printf, 6, 7)))
static void hit(struct ctx *x, enum diag_severity sev, unsigned line, unsigned col,
		const char *id, const char *fmt, ...)
{
	struct srcpos pos = { x->src->file, line, col };
	struct mccheck_hits *h = x->hits;
	struct str msg = STR_INIT;
	char *shown;
	va_list ap;

	va_start(ap, fmt);
	str_vprintf(&msg, fmt, ap);
	va_end(ap);
	shown = diag_quote(msg.s, LIMIT_DIAG_MESSAGE);	/* .mc text in messages */
	diag_report(x->d, sev, &pos, id, "%s", shown);
	free(shown);
	str_free(&msg);
	if (sev == DIAG_NOTE)		/* advice: the library's message stays */
		return;
	if (line >= h->nlines) {
		size_t n = (size_t)line + 512;
		h->level = xrealloc(h->level, n);
		memset(h->level + h->nlines, 0, n - h->nlines);
		h->nlines = n;
	}
	if (h->level[line] < sev + 1)
		h->level[line] = (unsigned char)(sev + 1);
}

int mccheck_hit(const struct mccheck_hits *hits, unsigned line, enum diag_severity sev)
{
	return line < hits->nlines && hits->level[line] >= sev + 1;
}

void mccheck_hits_free(struct mccheck_hits *hits)
{
	free(hits->level);
	hits->level = NULL;
	hits->nlines = 0;
}

/* A printable copy of untrusted text for messages (freed by the caller). */
static char *q(const char *s) { return diag_quote(s, 80); }

/* The number of labels of a host name (a trailing dot ends no label). */
static size_t label_count(const char *s)
{
	size_t n = *s ? 1 : 0;

	for (; *s; s++)
		n += *s == '.' && s[1] != '\0';
	return n;
}

/* 1 if s has bytes outside ASCII (typographic quotes: MC002). */
static int has_high_bytes(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* MC001: an unclosed quote or call. */
static void check_balance(struct ctx *x)
{
	const struct mcsource *s = x->src;

	if (s->open_quote.line)
		hit(x, DIAG_ERROR, s->open_quote.line, s->open_quote.col, "MC001",
		    "unbalanced quote: this '`' is never closed by a matching \"'\" "
		    "(m4 reads the rest of the file as one string)");
	else if (s->open_paren.line)
		hit(x, DIAG_ERROR, s->open_paren.line, s->open_paren.col, "MC001",
		    "'(' of %s is never closed", s->open_paren_name);
}

/* MC002: an argument quoted with ', ", or typographic quotes. */
static void check_quote_chars(struct ctx *x, const struct mc_call *c)
{
	static const char *const smart[] = { "\xe2\x80\x98", "\xe2\x80\x99",
					     "\xe2\x80\x9c", "\xe2\x80\x9d", NULL };

	for (size_t i = 0; i < c->nargs; i++) {
		const struct mc_arg *a = &c->args[i];
		int bad = !a->quoted && (a->first == '\'' || a->first == '"');
		for (const char *const *m = smart; *m && !bad; m++)
			bad = strstr(a->value ? a->value : "", *m) != NULL;
		if (bad) {
			hit(x, DIAG_ERROR, a->line, a->col, "MC002",
			    "argument %zu of %s is quoted with the wrong characters; "
			    "m4 quotes are `like this'", i + 1, c->name);
			return;
		}
	}
}

/* The library file dir/name.m4 (malloc'd) if it exists, else NULL. */
static char *lib_file(const struct ctx *x, const char *dir, const char *name)
{
	struct str p = STR_INIT;

	str_printf(&p, "%s%s/%s.m4", x->libdir, dir, name);
	if (access(p.s, R_OK) == 0)
		return str_steal(&p);
	str_free(&p);
	return NULL;
}

/* 1 if dir/name.m4 exists in the library. */
static int lib_has(const struct ctx *x, const char *dir, const char *name)
{
	char *p = lib_file(x, dir, name);
	int ok = p != NULL;

	free(p);
	return ok;
}

/* 1 if a and b differ by one edit or one swap of neighbours. */
static int near(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i = 0;

	if (n > m) {
		const char *t = a; a = b; b = t;
		size_t k = n; n = m; m = k;
	}
	if (m - n > 1)
		return 0;
	while (i < n && a[i] == b[i])
		i++;
	if (n == m)
		return strcmp(a + i + 1, b + i + 1) == 0 ||
		       (i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
			strcmp(a + i + 2, b + i + 2) == 0);
	return strcmp(a + i, b + i + 1) == 0;
}

/* A library name in dir near name (malloc'd), or NULL. */
static char *suggest(const struct ctx *x, const char *dir, const char *name)
{
	struct str p = STR_INIT;
	char *best = NULL;
	DIR *dp;
	struct dirent *e;

	str_printf(&p, "%s%s", x->libdir, dir);
	dp = opendir(p.s);
	str_free(&p);
	while (dp && (e = readdir(dp)) && !best) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".m4"))
			continue;
		char *cand = xstrndup(e->d_name, n - 3);
		if (near(name, cand))
			best = cand;
		else
			free(cand);
	}
	if (dp)
		closedir(dp);
	return best;
}

/* MC004: FEATURE/MAILER/OSTYPE/DOMAIN/HACK naming no library file. */
static void check_known(struct ctx *x, const struct mc_call *c)
{
	static const char *const kinds[][2] = { { "FEATURE", "feature" }, { "MAILER", "mailer" },
		{ "OSTYPE", "ostype" }, { "DOMAIN", "domain" }, { "HACK", "hack" } };
	const char *name = mc_arg(c, 0);

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (strcmp(c->name, kinds[i][0]) || !*name || strpbrk(name, "/$`'\"") ||
		    lib_has(x, kinds[i][1], name))
			continue;
		char *s = suggest(x, kinds[i][1], name), *n = q(name);
		hit(x, DIAG_ERROR, c->args[0].line, c->args[0].col, "MC004",
		    "unknown %s(%s)%s%s%s", c->name, n, s ? "; did you mean " : "",
		    s ? s : "", s ? "?" : "");
		free(s);
		free(n);
	}
}

/* The first call named name (with an argument arg0 when not NULL). */
static const struct mc_call *find(const struct mcsource *s, const char *name, const char *arg0)
{
	for (size_t i = 0; i < s->ncalls; i++)
		if (strcmp(s->calls[i].name, name) == 0 &&
		    (arg0 == NULL || strcmp(mc_arg(&s->calls[i], 0), arg0) == 0))
			return &s->calls[i];
	return NULL;
}

static int ostype_elsewhere(const struct ctx *x, const struct mcsource *s, unsigned depth,
			    struct str *seen);

/* 1 if the file at path (included depth levels down) calls OSTYPE, or
 * may: it is not a regular file, too deep, or unreadable. A file already
 * looked at (seen: "\n"-separated real paths) adds nothing. */
static int ostype_in_file(const struct ctx *x, const char *path, unsigned depth,
			  struct str *seen)
{
	struct stat st;
	struct mcsource s;
	char err[256], *real;
	int found;

	if (depth > LIMIT_INCLUDE_DEPTH || stat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (real = realpath(path, NULL)) == NULL)
		return 1;
	struct str key = STR_INIT;
	str_printf(&key, "\n%s\n", real);
	free(real);
	found = seen->s && strstr(seen->s, key.s);
	if (!found)
		str_append(seen, key.s + (seen->len ? 1 : 0));
	str_free(&key);
	if (found)
		return 0;
	if (mcsource_load(&s, path, err, sizeof err) < 0)
		return 1;
	found = find(&s, "OSTYPE", NULL) != NULL || ostype_elsewhere(x, &s, depth, seen);
	mcsource_free(&s);
	return found;
}

/* 1 if the OSTYPE may come from outside s's own calls: s defines
 * __OSTYPE__ (submit.mc's way to silence the check), or a file it
 * includes or a DOMAIN file it names calls OSTYPE, or an include cannot
 * be followed (computed name, missing file): MC006 then keeps quiet
 * rather than guess. Library files an include maps to hold no OSTYPE. */
static int ostype_elsewhere(const struct ctx *x, const struct mcsource *s, unsigned depth,
			    struct str *seen)
{
	for (size_t i = 0; i < s->ncalls; i++) {
		const struct mc_call *c = &s->calls[i];
		const char *t = mc_arg(c, 0);
		char *path = NULL;
		if (strcmp(c->name, "define") == 0 && strcmp(t, "__OSTYPE__") == 0)
			return 1;
		if (strcmp(c->name, "DOMAIN") == 0 && c->parens) {
			if (strpbrk(t, "/$") || (path = lib_file(x, "domain", t)) == NULL)
				return 1;	/* a site's own domain file */
		} else if ((strcmp(c->name, "include") == 0 || strcmp(c->name, "sinclude") == 0) &&
			   c->parens) {
			if ((path = mcpaths_map(t, x->libdir)) != NULL) {
				free(path);
				continue;
			}
			if (strchr(t, '$') || (path = mcpaths_find(t, x->mcdir)) == NULL)
				return 1;
		} else {
			continue;
		}
		int found = ostype_in_file(x, path, depth + 1, seen);
		free(path);
		if (found)
			return 1;
	}
	return 0;
}

/* MC005, MC006: FEATURE after MAILER; OSTYPE missing or twice; a MAILER
 * twice; uucp before smtp. */
static void check_order(struct ctx *x)
{
	const struct mcsource *s = x->src;
	const struct mc_call *ostype = NULL, *mailer = NULL, *smtp = find(s, "MAILER", "smtp");

	for (size_t i = 0; i < s->ncalls; i++) {
		const struct mc_call *c = &s->calls[i];
		if (!c->parens)
			continue;
		if (strcmp(c->name, "OSTYPE") == 0) {
			if (ostype)
				hit(x, DIAG_ERROR, c->line, c->col, "MC006",
				    "second OSTYPE (the first is at line %u)", ostype->line);
			else
				ostype = c;
		} else if (strcmp(c->name, "FEATURE") == 0 && mailer) {
			hit(x, DIAG_ERROR, c->line, c->col, "MC005",
			    "FEATURE(%s) after MAILER(%s) at line %u: features must come first",
			    mc_arg(c, 0), mc_arg(mailer, 0), mailer->line);
		} else if (strcmp(c->name, "MAILER") == 0) {
			const struct mc_call *first = find(s, "MAILER", mc_arg(c, 0));
			if (first != c)
				hit(x, DIAG_ERROR, c->line, c->col, "MC006",
				    "MAILER(%s) again (first at line %u)", mc_arg(c, 0), first->line);
			if (strcmp(mc_arg(c, 0), "uucp") == 0 && smtp && smtp > c)
				hit(x, DIAG_ERROR, c->line, c->col, "MC006",
				    "MAILER(uucp) must come after MAILER(smtp) (line %u)", smtp->line);
			mailer = mailer ? mailer : c;
		}
	}
	struct str seen = STR_INIT;
	if (!ostype && !ostype_elsewhere(x, s, 0, &seen))
		hit(x, DIAG_ERROR, 1, 1, "MC006", "no OSTYPE(): the .cf lacks the "
		    "operating system's paths and mailer programs");
	str_free(&seen);
}

/* MC003: statements on a '#' line. */
static void check_hash_line(struct ctx *x, const struct mc_call *c)
{
	static const char *const hard[] = { "FEATURE", "define", "MAILER", "undefine", NULL };

	if (c->hash_line && in_list(c->name, statement_macros))
		hit(x, in_list(c->name, hard) ? DIAG_ERROR : DIAG_WARNING, c->line, c->col,
		    "MC003", "%s still runs on this '#' line: '#' is not a comment in a .mc; "
		    "use dnl", c->name);
}

/* MC008, MC009: define with extra (unquoted comma) arguments or an
 * unquoted name. */
static void check_define(struct ctx *x, const struct mc_call *c)
{
	if (strcmp(c->name, "define") && strcmp(c->name, "undefine"))
		return;
	if (strcmp(c->name, "define") == 0 && c->nargs > 2)
		hit(x, DIAG_ERROR, c->args[2].line, c->args[2].col, "MC008",
		    "define(%s, ...) has %zu arguments: m4 keeps only the text before "
		    "the first unquoted comma; quote the whole value", mc_arg(c, 0), c->nargs);
	if (c->nargs && !c->args[0].quoted && c->args[0].first != '\'' && c->args[0].first != '"')
		hit(x, DIAG_WARNING, c->args[0].line, c->args[0].col, "MC009",
		    "unquoted macro name in %s: if %s is already defined, its value is used "
		    "as the name; write `%s'", c->name, mc_arg(c, 0), mc_arg(c, 0));
}

/* MC010: FEATURE c needs FEATURE need, declared before it (sendmail's
 * library tests for it at c's line; ours at the end: a warning then). */
static void check_needs(struct ctx *x, const struct mc_call *c, const char *need,
			const char *with)
{
	const struct mc_call *n = find(x->src, "FEATURE", need);

	if (n == NULL)
		hit(x, DIAG_ERROR, c->line, c->col, "MC010", "FEATURE(%s%s) requires FEATURE(%s)",
		    mc_arg(c, 0), with, need);
	else if (n > c)
		hit(x, DIAG_WARNING, c->line, c->col, "MC010", "FEATURE(%s) before the "
		    "FEATURE(%s) it requires (line %u): sendmail's own library ignores or "
		    "rejects it in this order", mc_arg(c, 0), need, n->line);
}

/* MC010: preserve_luser_host keeps the host LUSER_RELAY would replace,
 * so LUSER_RELAY must be defined, and (as sendmail's library tests it
 * when the FEATURE is read) defined before it (cf/README). */
static void check_luser(struct ctx *x, const struct mc_call *c)
{
	const struct mc_call *relay = find(x->src, "define", "LUSER_RELAY");

	if (relay == NULL)
		hit(x, DIAG_ERROR, c->line, c->col, "MC010", "FEATURE(preserve_luser_host) "
		    "does nothing without define(`LUSER_RELAY', ...)");
	else if (relay > c)
		hit(x, DIAG_ERROR, c->line, c->col, "MC010", "FEATURE(preserve_luser_host) "
		    "before the LUSER_RELAY it needs (line %u): define LUSER_RELAY first",
		    relay->line);
}

/* MC013: relay_entire_domain relays for every host in $m, the domain of
 * $j ($j without its first label): with a two-label confDOMAIN_NAME that
 * is a top-level domain. */
static void check_entire_domain(struct ctx *x, const struct mc_call *c)
{
	const struct mc_call *j = find(x->src, "define", "confDOMAIN_NAME");
	const char *v = j ? mc_arg(j, 1) : "";

	if (label_count(v) != 2 || strpbrk(v, "$[`'\"") || has_high_bytes(v))
		return;
	char *qv = q(v), *tld = q(strchr(v, '.') + 1);
	hit(x, DIAG_WARNING, c->line, c->col, "MC013", "FEATURE(relay_entire_domain) relays "
	    "for every host in $m, which is '%s' with confDOMAIN_NAME '%s' (line %u): "
	    "an open relay for the whole top-level domain", tld, qv, j->line);
	free(qv);
	free(tld);
}

/* MC010, MC011, MC013, MC017 on FEATUREs. */
static void check_feature(struct ctx *x, const struct mc_call *c)
{
	static const char *const needs[][2] = {
		{ "greet_pause", "access_db" }, { "blocklist_recipients", "access_db" },
		{ "blacklist_recipients", "access_db" }, { "lookupdotdomain", "access_db" },
		{ "conncontrol", "access_db" }, { "ratecontrol", "access_db" },
		{ "block_bad_helo", "delay_checks" } };
	static const char *const widen[] = { "promiscuous_relay", "relay_local_from",
		"relay_mail_from", "relay_based_on_MX", "loose_relay_check", NULL };
	const char *f = mc_arg(c, 0);

	if (strcmp(c->name, "FEATURE"))
		return;
	for (size_t i = 0; i < sizeof needs / sizeof *needs; i++)
		if (strcmp(f, needs[i][0]) == 0)
			check_needs(x, c, needs[i][1], "");
	if ((strcmp(f, "conncontrol") == 0 || strcmp(f, "ratecontrol") == 0) &&
	    strcasecmp(mc_arg(c, 1), "nodelay") == 0)
		check_needs(x, c, "delay_checks", ", nodelay");
	if (strcmp(f, "access_db") == 0 && *mc_arg(c, 1) && !strstr(mc_arg(c, 1), "-T<TMPF>"))
		hit(x, DIAG_WARNING, c->args[1].line, c->args[1].col, "MC011",
		    "access_db map spec without -T<TMPF>: a temporary lookup failure "
		    "will read as \"not found\"");
	if (in_list(f, widen))
		hit(x, DIAG_WARNING, c->line, c->col, "MC013",
		    "FEATURE(%s) widens relaying and may make this host an open relay", f);
	if (strcmp(f, "preserve_luser_host") == 0)
		check_luser(x, c);
	if (strcmp(f, "relay_entire_domain") == 0)
		check_entire_domain(x, c);
	if (strcmp(f, "blacklist_recipients") == 0 || strcmp(f, "tls_failures") == 0)
		hit(x, DIAG_WARNING, c->line, c->col, "MC017", "FEATURE(%s) is deprecated%s", f,
		    f[0] == 'b' ? "; use FEATURE(blocklist_recipients)" : "");
}

/* 1 if s is a syntactically valid FQDN (two labels or more) or [address]. */
static int fqdn_ok(const char *s)
{
	size_t n = strlen(s), labels = 0, len = 0;

	if (n > 2 && s[0] == '[' && s[n - 1] == ']') {
		char *in = xstrndup(s + 1, n - 2);
		int ok = strspn(in, "0123456789abcdefABCDEF.:IPv6") == n - 2 || fqdn_ok(in);
		free(in);
		return ok;
	}
	for (const char *p = s; ; p++) {
		if (*p == '.' || *p == '\0') {
			if (len == 0 || len > 63 || p[-1] == '-' || p[-(long)len] == '-')
				return *p == '\0' && len == 0 && labels >= 2;  /* trailing dot */
			labels++;
			len = 0;
			if (*p == '\0')
				return labels >= 2;
		} else if (isalnum((unsigned char)*p) || *p == '-' || *p == '_') {
			len++;
		} else {
			return 0;
		}
	}
}

/* MC012, MC019: a host value; relay (a relay host) reports host:port
 * and a bare two-label name (a domain, whose MX hosts sendmail uses). */
static void check_host_value(struct ctx *x, const struct mc_arg *a, const char *what,
			     int relay)
{
	const char *v = a->value ? a->value : "", *colon = strchr(v, ':');
	char *qv = q(v);

	if (!*v || strpbrk(v, "$'\"\n") || has_high_bytes(v)) {	/* MC002's */
		free(qv);
		return;
	}
	if (colon && v[0] != '[' && !memchr(v, '.', (size_t)(colon - v)))
		v = colon + 1;			/* mailer:host */
	const char *last = strrchr(v, ':'), *close = strrchr(v, ']');
	if (relay && last && (!close || last > close) &&
	    strspn(last + 1, "0123456789") == strlen(last + 1) && last[1])
		hit(x, DIAG_ERROR, a->line, a->col, "MC012",
		    "%s '%s' has a :port; the colon makes \"%s\" a second host. Set the "
		    "port with define(`RELAY_MAILER_ARGS', `TCP $h %s')", what, qv, last + 1,
		    last + 1);
	else if (!strchr(v, ':') && !fqdn_ok(v))
		hit(x, DIAG_ERROR, a->line, a->col, "MC019",
		    "%s '%s' is not a fully qualified host name or [address]", what, qv);
	else if (relay && v[0] != '[' && !strchr(v, ':') && label_count(v) == 2) {
		char *qd = q(v);
		hit(x, DIAG_NOTE, a->line, a->col, "MC019", "%s '%s' looks like a domain, "
		    "not a relay host: mail goes to the MX hosts of %s; name the relay "
		    "host itself ([host] skips the MX lookup)", what, qv, qd);
		free(qd);
	}
	free(qv);
}

/* MC012, MC017, MC019 on define()s. */
static void check_define_value(struct ctx *x, const struct mc_call *c)
{
	static const char *const relays[] = { "SMART_HOST", "MAIL_HUB", "LOCAL_RELAY", NULL };
	static const char *const old[][2] = { { "confUNSAFE_GROUP_WRITES", "confDONT_BLAME_SENDMAIL" },
		{ "confDAEMON_OPTIONS", "DAEMON_OPTIONS()" } };
	const char *n = mc_arg(c, 0);

	if (strcmp(c->name, "define") || c->nargs < 2)
		return;
	if (in_list(n, relays))
		check_host_value(x, &c->args[1], n, 1);
	else if (strcmp(n, "confDOMAIN_NAME") == 0)
		check_host_value(x, &c->args[1], n, 0);
	for (size_t i = 0; i < sizeof old / sizeof *old; i++)
		if (strcmp(n, old[i][0]) == 0)
			hit(x, DIAG_WARNING, c->args[0].line, c->args[0].col, "MC017",
			    "%s is deprecated; use %s", n, old[i][1]);
}

/* The value of key= in a DAEMON_OPTIONS string (malloc'd), or NULL. */
static char *daemon_field(const char *opts, const char *key)
{
	size_t k = strlen(key);

	for (const char *p = opts; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, key, k) == 0 && p[k] == '=') {
			size_t n = strcspn(p + k + 1, ",");
			while (n && (p[k + 1 + n - 1] == ' ' || p[k + 1 + n - 1] == '\t'))
				n--;
			return xstrndup(p + k + 1, n);
		}
	}
	return NULL;
}

/* MC014, MC015: listeners. */
static void check_daemons(struct ctx *x)
{
	const struct mc_call *first = NULL;
	int all_loopback = 1;

	for (size_t i = 0; i < x->src->ncalls; i++) {
		const struct mc_call *c = &x->src->calls[i];
		if (strcmp(c->name, "DAEMON_OPTIONS") || !c->nargs)
			continue;
		char *port = daemon_field(mc_arg(c, 0), "Port"), *m = daemon_field(mc_arg(c, 0), "M");
		char *addr = daemon_field(mc_arg(c, 0), "Addr");
		if ((!port || !strcmp(port, "smtp") || !strcmp(port, "25")) && m && strchr(m, 'a'))
			hit(x, DIAG_ERROR, c->line, c->col, "MC015", "M=a (AUTH required) on a "
			    "port 25 listener rejects all inbound mail from other servers");
		all_loopback &= addr && (!strncmp(addr, "127.", 4) || !strcmp(addr, "::1"));
		first = first ? first : c;
		free(port);
		free(m);
		free(addr);
	}
	if (first && all_loopback &&
	    (find(x->src, "FEATURE", "use_cw_file") || find(x->src, "FEATURE", "virtusertable") ||
	     find(x->src, "FEATURE", "mailertable") || find(x->src, "LOCAL_DOMAIN", NULL)))
		hit(x, DIAG_NOTE, first->line, first->col, "MC014", "every listener is on "
		    "loopback, but the configuration receives mail for domains: other hosts "
		    "cannot deliver to it");
}

/* MC016: plaintext AUTH mechanisms without AuthOptions p. */
static void check_auth(struct ctx *x)
{
	const struct mc_call *t = find(x->src, "TRUST_AUTH_MECH", NULL);
	const struct mc_call *o = find(x->src, "define", "confAUTH_OPTIONS");

	if (t && (strstr(mc_arg(t, 0), "PLAIN") || strstr(mc_arg(t, 0), "LOGIN")) &&
	    !(o && strchr(mc_arg(o, 1), 'p')))
		hit(x, DIAG_WARNING, t->line, t->col, "MC016", "PLAIN/LOGIN authentication is "
		    "allowed without TLS; add `p' to confAUTH_OPTIONS");
}

/* MC018: include targets that can be opened neither as written nor mapped. */
static void check_include(struct ctx *x, const struct mc_call *c)
{
	const char *t = mc_arg(c, 0);
	char *path;

	if ((strcmp(c->name, "include") && strcmp(c->name, "sinclude")) || !*t || strchr(t, '$'))
		return;
	if ((path = mcpaths_map(t, x->libdir)) != NULL ||
	    (path = mcpaths_find(t, x->mcdir)) != NULL) {
		free(path);
		return;
	}
	path = q(t);
	hit(x, c->name[0] == 's' ? DIAG_WARNING : DIAG_ERROR, c->args[0].line,
	    c->args[0].col, "MC018", "%s(%s): no such file (relative names are "
	    "looked up in the current directory and beside the .mc)", c->name, path);
	free(path);
}

void mccheck_run(const struct mcsource *src, const char *libdir, struct diag *d,
		 struct mccheck_hits *hits)
{
	struct ctx x = { src, libdir, xstrdup(src->file), d, hits };
	char *slash = strrchr(x.mcdir, '/');

	if (slash)
		*slash = '\0';
	else
		strcpy(x.mcdir, ".");
	check_balance(&x);
	if (src->open_quote.line || src->open_paren.line) {	/* the rest is one string */
		free(x.mcdir);
		return;
	}
	for (size_t i = 0; i < src->ncalls; i++) {
		const struct mc_call *c = &src->calls[i];
		check_hash_line(&x, c);
		if (!c->parens)
			continue;
		check_quote_chars(&x, c);
		check_known(&x, c);
		check_define(&x, c);
		check_define_value(&x, c);
		check_feature(&x, c);
		check_include(&x, c);
		if (strcmp(c->name, "OSTYPE") == 0 && strcmp(mc_arg(c, 0), "bsdi1.0") == 0)
			hit(&x, DIAG_WARNING, c->line, c->col, "MC017",
			    "OSTYPE(bsdi1.0) is deprecated");
		if (strcmp(c->name, "MASQUERADE_AS") == 0 && c->nargs)
			check_host_value(&x, &c->args[0], "MASQUERADE_AS", 0);
	}
	check_order(&x);
	check_daemons(&x);
	check_auth(&x);
	free(x.mcdir);
}

/* Which lines of s are raw .cf text (raw[line] = 1): from a LOCAL_CONFIG
 * style word (LOCAL_* or MAILER_DEFINITIONS, no arguments: the library
 * diverts what follows into the .cf) up to the next divert(0) or
 * divert(-1). Free the result. */
static unsigned char *raw_lines(const struct mcsource *s, unsigned nlines)
{
	unsigned char *raw = xcalloc((size_t)nlines + 2, 1);
	unsigned from = 1;
	int state = 0;

	for (size_t i = 0; i <= s->ncalls; i++) {
		const struct mc_call *c = i < s->ncalls ? &s->calls[i] : NULL;
		int next = state;
		if (c && !c->parens && (strncmp(c->name, "LOCAL_", 6) == 0 ||
					strcmp(c->name, "MAILER_DEFINITIONS") == 0))
			next = 1;
		else if (c && strcmp(c->name, "divert") == 0)
			next = *mc_arg(c, 0) && strcmp(mc_arg(c, 0), "0") && strcmp(mc_arg(c, 0), "-1");
		if (next == state && c)
			continue;
		unsigned to = c ? c->line : nlines + 1;
		for (unsigned l = from; l < to && l <= nlines; l++)
			raw[l] = (unsigned char)state;
		from = to;
		state = next;
	}
	return raw;
}

/* The start of every line of s: starts[1..n], plus starts[n + 1] one past
 * the end (as if after a final newline); *n gets the line count. */
static const char **line_starts(const struct mcsource *s, unsigned *n)
{
	const char *end = s->text + s->len;
	size_t count = 1, i = 1;

	for (const char *t = s->text; (t = memchr(t, '\n', (size_t)(end - t))) != NULL; t++)
		count++;
	const char **starts = xreallocarray(NULL, count + 2, sizeof *starts);
	starts[0] = starts[1] = s->text;
	for (const char *t = s->text; (t = memchr(t, '\n', (size_t)(end - t))) != NULL; t++)
		starts[++i] = t + 1;
	starts[count + 1] = end + 1;
	*n = (unsigned)count;
	return starts;
}

static int is_word_byte(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* The column in .mc line (llen bytes) where output line out (len bytes)
 * was copied from: where its first word (after blanks) stands as a word
 * of its own in that line; 0 when it does not (the text is a macro's
 * expansion, e.g. LOCAL_USER's C line, or CLIENT_OPTIONS' O line). */
static unsigned copied_col(const char *line, size_t llen, const char *out, size_t len)
{
	size_t blanks = strspn(out, " \t");
	size_t wlen = strcspn(out + blanks, " \t\n");

	if (wlen > len - blanks)
		wlen = len - blanks;
	for (size_t i = 0; wlen && i + wlen <= llen; i++)
		if (memcmp(line + i, out + blanks, wlen) == 0 &&
		    (i == 0 || !is_word_byte(line[i - 1]) || !is_word_byte(line[i])) &&
		    (i + wlen == llen || !is_word_byte(line[i + wlen]) ||
		     !is_word_byte(line[i + wlen - 1])))
			return (unsigned)i + 1;
	return 0;
}

/* MC007 for output line out (len bytes), copied from .mc line n. */
static void report_copied(struct ctx *x, const char **starts, unsigned n, const char *out,
			  size_t len)
{
	size_t blanks = strspn(out, " \t");
	unsigned col = copied_col(starts[n], (size_t)(starts[n + 1] - 1 - starts[n]), out, len);
	char *text;

	if (col == 0)
		return;
	text = xstrndup(out + blanks, len - blanks);
	hit(x, DIAG_WARNING, n, col, "MC007", blanks ?
	    "text \"%s\" reaches the .cf at the start of a line, so it continues the "
	    ".cf line before it; end the .mc line with dnl" :
	    "text \"%s\" reaches the .cf as a line of its own; end the .mc line with "
	    "dnl, or put .cf text after LOCAL_CONFIG", text);
	free(text);
}

void mccheck_output(const struct mcsource *src, const char *text, size_t len,
		    const struct m4run_lines *lines, struct diag *d, struct mccheck_hits *hits)
{
	struct ctx x = { src, NULL, NULL, d, hits };
	unsigned nlines;
	const char *p = text, *end = text + len, **starts = line_starts(src, &nlines);
	unsigned char *raw = raw_lines(src, nlines);

	for (unsigned n = 1; p && p < end && !diag_stopped(d); n++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		const struct srcpos *o = m4run_origin(lines, n);
		size_t blanks = strspn(p, " \t");
		if (o && o->file && strcmp(o->file, src->file) == 0 && o->line >= 1 &&
		    o->line <= nlines && !raw[o->line] && p + blanks < e && p[0] != '#')
			report_copied(&x, starts, o->line, p, (size_t)(e - p));
		p = nl ? nl + 1 : NULL;
	}
	free(raw);
	free(starts);
}
