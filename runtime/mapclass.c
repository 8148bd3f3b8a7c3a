/*
 * mapclass.c - lookups of each map class (see mapclass.h).
 *
 * Database classes read through maps/mapdb.h; text maps read their file
 * once; regex maps compile their POSIX pattern once; sequence and switch
 * maps resolve their members at first use. Every class trusts the key
 * length checked by map_lookup() and bounds what it builds.
 */
#include "runtime/mapclass.h"

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

/* map_rewrite() (see mapclass.h), in rt->work. */
const char *map_result(struct rt *rt, const struct rt_map *m, const char *s,
		       const char *const *args, int nargs)
{
	struct str out = STR_INIT;
	const char *r;

	for (; args && *s; s++) {	/* "%%" is '%'; "%x" stays as it is */
		if (*s != '%' || s[1] == '\0') {
			str_appendc(&out, *s);
			continue;
		}
		s++;
		if (*s >= '0' && *s <= '9') {
			if (*s - '0' < nargs && args[*s - '0'])
				str_append(&out, args[*s - '0']);
		} else {
			if (*s != '%')
				str_appendc(&out, '%');
			str_appendc(&out, *s);
		}
	}
	if (!args)
		str_append(&out, s);
	if (m->app)
		str_append(&out, m->app);
	r = arena_strdup(rt->work, str_cstr(&out));
	str_free(&out);
	return r;
}

/* "host" class: getcanonname(); the implicit host map (config level
 * >= 2) appends "." (an explicit K line of class host does not). */
const char *map_host_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	struct str s = STR_INIT;
	const char *r = NULL;
	int st;

	st = host_map_canon(rt, key, &s);
	if (st == RT_OK && s.len) {	/* "[" without "]": no match, 0 */
		if (m->hostdot && s.len && s.s[s.len - 1] != '.')
			str_appendc(&s, '.');
		r = map_result(rt, m, m->matchonly ? key : s.s, args, nargs);
	}
	*stat = st;
	str_free(&s);
	return r;
}

/* The passwd columns a user map's -v may name, in getpwnam() order. */
static const char *const user_cols[] = {
	"name", "passwd", "uid", "gid", "gecos", "dir", "shell",
};

/* Column c of pw into buf (numbers formatted there). */
static const char *user_column(const struct passwd *pw, int c, char *buf,
			       size_t size)
{
	switch (c) {
	case 1: return pw->pw_passwd;
	case 2: snprintf(buf, size, "%ld", (long)pw->pw_uid); return buf;
	case 3: snprintf(buf, size, "%ld", (long)pw->pw_gid); return buf;
	case 4: return pw->pw_gecos;
	case 5: return pw->pw_dir;
	case 6: return pw->pw_shell;
	default: return pw->pw_name;
	}
}

/* Open a user map once: find the -v column; 0, or -1 (reported). */
int map_user_open(struct rt *rt, struct rt_map *m)
{
	if (m->opened)
		return m->failed ? -1 : 0;
	m->opened = 1;
	m->vcol = 0;
	for (size_t i = 0; m->vname && i < sizeof user_cols / sizeof *user_cols; i++)
		if (strcasecmp(m->vname, user_cols[i]) == 0)
			m->vcol = (int)i + 1;
	m->failed = m->vname && m->vcol == 0;
	if (m->failed)
		fprintf(rt->out, "User map %s: unknown column name %s\n",
			m->name, m->vname);
	return m->failed ? -1 : 0;
}

/* "user" class: a passwd entry (the key folded unless -f); the column
 * -v names, else the name. An unknown column makes the map fail to open
 * (reported once; then temporary failures); a miss is EX_NOUSER. */
const char *map_user_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	const struct passwd *pw;
	char buf[32];

	map_user_open(rt, m);
	if (m->failed) {
		*stat = RT_TEMPFAIL;
		return NULL;
	}
	map_fold(m, key);
	pw = getpwnam(key);
	if (!pw) {
		*stat = EX_NOUSER;
		return NULL;
	}
	return map_result(rt, m, m->matchonly ? key :
			  user_column(pw, m->vcol ? m->vcol - 1 : 0, buf, sizeof buf),
			  args, nargs);
}

/* "null": never a match, status EX_NOHOST (as sendmail 8.17 answers). */
const char *map_null_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	(void)rt; (void)m; (void)key; (void)args; (void)nargs;
	*stat = RT_NOHOST;
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
int map_db_open(struct rt *rt, struct rt_map *m)
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
		rt_fail(rt, RT_OSERR);	/* sendmail's syserr() with errno */
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

	if (map_db_open(rt, m) < 0) {
		if (!m->optional)
			*stat = RT_TEMPFAIL;
		return NULL;
	}
	/* -m gives the key as it came: fold a copy then */
	char *k = m->matchonly ? arena_strdup(rt->work, key) : key;

	map_fold(m, k);
	if (strlen(k) > LIMIT_MAP_KEY)
		return NULL;	/* no database key is that long */
	got = mapdb_get(m->db, k, strlen(k), &v);
	if (got < 0)
		*stat = RT_TEMPFAIL;
	else if (got > 0)
		r = map_result(rt, m, m->matchonly ? key : str_cstr(&v), args, nargs);
	str_free(&v);
	return r;
}

/* 1 if path is a regular file or does not exist (fopen tells then). */
static int regular(const char *path)
{
	struct stat st;

	return stat(path, &st) < 0 || S_ISREG(st.st_mode);
}

/* Why a text map's file did not open, worded as sendmail's safefile()
 * check words it: the directory's trouble with its reason, a missing
 * file in a good directory without one. */
static void text_open_error(struct rt *rt, const struct rt_map *m,
			    const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct stat st;
	const char *why = NULL;

	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	int status = RT_SOFTWARE;	/* syserr(); with an errno: EX_OSERR */

	if (unsafe_dir(path))
		why = "World writable directory";
	else if (slash && stat(dir, &st) < 0) {
		why = strerror(errno);
		status = RT_OSERR;
	}
	fprintf(rt->out, "text map \"%s\": unsafe map file %s%s%s\n", m->name,
		path, why ? ": " : "", why ? why : "");
	rt_fail(rt, status);
	free(dir);
}

/* Read a text map's file once. */
int map_text_open(struct rt *rt, struct rt_map *m)
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
	f = unsafe_dir(path) || !regular(path) ? NULL : fopen(path, "r");
	if (!f) {
		m->failed = 1;
		if (!m->optional)
			text_open_error(rt, m, path);
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

/* 1 if c delimits text columns (z, or any blank when z is 0). */
static int text_delim(char c, int z)
{
	return z ? c == z : c == ' ' || c == '\t';
}

/* Column col of line into out, as sendmail counts them: each step moves
 * past the next delimiter (and, between blank-delimited columns, the
 * blanks after it); a blank-delimited column starts after its leading
 * blanks. So "  k v" has "k" as columns 0 and 1 and "v" as column 2. */
static int text_column(const char *line, size_t len, int col, int z,
		       struct str *out)
{
	size_t i = 0, start;

	for (int c = 0; c < col; c++) {
		while (i < len && !text_delim(line[i], z))
			i++;
		if (i >= len)
			return -1;
		i++;
		while (!z && i < len && text_delim(line[i], z))
			i++;
	}
	while (!z && i < len && text_delim(line[i], z))
		i++;
	start = i;
	while (i < len && !text_delim(line[i], z))
		i++;
	str_reset(out);
	str_appendn(out, line + start, i - start);
	return 0;
}

/* "text" class: key column -k, value column -v (both default 0: the
 * key itself), delimiter -z (default: runs of blanks). */
const char *map_text_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	struct str k = STR_INIT, v = STR_INIT;
	const char *r = NULL, *p;

	if (map_text_open(rt, m) < 0) {
		if (!m->optional)
			*stat = RT_TEMPFAIL;
		return NULL;
	}
	for (p = m->text; *p && !r;) {
		size_t len = strcspn(p, "\n");

		/* keys compare without case even with -f, as sendmail's do */
		if (len && p[0] != '#' &&
		    text_column(p, len, m->kcol, m->zdelim, &k) == 0 &&
		    strcasecmp(k.s, key) == 0 &&
		    text_column(p, len, m->vcol, m->zdelim, &v) == 0)
			r = map_result(rt, m, m->matchonly ? key : v.s, args, nargs);
		p += len + (p[len] == '\n');
	}
	if (!r)
		*stat = RT_NOHOST;	/* sendmail's EX_NOTFOUND */
	str_free(&k);
	str_free(&v);
	return r;
}

/* "dequote" class: the key with its double quotes removed, or no match
 * when it had none, or when the result would not be one clean token: an
 * unescaped blank, a ')' or '>' with nothing open, a '(' or '<' left open
 * (text inside a comment is not counted for angles), a trailing '\\'.
 * Backslashes stay in the result. */
const char *map_dequote_lookup(struct rt *rt, struct rt_map *m, char *key,
			       const char *const *args, int nargs, int *stat)
{
	struct str s = STR_INIT;
	int bs = 0, quotes = 0, bad = 0, cmnt = 0, angle = 0;
	const char *r = NULL;

	(void)stat;
	for (const char *p = key; *p; p++) {
		if (bs || *p == '\\') {
			bs = !bs;
			str_appendc(&s, *p);
			continue;
		}
		if (*p == '"') {
			quotes = 1;
			continue;
		}
		if (*p == ' ' || *p == '\t')
			bad = 1;
		else if (*p == '(')
			cmnt++;
		else if (*p == ')')
			bad |= cmnt-- == 0;
		else if (*p == '<' && cmnt == 0)
			angle++;
		else if (*p == '>' && cmnt == 0)
			bad |= angle-- == 0;
		str_appendc(&s, *p);
	}
	(void)args;
	(void)nargs;
	if (quotes && !bad && !bs && cmnt == 0 && angle == 0)	/* no %N here */
		r = map_result(rt, m, str_cstr(&s), NULL, 0);
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

/* The members named in list (blank- or comma-separated; "NAME." before
 * each for a switch) among rt->maps[0..upto); each unknown one is
 * reported on out (if not NULL) after the prefix where. */
static void seq_members(struct rt *rt, struct rt_map *m, const char *list,
			size_t upto, FILE *out, const char *where)
{
	struct str name = STR_INIT;
	int sw = strcmp(m->ir->mclass, "switch") == 0;

	m->subs_v = xcalloc(LIMIT_MAP_ARGS + 2, sizeof *m->subs_v);
	for (const char *p = list; *p && m->nsubs < LIMIT_MAP_ARGS + 2;) {
		size_t n = strcspn(p, " \t,");
		struct rt_map *s = NULL;

		if (n) {
			str_reset(&name);
			str_printf(&name, "%s%s", sw ? m->name : "", sw ? "." : "");
			str_appendn(&name, p, n);
			for (size_t k = 0; k < upto && !s; k++)
				if (strcmp(rt->maps[k].name, name.s) == 0 && &rt->maps[k] != m)
					s = &rt->maps[k];
			if (s)
				m->subs_v[m->nsubs++] = s;
			else if (out)
				fprintf(out, "%s%s map %s: unknown member map %s\n", where,
					sw ? "Switch" : "Sequence", m->name, name.s);
		}
		p += n + (p[n] != '\0');
	}
	str_free(&name);
}

void map_seq_setup(struct rt *rt, struct rt_map *m, size_t i, FILE *err)
{
	const struct ir_map *k = m->ir;
	struct str where = STR_INIT;

	str_printf(&where, "%s: line %u: ", k->pos.file ? k->pos.file : rt->cf->file,
		   k->pos.line);
	m->opened = 1;
	seq_members(rt, m, m->args, i, err, str_cstr(&where));
	str_free(&where);
}

/* Open a switch map once; 0, or -1. Its members are "NAME.method" for the methods the service
 * switch lists for the service named by its argument; none listed is a
 * failure (temporary, as in sendmail). */
int map_switch_open(struct rt *rt, struct rt_map *m)
{
	struct str list = STR_INIT;

	if (m->opened)
		return m->failed ? -1 : 0;
	m->opened = 1;
	m->failed = !host_switch_listed(rt, m->args, &list);
	seq_members(rt, m, str_cstr(&list), rt->nmaps, rt->out, "");
	str_free(&list);
	return m->failed ? -1 : 0;
}

/* "sequence" / "switch": the first member that answers wins; members see
 * the key as given. No answer: a temporary failure if any member had one,
 * else the last member's status, EX_NOTFOUND (68) for a plain miss. A
 * member that is being searched already (a cycle) is skipped. */
const char *map_seq_lookup(struct rt *rt, struct rt_map *m, char *key,
			   const char *const *args, int nargs, int *stat)
{
	int temp = 0, last = RT_OK;
	const char *r = NULL;

	if (!m->opened)
		map_switch_open(rt, m);
	if (m->failed || m->busy) {
		*stat = m->failed ? RT_TEMPFAIL : RT_NOHOST;
		return NULL;
	}
	m->busy = 1;
	for (size_t i = 0; i < m->nsubs && !r; i++) {
		char *k = arena_strdup(rt->work, key);

		last = RT_OK;
		r = map_lookup_class(rt, m->subs_v[i], k, args, nargs, &last);
		temp |= last == RT_TEMPFAIL;
	}
	m->busy = 0;
	if (!r)
		*stat = temp ? RT_TEMPFAIL : last == RT_OK ? RT_NOHOST : last;
	return r;
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
