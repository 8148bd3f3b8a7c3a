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
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/xalloc.h"
#include "maps/mapdb.h"
#include "runtime/mapclass.h"

/* Classes we know, and how each looks up. */
static const struct map_class classes[] = {
	{ "hash", map_db_lookup, 1 },	{ "btree", map_db_lookup, 1 },
	{ "implicit", map_db_lookup, 1 }, { "cdb", map_db_lookup, 1 },
	{ "text", map_text_lookup, 1 },	{ "dequote", map_dequote_lookup, 0 },
	{ "macro", map_macro_lookup, 0 }, { "arith", map_arith_lookup, 0 },
	{ "sequence", map_seq_lookup, 0 }, { "switch", map_seq_lookup, 0 },
	{ "host", map_host_lookup, 0 },	{ "user", map_user_lookup, 0 },
	{ "regex", map_regex_lookup, 0 }, { "stab", map_null_lookup, 0 },
	{ "null", map_null_lookup, 0 },	{ "dns", map_dns_lookup, 0 },
	{ "bestmx", map_bestmx_lookup, 0 },
	{ "program", map_program_lookup, 0 }, { "syslog", map_null_lookup, 0 },
	{ NULL, NULL, 0 },
};

/* The class named name, or NULL. */
static const struct map_class *find_class(const char *name)
{
	for (const struct map_class *c = classes; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
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
	case 'd': m->delim = *v ? *v : ' '; break;
	case 'k': m->kcol = atoi(v); break;
	case 'v': m->vcol = atoi(v); m->vname = arena_strdup(rt->arena, v); break;
	case 'z': m->zdelim = *v ? *v : ' '; break;
	case 'S': m->spacesub = *v; break;
	case 'R': m->rrtype = dnsmap_type(v + strspn(v, " \t")); break;	/* "-R A" */
	case 'Z': m->zcount = atoi(v); break;
	default: break;		/* -D -A -l ... accepted, no effect here */
	}
}

/* Set up one map from its K line. */
static void setup_one(struct rt *rt, struct rt_map *m, const struct ir_map *k)
{
	m->name = k->name;
	m->ir = k;
	m->cls = find_class(k->mclass);
	m->nul = MAPDB_NUL_AUTO;
	m->delim = -1;
	m->spacesub = rt->blanksub;
	for (size_t i = 0; i < k->nflags; i++)
		if (k->flags[i][0] == '-')
			parse_flag(rt, m, k->flags[i]);
	m->optional |= k->optional;
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

/* Build every map of rt->cf plus the implicit "host" map. */
int map_setup(struct rt *rt, FILE *err)
{
	const struct cf *cf = rt->cf;
	int have_host = cf_map(cf, "host") != NULL;

	rt->nmaps = cf->nmaps + !have_host;
	rt->maps = arena_calloc(rt->arena, rt->nmaps ? rt->nmaps : 1, sizeof *rt->maps);
	for (size_t i = 0; i < cf->nmaps; i++) {
		setup_one(rt, &rt->maps[i], &cf->maps[i]);
		if (!rt->maps[i].cls && err)
			fprintf(err, "%s: line %u: readcf: map %s: class %s not available\n",
				cf->maps[i].pos.file ? cf->maps[i].pos.file : cf->file,
				cf->maps[i].pos.line, cf->maps[i].name, cf->maps[i].mclass);
		if (strcmp(cf->maps[i].mclass, "sequence") == 0)
			map_seq_setup(rt, &rt->maps[i], i, err);
	}
	if (!have_host) {
		struct rt_map *h = &rt->maps[cf->nmaps];

		h->name = "host";
		h->cls = find_class("host");
		h->nul = MAPDB_NUL_AUTO;
		h->delim = -1;
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
	}
	rt->nmaps = 0;
}

/* The map named name (exact), or NULL. */
struct rt_map *map_find(struct rt *rt, const char *name)
{
	for (size_t i = 0; i < rt->nmaps; i++)
		if (strcmp(rt->maps[i].name, name) == 0)
			return &rt->maps[i];
	return NULL;
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
	if (!m->cls || strlen(key) > LIMIT_MAP_KEY)
		return NULL;
	return m->cls->lookup(rt, m, key, args, nargs, stat);
}

/* Look key up in m; see map.h. */
const char *map_lookup(struct rt *rt, struct rt_map *m, char *key,
		       const char *const *args, int nargs, int *stat)
{
	const char *r;

	if (!m->keepquotes)
		strip_quotes(key);
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

