/*
 * map.c - K-line map classes for rewriting ("$( $)", "$[ $]", -bt /map).
 *
 * Entry points: map_setup() (one struct rt_map per K line, flags parsed),
 * map_find(), map_lookup(). Maps open on first lookup like sendmail's;
 * a map that cannot open prints sendmail's message once and then answers
 * "temporary failure" (status 75) unless it is optional (-o). Results are
 * rewritten as sendmail's map_rewrite(): %0 = key, %1..%9 = "$@" args,
 * then the -a text appended; temporary failures append -T text to the key.
 * Keys are bounded by LIMIT_MAP_KEY, results by LIMIT_MAP_RESULT.
 */
#include "runtime/map.h"

#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/arena.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/mapdb.h"
#include "runtime/cfwarn.h"
#include "runtime/mapclass.h"
#include "runtime/sockmap.h"

/* Classes we know, how each looks up, and what each checks at load.
 * nis, nisplus, ldap, hesiod, netinfo, userdb... are not here: they
 * answer as in a sendmail built without them (see map.h). */
static const struct map_class classes[] = {
	{ .name = "hash", .lookup = map_db_lookup, .open = map_db_open },
	{ .name = "btree", .lookup = map_db_lookup, .open = map_db_open },
	{ .name = "implicit", .lookup = map_db_lookup, .open = map_db_open },
	{ .name = "cdb", .lookup = map_db_lookup, .open = map_db_open },
	{ .name = "text", .lookup = map_text_lookup, .open = map_text_open },
	{ .name = "dequote", .lookup = map_dequote_lookup },
	{ .name = "macro", .lookup = map_macro_lookup },
	{ .name = "arith", .lookup = map_arith_lookup },
	{ .name = "sequence", .lookup = map_seq_lookup },
	{ .name = "switch", .lookup = map_seq_lookup, .open = map_switch_open },
	{ .name = "host", .lookup = map_host_lookup },
	{ .name = "user", .lookup = map_user_lookup, .open = map_user_open },
	{ .name = "regex", .lookup = map_regex_lookup, .setup = map_regex_setup },
	{ .name = "stab", .lookup = map_stab_lookup, .setup = map_file_setup,
	  .open = map_stab_open },
	{ .name = "null", .lookup = map_null_lookup },
	{ .name = "dns", .lookup = map_dns_lookup, .setup = map_dns_setup },
	{ .name = "bestmx", .lookup = map_bestmx_lookup },
	{ .name = "arpa", .lookup = map_arpa_lookup },
	{ .name = "program", .lookup = map_program_lookup },
	{ .name = "syslog", .lookup = map_syslog_lookup, .setup = map_syslog_setup },
	{ .name = "socket", .lookup = map_socket_lookup, .setup = map_file_setup,
	  .open = map_socket_open },
	{ .name = NULL },
};

/* The class named name, or NULL. */
static const struct map_class *find_class(const char *name)
{
	for (const struct map_class *c = classes; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Print a load-time problem of m's K line; see mapclass.h. */
void map_load_error(struct rt *rt, const struct rt_map *m, FILE *err,
		    const char *fmt, ...)
{
	struct str msg = STR_INIT;
	va_list ap;

	va_start(ap, fmt);
	str_vprintf(&msg, fmt, ap);
	va_end(ap);
	rt_syserr_at(rt, err, &m->ir->pos, "%s", str_cstr(&msg));
	str_free(&msg);
}

/* Apply one "-x..." flag word to m. */
static void parse_flag(struct rt *rt, struct rt_map *m, const char *f)
{
	const char *v = f + 2;

	switch (f[1]) {
	case 'a': m->app = arena_strdup(rt->arena, v); break;
	case 'T': m->tapp = arena_strdup(rt->arena, v); break;
	case 'o': m->optional = 1; break;
	case 'q': m->keepquotes = 1; break;
	case 'm': m->matchonly = 1; break;
	case 'N': m->nul = MAPDB_NUL_ALWAYS; break;
	case 'O': m->nul = MAPDB_NUL_NEVER; break;
	case 'f': m->nofold = 1; break;
	case 't': m->nodefer_temp = 1; break;
	case 'n': m->negate = 1; break;
	case 'b': m->bre = 1; break;
	case 's': m->subs = 1; m->sublist = arena_strdup(rt->arena, v); break;
	case 'd': m->dflag = arena_strdup(rt->arena, v); break;
	case 'L': m->lflag = arena_strdup(rt->arena, v); break;
	case 'k': m->kcol = atoi(v); break;
	case 'v': m->vcol = atoi(v); m->vname = arena_strdup(rt->arena, v); break;
	case 'z': m->zdelim = *v ? *v : ' '; break;
	case 'S': m->spacesub = *v; break;
	case 'R': m->rrtype = dnsmap_type(v + strspn(v, " \t")); break;	/* "-R A" */
	case 'Z': m->zcount = atoi(v); break;
	default: break;		/* -D -A -l ... accepted, no effect here */
	}
}

/* A dns map's -R text as sendmail quotes it when it is wrong: from after
 * "-R" to the end of the K line. */
static void dns_rtext(struct rt *rt, struct rt_map *m, const struct ir_map *k)
{
	struct str s = STR_INIT;
	size_t i = 0;

	while (i < k->nflags && strncmp(k->flags[i], "-R", 2) != 0)
		i++;
	if (i == k->nflags)
		return;
	str_append(&s, k->flags[i] + 2 + strspn(k->flags[i] + 2, " \t"));
	for (i++; i < k->nflags; i++)
		str_printf(&s, " %s", k->flags[i]);
	if (k->args && *k->args)
		str_printf(&s, " %s", k->args);
	m->rtext = arena_strdup(rt->arena, str_cstr(&s));
	str_free(&s);
}

/* Set up one map from its K line. */
static void setup_one(struct rt *rt, struct rt_map *m, const struct ir_map *k)
{
	m->name = k->name;
	m->ir = k;
	m->cls = find_class(k->mclass);
	m->nul = MAPDB_NUL_AUTO;
	m->spacesub = rt->blanksub;
	for (size_t i = 0; i < k->nflags; i++)
		if (k->flags[i][0] == '-')
			parse_flag(rt, m, k->flags[i]);
	m->optional |= k->optional;
	if (strcmp(k->mclass, "dns") == 0)
		dns_rtext(rt, m, k);
	if (strcmp(k->mclass, "dequote") == 0) {
		m->keepquotes = 1;	/* it removes the quotes itself */
		m->spacesub = ' ';	/* a key of several words never matches */
		for (size_t i = 0; i < k->nflags; i++)
			if (strncmp(k->flags[i], "-S", 2) == 0)
				m->spacesub = k->flags[i][2];
	}
	m->args = k->args ? k->args : "";
	m->file = k->file;
}

/* Build every map of rt->cf plus the implicit "host" map. A map whose
 * class we lack is reported and then unknown to lookups, as in a
 * sendmail compiled without that class; one its class refuses at load
 * stays "not open". */
int map_setup(struct rt *rt, FILE *err)
{
	const struct cf *cf = rt->cf;
	int have_host = cf_map(cf, "host") != NULL;

	rt->nmaps = cf->nmaps + !have_host;
	rt->maps = arena_calloc(rt->arena, rt->nmaps ? rt->nmaps : 1, sizeof *rt->maps);
	for (size_t i = 0; i < cf->nmaps; i++) {
		struct rt_map *m = &rt->maps[i];

		cfwarn_rejected_upto(rt, err, cf->maps[i].pos.line);
		setup_one(rt, m, &cf->maps[i]);
		if (!m->cls)	/* syserr() in sendmail: EX_SOFTWARE */
			map_load_error(rt, m, err, "readcf: map %s: class %s not available",
				       m->name, m->ir->mclass);
		else if (m->cls->setup && m->cls->setup(rt, m, err) < 0)
			m->notopen = 1;
		else if (strcmp(m->ir->mclass, "sequence") == 0)
			map_seq_setup(rt, m, i, err);
	}
	if (!have_host) {
		struct rt_map *h = &rt->maps[cf->nmaps];

		h->name = "host";
		h->cls = find_class("host");
		h->nul = MAPDB_NUL_AUTO;
		h->spacesub = rt->blanksub;
		h->args = "";
		h->hostdot = rt->level >= 2;	/* readcf's "host host -a." */
	}
	return 0;
}

/* Close whatever the maps opened. */
void map_free_all(struct rt *rt)
{
	for (size_t i = 0; i < rt->nmaps; i++) {
		struct rt_map *m = &rt->maps[i];

		mapdb_close(&m->db);
		if (m->re_ok)
			regfree(&m->re);
		free(m->text);
		free(m->subs_v);
		free(m->stab);
		sockmap_free(&m->sock);
	}
	rt->nmaps = 0;
}

/* The map named name whose class we have, or NULL. Map names ignore
 * case and a later K line of the same name wins, as in sendmail's
 * symbol table. */
struct rt_map *map_find(struct rt *rt, const char *name)
{
	for (size_t i = rt->nmaps; i-- > 0;)
		if (rt->maps[i].cls && strcasecmp(rt->maps[i].name, name) == 0)
			return &rt->maps[i];
	return NULL;
}

/* 0 if m can be asked (opening it now if its class opens lazily); else
 * print sendmail's /map answer, -1. */
int map_check_open(struct rt *rt, struct rt_map *m)
{
	if (!m->notopen) {
		if (m->cls->open)
			m->cls->open(rt, m);	/* a failure is the lookup's answer */
		return 0;
	}
	fprintf(rt->out, "Map named \"%s\" not open\n", m->name);
	return -1;
}

/* The joining byte for keys of m. */
char map_spacesub(const struct rt_map *m)
{
	return m->spacesub;
}

/* Remove double quotes and backslash escapes in place (sendmail's
 * stripquotes(): "a\"b" becomes a"b). */
static void strip_quotes(char *s)
{
	char *q = s;

	for (; *s; s++) {
		if (*s == '"')
			continue;
		if (*s == '\\' && s[1])
			s++;
		*q++ = *s;
	}
	*q = '\0';
}

/* Look key up in m as it is (no -T, quotes kept); see map.h. */
const char *map_lookup_class(struct rt *rt, struct rt_map *m, char *key,
			     const char *const *args, int nargs, int *stat)
{
	*stat = RT_OK;
	if (!m->cls || m->notopen)
		return NULL;
	return m->cls->lookup(rt, m, key, args, nargs, stat);
}

/* Look key up in m; see map.h. Quotes are stripped here, on the
 * rewriting path only (sendmail's /map hands the key over as typed). */
const char *map_lookup(struct rt *rt, struct rt_map *m, char *key,
		       const char *const *args, int nargs, int *stat)
{
	const char *r;

	if (!m->keepquotes)
		strip_quotes(key);
	*stat = RT_OK;
	if (strlen(key) > LIMIT_MAP_KEY)
		key[LIMIT_MAP_KEY] = '\0';	/* cut, as sendmail's key buffer */
	r = map_lookup_class(rt, m, key, args, nargs, stat);
	if (!r && *stat == RT_TEMPFAIL && m->tapp) {
		struct str s = STR_INIT;

		str_append(&s, key);
		str_append(&s, m->tapp);
		r = arena_strdup(rt->work, str_cstr(&s));
		str_free(&s);
	}
	return r;
}
