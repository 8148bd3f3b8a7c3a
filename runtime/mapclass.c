/*
 * mapclass.c - lookups of each map class (see mapclass.h).
 *
 * Database classes read through maps/mapdb.h; text maps read their file
 * once; regex maps compile their POSIX pattern once; sequence and switch
 * maps resolve their members at first use. Every class trusts the key
 * length checked by map_lookup() and bounds what it builds.
 */
#include "runtime/mapclass.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

	st = host_map_canon(rt, key, &s);
	if (st == RT_OK) {
		if (rt->level >= 2 && s.len && s.s[s.len - 1] != '.')
			str_appendc(&s, '.');
		r = map_result(rt, m, m->matchonly ? key : s.s, args, nargs);
	}
	*stat = st;
	str_free(&s);
	return r;
}

/* "user" class: a passwd entry of that name. */
const char *map_user_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	(void)stat;
	if (!getpwnam(key))
		return NULL;
	return map_result(rt, m, key, args, nargs);
}

/* "null", "stab", "syslog": never a match here. */
const char *map_null_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	(void)rt; (void)m; (void)key; (void)args; (void)nargs; (void)stat;
	return NULL;
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
static void fold(const struct rt_map *m, char *key)
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
	fold(m, key);
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

/* "text" class: key column -k, value column -v, delimiter -z. */
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
		    text_column(p, len, m->vcol ? m->vcol : 1, m->zdelim, &v) == 0)
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

/* "regex" class: POSIX pattern (-b basic, -f case, -n negate). */
const char *map_regex_lookup(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat)
{
	int hit;

	if (!m->opened) {
		int fl = (m->bre ? 0 : REG_EXTENDED) | (m->nofold ? 0 : REG_ICASE) |
			 REG_NOSUB;

		m->opened = 1;
		m->re_ok = regcomp(&m->re, m->args, fl) == 0;
		if (!m->re_ok)
			fprintf(rt->out, "pattern-compile-error: %s\n", m->args);
	}
	if (!m->re_ok) {
		*stat = RT_CONFIG;
		return NULL;
	}
	hit = regexec(&m->re, key, 0, NULL, 0) == 0;
	if (hit == m->negate)
		return NULL;
	return map_result(rt, m, m->matchonly ? key : "", args, nargs);
}
