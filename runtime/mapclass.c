/*
 * mapclass.c - lookups of each map class (see mapclass.h).
 *
 * Database classes read through maps/mapdb.h; text maps read their file
 * once; regex maps compile their POSIX pattern once; sequence and switch
 * maps resolve their members at first use. Every class trusts the key
 * length checked by map_lookup() and bounds what it builds.
 */
#include "runtime/mapclass.h"
#include "runtime/mx.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <syslog.h>
#include <sysexits.h>

#include "lib/arena.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/mapdb.h"
#include "runtime/host.h"
#include "runtime/macro.h"
#include "runtime/map.h"

/* map_rewrite(): s with %0..%9 replaced, then -a appended (in rt->work). */
const char *map_result(struct rt *rt, const struct rt_map *m, const char *s,
		       const char *const *args, int nargs)
{
	struct str out = STR_INIT;
	const char *r;

	for (; *s; s++) {
		if (*s != '%' || s[1] == '\0') {
			str_appendc(&out, *s);
			continue;
		}
		s++;
		if (*s >= '0' && *s <= '9') {
			if (*s - '0' < nargs && args[*s - '0'])
				str_append(&out, args[*s - '0']);
		} else {
			str_appendc(&out, *s);
		}
	}
	if (m->app)
		str_append(&out, m->app);
	r = arena_strdup(rt->work, str_cstr(&out));
	str_free(&out);
	return r;
}

/* "host" class: getcanonname(), "." appended (config level >= 2). */
const char *map_host_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	struct str s = STR_INIT;
	const char *r = NULL;
	int st;

	st = host_canon(rt, key, &s);
	if (st == RT_OK) {
		if (rt->level >= 2 && s.len && s.s[s.len - 1] != '.')
			str_appendc(&s, '.');
		r = map_result(rt, m, m->matchonly ? key : s.s, args, nargs);
	}
	*stat = st;
	str_free(&s);
	return r;
}

/* "user" class: a passwd entry of that name; none is EX_NOUSER. */
const char *map_user_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	if (!getpwnam(key)) {
		*stat = EX_NOUSER;
		return NULL;
	}
	return map_result(rt, m, key, args, nargs);
}

/* "null": never a match, status EX_NOHOST (as sendmail 8.17 answers). */
const char *map_null_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	(void)rt; (void)m; (void)key; (void)args; (void)nargs;
	*stat = RT_NOHOST;
	return NULL;
}

/* "stab": sendmail's internal symbol table, which holds aliases only when
 * the K line names an alias file (read into it at open; we do not read
 * one): never a match. */
const char *map_stab_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	(void)rt; (void)m; (void)key; (void)args; (void)nargs; (void)stat;
	return NULL;
}

/* Classes whose K line must name something (stab: a file, socket: an
 * endpoint): without it, "No file name for CLASS map NAME". */
int map_file_setup(struct rt *rt, struct rt_map *m, FILE *err)
{
	if (*m->args)
		return 0;
	map_load_error(rt, m, err, "No file name for %s map %s", m->ir->mclass, m->name);
	return -1;
}

/* syslog's -L level: a name, "LOG_" optional, any case; empty is the
 * default, notice. */
int map_syslog_setup(struct rt *rt, struct rt_map *m, FILE *err)
{
	static const struct { const char *name; int level; } levels[] = {
		{ "EMERG", LOG_EMERG }, { "ALERT", LOG_ALERT }, { "CRIT", LOG_CRIT },
		{ "ERR", LOG_ERR }, { "WARNING", LOG_WARNING },
		{ "NOTICE", LOG_NOTICE }, { "INFO", LOG_INFO }, { "DEBUG", LOG_DEBUG },
	};
	const char *l = m->lflag ? m->lflag : "";

	m->priority = LOG_NOTICE;
	if (!*l)
		return 0;
	if (strncasecmp(l, "LOG_", 4) == 0)
		l += 4;
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (strcasecmp(l, levels[i].name) == 0) {
			m->priority = levels[i].level;
			return 0;
		}
	map_load_error(rt, m, err, "syslog_map_parseargs: Unknown priority %s", m->lflag);
	return -1;
}

/* "syslog": log the key at the -L level; the result is empty. */
const char *map_syslog_lookup(struct rt *rt, struct rt_map *m, char *key,
			      const char *const *args, int nargs, int *stat)
{
	(void)stat;
	syslog(m->priority, "%s", key);
	return map_result(rt, m, "", args, nargs);
}

/* "bestmx" class (sendmail's bestmx_map_lookup): the most preferred MX
 * host of key, or with -z<c> all of them joined by c; a name with no MX
 * records is its own best MX (getmxrr's fallback); -m returns the key.
 * Without dns in the switch's hosts line nothing is asked: no match. */
const char *map_bestmx_lookup(struct rt *rt, struct rt_map *m, char *key,
			      const char *const *args, int nargs, int *stat)
{
	struct mx_list l;
	struct str s = STR_INIT;
	const char *r;

	switch (mx_lookup(key, host_switch_has(rt, "hosts", "dns"), &l)) {
	case MX_NODNS: return NULL;
	case MX_TEMPFAIL: *stat = RT_TEMPFAIL; return NULL;
	case MX_NOHOST: *stat = RT_NOHOST; return NULL;
	case MX_NODATA:
		snprintf(l.host[0], sizeof l.host[0], "%s", key);
		l.n = 1;
		break;
	case MX_OK: break;
	}
	if (m->matchonly)
		return map_result(rt, m, key, args, nargs);
	for (int i = 0; i < (m->zdelim ? l.n : 1); i++) {
		if (i)
			str_appendc(&s, (char)m->zdelim);
		str_append(&s, l.host[i]);
	}
	r = map_result(rt, m, s.s, args, nargs);
	str_free(&s);
	return r;
}

/* "macro" class: set macro key to args[1], or clear it; result "". */
const char *map_macro_lookup(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat)
{
	char name[LIMIT_MACRO_NAME + 2];
	const char *p = key;

	(void)m; (void)stat;
	if (key[0] && key[1] && key[0] != '{') {
		snprintf(name, sizeof name, "{%s}", key);
		p = name;
	}
	if (macro_name(&p, name, sizeof name) == 0)
		macro_set(rt->macros, name, nargs > 1 ? args[1] : NULL);
	return "";
}

/* The file a file-based map names: its first argument word. */
static char *map_path(const struct rt_map *m)
{
	const char *a = m->file ? m->file : m->args;
	size_t n = strcspn(a, " \t");

	return xstrndup(a, n);
}

/* 1 if a directory above file is world writable (sendmail's safefile()
 * refuses such map files). */
static int unsafe_dir(const char *file)
{
	char *dir = xstrdup(file), *slash;
	struct stat st;
	int bad = 0;

	while (!bad && (slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (stat(*dir ? dir : "/", &st) == 0 && S_ISDIR(st.st_mode) &&
		    (st.st_mode & S_IWOTH))
			bad = 1;
	}
	free(dir);
	return bad;
}

/* Open a database map once; 0 when usable. */
static int db_open(struct rt *rt, struct rt_map *m)
{
	char err[512], *path, *file;
	struct stat st;

	if (m->opened)
		return m->failed ? -1 : 0;
	m->opened = 1;
	path = map_path(m);
	file = mapdb_filename(path, m->ir->mclass);
	if (file && unsafe_dir(file)) {
		fprintf(rt->out, "%s map \"%s\": unsafe map file %s: World writable directory\n",
			m->ir->mclass, m->name, file);
		m->failed = 1;
	} else {
		m->db = mapdb_open(path, m->ir->mclass, err, sizeof err);
	}
	if (!m->optional && (m->failed || !m->db))
		rt->exitstat = RT_OSERR;	/* sendmail's syserr() with errno */
	if (!m->db && !m->failed) {
		m->failed = 1;
		if (!m->optional && file && stat(file, &st) < 0)
			fprintf(rt->out, "%s map \"%s\": missing map file %s: %s\n",
				m->ir->mclass, m->name, file, strerror(errno));
		else if (!m->optional)
			fprintf(rt->out, "%s map \"%s\": %s\n", m->ir->mclass,
				m->name, err);
	} else if (m->db && m->nul != MAPDB_NUL_AUTO) {
		mapdb_set_nul(m->db, m->nul);
	}
	free(file);
	free(path);
	return m->failed ? -1 : 0;
}

/* Lower-case key in place unless the map keeps case (-f). */
void map_fold(const struct rt_map *m, char *key)
{
	if (m->nofold)
		return;
	for (; *key; key++)
		if (*key >= 'A' && *key <= 'Z')
			*key += 32;
}

/* hash / btree / implicit / cdb. */
const char *map_db_lookup(struct rt *rt, struct rt_map *m, char *key,
			  const char *const *args, int nargs, int *stat)
{
	struct str v = STR_INIT;
	const char *r = NULL;
	int got;

	if (db_open(rt, m) < 0) {
		if (!m->optional)
			*stat = RT_TEMPFAIL;
		return NULL;
	}
	map_fold(m, key);
	if (strlen(key) > LIMIT_MAP_KEY)
		return NULL;	/* no database key is that long */
	got = mapdb_get(m->db, key, strlen(key), &v);
	if (got < 0)
		*stat = RT_TEMPFAIL;
	else if (got > 0)
		r = map_result(rt, m, m->matchonly ? key : str_cstr(&v), args, nargs);
	str_free(&v);
	return r;
}

/* Read a text map's file once. */
static int text_open(struct rt *rt, struct rt_map *m)
{
	char *path;
	FILE *f;
	struct str s = STR_INIT;
	char buf[4096];
	size_t n;

	if (m->opened)
		return m->failed ? -1 : 0;
	m->opened = 1;
	path = map_path(m);
	f = fopen(path, "r");
	if (!f) {
		m->failed = 1;
		if (!m->optional)
			fprintf(rt->out, "text map \"%s\": cannot open %s: %s\n",
				m->name, path, strerror(errno));
		free(path);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		str_appendn(&s, buf, n);
	fclose(f);
	free(path);
	m->text = str_steal(&s);
	return 0;
}

/* Column col of line (delimiter z, or blanks when z is 0) into out. */
static int text_column(const char *line, size_t len, int col, int z,
		       struct str *out)
{
	size_t i = 0;

	for (int c = 0;; c++) {
		size_t start;

		if (!z)
			while (i < len && (line[i] == ' ' || line[i] == '\t'))
				i++;
		start = i;
		while (i < len && (z ? line[i] != z : line[i] != ' ' && line[i] != '\t'))
			i++;
		if (c == col) {
			str_reset(out);
			str_appendn(out, line + start, i - start);
			return 0;
		}
		if (i >= len)
			return -1;
		i++;
	}
}

/* "text" class: key column -k, value column -v (both 0 by default, as
 * sendmail: the key itself), delimiter -z. */
const char *map_text_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	struct str k = STR_INIT, v = STR_INIT;
	const char *r = NULL, *p;

	if (text_open(rt, m) < 0) {
		if (!m->optional)
			*stat = RT_TEMPFAIL;
		return NULL;
	}
	for (p = m->text; *p && !r;) {
		size_t len = strcspn(p, "\n");

		if (len && p[0] != '#' &&
		    text_column(p, len, m->kcol, m->zdelim, &k) == 0 &&
		    (m->nofold ? strcmp(k.s, key) : strcasecmp(k.s, key)) == 0 &&
		    text_column(p, len, m->vcol, m->zdelim, &v) == 0)
			r = map_result(rt, m, m->matchonly ? key : v.s, args, nargs);
		p += len + (p[len] == '\n');
	}
	str_free(&k);
	str_free(&v);
	return r;
}

/* "dequote" class: the key without its quotes, if it is one token then. */
const char *map_dequote_lookup(struct rt *rt, struct rt_map *m, char *key,
			       const char *const *args, int nargs, int *stat)
{
	struct str s = STR_INIT;
	int bs = 0, quoted = 0, bad = 0;
	const char *r = NULL;

	(void)stat;
	for (const char *p = key; *p; p++) {
		if (*p == '"' && !bs) {
			quoted = !quoted;
			continue;
		}
		if (!bs && (*p == ' ' || *p == '\t' || *p == '(' || *p == ')' ||
			    *p == '<' || *p == '>' || *p == ','))
			bad = 1;
		bs = *p == '\\' && !bs;
		str_appendc(&s, *p);
	}
	if (!bad && !quoted)
		r = map_result(rt, m, str_cstr(&s), args, nargs);
	str_free(&s);
	return r;
}

/* A decimal operand of arith: like sendmail, the leading number of the
 * text ("1.2" is 1, "x" is 0); -1 only when the operand is missing. */
static int arith_num(const char *s, long *out)
{
	if (!s)
		return -1;
	*out = strtol(s, NULL, 10);
	return 0;
}

/* "arith" class: key is the operator, args 1 and 2 the operands. */
const char *map_arith_lookup(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat)
{
	long a, b, r;
	char buf[32];

	if (strlen(key) != 1 || nargs < 3 || arith_num(args[1], &a) < 0 ||
	    arith_num(args[2], &b) < 0) {
		*stat = RT_CONFIG;
		return NULL;
	}
	switch (key[0]) {
	case '+': r = a + b; break;
	case '-': r = a - b; break;
	case '*': r = a * b; break;
	case '|': r = a | b; break;
	case '&': r = a & b; break;
	case '/':
	case '%':
		if (b == 0) {
			*stat = RT_CONFIG;
			return NULL;
		}
		r = key[0] == '/' ? a / b : a % b;
		break;
	case 'l':
	case '=':
		return map_result(rt, m, (key[0] == 'l' ? a < b : a == b) ?
				  "TRUE" : "FALSE", args, nargs);
	default:
		*stat = RT_CONFIG;
		return NULL;
	}
	snprintf(buf, sizeof buf, "%ld", r);
	return map_result(rt, m, buf, args, nargs);
}

/* Resolve sequence members (args) or switch members (NAME.method). */
static void seq_open(struct rt *rt, struct rt_map *m)
{
	struct str list = STR_INIT, name = STR_INIT;
	const char *p;

	m->opened = 1;
	if (strcmp(m->ir->mclass, "switch") == 0)
		host_switch_methods(rt, m->args, &list);
	else
		str_append(&list, m->args);
	m->subs_v = xcalloc(LIMIT_MAP_ARGS + 2, sizeof *m->subs_v);
	for (p = str_cstr(&list); *p && m->nsubs < LIMIT_MAP_ARGS + 2;) {
		size_t n = strcspn(p, " \t,");

		if (n) {
			struct rt_map *s;

			str_reset(&name);
			if (strcmp(m->ir->mclass, "switch") == 0)
				str_printf(&name, "%s.", m->name);
			str_appendn(&name, p, n);
			s = map_find(rt, name.s);
			if (s && s != m)
				m->subs_v[m->nsubs++] = s;
		}
		p += n + (p[n] != '\0');
	}
	str_free(&list);
	str_free(&name);
}

/* "sequence" / "switch": the first member that answers wins. */
const char *map_seq_lookup(struct rt *rt, struct rt_map *m, char *key,
			   const char *const *args, int nargs, int *stat)
{
	int worst = RT_OK;

	if (!m->opened)
		seq_open(rt, m);
	for (size_t i = 0; i < m->nsubs; i++) {
		char *k = arena_strdup(rt->work, key);
		int st = RT_OK;
		const char *r = map_lookup(rt, m->subs_v[i], k, args, nargs, &st);

		if (r)
			return r;
		if (st == RT_TEMPFAIL)
			worst = st;
	}
	*stat = worst;
	return NULL;
}

/* What -s substrings join with when -d is not given: the byte that
 * stands for "$|" in sendmail's rules (CONDELSE, \233). */
#define REGEX_DELIM "\233"

/* Parse a -s field list; see mapclass.h. */
int map_regex_fields(const char *list, int nsub, int *fields, char *msg,
		     size_t msgsize)
{
	int n = 0;

	if (!*list) {
		for (; n <= nsub && n < LIMIT_REGEX_FIELDS; n++)
			fields[n] = n;
		return n;
	}
	for (const char *p = list;; p++) {
		/* sendmail reads each number as atoi() does: junk is 0 */
		int f = (int)strtol(p, NULL, 10);

		if (n == LIMIT_REGEX_FIELDS) {
			snprintf(msg, msgsize, "too many fields, %d max", LIMIT_REGEX_FIELDS);
			return -1;
		}
		if (f < 0 || f > nsub) {
			snprintf(msg, msgsize, "field (%d) out of range, only %d substrings in pattern",
				 f, nsub + 1);
			return -1;
		}
		fields[n++] = f;
		if (!(p = strchr(p, ',')))
			return n;
	}
}

/* What map_regex_join has seen of the text it copied. */
struct balance {
	int angle, paren, quote, bslash, blank;
};

/* Account for one copied byte: quotes and backslashes as prescan reads
 * them, angle brackets and parentheses counted, blanks outside quotes. */
static void balance_step(struct balance *b, char c)
{
	if (b->bslash) {
		b->bslash = 0;
		return;
	}
	if (b->quote && c != '"' && c != '\\')
		return;
	switch (c) {
	case '\\': b->bslash = 1; break;
	case '"': b->quote = !b->quote; break;
	case '<': b->angle++; break;
	case '>': b->angle--; break;
	case '(': b->paren++; break;
	case ')': b->paren--; break;
	case ' ': b->blank = 1; break;
	default: break;
	}
}

/* Append up to n bytes of s to out (len bytes used, size in all). */
static size_t put_bytes(char *out, size_t len, size_t size, const char *s,
			size_t n, struct balance *b)
{
	for (size_t i = 0; i < n && s[i] && len + 1 < size; i++) {
		out[len++] = s[i];
		if (b)
			balance_step(b, s[i]);
	}
	return len;
}

/* Join the selected substrings; see mapclass.h. */
int map_regex_join(const char *key, const regmatch_t *pmatch, const int *fields,
		   int n, const char *delim, char *out, size_t size)
{
	struct balance b = { 0, 0, 0, 0, 0 };
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		const regmatch_t *pm = &pmatch[fields[i]];

		if (i)
			len = put_bytes(out, len, size, delim, strlen(delim), NULL);
		if (pm->rm_so >= 0 && pm->rm_eo > pm->rm_so)
			len = put_bytes(out, len, size, key + pm->rm_so,
					(size_t)(pm->rm_eo - pm->rm_so), &b);
	}
	out[len] = '\0';
	return b.angle || b.paren || b.quote || b.bslash || b.blank ? -1 : 0;
}

/* Compile a regex map's pattern and check its -s list when the K line is
 * read, with sendmail's messages (-b basic, -f case sensitive). */
int map_regex_setup(struct rt *rt, struct rt_map *m, FILE *err)
{
	char msg[256];
	int rc, fl = (m->bre ? 0 : REG_EXTENDED) | (m->nofold ? 0 : REG_ICASE) |
		     (m->subs ? 0 : REG_NOSUB);

	rc = regcomp(&m->re, m->args, fl);
	if (rc != 0) {
		regerror(rc, &m->re, msg, sizeof msg);
		map_load_error(rt, m, err, "pattern-compile-error: %s", msg);
		return -1;
	}
	m->re_ok = 1;
	if (!m->subs)
		return 0;
	if (m->re.re_nsub + 1 >= LIMIT_REGEX_SUBSTRINGS) {
		map_load_error(rt, m, err, "too many substrings, %d max",
			       LIMIT_REGEX_SUBSTRINGS);
		return -1;
	}
	m->nfields = map_regex_fields(m->sublist, (int)m->re.re_nsub, m->fields,
				      msg, sizeof msg);
	if (m->nfields < 0)
		map_load_error(rt, m, err, "%s", msg);
	return m->nfields < 0 ? -1 : 0;
}

/* The -s substrings of a match (the key with -m): the K line's list, or,
 * in a rule, the list given as the first "$@" argument (checked even
 * with -m). NULL after a bad list. */
static const char *regex_substrings(struct rt *rt, struct rt_map *m, char *key,
				    const regmatch_t *pm, const char *const *args,
				    int nargs)
{
	char out[LIMIT_REGEX_RESULT], msg[256];
	int fields[LIMIT_REGEX_FIELDS], n = m->nfields;
	const int *f = m->fields;

	if (nargs > 1 && args[1]) {	/* an empty list here is atoi(""): 0 */
		n = map_regex_fields(*args[1] ? args[1] : "0", (int)m->re.re_nsub, fields,
				     msg, sizeof msg);
		if (n < 0) {
			fprintf(rt->out, "%s\n", msg);
			return NULL;
		}
		f = fields;
	}
	if (m->matchonly)
		return map_result(rt, m, key, args, nargs);
	if (map_regex_join(key, pm, f, n, m->dflag ? m->dflag : REGEX_DELIM, out,
			   sizeof out) < 0)
		return NULL;	/* sendmail: "regex may cause prescan() failure" */
	return map_result(rt, m, out, args, nargs);
}

/* "regex" class (op.txt "regex"): a match (or, with -n, a mismatch)
 * answers the key with -m, the -s substrings, else the empty string. */
const char *map_regex_lookup(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat)
{
	regmatch_t pm[LIMIT_REGEX_SUBSTRINGS];
	size_t nmatch = m->subs ? m->re.re_nsub + 1 : 0;
	int hit;

	(void)stat;
	hit = regexec(&m->re, key, nmatch, nmatch ? pm : NULL, 0) == 0;
	if (hit == m->negate)
		return NULL;
	if (!m->subs || m->negate)
		return map_result(rt, m, m->matchonly ? key : "", args, nargs);
	return regex_substrings(rt, m, key, pm, args, nargs);
}

/* "arpa" class: an IPv4 address, or "IPv6:" and an IPv6 address, as the
 * name of its PTR record without in-addr.arpa / ip6.arpa. Anything else
 * is EX_DATAERR. */
const char *map_arpa_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	unsigned char a[16];
	char buf[4 * sizeof a + 1], *p = buf;

	if (strncasecmp(key, "IPv6:", 5) == 0 && inet_pton(AF_INET6, key + 5, a) == 1) {
		for (int i = 15; i >= 0; i--)
			p += sprintf(p, "%x.%x.", a[i] & 0xf, a[i] >> 4);
		p[-1] = '\0';
	} else if (inet_pton(AF_INET, key, a) == 1) {
		snprintf(buf, sizeof buf, "%u.%u.%u.%u", a[3], a[2], a[1], a[0]);
	} else {
		*stat = EX_DATAERR;
		return NULL;
	}
	return map_result(rt, m, buf, args, nargs);
}
