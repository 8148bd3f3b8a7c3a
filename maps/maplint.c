/*
 * maplint.c - the map linter's driver: check catalog, kind selection,
 * reading a source into entries, shared helpers, staleness of the built
 * map, and the makemap --lint entry point (see maplint.h).
 *
 * Sources are read with the same parsers the builders use (mapsrc.h,
 * aliases.h), so lint and build agree on what a line means; their syntax
 * errors are reported under their own IDs (MAP0xx, ALI001). The per-kind
 * checks live in maplint-access.c, maplint-aliases.c, maplint-route.c
 * (virtusertable, mailertable) and maplint-hosts.c.
 */
#include "maps/maplint.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "lib/limits.h"
#include "lib/str.h"
#include "maps/aliases.h"
#include "maps/lineread.h"
#include "maps/mapdb.h"
#include "maps/mapsrc.h"
#include "maps/maplint_private.h"

const struct diag_rule maplint_rules[] = {
	{ "MAP001", DIAG_ERROR, "map source line too long" },
	{ "MAP002", DIAG_ERROR, "map source line starts with a blank" },
	{ "MAP003", DIAG_ERROR, "key without a value" },
	{ "MAP004", DIAG_WARNING, "duplicate key" },
	{ "MAP005", DIAG_ERROR, "NUL byte in a map source line" },
	{ "ACC001", DIAG_WARNING, "RELAY for a wide network (open relay risk)" },
	{ "ACC002", DIAG_ERROR, "CIDR, wildcard or range key: sendmail never matches it" },
	{ "ACC003", DIAG_ERROR, "key with a trailing dot: sendmail never matches it" },
	{ "ACC004", DIAG_WARNING, "untagged access key" },
	{ "ACC005", DIAG_ERROR, "unknown tag or action" },
	{ "ACC006", DIAG_WARNING, "malformed ERROR: or reply code / DSN mismatch" },
	{ "ACC007", DIAG_NOTE, "ERROR: text not quoted" },
	{ "ACC008", DIAG_WARNING, "DISCARD on a recipient discards the whole message" },
	{ "ACC009", DIAG_ERROR, "action not valid for this tag" },
	{ "ACC010", DIAG_ERROR, "IPv6 address without IPv6: prefix / bracketed IP" },
	{ "ACC011", DIAG_ERROR, "duplicate or conflicting access keys" },
	{ "ACC012", DIAG_WARNING, "user key without trailing @" },
	{ "ACC014", DIAG_NOTE, "Connect: by host name trusts reverse DNS" },
	{ "ACC015", DIAG_WARNING, "deprecated bare \"### text\" action (use ERROR:)" },
	{ "ALI001", DIAG_ERROR, "aliases syntax error" },
	{ "ALI002", DIAG_WARNING, "duplicate alias name" },
	{ "ALI003", DIAG_ERROR, "alias loop" },
	{ "ALI004", DIAG_ERROR, "required alias missing (postmaster, RFC 2142 names)" },
	{ "ALI005", DIAG_ERROR, "cannot alias non-local names" },
	{ "ALI006", DIAG_ERROR, "program target with unquoted arguments" },
	{ "ALI007", DIAG_ERROR, "file or :include: target problem" },
	{ "ALI009", DIAG_ERROR, "alias database missing, older than its source, or without @ sentinel" },
	{ "ALI010", DIAG_NOTE, "owner- alias for a list" },
	{ "VUT001", DIAG_ERROR, "virtusertable domain is not local" },
	{ "VUT002", DIAG_NOTE, "catch-all to a local mailbox" },
	{ "VUT003", DIAG_ERROR, "several addresses on the right-hand side" },
	{ "VUT004", DIAG_ERROR, "malformed error: right-hand side" },
	{ "VUT005", DIAG_WARNING, "%n substitution without a matching key form" },
	{ "VUT006", DIAG_ERROR, "virtusertable loop" },
	{ "VUT007", DIAG_ERROR, "key with a trailing dot" },
	{ "MT001", DIAG_ERROR, "malformed mailertable route" },
	{ "MT002", DIAG_WARNING, "mailertable key is a local domain" },
	{ "MT003", DIAG_ERROR, "port or bare IP address in a mailertable host" },
	{ "MT004", DIAG_NOTE, "catch-all route together with SMART_HOST" },
	{ "LHN001", DIAG_WARNING, "several words or an indented '#' on a host list line" },
	{ "LHN002", DIAG_WARNING, "IP literal without brackets, trailing dot or bad host name" },
	{ "LHN004", DIAG_ERROR, "top-level domain in a host list" },
	{ "LHN005", DIAG_ERROR, "host list file missing" },
	{ "XF001", DIAG_ERROR, "map missing or older than its source" },
};
const unsigned maplint_nrules = sizeof maplint_rules / sizeof maplint_rules[0];

static const struct {
	const char *name;
	enum maplint_kind kind;
} kinds[] = {
	{ "access", MAPLINT_ACCESS }, { "aliases", MAPLINT_ALIASES },
	{ "virtusertable", MAPLINT_VIRTUSER }, { "virtuser", MAPLINT_VIRTUSER },
	{ "mailertable", MAPLINT_MAILERTABLE }, { "local-host-names", MAPLINT_HOSTS },
	{ "relay-domains", MAPLINT_HOSTS }, { "sendmail.cw", MAPLINT_HOSTS },
};

int maplint_kind_parse(const char *name, enum maplint_kind *kind)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcasecmp(name, kinds[i].name) == 0) {
			*kind = kinds[i].kind;
			return 0;
		}
	return -1;
}

int maplint_kind_guess(const char *mapname, enum maplint_kind *kind)
{
	const char *base = strrchr(mapname, '/');
	base = base ? base + 1 : mapname;
	char *s = strdup(base);
	if (s == NULL)
		return -1;
	static const char *const suffixes[] = { ".db", ".cdb", ".txt" };
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(s), m = strlen(suffixes[i]);
		if (n > m && strcmp(s + n - m, suffixes[i]) == 0)
			s[n - m] = '\0';
	}
	int rc = maplint_kind_parse(s, kind);
	free(s);
	return rc;
}

void maplint_report(struct lint *l, enum diag_severity sev,
		    const struct lint_entry *e, unsigned col, const char *id,
		    const char *fmt, ...)
{
	struct srcpos pos = e ? e->pos : (struct srcpos){ l->file, 0, 0 };
	if (e && col)
		pos.col = col;
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(l->d, sev, &pos, id, fmt, ap);
	va_end(ap);
}

int maplint_in_list(char *const *list, size_t count, const char *s, size_t n)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
			return 1;
	return 0;
}

/* qsort order: key without case, then line. */
static int by_key(const void *a, const void *b)
{
	const struct lint_entry *x = *(const struct lint_entry *const *)a;
	const struct lint_entry *y = *(const struct lint_entry *const *)b;
	int c = strcasecmp(x->key, y->key);
	if (c != 0)
		return c;
	return (x->pos.line > y->pos.line) - (x->pos.line < y->pos.line);
}

/* Build l->sorted once. */
static void sort_entries(struct lint *l)
{
	if (l->sorted != NULL)
		return;
	l->sorted = arena_calloc(l->arena, l->n ? l->n : 1, sizeof *l->sorted);
	for (size_t i = 0; i < l->n; i++)
		l->sorted[i] = &l->e[i];
	qsort(l->sorted, l->n, sizeof *l->sorted, by_key);
}

/* strcasecmp of a NUL-terminated key against s[0..n). */
static int keycmp(const char *key, const char *s, size_t n)
{
	int c = strncasecmp(key, s, n);
	return c ? c : key[n] != '\0';
}

size_t maplint_find(struct lint *l, const char *s, size_t n)
{
	size_t lo = 0, hi = l->n;
	sort_entries(l);
	while (lo < hi) {	/* lower bound */
		size_t mid = lo + (hi - lo) / 2;
		if (keycmp(l->sorted[mid]->key, s, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->n && keycmp(l->sorted[lo]->key, s, n) == 0)
		return (size_t)(l->sorted[lo] - l->e);
	return l->n;
}

void maplint_duplicates(struct lint *l, const char *id, enum diag_severity sev)
{
	sort_entries(l);
	for (size_t i = 1; i < l->n; i++) {
		const struct lint_entry *a = l->sorted[i - 1], *b = l->sorted[i];
		if (strcasecmp(a->key, b->key) != 0)
			continue;
		char *q = diag_quote(b->key, 60);
		maplint_report(l, sev, b, 1, id, "%s key %s (first at line %u)",
			       strcmp(a->value, b->value) ? "conflicting" : "duplicate",
			       q, a->pos.line);
		free(q);
	}
}

int maplint_ipv4_prefix(const char *s, size_t n)
{
	int octets = 0;
	size_t i = 0;
	while (i < n) {
		size_t start = i;
		unsigned v = 0;
		while (i < n && isdigit((unsigned char)s[i]) && i - start < 3)
			v = v * 10 + (unsigned)(s[i++] - '0');
		if (i == start || v > 255 || ++octets > 4)
			return 0;
		if (i < n && s[i++] != '.')
			return 0;
		if (i == n && s[n - 1] == '.')
			return 0;
	}
	return octets;
}

int maplint_hostname(const char *s, size_t n)
{
	size_t label = 0;
	if (n == 0 || n > 255)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return 0;
			label = 0;
		} else if (isalnum(c) || c == '-' || c == '_') {
			if ((c == '-' && label == 0) || ++label > 63)
				return 0;
		} else {
			return 0;
		}
	}
	return s[n - 1] != '-';
}

const char *maplint_error_text(const char *s, int *warn)
{
	*warn = 0;
	if (*s == '"')
		s++;
	char dsn = 0;
	if (isdigit((unsigned char)s[0]) && s[1] == '.') {
		dsn = s[0];
		size_t n = strspn(s, "0123456789.");
		if (s[n] != ':')
			return "enhanced status code must be followed by ':'";
		s += n + 1;
	}
	if (!(s[0] == '4' || s[0] == '5') || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]) || (s[3] != '\0' && s[3] != ' ' && s[3] != '"'))
		return "expected an SMTP reply code 4xx or 5xx";
	*warn = 1;
	if (dsn && dsn != s[0])
		return "enhanced status class does not match the reply code";
	if (!dsn && s[0] == '4')
		return "temporary reply code without an enhanced status code "
		       "(give one, e.g. 4.2.2:450)";
	*warn = 0;
	return NULL;
}

/* Append an entry (copies of the bytes). */
static void add(struct lint *l, const char *k, size_t kl, const char *v,
		size_t vl, struct srcpos pos, unsigned value_col)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		l->e = arena_grow(l->arena, l->e, l->cap, cap, sizeof *l->e);
		l->cap = cap;
	}
	struct lint_entry *e = &l->e[l->n++];
	e->key = arena_strndup(l->arena, k, kl);
	e->keylen = kl;
	e->value = arena_strndup(l->arena, v, vl);
	e->valuelen = vl;
	e->pos = pos;
	e->value_col = value_col;
}

/* mapsrc callback: collect a key/value entry. */
static int add_kv(void *arg, const struct mapsrc_entry *m)
{
	add(arg, m->key, m->keylen, m->value, m->valuelen, m->pos,
	    (unsigned)(m->value - m->key) + 1);
	return 0;
}

/* aliases callback: collect an alias. */
static int add_alias(void *arg, const struct alias *a)
{
	add(arg, a->name, a->namelen, a->value, a->valuelen, a->pos, a->value_col);
	return 0;
}

/* Collect host-list lines (one entry per non-empty line that does not start
 * with '#': sendmail's fileclass skips those). -1 on read error. */
static int read_hosts(struct lint *l, FILE *in)
{
	struct str line = STR_INIT;
	int r, toolong, nonl;
	unsigned lineno = 0;
	while ((r = lineread(in, &line, LIMIT_MAP_LINE - 2, &toolong, &nonl)) == 1) {
		struct srcpos pos = { l->file, ++lineno, 1 };
		if (toolong)
			diag_report(l->d, DIAG_ERROR, &pos, "MAP001", "line too long");
		else if (line.len > 0 && line.s[0] != '#' &&
			 memchr(line.s, '\0', line.len) == NULL)
			add(l, line.s, line.len, "", 0, pos, 1);
	}
	str_free(&line);
	return r < 0 ? -1 : 0;
}

/* Split a comma list into lower-case words in the arena. */
static char **split_list(struct arena *a, const char *s, size_t *count)
{
	size_t n = 0, cap = 8;
	char **v = arena_calloc(a, cap, sizeof *v);
	while (s && *s) {
		s += strspn(s, " ,\t");
		size_t len = strcspn(s, " ,\t");
		if (len == 0)
			break;
		if (n == cap) {
			v = arena_grow(a, v, cap, cap * 2, sizeof *v);
			cap *= 2;
		}
		char *w = arena_strndup(a, s, len);
		for (char *p = w; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		v[n++] = w;
		s += len;
	}
	*count = n;
	return v;
}

/* The built map must exist, be newer than its source and (aliases) hold
 * the @ sentinel. */
static void check_stale(struct lint *l, enum maplint_kind kind,
			const char *type, const char *mapname)
{
	const char *src = l->o->source ? l->o->source : mapname;
	const char *id = kind == MAPLINT_ALIASES ? "ALI009" : "XF001";
	struct stat ss, ms;
	if (kind == MAPLINT_HOSTS || stat(src, &ss) != 0 || !S_ISREG(ss.st_mode))
		return;
	char *file = mapdb_filename(mapname, type);
	struct srcpos pos = { src, 0, 0 };
	if (file != NULL && stat(file, &ms) != 0)
		diag_report(l->d, DIAG_ERROR, &pos, id, "map %s does not exist: run %s",
			    file, kind == MAPLINT_ALIASES ? "newaliases" : "makemap");
	else if (file != NULL && (ms.st_mtim.tv_sec < ss.st_mtim.tv_sec ||
		 (ms.st_mtim.tv_sec == ss.st_mtim.tv_sec &&
		  ms.st_mtim.tv_nsec < ss.st_mtim.tv_nsec)))
		diag_report(l->d, DIAG_ERROR, &pos, id, "map %s is older than its "
			    "source: rebuild it", file);
	else if (file != NULL && kind == MAPLINT_ALIASES) {
		char err[512];
		struct str v = STR_INIT;
		struct mapdb *db = mapdb_open(mapname, type, err, sizeof err);
		if (db == NULL || mapdb_get(db, "@", 1, &v) != 1)
			diag_report(l->d, DIAG_ERROR, &pos, id, "alias database %s %s",
				    file, db ? "has no @ sentinel (not built by "
				    "newaliases?)" : err);
		mapdb_close(&db);
		str_free(&v);
	}
	free(file);
}

static void (*const checks[])(struct lint *) = {
	[MAPLINT_ACCESS] = maplint_access_check,
	[MAPLINT_ALIASES] = maplint_aliases_check,
	[MAPLINT_VIRTUSER] = maplint_virtuser_check,
	[MAPLINT_MAILERTABLE] = maplint_mailertable_check,
	[MAPLINT_HOSTS] = maplint_hosts_check,
};

int maplint_run(FILE *in, const char *file, enum maplint_kind kind,
		const char *type, const char *mapname,
		const struct maplint_opts *o, struct diag *d)
{
	struct lint l = { .d = d, .o = o, .file = file, .arena = arena_new() };
	struct mapsrc_opts so;
	int r;
	l.domains = split_list(l.arena, o->local_domains, &l.ndomains);
	l.mailers = split_list(l.arena, o->mailers, &l.nmailers);
	mapsrc_opts_init(&so);
	so.fold = 0;
	if (kind == MAPLINT_ALIASES)
		r = aliases_parse(in, file, d, add_alias, &l);
	else if (kind == MAPLINT_HOSTS)
		r = read_hosts(&l, in);
	else
		r = mapsrc_parse(in, file, &so, d, add_kv, &l);
	if (r >= 0) {
		checks[kind](&l);
		if (mapname != NULL)
			check_stale(&l, kind, type, mapname);
	}
	arena_free(&l.arena);
	return r < 0 ? -1 : 0;
}

int maplint_main(FILE *in, const char *type, const char *mapname,
		 const struct maplint_opts *o, const char *format,
		 const char *disable, int werror)
{
	enum maplint_kind kind;
	enum diag_format fmt = DIAG_TEXT;
	if (format && diag_format_parse(format, &fmt) < 0) {
		fprintf(stderr, "makemap: unknown --format %s (text, json, sarif)\n", format);
		return 2;
	}
	if (o->kind ? maplint_kind_parse(o->kind, &kind) : maplint_kind_guess(mapname, &kind)) {
		fprintf(stderr, "makemap: %s: cannot tell which kind of map this is; "
			"use --kind=access|aliases|virtusertable|mailertable|"
			"local-host-names|relay-domains\n", o->kind ? o->kind : mapname);
		return 2;
	}
	if (!mapdb_type_known(type)) {
		fprintf(stderr, "makemap: unknown map type \"%s\"\n", type);
		return 2;
	}
	const char *file = o->source ? o->source : mapname;
	struct diag *d = diag_new(fmt, fmt == DIAG_TEXT ? stderr : stdout, "makemap");
	diag_add_rules(d, maplint_rules, maplint_nrules);
	if (disable)
		diag_disable(d, disable);
	diag_set_werror(d, werror);
	FILE *src = o->source ? fopen(o->source, "r") : in;
	if (src == NULL) {
		struct srcpos pos = { o->source, 0, 0 };
		diag_report(d, DIAG_ERROR, &pos, kind == MAPLINT_HOSTS ? "LHN005" : NULL,
			    "cannot open: %s", strerror(errno));
		diag_finish(d);
		diag_free(&d);
		return kind == MAPLINT_HOSTS ? 1 : 2;
	}
	int r = maplint_run(src, file, kind, type, mapname, o, d);
	if (src != in)
		fclose(src);
	diag_finish(d);
	int rc = r < 0 ? 2 : diag_failed(d) ? 1 : 0;
	diag_free(&d);
	return rc;
}
