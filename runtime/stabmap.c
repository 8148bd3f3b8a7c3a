/*
 * stabmap.c - the "stab" map class: sendmail's internal symbol table,
 * which holds aliases when the K line names an alias file.
 *
 * At open the file is read as sendmail reads alias files (aliases.h):
 * each name is parsed as a recipient address with the configuration's
 * rules (addr.h; the rules' traces show, as in sendmail), a name that
 * does not resolve to an F=A mailer is reported "FILE: line N: NAME...
 * cannot alias non-local names" and skipped, the rest are kept under
 * their resolved user part, and the summary line newaliases prints ends
 * the reading. Lookups fold the key (even with -f) and search the entries
 * (a linear search: stab maps hold small files). Problems of syntax are
 * skipped (only a missing colon is reported, as sendmail does); after
 * LIMIT_DIAG_ERRORS of them the reading stops, where sendmail reads on.
 */
#include "runtime/mapclass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/str.h"
#include "lib/xalloc.h"
#include "maps/aliases.h"
#include "runtime/addr.h"

/* One alias of a stab map. */
struct stab_entry {
	const char *key, *value;
};

/* Reading state. */
struct stab_read {
	struct rt *rt;
	struct rt_map *m;
	size_t cap;
	unsigned long count;
	size_t longest, total;
};

/* aliases_resolver over the rules, reporting as sendmail's readaliases. */
static int stab_resolve(void *arg, const char *name, const struct srcpos *pos,
			struct str *key, struct str *why)
{
	struct stab_read *sr = arg;
	struct addr_parsed pa = ADDR_PARSED_INIT;
	int local;

	(void)why;
	local = addr_resolve(sr->rt, name, 0, &pa) == 0 && addr_aliasable(&pa);
	if (local)
		str_append(key, str_cstr(&pa.user));
	else
		rt_syserr_at(sr->rt, sr->rt->out, pos,
			     "%s... cannot alias non-local names", name);
	addr_parsed_free(&pa);
	return local ? 0 : 1;
}

/* A syntax problem: sendmail reports a missing colon (a syserr); the
 * other problems it passes over, or words its own way. */
static void stab_problem(void *arg, const struct srcpos *pos, const char *msg)
{
	struct stab_read *sr = arg;

	if (strcmp(msg, "missing colon") != 0)
		return;
	rt_syserr_at(sr->rt, sr->rt->out, pos, "%s", msg);
}

/* Keep one good entry (a later one of the same key wins, as in a map). */
static int stab_add(void *arg, const struct alias *a)
{
	struct stab_read *sr = arg;
	struct rt_map *m = sr->m;
	struct stab_entry *e = NULL;

	for (size_t i = 0; i < m->nstab && !e; i++)
		if (strcmp(m->stab[i].key, a->name) == 0)
			e = &m->stab[i];
	if (!e) {
		if (m->nstab == sr->cap) {
			sr->cap = sr->cap ? 2 * sr->cap : 16;
			m->stab = xreallocarray(m->stab, sr->cap, sizeof *m->stab);
		}
		e = &m->stab[m->nstab++];
		e->key = arena_strndup(sr->rt->arena, a->name, a->namelen);
	}
	e->value = arena_strndup(sr->rt->arena, a->value, a->valuelen);
	sr->count++;
	if (a->valuelen > sr->longest)
		sr->longest = a->valuelen;
	sr->total += a->namelen + a->valuelen;
	return 0;
}

int map_stab_open(struct rt *rt, struct rt_map *m)
{
	struct stab_read sr = { rt, m, 0, 0, 0, 0 };
	struct aliases_resolver res = { stab_resolve, stab_problem, &sr };
	char *path;
	FILE *in, *quiet;
	struct diag *d;

	if (m->opened)
		return m->failed ? -1 : 0;
	m->opened = 1;
	path = arena_strndup(rt->arena, m->args, strcspn(m->args, " \t"));
	in = fopen(path, "r");
	if (!in) {
		m->failed = 1;
		return -1;
	}
	quiet = fopen("/dev/null", "w");
	d = diag_new(DIAG_TEXT, quiet ? quiet : stderr, "sendmail");
	aliases_parse_resolved(in, path, d, &res, stab_add, &sr);
	diag_free(&d);
	if (quiet)
		fclose(quiet);
	fclose(in);
	arena_reset(rt->work);
	fprintf(rt->out, "%s: %lu aliases, longest %zu bytes, %zu bytes total\n",
		path, sr.count, sr.longest, sr.total);
	return 0;
}

/* Keys are folded even with -f (the table holds lower-case names); -m
 * gives the key as it came. A file that did not open: temporary failure. */
const char *map_stab_lookup(struct rt *rt, struct rt_map *m, char *key,
			    const char *const *args, int nargs, int *stat)
{
	char *k = m->matchonly ? arena_strdup(rt->work, key) : key;

	if (map_stab_open(rt, m) < 0) {
		*stat = RT_TEMPFAIL;
		return NULL;
	}
	addr_lower(k);
	for (size_t i = 0; i < m->nstab; i++)
		if (strcmp(m->stab[i].key, k) == 0)
			return map_result(rt, m, m->matchonly ? key : m->stab[i].value,
					  args, nargs);
	return NULL;
}
